//! `verity bench load`: drives a steady stream of inference requests against
//! a running network and reports how long they take to be verified.
//!
//! Senders (one per `--accounts` entry, each with its own nonce sequence, so
//! many requests are in flight at once) submit `Inference::request` at
//! `--rate` requests per second for `--duration` seconds; each submission
//! counts as done when its block is imported (best chain). A watcher reads the
//! `Inference` events of every new best block, so a request's latency is the
//! time from the start of its submission to the import of the block holding
//! its `InferenceVerified` (or `ResultStored`) event. After the sending
//! window it waits up to `--drain` seconds for the rest, then prints latency
//! percentiles, results per block and every failure.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use clap::{Args, Subcommand};

use super::request::quantize_request_input;
use super::{block_on, read_file, Ctx};
use crate::chain::{self, Chain, ChainError, Mode};
use crate::error::CliError;
use crate::output::print_line;

/// Blocks a request stays open by default (as `verity infer`).
const DEADLINE_BLOCKS: u64 = 100;
/// How often the watcher polls for new best blocks.
const WATCH_INTERVAL: Duration = Duration::from_millis(250);

/// What the senders and the watcher record.
#[derive(Default)]
struct Record {
	/// Request id → when its submission started and when its block arrived.
	submitted: HashMap<u64, (Instant, Instant)>,
	/// Submissions that failed, with the error.
	failed_to_submit: Vec<String>,
	/// Request id → when the block with its result was seen, and whether the
	/// result is verified (`InferenceVerified`) or not (`ResultStored`).
	finished: HashMap<u64, (Instant, bool)>,
	/// Request id → number of `ProofRejected` events.
	rejected: HashMap<u64, u32>,
	/// Requests refunded at their deadline.
	expired: Vec<u64>,
	/// Block number → results (verified or stored) in it.
	results_per_block: BTreeMap<u64, u32>,
}

/// The command's options.
struct Options {
	model_id: u64,
	input: Vec<i32>,
	mode: Mode,
	rate: f64,
	duration: Duration,
	drain: Duration,
	accounts: Vec<String>,
}

/// `verity bench load MODEL_ID --input IN.json ...`.
/// The `bench` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity bench load 0 --input input.json --rate 2 --duration 30
  verity bench load 0 --input input.json --accounts //Eve,//Ferdie --mode vanilla --json";

/// `verity bench` subcommands.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
	/// Load generator: a steady stream of requests, with latency percentiles
	#[command(
		long_about = "Load generator: R requests per second (default 1) for SECS (default 60), \
		              each account with its own nonces; prints latency percentiles (request -> \
		              block with its result), results per block and failures (a text report, \
		              or JSON with --json).",
		after_help = "Examples:\n  verity bench load 0 --input input.json --rate 2 --duration 30\n  \
		              verity bench load 0 --input input.json --accounts //Eve,//Ferdie --mode vanilla --drain 60 --json"
	)]
	Load(LoadArgs),
}

/// `verity bench load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
	/// The model version to request
	#[arg(value_name = "MODEL_ID")]
	pub model_id: u64,
	/// The input, as `infer` takes it
	#[arg(long, value_name = "IN.json")]
	pub input: String,
	/// Requests per second
	#[arg(long, value_name = "R", default_value_t = 1.0)]
	pub rate: f64,
	/// How long to send, in seconds
	#[arg(long, value_name = "SECS", default_value_t = 60.0)]
	pub duration: f64,
	/// How long to wait for the last results, in seconds
	#[arg(long, value_name = "SECS", default_value_t = 120.0)]
	pub drain: f64,
	/// The sending accounts' secret URIs, comma-separated
	#[arg(long, value_name = "SURIS", default_value = "//Eve,//Ferdie")]
	pub accounts: String,
	/// How the results are checked
	#[arg(long, value_parser = ["zk", "vanilla", "optimistic"], default_value = "zk")]
	pub mode: String,
}

/// Runs a `bench` subcommand.
pub fn run(ctx: &Ctx, command: BenchCommand) -> Result<(), CliError> {
	match command {
		BenchCommand::Load(a) => load(ctx, a),
	}
}

/// `verity bench load`.
fn load(ctx: &Ctx, args: LoadArgs) -> Result<(), CliError> {
	let model_id = args.model_id;
	let positive = |name: &str, v: f64| -> Result<f64, CliError> {
		if v.is_finite() && v > 0.0 {
			Ok(v)
		} else {
			Err(CliError::input(format!("--{name} must be positive")))
		}
	};
	let rate = positive("rate", args.rate)?;
	let duration = Duration::from_secs_f64(positive("duration", args.duration)?);
	let drain = Duration::from_secs_f64(positive("drain", args.drain)?);
	let mode: Mode = args.mode.parse()?;
	let accounts: Vec<String> = args.accounts.split(',').map(str::to_string).collect();
	let input_path = args.input.as_str();
	let bytes = read_file(input_path)?;
	let url = ctx.url().to_string();
	let json_out = ctx.json;

	block_on(async move {
		let chain = Arc::new(Chain::connect(&url).await?);
		let model = chain.require_model(model_id).await?;
		if let Some(why) = model.refusal(mode) {
			return Err(CliError::input(why));
		}
		let input = quantize_request_input(input_path, &bytes, &model)?;
		let options = Options {
			model_id,
			input,
			mode,
			rate,
			duration,
			drain,
			accounts,
		};
		let report = drive(chain, &options).await?;
		if json_out {
			print_line(&format!("{report:#}"));
		} else {
			print_table(&options, &report);
		}
		Ok(())
	})
}

/// Sends, watches, drains; returns the report as JSON.
async fn drive(chain: Arc<Chain>, o: &Options) -> Result<Value, CliError> {
	let record = Arc::new(Mutex::new(Record::default()));
	let max_fee = chain.min_request_fee(DEADLINE_BLOCKS).await?;
	let first_block = chain.best_number().await? + 1;

	// The watcher: events of every new best block.
	let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
	let watcher = {
		let (chain, record, stop) = (chain.clone(), record.clone(), stop.clone());
		tokio::spawn(async move {
			let mut next = first_block;
			while !stop.load(std::sync::atomic::Ordering::Relaxed) {
				let best = chain.best_number().await?;
				while next <= best {
					let events = chain.inference_events(next).await?;
					let seen = Instant::now();
					let mut r = record.lock().unwrap_or_else(|e| e.into_inner());
					for (name, id) in events {
						match name.as_str() {
							"InferenceVerified" | "ResultStored" => {
								r.finished.insert(id, (seen, name == "InferenceVerified"));
								*r.results_per_block.entry(next).or_default() += 1;
							}
							"ProofRejected" => *r.rejected.entry(id).or_default() += 1,
							"RequestExpired" => r.expired.push(id),
							_ => {}
						}
					}
					next += 1;
				}
				tokio::time::sleep(WATCH_INTERVAL).await;
			}
			Ok::<u64, ChainError>(next - 1)
		})
	};

	// The senders: one per account, `rate / accounts` requests per second each.
	let start = Instant::now();
	let per_account = Duration::from_secs_f64(o.accounts.len() as f64 / o.rate);
	let mut senders = Vec::new();
	for (i, suri) in o.accounts.iter().enumerate() {
		let signer = chain::keypair(suri)?;
		let mut nonce = chain.next_nonce(&chain::account_of(&signer)).await?;
		let (chain, record) = (chain.clone(), record.clone());
		let (model_id, input, mode, duration, drain) =
			(o.model_id, o.input.clone(), o.mode, o.duration, o.drain);
		// Staggered so the accounts' requests interleave evenly.
		let offset = per_account.mul_f64(i as f64 / o.accounts.len() as f64);
		senders.push(tokio::spawn(async move {
			let mut in_flight = Vec::new();
			let mut ticks = tokio::time::interval_at((start + offset).into(), per_account);
			ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
			loop {
				ticks.tick().await;
				if start.elapsed() >= duration {
					break;
				}
				let deadline = chain.best_number().await.unwrap_or(0) + DEADLINE_BLOCKS;
				let (chain, record, signer, input) =
					(chain.clone(), record.clone(), signer.clone(), input.clone());
				in_flight.push(tokio::spawn(async move {
					let sent = Instant::now();
					let deadline = u32::try_from(deadline).unwrap_or(u32::MAX);
					// A transaction stuck in the pool (say, behind a nonce that
					// failed) must not hold the run up forever.
					let submitted = tokio::time::timeout(
						drain,
						chain.request_in_best_block(
							&signer, nonce, model_id, input, mode, max_fee, deadline,
						),
					)
					.await
					.unwrap_or_else(|_| {
						Err(ChainError::Timeout(format!(
							"not in a block after {} s",
							drain.as_secs()
						)))
					});
					match submitted {
						Ok(id) => {
							record
								.lock()
								.unwrap_or_else(|e| e.into_inner())
								.submitted
								.insert(id, (sent, Instant::now()));
						}
						Err(e) => record
							.lock()
							.unwrap_or_else(|e| e.into_inner())
							.failed_to_submit
							.push(e.to_string()),
					}
				}));
				nonce += 1;
			}
			for task in in_flight {
				let _ = task.await;
			}
		}));
	}
	for sender in senders {
		sender
			.await
			.map_err(|e| CliError::input(format!("a sender task failed: {e}")))?;
	}
	let sending = start.elapsed();

	// Drain: wait for the results of everything that made it into a block.
	let drain_until = Instant::now() + o.drain;
	loop {
		let open = {
			let r = record.lock().unwrap_or_else(|e| e.into_inner());
			r.submitted
				.keys()
				.filter(|id| !r.finished.contains_key(id) && !r.expired.contains(id))
				.count()
		};
		if open == 0 || Instant::now() >= drain_until || watcher.is_finished() {
			break;
		}
		tokio::time::sleep(WATCH_INTERVAL).await;
	}
	stop.store(true, std::sync::atomic::Ordering::Relaxed);
	let last_block = watcher
		.await
		.map_err(|e| CliError::input(format!("the block watcher failed: {e}")))??;

	let r = record.lock().unwrap_or_else(|e| e.into_inner());
	let mut latencies = Vec::new();
	let mut inclusion = Vec::new();
	let (mut verified, mut unverified) = (0u64, 0u64);
	for (id, (sent, included)) in &r.submitted {
		inclusion.push(included.duration_since(*sent).as_secs_f64());
		if let Some((done, is_verified)) = r.finished.get(id) {
			latencies.push(done.duration_since(*sent).as_secs_f64());
			if *is_verified {
				verified += 1;
			} else {
				unverified += 1;
			}
		}
	}
	let unfinished = r.submitted.len() as u64 - verified - unverified;
	let blocks = last_block.saturating_sub(first_block) + 1;
	let results: u32 = r.results_per_block.values().sum();
	let mut failures: BTreeMap<&str, u32> = BTreeMap::new();
	for e in &r.failed_to_submit {
		*failures.entry(e.as_str()).or_default() += 1;
	}
	Ok(json!({
		"model_id": o.model_id,
		"mode": o.mode.name(),
		"rate": o.rate,
		"accounts": o.accounts.len(),
		"sending_seconds": sending.as_secs_f64(),
		"sent": r.submitted.len() + r.failed_to_submit.len(),
		"in_block": r.submitted.len(),
		"verified": verified,
		"unverified": unverified,
		"unfinished": unfinished,
		"failed_to_submit": r.failed_to_submit.len(),
		"submit_errors": failures,
		"proofs_rejected": r.rejected.values().sum::<u32>(),
		"expired": r.expired.len(),
		"latency_seconds": percentiles(&mut latencies),
		"inclusion_seconds": percentiles(&mut inclusion),
		"blocks": { "first": first_block, "last": last_block, "count": blocks },
		"results_per_block": {
			"mean": results as f64 / blocks as f64,
			"max": r.results_per_block.values().max().copied().unwrap_or(0),
		},
		"results_per_second": results as f64 / start.elapsed().as_secs_f64(),
	}))
}

/// p50/p90/p99/max (nearest rank) of `values`, or nulls if there are none.
fn percentiles(values: &mut [f64]) -> Value {
	if values.is_empty() {
		return json!({ "p50": null, "p90": null, "p99": null, "max": null, "count": 0 });
	}
	values.sort_by(f64::total_cmp);
	let rank = |p: f64| {
		let i = ((p / 100.0) * values.len() as f64).ceil() as usize;
		values[i.clamp(1, values.len()) - 1]
	};
	json!({
		"p50": rank(50.0),
		"p90": rank(90.0),
		"p99": rank(99.0),
		"max": values[values.len() - 1],
		"count": values.len(),
	})
}

/// The report as a table.
fn print_table(o: &Options, r: &Value) {
	let secs = |v: &Value| {
		v.as_f64()
			.map(|s| format!("{s:.2} s"))
			.unwrap_or_else(|| "-".into())
	};
	let dist = |d: &Value| {
		format!(
			"p50 {}  p90 {}  p99 {}  max {}  (n = {})",
			secs(&d["p50"]),
			secs(&d["p90"]),
			secs(&d["p99"]),
			secs(&d["max"]),
			d["count"]
		)
	};
	println!(
		"verity bench load: model {} ({}), {} req/s for {:.0} s from {} account(s)",
		o.model_id,
		o.mode.name(),
		o.rate,
		o.duration.as_secs_f64(),
		o.accounts.len()
	);
	for (label, key) in [
		("requests sent", "sent"),
		("in a block", "in_block"),
		("verified", "verified"),
		("stored unverified", "unverified"),
		("unfinished after drain", "unfinished"),
		("failed to submit", "failed_to_submit"),
		("proofs rejected", "proofs_rejected"),
		("expired", "expired"),
	] {
		println!("  {label:<26}{}", r[key]);
	}
	println!(
		"  {:<26}{}",
		"latency request→result",
		dist(&r["latency_seconds"])
	);
	println!(
		"  {:<26}{}",
		"latency request→in block",
		dist(&r["inclusion_seconds"])
	);
	println!(
		"  {:<26}mean {:.2}  max {}  over blocks #{}..#{}",
		"results per block",
		r["results_per_block"]["mean"].as_f64().unwrap_or(0.0),
		r["results_per_block"]["max"],
		r["blocks"]["first"],
		r["blocks"]["last"]
	);
	if let Some(errors) = r["submit_errors"].as_object() {
		for (e, n) in errors {
			println!("  submit error ({n}x): {e}");
		}
	}
}
