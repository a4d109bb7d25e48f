//! Weights for `pallet_inference`.
//!
//! # PLACEHOLDER — REGENERATE BEFORE PRODUCTION
//!
//! These numbers are NOT the output of `benchmark pallet`: they are hand
//! estimates with a wide margin (the only measurement behind them is native
//! verification of the benchmark fixture, 8–11 ms, `examples/verify_bench.rs`;
//! wasm is slower), with storage reads/writes counted by hand.
//! Regenerate on the project's machine now that the runtime includes the
//! pallet (wasm execution, dev genesis, `scripts/templates/pallet-weights.hbs`):
//!
//! ```text
//! scripts/bench-pallets pallet_inference
//! ```
//!
//! which runs `verity-node benchmark pallet --chain dev --pallet
//! pallet_inference --extrinsic '*' --wasm-execution compiled --steps 50
//! --repeat 20 --heap-pages 4096 --output pallets/inference/src/weights.rs`
//! with the node built `--features runtime-benchmarks`. `verify_groth16_pure`
//! and `verify_groth16_host` are the per-proof costs of the two pairings.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_inference`.
pub trait WeightInfo {
	fn register_executor() -> Weight;
	fn unregister_executor() -> Weight;
	fn withdraw_bond() -> Weight;
	fn request(n: u32, ) -> Weight;
	fn submit_result_zk() -> Weight;
	fn submit_result_vanilla() -> Weight;
	fn submit_result_rejected() -> Weight;
	fn on_initialize_slots(s: u32, ) -> Weight;
	fn on_initialize_expire(e: u32, ) -> Weight;
	fn verify_groth16_pure() -> Weight;
	fn verify_groth16_host() -> Weight;
}

/// Placeholder weights for the Verity runtime (see the module docs).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_executor() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn request(n: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 12_000)
			.saturating_add(Weight::from_parts(50_000, 4).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(250_000_000, 16_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(120_000_000, 16_000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(250_000_000, 16_000)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(Weight::from_parts(10_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(Weight::from_parts(60_000_000, 8_000).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(e.into())))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(200_000_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(60_000_000, 0)
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register_executor() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(60_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(50_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(2_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn request(n: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 12_000)
			.saturating_add(Weight::from_parts(50_000, 4).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(9_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(250_000_000, 16_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(120_000_000, 16_000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(6_u64))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(250_000_000, 16_000)
			.saturating_add(RocksDbWeight::get().reads(7_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(Weight::from_parts(10_000_000, 2_600).saturating_mul(s.into()))
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
			.saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(s.into())))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(10_000_000, 1_500)
			.saturating_add(Weight::from_parts(60_000_000, 8_000).saturating_mul(e.into()))
			.saturating_add(RocksDbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(RocksDbWeight::get().writes((4_u64).saturating_mul(e.into())))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(200_000_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(60_000_000, 0)
	}
}
