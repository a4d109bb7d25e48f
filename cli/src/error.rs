//! Why a command failed, and the exit code that says so.
//!
//! Scripts tell a rejection by the chain (or by the verifier) apart from a
//! mistake on the caller's side by the exit code alone, so the distinction is
//! made by type where the failure happens ([`ChainError::Dispatch`]), never
//! by matching message text.

use std::fmt;
use std::process::ExitCode;

use crate::chain::ChainError;

/// Exit code when the chain or the verifier rejected what was submitted.
pub const EXIT_REJECTED: u8 = 1;
/// Exit code for usage, input and connection errors (clap's usage errors too).
pub const EXIT_USAGE: u8 = 2;

/// A user-facing failure, printed to stderr as `error: ...`.
#[derive(Debug)]
pub enum CliError {
	/// The chain or the verifier refused the submission: the extrinsic was
	/// included but failed with a dispatch error. Exit code 1.
	Rejected(String),
	/// Bad arguments, unreadable or invalid files, models that cannot be
	/// loaded, unreachable nodes, transactions the pool refused, timeouts.
	/// Exit code 2.
	Input(String),
}

impl CliError {
	/// An [`CliError::Input`] error with `message`.
	pub fn input(message: impl Into<String>) -> Self {
		CliError::Input(message.into())
	}

	/// The process exit code for this failure.
	pub fn exit_code(&self) -> ExitCode {
		ExitCode::from(match self {
			CliError::Rejected(_) => EXIT_REJECTED,
			CliError::Input(_) => EXIT_USAGE,
		})
	}

	/// The message, without the classification.
	pub fn message(&self) -> &str {
		match self {
			CliError::Rejected(m) | CliError::Input(m) => m,
		}
	}

	/// The same classification with `prefix: ` before the message.
	pub fn context(self, prefix: impl fmt::Display) -> Self {
		match self {
			CliError::Rejected(m) => CliError::Rejected(format!("{prefix}: {m}")),
			CliError::Input(m) => CliError::Input(format!("{prefix}: {m}")),
		}
	}
}

impl fmt::Display for CliError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.message())
	}
}

impl From<ChainError> for CliError {
	fn from(e: ChainError) -> Self {
		match e {
			ChainError::Dispatch { .. } => CliError::Rejected(e.to_string()),
			_ => CliError::Input(e.to_string()),
		}
	}
}

impl From<std::io::Error> for CliError {
	fn from(e: std::io::Error) -> Self {
		CliError::Input(e.to_string())
	}
}

impl From<String> for CliError {
	fn from(message: String) -> Self {
		CliError::Input(message)
	}
}

impl From<verity_inference::Error> for CliError {
	fn from(e: verity_inference::Error) -> Self {
		CliError::Input(e.to_string())
	}
}

impl From<verity_zk::Error> for CliError {
	fn from(e: verity_zk::Error) -> Self {
		CliError::Input(e.to_string())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn dispatch_errors_are_rejections_and_the_rest_usage_errors() {
		let dispatch = ChainError::Dispatch {
			pallet: "Inference".into(),
			error: "NotAssigned".into(),
			docs: String::new(),
		};
		let rejected = CliError::from(dispatch);
		assert!(matches!(rejected, CliError::Rejected(_)));
		assert_eq!(rejected.exit_code(), ExitCode::from(EXIT_REJECTED));
		assert_eq!(
			rejected.message(),
			"the chain rejected the call: Inference::NotAssigned"
		);

		for e in [
			ChainError::Connect {
				url: "ws://x".into(),
				reason: "refused".into(),
			},
			ChainError::Transaction("Invalid transaction".into()),
			ChainError::NotFound("unknown model id 9".into()),
			ChainError::Input("--suri: bad".into()),
			ChainError::Timeout("slow".into()),
			ChainError::Rpc("oops".into()),
		] {
			let e = CliError::from(e);
			assert!(matches!(e, CliError::Input(_)), "{e}");
			assert_eq!(e.exit_code(), ExitCode::from(EXIT_USAGE));
		}
	}

	#[test]
	fn context_keeps_the_classification() {
		let e = CliError::Rejected("no".into()).context("model 3");
		assert!(matches!(&e, CliError::Rejected(m) if m == "model 3: no"));
	}
}
