//! Minimal argument parsing: positional arguments plus `--flag [value]` options.

use std::collections::BTreeMap;

use crate::CliError;

pub struct Args {
	pub positional: Vec<String>,
	options: BTreeMap<String, Option<String>>,
}

impl Args {
	/// `valued` lists the options that take a value; `switches` those that do not.
	pub fn parse(argv: &[String], valued: &[&str], switches: &[&str]) -> Result<Self, CliError> {
		let mut positional = Vec::new();
		let mut options = BTreeMap::new();
		let mut it = argv.iter();
		while let Some(a) = it.next() {
			if let Some(name) = a.strip_prefix("--") {
				if valued.contains(&name) {
					let v = it
						.next()
						.ok_or_else(|| CliError(format!("--{name} needs a value")))?;
					options.insert(name.to_string(), Some(v.clone()));
				} else if switches.contains(&name) {
					options.insert(name.to_string(), None);
				} else {
					return Err(CliError(format!("unknown option --{name}")));
				}
			} else {
				positional.push(a.clone());
			}
		}
		Ok(Args {
			positional,
			options,
		})
	}

	pub fn value(&self, name: &str) -> Option<&str> {
		self.options.get(name).and_then(|v| v.as_deref())
	}

	pub fn required(&self, name: &str) -> Result<&str, CliError> {
		self.value(name)
			.ok_or_else(|| CliError(format!("missing --{name}")))
	}

	pub fn switch(&self, name: &str) -> bool {
		self.options.contains_key(name)
	}

	pub fn number(&self, name: &str, default: u32) -> Result<u32, CliError> {
		match self.value(name) {
			None => Ok(default),
			Some(v) => v
				.parse()
				.map_err(|_| CliError(format!("--{name}: '{v}' is not a number"))),
		}
	}

	/// Exactly `n` positional arguments.
	pub fn positional(&self, n: usize, what: &str) -> Result<&[String], CliError> {
		if self.positional.len() == n {
			Ok(&self.positional)
		} else {
			Err(CliError(format!(
				"expected {what}, got {} argument(s)",
				self.positional.len()
			)))
		}
	}
}
