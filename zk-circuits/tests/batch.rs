//! Batch verification (`verify_batch_prepared`): valid batches under two keys
//! pass; one tampered proof, statement or key anywhere fails the batch; and
//! two bad proofs that cancel each other pass when the coefficients are known
//! in advance (all 1) but not when they are random.

mod common;

use common::*;
use verity_zk::statement::input_commitment;
use verity_zk::{
	prove, setup, statement, verify_batch_prepared, verify_prepared, BatchItem, Bls12_381, Error,
	Fr, PreparedVerifyingKey, Proof, Statement, TensorPart,
};

type Pvk = PreparedVerifyingKey<Bls12_381>;

/// `n` proofs of `model` (distinct inputs and requests) under one key.
fn proofs(
	model: &verity_inference::QuantizedModel,
	seed: u64,
	n: u64,
) -> (Pvk, Vec<(Statement, Proof<Bls12_381>)>) {
	let mut r = rng(seed);
	let (pk, vk) = setup(model, &mut r).unwrap();
	let items = (0..n)
		.map(|i| {
			let inputs = random_inputs(model, &mut r);
			let b = binding(100 + i, i as u8);
			let (outputs, proof) = prove(&pk, model, &inputs, &b).unwrap();
			(statement(model, &inputs, &outputs, &b), proof)
		})
		.collect();
	(vk.prepare(), items)
}

fn batch<'a>(groups: &'a [&'a [(Statement, Proof<Bls12_381>)]]) -> Vec<BatchItem<'a, Bls12_381>> {
	groups
		.iter()
		.enumerate()
		.flat_map(|(key, items)| {
			items
				.iter()
				.map(move |(statement, proof)| BatchItem::of(key, statement, proof))
		})
		.collect()
}

/// Coefficients as a verifier would draw them (fixed here for repeatability).
fn random_coefficients(n: usize, seed: u64) -> Vec<u128> {
	use rand::Rng;
	let mut r = rng(seed);
	(0..n).map(|_| r.gen()).collect()
}

#[test]
fn batches_pass_when_every_proof_does_and_fail_on_any_tampering() {
	let mlp = example("mlp_digits8");
	let (key_a, items_a) = proofs(&mlp, 1, 3);
	let (key_b, items_b) = proofs(&mlp, 2, 2);
	let keys = [key_a.clone(), key_b.clone()];
	for (st, proof) in &items_a {
		assert_eq!(verify_prepared(&key_a, st, proof), Ok(()));
	}
	let groups: [&[_]; 2] = [&items_a, &items_b];
	let all = batch(&groups);
	let r = random_coefficients(all.len(), 9);
	assert_eq!(verify_batch_prepared(&keys, &all, &r), Ok(()));
	// An empty batch, and a batch of one.
	assert_eq!(verify_batch_prepared(&keys, &[], &[]), Ok(()));
	assert_eq!(verify_batch_prepared(&keys, &all[..1], &r[..1]), Ok(()));

	// One changed output, request or executor anywhere: the batch fails.
	for (i, edit) in [
		(
			0usize,
			(|st: &mut Statement| st.output[0] += 1) as fn(&mut Statement),
		),
		(2, |st| st.request_id += 1),
		(4, |st| st.executor[0] ^= 1),
	] {
		let mut tampered: Vec<Statement> = groups
			.iter()
			.flat_map(|group| group.iter().map(|(st, _)| st.clone()))
			.collect();
		edit(&mut tampered[i]);
		let items: Vec<_> = all
			.iter()
			.zip(&tampered)
			.map(|(it, statement)| BatchItem::of(it.key, statement, it.proof))
			.collect();
		assert_eq!(
			verify_batch_prepared(&keys, &items, &r),
			Err(Error::InvalidProof),
			"item {i} tampered"
		);
	}
	// A proof checked under the other key (same model, other setup).
	let mut wrong_key = all.clone();
	wrong_key[0].key = 1;
	assert_eq!(
		verify_batch_prepared(&keys, &wrong_key, &r),
		Err(Error::InvalidProof)
	);
	// A proof swapped for another's.
	let mut swapped = all.clone();
	swapped[1].proof = all[2].proof;
	assert_eq!(
		verify_batch_prepared(&keys, &swapped, &r),
		Err(Error::InvalidProof)
	);
	// Statement errors and bad indices are reported as such.
	let mut no_key = all.clone();
	no_key[3].key = 2;
	assert!(matches!(
		verify_batch_prepared(&keys, &no_key, &r),
		Err(Error::Statement(_))
	));
	assert!(matches!(
		verify_batch_prepared(&keys, &all, &r[1..]),
		Err(Error::Statement(_))
	));
	let mut short = items_a[0].0.clone();
	short.output.pop();
	let mut bad_len = all.clone();
	bad_len[0] = BatchItem::of(0, &short, all[0].proof);
	assert!(matches!(
		verify_batch_prepared(&keys, &bad_len, &r),
		Err(Error::Statement(_))
	));
}

/// Inputs given by their commitment (what a chain stores when the request is
/// made) verify as their values do; the commitment of another input fails
/// the batch, and so does one made with another activation width.
#[test]
fn batches_verify_against_input_commitments() {
	let mlp = example("mlp_digits8");
	let (key, items) = proofs(&mlp, 5, 3);
	let layout = key.layout;
	let commitments: Vec<Fr> = items
		.iter()
		.map(|(st, _)| input_commitment(layout.act_bits, &st.input).unwrap())
		.collect();
	assert_eq!(
		commitments[0],
		layout.input_commitment(&items[0].0.input).unwrap(),
		"the free function is the layout's commitment"
	);
	let committed = |commitments: &[Fr]| -> Vec<BatchItem<'_, Bls12_381>> {
		items
			.iter()
			.zip(commitments)
			.map(|((st, proof), c)| BatchItem {
				input: TensorPart::Committed(*c),
				..BatchItem::of(0, st, proof)
			})
			.collect()
	};
	let keys = [key];
	let r = random_coefficients(items.len(), 11);
	assert_eq!(
		verify_batch_prepared(&keys, &committed(&commitments), &r),
		Ok(())
	);
	// Another request's input commitment.
	let mut swapped = commitments.clone();
	swapped.swap(0, 1);
	assert_eq!(
		verify_batch_prepared(&keys, &committed(&swapped), &r),
		Err(Error::InvalidProof)
	);
	// The same values committed at another width.
	let mut widened = commitments.clone();
	widened[2] = input_commitment(layout.act_bits + 1, &items[2].0.input).unwrap();
	assert_eq!(
		verify_batch_prepared(&keys, &committed(&widened), &r),
		Err(Error::InvalidProof)
	);
	// Bad input is refused: an unsupported width, an empty input, a value
	// out of range.
	assert!(input_commitment(1, &[0]).is_err());
	assert!(input_commitment(8, &[]).is_err());
	assert!(input_commitment(8, &[128]).is_err());
}

/// Why the coefficients must be unpredictable: swapping the `C` points of
/// two valid proofs under one key makes both invalid, yet their sum, and so
/// the batch equation with all coefficients 1, is unchanged.
#[test]
fn known_coefficients_let_bad_proofs_cancel_random_ones_do_not() {
	let mlp = example("mlp_digits8");
	let (key, items) = proofs(&mlp, 3, 2);
	let mut forged = items.clone();
	forged[0].1.c = items[1].1.c;
	forged[1].1.c = items[0].1.c;
	for (st, proof) in &forged {
		assert_eq!(
			verify_prepared(&key, st, proof),
			Err(Error::InvalidProof),
			"each forged proof fails alone"
		);
	}
	let keys = [key];
	let groups: [&[_]; 1] = [&forged];
	let all = batch(&groups);
	// The attack succeeds when the coefficients are known (all ones)...
	assert_eq!(verify_batch_prepared(&keys, &all, &[1, 1]), Ok(()));
	// ...and a zero coefficient is not a way to drop a proof (it counts as 1).
	assert_eq!(verify_batch_prepared(&keys, &all, &[0, 1]), Ok(()));
	// ...and fails with random ones.
	assert_eq!(
		verify_batch_prepared(&keys, &all, &random_coefficients(2, 4)),
		Err(Error::InvalidProof)
	);
}
