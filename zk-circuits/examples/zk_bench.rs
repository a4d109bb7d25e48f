//! Benchmarks the three example models: constraints, setup / prove / verify
//! time, proving-key, verifying-key and proof sizes. Prints one JSON object per
//! model (used by `bench/compare_ezkl.py`) and a table.
//!
//! With `--slices K`, each model is also split into K slices
//! ([`verity_zk::slicing::balanced_cuts`]) and every slice is set up and
//! proved on its own, as K executors would: one row per slice, then the
//! critical path (the slowest slice) against the whole model's proof.
//!
//! ```text
//! cargo run --release -p verity-zk --example zk_bench [-- MODEL.qmodel ...] [--costs] [--slices K]
//! ```

use std::time::Instant;

use rand::SeedableRng;
use verity_inference::{IntTensor, QuantizedModel};
use verity_zk::{prove, setup, statement, verify, Binding};

fn main() {
	let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../models");
	let args: Vec<String> = std::env::args().skip(1).collect();
	let slices: usize = args
		.iter()
		.position(|a| a == "--slices")
		.and_then(|i| args.get(i + 1))
		.map(|k| k.parse().expect("--slices takes a number"))
		.unwrap_or(0);
	let mut paths: Vec<String> = args
		.iter()
		.enumerate()
		.filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--slices"))
		.map(|(_, a)| a.clone())
		.collect();
	if paths.is_empty() {
		paths = ["mlp_digits8", "mlp_digits28", "lenet5"]
			.iter()
			.map(|m| format!("{root}/{m}.qmodel"))
			.collect();
	}
	let prove_runs: usize = std::env::var("ZK_BENCH_RUNS")
		.ok()
		.and_then(|v| v.parse().ok())
		.unwrap_or(3);
	println!(
		"{:<14} {:>11} {:>9} {:>9} {:>9} {:>12} {:>8} {:>6}",
		"model", "constraints", "setup s", "prove s", "verify ms", "pk bytes", "vk bytes", "proof"
	);
	for path in paths {
		let model = match std::fs::read(&path)
			.map_err(|e| e.to_string())
			.and_then(|b| QuantizedModel::from_bytes(&b).map_err(|e| e.to_string()))
		{
			Ok(m) => m,
			Err(e) => {
				eprintln!("{path}: {e}");
				std::process::exit(2);
			}
		};
		if std::env::args().any(|a| a == "--costs") {
			for (part, n) in verity_zk::circuit::cost_report(&model).expect("compile") {
				println!("  {n:>8}  {part}");
			}
		}
		let name = std::path::Path::new(&path)
			.file_stem()
			.map(|s| s.to_string_lossy().to_string())
			.unwrap_or_default();
		// Deterministic input: an image-like ramp over the non-negative half
		// of the model's activation range.
		let top = 1i64 << (model.act_bits - 1);
		let input: Vec<IntTensor> = model
			.inputs
			.iter()
			.map(|i| {
				let shape = model.tensors[i.tensor].shape.clone();
				let n: usize = shape.iter().product();
				IntTensor {
					shape,
					data: (0..n).map(|k| (k as i64 * 37) % top).collect(),
				}
			})
			.collect();
		let binding = Binding {
			request_id: 1,
			executor: [3; 32],
		};
		let Measured {
			pk,
			vk,
			setup_s,
			prove_s: best,
			output,
			proof,
		} = measure(&model, &input, &binding, prove_runs);
		let pk_bytes = pk.to_bytes().len();
		let vk_bytes = vk.to_bytes().len();
		let st = statement(&model, &input, &output, &binding);
		// The two halves of verification: the statement (Poseidon over the
		// packed input) and the pairing check.
		let (mut statement_best, mut pairing_best) = (f64::MAX, f64::MAX);
		for _ in 0..10 {
			let t = Instant::now();
			let inputs = vk.layout.public_inputs(&st).expect("statement");
			statement_best = statement_best.min(t.elapsed().as_secs_f64());
			let t = Instant::now();
			verity_zk::verify_public_inputs(&vk, &inputs, &proof).expect("valid");
			pairing_best = pairing_best.min(t.elapsed().as_secs_f64());
		}
		eprintln!(
			"  verify = statement {:.2} ms + pairing check {:.2} ms",
			statement_best * 1e3,
			pairing_best * 1e3
		);
		let mut unprepared_best = f64::MAX;
		for _ in 0..10 {
			let t = Instant::now();
			verify(&vk, &st, &proof).expect("valid proof");
			unprepared_best = unprepared_best.min(t.elapsed().as_secs_f64());
		}
		// A verifier that checks many proofs of one model prepares its key once.
		let pvk = vk.prepare();
		let mut verify_best = f64::MAX;
		for _ in 0..10 {
			let t = Instant::now();
			verity_zk::verify_prepared(&pvk, &st, &proof).expect("valid proof");
			verify_best = verify_best.min(t.elapsed().as_secs_f64());
		}
		eprintln!(
			"  verify {:.2} ms with a prepared key, {:.2} ms without",
			verify_best * 1e3,
			unprepared_best * 1e3
		);
		println!(
			"{:<14} {:>11} {:>9.2} {:>9.3} {:>9.2} {:>12} {:>8} {:>6}",
			name,
			pk.num_constraints,
			setup_s,
			best,
			verify_best * 1e3,
			pk_bytes,
			vk_bytes,
			proof.to_bytes().len()
		);
		println!(
            "JSON {{\"model\":\"{name}\",\"constraints\":{},\"variables\":{},\"setup_s\":{setup_s:.3},\"prove_s\":{best:.4},\"verify_ms\":{:.3},\"verify_unprepared_ms\":{:.3},\"pk_bytes\":{pk_bytes},\"vk_bytes\":{vk_bytes},\"proof_bytes\":{}}}",
            pk.num_constraints,
            pk.num_vars,
            verify_best * 1e3,
            unprepared_best * 1e3,
            proof.to_bytes().len()
        );
		if slices > 1 {
			bench_slices(&name, &model, &input, &binding, slices, prove_runs, best);
		}
	}
}

/// Keys, times and the last proof of one model.
struct Measured {
	pk: verity_zk::ProvingKey,
	vk: verity_zk::VerifyingKey<verity_zk::Bls12_381>,
	setup_s: f64,
	/// Best of `runs` proofs (the circuit compiled beforehand, as a worker holds it).
	prove_s: f64,
	output: Vec<IntTensor>,
	proof: verity_zk::Proof<verity_zk::Bls12_381>,
}

fn measure(
	model: &QuantizedModel,
	input: &[IntTensor],
	binding: &Binding,
	runs: usize,
) -> Measured {
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
	let t = Instant::now();
	let (pk, vk) = setup(model, &mut rng).expect("setup");
	let setup_s = t.elapsed().as_secs_f64();
	pk.prepare(model).expect("compile");
	let mut best = f64::MAX;
	let mut last = None;
	for _ in 0..runs.max(1) {
		let t = Instant::now();
		let r = prove(&pk, model, input, binding).expect("prove");
		best = best.min(t.elapsed().as_secs_f64());
		last = Some(r);
	}
	let (output, proof) = last.expect("one run");
	Measured {
		pk,
		vk,
		setup_s,
		prove_s: best,
		output,
		proof,
	}
}

/// Splits `model` into `count` slices, sets up and proves each on its
/// predecessor's output, checks each proof and the chain of commitments, and
/// prints a row per slice and the critical path.
fn bench_slices(
	name: &str,
	model: &QuantizedModel,
	input: &[IntTensor],
	binding: &Binding,
	count: usize,
	runs: usize,
	whole_s: f64,
) {
	let cuts = verity_zk::slicing::balanced_cuts(model, count).expect("cuts");
	let slices = model.slices(&cuts).expect("slices");
	let request_input = verity_zk::circuit::layout(model)
		.and_then(|l| l.input_commitment(&flat(input)))
		.expect("input commitment");
	let mut tensors = input.to_vec();
	let mut links = Vec::new();
	let mut slowest = 0f64;
	let bounds: Vec<usize> = std::iter::once(0)
		.chain(cuts.iter().copied())
		.chain(std::iter::once(model.ops.len()))
		.collect();
	for (i, slice) in slices.iter().enumerate() {
		let m = measure(slice, &tensors, binding, runs);
		let st = statement(slice, &tensors, &m.output, binding);
		verify(&m.vk, &st, &m.proof).expect("slice proof verifies");
		let c_in = m.vk.layout.input_commitment(&st.input).expect("commitment");
		let c_out =
			m.vk.layout
				.output_commitment(&st.output)
				.expect("commitment");
		links.push((c_in, c_out));
		slowest = slowest.max(m.prove_s);
		let label = format!("{name}/{}", i + 1);
		println!(
			"{:<14} {:>11} {:>9.2} {:>9.3} {:>9} {:>12} {:>8} {:>6}  ops {}..{}",
			label,
			m.pk.num_constraints,
			m.setup_s,
			m.prove_s,
			"",
			m.pk.to_bytes().len(),
			m.vk.to_bytes().len(),
			m.proof.to_bytes().len(),
			bounds[i],
			bounds[i + 1]
		);
		println!(
			"JSON {{\"model\":\"{name}\",\"slice\":{i},\"slices\":{count},\"ops\":[{},{}],\"constraints\":{},\"setup_s\":{:.3},\"prove_s\":{:.4},\"pk_bytes\":{}}}",
			bounds[i],
			bounds[i + 1],
			m.pk.num_constraints,
			m.setup_s,
			m.prove_s,
			m.pk.to_bytes().len()
		);
		tensors = m.output;
	}
	assert_eq!(
		tensors,
		model.run(input).expect("run"),
		"the slices compute the model"
	);
	assert_eq!(
		verity_zk::slicing::first_broken_link(request_input, &links),
		None,
		"the commitments chain"
	);
	println!(
		"{name}: {count} slices at {cuts:?}: critical path (slowest slice) {slowest:.3} s against {whole_s:.3} s for the whole proof ({:.2}x)",
		whole_s / slowest
	);
}

fn flat(tensors: &[IntTensor]) -> Vec<i64> {
	tensors
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect()
}
