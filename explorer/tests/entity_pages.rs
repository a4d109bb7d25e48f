//! Model and inference-request pages and API over indexed history shaped like
//! the `Models` and `Inference` pallets' events and calls (written through the
//! indexer's own insert path), on SQLite and on a throwaway PostgreSQL server.

mod common;

use anyhow::Result;
use common::{Backend, TestDb};
use serde_json::{json, Value};
use tokio::sync::broadcast;
use verity_explorer::{
	db::{EntityEvent, NewBlock},
	web, Db,
};

const ALICE: &str = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
const BOB: &str = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

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

async fn model_and_request_pages(backend: Backend) -> Result<()> {
	let Some(test_db) = TestDb::new(backend)? else {
		return Ok(());
	};
	let db = Db::open(&test_db.url).await?;
	assert_eq!(db.is_postgres(), test_db.is_postgres());
	let descriptor = json!({
		"version": "0x312e30",
		"onnx_hash": "0x8c7a26d8fc8420cd11e1f200adfca0531b5d6b666448847d6ba236275f65e2e7",
		"quantized_hash": "0x8ff8c9f5e001ddc10e164263ed07b1c5e4aa87863bf8e7aedfea14aea8bef166",
		"proving_key_hash": "0xde01d692a473fab5f67ed10a1f2ac2ea8eac0e276980a6f8de72345d88dd5f18",
		"act_bits": 16,
		"inputs": [{ "shape": [1, 64], "frac_bits": 4 }],
		"outputs": [{ "shape": [1, 2], "frac_bits": 8, "transform": "None" }],
		"supports_zk": true,
		"supports_vanilla": false,
	});
	let register = json!({ "name": "0x6d6c705f64696769747338", "descriptor": descriptor, "verifying_key": "0x0102030405", "signer": ALICE, "outcome": ["ModelRegistered"] });
	let registered = json!({ "family": 0, "model_id": 0, "owner": ALICE, "quantized_hash": descriptor["quantized_hash"], "deposit": "2000000000000" });
	let mut blocks = vec![block(0, vec![])];
	blocks.push(block(
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
	));
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

	let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
	let port = listener.local_addr()?.port();
	let (tx, _) = broadcast::channel(4);
	// No node behind this URL: model and request pages need none.
	let state = web::AppState::new(db, tx, "ws://127.0.0.1:9".into());
	tokio::spawn(async move { axum::serve(listener, web::router(state)).await });

	let get_json = |path: &'static str| async move {
		let (status, body) = common::http_get(port, path).await?;
		assert_eq!(status, 200, "{path}: {body}");
		anyhow::Ok(serde_json::from_str::<Value>(&body)?)
	};
	let model = get_json("/api/model/0").await?;
	assert_eq!(model["model"]["name"], "mlp_digits8");
	assert_eq!(model["model"]["owner"], BOB);
	let v = &model["versions"][0];
	assert_eq!(v["label"], "1.0");
	assert_eq!(v["onnx_hash"], descriptor["onnx_hash"]);
	assert_eq!(v["proving_key_hash"], descriptor["proving_key_hash"]);
	assert_eq!(v["verifying_key_len"], 5);
	assert_eq!(v["status"], "active");

	let request = get_json("/api/request/5").await?;
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
	let search = get_json("/api/search?q=request%205").await?;
	assert_eq!(search["url"], "/request/5");
	let (status, _) = common::http_get(port, "/version/0").await?;
	assert_eq!(status, 303);
	Ok(())
}
