//! `verity config init|show`: the config file, and the effective settings
//! with where each came from.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde_json::json;

use super::Ctx;
use crate::config::{config_path, ConfigFile, Source, CONFIG_ENV};
use crate::error::CliError;
use crate::output::{self, print_line};

/// The `config` group's examples.
pub const EXAMPLES: &str = "\
Examples:
  verity config init --url ws://127.0.0.1:9944 --suri-file ~/.verity/alice.suri
  verity config show";

/// `verity config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
	/// Write the config file
	#[command(
		long_about = "Writes the config file (~/.config/verity/config.toml, or $VERITY_CONFIG) \
		              with the settings given by --url, --suri-file and --artifacts; refuses to replace an existing file without \
		              --force. The file names the signing key's file (suri_file), never the \
		              secret. Flags and environment variables override it: flag > env > config \
		              file > default.",
		after_help = "Examples:\n  verity config init --url ws://127.0.0.1:9944 --suri-file ~/.verity/alice.suri\n  \
		              verity config init --artifacts ~/verity-artifacts --force\n  \
		              VERITY_CONFIG=./verity.toml verity config init --url ws://node:9944"
	)]
	Init(InitArgs),
	/// Print the effective settings and where each came from
	#[command(
		long_about = "Prints the effective settings (url, signing key, artifacts directory) and \
		              where each came from: flag, env, config file or default. Never prints a \
		              secret. A table on a terminal, JSON otherwise (--json).",
		after_help = "Examples:\n  verity config show\n  verity config show --url ws://node:9944 --json"
	)]
	Show,
}

/// `verity config init`: `--url` and `--suri-file` are the global flags,
/// whose values it stores.
#[derive(Debug, Args)]
pub struct InitArgs {
	/// The artifacts directory to store
	#[arg(long, value_name = "DIR")]
	pub artifacts: Option<PathBuf>,
	/// Replace an existing config file
	#[arg(long)]
	pub force: bool,
}

/// Runs a `config` subcommand.
pub fn run(ctx: &Ctx, command: ConfigCommand) -> Result<(), CliError> {
	match command {
		ConfigCommand::Init(a) => init(ctx, a),
		ConfigCommand::Show => show(ctx),
	}
}

/// `verity config init`.
fn init(ctx: &Ctx, args: InitArgs) -> Result<(), CliError> {
	if ctx.flags.suri.is_some() {
		return Err(CliError::input(
			"the config file does not take a secret: put it in a file and pass --suri-file",
		));
	}
	let path = config_path().ok_or_else(|| {
		CliError::input(format!(
			"this platform has no config directory: set ${CONFIG_ENV} to the file's path"
		))
	})?;
	if path.exists() && !args.force {
		return Err(CliError::input(format!(
			"{} exists: pass --force to replace it",
			path.display()
		)));
	}
	// A relative key file would depend on the directory commands run in.
	let suri_file = ctx
		.flags
		.suri_file
		.clone()
		.map(|p| std::path::absolute(&p).unwrap_or(p));
	let file = ConfigFile {
		url: ctx.flags.url.clone(),
		suri_file,
		artifacts: args.artifacts.map(|p| std::path::absolute(&p).unwrap_or(p)),
	};
	if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
		std::fs::create_dir_all(dir)
			.map_err(|e| CliError::input(format!("{}: {e}", dir.display())))?;
	}
	std::fs::write(&path, file.to_toml())
		.map_err(|e| CliError::input(format!("{}: {e}", path.display())))?;
	print_line(
		&json!({
			"config": path.display().to_string(),
			"url": file.url,
			"suri_file": file.suri_file.map(|p| p.display().to_string()),
			"artifacts": file.artifacts.map(|p| p.display().to_string()),
		})
		.to_string(),
	);
	Ok(())
}

/// `verity config show`.
fn show(ctx: &Ctx) -> Result<(), CliError> {
	let s = &ctx.settings;
	let source = |s: &Source| s.to_string();
	let out = json!({
		"config_file": s.config.as_ref().map(|(p, exists)| json!({
			"path": p.display().to_string(),
			"exists": exists,
		})),
		"url": {"value": s.url.value, "source": source(&s.url.source)},
		"suri": s.suri.as_ref().map(|k| json!({
			"value": k.value.describe(),
			"source": source(&k.source),
		})),
		"artifacts": s.artifacts.as_ref().map(|a| json!({
			"value": a.value.display().to_string(),
			"source": source(&a.source),
		})),
	});
	output::print(ctx.format(), &out, |v| {
		let mut t = output::table(&["setting", "value", "source"]);
		for key in ["url", "suri", "artifacts"] {
			let entry = &v[key];
			t.add_row(vec![
				key.to_string(),
				output::cell(&entry["value"]),
				output::cell(&entry["source"]),
			]);
		}
		let file = &v["config_file"];
		t.add_row(vec![
			"config file".to_string(),
			output::cell(&file["path"]),
			if file["exists"] == json!(true) {
				"exists"
			} else {
				"absent"
			}
			.to_string(),
		]);
		t
	});
	Ok(())
}
