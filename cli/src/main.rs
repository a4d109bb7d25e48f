//! `verity`: the Verity command-line tool.
//!
//! The command tree is in [`cmd`] (clap; `verity --help` and `verity
//! <command> --help` document every command with examples), one module per
//! command group; [`chain`] is the chain plumbing they share, [`config`] the
//! settings (flags > environment > config file > defaults), [`output`] the
//! JSON and table printing.
//!
//! Errors go to stderr as `error: ...`. Exit codes:
//!
//! - 0: success;
//! - 1: the chain or the verifier rejected it: a proof or a challenge
//!   rejected, an extrinsic that failed with a dispatch error
//!   ([`error::CliError::Rejected`]), `zk verify` on an invalid proof, a key
//!   ceremony that failed;
//! - 2: usage, input or connection errors ([`error::CliError::Input`];
//!   clap's own usage errors exit 2 too), and `challenge` when the
//!   provisional output is right so nothing was submitted.

mod chain;
mod cmd;
mod config;
mod error;
mod output;
mod progress;
mod views;

use std::process::ExitCode;

fn main() -> ExitCode {
	// Before anything else: this build may use BMI2/ADX anywhere.
	if let Err(message) = verity_zk::cpu::check() {
		eprintln!("error: {message}");
		return ExitCode::from(2);
	}
	match cmd::run() {
		Ok(code) => code,
		Err(e) => {
			eprintln!("error: {}", e.message().trim_end());
			e.exit_code()
		}
	}
}
