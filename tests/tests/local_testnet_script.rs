//! `scripts/local-testnet` starts four validators that finalize together,
//! run phase 1 of the setup ceremony of the committed spec (3·2^16 points;
//! the script says how to follow it), and stops all of them on SIGTERM, also
//! while a node is busy contributing.

use std::{
	io::{BufRead, BufReader},
	os::unix::process::CommandExt,
	path::Path,
	process::{Command, Stdio},
	sync::mpsc,
	time::Duration,
};

use anyhow::{Context, Result};
use jsonrpsee::ws_client::WsClientBuilder;
use verity_tests::{free_port_range, node_binary, rpc, wait_for};

/// Kills the script's whole process group if the test fails half-way.
struct ProcessGroup(i32);

impl Drop for ProcessGroup {
	fn drop(&mut self) {
		// SAFETY: signalling a process group we created has no memory effects.
		unsafe { libc::kill(-self.0, libc::SIGKILL) };
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn local_testnet_script_runs_and_stops_cleanly() -> Result<()> {
	let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	let data = tempfile::tempdir()?;
	let (p2p, rpc_base, prom) = (free_port_range(4), free_port_range(4), free_port_range(4));
	let mut script = Command::new("bash")
		.arg(root.join("scripts/local-testnet"))
		.env("VERITY_SKIP_BUILD", "1")
		.env("VERITY_NODE_BIN", node_binary())
		.env("VERITY_LOCAL_DIR", data.path())
		.env("VERITY_P2P_PORT", p2p.to_string())
		.env("VERITY_RPC_PORT", rpc_base.to_string())
		.env("VERITY_PROM_PORT", prom.to_string())
		.stdout(Stdio::piped())
		.stderr(Stdio::inherit())
		.process_group(0)
		.spawn()
		.context("starting scripts/local-testnet")?;
	let _group = ProcessGroup(script.id() as i32);

	// The script prints one line per validator with its RPC endpoint.
	let (tx, rx) = mpsc::channel();
	let stdout = script.stdout.take().unwrap();
	std::thread::spawn(move || {
		for line in BufReader::new(stdout).lines().map_while(Result::ok) {
			println!("local-testnet: {line}");
			let _ = tx.send(line);
		}
	});
	let mut urls = Vec::new();
	while urls.len() < 4 {
		let line = rx
			.recv_timeout(Duration::from_secs(60))
			.context("script printed no RPC port")?;
		if let Some(url) = line.split_whitespace().find(|w| w.starts_with("ws://")) {
			urls.push(url.to_string());
		}
	}
	let expected: Vec<String> = (0..4)
		.map(|i| format!("ws://127.0.0.1:{}", rpc_base + i))
		.collect();
	assert_eq!(urls, expected);
	// Then how to follow the setup ceremony.
	let hint = format!("ceremony status --url {}", expected[0]);
	loop {
		let line = rx
			.recv_timeout(Duration::from_secs(10))
			.with_context(|| format!("script printed no '{hint}'"))?;
		if line.contains(&hint) {
			break;
		}
	}

	// All four finalize the same block.
	let mut hashes = Vec::new();
	for url in &urls {
		let client = wait_for(
			&format!("RPC at {url}"),
			Duration::from_secs(60),
			|| async { Ok(WsClientBuilder::default().build(url).await.ok()) },
		)
		.await?;
		wait_for(
			&format!("{url} to finalize #2"),
			Duration::from_secs(180),
			|| async { Ok((rpc::finalized_head(&client).await?.0 >= 2).then_some(())) },
		)
		.await?;
		hashes.push(rpc::block_hash(&client, 2).await?);
		// Phase 1 of the committed spec's ceremony: a 3·2^16-point SRS, not
		// final yet (it takes far longer than this test).
		let srs = rpc::srs_phase(&client).await?;
		assert!(
			srs.is_some_and(|(size, phase)| size == 3 << 16 && phase < 3),
			"{url}: {srs:?}"
		);
	}
	assert!(
		hashes.iter().all(|h| h.is_some() && h == &hashes[0]),
		"validators disagree: {hashes:?}"
	);

	// Alice's node is computing its phase-1 contribution (minutes at this
	// size)...
	let alice_log = data.path().join("alice/node.log");
	let log = || std::fs::read_to_string(&alice_log).unwrap_or_default();
	wait_for(
		"Alice's node to start its phase-1 contribution",
		Duration::from_secs(120),
		|| async {
			Ok(log()
				.contains("phase 1: contributing to the SRS")
				.then_some(()))
		},
	)
	.await?;
	assert!(!log().contains("phase 1: contributed in"), "{}", log());

	// ...when SIGTERM stops the script and every validator.
	// SAFETY: signalling our own child process.
	unsafe { libc::kill(script.id() as i32, libc::SIGTERM) };
	let status = wait_for("the script to exit", Duration::from_secs(60), || {
		let status = script.try_wait();
		async move { Ok(status?) }
	})
	.await?;
	assert!(status.success(), "script exited with {status}");
	for url in &urls {
		assert!(
			WsClientBuilder::default().build(url).await.is_err(),
			"{url} still answers after stop"
		);
	}
	Ok(())
}
