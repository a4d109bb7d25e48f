//! Proofs of one model split across several provers: where to cut, and how a
//! verifier that holds only commitments checks that the slices chain.
//!
//! Each slice is a model of its own (`QuantizedModel::slices`) with its own
//! circuit and keys; its statement binds the commitment of the tensors
//! entering it and, for every slice but the last, of the tensors leaving it
//! (see [`crate::statement`]). The whole model's result is proven when every
//! slice's proof verifies and the commitments chain: slice 0's input
//! commitment is the request input's, and each slice's input commitment is
//! its predecessor's output commitment.

#[cfg(feature = "prover")]
use alloc::{format, vec, vec::Vec};

#[cfg(feature = "prover")]
use verity_inference::QuantizedModel;

#[cfg(feature = "prover")]
use crate::circuit::{cost_report, layout, relu_fusion};
#[cfg(feature = "prover")]
use crate::{Error, Result};

/// The first broken link of a chain of slices, given each slice's `(input
/// commitment, output commitment)` (the last slice's output commitment is not
/// used: its output is checked as values). `Some(i)` means slice `i`'s input
/// is not what the chain hands it (slice 0: the request's input commitment
/// `request_input`; slice `i > 0`: slice `i - 1`'s output). Slices before `i`
/// are then proven right, so slice `i` is the one that lied. Commitments are
/// field elements ([`crate::Fr`]) or their canonical bytes (what a chain stores).
pub fn first_broken_link<C: PartialEq + Copy>(
	request_input: C,
	slices: &[(C, C)],
) -> Option<usize> {
	let mut expected = request_input;
	for (i, &(entering, leaving)) in slices.iter().enumerate() {
		if entering != expected {
			return Some(i);
		}
		expected = leaving;
	}
	None
}

#[cfg(feature = "prover")]
/// Slice points (op indices, for `QuantizedModel::slices`) that split `model`
/// into `count` slices with the largest slice as small as possible, by
/// estimated constraints: each op's cost in the whole model's circuit, plus,
/// per slice, the range checks and commitment of the tensors entering it and
/// the commitment of those leaving it. Never cuts between an op and the ReLU
/// fused into its requantize (the cut would cost the ReLU its own comparisons
/// and add range checks for a tensor just as large). Fails if the model has
/// fewer places to cut than `count - 1`.
pub fn balanced_cuts(model: &QuantizedModel, count: usize) -> Result<Vec<usize>> {
	let n = model.ops.len();
	if count == 0 || count > n {
		return Err(Error::Unsupported(format!(
			"cannot split {n} ops into {count} slices"
		)));
	}
	let report = cost_report(model)?;
	// The report lists the input range checks, the input commitment, one entry
	// per op, then the output binding.
	let op_costs: Vec<u64> = report
		.iter()
		.skip(2)
		.take(n)
		.map(|(_, c)| *c as u64)
		.collect();
	if op_costs.len() != n {
		return Err(Error::Unsupported("unexpected cost report".into()));
	}
	let layout = layout(model)?;
	let values_per_element = layout.values_per_element() as u64;
	let commitment_per_element = (report[1].1 as u64).div_ceil(
		(layout.input_len as u64)
			.div_ceil(values_per_element)
			.max(1),
	);
	let tensor_values = |cut: usize| -> u64 {
		model
			.boundary(cut)
			.iter()
			.map(|&t| model.tensors[t].shape.iter().product::<usize>() as u64)
			.sum()
	};
	let crossing: Vec<u64> = (0..=n).map(tensor_values).collect();
	let fused = relu_fusion(model);
	let can_cut = |c: usize| {
		c == 0
			|| c == n || !matches!(model.ops[c].op, verity_inference::QOp::Relu { input }
				if fused[input] == Some(model.op_output(c)))
	};
	let commitment = |values: u64| values.div_ceil(values_per_element) * commitment_per_element;
	let mut prefix = vec![0u64; n + 1];
	for (j, c) in op_costs.iter().enumerate() {
		prefix[j + 1] = prefix[j] + c;
	}
	let cost = |a: usize, b: usize| -> u64 {
		let entering = crossing[a] * model.act_bits as u64 + commitment(crossing[a]);
		let leaving = if b == n { 0 } else { commitment(crossing[b]) };
		prefix[b] - prefix[a] + entering + leaving
	};
	// best[k][b]: the smallest largest slice over splits of ops 0..b into k slices.
	let mut best = vec![vec![u64::MAX; n + 1]; count + 1];
	let mut from = vec![vec![0usize; n + 1]; count + 1];
	best[0][0] = 0;
	for k in 1..=count {
		for b in k..=n {
			for a in (k - 1)..b {
				if best[k - 1][a] == u64::MAX || !can_cut(a) {
					continue;
				}
				let worst = best[k - 1][a].max(cost(a, b));
				if worst < best[k][b] {
					best[k][b] = worst;
					from[k][b] = a;
				}
			}
		}
	}
	if best[count][n] == u64::MAX {
		return Err(Error::Unsupported(format!(
			"the model has too few places to cut for {count} slices"
		)));
	}
	let mut cuts = Vec::with_capacity(count - 1);
	let mut b = n;
	for k in (2..=count).rev() {
		b = from[k][b];
		cuts.push(b);
	}
	cuts.reverse();
	Ok(cuts)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Fr;

	#[test]
	fn the_first_wrong_input_is_the_broken_link() {
		let (a, b, c, d) = (
			Fr::from(1u64),
			Fr::from(2u64),
			Fr::from(3u64),
			Fr::from(4u64),
		);
		assert_eq!(first_broken_link(a, &[(a, b), (b, c), (c, d)]), None);
		assert_eq!(first_broken_link(a, &[(b, b), (b, c)]), Some(0));
		assert_eq!(first_broken_link(a, &[(a, b), (c, c), (c, d)]), Some(1));
		assert_eq!(first_broken_link(a, &[(a, b), (b, c), (d, d)]), Some(2));
		assert_eq!(first_broken_link(a, &[]), None);
	}
}
