
//! Weights for `pallet_models`, measured by `scripts/bench-pallets` (do not edit by hand).
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-11-29, STEPS: `50`, REPEAT: `20`, LOW RANGE: `[]`, HIGH RANGE: `[]`
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
// pallet_models
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
// pallets/models/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_models`.
pub trait WeightInfo {
	fn register_model() -> Weight;
	fn new_version() -> Weight;
	fn deprecate() -> Weight;
	fn remove_version() -> Weight;
	fn transfer_ownership() -> Weight;
	fn accept_ownership() -> Weight;
}

/// Weights for `pallet_models` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Models::NextFamilyId` (r:1 w:1)
	/// Proof: `Models::NextFamilyId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Models::NextModelId` (r:1 w:1)
	/// Proof: `Models::NextModelId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:0 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(380), added: 2855, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::VerifyingKeys` (r:0 w:1)
	/// Proof: `Models::VerifyingKeys` (`max_values`: None, `max_size`: Some(940), added: 3415, mode: `MaxEncodedLen`)
	fn register_model() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4`
		//  Estimated: `3568`
		// Minimum execution time: 10_185_404_000 picoseconds.
		Weight::from_parts(10_737_495_000, 3568)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::NextModelId` (r:1 w:1)
	/// Proof: `Models::NextModelId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(380), added: 2855, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::VerifyingKeys` (r:0 w:1)
	/// Proof: `Models::VerifyingKeys` (`max_values`: None, `max_size`: Some(940), added: 3415, mode: `MaxEncodedLen`)
	fn new_version() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `628`
		//  Estimated: `3860`
		// Minimum execution time: 10_232_644_000 picoseconds.
		Weight::from_parts(10_548_074_000, 3860)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:1 w:0)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(380), added: 2855, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:1 w:0)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	fn deprecate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2023`
		//  Estimated: `3860`
		// Minimum execution time: 48_032_000 picoseconds.
		Weight::from_parts(52_388_000, 3860)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Models::Families` (r:1 w:0)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::PendingOwners` (r:0 w:1)
	/// Proof: `Models::PendingOwners` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn remove_version() -> Weight {
		Weight::from_parts(100_000_000, 6146)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn transfer_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `581`
		//  Estimated: `3860`
		// Minimum execution time: 32_889_000 picoseconds.
		Weight::from_parts(37_836_000, 3860)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Models::PendingOwners` (r:1 w:1)
	/// Proof: `Models::PendingOwners` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(103), added: 2578, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn accept_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `821`
		//  Estimated: `6146`
		// Minimum execution time: 123_043_000 picoseconds.
		Weight::from_parts(155_881_000, 6146)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(10_737_495_000, 3568)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn new_version() -> Weight {
		Weight::from_parts(10_548_074_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn deprecate() -> Weight {
		Weight::from_parts(52_388_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_version() -> Weight {
		Weight::from_parts(100_000_000, 6146)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(37_836_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(155_881_000, 6146)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
