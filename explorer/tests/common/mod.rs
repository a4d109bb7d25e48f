//! Shared parts of the explorer's end-to-end tests: a database per test
//! (a SQLite file or a throwaway PostgreSQL server, [`TestDb`]), a real
//! `verity-explorer` process on a free port, a tiny HTTP client, and headless
//! Chromium driven through chromedriver (Debian's `chromium` and
//! `chromium-driver`).

#![allow(dead_code)]

pub mod postgres;

use std::{
	fs::File,
	os::unix::process::CommandExt,
	path::PathBuf,
	process::{Child, Command, Stdio},
	time::Duration,
};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use verity_tests::{free_port, wait_for};

/// The database an explorer test runs against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
	/// A SQLite file in a temporary directory (the explorer's default).
	Sqlite,
	/// A throwaway PostgreSQL server ([`postgres::Postgres`]).
	Postgres,
}

/// One test's database: its URL, a scratch directory (SQLite file, logs) and
/// the PostgreSQL server behind it, stopped on drop.
pub struct TestDb {
	/// `sqlite://…/explorer.db` or `postgres://…/explorer`.
	pub url: String,
	/// Scratch directory for the SQLite file and the explorer's logs.
	pub dir: tempfile::TempDir,
	server: Option<postgres::Postgres>,
}

impl TestDb {
	/// A fresh, empty database; `None` when the backend is PostgreSQL and it
	/// is not installed outside CI (the caller skips the test, loudly).
	pub fn new(backend: Backend) -> Result<Option<Self>> {
		let dir = tempfile::tempdir()?;
		match backend {
			Backend::Sqlite => Ok(Some(Self {
				url: format!("sqlite://{}", dir.path().join("explorer.db").display()),
				dir,
				server: None,
			})),
			Backend::Postgres => Ok(postgres::Postgres::start()?.map(|server| Self {
				url: server.url(),
				dir,
				server: Some(server),
			})),
		}
	}

	/// Whether this is PostgreSQL.
	pub fn is_postgres(&self) -> bool {
		self.server.is_some()
	}
}

/// A running `verity-explorer` process.
pub struct Explorer {
	child: Option<Child>,
	pub port: u16,
	log: PathBuf,
}

impl Explorer {
	/// Starts the explorer indexing `node_url` into `db` and waits until its
	/// web server answers.
	pub async fn start(node_url: &str, db: &TestDb) -> Result<Self> {
		let port = free_port();
		let log = db.dir.path().join(format!("explorer-{port}.log"));
		let out = File::create(&log)?;
		let child = Command::new(env!("CARGO_BIN_EXE_verity-explorer"))
			.args(["--node", node_url])
			.args(["--database", &db.url])
			.args(["--listen", &format!("127.0.0.1:{port}")])
			.env("RUST_LOG", "info,sqlx=warn")
			.stdin(Stdio::null())
			.stdout(out.try_clone()?)
			.stderr(out)
			.spawn()
			.context("starting verity-explorer")?;
		let explorer = Self {
			child: Some(child),
			port,
			log,
		};
		wait_for("explorer web server", Duration::from_secs(30), || async {
			Ok(explorer.get("/api/status").await.ok().map(|_| ()))
		})
		.await?;
		Ok(explorer)
	}

	/// `http://127.0.0.1:<port>`.
	pub fn url(&self) -> String {
		format!("http://127.0.0.1:{}", self.port)
	}

	/// GET `path`: (status, body).
	pub async fn get(&self, path: &str) -> Result<(u16, String)> {
		http_get(self.port, path).await
	}

	/// GET `path` as JSON, failing on a non-200 status.
	pub async fn json(&self, path: &str) -> Result<Value> {
		let (status, body) = self.get(path).await?;
		if status != 200 {
			bail!("GET {path}: {status} {body}");
		}
		Ok(serde_json::from_str(&body)?)
	}

	/// Waits until the explorer has indexed block `number`.
	pub async fn wait_indexed(&self, number: i64) -> Result<Value> {
		wait_for(
			&format!("explorer to index #{number}"),
			Duration::from_secs(90),
			|| async {
				let s = self.json("/api/status").await?;
				Ok((s["best_indexed"].as_i64().unwrap_or(-1) >= number).then_some(s))
			},
		)
		.await
	}

	/// Stops the process (SIGTERM, then SIGKILL).
	pub fn stop(&mut self) {
		if let Some(mut child) = self.child.take() {
			// SAFETY: signalling a child we own.
			unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
			for _ in 0..100 {
				if let Ok(Some(_)) = child.try_wait() {
					return;
				}
				std::thread::sleep(Duration::from_millis(50));
			}
			let _ = child.kill();
			let _ = child.wait();
		}
	}

	/// The explorer's log.
	pub fn log(&self) -> String {
		std::fs::read_to_string(&self.log).unwrap_or_default()
	}
}

impl Drop for Explorer {
	fn drop(&mut self) {
		if std::thread::panicking() {
			let log = self.log();
			let tail: Vec<&str> = log.lines().rev().take(40).collect();
			eprintln!(
				"----- last explorer log lines -----\n{}",
				tail.into_iter().rev().collect::<Vec<_>>().join("\n")
			);
		}
		self.stop();
	}
}

/// A minimal HTTP/1.0 GET (no chunked bodies to decode).
pub async fn http_get(port: u16, path: &str) -> Result<(u16, String)> {
	let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
	stream
		.write_all(format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes())
		.await?;
	let mut buf = Vec::new();
	tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut buf)).await??;
	let text = String::from_utf8_lossy(&buf);
	let (head, body) = text
		.split_once("\r\n\r\n")
		.ok_or_else(|| anyhow!("bad HTTP response"))?;
	let status = head
		.split_whitespace()
		.nth(1)
		.and_then(|s| s.parse().ok())
		.ok_or_else(|| anyhow!("bad status line {head}"))?;
	Ok((status, body.to_string()))
}

/// Headless Chromium behind a chromedriver process.
pub struct Browser {
	driver: Child,
	pub client: fantoccini::Client,
}

impl Browser {
	/// Starts `/usr/bin/chromedriver` on a free port and opens a headless session.
	pub async fn start() -> Result<Self> {
		let port = free_port();
		// Its own process group, so that dropping it also ends the Chromium
		// processes it started, even when a test fails before closing the session.
		let driver = Command::new("/usr/bin/chromedriver")
			.arg(format!("--port={port}"))
			.process_group(0)
			.stdin(Stdio::null())
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.context("starting /usr/bin/chromedriver (Debian package chromium-driver; scripts/setup installs it)")?;
		let mut caps = serde_json::Map::new();
		caps.insert(
			"goog:chromeOptions".into(),
			serde_json::json!({
				"binary": "/usr/bin/chromium",
				"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"],
			}),
		);
		let url = format!("http://127.0.0.1:{port}");
		let client = wait_for("chromedriver session", Duration::from_secs(30), || {
			let caps = caps.clone();
			let url = url.clone();
			async move {
				let connector = hyper_util::client::legacy::connect::HttpConnector::new();
				Ok(fantoccini::ClientBuilder::new(connector)
					.capabilities(caps)
					.connect(&url)
					.await
					.ok())
			}
		})
		.await?;
		Ok(Self { driver, client })
	}
}

impl Browser {
	/// Ends the browser session.
	pub async fn close(self) -> Result<()> {
		self.client.clone().close().await?;
		Ok(())
	}
}

impl Drop for Browser {
	fn drop(&mut self) {
		// SAFETY: signalling the process group of a child we own.
		unsafe { libc::kill(-(self.driver.id() as libc::pid_t), libc::SIGKILL) };
		let _ = self.driver.wait();
	}
}
