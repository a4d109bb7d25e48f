//! `TensorProto` → constant data.

use super::proto::{data_type, TensorProto};

/// A decoded constant: float data for computation, and the exact integers for
/// integer tensors (shape/axes/pads inputs).
#[derive(Clone, Debug)]
pub struct ConstTensor {
	pub shape: Vec<usize>,
	pub floats: Vec<f32>,
	pub ints: Option<Vec<i64>>,
}

/// Product of `dims`, or an error if negative or over `limit` elements.
pub fn checked_dims(dims: &[i64], limit: usize) -> Result<(Vec<usize>, usize), String> {
	let mut shape = Vec::with_capacity(dims.len());
	let mut n: usize = 1;
	for &d in dims {
		let d = usize::try_from(d).map_err(|_| format!("negative dimension {d}"))?;
		n = n.checked_mul(d).filter(|&n| n <= limit).ok_or_else(|| {
			format!("tensor of dims {dims:?} exceeds the limit of {limit} elements")
		})?;
		shape.push(d);
	}
	Ok((shape, n))
}

fn raw_chunks<const N: usize>(
	raw: &[u8],
	n: usize,
) -> Result<impl Iterator<Item = [u8; N]> + '_, String> {
	if raw.len() != n * N {
		return Err(format!(
			"raw_data has {} bytes, expected {}",
			raw.len(),
			n * N
		));
	}
	Ok(raw.chunks_exact(N).map(|c| {
		let mut a = [0u8; N];
		a.copy_from_slice(c);
		a
	}))
}

fn expect_len<T>(v: &[T], n: usize, field: &str) -> Result<(), String> {
	if v.len() == n {
		Ok(())
	} else {
		Err(format!("{field} has {} values, expected {n}", v.len()))
	}
}

/// Decode a tensor, checking its data length against its dims.
pub fn decode_tensor(t: &TensorProto, limit: usize) -> Result<ConstTensor, String> {
	if t.data_location == Some(1) || !t.external_data.is_empty() {
		return Err("external tensor data is not supported; embed the weights in the model".into());
	}
	let (shape, n) = checked_dims(&t.dims, limit)?;
	let raw = t.raw_data.as_deref().filter(|r| !r.is_empty() || n == 0);
	let dt = t.data_type.unwrap_or(0);
	let ints: Option<Vec<i64>> = match dt {
		data_type::FLOAT | data_type::DOUBLE => None,
		data_type::INT64 => Some(match raw {
			Some(r) => raw_chunks::<8>(r, n)?.map(i64::from_le_bytes).collect(),
			None => {
				expect_len(&t.int64_data, n, "int64_data")?;
				t.int64_data.clone()
			}
		}),
		data_type::INT32 => Some(match raw {
			Some(r) => raw_chunks::<4>(r, n)?
				.map(|b| i32::from_le_bytes(b) as i64)
				.collect(),
			None => {
				expect_len(&t.int32_data, n, "int32_data")?;
				t.int32_data.iter().map(|&v| v as i64).collect()
			}
		}),
		data_type::INT8 | data_type::UINT8 | data_type::BOOL => Some(match raw {
			Some(r) => {
				expect_len(r, n, "raw_data")?;
				r.iter()
					.map(|&b| {
						if dt == data_type::INT8 {
							b as i8 as i64
						} else {
							b as i64
						}
					})
					.collect()
			}
			None => {
				expect_len(&t.int32_data, n, "int32_data")?;
				t.int32_data.iter().map(|&v| v as i64).collect()
			}
		}),
		other => return Err(format!("tensor data type {other} is not supported")),
	};
	let floats: Vec<f32> = match (&ints, dt) {
		(Some(ints), _) => ints.iter().map(|&v| v as f32).collect(),
		(None, data_type::DOUBLE) => match raw {
			Some(r) => raw_chunks::<8>(r, n)?
				.map(|b| f64::from_le_bytes(b) as f32)
				.collect(),
			None => {
				expect_len(&t.double_data, n, "double_data")?;
				t.double_data.iter().map(|&v| v as f32).collect()
			}
		},
		(None, _) => match raw {
			Some(r) => raw_chunks::<4>(r, n)?.map(f32::from_le_bytes).collect(),
			None => {
				expect_len(&t.float_data, n, "float_data")?;
				t.float_data.clone()
			}
		},
	};
	Ok(ConstTensor {
		shape,
		floats,
		ints,
	})
}
