//! The example models in models/: float vs onnxruntime, quantized vs float
//! accuracy, reproducible quantization, determinism across thread counts.

mod common;

use common::{
	assert_close, digits, json_tensor, labelled, load_example, models_dir, quantize_options, read,
	sample_inputs, MODELS,
};
use verity_inference::io::{parse_tensor_map, split_samples};
use verity_inference::quant::quantize;
use verity_inference::{FloatModel, QuantizedModel, Tensor};

fn argmax(t: &Tensor) -> usize {
	t.argmax()
}

fn stack(xs: &[Tensor]) -> Tensor {
	let mut shape = xs[0].shape.clone();
	shape[0] = xs.len();
	Tensor::new(shape, xs.iter().flat_map(|x| x.data.clone()).collect()).unwrap()
}

fn qmodel(name: &str) -> QuantizedModel {
	QuantizedModel::from_bytes(&read(models_dir().join(format!("{name}.qmodel")))).unwrap()
}

#[test]
fn float_matches_onnxruntime_on_the_whole_test_split() {
	let d = digits();
	for (name, _) in MODELS {
		let xs = sample_inputs(&d, name);
		let graph = load_example(name, xs.len());
		let out = &FloatModel::new(&graph).unwrap().run(&[stack(&xs)]).unwrap()[0];
		let ort: serde_json::Value =
			serde_json::from_slice(&read(models_dir().join(format!("data/{name}.ort.json"))))
				.unwrap();
		let expected = json_tensor(&ort["outputs"]);
		assert_close(out, &expected, 1e-4, 1e-5, name);
		if !labelled(name) {
			continue;
		}
		// Same predictions, hence the same accuracy, as onnxruntime.
		let classes = out.shape[1];
		let correct = (0..d.labels.len())
			.filter(|&i| {
				let row = Tensor::new(
					vec![classes],
					out.data[i * classes..(i + 1) * classes].to_vec(),
				)
				.unwrap();
				argmax(&row) == d.labels[i]
			})
			.count();
		let accuracy = correct as f64 / d.labels.len() as f64;
		assert!(
			(accuracy - ort["accuracy"].as_f64().unwrap()).abs() < 1e-9,
			"{name}"
		);
	}
}

#[test]
fn quantized_accuracy_is_within_one_point_of_float() {
	let d = digits();
	for (name, _) in MODELS.into_iter().filter(|(name, _)| labelled(name)) {
		let xs = sample_inputs(&d, name);
		let float = FloatModel::new(&load_example(name, 1)).unwrap();
		let q = qmodel(name);
		let q_inputs: Vec<_> = xs
			.iter()
			.map(|x| q.quantize_inputs(std::slice::from_ref(x)).unwrap())
			.collect();
		let q_outputs = q.run_batch(&q_inputs).unwrap();
		let (mut float_ok, mut quant_ok, mut agree) = (0, 0, 0);
		for ((x, qo), &label) in xs.iter().zip(&q_outputs).zip(&d.labels) {
			let f = argmax(&float.run(std::slice::from_ref(x)).unwrap()[0]);
			let qc = argmax(&q.dequantize_outputs(qo)[0]);
			float_ok += (f == label) as usize;
			quant_ok += (qc == label) as usize;
			agree += (f == qc) as usize;
		}
		let n = d.labels.len() as f64;
		let (fa, qa) = (100.0 * float_ok as f64 / n, 100.0 * quant_ok as f64 / n);
		eprintln!(
			"{name}: float {fa:.2}%  fixed-point {qa:.2}%  same prediction {:.2}%",
			100.0 * agree as f64 / n
		);
		assert!(
			(fa - qa).abs() <= 1.0,
			"{name}: float {fa}% vs quantized {qa}%"
		);
	}
}

#[test]
fn quantization_is_reproducible_from_the_committed_calibration() {
	for (name, shape) in MODELS {
		let graph = load_example(name, 1);
		let cal = parse_tensor_map(&read(
			models_dir().join(format!("data/{name}.calibration.json")),
		))
		.unwrap();
		let samples: Vec<Vec<Tensor>> = split_samples(&cal["input"], shape)
			.into_iter()
			.map(|t| vec![t])
			.collect();
		let q = quantize(&graph, &samples, &quantize_options(name)).unwrap();
		let committed = qmodel(name);
		assert_eq!(
			q.hash(),
			committed.hash(),
			"{name}: re-quantization differs from models/{name}.qmodel"
		);
		assert_eq!(
			q.source_onnx_hash,
			verity_inference::hash::to_hex(&graph.onnx_hash)
		);
	}
}

#[test]
fn traces_are_identical_across_thread_counts() {
	let d = digits();
	for (name, _) in MODELS {
		let q = qmodel(name);
		let inputs: Vec<_> = sample_inputs(&d, name)
			.iter()
			.take(24)
			.map(|x| q.quantize_inputs(std::slice::from_ref(x)).unwrap())
			.collect();
		let run = |threads: usize| {
			let pool = rayon::ThreadPoolBuilder::new()
				.num_threads(threads)
				.build()
				.unwrap();
			pool.install(|| q.run_batch(&inputs).unwrap())
		};
		let one = run(1);
		assert_eq!(one, run(2), "{name}");
		// And the per-sample trace agrees with the batched outputs.
		let trace = q.run_traced(&inputs[0]).unwrap();
		let outs: Vec<_> = trace.outputs(&q).into_iter().cloned().collect();
		assert_eq!(outs, one[0]);
	}
}

#[test]
fn trace_layout_is_inputs_then_one_tensor_per_op() {
	let q = qmodel("lenet5");
	let d = digits();
	let x = q
		.quantize_inputs(&sample_inputs(&d, "lenet5")[..1])
		.unwrap();
	let trace = q.run_traced(&x).unwrap();
	assert_eq!(trace.tensors.len(), q.inputs.len() + q.ops.len());
	assert_eq!(trace.tensors[0], x[0]);
	let (lo, hi) = verity_inference::quant::arith::bit_range(q.act_bits);
	for (id, t) in trace.tensors.iter().enumerate() {
		assert_eq!(t.shape, q.tensors[id].shape, "tensor {id}");
		assert!(
			t.data.iter().all(|v| (lo..=hi).contains(v)),
			"tensor {id} out of range"
		);
	}
	let kinds: Vec<_> = q.ops.iter().map(|n| n.op.kind()).collect();
	assert_eq!(
		kinds,
		[
			"Conv2d", "Relu", "AvgPool", "Conv2d", "Relu", "AvgPool", "Reshape", "Linear", "Relu",
			"Linear", "Relu", "Linear"
		]
	);
}

#[test]
fn committed_files_round_trip_canonically() {
	for (name, _) in MODELS {
		let bytes = read(models_dir().join(format!("{name}.qmodel")));
		let q = QuantizedModel::from_bytes(&bytes).unwrap();
		assert_eq!(
			q.to_bytes(),
			bytes,
			"{name}: the file is its canonical bytes"
		);
	}
}
