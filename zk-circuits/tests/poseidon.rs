//! Poseidon: constants regenerate from the Grain LFSR, the native sponge equals
//! arkworks' `PoseidonSponge`, and the R1CS gadget equals the native hash.

mod common;

use ark_crypto_primitives::sponge::poseidon::{
	find_poseidon_ark_and_mds, PoseidonConfig, PoseidonSponge,
};
use ark_crypto_primitives::sponge::CryptographicSponge;
use ark_ff::UniformRand;
use verity_zk::gadgets::poseidon::{hash as hash_gadget, FieldWire};
use verity_zk::poseidon::{hash, FULL_ROUNDS, PARTIAL_ROUNDS, RATE};
use verity_zk::r1cs::{Backend, Lc, MatrixBackend};
use verity_zk::Fr;

fn config() -> PoseidonConfig<Fr> {
	let (ark, mds) =
		find_poseidon_ark_and_mds::<Fr>(255, RATE, FULL_ROUNDS as u64, PARTIAL_ROUNDS as u64, 0);
	PoseidonConfig::new(FULL_ROUNDS, PARTIAL_ROUNDS, 5, mds, ark, RATE, 1)
}

fn reference(iv: Fr, elements: &[Fr]) -> Fr {
	let mut sponge = PoseidonSponge::new(&config());
	sponge.state[0] = iv;
	sponge.absorb(&elements.to_vec());
	sponge.squeeze_field_elements::<Fr>(1)[0]
}

#[test]
fn native_sponge_matches_arkworks() {
	let mut r = common::rng(20);
	for len in [1usize, 7, 8, 9, 16, 53] {
		let iv = Fr::rand(&mut r);
		let xs: Vec<Fr> = (0..len).map(|_| Fr::rand(&mut r)).collect();
		assert_eq!(hash(iv, &xs), reference(iv, &xs), "length {len}");
		// Twin: any change to the message or iv changes the digest.
		let mut ys = xs.clone();
		ys[len - 1] += Fr::from(1u64);
		assert_ne!(hash(iv, &ys), hash(iv, &xs));
		assert_ne!(hash(iv + Fr::from(1u64), &xs), hash(iv, &xs));
	}
}

#[test]
fn gadget_matches_native_and_costs_396_per_permutation() {
	let mut r = common::rng(21);
	let iv = Fr::rand(&mut r);
	let xs: Vec<Fr> = (0..17).map(|_| Fr::rand(&mut r)).collect();
	let mut m = MatrixBackend::new();
	let wires: Vec<FieldWire> = xs
		.iter()
		.map(|&x| FieldWire {
			lc: Lc::var(m.alloc(x)),
			val: x,
		})
		.collect();
	let out = hash_gadget(&mut m, iv, &wires);
	assert_eq!(out.val, hash(iv, &xs));
	assert_eq!(out.lc.eval(&m.assignment), out.val);
	assert_eq!(m.first_unsatisfied(), None);
	assert_eq!(m.num_constraints(), 3 * 396);
	// Twin: a tampered S-box output breaks a constraint.
	let i = m.assignment.len() - 5;
	m.assignment[i] += Fr::from(1u64);
	assert!(m.first_unsatisfied().is_some());
}
