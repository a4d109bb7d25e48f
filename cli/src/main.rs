//! `verity`: the Verity command-line tool.
//!
//! ```text
//! verity model run MODEL --input IN.json [--trace]
//! verity model quantize MODEL.onnx --calibration CAL.json --out QMODEL [--act-bits N] [--weight-bits N]
//! verity model hash MODEL
//! verity zk setup|prove|verify ...   (see zk.rs)
//! ```
//!
//! Errors go to stderr as `error: ...`; bad arguments, unreadable or invalid
//! files and models that cannot be loaded exit with code 2.

mod args;
mod model;
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
      Groth16 setup: writes DIR/proving.key and DIR/verifying.key.
  verity zk prove QMODEL --keys DIR --input IN.json [--request-id N] [--executor HEX32] --out PROOF.json
      Runs the model and writes the output, public inputs and proof (hex).
  verity zk verify --keys DIR --proof PROOF.json
      Exits 0 if the proof is valid, 1 if not, 2 if an input cannot be read.
";

/// A user-facing failure; every one exits with code 2.
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
	fn from(e: E) -> Self {
		CliError(e.to_string())
	}
}

fn main() -> ExitCode {
	let argv: Vec<String> = std::env::args().skip(1).collect();
	let result = match argv.first().map(String::as_str) {
		Some("model") => model::main(&argv[1..]),
		Some("zk") => return zk::main(&argv[1..]),
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
