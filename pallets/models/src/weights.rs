
//! Weights for `pallet_models`, measured by `scripts/bench-pallets` (do not edit by hand).
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
	fn remove_version(s: u32, ) -> Weight;
	fn register_sliced_model(s: u32, ) -> Weight;
	fn new_sliced_version(s: u32, ) -> Weight;
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:1)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::DomainTables` (r:1 w:0)
	/// Proof: `Ceremony::DomainTables` (`max_values`: None, `max_size`: Some(592), added: 3067, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:0 w:1)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:0 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	fn register_model() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1718`
		//  Estimated: `21359`
		// Minimum execution time: 7_017_639_000 picoseconds.
		Weight::from_parts(7_482_807_000, 21359)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::NextModelId` (r:1 w:1)
	/// Proof: `Models::NextModelId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:1)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::DomainTables` (r:1 w:0)
	/// Proof: `Ceremony::DomainTables` (`max_values`: None, `max_size`: Some(592), added: 3067, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:0 w:1)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	fn new_version() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2440`
		//  Estimated: `21359`
		// Minimum execution time: 7_212_964_000 picoseconds.
		Weight::from_parts(11_637_166_000, 21359)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:1 w:0)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:1 w:0)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	fn deprecate() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2039`
		//  Estimated: `3860`
		// Minimum execution time: 60_522_000 picoseconds.
		Weight::from_parts(76_833_000, 3860)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:1 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:0)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncModels` (r:1 w:0)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:1 w:1)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:0 w:8)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:0 w:8)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:0 w:8)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Models::SliceSpecs` (r:0 w:8)
	/// Proof: `Models::SliceSpecs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[2, 8]`.
	fn remove_version(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2320 + s * (16 ±0)`
		//  Estimated: `3860`
		// Minimum execution time: 153_777_000 picoseconds.
		Weight::from_parts(165_922_043, 3860)
			// Standard Error: 610_603
			.saturating_add(Weight::from_parts(9_446_648, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
	}
	/// Storage: `Models::NextFamilyId` (r:1 w:1)
	/// Proof: `Models::NextFamilyId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Models::NextModelId` (r:1 w:1)
	/// Proof: `Models::NextModelId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:8 w:8)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::DomainTables` (r:1 w:0)
	/// Proof: `Ceremony::DomainTables` (`max_values`: None, `max_size`: Some(592), added: 3067, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:0 w:8)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:0 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::SliceSpecs` (r:0 w:8)
	/// Proof: `Models::SliceSpecs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:0 w:1)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[2, 8]`.
	fn register_sliced_model(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1718`
		//  Estimated: `4057 + s * (20369 ±0)`
		// Minimum execution time: 14_032_043_000 picoseconds.
		Weight::from_parts(14_740_555_000, 4057)
			// Standard Error: 79_658_804
			.saturating_add(Weight::from_parts(6_106_400_774, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(8_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::NextModelId` (r:1 w:1)
	/// Proof: `Models::NextModelId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:8 w:8)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::DomainTables` (r:1 w:0)
	/// Proof: `Ceremony::DomainTables` (`max_values`: None, `max_size`: Some(592), added: 3067, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:0 w:8)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Models::SliceSpecs` (r:0 w:8)
	/// Proof: `Models::SliceSpecs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Models::ModelDetails` (r:0 w:1)
	/// Proof: `Models::ModelDetails` (`max_values`: None, `max_size`: Some(353), added: 2828, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:0 w:1)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:0 w:1)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[2, 8]`.
	fn new_sliced_version(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2440`
		//  Estimated: `4057 + s * (20369 ±0)`
		// Minimum execution time: 14_033_315_000 picoseconds.
		Weight::from_parts(288_527_642, 4057)
			// Standard Error: 131_735_968
			.saturating_add(Weight::from_parts(7_908_125_732, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(7_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	/// Storage: `Models::Families` (r:1 w:0)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Models::PendingOwners` (r:0 w:1)
	/// Proof: `Models::PendingOwners` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	fn transfer_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `548`
		//  Estimated: `3860`
		// Minimum execution time: 43_822_000 picoseconds.
		Weight::from_parts(58_208_000, 3860)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Models::PendingOwners` (r:1 w:1)
	/// Proof: `Models::PendingOwners` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Models::Families` (r:1 w:1)
	/// Proof: `Models::Families` (`max_values`: None, `max_size`: Some(395), added: 2870, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	fn accept_ownership() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `788`
		//  Estimated: `6218`
		// Minimum execution time: 152_955_000 picoseconds.
		Weight::from_parts(167_352_000, 6218)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(7_482_807_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn new_version() -> Weight {
		Weight::from_parts(11_637_166_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn deprecate() -> Weight {
		Weight::from_parts(76_833_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_version(s: u32, ) -> Weight {
		Weight::from_parts(165_922_043, 3860)
			.saturating_add(Weight::from_parts(9_446_648, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(s.into())))
	}
	fn register_sliced_model(s: u32, ) -> Weight {
		Weight::from_parts(14_740_555_000, 4057)
			.saturating_add(Weight::from_parts(6_106_400_774, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	fn new_sliced_version(s: u32, ) -> Weight {
		Weight::from_parts(288_527_642, 4057)
			.saturating_add(Weight::from_parts(7_908_125_732, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(58_208_000, 3860)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(167_352_000, 6218)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
