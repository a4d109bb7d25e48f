//! Weights of `pallet-models`.
//!
//! PLACEHOLDER — TO BE REGENERATED with `scripts/bench-pallets pallet_models`
//! (`verity-node benchmark pallet`) now that the runtime includes the pallet.
//! These numbers are NOT measured.

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{traits::Get, weights::Weight};

/// Weight functions needed by `pallet-models`.
pub trait WeightInfo {
	fn register_model() -> Weight;
	fn new_version() -> Weight;
	fn deprecate() -> Weight;
	fn transfer_ownership() -> Weight;
	fn accept_ownership() -> Weight;
}

/// Weights for `pallet-models` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_model() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn new_version() -> Weight {
		Weight::from_parts(50_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(3, 4))
	}
	fn deprecate() -> Weight {
		Weight::from_parts(10_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(10_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(1, 1))
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(20_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(4, 4))
	}
}

impl WeightInfo for () {
	fn register_model() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
	}
	fn new_version() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
	}
	fn deprecate() -> Weight {
		Weight::from_parts(10_000_000, 4_000)
	}
	fn transfer_ownership() -> Weight {
		Weight::from_parts(10_000_000, 4_000)
	}
	fn accept_ownership() -> Weight {
		Weight::from_parts(20_000_000, 4_000)
	}
}
