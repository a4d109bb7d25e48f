//! The Groth16 setup ceremony (`Ceremony` pallet), folded from its indexed
//! events and the state the indexer reads from the runtime at its head.
//!
//! - Phase 1, the universal SRS: the `Ceremony.Srs*` events are the history
//!   of entity `ceremony` `srs` ([`srs_view`]).
//! - Phase 2, one key ceremony per zk model version: the `Ceremony.Key*`
//!   events are in the history of the model version (`version` entities,
//!   [`key_view`]).
//!
//! Events do not tell everything: a development chain's SRS is final at
//! genesis without events (and **insecure**: its secrets are known), and the
//! current turn, its deadline and the verifying key are state. After each
//! round the indexer reads `CeremonyApi::srs` (with the `Ceremony::Timing`
//! storage value) and `CeremonyApi::key` of the versions whose ceremony may
//! have changed at the block it indexed last ([`refresh_state`]) and stores
//! them in the `runtime_state` table, so pages and API need no node.

use anyhow::Result;
use serde::Serialize;
use serde_json::{json, Value as Json};

use crate::{
	db::{Db, EntityEvent},
	rpc::Rpc,
};

/// Entity kind and id of phase 1's history.
pub const SRS_ENTITY: (&str, &str) = ("ceremony", "srs");
/// `runtime_state` key of phase 1 (`{info: CeremonyApi::srs, timing: Ceremony::Timing}`).
pub const SRS_STATE: &str = "ceremony.srs";

/// `runtime_state` key of a model version's key ceremony (`CeremonyApi::key`).
pub fn key_state(model_id: &str) -> String {
	format!("ceremony.key.{model_id}")
}

/// Whether state read at block `at` must be read again at `tip`: never read,
/// ceremony events since, or not settled (a settled state changes only with
/// an event).
fn needs_refresh(
	state: Option<&(i64, Json)>,
	last_event: Option<i64>,
	tip: i64,
	settled: impl Fn(&Json) -> bool,
) -> bool {
	match state {
		None => true,
		Some((at, data)) => *at < tip && (last_event.is_some_and(|e| e > *at) || !settled(data)),
	}
}

/// Reads the ceremony's state at the indexed head where it may have changed
/// (see the module docs). Runtimes without `CeremonyApi` are skipped.
pub async fn refresh_state(rpc: &Rpc, db: &Db) -> Result<()> {
	let Some((tip, hash)) = db.tip().await? else {
		return Ok(());
	};
	let tip = tip as i64;
	let runtime = rpc.runtime_at(&hash).await?;
	if runtime.runtime_api_method("CeremonyApi", "srs").is_none() {
		return Ok(());
	}
	let state = db.runtime_state(SRS_STATE).await?;
	let last = db
		.entities_touched(SRS_ENTITY.0, "Ceremony.")
		.await?
		.into_iter()
		.map(|(_, b)| b)
		.max();
	// Final (or absent) phase 1 changes only with an event.
	let settled = |d: &Json| d["info"].is_null() || d["info"]["phase"] == "Final";
	if needs_refresh(state.as_ref(), last, tip, settled) {
		let info = rpc
			.runtime_api(&hash, "CeremonyApi", "srs", &[])
			.await?
			.unwrap_or(Json::Null);
		let timing = rpc.storage_value(&hash, "Ceremony", "Timing").await?;
		db.set_runtime_state(SRS_STATE, tip, &json!({ "info": info, "timing": timing }))
			.await?;
	}
	for (id, last) in db.entities_touched("version", "Ceremony.").await? {
		let Ok(model_id) = id.parse::<u128>() else {
			continue;
		};
		let key = key_state(&id);
		let state = db.runtime_state(&key).await?;
		// A final key never changes; a failed one only with `retry_key`'s event.
		let settled =
			|d: &Json| d.is_null() || matches!(d["status"].as_str(), Some("Final" | "Failed"));
		if needs_refresh(state.as_ref(), Some(last), tip, settled) {
			let info = rpc
				.runtime_api(&hash, "CeremonyApi", "key", &[model_id])
				.await?
				.unwrap_or(Json::Null);
			db.set_runtime_state(&key, tip, &info).await?;
		}
	}
	Ok(())
}

/// A round of phase 1 or of a key ceremony.
#[derive(Clone, Debug, Serialize)]
pub struct Round {
	pub round: Option<u64>,
	/// Participants, in turn order.
	pub participants: Option<u64>,
	/// Block it started in.
	pub block: i64,
}

/// A participant's node's verdict on a phase-1 contribution.
#[derive(Clone, Debug, Serialize)]
pub struct Attestation {
	pub who: String,
	/// Whether it found the SRS well formed.
	pub ok: bool,
	pub block: i64,
}

/// A phase-1 contribution.
#[derive(Clone, Debug, Serialize)]
pub struct SrsContribution {
	pub round: Option<u64>,
	pub who: String,
	pub block: i64,
	/// `block-index` of its `SrsContributed` event.
	pub event: String,
	/// The new SRS's artifact hash.
	pub srs_hash: Option<String>,
	/// `checking`, `accepted` or `refused`.
	pub outcome: String,
	/// Block it was accepted or refused in.
	pub settled_in: Option<i64>,
	/// The transcript hash after it (accepted contributions).
	pub transcript: Option<String>,
	/// The other participants' verdicts.
	pub attestations: Vec<Attestation>,
	/// Votes that the SRS is well formed, the contributor's own included.
	pub ok: usize,
	/// Votes that it is malformed.
	pub bad: usize,
}

/// A turn a participant missed.
#[derive(Clone, Debug, Serialize)]
pub struct SkippedTurn {
	pub round: Option<u64>,
	pub who: String,
	pub block: i64,
}

/// Phase 1's random beacon.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Beacon {
	/// Block the beacon block was fixed in.
	pub scheduled_in: Option<i64>,
	/// The beacon block: its hash is the beacon.
	pub block: Option<u64>,
	/// Block the beacon was applied in.
	pub applied_in: Option<i64>,
	/// The beacon (the beacon block's hash).
	pub value: Option<String>,
	/// The transcript hash after it.
	pub transcript: Option<String>,
}

/// A participant's vote for the final SRS.
#[derive(Clone, Debug, Serialize)]
pub struct SealVote {
	pub who: String,
	/// The final SRS's artifact hash it computed.
	pub srs_hash: Option<String>,
	pub block: i64,
}

/// The final SRS's Lagrange bases on one domain, published for the other
/// nodes to check and reuse.
#[derive(Clone, Debug, Serialize)]
pub struct PublishedBases {
	pub domain_size: Option<u64>,
	/// The validator whose node computed them.
	pub who: String,
	/// Their artifact hash.
	pub bases_hash: Option<String>,
	pub block: i64,
}

/// Phase 1: the universal SRS.
#[derive(Clone, Debug, Serialize)]
pub struct SrsView {
	/// `contributing`, `beacon`, `sealing`, `final`, or `unknown` (no
	/// events and no state read: e.g. a runtime without the ceremony).
	pub status: String,
	/// The insecure development SRS (known secrets: anyone can forge
	/// proofs); `None` when no state was read.
	pub insecure: Option<bool>,
	/// The largest QAP domain the SRS serves.
	pub max_domain: Option<u64>,
	/// The current round.
	pub round: Option<u64>,
	/// Contributions accepted (all rounds).
	pub accepted: Option<u64>,
	/// The current SRS's artifact hash (`None`: the identity SRS, or the
	/// development SRS, which nodes make themselves).
	pub srs_hash: Option<String>,
	/// The final SRS's artifact hash, once sealed.
	pub final_srs_hash: Option<String>,
	/// The transcript hash so far.
	pub transcript: Option<String>,
	/// This round's participants, in turn order.
	pub participants: Vec<String>,
	/// Whose turn it is, while a round is on.
	pub turn: Option<String>,
	/// Last block of the current turn.
	pub deadline: Option<u64>,
	/// The contribution being checked: `{who, srs_hash, ok, bad}`.
	pub pending: Option<Json>,
	/// `Ceremony::Timing`: blocks per turn, to check, to the beacon.
	pub timing: Option<Json>,
	/// Block the state above was read at (the indexed head then).
	pub state_at: Option<i64>,
	pub rounds: Vec<Round>,
	pub contributions: Vec<SrsContribution>,
	pub skipped: Vec<SkippedTurn>,
	pub beacon: Option<Beacon>,
	pub seal_votes: Vec<SealVote>,
	/// Block the SRS was sealed in.
	pub sealed_in: Option<i64>,
	/// Domain sizes the sealed SRS serves.
	pub domains: Option<u64>,
	/// The Lagrange bases published after the seal.
	pub bases: Vec<PublishedBases>,
	pub history: Vec<EntityEvent>,
}

fn short_name(e: &EntityEvent) -> &str {
	e.name.rsplit('.').next().unwrap_or(&e.name)
}

/// A value as text: strings (hashes, addresses) as they are.
fn as_text(v: &Json) -> String {
	match v {
		Json::String(s) => s.clone(),
		other => other.to_string(),
	}
}

fn text(data: &Json, key: &str) -> Option<String> {
	data.get(key).filter(|v| !v.is_null()).map(as_text)
}

fn num(data: &Json, key: &str) -> Option<u64> {
	match data.get(key)? {
		Json::Number(n) => n.as_u64(),
		Json::String(s) => s.parse().ok(),
		_ => None,
	}
}

/// `Contributing` → `contributing`, `{"Beacon": {"at": n}}` → `beacon`.
fn phase_name(phase: &Json) -> Option<String> {
	match phase {
		Json::String(s) => Some(s.to_ascii_lowercase()),
		Json::Object(m) => m.keys().next().map(|k| k.to_ascii_lowercase()),
		_ => None,
	}
}

/// Folds phase 1's history (`ceremony` `srs` entity events, oldest first)
/// and the state read at `state.0` (`{info, timing}`, see [`SRS_STATE`]).
pub fn srs_view(history: Vec<EntityEvent>, state: Option<(i64, Json)>) -> SrsView {
	let mut v = SrsView {
		status: "unknown".into(),
		insecure: None,
		max_domain: None,
		round: None,
		accepted: None,
		srs_hash: None,
		final_srs_hash: None,
		transcript: None,
		participants: vec![],
		turn: None,
		deadline: None,
		pending: None,
		timing: None,
		state_at: None,
		rounds: vec![],
		contributions: vec![],
		skipped: vec![],
		beacon: None,
		seal_votes: vec![],
		sealed_in: None,
		domains: None,
		bases: vec![],
		history: vec![],
	};
	let mut accepted = 0;
	for e in history.iter().filter(|e| e.source == "event") {
		let d = &e.data;
		let id = format!("{}-{}", e.block_number, e.idx);
		match short_name(e) {
			"SrsRoundStarted" => {
				v.round = num(d, "round");
				v.status = "contributing".into();
				v.rounds.push(Round {
					round: v.round,
					participants: num(d, "participants"),
					block: e.block_number,
				});
			}
			"SrsContributed" => v.contributions.push(SrsContribution {
				round: v.round,
				who: text(d, "who").unwrap_or_default(),
				block: e.block_number,
				event: id,
				srs_hash: text(d, "srs_hash"),
				outcome: "checking".into(),
				settled_in: None,
				transcript: None,
				attestations: vec![],
				ok: 1,
				bad: 0,
			}),
			"SrsAttested" => {
				let hash = text(d, "srs_hash");
				if let Some(c) = v
					.contributions
					.iter_mut()
					.rev()
					.find(|c| c.srs_hash == hash)
				{
					let ok = d.get("ok").and_then(Json::as_bool).unwrap_or(false);
					if ok {
						c.ok += 1;
					} else {
						c.bad += 1;
					}
					c.attestations.push(Attestation {
						who: text(d, "who").unwrap_or_default(),
						ok,
						block: e.block_number,
					});
				}
			}
			name @ ("SrsAccepted" | "SrsRefused") => {
				let hash = text(d, "srs_hash");
				if let Some(c) = v
					.contributions
					.iter_mut()
					.rev()
					.find(|c| c.srs_hash == hash)
				{
					c.settled_in = Some(e.block_number);
					if name == "SrsAccepted" {
						c.outcome = "accepted".into();
						c.transcript = text(d, "transcript");
					} else {
						c.outcome = "refused".into();
					}
				}
				if name == "SrsAccepted" {
					accepted += 1;
					v.srs_hash = hash;
					v.transcript = text(d, "transcript");
				}
			}
			"SrsTurnSkipped" => v.skipped.push(SkippedTurn {
				round: v.round,
				who: text(d, "who").unwrap_or_default(),
				block: e.block_number,
			}),
			"SrsBeaconScheduled" => {
				v.status = "beacon".into();
				v.beacon = Some(Beacon {
					scheduled_in: Some(e.block_number),
					block: num(d, "at"),
					..Default::default()
				});
			}
			"SrsBeaconApplied" => {
				v.status = "sealing".into();
				let b = v.beacon.get_or_insert_with(Default::default);
				b.block = num(d, "block").or(b.block);
				b.applied_in = Some(e.block_number);
				b.value = text(d, "beacon");
				b.transcript = text(d, "transcript");
				v.transcript = b.transcript.clone();
			}
			"SrsSealVote" => v.seal_votes.push(SealVote {
				who: text(d, "who").unwrap_or_default(),
				srs_hash: text(d, "srs_hash"),
				block: e.block_number,
			}),
			"SrsSealed" => {
				v.status = "final".into();
				v.final_srs_hash = text(d, "srs_hash");
				v.srs_hash = v.final_srs_hash.clone();
				v.sealed_in = Some(e.block_number);
				v.domains = num(d, "domains");
			}
			"BasesPublished" => v.bases.push(PublishedBases {
				domain_size: num(d, "domain_size"),
				who: text(d, "who").unwrap_or_default(),
				bases_hash: text(d, "bases_hash"),
				block: e.block_number,
			}),
			_ => {}
		}
	}
	if !v.contributions.is_empty() {
		v.accepted = Some(accepted);
	}
	if let Some((at, state)) = state {
		v.state_at = Some(at);
		v.timing = state.get("timing").filter(|t| !t.is_null()).cloned();
		let info = &state["info"];
		if info.is_object() {
			if let Some(phase) = phase_name(&info["phase"]) {
				v.status = phase;
			}
			v.insecure = info.get("insecure").and_then(Json::as_bool);
			v.max_domain = num(info, "max_domain");
			v.round = num(info, "round").or(v.round);
			v.accepted = num(info, "accepted").or(v.accepted);
			v.srs_hash = text(info, "srs_hash").or(v.srs_hash.take());
			v.transcript = text(info, "transcript").or(v.transcript.take());
			v.participants = info["order"]
				.as_array()
				.map(|o| o.iter().map(as_text).collect())
				.unwrap_or_default();
			v.turn = text(info, "turn");
			v.deadline = num(info, "deadline");
			if let Some(Json::Array(p)) = info.get("pending") {
				v.pending = Some(json!({
					"who": p.first().map(as_text),
					"srs_hash": p.get(1).map(as_text),
					"ok": p.get(2),
					"bad": p.get(3),
				}));
			}
			if let Some(beacon) = text(info, "beacon") {
				v.beacon.get_or_insert_with(Default::default).value = Some(beacon);
			}
			if let Some(Json::Object(b)) = info.get("phase") {
				if let Some(at) = b.get("Beacon").and_then(|b| num(b, "at")) {
					v.beacon.get_or_insert_with(Default::default).block = Some(at);
				}
			}
			if v.status == "final" && v.insecure == Some(false) {
				v.final_srs_hash = v.srs_hash.clone().or(v.final_srs_hash.take());
			}
		}
	}
	v.history = history;
	v
}

/// A contribution to a model's key.
#[derive(Clone, Debug, Serialize)]
pub struct KeyContribution {
	pub round: Option<u64>,
	pub who: String,
	pub block: i64,
	/// `block-index` of its `KeyContributed` event.
	pub event: String,
	/// The proving key it produced (artifact hash).
	pub proving_key: Option<String>,
	/// The transcript hash after it.
	pub transcript: Option<String>,
	/// Participants whose nodes refuted its proving key (`KeyRefuted`).
	pub refuted_by: Vec<String>,
	/// Block a majority's refutations removed it in (`KeyContributionRemoved`).
	pub removed_in: Option<i64>,
}

/// A model version's key ceremony (phase 2).
#[derive(Clone, Debug, Serialize)]
pub struct KeyView {
	pub model_id: String,
	/// `pending`, `final` or `failed`.
	pub status: String,
	/// The QAP domain size of the key.
	pub domain_size: Option<u64>,
	/// The current round.
	pub round: Option<u64>,
	/// Block the ceremony started in.
	pub started_in: Option<i64>,
	/// The final proving key's artifact hash.
	pub proving_key: Option<String>,
	/// Block the key became final in.
	pub finalized_in: Option<i64>,
	/// Block the last round failed in (too few contributions).
	pub failed_in: Option<i64>,
	/// blake2-256 of the verifying key's bytes (the final one when `status`
	/// is `final`), from the state read at `state_at`.
	pub verifying_key_hash: Option<String>,
	/// Its size in bytes.
	pub verifying_key_len: Option<usize>,
	/// The transcript hash so far.
	pub transcript: Option<String>,
	/// The quantized model's hash (the statement's model id).
	pub model_hash: Option<String>,
	/// This round's contributors, in turn order.
	pub participants: Vec<String>,
	/// Whose turn it is, while pending.
	pub turn: Option<String>,
	/// Last block of the current turn.
	pub deadline: Option<u64>,
	/// Whether the chain's SRS is the insecure development SRS.
	pub srs_insecure: Option<bool>,
	/// Block the state was read at (the indexed head then).
	pub state_at: Option<i64>,
	pub rounds: Vec<Round>,
	pub contributions: Vec<KeyContribution>,
	pub skipped: Vec<SkippedTurn>,
	/// The ceremony's events, oldest first.
	pub history: Vec<EntityEvent>,
}

/// blake2-256 of `0x…` bytes, as `0x…`.
pub fn hex_blake2(hex_bytes: &str) -> Option<(String, usize)> {
	let bytes = hex::decode(hex_bytes.trim_start_matches("0x")).ok()?;
	Some((
		format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(&bytes))),
		bytes.len(),
	))
}

/// Folds the key ceremony of model version `model_id` from its history
/// (only its `Ceremony.*` entries count) and the state read at `state.0`
/// (`CeremonyApi::key`); `None` when it has neither (a version without zk).
pub fn key_view(
	model_id: &str,
	history: &[EntityEvent],
	state: Option<(i64, Json)>,
	srs_insecure: Option<bool>,
) -> Option<KeyView> {
	let history: Vec<EntityEvent> = history
		.iter()
		.filter(|e| e.source == "event" && e.name.starts_with("Ceremony."))
		.cloned()
		.collect();
	let state = state.filter(|(_, s)| s.is_object());
	if history.is_empty() && state.is_none() {
		return None;
	}
	let mut v = KeyView {
		model_id: model_id.into(),
		status: "pending".into(),
		domain_size: None,
		round: None,
		started_in: history.first().map(|e| e.block_number),
		proving_key: None,
		finalized_in: None,
		failed_in: None,
		verifying_key_hash: None,
		verifying_key_len: None,
		transcript: None,
		model_hash: None,
		participants: vec![],
		turn: None,
		deadline: None,
		srs_insecure,
		state_at: None,
		rounds: vec![],
		contributions: vec![],
		skipped: vec![],
		history: vec![],
	};
	for e in &history {
		let d = &e.data;
		match short_name(e) {
			"KeyCeremonyStarted" => {
				v.status = "pending".into();
				v.round = num(d, "round");
				v.domain_size = num(d, "domain_size").or(v.domain_size);
				v.rounds.push(Round {
					round: v.round,
					participants: num(d, "participants"),
					block: e.block_number,
				});
			}
			"KeyContributed" => {
				v.transcript = text(d, "transcript");
				v.contributions.push(KeyContribution {
					round: v.round,
					who: text(d, "who").unwrap_or_default(),
					block: e.block_number,
					event: format!("{}-{}", e.block_number, e.idx),
					proving_key: text(d, "proving_key"),
					transcript: v.transcript.clone(),
					refuted_by: vec![],
					removed_in: None,
				});
			}
			"KeyRefuted" | "KeyContributionRemoved" => {
				let key = text(d, "proving_key");
				let Some(c) = v
					.contributions
					.iter_mut()
					.rev()
					.find(|c| c.removed_in.is_none() && c.proving_key == key)
				else {
					continue;
				};
				if short_name(e) == "KeyRefuted" {
					c.refuted_by.push(text(d, "who").unwrap_or_default());
				} else {
					c.removed_in = Some(e.block_number);
				}
				if c.removed_in.is_some() {
					// The transcript is the last remaining contribution's again.
					v.transcript = v
						.contributions
						.iter()
						.rev()
						.find(|c| c.removed_in.is_none())
						.and_then(|c| c.transcript.clone());
				}
			}
			"KeyTurnSkipped" => v.skipped.push(SkippedTurn {
				round: v.round,
				who: text(d, "who").unwrap_or_default(),
				block: e.block_number,
			}),
			"KeyFinalized" => {
				v.status = "final".into();
				v.proving_key = text(d, "proving_key");
				v.finalized_in = Some(e.block_number);
			}
			"KeyFailed" => {
				v.status = "failed".into();
				v.failed_in = Some(e.block_number);
			}
			_ => {}
		}
	}
	if let Some((at, s)) = state {
		v.state_at = Some(at);
		if let Some(status) = s.get("status").and_then(Json::as_str) {
			v.status = status.to_ascii_lowercase();
		}
		v.domain_size = num(&s, "domain_size").or(v.domain_size);
		v.round = num(&s, "round").or(v.round);
		v.transcript = text(&s, "transcript").or(v.transcript.take());
		v.model_hash = text(&s, "model_hash");
		v.participants = s["order"]
			.as_array()
			.map(|o| o.iter().map(as_text).collect())
			.unwrap_or_default();
		if v.status == "pending" {
			v.turn = text(&s, "turn");
			v.deadline = num(&s, "deadline");
		}
		if v.status == "final" && v.proving_key.is_none() {
			v.proving_key = text(&s, "proving_key");
		}
		if let Some((hash, len)) = s
			.get("verifying_key")
			.and_then(Json::as_str)
			.and_then(hex_blake2)
			.filter(|(_, len)| *len > 0)
		{
			v.verifying_key_hash = Some(hash);
			v.verifying_key_len = Some(len);
		}
	}
	v.history = history;
	Some(v)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn ev(block: i64, idx: i64, name: &str, data: Json) -> EntityEvent {
		EntityEvent {
			kind: String::new(),
			entity_id: String::new(),
			block_number: block,
			source: "event".into(),
			idx,
			name: format!("Ceremony.{name}"),
			data,
		}
	}

	#[test]
	fn development_srs_is_final_and_insecure_without_events() {
		let unknown = srs_view(vec![], None);
		assert_eq!(unknown.status, "unknown");
		assert_eq!(unknown.insecure, None);
		let dev = srs_view(
			vec![],
			Some((
				7,
				json!({
					"info": {"max_domain": 262144, "phase": "Final", "insecure": true, "srs_hash": null,
						"round": 0, "order": [], "turn": null, "deadline": 40, "accepted": 0,
						"pending": null, "beacon": null, "transcript": "0x01", "head": "0x02"},
					"timing": {"contribution": 40, "check": 100, "beacon_delay": 5},
				}),
			)),
		);
		assert_eq!(dev.status, "final");
		assert_eq!(dev.insecure, Some(true));
		assert_eq!(dev.max_domain, Some(262144));
		assert_eq!(dev.final_srs_hash, None);
		assert_eq!(dev.state_at, Some(7));
		assert_eq!(dev.timing.as_ref().unwrap()["contribution"], 40);
	}

	#[test]
	fn phase_one_and_a_key_fold() {
		let (a, b, c) = ("A", "B", "C");
		let srs = srs_view(
			vec![
				ev(
					1,
					0,
					"SrsRoundStarted",
					json!({"round": 1, "participants": 3}),
				),
				ev(
					3,
					2,
					"SrsContributed",
					json!({"who": a, "srs_hash": "0xa1"}),
				),
				ev(
					4,
					1,
					"SrsAttested",
					json!({"who": b, "srs_hash": "0xa1", "ok": true}),
				),
				ev(
					4,
					2,
					"SrsAccepted",
					json!({"who": a, "srs_hash": "0xa1", "transcript": "0xt1"}),
				),
				ev(
					9,
					1,
					"SrsContributed",
					json!({"who": b, "srs_hash": "0xb1"}),
				),
				ev(
					10,
					1,
					"SrsAttested",
					json!({"who": a, "srs_hash": "0xb1", "ok": false}),
				),
				ev(
					10,
					2,
					"SrsAttested",
					json!({"who": c, "srs_hash": "0xb1", "ok": false}),
				),
				ev(10, 3, "SrsRefused", json!({"who": b, "srs_hash": "0xb1"})),
				ev(50, 0, "SrsTurnSkipped", json!({"who": c})),
				ev(50, 1, "SrsBeaconScheduled", json!({"at": 55})),
				ev(
					56,
					0,
					"SrsBeaconApplied",
					json!({"block": 55, "beacon": "0xbe", "transcript": "0xt2"}),
				),
				ev(57, 1, "SrsSealVote", json!({"who": a, "srs_hash": "0xf1"})),
				ev(58, 1, "SrsSealVote", json!({"who": b, "srs_hash": "0xf1"})),
				ev(
					58,
					2,
					"SrsSealed",
					json!({"srs_hash": "0xf1", "domains": 33}),
				),
				ev(
					60,
					1,
					"BasesPublished",
					json!({"who": b, "domain_size": 3072, "bases_hash": "0xb3"}),
				),
			],
			None,
		);
		assert_eq!(srs.status, "final");
		assert_eq!(srs.rounds.len(), 1);
		assert_eq!(srs.contributions.len(), 2);
		let first = &srs.contributions[0];
		assert_eq!(
			(first.outcome.as_str(), first.ok, first.bad),
			("accepted", 2, 0)
		);
		assert_eq!(first.transcript.as_deref(), Some("0xt1"));
		let second = &srs.contributions[1];
		assert_eq!(
			(second.outcome.as_str(), second.ok, second.bad),
			("refused", 1, 2)
		);
		assert_eq!(second.settled_in, Some(10));
		assert_eq!(srs.accepted, Some(1));
		assert_eq!(srs.skipped.len(), 1);
		let beacon = srs.beacon.as_ref().unwrap();
		assert_eq!(
			(beacon.scheduled_in, beacon.block, beacon.applied_in),
			(Some(50), Some(55), Some(56))
		);
		assert_eq!(beacon.value.as_deref(), Some("0xbe"));
		assert_eq!(srs.seal_votes.len(), 2);
		assert_eq!(srs.final_srs_hash.as_deref(), Some("0xf1"));
		assert_eq!((srs.sealed_in, srs.domains), (Some(58), Some(33)));
		let bases = &srs.bases[0];
		assert_eq!(
			(
				bases.domain_size,
				bases.who.as_str(),
				bases.bases_hash.as_deref(),
				bases.block
			),
			(Some(3072), b, Some("0xb3"), 60)
		);

		let history = vec![
			ev(
				5,
				2,
				"KeyCeremonyStarted",
				json!({"model_id": 3, "domain_size": 1024, "round": 1, "participants": 2}),
			),
			ev(100, 0, "KeyTurnSkipped", json!({"model_id": 3, "who": a})),
			ev(
				101,
				1,
				"KeyContributed",
				json!({"model_id": 3, "who": b, "proving_key": "0xp1", "transcript": "0xk1"}),
			),
			ev(
				101,
				2,
				"KeyFinalized",
				json!({"model_id": 3, "proving_key": "0xp1", "contributions": 1}),
			),
		];
		let key = key_view(
			"3",
			&history,
			Some((101, json!({"status": "Final", "verifying_key": "0x0102", "order": [a, b], "turn": null, "deadline": 140}))),
			Some(false),
		)
		.unwrap();
		assert_eq!(key.status, "final");
		assert_eq!(key.domain_size, Some(1024));
		assert_eq!(key.skipped.len(), 1);
		assert_eq!(key.contributions.len(), 1);
		assert_eq!(key.proving_key.as_deref(), Some("0xp1"));
		assert_eq!(key.finalized_in, Some(101));
		assert_eq!(key.verifying_key_len, Some(2));
		assert_eq!(key.deadline, None, "no turn once final");
		assert_eq!(
			key.verifying_key_hash,
			Some(format!(
				"0x{}",
				hex::encode(sp_crypto_hashing::blake2_256(&[1, 2]))
			))
		);
		assert!(key_view("4", &[], None, None).is_none());
		let pending = key_view("3", &history[..2], None, None).unwrap();
		assert_eq!(pending.status, "pending");
		assert_eq!(pending.proving_key, None);
		let mut failed = history[..2].to_vec();
		failed.push(ev(
			140,
			0,
			"KeyFailed",
			json!({"model_id": 3, "contributions": 0}),
		));
		let failed = key_view("3", &failed, None, None).unwrap();
		assert_eq!(
			(failed.status.as_str(), failed.failed_in),
			("failed", Some(140))
		);

		// A majority refutes the final key: the contribution is removed and
		// the round fails (no contribution left).
		let mut refuted = history.clone();
		refuted.extend([
			ev(
				104,
				0,
				"KeyRefuted",
				json!({"model_id": 3, "who": a, "proving_key": "0xp1"}),
			),
			ev(
				104,
				1,
				"KeyContributionRemoved",
				json!({"model_id": 3, "who": b, "proving_key": "0xp1"}),
			),
			ev(
				104,
				2,
				"KeyFailed",
				json!({"model_id": 3, "contributions": 0}),
			),
		]);
		let refuted = key_view("3", &refuted, None, None).unwrap();
		assert_eq!(refuted.status, "failed");
		let c = &refuted.contributions[0];
		assert_eq!(
			(c.refuted_by.clone(), c.removed_in),
			(vec![a.to_string()], Some(104))
		);
		assert_eq!(refuted.transcript, None, "back to before any contribution");
	}
}
