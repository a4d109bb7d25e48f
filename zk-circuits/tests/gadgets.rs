//! The requantize, rounding-division and clip gadgets against the engine's
//! integer rules (`verity_inference::quant::arith`): the honest value
//! satisfies, its neighbours do not. At 8 bits over whole intervals; at 16 and
//! 24 bits with shifts up to 62 (exhaustive sweeps are out of reach there) on
//! sampled accumulators: the interval's ends, the first and last accumulator
//! of every quotient at the clamp edges (the first one is the rounding tie),
//! their neighbours, and seeded random ones.

mod common;

use rand::Rng;
use verity_inference::quant::arith::{requantize as engine_requantize, round_div};
use verity_zk::gadgets::avgpool::div_round;
use verity_zk::gadgets::compare::clip;
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

/// Checks the requantize gadget on `acc` against the engine (plain and with a
/// fused ReLU): the honest output holds, its neighbours and a neighbouring
/// quotient claim do not.
fn check_requantize(acc: i128, p: &Requantize, bits: u32, fused_relu: bool) {
	let q = engine_requantize(acc as i64, p.shift, bits) as i128;
	let out = if fused_relu { q.max(0) } else { q };
	assert!(
		requantize_holds(acc, p, q, out),
		"acc {acc} shift {} {p:?}",
		p.shift
	);
	for wrong in [out - 1, out + 1] {
		assert!(
			!requantize_holds(acc, p, q, wrong),
			"acc {acc} shift {}: {wrong} accepted",
			p.shift
		);
	}
	if !fused_relu && q > p.b_lo && q < p.b_hi {
		assert!(
			!requantize_holds(acc, p, q + 1, q + 1),
			"acc {acc} shift {}: trace q+1 accepted",
			p.shift
		);
		assert!(
			!requantize_holds(acc, p, q - 1, q - 1),
			"acc {acc} shift {}: trace q-1 accepted",
			p.shift
		);
	}
}

/// Accumulators worth checking in `[amin, amax]` for `shift`: the ends, zero,
/// and around each quotient `q` of interest the first accumulator rounding to
/// it (`q·2^s − 2^(s−1)`, the tie) and the last, with their neighbours; plus
/// `random` seeded ones.
fn samples(
	(amin, amax): (i128, i128),
	shift: u32,
	quotients: &[i128],
	random: usize,
	r: &mut impl Rng,
) -> Vec<i128> {
	let two_s = 1i128 << shift;
	let half = two_s / 2;
	let first = |q: i128| q * two_s - half;
	let mut v = vec![amin, amin + 1, amax - 1, amax, -1, 0, 1];
	for &q in quotients {
		for d in [-1, 0, 1] {
			v.push(first(q) + d);
			v.push(first(q + 1) - 1 + d);
		}
	}
	for _ in 0..random {
		v.push(r.gen_range(amin..=amax));
		// A tie at a random quotient of the interval.
		let q = r.gen_range(amin / two_s..=amax / two_s);
		v.push(first(q));
	}
	v.retain(|a| (amin..=amax).contains(a));
	v.sort_unstable();
	v.dedup();
	v
}

#[test]
fn requantize_at_16_and_24_bits_with_large_shifts() {
	let mut r = common::rng(40);
	// The executor's accumulators stay within 2^62 (model validation).
	let limit = 1i128 << 62;
	let mut checked = 0usize;
	for bits in [16u32, 24] {
		let (b_lo, b_hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
		for shift in [0u32, 1, 7, 16, 23, 24, 31, 38, 39, 40, 45, 52, 61, 62] {
			let scale = 1i128 << shift;
			// Accumulators of a full window, and of a few windows (capped).
			let window = (b_hi * scale).min(limit);
			let wide = (5 * b_hi * scale).min(limit);
			for (amin, amax) in [
				(-window / 2, window / 2),
				(-wide, scale.min(limit)),
				(-scale.min(limit), wide),
				(-wide, wide),
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
					let quotients = [b_lo - 1, b_lo, b_lo + 1, -1, 0, 1, b_hi - 1, b_hi, b_hi + 1];
					for acc in samples((amin, amax), shift, &quotients, 4, &mut r) {
						check_requantize(acc, &p, bits, fused_relu);
						checked += 1;
					}
				}
			}
		}
	}
	assert!(checked > 3000, "{checked}");
}

#[test]
fn rounding_division_at_24_bits() {
	let mut r = common::rng(41);
	let bits = 24u32;
	let (b_lo, b_hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
	// Pool divisors: window sizes up to 7x7 (powers of two and not).
	for c in [1i128, 2, 3, 4, 6, 8, 9, 16, 25, 49] {
		let (smin, smax) = (b_lo * c, b_hi * c);
		let mut sums = vec![smin, smin + 1, smax - 1, smax, -1, 0, 1];
		// round_div(S, c) = q for S in [c·q − c/2, c·q + (c − 1)/2] (ties up).
		for q in [b_lo, b_lo + 1, -1, 0, 1, b_hi - 1, b_hi] {
			let first = c * q - c / 2;
			let last = c * q + (c - 1) / 2;
			for d in [-1, 0, 1] {
				sums.extend([first + d, last + d]);
			}
		}
		sums.extend((0..20).map(|_| r.gen_range(smin..=smax)));
		sums.retain(|s| (smin..=smax).contains(s));
		for s in sums {
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

#[test]
fn clip_at_24_bits() {
	let bits = 24u32;
	let (b_lo, b_hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
	// Bounds inside, at and one step inside the range's ends; inputs from the
	// whole range or from a part that needs only one side.
	for (lo, hi) in [
		(b_lo, b_hi),
		(b_lo + 1, b_hi - 1),
		(-1000, 2500),
		(0, 0),
		(5, 5),
	] {
		for (xmin, xmax) in [(b_lo, b_hi), (lo, b_hi), (b_lo, hi), (lo, hi)] {
			let mut xs = vec![xmin, xmin + 1, xmax - 1, xmax, -1, 0, 1];
			for e in [lo, hi] {
				xs.extend([e - 1, e, e + 1]);
			}
			xs.retain(|x| (xmin..=xmax).contains(x));
			for x in xs {
				let y = x.clamp(lo, hi);
				for (claim, ok) in [(y, true), (y + 1, false), (y - 1, false)] {
					let mut m = MatrixBackend::new();
					let w = var(&mut m, x);
					let out = clip(&mut m, &w, xmin, xmax, lo, hi, claim);
					let holds = m.first_unsatisfied().is_none()
						&& out.lc.eval(&m.assignment) == verity_zk::gadgets::fr(claim);
					// Without a correction (the interval is inside the bounds)
					// the output is the input wire itself.
					let free = xmin >= lo && xmax <= hi;
					assert_eq!(
						holds,
						ok || free && claim == x,
						"x={x} [{lo}, {hi}] over [{xmin}, {xmax}] claim={claim}"
					);
				}
			}
		}
	}
}
