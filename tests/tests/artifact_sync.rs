//! Model artifacts travel between nodes: an executor fetches from its peers
//! what was uploaded to another node.
//!
//! Three validators of the `local` chain (enough for GRANDPA to finalize):
//! Alice runs the inference worker (`--executor`), Bob is where the user
//! uploads the artifacts over RPC and sends transactions, Charlie holds
//! nothing. Two versions of a model are registered; only the first's proving
//! key is uploaded (to Bob). Bob's Zk request for the first model is proved by
//! Alice with artifacts she fetched from Bob over the artifact protocol, and
//! ends `verified` on chain. The second model's proving key is on no node:
//! Alice logs that no peer has it and its request stays pending.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::json;
use verity_tests::cli::{cli_binary, Cli, ExampleModel};
use verity_tests::rpc::{self, artifacts_has as has, hex, upload_chunked};
use verity_tests::{wait_for, Node, NodeConfig};

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

	// --- Two versions of a model (each with its own Groth16 setup), through Bob.
	let cli = Cli::new(cli_binary(), bob.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let sample = example.sample.clone();
	// The artifacts are uploaded below, by hand, to Bob only.
	let register = |name: &str, out: &str| {
		cli.register(&example, name, "1.0.0", &["--out", out, "--no-upload"])
	};
	let shared = register("digits8", "shared")?;
	let absent = register("digits8-absent", "absent")?;
	assert_eq!(
		(shared["model_id"].clone(), absent["model_id"].clone()),
		(json!(0), json!(1))
	);
	let q_hash = shared["quantized_hash"].as_str().unwrap().to_string();
	let pk_hash = shared["proving_key_hash"].as_str().unwrap().to_string();
	let absent_pk = absent["proving_key_hash"].as_str().unwrap().to_string();

	// --- Artifacts reach Bob only: model 0's quantized model and proving key
	// (in chunks), and model 1's quantized model, but never its proving key.
	let dir = cli.work.path();
	let stored: String = bob_rpc
		.request(
			"artifacts_upload",
			rpc_params![hex(&std::fs::read(dir.join("shared/model.qmodel"))?)],
		)
		.await?;
	assert_eq!(stored, q_hash);
	let proving_key = std::fs::read(dir.join("shared/proving.key"))?;
	assert_eq!(
		upload_chunked(&bob_rpc, &proving_key, 256 << 10).await?,
		pk_hash
	);
	let _: String = bob_rpc
		.request(
			"artifacts_upload",
			rpc_params![hex(&std::fs::read(dir.join("absent/model.qmodel"))?)],
		)
		.await?;
	let all = [q_hash.as_str(), pk_hash.as_str(), absent_pk.as_str()];
	assert_eq!(has(&bob_rpc, &all).await?, vec![true, true, false]);
	for node in [&alice_rpc, &charlie_rpc] {
		assert_eq!(has(node, &all).await?, vec![false, false, false]);
	}

	// --- Alice (the executor key her node holds) bonds; Bob requests both models.
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let unserved = cli.infer(1, &sample, "zk", "//Bob", None)?;
	let unserved_id = unserved["request_id"].as_u64().unwrap();
	let served = cli.infer(0, &sample, "zk", "//Bob", Some(90))?;
	let served_id = served["request_id"].as_u64().unwrap();
	assert_eq!(served["result"]["status"], "verified", "{served}");
	let alice_account = cli.json(&["account", "--suri", "//Alice"])?;
	let result = cli.json(&["result", &served_id.to_string()])?;
	assert_eq!(result["status"], "verified");
	assert_eq!(result["executor"], alice_account["account"]);

	// Alice fetched both of model 0's artifacts from Bob (not from Charlie).
	assert_eq!(
		has(&alice_rpc, &[&q_hash, &pk_hash]).await?,
		vec![true, true]
	);
	let bob_peer: String = bob_rpc.request("system_localPeerId", rpc_params![]).await?;
	for hash in [&q_hash, &pk_hash] {
		let line = log_line(
			&alice,
			&[&format!("artifact {hash} ("), "fetched from peer"],
		)
		.with_context(|| format!("Alice logged no fetch of {hash}:\n{}", alice.log_tail(80)))?;
		assert!(line.contains(&bob_peer), "{line}");
	}
	assert!(
		!charlie
			.log_tail(100_000)
			.contains("inference worker started"),
		"Charlie runs no worker"
	);

	// --- Model 1's proving key is nowhere: a clear error on Alice, no result.
	let line = wait_for(
		"Alice's error about model 1's proving key",
		Duration::from_secs(30),
		|| async {
			Ok(log_line(
				&alice,
				&[
					&format!("artifact {absent_pk} of request(s) [{unserved_id}]"),
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
				&format!("{absent_pk} (proving key)"),
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
		assert_eq!(has(node, &[&absent_pk]).await?, vec![false]);
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
