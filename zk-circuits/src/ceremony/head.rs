//! Phase 1 as the chain sees it: the SRS's head, a contribution's proof, and
//! the beacon.
//!
//! A contribution with secrets `(τ', α', β')` turns the SRS of `(τ, α, β)`
//! into the SRS of `(τ·τ', α·α', β·β')`. Its [`Phase1Proof`] holds a
//! [`KeyProof`] per secret; [`verify_phase1_update`] checks the three proofs of
//! knowledge and that the new head is the old head moved by exactly those
//! secrets. That the rest of the new SRS follows its head (every power) is the
//! nodes' full check (`srs`, feature `prover`).

use alloc::{format, vec::Vec};

use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{PrimeField, Zero};

use super::{check::PairingCheck, pok::KeyProof};
use crate::verifier::{read_point, write_point, G1_BYTES, G2_BYTES};
use crate::{Error, Fr, Result};

/// Proof-of-knowledge tags of the three phase-1 secrets.
pub const TAG_TAU: &[u8] = b"tau";
pub const TAG_ALPHA: &[u8] = b"alpha";
pub const TAG_BETA: &[u8] = b"beta";

/// The points of an SRS that a contribution's proof speaks about:
/// `τ·G1, τ·G2, α·G1, β·G1, β·G2`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SrsHead<E: Pairing> {
	pub tau_g1: E::G1Affine,
	pub tau_g2: E::G2Affine,
	pub alpha_g1: E::G1Affine,
	pub beta_g1: E::G1Affine,
	pub beta_g2: E::G2Affine,
}

/// A phase-1 contribution's public keys and proofs of knowledge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phase1Proof<E: Pairing> {
	pub tau: KeyProof<E>,
	pub alpha: KeyProof<E>,
	pub beta: KeyProof<E>,
}

fn scale<A: AffineRepr<ScalarField = Fr>>(p: &A, x: Fr) -> A {
	p.mul_bigint(x.into_bigint()).into_affine()
}

impl<E: Pairing<ScalarField = Fr>> SrsHead<E> {
	/// Encoded size: three G1 and two G2 compressed points.
	pub const SIZE: usize = 3 * G1_BYTES + 2 * G2_BYTES;

	/// The head of the SRS before any contribution (`τ = α = β = 1`).
	pub fn identity() -> Self {
		let (g1, g2) = (E::G1Affine::generator(), E::G2Affine::generator());
		SrsHead {
			tau_g1: g1,
			tau_g2: g2,
			alpha_g1: g1,
			beta_g1: g1,
			beta_g2: g2,
		}
	}

	/// The head moved by the secrets `(τ, α, β)`.
	pub fn scaled(&self, tau: Fr, alpha: Fr, beta: Fr) -> Self {
		SrsHead {
			tau_g1: scale(&self.tau_g1, tau),
			tau_g2: scale(&self.tau_g2, tau),
			alpha_g1: scale(&self.alpha_g1, alpha),
			beta_g1: scale(&self.beta_g1, beta),
			beta_g2: scale(&self.beta_g2, beta),
		}
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		write_point(&self.tau_g1, &mut out);
		write_point(&self.tau_g2, &mut out);
		write_point(&self.alpha_g1, &mut out);
		write_point(&self.beta_g1, &mut out);
		write_point(&self.beta_g2, &mut out);
		out
	}

	/// Decodes and validates (on the curve, in the subgroup, no identity).
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		if bytes.len() != Self::SIZE {
			return Err(Error::Decode(format!(
				"an SRS head is {} bytes, got {}",
				Self::SIZE,
				bytes.len()
			)));
		}
		let mut r = bytes;
		let head: SrsHead<E> = SrsHead {
			tau_g1: read_point(&mut r, "head τ·G1")?,
			tau_g2: read_point(&mut r, "head τ·G2")?,
			alpha_g1: read_point(&mut r, "head α·G1")?,
			beta_g1: read_point(&mut r, "head β·G1")?,
			beta_g2: read_point(&mut r, "head β·G2")?,
		};
		if head.tau_g1.is_zero()
			|| head.tau_g2.is_zero()
			|| head.alpha_g1.is_zero()
			|| head.beta_g1.is_zero()
			|| head.beta_g2.is_zero()
		{
			return Err(Error::Decode("an SRS head point is the identity".into()));
		}
		Ok(head)
	}
}

impl<E: Pairing<ScalarField = Fr>> Phase1Proof<E> {
	/// Encoded size: three key proofs.
	pub const SIZE: usize = 3 * KeyProof::<E>::SIZE;

	/// Public keys and proofs for the secrets `(τ, α, β)`; `nonces` are fresh
	/// randomness, one per proof.
	pub fn new(secrets: [Fr; 3], nonces: [Fr; 3], binding: &[u8]) -> Self {
		Phase1Proof {
			tau: KeyProof::new(secrets[0], nonces[0], TAG_TAU, binding),
			alpha: KeyProof::new(secrets[1], nonces[1], TAG_ALPHA, binding),
			beta: KeyProof::new(secrets[2], nonces[2], TAG_BETA, binding),
		}
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		self.tau.write(&mut out);
		self.alpha.write(&mut out);
		self.beta.write(&mut out);
		out
	}

	pub fn from_bytes(mut bytes: &[u8]) -> Result<Self> {
		let proof = Phase1Proof {
			tau: KeyProof::read(&mut bytes)?,
			alpha: KeyProof::read(&mut bytes)?,
			beta: KeyProof::read(&mut bytes)?,
		};
		if !bytes.is_empty() {
			return Err(Error::Decode("trailing bytes after a phase-1 proof".into()));
		}
		Ok(proof)
	}
}

/// Checks a phase-1 contribution as the runtime can: the three proofs of
/// knowledge (bound to `binding`, see [`super::binding`]) and that `next` is
/// `prev` moved by the proven secrets (`τ·G1, τ·G2` by `τ'`, `α·G1` by `α'`,
/// `β·G1, β·G2` by `β'`): eight pairing equations in one batched check.
pub fn verify_phase1_update<E: Pairing<ScalarField = Fr>>(
	prev: &SrsHead<E>,
	next: &SrsHead<E>,
	proof: &Phase1Proof<E>,
	binding: &[u8],
) -> Result<()> {
	proof.tau.verify_knowledge(TAG_TAU, binding)?;
	proof.alpha.verify_knowledge(TAG_ALPHA, binding)?;
	proof.beta.verify_knowledge(TAG_BETA, binding)?;
	let (g1, g2) = (E::G1Affine::generator(), E::G2Affine::generator());
	let seed = [
		binding,
		&prev.to_bytes()[..],
		&next.to_bytes()[..],
		&proof.to_bytes()[..],
	]
	.concat();
	let mut check = PairingCheck::<E>::new(&seed);
	proof.tau.add_consistency(&mut check);
	proof.alpha.add_consistency(&mut check);
	proof.beta.add_consistency(&mut check);
	check.equal(next.tau_g1, g2, prev.tau_g1, proof.tau.g2);
	check.equal(g1, next.tau_g2, proof.tau.g1, prev.tau_g2);
	check.equal(next.alpha_g1, g2, prev.alpha_g1, proof.alpha.g2);
	check.equal(next.beta_g1, g2, prev.beta_g1, proof.beta.g2);
	check.equal(g1, next.beta_g2, proof.beta.g1, prev.beta_g2);
	if !check.holds() {
		return Err(Error::Ceremony(
			"the new SRS head is not the previous one moved by the proven secrets".into(),
		));
	}
	Ok(())
}

/// The beacon's secrets `(τ, α, β)`: public, derived from the beacon value
/// (a block hash fixed in advance) by hashing. Applied after the last
/// contribution, so no contributor could choose its secrets knowing the
/// final SRS.
pub fn beacon_secrets(beacon: &[u8; 32]) -> [Fr; 3] {
	use blake2::{Blake2b512, Digest};
	let derive = |tag: &[u8]| {
		let mut counter = 0u32;
		loop {
			let mut h = Blake2b512::new();
			h.update(b"verity-beacon");
			h.update(tag);
			h.update(beacon);
			h.update(counter.to_le_bytes());
			let x = Fr::from_le_bytes_mod_order(&h.finalize());
			if !x.is_zero() {
				return x;
			}
			counter += 1;
		}
	};
	[derive(TAG_TAU), derive(TAG_ALPHA), derive(TAG_BETA)]
}

/// The head after applying the beacon (what the runtime stores; the nodes
/// apply the same secrets to the whole SRS).
pub fn head_after_beacon<E: Pairing<ScalarField = Fr>>(
	head: &SrsHead<E>,
	beacon: &[u8; 32],
) -> SrsHead<E> {
	let [tau, alpha, beta] = beacon_secrets(beacon);
	head.scaled(tau, alpha, beta)
}
