//! Load an example model, run it in float and in fixed point, and print the
//! trace layout the zk circuit consumes.
//!
//! `cargo run -p verity-inference --example run_model [models/lenet5.onnx models/lenet5.qmodel]`

use verity_inference::hash::{onnx_hash, to_hex};
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::{FloatModel, QuantizedModel, Tensor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
	let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../models");
	let args: Vec<String> = std::env::args().skip(1).collect();
	let (onnx_path, qmodel_path) = match &args[..] {
		[a, b] => (a.clone(), b.clone()),
		_ => (
			format!("{root}/mlp_digits8.onnx"),
			format!("{root}/mlp_digits8.qmodel"),
		),
	};

	// Float: bind the symbolic batch dimension `N` to 1 and run on candle.
	let bytes = std::fs::read(&onnx_path)?;
	let graph = onnx::load(&bytes, &LoadOptions::default().with_dim("N", 1))?;
	let float = FloatModel::new(&graph)?;
	let input = &graph.values[graph.inputs[0]];
	let n: usize = input.shape.iter().product();
	let x = Tensor::new(
		input.shape.clone(),
		(0..n).map(|i| (i % 5) as f32 / 4.0).collect(),
	)
	.ok_or("shape")?;
	let y = float.run(std::slice::from_ref(&x))?;
	println!("ONNX hash      {}", to_hex(&onnx_hash(&bytes)));
	println!("float output   {:?}", y[0].data);

	// Fixed point: quantize the input, run with the full trace, dequantize.
	let q = QuantizedModel::from_bytes(&std::fs::read(&qmodel_path)?)?;
	println!("qmodel hash    {}", to_hex(&q.hash()));
	let qx = q.quantize_inputs(&[x])?;
	let trace = q.run_traced(&qx)?;
	let outputs: Vec<_> = trace.outputs(&q).into_iter().cloned().collect();
	println!(
		"fixed output   {:?}",
		q.dequantize_outputs(&outputs)[0].data
	);
	println!(
		"\ntrace: {} tensors (inputs, then one per op), act_bits = {}",
		trace.tensors.len(),
		q.act_bits
	);
	for (id, t) in trace.tensors.iter().enumerate() {
		let what = match id.checked_sub(q.inputs.len()) {
			None => format!("input '{}'", q.inputs[id].name),
			Some(j) => format!("op {j}: {} ({})", q.ops[j].op.kind(), q.ops[j].name),
		};
		println!(
			"  tensor {id:>2} {what:<32} shape {:?} frac_bits {} first {:?}",
			t.shape,
			q.tensors[id].frac_bits,
			&t.data[..t.data.len().min(4)]
		);
	}
	Ok(())
}
