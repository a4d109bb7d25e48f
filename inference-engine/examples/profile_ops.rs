//! Per-node timing of a model in float and fixed point (a profiling aid):
//! `cargo run --release -p verity-inference --example profile_ops -- models/lenet5.onnx models/lenet5.qmodel`
/// CPU time of this thread in ns (immune to other processes competing for the
/// cores, unlike wall time), from /proc/thread-self/schedstat.
fn cpu_ns() -> u64 {
	std::fs::read_to_string("/proc/thread-self/schedstat")
		.ok()
		.and_then(|s| s.split_whitespace().next()?.parse().ok())
		.unwrap_or(0)
}

struct Instant(u64);
impl Instant {
	fn now() -> Self {
		Instant(cpu_ns())
	}
	fn elapsed(&self) -> std::time::Duration {
		std::time::Duration::from_nanos(cpu_ns() - self.0)
	}
}

use verity_inference::onnx::{self, LoadOptions};
use verity_inference::{FloatModel, QuantizedModel, Tensor};

fn main() {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let [onnx_path, qmodel_path] = &args[..] else {
		eprintln!("usage: profile_ops MODEL.onnx MODEL.qmodel");
		std::process::exit(2);
	};
	let bytes = std::fs::read(onnx_path).unwrap();
	let graph = onnx::load(&bytes, &LoadOptions::default().with_dim("N", 1)).unwrap();
	let inputs: Vec<Tensor> = graph
		.inputs
		.iter()
		.map(|&i| {
			let shape = graph.values[i].shape.clone();
			let n = shape.iter().product();
			Tensor::new(shape, (0..n).map(|k| (k % 7) as f32 / 7.0).collect()).unwrap()
		})
		.collect();
	let reps = 2000;
	// Whole-model timings.
	let float = FloatModel::new(&graph).unwrap();
	let t = Instant::now();
	for _ in 0..reps {
		float.run(&inputs).unwrap();
	}
	println!(
		"float run: {:.1} us",
		t.elapsed().as_secs_f64() * 1e6 / reps as f64
	);
	let q = QuantizedModel::from_bytes(&std::fs::read(qmodel_path).unwrap()).unwrap();
	let qx = q.quantize_inputs(&inputs).unwrap();
	let exec = q.executor();
	let t = Instant::now();
	for _ in 0..reps {
		exec.run_traced(&qx).unwrap();
	}
	println!(
		"fixed run: {:.1} us",
		t.elapsed().as_secs_f64() * 1e6 / reps as f64
	);
	// Per op of the fixed-point model: time each prefix (models are chains here).
	for j in 0..q.ops.len() {
		let mut prefix = q.clone();
		prefix.ops.truncate(j + 1);
		prefix.tensors.truncate(q.inputs.len() + j + 1);
		prefix.outputs = vec![];
		let e = prefix.executor();
		let t = Instant::now();
		for _ in 0..reps {
			e.run_traced(&qx).unwrap();
		}
		println!(
			"fixed ops[..={j}] {:<10} {:.1} us",
			q.ops[j].op.kind(),
			t.elapsed().as_secs_f64() * 1e6 / reps as f64
		);
	}
}
