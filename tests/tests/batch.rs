//! One dev-chain block takes a hundred verified Zk results: Bob, Charlie,
//! Dave and Eve send 25 Zk requests each (without waiting: they land in one
//! or two blocks), all drawn for Alice, the only executor. `verity executor
//! prove-batch` proves all hundred first, then submits their results right
//! after a block in `Inference::submit_results` of up to the runtime's
//! `MaxBatchResults` each, which the runtime verifies as batches; the next
//! block holds every result, each stored as verified.
//! Tampered batches are the pallet's unit tests (`tests::a_bad_proof_in_a_
//! batch_is_slashed_and_the_others_stand` and the ones next to it).

use anyhow::{ensure, Context, Result};
use subxt::{config::DefaultExtrinsicParamsBuilder, dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use verity_tests::cli::{cli_binary, Cli, ExampleModel};
use verity_tests::{Node, NodeConfig};

/// Requests per sender; four senders.
const PER_SENDER: u64 = 25;

/// The results the test puts in one block.
fn results_per_block() -> usize {
	4 * PER_SENDER as usize
}

#[tokio::test(flavor = "multi_thread")]
async fn one_block_takes_a_hundred_verified_results() -> Result<()> {
	let mut config = NodeConfig::dev();
	config.name = "batch".into();
	let node = Node::start(config).await?;
	let cli = Cli::new(cli_binary(), node.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let registered = cli.register(&example, "digits8", "1.0.0", &[])?;
	ensure!(registered["status"] == "final", "{registered}");
	let model = registered["model_id"].as_u64().context("model_id")?;
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let input_len = cli.json(&["model", "show", &model.to_string()])?["input_len"]
		.as_u64()
		.context("input_len")?;

	// --- A hundred Zk requests (an all-zero input), sent at once; on a
	// fresh chain they are requests 0..100.
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;
	let at = api.at_current_block().await?;
	let deadline = at.block_number() as u32 + 200;
	let request = dynamic::transaction(
		"Inference",
		"request",
		(
			model,
			vec![0i32; input_len as usize],
			dynamic::Value::unnamed_variant("Zk", []),
			1u128 << 40,
			deadline,
		),
	);
	for signer in [dev::bob(), dev::charlie(), dev::dave(), dev::eve()] {
		for nonce in 0..PER_SENDER {
			let params = DefaultExtrinsicParamsBuilder::<PolkadotConfig>::new()
				.nonce(nonce)
				.build();
			at.transactions()
				.sign_and_submit(&request, &signer, params)
				.await?;
		}
	}
	let ids: Vec<String> = (0..4 * PER_SENDER).map(|id| id.to_string()).collect();

	// --- Proved beforehand, submitted together (the CLI waits for each
	// request's assignment first).
	let mut args = vec!["executor", "prove-batch"];
	args.extend(ids.iter().map(String::as_str));
	args.extend(["--suri", "//Alice"]);
	let batch = cli.json(&args)?;
	ensure!(batch["verified"] == 100, "{batch:#}");
	ensure!(batch["one_by_one"] == false, "{batch:#}");
	// As many `submit_results` as `MaxBatchResults` makes it, all in one block.
	let max_batch = api
		.at_current_block()
		.await?
		.constants()
		.entry(dynamic::constant::<u32>("Inference", "MaxBatchResults"))? as usize;
	let batches = batch["batches"].as_array().context("batches")?;
	ensure!(
		batches.len() == results_per_block().div_ceil(max_batch),
		"{batch:#}"
	);
	let block = batches[0]["block"].as_u64().context("block")?;
	ensure!(
		batches.iter().all(|b| b["block"] == block),
		"not one block: {batch:#}"
	);
	let results = batch["results"].as_array().context("results")?;
	ensure!(results.len() == 100, "{batch:#}");

	// --- Every result, as the chain stores it: verified, in that block.
	for id in &ids {
		let r = cli.json(&["result", id])?;
		ensure!(r["status"] == "verified", "request {id}: {r}");
		ensure!(r["verified"] == true, "request {id}: {r}");
		ensure!(r["block"] == block, "request {id}: {r}");
	}
	Ok(())
}
