//! `verity executor register|unregister|withdraw|decline|prove|prove-batch`: the
//! executor set (pallet-inference) and serving the requests assigned to the
//! signer.
//!
//! `prove` needs the quantized model and the ceremony's final proving key:
//! from `--artifacts DIR` (`model.qmodel`, `proving.key`; else the config
//! file's `artifacts`) when present there, else downloaded from the node
//! (`artifacts_getChunk`); every file is checked against the hashes the
//! chain stores before it is used.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Subcommand};
use serde_json::json;
use verity_inference::hash::blake2_256;
use verity_inference::QuantizedModel;
use verity_zk::unpacked;
use verity_zk::{Binding, Bls12_381, ProvingKey, VerifyingKey};

use super::registry::{PROVING_KEY_FILE, QMODEL_FILE, UNPACKED_KEY_FILE};
use super::{block_on, done, Ctx, Outcome};
use crate::chain::{
	self, hex, BatchOutcome, Chain, KeyInfo, Mode, Model, Request, RequestStatus, Submitted,
};
use crate::error::{CliError, EXIT_REJECTED};
use crate::output::{note, print_json};
use crate::progress::Progress;
use crate::views::{amount, events_json, vrt};

/// The `executor` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity executor register --suri-file bob.suri
  verity executor prove 7 --artifacts verity-artifacts/<hash>
  verity executor prove-batch 7 8 9
  verity executor unregister && verity executor withdraw";

/// `verity executor` subcommands.
#[derive(Debug, Subcommand)]
pub enum ExecutorCommand {
	/// Bond the executor deposit and join the executor set
	#[command(
		long_about = "Bonds the executor deposit (Inference::ExecutorBond) from the signer and \
		              joins the executor set: requests are then assigned to the signer.",
		after_help = "Examples:\n  verity executor register --suri //Bob\n  \
		              verity executor register --suri-file bob.suri --url ws://node:9944"
	)]
	Register,
	/// Leave the executor set (and release the bond if nothing is assigned)
	#[command(
		long_about = "Leaves the executor set (Inference::unregister_executor): no new \
		              assignments. Releases the bond now if no open request is assigned to the \
		              signer; otherwise `verity executor withdraw` releases it once there is \
		              none (requests end by their deadline at the latest). Also for an ejected \
		              executor. Prints bond_released: the amount, or null if it stays bonded \
		              for now.",
		after_help = "Examples:\n  verity executor unregister --suri-file bob.suri"
	)]
	Unregister,
	/// Release the bond of an executor that left the set
	#[command(
		long_about = "Releases the signer's executor bond (Inference::withdraw_bond) once it \
		              has left the set (`executor unregister`) and no open request is assigned \
		              to it; the chain rejects it before that (exit 1).",
		after_help = "Examples:\n  verity executor withdraw --suri-file bob.suri"
	)]
	Withdraw,
	/// Pass an assigned request on to another executor, without a slash
	#[command(
		long_about = "Passes request REQUEST_ID, assigned to the signer, on to another executor \
		              (drawn in the next block), without the slash a lapsed window costs.",
		after_help = "Examples:\n  verity executor decline 7 --suri-file bob.suri"
	)]
	Decline(RequestArgs),
	/// Run, prove and submit the result of an assigned request
	#[command(
		long_about = "Runs the request's model in fixed point, proves it for this executor with \
		              the ceremony's final proving key and submits the result (the quantized \
		              model and the key from DIR/model.qmodel and DIR/proving.key if there, \
		              else downloaded from the node; checked against the chain's hashes). Exits \
		              0 if accepted, 1 if the chain rejected the proof (and slashed the \
		              executor). An optimistic request's result goes without a proof and is \
		              provisional (status provisional).\n\n--tamper-output is a test tool: it \
		              changes one output integer after proving; --skip-assignment-check (also a \
		              test tool) submits for a request assigned to another executor, which the \
		              transaction pool refuses.",
		after_help = "Examples:\n  verity executor prove 7\n  \
		              verity executor prove 7 --artifacts verity-artifacts/<hash> --json"
	)]
	Prove(ProveArgs),
	/// Run and prove several assigned zk requests, then submit them together
	#[command(
		long_about = "Runs and proves the zk requests REQUEST_ID... (each assigned to the \
		              signer; artifacts as for `executor prove`, loaded once per model), then \
		              submits their results together, in batches of at most \
		              Inference::MaxBatchResults (one Inference::submit_results each, whose \
		              proofs the runtime verifies together), all sent right after a block. \
		              Prints each result's status: verified, rejected (its proof failed: \
		              slashed) or skipped (with the error submit_result would have returned). \
		              Exits 0 if every result was verified, 1 otherwise.",
		after_help = "Examples:\n  verity executor prove-batch 7 8 9\n  \
		              verity executor prove-batch $(seq 10 40) --artifacts verity-artifacts/<hash> --json"
	)]
	ProveBatch(ProveBatchArgs),
}

/// A request id.
#[derive(Debug, Args)]
pub struct RequestArgs {
	/// The request's id
	#[arg(value_name = "REQUEST_ID")]
	pub request_id: u64,
}

/// `verity executor prove`.
#[derive(Debug, Args)]
pub struct ProveArgs {
	/// The request's id
	#[arg(value_name = "REQUEST_ID")]
	pub request_id: u64,
	/// Where model.qmodel and proving.key may be (else the config file's
	/// artifacts, else downloaded from the node)
	#[arg(long, value_name = "DIR")]
	pub artifacts: Option<PathBuf>,
	/// Test tool: change one output integer after proving
	#[arg(long)]
	pub tamper_output: bool,
	/// Test tool: submit for a request assigned to another executor
	#[arg(long)]
	pub skip_assignment_check: bool,
}

/// `verity executor prove-batch`.
#[derive(Debug, Args)]
pub struct ProveBatchArgs {
	/// The requests' ids
	#[arg(value_name = "REQUEST_ID", required = true, num_args = 1..)]
	pub request_ids: Vec<u64>,
	/// Where model.qmodel and proving.key may be (else the config file's
	/// artifacts, else downloaded from the node)
	#[arg(long, value_name = "DIR")]
	pub artifacts: Option<PathBuf>,
}

/// Runs an `executor` subcommand.
pub fn run(ctx: &Ctx, command: ExecutorCommand) -> Outcome {
	match command {
		ExecutorCommand::Register => done(register(ctx)),
		ExecutorCommand::Unregister => done(unregister(ctx)),
		ExecutorCommand::Withdraw => done(withdraw(ctx)),
		ExecutorCommand::Decline(a) => done(decline(ctx, a)),
		ExecutorCommand::Prove(a) => prove(ctx, a),
		ExecutorCommand::ProveBatch(a) => prove_batch(ctx, a),
	}
}

/// `verity executor unregister`.
fn unregister(ctx: &Ctx) -> Result<(), CliError> {
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let step = steps.spinner(format!(
			"unregistering executor {who} (waiting for finalization)"
		));
		let (released, included) = chain.unregister_executor(&key).await?;
		step.done(format!("in block #{}", included.block_number));
		if released.is_none() {
			note(
				"requests assigned to this executor are still open: the bond stays until \
				 `verity executor withdraw` after they end",
			);
		}
		print_json(&json!({
			"executor": who.to_string(),
			"status": "unregistered",
			"bond_released": released.map(amount),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// `verity executor withdraw`.
fn withdraw(ctx: &Ctx) -> Result<(), CliError> {
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let step = steps.spinner(format!(
			"withdrawing the bond of {who} (waiting for finalization)"
		));
		let (released, included) = chain.withdraw_bond(&key).await?;
		step.done(format!(
			"{} released in block #{}",
			vrt(released),
			included.block_number
		));
		print_json(&json!({
			"executor": who.to_string(),
			"status": "withdrawn",
			"bond_released": amount(released),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// `verity executor register`.
fn register(ctx: &Ctx) -> Result<(), CliError> {
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let step = steps.spinner(format!(
			"bonding {who} as an executor (waiting for finalization)"
		));
		let included = chain.register_executor(&key).await?;
		step.done(format!("in block #{}", included.block_number));
		let info = chain.executor(&who).await?;
		print_json(&json!({
			"executor": who.to_string(),
			"bond": info.as_ref().map(|i| amount(i.bond)),
			"active": info.as_ref().map(|i| i.active),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// A model's artifacts, checked against the chain.
pub struct Artifacts {
	model: QuantizedModel,
	/// With zk support: the ceremony's final proving key.
	proving_key: Option<ProvingKey>,
}

/// The artifact `hash` (`what`): `dir/file` when `dir` is given and has the
/// file (it must be the chain's), else downloaded from the node.
pub async fn artifact(
	chain: &Chain,
	steps: &Progress,
	dir: Option<&Path>,
	file: &str,
	hash: &[u8; 32],
	what: &str,
) -> Result<Vec<u8>, CliError> {
	if let Some(path) = dir.map(|d| d.join(file)).filter(|p| p.is_file()) {
		let bytes = std::fs::read(&path)
			.map_err(|e| CliError::input(format!("{}: {e}", path.display())))?;
		if &blake2_256(&bytes) != hash {
			return Err(CliError::input(format!(
				"{}: hash {} differs from {what} {} on chain",
				path.display(),
				hex(&blake2_256(&bytes)),
				hex(hash)
			)));
		}
		return Ok(bytes);
	}
	let step = steps.spinner(format!("downloading {what} {} from the node", hex(hash)));
	let bytes = chain
		.download_artifact(hash, |_| {})
		.await
		.map_err(|e| CliError::input(format!("{what}: {e}")))?;
	step.done(format!("{} bytes in {:.2} s", bytes.len(), step.seconds()));
	Ok(bytes)
}

/// The quantized model and, for a zk request, the final proving key of
/// `chain_model`: from `dir` when it has them, else from the node; checked
/// against the chain's hashes.
pub async fn load_artifacts(
	chain: &Chain,
	steps: &Progress,
	dir: Option<&Path>,
	chain_model: &Model,
	zk: bool,
) -> Result<Artifacts, CliError> {
	let id = chain_model.id;
	let bytes = artifact(
		chain,
		steps,
		dir,
		QMODEL_FILE,
		&chain_model.quantized_hash,
		&format!("model {id}'s quantized model"),
	)
	.await?;
	let model = QuantizedModel::from_bytes(&bytes)
		.map_err(|e| CliError::input(format!("model {id}'s quantized model: {e}")))?;
	if !zk {
		return Ok(Artifacts {
			model,
			proving_key: None,
		});
	}
	if let Some(why) = chain_model.refusal(Mode::Zk) {
		return Err(CliError::input(why));
	}
	let pk_hash = chain_model
		.ceremony
		.as_ref()
		.and_then(KeyInfo::final_proving_key)
		.ok_or_else(|| CliError::input(format!("model {id} has no final proving key")))?;
	let bytes = artifact(
		chain,
		steps,
		dir,
		PROVING_KEY_FILE,
		&pk_hash,
		&format!("model {id}'s proving key"),
	)
	.await?;
	// With an artifacts dir, through the key's unpacked copy there (made on
	// the first proof: later ones skip decompressing the key).
	let pk = match dir {
		Some(dir) => {
			let path = dir.join(UNPACKED_KEY_FILE);
			unpacked::load(&path, &pk_hash, &model, || Ok(bytes)).map(|(pk, _)| pk)
		}
		None => ProvingKey::read(&mut &bytes[..]),
	}
	.map_err(|e| CliError::input(format!("model {id}'s proving key {}: {e}", hex(&pk_hash))))?;
	Ok(Artifacts {
		model,
		proving_key: Some(pk),
	})
}

/// Open request `request_id`, once it is assigned (a request has no executor
/// in its own block, nor right after a rejected proof or a decline; waits up
/// to 30 s): an error unless it is assigned to `who` (or `any_executor`: the
/// test tool `--skip-assignment-check`, to show that the transaction pool
/// refuses the submission).
async fn assigned_request(
	chain: &Chain,
	request_id: u64,
	who: &subxt::utils::AccountId32,
	any_executor: bool,
) -> Result<Request, CliError> {
	chain
		.wait_for_assignment(request_id, Duration::from_secs(30))
		.await?;
	let request = match chain.request_status(request_id).await? {
		RequestStatus::Pending(r) => r,
		RequestStatus::Done(r) => {
			return Err(CliError::input(format!(
				"request {request_id} already has a result (block #{}, executor {})",
				r.block, r.executor
			)))
		}
		RequestStatus::Provisional(p) => {
			return Err(CliError::input(format!(
				"request {request_id} already has a provisional result (block #{}, executor {})",
				p.block, p.executor
			)))
		}
		RequestStatus::Expired => {
			return Err(CliError::input(format!(
				"request {request_id} expired without a result"
			)))
		}
		RequestStatus::Unknown { .. } => {
			return Err(CliError::input(format!("unknown request {request_id}")))
		}
	};
	if request.executor.as_ref() != Some(who) && !any_executor {
		return Err(CliError::input(format!(
			"request {request_id} is assigned to {}, not {who}: the chain takes its result \
			 only from its assigned executor (until block #{}, then a backup is drawn)",
			request
				.executor
				.as_ref()
				.map_or("nobody yet".into(), |e| e.to_string()),
			request.window_end
		)));
	}
	Ok(request)
}

/// `verity executor decline REQUEST_ID`: passes a request assigned to the
/// caller on to another executor (drawn in the next block), without the
/// slash a lapsed window costs.
fn decline(ctx: &Ctx, args: RequestArgs) -> Result<(), CliError> {
	let request_id = args.request_id;
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		assigned_request(&chain, request_id, &who, false).await?;
		let step = steps.spinner(format!(
			"declining request {request_id} (waiting for finalization)"
		));
		let included = chain.decline(&key, request_id).await?;
		step.done(format!("in block #{}", included.block_number));
		print_json(&json!({
			"request_id": request_id,
			"status": "declined",
			"executor": who.to_string(),
			"block": included.block_number,
		}));
		Ok(())
	})
}

/// Runs `model` on `input` for request `request_id` and, given the proving
/// key, proves the output for `who` and checks the proof under the chain's
/// verifying key (as the chain will, before paying for a transaction).
/// Returns the flattened output, the proof (empty without a key) and the
/// seconds it took.
pub async fn run_and_prove(
	steps: &Progress,
	chain_model: &Model,
	artifacts: Arc<Artifacts>,
	request_id: u64,
	who: &subxt::utils::AccountId32,
	input: &[i32],
) -> Result<(Vec<i32>, Vec<u8>, f64), CliError> {
	let qx = artifacts
		.model
		.input_tensors(input)
		.map_err(|e| CliError::input(format!("request {request_id}: {e}")))?;
	let (step, (outputs, proof)) = if let Some(pk) = &artifacts.proving_key {
		let step = steps.spinner(format!(
			"running model {} on request {request_id} and proving ({} constraints)",
			chain_model.id, pk.num_constraints
		));
		let binding = Binding {
			request_id,
			executor: who.0,
		};
		let vk_bytes = chain_model
			.ceremony
			.as_ref()
			.and_then(KeyInfo::final_verifying_key)
			.map(<[u8]>::to_vec)
			.unwrap_or_default();
		let shared = artifacts.clone();
		let proved = tokio::task::spawn_blocking(move || {
			let Artifacts { model, proving_key } = &*shared;
			let pk = proving_key
				.as_ref()
				.ok_or_else(|| CliError::input("no proving key"))?;
			pk.prepare(model)
				.map_err(|e| CliError::input(e.to_string()))?;
			let (outputs, proof) = verity_zk::prove(pk, model, &qx, &binding)
				.map_err(|e| CliError::input(format!("proving: {e}")))?;
			let statement = verity_zk::statement(model, &qx, &outputs, &binding);
			VerifyingKey::<Bls12_381>::from_bytes(&vk_bytes)
				.and_then(|vk| verity_zk::verify(&vk, &statement, &proof))
				.map_err(|e| {
					CliError::input(format!(
						"the proof does not verify under the chain's verifying key: {e}"
					))
				})?;
			Ok::<_, CliError>((outputs, proof.to_bytes().to_vec()))
		})
		.await
		.map_err(|e| CliError::input(format!("prover: {e}")))??;
		(step, proved)
	} else {
		let step = steps.spinner(format!(
			"running model {} on request {request_id} (no proof)",
			chain_model.id
		));
		let outputs = artifacts
			.model
			.run(&qx)
			.map_err(|e| CliError::input(e.to_string()))?;
		(step, (outputs, Vec::new()))
	};
	let seconds = step.seconds();
	step.done(format!("done in {seconds:.3} s"));
	let output = outputs
		.iter()
		.flat_map(|t| t.data.iter().map(|&v| v as i32))
		.collect();
	Ok((output, proof, seconds))
}

/// `--tamper-output` (a test tool): `output` with its first integer changed,
/// still in the signed `act_bits` range, so only a proof check can catch it.
pub fn tampered(mut output: Vec<i32>, act_bits: u32) -> Vec<i32> {
	let max = (1i32 << (act_bits - 1)) - 1;
	if let Some(v) = output.first_mut() {
		*v = if *v < max { *v + 1 } else { *v - 1 };
	}
	output
}

/// `verity executor prove`: exit 0 if the chain accepted the result, 1 if
/// it rejected the proof (and slashed the executor).
fn prove(ctx: &Ctx, args: ProveArgs) -> Outcome {
	let request_id = args.request_id;
	let key = ctx.signer()?;
	let tamper = args.tamper_output;
	let any_executor = args.skip_assignment_check;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let request = assigned_request(&chain, request_id, &who, any_executor).await?;
		let chain_model = chain.require_model(request.model_id).await?;
		// Only `Zk` results carry a proof.
		let zk = request.mode == Mode::Zk;
		let dir = ctx.artifacts(args.artifacts.as_deref());
		let artifacts = load_artifacts(&chain, &steps, dir.as_deref(), &chain_model, zk).await?;
		let artifacts = Arc::new(artifacts);
		let (honest, proof, prove_seconds) = run_and_prove(
			&steps,
			&chain_model,
			artifacts,
			request_id,
			&who,
			&request.input,
		)
		.await?;
		let output = if tamper {
			note(if zk {
				"--tamper-output: submitting a changed output with the honest proof"
			} else {
				"--tamper-output: submitting a changed output"
			});
			tampered(honest.clone(), chain_model.act_bits)
		} else {
			honest.clone()
		};
		let step = steps.spinner(format!(
			"submitting the result of request {request_id} (waiting for finalization)"
		));
		let submitted = chain
			.submit_result(&key, request_id, output.clone(), proof)
			.await?;
		step.done("included");
		let mut out = json!({
			"request_id": request_id,
			"executor": who.to_string(),
			"model_id": chain_model.id,
			"mode": request.mode.name(),
			"output": output,
			"tampered": tamper,
			"prove_seconds": prove_seconds,
		});
		if tamper {
			out["honest_output"] = json!(honest);
		}
		let code = match submitted {
			Submitted::Verified { fee, included } | Submitted::Stored { fee, included } => {
				out["status"] = json!(if zk { "verified" } else { "stored" });
				out["fee_paid"] = amount(fee);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				note(format!(
					"accepted in block #{}: paid {}",
					included.block_number,
					vrt(fee)
				));
				ExitCode::SUCCESS
			}
			Submitted::Proposed {
				challenge_end,
				included,
			} => {
				out["status"] = json!("provisional");
				out["challenge_end"] = json!(challenge_end);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				note(format!(
					"accepted provisionally in block #{}: paid after block #{challenge_end} \
					 unless a challenge overturns it",
					included.block_number
				));
				ExitCode::SUCCESS
			}
			Submitted::Rejected {
				slashed,
				reason,
				included,
			} => {
				out["status"] = json!("rejected");
				out["reason"] = json!(reason);
				out["slashed"] = amount(slashed);
				out["block"] = json!(included.block_number);
				out["block_hash"] = json!(included.block_hash);
				out["events"] = events_json(&included.events);
				note(format!(
					"the chain rejected the proof ({reason}) in block #{}: {who} was slashed {}; \
					 the request stays open",
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

/// `verity executor prove-batch`: exit 0 if the chain verified every
/// result, 1 otherwise.
fn prove_batch(ctx: &Ctx, args: ProveBatchArgs) -> Outcome {
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let who = chain::account_of(&key);
		let dir = ctx.artifacts(args.artifacts.as_deref());
		let max = chain.constant_u128("Inference", "MaxBatchResults").await?;
		let max = usize::try_from(max).unwrap_or(usize::MAX).max(1);
		let mut models: HashMap<u64, (Model, Arc<Artifacts>)> = HashMap::new();
		let mut results = Vec::with_capacity(args.request_ids.len());
		let mut prove_seconds = 0.0;
		for &request_id in &args.request_ids {
			let request = assigned_request(&chain, request_id, &who, false).await?;
			if request.mode != Mode::Zk {
				return Err(CliError::input(format!(
					"request {request_id} is {}, not zk: submit it with `executor prove`",
					request.mode.name()
				)));
			}
			if !models.contains_key(&request.model_id) {
				let chain_model = chain.require_model(request.model_id).await?;
				let artifacts =
					load_artifacts(&chain, &steps, dir.as_deref(), &chain_model, true).await?;
				models.insert(request.model_id, (chain_model, Arc::new(artifacts)));
			}
			let (chain_model, artifacts) = &models[&request.model_id];
			let (output, proof, seconds) = run_and_prove(
				&steps,
				chain_model,
				artifacts.clone(),
				request_id,
				&who,
				&request.input,
			)
			.await?;
			prove_seconds += seconds;
			results.push((request_id, output, proof));
		}
		// Sent right after a block is imported, so that every batch reaches
		// the pool well before the next one is authored.
		let batches: Vec<_> = results.chunks(max).map(<[_]>::to_vec).collect();
		let step = steps.spinner(format!(
			"submitting {} results in {} batch(es) of at most {max} (waiting for finalization)",
			results.len(),
			batches.len()
		));
		// A stalled chain is no reason to hang: after a minute, send anyway.
		let best = chain.best_number().await?;
		let waited = std::time::Instant::now();
		while chain.best_number().await? == best && waited.elapsed() < Duration::from_secs(60) {
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
		let submitted = chain.submit_results(&key, batches).await?;
		let blocks: std::collections::BTreeSet<u64> =
			submitted.iter().map(|b| b.included.block_number).collect();
		step.done(format!("in block(s) {blocks:?}"));
		let outcomes = submitted.iter().flat_map(|b| &b.outcomes);
		let verified = outcomes
			.clone()
			.filter(|(_, o)| matches!(o, BatchOutcome::Verified { .. }))
			.count();
		let outcome_json = |(request_id, outcome): &(u64, BatchOutcome)| match outcome {
			BatchOutcome::Verified { fee } => {
				json!({"request_id": request_id, "status": "verified", "fee_paid": amount(*fee)})
			}
			BatchOutcome::Rejected { slashed, reason } => json!({
				"request_id": request_id,
				"status": "rejected",
				"reason": reason,
				"slashed": amount(*slashed),
			}),
			BatchOutcome::Skipped { error } => {
				json!({"request_id": request_id, "status": "skipped", "error": error})
			}
		};
		let one_by_one = submitted.iter().any(|b| b.one_by_one);
		note(format!(
			"{verified} of {} results verified in block(s) {blocks:?}{}",
			args.request_ids.len(),
			if one_by_one {
				" (a batch check failed: its proofs were then checked alone)"
			} else {
				""
			}
		));
		let batches: Vec<_> = submitted
			.iter()
			.map(|b| {
				json!({
					"results": b.outcomes.len(),
					"one_by_one": b.one_by_one,
					"block": b.included.block_number,
					"block_hash": b.included.block_hash,
				})
			})
			.collect();
		print_json(&json!({
			"executor": who.to_string(),
			"results": outcomes.map(outcome_json).collect::<Vec<_>>(),
			"verified": verified,
			"one_by_one": one_by_one,
			"prove_seconds": prove_seconds,
			"batches": batches,
		}));
		Ok(if verified == args.request_ids.len() {
			ExitCode::SUCCESS
		} else {
			ExitCode::from(EXIT_REJECTED)
		})
	})
}
