//! Verity as a whole, on the four-validator `local` network with every
//! validator running the inference worker (`--executor`):
//!
//! 1. Alice registers two models with the `verity` CLI; their artifacts are
//!    uploaded to her node only, and the other validators fetch them from
//!    their peers when they are assigned a request.
//! 2. The four validators bond as executors; Eve and Ferdie send 20 `Zk`
//!    requests over both models. Dave's node is killed after the first few.
//! 3. Dave's key is then used (from the CLI, not his node) to submit a
//!    tampered output for a request assigned to him: rejected and slashed.
//! 4. Every request ends verified with the output the CLI computes locally;
//!    the ones assigned to Dave after his node died are taken over by another
//!    executor once the assignment window is over.
//! 5. Dave's node, restarted, catches up and serves every result.

use std::{collections::BTreeMap, time::Duration};

use anyhow::{ensure, Context, Result};
use serde_json::Value;
use verity_tests::cli::{cli_binary, path, Cli, ExampleModel};
use verity_tests::{rpc, start_local_network, wait_for, LOCAL_VALIDATORS};

/// The runtime's `ExecutorBond` and `InvalidProofSlash`, in plancks.
const BOND: u128 = 1_000 * 1_000_000_000_000;
const SLASH: u128 = 100 * 1_000_000_000_000;
/// Requests each requester sends before and after Dave's node is killed.
const BEFORE_KILL: usize = 3;
const AFTER_KILL: usize = 7;

fn u128_of(v: &Value) -> u128 {
	v.as_u64()
		.map(u128::from)
		.or_else(|| v.as_str().and_then(|s| s.parse().ok()))
		.unwrap_or_else(|| panic!("not an amount: {v}"))
}

/// One example model as registered: its id and the output the CLI computes
/// locally for its sample input (what every executor must prove).
struct Registered {
	id: u64,
	sample: std::path::PathBuf,
	expected: Value,
}

/// A submitted request: who sent it, for which model, assigned to whom.
#[derive(Clone, Debug)]
struct Sent {
	id: u64,
	model: usize,
	executor: String,
}

/// Sends `count` `Zk` requests from `suri`, alternating the two models.
fn send(cli: &Cli, models: &[Registered], suri: &str, count: usize) -> Result<Vec<Sent>> {
	(0..count)
		.map(|i| {
			let model = i % models.len();
			let out = cli.infer(models[model].id, &models[model].sample, "zk", suri, None)?;
			Ok(Sent {
				id: out["request_id"].as_u64().context("request_id")?,
				model,
				executor: out["executor"].as_str().context("executor")?.into(),
			})
		})
		.collect()
}

/// Eve and Ferdie send `count` requests each, at the same time.
fn send_from_both(cli: &Cli, models: &[Registered], count: usize) -> Result<Vec<Sent>> {
	std::thread::scope(|s| {
		let eve = s.spawn(|| send(cli, models, "//Eve", count));
		let ferdie = s.spawn(|| send(cli, models, "//Ferdie", count));
		let mut sent = eve.join().expect("eve's sender")?;
		sent.extend(ferdie.join().expect("ferdie's sender")?);
		Ok(sent)
	})
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_serve_verify_take_over_and_slash() -> Result<()> {
	// --- Four validators, each an executor node.
	let mut nodes = start_local_network(&["--executor"]).await?;
	let alice_rpc = nodes[0].client().await?;
	let cli = Cli::new(cli_binary(), nodes[0].ws_url())?;

	// --- Two models, artifacts uploaded to Alice's node only.
	let mut models = Vec::new();
	for (name, version) in [("mlp_digits8", "1.0.0"), ("mlp_digits28", "2.1.0")] {
		let example = ExampleModel::new(name);
		let registered = cli.register(&example, name, version, &["--out", name])?;
		let id = registered["model_id"].as_u64().context("model_id")?;
		let local = cli.json(&[
			"model",
			"run",
			path(&cli.work.path().join(name).join("model.qmodel")),
			"--input",
			path(&example.sample),
		])?;
		let outputs = local["outputs"].as_object().context("outputs")?;
		ensure!(outputs.len() == 1, "{name}: one output expected");
		let expected = outputs.values().next().unwrap()["quantized"]["data"].clone();
		ensure!(expected.as_array().is_some_and(|a| !a.is_empty()));
		models.push(Registered {
			id,
			sample: example.sample,
			expected,
		});
	}
	ensure!(models[0].id != models[1].id);

	// --- Every validator bonds as an executor (their dev `vinf` keys are the
	// accounts //Alice .. //Dave).
	let accounts: Vec<String> = std::thread::scope(|s| {
		let handles: Vec<_> = LOCAL_VALIDATORS
			.iter()
			.map(|key| {
				let cli = &cli;
				s.spawn(move || -> Result<String> {
					let suri = format!("//{}{}", key[..1].to_uppercase(), &key[1..]);
					cli.json(&["executor", "register", "--suri", &suri])?;
					let account = cli.json(&["account", "--suri", &suri])?;
					ensure!(u128_of(&account["executor"]["bond"]) == BOND, "{account}");
					Ok(account["account"].as_str().context("account")?.to_string())
				})
			})
			.collect();
		handles
			.into_iter()
			.map(|h| h.join().expect("executor registration"))
			.collect::<Result<Vec<_>>>()
	})?;
	let dave = accounts[3].clone();

	// --- Requests; Dave's node dies mid-run.
	let mut sent = send_from_both(&cli, &models, BEFORE_KILL)?;
	nodes[3].stop();
	sent.extend(send_from_both(&cli, &models, AFTER_KILL)?);
	ensure!(sent.len() == 2 * (BEFORE_KILL + AFTER_KILL));
	let first_after_kill = sent[2 * BEFORE_KILL..].iter().map(|s| s.id).min().unwrap();

	// --- A request assigned to Dave now (his node is down), tampered with
	// under his key: rejected and slashed. Assignment is pseudo-random, so
	// Eve asks until one lands on Dave (each try has a 1 in 4 chance).
	let mut tampered = None;
	for _ in 0..24 {
		let next = send(&cli, &models[..1], "//Eve", 1)?.remove(0);
		let is_dave = next.executor == dave;
		sent.push(next);
		if is_dave {
			tampered = sent.last().cloned();
			break;
		}
	}
	let tampered = tampered.context("no request was assigned to Dave in 24 tries")?;
	let out = cli.run(&[
		"executor",
		"prove",
		&tampered.id.to_string(),
		"--artifacts",
		path(&cli.work.path().join("mlp_digits8")),
		"--tamper-output",
		"--suri",
		"//Dave",
	]);
	let stdout: Value = serde_json::from_slice(&out.stdout)
		.with_context(|| String::from_utf8_lossy(&out.stderr).into_owned())?;
	ensure!(out.status.code() == Some(1), "tampered proof: {stdout}");
	ensure!(stdout["status"] == "rejected" && stdout["reason"] == "InvalidProof");
	ensure!(u128_of(&stdout["slashed"]) == SLASH);
	let dave_account = cli.json(&["account", "--suri", "//Dave"])?;
	ensure!(u128_of(&dave_account["executor"]["bond"]) == BOND - SLASH);

	// --- Every request ends verified, with the locally computed output; the
	// ones Dave could no longer serve were taken over.
	let mut results = BTreeMap::new();
	for s in &sent {
		let result = wait_for(
			&format!("request {} verified", s.id),
			Duration::from_secs(240),
			|| async {
				let r = cli.json(&["result", &s.id.to_string()])?;
				Ok((r["status"] != "pending").then_some(r))
			},
		)
		.await?;
		ensure!(result["status"] == "verified", "request {}: {result}", s.id);
		ensure!(
			result["output"] == models[s.model].expected,
			"request {}: output {} != {}",
			s.id,
			result["output"],
			models[s.model].expected
		);
		if s.executor == dave && s.id >= first_after_kill {
			ensure!(
				result["executor"] != dave,
				"request {} was assigned to Dave after his node stopped, yet Dave served it",
				s.id
			);
		} else if s.executor != dave {
			// Live executors serve their own requests within the window.
			ensure!(
				result["executor"] == s.executor,
				"request {}: {result}",
				s.id
			);
		}
		results.insert(s.id, result);
	}
	let taken_over = sent
		.iter()
		.filter(|s| s.executor == dave && s.id >= first_after_kill)
		.count();
	ensure!(taken_over >= 1, "nothing assigned to Dave was taken over");
	eprintln!(
		"{} requests verified; {taken_over} taken over from Dave",
		results.len()
	);

	// --- Dave's node, restarted, catches up and serves every result.
	nodes[3].restart().await?;
	let dave_rpc = nodes[3].client().await?;
	let (target, _) = rpc::finalized_head(&alice_rpc).await?;
	wait_for("Dave to catch up", Duration::from_secs(120), || async {
		Ok((rpc::finalized_head(&dave_rpc).await?.0 >= target).then_some(()))
	})
	.await?;
	let dave_cli = Cli::new(cli_binary(), nodes[3].ws_url())?;
	for (id, result) in &results {
		let again = dave_cli.json(&["result", &id.to_string()])?;
		ensure!(
			&again == result,
			"request {id} on Dave: {again} != {result}"
		);
	}
	Ok(())
}
