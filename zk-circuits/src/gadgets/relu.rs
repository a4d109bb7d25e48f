//! ReLU of a value that is not the output of a requantize (those fuse the ReLU
//! into the clamp, see [`super::rescale`]).

use super::compare::is_nonneg;
use super::{enforce_mul, Wire};
use crate::r1cs::Backend;

/// `y = max(x, 0)` for `x ∈ [xmin, xmax]`, `y` holding `claimed`. Cost: the
/// sign bit (`bits(range) + 1`) and one product; free if the interval decides.
pub fn relu<B: Backend>(b: &mut B, x: &Wire, xmin: i128, xmax: i128, claimed: i128) -> Wire {
	if xmin >= 0 {
		return x.clone();
	}
	if xmax <= 0 {
		return Wire::constant(0);
	}
	let s = is_nonneg(b, x, xmin, xmax);
	let y = Wire::alloc(b, claimed);
	enforce_mul(b, &s, x, &y);
	y
}
