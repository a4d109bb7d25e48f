//! The circuit compiler: one pass over a [`QuantizedModel`]'s ops that turns
//! each [`QOp`] into gadgets, with the engine's [`Trace`] as the witness
//! source. The same pass runs on three back ends (see [`crate::r1cs`]): the
//! arkworks [`ConstraintSynthesizer`] below (independent checks), the matrix
//! recorder that setup and the prover use, and the witness-only back end used
//! per proof.
//!
//! Invariants the soundness argument rests on:
//! * every tensor value in the circuit is proven to lie in the model's signed
//!   `b`-bit range: inputs by a `b`-bit decomposition, computed values by the
//!   clamp of their requantize (or because they select / average such values);
//! * every accumulator is a linear combination of such values with the
//!   model's integer constants, so `|acc| < 2^63 ≪ p` (model validation) and
//!   its decomposition cannot wrap around the field;
//! * each decomposition width comes from interval analysis over these proven
//!   ranges, so an honest trace always fits.

mod ops;

use std::borrow::Cow;

use ark_ff::One;
use ark_relations::gr1cs::{ConstraintSynthesizer, ConstraintSystemRef, SynthesisError};
use verity_inference::{IntTensor, QOp, QuantizedModel, Trace};

use crate::gadgets::poseidon::{self as poseidon_gadget, FieldWire};
use crate::gadgets::range::decompose;
use crate::gadgets::{fr, Wire};
use crate::r1cs::{ArkBackend, Backend, Lc, Var};
use crate::statement::{sponge_iv, StatementLayout, DOMAIN_INPUT, INPUT_COMMITMENT_INDEX};
use crate::{Error, Fr, Result};

/// The statement layout of a model.
pub fn layout(model: &QuantizedModel) -> Result<StatementLayout> {
	let count = |ids: &mut dyn Iterator<Item = usize>| -> usize {
		ids.map(|t| {
			model
				.tensors
				.get(t)
				.map_or(0, |s| s.shape.iter().product::<usize>())
		})
		.sum()
	};
	let input_len = count(&mut model.inputs.iter().map(|i| i.tensor));
	let output_len = count(&mut model.outputs.iter().map(|o| o.tensor));
	let layout = StatementLayout {
		act_bits: model.act_bits,
		input_len: u32::try_from(input_len)
			.map_err(|_| Error::Unsupported("input too large".into()))?,
		output_len: u32::try_from(output_len)
			.map_err(|_| Error::Unsupported("output too large".into()))?,
		boundary_output: model.boundary_outputs,
	};
	layout
		.check()
		.map_err(|e| Error::Unsupported(e.to_string()))?;
	Ok(layout)
}

/// The trace of the all-zero input: a valid witness source for setup (where
/// only the constraint structure matters).
pub fn zero_trace(model: &QuantizedModel) -> Result<Trace> {
	let inputs: Vec<IntTensor> = model
		.inputs
		.iter()
		.map(|i| {
			let shape = model.tensors[i.tensor].shape.clone();
			let n = shape.iter().product();
			IntTensor {
				shape,
				data: vec![0; n],
			}
		})
		.collect();
	model
		.run_traced(&inputs)
		.map_err(|e| Error::Witness(e.to_string()))
}

/// A model compiled to R1CS, with its witness source. `public_inputs` are the
/// statement's ([`StatementLayout::public_inputs`]).
pub struct ModelCircuit<'a> {
	pub model: &'a QuantizedModel,
	pub trace: Cow<'a, Trace>,
	pub public_inputs: Vec<Fr>,
}

impl<'a> ModelCircuit<'a> {
	/// The circuit with a placeholder witness (the zero input), for setup.
	pub fn for_setup(model: &'a QuantizedModel) -> Result<Self> {
		let layout = layout(model)?;
		Ok(ModelCircuit {
			model,
			trace: Cow::Owned(zero_trace(model)?),
			public_inputs: vec![Fr::from(0u64); layout.num_public_inputs()],
		})
	}

	/// Runs the compiler on `backend`.
	pub fn synthesize<B: Backend>(&self, backend: &mut B) -> Result<()> {
		synthesize(self.model, &self.trace, &self.public_inputs, backend).map(|_| ())
	}
}

impl ConstraintSynthesizer<Fr> for ModelCircuit<'_> {
	fn generate_constraints(self, cs: ConstraintSystemRef<Fr>) -> Result<(), SynthesisError> {
		let mut backend = ArkBackend::new(cs);
		// Unsupported models are rejected before synthesis by `setup`; here an
		// error can only be reported as arkworks' generic one.
		self.synthesize(&mut backend)
			.map_err(|_| SynthesisError::Unsatisfiable)?;
		match backend.error {
			Some(e) => Err(e),
			None => Ok(()),
		}
	}
}

/// Per-pass state: the wires and proven interval of every tensor.
pub(crate) struct Ctx<'t> {
	pub trace: &'t Trace,
	pub wires: Vec<Vec<Wire>>,
	pub ranges: Vec<(i128, i128)>,
	/// `fused[t] = Some(r)`: tensor `t` is only read by the ReLU producing `r`,
	/// so `t`'s requantize clamps straight to `[0, hi]` and fills `r`.
	pub fused: Vec<Option<usize>>,
	pub b_lo: i128,
	pub b_hi: i128,
	pub bits: u32,
}

impl Ctx<'_> {
	pub fn trace_value(&self, t: usize, i: usize) -> i128 {
		self.trace.tensors[t].data[i] as i128
	}
}

/// Tensors whose only reader is a ReLU, produced by an op ending in a requantize.
pub(crate) fn relu_fusion(model: &QuantizedModel) -> Vec<Option<usize>> {
	let n = model.tensors.len();
	let mut readers = vec![0usize; n];
	for node in &model.ops {
		for t in node.op.inputs() {
			readers[t] += 1;
		}
	}
	for o in &model.outputs {
		readers[o.tensor] += 1;
	}
	let mut fused = vec![None; n];
	for (j, node) in model.ops.iter().enumerate() {
		if let QOp::Relu { input } = node.op {
			let producer = input
				.checked_sub(model.inputs.len())
				.map(|p| &model.ops[p].op);
			let requantizes = matches!(
				producer,
				Some(
					QOp::Linear { .. }
						| QOp::Conv2d { .. }
						| QOp::MatMul { .. }
						| QOp::Sum { .. } | QOp::Mul { .. }
						| QOp::ChannelAffine { .. }
				)
			);
			if requantizes && readers[input] == 1 {
				fused[input] = Some(model.op_output(j));
			}
		}
	}
	fused
}

fn check_trace(model: &QuantizedModel, trace: &Trace) -> Result<()> {
	if trace.tensors.len() != model.tensors.len() {
		return Err(Error::Witness(format!(
			"the trace has {} tensors, the model {}",
			trace.tensors.len(),
			model.tensors.len()
		)));
	}
	for (t, (tensor, spec)) in trace.tensors.iter().zip(&model.tensors).enumerate() {
		let n: usize = spec.shape.iter().product();
		if tensor.data.len() != n {
			return Err(Error::Witness(format!(
				"trace tensor {t} has {} values, expected {n}",
				tensor.data.len()
			)));
		}
	}
	Ok(())
}

/// Packs wires into field elements (`k` per element, offset to unsigned) — the
/// in-circuit twin of [`StatementLayout::pack`].
fn pack<B: Backend>(b: &B, layout: &StatementLayout, wires: &[&Wire]) -> Vec<FieldWire> {
	let bits = layout.act_bits;
	let half = 1i128 << (bits - 1);
	let shift = Fr::from(2u64).pow([bits as u64]);
	wires
		.chunks(layout.values_per_element())
		.map(|chunk| {
			let mut lc = Lc::zero();
			let mut val = Fr::from(0u64);
			let mut weight = Fr::one();
			for w in chunk {
				val += weight * fr(w.val + half);
				if b.records() {
					lc.add_scaled(&w.lc, weight);
					lc.add_term(crate::r1cs::ONE, weight * fr(half));
				}
				weight *= shift;
			}
			FieldWire {
				lc: if b.records() { lc.compact() } else { lc },
				val,
			}
		})
		.collect()
}

use ark_ff::Field;

fn enforce_public<B: Backend>(b: &mut B, x: &FieldWire, public: Var) {
	if b.records() {
		let mut lc = x.lc.clone();
		lc.add_term(public, -Fr::one());
		b.enforce(lc, Lc::constant(Fr::one()), Lc::zero());
	}
}

/// Constraints per part of the circuit: input range checks, the input
/// commitment, each op (by name), the output binding.
pub fn cost_report(model: &QuantizedModel) -> Result<Vec<(String, usize)>> {
	let circuit = ModelCircuit::for_setup(model)?;
	let mut m = crate::r1cs::MatrixBackend::new();
	synthesize(model, &circuit.trace, &circuit.public_inputs, &mut m)
}

/// The compiler pass. See the module docs. Returns the constraints each part
/// added (zeros on back ends that do not record).
pub(crate) fn synthesize<B: Backend>(
	model: &QuantizedModel,
	trace: &Trace,
	publics: &[Fr],
	b: &mut B,
) -> Result<Vec<(String, usize)>> {
	let mut report = Vec::new();
	let mut mark = 0usize;
	let mut note = |b: &B, what: String| {
		let n = b.num_constraints();
		report.push((what, n - mark));
		mark = n;
	};
	let layout = layout(model)?;
	if publics.len() != layout.num_public_inputs() {
		return Err(Error::Witness(format!(
			"{} public inputs, the model's statement has {}",
			publics.len(),
			layout.num_public_inputs()
		)));
	}
	check_trace(model, trace)?;
	let public_vars: Vec<Var> = publics.iter().map(|x| b.alloc_public(*x)).collect();

	let bits = model.act_bits;
	let (b_lo, b_hi) = (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1);
	let mut ctx = Ctx {
		trace,
		wires: vec![Vec::new(); model.tensors.len()],
		ranges: vec![(b_lo, b_hi); model.tensors.len()],
		fused: relu_fusion(model),
		b_lo,
		b_hi,
		bits,
	};

	// Inputs: one variable per value, range-checked to b bits (this is also
	// what makes the packed commitment injective).
	for input in &model.inputs {
		let t = input.tensor;
		let wires: Vec<Wire> = trace.tensors[t]
			.data
			.iter()
			.map(|&v| {
				let x = Wire::alloc(b, v as i128);
				decompose(b, &x, b_lo, bits);
				x
			})
			.collect();
		ctx.wires[t] = wires;
	}
	note(b, format!("inputs: {}-bit range checks", bits));
	let inputs: Vec<&Wire> = model
		.inputs
		.iter()
		.flat_map(|i| ctx.wires[i.tensor].iter())
		.collect();
	let packed = pack(b, &layout, &inputs);
	let commitment = poseidon_gadget::hash(b, sponge_iv(DOMAIN_INPUT, bits, inputs.len()), &packed);
	enforce_public(b, &commitment, public_vars[INPUT_COMMITMENT_INDEX]);
	note(b, "input commitment (Poseidon)".into());

	for (j, node) in model.ops.iter().enumerate() {
		let out = model.op_output(j);
		ops::compile_op(b, model, &mut ctx, &node.op, out)
			.map_err(|e| prefix(e, &format!("op {j} '{}' ({})", node.name, node.op.kind())))?;
		note(b, format!("{} ({})", node.name, node.op.kind()));
	}

	let outputs: Vec<&Wire> = model
		.outputs
		.iter()
		.flat_map(|o| ctx.wires[o.tensor].iter())
		.collect();
	let first_output = INPUT_COMMITMENT_INDEX + 1;
	if layout.output_committed() {
		let packed = pack(b, &layout, &outputs);
		let c = poseidon_gadget::hash(
			b,
			sponge_iv(layout.output_domain(), bits, outputs.len()),
			&packed,
		);
		enforce_public(b, &c, public_vars[first_output]);
	} else {
		for (element, &public) in pack(b, &layout, &outputs)
			.iter()
			.zip(&public_vars[first_output..])
		{
			enforce_public(b, element, public);
		}
	}
	note(b, "outputs (binding to the public inputs)".into());
	Ok(report)
}

fn prefix(e: Error, what: &str) -> Error {
	match e {
		Error::Unsupported(m) => Error::Unsupported(format!("{what}: {m}")),
		Error::Witness(m) => Error::Witness(format!("{what}: {m}")),
		other => other,
	}
}
