//! Model artifacts over the peer-to-peer network.
//!
//! A request-response protocol, `/<genesis hash>/verity/artifacts/1`, that every
//! node runs, executor or not: a peer sends an [`ArtifactRequest`] (the
//! artifact's blake2-256 hash, SCALE-encoded) and gets an [`ArtifactResponse`]:
//! the bytes from the local [`ArtifactStore`], or [`ArtifactResponse::NotFound`].
//! So an artifact uploaded over RPC to any node (a plain RPC node included)
//! reaches the executors that need it.
//!
//! * [`ArtifactServer`] answers requests one at a time, from a blocking thread
//!   (reading and re-hashing a file of up to `--artifact-max-size` MiB), and
//!   only reads the next request once the previous response has been handed to
//!   the network, so at most one artifact per protocol is buffered in memory.
//! * [`ArtifactFetcher::fetch`] asks the connected peers one after another and
//!   stores the first reply that hashes to the requested hash
//!   ([`ArtifactStore::insert_expected`]); a peer that sends other bytes loses
//!   reputation. It fails with a [`FetchError`] naming what every peer said
//!   when no peer has the artifact.

use std::{sync::Arc, time::Duration};
use verity_inference::hash::to_hex;

use codec::{Decode, DecodeAll, Encode};
use futures::channel::oneshot;
use sc_network::{
	request_responses::{IncomingRequest, OutgoingResponse},
	service::traits::NetworkService,
	IfDisconnected, NetworkBackend, PeerId, ProtocolName, ReputationChange, RequestFailure,
};
use sc_network_sync::SyncingService;
use verity_artifacts::{ArtifactStore, Hash256};
use verity_runtime::opaque::Block;

/// Log target.
const LOG: &str = "verity-artifacts";

/// Requests waiting for the server; further ones are refused by the network.
const INBOUND_QUEUE: usize = 16;
/// Largest request accepted: a hash, with room for later versions.
const MAX_REQUEST_SIZE: u64 = 1024;
/// How long a peer has to answer: generous, since a response may be a proving
/// key of hundreds of MiB.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(180);
/// Room for the SCALE enum tag and length prefix around the artifact bytes.
const RESPONSE_OVERHEAD: u64 = 16;

/// Reputation cost of a request that does not decode.
const COST_BAD_REQUEST: ReputationChange =
	ReputationChange::new(-(1 << 12), "bad artifact request");
/// Reputation cost of a response whose bytes do not hash to the requested hash
/// (or that does not decode).
const COST_BAD_RESPONSE: ReputationChange =
	ReputationChange::new(-(1 << 20), "artifact response with wrong bytes");

type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// Asks a peer for one artifact.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct ArtifactRequest {
	/// blake2-256 of the artifact's bytes.
	pub hash: Hash256,
}

/// A peer's answer to an [`ArtifactRequest`].
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum ArtifactResponse {
	/// The artifact's bytes.
	Found(Vec<u8>),
	/// The peer does not hold the artifact.
	NotFound,
}

/// The protocol's name on the wire: `/<genesis hash hex>[/<fork id>]/verity/artifacts/1`,
/// so nodes of different chains never exchange artifacts.
pub fn protocol_name(genesis_hash: &Hash, fork_id: Option<&str>) -> ProtocolName {
	let genesis = to_hex(genesis_hash.as_ref());
	let genesis = genesis.trim_start_matches("0x");
	match fork_id {
		Some(fork_id) => format!("/{genesis}/{fork_id}/verity/artifacts/1"),
		None => format!("/{genesis}/verity/artifacts/1"),
	}
	.into()
}

/// Largest response: an artifact of the store's maximum size, encoded.
fn max_response_size(store: &ArtifactStore) -> u64 {
	(store.max_len() as u64).saturating_add(RESPONSE_OVERHEAD)
}

/// Answers the peers' [`ArtifactRequest`]s from the local store.
pub struct ArtifactServer {
	requests: async_channel::Receiver<IncomingRequest>,
	store: Arc<ArtifactStore>,
}

impl ArtifactServer {
	/// The server and the protocol's configuration, to add to the network
	/// configuration before the network is built.
	pub fn new<N: NetworkBackend<Block, Hash>>(
		protocol: ProtocolName,
		store: Arc<ArtifactStore>,
	) -> (Self, N::RequestResponseProtocolConfig) {
		let (tx, requests) = async_channel::bounded(INBOUND_QUEUE);
		let config = N::request_response_config(
			protocol,
			Vec::new(),
			MAX_REQUEST_SIZE,
			max_response_size(&store),
			REQUEST_TIMEOUT,
			Some(tx),
		);
		(Self { requests, store }, config)
	}

	/// Serves requests until the network stops. Blocks on disk I/O: run it on
	/// a blocking task.
	pub async fn run(self) {
		while let Ok(request) = self.requests.recv().await {
			let IncomingRequest {
				peer,
				payload,
				pending_response,
			} = request;
			let (result, reputation_changes) = match self.answer(&peer, &payload) {
				Ok(response) => (Ok(response.encode()), Vec::new()),
				Err(()) => (Err(()), vec![COST_BAD_REQUEST]),
			};
			let (sent_tx, sent_rx) = oneshot::channel();
			let response = OutgoingResponse {
				result,
				reputation_changes,
				sent_feedback: Some(sent_tx),
			};
			if pending_response.send(response).is_err() {
				log::debug!(target: LOG, "peer {peer} no longer waits for its artifact");
				continue;
			}
			// One artifact in flight at a time bounds the memory the server
			// uses; a response the network drops cancels the wait.
			let _ =
				futures::future::select(sent_rx, futures_timer::Delay::new(REQUEST_TIMEOUT)).await;
		}
		log::debug!(target: LOG, "artifact server stopped");
	}

	/// The response to `payload` from `peer`; `Err` if it does not decode.
	fn answer(&self, peer: &PeerId, payload: &[u8]) -> Result<ArtifactResponse, ()> {
		let request = ArtifactRequest::decode_all(&mut &payload[..]).map_err(|e| {
			log::debug!(target: LOG, "undecodable artifact request from {peer}: {e}");
		})?;
		let hash = to_hex(&request.hash);
		Ok(match self.store.get(&request.hash) {
			Ok(Some(bytes)) => {
				log::debug!(
					target: LOG,
					"sending artifact {hash} ({} bytes) to {peer}",
					bytes.len()
				);
				ArtifactResponse::Found(bytes)
			}
			Ok(None) => {
				log::debug!(target: LOG, "peer {peer} asked for artifact {hash}: not stored");
				ArtifactResponse::NotFound
			}
			Err(e) => {
				log::warn!(target: LOG, "peer {peer} asked for artifact {hash}: {e}");
				ArtifactResponse::NotFound
			}
		})
	}
}

/// An artifact fetched from a peer and stored.
#[derive(Clone, Debug)]
pub struct Fetched {
	/// The peer that sent it; `None` if the store already had it.
	pub peer: Option<PeerId>,
	/// Its length in bytes.
	pub len: usize,
}

/// Why [`ArtifactFetcher::fetch`] found no artifact.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
	/// The node has no peers to ask.
	#[error("no connected peers to ask")]
	NoPeers,
	/// Every connected peer was asked; none sent the artifact.
	#[error("none of the {asked} connected peer(s) has it ({})", .answers.join("; "))]
	NotFound {
		/// How many peers were asked.
		asked: usize,
		/// What each peer answered, `<peer>: <answer>`.
		answers: Vec<String>,
	},
	/// The syncing service (which knows the peers) has stopped.
	#[error("the node's syncing service has stopped")]
	SyncStopped,
}

/// Fetches artifacts from the node's peers into the local store.
pub struct ArtifactFetcher {
	network: Arc<dyn NetworkService>,
	sync: Arc<SyncingService<Block>>,
	store: Arc<ArtifactStore>,
	protocol: ProtocolName,
}

impl ArtifactFetcher {
	/// A fetcher asking the peers `sync` knows over `protocol`.
	pub fn new(
		network: Arc<dyn NetworkService>,
		sync: Arc<SyncingService<Block>>,
		store: Arc<ArtifactStore>,
		protocol: ProtocolName,
	) -> Self {
		Self {
			network,
			sync,
			store,
			protocol,
		}
	}

	/// Asks the connected peers one after another for the artifact `hash` and
	/// stores the first reply that hashes to it. Blocks on disk I/O (hashing
	/// and writing the artifact): run it on a blocking task.
	pub async fn fetch(&self, hash: Hash256) -> Result<Fetched, FetchError> {
		let peers = self
			.sync
			.peers_info()
			.await
			.map_err(|_| FetchError::SyncStopped)?;
		if peers.is_empty() {
			return Err(FetchError::NoPeers);
		}
		let request = ArtifactRequest { hash }.encode();
		let mut answers = Vec::new();
		for (peer, _) in &peers {
			if self.store.contains(&hash) {
				// Uploaded (or fetched by another task) meanwhile.
				let len = self.store.get(&hash).ok().flatten().map_or(0, |b| b.len());
				return Ok(Fetched { peer: None, len });
			}
			match self.ask(*peer, &hash, request.clone()).await {
				Ok(len) => {
					return Ok(Fetched {
						peer: Some(*peer),
						len,
					})
				}
				Err(answer) => {
					log::debug!(target: LOG, "artifact {} from {peer}: {answer}", to_hex(&hash));
					answers.push(format!("{peer}: {answer}"));
				}
			}
		}
		Err(FetchError::NotFound {
			asked: peers.len(),
			answers,
		})
	}

	/// Asks `peer`; the stored artifact's length, or what went wrong.
	async fn ask(&self, peer: PeerId, hash: &Hash256, request: Vec<u8>) -> Result<usize, String> {
		let (payload, _) = self
			.network
			.request(
				peer,
				self.protocol.clone(),
				request,
				None,
				IfDisconnected::ImmediateError,
			)
			.await
			.map_err(|e| match e {
				RequestFailure::Refused => "refused (busy, or does not serve artifacts)".into(),
				e => format!("request failed: {e}"),
			})?;
		let bytes = match ArtifactResponse::decode_all(&mut &payload[..]) {
			Ok(ArtifactResponse::Found(bytes)) => bytes,
			Ok(ArtifactResponse::NotFound) => return Err("not found".into()),
			Err(e) => {
				self.network.report_peer(peer, COST_BAD_RESPONSE);
				return Err(format!("undecodable response: {e}"));
			}
		};
		match self.store.insert_expected(hash, &bytes) {
			Ok(()) => Ok(bytes.len()),
			Err(e @ verity_artifacts::Error::HashMismatch { .. }) => {
				self.network.report_peer(peer, COST_BAD_RESPONSE);
				Err(format!("sent wrong bytes: {e}"))
			}
			Err(e) => Err(format!("storing its reply: {e}")),
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn protocol_name_is_per_chain() {
		let genesis = Hash::repeat_byte(0xab);
		let name = protocol_name(&genesis, None);
		assert_eq!(
			name.to_string(),
			format!("/{}/verity/artifacts/1", "ab".repeat(32))
		);
		assert_eq!(
			protocol_name(&genesis, Some("fork")).to_string(),
			format!("/{}/fork/verity/artifacts/1", "ab".repeat(32))
		);
	}

	#[test]
	fn messages_round_trip_in_scale() {
		let request = ArtifactRequest { hash: [7; 32] };
		assert_eq!(request.encode(), vec![7; 32]);
		assert_eq!(
			ArtifactRequest::decode_all(&mut &request.encode()[..]).unwrap(),
			request
		);
		for response in [
			ArtifactResponse::Found(vec![1, 2, 3]),
			ArtifactResponse::NotFound,
		] {
			assert_eq!(
				ArtifactResponse::decode_all(&mut &response.encode()[..]).unwrap(),
				response
			);
		}
		// A short or padded request is refused.
		assert!(ArtifactRequest::decode_all(&mut &[7u8; 31][..]).is_err());
		assert!(ArtifactRequest::decode_all(&mut &[7u8; 33][..]).is_err());
	}

	#[test]
	fn a_largest_artifact_fits_the_response_limit() {
		let dir = tempfile::tempdir().unwrap();
		let store = ArtifactStore::open(dir.path(), 1000).unwrap();
		let encoded = ArtifactResponse::Found(vec![0; 1000]).encode();
		assert!(encoded.len() as u64 <= max_response_size(&store));
	}

	#[test]
	fn the_server_answers_from_the_store() {
		let dir = tempfile::tempdir().unwrap();
		let store = Arc::new(ArtifactStore::open(dir.path(), 1000).unwrap());
		let hash = store.insert(b"proving key").unwrap();
		let (_tx, requests) = async_channel::bounded(1);
		let server = ArtifactServer { requests, store };
		let peer = PeerId::random();
		let ask = |hash: Hash256| server.answer(&peer, &ArtifactRequest { hash }.encode());
		assert_eq!(
			ask(hash),
			Ok(ArtifactResponse::Found(b"proving key".to_vec()))
		);
		assert_eq!(ask([0; 32]), Ok(ArtifactResponse::NotFound));
		assert_eq!(server.answer(&peer, b"short"), Err(()));
	}
}
