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

use std::{
	path::{Path, PathBuf},
	process::Command,
	time::{Duration, Instant},
};

use anyhow::{ensure, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::{json, Value};
use verity_tests::{node_binary, rpc, wait_for, Node, NodeConfig};

fn models_dir() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models")
}

fn path(p: &Path) -> &str {
	p.to_str().expect("utf-8 path")
}

fn hex(bytes: &[u8]) -> String {
	format!(
		"0x{}",
		bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
	)
}

/// The `verity` binary: `$VERITY_CLI_BIN`, else next to the node binary.
fn cli_binary() -> PathBuf {
	std::env::var_os("VERITY_CLI_BIN")
		.map(PathBuf::from)
		.unwrap_or_else(|| node_binary().with_file_name("verity"))
}

/// The `verity` CLI, run in a scratch directory against one node.
struct Cli {
	url: String,
	work: tempfile::TempDir,
}

impl Cli {
	/// Whether `model register` takes `--no-upload` (a CLI that uploads the
	/// artifacts itself while registering).
	fn has_no_upload(&self) -> Result<bool> {
		let out = Command::new(cli_binary()).arg("--help").output()?;
		Ok(String::from_utf8_lossy(&out.stdout).contains("--no-upload")
			|| String::from_utf8_lossy(&out.stderr).contains("--no-upload"))
	}

	/// Runs `verity <args> --url <url>` and parses its JSON output.
	fn json(&self, args: &[&str]) -> Result<Value> {
		let bin = cli_binary();
		let out = Command::new(&bin)
			.args(args)
			.args(["--url", self.url.as_str()])
			.current_dir(self.work.path())
			.env_remove("VERITY_URL")
			.env_remove("VERITY_SURI")
			.output()
			.with_context(|| format!("running {}", bin.display()))?;
		eprintln!(
			"$ verity {}\n  exit {:?}\n{}",
			args.join(" "),
			out.status.code(),
			String::from_utf8_lossy(&out.stderr)
		);
		ensure!(
			out.status.success(),
			"verity {args:?} failed: {}",
			String::from_utf8_lossy(&out.stderr)
		);
		serde_json::from_slice(&out.stdout).with_context(|| {
			format!(
				"verity {args:?}: stdout is not JSON: {}",
				String::from_utf8_lossy(&out.stdout)
			)
		})
	}
}

/// Uploads `bytes` in `chunk`-byte pieces; returns the stored hash.
async fn upload_chunked(client: &WsClient, bytes: &[u8], chunk: usize) -> Result<String> {
	let hash = hex(&verity_inference::hash::blake2_256(bytes));
	let id: u64 = client
		.request("artifacts_beginUpload", rpc_params![&hash, bytes.len()])
		.await?;
	let mut offset = 0usize;
	for piece in bytes.chunks(chunk) {
		let _: u64 = client
			.request("artifacts_uploadChunk", rpc_params![id, offset, hex(piece)])
			.await?;
		offset += piece.len();
	}
	let stored: String = client
		.request("artifacts_finishUpload", rpc_params![id])
		.await?;
	ensure!(stored == hash, "stored as {stored}, expected {hash}");
	Ok(stored)
}

async fn has(client: &WsClient, hashes: &[&str]) -> Result<Vec<bool>> {
	Ok(client.request("artifacts_has", rpc_params![hashes]).await?)
}

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
	let cli = Cli {
		url: bob.ws_url(),
		work: tempfile::tempdir()?,
	};
	let onnx = models_dir().join("mlp_digits8.onnx");
	let cal = models_dir().join("data/mlp_digits8.calibration.json");
	let sample = models_dir().join("samples/mlp_digits8.input.json");
	// The artifacts are uploaded below, by hand, to Bob only.
	let no_upload = cli.has_no_upload()?;
	let register = |name: &str, out: &str| {
		let mut args = vec![
			"model",
			"register",
			path(&onnx),
			"--name",
			name,
			"--version",
			"1.0.0",
			"--calibration",
			path(&cal),
			"--out",
			out,
			"--suri",
			"//Alice",
		];
		if no_upload {
			args.push("--no-upload");
		}
		cli.json(&args)
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
	let unserved = cli.json(&[
		"infer",
		"1",
		"--input",
		path(&sample),
		"--mode",
		"zk",
		"--suri",
		"//Bob",
	])?;
	let unserved_id = unserved["request_id"].as_u64().unwrap();
	let served = cli.json(&[
		"infer",
		"0",
		"--input",
		path(&sample),
		"--mode",
		"zk",
		"--suri",
		"//Bob",
		"--wait",
		"--timeout",
		"90",
	])?;
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
