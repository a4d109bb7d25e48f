//! # Models pallet
//!
//! Verity's on-chain registry of ONNX models: what a request may ask for, what
//! an executor must run, and (through the key ceremony) the Groth16 verifying
//! key its proofs are checked against.
//!
//! ## Overview
//!
//! A **family** is a named model with an owner (e.g. "digits classifier"). Each
//! of its **versions** is one registered, immutable quantized model with its own
//! [`ModelId`] (a counter, never reused): requests name a [`ModelId`], so a
//! version never changes under a request. A version records
//!
//! * the blake2-256 hashes of its artifacts: the ONNX file and the quantized
//!   model's canonical bytes ([`ModelSpec::quantized_hash`], which is verity-zk's
//!   `Statement::model_id`); the hash of a zk version's proving key file, which
//!   executors need, comes from its key ceremony
//!   ([`ModelRegistry::proving_key_hash`]);
//! * the fixed-point format of every input and output ([`InputDescriptor`],
//!   [`OutputDescriptor`]): a client quantizes an input value `x` to
//!   `clamp(round(x · 2^frac_bits))` in the signed `act_bits` range and
//!   dequantizes an output integer `q` to `q / 2^frac_bits` (then applies the
//!   output's float [`OutputTransform`], which is not proven);
//! * the modes requests may use ([`InferenceMode`]) and, for `Zk`, the QAP
//!   domain size of its circuit ([`ZkParams`]).
//!
//! **Groth16 keys never come from the registrant.** Registering a zk version
//! starts its key ceremony ([`Config::ZkSetup`], `pallet-ceremony`): the chain
//! computes the initial verifying key from the universal SRS and the domain,
//! the participants contribute, and only the ceremony's final key is ever
//! returned ([`ModelRegistry::verifying_key`]); until then the version takes
//! no `Zk` requests.
//!
//! Other pallets read the registry through [`ModelRegistry`] (implemented by
//! [`Pallet`]): a compact [`ModelSpec`] per version, and the final verifying
//! key and proving-key hash.
//!
//! ## Sliced versions
//!
//! A model too large for one prover can be registered **sliced**
//! ([`register_sliced_model`](Pallet::register_sliced_model),
//! [`new_sliced_version`](Pallet::new_sliced_version)): the version describes
//! the whole model (its inputs, outputs and quantized hash, as any version),
//! and its [`SliceDescriptor`]s the parts it is cut into at layer boundaries
//! (`verity_inference::QuantizedModel::slices`). Each slice gets a
//! [`ModelId`] of its own (right after the version's), not listed in the
//! family and never requested directly ([`SliceSpecs`]), and its own key
//! ceremony, whose statement commits to the tensor leaving every slice but
//! the last (`boundary_output`): a request for the version is proved slice
//! by slice, possibly by several executors, and the proofs chain through
//! those commitments (`pallet-inference`). The chain cannot check that the
//! slices compose to the whole model (no engine runs in the runtime); it
//! checks that their value counts chain from the version's input to its
//! output, and requesters trust the registrant's slicing as they trust its
//! quantization.
//!
//! ## Deposits
//!
//! Every stored record is paid for with a deposit held from the family owner
//! under [`HoldReason::ModelDeposit`]: `DepositBase + DepositPerByte · bytes`, where
//! `bytes` is the SCALE-encoded size of what the record stores. A family record
//! (owner, name, version list) costs one such deposit, taken by
//! [`register_model`](Pallet::register_model); every version (its spec, details,
//! with zk support its key ceremony's storage ([`ZkSetup::storage_bytes`]), and
//! its 8-byte entry in the family's version list) another. The
//! deposits stay held while the data is stored; deprecating a version keeps its
//! record (open requests still refer to it), so it keeps its deposit until the
//! owner removes it ([`remove_version`](Pallet::remove_version)): only a
//! deprecated version that nothing uses ([`Config::InUse`]: no open request,
//! no provisional result, not enabled for synchronous inference) can go. Its
//! spec, details and key ceremony are deleted and its deposit released;
//! removing a family's last version removes the family and releases its
//! deposit too. Results already served keep their output (in events) and
//! their model id, which is never reused.
//!
//! **Ownership transfer is two-step**, because the deposits move with it:
//! [`transfer_ownership`](Pallet::transfer_ownership) by the owner proposes a new
//! owner, and [`accept_ownership`](Pallet::accept_ownership) by that account
//! completes the transfer: the family's whole deposit is held from the new
//! owner and released to the old owner in the same call (it fails, changing
//! nothing, if the new owner cannot cover it). Nobody can be made to hold a
//! deposit they did not agree to.
//!
//! ## Calls
//!
//! * [`register_model`](Pallet::register_model): a new family and its first version.
//! * [`new_version`](Pallet::new_version): another version of a family (owner only);
//!   earlier versions stay usable until deprecated.
//! * [`deprecate`](Pallet::deprecate): a version accepts no new requests (owner only).
//! * [`remove_version`](Pallet::remove_version): a deprecated version nothing
//!   uses is deleted and its deposit released (owner only).
//! * [`transfer_ownership`](Pallet::transfer_ownership) /
//!   [`accept_ownership`](Pallet::accept_ownership): move a family and its deposits.
//! * [`register_sliced_model`](Pallet::register_sliced_model) /
//!   [`new_sliced_version`](Pallet::new_sliced_version): the same, for a
//!   version proved in slices.
//!
//! ## Runtime configuration
//!
//! `RuntimeHoldReason` and `Currency` (e.g. `pallet_balances`, whose
//! `RuntimeHoldReason` must include this pallet's [`HoldReason`]); deposits;
//! bounds; the [`ZkSetup`] (`pallet_ceremony::Pallet`); [`Config::InUse`]
//! (`pallet_inference::Pallet`). Reasonable values:
//! `MaxNameLen` 64, `MaxVersionLen` 32, `MaxIoTensors` 4, `MaxShapeRank` 6,
//! `MaxVersions` 32, `MaxSlices` 8.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(test, feature = "runtime-benchmarks"))]
pub mod fixtures;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{self, MutateHold},
		tokens::Precision,
	},
	CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::*;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, StaticLookup},
	ArithmeticError,
};

pub use pallet::*;
pub use weights::WeightInfo;

/// Identifies one registered model version (a counter, never reused).
pub type ModelId = u64;

/// Identifies a model family (a counter, never reused).
pub type FamilyId = u64;

/// A blake2-256 hash.
pub type Hash256 = [u8; 32];

/// The balance type of the deposit currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

/// Smallest and largest activation width (bits) the engine and verity-zk support.
pub const MIN_ACT_BITS: u8 = 2;
/// See [`MIN_ACT_BITS`].
pub const MAX_ACT_BITS: u8 = 24;
/// Largest fixed-point fraction width the engine supports (its `MAX_SHIFT`).
pub const MAX_FRAC_BITS: u8 = 62;

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
	/// The executor's result is accepted without a proof, provisionally: any
	/// other executor may overturn it with a Groth16 proof of the right output
	/// during a challenge window; only then is it final and paid. Needs the
	/// model's `Zk` support (a challenge is a proof).
	Optimistic,
}

/// What pallet-inference needs to know about a model version.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ModelSpec {
	/// blake2-256 of the quantized model's canonical bytes (`Statement::model_id` of verity-zk).
	pub quantized_hash: [u8; 32],
	/// Total number of input values (all inputs, flattened in order).
	pub input_len: u32,
	/// Total number of output values (all outputs, flattened in order).
	pub output_len: u32,
	/// Activation width: every input and output value is a signed integer of this many bits.
	pub act_bits: u32,
	/// Whether requests may ask for a proven result (once its key ceremony is final).
	pub supports_zk: bool,
	/// Whether requests may ask for a plain, unverified result.
	pub supports_vanilla: bool,
	/// `false` once the owner deprecated the version: it accepts no new requests.
	pub active: bool,
}

impl ModelSpec {
	/// Whether the version accepts new requests in `mode`. For `Zk` and
	/// `Optimistic` its key ceremony must also be final ([`ModelRegistry::verifying_key`] is
	/// `Some`), which this does not check.
	pub fn accepts(&self, mode: InferenceMode) -> bool {
		self.active
			&& match mode {
				InferenceMode::Zk | InferenceMode::Optimistic => self.supports_zk,
				InferenceMode::Vanilla => self.supports_vanilla,
			}
	}
}

/// Read access to the registry for other pallets.
pub trait ModelRegistry {
	/// The spec of a registered model version, `None` if unknown.
	fn spec(id: ModelId) -> Option<ModelSpec>;
	/// The model version's final Groth16 verifying key bytes
	/// (`verity_zk::VerifyingKey::to_bytes` format): `None` if unknown,
	/// registered without zk support, or its key ceremony is not final.
	fn verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>>;
	/// The same key prepared for verification
	/// (`verity_zk::PreparedVerifyingKey::to_bytes`: validated once, read
	/// back without checks), same conditions.
	fn prepared_verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>>;
	/// The artifact hash of the version's final proving key (same conditions).
	fn proving_key_hash(id: ModelId) -> Option<Hash256>;
	/// The slices of a sliced version, in order, each with its id (whose
	/// keys [`ModelRegistry::verifying_key`] and the others give); `None`
	/// for a version that is not sliced (or unknown).
	fn slices(_id: ModelId) -> Option<alloc::vec::Vec<(ModelId, SliceInfo)>> {
		None
	}
}

/// Whether something still uses a model version, so that it cannot be
/// removed (`pallet-inference` implements it: open requests, provisional
/// results, synchronous inference).
pub trait ModelInUse {
	/// `true` while `model_id` must stay registered.
	fn in_use(model_id: ModelId) -> bool;
}

/// Nothing uses any version.
impl ModelInUse for () {
	fn in_use(_: ModelId) -> bool {
		false
	}
}

/// Where a zk version's Groth16 keys come from: the setup ceremony
/// (`pallet-ceremony` implements it). The registry starts a version's
/// ceremony when it registers it and asks it for the final verifying key;
/// it never takes a key from the registrant.
pub trait ZkSetup<AccountId> {
	/// Bytes the setup stores per version, for the registrant's deposit.
	fn storage_bytes() -> u32;
	/// The weight of [`ZkSetup::start`].
	fn start_weight() -> Weight;
	/// Starts the key ceremony of the new zk version (or slice) `model_id`
	/// (spec `spec`) on a QAP domain of `domain_size` points; `first`, if
	/// given, gets the first turn (the registrant contributing itself).
	/// `boundary_output`: the circuit's output is a slice boundary, public as
	/// one commitment (every slice of a sliced version but its last).
	fn start(
		model_id: ModelId,
		spec: &ModelSpec,
		domain_size: u32,
		first: Option<&AccountId>,
		boundary_output: bool,
	) -> frame_support::dispatch::DispatchResult;
	/// The version's verifying key (`verity_zk::VerifyingKey::to_bytes`),
	/// once its ceremony is final; `None` before (or if it failed).
	fn verifying_key(model_id: ModelId) -> Option<alloc::vec::Vec<u8>>;
	/// The final key's prepared form
	/// (`verity_zk::PreparedVerifyingKey::to_bytes`), made once when the
	/// ceremony ended from the validated key; `None` unless final.
	fn prepared_verifying_key(model_id: ModelId) -> Option<alloc::vec::Vec<u8>>;
	/// The artifact hash of the version's final proving key.
	fn proving_key_hash(model_id: ModelId) -> Option<Hash256>;
	/// Deletes the key ceremony of the removed version `model_id` (whatever
	/// its status), with its verifying key.
	fn remove(model_id: ModelId);
	/// The weight of [`ZkSetup::remove`].
	fn remove_weight() -> Weight;
	/// Benchmarks of other pallets only: makes `verifying_key` the final key
	/// of the zk version `model_id` without a ceremony. The default does
	/// nothing (the benchmark then finds no key and fails loudly).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_final_key_for_benchmarks(
		_model_id: ModelId,
		_verifying_key: alloc::vec::Vec<u8>,
		_proving_key: Hash256,
	) {
	}
}

/// No key setup: zk versions cannot be registered (for runtimes and test
/// runtimes without zk).
impl<AccountId> ZkSetup<AccountId> for () {
	fn storage_bytes() -> u32 {
		0
	}
	fn start_weight() -> Weight {
		Weight::zero()
	}
	fn start(
		_: ModelId,
		_: &ModelSpec,
		_: u32,
		_: Option<&AccountId>,
		_: bool,
	) -> frame_support::dispatch::DispatchResult {
		Err(sp_runtime::DispatchError::Other(
			"this runtime has no zk key setup",
		))
	}
	fn verifying_key(_: ModelId) -> Option<alloc::vec::Vec<u8>> {
		None
	}
	fn prepared_verifying_key(_: ModelId) -> Option<alloc::vec::Vec<u8>> {
		None
	}
	fn proving_key_hash(_: ModelId) -> Option<Hash256> {
		None
	}
	fn remove(_: ModelId) {}
	fn remove_weight() -> Weight {
		Weight::zero()
	}
}

/// Fixed-point format of one model input (the engine's `TensorSpec`).
///
/// A real value `x` is fed as the integer `clamp(round(x · 2^frac_bits))` in the
/// model's signed `act_bits` range.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct InputDescriptor<T: Config> {
	/// The tensor's shape (row-major; rank 0 is a scalar). No dimension is zero.
	pub shape: BoundedVec<u32, T::MaxShapeRank>,
	/// The integer `q` stands for `q / 2^frac_bits` (at most [`MAX_FRAC_BITS`]).
	pub frac_bits: u8,
}

/// Float post-processing of a dequantized output (the engine's `OutputTransform`).
/// Outside the proven integer semantics.
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
pub enum OutputTransform {
	/// The dequantized tensor is the output.
	None,
	/// Softmax over `axis` of the dequantized tensor (the integers are the logits).
	Softmax {
		/// The axis, below the output's rank.
		axis: u32,
	},
}

/// Fixed-point format of one model output.
///
/// The integer `q` the model produces stands for `q / 2^frac_bits`, to which
/// `transform` is applied.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct OutputDescriptor<T: Config> {
	/// The tensor's shape (row-major; rank 0 is a scalar). No dimension is zero.
	pub shape: BoundedVec<u32, T::MaxShapeRank>,
	/// The integer `q` stands for `q / 2^frac_bits` (at most [`MAX_FRAC_BITS`]).
	pub frac_bits: u8,
	/// Applied in float after dequantization; not proven.
	pub transform: OutputTransform,
}

/// How a zk version's key ceremony runs.
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
pub struct ZkParams {
	/// The QAP domain size of the model's circuit (`2^k` or `3·2^k`, at least
	/// its rows: `verity model hash` / `verity zk` print it). Keys are made for
	/// exactly this domain.
	pub domain_size: u32,
	/// The registrant takes the ceremony's first turn (contributing itself,
	/// e.g. with `verity ceremony contribute`).
	pub owner_contributes: bool,
}

/// Everything that describes one model version, as given to
/// [`register_model`](Pallet::register_model) and [`new_version`](Pallet::new_version).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct VersionDescriptor<T: Config> {
	/// Free-form version label chosen by the owner, e.g. `1.2.0` (may be empty).
	pub version: BoundedVec<u8, T::MaxVersionLen>,
	/// blake2-256 of the ONNX file.
	pub onnx_hash: Hash256,
	/// blake2-256 of the quantized model's canonical bytes (`verity model hash`).
	pub quantized_hash: Hash256,
	/// The key ceremony's parameters: required with zk support, absent without.
	pub zk: Option<ZkParams>,
	/// Activation width `b`: inputs and outputs are signed `b`-bit integers
	/// ([`MIN_ACT_BITS`]..=[`MAX_ACT_BITS`]).
	pub act_bits: u8,
	/// The model's inputs, in order (at least one).
	pub inputs: BoundedVec<InputDescriptor<T>, T::MaxIoTensors>,
	/// The model's outputs, in order (at least one).
	pub outputs: BoundedVec<OutputDescriptor<T>, T::MaxIoTensors>,
	/// Whether requests may ask for a proven result (once the key ceremony is final).
	pub supports_zk: bool,
	/// Whether requests may ask for a plain, unverified result.
	pub supports_vanilla: bool,
}

/// One slice of a sliced version, as given at registration: the part of the
/// quantized model between two cut points, a model of its own
/// (`QuantizedModel::slices`).
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
pub struct SliceDescriptor {
	/// blake2-256 of the slice's quantized model bytes (`verity model hash`
	/// of the slice): its proofs' `Statement::model_id`.
	pub quantized_hash: Hash256,
	/// Values entering the slice: the version's inputs for the first slice,
	/// the previous slice's outputs for the others.
	pub input_len: u32,
	/// Values leaving the slice: the version's outputs for the last slice.
	pub output_len: u32,
	/// The QAP domain size of the slice's circuit (as [`ZkParams::domain_size`]).
	pub domain_size: u32,
}

/// A registered slice ([`SliceSpecs`]).
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
pub struct SliceInfo {
	/// The sliced version it belongs to.
	pub model_id: ModelId,
	/// Its place in the version's chain (0: the slice the request's input enters).
	pub index: u32,
	/// What it was registered with.
	pub slice: SliceDescriptor,
}

/// A model family: its owner, name and versions.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct FamilyInfo<T: Config> {
	/// Who may add versions, deprecate them and transfer the family, and whose
	/// balance holds the deposits.
	pub owner: T::AccountId,
	/// The family's name (not unique across families).
	pub name: BoundedVec<u8, T::MaxNameLen>,
	/// Its versions, oldest first.
	pub versions: BoundedVec<ModelId, T::MaxVersions>,
	/// Total deposit held from `owner` for this family: the family record and
	/// every version.
	pub deposit: BalanceOf<T>,
}

/// The stored details of one model version (the part other pallets do not need;
/// see [`ModelSpec`] for the rest).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ModelInfo<T: Config> {
	/// The family the version belongs to.
	pub family: FamilyId,
	/// The owner's version label.
	pub version: BoundedVec<u8, T::MaxVersionLen>,
	/// blake2-256 of the ONNX file.
	pub onnx_hash: Hash256,
	/// The key ceremony's parameters (zk versions).
	pub zk: Option<ZkParams>,
	/// Fixed-point format of the inputs.
	pub inputs: BoundedVec<InputDescriptor<T>, T::MaxIoTensors>,
	/// Fixed-point format of the outputs.
	pub outputs: BoundedVec<OutputDescriptor<T>, T::MaxIoTensors>,
	/// Block of registration.
	pub registered_at: BlockNumberFor<T>,
	/// The part of the family's deposit that pays for this version.
	pub deposit: BalanceOf<T>,
}

/// The model registry: model families and their immutable versions (artifact
/// hashes, fixed-point input and output formats, supported modes; zk versions'
/// keys come from the key ceremony), paid for by storage deposits.
///
/// Calls: `register_model`, `new_version`, `deprecate`, `remove_version`,
/// `transfer_ownership`, `accept_ownership`, `register_sliced_model`,
/// `new_sliced_version`.
/// Other pallets read it through [`ModelRegistry`].
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The storage layout's version (0: the first layout; a change of layout
	/// bumps it and adds a `VersionedMigration` to the runtime's migrations).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
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

		/// Most inputs, and most outputs, of one model.
		#[pallet::constant]
		type MaxIoTensors: Get<u32>;

		/// Most dimensions of one input or output tensor.
		#[pallet::constant]
		type MaxShapeRank: Get<u32>;

		/// Most versions of one family.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// Most values a model's inputs may hold together: what one request
		/// can carry (the runtime gives the inference pallet's bound), so
		/// that no model registers that could never be requested.
		#[pallet::constant]
		type MaxInputValues: Get<u32>;

		/// Most values a model's outputs may hold together: what one result
		/// can carry.
		#[pallet::constant]
		type MaxOutputValues: Get<u32>;

		/// Most slices of one sliced version.
		#[pallet::constant]
		type MaxSlices: Get<u32>;

		/// Where zk versions' keys come from: the setup ceremony.
		type ZkSetup: ZkSetup<Self::AccountId>;

		/// Whether a version is still used (then it cannot be removed).
		type InUse: ModelInUse;

		/// Weights of the calls.
		type WeightInfo: WeightInfo;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of a model family and its versions.
		#[codec(index = 0)]
		ModelDeposit,
	}

	/// The [`ModelId`] the next registered version gets.
	#[pallet::storage]
	pub type NextModelId<T> = StorageValue<_, ModelId, ValueQuery>;

	/// The [`FamilyId`] the next registered family gets.
	#[pallet::storage]
	pub type NextFamilyId<T> = StorageValue<_, FamilyId, ValueQuery>;

	/// Every model family.
	#[pallet::storage]
	pub type Families<T: Config> = StorageMap<_, Blake2_128Concat, FamilyId, FamilyInfo<T>>;

	/// The spec of every registered model version (what other pallets read).
	#[pallet::storage]
	pub type Specs<T> = StorageMap<_, Blake2_128Concat, ModelId, ModelSpec>;

	/// The details of every registered model version.
	#[pallet::storage]
	pub type ModelDetails<T: Config> = StorageMap<_, Blake2_128Concat, ModelId, ModelInfo<T>>;

	/// The account each family's owner proposed to transfer it to.
	#[pallet::storage]
	pub type PendingOwners<T: Config> = StorageMap<_, Blake2_128Concat, FamilyId, T::AccountId>;

	/// The slices of every sliced version, in order.
	#[pallet::storage]
	pub type Slices<T: Config> =
		StorageMap<_, Blake2_128Concat, ModelId, BoundedVec<ModelId, T::MaxSlices>>;

	/// Every slice of a sliced version, by the slice's own id.
	#[pallet::storage]
	pub type SliceSpecs<T> = StorageMap<_, Blake2_128Concat, ModelId, SliceInfo>;

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new family was registered with its first version.
		ModelRegistered {
			/// The new family.
			family: FamilyId,
			/// Its first version.
			model_id: ModelId,
			/// The family's owner.
			owner: T::AccountId,
			/// The version's quantized-model hash.
			quantized_hash: Hash256,
			/// Deposit held from `owner` (family record and version).
			deposit: BalanceOf<T>,
		},
		/// A family got a new version.
		VersionAdded {
			/// The family.
			family: FamilyId,
			/// The new version.
			model_id: ModelId,
			/// The version's quantized-model hash.
			quantized_hash: Hash256,
			/// Deposit held from the owner for the version.
			deposit: BalanceOf<T>,
		},
		/// A version was deprecated: it accepts no new requests.
		ModelDeprecated {
			/// The family.
			family: FamilyId,
			/// The deprecated version.
			model_id: ModelId,
		},
		/// A deprecated version was removed and its deposit released.
		VersionRemoved {
			/// The family.
			family: FamilyId,
			/// The removed version.
			model_id: ModelId,
			/// Deposit released to the owner (the family's too, if this was
			/// its last version: the family is gone).
			deposit: BalanceOf<T>,
			/// Whether the family was removed with its last version.
			family_removed: bool,
		},
		/// The owner proposed to transfer a family.
		OwnershipTransferProposed {
			/// The family.
			family: FamilyId,
			/// The current owner.
			owner: T::AccountId,
			/// The account that may accept.
			new_owner: T::AccountId,
		},
		/// The owner withdrew a transfer proposal.
		OwnershipTransferCancelled {
			/// The family.
			family: FamilyId,
		},
		/// A family changed owner, and its deposit moved with it.
		OwnershipTransferred {
			/// The family.
			family: FamilyId,
			/// The previous owner (deposit released).
			from: T::AccountId,
			/// The new owner (deposit held).
			to: T::AccountId,
			/// The deposit that moved.
			deposit: BalanceOf<T>,
		},
		/// A version was registered sliced (after its `ModelRegistered` or
		/// `VersionAdded`): each slice's key ceremony has started.
		VersionSliced {
			/// The sliced version.
			model_id: ModelId,
			/// Its slices' ids, in order.
			slices: BoundedVec<ModelId, T::MaxSlices>,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// No family has this id.
		UnknownFamily,
		/// No model version has this id.
		UnknownModel,
		/// Only the family's owner may do this.
		NotOwner,
		/// The family already has `MaxVersions` versions.
		TooManyVersions,
		/// The version is already deprecated.
		AlreadyDeprecated,
		/// The family name is empty.
		EmptyName,
		/// Neither `supports_zk` nor `supports_vanilla` is set.
		NoModeSupported,
		/// `supports_zk` needs the key ceremony's parameters (`zk`).
		MissingZkParams,
		/// Ceremony parameters were given without `supports_zk`.
		UnexpectedZkParams,
		/// `act_bits` is outside `MIN_ACT_BITS..=MAX_ACT_BITS`.
		InvalidActBits,
		/// A `frac_bits` is above `MAX_FRAC_BITS`.
		InvalidFracBits,
		/// The model declares no inputs or no outputs.
		NoInputsOrOutputs,
		/// A tensor shape has a zero dimension.
		EmptyTensor,
		/// The inputs or the outputs together hold more than `u32::MAX` values.
		TensorTooLarge,
		/// A softmax axis is not below its output's rank.
		InvalidSoftmaxAxis,
		/// The proposed new owner already owns the family.
		AlreadyOwner,
		/// No transfer of this family is pending.
		NoPendingTransfer,
		/// The caller is not the account the transfer was proposed to.
		NotPendingOwner,
		/// A model or family id counter is exhausted.
		IdsExhausted,
		/// The held deposits do not match the records (never expected).
		DepositMismatch,
		/// Only a deprecated version can be removed.
		NotDeprecated,
		/// The version is still used (open requests, provisional results, or
		/// synchronous inference).
		InUse,
		/// The inputs hold more values than `MaxInputValues`, or the outputs
		/// more than `MaxOutputValues`: no request could carry them.
		TooManyValues,
		/// A sliced version needs at least two slices.
		TooFewSlices,
		/// The slices' value counts do not chain: the first slice must take
		/// the version's inputs, each next one its predecessor's outputs, and
		/// the last give the version's outputs.
		SlicesDoNotChain,
		/// A sliced version must support zk and give no `zk` parameters of its
		/// own (each slice has its domain).
		NotSliceable,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxNameLen::get() > 0, "MaxNameLen must allow a name");
			assert!(
				T::MaxVersions::get() > 0,
				"MaxVersions must allow a version"
			);
			assert!(
				T::MaxIoTensors::get() > 0,
				"MaxIoTensors must allow an input"
			);
			assert!(
				T::MaxShapeRank::get() > 0,
				"MaxShapeRank must allow a dimension"
			);
			assert!(
				T::MaxInputValues::get() > 0 && T::MaxOutputValues::get() > 0,
				"MaxInputValues and MaxOutputValues must allow a value"
			);
			assert!(
				T::MaxSlices::get() >= 2,
				"MaxSlices must allow a sliced version"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers a new model family owned by the caller, with `descriptor` as its
		/// first version.
		///
		/// With `supports_zk`, `descriptor.zk` is required (and refused without):
		/// the version's key ceremony starts ([`Config::ZkSetup`]); its `Zk`
		/// requests wait until the ceremony's key is final. Holds the deposit of
		/// the family record and the version (ceremony storage included) from the
		/// caller. Emits [`Event::ModelRegistered`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_model().saturating_add(T::ZkSetup::start_weight()))]
		pub fn register_model(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			descriptor: VersionDescriptor<T>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_register_model(owner, name, descriptor, &[])
		}

		/// Adds `descriptor` as a new version of `family` (owner only), with a new
		/// [`ModelId`]. The family's earlier versions stay usable until deprecated.
		///
		/// The same rules as [`register_model`](Pallet::register_model) apply to the
		/// descriptor (a zk version starts its own key ceremony). Holds the
		/// version's deposit from the owner. Emits [`Event::VersionAdded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::new_version().saturating_add(T::ZkSetup::start_weight()))]
		pub fn new_version(
			origin: OriginFor<T>,
			family: FamilyId,
			descriptor: VersionDescriptor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_new_version(who, family, descriptor, &[])
		}

		/// Deprecates the version `model_id` (owner of its family only): it accepts no
		/// new requests ([`ModelSpec::active`] becomes `false`); requests already made
		/// are not affected. Its record and deposit stay. Emits
		/// [`Event::ModelDeprecated`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deprecate())]
		pub fn deprecate(origin: OriginFor<T>, model_id: ModelId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut spec = Specs::<T>::get(model_id).ok_or(Error::<T>::UnknownModel)?;
			let family = ModelDetails::<T>::get(model_id)
				.ok_or(Error::<T>::UnknownModel)?
				.family;
			let info = Families::<T>::get(family).ok_or(Error::<T>::UnknownFamily)?;
			ensure!(info.owner == who, Error::<T>::NotOwner);
			ensure!(spec.active, Error::<T>::AlreadyDeprecated);
			spec.active = false;
			Specs::<T>::insert(model_id, spec);
			Self::deposit_event(Event::ModelDeprecated { family, model_id });
			Ok(())
		}

		/// Removes the deprecated version `model_id` (owner of its family only),
		/// once nothing uses it ([`Config::InUse`]): deletes its spec, details
		/// and key ceremony (a sliced version: its slices and their
		/// ceremonies) and releases its deposit. A family's last version takes
		/// the family (and a pending transfer of it) with it, and the family's
		/// deposit is released too. Emits [`Event::VersionRemoved`].
		#[pallet::call_index(5)]
		#[pallet::weight(Pallet::<T>::remove_version_weight(T::MaxSlices::get()))]
		pub fn remove_version(
			origin: OriginFor<T>,
			model_id: ModelId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let spec = Specs::<T>::get(model_id).ok_or(Error::<T>::UnknownModel)?;
			let record = ModelDetails::<T>::get(model_id).ok_or(Error::<T>::UnknownModel)?;
			let family = record.family;
			let mut info = Families::<T>::get(family).ok_or(Error::<T>::UnknownFamily)?;
			ensure!(info.owner == who, Error::<T>::NotOwner);
			ensure!(!spec.active, Error::<T>::NotDeprecated);
			ensure!(!T::InUse::in_use(model_id), Error::<T>::InUse);

			info.versions.retain(|v| *v != model_id);
			let family_removed = info.versions.is_empty();
			let deposit = if family_removed {
				info.deposit
			} else {
				record.deposit
			};
			T::Currency::release(
				&HoldReason::ModelDeposit.into(),
				&who,
				deposit,
				Precision::Exact,
			)
			.map_err(|_| Error::<T>::DepositMismatch)?;
			if family_removed {
				Families::<T>::remove(family);
				PendingOwners::<T>::remove(family);
			} else {
				info.deposit = info.deposit.saturating_sub(record.deposit);
				Families::<T>::insert(family, info);
			}
			if record.zk.is_some() {
				T::ZkSetup::remove(model_id);
			}
			let slices = Slices::<T>::take(model_id).unwrap_or_default();
			for slice in &slices {
				T::ZkSetup::remove(*slice);
				SliceSpecs::<T>::remove(slice);
			}
			Specs::<T>::remove(model_id);
			ModelDetails::<T>::remove(model_id);
			Self::deposit_event(Event::VersionRemoved {
				family,
				model_id,
				deposit,
				family_removed,
			});
			Ok(Some(Self::remove_version_weight(slices.len() as u32)).into())
		}

		/// Proposes `new_owner` as the owner of `family` (owner only), or with `None`
		/// withdraws a pending proposal. The transfer happens when `new_owner` calls
		/// [`accept_ownership`](Pallet::accept_ownership); a new proposal replaces the
		/// previous one. Emits [`Event::OwnershipTransferProposed`] or
		/// [`Event::OwnershipTransferCancelled`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::transfer_ownership())]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			family: FamilyId,
			new_owner: Option<AccountIdLookupOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let info = Families::<T>::get(family).ok_or(Error::<T>::UnknownFamily)?;
			ensure!(info.owner == who, Error::<T>::NotOwner);
			match new_owner {
				Some(new_owner) => {
					let new_owner = T::Lookup::lookup(new_owner)?;
					ensure!(new_owner != who, Error::<T>::AlreadyOwner);
					PendingOwners::<T>::insert(family, new_owner.clone());
					Self::deposit_event(Event::OwnershipTransferProposed {
						family,
						owner: who,
						new_owner,
					});
				}
				None => {
					ensure!(
						PendingOwners::<T>::take(family).is_some(),
						Error::<T>::NoPendingTransfer
					);
					Self::deposit_event(Event::OwnershipTransferCancelled { family });
				}
			}
			Ok(())
		}

		/// Accepts the transfer of `family` proposed to the caller: the caller becomes
		/// the owner, the family's whole deposit is held from the caller and released
		/// to the previous owner. Fails, changing nothing, if the caller cannot cover
		/// the deposit. Emits [`Event::OwnershipTransferred`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::accept_ownership())]
		pub fn accept_ownership(origin: OriginFor<T>, family: FamilyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let pending = PendingOwners::<T>::get(family).ok_or(Error::<T>::NoPendingTransfer)?;
			ensure!(pending == who, Error::<T>::NotPendingOwner);
			let mut info = Families::<T>::get(family).ok_or(Error::<T>::UnknownFamily)?;
			let reason = HoldReason::ModelDeposit.into();
			T::Currency::hold(&reason, &who, info.deposit)?;
			T::Currency::release(&reason, &info.owner, info.deposit, Precision::Exact)
				.map_err(|_| Error::<T>::DepositMismatch)?;
			let from = core::mem::replace(&mut info.owner, who.clone());
			let deposit = info.deposit;
			Families::<T>::insert(family, info);
			PendingOwners::<T>::remove(family);
			Self::deposit_event(Event::OwnershipTransferred {
				family,
				from,
				to: who,
				deposit,
			});
			Ok(())
		}

		/// Registers a new model family owned by the caller whose first
		/// version is proved in `slices` (see the module docs): `descriptor`
		/// describes the whole model, supports zk and has no `zk` parameters;
		/// the slices (at least two) chain from its inputs to its outputs.
		/// Each slice gets its id and its key ceremony; the version takes `Zk`
		/// requests once every slice's key is final. Holds the deposit of the
		/// family, the version and its slices (their ceremonies' storage
		/// included). Emits [`Event::ModelRegistered`], then
		/// [`Event::VersionSliced`].
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::sliced_weight(
			T::WeightInfo::register_sliced_model(slices.len() as u32),
			slices.len(),
		))]
		pub fn register_sliced_model(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			descriptor: VersionDescriptor<T>,
			slices: BoundedVec<SliceDescriptor, T::MaxSlices>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			ensure!(slices.len() >= 2, Error::<T>::TooFewSlices);
			Self::do_register_model(owner, name, descriptor, &slices)
		}

		/// Adds a version of `family` (owner only) proved in `slices`, under
		/// the rules of [`register_sliced_model`](Pallet::register_sliced_model).
		/// Holds the version's and its slices' deposit. Emits
		/// [`Event::VersionAdded`], then [`Event::VersionSliced`].
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::sliced_weight(
			T::WeightInfo::new_sliced_version(slices.len() as u32),
			slices.len(),
		))]
		pub fn new_sliced_version(
			origin: OriginFor<T>,
			family: FamilyId,
			descriptor: VersionDescriptor<T>,
			slices: BoundedVec<SliceDescriptor, T::MaxSlices>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(slices.len() >= 2, Error::<T>::TooFewSlices);
			Self::do_new_version(who, family, descriptor, &slices)
		}
	}
}

impl<T: Config> Pallet<T> {
	/// [`Pallet::register_model`] (no slices) and
	/// [`Pallet::register_sliced_model`].
	fn do_register_model(
		owner: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLen>,
		descriptor: VersionDescriptor<T>,
		slices: &[SliceDescriptor],
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let spec = Self::validate(&descriptor, slices)?;

		let family = NextFamilyId::<T>::get();
		let model_id = NextModelId::<T>::get();
		let record = Self::version_record(family, descriptor, &spec, slices.len())?;
		let mut info = FamilyInfo::<T> {
			owner: owner.clone(),
			name,
			versions: BoundedVec::truncate_from(alloc::vec![model_id]),
			deposit: Default::default(),
		};
		// The family record pays for all of itself but its version-list entry, which
		// the version pays for.
		let family_deposit = Self::deposit_for(
			info.encoded_size()
				.saturating_sub(ModelId::max_encoded_len()),
		)?;
		info.deposit = family_deposit
			.checked_add(&record.deposit)
			.ok_or(ArithmeticError::Overflow)?;
		T::Currency::hold(&HoldReason::ModelDeposit.into(), &owner, info.deposit)?;

		let deposit = info.deposit;
		NextFamilyId::<T>::put(family.checked_add(1).ok_or(Error::<T>::IdsExhausted)?);
		Families::<T>::insert(family, info);
		let slice_ids = Self::insert_version(model_id, record, spec.clone(), &owner, slices)?;
		Self::deposit_event(Event::ModelRegistered {
			family,
			model_id,
			owner,
			quantized_hash: spec.quantized_hash,
			deposit,
		});
		Self::note_sliced(model_id, slice_ids);
		Ok(())
	}

	/// [`Pallet::new_version`] (no slices) and [`Pallet::new_sliced_version`].
	fn do_new_version(
		who: T::AccountId,
		family: FamilyId,
		descriptor: VersionDescriptor<T>,
		slices: &[SliceDescriptor],
	) -> DispatchResult {
		let mut info = Families::<T>::get(family).ok_or(Error::<T>::UnknownFamily)?;
		ensure!(info.owner == who, Error::<T>::NotOwner);
		let spec = Self::validate(&descriptor, slices)?;

		let model_id = NextModelId::<T>::get();
		info.versions
			.try_push(model_id)
			.map_err(|_| Error::<T>::TooManyVersions)?;
		let record = Self::version_record(family, descriptor, &spec, slices.len())?;
		let deposit = record.deposit;
		info.deposit = info
			.deposit
			.checked_add(&deposit)
			.ok_or(ArithmeticError::Overflow)?;
		T::Currency::hold(&HoldReason::ModelDeposit.into(), &who, deposit)?;

		Families::<T>::insert(family, info);
		let slice_ids = Self::insert_version(model_id, record, spec.clone(), &who, slices)?;
		Self::deposit_event(Event::VersionAdded {
			family,
			model_id,
			quantized_hash: spec.quantized_hash,
			deposit,
		});
		Self::note_sliced(model_id, slice_ids);
		Ok(())
	}

	/// Emits [`Event::VersionSliced`] for a sliced version.
	fn note_sliced(model_id: ModelId, slices: BoundedVec<ModelId, T::MaxSlices>) {
		if !slices.is_empty() {
			Self::deposit_event(Event::VersionSliced { model_id, slices });
		}
	}

	/// A sliced registration's weight: the call's own (`base`, benchmarked
	/// for its number of slices) and one key ceremony start per slice.
	fn sliced_weight(base: Weight, slices: usize) -> Weight {
		base.saturating_add(T::ZkSetup::start_weight().saturating_mul(slices as u64))
	}

	/// [`Pallet::remove_version`]'s weight for a version of `slices` slices
	/// (0: not sliced): the call's own and every key ceremony removed.
	fn remove_version_weight(slices: u32) -> Weight {
		T::WeightInfo::remove_version(slices)
			.saturating_add(T::ZkSetup::remove_weight().saturating_mul(slices.max(1).into()))
	}

	/// The deposit for a record of `bytes` bytes.
	fn deposit_for(bytes: usize) -> Result<BalanceOf<T>, DispatchError> {
		let bytes: BalanceOf<T> = u32::try_from(bytes)
			.map_err(|_| ArithmeticError::Overflow)?
			.into();
		T::DepositPerByte::get()
			.checked_mul(&bytes)
			.and_then(|d| d.checked_add(&T::DepositBase::get()))
			.ok_or_else(|| ArithmeticError::Overflow.into())
	}

	/// Checks a version descriptor, and the slices of a sliced version (none
	/// for others); returns the version's spec.
	fn validate(
		d: &VersionDescriptor<T>,
		slices: &[SliceDescriptor],
	) -> Result<ModelSpec, DispatchError> {
		ensure!(
			d.supports_zk || d.supports_vanilla,
			Error::<T>::NoModeSupported
		);
		ensure!(
			(MIN_ACT_BITS..=MAX_ACT_BITS).contains(&d.act_bits),
			Error::<T>::InvalidActBits
		);
		ensure!(
			!d.inputs.is_empty() && !d.outputs.is_empty(),
			Error::<T>::NoInputsOrOutputs
		);
		let mut input_len = 0u32;
		for input in &d.inputs {
			ensure!(
				input.frac_bits <= MAX_FRAC_BITS,
				Error::<T>::InvalidFracBits
			);
			input_len = input_len
				.checked_add(Self::num_values(&input.shape)?)
				.ok_or(Error::<T>::TensorTooLarge)?;
		}
		let mut output_len = 0u32;
		for output in &d.outputs {
			ensure!(
				output.frac_bits <= MAX_FRAC_BITS,
				Error::<T>::InvalidFracBits
			);
			if let OutputTransform::Softmax { axis } = output.transform {
				ensure!(
					(axis as usize) < output.shape.len(),
					Error::<T>::InvalidSoftmaxAxis
				);
			}
			output_len = output_len
				.checked_add(Self::num_values(&output.shape)?)
				.ok_or(Error::<T>::TensorTooLarge)?;
		}
		ensure!(
			input_len <= T::MaxInputValues::get() && output_len <= T::MaxOutputValues::get(),
			Error::<T>::TooManyValues
		);
		if slices.is_empty() {
			match (d.supports_zk, d.zk.is_some()) {
				(true, false) => return Err(Error::<T>::MissingZkParams.into()),
				(false, true) => return Err(Error::<T>::UnexpectedZkParams.into()),
				_ => {}
			}
		} else {
			ensure!(d.supports_zk && d.zk.is_none(), Error::<T>::NotSliceable);
			Self::check_chain(input_len, output_len, slices)?;
		}
		Ok(ModelSpec {
			quantized_hash: d.quantized_hash,
			input_len,
			output_len,
			act_bits: d.act_bits.into(),
			supports_zk: d.supports_zk,
			supports_vanilla: d.supports_vanilla,
			active: true,
		})
	}

	/// Checks that `slices` (at least two) chain from `input_len` values to
	/// `output_len`: each takes what its predecessor gives, none gives nothing.
	fn check_chain(input_len: u32, output_len: u32, slices: &[SliceDescriptor]) -> DispatchResult {
		ensure!(slices.len() >= 2, Error::<T>::TooFewSlices);
		let mut entering = input_len;
		for slice in slices {
			ensure!(
				slice.input_len == entering && slice.output_len > 0,
				Error::<T>::SlicesDoNotChain
			);
			entering = slice.output_len;
		}
		ensure!(entering == output_len, Error::<T>::SlicesDoNotChain);
		Ok(())
	}

	/// The number of values of a tensor of `shape`.
	fn num_values(shape: &[u32]) -> Result<u32, DispatchError> {
		let mut n = 1u32;
		for &dim in shape {
			ensure!(dim > 0, Error::<T>::EmptyTensor);
			n = n.checked_mul(dim).ok_or(Error::<T>::TensorTooLarge)?;
		}
		Ok(n)
	}

	/// The stored details of a validated version of `family` (sliced in
	/// `slices` slices, 0 if not), with its deposit.
	fn version_record(
		family: FamilyId,
		d: VersionDescriptor<T>,
		spec: &ModelSpec,
		slices: usize,
	) -> Result<ModelInfo<T>, DispatchError> {
		let mut record = ModelInfo::<T> {
			family,
			version: d.version,
			onnx_hash: d.onnx_hash,
			zk: d.zk,
			inputs: d.inputs,
			outputs: d.outputs,
			registered_at: frame_system::Pallet::<T>::block_number(),
			deposit: Default::default(),
		};
		// Spec, details, the key ceremonies' storage (the version's, or one
		// per slice), the slices' records and their list, and the version's
		// entry in its family's list.
		let ceremonies = if record.zk.is_some() { 1 } else { slices };
		let slice_bytes = if slices == 0 {
			0
		} else {
			slices
				.saturating_mul(
					SliceInfo::max_encoded_len().saturating_add(ModelId::max_encoded_len()),
				)
				.saturating_add(codec::Compact(slices as u32).encoded_size())
		};
		let bytes = spec
			.encoded_size()
			.saturating_add(record.encoded_size())
			.saturating_add(ceremonies.saturating_mul(T::ZkSetup::storage_bytes() as usize))
			.saturating_add(slice_bytes)
			.saturating_add(ModelId::max_encoded_len());
		record.deposit = Self::deposit_for(bytes)?;
		Ok(record)
	}

	/// Stores a version as `model_id`, the next id, and its slices (if any)
	/// under the ids after it, bumps the id counter, and starts the key
	/// ceremony of a zk version, or of each slice (every slice's output but
	/// the last's a boundary). Returns the slices' ids.
	fn insert_version(
		model_id: ModelId,
		record: ModelInfo<T>,
		spec: ModelSpec,
		owner: &T::AccountId,
		slices: &[SliceDescriptor],
	) -> Result<BoundedVec<ModelId, T::MaxSlices>, DispatchError> {
		let mut next = model_id.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
		if let Some(zk) = record.zk {
			let first = zk.owner_contributes.then_some(owner);
			T::ZkSetup::start(model_id, &spec, zk.domain_size, first, false)?;
		}
		let mut ids = alloc::vec::Vec::with_capacity(slices.len());
		for (index, slice) in slices.iter().enumerate() {
			let slice_id = next;
			next = next.checked_add(1).ok_or(Error::<T>::IdsExhausted)?;
			let slice_spec = ModelSpec {
				quantized_hash: slice.quantized_hash,
				input_len: slice.input_len,
				output_len: slice.output_len,
				act_bits: spec.act_bits,
				supports_zk: true,
				supports_vanilla: false,
				active: true,
			};
			let boundary_output = index + 1 < slices.len();
			T::ZkSetup::start(
				slice_id,
				&slice_spec,
				slice.domain_size,
				None,
				boundary_output,
			)?;
			SliceSpecs::<T>::insert(
				slice_id,
				SliceInfo {
					model_id,
					index: index as u32,
					slice: *slice,
				},
			);
			ids.push(slice_id);
		}
		// The calls take at most `MaxSlices` slices.
		let ids = BoundedVec::truncate_from(ids);
		if !ids.is_empty() {
			Slices::<T>::insert(model_id, ids.clone());
		}
		NextModelId::<T>::put(next);
		Specs::<T>::insert(model_id, spec);
		ModelDetails::<T>::insert(model_id, record);
		Ok(ids)
	}

	/// The pallet's invariants:
	/// * every family's versions exist, belong to it, and their deposits sum to at
	///   most the family's deposit, the rest (the family record's) being at least
	///   `DepositBase`;
	/// * every version (spec, details) belongs to a family that lists it, has
	///   ceremony parameters exactly when it supports zk, and its id is below
	///   `NextModelId`;
	/// * the deposit held from every owner equals the sum of their families' deposits;
	/// * pending transfers are for existing families.
	///
	/// Always compiled: the runtime API `InferenceApi::check_invariants`
	/// runs it on any block's state, off chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::Saturating;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut versions = 0usize;
		let next_family = NextFamilyId::<T>::get();
		for (id, family) in Families::<T>::iter() {
			ensure!(id < next_family, "family id not below NextFamilyId");
			ensure!(!family.versions.is_empty(), "family without versions");
			let mut sum = BalanceOf::<T>::default();
			for model_id in &family.versions {
				let model =
					ModelDetails::<T>::get(model_id).ok_or("family lists an unknown version")?;
				ensure!(
					model.family == id,
					"version listed by a family it does not belong to"
				);
				sum = sum.saturating_add(model.deposit);
				versions += 1;
			}
			ensure!(
				family.deposit.saturating_sub(sum) >= T::DepositBase::get()
					&& sum <= family.deposit,
				"family deposit below the sum of its parts"
			);
			let entry = held.entry(family.owner.clone()).or_default();
			*entry = entry.saturating_add(family.deposit);
		}
		let next_model = NextModelId::<T>::get();
		let mut models = 0usize;
		for (id, model) in ModelDetails::<T>::iter() {
			models += 1;
			ensure!(id < next_model, "model id not below NextModelId");
			let family = Families::<T>::get(model.family).ok_or("version of an unknown family")?;
			ensure!(
				family.versions.contains(&id),
				"version missing from its family's list"
			);
			let spec = Specs::<T>::get(id).ok_or("version without a spec")?;
			let sliced = Slices::<T>::contains_key(id);
			ensure!(
				spec.supports_zk == (model.zk.is_some() || sliced)
					&& !(model.zk.is_some() && sliced),
				"ceremony parameters or slices (not both) present iff zk is supported"
			);
		}
		let mut slices = 0usize;
		for (id, list) in Slices::<T>::iter() {
			ensure!(
				ModelDetails::<T>::contains_key(id),
				"slices of an unknown version"
			);
			ensure!(
				list.len() >= 2,
				"a sliced version with fewer than two slices"
			);
			for (index, slice_id) in list.iter().enumerate() {
				let info =
					SliceSpecs::<T>::get(slice_id).ok_or("a listed slice without a record")?;
				ensure!(
					info.model_id == id && info.index as usize == index,
					"a slice listed out of place"
				);
				ensure!(*slice_id < next_model, "slice id not below NextModelId");
				ensure!(
					!Specs::<T>::contains_key(slice_id),
					"a slice registered as a version"
				);
				slices += 1;
			}
		}
		ensure!(
			SliceSpecs::<T>::iter_keys().count() == slices,
			"slice records not listed by exactly one version"
		);
		ensure!(
			models == versions,
			"versions not listed by exactly one family"
		);
		ensure!(
			Specs::<T>::iter_keys().count() == models,
			"spec without details"
		);
		for (owner, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ModelDeposit.into(), &owner) == amount,
				"held deposit differs from the recorded deposits"
			);
		}
		ensure!(
			PendingOwners::<T>::iter_keys().all(Families::<T>::contains_key),
			"pending transfer of an unknown family"
		);
		Ok(())
	}
}

impl<T: Config> ModelRegistry for Pallet<T> {
	fn spec(id: ModelId) -> Option<ModelSpec> {
		Specs::<T>::get(id)
	}

	fn verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>> {
		T::ZkSetup::verifying_key(id)
	}

	fn prepared_verifying_key(id: ModelId) -> Option<alloc::vec::Vec<u8>> {
		T::ZkSetup::prepared_verifying_key(id)
	}

	fn proving_key_hash(id: ModelId) -> Option<Hash256> {
		T::ZkSetup::proving_key_hash(id)
	}

	fn slices(id: ModelId) -> Option<alloc::vec::Vec<(ModelId, SliceInfo)>> {
		Slices::<T>::get(id)?
			.into_iter()
			.map(|slice| SliceSpecs::<T>::get(slice).map(|info| (slice, info)))
			.collect()
	}
}
