//! # Models pallet
//!
//! Verity's on-chain registry of ONNX models (skeleton: the public interface
//! other pallets build against; the calls follow).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::traits::fungible;
use scale_info::TypeInfo;

pub use pallet::*;
pub use weights::WeightInfo;

pub mod weights;

/// The balance type of the deposit currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// Identifies one registered model version (a counter, never reused).
pub type ModelId = u64;

/// How a request wants its result: proven (Groth16) or plain, unverified.
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
pub enum InferenceMode {
	/// The executor proves the result with a Groth16 proof the runtime verifies.
	Zk,
	/// The executor's result is stored as it is, flagged unverified.
	Vanilla,
}

/// What pallet-inference needs to know about a model version.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ModelSpec {
	/// blake2-256 of the quantized model's canonical bytes (`Statement::model_id` of verity-zk).
	pub quantized_hash: [u8; 32],
	/// Total number of input values (all inputs, flattened).
	pub input_len: u32,
	/// Total number of output values (all outputs, flattened).
	pub output_len: u32,
	/// Activation width: every input and output value is a signed integer of this many bits.
	pub act_bits: u32,
	/// Whether requests may ask for a proven result.
	pub supports_zk: bool,
	/// Whether requests may ask for a plain, unverified result.
	pub supports_vanilla: bool,
	/// `false` once the owner deprecated the version: it accepts no new requests.
	pub active: bool,
}

/// Read access to the registry for other pallets.
pub trait ModelRegistry {
	/// The spec of a registered model version, `None` if unknown.
	fn spec(id: ModelId) -> Option<ModelSpec>;
	/// The model version's Groth16 verifying key bytes (verity_zk::VerifyingKey::to_bytes
	/// format), `None` if unknown or registered without zk support.
	fn verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>>;
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;

	/// The pallet.
	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency deposits are held in.
		type Currency: fungible::Inspect<Self::AccountId>
			+ fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Deposit held for every stored record (a family or a version).
		#[pallet::constant]
		type DepositBase: Get<BalanceOf<Self>>;

		/// Deposit held per byte of a stored record.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// Longest family name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Longest version label, in bytes.
		#[pallet::constant]
		type MaxVersionLen: Get<u32>;

		/// Longest verifying key, in bytes (770 for 7 public inputs, 48 more per input).
		#[pallet::constant]
		type MaxVerifyingKeyLen: Get<u32>;

		/// Most inputs, and most outputs, of one model.
		#[pallet::constant]
		type MaxIoTensors: Get<u32>;

		/// Most dimensions of one input or output tensor.
		#[pallet::constant]
		type MaxShapeRank: Get<u32>;

		/// Most versions of one family.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a model family or version.
		#[codec(index = 0)]
		ModelDeposit,
	}

	/// The next [`ModelId`] to assign.
	#[pallet::storage]
	pub type NextModelId<T> = StorageValue<_, ModelId, ValueQuery>;

	/// The spec of every registered model version.
	#[pallet::storage]
	pub type Specs<T> = StorageMap<_, Blake2_128Concat, ModelId, ModelSpec>;

	/// The Groth16 verifying key of every model version registered with zk support.
	#[pallet::storage]
	pub type VerifyingKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, ModelId, BoundedVec<u8, T::MaxVerifyingKeyLen>>;

	/// Events.
	#[pallet::event]
	pub enum Event<T: Config> {
		/// Placeholder.
		Placeholder,
	}
}

impl<T: Config> ModelRegistry for Pallet<T> {
	fn spec(id: ModelId) -> Option<ModelSpec> {
		Specs::<T>::get(id)
	}

	fn verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>> {
		VerifyingKeys::<T>::get(id).map(|key| key.into_inner())
	}
}
