
//! Weights for `pallet_ceremony`, measured by `scripts/bench-pallets` (do not edit by hand).
//!
//! PLACEHOLDER until the first `scripts/bench-pallets pallet_ceremony` run:
//! conservative estimates (host-accelerated pairings ~2 ms per Miller loop
//! batch, scalar multiplications ~0.2 ms).

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
	fn start_key() -> Weight;
	fn on_initialize_srs() -> Weight;
	fn on_initialize_keys(n: u32, ) -> Weight;
}

/// Weights for `pallet_ceremony` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn contribute_srs() -> Weight {
		Weight::from_parts(40_000_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn attest_srs() -> Weight {
		Weight::from_parts(100_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn seal_srs(t: u32, ) -> Weight {
		Weight::from_parts(100_000_000, 2_000)
			.saturating_add(Weight::from_parts(5_000_000_000, 600).saturating_mul(t.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(t.into())))
	}
	fn contribute_key() -> Weight {
		Weight::from_parts(20_000_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn retry_key() -> Weight {
		Weight::from_parts(100_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn start_key() -> Weight {
		Weight::from_parts(10_000_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn on_initialize_srs() -> Weight {
		Weight::from_parts(10_000_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn on_initialize_keys(n: u32, ) -> Weight {
		Weight::from_parts(5_000_000, 0)
			.saturating_add(Weight::from_parts(200_000_000, 4_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
	}
}

// For tests.
impl WeightInfo for () {
	fn contribute_srs() -> Weight { Weight::from_parts(40_000_000_000, 2_000) }
	fn attest_srs() -> Weight { Weight::from_parts(100_000_000, 2_000) }
	fn seal_srs(t: u32, ) -> Weight { Weight::from_parts(5_000_000_000, 600).saturating_mul(t.into()) }
	fn contribute_key() -> Weight { Weight::from_parts(20_000_000_000, 4_000) }
	fn retry_key() -> Weight { Weight::from_parts(100_000_000, 4_000) }
	fn start_key() -> Weight { Weight::from_parts(10_000_000_000, 4_000) }
	fn on_initialize_srs() -> Weight { Weight::from_parts(10_000_000_000, 2_000) }
	fn on_initialize_keys(n: u32, ) -> Weight { Weight::from_parts(200_000_000, 4_000).saturating_mul(n.into()) }
}
