//! The typed graph IR the ONNX loader produces: float ops with static shapes
//! and embedded weights, in topological order. ONNX-level details (opset
//! differences, attribute defaults, Identity/Dropout, constant folding,
//! BatchNormalization folding, Squeeze/Unsqueeze/Flatten → Reshape) are resolved
//! by the loader, so executors only see this small op set.

use crate::tensor::Tensor;

/// Index into [`Graph::values`].
pub type ValueId = usize;

/// A value (tensor) of the graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
	/// The ONNX name (or a derived name for values the loader introduced).
	pub name: String,
	/// Static shape.
	pub shape: Vec<usize>,
	/// `Some` for constants (initializers, Constant nodes, folded subgraphs).
	pub constant: Option<Tensor>,
}

/// One op application.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
	/// ONNX node name (or `op_type#index` if it had none), for error messages.
	pub name: String,
	/// The ONNX op type this node came from.
	pub onnx_op: String,
	pub op: Op,
	pub inputs: Vec<ValueId>,
	pub output: ValueId,
}

/// Float ops. Shapes of inputs/outputs are in [`Graph::values`].
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
	/// `y[.., j] = bias[j] + Σ_k weight[j, k]·x[.., k]`; `weight: [out, in]`.
	Linear {
		weight: Tensor,
		bias: Option<Vec<f32>>,
	},
	/// Numpy matmul of two rank >= 2 tensors, batch dims broadcast.
	MatMul,
	/// 2-D convolution, NCHW; `pads = [top, left, bottom, right]`.
	Conv2d {
		weight: Tensor,
		bias: Option<Vec<f32>>,
		strides: [usize; 2],
		pads: [usize; 4],
		dilations: [usize; 2],
		group: usize,
	},
	/// Broadcasting binary arithmetic.
	Add,
	Sub,
	Mul,
	/// Division; the loader only accepts a constant divisor.
	Div,
	/// n-ary broadcasting sum.
	Sum,
	Relu,
	LeakyRelu {
		alpha: f32,
	},
	Clip {
		min: f32,
		max: f32,
	},
	Sigmoid,
	Tanh,
	/// Softmax over `axis` (opset >= 13 semantics; older opsets' flattening form is
	/// lowered to Reshape + Softmax + Reshape by the loader).
	Softmax {
		axis: usize,
	},
	/// Max pooling; cells outside the input are ignored.
	MaxPool {
		kernel: [usize; 2],
		strides: [usize; 2],
		pads: [usize; 4],
		dilations: [usize; 2],
	},
	/// Average pooling (GlobalAveragePool is kernel = [H, W]); see
	/// [`crate::QOp::AvgPool`] for the divisor rule.
	AvgPool {
		kernel: [usize; 2],
		strides: [usize; 2],
		pads: [usize; 4],
		count_include_pad: bool,
	},
	/// `y[:, c, ..] = scale[c]·x[:, c, ..] + bias[c]` (an unfolded BatchNormalization).
	ChannelAffine {
		scale: Vec<f32>,
		bias: Vec<f32>,
	},
	/// Same data, the output value's shape.
	Reshape,
	Transpose {
		perm: Vec<usize>,
	},
	Concat {
		axis: usize,
	},
	/// Constant padding; `pads = [begins.., ends..]`.
	Pad {
		pads: Vec<usize>,
		value: f32,
	},
	/// Local response normalization across channels.
	Lrn {
		size: usize,
		alpha: f32,
		beta: f32,
		bias: f32,
	},
}

impl Op {
	pub fn name(&self) -> &'static str {
		match self {
			Op::Linear { .. } => "Linear",
			Op::MatMul => "MatMul",
			Op::Conv2d { .. } => "Conv2d",
			Op::Add => "Add",
			Op::Sub => "Sub",
			Op::Mul => "Mul",
			Op::Div => "Div",
			Op::Sum => "Sum",
			Op::Relu => "Relu",
			Op::LeakyRelu { .. } => "LeakyRelu",
			Op::Clip { .. } => "Clip",
			Op::Sigmoid => "Sigmoid",
			Op::Tanh => "Tanh",
			Op::Softmax { .. } => "Softmax",
			Op::MaxPool { .. } => "MaxPool",
			Op::AvgPool { .. } => "AvgPool",
			Op::ChannelAffine { .. } => "ChannelAffine",
			Op::Reshape => "Reshape",
			Op::Transpose { .. } => "Transpose",
			Op::Concat { .. } => "Concat",
			Op::Pad { .. } => "Pad",
			Op::Lrn { .. } => "LRN",
		}
	}
}

/// A loaded model.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
	pub values: Vec<Value>,
	/// Runtime inputs, in ONNX graph order.
	pub inputs: Vec<ValueId>,
	/// Graph outputs, in ONNX graph order (may be inputs or constants).
	pub outputs: Vec<ValueId>,
	/// Topologically ordered.
	pub nodes: Vec<Node>,
	/// blake2-256 of the ONNX bytes the graph was loaded from.
	pub onnx_hash: crate::hash::Hash256,
}

impl Graph {
	pub fn value(&self, id: ValueId) -> &Value {
		&self.values[id]
	}

	pub fn input_names(&self) -> Vec<&str> {
		self.inputs
			.iter()
			.map(|&i| self.values[i].name.as_str())
			.collect()
	}

	pub fn output_names(&self) -> Vec<&str> {
		self.outputs
			.iter()
			.map(|&i| self.values[i].name.as_str())
			.collect()
	}

	/// Number of nodes reading each value (graph outputs count as one reader).
	pub fn use_counts(&self) -> Vec<usize> {
		let mut counts = vec![0; self.values.len()];
		for node in &self.nodes {
			for &i in &node.inputs {
				counts[i] += 1;
			}
		}
		for &o in &self.outputs {
			counts[o] += 1;
		}
		counts
	}
}
