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
	fails_with_2(&verity(&["model", "run", &onnx]), "missing --input");
	fails_with_2(&verity(&["model", "frobnicate"]), "unknown model command");
	fails_with_2(&verity(&["nope"]), "unknown command");
	std::fs::remove_dir_all(&dir).ok();
}
