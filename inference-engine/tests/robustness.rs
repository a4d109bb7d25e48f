//! Property tests: random, truncated and mutated ONNX bytes and mutated
//! quantized models never panic (10,000+ cases in total).

mod common;

use proptest::prelude::*;
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::{quantize, QuantizeOptions};
use verity_inference::{FloatModel, IntTensor, QuantizedModel, Tensor};

fn example(name: &str) -> Vec<u8> {
	common::read(common::models_dir().join(name))
}

fn small_options() -> LoadOptions {
	LoadOptions {
		max_tensor_elements: 1 << 20,
		..LoadOptions::default().with_dim("N", 1)
	}
}

/// Load; if that works, run in float and quantize on a zero input. Any outcome
/// but a panic is fine.
fn exercise(bytes: &[u8]) {
	let Ok(graph) = onnx::load(bytes, &small_options()) else {
		return;
	};
	let Ok(model) = FloatModel::new(&graph) else {
		return;
	};
	let inputs: Vec<Tensor> = graph
		.inputs
		.iter()
		.map(|&i| {
			let shape = graph.values[i].shape.clone();
			let n = shape.iter().product();
			Tensor::new(shape, vec![0.25; n]).unwrap()
		})
		.collect();
	if model.run(&inputs).is_ok() {
		if let Ok(q) = quantize(
			&graph,
			std::slice::from_ref(&inputs),
			&QuantizeOptions::default(),
		) {
			if let Ok(qx) = q.quantize_inputs(&inputs) {
				let _ = q.run_traced(&qx);
			}
		}
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 3000, failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
		exercise(&bytes);
	}

	#[test]
	fn truncated_models_never_panic(which in 0usize..3, cut in 0.0f64..1.0) {
		let bytes = example(["mlp_digits8.onnx", "lenet5.onnx", "mlp_digits28.onnx"][which]);
		let end = (bytes.len() as f64 * cut) as usize;
		exercise(&bytes[..end]);
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 3500, failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn mutated_models_never_panic(
		lenet in proptest::bool::weighted(0.1),
		edits in proptest::collection::vec((0.0f64..1.0, any::<u8>(), 0u8..3), 1..8),
	) {
		let mut bytes = example(if lenet { "lenet5.onnx" } else { "mlp_digits8.onnx" });
		// Mutations hit the graph structure far more often if they avoid the
		// weight blobs, so half of them target the last 2 KB (nodes, shapes).
		for (pos, byte, kind) in edits {
			let tail = bytes.len().saturating_sub(2048);
			let at = if kind == 0 { (pos * bytes.len() as f64) as usize } else { tail + (pos * (bytes.len() - tail) as f64) as usize };
			let at = at.min(bytes.len().saturating_sub(1));
			match kind {
				2 if bytes.len() > 1 => { bytes.remove(at); }
				_ => bytes[at] = byte,
			}
		}
		exercise(&bytes);
	}
}

/// Arrays longer than this (weights) are left alone: mutations target structure.
const BIG_ARRAY: usize = 64;

/// Replace the `k`-th number in a JSON tree (pre-order, outside big arrays) by `value`.
fn replace_number(v: &mut serde_json::Value, k: &mut usize, value: i64) -> bool {
	match v {
		serde_json::Value::Number(_) => {
			if *k == 0 {
				*v = value.into();
				return true;
			}
			*k -= 1;
			false
		}
		serde_json::Value::Array(a) if a.len() > BIG_ARRAY => false,
		serde_json::Value::Array(a) => a.iter_mut().any(|x| replace_number(x, k, value)),
		serde_json::Value::Object(o) => o.values_mut().any(|x| replace_number(x, k, value)),
		_ => false,
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]

	/// Quantized model files with altered numbers (shapes, ids, shifts, weights,
	/// window parameters) either fail validation or run without panicking.
	#[test]
	fn mutated_quantized_models_never_panic(
		lenet in proptest::bool::weighted(0.3),
		edits in proptest::collection::vec((any::<prop::sample::Index>(), prop_oneof![
			Just(0i64), Just(1), Just(-1), Just(2), Just(3), Just(16), Just(63), Just(64), Just(1 << 20),
			Just(i64::MAX), Just(i64::MIN), any::<i64>(), -40i64..40,
		]), 1..4),
	) {
		let mut v = QMODELS[usize::from(!lenet)].clone();
		let total = count_numbers(&v);
		for (index, value) in edits {
			let mut k = index.index(total);
			replace_number(&mut v, &mut k, value);
		}
		let parsed: Result<QuantizedModel, _> = serde_json::from_value(v);
		if let Some(q) = parsed.ok().filter(|q| q.validate().is_ok()) {
			let inputs: Vec<IntTensor> = q.inputs.iter().map(|i| {
				let shape = q.tensors[i.tensor].shape.clone();
				let n = shape.iter().product();
				IntTensor { shape, data: vec![3; n] }
			}).collect();
			let _ = q.run_traced(&inputs);
		}
	}
}

static QMODELS: std::sync::LazyLock<[serde_json::Value; 2]> = std::sync::LazyLock::new(|| {
	["lenet5.qmodel", "mlp_digits8.qmodel"].map(|m| serde_json::from_slice(&example(m)).unwrap())
});

fn count_numbers(v: &serde_json::Value) -> usize {
	match v {
		serde_json::Value::Number(_) => 1,
		serde_json::Value::Array(a) if a.len() > BIG_ARRAY => 0,
		serde_json::Value::Array(a) => a.iter().map(count_numbers).sum(),
		serde_json::Value::Object(o) => o.values().map(count_numbers).sum(),
		_ => 0,
	}
}
