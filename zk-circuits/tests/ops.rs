//! Every op the compiler supports, on small models built here: the engine's
//! trace satisfies the circuit for random inputs, altered traces do not, and a
//! model with a large (committed) output proves and verifies end to end.

mod common;

use common::*;
use rand::Rng;
use verity_inference::quant::approx::{piecewise_linear, Curve};
use verity_inference::quant::{QInput, QOutput};
use verity_inference::{IntTensor, OutputTransform, QNode, QOp, QuantizedModel, TensorSpec};

struct Builder(QuantizedModel);

impl Builder {
	fn new(input_shape: Vec<usize>) -> Self {
		Builder(QuantizedModel {
			format: verity_inference::quant::QMODEL_FORMAT.into(),
			act_bits: 16,
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
		})
	}

	fn op(&mut self, op: QOp, shape: Vec<usize>) -> usize {
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

	fn done(mut self, outputs: &[usize]) -> QuantizedModel {
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

fn ints(shape: Vec<usize>, r: &mut impl Rng, lo: i64, hi: i64) -> IntTensor {
	let n = shape.iter().product();
	IntTensor {
		shape,
		data: (0..n).map(|_| r.gen_range(lo..=hi)).collect(),
	}
}

/// Conv (padding, stride, groups), fused ReLU, max pool, average pool with
/// border divisors 1, 2, 4 (not all powers of two after count_include_pad),
/// flatten, linear.
fn conv_model(r: &mut impl Rng) -> QuantizedModel {
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
fn elementwise_model(r: &mut impl Rng) -> QuantizedModel {
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

fn matmul_model(r: &mut impl Rng) -> QuantizedModel {
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
fn wide_model(r: &mut impl Rng) -> QuantizedModel {
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

fn check_model(model: &QuantizedModel, r: &mut impl Rng, runs: usize) {
	for _ in 0..runs {
		let inputs = random_inputs(model, r);
		let trace = model.run_traced(&inputs).unwrap();
		let publics = public_inputs(model, &inputs, &trace, &binding(1, 1));
		assert_eq!(check(model, &trace, publics.clone()), Ok(None));
		for t in model.inputs.len()..model.tensors.len() {
			if matches!(model.ops[t - model.inputs.len()].op, QOp::Constant { .. }) {
				continue;
			}
			let i = r.gen_range(0..trace.tensors[t].data.len());
			for delta in [1, -1] {
				let mut altered = trace.clone();
				altered.tensors[t].data[i] += delta;
				assert!(
					!matches!(check(model, &altered, publics.clone()), Ok(None)),
					"tensor {t}[{i}] {delta:+}"
				);
			}
		}
	}
}

#[test]
fn convolutions_and_pools() {
	let mut r = rng(30);
	let model = conv_model(&mut r);
	check_model(&model, &mut r, 30);
}

#[test]
fn elementwise_ops_and_moves() {
	let mut r = rng(31);
	let model = elementwise_model(&mut r);
	check_model(&model, &mut r, 60);
}

#[test]
fn matmul() {
	let mut r = rng(32);
	let model = matmul_model(&mut r);
	check_model(&model, &mut r, 30);
}

#[test]
fn committed_output_end_to_end() {
	let mut r = rng(33);
	let model = wide_model(&mut r);
	let layout = verity_zk::circuit::layout(&model).unwrap();
	assert!(layout.output_committed());
	check_model(&model, &mut r, 5);
	let (pk, vk) = verity_zk::setup(&model, &mut r).unwrap();
	let inputs = random_inputs(&model, &mut r);
	let b = binding(3, 4);
	let (outputs, proof) = verity_zk::prove(&pk, &model, &inputs, &b).unwrap();
	let st = verity_zk::statement(&model, &inputs, &outputs, &b);
	assert_eq!(verity_zk::verify(&vk, &st, &proof), Ok(()));
	let mut bad = st.clone();
	bad.output[69] -= 1;
	assert_eq!(
		verity_zk::verify(&vk, &bad, &proof),
		Err(verity_zk::Error::InvalidProof)
	);
}
