//! `verity zk ...`: Groth16 proofs of quantized-model runs, at the file level
//! (no chain needed).
//!
//! `setup` is a **single-party** setup, for local testing only: whoever ran
//! it knows the key's secrets and can forge proofs under it. Keys on chain
//! come only from the setup ceremony (`verity model register`,
//! `verity ceremony`).
//!
//! ```text
//! verity zk setup QMODEL --out DIR
//! verity zk prove QMODEL --keys DIR --input IN.json [--request-id N] [--executor HEX32] --out PROOF.json
//! verity zk verify --keys DIR --proof PROOF.json
//! ```
//!
//! `verify` exits 0 for a valid proof, 1 for an invalid one and 2 when an input
//! cannot be read, printing a one-line reason.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use serde_json::{json, Value};
use verity_inference::io::parse_tensor_map;
use verity_inference::QuantizedModel;
use verity_zk::statement::field_to_bytes;
use verity_zk::unpacked::{self, KeySource};
use verity_zk::{Binding, Bls12_381, Proof, Statement, VerifyingKey};

use clap::{Args, Subcommand};

use super::registry::{PROVING_KEY_FILE, UNPACKED_KEY_FILE};
use super::{read_file as read, Outcome};
use crate::chain::hex;
use crate::error::{CliError, EXIT_REJECTED};

const PROOF_FORMAT: &str = "verity-zk-proof/1";
/// What `zk setup` says about the keys it makes.
const SINGLE_PARTY_WARNING: &str = "a single-party key is for local testing only: whoever ran \
	this setup knows its secrets and can forge proofs under it. Keys on chain come only from \
	the setup ceremony (`verity model register`, `verity ceremony`).";
const VERIFYING_KEY: &str = "verifying.key";

/// The `zk` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity zk setup model.qmodel --out keys/
  verity zk prove model.qmodel --keys keys/ --input input.json --out proof.json
  verity zk verify --keys keys/ --proof proof.json";

/// `verity zk` subcommands.
#[derive(Debug, Subcommand)]
pub enum ZkCommand {
	/// Single-party Groth16 setup (FOR LOCAL TESTING ONLY)
	#[command(
		long_about = "Single-party Groth16 setup, FOR LOCAL TESTING ONLY: writes \
		              DIR/proving.key and DIR/verifying.key. Whoever runs it knows the key's \
		              secrets and can forge proofs under it; keys on chain come only from the \
		              setup ceremony (`verity model register`, `verity ceremony`).",
		after_help = "Examples:\n  verity zk setup model.qmodel --out keys/"
	)]
	Setup(SetupArgs),
	/// Run a quantized model and prove the run
	#[command(
		long_about = "Runs the model and writes the output, public inputs and proof (hex) to \
		              PROOF.json, bound to the request id and executor given (0 and zeros by \
		              default).",
		after_help = "Examples:\n  verity zk prove model.qmodel --keys keys/ --input input.json --out proof.json\n  \
		              verity zk prove model.qmodel --keys keys/ --input input.json --request-id 7 \
		              --executor 0x<32 bytes> --out proof.json"
	)]
	Prove(ProveArgs),
	/// Verify a proof file
	#[command(
		long_about = "Exits 0 if the proof is valid, 1 if not, 2 if an input cannot be read; \
		              prints a one-line reason.",
		after_help = "Examples:\n  verity zk verify --keys keys/ --proof proof.json"
	)]
	Verify(VerifyArgs),
}

/// `verity zk setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
	/// The quantized model
	#[arg(value_name = "QMODEL")]
	pub model: String,
	/// Where to write proving.key and verifying.key
	#[arg(long, value_name = "DIR")]
	pub out: PathBuf,
}

/// `verity zk prove`.
#[derive(Debug, Args)]
pub struct ProveArgs {
	/// The quantized model
	#[arg(value_name = "QMODEL")]
	pub model: String,
	/// The directory with proving.key
	#[arg(long, value_name = "DIR")]
	pub keys: PathBuf,
	/// The inputs
	#[arg(long, value_name = "IN.json")]
	pub input: String,
	/// The request id the proof is bound to
	#[arg(long, value_name = "N", default_value_t = 0)]
	pub request_id: u64,
	/// The executor the proof is bound to (32 bytes of hex) [default: zeros]
	#[arg(long, value_name = "HEX32")]
	pub executor: Option<String>,
	/// Where to write the proof
	#[arg(long, value_name = "PROOF.json")]
	pub out: String,
}

/// `verity zk verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
	/// The directory with verifying.key
	#[arg(long, value_name = "DIR")]
	pub keys: PathBuf,
	/// The proof file
	#[arg(long, value_name = "PROOF.json")]
	pub proof: String,
}

/// Runs a `zk` subcommand; `verify` exits 1 on an invalid proof.
pub fn run(command: ZkCommand) -> Outcome {
	match command {
		ZkCommand::Setup(a) => setup(a),
		ZkCommand::Prove(a) => prove(a),
		ZkCommand::Verify(a) => verify(a),
	}
}

fn load_model(path: &str) -> Result<QuantizedModel, CliError> {
	QuantizedModel::from_bytes(&read(Path::new(path))?)
		.map_err(|e| CliError::input(format!("{path}: {e}")))
}

fn unhex(s: &str, what: &str) -> Result<Vec<u8>, CliError> {
	hex::decode(s.strip_prefix("0x").unwrap_or(s))
		.map_err(|_| CliError::input(format!("{what}: not a hex string")))
}

fn hex32(s: &str, what: &str) -> Result<[u8; 32], CliError> {
	unhex(s, what)?
		.try_into()
		.map_err(|_| CliError::input(format!("{what}: expected 32 bytes of hex")))
}

/// `verity zk setup`.
fn setup(args: SetupArgs) -> Outcome {
	let model_path = args.model.as_str();
	let out = args.out;
	let model = load_model(model_path)?;
	let start = Instant::now();
	let (pk, vk) = verity_zk::setup(&model, &mut verity_zk::rand::rngs::OsRng)
		.map_err(|e| CliError::input(format!("{model_path}: {e}")))?;
	let elapsed = start.elapsed();
	std::fs::create_dir_all(&out)
		.map_err(|e| CliError::input(format!("{}: {e}", out.display())))?;
	let pk_path = out.join(PROVING_KEY_FILE);
	let mut file = std::io::BufWriter::new(
		std::fs::File::create(&pk_path)
			.map_err(|e| CliError::input(format!("{}: {e}", pk_path.display())))?,
	);
	pk.write(&mut file)
		.map_err(|e| CliError::input(format!("{}: {e}", pk_path.display())))?;
	drop(file);
	let vk_path = out.join(VERIFYING_KEY);
	std::fs::write(&vk_path, vk.to_bytes())
		.map_err(|e| CliError::input(format!("{}: {e}", vk_path.display())))?;
	let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
	eprintln!("warning: {SINGLE_PARTY_WARNING}");
	println!(
		"setup (single-party, FOR LOCAL TESTING ONLY): {} constraints, {} variables in {:.2} s; \
		 {} ({} bytes), {} ({} bytes)",
		pk.num_constraints,
		pk.num_vars,
		elapsed.as_secs_f64(),
		pk_path.display(),
		size(&pk_path),
		vk_path.display(),
		size(&vk_path)
	);
	Ok(ExitCode::SUCCESS)
}

/// `verity zk prove`.
fn prove(args: ProveArgs) -> Outcome {
	let model_path = args.model.as_str();
	let keys = args.keys;
	let input_path = args.input.as_str();
	let out = args.out.as_str();
	let request_id = args.request_id;
	let executor = match &args.executor {
		None => [0u8; 32],
		Some(v) => hex32(v, "--executor")?,
	};
	let model = load_model(model_path)?;
	let pk_path = keys.join(PROVING_KEY_FILE);
	let key_file = read(&pk_path)?;
	let source = verity_inference::hash::blake2_256(&key_file);
	let unpacked_path = keys.join(UNPACKED_KEY_FILE);
	let (pk, from) = unpacked::load(&unpacked_path, &source, &model, || Ok(key_file))
		.map_err(|e| CliError::input(format!("{}: {e}", pk_path.display())))?;
	match from {
		KeySource::Unpacked => {}
		KeySource::KeyFile => eprintln!(
			"unpacked {} into {} (later proofs load it in milliseconds)",
			pk_path.display(),
			unpacked_path.display()
		),
		KeySource::KeyFileNotCached(why) => eprintln!(
			"warning: could not write {} ({why}); every proof decodes the key again",
			unpacked_path.display()
		),
	}
	let inputs = parse_tensor_map(&read(Path::new(input_path))?)
		.map_err(|e| CliError::input(format!("{input_path}: {e}")))?;
	let qx = model
		.quantize_input_map(inputs)
		.map_err(|e| CliError::input(format!("{input_path}: {e}")))?;
	let binding = Binding {
		request_id,
		executor,
	};
	let start = Instant::now();
	let (outputs, proof) =
		verity_zk::prove(&pk, &model, &qx, &binding).map_err(|e| CliError::input(e.to_string()))?;
	let elapsed = start.elapsed();
	let statement = verity_zk::statement(&model, &qx, &outputs, &binding);
	let public_inputs = pk
		.layout
		.public_inputs(&statement)
		.map_err(|e| CliError::input(e.to_string()))?;
	let named: serde_json::Map<String, Value> = model
		.outputs
		.iter()
		.zip(&outputs)
		.map(|(o, t)| (o.name.clone(), json!({"shape": t.shape, "data": t.data})))
		.collect();
	let doc = json!({
		"format": PROOF_FORMAT,
		"model_id": hex(&statement.model_id),
		"request_id": request_id,
		"executor": hex(&executor),
		"input": statement.input,
		"output": statement.output,
		"outputs": named,
		"public_inputs": public_inputs.iter().map(|x| hex(&field_to_bytes(x))).collect::<Vec<_>>(),
		"proof": hex(&proof.to_bytes()),
	});
	std::fs::write(out, serde_json::to_vec_pretty(&doc).unwrap_or_default())
		.map_err(|e| CliError::input(format!("{out}: {e}")))?;
	println!(
		"proved in {:.3} s ({} constraints); wrote {out}",
		elapsed.as_secs_f64(),
		pk.num_constraints
	);
	Ok(ExitCode::SUCCESS)
}

/// The statement and proof bytes of a proof file.
fn parse_proof_file(bytes: &[u8]) -> Result<(Statement, Vec<u8>), String> {
	let doc: Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON: {e}"))?;
	if doc.get("format").and_then(Value::as_str) != Some(PROOF_FORMAT) {
		return Err(format!("not a {PROOF_FORMAT} file"));
	}
	let text = |k: &str| {
		doc.get(k)
			.and_then(Value::as_str)
			.ok_or_else(|| format!("missing string field '{k}'"))
	};
	let ints = |k: &str| -> Result<Vec<i64>, String> {
		doc.get(k)
			.and_then(Value::as_array)
			.ok_or_else(|| format!("missing array field '{k}'"))?
			.iter()
			.map(|v| {
				v.as_i64()
					.ok_or_else(|| format!("'{k}' holds a non-integer"))
			})
			.collect()
	};
	let h32 =
		|k: &str| -> Result<[u8; 32], String> { hex32(text(k)?, k).map_err(|e| e.to_string()) };
	let statement = Statement {
		model_id: h32("model_id")?,
		request_id: doc
			.get("request_id")
			.and_then(Value::as_u64)
			.ok_or("missing integer field 'request_id'")?,
		executor: h32("executor")?,
		input: ints("input")?,
		output: ints("output")?,
	};
	let proof = unhex(text("proof")?, "proof").map_err(|e| e.to_string())?;
	Ok((statement, proof))
}

/// `verity zk verify`: exit 0 for a valid proof, 1 for an invalid one.
fn verify(args: VerifyArgs) -> Outcome {
	let keys = args.keys;
	let proof_path = args.proof.as_str();
	let vk_path = keys.join(VERIFYING_KEY);
	let vk = VerifyingKey::<Bls12_381>::from_bytes(&read(&vk_path)?)
		.map_err(|e| CliError::input(format!("{}: {e}", vk_path.display())))?;
	let (statement, proof_bytes) = parse_proof_file(&read(Path::new(proof_path))?)
		.map_err(|e| CliError::input(format!("{proof_path}: {e}")))?;
	let outcome = Proof::<Bls12_381>::from_bytes(&proof_bytes)
		.and_then(|proof| verity_zk::verify(&vk, &statement, &proof));
	match outcome {
		Ok(()) => {
			println!(
				"valid: model {}, request {}, executor {}",
				hex(&statement.model_id),
				statement.request_id,
				hex(&statement.executor)
			);
			Ok(ExitCode::SUCCESS)
		}
		Err(e) => {
			println!("invalid: {e}");
			Ok(ExitCode::from(EXIT_REJECTED))
		}
	}
}
