//! # verity-precompile
//!
//! The native inference precompile: a runtime interface (host function) that
//! runs a quantized model inside the node, so a transaction can use a model's
//! output in the block that calls it.
//!
//! ```text
//!  runtime (wasm)                                node (native)
//!  ──────────────                                ─────────────
//!  model bytes from chain state ─┐
//!  precompile::run(hash, bytes, input, max_work)
//!      └─ host call verity_precompile.run ──────▶ host::execute
//!                                                  ├─ parsed model by hash
//!                                                  │  (cache; else parse bytes)
//!                                                  ├─ refuse if work > max_work
//!                                                  └─ fixed-point run (exact i64)
//! ```
//!
//! **Determinism.** The model's bytes come from chain state (the runtime
//! stores the quantized model of every model enabled for synchronous
//! inference, and checked its hash on upload), and the fixed-point engine is
//! exact integer arithmetic: every node computes the same output from the
//! same state, whatever files it has. A node syncing from genesis needs
//! nothing but the chain.
//!
//! **Cost.** A model's work ([`verity_inference::quant::QuantizedModel::work`],
//! multiply-accumulates plus one unit per computed value) is a property of the
//! model alone, so the caller prices the call before running it and passes the
//! work it paid for as `max_work`; the host refuses a model that does more.
//! Parsing is paid once per node and model: parsed models are cached by hash.
//!
//! The node registers [`verity_precompile::HostFunctions`] with its executor.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;
use sp_runtime_interface::{
	pass_by::{
		AllocateAndReturnByCodec, PassFatPointerAndDecodeSlice, PassFatPointerAndRead,
		PassPointerAndRead,
	},
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
	/// The bytes are not a valid quantized model, or do not hash to the
	/// given hash.
	InvalidModel,
}

/// The host functions. The runtime calls them through [`run`] and [`work`]
/// (and the pallet benchmarks through `bench_model`).
#[runtime_interface]
pub trait VerityPrecompile {
	/// Runs the quantized model `model` (its canonical bytes, which hash to
	/// `quantized_hash`) on `input` (every input tensor's values, row-major,
	/// concatenated) and returns its outputs the same way.
	fn run(
		quantized_hash: PassPointerAndRead<&[u8; 32], 32>,
		model: PassFatPointerAndRead<&[u8]>,
		input: PassFatPointerAndDecodeSlice<&[i32]>,
		max_work: u64,
	) -> AllocateAndReturnByCodec<Result<Vec<i32>, PrecompileError>> {
		host::execute(quantized_hash, model, input, max_work)
	}

	/// The work units of the quantized model `model` (hashing to
	/// `quantized_hash`; see the crate docs).
	fn work(
		quantized_hash: PassPointerAndRead<&[u8; 32], 32>,
		model: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<u64, PrecompileError>> {
		host::work(quantized_hash, model)
	}

	/// The canonical bytes of a synthetic benchmark model of `layers` 32×32
	/// linear layers (work `layers · BENCH_LAYER_WORK`, input and output 32
	/// values), a new variant on every call (never parsed yet). Called only
	/// by the `runtime-benchmarks` build; `layers` is capped at
	/// [`MAX_BENCH_LAYERS`].
	fn bench_model(layers: u32) -> AllocateAndReturnByCodec<Vec<u8>> {
		host::fresh_bench_model(layers).to_bytes()
	}
}

/// Runs a model through the precompile (see [`verity_precompile::run`]).
pub fn run(
	quantized_hash: &Hash256,
	model: &[u8],
	input: &[i32],
	max_work: u64,
) -> Result<Vec<i32>, PrecompileError> {
	verity_precompile::run(quantized_hash, model, input, max_work)
}

/// The work units of a model (see [`verity_precompile::work`]).
pub fn work(quantized_hash: &Hash256, model: &[u8]) -> Result<u64, PrecompileError> {
	verity_precompile::work(quantized_hash, model)
}
