//! The node side of the precompile: where models come from, the parse cache,
//! and the fixed-point run.
//!
//! The model source is process-wide rather than an externalities extension:
//! a node has one artifact store, and the benchmark CLI (`benchmark pallet`)
//! builds its own externalities with no hook for extra extensions, yet must
//! run the precompile too.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex, PoisonError, RwLock},
};

use verity_artifacts::ArtifactStore;
use verity_inference::{
	hash::to_hex,
	quant::{arith::bit_range, IntTensor, QInput, QNode, QOp, QOutput, QuantizedModel, TensorSpec},
	quant::{OutputTransform, QMODEL_FORMAT},
};

use crate::{Hash256, PrecompileError, BENCH_LAYER_WORK, MAX_BENCH_LAYERS};

/// Log target of the precompile.
const LOG_TARGET: &str = "verity::precompile";

/// Parsed models kept in memory; the cache is emptied when it is full.
const CACHE_CAPACITY: usize = 32;

/// Where the precompile reads model bytes it has not parsed yet.
pub trait ModelSource: Send + Sync {
	/// The bytes stored under `hash` (already checked to hash to it), `None`
	/// if this node does not have them.
	fn model_bytes(&self, hash: &Hash256) -> Option<Vec<u8>>;

	/// Called when a run needed `hash` and the source did not have it, so the
	/// node can fetch it (for the next attempt).
	fn missing(&self, _hash: &Hash256) {}
}

/// A [`ModelSource`] over the node's [`ArtifactStore`], reporting missing
/// artifacts to `on_missing`.
pub struct StoreSource {
	store: Arc<ArtifactStore>,
	on_missing: Box<dyn Fn(Hash256) + Send + Sync>,
}

impl StoreSource {
	/// Reads `store`; `on_missing` is told every hash a run asked for and the
	/// store did not have.
	pub fn new(
		store: Arc<ArtifactStore>,
		on_missing: impl Fn(Hash256) + Send + Sync + 'static,
	) -> Self {
		Self {
			store,
			on_missing: Box::new(on_missing),
		}
	}
}

impl ModelSource for StoreSource {
	fn model_bytes(&self, hash: &Hash256) -> Option<Vec<u8>> {
		match self.store.get(hash) {
			Ok(bytes) => bytes,
			Err(e) => {
				log::warn!(target: LOG_TARGET, "reading model {}: {e}", to_hex(hash));
				None
			}
		}
	}

	fn missing(&self, hash: &Hash256) {
		(self.on_missing)(*hash)
	}
}

/// The installed source and the models parsed so far.
#[derive(Default)]
struct State {
	source: RwLock<Option<Arc<dyn ModelSource>>>,
	/// Parsed models by hash; a cached `Err` is a model whose bytes do not parse.
	cache: Mutex<HashMap<Hash256, Arc<Result<QuantizedModel, ()>>>>,
	/// Synthetic benchmark models, never evicted (at most [`MAX_BENCH_LAYERS`]).
	bench: Mutex<HashMap<Hash256, Arc<Result<QuantizedModel, ()>>>>,
}

fn state() -> &'static State {
	static STATE: std::sync::OnceLock<State> = std::sync::OnceLock::new();
	STATE.get_or_init(State::default)
}

/// Installs the node's model source (replacing any earlier one).
pub fn set_model_source(source: Arc<dyn ModelSource>) {
	*state()
		.source
		.write()
		.unwrap_or_else(PoisonError::into_inner) = Some(source);
}

/// The parsed model behind `hash`, `None` if no source has its bytes.
fn model(hash: &Hash256) -> Option<Arc<Result<QuantizedModel, ()>>> {
	let state = state();
	if let Some(model) = state
		.bench
		.lock()
		.unwrap_or_else(PoisonError::into_inner)
		.get(hash)
	{
		return Some(model.clone());
	}
	if let Some(model) = state
		.cache
		.lock()
		.unwrap_or_else(PoisonError::into_inner)
		.get(hash)
	{
		return Some(model.clone());
	}
	let source = state
		.source
		.read()
		.unwrap_or_else(PoisonError::into_inner)
		.clone();
	let Some(source) = source else {
		log::error!(target: LOG_TARGET, "no model source installed; cannot run {}", to_hex(hash));
		return None;
	};
	let Some(bytes) = source.model_bytes(hash) else {
		log::error!(
			target: LOG_TARGET,
			"this node does not have the quantized model {} a precompile call needs; fetching it \
			 from peers (a block calling it cannot be built or imported here until then)",
			to_hex(hash)
		);
		source.missing(hash);
		return None;
	};
	let parsed = Arc::new(QuantizedModel::from_bytes(&bytes).map_err(|e| {
		log::warn!(target: LOG_TARGET, "artifact {} is not a valid quantized model: {e}", to_hex(hash));
	}));
	let mut cache = state.cache.lock().unwrap_or_else(PoisonError::into_inner);
	if cache.len() >= CACHE_CAPACITY {
		cache.clear();
	}
	cache.insert(*hash, parsed.clone());
	Some(parsed)
}

/// The host side of [`crate::verity_precompile::run`].
pub fn execute(
	quantized_hash: &Hash256,
	input: &[i32],
	max_work: u64,
) -> Option<Result<Vec<i32>, PrecompileError>> {
	let model = model(quantized_hash)?;
	Some(match &*model {
		Ok(model) => run_model(model, input, max_work),
		Err(()) => Err(PrecompileError::InvalidModel),
	})
}

/// The host side of [`crate::verity_precompile::work`].
pub fn work(quantized_hash: &Hash256) -> Option<Result<u64, PrecompileError>> {
	let model = model(quantized_hash)?;
	Some(
		model
			.as_ref()
			.as_ref()
			.map(QuantizedModel::work)
			.map_err(|()| PrecompileError::InvalidModel),
	)
}

/// Checks the call against the model and runs it in fixed point.
pub fn run_model(
	model: &QuantizedModel,
	input: &[i32],
	max_work: u64,
) -> Result<Vec<i32>, PrecompileError> {
	let work = model.work();
	if work > max_work {
		return Err(PrecompileError::WorkExceeded { work });
	}
	// The engine's overflow guarantee holds for inputs inside the activation range.
	let (low, high) = bit_range(model.act_bits);
	if input.iter().any(|&v| !(low..=high).contains(&i64::from(v))) {
		return Err(PrecompileError::InputOutOfRange);
	}
	let expected = || PrecompileError::InputLength {
		expected: model
			.inputs
			.iter()
			.filter_map(|i| model.tensors.get(i.tensor))
			.map(|spec| spec.shape.iter().product::<usize>())
			.sum::<usize>()
			.try_into()
			.unwrap_or(u32::MAX),
	};
	let tensors = model.input_tensors(input).map_err(|_| expected())?;
	// A validated model with in-range inputs runs without error; an error here
	// would be the same on every node, so it is reported, not trapped.
	let outputs = model
		.run(&tensors)
		.map_err(|_| PrecompileError::InvalidModel)?;
	// Outputs are `act_bits`-bit (at most 24) integers: they fit in i32.
	Ok(outputs
		.iter()
		.flat_map(|t| {
			t.data
				.iter()
				.map(|&v| v.clamp(i32::MIN.into(), i32::MAX.into()) as i32)
		})
		.collect())
}

/// The synthetic benchmark model of `layers` (1..=[`MAX_BENCH_LAYERS`]) 32×32
/// linear layers with fixed pseudo-random 8-bit weights.
pub fn bench_model(layers: u32) -> QuantizedModel {
	const WIDTH: usize = 32;
	let layers = layers.clamp(1, MAX_BENCH_LAYERS) as usize;
	let spec = || TensorSpec {
		shape: vec![1, WIDTH],
		frac_bits: 4,
	};
	let ops = (0..layers)
		.map(|l| QNode {
			name: format!("fc{l}"),
			op: QOp::Linear {
				input: l,
				weight: IntTensor {
					shape: vec![WIDTH, WIDTH],
					data: (0..WIDTH * WIDTH)
						.map(|i| ((i * 37 + l * 11) % 31) as i64 - 15)
						.collect(),
				},
				weight_frac_bits: 4,
				bias: (0..WIDTH).map(|j| j as i64 - 16).collect(),
				shift: 4,
			},
		})
		.collect();
	QuantizedModel {
		format: QMODEL_FORMAT.into(),
		act_bits: 8,
		source_onnx_hash: String::new(),
		tensors: (0..=layers).map(|_| spec()).collect(),
		inputs: vec![QInput {
			name: "x".into(),
			tensor: 0,
		}],
		outputs: vec![QOutput {
			name: "y".into(),
			tensor: layers,
			transform: OutputTransform::None,
		}],
		ops,
	}
}

/// The host side of [`crate::verity_precompile::bench_model`].
pub fn install_bench_model(layers: u32) -> Hash256 {
	let model = bench_model(layers);
	debug_assert_eq!(
		model.work(),
		u64::from(layers.clamp(1, MAX_BENCH_LAYERS)) * BENCH_LAYER_WORK
	);
	let hash = model.hash();
	state()
		.bench
		.lock()
		.unwrap_or_else(PoisonError::into_inner)
		.entry(hash)
		.or_insert_with(|| Arc::new(Ok(model)));
	hash
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::run;

	fn store_with(bytes: &[u8]) -> (tempfile::TempDir, Arc<ArtifactStore>, Hash256) {
		let dir = tempfile::tempdir().unwrap();
		let store = Arc::new(ArtifactStore::open(dir.path(), 1 << 24).unwrap());
		let hash = store.insert(bytes).unwrap();
		(dir, store, hash)
	}

	#[test]
	fn bench_models_cost_what_their_layers_say_and_validate() {
		for layers in [1, 7, 64] {
			let model = bench_model(layers);
			model.validate().unwrap();
			assert_eq!(model.work(), u64::from(layers) * BENCH_LAYER_WORK);
		}
		assert_ne!(bench_model(2).hash(), bench_model(3).hash());
	}

	#[test]
	fn runs_a_stored_model_exactly_like_the_engine_and_refuses_bad_calls() {
		let model = bench_model(3);
		let (_dir, store, hash) = store_with(&model.to_bytes());
		let missing = Arc::new(Mutex::new(Vec::new()));
		let seen = missing.clone();
		set_model_source(Arc::new(StoreSource::new(store, move |h| {
			seen.lock().unwrap().push(h)
		})));

		let input: Vec<i32> = (0..32).map(|i| i * 7 % 255 - 127).collect();
		let tensors = model.input_tensors(&input).unwrap();
		let expected: Vec<i32> = model.run(&tensors).unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		let work = model.work();
		assert_eq!(run(&hash, &input, work), Ok(expected));
		assert_eq!(crate::work(&hash), Ok(work));

		assert_eq!(
			run(&hash, &input, work - 1),
			Err(PrecompileError::WorkExceeded { work })
		);
		assert_eq!(
			run(&hash, &input[..31], work),
			Err(PrecompileError::InputLength { expected: 32 })
		);
		let mut too_big = input.clone();
		too_big[5] = 128;
		assert_eq!(
			run(&hash, &too_big, work),
			Err(PrecompileError::InputOutOfRange)
		);

		// A hash the store lacks: the host reports it missing (None) and asks for it.
		let unknown = [7u8; 32];
		assert_eq!(execute(&unknown, &input, work), None);
		assert!(missing.lock().unwrap().contains(&unknown));
		assert!(std::panic::catch_unwind(|| run(&unknown, &input, work)).is_err());
	}
}
