
//! Weights for `pallet_ceremony`, measured by `scripts/bench-pallets` (do not edit by hand).
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
// pallet_ceremony
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
// pallets/ceremony/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_ceremony`.
pub trait WeightInfo {
	fn contribute_srs() -> Weight;
	fn attest_srs() -> Weight;
	fn seal_srs(t: u32, ) -> Weight;
	fn contribute_key() -> Weight;
	fn retry_key() -> Weight;
	fn refute_key() -> Weight;
	fn publish_bases() -> Weight;
	fn start_key() -> Weight;
	fn on_initialize_srs() -> Weight;
	fn on_initialize_keys(n: u32, ) -> Weight;
}

/// Weights for `pallet_ceremony` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::SrsPending` (r:1 w:1)
	/// Proof: `Ceremony::SrsPending` (`max_values`: Some(1), `max_size`: Some(2486), added: 2981, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn contribute_srs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `621`
		//  Estimated: `3971`
		// Minimum execution time: 16_800_227_000 picoseconds.
		Weight::from_parts(18_258_947_000, 3971)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Ceremony::Phase1` (r:1 w:1)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::SrsPending` (r:1 w:1)
	/// Proof: `Ceremony::SrsPending` (`max_values`: Some(1), `max_size`: Some(2486), added: 2981, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn attest_srs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1114`
		//  Estimated: `3971`
		// Minimum execution time: 44_493_000 picoseconds.
		Weight::from_parts(56_736_000, 3971)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Ceremony::Phase1` (r:1 w:1)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::SealVotes` (r:1 w:1)
	/// Proof: `Ceremony::SealVotes` (`max_values`: Some(1), `max_size`: Some(2049), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::DomainTables` (r:0 w:25)
	/// Proof: `Ceremony::DomainTables` (`max_values`: None, `max_size`: Some(592), added: 3067, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::FinalSrs` (r:0 w:1)
	/// Proof: `Ceremony::FinalSrs` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `t` is `[1, 25]`.
	fn seal_srs(t: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `557`
		//  Estimated: `3534`
		// Minimum execution time: 4_160_200_000 picoseconds.
		Weight::from_parts(4_195_185_000, 3534)
			// Standard Error: 17_814_242
			.saturating_add(Weight::from_parts(4_126_534_461, 0).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(t.into())))
	}
	/// Storage: `Ceremony::Ceremonies` (r:1 w:1)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:1)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:0 w:1)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	fn contribute_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1323`
		//  Estimated: `21359`
		// Minimum execution time: 15_284_058_000 picoseconds.
		Weight::from_parts(16_034_047_000, 21359)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Ceremony::Ceremonies` (r:1 w:1)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	fn retry_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `475`
		//  Estimated: `21359`
		// Minimum execution time: 49_382_000 picoseconds.
		Weight::from_parts(58_498_000, 21359)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Ceremony::Ceremonies` (r:1 w:1)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:1)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:0 w:1)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	fn refute_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1847`
		//  Estimated: `21359`
		// Minimum execution time: 8_473_074_000 picoseconds.
		Weight::from_parts(8_770_088_000, 21359)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Ceremony::Phase1` (r:1 w:0)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::FinalSrs` (r:1 w:0)
	/// Proof: `Ceremony::FinalSrs` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Bases` (r:1 w:1)
	/// Proof: `Ceremony::Bases` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
	/// Storage: `Aura::Authorities` (r:1 w:0)
	/// Proof: `Aura::Authorities` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	fn publish_bases() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1673`
		//  Estimated: `3541`
		// Minimum execution time: 59_050_000 picoseconds.
		Weight::from_parts(67_537_000, 3541)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
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
	fn start_key() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1781`
		//  Estimated: `21359`
		// Minimum execution time: 6_994_797_000 picoseconds.
		Weight::from_parts(7_326_285_000, 21359)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Ceremony::Phase1` (r:1 w:1)
	/// Proof: `Ceremony::Phase1` (`max_values`: Some(1), `max_size`: Some(1485), added: 1980, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	fn on_initialize_srs() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `583`
		//  Estimated: `3509`
		// Minimum execution time: 4_646_887_000 picoseconds.
		Weight::from_parts(4_760_689_000, 3509)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Ceremony::Active` (r:1 w:1)
	/// Proof: `Ceremony::Active` (`max_values`: Some(1), `max_size`: Some(129), added: 624, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:16 w:16)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Timing` (r:1 w:0)
	/// Proof: `Ceremony::Timing` (`max_values`: Some(1), `max_size`: Some(12), added: 507, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:16 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:0 w:16)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[0, 16]`.
	fn on_initialize_keys(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1032 + n * (573 ±0)`
		//  Estimated: `1614 + n * (20369 ±0)`
		// Minimum execution time: 4_498_000 picoseconds.
		Weight::from_parts(4_859_000, 1614)
			// Standard Error: 7_039_493
			.saturating_add(Weight::from_parts(6_995_841_679, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(n.into()))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn contribute_srs() -> Weight {
		Weight::from_parts(18_258_947_000, 3971)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn attest_srs() -> Weight {
		Weight::from_parts(56_736_000, 3971)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn seal_srs(t: u32, ) -> Weight {
		Weight::from_parts(4_195_185_000, 3534)
			.saturating_add(Weight::from_parts(4_126_534_461, 0).saturating_mul(t.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((1_u64).saturating_mul(t.into())))
	}
	fn contribute_key() -> Weight {
		Weight::from_parts(16_034_047_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn retry_key() -> Weight {
		Weight::from_parts(58_498_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn refute_key() -> Weight {
		Weight::from_parts(8_770_088_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn publish_bases() -> Weight {
		Weight::from_parts(67_537_000, 3541)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn start_key() -> Weight {
		Weight::from_parts(7_326_285_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn on_initialize_srs() -> Weight {
		Weight::from_parts(4_760_689_000, 3509)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn on_initialize_keys(n: u32, ) -> Weight {
		Weight::from_parts(4_859_000, 1614)
			.saturating_add(Weight::from_parts(6_995_841_679, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(n.into()))
	}
}
