//! The boundary between floats and the integer path: input quantization (done by
//! the client; the chain stores the resulting integers) and output
//! dequantization. Neither is part of the proven integer semantics.

use std::collections::BTreeMap;

use super::arith::{dequantize_value, quantize_value};
use super::model::{IntTensor, OutputTransform, QuantizedModel};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

impl QuantizedModel {
	/// The names of the model's inputs, in order.
	pub fn input_names(&self) -> Vec<String> {
		self.inputs.iter().map(|i| i.name.clone()).collect()
	}

	/// Quantizes inputs given by name (an input file's tensor map): every
	/// model input exactly once, no unknown names.
	pub fn quantize_input_map(&self, inputs: BTreeMap<String, Tensor>) -> Result<Vec<IntTensor>> {
		self.quantize_inputs(&crate::io::inputs_in_order(inputs, &self.input_names())?)
	}

	/// Quantize float inputs (in [`QuantizedModel::inputs`] order) at each input's
	/// scale: `q = clamp_bits(floor(x · 2^frac_bits + 1/2), act_bits)`.
	pub fn quantize_inputs(&self, inputs: &[Tensor]) -> Result<Vec<IntTensor>> {
		if inputs.len() != self.inputs.len() {
			return Err(Error::Input {
				name: "*".into(),
				reason: format!(
					"model has {} inputs, got {}",
					self.inputs.len(),
					inputs.len()
				),
			});
		}
		self.inputs
			.iter()
			.zip(inputs)
			.map(|(input, x)| {
				let spec = &self.tensors[input.tensor];
				if x.shape != spec.shape {
					return Err(Error::Input {
						name: input.name.clone(),
						reason: format!("expected shape {:?}, got {:?}", spec.shape, x.shape),
					});
				}
				let data = x
					.data
					.iter()
					.map(|&v| quantize_value(v as f64, spec.frac_bits, self.act_bits))
					.collect();
				Ok(IntTensor {
					shape: x.shape.clone(),
					data,
				})
			})
			.collect()
	}

	/// Dequantize integer outputs (in [`QuantizedModel::outputs`] order):
	/// `x = q / 2^frac_bits`, then the output's float transform (e.g. Softmax).
	pub fn dequantize_outputs(&self, outputs: &[IntTensor]) -> Vec<Tensor> {
		self.outputs
			.iter()
			.zip(outputs)
			.map(|(output, q)| {
				let frac = self.tensors[output.tensor].frac_bits;
				let data: Vec<f32> = q
					.data
					.iter()
					.map(|&v| dequantize_value(v, frac) as f32)
					.collect();
				let t = Tensor {
					shape: q.shape.clone(),
					data,
				};
				match output.transform {
					OutputTransform::None => t,
					OutputTransform::Softmax { axis } => t.softmax(axis),
				}
			})
			.collect()
	}
}
