//! The requantize and rounding-division gadgets against the engine's integer
//! rules (`verity_inference::quant::arith`), over whole intervals: the honest
//! value satisfies, its neighbours do not.

mod common;

use verity_inference::quant::arith::{requantize as engine_requantize, round_div};
use verity_zk::gadgets::avgpool::div_round;
use verity_zk::gadgets::rescale::{requantize, Requantize};
use verity_zk::gadgets::Wire;
use verity_zk::r1cs::{Backend, Lc, MatrixBackend};

fn var(m: &mut MatrixBackend, v: i128) -> Wire {
	let x = m.alloc(verity_zk::gadgets::fr(v));
	Wire {
		lc: Lc::var(x),
		val: v,
	}
}

/// Runs the gadget with `claimed` as the output and reports satisfiability.
fn requantize_holds(acc: i128, p: &Requantize, trace_q: i128, out: i128) -> bool {
	let mut m = MatrixBackend::new();
	let a = var(&mut m, acc);
	let y = requantize(&mut m, &a, p, trace_q, out);
	// The output wire must hold the claimed value and the system be satisfied.
	y.lc.eval(&m.assignment) == verity_zk::gadgets::fr(out) && m.first_unsatisfied().is_none()
}

#[test]
fn requantize_matches_the_engine_bit_for_bit() {
	let bits = 8u32; // a small activation width keeps the sweep exhaustive
	let (b_lo, b_hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
	for shift in [0u32, 1, 3, 6] {
		// Intervals that exercise: no clamp, below only, above only, both.
		let scale = 1i128 << shift;
		for (amin, amax) in [
			(-100, 100),
			(-700 * scale, 50),
			(-20, 900 * scale),
			(-3000 * scale, 3000 * scale),
		] {
			for fused_relu in [false, true] {
				let lo = if fused_relu { 0 } else { b_lo };
				let p = Requantize {
					amin,
					amax,
					shift,
					lo,
					hi: b_hi,
					b_lo,
					b_hi,
				};
				let step = ((amax - amin) / 400).max(1);
				let mut acc = amin;
				while acc <= amax {
					let q = engine_requantize(acc as i64, shift, bits) as i128;
					let out = if fused_relu { q.max(0) } else { q };
					assert!(
						requantize_holds(acc, &p, q, out),
						"acc {acc} shift {shift} {p:?}"
					);
					for wrong in [out - 1, out + 1] {
						assert!(
							!requantize_holds(acc, &p, q, wrong),
							"acc {acc}: {wrong} accepted"
						);
					}
					// A trace claiming a neighbouring (unclamped) quotient fails too.
					// (Unfused, the claimed quotient and output are one trace value.)
					if !fused_relu && q > b_lo && q < b_hi {
						assert!(
							!requantize_holds(acc, &p, q + 1, q + 1),
							"acc {acc}: trace q+1 accepted"
						);
					}
					acc += step;
				}
			}
		}
	}
}

#[test]
fn rounding_division_matches_the_engine() {
	for c in [1i128, 2, 3, 4, 6, 9] {
		let (smin, smax) = (-128 * c, 127 * c);
		for s in smin..=smax {
			let q = round_div(s as i64, c as i64) as i128;
			for (claim, ok) in [(q, true), (q + 1, false), (q - 1, false)] {
				let mut m = MatrixBackend::new();
				let w = var(&mut m, s);
				let y = div_round(&mut m, &w, smin, smax, c, claim);
				let holds = m.first_unsatisfied().is_none()
					&& y.lc.eval(&m.assignment) == verity_zk::gadgets::fr(claim);
				assert_eq!(
					holds,
					ok || c == 1 && claim == s,
					"S={s} c={c} claim={claim}"
				);
			}
		}
	}
}
