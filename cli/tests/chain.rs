//! The `verity` binary against a real `verity-node --dev`: register a model
//! (its key ceremony runs on chain: Alice's node contributes, and the owner
//! first with `--contribute`), follow the ceremony, bond an executor,
//! request, prove, read results; and the ways it must fail (tampered output,
//! wrong executor, unknown model, not your turn, bad input, bad URL); the
//! artifact upload and download and the upload's refusal by a node without
//! unsafe RPC methods.
//!
//! Every step runs the real binary as a user would, and checks values (chain
//! state through the CLI's own JSON, balances, events, the raw `state_call`
//! of `InferenceApi`), not just exit codes.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Result;
use codec::Decode;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::{json, Value};
use verity_tests::cli::{models_dir, path, Cli, ExampleModel};
use verity_tests::rpc::hex;
use verity_tests::{wait_for, Node, NodeConfig};

/// One VRT in plancks.
const UNIT: u128 = 1_000_000_000_000;
/// The runtime's `ExecutorBond` and `InvalidProofSlash`.
const BOND: u128 = 1_000 * UNIT;
const SLASH: u128 = 100 * UNIT;

fn u128_of(v: &Value) -> u128 {
	v.as_u64()
		.map(u128::from)
		.or_else(|| v.as_str().and_then(|s| s.parse().ok()))
		.or_else(|| v.as_f64().map(|f| f as u128))
		.unwrap_or_else(|| panic!("not an amount: {v}"))
}

/// `InferenceApi::result`'s return value, SCALE-decoded from `state_call`.
#[derive(Decode, Debug)]
struct ResultView {
	requester: [u8; 32],
	model_id: u64,
	mode: u8,
	input: Vec<i32>,
	output: Vec<i32>,
	verified: bool,
	executor: [u8; 32],
	fee: u128,
	block: u32,
}

fn unhex(s: &str) -> Vec<u8> {
	verity_tests::rpc::unhex(s).expect("the node answers hex")
}

#[tokio::test(flavor = "multi_thread")]
async fn cli_registers_requests_proves_and_reads_results_on_a_dev_chain() -> Result<()> {
	let node = Node::start(NodeConfig::dev()).await?;
	let cli = Cli::new(env!("CARGO_BIN_EXE_verity"), node.ws_url())?;
	let ExampleModel {
		onnx,
		calibration: cal,
		sample,
	} = ExampleModel::new("mlp_digits8");

	let alice = cli.json(&["account", "--suri", "//Alice"])?;
	let charlie = cli.json(&["account", "--suri", "//Charlie"])?;
	assert_eq!(
		alice["account"],
		"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
	);
	assert_eq!(alice["executor"], Value::Null);

	// --- register: quantize, upload, register; the chain runs the model's key
	// ceremony (Alice's node, the dev chain's only validator, contributes on
	// its own) and the command waits until the key is final.
	let reg = cli.json(&[
		"model",
		"register",
		path(&onnx),
		"--name",
		"digits8",
		"--version",
		"1.0.0",
		"--calibration",
		path(&cal),
		"--out",
		"out",
		"--timeout",
		"600",
		"--suri",
		"//Alice",
	])?;
	assert_eq!(reg["model_id"], 0);
	assert_eq!(reg["status"], "final");
	assert_eq!(reg["insecure_srs"], true, "the dev chain's SRS");
	assert_eq!(reg["owner_contributes"], false);
	assert_eq!(reg["contributors"], json!([alice["account"]]));
	let ceremony = &reg["ceremony"];
	assert_eq!(ceremony["status"], "final");
	assert_eq!(ceremony["order"], json!([alice["account"]]));
	assert_eq!(
		ceremony["contributions"][0]["contributor"],
		alice["account"]
	);
	assert_eq!(
		ceremony["contributions"][0]["proving_key_hash"],
		reg["proving_key_hash"]
	);
	assert_eq!(
		ceremony["final_verifying_key_hash"],
		reg["verifying_key_hash"]
	);
	let domain = reg["domain_size"].as_u64().unwrap();
	// A QAP domain size (2^k or 3·2^k) that fits the circuit's rows.
	let odd = domain >> domain.trailing_zeros();
	assert!((odd == 1 || odd == 3) && domain >= reg["constraints"].as_u64().unwrap());
	assert_eq!(ceremony["domain_size"], domain);
	// --out: the model files and what was registered, and no keys.
	let artifacts = cli.work.path().join("out");
	assert_eq!(reg["artifacts"], "out");
	for file in ["model.onnx", "model.qmodel", "model.json"] {
		assert!(artifacts.join(file).is_file(), "{file} missing");
	}
	for file in ["proving.key", "verifying.key"] {
		assert!(!artifacts.join(file).exists(), "{file} written");
	}
	let info: Value = serde_json::from_slice(&std::fs::read(artifacts.join("model.json"))?)?;
	assert_eq!(info, reg);
	// One "model_id" line (scripts/dev finds it with sed).
	let printed = serde_json::to_string_pretty(&reg)?;
	assert_eq!(printed.matches("\"model_id\"").count(), 1);
	let qmodel = artifacts.join("model.qmodel");
	let onnx_hash = cli.json(&["model", "hash", path(&onnx)])?;
	let q_hash = cli.json(&["model", "hash", path(&qmodel)])?;
	assert_eq!(reg["onnx_hash"], onnx_hash["onnx_hash"]);
	assert_eq!(reg["quantized_hash"], q_hash["quantized_model_hash"]);
	assert_eq!(ceremony["model_hash"], reg["quantized_hash"]);

	// --- The model files went to the node (its RPC is on localhost, so unsafe
	// methods are allowed); the proving key is there too, stored by Alice's
	// node when it contributed; a second upload finds the files there.
	let uploaded: Vec<(Value, Value)> = reg["uploaded"]
		.as_array()
		.unwrap()
		.iter()
		.map(|u| (u["file"].clone(), u["status"].clone()))
		.collect();
	assert_eq!(
		uploaded,
		[
			(json!("model.onnx"), json!("uploaded")),
			(json!("model.qmodel"), json!("uploaded")),
		]
	);
	let rpc = node.client().await?;
	let hashes = [
		&reg["onnx_hash"],
		&reg["quantized_hash"],
		&reg["proving_key_hash"],
	];
	let has: Vec<bool> = rpc.request("artifacts_has", rpc_params![hashes]).await?;
	assert_eq!(has, [true, true, true]);
	// Anyone can download it (a safe method), in bounded chunks.
	let pk: String = rpc
		.request(
			"artifacts_getChunk",
			rpc_params![&reg["proving_key_hash"], 0, 4 << 20],
		)
		.await?;
	let pk = unhex(&pk);
	assert_eq!(
		json!(hex(&verity_inference::hash::blake2_256(&pk))),
		reg["proving_key_hash"]
	);
	let again = cli.json(&["artifacts", "upload", path(&qmodel)])?;
	assert_eq!(again[0]["status"], "present");

	// --- list / show return it with the right hashes, formats and keys.
	let list = cli.json(&["model", "list"])?;
	assert_eq!(list.as_array().unwrap().len(), 1);
	let shown = cli.json(&["model", "show", "0"])?;
	assert_eq!(list[0], shown);
	assert_eq!(shown["id"], 0);
	assert_eq!(shown["name"], "digits8");
	assert_eq!(shown["version"], "1.0.0");
	assert_eq!(shown["owner"], alice["account"]);
	assert_eq!(shown["active"], true);
	assert_eq!(shown["modes"], json!(["zk", "vanilla"]));
	assert_eq!(shown["onnx_hash"], onnx_hash["onnx_hash"]);
	assert_eq!(shown["quantized_hash"], q_hash["quantized_model_hash"]);
	assert_eq!(
		shown["zk"],
		json!({"domain_size": domain, "owner_contributes": false})
	);
	assert_eq!(shown["ceremony"]["status"], "final");
	assert_eq!(shown["ceremony"]["contributors"], reg["contributors"]);
	assert_eq!(shown["proving_key_hash"], reg["proving_key_hash"]);
	assert_eq!(shown["verifying_key"]["hash"], reg["verifying_key_hash"]);
	assert_eq!(shown["verifying_key"]["bytes"], 770);
	assert_eq!(shown["input_len"], 64);
	assert_eq!(shown["output_len"], 10);
	assert_eq!(shown["inputs"][0]["shape"], json!([1, 64]));
	assert_eq!(shown["outputs"][0]["shape"], json!([1, 10]));
	assert_eq!(shown["registered_at"], reg["block"]);
	cli.fails(&["model", "show", "99"], "unknown model id 99");

	// --- `ceremony status`: phase 1 is the INSECURE development SRS, final
	// at genesis; model 0's ceremony as `register` left it.
	let out = cli.run(&["ceremony", "status"]);
	assert!(out.status.success());
	assert!(String::from_utf8_lossy(&out.stderr).contains("INSECURE development SRS"));
	let srs: Value = serde_json::from_slice(&out.stdout)?;
	assert_eq!(srs["phase"], "final");
	assert_eq!(srs["insecure"], true);
	assert!(srs["warning"].as_str().unwrap().contains("INSECURE"));
	assert!(srs["max_domain"].as_u64().unwrap() >= domain);
	assert_eq!(
		srs["final_srs_hash"],
		Value::Null,
		"the dev SRS is no artifact"
	);
	let status = cli.json(&["ceremony", "status", "0"])?;
	assert_eq!(status["status"], "final");
	assert_eq!(status["insecure_srs"], true);
	assert_eq!(status["turn"], Value::Null);
	assert_eq!(status["contributions"], ceremony["contributions"]);
	assert_eq!(
		status["final_verifying_key_hash"],
		reg["verifying_key_hash"]
	);
	assert_eq!(status["verifying_key"]["hash"], reg["verifying_key_hash"]);
	// Nothing to contribute to or retry, no such model: clear errors.
	cli.fails(&["ceremony", "status", "99"], "unknown model id 99");
	cli.fails(
		&["ceremony", "contribute", "0", "--suri", "//Bob"],
		"not pending: its key is already final",
	);
	cli.fails(
		&["ceremony", "contribute", "99", "--suri", "//Bob"],
		"unknown model id 99",
	);
	cli.fails(
		&["ceremony", "retry", "0", "--suri", "//Bob"],
		"has not failed (it is final)",
	);

	// --- Alice bonds as executor; a second bond is a pallet error by name.
	let exec = cli.json(&["executor", "register", "--suri", "//Alice"])?;
	assert_eq!(exec["executor"], alice["account"]);
	assert_eq!(u128_of(&exec["bond"]), BOND);
	cli.rejected(
		&["executor", "register", "--suri", "//Alice"],
		"Inference::AlreadyExecutor",
	);

	// The local fixed-point run every verified result must equal.
	let local = cli.json(&["model", "run", path(&qmodel), "--input", path(&sample)])?;
	let local_q = local["outputs"]["probabilities"]["quantized"]["data"].clone();
	let local_p = local["outputs"]["probabilities"]["data"].clone();
	assert_eq!(local_q.as_array().unwrap().len(), 10);

	// --- Bob requests two zk inferences; Alice is the only executor.
	let infer = |mode: &str| {
		cli.json(&[
			"infer",
			"0",
			"--input",
			path(&sample),
			"--mode",
			mode,
			"--suri",
			"//Bob",
		])
	};
	let r0 = infer("zk")?;
	let r1 = infer("zk")?;
	assert_eq!(
		(r0["request_id"].clone(), r1["request_id"].clone()),
		(json!(0), json!(1))
	);
	assert_eq!(r0["executor"], alice["account"]);
	assert_eq!(r0["mode"], "zk");
	let pending = cli.json(&["result", "0"])?;
	assert_eq!(pending["status"], "pending");
	assert_eq!(pending["executor"], alice["account"]);
	// A wrong executor: Charlie (not bonded) proves Bob's request assigned to
	// Alice. The CLI says so (and the pool would refuse it: CheckSubmission).
	cli.fails(
		&["executor", "prove", "0", "--suri", "//Charlie"],
		"is assigned to",
	);
	// --- A tampered output with an honest proof: rejected, slashed, still open.
	let before = cli.json(&["account", "--suri", "//Alice"])?;
	let out = cli.run(&[
		"executor",
		"prove",
		"1",
		"--tamper-output",
		"--suri",
		"//Alice",
	]);
	assert_eq!(
		out.status.code(),
		Some(1),
		"{}",
		String::from_utf8_lossy(&out.stderr)
	);
	let tampered: Value = serde_json::from_slice(&out.stdout)?;
	assert_eq!(tampered["status"], "rejected");
	assert_eq!(tampered["reason"], "InvalidProof");
	assert_eq!(u128_of(&tampered["slashed"]), SLASH);
	assert_ne!(tampered["output"], tampered["honest_output"]);
	assert_eq!(tampered["honest_output"], local_q);
	assert!(tampered["events"]
		.as_array()
		.unwrap()
		.contains(&json!("Inference.ProofRejected")));
	let after = cli.json(&["account", "--suri", "//Alice"])?;
	assert_eq!(
		u128_of(&before["reserved"]) - u128_of(&after["reserved"]),
		SLASH
	);
	assert_eq!(u128_of(&after["executor"]["bond"]), BOND - SLASH);
	assert_eq!(after["executor"]["active"], true);
	// Still open; drawn again in the next block (Alice is the only executor).
	assert_eq!(cli.json(&["result", "1"])?["status"], "pending");

	// --- Honest proofs: verified, stored, equal to the local run.
	// (The quantized model from --artifacts, the proving key from the node.)
	let proved0 = cli.json(&[
		"executor",
		"prove",
		"0",
		"--artifacts",
		"out",
		"--suri",
		"//Alice",
	])?;
	assert_eq!(proved0["status"], "verified");
	assert_eq!(proved0["output"], local_q);
	assert!(proved0["events"]
		.as_array()
		.unwrap()
		.contains(&json!("Inference.InferenceVerified")));
	let paid = u128_of(&proved0["fee_paid"]);
	assert_eq!(paid, u128_of(&r0["fee"]));
	let res0 = cli.json(&["result", "0"])?;
	assert_eq!(res0["status"], "verified");
	assert_eq!(res0["verified"], true);
	assert_eq!(res0["executor"], alice["account"]);
	assert_eq!(res0["output"], local_q);
	assert_eq!(res0["outputs"][0]["quantized"], local_q);
	assert_eq!(res0["outputs"][0]["data"], local_p);
	assert_eq!(res0["block"], proved0["block"]);
	// The request stayed open after the rejected proof.
	let proved1 = cli.json(&["executor", "prove", "1", "--suri", "//Alice"])?;
	assert_eq!(proved1["status"], "verified");
	assert_eq!(cli.json(&["result", "1"])?["output"], local_q);
	cli.fails(
		&["executor", "prove", "0", "--suri", "//Alice"],
		"already has a result",
	);

	// --- `infer --wait` returns once Alice proved the request.
	let waiting = cli
		.command(&[
			"infer",
			"0",
			"--input",
			path(&sample),
			"--wait",
			"--timeout",
			"180",
			"--suri",
			"//Bob",
		])
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()?;
	wait_for("request 2 on chain", Duration::from_secs(60), || async {
		let out = cli.command(&["result", "2"]).output()?;
		Ok(out.status.success().then_some(()))
	})
	.await?;
	let proved2 = cli.json(&["executor", "prove", "2", "--suri", "//Alice"])?;
	assert_eq!(proved2["status"], "verified");
	let waited = waiting.wait_with_output()?;
	assert!(
		waited.status.success(),
		"infer --wait: {}",
		String::from_utf8_lossy(&waited.stderr)
	);
	let waited: Value = serde_json::from_slice(&waited.stdout)?;
	assert_eq!(waited["request_id"], 2);
	let w = &waited["result"];
	assert_eq!(w["status"], "verified");
	assert_eq!(w["block"], proved2["block"]);
	assert_eq!(w["outputs"][0]["quantized"], local_q);
	assert_eq!(w["outputs"][0]["data"], local_p);
	assert!(w["proof"].as_str().unwrap().starts_with("verified"));
	assert_eq!(w["events"], json!(["Inference.InferenceVerified"]));

	// --- Charlie bonds too.
	cli.json(&["executor", "register", "--suri", "//Charlie"])?;
	let charlie_after = cli.json(&["account", "--suri", "//Charlie"])?;
	assert_eq!(u128_of(&charlie_after["executor"]["bond"]), BOND);

	// --- The runtime API over plain JSON-RPC `state_call` agrees.
	let raw: String = rpc
		.request(
			"state_call",
			rpc_params!["InferenceApi_result", hex(&0u64.to_le_bytes())],
		)
		.await?;
	let view = Option::<ResultView>::decode(&mut &unhex(&raw)[..])?.expect("a stored result");
	assert!(view.verified);
	assert_eq!(view.model_id, 0);
	assert_eq!(view.mode, 0, "Zk");
	assert_eq!(hex(&view.executor), alice["public_key"].as_str().unwrap());
	assert_ne!(view.requester, view.executor);
	assert_eq!(json!(view.output), local_q);
	assert_eq!(json!(view.input), res0["input"]);
	assert_eq!(view.input.len(), 64);
	assert_eq!(view.fee, paid);
	assert_eq!(json!(view.block), res0["block"]);
	let none: String = rpc
		.request(
			"state_call",
			rpc_params!["InferenceApi_result", hex(&99u64.to_le_bytes())],
		)
		.await?;
	assert_eq!(none, "0x00");

	// --- A vanilla request: its executor declines it (no slash), the other
	// one is drawn and stores it unverified, no proof.
	let r3 = infer("vanilla")?;
	let suri_of = |account: &Value| {
		if *account == charlie["account"] {
			"//Charlie"
		} else {
			"//Alice"
		}
	};
	let first = suri_of(&r3["executor"]);
	let other = if first == "//Alice" {
		"//Charlie"
	} else {
		"//Alice"
	};
	cli.fails(
		&["executor", "decline", "3", "--suri", other],
		"is assigned to",
	);
	let bond_before = cli.json(&["account", "--suri", first])?["executor"]["bond"].clone();
	let declined = cli.json(&["executor", "decline", "3", "--suri", first])?;
	assert_eq!(declined["status"], "declined");
	assert_eq!(
		cli.json(&["account", "--suri", first])?["executor"]["bond"],
		bond_before
	);
	let redrawn = wait_for("request 3 drawn again", Duration::from_secs(30), || async {
		let r = cli.json(&["result", "3"])?;
		Ok((r["executor"] != Value::Null).then_some(r))
	})
	.await?;
	let suri = suri_of(&redrawn["executor"]);
	let stored = cli.json(&["executor", "prove", "3", "--suri", suri])?;
	assert_eq!(stored["status"], "stored");
	let res3 = cli.json(&["result", "3"])?;
	assert_eq!(res3["status"], "unverified");
	assert_eq!(res3["mode"], "vanilla");
	assert_eq!(res3["output"], local_q);

	// --- Bad input: clear errors, exit code 2, nothing submitted.
	let bad = cli.work.path().join("bad.json");
	std::fs::write(&bad, "{\"input\": {\"shape\": [1, 64], \"data\": [0.5,")?;
	let wrong_shape = cli.work.path().join("wrong_shape.json");
	std::fs::write(
		&wrong_shape,
		json!({"input": {"shape": [1, 65], "data": vec![0.0; 65]}}).to_string(),
	)?;
	let bad_infer = |model: &str, input: &Path, needle: &str| {
		cli.fails(
			&["infer", model, "--input", path(input), "--suri", "//Bob"],
			needle,
		)
	};
	bad_infer("99", &sample, "unknown model id 99");
	bad_infer("0", &bad, "invalid JSON");
	bad_infer(
		"0",
		&wrong_shape,
		"has shape [1, 65], model 0 expects [1, 64]",
	);
	bad_infer("0", &models_dir().join("missing.json"), "missing.json");
	cli.rejected(
		&[
			"infer",
			"0",
			"--input",
			path(&sample),
			"--deadline",
			"5",
			"--suri",
			"//Bob",
		],
		"Inference::DeadlineTooSoon",
	);
	cli.fails(&["result", "99"], "unknown request 99");
	// An account without funds cannot pay the fee: the pool refuses it.
	cli.fails(
		&["infer", "0", "--input", path(&sample), "--suri", "//Nobody"],
		"transaction not included",
	);
	cli.fails(
		&["executor", "register", "--suri", "not a valid mnemonic"],
		"--suri",
	);
	// None of the failed commands made a request.
	cli.fails(&["result", "4"], "unknown request 4");

	// --- Ownership transfers are proposed by the owner and accepted by the
	// proposed account only; a cancelled proposal cannot be accepted.
	let family = shown["family"].as_u64().unwrap().to_string();
	let bob = cli.json(&["account", "--suri", "//Bob"])?["account"].clone();
	let proposed = cli.json(&[
		"model",
		"transfer-ownership",
		&family,
		bob.as_str().unwrap(),
		"--suri",
		"//Alice",
	])?;
	assert_eq!(proposed["status"], "proposed");
	assert_eq!(proposed["new_owner"], bob);
	cli.rejected(
		&["model", "accept-ownership", &family, "--suri", "//Charlie"],
		"Models::NotPendingOwner",
	);
	let cancelled = cli.json(&[
		"model",
		"transfer-ownership",
		&family,
		"--cancel",
		"--suri",
		"//Alice",
	])?;
	assert_eq!(cancelled["status"], "cancelled");
	cli.rejected(
		&["model", "accept-ownership", &family, "--suri", "//Bob"],
		"Models::NoPendingTransfer",
	);
	// Nothing stored by `infer --now` for Bob: nothing to clear.
	cli.rejected(
		&["sync", "clear-output", "--suri", "//Bob"],
		"Inference::NoSyncOutput",
	);

	// --- The owner deprecates the model, then removes it (nothing uses it
	// any more: every request was served) and gets its deposit back.
	cli.rejected(
		&["model", "remove", "0", "--suri", "//Alice"],
		"Models::NotDeprecated",
	);
	cli.rejected(
		&["model", "deprecate", "0", "--suri", "//Bob"],
		"Models::NotOwner",
	);
	let deprecated = cli.json(&["model", "deprecate", "0", "--suri", "//Alice"])?;
	assert_eq!(deprecated["status"], "deprecated");
	cli.fails(
		&["infer", "0", "--input", path(&sample), "--suri", "//Bob"],
		"model 0 is deprecated",
	);
	let reserved_before = u128_of(&cli.json(&["account", "--suri", "//Alice"])?["reserved"]);
	let removed = cli.json(&["model", "remove", "0", "--suri", "//Alice"])?;
	assert_eq!(removed["status"], "removed");
	assert_eq!(removed["family_removed"], true);
	let released = u128_of(&removed["deposit_released"]);
	// The version's deposit and the family record's.
	assert!(released > u128_of(&shown["deposit"]), "{removed}");
	let reserved_after = u128_of(&cli.json(&["account", "--suri", "//Alice"])?["reserved"]);
	assert_eq!(reserved_before - reserved_after, released);
	cli.fails(&["model", "show", "0"], "unknown model id 0");
	assert_eq!(cli.json(&["model", "list"])?, json!([]));
	// Its served results stay (until their time to live).
	assert_eq!(cli.json(&["result", "3"])?["output"], local_q);

	// --- Alice leaves the executor set: nothing is assigned to her, so the
	// bond (less the slash of the tampered proof) comes back at once and
	// there is nothing left to withdraw.
	cli.rejected(
		&["executor", "withdraw", "--suri", "//Alice"],
		"Inference::StillActive",
	);
	let left = cli.json(&["executor", "unregister", "--suri", "//Alice"])?;
	assert_eq!(left["status"], "unregistered");
	assert_eq!(u128_of(&left["bond_released"]), BOND - SLASH);
	assert_eq!(
		cli.json(&["account", "--suri", "//Alice"])?["executor"],
		Value::Null
	);
	cli.rejected(
		&["executor", "withdraw", "--suri", "//Alice"],
		"Inference::NotExecutor",
	);
	Ok(())
}

#[test]
fn unreachable_or_malformed_urls_fail_cleanly() {
	let cli = Cli::new(env!("CARGO_BIN_EXE_verity"), "ws://127.0.0.1:1").unwrap();
	cli.fails(
		&["model", "list"],
		"cannot connect to a Verity node at ws://127.0.0.1:1",
	);
	cli.fails(
		&["ceremony", "status"],
		"cannot connect to a Verity node at ws://127.0.0.1:1",
	);
	let cli = Cli::new(env!("CARGO_BIN_EXE_verity"), "http//nonsense").unwrap();
	cli.fails(&["result", "0"], "expected a ws:// or wss:// URL");
	cli.fails(&["executor", "register"], "missing --suri");
	// The ceremony commands' arguments are checked before connecting (by
	// clap: usage errors exit 2 too).
	let usage = |args: &[&str], needle: &str| {
		let out = cli.run(args);
		let stderr = String::from_utf8_lossy(&out.stderr);
		assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
		assert!(
			stderr.contains(needle),
			"{args:?}: expected '{needle}' in {stderr}"
		);
	};
	usage(&["ceremony"], "Usage: verity ceremony");
	cli.fails(&["ceremony", "vote"], "unrecognized subcommand 'vote'");
	cli.fails(&["ceremony", "status", "x"], "invalid value 'x'");
	cli.fails(&["ceremony", "status", "1", "2"], "unexpected argument '2'");
	cli.fails(&["ceremony", "contribute"], "<MODEL_ID>");
	cli.fails(&["ceremony", "contribute", "0"], "missing --suri");
	cli.fails(
		&["ceremony", "retry", "-1", "--suri", "//Bob"],
		"unexpected argument '-1'",
	);
	cli.fails(
		&["ceremony", "contribute", "0", "--suri", "//Bob", "--force"],
		"unexpected argument '--force'",
	);
	let register = [
		"model",
		"register",
		"m.onnx",
		"--name",
		"n",
		"--version",
		"1",
		"--calibration",
		"c.json",
		"--suri",
		"//Bob",
	];
	cli.fails(
		&[&register[..], &["--no-wait", "--timeout", "5"]].concat(),
		"cannot be used with",
	);
	cli.fails(
		&[&register[..], &["--timeout", "soon"]].concat(),
		"invalid value 'soon' for '--timeout <SECS>'",
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn uploads_to_a_node_without_unsafe_rpc_fail_before_the_slow_steps() -> Result<()> {
	let mut config = NodeConfig::dev();
	config
		.extra_args
		.extend(["--rpc-methods".into(), "safe".into()]);
	let node = Node::start(config).await?;
	let cli = Cli::new(env!("CARGO_BIN_EXE_verity"), node.ws_url())?;
	let model = ExampleModel::new("mlp_digits8");
	cli.fails(
		&["artifacts", "upload", path(&model.onnx)],
		"run the node with `--rpc-methods unsafe`",
	);
	let register = [
		"model",
		"register",
		path(&model.onnx),
		"--name",
		"digits8",
		"--version",
		"1.0.0",
		"--calibration",
		path(&model.calibration),
		"--suri",
		"//Alice",
	];
	let e = cli.fails(&register, "--no-upload");
	assert!(e.contains("--rpc-methods unsafe"), "{e}");
	// Refused before quantizing: nothing written, nothing registered.
	assert!(!cli.work.path().join("verity-artifacts").exists());
	assert_eq!(cli.json(&["model", "list"])?, json!([]));
	cli.fails(
		&[&register[..], &["--no-upload", "--contribute"]].concat(),
		"cannot be used with",
	);
	// --no-upload --no-wait registers and keeps the files on disk only
	// (default directory: the quantized hash); the ceremony waits for a node
	// with the quantized model.
	let reg = cli.json(&[&register[..], &["--no-upload", "--no-wait"]].concat())?;
	assert_eq!(reg["uploaded"], Value::Null);
	assert_eq!(reg["status"], "pending");
	assert_eq!(reg["ceremony"]["turn"], reg["owner"]);
	assert_eq!(reg["contributors"], json!([]));
	assert_eq!(reg["proving_key_hash"], Value::Null);
	let dir = cli.work.path().join(reg["artifacts"].as_str().unwrap());
	assert!(dir.ends_with(
		reg["quantized_hash"]
			.as_str()
			.unwrap()
			.trim_start_matches("0x")
	));
	assert!(dir.join("model.qmodel").is_file() && dir.join("model.json").is_file());
	assert!(!dir.join("proving.key").exists());
	// Zk requests wait for the key.
	cli.fails(
		&[
			"infer",
			"0",
			"--input",
			path(&model.sample),
			"--suri",
			"//Bob",
		],
		"does not accept zk requests yet",
	);
	// Contributing uploads the new key: refused here before the slow steps.
	cli.fails(
		&["ceremony", "contribute", "0", "--suri", "//Alice"],
		"run the node with `--rpc-methods unsafe`",
	);
	Ok(())
}

/// The owner contributes first: `model register --contribute` as Bob
/// contributes on his turn (the CLI computes the initial key from the dev
/// SRS), then Alice's node builds on Bob's key; the key proves. And the same
/// by hand: `--no-wait`, then `ceremony contribute`, refused to anyone whose
/// turn it is not.
#[tokio::test(flavor = "multi_thread")]
async fn the_owner_contributes_first_then_the_validator() -> Result<()> {
	let node = Node::start(NodeConfig::dev()).await?;
	let cli = Cli::new(env!("CARGO_BIN_EXE_verity"), node.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let account = |suri: &str| -> Result<Value> {
		Ok(cli.json(&["account", "--suri", suri])?["account"].clone())
	};
	let (alice, bob) = (account("//Alice")?, account("//Bob")?);
	let register = |name: &str, extra: &[&str]| {
		let mut args = vec![
			"model",
			"register",
			path(&example.onnx),
			"--name",
			name,
			"--version",
			"1.0.0",
			"--calibration",
			path(&example.calibration),
			"--contribute",
			"--suri",
			"//Bob",
		];
		args.extend_from_slice(extra);
		cli.json(&args)
	};

	// --- Bob registers and contributes first; Alice's node second.
	let reg = register("digits8", &["--timeout", "600"])?;
	assert_eq!(reg["status"], "final");
	assert_eq!(reg["owner_contributes"], true);
	assert_eq!(reg["ceremony"]["order"], json!([bob, alice]));
	assert_eq!(reg["contributors"], json!([bob, alice]));
	let mine = &reg["contribution"];
	assert_eq!(mine["contributor"], bob);
	assert_eq!(mine["uploaded"][0]["status"], "uploaded");
	let made = &reg["ceremony"]["contributions"];
	assert_eq!(made[0]["proving_key_hash"], mine["proving_key_hash"]);
	assert_eq!(made[0]["transcript"], mine["transcript"]);
	assert_eq!(made[1]["contributor"], alice);
	assert_eq!(made[1]["proving_key_hash"], reg["proving_key_hash"]);
	assert_ne!(mine["proving_key_hash"], reg["proving_key_hash"]);
	let shown = cli.json(&["model", "show", "0"])?;
	assert_eq!(shown["ceremony"]["contributors"], json!([bob, alice]));
	assert_eq!(shown["zk"]["owner_contributes"], true);

	// --- The two-party key proves: Alice bonds, Charlie asks, Alice proves.
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let r = cli.infer(0, &example.sample, "zk", "//Charlie", None)?;
	let proved = cli.json(&[
		"executor",
		"prove",
		&r["request_id"].to_string(),
		"--suri",
		"//Alice",
	])?;
	assert_eq!(proved["status"], "verified");

	// --- By hand: Bob registers another version without waiting; only he
	// may contribute now.
	let reg = register("digits8-b", &["--no-wait"])?;
	assert_eq!(reg["model_id"], 1);
	assert_eq!(reg["status"], "pending");
	assert_eq!(reg["ceremony"]["turn"], bob);
	assert_eq!(reg["ceremony"]["turn_index"], 1);
	assert_eq!(reg["uploaded"][1]["status"], "present");
	cli.fails(
		&["ceremony", "contribute", "1", "--suri", "//Alice"],
		"not your turn",
	);
	cli.fails(
		&["ceremony", "contribute", "1", "--suri", "//Charlie"],
		"is not a contributor of model 1's ceremony",
	);
	let status = cli.json(&["ceremony", "status", "1"])?;
	assert_eq!(status["status"], "pending");
	assert_eq!(status["contributions"], json!([]));
	let c = cli.json(&["ceremony", "contribute", "1", "--suri", "//Bob"])?;
	assert_eq!(c["contributor"], bob);
	assert!(c["events"]
		.as_array()
		.unwrap()
		.contains(&json!("Ceremony.KeyContributed")));
	let done = wait_for("model 1's key", Duration::from_secs(600), || async {
		let s = cli.json(&["ceremony", "status", "1"])?;
		Ok((s["status"] != "pending").then_some(s))
	})
	.await?;
	assert_eq!(done["status"], "final");
	let who: Vec<Value> = done["contributions"]
		.as_array()
		.unwrap()
		.iter()
		.map(|c| c["contributor"].clone())
		.collect();
	assert_eq!(who, [bob, alice]);
	assert_eq!(
		done["contributions"][0]["proving_key_hash"],
		c["proving_key_hash"]
	);
	Ok(())
}
