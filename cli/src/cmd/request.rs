//! `verity infer`, `verity challenge` and `verity result`: inference
//! requests, their results and challenges of provisional results
//! (pallet-inference).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use serde_json::{json, Value};
use verity_inference::io::parse_tensor_map;
use verity_inference::quant::arith::quantize_value;
use verity_inference::Tensor;

use super::executor::{load_artifacts, run_and_prove, tampered};
use super::{block_on, read_file, Ctx, Outcome};
use crate::chain::{self, Chain, Challenged, Mode, Model, Provisional, RequestStatus};
use crate::error::{CliError, EXIT_REJECTED};
use crate::output::{self, note, print_json};
use crate::views::{
	amount, events_json, outputs_json, pending_json, provisional_json, result_json, vrt, UNIT,
};

/// `infer`'s default deadline, in blocks from the current best block.
const DEFAULT_DEADLINE_BLOCKS: u64 = 100;
/// `infer --wait`'s default timeout.
const DEFAULT_WAIT_SECS: u64 = 300;

/// `infer`'s description.
pub const INFER_ABOUT: &str =
	"Requests an inference of model MODEL_ID (input quantized with the model's \
	              on-chain format; fee in plancks or like 0.5VRT, default the minimum; deadline \
	              in blocks from now, default 100). Prints the request id; with --wait, waits \
	              for the result and prints the output, its block and the proof status.\n\n\
	              With --now: runs a sync-enabled model inside a transaction (the node's \
	              inference precompile) and prints the output the runtime computed, from the \
	              same block.";

/// `infer`'s examples.
pub const INFER_EXAMPLES: &str = "Examples:\n  verity infer 0 --input input.json\n  \
	              verity infer 0 --input input.json --mode optimistic --max-fee 0.5VRT --wait\n  \
	              verity infer 0 --input input.json --now";

/// `verity infer`.
#[derive(Debug, Args)]
pub struct InferArgs {
	/// The model version to run
	#[arg(value_name = "MODEL_ID")]
	pub model_id: u64,
	/// The input: a tensor map as `model run` takes, or an array of tensors
	#[arg(long, value_name = "IN.json")]
	pub input: String,
	/// How the result is checked [default: zk]
	#[arg(long, value_parser = ["zk", "vanilla", "optimistic"], conflicts_with = "now")]
	pub mode: Option<String>,
	/// The most to pay, in plancks or like 0.5VRT [default: the minimum]
	#[arg(long, value_name = "F", conflicts_with = "now")]
	pub max_fee: Option<String>,
	/// The deadline, in blocks from now
	#[arg(long, value_name = "BLOCKS", default_value_t = DEFAULT_DEADLINE_BLOCKS)]
	pub deadline: u64,
	/// Wait for the result and print it
	#[arg(long, conflicts_with = "now")]
	pub wait: bool,
	/// With --wait: give up after SECS seconds
	#[arg(long, value_name = "SECS", default_value_t = DEFAULT_WAIT_SECS)]
	pub timeout: u64,
	/// Run a sync-enabled model inside a transaction, now
	#[arg(long)]
	pub now: bool,
}

/// `challenge`'s description.
pub const CHALLENGE_ABOUT: &str =
	"Proves the right output of a provisional (optimistic) result for this \
	              executor and, if it differs from the submitted one, challenges it: exit 0 if \
	              the result was overturned (the submitter slashed, a share of it and the fee \
	              paid to the challenger), 1 if the chain rejected the challenge's proof (the \
	              challenger was charged), 2 if nothing was submitted (the output is right). \
	              --tamper-output changes one output integer after proving.";

/// `challenge`'s examples.
pub const CHALLENGE_EXAMPLES: &str = "Examples:\n  verity challenge 7 --suri-file bob.suri\n  \
	              verity challenge 7 --artifacts verity-artifacts/<hash>";

/// `verity challenge`.
#[derive(Debug, Args)]
pub struct ChallengeArgs {
	/// The request whose provisional result to challenge
	#[arg(value_name = "REQUEST_ID")]
	pub request_id: u64,
	/// Where model.qmodel and proving.key may be (else the config file's
	/// artifacts, else downloaded from the node)
	#[arg(long, value_name = "DIR")]
	pub artifacts: Option<PathBuf>,
	/// Test tool: change one output integer after proving
	#[arg(long)]
	pub tamper_output: bool,
}

/// `result`'s description.
pub const RESULT_ABOUT: &str =
	"The stored result of REQUEST_ID (status verified/unverified; optimistic \
	              ones provisional, then final or overturned), or status pending. A table on a \
	              terminal, JSON otherwise (--json).";

/// `result`'s examples.
pub const RESULT_EXAMPLES: &str = "Examples:\n  verity result 7\n  verity result 7 --json";

/// `verity result`.
#[derive(Debug, Args)]
pub struct ResultArgs {
	/// The request's id
	#[arg(value_name = "REQUEST_ID")]
	pub request_id: u64,
}

/// `verity challenge REQUEST_ID [--artifacts DIR] [--tamper-output]`: proves
/// the right output of a provisional (`Optimistic`) result for the signer (a
/// bonded executor) and, if it differs, submits the challenge. Exit 0: the
/// result was overturned; 1: the chain rejected the challenge's proof (the
/// challenger was charged); 2: nothing was submitted (the provisional output
/// is right, or no provisional result).
pub fn challenge(ctx: &Ctx, args: ChallengeArgs) -> Outcome {
	let request_id = args.request_id;
	let key = ctx.signer()?;
	let tamper = args.tamper_output;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let Provisional {
			model_id,
			input,
			output: claimed,
			executor,
			challenge_end,
			..
		} = match chain.request_status(request_id).await? {
			RequestStatus::Provisional(p) => p,
			RequestStatus::Done(r) => {
				return Err(CliError::input(format!(
					"request {request_id}'s result is final (block #{}): it can no longer be challenged",
					r.block
				)))
			}
			_ => {
				return Err(CliError::input(format!(
					"request {request_id} has no provisional result to challenge"
				)))
			}
		};
		let chain_model = chain.require_model(model_id).await?;
		let dir = ctx.artifacts(args.artifacts.as_deref());
		let artifacts = std::sync::Arc::new(
			load_artifacts(&chain, &steps, dir.as_deref(), &chain_model, true).await?,
		);
		let (right, proof, prove_seconds) =
			run_and_prove(&steps, &chain_model, artifacts, request_id, &who, &input).await?;
		let output = if tamper {
			note("--tamper-output: challenging with a changed output and the honest proof");
			tampered(right.clone(), chain_model.act_bits)
		} else {
			right.clone()
		};
		if output == claimed {
			return Err(CliError::input(format!(
				"{executor}'s provisional output for request {request_id} is right: nothing to \
				 challenge (it is final after block #{challenge_end})"
			)));
		}
		let step = steps.spinner(format!(
			"challenging {executor}'s result of request {request_id} (waiting for finalization)"
		));
		let challenged = chain
			.challenge(&key, request_id, output.clone(), proof)
			.await?;
		step.done("included");
		let mut out = json!({
			"request_id": request_id,
			"challenger": who.to_string(),
			"submitter": executor.to_string(),
			"claimed_output": claimed,
			"output": output,
			"tampered": tamper,
			"prove_seconds": prove_seconds,
		});
		let code = match challenged {
			Challenged::Overturned {
				slashed,
				reward,
				fee,
				included,
				..
			} => {
				out["status"] = json!("overturned");
				out["slashed"] = amount(slashed);
				out["reward"] = amount(reward);
				out["fee_paid"] = amount(fee);
				out["block"] = json!(included.block_number);
				out["events"] = events_json(&included.events);
				note(format!(
					"overturned in block #{}: {executor} was slashed {}, of which {} and the fee {} \
					 went to {who}",
					included.block_number,
					vrt(slashed),
					vrt(reward),
					vrt(fee)
				));
				ExitCode::SUCCESS
			}
			Challenged::Rejected {
				slashed,
				reason,
				included,
			} => {
				out["status"] = json!("rejected");
				out["reason"] = json!(reason);
				out["slashed"] = amount(slashed);
				out["block"] = json!(included.block_number);
				out["events"] = events_json(&included.events);
				note(format!(
					"the chain rejected the challenge's proof ({reason}) in block #{}: {who} was \
					 slashed {}; the provisional result stands",
					included.block_number,
					vrt(slashed)
				));
				ExitCode::from(EXIT_REJECTED)
			}
		};
		print_json(&out);
		Ok(code)
	})
}

/// A fee: plancks, or VRT with a ` VRT` / `VRT` suffix (`0.5VRT`).
pub fn parse_fee(s: &str) -> Result<u128, CliError> {
	let bad = || {
		CliError::input(format!(
			"--max-fee: '{s}' is neither a planck amount nor a VRT amount like 0.5VRT"
		))
	};
	let Some(amount) = s.trim().strip_suffix("VRT").map(str::trim) else {
		return s.trim().parse().map_err(|_| bad());
	};
	let (whole, frac) = amount.split_once('.').unwrap_or((amount, ""));
	if frac.len() > 12 || !frac.bytes().all(|b| b.is_ascii_digit()) {
		return Err(bad());
	}
	let whole: u128 = whole.parse().map_err(|_| bad())?;
	let frac: u128 = if frac.is_empty() {
		0
	} else {
		format!("{frac:0<12}").parse().map_err(|_| bad())?
	};
	whole
		.checked_mul(UNIT)
		.and_then(|w| w.checked_add(frac))
		.ok_or_else(bad)
}

/// The request input: a JSON tensor map (as `verity model run` takes) for a
/// model with one input, or an array of tensors in input order.
pub(crate) fn quantize_request_input(
	path: &str,
	bytes: &[u8],
	model: &Model,
) -> Result<Vec<i32>, CliError> {
	let tensors: Vec<(String, Tensor)> = match serde_json::from_slice::<Value>(bytes) {
		Ok(Value::Array(items)) => items
			.into_iter()
			.enumerate()
			.map(|(i, item)| {
				let map = json!({ format!("#{i}"): item });
				parse_tensor_map(map.to_string().as_bytes())
					.map_err(|e| CliError::input(format!("{path}: {e}")))
					.map(|m| m.into_iter().next().expect("one entry"))
			})
			.collect::<Result<_, _>>()?,
		_ => parse_tensor_map(bytes)
			.map_err(|e| CliError::input(format!("{path}: {e}")))?
			.into_iter()
			.collect(),
	};
	if tensors.len() != model.inputs.len() {
		return Err(CliError::input(format!(
			"{path}: model {} takes {} input(s), the file has {}{}",
			model.id,
			model.inputs.len(),
			tensors.len(),
			if model.inputs.len() > 1 {
				" (give several inputs as a JSON array in the model's order)"
			} else {
				""
			}
		)));
	}
	let mut values = Vec::with_capacity(model.input_len as usize);
	for ((name, t), format) in tensors.iter().zip(&model.inputs) {
		let expected: Vec<usize> = format.shape.iter().map(|&d| d as usize).collect();
		if t.shape != expected {
			return Err(CliError::input(format!(
				"{path}: input '{name}' has shape {:?}, model {} expects {:?}",
				t.shape, model.id, expected
			)));
		}
		values.extend(
			t.data
				.iter()
				.map(|&x| quantize_value(x as f64, format.frac_bits as u32, model.act_bits) as i32),
		);
	}
	Ok(values)
}

/// `verity infer`.
pub fn infer(ctx: &Ctx, args: InferArgs) -> Result<(), CliError> {
	let model_id = args.model_id;
	let input_path = args.input.as_str();
	let mode: Mode = args.mode.as_deref().unwrap_or("zk").parse()?;
	let max_fee = args.max_fee.as_deref().map(parse_fee).transpose()?;
	let deadline_blocks = args.deadline;
	let timeout = args.timeout;
	let wait = args.wait;
	let now = args.now;
	let bytes = read_file(input_path)?;
	// Malformed JSON fails before anything is sent.
	serde_json::from_slice::<Value>(&bytes)
		.map_err(|e| CliError::input(format!("{input_path}: invalid JSON: {e}")))?;
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let model = chain.require_model(model_id).await?;
		if let Some(why) = model.refusal(mode).filter(|_| !now) {
			return Err(CliError::input(why));
		}
		let input = quantize_request_input(input_path, &bytes, &model)?;
		if now {
			let step = steps.spinner(format!(
				"running model {model_id} in a transaction (waiting for finalization)"
			));
			let computed = chain.infer_now(&key, model_id, input).await?;
			step.done(format!(
				"computed in block #{} ({} work units)",
				computed.included.block_number, computed.work
			));
			print_json(&json!({
				"model_id": model_id,
				"who": chain::account_of(&key).to_string(),
				"work": computed.work,
				"output": computed.output,
				"outputs": outputs_json(&model, &computed.output),
				"block": computed.included.block_number,
				"block_hash": computed.included.block_hash,
			}));
			return Ok(());
		}
		let max_fee = match max_fee {
			Some(f) => f,
			None => chain.min_request_fee(deadline_blocks).await?,
		};
		let deadline = chain.best_number().await? + deadline_blocks;
		let step = steps.spinner(format!(
			"requesting a {} inference of model {model_id} (fee up to {}, deadline block \
			 #{deadline}; waiting for finalization)",
			mode.name(),
			vrt(max_fee)
		));
		let requested = chain
			.request(&key, model_id, input, mode, max_fee, deadline)
			.await?;
		let id = requested.request_id;
		// The executor is drawn in the next block, from randomness nobody had
		// when the request was signed.
		let executor = chain
			.wait_for_assignment(id, Duration::from_secs(30))
			.await?;
		step.done(format!(
			"request {id} in block #{}, assigned to {}",
			requested.included.block_number,
			executor
				.as_ref()
				.map_or("nobody yet".into(), |e| e.to_string())
		));
		let mut out = json!({
			"request_id": id,
			"model_id": model_id,
			"mode": mode.name(),
			"requester": chain::account_of(&key).to_string(),
			"executor": executor.map(|e| e.to_string()),
			"fee": amount(requested.fee),
			"deadline": requested.deadline,
			"block": requested.included.block_number,
		});
		if !wait {
			print_json(&out);
			return Ok(());
		}
		let step = steps.spinner(format!("waiting for the result of request {id}"));
		let result = chain
			.wait_for_result(id, Duration::from_secs(timeout))
			.await?;
		let events = chain.request_events(result.block, id).await?;
		let mut r = result_json(id, &result, Some(&model));
		r["events"] = events_json(&events);
		r["proof"] = json!(match (result.mode, result.verified) {
			(Mode::Optimistic, true) => "verified by the runtime (a challenge's Groth16 proof)",
			(Mode::Optimistic, false) => "none (optimistic result, unchallenged in its window)",
			(_, true) => "verified by the runtime (Groth16)",
			(_, false) => "none (vanilla result, unverified)",
		});
		r["waited_seconds"] = json!(step.seconds());
		out["result"] = r;
		step.done(format!(
			"{} result in block #{}",
			if result.verified {
				"verified"
			} else {
				"unverified"
			},
			result.block
		));
		print_json(&out);
		Ok(())
	})
}

/// `verity result`.
pub fn result(ctx: &Ctx, args: ResultArgs) -> Result<(), CliError> {
	let id = args.request_id;
	let format = ctx.format();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		match chain.request_status(id).await? {
			RequestStatus::Done(r) => {
				let model = chain.model(r.model_id).await?;
				output::print(
					format,
					&result_json(id, &r, model.as_ref()),
					output::fields_table,
				);
			}
			RequestStatus::Provisional(p) => {
				note(format!(
					"request {id} has a provisional result: final after block #{} unless challenged",
					p.challenge_end
				));
				let model = chain.model(p.model_id).await?;
				output::print(
					format,
					&provisional_json(id, &p, model.as_ref()),
					output::fields_table,
				);
			}
			RequestStatus::Pending(r) => {
				note(format!(
					"request {id} is pending: no result yet (assigned to {}, deadline block #{})",
					r.executor
						.as_ref()
						.map_or("nobody yet".into(), |e| e.to_string()),
					r.deadline
				));
				output::print(format, &pending_json(id, &r), output::fields_table);
			}
			RequestStatus::Expired => {
				return Err(CliError::input(format!(
					"request {id} expired without a result (its fee was refunded)"
				)))
			}
			RequestStatus::Unknown { next_request_id } => {
				return Err(CliError::input(format!(
					"unknown request {id} (requests so far: 0..{next_request_id})"
				)))
			}
		}
		Ok(())
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::{InputFormat, OutputFormat, Transform};

	fn model(inputs: Vec<InputFormat>, outputs: Vec<OutputFormat>) -> Model {
		Model {
			id: 7,
			family: 0,
			name: "m".into(),
			owner: subxt::utils::AccountId32([0; 32]),
			version: String::new(),
			onnx_hash: [0; 32],
			quantized_hash: [0; 32],
			zk: None,
			act_bits: 8,
			input_len: inputs.iter().map(|i| i.shape.iter().product::<u32>()).sum(),
			output_len: outputs
				.iter()
				.map(|o| o.shape.iter().product::<u32>())
				.sum(),
			inputs,
			outputs,
			supports_zk: true,
			supports_vanilla: true,
			active: true,
			registered_at: 1,
			deposit: 0,
			ceremony: None,
		}
	}

	#[test]
	fn fees_in_plancks_or_vrt() {
		assert_eq!(parse_fee("10").ok(), Some(10));
		assert_eq!(parse_fee("1VRT").ok(), Some(UNIT));
		assert_eq!(parse_fee("0.5 VRT").ok(), Some(UNIT / 2));
		assert_eq!(parse_fee("0.000000000001VRT").ok(), Some(1));
		for bad in ["", "x", "1.5", "0.0000000000001VRT", "-1", "1.xVRT"] {
			assert!(parse_fee(bad).is_err(), "{bad}");
		}
		assert_eq!(vrt(UNIT * 3), "3 VRT");
		assert_eq!(vrt(UNIT / 100), "0.01 VRT");
	}

	#[test]
	fn request_input_is_quantized_with_the_chain_format_and_shape_checked() {
		let m = model(
			vec![InputFormat {
				shape: vec![1, 3],
				frac_bits: 4,
			}],
			vec![],
		);
		let ok = br#"{"x": {"shape": [1, 3], "data": [0.5, -1.0, 100.0]}}"#;
		// 0.5 * 16 = 8, -1 * 16 = -16, 100 * 16 saturates at 127 (8 bits).
		assert_eq!(
			quantize_request_input("in", ok, &m).ok(),
			Some(vec![8, -16, 127])
		);
		let as_list = br#"[{"shape": [1, 3], "data": [0.5, -1.0, 100.0]}]"#;
		assert_eq!(
			quantize_request_input("in", as_list, &m).ok(),
			Some(vec![8, -16, 127])
		);
		let wrong = br#"{"x": {"shape": [3], "data": [0.5, -1.0, 1.0]}}"#;
		let e = quantize_request_input("in", wrong, &m)
			.unwrap_err()
			.to_string();
		assert!(e.contains("has shape [3], model 7 expects [1, 3]"), "{e}");
		let two =
			br#"{"x": {"shape": [1, 3], "data": [0, 0, 0]}, "y": {"shape": [1], "data": [0]}}"#;
		let e = quantize_request_input("in", two, &m)
			.unwrap_err()
			.to_string();
		assert!(e.contains("takes 1 input(s), the file has 2"), "{e}");
	}

	#[test]
	fn outputs_are_split_dequantized_and_transformed() {
		let m = model(
			vec![],
			vec![
				OutputFormat {
					shape: vec![2],
					frac_bits: 1,
					transform: Transform::None,
				},
				OutputFormat {
					shape: vec![1, 2],
					frac_bits: 0,
					transform: Transform::Softmax { axis: 1 },
				},
			],
		);
		let v = outputs_json(&m, &[3, -2, 0, 0]);
		assert_eq!(v[0]["quantized"], json!([3, -2]));
		assert_eq!(v[0]["data"], json!([1.5, -1.0]));
		assert_eq!(v[1]["quantized"], json!([0, 0]));
		assert_eq!(v[1]["data"], json!([0.5, 0.5]));
	}
}
