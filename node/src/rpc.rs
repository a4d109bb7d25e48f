//! The node's JSON-RPC extensions beyond Substrate's built-in
//! `system_*`/`chain_*`/`state_*`/`author_*` methods: `system_accountNextIndex`,
//! the transaction-payment methods (`payment_queryInfo`, ...) and the model
//! artifact store (`artifacts_*`).
//!
//! ## Artifacts
//!
//! Safe (any client):
//! - `artifacts_list()` → `[{"hash": "0x..", "len": n}, ...]`, every stored artifact;
//! - `artifacts_has([hash, ...])` → `[bool, ...]`;
//! - `artifacts_getChunk(hash, offset, len)` → the `0x`-hex bytes
//!   `offset..offset + len` of a stored artifact, fewer only at its end (empty
//!   at `offset` = its length): clients download large artifacts (SRSs,
//!   proving keys) in chunks and check the blake2-256 of the whole. `len` is
//!   at most [`MAX_GET_CHUNK`] (4 MiB: its hex must fit the 15 MiB default
//!   `--rpc-max-response-size` and common clients' 10 MiB limit); an unknown
//!   hash, an `offset` past the end or a larger `len` is an error. The
//!   artifact last read is kept in memory (at most [`GET_CACHE_ENTRIES`]
//!   artifacts, dropped once their last byte was served or after
//!   [`GET_CACHE_IDLE`] idle), so a chunked download reads and re-hashes it
//!   once, not once per chunk.
//!
//! Unsafe (only with `--rpc-methods unsafe`, or on a node whose RPC listens on
//! localhost only, Substrate's `auto` default):
//! - `artifacts_upload(bytes)` → hash: stores `0x`-hex bytes in one request
//!   (JSON-RPC requests are limited to `--rpc-max-request-size`, 15 MiB by
//!   default, so up to ~7 MiB of artifact);
//! - chunked, for anything larger: `artifacts_beginUpload(hash, len)` → upload
//!   id; `artifacts_uploadChunk(id, offset, bytes)` → bytes received so far
//!   (chunks in order, `offset` = bytes received so far);
//!   `artifacts_finishUpload(id)` → hash, after checking that the bytes hash
//!   to `hash`; `artifacts_cancelUpload(id)`. An upload idle for 10 minutes is
//!   dropped; at most 4 are open at a time.
//!
//! Hashes are blake2-256 of the bytes, the hashes pallet-models stores.

use std::{
	collections::HashMap,
	sync::Arc,
	time::{Duration, Instant},
};

use jsonrpsee::{
	types::{ErrorObject, ErrorObjectOwned},
	Extensions, RpcModule,
};
use parking_lot::Mutex;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::{Bytes, H256};
use verity_artifacts::{ArtifactStore, Error as StoreError};
use verity_runtime::{opaque::Block, AccountId, Balance, Nonce};

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The model artifact store and its upload sessions.
	pub artifacts: Arc<ArtifactRpc>,
}

/// Builds the RPC extensions.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps {
		client,
		pool,
		artifacts,
	} = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client).into_rpc())?;
	module.merge(artifacts.into_rpc()?)?;
	Ok(module)
}

/// The most bytes one `artifacts_getChunk` returns.
pub const MAX_GET_CHUNK: u64 = 4 << 20;
/// Artifacts `artifacts_getChunk` keeps in memory between chunks.
pub const GET_CACHE_ENTRIES: usize = 2;
/// An artifact nobody read a chunk of for this long leaves that cache.
pub const GET_CACHE_IDLE: Duration = Duration::from_secs(60);

/// An upload that is idle this long is dropped.
const UPLOAD_IDLE_TIMEOUT: Duration = Duration::from_secs(600);
/// At most this many chunked uploads are open at a time.
const MAX_OPEN_UPLOADS: usize = 4;

/// Error codes of the `artifacts_*` methods.
pub mod error {
	/// The artifact store failed (I/O).
	pub const STORE: i32 = 5000;
	/// The artifact is larger than `--artifact-max-size`.
	pub const TOO_LARGE: i32 = 5001;
	/// The bytes do not hash to the announced hash.
	pub const HASH_MISMATCH: i32 = 5002;
	/// No open upload has this id.
	pub const UNKNOWN_UPLOAD: i32 = 5003;
	/// A chunk at the wrong offset or past the announced length.
	pub const BAD_CHUNK: i32 = 5004;
	/// `finishUpload` before every byte arrived.
	pub const INCOMPLETE: i32 = 5005;
	/// Too many uploads are open.
	pub const TOO_MANY_UPLOADS: i32 = 5006;
	/// `getChunk` of an artifact this node does not have.
	pub const NOT_FOUND: i32 = 5007;
	/// `getChunk` past the artifact's end, or more than `MAX_GET_CHUNK` bytes.
	pub const BAD_RANGE: i32 = 5008;
}

fn rpc_error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(code, message.into(), None::<()>)
}

fn store_error(e: StoreError) -> ErrorObjectOwned {
	match e {
		StoreError::TooLarge { len, max } => rpc_error(
			error::TOO_LARGE,
			format!(
				"artifact of {len} bytes exceeds this node's limit of {max} bytes \
				 (--artifact-max-size)"
			),
		),
		e @ StoreError::HashMismatch { .. } => rpc_error(error::HASH_MISMATCH, e.to_string()),
		e => rpc_error(error::STORE, e.to_string()),
	}
}

struct Upload {
	expected: [u8; 32],
	len: usize,
	bytes: Vec<u8>,
	touched: Instant,
}

#[derive(Default)]
struct Uploads {
	next_id: u64,
	open: HashMap<u64, Upload>,
}

impl Uploads {
	fn expire(&mut self) {
		self.open
			.retain(|_, u| u.touched.elapsed() < UPLOAD_IDLE_TIMEOUT);
	}
}

/// An artifact being downloaded in chunks (`artifacts_getChunk`).
struct Cached {
	bytes: Arc<Vec<u8>>,
	touched: Instant,
}

/// One stored artifact, as `artifacts_list` returns it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ArtifactEntry {
	/// blake2-256 of the bytes.
	pub hash: H256,
	/// Length in bytes.
	pub len: u64,
}

/// The `artifacts_*` RPC methods over the node's artifact store.
pub struct ArtifactRpc {
	store: Arc<ArtifactStore>,
	uploads: Mutex<Uploads>,
	/// Artifacts being downloaded, by hash.
	downloads: Mutex<HashMap<[u8; 32], Cached>>,
}

impl ArtifactRpc {
	/// Serves `store`.
	pub fn new(store: Arc<ArtifactStore>) -> Self {
		Self {
			store,
			uploads: Mutex::new(Uploads::default()),
			downloads: Mutex::new(HashMap::new()),
		}
	}

	/// Stores `bytes` in one go.
	pub fn upload(&self, bytes: &[u8]) -> Result<H256, ErrorObjectOwned> {
		self.store.insert(bytes).map(H256).map_err(store_error)
	}

	/// Opens a chunked upload of `len` bytes that must hash to `hash`.
	pub fn begin_upload(&self, hash: H256, len: u64) -> Result<u64, ErrorObjectOwned> {
		let max = self.store.max_len();
		let len = usize::try_from(len)
			.ok()
			.filter(|&l| l <= max)
			.ok_or_else(|| {
				store_error(StoreError::TooLarge {
					len: len as usize,
					max,
				})
			})?;
		let mut uploads = self.uploads.lock();
		uploads.expire();
		if uploads.open.len() >= MAX_OPEN_UPLOADS {
			return Err(rpc_error(
				error::TOO_MANY_UPLOADS,
				format!(
					"{MAX_OPEN_UPLOADS} uploads are open; finish or cancel one \
					 (idle uploads are dropped after {} s)",
					UPLOAD_IDLE_TIMEOUT.as_secs()
				),
			));
		}
		let id = uploads.next_id;
		uploads.next_id += 1;
		uploads.open.insert(
			id,
			Upload {
				expected: hash.0,
				len,
				bytes: Vec::new(),
				touched: Instant::now(),
			},
		);
		Ok(id)
	}

	/// Appends a chunk at `offset` (the number of bytes received so far) and
	/// returns the new count.
	pub fn upload_chunk(
		&self,
		id: u64,
		offset: u64,
		chunk: &[u8],
	) -> Result<u64, ErrorObjectOwned> {
		let mut uploads = self.uploads.lock();
		uploads.expire();
		let upload = uploads
			.open
			.get_mut(&id)
			.ok_or_else(|| unknown_upload(id))?;
		if offset != upload.bytes.len() as u64 {
			return Err(rpc_error(
				error::BAD_CHUNK,
				format!(
					"upload {id}: chunk at offset {offset}, but {} bytes were received so far",
					upload.bytes.len()
				),
			));
		}
		if upload.bytes.len() + chunk.len() > upload.len {
			return Err(rpc_error(
				error::BAD_CHUNK,
				format!(
					"upload {id}: a chunk of {} bytes at offset {offset} goes past the announced \
					 length of {} bytes",
					chunk.len(),
					upload.len
				),
			));
		}
		if upload.bytes.capacity() == 0 {
			upload.bytes.reserve_exact(upload.len);
		}
		upload.bytes.extend_from_slice(chunk);
		upload.touched = Instant::now();
		Ok(upload.bytes.len() as u64)
	}

	/// Checks and stores a complete upload.
	pub fn finish_upload(&self, id: u64) -> Result<H256, ErrorObjectOwned> {
		let upload = {
			let mut uploads = self.uploads.lock();
			uploads.expire();
			let upload = uploads.open.get(&id).ok_or_else(|| unknown_upload(id))?;
			if upload.bytes.len() != upload.len {
				return Err(rpc_error(
					error::INCOMPLETE,
					format!(
						"upload {id} has {} of {} bytes",
						upload.bytes.len(),
						upload.len
					),
				));
			}
			uploads.open.remove(&id).expect("just looked up")
		};
		self.store
			.insert_expected(&upload.expected, &upload.bytes)
			.map_err(store_error)?;
		log::info!(
			target: "artifacts",
			"stored artifact {} ({} bytes)",
			H256(upload.expected),
			upload.len
		);
		Ok(H256(upload.expected))
	}

	/// Drops an open upload; `false` if there was none.
	pub fn cancel_upload(&self, id: u64) -> bool {
		self.uploads.lock().open.remove(&id).is_some()
	}

	/// Every stored artifact.
	pub fn list(&self) -> Result<Vec<ArtifactEntry>, ErrorObjectOwned> {
		Ok(self
			.store
			.list()
			.map_err(store_error)?
			.into_iter()
			.map(|a| ArtifactEntry {
				hash: H256(a.hash),
				len: a.len,
			})
			.collect())
	}

	/// Which of `hashes` are stored.
	pub fn has(&self, hashes: &[H256]) -> Vec<bool> {
		hashes.iter().map(|h| self.store.contains(&h.0)).collect()
	}

	/// Bytes `offset..offset + len` of artifact `hash` (fewer at its end).
	pub fn get_chunk(&self, hash: H256, offset: u64, len: u64) -> Result<Bytes, ErrorObjectOwned> {
		if len > MAX_GET_CHUNK {
			return Err(rpc_error(
				error::BAD_RANGE,
				format!("at most {MAX_GET_CHUNK} bytes per chunk, {len} were asked for"),
			));
		}
		let bytes = self.cached(hash)?;
		let total = bytes.len() as u64;
		if offset > total {
			return Err(rpc_error(
				error::BAD_RANGE,
				format!("offset {offset} is past the end of artifact {hash} ({total} bytes)"),
			));
		}
		let end = offset.saturating_add(len).min(total);
		if end == total {
			// The last chunk: the download is over.
			self.downloads.lock().remove(&hash.0);
		}
		Ok(Bytes(bytes[offset as usize..end as usize].to_vec()))
	}

	/// Artifact `hash`'s bytes, from the download cache or read (and
	/// re-hashed) from the store into it.
	fn cached(&self, hash: H256) -> Result<Arc<Vec<u8>>, ErrorObjectOwned> {
		{
			let mut downloads = self.downloads.lock();
			downloads.retain(|_, c| c.touched.elapsed() < GET_CACHE_IDLE);
			if let Some(c) = downloads.get_mut(&hash.0) {
				c.touched = Instant::now();
				return Ok(c.bytes.clone());
			}
		}
		// Read outside the lock: a large artifact takes a while.
		let bytes = Arc::new(
			self.store
				.get(&hash.0)
				.map_err(store_error)?
				.ok_or_else(|| {
					rpc_error(
						error::NOT_FOUND,
						format!("this node has no artifact {hash}"),
					)
				})?,
		);
		let mut downloads = self.downloads.lock();
		while downloads.len() >= GET_CACHE_ENTRIES {
			let Some(oldest) = downloads
				.iter()
				.min_by_key(|(_, c)| c.touched)
				.map(|(h, _)| *h)
			else {
				break;
			};
			downloads.remove(&oldest);
		}
		downloads.insert(
			hash.0,
			Cached {
				bytes: bytes.clone(),
				touched: Instant::now(),
			},
		);
		Ok(bytes)
	}

	/// The RPC module.
	pub fn into_rpc(
		self: Arc<Self>,
	) -> Result<RpcModule<Self>, Box<dyn std::error::Error + Send + Sync>> {
		let mut module = RpcModule::from_arc(self);
		module.register_blocking_method("artifacts_list", |_, ctx, _| ctx.list())?;
		module.register_method("artifacts_has", |params, ctx, _| {
			let (hashes,): (Vec<H256>,) = params.parse()?;
			Ok::<_, ErrorObjectOwned>(ctx.has(&hashes))
		})?;
		// Safe: artifacts are public (peers fetch them over the network too)
		// and a chunk is bounded.
		module.register_blocking_method("artifacts_getChunk", |params, ctx, _| {
			let (hash, offset, len): (H256, u64, u64) = params.parse()?;
			ctx.get_chunk(hash, offset, len)
		})?;
		module.register_blocking_method("artifacts_upload", |params, ctx, ext| {
			deny_unsafe(&ext)?;
			let (bytes,): (Bytes,) = params.parse()?;
			ctx.upload(&bytes)
		})?;
		module.register_method("artifacts_beginUpload", |params, ctx, ext| {
			deny_unsafe(ext)?;
			let (hash, len): (H256, u64) = params.parse()?;
			ctx.begin_upload(hash, len)
		})?;
		module.register_method("artifacts_uploadChunk", |params, ctx, ext| {
			deny_unsafe(ext)?;
			let (id, offset, bytes): (u64, u64, Bytes) = params.parse()?;
			ctx.upload_chunk(id, offset, &bytes)
		})?;
		module.register_blocking_method("artifacts_finishUpload", |params, ctx, ext| {
			deny_unsafe(&ext)?;
			let (id,): (u64,) = params.parse()?;
			ctx.finish_upload(id)
		})?;
		module.register_method("artifacts_cancelUpload", |params, ctx, ext| {
			deny_unsafe(ext)?;
			let (id,): (u64,) = params.parse()?;
			Ok::<_, ErrorObjectOwned>(ctx.cancel_upload(id))
		})?;
		Ok(module)
	}
}

fn unknown_upload(id: u64) -> ErrorObjectOwned {
	rpc_error(
		error::UNKNOWN_UPLOAD,
		format!(
			"unknown upload {id}: never begun, already finished or cancelled, or dropped \
			 after {} s idle",
			UPLOAD_IDLE_TIMEOUT.as_secs()
		),
	)
}

fn deny_unsafe(ext: &Extensions) -> Result<(), ErrorObjectOwned> {
	sc_rpc_api::check_if_safe(ext).map_err(Into::into)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn rpc(max: usize) -> (tempfile::TempDir, ArtifactRpc) {
		let dir = tempfile::tempdir().unwrap();
		let store = ArtifactStore::open(dir.path(), max).unwrap();
		(dir, ArtifactRpc::new(Arc::new(store)))
	}

	fn hash(bytes: &[u8]) -> H256 {
		H256(verity_inference::hash::blake2_256(bytes))
	}

	#[test]
	fn chunked_upload_checks_order_length_and_hash() {
		let (_dir, rpc) = rpc(1024);
		let data: Vec<u8> = (0..300u32).map(|i| i as u8).collect();
		let id = rpc.begin_upload(hash(&data), 300).unwrap();
		assert_eq!(rpc.upload_chunk(id, 0, &data[..100]).unwrap(), 100);
		let e = rpc.upload_chunk(id, 0, &data[..100]).unwrap_err();
		assert_eq!(e.code(), error::BAD_CHUNK);
		let e = rpc.finish_upload(id).unwrap_err();
		assert_eq!(e.code(), error::INCOMPLETE);
		let e = rpc.upload_chunk(id, 100, &[0; 201]).unwrap_err();
		assert_eq!(e.code(), error::BAD_CHUNK);
		assert_eq!(rpc.upload_chunk(id, 100, &data[100..]).unwrap(), 300);
		assert_eq!(rpc.finish_upload(id).unwrap(), hash(&data));
		assert_eq!(rpc.has(&[hash(&data), hash(b"x")]), vec![true, false]);
		assert_eq!(rpc.list().unwrap().len(), 1);
		let e = rpc.finish_upload(id).unwrap_err();
		assert_eq!(e.code(), error::UNKNOWN_UPLOAD);
	}

	#[test]
	fn wrong_bytes_and_oversized_artifacts_are_refused() {
		let (_dir, rpc) = rpc(16);
		let id = rpc.begin_upload(hash(b"expected"), 6).unwrap();
		rpc.upload_chunk(id, 0, b"forged").unwrap();
		let e = rpc.finish_upload(id).unwrap_err();
		assert_eq!(e.code(), error::HASH_MISMATCH);
		assert!(rpc.list().unwrap().is_empty());
		let e = rpc.begin_upload(hash(&[0; 17]), 17).unwrap_err();
		assert_eq!(e.code(), error::TOO_LARGE);
		let e = rpc.upload(&[0; 17]).unwrap_err();
		assert_eq!(e.code(), error::TOO_LARGE);
		assert_eq!(rpc.upload(b"small").unwrap(), hash(b"small"));
	}

	#[test]
	fn chunks_are_served_in_range_and_bad_ranges_refused() {
		let (_dir, rpc) = rpc(1 << 20);
		let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
		let h = rpc.upload(&data).unwrap();
		let chunk = |offset, len| rpc.get_chunk(h, offset, len).map(|b| b.0);
		assert_eq!(chunk(0, 400).unwrap(), &data[..400]);
		assert_eq!(chunk(400, 400).unwrap(), &data[400..800]);
		// Fewer bytes at the end, none at the end itself.
		assert_eq!(chunk(800, 400).unwrap(), &data[800..]);
		assert_eq!(chunk(1000, 400).unwrap(), Vec::<u8>::new());
		assert_eq!(chunk(10, 0).unwrap(), Vec::<u8>::new());
		// Reassembled, the chunks are the artifact.
		let mut all = Vec::new();
		for offset in (0..1000).step_by(300) {
			all.extend(chunk(offset, 300).unwrap());
		}
		assert_eq!(all, data);
		assert_eq!(chunk(1001, 1).unwrap_err().code(), error::BAD_RANGE);
		assert_eq!(chunk(u64::MAX, 1).unwrap_err().code(), error::BAD_RANGE);
		let e = chunk(0, MAX_GET_CHUNK + 1).unwrap_err();
		assert_eq!(e.code(), error::BAD_RANGE);
		assert_eq!(chunk(0, MAX_GET_CHUNK).unwrap(), data);
		let e = rpc.get_chunk(hash(b"absent"), 0, 1).unwrap_err();
		assert_eq!(e.code(), error::NOT_FOUND);
		// The cache holds at most GET_CACHE_ENTRIES artifacts.
		let others: Vec<H256> = (0..3u8).map(|i| rpc.upload(&[i; 10]).unwrap()).collect();
		for h in &others {
			assert_eq!(rpc.get_chunk(*h, 0, 5).unwrap().0.len(), 5);
		}
		assert!(rpc.downloads.lock().len() <= GET_CACHE_ENTRIES);
		assert_eq!(rpc.get_chunk(others[0], 5, 5).unwrap().0, vec![0; 5]);
	}

	#[test]
	fn open_uploads_are_bounded() {
		let (_dir, rpc) = rpc(16);
		let ids: Vec<u64> = (0..MAX_OPEN_UPLOADS)
			.map(|_| rpc.begin_upload(hash(b"a"), 1).unwrap())
			.collect();
		let e = rpc.begin_upload(hash(b"a"), 1).unwrap_err();
		assert_eq!(e.code(), error::TOO_MANY_UPLOADS);
		assert!(rpc.cancel_upload(ids[0]));
		assert!(!rpc.cancel_upload(ids[0]));
		rpc.begin_upload(hash(b"a"), 1).unwrap();
	}
}
