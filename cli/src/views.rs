//! The JSON shapes the chain commands print. Tests and scripts parse them:
//! fields may be added, never renamed or removed.

use serde_json::{json, Value};
use verity_inference::hash::blake2_256;
use verity_inference::quant::arith::dequantize_value;
use verity_inference::Tensor;

use crate::chain::{hex, InferenceResult, KeyInfo, Mode, Model, Provisional, Request, Transform};

/// One VRT in plancks (12 decimals).
pub const UNIT: u128 = 1_000_000_000_000;

/// A balance as JSON: a number while it fits in a u64 (18.4 million VRT),
/// else a decimal string (JSON numbers are not safe beyond that).
pub fn amount(planck: u128) -> Value {
	match u64::try_from(planck) {
		Ok(v) => json!(v),
		Err(_) => json!(planck.to_string()),
	}
}

/// `planck` in VRT, for messages: `1.5 VRT`.
pub fn vrt(planck: u128) -> String {
	let frac = planck % UNIT;
	if frac == 0 {
		format!("{} VRT", planck / UNIT)
	} else {
		let digits = format!("{frac:012}");
		format!("{}.{} VRT", planck / UNIT, digits.trim_end_matches('0'))
	}
}

fn transform_json(t: &Transform) -> Value {
	match t {
		Transform::None => json!("none"),
		Transform::Softmax { axis } => json!({"softmax": {"axis": axis}}),
	}
}

/// A model version as `model list` and `model show` print it.
pub fn model_json(m: &Model) -> Value {
	let mut modes = Vec::new();
	if m.supports_zk {
		modes.push("zk");
	}
	if m.supports_vanilla {
		modes.push("vanilla");
	}
	json!({
		"id": m.id,
		"family": m.family,
		"name": m.name,
		"version": m.version,
		"owner": m.owner.to_string(),
		"active": m.active,
		"modes": modes,
		"onnx_hash": hex(&m.onnx_hash),
		"quantized_hash": hex(&m.quantized_hash),
		"zk": m.zk.map(|z| json!({
			"domain_size": z.domain_size,
			"owner_contributes": z.owner_contributes,
		})),
		"ceremony": m.ceremony.as_ref().map(|k| json!({
			"status": k.status.name(),
			"round": k.round,
			"contributions": k.contributions.len(),
			"contributors": k.contributions.iter().map(|c| c.who.to_string()).collect::<Vec<_>>(),
			"turn": k.turn.as_ref().map(|a| a.to_string()),
			"deadline": k.turn.as_ref().map(|_| k.deadline),
		})),
		// The ceremony's final keys (null until it is final).
		"proving_key_hash": m.ceremony.as_ref().and_then(KeyInfo::final_proving_key).map(|h| hex(&h)),
		"verifying_key": m.ceremony.as_ref().and_then(KeyInfo::final_verifying_key).map(|vk| json!({
			"bytes": vk.len(),
			"hash": hex(&blake2_256(vk)),
		})),
		"act_bits": m.act_bits,
		"input_len": m.input_len,
		"output_len": m.output_len,
		"inputs": m.inputs.iter().map(|i| json!({"shape": i.shape, "frac_bits": i.frac_bits})).collect::<Vec<_>>(),
		"outputs": m.outputs.iter().map(|o| json!({
			"shape": o.shape,
			"frac_bits": o.frac_bits,
			"transform": transform_json(&o.transform),
		})).collect::<Vec<_>>(),
		"registered_at": m.registered_at,
		"deposit": amount(m.deposit),
	})
}

fn numel(shape: &[u32]) -> usize {
	shape.iter().map(|&d| d as usize).product()
}

/// The outputs of a result, split per output tensor and dequantized exactly
/// as `verity model run` does (`q / 2^frac_bits` as f32, then the transform).
pub fn outputs_json(model: &Model, output: &[i32]) -> Value {
	let mut at = 0;
	let mut list = Vec::new();
	for o in &model.outputs {
		let n = numel(&o.shape).min(output.len().saturating_sub(at));
		let q = &output[at..at + n];
		at += n;
		let t = Tensor {
			shape: o.shape.iter().map(|&d| d as usize).collect(),
			data: q
				.iter()
				.map(|&v| dequantize_value(v as i64, o.frac_bits as u32) as f32)
				.collect(),
		};
		let t = match o.transform {
			Transform::Softmax { axis } if (axis as usize) < t.shape.len() => {
				t.softmax(axis as usize)
			}
			_ => t,
		};
		list.push(json!({
			"shape": o.shape,
			"frac_bits": o.frac_bits,
			"quantized": q,
			"data": t.data,
		}));
	}
	Value::Array(list)
}

/// A final result as `verity result` prints it.
pub fn result_json(id: u64, r: &InferenceResult, model: Option<&Model>) -> Value {
	let mut v = json!({
		"request_id": id,
		"status": result_status(r),
		"verified": r.verified,
		"mode": r.mode.name(),
		"model_id": r.model_id,
		"requester": r.requester.to_string(),
		"executor": r.executor.to_string(),
		"fee": amount(r.fee),
		"block": r.block,
		"input": r.input,
		"output": r.output,
	});
	if let Some(model) = model {
		v["outputs"] = outputs_json(model, &r.output);
	}
	v
}

/// `verified`/`unverified`; for an `Optimistic` result, `overturned` (a
/// challenge proved another output) or `final` (unchallenged).
fn result_status(r: &InferenceResult) -> &'static str {
	match (r.mode, r.verified) {
		(Mode::Optimistic, true) => "overturned",
		(Mode::Optimistic, false) => "final",
		(_, true) => "verified",
		(_, false) => "unverified",
	}
}

/// A provisional (optimistic) result as `verity result` prints it.
pub fn provisional_json(id: u64, p: &Provisional, model: Option<&Model>) -> Value {
	let mut v = json!({
		"request_id": id,
		"status": "provisional",
		"verified": false,
		"mode": Mode::Optimistic.name(),
		"model_id": p.model_id,
		"requester": p.requester.to_string(),
		"executor": p.executor.to_string(),
		"fee": amount(p.fee),
		"block": p.block,
		"challenge_end": p.challenge_end,
		"input": p.input,
		"output": p.output,
	});
	if let Some(model) = model {
		v["outputs"] = outputs_json(model, &p.output);
	}
	v
}

/// A request without a result yet as `verity result` prints it.
pub fn pending_json(id: u64, r: &Request) -> Value {
	json!({
		"request_id": id,
		"status": "pending",
		"mode": r.mode.name(),
		"model_id": r.model_id,
		"requester": r.requester.to_string(),
		"executor": r.executor.as_ref().map(|e| e.to_string()),
		"fee": amount(r.fee),
		"created": r.created,
		"window_end": r.window_end,
		"draws": r.draws,
		"deadline": r.deadline,
	})
}

// ---------------------------------------------------------------------------

/// The events of a transaction as `Pallet.Event` names.
pub fn events_json(events: &[(String, String)]) -> Value {
	json!(events
		.iter()
		.map(|(p, e)| format!("{p}.{e}"))
		.collect::<Vec<_>>())
}
