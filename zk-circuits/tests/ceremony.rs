//! The ceremony: phase-1 contributions, the full SRS check, the beacon, the
//! initial key of phase 2, δ contributions and the proving-key check — each
//! with the bad twin that must be refused — and the guarantee itself: with
//! the secrets of every contributor but one, forging fails; with all of them
//! the same forging code succeeds.

mod common;

use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{AdditiveGroup, Field, One, UniformRand};
use common::*;
use verity_inference::QuantizedModel;
use verity_zk::ceremony::{
	binding as bind_to, delta::TAG_DELTA, domain_sizes, head::beacon_secrets, head_after_beacon,
	initial_verifying_key, lagrange, phase2, srs::Srs, verify_delta_update, verify_phase1_update,
	DeltaUpdate, KeyProof, SrsHead,
};
use verity_zk::{
	prove, setup_with_trapdoor, statement, verify, Bls12_381, Error, Fr, Proof, ProvingKey, Qap,
	Statement, Trapdoor, VerifyingKey,
};

type G1 = ark_bls12_381::G1Affine;
type G2 = ark_bls12_381::G2Affine;

/// One phase-1 contributor's secrets `(τ, α, β)`.
type Shares = [Fr; 3];

fn random_shares(r: &mut impl rand::Rng) -> Shares {
	[Fr::rand(r), Fr::rand(r), Fr::rand(r)]
}

fn nonces(r: &mut impl rand::Rng) -> [Fr; 3] {
	[Fr::rand(r), Fr::rand(r), Fr::rand(r)]
}

/// A phase-1 ceremony of `contributors` from the identity SRS, then the
/// beacon; every step checked as the chain and the nodes check it. Returns
/// the final SRS and every contributor's shares (the beacon's last).
fn run_phase1(max_domain: usize, contributors: usize, seed: u64) -> (Srs, Vec<Shares>) {
	let mut r = rng(seed);
	let mut srs = Srs::identity(max_domain).unwrap();
	let mut transcript = [0u8; 32];
	let mut shares = Vec::new();
	for c in 0..contributors {
		let account = [c as u8 + 1; 32];
		let bind = bind_to(&transcript, &account);
		let s = random_shares(&mut r);
		let (next, proof) = srs.contribute_with_secrets(s, nonces(&mut r), &bind);
		verify_phase1_update(&srs.head(), &next.head(), &proof, &bind).unwrap();
		next.verify(&next.head(), &mut r).unwrap();
		transcript = verity_zk::ceremony::next_transcript(
			&transcript,
			&[&account[..], &proof.to_bytes()].concat(),
		);
		srs = next;
		shares.push(s);
	}
	let beacon = [0xbe; 32];
	let final_srs = srs.apply_beacon(&beacon);
	assert_eq!(
		final_srs.head(),
		head_after_beacon(&srs.head(), &beacon),
		"the chain's beacon head is the nodes' beacon SRS's head"
	);
	final_srs.verify(&final_srs.head(), &mut r).unwrap();
	shares.push(beacon_secrets(&beacon));
	(final_srs, shares)
}

/// The product of the contributors' shares: the SRS's `(τ, α, β)`.
fn product(shares: &[Shares]) -> Shares {
	shares.iter().fold([Fr::one(); 3], |acc, s| {
		[acc[0] * s[0], acc[1] * s[1], acc[2] * s[2]]
	})
}

/// Phase 2 on `model`: the initial key, then a δ contribution per secret in
/// `deltas`, each checked as the chain (δ update) and the nodes (full key)
/// check it. Returns the final key and the chain's verifying key.
fn run_phase2(
	srs: &Srs,
	model: &QuantizedModel,
	domain: usize,
	deltas: &[Fr],
	seed: u64,
) -> (ProvingKey, VerifyingKey<Bls12_381>) {
	let mut r = rng(seed);
	let bases = lagrange::bases(srs, domain).unwrap();
	let table = lagrange::domain_table(srs, domain).unwrap();
	assert_eq!(
		bases.domain_table().unwrap(),
		table,
		"FFT and MSM tables agree"
	);
	let layout = verity_zk::circuit::layout(model).unwrap();
	let mut vk =
		initial_verifying_key(srs.alpha_g1[0], srs.beta_g2, &table, model.hash(), layout).unwrap();
	let mut pk = phase2::initial_proving_key(srs, &bases, model).unwrap();
	assert_eq!(
		pk.verifying_key(),
		vk,
		"the chain computes the initial key's vk"
	);
	phase2::check_proving_key(srs, &pk, model, &vk, &mut r).unwrap();
	let mut transcript = [7u8; 32];
	for (i, delta) in deltas.iter().enumerate() {
		let account = [100 + i as u8; 32];
		let bind = bind_to(&transcript, &account);
		let prev = pk.delta();
		assert_eq!(prev.delta_g2, vk.delta_g2);
		let (next_pk, proof) =
			phase2::contribute_with_secret(pk, *delta, Fr::rand(&mut r), &bind).unwrap();
		let next = next_pk.delta();
		verify_delta_update(&prev, &next, &proof, &bind).unwrap();
		vk.delta_g2 = next.delta_g2;
		phase2::check_proving_key(srs, &next_pk, model, &vk, &mut r).unwrap();
		transcript = verity_zk::ceremony::next_transcript(&transcript, &proof.to_bytes());
		pk = next_pk;
	}
	(pk, vk)
}

/// The forger ([`verity_zk::ceremony::forge::forge`]) with the phase-1
/// secrets of an SRS of `srs_size` points and `δ`, on a key's `domain`: the
/// domain's secret is `τ^(N/n)`.
fn forge(
	vk: &VerifyingKey<Bls12_381>,
	(domain, srs_size): (usize, usize),
	[tau, alpha, beta]: Shares,
	delta: Fr,
	st: &Statement,
) -> Proof<Bls12_381> {
	let tau = tau.pow([(srs_size / domain) as u64]);
	verity_zk::ceremony::forge::forge(vk, domain, [tau, alpha, beta, delta], st).unwrap()
}

fn some_statement(model: &QuantizedModel, r: &mut impl rand::Rng) -> Statement {
	let inputs = random_inputs(model, r);
	// A false output: the forger claims whatever it likes.
	let mut outputs = model.run(&inputs).unwrap();
	outputs[0].data[0] = if outputs[0].data[0] == 0 { 1 } else { 0 };
	statement(model, &inputs, &outputs, &binding(9, 9))
}

#[test]
fn a_ceremony_key_is_the_single_party_key_of_the_secrets_product_and_proves() {
	let model = example("mlp_digits8");
	let qap = Qap::compile(&model).unwrap();
	let domain = qap.smallest_domain_size().unwrap();
	let (srs, shares) = run_phase1(6144, 2, 1);
	let deltas = [Fr::from(11u64), Fr::rand(&mut rng(2))];
	let (pk, vk) = run_phase2(&srs, &model, domain, &deltas, 3);

	// Same secrets, one party, computed directly from them: the same key.
	let [tau, alpha, beta] = product(&shares);
	// The domain's secret is τ^(N/n): 3072 of 6144 points.
	let trapdoor = Trapdoor {
		tau: tau.pow([(6144 / domain) as u64]),
		alpha,
		beta,
		delta: deltas[0] * deltas[1],
	};
	let (direct, direct_vk) = setup_with_trapdoor(&model, qap, domain, &trapdoor).unwrap();
	assert_eq!(direct_vk, vk);
	assert_eq!(direct.to_bytes(), pk.to_bytes(), "the whole proving key");

	// It proves, through the file round trip; a false output is refused.
	let pk = ProvingKey::from_bytes(&pk.to_bytes()).unwrap();
	let mut r = rng(4);
	let inputs = random_inputs(&model, &mut r);
	let b = binding(5, 6);
	let (outputs, proof) = prove(&pk, &model, &inputs, &b).unwrap();
	let mut st = statement(&model, &inputs, &outputs, &b);
	assert_eq!(verify(&vk, &st, &proof), Ok(()));
	let vk_bytes = vk.to_bytes();
	assert_eq!(
		VerifyingKey::<Bls12_381>::from_bytes(&vk_bytes).unwrap(),
		vk
	);
	st.output[0] += 1;
	assert_eq!(verify(&vk, &st, &proof), Err(Error::InvalidProof));
}

#[test]
fn forging_needs_every_secret() {
	let model = matmul_model(&mut rng(10));
	let domain = Qap::compile(&model)
		.unwrap()
		.smallest_domain_size()
		.unwrap();
	let (srs, shares) = run_phase1(1536, 3, 11);
	let deltas = [Fr::rand(&mut rng(12)), Fr::rand(&mut rng(13))];
	let (_, vk) = run_phase2(&srs, &model, domain, &deltas, 14);
	let st = some_statement(&model, &mut rng(15));
	let delta = deltas[0] * deltas[1];

	// Knowing everything, the forger proves a false output.
	let forged = forge(&vk, (domain, 1536), product(&shares), delta, &st);
	assert_eq!(verify(&vk, &st, &forged), Ok(()), "the forger works");

	// Missing any one phase-1 contributor's shares (the beacon's are public):
	for missing in 0..shares.len() - 1 {
		let known: Vec<Shares> = shares
			.iter()
			.enumerate()
			.filter(|&(i, _)| i != missing)
			.map(|(_, s)| *s)
			.collect();
		let forged = forge(&vk, (domain, 1536), product(&known), delta, &st);
		assert_eq!(
			verify(&vk, &st, &forged),
			Err(Error::InvalidProof),
			"without contributor {missing}"
		);
	}
	// Missing one δ contributor.
	for kept in deltas {
		let forged = forge(&vk, (domain, 1536), product(&shares), kept, &st);
		assert_eq!(verify(&vk, &st, &forged), Err(Error::InvalidProof));
	}
}

#[test]
fn a_single_party_trapdoor_forges_its_own_key_but_not_the_ceremonys() {
	let model = matmul_model(&mut rng(20));
	let qap = Qap::compile(&model).unwrap();
	let domain = qap.smallest_domain_size().unwrap();
	// The registrant's old flow: one party, secrets kept.
	let kept = Trapdoor::random(&mut rng(21));
	let (_, own_vk) = setup_with_trapdoor(&model, qap, domain, &kept).unwrap();
	let st = some_statement(&model, &mut rng(22));
	let forged = forge(
		&own_vk,
		(domain, domain),
		[kept.tau, kept.alpha, kept.beta],
		kept.delta,
		&st,
	);
	assert_eq!(
		verify(&own_vk, &st, &forged),
		Ok(()),
		"its own key is forgeable"
	);
	// The ceremony's key for the same model: the kept trapdoor is useless.
	let (srs, _) = run_phase1(1536, 1, 23);
	let (_, vk) = run_phase2(&srs, &model, domain, &[Fr::rand(&mut rng(24))], 25);
	assert_eq!(verify(&vk, &st, &forged), Err(Error::InvalidProof));
	let forged = forge(
		&vk,
		(domain, 1536),
		[kept.tau, kept.alpha, kept.beta],
		kept.delta,
		&st,
	);
	assert_eq!(verify(&vk, &st, &forged), Err(Error::InvalidProof));
}

#[test]
fn bad_phase1_contributions_are_refused_by_the_chains_check() {
	let mut r = rng(30);
	let srs = Srs::identity(32).unwrap();
	let transcript = [1u8; 32];
	let alice = bind_to(&transcript, &[1; 32]);
	let s = random_shares(&mut r);
	let (next, proof) = srs.contribute_with_secrets(s, nonces(&mut r), &alice);
	let (prev_head, next_head) = (srs.head(), next.head());
	assert_eq!(
		verify_phase1_update(&prev_head, &next_head, &proof, &alice),
		Ok(())
	);

	// On a stale transcript, or claimed by another account: the binding differs.
	let stale = bind_to(&[0u8; 32], &[1; 32]);
	assert!(verify_phase1_update(&prev_head, &next_head, &proof, &stale).is_err());
	let bob = bind_to(&transcript, &[2; 32]);
	assert!(verify_phase1_update(&prev_head, &next_head, &proof, &bob).is_err());
	// Replayed: the same proof again on top of its own result.
	let after = bind_to(&[2u8; 32], &[1; 32]);
	assert!(verify_phase1_update(&next_head, &next_head, &proof, &after).is_err());
	// A head moved by other secrets than the proven ones.
	let (other, _) = srs.contribute_with_secrets(random_shares(&mut r), nonces(&mut r), &alice);
	assert!(verify_phase1_update(&prev_head, &other.head(), &proof, &alice).is_err());
	// Each head point alone moved wrongly.
	let twice = |p: G1| (p.into_group().double()).into_affine();
	for i in 0..3 {
		let mut bad = next_head.clone();
		match i {
			0 => bad.tau_g1 = twice(bad.tau_g1),
			1 => bad.alpha_g1 = twice(bad.alpha_g1),
			_ => bad.beta_g1 = twice(bad.beta_g1),
		}
		assert!(
			verify_phase1_update(&prev_head, &bad, &proof, &alice).is_err(),
			"point {i}"
		);
	}
	// A proof of knowledge that does not hold (a contributor that does not
	// know its factor, e.g. one that picked its head to cancel earlier ones).
	let mut fake = proof.clone();
	fake.tau.response += Fr::one();
	assert!(verify_phase1_update(&prev_head, &next_head, &fake, &alice).is_err());
	// Byte round trips.
	let bytes = proof.to_bytes();
	assert_eq!(
		verity_zk::ceremony::Phase1Proof::<Bls12_381>::from_bytes(&bytes).unwrap(),
		proof
	);
	assert!(verity_zk::ceremony::Phase1Proof::<Bls12_381>::from_bytes(&bytes[1..]).is_err());
	assert_eq!(
		SrsHead::<Bls12_381>::from_bytes(&next_head.to_bytes()).unwrap(),
		next_head
	);
}

#[test]
fn a_malformed_srs_is_refused_by_the_nodes_full_check() {
	let mut r = rng(40);
	let (next, _) = Srs::identity(64).unwrap().contribute_with_secrets(
		random_shares(&mut r),
		nonces(&mut r),
		b"b",
	);
	let head = next.head();
	assert_eq!(next.verify(&head, &mut r), Ok(()));
	let twice = |p: G1| p.into_group().double().into_affine();
	// One power wrong, in each sequence; the head kept right.
	let mut bad = next.clone();
	bad.tau_g1[77] = twice(bad.tau_g1[77]);
	assert!(bad.verify(&head, &mut r).is_err());
	let mut bad = next.clone();
	bad.tau_g2[40] = bad.tau_g2[40].into_group().double().into_affine();
	assert!(bad.verify(&head, &mut r).is_err());
	let mut bad = next.clone();
	bad.alpha_g1[63] = twice(bad.alpha_g1[63]);
	assert!(bad.verify(&head, &mut r).is_err());
	let mut bad = next.clone();
	bad.beta_g1[5] = twice(bad.beta_g1[5]);
	assert!(bad.verify(&head, &mut r).is_err());
	// A well-formed SRS that is not the head the chain accepted.
	let (other, _) = Srs::identity(64).unwrap().contribute_with_secrets(
		random_shares(&mut r),
		nonces(&mut r),
		b"b",
	);
	assert!(other.verify(&head, &mut r).is_err());
	// The file round trips; a corrupt file is an error.
	let bytes = next.to_bytes();
	assert_eq!(bytes.len(), Srs::file_len(64));
	assert_eq!(Srs::from_bytes(&bytes).unwrap(), next);
	assert!(Srs::from_bytes(&bytes[..bytes.len() - 1]).is_err());
	let mut flipped = bytes.clone();
	flipped[200] ^= 1;
	assert!(Srs::from_bytes(&flipped).is_err(), "a point off the curve");
}

#[test]
fn bad_delta_contributions_are_refused() {
	let mut r = rng(50);
	let prev = DeltaUpdate::<Bls12_381>::initial();
	let bind = bind_to(&[3; 32], &[4; 32]);
	let d = Fr::rand(&mut r);
	let proof = KeyProof::<Bls12_381>::new(d, Fr::rand(&mut r), TAG_DELTA, &bind);
	let next = DeltaUpdate {
		delta_g1: (G1::generator() * d).into_affine(),
		delta_g2: (G2::generator() * d).into_affine(),
	};
	assert_eq!(verify_delta_update(&prev, &next, &proof, &bind), Ok(()));
	assert!(verify_delta_update(&prev, &next, &proof, &bind_to(&[0; 32], &[4; 32])).is_err());
	let mut bad = next.clone();
	bad.delta_g2 = (G2::generator() * (d + Fr::one())).into_affine();
	assert!(
		verify_delta_update(&prev, &bad, &proof, &bind).is_err(),
		"δ·G2 ≠ δ·G1"
	);
	let mut bad = next.clone();
	bad.delta_g1 = (G1::generator() * (d + Fr::one())).into_affine();
	assert!(verify_delta_update(&prev, &bad, &proof, &bind).is_err());
	// Replayed onto its own result.
	assert!(verify_delta_update(&next, &next, &proof, &bind).is_err());
	assert_eq!(
		DeltaUpdate::<Bls12_381>::from_bytes(&next.to_bytes()).unwrap(),
		next
	);
}

#[test]
fn a_proving_key_not_rescaled_consistently_is_refused_by_the_nodes_check() {
	let model = matmul_model(&mut rng(60));
	let domain = Qap::compile(&model)
		.unwrap()
		.smallest_domain_size()
		.unwrap();
	let (srs, _) = run_phase1(1536, 1, 61);
	let d = Fr::rand(&mut rng(62));
	let (pk, vk) = run_phase2(&srs, &model, domain, &[d], 63);
	let mut r = rng(64);
	assert_eq!(
		phase2::check_proving_key(&srs, &pk, &model, &vk, &mut r),
		Ok(())
	);

	let bytes = pk.to_bytes();

	// A contribution that moves δ but leaves L and H as they were: the
	// contributor's proof and the δ points are fine (the chain accepts them),
	// the key is not.
	let e = Fr::rand(&mut r);
	let (moved, _) =
		phase2::contribute_with_secret(ProvingKey::from_bytes(&bytes).unwrap(), e, Fr::one(), b"x")
			.unwrap();
	let mut vk2 = vk.clone();
	vk2.delta_g2 = moved.verifying_key().delta_g2;
	assert_eq!(
		phase2::check_proving_key(&srs, &moved, &model, &vk2, &mut r),
		Ok(())
	);
	let lazy = splice_queries(&moved, &pk, true, true);
	assert!(phase2::check_proving_key(&srs, &lazy, &model, &vk2, &mut r).is_err());
	let only_l = splice_queries(&moved, &pk, true, false);
	assert!(
		phase2::check_proving_key(&srs, &only_l, &model, &vk2, &mut r).is_err(),
		"H kept"
	);
	let only_h = splice_queries(&moved, &pk, false, true);
	assert!(
		phase2::check_proving_key(&srs, &only_h, &model, &vk2, &mut r).is_err(),
		"L kept"
	);
	// A key checked against another δ than the chain's.
	assert!(phase2::check_proving_key(&srs, &moved, &model, &vk, &mut r).is_err());
	// The key of another model.
	let other = elementwise_model(&mut rng(66));
	assert!(phase2::check_proving_key(&srs, &pk, &other, &vk, &mut r).is_err());
	// Against another SRS.
	let (srs2, _) = run_phase1(1536, 1, 67);
	assert!(phase2::check_proving_key(&srs2, &pk, &model, &vk, &mut r).is_err());
}

/// `with_delta`'s key with the `L` (and/or `H`) query of `old` put back: a
/// contribution that did not rescale them.
fn splice_queries(
	with_delta: &ProvingKey,
	old: &ProvingKey,
	keep_l: bool,
	keep_h: bool,
) -> ProvingKey {
	// File layout after the vk: β·G1, δ·G1, A (sparse), B (sparse), H (u64 +
	// points), L (u64 + points). H and L are the file's tail.
	let new = with_delta.to_bytes();
	let old_bytes = old.to_bytes();
	let tail = |b: &[u8], pk: &ProvingKey| -> usize {
		let nh = pk.domain_size - 1;
		let nl = pk.num_vars - pk.layout.num_public_inputs() - 1;
		b.len() - (8 + nh * 48 + 8 + nl * 48)
	};
	let (at_new, at_old) = (tail(&new, with_delta), tail(&old_bytes, old));
	let nh_bytes = 8 + (with_delta.domain_size - 1) * 48;
	let mut out = new[..at_new].to_vec();
	let h = if keep_h {
		&old_bytes[at_old..at_old + nh_bytes]
	} else {
		&new[at_new..at_new + nh_bytes]
	};
	let l = if keep_l {
		&old_bytes[at_old + nh_bytes..]
	} else {
		&new[at_new + nh_bytes..]
	};
	out.extend_from_slice(h);
	out.extend_from_slice(l);
	ProvingKey::from_bytes(&out).unwrap()
}

#[test]
fn the_chain_computes_the_initial_verifying_key_for_every_domain() {
	let (srs, _) = run_phase1(96, 1, 70);
	assert_eq!(domain_sizes(96), vec![16, 24, 32, 48, 96]);
	assert_eq!(domain_sizes(64), vec![16, 32, 64]);
	for n in domain_sizes(96) {
		let bases = lagrange::bases(&srs, n as usize).unwrap();
		assert_eq!(
			lagrange::domain_table(&srs, n as usize).unwrap(),
			bases.domain_table().unwrap(),
			"domain {n}"
		);
	}
	assert!(
		lagrange::domain_table(&srs, 192).is_err(),
		"larger than the SRS"
	);
}

#[test]
fn the_insecure_dev_srs_head_and_tables_match_its_full_srs() {
	use verity_zk::ceremony::dev;
	let srs = verity_zk::ceremony::srs::insecure_dev_srs(96).unwrap();
	assert_eq!(dev::head::<Bls12_381>(), srs.head());
	srs.verify(&srs.head(), &mut rng(80)).unwrap();
	for n in domain_sizes(96) {
		assert_eq!(
			dev::table::<Bls12_381>(96, n).unwrap(),
			lagrange::domain_table(&srs, n as usize).unwrap(),
			"domain {n}"
		);
	}
	assert!(
		dev::table::<Bls12_381>(96, 64).is_err(),
		"64 does not divide 96"
	);
	// The fast bases from the known secrets are the FFT's (both domain
	// families, and the whole SRS).
	let [tau, alpha, beta] = dev::secrets();
	for n in [32, 48, 96] {
		let fast = lagrange::bases_from_secrets(96, n, [tau, alpha, beta]).unwrap();
		let fft = lagrange::bases(&srs, n).unwrap();
		assert!(
			fast.g1 == fft.g1
				&& fast.alpha_g1 == fft.alpha_g1
				&& fast.beta_g1 == fft.beta_g1
				&& fast.g2 == fft.g2,
			"domain {n}"
		);
	}
	let fft = lagrange::bases(&srs, 48).unwrap();
	// The cache file round trips.
	let mut bytes = Vec::new();
	fft.write(&mut bytes).unwrap();
	let back = lagrange::LagrangeBases::read(&mut &bytes[..]).unwrap();
	assert!(back.g1 == fft.g1 && back.beta_g1 == fft.beta_g1 && back.g2 == fft.g2);
	assert!(lagrange::LagrangeBases::read(&mut &bytes[..bytes.len() - 1]).is_err());
}

#[test]
fn a_restricted_srs_is_the_srs_of_the_secrets_power() {
	use verity_zk::ceremony::dev;
	// 96 = 3·2^5 serves 16, 24, 32, 48 and 96 (not 64).
	let srs = verity_zk::ceremony::srs::insecure_dev_srs(96).unwrap();
	let [tau, alpha, beta] = dev::secrets();
	for n in domain_sizes(96) {
		let restricted = srs.restrict(n as usize).unwrap();
		let direct =
			Srs::from_secrets(n as usize, tau.pow([(96 / n) as u64]), alpha, beta).unwrap();
		assert_eq!(restricted, direct, "domain {n}");
		// What a development node makes instead of the whole SRS.
		let lazy = verity_zk::ceremony::srs::insecure_dev_srs_on(96, n as usize).unwrap();
		assert_eq!(lazy, direct, "domain {n}");
		restricted.verify(&restricted.head(), &mut rng(90)).unwrap();
	}
	assert!(verity_zk::ceremony::srs::insecure_dev_srs_on(96, 64).is_err());
	assert!(verity_zk::ceremony::srs::insecure_dev_srs_on(96, 0).is_err());
	assert!(srs.restrict(64).is_err());
	assert!(srs.restrict(192).is_err());
	assert!(srs.restrict(0).is_err());
}

#[test]
fn published_lagrange_bases_are_checked_against_the_srs() {
	let (srs, _) = run_phase1(96, 2, 100);
	let (other, _) = run_phase1(96, 1, 101);
	let mut r = rng(102);
	for n in [16usize, 48, 96] {
		let bases = lagrange::bases(&srs, n).unwrap();
		bases.check(&srs, &mut r).unwrap();
		// Another SRS's bases are refused.
		assert!(lagrange::bases(&other, n)
			.unwrap()
			.check(&srs, &mut r)
			.is_err());
		// One wrong point in any of the four sequences is refused.
		let tamper: [fn(&mut lagrange::LagrangeBases); 4] = [
			|b| b.g1[3] = (b.g1[3] + b.g1[4]).into_affine(),
			|b| b.alpha_g1[0] = b.alpha_g1[1],
			|b| b.beta_g1.swap(1, 2),
			|b| b.g2[5] = (b.g2[5] + b.g2[5]).into_affine(),
		];
		for (i, f) in tamper.iter().enumerate() {
			let mut bad = lagrange::bases(&srs, n).unwrap();
			f(&mut bad);
			assert!(bad.check(&srs, &mut r).is_err(), "domain {n}, sequence {i}");
		}
		// Truncated bases are refused, not indexed out of range.
		let mut short = lagrange::bases(&srs, n).unwrap();
		short.beta_g1.pop();
		assert!(short.check(&srs, &mut r).is_err());
	}
	// Bases claiming a domain the SRS does not serve.
	let mut wrong_size = lagrange::bases(&srs, 32).unwrap();
	wrong_size.size = 64;
	assert!(wrong_size.check(&srs, &mut r).is_err());
	// Checked against another SRS, good bases are refused too.
	assert!(lagrange::bases(&srs, 16)
		.unwrap()
		.check(&other, &mut r)
		.is_err());
}
