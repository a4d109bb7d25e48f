//! Benchmarks the three example models: constraints, setup / prove / verify
//! time, proving-key, verifying-key and proof sizes. Prints one JSON object per
//! model (used by `bench/compare_ezkl.py`) and a table.
//!
//! ```text
//! cargo run --release -p verity-zk --example zk_bench [-- MODEL.qmodel ...]
//! ```

use std::time::Instant;

use rand::SeedableRng;
use verity_inference::{IntTensor, QuantizedModel};
use verity_zk::{prove, setup, statement, verify, Binding};

fn main() {
	let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../models");
	let mut paths: Vec<String> = std::env::args()
		.skip(1)
		.filter(|a| !a.starts_with("--"))
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
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
		let t = Instant::now();
		let (pk, vk) = setup(&model, &mut rng).expect("setup");
		let setup_s = t.elapsed().as_secs_f64();
		let pk_bytes = pk.to_bytes().len();
		let vk_bytes = vk.to_bytes().len();
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
		pk.prepare(&model).expect("compile");
		let mut best = f64::MAX;
		let mut last = None;
		for _ in 0..prove_runs.max(1) {
			let t = Instant::now();
			let r = prove(&pk, &model, &input, &binding).expect("prove");
			best = best.min(t.elapsed().as_secs_f64());
			last = Some(r);
		}
		let (output, proof) = last.expect("one run");
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
	}
}
