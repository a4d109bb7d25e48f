//! The QAP, Groth16 key generation and proving over the circuit's recorded
//! matrices.
//!
//! Same scheme and key layout as `ark-groth16` (its verifier and ours accept
//! these proofs), with these differences:
//!
//! * **Public inputs in fixed rows.** [`Qap::from_r1cs`] gives the constant
//!   `1` row 0 (`1·1 = one'`) and public input `i` row `i` (`x_i·one' =
//!   copy_i`), and replaces them everywhere else by the witness copies
//!   `one'`, `copy_i`. The public inputs' QAP polynomials are then Lagrange
//!   polynomials of fixed rows, whatever the circuit, so with `γ = 1` the
//!   verifying key's IC points depend only on the SRS and the domain: the
//!   chain computes a ceremony's initial verifying key itself
//!   ([`crate::ceremony::domain`]). (Distinct rows also keep the public
//!   inputs' `A` polynomials linearly independent, which `ark-groth16`'s
//!   extra input-consistency rows are for.)
//! * **The smallest QAP domain.** `ark-groth16` always rounds the row count up
//!   to a power of two. BLS12-381's scalar field also has a subgroup of order
//!   `3·2^k`, so a circuit with 283,860 rows uses a domain of 393,216 points
//!   instead of 524,288: a quarter less FFT work, H-query MSM and proving key.
//!   A key may use any larger domain too (a ceremony's is declared at
//!   registration).
//! * **No blinding** (see [`crate::prover`]): no `B`-in-G1 query, no `r`, `s`.
//! * **`C` from `A∘B`.** For a satisfying assignment `c_i = a_i·b_i` on every
//!   row of the domain, so the prover evaluates two matrices, not three.
//!   (An unsatisfying assignment still yields a proof that fails to verify:
//!   the `C` element is built from the witness, not from these evaluations.)

use ark_bls12_381::{G1Projective, G2Projective};
use ark_ec::scalar_mul::BatchMulPreprocessing;
use ark_ec::{CurveGroup, PrimeGroup};
use ark_ff::{FftField, Field, One, Zero};
use ark_poly::{
	EvaluationDomain, GeneralEvaluationDomain, MixedRadixEvaluationDomain, Radix2EvaluationDomain,
};
use ark_relations::gr1cs::Matrix;
use rayon::prelude::*;

use crate::msm::msm;
use crate::{Bls12_381, Error, Fr, Result};

pub(crate) type ArkProvingKey = ark_groth16::ProvingKey<Bls12_381>;
pub(crate) type ArkProof = ark_groth16::Proof<Bls12_381>;

/// The QAP domain of exactly `size` points (`2^k` or `3·2^k`).
pub fn domain_of_size(size: usize) -> Result<GeneralEvaluationDomain<Fr>> {
	let bad = || Error::Key(format!("{size} is not a QAP domain size (2^k or 3·2^k)"));
	if size.is_power_of_two() {
		return Radix2EvaluationDomain::new(size)
			.map(GeneralEvaluationDomain::Radix2)
			.ok_or_else(bad);
	}
	match MixedRadixEvaluationDomain::<Fr>::new(size) {
		Some(d) if d.size() == size => Ok(GeneralEvaluationDomain::MixedRadix(d)),
		_ => Err(bad()),
	}
}

/// The smallest QAP domain size for `rows` rows: the smaller of the
/// power-of-two and the `3·2^k` domain that fits (at least
/// [`crate::ceremony::domain::MIN_DOMAIN_SIZE`]).
pub fn smallest_domain_size(rows: usize) -> Result<usize> {
	let rows = rows.max(crate::ceremony::domain::MIN_DOMAIN_SIZE as usize);
	let radix2 = Radix2EvaluationDomain::<Fr>::new(rows).map(|d| d.size());
	let mixed = MixedRadixEvaluationDomain::<Fr>::new(rows).map(|d| d.size());
	match (radix2, mixed) {
		(Some(r), Some(m)) => Ok(r.min(m)),
		(Some(r), None) => Ok(r),
		(None, Some(m)) => Ok(m),
		(None, None) => Err(Error::Key(format!("{rows} rows: circuit too large"))),
	}
}

/// A circuit's quadratic arithmetic program: the R1CS with the public inputs
/// in fixed rows (module docs). Variables: `[1, public inputs.., the
/// circuit's witness.., one', copy_1..copy_k]`.
pub struct Qap {
	pub matrices: [Matrix<Fr>; 3],
	/// `1 +` the number of public inputs.
	pub num_instance: usize,
	/// Rows: the `num_instance` fixed rows, then the circuit's constraints.
	pub num_constraints: usize,
	/// Variables, with the `num_instance` witness copies at the end.
	pub num_vars: usize,
}

impl Qap {
	/// The QAP of a recorded R1CS over `[1, publics.., witness..]`
	/// (`num_vars` variables, the first `num_instance` public).
	pub fn from_r1cs(r1cs: [Matrix<Fr>; 3], num_instance: usize, num_vars: usize) -> Self {
		let copy = |v: usize| num_vars + v; // copy of public variable v (v = 0: one')
		let remap = |row: Matrix<Fr>| -> Matrix<Fr> {
			row.into_iter()
				.map(|terms| {
					terms
						.into_iter()
						.map(|(c, v)| (c, if v < num_instance { copy(v) } else { v }))
						.collect()
				})
				.collect()
		};
		let one = Fr::one();
		let mut a: Matrix<Fr> = vec![vec![(one, 0)]];
		let mut b: Matrix<Fr> = vec![vec![(one, 0)]];
		let mut c: Matrix<Fr> = vec![vec![(one, copy(0))]];
		for i in 1..num_instance {
			a.push(vec![(one, i)]);
			b.push(vec![(one, copy(0))]);
			c.push(vec![(one, copy(i))]);
		}
		let [ra, rb, rc] = r1cs;
		a.extend(remap(ra));
		b.extend(remap(rb));
		c.extend(remap(rc));
		Qap {
			num_constraints: a.len(),
			matrices: [a, b, c],
			num_instance,
			num_vars: num_vars + num_instance,
		}
	}

	/// Extends a circuit assignment `[1, publics.., witness..]` with the
	/// witness copies.
	pub fn extend_assignment(&self, z: &mut Vec<Fr>) {
		let publics: Vec<Fr> = z[..self.num_instance].to_vec();
		z.extend(publics);
	}

	/// The smallest domain size this QAP fits.
	pub fn smallest_domain_size(&self) -> Result<usize> {
		smallest_domain_size(self.num_constraints)
	}

	/// Every variable's `A`, `B` and `C` polynomial at `x`, given the domain's
	/// Lagrange coefficients at `x`.
	pub fn evaluate_columns(&self, lagrange: &[Fr]) -> [Vec<Fr>; 3] {
		let column = |m: &Matrix<Fr>| {
			let mut out = vec![Fr::zero(); self.num_vars];
			for (row, terms) in m.iter().enumerate() {
				for &(coeff, var) in terms {
					out[var] += lagrange[row] * coeff;
				}
			}
			out
		};
		let [ma, mb, mc] = &self.matrices;
		let ((a, b), c) = rayon::join(|| rayon::join(|| column(ma), || column(mb)), || column(mc));
		[a, b, c]
	}
}

/// The secrets of a single-party setup: `τ, α, β, δ` (`γ = 1`).
pub struct Trapdoor {
	pub tau: Fr,
	pub alpha: Fr,
	pub beta: Fr,
	pub delta: Fr,
}

impl Trapdoor {
	/// Fresh secrets from `rng`.
	pub fn random<R: rand::RngCore + rand::CryptoRng>(rng: &mut R) -> Self {
		use ark_ff::UniformRand;
		Trapdoor {
			tau: Fr::rand(rng),
			alpha: Fr::rand(rng),
			beta: Fr::rand(rng),
			delta: Fr::rand(rng),
		}
	}
}

impl Drop for Trapdoor {
	fn drop(&mut self) {
		use zeroize::Zeroize;
		self.tau.zeroize();
		self.alpha.zeroize();
		self.beta.zeroize();
		self.delta.zeroize();
	}
}

/// The proving key (with its verifying key) for `qap` on the domain of
/// `domain_size` points, from known secrets: what a ceremony whose
/// contributors' secrets multiply to `trapdoor` produces (a test checks they
/// are equal). Whoever knows the trapdoor can forge proofs: this is for
/// single-party setups (local testing) only.
pub(crate) fn generate_keys(
	qap: &Qap,
	domain_size: usize,
	trapdoor: &Trapdoor,
) -> Result<ArkProvingKey> {
	let num_instance = qap.num_instance;
	let num_vars = qap.num_vars;
	let domain = domain_of_size(domain_size)?;
	if domain_size < qap.num_constraints {
		return Err(Error::Key(format!(
			"a {domain_size}-point domain is smaller than the circuit's {} rows",
			qap.num_constraints
		)));
	}
	let Trapdoor {
		tau: t,
		alpha,
		beta,
		delta,
	} = *trapdoor;
	if domain.evaluate_vanishing_polynomial(t).is_zero() {
		return Err(Error::Key(
			"degenerate setup randomness (τ in the domain)".into(),
		));
	}
	let delta_inv = delta
		.inverse()
		.ok_or_else(|| Error::Key("degenerate setup randomness (δ = 0)".into()))?;
	let g1 = G1Projective::generator();
	let g2 = G2Projective::generator();

	let lagrange = domain.evaluate_all_lagrange_coefficients(t);
	let [a, b, c] = qap.evaluate_columns(&lagrange);
	let zt = domain.evaluate_vanishing_polynomial(t);

	let combined = |i: usize| beta * a[i] + alpha * b[i] + c[i];
	// γ = 1 (what a ceremony uses): IC_i = β·a_i + α·b_i + c_i.
	let gamma_abc: Vec<Fr> = (0..num_instance).map(combined).collect();
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
			gamma_g2: g2.into_affine(),
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
pub(crate) fn evaluate_rows(
	m: &ark_relations::gr1cs::Matrix<Fr>,
	z: &[Fr],
	size: usize,
) -> Vec<Fr> {
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
fn quotient(qap: &Qap, domain_size: usize, z: &[Fr], profile: &mut Profile) -> Result<Vec<Fr>> {
	let domain = domain_of_size(domain_size)?;
	let n = domain.size();
	if n < qap.num_constraints {
		return Err(Error::Key(
			"the key's domain is smaller than the circuit".into(),
		));
	}
	let [ma, mb, _] = &qap.matrices;
	let (mut a, mut b) = rayon::join(|| evaluate_rows(ma, z, n), || evaluate_rows(mb, z, n));
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

/// A proof for the full QAP assignment `z` ([`Qap::extend_assignment`])
/// (no blinding: `r = s = 0`).
pub(crate) fn create_proof(pk: &ArkProvingKey, qap: &Qap, z: &[Fr]) -> Result<ArkProof> {
	let mut profile = Profile::new();
	let h = quotient(qap, pk.h_query.len() + 1, z, &mut profile)?;
	let num_instance = qap.num_instance;
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
			(1, 16),            // the ceremony's smallest domain
			(3_032, 3_072),     // mlp_digits8: 3·2^10 < 2^12
			(4_000, 4_096),     // 2^12 < 3·2^11
			(4_096, 4_096),     // exact power of two
			(157_801, 196_608), // lenet5: 3·2^16 < 2^18
			(230_000, 262_144), // 2^18 < 3·2^17
			(283_860, 393_216), // 3·2^17 < 2^19
		] {
			assert_eq!(smallest_domain_size(rows).unwrap(), size, "{rows} rows");
			assert_eq!(domain_of_size(size).unwrap().size(), size);
		}
	}

	#[test]
	fn only_2k_and_3_2k_are_domain_sizes() {
		for bad in [0, 5, 9, 12 * 3, 100, 3 * 5 * 1024] {
			assert!(domain_of_size(bad).is_err(), "{bad}");
		}
		for good in [16, 24, 48, 1 << 20, 3 << 20] {
			assert!(domain_of_size(good).is_ok(), "{good}");
		}
	}

	#[test]
	fn public_inputs_sit_in_fixed_rows_and_nowhere_else() {
		// x1·x2 = w3 with x1, x2 public and 5·1 in C: ONE and the publics must
		// move to their copies.
		let r1cs = [
			vec![vec![(Fr::one(), 1)]],
			vec![vec![(Fr::one(), 2)]],
			vec![vec![(Fr::one(), 3), (Fr::from(5u64), 0)]],
		];
		let qap = Qap::from_r1cs(r1cs, 3, 4);
		assert_eq!((qap.num_constraints, qap.num_vars), (4, 7));
		for (m, matrix) in qap.matrices.iter().enumerate() {
			for (row, terms) in matrix.iter().enumerate() {
				for &(_, v) in terms {
					if v < 3 {
						assert_eq!(v, row, "public {v} in matrix {m} row {row}");
					}
				}
			}
		}
		let mut z = vec![Fr::one(), Fr::from(2u64), Fr::from(3u64), Fr::from(1u64)];
		qap.extend_assignment(&mut z);
		// 2·3 = 1 + 5: satisfied before and after.
		let eval = |m: &Matrix<Fr>, r: usize| -> Fr { m[r].iter().map(|&(c, v)| z[v] * c).sum() };
		let [a, b, c] = &qap.matrices;
		for r in 0..qap.num_constraints {
			assert_eq!(eval(a, r) * eval(b, r), eval(c, r), "row {r}");
		}
	}
}
