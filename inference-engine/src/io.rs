//! The JSON tensor files of the CLI.
//!
//! * Input file: `{"<input name>": {"shape": [...], "data": [flat numbers]}, ...}`.
//! * Calibration file: the same, each tensor with a leading sample dimension:
//!   shape `[K, ..input shape]`; when the input shape starts with a batch of 1
//!   (or a symbolic batch), `[K, ..input shape without the batch]` is accepted too
//!   (the rows are the samples).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::Error;
use crate::tensor::Tensor;

/// Largest number of elements accepted in one JSON tensor.
pub const MAX_JSON_ELEMENTS: usize = 64 << 20;

/// Parse a tensor map file. Errors say which key and why.
pub fn parse_tensor_map(bytes: &[u8]) -> Result<BTreeMap<String, Tensor>, String> {
	let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("invalid JSON: {e}"))?;
	let Value::Object(map) = value else {
		return Err("expected a JSON object mapping input names to {\"shape\", \"data\"}".into());
	};
	map.into_iter()
		.map(|(name, v)| {
			parse_tensor(&v)
				.map(|t| (name.clone(), t))
				.map_err(|why| format!("'{name}': {why}"))
		})
		.collect()
}

fn parse_tensor(v: &Value) -> Result<Tensor, String> {
	let obj: &Map<String, Value> = v
		.as_object()
		.ok_or("expected an object with \"shape\" and \"data\"")?;
	let shape = obj
		.get("shape")
		.and_then(Value::as_array)
		.ok_or("missing \"shape\" array")?
		.iter()
		.map(|d| {
			d.as_u64()
				.map(|d| d as usize)
				.ok_or_else(|| format!("shape entry {d} is not a non-negative integer"))
		})
		.collect::<Result<Vec<usize>, String>>()?;
	let numel = shape
		.iter()
		.try_fold(1usize, |a, &d| a.checked_mul(d))
		.filter(|&n| n <= MAX_JSON_ELEMENTS)
		.ok_or_else(|| format!("shape {shape:?} is too large"))?;
	let data = obj
		.get("data")
		.and_then(Value::as_array)
		.ok_or("missing \"data\" array")?
		.iter()
		.enumerate()
		.map(|(i, x)| {
			x.as_f64()
				.map(|x| x as f32)
				.ok_or_else(|| format!("data[{i}] is not a number"))
		})
		.collect::<Result<Vec<f32>, String>>()?;
	if data.len() != numel {
		return Err(format!(
			"shape {shape:?} needs {numel} values, data has {}",
			data.len()
		));
	}
	Ok(Tensor { shape, data })
}

/// Pick the tensors for `names` (in order), rejecting missing and unknown keys.
pub fn inputs_in_order(
	mut map: BTreeMap<String, Tensor>,
	names: &[String],
) -> Result<Vec<Tensor>, Error> {
	let tensors = names
		.iter()
		.map(|n| {
			map.remove(n).ok_or_else(|| {
				Error::Inputs(format!("missing input '{n}' (model inputs: {names:?})"))
			})
		})
		.collect::<Result<Vec<_>, _>>()?;
	if let Some(extra) = map.keys().next() {
		return Err(Error::Inputs(format!(
			"unknown input '{extra}' (model inputs: {names:?})"
		)));
	}
	Ok(tensors)
}

/// The per-sample shape of a calibration tensor of shape `cal` for a model input
/// whose dims are `dims` (`None` = symbolic).
pub fn calibration_sample_shape(
	cal: &[usize],
	dims: &[Option<usize>],
) -> Result<Vec<usize>, String> {
	let fits = |sample: &[usize]| {
		sample.len() == dims.len()
			&& sample
				.iter()
				.zip(dims)
				.all(|(s, d)| d.is_none_or(|d| d == *s))
	};
	if cal.is_empty() {
		return Err("calibration tensors need a leading sample dimension".into());
	}
	let rest = &cal[1..];
	if fits(rest) {
		return Ok(rest.to_vec());
	}
	let mut batched = vec![1];
	batched.extend_from_slice(rest);
	if matches!(dims.first(), Some(None) | Some(Some(1))) && fits(&batched) {
		return Ok(batched);
	}
	Err(format!(
		"calibration shape {cal:?} is not [samples, ..input shape] for input dims {}",
		dims_to_string(dims)
	))
}

fn dims_to_string(dims: &[Option<usize>]) -> String {
	let parts: Vec<String> = dims
		.iter()
		.map(|d| d.map_or("?".into(), |d| d.to_string()))
		.collect();
	format!("[{}]", parts.join(", "))
}

/// Split a calibration tensor of shape `[K, ..]` into `K` samples of `sample_shape`.
pub fn split_samples(cal: &Tensor, sample_shape: &[usize]) -> Vec<Tensor> {
	let k = cal.shape.first().copied().unwrap_or(0);
	let per: usize = sample_shape.iter().product();
	(0..k)
		.map(|i| Tensor {
			shape: sample_shape.to_vec(),
			data: cal.data[i * per..(i + 1) * per].to_vec(),
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn parses_and_rejects() {
		let m = parse_tensor_map(br#"{"x": {"shape": [1, 2], "data": [1, 2.5]}}"#).unwrap();
		assert_eq!(m["x"].data, vec![1.0, 2.5]);
		assert!(parse_tensor_map(b"[1]")
			.unwrap_err()
			.contains("expected a JSON object"));
		assert!(parse_tensor_map(br#"{"x": {"shape": [3], "data": [1]}}"#)
			.unwrap_err()
			.contains("needs 3 values"));
		assert!(parse_tensor_map(br#"{"x": {"shape": [-1], "data": []}}"#)
			.unwrap_err()
			.contains("shape entry"));
		assert!(parse_tensor_map(br#"{"x": {"shape": [1], "data": ["a"]}}"#)
			.unwrap_err()
			.contains("data[0]"));
		assert!(parse_tensor_map(b"{").unwrap_err().contains("invalid JSON"));
	}

	#[test]
	fn calibration_shapes() {
		assert_eq!(
			calibration_sample_shape(&[5, 1, 64], &[None, Some(64)]).unwrap(),
			vec![1, 64]
		);
		assert_eq!(
			calibration_sample_shape(&[5, 64], &[None, Some(64)]).unwrap(),
			vec![1, 64]
		);
		assert_eq!(
			calibration_sample_shape(&[5, 64], &[Some(1), Some(64)]).unwrap(),
			vec![1, 64]
		);
		assert!(calibration_sample_shape(&[5, 63], &[None, Some(64)]).is_err());
	}
}
