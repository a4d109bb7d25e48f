//! Synchronous inference through the native precompile, on the four-validator
//! `local` network (test-sized ceremony from the development SRS, see
//! `verity_tests::local_dev_srs_test_spec`):
//!
//! 1. Alice registers two models, `mlp_digits8` and a variant of it with
//!    another quantized model (its ONNX file has another doc string; the
//!    test network's SRS is too small for `mlp_digits28`), without uploading
//!    them (`--no-upload --no-wait`: their key ceremonies, which synchronous
//!    inference does not need, go on in the background).
//! 2. Sudo enables `mlp_digits8` for synchronous use: `verity model sync`
//!    first stores its quantized model in chain state (with a deposit), and
//!    the precompile runs those bytes. No node has the model's file, ever.
//! 3. Eve calls `infer --now`: the output is in the transaction's own block,
//!    equals the fixed-point output computed locally, and the block's events
//!    are byte-identical on all four validators (three of which imported it
//!    from its author).
//! 4. A model not enabled, and a model above the on-chain work bound, are
//!    refused with their pallet errors.
//! 5. The model is disabled and its bytes removed from state. A fresh node
//!    with an empty artifact store then syncs from genesis through the block
//!    that called it and reaches the validators' blocks and state roots.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use verity_inference::QuantizedModel;
use verity_tests::cli::{cli_binary, path, Cli, ExampleModel};
use verity_tests::{rpc, start_local_dev_srs_network, wait_for};

/// `twox128("System") ++ twox128("Events")`.
const EVENTS_KEY: &str = "0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";

struct Registered {
	id: u64,
	sample: std::path::PathBuf,
	model: QuantizedModel,
}

#[tokio::test(flavor = "multi_thread")]
async fn infer_now_gives_the_same_bytes_on_every_validator() -> Result<()> {
	let nodes = start_local_dev_srs_network(&[]).await?;
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
	// No node has the models' files (and none ever gets them here).
	let no_files = |nodes: Vec<jsonrpsee::ws_client::WsClient>| {
		let hashes = hashes.clone();
		async move {
			for client in nodes {
				let has = rpc::artifacts_has(&client, &hashes).await?;
				ensure!(has == [false, false], "a node has a model's file");
			}
			Ok::<_, anyhow::Error>(())
		}
	};
	let mut clients = Vec::new();
	for node in &nodes {
		clients.push(node.client().await?);
	}
	no_files(clients).await?;

	// --- Enable mlp_digits8: its bytes go to chain state first; the work
	// comes from the precompile, which runs them.
	let model_id = models[0].id.to_string();
	let dir = |name: &str| cli.work.path().join(name).to_string_lossy().into_owned();
	let enabled = cli.json(&[
		"model",
		"sync",
		&model_id,
		"--artifacts",
		&dir("mlp_digits8"),
		"--suri",
		"//Alice",
	])?;
	ensure!(enabled["bytes"] == "stored", "{enabled}");
	let deposit = 1_000_000_000_000u128 + 100_000_000 * std::fs::read(&files[0])?.len() as u128;
	ensure!(
		enabled["bytes_deposit"].as_u64().map(u128::from) == Some(deposit),
		"deposit: {enabled}, expected {deposit}"
	);
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
	let expected = cli.local_output(
		&cli.work.path().join("mlp_digits8").join("model.qmodel"),
		&models[0].sample,
	)?;
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
	cli.rejected(
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
	let other_dir = dir("mlp_digits8-other");
	cli.rejected(
		&[
			"model",
			"sync",
			&other,
			"--artifacts",
			&other_dir,
			"--suri",
			"//Alice",
		],
		"WorkAboveBound",
	);
	cli.rejected(
		&[
			"model",
			"sync",
			&other,
			"--artifacts",
			&other_dir,
			"--suri",
			"//Eve",
		],
		"RequireSudo",
	);

	// --- Disabled, its bytes removed from state (the deposit released).
	let disabled = cli.json(&[
		"model",
		"sync",
		&model_id,
		"--disable",
		"--remove-bytes",
		"--suri",
		"//Alice",
	])?;
	ensure!(
		disabled["bytes"] == "removed"
			&& disabled["bytes_deposit"].as_u64().map(u128::from) == Some(deposit),
		"{disabled}"
	);
	cli.rejected(
		&[
			"infer", &model_id, "--input", sample, "--now", "--suri", "//Eve",
		],
		"NotSyncEnabled",
	);

	// --- A fresh node, no files, syncs from genesis through the infer_now
	// block (whose state had the bytes) to the validators' blocks.
	let alice = nodes[0].client().await?;
	let (target, _) = rpc::finalized_head(&alice).await?;
	let mut config = verity_tests::NodeConfig::local_validator("fresh", 9);
	config.validator_key = None;
	config.bootnodes = vec![nodes[0].multiaddr().await?];
	let fresh = verity_tests::Node::start(config).await?;
	let fresh_rpc = fresh.client().await?;
	wait_for(
		"the fresh node to sync",
		Duration::from_secs(180),
		|| async { Ok((rpc::best_number(&fresh_rpc).await? >= target).then_some(())) },
	)
	.await?;
	for number in [now["block"].as_u64().context("block")?, target] {
		let ours = rpc::block_hash(&alice, number).await?;
		let theirs = rpc::block_hash(&fresh_rpc, number).await?;
		ensure!(
			ours.is_some() && ours == theirs,
			"block #{number}: {ours:?} on Alice, {theirs:?} on the fresh node"
		);
		let root = |header: Value| header["stateRoot"].clone();
		let ours: Value = alice.request("chain_getHeader", rpc_params![&ours]).await?;
		let theirs: Value = fresh_rpc
			.request("chain_getHeader", rpc_params![&theirs])
			.await?;
		ensure!(
			root(ours) == root(theirs),
			"state roots differ at #{number}"
		);
	}
	no_files(vec![fresh_rpc]).await?;
	Ok(())
}
