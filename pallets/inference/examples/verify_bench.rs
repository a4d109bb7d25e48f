//! Native per-proof verification time of the committed benchmark fixture with
//! the three verifiers (best of 20). In the node, `NativeGroth16` runs all of
//! this natively in one host call, `HostGroth16` only its curve arithmetic,
//! and `PureGroth16` none of it: the runtime numbers come from the
//! `verify_groth16_*` benchmarks (`scripts/bench-pallets pallet_inference`).
//!
//! ```text
//! cargo run --release -p pallet-inference --example verify_bench
//! ```

use std::time::Instant;

use pallet_inference::{fixture::Fixture, HostGroth16, NativeGroth16, PureGroth16, VerifyProof};

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
	let key = f.prepared_key();
	let pure = best(|| PureGroth16::verify(&key, &st, &f.proof).expect("valid"));
	let host = best(|| HostGroth16::verify(&key, &st, &f.proof).expect("valid"));
	let native = best(|| NativeGroth16::verify(&key, &st, &f.proof).expect("valid"));
	println!(
		"fixture: {} inputs, {} outputs, prepared key {} B; native verify: ark_bls12_381 \
		 {pure:.2} ms, sp_crypto_ec_utils {host:.2} ms, verity_verifier (one host call) {native:.2} ms",
		f.input.len(),
		f.output.len(),
		key.len()
	);
}
