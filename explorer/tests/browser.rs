//! The web UI in a real browser (headless Chromium through chromedriver)
//! against an explorer indexing a live dev node: pages render the node's data,
//! the search box finds blocks, extrinsics and accounts, and a new block
//! appears on the home page without a reload.

mod common;

use std::time::Duration;

use anyhow::{anyhow, Result};
use common::{Browser, Explorer};
use fantoccini::{elements::Element, Client, Locator};
use verity_tests::{rpc, wait_for, Node, NodeConfig};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

async fn text(client: &Client, css: &str) -> Result<String> {
	Ok(client.find(Locator::Css(css)).await?.text().await?)
}

async fn search(client: &Client, base: &str, query: &str) -> Result<()> {
	client.goto(base).await?;
	let input: Element = client.find(Locator::Id("search")).await?;
	input.send_keys(query).await?;
	client
		.find(Locator::Css("form.search button"))
		.await?
		.click()
		.await?;
	// Wait for the result page (the form's GET lands on /search, then redirects).
	wait_for("search result page", Duration::from_secs(10), || async {
		let url = client.current_url().await?;
		let on_home = url.path() == "/";
		let title = client.title().await?;
		Ok((!on_home && !title.starts_with("Home")).then_some(()))
	})
	.await?;
	Ok(())
}

/// Block numbers in the home page's block table, top first.
async fn listed_blocks(client: &Client) -> Result<Vec<i64>> {
	let rows = client.find_all(Locator::Css("#blocks tbody tr")).await?;
	let mut out = Vec::new();
	for row in rows {
		let n = row
			.attr("data-number")
			.await?
			.ok_or_else(|| anyhow!("row without data-number"))?;
		out.push(n.parse()?);
	}
	Ok(out)
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_search_and_live_blocks_in_chromium() -> Result<()> {
	let node = Node::start(NodeConfig::dev()).await?;
	let node_client = node.client().await?;
	let dir = tempfile::tempdir()?;
	let explorer = Explorer::start(&node.ws_url(), &dir.path().join("explorer.db")).await?;
	explorer.wait_indexed(2).await?;
	let base = explorer.url();
	let browser = Browser::start().await?;
	let c = &browser.client;

	// Home: the latest blocks, newest first, with the node's hashes behind them.
	c.goto(&base).await?;
	assert!(c.title().await?.contains("Verity Explorer"));
	let listed = listed_blocks(c).await?;
	assert!(!listed.is_empty());
	assert!(
		listed.windows(2).all(|w| w[0] > w[1]),
		"newest first: {listed:?}"
	);

	// A new block appears without a reload: mark this document, wait for a
	// higher block in the table, and check the mark survived.
	c.execute("window.__notReloaded = 'yes'; return null;", vec![])
		.await?;
	let top = listed[0];
	let newer = wait_for(
		"a new block on the home page",
		Duration::from_secs(60),
		|| async {
			let now = listed_blocks(c).await?;
			Ok(now.first().copied().filter(|n| *n > top))
		},
	)
	.await?;
	let mark = c
		.execute("return window.__notReloaded || null;", vec![])
		.await?;
	assert_eq!(mark.as_str(), Some("yes"), "the page was not reloaded");
	// The pushed row links to the block's page, which shows the node's hash.
	let pushed_hash = rpc::block_hash(&node_client, newer as u64).await?.unwrap();
	let link = c
		.find(Locator::Css(&format!(
			"#blocks tbody tr[data-number='{newer}'] a"
		)))
		.await?;
	link.click().await?;
	wait_for("block page", Duration::from_secs(10), || async {
		Ok((text(c, "#block-number").await.ok() == Some(newer.to_string())).then_some(()))
	})
	.await?;
	assert_eq!(text(c, "#block-hash").await?, pushed_hash);

	// A block page shows the hash the node returns for that number.
	c.goto(&format!("{base}/block/2")).await?;
	let hash2 = rpc::block_hash(&node_client, 2).await?.unwrap();
	assert_eq!(text(c, "#block-hash").await?, hash2);
	assert!(text(c, "#extrinsics").await?.contains("Timestamp.set"));

	// Search: a block hash leads to its block...
	let hash1 = rpc::block_hash(&node_client, 1).await?.unwrap();
	search(c, &base, &hash1).await?;
	assert_eq!(text(c, "#block-number").await?, "1");
	assert_eq!(text(c, "#block-hash").await?, hash1);
	// ...a number to the block...
	search(c, &base, "2").await?;
	assert_eq!(text(c, "#block-hash").await?, hash2);
	// ...an extrinsic id to the extrinsic...
	search(c, &base, "1-0").await?;
	assert_eq!(text(c, "#extrinsic-id").await?, "1-0");
	assert_eq!(text(c, "#extrinsic-call").await?, "Timestamp.set");
	assert!(text(c, "#extrinsic-result").await?.contains("success"));
	// ...an account to its page with its live balance...
	search(c, &base, ALICE).await?;
	assert_eq!(text(c, "#account-address").await?, ALICE);
	assert_eq!(text(c, "#account-free").await?, "1,000,000 VRT");
	// ...and nonsense to a clear message.
	search(c, &base, "no-such-thing").await?;
	assert!(text(c, "#message").await?.contains("Nothing matches"));

	// The events of block 1 link to event pages.
	c.goto(&format!("{base}/block/1")).await?;
	c.find(Locator::Css("#events tbody tr a"))
		.await?
		.click()
		.await?;
	wait_for("event page", Duration::from_secs(10), || async {
		Ok(text(c, "#event-id")
			.await
			.ok()
			.filter(|id| id.starts_with("1-")))
	})
	.await?;
	assert!(!text(c, "#event-name").await?.is_empty());

	// Model and request lists render (empty until the pallets are used).
	c.goto(&format!("{base}/models")).await?;
	assert_eq!(text(c, "h1").await?, "Models");
	c.goto(&format!("{base}/requests")).await?;
	assert_eq!(text(c, "h1").await?, "Inference requests");

	// A picture of the home page for people (target/explorer-home.png).
	c.goto(&base).await?;
	if let Ok(png) = c.screenshot().await {
		let _ = std::fs::write(dir.path().join("home.png"), &png);
		if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
			let _ = std::fs::write(std::path::Path::new(&target).join("explorer-home.png"), png);
		}
	}

	browser.close().await?;
	Ok(())
}
