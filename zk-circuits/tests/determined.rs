//! Adversarial-witness checks: every witness variable of the circuit is
//! *determined* — no second assignment satisfies the constraints with the same
//! public inputs (and the same committed input, see below) — for small models
//! covering every op, gadget and requantize branch at 8, 16 and 24 bits, plus
//! the example MLP, each on several inputs (the range's ends, zero, random
//! ones): determinacy is a property of an instance, checked per instance.
//!
//! Every other circuit test perturbs an honest trace and re-solves, which
//! cannot notice a missing constraint: deleting the boolean constraint on the
//! piecewise-linear one-hot flags ([`verity_zk::gadgets::pwl`]) or the
//! `s·(1 − o) = 0` row of [`verity_zk::gadgets::compare::is_nonzero`] passes
//! all of them. Here the recorded matrices ([`MatrixBackend`]) are checked
//! directly, two ways:
//!
//! * **perturbation** (necessary, weak): for every witness variable, adding 1
//!   to it (and, for a 0/1 value, flipping it) without re-solving anything
//!   leaves the system unsatisfied. This misses every ambiguity that needs two
//!   variables to change together — both deletions above among them (asserted
//!   below).
//! * **propagation** (sufficient): starting from [`ONE`], the public inputs
//!   and the model's input values, a variable is marked determined when the
//!   constraints force its value given the determined ones:
//!   - a row that is linear in it with every other variable determined (a
//!     non-zero coefficient: exactly one solution);
//!   - a bit decomposition: a row `L·(L − 1) = 0` whose undetermined variables
//!     are all boolean (each with its own `b·(b − 1) = 0` row) and weighted by
//!     distinct powers of two (or few enough to enumerate) has at most one
//!     solution, computed from the determined rest;
//!   - a one-hot group (`Σ fᵢ = 1` over boolean `fᵢ`, the piecewise-linear
//!     segment flags): every choice is propagated on a copy, and when all but
//!     one end in a contradiction (a violated row, a decomposition with no
//!     solution) the survivor is the only one;
//!   - a range argument: the rows `L·(L − 1) = 0` in which one undetermined
//!     variable `u` appears beside boolean ones bound `k·u + (determined)` to
//!     an integer interval each; when their intersection leaves one value, `u`
//!     is determined (the rounding quotient of a non-power-of-two average
//!     pool: `q` in `m` bits and `2S + c − 2c·q ∈ [0, 2c)`).
//!
//!   Each rule only concludes what the constraints imply, so an assignment
//!   that ends fully determined is the only one. The honest assignment serves
//!   as the reference solution (every derived value is checked against it).
//!   The check is conservative: a variable only some other argument would
//!   settle is reported (with its rows), never passed.
//!
//! The model's input values are private: the public inputs carry their
//! Poseidon commitment, which binds them by collision resistance, not
//! algebra, so they are given (with their range checks they pin everything).
//!
//! That the propagation check fails when a constraint is missing is tested
//! here too: the same systems with the piecewise-linear flags' boolean rows
//! deleted, with `s·(1 − o) = 0` deleted, and with `inv·(1 − o) = 0` deleted
//! (the row that pins `is_nonzero`'s inverse when `s = 0`; without it that
//! variable is free — the one undetermined variable this test found in the
//! circuit as first written) are reported undetermined.

mod common;

use std::collections::VecDeque;

use ark_ff::{BigInteger, Field, One, PrimeField, Zero};
use common::*;
use rand::Rng;
use verity_inference::quant::approx::{piecewise_linear, Curve};
use verity_inference::{IntTensor, QOp, QuantizedModel};
use verity_zk::circuit::ModelCircuit;
use verity_zk::r1cs::{MatrixBackend, ONE};
use verity_zk::Fr;

type Row = Vec<(Fr, usize)>;

// ---------------------------------------------------------------------------
// Field helpers.

/// `x` as a small signed integer (|x| < 2^120), if it is one.
fn small(x: Fr) -> Option<i128> {
	let as_int = |b: <Fr as PrimeField>::BigInt| -> Option<i128> {
		(b.num_bits() <= 120).then(|| ((b.0[1] as i128) << 64) | b.0[0] as i128)
	};
	as_int(x.into_bigint()).or_else(|| as_int((-x).into_bigint()).map(|v| -v))
}

fn fr(v: i128) -> Fr {
	verity_zk::gadgets::fr(v)
}

// ---------------------------------------------------------------------------
// The propagation checker.

/// The constraint system under analysis (rows may have been deleted).
struct System {
	a: Vec<Row>,
	b: Vec<Row>,
	c: Vec<Row>,
	/// The honest assignment: a solution, the reference.
	z: Vec<Fr>,
	num_instance: usize,
	/// Rows mentioning each variable.
	rows_of: Vec<Vec<usize>>,
	/// Rows of the form `L·(L − 1) = 0`.
	boolean_row: Vec<bool>,
	/// Variables `v` with a row `v·(v − 1) = 0`.
	bool_var: Vec<bool>,
}

#[derive(Debug)]
struct Contradiction;

type Vals = Vec<Option<Fr>>;

impl System {
	fn new(m: &MatrixBackend) -> Self {
		let n = m.assignment.len();
		let mut rows_of = vec![Vec::new(); n];
		let mut boolean_row = vec![false; m.a.len()];
		let mut bool_var = vec![false; n];
		for (i, ((a, b), c)) in m.a.iter().zip(&m.b).zip(&m.c).enumerate() {
			let mut vars: Vec<usize> = a
				.iter()
				.chain(b)
				.chain(c)
				.map(|&(_, v)| v)
				.filter(|&v| v != ONE)
				.collect();
			vars.sort_unstable();
			vars.dedup();
			for v in vars {
				rows_of[v].push(i);
			}
			// L·(L − 1) = 0: B is A with its constant lowered by one.
			let mut minus_one = a.clone();
			match minus_one.iter_mut().find(|t| t.1 == ONE) {
				Some(t) => t.0 -= Fr::one(),
				None => minus_one.insert(0, (-Fr::one(), ONE)),
			}
			minus_one.retain(|t| !t.0.is_zero());
			if c.is_empty() && !a.is_empty() && *b == minus_one {
				boolean_row[i] = true;
				if let [(k, v)] = a[..] {
					if k.is_one() && v != ONE {
						bool_var[v] = true;
					}
				}
			}
		}
		System {
			a: m.a.clone(),
			b: m.b.clone(),
			c: m.c.clone(),
			z: m.assignment.clone(),
			num_instance: m.num_instance,
			rows_of,
			boolean_row,
			bool_var,
		}
	}

	/// Known part and undetermined terms of a linear combination.
	fn split(row: &Row, vals: &Vals) -> (Fr, Vec<(usize, Fr)>) {
		let mut known = Fr::zero();
		let mut unknown = Vec::new();
		for &(k, v) in row {
			match vals[v] {
				Some(x) => known += k * x,
				None => unknown.push((v, k)),
			}
		}
		(known, unknown)
	}

	/// The variables determined by the constraints, starting from ONE, the
	/// public inputs and `given`.
	fn determine(&self, given: &[usize]) -> Vals {
		let mut vals: Vals = vec![None; self.z.len()];
		vals[ONE] = Some(Fr::one());
		for v in (1..self.num_instance).chain(given.iter().copied()) {
			vals[v] = Some(self.z[v]);
		}
		let mut queue: VecDeque<usize> = (0..self.a.len()).collect();
		loop {
			self.propagate(&mut vals, &mut queue, true)
				.expect("the honest assignment satisfies the system");
			let progress = self.split_one_hot_groups(&mut vals, &mut queue)
				|| self.ranges(&mut vals, &mut queue);
			if !progress {
				return vals;
			}
		}
	}

	fn set(
		&self,
		vals: &mut Vals,
		queue: &mut VecDeque<usize>,
		v: usize,
		x: Fr,
		reference: bool,
	) -> Result<(), Contradiction> {
		if reference {
			assert_eq!(x, self.z[v], "variable {v} derived unlike the honest value");
		}
		if self.bool_var[v] && !x.is_zero() && !x.is_one() {
			return Err(Contradiction);
		}
		vals[v] = Some(x);
		queue.extend(self.rows_of[v].iter().copied());
		Ok(())
	}

	/// Applies the linear and bit-decomposition rules until nothing changes.
	/// `reference`: the values are the honest ones (outside a hypothetical
	/// case), so every derived value is checked against the assignment.
	fn propagate(
		&self,
		vals: &mut Vals,
		queue: &mut VecDeque<usize>,
		reference: bool,
	) -> Result<(), Contradiction> {
		while let Some(i) = queue.pop_front() {
			let (a0, au) = Self::split(&self.a[i], vals);
			let (b0, bu) = Self::split(&self.b[i], vals);
			let (c0, cu) = Self::split(&self.c[i], vals);
			if au.is_empty() || bu.is_empty() {
				// Linear in the undetermined variables: Σ eff_v·v = c0 − a0·b0.
				let mut eff: Vec<(usize, Fr)> = Vec::new();
				for &(v, k) in &bu {
					eff.push((v, a0 * k));
				}
				for &(v, k) in &au {
					eff.push((v, b0 * k));
				}
				for &(v, k) in &cu {
					eff.push((v, -k));
				}
				eff.sort_unstable_by_key(|t| t.0);
				let mut merged: Vec<(usize, Fr)> = Vec::new();
				for (v, k) in eff {
					match merged.last_mut() {
						Some(last) if last.0 == v => last.1 += k,
						_ => merged.push((v, k)),
					}
				}
				merged.retain(|t| !t.1.is_zero());
				let rhs = c0 - a0 * b0;
				match merged[..] {
					[] if !rhs.is_zero() => return Err(Contradiction),
					[(v, k)] => {
						let x = rhs * k.inverse().expect("non-zero");
						self.set(vals, queue, v, x, reference)?;
					}
					_ => {}
				}
				continue;
			}
			// Both A and B have undetermined variables.
			let mut vars: Vec<usize> = au.iter().chain(&bu).chain(&cu).map(|t| t.0).collect();
			vars.sort_unstable();
			vars.dedup();
			if let [v] = vars[..] {
				// q2·v² + q1·v + q0 = 0.
				let coeff = |u: &[(usize, Fr)]| u.first().map_or(Fr::zero(), |t| t.1);
				let (av, bv, cv) = (coeff(&au), coeff(&bu), coeff(&cu));
				let (q2, q1, q0) = (av * bv, a0 * bv + av * b0 - cv, a0 * b0 - c0);
				let roots: Vec<Fr> = if self.bool_var[v] {
					[Fr::zero(), Fr::one()]
						.into_iter()
						.filter(|x| (q2 * x + q1) * x + q0 == Fr::zero())
						.collect()
				} else if q1.square() == q2 * q0 * fr(4) {
					vec![-q1 * (q2 * fr(2)).inverse().expect("q2 != 0")]
				} else {
					continue;
				};
				match roots[..] {
					[] => return Err(Contradiction),
					[x] => self.set(vals, queue, v, x, reference)?,
					_ => {}
				}
				continue;
			}
			if self.boolean_row[i] && vars.iter().all(|&v| self.bool_var[v]) {
				if let Some(bits) = self.solve_bits(a0, &au)? {
					for (v, x) in bits {
						self.set(vals, queue, v, x, reference)?;
					}
				}
			}
		}
		Ok(())
	}

	/// `l0 + Σ wᵢ·bᵢ ∈ {0, 1}` over boolean `bᵢ`: `Ok(Some(values))` if exactly
	/// one assignment solves it, `Err` if none does, `Ok(None)` if several do
	/// or the weights are of no form handled here.
	fn solve_bits(
		&self,
		l0: Fr,
		terms: &[(usize, Fr)],
	) -> Result<Option<Vec<(usize, Fr)>>, Contradiction> {
		let mut solutions = Vec::new();
		if terms.len() <= 12 {
			for mask in 0u32..1 << terms.len() {
				let l = terms
					.iter()
					.enumerate()
					.filter(|(j, _)| mask >> j & 1 == 1)
					.fold(l0, |acc, (_, t)| acc + t.1);
				if l.is_zero() || l.is_one() {
					solutions.push(
						terms
							.iter()
							.enumerate()
							.map(|(j, t)| (t.0, fr((mask >> j & 1) as i128)))
							.collect::<Vec<_>>(),
					);
				}
			}
		} else {
			// Weights sign·g·2^eᵢ with distinct eᵢ: Σ wᵢbᵢ = sign·g·N.
			let Some(ws) = terms
				.iter()
				.map(|t| small(t.1))
				.collect::<Option<Vec<i128>>>()
			else {
				return Ok(None);
			};
			let g = ws.iter().map(|w| w.abs()).min().unwrap_or(1);
			let sign = ws[0].signum();
			let mut exps = Vec::with_capacity(ws.len());
			for &w in &ws {
				let r = w.abs() / g;
				if w.signum() != sign || w.abs() % g != 0 || !(r as u128).is_power_of_two() {
					return Ok(None);
				}
				exps.push(r.trailing_zeros());
			}
			let mut sorted = exps.clone();
			sorted.sort_unstable();
			sorted.dedup();
			if sorted.len() != exps.len() {
				return Ok(None);
			}
			let allowed: u128 = exps.iter().map(|&e| 1u128 << e).sum();
			let scale = (fr(sign) * fr(g)).inverse().expect("g != 0");
			for l in [Fr::zero(), Fr::one()] {
				// N = (l − l0) / (sign·g), a non-negative integer on the bits.
				let n = (l - l0) * scale;
				let big = n.into_bigint();
				if big.num_bits() > 127 {
					continue;
				}
				let n = ((big.0[1] as u128) << 64) | big.0[0] as u128;
				if n & !allowed == 0 {
					solutions.push(
						terms
							.iter()
							.zip(&exps)
							.map(|(t, &e)| (t.0, fr((n >> e & 1) as i128)))
							.collect(),
					);
				}
			}
		}
		match solutions.len() {
			0 => Err(Contradiction),
			1 => Ok(solutions.pop()),
			_ => Ok(None),
		}
	}

	/// One-hot groups (`Σ fᵢ = 1` over undetermined boolean `fᵢ`): each choice
	/// is propagated on a copy; if exactly one survives it is committed.
	fn split_one_hot_groups(&self, vals: &mut Vals, queue: &mut VecDeque<usize>) -> bool {
		let mut progress = false;
		for i in 0..self.a.len() {
			let (b0, bu) = Self::split(&self.b[i], vals);
			let (c0, cu) = Self::split(&self.c[i], vals);
			if !bu.is_empty() || !cu.is_empty() || !c0.is_zero() || b0.is_zero() {
				continue;
			}
			let (a0, au) = Self::split(&self.a[i], vals);
			if au.len() < 2 || !au.iter().all(|&(v, k)| self.bool_var[v] && k == au[0].1) {
				continue;
			}
			// b0·(a0 + k·Σ f) = 0 → Σ f = −a0 / k.
			if -a0 * au[0].1.inverse().expect("k != 0") != Fr::one() {
				continue;
			}
			let mut survivors = Vec::new();
			for (j, _) in au.iter().enumerate() {
				let mut trial = vals.clone();
				let mut q = VecDeque::new();
				let ok = au.iter().enumerate().try_for_each(|(l, &(v, _))| {
					self.set(&mut trial, &mut q, v, fr((l == j) as i128), false)
				});
				if ok.is_ok() && self.propagate(&mut trial, &mut q, false).is_ok() {
					survivors.push(j);
				}
			}
			if let [j] = survivors[..] {
				for (l, &(v, _)) in au.iter().enumerate() {
					self.set(vals, queue, v, fr((l == j) as i128), true)
						.expect("the honest choice survives");
				}
				progress = true;
				self.propagate(vals, queue, true)
					.expect("the honest assignment satisfies the system");
			}
		}
		progress
	}

	/// The range rule (see the module docs): `L·(L − 1) = 0` rows with one
	/// undetermined non-boolean variable `u` (coefficient `k`) and boolean
	/// others bound `k·(u − u*)` to an integer interval, `u*` being the honest
	/// value; if the intervals leave only `u = u*`, `u` is determined.
	fn ranges(&self, vals: &mut Vals, queue: &mut VecDeque<usize>) -> bool {
		// u → [(k, lowest, highest value of k·(u − u*))]
		let mut bounds: std::collections::BTreeMap<usize, Vec<(i128, i128, i128)>> =
			Default::default();
		for i in 0..self.a.len() {
			if !self.boolean_row[i] {
				continue;
			}
			let (l0, terms) = Self::split(&self.a[i], vals);
			let free: Vec<&(usize, Fr)> = terms.iter().filter(|t| !self.bool_var[t.0]).collect();
			let [&(u, k)] = free[..] else {
				continue;
			};
			let Some(k) = small(k) else {
				continue;
			};
			// X = l0 + k·u = L − Σ wᵢbᵢ ∈ [−Σ_{w>0} w, 1 − Σ_{w<0} w].
			let (mut lo, mut hi) = (0i128, 1i128);
			let mut ok = true;
			for &(v, w) in &terms {
				if v == u {
					continue;
				}
				match small(w) {
					Some(w) if w > 0 => lo -= w,
					Some(w) => hi -= w,
					None => ok = false,
				}
			}
			let Some(x_star) = small(l0 + fr(k) * self.z[u]) else {
				continue;
			};
			if ok {
				bounds
					.entry(u)
					.or_default()
					.push((k, lo - x_star, hi - x_star));
			}
		}
		let mut progress = false;
		for (u, list) in bounds {
			let kb = list.iter().map(|t| t.0.abs()).min().unwrap_or(0);
			if kb == 0 {
				continue;
			}
			// t = kb·(u − u*), an integer; k = r·kb gives r·t ∈ [lo, hi].
			let (mut tlo, mut thi) = (i128::MIN, i128::MAX);
			for &(k, lo, hi) in &list {
				if k % kb != 0 {
					continue;
				}
				let r = k / kb;
				let (a, b) = if r > 0 { (lo, hi) } else { (-hi, -lo) };
				let r = r.abs();
				tlo = tlo.max(a.div_euclid(r) + (a.rem_euclid(r) != 0) as i128);
				thi = thi.min(b.div_euclid(r));
			}
			if tlo == 0 && thi == 0 {
				self.set(vals, queue, u, self.z[u], true).expect("honest");
				progress = true;
			}
		}
		if progress {
			self.propagate(vals, queue, true)
				.expect("the honest assignment satisfies the system");
		}
		progress
	}
}

// ---------------------------------------------------------------------------
// Instances.

struct Instance {
	m: MatrixBackend,
	/// The variables holding the model's input values (committed, given).
	given: Vec<usize>,
}

fn instance(model: &QuantizedModel, inputs: &[IntTensor]) -> Instance {
	let trace = model.run_traced(inputs).unwrap();
	let publics = public_inputs(model, inputs, &trace, &binding(5, 6));
	let circuit = ModelCircuit {
		model,
		trace: std::borrow::Cow::Owned(trace),
		public_inputs: publics,
	};
	let mut m = MatrixBackend::new();
	circuit.synthesize(&mut m).unwrap();
	assert_eq!(m.first_unsatisfied(), None);
	// Each input value is one variable followed by its act_bits − 1 range bits.
	let bits = model.act_bits as usize;
	let values: Vec<i64> = inputs.iter().flat_map(|t| t.data.clone()).collect();
	let given: Vec<usize> = (0..values.len())
		.map(|i| m.num_instance + i * bits)
		.collect();
	for (&v, &x) in given.iter().zip(&values) {
		assert_eq!(m.assignment[v], fr(x as i128), "input variable layout");
	}
	Instance { m, given }
}

/// The witness variables the propagation leaves undetermined.
fn undetermined(m: &MatrixBackend, given: &[usize]) -> Vec<usize> {
	let vals = System::new(m).determine(given);
	(m.num_instance..m.assignment.len())
		.filter(|&v| vals[v].is_none())
		.collect()
}

/// The witness variables a lone change of which (+1, or a flip of a 0/1
/// value) leaves the system satisfied. `literal`: ask
/// [`MatrixBackend::first_unsatisfied`] each time; otherwise evaluate only the
/// rows mentioning the variable (the same answer, since the rest stay
/// satisfied; `the_fast_perturbation_check_is_the_literal_one` compares them).
fn unpinned(m: &mut MatrixBackend, literal: bool) -> Vec<usize> {
	let rows_of = System::new(m).rows_of;
	let mut out = Vec::new();
	for (v, rows) in rows_of.iter().enumerate().skip(m.num_instance) {
		let x = m.assignment[v];
		let mut changes = vec![x + Fr::one()];
		if x.is_zero() || x.is_one() {
			changes.push(Fr::one() - x);
		}
		for y in changes {
			m.assignment[v] = y;
			let satisfied = if literal {
				m.first_unsatisfied().is_none()
			} else {
				let z = &m.assignment;
				let eval = |row: &Row| -> Fr { row.iter().map(|&(c, u)| z[u] * c).sum() };
				rows.iter()
					.all(|&i| eval(&m.a[i]) * eval(&m.b[i]) == eval(&m.c[i]))
			};
			if satisfied && out.last() != Some(&v) {
				out.push(v);
			}
		}
		m.assignment[v] = x;
	}
	out
}

/// Where `v` appears, for failure messages.
fn describe(m: &MatrixBackend, vars: &[usize]) -> String {
	let mut out = String::new();
	for &v in vars.iter().take(8) {
		let rows: Vec<usize> = (0..m.a.len())
			.filter(|&i| {
				m.a[i]
					.iter()
					.chain(&m.b[i])
					.chain(&m.c[i])
					.any(|t| t.1 == v)
			})
			.take(4)
			.collect();
		out += &format!(
			"\n  variable {v} = {:?}, in rows {rows:?}",
			small(m.assignment[v])
		);
	}
	out
}

// ---------------------------------------------------------------------------
// Models: every op, every requantize branch, 8-, 16- and 24-bit.

/// Requantize branches at 16 bits: clamp below only, above only with one and
/// with two block flags (the latter an `is_nonzero`), none (shift 0: the
/// pinned quotient), both with a fused ReLU, and a Sum.
fn clamp_model() -> QuantizedModel {
	let mut b = Builder::new(vec![1, 4]);
	let ca = b.op(
		QOp::ChannelAffine {
			input: 0,
			multipliers: vec![1, 1, 2, 1],
			biases: vec![-32768, 32768, 65536, 0],
			shift: 0,
		},
		vec![1, 4],
	);
	let wide = b.op(
		QOp::ChannelAffine {
			input: 0,
			multipliers: vec![100, -100, 7, 1],
			biases: vec![0, 5, -3, 0],
			shift: 3,
		},
		vec![1, 4],
	);
	let relu = b.op(QOp::Relu { input: wide }, vec![1, 4]);
	let sum = b.op(
		QOp::Sum {
			inputs: vec![0, ca],
			multipliers: vec![3, -1],
			shift: 1,
		},
		vec![1, 4],
	);
	// `ca` is read by `sum` only: its clamp is not a public output.
	b.done(&[relu, sum])
}

/// 24-bit activations: shifts 36 (clamping both ways) and 44 (a 44-bit
/// remainder), a sigmoid, a leaky ReLU and a clip.
fn model_24(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::with_bits(24, vec![1, 3]);
	let big = 1i64 << 37;
	let l1 = b.op(
		QOp::Linear {
			input: 0,
			weight: ints(vec![2, 3], r, -big, big),
			weight_frac_bits: 8,
			bias: vec![0, 1],
			shift: 36,
		},
		vec![1, 2],
	);
	let l2 = b.op(
		QOp::Linear {
			input: 0,
			weight: ints(vec![2, 3], r, -(1 << 16), 1 << 16),
			weight_frac_bits: 8,
			bias: vec![7, -7],
			shift: 44,
		},
		vec![1, 2],
	);
	let sg = b.op(piecewise_linear(Curve::Sigmoid, l1, 20, 22), vec![1, 2]);
	let lr = b.op(
		QOp::LeakyRelu {
			input: l2,
			multiplier: 13,
			shift: 7,
		},
		vec![1, 2],
	);
	let cl = b.op(
		QOp::Clip {
			input: l1,
			min: -(1 << 20),
			max: 1 << 21,
		},
		vec![1, 2],
	);
	b.done(&[sg, lr, cl])
}

/// 8-bit: conv with a fused ReLU, max pool, average pool with divisors 4, 6
/// and 9, flatten, linear, tanh.
fn model_8(r: &mut impl Rng) -> QuantizedModel {
	let mut b = Builder::with_bits(8, vec![1, 1, 4, 4]);
	let c = b.op(
		QOp::Conv2d {
			input: 0,
			weight: ints(vec![2, 1, 3, 3], r, -100, 100),
			weight_frac_bits: 6,
			bias: vec![3, -3],
			strides: [1, 1],
			pads: [1, 1, 1, 1],
			dilations: [1, 1],
			group: 1,
			shift: 6,
		},
		vec![1, 2, 4, 4],
	);
	let relu = b.op(QOp::Relu { input: c }, vec![1, 2, 4, 4]);
	let mp = b.op(
		QOp::MaxPool {
			input: relu,
			kernel: [2, 2],
			strides: [1, 1],
			pads: [0, 0, 0, 0],
			dilations: [1, 1],
		},
		vec![1, 2, 3, 3],
	);
	let ap = b.op(
		QOp::AvgPool {
			input: mp,
			kernel: [3, 3],
			strides: [1, 1],
			pads: [1, 1, 1, 1],
			count_include_pad: false,
		},
		vec![1, 2, 3, 3],
	);
	let flat = b.op(QOp::Reshape { input: ap }, vec![1, 18]);
	let l = b.op(
		QOp::Linear {
			input: flat,
			weight: ints(vec![3, 18], r, -60, 60),
			weight_frac_bits: 6,
			bias: vec![0, 1, 2],
			shift: 5,
		},
		vec![1, 3],
	);
	let th = b.op(piecewise_linear(Curve::Tanh, l, 4, 6), vec![1, 3]);
	b.done(&[th, l])
}

fn models() -> Vec<(&'static str, QuantizedModel)> {
	let mut r = rng(50);
	vec![
		("conv", conv_model(&mut r)),
		("elementwise", elementwise_model(&mut r)),
		("matmul", matmul_model(&mut r)),
		("wide (committed output)", wide_model(&mut r)),
		("clamps", clamp_model()),
		("24-bit", model_24(&mut r)),
		("8-bit", model_8(&mut r)),
		("mlp_digits8", example("mlp_digits8")),
	]
}

/// Inputs for `model`: the range's ends, zero, and random ones.
fn inputs_for(model: &QuantizedModel, r: &mut impl Rng, random: usize) -> Vec<Vec<IntTensor>> {
	let half = 1i64 << (model.act_bits - 1);
	let filled = |v: i64| -> Vec<IntTensor> {
		model
			.inputs
			.iter()
			.map(|i| {
				let shape = model.tensors[i.tensor].shape.clone();
				let n = shape.iter().product();
				IntTensor {
					shape,
					data: vec![v; n],
				}
			})
			.collect()
	};
	let mut all = vec![filled(-half), filled(half - 1), filled(0)];
	all.extend((0..random).map(|_| random_inputs(model, r)));
	all
}

// ---------------------------------------------------------------------------
// Tests.

#[test]
fn no_witness_variable_can_change_alone() {
	let mut r = rng(51);
	for (name, model) in models() {
		for inputs in inputs_for(&model, &mut r, 2) {
			let mut inst = instance(&model, &inputs);
			let free = unpinned(&mut inst.m, false);
			assert!(
				free.is_empty(),
				"{name}: {} witness variables change alone:{}",
				free.len(),
				describe(&inst.m, &free)
			);
		}
	}
}

#[test]
fn every_witness_variable_is_determined_by_the_public_inputs() {
	let mut r = rng(52);
	for (name, model) in models() {
		for inputs in inputs_for(&model, &mut r, 3) {
			let inst = instance(&model, &inputs);
			let open = undetermined(&inst.m, &inst.given);
			assert!(
				open.is_empty(),
				"{name}: {} of {} witness variables undetermined:{}",
				open.len(),
				inst.m.assignment.len() - inst.m.num_instance,
				describe(&inst.m, &open)
			);
		}
	}
}

/// `m` without the rows `drop` picks.
fn without(m: &MatrixBackend, drop: impl Fn(usize) -> bool) -> (MatrixBackend, usize) {
	let mut out = m.clone();
	let keep: Vec<usize> = (0..m.a.len()).filter(|&i| !drop(i)).collect();
	let removed = m.a.len() - keep.len();
	out.a = keep.iter().map(|&i| m.a[i].clone()).collect();
	out.b = keep.iter().map(|&i| m.b[i].clone()).collect();
	out.c = keep.iter().map(|&i| m.c[i].clone()).collect();
	(out, removed)
}

fn one_minus(row: &Row) -> Option<usize> {
	match row[..] {
		[(one, ONE), (minus, o)] if one.is_one() && minus == -Fr::one() => Some(o),
		_ => None,
	}
}

#[test]
fn a_missing_pwl_boolean_constraint_is_found() {
	let model = elementwise_model(&mut rng(53));
	let inst = instance(&model, &inputs_for(&model, &mut rng(54), 1)[3]);
	let sys = System::new(&inst.m);
	// The one-hot rows `Σ fᵢ − 1 = 0` over boolean flags, and the flags.
	let mut flags = Vec::new();
	for i in 0..inst.m.a.len() {
		let a = &inst.m.a[i];
		let one_hot = inst.m.b[i] == vec![(Fr::one(), ONE)]
			&& inst.m.c[i].is_empty()
			&& a.len() > 2
			&& a[0] == (-Fr::one(), ONE)
			&& a[1..].iter().all(|&(k, v)| k.is_one() && sys.bool_var[v]);
		if one_hot {
			flags.extend(a[1..].iter().map(|t| t.1));
		}
	}
	// Eight piecewise-linear elements (a sigmoid and a tanh of four).
	assert!(flags.len() >= 8 * 2, "{} flags", flags.len());
	let is_flag_bool_row = |i: usize| match inst.m.a[i][..] {
		[(k, v)] => k.is_one() && sys.boolean_row[i] && flags.contains(&v),
		_ => false,
	};
	let (weak, removed) = without(&inst.m, is_flag_bool_row);
	assert_eq!(removed, flags.len());
	// Still satisfied, and no flag can change alone (the one-hot row): the
	// perturbation check does not notice.
	assert_eq!(weak.first_unsatisfied(), None);
	assert_eq!(unpinned(&mut weak.clone(), false), Vec::<usize>::new());
	// The propagation check does: the flags are undetermined.
	let open = undetermined(&weak, &inst.given);
	assert!(
		flags.iter().all(|f| open.contains(f)),
		"flags determined without their boolean rows"
	);
	// Twin: the complete system is fully determined.
	assert_eq!(undetermined(&inst.m, &inst.given), Vec::<usize>::new());
}

#[test]
fn a_missing_is_nonzero_row_is_found() {
	let model = clamp_model();
	// (the first op's is_nonzero seen with s ≠ 0, any seen with s = 0)
	let mut seen = (false, false);
	for inputs in inputs_for(&model, &mut rng(55), 2) {
		let inst = instance(&model, &inputs);
		let m = &inst.m;
		// is_nonzero: s·inv = o, s·(1 − o) = 0, inv·(1 − o) = 0.
		let mut s_rows = Vec::new();
		let mut inv_rows = Vec::new();
		// (inv, o)
		let mut pairs = Vec::new();
		for i in 0..m.a.len() {
			let Some(o) = one_minus(&m.b[i]) else {
				continue;
			};
			if !m.c[i].is_empty() {
				continue;
			}
			match m.a[i][..] {
				[(k, inv)] if k.is_one() => {
					inv_rows.push(i);
					pairs.push((inv, o));
				}
				_ => s_rows.push(i),
			}
		}
		assert!(!s_rows.is_empty() && s_rows.len() == inv_rows.len());
		let is = |v: usize, x: i128| m.assignment[v] == fr(x);
		seen.1 |= pairs.iter().any(|&(_, o)| is(o, 0));
		// Twin: complete, everything is determined.
		assert_eq!(undetermined(m, &inst.given), Vec::<usize>::new());

		// Without s·(1 − o) = 0, o = 1 (s ≠ 0) has the twin o = 0, inv = 0.
		// The first is_nonzero is the first op's (channel 2), whose clamp only
		// `sum` reads. (Where the clamped value is itself a public output, as
		// `relu` is, that output still pins o.)
		let (weak, _) = without(m, |i| s_rows.contains(&i));
		assert_eq!(weak.first_unsatisfied(), None);
		assert_eq!(unpinned(&mut weak.clone(), false), Vec::<usize>::new());
		let open = undetermined(&weak, &inst.given);
		let (_, o) = pairs[0];
		if is(o, 1) {
			seen.0 = true;
			assert!(open.contains(&o), "o {o} determined: {open:?}");
		}

		// Without inv·(1 − o) = 0, inv is free when s = 0; here the
		// perturbation check notices too (inv + 1 changes nothing).
		let (weak, _) = without(m, |i| inv_rows.contains(&i));
		assert_eq!(weak.first_unsatisfied(), None);
		let open = undetermined(&weak, &inst.given);
		let alone = unpinned(&mut weak.clone(), false);
		for &(inv, o) in &pairs {
			if is(o, 0) {
				assert!(open.contains(&inv), "inv {inv} determined");
				assert!(alone.contains(&inv), "inv {inv} pinned");
			}
		}
	}
	assert_eq!(seen, (true, true));
}

#[test]
fn the_fast_perturbation_check_is_the_literal_one() {
	let mut r = rng(56);
	for model in [clamp_model(), matmul_model(&mut r)] {
		let inputs = inputs_for(&model, &mut r, 1).pop().unwrap();
		let inst = instance(&model, &inputs);
		// The complete system, and one missing every boolean row (so that
		// many variables can change alone).
		let boolean = System::new(&inst.m).boolean_row;
		let (weak, _) = without(&inst.m, |i| boolean[i]);
		for (mut m, complete) in [(inst.m.clone(), true), (weak, false)] {
			let fast = unpinned(&mut m.clone(), false);
			assert_eq!(fast.is_empty(), complete);
			assert_eq!(fast, unpinned(&mut m, true));
		}
	}
}
