//! Verity as a whole, and under attack, on the four-validator `local`
//! network with every validator running the inference worker (`--executor`),
//! and test-sized key ceremonies from the development SRS (see
//! `verity_tests::local_long_turns_test_spec`; `tests/ceremony.rs` runs phase
//! 1):
//!
//! 1. Alice registers two models (`mlp_digits8`, and `mlp_digits28` in int8)
//!    with the `verity` CLI; their files are uploaded to her node only. Each
//!    model's key ceremony needs the quantized model on every validator: Bob's, Charlie's and Dave's nodes
//!    fetch it from their peers to contribute, in turn. Dave's node, the
//!    last contributor, made the final proving keys; the other validators'
//!    nodes fetch them from their peers to check them.
//! 2. The four validators bond as executors; Eve and Ferdie send `Zk`
//!    requests over both models, while a spammer sends 40 `Vanilla` requests
//!    within two seconds: the first 32 (its cap of open requests) are taken
//!    and served, the rest refused. Charlie's node is killed after the
//!    first few requests (the idle executor).
//! 3. Charlie's key is then used (from the CLI, not his node, with the
//!    proving key downloaded from Dave's node) to submit a tampered output
//!    for a `Zk` request drawn for him: rejected and slashed, and the request
//!    is drawn again. Before that, Bob races him for it with an honest proof
//!    in Charlie's window: the transaction pool refuses it (only the assigned
//!    executor may submit), as it refuses Bob's wrong output for a `Vanilla`
//!    request drawn for Charlie, which a backup serves after Charlie's
//!    window lapses. An `Optimistic` request drawn for him gets a wrong output
//!    without a proof: provisional, then overturned by a live validator's
//!    worker, which proves the right output and challenges it (Charlie is
//!    slashed). A bogus challenge under his key (a changed output with an
//!    honest proof) of a right provisional result is refused and charged;
//!    the honest provisional results are final after their window. Then more
//!    requests.
//! 4. Every request ends verified with the output the CLI computes locally;
//!    the ones drawn for Charlie after his node died pass to a backup when
//!    his window lapses (each lapse slashed). Every executor's node holds
//!    the final proving key of each model it proved.
//! 5. Charlie's node, restarted, catches up and serves every result.
//! 6. Eve tried to choose her executors: before each request she predicted
//!    its executor from what she knew when signing (the request id it would
//!    get and the best block), which is what a draw in the request's own
//!    block would use. The chain draws from the hash of the block that
//!    includes the request, so her predictions hit only by chance.
//! 7. Nothing was lost: the pallets' invariants (escrow, bonds and deposits
//!    held exactly as recorded, counters and timeouts in sync:
//!    `InferenceApi_check_invariants`, their `try_state`) hold on the state
//!    after every block of the run; no requester has escrow left; the live
//!    executors' bonds are whole.
//!
//! (The validator that dies is Charlie, not Dave, the last contributor.)

use std::{collections::BTreeMap, time::Duration};

use anyhow::{ensure, Context, Result};
use serde_json::Value;
use verity_tests::cli::{cli_binary, key_contributors, path, Cli, ExampleModel};
use verity_tests::{
	local_long_turns_test_spec, rpc, start_local_network_on, wait_for, LOCAL_VALIDATORS,
};
use verity_zk::ceremony::blake2_256;

/// The runtime's `ExecutorBond`, `InvalidProofSlash`, `LapseSlash` and
/// `WrongResultSlash`, in plancks.
const BOND: u128 = 1_000 * 1_000_000_000_000;
const SLASH: u128 = 100 * 1_000_000_000_000;
const LAPSE: u128 = 10 * 1_000_000_000_000;
const WRONG: u128 = 200 * 1_000_000_000_000;
/// Requests each requester sends before and after Charlie's node is killed.
const BEFORE_KILL: usize = 3;
const AFTER_KILL: usize = 7;
/// The runtime's `MaxRequestsPerAccount`, and what the spammer tries to open.
const ACCOUNT_CAP: u64 = 32;
const SPAM: &str = "40";
/// The spammer's account (endowed in the `local` genesis).
const SPAMMER: &str = "//Ferdie//stash";
/// `twox128("Inference") ++ twox128("NextRequestId")`.
const NEXT_REQUEST_ID_KEY: &str =
	"0x0fbb8c673569023f0e5fbd0530f6a051603c9e7bb8fd6551fcfa113d187d98cb";
/// Requests Eve at least sends with a prediction of their executor.
const STEERING_TRIES: u32 = 8;

fn u128_of(v: &Value) -> u128 {
	v.as_u64()
		.map(u128::from)
		.or_else(|| v.as_str().and_then(|s| s.parse().ok()))
		.unwrap_or_else(|| panic!("not an amount: {v}"))
}

/// One example model as registered: its id, the output the CLI computes
/// locally for its sample input (what every executor must prove) and its
/// artifacts.
struct Registered {
	id: u64,
	sample: std::path::PathBuf,
	expected: Value,
	/// Its quantized model's and its final proving key's artifact hashes.
	quantized_hash: String,
	proving_key_hash: String,
}

/// A submitted request: who sent it, for which model, in which mode,
/// assigned to whom.
#[derive(Clone, Debug)]
struct Sent {
	id: u64,
	model: usize,
	mode: &'static str,
	executor: String,
}

/// Sends `count` `Zk` requests from `suri`, alternating the two models.
fn send(cli: &Cli, models: &[Registered], suri: &str, count: usize) -> Result<Vec<Sent>> {
	(0..count)
		.map(|i| send_one(cli, models, i % models.len(), "zk", suri))
		.collect()
}

/// Sends one request for `models[model]` in `mode` from `suri`.
fn send_one(
	cli: &Cli,
	models: &[Registered],
	model: usize,
	mode: &'static str,
	suri: &str,
) -> Result<Sent> {
	let out = cli.infer(models[model].id, &models[model].sample, mode, suri, None)?;
	Ok(Sent {
		id: out["request_id"].as_u64().context("request_id")?,
		model,
		mode,
		executor: out["executor"].as_str().context("executor")?.into(),
	})
}

/// A requester's attempt to choose its executor: the executor its next
/// request would get if the draw used what the requester knows when it signs
/// (the id the request will get, and the best block, the parent of the
/// block that includes it if it goes in at once), the formula of
/// `pallet_inference::Pallet::draw`. The chain draws in the next block, from
/// the hash of the block that included the request, which the requester
/// cannot know.
async fn predicted_executor(client: &jsonrpsee::ws_client::WsClient) -> Result<[u8; 32]> {
	let best = rpc::best_hash(client).await?;
	let next_id = match rpc::storage(client, NEXT_REQUEST_ID_KEY, &best).await? {
		Some(bytes) => u64::from_le_bytes(bytes.as_slice().try_into()?),
		None => 0,
	};
	let set = rpc::executors(client, &best).await?;
	ensure!(!set.is_empty(), "no executors");
	let seed = blake2_256(&[
		b"verity/assign",
		&next_id.to_le_bytes(),
		&0u32.to_le_bytes(),
		&rpc::unhex(&best)?,
	]);
	let word = u64::from_le_bytes(seed[..8].try_into()?);
	Ok(set[(word % set.len() as u64) as usize])
}

/// `verity result ID`, polled until `done` holds of it (at most `secs`).
async fn result_when(
	cli: &Cli,
	id: u64,
	secs: u64,
	done: impl Fn(&Value) -> bool,
) -> Result<Value> {
	wait_for(
		&format!("request {id}'s result"),
		Duration::from_secs(secs),
		|| async {
			let r = cli.json(&["result", &id.to_string()])?;
			Ok(done(&r).then_some(r))
		},
	)
	.await
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
	// --- Four validators, each an executor node; phase 1 (the SRS) done.
	// Archive nodes: the invariants are checked on every block's state at the
	// end.
	let mut nodes = start_local_network_on(
		&local_long_turns_test_spec(),
		&["--executor", "--state-pruning", "archive"],
	)
	.await?;
	let alice_rpc = nodes[0].client().await?;
	let cli = Cli::new(cli_binary(), nodes[0].ws_url())?;
	// Every validator's account (their dev `vinf` keys are the accounts
	// //Alice .. //Dave), in node order.
	let (accounts, public_keys): (Vec<String>, Vec<String>) = LOCAL_VALIDATORS
		.iter()
		.map(|key| {
			let account = cli.json(&["account", "--suri", &suri(key)])?;
			Ok((
				account["account"].as_str().context("account")?.to_string(),
				account["public_key"]
					.as_str()
					.context("public_key")?
					.to_string(),
			))
		})
		.collect::<Result<Vec<_>>>()?
		.into_iter()
		.unzip();

	// --- Two models, files uploaded to Alice's node only. The first is
	// registered without waiting, the second (int8, as scripts/make-models
	// quantizes it: its circuit fits the test SRS) waits for its key (Alice's
	// node, first to contribute, computes its initial key: about a minute);
	// then the first's ceremony is followed to its end too.
	let examples = [("mlp_digits8", "1.0.0"), ("mlp_digits28", "2.1.0")];
	let mut registered = Vec::new();
	for (i, (name, version)) in examples.iter().enumerate() {
		let example = ExampleModel::new(name);
		let mut extra = vec!["--out", *name];
		extra.extend(if i == 0 {
			["--no-wait"].as_slice()
		} else {
			["--act-bits", "8", "--weight-bits", "8", "--timeout", "400"].as_slice()
		});
		let reg = cli.register(&example, name, version, &extra)?;
		let uploaded: Vec<&str> = reg["uploaded"]
			.as_array()
			.context("uploaded")?
			.iter()
			.filter_map(|u| u["file"].as_str())
			.collect();
		ensure!(uploaded == ["model.onnx", "model.qmodel"], "{reg}");
		registered.push((example, reg));
	}
	let mut models = Vec::new();
	for (example, reg) in registered {
		let id = reg["model_id"].as_u64().context("model_id")?;
		let key = cli.wait_for_key(id, Duration::from_secs(400))?;
		ensure!(
			key_contributors(&key) == accounts,
			"model {id}: every validator contributes, in order: {key}"
		);
		let name = reg["name"].as_str().context("name")?;
		let expected = cli.local_output(
			&cli.work.path().join(name).join("model.qmodel"),
			&example.sample,
		)?;
		models.push(Registered {
			id,
			sample: example.sample,
			expected,
			quantized_hash: reg["quantized_hash"]
				.as_str()
				.context("quantized_hash")?
				.into(),
			proving_key_hash: key["final_proving_key_hash"]
				.as_str()
				.context("final_proving_key_hash")?
				.into(),
		});
	}
	ensure!(models[0].id != models[1].id);
	// Every validator's node got the quantized models (Alice's by upload, the
	// others from their peers, to contribute) and the final proving keys
	// (made on Dave's node; the others fetch them to check them).
	for node in &nodes {
		let client = node.client().await?;
		for m in &models {
			let wanted = [m.quantized_hash.as_str(), m.proving_key_hash.as_str()];
			wait_for(
				&format!("{} to hold model {}'s artifacts", node.name(), m.id),
				Duration::from_secs(120),
				|| async {
					Ok((rpc::artifacts_has(&client, &wanted).await? == [true, true]).then_some(()))
				},
			)
			.await?;
		}
	}

	// --- Every validator bonds as an executor.
	std::thread::scope(|s| {
		let handles: Vec<_> = LOCAL_VALIDATORS
			.iter()
			.map(|key| {
				let cli = &cli;
				s.spawn(move || -> Result<()> {
					let suri = suri(key);
					cli.json(&["executor", "register", "--suri", &suri])?;
					let account = cli.json(&["account", "--suri", &suri])?;
					ensure!(u128_of(&account["executor"]["bond"]) == BOND, "{account}");
					Ok(())
				})
			})
			.collect();
		handles
			.into_iter()
			.map(|h| h.join().expect("executor registration"))
			.collect::<Result<Vec<_>>>()
	})?;
	let charlie = accounts[2].clone();

	// --- Requests, and a spammer at its cap: 40 `Vanilla` requests from one
	// account within two seconds (two blocks at most, before any of them can
	// have a result): the first `MaxRequestsPerAccount` are taken, the rest
	// refused, and every other requester is served as usual.
	let (spam, sent) = std::thread::scope(|s| {
		let spam = s.spawn(|| {
			cli.json(&[
				"bench",
				"load",
				&models[0].id.to_string(),
				"--input",
				path(&models[0].sample),
				"--mode",
				"vanilla",
				"--rate",
				SPAM,
				"--duration",
				"1",
				"--accounts",
				SPAMMER,
				"--drain",
				"120",
				"--json",
			])
		});
		let sent = send_from_both(&cli, &models, BEFORE_KILL);
		(spam.join().expect("the spammer"), sent)
	});
	let (spam, mut sent) = (spam?, sent?);
	let n = |key: &str| spam[key].as_u64().unwrap_or(u64::MAX);
	ensure!(n("sent") > ACCOUNT_CAP, "{spam:#}");
	ensure!(
		n("in_block") == ACCOUNT_CAP && n("unverified") == ACCOUNT_CAP,
		"the spammer's first {ACCOUNT_CAP} requests are taken and served: {spam:#}"
	);
	ensure!(
		n("failed_to_submit") == n("sent") - ACCOUNT_CAP
			&& spam["submit_errors"]
				.as_object()
				.is_some_and(|e| e.keys().all(|k| k.contains("TooManyRequestsOfAccount"))),
		"the rest are refused: {spam:#}"
	);
	eprintln!(
		"spammer: {} sent, {ACCOUNT_CAP} taken and served, {} refused",
		n("sent"),
		n("failed_to_submit")
	);

	// --- Charlie's node dies mid-run.
	nodes[2].stop();
	let first_after_kill = sent.iter().map(|s| s.id).max().unwrap() + 1;

	// --- A `Zk`, an `Optimistic` and a `Vanilla` request drawn for Charlie
	// now (his node is down), each attacked as soon as it is drawn (within
	// his window). The draw is random, so Eve asks until one of each lands on
	// Charlie (each try has a 1 in 4 chance; `Vanilla` last, as its window
	// lapses); this comes right after the kill, before Charlie's lapses
	// (three eject him) could take him out of the draw. The CLI proves with
	// the final proving key it downloads from a node.
	// - Zk: Bob races Charlie with an honest proof of his own: the pool
	//   refuses it. Then a tampered output with Charlie's honest proof is
	//   rejected and slashed.
	// - Optimistic: a wrong output without a proof is accepted provisionally;
	//   the live validators' workers check every provisional result, prove
	//   the right output and challenge it: it is overturned and Charlie
	//   slashed `WrongResultSlash`.
	// - Vanilla: Bob's wrong output is refused by the pool; Charlie's window
	//   lapses (the idle executor is slashed) and a backup serves it.
	// Before each request Eve predicts its executor (`predicted_executor`).
	let dave_cli = Cli::new(cli_binary(), nodes[3].ws_url())?;
	let model0 = path(&cli.work.path().join("mlp_digits8")).to_string();
	let attack = |cli: &Cli, who: &str, command: &[&str], id: u64, flags: &[&str]| {
		let id = id.to_string();
		let mut args = command.to_vec();
		args.extend([id.as_str(), "--artifacts", &model0, "--suri", who]);
		args.extend(flags);
		let out = cli.run(&args);
		let stdout: Option<Value> = serde_json::from_slice(&out.stdout).ok();
		(
			out.status.code(),
			stdout,
			String::from_utf8_lossy(&out.stderr).into_owned(),
		)
	};
	let as_charlie = |command: &[&str], id: u64| -> Result<(Option<i32>, Value)> {
		let (code, stdout, stderr) =
			attack(&dave_cli, "//Charlie", command, id, &["--tamper-output"]);
		Ok((code, stdout.context(stderr)?))
	};
	// Bob, a live executor, submits for a request drawn for someone else.
	let as_bob = |id: u64, flags: &[&str]| {
		let mut flags = flags.to_vec();
		flags.push("--skip-assignment-check");
		attack(&cli, "//Bob", &["executor", "prove"], id, &flags)
	};
	let public_key_of = |account: &str| -> Result<&String> {
		let i = accounts
			.iter()
			.position(|a| a == account)
			.context("an executor that is no validator")?;
		Ok(&public_keys[i])
	};
	// Eve's predictions: (tries, hits).
	let mut steering = (0u32, 0u32);
	let mut raced = None;
	let mut tampered = None;
	let mut cheated = None;
	let mut wrong_vanilla = None;
	let mut honest_optimistic = Vec::new();
	for i in 0..60 {
		let mode = match (tampered.is_none(), cheated.is_none()) {
			(true, true) => ["zk", "optimistic"][i % 2],
			(true, false) => "zk",
			(false, true) => "optimistic",
			(false, false) if wrong_vanilla.is_none() => "vanilla",
			(false, false) => break,
		};
		let predicted = rpc::hex(&predicted_executor(&alice_rpc).await?);
		let next = send_one(&cli, &models, 0, mode, "//Eve")?;
		steering.0 += 1;
		steering.1 += u32::from(*public_key_of(&next.executor)? == predicted);
		let on_charlie = next.executor == charlie;
		match (mode, on_charlie) {
			("zk", true) => {
				raced = Some(as_bob(next.id, &[]));
				tampered = Some(as_charlie(&["executor", "prove"], next.id)?);
			}
			("optimistic", true) => {
				cheated = Some((next.clone(), as_charlie(&["executor", "prove"], next.id)?));
			}
			("vanilla", true) => {
				wrong_vanilla = Some(as_bob(next.id, &["--tamper-output"]));
			}
			("optimistic", false) => honest_optimistic.push(next.clone()),
			_ => {}
		}
		if mode != "optimistic" {
			sent.push(next);
		}
	}
	// The pool refuses a submission from anyone but the assigned executor:
	// an honest proof racing the assigned executor, or a wrong output.
	for (what, attempt) in [
		("Bob's racing proof", &raced),
		("Bob's wrong Vanilla output", &wrong_vanilla),
	] {
		let (code, _, stderr) = attempt.as_ref().with_context(|| {
			format!("no request for {what} was assigned to Charlie in 60 tries")
		})?;
		ensure!(
			*code != Some(0)
				&& stderr.contains("refused by the pool: only the request's assigned executor"),
			"{what}: {stderr}"
		);
	}
	let (code, stdout) = tampered.context("no Zk request was assigned to Charlie")?;
	ensure!(code == Some(1), "tampered proof: {stdout}");
	ensure!(stdout["status"] == "rejected" && stdout["reason"] == "InvalidProof");
	ensure!(u128_of(&stdout["slashed"]) == SLASH);
	let (cheated, (code, proposed)) =
		cheated.context("no Optimistic request was assigned to Charlie")?;
	ensure!(
		code == Some(0) && proposed["status"] == "provisional",
		"{proposed}"
	);
	ensure!(proposed["output"] != models[0].expected, "{proposed}");
	// A bogus challenge (a changed output with Charlie's honest proof) of a
	// right provisional result is refused by the runtime and charged. The
	// result is challenged fresh, within its window.
	let honest = loop {
		let next = send_one(&cli, &models, 0, "optimistic", "//Eve")?;
		if next.executor != charlie {
			break next;
		}
		ensure!(
			honest_optimistic.len() < 20,
			"every optimistic request lands on Charlie"
		);
		honest_optimistic.push(next);
	};
	honest_optimistic.push(honest.clone());
	let provisional = result_when(&cli, honest.id, 60, |r| r["status"] == "provisional").await?;
	ensure!(provisional["output"] == models[0].expected, "{provisional}");
	let (code, bogus) = as_charlie(&["challenge"], honest.id)?;
	ensure!(code == Some(1) && bogus["status"] == "rejected", "{bogus}");
	ensure!(bogus["reason"] == "InvalidProof" && u128_of(&bogus["slashed"]) == SLASH);

	// More of Eve's tries to choose her executor, if the draws above were
	// too few to tell chance from choice.
	while steering.0 < STEERING_TRIES {
		let predicted = rpc::hex(&predicted_executor(&alice_rpc).await?);
		let next = send_one(&cli, &models, 0, "vanilla", "//Eve")?;
		steering.0 += 1;
		steering.1 += u32::from(*public_key_of(&next.executor)? == predicted);
		sent.push(next);
	}

	sent.extend(send_from_both(&cli, &models, AFTER_KILL)?);

	// The wrong result was overturned by a live validator's challenge; the
	// honest ones are final after their window, unchallenged.
	let overturned = result_when(&cli, cheated.id, 120, |r| r["status"] != "provisional").await?;
	ensure!(overturned["status"] == "overturned", "{overturned}");
	ensure!(overturned["verified"] == true && overturned["output"] == models[0].expected);
	ensure!(
		overturned["executor"] != charlie && accounts.iter().any(|a| overturned["executor"] == *a),
		"{overturned}"
	);
	for o in &honest_optimistic {
		let r = result_when(&cli, o.id, 180, |r| {
			r["status"] != "provisional" && r["status"] != "pending"
		})
		.await?;
		ensure!(r["status"] == "final" && r["verified"] == false, "{r}");
		// One drawn for Charlie (his node is down) lapses to a backup.
		let by = |who: &str| r["executor"] == who;
		ensure!(
			r["output"] == models[0].expected
				&& (by(&o.executor) || (o.executor == charlie && !by(&charlie))),
			"{r}"
		);
	}
	eprintln!(
		"optimistic: {} final, 1 overturned (by {}), 1 bogus challenge charged",
		honest_optimistic.len(),
		overturned["executor"]
	);

	// --- Every request ends verified, with the locally computed output; the
	// ones Charlie could no longer serve passed to backups.
	let mut results = BTreeMap::new();
	for s in &sent {
		let result = wait_for(
			&format!("request {}'s result", s.id),
			Duration::from_secs(240),
			|| async {
				let r = cli.json(&["result", &s.id.to_string()])?;
				Ok((r["status"] != "pending").then_some(r))
			},
		)
		.await?;
		let status = if s.mode == "zk" {
			"verified"
		} else {
			"unverified"
		};
		ensure!(result["status"] == status, "request {}: {result}", s.id);
		ensure!(
			result["output"] == models[s.model].expected,
			"request {}: output {} != {}",
			s.id,
			result["output"],
			models[s.model].expected
		);
		if s.executor == charlie && s.id >= first_after_kill {
			ensure!(
				result["executor"] != charlie,
				"request {} was assigned to Charlie after his node stopped, yet Charlie served it",
				s.id
			);
		} else if s.executor != charlie {
			// Live executors serve their own requests within their window.
			ensure!(
				result["executor"] == s.executor,
				"request {}: {result}",
				s.id
			);
		}
		results.insert(s.id, (s.model, result));
	}
	let taken_over = sent
		.iter()
		.filter(|s| s.executor == charlie && s.id >= first_after_kill)
		.count();
	ensure!(
		taken_over >= 1,
		"nothing drawn for Charlie passed to a backup"
	);
	// Charlie was slashed for the tampered proof, the wrong optimistic
	// result, the bogus challenge and every window he let lapse (no result
	// of his was accepted since his node died, so his misses count them all).
	let charlie_account = cli.json(&["account", "--suri", "//Charlie"])?;
	let misses = charlie_account["executor"]["misses"]
		.as_u64()
		.context("misses")? as u128;
	eprintln!("Charlie let {misses} window(s) lapse");
	ensure!(
		misses >= 1,
		"the Vanilla request left to Charlie lapsed: {charlie_account}"
	);
	ensure!(
		u128_of(&charlie_account["executor"]["bond"])
			== BOND - SLASH - WRONG - SLASH - misses * LAPSE,
		"{charlie_account}"
	);
	eprintln!(
		"{} requests served; {taken_over} taken over from Charlie",
		results.len()
	);

	// --- Eve could not choose her executors: her predictions, exact if the
	// draw used what she knew when signing, hit only by chance (about 1 in
	// 4; all of them hitting by chance has odds below 1 in 60,000).
	let (tries, hits) = steering;
	eprintln!("Eve's predicted executor was drawn {hits} times in {tries}");
	ensure!(
		tries >= STEERING_TRIES && hits < tries,
		"Eve chose her executor {hits} times in {tries}"
	);

	// --- Nothing lost: no requester has escrow left (every request is
	// closed), the live executors' bonds are whole (the challenger's share
	// goes to its free balance), and the pallets' invariants held after every
	// block of the run.
	for requester in ["//Eve", "//Ferdie", SPAMMER] {
		let account = cli.json(&["account", "--suri", requester])?;
		ensure!(u128_of(&account["reserved"]) == 0, "{requester}: {account}");
	}
	for key in ["alice", "bob", "dave"] {
		let account = cli.json(&["account", "--suri", &suri(key)])?;
		ensure!(
			u128_of(&account["executor"]["bond"]) == BOND,
			"{key}: {account}"
		);
	}
	let (last, _) = rpc::finalized_head(&alice_rpc).await?;
	for number in 0..=last {
		let hash = rpc::block_hash(&alice_rpc, number)
			.await?
			.with_context(|| format!("block #{number}"))?;
		if let Err(broken) = rpc::check_invariants(&alice_rpc, &hash).await? {
			anyhow::bail!("after block #{number}: {broken}");
		}
	}
	eprintln!("the invariants held after each of blocks #0..=#{last}");

	// --- Charlie's node, restarted, catches up and serves every result.
	nodes[2].restart().await?;
	let charlie_rpc = nodes[2].client().await?;
	let (target, _) = rpc::finalized_head(&alice_rpc).await?;
	wait_for("Charlie to catch up", Duration::from_secs(120), || async {
		Ok((rpc::finalized_head(&charlie_rpc).await?.0 >= target).then_some(()))
	})
	.await?;
	let charlie_cli = Cli::new(cli_binary(), nodes[2].ws_url())?;
	for (id, (_, result)) in &results {
		let again = charlie_cli.json(&["result", &id.to_string()])?;
		ensure!(
			&again == result,
			"request {id} on Charlie: {again} != {result}"
		);
	}

	// --- Whoever proved a model's request holds its final proving key,
	// fetched over the artifact protocol.
	for (model, result) in results.values() {
		let executor = result["executor"].as_str().context("executor")?;
		let i = accounts
			.iter()
			.position(|a| a == executor)
			.context("an executor that is no validator")?;
		let client = nodes[i].client().await?;
		let pk = &models[*model].proving_key_hash;
		ensure!(
			rpc::artifacts_has(&client, &[pk]).await? == [true],
			"{} proved a request of model {} without its proving key {pk}",
			nodes[i].name(),
			models[*model].id
		);
	}
	Ok(())
}

/// `//Alice` for `alice`.
fn suri(key: &str) -> String {
	format!("//{}{}", key[..1].to_uppercase(), &key[1..])
}
