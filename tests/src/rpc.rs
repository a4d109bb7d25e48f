//! Typed helpers over Substrate's standard JSON-RPC methods.

use anyhow::{anyhow, ensure, Result};
use codec::Decode;
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

/// `0x`-prefixed lowercase hex, as the node's RPC takes bytes and hashes.
pub fn hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Decodes the `0x`-prefixed hex the node's RPC returns bytes in.
pub fn unhex(text: &str) -> Result<Vec<u8>> {
	Ok(hex::decode(text.trim_start_matches("0x"))?)
}

/// Uploads `bytes` to the node's artifact store in `chunk`-byte pieces
/// (`artifacts_beginUpload` / `uploadChunk` / `finishUpload`), checking the
/// node's running byte count; returns the hash it stored them under.
pub async fn upload_chunked(client: &WsClient, bytes: &[u8], chunk: usize) -> Result<String> {
	let hash = hex(&verity_inference::hash::blake2_256(bytes));
	let id: u64 = client
		.request("artifacts_beginUpload", rpc_params![&hash, bytes.len()])
		.await?;
	let mut offset = 0usize;
	for piece in bytes.chunks(chunk) {
		let received: u64 = client
			.request("artifacts_uploadChunk", rpc_params![id, offset, hex(piece)])
			.await?;
		offset += piece.len();
		ensure!(
			received == offset as u64,
			"node has {received} of {offset} bytes"
		);
	}
	let stored: String = client
		.request("artifacts_finishUpload", rpc_params![id])
		.await?;
	ensure!(stored == hash, "stored as {stored}, expected {hash}");
	Ok(stored)
}

/// Downloads the artifact `hash` from the node's store in `chunk`-byte pieces
/// (`artifacts_getChunk`, a safe method; a short piece ends it) and checks
/// that the bytes hash to `hash`.
pub async fn download_chunked(client: &WsClient, hash: &str, chunk: usize) -> Result<Vec<u8>> {
	let mut bytes = Vec::new();
	loop {
		let piece: String = client
			.request("artifacts_getChunk", rpc_params![hash, bytes.len(), chunk])
			.await?;
		let piece = unhex(&piece)?;
		ensure!(
			piece.len() <= chunk,
			"{} bytes for a {chunk}-byte chunk",
			piece.len()
		);
		let last = piece.len() < chunk;
		bytes.extend_from_slice(&piece);
		if last {
			break;
		}
	}
	let got = hex(&verity_inference::hash::blake2_256(&bytes));
	ensure!(
		got == hash,
		"downloaded {} bytes hashing to {got}, not {hash}",
		bytes.len()
	);
	Ok(bytes)
}

/// Which of `hashes` the node's artifact store holds (`artifacts_has`).
pub async fn artifacts_has(client: &WsClient, hashes: &[&str]) -> Result<Vec<bool>> {
	Ok(client.request("artifacts_has", rpc_params![hashes]).await?)
}

/// Hash of the best block.
pub async fn best_hash(client: &WsClient) -> Result<String> {
	Ok(client.request("chain_getBlockHash", rpc_params![]).await?)
}

/// Runtime API `method` (e.g. `InferenceApi_executors`) called with the
/// SCALE-encoded `args` on the state of block `at` (a hex hash): its
/// SCALE-encoded answer.
pub async fn state_call(client: &WsClient, method: &str, args: &[u8], at: &str) -> Result<Vec<u8>> {
	let out: String = client
		.request("state_call", rpc_params![method, hex(args), at])
		.await?;
	unhex(&out)
}

/// The raw storage value under `key` (hex) at block `at`, if any.
pub async fn storage(client: &WsClient, key: &str, at: &str) -> Result<Option<Vec<u8>>> {
	let out: Option<String> = client
		.request("state_getStorage", rpc_params![key, at])
		.await?;
	out.as_deref().map(unhex).transpose()
}

/// The executor set (`InferenceApi_executors`) at block `at`: the accounts'
/// 32 bytes, sorted as the chain draws from them.
pub async fn executors(client: &WsClient, at: &str) -> Result<Vec<[u8; 32]>> {
	let bytes = state_call(client, "InferenceApi_executors", &[], at).await?;
	Ok(Decode::decode(&mut &bytes[..])?)
}

/// The invariants of Verity's pallets (`InferenceApi_check_invariants`: their
/// `try_state` checks) on the state of block `at`: `Err` names the first that
/// fails.
pub async fn check_invariants(client: &WsClient, at: &str) -> Result<Result<(), String>> {
	let bytes = state_call(client, "InferenceApi_check_invariants", &[], at).await?;
	Ok(Decode::decode(&mut &bytes[..])?)
}

/// Phase 1 of the setup ceremony as `CeremonyApi_srs` reports it at the
/// finalized head (what clients read): the SRS size and the phase (`0`
/// contributing, `1` beacon scheduled, `2` sealing, `3` final); `None` if the
/// runtime has no SRS.
pub async fn srs_phase(client: &WsClient) -> Result<Option<(u32, u8)>> {
	let at = finalized_hash(client).await?;
	let bytes = state_call(client, "CeremonyApi_srs", &[], &at).await?;
	// Option<SrsInfo>: 0x01, max_domain (u32 LE), the phase's variant index.
	match bytes.as_slice() {
		[0, ..] => Ok(None),
		[1, a, b, c, d, phase, ..] => Ok(Some((u32::from_le_bytes([*a, *b, *c, *d]), *phase))),
		_ => Err(anyhow!("bad CeremonyApi_srs answer: {}", hex(&bytes))),
	}
}
