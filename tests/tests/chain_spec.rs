//! The committed chain specs in `chain-spec/` are exactly what the current
//! runtime's genesis presets produce. Regenerate them with
//! `scripts/chain-specs` after changing the runtime.

use std::{path::Path, process::Command};

use anyhow::{ensure, Context, Result};
use serde_json::Value;
use verity_tests::node_binary;

fn exported(chain: &str) -> Result<Value> {
	let out = Command::new(node_binary())
		.args(["export-chain-spec", "--chain", chain])
		.output()?;
	ensure!(
		out.status.success(),
		"export-chain-spec failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	Ok(serde_json::from_slice(&out.stdout)?)
}

fn committed(file: &str) -> Result<Value> {
	let path = Path::new(env!("CARGO_MANIFEST_DIR"))
		.join("../chain-spec")
		.join(file);
	let text =
		std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
	Ok(serde_json::from_str(&text)?)
}

fn check(chain: &str, file: &str, validators: usize) -> Result<()> {
	let mut spec = committed(file)?;
	let mut fresh = exported(chain)?;
	// Compare the runtime code apart: it is megabytes of hex, useless in a diff.
	let code = spec["genesis"]["runtimeGenesis"]["code"].take();
	let fresh_code = fresh["genesis"]["runtimeGenesis"]["code"].take();
	assert!(
		code.as_str().is_some_and(|c| c.len() > 1000),
		"{file}: no runtime code"
	);
	assert!(
		code == fresh_code,
		"{file}: runtime code is stale; run scripts/chain-specs"
	);
	assert_eq!(spec, fresh, "{file} differs from `verity-node export-chain-spec --chain {chain}`; run scripts/chain-specs");

	let patch = &spec["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(spec["properties"]["tokenSymbol"], "VRT");
	assert_eq!(spec["properties"]["tokenDecimals"], 12);
	assert_eq!(spec["properties"]["ss58Format"], 42);
	assert_eq!(
		patch["aura"]["authorities"].as_array().map(Vec::len),
		Some(validators)
	);
	assert_eq!(
		patch["grandpa"]["authorities"].as_array().map(Vec::len),
		Some(validators)
	);
	Ok(())
}

#[test]
fn dev_chain_spec_is_current() -> Result<()> {
	check("dev", "dev.json", 1)
}

#[test]
fn local_chain_spec_is_current() -> Result<()> {
	check("local", "local.json", 4)
}
