//! Poseidon over BLS12-381's scalar field: width 9 (capacity 1, rate 8),
//! S-box `x^5`, 8 full rounds (4 + 4) and 60 partial rounds.
//!
//! Round numbers: the Poseidon paper's security inequalities (statistical,
//! interpolation, three Gröbner-basis bounds and the 2023/537 bound) with the
//! reference script's margin (+2 full rounds, +7.5 % partial rounds) give
//! `R_F = 8, R_P = 57` for t = 9 and a 255-bit field; we use 60. Constants come
//! from the reference Grain LFSR (the `constants` module).
//!
//! The sponge: the capacity element `state[0]` starts at a domain-separation value `iv`
//! (which also encodes the message length, so no padding rule is needed); each
//! chunk of up to 8 elements is added to `state[1..9]` and followed by one
//! permutation; the digest is `state[1]`. This is exactly arkworks'
//! `PoseidonSponge` (absorb all, squeeze one) started from `state[0] = iv`,
//! which the tests check.

pub(crate) mod constants;

use crate::Fr;

/// State width.
pub const WIDTH: usize = 9;
/// Field elements absorbed per permutation.
pub const RATE: usize = 8;
pub const FULL_ROUNDS: usize = 8;
pub const PARTIAL_ROUNDS: usize = 60;

#[inline]
fn sbox(x: Fr) -> Fr {
	let x2 = x * x;
	let x4 = x2 * x2;
	x4 * x
}

fn mds(state: &[Fr; WIDTH]) -> [Fr; WIDTH] {
	let mut out = [Fr::from(0u64); WIDTH];
	for (o, row) in out.iter_mut().zip(constants::MDS.iter()) {
		for (m, s) in row.iter().zip(state) {
			*o += *m * s;
		}
	}
	out
}

/// The Poseidon permutation.
pub fn permute(state: &mut [Fr; WIDTH]) {
	let half = FULL_ROUNDS / 2;
	for (round, constants) in constants::ROUND_CONSTANTS.iter().enumerate() {
		for (s, c) in state.iter_mut().zip(constants) {
			*s += c;
		}
		if round < half || round >= half + PARTIAL_ROUNDS {
			for s in state.iter_mut() {
				*s = sbox(*s);
			}
		} else {
			state[0] = sbox(state[0]);
		}
		*state = mds(state);
	}
}

/// Sponge hash of `elements` with capacity initialised to `iv`.
pub fn hash(iv: Fr, elements: &[Fr]) -> Fr {
	let mut state = [Fr::from(0u64); WIDTH];
	state[0] = iv;
	for chunk in elements.chunks(RATE) {
		for (s, e) in state[1..].iter_mut().zip(chunk) {
			*s += e;
		}
		permute(&mut state);
	}
	if elements.is_empty() {
		permute(&mut state);
	}
	state[1]
}
