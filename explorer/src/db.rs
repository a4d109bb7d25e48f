//! The explorer's database: SQLite (a file, the default) or PostgreSQL, through
//! sqlx's `Any` driver with one portable schema (BIGINT and TEXT columns,
//! `$n` placeholders, `ON CONFLICT DO NOTHING`).
//!
//! Only the canonical chain is stored, one row per block number; a fork is
//! repaired by deleting everything above the common ancestor and indexing the
//! new branch ([`Db::revert_above`]).

use std::str::FromStr;

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::Value as Json;
use sqlx::{
	any::{AnyConnectOptions, AnyPoolOptions, AnyRow},
	AnyPool, ConnectOptions, Executor, Row,
};

/// Tables and indexes; every statement is valid for SQLite and PostgreSQL.
const SCHEMA: &[&str] = &[
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS blocks (
		number BIGINT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, parent_hash TEXT NOT NULL,
		state_root TEXT NOT NULL, extrinsics_root TEXT NOT NULL, timestamp BIGINT,
		spec_version BIGINT NOT NULL, extrinsic_count BIGINT NOT NULL, event_count BIGINT NOT NULL,
		digest TEXT NOT NULL)",
	"CREATE TABLE IF NOT EXISTS extrinsics (
		block_number BIGINT NOT NULL, idx BIGINT NOT NULL, hash TEXT NOT NULL,
		pallet TEXT NOT NULL, call TEXT NOT NULL, args TEXT NOT NULL, signer TEXT,
		nonce BIGINT, tip TEXT, fee TEXT, success BIGINT NOT NULL, error TEXT, len BIGINT NOT NULL,
		PRIMARY KEY (block_number, idx))",
	"CREATE INDEX IF NOT EXISTS extrinsics_hash ON extrinsics (hash)",
	"CREATE INDEX IF NOT EXISTS extrinsics_signer ON extrinsics (signer, block_number)",
	"CREATE TABLE IF NOT EXISTS events (
		block_number BIGINT NOT NULL, idx BIGINT NOT NULL, extrinsic_idx BIGINT,
		phase TEXT NOT NULL, pallet TEXT NOT NULL, name TEXT NOT NULL, fields TEXT NOT NULL,
		PRIMARY KEY (block_number, idx))",
	"CREATE TABLE IF NOT EXISTS accounts (address TEXT PRIMARY KEY, first_block BIGINT NOT NULL)",
	"CREATE INDEX IF NOT EXISTS accounts_first_block ON accounts (first_block)",
	"CREATE TABLE IF NOT EXISTS account_events (
		address TEXT NOT NULL, block_number BIGINT NOT NULL, event_idx BIGINT NOT NULL,
		PRIMARY KEY (address, block_number, event_idx))",
	"CREATE INDEX IF NOT EXISTS account_events_block ON account_events (block_number)",
	"CREATE TABLE IF NOT EXISTS entity_events (
		kind TEXT NOT NULL, entity_id TEXT NOT NULL, block_number BIGINT NOT NULL,
		source TEXT NOT NULL, idx BIGINT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL,
		PRIMARY KEY (kind, entity_id, block_number, source, idx))",
	"CREATE INDEX IF NOT EXISTS entity_events_block ON entity_events (block_number)",
	"CREATE INDEX IF NOT EXISTS entity_events_kind ON entity_events (kind, block_number)",
	"CREATE TABLE IF NOT EXISTS sync_inferences (
		block_number BIGINT NOT NULL, event_idx BIGINT NOT NULL, extrinsic_idx BIGINT,
		who TEXT NOT NULL, model_id TEXT NOT NULL, work BIGINT, output TEXT NOT NULL, input TEXT,
		PRIMARY KEY (block_number, event_idx))",
	"CREATE INDEX IF NOT EXISTS sync_inferences_model ON sync_inferences (model_id, block_number)",
	"CREATE INDEX IF NOT EXISTS sync_inferences_who ON sync_inferences (who, block_number)",
	"CREATE TABLE IF NOT EXISTS runtime_state (
		key TEXT PRIMARY KEY, block_number BIGINT NOT NULL, data TEXT NOT NULL)",
];

/// Version of what is derived from the stored events; older databases are
/// migrated by [`Db::open`] (see [`crate::indexer::derive_rows`]).
///
/// - 2: synchronous inferences (`Inference.InferenceComputed`) in
///   `sync_inferences`, `Inference.SyncModelSet` in model versions' history.
/// - 3: `Inference.SyncWorkBoundSet` in the history of entity `setting`
///   `sync_work_bound`.
/// - 4: the setup ceremony's events: phase 1 (`Ceremony.Srs*`) in the
///   history of entity `ceremony` `srs`, phase 2 (`Ceremony.Key*`) in the
///   histories of the model versions (`version` entities); and the table
///   `runtime_state` (ceremony state read from the runtime at an indexed block).
pub const SCHEMA_VERSION: i64 = 4;

/// Tables with a `block_number` column, cleared above a fork point.
const BLOCK_TABLES: &[&str] = &[
	"extrinsics",
	"events",
	"account_events",
	"entity_events",
	"sync_inferences",
	"runtime_state",
];

/// A SQL argument.
#[derive(Clone, Debug)]
pub enum Arg {
	Int(i64),
	Text(String),
	OptInt(Option<i64>),
	OptText(Option<String>),
}

/// A block ready to be written, with everything derived from it.
#[derive(Clone, Debug, Default)]
pub struct NewBlock {
	pub number: u64,
	pub hash: String,
	pub parent_hash: String,
	pub state_root: String,
	pub extrinsics_root: String,
	pub timestamp: Option<i64>,
	pub spec_version: u32,
	pub digest: String,
	pub extrinsics: Vec<ExtrinsicRow>,
	pub events: Vec<EventRow>,
	/// `(address, event index)` for every account an event mentions.
	pub account_events: Vec<(String, u32)>,
	/// Every account seen in this block (signers, arguments, events).
	pub accounts: Vec<String>,
	pub entity_events: Vec<EntityEvent>,
	pub sync_inferences: Vec<SyncInferenceRow>,
}

/// A synchronous inference: an `Inference.InferenceComputed` event, with the
/// input of the `Inference.infer_now` call that emitted it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SyncInferenceRow {
	pub block_number: i64,
	pub event_idx: i64,
	pub extrinsic_idx: Option<i64>,
	/// SS58 address of the caller.
	pub who: String,
	/// The model version that ran.
	pub model_id: String,
	/// Work units charged for.
	pub work: Option<i64>,
	/// The model's fixed-point output integers, all outputs flattened.
	pub output: Json,
	/// The call's input integers (absent when the call was nested in another).
	pub input: Option<Json>,
}

/// One step in the history of a model or inference request.
#[derive(Clone, Debug, Serialize)]
pub struct EntityEvent {
	/// `model` or `request`.
	pub kind: String,
	pub entity_id: String,
	pub block_number: i64,
	/// `event` or `call`.
	pub source: String,
	/// Event index or extrinsic index in the block.
	pub idx: i64,
	/// `Pallet.Event` or `Pallet.call`.
	pub name: String,
	pub data: Json,
}

/// A block as stored.
#[derive(Clone, Debug, Serialize)]
pub struct BlockRow {
	pub number: i64,
	pub hash: String,
	pub parent_hash: String,
	pub state_root: String,
	pub extrinsics_root: String,
	/// Milliseconds since the Unix epoch (from `Timestamp::set`).
	pub timestamp: Option<i64>,
	pub spec_version: i64,
	pub extrinsic_count: i64,
	pub event_count: i64,
	pub finalized: bool,
}

/// An extrinsic as stored.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ExtrinsicRow {
	pub block_number: i64,
	pub idx: i64,
	pub hash: String,
	pub pallet: String,
	pub call: String,
	pub args: Json,
	pub signer: Option<String>,
	pub nonce: Option<i64>,
	/// Plancks, decimal.
	pub tip: Option<String>,
	/// Actual fee paid in plancks, decimal (from `TransactionFeePaid`).
	pub fee: Option<String>,
	pub success: bool,
	/// Decoded dispatch error, for failed extrinsics.
	pub error: Option<String>,
	pub len: i64,
}

/// An event as stored.
#[derive(Clone, Debug, Serialize)]
pub struct EventRow {
	pub block_number: i64,
	pub idx: i64,
	pub extrinsic_idx: Option<i64>,
	pub phase: String,
	pub pallet: String,
	pub name: String,
	pub fields: Json,
}

/// Handle on the database.
#[derive(Clone)]
pub struct Db {
	pool: AnyPool,
	postgres: bool,
}

fn json_col(row: &AnyRow, col: &str) -> Result<Json> {
	let s: String = row.try_get(col)?;
	Ok(serde_json::from_str(&s).unwrap_or(Json::String(s)))
}

impl BlockRow {
	fn from_row(row: &AnyRow, finalized: i64) -> Result<Self> {
		let number: i64 = row.try_get("number")?;
		Ok(Self {
			number,
			hash: row.try_get("hash")?,
			parent_hash: row.try_get("parent_hash")?,
			state_root: row.try_get("state_root")?,
			extrinsics_root: row.try_get("extrinsics_root")?,
			timestamp: row.try_get("timestamp")?,
			spec_version: row.try_get("spec_version")?,
			extrinsic_count: row.try_get("extrinsic_count")?,
			event_count: row.try_get("event_count")?,
			finalized: number <= finalized,
		})
	}
}

impl ExtrinsicRow {
	fn from_row(row: &AnyRow) -> Result<Self> {
		Ok(Self {
			block_number: row.try_get("block_number")?,
			idx: row.try_get("idx")?,
			hash: row.try_get("hash")?,
			pallet: row.try_get("pallet")?,
			call: row.try_get("call")?,
			args: json_col(row, "args")?,
			signer: row.try_get("signer")?,
			nonce: row.try_get("nonce")?,
			tip: row.try_get("tip")?,
			fee: row.try_get("fee")?,
			success: row.try_get::<i64, _>("success")? != 0,
			error: row.try_get("error")?,
			len: row.try_get("len")?,
		})
	}

	/// `block-index`, the extrinsic's id.
	pub fn id(&self) -> String {
		format!("{}-{}", self.block_number, self.idx)
	}
}

impl EventRow {
	fn from_row(row: &AnyRow) -> Result<Self> {
		Ok(Self {
			block_number: row.try_get("block_number")?,
			idx: row.try_get("idx")?,
			extrinsic_idx: row.try_get("extrinsic_idx")?,
			phase: row.try_get("phase")?,
			pallet: row.try_get("pallet")?,
			name: row.try_get("name")?,
			fields: json_col(row, "fields")?,
		})
	}

	/// `block-index`, the event's id.
	pub fn id(&self) -> String {
		format!("{}-{}", self.block_number, self.idx)
	}
}

impl SyncInferenceRow {
	fn from_row(row: &AnyRow) -> Result<Self> {
		let input: Option<String> = row.try_get("input")?;
		Ok(Self {
			block_number: row.try_get("block_number")?,
			event_idx: row.try_get("event_idx")?,
			extrinsic_idx: row.try_get("extrinsic_idx")?,
			who: row.try_get("who")?,
			model_id: row.try_get("model_id")?,
			work: row.try_get("work")?,
			output: json_col(row, "output")?,
			input: input.map(|s| serde_json::from_str(&s).unwrap_or(Json::String(s))),
		})
	}

	/// `block-index` of the event.
	pub fn id(&self) -> String {
		format!("{}-{}", self.block_number, self.event_idx)
	}

	/// `block-index` of the extrinsic that ran it.
	pub fn extrinsic_id(&self) -> Option<String> {
		self.extrinsic_idx
			.map(|i| format!("{}-{i}", self.block_number))
	}

	fn args(&self) -> Vec<Arg> {
		vec![
			Arg::Int(self.block_number),
			Arg::Int(self.event_idx),
			Arg::OptInt(self.extrinsic_idx),
			Arg::Text(self.who.clone()),
			Arg::Text(self.model_id.clone()),
			Arg::OptInt(self.work),
			Arg::Text(self.output.to_string()),
			Arg::OptText(self.input.as_ref().map(Json::to_string)),
		]
	}
}

impl EntityEvent {
	fn args(&self) -> Vec<Arg> {
		vec![
			Arg::Text(self.kind.clone()),
			Arg::Text(self.entity_id.clone()),
			Arg::Int(self.block_number),
			Arg::Text(self.source.clone()),
			Arg::Int(self.idx),
			Arg::Text(self.name.clone()),
			Arg::Text(self.data.to_string()),
		]
	}

	fn from_row(row: &AnyRow) -> Result<Self> {
		Ok(Self {
			kind: row.try_get("kind")?,
			entity_id: row.try_get("entity_id")?,
			block_number: row.try_get("block_number")?,
			source: row.try_get("source")?,
			idx: row.try_get("idx")?,
			name: row.try_get("name")?,
			data: json_col(row, "data")?,
		})
	}
}

const BLOCK_COLS: &str = "number, hash, parent_hash, state_root, extrinsics_root, timestamp, spec_version, extrinsic_count, event_count";
const EXT_COLS: &str =
	"block_number, idx, hash, pallet, call, args, signer, nonce, tip, fee, success, error, len";
const EVENT_COLS: &str = "block_number, idx, extrinsic_idx, phase, pallet, name, fields";
const ENTITY_COLS: &str = "kind, entity_id, block_number, source, idx, name, data";
const SYNC_COLS: &str =
	"block_number, event_idx, extrinsic_idx, who, model_id, work, output, input";

impl Db {
	/// Opens (creating if needed) the database at `url`: `sqlite://path` or
	/// `postgres://...`.
	pub async fn open(url: &str) -> Result<Self> {
		sqlx::any::install_default_drivers();
		let postgres = url.starts_with("postgres:") || url.starts_with("postgresql:");
		let url = if !postgres && !url.contains("mode=") {
			format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
		} else {
			url.to_string()
		};
		let options = AnyConnectOptions::from_str(&url)
			.with_context(|| format!("bad database URL {url}"))?
			.disable_statement_logging();
		let pool = AnyPoolOptions::new()
			.max_connections(if postgres { 16 } else { 8 })
			.after_connect(move |conn, _| {
				Box::pin(async move {
					if !postgres {
						conn.execute("PRAGMA journal_mode = WAL").await?;
						conn.execute("PRAGMA synchronous = NORMAL").await?;
						conn.execute("PRAGMA busy_timeout = 10000").await?;
						conn.execute("PRAGMA cache_size = -32000").await?;
					}
					Ok(())
				})
			})
			.connect_with(options)
			.await
			.with_context(|| format!("opening database {url}"))?;
		let db = Self { pool, postgres };
		for stmt in SCHEMA {
			db.pool.execute(*stmt).await?;
		}
		db.migrate().await?;
		Ok(db)
	}

	/// Derives what older versions did not from the events they stored:
	/// every block with an event whose derived rows are newer than the
	/// database's schema (synchronous inferences before 3, ceremony events
	/// before 4) is derived again ([`crate::indexer::derive_rows`]) and its
	/// new rows written (existing rows are kept: inserts do nothing on
	/// conflict). The ceremony's runtime state is read by the indexer's next
	/// round.
	async fn migrate(&self) -> Result<()> {
		let version: i64 = self
			.meta("schema_version")
			.await?
			.and_then(|v| v.parse().ok())
			.unwrap_or(1);
		if version >= SCHEMA_VERSION {
			return Ok(());
		}
		let mut conditions = Vec::new();
		if version < 3 {
			conditions.push(
				"(pallet = 'Inference' AND name IN ('InferenceComputed', 'SyncModelSet', 'SyncWorkBoundSet'))",
			);
		}
		if version < 4 {
			conditions.push("pallet = 'Ceremony'");
		}
		let blocks: Vec<i64> = sqlx::query(&format!(
			"SELECT DISTINCT block_number FROM events WHERE {} ORDER BY block_number",
			conditions.join(" OR ")
		))
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(|r| r.get::<i64, _>(0))
		.collect();
		if !blocks.is_empty() {
			tracing::info!(
				"migrating the database from schema {version} to {SCHEMA_VERSION}: {} blocks to derive again",
				blocks.len()
			);
		}
		let mut entity_rows = Vec::new();
		let mut sync_rows = Vec::new();
		for n in blocks {
			let extrinsics = self.block_extrinsics(n).await?;
			let events = self.block_events(n).await?;
			let (entities, sync) = crate::indexer::derive_rows(&extrinsics, &events);
			entity_rows.extend(entities.iter().map(EntityEvent::args));
			sync_rows.extend(sync.iter().map(SyncInferenceRow::args));
		}
		let mut tx = self.pool.begin().await?;
		insert_rows(&mut tx, "entity_events", ENTITY_COLS, entity_rows).await?;
		insert_rows(&mut tx, "sync_inferences", SYNC_COLS, sync_rows).await?;
		tx.commit().await?;
		self.set_meta("schema_version", &SCHEMA_VERSION.to_string())
			.await
	}

	/// Whether this is PostgreSQL.
	pub fn is_postgres(&self) -> bool {
		self.postgres
	}

	/// The connection pool, for ad-hoc queries (benchmarks, tests).
	pub fn pool(&self) -> &AnyPool {
		&self.pool
	}

	async fn meta(&self, key: &str) -> Result<Option<String>> {
		Ok(sqlx::query("SELECT value FROM meta WHERE key = $1")
			.bind(key)
			.fetch_optional(&self.pool)
			.await?
			.map(|r| r.get::<String, _>(0)))
	}

	async fn set_meta(&self, key: &str, value: &str) -> Result<()> {
		sqlx::query(
			"INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		)
		.bind(key)
		.bind(value)
		.execute(&self.pool)
		.await?;
		Ok(())
	}

	/// Highest indexed block.
	pub async fn tip(&self) -> Result<Option<(u64, String)>> {
		Ok(
			sqlx::query("SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1")
				.fetch_optional(&self.pool)
				.await?
				.map(|r| (r.get::<i64, _>(0) as u64, r.get::<String, _>(1))),
		)
	}

	/// Hash of indexed block `number`.
	pub async fn hash_at(&self, number: u64) -> Result<Option<String>> {
		Ok(sqlx::query("SELECT hash FROM blocks WHERE number = $1")
			.bind(number as i64)
			.fetch_optional(&self.pool)
			.await?
			.map(|r| r.get::<String, _>(0)))
	}

	/// Number of indexed blocks.
	pub async fn block_count(&self) -> Result<i64> {
		Ok(sqlx::query("SELECT COUNT(*) FROM blocks")
			.fetch_one(&self.pool)
			.await?
			.get::<i64, _>(0))
	}

	/// The finalized head the indexer last saw: (number, hash).
	pub async fn finalized(&self) -> Result<Option<(i64, String)>> {
		let Some(v) = self.meta("finalized").await? else {
			return Ok(None);
		};
		let (n, h) = v.split_once(':').unwrap_or(("0", ""));
		Ok(Some((n.parse().unwrap_or(0), h.to_string())))
	}

	/// Records the node's finalized head.
	pub async fn set_finalized(&self, number: u64, hash: &str) -> Result<()> {
		self.set_meta("finalized", &format!("{number}:{hash}"))
			.await
	}

	/// The node's best block number the indexer last saw.
	pub async fn best_seen(&self) -> Result<Option<i64>> {
		Ok(self.meta("best").await?.and_then(|v| v.parse().ok()))
	}

	/// Records the node's best block number.
	pub async fn set_best_seen(&self, number: u64) -> Result<()> {
		self.set_meta("best", &number.to_string()).await
	}

	/// Deletes every block above `number` and everything derived from them.
	pub async fn revert_above(&self, number: u64) -> Result<()> {
		self.revert_above_i64(number as i64).await
	}

	/// Deletes every block, genesis included.
	pub async fn revert_above_all(&self) -> Result<()> {
		self.revert_above_i64(-1).await?;
		sqlx::query("DELETE FROM meta WHERE key <> 'schema_version'")
			.execute(&self.pool)
			.await?;
		Ok(())
	}

	async fn revert_above_i64(&self, n: i64) -> Result<()> {
		let mut tx = self.pool.begin().await?;
		for table in BLOCK_TABLES {
			sqlx::query(&format!("DELETE FROM {table} WHERE block_number > $1"))
				.bind(n)
				.execute(&mut *tx)
				.await?;
		}
		sqlx::query("DELETE FROM accounts WHERE first_block > $1")
			.bind(n)
			.execute(&mut *tx)
			.await?;
		sqlx::query("DELETE FROM blocks WHERE number > $1")
			.bind(n)
			.execute(&mut *tx)
			.await?;
		tx.commit().await?;
		Ok(())
	}

	/// Writes blocks (consecutive, above the current tip) in one transaction.
	pub async fn insert_blocks(&self, blocks: &[NewBlock]) -> Result<()> {
		let mut block_rows = Vec::new();
		let mut ext_rows = Vec::new();
		let mut event_rows = Vec::new();
		let mut account_rows = Vec::new();
		let mut account_event_rows = Vec::new();
		let mut entity_rows = Vec::new();
		let mut sync_rows = Vec::new();
		for b in blocks {
			let n = b.number as i64;
			block_rows.push(vec![
				Arg::Int(n),
				Arg::Text(b.hash.clone()),
				Arg::Text(b.parent_hash.clone()),
				Arg::Text(b.state_root.clone()),
				Arg::Text(b.extrinsics_root.clone()),
				Arg::OptInt(b.timestamp),
				Arg::Int(b.spec_version as i64),
				Arg::Int(b.extrinsics.len() as i64),
				Arg::Int(b.events.len() as i64),
				Arg::Text(b.digest.clone()),
			]);
			for e in &b.extrinsics {
				ext_rows.push(vec![
					Arg::Int(n),
					Arg::Int(e.idx),
					Arg::Text(e.hash.clone()),
					Arg::Text(e.pallet.clone()),
					Arg::Text(e.call.clone()),
					Arg::Text(e.args.to_string()),
					Arg::OptText(e.signer.clone()),
					Arg::OptInt(e.nonce),
					Arg::OptText(e.tip.clone()),
					Arg::OptText(e.fee.clone()),
					Arg::Int(e.success as i64),
					Arg::OptText(e.error.clone()),
					Arg::Int(e.len),
				]);
			}
			for e in &b.events {
				event_rows.push(vec![
					Arg::Int(n),
					Arg::Int(e.idx),
					Arg::OptInt(e.extrinsic_idx),
					Arg::Text(e.phase.clone()),
					Arg::Text(e.pallet.clone()),
					Arg::Text(e.name.clone()),
					Arg::Text(e.fields.to_string()),
				]);
			}
			for a in &b.accounts {
				account_rows.push(vec![Arg::Text(a.clone()), Arg::Int(n)]);
			}
			for (a, idx) in &b.account_events {
				account_event_rows.push(vec![
					Arg::Text(a.clone()),
					Arg::Int(n),
					Arg::Int(*idx as i64),
				]);
			}
			entity_rows.extend(b.entity_events.iter().map(EntityEvent::args));
			sync_rows.extend(b.sync_inferences.iter().map(SyncInferenceRow::args));
		}
		let mut tx = self.pool.begin().await?;
		let blocks_cols = format!("{BLOCK_COLS}, digest");
		for (table, cols, rows) in [
			("blocks", blocks_cols.as_str(), block_rows),
			("extrinsics", EXT_COLS, ext_rows),
			("events", EVENT_COLS, event_rows),
			("accounts", "address, first_block", account_rows),
			(
				"account_events",
				"address, block_number, event_idx",
				account_event_rows,
			),
			("entity_events", ENTITY_COLS, entity_rows),
			("sync_inferences", SYNC_COLS, sync_rows),
		] {
			insert_rows(&mut tx, table, cols, rows).await?;
		}
		tx.commit().await?;
		Ok(())
	}

	async fn finalized_number(&self) -> Result<i64> {
		Ok(self.finalized().await?.map(|f| f.0).unwrap_or(-1))
	}

	/// Latest `limit` blocks, below `before` if given.
	pub async fn latest_blocks(&self, limit: i64, before: Option<i64>) -> Result<Vec<BlockRow>> {
		let fin = self.finalized_number().await?;
		let rows = sqlx::query(&format!(
			"SELECT {BLOCK_COLS} FROM blocks WHERE number < $1 ORDER BY number DESC LIMIT $2"
		))
		.bind(before.unwrap_or(i64::MAX))
		.bind(limit)
		.fetch_all(&self.pool)
		.await?;
		rows.iter().map(|r| BlockRow::from_row(r, fin)).collect()
	}

	/// Block by number.
	pub async fn block_by_number(&self, number: i64) -> Result<Option<BlockRow>> {
		let fin = self.finalized_number().await?;
		sqlx::query(&format!(
			"SELECT {BLOCK_COLS} FROM blocks WHERE number = $1"
		))
		.bind(number)
		.fetch_optional(&self.pool)
		.await?
		.map(|r| BlockRow::from_row(&r, fin))
		.transpose()
	}

	/// Block by hash (`0x...`, lower case).
	pub async fn block_by_hash(&self, hash: &str) -> Result<Option<BlockRow>> {
		let fin = self.finalized_number().await?;
		sqlx::query(&format!("SELECT {BLOCK_COLS} FROM blocks WHERE hash = $1"))
			.bind(hash)
			.fetch_optional(&self.pool)
			.await?
			.map(|r| BlockRow::from_row(&r, fin))
			.transpose()
	}

	/// Extrinsics of a block.
	pub async fn block_extrinsics(&self, number: i64) -> Result<Vec<ExtrinsicRow>> {
		sqlx::query(&format!(
			"SELECT {EXT_COLS} FROM extrinsics WHERE block_number = $1 ORDER BY idx"
		))
		.bind(number)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(ExtrinsicRow::from_row)
		.collect()
	}

	/// Events of a block.
	pub async fn block_events(&self, number: i64) -> Result<Vec<EventRow>> {
		sqlx::query(&format!(
			"SELECT {EVENT_COLS} FROM events WHERE block_number = $1 ORDER BY idx"
		))
		.bind(number)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(EventRow::from_row)
		.collect()
	}

	/// Latest signed extrinsics.
	pub async fn latest_signed_extrinsics(&self, limit: i64) -> Result<Vec<ExtrinsicRow>> {
		sqlx::query(&format!(
			"SELECT {EXT_COLS} FROM extrinsics WHERE signer IS NOT NULL ORDER BY block_number DESC, idx DESC LIMIT $1"
		))
		.bind(limit)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(ExtrinsicRow::from_row)
		.collect()
	}

	/// Extrinsic `block-index`.
	pub async fn extrinsic(&self, block: i64, idx: i64) -> Result<Option<ExtrinsicRow>> {
		sqlx::query(&format!(
			"SELECT {EXT_COLS} FROM extrinsics WHERE block_number = $1 AND idx = $2"
		))
		.bind(block)
		.bind(idx)
		.fetch_optional(&self.pool)
		.await?
		.map(|r| ExtrinsicRow::from_row(&r))
		.transpose()
	}

	/// Extrinsic by hash (the latest, if the same bytes were included twice).
	pub async fn extrinsic_by_hash(&self, hash: &str) -> Result<Option<ExtrinsicRow>> {
		sqlx::query(&format!(
			"SELECT {EXT_COLS} FROM extrinsics WHERE hash = $1 ORDER BY block_number DESC LIMIT 1"
		))
		.bind(hash)
		.fetch_optional(&self.pool)
		.await?
		.map(|r| ExtrinsicRow::from_row(&r))
		.transpose()
	}

	/// Events emitted by extrinsic `block-index`.
	pub async fn extrinsic_events(&self, block: i64, idx: i64) -> Result<Vec<EventRow>> {
		sqlx::query(&format!(
			"SELECT {EVENT_COLS} FROM events WHERE block_number = $1 AND extrinsic_idx = $2 ORDER BY idx"
		))
		.bind(block)
		.bind(idx)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(EventRow::from_row)
		.collect()
	}

	/// Event `block-index`.
	pub async fn event(&self, block: i64, idx: i64) -> Result<Option<EventRow>> {
		sqlx::query(&format!(
			"SELECT {EVENT_COLS} FROM events WHERE block_number = $1 AND idx = $2"
		))
		.bind(block)
		.bind(idx)
		.fetch_optional(&self.pool)
		.await?
		.map(|r| EventRow::from_row(&r))
		.transpose()
	}

	/// First block an account was seen in, if it was.
	pub async fn account_first_block(&self, address: &str) -> Result<Option<i64>> {
		Ok(
			sqlx::query("SELECT first_block FROM accounts WHERE address = $1")
				.bind(address)
				.fetch_optional(&self.pool)
				.await?
				.map(|r| r.get::<i64, _>(0)),
		)
	}

	/// Extrinsics signed by `address`, newest first.
	pub async fn account_extrinsics(&self, address: &str, limit: i64) -> Result<Vec<ExtrinsicRow>> {
		sqlx::query(&format!(
			"SELECT {EXT_COLS} FROM extrinsics WHERE signer = $1 ORDER BY block_number DESC, idx DESC LIMIT $2"
		))
		.bind(address)
		.bind(limit)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(ExtrinsicRow::from_row)
		.collect()
	}

	/// Events that mention `address`, newest first.
	pub async fn account_events(&self, address: &str, limit: i64) -> Result<Vec<EventRow>> {
		sqlx::query(
			"SELECT e.block_number, e.idx, e.extrinsic_idx, e.phase, e.pallet, e.name, e.fields
			 FROM account_events a JOIN events e ON e.block_number = a.block_number AND e.idx = a.event_idx
			 WHERE a.address = $1 ORDER BY a.block_number DESC, a.event_idx DESC LIMIT $2",
		)
		.bind(address)
		.bind(limit)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(EventRow::from_row)
		.collect()
	}

	/// Number of extrinsics indexed.
	pub async fn extrinsic_count(&self) -> Result<i64> {
		Ok(sqlx::query("SELECT COUNT(*) FROM extrinsics")
			.fetch_one(&self.pool)
			.await?
			.get::<i64, _>(0))
	}

	/// History of one model or request, oldest first.
	pub async fn entity_history(&self, kind: &str, id: &str) -> Result<Vec<EntityEvent>> {
		sqlx::query(
			"SELECT kind, entity_id, block_number, source, idx, name, data FROM entity_events
			 WHERE kind = $1 AND entity_id = $2 ORDER BY block_number, source, idx",
		)
		.bind(kind)
		.bind(id)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(EntityEvent::from_row)
		.collect()
	}

	/// Ids of the latest models or requests, with the block they were last touched in.
	pub async fn latest_entities(&self, kind: &str, limit: i64) -> Result<Vec<(String, i64)>> {
		Ok(sqlx::query(
			"SELECT entity_id, MAX(block_number) AS last FROM entity_events WHERE kind = $1
			 GROUP BY entity_id ORDER BY last DESC, entity_id DESC LIMIT $2",
		)
		.bind(kind)
		.bind(limit)
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
		.collect())
	}

	/// Synchronous inferences matching `filter`, newest first.
	pub async fn sync_inferences(
		&self,
		filter: SyncFilter<'_>,
		limit: i64,
	) -> Result<Vec<SyncInferenceRow>> {
		let (condition, mut args) = match filter {
			SyncFilter::All => ("1 = 1".to_string(), vec![]),
			SyncFilter::Models([]) => return Ok(vec![]),
			SyncFilter::Models(ids) => (
				format!(
					"model_id IN ({})",
					(1..=ids.len())
						.map(|i| format!("${i}"))
						.collect::<Vec<_>>()
						.join(", ")
				),
				ids.iter().map(|id| Arg::Text(id.clone())).collect(),
			),
			SyncFilter::Who(who) => ("who = $1".into(), vec![Arg::Text(who.into())]),
			SyncFilter::Extrinsic(block, idx) => (
				"block_number = $1 AND extrinsic_idx = $2".into(),
				vec![Arg::Int(block), Arg::Int(idx)],
			),
		};
		let sql = format!(
			"SELECT {SYNC_COLS} FROM sync_inferences WHERE {condition}
			 ORDER BY block_number DESC, event_idx DESC LIMIT ${}",
			args.len() + 1
		);
		args.push(Arg::Int(limit));
		bind_args(sqlx::query(&sql), &args)
			.fetch_all(&self.pool)
			.await?
			.iter()
			.map(SyncInferenceRow::from_row)
			.collect()
	}

	/// State read from the runtime at an indexed block (e.g. `ceremony.srs`,
	/// `ceremony.key.3`): the block it was read at and the value.
	pub async fn runtime_state(&self, key: &str) -> Result<Option<(i64, Json)>> {
		sqlx::query("SELECT block_number, data FROM runtime_state WHERE key = $1")
			.bind(key)
			.fetch_optional(&self.pool)
			.await?
			.map(|r| -> Result<(i64, Json)> {
				Ok((r.try_get("block_number")?, json_col(&r, "data")?))
			})
			.transpose()
	}

	/// Records state read from the runtime at indexed block `block`
	/// (deleted with the block by a fork).
	pub async fn set_runtime_state(&self, key: &str, block: i64, data: &Json) -> Result<()> {
		sqlx::query(
			"INSERT INTO runtime_state (key, block_number, data) VALUES ($1, $2, $3)
			 ON CONFLICT (key) DO UPDATE SET block_number = excluded.block_number, data = excluded.data",
		)
		.bind(key)
		.bind(block)
		.bind(data.to_string())
		.execute(&self.pool)
		.await?;
		Ok(())
	}

	/// The last block each entity of `kind` has a history entry named
	/// `name_prefix…` in (e.g. `version`, `Ceremony.`): `(id, block)`.
	pub async fn entities_touched(
		&self,
		kind: &str,
		name_prefix: &str,
	) -> Result<Vec<(String, i64)>> {
		Ok(sqlx::query(
			"SELECT entity_id, MAX(block_number) AS last FROM entity_events
			 WHERE kind = $1 AND name LIKE $2 GROUP BY entity_id ORDER BY entity_id",
		)
		.bind(kind)
		.bind(format!("{name_prefix}%"))
		.fetch_all(&self.pool)
		.await?
		.iter()
		.map(|r| (r.get::<String, _>(0), r.get::<i64, _>(1)))
		.collect())
	}

	/// Timestamp of block `number`, if indexed.
	pub async fn block_timestamp(&self, number: i64) -> Result<Option<i64>> {
		Ok(
			sqlx::query("SELECT timestamp FROM blocks WHERE number = $1")
				.bind(number)
				.fetch_optional(&self.pool)
				.await?
				.and_then(|r| r.get::<Option<i64>, _>(0)),
		)
	}
}

/// Which synchronous inferences [`Db::sync_inferences`] returns.
#[derive(Clone, Copy, Debug)]
pub enum SyncFilter<'a> {
	All,
	/// Of these model versions.
	Models(&'a [String]),
	/// By this account (SS58).
	Who(&'a str),
	/// Run by extrinsic `block-index`.
	Extrinsic(i64, i64),
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn bind_args<'q>(mut q: AnyQuery<'q>, args: &[Arg]) -> AnyQuery<'q> {
	for arg in args {
		q = match arg {
			Arg::Int(v) => q.bind(*v),
			Arg::Text(v) => q.bind(v.clone()),
			Arg::OptInt(v) => q.bind(*v),
			Arg::OptText(v) => q.bind(v.clone()),
		};
	}
	q
}

/// Multi-row `INSERT ... ON CONFLICT DO NOTHING`, in chunks that stay under
/// SQLite's bound-parameter limit.
async fn insert_rows(
	tx: &mut sqlx::Transaction<'_, sqlx::Any>,
	table: &str,
	cols: &str,
	rows: Vec<Vec<Arg>>,
) -> Result<()> {
	let Some(width) = rows.first().map(|r| r.len()) else {
		return Ok(());
	};
	// Small fixed-size chunks keep the statement text the same from batch to
	// batch, so its prepared form is reused (and stays under SQLite's limit).
	let per_chunk = (30_000 / width).clamp(1, 64);
	for chunk in rows.chunks(per_chunk) {
		let mut sql = format!("INSERT INTO {table} ({cols}) VALUES ");
		let mut p = 1;
		for (i, _) in chunk.iter().enumerate() {
			if i > 0 {
				sql.push(',');
			}
			sql.push('(');
			for j in 0..width {
				if j > 0 {
					sql.push(',');
				}
				sql.push('$');
				sql.push_str(&p.to_string());
				p += 1;
			}
			sql.push(')');
		}
		sql.push_str(" ON CONFLICT DO NOTHING");
		let mut q = sqlx::query(&sql);
		for row in chunk {
			q = bind_args(q, row);
		}
		q.execute(&mut **tx)
			.await
			.with_context(|| format!("inserting into {table}"))?;
	}
	Ok(())
}
