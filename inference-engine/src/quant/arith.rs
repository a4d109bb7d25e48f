//! The integer rules of the fixed-point mode. There are exactly two:
//!
//! * **rounding division** `round_div(n, d) = floor((2n + d) / (2d))` for `d > 0`,
//!   i.e. `n / d` rounded to the nearest integer, ties toward +infinity
//!   ("round half up"). Rescaling by a power of two is the case `d = 2^shift`:
//!   `rescale(acc, shift) = floor((acc + 2^(shift-1)) / 2^shift)`, and
//!   `rescale(acc, 0) = acc`.
//! * **clamping** to the model's signed activation width `b`:
//!   `clamp_bits(v, b) = min(max(v, -2^(b-1)), 2^(b-1) - 1)`.
//!
//! `requantize(acc, shift, b) = clamp_bits(rescale(acc, shift), b)` is applied
//! by every op that computes a new value (those with a `shift` parameter).

/// Largest accumulator magnitude any op may reach: 2^62. Model validation
/// proves every op's worst case stays within it, so the `i64` arithmetic of the
/// executor can never overflow.
pub const ACC_LIMIT: i128 = 1 << 62;

/// Largest allowed rescale shift.
pub const MAX_SHIFT: u32 = 62;

/// Smallest / largest supported activation bit width.
pub const MIN_ACT_BITS: u32 = 2;
pub const MAX_ACT_BITS: u32 = 24;

/// `floor((2n + d) / (2d))` for `d > 0`: `n / d` rounded half up.
#[inline]
pub fn round_div(n: i64, d: i64) -> i64 {
	debug_assert!(d > 0);
	// Fast path in i64; the i128 fallback cannot overflow for any i64 inputs.
	match (
		n.checked_mul(2).and_then(|t| t.checked_add(d)),
		d.checked_mul(2),
	) {
		(Some(num), Some(den)) => num.div_euclid(den),
		_ => (2 * n as i128 + d as i128).div_euclid(2 * d as i128) as i64,
	}
}

/// `round_div(acc, 2^shift)`, computed with a shift (arithmetic shift = floor).
#[inline]
pub fn rescale(acc: i64, shift: u32) -> i64 {
	if shift == 0 {
		acc
	} else {
		// |acc| <= 2^62 and shift <= 62 (validated), so the add cannot overflow.
		(acc + (1i64 << (shift - 1))) >> shift
	}
}

/// Lower and upper bound of a signed `bits`-bit integer.
#[inline]
pub fn bit_range(bits: u32) -> (i64, i64) {
	let half = 1i64 << (bits - 1);
	(-half, half - 1)
}

/// Clamp to a signed `bits`-bit integer.
#[inline]
pub fn clamp_bits(v: i64, bits: u32) -> i64 {
	let (lo, hi) = bit_range(bits);
	v.clamp(lo, hi)
}

/// `clamp_bits(rescale(acc, shift), bits)`.
#[inline]
pub fn requantize(acc: i64, shift: u32, bits: u32) -> i64 {
	clamp_bits(rescale(acc, shift), bits)
}

/// Float → fixed point at `frac_bits`: `clamp_bits(floor(x * 2^frac_bits + 1/2))`.
///
/// Used only outside the proven integer path (input quantization by the client,
/// quantizing weights at model build time). `x * 2^f` is exact in f64, so the
/// result is the same on every IEEE-754 machine. NaN maps to 0, ±inf saturate.
pub fn quantize_value(x: f64, frac_bits: u32, bits: u32) -> i64 {
	if x.is_nan() {
		return 0;
	}
	let (lo, hi) = bit_range(bits);
	let scaled = (x * (2f64).powi(frac_bits as i32) + 0.5).floor();
	if scaled <= lo as f64 {
		lo
	} else if scaled >= hi as f64 {
		hi
	} else {
		scaled as i64
	}
}

/// Fixed point → float: `q / 2^frac_bits`.
pub fn dequantize_value(q: i64, frac_bits: u32) -> f64 {
	q as f64 / (2f64).powi(frac_bits as i32)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn rescale_is_round_div_by_power_of_two() {
		for shift in 0..12u32 {
			for acc in -5000i64..5000 {
				assert_eq!(
					rescale(acc, shift),
					round_div(acc, 1 << shift),
					"{acc} >> {shift}"
				);
			}
		}
	}

	#[test]
	fn round_half_up() {
		assert_eq!(round_div(5, 2), 3); // 2.5 -> 3
		assert_eq!(round_div(-5, 2), -2); // -2.5 -> -2
		assert_eq!(round_div(-7, 2), -3); // -3.5 -> -3
		assert_eq!(round_div(7, 3), 2); // 2.33 -> 2
		assert_eq!(round_div(-8, 3), -3); // -2.67 -> -3
		assert_eq!(rescale(3, 1), 2);
		assert_eq!(rescale(-3, 1), -1);
		// Extremes take the i128 path and agree with exact arithmetic.
		assert_eq!(round_div(i64::MAX, 1), i64::MAX);
		assert_eq!(round_div(i64::MIN, 2), i64::MIN / 2);
		assert_eq!(round_div(i64::MAX, i64::MAX), 1);
	}

	#[test]
	fn clamps() {
		assert_eq!(clamp_bits(40000, 16), 32767);
		assert_eq!(clamp_bits(-40000, 16), -32768);
		assert_eq!(requantize(1 << 20, 2, 8), 127);
	}

	#[test]
	fn quantize_values() {
		assert_eq!(quantize_value(1.0, 8, 16), 256);
		assert_eq!(quantize_value(-0.5 / 256.0, 8, 16), 0); // -0.5 rounds up to 0
		assert_eq!(quantize_value(1e9, 8, 16), 32767);
		assert_eq!(quantize_value(f64::NAN, 8, 16), 0);
		assert_eq!(quantize_value(f64::NEG_INFINITY, 8, 16), -32768);
		assert_eq!(dequantize_value(384, 8), 1.5);
	}
}
