//! Soundness checks on proofs and keys, each next to its passing twin: proofs
//! for another model's key, flipped bytes, points off the curve or outside the
//! prime-order subgroup, the identity point, corrupt verifying keys.

mod common;

use ark_bls12_381::{G1Affine, G2Affine};
use ark_ec::AffineRepr;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use common::*;
use rand::Rng;
use verity_inference::{QOp, QuantizedModel};
use verity_zk::{
	prove, setup, statement, verify, Bls12_381, Error, Proof, Statement, VerifyingKey,
};

type P = Proof<Bls12_381>;

struct Fixture {
	model: QuantizedModel,
	vk: VerifyingKey<Bls12_381>,
	statement: Statement,
	proof: P,
}

fn fixture(model: QuantizedModel, seed: u64) -> Fixture {
	let mut r = rng(seed);
	let (pk, vk) = setup(&model, &mut r).unwrap();
	let inputs = random_inputs(&model, &mut r);
	let b = binding(9, 9);
	let (outputs, proof) = prove(&pk, &model, &inputs, &b).unwrap();
	let statement = statement(&model, &inputs, &outputs, &b);
	assert_eq!(verify(&vk, &statement, &proof), Ok(()));
	Fixture {
		model,
		vk,
		statement,
		proof,
	}
}

/// The example MLP with one weight changed: same shapes, another model.
fn other_model() -> QuantizedModel {
	let mut m = example("mlp_digits8");
	if let QOp::Linear { weight, .. } = &mut m.ops[0].op {
		weight.data[5] += 1000;
	}
	m.validate().unwrap();
	m
}

#[test]
fn a_proof_for_model_a_fails_under_model_b() {
	let a = fixture(example("mlp_digits8"), 11);
	let b = fixture(other_model(), 12);
	assert_ne!(a.model.hash(), b.model.hash());
	// Twins: each proof verifies under its own key.
	assert_eq!(verify(&a.vk, &a.statement, &a.proof), Ok(()));
	assert_eq!(verify(&b.vk, &b.statement, &b.proof), Ok(()));
	// A's statement under B's key: the model id differs.
	assert!(matches!(
		verify(&b.vk, &a.statement, &a.proof),
		Err(Error::Statement(_))
	));
	// A's proof presented as one for model B (B's id): the pairing rejects it.
	let mut forged = a.statement.clone();
	forged.model_id = b.model.hash();
	assert_eq!(verify(&b.vk, &forged, &a.proof), Err(Error::InvalidProof));
	// The same with the public inputs built directly.
	let inputs = b.vk.layout.public_inputs(&forged).unwrap();
	assert_eq!(
		verity_zk::verify_public_inputs(&b.vk, &inputs, &a.proof),
		Err(Error::InvalidProof)
	);
}

#[test]
fn flipped_proof_bytes_are_rejected() {
	let f = fixture(example("mlp_digits8"), 13);
	let bytes = f.proof.to_bytes();
	assert_eq!(
		verify(&f.vk, &f.statement, &P::from_bytes(&bytes).unwrap()),
		Ok(())
	);
	let mut r = rng(14);
	for i in 0..bytes.len() {
		let mut bad = bytes.clone();
		bad[i] ^= 1 << r.gen_range(0..8);
		let outcome = P::from_bytes(&bad).and_then(|p| verify(&f.vk, &f.statement, &p));
		assert!(
			outcome.is_err(),
			"flipping a bit of byte {i} still verifies"
		);
	}
	// Swapped elements and wrong lengths.
	let swapped = P {
		a: f.proof.c,
		b: f.proof.b,
		c: f.proof.a,
	};
	assert_eq!(
		verify(&f.vk, &f.statement, &swapped),
		Err(Error::InvalidProof)
	);
	assert!(matches!(
		P::from_bytes(&bytes[..191]),
		Err(Error::Decode(_))
	));
	assert!(matches!(
		P::from_bytes(&[bytes.clone(), vec![0]].concat()),
		Err(Error::Decode(_))
	));
}

/// Compressed bytes of an x coordinate that is not on the curve, and of one
/// whose point is on the curve but outside the prime-order subgroup.
fn bad_encodings<A: AffineRepr + CanonicalSerialize + CanonicalDeserialize>(
	valid: &A,
	x_byte: usize,
) -> (Vec<u8>, Vec<u8>) {
	let mut good = Vec::new();
	valid.serialize_compressed(&mut good).unwrap();
	let (mut off_curve, mut off_subgroup) = (None, None);
	for k in 1u8..=255 {
		let mut b = good.clone();
		b[x_byte] = b[x_byte].wrapping_add(k);
		let unchecked = A::deserialize_compressed_unchecked(&b[..]);
		let checked = A::deserialize_compressed(&b[..]);
		match (unchecked.is_ok(), checked.is_ok()) {
			(false, _) if off_curve.is_none() => off_curve = Some(b),
			(true, false) if off_subgroup.is_none() => off_subgroup = Some(b),
			_ => {}
		}
		if off_curve.is_some() && off_subgroup.is_some() {
			break;
		}
	}
	(
		off_curve.expect("an x off the curve"),
		off_subgroup.expect("a point outside the subgroup"),
	)
}

#[test]
fn points_off_the_curve_or_subgroup_and_the_identity_are_rejected() {
	let f = fixture(example("mlp_digits8"), 15);
	let bytes = f.proof.to_bytes();
	let (g1_off_curve, g1_off_subgroup) = bad_encodings(&f.proof.a, 47);
	let (g2_off_curve, g2_off_subgroup) = bad_encodings(&f.proof.b, 95);
	let mut g1_identity = Vec::new();
	G1Affine::zero()
		.serialize_compressed(&mut g1_identity)
		.unwrap();
	let mut g2_identity = Vec::new();
	G2Affine::zero()
		.serialize_compressed(&mut g2_identity)
		.unwrap();

	let with = |range: std::ops::Range<usize>, replacement: &[u8]| {
		let mut b = bytes.clone();
		b[range].copy_from_slice(replacement);
		P::from_bytes(&b)
	};
	for (range, off_curve, off_subgroup, identity) in [
		(0..48, &g1_off_curve, &g1_off_subgroup, &g1_identity),
		(48..144, &g2_off_curve, &g2_off_subgroup, &g2_identity),
		(144..192, &g1_off_curve, &g1_off_subgroup, &g1_identity),
	] {
		assert!(
			matches!(with(range.clone(), off_curve), Err(Error::Decode(_))),
			"{range:?} off curve"
		);
		assert!(
			matches!(with(range.clone(), off_subgroup), Err(Error::Decode(_))),
			"{range:?} off subgroup"
		);
		assert_eq!(
			with(range.clone(), identity),
			Err(Error::IdentityPoint),
			"{range:?} identity"
		);
		// Twin: the original bytes of that element decode.
		assert!(with(range.clone(), &bytes[range.clone()]).is_ok());
	}
	// The identity built in memory (not decoded) is refused by verify too.
	let p = P {
		a: G1Affine::zero(),
		b: f.proof.b,
		c: f.proof.c,
	};
	assert_eq!(verify(&f.vk, &f.statement, &p), Err(Error::IdentityPoint));
}

#[test]
fn corrupt_verifying_keys_are_rejected() {
	let f = fixture(example("mlp_digits8"), 16);
	let bytes = f.vk.to_bytes();
	assert_eq!(
		VerifyingKey::<Bls12_381>::from_bytes(&bytes).as_ref(),
		Ok(&f.vk)
	);
	for cut in [0, 4, 40, 100, bytes.len() - 1] {
		assert!(matches!(
			VerifyingKey::<Bls12_381>::from_bytes(&bytes[..cut]),
			Err(Error::Decode(_))
		));
	}
	let mut bad = bytes.clone();
	bad[0] = b'x';
	assert!(matches!(
		VerifyingKey::<Bls12_381>::from_bytes(&bad),
		Err(Error::Decode(_))
	));
	let mut r = rng(17);
	for _ in 0..64 {
		let mut bad = bytes.clone();
		let i = r.gen_range(0..bad.len());
		bad[i] ^= 1 << r.gen_range(0..8);
		// Either the key no longer decodes or it no longer accepts the proof.
		let outcome = VerifyingKey::<Bls12_381>::from_bytes(&bad)
			.and_then(|vk| verify(&vk, &f.statement, &f.proof));
		assert!(
			outcome.is_err(),
			"flipping byte {i} of the verifying key still verifies"
		);
	}
}

#[test]
fn statements_outside_the_layout_are_errors() {
	let f = fixture(example("mlp_digits8"), 18);
	let mut st = f.statement.clone();
	st.input.pop();
	assert!(matches!(
		verify(&f.vk, &st, &f.proof),
		Err(Error::Statement(_))
	));
	let mut st = f.statement.clone();
	st.output.push(0);
	assert!(matches!(
		verify(&f.vk, &st, &f.proof),
		Err(Error::Statement(_))
	));
	let mut st = f.statement.clone();
	st.input[0] = 1 << 15; // one past the 16-bit range
	assert!(matches!(
		verify(&f.vk, &st, &f.proof),
		Err(Error::Statement(_))
	));
	// Twin.
	assert_eq!(verify(&f.vk, &f.statement, &f.proof), Ok(()));
}

#[test]
fn corrupt_proving_keys_are_errors_not_panics() {
	let model = example("mlp_digits8");
	let mut r = rng(19);
	let (pk, _) = setup(&model, &mut r).unwrap();
	let bytes = pk.to_bytes();
	// Twin: the intact file loads and proves.
	let loaded = verity_zk::ProvingKey::from_bytes(&bytes).unwrap();
	let inputs = random_inputs(&model, &mut r);
	assert!(prove(&loaded, &model, &inputs, &binding(1, 1)).is_ok());
	for cut in [0, 3, 10, 50, 200, 1000, bytes.len() / 2, bytes.len() - 1] {
		assert!(
			matches!(
				verity_zk::ProvingKey::from_bytes(&bytes[..cut]),
				Err(Error::Decode(_))
			),
			"cut at {cut}"
		);
	}
	let mut extra = bytes.clone();
	extra.push(0);
	assert!(matches!(
		verity_zk::ProvingKey::from_bytes(&extra),
		Err(Error::Decode(_))
	));
	// A huge declared count in a short file.
	let mut huge = bytes[..100].to_vec();
	huge[46..54].copy_from_slice(&(1u64 << 27).to_le_bytes());
	assert!(verity_zk::ProvingKey::from_bytes(&huge).is_err());
	for _ in 0..8 {
		let mut bad = bytes.clone();
		let i = r.gen_range(0..bad.len());
		bad[i] ^= 1 << r.gen_range(0..8);
		// Loads with an error, or loads and then proves (invalid proofs at worst): never panics.
		if let Ok(k) = verity_zk::ProvingKey::from_bytes(&bad) {
			let _ = prove(&k, &model, &inputs, &binding(1, 1));
		}
	}
	// A key for another model is refused.
	assert!(matches!(
		prove(&loaded, &other_model(), &inputs, &binding(1, 1)),
		Err(Error::Key(_))
	));
}
