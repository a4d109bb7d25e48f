//! Models and inference requests, folded from their indexed history: the
//! events of the `Models` and `Inference` pallets and the arguments of the
//! calls that emitted them (see [`crate::indexer`] for how those are keyed).
//!
//! - `model` entities are model families (`family` id): owner, name, versions.
//! - `version` entities are model versions (`model_id`): hashes, shapes,
//!   fixed-point formats, supported modes, deprecation.
//! - `request` entities are inference requests (`request_id`).
//!
//! Synchronous inferences (`Inference.InferenceComputed`) are rows of their
//! own ([`SyncInferenceRow`]), shown with their dequantized output
//! ([`sync_inference_view`]).

use serde::Serialize;
use serde_json::Value as Json;

use crate::db::{EntityEvent, SyncInferenceRow};

/// One model version.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VersionView {
	pub model_id: String,
	pub family: Option<String>,
	/// The owner's label, e.g. `1.2.0`.
	pub label: Option<String>,
	pub onnx_hash: Option<String>,
	pub quantized_hash: Option<String>,
	/// The proving key executors prove with: its key ceremony's final one
	/// (`Ceremony.KeyFinalized`), or on chains from before the ceremony the
	/// registrant's (`descriptor.proving_key_hash`).
	pub proving_key_hash: Option<String>,
	/// Size of the Groth16 verifying key in bytes: the final key of its key
	/// ceremony (read from the runtime), or on chains from before the
	/// ceremony the one registered with it.
	pub verifying_key_len: Option<usize>,
	/// blake2-256 of the verifying key's bytes (same sources).
	pub verifying_key_hash: Option<String>,
	/// The key ceremony's parameters (`descriptor.zk`: `domain_size`,
	/// `owner_contributes`).
	pub zk: Option<Json>,
	/// The key ceremony's status: `pending`, `final` or `failed` (`None`
	/// without one).
	pub key_status: Option<String>,
	/// Whether the chain's SRS is the insecure development SRS (known
	/// secrets: anyone can forge proofs for any key made from it); `None`
	/// when unknown.
	pub srs_insecure: Option<bool>,
	pub act_bits: Option<Json>,
	pub inputs: Option<Json>,
	pub outputs: Option<Json>,
	pub supports_zk: Option<bool>,
	pub supports_vanilla: Option<bool>,
	/// `active`, `deprecated` or `removed`.
	pub status: String,
	pub registered_in: Option<i64>,
	pub deposit: Option<Json>,
	/// Whether the version is enabled for synchronous inference
	/// (`Inference.SyncModelSet`).
	pub sync_enabled: bool,
	/// Its work units, while enabled.
	pub sync_work: Option<u64>,
	/// Block of the last `SyncModelSet` for this version.
	pub sync_set_in: Option<i64>,
	pub history: Vec<EntityEvent>,
}

/// A synchronous inference with its dequantized output.
#[derive(Clone, Debug, Serialize)]
pub struct SyncInferenceView {
	/// `block-index` of its `InferenceComputed` event.
	pub id: String,
	/// `block-index` of the extrinsic that ran it.
	pub extrinsic_id: Option<String>,
	#[serde(flatten)]
	pub row: SyncInferenceRow,
	/// Each output integer `q` as `q / 2^frac_bits` of its model output.
	pub output_dequantized: Option<Vec<f64>>,
}

/// A model family.
#[derive(Clone, Debug, Serialize)]
pub struct ModelView {
	pub id: String,
	pub name: Option<String>,
	pub owner: Option<String>,
	/// Proposed new owner, while a transfer is pending.
	pub proposed_owner: Option<String>,
	pub registered_in: Option<i64>,
	/// Model version ids, oldest first.
	pub version_ids: Vec<String>,
	pub history: Vec<EntityEvent>,
}

/// An inference request.
#[derive(Clone, Debug, Serialize)]
pub struct RequestView {
	pub id: String,
	pub model_id: Option<String>,
	pub requester: Option<String>,
	pub executor: Option<String>,
	pub mode: Option<String>,
	pub fee: Option<Json>,
	pub deadline: Option<Json>,
	pub input: Option<Json>,
	pub output: Option<Json>,
	/// Each output integer `q` as `q / 2^frac_bits` of its model output.
	pub output_dequantized: Option<Vec<f64>>,
	pub proof: Option<Json>,
	/// `pending`, `verified`, `unverified` (a stored Vanilla result),
	/// `provisional` (an Optimistic result in its challenge window), `final`
	/// (unchallenged), `overturned` (a challenge proved another output),
	/// `expired` or `refunded`.
	pub status: String,
	/// Proofs rejected so far, the executors' and challengers' (each slashed).
	pub rejections: usize,
	/// Windows its executors let lapse (each slashed, a backup drawn).
	pub lapses: usize,
	pub requested_in: Option<i64>,
	/// Block the result was verified (or stored, or became final) in.
	pub verified_in: Option<i64>,
	/// Milliseconds from the request's block to the result's block.
	pub latency_ms: Option<i64>,
	pub history: Vec<EntityEvent>,
}

/// Names stored as bytes are shown as text when they are printable UTF-8.
pub fn as_text(v: &Json) -> String {
	match v {
		Json::String(s) => {
			if let Some(hex) = s.strip_prefix("0x") {
				if let Ok(bytes) = hex::decode(hex) {
					if let Ok(text) = String::from_utf8(bytes) {
						if text.chars().all(|c| !c.is_control()) {
							return text;
						}
					}
				}
			}
			s.clone()
		}
		Json::Null => String::new(),
		other => other.to_string(),
	}
}

fn short_name(e: &EntityEvent) -> &str {
	e.name.rsplit('.').next().unwrap_or(&e.name)
}

fn get<'a>(data: &'a Json, key: &str) -> Option<&'a Json> {
	data.get(key).filter(|v| !v.is_null())
}

fn text(data: &Json, key: &str) -> Option<String> {
	get(data, key).map(as_text)
}

/// Whether a call entry's extrinsic emitted an event named `name`.
fn call_emitted(e: &EntityEvent, names: &[&str]) -> bool {
	e.data
		.get("outcome")
		.and_then(|o| o.as_array())
		.is_some_and(|o| {
			o.iter()
				.any(|n| names.iter().any(|x| n.as_str() == Some(x)))
		})
}

/// Folds a model family's history.
pub fn model_view(id: &str, history: Vec<EntityEvent>) -> ModelView {
	let mut view = ModelView {
		id: id.to_string(),
		name: None,
		owner: None,
		proposed_owner: None,
		registered_in: history.first().map(|e| e.block_number),
		version_ids: vec![],
		history: vec![],
	};
	for e in &history {
		if let Some(name) = text(&e.data, "name") {
			view.name = Some(name);
		}
		if let Some(v) = get(&e.data, "model_id").and_then(id_of) {
			if e.source == "event" && !view.version_ids.contains(&v) {
				view.version_ids.push(v);
			}
		}
		if e.source != "event" {
			continue;
		}
		match short_name(e) {
			"ModelRegistered" => view.owner = text(&e.data, "owner"),
			"OwnershipTransferProposed" => view.proposed_owner = text(&e.data, "new_owner"),
			"OwnershipTransferCancelled" => view.proposed_owner = None,
			"OwnershipTransferred" => {
				view.owner = text(&e.data, "to");
				view.proposed_owner = None;
			}
			_ => {
				if view.owner.is_none() {
					view.owner = text(&e.data, "owner");
				}
			}
		}
	}
	view.history = history;
	view
}

/// Folds a model version's history.
pub fn version_view(model_id: &str, history: Vec<EntityEvent>) -> VersionView {
	let mut v = VersionView {
		model_id: model_id.to_string(),
		status: "active".into(),
		registered_in: history.first().map(|e| e.block_number),
		..Default::default()
	};
	for e in &history {
		if let Some(f) = get(&e.data, "family").and_then(id_of) {
			v.family = Some(f);
		}
		if e.source == "call" {
			if let Some(d) = get(&e.data, "descriptor") {
				v.label = text(d, "version");
				v.onnx_hash = text(d, "onnx_hash");
				v.quantized_hash = text(d, "quantized_hash");
				v.proving_key_hash = text(d, "proving_key_hash").or(v.proving_key_hash.take());
				v.zk = get(d, "zk").cloned();
				v.act_bits = get(d, "act_bits").cloned();
				v.inputs = get(d, "inputs").cloned();
				v.outputs = get(d, "outputs").cloned();
				v.supports_zk = get(d, "supports_zk").and_then(|b| b.as_bool());
				v.supports_vanilla = get(d, "supports_vanilla").and_then(|b| b.as_bool());
			}
			if let Some(Json::String(vk)) = get(&e.data, "verifying_key") {
				if let Some((hash, len)) = crate::ceremony::hex_blake2(vk) {
					v.verifying_key_len = Some(len);
					v.verifying_key_hash = Some(hash);
				}
			}
			continue;
		}
		match short_name(e) {
			"ModelRegistered" | "VersionAdded" => {
				v.deposit = get(&e.data, "deposit").cloned();
				if v.quantized_hash.is_none() {
					v.quantized_hash = text(&e.data, "quantized_hash");
				}
			}
			"ModelDeprecated" => v.status = "deprecated".into(),
			// Its deposit went back to the owner; results keep its id.
			"VersionRemoved" => v.status = "removed".into(),
			"KeyCeremonyStarted" => v.key_status = Some("pending".into()),
			"KeyFinalized" => {
				v.key_status = Some("final".into());
				v.proving_key_hash = text(&e.data, "proving_key");
			}
			"KeyFailed" => v.key_status = Some("failed".into()),
			"SyncModelSet" => {
				v.sync_work = get(&e.data, "work").and_then(|w| w.as_u64());
				v.sync_enabled = v.sync_work.is_some();
				v.sync_set_in = Some(e.block_number);
			}
			_ => {}
		}
	}
	v.history = history;
	v
}

fn id_of(v: &Json) -> Option<String> {
	match v {
		Json::Number(n) => Some(n.to_string()),
		Json::String(s) => Some(s.clone()),
		_ => None,
	}
}

/// `frac_bits` of every flattened value of a list of tensor descriptors
/// (`[{shape: [..], frac_bits: n, ..}, ..]`).
pub fn flat_frac_bits(descriptors: &Json) -> Option<Vec<u32>> {
	let mut out = Vec::new();
	// Databases indexed before sequences were decoded by type hold a
	// one-element list as its element.
	let list = match descriptors {
		Json::Array(list) => list.clone(),
		Json::Object(_) => vec![descriptors.clone()],
		_ => return None,
	};
	for d in &list {
		let bits = d.get("frac_bits")?.as_u64()? as u32;
		let len: u64 = match d.get("shape") {
			Some(Json::Array(dims)) => dims.iter().map(|x| x.as_u64().unwrap_or(1)).product(),
			Some(Json::String(s)) => {
				// A shape of small dimensions may have been rendered as bytes.
				hex::decode(s.trim_start_matches("0x"))
					.ok()?
					.iter()
					.map(|b| *b as u64)
					.product()
			}
			_ => 1,
		};
		out.extend(std::iter::repeat_n(bits.min(62), len as usize));
	}
	Some(out)
}

fn ints(v: &Json) -> Option<Vec<i64>> {
	v.as_array()?.iter().map(|x| x.as_i64()).collect()
}

/// Each integer `q` of `output` as `q / 2^frac_bits` of its output in
/// `version`'s output formats (when they account for every value).
pub fn dequantize(output: &Json, version: Option<&VersionView>) -> Option<Vec<f64>> {
	let out = ints(output)?;
	let bits = flat_frac_bits(version?.outputs.as_ref()?)?;
	(out.len() == bits.len()).then(|| {
		out.iter()
			.zip(bits)
			.map(|(q, f)| *q as f64 / (1u64 << f) as f64)
			.collect()
	})
}

/// A synchronous inference of model version `version`.
pub fn sync_inference_view(
	row: SyncInferenceRow,
	version: Option<&VersionView>,
) -> SyncInferenceView {
	SyncInferenceView {
		id: row.id(),
		extrinsic_id: row.extrinsic_id(),
		output_dequantized: dequantize(&row.output, version),
		row,
	}
}

/// Folds a request's history; `version` (the model version it ran) gives
/// the output format for dequantization; `block_time` gives block timestamps.
pub fn request_view(
	id: &str,
	history: Vec<EntityEvent>,
	version: Option<&VersionView>,
	block_time: impl Fn(i64) -> Option<i64>,
) -> RequestView {
	let mut r = RequestView {
		id: id.to_string(),
		model_id: None,
		requester: None,
		executor: None,
		mode: None,
		fee: None,
		deadline: None,
		input: None,
		output: None,
		output_dequantized: None,
		proof: None,
		status: "pending".into(),
		rejections: 0,
		lapses: 0,
		requested_in: history.first().map(|e| e.block_number),
		verified_in: None,
		latency_ms: None,
		history: vec![],
	};
	for e in &history {
		if e.source == "call" {
			match short_name(e) {
				"request" => {
					r.input = get(&e.data, "input").cloned();
					r.deadline = get(&e.data, "deadline").cloned();
					if r.requester.is_none() {
						r.requester = text(&e.data, "signer");
					}
				}
				// Only an accepted result's output and proof are the request's
				// (a challenge that overturned one replaces both); a batch's
				// results are recorded one by one, like `submit_result`s.
				"submit_result" | "submit_results"
					if call_emitted(
						e,
						&["InferenceVerified", "ResultStored", "ResultProposed"],
					) =>
				{
					r.output = get(&e.data, "output").cloned();
					r.proof = get(&e.data, "proof").cloned();
				}
				"challenge" if call_emitted(e, &["ResultOverturned"]) => {
					r.output = get(&e.data, "output").cloned();
					r.proof = get(&e.data, "proof").cloned();
				}
				_ => {}
			}
			continue;
		}
		match short_name(e) {
			"Requested" => {
				r.requester = text(&e.data, "requester").or(r.requester.take());
				r.model_id = get(&e.data, "model_id").and_then(id_of);
				r.mode = text(&e.data, "mode");
				r.fee = get(&e.data, "fee").cloned();
				r.deadline = get(&e.data, "deadline").cloned().or(r.deadline.take());
			}
			// Drawn in the next block; a backup after a lapse or a decline.
			"Assigned" => r.executor = text(&e.data, "executor"),
			"AssignmentLapsed" => r.lapses += 1,
			"InferenceVerified" => {
				r.status = "verified".into();
				r.verified_in = Some(e.block_number);
				r.executor = text(&e.data, "executor");
			}
			"ResultStored" => {
				r.status = "unverified".into();
				r.verified_in = Some(e.block_number);
				r.executor = text(&e.data, "executor");
			}
			"ResultProposed" => {
				r.status = "provisional".into();
				r.executor = text(&e.data, "executor");
			}
			"ResultFinalized" => {
				r.status = "final".into();
				r.verified_in = Some(e.block_number);
			}
			"ResultOverturned" => {
				r.status = "overturned".into();
				r.verified_in = Some(e.block_number);
				r.executor = text(&e.data, "challenger");
			}
			"ProofRejected" | "ChallengeRejected" => r.rejections += 1,
			"RequestExpired" => r.status = "expired".into(),
			"RequestRefunded" => r.status = "refunded".into(),
			_ => {}
		}
	}
	r.output_dequantized = r.output.as_ref().and_then(|o| dequantize(o, version));
	if let (Some(a), Some(b)) = (r.requested_in, r.verified_in) {
		if let (Some(ta), Some(tb)) = (block_time(a), block_time(b)) {
			r.latency_ms = Some(tb - ta);
		}
	}
	r.history = history;
	r
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	fn ev(block: i64, source: &str, name: &str, data: Json) -> EntityEvent {
		EntityEvent {
			kind: String::new(),
			entity_id: String::new(),
			block_number: block,
			source: source.into(),
			idx: 0,
			name: name.into(),
			data,
		}
	}

	#[test]
	fn model_family_and_version_fold() {
		let family = model_view(
			"0",
			vec![
				ev(
					1,
					"call",
					"Models.register_model",
					json!({"name": "0x6d6c70", "signer": "A", "outcome": ["ModelRegistered"]}),
				),
				ev(
					1,
					"event",
					"Models.ModelRegistered",
					json!({"family": 0, "model_id": 4, "owner": "A"}),
				),
				ev(
					5,
					"event",
					"Models.OwnershipTransferProposed",
					json!({"family": 0, "owner": "A", "new_owner": "B"}),
				),
				ev(
					6,
					"event",
					"Models.OwnershipTransferred",
					json!({"family": 0, "from": "A", "to": "B"}),
				),
				ev(
					7,
					"event",
					"Models.VersionAdded",
					json!({"family": 0, "model_id": 9}),
				),
			],
		);
		assert_eq!(family.name.as_deref(), Some("mlp"));
		assert_eq!(family.owner.as_deref(), Some("B"));
		assert_eq!(family.proposed_owner, None);
		assert_eq!(family.version_ids, vec!["4", "9"]);

		let version = version_view(
			"4",
			vec![
				ev(
					1,
					"call",
					"Models.register_model",
					json!({"descriptor": {"version": "0x312e30", "onnx_hash": "0xaa", "outputs": [{"shape": [2], "frac_bits": 8}]}, "verifying_key": "0x0102"}),
				),
				ev(
					1,
					"event",
					"Models.ModelRegistered",
					json!({"family": 0, "model_id": 4}),
				),
				ev(
					9,
					"event",
					"Models.ModelDeprecated",
					json!({"family": 0, "model_id": 4}),
				),
			],
		);
		assert_eq!(version.label.as_deref(), Some("1.0"));
		assert_eq!(version.family.as_deref(), Some("0"));
		assert_eq!(version.verifying_key_len, Some(2));
		assert_eq!(version.status, "deprecated");
		let mut history = version.history.clone();
		history.push(ev(
			12,
			"event",
			"Models.VersionRemoved",
			json!({"family": 0, "model_id": 4, "deposit": "5", "family_removed": true}),
		));
		assert_eq!(version_view("4", history).status, "removed");

		let request = request_view(
			"7",
			vec![
				ev(
					10,
					"call",
					"Inference.request",
					json!({"model_id": 4, "input": [1, 2], "signer": "C"}),
				),
				ev(
					10,
					"event",
					"Inference.Requested",
					json!({"request_id": 7, "requester": "C", "model_id": 4, "mode": "Zk", "deadline": 40}),
				),
				ev(
					10,
					"event",
					"Inference.Assigned",
					json!({"request_id": 7, "executor": "E", "window_end": 10}),
				),
				ev(
					11,
					"event",
					"Inference.AssignmentLapsed",
					json!({"request_id": 7, "executor": "E", "slashed": "10"}),
				),
				ev(
					11,
					"event",
					"Inference.Assigned",
					json!({"request_id": 7, "executor": "D", "window_end": 31}),
				),
				ev(
					11,
					"call",
					"Inference.submit_result",
					json!({"request_id": 7, "output": [1, 1], "proof": "0xbad", "outcome": ["ProofRejected"]}),
				),
				ev(
					11,
					"event",
					"Inference.ProofRejected",
					json!({"request_id": 7, "executor": "D"}),
				),
				ev(
					12,
					"call",
					"Inference.submit_result",
					json!({"request_id": 7, "output": [256, -128], "proof": "0xab", "outcome": ["InferenceVerified"]}),
				),
				ev(
					12,
					"event",
					"Inference.InferenceVerified",
					json!({"request_id": 7, "executor": "D"}),
				),
			],
			Some(&version),
			|b| Some(b * 3000),
		);
		assert_eq!(request.status, "verified");
		assert_eq!(request.rejections, 1);
		assert_eq!(request.lapses, 1);
		assert_eq!(request.executor.as_deref(), Some("D"));
		assert_eq!(request.requester.as_deref(), Some("C"));
		assert_eq!(request.mode.as_deref(), Some("Zk"));
		assert_eq!(request.output, Some(json!([256, -128])));
		assert_eq!(request.proof, Some(json!("0xab")));
		assert_eq!(request.verified_in, Some(12));
		assert_eq!(request.latency_ms, Some(6000));
		assert_eq!(request.output_dequantized, Some(vec![1.0, -0.5]));

		// Optimistic: provisional, a rejected challenge, then overturned.
		let optimistic = |tail: Vec<EntityEvent>| {
			let mut history = vec![
				ev(
					20,
					"event",
					"Inference.Requested",
					json!({"request_id": 8, "requester": "C", "model_id": 4, "mode": "Optimistic"}),
				),
				ev(
					22,
					"call",
					"Inference.submit_result",
					json!({"request_id": 8, "output": [3, 3], "proof": "0x", "outcome": ["ResultProposed"]}),
				),
				ev(
					22,
					"event",
					"Inference.ResultProposed",
					json!({"request_id": 8, "executor": "E", "output": [3, 3], "challenge_end": 42}),
				),
			];
			history.extend(tail);
			request_view("8", history, Some(&version), |b| Some(b * 3000))
		};
		let provisional = optimistic(vec![]);
		assert_eq!(provisional.status, "provisional");
		assert_eq!(provisional.output, Some(json!([3, 3])));
		assert_eq!(provisional.verified_in, None);
		let finalized = optimistic(vec![ev(
			43,
			"event",
			"Inference.ResultFinalized",
			json!({"request_id": 8, "executor": "E", "fee": "5"}),
		)]);
		assert_eq!(finalized.status, "final");
		assert_eq!(finalized.executor.as_deref(), Some("E"));
		assert_eq!(finalized.verified_in, Some(43));
		let overturned = optimistic(vec![
			ev(
				24,
				"call",
				"Inference.challenge",
				json!({"request_id": 8, "output": [9, 9], "proof": "0xbad", "outcome": ["ChallengeRejected"]}),
			),
			ev(
				24,
				"event",
				"Inference.ChallengeRejected",
				json!({"request_id": 8, "challenger": "F"}),
			),
			ev(
				25,
				"call",
				"Inference.challenge",
				json!({"request_id": 8, "output": [256, 64], "proof": "0xcd", "outcome": ["ResultOverturned"]}),
			),
			ev(
				25,
				"event",
				"Inference.ResultOverturned",
				json!({"request_id": 8, "submitter": "E", "challenger": "D"}),
			),
		]);
		assert_eq!(overturned.status, "overturned");
		assert_eq!(overturned.executor.as_deref(), Some("D"));
		assert_eq!(overturned.output, Some(json!([256, 64])));
		assert_eq!(overturned.proof, Some(json!("0xcd")));
		assert_eq!(overturned.rejections, 1);
		assert_eq!(overturned.verified_in, Some(25));

		// Enabled for synchronous inference, then disabled.
		let mut history = version.history.clone();
		history.push(ev(
			10,
			"event",
			"Inference.SyncModelSet",
			json!({"model_id": 4, "work": 2400}),
		));
		let enabled = version_view("4", history.clone());
		assert!(enabled.sync_enabled);
		assert_eq!(enabled.sync_work, Some(2400));
		assert_eq!(enabled.sync_set_in, Some(10));
		assert_eq!(enabled.status, "deprecated");
		let computed = sync_inference_view(
			SyncInferenceRow {
				block_number: 11,
				event_idx: 2,
				extrinsic_idx: Some(1),
				who: "E".into(),
				model_id: "4".into(),
				work: Some(2400),
				output: json!([512, 64]),
				input: None,
			},
			Some(&enabled),
		);
		assert_eq!(computed.id, "11-2");
		assert_eq!(computed.extrinsic_id.as_deref(), Some("11-1"));
		assert_eq!(computed.output_dequantized, Some(vec![2.0, 0.25]));
		// Not dequantized when the formats do not account for every value.
		let wrong = json!([1, 2, 3]);
		assert_eq!(dequantize(&wrong, Some(&enabled)), None);
		assert_eq!(dequantize(&wrong, None), None);
		history.push(ev(
			12,
			"event",
			"Inference.SyncModelSet",
			json!({"model_id": 4, "work": null}),
		));
		let disabled = version_view("4", history);
		assert!(!disabled.sync_enabled);
		assert_eq!(disabled.sync_work, None);
		assert_eq!(disabled.sync_set_in, Some(12));
	}
}
