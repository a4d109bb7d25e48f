//! Native inference precompile against the ZK path, on the three example
//! models (`models/{mlp_digits8,mlp_digits28,lenet5}.qmodel`, inputs from
//! `models/samples/<name>.input.json`).
//!
//! The precompile is timed through the node's real path: every call is
//! [`verity_precompile::host::execute`] with the model's canonical bytes (as
//! the runtime passes them from chain state) and hash. The first call is cold
//! (hashes and parses the bytes); the warm calls hit the parse cache. Before
//! any timing the precompile's output is checked against the engine's
//! `QuantizedModel::run`, so the bench cannot time a wrong path.
//!
//! The charged weight is `<() as pallet_inference::WeightInfo>::infer_now(
//! work_component(work))`, read at run time (the `()` impl carries the same
//! numbers as the generated `SubstrateWeight`).
//!
//! The ZK path of the same model in the same run: Groth16 setup (one-off per
//! model, not part of a request), proving (trace + prove, as
//! `verity_zk::prove` does) and native verification (`verity_zk::verify`,
//! ark_bls12_381).
//!
//! ```text
//! cargo run --release -p pallet-inference --example precompile_bench
//! ```
//!
//! About a minute and a half on 2 shared cores, most of it LeNet-5's setup.

use std::time::Instant;

use pallet_inference::{work_component, WeightInfo};
use rand_chacha::rand_core::SeedableRng;
use verity_inference::{io::parse_tensor_map, IntTensor, QuantizedModel};
use verity_precompile::host;

/// Warm precompile calls per model.
const WARM_CALLS: usize = 50;
/// Native verifications per model (best and median reported).
const VERIFY_CALLS: usize = 10;

/// The example models and how many times each is proved.
const MODELS: [(&str, usize); 3] = [("mlp_digits8", 3), ("mlp_digits28", 3), ("lenet5", 2)];

struct Row {
	name: &'static str,
	work: u64,
	cold_us: f64,
	warm_median_us: f64,
	warm_min_us: f64,
	weight_us: f64,
	setup_s: f64,
	prove_median_ms: f64,
	prove_min_ms: f64,
	prove_reps: usize,
	verify_median_ms: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
	assert!(!v.is_empty(), "median of no samples");
	v.sort_by(f64::total_cmp);
	let n = v.len();
	if n % 2 == 1 {
		v[n / 2]
	} else {
		(v[n / 2 - 1] + v[n / 2]) / 2.0
	}
}

fn min(v: &[f64]) -> f64 {
	v.iter().copied().fold(f64::INFINITY, f64::min)
}

/// Seconds `f` takes, and its result.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
	let t = Instant::now();
	let r = f();
	(t.elapsed().as_secs_f64(), r)
}

/// Charged `infer_now` ref_time for `work` units, in µs.
fn weight_us(work: u64) -> f64 {
	<() as WeightInfo>::infer_now(work_component(work)).ref_time() as f64 / 1e6
}

fn load(models: &str, name: &str) -> (QuantizedModel, Vec<u8>, Vec<IntTensor>) {
	let path = format!("{models}/{name}.qmodel");
	let file = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
	let model = QuantizedModel::from_bytes(&file).unwrap_or_else(|e| panic!("parsing {path}: {e}"));
	let sample_path = format!("{models}/samples/{name}.input.json");
	let sample = parse_tensor_map(
		&std::fs::read(&sample_path).unwrap_or_else(|e| panic!("reading {sample_path}: {e}")),
	)
	.unwrap_or_else(|e| panic!("parsing {sample_path}: {e}"));
	let input = model
		.quantize_input_map(sample)
		.unwrap_or_else(|e| panic!("quantizing {sample_path}: {e}"));
	(model, file, input)
}

fn bench(models: &str, name: &'static str, prove_reps: usize) -> Row {
	let (model, file, input) = load(models, name);
	if file != model.to_bytes() {
		eprintln!("note: {name}.qmodel is not in canonical form; running its canonical bytes");
	}
	let bytes = model.to_bytes();
	let hash = model.hash();
	let work = model.work();

	// The precompile's input: every input tensor's values, concatenated.
	let flat: Vec<i32> = input
		.iter()
		.flat_map(|t| t.data.iter())
		.map(|&v| {
			i32::try_from(v).unwrap_or_else(|_| panic!("{name}: input value {v} is not an i32"))
		})
		.collect();
	let expected: Vec<i64> = model
		.run(&input)
		.unwrap_or_else(|e| panic!("{name}: engine run failed: {e}"))
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect();

	// Cold: the first call for this hash checks and parses the bytes.
	eprintln!("{name}: precompile ({work} work units)");
	let (cold_s, out) = timed(|| host::execute(&hash, &bytes, &flat, work));
	let first = out.unwrap_or_else(|e| panic!("{name}: the precompile refused the call: {e:?}"));
	let got: Vec<i64> = first.iter().map(|&v| i64::from(v)).collect();
	assert!(
		got == expected,
		"{name}: the precompile's output differs from QuantizedModel::run\n  precompile: {got:?}\n  engine:     {expected:?}"
	);

	let warm: Vec<f64> = (0..WARM_CALLS)
		.map(|_| {
			let (s, out) = timed(|| host::execute(&hash, &bytes, &flat, work));
			assert!(
				matches!(&out, Ok(o) if *o == first),
				"{name}: a warm precompile call gave another result: {out:?}"
			);
			s * 1e6
		})
		.collect();

	// The ZK path.
	eprintln!("{name}: Groth16 setup");
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
	let (setup_s, keys) = timed(|| verity_zk::setup(&model, &mut rng));
	let (pk, vk) = keys.unwrap_or_else(|e| panic!("{name}: setup: {e}"));
	let binding = verity_zk::Binding {
		request_id: 1,
		executor: [3; 32],
	};
	eprintln!("{name}: proving ×{prove_reps}");
	let mut proved = None;
	let prove_ms: Vec<f64> = (0..prove_reps)
		.map(|_| {
			let (s, r) = timed(|| verity_zk::prove(&pk, &model, &input, &binding));
			proved = Some(r.unwrap_or_else(|e| panic!("{name}: prove: {e}")));
			s * 1e3
		})
		.collect();
	let (output, proof) = proved.expect("at least one proof");
	let zk_out: Vec<i64> = output.iter().flat_map(|t| t.data.iter().copied()).collect();
	assert!(
		zk_out == expected,
		"{name}: the prover's output differs from the engine's"
	);
	let statement = verity_zk::statement(&model, &input, &output, &binding);
	let verify_ms: Vec<f64> = (0..VERIFY_CALLS)
		.map(|_| {
			let (s, r) = timed(|| verity_zk::verify(&vk, &statement, &proof));
			r.unwrap_or_else(|e| panic!("{name}: the proof does not verify: {e:?}"));
			s * 1e3
		})
		.collect();

	Row {
		name,
		work,
		cold_us: cold_s * 1e6,
		warm_median_us: median(warm.clone()),
		warm_min_us: min(&warm),
		weight_us: weight_us(work),
		setup_s,
		prove_median_ms: median(prove_ms.clone()),
		prove_min_ms: min(&prove_ms),
		prove_reps,
		verify_median_ms: median(verify_ms),
	}
}

fn main() {
	let started = Instant::now();
	let models = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models");
	let rows: Vec<Row> = MODELS
		.iter()
		.map(|&(name, reps)| bench(models, name, reps))
		.collect();

	println!(
		"| model | work units | precompile cold | precompile warm median (min) | ns / work unit | \
		 charged weight | weight µs / 1k work | ZK setup | ZK prove median (min) | ZK verify | \
		 prove / precompile warm |"
	);
	println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
	for r in &rows {
		println!(
			"| {} | {} | {:.0} µs | {:.1} µs ({:.1} µs) | {:.2} | {:.0} µs | {:.1} | {:.2} s | {:.0} ms ({:.0} ms) | {:.2} ms | {:.0}× |",
			r.name,
			r.work,
			r.cold_us,
			r.warm_median_us,
			r.warm_min_us,
			r.warm_median_us * 1e3 / r.work as f64,
			r.weight_us,
			r.weight_us * 1e3 / r.work as f64,
			r.setup_s,
			r.prove_median_ms,
			r.prove_min_ms,
			r.verify_median_ms,
			r.prove_median_ms * 1e3 / r.warm_median_us,
		);
	}

	let base = weight_us(0);
	let per_component = weight_us(verity_precompile::BENCH_LAYER_WORK) - base;
	println!();
	println!(
		"Precompile: `host::execute` with the model's bytes; cold = first call (hash check + parse), \
		 warm = {WARM_CALLS} calls on the parse cache. Output checked equal to `QuantizedModel::run` before timing."
	);
	println!(
		"Charged weight: ref_time of `<() as WeightInfo>::infer_now(work_component(work))` = \
		 {base:.1} µs base (incl. DB reads/writes) + {per_component:.1} µs per {} work units.",
		verity_precompile::BENCH_LAYER_WORK
	);
	println!(
		"ZK: Groth16 setup once per model (one-off, not per request); prove = trace + prove, \
		 median (min) of {} runs; verify = native `verity_zk::verify`, median of {VERIFY_CALLS}. \
		 Ratio = ZK prove median / precompile warm median.",
		rows.iter()
			.map(|r| format!("{} {}", r.prove_reps, r.name))
			.collect::<Vec<_>>()
			.join(", ")
	);
	println!("Total run: {:.0} s.", started.elapsed().as_secs_f64());
}
