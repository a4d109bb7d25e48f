//! The **insecure** development SRS: its secrets are derived from a public
//! string, so anyone can forge proofs under keys made from it. For `--dev`
//! chains and tests only; everything that shows it says so.
//!
//! Because the secrets are known, the chain computes its head and domain
//! tables directly (a few scalar multiplications each, `no_std`), with no
//! ceremony and no SRS artifact; nodes make the full SRS from the secrets.

use alloc::vec::Vec;

use ark_ec::pairing::Pairing;
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{FftField, Field, PrimeField};

use super::domain::{is_domain_size, DomainTable, MAX_PUBLIC_INPUTS};
use super::head::SrsHead;
use crate::{Error, Fr, Result};

/// The development SRS's `(τ, α, β)`.
pub fn secrets() -> [Fr; 3] {
	let derive = |tag: &[u8]| {
		Fr::from_le_bytes_mod_order(&super::blake2_256(&[b"verity insecure dev SRS", tag]))
	};
	[derive(b"tau"), derive(b"alpha"), derive(b"beta")]
}

/// The development SRS's head.
pub fn head<E: Pairing<ScalarField = Fr>>() -> SrsHead<E> {
	let [tau, alpha, beta] = secrets();
	SrsHead::identity().scaled(tau, alpha, beta)
}

/// `L_j(τ)` on the domain of `n` points: `(ω^j/n)·(τ^n − 1)/(τ − ω^j)`.
fn lagrange_at(tau: Fr, n: u32, j: usize) -> Result<Fr> {
	let omega = Fr::get_root_of_unity(n as u64)
		.ok_or_else(|| Error::Ceremony(alloc::format!("no domain of {n} points")))?;
	let w = omega.pow([j as u64]);
	let num = w * (tau.pow([n as u64]) - Fr::from(1u64));
	let den = Fr::from(n as u64) * (tau - w);
	den.inverse()
		.map(|d| num * d)
		.ok_or_else(|| Error::Ceremony("τ lies in the domain".into()))
}

/// The development SRS's (of `max_domain` points) table for the domain of
/// `n` points (a divisor: its secret is `τ^(max_domain/n)`).
pub fn table<E: Pairing<ScalarField = Fr>>(max_domain: u32, n: u32) -> Result<DomainTable<E>> {
	if !is_domain_size(n) || !max_domain.is_multiple_of(n) {
		return Err(Error::Ceremony(alloc::format!(
			"{n} is not a QAP domain size dividing {max_domain}"
		)));
	}
	let [tau, alpha, beta] = secrets();
	let tau = tau.pow([(max_domain / n) as u64]);
	let g1 = E::G1Affine::generator();
	let point = |s: Fr| g1.mul_bigint(s.into_bigint()).into_affine();
	let l0 = lagrange_at(tau, n, 0)?;
	let beta_l: Result<Vec<E::G1Affine>> = (0..=MAX_PUBLIC_INPUTS)
		.map(|j| Ok(point(beta * lagrange_at(tau, n, j)?)))
		.collect();
	Ok(DomainTable {
		size: n,
		alpha_l0: point(alpha * l0),
		beta_l: beta_l?,
	})
}
