
//! Weights for `pallet_inference`, measured by `scripts/bench-pallets` (do not edit by hand).
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
// pallet_inference
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
// pallets/inference/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_inference`.
pub trait WeightInfo {
	fn register_executor() -> Weight;
	fn unregister_executor() -> Weight;
	fn withdraw_bond() -> Weight;
	fn request(n: u32, ) -> Weight;
	fn submit_result_zk() -> Weight;
	fn submit_result_rejected() -> Weight;
	fn submit_result_vanilla() -> Weight;
	fn on_initialize_slots(s: u32, ) -> Weight;
	fn on_initialize_draw(d: u32, ) -> Weight;
	fn on_initialize_lapse(l: u32, ) -> Weight;
	fn on_initialize_expire(e: u32, ) -> Weight;
	fn on_initialize_prune(p: u32, ) -> Weight;
	fn verify_groth16_pure() -> Weight;
	fn verify_groth16_host() -> Weight;
	fn set_sync_model() -> Weight;
	fn set_sync_work_bound() -> Weight;
	fn infer_now(w: u32, ) -> Weight;
	fn clear_sync_output() -> Weight;
	fn decline() -> Weight;
	fn remove_executor() -> Weight;
	fn force_refund() -> Weight;
}

/// Weights for `pallet_inference` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn register_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3671`
		//  Estimated: `3593`
		// Minimum execution time: 78_416_000 picoseconds.
		Weight::from_parts(88_491_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn unregister_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3652`
		//  Estimated: `3593`
		// Minimum execution time: 74_490_000 picoseconds.
		Weight::from_parts(98_386_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn withdraw_bond() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1588`
		//  Estimated: `3593`
		// Minimum execution time: 67_651_000 picoseconds.
		Weight::from_parts(87_590_000, 3593)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::NextRequestId` (r:1 w:1)
	/// Proof: `Inference::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:0)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Deadlines` (r:1 w:1)
	/// Proof: `Inference::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4215), added: 6690, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 1024]`.
	fn request(_n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5080`
		//  Estimated: `7680`
		// Minimum execution time: 117_295_000 picoseconds.
		Weight::from_parts(161_250_931, 7680)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4215), added: 6690, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::VerifyingKeys` (r:1 w:0)
	/// Proof: `Models::VerifyingKeys` (`max_values`: None, `max_size`: Some(940), added: 3415, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Deadlines` (r:1 w:1)
	/// Proof: `Inference::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	fn submit_result_zk() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8652`
		//  Estimated: `7680`
		// Minimum execution time: 18_072_001_000 picoseconds.
		Weight::from_parts(19_213_618_000, 7680)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:0)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4215), added: 6690, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::VerifyingKeys` (r:1 w:0)
	/// Proof: `Models::VerifyingKeys` (`max_values`: None, `max_size`: Some(940), added: 3415, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn submit_result_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `9936`
		//  Estimated: `7680`
		// Minimum execution time: 18_175_104_000 picoseconds.
		Weight::from_parts(19_912_777_000, 7680)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4215), added: 6690, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Deadlines` (r:1 w:1)
	/// Proof: `Inference::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	fn submit_result_vanilla() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6245`
		//  Estimated: `7680`
		// Minimum execution time: 111_266_000 picoseconds.
		Weight::from_parts(139_307_000, 7680)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Inference::ExpiryCursor` (r:1 w:1)
	/// Proof: `Inference::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Deadlines` (r:32 w:0)
	/// Proof: `Inference::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 32]`.
	fn on_initialize_slots(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `69`
		//  Estimated: `1489 + s * (3001 ±0)`
		// Minimum execution time: 4_757_000 picoseconds.
		Weight::from_parts(6_099_439, 1489)
			// Standard Error: 732
			.saturating_add(Weight::from_parts(1_881_812, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(s.into()))
	}
	/// Storage: `Inference::ExpiryCursor` (r:1 w:1)
	/// Proof: `Inference::ExpiryCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Deadlines` (r:1 w:1)
	/// Proof: `Inference::Deadlines` (`max_values`: None, `max_size`: Some(526), added: 3001, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:32 w:32)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4215), added: 6690, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:32 w:32)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:32 w:32)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:22 w:22)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(69), added: 2544, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[0, 32]`.
	fn on_initialize_expire(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1988 + e * (4547 ±0)`
		//  Estimated: `6057 + e * (6690 ±0)`
		// Minimum execution time: 10_896_000 picoseconds.
		Weight::from_parts(14_412_000, 6057)
			// Standard Error: 385_183
			.saturating_add(Weight::from_parts(66_951_167, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 6690).saturating_mul(e.into()))
	}
	fn verify_groth16_pure() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 38_138_847_000 picoseconds.
		Weight::from_parts(40_971_789_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 17_656_372_000 picoseconds.
		Weight::from_parts(19_825_828_000, 0)
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncWorkBound` (r:1 w:0)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncModels` (r:0 w:1)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	fn set_sync_model() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `265`
		//  Estimated: `3536`
		// Minimum execution time: 16_134_000 picoseconds.
		Weight::from_parts(22_604_000, 3536)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Inference::SyncWorkBound` (r:0 w:1)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_sync_work_bound() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_247_000 picoseconds.
		Weight::from_parts(6_169_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Inference::SyncModels` (r:1 w:0)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncWorkBound` (r:1 w:0)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncOutputs` (r:1 w:1)
	/// Proof: `Inference::SyncOutputs` (`max_values`: None, `max_size`: Some(318), added: 2793, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// The range of component `w` is `[1, 1024]`.
	fn infer_now(w: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `369`
		//  Estimated: `3783`
		// Minimum execution time: 77_085_000 picoseconds.
		Weight::from_parts(94_360_000, 3783)
			// Standard Error: 36_178
			.saturating_add(Weight::from_parts(2_777_870, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::SyncOutputs` (r:1 w:1)
	/// Proof: `Inference::SyncOutputs` (`max_values`: None, `max_size`: Some(318), added: 2793, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn clear_sync_output() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `274`
		//  Estimated: `3783`
		// Minimum execution time: 50_976_000 picoseconds.
		Weight::from_parts(56_834_000, 3783)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn on_initialize_draw(d: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(d.into()))
	}
	fn on_initialize_lapse(l: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(150_000_000, 0).saturating_mul(l.into()))
	}
	fn on_initialize_prune(p: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(p.into()))
	}
	fn decline() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn remove_executor() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn force_refund() -> Weight {
		Weight::from_parts(150_000_000, 0)
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_executor() -> Weight {
		Weight::from_parts(88_491_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(98_386_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(87_590_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn request(_n: u32, ) -> Weight {
		Weight::from_parts(161_250_931, 7680)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(19_213_618_000, 7680)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(19_912_777_000, 7680)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(139_307_000, 7680)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(6_099_439, 1489)
			.saturating_add(Weight::from_parts(1_881_812, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 3001).saturating_mul(s.into()))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(14_412_000, 6057)
			.saturating_add(Weight::from_parts(66_951_167, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(e.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 6690).saturating_mul(e.into()))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(40_971_789_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(19_825_828_000, 0)
	}
	fn set_sync_model() -> Weight {
		Weight::from_parts(22_604_000, 3536)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_sync_work_bound() -> Weight {
		Weight::from_parts(6_169_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn infer_now(w: u32, ) -> Weight {
		Weight::from_parts(94_360_000, 3783)
			.saturating_add(Weight::from_parts(2_777_870, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn clear_sync_output() -> Weight {
		Weight::from_parts(56_834_000, 3783)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn on_initialize_draw(d: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(d.into()))
	}
	fn on_initialize_lapse(l: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(150_000_000, 0).saturating_mul(l.into()))
	}
	fn on_initialize_prune(p: u32, ) -> Weight {
		Weight::from_parts(3_000_000, 0).saturating_add(Weight::from_parts(60_000_000, 0).saturating_mul(p.into()))
	}
	fn decline() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn remove_executor() -> Weight {
		Weight::from_parts(100_000_000, 0)
	}
	fn force_refund() -> Weight {
		Weight::from_parts(150_000_000, 0)
	}
}
