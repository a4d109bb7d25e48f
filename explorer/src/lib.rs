//! # verity-explorer
//!
//! A block explorer for Verity. An [indexer](indexer) follows a node over
//! WebSocket JSON-RPC and writes blocks, extrinsics (signer, nonce, fee, call
//! and arguments decoded from the runtime's metadata, success or decoded module
//! error), events, accounts, models, inference requests and the Groth16 setup
//! [ceremony] into SQLite (default) or PostgreSQL; a [web server](web) renders
//! pages and a JSON API from the database and pushes new blocks to browsers
//! with server-sent events.

pub mod ceremony;
pub mod db;
pub mod decode;
pub mod entities;
pub mod format;
pub mod indexer;
pub mod rpc;
pub mod ss58;
pub mod web;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::{Context, Result};
use tokio::{net::TcpListener, sync::broadcast};

pub use db::Db;
pub use indexer::{Indexer, IndexerConfig, Update};

/// How to run the explorer.
#[derive(Clone, Debug)]
pub struct Config {
	/// Node WebSocket JSON-RPC URL.
	pub node_url: String,
	/// `sqlite://path` or `postgres://...`.
	pub database_url: String,
	/// Address of the web server.
	pub listen: SocketAddr,
	/// Whether to index (otherwise only serve what the database holds).
	pub index: bool,
	pub indexer: IndexerConfig,
}

/// Follows the node forever, reconnecting after failures.
pub async fn index_forever(
	node_url: String,
	db: Db,
	updates: broadcast::Sender<Update>,
	config: IndexerConfig,
) {
	let mut delay = Duration::from_millis(500);
	loop {
		let result: Result<()> = async {
			let rpc = Arc::new(rpc::Rpc::connect(&node_url).await?);
			tracing::info!("indexing {node_url}");
			delay = Duration::from_millis(500);
			Indexer::new(rpc, db.clone(), updates.clone(), config.clone())
				.run()
				.await
		}
		.await;
		if let Err(e) = result {
			tracing::warn!("indexer: {e:#}; retrying in {delay:?}");
		}
		tokio::time::sleep(delay).await;
		delay = (delay * 2).min(Duration::from_secs(10));
	}
}

/// Serves the web UI on `listener` and, if configured, indexes; runs until
/// the server fails.
pub async fn serve(config: Config, listener: TcpListener) -> Result<()> {
	let db = Db::open(&config.database_url).await?;
	let (updates, _) = broadcast::channel(1024);
	if config.index {
		tokio::spawn(index_forever(
			config.node_url.clone(),
			db.clone(),
			updates.clone(),
			config.indexer.clone(),
		));
	}
	let app = web::router(web::AppState::new(db, updates, config.node_url.clone()));
	tracing::info!("serving http://{}", listener.local_addr()?);
	axum::serve(listener, app).await.context("web server")
}

/// Binds `config.listen` and runs [`serve`].
pub async fn run(config: Config) -> Result<()> {
	let listener = TcpListener::bind(config.listen)
		.await
		.with_context(|| format!("binding {}", config.listen))?;
	serve(config, listener).await
}
