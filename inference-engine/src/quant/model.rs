//! The quantized model: a self-contained list of integer ops with explicit
//! integer parameters. This is the format the zk circuit compiler consumes.
//!
//! Tensor numbering: the model's inputs are tensors `0..inputs.len()`, and op
//! `j` (in `ops` order, which is a topological order) produces tensor
//! `inputs.len() + j`. Every op reads only tensors with smaller ids.

use serde::{Deserialize, Serialize};

use super::arith::{bit_range, ACC_LIMIT, MAX_ACT_BITS, MAX_SHIFT, MIN_ACT_BITS};
use crate::error::{Error, Result};
use crate::hash::{blake2_256, Hash256};

/// Index of a tensor in [`QuantizedModel::tensors`] and in a [`crate::quant::Trace`].
pub type TensorId = usize;

/// Largest total number of elements over all tensors of a model (its trace).
pub const MAX_TRACE_ELEMENTS: usize = 1 << 26;

/// The `format` string of files this version writes and reads.
pub const QMODEL_FORMAT: &str = "verity-qmodel/1";

/// A dense row-major tensor of integers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntTensor {
	pub shape: Vec<usize>,
	pub data: Vec<i64>,
}

impl IntTensor {
	pub fn new(shape: Vec<usize>, data: Vec<i64>) -> Result<Self> {
		let expected = checked_numel(&shape)?;
		if expected != data.len() {
			return Err(Error::QuantizedModel(format!(
				"tensor of shape {shape:?} needs {expected} values, has {}",
				data.len()
			)));
		}
		Ok(IntTensor { shape, data })
	}

	pub fn numel(&self) -> usize {
		self.data.len()
	}
}

/// Static shape and fixed-point scale of one tensor: a stored integer `q`
/// stands for the real number `q / 2^frac_bits`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TensorSpec {
	pub shape: Vec<usize>,
	pub frac_bits: u32,
}

/// A model input: tensor `id` (its position in `inputs`) is fed by the caller.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QInput {
	pub name: String,
	pub tensor: TensorId,
}

/// A model output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QOutput {
	pub name: String,
	pub tensor: TensorId,
	/// Applied in float after dequantization. Not part of the integer
	/// semantics and **not provable**: the circuit proves the integer tensor.
	pub transform: OutputTransform,
}

/// A float post-processing step of an output (outside the proven path).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutputTransform {
	None,
	/// Softmax over `axis` of the dequantized tensor (the integer tensor holds the logits).
	Softmax {
		axis: usize,
	},
}

/// One op of the quantized model with the ONNX node it came from (for error messages).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QNode {
	pub name: String,
	pub op: QOp,
}

/// The integer ops. `b` below is [`QuantizedModel::act_bits`]; `requantize(acc,
/// shift) = clamp_bits(rescale(acc, shift), b)` (see [`crate::quant::arith`]).
/// All accumulators are exact `i64` (validation proves |acc| ≤ 2^62).
/// Broadcasting, where allowed, is numpy/ONNX multidirectional broadcasting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QOp {
	/// `y = value`. Values lie in the `b`-bit range.
	Constant { value: IntTensor },

	/// Fully connected layer on the last axis. `x: [.., in]`, `weight: [out, in]`,
	/// `bias: [out]` (at scale `frac(x) + weight_frac_bits`):
	/// `y[.., j] = requantize(bias[j] + Σ_k weight[j, k]·x[.., k], shift)`.
	Linear {
		input: TensorId,
		weight: IntTensor,
		weight_frac_bits: u32,
		bias: Vec<i64>,
		shift: u32,
	},

	/// Matrix product of two computed tensors `a: [B.., M, K]`, `b: [B.., K, N]`
	/// (same batch dims, or `b` of rank 2):
	/// `y[.., m, n] = requantize(Σ_k a[.., m, k]·b[.., k, n], shift)`.
	MatMul {
		a: TensorId,
		b: TensorId,
		shift: u32,
	},

	/// 2-D convolution, NCHW. `weight: [OC, IC/group, KH, KW]`, `bias: [OC]` (at
	/// scale `frac(x) + weight_frac_bits`), `pads = [top, left, bottom, right]`
	/// (zero padding), `strides`/`dilations` = `[h, w]`:
	/// `y[n, oc, oh, ow] = requantize(bias[oc] + Σ_{ic,kh,kw} weight[oc, ic, kh, kw]
	///  · xpad[n, g·IC/group + ic, oh·sh + kh·dh, ow·sw + kw·dw], shift)`
	/// with `g = oc / (OC/group)` and `xpad` the zero-padded input.
	Conv2d {
		input: TensorId,
		weight: IntTensor,
		weight_frac_bits: u32,
		bias: Vec<i64>,
		strides: [usize; 2],
		pads: [usize; 4],
		dilations: [usize; 2],
		group: usize,
		shift: u32,
	},

	/// Weighted sum with broadcasting (Add, Sub, Sum, and rescales):
	/// `y = requantize(Σ_i multipliers[i]·inputs[i], shift)`. Inputs at different
	/// scales are aligned by power-of-two multipliers (negative for Sub).
	Sum {
		inputs: Vec<TensorId>,
		multipliers: Vec<i64>,
		shift: u32,
	},

	/// Elementwise product with broadcasting: `y = requantize(a·b, shift)`.
	Mul {
		a: TensorId,
		b: TensorId,
		shift: u32,
	},

	/// Per-channel affine map on axis 1 (a BatchNormalization that could not be
	/// folded): `y[n, c, ..] = requantize(multipliers[c]·x[n, c, ..] + biases[c], shift)`.
	ChannelAffine {
		input: TensorId,
		multipliers: Vec<i64>,
		biases: Vec<i64>,
		shift: u32,
	},

	/// `y = max(x, 0)`. Exact; output scale = input scale.
	Relu { input: TensorId },

	/// `y = x` if `x >= 0`, else `requantize(multiplier·x, shift)`
	/// (alpha ≈ multiplier / 2^shift). Output scale = input scale.
	LeakyRelu {
		input: TensorId,
		multiplier: i64,
		shift: u32,
	},

	/// `y = min(max(x, min), max)`; bounds at the input's scale.
	Clip { input: TensorId, min: i64, max: i64 },

	/// Piecewise-linear function (Sigmoid, Tanh approximations). Segment
	/// `s = #{i : breakpoints[i] <= x}` (breakpoints strictly increasing, at the
	/// input scale); `y = requantize(slopes[s]·x + intercepts[s], shift)`.
	/// `slopes.len() == intercepts.len() == breakpoints.len() + 1`.
	PiecewiseLinear {
		input: TensorId,
		breakpoints: Vec<i64>,
		slopes: Vec<i64>,
		intercepts: Vec<i64>,
		shift: u32,
	},

	/// 2-D max pooling, NCHW. Window of output `(oh, ow)` covers input rows
	/// `oh·sh − pad_top + kh·dh` (and likewise columns); cells outside the input
	/// are ignored (every window has at least one inside cell). Exact.
	MaxPool {
		input: TensorId,
		kernel: [usize; 2],
		strides: [usize; 2],
		pads: [usize; 4],
		dilations: [usize; 2],
	},

	/// 2-D average pooling, NCHW (also GlobalAveragePool: kernel = [H, W]).
	/// `y = round_div(sum of window cells inside the input, count)` where `count` is
	/// the number of window cells inside the padded input `[−pad_begin, in + pad_end)`
	/// if `count_include_pad`, else inside the input `[0, in)`.
	AvgPool {
		input: TensorId,
		kernel: [usize; 2],
		strides: [usize; 2],
		pads: [usize; 4],
		count_include_pad: bool,
	},

	/// Same data, new shape (Reshape, Flatten, Squeeze, Unsqueeze).
	Reshape { input: TensorId },

	/// `y[i_perm[0], ..] = x[i_0, ..]`, i.e. `y.shape[k] = x.shape[perm[k]]`.
	Transpose { input: TensorId, perm: Vec<usize> },

	/// Concatenation along `axis`; all inputs share one scale.
	Concat { inputs: Vec<TensorId>, axis: usize },

	/// Constant padding: `pads = [begin_0, .., begin_{r-1}, end_0, .., end_{r-1}]`.
	Pad {
		input: TensorId,
		pads: Vec<usize>,
		value: i64,
	},
}

impl QOp {
	/// The op's name, as used in errors and documentation.
	pub fn kind(&self) -> &'static str {
		match self {
			QOp::Constant { .. } => "Constant",
			QOp::Linear { .. } => "Linear",
			QOp::MatMul { .. } => "MatMul",
			QOp::Conv2d { .. } => "Conv2d",
			QOp::Sum { .. } => "Sum",
			QOp::Mul { .. } => "Mul",
			QOp::ChannelAffine { .. } => "ChannelAffine",
			QOp::Relu { .. } => "Relu",
			QOp::LeakyRelu { .. } => "LeakyRelu",
			QOp::Clip { .. } => "Clip",
			QOp::PiecewiseLinear { .. } => "PiecewiseLinear",
			QOp::MaxPool { .. } => "MaxPool",
			QOp::AvgPool { .. } => "AvgPool",
			QOp::Reshape { .. } => "Reshape",
			QOp::Transpose { .. } => "Transpose",
			QOp::Concat { .. } => "Concat",
			QOp::Pad { .. } => "Pad",
		}
	}

	/// Tensors this op reads.
	pub fn inputs(&self) -> Vec<TensorId> {
		match self {
			QOp::Constant { .. } => vec![],
			QOp::Linear { input, .. }
			| QOp::Conv2d { input, .. }
			| QOp::ChannelAffine { input, .. }
			| QOp::Relu { input }
			| QOp::LeakyRelu { input, .. }
			| QOp::Clip { input, .. }
			| QOp::PiecewiseLinear { input, .. }
			| QOp::MaxPool { input, .. }
			| QOp::AvgPool { input, .. }
			| QOp::Reshape { input }
			| QOp::Transpose { input, .. }
			| QOp::Pad { input, .. } => vec![*input],
			QOp::MatMul { a, b, .. } | QOp::Mul { a, b, .. } => vec![*a, *b],
			QOp::Sum { inputs, .. } | QOp::Concat { inputs, .. } => inputs.clone(),
		}
	}

	/// The tensors this op reads, to renumber them (same order as [`Self::inputs`]).
	pub fn inputs_mut(&mut self) -> Vec<&mut TensorId> {
		match self {
			QOp::Constant { .. } => vec![],
			QOp::Linear { input, .. }
			| QOp::Conv2d { input, .. }
			| QOp::ChannelAffine { input, .. }
			| QOp::Relu { input }
			| QOp::LeakyRelu { input, .. }
			| QOp::Clip { input, .. }
			| QOp::PiecewiseLinear { input, .. }
			| QOp::MaxPool { input, .. }
			| QOp::AvgPool { input, .. }
			| QOp::Reshape { input }
			| QOp::Transpose { input, .. }
			| QOp::Pad { input, .. } => vec![input],
			QOp::MatMul { a, b, .. } | QOp::Mul { a, b, .. } => vec![a, b],
			QOp::Sum { inputs, .. } | QOp::Concat { inputs, .. } => inputs.iter_mut().collect(),
		}
	}

	/// The rescale shift of ops that requantize (and therefore clamp), `None` for
	/// exact selection ops whose outputs stay in range by construction.
	pub fn shift(&self) -> Option<u32> {
		match self {
			QOp::Linear { shift, .. }
			| QOp::MatMul { shift, .. }
			| QOp::Conv2d { shift, .. }
			| QOp::Sum { shift, .. }
			| QOp::Mul { shift, .. }
			| QOp::ChannelAffine { shift, .. }
			| QOp::LeakyRelu { shift, .. }
			| QOp::PiecewiseLinear { shift, .. } => Some(*shift),
			_ => None,
		}
	}
}

/// A quantized model: integer ops over tensors with static shapes and
/// power-of-two scales. See the crate docs for the full semantics.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantizedModel {
	/// Always [`QMODEL_FORMAT`].
	pub format: String,
	/// Every tensor holds signed integers of this many bits (2..=24).
	pub act_bits: u32,
	/// Hex blake2-256 of the ONNX bytes this model was quantized from.
	pub source_onnx_hash: String,
	/// Shape and scale of every tensor, indexed by [`TensorId`].
	pub tensors: Vec<TensorSpec>,
	pub inputs: Vec<QInput>,
	pub outputs: Vec<QOutput>,
	/// Op `j` produces tensor `inputs.len() + j`.
	pub ops: Vec<QNode>,
	/// The outputs are a cut inside a larger model: this model is a slice
	/// (see [`QuantizedModel::slices`]) other than the last, and a proof
	/// commits to its outputs as the next slice's input. Metadata for the
	/// prover; the integer semantics do not depend on it. Left out of the
	/// canonical bytes when false, so whole models hash as they always did.
	#[serde(default, skip_serializing_if = "is_false")]
	pub boundary_outputs: bool,
}

fn is_false(b: &bool) -> bool {
	!*b
}

impl QuantizedModel {
	/// The tensor produced by op `index`.
	pub fn op_output(&self, index: usize) -> TensorId {
		self.inputs.len() + index
	}

	/// Canonical bytes: compact JSON of the struct, fields in declaration order.
	/// Two models are the same iff their canonical bytes are equal.
	pub fn canonical_bytes(&self) -> Vec<u8> {
		// Serializing plain structs, vectors and integers cannot fail.
		serde_json::to_vec(self).unwrap_or_default()
	}

	/// The "quantized-model hash" the chain stores: blake2-256 of [`Self::canonical_bytes`].
	pub fn hash(&self) -> Hash256 {
		blake2_256(&self.canonical_bytes())
	}

	/// Parse a model file (JSON) and validate it.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		let model: QuantizedModel = serde_json::from_slice(bytes)
			.map_err(|e| Error::QuantizedModel(format!("not a quantized model file: {e}")))?;
		model.validate()?;
		Ok(model)
	}

	/// Serialize to the file format (the canonical bytes).
	pub fn to_bytes(&self) -> Vec<u8> {
		self.canonical_bytes()
	}

	pub fn input_spec(&self, name: &str) -> Option<(&QInput, &TensorSpec)> {
		let input = self.inputs.iter().find(|i| i.name == name)?;
		Some((input, self.tensors.get(input.tensor)?))
	}

	/// Splits a flat vector of input integers (every input tensor's values,
	/// row-major, concatenated in [`Self::inputs`] order: how the chain stores
	/// a request's input) into the model's input tensors. Fails unless `flat`
	/// has exactly as many values as the inputs together.
	pub fn input_tensors(&self, flat: &[i32]) -> Result<Vec<IntTensor>> {
		let shapes = self
			.inputs
			.iter()
			.map(|input| {
				let spec = self.tensors.get(input.tensor).ok_or_else(|| {
					Error::QuantizedModel(format!("input '{}' has no tensor", input.name))
				})?;
				Ok((&spec.shape, checked_numel(&spec.shape)?))
			})
			.collect::<Result<Vec<_>>>()?;
		let total = shapes.iter().map(|&(_, n)| n).sum::<usize>();
		if flat.len() != total {
			return Err(Error::Model(format!(
				"the input is {} than the model's: {} values, its inputs take {total}",
				if flat.len() < total {
					"shorter"
				} else {
					"longer"
				},
				flat.len()
			)));
		}
		let mut rest = flat;
		shapes
			.into_iter()
			.map(|(shape, n)| {
				let (data, tail) = rest.split_at(n);
				rest = tail;
				IntTensor::new(shape.clone(), data.iter().map(|&v| i64::from(v)).collect())
			})
			.collect()
	}

	/// Check every structural invariant the executor and the circuit rely on:
	/// tensor numbering, shapes (each op's output shape is recomputed), parameter
	/// ranges, constants inside the `act_bits` range, and that no accumulator can
	/// exceed 2^62 for any inputs in range. A validated model cannot make the
	/// executor panic or overflow.
	pub fn validate(&self) -> Result<()> {
		let bad = |msg: String| Err(Error::QuantizedModel(msg));
		if self.format != QMODEL_FORMAT {
			return bad(format!(
				"format is '{}', expected '{QMODEL_FORMAT}'",
				self.format
			));
		}
		if !(MIN_ACT_BITS..=MAX_ACT_BITS).contains(&self.act_bits) {
			return bad(format!(
				"act_bits {} outside {MIN_ACT_BITS}..={MAX_ACT_BITS}",
				self.act_bits
			));
		}
		if self.tensors.len() != self.inputs.len() + self.ops.len() {
			return bad(format!(
				"{} tensors, expected inputs ({}) + ops ({})",
				self.tensors.len(),
				self.inputs.len(),
				self.ops.len()
			));
		}
		let mut total = 0usize;
		for spec in &self.tensors {
			total = total.saturating_add(checked_numel(&spec.shape)?);
			if total > MAX_TRACE_ELEMENTS {
				return bad(format!(
					"the trace would exceed {MAX_TRACE_ELEMENTS} elements"
				));
			}
			if spec.frac_bits > MAX_SHIFT {
				return bad(format!("frac_bits {} too large", spec.frac_bits));
			}
		}
		for (i, input) in self.inputs.iter().enumerate() {
			if input.tensor != i {
				return bad(format!("input '{}' must be tensor {i}", input.name));
			}
		}
		for output in &self.outputs {
			let Some(spec) = self.tensors.get(output.tensor) else {
				return bad(format!(
					"output '{}' names missing tensor {}",
					output.name, output.tensor
				));
			};
			if let OutputTransform::Softmax { axis } = output.transform {
				if axis >= spec.shape.len() {
					return bad(format!(
						"output '{}' softmax axis {axis} out of range",
						output.name
					));
				}
			}
		}
		for (j, node) in self.ops.iter().enumerate() {
			let id = self.op_output(j);
			let op_err = |reason: String| Error::node(&node.name, node.op.kind(), reason);
			for input in node.op.inputs() {
				if input >= id {
					return Err(op_err(format!(
						"reads tensor {input}, not computed before tensor {id}"
					)));
				}
			}
			if let Some(shift) = node.op.shift() {
				if shift > MAX_SHIFT {
					return Err(op_err(format!("shift {shift} > {MAX_SHIFT}")));
				}
			}
			let input_shapes: Vec<&[usize]> = node
				.op
				.inputs()
				.iter()
				.map(|&t| self.tensors[t].shape.as_slice())
				.collect();
			let shape = super::shapes::output_shape(&node.op, &input_shapes).map_err(op_err)?;
			let declared = &self.tensors[id].shape;
			if let QOp::Reshape { .. } = node.op {
				if checked_numel(declared)? != checked_numel(&shape)? {
					return Err(op_err(format!("cannot reshape {shape:?} to {declared:?}")));
				}
			} else if shape != *declared {
				return Err(op_err(format!(
					"declared output shape {:?}, op computes {shape:?}",
					self.tensors[id].shape
				)));
			}
			self.check_params(&node.op).map_err(op_err)?;
		}
		Ok(())
	}

	/// Parameter ranges and the static accumulator bound of one op.
	fn check_params(&self, op: &QOp) -> std::result::Result<(), String> {
		let (lo, hi) = bit_range(self.act_bits);
		let in_range = |v: i64| (lo..=hi).contains(&v);
		let amax = 1i128 << (self.act_bits - 1); // max |x| of any tensor value
		let check_acc = |bound: i128| {
			if bound > ACC_LIMIT {
				Err(format!("worst-case accumulator {bound} exceeds 2^62"))
			} else {
				Ok(())
			}
		};
		let abs = |v: i64| (v as i128).abs();
		match op {
			QOp::Constant { value } => {
				if checked_numel(&value.shape).ok() != Some(value.data.len()) {
					return Err("constant data length does not match its shape".into());
				}
				if let Some(v) = value.data.iter().find(|v| !in_range(**v)) {
					return Err(format!(
						"constant value {v} outside the {}-bit range",
						self.act_bits
					));
				}
				Ok(())
			}
			QOp::Linear { weight, bias, .. } => {
				let out = weight.shape.first().copied().unwrap_or(0);
				let inn = weight.shape.get(1).copied().unwrap_or(0);
				let bound = (0..out)
					.map(|j| {
						let row = &weight.data[j * inn..(j + 1) * inn];
						abs(bias[j]) + row.iter().map(|&w| abs(w) * amax).sum::<i128>()
					})
					.max()
					.unwrap_or(0);
				check_acc(bound)
			}
			QOp::Conv2d { weight, bias, .. } => {
				let oc = weight.shape[0];
				let per = weight.data.len().checked_div(oc).unwrap_or(0);
				let bound = (0..oc)
					.map(|c| {
						abs(bias[c])
							+ weight.data[c * per..(c + 1) * per]
								.iter()
								.map(|&w| abs(w) * amax)
								.sum::<i128>()
					})
					.max()
					.unwrap_or(0);
				check_acc(bound)
			}
			QOp::MatMul { a, .. } => {
				let k = *self.tensors[*a].shape.last().unwrap_or(&0) as i128;
				check_acc(k * amax * amax)
			}
			QOp::Sum { multipliers, .. } => {
				check_acc(multipliers.iter().map(|&m| abs(m) * amax).sum())
			}
			QOp::Mul { .. } => check_acc(amax * amax),
			QOp::ChannelAffine {
				multipliers,
				biases,
				..
			} => check_acc(
				multipliers
					.iter()
					.zip(biases)
					.map(|(&m, &b)| abs(m) * amax + abs(b))
					.max()
					.unwrap_or(0),
			),
			QOp::LeakyRelu { multiplier, .. } => check_acc(abs(*multiplier) * amax),
			QOp::PiecewiseLinear {
				slopes, intercepts, ..
			} => check_acc(
				slopes
					.iter()
					.zip(intercepts)
					.map(|(&m, &c)| abs(m) * amax + abs(c))
					.max()
					.unwrap_or(0),
			),
			QOp::AvgPool { kernel, .. } => check_acc((kernel[0] * kernel[1]) as i128 * amax),
			QOp::Clip { min, max, .. } => {
				// The bounds are values of the output tensor: outside the signed
				// act_bits range they would make a value no tensor can hold
				// (and break the circuit's range invariant).
				if min > max {
					Err(format!("clip min {min} > max {max}"))
				} else if !in_range(*min) || !in_range(*max) {
					Err(format!(
						"clip bounds [{min}, {max}] outside the {}-bit range [{lo}, {hi}]",
						self.act_bits
					))
				} else {
					Ok(())
				}
			}
			QOp::Pad { value, .. } => {
				if in_range(*value) {
					Ok(())
				} else {
					Err(format!(
						"pad value {value} outside the {}-bit range",
						self.act_bits
					))
				}
			}
			QOp::Concat { inputs, .. } => {
				let frac = |t: &TensorId| self.tensors[*t].frac_bits;
				if inputs.iter().any(|t| frac(t) != frac(&inputs[0])) {
					Err("concat inputs must share one scale".into())
				} else {
					Ok(())
				}
			}
			QOp::Relu { .. }
			| QOp::MaxPool { .. }
			| QOp::Reshape { .. }
			| QOp::Transpose { .. } => Ok(()),
		}
	}
}

/// Product of dims, erroring on overflow or on more than 2^31 elements.
pub(crate) fn checked_numel(shape: &[usize]) -> Result<usize> {
	let mut n: usize = 1;
	for &d in shape {
		n = n
			.checked_mul(d)
			.filter(|&n| n <= 1 << 31)
			.ok_or_else(|| Error::QuantizedModel(format!("shape {shape:?} too large")))?;
	}
	Ok(n)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn flat_inputs_are_split_into_the_model_tensors() {
		let model: QuantizedModel = serde_json::from_value(serde_json::json!({
			"format": QMODEL_FORMAT,
			"act_bits": 8,
			"source_onnx_hash": format!("0x{}", "00".repeat(32)),
			"tensors": [{"shape": [1, 2], "frac_bits": 4}, {"shape": [3], "frac_bits": 4}],
			"inputs": [{"name": "a", "tensor": 0}, {"name": "b", "tensor": 1}],
			"outputs": [{"name": "a", "tensor": 0, "transform": "None"}],
			"ops": []
		}))
		.unwrap();
		let tensors = model.input_tensors(&[1, -2, 3, 4, 5]).unwrap();
		assert_eq!(tensors.len(), 2);
		assert_eq!(
			(tensors[0].shape.clone(), tensors[0].data.clone()),
			(vec![1, 2], vec![1, -2])
		);
		assert_eq!(
			(tensors[1].shape.clone(), tensors[1].data.clone()),
			(vec![3], vec![3, 4, 5])
		);
		let short = model.input_tensors(&[1, 2, 3, 4]).unwrap_err().to_string();
		assert!(
			short.contains("shorter") && short.contains("4 values, its inputs take 5"),
			"{short}"
		);
		let long = model.input_tensors(&[0; 6]).unwrap_err().to_string();
		assert!(long.contains("longer"), "{long}");
	}
}
