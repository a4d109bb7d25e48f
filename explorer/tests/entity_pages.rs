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
		entity("request", "5", 3, "event", 2, "Inference.Requested", json!({ "request_id": 5, "requester": ALICE, "model_id": 0, "mode": "Zk", "fee": "1000000000000", "deadline": 40 })),
		entity("request", "5", 3, "call", 1, "Inference.request", json!({ "model_id": 0, "input": [1, 2, 3], "mode": "Zk", "max_fee": "1000000000000", "deadline": 40, "signer": ALICE, "outcome": ["Requested"] })),
	]));
	blocks.push(block(
		4,
		vec![entity(
			"request",
			"5",
			4,
			"event",
			0,
			"Inference.Assigned",
			json!({ "request_id": 5, "executor": BOB, "window_end": 24 }),
		)],
	));
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

const CHARLIE: &str = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

/// An event of block `n` from `on_initialize` (no extrinsic).
fn init_event(block: i64, idx: i64, name: &str, fields: Value) -> EventRow {
	EventRow {
		extrinsic_idx: None,
		phase: "Initialization".into(),
		..event(block, idx, 0, name, fields)
	}
}

fn hash(byte: u8) -> String {
	format!("0x{}", hex::encode([byte; 32]))
}

/// A verifying key's bytes as the runtime API returns them, and its
/// blake2-256 hash.
fn verifying_key() -> (String, String) {
	let bytes: Vec<u8> = (0..770u32).map(|i| (i % 251) as u8).collect();
	(
		format!("0x{}", hex::encode(&bytes)),
		format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(&bytes))),
	)
}

/// Alice registers family `family` with zk version `model_id` in block `n`
/// (extrinsic 1): `Models.ModelRegistered`, then the key ceremony starts
/// (`Ceremony.KeyCeremonyStarted`), as `register_model` emits them.
fn zk_registration_block(n: u64, family: u64, model_id: u64, participants: u64) -> NewBlock {
	let b = n as i64;
	let mut descriptor = descriptor();
	let d = descriptor.as_object_mut().unwrap();
	d.remove("proving_key_hash");
	d.insert(
		"zk".into(),
		json!({ "domain_size": 1024, "owner_contributes": false }),
	);
	derived_block(
		n,
		vec![extrinsic(
			b,
			1,
			"Models.register_model",
			json!({ "name": "0x6d6c705f7a6b", "descriptor": descriptor }),
			ALICE,
		)],
		vec![
			event(
				b,
				0,
				1,
				"Models.ModelRegistered",
				json!({ "family": family, "model_id": model_id, "owner": ALICE, "quantized_hash": descriptor["quantized_hash"], "deposit": "3000000000000" }),
			),
			event(
				b,
				1,
				1,
				"Ceremony.KeyCeremonyStarted",
				json!({ "model_id": model_id, "domain_size": 1024, "round": 1, "participants": participants }),
			),
			event(b, 2, 1, "System.ExtrinsicSuccess", json!({})),
		],
	)
}

/// A phase-1 ceremony among Alice, Bob and Charlie (blocks 1 to 12): Alice's
/// contribution accepted, Bob's refused, Charlie's turn skipped, the beacon
/// (block 9's hash) applied in 10, sealed in 12.
fn phase1_blocks() -> Vec<NewBlock> {
	let call = |n: u64, call: &str, who: &str, events: Vec<(&str, Value)>| {
		let b = n as i64;
		let mut rows: Vec<EventRow> = events
			.into_iter()
			.enumerate()
			.map(|(i, (name, fields))| event(b, i as i64, 1, name, fields))
			.collect();
		rows.push(event(
			b,
			rows.len() as i64,
			1,
			"System.ExtrinsicSuccess",
			json!({}),
		));
		derived_block(n, vec![extrinsic(b, 1, call, json!({}), who)], rows)
	};
	let init = |n: u64, events: Vec<(&str, Value)>| {
		let b = n as i64;
		derived_block(
			n,
			vec![],
			events
				.into_iter()
				.enumerate()
				.map(|(i, (name, fields))| init_event(b, i as i64, name, fields))
				.collect(),
		)
	};
	vec![
		block(0, vec![]),
		init(
			1,
			vec![(
				"Ceremony.SrsRoundStarted",
				json!({ "round": 1, "participants": 3 }),
			)],
		),
		call(
			2,
			"Ceremony.contribute_srs",
			ALICE,
			vec![(
				"Ceremony.SrsContributed",
				json!({ "who": ALICE, "srs_hash": hash(0xa1) }),
			)],
		),
		call(
			3,
			"Ceremony.attest_srs",
			BOB,
			vec![
				(
					"Ceremony.SrsAttested",
					json!({ "who": BOB, "srs_hash": hash(0xa1), "ok": true }),
				),
				(
					"Ceremony.SrsAccepted",
					json!({ "who": ALICE, "srs_hash": hash(0xa1), "transcript": hash(0x71) }),
				),
			],
		),
		call(
			4,
			"Ceremony.contribute_srs",
			BOB,
			vec![(
				"Ceremony.SrsContributed",
				json!({ "who": BOB, "srs_hash": hash(0xb1) }),
			)],
		),
		call(
			5,
			"Ceremony.attest_srs",
			ALICE,
			vec![(
				"Ceremony.SrsAttested",
				json!({ "who": ALICE, "srs_hash": hash(0xb1), "ok": false }),
			)],
		),
		call(
			6,
			"Ceremony.attest_srs",
			CHARLIE,
			vec![
				(
					"Ceremony.SrsAttested",
					json!({ "who": CHARLIE, "srs_hash": hash(0xb1), "ok": false }),
				),
				(
					"Ceremony.SrsRefused",
					json!({ "who": BOB, "srs_hash": hash(0xb1) }),
				),
			],
		),
		init(
			7,
			vec![
				("Ceremony.SrsTurnSkipped", json!({ "who": CHARLIE })),
				("Ceremony.SrsBeaconScheduled", json!({ "at": 9 })),
			],
		),
		block(8, vec![]),
		block(9, vec![]),
		init(
			10,
			vec![(
				"Ceremony.SrsBeaconApplied",
				json!({ "block": 9, "beacon": hash(0xbe), "transcript": hash(0x72) }),
			)],
		),
		call(
			11,
			"Ceremony.seal_srs",
			ALICE,
			vec![(
				"Ceremony.SrsSealVote",
				json!({ "who": ALICE, "srs_hash": hash(0xf1) }),
			)],
		),
		// Bob's vote seals it; Charlie's node publishes Lagrange bases.
		derived_block(
			12,
			vec![
				extrinsic(12, 1, "Ceremony.seal_srs", json!({}), BOB),
				extrinsic(12, 2, "Ceremony.publish_bases", json!({}), CHARLIE),
			],
			vec![
				event(
					12,
					0,
					1,
					"Ceremony.SrsSealVote",
					json!({ "who": BOB, "srs_hash": hash(0xf1) }),
				),
				event(
					12,
					1,
					1,
					"Ceremony.SrsSealed",
					json!({ "srs_hash": hash(0xf1), "domains": 23 }),
				),
				event(12, 2, 1, "System.ExtrinsicSuccess", json!({})),
				event(
					12,
					3,
					2,
					"Ceremony.BasesPublished",
					json!({ "who": CHARLIE, "domain_size": 3072, "bases_hash": hash(0xb3) }),
				),
				event(12, 4, 2, "System.ExtrinsicSuccess", json!({})),
			],
		),
	]
}

/// `CeremonyApi::srs` (with `Ceremony::Timing`) as the indexer stores it.
fn srs_state(insecure: bool, srs_hash: Option<String>) -> Value {
	json!({
		"info": {
			"max_domain": 262144, "phase": "Final", "insecure": insecure, "head": "0x00",
			"transcript": hash(0x72), "srs_hash": srs_hash, "round": 1,
			"order": [ALICE, BOB, CHARLIE], "turn": null, "deadline": 107, "accepted": 1,
			"pending": null, "beacon": srs_hash.as_ref().map(|_| hash(0xbe)),
		},
		"timing": { "contribution": 40, "check": 100, "beacon_delay": 5 },
	})
}

#[tokio::test]
async fn sqlite_ceremony_pages() -> Result<()> {
	ceremony_pages(Backend::Sqlite).await
}

#[tokio::test]
async fn postgres_ceremony_pages() -> Result<()> {
	ceremony_pages(Backend::Postgres).await
}

/// Phase 1 among three validators and two key ceremonies (one final after a
/// skipped turn, one pending), derived from decoded events as the indexer
/// derives them, with the runtime state the indexer reads: the `/ceremony`
/// and `/version/N/ceremony` pages and API, the model page's key status,
/// `/api/status`; then the migration of a database indexed before (derived
/// once on open) and a fork reverting them.
async fn ceremony_pages(backend: Backend) -> Result<()> {
	use verity_explorer::ceremony::{key_state, SRS_STATE};
	let Some(test_db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let db = Db::open(&test_db.url).await?;
	let port = serve(db.clone()).await?;

	// Nothing yet: no ceremony on this chain as far as the explorer knows.
	assert_eq!(get_json(port, "/api/status").await?["srs"], Value::Null);
	assert_eq!(get_json(port, "/api/ceremony").await?["status"], "unknown");
	let (status, html) = common::http_get(port, "/ceremony").await?;
	assert_eq!(status, 200);
	assert!(html.contains("id=\"srs-no-state\""), "{html}");

	let mut blocks = phase1_blocks();
	blocks.push(zk_registration_block(13, 0, 0, 2));
	let b = 14;
	blocks.push(derived_block(
		14,
		vec![],
		vec![init_event(
			b,
			0,
			"Ceremony.KeyTurnSkipped",
			json!({ "model_id": 0, "who": CHARLIE }),
		)],
	));
	blocks.push(derived_block(
		15,
		vec![extrinsic(
			15,
			1,
			"Ceremony.contribute_key",
			json!({ "model_id": 0, "delta": "0x00", "proof": "0x00", "proving_key": hash(0xc1) }),
			ALICE,
		)],
		vec![
			event(
				15,
				0,
				1,
				"Ceremony.KeyContributed",
				json!({ "model_id": 0, "who": ALICE, "proving_key": hash(0xc1), "transcript": hash(0xd1) }),
			),
			event(
				15,
				1,
				1,
				"Ceremony.KeyFinalized",
				json!({ "model_id": 0, "proving_key": hash(0xc1), "contributions": 1 }),
			),
			event(15, 2, 1, "System.ExtrinsicSuccess", json!({})),
		],
	));
	blocks.push(zk_registration_block(16, 1, 1, 2));
	db.insert_blocks(&blocks).await?;
	// What the indexer reads at its head (block 16).
	let (vk, vk_hash) = verifying_key();
	db.set_runtime_state(SRS_STATE, 16, &srs_state(false, Some(hash(0xf1))))
		.await?;
	db.set_runtime_state(
		&key_state("0"),
		15,
		&json!({
			"status": "Final", "model_hash": descriptor()["quantized_hash"], "domain_size": 1024,
			"transcript": hash(0xd1), "proving_key": hash(0xc1), "round": 1,
			"order": [CHARLIE, ALICE], "turn": null, "deadline": 55,
			"contributions": [[ALICE, 15, hash(0xc1), hash(0xd1)]], "verifying_key": vk,
			"started_at": 13,
		}),
	)
	.await?;
	db.set_runtime_state(
		&key_state("1"),
		16,
		&json!({
			"status": "Pending", "model_hash": descriptor()["quantized_hash"], "domain_size": 1024,
			"transcript": hash(0xd2), "proving_key": null, "round": 1,
			"order": [ALICE, BOB], "turn": ALICE, "deadline": 56,
			"contributions": [], "verifying_key": "0x0102", "started_at": 16,
		}),
	)
	.await?;

	// --- Phase 1.
	let srs = get_json(port, "/api/ceremony").await?;
	assert_eq!(srs["status"], "final", "{srs}");
	assert_eq!(srs["insecure"], false);
	assert_eq!(srs["max_domain"], 262144);
	assert_eq!(srs["state_at"], 16);
	assert_eq!(srs["final_srs_hash"], hash(0xf1));
	assert_eq!(srs["sealed_in"], 12);
	assert_eq!(srs["domains"], 23);
	assert_eq!(srs["accepted"], 1);
	assert_eq!(
		srs["rounds"],
		json!([{ "round": 1, "participants": 3, "block": 1 }])
	);
	let c = srs["contributions"].as_array().unwrap();
	assert_eq!(c.len(), 2, "{srs}");
	assert_eq!(c[0]["who"], ALICE);
	assert_eq!(c[0]["block"], 2);
	assert_eq!(c[0]["event"], "2-0");
	assert_eq!(c[0]["srs_hash"], hash(0xa1));
	assert_eq!(c[0]["outcome"], "accepted");
	assert_eq!(c[0]["settled_in"], 3);
	assert_eq!(c[0]["transcript"], hash(0x71));
	assert_eq!(
		(c[0]["ok"].as_u64(), c[0]["bad"].as_u64()),
		(Some(2), Some(0))
	);
	assert_eq!(
		c[0]["attestations"],
		json!([{ "who": BOB, "ok": true, "block": 3 }])
	);
	assert_eq!(c[1]["who"], BOB);
	assert_eq!(c[1]["outcome"], "refused");
	assert_eq!(
		(c[1]["ok"].as_u64(), c[1]["bad"].as_u64()),
		(Some(1), Some(2))
	);
	assert_eq!(c[1]["transcript"], Value::Null);
	assert_eq!(
		srs["skipped"],
		json!([{ "round": 1, "who": CHARLIE, "block": 7 }])
	);
	assert_eq!(
		srs["beacon"],
		json!({ "scheduled_in": 7, "block": 9, "applied_in": 10, "value": hash(0xbe), "transcript": hash(0x72) })
	);
	assert_eq!(
		srs["seal_votes"],
		json!([
			{ "who": ALICE, "srs_hash": hash(0xf1), "block": 11 },
			{ "who": BOB, "srs_hash": hash(0xf1), "block": 12 },
		])
	);
	assert_eq!(
		srs["bases"],
		json!([{ "domain_size": 3072, "who": CHARLIE, "bases_hash": hash(0xb3), "block": 12 }])
	);
	assert_eq!(srs["timing"]["contribution"], 40);
	let status = get_json(port, "/api/status").await?;
	assert_eq!(
		status["srs"],
		json!({ "status": "final", "insecure": false, "max_domain": 262144, "final_srs_hash": hash(0xf1), "state_at": 16 })
	);
	let (_, html) = common::http_get(port, "/ceremony").await?;
	for needle in [
		"id=\"srs-status\">final<",
		"id=\"srs-max-domain\">262144<",
		"final: model key ceremonies may start",
		&hash(0xa1),
		&hash(0x71),
		&hash(0xbe),
		&hash(0xf1),
		">2 / 0<",
		">1 / 2<",
		"id=\"srs-skipped\"",
		"id=\"srs-seal-votes\"",
		"id=\"srs-bases\"",
		&hash(0xb3),
		"40 blocks per turn",
	] {
		assert!(html.contains(needle), "{needle} on /ceremony: {html}");
	}
	assert!(!html.contains("INSECURE"), "{html}");
	let (_, html) = common::http_get(port, "/").await?;
	assert!(html.contains("id=\"card-srs-status\">final<") && !html.contains("INSECURE"));
	assert_eq!(
		get_json(port, "/api/search?q=ceremony").await?["url"],
		"/ceremony"
	);

	// --- A final key (Charlie's turn skipped, Alice's contribution).
	let key = get_json(port, "/api/version/0/ceremony").await?;
	assert_eq!(key["status"], "final", "{key}");
	assert_eq!(key["domain_size"], 1024);
	assert_eq!(key["round"], 1);
	assert_eq!(key["started_in"], 13);
	assert_eq!(key["finalized_in"], 15);
	assert_eq!(key["proving_key"], hash(0xc1));
	assert_eq!(key["verifying_key_hash"], vk_hash);
	assert_eq!(key["verifying_key_len"], 770);
	assert_eq!(key["srs_insecure"], false);
	assert_eq!(key["turn"], Value::Null);
	assert_eq!(
		key["rounds"],
		json!([{ "round": 1, "participants": 2, "block": 13 }])
	);
	assert_eq!(
		key["contributions"],
		json!([{ "round": 1, "who": ALICE, "block": 15, "event": "15-0", "proving_key": hash(0xc1), "transcript": hash(0xd1), "refuted_by": [], "removed_in": null }])
	);
	assert_eq!(
		key["skipped"],
		json!([{ "round": 1, "who": CHARLIE, "block": 14 }])
	);
	let names: Vec<&str> = key["history"]
		.as_array()
		.unwrap()
		.iter()
		.map(|e| e["name"].as_str().unwrap())
		.collect();
	assert_eq!(
		names,
		[
			"Ceremony.KeyCeremonyStarted",
			"Ceremony.KeyTurnSkipped",
			"Ceremony.KeyContributed",
			"Ceremony.KeyFinalized"
		]
	);
	// The version: its key's status and the ceremony's final keys.
	let v = get_json(port, "/api/version/0").await?;
	assert_eq!(v["key_status"], "final", "{v}");
	assert_eq!(v["proving_key_hash"], hash(0xc1));
	assert_eq!(v["verifying_key_hash"], vk_hash);
	assert_eq!(v["verifying_key_len"], 770);
	assert_eq!(v["zk"]["domain_size"], 1024);
	assert_eq!(v["srs_insecure"], false);
	let (_, html) = common::http_get(port, "/version/0/ceremony").await?;
	for needle in [
		"id=\"key-status\">final<",
		"Final verifying key",
		&vk_hash,
		&hash(0xc1),
		&hash(0xd1),
		"id=\"key-skipped\"",
		"id=\"key-domain-size\">1024<",
	] {
		assert!(
			html.contains(needle),
			"{needle} on /version/0/ceremony: {html}"
		);
	}
	// --- A pending key: its current turn, no final keys yet.
	let pending = get_json(port, "/api/version/1/ceremony").await?;
	assert_eq!(pending["status"], "pending", "{pending}");
	assert_eq!(pending["turn"], ALICE);
	assert_eq!(pending["deadline"], 56);
	assert_eq!(pending["proving_key"], Value::Null);
	assert_eq!(pending["verifying_key_len"], 2);
	let v = get_json(port, "/api/version/1").await?;
	assert_eq!(v["key_status"], "pending");
	assert_eq!(v["proving_key_hash"], Value::Null);
	assert_eq!(v["verifying_key_hash"], Value::Null);
	let (_, html) = common::http_get(port, "/model/1").await?;
	assert!(
		html.contains("key-status\">pending<")
			&& html.contains("round 1, 0 contributions so far, domain 1024")
			&& html.contains("href=\"/version/1/ceremony\"")
			&& html.contains("none yet (key ceremony pending)"),
		"{html}"
	);
	let (_, html) = common::http_get(port, "/version/1/ceremony").await?;
	assert!(html.contains("Current verifying key (not final)") && html.contains("until block 56"));
	let (_, html) = common::http_get(port, "/model/0").await?;
	assert!(
		html.contains("key-status\">final<")
			&& html.contains("1 contribution, domain 1024")
			&& html.contains(&vk_hash)
			&& html.contains("770 bytes"),
		"{html}"
	);
	assert_eq!(
		get_json(port, "/api/search?q=ceremony%201").await?["url"],
		"/version/1/ceremony"
	);
	for missing in ["/api/version/9/ceremony", "/version/9/ceremony"] {
		assert_eq!(common::http_get(port, missing).await?.0, 404, "{missing}");
	}

	// --- The migration: a database indexed before the ceremony's events were
	// derived has them in `events` only.
	for stmt in [
		"DELETE FROM entity_events WHERE name LIKE 'Ceremony.%'",
		"UPDATE meta SET value = '3' WHERE key = 'schema_version'",
	] {
		sqlx::query(stmt).execute(db.pool()).await?;
	}
	assert_eq!(
		get_json(port, "/api/ceremony").await?["contributions"],
		json!([])
	);
	assert_eq!(
		common::http_get(port, "/api/version/1/ceremony").await?.0,
		200,
		"the state alone still shows the key"
	);
	let migrated = Db::open(&test_db.url).await?;
	let port = serve(migrated.clone()).await?;
	assert_eq!(get_json(port, "/api/ceremony").await?, srs);
	assert_eq!(get_json(port, "/api/version/0/ceremony").await?, key);
	assert_eq!(
		get_json(port, "/api/version/1").await?["key_status"],
		"pending"
	);

	// --- A fork below block 15 reverts the key's contribution and the state
	// read above it (the indexer reads it again at its new head).
	migrated.revert_above(14).await?;
	let key = get_json(port, "/api/version/0/ceremony").await?;
	assert_eq!(key["status"], "pending", "{key}");
	assert_eq!(key["contributions"], json!([]));
	assert_eq!(key["state_at"], Value::Null);
	assert_eq!(migrated.runtime_state(SRS_STATE).await?, None);
	assert_eq!(get_json(port, "/api/ceremony").await?["status"], "final");
	assert_eq!(
		common::http_get(port, "/api/version/1/ceremony").await?.0,
		404
	);
	Ok(())
}

#[tokio::test]
async fn sqlite_insecure_development_srs() -> Result<()> {
	insecure_development_srs(Backend::Sqlite).await
}

#[tokio::test]
async fn postgres_insecure_development_srs() -> Result<()> {
	insecure_development_srs(Backend::Postgres).await
}

/// A `--dev` chain: the insecure development SRS is final at genesis without
/// any event; the explorer marks it insecure on the status API, the phase-1
/// page, the home page, the model page and the key ceremony page and API.
async fn insecure_development_srs(backend: Backend) -> Result<()> {
	use verity_explorer::ceremony::{key_state, SRS_STATE};
	let Some(test_db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let db = Db::open(&test_db.url).await?;
	db.insert_blocks(&[block(0, vec![]), zk_registration_block(1, 0, 0, 1)])
		.await?;
	let (vk, vk_hash) = verifying_key();
	db.set_runtime_state(SRS_STATE, 0, &srs_state(true, None))
		.await?;
	db.insert_blocks(&[derived_block(
		2,
		vec![],
		vec![
			event(
				2,
				0,
				1,
				"Ceremony.KeyContributed",
				json!({ "model_id": 0, "who": ALICE, "proving_key": hash(0xc1), "transcript": hash(0xd1) }),
			),
			event(
				2,
				1,
				1,
				"Ceremony.KeyFinalized",
				json!({ "model_id": 0, "proving_key": hash(0xc1), "contributions": 1 }),
			),
		],
	)])
	.await?;
	db.set_runtime_state(
		&key_state("0"),
		2,
		&json!({ "status": "Final", "domain_size": 1024, "proving_key": hash(0xc1), "round": 1,
			"order": [ALICE], "turn": null, "deadline": 41, "verifying_key": vk, "transcript": hash(0xd1) }),
	)
	.await?;
	let port = serve(db).await?;

	let status = get_json(port, "/api/status").await?;
	assert_eq!(status["srs"]["status"], "final", "{status}");
	assert_eq!(status["srs"]["insecure"], true);
	assert_eq!(status["srs"]["final_srs_hash"], Value::Null);
	let srs = get_json(port, "/api/ceremony").await?;
	assert_eq!(srs["insecure"], true);
	assert_eq!(srs["contributions"], json!([]));
	assert_eq!(
		get_json(port, "/api/version/0").await?["srs_insecure"],
		true
	);
	let key = get_json(port, "/api/version/0/ceremony").await?;
	assert_eq!(key["srs_insecure"], true);
	assert_eq!(key["status"], "final");
	assert_eq!(key["verifying_key_hash"], vk_hash);
	for (page, needle) in [
		("/ceremony", "id=\"srs-insecure\">INSECURE development SRS<"),
		(
			"/ceremony",
			"the insecure development SRS, final at genesis",
		),
		("/", "id=\"card-srs-insecure\""),
		("/model/0", "srs-insecure"),
		("/version/0/ceremony", "id=\"key-srs-insecure\""),
	] {
		let (_, html) = common::http_get(port, page).await?;
		assert!(html.contains(needle), "{needle} on {page}: {html}");
	}
	Ok(())
}
