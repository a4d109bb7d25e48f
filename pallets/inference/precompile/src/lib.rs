//! # verity-precompile
//!
//! The native inference precompile: a runtime interface (host function) that
//! runs a registered quantized model inside the node, so a transaction can use
//! a model's output in the block that calls it.
//!
//! ```text
//!  runtime (wasm)                         node (native)
//!  ──────────────                         ─────────────
//!  precompile::run(hash, input, max_work)
//!      └─ host call verity_precompile.run ──▶ host::execute
//!                                              ├─ model by hash: parse cache,
//!                                              │  else the node's ModelSource
//!                                              │  (its artifact store)
//!                                              ├─ refuse if work > max_work
//!                                              └─ fixed-point run (exact i64)
//! ```
//!
//! **Determinism.** The fixed-point engine is exact integer arithmetic, so
//! every node computes the same output bytes; the only input that differs
//! between nodes is whether they *have* the model. A node without the
//! artifact does not turn that into a dispatch error (its block would then
//! differ from everyone else's): [`run`] panics, which traps the runtime. A
//! block author therefore drops the extrinsic, and an importer refuses the
//! block with a clear log until it has fetched the artifact (the node's
//! [`host::ModelSource::missing`] hook starts that fetch).
//!
//! **Cost.** A model's work ([`verity_inference::quant::QuantizedModel::work`],
//! multiply-accumulates plus one unit per computed value) is a property of the
//! model alone, so the caller prices the call before running it and passes the
//! work it paid for as `max_work`; the host refuses a model that does more.
//!
//! The node registers [`verity_precompile::HostFunctions`] with its executor
//! and installs its artifact store with [`host::set_model_source`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_runtime_interface::{
	pass_by::{AllocateAndReturnByCodec, PassFatPointerAndDecodeSlice, PassPointerAndRead},
	runtime_interface,
};

#[cfg(feature = "std")]
pub mod host;

/// A blake2-256 hash: the quantized model's canonical-bytes hash.
pub type Hash256 = [u8; 32];

/// Largest layer count of the synthetic benchmark models ([`verity_precompile::bench_model`]).
pub const MAX_BENCH_LAYERS: u32 = 1024;

/// Work units of one layer of a synthetic benchmark model (a 32×32 linear layer).
pub const BENCH_LAYER_WORK: u64 = 32 * 32;

/// Why the precompile refused to run a model. Every variant is decided by the
/// model's bytes and the call's arguments alone, so every node agrees on it.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum PrecompileError {
	/// The model does more work than the caller paid for.
	WorkExceeded {
		/// The model's work units.
		work: u64,
	},
	/// The input's length differs from the model's input size.
	InputLength {
		/// Values the model takes.
		expected: u32,
	},
	/// An input value lies outside the model's signed `act_bits` range.
	InputOutOfRange,
	/// The bytes stored under the hash are not a valid quantized model.
	InvalidModel,
}

/// The host functions. The runtime calls them through [`run`] (and the
/// pallet benchmarks through `bench_model`).
#[runtime_interface]
pub trait VerityPrecompile {
	/// Runs the quantized model whose canonical bytes hash to `quantized_hash`
	/// on `input` (every input tensor's values, row-major, concatenated) and
	/// returns its outputs the same way. `None` when this node does not have
	/// the model's artifact.
	fn run(
		quantized_hash: PassPointerAndRead<&[u8; 32], 32>,
		input: PassFatPointerAndDecodeSlice<&[i32]>,
		max_work: u64,
	) -> AllocateAndReturnByCodec<Option<Result<Vec<i32>, PrecompileError>>> {
		host::execute(quantized_hash, input, max_work)
	}

	/// The work units of the quantized model behind `quantized_hash` (see
	/// the crate docs); `None` when this node does not have its artifact.
	fn work(
		quantized_hash: PassPointerAndRead<&[u8; 32], 32>,
	) -> AllocateAndReturnByCodec<Option<Result<u64, PrecompileError>>> {
		host::work(quantized_hash)
	}

	/// Builds the synthetic benchmark model of `layers` 32×32 linear layers
	/// (work `layers · BENCH_LAYER_WORK`, input and output 32 values), makes it
	/// available to [`run`] and returns its hash. Called only by the
	/// `runtime-benchmarks` build; `layers` is capped at [`MAX_BENCH_LAYERS`].
	fn bench_model(layers: u32) -> AllocateAndReturnByCodec<Hash256> {
		host::install_bench_model(layers)
	}
}

/// Runs a model through the precompile (see [`verity_precompile::run`]).
///
/// # Panics
///
/// When this node does not have the model's artifact: on purpose, so the
/// runtime traps instead of recording an outcome other nodes would not share
/// (see the crate docs).
pub fn run(
	quantized_hash: &Hash256,
	input: &[i32],
	max_work: u64,
) -> Result<Vec<i32>, PrecompileError> {
	verity_precompile::run(quantized_hash, input, max_work)
		.unwrap_or_else(|| missing(quantized_hash))
}

/// The work units of a model (see [`verity_precompile::work`]).
///
/// # Panics
///
/// When this node does not have the model's artifact, like [`run`].
pub fn work(quantized_hash: &Hash256) -> Result<u64, PrecompileError> {
	verity_precompile::work(quantized_hash).unwrap_or_else(|| missing(quantized_hash))
}

fn missing(quantized_hash: &Hash256) -> ! {
	panic!(
		"inference precompile: this node does not have the quantized model {}; \
		 it is being fetched from peers",
		HexHash(quantized_hash)
	)
}

/// `0x`-hex display of a hash (no_std, no allocation).
struct HexHash<'a>(&'a Hash256);

impl core::fmt::Display for HexHash<'_> {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		f.write_str("0x")?;
		self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
	}
}
