//! `verity account`: balances and executor bond of an account.

use clap::Args;
use serde_json::json;

use super::{block_on, Ctx};
use crate::chain::{self, hex, Chain};
use crate::error::CliError;
use crate::output;
use crate::views::amount;

/// `account`'s description.
pub const ACCOUNT_ABOUT: &str =
	"Balances (free, reserved, frozen) and executor bond of ADDRESS, or of the \
	              signing key's account without one. A table on a terminal, JSON otherwise \
	              (--json).";

/// `account`'s examples.
pub const ACCOUNT_EXAMPLES: &str =
	"Examples:\n  verity account 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\n  \
	              verity account --suri-file alice.suri --json";

/// `verity account`.
#[derive(Debug, Args)]
pub struct AccountArgs {
	/// SS58 address or 0x account id [default: the signing key's]
	#[arg(value_name = "ADDRESS")]
	pub address: Option<String>,
}

/// `verity account`.
pub fn account(ctx: &Ctx, args: AccountArgs) -> Result<(), CliError> {
	let who = match &args.address {
		None => chain::account_of(&ctx.signer()?),
		Some(address) => chain::parse_account(address)?,
	};
	block_on(async {
		let chain = Chain::connect(ctx.url()).await?;
		let balances = chain.balances(&who).await?;
		let executor = chain.executor(&who).await?;
		let out = json!({
			"account": who.to_string(),
			"public_key": hex(&who.0),
			"free": amount(balances.free),
			"reserved": amount(balances.reserved),
			"frozen": amount(balances.frozen),
			"executor": executor.map(|e| json!({
				"bond": amount(e.bond),
				"assigned_pending": e.assigned_pending,
				"misses": e.misses,
				"active": e.active,
			})),
		});
		output::print(ctx.format(), &out, output::fields_table);
		Ok(())
	})
}
