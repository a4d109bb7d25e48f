//! The node side of the precompile: the parse cache and the fixed-point run.
//!
//! The cache is process-wide rather than an externalities extension: the
//! benchmark CLI (`benchmark pallet`) builds its own externalities with no
//! hook for extra extensions, yet must run the precompile too.

use std::{
	collections::HashMap,
	sync::{Arc, Mutex, PoisonError},
};

use verity_inference::{
	hash::{blake2_256, to_hex},
	quant::{arith::bit_range, IntTensor, QInput, QNode, QOp, QOutput, QuantizedModel, TensorSpec},
	quant::{OutputTransform, QMODEL_FORMAT},
};

use crate::{Hash256, PrecompileError, MAX_BENCH_LAYERS};

/// Log target of the precompile.
const LOG_TARGET: &str = "verity::precompile";

/// Parsed models kept in memory; the cache is emptied when it is full.
const CACHE_CAPACITY: usize = 32;

/// A parsed model, or `Err` for bytes that are no valid model of their hash.
type Parsed = Arc<Result<QuantizedModel, ()>>;

/// Parsed models by hash.
fn cache() -> &'static Mutex<HashMap<Hash256, Parsed>> {
	static CACHE: std::sync::OnceLock<Mutex<HashMap<Hash256, Parsed>>> = std::sync::OnceLock::new();
	CACHE.get_or_init(Default::default)
}

/// The model `bytes` (which the runtime says hash to `hash`), parsed once
/// per node and hash. Bytes that do not hash to `hash` are refused, like
/// bytes that do not parse: the outcome depends on the arguments alone.
fn model(hash: &Hash256, bytes: &[u8]) -> Parsed {
	if let Some(model) = cache()
		.lock()
		.unwrap_or_else(PoisonError::into_inner)
		.get(hash)
	{
		return model.clone();
	}
	let parsed = if &blake2_256(bytes) != hash {
		log::warn!(target: LOG_TARGET, "model bytes do not hash to {}", to_hex(hash));
		// Not cached: other bytes may come with the same hash.
		return Arc::new(Err(()));
	} else {
		Arc::new(QuantizedModel::from_bytes(bytes).map_err(|e| {
			log::warn!(target: LOG_TARGET, "model {} is not a valid quantized model: {e}", to_hex(hash));
		}))
	};
	let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
	if cache.len() >= CACHE_CAPACITY {
		cache.clear();
	}
	cache.insert(*hash, parsed.clone());
	parsed
}

/// The host side of [`crate::verity_precompile::run`].
pub fn execute(
	quantized_hash: &Hash256,
	bytes: &[u8],
	input: &[i32],
	max_work: u64,
) -> Result<Vec<i32>, PrecompileError> {
	match &*model(quantized_hash, bytes) {
		Ok(model) => run_model(model, input, max_work),
		Err(()) => Err(PrecompileError::InvalidModel),
	}
}

/// The host side of [`crate::verity_precompile::work`].
pub fn work(quantized_hash: &Hash256, bytes: &[u8]) -> Result<u64, PrecompileError> {
	model(quantized_hash, bytes)
		.as_ref()
		.as_ref()
		.map(QuantizedModel::work)
		.map_err(|()| PrecompileError::InvalidModel)
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

/// Whether `hash`'s model is parsed and cached already.
pub fn is_cached(hash: &Hash256) -> bool {
	cache()
		.lock()
		.unwrap_or_else(PoisonError::into_inner)
		.contains_key(hash)
}

/// A new variant of the synthetic benchmark model of `layers` layers on
/// every call (its first bias differs), so that a benchmark that enables one
/// pays for parsing it, as a node does the first time.
pub fn fresh_bench_model(layers: u32) -> QuantizedModel {
	static VARIANT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
	let mut model = bench_model(layers);
	if let Some(QNode {
		op: QOp::Linear { bias, .. },
		..
	}) = model.ops.first_mut()
	{
		bias[0] += VARIANT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 1_000_000;
	}
	model
}

/// The synthetic benchmark model of `layers` (1..=[`MAX_BENCH_LAYERS`]) 32×32
/// linear layers with fixed pseudo-random one-digit weights (so its file,
/// JSON, stays about 2 KiB per layer: the largest fits in chain state).
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
						.map(|i| ((i * 37 + l * 11) % 10) as i64)
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
		boundary_outputs: false,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{run, BENCH_LAYER_WORK};

	#[test]
	fn bench_models_cost_what_their_layers_say_and_validate() {
		for layers in [1, 7, 64] {
			let model = bench_model(layers);
			model.validate().unwrap();
			assert_eq!(model.work(), u64::from(layers) * BENCH_LAYER_WORK);
		}
		assert_ne!(bench_model(2).hash(), bench_model(3).hash());
		// The largest fits the runtime's bound on stored models (3 MiB).
		assert!(bench_model(MAX_BENCH_LAYERS).to_bytes().len() < 3 << 20);
	}

	#[test]
	fn runs_the_given_model_exactly_like_the_engine_and_refuses_bad_calls() {
		let model = bench_model(3);
		let bytes = model.to_bytes();
		let hash = model.hash();
		let input: Vec<i32> = (0..32).map(|i| i * 7 % 255 - 127).collect();
		let tensors = model.input_tensors(&input).unwrap();
		let expected: Vec<i32> = model.run(&tensors).unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		let work = model.work();
		assert_eq!(run(&hash, &bytes, &input, work), Ok(expected.clone()));
		assert_eq!(crate::work(&hash, &bytes), Ok(work));

		assert_eq!(
			run(&hash, &bytes, &input, work - 1),
			Err(PrecompileError::WorkExceeded { work })
		);
		assert_eq!(
			run(&hash, &bytes, &input[..31], work),
			Err(PrecompileError::InputLength { expected: 32 })
		);
		let mut too_big = input.clone();
		too_big[5] = 128;
		assert_eq!(
			run(&hash, &bytes, &too_big, work),
			Err(PrecompileError::InputOutOfRange)
		);
	}

	#[test]
	fn bytes_that_are_not_the_hashed_model_are_refused() {
		let model = bench_model(4);
		let (bytes, hash) = (model.to_bytes(), model.hash());
		let input = vec![1; 32];
		// Another model's bytes under this hash, or garbage under its own.
		let other = bench_model(5).to_bytes();
		assert_eq!(
			run(&hash, &other, &input, u64::MAX),
			Err(PrecompileError::InvalidModel)
		);
		let garbage = b"not a model".to_vec();
		assert_eq!(
			run(&blake2_256(&garbage), &garbage, &input, u64::MAX),
			Err(PrecompileError::InvalidModel)
		);
		// The refusal was not cached under the hash: the right bytes run.
		assert!(run(&hash, &bytes, &input, u64::MAX).is_ok());
	}
}
