//! Printing results: JSON for scripts, tables for people.
//!
//! JSON is the default whenever stdout is not a terminal, so pipes and
//! scripts keep getting the same shapes; `--json` forces it on a terminal
//! too. Progress and notes go to stderr.

use std::io::{IsTerminal, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};
use serde_json::Value;

/// How a command prints its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
	/// Pretty-printed JSON.
	Json,
	/// A table.
	Table,
}

impl Format {
	/// Tables on a terminal unless `json`; JSON otherwise.
	pub fn detect(json: bool) -> Self {
		Self::choose(json, std::io::stdout().is_terminal())
	}

	/// The choice itself, given whether stdout is a terminal.
	pub fn choose(json: bool, terminal: bool) -> Self {
		if json || !terminal {
			Format::Json
		} else {
			Format::Table
		}
	}
}

/// Writes `text` and a newline to stdout, ignoring a closed pipe: not
/// `println!`, which panics when the reader has gone (`verity ... | head`);
/// the command's work is done by then either way.
pub fn print_line(text: &str) {
	let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Prints `value` as pretty JSON.
pub fn print_json(value: &Value) {
	print_line(&serde_json::to_string_pretty(value).unwrap_or_default());
}

/// Prints `value` as JSON or, in [`Format::Table`], as the table `table`
/// makes of it.
pub fn print(format: Format, value: &Value, table: impl FnOnce(&Value) -> Table) {
	match format {
		Format::Json => print_json(value),
		Format::Table => print_line(&table(value).to_string()),
	}
}

/// A note for the user on stderr.
pub fn note(message: impl AsRef<str>) {
	eprintln!("{}", message.as_ref());
}

/// An empty table in the CLI's style with `header`.
pub fn table(header: &[&str]) -> Table {
	let mut t = Table::new();
	t.load_preset(UTF8_FULL_CONDENSED)
		.set_content_arrangement(ContentArrangement::Dynamic);
	if !header.is_empty() {
		t.set_header(header.iter().copied());
	}
	t
}

/// A JSON value as one table cell: strings unquoted, `null` as `-`, short
/// arrays inline, long ones summarized.
pub fn cell(value: &Value) -> String {
	const INLINE_ITEMS: usize = 8;
	match value {
		Value::Null => "-".into(),
		Value::String(s) => s.clone(),
		Value::Array(items) if items.len() > INLINE_ITEMS => {
			let head: Vec<String> = items[..INLINE_ITEMS].iter().map(cell).collect();
			format!("[{}, ... ({} items)]", head.join(", "), items.len())
		}
		Value::Array(items) => {
			format!(
				"[{}]",
				items.iter().map(cell).collect::<Vec<_>>().join(", ")
			)
		}
		Value::Object(map) => map
			.iter()
			.map(|(k, v)| format!("{k}: {}", cell(v)))
			.collect::<Vec<_>>()
			.join("\n"),
		other => other.to_string(),
	}
}

/// An object as a two-column table, one row per field (nested objects one
/// `key: value` line each); anything else as one cell.
pub fn fields_table(value: &Value) -> Table {
	let mut t = table(&["field", "value"]);
	match value {
		Value::Object(map) => {
			for (k, v) in map {
				t.add_row(vec![k.clone(), cell(v)]);
			}
		}
		other => {
			t.add_row(vec![String::new(), cell(other)]);
		}
	}
	t
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	#[test]
	fn json_unless_a_terminal_without_json() {
		assert_eq!(Format::choose(false, true), Format::Table);
		assert_eq!(Format::choose(true, true), Format::Json);
		assert_eq!(Format::choose(false, false), Format::Json);
		assert_eq!(Format::choose(true, false), Format::Json);
	}

	#[test]
	fn cells_are_readable() {
		assert_eq!(cell(&json!(null)), "-");
		assert_eq!(cell(&json!("zk")), "zk");
		assert_eq!(cell(&json!(7)), "7");
		assert_eq!(cell(&json!(["zk", "vanilla"])), "[zk, vanilla]");
		let long: Vec<u32> = (0..20).collect();
		assert_eq!(
			cell(&json!(long)),
			"[0, 1, 2, 3, 4, 5, 6, 7, ... (20 items)]"
		);
		let object = cell(&json!({"status": "final", "round": 1}));
		assert_eq!(object.lines().count(), 2, "{object}");
		assert!(object.contains("status: final") && object.contains("round: 1"));
	}

	#[test]
	fn tables_hold_every_field_and_row() {
		let text = fields_table(&json!({"account": "5Grw", "free": 10})).to_string();
		assert!(text.contains("account") && text.contains("5Grw"), "{text}");
		assert!(text.contains("free") && text.contains("10"), "{text}");
	}
}
