//! Fixed-point semantics: hand-computed integer results for each op rule, a
//! naive reference for Conv2d, and quantized vs float on every ONNX backend
//! case (broad coverage of the lowering of each op).

mod common;

use std::path::Path;

use proptest::prelude::*;
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::arith::requantize;
use verity_inference::quant::{
	quantize, QInput, QNode, QOutput, QuantizeOptions, TensorSpec, QMODEL_FORMAT,
};
use verity_inference::{FloatModel, IntTensor, OutputTransform, QOp, QuantizedModel};

/// A one-op model: input tensor 0 of `in_shape`, op output tensor 1.
fn one_op(in_shape: Vec<usize>, op: QOp, out_shape: Vec<usize>) -> QuantizedModel {
	let m = QuantizedModel {
		format: QMODEL_FORMAT.into(),
		act_bits: 16,
		source_onnx_hash: String::new(),
		tensors: vec![
			TensorSpec {
				shape: in_shape,
				frac_bits: 4,
			},
			TensorSpec {
				shape: out_shape,
				frac_bits: 4,
			},
		],
		inputs: vec![QInput {
			name: "x".into(),
			tensor: 0,
		}],
		outputs: vec![QOutput {
			name: "y".into(),
			tensor: 1,
			transform: OutputTransform::None,
		}],
		ops: vec![QNode {
			name: "op".into(),
			op,
		}],
		boundary_outputs: false,
	};
	m.validate().unwrap();
	m
}

fn run1(m: &QuantizedModel, data: Vec<i64>) -> Vec<i64> {
	let shape = m.tensors[0].shape.clone();
	m.run(&[IntTensor::new(shape, data).unwrap()])
		.unwrap()
		.remove(0)
		.data
}

#[test]
fn linear_rescales_half_up_and_clamps() {
	let op = QOp::Linear {
		input: 0,
		weight: IntTensor::new(vec![3, 2], vec![1, 1, 1, -1, 30000, 30000]).unwrap(),
		weight_frac_bits: 1,
		bias: vec![1, 0, 0],
		shift: 1,
	};
	let m = one_op(vec![1, 2], op, vec![1, 3]);
	// acc = [2+3+1, 2-3, big]; rescale by 2: 6/2=3, -1/2=-0.5 -> 0 (half up), clamp.
	assert_eq!(run1(&m, vec![2, 3]), vec![3, 0, 32767]);
	assert_eq!(run1(&m, vec![-2, -3]), vec![-2, 1, -32768]); // -4/2=-2, 1/2=0.5 -> 1
}

#[test]
fn avg_pool_divides_with_round_half_up() {
	let op = QOp::AvgPool {
		input: 0,
		kernel: [1, 2],
		strides: [1, 2],
		pads: [0; 4],
		count_include_pad: false,
	};
	let m = one_op(vec![1, 1, 1, 6], op, vec![1, 1, 1, 3]);
	assert_eq!(run1(&m, vec![2, 3, -2, -3, 1, 1]), vec![3, -2, 1]); // 2.5->3, -2.5->-2
																 // Padding: count_include_pad counts padded cells, otherwise only real ones.
	for (include, expected) in [(true, vec![2, 3]), (false, vec![3, 3])] {
		let op = QOp::AvgPool {
			input: 0,
			kernel: [1, 2],
			strides: [1, 2],
			pads: [0, 1, 0, 0],
			count_include_pad: include,
		};
		let m = one_op(vec![1, 1, 1, 3], op, vec![1, 1, 1, 2]);
		assert_eq!(run1(&m, vec![3, 2, 4]), expected); // windows [pad,3]: 3/2 or 3/1, [2,4]: 6/2
	}
}

#[test]
fn max_pool_ignores_padding() {
	let op = QOp::MaxPool {
		input: 0,
		kernel: [2, 2],
		strides: [2, 2],
		pads: [1, 1, 1, 1],
		dilations: [1, 1],
	};
	let m = one_op(vec![1, 1, 2, 2], op, vec![1, 1, 2, 2]);
	assert_eq!(run1(&m, vec![-5, -6, -7, -8]), vec![-5, -6, -7, -8]);
}

#[test]
fn leaky_relu_clip_sum_mul_and_pwl() {
	let m = one_op(
		vec![4],
		QOp::LeakyRelu {
			input: 0,
			multiplier: 1,
			shift: 2,
		},
		vec![4],
	);
	assert_eq!(run1(&m, vec![-6, -5, 0, 7]), vec![-1, -1, 0, 7]); // -1.5 -> -1, -1.25 -> -1
	let m = one_op(
		vec![3],
		QOp::Clip {
			input: 0,
			min: -2,
			max: 5,
		},
		vec![3],
	);
	assert_eq!(run1(&m, vec![-9, 3, 9]), vec![-2, 3, 5]);
	let m = one_op(
		vec![2, 2],
		QOp::Sum {
			inputs: vec![0, 0],
			multipliers: vec![2, -1],
			shift: 1,
		},
		vec![2, 2],
	);
	assert_eq!(run1(&m, vec![1, 2, 3, -3]), vec![1, 1, 2, -1]); // x/2 half up
	let m = one_op(
		vec![3],
		QOp::Mul {
			a: 0,
			b: 0,
			shift: 4,
		},
		vec![3],
	);
	assert_eq!(run1(&m, vec![4, -4, 1000]), vec![1, 1, 32767]);
	let pwl = QOp::PiecewiseLinear {
		input: 0,
		breakpoints: vec![0, 10],
		slopes: vec![0, 2, 0],
		intercepts: vec![-8, 0, 40],
		shift: 1,
	};
	let m = one_op(vec![4], pwl, vec![4]);
	assert_eq!(run1(&m, vec![-3, 0, 5, 10]), vec![-4, 0, 5, 20]);
}

#[test]
fn index_maps() {
	let m = one_op(
		vec![2, 3],
		QOp::Transpose {
			input: 0,
			perm: vec![1, 0],
		},
		vec![3, 2],
	);
	assert_eq!(run1(&m, vec![1, 2, 3, 4, 5, 6]), vec![1, 4, 2, 5, 3, 6]);
	let m = one_op(
		vec![1, 2],
		QOp::Pad {
			input: 0,
			pads: vec![0, 1, 1, 0],
			value: 9,
		},
		vec![2, 3],
	);
	assert_eq!(run1(&m, vec![1, 2]), vec![9, 1, 2, 9, 9, 9]);
	let m = one_op(
		vec![2, 1],
		QOp::Concat {
			inputs: vec![0, 0],
			axis: 1,
		},
		vec![2, 2],
	);
	assert_eq!(run1(&m, vec![1, 2]), vec![1, 1, 2, 2]);
	let m = one_op(vec![2, 3], QOp::Reshape { input: 0 }, vec![3, 2]);
	assert_eq!(run1(&m, vec![1, 2, 3, 4, 5, 6]), vec![1, 2, 3, 4, 5, 6]);
}

/// The documented Conv2d formula, written as naively as possible.
#[allow(clippy::too_many_arguments)]
fn conv_reference(
	x: &[i64],
	xs: [usize; 4],
	w: &[i64],
	ws: [usize; 4],
	bias: &[i64],
	st: [usize; 2],
	p: [usize; 4],
	d: [usize; 2],
	group: usize,
	shift: u32,
	out: [usize; 4],
) -> Vec<i64> {
	let mut y = vec![];
	let ocg = ws[0] / group;
	for n in 0..out[0] {
		for oc in 0..out[1] {
			for oh in 0..out[2] {
				for ow in 0..out[3] {
					let g = oc / ocg;
					let mut acc = bias[oc];
					for ic in 0..ws[1] {
						for kh in 0..ws[2] {
							for kw in 0..ws[3] {
								let r = (oh * st[0] + kh * d[0]) as i64 - p[0] as i64;
								let c = (ow * st[1] + kw * d[1]) as i64 - p[1] as i64;
								if r < 0 || c < 0 || r >= xs[2] as i64 || c >= xs[3] as i64 {
									continue; // zero padding
								}
								let xv = x[((n * xs[1] + g * ws[1] + ic) * xs[2] + r as usize)
									* xs[3] + c as usize];
								acc += w[((oc * ws[1] + ic) * ws[2] + kh) * ws[3] + kw] * xv;
							}
						}
					}
					y.push(requantize(acc, shift, 16));
				}
			}
		}
	}
	y
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

	#[test]
	fn conv2d_matches_the_documented_formula(
		group in 1usize..3, icg in 1usize..3, ocg in 1usize..3, h in 1usize..7, w in 1usize..7,
		kh in 1usize..4, kw in 1usize..4, sh in 1usize..3, sw in 1usize..3, dh in 1usize..3, dw in 1usize..3,
		pads in proptest::array::uniform4(0usize..3), shift in 0u32..6, seed in any::<u64>(),
	) {
		let xs = [2, group * icg, h, w];
		let ws = [group * ocg, icg, kh, kw];
		let (Some(oh), Some(ow)) = (
			verity_inference::shape::pool_output_size(h, kh, sh, pads[0], pads[2], dh),
			verity_inference::shape::pool_output_size(w, kw, sw, pads[1], pads[3], dw),
		) else { return Ok(()) };
		let mut s = seed;
		let mut next = |m: i64| { s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); ((s >> 33) as i64 % (2 * m + 1)) - m };
		let x: Vec<i64> = (0..xs.iter().product::<usize>()).map(|_| next(3000)).collect();
		let wt: Vec<i64> = (0..ws.iter().product::<usize>()).map(|_| next(300)).collect();
		let bias: Vec<i64> = (0..ws[0]).map(|_| next(10000)).collect();
		let out = [2, ws[0], oh, ow];
		let op = QOp::Conv2d {
			input: 0, weight: IntTensor::new(ws.to_vec(), wt.clone()).unwrap(), weight_frac_bits: 0, bias: bias.clone(),
			strides: [sh, sw], pads, dilations: [dh, dw], group, shift,
		};
		let m = one_op(xs.to_vec(), op, out.to_vec());
		let expected = conv_reference(&x, xs, &wt, ws, &bias, [sh, sw], pads, [dh, dw], group, shift, out);
		prop_assert_eq!(run1(&m, x), expected);
	}
}

/// Quantized (dequantized) vs float outputs on each backend case, calibrated
/// on its own input: the error is within 1% of the output range (2% for the
/// piecewise-linear Sigmoid/Tanh).
#[test]
fn quantized_backend_cases_track_float() {
	let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onnx-backend");
	let mut dirs: Vec<_> = std::fs::read_dir(&root)
		.unwrap()
		.map(|e| e.unwrap().path())
		.collect();
	dirs.sort();
	let mut failures = vec![];
	for dir in &dirs {
		let name = dir.file_name().unwrap().to_string_lossy().to_string();
		let graph = onnx::load(
			&common::read(dir.join("model.onnx")),
			&LoadOptions::default(),
		)
		.unwrap();
		let set = dir.join("test_data_set_0");
		let inputs: Vec<_> = (0..graph.inputs.len())
			.map(|i| {
				onnx::decode_tensor_proto(&common::read(set.join(format!("input_{i}.pb")))).unwrap()
			})
			.collect();
		let float = FloatModel::new(&graph).unwrap().run(&inputs).unwrap();
		let q = match quantize(
			&graph,
			std::slice::from_ref(&inputs),
			&QuantizeOptions::default(),
		) {
			Ok(q) => q,
			Err(e) => {
				failures.push(format!("{name}: {e}"));
				continue;
			}
		};
		let out = q.dequantize_outputs(&q.run(&q.quantize_inputs(&inputs).unwrap()).unwrap());
		let tol = if name.contains("Sigmoid") || name.contains("Tanh") {
			0.02
		} else {
			0.01
		};
		for (f, qo) in float.iter().zip(&out) {
			let range = f.data.iter().fold(1e-3f32, |m, v| m.max(v.abs()));
			let worst = f
				.data
				.iter()
				.zip(&qo.data)
				.map(|(a, b)| (a - b).abs())
				.fold(0f32, f32::max);
			if worst > tol * range {
				failures.push(format!("{name}: max error {worst} vs range {range}"));
			}
		}
	}
	assert!(failures.is_empty(), "{}", failures.join("\n"));
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

	/// `avg_pool_divisors` gives the executor's divisors: on an input of 2^10
	/// everywhere, each output is `round_div(cells inside · 2^10, divisor)`.
	#[test]
	fn avg_pool_divisors_match_the_executor(
		h in 1usize..7, w in 1usize..7, kh in 1usize..4, kw in 1usize..4, sh in 1usize..3, sw in 1usize..3,
		pads in proptest::array::uniform4(0usize..3), include in any::<bool>(),
	) {
		let (Some(oh), Some(ow)) = (
			verity_inference::shape::pool_output_size(h, kh, sh, pads[0], pads[2], 1),
			verity_inference::shape::pool_output_size(w, kw, sw, pads[1], pads[3], 1),
		) else { return Ok(()) };
		let touches = verity_inference::shape::every_window_touches_input(h, oh, kh, sh, pads[0], 1)
			&& verity_inference::shape::every_window_touches_input(w, ow, kw, sw, pads[1], 1);
		prop_assume!(touches);
		let op = QOp::AvgPool { input: 0, kernel: [kh, kw], strides: [sh, sw], pads, count_include_pad: include };
		let m = one_op(vec![1, 1, h, w], op, vec![1, 1, oh, ow]);
		let y = run1(&m, vec![1 << 10; h * w]);
		let divisors = verity_inference::quant::avg_pool_divisors([h, w], [oh, ow], [kh, kw], [sh, sw], pads, include);
		let inside = verity_inference::quant::avg_pool_divisors([h, w], [oh, ow], [kh, kw], [sh, sw], pads, false);
		for p in 0..oh * ow {
			prop_assert_eq!(y[p], verity_inference::quant::arith::round_div(inside[p] << 10, divisors[p]));
		}
	}
}
