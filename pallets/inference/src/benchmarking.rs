//! Benchmarks (frame-benchmarking v2). Worst cases: a full executor set, the
//! longest input (`MaxInputLen`), the longest output, the largest verifying
//! key, executors at `MaxAssignedPerExecutor` (the draw probes them all),
//! lapses that eject. The no_std benchmarks cannot prove, so
//! `submit_result_zk` / `_rejected` and the three `verify_groth16_*` benchmarks
//! replay the committed fixture (`fixtures/benchmark.scale`, made by
//! `examples/make_fixture.rs`): a 4096-input, 60-output model with a
//! 914-byte key (10 public inputs), whose proof is bound to request 7 and the
//! `AccountId32` `[0x42; 32]`. They need a 32-byte `AccountId` and
//! `MaxInputLen <= 4096`.

use super::*;
use crate::{fixture::Fixture, Pallet as Inference};
use alloc::{vec, vec::Vec};
use codec::{Decode, Encode};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		EnsureOrigin, Get, Hooks,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Saturating, Zero};

const SEED: u32 = 0;

/// The fee every benchmark request offers (enough for [`deadline`]).
fn fee<T: Config>() -> BalanceOf<T> {
	let blocks = T::AssignmentTimeout::get().saturating_add(1u32.into());
	Inference::<T>::min_fee(blocks)
		.unwrap_or_else(|_| T::MinRequestFee::get())
		.max(1_000u32.into())
}

fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_add(T::ExecutorBond::get().saturating_mul(10u32.into()))
		.saturating_add(fee::<T>().saturating_mul(100_000u32.into()))
		.saturating_add(T::ModelBytesDepositBase::get())
		.saturating_add(
			T::ModelBytesDepositPerByte::get().saturating_mul(T::MaxModelBytes::get().into()),
		);
	T::Currency::set_balance(who, amount);
}

/// Bonds `who` (holding `bond`) and puts it in the set.
fn add_executor<T: Config>(who: &T::AccountId, bond: BalanceOf<T>) {
	fund::<T>(who);
	T::Currency::hold(&HoldReason::ExecutorBond.into(), who, bond).expect("funded");
	Executors::<T>::mutate(|set| {
		if let Err(pos) = set.binary_search(who) {
			set.try_insert(pos, who.clone()).expect("room in the set");
		}
	});
	ExecutorOf::<T>::insert(
		who,
		ExecutorInfo {
			bond,
			assigned_pending: 0,
			misses: 0,
			active: true,
		},
	);
}

/// Assigns open request `id` to `executor` now, as a draw would.
fn assign_to<T: Config>(id: RequestId, executor: &T::AccountId) {
	let now = frame_system::Pallet::<T>::block_number();
	let mut request = Requests::<T>::get(id).expect("open request");
	Timeouts::<T>::remove(request.window_end.saturating_add(1u32.into()), id);
	request.window_end = now
		.saturating_add(T::AssignmentTimeout::get())
		.min(request.deadline);
	Timeouts::<T>::insert(request.window_end.saturating_add(1u32.into()), id, ());
	request.executor = Some(executor.clone());
	request.draws = request.draws.saturating_add(1);
	Requests::<T>::insert(id, request);
	ExecutorOf::<T>::mutate(executor, |i| {
		if let Some(i) = i {
			i.assigned_pending += 1;
		}
	});
}

/// Puts every executor but the last of the set at `MaxAssignedPerExecutor`
/// (as counted; no requests behind it), so that draws probe up to
/// `MAX_DRAWS` of them.
fn saturate_executors<T: Config>() {
	let set = Executors::<T>::get();
	for who in set.iter().take(set.len().saturating_sub(1)) {
		ExecutorOf::<T>::mutate(who, |i| {
			if let Some(i) = i {
				i.assigned_pending = T::MaxAssignedPerExecutor::get();
			}
		});
	}
}

/// Fills the set up to `n` executors with generated accounts.
fn fill_executors<T: Config>(n: u32) {
	let mut i = 0;
	while Executors::<T>::decode_len().unwrap_or(0) < n as usize {
		add_executor::<T>(&account("executor", i, SEED), T::ExecutorBond::get());
		i += 1;
	}
}

fn register_model<T: Config>(
	hash: [u8; 32],
	input_len: u32,
	output_len: u32,
	key: Option<Vec<u8>>,
) -> ModelId {
	let owner: T::AccountId = account("owner", 0, SEED);
	fund::<T>(&owner);
	let spec = ModelSpec {
		quantized_hash: hash,
		input_len,
		output_len,
		act_bits: 16,
		supports_zk: key.is_some(),
		supports_vanilla: true,
		active: true,
	};
	T::BenchmarkHelper::register_model(&owner, spec, key)
}

/// Registers a fresh variant of the precompile's synthetic model of `layers`
/// 32×32 layers (work `layers · BENCH_LAYER_WORK`), stores its bytes and, if
/// `enable`, enables it for synchronous inference.
fn sync_model<T: Config>(layers: u32, enable: bool) -> ModelId {
	let owner: T::AccountId = account("owner", 0, SEED);
	fund::<T>(&owner);
	Inference::<T>::benchmark_sync_model(&owner, layers, enable)
}

/// The most layers a synthetic model may have here (within `MaxSyncWork`).
fn max_sync_layers<T: Config>() -> u32 {
	(T::MaxSyncWork::get() / verity_precompile::BENCH_LAYER_WORK)
		.clamp(1, u64::from(verity_precompile::MAX_BENCH_LAYERS)) as u32
}

/// Registers a version taking `n` values, sliced in `s` slices whose keys are
/// final: the first slice is `first` (its quantized hash and key, `n` values
/// to 60), the others (60 values to 60) have `key`.
fn sliced_model<T: Config>(n: u32, s: u32, first: ([u8; 32], Vec<u8>), key: &[u8]) -> ModelId {
	let owner: T::AccountId = account("owner", 0, SEED);
	fund::<T>(&owner);
	let (first_hash, first_key) = first;
	let mut slices = vec![(first_hash, n, 60, first_key)];
	for i in 1..s {
		let hash = (b"verity/bench-slice", n, i).using_encoded(sp_io::hashing::blake2_256);
		slices.push((hash, 60, 60, key.to_vec()));
	}
	T::BenchmarkHelper::register_sliced_model(&owner, n, slices)
}

fn fixture<T: Config>() -> Result<Fixture, BenchmarkError> {
	let f = Fixture::committed().ok_or(BenchmarkError::Stop(
		"fixtures/benchmark.scale does not decode",
	))?;
	if (f.input.len() as u32) < T::MaxInputLen::get() {
		return Err(BenchmarkError::Stop(
			"MaxInputLen exceeds the fixture's input: regenerate it (examples/make_fixture.rs)",
		));
	}
	if f.output_len > T::MaxOutputLen::get() {
		return Err(BenchmarkError::Stop(
			"the fixture's output exceeds MaxOutputLen",
		));
	}
	Ok(f)
}

/// The fixture's executor as an account (needs a 32-byte `AccountId`).
fn fixture_executor<T: Config>(f: &Fixture) -> Result<T::AccountId, BenchmarkError> {
	let who = T::AccountId::decode(&mut &f.executor[..])
		.map_err(|_| BenchmarkError::Stop("AccountId does not decode from 32 bytes"))?;
	if Inference::<T>::account_bytes(&who) != f.executor {
		return Err(BenchmarkError::Stop("AccountId is not 32 bytes"));
	}
	Ok(who)
}

fn input<T: Config>(values: &[i32]) -> BoundedVec<i32, T::MaxInputLen> {
	BoundedVec::truncate_from(values.to_vec())
}

/// `value` repeated `len` times, as a request input.
fn filled_input<T: Config>(len: u32, value: i32) -> BoundedVec<i32, T::MaxInputLen> {
	BoundedVec::truncate_from(vec![value; len as usize])
}

/// Makes a request as `requester` (funded here); returns its id.
fn make_request<T: Config>(
	requester: &T::AccountId,
	model: ModelId,
	input: BoundedVec<i32, T::MaxInputLen>,
	mode: InferenceMode,
	deadline: BlockNumberFor<T>,
) -> RequestId {
	fund::<T>(requester);
	let id = NextRequestId::<T>::get();
	Inference::<T>::request(
		RawOrigin::Signed(requester.clone()).into(),
		model,
		input,
		mode,
		fee::<T>(),
		deadline,
	)
	.expect("request");
	id
}

/// The deadline every benchmark request uses: the first window, and one
/// block more.
fn deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
		.saturating_add(T::AssignmentTimeout::get())
		.saturating_add(1u32.into())
}

/// Sets up the fixture's request, assigned to the fixture's executor, in a
/// full executor set; returns (executor, fixture, request id).
fn zk_setup<T: Config>(
	executor_bond: BalanceOf<T>,
) -> Result<(T::AccountId, Fixture, RequestId), BenchmarkError> {
	fixture_request::<T>(executor_bond, InferenceMode::Zk)
}

/// Sets up the fixture's request in `mode`, assigned to the fixture's
/// executor (bonded `executor_bond`), in a full executor set; returns
/// (executor, fixture, request id).
fn fixture_request<T: Config>(
	executor_bond: BalanceOf<T>,
	mode: InferenceMode,
) -> Result<(T::AccountId, Fixture, RequestId), BenchmarkError> {
	frame_system::Pallet::<T>::set_block_number(1u32.into());
	let f = fixture::<T>()?;
	let executor = fixture_executor::<T>(&f)?;
	let model = register_model::<T>(
		f.model_hash,
		f.input.len() as u32,
		f.output_len,
		Some(f.verifying_key.clone()),
	);
	add_executor::<T>(&executor, executor_bond);
	NextRequestId::<T>::put(f.request_id);
	let requester: T::AccountId = account("requester", 0, SEED);
	let id = make_request::<T>(
		&requester,
		model,
		input::<T>(&f.input),
		mode,
		deadline::<T>(),
	);
	assign_to::<T>(id, &executor);
	fill_executors::<T>(T::MaxExecutors::get());
	Ok((executor, f, id))
}

/// The fixture's output with value `at` changed.
fn wrong_output(f: &Fixture, at: usize) -> Vec<i32> {
	let mut wrong = f.output.clone();
	wrong[at] = if wrong[at] == 0 { 1 } else { 0 };
	wrong
}

/// The fixture's request in `Optimistic` mode with a wrong provisional output
/// (value 0 changed) from a submitter bonded `WrongResultSlash` (so that an
/// overturn ejects it from the full set); the fixture's executor, bonded
/// `challenger_bond`, may challenge it. Returns (challenger, fixture,
/// request id).
fn challenge_setup<T: Config>(
	challenger_bond: BalanceOf<T>,
) -> Result<(T::AccountId, Fixture, RequestId), BenchmarkError> {
	let (challenger, f, id) = fixture_request::<T>(challenger_bond, InferenceMode::Optimistic)?;
	let submitter: T::AccountId = account("submitter", 0, SEED);
	// Make room in the full set for the submitter.
	if let Some(last) = Executors::<T>::mutate(|set| set.pop()) {
		ExecutorOf::<T>::remove(last);
	}
	add_executor::<T>(&submitter, T::WrongResultSlash::get().max(1u32.into()));
	// Hand the request from the fixture's executor to the submitter.
	ExecutorOf::<T>::mutate(&challenger, |i| {
		if let Some(i) = i {
			i.assigned_pending -= 1;
		}
	});
	assign_to::<T>(id, &submitter);
	Inference::<T>::submit_result(
		RawOrigin::Signed(submitter).into(),
		id,
		BoundedVec::truncate_from(wrong_output(&f, 0)),
		BoundedVec::new(),
	)
	.map_err(|_| BenchmarkError::Stop("the provisional result was refused"))?;
	Ok((challenger, f, id))
}

/// Registers a `Vanilla` model of the longest input and output, and fills the
/// executor set; returns the model.
fn vanilla_model_and_full_set<T: Config>() -> ModelId {
	let model = register_model::<T>([7; 32], T::MaxInputLen::get(), T::MaxOutputLen::get(), None);
	fill_executors::<T>(T::MaxExecutors::get());
	model
}

/// `count` open requests of the longest input, from distinct requesters,
/// made at the current block; returns their ids.
fn many_requests<T: Config>(count: u32, model: ModelId) -> Vec<RequestId> {
	let len = T::MaxInputLen::get();
	(0..count)
		.map(|i| {
			let requester: T::AccountId = account("requester", i, SEED);
			make_request::<T>(
				&requester,
				model,
				filled_input::<T>(len, 1),
				InferenceMode::Vanilla,
				deadline::<T>(),
			)
		})
		.collect()
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Joining a set with one place left.
	#[benchmark]
	fn register_executor() -> Result<(), BenchmarkError> {
		let origin =
			T::ExecutorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who = T::ExecutorOrigin::ensure_origin(origin.clone())
			.map_err(|_| BenchmarkError::Weightless)?;
		fund::<T>(&who);
		fill_executors::<T>(T::MaxExecutors::get() - 1);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);

		assert!(ExecutorOf::<T>::get(&who).is_some_and(|i| i.active));
		Ok(())
	}

	/// Leaving a full set, bond released.
	#[benchmark]
	fn unregister_executor() {
		fill_executors::<T>(T::MaxExecutors::get());
		let who = Executors::<T>::get()[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(ExecutorOf::<T>::get(&who).is_none());
	}

	/// Releasing a leaving executor's bond.
	#[benchmark]
	fn withdraw_bond() {
		fill_executors::<T>(T::MaxExecutors::get());
		let who = Executors::<T>::get()[0].clone();
		Executors::<T>::mutate(|set| set.remove(0));
		ExecutorOf::<T>::mutate(&who, |i| {
			if let Some(i) = i {
				i.active = false;
			}
		});

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert!(ExecutorOf::<T>::get(&who).is_none());
	}

	/// A `Zk` request with `n` input values (the model's input length), a
	/// full executor set: the input's commitment is computed and stored (a
	/// `Vanilla` or `Optimistic` request does less; the key is only looked
	/// up, its bytes are read at submission).
	#[benchmark]
	fn request(n: Linear<1, { T::MaxInputLen::get() }>) -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let f = fixture::<T>()?;
		let hash = (b"verity/bench", n).using_encoded(sp_io::hashing::blake2_256);
		let model = register_model::<T>(
			hash,
			n,
			T::MaxOutputLen::get(),
			Some(f.verifying_key.clone()),
		);
		fill_executors::<T>(T::MaxExecutors::get());
		let requester: T::AccountId = account("requester", 0, SEED);
		fund::<T>(&requester);
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(requester),
			model,
			filled_input::<T>(n, -1),
			InferenceMode::Zk,
			fee::<T>(),
			deadline::<T>(),
		);

		assert!(Requests::<T>::contains_key(id));
		assert!(InputCommitments::<T>::contains_key(id));
		Ok(())
	}

	/// A `Zk` request for a version sliced in `s` slices, with `n` input
	/// values: the request and one request per slice (every slice's key
	/// read).
	#[benchmark]
	fn request_sliced(
		n: Linear<1, { T::MaxInputLen::get() }>,
		s: Linear<2, { T::MaxSlices::get() }>,
	) -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let f = fixture::<T>()?;
		let first_hash = (b"verity/bench-slice", n, 0u32).using_encoded(sp_io::hashing::blake2_256);
		let model = sliced_model::<T>(
			n,
			s,
			(first_hash, f.verifying_key.clone()),
			&f.verifying_key,
		);
		fill_executors::<T>(T::MaxExecutors::get());
		let requester: T::AccountId = account("requester", 0, SEED);
		fund::<T>(&requester);
		let id = NextRequestId::<T>::get();

		#[extrinsic_call]
		request(
			RawOrigin::Signed(requester),
			model,
			filled_input::<T>(n, -1),
			InferenceMode::Zk,
			fee::<T>(),
			deadline::<T>(),
		);

		assert!(Sliced::<T>::get(id).is_some_and(|sliced| sliced.children.len() == s as usize));
		Ok(())
	}

	/// The first slice's proof (the slice fixture: `MaxInputLen` input
	/// values, a boundary output) completing a chain of `s` slices, the
	/// others proved already: verification, the chain walked, `s` executors
	/// paid, the result stored.
	#[benchmark]
	fn submit_slice_result(s: Linear<2, { T::MaxSlices::get() }>) -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let f = fixture::<T>()?;
		let sf = Fixture::committed_slice()
			.ok_or(BenchmarkError::Stop("fixtures/slice.scale does not decode"))?;
		let leaving = sf.boundary_commitment().ok_or(BenchmarkError::Stop(
			"the slice fixture has no boundary commitment",
		))?;
		let executor = fixture_executor::<T>(&sf)?;
		let model = sliced_model::<T>(
			sf.input.len() as u32,
			s,
			(sf.model_hash, sf.verifying_key.clone()),
			&f.verifying_key,
		);
		add_executor::<T>(&executor, T::ExecutorBond::get());
		// The sliced request's first slice request is the one the
		// fixture's proof is bound to.
		NextRequestId::<T>::put(sf.request_id.saturating_sub(1));
		let requester: T::AccountId = account("requester", 0, SEED);
		let id = make_request::<T>(
			&requester,
			model,
			input::<T>(&sf.input),
			InferenceMode::Zk,
			deadline::<T>(),
		);
		let mut sliced = Sliced::<T>::get(id).ok_or(BenchmarkError::Weightless)?;
		let first = *sliced.children.first().ok_or(BenchmarkError::Weightless)?;
		assert_eq!(first, sf.request_id);
		assign_to::<T>(first, &executor);
		// The later slices are proved by others and chain from the first's
		// boundary.
		for i in 1..s as usize {
			let prover: T::AccountId = account("slice prover", i as u32, SEED);
			add_executor::<T>(&prover, T::ExecutorBond::get());
			let child = sliced.children[i];
			if let Some(open) = Requests::<T>::get(child) {
				Inference::<T>::close(child, &open);
			}
			sliced.proved[i] = Some(ProvedSlice {
				executor: prover,
				entering: leaving,
				leaving,
			});
		}
		sliced.output = Some(BoundedVec::truncate_from(f.output.clone()));
		Sliced::<T>::insert(id, sliced);
		fill_executors::<T>(T::MaxExecutors::get());
		let proof = BoundedVec::truncate_from(sf.proof.clone());

		#[extrinsic_call]
		submit_slice_result(
			RawOrigin::Signed(executor),
			first,
			None,
			SliceOutput::Boundary(leaving),
			proof,
		);

		assert!(Results::<T>::get(id).is_some_and(|r| r.verified));
		assert!(Sliced::<T>::get(id).is_none());
		Ok(())
	}

	/// An accepted proof (the fixture).
	#[benchmark]
	fn submit_result_zk() -> Result<(), BenchmarkError> {
		let (executor, f, id) = zk_setup::<T>(T::ExecutorBond::get())?;
		let output = BoundedVec::truncate_from(f.output.clone());
		let proof = BoundedVec::truncate_from(f.proof.clone());

		#[extrinsic_call]
		submit_result(RawOrigin::Signed(executor), id, output, proof);

		assert!(Results::<T>::get(id).is_some_and(|r| r.verified));
		Ok(())
	}

	/// `n` accepted proofs in one batch (the fixture's batch proofs: the
	/// same input for requests `request_id..request_id + n`, all assigned
	/// to the fixture's executor).
	#[benchmark]
	fn submit_results(n: Linear<1, { T::MaxBatchResults::get() }>) -> Result<(), BenchmarkError> {
		let (executor, f, first) = zk_setup::<T>(T::ExecutorBond::get())?;
		let model = Requests::<T>::get(first)
			.map(|r| r.model_id)
			.ok_or(BenchmarkError::Weightless)?;
		let proofs = f
			.batch_proofs
			.get(..n as usize)
			.ok_or(BenchmarkError::Stop(
				"the fixture has too few batch proofs: regenerate it",
			))?;
		let mut results = Vec::with_capacity(proofs.len());
		for (i, proof) in proofs.iter().enumerate() {
			let id = first + i as u64;
			if i > 0 {
				let requester: T::AccountId = account("requester", i as u32, SEED);
				let made = make_request::<T>(
					&requester,
					model,
					input::<T>(&f.input),
					InferenceMode::Zk,
					deadline::<T>(),
				);
				assert_eq!(made, id);
				assign_to::<T>(id, &executor);
			}
			results.push(ZkResult {
				request_id: id,
				output: BoundedVec::truncate_from(f.output.clone()),
				proof: BoundedVec::truncate_from(proof.clone()),
			});
		}
		let results = BoundedVec::truncate_from(results);

		#[extrinsic_call]
		submit_results(RawOrigin::Signed(executor), results);

		for i in 0..n as u64 {
			assert!(Results::<T>::get(first + i).is_some_and(|r| r.verified));
		}
		Ok(())
	}

	/// A rejected proof (the fixture's, with one output value changed): full
	/// verification, a slash, an ejection from a full set, the request
	/// unassigned.
	#[benchmark]
	fn submit_result_rejected() -> Result<(), BenchmarkError> {
		let slash = T::InvalidProofSlash::get().max(1u32.into());
		let (executor, f, id) = zk_setup::<T>(slash)?;
		let output = BoundedVec::truncate_from(wrong_output(&f, 0));
		let proof = BoundedVec::truncate_from(f.proof.clone());

		#[extrinsic_call]
		submit_result(RawOrigin::Signed(executor.clone()), id, output, proof);

		assert!(Results::<T>::get(id).is_none());
		if !T::InvalidProofSlash::get().is_zero() {
			assert!(ExecutorOf::<T>::get(&executor).is_some_and(|i| !i.active));
		}
		Ok(())
	}

	/// An unverified result with the longest input and output.
	#[benchmark]
	fn submit_result_vanilla() {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let (n, m) = (T::MaxInputLen::get(), T::MaxOutputLen::get());
		let model = register_model::<T>([7; 32], n, m, None);
		let executor: T::AccountId = account("executor", u32::MAX, SEED);
		add_executor::<T>(&executor, T::ExecutorBond::get());
		let requester: T::AccountId = account("requester", 0, SEED);
		let id = make_request::<T>(
			&requester,
			model,
			filled_input::<T>(n, 1),
			InferenceMode::Vanilla,
			deadline::<T>(),
		);
		assign_to::<T>(id, &executor);
		let output = BoundedVec::truncate_from(vec![-1i32; m as usize]);

		#[extrinsic_call]
		submit_result(RawOrigin::Signed(executor), id, output, BoundedVec::new());

		assert!(Results::<T>::get(id).is_some_and(|r| !r.verified));
	}

	/// A provisional result with the longest input and output, from an
	/// executor in a full set.
	#[benchmark]
	fn submit_result_optimistic() -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let f = fixture::<T>()?;
		let (n, m) = (T::MaxInputLen::get(), T::MaxOutputLen::get());
		let model = register_model::<T>([7; 32], n, m, Some(f.verifying_key));
		fill_executors::<T>(T::MaxExecutors::get());
		let executor = Executors::<T>::get()[0].clone();
		let requester: T::AccountId = account("requester", 0, SEED);
		let id = make_request::<T>(
			&requester,
			model,
			filled_input::<T>(n, 1),
			InferenceMode::Optimistic,
			deadline::<T>(),
		);
		assign_to::<T>(id, &executor);
		let output = BoundedVec::truncate_from(vec![-1i32; m as usize]);

		#[extrinsic_call]
		submit_result(RawOrigin::Signed(executor), id, output, BoundedVec::new());

		assert!(Provisional::<T>::contains_key(id));
		Ok(())
	}

	/// A challenge that overturns a provisional result (the fixture's proof):
	/// full verification, the submitter slashed and ejected from a full set,
	/// the challenger rewarded and paid.
	#[benchmark]
	fn challenge_upheld() -> Result<(), BenchmarkError> {
		let (challenger, f, id) = challenge_setup::<T>(T::ExecutorBond::get())?;
		let output = BoundedVec::truncate_from(f.output.clone());
		let proof = BoundedVec::truncate_from(f.proof.clone());

		#[extrinsic_call]
		challenge(RawOrigin::Signed(challenger.clone()), id, output, proof);

		assert!(Results::<T>::get(id).is_some_and(|r| r.verified && r.executor == challenger));
		Ok(())
	}

	/// A challenge whose proof fails (the fixture's, for another output):
	/// full verification, the challenger slashed and ejected from a full set.
	#[benchmark]
	fn challenge_rejected() -> Result<(), BenchmarkError> {
		let slash = T::InvalidProofSlash::get().max(1u32.into());
		let (challenger, f, id) = challenge_setup::<T>(slash)?;
		let output = BoundedVec::truncate_from(wrong_output(&f, 1));
		let proof = BoundedVec::truncate_from(f.proof.clone());

		#[extrinsic_call]
		challenge(RawOrigin::Signed(challenger.clone()), id, output, proof);

		assert!(Provisional::<T>::contains_key(id));
		if !T::InvalidProofSlash::get().is_zero() {
			assert!(ExecutorOf::<T>::get(&challenger).is_some_and(|i| !i.active));
		}
		Ok(())
	}

	/// The timeout hook scanning `s` empty blocks.
	#[benchmark]
	fn on_initialize_slots(s: Linear<0, { T::MaxTimeoutsPerBlock::get() }>) {
		let n: BlockNumberFor<T> = 1_000u32.into();
		frame_system::Pallet::<T>::set_block_number(n);
		TimeoutCursor::<T>::put(n.saturating_add(1u32.into()).saturating_sub(s.into()));

		#[block]
		{
			Inference::<T>::on_initialize(n);
		}

		assert_eq!(
			TimeoutCursor::<T>::get(),
			Some(n.saturating_add(1u32.into()))
		);
	}

	/// The timeout hook drawing executors for `d` new requests (longest
	/// inputs) from a full set whose executors but one are at
	/// `MaxAssignedPerExecutor`.
	#[benchmark]
	fn on_initialize_draw(d: Linear<0, { T::MaxTimeoutsPerBlock::get() }>) {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let model = vanilla_model_and_full_set::<T>();
		let ids = many_requests::<T>(d, model);
		saturate_executors::<T>();
		let n: BlockNumberFor<T> = 2u32.into();
		frame_system::Pallet::<T>::set_block_number(n);
		TimeoutCursor::<T>::put(n);

		#[block]
		{
			Inference::<T>::on_initialize(n);
		}

		for id in ids {
			assert!(Requests::<T>::get(id).is_some_and(|r| r.window_end > n));
		}
	}

	/// The timeout hook handling `l` lapsed windows: each executor (distinct
	/// while the set allows) is slashed and ejected for its last miss, and a
	/// backup drawn.
	#[benchmark]
	fn on_initialize_lapse(l: Linear<0, { T::MaxTimeoutsPerBlock::get() }>) {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let model = vanilla_model_and_full_set::<T>();
		let set = Executors::<T>::get();
		let ids = many_requests::<T>(l, model);
		for (i, id) in ids.iter().enumerate() {
			let executor = &set[i % set.len()];
			assign_to::<T>(*id, executor);
			ExecutorOf::<T>::mutate(executor, |info| {
				if let Some(info) = info {
					info.misses = T::MaxMisses::get().saturating_sub(1);
				}
			});
		}
		// The deadline is one block after the first window.
		let n = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::AssignmentTimeout::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(n);
		TimeoutCursor::<T>::put(n);

		#[block]
		{
			Inference::<T>::on_initialize(n);
		}

		for id in ids {
			assert!(Requests::<T>::get(id).is_some_and(|r| r.draws == 2 || r.executor.is_none()));
		}
	}

	/// The timeout hook expiring `e` requests (longest inputs, distinct
	/// requesters) whose last executor lapsed: slash, charge and refund.
	#[benchmark]
	fn on_initialize_expire(e: Linear<0, { T::MaxTimeoutsPerBlock::get() }>) {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let model = vanilla_model_and_full_set::<T>();
		let set = Executors::<T>::get();
		let ids = many_requests::<T>(e, model);
		// Assigned one block later: the window ends at the deadline.
		frame_system::Pallet::<T>::set_block_number(2u32.into());
		for (i, id) in ids.iter().enumerate() {
			assign_to::<T>(*id, &set[i % set.len()]);
		}
		let n = deadline::<T>();
		frame_system::Pallet::<T>::set_block_number(n);
		TimeoutCursor::<T>::put(n);

		#[block]
		{
			Inference::<T>::on_initialize(n);
		}

		assert_eq!(Requests::<T>::count(), 0);
	}

	/// The timeout hook finalizing `f` provisional results (longest inputs and
	/// outputs, distinct requesters): each executor paid.
	#[benchmark]
	fn on_initialize_finalize(
		f: Linear<0, { T::MaxTimeoutsPerBlock::get() }>,
	) -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let (n, m) = (T::MaxInputLen::get(), T::MaxOutputLen::get());
		let model = register_model::<T>([7; 32], n, m, Some(fixture::<T>()?.verifying_key));
		fill_executors::<T>(T::MaxExecutors::get());
		let set = Executors::<T>::get();
		let ids: Vec<RequestId> = (0..f)
			.map(|i| {
				let requester: T::AccountId = account("requester", i, SEED);
				let id = make_request::<T>(
					&requester,
					model,
					filled_input::<T>(n, 1),
					InferenceMode::Optimistic,
					deadline::<T>(),
				);
				let executor = &set[i as usize % set.len()];
				assign_to::<T>(id, executor);
				assert!(Inference::<T>::submit_result(
					RawOrigin::Signed(executor.clone()).into(),
					id,
					BoundedVec::truncate_from(vec![1i32; m as usize]),
					BoundedVec::new(),
				)
				.is_ok());
				id
			})
			.collect();
		let at = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::ChallengeWindow::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(at);
		TimeoutCursor::<T>::put(at);

		#[block]
		{
			Inference::<T>::on_initialize(at);
		}

		for id in ids {
			assert!(Results::<T>::contains_key(id) && !Provisional::<T>::contains_key(id));
		}
		Ok(())
	}

	/// The timeout hook pruning `p` results (longest inputs and outputs).
	#[benchmark]
	fn on_initialize_prune(p: Linear<0, { T::MaxTimeoutsPerBlock::get() }>) {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let out = T::MaxOutputLen::get();
		let model = vanilla_model_and_full_set::<T>();
		let executor = Executors::<T>::get()[0].clone();
		let ids = many_requests::<T>(p, model);
		for id in &ids {
			assign_to::<T>(*id, &executor);
			assert!(Inference::<T>::submit_result(
				RawOrigin::Signed(executor.clone()).into(),
				*id,
				BoundedVec::truncate_from(vec![1i32; out as usize]),
				BoundedVec::new(),
			)
			.is_ok());
		}
		let n = frame_system::Pallet::<T>::block_number().saturating_add(T::ResultTtl::get());
		frame_system::Pallet::<T>::set_block_number(n);
		TimeoutCursor::<T>::put(n);

		#[block]
		{
			Inference::<T>::on_initialize(n);
		}

		for id in ids {
			assert!(ResultHashes::<T>::contains_key(id) && !Results::<T>::contains_key(id));
		}
	}

	/// Passing on a request (longest input) in a full set.
	#[benchmark]
	fn decline() {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let model = vanilla_model_and_full_set::<T>();
		let executor = Executors::<T>::get()[0].clone();
		let id = many_requests::<T>(1, model)[0];
		assign_to::<T>(id, &executor);

		#[extrinsic_call]
		_(RawOrigin::Signed(executor), id);

		assert!(Requests::<T>::get(id).is_some_and(|r| r.executor.is_none()));
	}

	/// Removing an executor from a full set.
	#[benchmark]
	fn remove_executor() -> Result<(), BenchmarkError> {
		fill_executors::<T>(T::MaxExecutors::get());
		let who = Executors::<T>::get()[0].clone();
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(ExecutorOf::<T>::get(&who).is_some_and(|i| !i.active));
		Ok(())
	}

	/// Refunding an assigned request of the longest input.
	#[benchmark]
	fn force_refund() -> Result<(), BenchmarkError> {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		let model = vanilla_model_and_full_set::<T>();
		let executor = Executors::<T>::get()[0].clone();
		let id = many_requests::<T>(1, model)[0];
		assign_to::<T>(id, &executor);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(!Requests::<T>::contains_key(id));
		Ok(())
	}

	/// Verifying the fixture with arkworks' BLS12-381 in the runtime.
	#[benchmark]
	fn verify_groth16_pure() -> Result<(), BenchmarkError> {
		let f = fixture::<T>()?;
		let statement = f.statement();
		let key = f.prepared_key();
		let result;

		#[block]
		{
			result = PureGroth16::verify(&key, &statement, &f.proof);
		}

		assert_eq!(result, Ok(()));
		Ok(())
	}

	/// Verifying the fixture with `sp-crypto-ec-utils`' host functions.
	#[benchmark]
	fn verify_groth16_host() -> Result<(), BenchmarkError> {
		let f = fixture::<T>()?;
		let statement = f.statement();
		let key = f.prepared_key();
		let result;

		#[block]
		{
			result = HostGroth16::verify(&key, &statement, &f.proof);
		}

		assert_eq!(result, Ok(()));
		Ok(())
	}

	/// Verifying the fixture in one host call (what the runtime uses).
	#[benchmark]
	fn verify_groth16_native() -> Result<(), BenchmarkError> {
		let f = fixture::<T>()?;
		let statement = f.statement();
		let key = f.prepared_key();
		let result;

		#[block]
		{
			result = NativeGroth16::verify(&key, &statement, &f.proof);
		}

		assert_eq!(result, Ok(()));
		Ok(())
	}

	/// Enabling a model (the precompile reports its work).
	#[benchmark]
	fn set_sync_model() -> Result<(), BenchmarkError> {
		// The largest model, never parsed: enabling parses its bytes.
		let layers = max_sync_layers::<T>();
		let model = sync_model::<T>(layers, false);
		let origin =
			T::SyncOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		set_sync_model(origin as T::RuntimeOrigin, model, true);

		assert_eq!(
			SyncModels::<T>::get(model),
			Some(u64::from(layers) * verity_precompile::BENCH_LAYER_WORK)
		);
		Ok(())
	}

	/// Storing `n` bytes of a model (hashing them, holding the deposit).
	#[benchmark]
	fn store_model_bytes(n: Linear<1, { T::MaxModelBytes::get() }>) {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let bytes: BoundedVec<u8, T::MaxModelBytes> =
			BoundedVec::truncate_from(vec![7u8; n as usize]);
		let hash = sp_io::hashing::blake2_256(&bytes);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), bytes);

		assert!(ModelBytes::<T>::contains_key(hash));
	}

	/// Removing the largest stored model.
	#[benchmark]
	fn remove_model_bytes() {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let bytes: BoundedVec<u8, T::MaxModelBytes> =
			BoundedVec::truncate_from(vec![7u8; T::MaxModelBytes::get() as usize]);
		let hash = sp_io::hashing::blake2_256(&bytes);
		Inference::<T>::store_model_bytes(RawOrigin::Signed(caller.clone()).into(), bytes)
			.expect("stores");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), hash);

		assert!(!ModelBytes::<T>::contains_key(hash));
	}

	#[benchmark]
	fn set_sync_work_bound() -> Result<(), BenchmarkError> {
		let origin =
			T::SyncOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bound = T::MaxSyncWork::get() / 2;

		#[extrinsic_call]
		set_sync_work_bound(origin as T::RuntimeOrigin, bound);

		assert_eq!(SyncWorkBound::<T>::get(), bound);
		Ok(())
	}

	/// Running a model of `w` synthetic layers (`w · BENCH_LAYER_WORK` work
	/// units) in the extrinsic, first output of the caller (the deposit is held).
	#[benchmark]
	fn infer_now(
		w: Linear<1, { verity_precompile::MAX_BENCH_LAYERS }>,
	) -> Result<(), BenchmarkError> {
		if u64::from(w) * verity_precompile::BENCH_LAYER_WORK > T::MaxSyncWork::get() {
			return Err(BenchmarkError::Skip);
		}
		let model = sync_model::<T>(w, true);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let values: Vec<i32> = (0..32).map(|i| i * 5 - 80).collect();

		#[extrinsic_call]
		infer_now(
			RawOrigin::Signed(caller.clone()),
			model,
			input::<T>(&values),
		);

		assert!(SyncOutputs::<T>::get(&caller).is_some_and(|o| o.output.len() == 32));
		Ok(())
	}

	#[benchmark]
	fn clear_sync_output() {
		let model = sync_model::<T>(1, true);
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let values = vec![1i32; 32];
		assert!(Inference::<T>::infer_now(
			RawOrigin::Signed(caller.clone()).into(),
			model,
			input::<T>(&values)
		)
		.is_ok());

		#[extrinsic_call]
		clear_sync_output(RawOrigin::Signed(caller.clone()));

		assert!(!SyncOutputs::<T>::contains_key(&caller));
	}

	impl_benchmark_test_suite!(Inference, crate::mock::new_test_ext(), crate::mock::Test);
}
