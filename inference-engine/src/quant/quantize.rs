//! The quantization pass: calibrate activation ranges on sample inputs with the
//! float executor, pick power-of-two scales, and lower each IR node to integer ops.

use std::collections::{BTreeMap, HashMap};

use super::approx::{piecewise_linear, Curve};
use super::arith::{bit_range, quantize_value, MAX_ACT_BITS, MIN_ACT_BITS};
use super::model::{
	IntTensor, OutputTransform, QInput, QNode, QOp, QOutput, QuantizedModel, TensorId, TensorSpec,
	QMODEL_FORMAT,
};
use crate::error::{Error, Result};
use crate::float::FloatModel;
use crate::hash::to_hex;
use crate::io::{calibration_sample_shape, split_samples};
use crate::ir::{Graph, Node, Op, ValueId};
use crate::onnx::{self, LoadOptions};
use crate::tensor::Tensor;

/// Knobs of the quantization pass.
#[derive(Clone, Debug)]
pub struct QuantizeOptions {
	/// Signed width of every activation tensor (2..=24).
	pub act_bits: u32,
	/// Signed width of weights (circuit constants; 2..=32).
	pub weight_bits: u32,
	/// Calibrated ranges are multiplied by this before choosing a scale, so
	/// inputs somewhat beyond the calibration set do not saturate.
	pub headroom: f64,
	/// Upper bound on any tensor's or weight's `frac_bits`.
	pub max_frac_bits: u32,
}

impl Default for QuantizeOptions {
	fn default() -> Self {
		QuantizeOptions {
			act_bits: 16,
			weight_bits: 16,
			headroom: 2.0,
			max_frac_bits: 30,
		}
	}
}

/// Largest `f <= max_frac` with `max_abs · 2^f <= 2^(bits-1) − 1`.
pub fn choose_frac_bits(max_abs: f64, bits: u32, max_frac: u32) -> u32 {
	let limit = ((1u64 << (bits - 1)) - 1) as f64;
	if !max_abs.is_finite() {
		return 0;
	}
	if max_abs <= 0.0 || max_abs.is_nan() {
		return max_frac;
	}
	let mut f = max_frac;
	while f > 0 && max_abs * (2f64).powi(f as i32) > limit {
		f -= 1;
	}
	f
}

/// Why [`quantize_onnx`] failed: the calibration set does not fit the model's
/// inputs, or the model cannot be loaded or quantized.
#[derive(Debug, thiserror::Error)]
pub enum QuantizeOnnxError {
	/// The calibration set (names, shapes or sample counts) is wrong.
	#[error("{0}")]
	Calibration(String),
	/// The ONNX model cannot be loaded or quantized.
	#[error(transparent)]
	Model(#[from] Error),
}

/// Quantizes the ONNX model `onnx`, calibrating on `calibration` (one tensor
/// per graph input, each with a leading sample dimension), loaded within
/// `limits`; returns the model and the number of samples. Symbolic input
/// dimensions are bound from the calibration shapes. What `verity model
/// quantize`, `verity model register` and the Python SDK run.
pub fn quantize_onnx(
	onnx: &[u8],
	calibration: &BTreeMap<String, Tensor>,
	options: &QuantizeOptions,
	limits: &LoadOptions,
) -> std::result::Result<(QuantizedModel, usize), QuantizeOnnxError> {
	let specs = onnx::input_dim_specs(onnx)?;
	let mut sample_shapes = Vec::with_capacity(specs.len());
	let mut per_input_samples = Vec::with_capacity(specs.len());
	let mut count = None;
	for (name, dims) in &specs {
		let t = calibration
			.get(name)
			.ok_or_else(|| QuantizeOnnxError::Calibration(format!("missing input '{name}'")))?;
		let shape = calibration_sample_shape(&t.shape, dims)
			.map_err(|e| QuantizeOnnxError::Calibration(format!("'{name}': {e}")))?;
		let samples = split_samples(t, &shape);
		if *count.get_or_insert(samples.len()) != samples.len() {
			return Err(QuantizeOnnxError::Calibration(
				"inputs have different sample counts".into(),
			));
		}
		sample_shapes.push((name.clone(), shape));
		per_input_samples.push(samples);
	}
	if let Some(extra) = calibration
		.keys()
		.find(|k| !specs.iter().any(|(n, _)| n == *k))
	{
		return Err(QuantizeOnnxError::Calibration(format!(
			"unknown input '{extra}'"
		)));
	}
	let load_options = onnx::options_for_shapes(onnx, &sample_shapes, limits)?;
	let graph = onnx::load(onnx, &load_options)?;
	let samples: Vec<Vec<Tensor>> = (0..count.unwrap_or(0))
		.map(|i| per_input_samples.iter().map(|s| s[i].clone()).collect())
		.collect();
	let model = quantize(&graph, &samples, options)?;
	Ok((model, samples.len()))
}

/// Quantize `graph`, calibrating on `calibration` (each sample: one tensor per
/// graph input, with the graph's input shapes).
pub fn quantize(
	graph: &Graph,
	calibration: &[Vec<Tensor>],
	options: &QuantizeOptions,
) -> Result<QuantizedModel> {
	if !(MIN_ACT_BITS..=MAX_ACT_BITS).contains(&options.act_bits)
		|| !(2..=32).contains(&options.weight_bits)
	{
		return Err(Error::Model(format!(
			"act_bits must be in {MIN_ACT_BITS}..={MAX_ACT_BITS} and weight_bits in 2..=32"
		)));
	}
	if calibration.is_empty() {
		return Err(Error::Model("calibration needs at least one sample".into()));
	}
	let ranges = calibrate(graph, calibration)?;
	let mut q = Lowering {
		graph,
		options,
		ranges,
		tensors: vec![],
		ops: vec![],
		value_tensor: HashMap::new(),
		softmax: HashMap::new(),
		n_inputs: graph.inputs.len(),
	};
	let mut inputs = Vec::new();
	for (i, &v) in graph.inputs.iter().enumerate() {
		let frac = q.act_frac(v);
		q.tensors.push(TensorSpec {
			shape: graph.values[v].shape.clone(),
			frac_bits: frac,
		});
		q.value_tensor.insert(v, i);
		inputs.push(QInput {
			name: graph.values[v].name.clone(),
			tensor: i,
		});
	}
	let uses = graph.use_counts();
	for node in &graph.nodes {
		q.lower(node, &uses)?;
	}
	let mut outputs = Vec::new();
	for &o in &graph.outputs {
		let name = graph.values[o].name.clone();
		let (tensor, transform) = match q.softmax.get(&o) {
			Some(&(t, axis)) => (t, OutputTransform::Softmax { axis }),
			None => (
				q.tensor_of(o, &format!("output '{name}'"))?,
				OutputTransform::None,
			),
		};
		outputs.push(QOutput {
			name,
			tensor,
			transform,
		});
	}
	let model = QuantizedModel {
		format: QMODEL_FORMAT.to_string(),
		act_bits: options.act_bits,
		source_onnx_hash: to_hex(&graph.onnx_hash),
		tensors: q.tensors,
		inputs,
		outputs,
		ops: q.ops,
		boundary_outputs: false,
	};
	model.validate()?;
	Ok(model)
}

/// Largest |value| of every graph value over the calibration samples.
fn calibrate(graph: &Graph, samples: &[Vec<Tensor>]) -> Result<Vec<f64>> {
	let float = FloatModel::new(graph)?;
	let mut ranges = vec![0f64; graph.values.len()];
	for sample in samples {
		let values = float.run_values(sample)?;
		for (r, v) in ranges.iter_mut().zip(&values) {
			if let Some(t) = v {
				let m = t.abs()?.flatten_all()?.max(0)?.to_scalar::<f32>()? as f64;
				*r = r.max(m);
			}
		}
	}
	Ok(ranges)
}

struct Lowering<'g> {
	graph: &'g Graph,
	options: &'g QuantizeOptions,
	ranges: Vec<f64>,
	tensors: Vec<TensorSpec>,
	ops: Vec<QNode>,
	value_tensor: HashMap<ValueId, TensorId>,
	/// Graph outputs computed by a final Softmax: (logits tensor, axis).
	softmax: HashMap<ValueId, (TensorId, usize)>,
	n_inputs: usize,
}

impl Lowering<'_> {
	fn act_frac(&self, v: ValueId) -> u32 {
		let o = self.options;
		choose_frac_bits(self.ranges[v] * o.headroom, o.act_bits, o.max_frac_bits)
	}

	fn frac(&self, t: TensorId) -> u32 {
		self.tensors[t].frac_bits
	}

	fn push(&mut self, name: &str, op: QOp, shape: Vec<usize>, frac_bits: u32) -> TensorId {
		let id = self.n_inputs + self.ops.len();
		self.ops.push(QNode {
			name: name.to_string(),
			op,
		});
		self.tensors.push(TensorSpec { shape, frac_bits });
		id
	}

	/// The tensor holding value `v`; constants are materialized on first use.
	fn tensor_of(&mut self, v: ValueId, what: &str) -> Result<TensorId> {
		if let Some(&t) = self.value_tensor.get(&v) {
			return Ok(t);
		}
		let value = &self.graph.values[v];
		let Some(c) = &value.constant else {
			return Err(Error::Model(format!(
				"{what}: value '{}' has no integer form",
				value.name
			)));
		};
		let max = c.data.iter().fold(0f64, |m, &x| m.max((x as f64).abs()));
		let frac = choose_frac_bits(max, self.options.act_bits, self.options.max_frac_bits);
		let data = c
			.data
			.iter()
			.map(|&x| quantize_value(x as f64, frac, self.options.act_bits))
			.collect();
		let t = self.push(
			&value.name,
			QOp::Constant {
				value: IntTensor {
					shape: c.shape.clone(),
					data,
				},
			},
			c.shape.clone(),
			frac,
		);
		self.value_tensor.insert(v, t);
		Ok(t)
	}

	fn weights(&self, w: &Tensor) -> (IntTensor, u32) {
		let max = w.data.iter().fold(0f64, |m, &x| m.max((x as f64).abs()));
		let frac = choose_frac_bits(max, self.options.weight_bits, self.options.max_frac_bits);
		let data = w
			.data
			.iter()
			.map(|&x| quantize_value(x as f64, frac, self.options.weight_bits))
			.collect();
		(
			IntTensor {
				shape: w.shape.clone(),
				data,
			},
			frac,
		)
	}

	/// Bias / additive constants at an accumulator scale (i64, not clamped to act_bits).
	fn acc_values(values: &[f32], frac: u32) -> Vec<i64> {
		values
			.iter()
			.map(|&b| quantize_value(b as f64, frac, 63))
			.collect()
	}

	fn lower(&mut self, node: &Node, uses: &[usize]) -> Result<()> {
		let err = |why: String| Error::node(&node.name, &node.onnx_op, why);
		let out_shape = self.graph.values[node.output].shape.clone();
		let calib = self.act_frac(node.output);
		let mut xs = Vec::with_capacity(node.inputs.len());
		for &i in &node.inputs {
			xs.push(self.tensor_of(i, &format!("node '{}'", node.name))?);
		}
		let name = node.name.as_str();
		let out = match &node.op {
			Op::Linear { weight, bias } | Op::Conv2d { weight, bias, .. } => {
				let fx = self.frac(xs[0]);
				let (w, fw) = self.weights(weight);
				let acc_frac = fx + fw;
				let fo = calib.min(acc_frac);
				let channels = weight.shape[0];
				let b = Self::acc_values(bias.as_deref().unwrap_or(&vec![0.0; channels]), acc_frac);
				let shift = acc_frac - fo;
				let op = match &node.op {
					Op::Conv2d {
						strides,
						pads,
						dilations,
						group,
						..
					} => QOp::Conv2d {
						input: xs[0],
						weight: w,
						weight_frac_bits: fw,
						bias: b,
						strides: *strides,
						pads: *pads,
						dilations: *dilations,
						group: *group,
						shift,
					},
					_ => QOp::Linear {
						input: xs[0],
						weight: w,
						weight_frac_bits: fw,
						bias: b,
						shift,
					},
				};
				self.push(name, op, out_shape, fo)
			}
			Op::MatMul | Op::Mul => {
				let acc_frac = self.frac(xs[0]) + self.frac(xs[1]);
				let fo = calib.min(acc_frac);
				let (a, b, shift) = (xs[0], xs[1], acc_frac - fo);
				let op = if matches!(node.op, Op::MatMul) {
					QOp::MatMul { a, b, shift }
				} else {
					QOp::Mul { a, b, shift }
				};
				self.push(name, op, out_shape, fo)
			}
			Op::Div => {
				// x / c = x · (1/c) with the reciprocal as a constant tensor.
				let c = self.graph.values[node.inputs[1]]
					.constant
					.as_ref()
					.ok_or_else(|| err("divisor must be a constant".into()))?;
				let recip: Vec<f32> = c.data.iter().map(|&v| 1.0 / v).collect();
				if recip.iter().any(|v| !v.is_finite()) {
					return Err(err("division by zero".into()));
				}
				let max = recip.iter().fold(0f64, |m, &x| m.max((x as f64).abs()));
				let fr = choose_frac_bits(max, self.options.act_bits, self.options.max_frac_bits);
				let data = recip
					.iter()
					.map(|&x| quantize_value(x as f64, fr, self.options.act_bits))
					.collect();
				let rt = self.push(
					&format!("{name}/reciprocal"),
					QOp::Constant {
						value: IntTensor {
							shape: c.shape.clone(),
							data,
						},
					},
					c.shape.clone(),
					fr,
				);
				let acc_frac = self.frac(xs[0]) + fr;
				let fo = calib.min(acc_frac);
				self.push(
					name,
					QOp::Mul {
						a: xs[0],
						b: rt,
						shift: acc_frac - fo,
					},
					out_shape,
					fo,
				)
			}
			Op::Add | Op::Sub | Op::Sum => {
				let f_max = xs.iter().map(|&t| self.frac(t)).max().unwrap_or(0);
				let multipliers = xs
					.iter()
					.enumerate()
					.map(|(i, &t)| {
						let m = 1i64 << (f_max - self.frac(t));
						if i == 1 && matches!(node.op, Op::Sub) {
							-m
						} else {
							m
						}
					})
					.collect();
				let fo = calib.min(f_max);
				self.push(
					name,
					QOp::Sum {
						inputs: xs.clone(),
						multipliers,
						shift: f_max - fo,
					},
					out_shape,
					fo,
				)
			}
			Op::Relu => {
				let f = self.frac(xs[0]);
				self.push(name, QOp::Relu { input: xs[0] }, out_shape, f)
			}
			Op::LeakyRelu { alpha } => {
				const ALPHA_SHIFT: u32 = 16;
				let multiplier = quantize_value(*alpha as f64, ALPHA_SHIFT, 40);
				let f = self.frac(xs[0]);
				self.push(
					name,
					QOp::LeakyRelu {
						input: xs[0],
						multiplier,
						shift: ALPHA_SHIFT,
					},
					out_shape,
					f,
				)
			}
			Op::Clip { min, max } => {
				let f = self.frac(xs[0]);
				let bits = self.options.act_bits;
				let (lo, hi) = bit_range(bits);
				let min = quantize_value(*min as f64, f, bits).max(lo);
				let max = quantize_value(*max as f64, f, bits).min(hi);
				self.push(
					name,
					QOp::Clip {
						input: xs[0],
						min,
						max,
					},
					out_shape,
					f,
				)
			}
			Op::Sigmoid | Op::Tanh => {
				let curve = if matches!(node.op, Op::Sigmoid) {
					Curve::Sigmoid
				} else {
					Curve::Tanh
				};
				let fo = self.options.act_bits - 2; // |y| <= 1 < 2^(b-1) / 2^(b-2)
				let op = piecewise_linear(curve, xs[0], self.frac(xs[0]), fo);
				self.push(name, op, out_shape, fo)
			}
			Op::Softmax { axis } => {
				let is_final = self.graph.outputs.contains(&node.output) && uses[node.output] == 1;
				if !is_final {
					return Err(err(
                        "Softmax is only supported as the final op of a graph output (it is applied in float after \
                         dequantization and is not provable)"
                            .into(),
                    ));
				}
				self.softmax.insert(node.output, (xs[0], *axis));
				return Ok(());
			}
			Op::MaxPool {
				kernel,
				strides,
				pads,
				dilations,
			} => {
				let f = self.frac(xs[0]);
				let op = QOp::MaxPool {
					input: xs[0],
					kernel: *kernel,
					strides: *strides,
					pads: *pads,
					dilations: *dilations,
				};
				self.push(name, op, out_shape, f)
			}
			Op::AvgPool {
				kernel,
				strides,
				pads,
				count_include_pad,
			} => {
				let f = self.frac(xs[0]);
				let op = QOp::AvgPool {
					input: xs[0],
					kernel: *kernel,
					strides: *strides,
					pads: *pads,
					count_include_pad: *count_include_pad,
				};
				self.push(name, op, out_shape, f)
			}
			Op::ChannelAffine { scale, bias } => {
				let fx = self.frac(xs[0]);
				let (m, fm) = self.weights(&Tensor {
					shape: vec![scale.len()],
					data: scale.clone(),
				});
				let acc_frac = fx + fm;
				let fo = calib.min(acc_frac);
				let op = QOp::ChannelAffine {
					input: xs[0],
					multipliers: m.data,
					biases: Self::acc_values(bias, acc_frac),
					shift: acc_frac - fo,
				};
				self.push(name, op, out_shape, fo)
			}
			Op::Reshape => {
				let f = self.frac(xs[0]);
				self.push(name, QOp::Reshape { input: xs[0] }, out_shape, f)
			}
			Op::Transpose { perm } => {
				let f = self.frac(xs[0]);
				self.push(
					name,
					QOp::Transpose {
						input: xs[0],
						perm: perm.clone(),
					},
					out_shape,
					f,
				)
			}
			Op::Pad { pads, value } => {
				let f = self.frac(xs[0]);
				let value = quantize_value(*value as f64, f, self.options.act_bits);
				self.push(
					name,
					QOp::Pad {
						input: xs[0],
						pads: pads.clone(),
						value,
					},
					out_shape,
					f,
				)
			}
			Op::Concat { axis } => {
				// Align to the coarsest input scale with exact right shifts.
				let f = xs.iter().map(|&t| self.frac(t)).min().unwrap_or(0);
				let mut aligned = Vec::with_capacity(xs.len());
				for &t in &xs {
					let ft = self.frac(t);
					aligned.push(if ft == f {
						t
					} else {
						let shape = self.tensors[t].shape.clone();
						self.push(
							&format!("{name}/align"),
							QOp::Sum {
								inputs: vec![t],
								multipliers: vec![1],
								shift: ft - f,
							},
							shape,
							f,
						)
					});
				}
				self.push(
					name,
					QOp::Concat {
						inputs: aligned,
						axis: *axis,
					},
					out_shape,
					f,
				)
			}
			Op::Lrn { .. } => {
				return Err(err(
					"LRN has no fixed-point form (float only; not provable)".into(),
				));
			}
		};
		self.value_tensor.insert(node.output, out);
		Ok(())
	}
}
