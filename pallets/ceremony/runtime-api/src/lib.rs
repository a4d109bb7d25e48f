//! Runtime API of `pallet-ceremony`.
//!
//! Wiring in the runtime (`impl_runtime_apis!`):
//!
//! ```ignore
//! impl pallet_ceremony_runtime_api::CeremonyApi<Block, AccountId, BlockNumber> for Runtime {
//!     fn tasks(who: AccountId) -> Vec<CeremonyTask> {
//!         Ceremony::tasks(&who)
//!     }
//!     fn srs() -> Option<SrsInfo<AccountId, BlockNumber>> {
//!         Ceremony::srs_info()
//!     }
//!     fn key(model_id: ModelId) -> Option<KeyInfo<AccountId, BlockNumber>> {
//!         Ceremony::key_info(model_id)
//!     }
//! }
//! ```
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_ceremony::{CeremonyTask, KeyInfo, KeyStatus, SrsInfo, SrsPhase};
pub use pallet_models::ModelId;

sp_api::decl_runtime_apis! {
	/// The setup ceremony, for participants' nodes and clients.
	pub trait CeremonyApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// What `who`'s node should do now (contribute, check, seal).
		fn tasks(who: AccountId) -> Vec<CeremonyTask>;

		/// Phase 1 (the universal SRS).
		fn srs() -> Option<SrsInfo<AccountId, BlockNumber>>;

		/// A model's key ceremony; `None` for a version without one.
		fn key(model_id: ModelId) -> Option<KeyInfo<AccountId, BlockNumber>>;
	}
}
