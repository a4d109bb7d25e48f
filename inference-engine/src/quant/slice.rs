//! Slicing a quantized model at op boundaries, so that one model's proof can be
//! split across several provers.
//!
//! A slice of a [`QuantizedModel`] is itself a quantized model: its inputs are
//! the tensors that cross the cut in front of it (for the first slice, the
//! model's own inputs), its outputs the tensors that cross the cut behind it
//! (for the last slice, the model's own outputs). Running the slices one after
//! the other, each on the previous slice's outputs, computes exactly the
//! integers the whole model computes: the ops and their parameters are the
//! same, only the tensor numbering changes.
//!
//! The tensors crossing cut `c` (before op `c`) are those computed before it
//! (model inputs or outputs of ops `< c`) that an op `>= c` reads or that are
//! model outputs, in ascending tensor order. A tensor read further down than
//! the next cut passes through the slices in between (it is both an input and
//! an output of theirs), so every slice only needs its predecessor's outputs.

use std::ops::Range;

use super::model::{OutputTransform, QInput, QNode, QOutput, QuantizedModel, TensorId};
use crate::error::{Error, Result};

impl QuantizedModel {
	/// The tensors crossing the cut before op `cut` (see the module docs), in
	/// ascending order. `cut = 0` gives the model inputs; `cut = ops.len()`
	/// the model outputs' tensors (deduplicated, ascending).
	pub fn boundary(&self, cut: usize) -> Vec<TensorId> {
		let cut = cut.min(self.ops.len());
		let first_later = self.op_output(cut);
		if cut == 0 {
			return (0..self.inputs.len()).collect();
		}
		let mut crossing = vec![false; first_later];
		for node in &self.ops[cut..] {
			for t in node.op.inputs() {
				if t < first_later {
					crossing[t] = true;
				}
			}
		}
		for o in &self.outputs {
			if o.tensor < first_later {
				crossing[o.tensor] = true;
			}
		}
		(0..first_later).filter(|&t| crossing[t]).collect()
	}

	/// Splits the model before each op index in `cuts` (strictly increasing,
	/// each in `1..ops.len()`): `cuts.len() + 1` slices, each a valid model
	/// (see the module docs). Every slice but the last has
	/// [`QuantizedModel::boundary_outputs`] set.
	pub fn slices(&self, cuts: &[usize]) -> Result<Vec<QuantizedModel>> {
		let n = self.ops.len();
		if let Some(w) = cuts.windows(2).find(|w| w[0] >= w[1]) {
			return Err(Error::QuantizedModel(format!(
				"slice points must increase: {} then {}",
				w[0], w[1]
			)));
		}
		if let Some(c) = cuts.iter().find(|&&c| c == 0 || c >= n) {
			return Err(Error::QuantizedModel(format!(
				"slice point {c} is not between two of the model's {n} ops"
			)));
		}
		let bounds: Vec<usize> = std::iter::once(0)
			.chain(cuts.iter().copied())
			.chain(std::iter::once(n))
			.collect();
		bounds.windows(2).map(|w| self.slice(w[0]..w[1])).collect()
	}

	/// The slice of ops `range` (see [`Self::slices`]).
	pub fn slice(&self, range: Range<usize>) -> Result<QuantizedModel> {
		if range.start >= range.end || range.end > self.ops.len() {
			return Err(Error::QuantizedModel(format!(
				"op range {range:?} is not a non-empty part of the model's {} ops",
				self.ops.len()
			)));
		}
		let entering = self.boundary(range.start);
		let last = range.end == self.ops.len();
		// New numbering: entering tensors first, then the slice's ops in order.
		let mut new_id: Vec<Option<TensorId>> = vec![None; self.tensors.len()];
		for (i, &t) in entering.iter().enumerate() {
			new_id[t] = Some(i);
		}
		for (k, j) in range.clone().enumerate() {
			new_id[self.op_output(j)] = Some(entering.len() + k);
		}
		let map = |t: TensorId| -> Result<TensorId> {
			new_id[t].ok_or_else(|| {
				Error::QuantizedModel(format!(
					"tensor {t} is read inside {range:?} but not available"
				))
			})
		};
		let name_of = |t: TensorId| -> String {
			match t.checked_sub(self.inputs.len()) {
				None => self.inputs[t].name.clone(),
				Some(j) => self.ops[j].name.clone(),
			}
		};
		let inputs = entering
			.iter()
			.enumerate()
			.map(|(i, &t)| QInput {
				name: name_of(t),
				tensor: i,
			})
			.collect();
		let outputs = if last {
			self.outputs
				.iter()
				.map(|o| {
					Ok(QOutput {
						name: o.name.clone(),
						tensor: map(o.tensor)?,
						transform: o.transform.clone(),
					})
				})
				.collect::<Result<Vec<_>>>()?
		} else {
			self.boundary(range.end)
				.into_iter()
				.map(|t| {
					Ok(QOutput {
						name: name_of(t),
						tensor: map(t)?,
						transform: OutputTransform::None,
					})
				})
				.collect::<Result<Vec<_>>>()?
		};
		let mut ops = Vec::with_capacity(range.len());
		for node in &self.ops[range.clone()] {
			let mut op = node.op.clone();
			for t in op.inputs_mut() {
				*t = map(*t)?;
			}
			ops.push(QNode {
				name: node.name.clone(),
				op,
			});
		}
		let tensors = entering
			.iter()
			.copied()
			.chain(range.clone().map(|j| self.op_output(j)))
			.map(|t| self.tensors[t].clone())
			.collect();
		let slice = QuantizedModel {
			format: self.format.clone(),
			act_bits: self.act_bits,
			source_onnx_hash: self.source_onnx_hash.clone(),
			tensors,
			inputs,
			outputs,
			ops,
			boundary_outputs: if last { self.boundary_outputs } else { true },
		};
		slice.validate()?;
		Ok(slice)
	}
}
