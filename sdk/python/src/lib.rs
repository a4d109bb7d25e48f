//! `verity._native`: the Python SDK's bindings to `verity-inference` (and the
//! circuit statistics of `verity-zk`), so that a Python client quantizes,
//! runs and hashes models with the very code the node and the CLI run.
//!
//! Tensors cross the boundary as `(shape, data)` pairs of Python lists (flat
//! data, row-major); the Python package (`verity.engine`) turns them into
//! numpy arrays. Every function mirrors a step of the CLI (`cli/src/model.rs`,
//! `cli/src/onchain.rs`): see each function's documentation.
//!
//! Errors raise `verity._native.EngineError` (a `ValueError`) with the
//! engine's message.

use std::collections::BTreeMap;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use verity_inference::hash::{blake2_256 as blake2, onnx_hash as onnx_digest, to_hex};
use verity_inference::io::{inputs_in_order, parse_tensor_map};
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::arith::{dequantize_value, quantize_value};
use verity_inference::quant::{quantize_onnx, QuantizeOnnxError, QuantizeOptions};
use verity_inference::{FloatModel, IntTensor, OutputTransform, QuantizedModel, Tensor};

create_exception!(
	_native,
	EngineError,
	PyValueError,
	"An error of the inference engine (invalid model, input or calibration)."
);

/// A tensor as it crosses the boundary: shape and flat row-major data.
type PyTensor = (Vec<usize>, Vec<f32>);

/// An engine error as a Python `EngineError`.
fn err(message: impl std::fmt::Display) -> PyErr {
	EngineError::new_err(message.to_string())
}

/// A `Tensor` from a `(shape, data)` pair, checking that they agree.
fn tensor(name: &str, (shape, data): PyTensor) -> PyResult<Tensor> {
	let n = data.len();
	Tensor::new(shape.clone(), data).ok_or_else(|| {
		err(format!(
			"input '{name}': shape {shape:?} has {} elements, the data has {n}",
			shape.iter().product::<usize>()
		))
	})
}

/// `{name: (shape, data)}` from Python as the engine's tensors.
fn tensor_map(map: BTreeMap<String, PyTensor>) -> PyResult<BTreeMap<String, Tensor>> {
	map.into_iter()
		.map(|(name, t)| Ok((name.clone(), tensor(&name, t)?)))
		.collect()
}

/// blake2-256 of `data` (Substrate's `blake2_256`).
#[pyfunction]
fn blake2_256<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
	PyBytes::new(py, &blake2(data))
}

/// The ONNX hash the chain stores: blake2-256 of the `.onnx` file's bytes.
#[pyfunction]
fn onnx_hash<'py>(py: Python<'py>, onnx_bytes: &[u8]) -> Bound<'py, PyBytes> {
	PyBytes::new(py, &onnx_digest(onnx_bytes))
}

/// Parses a JSON tensor file of the CLI (`{"name": {"shape": [...], "data":
/// [...]}}`, e.g. an input or calibration file) into `{name: (shape, data)}`.
#[pyfunction]
fn parse_tensor_file(bytes: &[u8]) -> PyResult<BTreeMap<String, PyTensor>> {
	let map = parse_tensor_map(bytes).map_err(err)?;
	Ok(map
		.into_iter()
		.map(|(k, t)| (k, (t.shape, t.data)))
		.collect())
}

/// Quantizes an ONNX model, calibrating on `calibration` (`{input name:
/// (shape, data)}`, each with a leading sample dimension), exactly as `verity
/// model quantize` / `verity model register` do. Returns the quantized model's
/// file bytes (`QuantizedModel::to_bytes`) and the number of calibration
/// samples.
#[pyfunction]
#[pyo3(signature = (onnx_bytes, calibration, act_bits=None, weight_bits=None))]
fn quantize_model<'py>(
	py: Python<'py>,
	onnx_bytes: &[u8],
	calibration: BTreeMap<String, PyTensor>,
	act_bits: Option<u32>,
	weight_bits: Option<u32>,
) -> PyResult<(Bound<'py, PyBytes>, usize)> {
	let defaults = QuantizeOptions::default();
	let options = QuantizeOptions {
		act_bits: act_bits.unwrap_or(defaults.act_bits),
		weight_bits: weight_bits.unwrap_or(defaults.weight_bits),
		..defaults
	};
	let cal = tensor_map(calibration)?;
	let (model, samples) = quantize_onnx(onnx_bytes, &cal, &options, &LoadOptions::default())
		.map_err(|e| match e {
			QuantizeOnnxError::Calibration(e) => err(format!("calibration: {e}")),
			QuantizeOnnxError::Model(e) => err(e),
		})?;
	Ok((PyBytes::new(py, &model.to_bytes()), samples))
}

/// Parses (and validates) a quantized model file.
fn open_quantized(qmodel_bytes: &[u8]) -> PyResult<QuantizedModel> {
	QuantizedModel::from_bytes(qmodel_bytes).map_err(err)
}

/// A quantized model's description: `{"quantized_hash", "source_onnx_hash"
/// (hex), "act_bits", "ops", "inputs": [(name, shape, frac_bits)], "outputs":
/// [(name, shape, frac_bits, softmax_axis or None)]}`: what `verity model
/// register` puts in the chain's registry.
#[pyfunction]
fn qmodel_info(py: Python<'_>, qmodel_bytes: &[u8]) -> PyResult<Py<PyAny>> {
	let model = open_quantized(qmodel_bytes)?;
	let d = pyo3::types::PyDict::new(py);
	d.set_item("quantized_hash", to_hex(&model.hash()))?;
	d.set_item("source_onnx_hash", &model.source_onnx_hash)?;
	d.set_item("act_bits", model.act_bits)?;
	d.set_item("ops", model.ops.len())?;
	let inputs: Vec<(String, Vec<usize>, u32)> = model
		.inputs
		.iter()
		.map(|i| {
			let s = &model.tensors[i.tensor];
			(i.name.clone(), s.shape.clone(), s.frac_bits)
		})
		.collect();
	let outputs: Vec<(String, Vec<usize>, u32, Option<usize>)> = model
		.outputs
		.iter()
		.map(|o| {
			let s = &model.tensors[o.tensor];
			let axis = match o.transform {
				OutputTransform::None => None,
				OutputTransform::Softmax { axis } => Some(axis),
			};
			(o.name.clone(), s.shape.clone(), s.frac_bits, axis)
		})
		.collect();
	d.set_item("inputs", inputs)?;
	d.set_item("outputs", outputs)?;
	Ok(d.into_any().unbind())
}

/// One output of a fixed-point run: name, shape, dequantized data, integers.
type QuantizedOutput = (String, Vec<usize>, Vec<f32>, Vec<i64>);

/// Runs a quantized model in fixed point on float inputs (`{name: (shape,
/// data)}`), as `verity model run QMODEL` does: quantizes the inputs at the
/// model's scales, runs the integer ops, dequantizes the outputs. Returns
/// `(outputs, quantized_inputs)`: `[(name, shape, data, integers)]` in the
/// model's output order and `[(name, shape, integers)]` in its input order.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn run_quantized(
	qmodel_bytes: &[u8],
	inputs: BTreeMap<String, PyTensor>,
) -> PyResult<(Vec<QuantizedOutput>, Vec<(String, Vec<usize>, Vec<i64>)>)> {
	let model = open_quantized(qmodel_bytes)?;
	let qx = model.quantize_input_map(tensor_map(inputs)?).map_err(err)?;
	let trace = model.run_traced(&qx).map_err(err)?;
	let q_outputs: Vec<IntTensor> = trace.outputs(&model).into_iter().cloned().collect();
	let ys = model.dequantize_outputs(&q_outputs);
	let outputs = model
		.outputs
		.iter()
		.zip(ys)
		.zip(q_outputs)
		.map(|((o, y), q)| (o.name.clone(), y.shape, y.data, q.data))
		.collect();
	let quantized_inputs = model
		.input_names()
		.into_iter()
		.zip(qx)
		.map(|(n, q)| (n, q.shape, q.data))
		.collect();
	Ok((outputs, quantized_inputs))
}

/// Runs an ONNX model in float (candle), as `verity model run MODEL.onnx`
/// does: symbolic dimensions are bound from the inputs' shapes. Returns
/// `[(name, shape, data)]` in the graph's output order.
#[pyfunction]
fn run_float(
	onnx_bytes: &[u8],
	inputs: BTreeMap<String, PyTensor>,
) -> PyResult<Vec<(String, Vec<usize>, Vec<f32>)>> {
	let shapes: Vec<(String, Vec<usize>)> = inputs
		.iter()
		.map(|(n, (shape, _))| (n.clone(), shape.clone()))
		.collect();
	let options =
		onnx::options_for_shapes(onnx_bytes, &shapes, &LoadOptions::default()).map_err(err)?;
	let graph = onnx::load(onnx_bytes, &options).map_err(err)?;
	let names: Vec<String> = graph.input_names().iter().map(|s| s.to_string()).collect();
	let xs = inputs_in_order(tensor_map(inputs)?, &names).map_err(err)?;
	let float = FloatModel::new(&graph).map_err(err)?;
	let ys = float.run(&xs).map_err(err)?;
	Ok(graph
		.output_names()
		.iter()
		.zip(ys)
		.map(|(n, y)| (n.to_string(), y.shape, y.data))
		.collect())
}

/// Quantizes request input values at a registered input's format, as the CLI
/// does for `verity infer`: `q = clamp_bits(floor(x·2^frac_bits + 1/2),
/// act_bits)` for each value (the integers the chain stores).
#[pyfunction]
fn quantize_values(values: Vec<f32>, frac_bits: u32, act_bits: u32) -> Vec<i32> {
	values
		.iter()
		.map(|&x| quantize_value(x as f64, frac_bits, act_bits) as i32)
		.collect()
}

/// Dequantizes one output of a result at its registered format, as the CLI
/// does for `verity infer` / `verity result`: `x = q / 2^frac_bits` as `f32`,
/// then the output's softmax over `softmax_axis` if it has one.
#[pyfunction]
#[pyo3(signature = (values, shape, frac_bits, softmax_axis=None))]
fn dequantize_values(
	values: Vec<i64>,
	shape: Vec<usize>,
	frac_bits: u32,
	softmax_axis: Option<usize>,
) -> Vec<f32> {
	let t = Tensor {
		shape,
		data: values
			.iter()
			.map(|&v| dequantize_value(v, frac_bits) as f32)
			.collect(),
	};
	match softmax_axis {
		Some(axis) if axis < t.shape.len() => t.softmax(axis).data,
		_ => t.data,
	}
}

/// The QAP domain a quantized model's circuit is registered with (as `verity
/// model register` picks it): the smallest domain the chain's SRS of
/// `max_domain` points serves that holds the circuit. Returns `(domain_size,
/// constraints)`.
#[pyfunction]
fn circuit_domain(qmodel_bytes: &[u8], max_domain: u32) -> PyResult<(u32, usize)> {
	let model = open_quantized(qmodel_bytes)?;
	let stats =
		verity_zk::circuit_stats(&model).map_err(|e| err(format!("the model's circuit: {e}")))?;
	let domain = verity_zk::ceremony::domain::domain_sizes(max_domain)
		.into_iter()
		.find(|&n| n as usize >= stats.domain_size)
		.ok_or_else(|| {
			err(format!(
				"the model's circuit needs a QAP domain of at least {} points ({} \
				 constraints), the chain's SRS serves at most {max_domain} points",
				stats.domain_size, stats.constraints
			))
		})?;
	Ok((domain, stats.constraints))
}

/// The `verity._native` module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
	m.add("EngineError", m.py().get_type::<EngineError>())?;
	m.add_function(wrap_pyfunction!(blake2_256, m)?)?;
	m.add_function(wrap_pyfunction!(onnx_hash, m)?)?;
	m.add_function(wrap_pyfunction!(parse_tensor_file, m)?)?;
	m.add_function(wrap_pyfunction!(quantize_model, m)?)?;
	m.add_function(wrap_pyfunction!(qmodel_info, m)?)?;
	m.add_function(wrap_pyfunction!(run_quantized, m)?)?;
	m.add_function(wrap_pyfunction!(run_float, m)?)?;
	m.add_function(wrap_pyfunction!(quantize_values, m)?)?;
	m.add_function(wrap_pyfunction!(dequantize_values, m)?)?;
	m.add_function(wrap_pyfunction!(circuit_domain, m)?)?;
	Ok(())
}
