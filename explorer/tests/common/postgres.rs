//! A throwaway PostgreSQL server for the explorer's tests: `initdb` into a
//! temporary directory, `pg_ctl start` on a free port (TCP on 127.0.0.1, the
//! unix socket in the same directory), one database `explorer`, and
//! `pg_ctl stop` plus removal of the directory on drop.
//!
//! The binaries are looked up in `$VERITY_PG_BIN`, then on `PATH`, then in
//! Debian's `/usr/lib/postgresql/<version>/bin` (package `postgresql`, which
//! `scripts/setup` installs). PostgreSQL refuses to run as root: when the
//! tests run as root, the server runs as the unprivileged `postgres` user (or
//! `nobody`) through `runuser`, owning the temporary directory.
//!
//! Without the binaries, [`Postgres::start`] fails under CI (`CI` set to
//! anything but `false`/`0`) and returns `None` with a loud message otherwise.

use std::{
	path::{Path, PathBuf},
	process::{Command, Output},
};

use anyhow::{bail, ensure, Context, Result};
use verity_tests::free_port;

/// A running PostgreSQL server with an `explorer` database.
pub struct Postgres {
	dir: tempfile::TempDir,
	bin: PathBuf,
	user: Option<String>,
	/// TCP port on 127.0.0.1.
	pub port: u16,
	stopped: bool,
}

/// Whether the tests run under CI, where a missing PostgreSQL is a failure.
pub fn under_ci() -> bool {
	std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The directory holding `initdb`, `pg_ctl` and `createdb`, if any.
pub fn find_bin_dir() -> Option<PathBuf> {
	let has_all = |d: &Path| {
		["initdb", "pg_ctl", "createdb"]
			.iter()
			.all(|b| d.join(b).is_file())
	};
	if let Some(dir) = std::env::var_os("VERITY_PG_BIN") {
		return Some(PathBuf::from(dir)).filter(|d| has_all(d));
	}
	if let Some(path) = std::env::var_os("PATH") {
		for dir in std::env::split_paths(&path) {
			if has_all(&dir) {
				// Follow symlinks (/usr/local/bin/initdb → the versioned dir) so
				// that every tool comes from the same installation.
				let real = std::fs::canonicalize(dir.join("initdb")).ok()?;
				let real_dir = real.parent()?.to_path_buf();
				return Some(if has_all(&real_dir) { real_dir } else { dir });
			}
		}
	}
	let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
		.ok()?
		.flatten()
		.filter_map(|e| {
			let v = e.file_name().to_str()?.parse().ok()?;
			Some((v, e.path().join("bin")))
		})
		.filter(|(_, d)| has_all(d))
		.collect();
	versions.sort();
	versions.pop().map(|(_, d)| d)
}

/// The unprivileged user to run the server as when we are root.
fn server_user() -> Result<Option<String>> {
	// SAFETY: getuid has no preconditions.
	if unsafe { libc::getuid() } != 0 {
		return Ok(None);
	}
	for user in ["postgres", "nobody"] {
		let known = Command::new("id")
			.arg("-u")
			.arg(user)
			.output()
			.is_ok_and(|o| o.status.success());
		if known {
			return Ok(Some(user.to_string()));
		}
	}
	bail!(
		"running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL as"
	)
}

fn check(what: &str, out: Output) -> Result<()> {
	ensure!(
		out.status.success(),
		"{what} failed ({}):\n{}{}",
		out.status,
		String::from_utf8_lossy(&out.stdout),
		String::from_utf8_lossy(&out.stderr)
	);
	Ok(())
}

impl Postgres {
	/// Starts a server, or returns `None` (outside CI only) when PostgreSQL
	/// is not installed.
	pub fn start() -> Result<Option<Self>> {
		let Some(bin) = find_bin_dir() else {
			let msg = "PostgreSQL is not installed (no initdb/pg_ctl/createdb in $VERITY_PG_BIN, \
				on PATH or in /usr/lib/postgresql/*/bin; scripts/setup installs the Debian \
				package `postgresql`)";
			if under_ci() {
				bail!("{msg}: the PostgreSQL tests cannot run under CI");
			}
			eprintln!("\n!!!!! SKIPPING the PostgreSQL variant of this test: {msg} !!!!!\n");
			return Ok(None);
		};
		let user = server_user()?;
		let dir = tempfile::Builder::new().prefix("verity-pg-").tempdir()?;
		if let Some(user) = &user {
			check(
				"chown of the PostgreSQL directory",
				Command::new("chown").arg(user).arg(dir.path()).output()?,
			)?;
		}
		let mut pg = Postgres {
			dir,
			bin,
			user,
			port: free_port(),
			stopped: true,
		};
		let data = pg.data_dir();
		check(
			"initdb",
			pg.tool("initdb")
				.arg("-D")
				.arg(&data)
				.args(["-U", "verity", "--auth=trust", "-E", "UTF8", "--no-sync"])
				.output()
				.context("running initdb")?,
		)?;
		let options = format!(
			"-p {} -h 127.0.0.1 -k {} -F -c max_connections=100",
			pg.port,
			pg.dir.path().display()
		);
		let log = pg.dir.path().join("server.log");
		let started = pg
			.tool("pg_ctl")
			.arg("-D")
			.arg(&data)
			.arg("-l")
			.arg(&log)
			.args(["-w", "-t", "60", "-o", &options, "start"])
			.output()
			.context("running pg_ctl start")?;
		if !started.status.success() {
			bail!(
				"pg_ctl start failed ({}):\n{}{}\nserver log:\n{}",
				started.status,
				String::from_utf8_lossy(&started.stdout),
				String::from_utf8_lossy(&started.stderr),
				std::fs::read_to_string(&log).unwrap_or_default()
			);
		}
		pg.stopped = false;
		check(
			"createdb",
			pg.tool("createdb")
				.args([
					"-h",
					"127.0.0.1",
					"-p",
					&pg.port.to_string(),
					"-U",
					"verity",
					"explorer",
				])
				.output()
				.context("running createdb")?,
		)?;
		Ok(Some(pg))
	}

	/// `postgres://verity@127.0.0.1:<port>/explorer`.
	pub fn url(&self) -> String {
		format!("postgres://verity@127.0.0.1:{}/explorer", self.port)
	}

	fn data_dir(&self) -> PathBuf {
		self.dir.path().join("data")
	}

	/// A PostgreSQL tool, run as the server's user when we are root.
	fn tool(&self, name: &str) -> Command {
		let path = self.bin.join(name);
		match &self.user {
			Some(user) => {
				let mut cmd = Command::new("runuser");
				cmd.args(["-u", user, "--"]).arg(path);
				cmd
			}
			None => Command::new(path),
		}
	}

	/// Stops the server (immediate shutdown: the data is thrown away).
	pub fn stop(&mut self) {
		if self.stopped {
			return;
		}
		self.stopped = true;
		let out = self
			.tool("pg_ctl")
			.arg("-D")
			.arg(self.data_dir())
			.args(["-m", "immediate", "-w", "stop"])
			.output();
		if !out.as_ref().is_ok_and(|o| o.status.success()) {
			eprintln!("pg_ctl stop failed: {out:?}");
		}
	}
}

impl Drop for Postgres {
	fn drop(&mut self) {
		self.stop();
	}
}
