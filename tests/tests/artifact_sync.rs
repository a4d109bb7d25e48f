//! Model artifacts travel between nodes: the key ceremony's contributors and
//! an executor fetch from their peers what was uploaded to, or made on,
//! another node.
//!
//! Three validators of the `local` chain (enough for GRANDPA to finalize;
//! test-sized key ceremonies from the development SRS, see
//! `verity_tests::local_dev_srs_test_spec`; Dave, who runs
//! no node, is skipped in every ceremony turn): Alice runs the inference
//! worker (`--executor`), Bob is where the user uploads the quantized model
//! over RPC and sends transactions (he logs the artifacts he serves),
//! Charlie holds nothing at first. Two models are
//! registered without uploading (`--no-upload`); only the first's quantized
//! model is on a node (Bob's). Its key ceremony: Alice's node, first to
//! contribute, fetches the quantized model from Bob; Bob and Charlie follow;
//! Charlie's node made the final proving key, and Alice's and Bob's fetch it
//! from their peers to check it. Bob's Zk request for the first model is
//! proved by Alice with that key and ends `verified` on chain. The second model (the same network, but another quantized model:
//! its ONNX file carries another doc string) is on no node: its ceremony
//! gets no contribution, Zk requests for it are refused, and Alice logs that
//! no peer has its quantized model for Bob's vanilla request, which stays
//! pending.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::json;
use verity_tests::cli::{cli_binary, key_contributors, path, Cli, ExampleModel};
use verity_tests::rpc::{self, artifacts_has as has, upload_chunked};
use verity_tests::{wait_for, wait_for_srs, Node, NodeConfig};

/// The first line of `node`'s log containing every one of `needles`.
fn log_line(node: &Node, needles: &[&str]) -> Option<String> {
	node.log_tail(100_000)
		.lines()
		.find(|l| needles.iter().all(|n| l.contains(n)))
		.map(str::to_string)
}

#[tokio::test(flavor = "multi_thread")]
async fn executor_fetches_artifacts_uploaded_to_another_node() -> Result<()> {
	let started = Instant::now();
	let mut config = NodeConfig::local_validator("alice", 1);
	config.extra_args.push("--executor".into());
	let alice = Node::start(config).await?;
	let bootnode = alice.multiaddr().await?;
	let mut others = Vec::new();
	for (i, key) in ["bob", "charlie"].into_iter().enumerate() {
		let mut config = NodeConfig::local_validator(key, i as u8 + 2);
		config.bootnodes = vec![bootnode.clone()];
		if key == "bob" {
			// Bob's node logs every artifact it sends to a peer.
			config.extra_args.push("-lverity-artifacts=debug".into());
		}
		others.push(Node::start(config).await?);
	}
	let (bob, charlie) = (&others[0], &others[1]);
	let (alice_rpc, bob_rpc, charlie_rpc) = (
		alice.client().await?,
		bob.client().await?,
		charlie.client().await?,
	);
	wait_for(
		"Alice to see both peers",
		Duration::from_secs(60),
		|| async { Ok((rpc::peers(&alice_rpc).await? >= 2).then_some(())) },
	)
	.await?;
	// The development SRS is final at genesis.
	wait_for_srs(&alice_rpc, Duration::from_secs(10)).await?;

	// --- The quantized model of mlp_digits8, uploaded (in chunks) to Bob only.
	let cli = Cli::new(cli_binary(), bob.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	// Model 1: the same network with another quantized model (its ONNX file
	// has another doc string), which no node gets.
	let absent_example = ExampleModel::variant("mlp_digits8", "absent", cli.work.path())?;
	cli.json(&[
		"model",
		"quantize",
		path(&example.onnx),
		"--calibration",
		path(&example.calibration),
		"--out",
		"digits8.qmodel",
	])?;
	let qmodel = std::fs::read(cli.work.path().join("digits8.qmodel"))?;
	let q_hash = upload_chunked(&bob_rpc, &qmodel, 4 << 10).await?;

	// --- Two models, registered through Bob without uploading: model 0 is
	// that quantized model; model 1's quantized model reaches no node.
	let register = |example: &ExampleModel, name: &str, out: &str| {
		cli.register(
			example,
			name,
			"1.0.0",
			&["--out", out, "--no-upload", "--no-wait"],
		)
	};
	let shared = register(&example, "digits8", "shared")?;
	let absent = register(&absent_example, "digits8-absent", "absent")?;
	assert_eq!(
		(shared["model_id"].clone(), absent["model_id"].clone()),
		(json!(0), json!(1))
	);
	assert_eq!(shared["quantized_hash"], json!(q_hash));
	let absent_q = absent["quantized_hash"].as_str().unwrap().to_string();
	assert_ne!(absent_q, q_hash);
	assert_eq!(
		has(&bob_rpc, &[&q_hash, &absent_q]).await?,
		vec![true, false]
	);

	// --- Model 0's key ceremony: Alice, Bob and Charlie contribute in turn
	// (Dave is skipped); every contributor's node has the quantized model.
	let accounts: Vec<serde_json::Value> = ["//Alice", "//Bob", "//Charlie"]
		.iter()
		.map(|suri| Ok(cli.json(&["account", "--suri", suri])?["account"].clone()))
		.collect::<Result<_>>()?;
	let ceremony = cli.wait_for_key(0, Duration::from_secs(400))?;
	assert_eq!(key_contributors(&ceremony), accounts, "{ceremony}");
	let pk_hash = ceremony["final_proving_key_hash"]
		.as_str()
		.context("final_proving_key_hash")?
		.to_string();
	eprintln!("model 0's key final after {:?}", started.elapsed());
	// The final proving key was made on Charlie's node; Alice's and Bob's
	// fetch it from their peers to check it.
	let all = [q_hash.as_str(), pk_hash.as_str(), absent_q.as_str()];
	assert_eq!(has(&charlie_rpc, &all).await?, vec![true, true, false]);
	for node in [&alice_rpc, &bob_rpc] {
		wait_for(
			"the final key checked",
			Duration::from_secs(120),
			|| async { Ok((has(node, &all).await? == [true, true, false]).then_some(())) },
		)
		.await?;
	}
	// Alice's node, the first contributor, got the quantized model from Bob's.
	let alice_peer: String = alice_rpc
		.request("system_localPeerId", rpc_params![])
		.await?;
	log_line(
		bob,
		&[
			&format!("sending artifact {q_hash} ("),
			&format!("to {alice_peer}"),
		],
	)
	.with_context(|| {
		format!(
			"Bob logged no sending of {q_hash} to Alice:\n{}",
			bob.log_tail(80)
		)
	})?;

	// --- Model 1: no contribution, so no Zk requests.
	let status = cli.json(&["ceremony", "status", "1"])?;
	assert_ne!(status["status"], "final", "{status}");
	assert_eq!(status["contributions"], json!([]), "{status}");
	cli.fails(
		&[
			"infer",
			"1",
			"--input",
			path(&absent_example.sample),
			"--mode",
			"zk",
			"--suri",
			"//Bob",
		],
		"does not accept zk requests yet",
	);

	// --- Alice (the executor key her node holds) bonds; Bob requests both
	// models (model 1 in vanilla mode).
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let unserved = cli.infer(1, &absent_example.sample, "vanilla", "//Bob", None)?;
	let unserved_id = unserved["request_id"].as_u64().unwrap();
	let served = cli.infer(0, &example.sample, "zk", "//Bob", Some(120))?;
	let served_id = served["request_id"].as_u64().unwrap();
	assert_eq!(served["result"]["status"], "verified", "{served}");
	let result = cli.json(&["result", &served_id.to_string()])?;
	assert_eq!(result["status"], "verified");
	assert_eq!(result["executor"], accounts[0]);

	// Alice proved with the final proving key, fetched from a peer (Charlie,
	// or Bob once he had it).
	assert_eq!(
		has(&alice_rpc, &[&q_hash, &pk_hash]).await?,
		vec![true, true]
	);
	let charlie_peer: String = charlie_rpc
		.request("system_localPeerId", rpc_params![])
		.await?;
	let line = log_line(
		&alice,
		&[&format!("artifact {pk_hash} ("), "fetched from peer"],
	)
	.with_context(|| {
		format!(
			"Alice logged no fetch of {pk_hash}:\n{}",
			alice.log_tail(80)
		)
	})?;
	let bob_peer: String = bob_rpc.request("system_localPeerId", rpc_params![]).await?;
	assert!(
		line.contains(&charlie_peer) || line.contains(&bob_peer),
		"{line}"
	);
	assert!(
		!charlie
			.log_tail(100_000)
			.contains("inference worker started"),
		"Charlie runs no worker"
	);

	// --- Model 1's quantized model is nowhere: a clear error on Alice, no result.
	let line = wait_for(
		"Alice's error about model 1's quantized model",
		Duration::from_secs(30),
		|| async {
			Ok(log_line(
				&alice,
				&[
					&format!("artifact {absent_q} of request(s) [{unserved_id}]"),
					"could not be fetched from peers",
				],
			))
		},
	)
	.await?;
	assert!(
		line.contains("none of the 2 connected peer(s) has it")
			&& line.contains("not found")
			&& line.contains("expires and is refunded"),
		"{line}"
	);
	assert!(
		log_line(
			&alice,
			&[
				&format!("request {unserved_id}: model 1's artifact(s)"),
				&format!("{absent_q} (quantized model)"),
				"fetching them from peers",
			]
		)
		.is_some(),
		"{}",
		alice.log_tail(80)
	);
	// Parked once, not again in every block while its block is not final.
	let parked = format!("request {unserved_id}: model 1's artifact(s)");
	assert_eq!(
		alice.log_tail(100_000).matches(&parked).count(),
		1,
		"{}",
		alice.log_tail(80)
	);
	for node in [&alice_rpc, &bob_rpc, &charlie_rpc] {
		assert_eq!(has(node, &[&absent_q]).await?, vec![false]);
	}
	assert_eq!(
		cli.json(&["result", &unserved_id.to_string()])?["status"],
		"pending"
	);
	for line in alice.log_tail(100_000).lines() {
		if line.contains("artifact") {
			eprintln!("alice: {line}");
		}
	}
	eprintln!("artifact sync test took {:?}", started.elapsed());
	Ok(())
}
