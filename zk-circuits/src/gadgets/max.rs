//! Maximum of two values (max-pool windows are folded pairwise).

use super::compare::is_nonneg;
use super::{enforce_mul, Wire};
use crate::r1cs::Backend;

/// `max(x, y)` with `x ∈ [xmin, xmax]`, `y ∈ [ymin, ymax]`; the result holds
/// `claimed`: `r − y = [x − y >= 0]·(x − y)`. Cost: `bits(x − y) + 1`.
#[allow(clippy::too_many_arguments)]
pub fn max<B: Backend>(
	b: &mut B,
	x: &Wire,
	y: &Wire,
	(xmin, xmax): (i128, i128),
	(ymin, ymax): (i128, i128),
	claimed: i128,
) -> Wire {
	let d = x.add_scaled(b, y, -1);
	let s = is_nonneg(b, &d, xmin - ymax, xmax - ymin);
	let r = Wire::alloc(b, claimed);
	enforce_mul(b, &s, &d, &r.add_scaled(b, y, -1));
	r
}
