//! `verity zk setup | prove | verify` on the example MLP, with the exit codes
//! of invalid proofs (1) and unreadable inputs (2).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn verity(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_verity"))
		.args(args)
		.output()
		.expect("run verity")
}

fn models() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("../models")
}

fn temp_dir(tag: &str) -> PathBuf {
	let dir = std::env::temp_dir().join(format!("verity-zk-cli-{tag}-{}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

#[test]
fn setup_prove_verify_and_exit_codes() {
	let dir = temp_dir("e2e");
	let keys = dir.join("keys");
	let model = models().join("mlp_digits8.qmodel");
	let input = models().join("samples/mlp_digits8.input.json");
	let proof = dir.join("proof.json");
	let (model, input, keys_s, proof_s) = (
		model.to_str().unwrap(),
		input.to_str().unwrap(),
		keys.to_str().unwrap(),
		proof.to_str().unwrap(),
	);

	let out = verity(&["zk", "setup", model, "--out", keys_s]);
	assert!(
		out.status.success(),
		"{}",
		String::from_utf8_lossy(&out.stderr)
	);
	assert!(keys.join("proving.key").exists() && keys.join("verifying.key").exists());
	// Said plainly: a single-party key is for local testing only.
	assert!(String::from_utf8_lossy(&out.stdout).contains("FOR LOCAL TESTING ONLY"));
	let warning = String::from_utf8_lossy(&out.stderr);
	assert!(
		warning.contains("local testing only") && warning.contains("can forge proofs"),
		"{warning}"
	);

	let executor = format!("0x{}", "ab".repeat(32));
	let out = verity(&[
		"zk",
		"prove",
		model,
		"--keys",
		keys_s,
		"--input",
		input,
		"--request-id",
		"99",
		"--executor",
		&executor,
		"--out",
		proof_s,
	]);
	assert!(
		out.status.success(),
		"{}",
		String::from_utf8_lossy(&out.stderr)
	);
	assert!(String::from_utf8_lossy(&out.stdout).contains("proved in"));
	let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&proof).unwrap()).unwrap();
	assert_eq!(doc["request_id"], 99);
	assert_eq!(doc["public_inputs"].as_array().unwrap().len(), 7);
	assert_eq!(doc["proof"].as_str().unwrap().len(), 2 + 2 * 192);

	let out = verity(&["zk", "verify", "--keys", keys_s, "--proof", proof_s]);
	assert_eq!(
		out.status.code(),
		Some(0),
		"{}",
		String::from_utf8_lossy(&out.stdout)
	);
	assert!(String::from_utf8_lossy(&out.stdout).starts_with("valid"));

	// Invalid: another request id, another output value, a flipped proof byte.
	for (field, edit) in [
		(
			"request_id",
			Box::new(|d: &mut serde_json::Value| d["request_id"] = 100.into())
				as Box<dyn Fn(&mut serde_json::Value)>,
		),
		(
			"output",
			Box::new(|d: &mut serde_json::Value| {
				d["output"][0] = (d["output"][0].as_i64().unwrap() + 1).into()
			}),
		),
		(
			"proof",
			Box::new(|d: &mut serde_json::Value| {
				let mut p = d["proof"].as_str().unwrap().to_string();
				let c = if p.ends_with('0') { "1" } else { "0" };
				p.replace_range(p.len() - 1.., c);
				d["proof"] = p.into();
			}),
		),
	] {
		let mut bad = doc.clone();
		edit(&mut bad);
		let path = dir.join(format!("bad-{field}.json"));
		std::fs::write(&path, serde_json::to_vec(&bad).unwrap()).unwrap();
		let out = verity(&[
			"zk",
			"verify",
			"--keys",
			keys_s,
			"--proof",
			path.to_str().unwrap(),
		]);
		assert_eq!(out.status.code(), Some(1), "changed {field}");
		let stdout = String::from_utf8_lossy(&out.stdout);
		assert!(
			stdout.starts_with("invalid:") && stdout.trim().lines().count() == 1,
			"{stdout}"
		);
	}

	// Unreadable: missing file, not JSON, corrupt verifying key.
	let garbage = dir.join("garbage.json");
	std::fs::write(&garbage, b"{not json").unwrap();
	for proof_arg in [dir.join("missing.json"), garbage] {
		let out = verity(&[
			"zk",
			"verify",
			"--keys",
			keys_s,
			"--proof",
			proof_arg.to_str().unwrap(),
		]);
		assert_eq!(out.status.code(), Some(2));
		assert!(String::from_utf8_lossy(&out.stderr).starts_with("error:"));
	}
	let bad_keys = dir.join("bad-keys");
	std::fs::create_dir_all(&bad_keys).unwrap();
	std::fs::write(bad_keys.join("verifying.key"), b"vzkv\x01 truncated").unwrap();
	let out = verity(&[
		"zk",
		"verify",
		"--keys",
		bad_keys.to_str().unwrap(),
		"--proof",
		proof_s,
	]);
	assert_eq!(out.status.code(), Some(2));
	// A corrupt proving key is an error too, not a panic.
	std::fs::write(bad_keys.join("proving.key"), b"vzkp\x01").unwrap();
	let out = verity(&[
		"zk",
		"prove",
		model,
		"--keys",
		bad_keys.to_str().unwrap(),
		"--input",
		input,
		"--out",
		proof_s,
	]);
	assert_eq!(out.status.code(), Some(2));
	let _ = std::fs::remove_dir_all(&dir);
}
