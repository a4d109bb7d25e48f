//! Rounding division (average pooling): the engine's
//! `round_div(S, c) = floor((2S + c) / (2c))`.

use super::range::{decompose, decompose_claimed};
use super::{bits_for, Wire};
use crate::r1cs::Backend;

/// `round_div(S, c)` for `S ∈ [smin, smax]`, `c >= 1`, holding the trace's
/// `claimed` quotient. For `c = 2^j` this is `floor((S + 2^(j−1)) / 2^j)`, one
/// decomposition of `j + m` bits (`m` = bits of the quotient's range);
/// otherwise `2S + c = 2c·q + r` with `q − qmin` in `m` bits and `r ∈ [0, 2c)`
/// proven from both sides (`2·bits(2c − 1)` more).
pub fn div_round<B: Backend>(
	b: &mut B,
	s: &Wire,
	smin: i128,
	smax: i128,
	c: i128,
	claimed: i128,
) -> Wire {
	let d = 2 * c;
	let qmin = (2 * smin + c).div_euclid(d);
	let qmax = (2 * smax + c).div_euclid(d);
	let m = bits_for(qmax - qmin);
	if c == 1 {
		return super::pin(b, s, claimed);
	}
	if c & (c - 1) == 0 {
		let j = c.trailing_zeros();
		let half = c / 2;
		let claimed_r = s.val + half - claimed * c;
		let pattern = (claimed_r & (c - 1)) | ((claimed - qmin) << j);
		let bits = decompose_claimed(b, s, qmin * c - half, j + m, pattern);
		return bits
			.value(b, j as usize..(j + m) as usize)
			.add_const(b, qmin);
	}
	let u = Wire::alloc(b, claimed - qmin);
	decompose(b, &u, 0, m);
	let q = u.add_const(b, qmin);
	// r = 2S + c − 2c·q
	let r = s.scale(b, 2).add_const(b, c).add_scaled(b, &q, -d);
	let n_r = bits_for(d - 1);
	decompose(b, &r, 0, n_r);
	decompose(b, &Wire::constant(d - 1).add_scaled(b, &r, -1), 0, n_r);
	q
}
