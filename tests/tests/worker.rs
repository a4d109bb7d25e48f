//! The inference worker end to end: a dev node started with `--executor`
//! serves Bob's requests by itself, with the Groth16 key its own ceremony
//! task made.
//!
//! The `verity` CLI registers two models without uploading anything
//! (`--no-upload --no-wait`): both key ceremonies start, waiting for Alice's
//! node (the dev chain's only validator) to contribute, which needs the
//! quantized model. The first model's files go to the node over the
//! `artifacts_*` RPC (the ONNX file in one call, the quantized model in
//! chunks; bad uploads are refused); Alice's node then contributes, the key
//! is final and its proving key is in the node's store (downloaded here in
//! chunks with `artifacts_getChunk`). Alice bonds as executor, Bob requests;
//! the node's worker (Alice's dev `vinf` key) proves and submits, and the
//! stored result equals the fixed-point output the CLI computes locally.
//! After a restart the result is still served and nothing is submitted
//! again. The second model's quantized model never reaches the node: its
//! ceremony gets no contribution, Zk requests for it are refused (by the CLI
//! and by the runtime, `Inference::NoVerifyingKey`), and a vanilla request
//! is not answered, with a clear error in the log.

use std::time::Duration;

use anyhow::{bail, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::{json, Value};
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use verity_tests::cli::{cli_binary, key_contributors, path, Cli, ExampleModel};
use verity_tests::rpc::{self, artifacts_has, download_chunked, hex, upload_chunked};
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
	let other = ExampleModel::new("mlp_digits28");
	let alice = cli.json(&["account", "--suri", "//Alice"])?;

	// --- Two models on chain, nothing uploaded, their key ceremonies started.
	// Model 0's files go over the raw RPC below; model 1's never.
	let register = |example: &ExampleModel, name: &str, out: &str| {
		cli.register(
			example,
			name,
			"1.0.0",
			&["--out", out, "--no-upload", "--no-wait"],
		)
	};
	let served = register(&example, "digits8", "served")?;
	let unserved = register(&other, "digits28-no-model", "unserved")?;
	assert_eq!(
		(served["model_id"].clone(), unserved["model_id"].clone()),
		(json!(0), json!(1))
	);
	for reg in [&served, &unserved] {
		assert_eq!(reg["status"], "pending", "{reg}");
		assert_eq!(reg["uploaded"], Value::Null, "{reg}");
		assert_eq!(reg["ceremony"]["turn"], alice["account"], "{reg}");
		assert_eq!(reg["proving_key_hash"], Value::Null, "{reg}");
	}
	let dir = cli.work.path().join("served");
	let onnx = std::fs::read(dir.join("model.onnx"))?;
	let qmodel = std::fs::read(dir.join("model.qmodel"))?;
	assert_eq!(
		json!(hex(&verity_inference::hash::blake2_256(&qmodel))),
		served["quantized_hash"]
	);
	for file in ["proving.key", "verifying.key"] {
		assert!(!dir.join(file).exists(), "register wrote {file}");
	}

	// --- Artifacts over RPC: the ONNX file in one call, the quantized model
	// in 4 KiB chunks; the node reports what it has.
	let onnx_hash = served["onnx_hash"].as_str().unwrap().to_string();
	let q_hash = served["quantized_hash"].as_str().unwrap().to_string();
	let unserved_q = unserved["quantized_hash"].as_str().unwrap().to_string();
	assert_ne!(q_hash, unserved_q);
	assert_eq!(
		artifacts_has(&client, &[&onnx_hash, &q_hash, &unserved_q]).await?,
		vec![false, false, false]
	);

	// Wrong bytes for a hash, an unknown upload, chunks out of order: refused.
	let id: u64 = client
		.request("artifacts_beginUpload", rpc_params![&unserved_q, 6])
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

	let stored: String = client
		.request("artifacts_upload", rpc_params![hex(&onnx)])
		.await?;
	assert_eq!(stored, onnx_hash);
	assert_eq!(upload_chunked(&client, &qmodel, 4 << 10).await?, q_hash);
	assert_eq!(
		artifacts_has(&client, &[&onnx_hash, &q_hash, &unserved_q]).await?,
		vec![true, true, false]
	);

	// --- With the quantized model there, Alice's node contributes to model
	// 0's key: final, and its proving key is in the node's store (the only
	// other artifact there), downloadable by anyone in chunks.
	let ceremony = cli.wait_for_key(0, Duration::from_secs(300))?;
	assert_eq!(
		key_contributors(&ceremony),
		[alice["account"].clone()],
		"{ceremony}"
	);
	let pk_hash = ceremony["final_proving_key_hash"]
		.as_str()
		.context("final_proving_key_hash")?
		.to_string();
	let proving_key = download_chunked(&client, &pk_hash, 64 << 10).await?;
	assert!(proving_key.len() > 64 << 10, "{} bytes", proving_key.len());
	let list: Value = client.request("artifacts_list", rpc_params![]).await?;
	let mut list = list.as_array().context("artifacts_list")?.clone();
	list.sort_by_key(|a| a["hash"].to_string());
	let mut expected = vec![
		json!({"hash": onnx_hash, "len": onnx.len()}),
		json!({"hash": q_hash, "len": qmodel.len()}),
		json!({"hash": pk_hash, "len": proving_key.len()}),
	];
	expected.sort_by_key(|a| a["hash"].to_string());
	assert_eq!(list, expected);
	assert_eq!(
		cli.json(&["model", "show", "0"])?["proving_key_hash"],
		json!(pk_hash)
	);

	// --- Model 1's quantized model is on no node: no contribution, no key,
	// and no Zk request, neither from the CLI nor straight to the runtime.
	let status = cli.json(&["ceremony", "status", "1"])?;
	assert_ne!(status["status"], "final", "{status}");
	assert_eq!(status["contributions"], json!([]), "{status}");
	let other_sample = path(&other.sample);
	cli.fails(
		&[
			"infer",
			"1",
			"--input",
			other_sample,
			"--mode",
			"zk",
			"--suri",
			"//Bob",
		],
		"does not accept zk requests yet",
	);
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;
	let request = dynamic::transaction(
		"Inference",
		"request",
		(
			1u64,
			vec![0i32; 784],
			dynamic::Value::unnamed_variant("Zk", []),
			1u128 << 40,
			best(&client).await? as u32 + 100,
		),
	);
	let refused = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&request, &dev::bob())
		.await?
		.wait_for_finalized_success()
		.await
		.err()
		.context("the runtime took a Zk request for a model without a final key")?;
	let refused = format!("{:#}", anyhow::Error::from(refused));
	assert!(refused.contains("NoVerifyingKey"), "{refused}");

	// --- Alice (the node's dev executor key) bonds; Bob requests.
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let local_q = cli.local_output(&dir.join("model.qmodel"), &sample)?;
	assert_eq!(local_q.as_array().map(Vec::len), Some(10));

	let missing = cli.infer(1, &other.sample, "vanilla", "//Bob", None)?;
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
	assert_eq!(stored["executor"], alice["account"]);

	// --- The request without its quantized model: a clear error, no result.
	let log = node.log_tail(100_000);
	let needle = format!("request {missing_id}: model 1's artifact(s)");
	let line = log
		.lines()
		.find(|l| l.contains(&needle))
		.with_context(|| format!("no '{needle}' error in the log:\n{}", node.log_tail(80)))?;
	assert!(
		line.contains("not in the artifact store") && line.contains("(quantized model)"),
		"{line}"
	);
	assert!(line.contains(&unserved_q), "{line}");
	assert_eq!(
		cli.json(&["result", &missing_id.to_string()])?["status"],
		"pending"
	);
	assert_eq!(artifacts_has(&client, &[&unserved_q]).await?, vec![false]);

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
