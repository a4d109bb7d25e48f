//! The inverse FFT with group elements as the values: how the SRS's powers
//! become its Lagrange points ([`super::lagrange::bases`]).
//!
//! Scalar multiplications are nearly all of the cost (an addition is ~1% of
//! one), so this counts them, where ark-poly's generic FFT (written for field
//! elements, where a multiplication is as cheap as an addition) does not:
//!
//! * a butterfly whose twiddle is 1 adds, it does not multiply;
//! * a `3·2^k` domain is three `2^k` IFFTs and one radix-3 pass, in which the
//!   cube roots of unity are BLS12-381's GLV endomorphism (one base-field
//!   multiplication), not scalar multiplications;
//! * the two cores split each pass's butterflies (no extra coset pass).
//!
//! Measured (`examples/ceremony_bench.rs`, one G1 sequence, 2 cores): 88 s
//! against ark-poly's 106 s on LeNet-5's 196,608 points, 4.5 s against 5.4 s
//! on 12,288 — 1.2×, less than counting suggests, because a GLV
//! multiplication by a trivial scalar is already cheap. A test checks the
//! result against ark-poly's on both domain families.

use core::ops::{Add, Sub};

use ark_ec::scalar_mul::glv::GLVConfig;
use ark_ec::short_weierstrass::Projective;
use ark_ff::{Field, One, Zero};
use ark_poly::EvaluationDomain;
use rayon::prelude::*;

use crate::groth16::domain_of_size;
use crate::{Error, Fr, Result};

/// A group the FFT runs over: addition, GLV scalar multiplication and the
/// GLV endomorphism (multiplication by the cube root of unity `LAMBDA`).
pub trait FftGroup: Copy + Send + Sync + Zero + Add<Output = Self> + Sub<Output = Self> {
	/// The endomorphism's scalar.
	const LAMBDA: Fr;
	/// `self·k` (GLV).
	fn times(self, k: Fr) -> Self;
	/// `self·LAMBDA` (one base-field multiplication).
	fn endo(self) -> Self;
}

/// BLS12-381's G1 and G2 (both have GLV). arkworks' G2 `*` is
/// double-and-add; GLV is about twice as fast.
impl<P: GLVConfig<ScalarField = Fr>> FftGroup for Projective<P> {
	const LAMBDA: Fr = P::LAMBDA;
	fn times(self, k: Fr) -> Self {
		P::glv_mul_projective(self, k)
	}
	fn endo(self) -> Self {
		P::endomorphism(&self)
	}
}

/// The values on the domain of `values.len()` points (`2^k` or `3·2^k`) →
/// the coefficients: `c_i = (1/n)·Σ_j ω^{-ij}·v_j`, in place.
pub fn ifft<G: FftGroup>(values: &mut [G]) -> Result<()> {
	let n = values.len();
	let domain = domain_of_size(n)?;
	let omega_inv = domain.group_gen_inv();
	if n.is_power_of_two() {
		radix2(values, omega_inv);
	} else {
		radix3_then_2(values, omega_inv)?;
	}
	let n_inv = domain.size_inv();
	values.par_iter_mut().for_each(|v| *v = v.times(n_inv));
	Ok(())
}

/// `n = 3·m`: three IFFTs (unscaled) of the interleaved thirds, then the
/// radix-3 pass.
fn radix3_then_2<G: FftGroup>(values: &mut [G], omega: Fr) -> Result<()> {
	let n = values.len();
	let m = n / 3;
	// ζ = ω^m, a primitive cube root of unity: `LAMBDA` or its square.
	let zeta = omega.pow([m as u64]);
	let zeta_is_lambda = if zeta == G::LAMBDA {
		true
	} else if zeta == G::LAMBDA.square() {
		false
	} else {
		return Err(Error::Ceremony(
			"the cube root is not the endomorphism's".into(),
		));
	};
	let times_zeta = |p: G| {
		if zeta_is_lambda {
			p.endo()
		} else {
			p.endo().endo()
		}
	};
	let omega3 = omega.pow([3]);
	let mut thirds: Vec<Vec<G>> = (0..3)
		.map(|r| values.iter().skip(r).step_by(3).copied().collect())
		.collect();
	for t in &mut thirds {
		radix2(t, omega3);
	}
	let twiddles = powers(omega, m);
	let (y0, y1, y2) = (&thirds[0], &thirds[1], &thirds[2]);
	let (x0, rest) = values.split_at_mut(m);
	let (x1, x2) = rest.split_at_mut(m);
	(x0, x1, x2)
		.into_par_iter()
		.enumerate()
		.for_each(|(k, (a, b, c))| {
			// ω^k·Y1, ω^2k·Y2; the other two outputs differ by ζ and ζ².
			let (t1, t2) = if k == 0 {
				(y1[0], y2[0])
			} else {
				(y1[k].times(twiddles[k]), y2[k].times(twiddles[k].square()))
			};
			let (z1, z2) = (times_zeta(t1), times_zeta(t2));
			let (zz1, zz2) = (times_zeta(z1), times_zeta(z2));
			*a = y0[k] + t1 + t2;
			*b = y0[k] + z1 + zz2;
			*c = y0[k] + zz1 + z2;
		});
	Ok(())
}

/// `1, ω, …, ω^(len−1)`.
fn powers(omega: Fr, len: usize) -> Vec<Fr> {
	let mut out = Vec::with_capacity(len);
	let mut w = Fr::one();
	for _ in 0..len {
		out.push(w);
		w *= omega;
	}
	out
}

/// In-place radix-2 DIT FFT with root `omega` of order `values.len()`, not
/// scaled.
fn radix2<G: FftGroup>(values: &mut [G], omega: Fr) {
	let n = values.len();
	if n <= 1 {
		return;
	}
	let log_n = n.trailing_zeros();
	for i in 0..n {
		let j = i.reverse_bits() >> (usize::BITS - log_n);
		if i < j {
			values.swap(i, j);
		}
	}
	let twiddles = powers(omega, n / 2);
	let butterfly = |j: usize, stride: usize, u: &mut G, v: &mut G| {
		let t = if j == 0 {
			*v
		} else {
			v.times(twiddles[j * stride])
		};
		*v = *u - t;
		*u = *u + t;
	};
	let mut half = 1;
	while half < n {
		let stride = n / (2 * half);
		if stride >= 64 {
			// Many small blocks: one block per job.
			values.par_chunks_mut(2 * half).for_each(|block| {
				let (lo, hi) = block.split_at_mut(half);
				for (j, (u, v)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
					butterfly(j, stride, u, v);
				}
			});
		} else {
			// Few large blocks: split each block's butterflies.
			for block in values.chunks_mut(2 * half) {
				let (lo, hi) = block.split_at_mut(half);
				lo.par_iter_mut()
					.zip(hi.par_iter_mut())
					.enumerate()
					.with_min_len(64)
					.for_each(|(j, (u, v))| butterfly(j, stride, u, v));
			}
		}
		half *= 2;
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use ark_bls12_381::{G1Projective, G2Projective};
	use ark_ec::PrimeGroup;
	use ark_ff::UniformRand;
	use rand::SeedableRng;

	fn same_as_ark_poly<
		G: FftGroup + PartialEq + core::fmt::Debug + ark_poly::domain::DomainCoeff<Fr>,
	>(
		n: usize,
		generator: G,
	) {
		let mut rng = rand::rngs::StdRng::seed_from_u64(n as u64);
		let values: Vec<G> = (0..n)
			.map(|_| generator.times(Fr::rand(&mut rng)))
			.collect();
		let mut ours = values.clone();
		ifft(&mut ours).unwrap();
		let mut theirs = values;
		domain_of_size(n).unwrap().ifft_in_place(&mut theirs);
		assert_eq!(ours, theirs, "n = {n}");
	}

	#[test]
	fn matches_ark_poly_on_both_domain_families() {
		for n in [16, 48, 64, 96, 192] {
			same_as_ark_poly(n, G1Projective::generator());
		}
		for n in [16, 48] {
			same_as_ark_poly(n, G2Projective::generator());
		}
	}

	#[test]
	fn refuses_a_size_that_is_not_a_domain() {
		let mut v = vec![G1Projective::generator(); 40];
		assert!(ifft(&mut v).is_err());
	}
}
