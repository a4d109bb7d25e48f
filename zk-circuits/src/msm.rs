//! Multi-scalar multiplication for the prover: `Σ sᵢ·Pᵢ` over a short
//! Weierstrass curve (BLS12-381 G1 and G2 here).
//!
//! Pippenger's bucket method with two refinements:
//!
//! * **Signed scalars and digits.** A scalar is stored as a sign and the
//!   smaller of `s` and `p − s`, so the witness's small negative values cost
//!   as little as small positive ones, and each `c`-bit window digit lies in
//!   `(−2^(c−1), 2^(c−1)]`, which halves the buckets.
//! * **Batched affine bucket sums.** Per window, the points are sorted by
//!   bucket (counting sort) and each bucket is summed as a tree of affine
//!   additions; all additions of one tree level share one field inversion
//!   (Montgomery's trick), so an addition costs about 6 field multiplications
//!   instead of the ~11 of a mixed Jacobian addition.
//!
//! The points are split into one chunk per thread; each chunk runs the whole
//! algorithm and the chunk results are added.

use ark_ec::short_weierstrass::{Affine, Projective, SWCurveConfig};
use ark_ec::{AdditiveGroup, AffineRepr, CurveGroup};
use ark_ff::{BigInteger, Field, One, PrimeField, Zero};
use rayon::prelude::*;

/// A scalar as sign and magnitude (`min(s, p − s)`).
#[derive(Clone, Copy)]
struct Term<B> {
	base: u32,
	neg: bool,
	mag: B,
}

/// Below this many terms the sum is computed by plain scalar multiplication.
const NAIVE_BELOW: usize = 16;
/// Pair additions per shared inversion.
const BATCH: usize = 1024;

/// `Σ scalars[i]·bases[i]` (over the shorter of the two slices).
pub fn msm<P: SWCurveConfig>(bases: &[Affine<P>], scalars: &[P::ScalarField]) -> Projective<P> {
	let half = <P::ScalarField as PrimeField>::MODULUS_MINUS_ONE_DIV_TWO;
	let modulus = <P::ScalarField as PrimeField>::MODULUS;
	let terms: Vec<Term<_>> = bases
		.par_iter()
		.zip(scalars)
		.enumerate()
		.filter(|(_, (p, s))| !s.is_zero() && !p.is_zero())
		.map(|(i, (_, s))| {
			let big = s.into_bigint();
			if big > half {
				let mut mag = modulus;
				mag.sub_with_borrow(&big);
				Term {
					base: i as u32,
					neg: true,
					mag,
				}
			} else {
				Term {
					base: i as u32,
					neg: false,
					mag: big,
				}
			}
		})
		.collect();
	if terms.len() < NAIVE_BELOW {
		return terms
			.iter()
			.map(|t| {
				let p = bases[t.base as usize].mul_bigint(t.mag);
				if t.neg {
					-p
				} else {
					p
				}
			})
			.sum();
	}
	// Witness vectors mix bits, small integers and a few full-size field
	// elements: each size class gets its own window width, so the few large
	// scalars do not make every point pay for ~255/c windows.
	let (bits, rest): (Vec<_>, Vec<_>) = terms.into_iter().partition(|t| t.mag.num_bits() <= 1);
	let (small, large): (Vec<_>, Vec<_>) = rest.into_iter().partition(|t| t.mag.num_bits() <= 32);
	let threads = rayon::current_num_threads().max(1);
	[bits, small, large]
		.iter()
		.filter(|group| !group.is_empty())
		.flat_map(|group| group.chunks(group.len().div_ceil(threads)))
		.collect::<Vec<_>>()
		.into_par_iter()
		.map(|terms| pippenger(bases, terms))
		.sum()
}

/// Cost model (field multiplications) of window width `c`: per window, one
/// batched affine addition per point plus two Jacobian additions per bucket.
fn best_window(points: usize, bits: usize) -> usize {
	(2..=16)
		.min_by_key(|&c| {
			let windows = (bits + 1).div_ceil(c);
			windows * (6 * points + 30 * (1usize << (c - 1)))
		})
		.unwrap_or(8)
}

/// `c` bits of `limbs` starting at bit `offset`.
fn window_bits(limbs: &[u64], offset: usize, c: usize) -> u64 {
	let (limb, shift) = (offset / 64, offset % 64);
	if limb >= limbs.len() {
		return 0;
	}
	let mut v = limbs[limb] >> shift;
	if shift + c > 64 && limb + 1 < limbs.len() {
		v |= limbs[limb + 1] << (64 - shift);
	}
	v & ((1u64 << c) - 1)
}

fn pippenger<P: SWCurveConfig, B: BigInteger>(
	bases: &[Affine<P>],
	terms: &[Term<B>],
) -> Projective<P> {
	let bits = terms
		.iter()
		.map(|t| t.mag.num_bits() as usize)
		.max()
		.unwrap_or(0);
	let c = best_window(terms.len(), bits);
	let windows = (bits + 1).div_ceil(c);
	let buckets = 1usize << (c - 1);
	let half = 1i64 << (c - 1);

	let mut carry = vec![0u8; terms.len()];
	let mut digits = vec![0i32; terms.len()];
	let mut counts = vec![0u32; buckets + 1];
	let mut points: Vec<Affine<P>> = Vec::with_capacity(terms.len());
	let mut scratch = Scratch::default();
	let mut window_sums = Vec::with_capacity(windows);
	for w in 0..windows {
		// Signed digits: raw + carry in [0, 2^c]; above 2^(c−1) it becomes
		// negative and carries one into the next window.
		counts.iter_mut().for_each(|n| *n = 0);
		for ((t, d), cy) in terms.iter().zip(&mut digits).zip(&mut carry) {
			let v = window_bits(t.mag.as_ref(), w * c, c) as i64 + *cy as i64;
			let (digit, next) = if v > half {
				(v - (half << 1), 1)
			} else {
				(v, 0)
			};
			*cy = next;
			*d = digit as i32;
			if digit != 0 {
				counts[digit.unsigned_abs() as usize] += 1;
			}
		}
		// Counting sort by bucket: bucket b (|digit| = b + 1) occupies
		// points[start[b]..start[b + 1]].
		let mut start = vec![0u32; buckets + 1];
		for b in 0..buckets {
			start[b + 1] = start[b] + counts[b + 1];
		}
		let total = start[buckets] as usize;
		points.clear();
		points.resize(total, Affine::identity());
		let mut next = start.clone();
		for (t, &d) in terms.iter().zip(&digits) {
			if d != 0 {
				let b = d.unsigned_abs() as usize - 1;
				let p = bases[t.base as usize];
				points[next[b] as usize] = if (d < 0) != t.neg { -p } else { p };
				next[b] += 1;
			}
		}
		let mut segments: Vec<(u32, u32)> = (0..buckets)
			.map(|b| (start[b], start[b + 1] - start[b]))
			.collect();
		sum_segments(&mut points, &mut segments, &mut scratch);
		// Σ (b + 1)·bucket_b as a running sum from the top bucket down.
		let mut running = Projective::<P>::zero();
		let mut sum = Projective::<P>::zero();
		for &(s, len) in segments.iter().rev() {
			if len > 0 {
				running += &points[s as usize];
			}
			sum += &running;
		}
		window_sums.push(sum);
	}
	let mut acc = Projective::<P>::zero();
	for sum in window_sums.into_iter().rev() {
		for _ in 0..c {
			acc.double_in_place();
		}
		acc += sum;
	}
	acc
}

/// Buffers reused across tree levels and windows.
struct Scratch<F> {
	pairs: Vec<(u32, u32)>,
	denominators: Vec<F>,
	prefix: Vec<F>,
	special: Vec<usize>,
}

impl<F> Default for Scratch<F> {
	fn default() -> Self {
		Scratch {
			pairs: Vec::new(),
			denominators: Vec::new(),
			prefix: Vec::new(),
			special: Vec::new(),
		}
	}
}

/// Sums each segment `(start, len)` of `points` into `points[start]`, setting
/// its length to 1 (0 stays 0). Each round adds neighbours pairwise, in place:
/// the sum of elements `2k, 2k + 1` of a segment goes to element `k`.
fn sum_segments<P: SWCurveConfig>(
	points: &mut [Affine<P>],
	segments: &mut [(u32, u32)],
	s: &mut Scratch<P::BaseField>,
) {
	let mut has_identity = false;
	loop {
		s.pairs.clear();
		for &(start, len) in segments.iter() {
			for k in 0..len / 2 {
				s.pairs.push((start + k, start + 2 * k));
			}
		}
		if s.pairs.is_empty() {
			return;
		}
		// Ascending order keeps the in-place writes behind the reads.
		let pairs = std::mem::take(&mut s.pairs);
		for batch in pairs.chunks(BATCH) {
			add_pairs(points, batch, s, &mut has_identity);
		}
		s.pairs = pairs;
		for (start, len) in segments.iter_mut() {
			if *len >= 2 {
				if *len % 2 == 1 {
					points[(*start + *len / 2) as usize] = points[(*start + *len - 1) as usize];
				}
				*len = len.div_ceil(2);
			}
		}
	}
}

/// `points[dst] = points[src] + points[src + 1]` for every pair, with one
/// shared inversion. Pairs with equal x (a doubling or a cancellation) or an
/// identity operand take a slow path; identities only exist after a
/// cancellation, which `has_identity` records.
fn add_pairs<P: SWCurveConfig>(
	points: &mut [Affine<P>],
	pairs: &[(u32, u32)],
	s: &mut Scratch<P::BaseField>,
	has_identity: &mut bool,
) {
	let one = P::BaseField::one();
	s.denominators.clear();
	s.prefix.clear();
	s.special.clear();
	let mut acc = one;
	for &(_, src) in pairs {
		let d = points[src as usize + 1].x - points[src as usize].x;
		s.prefix.push(acc);
		acc *= d;
		s.denominators.push(d);
	}
	// A zero product means some pair has equal x: rare, so only then (or
	// once an identity exists) are the pairs checked one by one.
	if acc.is_zero() || *has_identity {
		acc = one;
		for (i, &(_, src)) in pairs.iter().enumerate() {
			let (p, q) = (&points[src as usize], &points[src as usize + 1]);
			let d = &mut s.denominators[i];
			if d.is_zero() || p.is_zero() || q.is_zero() {
				s.special.push(i);
				*d = one;
			}
			s.prefix[i] = acc;
			acc *= *d;
		}
	}
	// acc ≠ 0: every factor is non-zero.
	let mut inv = acc.inverse().unwrap_or(one);
	for (d, prefix) in s.denominators.iter_mut().zip(&s.prefix).rev() {
		let d_inv = inv * prefix;
		inv *= *d;
		*d = d_inv;
	}
	let mut special = s.special.iter().copied().peekable();
	for (i, (&(dst, src), d_inv)) in pairs.iter().zip(&s.denominators).enumerate() {
		let (p, q) = (points[src as usize], points[src as usize + 1]);
		points[dst as usize] = if special.next_if_eq(&i).is_some() {
			let sum = slow_add(p, q);
			*has_identity |= sum.is_zero();
			sum
		} else {
			let lambda = (q.y - p.y) * d_inv;
			let x = lambda.square() - p.x - q.x;
			let y = lambda * (p.x - x) - p.y;
			Affine::new_unchecked(x, y)
		};
	}
}

/// `p + q` when one is the identity or both have the same x.
fn slow_add<P: SWCurveConfig>(p: Affine<P>, q: Affine<P>) -> Affine<P> {
	if p.is_zero() {
		q
	} else if q.is_zero() {
		p
	} else if p.x == q.x {
		if p.y == q.y {
			p.into_group().double().into_affine()
		} else {
			Affine::identity()
		}
	} else {
		(p.into_group() + q).into_affine()
	}
}

#[cfg(test)]
mod tests {
	use ark_bls12_381::{Fr, G1Affine, G1Projective, G2Affine, G2Projective};
	use ark_ec::VariableBaseMSM;
	use ark_ff::UniformRand;
	use rand::SeedableRng;

	use super::*;

	fn points<G: CurveGroup>(n: usize, rng: &mut impl rand::RngCore) -> Vec<G::Affine> {
		let g = G::rand(rng);
		// Multiples of one point are cheap to make and still distinct.
		let mut p = g;
		(0..n)
			.map(|_| {
				p += g;
				p.into_affine()
			})
			.collect()
	}

	fn check_g1(bases: &[G1Affine], scalars: &[Fr]) {
		let expected = G1Projective::msm(bases, scalars).unwrap();
		assert_eq!(msm(bases, scalars), expected, "{} terms", bases.len());
	}

	#[test]
	fn matches_arkworks_on_full_and_small_scalars() {
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
		for n in [0, 1, 5, 17, 100, 1000, 5000] {
			let bases = points::<G1Projective>(n, &mut rng);
			let full: Vec<Fr> = (0..n).map(|_| Fr::rand(&mut rng)).collect();
			check_g1(&bases, &full);
			// Witness-like: bits, small and small negative values, zeros.
			let small: Vec<Fr> = (0..n)
				.map(|i| match i % 5 {
					0 => Fr::zero(),
					1 => Fr::one(),
					2 => Fr::from((i * 7919 % 65536) as u64),
					3 => -Fr::from((i % 300) as u64),
					_ => Fr::from(u64::MAX - i as u64),
				})
				.collect();
			check_g1(&bases, &small);
		}
	}

	#[test]
	fn handles_doublings_cancellations_and_identities() {
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
		let mut bases = points::<G1Projective>(200, &mut rng);
		// Repeated points (P + P in a bucket), negations (P − P), identities.
		for i in 0..50 {
			bases[100 + i] = bases[i];
			bases[150 + i] = -bases[50 + i];
		}
		bases[7] = G1Affine::identity();
		let ones = vec![Fr::one(); 200];
		check_g1(&bases, &ones);
		let scalars: Vec<Fr> = (0..200).map(|i| Fr::from((i % 3) as u64 + 1)).collect();
		check_g1(&bases, &scalars);
		let random: Vec<Fr> = (0..200).map(|_| Fr::rand(&mut rng)).collect();
		check_g1(&bases, &random);
	}

	#[test]
	fn matches_arkworks_in_g2() {
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
		let bases: Vec<G2Affine> = points::<G2Projective>(600, &mut rng);
		let scalars: Vec<Fr> = (0..600)
			.map(|i| {
				if i % 2 == 0 {
					Fr::rand(&mut rng)
				} else {
					Fr::from((i % 2) as u64)
				}
			})
			.collect();
		assert_eq!(
			msm(&bases, &scalars),
			G2Projective::msm(&bases, &scalars).unwrap()
		);
	}

	#[test]
	fn a_changed_scalar_changes_the_sum() {
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(4);
		let bases = points::<G1Projective>(300, &mut rng);
		let mut scalars: Vec<Fr> = (0..300).map(|_| Fr::rand(&mut rng)).collect();
		let before = msm(&bases, &scalars);
		scalars[123] += Fr::one();
		assert_eq!(msm(&bases, &scalars), before + bases[123]);
	}
}
