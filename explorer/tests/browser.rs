//! The web UI in a real browser (headless Chromium through chromedriver)
//! against an explorer indexing a live dev node: pages render the node's data,
//! the search box finds blocks, extrinsics and accounts, and a new block
//! appears on the home page without a reload. A model registered and an
//! inference served on a live executor node show on the model and request
//! pages as the `verity` CLI reported them.

mod common;

use std::time::Duration;

use anyhow::{anyhow, Context, Result};
use common::{Backend, Browser, Explorer, TestDb};
use fantoccini::{elements::Element, Client, Locator};
use serde_json::Value;
use verity_tests::cli::{cli_binary, Cli, ExampleModel};
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
	// Generous: Chromium is slow on a 2-core machine that is also compiling.
	wait_for(
		&format!("search result page for '{query}'"),
		Duration::from_secs(30),
		|| async {
			let url = client.current_url().await?;
			let on_home = url.path() == "/";
			let title = client.title().await?;
			Ok((!on_home && !title.starts_with("Home")).then_some(()))
		},
	)
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
	let db = TestDb::new(Backend::Sqlite)?.expect("SQLite needs no server");
	let explorer = Explorer::start(&node.ws_url(), &db).await?;
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
		let _ = std::fs::write(db.dir.path().join("home.png"), &png);
		if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
			let _ = std::fs::write(std::path::Path::new(&target).join("explorer-home.png"), png);
		}
	}

	browser.close().await?;
	Ok(())
}

/// `q / 2^frac_bits` for every output value, from the model's output formats
/// as `verity model show` reports them.
fn dequantize(quantized: &Value, outputs: &Value) -> Vec<f64> {
	let mut bits = Vec::new();
	for o in outputs.as_array().expect("outputs") {
		let n: u64 = o["shape"]
			.as_array()
			.expect("shape")
			.iter()
			.map(|d| d.as_u64().unwrap())
			.product();
		bits.extend(std::iter::repeat_n(
			o["frac_bits"].as_u64().unwrap(),
			n as usize,
		));
	}
	let q = quantized.as_array().expect("quantized output");
	assert_eq!(q.len(), bits.len(), "one format per output value");
	q.iter()
		.zip(bits)
		.map(|(q, b)| q.as_i64().unwrap() as f64 / (1u64 << b) as f64)
		.collect()
}

/// A dev node with an explorer indexing it, and mlp_digits8 registered on it
/// by Alice with the `verity` CLI as `digits8` 1.0.0.
struct LiveModel {
	// Dropped in this order: the explorer, then the node, then its database.
	explorer: Explorer,
	cli: Cli,
	_node: Node,
	_db: TestDb,
	example: ExampleModel,
	/// `verity model register`'s JSON.
	registered: Value,
	/// `verity model show`'s JSON.
	shown: Value,
	model_id: u64,
	family: u64,
}

impl LiveModel {
	/// Starts the node (named `name`, with `extra_args`) and the explorer on
	/// SQLite, and registers the model.
	async fn start(name: &str, extra_args: &[&str]) -> Result<Self> {
		let mut config = NodeConfig::dev();
		config.name = name.into();
		config
			.extra_args
			.extend(extra_args.iter().map(|a| a.to_string()));
		let node = Node::start(config).await?;
		let db = TestDb::new(Backend::Sqlite)?.expect("SQLite needs no server");
		let explorer = Explorer::start(&node.ws_url(), &db).await?;
		let cli = Cli::new(cli_binary(), node.ws_url())?;
		let example = ExampleModel::new("mlp_digits8");
		let registered = cli.register(&example, "digits8", "1.0.0", &["--out", "digits8"])?;
		let model_id = registered["model_id"].as_u64().context("model_id")?;
		let family = registered["family"].as_u64().context("family")?;
		let shown = cli.json(&["model", "show", &model_id.to_string()])?;
		Ok(Self {
			explorer,
			cli,
			_node: node,
			_db: db,
			example,
			registered,
			shown,
			model_id,
			family,
		})
	}
}

/// A model registered and a Zk request served on a live executor node, with
/// the `verity` CLI: the explorer's model and request pages (in Chromium) and
/// API show what the CLI reported, and search finds the request by id.
#[tokio::test(flavor = "multi_thread")]
async fn model_and_request_pages_for_a_live_inference() -> Result<()> {
	// --- The CLI registers a model (artifacts uploaded to the node), Alice
	// bonds as executor (the node's dev key), Bob requests a Zk inference.
	let live = LiveModel::start("explorer-executor", &["--executor"]).await?;
	let LiveModel {
		explorer,
		cli,
		example,
		registered,
		shown,
		model_id,
		family,
		..
	} = &live;
	let (model_id, family) = (*model_id, *family);
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let infer = cli.infer(model_id, &example.sample, "zk", "//Bob", Some(180))?;
	let request_id = infer["request_id"].as_u64().context("request_id")?;
	let result = &infer["result"];
	assert_eq!(result["status"], "verified", "{infer}");
	let stored = cli.json(&["result", &request_id.to_string()])?;
	assert_eq!(stored["status"], "verified", "{stored}");
	let requested_in = infer["block"].as_i64().context("request block")?;
	let verified_in = result["block"].as_i64().context("result block")?;
	explorer.wait_indexed(verified_in).await?;

	// --- JSON API: the model family and its version.
	let model = explorer.json(&format!("/api/model/{family}")).await?;
	assert_eq!(model["model"]["name"], "digits8", "{model}");
	assert_eq!(model["model"]["owner"], registered["owner"]);
	assert_eq!(model["model"]["registered_in"], registered["block"]);
	let versions = model["versions"].as_array().context("versions")?;
	assert_eq!(versions.len(), 1, "{model}");
	let v = &versions[0];
	assert_eq!(v["model_id"], model_id.to_string());
	assert_eq!(v["label"], "1.0.0");
	assert_eq!(v["status"], "active");
	for hash in ["onnx_hash", "quantized_hash", "proving_key_hash"] {
		assert_eq!(v[hash], registered[hash], "{hash}");
		assert_eq!(v[hash], shown[hash], "{hash}");
	}
	assert_eq!(v["verifying_key_len"], shown["verifying_key"]["bytes"]);
	assert_eq!(v["supports_zk"], true);
	assert_eq!(v["registered_in"], registered["block"]);

	// --- JSON API: the request, as the CLI saw it.
	let expected_real = dequantize(&stored["output"], &shown["outputs"]);
	let r = explorer.json(&format!("/api/request/{request_id}")).await?;
	assert_eq!(r["status"], "verified", "{r}");
	assert_eq!(r["model_id"], model_id.to_string());
	assert_eq!(r["requester"], infer["requester"]);
	assert_eq!(r["requester"], stored["requester"]);
	assert_eq!(r["executor"], stored["executor"]);
	assert_eq!(r["executor"], infer["executor"]);
	assert_eq!(
		r["mode"].as_str().map(str::to_ascii_lowercase).as_deref(),
		infer["mode"].as_str()
	);
	assert_eq!(r["input"], stored["input"]);
	assert_eq!(r["output"], stored["output"]);
	assert_eq!(r["output"], result["outputs"][0]["quantized"]);
	let real: Vec<f64> = serde_json::from_value(r["output_dequantized"].clone())
		.with_context(|| format!("output_dequantized of {r}\nmodel version: {v}"))?;
	assert_eq!(real, expected_real);
	let proof = r["proof"].as_str().context("proof")?;
	assert!(
		proof.starts_with("0x") && proof.len() > 2 + 2 * 100,
		"a Groth16 proof: {proof}"
	);
	assert_eq!(r["requested_in"], requested_in);
	assert_eq!(r["verified_in"], verified_in);
	let time = |n: i64| {
		let explorer = &explorer;
		async move {
			let b = explorer.json(&format!("/api/block/{n}")).await?;
			b["block"]["timestamp"].as_i64().context("block timestamp")
		}
	};
	let latency = time(verified_in).await? - time(requested_in).await?;
	assert!(latency > 0);
	assert_eq!(r["latency_ms"], latency);
	// Search by request id.
	let found = explorer
		.json(&format!("/api/search?q=request%20{request_id}"))
		.await?;
	assert_eq!(found["url"], format!("/request/{request_id}"));

	// --- In Chromium: the model page and the request page found by search.
	let browser = Browser::start().await?;
	let c = &browser.client;
	let base = explorer.url();
	c.goto(&format!("{base}/model/{family}")).await?;
	assert_eq!(text(c, "#model-name").await?, "digits8");
	assert_eq!(
		text(c, "#model-owner").await?,
		registered["owner"].as_str().unwrap()
	);
	let version = format!("#version-{model_id}");
	assert_eq!(
		text(c, &format!("{version} .version-label")).await?,
		"1.0.0"
	);
	for (class, key) in [
		("onnx-hash", "onnx_hash"),
		("quantized-hash", "quantized_hash"),
		("proving-key-hash", "proving_key_hash"),
	] {
		assert_eq!(
			text(c, &format!("{version} + table .{class}")).await?,
			registered[key].as_str().unwrap(),
			"{key} on the model page"
		);
	}
	assert_eq!(
		text(c, &format!("{version} + table .verifying-key")).await?,
		format!("{} bytes", shown["verifying_key"]["bytes"])
	);

	search(c, &base, &format!("request {request_id}")).await?;
	assert_eq!(
		c.current_url().await?.path(),
		format!("/request/{request_id}")
	);
	assert_eq!(text(c, "#request-id").await?, request_id.to_string());
	assert_eq!(text(c, "#request-status").await?, "verified");
	assert_eq!(text(c, "#request-model").await?, model_id.to_string());
	assert_eq!(
		text(c, "#request-requester").await?,
		infer["requester"].as_str().unwrap()
	);
	assert_eq!(
		text(c, "#request-executor").await?,
		stored["executor"].as_str().unwrap()
	);
	assert!(text(c, "#request-mode")
		.await?
		.eq_ignore_ascii_case(infer["mode"].as_str().unwrap()));
	assert_eq!(
		text(c, "#request-input").await?,
		stored["input"].to_string()
	);
	assert_eq!(
		text(c, "#request-output").await?,
		stored["output"].to_string()
	);
	assert_eq!(
		text(c, "#request-output-real").await?,
		format!("{expected_real:?}")
	);
	assert_eq!(text(c, "#request-proof").await?, proof);
	assert_eq!(
		text(c, "#request-requested-in").await?,
		requested_in.to_string()
	);
	assert_eq!(
		text(c, "#request-verified-in").await?,
		verified_in.to_string()
	);
	assert_eq!(
		text(c, "#request-latency").await?,
		format!(
			"{} blocks, {:.1} s",
			verified_in - requested_in,
			latency as f64 / 1000.0
		)
	);
	browser.close().await?;
	Ok(())
}

/// Synchronous inference on a live dev node with the `verity` CLI: Alice
/// registers mlp_digits8 and enables it (`model sync`, through sudo), Eve runs
/// it with `infer --now`; the explorer's API returns that inference with the
/// exact output the CLI printed (for the version, the family, the account and
/// the extrinsic), the version's sync status and work, and in Chromium the
/// model page lists it and the account page shows it.
#[tokio::test(flavor = "multi_thread")]
async fn sync_inference_on_model_and_account_pages() -> Result<()> {
	let live = LiveModel::start("explorer-sync", &[]).await?;
	let LiveModel {
		explorer,
		cli,
		example,
		shown,
		model_id,
		family,
		..
	} = &live;
	let (model_id, family) = (*model_id, *family);
	let id = model_id.to_string();
	let enabled = cli.json(&["model", "sync", &id, "--suri", "//Alice"])?;
	let work = enabled["work"].as_u64().context("work units")?;
	let now = cli.json(&[
		"infer",
		&id,
		"--input",
		verity_tests::cli::path(&example.sample),
		"--now",
		"--suri",
		"//Eve",
	])?;
	assert_eq!(now["work"], work, "{now}");
	let block = now["block"].as_i64().context("block")?;
	let who = now["who"].as_str().context("who")?;
	explorer.wait_indexed(block).await?;

	// --- JSON API: the version is enabled with its work...
	let v = explorer.json(&format!("/api/version/{model_id}")).await?;
	assert_eq!(v["sync_enabled"], true, "{v}");
	assert_eq!(v["sync_work"], work);
	assert_eq!(v["sync_set_in"], enabled["block"]);
	// ...and the inference is listed with the CLI's output, dequantized with
	// the model's output formats.
	let list = explorer
		.json(&format!("/api/version/{model_id}/computed"))
		.await?;
	let list = list.as_array().context("a list")?;
	assert_eq!(list.len(), 1, "{list:?}");
	let c = &list[0];
	assert_eq!(c["output"], now["output"], "{c}");
	assert_eq!(c["who"], who);
	assert_eq!(c["model_id"], id);
	assert_eq!(c["work"], work);
	assert_eq!(c["block_number"], block);
	let expected_real = dequantize(&now["output"], &shown["outputs"]);
	let real: Vec<f64> = serde_json::from_value(c["output_dequantized"].clone())?;
	assert_eq!(real, expected_real);
	let quantized: Vec<Value> = now["outputs"]
		.as_array()
		.context("outputs")?
		.iter()
		.flat_map(|o| o["quantized"].as_array().cloned().unwrap_or_default())
		.collect();
	assert_eq!(c["output"], Value::Array(quantized));
	let input = c["input"].as_array().context("the call's input")?;
	assert_eq!(input.len(), 64, "mlp_digits8 takes 8×8 values");
	// The same entry for the family, the account and the latest list.
	for path in [
		format!("/api/model/{family}/computed"),
		"/api/computed".to_string(),
	] {
		assert_eq!(
			explorer.json(&path).await?,
			Value::Array(list.clone()),
			"{path}"
		);
	}
	let account = explorer.json(&format!("/api/account/{who}")).await?;
	assert_eq!(account["computed"], Value::Array(list.clone()));
	// The extrinsic is Eve's infer_now, in the block the CLI reported.
	let extrinsic_id = c["extrinsic_id"].as_str().context("extrinsic id")?;
	let x = explorer
		.json(&format!("/api/extrinsic/{extrinsic_id}"))
		.await?;
	assert_eq!(x["extrinsic"]["call"], "infer_now", "{x}");
	assert_eq!(x["extrinsic"]["signer"], who);
	assert_eq!(x["extrinsic"]["args"]["input"], c["input"]);
	let b = explorer.json(&format!("/api/block/{block}")).await?;
	assert_eq!(b["block"]["hash"], now["block_hash"]);

	// --- In Chromium: the model page's status and list, the account page.
	let browser = Browser::start().await?;
	let cl = &browser.client;
	let base = explorer.url();
	let output = now["output"].to_string();
	cl.goto(&format!("{base}/model/{family}")).await?;
	assert_eq!(
		text(cl, &format!("#version-{model_id} + table .sync-status")).await?,
		format!("enabled (work {work})")
	);
	for page in [
		format!("{base}/model/{family}"),
		format!("{base}/account/{who}"),
	] {
		cl.goto(&page).await?;
		let rows = cl
			.find_all(Locator::Css("#sync-inferences tbody tr"))
			.await?;
		assert_eq!(rows.len(), 1, "{page}");
		let cell = |class: &str| {
			let row = &rows[0];
			let css = format!(".{class}");
			async move { row.find(Locator::Css(&css)).await }
		};
		assert_eq!(
			cell("sync-output").await?.attr("title").await?.as_deref(),
			Some(output.as_str()),
			"{page}"
		);
		assert_eq!(cell("sync-work").await?.text().await?, work.to_string());
		assert_eq!(cell("sync-model").await?.text().await?, id);
		assert_eq!(
			cell("sync-who")
				.await?
				.find(Locator::Css("a"))
				.await?
				.attr("href")
				.await?,
			Some(format!("/account/{who}"))
		);
		assert_eq!(
			cell("sync-output-real").await?.attr("title").await?,
			Some(format!("{expected_real:?}"))
		);
	}
	// The extrinsic page says what it computed.
	cl.goto(&format!("{base}/extrinsic/{extrinsic_id}")).await?;
	let summary = text(cl, ".extrinsic-sync").await?;
	assert!(
		summary.contains(&output) && summary.contains(&format!("{work} work units")),
		"{summary}"
	);
	browser.close().await?;
	Ok(())
}

/// The setup ceremony on a live dev node: the `verity` CLI registers
/// mlp_digits8, which starts its key ceremony; Alice's node (the dev chain's
/// only validator) contributes on its own and the key becomes final (the CLI
/// waits for it). The explorer's API shows the insecure development SRS and
/// the key ceremony exactly as `verity ceremony status` reports them, and in
/// Chromium the home page, the phase-1 page, the model page and the key
/// ceremony page (reached by its link and by search) show them.
#[tokio::test(flavor = "multi_thread")]
async fn ceremony_pages_for_a_live_model() -> Result<()> {
	let live = LiveModel::start("explorer-ceremony", &[]).await?;
	let LiveModel {
		explorer,
		cli,
		registered,
		shown,
		model_id,
		family,
		..
	} = &live;
	let (model_id, family) = (*model_id, *family);
	let id = model_id.to_string();
	assert_eq!(registered["status"], "final", "{registered}");
	let srs_cli = cli.json(&["ceremony", "status"])?;
	let key_cli = cli.json(&["ceremony", "status", &id])?;
	assert_eq!(key_cli["status"], "final", "{key_cli}");
	let contributions = key_cli["contributions"]
		.as_array()
		.context("contributions")?
		.clone();
	assert!(!contributions.is_empty(), "{key_cli}");
	let final_in = contributions
		.iter()
		.filter_map(|c| c["block"].as_i64())
		.max()
		.context("contribution block")?;

	// --- JSON API: the key ceremony as the CLI reported it, once the
	// explorer indexed its last contribution and read the key's state.
	explorer.wait_indexed(final_in).await?;
	let key = wait_for(
		"the final key in the explorer",
		Duration::from_secs(60),
		|| async {
			let k = explorer
				.json(&format!("/api/version/{id}/ceremony"))
				.await?;
			Ok((k["status"] == "final" && !k["verifying_key_hash"].is_null()).then_some(k))
		},
	)
	.await?;
	assert_eq!(key["model_id"], id);
	assert_eq!(key["domain_size"], key_cli["domain_size"], "{key}");
	assert_eq!(key["domain_size"], registered["domain_size"]);
	assert_eq!(key["round"], key_cli["round"]);
	assert_eq!(key["started_in"], key_cli["started_at"]);
	assert_eq!(key["started_in"], registered["block"]);
	assert_eq!(key["participants"], key_cli["order"]);
	assert_eq!(key["transcript"], key_cli["transcript"]);
	assert_eq!(key["finalized_in"], final_in);
	assert_eq!(key["proving_key"], key_cli["final_proving_key_hash"]);
	assert_eq!(key["proving_key"], registered["proving_key_hash"]);
	assert_eq!(
		key["verifying_key_hash"],
		key_cli["final_verifying_key_hash"]
	);
	assert_eq!(key["verifying_key_hash"], registered["verifying_key_hash"]);
	assert_eq!(key["verifying_key_len"], key_cli["verifying_key"]["bytes"]);
	assert_eq!(key["srs_insecure"], true);
	assert_eq!(key_cli["insecure_srs"], true);
	let listed = key["contributions"].as_array().context("contributions")?;
	assert_eq!(listed.len(), contributions.len(), "{key}");
	for (e, c) in listed.iter().zip(&contributions) {
		assert_eq!(e["who"], c["contributor"], "{e}");
		assert_eq!(e["block"], c["block"]);
		assert_eq!(e["proving_key"], c["proving_key_hash"]);
		assert_eq!(e["transcript"], c["transcript"]);
	}
	assert_eq!(
		registered["contributors"],
		Value::Array(listed.iter().map(|c| c["who"].clone()).collect())
	);
	// The model version: the key's status and the ceremony's final keys.
	let v = explorer.json(&format!("/api/version/{id}")).await?;
	assert_eq!(v["key_status"], "final", "{v}");
	assert_eq!(v["proving_key_hash"], shown["proving_key_hash"]);
	assert_eq!(v["verifying_key_hash"], shown["verifying_key"]["hash"]);
	assert_eq!(v["verifying_key_len"], shown["verifying_key"]["bytes"]);
	assert_eq!(v["zk"]["domain_size"], registered["domain_size"]);
	assert_eq!(v["srs_insecure"], true);
	// Phase 1: the insecure development SRS, final at genesis, no events.
	let srs = explorer.json("/api/ceremony").await?;
	assert_eq!(srs["status"], "final", "{srs}");
	assert_eq!(srs["status"], srs_cli["phase"]);
	assert_eq!(srs["insecure"], true);
	assert_eq!(srs["insecure"], srs_cli["insecure"]);
	assert_eq!(srs["max_domain"], srs_cli["max_domain"]);
	assert_eq!(srs["final_srs_hash"], srs_cli["final_srs_hash"]);
	assert_eq!(srs["contributions"], serde_json::json!([]));
	let status = explorer.json("/api/status").await?;
	assert_eq!(status["srs"]["insecure"], true, "{status}");
	assert_eq!(status["srs"]["status"], "final");

	// --- In Chromium.
	let browser = Browser::start().await?;
	let c = &browser.client;
	let base = explorer.url();
	// The home page's card leads to the phase-1 page, marked insecure.
	c.goto(&base).await?;
	assert_eq!(text(c, "#card-srs-status").await?, "final");
	assert_eq!(text(c, "#card-srs-insecure").await?, "INSECURE");
	c.find(Locator::Id("card-srs")).await?.click().await?;
	wait_for("the ceremony page", Duration::from_secs(10), || async {
		Ok((c.current_url().await?.path() == "/ceremony").then_some(()))
	})
	.await?;
	assert_eq!(text(c, "#srs-status").await?, "final");
	assert_eq!(text(c, "#srs-insecure").await?, "INSECURE development SRS");
	assert!(text(c, "#srs-insecure-note")
		.await?
		.contains("insecure development SRS"));
	assert_eq!(
		text(c, "#srs-max-domain").await?,
		srs_cli["max_domain"].to_string()
	);
	assert!(text(c, "#srs-phase").await?.contains("final at genesis"));
	assert_eq!(text(c, "#srs-final-hash").await?, "none (development SRS)");
	// The model page: the key's status, its final keys, the link.
	c.goto(&format!("{base}/model/{family}")).await?;
	let version = format!("#version-{model_id} + table");
	assert_eq!(text(c, &format!("{version} .key-status")).await?, "final");
	assert_eq!(
		text(c, &format!("{version} .srs-insecure")).await?,
		"INSECURE dev SRS"
	);
	assert_eq!(
		text(c, &format!("{version} .proving-key-hash")).await?,
		registered["proving_key_hash"].as_str().unwrap()
	);
	assert_eq!(
		text(c, &format!("{version} .verifying-key-hash")).await?,
		registered["verifying_key_hash"].as_str().unwrap()
	);
	assert_eq!(
		text(c, &format!("{version} .verifying-key")).await?,
		format!("{} bytes", shown["verifying_key"]["bytes"])
	);
	c.find(Locator::Css(&format!("{version} a.key-ceremony")))
		.await?
		.click()
		.await?;
	let key_page = format!("/version/{model_id}/ceremony");
	wait_for("the key ceremony page", Duration::from_secs(10), || async {
		Ok((c.current_url().await?.path() == key_page).then_some(()))
	})
	.await?;
	assert_eq!(text(c, "#key-status").await?, "final");
	assert_eq!(
		text(c, "#key-srs-insecure").await?,
		"INSECURE development SRS"
	);
	assert_eq!(
		text(c, "#key-domain-size").await?,
		key_cli["domain_size"].to_string()
	);
	assert_eq!(
		text(c, "#key-proving-key").await?,
		key_cli["final_proving_key_hash"].as_str().unwrap()
	);
	assert_eq!(
		text(c, "#key-verifying-key-hash").await?,
		key_cli["final_verifying_key_hash"].as_str().unwrap()
	);
	assert_eq!(
		text(c, "#key-verifying-key-len").await?,
		key_cli["verifying_key"]["bytes"].to_string()
	);
	assert_eq!(text(c, "#key-finalized-in").await?, final_in.to_string());
	let rows = c
		.find_all(Locator::Css("#key-contributions tbody tr"))
		.await?;
	assert_eq!(rows.len(), contributions.len());
	for (row, expected) in rows.iter().zip(&contributions) {
		let who = expected["contributor"].as_str().unwrap();
		assert_eq!(
			row.find(Locator::Css(".contributor a"))
				.await?
				.attr("href")
				.await?,
			Some(format!("/account/{who}"))
		);
		assert_eq!(
			row.find(Locator::Css(".block")).await?.text().await?,
			expected["block"].to_string()
		);
		assert_eq!(
			row.find(Locator::Css(".proving-key")).await?.text().await?,
			expected["proving_key_hash"].as_str().unwrap()
		);
		assert_eq!(
			row.find(Locator::Css(".transcript")).await?.text().await?,
			expected["transcript"].as_str().unwrap()
		);
	}
	// Search finds both pages.
	search(c, &base, &format!("ceremony {model_id}")).await?;
	assert_eq!(c.current_url().await?.path(), key_page);
	search(c, &base, "ceremony").await?;
	assert_eq!(c.current_url().await?.path(), "/ceremony");
	browser.close().await?;
	Ok(())
}
