//! The setup ceremony on the four-validator network (test-sized SRS, see
//! `verity_tests::local_test_spec`), every validator with `--executor`:
//!
//! 1. Phase 1 runs by itself at genesis: each validator's node contributes in
//!    turn, the others fetch and check its SRS and attest, the beacon, the
//!    seal. Every node reports the SRS final (and not insecure). Then each
//!    shared domain's Lagrange bases: one validator computes and publishes
//!    them, the others fetch and check them (Dave's on `mlp_digits8`'s
//!    3,072 points are what Alice's node makes the model's initial key from).
//! 2. Dave's node goes down. Alice registers `mlp_digits8`; the runtime
//!    computes the initial verifying key; Alice's, Bob's and Charlie's nodes
//!    contribute; Dave's turn is skipped after its deadline; the key is final
//!    with three contributions.
//! 3. A `Zk` request is proved with the ceremony's key and verified.
//! 4. Eve did what the old single-party flow let a registrant do: she made the
//!    model's keys herself and kept the trapdoor. She bonds as an executor and
//!    the validators leave the set, so the next request is drawn for her.
//!    With her trapdoor she forges a proof of a false output, which her own
//!    key accepts (the attack works when the chain trusts the registrant's
//!    key) — and the chain, which only knows the ceremony's key, rejects it
//!    and slashes her bond.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use serde_json::Value;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use verity_tests::cli::{cli_binary, key_contributors, Cli, ExampleModel};
use verity_tests::{rpc, start_local_network, wait_for, wait_for_srs};
use verity_zk::{Bls12_381, Statement, Trapdoor};

/// The runtime's `ExecutorBond` and `InvalidProofSlash`, in plancks.
const BOND: u128 = 1_000 * 1_000_000_000_000;
const SLASH: u128 = 100 * 1_000_000_000_000;

fn u128_of(v: &Value) -> u128 {
	v.as_u64()
		.map(u128::from)
		.or_else(|| v.as_str().and_then(|s| s.parse().ok()))
		.unwrap_or_else(|| panic!("not an amount: {v}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_run_the_ceremony_and_a_kept_trapdoor_forges_nothing() -> Result<()> {
	let mut nodes = start_local_network(&["--executor"]).await?;
	let alice_rpc = nodes[0].client().await?;
	let cli = Cli::new(cli_binary(), nodes[0].ws_url())?;

	// --- 1. Phase 1: four contributions, checked by the others; then the
	// beacon and the seal.
	wait_for_srs(&alice_rpc, Duration::from_secs(400)).await?;
	let srs = cli.json(&["ceremony", "status"])?;
	ensure!(srs["phase"] == "final", "{srs}");
	ensure!(srs["insecure"] == false, "{srs}");
	ensure!(srs["accepted"] == 4, "every validator contributed: {srs}");
	ensure!(
		srs["beacon"].is_string() && srs["final_srs_hash"].is_string(),
		"{srs}"
	);
	for node in &nodes {
		let phase = rpc::srs_phase(&node.client().await?).await?;
		ensure!(
			phase.map(|(_, p)| p) == Some(3),
			"{}: {phase:?}",
			node.name()
		);
	}

	// The Lagrange bases on 3,072 points (the 4th shared domain: Dave's),
	// published by Dave's node and checked by Alice's before Dave goes down.
	let dave = dev::dave().public_key().to_account_id().to_string();
	let bases_3072 = wait_for(
		"Dave's Lagrange bases on 3,072 points",
		Duration::from_secs(240),
		|| async {
			let srs = cli.json(&["ceremony", "status"])?;
			Ok(published_bases(&srs)
				.into_iter()
				.find(|(n, _, _)| *n == 3072))
		},
	)
	.await?;
	ensure!(bases_3072.1 == dave, "{bases_3072:?}");
	let checked = format!(
		"Lagrange bases {} on 3072 points checked against the SRS",
		bases_3072.2
	);
	wait_for(
		"Alice's node to check Dave's bases",
		Duration::from_secs(120),
		|| async {
			Ok(nodes[0]
				.log_tail(usize::MAX)
				.contains(&checked)
				.then_some(()))
		},
	)
	.await?;

	// --- 2. Dave is down; the model's ceremony skips him after his turn.
	nodes[3].stop();
	let example = ExampleModel::new("mlp_digits8");
	let registered = cli.register(
		&example,
		"digits8",
		"1.0.0",
		&["--out", "digits8", "--timeout", "400"],
	)?;
	let model_id = registered["model_id"].as_u64().context("model_id")?;
	ensure!(registered["status"] == "final", "{registered}");
	ensure!(registered["insecure_srs"] == false, "{registered}");
	let ceremony = cli.json(&["ceremony", "status", &model_id.to_string()])?;
	let order = ceremony["order"].as_array().context("order")?;
	ensure!(order.len() == 4, "{ceremony}");
	ensure!(
		key_contributors(&ceremony) == order[..3],
		"Alice, Bob and Charlie contributed, in order; Dave was skipped: {ceremony}"
	);
	ensure!(
		ceremony["final_verifying_key_hash"].is_string(),
		"{ceremony}"
	);
	// Alice's node made the initial key from Dave's bases: it computed none.
	ensure!(
		!nodes[0]
			.log_tail(usize::MAX)
			.contains("on 3072 points computed"),
		"Alice's node computed bases it had checked"
	);

	// --- 3. A Zk request, proved with the ceremony's key and verified. Alice,
	// Bob and Charlie bond (their nodes prove).
	let validators = ["//Alice", "//Bob", "//Charlie"];
	for suri in validators {
		cli.json(&["executor", "register", "--suri", suri])?;
	}
	let served = cli.infer(model_id, &example.sample, "zk", "//Ferdie", Some(120))?;
	ensure!(served["result"]["status"] == "verified", "{served}");
	ensure!(
		served["result"]["proof"]
			.as_str()
			.is_some_and(|p| p.contains("verified")),
		"{served}"
	);

	// --- 4. Eve's kept trapdoor. Her "own" keys for the same model, from the
	// single-party setup the registry used to accept:
	let model_bytes = std::fs::read(cli.work.path().join("digits8").join("model.qmodel"))?;
	let model = verity_inference::QuantizedModel::from_bytes(&model_bytes)?;
	let qap = verity_zk::Qap::compile(&model)?;
	let domain = qap.smallest_domain_size()?;
	let kept = Trapdoor::random(&mut verity_zk::rand::rngs::OsRng);
	let (_, own_vk) = verity_zk::setup_with_trapdoor(&model, qap, domain, &kept)?;

	// Eve bonds (she runs no node) and the validators leave the executor set:
	// the next request is drawn for her.
	cli.json(&["executor", "register", "--suri", "//Eve"])?;
	for suri in validators {
		cli.json(&["executor", "unregister", "--suri", suri])?;
	}
	let api = OnlineClient::<PolkadotConfig>::from_url(nodes[0].ws_url()).await?;
	let eve = dev::eve();
	let eve_account = eve.public_key().to_account_id().to_string();
	let assigned = cli.infer(model_id, &example.sample, "zk", "//Ferdie", None)?;
	ensure!(
		assigned["executor"].as_str() == Some(eve_account.as_str()),
		"Eve is the only executor left: {assigned}"
	);
	let request_id = assigned["request_id"].as_u64().context("request_id")?;

	// The same sample as the served request: the same input; a false output,
	// the true one with its first value changed.
	let truth = cli.json(&["result", &served["request_id"].to_string()])?;
	let ints = |v: &Value| -> Result<Vec<i64>> {
		v.as_array()
			.context("integers")?
			.iter()
			.map(|x| x.as_i64().context("an integer"))
			.collect()
	};
	let input = ints(&truth["input"])?;
	let mut output = ints(&truth["output"])?;
	output[0] += 1;
	let statement = Statement {
		model_id: model.hash(),
		request_id,
		executor: eve.public_key().0,
		input,
		output: output.clone(),
	};
	let forged = verity_zk::ceremony::forge::forge(
		&own_vk,
		domain,
		[kept.tau, kept.alpha, kept.beta, kept.delta],
		&statement,
	)?;
	// The attack works against a key whose trapdoor someone kept...
	ensure!(verity_zk::verify::<Bls12_381>(&own_vk, &statement, &forged).is_ok());
	// ...and the chain never uses such a key: rejected, bond slashed.
	let tx = dynamic::transaction(
		"Inference",
		"submit_result",
		(
			request_id,
			output.iter().map(|&v| v as i32).collect::<Vec<i32>>(),
			forged.to_bytes(),
		),
	);
	let events = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &eve)
		.await?
		.wait_for_finalized_success()
		.await?;
	ensure!(
		events.iter().any(|e| e
			.map(|e| e.pallet_name() == "Inference" && e.event_name() == "ProofRejected")
			.unwrap_or(false)),
		"the forged proof was not rejected"
	);
	let eve_now = cli.json(&["account", "--suri", "//Eve"])?;
	ensure!(
		u128_of(&eve_now["executor"]["bond"]) == BOND - SLASH,
		"{eve_now}"
	);

	// Every shared domain's bases (1,024 to 12,288 points) were published,
	// each domain by its validator in turn (Dave's before he went down).
	let srs = cli.json(&["ceremony", "status"])?;
	let published = published_bases(&srs);
	let sizes: Vec<u32> = published.iter().map(|(n, _, _)| *n).collect();
	ensure!(
		sizes == [1024, 1536, 2048, 3072, 4096, 6144, 12288],
		"{srs}"
	);
	let order: Vec<String> = srs["participants"]
		.as_array()
		.context("participants")?
		.iter()
		.map(|p| p.as_str().unwrap_or_default().to_string())
		.collect();
	for (i, (n, publisher, _)) in published.iter().enumerate() {
		ensure!(*publisher == order[i % order.len()], "domain {n}: {srs}");
	}
	Ok(())
}

/// `verity ceremony status`'s published Lagrange bases: domain size,
/// publisher, artifact hash.
fn published_bases(srs: &Value) -> Vec<(u32, String, String)> {
	srs["lagrange_bases"]
		.as_array()
		.into_iter()
		.flatten()
		.filter_map(|b| {
			Some((
				u32::try_from(b["domain_size"].as_u64()?).ok()?,
				b["publisher"].as_str()?.to_string(),
				b["hash"].as_str()?.to_string(),
			))
		})
		.collect()
}
