//! Slicing a quantized model at op boundaries: the slices are valid models
//! whose sequential run computes exactly the whole model's integers.

mod common;

use common::{models_dir, read};
use verity_inference::quant::{QInput, QOutput};
use verity_inference::{IntTensor, OutputTransform, QNode, QOp, QuantizedModel, TensorSpec};

const EXAMPLES: [&str; 4] = ["mlp_digits8", "mlp_digits28", "lenet5", "cifar_cnn"];

fn qmodel_bytes(name: &str) -> Vec<u8> {
	read(models_dir().join(format!("{name}.qmodel")))
}

/// Deterministic inputs over the model's whole activation range.
fn inputs(model: &QuantizedModel, seed: u64) -> Vec<IntTensor> {
	let half = 1i64 << (model.act_bits - 1);
	let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
	model
		.inputs
		.iter()
		.map(|i| {
			let shape = model.tensors[i.tensor].shape.clone();
			let n = shape.iter().product();
			let data = (0..n)
				.map(|_| {
					state ^= state << 13;
					state ^= state >> 7;
					state ^= state << 17;
					(state % (2 * half as u64)) as i64 - half
				})
				.collect();
			IntTensor { shape, data }
		})
		.collect()
}

/// Runs the slices one after the other, each on the previous one's outputs.
fn run_sliced(slices: &[QuantizedModel], input: Vec<IntTensor>) -> Vec<IntTensor> {
	slices.iter().fold(input, |tensors, slice| {
		slice.run(&tensors).expect("slice runs")
	})
}

fn check_slices(model: &QuantizedModel, cuts: &[usize], input: &[IntTensor], what: &str) {
	let slices = model.slices(cuts).expect(what);
	assert_eq!(slices.len(), cuts.len() + 1, "{what}");
	for (i, slice) in slices.iter().enumerate() {
		let last = i + 1 == slices.len();
		assert_eq!(slice.boundary_outputs, !last, "{what}: slice {i}");
		// Each slice is a model of its own: its file reads back as itself.
		let back = QuantizedModel::from_bytes(&slice.to_bytes()).expect(what);
		assert_eq!(&back, slice, "{what}: slice {i} round trip");
		if let Some(next) = slices.get(i + 1) {
			let shapes = |m: &QuantizedModel, ids: Vec<usize>| -> Vec<Vec<usize>> {
				ids.into_iter()
					.map(|t| m.tensors[t].shape.clone())
					.collect()
			};
			assert_eq!(
				shapes(slice, slice.outputs.iter().map(|o| o.tensor).collect()),
				shapes(next, next.inputs.iter().map(|i| i.tensor).collect()),
				"{what}: slice {i} hands slice {} what it takes",
				i + 1
			);
		}
	}
	assert_eq!(
		slices.iter().map(|s| s.ops.len()).sum::<usize>(),
		model.ops.len()
	);
	let last = slices.last().expect("one slice");
	assert_eq!(last.outputs.len(), model.outputs.len());
	for (a, b) in last.outputs.iter().zip(&model.outputs) {
		assert_eq!((&a.name, &a.transform), (&b.name, &b.transform), "{what}");
	}
	assert_eq!(
		run_sliced(&slices, input.to_vec()),
		model.run(input).expect("whole model runs"),
		"{what}: the slices compute the whole model's integers"
	);
}

#[test]
fn every_cut_of_the_example_models_computes_the_same_integers() {
	for name in EXAMPLES {
		let model = QuantizedModel::from_bytes(&qmodel_bytes(name)).unwrap();
		let input = inputs(&model, 7);
		let n = model.ops.len();
		for cut in 1..n {
			check_slices(&model, &[cut], &input, &format!("{name} cut at {cut}"));
		}
		let thirds = [n / 3, 2 * n / 3];
		check_slices(&model, &thirds, &input, &format!("{name} in three"));
		let every: Vec<usize> = (1..n).collect();
		check_slices(&model, &every, &input, &format!("{name}, one op per slice"));
	}
}

#[test]
fn whole_models_keep_their_bytes_and_hash() {
	for name in EXAMPLES {
		let bytes = qmodel_bytes(name);
		let model = QuantizedModel::from_bytes(&bytes).unwrap();
		assert!(!model.boundary_outputs);
		assert_eq!(model.canonical_bytes(), bytes, "{name}");
		// A slice other than the last says so in its bytes (and so its hash).
		let first = model.slices(&[1]).unwrap().remove(0);
		let text = String::from_utf8(first.to_bytes()).unwrap();
		assert!(text.ends_with(",\"boundary_outputs\":true}"), "{name}");
	}
}

/// x → relu → clip → relu, then concat(first relu, last relu): the first
/// relu's tensor is read two cuts later, so it passes through the middle slice.
fn skip_model() -> QuantizedModel {
	let spec = |n: usize| TensorSpec {
		shape: vec![n],
		frac_bits: 4,
	};
	let node = |name: &str, op: QOp| QNode {
		name: name.into(),
		op,
	};
	let model = QuantizedModel {
		format: verity_inference::quant::QMODEL_FORMAT.into(),
		act_bits: 8,
		source_onnx_hash: String::new(),
		tensors: vec![spec(4), spec(4), spec(4), spec(4), spec(8)],
		inputs: vec![QInput {
			name: "x".into(),
			tensor: 0,
		}],
		outputs: vec![QOutput {
			name: "y".into(),
			tensor: 4,
			transform: OutputTransform::None,
		}],
		ops: vec![
			node("relu1", QOp::Relu { input: 0 }),
			node(
				"clip",
				QOp::Clip {
					input: 1,
					min: -3,
					max: 50,
				},
			),
			node("relu2", QOp::Relu { input: 2 }),
			node(
				"concat",
				QOp::Concat {
					inputs: vec![1, 3],
					axis: 0,
				},
			),
		],
		boundary_outputs: false,
	};
	model.validate().unwrap();
	model
}

#[test]
fn a_tensor_read_past_the_next_cut_passes_through_the_slices_between() {
	let model = skip_model();
	assert_eq!(model.boundary(0), vec![0]);
	assert_eq!(model.boundary(2), vec![1, 2]);
	assert_eq!(model.boundary(3), vec![1, 3]);
	assert_eq!(model.boundary(4), vec![4]);
	let slices = model.slices(&[2, 3]).unwrap();
	let middle = &slices[1];
	let names = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<_>>();
	assert_eq!(
		names(middle.inputs.iter().map(|i| &i.name).collect()),
		["relu1", "clip"]
	);
	assert_eq!(
		names(middle.outputs.iter().map(|o| &o.name).collect()),
		["relu1", "relu2"]
	);
	// The pass-through output is the middle slice's own input tensor.
	assert_eq!(middle.outputs[0].tensor, middle.inputs[0].tensor);
	let input = vec![IntTensor::new(vec![4], vec![-100, -2, 30, 127]).unwrap()];
	check_slices(&model, &[2, 3], &input, "skip model");
	check_slices(&model, &[1], &input, "skip model at 1");
}

#[test]
fn slice_points_outside_the_model_or_out_of_order_are_refused() {
	let model = skip_model();
	for cuts in [&[0][..], &[4], &[9], &[2, 2], &[3, 1]] {
		let err = model.slices(cuts).unwrap_err().to_string();
		assert!(
			err.contains("slice point") && (err.contains("between") || err.contains("increase")),
			"{cuts:?}: {err}"
		);
	}
	assert!(model.slice(2..2).is_err());
	assert!(model.slice(1..5).is_err());
	// No cut at all: the one slice is the model itself.
	assert_eq!(model.slices(&[]).unwrap(), vec![model.clone()]);
}
