//! Typed helpers over Substrate's standard JSON-RPC methods.

use anyhow::{anyhow, Result};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;

/// Parses a `0x`-prefixed hex block number as returned in headers.
fn parse_number(header: &Value) -> Result<u64> {
	let hex = header["number"]
		.as_str()
		.ok_or_else(|| anyhow!("header without number: {header}"))?;
	Ok(u64::from_str_radix(hex.trim_start_matches("0x"), 16)?)
}

/// Number of the best block.
pub async fn best_number(client: &WsClient) -> Result<u64> {
	let header: Value = client.request("chain_getHeader", rpc_params![]).await?;
	parse_number(&header)
}

/// Hash of the finalized head.
pub async fn finalized_hash(client: &WsClient) -> Result<String> {
	Ok(client
		.request("chain_getFinalizedHead", rpc_params![])
		.await?)
}

/// Number and hash of the finalized head.
pub async fn finalized_head(client: &WsClient) -> Result<(u64, String)> {
	let hash = finalized_hash(client).await?;
	let header: Value = client
		.request("chain_getHeader", rpc_params![hash.clone()])
		.await?;
	Ok((parse_number(&header)?, hash))
}

/// Hash of block `number` on the node's best chain, if it has it.
pub async fn block_hash(client: &WsClient, number: u64) -> Result<Option<String>> {
	Ok(client
		.request("chain_getBlockHash", rpc_params![number])
		.await?)
}

/// Number of connected peers.
pub async fn peers(client: &WsClient) -> Result<u64> {
	let health: Value = client.request("system_health", rpc_params![]).await?;
	health["peers"]
		.as_u64()
		.ok_or_else(|| anyhow!("bad system_health: {health}"))
}
