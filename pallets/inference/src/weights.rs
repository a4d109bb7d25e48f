
//! Weights for `pallet_inference`, measured by `scripts/bench-pallets` (do not edit by hand).
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-06, STEPS: `50`, REPEAT: `20`, LOW RANGE: `[]`, HIGH RANGE: `[]`
//! WORST CASE MAP SIZE: `1000000`
//! HOSTNAME: `vm`, CPU: `Intel(R) Xeon(R) Processor`
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
	fn request_sliced(n: u32, s: u32, ) -> Weight;
	fn submit_slice_result(s: u32, ) -> Weight;
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
		// Minimum execution time: 90_853_000 picoseconds.
		Weight::from_parts(100_106_000, 3604)
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
		// Minimum execution time: 89_214_000 picoseconds.
		Weight::from_parts(96_370_000, 3604)
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
		// Minimum execution time: 78_839_000 picoseconds.
		Weight::from_parts(83_377_000, 3604)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 1024]`.
	fn request(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3756`
		//  Estimated: `7685`
		// Minimum execution time: 118_914_000 picoseconds.
		Weight::from_parts(126_902_548, 7685)
			// Standard Error: 163
			.saturating_add(Weight::from_parts(4_010, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_zk() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `8825`
		//  Estimated: `7685`
		// Minimum execution time: 3_780_738_000 picoseconds.
		Weight::from_parts(4_068_179_000, 7685)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:100 w:100)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::PreparedKeys` (r:1 w:0)
	/// Proof: `Ceremony::PreparedKeys` (`max_values`: None, `max_size`: Some(1892), added: 4367, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:100 w:100)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:101 w:101)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:100 w:100)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:100)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:200)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// The range of component `n` is `[1, 100]`.
	fn submit_results(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5996 + n * (4458 ±0)`
		//  Estimated: `5357 + n * (6695 ±0)`
		// Minimum execution time: 5_043_625_000 picoseconds.
		Weight::from_parts(6_292_882_430, 5357)
			// Standard Error: 15_446_893
			.saturating_add(Weight::from_parts(1_546_490_417, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(n.into()))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10569`
		//  Estimated: `7685`
		// Minimum execution time: 3_773_515_000 picoseconds.
		Weight::from_parts(4_497_593_000, 7685)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Results` (r:0 w:1)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_vanilla() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5227`
		//  Estimated: `7685`
		// Minimum execution time: 122_006_000 picoseconds.
		Weight::from_parts(141_315_000, 7685)
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Provisional` (r:0 w:1)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_optimistic() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5394`
		//  Estimated: `7685`
		// Minimum execution time: 84_983_000 picoseconds.
		Weight::from_parts(94_976_000, 7685)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:1)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
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
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn challenge_upheld() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `11527`
		//  Estimated: `8799`
		// Minimum execution time: 4_014_281_000 picoseconds.
		Weight::from_parts(5_826_703_000, 8799)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:0)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
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
		//  Measured:  `10764`
		//  Estimated: `7933`
		// Minimum execution time: 3_715_422_000 picoseconds.
		Weight::from_parts(4_386_383_000, 7933)
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
		// Minimum execution time: 6_058_000 picoseconds.
		Weight::from_parts(8_922_667, 1489)
			// Standard Error: 519
			.saturating_add(Weight::from_parts(3_307_332, 0).saturating_mul(s.into()))
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
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:0)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:63 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// The range of component `d` is `[0, 64]`.
	fn on_initialize_draw(d: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5917 + d * (4245 ±0)`
		//  Estimated: `65033 + d * (6695 ±0)`
		// Minimum execution time: 18_387_000 picoseconds.
		Weight::from_parts(115_896_748, 65033)
			// Standard Error: 79_111
			.saturating_add(Weight::from_parts(34_344_037, 0).saturating_mul(d.into()))
			.saturating_add(T::DbWeight::get().reads(27_u64))
			.saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(d.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:128)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:64)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:64 w:64)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `System::ParentHash` (r:1 w:0)
	/// Proof: `System::ParentHash` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// The range of component `l` is `[0, 64]`.
	fn on_initialize_lapse(l: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6630 + l * (4491 ±0)`
		//  Estimated: `28789 + l * (6695 ±0)`
		// Minimum execution time: 19_259_000 picoseconds.
		Weight::from_parts(116_746_648, 28789)
			// Standard Error: 84_484
			.saturating_add(Weight::from_parts(72_305_315, 0).saturating_mul(l.into()))
			.saturating_add(T::DbWeight::get().reads(14_u64))
			.saturating_add(T::DbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(T::DbWeight::get().writes(12_u64))
			.saturating_add(T::DbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(l.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:64)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:64)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:128 w:128)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::CounterForRequests` (r:1 w:1)
	/// Proof: `Inference::CounterForRequests` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOf` (r:64 w:64)
	/// Proof: `Inference::OpenRequestsOf` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// The range of component `e` is `[0, 64]`.
	fn on_initialize_expire(e: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `4384 + e * (4643 ±0)`
		//  Estimated: `3493 + e * (6695 ±0)`
		// Minimum execution time: 18_783_000 picoseconds.
		Weight::from_parts(42_981_573, 3493)
			// Standard Error: 138_893
			.saturating_add(Weight::from_parts(133_415_446, 0).saturating_mul(e.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(e.into())))
			.saturating_add(T::DbWeight::get().writes(3_u64))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(e.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:128)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:0)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Provisional` (r:64 w:64)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:64 w:64)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::OpenRequestsOfModel` (r:1 w:1)
	/// Proof: `Inference::OpenRequestsOfModel` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:64 w:64)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:64)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// The range of component `f` is `[0, 64]`.
	fn on_initialize_finalize(f: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3788 + f * (4805 ±0)`
		//  Estimated: `3493 + f * (6943 ±0)`
		// Minimum execution time: 25_447_000 picoseconds.
		Weight::from_parts(71_279_312, 3493)
			// Standard Error: 179_880
			.saturating_add(Weight::from_parts(91_919_785, 0).saturating_mul(f.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().reads((7_u64).saturating_mul(f.into())))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(f.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(f.into()))
	}
	/// Storage: `Inference::TimeoutCursor` (r:1 w:1)
	/// Proof: `Inference::TimeoutCursor` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:65 w:64)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Requests` (r:64 w:0)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Provisional` (r:64 w:0)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:64 w:64)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ResultHashes` (r:0 w:64)
	/// Proof: `Inference::ResultHashes` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// The range of component `p` is `[0, 64]`.
	fn on_initialize_prune(p: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `879 + p * (4493 ±0)`
		//  Estimated: `3493 + p * (6943 ±0)`
		// Minimum execution time: 19_484_000 picoseconds.
		Weight::from_parts(39_270_622, 3493)
			// Standard Error: 85_458
			.saturating_add(Weight::from_parts(26_817_568, 0).saturating_mul(p.into()))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(T::DbWeight::get().writes(1_u64))
			.saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(p.into()))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn decline() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `5124`
		//  Estimated: `7685`
		// Minimum execution time: 49_861_000 picoseconds.
		Weight::from_parts(54_014_000, 7685)
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
		// Minimum execution time: 38_088_000 picoseconds.
		Weight::from_parts(41_620_000, 3538)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
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
	/// Storage: `Inference::Timeouts` (r:0 w:1)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn force_refund() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `6137`
		//  Estimated: `7685`
		// Minimum execution time: 111_775_000 picoseconds.
		Weight::from_parts(120_371_000, 7685)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn verify_groth16_pure() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 18_918_464_000 picoseconds.
		Weight::from_parts(19_034_722_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 7_509_361_000 picoseconds.
		Weight::from_parts(7_891_708_000, 0)
	}
	fn verify_groth16_native() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 3_532_336_000 picoseconds.
		Weight::from_parts(3_862_461_000, 0)
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
		//  Measured:  `2350553`
		//  Estimated: `3149229`
		// Minimum execution time: 19_450_286_000 picoseconds.
		Weight::from_parts(21_041_732_000, 3149229)
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
		// Minimum execution time: 63_694_000 picoseconds.
		Weight::from_parts(4_586_729, 3604)
			// Standard Error: 3
			.saturating_add(Weight::from_parts(1_942, 0).saturating_mul(n.into()))
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
		// Minimum execution time: 74_188_000 picoseconds.
		Weight::from_parts(81_145_000, 3604)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Inference::SyncWorkBound` (r:0 w:1)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_sync_work_bound() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 6_275_000 picoseconds.
		Weight::from_parts(7_606_000, 0)
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
		// Minimum execution time: 95_161_000 picoseconds.
		Weight::from_parts(98_124_000, 3149229)
			// Standard Error: 19_719
			.saturating_add(Weight::from_parts(5_649_173, 0).saturating_mul(w.into()))
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
		// Minimum execution time: 59_461_000 picoseconds.
		Weight::from_parts(63_687_000, 3783)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	// WIP: placeholders until scripts/bench-pallets measures them.
	fn request_sliced(n: u32, s: u32, ) -> Weight {
		Self::request(n).saturating_mul((s + 1).into())
	}
	fn submit_slice_result(s: u32, ) -> Weight {
		Self::submit_result_zk().saturating_mul((s + 1).into())
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_executor() -> Weight {
		Weight::from_parts(100_106_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(96_370_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(83_377_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn request(n: u32, ) -> Weight {
		Weight::from_parts(126_902_548, 7685)
			.saturating_add(Weight::from_parts(4_010, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(4_068_179_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn submit_results(n: u32, ) -> Weight {
		Weight::from_parts(6_292_882_430, 5357)
			.saturating_add(Weight::from_parts(1_546_490_417, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(n.into()))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(4_497_593_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(141_315_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn submit_result_optimistic() -> Weight {
		Weight::from_parts(94_976_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn challenge_upheld() -> Weight {
		Weight::from_parts(5_826_703_000, 8799)
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn challenge_rejected() -> Weight {
		Weight::from_parts(4_386_383_000, 7933)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(8_922_667, 1489)
			.saturating_add(Weight::from_parts(3_307_332, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2503).saturating_mul(s.into()))
	}
	fn on_initialize_draw(d: u32, ) -> Weight {
		Weight::from_parts(115_896_748, 65033)
			.saturating_add(Weight::from_parts(34_344_037, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(d.into()))
	}
	fn on_initialize_lapse(l: u32, ) -> Weight {
		Weight::from_parts(116_746_648, 28789)
			.saturating_add(Weight::from_parts(72_305_315, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(l.into()))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(42_981_573, 3493)
			.saturating_add(Weight::from_parts(133_415_446, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((8_u64).saturating_mul(e.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(e.into()))
	}
	fn on_initialize_finalize(f: u32, ) -> Weight {
		Weight::from_parts(71_279_312, 3493)
			.saturating_add(Weight::from_parts(91_919_785, 0).saturating_mul(f.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(f.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(f.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(f.into()))
	}
	fn on_initialize_prune(p: u32, ) -> Weight {
		Weight::from_parts(39_270_622, 3493)
			.saturating_add(Weight::from_parts(26_817_568, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(p.into()))
	}
	fn decline() -> Weight {
		Weight::from_parts(54_014_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_executor() -> Weight {
		Weight::from_parts(41_620_000, 3538)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn force_refund() -> Weight {
		Weight::from_parts(120_371_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(19_034_722_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(7_891_708_000, 0)
	}
	fn verify_groth16_native() -> Weight {
		Weight::from_parts(3_862_461_000, 0)
	}
	fn set_sync_model() -> Weight {
		Weight::from_parts(21_041_732_000, 3149229)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn store_model_bytes(n: u32, ) -> Weight {
		Weight::from_parts(4_586_729, 3604)
			.saturating_add(Weight::from_parts(1_942, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn remove_model_bytes() -> Weight {
		Weight::from_parts(81_145_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn set_sync_work_bound() -> Weight {
		Weight::from_parts(7_606_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn infer_now(w: u32, ) -> Weight {
		Weight::from_parts(98_124_000, 3149229)
			.saturating_add(Weight::from_parts(5_649_173, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn clear_sync_output() -> Weight {
		Weight::from_parts(63_687_000, 3783)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	// WIP: placeholders until scripts/bench-pallets measures them.
	fn request_sliced(n: u32, s: u32, ) -> Weight {
		Self::request(n).saturating_mul((s + 1).into())
	}
	fn submit_slice_result(s: u32, ) -> Weight {
		Self::submit_result_zk().saturating_mul((s + 1).into())
	}
}
