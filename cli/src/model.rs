//! `verity model ...`: file-level model commands (`run`, `quantize`, `hash`)
//! and the registry commands (`register`, `list`, `show`, in onchain.rs).

use serde_json::{json, Map, Value};
use verity_inference::hash::{onnx_hash, to_hex};
use verity_inference::io::{
	calibration_sample_shape, inputs_in_order, parse_tensor_map, split_samples,
};
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::{quantize, QuantizeOptions};
use verity_inference::{FloatModel, IntTensor, QuantizedModel, Tensor};

use crate::args::Args;
use crate::progress::Progress;
use crate::CliError;

pub fn main(argv: &[String]) -> Result<std::process::ExitCode, CliError> {
	if argv.first().map(String::as_str) == Some("register") {
		return crate::onchain::model_register(&Args::parse(
			&argv[1..],
			&[
				"name",
				"version",
				"calibration",
				"out",
				"url",
				"suri",
				"timeout",
				"act-bits",
				"weight-bits",
			],
			&["no-upload", "contribute", "no-wait", "json"],
		)?);
	}
	commands(argv).map(|()| std::process::ExitCode::SUCCESS)
}

/// The `verity model` subcommands.
const MODEL_COMMANDS: &str =
	"run, quantize, hash, register, list, show, sync, sync-bound, deprecate, remove";

fn commands(argv: &[String]) -> Result<(), CliError> {
	match argv.first().map(String::as_str) {
		Some("run") => run(&Args::parse(&argv[1..], &["input"], &["trace"])?),
		Some("quantize") => quantize_cmd(&Args::parse(
			&argv[1..],
			&["calibration", "out", "act-bits", "weight-bits"],
			&["json"],
		)?),
		Some("hash") => hash(&Args::parse(&argv[1..], &[], &[])?),
		Some("list") => {
			crate::onchain::model_list(&Args::parse(&argv[1..], &["url", "name"], &["json"])?)
		}
		Some("show") => crate::onchain::model_show(&Args::parse(&argv[1..], &["url"], &["json"])?),
		Some("sync") => crate::onchain::model_sync(&Args::parse(
			&argv[1..],
			&["url", "suri", "artifacts"],
			&["disable", "remove-bytes", "json"],
		)?),
		Some("sync-bound") => {
			crate::onchain::model_sync_bound(&Args::parse(&argv[1..], &["url", "suri"], &["json"])?)
		}
		Some("deprecate") => {
			crate::onchain::model_deprecate(&Args::parse(&argv[1..], &["url", "suri"], &["json"])?)
		}
		Some("remove") => {
			crate::onchain::model_remove(&Args::parse(&argv[1..], &["url", "suri"], &["json"])?)
		}
		Some(other) => Err(CliError(format!(
			"unknown model command '{other}' ({MODEL_COMMANDS})"
		))),
		None => Err(CliError(format!(
			"missing model command ({MODEL_COMMANDS})"
		))),
	}
}

fn read(path: &str) -> Result<Vec<u8>, CliError> {
	std::fs::read(path).map_err(|e| CliError(format!("{path}: {e}")))
}

/// A model file: quantized models are JSON objects, anything else is ONNX.
enum ModelFile {
	Onnx(Vec<u8>),
	Quantized(QuantizedModel),
}

fn open_model(path: &str) -> Result<ModelFile, CliError> {
	let bytes = read(path)?;
	let looks_like_json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
	if looks_like_json {
		QuantizedModel::from_bytes(&bytes)
			.map(ModelFile::Quantized)
			.map_err(|e| CliError(format!("{path}: {e}")))
	} else {
		Ok(ModelFile::Onnx(bytes))
	}
}

fn tensor_json(t: &Tensor) -> Value {
	json!({"shape": t.shape, "data": t.data})
}

fn run(args: &Args) -> Result<(), CliError> {
	let [model_path] = args.positional(1, "MODEL")? else {
		unreachable!()
	};
	let input_path = args.required("input")?;
	let inputs =
		parse_tensor_map(&read(input_path)?).map_err(|e| CliError(format!("{input_path}: {e}")))?;
	let mut outputs = Map::new();
	let model_info;
	match open_model(model_path)? {
		ModelFile::Onnx(bytes) => {
			let shapes: Vec<(String, Vec<usize>)> = inputs
				.iter()
				.map(|(n, t)| (n.clone(), t.shape.clone()))
				.collect();
			let options = onnx::options_for_shapes(&bytes, &shapes, &LoadOptions::default())
				.map_err(|e| CliError(format!("{model_path}: {e}")))?;
			let graph =
				onnx::load(&bytes, &options).map_err(|e| CliError(format!("{model_path}: {e}")))?;
			let names: Vec<String> = graph.input_names().iter().map(|s| s.to_string()).collect();
			let xs = inputs_in_order(inputs, &names)
				.map_err(|e| CliError(format!("{input_path}: {e}")))?;
			let float = FloatModel::new(&graph)?;
			let ys = float
				.run(&xs)
				.map_err(|e| CliError(format!("{model_path}: {e}")))?;
			for (name, y) in graph.output_names().iter().zip(&ys) {
				outputs.insert(name.to_string(), tensor_json(y));
			}
			model_info = json!({"kind": "onnx", "onnx_hash": to_hex(&graph.onnx_hash)});
		}
		ModelFile::Quantized(model) => {
			let names: Vec<String> = model.inputs.iter().map(|i| i.name.clone()).collect();
			let xs = inputs_in_order(inputs, &names)
				.map_err(|e| CliError(format!("{input_path}: {e}")))?;
			let qx = model
				.quantize_inputs(&xs)
				.map_err(|e| CliError(format!("{input_path}: {e}")))?;
			let trace = model.run_traced(&qx)?;
			let q_outputs: Vec<IntTensor> = trace.outputs(&model).into_iter().cloned().collect();
			let ys = model.dequantize_outputs(&q_outputs);
			for ((out, y), q) in model.outputs.iter().zip(&ys).zip(&q_outputs) {
				let mut entry = tensor_json(y);
				entry["quantized"] = json!({
					"frac_bits": model.tensors[out.tensor].frac_bits,
					"data": q.data,
					"transform": format!("{:?}", out.transform),
				});
				outputs.insert(out.name.clone(), entry);
			}
			model_info = json!({
				"kind": "quantized",
				"quantized_model_hash": to_hex(&model.hash()),
				"source_onnx_hash": model.source_onnx_hash,
				"quantized_inputs": model.inputs.iter().zip(&qx).map(|(i, q)| {
					(i.name.clone(), json!({"shape": q.shape, "frac_bits": model.tensors[i.tensor].frac_bits, "data": q.data}))
				}).collect::<Map<_, _>>(),
			});
			if args.switch("trace") {
				let trace_json: Vec<Value> = trace
					.tensors
					.iter()
					.map(|t| json!({"shape": t.shape, "data": t.data}))
					.collect();
				let mut out = json!({"outputs": outputs, "model": model_info});
				out["trace"] = Value::Array(trace_json);
				println!("{out}");
				return Ok(());
			}
		}
	}
	println!("{}", json!({"outputs": outputs, "model": model_info}));
	Ok(())
}

/// `--act-bits N` and `--weight-bits N` (`model quantize`, `model
/// register`), the defaults otherwise.
pub(crate) fn quantize_options(args: &Args) -> Result<QuantizeOptions, CliError> {
	Ok(QuantizeOptions {
		act_bits: args.number("act-bits", QuantizeOptions::default().act_bits)?,
		weight_bits: args.number("weight-bits", QuantizeOptions::default().weight_bits)?,
		..QuantizeOptions::default()
	})
}

fn quantize_cmd(args: &Args) -> Result<(), CliError> {
	let [model_path] = args.positional(1, "MODEL.onnx")? else {
		unreachable!()
	};
	let cal_path = args.required("calibration")?;
	let out_path = args.required("out")?;
	let options = quantize_options(args)?;
	let step = Progress::new(args.switch("json"))
		.bars_only()
		.spinner(format!(
			"quantizing {model_path}, calibrating on {cal_path}"
		));
	let (model, samples) = quantize_file(model_path, cal_path, &options)?;
	step.done(format!(
		"{} ops, {samples} calibration samples, in {:.2} s",
		model.ops.len(),
		step.seconds()
	));
	std::fs::write(out_path, model.to_bytes()).map_err(|e| CliError(format!("{out_path}: {e}")))?;
	println!(
		"{}",
		json!({
			"out": out_path,
			"quantized_model_hash": to_hex(&model.hash()),
			"source_onnx_hash": model.source_onnx_hash,
			"ops": model.ops.len(),
			"calibration_samples": samples,
		})
	);
	Ok(())
}

/// Quantizes the ONNX model at `model_path`, calibrating on `cal_path` (inputs
/// with a leading sample dimension); returns the model and the sample count.
pub fn quantize_file(
	model_path: &str,
	cal_path: &str,
	options: &QuantizeOptions,
) -> Result<(QuantizedModel, usize), CliError> {
	let bytes = read(model_path)?;
	let cal =
		parse_tensor_map(&read(cal_path)?).map_err(|e| CliError(format!("{cal_path}: {e}")))?;
	let specs =
		onnx::input_dim_specs(&bytes).map_err(|e| CliError(format!("{model_path}: {e}")))?;
	// Derive each input's per-sample shape, binding symbolic dims from it.
	let mut sample_shapes = Vec::new();
	let mut per_input_samples = Vec::new();
	let mut count = None;
	for (name, dims) in &specs {
		let t = cal
			.get(name)
			.ok_or_else(|| CliError(format!("{cal_path}: missing input '{name}'")))?;
		let shape = calibration_sample_shape(&t.shape, dims)
			.map_err(|e| CliError(format!("{cal_path}: '{name}': {e}")))?;
		let samples = split_samples(t, &shape);
		if *count.get_or_insert(samples.len()) != samples.len() {
			return Err(CliError(format!(
				"{cal_path}: inputs have different sample counts"
			)));
		}
		sample_shapes.push((name.clone(), shape));
		per_input_samples.push(samples);
	}
	if let Some(extra) = cal.keys().find(|k| !specs.iter().any(|(n, _)| n == *k)) {
		return Err(CliError(format!("{cal_path}: unknown input '{extra}'")));
	}
	let load_options = onnx::options_for_shapes(&bytes, &sample_shapes, &LoadOptions::default())
		.map_err(|e| CliError(format!("{model_path}: {e}")))?;
	let graph =
		onnx::load(&bytes, &load_options).map_err(|e| CliError(format!("{model_path}: {e}")))?;
	let samples: Vec<Vec<Tensor>> = (0..count.unwrap_or(0))
		.map(|i| per_input_samples.iter().map(|s| s[i].clone()).collect())
		.collect();
	let model =
		quantize(&graph, &samples, options).map_err(|e| CliError(format!("{model_path}: {e}")))?;
	Ok((model, samples.len()))
}

fn hash(args: &Args) -> Result<(), CliError> {
	let [model_path] = args.positional(1, "MODEL")? else {
		unreachable!()
	};
	let out = match open_model(model_path)? {
		ModelFile::Onnx(bytes) => json!({"kind": "onnx", "onnx_hash": to_hex(&onnx_hash(&bytes))}),
		ModelFile::Quantized(model) => json!({
			"kind": "quantized",
			"quantized_model_hash": to_hex(&model.hash()),
			"source_onnx_hash": model.source_onnx_hash,
		}),
	};
	println!("{out}");
	Ok(())
}
