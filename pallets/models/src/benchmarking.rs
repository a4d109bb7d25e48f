//! Benchmarks of `pallet-models` (frame-benchmarking v2). Every call runs at its
//! worst case: the longest name and version label, the most inputs and outputs
//! of the largest rank, a zk version (so its key ceremony starts), and
//! families with `MaxVersions - 1` versions already.
//!
//! `ZkSetup::start` runs inside `register_model` and `new_version` (once per
//! slice in the sliced calls), but its weight is [`ZkSetup::start_weight`],
//! which the calls add to these benchmarks' weights: what is measured here is
//! meant as the pallet's own part (exactly so with the mock's free stand-in).
//! Likewise `ZkSetup::remove` in `remove_version`.
//!
//! The sliced calls are measured from 2 to 8 slices (the runtime's
//! `MaxSlices`; fewer where a configuration allows fewer).

use super::*;
use crate::fixtures;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::{Inspect, Mutate};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, Saturating};

/// Gives `who` far more than any deposit.
fn fund<T: Config>(who: &T::AccountId) {
	let plenty = T::DepositBase::get()
		.saturating_mul(1_000u32.into())
		.saturating_add(T::DepositPerByte::get().saturating_mul(10_000_000u32.into()))
		.saturating_add(T::Currency::minimum_balance().saturating_mul(1_000u32.into()))
		.min(BalanceOf::<T>::max_value() / 16u32.into());
	T::Currency::set_balance(who, plenty);
}

/// The heaviest version without zk support (no key ceremony).
fn heaviest_vanilla<T: Config>() -> VersionDescriptor<T> {
	let mut descriptor = fixtures::heaviest::<T>();
	descriptor.supports_zk = false;
	descriptor.zk = None;
	descriptor
}

/// A family of `owner` with the heaviest first version (zk: one key ceremony)
/// and heaviest vanilla-only versions up to `versions` in all (no more
/// ceremonies: the setup may bound how many run at once). Returns the family
/// and its first version.
fn family_with<T: Config>(owner: &T::AccountId, versions: u32) -> (FamilyId, ModelId) {
	fund::<T>(owner);
	let family = NextFamilyId::<T>::get();
	let first = NextModelId::<T>::get();
	Pallet::<T>::register_model(
		RawOrigin::Signed(owner.clone()).into(),
		fixtures::longest_name::<T>(),
		fixtures::heaviest::<T>(),
	)
	.expect("registers");
	for _ in 1..versions {
		Pallet::<T>::new_version(
			RawOrigin::Signed(owner.clone()).into(),
			family,
			heaviest_vanilla::<T>(),
		)
		.expect("adds a version");
	}
	(family, first)
}

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(<T as frame_system::Config>::RuntimeEvent::from(
		event,
	));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_model() {
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let descriptor = fixtures::heaviest::<T>();
		assert!(
			descriptor.zk.is_some(),
			"the worst case starts a key ceremony"
		);
		let zk = descriptor.zk;
		let name = fixtures::longest_name::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name, descriptor);

		let family = Families::<T>::get(0).expect("registered");
		assert_eq!(family.owner, caller);
		assert_eq!(ModelDetails::<T>::get(0).expect("registered").zk, zk);
	}

	#[benchmark]
	fn new_version() {
		let caller: T::AccountId = whitelisted_caller();
		let (family, _) = family_with::<T>(&caller, T::MaxVersions::get() - 1);
		let descriptor = fixtures::heaviest::<T>();
		let zk = descriptor.zk;
		assert!(zk.is_some(), "the worst case starts a key ceremony");
		let model_id = NextModelId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), family, descriptor);

		assert_eq!(ModelDetails::<T>::get(model_id).expect("added").zk, zk);
		assert_eq!(
			Families::<T>::get(family).expect("exists").versions.len() as u32,
			T::MaxVersions::get()
		);
	}

	#[benchmark]
	fn deprecate() {
		let caller: T::AccountId = whitelisted_caller();
		// The first version: the heaviest record (a zk one).
		let (family, model_id) = family_with::<T>(&caller, T::MaxVersions::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), model_id);

		assert_last_event::<T>(Event::ModelDeprecated { family, model_id });
	}

	/// Removing a sliced version of `s` slices (each slice's record and
	/// key ceremony go with it) from a full version list; a version without
	/// slices costs the intercept.
	#[benchmark]
	fn remove_version(s: Linear<2, 8>) {
		let s = s.min(T::MaxSlices::get());
		let caller: T::AccountId = whitelisted_caller();
		let (family, _) = family_with::<T>(&caller, T::MaxVersions::get() - 1);
		let (descriptor, slices) = fixtures::sliced::<T>(s);
		let model_id = NextModelId::<T>::get();
		Pallet::<T>::new_sliced_version(
			RawOrigin::Signed(caller.clone()).into(),
			family,
			descriptor,
			slices,
		)
		.expect("adds a sliced version");
		Pallet::<T>::deprecate(RawOrigin::Signed(caller.clone()).into(), model_id)
			.expect("deprecates");
		let deposit = ModelDetails::<T>::get(model_id)
			.expect("registered")
			.deposit;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), model_id);

		assert_last_event::<T>(Event::VersionRemoved {
			family,
			model_id,
			deposit,
			family_removed: false,
		});
		assert_eq!(SliceSpecs::<T>::iter_keys().count(), 0);
	}

	/// A new family whose first version is sliced in `s` slices.
	#[benchmark]
	fn register_sliced_model(s: Linear<2, 8>) {
		let s = s.min(T::MaxSlices::get());
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		let (descriptor, slices) = fixtures::sliced::<T>(s);
		let name = fixtures::longest_name::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), name, descriptor, slices);

		assert_eq!(Slices::<T>::get(0).expect("sliced").len() as u32, s);
	}

	/// A sliced version of `s` slices added to a family one short of full.
	#[benchmark]
	fn new_sliced_version(s: Linear<2, 8>) {
		let s = s.min(T::MaxSlices::get());
		let caller: T::AccountId = whitelisted_caller();
		let (family, _) = family_with::<T>(&caller, T::MaxVersions::get() - 1);
		let (descriptor, slices) = fixtures::sliced::<T>(s);
		let model_id = NextModelId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), family, descriptor, slices);

		assert_eq!(Slices::<T>::get(model_id).expect("sliced").len() as u32, s);
	}

	#[benchmark]
	fn transfer_ownership() {
		let caller: T::AccountId = whitelisted_caller();
		let (family, _) = family_with::<T>(&caller, T::MaxVersions::get());
		let new_owner: T::AccountId = account("new owner", 0, 0);
		let lookup = T::Lookup::unlookup(new_owner.clone());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), family, Some(lookup));

		assert_last_event::<T>(Event::OwnershipTransferProposed {
			family,
			owner: caller,
			new_owner,
		});
	}

	#[benchmark]
	fn accept_ownership() {
		let owner: T::AccountId = account("owner", 0, 0);
		let (family, _) = family_with::<T>(&owner, T::MaxVersions::get());
		let caller: T::AccountId = whitelisted_caller();
		fund::<T>(&caller);
		Pallet::<T>::transfer_ownership(
			RawOrigin::Signed(owner.clone()).into(),
			family,
			Some(T::Lookup::unlookup(caller.clone())),
		)
		.expect("proposed");
		let deposit = Families::<T>::get(family).expect("exists").deposit;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), family);

		assert_last_event::<T>(Event::OwnershipTransferred {
			family,
			from: owner,
			to: caller,
			deposit,
		});
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
