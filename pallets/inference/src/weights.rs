
//! Weights for `pallet_inference`, measured by `scripts/bench-pallets` (do not edit by hand).
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
	fn request_sliced(n: u32, s: u32, ) -> Weight;
	fn submit_slice_result(s: u32, ) -> Weight;
	fn submit_result_zk() -> Weight;
	fn submit_results(n: u32, ) -> Weight;
	fn submit_result_rejected() -> Weight;
	fn submit_result_vanilla() -> Weight;
	fn submit_result_optimistic() -> Weight;
	fn challenge_upheld() -> Weight;
	fn challenge_rejected() -> Weight;
	fn on_initialize_slots(s: u32, ) -> Weight;
	fn on_initialize_draw(d: u32, ) -> Weight;
	fn on_initialize_lapse(l: u32, ) -> Weight;
	fn on_initialize_expire(e: u32, ) -> Weight;
	fn on_initialize_finalize(f: u32, ) -> Weight;
	fn on_initialize_prune(p: u32, ) -> Weight;
	fn decline() -> Weight;
	fn remove_executor() -> Weight;
	fn force_refund() -> Weight;
	fn verify_groth16_pure() -> Weight;
	fn verify_groth16_host() -> Weight;
	fn verify_groth16_native() -> Weight;
	fn set_sync_model() -> Weight;
	fn store_model_bytes(n: u32, ) -> Weight;
	fn remove_model_bytes() -> Weight;
	fn set_sync_work_bound() -> Weight;
	fn infer_now(w: u32, ) -> Weight;
	fn clear_sync_output() -> Weight;
}

/// Weights for `pallet_inference` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn register_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3671`
		//  Estimated: `3604`
		// Minimum execution time: 101_930_000 picoseconds.
		Weight::from_parts(126_065_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn unregister_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3656`
		//  Estimated: `3604`
		// Minimum execution time: 99_296_000 picoseconds.
		Weight::from_parts(121_517_000, 3604)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn withdraw_bond() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1592`
		//  Estimated: `3604`
		// Minimum execution time: 85_099_000 picoseconds.
		Weight::from_parts(141_584_000, 3604)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:1 w:0)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:0)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::NextRequestId` (r:1 w:1)
	/// Proof: `Inference::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:1)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4096]`.
	fn request(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5136`
		//  Estimated: `21359`
		// Minimum execution time: 249_215_000 picoseconds.
		Weight::from_parts(225_057_064, 21359)
			// Standard Error: 3_500
			.saturating_add(Weight::from_parts(558_754, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:1 w:0)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Models::SliceSpecs` (r:8 w:0)
	/// Proof: `Models::SliceSpecs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:8 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:8 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:0)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::NextRequestId` (r:1 w:1)
	/// Proof: `Inference::NextRequestId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:9 w:9)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:9 w:9)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SliceOf` (r:0 w:8)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:0 w:1)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:9)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 4096]`.
	/// The range of component `s` is `[2, 8]`.
	fn request_sliced(_n: u32, s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4892 + s * (416 ±0)`
		//  Estimated: `19973 + s * (20369 ±0)`
		// Minimum execution time: 249_595_000 picoseconds.
		Weight::from_parts(314_835_816, 19973)
			// Standard Error: 1_634_796
			.saturating_add(Weight::from_parts(32_430_442, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	/// Storage: `Inference::SliceOf` (r:2 w:8)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:9 w:2)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:2 w:1)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Models::Slices` (r:1 w:0)
	/// Proof: `Models::Slices` (`max_values`: None, `max_size`: Some(89), added: 2564, mode: `MaxEncodedLen`)
	/// Storage: `Models::SliceSpecs` (r:8 w:0)
	/// Proof: `Models::SliceSpecs` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:2 w:2)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:9 w:9)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:2)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:3)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[2, 8]`.
	fn submit_slice_result(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `21088 + s * (400 ±0)`
		//  Estimated: `19973 + s * (18983 ±0)`
		// Minimum execution time: 6_040_246_000 picoseconds.
		Weight::from_parts(7_110_697_978, 19973)
			// Standard Error: 14_640_178
			.saturating_add(Weight::from_parts(100_747_161, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(16_u64))
			.saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(s.into()))
	}
	/// Storage: `Inference::SliceOf` (r:1 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:1 w:1)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:1 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_zk() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `21227`
		//  Estimated: `19973`
		// Minimum execution time: 3_779_339_000 picoseconds.
		Weight::from_parts(5_170_532_000, 19973)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SliceOf` (r:60 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:60 w:60)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:60 w:60)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:60 w:60)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:61 w:61)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:60 w:60)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:60 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:60)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:120)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 60]`.
	fn submit_results(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5026 + n * (16834 ±0)`
		//  Estimated: `5357 + n * (18983 ±0)`
		// Minimum execution time: 5_115_492_000 picoseconds.
		Weight::from_parts(6_185_666_368, 5357)
			// Standard Error: 10_568_517
			.saturating_add(Weight::from_parts(1_297_902_750, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(n.into()))
	}
	/// Storage: `Inference::SliceOf` (r:1 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:1 w:0)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `22937`
		//  Estimated: `19973`
		// Minimum execution time: 3_727_232_000 picoseconds.
		Weight::from_parts(5_254_280_000, 19973)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Inference::SliceOf` (r:1 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:2 w:2)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:1 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:1)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_vanilla() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `17559`
		//  Estimated: `19973`
		// Minimum execution time: 159_127_000 picoseconds.
		Weight::from_parts(185_055_000, 19973)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Inference::SliceOf` (r:1 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:0)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:1 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Provisional` (r:0 w:1)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(16756), added: 19231, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:1)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_optimistic() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `17726`
		//  Estimated: `19973`
		// Minimum execution time: 107_480_000 picoseconds.
		Weight::from_parts(128_820_000, 19973)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:1)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(16756), added: 19231, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:2 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:3 w:3)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn challenge_upheld() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `23817`
		//  Estimated: `20221`
		// Minimum execution time: 5_894_594_000 picoseconds.
		Weight::from_parts(6_940_583_000, 20221)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:0)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(16756), added: 19231, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn challenge_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `23054`
		//  Estimated: `20221`
		// Minimum execution time: 5_681_097_000 picoseconds.
		Weight::from_parts(6_919_757_000, 20221)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:64 w:0)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `s` is `[0, 64]`.
	fn on_initialize_slots(s: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `69`
		//  Estimated: `1489 + s * (2503 ±0)`
		// Minimum execution time: 6_652_000 picoseconds.
		Weight::from_parts(11_606_490, 1489)
			// Standard Error: 10_893
			.saturating_add(Weight::from_parts(6_264_358, 0).saturating_mul(s.into()))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2503).saturating_mul(s.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:128)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:64)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:64 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:0)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:63 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 64]`.
	fn on_initialize_draw(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5917 + d * (16535 ±0)`
		//  Estimated: `65033 + d * (18983 ±0)`
		// Minimum execution time: 32_670_000 picoseconds.
		Weight::from_parts(316_060_228, 65033)
			// Standard Error: 1_428_896
			.saturating_add(Weight::from_parts(77_434_594, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(27_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(d.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:128)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:64)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:64 w:64)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:64 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[0, 64]`.
	fn on_initialize_lapse(l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6630 + l * (16781 ±0)`
		//  Estimated: `28789 + l * (18983 ±0)`
		// Minimum execution time: 25_297_000 picoseconds.
		Weight::from_parts(323_905_646, 28789)
			// Standard Error: 2_111_168
			.saturating_add(Weight::from_parts(116_388_798, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(l.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:64)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:64)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:128 w:128)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SliceOf` (r:64 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:64 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:64 w:64)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:64)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[0, 64]`.
	fn on_initialize_expire(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4425 + e * (16933 ±0)`
		//  Estimated: `3493 + e * (18983 ±0)`
		// Minimum execution time: 34_124_000 picoseconds.
		Weight::from_parts(1_147_448_103, 3493)
			// Standard Error: 3_469_223
			.saturating_add(Weight::from_parts(179_491_951, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((10_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((9_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(e.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:128)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:0)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Provisional` (r:64 w:64)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(16756), added: 19231, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:64)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// The range of component `f` is `[0, 64]`.
	fn on_initialize_finalize(f: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3788 + f * (17095 ±0)`
		//  Estimated: `3493 + f * (19231 ±0)`
		// Minimum execution time: 25_016_000 picoseconds.
		Weight::from_parts(500_391_768, 3493)
			// Standard Error: 2_097_894
			.saturating_add(Weight::from_parts(125_082_802, 0).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(f.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(f.into())))
			.saturating_add(Weight::from_parts(0, 19231).saturating_mul(f.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:64)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:0)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Provisional` (r:64 w:0)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(16756), added: 19231, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:64 w:64)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(16754), added: 19229, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ResultHashes` (r:0 w:64)
	/// Proof: `Inference::ResultHashes` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 64]`.
	fn on_initialize_prune(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `879 + p * (16783 ±0)`
		//  Estimated: `3493 + p * (19231 ±0)`
		// Minimum execution time: 21_330_000 picoseconds.
		Weight::from_parts(198_043_541, 3493)
			// Standard Error: 886_144
			.saturating_add(Weight::from_parts(68_706_244, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 19231).saturating_mul(p.into()))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn decline() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `17414`
		//  Estimated: `19973`
		// Minimum execution time: 61_355_000 picoseconds.
		Weight::from_parts(93_825_000, 19973)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn remove_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2789`
		//  Estimated: `3538`
		// Minimum execution time: 41_307_000 picoseconds.
		Weight::from_parts(67_095_000, 3538)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::SliceOf` (r:1 w:0)
	/// Proof: `Inference::SliceOf` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(16508), added: 18983, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Sliced` (r:1 w:0)
	/// Proof: `Inference::Sliced` (`max_values`: None, `max_size`: Some(1117), added: 3592, mode: `MaxEncodedLen`)
	/// Storage: `Inference::InputCommitments` (r:0 w:1)
	/// Proof: `Inference::InputCommitments` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn force_refund() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `18469`
		//  Estimated: `19973`
		// Minimum execution time: 139_901_000 picoseconds.
		Weight::from_parts(252_361_000, 19973)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
	}
	fn verify_groth16_pure() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 30_603_122_000 picoseconds.
		Weight::from_parts(35_390_951_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 17_751_902_000 picoseconds.
		Weight::from_parts(22_406_203_000, 0)
	}
	fn verify_groth16_native() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_661_871_000 picoseconds.
		Weight::from_parts(7_403_332_000, 0)
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncModels` (r:1 w:1)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ModelBytes` (r:1 w:0)
	/// Proof: `Inference::ModelBytes` (`max_values`: None, `max_size`: Some(3145764), added: 3148239, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncWorkBound` (r:1 w:0)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::StoredModels` (r:1 w:1)
	/// Proof: `Inference::StoredModels` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	fn set_sync_model() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2350552`
		//  Estimated: `3149229`
		// Minimum execution time: 19_409_193_000 picoseconds.
		Weight::from_parts(34_487_708_000, 3149229)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::StoredModels` (r:1 w:1)
	/// Proof: `Inference::StoredModels` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ModelBytes` (r:0 w:1)
	/// Proof: `Inference::ModelBytes` (`max_values`: None, `max_size`: Some(3145764), added: 3148239, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 3145728]`.
	fn store_model_bytes(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `42`
		//  Estimated: `3604`
		// Minimum execution time: 77_995_000 picoseconds.
		Weight::from_parts(85_369_000, 3604)
			// Standard Error: 15
			.saturating_add(Weight::from_parts(2_831, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Inference::StoredModels` (r:1 w:1)
	/// Proof: `Inference::StoredModels` (`max_values`: None, `max_size`: Some(84), added: 2559, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ModelBytes` (r:0 w:1)
	/// Proof: `Inference::ModelBytes` (`max_values`: None, `max_size`: Some(3145764), added: 3148239, mode: `MaxEncodedLen`)
	fn remove_model_bytes() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `242`
		//  Estimated: `3604`
		// Minimum execution time: 93_835_000 picoseconds.
		Weight::from_parts(120_134_000, 3604)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Inference::SyncWorkBound` (r:0 w:1)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_sync_work_bound() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 9_378_000 picoseconds.
		Weight::from_parts(11_762_000, 0)
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Inference::SyncModels` (r:1 w:0)
	/// Proof: `Inference::SyncModels` (`max_values`: None, `max_size`: Some(24), added: 2499, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncWorkBound` (r:1 w:0)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ModelBytes` (r:1 w:0)
	/// Proof: `Inference::ModelBytes` (`max_values`: None, `max_size`: Some(3145764), added: 3148239, mode: `MaxEncodedLen`)
	/// Storage: `Inference::SyncOutputs` (r:1 w:1)
	/// Proof: `Inference::SyncOutputs` (`max_values`: None, `max_size`: Some(318), added: 2793, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// The range of component `w` is `[1, 1024]`.
	fn infer_now(w: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `463 + w * (2295 ±0)`
		//  Estimated: `3149229`
		// Minimum execution time: 108_292_000 picoseconds.
		Weight::from_parts(476_196_065, 3149229)
			// Standard Error: 95_605
			.saturating_add(Weight::from_parts(5_417_367, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::SyncOutputs` (r:1 w:1)
	/// Proof: `Inference::SyncOutputs` (`max_values`: None, `max_size`: Some(318), added: 2793, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	fn clear_sync_output() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `340`
		//  Estimated: `3783`
		// Minimum execution time: 69_069_000 picoseconds.
		Weight::from_parts(77_395_000, 3783)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_executor() -> Weight {
		Weight::from_parts(126_065_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(121_517_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(141_584_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn request(n: u32, ) -> Weight {
		Weight::from_parts(225_057_064, 21359)
			.saturating_add(Weight::from_parts(558_754, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn request_sliced(_n: u32, s: u32, ) -> Weight {
		Weight::from_parts(314_835_816, 19973)
			.saturating_add(Weight::from_parts(32_430_442, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 20369).saturating_mul(s.into()))
	}
	fn submit_slice_result(s: u32, ) -> Weight {
		Weight::from_parts(7_110_697_978, 19973)
			.saturating_add(Weight::from_parts(100_747_161, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(16_u64))
			.saturating_add(ParityDbWeight::get().writes((2_u64).saturating_mul(s.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(s.into()))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(5_170_532_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn submit_results(n: u32, ) -> Weight {
		Weight::from_parts(6_185_666_368, 5357)
			.saturating_add(Weight::from_parts(1_297_902_750, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(n.into()))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(5_254_280_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(185_055_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn submit_result_optimistic() -> Weight {
		Weight::from_parts(128_820_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn challenge_upheld() -> Weight {
		Weight::from_parts(6_940_583_000, 20221)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn challenge_rejected() -> Weight {
		Weight::from_parts(6_919_757_000, 20221)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(11_606_490, 1489)
			.saturating_add(Weight::from_parts(6_264_358, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2503).saturating_mul(s.into()))
	}
	fn on_initialize_draw(d: u32, ) -> Weight {
		Weight::from_parts(316_060_228, 65033)
			.saturating_add(Weight::from_parts(77_434_594, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(d.into()))
	}
	fn on_initialize_lapse(l: u32, ) -> Weight {
		Weight::from_parts(323_905_646, 28789)
			.saturating_add(Weight::from_parts(116_388_798, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(l.into()))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(1_147_448_103, 3493)
			.saturating_add(Weight::from_parts(179_491_951, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((10_u64).saturating_mul(e.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((9_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 18983).saturating_mul(e.into()))
	}
	fn on_initialize_finalize(f: u32, ) -> Weight {
		Weight::from_parts(500_391_768, 3493)
			.saturating_add(Weight::from_parts(125_082_802, 0).saturating_mul(f.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(f.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(f.into())))
			.saturating_add(Weight::from_parts(0, 19231).saturating_mul(f.into()))
	}
	fn on_initialize_prune(p: u32, ) -> Weight {
		Weight::from_parts(198_043_541, 3493)
			.saturating_add(Weight::from_parts(68_706_244, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 19231).saturating_mul(p.into()))
	}
	fn decline() -> Weight {
		Weight::from_parts(93_825_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_executor() -> Weight {
		Weight::from_parts(67_095_000, 3538)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn force_refund() -> Weight {
		Weight::from_parts(252_361_000, 19973)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(35_390_951_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(22_406_203_000, 0)
	}
	fn verify_groth16_native() -> Weight {
		Weight::from_parts(7_403_332_000, 0)
	}
	fn set_sync_model() -> Weight {
		Weight::from_parts(34_487_708_000, 3149229)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn store_model_bytes(n: u32, ) -> Weight {
		Weight::from_parts(85_369_000, 3604)
			.saturating_add(Weight::from_parts(2_831, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn remove_model_bytes() -> Weight {
		Weight::from_parts(120_134_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_sync_work_bound() -> Weight {
		Weight::from_parts(11_762_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn infer_now(w: u32, ) -> Weight {
		Weight::from_parts(476_196_065, 3149229)
			.saturating_add(Weight::from_parts(5_417_367, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn clear_sync_output() -> Weight {
		Weight::from_parts(77_395_000, 3783)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}
