//! Static cost of a quantized model: how much work one run does, known before
//! running it. The chain prices synchronous inference by this count, so it
//! must depend on the model alone (never on the input) and bound the real
//! running time from above, op by op.

use super::model::{QOp, QuantizedModel};

impl QuantizedModel {
	/// Work units of one run: multiply-accumulates for the linear ops (Linear,
	/// MatMul, Conv2d, Sum: one per term of each output value) and one unit per
	/// output value (per window cell for pooling) for every other op that
	/// computes values. Reshape is free.
	///
	/// Saturates at `u64::MAX` instead of overflowing (a validated model is far
	/// below it).
	pub fn work(&self) -> u64 {
		self.ops
			.iter()
			.enumerate()
			.map(|(index, node)| {
				let out = self
					.tensors
					.get(self.op_output(index))
					.map(|spec| {
						spec.shape
							.iter()
							.map(|&d| d as u64)
							.fold(1u64, u64::saturating_mul)
					})
					.unwrap_or(0);
				let dim = |id: usize, axis_from_end: usize| -> u64 {
					self.tensors
						.get(id)
						.and_then(|spec| {
							spec.shape
								.len()
								.checked_sub(axis_from_end)
								.map(|i| spec.shape[i])
						})
						.unwrap_or(1) as u64
				};
				let terms = match &node.op {
					QOp::Linear { input, .. } => dim(*input, 1),
					QOp::MatMul { a, .. } => dim(*a, 1),
					QOp::Conv2d { weight, .. } => {
						weight.shape.iter().skip(1).map(|&d| d as u64).product()
					}
					QOp::Sum { inputs, .. } => inputs.len() as u64,
					QOp::MaxPool { kernel, .. } | QOp::AvgPool { kernel, .. } => {
						(kernel[0] as u64).saturating_mul(kernel[1] as u64)
					}
					QOp::Reshape { .. } => 0,
					_ => 1,
				};
				out.saturating_mul(terms)
			})
			.fold(0u64, u64::saturating_add)
	}
}

#[cfg(test)]
mod tests {
	use crate::quant::OutputTransform;
	use crate::quant::{
		IntTensor, QInput, QNode, QOp, QOutput, QuantizedModel, TensorSpec, QMODEL_FORMAT,
	};

	fn spec(shape: &[usize]) -> TensorSpec {
		TensorSpec {
			shape: shape.to_vec(),
			frac_bits: 4,
		}
	}

	#[test]
	fn work_counts_macs_of_linear_layers_and_one_unit_per_activation() {
		// x[1, 8] -> Linear(8 -> 3) -> Relu
		let model = QuantizedModel {
			format: QMODEL_FORMAT.into(),
			act_bits: 8,
			source_onnx_hash: String::new(),
			tensors: vec![spec(&[1, 8]), spec(&[1, 3]), spec(&[1, 3])],
			inputs: vec![QInput {
				name: "x".into(),
				tensor: 0,
			}],
			outputs: vec![QOutput {
				name: "y".into(),
				tensor: 2,
				transform: OutputTransform::None,
			}],
			ops: vec![
				QNode {
					name: "fc".into(),
					op: QOp::Linear {
						input: 0,
						weight: IntTensor::new(vec![3, 8], vec![1; 24]).unwrap(),
						weight_frac_bits: 4,
						bias: vec![0; 3],
						shift: 4,
					},
				},
				QNode {
					name: "relu".into(),
					op: QOp::Relu { input: 1 },
				},
			],
			boundary_outputs: false,
		};
		model.validate().unwrap();
		assert_eq!(model.work(), 3 * 8 + 3);
	}
}
