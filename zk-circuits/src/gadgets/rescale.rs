//! Requantization: `y = clamp(floor((acc + 2^(s−1)) / 2^s), lo, hi)` — the
//! engine's `requantize` (round half up, then clamp) — with an optional fused
//! ReLU (`lo = 0`).
//!
//! One bit decomposition carries everything: with `W = hi − lo + 1 = 2^w` and
//! a block offset `base = lo − K·W`, the prover decomposes
//! `v = acc + 2^(s−1) − base·2^s` into `s + w + h` bits. The low `s` bits are
//! the remainder (their range check *is* the rounding proof), the next `w` bits
//! are `low`, the value inside the clamp window, and the top `h` bits are the
//! block index `H = (q − base) >> w`. `K` is a power of two chosen from the
//! accumulator's interval so that "q below the window" is `H < K` (the top bit
//! of `H` is clear) and "above" is `H > K` (top bit set and any other bit set);
//! the clamp is then one or two products. The ReLU's sign bit is that top bit.

use super::compare::is_nonzero;
use super::range::decompose_claimed;
use super::{enforce_mul, Wire};
use crate::r1cs::Backend;

fn ceil_log2(x: i128) -> u32 {
	if x <= 1 {
		0
	} else {
		128 - ((x - 1) as u128).leading_zeros()
	}
}

/// Parameters of one requantize.
#[derive(Clone, Copy, Debug)]
pub struct Requantize {
	/// Interval of the accumulator (from the proven input ranges).
	pub amin: i128,
	pub amax: i128,
	pub shift: u32,
	/// The clamp window; `hi − lo + 1` must be a power of two.
	pub lo: i128,
	pub hi: i128,
	/// The engine's clamp range `[−2^(b−1), 2^(b−1) − 1]` (used to read the
	/// quotient the trace implies).
	pub b_lo: i128,
	pub b_hi: i128,
}

impl Requantize {
	fn half(&self) -> i128 {
		if self.shift == 0 {
			0
		} else {
			1i128 << (self.shift - 1)
		}
	}

	/// The rounded quotient of `acc`.
	pub fn quotient(&self, acc: i128) -> i128 {
		(acc + self.half()).div_euclid(1i128 << self.shift)
	}

	/// The output interval (what `y` can be for `acc` in its interval).
	pub fn output_interval(&self) -> (i128, i128) {
		let (qmin, qmax) = (self.quotient(self.amin), self.quotient(self.amax));
		(qmin.clamp(self.lo, self.hi), qmax.clamp(self.lo, self.hi))
	}
}

/// Proves `y = clamp(round(acc / 2^s), lo, hi)`. `trace_q` is the engine's
/// requantized value (clamped to the `b`-bit range), `trace_out` the value the
/// output must hold (the same, or the ReLU'd value when fused). The bits are
/// derived from these claims, so a trace that disagrees with `acc` gives an
/// unsatisfiable witness. Cost: `s + w + h` bits, plus 1–5 constraints when
/// the interval allows clamping.
pub fn requantize<B: Backend>(
	b: &mut B,
	acc: &Wire,
	p: &Requantize,
	trace_q: i128,
	trace_out: i128,
) -> Wire {
	let s = p.shift;
	let two_s = 1i128 << s;
	let half = p.half();
	let (qmin, qmax) = (p.quotient(p.amin), p.quotient(p.amax));
	let width = p.hi - p.lo + 1;
	let w = ceil_log2(width);
	debug_assert_eq!(1i128 << w, width, "clamp window must be a power of two");

	// The quotient the trace claims: exact inside the engine's range, and on
	// its saturated ends only a bound (the accumulator fills in the rest).
	let q_acc = p.quotient(acc.val);
	let claimed_q = if trace_q == p.b_hi {
		q_acc.max(trace_q)
	} else if trace_q == p.b_lo {
		q_acc.min(trace_q)
	} else {
		trace_q
	};
	let claimed_r = acc.val + half - claimed_q * two_s;

	let below = if qmin < p.lo {
		(p.lo - qmin + width - 1) / width
	} else {
		0
	};
	let above = if qmax > p.hi {
		(qmax - p.hi + width - 1) / width
	} else {
		0
	};

	// Choose the block offset K (base = lo − K·W) and the number of block bits.
	let (base, m) = if below == 0 && above == 0 {
		(qmin, super::bits_for(qmax - qmin))
	} else if above == 0 {
		let k = ceil_log2(below);
		(p.lo - (1i128 << k) * width, w + k + 1)
	} else if below == 0 {
		(p.lo, w + super::bits_for(above))
	} else {
		let k = ceil_log2(below.max(above + 1));
		(p.lo - (1i128 << k) * width, w + k + 1)
	};
	let n = s + m;
	let pattern = (claimed_r & (two_s - 1)) | ((claimed_q - base) << s);
	// x − offset = acc + half − base·2^s
	let bits = decompose_claimed(b, acc, base * two_s - half, n, pattern);
	let (s_, w_) = (s as usize, w as usize);

	if below == 0 && above == 0 {
		let q = bits.value(b, s_..n as usize).add_const(b, base);
		// With s = 0, bit 0 is the quotient's own low bit and is recomputed
		// from acc, so the claim must be pinned to be checked at all.
		return if s == 0 {
			super::pin(b, &q, trace_q)
		} else {
			q
		};
	}
	let low = bits.value(b, s_..s_ + w_);
	let top = &bits.0[n as usize - 1];
	let max_low = Wire::constant(width - 1).add_scaled(b, &low, -1); // W − 1 − low
	if above == 0 {
		// y − lo = [in window]·low
		let y = Wire::alloc(b, trace_out);
		enforce_mul(b, top, &low, &y.add_const(b, -p.lo));
		return y;
	}
	// The "above" flag: OR of the block bits below the top one (or all of them
	// when nothing lies below the window).
	let flag_bits: &[Wire] = if below == 0 {
		&bits.0[s_ + w_..]
	} else {
		&bits.0[s_ + w_..n as usize - 1]
	};
	let o = if flag_bits.len() == 1 {
		flag_bits[0].clone()
	} else {
		let sum = super::linear(b, 0, flag_bits.iter().map(|w| (1, w)));
		is_nonzero(b, &sum)
	};
	if below == 0 {
		// y = lo + low + o·(W − 1 − low)
		let t = Wire::alloc(b, trace_out - p.lo - low.val);
		enforce_mul(b, &o, &max_low, &t);
		return low.add_scaled(b, &t, 1).add_const(b, p.lo);
	}
	// y − lo = top·(low + o·(W − 1 − low))
	let t = Wire::alloc(b, o.val * max_low.val);
	enforce_mul(b, &o, &max_low, &t);
	let y = Wire::alloc(b, trace_out);
	enforce_mul(b, top, &low.add_scaled(b, &t, 1), &y.add_const(b, -p.lo));
	y
}
