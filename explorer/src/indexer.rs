//! Follows a node and writes its canonical chain into the database.
//!
//! Each round: repair a fork at our tip if the node's chain no longer has it
//! (walk back to the highest block whose hash still matches and delete
//! everything above), then fetch the missing blocks up to the node's best head
//! with many requests in flight, decode them and write them batch by batch,
//! one transaction per batch. Restarting resumes from the stored tip; block
//! numbers are primary keys, so nothing is indexed twice and, because every
//! batch is checked to extend the stored chain, nothing is skipped.

use std::{collections::BTreeSet, sync::Arc, time::Duration};

use anyhow::{bail, Result};
use futures::{stream, StreamExt, TryStreamExt};
use serde::Serialize;
use serde_json::{json, Map, Value as Json};
use tokio::sync::{broadcast, Notify};

use crate::{
	ceremony,
	db::{Db, EntityEvent, EventRow, ExtrinsicRow, NewBlock, SyncInferenceRow},
	decode::{json_u128, RuntimeInfo},
	rpc::{RawBlock, Rpc},
};

/// What the web UI pushes to browsers.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Update {
	/// A block was indexed.
	Block {
		number: u64,
		hash: String,
		timestamp: Option<i64>,
		extrinsic_count: usize,
		event_count: usize,
	},
	/// The node's finalized head moved.
	Finalized { number: u64, hash: String },
}

/// Indexer settings.
#[derive(Clone, Debug)]
pub struct IndexerConfig {
	/// Blocks per database transaction.
	pub batch: usize,
	/// Blocks fetched concurrently.
	pub concurrency: usize,
}

impl Default for IndexerConfig {
	fn default() -> Self {
		Self {
			batch: 256,
			concurrency: 64,
		}
	}
}

/// The indexer.
pub struct Indexer {
	rpc: Arc<Rpc>,
	db: Db,
	updates: broadcast::Sender<Update>,
	config: IndexerConfig,
}

/// The entities (kind, id) an event or call `name` of `pallet` with these
/// fields (or arguments) belongs to: `Models` families (`family`) and versions
/// (`model_id`), `Inference` requests (`request_id`), and the versions
/// `Inference.SyncModelSet` enables or disables for synchronous inference;
/// `Inference.SyncWorkBoundSet` is the history of `setting` `sync_work_bound`;
/// the setup ceremony's phase 1 (`Ceremony.Srs*`) is the history of
/// `ceremony` `srs`, and a key ceremony's events (`Ceremony.Key*`) are in
/// the history of its model version.
fn entity_keys(pallet: &str, name: &str, fields: &Json) -> Vec<(&'static str, String)> {
	let key = |kind: &'static str, field: &str| {
		fields.get(field).and_then(id_string).map(|id| (kind, id))
	};
	match (pallet, name) {
		("Models", _) => [key("model", "family"), key("version", "model_id")]
			.into_iter()
			.flatten()
			.collect(),
		("Inference", "SyncModelSet") => key("version", "model_id").into_iter().collect(),
		("Inference", "SyncWorkBoundSet") => vec![("setting", "sync_work_bound".into())],
		("Inference", _) => key("request", "request_id").into_iter().collect(),
		// Phase 1's events, and the Lagrange bases published after it.
		("Ceremony", n) if n.starts_with("Srs") || n == "BasesPublished" => {
			vec![(ceremony::SRS_ENTITY.0, ceremony::SRS_ENTITY.1.into())]
		}
		("Ceremony", _) => key("version", "model_id").into_iter().collect(),
		_ => vec![],
	}
}

impl Indexer {
	pub fn new(
		rpc: Arc<Rpc>,
		db: Db,
		updates: broadcast::Sender<Update>,
		config: IndexerConfig,
	) -> Self {
		Self {
			rpc,
			db,
			updates,
			config,
		}
	}

	/// Follows the node until the connection fails.
	pub async fn run(&self) -> Result<()> {
		let wake = Arc::new(Notify::new());
		let mut heads = self.rpc.subscribe_new_heads().await?;
		let mut finalized = self.rpc.subscribe_finalized_heads().await?;
		let w = wake.clone();
		let watcher = tokio::spawn(async move {
			loop {
				tokio::select! {
					h = heads.next() => if h.is_none() { break },
					f = finalized.next() => if f.is_none() { break },
				}
				w.notify_one();
			}
		});
		let result = async {
			loop {
				self.sync_once().await?;
				if !self.rpc.is_connected() {
					bail!("lost the connection to {}", self.rpc.url());
				}
				let _ = tokio::time::timeout(Duration::from_secs(2), wake.notified()).await;
			}
		}
		.await;
		watcher.abort();
		result
	}

	/// One round: repair forks, index up to the node's best block, record the
	/// finalized head, read the setup ceremony's state at the indexed head
	/// where it may have changed ([`ceremony::refresh_state`]). Returns the
	/// number of blocks written.
	pub async fn sync_once(&self) -> Result<u64> {
		let best = self.rpc.header(None).await?.number;
		self.repair_fork().await?;
		let mut written = 0;
		loop {
			let tip = self.db.tip().await?;
			let start = tip.as_ref().map(|t| t.0 + 1).unwrap_or(0);
			if start > best {
				break;
			}
			let end = (start + self.config.batch as u64 - 1).min(best);
			let n = self.index_range(start, end, tip.map(|t| t.1)).await?;
			written += n;
			if n == 0 {
				// The node's chain changed under us: repair and go on next round.
				self.repair_fork().await?;
				break;
			}
		}
		self.db.set_best_seen(best).await?;
		let (fin, fin_hash) = self.rpc.finalized_head().await?;
		if self.db.finalized().await?.map(|f| f.1) != Some(fin_hash.clone()) {
			self.db.set_finalized(fin, &fin_hash).await?;
			let _ = self.updates.send(Update::Finalized {
				number: fin,
				hash: fin_hash,
			});
		}
		if let Err(e) = ceremony::refresh_state(&self.rpc, &self.db).await {
			tracing::warn!("reading the setup ceremony's state: {e:#}");
		}
		Ok(written)
	}

	/// If the node's chain no longer contains our tip, deletes our blocks
	/// down to the last common one.
	async fn repair_fork(&self) -> Result<()> {
		let Some((mut n, mut hash)) = self.db.tip().await? else {
			return Ok(());
		};
		let mut reverted = false;
		loop {
			if self.rpc.block_hash(n).await?.as_deref() == Some(hash.as_str()) {
				break;
			}
			reverted = true;
			if n == 0 {
				// Another chain entirely (e.g. a purged dev chain): start again.
				tracing::warn!("genesis differs from the indexed one: re-indexing from scratch");
				self.db.revert_above_all().await?;
				return Ok(());
			}
			n -= 1;
			hash = match self.db.hash_at(n).await? {
				Some(h) => h,
				None => bail!("indexed chain has a gap at #{n}"),
			};
		}
		if reverted {
			tracing::info!("fork: reverting indexed blocks above #{n}");
			self.db.revert_above(n).await?;
		}
		Ok(())
	}

	/// Fetches, decodes and writes blocks `start..=end`, stopping early where
	/// they do not extend the stored chain. Returns the count written.
	async fn index_range(&self, start: u64, end: u64, parent: Option<String>) -> Result<u64> {
		let rpc = &self.rpc;
		let raws: Vec<Option<RawBlock>> = stream::iter(start..=end)
			.map(|n| async move { rpc.raw_block_by_number(n).await })
			.buffered(self.config.concurrency)
			.try_collect()
			.await?;
		// Keep the prefix that forms one chain on top of our tip.
		let mut chain = Vec::with_capacity(raws.len());
		let mut expected_parent = parent;
		for raw in raws {
			let Some(raw) = raw else { break };
			if let Some(p) = &expected_parent {
				if &raw.header.parent_hash != p {
					break;
				}
			}
			expected_parent = Some(raw.hash.clone());
			chain.push(raw);
		}
		let Some(first) = chain.first() else {
			return Ok(0);
		};
		let first_rt = rpc.runtime_at(&first.hash).await?;
		let last_rt = rpc.runtime_at(&chain.last().unwrap().hash).await?;
		let mut blocks = Vec::with_capacity(chain.len());
		for raw in &chain {
			let runtime = if first_rt.spec_version == last_rt.spec_version {
				first_rt.clone()
			} else {
				rpc.runtime_at(&raw.hash).await?
			};
			blocks.push(build_block(raw, &runtime));
		}
		self.db.insert_blocks(&blocks).await?;
		// During catch-up only the newest blocks matter to a live page.
		for b in blocks.iter().skip(blocks.len().saturating_sub(20)) {
			let _ = self.updates.send(Update::Block {
				number: b.number,
				hash: b.hash.clone(),
				timestamp: b.timestamp,
				extrinsic_count: b.extrinsics.len(),
				event_count: b.events.len(),
			});
		}
		Ok(blocks.len() as u64)
	}
}

fn id_string(v: &Json) -> Option<String> {
	match v {
		Json::Number(n) => Some(n.to_string()),
		Json::String(s) => Some(s.clone()),
		_ => None,
	}
}

/// Decodes a fetched block into the rows to store.
pub fn build_block(raw: &RawBlock, runtime: &RuntimeInfo) -> NewBlock {
	let number = raw.header.number as i64;
	let mut extrinsics = Vec::with_capacity(raw.extrinsics.len());
	let mut accounts = BTreeSet::new();
	let mut timestamp = None;
	for (idx, bytes) in raw.extrinsics.iter().enumerate() {
		let row = match runtime.decode_extrinsic(bytes) {
			Ok(x) => {
				if x.pallet == "Timestamp" && x.call == "set" {
					timestamp = x.args.get("now").and_then(json_u128).map(|t| t as i64);
				}
				accounts.extend(x.signer.iter().cloned());
				accounts.extend(x.accounts.iter().cloned());
				ExtrinsicRow {
					block_number: number,
					idx: idx as i64,
					hash: x.hash,
					pallet: x.pallet,
					call: x.call,
					args: x.args,
					signer: x.signer,
					nonce: x.nonce.map(|n| n as i64),
					tip: x.tip.map(|t| t.to_string()),
					fee: None,
					// Until an event says otherwise (runtimes always emit one).
					success: true,
					error: None,
					len: x.len as i64,
				}
			}
			Err(e) => {
				tracing::warn!("block #{number} extrinsic {idx}: {e:#}");
				ExtrinsicRow {
					block_number: number,
					idx: idx as i64,
					hash: format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(bytes))),
					pallet: "?".into(),
					call: "?".into(),
					args: json!({ "undecodable": format!("0x{}", hex::encode(bytes)), "error": format!("{e:#}") }),
					len: bytes.len() as i64,
					success: true,
					..Default::default()
				}
			}
		};
		extrinsics.push(row);
	}

	let decoded_events = match runtime.decode_events(&raw.events) {
		Ok(e) => e,
		// No `System::Events` at all (genesis).
		Err(_) if raw.events.is_empty() => vec![],
		Err(e) => {
			tracing::warn!("block #{number} events: {e:#}");
			vec![]
		}
	};
	let mut events = Vec::with_capacity(decoded_events.len());
	let mut account_events = Vec::new();
	for (idx, ev) in decoded_events.into_iter().enumerate() {
		if let Some(x) = ev
			.extrinsic_idx
			.and_then(|i| extrinsics.get_mut(i as usize))
		{
			match (ev.pallet.as_str(), ev.name.as_str()) {
				("System", "ExtrinsicSuccess") => x.success = true,
				("System", "ExtrinsicFailed") => {
					x.success = false;
					x.error = Some(
						ev.fields
							.get("dispatch_error")
							.map(|e| runtime.describe_dispatch_error(e))
							.unwrap_or_else(|| ev.fields.to_string()),
					);
				}
				("TransactionPayment", "TransactionFeePaid") => {
					x.fee = ev
						.fields
						.get("actual_fee")
						.and_then(json_u128)
						.map(|f| f.to_string());
				}
				_ => {}
			}
		}
		for a in &ev.accounts {
			account_events.push((a.clone(), idx as u32));
			accounts.insert(a.clone());
		}
		events.push(EventRow {
			block_number: number,
			idx: idx as i64,
			extrinsic_idx: ev.extrinsic_idx.map(i64::from),
			phase: ev.phase,
			pallet: ev.pallet,
			name: ev.name,
			fields: ev.fields,
		});
	}

	let (entity_events, sync_inferences) = derive_rows(&extrinsics, &events);

	NewBlock {
		number: raw.header.number,
		hash: raw.hash.clone(),
		parent_hash: raw.header.parent_hash.clone(),
		state_root: raw.header.state_root.clone(),
		extrinsics_root: raw.header.extrinsics_root.clone(),
		timestamp,
		spec_version: runtime.spec_version,
		digest: raw.header.digest.to_string(),
		extrinsics,
		events,
		account_events,
		accounts: accounts.into_iter().collect(),
		entity_events,
		sync_inferences,
	}
}

/// What a block's decoded extrinsics and events say about models, inference
/// requests and synchronous inferences: entity history rows and
/// `sync_inferences` rows. [`Db::open`] also runs it on stored rows to
/// migrate databases indexed before these were derived.
pub fn derive_rows(
	extrinsics: &[ExtrinsicRow],
	events: &[EventRow],
) -> (Vec<EntityEvent>, Vec<SyncInferenceRow>) {
	let mut entity_events = Vec::new();
	let mut sync_inferences = Vec::new();
	for ev in events {
		for (kind, id) in entity_keys(&ev.pallet, &ev.name, &ev.fields) {
			entity_events.push(EntityEvent {
				kind: kind.into(),
				entity_id: id,
				block_number: ev.block_number,
				source: "event".into(),
				idx: ev.idx,
				name: format!("{}.{}", ev.pallet, ev.name),
				data: ev.fields.clone(),
			});
		}
		if (ev.pallet.as_str(), ev.name.as_str()) == ("Inference", "InferenceComputed") {
			sync_inferences.push(sync_inference(ev, extrinsics));
		}
	}

	// Calls of the model and inference pallets carry what events do not
	// (names, hashes, shapes, inputs, outputs, proofs): attach their arguments
	// to the entities their events (or their own id arguments) name, with the
	// names of the events they emitted (a rejected proof is not a result).
	for x in extrinsics {
		if !matches!(x.pallet.as_str(), "Models" | "Inference") || !x.success {
			continue;
		}
		let emitted: Vec<&EventRow> = events
			.iter()
			.filter(|e| e.extrinsic_idx == Some(x.idx))
			.collect();
		if (x.pallet.as_str(), x.call.as_str()) == ("Inference", "submit_results") {
			entity_events.extend(batch_results(x, &emitted));
			continue;
		}
		let mut keys: BTreeSet<(&'static str, String)> = emitted
			.iter()
			.filter(|e| e.pallet == x.pallet)
			.flat_map(|e| entity_keys(&e.pallet, &e.name, &e.fields))
			.collect();
		// A request's model_id names the model it runs, not an entity it changes.
		if x.pallet == "Models" || x.call != "request" {
			keys.extend(entity_keys(&x.pallet, &x.call, &x.args));
		}
		let mut data = match &x.args {
			Json::Object(m) => m.clone(),
			_ => Map::new(),
		};
		if let Some(s) = &x.signer {
			data.insert("signer".into(), Json::String(s.clone()));
		}
		data.insert(
			"outcome".into(),
			emitted
				.iter()
				.filter(|e| e.pallet == x.pallet)
				.map(|e| Json::String(e.name.clone()))
				.collect(),
		);
		for (kind, id) in keys {
			entity_events.push(EntityEvent {
				kind: kind.into(),
				entity_id: id,
				block_number: x.block_number,
				source: "call".into(),
				idx: x.idx,
				name: format!("{}.{}", x.pallet, x.call),
				data: Json::Object(data.clone()),
			});
		}
	}
	(entity_events, sync_inferences)
}

/// One call record per result of an `Inference.submit_results` batch `x`,
/// in its request's history: the result's own arguments (`request_id`,
/// `output`, `proof`), the signer, and the names of the events about that
/// request among `emitted`, so each result reads like a `submit_result`.
fn batch_results(x: &ExtrinsicRow, emitted: &[&EventRow]) -> Vec<EntityEvent> {
	let results = x.args.get("results").and_then(Json::as_array);
	results
		.into_iter()
		.flatten()
		.filter_map(|result| {
			let id = result.get("request_id").and_then(id_string)?;
			let mut data = result.as_object().cloned().unwrap_or_default();
			if let Some(s) = &x.signer {
				data.insert("signer".into(), Json::String(s.clone()));
			}
			let outcome = emitted
				.iter()
				.filter(|e| e.pallet == "Inference")
				.filter(|e| e.fields.get("request_id").and_then(id_string).as_ref() == Some(&id))
				.map(|e| Json::String(e.name.clone()))
				.collect();
			data.insert("outcome".into(), outcome);
			Some(EntityEvent {
				kind: "request".into(),
				entity_id: id,
				block_number: x.block_number,
				source: "call".into(),
				idx: x.idx,
				name: "Inference.submit_results".into(),
				data: Json::Object(data),
			})
		})
		.collect()
}

/// The row of an `Inference.InferenceComputed` event, with the input of the
/// `Inference.infer_now` call that emitted it (none if it was nested).
fn sync_inference(ev: &EventRow, extrinsics: &[ExtrinsicRow]) -> SyncInferenceRow {
	let call = ev
		.extrinsic_idx
		.and_then(|i| extrinsics.iter().find(|x| x.idx == i))
		.filter(|x| x.pallet == "Inference" && x.call == "infer_now");
	let f = &ev.fields;
	SyncInferenceRow {
		block_number: ev.block_number,
		event_idx: ev.idx,
		extrinsic_idx: ev.extrinsic_idx,
		who: f
			.get("who")
			.and_then(Json::as_str)
			.unwrap_or_default()
			.into(),
		model_id: f.get("model_id").and_then(id_string).unwrap_or_default(),
		work: f
			.get("work")
			.and_then(json_u128)
			.map(|w| w.min(i64::MAX as u128) as i64),
		output: f.get("output").cloned().unwrap_or(Json::Null),
		input: call.and_then(|x| x.args.get("input")).cloned(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::entities::request_view;
	use serde_json::json;

	fn event(idx: i64, name: &str, fields: Json) -> EventRow {
		EventRow {
			block_number: 9,
			idx,
			extrinsic_idx: Some(1),
			phase: "ApplyExtrinsic".into(),
			pallet: "Inference".into(),
			name: name.into(),
			fields,
		}
	}

	/// A batch's results land in their requests' histories one by one: the
	/// verified one gets its output and proof, the rejected one only counts
	/// a rejection.
	#[test]
	fn a_batch_is_split_into_its_requests() {
		let batch = ExtrinsicRow {
			block_number: 9,
			idx: 1,
			hash: "0x01".into(),
			pallet: "Inference".into(),
			call: "submit_results".into(),
			args: json!({"results": [
				{"request_id": 7, "output": [1, 2], "proof": "0xaa"},
				{"request_id": 8, "output": [3, 4], "proof": "0xbb"},
			]}),
			signer: Some("E".into()),
			nonce: Some(0),
			tip: None,
			fee: None,
			success: true,
			error: None,
			len: 100,
		};
		let events = [
			event(
				0,
				"InferenceVerified",
				json!({"request_id": 7, "executor": "E", "fee": "5"}),
			),
			event(
				1,
				"ProofRejected",
				json!({"request_id": 8, "executor": "E", "slashed": "3"}),
			),
			event(
				2,
				"BatchVerified",
				json!({"executor": "E", "results": 2, "accepted": 1}),
			),
		];
		let (rows, _) = derive_rows(&[batch], &events);
		let history = |id: &str| -> Vec<EntityEvent> {
			rows.iter()
				.filter(|r| r.kind == "request" && r.entity_id == id)
				.cloned()
				.collect()
		};
		let verified = request_view("7", history("7"), None, |_| None);
		assert_eq!(verified.status, "verified");
		assert_eq!(verified.output, Some(json!([1, 2])));
		assert_eq!(verified.proof, Some(json!("0xaa")));
		let rejected = request_view("8", history("8"), None, |_| None);
		assert_eq!(rejected.status, "pending");
		assert_eq!(rejected.rejections, 1);
		assert_eq!(
			rejected.output, None,
			"a rejected result is not the request's"
		);
	}
}
