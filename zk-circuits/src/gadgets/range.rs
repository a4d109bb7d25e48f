//! Range proofs by bit decomposition.

use super::{enforce_bool, enforce_zero, fr, Wire};
use crate::r1cs::{Backend, Lc, ONE};

/// The bits of a decomposition, least significant first.
pub struct Bits(pub Vec<Wire>);

impl Bits {
	/// `Σ_{i in range} bit_i · 2^(i − range.start)` (free).
	pub fn value<B: Backend>(&self, b: &B, range: core::ops::Range<usize>) -> Wire {
		super::linear(
			b,
			0,
			self.0[range]
				.iter()
				.enumerate()
				.map(|(i, w)| (1i128 << i, w)),
		)
	}

	pub fn bit(&self, i: usize) -> &Wire {
		&self.0[i]
	}

	pub fn len(&self) -> usize {
		self.0.len()
	}

	pub fn is_empty(&self) -> bool {
		self.0.is_empty()
	}
}

/// Proves `x − offset ∈ [0, 2^n)` and returns its `n` bits. `claimed` is the
/// value the prover claims for `x − offset` (normally exactly that): bits
/// `1..n` are variables taken from it, bit 0 is the linear combination
/// `x − offset − Σ_{i≥1} 2^i·bit_i`, and every bit is constrained boolean. So
/// a claim inconsistent with `x` leaves bit 0 non-boolean (unsatisfiable)
/// rather than being silently corrected. Cost: `n` constraints, `n − 1`
/// variables (`n = 0`: one linear constraint `x = offset`).
pub fn decompose_claimed<B: Backend>(
	b: &mut B,
	x: &Wire,
	offset: i128,
	n: u32,
	claimed: i128,
) -> Bits {
	if n == 0 {
		enforce_zero(b, &x.add_const(b, -offset));
		return Bits(Vec::new());
	}
	debug_assert!(n < 120);
	let mask = (1u128 << n) - 1;
	let pattern = (claimed as u128) & mask;
	let mut bits = Vec::with_capacity(n as usize);
	// Bit 0 first as a placeholder; filled in below.
	bits.push(Wire::constant(0));
	for i in 1..n {
		bits.push(Wire::alloc(b, ((pattern >> i) & 1) as i128));
	}
	let high: i128 = (1..n as usize).map(|i| bits[i].val << i).sum();
	let bit0_val = x.val - offset - high;
	let mut lc = Lc::zero();
	if b.records() {
		lc = x.lc.clone();
		lc.add_term(ONE, -fr(offset));
		for (i, bit) in bits.iter().enumerate().skip(1) {
			lc.add_scaled(&bit.lc, -fr(1i128 << i));
		}
		lc = lc.compact();
	}
	bits[0] = Wire { lc, val: bit0_val };
	for bit in &bits {
		enforce_bool(b, bit);
	}
	Bits(bits)
}

/// [`decompose_claimed`] with the honest claim `x − offset`.
pub fn decompose<B: Backend>(b: &mut B, x: &Wire, offset: i128, n: u32) -> Bits {
	let claimed = x.val - offset;
	decompose_claimed(b, x, offset, n, claimed)
}
