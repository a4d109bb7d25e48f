
//! Weights for `pallet_inference`, measured by `scripts/bench-pallets` (do not edit by hand).
//!
//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-05, STEPS: `50`, REPEAT: `20`, LOW RANGE: `[]`, HIGH RANGE: `[]`
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
	fn set_sync_model() -> Weight;
	fn set_sync_work_bound() -> Weight;
	fn infer_now(w: u32, ) -> Weight;
	fn clear_sync_output() -> Weight;
	fn store_model_bytes(n: u32, ) -> Weight;
	fn remove_model_bytes() -> Weight;
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn register_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3671`
		//  Estimated: `3593`
		// Minimum execution time: 83_119_000 picoseconds.
		Weight::from_parts(93_626_000, 3593)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn unregister_executor() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3656`
		//  Estimated: `3593`
		// Minimum execution time: 74_145_000 picoseconds.
		Weight::from_parts(83_695_000, 3593)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	fn withdraw_bond() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1592`
		//  Estimated: `3593`
		// Minimum execution time: 65_124_000 picoseconds.
		Weight::from_parts(73_982_000, 3593)
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		// Minimum execution time: 103_898_000 picoseconds.
		Weight::from_parts(119_422_529, 7685)
			// Standard Error: 523
			.saturating_add(Weight::from_parts(2_459, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		//  Measured:  `8084`
		//  Estimated: `21359`
		// Minimum execution time: 10_585_577_000 picoseconds.
		Weight::from_parts(10_770_197_000, 21359)
			.saturating_add(T::DbWeight::get().reads(11_u64))
			.saturating_add(T::DbWeight::get().writes(11_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Timeouts` (r:0 w:2)
	/// Proof: `Inference::Timeouts` (`max_values`: None, `max_size`: Some(28), added: 2503, mode: `MaxEncodedLen`)
	fn submit_result_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `9828`
		//  Estimated: `21359`
		// Minimum execution time: 10_528_297_000 picoseconds.
		Weight::from_parts(10_753_770_000, 21359)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(7_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		// Minimum execution time: 97_431_000 picoseconds.
		Weight::from_parts(104_534_000, 7685)
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
		// Minimum execution time: 66_253_000 picoseconds.
		Weight::from_parts(77_018_000, 7685)
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:1)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:2 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:2 w:2)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		//  Measured:  `10786`
		//  Estimated: `21359`
		// Minimum execution time: 10_616_690_000 picoseconds.
		Weight::from_parts(10_794_794_000, 21359)
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(12_u64))
	}
	/// Storage: `Inference::Provisional` (r:1 w:0)
	/// Proof: `Inference::Provisional` (`max_values`: None, `max_size`: Some(4468), added: 6943, mode: `MaxEncodedLen`)
	/// Storage: `Inference::ExecutorOf` (r:1 w:1)
	/// Proof: `Inference::ExecutorOf` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
	/// Storage: `Models::Specs` (r:1 w:0)
	/// Proof: `Models::Specs` (`max_values`: None, `max_size`: Some(71), added: 2546, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::Ceremonies` (r:1 w:0)
	/// Proof: `Ceremony::Ceremonies` (`max_values`: None, `max_size`: Some(17894), added: 20369, mode: `MaxEncodedLen`)
	/// Storage: `Ceremony::VerifyingKeys` (r:1 w:0)
	/// Proof: `Ceremony::VerifyingKeys` (`max_values`: None, `max_size`: Some(932), added: 3407, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Executors` (r:1 w:1)
	/// Proof: `Inference::Executors` (`max_values`: Some(1), `max_size`: Some(2050), added: 2545, mode: `MaxEncodedLen`)
	fn challenge_rejected() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `10023`
		//  Estimated: `21359`
		// Minimum execution time: 10_493_000_000 picoseconds.
		Weight::from_parts(10_666_631_000, 21359)
			.saturating_add(T::DbWeight::get().reads(8_u64))
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
		// Minimum execution time: 4_641_000 picoseconds.
		Weight::from_parts(6_709_754, 1489)
			// Standard Error: 601
			.saturating_add(Weight::from_parts(2_725_506, 0).saturating_mul(s.into()))
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
		// Minimum execution time: 15_897_000 picoseconds.
		Weight::from_parts(80_311_192, 65033)
			// Standard Error: 77_841
			.saturating_add(Weight::from_parts(30_196_692, 0).saturating_mul(d.into()))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		// Minimum execution time: 17_751_000 picoseconds.
		Weight::from_parts(122_499_082, 28789)
			// Standard Error: 148_672
			.saturating_add(Weight::from_parts(61_702_158, 0).saturating_mul(l.into()))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		// Minimum execution time: 17_916_000 picoseconds.
		Weight::from_parts(48_795_806, 3493)
			// Standard Error: 300_324
			.saturating_add(Weight::from_parts(115_692_862, 0).saturating_mul(e.into()))
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
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:128 w:128)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Inference::Results` (r:0 w:64)
	/// Proof: `Inference::Results` (`max_values`: None, `max_size`: Some(4466), added: 6941, mode: `MaxEncodedLen`)
	/// The range of component `f` is `[0, 64]`.
	fn on_initialize_finalize(f: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `3788 + f * (4805 ±0)`
		//  Estimated: `3493 + f * (6943 ±0)`
		// Minimum execution time: 17_990_000 picoseconds.
		Weight::from_parts(108_650_720, 3493)
			// Standard Error: 169_247
			.saturating_add(Weight::from_parts(75_544_458, 0).saturating_mul(f.into()))
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
		// Minimum execution time: 16_471_000 picoseconds.
		Weight::from_parts(22_992_873, 3493)
			// Standard Error: 55_913
			.saturating_add(Weight::from_parts(23_148_175, 0).saturating_mul(p.into()))
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
		// Minimum execution time: 43_288_000 picoseconds.
		Weight::from_parts(53_530_000, 7685)
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
		// Minimum execution time: 34_367_000 picoseconds.
		Weight::from_parts(40_256_000, 3538)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::Requests` (r:1 w:1)
	/// Proof: `Inference::Requests` (`max_values`: None, `max_size`: Some(4220), added: 6695, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
	/// Storage: `Balances::Holds` (r:1 w:1)
	/// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(121), added: 2596, mode: `MaxEncodedLen`)
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
		// Minimum execution time: 95_130_000 picoseconds.
		Weight::from_parts(108_570_000, 7685)
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn verify_groth16_pure() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 24_287_424_000 picoseconds.
		Weight::from_parts(24_664_729_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 10_184_229_000 picoseconds.
		Weight::from_parts(10_492_521_000, 0)
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
		// Minimum execution time: 15_649_159_000 picoseconds.
		Weight::from_parts(16_813_746_000, 3149229)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Inference::SyncWorkBound` (r:0 w:1)
	/// Proof: `Inference::SyncWorkBound` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_sync_work_bound() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 5_161_000 picoseconds.
		Weight::from_parts(5_961_000, 0)
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
		// Minimum execution time: 74_285_000 picoseconds.
		Weight::from_parts(75_592_000, 3149229)
			// Standard Error: 21_937
			.saturating_add(Weight::from_parts(5_994_222, 0).saturating_mul(w.into()))
			.saturating_add(T::DbWeight::get().reads(6_u64))
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
		// Minimum execution time: 47_199_000 picoseconds.
		Weight::from_parts(51_201_000, 3783)
			.saturating_add(T::DbWeight::get().reads(2_u64))
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
		// Minimum execution time: 51_757_000 picoseconds.
		Weight::from_parts(52_696_000, 3604)
			// Standard Error: 3
			.saturating_add(Weight::from_parts(1_859, 0).saturating_mul(n.into()))
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
		// Minimum execution time: 75_314_000 picoseconds.
		Weight::from_parts(84_076_000, 3604)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// The same weights with ParityDB's database costs, for tests and mocks.
impl WeightInfo for () {
	fn register_executor() -> Weight {
		Weight::from_parts(93_626_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn unregister_executor() -> Weight {
		Weight::from_parts(83_695_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn withdraw_bond() -> Weight {
		Weight::from_parts(73_982_000, 3593)
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn request(n: u32, ) -> Weight {
		Weight::from_parts(119_422_529, 7685)
			.saturating_add(Weight::from_parts(2_459, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn submit_result_zk() -> Weight {
		Weight::from_parts(10_770_197_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(11_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn submit_result_rejected() -> Weight {
		Weight::from_parts(10_753_770_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(7_u64))
	}
	fn submit_result_vanilla() -> Weight {
		Weight::from_parts(104_534_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(11_u64))
	}
	fn submit_result_optimistic() -> Weight {
		Weight::from_parts(77_018_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn challenge_upheld() -> Weight {
		Weight::from_parts(10_794_794_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
	}
	fn challenge_rejected() -> Weight {
		Weight::from_parts(10_666_631_000, 21359)
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn on_initialize_slots(s: u32, ) -> Weight {
		Weight::from_parts(6_709_754, 1489)
			.saturating_add(Weight::from_parts(2_725_506, 0).saturating_mul(s.into()))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().reads((1_u64).saturating_mul(s.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(Weight::from_parts(0, 2503).saturating_mul(s.into()))
	}
	fn on_initialize_draw(d: u32, ) -> Weight {
		Weight::from_parts(80_311_192, 65033)
			.saturating_add(Weight::from_parts(30_196_692, 0).saturating_mul(d.into()))
			.saturating_add(ParityDbWeight::get().reads(27_u64))
			.saturating_add(ParityDbWeight::get().reads((3_u64).saturating_mul(d.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(d.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(d.into()))
	}
	fn on_initialize_lapse(l: u32, ) -> Weight {
		Weight::from_parts(122_499_082, 28789)
			.saturating_add(Weight::from_parts(61_702_158, 0).saturating_mul(l.into()))
			.saturating_add(ParityDbWeight::get().reads(14_u64))
			.saturating_add(ParityDbWeight::get().reads((5_u64).saturating_mul(l.into())))
			.saturating_add(ParityDbWeight::get().writes(12_u64))
			.saturating_add(ParityDbWeight::get().writes((6_u64).saturating_mul(l.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(l.into()))
	}
	fn on_initialize_expire(e: u32, ) -> Weight {
		Weight::from_parts(48_795_806, 3493)
			.saturating_add(Weight::from_parts(115_692_862, 0).saturating_mul(e.into()))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().reads((8_u64).saturating_mul(e.into())))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(e.into())))
			.saturating_add(Weight::from_parts(0, 6695).saturating_mul(e.into()))
	}
	fn on_initialize_finalize(f: u32, ) -> Weight {
		Weight::from_parts(108_650_720, 3493)
			.saturating_add(Weight::from_parts(75_544_458, 0).saturating_mul(f.into()))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().reads((7_u64).saturating_mul(f.into())))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(f.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(f.into()))
	}
	fn on_initialize_prune(p: u32, ) -> Weight {
		Weight::from_parts(22_992_873, 3493)
			.saturating_add(Weight::from_parts(23_148_175, 0).saturating_mul(p.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().reads((4_u64).saturating_mul(p.into())))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
			.saturating_add(ParityDbWeight::get().writes((3_u64).saturating_mul(p.into())))
			.saturating_add(Weight::from_parts(0, 6943).saturating_mul(p.into()))
	}
	fn decline() -> Weight {
		Weight::from_parts(53_530_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn remove_executor() -> Weight {
		Weight::from_parts(40_256_000, 3538)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn force_refund() -> Weight {
		Weight::from_parts(108_570_000, 7685)
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn verify_groth16_pure() -> Weight {
		Weight::from_parts(24_664_729_000, 0)
	}
	fn verify_groth16_host() -> Weight {
		Weight::from_parts(10_492_521_000, 0)
	}
	fn set_sync_model() -> Weight {
		Weight::from_parts(16_813_746_000, 3149229)
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_sync_work_bound() -> Weight {
		Weight::from_parts(5_961_000, 0)
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn infer_now(w: u32, ) -> Weight {
		Weight::from_parts(75_592_000, 3149229)
			.saturating_add(Weight::from_parts(5_994_222, 0).saturating_mul(w.into()))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn clear_sync_output() -> Weight {
		Weight::from_parts(51_201_000, 3783)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn store_model_bytes(n: u32, ) -> Weight {
		Weight::from_parts(52_696_000, 3604)
			.saturating_add(Weight::from_parts(1_859, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn remove_model_bytes() -> Weight {
		Weight::from_parts(84_076_000, 3604)
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
