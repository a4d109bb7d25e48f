//! The indexer against real `verity-node` processes: every indexed block has
//! the hash the node returns for its number; a transfer and a failing call are
//! decoded (signer, call, arguments, fee, decoded module error); a restart
//! resumes without gaps or duplicates; a switch to another chain with the same
//! genesis (a fork from block 1) is repaired; the insecure development SRS is
//! read from the runtime. Each against SQLite and against a throwaway
//! PostgreSQL server. And phase 1 of the setup ceremony on the four-validator
//! local network, from its real events.

mod common;

use std::time::Duration;

use anyhow::{Context, Result};
use common::{Backend, Explorer, TestDb};
use serde_json::Value;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use verity_tests::{rpc, wait_for, Node, NodeConfig};

const UNIT: u128 = 1_000_000_000_000;

/// Every block 0..=tip in the explorer has the node's hash for that number.
async fn assert_matches_node(explorer: &Explorer, node: &Node) -> Result<i64> {
	let client = node.client().await?;
	let status = explorer.json("/api/status").await?;
	let tip = status["best_indexed"].as_i64().unwrap();
	assert_eq!(
		status["blocks"].as_i64().unwrap(),
		tip + 1,
		"blocks 0..={tip} indexed exactly once: {status}"
	);
	for n in 0..=tip {
		let block = explorer.json(&format!("/api/block/{n}")).await?;
		let hash = rpc::block_hash(&client, n as u64).await?.unwrap();
		assert_eq!(
			block["block"]["hash"].as_str(),
			Some(hash.as_str()),
			"block #{n}"
		);
		assert_eq!(block["block"]["number"].as_i64(), Some(n));
	}
	Ok(tip)
}

fn alice_address() -> String {
	dev::alice().public_key().to_account_id().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn sqlite_indexes_decodes_resumes_and_repairs_forks() -> Result<()> {
	indexes_decodes_resumes_and_repairs_forks(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread")]
async fn postgres_indexes_decodes_resumes_and_repairs_forks() -> Result<()> {
	indexes_decodes_resumes_and_repairs_forks(Backend::Postgres).await
}

async fn indexes_decodes_resumes_and_repairs_forks(backend: Backend) -> Result<()> {
	let Some(db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let node = Node::start(NodeConfig::dev()).await?;
	let mut explorer = Explorer::start(&node.ws_url(), &db).await?;
	explorer.wait_indexed(2).await?;
	assert_matches_node(&explorer, &node).await?;
	let status = explorer.json("/api/status").await?;
	assert_eq!(
		status["database"],
		if db.is_postgres() {
			"postgres"
		} else {
			"sqlite"
		}
	);

	// The setup ceremony: a dev chain's SRS is the insecure development SRS,
	// final at genesis without any event; the indexer reads it from the
	// runtime (`CeremonyApi::srs`, `Ceremony::Timing`) at its head.
	let srs = wait_for(
		"the SRS read from the node",
		Duration::from_secs(30),
		|| async {
			let s = explorer.json("/api/status").await?;
			Ok((!s["srs"].is_null()).then(|| s["srs"].clone()))
		},
	)
	.await?;
	assert_eq!(srs["status"], "final", "{srs}");
	assert_eq!(srs["insecure"], true, "{srs}");
	assert_eq!(srs["final_srs_hash"], Value::Null);
	let max_domain = srs["max_domain"].as_u64().expect("max_domain");
	assert!(max_domain >= 1024, "{srs}");
	let ceremony = explorer.json("/api/ceremony").await?;
	assert_eq!(ceremony["insecure"], true);
	assert_eq!(ceremony["contributions"], serde_json::json!([]));
	assert!(
		ceremony["timing"]["contribution"].as_u64().unwrap() > 0,
		"{ceremony}"
	);
	// Read once (a final SRS changes only with an event), at an indexed block.
	let state_at = ceremony["state_at"].as_i64().expect("state_at");
	assert!((0..=explorer.json("/api/status").await?["best_indexed"]
		.as_i64()
		.unwrap())
		.contains(&state_at));

	// Block 1's first extrinsic is the timestamp inherent, decoded by name.
	let x = explorer.json("/api/extrinsic/1-0").await?;
	assert_eq!(x["extrinsic"]["pallet"], "Timestamp");
	assert_eq!(x["extrinsic"]["call"], "set");
	assert!(x["extrinsic"]["args"]["now"].as_u64().unwrap() > 1_600_000_000_000);
	assert_eq!(x["extrinsic"]["signer"], Value::Null);
	let block1 = explorer.json("/api/block/1").await?;
	assert_eq!(block1["block"]["timestamp"], x["extrinsic"]["args"]["now"]);

	// A signed transfer: signer, nonce, decoded arguments, the fee actually paid.
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;
	let (alice, bob) = (dev::alice(), dev::bob());
	let amount = 7 * UNIT;
	let transfer = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(bob.public_key().to_address::<()>(), amount),
	);
	let in_block = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&transfer, &alice)
		.await?
		.wait_for_finalized()
		.await?;
	let tx_hash = format!("{:?}", in_block.extrinsic_hash());
	let block_hash = format!("{:?}", in_block.block_hash());
	let tx = wait_for("transfer indexed", Duration::from_secs(60), || async {
		let (status, body) = explorer.get(&format!("/api/extrinsic/{tx_hash}")).await?;
		Ok((status == 200)
			.then(|| serde_json::from_str::<Value>(&body))
			.transpose()?)
	})
	.await?;
	let x = &tx["extrinsic"];
	assert_eq!(x["hash"].as_str(), Some(tx_hash.as_str()));
	assert_eq!(x["pallet"], "Balances");
	assert_eq!(x["call"], "transfer_keep_alive");
	assert_eq!(x["signer"].as_str(), Some(alice_address().as_str()));
	assert_eq!(x["nonce"], 0);
	assert_eq!(x["success"], true);
	assert_eq!(x["args"]["value"].as_u64(), Some(amount as u64));
	assert_eq!(
		x["args"]["dest"]["Id"].as_str(),
		Some(bob.public_key().to_account_id().to_string().as_str())
	);
	let block = explorer
		.json(&format!("/api/block/{}", x["block_number"]))
		.await?;
	assert_eq!(block["block"]["hash"].as_str(), Some(block_hash.as_str()));
	// The fee is what TransactionPayment says was paid, and what left Alice's account.
	let fee_event = tx["events"]
		.as_array()
		.unwrap()
		.iter()
		.find(|e| e["pallet"] == "TransactionPayment" && e["name"] == "TransactionFeePaid")
		.expect("fee event");
	let fee: u128 = x["fee"].as_str().unwrap().parse()?;
	assert_eq!(
		fee_event["fields"]["actual_fee"].as_u64().map(u128::from),
		Some(fee)
	);
	let alice_info = explorer
		.json(&format!("/api/account/{}", alice_address()))
		.await?;
	let free = alice_info["info"]["data"]["free"]
		.as_str()
		.map(|s| s.parse::<u128>().unwrap());
	assert_eq!(free, Some(1_000_000 * UNIT - amount - fee));
	assert!(alice_info["extrinsics"]
		.as_array()
		.unwrap()
		.iter()
		.any(|e| e["hash"].as_str() == Some(tx_hash.as_str())));
	// Bob's account lists the Transfer event that paid him.
	let bob_info = explorer
		.json(&format!(
			"/api/account/{}",
			bob.public_key().to_account_id()
		))
		.await?;
	assert!(bob_info["events"]
		.as_array()
		.unwrap()
		.iter()
		.any(|e| e["pallet"] == "Balances" && e["name"] == "Transfer"));

	// A failing call: Bob is not sudo, the module error is decoded by name.
	let remark = dynamic::Value::unnamed_variant(
		"System",
		[dynamic::Value::named_variant(
			"remark",
			[("remark", dynamic::Value::from_bytes(b"hi"))],
		)],
	);
	let sudo = dynamic::transaction("Sudo", "sudo", (remark,));
	let failed = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&sudo, &bob)
		.await?
		.wait_for_finalized()
		.await?;
	let failed_hash = format!("{:?}", failed.extrinsic_hash());
	let tx = wait_for("failed call indexed", Duration::from_secs(60), || async {
		let (status, body) = explorer
			.get(&format!("/api/extrinsic/{failed_hash}"))
			.await?;
		Ok((status == 200)
			.then(|| serde_json::from_str::<Value>(&body))
			.transpose()?)
	})
	.await?;
	assert_eq!(tx["extrinsic"]["success"], false);
	let error = tx["extrinsic"]["error"].as_str().unwrap();
	assert!(error.starts_with("Sudo.RequireSudo"), "error: {error}");
	assert_eq!(
		tx["extrinsic"]["args"]["call"]["System"]["remark"]["remark"],
		"0x6869"
	);

	// Restart: the explorer resumes where it stopped, without gaps or duplicates.
	explorer.stop();
	let stopped_at = rpc::best_number(&node.client().await?).await?;
	let client = node.client().await?;
	wait_for("chain to move on", Duration::from_secs(60), || async {
		Ok((rpc::best_number(&client).await? >= stopped_at + 2).then_some(()))
	})
	.await?;
	let explorer = Explorer::start(&node.ws_url(), &db).await?;
	explorer.wait_indexed(stopped_at as i64 + 2).await?;
	let tip = assert_matches_node(&explorer, &node).await?;
	assert!(tip >= stopped_at as i64 + 2);
	drop(explorer);

	// Another node with the same genesis but its own blocks: to the explorer,
	// a fork at block 1. Everything above genesis is replaced.
	let mut other_config = NodeConfig::dev();
	other_config.name = "dev-fork".into();
	other_config.node_key = Some(verity_tests::hex_node_key(0xdf));
	let other = Node::start(other_config).await?;
	let other_client = other.client().await?;
	assert_eq!(
		rpc::block_hash(&other_client, 0).await?,
		rpc::block_hash(&client, 0).await?,
		"same genesis"
	);
	wait_for(
		"the other chain to reach #3",
		Duration::from_secs(60),
		|| async { Ok((rpc::best_number(&other_client).await? >= 3).then_some(())) },
	)
	.await?;
	let explorer = Explorer::start(&other.ws_url(), &db).await?;
	wait_for("fork repaired", Duration::from_secs(90), || async {
		let b1 = explorer.json("/api/block/1").await?;
		Ok(
			(b1["block"]["hash"].as_str() == rpc::block_hash(&other_client, 1).await?.as_deref())
				.then_some(()),
		)
	})
	.await?;
	// Let it settle on the other chain's current head, then compare everything.
	let target = rpc::best_number(&other_client).await? as i64;
	explorer.wait_indexed(target).await?;
	assert_matches_node(&explorer, &other).await?;
	// The ceremony's state was read again on the other chain.
	let srs = wait_for("the SRS read again", Duration::from_secs(30), || async {
		let s = explorer.json("/api/status").await?;
		Ok((!s["srs"].is_null()).then(|| s["srs"].clone()))
	})
	.await?;
	assert_eq!(srs["insecure"], true, "{srs}");
	assert_eq!(srs["max_domain"], max_domain);
	// Nothing of the abandoned chain is left.
	let (status, _) = explorer.get(&format!("/api/extrinsic/{tx_hash}")).await?;
	assert_eq!(status, 404, "the transfer was on the abandoned chain");
	let alice_info = explorer
		.json(&format!("/api/account/{}", alice_address()))
		.await?;
	assert!(alice_info["extrinsics"].as_array().unwrap().is_empty());
	Ok(())
}

/// Phase 1 of the setup ceremony on the four-validator local network (the
/// test-sized SRS): the validators contribute in turn, check each other's
/// SRS, apply the beacon and seal it, on their own. The explorer indexing
/// Alice's node shows all of it from the real events: the round, every
/// contribution with its attestations and outcome, the beacon (the hash of
/// the beacon block, as the node returns it), the seal votes and the final
/// SRS hash, and the state read from the runtime (size, periods, not
/// insecure). On SQLite (the database path is tested on both in
/// `entity_pages.rs`).
#[tokio::test(flavor = "multi_thread")]
async fn phase1_ceremony_on_a_local_network() -> Result<()> {
	let db = TestDb::new(Backend::Sqlite)?.expect("SQLite needs no server");
	let nodes = verity_tests::start_local_network(&[]).await?;
	let client = nodes[0].client().await?;
	let explorer = Explorer::start(&nodes[0].ws_url(), &db).await?;
	verity_tests::wait_for_srs(&client, Duration::from_secs(300)).await?;
	let srs = wait_for(
		"the sealed SRS in the explorer",
		Duration::from_secs(60),
		|| async {
			// The events say sealed; wait for the state read at or after the
			// seal too: a fork at the tip deletes the state read on the
			// abandoned branch until the next round reads it again.
			let s = explorer.json("/api/ceremony").await?;
			let read_after_seal = s["state_at"].as_i64() >= s["sealed_in"].as_i64();
			Ok((s["status"] == "final"
				&& !s["final_srs_hash"].is_null()
				&& !s["state_at"].is_null()
				&& read_after_seal)
				.then_some(s))
		},
	)
	.await?;
	let (max_domain, _) = rpc::srs_phase(&client).await?.expect("phase 1");
	assert_eq!(srs["max_domain"], max_domain, "{srs}");
	assert_eq!(srs["max_domain"], verity_tests::TEST_SRS_DOMAIN);
	assert_eq!(srs["insecure"], false);
	assert_eq!(
		srs["timing"],
		serde_json::json!({
			"contribution": verity_tests::PHASE1_TEST_TURN,
			"check": verity_tests::TEST_CHECK_PERIOD,
			"beacon_delay": verity_tests::TEST_BEACON_DELAY,
		})
	);
	let validators: Vec<String> = [dev::alice(), dev::bob(), dev::charlie(), dev::dave()]
		.iter()
		.map(|k| k.public_key().to_account_id().to_string())
		.collect();
	let mut participants: Vec<String> =
		serde_json::from_value(srs["participants"].clone()).context("participants")?;
	participants.sort();
	let mut expected = validators.clone();
	expected.sort();
	assert_eq!(participants, expected, "every validator takes part");
	// Rounds of four turns; every contribution by a validator, attested,
	// settled; the accepted ones carry the transcript after them.
	let rounds = srs["rounds"].as_array().context("rounds")?;
	assert!(!rounds.is_empty(), "{srs}");
	assert!(rounds.iter().all(|r| r["participants"] == 4), "{srs}");
	let contributions = srs["contributions"].as_array().context("contributions")?;
	let accepted: Vec<&Value> = contributions
		.iter()
		.filter(|c| c["outcome"] == "accepted")
		.collect();
	assert!(!accepted.is_empty(), "{srs}");
	assert_eq!(srs["accepted"], accepted.len());
	for c in contributions {
		assert!(
			validators.contains(&c["who"].as_str().unwrap().to_string()),
			"{c}"
		);
		assert!(c["srs_hash"].as_str().is_some_and(|h| h.len() == 66), "{c}");
		assert_ne!(c["outcome"], "checking", "every contribution settled: {c}");
		assert!(c["settled_in"].as_i64() >= c["block"].as_i64(), "{c}");
	}
	for c in &accepted {
		assert!(c["ok"].as_u64().unwrap() >= 3, "a majority of four: {c}");
		assert!(
			c["transcript"].as_str().is_some_and(|h| h.len() == 66),
			"{c}"
		);
		assert_eq!(
			c["attestations"].as_array().unwrap().len() as u64,
			c["ok"].as_u64().unwrap() - 1 + c["bad"].as_u64().unwrap(),
			"{c}"
		);
	}
	// The beacon is the hash of the beacon block, fixed after the last turn.
	let beacon = &srs["beacon"];
	let beacon_block = beacon["block"].as_u64().context("beacon block")?;
	assert_eq!(
		beacon["value"].as_str(),
		rpc::block_hash(&client, beacon_block).await?.as_deref(),
		"{beacon}"
	);
	assert!(beacon["scheduled_in"].as_u64().unwrap() < beacon_block);
	assert!(beacon["applied_in"].as_u64().unwrap() > beacon_block);
	// Sealed by a majority voting for the final SRS.
	let final_hash = srs["final_srs_hash"].as_str().unwrap();
	let votes = srs["seal_votes"].as_array().context("seal votes")?;
	assert!(
		votes.iter().filter(|v| v["srs_hash"] == final_hash).count() >= 3,
		"{srs}"
	);
	assert_eq!(srs["srs_hash"], final_hash);
	assert!(srs["sealed_in"].as_u64().unwrap() > beacon["applied_in"].as_u64().unwrap());
	assert!(srs["domains"].as_u64().unwrap() > 0);
	// The status API and the page say the same; nothing is marked insecure.
	let status = explorer.json("/api/status").await?;
	assert_eq!(status["srs"]["status"], "final");
	assert_eq!(status["srs"]["insecure"], false);
	assert_eq!(status["srs"]["final_srs_hash"], final_hash);
	let (_, html) = explorer.get("/ceremony").await?;
	assert!(
		html.contains(final_hash) && !html.contains("INSECURE"),
		"{html}"
	);
	for c in contributions {
		assert!(html.contains(c["srs_hash"].as_str().unwrap()));
	}
	Ok(())
}
