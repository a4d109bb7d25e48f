//! What a trapdoor holder can do: prove **any** statement, no witness needed.
//! Not used by the prover; the tests use it to show that the ceremony takes
//! this power away (forging fails without every contributor's secret, and
//! with a registrant's own single-party trapdoor), and that it does work
//! when the secrets are known (so those tests would notice a ceremony that
//! does not rescale).

use ark_bls12_381::{G1Affine, G2Affine};
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::Field;
use ark_poly::EvaluationDomain;

use crate::groth16::domain_of_size;
use crate::{Bls12_381, Error, Fr, Proof, Result, Statement, VerifyingKey};

/// A proof of `statement` under `vk` (a `γ = 1` key on the `domain`-point
/// QAP domain) from the secrets `(τ, α, β, δ)` of the key's domain (for a
/// ceremony key: `τ^(N/n)` of the SRS's `τ`): `A = a·G1`, `B = b·G2`,
/// `C = (a·b − α·β − Σ x_i·IC_i(τ))/δ·G1`, where `IC_0 = (α + β)·L_0(τ)` and
/// `IC_i = β·L_i(τ)`.
pub fn forge(
	vk: &VerifyingKey<Bls12_381>,
	domain: usize,
	[tau, alpha, beta, delta]: [Fr; 4],
	statement: &Statement,
) -> Result<Proof<Bls12_381>> {
	let x = vk.layout.public_inputs(statement)?;
	let l = domain_of_size(domain)?.evaluate_all_lagrange_coefficients(tau);
	let mut ic = (alpha + beta) * l[0];
	for (i, xi) in x.iter().enumerate() {
		ic += *xi * beta * l[i + 1];
	}
	let (a, b) = (Fr::from(3u64), Fr::from(5u64));
	let delta_inv = delta
		.inverse()
		.ok_or_else(|| Error::Ceremony("δ = 0".into()))?;
	let c = (a * b - alpha * beta - ic) * delta_inv;
	Ok(Proof {
		a: (G1Affine::generator() * a).into_affine(),
		b: (G2Affine::generator() * b).into_affine(),
		c: (G1Affine::generator() * c).into_affine(),
	})
}
