//! Piecewise-linear functions (the engine's Sigmoid / Tanh approximations,
//! [`verity_inference::quant::approx`]): segment `s = #{i : bp_i <= x}`,
//! `y = requantize(slope_s·x + intercept_s, shift)`.

use super::range::decompose;
use super::rescale::{requantize, Requantize};
use super::{bits_for, enforce_bool, enforce_zero, product::mul, Wire};
use crate::r1cs::Backend;

/// One-hot segment selection: a boolean per segment meeting `[xmin, xmax]`, their
/// sum is 1, and `x` lies between the selected segment's bounds (two range
/// checks on `x − lower` and `upper − x`, linear in the one-hot bits since the
/// bounds are constants). Then one product `slope·x`, and a requantize.
#[allow(clippy::too_many_arguments)]
pub fn piecewise_linear<B: Backend>(
	b: &mut B,
	x: &Wire,
	(xmin, xmax): (i128, i128),
	breakpoints: &[i64],
	slopes: &[i64],
	intercepts: &[i64],
	shift: u32,
	(b_lo, b_hi): (i128, i128),
	trace_out: i128,
) -> Wire {
	// Segments clipped to the input interval; empty ones dropped.
	let mut segments = Vec::new();
	for s in 0..slopes.len() {
		let lower = if s == 0 {
			xmin
		} else {
			(breakpoints[s - 1] as i128).max(xmin)
		};
		let upper = if s == breakpoints.len() {
			xmax
		} else {
			(breakpoints[s] as i128 - 1).min(xmax)
		};
		if lower <= upper {
			segments.push((s, lower, upper));
		}
	}
	let active = breakpoints.partition_point(|&bp| (bp as i128) <= x.val);
	let flags: Vec<Wire> = segments
		.iter()
		.map(|&(s, _, _)| Wire::alloc(b, (s == active) as i128))
		.collect();
	for f in &flags {
		enforce_bool(b, f);
	}
	let one_hot = super::linear(b, -1, flags.iter().map(|f| (1, f)));
	enforce_zero(b, &one_hot);
	let lower = super::linear(
		b,
		0,
		segments.iter().zip(&flags).map(|(&(_, lo, _), f)| (lo, f)),
	);
	let upper = super::linear(
		b,
		0,
		segments.iter().zip(&flags).map(|(&(_, _, hi), f)| (hi, f)),
	);
	let longest = segments
		.iter()
		.map(|&(_, lo, hi)| hi - lo)
		.max()
		.unwrap_or(0);
	let n = bits_for(longest);
	decompose(b, &x.add_scaled(b, &lower, -1), 0, n);
	decompose(b, &upper.add_scaled(b, x, -1), 0, n);

	let slope = super::linear(
		b,
		0,
		segments
			.iter()
			.zip(&flags)
			.map(|(&(s, _, _), f)| (slopes[s] as i128, f)),
	);
	let intercept = super::linear(
		b,
		0,
		segments
			.iter()
			.zip(&flags)
			.map(|(&(s, _, _), f)| (intercepts[s] as i128, f)),
	);
	let product = mul(b, &slope, x);
	let acc = product.add_scaled(b, &intercept, 1);
	let (mut amin, mut amax) = (i128::MAX, i128::MIN);
	for &(s, lo, hi) in &segments {
		for v in [lo, hi] {
			let a = slopes[s] as i128 * v + intercepts[s] as i128;
			amin = amin.min(a);
			amax = amax.max(a);
		}
	}
	let p = Requantize {
		amin,
		amax,
		shift,
		lo: b_lo,
		hi: b_hi,
		b_lo,
		b_hi,
	};
	requantize(b, &acc, &p, trace_out, trace_out)
}
