//! Float execution of an [`crate::ir::Graph`] on candle (CPU).
//!
//! Weights are turned into candle tensors once ([`FloatModel::new`]); a run
//! evaluates the nodes in order on candle tensors. Convolution (im2col + vector
//! kernel), small matrix products, padded or dilated pooling and LRN use host
//! kernels (`host.rs`); everything else uses candle's CPU ops.

mod host;

use candle_core::{Device, Tensor as CTensor};

use crate::error::{Error, Result};
use crate::ir::{Graph, Node, Op, ValueId};
use crate::tensor::Tensor;

/// Matrix products up to this many multiply-adds run on the host kernel:
/// gemm's multi-threaded dispatch costs tens of microseconds, more than the work.
const SMALL_MATMUL: usize = 1 << 18;

/// Weights prepared for candle, per node.
enum Prepared {
	/// `weight_t = weightᵀ` as `[in, out]`, on candle and on the host.
	Linear {
		weight_t: CTensor,
		weight_t_host: Vec<f32>,
		bias: Option<CTensor>,
	},
	Conv,
	Affine {
		scale: CTensor,
		bias: CTensor,
	},
	None,
}

/// A graph ready to run in float.
pub struct FloatModel {
	graph: Graph,
	prepared: Vec<Prepared>,
	constants: Vec<Option<CTensor>>,
	device: Device,
}

fn to_candle(t: &Tensor, device: &Device) -> candle_core::Result<CTensor> {
	CTensor::from_vec(t.data.clone(), t.shape.clone(), device)
}

fn from_candle(t: &CTensor) -> candle_core::Result<Tensor> {
	Ok(Tensor {
		shape: t.dims().to_vec(),
		data: t.flatten_all()?.to_vec1::<f32>()?,
	})
}

impl FloatModel {
	pub fn new(graph: &Graph) -> Result<Self> {
		let device = Device::Cpu;
		let constants = graph
			.values
			.iter()
			.map(|v| {
				v.constant
					.as_ref()
					.map(|c| to_candle(c, &device))
					.transpose()
			})
			.collect::<candle_core::Result<Vec<_>>>()?;
		let prepared = graph
			.nodes
			.iter()
			.map(|n| prepare(n, graph, &device))
			.collect::<candle_core::Result<Vec<_>>>()?;
		Ok(FloatModel {
			graph: graph.clone(),
			prepared,
			constants,
			device,
		})
	}

	pub fn graph(&self) -> &Graph {
		&self.graph
	}

	fn check_inputs(&self, inputs: &[Tensor]) -> Result<()> {
		if inputs.len() != self.graph.inputs.len() {
			return Err(Error::Input {
				name: "*".into(),
				reason: format!(
					"model has {} inputs, got {}",
					self.graph.inputs.len(),
					inputs.len()
				),
			});
		}
		for (&id, t) in self.graph.inputs.iter().zip(inputs) {
			let v = &self.graph.values[id];
			if t.shape != v.shape || t.data.len() != t.shape.iter().product::<usize>() {
				return Err(Error::Input {
					name: v.name.clone(),
					reason: format!("expected shape {:?}, got {:?}", v.shape, t.shape),
				});
			}
		}
		Ok(())
	}

	/// Run and return every value of the graph (`None` for values no node computed,
	/// e.g. the outputs of folded nodes). Used by calibration.
	pub fn run_values(&self, inputs: &[Tensor]) -> Result<Vec<Option<CTensor>>> {
		self.check_inputs(inputs)?;
		let mut values = self.constants.clone();
		for (&id, t) in self.graph.inputs.iter().zip(inputs) {
			values[id] = Some(to_candle(t, &self.device)?);
		}
		for (node, prep) in self.graph.nodes.iter().zip(&self.prepared) {
			let args: Vec<&CTensor> = node
				.inputs
				.iter()
				.map(|&i| values[i].as_ref())
				.collect::<Option<_>>()
				.ok_or_else(|| Error::node(&node.name, &node.onnx_op, "input not computed"))?;
			let shape = &self.graph.values[node.output].shape;
			let y = eval(&node.op, prep, &args, shape)
				.map_err(|e| Error::node(&node.name, &node.onnx_op, format!("candle: {e}")))?;
			values[node.output] = Some(y);
		}
		Ok(values)
	}

	/// Run on host tensors (in graph input order); outputs in graph output order.
	pub fn run(&self, inputs: &[Tensor]) -> Result<Vec<Tensor>> {
		let values = self.run_values(inputs)?;
		self.graph
			.outputs
			.iter()
			.map(|&o| output(&values, o, &self.graph))
			.collect()
	}
}

fn output(values: &[Option<CTensor>], id: ValueId, graph: &Graph) -> Result<Tensor> {
	let t = values[id].as_ref().ok_or_else(|| {
		Error::Model(format!(
			"output '{}' was not computed",
			graph.values[id].name
		))
	})?;
	Ok(from_candle(t)?)
}

fn prepare(node: &Node, graph: &Graph, device: &Device) -> candle_core::Result<Prepared> {
	Ok(match &node.op {
		Op::Linear { weight, bias } => {
			let weight_t = to_candle(weight, device)?.t()?.contiguous()?;
			Prepared::Linear {
				weight_t_host: weight_t.flatten_all()?.to_vec1::<f32>()?,
				weight_t,
				bias: bias
					.as_ref()
					.map(|b| CTensor::new(b.as_slice(), device))
					.transpose()?,
			}
		}
		Op::Conv2d { .. } => Prepared::Conv,
		Op::ChannelAffine { scale, bias } => {
			let rank = graph.values[node.inputs[0]].shape.len();
			let mut shape = vec![1usize; rank];
			shape[1] = scale.len();
			Prepared::Affine {
				scale: CTensor::new(scale.as_slice(), device)?.reshape(shape.clone())?,
				bias: CTensor::new(bias.as_slice(), device)?.reshape(shape)?,
			}
		}
		_ => Prepared::None,
	})
}

/// Evaluate one op on host tensors (constant folding at load).
pub fn eval_host(op: &Op, args: &[&Tensor], out_shape: &[usize]) -> Result<Tensor> {
	let device = Device::Cpu;
	let node = Node {
		name: String::new(),
		onnx_op: String::new(),
		op: op.clone(),
		inputs: vec![],
		output: 0,
	};
	let shapes_graph = Graph {
		values: args
			.iter()
			.map(|a| crate::ir::Value {
				name: String::new(),
				shape: a.shape.clone(),
				constant: None,
			})
			.collect(),
		inputs: vec![],
		outputs: vec![],
		nodes: vec![],
		onnx_hash: [0; 32],
	};
	let node = Node {
		inputs: (0..args.len()).collect(),
		..node
	};
	let prep = prepare(&node, &shapes_graph, &device)?;
	let cargs = args
		.iter()
		.map(|a| to_candle(a, &device))
		.collect::<candle_core::Result<Vec<_>>>()?;
	let refs: Vec<&CTensor> = cargs.iter().collect();
	Ok(from_candle(&eval(op, &prep, &refs, out_shape)?)?)
}

fn eval(
	op: &Op,
	prep: &Prepared,
	x: &[&CTensor],
	out_shape: &[usize],
) -> candle_core::Result<CTensor> {
	let y = match (op, prep) {
		(
			Op::Linear {
				weight,
				bias: host_bias,
			},
			Prepared::Linear {
				weight_t,
				weight_t_host,
				bias,
			},
		) => {
			let (out, inn) = (weight.shape[0], weight.shape[1]);
			let rows = x[0].elem_count() / inn.max(1);
			if rows * inn * out <= SMALL_MATMUL {
				host::map(x[0], out_shape, |d, _| {
					host::linear(d, inn, weight_t_host, host_bias.as_deref(), out)
				})?
			} else {
				let mut y = x[0].reshape((rows, inn))?.matmul(weight_t)?;
				if let Some(b) = bias {
					y = y.broadcast_add(b)?;
				}
				y
			}
		}
		(Op::MatMul, _) => x[0].broadcast_matmul(x[1])?,
		(
			Op::Conv2d {
				weight,
				bias,
				strides,
				pads,
				dilations,
				group,
			},
			Prepared::Conv,
		) => host::map(x[0], out_shape, |d, s| {
			host::conv2d(
				d,
				s,
				weight,
				bias.as_deref(),
				out_shape,
				*strides,
				*pads,
				*dilations,
				*group,
			)
		})?,
		(Op::Add, _) => x[0].broadcast_add(x[1])?,
		(Op::Sub, _) => x[0].broadcast_sub(x[1])?,
		(Op::Mul, _) => x[0].broadcast_mul(x[1])?,
		(Op::Div, _) => x[0].broadcast_div(x[1])?,
		(Op::Sum, _) => {
			let mut acc = x[0].broadcast_add(&x[1].zeros_like()?)?;
			for t in &x[1..] {
				acc = acc.broadcast_add(t)?;
			}
			acc
		}
		(Op::Relu, _) => x[0].relu()?,
		(Op::LeakyRelu { alpha }, _) => {
			let neg = x[0].affine(*alpha as f64, 0.0)?;
			x[0].ge(0f32)?.where_cond(x[0], &neg)?
		}
		(Op::Clip { min, max }, _) => x[0].clamp(*min, *max)?,
		(Op::Sigmoid, _) => (x[0].neg()?.exp()? + 1.0)?.recip()?,
		(Op::Tanh, _) => x[0].tanh()?,
		(Op::Softmax { axis }, _) => {
			let max = x[0].max_keepdim(*axis)?;
			let e = x[0].broadcast_sub(&max)?.exp()?;
			let sum = e.sum_keepdim(*axis)?;
			e.broadcast_div(&sum)?
		}
		(
			Op::MaxPool {
				kernel,
				strides,
				pads,
				dilations,
			},
			_,
		) => {
			if *pads == [0; 4]
				&& *dilations == [1, 1]
				&& fits_exactly(x[0].dims(), out_shape, *kernel, *strides)
			{
				x[0].max_pool2d_with_stride((kernel[0], kernel[1]), (strides[0], strides[1]))?
			} else {
				host::map(x[0], out_shape, |d, s| {
					host::max_pool(d, s, out_shape, *kernel, *strides, *pads, *dilations)
				})?
			}
		}
		(
			Op::AvgPool {
				kernel,
				strides,
				pads,
				count_include_pad,
			},
			_,
		) => {
			if *pads == [0; 4] && fits_exactly(x[0].dims(), out_shape, *kernel, *strides) {
				x[0].avg_pool2d_with_stride((kernel[0], kernel[1]), (strides[0], strides[1]))?
			} else {
				host::map(x[0], out_shape, |d, s| {
					host::avg_pool(
						d,
						s,
						out_shape,
						*kernel,
						*strides,
						*pads,
						*count_include_pad,
					)
				})?
			}
		}
		(Op::ChannelAffine { .. }, Prepared::Affine { scale, bias }) => {
			x[0].broadcast_mul(scale)?.broadcast_add(bias)?
		}
		(Op::Reshape, _) => x[0].reshape(out_shape)?,
		(Op::Transpose { perm }, _) => x[0].permute(perm.as_slice())?.contiguous()?,
		(Op::Concat { axis }, _) => CTensor::cat(x, *axis)?,
		(Op::Pad { pads, value }, _) => pad(x[0], pads, *value)?,
		(
			Op::Lrn {
				size,
				alpha,
				beta,
				bias,
			},
			_,
		) => host::map(x[0], out_shape, |d, s| {
			host::lrn(d, s, *size, *alpha, *beta, *bias)
		})?,
		(op, _) => candle_core::bail!("op {} has no prepared weights", op.name()),
	};
	if y.dims() != out_shape {
		return y.reshape(out_shape);
	}
	Ok(y)
}

/// Whether floor-mode pooling without padding gives exactly `out_shape`
/// (candle's kernels assume that).
fn fits_exactly(x: &[usize], out: &[usize], k: [usize; 2], s: [usize; 2]) -> bool {
	x.len() == 4 && (0..2).all(|a| x[2 + a] >= k[a] && (x[2 + a] - k[a]) / s[a] + 1 == out[2 + a])
}

fn pad(x: &CTensor, pads: &[usize], value: f32) -> candle_core::Result<CTensor> {
	let rank = x.rank();
	let mut y = x.clone();
	for d in 0..rank {
		let (before, after) = (pads[d], pads[d + rank]);
		if before + after == 0 {
			continue;
		}
		let mut parts = Vec::with_capacity(3);
		let side = |n: usize, y: &CTensor| -> candle_core::Result<CTensor> {
			let mut shape = y.dims().to_vec();
			shape[d] = n;
			CTensor::full(value, shape, y.device())
		};
		if before > 0 {
			parts.push(side(before, &y)?);
		}
		parts.push(y.clone());
		if after > 0 {
			parts.push(side(after, &y)?);
		}
		y = CTensor::cat(&parts, d)?;
	}
	Ok(y)
}
