//! `verity model register|new-version|list|show|sync|sync-bound|deprecate|
//! remove|transfer-ownership|accept-ownership`: the model registry on chain
//! (pallet-models) and the sync enablement of models (pallet-inference).
//!
//! `register` quantizes the model, computes its circuit's QAP domain size,
//! uploads `model.onnx` and `model.qmodel` to the node it talks to
//! (`artifacts_*` RPC, chunked for large files; files the node already has
//! are skipped) and registers the version with zk support. **It makes no
//! keys**: registering starts the model's key ceremony on chain
//! (pallet-ceremony; the validators' nodes contribute in turn, the owner
//! first with `--contribute`), and the command follows it until the key is
//! final (see [`super::ceremony`]). Uploads are unsafe RPC methods: the
//! command checks first that the node accepts them and fails before the
//! slow steps if not (`--no-upload` skips uploading and writes the files to
//! `--out DIR`, default `./verity-artifacts/<quantized hash>/`, to upload
//! elsewhere with `verity artifacts upload FILE...`). `new-version` does
//! the same for a new version of an existing family.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use serde_json::{json, Value};
use verity_inference::hash::blake2_256;
use verity_inference::onnx::LoadOptions;
use verity_inference::{OutputTransform, QuantizedModel};

use super::artifacts::upload_artifacts;
use super::executor::artifact;
use super::model::BitsArgs;
use super::{block_on, read_file, Ctx, Outcome};
use crate::chain::{
	self, hex, Chain, InputFormat, KeyStatus, NewModel, NewSlice, OutputFormat, Transform, ZkParams,
};
use crate::error::{CliError, EXIT_REJECTED};
use crate::output::{self, note, print_json};
use crate::views::{amount, model_json, vrt};

/// The artifact file names, in `--out DIR`, `--artifacts DIR` and on nodes.
pub const ONNX_FILE: &str = "model.onnx";
/// The quantized model's file name.
pub const QMODEL_FILE: &str = "model.qmodel";
/// A proving key's file name in an artifacts or keys dir.
pub const PROVING_KEY_FILE: &str = "proving.key";
/// Its unpacked copy (`verity_zk::unpacked`), made by the first proof.
pub const UNPACKED_KEY_FILE: &str = "proving.key.unpacked";
/// What `register` printed, kept beside the artifacts.
const INFO_FILE: &str = "model.json";
/// Where `model register` puts artifacts unless `--out` says otherwise.
const ARTIFACTS_ROOT: &str = "verity-artifacts";

/// `model register`'s description.
pub const REGISTER_ABOUT: &str = "\
Quantizes MODEL.onnx (--act-bits, --weight-bits: as `model quantize`), computes
the circuit's QAP domain size, uploads model.onnx and model.qmodel to the node
(unsafe RPC: run it with --rpc-methods unsafe) and registers the model with zk
support, which starts its key ceremony on chain (no keys are made here); then
shows the ceremony's progress until the key is final (exit 0; prints the model
id, the final proving and verifying key hashes and the contributors) or failed
(exit 1).

--contribute: the owner takes the first turn and this command contributes (as
`verity ceremony contribute` does). --slices K: registers the model cut into K
slices at layer boundaries (balanced by constraints), each its own circuit with
its own key ceremony, so that K executors prove a request side by side; their
quantized files (slice-0.qmodel, ...) are uploaded too. --no-wait: returns after registering
(prints the model id and the ceremony's status). --out DIR: also writes
model.onnx, model.qmodel and model.json there. --no-upload: uploads nothing
(the files go to DIR, default ./verity-artifacts/<quantized hash>; some node
must get model.qmodel before the validators can contribute).";

/// `model register`'s examples.
pub const REGISTER_EXAMPLES: &str = "\
Examples:
  verity model register model.onnx --name mnist --version 1.0 --calibration cal.json
  verity model register model.onnx --name mnist --version 1.0 --calibration cal.json --contribute
  verity model register model.onnx --name mnist --version 1.0 --calibration cal.json --no-upload --out art/";

/// `model new-version`'s description.
pub const NEW_VERSION_ABOUT: &str = "\
As the family's owner: adds MODEL.onnx as a new version (a new model id) of
family FAMILY_ID (`model show` prints a version's family), exactly as
`model register` does for a new family: quantizes, uploads the artifacts,
registers the version (Models::new_version), which starts its own key
ceremony, and follows the ceremony until the key is final (exit 0) or failed
(exit 1). The family's earlier versions stay usable until deprecated.";

/// `model new-version`'s examples.
pub const NEW_VERSION_EXAMPLES: &str = "\
Examples:
  verity model new-version 0 model-v2.onnx --version 2.0 --calibration cal.json
  verity model new-version 0 model-v2.onnx --version 2.0 --calibration cal.json --no-wait";

/// What `register` and `new-version` share: the model and how to register it.
#[derive(Debug, Args)]
pub struct VersionArgs {
	/// The float model
	#[arg(value_name = "MODEL.onnx")]
	pub model: String,
	/// The version label
	#[arg(long)]
	pub version: String,
	/// Calibration inputs, with a leading sample dimension
	#[arg(long, value_name = "CAL.json")]
	pub calibration: String,
	/// Bit widths.
	#[command(flatten)]
	pub bits: BitsArgs,
	/// Also write model.onnx, model.qmodel and model.json to DIR
	#[arg(long, value_name = "DIR")]
	pub out: Option<PathBuf>,
	/// Take the key ceremony's first turn and contribute
	#[arg(long)]
	pub contribute: bool,
	/// Return after registering, without following the key ceremony
	#[arg(long, conflicts_with = "timeout")]
	pub no_wait: bool,
	/// Give up following the ceremony after SECS seconds
	#[arg(long, value_name = "SECS")]
	pub timeout: Option<u64>,
	/// Upload nothing (the files go to --out DIR)
	#[arg(long, conflicts_with = "contribute")]
	pub no_upload: bool,
	/// Register the model cut into K slices (each with its own key ceremony)
	#[arg(long, value_name = "K", conflicts_with = "contribute",
	      value_parser = clap::value_parser!(u32).range(2..))]
	pub slices: Option<u32>,
}

/// One slice of a model registered sliced.
struct SlicePart {
	model: QuantizedModel,
	bytes: Vec<u8>,
	constraints: u64,
	domain_size: u32,
}

/// `model` cut into `count` slices of balanced constraints, each with the
/// QAP domain it needs (at most the SRS's `max_domain`).
fn slice_parts(
	model: &QuantizedModel,
	count: u32,
	max_domain: u32,
) -> Result<Vec<SlicePart>, CliError> {
	let cuts = verity_zk::slicing::balanced_cuts(model, count as usize)
		.map_err(|e| CliError::input(format!("cutting the model into {count} slices: {e}")))?;
	let slices = model
		.slices(&cuts)
		.map_err(|e| CliError::input(format!("cutting the model at {cuts:?}: {e}")))?;
	slices
		.into_iter()
		.enumerate()
		.map(|(i, slice)| {
			let stats = verity_zk::circuit_stats(&slice)
				.map_err(|e| CliError::input(format!("slice {i}'s circuit: {e}")))?;
			let domain_size = super::ceremony::domain_for(stats.domain_size, max_domain)
				.ok_or_else(|| {
					CliError::input(format!(
						"slice {i} needs a QAP domain of at least {} points ({} constraints), the \
						 chain's SRS serves at most {max_domain} points: cut it into more slices",
						stats.domain_size, stats.constraints
					))
				})?;
			Ok(SlicePart {
				bytes: slice.to_bytes(),
				model: slice,
				constraints: stats.constraints as u64,
				domain_size,
			})
		})
		.collect()
}

/// The file name of slice `i`'s quantized model among the artifacts.
fn slice_file(i: usize) -> String {
	format!("slice-{i}.qmodel")
}

/// `verity model register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
	/// The new family's name
	#[arg(long)]
	pub name: String,
	/// The model and how to register it.
	#[command(flatten)]
	pub version: VersionArgs,
}

/// `verity model new-version`.
#[derive(Debug, Args)]
pub struct NewVersionArgs {
	/// The family to add the version to
	#[arg(value_name = "FAMILY_ID")]
	pub family_id: u64,
	/// The model and how to register it.
	#[command(flatten)]
	pub version: VersionArgs,
}

/// `verity model list`.
#[derive(Debug, Args)]
pub struct ListArgs {
	/// Only family NAME's versions
	#[arg(long, value_name = "NAME")]
	pub name: Option<String>,
}

/// A model version id.
#[derive(Debug, Args)]
pub struct IdArgs {
	/// The model version's id
	#[arg(value_name = "ID")]
	pub id: u64,
}

/// A model family id.
#[derive(Debug, Args)]
pub struct FamilyArgs {
	/// The model family's id
	#[arg(value_name = "FAMILY_ID")]
	pub family_id: u64,
}

/// `verity model transfer-ownership`.
#[derive(Debug, Args)]
pub struct TransferArgs {
	/// The model family's id
	#[arg(value_name = "FAMILY_ID")]
	pub family_id: u64,
	/// The proposed owner (SS58 address or 0x account id)
	#[arg(value_name = "NEW_OWNER", required_unless_present = "cancel")]
	pub new_owner: Option<String>,
	/// Withdraw the pending proposal instead
	#[arg(long, conflicts_with = "new_owner")]
	pub cancel: bool,
}

/// `verity model sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
	/// The model version's id
	#[arg(value_name = "ID")]
	pub id: u64,
	/// Where model.qmodel may be (else the config file's artifacts, else
	/// downloaded from the node)
	#[arg(long, value_name = "DIR")]
	pub artifacts: Option<PathBuf>,
	/// Disable instead
	#[arg(long)]
	pub disable: bool,
	/// With --disable: remove the stored bytes and release their deposit
	#[arg(long, requires = "disable")]
	pub remove_bytes: bool,
}

/// `verity model sync-bound`.
#[derive(Debug, Args)]
pub struct SyncBoundArgs {
	/// The most work units a synchronous inference may do
	#[arg(value_name = "WORK")]
	pub work: u64,
}

/// Which family a new version goes to.
enum Target {
	/// A new family with this name (`model register`).
	NewFamily(String),
	/// An existing family (`model new-version`).
	Family(u64),
}

/// `verity model register`.
pub fn register(ctx: &Ctx, args: RegisterArgs) -> Outcome {
	register_version(ctx, args.version, Target::NewFamily(args.name))
}

/// `verity model new-version`.
pub fn new_version(ctx: &Ctx, args: NewVersionArgs) -> Outcome {
	register_version(ctx, args.version, Target::Family(args.family_id))
}

/// Quantizes, uploads and registers a version (for a new family or an
/// existing one), then follows its key ceremony.
fn register_version(ctx: &Ctx, args: VersionArgs, target: Target) -> Outcome {
	let onnx_path = args.model.as_str();
	let version = args.version.clone();
	let cal_path = args.calibration.as_str();
	let options = args.bits.options();
	let key = ctx.signer()?;
	let url = ctx.url().to_string();
	let upload = !args.no_upload;
	let contribute = args.contribute;
	let wait = !args.no_wait;
	let timeout = args.timeout.map(Duration::from_secs);
	let steps = ctx.progress();
	let onnx = read_file(onnx_path)?;
	block_on(async {
		// Connect first: a wrong URL, a node that will refuse the upload, or
		// a chain whose SRS is not final fails before the slow steps.
		let chain = Chain::connect(&url).await?;
		if upload {
			chain.check_uploads_allowed().await.map_err(|e| {
				CliError::input(format!(
					"{e}; or pass --no-upload to register without uploading (then upload \
					 model.qmodel from --out DIR yourself: the validators need it)"
				))
			})?;
		}
		let srs = chain.require_srs().await?;
		if srs.final_srs().is_none() {
			return Err(CliError::input(format!(
				"zk models can be registered once the chain's SRS is final, and it is not yet \
				 ({}); `verity ceremony status` shows it",
				super::ceremony::srs_summary(&srs)
			)));
		}

		let step = steps.spinner(format!("quantizing {onnx_path}, calibrating on {cal_path}"));
		let (model, samples) =
			super::model::quantize_file(onnx_path, cal_path, &options, &LoadOptions::default())?;
		step.done(format!(
			"{} ops, {} calibration samples, {}-bit activations, in {:.2} s",
			model.ops.len(),
			samples,
			model.act_bits,
			step.seconds()
		));
		let stats = verity_zk::circuit_stats(&model)
			.map_err(|e| CliError::input(format!("{onnx_path}: its circuit: {e}")))?;
		let parts = match args.slices {
			Some(count) => Some(slice_parts(&model, count, srs.max_domain)?),
			None => None,
		};
		let domain_size = match &parts {
			// Each slice has its own domain (the whole model's may exceed the SRS).
			Some(parts) => {
				for (i, part) in parts.iter().enumerate() {
					steps.note(format!(
						"slice {i}: {} constraints, {}-point QAP domain",
						part.constraints, part.domain_size
					));
				}
				None
			}
			None => {
				let domain_size = super::ceremony::domain_for(stats.domain_size, srs.max_domain)
					.ok_or_else(|| {
						CliError::input(format!(
							"{onnx_path}: its circuit needs a QAP domain of at least {} points ({} \
							 constraints), the chain's SRS serves at most {} points (--slices K cuts it)",
							stats.domain_size, stats.constraints, srs.max_domain
						))
					})?;
				steps.note(format!(
					"circuit: {} constraints, {} public inputs, {domain_size}-point QAP domain",
					stats.constraints, stats.public_inputs
				));
				Some(domain_size)
			}
		};

		let qmodel_bytes = model.to_bytes();
		let dir = match &args.out {
			Some(d) => Some(d.clone()),
			None if !upload => Some(default_artifact_dir(&model.hash())),
			None => None,
		};
		if let Some(dir) = &dir {
			std::fs::create_dir_all(dir)
				.map_err(|e| CliError::input(format!("{}: {e}", dir.display())))?;
			write_artifact(dir, ONNX_FILE, &onnx)?;
			write_artifact(dir, QMODEL_FILE, &qmodel_bytes)?;
			for (i, part) in parts.iter().flatten().enumerate() {
				write_artifact(dir, &slice_file(i), &part.bytes)?;
			}
			steps.note(format!("artifacts written to {}", dir.display()));
		}

		// Upload before registering: the validators' nodes need the quantized
		// model for the key ceremony, executors need both files.
		let uploaded =
			if upload {
				let names: Vec<String> = (0..parts.as_ref().map_or(0, Vec::len))
					.map(slice_file)
					.collect();
				let mut files = vec![(ONNX_FILE, &onnx[..]), (QMODEL_FILE, &qmodel_bytes[..])];
				for (name, part) in names.iter().zip(parts.iter().flatten()) {
					files.push((name.as_str(), &part.bytes[..]));
				}
				let uploaded = upload_artifacts(&chain, &steps, &files)
					.await
					.map_err(|e| e.context("nothing was registered"))?;
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
			name: match &target {
				Target::NewFamily(name) => name.clone(),
				Target::Family(_) => String::new(),
			},
			version: version.clone(),
			onnx_hash: blake2_256(&onnx),
			quantized_hash: model.hash(),
			zk: domain_size.map(|domain_size| ZkParams {
				domain_size,
				owner_contributes: contribute,
			}),
			act_bits: u8::try_from(model.act_bits).map_err(|_| {
				CliError::input(format!("act_bits {} out of range", model.act_bits))
			})?,
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
			slices: parts
				.iter()
				.flatten()
				.map(|part| {
					let layout = verity_zk::circuit::layout(&part.model)
						.map_err(|e| CliError::input(format!("a slice's statement: {e}")))?;
					Ok(NewSlice {
						quantized_hash: part.model.hash(),
						input_len: layout.input_len,
						output_len: layout.output_len,
						domain_size: part.domain_size,
					})
				})
				.collect::<Result<_, CliError>>()?,
		};
		let registered = match &target {
			Target::NewFamily(name) => {
				let step = steps.spinner(format!(
					"registering '{name}' {version} on {url} (waiting for finalization)"
				));
				let registered = chain.register_model(&key, &new).await?;
				step.done(format!(
					"model {} in block #{}; its key ceremony started",
					registered.model_id, registered.included.block_number
				));
				registered
			}
			Target::Family(family) => {
				let step = steps.spinner(format!(
					"adding version {version} to family {family} on {url} (waiting for finalization)"
				));
				let registered = chain.new_version(&key, *family, &new).await?;
				step.done(format!(
					"model {} in block #{}; its key ceremony started",
					registered.model_id, registered.included.block_number
				));
				registered
			}
		};
		let model_id = registered.model_id;
		let name = match target {
			Target::NewFamily(name) => name,
			Target::Family(_) => chain.require_model(model_id).await?.name,
		};
		if srs.insecure {
			steps.note(format!("warning: {}", super::ceremony::INSECURE_WARNING));
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

		if !registered.slices.is_empty() {
			out["slices"] = json!(registered
				.slices
				.iter()
				.zip(parts.iter().flatten())
				.map(|(id, part)| json!({
					"model_id": id,
					"quantized_hash": hex(&part.model.hash()),
					"domain_size": part.domain_size,
					"constraints": part.constraints,
				}))
				.collect::<Vec<_>>());
			return follow_slices(
				&chain,
				&registered.slices,
				out,
				&steps,
				wait,
				timeout,
				dir.as_deref(),
			)
			.await;
		}
		let (info, contribution) = if wait {
			let owner = contribute.then_some(&key);
			super::ceremony::follow(&chain, model_id, owner, &steps, timeout)
				.await
				.map_err(|e| e.context(format!("model {model_id} is registered, but")))?
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
		out["ceremony"] = nested(super::ceremony::key_json(
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
			return Ok(ExitCode::from(EXIT_REJECTED));
		}
		Ok(ExitCode::SUCCESS)
	})
}

/// Follows (with `wait`) the key ceremonies of a sliced version's slices,
/// prints `out` with each slice's status and key, and exits 0 once every
/// slice's key is final, 1 if one failed.
async fn follow_slices(
	chain: &Chain,
	slices: &[u64],
	mut out: Value,
	steps: &crate::progress::Progress,
	wait: bool,
	timeout: Option<Duration>,
	dir: Option<&Path>,
) -> Outcome {
	let model_id = out["model_id"].clone();
	let mut failed = None;
	for (i, id) in slices.iter().enumerate() {
		let info = if wait {
			super::ceremony::follow(chain, *id, None, steps, timeout)
				.await
				.map_err(|e| e.context(format!("model {model_id} is registered, but slice {i}")))?
				.0
		} else {
			chain.require_key_info(*id).await?
		};
		if info.status == KeyStatus::Failed && failed.is_none() {
			failed = Some((i, info.summary()));
		}
		let slice = &mut out["slices"][i];
		slice["status"] = json!(info.status.name());
		slice["proving_key_hash"] = json!(info.final_proving_key().map(|h| hex(&h)));
		slice["verifying_key_hash"] =
			json!(info.final_verifying_key().map(|vk| hex(&blake2_256(vk))));
	}
	let statuses: Vec<Value> = out["slices"]
		.as_array()
		.map(|s| s.iter().map(|s| s["status"].clone()).collect())
		.unwrap_or_default();
	out["status"] = if statuses.iter().all(|s| s == "final") {
		json!("final")
	} else if failed.is_some() {
		json!("failed")
	} else {
		json!("pending")
	};
	if let Some(dir) = dir {
		write_artifact(
			dir,
			INFO_FILE,
			serde_json::to_string_pretty(&out)
				.unwrap_or_default()
				.as_bytes(),
		)?;
	}
	print_json(&out);
	if let Some((i, why)) = failed {
		eprintln!("error: model {model_id} is registered, but slice {i}'s key {why}");
		return Ok(ExitCode::from(EXIT_REJECTED));
	}
	Ok(ExitCode::SUCCESS)
}

fn write_artifact(dir: &Path, file: &str, bytes: &[u8]) -> Result<(), CliError> {
	let path = dir.join(file);
	std::fs::write(&path, bytes).map_err(|e| CliError::input(format!("{}: {e}", path.display())))
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
		.map_err(|_| CliError::input("a tensor dimension does not fit in u32"))?;
	let frac_bits = u8::try_from(spec.frac_bits)
		.map_err(|_| CliError::input(format!("frac_bits {} out of range", spec.frac_bits)))?;
	Ok((shape, frac_bits))
}

/// `verity model list`.
pub fn list(ctx: &Ctx, args: ListArgs) -> Result<(), CliError> {
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let models = chain.models().await?;
		// `--name N`: only model family N's versions.
		let name = args.name.as_deref();
		let list = Value::Array(
			models
				.iter()
				.filter(|m| name.is_none_or(|n| m.name == n))
				.map(model_json)
				.collect(),
		);
		output::print(ctx.format(), &list, list_table);
		Ok(())
	})
}

/// `model list` as a table: one row per version, the fields people scan for.
fn list_table(list: &Value) -> comfy_table::Table {
	let mut t = output::table(&[
		"id", "family", "name", "version", "active", "modes", "ceremony", "owner",
	]);
	for m in list.as_array().into_iter().flatten() {
		t.add_row(vec![
			output::cell(&m["id"]),
			output::cell(&m["family"]),
			output::cell(&m["name"]),
			output::cell(&m["version"]),
			output::cell(&m["active"]),
			output::cell(&m["modes"]),
			output::cell(&m["ceremony"]["status"]),
			output::cell(&m["owner"]),
		]);
	}
	t
}

/// `verity model sync ID [--disable]`: enables (or disables) a model for
/// `infer --now`, as the sudo key.
pub fn sync(ctx: &Ctx, args: SyncArgs) -> Result<(), CliError> {
	let id = args.id;
	let enabled = !args.disable;
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let mut out = json!({ "model_id": id, "sync": enabled });
		if enabled {
			// The precompile runs the model's bytes from chain state: store
			// them first (once per quantized model, with a deposit).
			let model = chain.require_model(id).await?;
			if chain.model_bytes_stored(&model.quantized_hash).await? {
				out["bytes"] = json!("stored already");
			} else {
				let dir = ctx.artifacts(args.artifacts.as_deref());
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
		if !enabled && args.remove_bytes {
			let model = chain.require_model(id).await?;
			let deposit = chain
				.remove_model_bytes(&key, &model.quantized_hash)
				.await?;
			note(format!("model bytes removed: {} released", vrt(deposit)));
			out["bytes"] = json!("removed");
			out["bytes_deposit"] = amount(deposit);
		}
		print_json(&out);
		Ok(())
	})
}

/// `verity model deprecate ID`: the version takes no new requests (its
/// family's owner).
pub fn deprecate(ctx: &Ctx, args: IdArgs) -> Result<(), CliError> {
	let id = args.id;
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
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
pub fn remove(ctx: &Ctx, args: IdArgs) -> Result<(), CliError> {
	let id = args.id;
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let (deposit, family_removed, included) = chain.remove_model(&key, id).await?;
		note(format!("model {id} removed: {} released", vrt(deposit)));
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
pub fn sync_bound(ctx: &Ctx, args: SyncBoundArgs) -> Result<(), CliError> {
	let bound = args.work;
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let included = chain.set_sync_work_bound(&key, bound).await?;
		print_json(&json!({ "sync_work_bound": bound, "block": included.block_number }));
		Ok(())
	})
}

/// `verity model show`.
pub fn show(ctx: &Ctx, args: IdArgs) -> Result<(), CliError> {
	let id = args.id;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let model = chain.require_model(id).await?;
		if let Some(k) = &model.ceremony {
			note(format!("model {id}: {}", k.summary()));
		}
		output::print(ctx.format(), &model_json(&model), output::fields_table);
		Ok(())
	})
}

/// `verity model transfer-ownership`.
pub fn transfer_ownership(ctx: &Ctx, args: TransferArgs) -> Result<(), CliError> {
	let new_owner = args
		.new_owner
		.as_deref()
		.map(chain::parse_account)
		.transpose()?;
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let included = chain
			.transfer_ownership(&key, args.family_id, new_owner.as_ref())
			.await?;
		if let Some(to) = &new_owner {
			note(format!(
				"family {} proposed to {to}: it becomes theirs when they run `verity model \
				 accept-ownership {}`",
				args.family_id, args.family_id
			));
		}
		print_json(&json!({
			"family": args.family_id,
			"status": if new_owner.is_some() { "proposed" } else { "cancelled" },
			"owner": chain::account_of(&key).to_string(),
			"new_owner": new_owner.map(|a| a.to_string()),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// `verity model accept-ownership`.
pub fn accept_ownership(ctx: &Ctx, args: FamilyArgs) -> Result<(), CliError> {
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let (from, deposit, included) = chain.accept_ownership(&key, args.family_id).await?;
		print_json(&json!({
			"family": args.family_id,
			"status": "transferred",
			"from": from.to_string(),
			"owner": chain::account_of(&key).to_string(),
			"deposit": amount(deposit),
			"block": included.block_number,
		}));
		Ok(())
	})
}
