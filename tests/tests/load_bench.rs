//! `verity bench load` against a dev node that serves its own requests (the
//! model registered with `verity model register`, which waits until the
//! node's ceremony task has made its key): every request it sends is
//! counted, verified and has a latency; a model that does not exist is
//! refused before anything is sent.

use anyhow::{ensure, Result};
use verity_tests::cli::{cli_binary, path, Cli, ExampleModel};
use verity_tests::{Node, NodeConfig};

#[tokio::test(flavor = "multi_thread")]
async fn load_generator_counts_every_request_and_its_latency() -> Result<()> {
	let mut config = NodeConfig::dev();
	config.name = "load".into();
	config.extra_args.push("--executor".into());
	let node = Node::start(config).await?;
	let cli = Cli::new(cli_binary(), node.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let registered = cli.register(&example, "digits8", "1.0.0", &[])?;
	ensure!(registered["status"] == "final", "{registered}");
	cli.json(&["executor", "register", "--suri", "//Alice"])?;

	let report = cli.json(&[
		"bench",
		"load",
		"0",
		"--input",
		path(&example.sample),
		"--rate",
		"2",
		"--duration",
		"5",
		"--drain",
		"90",
		"--json",
	])?;
	let n = |key: &str| report[key].as_u64().unwrap_or(u64::MAX);
	// 2 requests/s for 5 s from two accounts: ticks at 0, 0.5, ... 4.5 s (a
	// tick delayed past 5 s on a busy machine is not sent).
	let sent = n("sent");
	ensure!((9..=10).contains(&sent), "{report:#}");
	ensure!(n("in_block") == sent, "{report:#}");
	ensure!(n("verified") == sent, "{report:#}");
	ensure!(
		n("unverified") + n("unfinished") + n("failed_to_submit") + n("expired") == 0,
		"{report:#}"
	);
	let latency = &report["latency_seconds"];
	ensure!(latency["count"].as_u64() == Some(sent), "{report:#}");
	let (p50, max) = (
		latency["p50"].as_f64().unwrap(),
		latency["max"].as_f64().unwrap(),
	);
	// A result needs at least the request's block and its own (3 s slots).
	ensure!(p50 > 0.0 && p50 <= max, "{report:#}");
	let inclusion = report["inclusion_seconds"]["p50"].as_f64().unwrap();
	ensure!(inclusion < p50, "{report:#}");
	ensure!(
		report["results_per_block"]["max"].as_u64().unwrap() >= 1,
		"{report:#}"
	);

	cli.fails(
		&[
			"bench",
			"load",
			"7",
			"--input",
			path(&example.sample),
			"--duration",
			"1",
		],
		"unknown model id 7",
	);
	Ok(())
}
