//! Synchronous inference through the native precompile, on the four-validator
//! `local` network (test-sized ceremony, see `verity_tests::local_test_spec`):
//!
//! 1. Alice registers two models, `mlp_digits8` and a variant of it with
//!    another quantized model (its ONNX file has another doc string; the
//!    test network's SRS is too small for `mlp_digits28`), without uploading
//!    them (`--no-upload --no-wait`: their key ceremonies, which synchronous
//!    inference does not need, go on in the background): no validator has
//!    their quantized models. They are then uploaded to her node only.
//! 2. Sudo enables `mlp_digits8` for synchronous use. Executing that call
//!    needs the model (its work units come from the node), so the other
//!    validators must fetch the artifact from Alice's node before they can
//!    build or import the block.
//! 3. Eve calls `infer --now`: the output is in the transaction's own block,
//!    equals the fixed-point output computed locally, and the block's events
//!    are byte-identical on all four validators (three of which imported it
//!    from its author).
//! 4. A model not enabled, and a model above the on-chain work bound, are
//!    refused with their pallet errors.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use verity_inference::QuantizedModel;
use verity_tests::cli::{cli_binary, path, Cli, ExampleModel};
use verity_tests::{rpc, start_local_network, wait_for};

/// `twox128("System") ++ twox128("Events")`.
const EVENTS_KEY: &str = "0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";

struct Registered {
	id: u64,
	sample: std::path::PathBuf,
	model: QuantizedModel,
}

#[tokio::test(flavor = "multi_thread")]
async fn infer_now_gives_the_same_bytes_on_every_validator() -> Result<()> {
	let nodes = start_local_network(&[]).await?;
	let cli = Cli::new(cli_binary(), nodes[0].ws_url())?;

	// --- Two models, registered without their files; then the quantized
	// models go to Alice's node only.
	let mut models = Vec::new();
	let mut files = Vec::new();
	let examples = [
		("mlp_digits8", ExampleModel::new("mlp_digits8")),
		(
			"mlp_digits8-other",
			ExampleModel::variant("mlp_digits8", "other", cli.work.path())?,
		),
	];
	for (name, example) in examples {
		let registered = cli.register(
			&example,
			name,
			"1.0.0",
			&["--out", name, "--no-upload", "--no-wait"],
		)?;
		let file = cli.work.path().join(name).join("model.qmodel");
		let qmodel = std::fs::read(&file)?;
		models.push(Registered {
			id: registered["model_id"].as_u64().context("model_id")?,
			sample: example.sample,
			model: QuantizedModel::from_bytes(&qmodel)?,
		});
		files.push(file);
	}
	let hashes: Vec<String> = models
		.iter()
		.map(|m| format!("0x{}", hex::encode(m.model.hash())))
		.collect();
	let hashes: Vec<&str> = hashes.iter().map(String::as_str).collect();
	ensure!(hashes[0] != hashes[1], "two quantized models");
	for node in &nodes {
		let has = rpc::artifacts_has(&node.client().await?, &hashes).await?;
		ensure!(
			has == [false, false],
			"{}: has a model before any upload",
			node.name()
		);
	}
	let uploaded = cli.json(&["artifacts", "upload", path(&files[0]), path(&files[1])])?;
	ensure!(
		uploaded
			.as_array()
			.is_some_and(|u| u.iter().all(|f| f["status"] == "uploaded")),
		"{uploaded}"
	);
	let hash = hashes[0].to_string();

	// --- Enable mlp_digits8: the work comes from the nodes' precompile.
	let model_id = models[0].id.to_string();
	let enabled = cli.json(&["model", "sync", &model_id, "--suri", "//Alice"])?;
	ensure!(
		enabled["work"].as_u64() == Some(models[0].model.work()),
		"work units: {enabled}, local {}",
		models[0].model.work()
	);

	// --- infer --now from Eve.
	let sample = path(&models[0].sample);
	let now = cli.json(&[
		"infer", &model_id, "--input", sample, "--now", "--suri", "//Eve",
	])?;
	let local = cli.json(&[
		"model",
		"run",
		path(&cli.work.path().join("mlp_digits8").join("model.qmodel")),
		"--input",
		sample,
	])?;
	let expected = local["outputs"]
		.as_object()
		.and_then(|o| o.values().next())
		.map(|o| o["quantized"]["data"].clone())
		.context("local quantized output")?;
	ensure!(
		now["output"] == expected,
		"on chain {}, local {expected}",
		now["output"]
	);
	ensure!(now["work"].as_u64() == Some(models[0].model.work()));
	let block_hash = now["block_hash"]
		.as_str()
		.context("block_hash")?
		.to_string();

	// Every validator imported that block (it is finalized on Alice's node)
	// and holds the same events, output included.
	let mut events: Vec<String> = Vec::new();
	for node in &nodes {
		let client = node.client().await?;
		let bytes: String = wait_for(
			&format!("{} has the infer_now block", node.name()),
			Duration::from_secs(60),
			|| async {
				let header: Option<Value> = client
					.request("chain_getHeader", rpc_params![&block_hash])
					.await?;
				if header.is_none() {
					return Ok(None);
				}
				let events: Option<String> = client
					.request("state_getStorage", rpc_params![EVENTS_KEY, &block_hash])
					.await?;
				Ok(events)
			},
		)
		.await?;
		let has = rpc::artifacts_has(&client, &[&hash]).await?;
		ensure!(has == [true], "{}: the model was not fetched", node.name());
		events.push(bytes);
	}
	ensure!(
		events.iter().all(|e| e == &events[0]),
		"events differ between validators"
	);
	let output_bytes: Vec<u8> = expected
		.as_array()
		.context("output")?
		.iter()
		.flat_map(|v| (v.as_i64().unwrap_or(i64::MAX) as i32).to_le_bytes())
		.collect();
	ensure!(
		events[0].contains(&hex::encode(output_bytes)),
		"the block's events do not hold the output"
	);

	// --- Refusals.
	let other = models[1].id.to_string();
	let other_sample = path(&models[1].sample);
	cli.fails(
		&[
			"infer",
			&other,
			"--input",
			other_sample,
			"--now",
			"--suri",
			"//Eve",
		],
		"NotSyncEnabled",
	);
	let below = (models[1].model.work() - 1).to_string();
	cli.json(&["model", "sync-bound", &below, "--suri", "//Alice"])?;
	cli.fails(
		&["model", "sync", &other, "--suri", "//Alice"],
		"WorkAboveBound",
	);
	cli.fails(&["model", "sync", &other, "--suri", "//Eve"], "RequireSudo");
	Ok(())
}
