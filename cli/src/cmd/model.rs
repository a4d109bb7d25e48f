//! `verity model ...`: the file-level commands (`run`, `quantize`, `hash`)
//! here, the registry commands (`register`, `list`, ...) in
//! [`super::registry`].

use clap::{Args, Subcommand};
use serde_json::{json, Map, Value};
use verity_inference::hash::{onnx_hash, to_hex};
use verity_inference::io::{inputs_in_order, parse_tensor_map};
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::{quantize_onnx, QuantizeOnnxError, QuantizeOptions};
use verity_inference::{FloatModel, IntTensor, QuantizedModel, Tensor};

use super::registry;
use super::{done, read_file as read, Ctx, Outcome};
use crate::error::CliError;
use crate::output::print_line;

/// The `model` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity model run model.onnx --input input.json
  verity model quantize model.onnx --calibration cal.json --out model.qmodel
  verity model register model.onnx --name mnist --version 1.0 --calibration cal.json
  verity model list --name mnist";

/// `verity model` subcommands.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
	/// Run a model locally (float ONNX or quantized fixed point) and print its outputs
	#[command(
		long_about = "Runs MODEL on the inputs of IN.json. MODEL is an .onnx file (float) or a \
		              quantized model file (fixed point). Prints {\"outputs\": {\"<name>\": \
		              {\"shape\": [...], \"data\": [...]}}} as JSON; quantized models add the \
		              integer outputs (and, with --trace, every tensor).\n\nThe ONNX loader's \
		              limits (--max-model-bytes, ...) default to sizes that fit ResNet-50 and \
		              VGG-19; the chain's own limits are smaller and are not changed by these.",
		after_help = "Examples:\n  verity model run model.onnx --input input.json\n  \
		              verity model run model.qmodel --input input.json --trace\n  \
		              verity model run vgg19.onnx --input image.json --max-model-bytes 2147483648"
	)]
	Run(RunArgs),
	/// Quantize an ONNX model to fixed point, calibrating on sample inputs
	#[command(
		long_about = "Calibrates on CAL.json (inputs with a leading sample dimension) and \
		              writes the quantized model to QMODEL.",
		after_help = "Examples:\n  verity model quantize model.onnx --calibration cal.json --out model.qmodel\n  \
		              verity model quantize model.onnx --calibration cal.json --out model.qmodel --act-bits 12"
	)]
	Quantize(QuantizeArgs),
	/// Print the blake2-256 model hashes the chain stores
	#[command(
		long_about = "Prints the blake2-256 hash of an ONNX file, or of a quantized model and \
		              the ONNX file it came from: the hashes the chain stores.",
		after_help = "Examples:\n  verity model hash model.onnx\n  verity model hash model.qmodel"
	)]
	Hash(HashArgs),
	/// Register a model on chain (quantize, upload, register, follow its key ceremony)
	#[command(long_about = registry::REGISTER_ABOUT, after_help = registry::REGISTER_EXAMPLES)]
	Register(registry::RegisterArgs),
	/// Add a new version to a model family you own (as `register` does for a new family)
	#[command(long_about = registry::NEW_VERSION_ABOUT, after_help = registry::NEW_VERSION_EXAMPLES)]
	NewVersion(registry::NewVersionArgs),
	/// List the registered model versions
	#[command(
		long_about = "The registry: every model version with its hashes, I/O formats, modes, \
		              the key ceremony's status and, once it is final, the proving and \
		              verifying key hashes. A table on a terminal, JSON otherwise (--json).",
		after_help = "Examples:\n  verity model list\n  verity model list --name mnist --json"
	)]
	List(registry::ListArgs),
	/// Show one model version
	#[command(
		long_about = "Model version ID as `model list` shows it: hashes, I/O formats, modes, \
		              the key ceremony's status and, once it is final, the proving and \
		              verifying key hashes.",
		after_help = "Examples:\n  verity model show 0\n  verity model show 0 --json"
	)]
	Show(registry::IdArgs),
	/// Enable (or disable) a model for `infer --now`, as the sudo key
	#[command(
		long_about = "As the sudo key: enables (or, with --disable, disables) model ID for \
		              `infer --now` and prints its work units. Enabling first stores the \
		              quantized model in chain state if it is not there (DIR/model.qmodel, else \
		              downloaded from the node; a deposit is held from the signer): the \
		              precompile runs those bytes, on every node alike. --remove-bytes (with \
		              --disable) removes them and releases the deposit.",
		after_help = "Examples:\n  verity model sync 0 --suri //Alice\n  \
		              verity model sync 0 --disable --remove-bytes --suri //Alice"
	)]
	Sync(registry::SyncArgs),
	/// Set the most work a sync-enabled model may do, as the sudo key
	#[command(
		long_about = "As the sudo key: sets the most work units a synchronous inference \
		              (`infer --now`) may do.",
		after_help = "Examples:\n  verity model sync-bound 50000000 --suri //Alice"
	)]
	SyncBound(registry::SyncBoundArgs),
	/// Deprecate a model version: it takes no new requests
	#[command(
		long_about = "As the family's owner: a deprecated version takes no new requests; \
		              requests already made are not affected. Once nothing uses it, `model \
		              remove` deletes it.",
		after_help = "Examples:\n  verity model deprecate 3"
	)]
	Deprecate(registry::IdArgs),
	/// Remove a deprecated, unused model version and release its deposit
	#[command(
		long_about = "As the family's owner: once no request, provisional result or sync \
		              enablement uses the deprecated version ID, deletes it (and its key \
		              ceremony) and releases its deposit (the family's too with its last \
		              version).",
		after_help = "Examples:\n  verity model remove 3\n  verity model deprecate 3 && verity model remove 3"
	)]
	Remove(registry::IdArgs),
	/// Propose a new owner for a model family (or withdraw the proposal)
	#[command(
		long_about = "As the family's owner: proposes NEW_OWNER as the owner of family \
		              FAMILY_ID (`model show` prints a version's family); the transfer happens \
		              when NEW_OWNER runs `verity model accept-ownership FAMILY_ID`. A new \
		              proposal replaces the previous one; --cancel withdraws it.",
		after_help = "Examples:\n  verity model transfer-ownership 0 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\n  \
		              verity model transfer-ownership 0 --cancel"
	)]
	TransferOwnership(registry::TransferArgs),
	/// Accept the ownership of a model family proposed to you
	#[command(
		long_about = "Accepts the transfer of family FAMILY_ID proposed to the signer: the \
		              signer becomes the owner, the family's whole deposit is held from the \
		              signer and released to the previous owner.",
		after_help = "Examples:\n  verity model accept-ownership 0 --suri-file bob.suri"
	)]
	AcceptOwnership(registry::FamilyArgs),
}

/// `--act-bits` and `--weight-bits`.
#[derive(Debug, Args)]
pub struct BitsArgs {
	/// Activation bits
	#[arg(long, value_name = "N", default_value_t = QuantizeOptions::default().act_bits)]
	pub act_bits: u32,
	/// Weight bits
	#[arg(long, value_name = "N", default_value_t = QuantizeOptions::default().weight_bits)]
	pub weight_bits: u32,
}

impl BitsArgs {
	/// The quantizer's options with these bit widths.
	pub fn options(&self) -> QuantizeOptions {
		QuantizeOptions {
			act_bits: self.act_bits,
			weight_bits: self.weight_bits,
			..QuantizeOptions::default()
		}
	}
}

/// Largest ONNX file `model run` and `model quantize` load by default: room
/// for VGG-19 (548 MiB), far above the engine's 64 MiB (the chain's size).
pub const LOCAL_MAX_MODEL_BYTES: usize = 1 << 30;
/// Default weight budget: VGG-19 has 144 M parameters.
pub const LOCAL_MAX_PARAMETERS: usize = 256 << 20;
/// Default largest tensor: VGG-19's first dense layer has 103 M weights.
pub const LOCAL_MAX_TENSOR_ELEMENTS: usize = 256 << 20;
/// Default node count.
pub const LOCAL_MAX_NODES: usize = 100_000;

/// The ONNX loader's limits, for local runs. They protect this process
/// only; the chain checks models against its own.
#[derive(Debug, Args)]
pub struct LimitsArgs {
	/// Largest ONNX file to load, in bytes
	#[arg(long, value_name = "BYTES", default_value_t = LOCAL_MAX_MODEL_BYTES, help_heading = "Loader limits")]
	pub max_model_bytes: usize,
	/// Largest total number of weights
	#[arg(long, value_name = "N", default_value_t = LOCAL_MAX_PARAMETERS, help_heading = "Loader limits")]
	pub max_parameters: usize,
	/// Largest number of elements of any one tensor
	#[arg(long, value_name = "N", default_value_t = LOCAL_MAX_TENSOR_ELEMENTS, help_heading = "Loader limits")]
	pub max_tensor_elements: usize,
	/// Largest number of graph nodes
	#[arg(long, value_name = "N", default_value_t = LOCAL_MAX_NODES, help_heading = "Loader limits")]
	pub max_nodes: usize,
}

impl LimitsArgs {
	/// The loader options with these limits.
	pub fn load_options(&self) -> LoadOptions {
		LoadOptions {
			max_model_bytes: self.max_model_bytes,
			max_parameters: self.max_parameters,
			max_tensor_elements: self.max_tensor_elements,
			max_nodes: self.max_nodes,
			..LoadOptions::default()
		}
	}
}

/// `verity model run`.
#[derive(Debug, Args)]
pub struct RunArgs {
	/// An .onnx file (float) or a quantized model file (fixed point)
	#[arg(value_name = "MODEL")]
	pub model: String,
	/// The inputs: {"<name>": {"shape": [...], "data": [...]}}
	#[arg(long, value_name = "IN.json")]
	pub input: String,
	/// Also print every tensor (quantized models)
	#[arg(long)]
	pub trace: bool,
	/// The loader's limits.
	#[command(flatten)]
	pub limits: LimitsArgs,
}

/// `verity model quantize`.
#[derive(Debug, Args)]
pub struct QuantizeArgs {
	/// The float model
	#[arg(value_name = "MODEL.onnx")]
	pub model: String,
	/// Calibration inputs, with a leading sample dimension
	#[arg(long, value_name = "CAL.json")]
	pub calibration: String,
	/// Where to write the quantized model
	#[arg(long, value_name = "QMODEL")]
	pub out: String,
	/// Bit widths.
	#[command(flatten)]
	pub bits: BitsArgs,
	/// The loader's limits.
	#[command(flatten)]
	pub limits: LimitsArgs,
}

/// `verity model hash`.
#[derive(Debug, Args)]
pub struct HashArgs {
	/// An .onnx file or a quantized model file
	#[arg(value_name = "MODEL")]
	pub model: String,
}

/// Runs a `model` subcommand.
pub fn run(ctx: &Ctx, command: ModelCommand) -> Outcome {
	match command {
		ModelCommand::Run(a) => done(run_model(a)),
		ModelCommand::Quantize(a) => done(quantize_cmd(ctx, a)),
		ModelCommand::Hash(a) => done(hash(a)),
		ModelCommand::Register(a) => registry::register(ctx, a),
		ModelCommand::NewVersion(a) => registry::new_version(ctx, a),
		ModelCommand::List(a) => done(registry::list(ctx, a)),
		ModelCommand::Show(a) => done(registry::show(ctx, a)),
		ModelCommand::Sync(a) => done(registry::sync(ctx, a)),
		ModelCommand::SyncBound(a) => done(registry::sync_bound(ctx, a)),
		ModelCommand::Deprecate(a) => done(registry::deprecate(ctx, a)),
		ModelCommand::Remove(a) => done(registry::remove(ctx, a)),
		ModelCommand::TransferOwnership(a) => done(registry::transfer_ownership(ctx, a)),
		ModelCommand::AcceptOwnership(a) => done(registry::accept_ownership(ctx, a)),
	}
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
			.map_err(|e| CliError::input(format!("{path}: {e}")))
	} else {
		Ok(ModelFile::Onnx(bytes))
	}
}

fn tensor_json(t: &Tensor) -> Value {
	json!({"shape": t.shape, "data": t.data})
}

/// `verity model run`.
fn run_model(args: RunArgs) -> Result<(), CliError> {
	let model_path = args.model.as_str();
	let input_path = args.input.as_str();
	let limits = args.limits.load_options();
	let inputs = parse_tensor_map(&read(input_path)?)
		.map_err(|e| CliError::input(format!("{input_path}: {e}")))?;
	let mut outputs = Map::new();
	let model_info;
	match open_model(model_path)? {
		ModelFile::Onnx(bytes) => {
			let shapes: Vec<(String, Vec<usize>)> = inputs
				.iter()
				.map(|(n, t)| (n.clone(), t.shape.clone()))
				.collect();
			let options = onnx::options_for_shapes(&bytes, &shapes, &limits)
				.map_err(|e| CliError::input(format!("{model_path}: {e}")))?;
			let graph = onnx::load(&bytes, &options)
				.map_err(|e| CliError::input(format!("{model_path}: {e}")))?;
			let names: Vec<String> = graph.input_names().iter().map(|s| s.to_string()).collect();
			let xs = inputs_in_order(inputs, &names)
				.map_err(|e| CliError::input(format!("{input_path}: {e}")))?;
			let float = FloatModel::new(&graph)?;
			let ys = float
				.run(&xs)
				.map_err(|e| CliError::input(format!("{model_path}: {e}")))?;
			for (name, y) in graph.output_names().iter().zip(&ys) {
				outputs.insert(name.to_string(), tensor_json(y));
			}
			model_info = json!({"kind": "onnx", "onnx_hash": to_hex(&graph.onnx_hash)});
		}
		ModelFile::Quantized(model) => {
			let qx = model
				.quantize_input_map(inputs)
				.map_err(|e| CliError::input(format!("{input_path}: {e}")))?;
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
			if args.trace {
				let trace_json: Vec<Value> = trace
					.tensors
					.iter()
					.map(|t| json!({"shape": t.shape, "data": t.data}))
					.collect();
				let mut out = json!({"outputs": outputs, "model": model_info});
				out["trace"] = Value::Array(trace_json);
				print_line(&out.to_string());
				return Ok(());
			}
		}
	}
	print_line(&json!({"outputs": outputs, "model": model_info}).to_string());
	Ok(())
}

/// `verity model quantize`.
fn quantize_cmd(ctx: &Ctx, args: QuantizeArgs) -> Result<(), CliError> {
	let model_path = args.model.as_str();
	let cal_path = args.calibration.as_str();
	let out_path = args.out.as_str();
	let options = args.bits.options();
	let step = ctx.progress().bars_only().spinner(format!(
		"quantizing {model_path}, calibrating on {cal_path}"
	));
	let (model, samples) =
		quantize_file(model_path, cal_path, &options, &args.limits.load_options())?;
	step.done(format!(
		"{} ops, {samples} calibration samples, in {:.2} s",
		model.ops.len(),
		step.seconds()
	));
	std::fs::write(out_path, model.to_bytes())
		.map_err(|e| CliError::input(format!("{out_path}: {e}")))?;
	print_line(
		&json!({
			"out": out_path,
			"quantized_model_hash": to_hex(&model.hash()),
			"source_onnx_hash": model.source_onnx_hash,
			"ops": model.ops.len(),
			"calibration_samples": samples,
		})
		.to_string(),
	);
	Ok(())
}

/// Quantizes the ONNX model at `model_path`, calibrating on `cal_path` (inputs
/// with a leading sample dimension) and loading it within `limits`; returns
/// the model and the sample count.
pub fn quantize_file(
	model_path: &str,
	cal_path: &str,
	options: &QuantizeOptions,
	limits: &LoadOptions,
) -> Result<(QuantizedModel, usize), CliError> {
	let bytes = read(model_path)?;
	let cal = parse_tensor_map(&read(cal_path)?)
		.map_err(|e| CliError::input(format!("{cal_path}: {e}")))?;
	quantize_onnx(&bytes, &cal, options, limits).map_err(|e| match e {
		QuantizeOnnxError::Calibration(e) => CliError::input(format!("{cal_path}: {e}")),
		QuantizeOnnxError::Model(e) => CliError::input(format!("{model_path}: {e}")),
	})
}

/// `verity model hash`.
fn hash(args: HashArgs) -> Result<(), CliError> {
	let model_path = args.model.as_str();
	let out = match open_model(model_path)? {
		ModelFile::Onnx(bytes) => json!({"kind": "onnx", "onnx_hash": to_hex(&onnx_hash(&bytes))}),
		ModelFile::Quantized(model) => json!({
			"kind": "quantized",
			"quantized_model_hash": to_hex(&model.hash()),
			"source_onnx_hash": model.source_onnx_hash,
		}),
	};
	print_line(&out.to_string());
	Ok(())
}
