//! The inference worker end to end: a dev node started with `--executor`
//! serves Bob's requests by itself.
//!
//! The `verity` CLI registers a model (quantize, Groth16 setup, register),
//! its artifacts are uploaded to the node over the `artifacts_*` RPC (the
//! proving key in chunks), Alice bonds as executor, Bob requests; the node's
//! worker (Alice's dev `vinf` key) proves and submits, and the stored result
//! equals the fixed-point output the CLI computes locally. After a restart the
//! result is still served and nothing is submitted again. A model whose
//! proving key never reached the node is not answered, with a clear error in
//! the log.

use std::time::Duration;

use anyhow::{bail, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::{json, Value};
use verity_tests::cli::{cli_binary, path, Cli, ExampleModel};
use verity_tests::rpc::{self, artifacts_has, hex, upload_chunked};
use verity_tests::{wait_for, Node, NodeConfig};

/// The JSON-RPC error message of a failed call.
fn rpc_error<T: std::fmt::Debug>(result: Result<T, jsonrpsee::core::ClientError>) -> String {
	match result {
		Ok(v) => panic!("expected an error, got {v:?}"),
		Err(e) => e.to_string(),
	}
}

async fn best(client: &WsClient) -> Result<u64> {
	rpc::best_number(client).await
}

#[tokio::test(flavor = "multi_thread")]
async fn executor_node_proves_requests_and_survives_a_restart() -> Result<()> {
	let mut config = NodeConfig::dev();
	config.name = "executor".into();
	config.extra_args.push("--executor".into());
	let mut node = Node::start(config).await?;
	let client = node.client().await?;
	let cli = Cli::new(cli_binary(), node.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let sample = example.sample.clone();

	// --- Two versions of the model (each with its own setup) on chain.
	// The artifacts go over the raw RPC below (model 1's proving key never).
	let register = |name: &str, out: &str| {
		cli.register(&example, name, "1.0.0", &["--out", out, "--no-upload"])
	};
	let served = register("digits8", "served")?;
	let unserved = register("digits8-no-key", "unserved")?;
	assert_eq!(
		(served["model_id"].clone(), unserved["model_id"].clone()),
		(json!(0), json!(1))
	);
	let dir = cli.work.path().join("served");
	let qmodel = std::fs::read(dir.join("model.qmodel"))?;
	let proving_key = std::fs::read(dir.join("proving.key"))?;
	assert_eq!(
		json!(hex(&verity_inference::hash::blake2_256(&qmodel))),
		served["quantized_hash"]
	);

	// --- Artifacts over RPC: the quantized model in one call, the proving
	// key in 64 KiB chunks; the node reports what it has.
	let pk_hash = served["proving_key_hash"].as_str().unwrap().to_string();
	let q_hash = served["quantized_hash"].as_str().unwrap().to_string();
	assert_eq!(
		artifacts_has(&client, &[&q_hash, &pk_hash]).await?,
		vec![false, false]
	);
	let stored: String = client
		.request("artifacts_upload", rpc_params![hex(&qmodel)])
		.await?;
	assert_eq!(stored, q_hash);
	assert_eq!(
		upload_chunked(&client, &proving_key, 64 << 10).await?,
		pk_hash
	);
	assert_eq!(
		artifacts_has(&client, &[&q_hash, &pk_hash]).await?,
		vec![true, true]
	);
	let list: Value = client.request("artifacts_list", rpc_params![]).await?;
	assert_eq!(list.as_array().unwrap().len(), 2);
	assert!(list
		.as_array()
		.unwrap()
		.contains(&json!({"hash": pk_hash, "len": proving_key.len()})));

	// Wrong bytes for a hash, an unknown upload, chunks out of order: refused.
	let id: u64 = client
		.request("artifacts_beginUpload", rpc_params![&pk_hash, 6])
		.await?;
	let e = rpc_error(
		client
			.request::<u64, _>("artifacts_uploadChunk", rpc_params![id, 3, "0x000000"])
			.await,
	);
	assert!(e.contains("offset 3"), "{e}");
	let _: u64 = client
		.request(
			"artifacts_uploadChunk",
			rpc_params![id, 0, "0x666f72676564"],
		)
		.await?;
	let e = rpc_error(
		client
			.request::<String, _>("artifacts_finishUpload", rpc_params![id])
			.await,
	);
	assert!(e.contains("hash to"), "{e}");
	let e = rpc_error(
		client
			.request::<String, _>("artifacts_finishUpload", rpc_params![12345])
			.await,
	);
	assert!(e.contains("unknown upload 12345"), "{e}");
	// Model 1: only its quantized model reaches the node, not its proving key.
	let unserved_q = std::fs::read(cli.work.path().join("unserved/model.qmodel"))?;
	let _: String = client
		.request("artifacts_upload", rpc_params![hex(&unserved_q)])
		.await?;

	// --- Alice (the node's dev executor key) bonds; Bob requests.
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let local = cli.json(&[
		"model",
		"run",
		path(&dir.join("model.qmodel")),
		"--input",
		path(&sample),
	])?;
	let local_q = local["outputs"]["probabilities"]["quantized"]["data"].clone();
	assert_eq!(local_q.as_array().map(Vec::len), Some(10));

	let missing = cli.infer(1, &sample, "zk", "//Bob", None)?;
	let missing_id = missing["request_id"].as_u64().unwrap();
	let zk = cli.infer(0, &sample, "zk", "//Bob", Some(120))?;
	let zk_id = zk["request_id"].as_u64().unwrap();
	let result = &zk["result"];
	assert_eq!(result["status"], "verified", "{zk}");
	assert_eq!(result["outputs"][0]["quantized"], local_q);
	assert!(result["events"]
		.as_array()
		.unwrap()
		.contains(&json!("Inference.InferenceVerified")));
	let vanilla = cli.infer(0, &sample, "vanilla", "//Bob", Some(120))?;
	let vanilla_id = vanilla["request_id"].as_u64().unwrap();
	assert_eq!(vanilla["result"]["status"], "unverified", "{vanilla}");
	assert_eq!(vanilla["result"]["outputs"][0]["quantized"], local_q);

	let stored = cli.json(&["result", &zk_id.to_string()])?;
	assert_eq!(stored["status"], "verified");
	assert_eq!(stored["output"], local_q);
	let alice = cli.json(&["account", "--suri", "//Alice"])?;
	assert_eq!(stored["executor"], alice["account"]);

	// --- The request without a proving key: a clear error, no result.
	let log = node.log_tail(100_000);
	let needle = format!("request {missing_id}: model 1's artifact(s)");
	let line = log
		.lines()
		.find(|l| l.contains(&needle))
		.with_context(|| format!("no '{needle}' error in the log:\n{}", node.log_tail(80)))?;
	assert!(
		line.contains("not in the artifact store") && line.contains("(proving key)"),
		"{line}"
	);
	assert!(
		line.contains(unserved["proving_key_hash"].as_str().unwrap()),
		"{line}"
	);
	assert_eq!(
		cli.json(&["result", &missing_id.to_string()])?["status"],
		"pending"
	);

	// --- Restart: results still served, nothing proved or submitted again.
	let submitted = |log: &str, id: u64| {
		log.lines()
			.filter(|l| l.contains(&format!("request {id}: submitted result")))
			.count()
	};
	assert_eq!(submitted(&log, zk_id), 1, "{log}");
	let before = best(&client).await?;
	node.restart().await?;
	let client = node.client().await?;
	wait_for(
		"3 new blocks after the restart",
		Duration::from_secs(60),
		|| async { Ok((best(&client).await? >= before + 3).then_some(())) },
	)
	.await?;
	for (id, status) in [(zk_id, "verified"), (vanilla_id, "unverified")] {
		let again = cli.json(&["result", &id.to_string()])?;
		assert_eq!(again["status"], status);
		assert_eq!(again["output"], local_q);
	}
	let log = node.log_tail(100_000);
	let restarts = log.matches("inference worker started").count();
	if restarts != 2 {
		bail!("expected the worker to start twice, saw {restarts}:\n{log}");
	}
	for id in [zk_id, vanilla_id] {
		assert_eq!(
			submitted(&log, id),
			1,
			"request {id} submitted again:\n{log}"
		);
		assert_eq!(
			log.matches(&format!("request {id}: model 0 executed"))
				.count(),
			1,
			"request {id} executed again"
		);
	}
	assert_eq!(
		cli.json(&["result", &missing_id.to_string()])?["status"],
		"pending"
	);
	Ok(())
}
