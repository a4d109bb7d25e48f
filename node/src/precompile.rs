//! The node side of the inference precompile (`verity-precompile`): a task
//! that parses every sync-enabled model into the precompile's cache before
//! blocks call it.
//!
//! The precompile runs the model bytes the runtime passes it from chain state
//! (`Inference::ModelBytes`), so a node needs no file to build or import a
//! block that calls a model. It parses a model the first time a block calls
//! it; at every new best block this task parses the enabled models
//! (`InferenceApi::sync_models`, their bytes from `InferenceApi::model_bytes`)
//! that are not cached yet, so that blocks this node authors do not spend
//! their time parsing (a call's weight covers running the model, not parsing
//! it).

use std::sync::Arc;

use futures::StreamExt;
use pallet_inference_runtime_api::InferenceApi;
use sc_client_api::BlockchainEvents;
use sp_api::ProvideRuntimeApi;
use verity_inference::hash::to_hex;
use verity_runtime::{opaque::Block, AccountId, Balance, BlockNumber};

const LOG_TARGET: &str = "verity::precompile";

/// Parses the sync-enabled models into the precompile's cache; runs until the
/// node stops.
pub async fn warm_cache<C>(client: Arc<C>)
where
	C: ProvideRuntimeApi<Block> + BlockchainEvents<Block> + Send + Sync + 'static,
	C::Api: InferenceApi<Block, AccountId, Balance, BlockNumber>,
{
	let mut imports = client.import_notification_stream();
	while let Some(notification) = imports.next().await {
		if !notification.is_new_best {
			continue;
		}
		let api = client.runtime_api();
		let Ok(models) = api.sync_models(notification.hash) else {
			continue;
		};
		for (model_id, _, hash) in models {
			if verity_precompile::host::is_cached(&hash) {
				continue;
			}
			match api.model_bytes(notification.hash, hash) {
				Ok(Some(bytes)) => match verity_precompile::host::work(&hash, &bytes) {
					Ok(_) => log::info!(
						target: LOG_TARGET,
						"model {model_id} ({}) parsed for synchronous inference",
						to_hex(&hash)
					),
					Err(e) => log::warn!(
						target: LOG_TARGET,
						"model {model_id} ({}): {e:?}",
						to_hex(&hash)
					),
				},
				Ok(None) => {}
				Err(e) => log::debug!(target: LOG_TARGET, "InferenceApi::model_bytes: {e}"),
			}
		}
	}
}
