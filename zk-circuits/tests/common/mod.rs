//! Shared test helpers: example models, small models covering every op,
//! seeded randomness, satisfiability.
#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use verity_inference::quant::approx::{piecewise_linear, Curve};
use verity_inference::quant::{QInput, QOutput};
use verity_inference::{IntTensor, OutputTransform, QNode, QOp, QuantizedModel, TensorSpec, Trace};
use verity_zk::circuit::{layout, ModelCircuit};
use verity_zk::r1cs::MatrixBackend;
use verity_zk::{Binding, Fr};

pub fn rng(seed: u64) -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(seed)
}

pub fn example(name: &str) -> QuantizedModel {
	let path = format!("{}/../models/{name}.qmodel", env!("CARGO_MANIFEST_DIR"));
	QuantizedModel::from_bytes(&std::fs::read(path).expect("example model")).expect("valid model")
}

/// Random integer inputs over the whole signed act_bits range (and, half the
/// time, small values as real data has).
pub fn random_inputs(model: &QuantizedModel, rng: &mut impl Rng) -> Vec<IntTensor> {
	let half = 1i64 << (model.act_bits - 1);
	let small = rng.gen_bool(0.5);
	model
		.inputs
		.iter()
		.map(|i| {
			let shape = model.tensors[i.tensor].shape.clone();
			let n = shape.iter().product();
			let data = (0..n)
				.map(|_| {
					if small {
						rng.gen_range(-half / 8..half / 8)
					} else {
						rng.gen_range(-half..half)
					}
				})
				.collect();
			IntTensor { shape, data }
		})
		.collect()
}

pub fn binding(request_id: u64, seed: u8) -> Binding {
	Binding {
		request_id,
		executor: [seed; 32],
	}
}

/// Public inputs of the run of `model` on `inputs` recorded in `trace`.
pub fn public_inputs(
	model: &QuantizedModel,
	inputs: &[IntTensor],
	trace: &Trace,
	b: &Binding,
) -> Vec<Fr> {
	let outputs: Vec<IntTensor> = trace.outputs(model).into_iter().cloned().collect();
	let st = verity_zk::statement(model, inputs, &outputs, b);
	layout(model).unwrap().public_inputs(&st).unwrap()
}

/// Builds the R1CS and witness from `trace`; `Ok(None)` if satisfied,
/// `Ok(Some(row))` for the first violated constraint, `Err` if no witness
/// could even be built.
pub fn check(
	model: &QuantizedModel,
	trace: &Trace,
	publics: Vec<Fr>,
) -> Result<Option<usize>, verity_zk::Error> {
	let circuit = ModelCircuit {
		model,
		trace: std::borrow::Cow::Borrowed(trace),
		public_inputs: publics,
	};
	let mut m = MatrixBackend::new();
	circuit.synthesize(&mut m)?;
	Ok(m.first_unsatisfied())
}

// ---------------------------------------------------------------------------
// Small models built in code (every op the compiler supports).

pub struct Builder(pub QuantizedModel);

impl Builder {
	pub fn new(input_shape: Vec<usize>) -> Self {
		Self::with_bits(16, input_shape)
	}

	/// A model of `act_bits`-bit activations with one input of `input_shape`.
	pub fn with_bits(act_bits: u32, input_shape: Vec<usize>) -> Self {
		Builder(QuantizedModel {
			format: verity_inference::quant::QMODEL_FORMAT.into(),
			act_bits,
			source_onnx_hash: String::new(),
			tensors: vec![TensorSpec {
				shape: input_shape,
				frac_bits: 8,
			}],
			inputs: vec![QInput {
				name: "x".into(),
				tensor: 0,
			}],
			outputs: vec![],
			ops: vec![],
			boundary_outputs: false,
		})
	}

	pub fn op(&mut self, op: QOp, shape: Vec<usize>) -> usize {
		let id = self.0.tensors.len();
		self.0.ops.push(QNode {
			name: format!("op{id}"),
			op,
		});
		self.0.tensors.push(TensorSpec {
			shape,
			frac_bits: 8,
		});
		id
	}

	pub fn done(mut self, outputs: &[usize]) -> QuantizedModel {
		for &t in outputs {
			self.0.outputs.push(QOutput {
				name: format!("y{t}"),
				tensor: t,
				transform: OutputTransform::None,
			});
		}
		self.0.validate().expect("valid test model");
		self.0
	}
}

pub fn ints(shape: Vec<usize>, r: &mut impl Rng, lo: i64, hi: i64) -> IntTensor {
	let n = shape.iter().product();
	IntTensor {
		shape,
		data: (0..n).map(|_| r.gen_range(lo..=hi)).collect(),
	}
}

/// Conv (padding, stride, groups), fused ReLU, max pool, average pool with
/// border divisors 1, 2, 4 (not all powers of two after count_include_pad),
/// flatten, linear.
pub fn conv_model(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::new(vec![1, 2, 6, 6]);
	let w1 = ints(vec![4, 1, 3, 3], r, -300, 300);
	let c1 = b.op(
		QOp::Conv2d {
			input: 0,
			weight: w1,
			weight_frac_bits: 8,
			bias: vec![5, -7, 300, 0],
			strides: [1, 1],
			pads: [1, 1, 1, 1],
			dilations: [1, 1],
			group: 2,
			shift: 8,
		},
		vec![1, 4, 6, 6],
	);
	let r1 = b.op(QOp::Relu { input: c1 }, vec![1, 4, 6, 6]);
	let p1 = b.op(
		QOp::MaxPool {
			input: r1,
			kernel: [2, 2],
			strides: [2, 2],
			pads: [0, 0, 0, 0],
			dilations: [1, 1],
		},
		vec![1, 4, 3, 3],
	);
	let w2 = ints(vec![3, 4, 2, 2], r, -200, 200);
	let c2 = b.op(
		QOp::Conv2d {
			input: p1,
			weight: w2,
			weight_frac_bits: 8,
			bias: vec![1, 2, 3],
			strides: [2, 2],
			pads: [1, 1, 0, 0],
			dilations: [1, 1],
			group: 1,
			shift: 9,
		},
		vec![1, 3, 2, 2],
	);
	let a1 = b.op(
		QOp::AvgPool {
			input: c2,
			kernel: [3, 3],
			strides: [1, 1],
			pads: [1, 1, 1, 1],
			count_include_pad: false,
		},
		vec![1, 3, 2, 2],
	);
	let a2 = b.op(
		QOp::AvgPool {
			input: a1,
			kernel: [2, 2],
			strides: [1, 1],
			pads: [0, 0, 1, 1],
			count_include_pad: true,
		},
		vec![1, 3, 2, 2],
	);
	let f = b.op(QOp::Reshape { input: a2 }, vec![1, 12]);
	let w3 = ints(vec![5, 12], r, -1000, 1000);
	let l = b.op(
		QOp::Linear {
			input: f,
			weight: w3,
			weight_frac_bits: 8,
			bias: vec![0, 1, -1, 100, -100],
			shift: 8,
		},
		vec![1, 5],
	);
	b.done(&[l])
}

/// Element-wise ops, a constant, broadcasting, leaky ReLU, clip, sigmoid,
/// transpose, concat, pad and an unfused ReLU (its input is also an output).
pub fn elementwise_model(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::new(vec![1, 4]);
	let c = b.op(
		QOp::Constant {
			value: ints(vec![1, 4], r, -1000, 1000),
		},
		vec![1, 4],
	);
	let row = b.op(
		QOp::Constant {
			value: ints(vec![4], r, -50, 50),
		},
		vec![4],
	);
	let s = b.op(
		QOp::Sum {
			inputs: vec![0, c, row],
			multipliers: vec![2, -1, 3],
			shift: 1,
		},
		vec![1, 4],
	);
	let m = b.op(
		QOp::Mul {
			a: s,
			b: 0,
			shift: 12,
		},
		vec![1, 4],
	);
	let ca = b.op(
		QOp::ChannelAffine {
			input: m,
			multipliers: vec![3, -2, 1, 5],
			biases: vec![10, 0, -10, 7],
			shift: 2,
		},
		vec![1, 4],
	);
	let lr = b.op(
		QOp::LeakyRelu {
			input: ca,
			multiplier: 13,
			shift: 7,
		},
		vec![1, 4],
	);
	let cl = b.op(
		QOp::Clip {
			input: lr,
			min: -3000,
			max: 2500,
		},
		vec![1, 4],
	);
	let sg = b.op(piecewise_linear(Curve::Sigmoid, cl, 8, 12), vec![1, 4]);
	let th = b.op(piecewise_linear(Curve::Tanh, 0, 8, 12), vec![1, 4]);
	let tr = b.op(
		QOp::Transpose {
			input: sg,
			perm: vec![1, 0],
		},
		vec![4, 1],
	);
	let cc = b.op(
		QOp::Concat {
			inputs: vec![tr, tr],
			axis: 0,
		},
		vec![8, 1],
	);
	let pd = b.op(
		QOp::Pad {
			input: cc,
			pads: vec![1, 0, 1, 0],
			value: -5,
		},
		vec![10, 1],
	);
	let re = b.op(QOp::Relu { input: s }, vec![1, 4]);
	b.done(&[pd, re, s, th])
}

pub fn matmul_model(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::new(vec![2, 3]);
	let k = b.op(
		QOp::Constant {
			value: ints(vec![3, 2], r, -3000, 3000),
		},
		vec![3, 2],
	);
	let mm = b.op(
		QOp::MatMul {
			a: 0,
			b: k,
			shift: 10,
		},
		vec![2, 2],
	);
	let re = b.op(QOp::Relu { input: mm }, vec![2, 2]);
	b.done(&[re])
}

/// 70 outputs: more than 4 packed elements, so the output is committed.
pub fn wide_model(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::new(vec![1, 70]);
	let l = b.op(
		QOp::Linear {
			input: 0,
			weight: ints(vec![70, 70], r, -500, 500),
			weight_frac_bits: 8,
			bias: vec![3; 70],
			shift: 10,
		},
		vec![1, 70],
	);
	b.done(&[l])
}
