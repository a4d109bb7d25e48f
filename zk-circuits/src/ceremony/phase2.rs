//! Phase 2 on the proving key: the initial key of a model, a contribution to
//! its `δ`, and the full check every node runs before contributing or
//! proving.

use ark_bls12_381::{g2, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::scalar_mul::glv::GLVConfig;
use ark_ec::short_weierstrass::{Affine, Projective, SWCurveConfig};
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::{AdditiveGroup, Field, One, PrimeField, UniformRand, Zero};
use ark_poly::EvaluationDomain;
use ark_relations::gr1cs::Matrix;
use rand::{CryptoRng, RngCore};
use rayon::prelude::*;
use verity_inference::QuantizedModel;
use zeroize::Zeroize;

use super::delta::TAG_DELTA;
use super::lagrange::LagrangeBases;
use super::pok::KeyProof;
use super::scalar_mul::scale_by;
use super::srs::{random_coefficients, Srs};
use super::PairingCheck;
use crate::circuit::layout;
use crate::groth16::{domain_of_size, evaluate_rows, ArkProvingKey, Qap};
use crate::msm::msm;
use crate::{Bls12_381, Error, Fr, ProvingKey, Result, VerifyingKey};

/// For each variable, its `(row, coefficient)` entries in `m`.
fn columns(m: &Matrix<Fr>, num_vars: usize) -> Vec<Vec<(u32, Fr)>> {
	let mut cols = vec![Vec::new(); num_vars];
	for (row, terms) in m.iter().enumerate() {
		for &(c, v) in terms {
			cols[v].push((row as u32, c));
		}
	}
	cols
}

/// `k·p` for a small `k` by double-and-add (circuit coefficients are mostly
/// ±1, powers of two and small weights; a full scalar multiplication would
/// cost ~10× more for them).
fn mul_u64<C: SWCurveConfig>(p: &Affine<C>, k: u64) -> Projective<C> {
	let mut acc = Projective::<C>::zero();
	for i in (0..64 - k.leading_zeros()).rev() {
		acc.double_in_place();
		if k >> i & 1 == 1 {
			acc += p;
		}
	}
	acc
}

/// `c·p`: cheap for small `±c`, `full` otherwise.
fn mul_coefficient<C: SWCurveConfig<ScalarField = Fr>>(
	p: &Affine<C>,
	c: Fr,
	full: &(impl Fn(&Affine<C>, Fr) -> Projective<C> + Sync),
) -> Projective<C> {
	let small = |x: Fr| {
		let b = x.into_bigint();
		(b.0[1] == 0 && b.0[2] == 0 && b.0[3] == 0).then_some(b.0[0])
	};
	if c.is_one() {
		return (*p).into();
	}
	if let Some(k) = small(c) {
		return mul_u64(p, k);
	}
	if let Some(k) = small(-c) {
		return -mul_u64(p, k);
	}
	full(p, c)
}

/// Columns with at least this many entries are summed as one MSM (a
/// layer's weights: hundreds of small coefficients per input variable)
/// instead of term by term.
const MSM_COLUMN: usize = 32;

/// `Σ c·bases[row]` over every column.
fn column_sums<C: SWCurveConfig<ScalarField = Fr>>(
	cols: &[Vec<(u32, Fr)>],
	bases: &[Affine<C>],
	full: impl Fn(&Affine<C>, Fr) -> Projective<C> + Sync,
) -> Vec<Projective<C>> {
	cols.par_iter()
		.map(|col| {
			if col.len() >= MSM_COLUMN {
				let (points, scalars): (Vec<Affine<C>>, Vec<Fr>) =
					col.iter().map(|&(row, c)| (bases[row as usize], c)).unzip();
				return msm(&points, &scalars);
			}
			col.iter()
				.map(|&(row, c)| mul_coefficient(&bases[row as usize], c, &full))
				.sum()
		})
		.collect()
}

fn g1_full(p: &G1Affine, c: Fr) -> G1Projective {
	*p * c
}

fn g2_full(p: &G2Affine, c: Fr) -> G2Projective {
	g2::Config::glv_mul_projective((*p).into(), c)
}

/// The initial proving key of `model` on the domain of `bases` (`δ = 1`,
/// `γ = 1`): a deterministic function of the SRS and the model, so every
/// node computes the same one. Its verifying key equals the chain's
/// [`super::initial_verifying_key`] for the same SRS and domain.
pub fn initial_proving_key(
	srs: &Srs,
	bases: &LagrangeBases,
	model: &QuantizedModel,
) -> Result<ProvingKey> {
	let qap = Qap::compile(model)?;
	let n = bases.size;
	if n < qap.num_constraints {
		return Err(Error::Ceremony(format!(
			"the model's {} QAP rows do not fit a {n}-point domain",
			qap.num_constraints,
		)));
	}
	let srs = srs.restrict(n)?;
	let layout = layout(model)?;
	let [ma, mb, mc] = &qap.matrices;
	let (ca, cb, cc) = (
		columns(ma, qap.num_vars),
		columns(mb, qap.num_vars),
		columns(mc, qap.num_vars),
	);
	let a = column_sums(&ca, &bases.g1, g1_full);
	let b = column_sums(&cb, &bases.g2, g2_full);
	let combined: Vec<G1Projective> = {
		let (x, (y, z)) = rayon::join(
			|| column_sums(&ca, &bases.beta_g1, g1_full),
			|| {
				rayon::join(
					|| column_sums(&cb, &bases.alpha_g1, g1_full),
					|| column_sums(&cc, &bases.g1, g1_full),
				)
			},
		);
		x.into_par_iter()
			.zip(y)
			.zip(z)
			.map(|((x, y), z)| x + y + z)
			.collect()
	};
	let combined = G1Projective::normalize_batch(&combined);
	let h: Vec<G1Projective> = (0..n - 1)
		.into_par_iter()
		.map(|i| srs.tau_g1[i + n].into_group() - srs.tau_g1[i])
		.collect();
	let (g1, g2) = (G1Affine::generator(), G2Affine::generator());
	let groth16 = ArkProvingKey {
		vk: ark_groth16::VerifyingKey {
			alpha_g1: srs.alpha_g1[0],
			beta_g2: srs.beta_g2,
			gamma_g2: g2,
			delta_g2: g2,
			gamma_abc_g1: combined[..qap.num_instance].to_vec(),
		},
		beta_g1: srs.beta_g1[0],
		delta_g1: g1,
		a_query: G1Projective::normalize_batch(&a),
		b_g1_query: Vec::new(),
		b_g2_query: G2Projective::normalize_batch(&b),
		h_query: G1Projective::normalize_batch(&h),
		l_query: combined[qap.num_instance..].to_vec(),
	};
	Ok(ProvingKey::new(model.hash(), layout, qap, n, groth16))
}

/// A `δ` contribution with a fresh secret from `rng` (OS randomness in the
/// node), wiped before returning: the new key and the proof to submit.
/// `binding`: [`super::binding`] of the model's transcript and the
/// contributor.
pub fn contribute<R: RngCore + CryptoRng>(
	pk: ProvingKey,
	binding: &[u8],
	rng: &mut R,
) -> Result<(ProvingKey, KeyProof<Bls12_381>)> {
	let mut delta = loop {
		let x = Fr::rand(rng);
		if !x.is_zero() {
			break x;
		}
	};
	let mut nonce = Fr::rand(rng);
	let out = contribute_with_secret(pk, delta, nonce, binding);
	delta.zeroize();
	nonce.zeroize();
	out
}

/// [`contribute`] with a given secret — for tests that must know it (the
/// forgery tests). A real contributor never calls this.
pub fn contribute_with_secret(
	mut pk: ProvingKey,
	delta: Fr,
	nonce: Fr,
	binding: &[u8],
) -> Result<(ProvingKey, KeyProof<Bls12_381>)> {
	let mut inv = delta
		.inverse()
		.ok_or_else(|| Error::Ceremony("δ' = 0".into()))?;
	let g = &mut pk.groth16;
	g.l_query = scale_by(&g.l_query, inv);
	g.h_query = scale_by(&g.h_query, inv);
	g.delta_g1 = (g.delta_g1 * delta).into_affine();
	g.vk.delta_g2 = g2::Config::glv_mul_projective(g.vk.delta_g2.into(), delta).into_affine();
	inv.zeroize();
	let proof = KeyProof::new(delta, nonce, TAG_DELTA, binding);
	Ok((pk, proof))
}

/// The full check of a proving key, run by every node before it contributes
/// to it or proves with it: against the SRS (already checked) and the
/// verifying key the chain holds for this step of the ceremony.
///
/// * the verifying key is `expected` (α, β from the SRS, `γ = 1`, the chain's
///   `δ`, the IC points the chain computed), and `δ·G1` matches `δ·G2`;
/// * `A` and `B` queries are the QAP's columns in the SRS's Lagrange basis,
///   `L` the combined columns divided by `δ`, `H` the powers times `Z(τ)/δ`
///   — each by a random linear combination: the combination of the key's
///   points must equal the same combination computed from the SRS's powers
///   (the columns' combination, interpolated by one field FFT). MSMs plus one
///   batched pairing check; no Lagrange bases needed.
pub fn check_proving_key<R: RngCore + CryptoRng>(
	srs: &Srs,
	pk: &ProvingKey,
	model: &QuantizedModel,
	expected: &VerifyingKey<Bls12_381>,
	rng: &mut R,
) -> Result<()> {
	let fail = |what: &str| Err(Error::Ceremony(format!("proving key check failed: {what}")));
	if &pk.verifying_key() != expected {
		return fail("its verifying key is not the chain's");
	}
	let g = &pk.groth16;
	if g.vk.alpha_g1 != srs.alpha_g1[0]
		|| g.vk.beta_g2 != srs.beta_g2
		|| g.beta_g1 != srs.beta_g1[0]
	{
		return fail("α or β is not the SRS's");
	}
	if g.vk.gamma_g2 != G2Affine::generator() {
		return fail("γ is not 1");
	}
	let qap = pk.qap(model)?;
	let n = pk.domain_size;
	let srs = srs.restrict(n)?;
	let domain = domain_of_size(n)?;
	let k = qap.num_instance;
	let [ma, mb, mc] = &qap.matrices;
	// Interpolates row values into coefficients: Σ_j s_j·L_j(X) = Σ_i c_i·X^i.
	let interpolate = |m: &Matrix<Fr>, weights: &[Fr]| -> Vec<Fr> {
		let mut s = evaluate_rows(m, weights, n);
		domain.ifft_in_place(&mut s);
		s
	};
	let rho = random_coefficients(rng, qap.num_vars);
	let sigma = random_coefficients(rng, qap.num_vars);
	let mu = random_coefficients(rng, qap.num_vars);
	let nu = random_coefficients(rng, n - 1);

	// A: Σρ_i·A_i(τ)·G1, from the key and from the powers.
	let a_key = msm(&g.a_query, &rho);
	let a_srs = msm(&srs.tau_g1[..n], &interpolate(ma, &rho));
	if a_key != a_srs {
		return fail("the A query is not the QAP's in this SRS");
	}
	// B in G2.
	let b_key = msm(&g.b_g2_query, &sigma);
	let b_srs = msm(&srs.tau_g2[..n], &interpolate(mb, &sigma));
	if b_key != b_srs {
		return fail("the B query is not the QAP's in this SRS");
	}
	// L and IC: Σμ_i·(β·A_i + α·B_i + C_i)(τ)·G1 is the IC part (γ = 1) plus
	// δ times the L part.
	let combined = msm(&srs.beta_g1[..n], &interpolate(ma, &mu))
		+ msm(&srs.alpha_g1[..n], &interpolate(mb, &mu))
		+ msm(&srs.tau_g1[..n], &interpolate(mc, &mu));
	let ic_part = msm(&g.vk.gamma_abc_g1, &mu[..k]);
	let l_part = msm(&g.l_query, &mu[k..]);
	// H: Σν_i·τ^i·Z(τ)·G1 = Σν_i·(τ^{i+n} − τ^i)·G1, δ times the key's.
	let h_key = msm(&g.h_query, &nu);
	let h_srs = msm(&srs.tau_g1[n..2 * n - 1], &nu) - msm(&srs.tau_g1[..n - 1], &nu);

	let mut seed = [0u8; 32];
	rng.fill_bytes(&mut seed);
	let mut check = PairingCheck::<Bls12_381>::new(&seed);
	let (g1, g2) = (G1Affine::generator(), G2Affine::generator());
	check.equal(g.delta_g1, g2, g1, g.vk.delta_g2);
	check.equal_projective(l_part, g.vk.delta_g2, combined - ic_part, g2);
	check.equal_projective(h_key, g.vk.delta_g2, h_srs, g2);
	if !check.holds() {
		return fail("the L or H query is not rescaled by the chain's δ (or δ·G1 ≠ δ·G2)");
	}
	Ok(())
}
