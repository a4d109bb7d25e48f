//! Products of two computed values.

use super::{enforce_mul, Wire};
use crate::r1cs::Backend;

/// `x·y` as a new variable. Cost: 1 constraint.
pub fn mul<B: Backend>(b: &mut B, x: &Wire, y: &Wire) -> Wire {
	let z = Wire::alloc(b, x.val * y.val);
	enforce_mul(b, x, y, &z);
	z
}
