//! R1CS gadgets. Every tensor value is a [`Wire`]: a linear combination of
//! variables plus its integer value. Linear maps (weights are constants) only
//! combine wires and cost nothing; the gadgets below cost multiplication
//! constraints, listed per gadget (`n_x` = bits of the range being proven).
//!
//! | gadget | constraints |
//! |---|---|
//! | [`range::decompose`] (prove `x − off ∈ [0, 2^n)`) | `n` (bit 0 is a linear combination; no extra equality row) |
//! | [`rescale::requantize`] (round, clamp, fused ReLU) | `shift + w + h` bits, plus 0–5 for the clamp select (`w` = 16 for a clamp, 15 with a fused ReLU; `h` = bits of the out-of-range blocks, 0–5) |
//! | [`compare::is_nonneg`] | bits of the difference's range + 1 |
//! | [`compare::is_nonzero`] (the clamp's "above" flag when it has several block bits) | 3 |
//! | [`relu::relu`] (unfused) | `b + 1` |
//! | [`compare::clip`] | up to two `is_nonneg` + 2 |
//! | [`max::max`] (per pairwise max) | bits of the difference + 2 |
//! | [`avgpool::div_round`] | `m + n_r` (`2·n_r` if the divisor is not a power of two) |
//! | [`pwl::piecewise_linear`] | `S + 1` one-hot bits, two segment range checks, 1 product, then a requantize |
//! | [`product::mul`] | 1 |
//! | [`poseidon::hash`] | 3 per S-box: `3·(8·9 + 60) = 396` per permutation of 8 elements |

pub mod avgpool;
pub mod compare;
pub mod max;
pub mod poseidon;
pub mod product;
pub mod pwl;
pub mod range;
pub mod relu;
pub mod rescale;

use ark_ff::{One, Zero};

use crate::r1cs::{Backend, Lc, ONE};
use crate::Fr;

/// A tensor value in the circuit: a linear combination (empty when the back
/// end does not record constraints) and its integer value.
#[derive(Clone, Debug, PartialEq)]
pub struct Wire {
	pub lc: Lc,
	pub val: i128,
}

pub fn fr(v: i128) -> Fr {
	Fr::from(v)
}

impl Wire {
	pub fn constant(v: i128) -> Wire {
		Wire {
			lc: Lc::constant(fr(v)),
			val: v,
		}
	}

	/// A new witness variable holding `val`.
	pub fn alloc<B: Backend>(b: &mut B, val: i128) -> Wire {
		let v = b.alloc(fr(val));
		Wire {
			lc: if b.records() { Lc::var(v) } else { Lc::zero() },
			val,
		}
	}

	/// `self + k·other`.
	pub fn add_scaled<B: Backend>(&self, b: &B, other: &Wire, k: i128) -> Wire {
		let mut lc = Lc::zero();
		if b.records() {
			lc = self.lc.clone();
			lc.add_scaled(&other.lc, fr(k));
		}
		Wire {
			lc,
			val: self.val + k * other.val,
		}
	}

	/// `self + c`.
	pub fn add_const<B: Backend>(&self, b: &B, c: i128) -> Wire {
		let mut lc = Lc::zero();
		if b.records() {
			lc = self.lc.clone();
			lc.add_term(ONE, fr(c));
		}
		Wire {
			lc,
			val: self.val + c,
		}
	}

	pub fn scale<B: Backend>(&self, b: &B, k: i128) -> Wire {
		Wire::constant(0).add_scaled(b, self, k)
	}
}

/// Builds `constant + Σ k·w` (the linear part of every layer: free).
pub fn linear<'w, B: Backend>(
	b: &B,
	constant: i128,
	terms: impl IntoIterator<Item = (i128, &'w Wire)>,
) -> Wire {
	let mut val = constant;
	if b.records() {
		let mut lc = Lc::constant(fr(constant));
		for (k, w) in terms {
			if k != 0 {
				val += k * w.val;
				lc.add_scaled(&w.lc, fr(k));
			}
		}
		Wire {
			lc: lc.compact(),
			val,
		}
	} else {
		for (k, w) in terms {
			val += k * w.val;
		}
		Wire {
			lc: Lc::zero(),
			val,
		}
	}
}

/// `a · b = c`.
pub fn enforce_mul<B: Backend>(b: &mut B, x: &Wire, y: &Wire, z: &Wire) {
	if b.records() {
		b.enforce(x.lc.clone(), y.lc.clone(), z.lc.clone());
	}
}

/// `x = 0` (one linear row).
pub fn enforce_zero<B: Backend>(b: &mut B, x: &Wire) {
	if b.records() {
		b.enforce(x.lc.clone(), Lc::constant(Fr::one()), Lc::zero());
	}
}

/// A new variable holding `claimed`, constrained equal to `w` (one linear
/// row). Used where an output would otherwise be a linear combination whose
/// value cannot reflect a wrong trace value.
pub fn pin<B: Backend>(b: &mut B, w: &Wire, claimed: i128) -> Wire {
	let y = Wire::alloc(b, claimed);
	enforce_zero(b, &y.add_scaled(b, w, -1));
	y
}

/// `x ∈ {0, 1}`.
pub fn enforce_bool<B: Backend>(b: &mut B, x: &Wire) {
	if b.records() {
		let mut minus_one = x.lc.clone();
		minus_one.add_term(ONE, -Fr::one());
		b.enforce(x.lc.clone(), minus_one, Lc::zero());
	}
}

/// Smallest `n` with `2^n > v` (bits to represent `0..=v`); 0 for `v <= 0`.
pub fn bits_for(v: i128) -> u32 {
	if v <= 0 {
		0
	} else {
		128 - (v as u128).leading_zeros()
	}
}

#[allow(dead_code)]
pub(crate) fn is_zero_fr(x: &Fr) -> bool {
	x.is_zero()
}
