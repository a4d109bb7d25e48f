//! `verity sync clear-output`: housekeeping of synchronous inference
//! (`infer --now`, pallet-inference's precompile).

use clap::Subcommand;
use serde_json::json;

use super::{block_on, Ctx};
use crate::chain::{self, Chain};
use crate::error::CliError;
use crate::output::print_json;

/// The `sync` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity sync clear-output --suri-file alice.suri";

/// `verity sync` subcommands.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
	/// Remove your stored synchronous output and release its deposit
	#[command(
		long_about = "`infer --now` stores the signer's latest output in chain state, with a \
		              deposit. This removes it (Inference::clear_sync_output) and releases the \
		              deposit; the chain rejects it (exit 1) when there is none.",
		after_help = "Examples:\n  verity sync clear-output --suri-file alice.suri\n  \
		              verity sync clear-output --suri //Alice --url ws://127.0.0.1:9944"
	)]
	ClearOutput,
}

/// Runs a `sync` subcommand.
pub fn run(ctx: &Ctx, command: SyncCommand) -> Result<(), CliError> {
	match command {
		SyncCommand::ClearOutput => clear_output(ctx),
	}
}

/// `verity sync clear-output`.
fn clear_output(ctx: &Ctx) -> Result<(), CliError> {
	let key = ctx.signer()?;
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let included = chain.clear_sync_output(&key).await?;
		print_json(&json!({
			"who": chain::account_of(&key).to_string(),
			"status": "cleared",
			"block": included.block_number,
		}));
		Ok(())
	})
}
