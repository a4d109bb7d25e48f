//! Storage migrations of `pallet-ceremony`, one module per version step,
//! each wrapped in `VersionedMigration` (runs once, on the version it was
//! written for, then bumps it) and listed in the runtime's `Migrations`.

/// Version 0 → 1: prepares every final verifying key ([`PreparedKeys`]), which
/// version 0 did not keep, so that `pallet-inference` finds one for every
/// final key.
pub mod v1 {
	use crate::{Ceremonies, Config, KeyStatus, Pallet, PreparedKeys, WeightInfo};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	/// The migration, unversioned (use [`MigrateToV1`]).
	pub struct PrepareFinalKeys<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for PrepareFinalKeys<T> {
		fn on_runtime_upgrade() -> Weight {
			// Bounded by the registered zk versions. Each final key costs a
			// decode with every check and a pairing, which `refute_key`'s
			// benchmark includes (it prepares the key before the refuted
			// one): its weight bounds each.
			let mut reads = 0u64;
			let mut prepared = 0u64;
			for (model_id, c) in Ceremonies::<T>::iter() {
				reads += 1;
				if c.status != KeyStatus::Final {
					continue;
				}
				reads += 1;
				if let Some(key) = Pallet::<T>::prepare_key(model_id) {
					PreparedKeys::<T>::insert(model_id, key);
					prepared += 1;
				}
			}
			T::DbWeight::get()
				.reads_writes(reads, prepared)
				.saturating_add(T::WeightInfo::refute_key().saturating_mul(prepared))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
			frame_support::ensure!(
				PreparedKeys::<T>::iter().next().is_none(),
				"version 0 has no prepared keys"
			);
			Ok(alloc::vec::Vec::new())
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
			Pallet::<T>::do_try_state()
		}
	}

	/// Version 0 → 1, once.
	pub type MigrateToV1<T> = VersionedMigration<
		0,
		1,
		PrepareFinalKeys<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
