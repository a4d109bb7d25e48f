//! Piecewise-linear approximations of Sigmoid and Tanh with constant breakpoints.
//!
//! The function is interpolated linearly between knots `x_i = −R + i·(2R/32)`,
//! `i = 0..=32` (Sigmoid: R = 8, Tanh: R = 4), and held constant at `f(±R)`
//! outside. Max absolute error (before output rounding): Sigmoid ≈ 3e-3,
//! Tanh ≈ 6e-3. In integers: breakpoints are `round(x_i·2^fx)` (duplicates after
//! rounding are dropped), and on each segment
//! `y = requantize(S·x + C, P)` with `S = round(slope·2^(fo+P−fx))`,
//! `C = round(intercept·2^(fo+P))`, `P = 16`.

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
    let knots: Vec<f64> = (0..=SEGMENTS).map(|i| -r + 2.0 * r * i as f64 / SEGMENTS as f64).collect();
    let scale_in = (2f64).powi(fx as i32);
    let acc_scale = (2f64).powi((fo + SLOPE_FRAC) as i32);
    let int = |v: f64| quantize_value(v, 0, 63);
    let mut breakpoints = Vec::new();
    // Segment 0: x < x_0 → constant f(−R).
    let mut slopes = vec![0i64];
    let mut intercepts = vec![int(curve.eval(knots[0]) * acc_scale)];
    for i in 0..=SEGMENTS {
        let bp = int(knots[i] * scale_in);
        // Segment after breakpoint i: interpolation on [x_i, x_{i+1}), or the
        // constant f(R) after the last knot.
        let (slope, intercept) = if i < SEGMENTS {
            let (a, b) = (knots[i], knots[i + 1]);
            let s = (curve.eval(b) - curve.eval(a)) / (b - a);
            (s, curve.eval(a) - s * a)
        } else {
            (0.0, curve.eval(knots[SEGMENTS]))
        };
        let s = int(slope * acc_scale / scale_in);
        let c = int(intercept * acc_scale);
        if breakpoints.last().is_some_and(|&last| last >= bp) {
            // Rounded onto the previous breakpoint: this segment is empty at this
            // input resolution; the later one replaces it.
            *slopes.last_mut().unwrap_or(&mut 0) = s;
            *intercepts.last_mut().unwrap_or(&mut 0) = c;
            continue;
        }
        breakpoints.push(bp);
        slopes.push(s);
        intercepts.push(c);
    }
    QOp::PiecewiseLinear {
        input,
        breakpoints,
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
            for fx in [0u32, 4, 8, 12] {
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
