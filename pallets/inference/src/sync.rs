//! Synchronous inference: models run inside the extrinsic by the node's
//! inference precompile ([`verity_precompile`]), for `infer_now` and for other
//! pallets through [`InferenceProvider`].
//!
//! The precompile runs the model's quantized bytes from chain state
//! ([`ModelBytes`](crate::ModelBytes), stored with a deposit by
//! `store_model_bytes`), never a file of the node's: every node, also one
//! syncing from genesis, computes the same output from the same state.
//!
//! Only models the [`Config::SyncOrigin`](crate::Config::SyncOrigin) enabled
//! ([`SyncModels`](crate::SyncModels)) run this way, and only while their work
//! (multiply-accumulates plus one unit per computed value, computed by the
//! node from the model itself when it is enabled) is within the on-chain bound
//! [`SyncWorkBound`](crate::SyncWorkBound). A call's weight is the benchmarked
//! linear formula in that work, known before the call runs.

use alloc::vec::Vec;
use frame_support::{dispatch::DispatchResult, ensure, traits::Get, weights::Weight};
use pallet_models::{ModelId, ModelRegistry, ModelSpec};
use sp_runtime::DispatchError;
use verity_precompile::{PrecompileError, BENCH_LAYER_WORK};

use crate::{Config, Error, ModelBytes, Pallet, SyncModels, SyncWorkBound, WeightInfo};

/// Synchronous inference for other pallets (and later smart contracts): runs
/// a sync-enabled model in the calling extrinsic.
///
/// Charge [`Self::infer_weight`] in the calling extrinsic's weight: the
/// provider does not charge it itself.
pub trait InferenceProvider {
	/// The weight of [`Self::infer`] on `model_id`, from the model's work by
	/// the benchmarked formula; the base weight if the model is not enabled
	/// (then `infer` fails at once).
	fn infer_weight(model_id: ModelId) -> Weight;

	/// Runs `model_id` on `input` (the engine's fixed-point integers, every
	/// model input flattened in order) and returns its output integers.
	/// Fails with a pallet error if the model is not enabled for synchronous
	/// use, is deprecated, exceeds the work bound, or the input does not fit.
	fn infer(model_id: ModelId, input: &[i32]) -> Result<Vec<i32>, DispatchError>;
}

/// The benchmark component of a model doing `work` units: work in units of
/// one synthetic benchmark layer, rounded up.
pub fn work_component(work: u64) -> u32 {
	u32::try_from(work.div_ceil(BENCH_LAYER_WORK)).unwrap_or(u32::MAX)
}

impl<T: Config> Pallet<T> {
	/// The weight of `infer_now` on `model_id` (see [`InferenceProvider::infer_weight`]).
	pub fn infer_now_weight(model_id: ModelId) -> Weight {
		let work = SyncModels::<T>::get(model_id).unwrap_or(0);
		T::WeightInfo::infer_now(work_component(work))
	}

	/// Checks that `model_id` may run synchronously on `input`, runs it
	/// through the precompile and checks the output against the spec.
	/// Returns the spec, the work and the output.
	pub(crate) fn run_sync(
		model_id: ModelId,
		input: &[i32],
	) -> Result<(ModelSpec, u64, Vec<i32>), DispatchError> {
		let work = SyncModels::<T>::get(model_id).ok_or(Error::<T>::NotSyncEnabled)?;
		let spec = T::Models::spec(model_id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(spec.active, Error::<T>::ModelInactive);
		Self::check_spec(&spec)?;
		ensure!(
			work <= SyncWorkBound::<T>::get(),
			Error::<T>::WorkAboveBound
		);
		ensure!(
			input.len() == spec.input_len as usize,
			Error::<T>::WrongInputLength
		);
		ensure!(
			crate::in_range(input, spec.act_bits),
			Error::<T>::InputOutOfRange
		);
		let bytes =
			ModelBytes::<T>::get(spec.quantized_hash).ok_or(Error::<T>::ModelBytesMissing)?;
		// The weight was charged for `work`: the host refuses a model doing more.
		let output = verity_precompile::run(&spec.quantized_hash, &bytes, input, work)
			.map_err(Self::precompile_error)?;
		ensure!(
			output.len() == spec.output_len as usize,
			Error::<T>::ModelArtifactMismatch
		);
		Ok((spec, work, output))
	}

	/// The work of `model_id`'s quantized model (its stored bytes, run by the
	/// precompile), checked against the bound (for enabling it).
	pub(crate) fn sync_work(model_id: ModelId) -> Result<u64, DispatchError> {
		let spec = T::Models::spec(model_id).ok_or(Error::<T>::UnknownModel)?;
		ensure!(spec.active, Error::<T>::ModelInactive);
		Self::check_spec(&spec)?;
		let bytes =
			ModelBytes::<T>::get(spec.quantized_hash).ok_or(Error::<T>::ModelBytesMissing)?;
		let work = verity_precompile::work(&spec.quantized_hash, &bytes)
			.map_err(Self::precompile_error)?;
		ensure!(
			work <= SyncWorkBound::<T>::get(),
			Error::<T>::WorkAboveBound
		);
		Ok(work)
	}

	/// Sets the work bound, at most `MaxSyncWork`.
	pub(crate) fn check_work_bound(bound: u64) -> DispatchResult {
		ensure!(bound <= T::MaxSyncWork::get(), Error::<T>::WorkBoundTooHigh);
		Ok(())
	}

	fn precompile_error(e: PrecompileError) -> DispatchError {
		match e {
			PrecompileError::WorkExceeded { .. } | PrecompileError::InvalidModel => {
				Error::<T>::ModelArtifactMismatch
			}
			PrecompileError::InputLength { .. } => Error::<T>::WrongInputLength,
			PrecompileError::InputOutOfRange => Error::<T>::InputOutOfRange,
		}
		.into()
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Benchmarks (this pallet's and other pallets'): registers, as `owner`
	/// (funded by the caller for the registry's and the bytes' deposits), a
	/// fresh variant of the precompile's synthetic model of `layers` 32×32
	/// layers (32 inputs and outputs, 8-bit activations, work `layers ·
	/// BENCH_LAYER_WORK`), stores its bytes and, if `enable`, enables it with
	/// `SyncOrigin`. Returns its id.
	pub fn benchmark_sync_model(owner: &T::AccountId, layers: u32, enable: bool) -> ModelId {
		use crate::BenchmarkHelper as _;
		use frame_support::traits::EnsureOrigin;
		let bytes = verity_precompile::verity_precompile::bench_model(layers);
		let hash = sp_io::hashing::blake2_256(&bytes);
		let len = bytes.len();
		let Ok(bytes) = frame_support::BoundedVec::try_from(bytes) else {
			panic!("the benchmark model ({len} bytes) does not fit MaxModelBytes");
		};
		let stored =
			Self::store_model_bytes(frame_system::RawOrigin::Signed(owner.clone()).into(), bytes);
		assert!(stored.is_ok(), "storing the benchmark model: {stored:?}");
		let spec = ModelSpec {
			quantized_hash: hash,
			input_len: 32,
			output_len: 32,
			act_bits: 8,
			supports_zk: false,
			supports_vanilla: true,
			active: true,
		};
		let model = T::BenchmarkHelper::register_model(owner, spec, None);
		if enable {
			let origin = T::SyncOrigin::try_successful_origin();
			assert!(origin.is_ok(), "SyncOrigin has no successful origin");
			if let Ok(origin) = origin {
				let enabled = Self::set_sync_model(origin, model, true);
				assert!(enabled.is_ok(), "enabling the benchmark model: {enabled:?}");
			}
		}
		model
	}
}

impl<T: Config> InferenceProvider for Pallet<T> {
	fn infer_weight(model_id: ModelId) -> Weight {
		Self::infer_now_weight(model_id)
	}

	fn infer(model_id: ModelId, input: &[i32]) -> Result<Vec<i32>, DispatchError> {
		Self::run_sync(model_id, input).map(|(_, _, output)| output)
	}
}
