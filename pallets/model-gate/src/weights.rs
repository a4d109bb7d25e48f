
//! Weights for `pallet_model_gate`, measured by `scripts/bench-pallets` (do not edit by hand).
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-07, STEPS: `50`, REPEAT: `20`, LOW RANGE: `[]`, HIGH RANGE: `[]`
//! WORST CASE MAP SIZE: `1000000`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, CHAIN: `Some("dev")`, DB CACHE: 1024

// Executed Command:
// /root/.cache/verity/target/node-benchmarks/verity-node
// benchmark
// pallet
// --chain
// dev
// --pallet
// pallet_model_gate
// --extrinsic
// *
// --wasm-execution
// compiled
// --steps
// 50
// --repeat
// 20
// --heap-pages
// 4096
// --template
// scripts/templates/pallet-weights.hbs
// --output
// pallets/model-gate/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_model_gate`.
pub trait WeightInfo {
	fn set_gate() -> Weight;
	fn apply() -> Weight;
	fn leave() -> Weight;
}

/// Weights for `pallet_model_gate` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `ModelGate::Gate` (r:0 w:1)
	/// Proof: `ModelGate::Gate` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn set_gate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 9_157_000 picoseconds.
		Weight::from_parts(10_440_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ModelGate::Gate` (r:1 w:0)
	/// Proof: `ModelGate::Gate` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `ModelGate::Members` (r:1 w:1)
	/// Proof: `ModelGate::Members` (`max_values`: Some(1), `max_size`: Some(32770), added: 33265, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncModels` (r:1 w:0)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncWorkBound` (r:1 w:0)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ModelBytes` (r:1 w:0)
	/// Proof: `Inference::ModelBytes` (`max_values`: None, `max_size`: Some(3145764), added: 3148239, mode: `MaxEncodedLen`)
	fn apply() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `35705`
		//  Estimated: `3149229`
		// Minimum execution time: 81_132_000 picoseconds.
		Weight::from_parts(107_911_000, 3149229)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ModelGate::Members` (r:1 w:1)
	/// Proof: `ModelGate::Members` (`max_values`: Some(1), `max_size`: Some(32770), added: 33265, mode: `MaxEncodedLen`)
	fn leave() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `32841`
		//  Estimated: `34255`
		// Minimum execution time: 40_325_000 picoseconds.
		Weight::from_parts(62_446_000, 34255)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn set_gate() -> Weight {
		Weight::from_parts(10_440_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn apply() -> Weight {
		Weight::from_parts(107_911_000, 3149229)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(62_446_000, 34255)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
