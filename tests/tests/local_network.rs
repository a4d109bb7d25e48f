//! The four-validator `local` network: every node finalizes the same blocks;
//! with one validator stopped the other three keep finalizing; restarted, it
//! catches up to the same finalized head.

use std::time::Duration;

use anyhow::{ensure, Result};
use verity_tests::{rpc, wait_for, Node, NodeConfig};

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
const TIMEOUT: Duration = Duration::from_secs(180);

/// Waits until every node has finalized block `number` and they agree on its hash.
async fn all_finalized_same(nodes: &[&Node], number: u64) -> Result<String> {
	let mut agreed: Option<String> = None;
	for node in nodes {
		let client = node.client().await?;
		let name = node.name().to_string();
		wait_for(
			&format!("{name} to finalize #{number}"),
			TIMEOUT,
			|| async {
				let (n, _) = rpc::finalized_head(&client).await?;
				Ok((n >= number).then_some(()))
			},
		)
		.await?;
		let hash = rpc::block_hash(&client, number)
			.await?
			.expect("finalized block is known");
		match &agreed {
			None => agreed = Some(hash),
			Some(h) => ensure!(
				h == &hash,
				"{name} finalized {hash} at #{number}, others {h}"
			),
		}
	}
	Ok(agreed.unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_finalize_and_survive_losing_one() -> Result<()> {
	let mut nodes = Vec::new();
	let first = Node::start(NodeConfig::local_validator(VALIDATORS[0], 1)).await?;
	let bootnode = first.multiaddr().await?;
	nodes.push(first);
	for (i, key) in VALIDATORS.iter().enumerate().skip(1) {
		let mut config = NodeConfig::local_validator(key, i as u8 + 1);
		config.bootnodes = vec![bootnode.clone()];
		nodes.push(Node::start(config).await?);
	}

	// All four finalize, and agree on every finalized block.
	let all: Vec<&Node> = nodes.iter().collect();
	all_finalized_same(&all, 3).await?;
	for n in 1..=3 {
		all_finalized_same(&all, n).await?;
	}

	// Stop Dave: three of four validators are still a GRANDPA supermajority.
	nodes[3].stop();
	assert!(!nodes[3].is_running());
	let alice = nodes[0].client().await?;
	let (stopped_at, _) = rpc::finalized_head(&alice).await?;
	let three: Vec<&Node> = nodes[..3].iter().collect();
	all_finalized_same(&three, stopped_at + 4).await?;

	// Restart Dave: it syncs and reaches the same finalized head as the others.
	nodes[3].restart().await?;
	let (target, _) = rpc::finalized_head(&alice).await?;
	let all: Vec<&Node> = nodes.iter().collect();
	all_finalized_same(&all, target + 2).await?;
	Ok(())
}
