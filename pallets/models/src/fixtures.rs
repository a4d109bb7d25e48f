//! Real models' descriptors for tests and benchmarks, and their verifying
//! keys from single-party setups (for other pallets' verifier tests), made by
//! `pallets/models/fixtures/make-fixtures.sh` (see there).

use crate::{
	Config, Hash256, InputDescriptor, OutputDescriptor, OutputTransform, SliceDescriptor,
	VersionDescriptor, ZkParams,
};
use alloc::vec::Vec;
use frame_support::{traits::Get, BoundedVec};

/// Verifying key of `models/mlp_digits8.qmodel` (7 public inputs, 770 bytes).
pub const MLP_DIGITS8_VK: &[u8] = include_bytes!("../fixtures/mlp_digits8.vk");
/// blake2-256 of `models/mlp_digits8.onnx`.
pub const MLP_DIGITS8_ONNX_HASH: Hash256 =
	hex32("8c7a26d8fc8420cd11e1f200adfca0531b5d6b666448847d6ba236275f65e2e7");
/// The QAP domain of `models/mlp_digits8.qmodel` (3,032 rows).
pub const MLP_DIGITS8_DOMAIN: u32 = 3072;

/// Verifying key of `fixtures/wide60.qmodel`, a Gemm 8 -> 60 (10 public inputs,
/// 914 bytes: the largest key verity-zk makes).
pub const WIDE60_VK: &[u8] = include_bytes!("../fixtures/wide60.vk");
/// blake2-256 of `fixtures/wide60.onnx`.
pub const WIDE60_ONNX_HASH: Hash256 =
	hex32("d43d4f92641c5ce88d3c7729caae9ca6967051218173b48dbd50e0dab3d83654");
/// A QAP domain that fits `fixtures/wide60.qmodel`.
pub const WIDE60_DOMAIN: u32 = 4096;

/// A 32-byte hash from 64 hex digits, at compile time.
pub const fn hex32(s: &str) -> Hash256 {
	const fn digit(c: u8) -> u8 {
		match c {
			b'0'..=b'9' => c - b'0',
			b'a'..=b'f' => c - b'a' + 10,
			_ => panic!("not a lowercase hex digit"),
		}
	}
	let s = s.as_bytes();
	assert!(s.len() == 64, "64 hex digits expected");
	let mut out = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		out[i] = digit(s[2 * i]) << 4 | digit(s[2 * i + 1]);
		i += 1;
	}
	out
}

/// The model id (quantized-model hash) and layout in a verifying key's header.
pub fn key_header(vk: &[u8]) -> (Hash256, verity_zk::StatementLayout) {
	let key = verity_zk::VerifyingKey::<verity_zk::Bls12_381>::from_bytes(vk)
		.expect("fixture keys are valid");
	(key.model_id, key.layout)
}

fn bounded<T: Clone, S: Get<u32>>(v: Vec<T>) -> BoundedVec<T, S> {
	BoundedVec::try_from(v)
		.ok()
		.expect("fixture within the configured bounds")
}

/// `models/mlp_digits8`'s descriptor as `verity model quantize` made it: input
/// `[1, 64]` at 13 fraction bits, output `[1, 10]` at 9 with a softmax over axis
/// 1, 16-bit activations; both modes.
pub fn mlp_digits8<T: Config>() -> VersionDescriptor<T> {
	let (quantized_hash, layout) = key_header(MLP_DIGITS8_VK);
	VersionDescriptor::<T> {
		version: bounded(b"1.0.0".to_vec()),
		onnx_hash: MLP_DIGITS8_ONNX_HASH,
		quantized_hash,
		zk: Some(ZkParams {
			domain_size: MLP_DIGITS8_DOMAIN,
			owner_contributes: false,
		}),
		act_bits: layout.act_bits as u8,
		inputs: bounded(alloc::vec![InputDescriptor {
			shape: bounded(alloc::vec![1, 64]),
			frac_bits: 13
		}]),
		outputs: bounded(alloc::vec![OutputDescriptor {
			shape: bounded(alloc::vec![1, 10]),
			frac_bits: 9,
			transform: OutputTransform::Softmax { axis: 1 },
		}]),
		supports_zk: true,
		supports_vanilla: true,
	}
}

/// `total` values split over at most `parts` tensors of rank `rank`
/// (`[1, .., 1, n]`), as many tensors as the values allow.
fn spread(total: u32, parts: u32, rank: u32) -> Vec<Vec<u32>> {
	let parts = parts.min(total).max(1);
	(0..parts)
		.map(|i| {
			let n = total / parts + u32::from(i < total % parts);
			let mut shape = alloc::vec![1u32; rank.max(1) as usize - 1];
			shape.push(n);
			shape
		})
		.collect()
}

/// The heaviest version the configuration admits, for benchmarks: the model
/// with the most public inputs ([`WIDE60_VK`]'s), the longest label, as many
/// inputs and outputs as its sizes can be split into, each of the largest
/// rank, outputs with a softmax, both modes (so a key ceremony starts).
pub fn heaviest<T: Config>() -> VersionDescriptor<T> {
	let (quantized_hash, layout) = key_header(WIDE60_VK);
	let rank = T::MaxShapeRank::get();
	let inputs = spread(layout.input_len, T::MaxIoTensors::get(), rank)
		.into_iter()
		.map(|shape| InputDescriptor {
			shape: bounded(shape),
			frac_bits: 13,
		})
		.collect();
	let outputs = spread(layout.output_len, T::MaxIoTensors::get(), rank)
		.into_iter()
		.map(|shape| OutputDescriptor {
			shape: bounded(shape),
			frac_bits: 9,
			transform: OutputTransform::Softmax { axis: rank - 1 },
		})
		.collect();
	VersionDescriptor::<T> {
		version: bounded(alloc::vec![b'9'; T::MaxVersionLen::get() as usize]),
		onnx_hash: WIDE60_ONNX_HASH,
		quantized_hash,
		zk: Some(ZkParams {
			domain_size: WIDE60_DOMAIN,
			owner_contributes: true,
		}),
		act_bits: layout.act_bits as u8,
		inputs: bounded(inputs),
		outputs: bounded(outputs),
		supports_zk: true,
		supports_vanilla: true,
	}
}

/// [`heaviest`] as a sliced version of `count` slices (at most `MaxSlices`):
/// the descriptor without zk parameters, slices that chain its values
/// (`input_len` → `output_len` → … → `output_len`, every boundary as wide as
/// the output), each with its own hash, on [`WIDE60_DOMAIN`].
pub fn sliced<T: Config>(
	count: u32,
) -> (
	VersionDescriptor<T>,
	BoundedVec<SliceDescriptor, T::MaxSlices>,
) {
	let mut descriptor = heaviest::<T>();
	descriptor.zk = None;
	let (_, layout) = key_header(WIDE60_VK);
	let slices = (0..count)
		.map(|i| {
			let mut quantized_hash = descriptor.quantized_hash;
			quantized_hash[31] ^= (i as u8).wrapping_add(1);
			SliceDescriptor {
				quantized_hash,
				input_len: if i == 0 {
					layout.input_len
				} else {
					layout.output_len
				},
				output_len: layout.output_len,
				domain_size: WIDE60_DOMAIN,
			}
		})
		.collect();
	(descriptor, bounded(slices))
}

/// The longest name the configuration admits.
pub fn longest_name<T: Config>() -> BoundedVec<u8, T::MaxNameLen> {
	bounded(alloc::vec![b'n'; T::MaxNameLen::get() as usize])
}
