//! `verity-explorer`: index a Verity node and serve the block explorer.

use std::{net::SocketAddr, path::PathBuf};

use anyhow::Result;
use clap::Parser;
use verity_explorer::{Config, IndexerConfig};

/// Verity block explorer: indexes a node into SQLite or PostgreSQL and serves
/// a web UI and JSON API.
#[derive(Parser, Debug)]
#[command(version)]
struct Cli {
	/// Node WebSocket JSON-RPC endpoint.
	#[arg(
		long,
		env = "VERITY_EXPLORER_NODE",
		default_value = "ws://127.0.0.1:9944"
	)]
	node: String,
	/// Database URL: `sqlite://FILE` or `postgres://USER@HOST/DB`. Default: a
	/// SQLite file `explorer.db` in --data-dir.
	#[arg(long, env = "VERITY_EXPLORER_DATABASE")]
	database: Option<String>,
	/// Directory for the default SQLite database.
	#[arg(
		long,
		env = "VERITY_EXPLORER_DATA_DIR",
		default_value = ".verity/explorer"
	)]
	data_dir: PathBuf,
	/// Web server address.
	#[arg(long, env = "VERITY_EXPLORER_LISTEN", default_value = "127.0.0.1:8080")]
	listen: SocketAddr,
	/// Only serve what the database holds; do not index.
	#[arg(long)]
	no_index: bool,
	/// Blocks written per database transaction.
	#[arg(long, default_value_t = 256)]
	batch: usize,
	/// Blocks fetched from the node concurrently.
	#[arg(long, default_value_t = 64)]
	concurrency: usize,
}

#[tokio::main]
async fn main() -> Result<()> {
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| "info,sqlx=warn".into()),
		)
		.init();
	let cli = Cli::parse();
	let database_url = match cli.database {
		Some(url) => url,
		None => {
			std::fs::create_dir_all(&cli.data_dir)?;
			format!("sqlite://{}", cli.data_dir.join("explorer.db").display())
		}
	};
	let config = Config {
		node_url: cli.node,
		database_url,
		listen: cli.listen,
		index: !cli.no_index,
		indexer: IndexerConfig {
			batch: cli.batch.max(1),
			concurrency: cli.concurrency.max(1),
		},
	};
	tokio::select! {
		r = verity_explorer::run(config) => r,
		_ = shutdown_signal() => Ok(()),
	}
}

async fn shutdown_signal() {
	let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
		.expect("installing a SIGTERM handler");
	tokio::select! {
		_ = tokio::signal::ctrl_c() => {}
		_ = term.recv() => {}
	}
}
