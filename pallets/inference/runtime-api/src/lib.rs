//! Runtime API of `pallet-inference`.
//!
//! Wiring in the runtime (`impl_runtime_apis!`):
//!
//! ```ignore
//! impl pallet_inference_runtime_api::InferenceApi<Block, AccountId, Balance, BlockNumber>
//!     for Runtime
//! {
//!     fn result(request_id: RequestId) -> Option<ResultView<Runtime>> {
//!         Inference::result(request_id)
//!     }
//!     fn request(request_id: RequestId) -> Option<RequestView<Runtime>> {
//!         Inference::request_info(request_id)
//!     }
//!     fn pending_for_executor(who: AccountId) -> Vec<RequestId> {
//!         Inference::pending_for_executor(who)
//!     }
//!     fn model(model_id: ModelId) -> Option<ModelSpec> {
//!         Inference::model(model_id)
//!     }
//!     fn sync_models() -> Vec<(ModelId, u64, [u8; 32])> {
//!         Inference::sync_models()
//!     }
//!     fn executors() -> Vec<AccountId> {
//!         Inference::executors()
//!     }
//!     fn provisional(request_id: RequestId) -> Option<ProvisionalView<Runtime>> {
//!         Inference::provisional(request_id)
//!     }
//!     fn provisional_results() -> Vec<(RequestId, ProvisionalView<Runtime>)> {
//!         Inference::provisional_results()
//!     }
//! }
//! ```
//!
//! (with `use pallet_inference::{ProvisionalView, RequestId, RequestView, ResultView};` and
//! `use pallet_models::{ModelId, ModelSpec};`).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_inference::{InferenceResult, ProvisionalResult, Request, RequestId, SliceJob};
pub use pallet_models::{ModelId, ModelSpec, SliceInfo};

/// A result as the API returns it.
pub type ResultInfo<AccountId, Balance, BlockNumber> =
	InferenceResult<AccountId, Balance, BlockNumber, Vec<i32>, Vec<i32>>;
/// A provisional (`Optimistic`) result as the API returns it.
pub type ProvisionalInfo<AccountId, Balance, BlockNumber> =
	ProvisionalResult<AccountId, Balance, BlockNumber, Vec<i32>, Vec<i32>>;
/// An open request as the API returns it.
pub type RequestInfo<AccountId, Balance, BlockNumber> =
	Request<AccountId, Balance, BlockNumber, Vec<i32>>;

sp_api::decl_runtime_apis! {
	/// Read access to verified inference for clients and executors.
	/// Version 2: `slice_job`.
	#[api_version(2)]
	pub trait InferenceApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The accepted result of a request (`verified` tells a proven result
		/// from a `Vanilla` one), `None` if there is none (yet).
		fn result(request_id: RequestId) -> Option<ResultInfo<AccountId, Balance, BlockNumber>>;

		/// An open request, with its input and assigned executor; `None` once it
		/// has a result or expired.
		fn request(request_id: RequestId) -> Option<RequestInfo<AccountId, Balance, BlockNumber>>;

		/// The open requests `who` may submit a result for in the next block
		/// (assigned to it, with its window still open), sorted; at most
		/// `MaxPendingRequests`.
		fn pending_for_executor(who: AccountId) -> Vec<RequestId>;

		/// A model's spec from the registry.
		fn model(model_id: ModelId) -> Option<ModelSpec>;

		/// The active executor set, sorted.
		fn executors() -> Vec<AccountId>;

		/// The models enabled for synchronous inference (`infer_now`): id, work
		/// units and quantized-model hash (their bytes are in `model_bytes`;
		/// nodes parse them ahead of the blocks that call them).
		fn sync_models() -> Vec<(ModelId, u64, [u8; 32])>;

		/// The provisional result of an `Optimistic` request within its
		/// challenge window, `None` otherwise (see `result` once it is final
		/// or overturned).
		fn provisional(
			request_id: RequestId,
		) -> Option<ProvisionalInfo<AccountId, Balance, BlockNumber>>;

		/// Every provisional result within its challenge window, by request id:
		/// what executors check and challenge.
		fn provisional_results() -> Vec<(RequestId, ProvisionalInfo<AccountId, Balance, BlockNumber>)>;

		/// The quantized model bytes stored under `hash` (what synchronous
		/// inference runs), if any.
		fn model_bytes(hash: [u8; 32]) -> Option<Vec<u8>>;

		/// What the executor of slice request `request_id` (one slice of a
		/// `Zk` request for a sliced version) needs to prove it: the whole
		/// request's id and input, the slice's index and every slice of the
		/// version; `None` if it is not a slice's request or is closed.
		#[api_version(2)]
		fn slice_job(request_id: RequestId) -> Option<SliceJob<SliceInfo>>;

		/// The invariants (the `try_state` checks) of the inference, models
		/// and ceremony pallets on this block's state: escrow, bonds and
		/// deposits held exactly as recorded, counters and timeouts in sync.
		/// `Err` names the first that fails. Off chain only: it reads every
		/// entry of the three pallets' storage.
		fn check_invariants() -> Result<(), alloc::string::String>;
	}
}
