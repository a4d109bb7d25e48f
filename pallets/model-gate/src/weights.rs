//! Weights for `pallet_model_gate`: PLACEHOLDERS, not measured.
//!
//! Conservative hand-written numbers until the benchmarks (`src/benchmarking.rs`)
//! are run on the reference machine: regenerate this file with
//! `scripts/bench-pallets pallet_model_gate` (do not edit it by hand afterwards).
//! Each number is well above what the operation costs: `set_gate` writes one
//! small value; `apply` reads the gate and the member list (at most
//! `MaxMembers` accounts), runs the benchmarks' one-layer model and inserts
//! into the sorted list (the model's own cost is `infer_weight`, added by the
//! call); `leave` reads the list and removes from it.

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
	fn set_gate() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ModelGate::Gate` (r:1 w:0)
	/// Storage: `ModelGate::Members` (r:1 w:1)
	/// (and the inference provider's reads for the one-layer model)
	fn apply() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `ModelGate::Members` (r:1 w:1)
	fn leave() -> Weight {
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn set_gate() -> Weight {
		Weight::from_parts(20_000_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn apply() -> Weight {
		Weight::from_parts(150_000_000, 8000)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn leave() -> Weight {
		Weight::from_parts(50_000_000, 4000)
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
}
