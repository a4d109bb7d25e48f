//! `verity`: the Verity command-line tool.
//!
//! ```text
//! verity model run MODEL --input IN.json [--trace]
//! verity model quantize MODEL.onnx --calibration CAL.json --out QMODEL [--act-bits N] [--weight-bits N]
//! verity model hash MODEL
//! verity zk setup|prove|verify ...   (see zk.rs; single-party keys, local testing only)
//! verity model register|list|show|deprecate|remove, executor register|prove|decline, infer, challenge, result,
//! verity account, artifacts upload    (talk to a node; see onchain.rs, chain.rs)
//! verity ceremony status|contribute|retry   (the chain's setup ceremony; see ceremony.rs)
//! ```
//!
//! Errors go to stderr as `error: ...`; bad arguments, unreadable or invalid
//! files, models that cannot be loaded, unreachable nodes and calls the chain
//! rejects exit with code 2.

mod args;
mod ceremony;
mod chain;
mod load;
mod model;
mod onchain;
mod progress;
mod zk;

use std::process::ExitCode;

const USAGE: &str = "\
usage:
  verity model run MODEL --input IN.json [--trace]
      MODEL is an .onnx file (float) or a quantized model file (fixed point).
      Prints {\"outputs\": {\"<name>\": {\"shape\": [...], \"data\": [...]}}} as JSON;
      quantized models add the integer outputs (and, with --trace, every tensor).
  verity model quantize MODEL.onnx --calibration CAL.json --out QMODEL [--act-bits N] [--weight-bits N]
      Calibrates on CAL.json (inputs with a leading sample dimension) and writes
      the quantized model.
  verity model hash MODEL
      Prints the blake2-256 model hashes the chain stores.
  verity zk setup QMODEL --out DIR
      Single-party Groth16 setup, FOR LOCAL TESTING ONLY: writes DIR/proving.key
      and DIR/verifying.key. Whoever runs it knows the key's secrets and can
      forge proofs under it; keys on chain come only from the setup ceremony
      (`verity model register`, `verity ceremony`).
  verity zk prove QMODEL --keys DIR --input IN.json [--request-id N] [--executor HEX32] --out PROOF.json
      Runs the model and writes the output, public inputs and proof (hex).
  verity zk verify --keys DIR --proof PROOF.json
      Exits 0 if the proof is valid, 1 if not, 2 if an input cannot be read.

chain commands (options: --url URL, default $VERITY_URL or ws://127.0.0.1:9944;
--suri SECRET for the signing ones, default $VERITY_SURI: //Alice, a mnemonic, ...;
--json: no progress bars, which are shown only when stdout and stderr are terminals):
  verity model register MODEL.onnx --name N --version V --calibration CAL.json [--out DIR]
               [--act-bits N] [--weight-bits N] [--contribute] [--no-wait | --timeout SECS]
               [--no-upload]
      Quantizes (--act-bits, --weight-bits: as `model quantize`), computes the circuit's QAP domain size, uploads model.onnx and
      model.qmodel to the node (unsafe RPC: run it with --rpc-methods unsafe)
      and registers the model with zk support, which starts its key ceremony
      on chain (no keys are made here); then shows the ceremony's progress
      until the key is final (exit 0; prints the model id, the final proving
      and verifying key hashes and the contributors) or failed (exit 1).
      --contribute: the owner takes the first turn and this command
      contributes (as `verity ceremony contribute` does). --no-wait: returns
      after registering (prints the model id and the ceremony's status).
      --out DIR: also writes model.onnx, model.qmodel and model.json there.
      --no-upload: uploads nothing (the files go to DIR, default
      ./verity-artifacts/<quantized hash>; some node must get model.qmodel
      before the validators can contribute).
  verity ceremony status [MODEL_ID]
      Phase 1 (the universal SRS: size, phase, INSECURE for the development
      SRS, round, participants, whose turn until when, accepted contributions,
      the contribution being checked, the final SRS hash) or, with MODEL_ID,
      that model's key ceremony (status, domain, round, turn order, whose turn
      until when, every contribution, the final verifying key's hash).
  verity ceremony contribute MODEL_ID
      Contributes to the model's key when it is the signer's turn: checks the
      current proving key against the SRS and the chain's verifying key,
      multiplies it by a fresh secret, uploads the new key to the node and
      submits it. Refuses when it is not the signer's turn.
  verity ceremony retry MODEL_ID
      Starts another round of a failed key ceremony.
  verity artifacts upload FILE...
      Uploads files to the node's artifact store (chunked when large), skipping
      the ones it has; prints their hashes.
  verity model list [--name N]
  verity model show ID
      The registry as JSON: hashes, I/O formats, modes, the key ceremony's
      status and, once it is final, the proving and verifying key hashes.
  verity executor register
      Bonds the executor deposit and joins the executor set.
  verity executor decline REQUEST_ID
      Passes a request assigned to this executor on to another (drawn in the
      next block), without the slash a lapsed window costs.
  verity executor prove REQUEST_ID [--artifacts DIR] [--tamper-output] [--skip-assignment-check]
      Runs the request's model in fixed point, proves it for this executor with
      the ceremony's final proving key and submits the result (the quantized
      model and the key from DIR/model.qmodel and DIR/proving.key if there,
      else downloaded from the node; checked against the chain's hashes). Exits 0 if accepted, 1 if the chain rejected the
      proof (and slashed the executor). --tamper-output is a test tool: it
      changes one output integer after proving; --skip-assignment-check (also a
      test tool) submits for a request assigned to another executor, which the
      transaction pool refuses. An optimistic request's result goes without a
      proof and is provisional (status provisional).
  verity challenge REQUEST_ID [--artifacts DIR] [--tamper-output]
      Proves the right output of a provisional (optimistic) result for this
      executor and, if it differs from the submitted one, challenges it: exit 0
      if the result was overturned (the submitter slashed, a share of it and the
      fee paid to the challenger), 1 if the chain rejected the challenge's proof
      (the challenger was charged), 2 if nothing was submitted (the output is
      right). --tamper-output changes one output integer after proving.
  verity infer MODEL_ID --input IN.json [--mode zk|vanilla|optimistic] [--max-fee F] [--deadline BLOCKS]
               [--wait [--timeout SECS]]
      Requests an inference (input quantized with the model's on-chain format;
      fee in plancks or like 0.5VRT, default the minimum; deadline in blocks
      from now, default 100). Prints the request id; with --wait, waits for the
      result and prints the output, its block and the proof status.
  verity infer MODEL_ID --input IN.json --now
      Runs a sync-enabled model inside a transaction (the node's inference
      precompile) and prints the output the runtime computed, from the same
      block.
  verity model deprecate ID
  verity model remove ID
      As the family's owner: a deprecated version takes no new requests; once
      no request, provisional result or sync enablement uses it, `remove`
      deletes it (and its key ceremony) and releases its deposit (the family's
      too with its last version).
  verity model sync ID [--artifacts DIR] [--disable [--remove-bytes]]
  verity model sync-bound WORK
      As the sudo key: enable (or disable) a model for `infer --now` (prints
      its work units), or set the most work such a model may do. Enabling
      first stores the quantized model in chain state if it is not there
      (DIR/model.qmodel, else downloaded from the node; a deposit is held from
      the signer): the precompile runs those bytes, on every node alike.
      --remove-bytes (with --disable) removes them and releases the deposit.
  verity result REQUEST_ID
      The stored result as JSON (status verified/unverified; optimistic ones
      provisional, then final or overturned), or status pending.
  verity account [ADDRESS]
      Balances (free, reserved) and executor bond of ADDRESS or of --suri's account.
  verity bench load MODEL_ID --input IN.json [--rate R] [--duration SECS]
                    [--accounts //Eve,//Ferdie] [--mode zk|vanilla|optimistic] [--drain SECS] [--json]
      Load generator: R requests per second (default 1) for SECS (default 60),
      each account with its own nonces; prints latency percentiles (request ->
      block with its result), results per block and failures.
";

/// A user-facing failure; every one exits with code 2.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
	fn from(e: E) -> Self {
		CliError(e.to_string())
	}
}

fn main() -> ExitCode {
	let argv: Vec<String> = std::env::args().skip(1).collect();
	let result = match argv.first().map(String::as_str) {
		Some("model") => match model::main(&argv[1..]) {
			Ok(code) => return code,
			Err(e) => Err(e),
		},
		Some("ceremony") => ceremony::main(&argv[1..]),
		Some("zk") => return zk::main(&argv[1..]),
		Some("artifacts") => onchain::artifacts_main(&argv[1..]),
		Some("executor") => match onchain::executor_main(&argv[1..]) {
			Ok(code) => return code,
			Err(e) => Err(e),
		},
		Some("infer") => args::Args::parse(
			&argv[1..],
			&[
				"input", "mode", "max-fee", "deadline", "timeout", "url", "suri",
			],
			&["wait", "now", "json"],
		)
		.and_then(|a| onchain::infer(&a)),
		Some("challenge") => match args::Args::parse(
			&argv[1..],
			&["url", "suri", "artifacts"],
			&["tamper-output", "json"],
		)
		.and_then(|a| onchain::challenge(&a))
		{
			Ok(code) => return code,
			Err(e) => Err(e),
		},
		Some("result") => {
			args::Args::parse(&argv[1..], &["url"], &["json"]).and_then(|a| onchain::result(&a))
		}
		Some("account") => args::Args::parse(&argv[1..], &["url", "suri"], &["json"])
			.and_then(|a| onchain::account(&a)),
		Some("bench") => load::main(&argv[1..]),
		Some("help") | Some("--help") | Some("-h") => {
			print!("{USAGE}");
			Ok(())
		}
		Some(other) => Err(CliError(format!("unknown command '{other}'\n{USAGE}"))),
		None => Err(CliError(USAGE.to_string())),
	};
	match result {
		Ok(()) => ExitCode::SUCCESS,
		Err(CliError(message)) => {
			eprintln!("error: {}", message.trim_end());
			ExitCode::from(2)
		}
	}
}
