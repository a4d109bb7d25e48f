//! `verity artifacts upload`: the node's artifact store (model files and
//! keys, by blake2-256 hash), and the upload helper `model register` and
//! `ceremony contribute` use.

use clap::{Args, Subcommand};
use serde_json::{json, Value};
use verity_inference::hash::blake2_256;

use super::{block_on, read_file, Ctx};
use crate::chain::{hex, Chain};
use crate::error::CliError;
use crate::output::print_json;
use crate::progress::Progress;

/// The `artifacts` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity artifacts upload model.onnx model.qmodel
  verity artifacts upload proving.key --url ws://node:9944";

/// `verity artifacts` subcommands.
#[derive(Debug, Subcommand)]
pub enum ArtifactsCommand {
	/// Upload files to the node's artifact store
	#[command(
		long_about = "Uploads files to the node's artifact store (chunked when large; unsafe \
		              RPC: the node runs with --rpc-methods unsafe), skipping the ones it has; \
		              prints their hashes.",
		after_help = "Examples:\n  verity artifacts upload model.onnx model.qmodel\n  \
		              verity artifacts upload verity-artifacts/*/model.qmodel --url ws://node:9944"
	)]
	Upload(UploadArgs),
}

/// `verity artifacts upload`.
#[derive(Debug, Args)]
pub struct UploadArgs {
	/// The files to upload
	#[arg(value_name = "FILE", required = true)]
	pub files: Vec<String>,
}

/// Runs an `artifacts` subcommand.
pub fn run(ctx: &Ctx, command: ArtifactsCommand) -> Result<(), CliError> {
	match command {
		ArtifactsCommand::Upload(a) => upload(ctx, a),
	}
}

/// `verity artifacts upload FILE...`: pushes files to a node's artifact store.
fn upload(ctx: &Ctx, args: UploadArgs) -> Result<(), CliError> {
	let contents = args
		.files
		.iter()
		.map(read_file)
		.collect::<Result<Vec<_>, _>>()?;
	let files: Vec<(&str, &[u8])> = args
		.files
		.iter()
		.map(String::as_str)
		.zip(contents.iter().map(Vec::as_slice))
		.collect();
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let uploaded = upload_artifacts(&chain, &steps, &files).await?;
		print_json(&Value::Array(uploaded));
		Ok(())
	})
}

/// Uploads `files` (name, bytes) to the node's artifact store, skipping the
/// ones it already has; one JSON entry per file (`status` `uploaded` or
/// `present`).
pub async fn upload_artifacts(
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
