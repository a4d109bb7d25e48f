//! Groth16 key generation and proving over the circuit's recorded matrices.
//!
//! Same scheme and key layout as `ark-groth16` (its verifier and ours accept
//! these proofs), with three differences that matter for speed and size:
//!
//! * **The smallest QAP domain.** `ark-groth16` always rounds the constraint
//!   count up to a power of two. BLS12-381's scalar field also has a subgroup
//!   of order `3·2^k`, so a circuit with 283,860 rows uses a domain of 393,216
//!   points instead of 524,288: a quarter less FFT work, H-query MSM and
//!   proving key.
//! * **No blinding** (see [`crate::prover`]): no `B`-in-G1 query, no `r`, `s`.
//! * **`C` from `A∘B`.** For a satisfying assignment `c_i = a_i·b_i` on every
//!   row of the domain, so the prover evaluates two matrices, not three.
//!   (An unsatisfying assignment still yields a proof that fails to verify:
//!   the `C` element is built from the witness, not from these evaluations.)

use ark_bls12_381::{G1Projective, G2Projective};
use ark_ec::scalar_mul::BatchMulPreprocessing;
use ark_ec::CurveGroup;
use ark_ff::{FftField, Field, UniformRand, Zero};
use ark_poly::{
	EvaluationDomain, GeneralEvaluationDomain, MixedRadixEvaluationDomain, Radix2EvaluationDomain,
};
use rand::{CryptoRng, RngCore};
use rayon::prelude::*;

use crate::msm::msm;
use crate::prover::CompiledCircuit;
use crate::{Bls12_381, Error, Fr, Result};

pub(crate) type ArkProvingKey = ark_groth16::ProvingKey<Bls12_381>;
pub(crate) type ArkProof = ark_groth16::Proof<Bls12_381>;

/// The QAP domain for `rows` rows (constraints plus one per public input):
/// the smaller of the power-of-two and the `3·2^k` domain that fits.
pub fn qap_domain(rows: usize) -> Result<GeneralEvaluationDomain<Fr>> {
	let radix2 = Radix2EvaluationDomain::<Fr>::new(rows);
	let mixed = MixedRadixEvaluationDomain::<Fr>::new(rows);
	match (radix2, mixed) {
		(Some(r), Some(m)) if m.size() < r.size() => Ok(GeneralEvaluationDomain::MixedRadix(m)),
		(Some(r), _) => Ok(GeneralEvaluationDomain::Radix2(r)),
		(None, Some(m)) => Ok(GeneralEvaluationDomain::MixedRadix(m)),
		(None, None) => Err(Error::Key(format!("{rows} rows: circuit too large"))),
	}
}

/// The number of H-query points a key for `rows` rows has.
pub fn h_query_len(rows: usize) -> Option<usize> {
	qap_domain(rows).ok().map(|d| d.size() - 1)
}

/// Generates a proving key (with its verifying key) for `circuit`. The
/// randomness is the toxic waste.
pub(crate) fn generate_keys<R: RngCore + CryptoRng>(
	circuit: &CompiledCircuit,
	rng: &mut R,
) -> Result<ArkProvingKey> {
	let num_instance = circuit.num_instance;
	let num_constraints = circuit.num_constraints;
	let num_vars = circuit.num_vars;
	let domain = qap_domain(num_constraints + num_instance)?;
	let t = domain.sample_element_outside_domain(rng);
	let alpha = Fr::rand(rng);
	let beta = Fr::rand(rng);
	let gamma = Fr::rand(rng);
	let delta = Fr::rand(rng);
	let g1 = G1Projective::rand(rng);
	let g2 = G2Projective::rand(rng);
	let (gamma_inv, delta_inv) = match (gamma.inverse(), delta.inverse()) {
		(Some(g), Some(d)) => (g, d),
		_ => return Err(Error::Key("degenerate setup randomness".into())),
	};

	// Every variable's A, B, C polynomials at t: Σ_rows L_row(t)·coefficient,
	// plus the input-consistency rows (A = the public input itself).
	let lagrange = domain.evaluate_all_lagrange_coefficients(t);
	let [ma, mb, mc] = &circuit.matrices;
	let column = |m: &ark_relations::gr1cs::Matrix<Fr>| {
		let mut out = vec![Fr::zero(); num_vars];
		for (row, terms) in m.iter().enumerate() {
			for &(coeff, var) in terms {
				out[var] += lagrange[row] * coeff;
			}
		}
		out
	};
	let ((mut a, b), c) = rayon::join(|| rayon::join(|| column(ma), || column(mb)), || column(mc));
	for (var, a) in a.iter_mut().enumerate().take(num_instance) {
		*a += lagrange[num_constraints + var];
	}
	let zt = domain.evaluate_vanishing_polynomial(t);

	let combined = |i: usize| beta * a[i] + alpha * b[i] + c[i];
	let gamma_abc: Vec<Fr> = (0..num_instance).map(|i| combined(i) * gamma_inv).collect();
	let l: Vec<Fr> = (num_instance..num_vars)
		.into_par_iter()
		.map(|i| combined(i) * delta_inv)
		.collect();
	drop(c);
	// H query: t^i·Z(t)/δ for i < n − 1 (h has degree n − 2).
	let h_len = domain.size() - 1;
	let h_scale = zt * delta_inv;
	let chunk = 1 << 12;
	let h: Vec<Fr> = (0..h_len.div_ceil(chunk))
		.into_par_iter()
		.flat_map_iter(|k| {
			let start = k * chunk;
			let mut x = h_scale * t.pow([start as u64]);
			(start..(start + chunk).min(h_len)).map(move |_| {
				let v = x;
				x *= t;
				v
			})
		})
		.collect();

	let non_zero = |v: &[Fr]| v.iter().filter(|x| !x.is_zero()).count();
	let g2_table = BatchMulPreprocessing::new(g2, non_zero(&b));
	let b_g2_query = g2_table.batch_mul(&b);
	drop(g2_table);
	let g1_table = BatchMulPreprocessing::new(g1, non_zero(&a) + h.len() + l.len());
	let a_query = g1_table.batch_mul(&a);
	let h_query = g1_table.batch_mul(&h);
	let l_query = g1_table.batch_mul(&l);
	let gamma_abc_g1 = g1_table.batch_mul(&gamma_abc);
	Ok(ArkProvingKey {
		vk: ark_groth16::VerifyingKey {
			alpha_g1: (g1 * alpha).into_affine(),
			beta_g2: (g2 * beta).into_affine(),
			gamma_g2: (g2 * gamma).into_affine(),
			delta_g2: (g2 * delta).into_affine(),
			gamma_abc_g1,
		},
		beta_g1: (g1 * beta).into_affine(),
		delta_g1: (g1 * delta).into_affine(),
		a_query,
		b_g1_query: Vec::new(),
		b_g2_query,
		h_query,
		l_query,
	})
}

/// Phase timings of one proof, printed to stderr when `VERITY_ZK_PROFILE` is
/// set.
struct Profile(Option<(std::time::Instant, Vec<(&'static str, f64)>)>);

impl Profile {
	fn new() -> Self {
		Profile(
			std::env::var_os("VERITY_ZK_PROFILE").map(|_| (std::time::Instant::now(), Vec::new())),
		)
	}
	fn mark(&mut self, phase: &'static str) {
		if let Some((t, phases)) = &mut self.0 {
			phases.push((phase, t.elapsed().as_secs_f64() * 1e3));
			*t = std::time::Instant::now();
		}
	}
}

impl Drop for Profile {
	fn drop(&mut self) {
		if let Some((_, phases)) = &self.0 {
			let parts: Vec<String> = phases
				.iter()
				.map(|(p, ms)| format!("{p} {ms:.1}"))
				.collect();
			eprintln!("  prove ms: {}", parts.join(", "));
		}
	}
}

/// `Σ_j m[row][j]·z[j]` for every row (zero-padded to the domain).
fn evaluate_rows(m: &ark_relations::gr1cs::Matrix<Fr>, z: &[Fr], size: usize) -> Vec<Fr> {
	let mut out = vec![Fr::zero(); size];
	out[..m.len()]
		.par_iter_mut()
		.zip(m.par_iter())
		.with_min_len(1 << 10)
		.for_each(|(o, terms)| {
			let mut acc = Fr::zero();
			for &(coeff, var) in terms {
				acc += z[var] * coeff;
			}
			*o = acc;
		});
	out
}

/// The coefficients of `h = (A·B − C) / Z` for the full assignment `z`.
fn quotient(circuit: &CompiledCircuit, z: &[Fr], profile: &mut Profile) -> Result<Vec<Fr>> {
	let (num_constraints, num_instance) = (circuit.num_constraints, circuit.num_instance);
	let domain = qap_domain(num_constraints + num_instance)?;
	let n = domain.size();
	let [ma, mb, _] = &circuit.matrices;
	let (mut a, mut b) = rayon::join(|| evaluate_rows(ma, z, n), || evaluate_rows(mb, z, n));
	a[num_constraints..num_constraints + num_instance].copy_from_slice(&z[..num_instance]);
	let mut c: Vec<Fr> = a.par_iter().zip(&b).map(|(a, b)| *a * b).collect();
	profile.mark("rows");
	let coset = domain
		.get_coset(Fr::GENERATOR)
		.ok_or_else(|| Error::Key("no coset domain".into()))?;
	for v in [&mut a, &mut b, &mut c] {
		domain.ifft_in_place(v);
		coset.fft_in_place(v);
	}
	profile.mark("fft");
	let z_inv = domain
		.evaluate_vanishing_polynomial(Fr::GENERATOR)
		.inverse()
		.ok_or_else(|| Error::Key("vanishing polynomial is zero on the coset".into()))?;
	a.par_iter_mut()
		.zip(&b)
		.zip(&c)
		.for_each(|((a, b), c)| *a = (*a * b - c) * z_inv);
	drop((b, c));
	coset.ifft_in_place(&mut a);
	profile.mark("ifft");
	Ok(a)
}

/// A proof for the full assignment `z = [1, public inputs.., witness..]`
/// (no blinding: `r = s = 0`).
pub(crate) fn create_proof(
	pk: &ArkProvingKey,
	circuit: &CompiledCircuit,
	z: &[Fr],
) -> Result<ArkProof> {
	let mut profile = Profile::new();
	let h = quotient(circuit, z, &mut profile)?;
	let num_instance = circuit.num_instance;
	let h = h
		.get(..pk.h_query.len())
		.ok_or_else(|| Error::Key("the proving key's H query is longer than the domain".into()))?;
	let h_acc = msm(&pk.h_query, h);
	profile.mark("msm H");
	let l_acc = msm(&pk.l_query, &z[num_instance..]);
	profile.mark("msm L");
	let g_a = msm(&pk.a_query, z) + pk.vk.alpha_g1;
	profile.mark("msm A");
	let g_b = msm(&pk.b_g2_query, z) + pk.vk.beta_g2;
	profile.mark("msm B");
	let g_c = h_acc + l_acc;
	Ok(ArkProof {
		a: g_a.into_affine(),
		b: g_b.into_affine(),
		c: g_c.into_affine(),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_domain_is_the_smallest_that_fits() {
		for (rows, size) in [
			(1, 1),
			(3_032, 3_072),     // mlp_digits8: 3·2^10 < 2^12
			(4_000, 4_096),     // 2^12 < 3·2^11
			(4_096, 4_096),     // exact power of two
			(157_801, 196_608), // lenet5: 3·2^16 < 2^18
			(230_000, 262_144), // 2^18 < 3·2^17
			(283_860, 393_216), // 3·2^17 < 2^19
		] {
			let domain = qap_domain(rows).unwrap();
			assert_eq!(domain.size(), size, "{rows} rows");
			assert_eq!(h_query_len(rows), Some(size - 1));
		}
	}
}
