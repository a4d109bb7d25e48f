//! Times verity-zk's MSM (`verity_zk::msm`) against arkworks' on random G1
//! points and scalars, and checks they agree.
//!
//! ```text
//! cargo run --release -p verity-zk --example msm_bench [-- LOG2_SIZE]
//! ```
use std::time::Instant;

use ark_bls12_381::{Fr, G1Projective};
use ark_ec::{CurveGroup, VariableBaseMSM};
use ark_ff::UniformRand;
use rand::SeedableRng;

fn main() {
	let log: u32 = std::env::args()
		.nth(1)
		.and_then(|a| a.parse().ok())
		.unwrap_or(16);
	let n = 1usize << log;
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
	let g = G1Projective::rand(&mut rng);
	let mut p = g;
	let bases: Vec<_> = (0..n)
		.map(|_| {
			p += g;
			p
		})
		.collect();
	let bases = G1Projective::normalize_batch(&bases);
	let scalars: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
	for _ in 0..2 {
		let t = Instant::now();
		let ours = verity_zk::msm::msm(&bases, &scalars);
		let ours_s = t.elapsed().as_secs_f64();
		let t = Instant::now();
		let ark = G1Projective::msm(&bases, &scalars).unwrap();
		let ark_s = t.elapsed().as_secs_f64();
		assert_eq!(ours, ark);
		println!(
			"2^{log} random G1 points and scalars: verity-zk {:.1} ms, arkworks {:.1} ms ({:.2}x)",
			ours_s * 1e3,
			ark_s * 1e3,
			ark_s / ours_s
		);
	}
}
