//! The node side of the inference precompile (`verity-precompile`): its model
//! source is the node's artifact store, and a prefetch task keeps the
//! artifacts of every sync-enabled model on disk before blocks call them.
//!
//! A block that calls a model this node lacks cannot be built or imported
//! here (the precompile traps, see `verity_precompile`). So the prefetcher
//! fetches from peers (over the artifact protocol) both the models the chain
//! enabled (`InferenceApi::sync_models` at every new best block) and any hash
//! the precompile reported missing; a failed fetch is retried after
//! [`RETRY_AFTER`]. Enabled models already on disk are parsed into the
//! precompile's cache here, so blocks that call them do not pay for parsing.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use futures::{channel::mpsc, StreamExt};
use pallet_inference_runtime_api::InferenceApi;
use sc_client_api::BlockchainEvents;
use sp_api::ProvideRuntimeApi;
use verity_artifacts::{ArtifactStore, Hash256};
use verity_inference::hash::to_hex;
use verity_runtime::{opaque::Block, AccountId, Balance, BlockNumber};

use crate::artifact_sync::ArtifactFetcher;

const LOG_TARGET: &str = "verity::precompile";

/// How long after a failed fetch the same artifact is asked for again.
pub const RETRY_AFTER: Duration = Duration::from_secs(5);

/// Installs the artifact store as the precompile's model source. Returns the
/// stream of hashes the precompile needed and did not find, for [`prefetch`].
pub fn install(store: Arc<ArtifactStore>) -> mpsc::UnboundedReceiver<Hash256> {
	let (missing_tx, missing_rx) = mpsc::unbounded();
	verity_precompile::host::set_model_source(Arc::new(verity_precompile::host::StoreSource::new(
		store,
		move |hash| {
			let _ = missing_tx.unbounded_send(hash);
		},
	)));
	missing_rx
}

/// Fetches the artifacts of sync-enabled models and of hashes the precompile
/// reported missing; runs until the node stops.
pub async fn prefetch<C>(
	client: Arc<C>,
	store: Arc<ArtifactStore>,
	fetcher: Arc<ArtifactFetcher>,
	mut missing: mpsc::UnboundedReceiver<Hash256>,
) where
	C: ProvideRuntimeApi<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>,
{
	let mut imports = client.import_notification_stream();
	let mut last_attempt: HashMap<Hash256, Instant> = HashMap::new();
	loop {
		let wanted: Vec<Hash256> = futures::select! {
			hash = missing.next() => match hash {
				Some(hash) => vec![hash],
				None => return,
			},
			notification = imports.next() => match notification {
				Some(n) if n.is_new_best => match client.runtime_api().sync_models(n.hash) {
					Ok(models) => models.into_iter().map(|(_, _, hash)| hash).collect(),
					Err(e) => {
						log::debug!(target: LOG_TARGET, "reading the sync-enabled models: {e}");
						continue;
					},
				},
				Some(_) => continue,
				None => return,
			},
		};
		for hash in wanted {
			if store.contains(&hash) {
				// Parse it now rather than in the first block that calls it
				// (a cache hit when it is parsed already).
				let _ = verity_precompile::host::work(&hash);
				continue;
			}
			if last_attempt
				.get(&hash)
				.is_some_and(|at| at.elapsed() < RETRY_AFTER)
			{
				continue;
			}
			last_attempt.insert(hash, Instant::now());
			match fetcher.fetch(hash).await {
				Ok(_) => log::info!(
					target: LOG_TARGET,
					"fetched model {} for synchronous inference",
					to_hex(&hash)
				),
				Err(e) => log::warn!(
					target: LOG_TARGET,
					"model {} for synchronous inference: {e}; retrying in {}s",
					to_hex(&hash),
					RETRY_AFTER.as_secs()
				),
			}
		}
	}
}
