//! The node's standard Substrate JSON-RPC methods, over one WebSocket.

use std::{collections::HashMap, sync::Arc, time::Duration};

use anyhow::{anyhow, Context, Result};
use codec::Decode;
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde::Deserialize;
use serde_json::Value as Json;
use tokio::sync::Mutex;

use crate::decode::RuntimeInfo;

/// `twox128("System") ++ twox128("Events")`.
pub const SYSTEM_EVENTS_KEY: &str =
	"0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";
/// `twox128("System") ++ twox128("Account")`.
const SYSTEM_ACCOUNT_PREFIX: &str =
	"26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9";

/// A block header as the node returns it.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Header {
	pub parent_hash: String,
	#[serde(deserialize_with = "hex_number")]
	pub number: u64,
	pub state_root: String,
	pub extrinsics_root: String,
	pub digest: Json,
}

#[derive(Debug, Deserialize)]
struct SignedBlock {
	block: Block,
}

#[derive(Debug, Deserialize)]
struct Block {
	header: Header,
	extrinsics: Vec<String>,
}

/// Everything the indexer reads about one block.
#[derive(Debug)]
pub struct RawBlock {
	pub hash: String,
	pub header: Header,
	/// SCALE-encoded extrinsics (with their length prefixes).
	pub extrinsics: Vec<Vec<u8>>,
	/// The SCALE value of `System::Events` at this block.
	pub events: Vec<u8>,
}

fn hex_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
	let s = String::deserialize(d)?;
	u64::from_str_radix(s.trim_start_matches("0x"), 16).map_err(serde::de::Error::custom)
}

/// Decodes a `0x`-prefixed hex string.
pub fn unhex(s: &str) -> Result<Vec<u8>> {
	hex::decode(s.trim_start_matches("0x")).with_context(|| format!("bad hex {s:.20}"))
}

/// A connection to a node plus a cache of decoded metadata by spec version.
pub struct Rpc {
	client: WsClient,
	url: String,
	runtimes: Mutex<HashMap<u32, Arc<RuntimeInfo>>>,
}

impl Rpc {
	/// Connects to `url` (ws:// or wss://).
	pub async fn connect(url: &str) -> Result<Self> {
		let client = WsClientBuilder::default()
			.request_timeout(Duration::from_secs(60))
			.max_concurrent_requests(4096)
			.max_buffer_capacity_per_subscription(4096)
			.build(url)
			.await
			.map_err(|e| anyhow!("connecting to {url}: {e}"))?;
		Ok(Self {
			client,
			url: url.to_string(),
			runtimes: Mutex::new(HashMap::new()),
		})
	}

	/// The node URL.
	pub fn url(&self) -> &str {
		&self.url
	}

	/// Whether the connection is still up.
	pub fn is_connected(&self) -> bool {
		self.client.is_connected()
	}

	async fn call<T: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<T> {
		self.client
			.request(method, params)
			.await
			.map_err(|e| anyhow!("{method}: {e}"))
	}

	/// Hash of block `number` on the node's best chain.
	pub async fn block_hash(&self, number: u64) -> Result<Option<String>> {
		self.call("chain_getBlockHash", rpc_params![number]).await
	}

	/// Header of `hash`, or of the best block.
	pub async fn header(&self, hash: Option<&str>) -> Result<Header> {
		let header: Option<Header> = self.call("chain_getHeader", rpc_params![hash]).await?;
		header.ok_or_else(|| anyhow!("node has no header {hash:?}"))
	}

	/// Hash of the finalized head.
	pub async fn finalized_hash(&self) -> Result<String> {
		self.call("chain_getFinalizedHead", rpc_params![]).await
	}

	/// Number and hash of the finalized head.
	pub async fn finalized_head(&self) -> Result<(u64, String)> {
		let hash = self.finalized_hash().await?;
		let header = self.header(Some(&hash)).await?;
		Ok((header.number, hash))
	}

	/// Block `hash` with its events.
	pub async fn raw_block(&self, hash: String) -> Result<RawBlock> {
		let block = self.call::<Option<SignedBlock>>("chain_getBlock", rpc_params![&hash]);
		let events =
			self.call::<Option<String>>("state_getStorage", rpc_params![SYSTEM_EVENTS_KEY, &hash]);
		let (block, events) = futures::try_join!(block, events)?;
		let block = block
			.ok_or_else(|| anyhow!("node has no block {hash}"))?
			.block;
		Ok(RawBlock {
			hash,
			header: block.header,
			extrinsics: block
				.extrinsics
				.iter()
				.map(|e| unhex(e))
				.collect::<Result<_>>()?,
			events: events.map(|e| unhex(&e)).transpose()?.unwrap_or_default(),
		})
	}

	/// Block `number` of the best chain with its events, if the node has it.
	pub async fn raw_block_by_number(&self, number: u64) -> Result<Option<RawBlock>> {
		match self.block_hash(number).await? {
			Some(hash) => Ok(Some(self.raw_block(hash).await?)),
			None => Ok(None),
		}
	}

	/// `spec_version` of the runtime at `hash`.
	pub async fn spec_version(&self, hash: &str) -> Result<u32> {
		let v: Json = self
			.call("state_getRuntimeVersion", rpc_params![hash])
			.await?;
		v["specVersion"]
			.as_u64()
			.map(|v| v as u32)
			.ok_or_else(|| anyhow!("bad runtime version {v}"))
	}

	/// Decoded metadata of the runtime at `hash` (cached by spec version).
	pub async fn runtime_at(&self, hash: &str) -> Result<Arc<RuntimeInfo>> {
		let spec = self.spec_version(hash).await?;
		if let Some(info) = self.runtimes.lock().await.get(&spec) {
			return Ok(info.clone());
		}
		// Option<OpaqueMetadata> from the V15 metadata runtime API.
		let raw: String = self
			.call(
				"state_call",
				rpc_params!["Metadata_metadata_at_version", "0x0f000000", hash],
			)
			.await?;
		let bytes = Option::<Vec<u8>>::decode(&mut &*unhex(&raw)?)
			.context("decoding Metadata_metadata_at_version")?
			.ok_or_else(|| anyhow!("runtime does not offer V15 metadata"))?;
		let info = Arc::new(RuntimeInfo::from_metadata_bytes(spec, &bytes)?);
		self.runtimes.lock().await.insert(spec, info.clone());
		Ok(info)
	}

	/// `System::Account` of `public` at the best block, decoded.
	pub async fn account_info(&self, public: &[u8; 32]) -> Result<Option<Json>> {
		let best = self.header(None).await?;
		let hash = self
			.block_hash(best.number)
			.await?
			.ok_or_else(|| anyhow!("no best hash"))?;
		let runtime = self.runtime_at(&hash).await?;
		let key = format!(
			"0x{SYSTEM_ACCOUNT_PREFIX}{}{}",
			hex::encode(sp_crypto_hashing::blake2_128(public)),
			hex::encode(public)
		);
		let raw: Option<String> = self
			.call("state_getStorage", rpc_params![key, &hash])
			.await?;
		raw.map(|r| runtime.decode_account(&unhex(&r)?)).transpose()
	}

	/// Calls runtime API `api`'s `method` at block `hash` with integer
	/// arguments and decodes its output to JSON; `None` when the runtime at
	/// `hash` has no such method.
	pub async fn runtime_api(
		&self,
		hash: &str,
		api: &str,
		method: &str,
		args: &[u128],
	) -> Result<Option<Json>> {
		let runtime = self.runtime_at(hash).await?;
		if runtime.runtime_api_method(api, method).is_none() {
			return Ok(None);
		}
		let params = runtime.encode_api_args(api, method, args)?;
		let raw: String = self
			.call(
				"state_call",
				rpc_params![
					format!("{api}_{method}"),
					format!("0x{}", hex::encode(params)),
					hash
				],
			)
			.await?;
		runtime
			.decode_api_output(api, method, &unhex(&raw)?)
			.map(Some)
	}

	/// The plain storage value `pallet::entry` at block `hash`, decoded;
	/// `None` when the runtime has no such entry or it is not set.
	pub async fn storage_value(
		&self,
		hash: &str,
		pallet: &str,
		entry: &str,
	) -> Result<Option<Json>> {
		let runtime = self.runtime_at(hash).await?;
		let Some((key, ty)) = runtime.plain_storage(pallet, entry) else {
			return Ok(None);
		};
		let raw: Option<String> = self
			.call("state_getStorage", rpc_params![key, hash])
			.await?;
		raw.map(|r| runtime.decode_storage(ty, &unhex(&r)?))
			.transpose()
	}

	/// Subscribes to new best heads.
	pub async fn subscribe_new_heads(&self) -> Result<Subscription<Header>> {
		self.client
			.subscribe(
				"chain_subscribeNewHeads",
				rpc_params![],
				"chain_unsubscribeNewHeads",
			)
			.await
			.map_err(|e| anyhow!("chain_subscribeNewHeads: {e}"))
	}

	/// Subscribes to finalized heads.
	pub async fn subscribe_finalized_heads(&self) -> Result<Subscription<Header>> {
		self.client
			.subscribe(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await
			.map_err(|e| anyhow!("chain_subscribeFinalizedHeads: {e}"))
	}
}
