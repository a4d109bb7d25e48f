//! A minimal constraint-system interface the gadgets write to, with three
//! back ends sharing one allocation order:
//!
//! * [`ArkBackend`] forwards to an arkworks [`ConstraintSystemRef`] (used by
//!   [`ark_relations::gr1cs::ConstraintSynthesizer`]: arkworks' own
//!   satisfiability check, independent of ours, in the tests);
//! * [`MatrixBackend`] records the R1CS matrices directly (key generation
//!   uses them, the prover caches them per key);
//! * [`WitnessBackend`] only computes the assignment (the per-proof path: no
//!   linear combinations are built).
//!
//! Variables are indices into the full assignment `[1, public inputs..,
//! witness..]`; all public inputs are allocated before any witness variable, so
//! these indices equal arkworks' matrix column indices.

use ark_ff::{One, Zero};
use ark_relations::gr1cs::{
	ConstraintSystemRef, LinearCombination, Matrix, SynthesisError, Variable,
};

use crate::Fr;

/// Index into the full assignment.
pub type Var = usize;

/// The constant-one variable.
pub const ONE: Var = 0;

/// A linear combination `Σ coeff·var` (the constant is a multiple of [`ONE`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lc(pub Vec<(Var, Fr)>);

impl Lc {
	pub fn zero() -> Self {
		Lc(Vec::new())
	}

	pub fn var(v: Var) -> Self {
		Lc(vec![(v, Fr::one())])
	}

	pub fn constant(c: Fr) -> Self {
		if c.is_zero() {
			Lc::zero()
		} else {
			Lc(vec![(ONE, c)])
		}
	}

	pub fn add_term(&mut self, v: Var, c: Fr) {
		if !c.is_zero() {
			self.0.push((v, c));
		}
	}

	/// `self += c·other`.
	pub fn add_scaled(&mut self, other: &Lc, c: Fr) {
		if c.is_zero() {
			return;
		}
		if c.is_one() {
			self.0.extend_from_slice(&other.0);
		} else {
			self.0.extend(other.0.iter().map(|&(v, k)| (v, k * c)));
		}
	}

	pub fn scaled(&self, c: Fr) -> Lc {
		let mut out = Lc(Vec::with_capacity(self.0.len()));
		out.add_scaled(self, c);
		out
	}

	/// Sorted by variable, duplicates merged, zeros dropped.
	pub fn compact(mut self) -> Lc {
		if self.0.len() > 1 {
			self.0.sort_unstable_by_key(|t| t.0);
			let mut out: Vec<(Var, Fr)> = Vec::with_capacity(self.0.len());
			for (v, c) in self.0 {
				match out.last_mut() {
					Some(last) if last.0 == v => last.1 += c,
					_ => out.push((v, c)),
				}
			}
			out.retain(|t| !t.1.is_zero());
			self.0 = out;
		} else {
			self.0.retain(|t| !t.1.is_zero());
		}
		self
	}

	pub fn eval(&self, assignment: &[Fr]) -> Fr {
		self.0.iter().map(|&(v, c)| assignment[v] * c).sum()
	}
}

/// Where gadgets put variables and constraints.
pub trait Backend {
	/// Whether constraints are recorded. When false, gadgets skip building
	/// linear combinations and only compute witness values.
	fn records(&self) -> bool;
	/// A new public input.
	fn alloc_public(&mut self, value: Fr) -> Var;
	/// A new witness variable.
	fn alloc(&mut self, value: Fr) -> Var;
	/// `a · b = c`. Only called when [`Backend::records`] is true.
	fn enforce(&mut self, a: Lc, b: Lc, c: Lc);
	/// Number of variables so far (including [`ONE`]).
	fn num_vars(&self) -> usize;
	/// Number of constraints so far (0 for back ends that do not record).
	fn num_constraints(&self) -> usize {
		0
	}
}

/// Computes the assignment only.
pub struct WitnessBackend {
	pub assignment: Vec<Fr>,
}

impl WitnessBackend {
	pub fn new(capacity: usize) -> Self {
		let mut assignment = Vec::with_capacity(capacity);
		assignment.push(Fr::one());
		WitnessBackend { assignment }
	}
}

impl Backend for WitnessBackend {
	fn records(&self) -> bool {
		false
	}
	fn alloc_public(&mut self, value: Fr) -> Var {
		self.alloc(value)
	}
	fn alloc(&mut self, value: Fr) -> Var {
		self.assignment.push(value);
		self.assignment.len() - 1
	}
	fn enforce(&mut self, _: Lc, _: Lc, _: Lc) {}
	fn num_vars(&self) -> usize {
		self.assignment.len()
	}
}

/// Records the constraint matrices (arkworks layout) and the assignment.
#[derive(Clone, Default)]
pub struct MatrixBackend {
	pub a: Matrix<Fr>,
	pub b: Matrix<Fr>,
	pub c: Matrix<Fr>,
	pub assignment: Vec<Fr>,
	pub num_instance: usize,
}

impl MatrixBackend {
	pub fn new() -> Self {
		MatrixBackend {
			assignment: vec![Fr::one()],
			num_instance: 1,
			..Default::default()
		}
	}

	/// The index of the first unsatisfied constraint, if any.
	pub fn first_unsatisfied(&self) -> Option<usize> {
		let z = &self.assignment;
		let eval = |row: &Vec<(Fr, usize)>| -> Fr { row.iter().map(|&(c, v)| z[v] * c).sum() };
		(0..self.a.len()).find(|&i| eval(&self.a[i]) * eval(&self.b[i]) != eval(&self.c[i]))
	}
}

fn to_row(lc: Lc) -> Vec<(Fr, usize)> {
	lc.compact().0.into_iter().map(|(v, c)| (c, v)).collect()
}

impl Backend for MatrixBackend {
	fn records(&self) -> bool {
		true
	}
	fn alloc_public(&mut self, value: Fr) -> Var {
		debug_assert_eq!(
			self.assignment.len(),
			self.num_instance,
			"publics come first"
		);
		self.num_instance += 1;
		self.alloc(value)
	}
	fn alloc(&mut self, value: Fr) -> Var {
		self.assignment.push(value);
		self.assignment.len() - 1
	}
	fn enforce(&mut self, a: Lc, b: Lc, c: Lc) {
		self.a.push(to_row(a));
		self.b.push(to_row(b));
		self.c.push(to_row(c));
	}
	fn num_vars(&self) -> usize {
		self.assignment.len()
	}
	fn num_constraints(&self) -> usize {
		self.a.len()
	}
}

/// Forwards to an arkworks constraint system.
pub struct ArkBackend {
	cs: ConstraintSystemRef<Fr>,
	num_instance: usize,
	num_vars: usize,
	/// The first error arkworks reported (the trait methods cannot return one).
	pub error: Option<SynthesisError>,
}

impl ArkBackend {
	pub fn new(cs: ConstraintSystemRef<Fr>) -> Self {
		ArkBackend {
			cs,
			num_instance: 1,
			num_vars: 1,
			error: None,
		}
	}

	fn variable(&self, v: Var) -> Variable {
		if v == ONE {
			Variable::One
		} else if v < self.num_instance {
			Variable::instance(v)
		} else {
			Variable::witness(v - self.num_instance)
		}
	}

	fn ark_lc(&self, lc: Lc) -> LinearCombination<Fr> {
		LinearCombination(
			lc.compact()
				.0
				.into_iter()
				.map(|(v, c)| (c, self.variable(v)))
				.collect(),
		)
	}

	fn record<T>(&mut self, r: Result<T, SynthesisError>) -> Option<T> {
		match r {
			Ok(t) => Some(t),
			Err(e) => {
				self.error.get_or_insert(e);
				None
			}
		}
	}
}

impl Backend for ArkBackend {
	fn records(&self) -> bool {
		true
	}
	fn alloc_public(&mut self, value: Fr) -> Var {
		let r = self.cs.new_input_variable(|| Ok(value));
		self.record(r);
		self.num_instance += 1;
		self.num_vars += 1;
		self.num_vars - 1
	}
	fn alloc(&mut self, value: Fr) -> Var {
		let r = self.cs.new_witness_variable(|| Ok(value));
		self.record(r);
		self.num_vars += 1;
		self.num_vars - 1
	}
	fn enforce(&mut self, a: Lc, b: Lc, c: Lc) {
		let (a, b, c) = (self.ark_lc(a), self.ark_lc(b), self.ark_lc(c));
		let r = self.cs.enforce_r1cs_constraint(|| a, || b, || c);
		self.record(r);
	}
	fn num_vars(&self) -> usize {
		self.num_vars
	}
}
