//! The Poseidon sponge in R1CS, matching [`crate::poseidon::hash`]. The state is
//! kept as linear combinations: ARK and MDS are free, each S-box `x^5` costs 3
//! constraints (`x², x⁴, x⁵`), so one permutation costs `3·(8·9 + 60) = 396`.

use ark_ff::{One, Zero};

use crate::poseidon::{constants, FULL_ROUNDS, PARTIAL_ROUNDS, RATE, WIDTH};
use crate::r1cs::{Backend, Lc, ONE};
use crate::Fr;

/// A field-valued wire (Poseidon values are not small integers).
#[derive(Clone, Debug)]
pub struct FieldWire {
	pub lc: Lc,
	pub val: Fr,
}

impl FieldWire {
	pub fn constant(c: Fr) -> Self {
		FieldWire {
			lc: Lc::constant(c),
			val: c,
		}
	}
}

fn alloc<B: Backend>(b: &mut B, val: Fr) -> FieldWire {
	let v = b.alloc(val);
	FieldWire {
		lc: if b.records() { Lc::var(v) } else { Lc::zero() },
		val,
	}
}

fn square_mul<B: Backend>(b: &mut B, x: &FieldWire, y: &FieldWire) -> FieldWire {
	let z = alloc(b, x.val * y.val);
	if b.records() {
		b.enforce(x.lc.clone(), y.lc.clone(), z.lc.clone());
	}
	z
}

fn sbox<B: Backend>(b: &mut B, x: &FieldWire) -> FieldWire {
	let x2 = square_mul(b, x, x);
	let x4 = square_mul(b, &x2, &x2);
	square_mul(b, &x4, x)
}

fn permute<B: Backend>(b: &mut B, state: &mut [FieldWire; WIDTH]) {
	let half = FULL_ROUNDS / 2;
	let rec = b.records();
	for (round, rc) in constants::ROUND_CONSTANTS.iter().enumerate() {
		for (s, c) in state.iter_mut().zip(rc) {
			s.val += c;
			if rec {
				s.lc.add_term(ONE, *c);
			}
		}
		if round < half || round >= half + PARTIAL_ROUNDS {
			for s in state.iter_mut() {
				*s = sbox(b, s);
			}
		} else {
			state[0] = sbox(b, &state[0]);
		}
		let old = state.clone();
		for (s, row) in state.iter_mut().zip(constants::MDS.iter()) {
			let mut val = Fr::zero();
			let mut lc = Lc::zero();
			for (m, o) in row.iter().zip(old.iter()) {
				val += *m * o.val;
				if rec {
					lc.add_scaled(&o.lc, *m);
				}
			}
			*s = FieldWire {
				lc: if rec { lc.compact() } else { lc },
				val,
			};
		}
	}
}

/// Sponge hash with capacity `iv` of the given field wires.
pub fn hash<B: Backend>(b: &mut B, iv: Fr, elements: &[FieldWire]) -> FieldWire {
	let mut state: [FieldWire; WIDTH] = core::array::from_fn(|_| FieldWire::constant(Fr::zero()));
	state[0] = FieldWire::constant(iv);
	for chunk in elements.chunks(RATE) {
		for (s, e) in state[1..].iter_mut().zip(chunk) {
			s.val += e.val;
			if b.records() {
				s.lc.add_scaled(&e.lc, Fr::one());
			}
		}
		permute(b, &mut state);
	}
	if elements.is_empty() {
		permute(b, &mut state);
	}
	state[1].clone()
}
