//! The command tree (clap) and what every command shares: the global
//! options, the resolved settings ([`Ctx`]) and the async runtime.
//!
//! One module per command group; the chain plumbing they share (connecting,
//! signing, submitting, decoding errors) is [`crate::chain`].

pub mod account;
pub mod artifacts;
pub mod bench;
pub mod ceremony;
pub mod config;
pub mod executor;
pub mod model;
pub mod registry;
pub mod request;
pub mod sync;
pub mod zk;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use subxt_signer::sr25519::Keypair;

use crate::config::{Flags, Settings};
use crate::error::CliError;
use crate::output::Format;
use crate::progress::Progress;

/// What a command returns: its exit code, or the failure (which sets it).
pub type Outcome = Result<ExitCode, CliError>;

/// The outcome of a command that has no exit code of its own.
pub fn done(result: Result<(), CliError>) -> Outcome {
	result.map(|()| ExitCode::SUCCESS)
}

const ABOUT: &str = "Verity: verifiable AI inference on a Substrate chain";

const LONG_ABOUT: &str = "\
Verity: verifiable AI inference on a Substrate chain.

Runs, quantizes and proves ONNX models locally (`model run|quantize|hash`,
`zk`), and talks to a Verity node for everything else: the model registry,
executors, inference requests and results, the setup ceremony, artifacts.

Chain commands take --url (default $VERITY_URL, the config file's url, else
ws://127.0.0.1:9944); the ones that sign take the key from --suri, --suri-file,
$VERITY_SURI or the config file's suri_file, in that order (`verity config
init` writes the file; --suri is visible to other users in the process list).
Results are JSON on stdout, or tables on a terminal for list-like output
(--json forces JSON); progress goes to stderr.";

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  the chain or the verifier rejected it (a proof or challenge rejected, an
     extrinsic that failed with a dispatch error, `zk verify` on an invalid
     proof, a key ceremony that failed)
  2  usage, input or connection errors (also `challenge` when the provisional
     output is right and nothing was submitted)

Examples:
  verity model run model.onnx --input input.json
  verity config init --url ws://127.0.0.1:9944 --suri-file ~/.verity/alice.suri
  verity model register model.onnx --name mnist --version 1.0 --calibration cal.json
  verity infer 0 --input input.json --wait
  verity completions bash > /etc/bash_completion.d/verity";

/// The `verity` command line.
#[derive(Debug, Parser)]
#[command(
	name = "verity",
	version,
	about = ABOUT,
	long_about = LONG_ABOUT,
	after_help = AFTER_HELP,
	propagate_version = true,
	subcommand_required = true,
	arg_required_else_help = true
)]
pub struct Cli {
	/// Options every chain command takes.
	#[command(flatten)]
	pub global: GlobalArgs,
	/// The command.
	#[command(subcommand)]
	pub command: Command,
}

/// Options of the chain commands; accepted anywhere on the command line.
#[derive(Debug, Args)]
pub struct GlobalArgs {
	/// The node's WebSocket RPC endpoint [default: $VERITY_URL, the config
	/// file's url, else ws://127.0.0.1:9944]
	#[arg(
		long,
		global = true,
		value_name = "URL",
		help_heading = "Chain options"
	)]
	pub url: Option<String>,
	/// The signing key's secret URI (//Alice, a mnemonic, 0x<seed>); other
	/// users see it in the process list: prefer --suri-file or $VERITY_SURI
	#[arg(
		long,
		global = true,
		value_name = "SECRET",
		conflicts_with = "suri_file",
		help_heading = "Chain options"
	)]
	pub suri: Option<String>,
	/// A file holding the signing key's secret URI (trimmed)
	#[arg(
		long,
		global = true,
		value_name = "PATH",
		help_heading = "Chain options"
	)]
	pub suri_file: Option<PathBuf>,
	/// JSON output even on a terminal, and no progress bars
	#[arg(long, global = true)]
	pub json: bool,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
	/// Models: run, quantize and hash them locally; register and manage them on chain
	#[command(subcommand, after_help = model::EXAMPLES)]
	Model(model::ModelCommand),
	/// Executors: join the set, prove assigned requests, leave it
	#[command(subcommand, after_help = executor::EXAMPLES)]
	Executor(executor::ExecutorCommand),
	/// Request an inference (or run one in a transaction with --now)
	#[command(long_about = request::INFER_ABOUT, after_help = request::INFER_EXAMPLES)]
	Infer(request::InferArgs),
	/// Challenge a provisional (optimistic) result with a proof of the right output
	#[command(long_about = request::CHALLENGE_ABOUT, after_help = request::CHALLENGE_EXAMPLES)]
	Challenge(request::ChallengeArgs),
	/// Show a request's result, or its status while pending
	#[command(long_about = request::RESULT_ABOUT, after_help = request::RESULT_EXAMPLES)]
	Result(request::ResultArgs),
	/// Show an account's balances and executor bond
	#[command(long_about = account::ACCOUNT_ABOUT, after_help = account::ACCOUNT_EXAMPLES)]
	Account(account::AccountArgs),
	/// The node's artifact store (model files and keys)
	#[command(subcommand, after_help = artifacts::EXAMPLES)]
	Artifacts(artifacts::ArtifactsCommand),
	/// The chain's setup ceremony: the universal SRS and the models' keys
	#[command(subcommand, after_help = ceremony::EXAMPLES)]
	Ceremony(ceremony::CeremonyCommand),
	/// Groth16 proofs of quantized-model runs, locally (single-party keys, testing only)
	#[command(subcommand, after_help = zk::EXAMPLES)]
	Zk(zk::ZkCommand),
	/// Synchronous inference (`infer --now`) housekeeping
	#[command(subcommand, after_help = sync::EXAMPLES)]
	Sync(sync::SyncCommand),
	/// Benchmarks against a node
	#[command(subcommand, after_help = bench::EXAMPLES)]
	Bench(bench::BenchCommand),
	/// The config file: write it, or show the effective settings
	#[command(subcommand, after_help = config::EXAMPLES)]
	Config(config::ConfigCommand),
	/// Print a shell completion script to stdout
	#[command(
		long_about = "Prints a completion script for SHELL to stdout; install it where your \
		              shell loads completions.",
		after_help = "Examples:\n  verity completions bash > ~/.local/share/bash-completion/completions/verity\n  \
		              verity completions zsh > ~/.zfunc/_verity\n  \
		              verity completions fish > ~/.config/fish/completions/verity.fish"
	)]
	Completions {
		/// The shell
		shell: Shell,
	},
}

/// The shells `verity completions` writes scripts for.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Shell {
	/// Bash.
	Bash,
	/// Zsh.
	Zsh,
	/// Fish.
	Fish,
}

/// What every command gets: the effective settings and the output choices.
pub struct Ctx {
	/// The global flags as given (`config init` stores them).
	pub flags: Flags,
	/// Flags, environment and config file, resolved.
	pub settings: Settings,
	/// `--json`: JSON output and no progress bars.
	pub json: bool,
}

impl Ctx {
	/// The node's RPC endpoint.
	pub fn url(&self) -> &str {
		&self.settings.url.value
	}

	/// The signing key.
	pub fn signer(&self) -> Result<Keypair, CliError> {
		self.settings.signer()
	}

	/// The artifacts directory: the command's `--artifacts`, else the config
	/// file's.
	pub fn artifacts(&self, flag: Option<&Path>) -> Option<PathBuf> {
		self.settings.artifacts(flag)
	}

	/// Progress reporting (bars only on a terminal, none with `--json`).
	pub fn progress(&self) -> Progress {
		Progress::new(self.json)
	}

	/// JSON or tables.
	pub fn format(&self) -> Format {
		Format::detect(self.json)
	}
}

/// Parses the command line and runs the command.
pub fn run() -> Outcome {
	let cli = Cli::parse();
	let flags = Flags {
		url: cli.global.url,
		suri: cli.global.suri,
		suri_file: cli.global.suri_file,
	};
	let ctx = Ctx {
		settings: Settings::resolve(&flags)?,
		flags,
		json: cli.global.json,
	};
	match cli.command {
		Command::Model(c) => model::run(&ctx, c),
		Command::Executor(c) => executor::run(&ctx, c),
		Command::Infer(a) => done(request::infer(&ctx, a)),
		Command::Challenge(a) => request::challenge(&ctx, a),
		Command::Result(a) => done(request::result(&ctx, a)),
		Command::Account(a) => done(account::account(&ctx, a)),
		Command::Artifacts(c) => done(artifacts::run(&ctx, c)),
		Command::Ceremony(c) => done(ceremony::run(&ctx, c)),
		Command::Zk(c) => zk::run(c),
		Command::Sync(c) => done(sync::run(&ctx, c)),
		Command::Bench(c) => done(bench::run(&ctx, c)),
		Command::Config(c) => done(config::run(&ctx, c)),
		Command::Completions { shell } => {
			completions(shell, &mut std::io::stdout());
			Ok(ExitCode::SUCCESS)
		}
	}
}

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: Shell, out: &mut dyn std::io::Write) {
	let mut cmd = Cli::command();
	let shell = match shell {
		Shell::Bash => clap_complete::Shell::Bash,
		Shell::Zsh => clap_complete::Shell::Zsh,
		Shell::Fish => clap_complete::Shell::Fish,
	};
	clap_complete::generate(shell, &mut cmd, "verity", out);
}

/// The bytes of the file at `path`; errors name the file.
pub fn read_file(path: impl AsRef<Path>) -> Result<Vec<u8>, CliError> {
	let path = path.as_ref();
	std::fs::read(path).map_err(|e| CliError::input(format!("{}: {e}", path.display())))
}

/// Runs an async command on a fresh runtime.
pub fn block_on<T>(f: impl Future<Output = Result<T, CliError>>) -> Result<T, CliError> {
	tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.map_err(|e| CliError::input(format!("cannot start the async runtime: {e}")))?
		.block_on(f)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// Every command and subcommand, with its path (`verity model run`).
	fn walk(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
		for sub in cmd.get_subcommands() {
			if sub.get_name() == "help" {
				continue;
			}
			let p = format!("{path} {}", sub.get_name());
			out.push((p.clone(), sub.clone()));
			walk(sub, p, out);
		}
	}

	#[test]
	fn the_command_tree_is_consistent() {
		Cli::command().debug_assert();
	}

	#[test]
	fn every_command_has_about_a_description_and_examples() {
		let mut root = Cli::command();
		root.build();
		let mut all = Vec::new();
		walk(&root, "verity".into(), &mut all);
		assert!(all.len() > 40, "{} commands", all.len());
		for (path, mut cmd) in all {
			let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
			assert!(!about.is_empty(), "{path}: no about");
			assert!(!about.contains('\n'), "{path}: about is one line");
			let help = cmd.render_long_help().to_string();
			assert!(help.contains("Usage:"), "{path}: {help}");
			assert!(
				help.contains("Examples:"),
				"{path} has no examples:\n{help}"
			);
			// Every example invokes this very command (a group's examples
			// invoke its subcommands).
			let examples = &help[help.find("Examples:").unwrap()..];
			assert!(
				examples
					.lines()
					.skip(1)
					.any(|l| l.trim_start().starts_with(&path)),
				"{path}: examples do not invoke it:\n{examples}"
			);
			if cmd.get_subcommands().next().is_none() && cmd.get_name() != "completions" {
				assert!(
					cmd.get_long_about().is_some(),
					"{path}: no longer description"
				);
			}
		}
	}

	#[test]
	fn completion_scripts_name_the_commands() {
		for (shell, marker) in [
			(Shell::Bash, "complete -F"),
			(Shell::Zsh, "#compdef verity"),
			(Shell::Fish, "complete -c verity"),
		] {
			let mut out = Vec::new();
			completions(shell, &mut out);
			let script = String::from_utf8(out).unwrap();
			assert!(script.contains(marker), "{shell:?}");
			for word in ["register", "new-version", "clear-output", "suri-file"] {
				assert!(script.contains(word), "{shell:?} lacks {word}");
			}
		}
	}

	#[test]
	fn old_flags_still_parse() {
		let parse = |args: &[&str]| {
			Cli::try_parse_from(std::iter::once("verity").chain(args.iter().copied()))
				.unwrap_or_else(|e| panic!("{args:?}: {e}"))
		};
		parse(&[
			"model",
			"register",
			"m.onnx",
			"--name",
			"n",
			"--version",
			"1",
			"--calibration",
			"c.json",
			"--out",
			"d",
			"--act-bits",
			"8",
			"--weight-bits",
			"8",
			"--no-wait",
			"--no-upload",
			"--json",
			"--url",
			"ws://x",
			"--suri",
			"//Alice",
		]);
		parse(&[
			"model",
			"register",
			"m.onnx",
			"--name",
			"n",
			"--version",
			"1",
			"--calibration",
			"c.json",
			"--contribute",
			"--timeout",
			"30",
		]);
		parse(&[
			"executor",
			"prove",
			"3",
			"--artifacts",
			"d",
			"--tamper-output",
			"--skip-assignment-check",
		]);
		parse(&["challenge", "3", "--artifacts", "d", "--tamper-output"]);
		parse(&[
			"infer",
			"0",
			"--input",
			"i.json",
			"--mode",
			"optimistic",
			"--max-fee",
			"0.5VRT",
			"--deadline",
			"50",
			"--wait",
			"--timeout",
			"60",
		]);
		parse(&["model", "sync", "0", "--disable", "--remove-bytes"]);
		parse(&[
			"bench",
			"load",
			"0",
			"--input",
			"i.json",
			"--rate",
			"2",
			"--duration",
			"5",
			"--accounts",
			"//Eve,//Ferdie",
			"--mode",
			"vanilla",
			"--drain",
			"10",
		]);
		parse(&[
			"zk",
			"prove",
			"q",
			"--keys",
			"k",
			"--input",
			"i",
			"--request-id",
			"1",
			"--executor",
			"0x00",
			"--out",
			"p",
		]);
		let cli = parse(&["model", "list", "--json", "--suri-file", "/k"]);
		assert!(cli.global.json);
		assert_eq!(cli.global.suri_file, Some(PathBuf::from("/k")));
		// --suri and --suri-file exclude each other.
		assert!(
			Cli::try_parse_from(["verity", "account", "--suri", "//A", "--suri-file", "/k"])
				.is_err()
		);
	}
}
