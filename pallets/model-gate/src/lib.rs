//! # Model-gate pallet
//!
//! An example of synchronous inference: a membership list that an account
//! joins by submitting an input that a registered model classifies as the
//! accepted class, decided in the extrinsic itself.
//!
//! ## Overview
//!
//! * [`Config::GateOrigin`] (root in the runtime) sets the [`Gate`] with
//!   `set_gate(model_id, accept_class)`: the model that decides and the class
//!   (output index) it must pick.
//! * `apply(input)` runs the gate's model on `input` through
//!   [`Config::Inference`] ([`pallet_inference::InferenceProvider`]: the
//!   node's inference precompile, only for models the inference pallet
//!   enabled for synchronous use) and takes the class: the index of the
//!   largest output value, the first one on a tie ([`classify`]). If it is the
//!   accepted class the caller joins [`Members`] (`Admitted`); otherwise the
//!   call still succeeds and emits `Refused`.
//! * `leave()` removes the caller from [`Members`] (`Left`).
//!
//! ## A refusal is an event, not an error
//!
//! A dispatch that returns an error is reverted, its events included, so a
//! refusal reported as an error would leave no trace of the class the model
//! found. `apply` therefore returns `Ok` and emits `Refused { who, class }`
//! when the model picks another class; the caller paid for the inference
//! either way. Errors are kept for calls that could not be decided: no gate,
//! already a member, a full list, and whatever the inference provider refuses
//! (model not enabled for synchronous use, deprecated, above the work bound,
//! an input of the wrong length or out of range), passed through unchanged.
//!
//! ## Weight
//!
//! `apply` weighs [`WeightInfo::apply`] (the pallet's own work, benchmarked
//! with a one-layer model) plus
//! [`InferenceProvider::infer_weight`](pallet_inference::InferenceProvider::infer_weight)
//! of the gate's current model, which grows with the model's work. Reading
//! [`Gate`] in the weight expression is sound: the weight is computed in the
//! block, on the same state the call then dispatches on (the gate only changes
//! through `set_gate`, never between the two), and the read is a single small
//! value that the call reads again anyway (so it is in the overlay, and
//! counted in [`WeightInfo::apply`]). The calls that fail before running the
//! model (no gate, already a member, full list) refund the inference part.
//!
//! ## Storage bounds
//!
//! [`Members`] is a sorted [`BoundedVec`](frame_support::BoundedVec) of at most
//! [`Config::MaxMembers`] accounts, so joining holds no deposit: its size is
//! bounded by the runtime, and every member paid for a model run to join.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_models::ModelId;
use scale_info::TypeInfo;

/// Most input values `apply` takes (more than any model the inference
/// pallet runs synchronously needs).
pub const MAX_INPUT_LEN: u32 = 1024;

/// What the gate admits: accounts whose input `model_id` classifies as
/// `accept_class`.
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
pub struct GateRule {
	/// The model that classifies (it must be enabled for synchronous
	/// inference in the inference pallet, else `apply` fails).
	pub model_id: ModelId,
	/// The output index the model must pick.
	pub accept_class: u32,
}

/// The class a classifier's output picks: the index of its largest value, the
/// first one if several are equal; `None` for an empty output.
pub fn classify(output: &[i32]) -> Option<u32> {
	let mut best: Option<(usize, i32)> = None;
	for (index, &value) in output.iter().enumerate() {
		if best.is_none_or(|(_, max)| value > max) {
			best = Some((index, value));
		}
	}
	best.and_then(|(index, _)| u32::try_from(index).ok())
}

/// Sets up a model for the `apply` benchmark.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper {
	/// Registers a model doing as little work as the inference provider
	/// allows, enables it for synchronous inference and returns its id and an
	/// input it accepts.
	fn sync_model() -> (ModelId, alloc::vec::Vec<i32>);
}

/// The helper over the real inference pallet: `type BenchmarkHelper =
/// pallet_inference::Pallet<Runtime>` registers, stores and enables the
/// synthetic one-layer benchmark model of the inference precompile (32
/// inputs and outputs, 8-bit activations) with the inference pallet's
/// [`pallet_inference::Pallet::benchmark_sync_model`].
#[cfg(feature = "runtime-benchmarks")]
impl<T: pallet_inference::Config> BenchmarkHelper for pallet_inference::Pallet<T> {
	fn sync_model() -> (ModelId, alloc::vec::Vec<i32>) {
		use frame_support::traits::{
			fungible::{Inspect, Mutate},
			Get,
		};
		use sp_runtime::traits::Saturating;
		let owner: T::AccountId = frame_benchmarking::account("gate-model-owner", 0, 0);
		// The registry's and the stored bytes' deposits, with room to spare.
		let plenty = T::ExecutorBond::get()
			.saturating_mul(1_000u32.into())
			.saturating_add(<T as pallet_inference::Config>::Currency::minimum_balance());
		<T as pallet_inference::Config>::Currency::set_balance(&owner, plenty);
		let model_id = pallet_inference::Pallet::<T>::benchmark_sync_model(&owner, 1, true);
		// Within the 8-bit activation range.
		let input = (0..32).map(|i| (i * 37 % 255) - 127).collect();
		(model_id, input)
	}
}

/// A membership list gated on a model's classification: `apply(input)` admits
/// the caller when the gate's model classifies `input` as the accepted class.
///
/// Calls: `set_gate`, `apply`, `leave`.
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{dispatch::WithPostDispatchInfo, pallet_prelude::*};
	use frame_system::pallet_prelude::*;
	use pallet_inference::InferenceProvider;

	/// The storage layout's version (0: the first layout; a change of layout
	/// bumps it and adds a `VersionedMigration` to the runtime's migrations).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// Runs the gate's model: `pallet_inference::Pallet<Runtime>`.
		type Inference: InferenceProvider;

		/// Who sets the gate (root in the runtime).
		type GateOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most members.
		#[pallet::constant]
		type MaxMembers: Get<u32>;

		/// Weights of the calls (without the inference, see the crate docs).
		type WeightInfo: WeightInfo;

		/// Sets up the `apply` benchmark's model.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper;
	}

	/// The gate: which model decides and which class it admits. `apply` fails
	/// with `NoGate` until it is set.
	#[pallet::storage]
	pub type Gate<T: Config> = StorageValue<_, GateRule>;

	/// The admitted accounts, sorted.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxMembers>, ValueQuery>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The gate now admits inputs `model_id` classifies as `accept_class`.
		GateSet {
			model_id: ModelId,
			accept_class: u32,
		},
		/// The gate's model classified `who`'s input as the accepted `class`:
		/// `who` is a member.
		Admitted { who: T::AccountId, class: u32 },
		/// The gate's model classified `who`'s input as `class`, not the
		/// accepted one: `who` was not admitted (the call succeeded, see the
		/// crate docs).
		Refused { who: T::AccountId, class: u32 },
		/// `who` left the members.
		Left { who: T::AccountId },
	}

	/// Errors. The inference provider's errors (e.g.
	/// `pallet_inference::Error::NotSyncEnabled`, `WrongInputLength`) pass
	/// through `apply` unchanged.
	#[pallet::error]
	pub enum Error<T> {
		/// No gate is set.
		NoGate,
		/// The caller is already a member.
		AlreadyMember,
		/// The caller is not a member.
		NotMember,
		/// The member list is full (`MaxMembers`).
		TooManyMembers,
		/// The gate's model returned no output values, so there is no class.
		EmptyOutput,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Checks that the runtime allows at least one member.
		fn integrity_test() {
			assert!(T::MaxMembers::get() > 0, "MaxMembers must be positive");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Sets the gate: from now on `apply` admits the accounts whose input
		/// `model_id` classifies as `accept_class`. Origin:
		/// [`Config::GateOrigin`]. The model is not checked here: `apply`
		/// fails with the inference provider's error while it is not enabled
		/// for synchronous inference. Current members stay. Emits
		/// [`Event::GateSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_gate())]
		pub fn set_gate(
			origin: OriginFor<T>,
			model_id: ModelId,
			accept_class: u32,
		) -> DispatchResult {
			T::GateOrigin::ensure_origin(origin)?;
			Gate::<T>::put(GateRule {
				model_id,
				accept_class,
			});
			Self::deposit_event(Event::GateSet {
				model_id,
				accept_class,
			});
			Ok(())
		}

		/// Runs the gate's model on `input` (the model's fixed-point input
		/// integers, every input tensor flattened in order) and admits the
		/// caller if the class it picks ([`classify`]) is the accepted one
		/// ([`Event::Admitted`]); otherwise emits [`Event::Refused`] and
		/// still returns `Ok` (see the crate docs).
		///
		/// Fails, before running the model and with the inference weight
		/// refunded, with `NoGate`, `AlreadyMember` or `TooManyMembers`; and
		/// with the inference provider's error if it refuses to run the model.
		///
		/// Weight: [`WeightInfo::apply`] plus the provider's
		/// `infer_weight` of the gate's current model (see the crate docs).
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::apply_weight())]
		pub fn apply(
			origin: OriginFor<T>,
			input: BoundedVec<i32, ConstU32<MAX_INPUT_LEN>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let without_inference = T::WeightInfo::apply();
			let gate = Gate::<T>::get().ok_or(Error::<T>::NoGate)?;
			let mut members = Members::<T>::get();
			let position = match members.binary_search(&who) {
				Ok(_) => return Err(Error::<T>::AlreadyMember.with_weight(without_inference)),
				Err(position) => position,
			};
			ensure!(
				members.len() < T::MaxMembers::get() as usize,
				Error::<T>::TooManyMembers.with_weight(without_inference)
			);

			let output = T::Inference::infer(gate.model_id, &input)?;
			let class = classify(&output).ok_or(Error::<T>::EmptyOutput)?;
			if class == gate.accept_class {
				members
					.try_insert(position, who.clone())
					.map_err(|_| Error::<T>::TooManyMembers)?;
				Members::<T>::put(members);
				Self::deposit_event(Event::Admitted { who, class });
			} else {
				Self::deposit_event(Event::Refused { who, class });
			}
			Ok(().into())
		}

		/// Removes the caller from the members. Emits [`Event::Left`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::leave())]
		pub fn leave(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Members::<T>::try_mutate(|members| {
				let position = members
					.binary_search(&who)
					.map_err(|_| Error::<T>::NotMember)?;
				members.remove(position);
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::Left { who });
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The weight of `apply` in the current state: [`WeightInfo::apply`]
		/// plus the inference provider's weight for the gate's model (nothing
		/// more without a gate, when `apply` fails at once).
		pub fn apply_weight() -> Weight {
			let inference = Gate::<T>::get()
				.map(|gate| T::Inference::infer_weight(gate.model_id))
				.unwrap_or_default();
			T::WeightInfo::apply().saturating_add(inference)
		}

		/// Whether `who` is a member.
		pub fn is_member(who: &T::AccountId) -> bool {
			Members::<T>::get().binary_search(who).is_ok()
		}
	}
}
