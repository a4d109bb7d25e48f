//! Shape arithmetic shared by the float IR and the integer ops.

type R<T> = std::result::Result<T, String>;

/// Numpy / ONNX multidirectional broadcasting of two shapes.
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> R<Vec<usize>> {
	let rank = a.len().max(b.len());
	let mut out = vec![0; rank];
	for i in 0..rank {
		let da = if i + a.len() >= rank {
			a[i + a.len() - rank]
		} else {
			1
		};
		let db = if i + b.len() >= rank {
			b[i + b.len() - rank]
		} else {
			1
		};
		out[i] = match (da, db) {
			(x, y) if x == y => x,
			(1, y) => y,
			(x, 1) => x,
			_ => return Err(format!("shapes {a:?} and {b:?} do not broadcast")),
		};
	}
	Ok(out)
}

/// Row-major strides of `shape` as seen from a broadcast `out` shape: 0 on
/// broadcast axes. `shape` must broadcast to `out`.
pub fn broadcast_strides(shape: &[usize], out: &[usize]) -> Vec<usize> {
	let mut strides = vec![0; out.len()];
	let offset = out.len() - shape.len();
	let mut stride = 1;
	for i in (0..shape.len()).rev() {
		strides[i + offset] = if shape[i] == 1 && out[i + offset] != 1 {
			0
		} else {
			stride
		};
		stride *= shape[i];
	}
	strides
}

/// Row-major strides.
pub fn strides(shape: &[usize]) -> Vec<usize> {
	let mut s = vec![1; shape.len()];
	for i in (0..shape.len().saturating_sub(1)).rev() {
		s[i] = s[i + 1] * shape[i + 1];
	}
	s
}

/// Output length of a sliding window (floor mode):
/// `floor((in + pad_begin + pad_end − dilation·(kernel−1) − 1) / stride) + 1`,
/// or `None` if the window does not fit.
pub fn pool_output_size(
	input: usize,
	kernel: usize,
	stride: usize,
	pad_begin: usize,
	pad_end: usize,
	dilation: usize,
) -> Option<usize> {
	let padded = input.checked_add(pad_begin)?.checked_add(pad_end)?;
	let span = dilation
		.checked_mul(kernel.checked_sub(1)?)?
		.checked_add(1)?;
	if stride == 0 || padded < span {
		return None;
	}
	Some((padded - span) / stride + 1)
}

/// Whether every window (output `0..out`) has at least one cell in `[0, input)`.
/// O(1) per window: the first cell at or after position 0 is the only candidate.
pub fn every_window_touches_input(
	input: usize,
	out: usize,
	kernel: usize,
	stride: usize,
	pad_begin: usize,
	dilation: usize,
) -> bool {
	let (input, kernel, stride, pad_begin, dilation) = (
		input as i128,
		kernel as i128,
		stride as i128,
		pad_begin as i128,
		dilation.max(1) as i128,
	);
	(0..out as i128).all(|o| {
		let start = o * stride - pad_begin;
		let k0 = if start >= 0 {
			0
		} else {
			(-start + dilation - 1) / dilation
		};
		k0 < kernel && start + k0 * dilation < input
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn broadcasting() {
		assert_eq!(broadcast_shapes(&[2, 3], &[3]).unwrap(), vec![2, 3]);
		assert_eq!(
			broadcast_shapes(&[2, 1, 4], &[3, 1]).unwrap(),
			vec![2, 3, 4]
		);
		assert!(broadcast_shapes(&[2, 3], &[4]).is_err());
		assert_eq!(broadcast_strides(&[3, 1], &[2, 3, 4]), vec![0, 1, 0]);
	}

	#[test]
	fn pool_sizes() {
		assert_eq!(pool_output_size(28, 5, 1, 2, 2, 1), Some(28));
		assert_eq!(pool_output_size(28, 2, 2, 0, 0, 1), Some(14));
		assert_eq!(pool_output_size(3, 5, 1, 0, 0, 1), None);
	}
}
