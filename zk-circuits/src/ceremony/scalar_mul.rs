//! Many points times scalars: the ceremony's bulk work (a phase-1
//! contribution scales every SRS point, a δ contribution every `L` and `H`
//! point of a key).
//!
//! Hand-written because arkworks has no fast path for it: `affine * scalar`
//! is plain double-and-add over 255 bits (no GLV), and `glv_mul_projective`
//! walks both half-size scalars bit by bit (~128 doublings and ~96 full
//! additions). Here each half is in width-5 wNAF against a table of odd
//! multiples (~128 doublings and ~50 additions). Measured on 1.8 M G1 points
//! on both cores here: 208 s with `affine * scalar`, 149 s with
//! `glv_mul_projective`, 96-98 s with this code (docs/measurements.md).
//!
//! Variable-time in the scalar, as arkworks' multiplications are: someone
//! timing the contributor's own machine could learn about its secret, which
//! the ceremony's model (contributors run their own hardware) leaves out.

use ark_ec::scalar_mul::glv::GLVConfig;
use ark_ec::short_weierstrass::{Affine, Projective};
use ark_ec::{AdditiveGroup, AffineRepr, CurveGroup};
use ark_ff::{BigInteger, PrimeField, Zero};
use rayon::prelude::*;

/// Width of the wNAF digits: odd digits up to ±15, a table of 8 multiples.
const WINDOW: usize = 5;

/// A scalar prepared for GLV multiplication: `k = k1 + λ·k2` with the halves
/// in wNAF, their signs folded into the digits.
pub(crate) struct GlvScalar {
	k1: Vec<i64>,
	k2: Vec<i64>,
}

impl GlvScalar {
	/// Decomposes `k` (a few µs: do it once per scalar, not per point).
	pub(crate) fn new<P: GLVConfig>(k: P::ScalarField) -> Self {
		let ((plus1, k1), (plus2, k2)) = P::scalar_decomposition(k);
		let digits = |k: P::ScalarField, plus: bool| -> Vec<i64> {
			// `find_wnaf` is `None` only for a window outside 2..64.
			let mut d = k.into_bigint().find_wnaf(WINDOW).unwrap_or_default();
			if !plus {
				d.iter_mut().for_each(|x| *x = -*x);
			}
			d
		};
		GlvScalar {
			k1: digits(k1, plus1),
			k2: digits(k2, plus2),
		}
	}

	/// `k·p`.
	pub(crate) fn mul<P: GLVConfig>(&self, p: &Affine<P>) -> Projective<P> {
		if p.is_zero() {
			return Projective::zero();
		}
		// Odd multiples p, 3p, …, 15p and their images under the
		// endomorphism (which multiplies by λ).
		let mut odd = [Projective::<P>::from(*p); 1 << (WINDOW - 2)];
		let twice = odd[0].double();
		for i in 1..odd.len() {
			odd[i] = odd[i - 1] + twice;
		}
		let odd_lambda = odd.map(|q| P::endomorphism(&q));
		let add = |acc: &mut Projective<P>, digit: i64, table: &[Projective<P>]| {
			if digit > 0 {
				*acc += table[(digit / 2) as usize];
			} else if digit < 0 {
				*acc -= table[(-digit / 2) as usize];
			}
		};
		let mut acc = Projective::<P>::zero();
		for i in (0..self.k1.len().max(self.k2.len())).rev() {
			acc.double_in_place();
			add(&mut acc, self.k1.get(i).copied().unwrap_or(0), &odd);
			add(&mut acc, self.k2.get(i).copied().unwrap_or(0), &odd_lambda);
		}
		acc
	}
}

/// `points[i]·scalars(i)`, in parallel.
pub(crate) fn scale<P: GLVConfig>(
	points: &[Affine<P>],
	scalars: impl Fn(usize) -> P::ScalarField + Sync,
) -> Vec<Affine<P>> {
	scale_with(points, |i, p| GlvScalar::new::<P>(scalars(i)).mul(p))
}

/// `points[i]·k`, in parallel: one decomposition for all.
pub(crate) fn scale_by<P: GLVConfig>(points: &[Affine<P>], k: P::ScalarField) -> Vec<Affine<P>> {
	let k = GlvScalar::new::<P>(k);
	scale_with(points, |_, p| k.mul(p))
}

/// `mul(i, points[i])` for every point, in parallel, back in affine form.
fn scale_with<P: GLVConfig>(
	points: &[Affine<P>],
	mul: impl Fn(usize, &Affine<P>) -> Projective<P> + Sync,
) -> Vec<Affine<P>> {
	let p: Vec<Projective<P>> = points
		.par_iter()
		.enumerate()
		.map(|(i, p)| mul(i, p))
		.collect();
	Projective::normalize_batch(&p)
}

#[cfg(test)]
mod tests {
	use super::*;
	use ark_bls12_381::{g1, g2, Fr, G1Affine, G1Projective, G2Affine};
	use ark_ff::UniformRand;
	use ark_std::test_rng;

	fn points<P: GLVConfig>(n: usize) -> Vec<Affine<P>>
	where
		P::ScalarField: UniformRand,
	{
		let rng = &mut test_rng();
		let g = Affine::<P>::generator();
		let mut v: Vec<Affine<P>> = (0..n)
			.map(|_| (g * P::ScalarField::rand(rng)).into_affine())
			.collect();
		v.push(Affine::<P>::zero());
		v
	}

	#[test]
	fn scaling_matches_arkworks_on_both_curves() {
		let rng = &mut test_rng();
		let g1_points = points::<g1::Config>(20);
		let g2_points = points::<g2::Config>(8);
		// Edge scalars beside random ones: 0, 1, −1, small and λ itself.
		let mut scalars = vec![
			Fr::zero(),
			Fr::from(1u64),
			-Fr::from(1u64),
			Fr::from(15u64),
			g1::Config::LAMBDA,
		];
		scalars.extend((0..6).map(|_| Fr::rand(rng)));
		for k in &scalars {
			let want: Vec<G1Affine> = g1_points.iter().map(|p| (*p * k).into_affine()).collect();
			assert_eq!(scale_by(&g1_points, *k), want, "G1 times {k}");
			let want: Vec<G2Affine> = g2_points.iter().map(|p| (*p * k).into_affine()).collect();
			assert_eq!(scale_by(&g2_points, *k), want, "G2 times {k}");
		}
		let per_point = scale(&g1_points, |i| scalars[i % scalars.len()]);
		for (i, (p, q)) in g1_points.iter().zip(&per_point).enumerate() {
			assert_eq!(G1Projective::from(*p) * scalars[i % scalars.len()], *q);
		}
	}

	#[test]
	fn a_wrong_scalar_gives_another_point() {
		let p = points::<g1::Config>(1)[0];
		let k = Fr::rand(&mut test_rng());
		assert_ne!(
			GlvScalar::new::<g1::Config>(k + Fr::from(1u64)).mul(&p),
			p * k
		);
	}
}
