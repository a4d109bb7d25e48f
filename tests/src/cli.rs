//! Running the `verity` command-line tool in tests, as a user would: one
//! binary, one node URL, a scratch working directory (where `model register`
//! writes its artifacts), and no `$VERITY_URL`/`$VERITY_SURI` from the
//! caller's environment.

use std::{
	path::{Path, PathBuf},
	process::{Command, Output},
	time::{Duration, Instant},
};

use anyhow::{ensure, Context, Result};
use serde_json::Value;

/// The `verity` binary: `$VERITY_CLI_BIN`, else `verity` next to
/// [`crate::node_binary`] (both are built by the same `verity_build`).
pub fn cli_binary() -> PathBuf {
	std::env::var_os("VERITY_CLI_BIN")
		.map(PathBuf::from)
		.unwrap_or_else(|| crate::node_binary().with_file_name("verity"))
}

/// The example models and their calibration and sample inputs (`models/`).
pub fn models_dir() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("../models")
}

/// An example model of `models/` (e.g. `mlp_digits8`): its ONNX file,
/// calibration data and a sample input, as `scripts/make-models` writes them.
pub struct ExampleModel {
	/// `models/<name>.onnx`.
	pub onnx: PathBuf,
	/// `models/data/<name>.calibration.json`.
	pub calibration: PathBuf,
	/// `models/samples/<name>.input.json`.
	pub sample: PathBuf,
}

impl ExampleModel {
	/// The files of example model `name`.
	pub fn new(name: &str) -> Self {
		let dir = models_dir();
		ExampleModel {
			onnx: dir.join(format!("{name}.onnx")),
			calibration: dir.join(format!("data/{name}.calibration.json")),
			sample: dir.join(format!("samples/{name}.input.json")),
		}
	}
}

impl ExampleModel {
	/// Example model `name` with another quantized model: its ONNX file
	/// with `doc_string` set to `tag` (a protobuf field appended to the file,
	/// which parsers read as the last value of that field), written to
	/// `dir/<name>-<tag>.onnx`. The same graph, calibration and sample
	/// input, so the same outputs; another ONNX hash, and so (the quantized
	/// model records its source's hash) another quantized model, which can
	/// be kept off every node while the original is served.
	pub fn variant(name: &str, tag: &str, dir: &Path) -> Result<Self> {
		let original = ExampleModel::new(name);
		let mut onnx = std::fs::read(&original.onnx)
			.with_context(|| format!("reading {}", original.onnx.display()))?;
		ensure!(tag.len() < 128, "a one-byte protobuf length");
		// ModelProto.doc_string: field 6, length-delimited.
		onnx.extend_from_slice(&[6 << 3 | 2, tag.len() as u8]);
		onnx.extend_from_slice(tag.as_bytes());
		let path = dir.join(format!("{name}-{tag}.onnx"));
		std::fs::write(&path, onnx).with_context(|| format!("writing {}", path.display()))?;
		Ok(ExampleModel {
			onnx: path,
			..original
		})
	}
}

/// The contributors' accounts in a `verity ceremony status MODEL` JSON, in
/// the order they contributed.
pub fn key_contributors(status: &Value) -> Vec<Value> {
	status["contributions"]
		.as_array()
		.map(|c| c.iter().map(|c| c["contributor"].clone()).collect())
		.unwrap_or_default()
}

/// A path as a command-line argument.
pub fn path(p: &Path) -> &str {
	p.to_str().expect("utf-8 path")
}

/// The CLI, run in a scratch directory against one node.
pub struct Cli {
	/// The binary run.
	pub bin: PathBuf,
	/// `--url` of every command that talks to a node.
	pub url: String,
	/// The working directory of every command; removed on drop.
	pub work: tempfile::TempDir,
}

impl Cli {
	/// `bin` against the node at `url`, in a fresh scratch directory.
	pub fn new(bin: impl Into<PathBuf>, url: impl Into<String>) -> Result<Self> {
		Ok(Cli {
			bin: bin.into(),
			url: url.into(),
			work: tempfile::tempdir()?,
		})
	}

	/// The command for `verity ARGS`, with `--url` unless it runs offline.
	pub fn command(&self, args: &[&str]) -> Command {
		let offline = matches!(
			args,
			["model", "run" | "hash" | "quantize", ..] | ["zk", ..]
		);
		let mut cmd = Command::new(&self.bin);
		cmd.args(args);
		if !offline {
			cmd.args(["--url", &self.url]);
		}
		cmd.current_dir(self.work.path())
			.env_remove("VERITY_URL")
			.env_remove("VERITY_SURI");
		cmd
	}

	/// Runs `verity ARGS` to completion and logs it (with its stderr) to the
	/// test's output.
	pub fn run(&self, args: &[&str]) -> Output {
		let out = self
			.command(args)
			.output()
			.unwrap_or_else(|e| panic!("running {}: {e}", self.bin.display()));
		eprintln!(
			"$ verity {}\n  exit {:?}\n{}",
			args.join(" "),
			out.status.code(),
			String::from_utf8_lossy(&out.stderr)
		);
		out
	}

	/// Runs a command that must succeed and print JSON; returns the JSON.
	pub fn json(&self, args: &[&str]) -> Result<Value> {
		let out = self.run(args);
		ensure!(
			out.status.success(),
			"verity {args:?} failed: {}",
			String::from_utf8_lossy(&out.stderr)
		);
		serde_json::from_slice(&out.stdout).with_context(|| {
			format!(
				"verity {args:?}: stdout is not JSON: {}",
				String::from_utf8_lossy(&out.stdout)
			)
		})
	}

	/// The quantized data of the only output of `qmodel` on `sample`, by
	/// `verity model run`: the fixed-point run a node's result must equal.
	pub fn local_output(&self, qmodel: &Path, sample: &Path) -> Result<Value> {
		let local = self.json(&["model", "run", path(qmodel), "--input", path(sample)])?;
		let outputs = local["outputs"].as_object().context("outputs")?;
		ensure!(outputs.len() == 1, "one output expected: {local}");
		let data = outputs
			.values()
			.next()
			.map(|o| o["quantized"]["data"].clone())
			.context("quantized data")?;
		ensure!(data.as_array().is_some_and(|a| !a.is_empty()), "{local}");
		Ok(data)
	}

	/// `verity model register` of an example model, signed by //Alice (sudo
	/// and endowed on the dev and local chains), as `name` `version`, with
	/// `extra` options (`--out DIR`, `--no-upload`, ...); returns its JSON.
	pub fn register(
		&self,
		example: &ExampleModel,
		name: &str,
		version: &str,
		extra: &[&str],
	) -> Result<Value> {
		let mut args = vec![
			"model",
			"register",
			path(&example.onnx),
			"--name",
			name,
			"--version",
			version,
			"--calibration",
			path(&example.calibration),
			"--suri",
			"//Alice",
		];
		args.extend_from_slice(extra);
		self.json(&args)
	}

	/// `verity infer MODEL --input INPUT --mode MODE --suri SURI`, and with
	/// `wait_secs` `--wait --timeout SECS`; returns its JSON.
	pub fn infer(
		&self,
		model: u64,
		input: &Path,
		mode: &str,
		suri: &str,
		wait_secs: Option<u64>,
	) -> Result<Value> {
		let model = model.to_string();
		let timeout = wait_secs.map(|s| s.to_string());
		let mut args = vec![
			"infer",
			&model,
			"--input",
			path(input),
			"--mode",
			mode,
			"--suri",
			suri,
		];
		if let Some(timeout) = &timeout {
			args.extend_from_slice(&["--wait", "--timeout", timeout]);
		}
		self.json(&args)
	}

	/// Reads `verity ceremony status MODEL` every second until the model's
	/// key ceremony is final, for at most `timeout`; returns that status JSON.
	/// A failed ceremony, or one still pending after `timeout`, is an error.
	/// (The polls are not logged; the last status is.)
	pub fn wait_for_key(&self, model: u64, timeout: Duration) -> Result<Value> {
		let id = model.to_string();
		let args = ["ceremony", "status", id.as_str()];
		let deadline = Instant::now() + timeout;
		loop {
			let out = self
				.command(&args)
				.output()
				.with_context(|| format!("running {}", self.bin.display()))?;
			let status: Option<Value> = out
				.status
				.success()
				.then(|| serde_json::from_slice(&out.stdout).ok())
				.flatten();
			let state = status.as_ref().and_then(|s| s["status"].as_str());
			if matches!(state, Some("final" | "failed")) || Instant::now() > deadline {
				let status = self.json(&args)?;
				ensure!(
					status["status"] == "final",
					"model {model}'s key ceremony is not final after {timeout:?}: {status}"
				);
				return Ok(status);
			}
			std::thread::sleep(Duration::from_secs(1));
		}
	}

	/// Runs a command that must fail with exit code 2 and `needle` in its
	/// error; returns its stderr.
	pub fn fails(&self, args: &[&str], needle: &str) -> String {
		let out = self.run(args);
		let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
		assert_eq!(out.status.code(), Some(2), "verity {args:?}: {stderr}");
		assert!(
			stderr.contains("error: ") && stderr.contains(needle),
			"verity {args:?}: expected '{needle}' in: {stderr}"
		);
		assert!(!stderr.contains("panicked"), "verity {args:?} panicked");
		stderr
	}

	/// Runs a command the chain must reject (a dispatch error): exit code 1
	/// and `needle` (the pallet error's name) on stderr. Returns stderr.
	pub fn rejected(&self, args: &[&str], needle: &str) -> String {
		let out = self.run(args);
		let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
		assert_eq!(out.status.code(), Some(1), "verity {args:?}: {stderr}");
		assert!(
			stderr.contains("error: the chain rejected the call") && stderr.contains(needle),
			"verity {args:?}: expected '{needle}' in: {stderr}"
		);
		stderr
	}
}
