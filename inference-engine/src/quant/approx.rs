//! Piecewise-linear approximations of Sigmoid and Tanh with constant breakpoints.
//!
//! Knots `x_i = −R + i·(2R/32)`, `i = 0..=32` (Sigmoid: R = 8, Tanh: R = 4) are
//! rounded onto the input's integer grid, `k_i = round(x_i·2^fx)` (duplicates
//! dropped); these are the breakpoints. Between consecutive knots the function
//! is interpolated linearly (exact at the knots), and held constant at
//! `f(k_first)` / `f(k_last)` outside. In integers each segment computes
//! `y = requantize(S·x + C, P)` with `S = round(slope·2^(fo+P−fx))`,
//! `C = round(intercept·2^(fo+P))`, `P = 16`. Max absolute error for fine
//! inputs (fx >= 4): Sigmoid < 4e-3, Tanh < 8e-3 (tested).

use super::arith::quantize_value;
use super::model::{QOp, TensorId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
	Sigmoid,
	Tanh,
}

impl Curve {
	pub fn eval(self, x: f64) -> f64 {
		match self {
			Curve::Sigmoid => 1.0 / (1.0 + (-x).exp()),
			Curve::Tanh => x.tanh(),
		}
	}

	fn radius(self) -> f64 {
		match self {
			Curve::Sigmoid => 8.0,
			Curve::Tanh => 4.0,
		}
	}
}

pub const SEGMENTS: usize = 32;
const SLOPE_FRAC: u32 = 16;

/// Build the integer op for `curve` from an input at `fx` to an output at `fo`.
pub fn piecewise_linear(curve: Curve, input: TensorId, fx: u32, fo: u32) -> QOp {
	let r = curve.radius();
	let scale_in = (2f64).powi(fx as i32);
	let acc_scale = (2f64).powi((fo + SLOPE_FRAC) as i32);
	let int = |v: f64| quantize_value(v, 0, 63);
	// Knots on the input's integer grid (coarse inputs merge neighbours); each
	// segment interpolates f between its two knots, so f is exact at the knots.
	let mut knots: Vec<i64> = (0..=SEGMENTS)
		.map(|i| int((-r + 2.0 * r * i as f64 / SEGMENTS as f64) * scale_in))
		.collect();
	knots.dedup();
	let at = |k: i64| curve.eval(k as f64 / scale_in);
	// Segment 0: x < first knot → constant f(first knot).
	let mut slopes = vec![0i64];
	let mut intercepts = vec![int(at(knots[0]) * acc_scale)];
	for (i, &k) in knots.iter().enumerate() {
		let (slope, intercept) = match knots.get(i + 1) {
			Some(&next) => {
				// In real units: y = s·x + c on [k, next).
				let (a, b) = (k as f64 / scale_in, next as f64 / scale_in);
				let s = (at(next) - at(k)) / (b - a);
				(s, at(k) - s * a)
			}
			None => (0.0, at(k)), // after the last knot: constant
		};
		slopes.push(int(slope * acc_scale / scale_in));
		intercepts.push(int(intercept * acc_scale));
	}
	QOp::PiecewiseLinear {
		input,
		breakpoints: knots,
		slopes,
		intercepts,
		shift: SLOPE_FRAC,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::quant::arith::{dequantize_value, requantize};

	fn apply(op: &QOp, x: i64) -> i64 {
		let QOp::PiecewiseLinear {
			breakpoints,
			slopes,
			intercepts,
			shift,
			..
		} = op
		else {
			unreachable!()
		};
		let s = breakpoints.partition_point(|&b| b <= x);
		requantize(slopes[s] * x + intercepts[s], *shift, 16)
	}

	#[test]
	fn approximation_error_is_small() {
		for (curve, bound) in [(Curve::Sigmoid, 4e-3), (Curve::Tanh, 8e-3)] {
			for fx in [4u32, 8, 12] {
				let op = piecewise_linear(curve, 0, fx, 14);
				let mut worst: f64 = 0.0;
				for xq in -(12i64 << fx)..(12i64 << fx) {
					let x = dequantize_value(xq, fx);
					let y = dequantize_value(apply(&op, xq), 14);
					worst = worst.max((y - curve.eval(x)).abs());
				}
				assert!(worst < bound, "{curve:?} fx={fx}: error {worst}");
			}
		}
	}
}
