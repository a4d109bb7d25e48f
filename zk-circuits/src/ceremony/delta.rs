//! Phase 2 as the chain sees it: a contributor multiplies the key's `δ` by a
//! secret `δ'` (and divides the proving key's `L` and `H` queries by it) and
//! proves it knows `δ'`.

use alloc::{format, vec::Vec};

use ark_ec::pairing::Pairing;
use ark_ec::AffineRepr;

use super::{check::PairingCheck, pok::KeyProof};
use crate::verifier::{read_point, write_point, G1_BYTES, G2_BYTES};
use crate::{Error, Fr, Result};

/// Proof-of-knowledge tag of a `δ` contribution.
pub const TAG_DELTA: &[u8] = b"delta";

/// A key's `δ·G1` and `δ·G2` (the initial key has `δ = 1`: the generators).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeltaUpdate<E: Pairing> {
	pub delta_g1: E::G1Affine,
	pub delta_g2: E::G2Affine,
}

impl<E: Pairing<ScalarField = Fr>> DeltaUpdate<E> {
	/// Encoded size.
	pub const SIZE: usize = G1_BYTES + G2_BYTES;

	/// `δ = 1`.
	pub fn initial() -> Self {
		DeltaUpdate {
			delta_g1: E::G1Affine::generator(),
			delta_g2: E::G2Affine::generator(),
		}
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		write_point(&self.delta_g1, &mut out);
		write_point(&self.delta_g2, &mut out);
		out
	}

	/// Decodes and validates (on the curve, in the subgroup, no identity).
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		if bytes.len() != Self::SIZE {
			return Err(Error::Decode(format!(
				"a δ pair is {} bytes, got {}",
				Self::SIZE,
				bytes.len()
			)));
		}
		let mut r = bytes;
		let d: DeltaUpdate<E> = DeltaUpdate {
			delta_g1: read_point(&mut r, "δ·G1")?,
			delta_g2: read_point(&mut r, "δ·G2")?,
		};
		if d.delta_g1.is_zero() || d.delta_g2.is_zero() {
			return Err(Error::Decode("δ is the identity".into()));
		}
		Ok(d)
	}
}

/// Checks a phase-2 contribution: the proof of knowledge of `δ'` (bound to
/// `binding`) and that `next` is `prev` multiplied by it on both curves.
pub fn verify_delta_update<E: Pairing<ScalarField = Fr>>(
	prev: &DeltaUpdate<E>,
	next: &DeltaUpdate<E>,
	proof: &KeyProof<E>,
	binding: &[u8],
) -> Result<()> {
	proof.verify_knowledge(TAG_DELTA, binding)?;
	let (g1, g2) = (E::G1Affine::generator(), E::G2Affine::generator());
	let seed = [
		binding,
		&prev.to_bytes()[..],
		&next.to_bytes()[..],
		&proof.to_bytes()[..],
	]
	.concat();
	let mut check = PairingCheck::<E>::new(&seed);
	proof.add_consistency(&mut check);
	check.equal(next.delta_g1, g2, prev.delta_g1, proof.g2);
	check.equal(g1, next.delta_g2, proof.g1, prev.delta_g2);
	if !check.holds() {
		return Err(Error::Ceremony(
			"the new δ is not the previous one multiplied by the proven secret".into(),
		));
	}
	Ok(())
}
