//! The indexer against real `verity-node` processes: every indexed block has
//! the hash the node returns for its number; a transfer and a failing call are
//! decoded (signer, call, arguments, fee, decoded module error); a restart
//! resumes without gaps or duplicates; a switch to another chain with the same
//! genesis (a fork from block 1) is repaired. Each against SQLite and against
//! a throwaway PostgreSQL server.

mod common;

use std::time::Duration;

use anyhow::Result;
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
	// Nothing of the abandoned chain is left.
	let (status, _) = explorer.get(&format!("/api/extrinsic/{tx_hash}")).await?;
	assert_eq!(status, 404, "the transfer was on the abandoned chain");
	let alice_info = explorer
		.json(&format!("/api/account/{}", alice_address()))
		.await?;
	assert!(alice_info["extrinsics"].as_array().unwrap().is_empty());
	Ok(())
}
