//! Times the ceremony's steps on these machines and prints a table.
//!
//! Phase 1 per SRS size `N` (the largest QAP domain it serves): one
//! contribution, the nodes' full check, the SRS file's size and load time
//! (every point validated), the beacon, the runtime's check of the
//! contribution (native here). Phase 2 per example model, on an SRS of
//! `3·2^16` points made from random secrets (how the SRS came about does not
//! change these costs): the domain's Lagrange bases (an FFT in the exponent,
//! once per chain and domain size; and one G1 sequence of it against
//! ark-poly's generic FFT), the published bases' file size and the check
//! every other node runs on them, the domain table, the initial key from the
//! bases, one δ contribution and the full proving-key check.
//!
//! ```text
//! cargo run --release -p verity-zk --example ceremony_bench [-- --sizes 4096,65536 --models mlp_digits8,lenet5]
//! ```
//!
//! `--bases-from-secrets` takes the bases from the SRS's secrets (as the
//! development SRS does; equal, and far faster) and skips the FFT columns:
//! the other columns in a minute or two.

use std::time::Instant;

use ark_bls12_381::G1Projective;
use ark_poly::EvaluationDomain;
use rand::SeedableRng;
use verity_inference::QuantizedModel;
use verity_zk::ceremony::{
	binding, group_fft, initial_verifying_key, lagrange, phase2, srs::Srs, verify_phase1_update,
};
use verity_zk::Qap;

fn arg(name: &str) -> Option<String> {
	let args: Vec<String> = std::env::args().collect();
	args.iter()
		.position(|a| a == name)
		.and_then(|i| args.get(i + 1).cloned())
}

fn secs<T>(f: impl FnOnce() -> T) -> (T, f64) {
	let t = Instant::now();
	let out = f();
	(out, t.elapsed().as_secs_f64())
}

fn main() {
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
	let sizes: Vec<usize> = arg("--sizes")
		.unwrap_or_else(|| "4096,65536,196608".into())
		.split(',')
		.filter(|s| *s != "none")
		.map(|s| s.parse().expect("--sizes: numbers (or none)"))
		.collect();
	let models: Vec<String> = arg("--models")
		.unwrap_or_else(|| "mlp_digits8,mlp_digits28,lenet5".into())
		.split(',')
		.map(String::from)
		.collect();

	println!("Phase 1 (powers of tau), per SRS size N:");
	println!(
		"{:>8} {:>13} {:>11} {:>10} {:>9} {:>9} {:>13}",
		"N", "contribute s", "check s", "file MB", "load s", "beacon s", "runtime ms"
	);
	for &n in &sizes {
		let base = Srs::identity(n).expect("size");
		let bind = binding(&[0; 32], &[1; 32]);
		let ((srs, proof), contribute_s) = secs(|| base.contribute(&bind, &mut rng));
		let (_, check_s) = secs(|| srs.verify(&srs.head(), &mut rng).expect("valid"));
		let bytes = srs.to_bytes();
		let (loaded, load_s) = secs(|| Srs::from_bytes(&bytes).expect("loads"));
		drop(bytes);
		let ((), runtime_s) = secs(|| {
			verify_phase1_update(&base.head(), &loaded.head(), &proof, &bind).expect("valid")
		});
		let (_, beacon_s) = secs(|| loaded.apply_beacon(&[9; 32]));
		drop(loaded);
		println!(
			"{:>8} {:>13.2} {:>11.2} {:>10.1} {:>9.2} {:>9.2} {:>13.2}",
			n,
			contribute_s,
			check_s,
			Srs::file_len(n) as f64 / 1e6,
			load_s,
			beacon_s,
			runtime_s * 1e3
		);
	}
	let from_secrets = std::env::args().any(|a| a == "--bases-from-secrets");
	let secrets = {
		use ark_ff::UniformRand;
		[(); 3].map(|_| verity_zk::Fr::rand(&mut rng))
	};
	let [tau, alpha, beta] = secrets;
	let srs = Srs::from_secrets(3 << 16, tau, alpha, beta).expect("SRS");

	println!("\nPhase 2 per model (SRS N = {}):", srs.max_domain());
	println!(
		"{:<14} {:>8} {:>12} {:>12} {:>14} {:>10} {:>14} {:>9} {:>13} {:>13} {:>9}",
		"model",
		"domain",
		"lagrange s",
		"G1 ifft s",
		"ark-poly's s",
		"bases MB",
		"bases check s",
		"table s",
		"initial key s",
		"contribute s",
		"check s"
	);
	let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../models");
	for name in models {
		let model = QuantizedModel::from_bytes(
			&std::fs::read(format!("{root}/{name}.qmodel")).expect("example model"),
		)
		.expect("valid model");
		let domain = Qap::compile(&model)
			.and_then(|q| q.smallest_domain_size())
			.expect("compiles");
		if domain > srs.max_domain() {
			println!("{name:<14} {domain:>8}  (larger than the SRS)");
			continue;
		}
		let fmt = |s: Option<f64>| s.map_or("-".into(), |s| format!("{s:.2}"));
		let (bases, lagrange_s, ours_s, theirs_s) = if from_secrets {
			let bases =
				lagrange::bases_from_secrets(srs.max_domain(), domain, secrets).expect("bases");
			(bases, None, None, None)
		} else {
			let (bases, lagrange_s) = secs(|| lagrange::bases(&srs, domain).expect("bases"));
			// One of the four sequences, ours against ark-poly's generic FFT.
			let powers: Vec<G1Projective> = srs.restrict(domain).expect("restricts").tau_g1
				[..domain]
				.iter()
				.map(|p| (*p).into())
				.collect();
			let (ours, ours_s) = secs(|| {
				let mut v = powers.clone();
				group_fft::ifft(&mut v).expect("ifft");
				v
			});
			let (theirs, theirs_s) = secs(|| {
				let mut v = powers.clone();
				verity_zk::groth16::domain_of_size(domain)
					.expect("domain")
					.ifft_in_place(&mut v);
				v
			});
			assert!(ours == theirs, "the two FFTs agree");
			(bases, Some(lagrange_s), Some(ours_s), Some(theirs_s))
		};
		let mut file = Vec::new();
		bases.write(&mut file).expect("writes");
		let (_, bases_check_s) = secs(|| bases.check(&srs, &mut rng).expect("bases check"));
		let (table, table_s) = secs(|| lagrange::domain_table(&srs, domain).expect("table"));
		let (pk, initial_s) =
			secs(|| phase2::initial_proving_key(&srs, &bases, &model).expect("initial key"));
		drop(bases);
		let layout = verity_zk::circuit::layout(&model).expect("layout");
		let mut vk =
			initial_verifying_key(srs.alpha_g1[0], srs.beta_g2, &table, model.hash(), layout)
				.expect("vk");
		let bind = binding(&[0; 32], &[2; 32]);
		let ((pk, _), contribute_s) =
			secs(|| phase2::contribute(pk, &bind, &mut rng).expect("contribution"));
		vk.delta_g2 = pk.verifying_key().delta_g2;
		let (_, check_s) = secs(|| {
			phase2::check_proving_key(&srs, &pk, &model, &vk, &mut rng).expect("valid key")
		});
		println!(
			"{name:<14} {domain:>8} {:>12} {:>12} {:>14} {:>10.1} {bases_check_s:>14.2} {table_s:>9.2} {initial_s:>13.2} {contribute_s:>13.2} {check_s:>9.2}",
			fmt(lagrange_s),
			fmt(ours_s),
			fmt(theirs_s),
			file.len() as f64 / 1e6,
		);
	}
}
