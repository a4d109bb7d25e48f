//! Storage migrations of `pallet-inference`, one module per version step.
//!
//! The runtime lists them in its `Migrations` (run by `frame_executive` on a
//! runtime upgrade). Each is wrapped in `VersionedMigration`, so it runs only
//! on the storage version it was written for, bumps the version, and is a
//! no-op afterwards: it can stay listed until the next step replaces it. With
//! `try-runtime`, `pre_upgrade`/`post_upgrade` check it on a copy of live
//! state, and the pallet's `try_state` invariants must hold after it.

/// Version 1 → 2: counts each model's open requests ([`OpenRequestsOfModel`]),
/// so that the registry can tell which deprecated versions it may remove.
/// (Version 1 had no [`Provisional`] results; they are counted anyway.)
pub mod v2 {
	use crate::{Config, OpenRequestsOfModel, Pallet, Provisional, Requests};
	use alloc::collections::btree_map::BTreeMap;
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use pallet_models::ModelId;

	/// The migration, unversioned (use [`MigrateToV2`]).
	pub struct CountOpenRequestsPerModel<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for CountOpenRequestsPerModel<T> {
		fn on_runtime_upgrade() -> Weight {
			// Bounded: at most `MaxPendingRequests` open requests, and the
			// provisional results of one challenge window.
			let mut counts: BTreeMap<ModelId, u32> = BTreeMap::new();
			let mut reads = 0u64;
			for request in Requests::<T>::iter_values() {
				reads += 1;
				*counts.entry(request.model_id).or_insert(0) += 1;
			}
			for provisional in Provisional::<T>::iter_values() {
				reads += 1;
				*counts.entry(provisional.model_id).or_insert(0) += 1;
			}
			let writes = counts.len() as u64;
			for (model_id, count) in counts {
				OpenRequestsOfModel::<T>::insert(model_id, count);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			use codec::Encode;
			frame_support::ensure!(
				OpenRequestsOfModel::<T>::iter().next().is_none(),
				"version 1 has no per-model counts"
			);
			let open = Requests::<T>::count() as u64 + Provisional::<T>::iter().count() as u64;
			Ok(open.encode())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			use codec::Decode;
			let open = u64::decode(&mut &state[..]).map_err(|_| "pre_upgrade state")?;
			let counted: u64 = OpenRequestsOfModel::<T>::iter_values().map(u64::from).sum();
			frame_support::ensure!(counted == open, "every open request counted once");
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 1 → 2, once.
	pub type MigrateToV2<T> = VersionedMigration<
		1,
		2,
		CountOpenRequestsPerModel<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
