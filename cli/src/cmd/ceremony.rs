//! `verity ceremony status|contribute|retry`: the chain's setup ceremony
//! (pallet-ceremony) from the command line.
//!
//! ```text
//! verity ceremony status [MODEL_ID]
//! verity ceremony contribute MODEL_ID --suri SECRET
//! verity ceremony retry MODEL_ID --suri SECRET
//! ```
//!
//! `status` shows phase 1 (the universal SRS: its size and phase, the
//! **INSECURE** marker of the development SRS, the round, whose turn, the
//! accepted contributions, the contribution being checked, the final SRS's
//! hash) or, with a model id, that model's key ceremony (status, domain,
//! round, turn order, whose turn until which block, every contribution, the
//! final verifying key's hash). JSON on stdout, a summary on stderr.
//!
//! `contribute` is a phase-2 contribution by someone who runs no node (the
//! model's owner, with `model register --contribute`, takes the first turn):
//! it reads the ceremony, refuses unless it is the signer's turn, gets the
//! current proving key (the initial one is computed here from the final SRS,
//! later ones are downloaded from the node) and checks it against the SRS and
//! the chain's current verifying key — a key that fails is never built on —,
//! multiplies `δ` by a fresh secret from the OS (wiped inside verity-zk,
//! never written anywhere), uploads the new proving key to the node and
//! submits `Ceremony::contribute_key`. This is exactly what a validator's
//! node does on its turn (node/src/ceremony.rs).
//!
//! `retry` starts another round of a failed key ceremony (anyone may).

use std::time::Duration;

use serde_json::{json, Value};
use subxt::utils::AccountId32;
use subxt_signer::sr25519::Keypair;
use verity_inference::hash::blake2_256;
use verity_inference::QuantizedModel;
use verity_zk::ceremony::{self as zk, lagrange, phase2, srs::Srs};
use verity_zk::{Bls12_381, ProvingKey, VerifyingKey};

use clap::{Args, Subcommand};

use super::artifacts::upload_artifacts;
use super::{block_on, Ctx};
use crate::chain::{self, hex, plural, Chain, FinalSrs, KeyInfo, KeyStatus, SrsInfo, SrsPhase};
use crate::error::CliError;
use crate::output::{self, print_json};
use crate::progress::Progress;

/// What `ceremony status` says about the development SRS, everywhere it shows.
pub const INSECURE_WARNING: &str = "INSECURE development SRS: its secrets are public, so anyone \
	can forge proofs under every key made from it. For development chains only; never for \
	anything of value.";

/// How often a waiting command reads the ceremony again.
const POLL: Duration = Duration::from_secs(1);

/// The `ceremony` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity ceremony status
  verity ceremony status 0
  verity ceremony contribute 0 --suri-file alice.suri";

/// `verity ceremony` subcommands.
#[derive(Debug, Subcommand)]
pub enum CeremonyCommand {
	/// Show phase 1 (the universal SRS) or a model's key ceremony
	#[command(
		long_about = "Phase 1 (the universal SRS: size, phase, INSECURE for the development \
		              SRS, round, participants, whose turn until when, accepted contributions, \
		              the contribution being checked, the final SRS hash) or, with MODEL_ID, \
		              that model's key ceremony (status, domain, round, turn order, whose turn \
		              until when, every contribution, the final verifying key's hash). A table \
		              on a terminal, JSON otherwise (--json); a summary on stderr.",
		after_help = "Examples:\n  verity ceremony status\n  verity ceremony status 0 --json"
	)]
	Status(StatusArgs),
	/// Contribute to a model's key when it is your turn
	#[command(
		long_about = "Contributes to the model's key when it is the signer's turn: checks the \
		              current proving key against the SRS and the chain's verifying key, \
		              multiplies it by a fresh secret, uploads the new key to the node and \
		              submits it. Refuses when it is not the signer's turn.",
		after_help = "Examples:\n  verity ceremony contribute 0 --suri-file alice.suri"
	)]
	Contribute(ModelIdArgs),
	/// Start another round of a failed key ceremony
	#[command(
		long_about = "Starts another round of model MODEL_ID's failed key ceremony \
		              (Ceremony::retry_key; anyone may).",
		after_help = "Examples:\n  verity ceremony retry 0 --suri-file alice.suri"
	)]
	Retry(ModelIdArgs),
}

/// `verity ceremony status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
	/// A model's key ceremony instead of phase 1
	#[arg(value_name = "MODEL_ID")]
	pub model_id: Option<u64>,
}

/// A model version id.
#[derive(Debug, Args)]
pub struct ModelIdArgs {
	/// The model version's id
	#[arg(value_name = "MODEL_ID")]
	pub model_id: u64,
}

/// Runs a `ceremony` subcommand.
pub fn run(ctx: &Ctx, command: CeremonyCommand) -> Result<(), CliError> {
	match command {
		CeremonyCommand::Status(a) => status(ctx, a),
		CeremonyCommand::Contribute(a) => contribute_cmd(ctx, a),
		CeremonyCommand::Retry(a) => retry(ctx, a),
	}
}

// ---------------------------------------------------------------------------
// JSON views and pure helpers.

fn accounts(list: &[AccountId32]) -> Value {
	json!(list.iter().map(|a| a.to_string()).collect::<Vec<_>>())
}

/// Phase 1 as JSON.
pub fn srs_json(s: &SrsInfo, best: u64) -> Value {
	let mut v = json!({
		"phase": s.phase.name(),
		"insecure": s.insecure,
		"max_domain": s.max_domain,
		"round": s.round,
		"participants": accounts(&s.order),
		"turn": s.turn.as_ref().map(|a| a.to_string()),
		"deadline": s.turn.as_ref().map(|_| s.deadline),
		"accepted": s.accepted,
		"pending": s.pending.as_ref().map(|p| json!({
			"contributor": p.who.to_string(),
			"srs_hash": hex(&p.srs_hash),
			"ok_votes": p.ok,
			"bad_votes": p.bad,
		})),
		"transcript": hex(&s.transcript),
		"head": hex(&s.head),
		"srs_hash": s.srs_hash.map(|h| hex(&h)),
		"final_srs_hash": match s.final_srs() {
			Some(FinalSrs::Artifact(h)) => json!(hex(&h)),
			_ => Value::Null,
		},
		"beacon": s.beacon.map(|b| hex(&b)),
		"lagrange_bases": s.bases.iter().map(|b| json!({
			"domain_size": b.domain_size,
			"publisher": b.publisher.to_string(),
			"hash": hex(&b.hash),
		})).collect::<Vec<_>>(),
		"best_block": best,
	});
	if let SrsPhase::Beacon { at } = s.phase {
		v["beacon_block"] = json!(at);
	}
	if s.insecure {
		v["warning"] = json!(INSECURE_WARNING);
	}
	v
}

/// Phase 1 in a line.
pub fn srs_summary(s: &SrsInfo) -> String {
	let kind = if s.insecure {
		"the INSECURE development SRS"
	} else {
		"the universal SRS"
	};
	let head = format!(
		"phase 1 ({kind}, domains up to {} points): {}",
		s.max_domain,
		s.phase.name()
	);
	match s.phase {
		SrsPhase::Final => match s.final_srs() {
			Some(FinalSrs::Artifact(h)) => format!("{head}, final SRS {}", hex(&h)),
			_ => head,
		},
		SrsPhase::Contributing => {
			let turn = match (&s.pending, &s.turn) {
				(Some(p), _) => format!(
					"{}'s contribution is being checked ({} ok, {} bad of {} participants)",
					p.who,
					p.ok,
					p.bad,
					s.order.len()
				),
				(None, Some(who)) => format!("{who}'s turn until block #{}", s.deadline),
				(None, None) => "between rounds".into(),
			};
			format!(
				"{head}, round {}, {}; {turn}",
				s.round,
				plural(s.accepted as usize, "accepted contribution")
			)
		}
		SrsPhase::Beacon { at } => format!("{head}: the beacon is the hash of block #{at}"),
		SrsPhase::Sealing => format!("{head}: the participants seal the final SRS"),
	}
}

/// A model's key ceremony as JSON.
pub fn key_json(model_id: u64, k: &KeyInfo, insecure_srs: Option<bool>, best: u64) -> Value {
	json!({
		"model_id": model_id,
		"status": k.status.name(),
		"model_hash": hex(&k.model_hash),
		"domain_size": k.domain_size,
		"round": k.round,
		"order": accounts(&k.order),
		"turn": k.turn.as_ref().map(|a| a.to_string()),
		"turn_index": k.turn_index(),
		"deadline": k.turn.as_ref().map(|_| k.deadline),
		"started_at": k.started_at,
		"best_block": best,
		"transcript": hex(&k.transcript),
		"proving_key_hash": k.proving_key.map(|h| hex(&h)),
		"contributions": k.contributions.iter().map(|c| json!({
			"contributor": c.who.to_string(),
			"block": c.block,
			"proving_key_hash": hex(&c.proving_key),
			"transcript": hex(&c.transcript),
		})).collect::<Vec<_>>(),
		"verifying_key": {
			"bytes": k.verifying_key.len(),
			"hash": hex(&blake2_256(&k.verifying_key)),
			"final": k.status == KeyStatus::Final,
		},
		"final_verifying_key_hash": k.final_verifying_key().map(|vk| hex(&blake2_256(vk))),
		"final_proving_key_hash": k.final_proving_key().map(|h| hex(&h)),
		"insecure_srs": insecure_srs,
	})
}

/// Why `who` may not contribute to this key ceremony at block `best`, if so.
pub fn contribute_refusal(
	model_id: u64,
	k: &KeyInfo,
	who: &AccountId32,
	best: u64,
) -> Option<String> {
	match k.status {
		KeyStatus::Pending => {}
		KeyStatus::Final => {
			return Some(format!(
				"model {model_id}'s key ceremony is not pending: its key is already final ({})",
				plural(k.contributions.len(), "contribution")
			))
		}
		KeyStatus::Failed => {
			return Some(format!(
				"model {model_id}'s key ceremony is not pending: it failed (round {}); \
				 `verity ceremony retry {model_id}` starts another round",
				k.round
			))
		}
	}
	let Some(turn) = &k.turn else {
		return Some(format!(
			"model {model_id}'s key ceremony round {} has no turn left",
			k.round
		));
	};
	if turn != who {
		let mine = k.order.iter().position(|a| a == who);
		let current = k.turn_index().unwrap_or(0);
		return Some(match mine {
			Some(i) if i + 1 > current => format!(
				"not your turn: it is {turn}'s (turn {current} of {}, until block #{}); {who} \
				 has turn {} in round {}",
				k.order.len(),
				k.deadline,
				i + 1,
				k.round
			),
			Some(_) => format!(
				"not your turn: {who}'s turn in round {} is over (it is {turn}'s now, until \
				 block #{})",
				k.round, k.deadline
			),
			None => format!(
				"not your turn: {who} is not a contributor of model {model_id}'s ceremony \
				 (round {}: {}); it is {turn}'s turn",
				k.round,
				k.order
					.iter()
					.map(|a| a.to_string())
					.collect::<Vec<_>>()
					.join(", ")
			),
		});
	}
	if best > k.deadline {
		return Some(format!(
			"your turn's deadline (block #{}) has passed (best block #{best}); the chain skips \
			 the turn at the next block",
			k.deadline
		));
	}
	None
}

/// The ceremony's progress in a line (for the waiting spinner; it changes
/// only when the turn or the contributions do).
pub fn progress_line(k: &KeyInfo) -> String {
	let made = plural(k.contributions.len(), "contribution");
	match (&k.turn, k.turn_index()) {
		(Some(who), Some(i)) => format!(
			"round {}, turn {i} of {}: {who} (until block #{}); {made} so far",
			k.round,
			k.order.len(),
			k.deadline
		),
		_ => format!("round {}: {made} so far", k.round),
	}
}

/// The domain to register a circuit on: the smallest domain size the SRS
/// serves (a divisor of `max_domain`, see `verity_zk::ceremony::domain_sizes`)
/// with at least `smallest` points (`verity_zk::circuit_stats(..).domain_size`,
/// the smallest domain of its rows: `2^k` or `3·2^k`, which the SRS may not
/// serve).
pub fn domain_for(smallest: usize, max_domain: u32) -> Option<u32> {
	zk::domain_sizes(max_domain)
		.into_iter()
		.find(|&n| n as usize >= smallest)
}

// ---------------------------------------------------------------------------
// verity ceremony status

fn status(ctx: &Ctx, args: StatusArgs) -> Result<(), CliError> {
	let id = args.model_id;
	let steps = ctx.progress();
	let format = ctx.format();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let srs = chain.require_srs().await?;
		let best = chain.best_number().await?;
		match id {
			None => {
				steps.note(srs_summary(&srs));
				if srs.insecure {
					steps.note(format!("!!! {INSECURE_WARNING} !!!"));
				}
				output::print(format, &srs_json(&srs, best), output::fields_table);
			}
			Some(id) => {
				let key = chain.require_key_info(id).await?;
				steps.note(format!("model {id}: {}", key.summary()));
				if srs.insecure {
					steps.note(format!("!!! {INSECURE_WARNING} !!!"));
				}
				output::print(
					format,
					&key_json(id, &key, Some(srs.insecure), best),
					output::fields_table,
				);
			}
		}
		Ok(())
	})
}

// ---------------------------------------------------------------------------
// verity ceremony contribute

fn contribute_cmd(ctx: &Ctx, args: ModelIdArgs) -> Result<(), CliError> {
	let model_id = args.model_id;
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let out = contribute(&chain, &key, model_id, &steps).await?;
		if out["insecure_srs"] == true {
			steps.note(format!("warning: {INSECURE_WARNING}"));
		}
		print_json(&out);
		Ok(())
	})
}

/// The final SRS for a key on the `n`-point domain (restricted to it for
/// the development SRS), checked against the chain's head.
async fn final_srs(
	chain: &Chain,
	info: &SrsInfo,
	n: u32,
	steps: &Progress,
) -> Result<(Srs, FinalSrs), CliError> {
	let which = info.final_srs().ok_or_else(|| {
		CliError::input(format!(
			"the SRS is not final yet ({}): model keys are made once phase 1 is sealed",
			srs_summary(info)
		))
	})?;
	match which {
		FinalSrs::InsecureDev => {
			// The chain's development SRS must be this CLI's.
			if zk::dev::head::<Bls12_381>().to_bytes() != info.head {
				return Err(CliError::input(
					"the chain's development SRS is not the one this verity knows (its head \
					 differs): a different verity version?",
				));
			}
			let max_domain = info.max_domain;
			let step = steps.spinner(format!(
				"making the INSECURE development SRS on {n} points (its secrets are public)"
			));
			let srs = blocking(move || dev_srs(max_domain, n)).await?;
			step.done(format!("in {:.2} s", step.seconds()));
			Ok((srs, which))
		}
		FinalSrs::Artifact(hash) => {
			let total = Srs::file_len(info.max_domain as usize) as u64;
			let step = steps.bytes(format!("downloading the final SRS {}", hex(&hash)), total);
			let bytes = chain
				.download_artifact(&hash, |done| step.set_position(done))
				.await
				.map_err(|e| CliError::input(format!("the final SRS: {e}")))?;
			step.done(format!("{} bytes in {:.2} s", bytes.len(), step.seconds()));
			let step = steps.spinner("reading the SRS (every point validated)");
			let head = info.head.clone();
			let srs = blocking(move || {
				let srs = Srs::from_bytes(&bytes)
					.map_err(|e| CliError::input(format!("the final SRS {}: {e}", hex(&hash))))?;
				if srs.head().to_bytes() != head {
					return Err(CliError::input(format!(
						"the final SRS {} does not have the chain's head",
						hex(&hash)
					)));
				}
				Ok(srs)
			})
			.await?;
			step.done(format!("in {:.2} s", step.seconds()));
			Ok((srs, which))
		}
	}
}

/// Runs `f` on a blocking thread.
async fn blocking<T: Send + 'static>(
	f: impl FnOnce() -> Result<T, CliError> + Send + 'static,
) -> Result<T, CliError> {
	tokio::task::spawn_blocking(f)
		.await
		.map_err(|e| CliError::input(format!("a worker thread failed: {e}")))?
}

/// A fixed-size array from bytes of that length.
fn fixed<const N: usize>(bytes: &[u8], what: &str) -> Result<[u8; N], CliError> {
	bytes.try_into().map_err(|_| {
		CliError::input(format!(
			"{what}: {} bytes where {N} were expected",
			bytes.len()
		))
	})
}

/// The development SRS restricted to the `n`-point domain (only the `n`
/// points it needs).
fn dev_srs(max_domain: u32, n: u32) -> Result<Srs, CliError> {
	zk::srs::insecure_dev_srs_on(max_domain as usize, n as usize)
		.map_err(|e| CliError::input(format!("the development SRS: {e}")))
}

/// The published Lagrange bases `b`, downloaded and checked against `srs`;
/// `None` (the CLI computes its own) if either fails.
async fn published_bases(
	chain: &Chain,
	srs: &std::sync::Arc<Srs>,
	b: &chain::PublishedBases,
	steps: &Progress,
) -> Option<lagrange::LagrangeBases> {
	let step = steps.spinner(format!(
		"downloading the Lagrange bases on {} points {} (published by {})",
		b.domain_size,
		hex(&b.hash),
		b.publisher
	));
	let bytes = match chain.download_artifact(&b.hash, |_| {}).await {
		Ok(bytes) => bytes,
		Err(e) => {
			step.done(format!("failed ({e}); computing them here"));
			return None;
		}
	};
	let srs = std::sync::Arc::clone(srs);
	let checked = blocking(move || {
		let bases = lagrange::LagrangeBases::read(&mut &bytes[..])
			.map_err(|e| CliError::input(e.to_string()))?;
		bases
			.check(&srs, &mut verity_zk::rand::rngs::OsRng)
			.map_err(|e| CliError::input(e.to_string()))?;
		Ok(bases)
	})
	.await;
	match checked {
		Ok(bases) => {
			step.done(format!(
				"checked against the SRS in {:.2} s",
				step.seconds()
			));
			Some(bases)
		}
		Err(e) => {
			step.done(format!("REFUSED ({e}); computing them here"));
			None
		}
	}
}

/// The initial proving key of `model` on the `n`-point domain of `srs`,
/// from `published` Lagrange bases (checked) if any; `dev_max_domain`: the
/// development SRS of this size (its Lagrange bases come from the secrets,
/// far faster).
fn initial_key(
	srs: &Srs,
	published: Option<lagrange::LagrangeBases>,
	dev_max_domain: Option<u32>,
	n: u32,
	model: &QuantizedModel,
) -> Result<ProvingKey, CliError> {
	let bases = match (published, dev_max_domain) {
		(Some(bases), _) => Ok(bases),
		(None, Some(max)) => {
			lagrange::bases_from_secrets(max as usize, n as usize, zk::dev::secrets())
		}
		(None, None) => lagrange::bases(srs, n as usize),
	}
	.map_err(|e| CliError::input(format!("Lagrange bases: {e}")))?;
	phase2::initial_proving_key(srs, &bases, model)
		.map_err(|e| CliError::input(format!("the initial proving key: {e}")))
}

/// The full check of `pk` against `srs` and the chain's verifying key
/// (`vk`, in the chain's bytes): what every node runs before it builds on a
/// key or proves with it.
fn check_key(
	srs: &Srs,
	pk: &ProvingKey,
	model: &QuantizedModel,
	vk: &[u8],
) -> Result<(), CliError> {
	let expected = VerifyingKey::<Bls12_381>::decode_points(vk)
		.map_err(|e| CliError::input(format!("the chain's verifying key: {e}")))?;
	phase2::check_proving_key(srs, pk, model, &expected, &mut verity_zk::rand::rngs::OsRng)
		.map_err(|e| CliError::input(e.to_string()))
}

/// A contribution, as `Ceremony::contribute_key` takes it.
struct Contribution {
	/// The new proving key (uploaded; its hash goes on chain).
	key: ProvingKey,
	/// The new `δ·G1 ‖ δ·G2`.
	delta: [u8; 144],
	/// The proof of knowledge of the factor, bound to `transcript` and the
	/// contributor.
	proof: [u8; 224],
}

/// A `δ` contribution to `pk` by `account` on `transcript`, with a fresh
/// secret from the OS (wiped inside verity-zk).
fn contribute_to(
	pk: ProvingKey,
	transcript: &[u8; 32],
	account: &[u8; 32],
) -> Result<Contribution, CliError> {
	let binding = zk::binding(transcript, account);
	let (key, proof) = phase2::contribute(pk, &binding, &mut verity_zk::rand::rngs::OsRng)
		.map_err(|e| CliError::input(format!("contributing: {e}")))?;
	Ok(Contribution {
		delta: fixed(&key.delta().to_bytes(), "δ")?,
		proof: fixed(&proof.to_bytes(), "the proof of knowledge")?,
		key,
	})
}

/// `signer`'s contribution to model `model_id`'s key (see the module docs);
/// returns the command's JSON.
pub async fn contribute(
	chain: &Chain,
	signer: &Keypair,
	model_id: u64,
	steps: &Progress,
) -> Result<Value, CliError> {
	let who = chain::account_of(signer);
	let key = chain.require_key_info(model_id).await?;
	let best = chain.best_number().await?;
	if let Some(why) = contribute_refusal(model_id, &key, &who, best) {
		return Err(CliError::input(why));
	}
	// The new key goes to the node: fail before the slow steps if it cannot.
	chain.check_uploads_allowed().await?;
	let srs_info = chain.require_srs().await?;

	let step = steps.spinner(format!(
		"downloading model {model_id}'s quantized model {}",
		hex(&key.model_hash)
	));
	let model_bytes = chain
		.download_artifact(&key.model_hash, |_| {})
		.await
		.map_err(|e| CliError::input(format!("model {model_id}'s quantized model: {e}")))?;
	let model = QuantizedModel::from_bytes(&model_bytes)
		.map_err(|e| CliError::input(format!("model {model_id}'s quantized model: {e}")))?;
	step.done(format!("{} bytes", model_bytes.len()));

	let n = key.domain_size;
	// Shared by the blocking steps (the sealed SRS is large: no copies).
	let srs = std::sync::Arc::new(final_srs(chain, &srs_info, n, steps).await?.0);

	let (pk, pk_hash) = match key.proving_key {
		Some(h) => {
			let step = steps.spinner(format!("downloading the current proving key {}", hex(&h)));
			let bytes = chain
				.download_artifact(&h, |_| {})
				.await
				.map_err(|e| CliError::input(format!("the current proving key: {e}")))?;
			let pk = ProvingKey::from_bytes(&bytes).map_err(|e| {
				CliError::input(format!("the current proving key {}: {e}", hex(&h)))
			})?;
			step.done(format!("{} bytes in {:.2} s", bytes.len(), step.seconds()));
			(pk, h)
		}
		None => {
			let published = match srs_info.bases.iter().find(|b| b.domain_size == n) {
				Some(b) => published_bases(chain, &srs, b, steps).await,
				None => None,
			};
			let step = steps.spinner(format!(
				"computing the initial proving key on {n} points from the final SRS"
			));
			let dev = (srs_info.final_srs() == Some(FinalSrs::InsecureDev))
				.then_some(srs_info.max_domain);
			let (srs2, model2) = (std::sync::Arc::clone(&srs), model.clone());
			let pk = blocking(move || initial_key(&srs2, published, dev, n, &model2)).await?;
			let hash = blake2_256(&pk.to_bytes());
			step.done(format!("in {:.2} s", step.seconds()));
			(pk, hash)
		}
	};

	// Never build on a key that is not the chain's and the SRS's.
	let step = steps.spinner(format!(
		"checking proving key {} against the SRS and the chain's verifying key",
		hex(&pk_hash)
	));
	let vk_bytes = key.verifying_key.clone();
	let pk = blocking(move || {
		check_key(&srs, &pk, &model, &vk_bytes).map_err(|e| {
			CliError::input(format!(
				"refusing to contribute: the current proving key {} fails the key check \
				 against the SRS and the chain's verifying key ({e})",
				hex(&pk_hash)
			))
		})?;
		Ok(pk)
	})
	.await?;
	step.done(format!("ok in {:.2} s", step.seconds()));

	let step = steps.spinner("contributing (a fresh secret δ from the OS, wiped after use)");
	let transcript = key.transcript;
	let account = who.0;
	let Contribution {
		key: next,
		delta,
		proof,
	} = blocking(move || contribute_to(pk, &transcript, &account)).await?;
	let new_bytes = next.to_bytes();
	let new_hash = blake2_256(&new_bytes);
	step.done(format!(
		"new proving key {} ({} bytes) in {:.2} s",
		hex(&new_hash),
		new_bytes.len(),
		step.seconds()
	));

	// The turn may have passed during the slow steps.
	let best = chain.best_number().await?;
	if let Some(why) = contribute_refusal(model_id, &key, &who, best) {
		return Err(CliError::input(format!("{why} (while contributing)")));
	}
	let uploaded = upload_artifacts(chain, steps, &[("proving.key", &new_bytes[..])]).await?;
	let step = steps.spinner(format!(
		"submitting the contribution to model {model_id}'s key (waiting for finalization)"
	));
	let done = chain
		.contribute_key(signer, model_id, delta, proof, new_hash)
		.await?;
	step.done(format!(
		"accepted in block #{}{}",
		done.included.block_number,
		match done.finalized {
			Some(true) => "; the key is final",
			Some(false) => "; the round ended and the ceremony failed",
			None => "",
		}
	));
	let after = chain.key_info(model_id).await?;
	Ok(json!({
		"model_id": model_id,
		"contributor": who.to_string(),
		"block": done.included.block_number,
		"block_hash": done.included.block_hash,
		"proving_key_hash": hex(&new_hash),
		"previous_proving_key_hash": hex(&pk_hash),
		"transcript": hex(&done.transcript),
		"delta": hex(&delta),
		"uploaded": uploaded,
		"status": after.as_ref().map(|k| k.status.name()),
		"events": done
			.included
			.events
			.iter()
			.map(|(p, e)| format!("{p}.{e}"))
			.collect::<Vec<_>>(),
		"insecure_srs": srs_info.insecure,
	}))
}

/// Follows model `model_id`'s key ceremony until it is final or failed,
/// showing its progress; contributes with `contributor` when it is its turn
/// (once). Fails after `timeout`.
pub async fn follow(
	chain: &Chain,
	model_id: u64,
	contributor: Option<&Keypair>,
	steps: &Progress,
	timeout: Option<Duration>,
) -> Result<(KeyInfo, Option<Value>), CliError> {
	let start = tokio::time::Instant::now();
	let mut contribution = None;
	let mut seen = 0;
	let mut step = steps.spinner(format!("model {model_id}: key ceremony"));
	loop {
		let key = chain.require_key_info(model_id).await?;
		for (i, c) in key.contributions.iter().enumerate().skip(seen) {
			step.println(format!(
				"contribution {} by {} in block #{} (proving key {})",
				i + 1,
				c.who,
				c.block,
				hex(&c.proving_key)
			));
		}
		seen = key.contributions.len();
		match key.status {
			KeyStatus::Final => {
				step.done(format!(
					"final after {} in {:.1} s",
					plural(key.contributions.len(), "contribution"),
					step.seconds()
				));
				return Ok((key, contribution));
			}
			KeyStatus::Failed => {
				step.done(format!(
					"FAILED: round {} ended with {}",
					key.round,
					plural(key.contributions.len(), "contribution")
				));
				return Ok((key, contribution));
			}
			KeyStatus::Pending => {}
		}
		if let (Some(signer), Some(turn), None) = (contributor, &key.turn, &contribution) {
			if *turn == chain::account_of(signer) {
				step.done(format!("{turn}'s turn (the signer's): contributing"));
				contribution = Some(contribute(chain, signer, model_id, steps).await?);
				step = steps.spinner(format!("model {model_id}: key ceremony"));
				continue;
			}
		}
		step.update(progress_line(&key));
		if let Some(timeout) = timeout {
			if start.elapsed() >= timeout {
				return Err(CliError::input(format!(
					"timed out after {} s waiting for model {model_id}'s key ceremony ({}); it \
					 goes on without this command: `verity ceremony status {model_id}` shows it",
					timeout.as_secs(),
					progress_line(&key)
				)));
			}
		}
		tokio::time::sleep(POLL).await;
	}
}

// ---------------------------------------------------------------------------
// verity ceremony retry

fn retry(ctx: &Ctx, args: ModelIdArgs) -> Result<(), CliError> {
	let model_id = args.model_id;
	let key = ctx.signer()?;
	let steps = ctx.progress();
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let info = chain.require_key_info(model_id).await?;
		if info.status != KeyStatus::Failed {
			return Err(CliError::input(format!(
				"model {model_id}'s key ceremony has not failed (it is {}): nothing to retry",
				info.status.name()
			)));
		}
		let step = steps.spinner(format!(
			"starting another round of model {model_id}'s key ceremony (waiting for finalization)"
		));
		let included = chain.retry_key(&key, model_id).await?;
		step.done(format!("in block #{}", included.block_number));
		let info = chain.require_key_info(model_id).await?;
		let best = chain.best_number().await?;
		print_json(&key_json(model_id, &info, None, best));
		Ok(())
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::chain::KeyContribution;

	fn account(b: u8) -> AccountId32 {
		AccountId32([b; 32])
	}

	fn key(status: KeyStatus, order: &[u8], turn: Option<u8>) -> KeyInfo {
		KeyInfo {
			status,
			model_hash: [1; 32],
			domain_size: 4096,
			transcript: [2; 32],
			proving_key: None,
			round: 1,
			order: order.iter().map(|&b| account(b)).collect(),
			turn: turn.map(account),
			deadline: 50,
			contributions: Vec::new(),
			verifying_key: vec![9; 770],
			started_at: 10,
		}
	}

	#[test]
	fn only_the_current_contributor_may_contribute_before_the_deadline() {
		let k = key(KeyStatus::Pending, &[1, 2, 3], Some(2));
		assert_eq!(contribute_refusal(0, &k, &account(2), 50), None);
		let e = contribute_refusal(0, &k, &account(2), 51).unwrap();
		assert!(e.contains("deadline (block #50) has passed"), "{e}");
		let e = contribute_refusal(0, &k, &account(3), 20).unwrap();
		assert!(e.starts_with("not your turn"), "{e}");
		assert!(e.contains("turn 2 of 3"), "{e}");
		assert!(e.contains("has turn 3 in round 1"), "{e}");
		let e = contribute_refusal(0, &k, &account(1), 20).unwrap();
		assert!(e.contains("turn in round 1 is over"), "{e}");
		let e = contribute_refusal(7, &k, &account(9), 20).unwrap();
		assert!(
			e.contains("is not a contributor of model 7's ceremony"),
			"{e}"
		);
	}

	#[test]
	fn final_failed_and_finished_ceremonies_take_no_contribution() {
		let e = contribute_refusal(4, &key(KeyStatus::Final, &[1], None), &account(1), 0).unwrap();
		assert!(e.contains("not pending: its key is already final"), "{e}");
		let e = contribute_refusal(4, &key(KeyStatus::Failed, &[1], None), &account(1), 0).unwrap();
		assert!(e.contains("ceremony retry 4"), "{e}");
		let e =
			contribute_refusal(4, &key(KeyStatus::Pending, &[1], None), &account(1), 0).unwrap();
		assert!(e.contains("no turn left"), "{e}");
	}

	#[test]
	fn key_json_shows_turns_contributions_and_the_final_key_hash() {
		let mut k = key(KeyStatus::Pending, &[1, 2], Some(2));
		k.contributions.push(KeyContribution {
			who: account(1),
			block: 12,
			proving_key: [3; 32],
			transcript: [4; 32],
		});
		k.proving_key = Some([3; 32]);
		let v = key_json(5, &k, Some(true), 20);
		assert_eq!(v["status"], "pending");
		assert_eq!(v["turn"], account(2).to_string());
		assert_eq!(v["turn_index"], 2);
		assert_eq!(v["deadline"], 50);
		assert_eq!(v["contributions"][0]["block"], 12);
		assert_eq!(v["contributions"][0]["proving_key_hash"], hex(&[3; 32]));
		assert_eq!(v["final_verifying_key_hash"], Value::Null);
		assert_eq!(v["insecure_srs"], true);
		assert!(progress_line(&k).contains("turn 2 of 2"));
		assert!(k.summary().contains("1 contribution so far"));
		k.status = KeyStatus::Final;
		k.turn = None;
		let v = key_json(5, &k, None, 60);
		assert_eq!(
			v["final_verifying_key_hash"],
			hex(&blake2_256(&k.verifying_key))
		);
		assert_eq!(v["final_proving_key_hash"], hex(&[3; 32]));
		assert_eq!(v["deadline"], Value::Null);
	}

	fn srs(phase: SrsPhase, insecure: bool) -> SrsInfo {
		SrsInfo {
			max_domain: 1 << 18,
			phase,
			insecure,
			head: vec![0; 8],
			transcript: [5; 32],
			srs_hash: Some([6; 32]),
			round: 1,
			order: vec![account(1), account(2)],
			turn: Some(account(2)),
			deadline: 99,
			accepted: 1,
			pending: None,
			beacon: None,
			bases: vec![],
		}
	}

	#[test]
	fn srs_json_marks_the_insecure_development_srs_and_the_final_hash() {
		let dev = srs(SrsPhase::Final, true);
		let v = srs_json(&dev, 3);
		assert_eq!(v["insecure"], true);
		assert!(v["warning"].as_str().unwrap().contains("INSECURE"));
		assert_eq!(v["final_srs_hash"], Value::Null);
		assert!(srs_summary(&dev).contains("INSECURE"));
		let sealed = srs(SrsPhase::Final, false);
		let v = srs_json(&sealed, 3);
		assert_eq!(v["warning"], Value::Null);
		assert_eq!(v["final_srs_hash"], hex(&[6; 32]));
		assert_eq!(sealed.final_srs(), Some(FinalSrs::Artifact([6; 32])));
		let on = srs(SrsPhase::Contributing, false);
		assert_eq!(on.final_srs(), None);
		assert_eq!(srs_json(&on, 3)["final_srs_hash"], Value::Null);
		assert!(srs_summary(&on).contains("turn until block #99"));
		let beacon = srs(SrsPhase::Beacon { at: 40 }, false);
		assert_eq!(srs_json(&beacon, 3)["beacon_block"], 40);
	}

	#[test]
	fn the_domain_is_the_smallest_the_srs_serves_that_fits() {
		// A 2^18 SRS serves only powers of two: 3·2^10 rows go to 2^12.
		assert_eq!(domain_for(3072, 1 << 18), Some(4096));
		assert_eq!(domain_for(4096, 1 << 18), Some(4096));
		assert_eq!(domain_for(1, 1 << 18), Some(16));
		assert_eq!(domain_for(3 << 16, 1 << 18), Some(1 << 18));
		assert_eq!(domain_for((1 << 18) + 1, 1 << 18), None);
		// A 3·2^k SRS serves both families.
		assert_eq!(domain_for(3072, 3 << 16), Some(3072));
		assert_eq!(domain_for(3073, 3 << 16), Some(4096));
	}

	/// The CLI's phase 2 on the development SRS, as the chain checks it: its
	/// initial key has the verifying key the runtime computes, passes the
	/// key check, and a contribution is a δ update the runtime accepts,
	/// after which only the new key passes against the chain's new key.
	#[test]
	fn a_contribution_from_the_initial_key_is_what_the_chain_accepts() {
		let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../models/mlp_digits8.qmodel");
		let model = QuantizedModel::from_bytes(&std::fs::read(path).unwrap()).unwrap();
		let max = 1 << 18;
		let n = domain_for(verity_zk::circuit_stats(&model).unwrap().domain_size, max).unwrap();
		let srs = dev_srs(max, n).unwrap();
		let pk = initial_key(&srs, None, Some(max), n, &model).unwrap();
		// What the runtime computes at registration (pallet-ceremony start_key).
		let head = zk::dev::head::<Bls12_381>();
		let table = zk::dev::table::<Bls12_381>(max, n).unwrap();
		let layout = verity_zk::circuit::layout(&model).unwrap();
		let mut vk =
			zk::initial_verifying_key(head.alpha_g1, head.beta_g2, &table, model.hash(), layout)
				.unwrap();
		assert_eq!(pk.verifying_key(), vk);
		check_key(&srs, &pk, &model, &vk.to_bytes()).unwrap();

		let (transcript, account) = ([7; 32], [8; 32]);
		let before = pk.delta();
		let c = contribute_to(pk, &transcript, &account).unwrap();
		let next = zk::DeltaUpdate::<Bls12_381>::from_bytes(&c.delta).unwrap();
		let proof = zk::KeyProof::<Bls12_381>::from_bytes(&c.proof).unwrap();
		let binding = zk::binding(&transcript, &account);
		zk::verify_delta_update(&before, &next, &proof, &binding).unwrap();
		// Bound to the transcript and the contributor.
		let other = zk::binding(&transcript, &[9; 32]);
		assert!(zk::verify_delta_update(&before, &next, &proof, &other).is_err());
		vk.delta_g2 = next.delta_g2;
		check_key(&srs, &c.key, &model, &vk.to_bytes()).unwrap();
		// The downloaded form of the new key is the same key.
		let downloaded = ProvingKey::from_bytes(&c.key.to_bytes()).unwrap();
		check_key(&srs, &downloaded, &model, &vk.to_bytes()).unwrap();
		let old = initial_key(&srs, None, Some(max), n, &model).unwrap();
		let e = check_key(&srs, &old, &model, &vk.to_bytes()).unwrap_err();
		assert!(e.message().contains("not the chain's"), "{e}");
	}
}
