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
//!   `max_fee` from the requester in escrow ([`HoldReason::RequestEscrow`])
//!   and checks the input against the model (exactly `input_len` values,
//!   each in the signed `act_bits` range). The fee must cover
//!   [`Config::MinRequestFee`] plus [`Config::FeePerDeadlineBlock`] for every
//!   block until the deadline, and an account has at most
//!   [`Config::MaxRequestsPerAccount`] open requests: holding many queue
//!   places for long locks much escrow, and one account cannot fill the
//!   queue.
//! * **Fair assignment**: nobody is assigned in the request's own block. In
//!   the next block's `on_initialize` an executor is drawn from the sorted
//!   set at index `u64_le(blake2_256(("verity/assign", request_id, draws,
//!   parent_hash))[8k..8k+8]) mod |set|` ([`Pallet::draw`]; the first of up to
//!   [`MAX_DRAWS`] draws that is not at [`Config::MaxAssignedPerExecutor`]).
//!   The parent hash is then the hash of the block that *included* the
//!   request: unknown to the requester when it signed, and to the block's
//!   author until it sealed the block (an author who wants another executor
//!   has to re-seal its block and hope; Aura gives no unbiasable randomness,
//!   so this is the remaining bias, and only for a colluding author).
//! * **Liveness**: only the assigned executor may submit, for
//!   [`Config::AssignmentTimeout`] blocks (its window). If the window lapses,
//!   the executor is slashed [`Config::LapseSlash`] and one backup is drawn
//!   the same way (never the executor that lapsed), until the deadline.
//!   [`Config::MaxMisses`] lapses in a row eject an executor; so does
//!   [`Config::AdminOrigin`] (`remove_executor`). An executor that cannot
//!   serve a request passes it on at once with `decline` (no slash).
//! * **Results**: `submit_result(request_id, output, proof)`. For a `Zk`
//!   request the runtime builds the statement itself: the model's quantized
//!   hash, the request id, the submitter's 32 account bytes
//!   ([`Pallet::account_bytes`]), the *stored* input and the submitted output,
//!   and verifies the proof under the model's verifying key with
//!   [`Config::ProofVerifier`]: the key's prepared form
//!   ([`pallet_models::ModelRegistry::prepared_verifying_key`], validated and
//!   prepared once when its ceremony ended), so a verification decodes no key
//!   point and computes no `e(α, β)`. A valid result is stored in [`Results`], the
//!   executor is paid the **full escrowed fee** and `InferenceVerified` is
//!   emitted. `Vanilla` results (no proof) are stored flagged unverified and paid
//!   the same way. A stored result is pruned [`Config::ResultTtl`] blocks
//!   later; its output stays in the event, its hash in [`ResultHashes`].
//! * **Optimistic results**: an `Optimistic` request's executor submits its
//!   output without a proof (its bond must cover
//!   [`Config::WrongResultSlash`]). It is held in [`Provisional`] for
//!   [`Config::ChallengeWindow`] blocks, the fee still in escrow, then stored
//!   unverified and paid (`ResultFinalized`). Within the window any other
//!   bonded executor may `challenge` it with a Groth16 proof of a different
//!   output for the same statement (made for the challenger's account): the
//!   proven output replaces it (`ResultOverturned`), the submitter loses
//!   `WrongResultSlash` ([`Config::ChallengerShare`] of it to the challenger,
//!   who is also paid the fee). A challenge whose proof fails costs the
//!   challenger `InvalidProofSlash` (`ChallengeRejected`).
//! * **Expiry**: a request whose deadline passed without a result is
//!   refunded, less [`Config::ExpiryCharge`] (burnt: an unserved request is
//!   not free); `force_refund` ([`Config::AdminOrigin`]) refunds an open
//!   request in full.
//! * **Sliced versions** ([`sliced`]): a `Zk` request for a model version
//!   registered in slices opens one request per slice (drawn, assigned,
//!   lapsed and declined like any), and `submit_slice_result` verifies each
//!   slice's proof under the slice's own key from the commitments of the
//!   tensors entering and leaving it; once every slice is proved and the
//!   commitments chain from the request's input, the request's result is
//!   stored and every slice's executor paid its share. A slice proved on
//!   another tensor than its predecessor gives is found by the chain, its
//!   executor slashed `WrongResultSlash` and the slice drawn again.
//! * **Timeouts** (drawing, lapses, expiry, pruning) are handled in
//!   `on_initialize` from one index, [`Timeouts`], at most
//!   [`Config::MaxTimeoutsPerBlock`] per block; the rest carries over to the
//!   next block ([`TimeoutCursor`]).
//!
//! * **Synchronous inference** ([`sync`]): `infer_now(model_id, input)` runs
//!   the model inside the extrinsic through the node's inference precompile
//!   ([`verity_precompile`]) on its quantized bytes from chain state
//!   ([`ModelBytes`], stored with a deposit by `store_model_bytes`), stores the caller's latest output in
//!   [`SyncOutputs`] (holding [`Config::SyncOutputDeposit`] until
//!   `clear_sync_output`) and emits `InferenceComputed`, all in the same block.
//!   Only models [`Config::SyncOrigin`] enabled (`set_sync_model`) run this way,
//!   and only while their work is within [`SyncWorkBound`]
//!   (`set_sync_work_bound`, at most [`Config::MaxSyncWork`]). Other pallets
//!   call the same path through [`InferenceProvider`].
//!
//! ## One submission per request
//!
//! [`CheckSubmission`], a transaction extension, makes the transaction pool
//! refuse `submit_result` and `decline` from anyone but the assigned
//! executor, and for closed requests, and keeps one such transaction per
//! request (they all provide the request's tag): a losing submission is
//! never included, so it costs nothing and takes no block weight.
//!
//! ## Invalid proofs: slash, do not revert
//!
//! A dispatch that returns an error is reverted, slash included. So a proof
//! that fails verification makes `submit_result` return **`Ok`**: the
//! submitter's bond is slashed by [`Config::InvalidProofSlash`] (the slashed
//! funds go to [`Config::OnSlash`]), `ProofRejected { reason }` is emitted, and
//! the request stays open for a correct result: it loses its executor, and
//! another is drawn in the next block. This is what makes invalid
//! proofs cost more than the transaction fee. An executor whose bond falls
//! below one slash is ejected from the set (`ExecutorEjected`), and no executor
//! whose bond is below one slash may submit `Zk` results.
//!
//! Everything that is cheap to check is a plain error with nothing changed:
//! unknown request, result already stored, past the deadline, caller not
//! the assigned executor, wrong output length, output value out of
//! range, proof not [`PROOF_BYTES`] long (or present for a `Vanilla` request).
//! A stored (prepared) verifying key that does not decode, or does not fit
//! the model's spec, is the registry's fault: a plain error, no slash.
//!
//! Replays fail: the request id and the executor are public inputs, so a proof
//! for another request or made for another executor fails the pairing check
//! (slash); a proof for a request that already has a result is
//! `AlreadyFulfilled`.
//!
//! ## Storage bounds
//!
//! Open requests: [`Config::MaxPendingRequests`] ([`Requests`] is counted),
//! [`Config::MaxRequestsPerAccount`] per account. Executors:
//! [`Config::MaxExecutors`], each with at most
//! [`Config::MaxAssignedPerExecutor`] requests. Inputs and outputs:
//! [`Config::MaxInputLen`], [`Config::MaxOutputLen`]. [`Timeouts`] holds one
//! entry per open request and per kept result. Results are pruned after
//! [`Config::ResultTtl`]; a 32-byte hash per result stays. No call or hook
//! iterates over unbounded storage; the runtime-API helper
//! [`Pallet::pending_for_executor`] iterates the open requests (at most
//! `MaxPendingRequests`) off chain only.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use extension::CheckSubmission;
pub use pallet::*;
pub use sync::{work_component, InferenceProvider};
pub use types::*;
pub use verifier::{
	batch_coefficients, verity_verifier, BatchEntry, BatchEntryV1, BatchVerdict, Groth16,
	HostGroth16, NativeGroth16, PartData, PureGroth16, StatementData, StatementParts, VerifyError,
	VerifyProof,
};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod extension;
pub mod fixture;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod sliced;
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
use sp_runtime::traits::{CheckedAdd, CheckedMul, One, Saturating, Zero};

/// The balance type of [`Config::Currency`].
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A negative imbalance (slashed funds) of [`Config::Currency`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// One entry of `submit_results`.
pub type ZkResultOf<T> = ZkResult<
	frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>,
	frame_support::BoundedVec<u8, frame_support::traits::ConstU32<PROOF_BYTES>>,
>;
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
/// A provisional (`Optimistic`) result as stored.
pub type ProvisionalOf<T> = ProvisionalResult<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	frame_support::BoundedVec<i32, <T as Config>::MaxInputLen>,
	frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>,
>;
/// A provisional result as the runtime API returns it.
pub type ProvisionalView<T> = ProvisionalResult<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	Vec<i32>,
	Vec<i32>,
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

/// A sliced request's progress as stored.
pub type SlicedRequestOf<T> = SlicedRequest<
	frame_support::BoundedVec<RequestId, <T as Config>::MaxSlices>,
	frame_support::BoundedVec<
		Option<ProvedSlice<<T as frame_system::Config>::AccountId>>,
		<T as Config>::MaxSlices,
	>,
	frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>,
>;
/// A slice's result output as `submit_slice_result` takes it.
pub type SliceOutputOf<T> =
	SliceOutput<frame_support::BoundedVec<i32, <T as Config>::MaxOutputLen>>;

/// [`StoredModel`] of this runtime.
pub type StoredModelOf<T> = StoredModel<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

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

	/// Registers an active zk version sliced in `slices` (each slice's
	/// quantized hash, input and output length, and its final verifying
	/// key), taking `input_len` values, owned by `owner` (funded by the
	/// benchmark); returns its id (its slices' ids follow it).
	fn register_sliced_model(
		owner: &AccountId,
		input_len: u32,
		slices: Vec<([u8; 32], u32, u32, Vec<u8>)>,
	) -> ModelId;
}

/// The descriptor of a benchmark or test version: one flat input and one flat
/// output tensor of the given lengths, frac bits 0, a placeholder ONNX hash,
/// `zk` parameters if given.
#[cfg(any(feature = "runtime-benchmarks", test))]
fn flat_descriptor<T: pallet_models::Config>(
	spec: &ModelSpec,
	zk: Option<pallet_models::ZkParams>,
) -> pallet_models::VersionDescriptor<T> {
	use frame_support::BoundedVec;
	use pallet_models::{InputDescriptor, OutputDescriptor, OutputTransform};

	pallet_models::VersionDescriptor::<T> {
		version: BoundedVec::new(),
		onnx_hash: [0; 32],
		quantized_hash: spec.quantized_hash,
		zk,
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
	}
}

/// Registers a model version of `spec` with `pallet_models::register_model` as
/// `owner` ([`flat_descriptor`], a 1024-point QAP domain for zk, always
/// active); returns its id. A zk version's key ceremony starts.
#[cfg(any(feature = "runtime-benchmarks", test))]
pub fn register_with_models<T: pallet_models::Config>(
	owner: &T::AccountId,
	spec: &ModelSpec,
) -> Result<ModelId, sp_runtime::DispatchError> {
	use frame_support::BoundedVec;

	let id = pallet_models::NextModelId::<T>::get();
	let zk = spec.supports_zk.then_some(pallet_models::ZkParams {
		domain_size: 1024,
		owner_contributes: false,
	});
	pallet_models::Pallet::<T>::register_model(
		frame_system::RawOrigin::Signed(owner.clone()).into(),
		BoundedVec::truncate_from(b"benchmark".to_vec()),
		flat_descriptor::<T>(spec, zk),
	)?;
	Ok(id)
}

/// Mints `owner` enough for the deposit of `records` registry records of up
/// to `bytes` bytes in all.
#[cfg(feature = "runtime-benchmarks")]
fn fund_registrant<T: pallet_models::Config>(owner: &T::AccountId, records: u32, bytes: u32) {
	use frame_support::traits::{fungible::Mutate, Get};
	use sp_runtime::traits::Saturating;

	let deposit = T::DepositBase::get()
		.saturating_mul(records.into())
		.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()));
	let balance = <T::Currency as fungible::Inspect<_>>::balance(owner)
		.saturating_add(deposit)
		.saturating_add(<T::Currency as fungible::Inspect<_>>::minimum_balance());
	T::Currency::set_balance(owner, balance);
}

/// The benchmark helper over the real registry: `type BenchmarkHelper =
/// pallet_models::Pallet<Runtime>` registers each benchmark model through the
/// registry's calls, funding the owner for the deposit, and installs the keys
/// through `ZkSetup::set_final_key_for_benchmarks`.
#[cfg(feature = "runtime-benchmarks")]
impl<T: pallet_models::Config> BenchmarkHelper<T::AccountId> for pallet_models::Pallet<T> {
	fn register_model(
		owner: &T::AccountId,
		spec: ModelSpec,
		verifying_key: Option<Vec<u8>>,
	) -> ModelId {
		use pallet_models::ZkSetup;

		fund_registrant::<T>(owner, 100, 100_000);
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

	fn register_sliced_model(
		owner: &T::AccountId,
		input_len: u32,
		slices: Vec<([u8; 32], u32, u32, Vec<u8>)>,
	) -> ModelId {
		use frame_support::BoundedVec;
		use pallet_models::{SliceDescriptor, ZkSetup};

		fund_registrant::<T>(owner, 1_000, 1_000_000);
		let spec = ModelSpec {
			quantized_hash: [0x51; 32],
			input_len,
			output_len: slices.last().map(|s| s.2).unwrap_or_default(),
			act_bits: 16,
			supports_zk: true,
			supports_vanilla: true,
			active: true,
		};
		let descriptors = slices
			.iter()
			.map(|(hash, input_len, output_len, _)| SliceDescriptor {
				quantized_hash: *hash,
				input_len: *input_len,
				output_len: *output_len,
				domain_size: 1024,
			})
			.collect();
		let id = pallet_models::NextModelId::<T>::get();
		let registered = pallet_models::Pallet::<T>::register_sliced_model(
			frame_system::RawOrigin::Signed(owner.clone()).into(),
			BoundedVec::truncate_from(b"benchmark-sliced".to_vec()),
			flat_descriptor::<T>(&spec, None),
			BoundedVec::truncate_from(descriptors),
		);
		assert!(
			registered.is_ok(),
			"registering the sliced benchmark model: {registered:?}"
		);
		for (i, (_, _, _, key)) in slices.into_iter().enumerate() {
			T::ZkSetup::set_final_key_for_benchmarks(id + 1 + i as u64, key, [0; 32]);
		}
		id
	}
}

/// Paid, verifiable inference: executors bond to serve requests, requesters
/// escrow a fee per request, each request is served by one executor drawn in
/// the next block (a backup when its window lapses, slashed), results are
/// accepted only with a valid Groth16 proof (`Zk`) or stored flagged
/// unverified (`Vanilla`), invalid proofs slash the bond, and expired
/// requests are refunded less a charge.
///
/// Calls: `register_executor`, `unregister_executor`, `withdraw_bond`,
/// `request`, `submit_result`, `decline`, `challenge`, `remove_executor` and
/// `force_refund` (admin), and the synchronous `set_sync_model`,
/// `set_sync_work_bound`, `infer_now`, `clear_sync_output`,
/// `store_model_bytes`, `remove_model_bytes`. Clients read it
/// through the `InferenceApi` runtime API.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Balanced, BalancedHold, Inspect, MutateHold},
			tokens::{Fortitude, Precision, Restriction},
			Imbalance, OnUnbalanced,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;

	/// The storage layout's version: 1 is the layout with drawn assignments,
	/// [`Timeouts`] and pruned results (no chain ran the unversioned layout
	/// before it); 2 adds [`OpenRequestsOfModel`] (and [`Provisional`], empty
	/// at the upgrade), filled by [`migrations::v2::MigrateToV2`].
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
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

		/// Verifies Groth16 proofs: [`NativeGroth16`] (one host call; the
		/// node registers [`verity_verifier::HostFunctions`]), [`HostGroth16`]
		/// (curve host functions) or [`PureGroth16`] (all in wasm).
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

		/// The smallest fee a request may offer (plus `FeePerDeadlineBlock` per
		/// block to its deadline). Set it above the cost of a `submit_result`,
		/// so that serving a request pays.
		#[pallet::constant]
		type MinRequestFee: Get<BalanceOf<Self>>;

		/// Added to the smallest fee for every block between the request and
		/// its deadline: a far deadline holds a queue place longer, so it
		/// locks more escrow.
		#[pallet::constant]
		type FeePerDeadlineBlock: Get<BalanceOf<Self>>;

		/// Kept from an expired request's escrow and burnt (at most
		/// `MinRequestFee`): an unserved request is not free.
		#[pallet::constant]
		type ExpiryCharge: Get<BalanceOf<Self>>;

		/// Slashed from an executor's bond for every assignment it lets lapse.
		#[pallet::constant]
		type LapseSlash: Get<BalanceOf<Self>>;

		/// Lapsed assignments in a row that eject an executor from the set.
		#[pallet::constant]
		type MaxMisses: Get<u32>;

		/// Blocks after an `Optimistic` result's submission in which it may be
		/// challenged (at least 1); it is final and paid in the block after.
		#[pallet::constant]
		type ChallengeWindow: Get<BlockNumberFor<Self>>;

		/// Slashed from the submitter of an `Optimistic` result that a
		/// challenge overturned (at least `InvalidProofSlash`: a wrong answer
		/// must cost more than a wrong proof). An executor's bond must cover it
		/// to submit an `Optimistic` result.
		#[pallet::constant]
		type WrongResultSlash: Get<BalanceOf<Self>>;

		/// The share of a `WrongResultSlash` paid to the challenger that
		/// overturned the result (the rest goes to `OnSlash`). Below 100%, so
		/// that two colluding accounts lose by challenging each other.
		#[pallet::constant]
		type ChallengerShare: Get<Perbill>;

		/// Who removes executors (`remove_executor`) and refunds stuck requests
		/// (`force_refund`).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most executors in the set.
		#[pallet::constant]
		type MaxExecutors: Get<u32>;

		/// Most open requests assigned to one executor; an executor at this
		/// many is skipped by the draw.
		#[pallet::constant]
		type MaxAssignedPerExecutor: Get<u32>;

		/// Most results in one `submit_results` call. Its weight is charged
		/// for the worst case (every proof verified alone after the batch
		/// fails), which must fit one extrinsic.
		#[pallet::constant]
		type MaxBatchResults: Get<u32>;

		/// Most input values of a request.
		#[pallet::constant]
		type MaxInputLen: Get<u32>;

		/// Most output values of a result.
		#[pallet::constant]
		type MaxOutputLen: Get<u32>;

		/// Most slices of a sliced model version (the registry's bound).
		#[pallet::constant]
		type MaxSlices: Get<u32>;

		/// Most open requests.
		#[pallet::constant]
		type MaxPendingRequests: Get<u32>;

		/// Most open requests of one account.
		#[pallet::constant]
		type MaxRequestsPerAccount: Get<u32>;

		/// Most timeouts (draws, lapses, expiries, prunings) handled per block,
		/// and most timeout blocks scanned per block.
		#[pallet::constant]
		type MaxTimeoutsPerBlock: Get<u32>;

		/// The assigned executor's window, in blocks (at least 1).
		#[pallet::constant]
		type AssignmentTimeout: Get<BlockNumberFor<Self>>;

		/// Furthest deadline a request may set, in blocks from now (more than
		/// `AssignmentTimeout`).
		#[pallet::constant]
		type MaxDeadline: Get<BlockNumberFor<Self>>;

		/// Blocks a result stays in [`Results`] before it is pruned (at least 1).
		#[pallet::constant]
		type ResultTtl: Get<BlockNumberFor<Self>>;

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

		/// The largest quantized model [`ModelBytes`] stores (what synchronous
		/// inference runs; it must fit in one transaction).
		#[pallet::constant]
		type MaxModelBytes: Get<u32>;

		/// Held from whoever stores a model's bytes, per stored model...
		#[pallet::constant]
		type ModelBytesDepositBase: Get<BalanceOf<Self>>;

		/// ...plus this per byte.
		#[pallet::constant]
		type ModelBytesDepositPerByte: Get<BalanceOf<Self>>;

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
		/// The deposit for a quantized model stored in [`ModelBytes`].
		#[codec(index = 3)]
		ModelBytes,
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

	/// The input commitment of each open `Zk` request for a whole model
	/// (`VerifyProof::input_commitment` of its input, made when the request
	/// was): its proofs are verified against it, so a verification does not
	/// hash the input again. (Requests made before this map existed have
	/// none and are verified against their input.)
	#[pallet::storage]
	pub type InputCommitments<T: Config> = StorageMap<_, Twox64Concat, RequestId, [u8; 32]>;

	/// Each account's number of open requests (at most
	/// [`Config::MaxRequestsPerAccount`]; no entry for zero).
	#[pallet::storage]
	pub type OpenRequestsOf<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32>;

	/// Each model's number of open requests and provisional results (no entry
	/// for zero): a model with any cannot be removed from the registry
	/// ([`pallet_models::ModelInUse`]).
	#[pallet::storage]
	pub type OpenRequestsOfModel<T: Config> = StorageMap<_, Twox64Concat, ModelId, u32>;

	/// Accepted results, until they are pruned ([`Config::ResultTtl`]).
	#[pallet::storage]
	pub type Results<T: Config> = StorageMap<_, Twox64Concat, RequestId, ResultOf<T>>;

	/// `Optimistic` results within their challenge window (their requests are
	/// closed, their fees still in escrow, their executors' assignments still
	/// counted: the bond cannot leave before the window ends).
	#[pallet::storage]
	pub type Provisional<T: Config> = StorageMap<_, Twox64Concat, RequestId, ProvisionalOf<T>>;

	/// The blake2-256 hash of each pruned result's SCALE encoding (as it was
	/// in [`Results`]); its output stays in the result's event.
	#[pallet::storage]
	pub type ResultHashes<T: Config> = StorageMap<_, Twox64Concat, RequestId, [u8; 32]>;

	/// What `on_initialize` handles at a block: each open request once, in the
	/// block after its `window_end` (draw an executor, or the window lapsed,
	/// or the deadline passed), each provisional result once, in the block
	/// after its `challenge_end` (it becomes final), and each stored result
	/// once, when it is pruned.
	#[pallet::storage]
	pub type Timeouts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		RequestId,
		(),
		OptionQuery,
	>;

	/// The earliest block of [`Timeouts`] that may still have entries (`None`
	/// until the first block with this pallet).
	#[pallet::storage]
	pub type TimeoutCursor<T: Config> = StorageValue<_, BlockNumberFor<T>>;

	/// The requests for sliced model versions while their slices are proved
	/// (the request itself stays in [`Requests`], never assigned: its slices
	/// are).
	#[pallet::storage]
	pub type Sliced<T: Config> = StorageMap<_, Twox64Concat, RequestId, SlicedRequestOf<T>>;

	/// Each slice's request: which request it is part of, which slice.
	#[pallet::storage]
	pub type SliceOf<T: Config> = StorageMap<_, Twox64Concat, RequestId, SliceRequest>;

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

	/// Quantized models' canonical bytes, by their blake2-256 hash (the
	/// registry's `quantized_hash`): what the precompile runs, so that every
	/// node, also one syncing from genesis, runs synchronous inference from
	/// chain state alone.
	#[pallet::storage]
	pub type ModelBytes<T: Config> =
		StorageMap<_, Identity, [u8; 32], BoundedVec<u8, T::MaxModelBytes>>;

	/// Who stored each [`ModelBytes`] entry, its deposit, and how many
	/// sync-enabled model versions run it (it can be removed at zero).
	#[pallet::storage]
	pub type StoredModels<T: Config> = StorageMap<_, Identity, [u8; 32], StoredModelOf<T>>;

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
		/// `who` was taken out of the executor set (`reason`); its bond stays
		/// held while requests are assigned to it.
		ExecutorEjected {
			who: T::AccountId,
			bond: BalanceOf<T>,
			reason: EjectReason,
		},
		/// `who`'s bond was released and it is no longer an executor.
		BondReleased {
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A request was made; its executor is drawn in the next block.
		Requested {
			request_id: RequestId,
			requester: T::AccountId,
			model_id: ModelId,
			mode: InferenceMode,
			fee: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		},
		/// `executor` was drawn for the request: it alone may submit the result
		/// until `window_end`.
		Assigned {
			request_id: RequestId,
			executor: T::AccountId,
			window_end: BlockNumberFor<T>,
		},
		/// No executor could take the request (none active, or all drawn at
		/// `MaxAssignedPerExecutor`); the draw is tried again after `retry_at`.
		AssignmentDeferred {
			request_id: RequestId,
			retry_at: BlockNumberFor<T>,
		},
		/// `executor` let its window lapse: it was slashed `slashed`.
		AssignmentLapsed {
			request_id: RequestId,
			executor: T::AccountId,
			slashed: BalanceOf<T>,
		},
		/// `executor` passed the request on (`decline`); another executor is
		/// drawn in the next block.
		AssignmentDeclined {
			request_id: RequestId,
			executor: T::AccountId,
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
		/// An `Optimistic` result was accepted provisionally: `executor` is paid
		/// in the block after `challenge_end` unless a challenge overturns it
		/// first.
		ResultProposed {
			request_id: RequestId,
			executor: T::AccountId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			challenge_end: BlockNumberFor<T>,
		},
		/// An `Optimistic` result's challenge window ended unchallenged: it is
		/// final (stored unverified) and `executor` was paid `fee`.
		ResultFinalized {
			request_id: RequestId,
			executor: T::AccountId,
			fee: BalanceOf<T>,
		},
		/// `challenger` proved a different output for an `Optimistic` result:
		/// its proven output replaced the result, `submitter` was slashed
		/// `slashed`, of which `reward` went to the challenger, who was also
		/// paid the request's `fee`.
		ResultOverturned {
			request_id: RequestId,
			submitter: T::AccountId,
			challenger: T::AccountId,
			slashed: BalanceOf<T>,
			reward: BalanceOf<T>,
			fee: BalanceOf<T>,
		},
		/// A challenge's proof was rejected: `challenger` was slashed `slashed`
		/// and the provisional result stands.
		ChallengeRejected {
			request_id: RequestId,
			challenger: T::AccountId,
			slashed: BalanceOf<T>,
			reason: RejectReason,
		},
		/// A proof was rejected: `executor` was slashed `slashed`; the request
		/// stays open.
		ProofRejected {
			request_id: RequestId,
			executor: T::AccountId,
			slashed: BalanceOf<T>,
			reason: RejectReason,
		},
		/// `submit_results` left one of its results alone, for the reason
		/// `submit_result` would have failed with (nothing changed for it).
		ResultSkipped {
			request_id: RequestId,
			error: DispatchError,
		},
		/// `submit_results` verified `results` proofs together: `accepted`
		/// were accepted, and if the combined check failed (`one_by_one`),
		/// each was then verified alone to find the bad ones.
		BatchVerified {
			executor: T::AccountId,
			results: u32,
			accepted: u32,
			one_by_one: bool,
		},
		/// A request passed its deadline without a result; `refunded` went back
		/// to the requester and `charged` (`ExpiryCharge`) was burnt.
		RequestExpired {
			request_id: RequestId,
			requester: T::AccountId,
			refunded: BalanceOf<T>,
			charged: BalanceOf<T>,
		},
		/// `AdminOrigin` closed an open request and refunded its fee in full.
		RequestRefunded {
			request_id: RequestId,
			requester: T::AccountId,
			refunded: BalanceOf<T>,
		},
		/// A result was pruned from state ([`Config::ResultTtl`]); `hash` (kept
		/// in [`ResultHashes`]) is the blake2-256 of its encoding.
		ResultPruned {
			request_id: RequestId,
			hash: [u8; 32],
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
		/// A quantized model's bytes were stored under `hash`, holding
		/// `deposit` from `owner`.
		ModelBytesStored {
			hash: [u8; 32],
			owner: T::AccountId,
			len: u32,
			deposit: BalanceOf<T>,
		},
		/// The bytes stored under `hash` were removed and `deposit` released
		/// to `owner`.
		ModelBytesRemoved {
			hash: [u8; 32],
			owner: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// Request `request_id` is for a sliced version: slice `index` is
		/// proved under request `slice_request` (drawn from the next block),
		/// for slice model `model_id`.
		SliceRequested {
			request_id: RequestId,
			index: u32,
			slice_request: RequestId,
			model_id: ModelId,
		},
		/// Slice `index` of request `request_id` was proved by `executor`
		/// (paid once the whole chain is).
		SliceProved {
			request_id: RequestId,
			index: u32,
			executor: T::AccountId,
		},
		/// Slice `index` of request `request_id` was proved on another tensor
		/// than the slice before it gives: `executor` was slashed `slashed`
		/// and the slice is drawn again.
		SliceBroken {
			request_id: RequestId,
			index: u32,
			executor: T::AccountId,
			slashed: BalanceOf<T>,
		},
		/// Every slice of request `request_id` is proved and they chain: its
		/// result is stored (`InferenceVerified` follows) and each slice's
		/// executor paid.
		SlicesPaid {
			request_id: RequestId,
			paid: Vec<(T::AccountId, BalanceOf<T>)>,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a (possibly leaving) executor.
		AlreadyExecutor,
		/// The executor set is full.
		TooManyExecutors,
		/// The account is not an executor (or not an active one).
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
		/// The fee is below `MinRequestFee` plus `FeePerDeadlineBlock` per
		/// block to the deadline.
		FeeTooLow,
		/// The deadline leaves the first executor less than a full window.
		DeadlineTooSoon,
		/// The deadline is more than `MaxDeadline` blocks away.
		DeadlineTooFar,
		/// Too many open requests.
		TooManyPendingRequests,
		/// The caller has `MaxRequestsPerAccount` open requests.
		TooManyRequestsOfAccount,
		/// The executor set is empty.
		NoExecutors,
		/// No such open request (never made, expired or refunded).
		UnknownRequest,
		/// The request already has a result.
		AlreadyFulfilled,
		/// The request is not assigned to the caller (now).
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
		/// `submit_results` with no results.
		EmptyBatch,
		/// A `submit_results` entry for a request that is not `Zk`.
		NotZkRequest,
		/// A request appears twice in one `submit_results`.
		DuplicateResult,
		/// The executor's bond is below one slash.
		BondTooLow,
		/// The model's stored verifying key does not decode.
		InvalidVerifyingKey,
		/// The model's verifying key does not fit its spec (model hash or sizes).
		ModelKeyMismatch,
		/// An arithmetic overflow.
		Overflow,
		/// The request has no provisional (`Optimistic`) result: none was
		/// submitted, or its challenge window is over, or it was overturned.
		NotProvisional,
		/// An executor cannot challenge its own result.
		OwnResult,
		/// The challenge's output is the provisional one: there is nothing to
		/// overturn.
		SameOutput,
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
		/// These model bytes are stored already.
		ModelBytesAlreadyStored,
		/// No model bytes are stored under this hash: store the model's
		/// quantized file (`store_model_bytes`) before enabling it.
		ModelBytesMissing,
		/// Only the account that stored the bytes may remove them.
		NotModelBytesOwner,
		/// A sync-enabled model still runs these bytes.
		ModelBytesInUse,
		/// A sliced version takes `Zk` and `Vanilla` requests only.
		SlicedNeedsZk,
		/// The request is a slice's: submit with `submit_slice_result`.
		SliceRequest,
		/// The request is not a slice's.
		NotASlice,
		/// The first slice takes the request's input (no entering
		/// commitment); every other slice needs one.
		WrongSliceInput,
		/// Every slice but the last gives a boundary commitment; the last
		/// gives the output values.
		WrongSliceOutput,
		/// A commitment is not a canonical field element.
		MalformedCommitment,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Handles the timeouts due (bounded; see [`Pallet::handle_timeouts`]).
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::handle_timeouts(n)
		}

		fn integrity_test() {
			assert!(
				!T::AssignmentTimeout::get().is_zero(),
				"AssignmentTimeout must be at least 1"
			);
			assert!(
				T::MaxDeadline::get() > T::AssignmentTimeout::get(),
				"MaxDeadline must be more than AssignmentTimeout"
			);
			assert!(
				!T::ResultTtl::get().is_zero(),
				"ResultTtl must be at least 1"
			);
			assert!(
				T::MaxTimeoutsPerBlock::get() > 0,
				"MaxTimeoutsPerBlock must be positive"
			);
			assert!(T::MaxExecutors::get() > 0, "MaxExecutors must be positive");
			assert!(T::MaxAssignedPerExecutor::get() > 0);
			assert!(T::MaxRequestsPerAccount::get() > 0);
			assert!(T::MaxMisses::get() > 0, "MaxMisses must be positive");
			assert!(
				!T::ChallengeWindow::get().is_zero(),
				"ChallengeWindow must be at least 1"
			);
			assert!(
				T::WrongResultSlash::get() >= T::InvalidProofSlash::get(),
				"WrongResultSlash must be at least InvalidProofSlash"
			);
			assert!(
				T::ChallengerShare::get() < Perbill::one(),
				"ChallengerShare must be below 100%"
			);
			assert!(
				T::ExpiryCharge::get() <= T::MinRequestFee::get(),
				"ExpiryCharge must be at most MinRequestFee"
			);
			assert!(T::MaxInputLen::get() > 0 && T::MaxOutputLen::get() > 0);
			assert!(
				T::MaxBatchResults::get() > 0,
				"MaxBatchResults must be positive"
			);
			let worst = Pallet::<T>::submit_results_worst_case(T::MaxBatchResults::get());
			let limit = <T as frame_system::Config>::BlockWeights::get()
				.get(frame_support::dispatch::DispatchClass::Normal)
				.max_extrinsic;
			assert!(
				limit.is_none_or(|limit| worst.all_lte(limit)),
				"MaxBatchResults: submit_results' worst case ({worst:?}) must fit one extrinsic"
			);
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
					misses: 0,
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
		/// or the deadline (refunded less `ExpiryCharge`).
		///
		/// `input`: the engine's fixed-point integers, exactly the model's
		/// `input_len` values, each in its signed `act_bits` range. `deadline`:
		/// the last block a result is accepted in, more than
		/// `AssignmentTimeout` and at most `MaxDeadline` blocks from now.
		/// `max_fee`: at least `MinRequestFee` plus `FeePerDeadlineBlock` per
		/// block to the deadline. The caller may have at most
		/// `MaxRequestsPerAccount` open requests. Emits `Requested`; the
		/// executor is drawn in the next block (`Assigned`). A `Zk` request
		/// for a whole model stores its input's commitment
		/// ([`InputCommitments`]): the requester pays for hashing its input
		/// once, and every proof of it is verified without hashing it again.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request(input.len() as u32).max(
			T::WeightInfo::request_sliced(input.len() as u32, T::MaxSlices::get())
		))]
		pub fn request(
			origin: OriginFor<T>,
			model_id: ModelId,
			input: BoundedVec<i32, T::MaxInputLen>,
			mode: InferenceMode,
			#[pallet::compact] max_fee: BalanceOf<T>,
			deadline: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let spec = T::Models::spec(model_id).ok_or(Error::<T>::UnknownModel)?;
			ensure!(spec.active, Error::<T>::ModelInactive);
			ensure!(spec.accepts(mode), Error::<T>::ModeNotSupported);
			// A sliced version's `Zk` requests are proved slice by slice;
			// its `Vanilla` ones run the whole model, as any.
			let slices = match mode {
				InferenceMode::Vanilla => None,
				_ => T::Models::slices(model_id),
			};
			ensure!(
				slices.is_none() || mode == InferenceMode::Zk,
				Error::<T>::SlicedNeedsZk
			);
			// A key exists only once the model's ceremony is final (for a
			// sliced version, every slice's); an `Optimistic` result is
			// secured by challenges, which are proofs.
			let keys_final = match &slices {
				Some(slices) => slices
					.iter()
					.all(|(slice, _)| T::Models::verifying_key(*slice).is_some()),
				None => T::Models::verifying_key(model_id).is_some(),
			};
			ensure!(
				mode == InferenceMode::Vanilla || keys_final,
				Error::<T>::NoVerifyingKey
			);
			Self::check_spec(&spec)?;
			ensure!(
				input.len() == spec.input_len as usize,
				Error::<T>::WrongInputLength
			);
			ensure!(in_range(&input, spec.act_bits), Error::<T>::InputOutOfRange);

			let now = frame_system::Pallet::<T>::block_number();
			// The first executor is drawn in the next block and gets a full window.
			let first_window_end = now
				.checked_add(&One::one())
				.and_then(|b| b.checked_add(&T::AssignmentTimeout::get()))
				.ok_or(Error::<T>::Overflow)?;
			ensure!(deadline >= first_window_end, Error::<T>::DeadlineTooSoon);
			let latest = now
				.checked_add(&T::MaxDeadline::get())
				.ok_or(Error::<T>::Overflow)?;
			ensure!(deadline <= latest, Error::<T>::DeadlineTooFar);
			ensure!(
				max_fee >= Self::min_fee(deadline.saturating_sub(now))?,
				Error::<T>::FeeTooLow
			);
			// A sliced request's slices are open requests too.
			let slots = slices
				.as_ref()
				.map_or(0, |s| s.len() as u32)
				.saturating_add(1);
			ensure!(
				Requests::<T>::count().saturating_add(slots) <= T::MaxPendingRequests::get(),
				Error::<T>::TooManyPendingRequests
			);
			let open = OpenRequestsOf::<T>::get(&who).unwrap_or(0);
			ensure!(
				open < T::MaxRequestsPerAccount::get(),
				Error::<T>::TooManyRequestsOfAccount
			);
			ensure!(!Executors::<T>::get().is_empty(), Error::<T>::NoExecutors);

			let request_id = NextRequestId::<T>::get();
			let next_id = request_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			T::Currency::hold(&HoldReason::RequestEscrow.into(), &who, max_fee)?;
			// Drawn in the next block's `on_initialize`: `window_end` is now.
			// A sliced request is never drawn (its slices are): its only
			// timeout is its deadline.
			let window_end = if slices.is_some() { deadline } else { now };
			let request = Request {
				requester: who.clone(),
				model_id,
				mode,
				input,
				fee: max_fee,
				created: now,
				executor: None,
				window_end,
				draws: 0,
				deadline,
			};
			Timeouts::<T>::insert(window_end.saturating_add(One::one()), request_id, ());
			OpenRequestsOf::<T>::insert(&who, open.saturating_add(1));
			Self::count_model_use(model_id, true);
			Self::deposit_event(Event::Requested {
				request_id,
				requester: who,
				model_id,
				mode,
				fee: max_fee,
				deadline,
			});
			let (next_id, weight) = match &slices {
				Some(slices) => (
					Self::open_slices(request_id, &request, slices, now)?,
					T::WeightInfo::request_sliced(request.input.len() as u32, slices.len() as u32),
				),
				None => {
					if mode == InferenceMode::Zk {
						let commitment = T::ProofVerifier::input_commitment(
							spec.act_bits,
							&widen(&request.input),
						)
						.map_err(|_| Error::<T>::InputOutOfRange)?;
						InputCommitments::<T>::insert(request_id, commitment);
					}
					(next_id, T::WeightInfo::request(request.input.len() as u32))
				}
			};
			Requests::<T>::insert(request_id, request);
			NextRequestId::<T>::put(next_id);
			Ok(Some(weight).into())
		}

		/// Submits the result of request `request_id`, by the executor assigned
		/// to it; never after the deadline.
		///
		/// `Zk` requests: `proof` is the 192-byte Groth16 proof of the statement
		/// (model hash, `request_id`, the caller's account bytes, the stored
		/// input (checked by its stored commitment), `output`). Valid: the result is stored, the executor paid the
		/// fee, `InferenceVerified`. Invalid (does not decode or fails the
		/// pairing check): **returns `Ok`**, slashes the caller by
		/// `InvalidProofSlash`, emits `ProofRejected` and leaves the request
		/// open, to be drawn again in the next block (an error would revert the
		/// slash). `Vanilla` requests: `proof` must be empty; the result is
		/// stored unverified, the executor paid, `ResultStored`. `Optimistic`
		/// requests: `proof` must be empty and the caller's bond cover a
		/// `WrongResultSlash`; the result is held provisionally for
		/// `ChallengeWindow` blocks (`ResultProposed`), then final and paid
		/// (`ResultFinalized`) unless `challenge` overturns it. Every other
		/// failure is an error with nothing changed.
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
			let (request, info, spec) = Self::check_submission(&who, request_id, &output)?;
			let now = frame_system::Pallet::<T>::block_number();
			match request.mode {
				InferenceMode::Vanilla => {
					ensure!(proof.is_empty(), Error::<T>::ProofSizeMismatch);
					Self::accept(request_id, request, who, output, false)?;
					Ok(Some(T::WeightInfo::submit_result_vanilla()).into())
				}
				InferenceMode::Optimistic => {
					ensure!(proof.is_empty(), Error::<T>::ProofSizeMismatch);
					// The bond answers for the result until its window ends.
					ensure!(
						info.bond >= T::WrongResultSlash::get(),
						Error::<T>::BondTooLow
					);
					Self::propose(request_id, request, who, output, now);
					Ok(Some(T::WeightInfo::submit_result_optimistic()).into())
				}
				InferenceMode::Zk => {
					ensure!(
						proof.len() == PROOF_BYTES as usize,
						Error::<T>::ProofSizeMismatch
					);
					let slash = T::InvalidProofSlash::get();
					ensure!(info.bond >= slash, Error::<T>::BondTooLow);
					match Self::verify_output(
						&spec,
						request.model_id,
						request_id,
						&who,
						Self::committed_input(request_id, &request.input),
						&output,
						&proof,
					)? {
						None => Self::accept(request_id, request, who, output, true)?,
						Some(reason) => Self::reject(request_id, request, who, info, reason),
					}
					Ok(().into())
				}
			}
		}

		/// Enables model `model_id` for synchronous inference (`enabled`), or
		/// disables it.
		///
		/// Origin: `SyncOrigin`. Enabling needs the model's quantized bytes in
		/// [`ModelBytes`] (`store_model_bytes`): the precompile computes the
		/// model's work units from them, which must be within `SyncWorkBound`,
		/// and runs them on every call. Emits `SyncModelSet`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_sync_model())]
		pub fn set_sync_model(
			origin: OriginFor<T>,
			model_id: ModelId,
			enabled: bool,
		) -> DispatchResult {
			T::SyncOrigin::ensure_origin(origin)?;
			let (hash, was_enabled) = (
				T::Models::spec(model_id).map(|s| s.quantized_hash),
				SyncModels::<T>::contains_key(model_id),
			);
			let work = if enabled {
				let work = Self::sync_work(model_id)?;
				SyncModels::<T>::insert(model_id, work);
				Some(work)
			} else {
				ensure!(was_enabled, Error::<T>::NotSyncEnabled);
				SyncModels::<T>::remove(model_id);
				None
			};
			if let (Some(hash), true) = (hash, enabled != was_enabled) {
				Self::count_bytes_use(hash, enabled);
			}
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

		/// Passes request `request_id`, assigned to the caller, on to another
		/// executor (drawn in the next block) without a slash: for a request
		/// the caller cannot serve (its model's artifacts are nowhere, or its
		/// fee does not cover the proof). Emits `AssignmentDeclined`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::decline())]
		pub fn decline(origin: OriginFor<T>, request_id: RequestId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut request = Self::open_request(request_id)?;
			ensure!(
				request.executor.as_ref() == Some(&who),
				Error::<T>::NotAssigned
			);
			Self::unassign(request_id, &mut request);
			Requests::<T>::insert(request_id, request);
			Self::deposit_event(Event::AssignmentDeclined {
				request_id,
				executor: who,
			});
			Ok(())
		}

		/// Takes executor `who` out of the set: it is drawn for no new request;
		/// the requests assigned to it lapse to backups unless it serves them,
		/// and its bond is released by `withdraw_bond` once none is left.
		///
		/// Origin: `AdminOrigin`. Emits `ExecutorEjected` (`Removed`).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_executor())]
		pub fn remove_executor(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			let mut info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			ensure!(info.active, Error::<T>::NotExecutor);
			Self::eject(&who, &mut info, EjectReason::Removed);
			ExecutorOf::<T>::insert(&who, info);
			Ok(())
		}

		/// Closes open request `request_id` and refunds its fee in full (for a
		/// request stuck by a fault of the chain, not the requester's).
		///
		/// Origin: `AdminOrigin`. Emits `RequestRefunded`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::force_refund())]
		pub fn force_refund(origin: OriginFor<T>, request_id: RequestId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			// A slice's request goes with its sliced request's.
			ensure!(
				!SliceOf::<T>::contains_key(request_id),
				Error::<T>::SliceRequest
			);
			let request = Self::open_request(request_id)?;
			let refunded = T::Currency::release(
				&HoldReason::RequestEscrow.into(),
				&request.requester,
				request.fee,
				Precision::BestEffort,
			)?;
			Self::close(request_id, &request);
			Self::deposit_event(Event::RequestRefunded {
				request_id,
				requester: request.requester,
				refunded,
			});
			Ok(())
		}

		/// Challenges the provisional (`Optimistic`) result of `request_id`
		/// with `output` and a Groth16 `proof` of it for this request, the
		/// caller (its account bytes in the statement), the model and the
		/// stored input. The caller must be a bonded executor (active or
		/// leaving) other than the submitter, with a bond that covers an
		/// `InvalidProofSlash`, and `output` must differ from the provisional
		/// one.
		///
		/// A valid proof overturns the result (`ResultOverturned`): the proven
		/// output is stored as a verified result, the submitter is slashed
		/// `WrongResultSlash`, the challenger gets `ChallengerShare` of it and
		/// the request's fee. An invalid proof **returns `Ok`**, slashes the
		/// challenger `InvalidProofSlash` and leaves the result as it was
		/// (`ChallengeRejected`). Every other failure is an error with nothing
		/// changed.
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::challenge_upheld().max(T::WeightInfo::challenge_rejected())
		)]
		pub fn challenge(
			origin: OriginFor<T>,
			request_id: RequestId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			proof: BoundedVec<u8, ConstU32<PROOF_BYTES>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let provisional =
				Provisional::<T>::get(request_id).ok_or(Error::<T>::NotProvisional)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= provisional.challenge_end, Error::<T>::NotProvisional);
			ensure!(who != provisional.executor, Error::<T>::OwnResult);
			let info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			ensure!(
				info.bond >= T::InvalidProofSlash::get(),
				Error::<T>::BondTooLow
			);
			let spec = T::Models::spec(provisional.model_id).ok_or(Error::<T>::UnknownModel)?;
			Self::check_spec(&spec)?;
			ensure!(
				output.len() == spec.output_len as usize,
				Error::<T>::WrongOutputLength
			);
			ensure!(
				in_range(&output, spec.act_bits),
				Error::<T>::OutputOutOfRange
			);
			ensure!(output != provisional.output, Error::<T>::SameOutput);
			ensure!(
				proof.len() == PROOF_BYTES as usize,
				Error::<T>::ProofSizeMismatch
			);
			let reason = match Self::verify_output(
				&spec,
				provisional.model_id,
				request_id,
				&who,
				values(&provisional.input),
				&output,
				&proof,
			)? {
				None => {
					Self::overturn(request_id, provisional, who, output, now)?;
					return Ok(().into());
				}
				Some(reason) => reason,
			};
			let mut info = info;
			let slashed = Self::slash_bond(&who, &mut info, T::InvalidProofSlash::get());
			ExecutorOf::<T>::insert(&who, info);
			Self::deposit_event(Event::ChallengeRejected {
				request_id,
				challenger: who,
				slashed,
				reason,
			});
			Ok(Some(T::WeightInfo::challenge_rejected()).into())
		}

		/// Stores a quantized model's canonical bytes (its `.qmodel` file) in
		/// [`ModelBytes`] under their blake2-256 hash, holding
		/// `ModelBytesDepositBase + ModelBytesDepositPerByte · len` from the
		/// caller until `remove_model_bytes`. A model version whose
		/// `quantized_hash` is that hash can then be enabled for synchronous
		/// inference.
		///
		/// Origin: signed. Emits `ModelBytesStored`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::store_model_bytes(bytes.len() as u32))]
		pub fn store_model_bytes(
			origin: OriginFor<T>,
			bytes: BoundedVec<u8, T::MaxModelBytes>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let hash = sp_io::hashing::blake2_256(&bytes);
			ensure!(
				!StoredModels::<T>::contains_key(hash),
				Error::<T>::ModelBytesAlreadyStored
			);
			let len = bytes.len() as u32;
			let deposit = T::ModelBytesDepositPerByte::get()
				.checked_mul(&len.into())
				.and_then(|d| d.checked_add(&T::ModelBytesDepositBase::get()))
				.ok_or(Error::<T>::Overflow)?;
			T::Currency::hold(&HoldReason::ModelBytes.into(), &who, deposit)?;
			ModelBytes::<T>::insert(hash, bytes);
			StoredModels::<T>::insert(
				hash,
				StoredModel {
					owner: who.clone(),
					deposit,
					sync_models: 0,
				},
			);
			Self::deposit_event(Event::ModelBytesStored {
				hash,
				owner: who,
				len,
				deposit,
			});
			Ok(())
		}

		/// Removes the model bytes stored under `hash` and releases their
		/// deposit; by the account that stored them, once no sync-enabled
		/// model runs them. (Blocks that ran them stay verifiable: a node
		/// syncing them reads the bytes from those blocks' state.)
		///
		/// Origin: signed. Emits `ModelBytesRemoved`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::remove_model_bytes())]
		pub fn remove_model_bytes(origin: OriginFor<T>, hash: [u8; 32]) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let stored = StoredModels::<T>::get(hash).ok_or(Error::<T>::ModelBytesMissing)?;
			ensure!(stored.owner == who, Error::<T>::NotModelBytesOwner);
			ensure!(stored.sync_models == 0, Error::<T>::ModelBytesInUse);
			T::Currency::release(
				&HoldReason::ModelBytes.into(),
				&who,
				stored.deposit,
				Precision::BestEffort,
			)?;
			StoredModels::<T>::remove(hash);
			ModelBytes::<T>::remove(hash);
			Self::deposit_event(Event::ModelBytesRemoved {
				hash,
				owner: who,
				deposit: stored.deposit,
			});
			Ok(())
		}

		/// Submits the results of many `Zk` requests assigned to the caller,
		/// whose proofs are verified together
		/// ([`VerifyProof::verify_batch`]: a random linear combination whose
		/// coefficients come from the parent block's hash and the whole
		/// submission, so no prover knows them in advance).
		///
		/// Each result is then handled as `submit_result` would handle it:
		/// accepted and paid (`InferenceVerified`), or, if its proof fails,
		/// rejected with a slash (`ProofRejected`) while the others stand. A
		/// result `submit_result` would refuse (closed, past its deadline,
		/// not the caller's, wrong output, not `Zk`, a request twice, no
		/// usable key) is skipped (`ResultSkipped`) and nothing changes for
		/// it. Fails only for an empty batch, or a caller who is not an
		/// executor or whose bond is below one slash. Emits `BatchVerified`.
		///
		/// Charged for the worst case (every proof verified alone after the
		/// combined check fails), refunded to the batch's cost when it passes.
		#[pallet::call_index(15)]
		#[pallet::weight(Pallet::<T>::submit_results_worst_case(results.len() as u32))]
		pub fn submit_results(
			origin: OriginFor<T>,
			results: BoundedVec<ZkResultOf<T>, T::MaxBatchResults>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(!results.is_empty(), Error::<T>::EmptyBatch);
			let info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
			ensure!(
				info.bond >= T::InvalidProofSlash::get(),
				Error::<T>::BondTooLow
			);
			let count = results.len() as u32;
			let seed = Self::batch_seed(&who, &results);
			let executor = Self::account_bytes(&who);
			// Each model's prepared key once, and the entries that use them.
			let mut keys: Vec<(ModelId, Vec<u8>)> = Vec::new();
			let mut entries = Vec::with_capacity(results.len());
			let mut pending = Vec::with_capacity(results.len());
			let mut seen = alloc::collections::BTreeSet::new();
			for ZkResult {
				request_id,
				output,
				proof,
			} in results
			{
				let checked = Self::check_batch_entry(&who, request_id, &output, &proof, &mut seen)
					.and_then(|(request, spec)| {
						let known = keys
							.iter()
							.position(|(model, _)| *model == request.model_id);
						let key = match known {
							Some(key) => key,
							None => {
								let prepared = T::Models::prepared_verifying_key(request.model_id)
									.ok_or(Error::<T>::NoVerifyingKey)?;
								keys.push((request.model_id, prepared));
								keys.len() - 1
							}
						};
						Ok((request, spec, key as u32))
					});
				match checked {
					Ok((request, spec, key)) => {
						entries.push(BatchEntry {
							key,
							statement: StatementParts {
								model_id: spec.quantized_hash,
								request_id,
								executor,
								input: Self::committed_input(request_id, &request.input),
								output: values(&output),
							},
							proof: proof.into_inner(),
						});
						pending.push((request_id, request, output));
					}
					Err(error) => Self::deposit_event(Event::ResultSkipped { request_id, error }),
				}
			}
			let keys: Vec<Vec<u8>> = keys.into_iter().map(|(_, key)| key).collect();
			let batch = T::ProofVerifier::verify_batch(&keys, &entries, &seed);
			let mut accepted = 0u32;
			for ((request_id, request, output), verdict) in pending.into_iter().zip(batch.verdicts)
			{
				let reason = match verdict {
					Ok(()) => {
						Self::accept(request_id, request, who.clone(), output, true)?;
						accepted = accepted.saturating_add(1);
						continue;
					}
					Err(VerifyError::MalformedProof) => RejectReason::MalformedProof,
					Err(VerifyError::InvalidProof) => RejectReason::InvalidProof,
					Err(VerifyError::InvalidVerifyingKey) => {
						let error = Error::<T>::InvalidVerifyingKey.into();
						Self::deposit_event(Event::ResultSkipped { request_id, error });
						continue;
					}
					Err(VerifyError::StatementMismatch) => {
						let error = Error::<T>::ModelKeyMismatch.into();
						Self::deposit_event(Event::ResultSkipped { request_id, error });
						continue;
					}
				};
				// Read again: an earlier rejection in this batch slashed it.
				if let Some(info) = ExecutorOf::<T>::get(&who) {
					Self::reject(request_id, request, who.clone(), info, reason);
				}
			}
			Self::deposit_event(Event::BatchVerified {
				executor: who,
				results: count,
				accepted,
				one_by_one: batch.one_by_one,
			});
			let used = (!batch.one_by_one).then(|| T::WeightInfo::submit_results(count));
			Ok(used.into())
		}

		/// Submits the proof of slice request `request_id` (one slice of a
		/// `Zk` request for a sliced version), by the executor assigned to it;
		/// never after the deadline.
		///
		/// `entering`: the commitment of the tensor entering the slice, for
		/// every slice but the first (whose proof binds the request's input);
		/// `output`: the boundary commitment for every slice but the last,
		/// the model's output values for the last. The proof is checked under
		/// the slice's key with the slice request's id and the caller's
		/// account bytes. Invalid: **returns `Ok`**, slashes
		/// `InvalidProofSlash` and draws the slice again, as `submit_result`
		/// does. Valid: the slice is proved (`SliceProved`); once every slice
		/// is and their commitments chain from the request's input, the
		/// request's result is stored and paid (`SlicesPaid`,
		/// `InferenceVerified`). A slice proved on another tensor than its
		/// predecessor gives is slashed `WrongResultSlash` and drawn again
		/// (`SliceBroken`). Every other failure is an error with nothing
		/// changed.
		#[pallet::call_index(16)]
		#[pallet::weight(
			T::WeightInfo::submit_slice_result(T::MaxSlices::get())
				.max(T::WeightInfo::submit_result_rejected())
		)]
		pub fn submit_slice_result(
			origin: OriginFor<T>,
			request_id: RequestId,
			entering: Option<[u8; 32]>,
			output: SliceOutputOf<T>,
			proof: BoundedVec<u8, ConstU32<PROOF_BYTES>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_submit_slice(who, request_id, entering, output, proof)
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

		/// The smallest fee of a request whose deadline is `blocks` away:
		/// `MinRequestFee + FeePerDeadlineBlock * blocks`.
		pub fn min_fee(blocks: BlockNumberFor<T>) -> Result<BalanceOf<T>, DispatchError> {
			let blocks: u32 = blocks.try_into().map_err(|_| Error::<T>::Overflow)?;
			T::FeePerDeadlineBlock::get()
				.checked_mul(&blocks.into())
				.and_then(|per_block| per_block.checked_add(&T::MinRequestFee::get()))
				.ok_or_else(|| Error::<T>::Overflow.into())
		}

		/// The weight `submit_results` is charged for `n` results before it
		/// runs: the batch, then every proof verified alone (and rejected).
		pub fn submit_results_worst_case(n: u32) -> Weight {
			T::WeightInfo::submit_results(n)
				.saturating_add(T::WeightInfo::submit_result_rejected().saturating_mul(n.into()))
		}

		/// The seed of a batch's coefficients ([`batch_coefficients`]): the
		/// parent block's hash, the submitter and every result in the
		/// submission, hashed.
		fn batch_seed(who: &T::AccountId, results: &[ZkResultOf<T>]) -> [u8; 32] {
			let parent = frame_system::Pallet::<T>::parent_hash();
			sp_io::hashing::blake2_256(&(b"verity/batch", parent, who, results).encode())
		}

		/// The checks every result passes before its mode matters:
		/// `request_id` open and within its deadline, assigned to `who` (an
		/// executor), its model's spec usable, `output` of its length and
		/// range. Returns the request, the executor's record and the spec.
		fn check_submission(
			who: &T::AccountId,
			request_id: RequestId,
			output: &[i32],
		) -> Result<(RequestOf<T>, ExecutorInfo<BalanceOf<T>>, ModelSpec), DispatchError> {
			ensure!(
				!SliceOf::<T>::contains_key(request_id),
				Error::<T>::SliceRequest
			);
			let request = Self::open_request(request_id)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= request.deadline, Error::<T>::DeadlinePassed);
			ensure!(
				request.executor.as_ref() == Some(who),
				Error::<T>::NotAssigned
			);
			let info = ExecutorOf::<T>::get(who).ok_or(Error::<T>::NotExecutor)?;
			let spec = T::Models::spec(request.model_id).ok_or(Error::<T>::UnknownModel)?;
			Self::check_spec(&spec)?;
			ensure!(
				output.len() == spec.output_len as usize,
				Error::<T>::WrongOutputLength
			);
			ensure!(
				in_range(output, spec.act_bits),
				Error::<T>::OutputOutOfRange
			);
			Ok((request, info, spec))
		}

		/// [`Pallet::check_submission`] for one `submit_results` entry, which
		/// must also be a `Zk` request's, with a proof of the right size, and
		/// the first for its request in the batch (`seen`).
		fn check_batch_entry(
			who: &T::AccountId,
			request_id: RequestId,
			output: &[i32],
			proof: &[u8],
			seen: &mut alloc::collections::BTreeSet<RequestId>,
		) -> Result<(RequestOf<T>, ModelSpec), DispatchError> {
			ensure!(seen.insert(request_id), Error::<T>::DuplicateResult);
			let (request, _, spec) = Self::check_submission(who, request_id, output)?;
			ensure!(request.mode == InferenceMode::Zk, Error::<T>::NotZkRequest);
			ensure!(
				proof.len() == PROOF_BYTES as usize,
				Error::<T>::ProofSizeMismatch
			);
			Ok((request, spec))
		}

		/// The open request `request_id`, or why there is none.
		pub(crate) fn open_request(request_id: RequestId) -> Result<RequestOf<T>, DispatchError> {
			Requests::<T>::get(request_id).ok_or_else(|| {
				if Results::<T>::contains_key(request_id)
					|| Provisional::<T>::contains_key(request_id)
					|| ResultHashes::<T>::contains_key(request_id)
				{
					Error::<T>::AlreadyFulfilled.into()
				} else {
					Error::<T>::UnknownRequest.into()
				}
			})
		}

		/// Draws the executor of request `request_id` for its `draw`-th
		/// assignment: of `u64_le(seed[8k..8k+8]) mod |set|` for k in
		/// 0..[`MAX_DRAWS`], with `seed = blake2_256(("verity/assign",
		/// request_id, draw, parent_hash))`, the first that is not `exclude`
		/// and has fewer than `MaxAssignedPerExecutor` assigned requests.
		/// Called in `on_initialize`, where the parent hash is the hash of a
		/// block sealed after the request was submitted. `None` if no draw
		/// finds one.
		pub fn draw(
			request_id: RequestId,
			draw: u32,
			exclude: Option<&T::AccountId>,
		) -> Option<T::AccountId> {
			let set = Executors::<T>::get();
			let len = set.len() as u64;
			if len == 0 {
				return None;
			}
			let parent = frame_system::Pallet::<T>::parent_hash();
			let seed = (b"verity/assign", request_id, draw, parent)
				.using_encoded(sp_io::hashing::blake2_256);
			seed.chunks_exact(8).take(MAX_DRAWS).find_map(|chunk| {
				let mut word = [0u8; 8];
				word.copy_from_slice(chunk);
				let candidate = set.get((u64::from_le_bytes(word) % len) as usize)?;
				let free = ExecutorOf::<T>::get(candidate)
					.is_some_and(|info| info.assigned_pending < T::MaxAssignedPerExecutor::get());
				(free && Some(candidate) != exclude).then(|| candidate.clone())
			})
		}

		/// Draws an executor for `request` (open, unassigned) at block `now`,
		/// excluding `exclude`, and schedules its next timeout: the end of the
		/// new window, or of a wait of one window if nobody could be drawn.
		fn assign(
			request_id: RequestId,
			request: &mut RequestOf<T>,
			now: BlockNumberFor<T>,
			exclude: Option<&T::AccountId>,
		) {
			let window_end = now
				.saturating_add(T::AssignmentTimeout::get())
				.min(request.deadline);
			request.window_end = window_end;
			let retry_at = window_end.saturating_add(One::one());
			Timeouts::<T>::insert(retry_at, request_id, ());
			match Self::draw(request_id, request.draws, exclude) {
				Some(executor) => {
					ExecutorOf::<T>::mutate(&executor, |info| {
						if let Some(info) = info {
							info.assigned_pending = info.assigned_pending.saturating_add(1);
						}
					});
					request.draws = request.draws.saturating_add(1);
					request.executor = Some(executor.clone());
					Self::deposit_event(Event::Assigned {
						request_id,
						executor,
						window_end,
					});
				}
				None => Self::deposit_event(Event::AssignmentDeferred {
					request_id,
					retry_at,
				}),
			}
		}

		/// Takes `request` (open, stored under `request_id`) from its executor:
		/// another is drawn in the next block, from that block's parent hash.
		/// The caller stores `request`.
		fn unassign(request_id: RequestId, request: &mut RequestOf<T>) {
			let now = frame_system::Pallet::<T>::block_number();
			if let Some(executor) = request.executor.take() {
				Self::release_assignment(&executor);
			}
			Timeouts::<T>::remove(request.window_end.saturating_add(One::one()), request_id);
			request.window_end = now;
			Timeouts::<T>::insert(now.saturating_add(One::one()), request_id, ());
		}

		/// One more (`up`) or one fewer open request or provisional result of
		/// `model_id`.
		pub(crate) fn count_model_use(model_id: ModelId, up: bool) {
			OpenRequestsOfModel::<T>::mutate_exists(model_id, |n| {
				let count = n.unwrap_or(0);
				let count = if up {
					count.saturating_add(1)
				} else {
					count.saturating_sub(1)
				};
				*n = (count > 0).then_some(count);
			});
		}

		/// One more (`up`) or one fewer sync-enabled model running the bytes
		/// stored under `hash`.
		fn count_bytes_use(hash: [u8; 32], up: bool) {
			StoredModels::<T>::mutate(hash, |stored| {
				if let Some(stored) = stored {
					stored.sync_models = if up {
						stored.sync_models.saturating_add(1)
					} else {
						stored.sync_models.saturating_sub(1)
					};
				}
			});
		}

		/// One request fewer assigned to `executor`.
		fn release_assignment(executor: &T::AccountId) {
			ExecutorOf::<T>::mutate(executor, |info| {
				if let Some(info) = info {
					info.assigned_pending = info.assigned_pending.saturating_sub(1);
				}
			});
		}

		/// Takes `who` out of the executor set for `reason` (the caller stores
		/// `info`).
		fn eject(who: &T::AccountId, info: &mut ExecutorInfo<BalanceOf<T>>, reason: EjectReason) {
			Self::remove_from_set(who);
			info.active = false;
			Self::deposit_event(Event::ExecutorEjected {
				who: who.clone(),
				bond: info.bond,
				reason,
			});
		}

		/// Slashes `amount` (at most the bond) from `who`'s bond to `OnSlash`
		/// and ejects it if the bond can no longer cover a proof slash.
		/// Returns what was slashed; the caller stores `info`.
		pub(crate) fn slash_bond(
			who: &T::AccountId,
			info: &mut ExecutorInfo<BalanceOf<T>>,
			amount: BalanceOf<T>,
		) -> BalanceOf<T> {
			let credit = Self::take_bond(who, info, amount);
			let slashed = credit.peek();
			T::OnSlash::on_unbalanced(credit);
			slashed
		}

		/// Takes `amount` (at most the bond) from `who`'s bond and returns it,
		/// ejecting `who` if the bond can no longer cover a proof slash. The
		/// caller stores `info` and disposes of the credit.
		fn take_bond(
			who: &T::AccountId,
			info: &mut ExecutorInfo<BalanceOf<T>>,
			amount: BalanceOf<T>,
		) -> CreditOf<T> {
			let (credit, _) =
				T::Currency::slash(&HoldReason::ExecutorBond.into(), who, amount.min(info.bond));
			info.bond = info.bond.saturating_sub(credit.peek());
			if info.active && info.bond < T::InvalidProofSlash::get() {
				Self::eject(who, info, EjectReason::BondTooLow);
			}
			credit
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

		/// The input of open request `request_id` as its proofs are verified:
		/// its commitment ([`InputCommitments`]), or its values if it has none.
		fn committed_input(request_id: RequestId, input: &[i32]) -> PartData {
			match InputCommitments::<T>::get(request_id) {
				Some(commitment) => PartData::Committed(commitment),
				None => values(input),
			}
		}

		/// Verifies `proof` of `output` for request `request_id` of model
		/// `model_id` (spec `spec`), made by `executor` on `input`, under the
		/// model's verifying key. `None` if it is valid, `Some(reason)` if the
		/// prover is at fault; an error if the registry is (no key, a key that
		/// does not decode or does not fit the spec).
		fn verify_output(
			spec: &ModelSpec,
			model_id: ModelId,
			request_id: RequestId,
			executor: &T::AccountId,
			input: PartData,
			output: &[i32],
			proof: &[u8],
		) -> Result<Option<RejectReason>, DispatchError> {
			let key =
				T::Models::prepared_verifying_key(model_id).ok_or(Error::<T>::NoVerifyingKey)?;
			let statement = StatementParts {
				model_id: spec.quantized_hash,
				request_id,
				executor: Self::account_bytes(executor),
				input,
				output: values(output),
			};
			match T::ProofVerifier::verify_parts(&key, &statement, proof) {
				Ok(()) => Ok(None),
				Err(VerifyError::InvalidVerifyingKey) => {
					Err(Error::<T>::InvalidVerifyingKey.into())
				}
				Err(VerifyError::StatementMismatch) => Err(Error::<T>::ModelKeyMismatch.into()),
				Err(VerifyError::MalformedProof) => Ok(Some(RejectReason::MalformedProof)),
				Err(VerifyError::InvalidProof) => Ok(Some(RejectReason::InvalidProof)),
			}
		}

		/// Holds `executor`'s `Optimistic` result of `request` provisionally
		/// until `ChallengeWindow` blocks after `now`: closes the request but
		/// keeps the escrow and the executor's assignment (so its bond stays).
		fn propose(
			request_id: RequestId,
			mut request: RequestOf<T>,
			executor: T::AccountId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			now: BlockNumberFor<T>,
		) {
			// Released when the result is final or overturned, not now; its
			// misses are reset only if it is final (a wrong answer is no
			// service).
			request.executor = None;
			Self::close(request_id, &request);
			Self::count_model_use(request.model_id, true);
			let challenge_end = now.saturating_add(T::ChallengeWindow::get());
			Timeouts::<T>::insert(challenge_end.saturating_add(One::one()), request_id, ());
			Provisional::<T>::insert(
				request_id,
				ProvisionalResult {
					requester: request.requester,
					model_id: request.model_id,
					input: request.input,
					output: output.clone(),
					executor: executor.clone(),
					fee: request.fee,
					block: now,
					challenge_end,
				},
			);
			Self::deposit_event(Event::ResultProposed {
				request_id,
				executor,
				output,
				challenge_end,
			});
		}

		/// A provisional result's challenge window is over: it becomes a
		/// final, unverified result and its executor is paid.
		fn finalize(request_id: RequestId, provisional: ProvisionalOf<T>) {
			let now = frame_system::Pallet::<T>::block_number();
			Self::release_assignment(&provisional.executor);
			Self::count_model_use(provisional.model_id, false);
			ExecutorOf::<T>::mutate(&provisional.executor, |info| {
				if let Some(info) = info {
					info.misses = 0;
				}
			});
			let paid = T::Currency::transfer_on_hold(
				&HoldReason::RequestEscrow.into(),
				&provisional.requester,
				&provisional.executor,
				provisional.fee,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			)
			.unwrap_or_else(|_| Zero::zero());
			Self::store_result(
				request_id,
				InferenceResult {
					requester: provisional.requester,
					model_id: provisional.model_id,
					mode: InferenceMode::Optimistic,
					input: provisional.input,
					output: provisional.output,
					verified: false,
					executor: provisional.executor.clone(),
					fee: paid,
					block: now,
				},
			);
			Self::deposit_event(Event::ResultFinalized {
				request_id,
				executor: provisional.executor,
				fee: paid,
			});
		}

		/// `challenger` proved `output` for a provisional result: stores it as
		/// a verified result, slashes the submitter `WrongResultSlash` (its
		/// `ChallengerShare` to the challenger) and pays the challenger the fee.
		fn overturn(
			request_id: RequestId,
			provisional: ProvisionalOf<T>,
			challenger: T::AccountId,
			output: BoundedVec<i32, T::MaxOutputLen>,
			now: BlockNumberFor<T>,
		) -> DispatchResult {
			T::Currency::transfer_on_hold(
				&HoldReason::RequestEscrow.into(),
				&provisional.requester,
				&challenger,
				provisional.fee,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			Provisional::<T>::remove(request_id);
			Timeouts::<T>::remove(
				provisional.challenge_end.saturating_add(One::one()),
				request_id,
			);
			let submitter = provisional.executor;
			Self::release_assignment(&submitter);
			Self::count_model_use(provisional.model_id, false);
			let (slashed, reward) = match ExecutorOf::<T>::get(&submitter) {
				Some(mut info) => {
					let credit = Self::take_bond(&submitter, &mut info, T::WrongResultSlash::get());
					ExecutorOf::<T>::insert(&submitter, info);
					let slashed = credit.peek();
					let (to_challenger, rest) =
						credit.split(T::ChallengerShare::get().mul_floor(slashed));
					let reward = to_challenger.peek();
					// The challenger's account exists (it holds a bond), so the
					// credit cannot be refused; if it were, it is burnt.
					if let Err(unpaid) = T::Currency::resolve(&challenger, to_challenger) {
						T::OnSlash::on_unbalanced(unpaid);
					}
					T::OnSlash::on_unbalanced(rest);
					(slashed, reward)
				}
				None => (Zero::zero(), Zero::zero()),
			};
			Self::store_result(
				request_id,
				InferenceResult {
					requester: provisional.requester,
					model_id: provisional.model_id,
					mode: InferenceMode::Optimistic,
					input: provisional.input,
					output,
					verified: true,
					executor: challenger.clone(),
					fee: provisional.fee,
					block: now,
				},
			);
			Self::deposit_event(Event::ResultOverturned {
				request_id,
				submitter,
				challenger,
				slashed,
				reward,
				fee: provisional.fee,
			});
			Ok(())
		}

		/// Stores `result` (of `request_id`, accepted now) in [`Results`] and
		/// schedules its pruning.
		pub(crate) fn store_result(request_id: RequestId, result: ResultOf<T>) {
			Timeouts::<T>::insert(
				result.block.saturating_add(T::ResultTtl::get()),
				request_id,
				(),
			);
			Results::<T>::insert(request_id, result);
		}

		/// Stores an accepted result, pays the executor, and schedules the
		/// result's pruning.
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
			ExecutorOf::<T>::mutate(&executor, |info| {
				if let Some(info) = info {
					info.misses = 0;
				}
			});
			let fee = request.fee;
			Self::store_result(
				request_id,
				InferenceResult {
					requester: request.requester,
					model_id: request.model_id,
					mode: request.mode,
					input: request.input,
					output,
					verified,
					executor: executor.clone(),
					fee,
					block: frame_system::Pallet::<T>::block_number(),
				},
			);
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

		/// Removes an open request: from the open set, its timeout, its
		/// requester's (not for a slice's request: the sliced request counts),
		/// its model's and its executor's counts (not the escrow). A sliced
		/// request's open slice requests are closed with it.
		pub(crate) fn close(request_id: RequestId, request: &RequestOf<T>) {
			Requests::<T>::remove(request_id);
			InputCommitments::<T>::remove(request_id);
			Timeouts::<T>::remove(request.window_end.saturating_add(One::one()), request_id);
			if !SliceOf::<T>::contains_key(request_id) {
				OpenRequestsOf::<T>::mutate_exists(&request.requester, |open| {
					*open = open.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0);
				});
			}
			Self::count_model_use(request.model_id, false);
			if let Some(executor) = &request.executor {
				Self::release_assignment(executor);
			}
			Self::drop_slices(request_id);
		}

		/// Slashes the submitter of a rejected proof (ejecting it if its bond
		/// can no longer cover a slash) and takes the request from it.
		pub(crate) fn reject(
			request_id: RequestId,
			mut request: RequestOf<T>,
			who: T::AccountId,
			mut info: ExecutorInfo<BalanceOf<T>>,
			reason: RejectReason,
		) {
			let slashed = Self::slash_bond(&who, &mut info, T::InvalidProofSlash::get());
			ExecutorOf::<T>::insert(&who, info);
			Self::unassign(request_id, &mut request);
			Requests::<T>::insert(request_id, request);
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

		/// Handles the timeouts due by block `n`: scans [`Timeouts`] from
		/// [`TimeoutCursor`] up to `n`, at most `MaxTimeoutsPerBlock` blocks and
		/// `MaxTimeoutsPerBlock` entries; what is left waits for the next
		/// block. Returns the weight used.
		pub(crate) fn handle_timeouts(n: BlockNumberFor<T>) -> Weight {
			let max = T::MaxTimeoutsPerBlock::get();
			let mut cursor = TimeoutCursor::<T>::get().unwrap_or(n);
			let mut done = Handled::default();
			let mut slots = 0u32;
			while cursor <= n && slots < max && done.total() < max {
				slots += 1;
				let budget = (max - done.total()) as usize;
				let due: Vec<RequestId> = Timeouts::<T>::iter_key_prefix(cursor)
					.take(budget.saturating_add(1))
					.collect();
				for &id in due.iter().take(budget) {
					Timeouts::<T>::remove(cursor, id);
					Self::handle_timeout(id, n, &mut done);
				}
				if due.len() > budget {
					break;
				}
				cursor = cursor.saturating_add(One::one());
			}
			TimeoutCursor::<T>::put(cursor);
			T::WeightInfo::on_initialize_slots(slots)
				.saturating_add(T::WeightInfo::on_initialize_draw(done.drawn))
				.saturating_add(T::WeightInfo::on_initialize_lapse(done.lapsed))
				.saturating_add(T::WeightInfo::on_initialize_expire(done.expired))
				.saturating_add(T::WeightInfo::on_initialize_finalize(done.finalized))
				.saturating_add(T::WeightInfo::on_initialize_prune(done.pruned))
		}

		/// One timeout of `id` at block `n`: an open request's window is over
		/// (its executor, if any, lapsed; then draw another, or expire it past
		/// its deadline), or a result's time to live is.
		fn handle_timeout(id: RequestId, n: BlockNumberFor<T>, done: &mut Handled) {
			if let Some(mut request) = Requests::<T>::get(id) {
				let lapsed = request.executor.take();
				if let Some(executor) = &lapsed {
					Self::lapse(id, executor);
					done.lapsed += 1;
				}
				if n > request.deadline {
					if SliceOf::<T>::contains_key(id) {
						// The sliced request's expiry refunds the fee.
						Self::close(id, &request);
					} else {
						// A sliced request's expiry closes its open slices
						// too: each is charged as one more expiry (closing
						// one is cheaper).
						done.expired += Self::open_slice_count(id);
						Self::expire(id, &request);
					}
					done.expired += 1;
				} else if Sliced::<T>::contains_key(id) {
					// Never drawn (its slices are); only its deadline times
					// it out, which `window_end` is.
					Timeouts::<T>::insert(request.window_end.saturating_add(One::one()), id, ());
				} else {
					Self::assign(id, &mut request, n, lapsed.as_ref());
					Requests::<T>::insert(id, request);
					done.drawn += 1;
				}
			} else if let Some(provisional) = Provisional::<T>::take(id) {
				Self::finalize(id, provisional);
				done.finalized += 1;
			} else if let Some(result) = Results::<T>::take(id) {
				let hash = result.using_encoded(sp_io::hashing::blake2_256);
				ResultHashes::<T>::insert(id, hash);
				Self::deposit_event(Event::ResultPruned {
					request_id: id,
					hash,
				});
				done.pruned += 1;
			}
		}

		/// `executor` let its window on request `id` lapse: one request fewer
		/// assigned, a `LapseSlash`, one more miss (`MaxMisses` eject it).
		fn lapse(id: RequestId, executor: &T::AccountId) {
			let Some(mut info) = ExecutorOf::<T>::get(executor) else {
				return;
			};
			info.assigned_pending = info.assigned_pending.saturating_sub(1);
			info.misses = info.misses.saturating_add(1);
			let slashed = Self::slash_bond(executor, &mut info, T::LapseSlash::get());
			if info.active && info.misses >= T::MaxMisses::get() {
				Self::eject(executor, &mut info, EjectReason::MissedWindows);
			}
			ExecutorOf::<T>::insert(executor, info);
			Self::deposit_event(Event::AssignmentLapsed {
				request_id: id,
				executor: executor.clone(),
				slashed,
			});
		}

		/// Closes request `id` (its deadline passed, its executor already
		/// released): burns `ExpiryCharge` of the escrow, refunds the rest.
		fn expire(id: RequestId, request: &RequestOf<T>) {
			let reason = HoldReason::RequestEscrow.into();
			let charge = T::ExpiryCharge::get().min(request.fee);
			let charged = T::Currency::burn_held(
				&reason,
				&request.requester,
				charge,
				Precision::BestEffort,
				Fortitude::Force,
			)
			.unwrap_or_else(|_| Zero::zero());
			let refunded = T::Currency::release(
				&reason,
				&request.requester,
				request.fee.saturating_sub(charged),
				Precision::BestEffort,
			)
			.unwrap_or_else(|_| Zero::zero());
			Self::close(id, request);
			Self::deposit_event(Event::RequestExpired {
				request_id: id,
				requester: request.requester.clone(),
				refunded,
				charged,
			});
		}

		// --- runtime API helpers ---

		/// What the executor of slice request `request_id` needs to prove
		/// it (`None` if it is not a slice's, or its request is closed).
		pub fn slice_job(request_id: RequestId) -> Option<SliceJob<pallet_models::SliceInfo>> {
			let link = SliceOf::<T>::get(request_id)?;
			let parent = Requests::<T>::get(link.parent)?;
			let slices = T::Models::slices(parent.model_id)?;
			Some(SliceJob {
				parent: link.parent,
				index: link.index,
				input: parent.input.into_inner(),
				slices,
			})
		}

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

		/// The provisional (`Optimistic`) result of `request_id`, if it is
		/// within its challenge window.
		pub fn provisional(request_id: RequestId) -> Option<ProvisionalView<T>> {
			Provisional::<T>::get(request_id).map(Self::provisional_view)
		}

		/// Every provisional result within its challenge window, by request
		/// id (what executors watch to challenge). Iterates [`Provisional`]:
		/// for the runtime API, not for calls.
		pub fn provisional_results() -> Vec<(RequestId, ProvisionalView<T>)> {
			let mut all: Vec<_> = Provisional::<T>::iter()
				.map(|(id, p)| (id, Self::provisional_view(p)))
				.collect();
			all.sort_unstable_by_key(|(id, _)| *id);
			all
		}

		fn provisional_view(p: ProvisionalOf<T>) -> ProvisionalView<T> {
			ProvisionalResult {
				requester: p.requester,
				model_id: p.model_id,
				input: p.input.into_inner(),
				output: p.output.into_inner(),
				executor: p.executor,
				fee: p.fee,
				block: p.block,
				challenge_end: p.challenge_end,
			}
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
				window_end: r.window_end,
				draws: r.draws,
				deadline: r.deadline,
			})
		}

		/// The open requests assigned to `who` whose window is still open in
		/// the next block, sorted by id. Iterates the open requests (at most
		/// `MaxPendingRequests`): for the runtime API, not for calls.
		pub fn pending_for_executor(who: T::AccountId) -> Vec<RequestId> {
			let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
			let mut ids: Vec<RequestId> = Requests::<T>::iter()
				.filter(|(_, r)| r.executor.as_ref() == Some(&who) && next <= r.window_end)
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

		/// Invariants: every model's count of open requests and provisional
		/// results matches them; the held escrow of every requester equals the sum of its
		/// open requests' and provisional results' fees, and its open count
		/// matches; every provisional result has its timeout after its
		/// challenge window and counts as an assignment of its executor; every open request
		/// has exactly one timeout, in the block after its `window_end`
		/// (at most its deadline), and every stored result one (when it is
		/// pruned), no other entry, none behind the cursor; no result for an
		/// open or never-made request, no result both stored and pruned;
		/// every executor's held bond equals its recorded bond, the set is
		/// sorted and holds exactly the active executors; assigned counts
		/// match and are within `MaxAssignedPerExecutor`; every stored sync
		/// output holds its deposit; the sync work bound is within
		/// `MaxSyncWork`.
		///
		/// Always compiled: the runtime API `InferenceApi::check_invariants`
		/// runs it on any block's state, off chain.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
			use frame_support::traits::fungible::InspectHold;
			let escrow = HoldReason::RequestEscrow.into();
			let bond = HoldReason::ExecutorBond.into();
			let next_id = NextRequestId::<T>::get();

			let mut fees: BTreeMap<T::AccountId, (BalanceOf<T>, u32)> = BTreeMap::new();
			let mut assigned: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut expected: BTreeSet<(BlockNumberFor<T>, RequestId)> = BTreeSet::new();
			let mut open = 0u32;
			let mut of_model: BTreeMap<ModelId, u32> = BTreeMap::new();
			for (id, r) in Requests::<T>::iter() {
				open += 1;
				*of_model.entry(r.model_id).or_insert(0) += 1;
				ensure!(id < next_id, "open request id not yet issued");
				ensure!(!Results::<T>::contains_key(id), "open request has a result");
				ensure!(r.window_end <= r.deadline, "window past the deadline");
				expected.insert((r.window_end.saturating_add(One::one()), id));
				let entry = fees
					.entry(r.requester.clone())
					.or_insert_with(|| (Zero::zero(), 0));
				entry.0 = entry.0.saturating_add(r.fee);
				// A slice's request is counted by its sliced request.
				if !SliceOf::<T>::contains_key(id) {
					entry.1 += 1;
				}
				if let Some(executor) = &r.executor {
					*assigned.entry(executor.clone()).or_insert(0) += 1;
					ensure!(
						ExecutorOf::<T>::contains_key(executor),
						"assigned to a non-executor"
					);
				}
			}
			ensure!(
				open == Requests::<T>::count(),
				"request counter out of sync"
			);
			// A commitment only for an open Zk request of a whole model, and
			// the commitment of its input.
			for (id, commitment) in InputCommitments::<T>::iter() {
				let request =
					Requests::<T>::get(id).ok_or("input commitment of a closed request")?;
				ensure!(
					request.mode == InferenceMode::Zk
						&& !Sliced::<T>::contains_key(id)
						&& !SliceOf::<T>::contains_key(id),
					"input commitment of a request that is not Zk for a whole model"
				);
				let act_bits = T::Models::spec(request.model_id)
					.ok_or("request for an unknown model")?
					.act_bits;
				ensure!(
					T::ProofVerifier::input_commitment(act_bits, &widen(&request.input))
						== Ok(commitment),
					"input commitment differs from the request's input"
				);
			}
			Self::check_slices()?;
			ensure!(
				open <= T::MaxPendingRequests::get(),
				"too many open requests"
			);
			for (who, (_, count)) in &fees {
				ensure!(
					OpenRequestsOf::<T>::get(who) == Some(*count),
					"open request count out of sync"
				);
				ensure!(
					*count <= T::MaxRequestsPerAccount::get(),
					"too many open requests of one account"
				);
			}
			ensure!(
				OpenRequestsOf::<T>::iter().count() == fees.len(),
				"open request count of an account with none"
			);
			// Provisional results hold their fee in escrow and their executor's
			// assignment until they are final or overturned.
			let mut escrow_of = fees
				.iter()
				.map(|(who, (fee, _))| (who.clone(), *fee))
				.collect::<BTreeMap<_, _>>();
			for (id, p) in Provisional::<T>::iter() {
				ensure!(
					!Requests::<T>::contains_key(id) && !Results::<T>::contains_key(id),
					"provisional result of an open or answered request"
				);
				ensure!(
					p.challenge_end == p.block.saturating_add(T::ChallengeWindow::get()),
					"challenge window of the wrong length"
				);
				expected.insert((p.challenge_end.saturating_add(One::one()), id));
				*of_model.entry(p.model_id).or_insert(0) += 1;
				let held = escrow_of
					.entry(p.requester.clone())
					.or_insert_with(Zero::zero);
				*held = held.saturating_add(p.fee);
				*assigned.entry(p.executor.clone()).or_insert(0) += 1;
			}
			ensure!(
				OpenRequestsOfModel::<T>::iter().collect::<BTreeMap<_, _>>() == of_model,
				"open requests per model out of sync"
			);
			for (who, fee) in &escrow_of {
				ensure!(
					T::Currency::balance_on_hold(&escrow, who) == *fee,
					"held escrow differs from the open and provisional fees"
				);
			}
			for (id, r) in Results::<T>::iter() {
				ensure!(id < next_id, "result without a request");
				ensure!(
					!ResultHashes::<T>::contains_key(id),
					"result both stored and pruned"
				);
				expected.insert((r.block.saturating_add(T::ResultTtl::get()), id));
			}
			let timeouts: BTreeSet<_> = Timeouts::<T>::iter_keys().collect();
			ensure!(
				timeouts == expected,
				"timeouts differ from the open requests and kept results"
			);
			if let Some(cursor) = TimeoutCursor::<T>::get() {
				ensure!(
					timeouts.iter().all(|(at, _)| *at >= cursor),
					"a timeout behind the cursor"
				);
			}
			let mut bytes_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			for (hash, stored) in StoredModels::<T>::iter() {
				ensure!(
					ModelBytes::<T>::contains_key(hash),
					"stored model record without its bytes"
				);
				let users = SyncModels::<T>::iter_keys()
					.filter(|id| T::Models::spec(*id).is_some_and(|s| s.quantized_hash == hash))
					.count();
				ensure!(
					stored.sync_models as usize == users,
					"sync-enabled users of stored bytes out of sync"
				);
				let held = bytes_deposits
					.entry(stored.owner)
					.or_insert_with(Zero::zero);
				*held = held.saturating_add(stored.deposit);
			}
			ensure!(
				ModelBytes::<T>::iter_keys().count() == StoredModels::<T>::iter_keys().count(),
				"stored bytes without a record"
			);
			for (who, deposit) in bytes_deposits {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::ModelBytes.into(), &who) == deposit,
					"held model-bytes deposit differs from the records"
				);
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
					info.assigned_pending <= T::MaxAssignedPerExecutor::get(),
					"too many requests assigned to one executor"
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
			Ok(())
		}
	}
}

/// A model version is in use while it has open requests or provisional
/// results (they need its spec, input bounds and verifying key) or is enabled
/// for synchronous inference.
impl<T: Config> pallet_models::ModelInUse for Pallet<T> {
	fn in_use(model_id: ModelId) -> bool {
		OpenRequestsOfModel::<T>::contains_key(model_id) || SyncModels::<T>::contains_key(model_id)
	}
}

/// Draws per assignment: executors at `MaxAssignedPerExecutor` (or the one
/// that just lapsed) are skipped, up to this many times (one 32-byte hash
/// gives four 8-byte words).
pub const MAX_DRAWS: usize = 4;

/// What one block's `on_initialize` handled, for its weight.
#[derive(Default)]
struct Handled {
	drawn: u32,
	lapsed: u32,
	expired: u32,
	finalized: u32,
	pruned: u32,
}

impl Handled {
	/// Timeouts handled (a lapse comes with a draw or an expiry: one timeout).
	fn total(&self) -> u32 {
		self.drawn
			.saturating_add(self.expired)
			.saturating_add(self.finalized)
			.saturating_add(self.pruned)
	}
}

/// Values as the verifier takes them (`i64`).
fn widen(values: &[i32]) -> Vec<i64> {
	values.iter().map(|&v| v as i64).collect()
}

/// A tensor given by its values.
fn values(values: &[i32]) -> PartData {
	PartData::Values(widen(values))
}

/// Whether every value is in the signed `bits`-bit range (`bits` in 2..=24).
fn in_range(values: &[i32], bits: u32) -> bool {
	let half = 1i64 << (bits.clamp(1, 32) - 1);
	values.iter().all(|&v| (-half..half).contains(&(v as i64)))
}
