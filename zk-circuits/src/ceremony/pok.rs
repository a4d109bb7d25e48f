//! A contributor's public key for one secret `x`, with a proof that it knows
//! `x`: `x·G1`, `x·G2` and a Schnorr proof of knowledge of `x` in G1 whose
//! challenge hashes a binding (the transcript so far and the contributor's
//! account, see [`super::binding`]).
//!
//! The Schnorr proof is what makes a contribution a *contribution*: a party
//! that could only pick its update as a function of the earlier ones (to
//! cancel them) cannot prove it knows the factor it applied. The `G2` twin
//! lets pairings compare the factor with points on both curves; that
//! `x·G1` and `x·G2` carry the same `x` is one of the pairing equations the
//! callers add ([`KeyProof::add_consistency`]).

use alloc::{format, vec::Vec};

use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{BigInteger, PrimeField};

use super::check::PairingCheck;
use crate::verifier::{read_point, write_point, G1_BYTES, G2_BYTES};
use crate::{Error, Fr, Result};

/// A public key `x·G1, x·G2` with a Schnorr proof of knowledge of `x`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyProof<E: Pairing> {
	/// `x·G1`.
	pub g1: E::G1Affine,
	/// `x·G2`.
	pub g2: E::G2Affine,
	/// The Schnorr commitment `k·G1`.
	pub commitment: E::G1Affine,
	/// The Schnorr response `k + c·x`.
	pub response: Fr,
}

/// The Schnorr challenge: `blake2b-512(tag ‖ binding ‖ x·G1 ‖ k·G1) mod r`.
fn challenge<E: Pairing>(tag: &[u8], binding: &[u8], g1: &E::G1Affine, r: &E::G1Affine) -> Fr {
	use blake2::{Blake2b512, Digest};
	let mut h = Blake2b512::new();
	h.update(b"verity-ceremony-pok");
	h.update((tag.len() as u32).to_le_bytes());
	h.update(tag);
	h.update(binding);
	let mut bytes = Vec::with_capacity(2 * G1_BYTES);
	write_point(g1, &mut bytes);
	write_point(r, &mut bytes);
	h.update(&bytes);
	Fr::from_le_bytes_mod_order(&h.finalize())
}

impl<E: Pairing<ScalarField = Fr>> KeyProof<E> {
	/// Encoded size: `x·G1 ‖ x·G2 ‖ k·G1 ‖ response` (compressed points, the
	/// response as 32 little-endian bytes).
	pub const SIZE: usize = 2 * G1_BYTES + G2_BYTES + 32;

	/// The public key of `x` with its proof, for `tag` (which secret) and
	/// `binding`. `nonce` must be fresh randomness, used once.
	pub fn new(x: Fr, nonce: Fr, tag: &[u8], binding: &[u8]) -> Self {
		let g1 = E::G1Affine::generator()
			.mul_bigint(x.into_bigint())
			.into_affine();
		let g2 = E::G2Affine::generator()
			.mul_bigint(x.into_bigint())
			.into_affine();
		let commitment = E::G1Affine::generator()
			.mul_bigint(nonce.into_bigint())
			.into_affine();
		let c = challenge::<E>(tag, binding, &g1, &commitment);
		KeyProof {
			g1,
			g2,
			commitment,
			response: nonce + c * x,
		}
	}

	/// Checks the Schnorr proof (`response·G1 = commitment + c·(x·G1)`) and
	/// that the key is not the identity. The G1/G2 consistency is a pairing
	/// equation: see [`KeyProof::add_consistency`].
	pub fn verify_knowledge(&self, tag: &[u8], binding: &[u8]) -> Result<()> {
		if self.g1.is_zero() || self.g2.is_zero() {
			return Err(Error::Ceremony(format!(
				"the {} key is the identity",
				core::str::from_utf8(tag).unwrap_or("?")
			)));
		}
		let c = challenge::<E>(tag, binding, &self.g1, &self.commitment);
		let lhs = E::G1Affine::generator().mul_bigint(self.response.into_bigint());
		let rhs = self.commitment.into_group() + self.g1.mul_bigint(c.into_bigint());
		if lhs != rhs {
			return Err(Error::Ceremony(format!(
				"the proof of knowledge of the {} secret is invalid (wrong transcript, wrong contributor, or not known)",
				core::str::from_utf8(tag).unwrap_or("?")
			)));
		}
		Ok(())
	}

	/// Adds `e(x·G1, G2) = e(G1, x·G2)` to `check`.
	pub fn add_consistency(&self, check: &mut PairingCheck<E>) {
		check.equal(
			self.g1,
			E::G2Affine::generator(),
			E::G1Affine::generator(),
			self.g2,
		);
	}

	pub fn write(&self, out: &mut Vec<u8>) {
		write_point(&self.g1, out);
		write_point(&self.g2, out);
		write_point(&self.commitment, out);
		out.extend_from_slice(&self.response.into_bigint().to_bytes_le());
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		self.write(&mut out);
		out
	}

	/// Decodes (points validated: on the curve, in the subgroup; the
	/// response canonical) from the front of `bytes`, advancing it.
	pub fn read(bytes: &mut &[u8]) -> Result<Self> {
		if bytes.len() < Self::SIZE {
			return Err(Error::Decode(format!(
				"a key proof is {} bytes, {} left",
				Self::SIZE,
				bytes.len()
			)));
		}
		let g1 = read_point(bytes, "key proof x·G1")?;
		let g2 = read_point(bytes, "key proof x·G2")?;
		let commitment = read_point(bytes, "key proof commitment")?;
		let mut response = [0u8; 32];
		response.copy_from_slice(&bytes[..32]);
		*bytes = &bytes[32..];
		let response = crate::statement::field_from_bytes(&response)?;
		Ok(KeyProof {
			g1,
			g2,
			commitment,
			response,
		})
	}

	pub fn from_bytes(mut bytes: &[u8]) -> Result<Self> {
		let proof = Self::read(&mut bytes)?;
		if !bytes.is_empty() {
			return Err(Error::Decode("trailing bytes after a key proof".into()));
		}
		Ok(proof)
	}
}
