//! The committed chain specs in `chain-spec/` are exactly what the current
//! runtime's genesis presets produce. Regenerate them with
//! `scripts/chain-specs` after changing the runtime.
//!
//! Everything but the runtime code must match byte for byte. The code is
//! byte-identical when the runtime was built from the same clone path; from
//! another path rustc lays out the same runtime in another order (cargo hashes
//! a path dependency's absolute path into its symbols, and the wasm's data and
//! `runtime_apis` sections follow that order). So when the bytes differ, both
//! runtimes are started and must serve the same runtime version and the same
//! metadata: every call, event, error, storage item, type and doc.

use std::{path::Path, process::Command};

use anyhow::{ensure, Context, Result};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use verity_tests::{node_binary, Node, NodeConfig};

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

/// Runtime version and metadata (hex) that a node started on `chain` serves.
async fn served_runtime(chain: String, name: &str) -> Result<(Value, String)> {
	let node = Node::start(NodeConfig {
		name: name.into(),
		chain,
		validator_key: None,
		node_key: None,
		bootnodes: vec![],
		extra_args: vec![],
	})
	.await?;
	let client = node.client().await?;
	let mut version: Value = client
		.request("state_getRuntimeVersion", rpc_params![])
		.await?;
	// The API list is a set; its order is the layout order described above.
	if let Some(apis) = version["apis"].as_array_mut() {
		apis.sort_by_key(|api| api.to_string());
	}
	let metadata: String = client.request("state_getMetadata", rpc_params![]).await?;
	Ok((version, metadata))
}

/// The committed code, built elsewhere, is the current runtime: same version
/// and metadata as the code the node under test builds in.
fn same_runtime(chain: &str, file: &str) -> Result<()> {
	let path = Path::new(env!("CARGO_MANIFEST_DIR"))
		.join("../chain-spec")
		.join(file);
	let runtime = tokio::runtime::Runtime::new()?;
	let (committed_version, committed_metadata) = runtime.block_on(served_runtime(
		path.display().to_string(),
		&format!("committed-{chain}"),
	))?;
	let (fresh_version, fresh_metadata) =
		runtime.block_on(served_runtime(chain.into(), &format!("fresh-{chain}")))?;
	assert_eq!(
		committed_version, fresh_version,
		"{file}: runtime version differs from the current runtime's; run scripts/chain-specs"
	);
	assert!(
		committed_metadata == fresh_metadata,
		"{file}: runtime metadata differs from the current runtime's; run scripts/chain-specs"
	);
	Ok(())
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
	if code != fresh_code {
		same_runtime(chain, file)?;
	}
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

/// `verity_runtime_source_digest` (scripts/lib/env.sh) of the clone at `root`.
fn runtime_source_digest(root: &Path) -> Result<String> {
	let env_sh = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/lib/env.sh");
	let out = Command::new("bash")
		.arg("-c")
		.arg(r#"source "$0" && verity_runtime_source_digest "$1""#)
		.arg(&env_sh)
		.arg(root)
		.output()?;
	ensure!(
		out.status.success(),
		"verity_runtime_source_digest failed: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	let digest = String::from_utf8(out.stdout)?.trim().to_string();
	ensure!(digest.len() == 64, "not a sha256: {digest:?}");
	Ok(digest)
}

/// `chain-spec/runtime-source.sha256` is the digest of the runtime's current
/// sources, so a cold `scripts/dev` runs the committed `dev.json` instead of
/// building the wasm only when that code is this runtime. The digest follows
/// every source of the wasm and nothing else: in a copy of the clone, a
/// changed runtime source changes it, a changed test or doc does not.
#[test]
fn recorded_runtime_source_digest_is_current() -> Result<()> {
	let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	let recorded = std::fs::read_to_string(root.join("chain-spec/runtime-source.sha256"))?;
	let digest = runtime_source_digest(&root)?;
	assert_eq!(
		recorded.trim(),
		digest,
		"chain-spec/runtime-source.sha256 is not the digest of the runtime's sources: run scripts/chain-specs"
	);

	let copy = tempfile::tempdir()?;
	let status = Command::new("git")
		.args(["clone", "--quiet", "--depth", "1"])
		.arg(format!("file://{}", root.canonicalize()?.display()))
		.arg(copy.path())
		.status()?;
	ensure!(status.success(), "git clone failed");
	let before = runtime_source_digest(copy.path())?;
	let append = |file: &str, text: &str| -> Result<()> {
		use std::io::Write;
		let mut f = std::fs::OpenOptions::new()
			.create(true)
			.append(true)
			.open(copy.path().join(file))?;
		Ok(f.write_all(text.as_bytes())?)
	};
	append("pallets/inference/src/tests.rs", "\n// a test changed\n")?;
	append("runtime/README.md", "\nA doc changed.\n")?;
	assert_eq!(
		runtime_source_digest(copy.path())?,
		before,
		"tests and docs are not sources of the wasm"
	);
	append("pallets/inference/src/lib.rs", "\n// a source changed\n")?;
	let changed = runtime_source_digest(copy.path())?;
	assert_ne!(
		changed, before,
		"a changed pallet source changes the digest"
	);
	append(
		"runtime/src/new_module.rs",
		"// a new, not yet committed source\n",
	)?;
	assert_ne!(
		runtime_source_digest(copy.path())?,
		changed,
		"a new source changes the digest"
	);
	Ok(())
}
