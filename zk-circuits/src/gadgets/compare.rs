//! Comparisons: sign bits, non-zero tests and clip.

use ark_ff::{Field, One};

use super::range::decompose;
use super::{bits_for, enforce_mul, fr, Wire};
use crate::r1cs::{Backend, Lc};
use crate::Fr;

/// `[d >= 0]` for `d` known to lie in `[dmin, dmax]`: decomposes `d + 2^(n−1)`
/// into `n` bits (`2^(n−1) >= max(−dmin, dmax + 1)`) and returns the top bit.
/// Free when the interval already decides it. Cost: `n` constraints.
pub fn is_nonneg<B: Backend>(b: &mut B, d: &Wire, dmin: i128, dmax: i128) -> Wire {
	if dmin >= 0 {
		return Wire::constant(1);
	}
	if dmax < 0 {
		return Wire::constant(0);
	}
	let n = bits_for((-dmin).max(dmax + 1) - 1) + 1;
	let bits = decompose(b, d, -(1i128 << (n - 1)), n);
	bits.0[n as usize - 1].clone()
}

/// `[s != 0]` for `s` in a small non-negative range, as a boolean wire:
/// `o = s·inv`, `s·(1 − o) = 0` (so `o = 1` when `s ≠ 0`, and then
/// `inv = 1/s`; `o = 0` when `s = 0`) and `inv·(1 − o) = 0`, which pins `inv`
/// to 0 when `s = 0` (without it `inv` would be free there: harmless for `o`,
/// but a witness variable no constraint determines). Cost: 3 constraints.
pub fn is_nonzero<B: Backend>(b: &mut B, s: &Wire) -> Wire {
	let inv = fr(s.val).inverse().unwrap_or_default();
	let inv_var = b.alloc(inv);
	let o = Wire::alloc(b, (s.val != 0) as i128);
	if b.records() {
		b.enforce(s.lc.clone(), Lc::var(inv_var), o.lc.clone());
		let mut one_minus_o = Lc::constant(Fr::one());
		one_minus_o.add_scaled(&o.lc, -Fr::one());
		b.enforce(s.lc.clone(), one_minus_o.clone(), Lc::zero());
		b.enforce(Lc::var(inv_var), one_minus_o, Lc::zero());
	}
	o
}

/// `y = min(max(x, lo), hi)` for `x ∈ [xmin, xmax]`; `y` holds `claimed`
/// (the trace's value). Cost: one [`is_nonneg`] per bound the interval does not
/// already satisfy, plus one product each.
pub fn clip<B: Backend>(
	b: &mut B,
	x: &Wire,
	xmin: i128,
	xmax: i128,
	lo: i128,
	hi: i128,
	claimed: i128,
) -> Wire {
	let mut y = x.clone();
	let mut corrections = Vec::new();
	if xmin < lo {
		// below = 1 − [x − lo >= 0]; correction = below·(lo − x)
		let ge = is_nonneg(b, &x.add_const(b, -lo), xmin - lo, xmax - lo);
		let below = Wire::constant(1).add_scaled(b, &ge, -1);
		let gap = Wire::constant(lo).add_scaled(b, x, -1);
		corrections.push((below, gap));
	}
	if xmax > hi {
		let le = is_nonneg(
			b,
			&Wire::constant(hi).add_scaled(b, x, -1),
			hi - xmax,
			hi - xmin,
		);
		let above = Wire::constant(1).add_scaled(b, &le, -1);
		let gap = Wire::constant(hi).add_scaled(b, x, -1);
		corrections.push((above, gap));
	}
	let n = corrections.len();
	for (i, (flag, gap)) in corrections.into_iter().enumerate() {
		let t_val = flag.val * gap.val;
		// The last correction's product is tied to the claimed output, so a
		// wrong trace value makes the system unsatisfiable.
		let t = if i + 1 == n {
			let rest = claimed - y.val;
			Wire::alloc(b, rest)
		} else {
			Wire::alloc(b, t_val)
		};
		enforce_mul(b, &flag, &gap, &t);
		y = y.add_scaled(b, &t, 1);
	}
	y
}
