//! End-to-end tests of the `verity` binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn model(name: &str) -> String {
	root()
		.join("models")
		.join(name)
		.to_string_lossy()
		.into_owned()
}

fn verity(args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_verity"))
		.args(args)
		.output()
		.unwrap()
}

fn json(out: &Output) -> serde_json::Value {
	assert!(
		out.status.success(),
		"stderr: {}",
		String::from_utf8_lossy(&out.stderr)
	);
	serde_json::from_slice(&out.stdout).unwrap()
}

fn fails_with_2(out: &Output, needle: &str) {
	let stderr = String::from_utf8_lossy(&out.stderr);
	assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
	assert!(
		stderr.starts_with("error: ") && stderr.contains(needle),
		"expected '{needle}' in: {stderr}"
	);
}

#[test]
fn run_float_model() {
	let out = json(&verity(&[
		"model",
		"run",
		&model("mlp_digits8.onnx"),
		"--input",
		&model("samples/mlp_digits8.input.json"),
	]));
	let p = &out["outputs"]["probabilities"];
	assert_eq!(p["shape"], serde_json::json!([1, 10]));
	let sum: f64 = p["data"]
		.as_array()
		.unwrap()
		.iter()
		.map(|v| v.as_f64().unwrap())
		.sum();
	assert!((sum - 1.0).abs() < 1e-5);
	assert_eq!(out["model"]["kind"], "onnx");
	assert!(out["model"]["onnx_hash"]
		.as_str()
		.unwrap()
		.starts_with("0x"));
}

#[test]
fn run_quantized_model_prints_integers_and_agrees_with_float() {
	for name in ["mlp_digits8", "mlp_digits28", "lenet5"] {
		let input = model(&format!("samples/{name}.input.json"));
		let q = json(&verity(&[
			"model",
			"run",
			&model(&format!("{name}.qmodel")),
			"--input",
			&input,
		]));
		let f = json(&verity(&[
			"model",
			"run",
			&model(&format!("{name}.onnx")),
			"--input",
			&input,
		]));
		let (qo, fo) = (
			q["outputs"].as_object().unwrap(),
			f["outputs"].as_object().unwrap(),
		);
		assert_eq!(qo.keys().collect::<Vec<_>>(), fo.keys().collect::<Vec<_>>());
		for (k, qv) in qo {
			let ints = qv["quantized"]["data"].as_array().unwrap();
			assert_eq!(ints.len(), 10);
			assert!(ints.iter().all(|v| v.is_i64()));
			let argmax = |v: &serde_json::Value| {
				let d: Vec<f64> = v["data"]
					.as_array()
					.unwrap()
					.iter()
					.map(|x| x.as_f64().unwrap())
					.collect();
				(0..d.len()).max_by(|&a, &b| d[a].total_cmp(&d[b])).unwrap()
			};
			assert_eq!(argmax(qv), argmax(&fo[k]), "{name}");
		}
		assert!(q["model"]["quantized_inputs"]["input"]["data"]
			.as_array()
			.unwrap()
			.iter()
			.all(|v| v.is_i64()));
	}
}

#[test]
fn trace_flag_prints_every_tensor() {
	let out = json(&verity(&[
		"model",
		"run",
		&model("lenet5.qmodel"),
		"--input",
		&model("samples/lenet5.input.json"),
		"--trace",
	]));
	assert_eq!(out["trace"].as_array().unwrap().len(), 13); // 1 input + 12 ops
}

#[test]
fn fixed_point_output_is_identical_across_thread_counts() {
	let args = [
		"model",
		"run",
		&model("lenet5.qmodel"),
		"--input",
		&model("samples/lenet5.input.json"),
		"--trace",
	];
	let run = |threads: &str| {
		let out = Command::new(env!("CARGO_BIN_EXE_verity"))
			.args(args)
			.env("RAYON_NUM_THREADS", threads)
			.output()
			.unwrap();
		assert!(out.status.success());
		out.stdout
	};
	assert_eq!(run("1"), run("2"));
}

#[test]
fn quantize_reproduces_the_committed_model() {
	let dir = std::env::temp_dir().join(format!("verity-cli-test-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let out_path = dir.join("m.qmodel");
	let out = json(&verity(&[
		"model",
		"quantize",
		&model("mlp_digits8.onnx"),
		"--calibration",
		&model("data/mlp_digits8.calibration.json"),
		"--out",
		out_path.to_str().unwrap(),
	]));
	assert_eq!(
		std::fs::read(&out_path).unwrap(),
		std::fs::read(model("mlp_digits8.qmodel")).unwrap()
	);
	let hash = json(&verity(&["model", "hash", out_path.to_str().unwrap()]));
	assert_eq!(hash["quantized_model_hash"], out["quantized_model_hash"]);
	let onnx = json(&verity(&["model", "hash", &model("mlp_digits8.onnx")]));
	assert_eq!(onnx["onnx_hash"], hash["source_onnx_hash"]);
	std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_files_exit_with_code_2() {
	let dir = std::env::temp_dir().join(format!("verity-cli-bad-{}", std::process::id()));
	std::fs::create_dir_all(&dir).unwrap();
	let write = |name: &str, text: &[u8]| {
		let p = dir.join(name);
		std::fs::write(&p, text).unwrap();
		p.to_string_lossy().into_owned()
	};
	let onnx = model("mlp_digits8.onnx");
	let input = model("samples/mlp_digits8.input.json");
	fails_with_2(
		&verity(&["model", "run", "/nonexistent.onnx", "--input", &input]),
		"/nonexistent.onnx",
	);
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&onnx,
			"--input",
			&write("bad.json", b"{not json"),
		]),
		"invalid JSON",
	);
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&onnx,
			"--input",
			&write("wrong.json", br#"{"x": {"shape": [1], "data": [1]}}"#),
		]),
		"input 'input'",
	);
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&onnx,
			"--input",
			&write(
				"shape.json",
				br#"{"input": {"shape": [1, 3], "data": [1, 2, 3]}}"#,
			),
		]),
		"dimension 1 is 3, the model expects 64",
	);
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&write("garbage.onnx", b"\x08\xff\xff\xff"),
			"--input",
			&input,
		]),
		"garbage.onnx",
	);
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&write("bad.qmodel", b"{\"format\": 1}"),
			"--input",
			&input,
		]),
		"quantized model",
	);
	fails_with_2(
		&verity(&[
			"model",
			"quantize",
			&onnx,
			"--calibration",
			&write(
				"cal.json",
				br#"{"input": {"shape": [2, 5], "data": [0,0,0,0,0,0,0,0,0,0]}}"#,
			),
			"--out",
			"/tmp/x",
		]),
		"calibration shape",
	);
	fails_with_2(&verity(&["model", "run", &onnx]), "--input <IN.json>");
	fails_with_2(
		&verity(&["model", "frobnicate"]),
		"unrecognized subcommand 'frobnicate'",
	);
	fails_with_2(&verity(&["nope"]), "unrecognized subcommand 'nope'");
	// A model over the loader's limit is refused, and the limit is an option.
	fails_with_2(
		&verity(&[
			"model",
			"run",
			&onnx,
			"--input",
			&input,
			"--max-model-bytes",
			"100",
		]),
		"over the limit of 100",
	);
	std::fs::remove_dir_all(&dir).ok();
}

/// `verity` with a config file of its own (at `config`) and none of the
/// settings' environment variables unless `env` sets them.
fn verity_with(config: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> Output {
	let mut cmd = Command::new(env!("CARGO_BIN_EXE_verity"));
	cmd.args(args)
		.env("VERITY_CONFIG", config)
		.env_remove("VERITY_URL")
		.env_remove("VERITY_SURI");
	for (k, v) in env {
		cmd.env(k, v);
	}
	cmd.output().unwrap()
}

#[test]
fn help_and_version_exit_0() {
	let out = verity(&["--help"]);
	assert_eq!(out.status.code(), Some(0));
	let help = String::from_utf8_lossy(&out.stdout);
	for needle in [
		"Usage: verity",
		"Exit codes:",
		"Examples:",
		"--suri-file",
		"completions",
	] {
		assert!(help.contains(needle), "'{needle}' not in:\n{help}");
	}
	for path in [
		&["model", "run"][..],
		&["model", "new-version"],
		&["executor", "withdraw"],
		&["sync", "clear-output"],
		&["config", "init"],
	] {
		let out = verity(&[path, &["--help"]].concat());
		assert_eq!(out.status.code(), Some(0), "{path:?}");
		let help = String::from_utf8_lossy(&out.stdout);
		let invocation = format!("verity {}", path.join(" "));
		assert!(
			help.contains("Examples:") && help.contains(&invocation),
			"{path:?}:\n{help}"
		);
	}
	let out = verity(&["--version"]);
	assert_eq!(out.status.code(), Some(0));
	assert_eq!(
		String::from_utf8_lossy(&out.stdout).trim(),
		format!("verity {}", env!("CARGO_PKG_VERSION"))
	);
	// No command: the help, as a usage error.
	let out = verity(&[]);
	assert_eq!(out.status.code(), Some(2));
	assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: verity"));
}

#[test]
fn completions_for_bash_zsh_and_fish() {
	for (shell, marker) in [
		("bash", "complete -F _verity"),
		("zsh", "#compdef verity"),
		("fish", "complete -c verity"),
	] {
		let out = verity(&["completions", shell]);
		assert_eq!(out.status.code(), Some(0), "{shell}");
		let script = String::from_utf8_lossy(&out.stdout);
		assert!(script.contains(marker), "{shell}: {script}");
		assert!(script.contains("transfer-ownership"), "{shell}");
	}
	fails_with_2(&verity(&["completions", "tcsh"]), "invalid value 'tcsh'");
}

#[test]
fn config_precedence_is_flag_env_file_default() {
	let dir = tempfile::tempdir().unwrap();
	let config = dir.path().join("verity").join("config.toml");
	let key = dir.path().join("alice.suri");
	std::fs::write(&key, "//Alice\n").unwrap();
	let key_s = key.to_str().unwrap();
	let show = |env: &[(&str, &str)], extra: &[&str]| {
		json(&verity_with(
			&config,
			env,
			&[&["config", "show"], extra].concat(),
		))
	};

	// Nothing anywhere: the default, and no key.
	let v = show(&[], &[]);
	assert_eq!(v["url"]["value"], "ws://127.0.0.1:9944");
	assert_eq!(v["url"]["source"], "default");
	assert_eq!(v["suri"], serde_json::Value::Null);
	assert_eq!(v["config_file"]["exists"], false);

	// `config init` writes the file; a second one needs --force.
	let init = json(&verity_with(
		&config,
		&[],
		&[
			"config",
			"init",
			"--url",
			"ws://file:1",
			"--suri-file",
			key_s,
		],
	));
	assert_eq!(init["url"], "ws://file:1");
	let text = std::fs::read_to_string(&config).unwrap();
	assert!(
		text.contains("ws://file:1") && text.contains("alice.suri"),
		"{text}"
	);
	assert!(
		!text.contains("//Alice"),
		"the secret stays in its file: {text}"
	);
	fails_with_2(
		&verity_with(&config, &[], &["config", "init", "--url", "ws://x:1"]),
		"--force",
	);
	fails_with_2(
		&verity_with(
			&config,
			&[],
			&["config", "init", "--suri", "//Alice", "--force"],
		),
		"does not take a secret",
	);

	let from_file = format!("config file {}", config.display());
	let v = show(&[], &[]);
	assert_eq!(v["url"]["value"], "ws://file:1");
	assert_eq!(v["url"]["source"], from_file);
	assert_eq!(v["suri"]["source"], from_file);
	assert_eq!(v["config_file"]["exists"], true);

	let v = show(
		&[("VERITY_URL", "ws://env:2"), ("VERITY_SURI", "//Bob")],
		&[],
	);
	assert_eq!(v["url"]["value"], "ws://env:2");
	assert_eq!(v["url"]["source"], "env $VERITY_URL");
	assert_eq!(v["suri"]["source"], "env $VERITY_SURI");

	let v = show(
		&[("VERITY_URL", "ws://env:2"), ("VERITY_SURI", "//Bob")],
		&["--url", "ws://flag:3", "--suri-file", key_s],
	);
	assert_eq!(v["url"]["value"], "ws://flag:3");
	assert_eq!(v["url"]["source"], "flag --url");
	assert_eq!(v["suri"]["source"], "flag --suri-file");

	// Never a secret, whatever its source.
	let out = verity_with(
		&config,
		&[("VERITY_SURI", "//Bob")],
		&[
			"config",
			"show",
			"--suri",
			"bottom drive obey lake curtain smoke basket hold race lonely fit walk",
		],
	);
	let text = String::from_utf8_lossy(&out.stdout);
	assert!(
		out.status.success() && !text.contains("curtain") && !text.contains("//Bob"),
		"{text}"
	);
}

#[test]
fn suri_file_is_read_and_checked_before_connecting() {
	let dir = tempfile::tempdir().unwrap();
	let config = dir.path().join("config.toml");
	let key = dir.path().join("key");
	let key_s = key.to_str().unwrap();
	// Nothing listens on port 1: a valid key gets as far as connecting.
	let account = |extra: &[&str]| {
		verity_with(
			&config,
			&[],
			&[&["account", "--url", "ws://127.0.0.1:1"], extra].concat(),
		)
	};
	std::fs::write(&key, "  //Alice\n").unwrap();
	fails_with_2(&account(&["--suri-file", key_s]), "cannot connect");
	std::fs::write(&key, "not a key\n").unwrap();
	fails_with_2(&account(&["--suri-file", key_s]), "--suri: ");
	std::fs::write(&key, "\n").unwrap();
	fails_with_2(&account(&["--suri-file", key_s]), "is empty");
	fails_with_2(
		&account(&["--suri-file", "/nonexistent/key"]),
		"--suri-file /nonexistent/key",
	);
	fails_with_2(&account(&[]), "missing --suri");
	fails_with_2(
		&account(&["--suri", "//Alice", "--suri-file", key_s]),
		"cannot be used with",
	);
}

#[test]
fn tables_on_a_terminal_json_otherwise() {
	let dir = tempfile::tempdir().unwrap();
	let config = dir.path().join("config.toml");
	// Piped: JSON.
	json(&verity_with(&config, &[], &["config", "show"]));
	// On a terminal (script(1) gives it a pseudo-terminal): a table, unless
	// --json.
	let on_tty = |args: &str| {
		let out = Command::new("script")
			.args([
				"-qec",
				&format!("{} {args}", env!("CARGO_BIN_EXE_verity")),
				"/dev/null",
			])
			.env("VERITY_CONFIG", &config)
			.env_remove("VERITY_URL")
			.env_remove("VERITY_SURI")
			.output();
		match out {
			Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
			Err(_) => None,
		}
	};
	let Some(table) = on_tty("config show") else {
		eprintln!("no script(1) here: skipping the terminal half");
		return;
	};
	assert!(table.contains('│') && table.contains("setting"), "{table}");
	assert!(
		table.contains("ws://127.0.0.1:9944") && table.contains("default"),
		"{table}"
	);
	assert!(serde_json::from_str::<serde_json::Value>(&table).is_err());
	let forced = on_tty("config show --json").unwrap();
	let v: serde_json::Value = serde_json::from_str(forced.trim()).unwrap();
	assert_eq!(v["url"]["source"], "default");
}
