//! Output shapes of integer ops, and the parameter consistency checks that make
//! indexing in the executor safe.

use super::model::{checked_numel, IntTensor, QOp};
use crate::shape::{broadcast_shapes, every_window_touches_input, pool_output_size};

type R<T> = std::result::Result<T, String>;

/// Largest kernel size, stride, dilation or pad of a window op.
pub const MAX_WINDOW: usize = 1 << 16;
/// Largest number of cells of a window.
pub const MAX_WINDOW_AREA: usize = 1 << 20;

fn check_tensor(t: &IntTensor, what: &str) -> R<()> {
	match checked_numel(&t.shape) {
		Ok(n) if n == t.data.len() => Ok(()),
		_ => Err(format!(
			"{what} has shape {:?} but {} values",
			t.shape,
			t.data.len()
		)),
	}
}

fn nonzero(v: &[usize], what: &str) -> R<()> {
	if v.contains(&0) {
		Err(format!("{what} must be positive, got {v:?}"))
	} else {
		Ok(())
	}
}

fn window_geometry(
	x: &[usize],
	kernel: [usize; 2],
	strides: [usize; 2],
	pads: [usize; 4],
	dilations: [usize; 2],
	out: &mut Vec<usize>,
) -> R<()> {
	if kernel
		.iter()
		.chain(&strides)
		.chain(&dilations)
		.chain(&pads)
		.any(|&v| v > MAX_WINDOW)
	{
		return Err(format!("window parameters must be at most {MAX_WINDOW}"));
	}
	if kernel[0] * kernel[1] > MAX_WINDOW_AREA {
		return Err(format!("kernel area must be at most {MAX_WINDOW_AREA}"));
	}
	nonzero(&kernel, "kernel")?;
	nonzero(&strides, "strides")?;
	nonzero(&dilations, "dilations")?;
	for axis in 0..2 {
		let size = pool_output_size(
			x[2 + axis],
			kernel[axis],
			strides[axis],
			pads[axis],
			pads[axis + 2],
			dilations[axis],
		)
		.ok_or_else(|| format!("window does not fit the input on spatial axis {axis}"))?;
		out.push(size);
	}
	Ok(())
}

/// The output shape `op` produces from inputs of `shapes`, or why it is inconsistent.
pub fn output_shape(op: &QOp, shapes: &[&[usize]]) -> R<Vec<usize>> {
	match op {
		QOp::Constant { value } => {
			check_tensor(value, "constant")?;
			Ok(value.shape.clone())
		}
		QOp::Linear { weight, bias, .. } => {
			check_tensor(weight, "weight")?;
			let x = shapes[0];
			let [out, inn] = weight.shape[..] else {
				return Err(format!("weight must be [out, in], got {:?}", weight.shape));
			};
			if x.last() != Some(&inn) {
				return Err(format!("input shape {x:?} does not end in {inn}"));
			}
			if bias.len() != out {
				return Err(format!("bias has {} values, expected {out}", bias.len()));
			}
			let mut y = x.to_vec();
			*y.last_mut().unwrap_or(&mut 0) = out;
			Ok(y)
		}
		QOp::MatMul { .. } => {
			let (a, b) = (shapes[0], shapes[1]);
			if a.len() < 2 || b.len() < 2 {
				return Err(format!("matmul needs rank >= 2, got {a:?} x {b:?}"));
			}
			let (m, k) = (a[a.len() - 2], a[a.len() - 1]);
			let (k2, n) = (b[b.len() - 2], b[b.len() - 1]);
			if k != k2 || (b.len() != 2 && a[..a.len() - 2] != b[..b.len() - 2]) {
				return Err(format!("matmul shapes {a:?} x {b:?} do not match"));
			}
			let mut y = a[..a.len() - 2].to_vec();
			y.extend([m, n]);
			Ok(y)
		}
		QOp::Conv2d {
			weight,
			bias,
			strides,
			pads,
			dilations,
			group,
			..
		} => {
			check_tensor(weight, "weight")?;
			let x = shapes[0];
			let [n, c, _, _] = x[..] else {
				return Err(format!("input must be NCHW, got {x:?}"));
			};
			let [oc, icg, kh, kw] = weight.shape[..] else {
				return Err(format!(
					"weight must be [OC, IC/group, KH, KW], got {:?}",
					weight.shape
				));
			};
			if *group == 0 || c % group != 0 || oc % group != 0 || c / group != icg {
				return Err(format!(
					"channels: input {c}, weight {:?}, group {group} do not match",
					weight.shape
				));
			}
			if bias.len() != oc {
				return Err(format!("bias has {} values, expected {oc}", bias.len()));
			}
			let mut y = vec![n, oc];
			window_geometry(x, [kh, kw], *strides, *pads, *dilations, &mut y)?;
			Ok(y)
		}
		QOp::Sum {
			inputs,
			multipliers,
			..
		} => {
			if inputs.is_empty() || inputs.len() != multipliers.len() {
				return Err(format!(
					"{} inputs and {} multipliers",
					inputs.len(),
					multipliers.len()
				));
			}
			let mut y = shapes[0].to_vec();
			for s in &shapes[1..] {
				y = broadcast_shapes(&y, s)?;
			}
			Ok(y)
		}
		QOp::Mul { .. } => broadcast_shapes(shapes[0], shapes[1]),
		QOp::ChannelAffine {
			multipliers,
			biases,
			..
		} => {
			let x = shapes[0];
			if x.len() < 2 || multipliers.len() != x[1] || biases.len() != x[1] {
				return Err(format!(
					"input {x:?} with {} multipliers / {} biases",
					multipliers.len(),
					biases.len()
				));
			}
			Ok(x.to_vec())
		}
		QOp::Relu { .. } | QOp::LeakyRelu { .. } | QOp::Clip { .. } => Ok(shapes[0].to_vec()),
		QOp::PiecewiseLinear {
			breakpoints,
			slopes,
			intercepts,
			..
		} => {
			if slopes.len() != breakpoints.len() + 1 || intercepts.len() != slopes.len() {
				return Err("needs breakpoints.len() + 1 slopes and intercepts".into());
			}
			if breakpoints.windows(2).any(|w| w[0] >= w[1]) {
				return Err("breakpoints must be strictly increasing".into());
			}
			Ok(shapes[0].to_vec())
		}
		QOp::MaxPool {
			kernel,
			strides,
			pads,
			dilations,
			..
		} => pool_shape(shapes[0], *kernel, *strides, *pads, *dilations),
		QOp::AvgPool {
			kernel,
			strides,
			pads,
			..
		} => pool_shape(shapes[0], *kernel, *strides, *pads, [1, 1]),
		// The declared output shape is the reshape target; only the size must agree,
		// which the caller checks through `Reshape`'s special case below.
		QOp::Reshape { .. } => Ok(shapes[0].to_vec()),
		QOp::Transpose { perm, .. } => {
			let x = shapes[0];
			let mut seen = vec![false; x.len()];
			if perm.len() != x.len()
				|| perm
					.iter()
					.any(|&p| p >= x.len() || std::mem::replace(&mut seen[p], true))
			{
				return Err(format!(
					"perm {perm:?} is not a permutation of {} axes",
					x.len()
				));
			}
			Ok(perm.iter().map(|&p| x[p]).collect())
		}
		QOp::Concat { axis, .. } => {
			let first = shapes.first().ok_or("concat of nothing")?;
			if *axis >= first.len() {
				return Err(format!("axis {axis} out of range for {first:?}"));
			}
			let mut y = first.to_vec();
			y[*axis] = 0;
			for s in shapes {
				let same_elsewhere =
					s.len() == first.len() && (0..s.len()).all(|d| d == *axis || s[d] == first[d]);
				if !same_elsewhere {
					return Err(format!(
						"concat shapes {first:?} and {s:?} differ off axis {axis}"
					));
				}
				y[*axis] += s[*axis];
			}
			Ok(y)
		}
		QOp::Pad { pads, .. } => {
			let x = shapes[0];
			if pads.len() != 2 * x.len() || pads.iter().any(|&p| p > MAX_WINDOW) {
				return Err(format!("{} pads for rank {}", pads.len(), x.len()));
			}
			x.iter()
				.enumerate()
				.map(|(d, &n)| {
					n.checked_add(pads[d])
						.and_then(|v| v.checked_add(pads[d + x.len()]))
						.ok_or_else(|| "pads too large".to_string())
				})
				.collect()
		}
	}
}

fn pool_shape(
	x: &[usize],
	kernel: [usize; 2],
	strides: [usize; 2],
	pads: [usize; 4],
	dilations: [usize; 2],
) -> R<Vec<usize>> {
	let [n, c, _, _] = x[..] else {
		return Err(format!("input must be NCHW, got {x:?}"));
	};
	let mut y = vec![n, c];
	window_geometry(x, kernel, strides, pads, dilations, &mut y)?;
	for axis in 0..2 {
		if !every_window_touches_input(
			x[2 + axis],
			y[2 + axis],
			kernel[axis],
			strides[axis],
			pads[axis],
			dilations[axis],
		) {
			return Err(format!(
				"a pooling window on spatial axis {axis} lies entirely in padding"
			));
		}
	}
	Ok(y)
}
