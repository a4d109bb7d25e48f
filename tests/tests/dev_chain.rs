//! A single-validator dev chain: blocks are produced and finalized, a standard
//! client (subxt, driven by the node's metadata) transfers a balance, and
//! garbage sent to `author_submitExtrinsic` is refused without harm.

use std::time::Duration;

use anyhow::Result;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::dev;
use verity_tests::{rpc, wait_for, Node, NodeConfig};

/// One VRT in plancks.
const UNIT: u128 = 1_000_000_000_000;

#[derive(Debug, scale_decode::DecodeAsType)]
struct AccountInfo {
	nonce: u32,
	data: AccountData,
}

#[derive(Debug, scale_decode::DecodeAsType)]
struct AccountData {
	free: u128,
}

async fn account(api: &OnlineClient<PolkadotConfig>, who: [u8; 32]) -> Result<AccountInfo> {
	let at = api.at_current_block().await?;
	let addr = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	Ok(at.storage().fetch(addr, (who,)).await?.decode()?)
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_produces_finalizes_and_transfers() -> Result<()> {
	let node = Node::start(NodeConfig::dev()).await?;
	let client = node.client().await?;

	// Blocks are authored and finalized.
	let finalized = wait_for("finalized block #3", Duration::from_secs(60), || async {
		let (n, _) = rpc::finalized_head(&client).await?;
		Ok((n >= 3).then_some(n))
	})
	.await?;
	assert!(rpc::best_number(&client).await? >= finalized);

	// The RPC surface clients rely on is there.
	let methods: Value = client.request("rpc_methods", rpc_params![]).await?;
	let methods: Vec<&str> = methods["methods"]
		.as_array()
		.unwrap()
		.iter()
		.filter_map(|m| m.as_str())
		.collect();
	for needed in [
		"system_accountNextIndex",
		"payment_queryInfo",
		"payment_queryFeeDetails",
		"author_submitExtrinsic",
		"author_submitAndWatchExtrinsic",
		"state_getMetadata",
		"state_call",
		"chain_getFinalizedHead",
		"chain_subscribeFinalizedHeads",
	] {
		assert!(methods.contains(&needed), "RPC method {needed} missing");
	}
	let versions: String = client
		.request(
			"state_call",
			rpc_params!["Metadata_metadata_versions", "0x"],
		)
		.await?;
	// SCALE Vec<u32>: compact length then little-endian u32s.
	let bytes = hex_decode(&versions);
	let len = (bytes[0] >> 2) as usize;
	let versions: Vec<u32> = (0..len)
		.map(|i| u32::from_le_bytes(bytes[1 + 4 * i..5 + 4 * i].try_into().unwrap()))
		.collect();
	for v in [14, 15, 16] {
		assert!(
			versions.contains(&v),
			"metadata v{v} not offered: {versions:?}"
		);
	}

	// A standard client builds, signs and submits a transfer from metadata alone.
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;
	let (alice, bob) = (dev::alice(), dev::bob());
	let bob_before = account(&api, bob.public_key().0).await?;
	let alice_before = account(&api, alice.public_key().0).await?;
	let amount = 42 * UNIT;
	let tx = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(bob.public_key().to_address::<()>(), amount),
	);
	let events = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&tx, &alice)
		.await?
		.wait_for_finalized_success()
		.await?;
	assert!(events.iter().any(|e| e
		.map(|e| e.pallet_name() == "Balances" && e.event_name() == "Transfer")
		.unwrap_or(false)));

	let bob_after = account(&api, bob.public_key().0).await?;
	let alice_after = account(&api, alice.public_key().0).await?;
	assert_eq!(bob_after.data.free, bob_before.data.free + amount);
	assert_eq!(alice_after.nonce, alice_before.nonce + 1);
	let fee = alice_before.data.free - amount - alice_after.data.free;
	assert!(fee > 0 && fee < UNIT, "fee {fee} out of range");
	let next_index: u64 = client
		.request(
			"system_accountNextIndex",
			rpc_params![alice.public_key().to_account_id().to_string()],
		)
		.await?;
	assert_eq!(next_index, alice_after.nonce as u64);

	// Malformed extrinsics are refused with an RPC error...
	for garbage in ["0x", "0x00", "0xdeadbeef", "0x2804ffffffffffffffff"] {
		let result: Result<String, _> = client
			.request("author_submitExtrinsic", rpc_params![garbage])
			.await;
		assert!(
			result.is_err(),
			"garbage {garbage} was accepted: {result:?}"
		);
	}
	let not_hex: Result<String, _> = client
		.request("author_submitExtrinsic", rpc_params!["hello"])
		.await;
	assert!(not_hex.is_err());

	// ...and the node keeps producing and finalizing blocks.
	let (before, _) = rpc::finalized_head(&client).await?;
	wait_for(
		"finality to advance after garbage",
		Duration::from_secs(60),
		|| async {
			let (n, _) = rpc::finalized_head(&client).await?;
			Ok((n >= before + 2).then_some(()))
		},
	)
	.await?;
	Ok(())
}

fn hex_decode(s: &str) -> Vec<u8> {
	verity_tests::rpc::unhex(s).expect("the node answers hex")
}
