//! The commands that talk to a node: `verity model register|list|show`,
//! `verity executor register|prove`, `verity infer`, `verity result` and
//! `verity account`. Argument handling and output live here; the chain access
//! is [`crate::chain`].
//!
//! Every command takes `--url` (default `$VERITY_URL`, else
//! ws://127.0.0.1:9944); the ones that sign take `--suri` (default
//! `$VERITY_SURI`). Results are JSON on stdout, progress goes to stderr.
//!
//! ## Artifacts and keys
//!
//! `model register` quantizes the model, computes its circuit's QAP domain
//! size, uploads `model.onnx` and `model.qmodel` to the node it talks to
//! (`artifacts_*` RPC, chunked for large files; files the node already has
//! are skipped) and registers the version with zk support. **It makes no
//! keys**: registering starts the model's key ceremony on chain
//! (pallet-ceremony; the validators' nodes contribute in turn, the owner
//! first with `--contribute`), and the command follows it until the key is
//! final (see [`crate::ceremony`]). Uploads are unsafe RPC methods: the
//! command checks first that the node accepts them and fails before the
//! slow steps if not (`--no-upload` skips uploading and writes the files to
//! `--out DIR`, default `./verity-artifacts/<quantized hash>/`, to upload
//! elsewhere with `verity artifacts upload FILE...`).
//!
//! `executor prove` needs the quantized model and the ceremony's final
//! proving key: from `--artifacts DIR` (`model.qmodel`, `proving.key`) when
//! given and present there, else downloaded from the node
//! (`artifacts_getChunk`); every file is checked against the hashes the
//! chain stores before it is used.
//!
//! Slow steps show progress bars on a terminal (see [`crate::progress`]).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use serde_json::{json, Value};
use subxt_signer::sr25519::Keypair;
use verity_inference::hash::blake2_256;
use verity_inference::io::parse_tensor_map;
use verity_inference::quant::arith::{dequantize_value, quantize_value};
use verity_inference::{OutputTransform, QuantizedModel, Tensor};
use verity_zk::{Binding, Bls12_381, ProvingKey, VerifyingKey};

use crate::args::Args;
use crate::chain::{
	self, hex, Chain, Challenged, InferenceResult, InputFormat, KeyInfo, KeyStatus, Mode, Model,
	NewModel, OutputFormat, Provisional, Request, RequestStatus, Submitted, Transform, ZkParams,
};
use crate::progress::Progress;
use crate::CliError;

const ONNX_FILE: &str = "model.onnx";
const QMODEL_FILE: &str = "model.qmodel";
const PROVING_KEY_FILE: &str = "proving.key";
const INFO_FILE: &str = "model.json";
/// Where `model register` puts artifacts unless `--out` says otherwise.
const ARTIFACTS_ROOT: &str = "verity-artifacts";
/// One VRT in plancks (12 decimals).
const UNIT: u128 = 1_000_000_000_000;
/// `infer`'s default deadline, in blocks from the current best block.
const DEFAULT_DEADLINE_BLOCKS: u64 = 100;
/// `infer --wait`'s default timeout.
const DEFAULT_WAIT_SECS: u64 = 300;

pub(crate) fn url(args: &Args) -> String {
	args.value("url")
		.map(str::to_string)
		.or_else(|| std::env::var("VERITY_URL").ok())
		.unwrap_or_else(|| chain::DEFAULT_URL.to_string())
}

pub(crate) fn signer(args: &Args) -> Result<Keypair, CliError> {
	let suri = match args.value("suri") {
		Some(s) => s.to_string(),
		None => std::env::var("VERITY_SURI").map_err(|_| {
			CliError("missing --suri (the signing key: //Alice, a mnemonic, ...)".into())
		})?,
	};
	Ok(chain::keypair(&suri)?)
}

/// Runs an async command on a fresh runtime.
pub(crate) fn block_on<T>(f: impl Future<Output = Result<T, CliError>>) -> Result<T, CliError> {
	tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.map_err(|e| CliError(format!("cannot start the async runtime: {e}")))?
		.block_on(f)
}

pub(crate) fn id_arg(args: &Args, what: &str) -> Result<u64, CliError> {
	let [id] = args.positional(1, what)? else {
		unreachable!()
	};
	id.parse()
		.map_err(|_| CliError(format!("{what}: '{id}' is not a non-negative integer")))
}

fn progress(message: impl AsRef<str>) {
	eprintln!("{}", message.as_ref());
}

pub(crate) fn print_json(value: &Value) {
	use std::io::Write;
	// Not `println!`: it panics when the reader has gone (`verity ... | head`);
	// the command's work is done by now either way.
	let _ = writeln!(
		std::io::stdout().lock(),
		"{}",
		serde_json::to_string_pretty(value).unwrap_or_default()
	);
}

/// A balance as JSON: a number while it fits in a u64 (18.4 million VRT),
/// else a decimal string (JSON numbers are not safe beyond that).
fn amount(planck: u128) -> Value {
	match u64::try_from(planck) {
		Ok(v) => json!(v),
		Err(_) => json!(planck.to_string()),
	}
}

fn vrt(planck: u128) -> String {
	let frac = planck % UNIT;
	if frac == 0 {
		format!("{} VRT", planck / UNIT)
	} else {
		let digits = format!("{frac:012}");
		format!("{}.{} VRT", planck / UNIT, digits.trim_end_matches('0'))
	}
}

/// A fee: plancks, or VRT with a ` VRT` / `VRT` suffix (`0.5VRT`).
fn parse_fee(s: &str) -> Result<u128, CliError> {
	let bad = || {
		CliError(format!(
			"--max-fee: '{s}' is neither a planck amount nor a VRT amount like 0.5VRT"
		))
	};
	let Some(amount) = s.trim().strip_suffix("VRT").map(str::trim) else {
		return s.trim().parse().map_err(|_| bad());
	};
	let (whole, frac) = amount.split_once('.').unwrap_or((amount, ""));
	if frac.len() > 12 || !frac.bytes().all(|b| b.is_ascii_digit()) {
		return Err(bad());
	}
	let whole: u128 = whole.parse().map_err(|_| bad())?;
	let frac: u128 = if frac.is_empty() {
		0
	} else {
		format!("{frac:0<12}").parse().map_err(|_| bad())?
	};
	whole
		.checked_mul(UNIT)
		.and_then(|w| w.checked_add(frac))
		.ok_or_else(bad)
}

// ---------------------------------------------------------------------------
// JSON views.

fn transform_json(t: &Transform) -> Value {
	match t {
		Transform::None => json!("none"),
		Transform::Softmax { axis } => json!({"softmax": {"axis": axis}}),
	}
}

fn model_json(m: &Model) -> Value {
	let mut modes = Vec::new();
	if m.supports_zk {
		modes.push("zk");
	}
	if m.supports_vanilla {
		modes.push("vanilla");
	}
	json!({
		"id": m.id,
		"family": m.family,
		"name": m.name,
		"version": m.version,
		"owner": m.owner.to_string(),
		"active": m.active,
		"modes": modes,
		"onnx_hash": hex(&m.onnx_hash),
		"quantized_hash": hex(&m.quantized_hash),
		"zk": m.zk.map(|z| json!({
			"domain_size": z.domain_size,
			"owner_contributes": z.owner_contributes,
		})),
		"ceremony": m.ceremony.as_ref().map(|k| json!({
			"status": k.status.name(),
			"round": k.round,
			"contributions": k.contributions.len(),
			"contributors": k.contributions.iter().map(|c| c.who.to_string()).collect::<Vec<_>>(),
			"turn": k.turn.as_ref().map(|a| a.to_string()),
			"deadline": k.turn.as_ref().map(|_| k.deadline),
		})),
		// The ceremony's final keys (null until it is final).
		"proving_key_hash": m.ceremony.as_ref().and_then(KeyInfo::final_proving_key).map(|h| hex(&h)),
		"verifying_key": m.ceremony.as_ref().and_then(KeyInfo::final_verifying_key).map(|vk| json!({
			"bytes": vk.len(),
			"hash": hex(&blake2_256(vk)),
		})),
		"act_bits": m.act_bits,
		"input_len": m.input_len,
		"output_len": m.output_len,
		"inputs": m.inputs.iter().map(|i| json!({"shape": i.shape, "frac_bits": i.frac_bits})).collect::<Vec<_>>(),
		"outputs": m.outputs.iter().map(|o| json!({
			"shape": o.shape,
			"frac_bits": o.frac_bits,
			"transform": transform_json(&o.transform),
		})).collect::<Vec<_>>(),
		"registered_at": m.registered_at,
		"deposit": amount(m.deposit),
	})
}

fn numel(shape: &[u32]) -> usize {
	shape.iter().map(|&d| d as usize).product()
}

/// The outputs of a result, split per output tensor and dequantized exactly
/// as `verity model run` does (`q / 2^frac_bits` as f32, then the transform).
fn outputs_json(model: &Model, output: &[i32]) -> Value {
	let mut at = 0;
	let mut list = Vec::new();
	for o in &model.outputs {
		let n = numel(&o.shape).min(output.len().saturating_sub(at));
		let q = &output[at..at + n];
		at += n;
		let t = Tensor {
			shape: o.shape.iter().map(|&d| d as usize).collect(),
			data: q
				.iter()
				.map(|&v| dequantize_value(v as i64, o.frac_bits as u32) as f32)
				.collect(),
		};
		let t = match o.transform {
			Transform::Softmax { axis } if (axis as usize) < t.shape.len() => {
				t.softmax(axis as usize)
			}
			_ => t,
		};
		list.push(json!({
			"shape": o.shape,
			"frac_bits": o.frac_bits,
			"quantized": q,
			"data": t.data,
		}));
	}
	Value::Array(list)
}

fn result_json(id: u64, r: &InferenceResult, model: Option<&Model>) -> Value {
	let mut v = json!({
		"request_id": id,
		"status": result_status(r),
		"verified": r.verified,
		"mode": r.mode.name(),
		"model_id": r.model_id,
		"requester": r.requester.to_string(),
		"executor": r.executor.to_string(),
		"fee": amount(r.fee),
		"block": r.block,
		"input": r.input,
		"output": r.output,
	});
	if let Some(model) = model {
		v["outputs"] = outputs_json(model, &r.output);
	}
	v
}

/// `verified`/`unverified`; for an `Optimistic` result, `overturned` (a
/// challenge proved another output) or `final` (unchallenged).
fn result_status(r: &InferenceResult) -> &'static str {
	match (r.mode, r.verified) {
		(Mode::Optimistic, true) => "overturned",
		(Mode::Optimistic, false) => "final",
		(_, true) => "verified",
		(_, false) => "unverified",
	}
}

fn provisional_json(id: u64, p: &Provisional, model: Option<&Model>) -> Value {
	let mut v = json!({
		"request_id": id,
		"status": "provisional",
		"verified": false,
		"mode": Mode::Optimistic.name(),
		"model_id": p.model_id,
		"requester": p.requester.to_string(),
		"executor": p.executor.to_string(),
		"fee": amount(p.fee),
		"block": p.block,
		"challenge_end": p.challenge_end,
		"input": p.input,
		"output": p.output,
	});
	if let Some(model) = model {
		v["outputs"] = outputs_json(model, &p.output);
	}
	v
}

fn pending_json(id: u64, r: &Request) -> Value {
	json!({
		"request_id": id,
		"status": "pending",
		"mode": r.mode.name(),
		"model_id": r.model_id,
		"requester": r.requester.to_string(),
		"executor": r.executor.as_ref().map(|e| e.to_string()),
		"fee": amount(r.fee),
		"created": r.created,
		"window_end": r.window_end,
		"draws": r.draws,
		"deadline": r.deadline,
	})
}

// ---------------------------------------------------------------------------
// verity model register | list | show

pub fn model_register(args: &Args) -> Result<ExitCode, CliError> {
	let [onnx_path] = args.positional(1, "MODEL.onnx")? else {
		unreachable!()
	};
	let name = args.required("name")?.to_string();
	let version = args.required("version")?.to_string();
	let cal_path = args.required("calibration")?;
	let options = crate::model::quantize_options(args)?;
	let key = signer(args)?;
	let url = url(args);
	let upload = !args.switch("no-upload");
	let contribute = args.switch("contribute");
	let wait = !args.switch("no-wait");
	let timeout = match args.value("timeout") {
		None => None,
		Some(v) => Some(Duration::from_secs(v.parse().map_err(|_| {
			CliError(format!("--timeout: '{v}' is not a number of seconds"))
		})?)),
	};
	if contribute && !upload {
		return Err(CliError(
			"--contribute uploads the new proving key to the node: it cannot go with --no-upload"
				.into(),
		));
	}
	if timeout.is_some() && !wait {
		return Err(CliError(
			"--timeout is for waiting: not with --no-wait".into(),
		));
	}
	let steps = Progress::new(args.switch("json"));
	let onnx = std::fs::read(onnx_path).map_err(|e| CliError(format!("{onnx_path}: {e}")))?;
	block_on(async {
		// Connect first: a wrong URL, a node that will refuse the upload, or
		// a chain whose SRS is not final fails before the slow steps.
		let chain = Chain::connect(&url).await?;
		if upload {
			chain.check_uploads_allowed().await.map_err(|e| {
				CliError(format!(
					"{e}; or pass --no-upload to register without uploading (then upload \
					 model.qmodel from --out DIR yourself: the validators need it)"
				))
			})?;
		}
		let srs = chain.require_srs().await?;
		if srs.final_srs().is_none() {
			return Err(CliError(format!(
				"zk models can be registered once the chain's SRS is final, and it is not yet \
				 ({}); `verity ceremony status` shows it",
				crate::ceremony::srs_summary(&srs)
			)));
		}

		let step = steps.spinner(format!("quantizing {onnx_path}, calibrating on {cal_path}"));
		let (model, samples) = crate::model::quantize_file(onnx_path, cal_path, &options)?;
		step.done(format!(
			"{} ops, {} calibration samples, {}-bit activations, in {:.2} s",
			model.ops.len(),
			samples,
			model.act_bits,
			step.seconds()
		));
		let stats = verity_zk::circuit_stats(&model)
			.map_err(|e| CliError(format!("{onnx_path}: its circuit: {e}")))?;
		let domain_size = crate::ceremony::domain_for(stats.domain_size, srs.max_domain)
			.ok_or_else(|| {
				CliError(format!(
					"{onnx_path}: its circuit needs a QAP domain of at least {} points ({} \
					 constraints), the chain's SRS serves at most {} points",
					stats.domain_size, stats.constraints, srs.max_domain
				))
			})?;
		steps.note(format!(
			"circuit: {} constraints, {} public inputs, {domain_size}-point QAP domain",
			stats.constraints, stats.public_inputs
		));

		let qmodel_bytes = model.to_bytes();
		let dir = match args.value("out") {
			Some(d) => Some(PathBuf::from(d)),
			None if !upload => Some(default_artifact_dir(&model.hash())),
			None => None,
		};
		if let Some(dir) = &dir {
			std::fs::create_dir_all(dir)
				.map_err(|e| CliError(format!("{}: {e}", dir.display())))?;
			write_artifact(dir, ONNX_FILE, &onnx)?;
			write_artifact(dir, QMODEL_FILE, &qmodel_bytes)?;
			steps.note(format!("artifacts written to {}", dir.display()));
		}

		// Upload before registering: the validators' nodes need the quantized
		// model for the key ceremony, executors need both files.
		let uploaded =
			if upload {
				let files = [(ONNX_FILE, &onnx[..]), (QMODEL_FILE, &qmodel_bytes[..])];
				let uploaded = upload_artifacts(&chain, &steps, &files)
					.await
					.map_err(|e| CliError(format!("{}; nothing was registered", e.0)))?;
				Value::Array(uploaded)
			} else {
				steps.note(format!(
				"--no-upload: the artifacts stay in {}; the validators cannot contribute to the \
				 key until a node has model.qmodel (`verity artifacts upload`)",
				dir.as_ref().map(|d| d.display().to_string()).unwrap_or_default()
			));
				Value::Null
			};

		let new = NewModel {
			name: name.clone(),
			version: version.clone(),
			onnx_hash: blake2_256(&onnx),
			quantized_hash: model.hash(),
			zk: Some(ZkParams {
				domain_size,
				owner_contributes: contribute,
			}),
			act_bits: u8::try_from(model.act_bits)
				.map_err(|_| CliError(format!("act_bits {} out of range", model.act_bits)))?,
			inputs: model
				.inputs
				.iter()
				.map(|i| {
					tensor_format(&model, i.tensor)
						.map(|(shape, frac_bits)| InputFormat { shape, frac_bits })
				})
				.collect::<Result<_, _>>()?,
			outputs: model
				.outputs
				.iter()
				.map(|o| {
					tensor_format(&model, o.tensor).map(|(shape, frac_bits)| OutputFormat {
						shape,
						frac_bits,
						transform: match o.transform {
							OutputTransform::None => Transform::None,
							OutputTransform::Softmax { axis } => {
								Transform::Softmax { axis: axis as u32 }
							}
						},
					})
				})
				.collect::<Result<_, _>>()?,
			supports_zk: true,
			supports_vanilla: true,
		};
		let step = steps.spinner(format!(
			"registering '{name}' {version} on {url} (waiting for finalization)"
		));
		let registered = chain.register_model(&key, &new).await?;
		let model_id = registered.model_id;
		step.done(format!(
			"model {model_id} in block #{}; its key ceremony started",
			registered.included.block_number
		));
		if srs.insecure {
			steps.note(format!("warning: {}", crate::ceremony::INSECURE_WARNING));
		}
		let mut out = json!({
			"model_id": model_id,
			"family": registered.family,
			"name": name,
			"version": version,
			"owner": chain::account_of(&key).to_string(),
			"block": registered.included.block_number,
			"block_hash": registered.included.block_hash,
			"deposit": amount(registered.deposit),
			"onnx_hash": hex(&new.onnx_hash),
			"quantized_hash": hex(&new.quantized_hash),
			"domain_size": domain_size,
			"constraints": stats.constraints,
			"owner_contributes": contribute,
			"artifacts": dir.as_ref().map(|d| d.display().to_string()),
			"uploaded": uploaded,
			"insecure_srs": srs.insecure,
			"url": url,
		});

		let (info, contribution) = if wait {
			let owner = contribute.then_some(&key);
			crate::ceremony::follow(&chain, model_id, owner, &steps, timeout)
				.await
				.map_err(|e| CliError(format!("model {model_id} is registered, but: {}", e.0)))?
		} else {
			let info = chain.require_key_info(model_id).await?;
			steps.note(format!("model {model_id}: {}", info.summary()));
			if contribute {
				steps.note(format!(
					"--no-wait: the first turn is yours; contribute with `verity ceremony \
					 contribute {model_id}` by block #{} (or the turn is skipped)",
					info.deadline
				));
			}
			(info, None)
		};
		let best = chain.best_number().await?;
		out["status"] = json!(info.status.name());
		out["proving_key_hash"] = json!(info.final_proving_key().map(|h| hex(&h)));
		out["verifying_key_hash"] =
			json!(info.final_verifying_key().map(|vk| hex(&blake2_256(vk))));
		out["contributors"] = json!(info
			.contributions
			.iter()
			.map(|c| c.who.to_string())
			.collect::<Vec<_>>());
		// One "model_id" line in the output, the top-level one (scripts/dev
		// finds it with sed).
		let nested = |mut v: Value| {
			if let Some(o) = v.as_object_mut() {
				o.remove("model_id");
			}
			v
		};
		out["ceremony"] = nested(crate::ceremony::key_json(
			model_id,
			&info,
			Some(srs.insecure),
			best,
		));
		if let Some(c) = contribution {
			out["contribution"] = nested(c);
		}
		if let Some(dir) = &dir {
			write_artifact(
				dir,
				INFO_FILE,
				serde_json::to_string_pretty(&out)
					.unwrap_or_default()
					.as_bytes(),
			)?;
		}
		print_json(&out);
		if info.status == KeyStatus::Failed {
			eprintln!(
				"error: model {model_id} is registered, but {}",
				info.summary()
			);
			return Ok(ExitCode::from(1));
		}
		Ok(ExitCode::SUCCESS)
	})
}

fn write_artifact(dir: &Path, file: &str, bytes: &[u8]) -> Result<(), CliError> {
	let path = dir.join(file);
	std::fs::write(&path, bytes).map_err(|e| CliError(format!("{}: {e}", path.display())))
}

/// Uploads `files` (name, bytes) to the node's artifact store, skipping the
/// ones it already has; one JSON entry per file (`status` `uploaded` or
/// `present`).
pub(crate) async fn upload_artifacts(
	chain: &Chain,
	steps: &Progress,
	files: &[(&str, &[u8])],
) -> Result<Vec<Value>, CliError> {
	let hashes: Vec<[u8; 32]> = files.iter().map(|(_, b)| blake2_256(b)).collect();
	let present = chain.artifacts_has(&hashes).await?;
	let mut out = Vec::new();
	for (((name, bytes), hash), present) in files.iter().zip(&hashes).zip(present) {
		let status = if present {
			steps.note(format!("{name}: already on the node ({})", hex(hash)));
			"present"
		} else {
			let step = steps.bytes(format!("uploading {name}"), bytes.len() as u64);
			chain
				.upload_artifact(bytes, |done| step.set_position(done))
				.await?;
			step.done(format!(
				"{name}: stored as {} ({} bytes) in {:.2} s",
				hex(hash),
				bytes.len(),
				step.seconds()
			));
			"uploaded"
		};
		out.push(json!({
			"file": name,
			"hash": hex(hash),
			"bytes": bytes.len(),
			"status": status,
		}));
	}
	Ok(out)
}

// ---------------------------------------------------------------------------
// verity artifacts upload

pub fn artifacts_main(argv: &[String]) -> Result<(), CliError> {
	match argv.first().map(String::as_str) {
		Some("upload") => artifacts_upload(&Args::parse(&argv[1..], &["url"], &["json"])?),
		Some(other) => Err(CliError(format!(
			"unknown artifacts command '{other}' (upload)"
		))),
		None => Err(CliError("missing artifacts command (upload)".into())),
	}
}

/// `verity artifacts upload FILE...`: pushes files to a node's artifact store.
fn artifacts_upload(args: &Args) -> Result<(), CliError> {
	if args.positional.is_empty() {
		return Err(CliError(
			"expected FILE... (the artifacts to upload)".into(),
		));
	}
	let contents = args
		.positional
		.iter()
		.map(|p| std::fs::read(p).map_err(|e| CliError(format!("{p}: {e}"))))
		.collect::<Result<Vec<_>, _>>()?;
	let files: Vec<(&str, &[u8])> = args
		.positional
		.iter()
		.map(String::as_str)
		.zip(contents.iter().map(Vec::as_slice))
		.collect();
	let url = url(args);
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let uploaded = upload_artifacts(&chain, &steps, &files).await?;
		print_json(&Value::Array(uploaded));
		Ok(())
	})
}

/// `./verity-artifacts/<quantized-model hash>/`: where `model register
/// --no-upload` writes the artifacts unless `--out` says otherwise.
fn default_artifact_dir(quantized_hash: &[u8; 32]) -> PathBuf {
	Path::new(ARTIFACTS_ROOT).join(hex(quantized_hash).trim_start_matches("0x"))
}

/// A model tensor's shape and fraction bits in the chain's types.
fn tensor_format(model: &QuantizedModel, tensor: usize) -> Result<(Vec<u32>, u8), CliError> {
	let spec = &model.tensors[tensor];
	let shape = spec
		.shape
		.iter()
		.map(|&d| u32::try_from(d))
		.collect::<Result<Vec<u32>, _>>()
		.map_err(|_| CliError("a tensor dimension does not fit in u32".into()))?;
	let frac_bits = u8::try_from(spec.frac_bits)
		.map_err(|_| CliError(format!("frac_bits {} out of range", spec.frac_bits)))?;
	Ok((shape, frac_bits))
}

pub fn model_list(args: &Args) -> Result<(), CliError> {
	args.positional(0, "no positional arguments")?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let models = chain.models().await?;
		// `--name N`: only model family N's versions.
		let name = args.value("name");
		print_json(&Value::Array(
			models
				.iter()
				.filter(|m| name.is_none_or(|n| m.name == n))
				.map(model_json)
				.collect(),
		));
		Ok(())
	})
}

/// `verity model sync ID [--disable]`: enables (or disables) a model for
/// `infer --now`, as the sudo key.
pub fn model_sync(args: &Args) -> Result<(), CliError> {
	let id = id_arg(args, "ID")?;
	let enabled = !args.switch("disable");
	let key = signer(args)?;
	let url = url(args);
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let mut out = json!({ "model_id": id, "sync": enabled });
		if enabled {
			// The precompile runs the model's bytes from chain state: store
			// them first (once per quantized model, with a deposit).
			let model = chain.require_model(id).await?;
			if chain.model_bytes_stored(&model.quantized_hash).await? {
				out["bytes"] = json!("stored already");
			} else {
				let dir = args.value("artifacts").map(PathBuf::from);
				let bytes = artifact(
					&chain,
					&steps,
					dir.as_deref(),
					QMODEL_FILE,
					&model.quantized_hash,
					"quantized model",
				)
				.await?;
				let step = steps.spinner(format!(
					"storing the quantized model ({} bytes) in chain state",
					bytes.len()
				));
				let (deposit, _) = chain.store_model_bytes(&key, bytes).await?;
				step.done(format!("deposit {}", vrt(deposit)));
				out["bytes"] = json!("stored");
				out["bytes_deposit"] = amount(deposit);
			}
		}
		let (work, included) = chain.set_sync_model(&key, id, enabled).await?;
		out["work"] = json!(work);
		out["block"] = json!(included.block_number);
		if !enabled && args.switch("remove-bytes") {
			let model = chain.require_model(id).await?;
			let deposit = chain
				.remove_model_bytes(&key, &model.quantized_hash)
				.await?;
			progress(format!("model bytes removed: {} released", vrt(deposit)));
			out["bytes"] = json!("removed");
			out["bytes_deposit"] = amount(deposit);
		}
		print_json(&out);
		Ok(())
	})
}

/// `verity model deprecate ID`: the version takes no new requests (its
/// family's owner).
pub fn model_deprecate(args: &Args) -> Result<(), CliError> {
	let id = id_arg(args, "ID")?;
	let key = signer(args)?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let included = chain.deprecate_model(&key, id).await?;
		print_json(&json!({
			"model_id": id,
			"status": "deprecated",
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// `verity model remove ID`: deletes a deprecated version nothing uses any
/// more and releases its deposit (its family's owner).
pub fn model_remove(args: &Args) -> Result<(), CliError> {
	let id = id_arg(args, "ID")?;
	let key = signer(args)?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let (deposit, family_removed, included) = chain.remove_model(&key, id).await?;
		progress(format!("model {id} removed: {} released", vrt(deposit)));
		print_json(&json!({
			"model_id": id,
			"status": "removed",
			"deposit_released": amount(deposit),
			"family_removed": family_removed,
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// `verity model sync-bound WORK`: sets the most work a synchronous inference
/// may do, as the sudo key.
pub fn model_sync_bound(args: &Args) -> Result<(), CliError> {
	let bound = id_arg(args, "WORK")?;
	let key = signer(args)?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let included = chain.set_sync_work_bound(&key, bound).await?;
		print_json(&json!({ "sync_work_bound": bound, "block": included.block_number }));
		Ok(())
	})
}

pub fn model_show(args: &Args) -> Result<(), CliError> {
	let id = id_arg(args, "ID")?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let model = chain.require_model(id).await?;
		if let Some(k) = &model.ceremony {
			progress(format!("model {id}: {}", k.summary()));
		}
		print_json(&model_json(&model));
		Ok(())
	})
}

// ---------------------------------------------------------------------------
// verity executor register | prove

pub fn executor_main(argv: &[String]) -> Result<ExitCode, CliError> {
	match argv.first().map(String::as_str) {
		Some("register") => {
			executor_register(&Args::parse(&argv[1..], &["url", "suri"], &["json"])?)
				.map(|()| ExitCode::SUCCESS)
		}
		Some("prove") => executor_prove(&Args::parse(
			&argv[1..],
			&["url", "suri", "artifacts"],
			&["tamper-output", "skip-assignment-check", "json"],
		)?),
		Some("decline") => executor_decline(&Args::parse(&argv[1..], &["url", "suri"], &["json"])?)
			.map(|()| ExitCode::SUCCESS),
		Some(other) => Err(CliError(format!(
			"unknown executor command '{other}' (register, prove, decline)"
		))),
		None => Err(CliError(
			"missing executor command (register, prove, decline)".into(),
		)),
	}
}

fn executor_register(args: &Args) -> Result<(), CliError> {
	args.positional(0, "no positional arguments")?;
	let key = signer(args)?;
	let url = url(args);
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let who = chain::account_of(&key);
		let step = steps.spinner(format!(
			"bonding {who} as an executor (waiting for finalization)"
		));
		let included = chain.register_executor(&key).await?;
		step.done(format!("in block #{}", included.block_number));
		let info = chain.executor(&who).await?;
		print_json(&json!({
			"executor": who.to_string(),
			"bond": info.as_ref().map(|i| amount(i.bond)),
			"active": info.as_ref().map(|i| i.active),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// A model's artifacts, checked against the chain.
struct Artifacts {
	model: QuantizedModel,
	/// With zk support: the ceremony's final proving key.
	proving_key: Option<ProvingKey>,
}

/// The artifact `hash` (`what`): `dir/file` when `dir` is given and has the
/// file (it must be the chain's), else downloaded from the node.
async fn artifact(
	chain: &Chain,
	steps: &Progress,
	dir: Option<&Path>,
	file: &str,
	hash: &[u8; 32],
	what: &str,
) -> Result<Vec<u8>, CliError> {
	if let Some(path) = dir.map(|d| d.join(file)).filter(|p| p.is_file()) {
		let bytes =
			std::fs::read(&path).map_err(|e| CliError(format!("{}: {e}", path.display())))?;
		if &blake2_256(&bytes) != hash {
			return Err(CliError(format!(
				"{}: hash {} differs from {what} {} on chain",
				path.display(),
				hex(&blake2_256(&bytes)),
				hex(hash)
			)));
		}
		return Ok(bytes);
	}
	let step = steps.spinner(format!("downloading {what} {} from the node", hex(hash)));
	let bytes = chain
		.download_artifact(hash, |_| {})
		.await
		.map_err(|e| CliError(format!("{what}: {e}")))?;
	step.done(format!("{} bytes in {:.2} s", bytes.len(), step.seconds()));
	Ok(bytes)
}

/// The quantized model and, for a zk request, the final proving key of
/// `chain_model`: from `dir` when it has them, else from the node; checked
/// against the chain's hashes.
async fn load_artifacts(
	chain: &Chain,
	steps: &Progress,
	dir: Option<&Path>,
	chain_model: &Model,
	zk: bool,
) -> Result<Artifacts, CliError> {
	let id = chain_model.id;
	let bytes = artifact(
		chain,
		steps,
		dir,
		QMODEL_FILE,
		&chain_model.quantized_hash,
		&format!("model {id}'s quantized model"),
	)
	.await?;
	let model = QuantizedModel::from_bytes(&bytes)
		.map_err(|e| CliError(format!("model {id}'s quantized model: {e}")))?;
	if !zk {
		return Ok(Artifacts {
			model,
			proving_key: None,
		});
	}
	if let Some(why) = chain_model.refusal(Mode::Zk) {
		return Err(CliError(why));
	}
	let pk_hash = chain_model
		.ceremony
		.as_ref()
		.and_then(KeyInfo::final_proving_key)
		.ok_or_else(|| CliError(format!("model {id} has no final proving key")))?;
	let bytes = artifact(
		chain,
		steps,
		dir,
		PROVING_KEY_FILE,
		&pk_hash,
		&format!("model {id}'s proving key"),
	)
	.await?;
	let pk = ProvingKey::read(&mut &bytes[..])
		.map_err(|e| CliError(format!("model {id}'s proving key {}: {e}", hex(&pk_hash))))?;
	Ok(Artifacts {
		model,
		proving_key: Some(pk),
	})
}

/// Open request `request_id`, once it is assigned (a request has no executor
/// in its own block, nor right after a rejected proof or a decline; waits up
/// to 30 s): an error unless it is assigned to `who` (or `any_executor`: the
/// test tool `--skip-assignment-check`, to show that the transaction pool
/// refuses the submission).
async fn assigned_request(
	chain: &Chain,
	request_id: u64,
	who: &subxt::utils::AccountId32,
	any_executor: bool,
) -> Result<Request, CliError> {
	chain
		.wait_for_assignment(request_id, Duration::from_secs(30))
		.await?;
	let request = match chain.request_status(request_id).await? {
		RequestStatus::Pending(r) => r,
		RequestStatus::Done(r) => {
			return Err(CliError(format!(
				"request {request_id} already has a result (block #{}, executor {})",
				r.block, r.executor
			)))
		}
		RequestStatus::Provisional(p) => {
			return Err(CliError(format!(
				"request {request_id} already has a provisional result (block #{}, executor {})",
				p.block, p.executor
			)))
		}
		RequestStatus::Expired => {
			return Err(CliError(format!(
				"request {request_id} expired without a result"
			)))
		}
		RequestStatus::Unknown { .. } => {
			return Err(CliError(format!("unknown request {request_id}")))
		}
	};
	if request.executor.as_ref() != Some(who) && !any_executor {
		return Err(CliError(format!(
			"request {request_id} is assigned to {}, not {who}: the chain takes its result \
			 only from its assigned executor (until block #{}, then a backup is drawn)",
			request
				.executor
				.as_ref()
				.map_or("nobody yet".into(), |e| e.to_string()),
			request.window_end
		)));
	}
	Ok(request)
}

/// `verity executor decline REQUEST_ID`: passes a request assigned to the
/// caller on to another executor (drawn in the next block), without the
/// slash a lapsed window costs.
fn executor_decline(args: &Args) -> Result<(), CliError> {
	let request_id = id_arg(args, "REQUEST_ID")?;
	let key = signer(args)?;
	let url = url(args);
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let who = chain::account_of(&key);
		assigned_request(&chain, request_id, &who, false).await?;
		let step = steps.spinner(format!(
			"declining request {request_id} (waiting for finalization)"
		));
		let included = chain.decline(&key, request_id).await?;
		step.done(format!("in block #{}", included.block_number));
		print_json(&json!({
			"request_id": request_id,
			"status": "declined",
			"executor": who.to_string(),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// Runs `model` on `input` for request `request_id` and, given the proving
/// key, proves the output for `who` and checks the proof under the chain's
/// verifying key (as the chain will, before paying for a transaction).
/// Returns the flattened output, the proof (empty without a key) and the
/// seconds it took.
async fn run_and_prove(
	steps: &Progress,
	chain_model: &Model,
	Artifacts { model, proving_key }: Artifacts,
	request_id: u64,
	who: &subxt::utils::AccountId32,
	input: &[i32],
) -> Result<(Vec<i32>, Vec<u8>, f64), CliError> {
	let qx = model
		.input_tensors(input)
		.map_err(|e| CliError(format!("request {request_id}: {e}")))?;
	let (step, (outputs, proof)) = if let Some(pk) = proving_key {
		let step = steps.spinner(format!(
			"running model {} on request {request_id} and proving ({} constraints)",
			chain_model.id, pk.num_constraints
		));
		let binding = Binding {
			request_id,
			executor: who.0,
		};
		let vk_bytes = chain_model
			.ceremony
			.as_ref()
			.and_then(KeyInfo::final_verifying_key)
			.map(<[u8]>::to_vec)
			.unwrap_or_default();
		let proved = tokio::task::spawn_blocking(move || {
			pk.prepare(&model).map_err(|e| CliError(e.to_string()))?;
			let (outputs, proof) = verity_zk::prove(&pk, &model, &qx, &binding)
				.map_err(|e| CliError(format!("proving: {e}")))?;
			let statement = verity_zk::statement(&model, &qx, &outputs, &binding);
			VerifyingKey::<Bls12_381>::from_bytes(&vk_bytes)
				.and_then(|vk| verity_zk::verify(&vk, &statement, &proof))
				.map_err(|e| {
					CliError(format!(
						"the proof does not verify under the chain's verifying key: {e}"
					))
				})?;
			Ok::<_, CliError>((outputs, proof.to_bytes().to_vec()))
		})
		.await
		.map_err(|e| CliError(format!("prover: {e}")))??;
		(step, proved)
	} else {
		let step = steps.spinner(format!(
			"running model {} on request {request_id} (no proof)",
			chain_model.id
		));
		let outputs = model.run(&qx).map_err(|e| CliError(e.to_string()))?;
		(step, (outputs, Vec::new()))
	};
	let seconds = step.seconds();
	step.done(format!("done in {seconds:.3} s"));
	let output = outputs
		.iter()
		.flat_map(|t| t.data.iter().map(|&v| v as i32))
		.collect();
	Ok((output, proof, seconds))
}

/// `--tamper-output` (a test tool): `output` with its first integer changed,
/// still in the signed `act_bits` range, so only a proof check can catch it.
fn tampered(mut output: Vec<i32>, act_bits: u32) -> Vec<i32> {
	let max = (1i32 << (act_bits - 1)) - 1;
	if let Some(v) = output.first_mut() {
		*v = if *v < max { *v + 1 } else { *v - 1 };
	}
	output
}

fn executor_prove(args: &Args) -> Result<ExitCode, CliError> {
	let request_id = id_arg(args, "REQUEST_ID")?;
	let key = signer(args)?;
	let url = url(args);
	let tamper = args.switch("tamper-output");
	let any_executor = args.switch("skip-assignment-check");
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let who = chain::account_of(&key);
		let request = assigned_request(&chain, request_id, &who, any_executor).await?;
		let chain_model = chain.require_model(request.model_id).await?;
		// Only `Zk` results carry a proof.
		let zk = request.mode == Mode::Zk;
		let dir = args.value("artifacts").map(PathBuf::from);
		let artifacts = load_artifacts(&chain, &steps, dir.as_deref(), &chain_model, zk).await?;
		let (honest, proof, prove_seconds) = run_and_prove(
			&steps,
			&chain_model,
			artifacts,
			request_id,
			&who,
			&request.input,
		)
		.await?;
		let output = if tamper {
			progress(if zk {
				"--tamper-output: submitting a changed output with the honest proof"
			} else {
				"--tamper-output: submitting a changed output"
			});
			tampered(honest.clone(), chain_model.act_bits)
		} else {
			honest.clone()
		};
		let step = steps.spinner(format!(
			"submitting the result of request {request_id} (waiting for finalization)"
		));
		let submitted = chain
			.submit_result(&key, request_id, output.clone(), proof)
			.await?;
		step.done("included");
		let mut out = json!({
			"request_id": request_id,
			"executor": who.to_string(),
			"model_id": chain_model.id,
			"mode": request.mode.name(),
			"output": output,
			"tampered": tamper,
			"prove_seconds": prove_seconds,
		});
		if tamper {
			out["honest_output"] = json!(honest);
		}
		let code = match submitted {
			Submitted::Verified { fee, included } | Submitted::Stored { fee, included } => {
				out["status"] = json!(if zk { "verified" } else { "stored" });
				out["fee_paid"] = amount(fee);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				progress(format!(
					"accepted in block #{}: paid {}",
					included.block_number,
					vrt(fee)
				));
				ExitCode::SUCCESS
			}
			Submitted::Proposed {
				challenge_end,
				included,
			} => {
				out["status"] = json!("provisional");
				out["challenge_end"] = json!(challenge_end);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				progress(format!(
					"accepted provisionally in block #{}: paid after block #{challenge_end} \
					 unless a challenge overturns it",
					included.block_number
				));
				ExitCode::SUCCESS
			}
			Submitted::Rejected {
				slashed,
				reason,
				included,
			} => {
				out["status"] = json!("rejected");
				out["reason"] = json!(reason);
				out["slashed"] = amount(slashed);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				progress(format!(
					"the chain rejected the proof ({reason}) in block #{}: {who} was slashed {}; \
					 the request stays open",
					included.block_number,
					vrt(slashed)
				));
				ExitCode::from(1)
			}
		};
		print_json(&out);
		Ok(code)
	})
}

/// `verity challenge REQUEST_ID [--artifacts DIR] [--tamper-output]`: proves
/// the right output of a provisional (`Optimistic`) result for the signer (a
/// bonded executor) and, if it differs, submits the challenge. Exit 0: the
/// result was overturned; 1: the chain rejected the challenge's proof (the
/// challenger was charged); 2: nothing was submitted (the provisional output
/// is right, or no provisional result).
pub fn challenge(args: &Args) -> Result<ExitCode, CliError> {
	let request_id = id_arg(args, "REQUEST_ID")?;
	let key = signer(args)?;
	let url = url(args);
	let tamper = args.switch("tamper-output");
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let who = chain::account_of(&key);
		let Provisional {
			model_id,
			input,
			output: claimed,
			executor,
			challenge_end,
			..
		} = match chain.request_status(request_id).await? {
			RequestStatus::Provisional(p) => p,
			RequestStatus::Done(r) => {
				return Err(CliError(format!(
					"request {request_id}'s result is final (block #{}): it can no longer be challenged",
					r.block
				)))
			}
			_ => {
				return Err(CliError(format!(
					"request {request_id} has no provisional result to challenge"
				)))
			}
		};
		let chain_model = chain.require_model(model_id).await?;
		let dir = args.value("artifacts").map(PathBuf::from);
		let artifacts = load_artifacts(&chain, &steps, dir.as_deref(), &chain_model, true).await?;
		let (right, proof, prove_seconds) =
			run_and_prove(&steps, &chain_model, artifacts, request_id, &who, &input).await?;
		let output = if tamper {
			progress("--tamper-output: challenging with a changed output and the honest proof");
			tampered(right.clone(), chain_model.act_bits)
		} else {
			right.clone()
		};
		if output == claimed {
			return Err(CliError(format!(
				"{executor}'s provisional output for request {request_id} is right: nothing to \
				 challenge (it is final after block #{challenge_end})"
			)));
		}
		let step = steps.spinner(format!(
			"challenging {executor}'s result of request {request_id} (waiting for finalization)"
		));
		let challenged = chain
			.challenge(&key, request_id, output.clone(), proof)
			.await?;
		step.done("included");
		let mut out = json!({
			"request_id": request_id,
			"challenger": who.to_string(),
			"submitter": executor.to_string(),
			"claimed_output": claimed,
			"output": output,
			"tampered": tamper,
			"prove_seconds": prove_seconds,
		});
		let code = match challenged {
			Challenged::Overturned {
				slashed,
				reward,
				fee,
				included,
				..
			} => {
				out["status"] = json!("overturned");
				out["slashed"] = amount(slashed);
				out["reward"] = amount(reward);
				out["fee_paid"] = amount(fee);
				out["block"] = json!(included.block_number);
				out["events"] = events_json(&included.events);
				progress(format!(
					"overturned in block #{}: {executor} was slashed {}, of which {} and the fee {} \
					 went to {who}",
					included.block_number,
					vrt(slashed),
					vrt(reward),
					vrt(fee)
				));
				ExitCode::SUCCESS
			}
			Challenged::Rejected {
				slashed,
				reason,
				included,
			} => {
				out["status"] = json!("rejected");
				out["reason"] = json!(reason);
				out["slashed"] = amount(slashed);
				out["block"] = json!(included.block_number);
				out["events"] = events_json(&included.events);
				progress(format!(
					"the chain rejected the challenge's proof ({reason}) in block #{}: {who} was \
					 slashed {}; the provisional result stands",
					included.block_number,
					vrt(slashed)
				));
				ExitCode::from(1)
			}
		};
		print_json(&out);
		Ok(code)
	})
}

fn events_json(events: &[(String, String)]) -> Value {
	json!(events
		.iter()
		.map(|(p, e)| format!("{p}.{e}"))
		.collect::<Vec<_>>())
}

// ---------------------------------------------------------------------------
// verity infer | result | account

/// The request input: a JSON tensor map (as `verity model run` takes) for a
/// model with one input, or an array of tensors in input order.
pub(crate) fn quantize_request_input(
	path: &str,
	bytes: &[u8],
	model: &Model,
) -> Result<Vec<i32>, CliError> {
	let tensors: Vec<(String, Tensor)> = match serde_json::from_slice::<Value>(bytes) {
		Ok(Value::Array(items)) => items
			.into_iter()
			.enumerate()
			.map(|(i, item)| {
				let map = json!({ format!("#{i}"): item });
				parse_tensor_map(map.to_string().as_bytes())
					.map_err(|e| CliError(format!("{path}: {e}")))
					.map(|m| m.into_iter().next().expect("one entry"))
			})
			.collect::<Result<_, _>>()?,
		_ => parse_tensor_map(bytes)
			.map_err(|e| CliError(format!("{path}: {e}")))?
			.into_iter()
			.collect(),
	};
	if tensors.len() != model.inputs.len() {
		return Err(CliError(format!(
			"{path}: model {} takes {} input(s), the file has {}{}",
			model.id,
			model.inputs.len(),
			tensors.len(),
			if model.inputs.len() > 1 {
				" (give several inputs as a JSON array in the model's order)"
			} else {
				""
			}
		)));
	}
	let mut values = Vec::with_capacity(model.input_len as usize);
	for ((name, t), format) in tensors.iter().zip(&model.inputs) {
		let expected: Vec<usize> = format.shape.iter().map(|&d| d as usize).collect();
		if t.shape != expected {
			return Err(CliError(format!(
				"{path}: input '{name}' has shape {:?}, model {} expects {:?}",
				t.shape, model.id, expected
			)));
		}
		values.extend(
			t.data
				.iter()
				.map(|&x| quantize_value(x as f64, format.frac_bits as u32, model.act_bits) as i32),
		);
	}
	Ok(values)
}

pub fn infer(args: &Args) -> Result<(), CliError> {
	let model_id = id_arg(args, "MODEL_ID")?;
	let input_path = args.required("input")?;
	let mode: Mode = args.value("mode").unwrap_or("zk").parse()?;
	let max_fee = args.value("max-fee").map(parse_fee).transpose()?;
	let deadline_blocks = match args.value("deadline") {
		None => DEFAULT_DEADLINE_BLOCKS,
		Some(v) => v
			.parse()
			.map_err(|_| CliError(format!("--deadline: '{v}' is not a number of blocks")))?,
	};
	let timeout = match args.value("timeout") {
		None => DEFAULT_WAIT_SECS,
		Some(v) => v
			.parse()
			.map_err(|_| CliError(format!("--timeout: '{v}' is not a number of seconds")))?,
	};
	let wait = args.switch("wait");
	let now = args.switch("now");
	if now && (wait || args.value("mode").is_some() || max_fee.is_some()) {
		return Err(CliError(
			"--now runs the model in the transaction: it takes no --mode, --max-fee or --wait"
				.into(),
		));
	}
	let bytes = std::fs::read(input_path).map_err(|e| CliError(format!("{input_path}: {e}")))?;
	// Malformed JSON fails before anything is sent.
	serde_json::from_slice::<Value>(&bytes)
		.map_err(|e| CliError(format!("{input_path}: invalid JSON: {e}")))?;
	let key = signer(args)?;
	let url = url(args);
	let steps = Progress::new(args.switch("json"));
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let model = chain.require_model(model_id).await?;
		if let Some(why) = model.refusal(mode).filter(|_| !now) {
			return Err(CliError(why));
		}
		let input = quantize_request_input(input_path, &bytes, &model)?;
		if now {
			let step = steps.spinner(format!(
				"running model {model_id} in a transaction (waiting for finalization)"
			));
			let computed = chain.infer_now(&key, model_id, input).await?;
			step.done(format!(
				"computed in block #{} ({} work units)",
				computed.included.block_number, computed.work
			));
			print_json(&json!({
				"model_id": model_id,
				"who": chain::account_of(&key).to_string(),
				"work": computed.work,
				"output": computed.output,
				"outputs": outputs_json(&model, &computed.output),
				"block": computed.included.block_number,
				"block_hash": computed.included.block_hash,
			}));
			return Ok(());
		}
		let max_fee = match max_fee {
			Some(f) => f,
			None => chain.min_request_fee(deadline_blocks).await?,
		};
		let deadline = chain.best_number().await? + deadline_blocks;
		let step = steps.spinner(format!(
			"requesting a {} inference of model {model_id} (fee up to {}, deadline block \
			 #{deadline}; waiting for finalization)",
			mode.name(),
			vrt(max_fee)
		));
		let requested = chain
			.request(&key, model_id, input, mode, max_fee, deadline)
			.await?;
		let id = requested.request_id;
		// The executor is drawn in the next block, from randomness nobody had
		// when the request was signed.
		let executor = chain
			.wait_for_assignment(id, Duration::from_secs(30))
			.await?;
		step.done(format!(
			"request {id} in block #{}, assigned to {}",
			requested.included.block_number,
			executor
				.as_ref()
				.map_or("nobody yet".into(), |e| e.to_string())
		));
		let mut out = json!({
			"request_id": id,
			"model_id": model_id,
			"mode": mode.name(),
			"requester": chain::account_of(&key).to_string(),
			"executor": executor.map(|e| e.to_string()),
			"fee": amount(requested.fee),
			"deadline": requested.deadline,
			"block": requested.included.block_number,
		});
		if !wait {
			print_json(&out);
			return Ok(());
		}
		let step = steps.spinner(format!("waiting for the result of request {id}"));
		let result = chain
			.wait_for_result(id, Duration::from_secs(timeout))
			.await?;
		let events = chain.request_events(result.block, id).await?;
		let mut r = result_json(id, &result, Some(&model));
		r["events"] = events_json(&events);
		r["proof"] = json!(match (result.mode, result.verified) {
			(Mode::Optimistic, true) => "verified by the runtime (a challenge's Groth16 proof)",
			(Mode::Optimistic, false) => "none (optimistic result, unchallenged in its window)",
			(_, true) => "verified by the runtime (Groth16)",
			(_, false) => "none (vanilla result, unverified)",
		});
		r["waited_seconds"] = json!(step.seconds());
		out["result"] = r;
		step.done(format!(
			"{} result in block #{}",
			if result.verified {
				"verified"
			} else {
				"unverified"
			},
			result.block
		));
		print_json(&out);
		Ok(())
	})
}

pub fn result(args: &Args) -> Result<(), CliError> {
	let id = id_arg(args, "REQUEST_ID")?;
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		match chain.request_status(id).await? {
			RequestStatus::Done(r) => {
				let model = chain.model(r.model_id).await?;
				print_json(&result_json(id, &r, model.as_ref()));
			}
			RequestStatus::Provisional(p) => {
				progress(format!(
					"request {id} has a provisional result: final after block #{} unless challenged",
					p.challenge_end
				));
				let model = chain.model(p.model_id).await?;
				print_json(&provisional_json(id, &p, model.as_ref()));
			}
			RequestStatus::Pending(r) => {
				progress(format!(
					"request {id} is pending: no result yet (assigned to {}, deadline block #{})",
					r.executor
						.as_ref()
						.map_or("nobody yet".into(), |e| e.to_string()),
					r.deadline
				));
				print_json(&pending_json(id, &r));
			}
			RequestStatus::Expired => {
				return Err(CliError(format!(
					"request {id} expired without a result (its fee was refunded)"
				)))
			}
			RequestStatus::Unknown { next_request_id } => {
				return Err(CliError(format!(
					"unknown request {id} (requests so far: 0..{next_request_id})"
				)))
			}
		}
		Ok(())
	})
}

pub fn account(args: &Args) -> Result<(), CliError> {
	let who = match args.positional.as_slice() {
		[] => chain::account_of(&signer(args)?),
		[address] => chain::parse_account(address)?,
		_ => return Err(CliError("expected at most one ADDRESS".into())),
	};
	let url = url(args);
	block_on(async {
		let chain = Chain::connect(&url).await?;
		let balances = chain.balances(&who).await?;
		let executor = chain.executor(&who).await?;
		print_json(&json!({
			"account": who.to_string(),
			"public_key": hex(&who.0),
			"free": amount(balances.free),
			"reserved": amount(balances.reserved),
			"frozen": amount(balances.frozen),
			"executor": executor.map(|e| json!({
				"bond": amount(e.bond),
				"assigned_pending": e.assigned_pending,
				"misses": e.misses,
				"active": e.active,
			})),
		}));
		Ok(())
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn model(inputs: Vec<InputFormat>, outputs: Vec<OutputFormat>) -> Model {
		Model {
			id: 7,
			family: 0,
			name: "m".into(),
			owner: subxt::utils::AccountId32([0; 32]),
			version: String::new(),
			onnx_hash: [0; 32],
			quantized_hash: [0; 32],
			zk: None,
			act_bits: 8,
			input_len: inputs.iter().map(|i| numel(&i.shape) as u32).sum(),
			output_len: outputs.iter().map(|o| numel(&o.shape) as u32).sum(),
			inputs,
			outputs,
			supports_zk: true,
			supports_vanilla: true,
			active: true,
			registered_at: 1,
			deposit: 0,
			ceremony: None,
		}
	}

	#[test]
	fn fees_in_plancks_or_vrt() {
		assert_eq!(parse_fee("10").ok(), Some(10));
		assert_eq!(parse_fee("1VRT").ok(), Some(UNIT));
		assert_eq!(parse_fee("0.5 VRT").ok(), Some(UNIT / 2));
		assert_eq!(parse_fee("0.000000000001VRT").ok(), Some(1));
		for bad in ["", "x", "1.5", "0.0000000000001VRT", "-1", "1.xVRT"] {
			assert!(parse_fee(bad).is_err(), "{bad}");
		}
		assert_eq!(vrt(UNIT * 3), "3 VRT");
		assert_eq!(vrt(UNIT / 100), "0.01 VRT");
	}

	#[test]
	fn request_input_is_quantized_with_the_chain_format_and_shape_checked() {
		let m = model(
			vec![InputFormat {
				shape: vec![1, 3],
				frac_bits: 4,
			}],
			vec![],
		);
		let ok = br#"{"x": {"shape": [1, 3], "data": [0.5, -1.0, 100.0]}}"#;
		// 0.5 * 16 = 8, -1 * 16 = -16, 100 * 16 saturates at 127 (8 bits).
		assert_eq!(
			quantize_request_input("in", ok, &m).ok(),
			Some(vec![8, -16, 127])
		);
		let as_list = br#"[{"shape": [1, 3], "data": [0.5, -1.0, 100.0]}]"#;
		assert_eq!(
			quantize_request_input("in", as_list, &m).ok(),
			Some(vec![8, -16, 127])
		);
		let wrong = br#"{"x": {"shape": [3], "data": [0.5, -1.0, 1.0]}}"#;
		let CliError(e) = quantize_request_input("in", wrong, &m).unwrap_err();
		assert!(e.contains("has shape [3], model 7 expects [1, 3]"), "{e}");
		let two =
			br#"{"x": {"shape": [1, 3], "data": [0, 0, 0]}, "y": {"shape": [1], "data": [0]}}"#;
		let CliError(e) = quantize_request_input("in", two, &m).unwrap_err();
		assert!(e.contains("takes 1 input(s), the file has 2"), "{e}");
	}

	#[test]
	fn outputs_are_split_dequantized_and_transformed() {
		let m = model(
			vec![],
			vec![
				OutputFormat {
					shape: vec![2],
					frac_bits: 1,
					transform: Transform::None,
				},
				OutputFormat {
					shape: vec![1, 2],
					frac_bits: 0,
					transform: Transform::Softmax { axis: 1 },
				},
			],
		);
		let v = outputs_json(&m, &[3, -2, 0, 0]);
		assert_eq!(v[0]["quantized"], json!([3, -2]));
		assert_eq!(v[0]["data"], json!([1.5, -1.0]));
		assert_eq!(v[1]["quantized"], json!([0, 0]));
		assert_eq!(v[1]["data"], json!([0.5, 0.5]));
	}
}
