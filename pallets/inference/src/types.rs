//! The pallet's stored records, also returned (with plain `Vec`s) by the runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_models::{InferenceMode, ModelId};
use scale_info::TypeInfo;

/// Identifies one inference request (a counter, never reused). It is the
/// `request_id` of the proof's statement.
pub type RequestId = u64;

/// Size of an encoded Groth16 proof (`verity_zk::Proof::SIZE`: A, B, C compressed).
pub const PROOF_BYTES: u32 = 192;

/// A bonded executor.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ExecutorInfo<Balance> {
	/// The bond currently held (`HoldReason::ExecutorBond`); slashes lower it.
	pub bond: Balance,
	/// Open requests assigned to this executor (at most
	/// `MaxAssignedPerExecutor`). The bond cannot be withdrawn while this is
	/// not zero.
	pub assigned_pending: u32,
	/// Assignments in a row this executor let lapse; an accepted result resets
	/// it, `MaxMisses` ejects the executor.
	pub misses: u32,
	/// In the executor set: can be drawn for requests. `false` after
	/// `unregister_executor` or an ejection (see [`EjectReason`]); such an
	/// executor may still serve the requests assigned to it until it
	/// withdraws its bond.
	pub active: bool,
}

/// Why an executor left the set without asking.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum EjectReason {
	/// Its bond fell below one `InvalidProofSlash`.
	BondTooLow,
	/// It let `MaxMisses` assignments in a row lapse.
	MissedWindows,
	/// `AdminOrigin` removed it (`remove_executor`).
	Removed,
}

/// An open inference request. `Values` is `BoundedVec<i32, MaxInputLen>` in
/// storage and `Vec<i32>` in the runtime API (the same encoding).
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct Request<AccountId, Balance, BlockNumber, Values> {
	/// Who pays.
	pub requester: AccountId,
	/// The model version to run.
	pub model_id: ModelId,
	/// Proven (`Zk`) or plain (`Vanilla`) result.
	pub mode: InferenceMode,
	/// The model input: the engine's fixed-point integers, every model input
	/// flattened row-major in the model's input order, each in the signed
	/// `act_bits` range.
	pub input: Values,
	/// Held in escrow from the requester; paid in full to the executor whose
	/// result is accepted, refunded less `ExpiryCharge` if the request
	/// expires (in full on `force_refund`).
	pub fee: Balance,
	/// Block the request was made in.
	pub created: BlockNumber,
	/// The one executor that may submit the result now. `None` in the block
	/// the request was made in (the executor is drawn in the next block, from
	/// randomness nobody knew when the request was submitted), and while no
	/// executor could take it.
	pub executor: Option<AccountId>,
	/// The last block of the current executor's window (of the wait for one,
	/// while `executor` is `None`); at most `deadline`. If the request is
	/// still open in the block after, the executor is penalised and another
	/// one drawn.
	pub window_end: BlockNumber,
	/// Executors drawn for this request so far (the first, then backups).
	pub draws: u32,
	/// The last block in which a result is accepted.
	pub deadline: BlockNumber,
}

/// An accepted result. `In`/`Out` are bounded vectors in storage and `Vec<i32>`
/// in the runtime API.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct InferenceResult<AccountId, Balance, BlockNumber, In, Out> {
	/// Who paid.
	pub requester: AccountId,
	/// The model version that was run.
	pub model_id: ModelId,
	/// The request's mode.
	pub mode: InferenceMode,
	/// The request's input.
	pub input: In,
	/// The model output, as the engine's integers (every output flattened).
	pub output: Out,
	/// `true` iff the runtime verified a Groth16 proof of `output` for this
	/// request, this executor, this model and this input (`Zk` mode, or an
	/// `Optimistic` result overturned by a challenge). `Vanilla` results and
	/// unchallenged `Optimistic` ones are stored unverified (`false`).
	pub verified: bool,
	/// The executor who submitted the result and was paid (the challenger, for
	/// an overturned `Optimistic` result).
	pub executor: AccountId,
	/// What the executor was paid (the request's full fee).
	pub fee: Balance,
	/// Block the result was accepted in (for `Optimistic`: became final or
	/// was overturned in).
	pub block: BlockNumber,
}

/// An `Optimistic` result accepted without a proof, until its challenge
/// window ends (then it becomes an [`InferenceResult`] and its executor is
/// paid) or a challenge overturns it. `In`/`Out` are bounded vectors in
/// storage and `Vec<i32>` in the runtime API.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ProvisionalResult<AccountId, Balance, BlockNumber, In, Out> {
	/// Who pays (the fee stays in escrow until the result is final).
	pub requester: AccountId,
	/// The model version to run.
	pub model_id: ModelId,
	/// The request's input.
	pub input: In,
	/// The output the executor claims, unproven.
	pub output: Out,
	/// The executor who submitted it; its bond answers for it.
	pub executor: AccountId,
	/// The request's fee, paid to `executor` once the result is final.
	pub fee: Balance,
	/// Block the result was submitted in.
	pub block: BlockNumber,
	/// The last block in which the result may be challenged.
	pub challenge_end: BlockNumber,
}

/// Why a submitted proof was rejected (and the submitter slashed).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum RejectReason {
	/// The proof bytes do not decode: a point off the curve, outside the
	/// prime-order subgroup, the identity, or not canonical.
	MalformedProof,
	/// The pairing check failed: the proof is not valid for the statement the
	/// runtime built (this request, this executor, the stored input, the
	/// submitted output, the model's key).
	InvalidProof,
}

/// An account's latest synchronous (`infer_now`) output. `Values` is
/// `BoundedVec<i32, MaxOutputLen>` in storage.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct SyncOutput<BlockNumber, Values> {
	/// The model that ran.
	pub model_id: ModelId,
	/// Its fixed-point output, every output flattened in order.
	pub output: Values,
	/// The block it ran in.
	pub block: BlockNumber,
}

/// Who stored a quantized model's bytes ([`crate::ModelBytes`]), the deposit
/// held for them, and how many sync-enabled model versions run them.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct StoredModel<AccountId, Balance> {
	/// Who stored them and gets the deposit back.
	pub owner: AccountId,
	/// Held under `HoldReason::ModelBytes`.
	pub deposit: Balance,
	/// Sync-enabled model versions whose quantized hash this is (the bytes
	/// cannot be removed while this is not zero).
	pub sync_models: u32,
}

/// One result of `submit_results`: a `Zk` request's output and its proof.
/// `Out`/`P` are the bounded output and proof of `submit_result`.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ZkResult<Out, P> {
	/// The request.
	pub request_id: RequestId,
	/// The model output, as in `submit_result`.
	pub output: Out,
	/// The proof, as in `submit_result`.
	pub proof: P,
}

/// A slice's request ([`crate::SliceOf`]): the request for the sliced model
/// version it is part of, and which slice it proves.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct SliceRequest {
	/// The request for the whole (sliced) version.
	pub parent: RequestId,
	/// The slice's place in the version's chain (0: the one the input enters).
	pub index: u32,
}

/// A slice whose proof verified: who proved it and the commitments (canonical
/// little-endian field bytes) of the tensors entering and leaving it, which
/// must chain with its neighbours'.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ProvedSlice<AccountId> {
	/// The executor that proved it (paid when the chain is whole).
	pub executor: AccountId,
	/// The commitment of the tensor entering it (unused for the first slice,
	/// whose proof binds the request's input itself).
	pub entering: [u8; 32],
	/// The commitment of the tensor leaving it (unused for the last slice,
	/// whose output values are kept in [`SlicedRequest::output`]).
	pub leaving: [u8; 32],
}

/// What a slice's result gives for the tensor leaving it.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum SliceOutput<Out> {
	/// Every slice but the last: the commitment of the boundary tensor
	/// (canonical little-endian field bytes, as the proof's public input).
	Boundary([u8; 32]),
	/// The last slice: the model's output values, as `submit_result` takes them.
	Values(Out),
}

/// A request for a sliced model version while its slices are proved
/// ([`crate::Sliced`]). `Children` and `Proved` are bounded by the registry's
/// `MaxSlices`, `Out` is the bounded output.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct SlicedRequest<Children, Proved, Out> {
	/// The slices' requests, in slice order: each is drawn, assigned, lapsed
	/// and declined like any request.
	pub children: Children,
	/// Each slice's [`ProvedSlice`], once its proof verified.
	pub proved: Proved,
	/// The last slice's output values, once its proof verified.
	pub output: Option<Out>,
}

/// How far the proved slices of a request chain (see
/// [`crate::Pallet::walk_chain`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChainState {
	/// Every slice is proved and each one's entering commitment is its
	/// predecessor's leaving one: the request's result is proven.
	Whole,
	/// Slices up to the first unproved one chain; wait for it.
	Waiting,
	/// Slice `i` is proved but does not take what slice `i − 1` gives, while
	/// slices `0..i` chain from the request's input: slice `i` was proved on
	/// another tensor.
	BrokenAt(u32),
}

/// What an executor needs to prove a slice's request (the runtime API's
/// `slice_request`): the request it is part of, the slice's place, that
/// request's input (the executor runs the slices before its own on it) and
/// the version's slices, in order (ids and registry records: quantized
/// hashes, value counts).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SliceJob<Slice> {
	/// The request for the whole (sliced) version.
	pub parent: RequestId,
	/// The slice to prove.
	pub index: u32,
	/// The whole request's input.
	pub input: alloc::vec::Vec<i32>,
	/// Every slice of the version, in order: its model id and record.
	pub slices: alloc::vec::Vec<(ModelId, Slice)>,
}
