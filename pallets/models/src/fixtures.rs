//! Real verifying keys for tests and benchmarks, made by
//! `pallets/models/fixtures/make-fixtures.sh` (see there).

use crate::{
	Config, Hash256, InputDescriptor, OutputDescriptor, OutputTransform, VersionDescriptor,
};
use alloc::vec::Vec;
use frame_support::{traits::Get, BoundedVec};

/// Verifying key of `models/mlp_digits8.qmodel` (7 public inputs, 770 bytes).
pub const MLP_DIGITS8_VK: &[u8] = include_bytes!("../fixtures/mlp_digits8.vk");
/// blake2-256 of `models/mlp_digits8.onnx`.
pub const MLP_DIGITS8_ONNX_HASH: Hash256 =
	hex32("8c7a26d8fc8420cd11e1f200adfca0531b5d6b666448847d6ba236275f65e2e7");
/// blake2-256 of the proving key made with [`MLP_DIGITS8_VK`].
pub const MLP_DIGITS8_PK_HASH: Hash256 =
	hex32("de01d692a473fab5f67ed10a1f2ac2ea8eac0e276980a6f8de72345d88dd5f18");

/// Verifying key of `fixtures/wide60.qmodel`, a Gemm 8 -> 60 (10 public inputs,
/// 914 bytes: the largest key verity-zk makes).
pub const WIDE60_VK: &[u8] = include_bytes!("../fixtures/wide60.vk");
/// blake2-256 of `fixtures/wide60.onnx`.
pub const WIDE60_ONNX_HASH: Hash256 =
	hex32("d43d4f92641c5ce88d3c7729caae9ca6967051218173b48dbd50e0dab3d83654");
/// blake2-256 of the proving key made with [`WIDE60_VK`].
pub const WIDE60_PK_HASH: Hash256 =
	hex32("039dedfb84afd7afa008de7deeb38c52a3f876ac122eb106b1b21d07efc91a06");

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
pub fn mlp_digits8<T: Config>() -> (VersionDescriptor<T>, BoundedVec<u8, T::MaxVerifyingKeyLen>) {
	let (quantized_hash, layout) = key_header(MLP_DIGITS8_VK);
	let descriptor = VersionDescriptor::<T> {
		version: bounded(b"1.0.0".to_vec()),
		onnx_hash: MLP_DIGITS8_ONNX_HASH,
		quantized_hash,
		proving_key_hash: Some(MLP_DIGITS8_PK_HASH),
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
	};
	(descriptor, bounded(MLP_DIGITS8_VK.to_vec()))
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

/// The heaviest version the configuration admits, for benchmarks: the largest
/// key that fits ([`WIDE60_VK`], else [`MLP_DIGITS8_VK`]), the longest label, as
/// many inputs and outputs as the key's sizes can be split into, each of the
/// largest rank, outputs with a softmax, both modes.
pub fn heaviest<T: Config>() -> (VersionDescriptor<T>, BoundedVec<u8, T::MaxVerifyingKeyLen>) {
	let (vk, onnx_hash, pk_hash) = if WIDE60_VK.len() as u32 <= T::MaxVerifyingKeyLen::get() {
		(WIDE60_VK, WIDE60_ONNX_HASH, WIDE60_PK_HASH)
	} else {
		(MLP_DIGITS8_VK, MLP_DIGITS8_ONNX_HASH, MLP_DIGITS8_PK_HASH)
	};
	let (quantized_hash, layout) = key_header(vk);
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
	let descriptor = VersionDescriptor::<T> {
		version: bounded(alloc::vec![b'9'; T::MaxVersionLen::get() as usize]),
		onnx_hash,
		quantized_hash,
		proving_key_hash: Some(pk_hash),
		act_bits: layout.act_bits as u8,
		inputs: bounded(inputs),
		outputs: bounded(outputs),
		supports_zk: true,
		supports_vanilla: true,
	};
	(descriptor, bounded(vk.to_vec()))
}

/// The longest name the configuration admits.
pub fn longest_name<T: Config>() -> BoundedVec<u8, T::MaxNameLen> {
	bounded(alloc::vec![b'n'; T::MaxNameLen::get() as usize])
}
