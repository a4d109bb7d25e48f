//! `scripts/dev` end to end: the dev chain comes up with the example model
//! registered, its files on the node, its key final (made by the node's
//! ceremony task: Alice, the only validator, contributed) and Alice bonded as
//! executor; the `verity infer ... --wait` command the script prints returns
//! a result the runtime verified, equal to the local fixed-point run. Started
//! again on the same data (no `--purge`), the script registers nothing twice
//! and finds the key final.

use std::{
	io::{BufRead, BufReader},
	os::unix::process::CommandExt,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::mpsc,
	time::{Duration, Instant},
};

use anyhow::{bail, ensure, Context, Result};
use serde_json::{json, Value};
use verity_tests::cli::{cli_binary, Cli};
use verity_tests::{free_port, node_binary};

fn root() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One run of `scripts/dev` in its own process group, with the lines of its
/// stdout on a channel. Dropping it kills the whole group (node, explorer).
struct DevScript {
	child: Child,
	lines: mpsc::Receiver<String>,
}

impl DevScript {
	fn start(dir: &Path, ports: &Ports) -> Result<Self> {
		let mut child = Command::new("bash")
			.arg(root().join("scripts/dev"))
			.current_dir(root())
			.env("VERITY_SKIP_BUILD", "1")
			.env("VERITY_NODE_BIN", node_binary())
			.env("VERITY_CLI_BIN", cli_binary())
			.env("VERITY_DEV_DIR", dir)
			.env("VERITY_RPC_PORT", ports.rpc.to_string())
			.env("VERITY_P2P_PORT", ports.p2p.to_string())
			.env("VERITY_PROM_PORT", ports.prometheus.to_string())
			.env(
				"VERITY_EXPLORER_LISTEN",
				format!("127.0.0.1:{}", ports.explorer),
			)
			.env_remove("VERITY_URL")
			.env_remove("VERITY_SURI")
			.stdout(Stdio::piped())
			.stderr(Stdio::inherit())
			.process_group(0)
			.spawn()
			.context("starting scripts/dev")?;
		let (tx, lines) = mpsc::channel();
		let stdout = child.stdout.take().expect("piped");
		std::thread::spawn(move || {
			for line in BufReader::new(stdout).lines().map_while(Result::ok) {
				println!("dev: {line}");
				let _ = tx.send(line);
			}
		});
		Ok(DevScript { child, lines })
	}

	/// The lines up to and including the first one that contains `needle`.
	fn until(&self, needle: &str, timeout: Duration) -> Result<Vec<String>> {
		let deadline = Instant::now() + timeout;
		let mut seen = Vec::new();
		loop {
			let left = deadline.saturating_duration_since(Instant::now());
			let line = self
				.lines
				.recv_timeout(left)
				.with_context(|| format!("scripts/dev printed no '{needle}' in {timeout:?}"))?;
			let found = line.contains(needle);
			seen.push(line);
			if found {
				return Ok(seen);
			}
		}
	}

	/// SIGTERM, as Ctrl-C would; the script stops the node and the explorer.
	fn stop(mut self) -> Result<()> {
		// SAFETY: signalling our own child process.
		unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
		let deadline = Instant::now() + Duration::from_secs(60);
		while self.child.try_wait()?.is_none() {
			ensure!(
				Instant::now() < deadline,
				"scripts/dev did not stop in 60 s"
			);
			std::thread::sleep(Duration::from_millis(200));
		}
		Ok(())
	}
}

impl Drop for DevScript {
	fn drop(&mut self) {
		if let Ok(None) = self.child.try_wait() {
			// SAFETY: signalling the process group we created has no memory effects.
			unsafe { libc::kill(-(self.child.id() as i32), libc::SIGKILL) };
			let _ = self.child.wait();
		}
	}
}

struct Ports {
	rpc: u16,
	p2p: u16,
	prometheus: u16,
	explorer: u16,
}

/// Runs the command line the script printed (binary first) in the clone.
fn run_printed(line: &str) -> Result<Value> {
	let words: Vec<&str> = line.split_whitespace().collect();
	let (bin, args) = words.split_first().context("an empty command line")?;
	eprintln!("$ {line}");
	let out = Command::new(bin)
		.args(args)
		.current_dir(root())
		.env_remove("VERITY_URL")
		.env_remove("VERITY_SURI")
		.output()
		.with_context(|| format!("running {bin}"))?;
	eprintln!("{}", String::from_utf8_lossy(&out.stderr));
	ensure!(out.status.success(), "`{line}` failed");
	Ok(serde_json::from_slice(&out.stdout)?)
}

#[test]
fn dev_script_serves_the_example_model_and_restarts_idempotently() -> Result<()> {
	let dir = tempfile::tempdir()?;
	let ports = Ports {
		rpc: free_port(),
		p2p: free_port(),
		prometheus: free_port(),
		explorer: free_port(),
	};
	let url = format!("ws://127.0.0.1:{}", ports.rpc);
	let cli = Cli::new(cli_binary(), &url)?;

	// --- First start: the model is registered, its key final, Alice bonded.
	let script = DevScript::start(dir.path(), &ports)?;
	let lines = script.until("--wait", Duration::from_secs(300))?;
	ensure!(
		lines
			.iter()
			.any(|l| l.contains("registering the example model")),
		"no registration in {lines:?}"
	);
	ensure!(
		lines
			.iter()
			.any(|l| l.contains("bonding //Alice as executor")),
		"Alice not bonded in {lines:?}"
	);
	let command = lines.last().expect("the line found").trim().to_string();
	ensure!(
		command.contains(" infer 0 --input models/samples/mlp_digits8.input.json")
			&& command.contains(&format!("--url {url}")),
		"unexpected command: {command}"
	);
	let models = cli.json(&["model", "list"])?;
	assert_eq!(models.as_array().map(Vec::len), Some(1), "{models}");
	assert_eq!(models[0]["name"], "mlp_digits8");
	let alice = cli.json(&["account", "--suri", "//Alice"])?;
	assert_ne!(alice["executor"], Value::Null, "{alice}");
	// What `model register` printed (the script keeps it): the key is final,
	// made by Alice's node on the insecure development SRS, and it is the
	// registry's.
	let registered: Value =
		serde_json::from_slice(&std::fs::read(dir.path().join("example-model.json"))?)?;
	assert_eq!(registered["model_id"], 0, "{registered}");
	assert_eq!(registered["status"], "final", "{registered}");
	assert_eq!(registered["insecure_srs"], true, "{registered}");
	assert_eq!(registered["contributors"], json!([alice["account"]]));
	assert_eq!(models[0]["ceremony"]["status"], "final", "{models}");
	assert_eq!(
		models[0]["proving_key_hash"],
		registered["proving_key_hash"]
	);
	assert_eq!(
		models[0]["verifying_key"]["hash"],
		registered["verifying_key_hash"]
	);

	// --- The printed command: answered by the node's worker, verified.
	let answer = run_printed(&command)?;
	let result = &answer["result"];
	assert_eq!(result["status"], "verified", "{answer}");
	assert_eq!(result["executor"], alice["account"]);
	assert!(
		result["events"]
			.as_array()
			.is_some_and(|e| e.contains(&json!("Inference.InferenceVerified"))),
		"{answer}"
	);
	let qmodel = dir.path().join("example-model/model.qmodel");
	let sample = root().join("models/samples/mlp_digits8.input.json");
	assert_eq!(
		result["outputs"][0]["quantized"],
		cli.local_output(&qmodel, &sample)?
	);
	script.stop()?;

	// --- Second start on the same data: nothing registered or bonded again.
	let script = DevScript::start(dir.path(), &ports)?;
	let lines = script.until("--wait", Duration::from_secs(120))?;
	if lines
		.iter()
		.any(|l| l.contains("registering") || l.contains("bonding") || l.contains("key ceremony"))
	{
		bail!("the restart registered again, or waited for the key: {lines:?}");
	}
	ensure!(
		lines
			.iter()
			.any(|l| l.contains("mlp_digits8 is registered (model 0)")),
		"{lines:?}"
	);
	assert_eq!(lines.last().map(|l| l.trim()), Some(command.as_str()));
	assert_eq!(
		cli.json(&["model", "list"])?.as_array().map(Vec::len),
		Some(1)
	);
	script.stop()
}
