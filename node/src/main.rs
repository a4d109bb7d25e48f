//! `verity-node`: the Verity validator and full node.
//!
//! A Substrate node with Aura block production, GRANDPA finality, ParityDB
//! storage and the standard JSON-RPC API. Run `verity-node --help`.

#![warn(missing_docs)]

mod artifact_sync;
mod ceremony;
mod chain_spec;
mod cli;
mod command;
mod precompile;
mod rpc;
mod service;
mod tx;
mod worker;

fn main() -> sc_cli::Result<()> {
	// Before anything else: this build may use BMI2/ADX anywhere.
	if let Err(message) = verity_zk::cpu::check() {
		eprintln!("error: {message}");
		std::process::exit(2);
	}
	command::run()
}
