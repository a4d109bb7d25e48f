//! Native per-proof verification time of the committed benchmark fixture with
//! both pairings (best of 20). In the node, the host variant's Miller loop and
//! final exponentiation run natively while the pure variant runs in wasm: the
//! runtime numbers come from the `verify_groth16_*` benchmarks
//! (`scripts/bench-pallets pallet_inference`).
//!
//! ```text
//! cargo run --release -p pallet-inference --example verify_bench
//! ```

use std::time::Instant;

use pallet_inference::{fixture::Fixture, HostGroth16, PureGroth16, VerifyProof};

fn best<F: FnMut()>(mut f: F) -> f64 {
	(0..20)
		.map(|_| {
			let t = Instant::now();
			f();
			t.elapsed().as_secs_f64() * 1e3
		})
		.fold(f64::INFINITY, f64::min)
}

fn main() {
	let f = Fixture::committed().expect("fixture decodes");
	let st = f.statement();
	let pure = best(|| PureGroth16::verify(&f.verifying_key, &st, &f.proof).expect("valid"));
	let host = best(|| HostGroth16::verify(&f.verifying_key, &st, &f.proof).expect("valid"));
	println!(
		"fixture: {} inputs, {} outputs, key {} B; native verify: ark_bls12_381 {pure:.2} ms, \
		 sp_crypto_ec_utils (host calls, native) {host:.2} ms",
		f.input.len(),
		f.output.len(),
		f.verifying_key.len()
	);
}
