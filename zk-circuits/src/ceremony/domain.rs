//! QAP domains and the verifying key every model's ceremony starts from.
//!
//! The QAP (see `crate::groth16`) gives the constant `1` row 0 (`1·1 = one'`)
//! and public input `i` row `i` (`x_i·one' = copy_i`), and uses those
//! variables nowhere else. So the public inputs' QAP polynomials are
//! `u_0 = v_0 = L_0` and `u_i = L_i` (the Lagrange polynomials of the domain),
//! and with `γ = 1` a verifying key's IC points are
//!
//! ```text
//! IC_0 = (α + β)·L_0(τ)·G1,   IC_i = β·L_i(τ)·G1   (1 ≤ i ≤ public inputs)
//! ```
//!
//! whatever the circuit. A [`DomainTable`] holds these Lagrange points for one
//! domain size; with it the chain computes any model's initial verifying key
//! ([`initial_verifying_key`]) instead of taking one from the registrant.

use alloc::{format, vec::Vec};

use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};

use crate::statement::{StatementLayout, BINDING_INPUTS, MAX_PACKED_OUTPUT_ELEMENTS};
use crate::verifier::{read_point, write_point, VerifyingKey, G1_BYTES};
use crate::{Error, Fr, Result};

/// Most public inputs a statement has (binding, input commitment, packed output).
pub const MAX_PUBLIC_INPUTS: usize = BINDING_INPUTS + 1 + MAX_PACKED_OUTPUT_ELEMENTS;

/// The smallest QAP domain the ceremony supports.
pub const MIN_DOMAIN_SIZE: u32 = 16;

/// Whether `n` is a QAP domain size: `2^k` or `3·2^k` (BLS12-381's scalar
/// field has multiplicative subgroups of both), at least [`MIN_DOMAIN_SIZE`].
pub fn is_domain_size(n: u32) -> bool {
	n >= MIN_DOMAIN_SIZE
		&& (n.is_power_of_two() || (n.is_multiple_of(3) && (n / 3).is_power_of_two()))
}

/// The domain sizes an SRS for domains of up to `max` points serves: every
/// domain size dividing `max` (the domain is then a subgroup of the largest
/// one, and its SRS is every `max/n`-th power: see `srs::Srs::restrict`),
/// smallest first. `max = 3·2^k` serves both families up to it.
pub fn domain_sizes(max: u32) -> Vec<u32> {
	let mut sizes: Vec<u32> = (0..32)
		.flat_map(|k| [1u64 << k, 3u64 << k])
		.filter_map(|n| u32::try_from(n).ok())
		.filter(|&n| n <= max && max.is_multiple_of(n) && is_domain_size(n))
		.collect();
	sizes.sort_unstable();
	sizes.dedup();
	sizes
}

/// The Lagrange points of the public rows on one domain: `α·L_0(τ)·G1` and
/// `β·L_i(τ)·G1` for `i ≤` [`MAX_PUBLIC_INPUTS`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainTable<E: Pairing> {
	/// The domain size.
	pub size: u32,
	pub alpha_l0: E::G1Affine,
	/// `β·L_i(τ)·G1`, `MAX_PUBLIC_INPUTS + 1` of them.
	pub beta_l: Vec<E::G1Affine>,
}

impl<E: Pairing<ScalarField = Fr>> DomainTable<E> {
	/// Encoded size: the size (u32 LE) and the points.
	pub const SIZE: usize = 4 + (MAX_PUBLIC_INPUTS + 2) * G1_BYTES;

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		out.extend_from_slice(&self.size.to_le_bytes());
		write_point(&self.alpha_l0, &mut out);
		for p in &self.beta_l {
			write_point(p, &mut out);
		}
		out
	}

	/// Decodes and validates (a domain size; points on the curve, in the
	/// subgroup, not the identity).
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		if bytes.len() != Self::SIZE {
			return Err(Error::Decode(format!(
				"a domain table is {} bytes, got {}",
				Self::SIZE,
				bytes.len()
			)));
		}
		let mut size = [0u8; 4];
		size.copy_from_slice(&bytes[..4]);
		let size = u32::from_le_bytes(size);
		if !is_domain_size(size) {
			return Err(Error::Decode(format!("{size} is not a QAP domain size")));
		}
		let mut r = &bytes[4..];
		let alpha_l0: E::G1Affine = read_point(&mut r, "domain table α·L_0")?;
		let mut beta_l = Vec::with_capacity(MAX_PUBLIC_INPUTS + 1);
		for _ in 0..=MAX_PUBLIC_INPUTS {
			beta_l.push(read_point::<E::G1Affine>(&mut r, "domain table β·L_i")?);
		}
		if alpha_l0.is_zero() || beta_l.iter().any(|p| p.is_zero()) {
			return Err(Error::Decode("a domain table point is the identity".into()));
		}
		Ok(DomainTable {
			size,
			alpha_l0,
			beta_l,
		})
	}
}

/// The verifying key a model's phase 2 starts from (`γ = δ = 1`), computed
/// from the final SRS's `α·G1`, `β·G2` and the table of the model's domain.
/// Not usable as it is (`γ = δ`, which [`VerifyingKey::from_bytes`] refuses):
/// contributions set `δ`.
pub fn initial_verifying_key<E: Pairing<ScalarField = Fr>>(
	alpha_g1: E::G1Affine,
	beta_g2: E::G2Affine,
	table: &DomainTable<E>,
	model_id: [u8; 32],
	layout: StatementLayout,
) -> Result<VerifyingKey<E>> {
	layout.check()?;
	let k = layout.num_public_inputs();
	if k > MAX_PUBLIC_INPUTS || table.beta_l.len() <= k {
		return Err(Error::Ceremony(format!(
			"{k} public inputs: the domain table covers {}",
			table.beta_l.len().saturating_sub(1)
		)));
	}
	let mut ic = Vec::with_capacity(k + 1);
	ic.push((table.alpha_l0.into_group() + table.beta_l[0]).into_affine());
	ic.extend_from_slice(&table.beta_l[1..=k]);
	Ok(VerifyingKey {
		model_id,
		layout,
		alpha_g1,
		beta_g2,
		gamma_g2: E::G2Affine::generator(),
		delta_g2: E::G2Affine::generator(),
		ic,
	})
}
