//! One model's proof split across executors, on the four-validator `local`
//! network with every validator an executor (`--executor`; test-sized key
//! ceremonies from the development SRS, see
//! `verity_tests::local_dev_srs_test_spec`):
//!
//! 1. Alice registers `mlp_digits8` cut into two slices (`verity model
//!    register --slices 2`): each slice is a circuit of its own with its own
//!    key ceremony, which the four validators' nodes run in turn; the
//!    version itself has none.
//! 2. The validators bond; Eve sends `Zk` requests. Each request opens one
//!    request per slice, drawn like any; each slice's executor runs the
//!    slices before its own in fixed point on the request's input, proves
//!    its slice, and submits it with the commitments of the tensors entering
//!    and leaving it (`Inference::submit_slice_result`).
//! 3. Every result is stored verified once both slices are proved and their
//!    commitments chain, and equals the whole model's fixed-point output the
//!    CLI computes locally (each slice's executor is paid its share: the
//!    pallet's unit tests check the split).
//!
//! A wrong boundary commitment and a slice proved on another tensor are the
//! pallet's unit tests, with real slice proofs (pallets/inference/src/tests.rs,
//! "Sliced versions"), and the verifier's (zk-circuits/tests/slices.rs).

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use verity_tests::cli::{cli_binary, Cli, ExampleModel};
use verity_tests::{start_local_dev_srs_network, wait_for, LOCAL_VALIDATORS};

/// Zk requests Eve sends.
const REQUESTS: usize = 4;

#[tokio::test(flavor = "multi_thread")]
async fn a_sliced_model_is_proved_by_several_executors_and_verified() -> Result<()> {
	let nodes = start_local_dev_srs_network(&["--executor"]).await?;
	let cli = Cli::new(cli_binary(), nodes[0].ws_url())?;

	// --- Registered in two slices, each with its key ceremony.
	let example = ExampleModel::new("mlp_digits8");
	let reg = cli.register(
		&example,
		"sliced",
		"1.0.0",
		&["--out", "sliced", "--slices", "2"],
	)?;
	let id = reg["model_id"].as_u64().context("model_id")?;
	ensure!(
		reg["status"] == "final",
		"every slice's key is final: {reg}"
	);
	let slices = reg["slices"].as_array().context("slices")?;
	ensure!(slices.len() == 2, "{reg}");
	for (i, slice) in slices.iter().enumerate() {
		let slice_id = slice["model_id"].as_u64().context("slice id")?;
		ensure!(
			slice_id == id + 1 + i as u64,
			"slices take the ids after the version's: {reg}"
		);
		let key = cli.wait_for_key(slice_id, Duration::from_secs(60))?;
		ensure!(
			slice["proving_key_hash"] == key["final_proving_key_hash"],
			"slice {i}: {slice} / {key}"
		);
	}
	// The files of both slices were uploaded beside the model's.
	let uploaded: Vec<&str> = reg["uploaded"]
		.as_array()
		.context("uploaded")?
		.iter()
		.filter_map(|u| u["file"].as_str())
		.collect();
	ensure!(
		uploaded
			== [
				"model.onnx",
				"model.qmodel",
				"slice-0.qmodel",
				"slice-1.qmodel"
			],
		"{reg}"
	);
	let expected = cli.local_output(
		&cli.work.path().join("sliced").join("model.qmodel"),
		&example.sample,
	)?;

	// --- The validators bond; Eve's requests are proved slice by slice.
	for who in LOCAL_VALIDATORS {
		let suri = format!("//{}{}", who[..1].to_uppercase(), &who[1..]);
		cli.json(&["executor", "register", "--suri", &suri])?;
	}
	let mut requests = Vec::new();
	for _ in 0..REQUESTS {
		let out = cli.infer(id, &example.sample, "zk", "//Eve", None)?;
		requests.push(out["request_id"].as_u64().context("request_id")?);
	}
	for request in &requests {
		let id = request.to_string();
		let result = wait_for(
			&format!("request {id}'s result"),
			Duration::from_secs(180),
			|| async {
				let r = cli.json(&["result", &id])?;
				Ok((r["status"] != "pending").then_some(r))
			},
		)
		.await?;
		ensure!(result["status"] == "verified", "request {id}: {result}");
		ensure!(
			result["output"] == expected,
			"request {id}: output {} != the whole model's fixed-point output {expected}",
			result["output"]
		);
	}
	Ok(())
}
