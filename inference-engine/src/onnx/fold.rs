//! Graph rewrites after conversion: BatchNormalization (a `ChannelAffine`) and
//! constant bias additions are folded into the Conv2d / Linear that produces
//! their input, when that producer has no other reader.

use crate::ir::{Graph, Op, ValueId};

/// Per-output-channel `(scale, bias)` of a node that can be folded into a
/// producer with `channels` output channels, or `None`.
fn channel_affine(
	graph: &Graph,
	node: usize,
	producer_is_conv: bool,
	channels: usize,
) -> Option<(Vec<f32>, Vec<f32>)> {
	let n = &graph.nodes[node];
	match &n.op {
		Op::ChannelAffine { scale, bias } => {
			// Channel axis 1: for Linear that is the last axis only for rank 2.
			let rank = graph.values[n.inputs[0]].shape.len();
			(producer_is_conv || rank == 2).then(|| (scale.clone(), bias.clone()))
		}
		Op::Add => {
			let c = graph.values[n.inputs[1]].constant.as_ref()?;
			let s = &c.shape;
			// Conv: [C,1,1] or [1,C,1,1]; Linear: [C] or [1,C]. Output shape must not change.
			let out_shape = &graph.values[n.output].shape;
			if *out_shape != graph.values[n.inputs[0]].shape {
				return None;
			}
			let per_channel = if producer_is_conv {
				s.len() >= 3
					&& s[s.len() - 3] == channels
					&& s[s.len() - 2..] == [1, 1]
					&& s[..s.len() - 3].iter().all(|&d| d == 1)
			} else {
				s.last() == Some(&channels) && s[..s.len() - 1].iter().all(|&d| d == 1)
			};
			per_channel.then(|| (vec![1.0; channels], c.data.clone()))
		}
		_ => None,
	}
}

pub fn fold_into_producers(graph: &mut Graph) {
	loop {
		let uses = graph.use_counts();
		let producer: std::collections::HashMap<ValueId, usize> = graph
			.nodes
			.iter()
			.enumerate()
			.map(|(i, n)| (n.output, i))
			.collect();
		let mut folded = None;
		for (i, node) in graph.nodes.iter().enumerate() {
			let Some(&p) = node.inputs.first().and_then(|x| producer.get(x)) else {
				continue;
			};
			if uses[node.inputs[0]] != 1 || graph.outputs.contains(&node.inputs[0]) {
				continue;
			}
			let (is_conv, channels) = match &graph.nodes[p].op {
				Op::Conv2d { weight, .. } => (true, weight.shape[0]),
				Op::Linear { weight, .. } => (false, weight.shape[0]),
				_ => continue,
			};
			if let Some(affine) = channel_affine(graph, i, is_conv, channels) {
				folded = Some((i, p, affine));
				break;
			}
		}
		let Some((i, p, (scale, add))) = folded else {
			return;
		};
		let out = graph.nodes[i].output;
		let producer = &mut graph.nodes[p];
		let (weight, bias) = match &mut producer.op {
			Op::Conv2d { weight, bias, .. } | Op::Linear { weight, bias, .. } => (weight, bias),
			_ => return,
		};
		let per = weight.data.len() / scale.len().max(1);
		for (c, &s) in scale.iter().enumerate() {
			weight.data[c * per..(c + 1) * per]
				.iter_mut()
				.for_each(|w| *w *= s);
		}
		let old = bias.take().unwrap_or_else(|| vec![0.0; scale.len()]);
		*bias = Some(
			old.iter()
				.zip(&scale)
				.zip(&add)
				.map(|((b, s), a)| b * s + a)
				.collect(),
		);
		producer.output = out;
		graph.nodes.remove(i);
	}
}
