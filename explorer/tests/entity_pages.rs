//! Model and inference-request pages and API over indexed history shaped like
//! the `Models` and `Inference` pallets' events and calls (written through the
//! indexer's own insert path), on SQLite and on a throwaway PostgreSQL server;
//! synchronous inferences (`Inference.infer_now`, `InferenceComputed`,
//! `SyncModelSet`) derived from decoded rows as the indexer derives them, the
//! migration that derives them for a database indexed before, and a fork
//! reverting them.

mod common;

use anyhow::Result;
use common::{Backend, TestDb};
use serde_json::{json, Value};
use tokio::sync::broadcast;
use verity_explorer::{
	db::{EntityEvent, EventRow, ExtrinsicRow, NewBlock},
	indexer, web, Db,
};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const EVE: &str = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";

fn entity(
	kind: &str,
	id: &str,
	block: i64,
	source: &str,
	idx: i64,
	name: &str,
	data: Value,
) -> EntityEvent {
	EntityEvent {
		kind: kind.into(),
		entity_id: id.into(),
		block_number: block,
		source: source.into(),
		idx,
		name: name.into(),
		data,
	}
}

fn block(n: u64, entity_events: Vec<EntityEvent>) -> NewBlock {
	NewBlock {
		number: n,
		hash: format!("0x{:064x}", n + 1),
		parent_hash: format!("0x{:064x}", n),
		state_root: "0x00".into(),
		extrinsics_root: "0x00".into(),
		timestamp: Some(1_700_000_000_000 + n as i64 * 3000),
		spec_version: 100,
		digest: "{}".into(),
		entity_events,
		..Default::default()
	}
}

#[tokio::test]
async fn sqlite_model_and_request_pages() -> Result<()> {
	model_and_request_pages(Backend::Sqlite).await
}

#[tokio::test]
async fn postgres_model_and_request_pages() -> Result<()> {
	model_and_request_pages(Backend::Postgres).await
}

/// The descriptor of model version 0 (family 0): one output of 2 values
/// with 8 fractional bits.
fn descriptor() -> Value {
	json!({
		"version": "0x312e30",
		"onnx_hash": "0x8c7a26d8fc8420cd11e1f200adfca0531b5d6b666448847d6ba236275f65e2e7",
		"quantized_hash": "0x8ff8c9f5e001ddc10e164263ed07b1c5e4aa87863bf8e7aedfea14aea8bef166",
		"proving_key_hash": "0xde01d692a473fab5f67ed10a1f2ac2ea8eac0e276980a6f8de72345d88dd5f18",
		"act_bits": 16,
		"inputs": [{ "shape": [1, 64], "frac_bits": 4 }],
		"outputs": [{ "shape": [1, 2], "frac_bits": 8, "transform": "None" }],
		"supports_zk": true,
		"supports_vanilla": false,
	})
}

/// Blocks 0 and 1: genesis, then Alice registers model family 0, version 0.
fn registration_blocks() -> Vec<NewBlock> {
	let descriptor = descriptor();
	let register = json!({ "name": "0x6d6c705f64696769747338", "descriptor": descriptor, "verifying_key": "0x0102030405", "signer": ALICE, "outcome": ["ModelRegistered"] });
	let registered = json!({ "family": 0, "model_id": 0, "owner": ALICE, "quantized_hash": descriptor["quantized_hash"], "deposit": "2000000000000" });
	vec![
		block(0, vec![]),
		block(
			1,
			vec![
				entity(
					"model",
					"0",
					1,
					"event",
					3,
					"Models.ModelRegistered",
					registered.clone(),
				),
				entity(
					"version",
					"0",
					1,
					"event",
					3,
					"Models.ModelRegistered",
					registered,
				),
				entity(
					"model",
					"0",
					1,
					"call",
					1,
					"Models.register_model",
					register.clone(),
				),
				entity(
					"version",
					"0",
					1,
					"call",
					1,
					"Models.register_model",
					register,
				),
			],
		),
	]
}

/// Serves `db` on a free port (no node behind it); returns the port.
async fn serve(db: Db) -> Result<u16> {
	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
	let port = listener.local_addr()?.port();
	let (tx, _) = broadcast::channel(4);
	let state = web::AppState::new(db, tx, "ws://127.0.0.1:9".into());
	tokio::spawn(async move { axum::serve(listener, web::router(state)).await });
	Ok(port)
}

/// GET `path` as JSON, failing on a non-200 status.
async fn get_json(port: u16, path: &str) -> Result<Value> {
	let (status, body) = common::http_get(port, path).await?;
	anyhow::ensure!(status == 200, "{path}: {status} {body}");
	Ok(serde_json::from_str(&body)?)
}

async fn model_and_request_pages(backend: Backend) -> Result<()> {
	let Some(test_db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let db = Db::open(&test_db.url).await?;
	assert_eq!(db.is_postgres(), test_db.is_postgres());
	let descriptor = descriptor();
	let mut blocks = registration_blocks();
	blocks.push(block(
		2,
		vec![entity(
			"model",
			"0",
			2,
			"event",
			2,
			"Models.OwnershipTransferred",
			json!({ "family": 0, "from": ALICE, "to": BOB, "deposit": "2000000000000" }),
		)],
	));
	blocks.push(block(3, vec![
		entity("request", "5", 3, "event", 2, "Inference.Requested", json!({ "request_id": 5, "requester": ALICE, "model_id": 0, "mode": "Zk", "fee": "1000000000000", "executor": BOB, "open_at": 3, "deadline": 40 })),
		entity("request", "5", 3, "call", 1, "Inference.request", json!({ "model_id": 0, "input": [1, 2, 3], "mode": "Zk", "max_fee": "1000000000000", "deadline": 40, "signer": ALICE, "outcome": ["Requested"] })),
	]));
	blocks.push(block(4, vec![]));
	blocks.push(block(5, vec![
		entity("request", "5", 5, "event", 2, "Inference.InferenceVerified", json!({ "request_id": 5, "executor": BOB, "fee": "1000000000000" })),
		entity("request", "5", 5, "call", 1, "Inference.submit_result", json!({ "request_id": 5, "output": [384, -64], "proof": "0xabcdef", "signer": BOB, "outcome": ["InferenceVerified"] })),
	]));
	db.insert_blocks(&blocks).await?;
	// No node behind the server: model and request pages need none.
	let port = serve(db).await?;

	let model = get_json(port, "/api/model/0").await?;
	assert_eq!(model["model"]["name"], "mlp_digits8");
	assert_eq!(model["model"]["owner"], BOB);
	let v = &model["versions"][0];
	assert_eq!(v["label"], "1.0");
	assert_eq!(v["onnx_hash"], descriptor["onnx_hash"]);
	assert_eq!(v["proving_key_hash"], descriptor["proving_key_hash"]);
	assert_eq!(v["verifying_key_len"], 5);
	assert_eq!(v["status"], "active");

	let request = get_json(port, "/api/request/5").await?;
	assert_eq!(request["status"], "verified");
	assert_eq!(request["requester"], ALICE);
	assert_eq!(request["executor"], BOB);
	assert_eq!(request["mode"], "Zk");
	assert_eq!(request["input"], json!([1, 2, 3]));
	assert_eq!(request["output"], json!([384, -64]));
	assert_eq!(request["output_dequantized"], json!([1.5, -0.25]));
	assert_eq!(request["proof"], "0xabcdef");
	assert_eq!(request["requested_in"], 3);
	assert_eq!(request["verified_in"], 5);
	assert_eq!(request["latency_ms"], 6000);

	// The HTML pages show the same, and search finds the request.
	let (_, html) = common::http_get(port, "/model/0").await?;
	assert!(html.contains("mlp_digits8") && html.contains(BOB) && html.contains("0x8c7a26d8fc84"));
	let (_, html) = common::http_get(port, "/request/5").await?;
	assert!(
		html.contains("verified")
			&& html.contains("[1.5, -0.25]")
			&& html.contains("2 blocks, 6.0 s")
	);
	let search = get_json(port, "/api/search?q=request%205").await?;
	assert_eq!(search["url"], "/request/5");
	let (status, _) = common::http_get(port, "/version/0").await?;
	assert_eq!(status, 303);
	Ok(())
}

fn extrinsic(block: i64, idx: i64, call: &str, args: Value, signer: &str) -> ExtrinsicRow {
	let (pallet, call) = call.split_once('.').unwrap();
	ExtrinsicRow {
		block_number: block,
		idx,
		hash: format!("0x{:062x}{idx:02x}", block),
		pallet: pallet.into(),
		call: call.into(),
		args,
		signer: Some(signer.into()),
		success: true,
		len: 100,
		..Default::default()
	}
}

fn event(block: i64, idx: i64, extrinsic: i64, name: &str, fields: Value) -> EventRow {
	let (pallet, name) = name.split_once('.').unwrap();
	EventRow {
		block_number: block,
		idx,
		extrinsic_idx: Some(extrinsic),
		phase: "ApplyExtrinsic".into(),
		pallet: pallet.into(),
		name: name.into(),
		fields,
	}
}

/// Block `n` with these decoded extrinsics and events, and what the indexer
/// derives from them.
fn derived_block(n: u64, extrinsics: Vec<ExtrinsicRow>, events: Vec<EventRow>) -> NewBlock {
	let (entity_events, sync_inferences) = indexer::derive_rows(&extrinsics, &events);
	NewBlock {
		extrinsics,
		events,
		sync_inferences,
		..block(n, entity_events)
	}
}

/// `infer_now` of model 0 by `who` in block `n` (extrinsic 1, event 1).
fn infer_now_block(n: u64, who: &str, input: Value, output: Value) -> NewBlock {
	let b = n as i64;
	derived_block(
		n,
		vec![extrinsic(
			b,
			1,
			"Inference.infer_now",
			json!({ "model_id": 0, "input": input }),
			who,
		)],
		vec![
			event(
				b,
				0,
				1,
				"Balances.Withdraw",
				json!({ "who": who, "amount": 1000 }),
			),
			event(
				b,
				1,
				1,
				"Inference.InferenceComputed",
				json!({ "who": who, "model_id": 0, "work": 2400, "output": output }),
			),
			event(b, 2, 1, "System.ExtrinsicSuccess", json!({})),
		],
	)
}

/// Sudo's `set_sync_model(0, enabled)` in block `n`: `work` when enabled.
fn sync_model_set_block(n: u64, work: Option<u64>) -> NewBlock {
	let b = n as i64;
	derived_block(
		n,
		vec![extrinsic(
			b,
			1,
			"Sudo.sudo",
			json!({ "call": { "Inference": { "set_sync_model": { "model_id": 0, "enabled": work.is_some() } } } }),
			ALICE,
		)],
		vec![
			event(
				b,
				0,
				1,
				"Inference.SyncModelSet",
				json!({ "model_id": 0, "work": work }),
			),
			event(
				b,
				1,
				1,
				"Sudo.Sudid",
				json!({ "sudo_result": { "Ok": [] } }),
			),
		],
	)
}

#[tokio::test]
async fn sqlite_sync_inferences() -> Result<()> {
	sync_inferences(Backend::Sqlite).await
}

#[tokio::test]
async fn postgres_sync_inferences() -> Result<()> {
	sync_inferences(Backend::Postgres).await
}

async fn sync_inferences(backend: Backend) -> Result<()> {
	let Some(test_db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let db = Db::open(&test_db.url).await?;
	let mut blocks = registration_blocks();
	blocks.push(sync_model_set_block(2, Some(2400)));
	blocks.push(infer_now_block(3, EVE, json!([1, 2, 3]), json!([384, -64])));
	blocks.push(infer_now_block(4, ALICE, json!([4, 5, 6]), json!([256, 0])));
	db.insert_blocks(&blocks).await?;
	let port = serve(db.clone()).await?;

	// The version is enabled, with its work.
	let version = get_json(port, "/api/version/0").await?;
	assert_eq!(version["sync_enabled"], true, "{version}");
	assert_eq!(version["sync_work"], 2400);
	assert_eq!(version["sync_set_in"], 2);

	// Both inferences, newest first, with the call's input and the output
	// dequantized with the version's output format (8 fractional bits).
	let expected = json!([
		{
			"id": "4-1", "extrinsic_id": "4-1", "block_number": 4, "event_idx": 1,
			"extrinsic_idx": 1, "who": ALICE, "model_id": "0", "work": 2400,
			"output": [256, 0], "input": [4, 5, 6], "output_dequantized": [1.0, 0.0],
		},
		{
			"id": "3-1", "extrinsic_id": "3-1", "block_number": 3, "event_idx": 1,
			"extrinsic_idx": 1, "who": EVE, "model_id": "0", "work": 2400,
			"output": [384, -64], "input": [1, 2, 3], "output_dequantized": [1.5, -0.25],
		},
	]);
	assert_eq!(get_json(port, "/api/version/0/computed").await?, expected);
	assert_eq!(get_json(port, "/api/model/0/computed").await?, expected);
	assert_eq!(get_json(port, "/api/computed").await?, expected);
	assert_eq!(
		get_json(port, "/api/computed?limit=1").await?,
		json!([expected[0]])
	);
	let eve = get_json(port, &format!("/api/account/{EVE}")).await?;
	assert_eq!(eve["computed"], json!([expected[1]]));
	for missing in ["/api/model/7/computed", "/api/version/7/computed"] {
		assert_eq!(common::http_get(port, missing).await?.0, 404, "{missing}");
	}

	// Pages: the model page's status and list, the account page, the
	// extrinsic page's summary and the block page's one-line summary.
	let (_, html) = common::http_get(port, "/model/0").await?;
	assert!(html.contains("enabled (work 2400)"), "{html}");
	assert!(html.contains("id=\"sync-inferences\""));
	assert!(html.contains("[384,-64]") && html.contains("[1.5, -0.25]"));
	assert!(html.contains("[256,0]") && html.contains("[1.0, 0.0]"));
	let (_, html) = common::http_get(port, &format!("/account/{EVE}")).await?;
	assert!(html.contains("[384,-64]") && !html.contains("[256,0]"));
	let (_, html) = common::http_get(port, "/extrinsic/3-1").await?;
	assert!(html.contains("class=\"extrinsic-sync\""), "{html}");
	assert!(html.contains("2400 work units") && html.contains("[1.5, -0.25]"));
	let (_, html) = common::http_get(port, "/block/3").await?;
	assert!(html.contains("model 0 · 3 input values"), "{html}");

	// Disabled later.
	db.insert_blocks(&[sync_model_set_block(5, None)]).await?;
	let version = get_json(port, "/api/version/0").await?;
	assert_eq!(version["sync_enabled"], false, "{version}");
	assert_eq!(version["sync_work"], Value::Null);
	let (_, html) = common::http_get(port, "/model/0").await?;
	assert!(html.contains(">disabled<"));

	// Enabled again, then the work bound set below its work.
	let bound = |n: u64, bound: u64| {
		let b = n as i64;
		derived_block(
			n,
			vec![],
			vec![event(
				b,
				0,
				1,
				"Inference.SyncWorkBoundSet",
				json!({ "bound": bound }),
			)],
		)
	};
	db.insert_blocks(&[
		sync_model_set_block(6, Some(2400)),
		bound(7, 1_000_000),
		bound(8, 2000),
	])
	.await?;
	assert_eq!(
		get_json(port, "/api/status").await?["sync_work_bound"],
		2000
	);
	let (_, html) = common::http_get(port, "/model/0").await?;
	assert!(
		html.contains("enabled (work 2400), above the work bound 2000: refused"),
		"{html}"
	);

	// A database indexed before synchronous inferences were derived has the
	// events but neither the rows nor the versions' history: opening it
	// derives them.
	for stmt in [
		"DELETE FROM sync_inferences",
		"DELETE FROM entity_events WHERE name LIKE 'Inference.Sync%'",
		"DELETE FROM meta WHERE key = 'schema_version'",
	] {
		sqlx::query(stmt).execute(db.pool()).await?;
	}
	assert_eq!(get_json(port, "/api/computed").await?, json!([]));
	assert_eq!(
		get_json(port, "/api/version/0").await?["sync_set_in"],
		Value::Null
	);
	assert_eq!(
		get_json(port, "/api/status").await?["sync_work_bound"],
		Value::Null
	);
	let migrated = Db::open(&test_db.url).await?;
	let port = serve(migrated.clone()).await?;
	assert_eq!(get_json(port, "/api/computed").await?, expected);
	assert_eq!(get_json(port, "/api/version/0").await?["sync_set_in"], 6);
	assert_eq!(
		get_json(port, "/api/status").await?["sync_work_bound"],
		2000
	);
	// Only once.
	sqlx::query("DELETE FROM sync_inferences")
		.execute(db.pool())
		.await?;
	drop(Db::open(&test_db.url).await?);
	assert_eq!(get_json(port, "/api/computed").await?, json!([]));

	// A fork below them removes them.
	migrated.insert_blocks(&blocks[3..]).await?;
	assert_eq!(get_json(port, "/api/computed").await?, expected);
	migrated.revert_above(3).await?;
	assert_eq!(get_json(port, "/api/computed").await?, json!([expected[1]]));
	Ok(())
}
