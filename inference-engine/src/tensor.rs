//! A plain host float tensor, the engine's interchange type for inputs and outputs.

use serde::{Deserialize, Serialize};

/// Dense row-major `f32` tensor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tensor {
	pub shape: Vec<usize>,
	pub data: Vec<f32>,
}

impl Tensor {
	pub fn new(shape: Vec<usize>, data: Vec<f32>) -> Option<Self> {
		(shape.iter().product::<usize>() == data.len()).then_some(Tensor { shape, data })
	}

	pub fn numel(&self) -> usize {
		self.data.len()
	}

	/// Numerically stable softmax over `axis` (computed in f64).
	pub fn softmax(&self, axis: usize) -> Tensor {
		let dim = self.shape.get(axis).copied().unwrap_or(1).max(1);
		let inner: usize = self.shape.get(axis + 1..).map_or(1, |s| s.iter().product());
		let outer = self.data.len() / (dim * inner).max(1);
		let mut out = self.data.clone();
		for o in 0..outer {
			for i in 0..inner {
				let idx = |k: usize| (o * dim + k) * inner + i;
				let max = (0..dim)
					.map(|k| self.data[idx(k)] as f64)
					.fold(f64::NEG_INFINITY, f64::max);
				let sum: f64 = (0..dim)
					.map(|k| (self.data[idx(k)] as f64 - max).exp())
					.sum();
				for k in 0..dim {
					out[idx(k)] = ((self.data[idx(k)] as f64 - max).exp() / sum) as f32;
				}
			}
		}
		Tensor {
			shape: self.shape.clone(),
			data: out,
		}
	}

	/// Index of the largest value (first on ties), e.g. the predicted class.
	pub fn argmax(&self) -> usize {
		let mut best = 0;
		for (i, &v) in self.data.iter().enumerate() {
			if v > self.data[best] {
				best = i;
			}
		}
		best
	}
}
