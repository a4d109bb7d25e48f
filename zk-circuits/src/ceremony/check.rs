//! Many pairing equations `e(a, b) = e(c, d)` checked as one: each is scaled
//! by a 128-bit coefficient and all go into one multi-Miller loop and one
//! final exponentiation. Terms with the same G2 point are merged first (most
//! ceremony equations pair with the G2 generator), so `k` equations cost far
//! fewer than `2k` Miller loops.
//!
//! A false equation survives the batch only if the coefficients happen to
//! cancel it: probability `2^-128` when they are random. The coefficients
//! come from a seed: the runtime hashes everything being checked into it
//! (the points are fixed before the coefficients exist), nodes use OS
//! randomness.

use alloc::vec::Vec;

use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::One;

use crate::Fr;

/// A batch of pairing equations.
pub struct PairingCheck<E: Pairing> {
	seed: [u8; 32],
	count: u64,
	pairs: Vec<(E::G1, E::G2Affine)>,
}

impl<E: Pairing<ScalarField = Fr>> PairingCheck<E> {
	/// An empty batch whose coefficients derive from `seed`.
	pub fn new(seed: &[u8]) -> Self {
		PairingCheck {
			seed: super::blake2_256(&[b"verity-pairing-check", seed]),
			count: 0,
			pairs: Vec::new(),
		}
	}

	fn coefficient(&mut self) -> Fr {
		self.count += 1;
		if self.count == 1 {
			return Fr::one();
		}
		let h = super::blake2_256(&[&self.seed, &self.count.to_le_bytes()]);
		let mut low = [0u8; 16];
		low.copy_from_slice(&h[..16]);
		Fr::from(u128::from_le_bytes(low))
	}

	fn push(&mut self, g1: E::G1, g2: E::G2Affine) {
		if g2.is_zero() {
			return;
		}
		match self.pairs.iter_mut().find(|(_, b)| *b == g2) {
			Some((a, _)) => *a += g1,
			None => self.pairs.push((g1, g2)),
		}
	}

	/// Adds `e(a, b) = e(c, d)`.
	pub fn equal(&mut self, a: E::G1Affine, b: E::G2Affine, c: E::G1Affine, d: E::G2Affine) {
		self.equal_projective(a.into_group(), b, c.into_group(), d);
	}

	/// [`PairingCheck::equal`] with the G1 sides as projective points (sums
	/// the caller already formed, e.g. multi-scalar multiplications).
	pub fn equal_projective(&mut self, a: E::G1, b: E::G2Affine, c: E::G1, d: E::G2Affine) {
		let rho = self.coefficient();
		self.push(a * rho, b);
		self.push(-(c * rho), d);
	}

	/// Number of Miller loops the batch needs.
	pub fn miller_loops(&self) -> usize {
		self.pairs.len()
	}

	/// Whether every equation holds (up to the `2^-128` chance above).
	pub fn holds(self) -> bool {
		let (g1, g2): (Vec<E::G1>, Vec<E::G2Affine>) = self.pairs.into_iter().unzip();
		let g1 = E::G1::normalize_batch(&g1);
		match E::final_exponentiation(E::multi_miller_loop(g1, g2)) {
			Some(out) => out.0.is_one(),
			None => false,
		}
	}
}
