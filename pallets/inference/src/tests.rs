//! Tests: every call and error path, with real Groth16 proofs made at test
//! time (verity-zk's prover) on the example MLP 64-32-10 (`models/mlp_digits8`).

use crate::{fixture::Fixture, mock::*, *};
use codec::{Decode, Encode};
use frame_support::traits::ConstU32;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		Hooks,
	},
	BoundedVec,
};
use sp_runtime::{DispatchError, TokenError};
use std::sync::OnceLock;
use verity_inference::{IntTensor, QuantizedModel};

// ---------------------------------------------------------------------------
// Proving setup (once per test binary).

struct Zk {
	model: QuantizedModel,
	pk: verity_zk::ProvingKey,
	vk: Vec<u8>,
	/// A second setup of the same model: "another model's key".
	other_pk: verity_zk::ProvingKey,
	input: Vec<i32>,
}

fn zk() -> &'static Zk {
	static ZK: OnceLock<Zk> = OnceLock::new();
	ZK.get_or_init(|| {
		use rand_chacha::rand_core::SeedableRng;
		use verity_inference::io::parse_tensor_map;
		let models = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models");
		let model = QuantizedModel::from_bytes(
			&std::fs::read(format!("{models}/mlp_digits8.qmodel")).unwrap(),
		)
		.unwrap();
		let sample = parse_tensor_map(
			&std::fs::read(format!("{models}/samples/mlp_digits8.input.json")).unwrap(),
		)
		.unwrap();
		let input = model.quantize_input_map(sample).unwrap();
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
		let (pk, vk) = verity_zk::setup(&model, &mut rng).unwrap();
		let (other_pk, _) = verity_zk::setup(&model, &mut rng).unwrap();
		Zk {
			vk: vk.to_bytes(),
			input: input[0].data.iter().map(|&v| v as i32).collect(),
			model,
			pk,
			other_pk,
		}
	})
}

/// Runs the model on `input` and proves it for `request_id` and `executor`
/// with `pk`: (output, proof bytes).
fn prove_with(
	pk: &verity_zk::ProvingKey,
	request_id: RequestId,
	executor: &AccountId,
	input: &[i32],
) -> (Vec<i32>, Vec<u8>) {
	let z = zk();
	let tensor = IntTensor::new(
		vec![1, input.len()],
		input.iter().map(|&v| v as i64).collect(),
	)
	.unwrap();
	let binding = verity_zk::Binding {
		request_id,
		executor: Inference::account_bytes(executor),
	};
	let (output, proof) = verity_zk::prove(pk, &z.model, &[tensor], &binding).unwrap();
	(
		output[0].data.iter().map(|&v| v as i32).collect(),
		proof.to_bytes(),
	)
}

fn prove(request_id: RequestId, executor: &AccountId, input: &[i32]) -> (Vec<i32>, Vec<u8>) {
	prove_with(&zk().pk, request_id, executor, input)
}

// ---------------------------------------------------------------------------
// Helpers.

fn spec(zk_mode: bool, vanilla: bool) -> ModelSpec {
	ModelSpec {
		quantized_hash: zk().model.hash(),
		input_len: 64,
		output_len: 10,
		act_bits: 16,
		supports_zk: zk_mode,
		supports_vanilla: vanilla,
		active: true,
	}
}

/// Registers the example MLP (both modes, with its key); returns its id.
fn mlp() -> ModelId {
	MockModels::register(&account(20), spec(true, true), Some(zk().vk.clone()))
}

fn input() -> BoundedVec<i32, ConstU32<MAX_INPUT>> {
	BoundedVec::try_from(zk().input.clone()).unwrap()
}

fn out(v: Vec<i32>) -> BoundedVec<i32, ConstU32<MAX_OUTPUT>> {
	BoundedVec::try_from(v).unwrap()
}

fn proof_bytes(v: Vec<u8>) -> BoundedVec<u8, ConstU32<PROOF_BYTES>> {
	BoundedVec::try_from(v).unwrap()
}

fn register(n: u8) {
	assert_ok!(Inference::register_executor(RuntimeOrigin::signed(
		account(n)
	)));
}

fn free(n: u8) -> Balance {
	Balances::balance(&account(n))
}

fn escrow(n: u8) -> Balance {
	Balances::balance_on_hold(&HoldReason::RequestEscrow.into(), &account(n))
}

fn bond(n: u8) -> Balance {
	Balances::balance_on_hold(&HoldReason::ExecutorBond.into(), &account(n))
}

/// Makes a request from account `n` with fee 100 and deadline now + 20 (not
/// drawn yet); returns its id.
fn request_only(n: u8, model: ModelId, mode: InferenceMode) -> RequestId {
	let id = NextRequestId::<Test>::get();
	let deadline = System::block_number() + 20;
	assert_ok!(Inference::request(
		RuntimeOrigin::signed(account(n)),
		model,
		input(),
		mode,
		100,
		deadline
	));
	id
}

/// [`request_only`], then the next block, where its executor is drawn.
fn make_request(n: u8, model: ModelId, mode: InferenceMode) -> RequestId {
	let id = request_only(n, model, mode);
	run_to(System::block_number() + 1);
	id
}

/// The executor request `id` is assigned to.
fn executor_of(id: RequestId) -> Option<AccountId> {
	Requests::<Test>::get(id).and_then(|r| r.executor)
}

/// Advances to block `n`, running the hook in each block; every block's
/// parent hash is a hash of its number (as a real chain's differs per block).
fn run_to(n: u64) {
	while System::block_number() < n {
		let b = System::block_number() + 1;
		System::set_block_number(b);
		System::set_parent_hash(sp_io::hashing::blake2_256(&(b"parent", b).encode()).into());
		Inference::on_initialize(b);
	}
}

/// A fresh chain; checks the try-state invariants after `test`.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Inference::do_try_state().expect("try_state invariants");
	});
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Inference(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Everything a rejected/failed submission must leave alone.
fn snapshot(
	id: RequestId,
) -> (
	Option<RequestOf<Test>>,
	Option<ResultOf<Test>>,
	Balance,
	Balance,
) {
	let r = Requests::<Test>::get(id);
	let requester = r
		.as_ref()
		.map(|r| r.requester.clone())
		.unwrap_or(account(1));
	(
		r,
		Results::<Test>::get(id),
		Balances::balance_on_hold(&HoldReason::RequestEscrow.into(), &requester),
		Balances::total_issuance(),
	)
}

// ---------------------------------------------------------------------------
// Executors.

#[test]
fn register_executor_holds_bond_and_keeps_set_sorted() {
	run(|| {
		register(3);
		register(1);
		register(2);
		assert_eq!(
			Inference::executors(),
			vec![account(1), account(2), account(3)]
		);
		assert_eq!(bond(1), BOND);
		assert_eq!(free(1), ENDOWMENT - BOND);
		assert_eq!(
			ExecutorOf::<Test>::get(account(1)),
			Some(ExecutorInfo {
				bond: BOND,
				assigned_pending: 0,
				misses: 0,
				active: true
			})
		);
		System::assert_last_event(
			Event::ExecutorRegistered {
				who: account(2),
				bond: BOND,
			}
			.into(),
		);
	});
}

#[test]
fn register_executor_errors() {
	run(|| {
		register(1);
		assert_noop!(
			Inference::register_executor(RuntimeOrigin::signed(account(1))),
			Error::<Test>::AlreadyExecutor
		);
		assert_noop!(
			Inference::register_executor(RuntimeOrigin::none()),
			DispatchError::BadOrigin
		);
		// No funds for the bond.
		assert_noop!(
			Inference::register_executor(RuntimeOrigin::signed(account(99))),
			TokenError::FundsUnavailable
		);
		for n in 2..=MAX_EXECUTORS as u8 {
			register(n);
		}
		assert_noop!(
			Inference::register_executor(RuntimeOrigin::signed(account(15))),
			Error::<Test>::TooManyExecutors
		);
	});
}

#[test]
fn executor_origin_can_be_a_set() {
	use frame_support::traits::{EnsureOrigin, SortedMembers};
	pub struct Validators;
	impl SortedMembers<AccountId> for Validators {
		fn sorted_members() -> Vec<AccountId> {
			vec![account(1), account(3)]
		}
	}
	type Origin = frame_system::EnsureSignedBy<Validators, AccountId>;
	assert_eq!(
		Origin::try_origin(RuntimeOrigin::signed(account(3))).ok(),
		Some(account(3))
	);
	assert!(Origin::try_origin(RuntimeOrigin::signed(account(2))).is_err());
	assert!(Origin::try_origin(RuntimeOrigin::root()).is_err());
}

#[test]
fn unregister_without_assignments_releases_the_bond() {
	run(|| {
		register(1);
		assert_ok!(Inference::unregister_executor(RuntimeOrigin::signed(
			account(1)
		)));
		assert_eq!(bond(1), 0);
		assert_eq!(free(1), ENDOWMENT);
		assert!(ExecutorOf::<Test>::get(account(1)).is_none());
		assert!(Inference::executors().is_empty());
		assert_eq!(
			events()[1..],
			[
				Event::ExecutorUnregistered { who: account(1) },
				Event::BondReleased {
					who: account(1),
					amount: BOND
				}
			]
		);
		assert_noop!(
			Inference::unregister_executor(RuntimeOrigin::signed(account(1))),
			Error::<Test>::NotExecutor
		);
		// Can register again.
		register(1);
	});
}

#[test]
fn unregister_with_assignments_keeps_the_bond_until_they_end() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Vanilla);
		assert_ok!(Inference::unregister_executor(RuntimeOrigin::signed(
			account(1)
		)));
		assert_eq!(bond(1), BOND);
		assert!(Inference::executors().is_empty());
		assert_eq!(
			ExecutorOf::<Test>::get(account(1)),
			Some(ExecutorInfo {
				bond: BOND,
				assigned_pending: 1,
				misses: 0,
				active: false
			})
		);
		assert_noop!(
			Inference::withdraw_bond(RuntimeOrigin::signed(account(1))),
			Error::<Test>::PendingAssignments
		);
		assert_noop!(
			Inference::register_executor(RuntimeOrigin::signed(account(1))),
			Error::<Test>::AlreadyExecutor
		);
		// A leaving executor still serves its assigned request.
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(vec![0; 10]),
			proof_bytes(vec![])
		));
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
		assert_eq!(bond(1), 0);
		assert_eq!(free(1), ENDOWMENT + 100);
		System::assert_last_event(
			Event::BondReleased {
				who: account(1),
				amount: BOND,
			}
			.into(),
		);
	});
}

#[test]
fn withdraw_bond_errors() {
	run(|| {
		assert_noop!(
			Inference::withdraw_bond(RuntimeOrigin::signed(account(1))),
			Error::<Test>::NotExecutor
		);
		register(1);
		assert_noop!(
			Inference::withdraw_bond(RuntimeOrigin::signed(account(1))),
			Error::<Test>::StillActive
		);
	});
}

#[test]
fn unregistered_executor_is_released_when_its_requests_expire() {
	run(|| {
		let model = mlp();
		register(1);
		make_request(5, model, InferenceMode::Zk);
		assert_ok!(Inference::unregister_executor(RuntimeOrigin::signed(
			account(1)
		)));
		run_to(1 + 20 + 1);
		assert_eq!(
			ExecutorOf::<Test>::get(account(1))
				.unwrap()
				.assigned_pending,
			0
		);
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
		// It let its window lapse once: one slash.
		assert_eq!(free(1), ENDOWMENT - LAPSE_SLASH);
	});
}

// ---------------------------------------------------------------------------
// Requests.

#[test]
fn request_holds_the_fee_and_is_drawn_in_the_next_block() {
	run(|| {
		let model = mlp();
		for n in 1..=3 {
			register(n);
		}
		let id = request_only(5, model, InferenceMode::Zk);
		assert_eq!(id, 0);
		assert_eq!(escrow(5), 100);
		assert_eq!(free(5), ENDOWMENT - 100);
		assert_eq!(OpenRequestsOf::<Test>::get(account(5)), Some(1));
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(
			(
				r.created,
				r.executor.clone(),
				r.window_end,
				r.draws,
				r.deadline,
				r.fee
			),
			(1, None, 1, 0, 21, 100)
		);
		assert_eq!(r.input.to_vec(), zk().input);
		assert!(Timeouts::<Test>::contains_key(2, id));
		System::assert_last_event(
			Event::Requested {
				request_id: 0,
				requester: account(5),
				model_id: model,
				mode: InferenceMode::Zk,
				fee: 100,
				deadline: 21,
			}
			.into(),
		);
		// Nobody may submit in the request's own block.
		assert!((1..=3).all(|n| Inference::pending_for_executor(account(n)).is_empty()));

		run_to(2);
		// The documented rule, with block 2's parent hash (block 1's hash on a
		// real chain): blake2_256(("verity/assign", id, 0, parent))[0..8] mod |set|.
		let seed = (b"verity/assign", id, 0u32, System::parent_hash())
			.using_encoded(sp_io::hashing::blake2_256);
		let expected = Inference::executors()
			[(u64::from_le_bytes(seed[..8].try_into().unwrap()) % 3) as usize]
			.clone();
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!(
			(r.executor.clone(), r.window_end, r.draws),
			(Some(expected.clone()), 2 + TIMEOUT, 1)
		);
		assert!(Timeouts::<Test>::contains_key(3 + TIMEOUT, id));
		assert_eq!(
			ExecutorOf::<Test>::get(&expected).unwrap().assigned_pending,
			1
		);
		System::assert_last_event(
			Event::Assigned {
				request_id: id,
				executor: expected.clone(),
				window_end: 2 + TIMEOUT,
			}
			.into(),
		);
		assert_eq!(Inference::pending_for_executor(expected), vec![id]);
		// Over many requests, all three get work.
		let picked: std::collections::BTreeSet<_> = (0..12)
			.map(|_| {
				executor_of(make_request(
					6 + (System::block_number() % 5) as u8,
					model,
					InferenceMode::Zk,
				))
				.unwrap()
			})
			.collect();
		assert_eq!(picked.len(), 3);
	});
}

/// A requester who wants its request served by a colluding executor submits
/// only when everything it can know at submission (the request id, the
/// block, its parent hash) predicts that executor. If the draw were made in
/// the request's own block (from that block's parent hash) the prediction
/// would hold every time; drawn in the next block, the colluder gets its
/// fair share and no more.
#[test]
fn a_requester_cannot_pick_its_executor() {
	run(|| {
		let model = mlp();
		for n in 1..=4 {
			register(n);
		}
		let colluder = account(1);
		let (mut tried, mut predicted, mut got) = (0, 0, 0);
		while tried < 40 {
			let id = NextRequestId::<Test>::get();
			// The attacker's prediction: the draw made with what is known now.
			if Inference::draw(id, 0, None) == Some(colluder.clone()) {
				tried += 1;
				let requester = 5 + (tried % 6) as u8;
				request_only(requester, model, InferenceMode::Vanilla);
				// Defence off: drawing in this block gives exactly the prediction.
				predicted += (Inference::draw(id, 0, None) == Some(colluder.clone())) as u32;
				run_to(System::block_number() + 1);
				got += (executor_of(id) == Some(colluder.clone())) as u32;
				// Served at once, so no account reaches its cap.
				let who = executor_of(id).unwrap();
				assert_ok!(Inference::submit_result(
					RuntimeOrigin::signed(who),
					id,
					out(vec![0; 10]),
					proof_bytes(vec![])
				));
			} else {
				run_to(System::block_number() + 1);
			}
		}
		assert_eq!(
			predicted, 40,
			"drawn in the request's block, the attack always works"
		);
		// Drawn in the next block: about a quarter (binomial(40, 1/4): 10 ± 2.7).
		assert!((4..=18).contains(&got), "the colluder got {got} of 40");
	});
}

#[test]
fn request_errors_change_nothing() {
	run(|| {
		let model = mlp();
		let r = |model, input, mode, fee, deadline| {
			Inference::request(
				RuntimeOrigin::signed(account(5)),
				model,
				input,
				mode,
				fee,
				deadline,
			)
		};
		let zk_mode = InferenceMode::Zk;
		assert_noop!(
			r(model, input(), zk_mode, 100, 21),
			Error::<Test>::NoExecutors
		);
		register(1);
		assert_noop!(
			r(99, input(), zk_mode, 100, 21),
			Error::<Test>::UnknownModel
		);

		let mut inactive = spec(true, true);
		inactive.active = false;
		let m = MockModels::register(&account(20), inactive, Some(zk().vk.clone()));
		assert_noop!(
			r(m, input(), zk_mode, 100, 21),
			Error::<Test>::ModelInactive
		);

		let vanilla_only = MockModels::register(&account(20), spec(false, true), None);
		assert_noop!(
			r(vanilla_only, input(), zk_mode, 100, 21),
			Error::<Test>::ModeNotSupported
		);
		let zk_only = MockModels::register(&account(20), spec(true, false), Some(zk().vk.clone()));
		assert_noop!(
			r(zk_only, input(), InferenceMode::Vanilla, 100, 21),
			Error::<Test>::ModeNotSupported
		);

		// The models pallet no longer registers such a model; one registered
		// before an upgrade lowered the bound is still refused here.
		let mut big = spec(false, true);
		big.output_len = MAX_OUTPUT + 1;
		let big = MockModels::insert_unchecked(big, None);
		assert_noop!(
			r(big, input(), InferenceMode::Vanilla, 100, 21),
			Error::<Test>::UnsupportedModel
		);
		let mut bits = spec(true, true);
		bits.act_bits = 25;
		let bits = MockModels::insert_unchecked(bits, Some(zk().vk.clone()));
		assert_noop!(
			r(bits, input(), zk_mode, 100, 21),
			Error::<Test>::UnsupportedModel
		);

		let short = BoundedVec::try_from(zk().input[..63].to_vec()).unwrap();
		assert_noop!(
			r(model, short, zk_mode, 100, 21),
			Error::<Test>::WrongInputLength
		);
		for bad in [32768, -32769, i32::MAX, i32::MIN] {
			let mut v = zk().input.clone();
			v[7] = bad;
			let v = BoundedVec::try_from(v).unwrap();
			assert_noop!(
				r(model, v, zk_mode, 100, 21),
				Error::<Test>::InputOutOfRange
			);
		}
		// The range's ends are fine.
		let mut v = zk().input.clone();
		v[0] = 32767;
		v[1] = -32768;
		assert_ok!(r(
			model,
			BoundedVec::try_from(v).unwrap(),
			InferenceMode::Vanilla,
			100,
			21
		));

		assert_noop!(
			r(
				model,
				input(),
				zk_mode,
				MIN_FEE + 20 * FEE_PER_BLOCK - 1,
				21
			),
			Error::<Test>::FeeTooLow
		);
		// The first executor, drawn next block, gets a full window.
		assert_noop!(
			r(model, input(), zk_mode, 100, 1 + TIMEOUT),
			Error::<Test>::DeadlineTooSoon
		);
		assert_ok!(r(model, input(), zk_mode, 100, 2 + TIMEOUT));
		assert_noop!(
			r(model, input(), zk_mode, 1_000, 1 + MAX_DEADLINE + 1),
			Error::<Test>::DeadlineTooFar
		);
		// The smallest fee grows with the deadline.
		let far = MIN_FEE + FEE_PER_BLOCK * MAX_DEADLINE;
		assert_noop!(
			r(model, input(), zk_mode, far - 1, 1 + MAX_DEADLINE),
			Error::<Test>::FeeTooLow
		);
		assert_ok!(r(model, input(), zk_mode, far, 1 + MAX_DEADLINE));
		assert_noop!(
			r(model, input(), zk_mode, ENDOWMENT * 2, 21),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn request_bounds() {
	run(|| {
		let model = mlp();
		register(1);
		let r = |n: u8| {
			Inference::request(
				RuntimeOrigin::signed(account(n)),
				model,
				input(),
				InferenceMode::Vanilla,
				100,
				30,
			)
		};
		let mut n = 1;
		while Requests::<Test>::count() < MAX_PENDING {
			if OpenRequestsOf::<Test>::get(account(n)) == Some(MAX_PER_ACCOUNT) {
				assert_noop!(r(n), Error::<Test>::TooManyRequestsOfAccount);
				n += 1;
			}
			assert_ok!(r(n));
		}
		assert_noop!(r(20), Error::<Test>::TooManyPendingRequests);
		assert_eq!(escrow(1), 100 * MAX_PER_ACCOUNT as u64);
	});
}

/// One account tries to fill the queue: it stops at `MaxRequestsPerAccount`,
/// and other accounts' requests are still accepted and served. The spam is
/// not free: each of its requests locked escrow that grows with the
/// deadline, and each that expires unserved burns `ExpiryCharge`.
#[test]
fn one_account_cannot_fill_the_queue() {
	run(|| {
		let model = mlp();
		for n in 1..=4 {
			register(n);
		}
		let spammer = 9u8;
		let far = 1 + MAX_DEADLINE;
		let fee = MIN_FEE + FEE_PER_BLOCK * MAX_DEADLINE;
		let spam = || {
			Inference::request(
				RuntimeOrigin::signed(account(spammer)),
				model,
				input(),
				InferenceMode::Vanilla,
				fee,
				far,
			)
		};
		for _ in 0..MAX_PER_ACCOUNT {
			assert_ok!(spam());
		}
		assert_noop!(spam(), Error::<Test>::TooManyRequestsOfAccount);
		assert_eq!(escrow(spammer), fee * MAX_PER_ACCOUNT as u64);
		// Honest accounts still get in and are served.
		let honest: Vec<_> = (10..=13)
			.map(|n| request_only(n, model, InferenceMode::Vanilla))
			.collect();
		// Ten draws, four per block.
		run_to(System::block_number() + 3);
		for id in &honest {
			assert_ok!(Inference::submit_result(
				RuntimeOrigin::signed(executor_of(*id).expect("drawn")),
				*id,
				out(vec![0; 10]),
				proof_bytes(vec![])
			));
			assert!(Results::<Test>::contains_key(id));
		}
		// Unserved, the spam expires: the charge is burnt, the rest refunded.
		// (Its executor lapsed meanwhile and was slashed, which is not the
		// spammer's money.)
		let before = free(spammer);
		run_to(far + 1 + MAX_PER_ACCOUNT as u64);
		assert_eq!(OpenRequestsOf::<Test>::get(account(spammer)), None);
		assert_eq!(escrow(spammer), 0);
		assert_eq!(
			free(spammer),
			before + (fee - EXPIRY_CHARGE) * MAX_PER_ACCOUNT as u64
		);
	});
}

#[test]
fn garbage_scale_does_not_decode() {
	run(|| {
		let model = mlp();
		register(1);
		let good = RuntimeCall::Inference(Call::request {
			model_id: model,
			input: input(),
			mode: InferenceMode::Zk,
			max_fee: 100,
			deadline: 21,
		})
		.encode();
		assert!(RuntimeCall::decode(&mut &good[..]).is_ok());
		// Truncated, random and over-long encodings.
		assert!(RuntimeCall::decode(&mut &good[..good.len() - 1]).is_err());
		assert!(RuntimeCall::decode(&mut &[0xffu8; 64][..]).is_err());
		let mut long = vec![3u8, 3]; // pallet index of Inference, call index of `request`
		long.extend(model.encode());
		long.extend(vec![0i32; MAX_INPUT as usize + 1].encode());
		long.extend(InferenceMode::Zk.encode());
		assert!(RuntimeCall::decode(&mut &long[..]).is_err());
		// A bad mode byte.
		let pos = 2 + 8 + input().encoded_size();
		let mut bad_mode = good.clone();
		bad_mode[pos] = 7;
		assert!(RuntimeCall::decode(&mut &bad_mode[..]).is_err());
		// A proof longer than 192 bytes.
		let submit = RuntimeCall::Inference(Call::submit_result {
			request_id: 0,
			output: out(vec![0; 10]),
			proof: proof_bytes(vec![1; 192]),
		})
		.encode();
		assert!(RuntimeCall::decode(&mut &submit[..]).is_ok());
		let mut long = vec![3u8, 4];
		long.extend(0u64.encode());
		long.extend(vec![0i32; 10].encode());
		long.extend(vec![1u8; 193].encode());
		assert!(RuntimeCall::decode(&mut &long[..]).is_err());
		// Nothing happened.
		assert_eq!(Requests::<Test>::count(), 0);
		assert_eq!(escrow(5), 0);
	});
}

// ---------------------------------------------------------------------------
// Results.

#[test]
fn verified_result_is_stored_and_paid() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		System::reset_events();
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(output.clone()),
			proof_bytes(proof)
		));
		assert_eq!(
			events(),
			[Event::InferenceVerified {
				request_id: id,
				executor: account(1),
				fee: 100
			}]
		);
		let result = Results::<Test>::get(id).unwrap();
		assert!(result.verified);
		assert_eq!(result.output.to_vec(), output);
		assert_eq!(result.input.to_vec(), zk().input);
		assert_eq!(
			(result.executor, result.fee, result.block),
			(account(1), 100, 2)
		);
		assert!(Requests::<Test>::get(id).is_none());
		// Its only timeout now is its pruning.
		assert_eq!(
			Timeouts::<Test>::iter_keys().collect::<Vec<_>>(),
			vec![(2 + RESULT_TTL, id)]
		);
		assert_eq!(escrow(5), 0);
		assert_eq!(free(5), ENDOWMENT - 100);
		assert_eq!(free(1), ENDOWMENT - BOND + 100);
		assert_eq!(
			ExecutorOf::<Test>::get(account(1))
				.unwrap()
				.assigned_pending,
			0
		);
		// The runtime API view.
		let view = Inference::result(id).unwrap();
		assert_eq!(view.output, output);
		assert!(view.verified);
	});
}

#[test]
fn vanilla_result_is_stored_unverified_and_paid() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Vanilla);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(vec![3; 10]),
				proof_bytes(vec![0; 192])
			),
			Error::<Test>::ProofSizeMismatch
		);
		let info = Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(vec![3; 10]),
			proof_bytes(vec![]),
		)
		.unwrap();
		assert_eq!(
			info.actual_weight,
			Some(<() as WeightInfo>::submit_result_vanilla())
		);
		let result = Results::<Test>::get(id).unwrap();
		assert!(!result.verified);
		assert_eq!(result.output.to_vec(), vec![3; 10]);
		assert_eq!(free(1), ENDOWMENT - BOND + 100);
		System::assert_last_event(
			Event::ResultStored {
				request_id: id,
				executor: account(1),
				fee: 100,
			}
			.into(),
		);
	});
}

#[test]
fn only_the_assigned_executor_may_submit() {
	run(|| {
		let model = mlp();
		register(1);
		let id = request_only(5, model, InferenceMode::Vanilla);
		let submit = |who: u8| {
			Inference::submit_result(
				RuntimeOrigin::signed(account(who)),
				id,
				out(vec![0; 10]),
				proof_bytes(vec![]),
			)
		};
		// Not drawn yet: nobody.
		assert_noop!(submit(1), Error::<Test>::NotAssigned);
		run_to(2);
		register(2);
		// Another executor, a Vanilla result: refused too.
		assert_noop!(submit(2), Error::<Test>::NotAssigned);
		assert_noop!(submit(3), Error::<Test>::NotAssigned);
		assert!(Inference::pending_for_executor(account(2)).is_empty());
		assert_ok!(submit(1));
	});
}

/// An assigned executor that lets its window lapse is slashed, and the
/// request passes to one backup, drawn the same way (never the one that
/// lapsed), which serves it. Three lapses in a row eject an executor.
#[test]
fn a_lapsed_window_slashes_and_passes_to_one_backup() {
	run(|| {
		let model = mlp();
		for n in 1..=3 {
			register(n);
		}
		let id = make_request(5, model, InferenceMode::Vanilla);
		let first = executor_of(id).unwrap();
		let issuance = Balances::total_issuance();
		run_to(2 + TIMEOUT);
		// Still its window.
		assert_eq!(executor_of(id), Some(first.clone()));
		run_to(3 + TIMEOUT);
		let backup = executor_of(id).unwrap();
		assert_ne!(backup, first);
		assert_eq!(Balances::total_issuance(), issuance - LAPSE_SLASH);
		let info = ExecutorOf::<Test>::get(&first).unwrap();
		assert_eq!(
			(info.bond, info.misses, info.assigned_pending, info.active),
			(BOND - LAPSE_SLASH, 1, 0, true)
		);
		let r = Requests::<Test>::get(id).unwrap();
		assert_eq!((r.draws, r.window_end), (2, 3 + 2 * TIMEOUT));
		assert!(events().contains(&Event::AssignmentLapsed {
			request_id: id,
			executor: first.clone(),
			slashed: LAPSE_SLASH,
		}));
		// Only the backup; the one that lapsed may not submit late.
		assert!(Inference::pending_for_executor(first.clone()).is_empty());
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(first.clone()),
				id,
				out(vec![0; 10]),
				proof_bytes(vec![])
			),
			Error::<Test>::NotAssigned
		);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(backup.clone()),
			id,
			out(vec![0; 10]),
			proof_bytes(vec![])
		));
		assert_eq!(Results::<Test>::get(id).unwrap().executor, backup);
	});
}

#[test]
fn repeated_lapses_eject_the_executor() {
	run(|| {
		let model = mlp();
		register(1);
		let deadline = 1 + MAX_DEADLINE;
		let fee = MIN_FEE + FEE_PER_BLOCK * MAX_DEADLINE;
		assert_ok!(Inference::request(
			RuntimeOrigin::signed(account(5)),
			model,
			input(),
			InferenceMode::Vanilla,
			fee,
			deadline
		));
		let id = 0;
		// Alone in the set: after each lapse it cannot be the backup, so the
		// request waits a window and draws it again.
		let lapses = || {
			events()
				.iter()
				.filter(|e| matches!(e, Event::AssignmentLapsed { .. }))
				.count()
		};
		while ExecutorOf::<Test>::get(account(1)).unwrap().active {
			run_to(System::block_number() + 1);
			assert!(System::block_number() < deadline, "not ejected in time");
		}
		assert_eq!(lapses(), MAX_MISSES as usize);
		assert!(events().contains(&Event::ExecutorEjected {
			who: account(1),
			bond: BOND - MAX_MISSES as u64 * LAPSE_SLASH,
			reason: EjectReason::MissedWindows,
		}));
		assert!(Inference::executors().is_empty());
		// Nobody left to draw: the request expires, refunded less the charge.
		run_to(deadline + 1);
		assert!(!Requests::<Test>::contains_key(id));
		assert_eq!(free(5), ENDOWMENT - EXPIRY_CHARGE);
		System::assert_has_event(
			Event::RequestExpired {
				request_id: id,
				requester: account(5),
				refunded: fee - EXPIRY_CHARGE,
				charged: EXPIRY_CHARGE,
			}
			.into(),
		);
	});
}

#[test]
fn a_declined_request_is_drawn_again_without_a_slash() {
	run(|| {
		let model = mlp();
		for n in 1..=2 {
			register(n);
		}
		let id = make_request(5, model, InferenceMode::Vanilla);
		let first = executor_of(id).unwrap();
		let other = if first == account(1) {
			account(2)
		} else {
			account(1)
		};
		assert_noop!(
			Inference::decline(RuntimeOrigin::signed(other.clone()), id),
			Error::<Test>::NotAssigned
		);
		assert_noop!(
			Inference::decline(RuntimeOrigin::signed(first.clone()), 99),
			Error::<Test>::UnknownRequest
		);
		assert_ok!(Inference::decline(RuntimeOrigin::signed(first.clone()), id));
		System::assert_last_event(
			Event::AssignmentDeclined {
				request_id: id,
				executor: first.clone(),
			}
			.into(),
		);
		assert_eq!(executor_of(id), None);
		let info = ExecutorOf::<Test>::get(&first).unwrap();
		assert_eq!(
			(info.bond, info.misses, info.assigned_pending),
			(BOND, 0, 0)
		);
		run_to(System::block_number() + 1);
		assert!(executor_of(id).is_some());
		assert_eq!(Requests::<Test>::get(id).unwrap().draws, 2);
	});
}

#[test]
fn an_executor_is_drawn_for_at_most_max_assigned_requests() {
	run(|| {
		let model = mlp();
		register(1);
		let ids: Vec<_> = (0..MAX_ASSIGNED + 1)
			.map(|i| request_only(5 + (i % 3) as u8, model, InferenceMode::Vanilla))
			.collect();
		// Four draws per block (MAX_TIMEOUTS): all are done in block 3.
		run_to(3);
		assert_eq!(
			ExecutorOf::<Test>::get(account(1))
				.unwrap()
				.assigned_pending,
			MAX_ASSIGNED
		);
		let waiting: Vec<_> = ids
			.iter()
			.copied()
			.filter(|id| executor_of(*id).is_none())
			.collect();
		assert_eq!(waiting.len(), 1);
		let last = waiting[0];
		let retry_at = events()
			.iter()
			.find_map(|e| match e {
				Event::AssignmentDeferred {
					request_id,
					retry_at,
				} if *request_id == last => Some(*retry_at),
				_ => None,
			})
			.expect("deferred");
		// Drawn in block 2 or 3, it waits one window.
		assert!([3 + TIMEOUT, 4 + TIMEOUT].contains(&retry_at));
		// Once the others are served, the waiting request gets the executor.
		for served in ids.iter().copied().filter(|id| *id != last) {
			assert_ok!(Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				served,
				out(vec![0; 10]),
				proof_bytes(vec![])
			));
		}
		run_to(retry_at);
		assert_eq!(executor_of(last), Some(account(1)));
	});
}

#[test]
fn governance_removes_executors_and_refunds_requests() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Vanilla);
		assert_noop!(
			Inference::remove_executor(RuntimeOrigin::signed(account(5)), account(1)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Inference::remove_executor(RuntimeOrigin::root(), account(2)),
			Error::<Test>::NotExecutor
		);
		assert_ok!(Inference::remove_executor(
			RuntimeOrigin::root(),
			account(1)
		));
		System::assert_last_event(
			Event::ExecutorEjected {
				who: account(1),
				bond: BOND,
				reason: EjectReason::Removed,
			}
			.into(),
		);
		assert!(Inference::executors().is_empty());
		assert_noop!(
			Inference::remove_executor(RuntimeOrigin::root(), account(1)),
			Error::<Test>::NotExecutor
		);
		// Its bond stays held while the request is assigned to it.
		assert_noop!(
			Inference::withdraw_bond(RuntimeOrigin::signed(account(1))),
			Error::<Test>::PendingAssignments
		);
		assert_noop!(
			Inference::force_refund(RuntimeOrigin::signed(account(5)), id),
			DispatchError::BadOrigin
		);
		assert_ok!(Inference::force_refund(RuntimeOrigin::root(), id));
		assert_eq!((free(5), escrow(5)), (ENDOWMENT, 0));
		System::assert_last_event(
			Event::RequestRefunded {
				request_id: id,
				requester: account(5),
				refunded: 100,
			}
			.into(),
		);
		assert_noop!(
			Inference::force_refund(RuntimeOrigin::root(), id),
			Error::<Test>::UnknownRequest
		);
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
	});
}

/// A result stays in state for `ResultTtl` blocks; then only its hash does
/// (the output is in the event), and state does not grow with the results
/// served: over a long run, `Results` holds at most the last TTL's worth.
#[test]
fn results_are_pruned_and_state_stays_bounded() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Vanilla);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(vec![3; 10]),
			proof_bytes(vec![])
		));
		let stored = Results::<Test>::get(id).unwrap();
		let at = System::block_number();
		run_to(at + RESULT_TTL - 1);
		assert!(Results::<Test>::contains_key(id));
		run_to(at + RESULT_TTL);
		assert!(!Results::<Test>::contains_key(id));
		let hash = stored.using_encoded(sp_io::hashing::blake2_256);
		assert_eq!(ResultHashes::<Test>::get(id), Some(hash));
		System::assert_has_event(
			Event::ResultPruned {
				request_id: id,
				hash,
			}
			.into(),
		);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(vec![3; 10]),
				proof_bytes(vec![])
			),
			Error::<Test>::AlreadyFulfilled
		);
		// A long run: one request served per block.
		let mut most = 0;
		for i in 0..(4 * RESULT_TTL) {
			let id = make_request(5 + (i % 5) as u8, model, InferenceMode::Vanilla);
			assert_ok!(Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(vec![1; 10]),
				proof_bytes(vec![])
			));
			most = most.max(Results::<Test>::iter().count());
			Inference::do_try_state().expect("invariants hold every block");
		}
		assert!(most as u64 <= RESULT_TTL, "{most} results in state");
		assert_eq!(Requests::<Test>::count(), 0);
		assert_eq!(
			Timeouts::<Test>::iter().count(),
			Results::<Test>::iter().count()
		);
	});
}

// ---------------------------------------------------------------------------
// Optimistic mode.

/// The output the model computes for the test input.
fn right_output() -> Vec<i32> {
	let z = zk();
	let tensor = IntTensor::new(
		vec![1, z.input.len()],
		z.input.iter().map(|&v| v as i64).collect(),
	)
	.unwrap();
	z.model.run(&[tensor]).unwrap()[0]
		.data
		.iter()
		.map(|&v| v as i32)
		.collect()
}

/// `output` with its first value changed.
fn wrong(mut output: Vec<i32>) -> Vec<i32> {
	output[0] = output[0].wrapping_add(1);
	output
}

/// An `Optimistic` request from account 5 with executors 1 and 2, and the
/// provisional `output` its drawn executor submitted; returns (request,
/// submitter, the other executor).
fn provisional(output: Vec<i32>) -> (RequestId, u8, u8) {
	let model = mlp();
	register(1);
	register(2);
	let id = make_request(5, model, InferenceMode::Optimistic);
	let submitter = if executor_of(id) == Some(account(1)) {
		1
	} else {
		2
	};
	assert_ok!(Inference::submit_result(
		RuntimeOrigin::signed(account(submitter)),
		id,
		out(output),
		proof_bytes(vec![])
	));
	(id, submitter, 3 - submitter)
}

fn challenge(
	who: u8,
	id: RequestId,
	output: Vec<i32>,
	proof: Vec<u8>,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Inference::challenge(
		RuntimeOrigin::signed(account(who)),
		id,
		out(output),
		proof_bytes(proof),
	)
}

#[test]
fn optimistic_requests_need_a_model_that_can_be_challenged() {
	run(|| {
		register(1);
		let vanilla_only = MockModels::register(&account(20), spec(false, true), None);
		let keyless = MockModels::register(&account(20), spec(true, false), None);
		let deadline = System::block_number() + 20;
		for (model, error) in [
			(vanilla_only, Error::<Test>::ModeNotSupported),
			(keyless, Error::<Test>::NoVerifyingKey),
		] {
			assert_noop!(
				Inference::request(
					RuntimeOrigin::signed(account(5)),
					model,
					input(),
					InferenceMode::Optimistic,
					100,
					deadline
				),
				error
			);
		}
		// A provisional result carries no proof.
		let id = make_request(5, mlp(), InferenceMode::Optimistic);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(right_output()),
				proof_bytes(vec![0; 192])
			),
			Error::<Test>::ProofSizeMismatch
		);
	});
}

/// Unchallenged, a provisional result is final (unverified) and paid in the
/// block after its window; until then the fee stays in escrow and the
/// executor's bond cannot leave.
#[test]
fn an_unchallenged_optimistic_result_is_final_and_paid_after_its_window() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Optimistic);
		let at = System::block_number();
		let info = Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(right_output()),
			proof_bytes(vec![]),
		)
		.unwrap();
		assert_eq!(
			info.actual_weight,
			Some(<() as WeightInfo>::submit_result_optimistic())
		);
		let challenge_end = at + CHALLENGE_WINDOW;
		System::assert_last_event(
			Event::ResultProposed {
				request_id: id,
				executor: account(1),
				output: out(right_output()),
				challenge_end,
			}
			.into(),
		);
		let view = Inference::provisional(id).unwrap();
		assert_eq!(
			(
				view.output,
				view.executor.clone(),
				view.fee,
				view.challenge_end
			),
			(right_output(), account(1), 100, challenge_end)
		);
		assert_eq!(Inference::provisional_results().len(), 1);
		assert!(Requests::<Test>::get(id).is_none() && Inference::result(id).is_none());
		assert_eq!((escrow(5), free(1)), (100, ENDOWMENT - BOND));
		// A second submission is refused; the bond is held for the window.
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(right_output()),
				proof_bytes(vec![])
			),
			Error::<Test>::AlreadyFulfilled
		);
		assert_ok!(Inference::unregister_executor(RuntimeOrigin::signed(
			account(1)
		)));
		assert_eq!(bond(1), BOND);
		run_to(challenge_end);
		assert!(Provisional::<Test>::contains_key(id));
		run_to(challenge_end + 1);
		System::assert_has_event(
			Event::ResultFinalized {
				request_id: id,
				executor: account(1),
				fee: 100,
			}
			.into(),
		);
		let result = Results::<Test>::get(id).unwrap();
		assert_eq!(
			(result.mode, result.verified, result.block),
			(InferenceMode::Optimistic, false, challenge_end + 1)
		);
		assert_eq!(result.output.to_vec(), right_output());
		assert_eq!((escrow(5), free(5)), (0, ENDOWMENT - 100));
		assert_eq!(free(1), ENDOWMENT - BOND + 100);
		assert!(Inference::provisional(id).is_none());
		assert_eq!(
			Timeouts::<Test>::iter_keys().collect::<Vec<_>>(),
			vec![(challenge_end + 1 + RESULT_TTL, id)]
		);
		// Final: nothing left to challenge, and the bond can go.
		assert_noop!(
			challenge(2, id, wrong(right_output()), vec![0; 192]),
			Error::<Test>::NotProvisional
		);
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
		assert_eq!(free(1), ENDOWMENT + 100);
	});
}

/// The attack: an executor answers an `Optimistic` request wrongly to save
/// the proving. Unchallenged it would be paid (the test above: nothing but
/// the challenge checks the output); challenged with a proof of the right
/// output, it is overturned: the proven output replaces it, the submitter
/// loses `WrongResultSlash`, the challenger gets its share and the fee.
#[test]
fn a_wrong_optimistic_result_is_overturned_and_slashed() {
	run(|| {
		let (id, cheat, honest) = provisional(wrong(right_output()));
		let issuance = Balances::total_issuance();
		let (output, proof) = prove(id, &account(honest), &zk().input);
		assert_eq!(output, right_output());
		// A proof made for the cheat's account does not serve the challenger.
		let (_, cheat_proof) = prove(id, &account(cheat), &zk().input);
		assert_ok!(challenge(honest, id, output.clone(), cheat_proof));
		assert_eq!(bond(honest), BOND - SLASH);
		assert!(Provisional::<Test>::contains_key(id));
		System::reset_events();
		assert_ok!(challenge(honest, id, output.clone(), proof));
		let reward = WRONG_SLASH * CHALLENGER_PERCENT as Balance / 100;
		assert_eq!(
			events(),
			[Event::ResultOverturned {
				request_id: id,
				submitter: account(cheat),
				challenger: account(honest),
				slashed: WRONG_SLASH,
				reward,
				fee: 100,
			}]
		);
		let result = Results::<Test>::get(id).unwrap();
		assert!(result.verified);
		assert_eq!(
			(result.executor.clone(), result.output.to_vec(), result.mode),
			(account(honest), right_output(), InferenceMode::Optimistic)
		);
		assert_eq!(bond(cheat), BOND - WRONG_SLASH);
		assert_eq!(free(honest), ENDOWMENT - BOND + 100 + reward);
		assert_eq!((escrow(5), free(5)), (0, ENDOWMENT - 100));
		// The rest of the slash (and the rejected challenge's) is burnt.
		assert_eq!(
			Balances::total_issuance(),
			issuance - SLASH - (WRONG_SLASH - reward)
		);
		assert!(Provisional::<Test>::get(id).is_none());
		assert_eq!(
			ExecutorOf::<Test>::get(account(cheat))
				.unwrap()
				.assigned_pending,
			0
		);
		// Nothing more happens when the window would have ended.
		run_to(System::block_number() + CHALLENGE_WINDOW + 1);
		assert_eq!(Results::<Test>::get(id).unwrap().executor, account(honest));
		assert_eq!(free(cheat), ENDOWMENT - BOND);

		// Defence off (nobody challenges): the same cheat is final and paid.
		let model = Results::<Test>::get(id).unwrap().model_id;
		let id = make_request(5, model, InferenceMode::Optimistic);
		let drawn = executor_of(id).unwrap();
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(drawn.clone()),
			id,
			out(wrong(right_output())),
			proof_bytes(vec![])
		));
		let paid_before = Balances::balance(&drawn);
		run_to(System::block_number() + CHALLENGE_WINDOW + 1);
		let result = Results::<Test>::get(id).unwrap();
		assert_eq!(result.output.to_vec(), wrong(right_output()));
		assert!(!result.verified);
		assert_eq!(Balances::balance(&drawn), paid_before + 100);
	});
}

/// Challenges that cannot be right are refused (nothing changes) or, with a
/// proof that fails, charged `InvalidProofSlash`; the provisional result
/// stands and is paid.
#[test]
fn bogus_challenges_are_refused_or_charged() {
	run(|| {
		let (id, submitter, other) = provisional(right_output());
		let (output, proof) = prove(id, &account(other), &zk().input);
		let before = snapshot(id);
		for (who, output, proof, error) in [
			// The same output: nothing to overturn.
			(
				other,
				output.clone(),
				proof.clone(),
				Error::<Test>::SameOutput,
			),
			(
				submitter,
				wrong(output.clone()),
				proof.clone(),
				Error::<Test>::OwnResult,
			),
			(
				7,
				wrong(output.clone()),
				proof.clone(),
				Error::<Test>::NotExecutor,
			),
			(
				other,
				vec![0; 9],
				proof.clone(),
				Error::<Test>::WrongOutputLength,
			),
			(
				other,
				vec![1 << 20; 10],
				proof.clone(),
				Error::<Test>::OutputOutOfRange,
			),
			(
				other,
				wrong(output.clone()),
				vec![0; 10],
				Error::<Test>::ProofSizeMismatch,
			),
		] {
			assert_noop!(challenge(who, id, output, proof), error);
		}
		assert_eq!(snapshot(id), before);
		// A different output with a proof that does not prove it: charged.
		let info = challenge(other, id, wrong(output.clone()), proof).unwrap();
		assert_eq!(
			info.actual_weight,
			Some(<() as WeightInfo>::challenge_rejected())
		);
		System::assert_last_event(
			Event::ChallengeRejected {
				request_id: id,
				challenger: account(other),
				slashed: SLASH,
				reason: RejectReason::InvalidProof,
			}
			.into(),
		);
		assert_eq!(bond(other), BOND - SLASH);
		assert_eq!(Inference::provisional(id).unwrap().output, right_output());
		// Not a provisional result: a `Zk` request's.
		let zk_id = make_request(6, mlp(), InferenceMode::Zk);
		assert_noop!(
			challenge(other, zk_id, wrong(output.clone()), vec![0; 192]),
			Error::<Test>::NotProvisional
		);
		run_to(System::block_number() + CHALLENGE_WINDOW + 1);
		assert_eq!(free(submitter), ENDOWMENT - BOND + 100);
		assert!(!Results::<Test>::get(id).unwrap().verified);
	});
}

#[test]
fn cheap_submit_errors_change_nothing() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		let submit = |who: u8, id, output: Vec<i32>, proof: Vec<u8>| {
			Inference::submit_result(
				RuntimeOrigin::signed(account(who)),
				id,
				out(output),
				proof_bytes(proof),
			)
		};
		assert_noop!(
			submit(1, 99, output.clone(), proof.clone()),
			Error::<Test>::UnknownRequest
		);
		assert_noop!(
			submit(2, id, output.clone(), proof.clone()),
			Error::<Test>::NotAssigned
		);
		assert_noop!(
			submit(1, id, output[..9].to_vec(), proof.clone()),
			Error::<Test>::WrongOutputLength
		);
		let mut high = output.clone();
		high[0] = 40_000;
		assert_noop!(
			submit(1, id, high, proof.clone()),
			Error::<Test>::OutputOutOfRange
		);
		assert_noop!(
			submit(1, id, output.clone(), proof[..191].to_vec()),
			Error::<Test>::ProofSizeMismatch
		);
		assert_noop!(
			submit(1, id, output.clone(), vec![]),
			Error::<Test>::ProofSizeMismatch
		);
		assert_noop!(
			Inference::submit_result(RuntimeOrigin::none(), id, out(output), proof_bytes(proof)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn registry_faults_are_errors_not_slashes() {
	run(|| {
		register(1);
		// A zk model whose key ceremony is not final: no Zk request (a plain
		// one is fine).
		let keyless = MockModels::insert_unchecked(spec(true, true), None);
		assert_noop!(
			Inference::request(
				RuntimeOrigin::signed(account(5)),
				keyless,
				input(),
				InferenceMode::Zk,
				100,
				System::block_number() + 20
			),
			Error::<Test>::NoVerifyingKey
		);
		make_request(5, keyless, InferenceMode::Vanilla);
		// Once final, Zk requests are taken.
		set_final_key(keyless, zk().vk.clone());
		make_request(5, keyless, InferenceMode::Zk);
		// A key that does not decode.
		let broken = MockModels::insert_unchecked(spec(true, true), Some(vec![1, 2, 3]));
		let id = make_request(5, broken, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(output.clone()),
				proof_bytes(proof)
			),
			Error::<Test>::InvalidVerifyingKey
		);
		// A spec whose hash is not the key's model.
		let mut wrong = spec(true, true);
		wrong.quantized_hash = [9; 32];
		let wrong = MockModels::insert_unchecked(wrong, Some(zk().vk.clone()));
		let id = make_request(5, wrong, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(output),
				proof_bytes(proof)
			),
			Error::<Test>::ModelKeyMismatch
		);
		assert_eq!(bond(1), BOND);
	});
}

/// Submits `output`/`proof` for `id` as `who` and checks: `Ok`, slashed,
/// `ProofRejected { reason }`, the request and its escrow untouched.
fn assert_rejected(who: u8, id: RequestId, output: Vec<i32>, proof: Vec<u8>, reason: RejectReason) {
	let before = snapshot(id);
	let bond_before = bond(who);
	let issuance = Balances::total_issuance();
	assert_ok!(Inference::submit_result(
		RuntimeOrigin::signed(account(who)),
		id,
		out(output),
		proof_bytes(proof)
	));
	let slashed = SLASH.min(bond_before);
	assert_eq!(bond(who), bond_before - slashed);
	assert_eq!(Balances::total_issuance(), issuance - slashed);
	System::assert_last_event(
		Event::ProofRejected {
			request_id: id,
			executor: account(who),
			slashed,
			reason,
		}
		.into(),
	);
	let after = snapshot(id);
	assert_eq!((before.1, before.2), (after.1, after.2));
	assert!(Results::<Test>::get(id).is_none());
	// The request stays open but loses its executor; another is drawn next block.
	let request = after.0.expect("still open");
	assert_eq!(request.executor, None);
	run_to(System::block_number() + 1);
}

#[test]
fn forged_results_are_rejected_and_slashed() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);

		// Wrong output: one logit changed.
		let mut wrong = output.clone();
		wrong[3] += 1;
		assert_rejected(1, id, wrong, proof.clone(), RejectReason::InvalidProof);

		// Wrong input: a proof of another input's output.
		let mut other_input = zk().input.clone();
		other_input[10] = other_input[10].saturating_add(500);
		let (other_output, other_proof) = prove(id, &account(1), &other_input);
		assert_rejected(1, id, other_output, other_proof, RejectReason::InvalidProof);

		// Still in the set (bond 400 covers another slash); the honest result is accepted.
		assert!(ExecutorOf::<Test>::get(account(1)).unwrap().active);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(output),
			proof_bytes(proof)
		));
	});
}

/// A `Zk` request's input is committed once, when it is made, and kept
/// until the request closes; its proofs are verified against that
/// commitment: another input's commitment in its place makes the honest
/// proof fail (so it is what the proof is checked against). A request
/// without one (made before commitments were stored) is verified against
/// its values.
#[test]
fn zk_requests_commit_their_input_once_and_proofs_are_checked_against_it() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let values: Vec<i64> = zk().input.iter().map(|&v| v as i64).collect();
		let commitment = PureGroth16::input_commitment(16, &values).unwrap();
		assert_eq!(InputCommitments::<Test>::get(id), Some(commitment));
		let vanilla = request_only(6, model, InferenceMode::Vanilla);
		assert_eq!(InputCommitments::<Test>::get(vanilla), None);

		let mut other = values.clone();
		other[0] ^= 1;
		let other = PureGroth16::input_commitment(16, &other).unwrap();
		InputCommitments::<Test>::insert(id, other);
		let (output, proof) = prove(id, &account(1), &zk().input);
		assert_rejected(
			1,
			id,
			output.clone(),
			proof.clone(),
			RejectReason::InvalidProof,
		);
		InputCommitments::<Test>::insert(id, commitment);
		assert_eq!(executor_of(id), Some(account(1)));
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(output.clone()),
			proof_bytes(proof)
		));
		assert!(Results::<Test>::get(id).is_some_and(|r| r.verified));
		assert_eq!(
			InputCommitments::<Test>::get(id),
			None,
			"closed with its request"
		);

		let before_commitments = make_request(7, model, InferenceMode::Zk);
		InputCommitments::<Test>::remove(before_commitments);
		let (output, proof) = prove(before_commitments, &account(1), &zk().input);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			before_commitments,
			out(output),
			proof_bytes(proof)
		));
		assert!(Results::<Test>::get(before_commitments).is_some_and(|r| r.verified));
	});
}

/// `try_state` finds a commitment that is not its request's input's, and one
/// without an open request.
#[test]
fn try_state_checks_input_commitments() {
	new_test_ext().execute_with(|| {
		let model = mlp();
		register(1);
		let id = request_only(5, model, InferenceMode::Zk);
		assert_ok!(Inference::do_try_state());
		let kept = InputCommitments::<Test>::get(id).unwrap();
		let mut wrong = kept;
		wrong[0] ^= 1;
		InputCommitments::<Test>::insert(id, wrong);
		assert!(Inference::do_try_state().is_err());
		InputCommitments::<Test>::insert(id, kept);
		InputCommitments::<Test>::insert(id + 100, kept);
		assert!(Inference::do_try_state().is_err());
		InputCommitments::<Test>::remove(id + 100);
		assert_ok!(Inference::do_try_state());
	});
}

#[test]
fn proof_with_another_key_is_rejected() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove_with(&zk().other_pk, id, &account(1), &zk().input);
		assert_rejected(1, id, output, proof, RejectReason::InvalidProof);
	});
}

#[test]
fn replayed_proofs_are_rejected() {
	run(|| {
		let model = mlp();
		register(1);
		let first = make_request(5, model, InferenceMode::Zk);
		let second = make_request(6, model, InferenceMode::Zk);
		let (output, proof) = prove(first, &account(1), &zk().input);
		// Same input, same executor, another request.
		assert_rejected(
			1,
			second,
			output.clone(),
			proof.clone(),
			RejectReason::InvalidProof,
		);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			first,
			out(output.clone()),
			proof_bytes(proof.clone())
		));
		// Again, once the result exists.
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				first,
				out(output),
				proof_bytes(proof)
			),
			Error::<Test>::AlreadyFulfilled
		);
	});
}

#[test]
fn proof_for_another_executor_is_rejected() {
	run(|| {
		let model = mlp();
		register(2);
		let id = make_request(5, model, InferenceMode::Zk);
		// Executor 1's proof, submitted by executor 2 (e.g. copied from the pool).
		let (output, proof) = prove(id, &account(1), &zk().input);
		assert_rejected(
			2,
			id,
			output.clone(),
			proof.clone(),
			RejectReason::InvalidProof,
		);
		// Drawn again (the only executor), executor 2 gets paid for its own.
		let (output, proof) = prove(id, &account(2), &zk().input);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(2)),
			id,
			out(output),
			proof_bytes(proof)
		));
	});
}

#[test]
fn malformed_proof_is_rejected() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		assert_rejected(
			1,
			id,
			output.clone(),
			vec![0xff; 192],
			RejectReason::MalformedProof,
		);
		let mut flipped = proof.clone();
		flipped[5] ^= 1;
		assert_rejected(1, id, output.clone(), flipped, RejectReason::MalformedProof);
		// Its bond (400) still covers a slash: it can deliver.
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(output),
			proof_bytes(proof)
		));
	});
}

#[test]
fn slashes_eject_and_then_block_zk_submissions() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		let mut wrong = output.clone();
		wrong[0] ^= 1;
		for _ in 0..3 {
			assert_rejected(
				1,
				id,
				wrong.clone(),
				proof.clone(),
				RejectReason::InvalidProof,
			);
		}
		assert!(events().contains(&Event::ExecutorEjected {
			who: account(1),
			bond: BOND - 3 * SLASH,
			reason: EjectReason::BondTooLow,
		}));
		assert!(Inference::executors().is_empty());
		assert_eq!(bond(1), BOND - 3 * SLASH);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(output),
				proof_bytes(proof)
			),
			Error::<Test>::NotAssigned
		);
		// No executors left: no new requests; the old one expires and refunds.
		run_to(22);
		assert_eq!(free(5), ENDOWMENT - EXPIRY_CHARGE);
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
		assert_eq!(free(1), ENDOWMENT - 3 * SLASH);
	});
}

#[test]
fn late_result_is_rejected_without_slash() {
	run(|| {
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Zk);
		let (output, proof) = prove(id, &account(1), &zk().input);
		// At the deadline it is still accepted; one block later it is not.
		System::set_block_number(21);
		let before = snapshot(id);
		System::set_block_number(22);
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(1)),
				id,
				out(output.clone()),
				proof_bytes(proof.clone())
			),
			Error::<Test>::DeadlinePassed
		);
		assert_eq!(snapshot(id), before);
		System::set_block_number(21);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(output),
			proof_bytes(proof)
		));
	});
}

// ---------------------------------------------------------------------------
// Expiry.

#[test]
fn expired_requests_are_refunded_less_the_charge() {
	run(|| {
		let model = mlp();
		register(1);
		let a = make_request(5, model, InferenceMode::Zk);
		// Leaves the set: it is drawn for nothing more, and lapses on `a`.
		assert_ok!(Inference::unregister_executor(RuntimeOrigin::signed(
			account(1)
		)));
		let issuance = Balances::total_issuance();
		run_to(21);
		assert_eq!(Requests::<Test>::count(), 1);
		System::reset_events();
		run_to(22);
		assert_eq!(Requests::<Test>::count(), 0);
		assert_eq!(
			(free(5), escrow(5), OpenRequestsOf::<Test>::get(account(5))),
			(ENDOWMENT - EXPIRY_CHARGE, 0, None)
		);
		// One lapse (slashed), the charge burnt, nothing else lost.
		assert_eq!(
			Balances::total_issuance(),
			issuance - LAPSE_SLASH - EXPIRY_CHARGE
		);
		assert_eq!(
			events(),
			[Event::RequestExpired {
				request_id: a,
				requester: account(5),
				refunded: 100 - EXPIRY_CHARGE,
				charged: EXPIRY_CHARGE,
			}]
		);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(23));
		assert!(Results::<Test>::get(a).is_none());
		assert!(Inference::request_info(a).is_none());
		assert_ok!(Inference::withdraw_bond(RuntimeOrigin::signed(account(1))));
		assert_eq!(free(1), ENDOWMENT - LAPSE_SLASH);
	});
}

#[test]
fn timeouts_are_bounded_per_block_and_carry_over() {
	run(|| {
		let model = mlp();
		register(1);
		for n in [5, 5, 5, 6, 6, 6] {
			request_only(n, model, InferenceMode::Vanilla);
		}
		// Nobody to draw: every draw is deferred, then every request expires.
		assert_ok!(Inference::remove_executor(
			RuntimeOrigin::root(),
			account(1)
		));
		let open = || Requests::<Test>::count();
		System::set_block_number(2);
		let w = Inference::on_initialize(2);
		assert_eq!(
			w,
			<() as WeightInfo>::on_initialize_slots(1)
				.saturating_add(<() as WeightInfo>::on_initialize_draw(MAX_TIMEOUTS))
				.saturating_add(<() as WeightInfo>::on_initialize_lapse(0))
				.saturating_add(<() as WeightInfo>::on_initialize_expire(0))
				.saturating_add(<() as WeightInfo>::on_initialize_finalize(0))
				.saturating_add(<() as WeightInfo>::on_initialize_prune(0))
		);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(2));
		assert_eq!(
			Timeouts::<Test>::iter_prefix(2).count(),
			6 - MAX_TIMEOUTS as usize
		);
		Inference::do_try_state().unwrap();
		run_to(3);
		assert_eq!(Timeouts::<Test>::iter_prefix(2).count(), 0);
		assert_eq!(open(), 6);
		// Deadline 21: expired from block 22 on, at most four per block.
		run_to(22);
		assert_eq!(open(), 6 - MAX_TIMEOUTS);
		run_to(23);
		assert_eq!(open(), 0);
		assert_eq!(
			(free(5), free(6)),
			(ENDOWMENT - 3 * EXPIRY_CHARGE, ENDOWMENT - 3 * EXPIRY_CHARGE)
		);
		// Quiet blocks only move the cursor.
		run_to(30);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(31));
		assert_eq!(
			Inference::on_initialize(31),
			<() as WeightInfo>::on_initialize_slots(1)
				.saturating_add(<() as WeightInfo>::on_initialize_draw(0))
				.saturating_add(<() as WeightInfo>::on_initialize_lapse(0))
				.saturating_add(<() as WeightInfo>::on_initialize_expire(0))
				.saturating_add(<() as WeightInfo>::on_initialize_finalize(0))
				.saturating_add(<() as WeightInfo>::on_initialize_prune(0))
		);
	});
}

#[test]
fn a_lagging_cursor_catches_up_in_bounded_steps() {
	run(|| {
		Inference::on_initialize(1);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(2));
		// 10 blocks without hooks.
		System::set_block_number(11);
		Inference::on_initialize(11);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(2 + MAX_TIMEOUTS as u64));
		Inference::on_initialize(11);
		Inference::on_initialize(11);
		assert_eq!(TimeoutCursor::<Test>::get(), Some(12));
	});
}

// ---------------------------------------------------------------------------
// Runtime API helpers, hooks, fixture.

#[test]
fn runtime_api_helpers() {
	run(|| {
		let model = mlp();
		assert_eq!(Inference::model(model), Some(spec(true, true)));
		assert_eq!(Inference::model(99), None);
		register(1);
		register(2);
		assert_eq!(Inference::executors(), vec![account(1), account(2)]);
		let ids: Vec<_> = (0..4)
			.map(|_| make_request(5, model, InferenceMode::Vanilla))
			.collect();
		let mine = |n| -> Vec<RequestId> {
			ids.iter()
				.copied()
				.filter(|&id| executor_of(id) == Some(account(n)))
				.collect()
		};
		assert_eq!(Inference::pending_for_executor(account(1)), mine(1));
		assert_eq!(Inference::pending_for_executor(account(2)), mine(2));
		assert_eq!(mine(1).len() + mine(2).len(), 4);
		assert_eq!(
			Inference::pending_for_executor(account(3)),
			Vec::<RequestId>::new()
		);
		let view = Inference::request_info(ids[0]).unwrap();
		assert_eq!(view.input, zk().input);
		assert_eq!(view.requester, account(5));
		// Nothing once past the deadlines.
		run_to(30);
		assert_eq!(
			Inference::pending_for_executor(account(1)),
			Vec::<RequestId>::new()
		);
		assert_eq!(Inference::result(ids[0]), None);
	});
}

#[test]
fn integrity_test_passes() {
	new_test_ext().execute_with(|| {
		<Inference as Hooks<u64>>::integrity_test();
	});
}

#[test]
fn account_bytes_of_account_id32_are_its_bytes() {
	assert_eq!(Inference::account_bytes(&account(7)), [7u8; 32]);
}

#[test]
fn committed_fixture_still_verifies() {
	let f = Fixture::committed().expect("fixtures/benchmark.scale decodes");
	assert_eq!(
		f.input.len() as u32,
		MAX_INPUT,
		"the benchmark fixture's input must be MaxInputLen long: regenerate it"
	);
	assert_eq!(f.proof.len() as u32, PROOF_BYTES);
	assert_eq!(f.output.len() as u32, f.output_len);
	let st = f.statement();
	assert_eq!(
		PureGroth16::verify(&f.prepared_key(), &st, &f.proof),
		Ok(())
	);
	// The host-function verifiers (native here) accept exactly the same.
	assert_eq!(
		HostGroth16::verify(&f.prepared_key(), &st, &f.proof),
		Ok(())
	);
	assert_eq!(
		NativeGroth16::verify(&f.prepared_key(), &st, &f.proof),
		Ok(())
	);
	let mut other = st.clone();
	other.request_id += 1;
	assert_eq!(
		PureGroth16::verify(&f.prepared_key(), &other, &f.proof),
		Err(VerifyError::InvalidProof)
	);
	assert_eq!(
		HostGroth16::verify(&f.prepared_key(), &other, &f.proof),
		Err(VerifyError::InvalidProof)
	);
	assert_eq!(
		NativeGroth16::verify(&f.prepared_key(), &other, &f.proof),
		Err(VerifyError::InvalidProof)
	);
	// The executor bytes decode as the AccountId32 the benchmark submits with.
	let who = AccountId::decode(&mut &f.executor[..]).unwrap();
	assert_eq!(Inference::account_bytes(&who), f.executor);
}

#[test]
fn committed_slice_fixture_still_verifies() {
	let f = Fixture::committed_slice().expect("fixtures/slice.scale decodes");
	assert_eq!(f.input.len() as u32, MAX_INPUT);
	let leaving = f.boundary_commitment().expect("a boundary commitment");
	let statement = |request_id, input: Vec<i64>, leaving| StatementParts {
		model_id: f.model_hash,
		request_id,
		executor: f.executor,
		input: PartData::Values(input),
		output: PartData::Committed(leaving),
	};
	let input: Vec<i64> = f.input.iter().map(|&v| v as i64).collect();
	let honest = statement(f.request_id, input.clone(), leaving);
	for verify in [
		PureGroth16::verify_parts,
		HostGroth16::verify_parts,
		NativeGroth16::verify_parts,
	] {
		assert_eq!(verify(&f.prepared_key(), &honest, &f.proof), Ok(()));
		// Another request, input or boundary: the proof does not hold.
		let other_request = statement(f.request_id + 1, input.clone(), leaving);
		let mut other_input = input.clone();
		other_input[0] ^= 1;
		let other_input = statement(f.request_id, other_input, leaving);
		let mut other_leaving = leaving;
		other_leaving[0] ^= 1;
		let other_leaving = statement(f.request_id, input.clone(), other_leaving);
		for wrong in [other_request, other_input, other_leaving] {
			assert_eq!(
				verify(&f.prepared_key(), &wrong, &f.proof),
				Err(VerifyError::InvalidProof)
			);
		}
	}
}

#[test]
fn verifiers_classify_failures() {
	let z = zk();
	let key = prepared(&z.vk);
	let (output, proof) = prove(3, &account(1), &z.input);
	let st = verity_zk::Statement {
		model_id: z.model.hash(),
		request_id: 3,
		executor: [1; 32],
		input: z.input.iter().map(|&v| v as i64).collect(),
		output: output.iter().map(|&v| v as i64).collect(),
	};
	assert_eq!(PureGroth16::verify(&key, &st, &proof), Ok(()));
	assert_eq!(HostGroth16::verify(&key, &st, &proof), Ok(()));
	assert_eq!(
		PureGroth16::verify(&key[1..], &st, &proof),
		Err(VerifyError::InvalidVerifyingKey)
	);
	assert_eq!(
		PureGroth16::verify(&key, &st, &proof[1..]),
		Err(VerifyError::MalformedProof)
	);
	let mut short = st.clone();
	short.output.pop();
	assert_eq!(
		PureGroth16::verify(&key, &short, &proof),
		Err(VerifyError::StatementMismatch)
	);
	let mut other_model = st.clone();
	other_model.model_id = [0; 32];
	assert_eq!(
		PureGroth16::verify(&key, &other_model, &proof),
		Err(VerifyError::StatementMismatch)
	);
}

/// The runtime's verifier, [`NativeGroth16`] (one host call), and
/// [`HostGroth16`] (`sp-crypto-ec-utils`' BLS12-381), whose host calls run
/// natively in this test, against [`PureGroth16`]: on a valid proof and on
/// tampered proofs, statements and keys all three give the same verdict, and
/// it is the expected error class.
#[test]
fn host_verifiers_accept_and_reject_like_the_pure_one() {
	use ark_ec::{AffineRepr, CurveGroup};
	use verity_zk::{Bls12_381, Proof, Statement, VerifyingKey};
	/// A named edit of a proof, statement or key.
	type Edit<'a, T> = (&'a str, &'a dyn Fn(&mut T));

	let z = zk();
	let executor = account(2);
	let (output, proof) = prove(4, &executor, &z.input);
	let st = Statement {
		model_id: z.model.hash(),
		request_id: 4,
		executor: Inference::account_bytes(&executor),
		input: z.input.iter().map(|&v| v as i64).collect(),
		output: output.iter().map(|&v| v as i64).collect(),
	};
	// Keys are given compressed and prepared as the ceremony would (one it
	// cannot prepare is passed as it is and must fail as a bad key).
	let check =
		|what: &str, vk: &[u8], st: &Statement, proof: &[u8], expected: Result<(), VerifyError>| {
			let key = prepared(vk);
			assert_eq!(
				PureGroth16::verify(&key, st, proof),
				expected,
				"pure: {what}"
			);
			assert_eq!(
				HostGroth16::verify(&key, st, proof),
				expected,
				"host: {what}"
			);
			assert_eq!(
				NativeGroth16::verify(&key, st, proof),
				expected,
				"native: {what}"
			);
		};
	let invalid = Err(VerifyError::InvalidProof);
	let malformed = Err(VerifyError::MalformedProof);
	let mismatch = Err(VerifyError::StatementMismatch);
	let bad_key = Err(VerifyError::InvalidVerifyingKey);

	check("the valid proof", &z.vk, &st, &proof, Ok(()));

	// Proofs: valid points in the wrong places, bytes that do not decode.
	let p = Proof::<Bls12_381>::from_bytes(&proof).unwrap();
	let g1 = <Bls12_381 as ark_ec::pairing::Pairing>::G1Affine::generator();
	let g2 = <Bls12_381 as ark_ec::pairing::Pairing>::G2Affine::generator();
	let edited = |edit: &dyn Fn(&mut Proof<Bls12_381>)| {
		let mut q = p.clone();
		edit(&mut q);
		q.to_bytes()
	};
	let wrong_points: [Edit<Proof<Bls12_381>>; 5] = [
		("A and C swapped", &|q| core::mem::swap(&mut q.a, &mut q.c)),
		("A negated", &|q| q.a = (-q.a.into_group()).into_affine()),
		("B negated", &|q| q.b = (-q.b.into_group()).into_affine()),
		("C + G1", &|q| q.c = (q.c + g1).into_affine()),
		("B + G2", &|q| q.b = (q.b + g2).into_affine()),
	];
	for (what, edit) in wrong_points {
		check(what, &z.vk, &st, &edited(edit), invalid);
	}
	let identities: [Edit<Proof<Bls12_381>>; 3] = [
		("A the identity", &|q| q.a = AffineRepr::zero()),
		("B the identity", &|q| q.b = AffineRepr::zero()),
		("C the identity", &|q| q.c = AffineRepr::zero()),
	];
	for (what, edit) in identities {
		check(what, &z.vk, &st, &edited(edit), malformed);
	}
	// A byte of each point's x coordinate (off the curve or the subgroup).
	for i in [5, 60, 100, 150] {
		let mut bad = proof.clone();
		bad[i] ^= 1;
		check(
			&format!("proof byte {i} flipped"),
			&z.vk,
			&st,
			&bad,
			malformed,
		);
	}
	check("proof truncated", &z.vk, &st, &proof[..191], malformed);
	check(
		"proof extended",
		&z.vk,
		&st,
		&[proof.clone(), vec![0]].concat(),
		malformed,
	);
	check("proof of 0xff", &z.vk, &st, &[0xff; 192], malformed);
	let (_, other_request) = prove(5, &executor, &z.input);
	check(
		"another request's proof",
		&z.vk,
		&st,
		&other_request,
		invalid,
	);

	// Statements: every field the proof binds.
	let tampered: [Edit<Statement>; 6] = [
		("output changed", &|s| s.output[0] += 1),
		("last output changed", &|s| {
			*s.output.last_mut().unwrap() -= 1
		}),
		("input changed", &|s| s.input[0] += 1),
		("last input changed", &|s| *s.input.last_mut().unwrap() -= 1),
		("request id changed", &|s| s.request_id += 1),
		("executor changed", &|s| s.executor[31] ^= 1),
	];
	for (what, edit) in tampered {
		let mut bad = st.clone();
		edit(&mut bad);
		check(what, &z.vk, &bad, &proof, invalid);
	}
	let misfit: [Edit<Statement>; 4] = [
		("output outside the act_bits range", &|s| {
			s.output[0] = 1 << 40
		}),
		("output too short", &|s| {
			s.output.pop();
		}),
		("input too long", &|s| s.input.push(0)),
		("model id changed", &|s| s.model_id[0] ^= 1),
	];
	for (what, edit) in misfit {
		let mut bad = st.clone();
		edit(&mut bad);
		check(what, &z.vk, &bad, &proof, mismatch);
	}

	// Keys: another setup's, altered points, degenerate, undecodable.
	let other_vk = z.other_pk.verifying_key().to_bytes();
	check("another setup's key", &other_vk, &st, &proof, invalid);
	let vk = VerifyingKey::<Bls12_381>::from_bytes(&z.vk).unwrap();
	let key = |edit: &dyn Fn(&mut VerifyingKey<Bls12_381>)| {
		let mut k = vk.clone();
		edit(&mut k);
		k.to_bytes()
	};
	let altered: [Edit<VerifyingKey<Bls12_381>>; 4] = [
		("alpha + G1", &|k| {
			k.alpha_g1 = (k.alpha_g1 + g1).into_affine()
		}),
		("delta + G2", &|k| {
			k.delta_g2 = (k.delta_g2 + g2).into_affine()
		}),
		("gamma + G2", &|k| {
			k.gamma_g2 = (k.gamma_g2 + g2).into_affine()
		}),
		("last IC point + G1", &|k| {
			let last = k.ic.len() - 1;
			k.ic[last] = (k.ic[last] + g1).into_affine();
		}),
	];
	for (what, edit) in altered {
		check(what, &key(edit), &st, &proof, invalid);
	}
	let degenerate: [Edit<VerifyingKey<Bls12_381>>; 4] = [
		("gamma = delta", &|k| k.delta_g2 = k.gamma_g2),
		("alpha the identity", &|k| k.alpha_g1 = AffineRepr::zero()),
		("first IC point the identity", &|k| {
			k.ic[0] = AffineRepr::zero()
		}),
		("executor IC point the identity", &|k| {
			k.ic[4] = AffineRepr::zero()
		}),
	];
	for (what, edit) in degenerate {
		check(what, &key(edit), &st, &proof, bad_key);
	}
	check(
		"key truncated",
		&z.vk[..z.vk.len() - 1],
		&st,
		&proof,
		bad_key,
	);
	let mut flipped = z.vk.clone();
	flipped[100] ^= 1; // inside beta
	check("key byte 100 flipped", &flipped, &st, &proof, bad_key);
	let mut other_model = z.vk.clone();
	other_model[5] ^= 1; // the model id in the header
	check("key for another model", &other_model, &st, &proof, mismatch);
}

// ---------------------------------------------------------------------------
// Synchronous inference (`infer_now`, the precompile run natively).

/// The example MLP and the synthetic benchmark models, served to the
/// precompile from an artifact store (installed once per test binary).
struct SyncModelsFixture {
	model: QuantizedModel,
	/// Its file (canonical bytes).
	bytes: Vec<u8>,
	input: Vec<i32>,
}

fn sync_fixture() -> &'static SyncModelsFixture {
	static FIXTURE: OnceLock<SyncModelsFixture> = OnceLock::new();
	FIXTURE.get_or_init(|| {
		use verity_inference::io::parse_tensor_map;
		let models = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models");
		let bytes = std::fs::read(format!("{models}/mlp_digits8.qmodel")).unwrap();
		let model = QuantizedModel::from_bytes(&bytes).unwrap();
		let sample = parse_tensor_map(
			&std::fs::read(format!("{models}/samples/mlp_digits8.input.json")).unwrap(),
		)
		.unwrap();
		let input = model.quantize_input_map(sample).unwrap();
		SyncModelsFixture {
			input: input[0].data.iter().map(|&v| v as i32).collect(),
			model,
			bytes,
		}
	})
}

/// Stores `bytes` in chain state as account `n` (once per test chain).
fn store_bytes(n: u8, bytes: &[u8]) {
	let hash = sp_io::hashing::blake2_256(bytes);
	if !ModelBytes::<Test>::contains_key(hash) {
		assert_ok!(Inference::store_model_bytes(
			RuntimeOrigin::signed(account(n)),
			BoundedVec::try_from(bytes.to_vec()).unwrap()
		));
	}
}

/// Registers the example MLP with its real spec (vanilla only), its bytes
/// stored; returns its id.
fn sync_mlp() -> ModelId {
	let f = sync_fixture();
	store_bytes(20, &f.bytes);
	MockModels::register(
		&account(20),
		ModelSpec {
			quantized_hash: f.model.hash(),
			input_len: 64,
			output_len: 10,
			act_bits: f.model.act_bits,
			supports_zk: false,
			supports_vanilla: true,
			active: true,
		},
		None,
	)
}

/// Registers the synthetic model of `layers` layers (input and output 32, 8
/// bits), its bytes stored.
fn bench_model(layers: u32) -> ModelId {
	let bytes = verity_precompile::host::bench_model(layers).to_bytes();
	store_bytes(20, &bytes);
	MockModels::register(
		&account(20),
		ModelSpec {
			quantized_hash: sp_io::hashing::blake2_256(&bytes),
			input_len: 32,
			output_len: 32,
			act_bits: 8,
			supports_zk: false,
			supports_vanilla: true,
			active: true,
		},
		None,
	)
}

fn sync_input(values: &[i32]) -> BoundedVec<i32, ConstU32<MAX_INPUT>> {
	BoundedVec::try_from(values.to_vec()).unwrap()
}

fn enable(model: ModelId) {
	assert_ok!(Inference::set_sync_model(
		RuntimeOrigin::root(),
		model,
		true
	));
}

fn sync_deposit(n: u8) -> Balance {
	Balances::balance_on_hold(&HoldReason::SyncOutput.into(), &account(n))
}

#[test]
fn infer_now_stores_the_engines_output_in_the_same_block() {
	run(|| {
		let f = sync_fixture();
		let model = sync_mlp();
		enable(model);
		let work = f.model.work();
		assert_eq!(SyncModels::<Test>::get(model), Some(work));
		let expected: Vec<i32> = f
			.model
			.run(&f.model.input_tensors(&f.input).unwrap())
			.unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		assert_eq!(expected.len(), 10);

		let before = free(1);
		assert_ok!(Inference::infer_now(
			RuntimeOrigin::signed(account(1)),
			model,
			sync_input(&f.input)
		));
		let stored = SyncOutputs::<Test>::get(account(1)).unwrap();
		assert_eq!(stored.output.to_vec(), expected);
		assert_eq!(
			(stored.model_id, stored.block),
			(model, System::block_number())
		);
		assert_eq!(sync_deposit(1), SYNC_DEPOSIT);
		assert_eq!(free(1), before - SYNC_DEPOSIT);
		assert_eq!(
			events().last(),
			Some(&Event::InferenceComputed {
				who: account(1),
				model_id: model,
				work,
				output: out(expected.clone()),
			})
		);

		// A second call overwrites the output and holds no second deposit.
		let mut other = f.input.clone();
		other.reverse();
		assert_ok!(Inference::infer_now(
			RuntimeOrigin::signed(account(1)),
			model,
			sync_input(&other)
		));
		assert_eq!(sync_deposit(1), SYNC_DEPOSIT);
		let again: Vec<i32> = f
			.model
			.run(&f.model.input_tensors(&other).unwrap())
			.unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		assert_eq!(
			SyncOutputs::<Test>::get(account(1))
				.unwrap()
				.output
				.to_vec(),
			again
		);

		// Clearing releases the deposit.
		assert_ok!(Inference::clear_sync_output(RuntimeOrigin::signed(
			account(1)
		)));
		assert_eq!((sync_deposit(1), free(1)), (0, before));
		assert!(!SyncOutputs::<Test>::contains_key(account(1)));
		assert_noop!(
			Inference::clear_sync_output(RuntimeOrigin::signed(account(1))),
			Error::<Test>::NoSyncOutput
		);
	});
}

#[test]
fn infer_now_refuses_models_not_enabled_or_over_the_bound() {
	run(|| {
		let f = sync_fixture();
		let model = sync_mlp();
		let call =
			|m| Inference::infer_now(RuntimeOrigin::signed(account(1)), m, sync_input(&f.input));
		assert_noop!(call(model), Error::<Test>::NotSyncEnabled);
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::signed(account(1)), model, true),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), 99, true),
			Error::<Test>::UnknownModel
		);

		// The bound: at most MaxSyncWork, and a model above it cannot be enabled.
		assert_noop!(
			Inference::set_sync_work_bound(RuntimeOrigin::root(), MAX_SYNC_WORK + 1),
			Error::<Test>::WorkBoundTooHigh
		);
		let work = f.model.work();
		assert_ok!(Inference::set_sync_work_bound(
			RuntimeOrigin::root(),
			work - 1
		));
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), model, true),
			Error::<Test>::WorkAboveBound
		);
		assert_ok!(Inference::set_sync_work_bound(RuntimeOrigin::root(), work));
		enable(model);
		assert_ok!(call(model));

		// Lowering the bound below an enabled model stops it.
		assert_ok!(Inference::set_sync_work_bound(
			RuntimeOrigin::root(),
			work - 1
		));
		assert_noop!(call(model), Error::<Test>::WorkAboveBound);
		assert_ok!(Inference::set_sync_work_bound(RuntimeOrigin::root(), work));

		// Disabled again: refused.
		assert_ok!(Inference::set_sync_model(
			RuntimeOrigin::root(),
			model,
			false
		));
		assert_eq!(
			events().last(),
			Some(&Event::SyncModelSet {
				model_id: model,
				work: None
			})
		);
		assert_noop!(call(model), Error::<Test>::NotSyncEnabled);
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), model, false),
			Error::<Test>::NotSyncEnabled
		);

		// Deprecated: refused.
		enable(model);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(account(20)), model));
		assert_noop!(call(model), Error::<Test>::ModelInactive);
	});
}

#[test]
fn infer_now_checks_the_input_and_the_spec() {
	run(|| {
		let f = sync_fixture();
		let model = sync_mlp();
		enable(model);
		let call = |input: &[i32]| {
			Inference::infer_now(RuntimeOrigin::signed(account(1)), model, sync_input(input))
		};
		assert_noop!(call(&f.input[..63]), Error::<Test>::WrongInputLength);
		let mut out_of_range = f.input.clone();
		out_of_range[3] = 1 << (f.model.act_bits - 1);
		assert_noop!(call(&out_of_range), Error::<Test>::InputOutOfRange);

		// A registry entry whose sizes do not fit the artifact the node runs.
		let wrong = MockModels::register(
			&account(20),
			ModelSpec {
				quantized_hash: f.model.hash(),
				input_len: 64,
				output_len: 9,
				act_bits: f.model.act_bits,
				supports_zk: false,
				supports_vanilla: true,
				active: true,
			},
			None,
		);
		enable(wrong);
		assert_noop!(
			Inference::infer_now(
				RuntimeOrigin::signed(account(1)),
				wrong,
				sync_input(&f.input)
			),
			Error::<Test>::ModelArtifactMismatch
		);
	});
}

/// Synchronous inference runs the model's bytes from chain state: stored
/// with a deposit by anyone, refused for enabling before they are there,
/// kept while an enabled model runs them, removed by their owner after.
#[test]
fn model_bytes_live_in_state_with_a_deposit() {
	run(|| {
		let f = sync_fixture();
		let model = MockModels::register(
			&account(20),
			ModelSpec {
				quantized_hash: f.model.hash(),
				input_len: 64,
				output_len: 10,
				act_bits: f.model.act_bits,
				supports_zk: false,
				supports_vanilla: true,
				active: true,
			},
			None,
		);
		// Without its bytes on chain, a model cannot be enabled.
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), model, true),
			Error::<Test>::ModelBytesMissing
		);
		let hash = f.model.hash();
		let deposit = MODEL_BYTES_BASE + MODEL_BYTES_PER_BYTE * f.bytes.len() as Balance;
		assert_ok!(Inference::store_model_bytes(
			RuntimeOrigin::signed(account(3)),
			BoundedVec::try_from(f.bytes.clone()).unwrap()
		));
		System::assert_last_event(
			Event::ModelBytesStored {
				hash,
				owner: account(3),
				len: f.bytes.len() as u32,
				deposit,
			}
			.into(),
		);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::ModelBytes.into(), &account(3)),
			deposit
		);
		assert_noop!(
			Inference::store_model_bytes(
				RuntimeOrigin::signed(account(4)),
				BoundedVec::try_from(f.bytes.clone()).unwrap()
			),
			Error::<Test>::ModelBytesAlreadyStored
		);
		// Too large: does not even decode.
		let too_large = vec![0u8; MAX_MODEL_BYTES as usize + 1].encode();
		assert!(BoundedVec::<u8, ConstU32<MAX_MODEL_BYTES>>::decode(&mut &too_large[..]).is_err());

		enable(model);
		assert_eq!(StoredModels::<Test>::get(hash).unwrap().sync_models, 1);
		assert_ok!(Inference::infer_now(
			RuntimeOrigin::signed(account(1)),
			model,
			sync_input(&f.input)
		));
		// In use: it stays; only its owner removes it, once disabled.
		assert_noop!(
			Inference::remove_model_bytes(RuntimeOrigin::signed(account(3)), hash),
			Error::<Test>::ModelBytesInUse
		);
		assert_ok!(Inference::set_sync_model(
			RuntimeOrigin::root(),
			model,
			false
		));
		assert_noop!(
			Inference::remove_model_bytes(RuntimeOrigin::signed(account(4)), hash),
			Error::<Test>::NotModelBytesOwner
		);
		assert_ok!(Inference::remove_model_bytes(
			RuntimeOrigin::signed(account(3)),
			hash
		));
		assert!(!ModelBytes::<Test>::contains_key(hash));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::ModelBytes.into(), &account(3)),
			0
		);
		assert_eq!(free(3), ENDOWMENT);
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), model, true),
			Error::<Test>::ModelBytesMissing
		);
		// Garbage stored under its own hash is refused when enabled, as every
		// node would refuse it.
		let garbage = b"not a model".to_vec();
		let garbage_model = MockModels::register(
			&account(20),
			ModelSpec {
				quantized_hash: sp_io::hashing::blake2_256(&garbage),
				input_len: 4,
				output_len: 4,
				act_bits: 8,
				supports_zk: false,
				supports_vanilla: true,
				active: true,
			},
			None,
		);
		store_bytes(3, &garbage);
		assert_noop!(
			Inference::set_sync_model(RuntimeOrigin::root(), garbage_model, true),
			Error::<Test>::ModelArtifactMismatch
		);
	});
}

#[test]
fn weight_grows_linearly_with_the_models_work() {
	run(|| {
		let (small, big) = (bench_model(2), bench_model(10));
		enable(small);
		enable(big);
		assert_eq!(
			SyncModels::<Test>::get(big),
			Some(10 * verity_precompile::BENCH_LAYER_WORK)
		);
		let (w_small, w_big) = (
			Inference::infer_now_weight(small),
			Inference::infer_now_weight(big),
		);
		assert!(w_big.ref_time() > w_small.ref_time());
		// Linear: the same step per layer as the weight function's slope.
		let per_layer = <() as WeightInfo>::infer_now(2).ref_time()
			- <() as WeightInfo>::infer_now(1).ref_time();
		assert_eq!(w_big.ref_time() - w_small.ref_time(), 8 * per_layer);
		assert_eq!(<Inference as InferenceProvider>::infer_weight(big), w_big);
		// Not enabled: the base weight.
		assert_eq!(
			Inference::infer_now_weight(999),
			<() as WeightInfo>::infer_now(0)
		);
		assert_eq!(work_component(1), 1);
		assert_eq!(work_component(verity_precompile::BENCH_LAYER_WORK + 1), 2);

		// The provider runs the same path for other pallets.
		let values: Vec<i32> = (0..32).map(|i| i - 16).collect();
		let output = <Inference as InferenceProvider>::infer(big, &values).unwrap();
		let model = verity_precompile::host::bench_model(10);
		let expected: Vec<i32> = model.run(&model.input_tensors(&values).unwrap()).unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		assert_eq!(output, expected);
		assert_eq!(
			<Inference as InferenceProvider>::infer(small, &values[..5]),
			Err(Error::<Test>::WrongInputLength.into())
		);
	});
}

// ---------------------------------------------------------------------------
// The transaction extension.

/// What the pool says about `call` signed by account `n`.
fn pool_validity(
	n: u8,
	call: Call<Test>,
) -> Result<
	sp_runtime::transaction_validity::ValidTransaction,
	sp_runtime::transaction_validity::TransactionValidityError,
> {
	use sp_runtime::traits::DispatchTransaction;
	let call = RuntimeCall::Inference(call);
	let info = frame_support::dispatch::DispatchInfo::default();
	CheckSubmission::<Test>::new()
		.validate_only(
			RuntimeOrigin::signed(account(n)),
			&call,
			&info,
			0,
			sp_runtime::transaction_validity::TransactionSource::External,
			0,
		)
		.map(|(valid, _, _)| valid)
}

#[test]
fn the_pool_takes_one_submission_per_request_from_its_executor_only() {
	use sp_runtime::transaction_validity::InvalidTransaction;
	run(|| {
		let model = mlp();
		register(1);
		register(2);
		let id = make_request(5, model, InferenceMode::Vanilla);
		let assigned = executor_of(id).unwrap();
		let other = if assigned == account(1) { 2 } else { 1 };
		let me = if other == 1 { 2 } else { 1 };
		let submit = |output: i32| Call::<Test>::submit_result {
			request_id: id,
			output: out(vec![output; 10]),
			proof: proof_bytes(vec![]),
		};
		// The assigned executor: valid, providing the request's tag, for its window.
		let valid = pool_validity(me, submit(0)).unwrap();
		assert_eq!(valid.provides, vec![CheckSubmission::<Test>::tag(id)]);
		let window_end = Requests::<Test>::get(id).unwrap().window_end;
		assert_eq!(valid.longevity, window_end - System::block_number() + 1);
		// A second, different submission provides the same tag: the pool keeps one.
		assert_eq!(
			pool_validity(me, submit(1)).unwrap().provides,
			valid.provides
		);
		let decline = Call::<Test>::decline { request_id: id };
		assert_eq!(
			pool_validity(me, decline.clone()).unwrap().provides,
			valid.provides
		);
		// Anyone else: refused before it reaches a block (no fee, no weight).
		assert_eq!(
			pool_validity(other, submit(0)),
			Err(InvalidTransaction::Custom(extension::NOT_ASSIGNED).into())
		);
		assert_eq!(
			pool_validity(9, decline.clone()),
			Err(InvalidTransaction::Custom(extension::NOT_ASSIGNED).into())
		);
		// Other calls pass untouched.
		let register_call = Call::<Test>::register_executor {};
		assert_eq!(
			pool_validity(9, register_call).unwrap().provides,
			Vec::<Vec<u8>>::new()
		);
		// Once the request is closed, every submission is stale.
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(me)),
			id,
			out(vec![0; 10]),
			proof_bytes(vec![])
		));
		assert_eq!(
			pool_validity(me, submit(0)),
			Err(InvalidTransaction::Stale.into())
		);
		assert_eq!(
			pool_validity(me, decline),
			Err(InvalidTransaction::Stale.into())
		);
		// Defence off: the call itself would only fail at dispatch, after the
		// fee was paid (AlreadyFulfilled).
		assert_noop!(
			Inference::submit_result(
				RuntimeOrigin::signed(account(me)),
				id,
				out(vec![0; 10]),
				proof_bytes(vec![])
			),
			Error::<Test>::AlreadyFulfilled
		);
	});
}

/// Executors racing to overturn one wrong result: the pool keeps one
/// challenge per result (the others are never included, so they cost
/// nothing), and refuses challenges the call would refuse anyway.
#[test]
fn the_pool_takes_one_challenge_per_provisional_result() {
	use sp_runtime::transaction_validity::InvalidTransaction;
	run(|| {
		let (id, cheat, honest) = provisional(wrong(right_output()));
		let call = |output: Vec<i32>| Call::challenge {
			request_id: id,
			output: out(output),
			proof: proof_bytes(vec![0; 192]),
		};
		let valid = pool_validity(honest, call(right_output())).unwrap();
		assert_eq!(
			valid.provides,
			vec![CheckSubmission::<Test>::challenge_tag(id)]
		);
		// Valid until the window's last block.
		assert_eq!(valid.longevity, CHALLENGE_WINDOW + 1);
		for who in [cheat, 7] {
			assert_eq!(
				pool_validity(who, call(right_output())),
				Err(InvalidTransaction::Custom(extension::CANNOT_CHALLENGE).into())
			);
		}
		// Once the window is over, every challenge is stale; defence off, the
		// call would fail at dispatch, after the fee was paid.
		run_to(System::block_number() + CHALLENGE_WINDOW + 1);
		assert_eq!(
			pool_validity(honest, call(right_output())),
			Err(InvalidTransaction::Stale.into())
		);
		assert_noop!(
			challenge(honest, id, right_output(), vec![0; 192]),
			Error::<Test>::NotProvisional
		);
	});
}

// ---------------------------------------------------------------------------
// Model removal and migrations.

/// The registry removes a deprecated version only once nothing here uses it:
/// no open request, no provisional result (a challenge needs its key), not
/// enabled for synchronous inference.
#[test]
fn a_deprecated_model_is_removed_only_once_nothing_uses_it() {
	run(|| {
		let owner = account(20);
		let model = mlp();
		register(1);
		let id = make_request(5, model, InferenceMode::Optimistic);
		assert_eq!(OpenRequestsOfModel::<Test>::get(model), Some(1));
		assert_ok!(Models::deprecate(
			RuntimeOrigin::signed(owner.clone()),
			model
		));
		let remove = || Models::remove_version(RuntimeOrigin::signed(owner.clone()), model);
		assert_noop!(remove(), pallet_models::Error::<Test>::InUse);
		assert_ok!(Inference::submit_result(
			RuntimeOrigin::signed(account(1)),
			id,
			out(right_output()),
			proof_bytes(vec![])
		));
		assert_eq!(OpenRequestsOfModel::<Test>::get(model), Some(1));
		assert_noop!(remove(), pallet_models::Error::<Test>::InUse);
		run_to(System::block_number() + CHALLENGE_WINDOW + 1);
		assert_eq!(OpenRequestsOfModel::<Test>::get(model), None);
		// Enabled for synchronous inference, it stays too.
		SyncModels::<Test>::insert(model, 1);
		assert_noop!(remove(), pallet_models::Error::<Test>::InUse);
		SyncModels::<Test>::remove(model);
		assert_ok!(remove());
		assert!(Inference::model(model).is_none());
		assert!(<Test as Config>::Models::verifying_key(model).is_none());
		// The served result is still there.
		assert_eq!(Inference::result(id).unwrap().output, right_output());
	});
}

/// Version 1 → 2 counts the open requests of every model, once; the
/// invariants (what try-runtime checks after an upgrade) hold after it and
/// not before.
#[test]
fn the_v2_migration_counts_open_requests_per_model() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let (first, second) = (mlp(), mlp());
		register(1);
		for (n, model) in [(5, first), (5, first), (6, second)] {
			request_only(n, model, InferenceMode::Vanilla);
		}
		// As a version-1 chain left it: no counts.
		let _ = OpenRequestsOfModel::<Test>::clear(u32::MAX, None);
		StorageVersion::new(1).put::<Inference>();
		assert!(Inference::do_try_state().is_err());

		migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(OpenRequestsOfModel::<Test>::get(first), Some(2));
		assert_eq!(OpenRequestsOfModel::<Test>::get(second), Some(1));
		assert_eq!(Inference::on_chain_storage_version(), STORAGE_VERSION);
		Inference::do_try_state().expect("invariants after the migration");

		// It runs once: at version 2 it changes nothing.
		OpenRequestsOfModel::<Test>::insert(second, 9);
		migrations::v2::MigrateToV2::<Test>::on_runtime_upgrade();
		assert_eq!(OpenRequestsOfModel::<Test>::get(second), Some(9));
		OpenRequestsOfModel::<Test>::insert(second, 1);
	});
}

// ---------------------------------------------------------------------------
// Batches (`submit_results`).

fn zk_result(id: RequestId, output: Vec<i32>, proof: Vec<u8>) -> ZkResultOf<Test> {
	ZkResult {
		request_id: id,
		output: out(output),
		proof: proof_bytes(proof),
	}
}

fn batch(results: Vec<ZkResultOf<Test>>) -> BoundedVec<ZkResultOf<Test>, ConstU32<4>> {
	BoundedVec::try_from(results).unwrap()
}

/// `n` Zk requests from accounts 5, 6, .. all drawn to executor 1 (the only
/// one), each with its output and proof.
fn proved_requests(n: u8) -> Vec<(RequestId, Vec<i32>, Vec<u8>)> {
	let model = mlp();
	register(1);
	let ids: Vec<RequestId> = (0..n)
		.map(|i| request_only(5 + i, model, InferenceMode::Zk))
		.collect();
	run_to(System::block_number() + 1);
	ids.into_iter()
		.map(|id| {
			assert_eq!(executor_of(id), Some(account(1)));
			let (output, proof) = prove(id, &account(1), &zk().input);
			(id, output, proof)
		})
		.collect()
}

#[test]
fn a_batch_of_valid_proofs_is_accepted_and_charged_the_batch_weight() {
	run(|| {
		let proved = proved_requests(3);
		System::reset_events();
		let results = proved
			.iter()
			.map(|(id, output, proof)| zk_result(*id, output.clone(), proof.clone()))
			.collect();
		let info =
			Inference::submit_results(RuntimeOrigin::signed(account(1)), batch(results)).unwrap();
		assert_eq!(
			info.actual_weight,
			Some(<Test as Config>::WeightInfo::submit_results(3)),
			"refunded to the batch's cost"
		);
		let mut expected: Vec<Event<Test>> = proved
			.iter()
			.map(|(id, ..)| Event::InferenceVerified {
				request_id: *id,
				executor: account(1),
				fee: 100,
			})
			.collect();
		expected.push(Event::BatchVerified {
			executor: account(1),
			results: 3,
			accepted: 3,
			one_by_one: false,
		});
		assert_eq!(events(), expected);
		for (id, output, _) in &proved {
			let result = Results::<Test>::get(id).unwrap();
			assert!(result.verified);
			assert_eq!(&result.output.to_vec(), output);
		}
		assert_eq!(free(1), ENDOWMENT - BOND + 300);
		assert_eq!(bond(1), BOND);
	});
}

#[test]
fn a_bad_proof_in_a_batch_is_slashed_and_the_others_stand() {
	run(|| {
		let proved = proved_requests(3);
		System::reset_events();
		let results = proved
			.iter()
			.enumerate()
			.map(|(i, (id, output, proof))| {
				let mut output = output.clone();
				if i == 1 {
					output[3] += 1;
				}
				zk_result(*id, output, proof.clone())
			})
			.collect();
		let info =
			Inference::submit_results(RuntimeOrigin::signed(account(1)), batch(results)).unwrap();
		assert_eq!(info.actual_weight, None, "charged the worst case");
		let (good, bad) = ([proved[0].0, proved[2].0], proved[1].0);
		for id in good {
			assert!(Results::<Test>::get(id).is_some_and(|r| r.verified));
		}
		assert!(Results::<Test>::get(bad).is_none());
		assert_eq!(executor_of(bad), None, "open, to be drawn again");
		assert_eq!(bond(1), BOND - SLASH);
		assert_eq!(
			events().last(),
			Some(&Event::BatchVerified {
				executor: account(1),
				results: 3,
				accepted: 2,
				one_by_one: true,
			})
		);
		assert!(events().contains(&Event::ProofRejected {
			request_id: bad,
			executor: account(1),
			slashed: SLASH,
			reason: RejectReason::InvalidProof,
		}));
	});
}

/// Two valid proofs with their `C` points swapped: each is invalid, but they
/// cancel in a combination with equal coefficients. The pallet's
/// coefficients are random, so both are found and slashed.
#[test]
fn proofs_that_cancel_out_are_still_rejected() {
	run(|| {
		let proved = proved_requests(2);
		let (mut p0, mut p1) = (proved[0].2.clone(), proved[1].2.clone());
		// A ‖ B ‖ C, compressed: C is the last 48 bytes.
		let c = PROOF_BYTES as usize - 48;
		let c0 = p0[c..].to_vec();
		p0[c..].copy_from_slice(&p1[c..]);
		p1[c..].copy_from_slice(&c0);
		let results = vec![
			zk_result(proved[0].0, proved[0].1.clone(), p0),
			zk_result(proved[1].0, proved[1].1.clone(), p1),
		];
		assert_ok!(Inference::submit_results(
			RuntimeOrigin::signed(account(1)),
			batch(results)
		));
		for (id, ..) in &proved {
			assert!(Results::<Test>::get(id).is_none());
		}
		assert_eq!(bond(1), BOND - 2 * SLASH);
	});
}

#[test]
fn batch_entries_that_submit_result_would_refuse_are_skipped() {
	run(|| {
		let proved = proved_requests(2);
		let vanilla = make_request(9, mlp(), InferenceMode::Vanilla);
		let (id, output, proof) = proved[0].clone();
		let mut short = output.clone();
		short.pop();
		System::reset_events();
		let results = vec![
			zk_result(id, output.clone(), proof.clone()),
			zk_result(id, output.clone(), proof.clone()),
			zk_result(proved[1].0, short, proved[1].2.clone()),
			zk_result(vanilla, output.clone(), proof.clone()),
		];
		assert_ok!(Inference::submit_results(
			RuntimeOrigin::signed(account(1)),
			batch(results)
		));
		let skipped = |request_id, error: Error<Test>| Event::ResultSkipped {
			request_id,
			error: error.into(),
		};
		assert_eq!(
			events(),
			[
				skipped(id, Error::DuplicateResult),
				skipped(proved[1].0, Error::WrongOutputLength),
				skipped(vanilla, Error::NotZkRequest),
				Event::InferenceVerified {
					request_id: id,
					executor: account(1),
					fee: 100
				},
				Event::BatchVerified {
					executor: account(1),
					results: 4,
					accepted: 1,
					one_by_one: false,
				},
			]
		);
		assert_eq!(executor_of(proved[1].0), Some(account(1)), "untouched");
		assert_eq!(bond(1), BOND);
		// What fails the whole call.
		assert_noop!(
			Inference::submit_results(RuntimeOrigin::signed(account(1)), batch(vec![])),
			Error::<Test>::EmptyBatch
		);
		let again = vec![zk_result(
			proved[1].0,
			proved[1].1.clone(),
			proved[1].2.clone(),
		)];
		assert_noop!(
			Inference::submit_results(RuntimeOrigin::signed(account(2)), batch(again)),
			Error::<Test>::NotExecutor
		);
	});
}

/// The runtime's batch verifier (one host call) and the wasm one give the
/// same verdicts, on a valid batch and on one with a bad, a malformed and a
/// keyless entry.
#[test]
fn native_and_pure_batch_verifiers_agree() {
	let z = zk();
	let key = prepared(&z.vk);
	let entry = |request_id: u64, tamper: bool, key: u32| {
		let (mut output, proof) = prove(request_id, &account(1), &z.input);
		if tamper {
			output[0] += 1;
		}
		BatchEntry {
			key,
			statement: StatementData {
				model_id: z.model.hash(),
				request_id,
				executor: [1; 32],
				input: z.input.iter().map(|&v| v as i64).collect(),
				output: output.iter().map(|&v| v as i64).collect(),
			}
			.into(),
			proof,
		}
	};
	let keys = vec![key];
	let seed = [7u8; 32];
	let valid = vec![entry(1, false, 0), entry(2, false, 0)];
	let expected = BatchVerdict {
		verdicts: vec![Ok(()), Ok(())],
		one_by_one: false,
	};
	assert_eq!(PureGroth16::verify_batch(&keys, &valid, &seed), expected);
	assert_eq!(NativeGroth16::verify_batch(&keys, &valid, &seed), expected);

	let mut malformed = entry(4, false, 0);
	malformed.proof[0] ^= 0xff;
	let mixed = vec![
		entry(1, false, 0),
		entry(3, true, 0),
		malformed,
		entry(5, false, 1),
	];
	let expected = BatchVerdict {
		verdicts: vec![
			Ok(()),
			Err(VerifyError::InvalidProof),
			Err(VerifyError::MalformedProof),
			Err(VerifyError::InvalidVerifyingKey),
		],
		one_by_one: true,
	};
	assert_eq!(PureGroth16::verify_batch(&keys, &mixed, &seed), expected);
	assert_eq!(NativeGroth16::verify_batch(&keys, &mixed, &seed), expected);

	// Inputs by their commitment (as the pallet stores them): the host's
	// commitment is the wasm's, a batch of committed inputs passes, and the
	// commitment of another input fails its entry alone.
	let values: Vec<i64> = z.input.iter().map(|&v| v as i64).collect();
	let commitment = PureGroth16::input_commitment(16, &values).unwrap();
	assert_eq!(NativeGroth16::input_commitment(16, &values), Ok(commitment));
	let mut other = values.clone();
	other[0] ^= 1;
	let other = NativeGroth16::input_commitment(16, &other).unwrap();
	assert_ne!(other, commitment);
	assert_eq!(
		NativeGroth16::input_commitment(16, &[1 << 15]),
		Err(VerifyError::StatementMismatch),
		"a value out of range"
	);
	let committed = |request_id, commitment| {
		let mut entry = entry(request_id, false, 0);
		entry.statement.input = PartData::Committed(commitment);
		entry
	};
	let valid = vec![committed(1, commitment), committed(2, commitment)];
	let expected = BatchVerdict {
		verdicts: vec![Ok(()), Ok(())],
		one_by_one: false,
	};
	assert_eq!(PureGroth16::verify_batch(&keys, &valid, &seed), expected);
	assert_eq!(NativeGroth16::verify_batch(&keys, &valid, &seed), expected);
	let wrong = vec![committed(1, commitment), committed(2, other)];
	let expected = BatchVerdict {
		verdicts: vec![Ok(()), Err(VerifyError::InvalidProof)],
		one_by_one: true,
	};
	assert_eq!(PureGroth16::verify_batch(&keys, &wrong, &seed), expected);
	assert_eq!(NativeGroth16::verify_batch(&keys, &wrong, &seed), expected);
}

// ---------------------------------------------------------------------------
// Sliced versions: mlp_digits8 cut after its ReLU into two slices, each with
// its own key; requests proved slice by slice.

struct SlicedZk {
	slices: Vec<QuantizedModel>,
	pks: Vec<verity_zk::ProvingKey>,
	vks: Vec<Vec<u8>>,
}

fn sliced_zk() -> &'static SlicedZk {
	static SLICED: OnceLock<SlicedZk> = OnceLock::new();
	SLICED.get_or_init(|| {
		use rand_chacha::rand_core::SeedableRng;
		let model = &zk().model;
		let cuts = verity_zk::slicing::balanced_cuts(model, 2).unwrap();
		let slices = model.slices(&cuts).unwrap();
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
		let (pks, vks) = slices
			.iter()
			.map(|slice| {
				let (pk, vk) = verity_zk::setup(slice, &mut rng).unwrap();
				(pk, vk.to_bytes())
			})
			.unzip();
		SlicedZk { slices, pks, vks }
	})
}

/// Registers mlp_digits8 sliced (owner account 20) with its slices' keys
/// final; returns the version's id and its slices' ids.
fn sliced_mlp() -> (ModelId, Vec<ModelId>) {
	use pallet_models::{InputDescriptor, OutputDescriptor, OutputTransform, SliceDescriptor};
	let s = sliced_zk();
	let owner = account(20);
	let id = pallet_models::NextModelId::<Test>::get();
	let descriptor = pallet_models::VersionDescriptor::<Test> {
		version: BoundedVec::new(),
		onnx_hash: [0; 32],
		quantized_hash: zk().model.hash(),
		zk: None,
		act_bits: 16,
		inputs: BoundedVec::truncate_from(vec![InputDescriptor {
			shape: BoundedVec::truncate_from(vec![64]),
			frac_bits: 0,
		}]),
		outputs: BoundedVec::truncate_from(vec![OutputDescriptor {
			shape: BoundedVec::truncate_from(vec![10]),
			frac_bits: 0,
			transform: OutputTransform::None,
		}]),
		supports_zk: true,
		supports_vanilla: true,
	};
	let slices: Vec<SliceDescriptor> = s
		.pks
		.iter()
		.zip(&s.slices)
		.map(|(pk, slice)| SliceDescriptor {
			quantized_hash: slice.hash(),
			input_len: pk.layout.input_len,
			output_len: pk.layout.output_len,
			domain_size: 1024,
		})
		.collect();
	assert_ok!(Models::register_sliced_model(
		RuntimeOrigin::signed(owner),
		BoundedVec::truncate_from(b"sliced".to_vec()),
		descriptor,
		BoundedVec::truncate_from(slices),
	));
	let ids: Vec<ModelId> = (1..=s.slices.len() as u64).map(|i| id + i).collect();
	for (slice_id, vk) in ids.iter().zip(&s.vks) {
		set_final_key(*slice_id, vk.clone());
	}
	(id, ids)
}

/// The tensors entering slice `index` when the request's input is `input`
/// (the slices before it run in fixed point, as an executor does).
fn slice_input(index: usize, input: &[i32]) -> Vec<IntTensor> {
	let mut tensors = vec![IntTensor::new(
		vec![1, input.len()],
		input.iter().map(|&v| v as i64).collect(),
	)
	.unwrap()];
	for slice in &sliced_zk().slices[..index] {
		tensors = slice.run(&tensors).unwrap();
	}
	tensors
}

fn flat(tensors: &[IntTensor]) -> Vec<i64> {
	tensors
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect()
}

/// What the executor of slice `index` submits for slice request `child`
/// when the request's input is `input`: the entering commitment (none for
/// the first slice), the output, the proof.
fn prove_slice(
	index: usize,
	child: RequestId,
	executor: &AccountId,
	input: &[i32],
) -> (
	Option<[u8; 32]>,
	SliceOutputOf<Test>,
	BoundedVec<u8, ConstU32<PROOF_BYTES>>,
) {
	let s = sliced_zk();
	let pk = &s.pks[index];
	let tensors = slice_input(index, input);
	let binding = verity_zk::Binding {
		request_id: child,
		executor: Inference::account_bytes(executor),
	};
	let (output, proof) = verity_zk::prove(pk, &s.slices[index], &tensors, &binding).unwrap();
	let entering = (index > 0).then(|| {
		verity_zk::statement::field_to_bytes(&pk.layout.input_commitment(&flat(&tensors)).unwrap())
	});
	let output = if pk.layout.boundary_output {
		SliceOutput::Boundary(verity_zk::statement::field_to_bytes(
			&pk.layout.output_commitment(&flat(&output)).unwrap(),
		))
	} else {
		SliceOutput::Values(out(flat(&output).iter().map(|&v| v as i32).collect()))
	};
	(entering, output, proof_bytes(proof.to_bytes()))
}

/// A sliced request's slice requests, in order.
fn children(id: RequestId) -> Vec<RequestId> {
	Sliced::<Test>::get(id).unwrap().children.to_vec()
}

/// Submits slice `index` of sliced request `id` honestly, as its assigned
/// executor.
fn submit_slice(id: RequestId, index: usize) {
	let child = children(id)[index];
	let executor = executor_of(child).expect("assigned");
	let (entering, output, proof) = prove_slice(index, child, &executor, &zk().input);
	assert_ok!(Inference::submit_slice_result(
		RuntimeOrigin::signed(executor),
		child,
		entering,
		output,
		proof
	));
}

#[test]
fn a_sliced_request_is_proved_slice_by_slice_and_paid_once_the_chain_is_whole() {
	run(|| {
		let (model, slice_ids) = sliced_mlp();
		register(1);
		register(2);
		let id = make_request(3, model, InferenceMode::Zk);
		let kids = children(id);
		assert_eq!(kids, vec![id + 1, id + 2]);
		assert_eq!(NextRequestId::<Test>::get(), id + 3);
		// The request itself is never drawn; each slice is.
		assert_eq!(executor_of(id), None);
		for (index, child) in kids.iter().enumerate() {
			assert!(executor_of(*child).is_some(), "slice {index} drawn");
			let r = Requests::<Test>::get(child).unwrap();
			assert_eq!(r.model_id, slice_ids[index]);
			assert!(r.input.is_empty() && r.fee == 0);
		}
		// One open request for the account, whatever its slices.
		assert_eq!(OpenRequestsOf::<Test>::get(account(3)), Some(1));
		assert_eq!(escrow(3), 100);

		// The last slice first: proved, but the chain waits for the first.
		submit_slice(id, 1);
		assert!(Results::<Test>::get(id).is_none());
		assert!(Requests::<Test>::get(kids[1]).is_none());
		Inference::do_try_state().unwrap();
		let (free1, free2) = (free(1), free(2));
		submit_slice(id, 0);

		// Whole: the result is the whole model's output, verified, and each
		// slice's executor got half the fee.
		let result = Results::<Test>::get(id).expect("result stored");
		let whole = zk().model.run(&slice_input(0, &zk().input)).unwrap();
		assert_eq!(
			result.output.to_vec(),
			flat(&whole).iter().map(|&v| v as i32).collect::<Vec<_>>()
		);
		assert!(result.verified);
		assert_eq!(escrow(3), 0);
		assert_eq!(free(1) + free(2), free1 + free2 + 100);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::SlicesPaid { request_id, paid } if *request_id == id && paid.len() == 2
				&& paid.iter().all(|(_, fee)| *fee == 50)
		)));
		assert!(events().iter().any(|e| matches!(
			e,
			Event::InferenceVerified { request_id, fee: 100, .. } if *request_id == id
		)));
		// Nothing of the request is left open.
		assert!(Requests::<Test>::get(id).is_none() && Sliced::<Test>::get(id).is_none());
		assert_eq!(SliceOf::<Test>::iter().count(), 0);
		assert_eq!(OpenRequestsOf::<Test>::get(account(3)), None);
		for n in [1, 2] {
			assert_eq!(
				ExecutorOf::<Test>::get(account(n))
					.unwrap()
					.assigned_pending,
				0
			);
		}
	});
}

#[test]
fn a_wrong_boundary_commitment_fails_the_slice_proof_and_is_slashed() {
	run(|| {
		let (model, _) = sliced_mlp();
		register(1);
		let id = make_request(3, model, InferenceMode::Zk);
		let child = children(id)[0];
		let (_, output, proof) = prove_slice(0, child, &account(1), &zk().input);
		let SliceOutput::Boundary(mut c) = output else {
			panic!("the first slice's output is a boundary")
		};
		// Another canonical field element: the honest one plus one.
		c[0] ^= 1;
		assert_ok!(Inference::submit_slice_result(
			RuntimeOrigin::signed(account(1)),
			child,
			None,
			SliceOutput::Boundary(c),
			proof.clone()
		));
		assert_eq!(bond(1), BOND - SLASH);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::ProofRejected { request_id, reason: RejectReason::InvalidProof, .. }
				if *request_id == child
		)));
		// The slice is drawn again; nothing was proved.
		assert_eq!(executor_of(child), None);
		assert!(Sliced::<Test>::get(id)
			.unwrap()
			.proved
			.iter()
			.all(Option::is_none));
		// Its twin with the honest commitment is the proof's statement.
		run_to(System::block_number() + 1);
		assert_eq!(executor_of(child), Some(account(1)));
		let (_, honest, proof) = prove_slice(0, child, &account(1), &zk().input);
		assert_ok!(Inference::submit_slice_result(
			RuntimeOrigin::signed(account(1)),
			child,
			None,
			honest,
			proof
		));
		assert!(Sliced::<Test>::get(id).unwrap().proved[0].is_some());
	});
}

#[test]
fn a_slice_proved_on_another_tensor_breaks_the_chain_is_slashed_and_redrawn() {
	run(|| {
		let (model, _) = sliced_mlp();
		register(1);
		register(2);
		let id = make_request(3, model, InferenceMode::Zk);
		let kids = children(id);
		// The last slice's executor proves its slice on what the first slice
		// gives for another input: a valid proof, of the wrong tensor.
		let cheat = executor_of(kids[1]).unwrap();
		let other: Vec<i32> = zk().input.iter().map(|v| v / 2).collect();
		let (entering, output, proof) = prove_slice(1, kids[1], &cheat, &other);
		let (honest, _, _) = prove_slice(1, kids[1], &cheat, &zk().input);
		assert_ne!(entering, honest, "the other input must change the boundary");
		assert_ok!(Inference::submit_slice_result(
			RuntimeOrigin::signed(cheat.clone()),
			kids[1],
			entering,
			output,
			proof
		));
		// Alone it cannot be judged: the first slice is not proved yet.
		assert!(Sliced::<Test>::get(id).unwrap().proved[1].is_some());
		let cheat_bond = ExecutorOf::<Test>::get(&cheat).unwrap().bond;
		submit_slice(id, 0);
		// The first slice binds the request's input; the last does not take
		// what it gives: the last slice's prover is slashed and it is drawn
		// again.
		assert!(events().iter().any(|e| matches!(
			e,
			Event::SliceBroken { request_id, index: 1, slashed, .. }
				if *request_id == id && *slashed == WRONG_SLASH
		)));
		assert_eq!(
			ExecutorOf::<Test>::get(&cheat).unwrap().bond,
			cheat_bond - WRONG_SLASH
		);
		assert!(Results::<Test>::get(id).is_none());
		let sliced = Sliced::<Test>::get(id).unwrap();
		assert!(sliced.proved[0].is_some() && sliced.proved[1].is_none());
		assert!(Requests::<Test>::get(kids[1]).is_some());
		Inference::do_try_state().unwrap();
		// Drawn again in the next block, proved honestly: the chain is whole.
		run_to(System::block_number() + 1);
		submit_slice(id, 1);
		assert!(Results::<Test>::get(id).is_some_and(|r| r.verified));
		assert_eq!(escrow(3), 0);
	});
}

#[test]
fn sliced_requests_refuse_what_does_not_fit() {
	run(|| {
		let (model, slice_ids) = sliced_mlp();
		let plain = mlp();
		register(1);
		// A sliced version takes Zk and Vanilla requests, not Optimistic ones.
		assert_noop!(
			Inference::request(
				RuntimeOrigin::signed(account(3)),
				model,
				input(),
				InferenceMode::Optimistic,
				100,
				System::block_number() + 20
			),
			Error::<Test>::SlicedNeedsZk
		);
		// Every slice's key must be final.
		let key = FinalKeys::get()
			.into_iter()
			.find(|k| k.0 == slice_ids[1])
			.unwrap()
			.1;
		FinalKeys::mutate(|k| k.retain(|k| k.0 != slice_ids[1]));
		assert_noop!(
			Inference::request(
				RuntimeOrigin::signed(account(3)),
				model,
				input(),
				InferenceMode::Zk,
				100,
				System::block_number() + 20
			),
			Error::<Test>::NoVerifyingKey
		);
		set_final_key(slice_ids[1], key);
		let id = make_request(3, model, InferenceMode::Zk);
		let kids = children(id);
		let first = executor_of(kids[0]).unwrap();
		let (_, boundary, proof0) = prove_slice(0, kids[0], &first, &zk().input);
		let (entering, values, _) = prove_slice(1, kids[1], &first, &zk().input);
		let signed = || RuntimeOrigin::signed(first.clone());
		let before = snapshot(kids[0]);
		// The slice-result shapes.
		assert_noop!(
			Inference::submit_slice_result(
				signed(),
				kids[0],
				entering,
				boundary.clone(),
				proof0.clone()
			),
			Error::<Test>::WrongSliceInput
		);
		assert_noop!(
			Inference::submit_slice_result(signed(), kids[0], None, values.clone(), proof0.clone()),
			Error::<Test>::WrongSliceOutput
		);
		assert_noop!(
			Inference::submit_slice_result(
				signed(),
				kids[0],
				None,
				SliceOutput::Boundary([0xff; 32]),
				proof0.clone()
			),
			Error::<Test>::MalformedCommitment
		);
		// A slice's request is not a plain request, and the other way round.
		assert_noop!(
			Inference::submit_result(signed(), kids[0], out(vec![0; 10]), proof0.clone()),
			Error::<Test>::SliceRequest
		);
		let plain_id = make_request(4, plain, InferenceMode::Zk);
		assert_noop!(
			Inference::submit_slice_result(
				signed(),
				plain_id,
				None,
				boundary.clone(),
				proof0.clone()
			),
			Error::<Test>::NotASlice
		);
		// The sliced request itself is nobody's to submit or decline.
		assert_noop!(Inference::decline(signed(), id), Error::<Test>::NotAssigned);
		assert_noop!(
			Inference::force_refund(RuntimeOrigin::root(), kids[0]),
			Error::<Test>::SliceRequest
		);
		assert_eq!(snapshot(kids[0]), before);
	});
}

#[test]
fn an_unproved_sliced_request_expires_with_its_slices() {
	run(|| {
		let (model, slice_ids) = sliced_mlp();
		register(1);
		let id = make_request(3, model, InferenceMode::Zk);
		let kids = children(id);
		submit_slice(id, 0);
		let deadline = Requests::<Test>::get(id).unwrap().deadline;
		run_to(deadline + 2);
		assert!(Requests::<Test>::get(id).is_none());
		for child in &kids {
			assert!(Requests::<Test>::get(child).is_none());
		}
		assert!(Sliced::<Test>::get(id).is_none());
		assert_eq!(SliceOf::<Test>::iter().count(), 0);
		// Refunded less the expiry charge; nobody was paid.
		assert_eq!(escrow(3), 0);
		assert_eq!(free(3), ENDOWMENT - EXPIRY_CHARGE);
		assert!(events().iter().any(|e| matches!(
			e,
			Event::RequestExpired { request_id, .. } if *request_id == id
		)));
		// The models are free to go.
		for slice in slice_ids {
			assert!(!OpenRequestsOfModel::<Test>::contains_key(slice));
		}
		assert!(!OpenRequestsOfModel::<Test>::contains_key(model));
	});
}

#[test]
fn a_vanilla_request_for_a_sliced_version_runs_whole() {
	run(|| {
		let (model, _) = sliced_mlp();
		register(1);
		let id = make_request(3, model, InferenceMode::Vanilla);
		assert!(Sliced::<Test>::get(id).is_none());
		assert_eq!(executor_of(id), Some(account(1)));
	});
}

#[test]
fn try_state_catches_broken_slices() {
	let broken: [fn(RequestId); 4] = [
		|id| {
			Sliced::<Test>::mutate(id, |s| {
				let s = s.as_mut().unwrap();
				let mut children = s.children.to_vec();
				children.swap(0, 1);
				s.children = BoundedVec::truncate_from(children);
			})
		},
		|id| SliceOf::<Test>::remove(id + 1),
		|id| Requests::<Test>::mutate(id + 1, |r| r.as_mut().unwrap().fee = 1),
		|id| Requests::<Test>::mutate(id, |r| r.as_mut().unwrap().executor = Some(account(1))),
	];
	for corrupt in broken {
		new_test_ext().execute_with(|| {
			let (model, _) = sliced_mlp();
			register(1);
			let id = make_request(3, model, InferenceMode::Zk);
			Inference::do_try_state().unwrap();
			corrupt(id);
			assert!(Inference::do_try_state().is_err());
		});
	}
}
