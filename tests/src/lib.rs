//! # Verity end-to-end test harness
//!
//! Starts real `verity-node` processes on loopback, each with its own
//! temporary base path and free ports, and talks to them over JSON-RPC.
//! Every process is killed when its [`Node`] is dropped, also when a test
//! fails; a failing test prints the tail of every node's log.
//!
//! The node binary is `$VERITY_NODE_BIN`, or `verity-node` in the release dir of
//! `$CARGO_TARGET_DIR` (or `./target`). `scripts/test` builds it first.

use std::{
	fs::File,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use anyhow::{anyhow, bail, Context, Result};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;

pub mod cli;
pub mod rpc;

/// Path of the `verity-node` binary under test.
pub fn node_binary() -> PathBuf {
	if let Some(bin) = std::env::var_os("VERITY_NODE_BIN") {
		return bin.into();
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
	target.join("release/verity-node")
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|l| l.local_addr())
		.map(|a| a.port())
		.expect("the OS hands out an ephemeral port")
}

/// The first of `n` consecutive TCP ports on 127.0.0.1 that were free a moment ago.
pub fn free_port_range(n: u16) -> u16 {
	loop {
		let first = free_port();
		if first.checked_add(n).is_none() {
			continue;
		}
		if (1..n).all(|i| TcpListener::bind(("127.0.0.1", first + i)).is_ok()) {
			return first;
		}
	}
}

/// How a node is started.
#[derive(Clone, Debug)]
pub struct NodeConfig {
	/// Display name, also used for the log file.
	pub name: String,
	/// `--chain` argument: `dev`, `local` or a path.
	pub chain: String,
	/// Development key to validate with (`alice`, `bob`, ...), if a validator.
	pub validator_key: Option<String>,
	/// Fixed libp2p node key (hex), so restarts keep the same peer id.
	pub node_key: Option<String>,
	/// Multiaddrs of nodes to connect to at start.
	pub bootnodes: Vec<String>,
	/// Further command-line arguments.
	pub extra_args: Vec<String>,
}

impl NodeConfig {
	/// A single-validator development node (Alice).
	pub fn dev() -> Self {
		Self {
			name: "dev".into(),
			chain: "dev".into(),
			validator_key: Some("alice".into()),
			node_key: Some(hex_node_key(0xde)),
			bootnodes: vec![],
			extra_args: vec!["--force-authoring".into()],
		}
	}

	/// Validator `key` (e.g. `bob`) of the four-validator `local` chain, with
	/// the test-sized ceremony from the development SRS
	/// ([`local_dev_srs_test_spec`]).
	pub fn local_validator(key: &str, node_key_seed: u8) -> Self {
		Self {
			name: key.into(),
			chain: local_dev_srs_test_spec().to_string_lossy().into_owned(),
			validator_key: Some(key.into()),
			node_key: Some(hex_node_key(node_key_seed)),
			bootnodes: vec![],
			extra_args: vec![],
		}
	}
}

/// A deterministic ed25519 libp2p secret key for tests: 32 bytes of `seed`.
pub fn hex_node_key(seed: u8) -> String {
	format!("{:02x}", seed).repeat(32)
}

/// A running `verity-node` process.
pub struct Node {
	config: NodeConfig,
	child: Option<Child>,
	/// Kept alive for the node's lifetime; removed on drop.
	base_dir: tempfile::TempDir,
	/// JSON-RPC (HTTP and WebSocket) port.
	pub rpc_port: u16,
	/// libp2p port.
	pub p2p_port: u16,
}

impl Node {
	/// Starts a node and waits until its RPC server answers. Node tests run
	/// beside each other, so a port found free can be taken before the node
	/// binds it: then the node starts again on other ports (twice at most).
	pub async fn start(config: NodeConfig) -> Result<Node> {
		let base_dir = tempfile::Builder::new()
			.prefix(&format!("verity-{}-", config.name))
			.tempdir()?;
		let mut node = Node {
			config,
			child: None,
			base_dir,
			rpc_port: free_port(),
			p2p_port: free_port(),
		};
		let mut attempt = 0;
		loop {
			node.spawn()?;
			match node.wait_for_rpc().await {
				Ok(()) => return Ok(node),
				Err(e) if attempt < 2 && e.to_string().contains("Address already in use") => {
					attempt += 1;
					node.rpc_port = free_port();
					node.p2p_port = free_port();
				}
				Err(e) => return Err(e),
			}
		}
	}

	fn log_path(&self) -> PathBuf {
		self.base_dir.path().join("node.log")
	}

	fn spawn(&mut self) -> Result<()> {
		let bin = node_binary();
		if !bin.exists() {
			bail!(
				"{} does not exist: build it with `cargo build --release -p verity-node`",
				bin.display()
			);
		}
		let log = File::options()
			.create(true)
			.append(true)
			.open(self.log_path())?;
		let mut cmd = Command::new(&bin);
		cmd.arg("--chain")
			.arg(&self.config.chain)
			.arg("--base-path")
			.arg(self.base_dir.path().join("data"))
			.arg("--rpc-port")
			.arg(self.rpc_port.to_string())
			.arg("--listen-addr")
			.arg(format!("/ip4/127.0.0.1/tcp/{}", self.p2p_port))
			.args([
				"--no-mdns",
				"--no-prometheus",
				"--no-telemetry",
				"--rpc-max-connections",
				"100",
			])
			.args(["--name", &self.config.name]);
		if let Some(key) = &self.config.validator_key {
			cmd.arg(format!("--{key}"));
		}
		if let Some(node_key) = &self.config.node_key {
			cmd.arg("--node-key").arg(node_key);
		}
		if !self.config.bootnodes.is_empty() {
			cmd.arg("--bootnodes").args(&self.config.bootnodes);
		}
		cmd.args(&self.config.extra_args)
			.stdin(Stdio::null())
			.stdout(log.try_clone()?)
			.stderr(log);
		self.child = Some(
			cmd.spawn()
				.with_context(|| format!("starting {}", bin.display()))?,
		);
		Ok(())
	}

	async fn wait_for_rpc(&mut self) -> Result<()> {
		let deadline = Instant::now() + Duration::from_secs(60);
		loop {
			if let Some(status) = self
				.child
				.as_mut()
				.and_then(|c| c.try_wait().ok().flatten())
			{
				bail!(
					"{} exited during start-up ({status}):\n{}",
					self.config.name,
					self.log_tail(40)
				);
			}
			if let Ok(client) = self.client().await {
				if client
					.request::<Value, _>("system_health", rpc_params![])
					.await
					.is_ok()
				{
					return Ok(());
				}
			}
			if Instant::now() > deadline {
				bail!(
					"{} RPC did not come up in 60 s:\n{}",
					self.config.name,
					self.log_tail(40)
				);
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// The node's name.
	pub fn name(&self) -> &str {
		&self.config.name
	}

	/// `ws://127.0.0.1:<rpc port>`.
	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The multiaddr other nodes can use to reach this one.
	pub async fn multiaddr(&self) -> Result<String> {
		let peer_id: String = self
			.client()
			.await?
			.request("system_localPeerId", rpc_params![])
			.await?;
		Ok(format!(
			"/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}",
			self.p2p_port
		))
	}

	/// A fresh WebSocket JSON-RPC client.
	pub async fn client(&self) -> Result<WsClient> {
		WsClientBuilder::default()
			.request_timeout(Duration::from_secs(30))
			.build(self.ws_url())
			.await
			.map_err(|e| anyhow!("connecting to {}: {e}", self.ws_url()))
	}

	/// Whether the process is still running.
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.as_mut().map(|c| c.try_wait()), Some(Ok(None)))
	}

	/// Stops the node (SIGTERM, then SIGKILL after 20 s) and waits for it.
	pub fn stop(&mut self) {
		let Some(mut child) = self.child.take() else {
			return;
		};
		// SAFETY: `kill` with a pid we own and a valid signal number has no memory effects.
		unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
		let deadline = Instant::now() + Duration::from_secs(20);
		while Instant::now() < deadline {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		let _ = child.wait();
	}

	/// Starts the node again with the same data, keys and ports.
	pub async fn restart(&mut self) -> Result<()> {
		self.stop();
		self.spawn()?;
		self.wait_for_rpc().await
	}

	/// The last `lines` lines of the node's log.
	pub fn log_tail(&self, lines: usize) -> String {
		let text = std::fs::read_to_string(self.log_path()).unwrap_or_default();
		let all: Vec<&str> = text.lines().collect();
		all[all.len().saturating_sub(lines)..].join("\n")
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		if std::thread::panicking() {
			eprintln!(
				"----- last log lines of node {} -----\n{}",
				self.config.name,
				self.log_tail(60)
			);
		}
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// The SRS size of the test network: 3·2^12 points, the QAP domain of
/// `mlp_digits28` quantized to int8 (`--act-bits 8 --weight-bits 8`, as
/// `scripts/make-models` does; 11,320 constraints) and a multiple of
/// `mlp_digits8`'s 3,072. (With the default 16-bit activations
/// `mlp_digits28` needs 3·2^13.)
pub const TEST_SRS_DOMAIN: u32 = 3 << 12;

/// Blocks per contribution turn in [`local_test_spec`]. A turn ends as soon
/// as its contribution is in; 30 blocks leave room for a phase-1
/// contribution while another four-validator network shares the cores (a
/// validator once missed a 12-block turn).
pub const PHASE1_TEST_TURN: u32 = 30;
/// Blocks to check a phase-1 contribution, in every test spec.
pub const TEST_CHECK_PERIOD: u32 = 8;
/// Blocks from the last phase-1 turn to the beacon block, in every test spec.
pub const TEST_BEACON_DELAY: u32 = 2;

/// The `local` chain spec (`chain-spec/local.json`, which a test keeps equal
/// to the runtime's preset) with a test-sized setup ceremony: an SRS of
/// [`TEST_SRS_DOMAIN`] points (seconds per phase-1 contribution instead of
/// minutes), turns of [`PHASE1_TEST_TURN`] blocks, [`TEST_CHECK_PERIOD`] and
/// [`TEST_BEACON_DELAY`]. Written once per test process. For the tests of
/// phase 1 itself; the others start from [`local_dev_srs_test_spec`].
pub fn local_test_spec() -> PathBuf {
	static SPEC: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
	SPEC.get_or_init(|| write_local_spec("test", PHASE1_TEST_TURN, false))
		.clone()
}

/// [`local_test_spec`] with phase 1 already done: the insecure development
/// SRS (known secrets) of the same size, final at genesis. Phase 1 on four
/// validators takes about a minute and a half, which the tests of what
/// comes after it (key ceremonies, requests, artifacts, synchronous
/// inference) need not spend; `tests/ceremony.rs` runs it.
pub fn local_dev_srs_test_spec() -> PathBuf {
	static SPEC: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
	SPEC.get_or_init(|| write_local_spec("dev-srs", 12, true))
		.clone()
}

/// [`local_dev_srs_test_spec`] with turns of 100 blocks instead of 12, long
/// enough for the first contributor to `mlp_digits28`'s key, who computes the
/// initial key (Lagrange bases over 12,288 points: about a minute while
/// four nodes share two cores). A turn ends as soon as its contribution is
/// in: long turns cost time only when a validator misses one.
pub fn local_long_turns_test_spec() -> PathBuf {
	static SPEC: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
	SPEC.get_or_init(|| write_local_spec("long-turns", 100, true))
		.clone()
}

/// `chain-spec/local.json` with the ceremony's genesis replaced (an SRS of
/// [`TEST_SRS_DOMAIN`] points, turns of `contribution` blocks, the insecure
/// development SRS if `dev_srs`), written to a temporary file named after
/// `tag` and this process.
fn write_local_spec(tag: &str, contribution: u32, dev_srs: bool) -> PathBuf {
	let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../chain-spec/local.json");
	let mut spec: Value =
		serde_json::from_slice(&std::fs::read(&committed).expect("chain-spec/local.json"))
			.expect("a JSON chain spec");
	spec["genesis"]["runtimeGenesis"]["patch"]["ceremony"] = serde_json::json!({
		"maxDomain": TEST_SRS_DOMAIN,
		"insecureDevSrs": dev_srs,
		"contributionPeriod": contribution,
		"checkPeriod": TEST_CHECK_PERIOD,
		"beaconDelay": TEST_BEACON_DELAY,
	});
	let path = std::env::temp_dir().join(format!("verity-local-{tag}-{}.json", std::process::id()));
	std::fs::write(&path, serde_json::to_vec(&spec).expect("serializes")).expect("writes the spec");
	path
}

/// Waits until phase 1 of the setup ceremony is final on `client`'s node (on
/// the test network: every validator contributes, the others check, the
/// beacon, the seal: about a minute).
pub async fn wait_for_srs(client: &WsClient, timeout: Duration) -> Result<()> {
	wait_for("the SRS sealed", timeout, || async {
		Ok(rpc::srs_phase(client)
			.await?
			.is_some_and(|(_, phase)| phase == 3)
			.then_some(()))
	})
	.await
}

/// The validators of the `local` chain spec, in session-key order.
pub const LOCAL_VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];

/// Starts the four validators of the `local` chain spec (node keys 1..=4),
/// each with `extra_args`, bootstrapped from Alice's node, and waits until
/// Alice's node is peered with the other three and the validators have run
/// phase 1 of the setup ceremony (about a minute and a half, on the
/// [`local_test_spec`]).
pub async fn start_local_network(extra_args: &[&str]) -> Result<Vec<Node>> {
	start_local_network_on(&local_test_spec(), extra_args).await
}

/// [`start_local_network`] from the development SRS
/// ([`local_dev_srs_test_spec`]): no phase 1 to wait for.
pub async fn start_local_dev_srs_network(extra_args: &[&str]) -> Result<Vec<Node>> {
	start_local_network_on(&local_dev_srs_test_spec(), extra_args).await
}

/// [`start_local_network`] on another spec (e.g. [`local_long_turns_test_spec`]).
pub async fn start_local_network_on(spec: &Path, extra_args: &[&str]) -> Result<Vec<Node>> {
	let mut nodes: Vec<Node> = Vec::new();
	for (i, key) in LOCAL_VALIDATORS.iter().enumerate() {
		let mut config = NodeConfig::local_validator(key, i as u8 + 1);
		config.chain = spec.to_string_lossy().into_owned();
		config
			.extra_args
			.extend(extra_args.iter().map(|a| a.to_string()));
		if let Some(first) = nodes.first() {
			config.bootnodes = vec![first.multiaddr().await?];
		}
		nodes.push(Node::start(config).await?);
	}
	let alice = nodes[0].client().await?;
	wait_for(
		"every validator peered",
		Duration::from_secs(60),
		|| async { Ok((rpc::peers(&alice).await? >= 3).then_some(())) },
	)
	.await?;
	// Zk models can be registered once phase 1 of the setup ceremony is over.
	wait_for_srs(&alice, Duration::from_secs(600)).await?;
	Ok(nodes)
}

/// Polls `probe` every 500 ms until it returns `Some`, or fails after `timeout`.
pub async fn wait_for<T, F, Fut>(what: &str, timeout: Duration, mut probe: F) -> Result<T>
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Result<Option<T>>>,
{
	let deadline = Instant::now() + timeout;
	let mut last_error = None;
	loop {
		match probe().await {
			Ok(Some(value)) => return Ok(value),
			Ok(None) => {}
			Err(e) => last_error = Some(e),
		}
		if Instant::now() > deadline {
			bail!("timed out after {timeout:?} waiting for {what} (last error: {last_error:?})");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}
