//! Latency and throughput of the example models, float (candle) and fixed point.
//!
//! `cargo bench -p verity-inference --bench engine` prints a table; with
//! `VERITY_BENCH_JSON=path` it also writes the numbers as JSON (used by
//! `scripts/bench-engine`, which adds onnxruntime on the same inputs).
//! Inputs: the first 64 held-out digits (models/data).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use verity_inference::onnx::{self, LoadOptions};
use verity_inference::{FloatModel, QuantizedModel, Tensor};

const MODELS: [(&str, &[usize]); 3] = [
	("mlp_digits8", &[64]),
	("mlp_digits28", &[784]),
	("lenet5", &[1, 28, 28]),
];
const BATCH: usize = 64;

fn models_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models")
}

/// The first 64 test digits as model inputs (without the batch dimension).
fn test_inputs(model: &str) -> Vec<Vec<f32>> {
	let dir = models_dir().join("data");
	if model == "mlp_digits8" {
		let json: serde_json::Value =
			serde_json::from_slice(&std::fs::read(dir.join("digits_test.json")).unwrap()).unwrap();
		json["pixels8"].as_array().unwrap()[..BATCH]
			.iter()
			.map(|r| {
				r.as_array()
					.unwrap()
					.iter()
					.map(|v| v.as_u64().unwrap() as f32 / 16.0)
					.collect()
			})
			.collect()
	} else {
		let bytes = std::fs::read(dir.join("digits28_test.u8")).unwrap();
		bytes
			.chunks(784)
			.take(BATCH)
			.map(|c| c.iter().map(|&b| b as f32 / 255.0).collect())
			.collect()
	}
}

/// Median time of one call, after warm-up, over at least `min_time`.
fn measure(mut f: impl FnMut(), min_time: Duration) -> Duration {
	for _ in 0..3 {
		f();
	}
	let mut times = Vec::new();
	let start = Instant::now();
	while start.elapsed() < min_time || times.len() < 10 {
		let t = Instant::now();
		f();
		times.push(t.elapsed());
	}
	times.sort();
	times[times.len() / 2]
}

fn main() {
	// `cargo bench` passes flags such as --bench; nothing to parse.
	let min_time = Duration::from_millis(
		std::env::var("VERITY_BENCH_MS")
			.ok()
			.and_then(|v| v.parse().ok())
			.unwrap_or(1500),
	);
	let mut rows = Vec::new();
	println!(
		"{:<14} {:>16} {:>18} {:>16} {:>18}",
		"model", "float 1 (us)", "float b64 (/s)", "fixed 1 (us)", "fixed b64 (/s)"
	);
	for (name, sample_shape) in MODELS {
		let bytes = std::fs::read(models_dir().join(format!("{name}.onnx"))).unwrap();
		let inputs = test_inputs(name);
		let mut one_shape = vec![1];
		one_shape.extend_from_slice(sample_shape);
		let mut batch_shape = vec![BATCH];
		batch_shape.extend_from_slice(sample_shape);

		let single =
			FloatModel::new(&onnx::load(&bytes, &LoadOptions::default().with_dim("N", 1)).unwrap())
				.unwrap();
		let batched = FloatModel::new(
			&onnx::load(&bytes, &LoadOptions::default().with_dim("N", BATCH)).unwrap(),
		)
		.unwrap();
		let x1 = vec![Tensor::new(one_shape.clone(), inputs[0].clone()).unwrap()];
		let xb = vec![Tensor::new(batch_shape, inputs.concat()).unwrap()];
		let float_1 = measure(|| drop(single.run(&x1).unwrap()), min_time);
		let float_b = measure(|| drop(batched.run(&xb).unwrap()), min_time);

		let q = QuantizedModel::from_bytes(
			&std::fs::read(models_dir().join(format!("{name}.qmodel"))).unwrap(),
		)
		.unwrap();
		let q1 = q.quantize_inputs(&x1).unwrap();
		let qb: Vec<_> = inputs
			.iter()
			.map(|x| {
				q.quantize_inputs(&[Tensor::new(one_shape.clone(), x.clone()).unwrap()])
					.unwrap()
			})
			.collect();
		// Validators load a model once and run it many times: prepare once.
		let exec = q.executor();
		let fixed_1 = measure(|| drop(exec.run_traced(&q1).unwrap()), min_time);
		let fixed_b = measure(|| drop(exec.run_batch(&qb).unwrap()), min_time);

		let per_s = |d: Duration| BATCH as f64 / d.as_secs_f64();
		println!(
			"{:<14} {:>16.1} {:>18.0} {:>16.1} {:>18.0}",
			name,
			float_1.as_secs_f64() * 1e6,
			per_s(float_b),
			fixed_1.as_secs_f64() * 1e6,
			per_s(fixed_b)
		);
		rows.push(serde_json::json!({
			"model": name,
			"float_single_us": float_1.as_secs_f64() * 1e6,
			"float_batch64_per_s": per_s(float_b),
			"fixed_single_us": fixed_1.as_secs_f64() * 1e6,
			"fixed_batch64_per_s": per_s(fixed_b),
		}));
	}
	if let Ok(path) = std::env::var("VERITY_BENCH_JSON") {
		std::fs::write(&path, serde_json::to_vec_pretty(&rows).unwrap()).unwrap();
	}
}
