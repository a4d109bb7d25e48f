//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use verity_inference::onnx::{self, LoadOptions};
use verity_inference::Tensor;

pub fn repo_root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn models_dir() -> PathBuf {
	repo_root().join("models")
}

pub fn read(path: impl AsRef<std::path::Path>) -> Vec<u8> {
	let path = path.as_ref();
	std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `|a - b| <= atol + rtol * |b|` for every element; returns the worst ratio of
/// the error to the allowed error.
pub fn assert_close(actual: &Tensor, expected: &Tensor, rtol: f32, atol: f32, what: &str) {
	assert_eq!(actual.shape, expected.shape, "{what}: shape");
	let mut worst = 0f32;
	for (i, (a, e)) in actual.data.iter().zip(&expected.data).enumerate() {
		let allowed = atol + rtol * e.abs();
		let err = (a - e).abs();
		assert!(
			err <= allowed,
			"{what}: element {i}: {a} vs expected {e} (error {err}, allowed {allowed})"
		);
		worst = worst.max(err / allowed);
	}
}

/// The held-out digits: labels, 8x8 inputs (pixels/16) and 28x28 inputs (bytes/255).
pub struct Digits {
	pub labels: Vec<usize>,
	pub x8: Vec<Vec<f32>>,
	pub x28: Vec<Vec<f32>>,
}

pub fn digits() -> Digits {
	let json: serde_json::Value =
		serde_json::from_slice(&read(models_dir().join("data/digits_test.json"))).unwrap();
	let labels: Vec<usize> = json["labels"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_u64().unwrap() as usize)
		.collect();
	let x8 = json["pixels8"]
		.as_array()
		.unwrap()
		.iter()
		.map(|row| {
			row.as_array()
				.unwrap()
				.iter()
				.map(|v| v.as_u64().unwrap() as f32 / 16.0)
				.collect()
		})
		.collect();
	let bytes = read(models_dir().join("data/digits28_test.u8"));
	assert_eq!(bytes.len(), labels.len() * 784);
	let x28 = bytes
		.chunks(784)
		.map(|c| c.iter().map(|&b| b as f32 / 255.0).collect())
		.collect();
	Digits { labels, x8, x28 }
}

/// The example models: (name, input shape for one sample).
pub const MODELS: [(&str, &[usize]); 4] = [
	("mlp_digits8", &[1, 64]),
	("mlp_digits28", &[1, 784]),
	("lenet5", &[1, 1, 28, 28]),
	("cifar_cnn", &[1, 3, 32, 32]),
];

/// Whether `model` was trained on the digits, so that its test split has
/// labels (cifar_cnn has fixed random weights and random test images).
pub fn labelled(model: &str) -> bool {
	model != "cifar_cnn"
}

/// The options `scripts/make-models` quantizes each example model with:
/// `mlp_digits8` at the 16-bit default, the larger two as int8.
pub fn quantize_options(model: &str) -> verity_inference::quant::QuantizeOptions {
	let default = verity_inference::quant::QuantizeOptions::default();
	match model {
		"mlp_digits8" => default,
		_ => verity_inference::quant::QuantizeOptions {
			act_bits: 8,
			weight_bits: 8,
			..default
		},
	}
}

pub fn sample_inputs(d: &Digits, model: &str) -> Vec<Tensor> {
	let (_, shape) = MODELS.iter().find(|(m, _)| *m == model).unwrap();
	if model == "cifar_cnn" {
		let bytes = read(models_dir().join("data/cifar_cnn_test.u8"));
		return bytes
			.chunks(3 * 32 * 32)
			.map(|c| {
				let x = c.iter().map(|&b| b as f32 / 255.0).collect();
				Tensor::new(shape.to_vec(), x).unwrap()
			})
			.collect();
	}
	let xs = if model == "mlp_digits8" {
		&d.x8
	} else {
		&d.x28
	};
	xs.iter()
		.map(|x| Tensor::new(shape.to_vec(), x.clone()).unwrap())
		.collect()
}

pub fn load_example(model: &str, batch: usize) -> verity_inference::ir::Graph {
	let bytes = read(models_dir().join(format!("{model}.onnx")));
	onnx::load(&bytes, &LoadOptions::default().with_dim("N", batch)).unwrap()
}

pub fn json_tensor(v: &serde_json::Value) -> Tensor {
	let shape = v["shape"]
		.as_array()
		.unwrap()
		.iter()
		.map(|d| d.as_u64().unwrap() as usize)
		.collect();
	let data = v["data"]
		.as_array()
		.unwrap()
		.iter()
		.map(|d| d.as_f64().unwrap() as f32)
		.collect();
	Tensor::new(shape, data).unwrap()
}
