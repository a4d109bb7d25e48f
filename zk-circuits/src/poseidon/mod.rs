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
//!
//! The native permutation runs the partial rounds in the equivalent sparse
//! form of the Poseidon paper (appendix B): the round constants of the
//! partial rounds are carried forward so each adds one scalar, and each MDS
//! multiplication is factored so that all but the last partial round multiply
//! by a matrix with one dense row and column (17 multiplications instead of
//! 81). The `sparse` module holds the derived constants; a test re-derives
//! them. The circuit ([`crate::gadgets::poseidon`]) keeps the plain form:
//! linear layers are free there.

pub(crate) mod constants;
mod sparse;

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

fn full_round(state: &mut [Fr; WIDTH], constants: &[Fr; WIDTH]) {
	for (s, c) in state.iter_mut().zip(constants) {
		*s = sbox(*s + c);
	}
	*state = mds(state);
}

/// The Poseidon permutation.
pub fn permute(state: &mut [Fr; WIDTH]) {
	let half = FULL_ROUNDS / 2;
	for constants in &constants::ROUND_CONSTANTS[..half] {
		full_round(state, constants);
	}
	for ((c, row), col) in sparse::PARTIAL_CONSTANTS
		.iter()
		.zip(&sparse::SPARSE_ROWS)
		.zip(&sparse::SPARSE_COLS)
	{
		let x0 = sbox(state[0] + c);
		state[0] = x0;
		let first = state.iter().zip(row).map(|(s, m)| *s * m).sum();
		for (s, m) in state[1..].iter_mut().zip(col) {
			*s += x0 * m;
		}
		state[0] = first;
	}
	state[0] = sbox(state[0] + sparse::PARTIAL_CONSTANTS[PARTIAL_ROUNDS - 1]);
	*state = core::array::from_fn(|i| {
		sparse::LAST_PARTIAL_MDS[i]
			.iter()
			.zip(state.iter())
			.map(|(m, s)| *m * s)
			.sum()
	});
	full_round(state, &sparse::FIRST_FULL_CONSTANTS);
	for constants in &constants::ROUND_CONSTANTS[half + PARTIAL_ROUNDS + 1..] {
		full_round(state, constants);
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

#[cfg(test)]
mod tests {
	use ark_ff::{Field, UniformRand, Zero};
	use rand::SeedableRng;

	use super::*;

	/// The permutation as specified: every round adds all constants, applies
	/// the S-box (to all elements, or to the first in a partial round) and
	/// multiplies by the MDS matrix.
	fn permute_reference(state: &mut [Fr; WIDTH]) {
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

	type Matrix = [[Fr; WIDTH]; WIDTH];

	fn mul(a: &Matrix, b: &Matrix) -> Matrix {
		core::array::from_fn(|i| {
			core::array::from_fn(|j| (0..WIDTH).map(|k| a[i][k] * b[k][j]).sum())
		})
	}

	/// Inverse of a square matrix by Gauss-Jordan elimination.
	fn invert(m: &[Vec<Fr>]) -> Vec<Vec<Fr>> {
		let n = m.len();
		let mut a: Vec<Vec<Fr>> = m
			.iter()
			.enumerate()
			.map(|(i, row)| {
				let mut r = row.clone();
				r.extend((0..n).map(|j| if i == j { Fr::from(1u64) } else { Fr::zero() }));
				r
			})
			.collect();
		for col in 0..n {
			let pivot = (col..n)
				.find(|&r| !a[r][col].is_zero())
				.expect("invertible");
			a.swap(col, pivot);
			let inv = a[col][col].inverse().expect("non-zero pivot");
			for x in a[col].iter_mut() {
				*x *= inv;
			}
			for r in 0..n {
				if r != col && !a[r][col].is_zero() {
					let f = a[r][col];
					let pivot_row = a[col].clone();
					for (x, p) in a[r].iter_mut().zip(pivot_row) {
						*x -= f * p;
					}
				}
			}
		}
		a.into_iter().map(|r| r[n..].to_vec()).collect()
	}

	/// The sparse form's constants, derived from the plain ones.
	struct Sparse {
		partial_constants: Vec<Fr>,
		first_full_constants: [Fr; WIDTH],
		rows: Vec<[Fr; WIDTH]>,
		cols: Vec<[Fr; WIDTH - 1]>,
		last: Matrix,
	}

	fn derive() -> Sparse {
		let half = FULL_ROUNDS / 2;
		let m: Matrix = constants::MDS;
		// 1. Constants: S0(s + c) = S0(s + c0·e0) + (0, c1..), and M·(0, c1..)
		//    joins the next round's constants.
		let mut carry = [Fr::zero(); WIDTH];
		let mut partial_constants = Vec::new();
		for round in half..half + PARTIAL_ROUNDS {
			let c: [Fr; WIDTH] =
				core::array::from_fn(|i| constants::ROUND_CONSTANTS[round][i] + carry[i]);
			partial_constants.push(c[0]);
			carry = core::array::from_fn(|i| (1..WIDTH).map(|j| m[i][j] * c[j]).sum());
		}
		let first_full_constants = core::array::from_fn(|i| {
			constants::ROUND_CONSTANTS[half + PARTIAL_ROUNDS][i] + carry[i]
		});
		// 2. Matrices: A = M'·M'' with M' = diag(1, Â) (commutes with the next
		//    round's S-box on element 0, so it moves into the next round's
		//    matrix) and M'' = [[a00, a_row], [Â⁻¹·a_col, I]].
		let mut acc = m;
		let (mut rows, mut cols) = (Vec::new(), Vec::new());
		for _ in 0..PARTIAL_ROUNDS - 1 {
			let hat: Vec<Vec<Fr>> = (1..WIDTH).map(|i| acc[i][1..].to_vec()).collect();
			let hat_inv = invert(&hat);
			rows.push(acc[0]);
			cols.push(core::array::from_fn(|i| {
				(0..WIDTH - 1).map(|k| hat_inv[i][k] * acc[k + 1][0]).sum()
			}));
			let mut prime = [[Fr::zero(); WIDTH]; WIDTH];
			prime[0][0] = Fr::from(1u64);
			for i in 1..WIDTH {
				prime[i][1..].copy_from_slice(&hat[i - 1]);
			}
			acc = mul(&m, &prime);
		}
		Sparse {
			partial_constants,
			first_full_constants,
			rows,
			cols,
			last: acc,
		}
	}

	fn render(name: &str, ty: &str, values: &[Fr], per_line: usize) -> String {
		let mut out = format!("pub(crate) static {name}: {ty} = [\n");
		for chunk in values.chunks(per_line) {
			if per_line > 1 {
				out += "\t[\n";
			}
			for v in chunk {
				let indent = if per_line > 1 { "\t\t" } else { "\t" };
				out += &format!("{indent}MontFp!(\"{v}\"),\n");
			}
			if per_line > 1 {
				out += "\t],\n";
			}
		}
		out + "];\n"
	}

	fn source(s: &Sparse) -> String {
		let flat = |rows: &[[Fr; WIDTH]]| rows.iter().flatten().copied().collect::<Vec<_>>();
		let cols: Vec<Fr> = s.cols.iter().flatten().copied().collect();
		[
			"//! The sparse form of the Poseidon permutation's partial rounds (see the\n\
			 //! parent module), derived from `constants`. Generated by the test\n\
			 //! `sparse_constants_are_derived_from_the_plain_ones`\n\
			 //! (`VERITY_WRITE_POSEIDON_SPARSE=1` rewrites this file). Do not edit by hand.\n\n\
			 use ark_ff::MontFp;\n\nuse crate::Fr;\n\n"
				.to_string(),
			"/// The scalar added to element 0 in each partial round.\n".into(),
			render("PARTIAL_CONSTANTS", "[Fr; 60]", &s.partial_constants, 1),
			"\n/// The constants of the first full round after the partial rounds (with\n/// what the partial rounds carried forward).\n".into(),
			render("FIRST_FULL_CONSTANTS", "[Fr; 9]", &s.first_full_constants, 1),
			"\n/// Row 0 of each sparse matrix (all partial rounds but the last).\n".into(),
			render("SPARSE_ROWS", "[[Fr; 9]; 59]", &flat(&s.rows), WIDTH),
			"\n/// Column 0 below the diagonal of each sparse matrix.\n".into(),
			render("SPARSE_COLS", "[[Fr; 8]; 59]", &cols, WIDTH - 1),
			"\n/// The dense matrix of the last partial round.\n".into(),
			render("LAST_PARTIAL_MDS", "[[Fr; 9]; 9]", &flat(&s.last), WIDTH),
		]
		.concat()
	}

	#[test]
	fn sparse_constants_are_derived_from_the_plain_ones() {
		let derived = derive();
		let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/poseidon/sparse.rs");
		if std::env::var_os("VERITY_WRITE_POSEIDON_SPARSE").is_some() {
			std::fs::write(path, source(&derived)).unwrap();
		}
		assert_eq!(
			sparse::PARTIAL_CONSTANTS.to_vec(),
			derived.partial_constants
		);
		assert_eq!(sparse::FIRST_FULL_CONSTANTS, derived.first_full_constants);
		assert_eq!(sparse::SPARSE_ROWS.to_vec(), derived.rows);
		assert_eq!(sparse::SPARSE_COLS.to_vec(), derived.cols);
		assert_eq!(sparse::LAST_PARTIAL_MDS, derived.last);
	}

	#[test]
	fn sparse_permutation_equals_the_reference() {
		let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(9);
		for _ in 0..20 {
			let start: [Fr; WIDTH] = core::array::from_fn(|_| Fr::rand(&mut rng));
			let (mut fast, mut slow) = (start, start);
			permute(&mut fast);
			permute_reference(&mut slow);
			assert_eq!(fast, slow);
			// Twin: a different start gives a different result.
			let mut other = start;
			other[4] += Fr::from(1u64);
			permute(&mut other);
			assert_ne!(other, fast);
		}
	}
}
