//! Settings shared by the chain commands, from flags, the environment and
//! the config file, in that order of precedence, else a default.
//!
//! The config file (`~/.config/verity/config.toml`, or `$VERITY_CONFIG`)
//! names the signing key's *file*, never the secret itself, so that neither
//! the file nor `verity config show` can leak it; `--suri` on the command
//! line is visible to every user of the machine (`ps`), which is why
//! `--suri-file` and `$VERITY_SURI` exist beside it.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use subxt_signer::sr25519::Keypair;

use crate::chain;
use crate::error::CliError;

/// The node's RPC endpoint when nothing else names one.
pub const DEFAULT_URL: &str = chain::DEFAULT_URL;
/// Overrides the config file's path.
pub const CONFIG_ENV: &str = "VERITY_CONFIG";
/// The node's RPC endpoint.
pub const URL_ENV: &str = "VERITY_URL";
/// The signing key's secret URI.
pub const SURI_ENV: &str = "VERITY_SURI";

/// The config file's contents; every entry optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
	/// The node's RPC endpoint.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub url: Option<String>,
	/// A file holding the signing key's secret URI.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub suri_file: Option<PathBuf>,
	/// Where `executor prove`, `challenge` and `model sync` look for
	/// artifacts before downloading them.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub artifacts: Option<PathBuf>,
}

impl ConfigFile {
	/// Reads the file at `path`; a missing file is an empty config.
	pub fn load(path: &Path) -> Result<Self, CliError> {
		match std::fs::read_to_string(path) {
			Ok(text) => toml::from_str(&text)
				.map_err(|e| CliError::input(format!("{}: {e}", path.display()))),
			Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
			Err(e) => Err(CliError::input(format!("{}: {e}", path.display()))),
		}
	}

	/// The file's TOML text.
	pub fn to_toml(&self) -> String {
		toml::to_string(self).expect("plain strings and paths serialize")
	}
}

/// The config file's path: `$VERITY_CONFIG`, else
/// `<config dir>/verity/config.toml` (`~/.config/verity/config.toml` on
/// Linux); `None` where the platform has no config directory.
pub fn config_path() -> Option<PathBuf> {
	match std::env::var_os(CONFIG_ENV) {
		Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
		_ => dirs::config_dir().map(|d| d.join("verity").join("config.toml")),
	}
}

/// Where a setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
	/// A command-line flag (its name).
	Flag(&'static str),
	/// An environment variable (its name).
	Env(&'static str),
	/// The config file (its path).
	File(PathBuf),
	/// The built-in default.
	Default,
}

impl fmt::Display for Source {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Source::Flag(name) => write!(f, "flag {name}"),
			Source::Env(name) => write!(f, "env ${name}"),
			Source::File(path) => write!(f, "config file {}", path.display()),
			Source::Default => f.write_str("default"),
		}
	}
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
	/// The effective value.
	pub value: T,
	/// Where it came from.
	pub source: Source,
}

/// Where the signing key's secret is, without the secret: reading it is left
/// to the commands that sign.
#[derive(Clone, PartialEq, Eq)]
pub enum Suri {
	/// Given inline (`--suri`, `$VERITY_SURI`).
	Inline(String),
	/// In a file (`--suri-file`, the config file's `suri_file`).
	File(PathBuf),
}

impl fmt::Debug for Suri {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Suri::Inline(_) => f.write_str("Inline(<secret>)"),
			Suri::File(p) => f.debug_tuple("File").field(p).finish(),
		}
	}
}

impl Suri {
	/// The secret URI, trimmed (files usually end with a newline).
	pub fn secret(&self) -> Result<String, CliError> {
		match self {
			Suri::Inline(s) => Ok(s.trim().to_string()),
			Suri::File(path) => {
				let text = std::fs::read_to_string(path)
					.map_err(|e| CliError::input(format!("--suri-file {}: {e}", path.display())))?;
				let secret = text.trim();
				if secret.is_empty() {
					return Err(CliError::input(format!(
						"--suri-file {}: the file is empty",
						path.display()
					)));
				}
				Ok(secret.to_string())
			}
		}
	}

	/// How `config show` names it: never the secret.
	pub fn describe(&self) -> String {
		match self {
			Suri::Inline(_) => "(set, hidden)".into(),
			Suri::File(p) => format!("(read from {})", p.display()),
		}
	}
}

/// The command-line side of the settings (the global flags).
#[derive(Clone, Debug, Default)]
pub struct Flags {
	/// `--url`.
	pub url: Option<String>,
	/// `--suri`.
	pub suri: Option<String>,
	/// `--suri-file`.
	pub suri_file: Option<PathBuf>,
}

/// The effective settings.
#[derive(Clone, Debug)]
pub struct Settings {
	/// The node's RPC endpoint.
	pub url: Setting<String>,
	/// The signing key, if any source names one.
	pub suri: Option<Setting<Suri>>,
	/// The config file's artifacts directory (flags are per command).
	pub artifacts: Option<Setting<PathBuf>>,
	/// The config file's path and whether it exists.
	pub config: Option<(PathBuf, bool)>,
}

impl Settings {
	/// Resolves the settings from `flags`, the process environment and the
	/// config file.
	pub fn resolve(flags: &Flags) -> Result<Self, CliError> {
		let path = config_path();
		let file = match &path {
			Some(p) => ConfigFile::load(p)?,
			None => ConfigFile::default(),
		};
		let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
		Ok(Self::from_parts(
			flags,
			env(URL_ENV),
			env(SURI_ENV),
			path.map(|p| {
				let exists = p.exists();
				(p, exists)
			}),
			file,
		))
	}

	/// Precedence: flag > environment > config file > default.
	pub fn from_parts(
		flags: &Flags,
		env_url: Option<String>,
		env_suri: Option<String>,
		config: Option<(PathBuf, bool)>,
		file: ConfigFile,
	) -> Self {
		let file_source =
			|| Source::File(config.as_ref().map(|(p, _)| p.clone()).unwrap_or_default());
		let url = if let Some(u) = &flags.url {
			Setting {
				value: u.clone(),
				source: Source::Flag("--url"),
			}
		} else if let Some(u) = env_url {
			Setting {
				value: u,
				source: Source::Env(URL_ENV),
			}
		} else if let Some(u) = file.url {
			Setting {
				value: u,
				source: file_source(),
			}
		} else {
			Setting {
				value: DEFAULT_URL.into(),
				source: Source::Default,
			}
		};
		let suri = if let Some(s) = &flags.suri {
			Some(Setting {
				value: Suri::Inline(s.clone()),
				source: Source::Flag("--suri"),
			})
		} else if let Some(p) = &flags.suri_file {
			Some(Setting {
				value: Suri::File(p.clone()),
				source: Source::Flag("--suri-file"),
			})
		} else if let Some(s) = env_suri {
			Some(Setting {
				value: Suri::Inline(s),
				source: Source::Env(SURI_ENV),
			})
		} else {
			file.suri_file.map(|p| Setting {
				value: Suri::File(p),
				source: file_source(),
			})
		};
		let artifacts = file.artifacts.map(|p| Setting {
			value: p,
			source: file_source(),
		});
		Settings {
			url,
			suri,
			artifacts,
			config,
		}
	}

	/// The signing key; an error naming every way to give one if none is set.
	pub fn signer(&self) -> Result<Keypair, CliError> {
		let suri = self.suri.as_ref().ok_or_else(|| {
			CliError::input(
				"missing --suri (the signing key: //Alice, a mnemonic, ...): give --suri-file \
				 PATH, $VERITY_SURI, or suri_file in the config file (`verity config init`)",
			)
		})?;
		let secret = suri.value.secret()?;
		Ok(chain::keypair(&secret)?)
	}

	/// The artifacts directory: `flag` if given, else the config file's.
	pub fn artifacts(&self, flag: Option<&Path>) -> Option<PathBuf> {
		flag.map(Path::to_path_buf)
			.or_else(|| self.artifacts.as_ref().map(|s| s.value.clone()))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn file() -> ConfigFile {
		ConfigFile {
			url: Some("ws://file:1".into()),
			suri_file: Some("/keys/alice".into()),
			artifacts: Some("/art".into()),
		}
	}

	fn config() -> Option<(PathBuf, bool)> {
		Some(("/etc/verity.toml".into(), true))
	}

	#[test]
	fn flags_beat_env_beat_file_beat_default() {
		let flags = Flags {
			url: Some("ws://flag:1".into()),
			suri: Some("//Alice".into()),
			suri_file: None,
		};
		let s = Settings::from_parts(
			&flags,
			Some("ws://env:1".into()),
			Some("//Bob".into()),
			config(),
			file(),
		);
		assert_eq!(s.url.value, "ws://flag:1");
		assert_eq!(s.url.source, Source::Flag("--url"));
		let suri = s.suri.unwrap();
		assert_eq!(suri.value, Suri::Inline("//Alice".into()));
		assert_eq!(suri.source, Source::Flag("--suri"));

		let s = Settings::from_parts(
			&Flags::default(),
			Some("ws://env:1".into()),
			Some("//Bob".into()),
			config(),
			file(),
		);
		assert_eq!(s.url.value, "ws://env:1");
		assert_eq!(s.url.source, Source::Env(URL_ENV));
		assert_eq!(s.suri.unwrap().value, Suri::Inline("//Bob".into()));

		let s = Settings::from_parts(&Flags::default(), None, None, config(), file());
		assert_eq!(s.url.value, "ws://file:1");
		assert_eq!(s.url.source, Source::File("/etc/verity.toml".into()));
		assert_eq!(
			s.suri.as_ref().unwrap().value,
			Suri::File("/keys/alice".into())
		);
		assert_eq!(s.artifacts(None), Some(PathBuf::from("/art")));
		assert_eq!(
			s.artifacts(Some(Path::new("/flag"))),
			Some(PathBuf::from("/flag"))
		);

		let s = Settings::from_parts(&Flags::default(), None, None, None, ConfigFile::default());
		assert_eq!(s.url.value, DEFAULT_URL);
		assert_eq!(s.url.source, Source::Default);
		assert!(s.suri.is_none());
		assert!(s.signer().is_err());
	}

	#[test]
	fn suri_file_beats_env_and_is_read_trimmed() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("key");
		std::fs::write(&path, "//Charlie\n").unwrap();
		let flags = Flags {
			suri_file: Some(path.clone()),
			..Flags::default()
		};
		let s = Settings::from_parts(&flags, None, Some("//Bob".into()), None, file());
		let suri = s.suri.as_ref().unwrap();
		assert_eq!(suri.source, Source::Flag("--suri-file"));
		assert_eq!(suri.value.secret().unwrap(), "//Charlie");
		assert!(!format!("{suri:?}").contains("Charlie"));
		assert_eq!(
			chain::account_of(&s.signer().unwrap()),
			chain::account_of(&chain::keypair("//Charlie").unwrap())
		);
		assert!(!Suri::Inline("//Dave".into()).describe().contains("Dave"));
		std::fs::write(&path, "  \n").unwrap();
		assert!(s.signer().unwrap_err().to_string().contains("empty"));
	}

	#[test]
	fn config_file_round_trips_and_rejects_unknown_keys() {
		let text = file().to_toml();
		assert!(text.contains("url = \"ws://file:1\""), "{text}");
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("config.toml");
		std::fs::write(&path, &text).unwrap();
		assert_eq!(ConfigFile::load(&path).unwrap(), file());
		std::fs::write(&path, "suri = \"//Alice\"\n").unwrap();
		assert!(ConfigFile::load(&path).is_err());
		assert_eq!(
			ConfigFile::load(&dir.path().join("missing.toml")).unwrap(),
			ConfigFile::default()
		);
	}
}
