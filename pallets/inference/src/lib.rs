//! # Inference pallet
//!
//! Paid, verifiable inference requests on Verity's model registry
//! (`pallet-models`).
//!
//! ## Overview
//!
//! * **Executors** bond [`Config::ExecutorBond`] (held under
//!   [`HoldReason::ExecutorBond`]) to join the executor set
//!   ([`Executors`], at most [`Config::MaxExecutors`]); who may join is
//!   [`Config::ExecutorOrigin`] (anyone: `frame_system::EnsureSigned`; a set
//!   such as the validators: `frame_system::EnsureSignedBy<Set, AccountId>`
//!   with `Set: SortedMembers<AccountId>`). `unregister_executor` leaves the set
//!   at once; the bond is released as soon as no open request is assigned to
//!   the executor (at the latest when the last one expires, which is at most
//!   [`Config::MaxDeadline`] blocks away), by `unregister_executor` itself or by
//!   `withdraw_bond` later.
//! * **Requests**: `request(model_id, input, mode, max_fee, deadline)` holds
//!   `max_fee` from the requester in escrow ([`HoldReason::RequestEscrow`]),
//!   checks the input against the model (exactly `input_len` values, each in the
//!   signed `act_bits` range) and assigns an executor: index
//!   `u64_le(blake2_256(("verity/assign", request_id, parent_hash))[0..8]) mod
//!   |set|` of the sorted executor set ([`Pallet::assign`]). Until
//!   [`Config::AssignmentTimeout`] blocks have passed only that executor may
//!   submit; from then until the deadline any active executor may.
//! * **Results**: `submit_result(request_id, output, proof)`. For a `Zk`
//!   request the runtime builds the statement itself: the model's quantized
//!   hash, the request id, the submitter's 32 account bytes
//!   ([`Pallet::account_bytes`]), the *stored* input and the submitted output,
//!   and verifies the proof under the model's stored verifying key with
//!   [`Config::ProofVerifier`]. A valid result is stored in [`Results`], the
//!   executor is paid the **full escrowed fee** and `InferenceVerified` is
//!   emitted. `Vanilla` results (no proof) are stored flagged unverified and paid
//!   the same way.
//! * **Expiry**: requests whose deadline passed without a result are refunded
//!   in full in `on_initialize`, at most [`Config::MaxExpiriesPerBlock`] per
//!   block; the rest carries over to the next block ([`ExpiryCursor`]).
//!
//! * **Synchronous inference** ([`sync`]): `infer_now(model_id, input)` runs
//!   the model inside the extrinsic through the node's inference precompile
//!   ([`verity_precompile`]), stores the caller's latest output in
//!   [`SyncOutputs`] (holding [`Config::SyncOutputDeposit`] until
//!   `clear_sync_output`) and emits `InferenceComputed`, all in the same block.
//!   Only models [`Config::SyncOrigin`] enabled (`set_sync_model`) run this way,
//!   and only while their work is within [`SyncWorkBound`]
//!   (`set_sync_work_bound`, at most [`Config::MaxSyncWork`]). Other pallets
//!   call the same path through [`InferenceProvider`].
//!
//! ## Invalid proofs: slash, do not revert
//!
//! A dispatch that returns an error is reverted, slash included. So a proof
//! that fails verification makes `submit_result` return **`Ok`**: the
//! submitter's bond is slashed by [`Config::InvalidProofSlash`] (the slashed
//! funds go to [`Config::OnSlash`]), `ProofRejected { reason }` is emitted, and
//! the request stays open for a correct result. This is what makes invalid
//! proofs cost more than the transaction fee. An executor whose bond falls
//! below one slash is ejected from the set (`ExecutorEjected`), and no executor
//! whose bond is below one slash may submit `Zk` results.
//!
//! Everything that is cheap to check is a plain error with nothing changed:
//! unknown request, result already stored, past the deadline, caller not an
//! executor or not (yet) allowed, wrong output length, output value out of
//! range, proof not [`PROOF_BYTES`] long (or present for a `Vanilla` request).
//! A stored verifying key that does not decode, or does not fit the model's
//! spec, is the registry's fault: a plain error, no slash.
//!
//! Replays fail: the request id and the executor are public inputs, so a proof
//! for another request or made for another executor fails the pairing check
//! (slash); a proof for a request that already has a result is
//! `AlreadyFulfilled`.
//!
//! ## Storage bounds
//!
//! Open requests: [`Config::MaxPendingRequests`] ([`Requests`] is counted).
//! Each deadline block indexes at most [`Config::MaxRequestsPerDeadline`]
//! requests ([`Deadlines`]). Executors: [`Config::MaxExecutors`]. Inputs and
//! outputs: [`Config::MaxInputLen`], [`Config::MaxOutputLen`]. Results are kept
//! (each bounded; paid for by the request's fee). No call or hook iterates over
//! unbounded storage; the runtime-API helper [`Pallet::pending_for_executor`]
//! iterates the open requests (at most `MaxPendingRequests`) off chain only.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use sync::{work_component, InferenceProvider};
pub use types::*;
pub use verifier::{Groth16, HostGroth16, PureGroth16, VerifyError, VerifyProof};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod fixture;
#[cfg(test)]
mod mock;
pub mod sync;
#[cfg(test)]
mod tests;
pub mod types;
pub mod verifier;
pub mod weights;

use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::fungible;
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_models::{InferenceMode, ModelId, ModelRegistry, ModelSpec};
use sp_runtime::traits::{CheckedAdd, One, Saturating, Zero};

/// The balance type of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A negative imbalance (slashed funds) of [`Config::Currency`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// A request as stored.
pub type RequestOf<T> = Request<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	frame_support::BoundedVec<i32, <T as Config>::MaxInputLen>,
>;
/// A result as stored.
pub type ResultOf<T> = InferenceResult<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	frame_support::BoundedVec<i32, <T as Config>::MaxInputLen>,
	frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>,
>;
/// A request as the runtime API returns it.
pub type RequestView<T> =
	Request<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, Vec<i32>>;
/// A result as the runtime API returns it.
pub type ResultView<T> = InferenceResult<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	Vec<i32>,
	Vec<i32>,
>;

/// [`SyncOutput`] as stored.
pub type SyncOutputOf<T> =
	SyncOutput<BlockNumberFor<T>, frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>>;

/// Registers models for the benchmarks (the registry's calls are not part of
/// [`ModelRegistry`]).
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers an active model version with `spec`, owned by `owner` (funded
	/// by the benchmark), with `verifying_key` (if given) as its final key
	/// (the benchmarks do not run a ceremony), and returns its id.
	fn register_model(
		owner: &AccountId,
		spec: ModelSpec,
		verifying_key: Option<Vec<u8>>,
	) -> ModelId;
}

/// Registers a model version of `spec` with `pallet_models::register_model` as
/// `owner` (one input and one output tensor of the spec's lengths, frac bits
/// 0, a placeholder ONNX hash, a 1024-point QAP domain for zk, always
/// active); returns its id. A zk version's key ceremony starts.
#[cfg(any(feature = "runtime-benchmarks", test))]
pub fn register_with_models<T: pallet_models::Config>(
	owner: &T::AccountId,
	spec: &ModelSpec,
) -> Result<ModelId, sp_runtime::DispatchError> {
	use frame_support::BoundedVec;
	use pallet_models::{
		InputDescriptor, OutputDescriptor, OutputTransform, VersionDescriptor, ZkParams,
	};

	let id = pallet_models::NextModelId::<T>::get();
	let descriptor = VersionDescriptor::<T> {
		version: BoundedVec::new(),
		onnx_hash: [0; 32],
		quantized_hash: spec.quantized_hash,
		zk: spec.supports_zk.then_some(ZkParams {
			domain_size: 1024,
			owner_contributes: false,
		}),
		act_bits: spec.act_bits as u8,
		inputs: BoundedVec::truncate_from(alloc::vec![InputDescriptor {
			shape: BoundedVec::truncate_from(alloc::vec![spec.input_len]),
			frac_bits: 0,
		}]),
		outputs: BoundedVec::truncate_from(alloc::vec![OutputDescriptor {
			shape: BoundedVec::truncate_from(alloc::vec![spec.output_len]),
			frac_bits: 0,
			transform: OutputTransform::None,
		}]),
		supports_zk: spec.supports_zk,
		supports_vanilla: spec.supports_vanilla,
	};
	pallet_models::Pallet::<T>::register_model(
		frame_system::RawOrigin::Signed(owner.clone()).into(),
		BoundedVec::truncate_from(b"benchmark".to_vec()),
		descriptor,
	)?;
	Ok(id)
}

/// The benchmark helper over the real registry: `type BenchmarkHelper =
/// pallet_models::Pallet<Runtime>` registers each benchmark model with
/// [`register_with_models`], funding the owner for the deposit, and installs
/// the key through `ZkSetup::set_final_key_for_benchmarks`.
#[cfg(feature = "runtime-benchmarks")]
impl<T: pallet_models::Config> BenchmarkHelper<T::AccountId> for pallet_models::Pallet<T> {
	fn register_model(
		owner: &T::AccountId,
		spec: ModelSpec,
		verifying_key: Option<Vec<u8>>,
	) -> ModelId {
		use frame_support::traits::{fungible::Mutate, Get};
		use sp_runtime::traits::Saturating;

		let deposit = T::DepositBase::get()
			.saturating_mul(100u32.into())
			.saturating_add(T::DepositPerByte::get().saturating_mul(100_000u32.into()));
		let balance = <T::Currency as fungible::Inspect<_>>::balance(owner)
			.saturating_add(deposit)
			.saturating_add(<T::Currency as fungible::Inspect<_>>::minimum_balance());
		T::Currency::set_balance(owner, balance);
		use pallet_models::ZkSetup;
		let registered = register_with_models::<T>(owner, &spec);
		assert!(
			registered.is_ok(),
			"registering the benchmark model: {registered:?}"
		);
		let id = registered.unwrap_or_default();
		if let Some(key) = verifying_key {
			T::ZkSetup::set_final_key_for_benchmarks(id, key, [0; 32]);
		}
		id
	}
}

/// Paid, verifiable inference: executors bond to serve requests, requesters
/// escrow a fee per request, results are accepted only with a valid Groth16
/// proof (`Zk`) or stored flagged unverified (`Vanilla`), invalid proofs slash
/// the bond, and expired requests are refunded.
///
/// Calls: `register_executor`, `unregister_executor`, `withdraw_bond`,
/// `request`, `submit_result`. Clients read it through the `InferenceApi`
/// runtime API.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{BalancedHold, Inspect, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
			Imbalance, OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency of bonds and fees.
		type Currency: Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ BalancedHold<Self::AccountId>;

		/// Receives slashed bonds (`()` burns them).
		type OnSlash: OnUnbalanced<CreditOf<Self>>;

		/// The model registry (`pallet_models::Pallet<Runtime>`).
		type Models: ModelRegistry;

		/// Verifies Groth16 proofs: [`PureGroth16`] (wasm) or [`HostGroth16`]
		/// (host functions).
		type ProofVerifier: VerifyProof;

		/// Who may register as an executor, returning the account:
		/// `frame_system::EnsureSigned<AccountId>` (anyone) or
		/// `frame_system::EnsureSignedBy<Set, AccountId>` (members of a
		/// `SortedMembers` set, e.g. the validators' accounts; its first member
		/// is the benchmarks' executor).
		type ExecutorOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The bond an executor holds while registered.
		#[pallet::constant]
		type ExecutorBond: Get<BalanceOf<Self>>;

		/// Slashed from the submitter's bond for every rejected proof.
		#[pallet::constant]
		type InvalidProofSlash: Get<BalanceOf<Self>>;

		/// The smallest fee a request may offer.
		#[pallet::constant]
		type MinRequestFee: Get<BalanceOf<Self>>;

		/// Most executors in the set.
		#[pallet::constant]
		type MaxExecutors: Get<u32>;

		/// Most input values of a request.
		#[pallet::constant]
		type MaxInputLen: Get<u32>;

		/// Most output values of a result.
		#[pallet::constant]
		type MaxOutputLen: Get<u32>;

		/// Most open requests.
		#[pallet::constant]
		type MaxPendingRequests: Get<u32>;

		/// Most requests with the same deadline block.
		#[pallet::constant]
		type MaxRequestsPerDeadline: Get<u32>;

		/// Most requests expired (and most deadline blocks scanned) per block.
		#[pallet::constant]
		type MaxExpiriesPerBlock: Get<u32>;

		/// Blocks during which only the assigned executor may submit (at least 1).
		#[pallet::constant]
		type AssignmentTimeout: Get<BlockNumberFor<Self>>;

		/// Furthest deadline a request may set, in blocks from now (at least
		/// `AssignmentTimeout`).
		#[pallet::constant]
		type MaxDeadline: Get<BlockNumberFor<Self>>;

		/// Who enables models for synchronous inference and sets the work bound.
		type SyncOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest work bound `set_sync_work_bound` accepts (the range
		/// `infer_now` is benchmarked over).
		#[pallet::constant]
		type MaxSyncWork: Get<u64>;

		/// Held from an account while [`SyncOutputs`] stores its latest
		/// synchronous output.
		#[pallet::constant]
		type SyncOutputDeposit: Get<BalanceOf<Self>>;

		/// Weights of the calls and the hook.
		type WeightInfo: WeightInfo;

		/// Registers models for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An executor's bond.
		#[codec(index = 0)]
		ExecutorBond,
		/// A request's fee, until it is paid to the executor or refunded.
		#[codec(index = 1)]
		RequestEscrow,
		/// The deposit for an account's entry in [`SyncOutputs`].
		#[codec(index = 2)]
		SyncOutput,
	}

	/// The active executor set, sorted. Requests are assigned from it.
	#[pallet::storage]
	pub type Executors<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxExecutors>, ValueQuery>;

	/// Every bonded executor, active or leaving.
	#[pallet::storage]
	pub type ExecutorOf<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ExecutorInfo<BalanceOf<T>>>;

	/// The id of the next request.
	#[pallet::storage]
	pub type NextRequestId<T> = StorageValue<_, RequestId, ValueQuery>;

	/// Open requests (no result yet, not expired).
	#[pallet::storage]
	pub type Requests<T: Config> = CountedStorageMap<_, Twox64Concat, RequestId, RequestOf<T>>;

	/// Accepted results.
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, RequestId, ResultOf<T>>;

	/// Open requests by deadline block.
	#[pallet::storage]
	pub type Deadlines<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<RequestId, T::MaxRequestsPerDeadline>,
		ValueQuery,
	>;

	/// The earliest deadline block whose requests may not all have been expired
	/// yet (`None` until the first block with this pallet).
	#[pallet::storage]
	pub type ExpiryCursor<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// Models enabled for synchronous inference, with their work units (as the
	/// node computed them from the model when it was enabled).
	#[pallet::storage]
	pub type SyncModels<T: Config> = StorageMap<_, Twox64Concat, ModelId, u64>;

	/// Default of [`SyncWorkBound`]: [`Config::MaxSyncWork`].
	#[pallet::type_value]
	pub fn DefaultSyncWorkBound<T: Config>() -> u64 {
		T::MaxSyncWork::get()
	}

	/// The most work a synchronous inference may do (at most
	/// [`Config::MaxSyncWork`]).
	#[pallet::storage]
	pub type SyncWorkBound<T: Config> = StorageValue<_, u64, ValueQuery, DefaultSyncWorkBound<T>>;

	/// Each account's latest `infer_now` output (one entry per account,
	/// overwritten; its deposit is held until `clear_sync_output`).
	#[pallet::storage]
	pub type SyncOutputs<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SyncOutputOf<T>>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joined the executor set, holding `bond`.
		ExecutorRegistered {
			who: T::AccountId,
			bond: BalanceOf<T>,
		},
		/// `who` left the executor set (its bond stays held while requests are
		/// assigned to it).
		ExecutorUnregistered { who: T::AccountId },
		/// `who`'s bond fell below one slash: it left the executor set.
		ExecutorEjected {
			who: T::AccountId,
			bond: BalanceOf<T>,
		},
		/// `who`'s bond was released and it is no longer an executor.
		BondReleased {
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A request was made and assigned.
		Requested {
			request_id: RequestId,
			requester: T::AccountId,
			model_id: ModelId,
			mode: InferenceMode,
			fee: BalanceOf<T>,
			executor: T::AccountId,
			open_at: BlockNumberFor<T>,
			deadline: BlockNumberFor<T>,
		},
		/// A proven result was verified and stored; the executor was paid `fee`.
		InferenceVerified {
			request_id: RequestId,
			executor: T::AccountId,
			fee: BalanceOf<T>,
		},
		/// An unverified (`Vanilla`) result was stored; the executor was paid `fee`.
		ResultStored {
			request_id: RequestId,
			executor: T::AccountId,
			fee: BalanceOf<T>,
		},
		/// A proof was rejected: `executor` was slashed `slashed`; the request
		/// stays open.
		ProofRejected {
			request_id: RequestId,
			executor: T::AccountId,
			slashed: BalanceOf<T>,
			reason: RejectReason,
		},
		/// A request passed its deadline without a result; `refunded` went back
		/// to the requester.
		RequestExpired {
			request_id: RequestId,
			requester: T::AccountId,
			refunded: BalanceOf<T>,
		},
		/// Model `model_id` was enabled for synchronous inference (`work`: its
		/// work units) or disabled (`work: None`).
		SyncModelSet {
			model_id: ModelId,
			work: Option<u64>,
		},
		/// The synchronous work bound was set.
		SyncWorkBoundSet { bound: u64 },
		/// `who` ran `model_id` synchronously in this block: `output` is the
		/// model's fixed-point output, computed by every validator alike.
		InferenceComputed {
			who: T::AccountId,
			model_id: ModelId,
			work: u64,
			output: BoundedVec<i32, T::MaxOutputLen>,
		},
		/// `who`'s stored synchronous output was removed and its deposit released.
		SyncOutputCleared { who: T::AccountId },
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a (possibly leaving) executor.
		AlreadyExecutor,
		/// The executor set is full.
		TooManyExecutors,
		/// The account is not an executor.
		NotExecutor,
		/// The executor is still in the set: unregister first.
		StillActive,
		/// Open requests are still assigned to the executor.
		PendingAssignments,
		/// No such model.
		UnknownModel,
		/// The model is deprecated.
		ModelInactive,
		/// The model does not support the requested mode.
		ModeNotSupported,
		/// The model has no final verifying key: its key ceremony is still
		/// running (or failed). `Zk` requests wait for it.
		NoVerifyingKey,
		/// The model's sizes are outside this pallet's bounds or its `act_bits`
		/// is not 2..=24.
		UnsupportedModel,
		/// The input does not have the model's number of values.
		WrongInputLength,
		/// An input value is outside the model's signed `act_bits` range.
		InputOutOfRange,
		/// The fee is below `MinRequestFee`.
		FeeTooLow,
		/// The deadline is earlier than the end of the assignment window.
		DeadlineTooSoon,
		/// The deadline is more than `MaxDeadline` blocks away.
		DeadlineTooFar,
		/// Too many open requests.
		TooManyPendingRequests,
		/// Too many requests already have this deadline block.
		DeadlineFull,
		/// The executor set is empty.
		NoExecutors,
		/// No such request.
		UnknownRequest,
		/// The request already has a result.
		AlreadyFulfilled,
		/// The caller may not submit for this request (yet).
		NotAssigned,
		/// The request's deadline has passed.
		DeadlinePassed,
		/// The output does not have the model's number of values.
		WrongOutputLength,
		/// An output value is outside the model's signed `act_bits` range.
		OutputOutOfRange,
		/// A `Zk` result needs a proof of `PROOF_BYTES` bytes; a `Vanilla`
		/// result takes no proof.
		ProofSizeMismatch,
		/// The executor's bond is below one slash.
		BondTooLow,
		/// The model's stored verifying key does not decode.
		InvalidVerifyingKey,
		/// The model's verifying key does not fit its spec (model hash or sizes).
		ModelKeyMismatch,
		/// An arithmetic overflow.
		Overflow,
		/// The model is not enabled for synchronous inference.
		NotSyncEnabled,
		/// The model does more work than the synchronous work bound.
		WorkAboveBound,
		/// The work bound is above `MaxSyncWork`.
		WorkBoundTooHigh,
		/// The quantized model the node ran does not fit the registered spec
		/// (output length, or more work than recorded when it was enabled), or
		/// its artifact is not a valid quantized model.
		ModelArtifactMismatch,
		/// The account has no stored synchronous output.
		NoSyncOutput,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expires requests whose deadline passed (bounded; see [`Pallet::expire`]).
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::expire(n)
		}

		fn integrity_test() {
			assert!(
				!T::AssignmentTimeout::get().is_zero(),
				"AssignmentTimeout must be at least 1"
			);
			assert!(
				T::MaxDeadline::get() >= T::AssignmentTimeout::get(),
				"MaxDeadline must be at least AssignmentTimeout"
			);
			assert!(
				T::MaxExpiriesPerBlock::get() > 0,
				"MaxExpiriesPerBlock must be positive"
			);
			assert!(T::MaxExecutors::get() > 0, "MaxExecutors must be positive");
			assert!(T::MaxInputLen::get() > 0 && T::MaxOutputLen::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Joins the executor set, holding `ExecutorBond` from the caller.
		///
		/// Origin: `ExecutorOrigin`. Emits `ExecutorRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_executor())]
		pub fn register_executor(origin: OriginFor<T>) -> DispatchResult {
			let who = T::ExecutorOrigin::ensure_origin(origin)?;
			ensure!(
				!ExecutorOf::<T>::contains_key(&who),
				Error::<T>::AlreadyExecutor
			);
			let mut set = Executors::<T>::get();
			let pos = set
				.binary_search(&who)
				.err()
				.ok_or(Error::<T>::AlreadyExecutor)?;
			set.try_insert(pos, who.clone())
				.map_err(|_| Error::<T>::TooManyExecutors)?;
			let bond = T::ExecutorBond::get();
			T::Currency::hold(&HoldReason::ExecutorBond.into(), &who, bond)?;
			Executors::<T>::put(set);
			ExecutorOf::<T>::insert(
				&who,
				ExecutorInfo {
					bond,
					assigned_pending: 0,
					active: true,
				},
			);
			Self::deposit_event(Event::ExecutorRegistered { who, bond });
			Ok(())
		}

		/// Leaves the executor set: no new assignments, no open requests of
		/// others. Releases the bond now if no open request is assigned to the
		/// caller; otherwise `withdraw_bond` releases it once there is none
		/// (requests end by their deadline at the latest). Can also be called
		/// by an ejected executor, to the same effect.
		///
		/// Emits `ExecutorUnregistered` (if it was active) and `BondReleased`
		/// (if released).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unregister_executor())]
		pub fn unregister_executor(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			if info.active {
				Self::remove_from_set(&who);
				info.active = false;
				Self::deposit_event(Event::ExecutorUnregistered { who: who.clone() });
			}
			if info.assigned_pending == 0 {
				Self::release_bond(&who, info.bond)?;
			} else {
				ExecutorOf::<T>::insert(&who, info);
			}
			Ok(())
		}

		/// Releases the bond of an executor that left the set once no open
		/// request is assigned to it. Emits `BondReleased`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_bond())]
		pub fn withdraw_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			ensure!(!info.active, Error::<T>::StillActive);
			ensure!(info.assigned_pending == 0, Error::<T>::PendingAssignments);
			Self::release_bond(&who, info.bond)
		}

		/// Requests an inference of `model_id` on `input` in `mode`, holding
		/// `max_fee` in escrow until the result (paid in full to its executor)
		/// or the deadline (refunded in full).
		///
		/// `input`: the engine's fixed-point integers, exactly the model's
		/// `input_len` values, each in its signed `act_bits` range. `deadline`:
		/// the last block a result is accepted in, at least `AssignmentTimeout`
		/// and at most `MaxDeadline` blocks from now. Emits `Requested` with the
		/// assigned executor.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request(input.len() as u32))]
		pub fn request(
			origin: OriginFor<T>,
			model_id: ModelId,
			input: BoundedVec<i32, T::MaxInputLen>,
			mode: InferenceMode,
			#[pallet::compact] max_fee: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let spec = T::Models::spec(model_id).ok_or(Error::<T>::UnknownModel)?;
			ensure!(spec.active, Error::<T>::ModelInactive);
			let supported = match mode {
				InferenceMode::Zk => spec.supports_zk,
				InferenceMode::Vanilla => spec.supports_vanilla,
			};
			ensure!(supported, Error::<T>::ModeNotSupported);
			// A key exists only once the model's ceremony is final.
			ensure!(
				mode != InferenceMode::Zk || T::Models::verifying_key(model_id).is_some(),
				Error::<T>::NoVerifyingKey
			);
			Self::check_spec(&spec)?;
			ensure!(
				input.len() == spec.input_len as usize,
				Error::<T>::WrongInputLength
			);
			ensure!(in_range(&input, spec.act_bits), Error::<T>::InputOutOfRange);
			ensure!(max_fee >= T::MinRequestFee::get(), Error::<T>::FeeTooLow);

			let now = frame_system::Pallet::<T>::block_number();
			let open_at = now
				.checked_add(&T::AssignmentTimeout::get())
				.ok_or(Error::<T>::Overflow)?;
			ensure!(deadline >= open_at, Error::<T>::DeadlineTooSoon);
			let latest = now
				.checked_add(&T::MaxDeadline::get())
				.ok_or(Error::<T>::Overflow)?;
			ensure!(deadline <= latest, Error::<T>::DeadlineTooFar);
			ensure!(
				Requests::<T>::count() < T::MaxPendingRequests::get(),
				Error::<T>::TooManyPendingRequests
			);

			let request_id = NextRequestId::<T>::get();
			let next_id = request_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let executor = Self::assign(request_id).ok_or(Error::<T>::NoExecutors)?;
			Deadlines::<T>::try_mutate(deadline, |ids| ids.try_push(request_id))
				.map_err(|_| Error::<T>::DeadlineFull)?;
			ExecutorOf::<T>::try_mutate(&executor, |info| -> DispatchResult {
				let info = info.as_mut().ok_or(Error::<T>::NotExecutor)?;
				info.assigned_pending = info
					.assigned_pending
					.checked_add(1)
					.ok_or(Error::<T>::Overflow)?;
				Ok(())
			})?;
			T::Currency::hold(&HoldReason::RequestEscrow.into(), &who, max_fee)?;

			Requests::<T>::insert(
				request_id,
				Request {
					requester: who.clone(),
					model_id,
					mode,
					input,
					fee: max_fee,
					created: now,
					executor: executor.clone(),
					open_at,
					deadline,
				},
			);
			NextRequestId::<T>::put(next_id);
			Self::deposit_event(Event::Requested {
				request_id,
				requester: who,
				model_id,
				mode,
				fee: max_fee,
				executor,
				open_at,
				deadline,
			});
			Ok(())
		}

		/// Submits the result of request `request_id`: by its assigned executor,
		/// or, from `open_at` on, by any active executor; never after the
		/// deadline.
		///
		/// `Zk` requests: `proof` is the 192-byte Groth16 proof of the statement
		/// (model hash, `request_id`, the caller's account bytes, the stored
		/// input, `output`). Valid: the result is stored, the executor paid the
		/// fee, `InferenceVerified`. Invalid (does not decode or fails the
		/// pairing check): **returns `Ok`**, slashes the caller by
		/// `InvalidProofSlash`, emits `ProofRejected` and leaves the request
		/// open (an error would revert the slash). `Vanilla` requests: `proof`
		/// must be empty; the result is stored unverified, the executor paid,
		/// `ResultStored`. Every other failure is an error with nothing changed.
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::submit_result_zk().max(T::WeightInfo::submit_result_rejected())
		)]
		pub fn submit_result(
			origin: OriginFor<T>,
			request_id: RequestId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			proof: BoundedVec<u8, ConstU32<PROOF_BYTES>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let request = match Requests::<T>::get(request_id) {
				Some(request) => request,
				None if Results::<T>::contains_key(request_id) => {
					return Err(Error::<T>::AlreadyFulfilled.into())
				}
				None => return Err(Error::<T>::UnknownRequest.into()),
			};
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= request.deadline, Error::<T>::DeadlinePassed);
			let info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			if who != request.executor {
				ensure!(
					info.active && now >= request.open_at,
					Error::<T>::NotAssigned
				);
			}
			let spec = T::Models::spec(request.model_id).ok_or(Error::<T>::UnknownModel)?;
			Self::check_spec(&spec)?;
			ensure!(
				output.len() == spec.output_len as usize,
				Error::<T>::WrongOutputLength
			);
			ensure!(
				in_range(&output, spec.act_bits),
				Error::<T>::OutputOutOfRange
			);

			match request.mode {
				InferenceMode::Vanilla => {
					ensure!(proof.is_empty(), Error::<T>::ProofSizeMismatch);
					Self::accept(request_id, request, who, output, false)?;
					Ok(Some(T::WeightInfo::submit_result_vanilla()).into())
				}
				InferenceMode::Zk => {
					ensure!(
						proof.len() == PROOF_BYTES as usize,
						Error::<T>::ProofSizeMismatch
					);
					let slash = T::InvalidProofSlash::get();
					ensure!(info.bond >= slash, Error::<T>::BondTooLow);
					let key = T::Models::verifying_key(request.model_id)
						.ok_or(Error::<T>::NoVerifyingKey)?;
					let statement = verity_zk::Statement {
						model_id: spec.quantized_hash,
						request_id,
						executor: Self::account_bytes(&who),
						input: request.input.iter().map(|&v| v as i64).collect(),
						output: output.iter().map(|&v| v as i64).collect(),
					};
					let reason = match T::ProofVerifier::verify(&key, &statement, &proof) {
						Ok(()) => {
							Self::accept(request_id, request, who, output, true)?;
							return Ok(().into());
						}
						Err(VerifyError::InvalidVerifyingKey) => {
							return Err(Error::<T>::InvalidVerifyingKey.into())
						}
						Err(VerifyError::StatementMismatch) => {
							return Err(Error::<T>::ModelKeyMismatch.into())
						}
						Err(VerifyError::MalformedProof) => RejectReason::MalformedProof,
						Err(VerifyError::InvalidProof) => RejectReason::InvalidProof,
					};
					Self::reject(request_id, who, info, reason);
					Ok(().into())
				}
			}
		}

		/// Enables model `model_id` for synchronous inference (`enabled`), or
		/// disables it.
		///
		/// Origin: `SyncOrigin`. Enabling asks the node's precompile for the
		/// model's work units, which must be within `SyncWorkBound`; a node that
		/// does not have the model's artifact cannot execute this call (see
		/// [`verity_precompile`]). Emits `SyncModelSet`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_sync_model())]
		pub fn set_sync_model(
			origin: OriginFor<T>,
			model_id: ModelId,
			enabled: bool,
		) -> DispatchResult {
			T::SyncOrigin::ensure_origin(origin)?;
			let work = if enabled {
				let work = Self::sync_work(model_id)?;
				SyncModels::<T>::insert(model_id, work);
				Some(work)
			} else {
				ensure!(
					SyncModels::<T>::contains_key(model_id),
					Error::<T>::NotSyncEnabled
				);
				SyncModels::<T>::remove(model_id);
				None
			};
			Self::deposit_event(Event::SyncModelSet { model_id, work });
			Ok(())
		}

		/// Sets the most work a synchronous inference may do (at most
		/// `MaxSyncWork`). Models enabled earlier above the new bound are
		/// refused until it is raised again.
		///
		/// Origin: `SyncOrigin`. Emits `SyncWorkBoundSet`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_sync_work_bound())]
		pub fn set_sync_work_bound(origin: OriginFor<T>, bound: u64) -> DispatchResult {
			T::SyncOrigin::ensure_origin(origin)?;
			Self::check_work_bound(bound)?;
			SyncWorkBound::<T>::put(bound);
			Self::deposit_event(Event::SyncWorkBoundSet { bound });
			Ok(())
		}

		/// Runs sync-enabled model `model_id` on `input` inside this extrinsic
		/// (the node's inference precompile, exact fixed point, the same bytes on
		/// every validator), stores the output as the caller's latest in
		/// `SyncOutputs` (holding `SyncOutputDeposit` on the first one) and emits
		/// `InferenceComputed`.
		///
		/// `input`: the engine's fixed-point integers, exactly the model's
		/// `input_len` values, each in its signed `act_bits` range. The weight
		/// is the benchmarked linear formula in the model's work units
		/// ([`SyncModels`]; reading it to price the call is one storage read,
		/// included in the benchmark).
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::infer_now_weight(*model_id))]
		pub fn infer_now(
			origin: OriginFor<T>,
			model_id: ModelId,
			input: BoundedVec<i32, T::MaxInputLen>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (_, work, output) = Self::run_sync(model_id, &input)?;
			let output: BoundedVec<i32, T::MaxOutputLen> = output
				.try_into()
				.map_err(|_| Error::<T>::ModelArtifactMismatch)?;
			if !SyncOutputs::<T>::contains_key(&who) {
				T::Currency::hold(
					&HoldReason::SyncOutput.into(),
					&who,
					T::SyncOutputDeposit::get(),
				)?;
			}
			SyncOutputs::<T>::insert(
				&who,
				SyncOutput {
					model_id,
					output: output.clone(),
					block: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::InferenceComputed {
				who,
				model_id,
				work,
				output,
			});
			Ok(())
		}

		/// Removes the caller's stored synchronous output and releases its
		/// deposit. Emits `SyncOutputCleared`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::clear_sync_output())]
		pub fn clear_sync_output(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(
				SyncOutputs::<T>::contains_key(&who),
				Error::<T>::NoSyncOutput
			);
			SyncOutputs::<T>::remove(&who);
			T::Currency::release(
				&HoldReason::SyncOutput.into(),
				&who,
				T::SyncOutputDeposit::get(),
				Precision::BestEffort,
			)?;
			Self::deposit_event(Event::SyncOutputCleared { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The 32 bytes that stand for `who` in a statement: its SCALE encoding
		/// if that is 32 bytes long (`AccountId32`), else the blake2-256 of it.
		pub fn account_bytes(who: &T::AccountId) -> [u8; 32] {
			who.using_encoded(|bytes| match <[u8; 32]>::try_from(bytes) {
				Ok(raw) => raw,
				Err(_) => sp_io::hashing::blake2_256(bytes),
			})
		}

		/// The executor request `request_id` is assigned to if made now: index
		/// `u64_le(blake2_256(("verity/assign", request_id,
		/// parent_hash).encode())[0..8]) mod |set|` of the sorted executor set.
		/// `None` if the set is empty.
		pub fn assign(request_id: RequestId) -> Option<T::AccountId> {
			let set = Executors::<T>::get();
			let len = set.len() as u64;
			if len == 0 {
				return None;
			}
			let parent = frame_system::Pallet::<T>::parent_hash();
			let seed =
				(b"verity/assign", request_id, parent).using_encoded(sp_io::hashing::blake2_256);
			let mut word = [0u8; 8];
			word.copy_from_slice(&seed[..8]);
			let index = u64::from_le_bytes(word) % len;
			set.get(index as usize).cloned()
		}

		/// Checks a model's spec fits this pallet's bounds and the statement
		/// layout.
		pub(crate) fn check_spec(spec: &ModelSpec) -> DispatchResult {
			ensure!(
				(verity_zk::statement::MIN_ACT_BITS..=verity_zk::statement::MAX_ACT_BITS)
					.contains(&spec.act_bits)
					&& spec.input_len > 0
					&& spec.input_len <= T::MaxInputLen::get()
					&& spec.output_len > 0
					&& spec.output_len <= T::MaxOutputLen::get(),
				Error::<T>::UnsupportedModel
			);
			Ok(())
		}

		/// Stores an accepted result and pays the executor.
		fn accept(
			request_id: RequestId,
			request: RequestOf<T>,
			executor: T::AccountId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			verified: bool,
		) -> DispatchResult {
			T::Currency::transfer_on_hold(
				&HoldReason::RequestEscrow.into(),
				&request.requester,
				&executor,
				request.fee,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			Self::close(request_id, &request);
			Results::<T>::insert(
				request_id,
				InferenceResult {
					requester: request.requester,
					model_id: request.model_id,
					mode: request.mode,
					input: request.input,
					output,
					verified,
					executor: executor.clone(),
					fee: request.fee,
					block: frame_system::Pallet::<T>::block_number(),
				},
			);
			let fee = request.fee;
			Self::deposit_event(if verified {
				Event::InferenceVerified {
					request_id,
					executor,
					fee,
				}
			} else {
				Event::ResultStored {
					request_id,
					executor,
					fee,
				}
			});
			Ok(())
		}

		/// Removes an open request from the open set, its deadline slot and its
		/// assigned executor's count (not the escrow).
		fn close(request_id: RequestId, request: &RequestOf<T>) {
			Requests::<T>::remove(request_id);
			Deadlines::<T>::mutate_exists(request.deadline, |ids| {
				if let Some(list) = ids {
					list.retain(|id| *id != request_id);
					if list.is_empty() {
						*ids = None;
					}
				}
			});
			ExecutorOf::<T>::mutate(&request.executor, |info| {
				if let Some(info) = info {
					info.assigned_pending = info.assigned_pending.saturating_sub(1);
				}
			});
		}

		/// Slashes the submitter of a rejected proof (ejecting it if its bond
		/// can no longer cover a slash).
		fn reject(
			request_id: RequestId,
			who: T::AccountId,
			mut info: ExecutorInfo<BalanceOf<T>>,
			reason: RejectReason,
		) {
			let slash = T::InvalidProofSlash::get();
			let (credit, _) =
				T::Currency::slash(&HoldReason::ExecutorBond.into(), &who, slash.min(info.bond));
			let slashed = credit.peek();
			T::OnSlash::on_unbalanced(credit);
			info.bond = info.bond.saturating_sub(slashed);
			if info.active && info.bond < slash {
				Self::remove_from_set(&who);
				info.active = false;
				Self::deposit_event(Event::ExecutorEjected {
					who: who.clone(),
					bond: info.bond,
				});
			}
			ExecutorOf::<T>::insert(&who, info);
			Self::deposit_event(Event::ProofRejected {
				request_id,
				executor: who,
				slashed,
				reason,
			});
		}

		fn remove_from_set(who: &T::AccountId) {
			Executors::<T>::mutate(|set| {
				if let Ok(pos) = set.binary_search(who) {
					set.remove(pos);
				}
			});
		}

		fn release_bond(who: &T::AccountId, bond: BalanceOf<T>) -> DispatchResult {
			let amount = T::Currency::release(
				&HoldReason::ExecutorBond.into(),
				who,
				bond,
				Precision::BestEffort,
			)?;
			ExecutorOf::<T>::remove(who);
			Self::deposit_event(Event::BondReleased {
				who: who.clone(),
				amount,
			});
			Ok(())
		}

		/// Refunds requests whose deadline is before block `n`: scans deadline
		/// blocks from [`ExpiryCursor`] up to `n - 1`, at most
		/// `MaxExpiriesPerBlock` blocks and `MaxExpiriesPerBlock` requests;
		/// what is left waits for the next block. Returns the weight used.
		pub(crate) fn expire(n: BlockNumberFor<T>) -> Weight {
			let max = T::MaxExpiriesPerBlock::get();
			let mut cursor = ExpiryCursor::<T>::get().unwrap_or(n);
			let (mut slots, mut expired) = (0u32, 0u32);
			while cursor < n && slots < max && expired < max {
				slots += 1;
				let ids = Deadlines::<T>::take(cursor).into_inner();
				let budget = (max - expired) as usize;
				let take = ids.len().min(budget);
				for &id in &ids[..take] {
					Self::expire_one(id);
				}
				expired += take as u32;
				if take < ids.len() {
					Deadlines::<T>::insert(cursor, BoundedVec::truncate_from(ids[take..].to_vec()));
					break;
				}
				cursor = cursor.saturating_add(One::one());
			}
			ExpiryCursor::<T>::put(cursor);
			T::WeightInfo::on_initialize_slots(slots)
				.saturating_add(T::WeightInfo::on_initialize_expire(expired))
		}

		fn expire_one(request_id: RequestId) {
			let Some(request) = Requests::<T>::take(request_id) else {
				return;
			};
			let refunded = T::Currency::release(
				&HoldReason::RequestEscrow.into(),
				&request.requester,
				request.fee,
				Precision::BestEffort,
			)
			.unwrap_or_else(|_| Zero::zero());
			ExecutorOf::<T>::mutate(&request.executor, |info| {
				if let Some(info) = info {
					info.assigned_pending = info.assigned_pending.saturating_sub(1);
				}
			});
			Self::deposit_event(Event::RequestExpired {
				request_id,
				requester: request.requester,
				refunded,
			});
		}

		// --- runtime API helpers ---

		/// The result of `request_id`, if any.
		pub fn result(request_id: RequestId) -> Option<ResultView<T>> {
			Results::<T>::get(request_id).map(|r| InferenceResult {
				requester: r.requester,
				model_id: r.model_id,
				mode: r.mode,
				input: r.input.into_inner(),
				output: r.output.into_inner(),
				verified: r.verified,
				executor: r.executor,
				fee: r.fee,
				block: r.block,
			})
		}

		/// The open request `request_id`, if any (an executor reads the input
		/// here).
		pub fn request_info(request_id: RequestId) -> Option<RequestView<T>> {
			Requests::<T>::get(request_id).map(|r| Request {
				requester: r.requester,
				model_id: r.model_id,
				mode: r.mode,
				input: r.input.into_inner(),
				fee: r.fee,
				created: r.created,
				executor: r.executor,
				open_at: r.open_at,
				deadline: r.deadline,
			})
		}

		/// The open requests `who` may submit a result for in the next block:
		/// those assigned to it, and (if it is active) every other one past its
		/// assignment window; sorted by id. Iterates the open requests (at most
		/// `MaxPendingRequests`): for the runtime API, not for calls.
		pub fn pending_for_executor(who: T::AccountId) -> Vec<RequestId> {
			let Some(info) = ExecutorOf::<T>::get(&who) else {
				return Vec::new();
			};
			let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
			let mut ids: Vec<RequestId> = Requests::<T>::iter()
				.filter(|(_, r)| {
					next <= r.deadline && (r.executor == who || (info.active && next >= r.open_at))
				})
				.map(|(id, _)| id)
				.collect();
			ids.sort_unstable();
			ids
		}

		/// The spec of model `model_id` (from the registry).
		pub fn model(model_id: ModelId) -> Option<ModelSpec> {
			T::Models::spec(model_id)
		}

		/// The active executor set, sorted.
		pub fn executors() -> Vec<T::AccountId> {
			Executors::<T>::get().into_inner()
		}

		/// The models enabled for synchronous inference: id, work units and
		/// quantized-model hash (a model no longer in the registry is left
		/// out). Iterates [`SyncModels`]: for the runtime API, not for calls.
		pub fn sync_models() -> Vec<(ModelId, u64, [u8; 32])> {
			SyncModels::<T>::iter()
				.filter_map(|(id, work)| Some((id, work, T::Models::spec(id)?.quantized_hash)))
				.collect()
		}

		/// Invariants: the held escrow of every requester equals the sum of its
		/// open requests' fees; every open request is in its deadline slot and
		/// vice versa; no result for an open or never-made request; every
		/// executor's held bond equals its recorded bond, the set is sorted and
		/// holds exactly the active executors; assigned counts match; every
		/// stored sync output holds its deposit; the sync work bound is within
		/// `MaxSyncWork`.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use frame_support::traits::fungible::InspectHold;
			let escrow = HoldReason::RequestEscrow.into();
			let bond = HoldReason::ExecutorBond.into();
			let next_id = NextRequestId::<T>::get();

			let mut fees: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut assigned: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut open = 0u32;
			for (id, r) in Requests::<T>::iter() {
				open += 1;
				ensure!(id < next_id, "open request id not yet issued");
				ensure!(!Results::<T>::contains_key(id), "open request has a result");
				ensure!(
					Deadlines::<T>::get(r.deadline).contains(&id),
					"request not in its slot"
				);
				let fee = fees.entry(r.requester.clone()).or_insert_with(Zero::zero);
				*fee = fee.saturating_add(r.fee);
				*assigned.entry(r.executor.clone()).or_insert(0) += 1;
				ensure!(
					ExecutorOf::<T>::contains_key(&r.executor),
					"assigned to a non-executor"
				);
			}
			ensure!(
				open == Requests::<T>::count(),
				"request counter out of sync"
			);
			ensure!(
				open <= T::MaxPendingRequests::get(),
				"too many open requests"
			);
			for (who, fee) in &fees {
				ensure!(
					T::Currency::balance_on_hold(&escrow, who) == *fee,
					"held escrow differs from the open fees"
				);
			}
			for (_, ids) in Deadlines::<T>::iter() {
				for id in ids {
					ensure!(
						Requests::<T>::contains_key(id),
						"deadline slot of a closed request"
					);
				}
			}
			for (id, _) in Results::<T>::iter() {
				ensure!(id < next_id, "result without a request");
			}
			for (who, _) in SyncOutputs::<T>::iter() {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::SyncOutput.into(), &who)
						== T::SyncOutputDeposit::get(),
					"stored sync output without its deposit"
				);
			}
			ensure!(
				SyncWorkBound::<T>::get() <= T::MaxSyncWork::get(),
				"sync work bound above MaxSyncWork"
			);

			let set = Executors::<T>::get();
			ensure!(
				set.windows(2).all(|w| w[0] < w[1]),
				"executor set not sorted"
			);
			let mut active = 0usize;
			for (who, info) in ExecutorOf::<T>::iter() {
				ensure!(
					T::Currency::balance_on_hold(&bond, &who) == info.bond,
					"held bond differs from the record"
				);
				ensure!(
					info.assigned_pending == assigned.get(&who).copied().unwrap_or(0),
					"assigned count out of sync"
				);
				ensure!(
					info.active == set.binary_search(&who).is_ok(),
					"set membership"
				);
				if info.active {
					active += 1;
				}
			}
			ensure!(active == set.len(), "executor set has a non-executor");
			if let Some(cursor) = ExpiryCursor::<T>::get() {
				for (deadline, _) in Deadlines::<T>::iter() {
					ensure!(
						deadline >= cursor,
						"a deadline slot behind the expiry cursor"
					);
				}
			}
			Ok(())
		}
	}
}

/// Whether every value is in the signed `bits`-bit range (`bits` in 2..=24).
fn in_range(values: &[i32], bits: u32) -> bool {
	let half = 1i64 << (bits.clamp(1, 32) - 1);
	values.iter().all(|&v| (-half..half).contains(&(v as i64)))
}
