//! The inference worker (`verity-node --executor`).
//!
//! A task that follows the chain and serves the inference requests of this
//! node's executor account:
//!
//! 1. On every new best block it asks the runtime (`InferenceApi::
//!    pending_for_executor`) which open requests the account may answer: the
//!    ones drawn for it whose window is still open. A request it cannot serve
//!    (the model fails here, its artifacts are still missing a few blocks
//!    before the window ends, or its fee is below `--executor-min-fee`) it
//!    passes on with `Inference::decline`, which costs no slash; a window it
//!    lets lapse does.
//! 2. It looks up each request's model (`InferenceApi::model`, and the proving
//!    key hash and verifying key from pallet-models' storage) and loads the
//!    quantized model and the proving key from the node's artifact store.
//! 3. A missing artifact is fetched from the node's peers
//!    ([`crate::artifact_sync`]: every node serves its store over the
//!    `/<genesis>/verity/artifacts/1` request-response protocol), on a blocking
//!    task so the block loop goes on; the bytes are stored only if they hash to
//!    the registered hash. A hash no peer has is logged as an error and asked
//!    for again after 30 s, then with a doubling backoff up to 10 min; the
//!    request waits meanwhile and is served in the first block after its
//!    artifacts arrive (fetched, or uploaded over RPC), or else is declined
//!    shortly before its window ends, and another executor is drawn.
//! 4. It runs the model in fixed point and proves it (verity-zk Groth16) on
//!    blocking threads, `--executor-concurrency` at a time, holding at most
//!    `--executor-queue` requests; it checks the proof against the model's
//!    on-chain verifying key, so a bad key never costs the bond.
//! 5. It writes the result to its journal and submits it signed with the
//!    executor key (key type `vinf`, sr25519) through the transaction pool:
//!    the `Zk` results proved since the last block together, in one
//!    `Inference::submit_results` (verified as a batch), others and lone
//!    ones with `Inference::submit_result`; at each new best block, or at
//!    once when no other job is running or queued. If the request is still open some blocks later (or
//!    after a restart, since the pool is not persisted) the journaled result is
//!    submitted again, never proved again; the journal entry goes once a
//!    finalized block no longer has the request open.
//!
//! 6. It watches other executors' provisional (`Optimistic`) results
//!    (`InferenceApi::provisional_results`): it reruns the model on a
//!    deterministic sample of them (`--executor-challenge-rate`) and, for an
//!    output that differs, proves the right one for itself and submits
//!    `Inference::challenge` within the challenge window.
//!
//! Metrics (with the node's `substrate_` prefix): `verity_worker_requests_seen_total`,
//! `..._proved_total`, `..._failed_total`, `..._submitted_total`,
//! `..._accepted_total`, `..._challenges_total`, `verity_worker_prove_seconds`, `verity_worker_queue`,
//! `verity_worker_artifacts_fetched_total` and
//! `verity_worker_artifact_fetch_failures_total`.

pub mod journal;

use std::{
	collections::{HashMap, HashSet, VecDeque},
	path::PathBuf,
	sync::Arc,
	time::{Duration, Instant},
};
use verity_inference::hash::to_hex;

use futures::{channel::mpsc, FutureExt, StreamExt};
use pallet_ceremony_runtime_api::CeremonyApi;
use pallet_inference_runtime_api::InferenceApi;
use parking_lot::Mutex;
use prometheus_endpoint::{
	register, Counter, Gauge, Histogram, HistogramOpts, PrometheusError, Registry, U64,
};
use sc_client_api::BlockchainEvents;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_consensus::BlockOrigin;
use sp_core::{crypto::KeyTypeId, sr25519, Bytes};
use sp_keystore::KeystorePtr;
use sp_runtime::{
	traits::{Get, Header as _},
	BoundedVec,
};
use verity_artifacts::ArtifactStore;
use verity_inference::QuantizedModel;
use verity_runtime::{opaque::Block, AccountId, RuntimeCall};
use verity_zk::unpacked::{self, KeySource};
use verity_zk::{Binding, ProvingKey};

use crate::{
	artifact_sync::{ArtifactFetcher, FetchError, Fetched},
	service::FullClient,
};
use journal::{Entry, Journal, SliceCommitments};

/// Key type of the executor key in the node's keystore.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"vinf");

/// Log target.
const LOG: &str = "verity-worker";
/// A request whose artifacts are still missing this many blocks before its
/// window ends is declined.
const DECLINE_BEFORE: u32 = 3;
/// A submitted result still not included this many blocks later is submitted again.
const RESUBMIT_AFTER: u32 = 5;
/// A result is submitted at most this often.
const MAX_ATTEMPTS: u32 = 5;
/// Loaded models and proving keys kept in memory.
const CACHE_MODELS: usize = 2;
/// Where the unpacked copies of proving keys live, under the artifact store
/// (`verity_zk::unpacked`: a key loads in milliseconds instead of seconds).
const UNPACKED_DIR: &str = "unpacked";
/// Unpacked keys kept on disk (LeNet-5's is 110 MB); the oldest go first.
const UNPACKED_KEPT: usize = 4;
/// A missing artifact no peer had is asked for again after this long...
const FETCH_RETRY: Duration = Duration::from_secs(30);
/// ...doubling after each failure, up to this.
const FETCH_RETRY_MAX: Duration = Duration::from_secs(600);

/// The transaction pool the node runs.
pub type Pool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;
type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// Everything the worker needs from the node.
pub struct WorkerParams {
	/// The client.
	pub client: Arc<FullClient>,
	/// The transaction pool results are submitted to.
	pub pool: Arc<Pool>,
	/// Holds the executor key.
	pub keystore: KeystorePtr,
	/// Model artifacts.
	pub store: Arc<ArtifactStore>,
	/// Fetches missing artifacts from peers into `store`.
	pub fetcher: Arc<ArtifactFetcher>,
	/// The SRS and the proving keys this node checked (shared with the
	/// ceremony task).
	pub keys: Arc<crate::ceremony::Keys>,
	/// Where the journal lives.
	pub journal_dir: PathBuf,
	/// Requests proved at the same time.
	pub concurrency: usize,
	/// Requests held (queued and proving) at most.
	pub queue: usize,
	/// Requests with a smaller fee (planck) are declined.
	pub min_fee: u128,
	/// Percent of other executors' provisional results checked.
	pub challenge_rate: u8,
	/// Prometheus registry of the node, if metrics are on.
	pub registry: Option<Registry>,
}

/// The worker's Prometheus metrics.
#[derive(Clone)]
struct Metrics {
	seen: Counter<U64>,
	proved: Counter<U64>,
	failed: Counter<U64>,
	submitted: Counter<U64>,
	accepted: Counter<U64>,
	challenges: Counter<U64>,
	prove_seconds: Histogram,
	queue: Gauge<U64>,
	fetched: Counter<U64>,
	fetch_failures: Counter<U64>,
}

impl Metrics {
	fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let counter = |name: &str, help: &str| -> Result<Counter<U64>, PrometheusError> {
			register(Counter::new(name, help)?, registry)
		};
		Ok(Self {
			seen: counter(
				"verity_worker_requests_seen_total",
				"Inference requests the executor may answer, first seen",
			)?,
			proved: counter(
				"verity_worker_requests_proved_total",
				"Inference requests executed (and proved, in Zk mode)",
			)?,
			failed: counter(
				"verity_worker_requests_failed_total",
				"Inference requests that could not be served (missing artifact, engine or prover error)",
			)?,
			submitted: counter(
				"verity_worker_results_submitted_total",
				"submit_result transactions handed to the transaction pool",
			)?,
			accepted: counter(
				"verity_worker_results_accepted_total",
				"Results of this executor found accepted on chain",
			)?,
			challenges: counter(
				"verity_worker_challenges_total",
				"Challenges of wrong provisional results this executor submitted",
			)?,
			prove_seconds: register(
				Histogram::with_opts(
					HistogramOpts::new(
						"verity_worker_prove_seconds",
						"Time to execute and prove one request (model loading included)",
					)
					.buckets(vec![0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0]),
				)?,
				registry,
			)?,
			queue: register(
				Gauge::new(
					"verity_worker_queue",
					"Requests queued or being proved by the worker",
				)?,
				registry,
			)?,
			fetched: counter(
				"verity_worker_artifacts_fetched_total",
				"Missing model artifacts fetched from peers",
			)?,
			fetch_failures: counter(
				"verity_worker_artifact_fetch_failures_total",
				"Attempts to fetch a missing model artifact from peers that found it nowhere",
			)?,
		})
	}
}

/// A request to execute, or a provisional result to check.
#[derive(Clone, Debug)]
struct Job {
	request_id: u64,
	model_id: u64,
	mode: pallet_models::InferenceMode,
	/// Prove the output (a `Zk` request, or a check).
	zk: bool,
	/// A check of another executor's provisional output (this one): prove
	/// and challenge only if the model's output differs.
	claimed: Option<Vec<i32>>,
	input: Vec<i32>,
	quantized_hash: [u8; 32],
	proving_key_hash: Option<[u8; 32]>,
	verifying_key: Option<Vec<u8>>,
	/// The chain's final SRS (Zk jobs): the proving key is checked against it.
	srs: Option<crate::ceremony::SrsId>,
	executor: [u8; 32],
	/// The request's fee (planck).
	fee: u128,
	/// A slice of a sliced version's request (`quantized_hash` and the key
	/// are the slice's, `input` the whole request's).
	slice: Option<SliceWork>,
}

/// What a slice's job runs before it proves its slice.
#[derive(Clone, Debug)]
struct SliceWork {
	/// The slice's place in the version's chain.
	index: u32,
	/// The quantized models of the slices before it, in order: run in fixed
	/// point on the whole request's input, they give the slice's input.
	before: Vec<[u8; 32]>,
}

impl Job {
	/// The artifacts the job needs, with what they are.
	fn artifacts(&self) -> Vec<([u8; 32], &'static str)> {
		let mut all = vec![(self.quantized_hash, "quantized model")];
		if let Some(slice) = &self.slice {
			all.extend(
				slice
					.before
					.iter()
					.map(|h| (*h, "quantized model of an earlier slice")),
			);
		}
		if let Some(h) = self.proving_key_hash {
			all.push((h, "proving key"));
		}
		if let Some(crate::ceremony::SrsId::Artifact(h)) = self.srs {
			all.push((h, "final SRS"));
		}
		all
	}
}

/// A job's output, its proof (empty if not proved) and, for a slice, the
/// commitments it is submitted with (a boundary slice's output is its
/// commitment alone: `output` is empty).
struct Proved {
	output: Vec<i32>,
	proof: Vec<u8>,
	slice: Option<SliceCommitments>,
}

/// What a job gives; `None` for a check that found the claimed output right.
type Executed = Option<Proved>;

/// A finished job.
struct Done {
	job: Job,
	seconds: f64,
	result: Result<Executed, String>,
}

/// The `Inference::submit_result` call of a journaled result
/// (`submit_slice_result` for a slice's).
fn result_call(entry: &Entry) -> Result<RuntimeCall, String> {
	if let Some(slice) = &entry.slice {
		let bytes32 = |b: &Bytes| -> Result<[u8; 32], String> {
			b.0.as_slice()
				.try_into()
				.map_err(|_| "a commitment is not 32 bytes".to_string())
		};
		let output = match &slice.leaving {
			Some(c) => pallet_inference::SliceOutput::Boundary(bytes32(c)?),
			None => pallet_inference::SliceOutput::Values(
				BoundedVec::try_from(entry.output.clone())
					.map_err(|_| "output longer than the runtime allows".to_string())?,
			),
		};
		return Ok(RuntimeCall::Inference(
			pallet_inference::Call::submit_slice_result {
				request_id: entry.request_id,
				entering: slice.entering.as_ref().map(bytes32).transpose()?,
				output,
				proof: BoundedVec::try_from(entry.proof.0.clone())
					.map_err(|_| "proof longer than the runtime allows".to_string())?,
			},
		));
	}
	Ok(RuntimeCall::Inference(
		pallet_inference::Call::submit_result {
			request_id: entry.request_id,
			output: BoundedVec::try_from(entry.output.clone())
				.map_err(|_| "output longer than the runtime allows".to_string())?,
			proof: BoundedVec::try_from(entry.proof.0.clone())
				.map_err(|_| "proof longer than the runtime allows".to_string())?,
		},
	))
}

/// The `Inference::submit_results` call of journaled `Zk` results.
fn batch_call(entries: &[Entry]) -> Result<RuntimeCall, String> {
	let results = entries
		.iter()
		.map(|entry| {
			Ok(pallet_inference::ZkResult {
				request_id: entry.request_id,
				output: BoundedVec::try_from(entry.output.clone())
					.map_err(|_| "output longer than the runtime allows".to_string())?,
				proof: BoundedVec::try_from(entry.proof.0.clone())
					.map_err(|_| "proof longer than the runtime allows".to_string())?,
			})
		})
		.collect::<Result<Vec<_>, String>>()?;
	Ok(RuntimeCall::Inference(
		pallet_inference::Call::submit_results {
			results: BoundedVec::try_from(results)
				.map_err(|_| "more results than a batch holds".to_string())?,
		},
	))
}

/// Why a request is not being worked on.
enum Parked {
	/// Artifacts not in the store; retried once they are.
	Missing(Vec<[u8; 32]>),
	/// Failed for good (until the node restarts).
	Failed,
}

/// A quantized model with its (prepared) proving key.
struct Loaded {
	model: QuantizedModel,
	proving_key: Option<ProvingKey>,
}

type Cache = Arc<Mutex<VecDeque<(([u8; 32], Option<[u8; 32]>), Arc<Loaded>)>>>;

/// A missing artifact being fetched from peers.
struct Fetch {
	/// A fetch task is running.
	running: bool,
	/// No new attempt before this.
	next_attempt: Instant,
	/// Wait after the next failure.
	backoff: Duration,
}

/// A fetch task's outcome.
type FetchDone = ([u8; 32], Result<Fetched, FetchError>);

/// Starts the worker as a task of the node.
pub fn start(
	params: WorkerParams,
	spawn: sc_service::SpawnTaskHandle,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
	let journal = Journal::open(&params.journal_dir)?;
	let metrics = params
		.registry
		.as_ref()
		.map(Metrics::register)
		.transpose()?;
	let (done_tx, done_rx) = mpsc::unbounded();
	let (fetched_tx, fetched_rx) = mpsc::unbounded();
	let keys = params.keystore.sr25519_public_keys(KEY_TYPE);
	match keys.first() {
		Some(key) => log::info!(
			target: LOG,
			"inference worker started for executor {} (concurrency {}, queue {}, {} journaled results, artifacts in {})",
			AccountId::from(*key),
			params.concurrency,
			params.queue,
			journal.ids().len(),
			params.store.dir().display()
		),
		None => log::warn!(
			target: LOG,
			"inference worker started, but the keystore has no executor key (type `vinf`): \
			 insert one with `verity-node key insert --key-type vinf --scheme sr25519` or \
			 `author_insertKey`"
		),
	}
	let worker = Worker {
		signer: crate::tx::Signer {
			client: params.client.clone(),
			pool: params.pool,
			keystore: params.keystore.clone(),
		},
		client: params.client,
		keystore: params.keystore,
		store: params.store,
		fetcher: params.fetcher,
		keys: params.keys,
		fetches: HashMap::new(),
		fetched_tx,
		unserved: HashSet::new(),
		spawn: spawn.clone(),
		journal,
		metrics,
		concurrency: params.concurrency.max(1),
		queue_cap: params.queue.max(1),
		min_fee: params.min_fee,
		challenge_rate: params.challenge_rate,
		checked: HashSet::new(),
		declined: HashSet::new(),
		queue: VecDeque::new(),
		in_flight: HashSet::new(),
		parked: HashMap::new(),
		seen: HashSet::new(),
		cache: Arc::new(Mutex::new(VecDeque::new())),
		done_tx,
		warned_no_key: !keys.is_empty(),
		best: None,
		gave_up: HashSet::new(),
		to_submit: Vec::new(),
	};
	spawn.spawn(
		"inference-worker",
		Some("verity"),
		worker.run(done_rx, fetched_rx).boxed(),
	);
	Ok(())
}

struct Worker {
	client: Arc<FullClient>,
	/// Signs and submits results.
	signer: crate::tx::Signer,
	keystore: KeystorePtr,
	store: Arc<ArtifactStore>,
	fetcher: Arc<ArtifactFetcher>,
	keys: Arc<crate::ceremony::Keys>,
	/// Missing artifacts, by hash, being fetched or waiting to be asked for again.
	fetches: HashMap<[u8; 32], Fetch>,
	fetched_tx: mpsc::UnboundedSender<FetchDone>,
	/// Parked requests counted in `requests_failed` (an artifact no peer had).
	unserved: HashSet<u64>,
	spawn: sc_service::SpawnTaskHandle,
	journal: Journal,
	metrics: Option<Metrics>,
	concurrency: usize,
	queue_cap: usize,
	/// Requests with a smaller fee are declined.
	min_fee: u128,
	/// Percent of other executors' provisional results checked.
	challenge_rate: u8,
	/// Provisional results already sampled (checked, being checked or left
	/// out); only ones still provisional are kept.
	checked: HashSet<u64>,
	/// Requests declined, with their draw count then: a request drawn for
	/// this executor again is declined again.
	declined: HashSet<(u64, u32)>,
	queue: VecDeque<Job>,
	in_flight: HashSet<u64>,
	parked: HashMap<u64, Parked>,
	/// Requests counted in `requests_seen`.
	seen: HashSet<u64>,
	cache: Cache,
	done_tx: mpsc::UnboundedSender<Done>,
	warned_no_key: bool,
	best: Option<(Hash, u32)>,
	/// Journaled results no longer submitted (too many attempts).
	gave_up: HashSet<u64>,
	/// Journaled results to submit next ([`Worker::flush`]).
	to_submit: Vec<u64>,
}

impl Worker {
	async fn run(
		mut self,
		done_rx: mpsc::UnboundedReceiver<Done>,
		fetched_rx: mpsc::UnboundedReceiver<FetchDone>,
	) {
		let mut imports = self.client.import_notification_stream().fuse();
		let mut finality = self.client.finality_notification_stream().fuse();
		let mut done_rx = done_rx.fuse();
		let mut fetched_rx = fetched_rx.fuse();
		let info = self.client.info();
		self.on_best(info.best_hash, info.best_number).await;
		loop {
			futures::select! {
				block = imports.next() => match block {
					Some(block) if block.is_new_best && block.origin != BlockOrigin::NetworkInitialSync => {
						self.on_best(block.hash, *block.header.number()).await
					}
					Some(_) => {}
					None => break,
				},
				block = finality.next() => match block {
					Some(block) => self.on_finalized(block.hash),
					None => break,
				},
				done = done_rx.next() => if let Some(done) = done {
					self.on_done(done).await
				},
				fetched = fetched_rx.next() => if let Some((hash, result)) = fetched {
					self.on_fetched(hash, result)
				},
			}
		}
	}

	/// The executor key, if the keystore has one.
	fn key(&mut self) -> Option<sr25519::Public> {
		let key = self.keystore.sr25519_public_keys(KEY_TYPE).first().copied();
		if let Some(key) = key.filter(|_| !self.warned_no_key) {
			log::info!(target: LOG, "executor key found: {}", AccountId::from(key));
			self.warned_no_key = true;
		}
		key
	}

	fn update_queue_metric(&self) {
		if let Some(m) = &self.metrics {
			m.queue
				.set((self.queue.len() + self.in_flight.len()) as u64);
		}
	}

	async fn on_best(&mut self, hash: Hash, number: u32) {
		self.best = Some((hash, number));
		let Some(key) = self.key() else { return };
		let account = AccountId::from(key);

		// Journaled results: submit again if still open and not included in time.
		for id in self.journal.ids() {
			// Open and still ours (a lapsed window passed it to another).
			let open = match self.client.runtime_api().request(hash, id) {
				Ok(open) => open.is_some_and(|r| r.executor.as_ref() == Some(&account)),
				Err(e) => {
					log::warn!(target: LOG, "InferenceApi::request({id}) at #{number}: {e}");
					continue;
				}
			};
			let Some(entry) = self.journal.get(id) else {
				continue;
			};
			let due = entry
				.submitted_at
				.is_none_or(|at| number >= at.saturating_add(RESUBMIT_AFTER));
			if open && due {
				if entry.attempts >= MAX_ATTEMPTS {
					if self.gave_up.insert(id) {
						log::error!(
							target: LOG,
							"request {id}: result submitted {} times and still not accepted; giving up",
							entry.attempts
						);
					}
					continue;
				}
				if entry.submitted_at.is_some() {
					log::info!(target: LOG, "request {id}: result not included yet; submitting again");
				} else {
					log::info!(target: LOG, "request {id}: submitting the journaled result (proved before a restart)");
				}
				self.to_submit.push(id);
			}
		}
		self.flush(&key).await;

		let pending = match self
			.client
			.runtime_api()
			.pending_for_executor(hash, account.clone())
		{
			Ok(pending) => pending,
			Err(e) => {
				log::warn!(target: LOG, "InferenceApi::pending_for_executor at #{number}: {e}");
				return;
			}
		};
		for id in pending {
			if self.journal.contains(id)
				|| self.in_flight.contains(&id)
				|| self.queue.iter().any(|j| j.request_id == id)
			{
				continue;
			}
			match self.parked.get(&id) {
				Some(Parked::Failed) => {
					self.decline((hash, number), id, &key, "it cannot be served here", false)
						.await;
					continue;
				}
				Some(Parked::Missing(hashes)) => {
					if !hashes.iter().all(|h| self.store.contains(h)) {
						// Pass it on before the window lapses (a lapse is slashed).
						self.decline(
							(hash, number),
							id,
							&key,
							"its artifacts are still missing",
							true,
						)
						.await;
						continue;
					}
					log::info!(target: LOG, "request {id}: its artifacts arrived; serving it");
					self.parked.remove(&id);
				}
				None => {}
			}
			if self.queue.len() + self.in_flight.len() >= self.queue_cap {
				log::debug!(target: LOG, "queue full ({}); request {id} waits", self.queue_cap);
				break;
			}
			if self.seen.insert(id) {
				if let Some(m) = &self.metrics {
					m.seen.inc();
				}
			}
			match self.job(hash, id, &key) {
				Ok(Some(job)) if job.fee < self.min_fee => {
					let why = format!(
						"its fee {} is below --executor-min-fee {}",
						job.fee, self.min_fee
					);
					self.decline((hash, number), id, &key, &why, false).await;
				}
				Ok(Some(job)) => {
					let missing: Vec<_> = job
						.artifacts()
						.into_iter()
						.filter(|(h, _)| !self.store.contains(h))
						.collect();
					if missing.is_empty() {
						log::info!(
							target: LOG,
							"request {id}: model {}, {:?} mode, queued",
							job.model_id,
							job.mode
						);
						self.queue.push_back(job);
					} else {
						let list: Vec<String> = missing
							.iter()
							.map(|(h, what)| format!("{} ({what})", to_hex(h)))
							.collect();
						log::warn!(
							target: LOG,
							"request {id}: model {}'s artifact(s) {} not in the artifact store {}; \
							 fetching them from peers",
							job.model_id,
							list.join(", "),
							self.store.dir().display()
						);
						self.parked.insert(
							id,
							Parked::Missing(missing.into_iter().map(|(h, _)| h).collect()),
						);
					}
				}
				Ok(None) => {}
				Err(e) => {
					log::error!(target: LOG, "request {id}: {e}; not serving it");
					if let Some(m) = &self.metrics {
						m.failed.inc();
					}
					self.parked.insert(id, Parked::Failed);
				}
			}
		}
		self.watch_provisional(hash, &account);
		self.fetch_missing();
		self.start_jobs();
		self.update_queue_metric();
	}

	/// Queues a check of the sampled provisional results of other executors
	/// not checked yet (whose artifacts this node has).
	fn watch_provisional(&mut self, hash: Hash, me: &AccountId) {
		if self.challenge_rate == 0 {
			return;
		}
		let all = match self.client.runtime_api().provisional_results(hash) {
			Ok(all) => all,
			Err(e) => {
				log::warn!(target: LOG, "InferenceApi::provisional_results: {e}");
				return;
			}
		};
		let open: HashSet<u64> = all.iter().map(|(id, _)| *id).collect();
		self.checked.retain(|id| open.contains(id));
		for (id, provisional) in all {
			if &provisional.executor == me
				|| !sampled(id, me, self.challenge_rate)
				|| self.checked.contains(&id)
			{
				continue;
			}
			if self.queue.len() + self.in_flight.len() >= self.queue_cap {
				break;
			}
			self.checked.insert(id);
			let job = self.job_for(
				hash,
				id,
				provisional.model_id,
				pallet_models::InferenceMode::Zk,
				provisional.input,
				provisional.fee,
				me,
				None,
			);
			match job {
				Ok(mut job) if job.artifacts().iter().all(|(h, _)| self.store.contains(h)) => {
					log::info!(
						target: LOG,
						"request {id}: checking {}'s provisional result (model {})",
						provisional.executor,
						job.model_id
					);
					job.claimed = Some(provisional.output);
					self.queue.push_back(job);
				}
				Ok(_) => log::info!(
					target: LOG,
					"request {id}: not checking its provisional result: model {}'s artifacts are not here",
					provisional.model_id
				),
				Err(e) => {
					log::warn!(target: LOG, "request {id}: not checking its provisional result: {e}")
				}
			}
		}
	}

	/// Starts fetching, from peers, the artifacts parked requests lack that are
	/// not being fetched and are due for an attempt.
	fn fetch_missing(&mut self) {
		let needed = self.needed();
		// Forget artifacts no open request needs any more.
		self.fetches
			.retain(|hash, fetch| fetch.running || needed.contains_key(hash));
		let now = Instant::now();
		for (hash, ids) in needed {
			let fetch = self.fetches.entry(hash).or_insert(Fetch {
				running: false,
				next_attempt: now,
				backoff: FETCH_RETRY,
			});
			if fetch.running || now < fetch.next_attempt {
				continue;
			}
			fetch.running = true;
			log::info!(
				target: LOG,
				"artifact {} (request(s) {ids:?}): asking peers",
				to_hex(&hash)
			);
			let fetcher = self.fetcher.clone();
			let fetched_tx = self.fetched_tx.clone();
			// Blocking: the fetcher hashes and writes up to `--artifact-max-size`.
			self.spawn.spawn_blocking(
				"artifact-fetch",
				Some("verity"),
				async move {
					let result = fetcher.fetch(hash).await;
					let _ = fetched_tx.unbounded_send((hash, result));
				}
				.boxed(),
			);
		}
	}

	/// The artifacts parked requests lack, with the requests that need them.
	fn needed(&self) -> HashMap<[u8; 32], Vec<u64>> {
		let mut needed: HashMap<[u8; 32], Vec<u64>> = HashMap::new();
		for (&id, parked) in &self.parked {
			if let Parked::Missing(hashes) = parked {
				for hash in hashes.iter().filter(|h| !self.store.contains(h)) {
					needed.entry(*hash).or_default().push(id);
				}
			}
		}
		for ids in needed.values_mut() {
			ids.sort_unstable();
		}
		needed
	}

	/// A fetch task finished. Requests whose artifacts are now all stored are
	/// served from the next best block on.
	fn on_fetched(&mut self, hash: [u8; 32], result: Result<Fetched, FetchError>) {
		let ids = self.needed().remove(&hash).unwrap_or_default();
		match result {
			Ok(fetched) => {
				self.fetches.remove(&hash);
				match fetched.peer {
					Some(peer) => {
						log::info!(
							target: LOG,
							"artifact {} ({} bytes) fetched from peer {peer}",
							to_hex(&hash),
							fetched.len
						);
						if let Some(m) = &self.metrics {
							m.fetched.inc();
						}
					}
					None => log::info!(
						target: LOG,
						"artifact {} arrived in the store while asking peers",
						to_hex(&hash)
					),
				}
			}
			Err(e) => {
				let Some(fetch) = self.fetches.get_mut(&hash) else {
					return;
				};
				fetch.running = false;
				fetch.next_attempt = Instant::now() + fetch.backoff;
				let retry = fetch.backoff;
				fetch.backoff = (fetch.backoff * 2).min(FETCH_RETRY_MAX);
				log::error!(
					target: LOG,
					"artifact {} of request(s) {ids:?} could not be fetched from peers: {e}; \
					 upload it to this node or any peer (artifacts_upload / \
					 artifacts_beginUpload RPC) before the request's deadline, or it expires \
					 and is refunded; asking peers again in {} s",
					to_hex(&hash),
					retry.as_secs()
				);
				if let Some(m) = &self.metrics {
					m.fetch_failures.inc();
					for id in &ids {
						if self.unserved.insert(*id) {
							m.failed.inc();
						}
					}
				}
			}
		}
	}

	/// Reads what serving request `id` needs from the chain at `hash`.
	fn job(&self, hash: Hash, id: u64, key: &sr25519::Public) -> Result<Option<Job>, String> {
		let Some(request) = self
			.client
			.runtime_api()
			.request(hash, id)
			.map_err(|e| format!("InferenceApi::request: {e}"))?
		else {
			return Ok(None);
		};
		let me = AccountId::from(*key);
		// A slice's request: its input is the whole request's, its model the
		// slice's (a runtime without `slice_job` has no sliced requests).
		let slice = self.client.runtime_api().slice_job(hash, id).ok().flatten();
		// A slice is paid its share of the whole request's fee.
		let fee = match &slice {
			Some(job) => self
				.client
				.runtime_api()
				.request(hash, job.parent)
				.ok()
				.flatten()
				.map_or(0, |parent| parent.fee / job.slices.len().max(1) as u128),
			None => request.fee,
		};
		let (input, slice) = match slice {
			Some(job) => {
				let hashes: Vec<[u8; 32]> = job
					.slices
					.iter()
					.map(|(_, info)| info.slice.quantized_hash)
					.collect();
				let index = job.index as usize;
				let own = *hashes.get(index).ok_or_else(|| {
					format!("slice {index} of request {} is not registered", job.parent)
				})?;
				let work = SliceWork {
					index: job.index,
					before: hashes[..index].to_vec(),
				};
				(job.input, Some((own, work)))
			}
			None => (request.input, None),
		};
		self.job_for(
			hash,
			id,
			request.model_id,
			request.mode,
			input,
			fee,
			&me,
			slice,
		)
		.map(Some)
	}

	/// The job of running model `model_id` on `input` for request `id` in
	/// `mode` (`Zk`: proved, with the final key), as `executor`, at `hash`.
	/// For a slice's request, `slice` gives the slice's quantized hash (a
	/// slice has no spec of its own) and what runs before it.
	#[allow(clippy::too_many_arguments)]
	fn job_for(
		&self,
		hash: Hash,
		id: u64,
		model_id: u64,
		mode: pallet_models::InferenceMode,
		input: Vec<i32>,
		fee: u128,
		executor: &AccountId,
		slice: Option<([u8; 32], SliceWork)>,
	) -> Result<Job, String> {
		let api = self.client.runtime_api();
		let (quantized_hash, slice) = match slice {
			Some((hash, work)) => (hash, Some(work)),
			None => (
				api.model(hash, model_id)
					.map_err(|e| format!("InferenceApi::model: {e}"))?
					.ok_or_else(|| format!("model {model_id} is not registered"))?
					.quantized_hash,
				None,
			),
		};
		let zk = mode == pallet_models::InferenceMode::Zk;
		let (proving_key_hash, verifying_key, srs) = if zk {
			// Only a final ceremony key: the runtime refuses Zk requests before.
			let key = api
				.key(hash, model_id)
				.map_err(|e| format!("CeremonyApi::key: {e}"))?
				.filter(|k| k.status == pallet_ceremony::KeyStatus::Final)
				.ok_or_else(|| format!("model {model_id} has no final key"))?;
			let pk = key
				.proving_key
				.ok_or_else(|| format!("model {model_id} has no proving key"))?;
			let srs = api
				.srs(hash)
				.map_err(|e| format!("CeremonyApi::srs: {e}"))?
				.as_ref()
				.and_then(crate::ceremony::final_srs)
				.ok_or("the SRS is not final")?;
			(Some(pk), Some(key.verifying_key), Some(srs))
		} else {
			(None, None, None)
		};
		let executor: &[u8; 32] = executor.as_ref();
		Ok(Job {
			request_id: id,
			model_id,
			mode,
			zk,
			claimed: None,
			input,
			quantized_hash,
			proving_key_hash,
			verifying_key,
			srs,
			executor: *executor,
			fee,
			slice,
		})
	}

	fn start_jobs(&mut self) {
		while self.in_flight.len() < self.concurrency {
			let Some(job) = self.queue.pop_front() else {
				break;
			};
			self.in_flight.insert(job.request_id);
			let store = self.store.clone();
			let cache = self.cache.clone();
			let keys = self.keys.clone();
			let done_tx = self.done_tx.clone();
			self.spawn.spawn_blocking(
				"inference-prover",
				Some("verity"),
				async move {
					let start = Instant::now();
					let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
						execute(&store, &cache, &keys, &job)
					}))
					.unwrap_or_else(|_| Err("the prover panicked".into()));
					let _ = done_tx.unbounded_send(Done {
						job,
						seconds: start.elapsed().as_secs_f64(),
						result,
					});
				}
				.boxed(),
			);
		}
	}

	async fn on_done(&mut self, done: Done) {
		let id = done.job.request_id;
		self.in_flight.remove(&id);
		if done.job.claimed.is_some() {
			self.on_checked(done).await;
		} else {
			self.on_served(done).await;
		}
		self.start_jobs();
		self.update_queue_metric();
	}

	/// A check of a provisional result finished: challenge a wrong one.
	async fn on_checked(&mut self, done: Done) {
		let id = done.job.request_id;
		let (output, proof) = match done.result {
			Ok(None) => {
				log::info!(target: LOG, "request {id}: the provisional result is right");
				return;
			}
			Ok(Some(proved)) => (proved.output, proved.proof),
			Err(e) => {
				log::error!(target: LOG, "request {id}: checking the provisional result: {e}");
				return;
			}
		};
		log::warn!(
			target: LOG,
			"request {id}: the provisional result is wrong; challenging it with a proof of {output:?} ({:.3} s)",
			done.seconds
		);
		let (Some((hash, number)), Some(key)) = (self.best, self.key()) else {
			return;
		};
		let call = match (BoundedVec::try_from(output), BoundedVec::try_from(proof)) {
			(Ok(output), Ok(proof)) => RuntimeCall::Inference(pallet_inference::Call::challenge {
				request_id: id,
				output,
				proof,
			}),
			_ => {
				log::error!(target: LOG, "request {id}: the challenge does not fit the runtime's bounds");
				return;
			}
		};
		match self.signer.submit(KEY_TYPE, &key, call, hash, number).await {
			Ok(tx) => {
				log::info!(target: LOG, "request {id}: submitted challenge, transaction {tx:?}");
				if let Some(m) = &self.metrics {
					m.challenges.inc();
				}
			}
			Err(e) => {
				log::warn!(target: LOG, "request {id}: the challenge was not submitted ({e})")
			}
		}
	}

	/// A request's job finished: journal and submit its result.
	async fn on_served(&mut self, done: Done) {
		let id = done.job.request_id;
		match done.result {
			Ok(None) => {}
			Ok(Some(Proved {
				output,
				proof,
				slice,
			})) => {
				log::info!(
					target: LOG,
					"request {id}: model {} {} in {:.3} s",
					done.job.model_id,
					if done.job.zk { "executed and proved" } else { "executed" },
					done.seconds
				);
				if let Some(m) = &self.metrics {
					m.proved.inc();
					m.prove_seconds.observe(done.seconds);
				}
				let entry = Entry {
					request_id: id,
					model_id: done.job.model_id,
					output,
					proof: Bytes(proof),
					slice,
					submitted_at: None,
					attempts: 0,
				};
				if let Err(e) = self.journal.put(entry) {
					log::error!(
						target: LOG,
						"request {id}: writing the journal in {}: {e}; submitting anyway",
						self.journal.dir().display()
					);
				}
				self.to_submit.push(id);
				// Batched with what else finishes before the next block,
				// unless nothing else is coming.
				if self.in_flight.is_empty() && self.queue.is_empty() {
					if let Some(key) = self.key() {
						self.flush(&key).await;
					}
				}
			}
			Err(e) => {
				log::error!(
					target: LOG,
					"request {id}: model {}: {e}; the request is left to expire",
					done.job.model_id
				);
				if let Some(m) = &self.metrics {
					m.failed.inc();
				}
				self.parked.insert(id, Parked::Failed);
			}
		}
	}

	/// Passes request `id` on (`Inference::decline`) because of `why`: right
	/// away, or, if `near_window_end` (it might still be served), only within
	/// [`DECLINE_BEFORE`] blocks of its window's end. Once per draw.
	async fn decline(
		&mut self,
		(hash, number): (Hash, u32),
		id: u64,
		key: &sr25519::Public,
		why: &str,
		near_window_end: bool,
	) {
		let Ok(Some(request)) = self.client.runtime_api().request(hash, id) else {
			return;
		};
		let waiting = near_window_end && request.window_end > number.saturating_add(DECLINE_BEFORE);
		if waiting || !self.declined.insert((id, request.draws)) {
			return;
		}
		let call = RuntimeCall::Inference(pallet_inference::Call::decline { request_id: id });
		match self.signer.submit(KEY_TYPE, key, call, hash, number).await {
			Ok(_) => {
				log::warn!(target: LOG, "request {id}: declined, {why}; another executor will be drawn")
			}
			Err(e) => {
				log::warn!(target: LOG, "request {id}: the decline was not submitted ({e})")
			}
		}
	}

	/// Submits the results in `to_submit` at the current best block: the
	/// `Zk` ones in batches of up to `MaxBatchResults` (a batch the pool
	/// refuses, because one of its requests is no longer ours, goes again
	/// result by result), the others and lone ones one by one.
	async fn flush(&mut self, key: &sr25519::Public) {
		let Some((hash, number)) = self.best else {
			return;
		};
		let mut ids = std::mem::take(&mut self.to_submit);
		ids.sort_unstable();
		ids.dedup();
		let (zk, single): (Vec<u64>, Vec<u64>) = ids.into_iter().partition(|id| {
			// A slice's result has a call of its own.
			self.journal
				.get(*id)
				.is_some_and(|entry| !entry.proof.0.is_empty() && entry.slice.is_none())
		});
		let max: u32 =
			<verity_runtime::Runtime as pallet_inference::Config>::MaxBatchResults::get();
		for chunk in zk.chunks(max.max(1) as usize) {
			if let [id] = chunk {
				self.submit(*id, key).await;
				continue;
			}
			let entries: Vec<Entry> = chunk
				.iter()
				.filter_map(|id| self.journal.get(*id).cloned())
				.collect();
			let result = match batch_call(&entries) {
				Ok(call) => self.signer.submit(KEY_TYPE, key, call, hash, number).await,
				Err(e) => Err(e),
			};
			match result {
				Ok(tx) => {
					for id in chunk {
						self.mark_submitted(*id, number);
					}
					log::info!(
						target: LOG,
						"requests {chunk:?}: submitted {} results in one batch, transaction {tx:?}",
						entries.len()
					);
					if let Some(m) = &self.metrics {
						m.submitted.inc_by(entries.len() as u64);
					}
				}
				Err(e) => {
					log::warn!(target: LOG, "requests {chunk:?}: the batch was refused ({e}); submitting them one by one");
					for id in chunk {
						self.submit(*id, key).await;
					}
				}
			}
		}
		for id in single {
			self.submit(id, key).await;
		}
	}

	/// Records in the journal that `id`'s result is submitted at block
	/// `number`; returns its entry.
	fn mark_submitted(&mut self, id: u64, number: u32) -> Option<Entry> {
		let mut entry = self.journal.get(id).cloned()?;
		entry.submitted_at = Some(number);
		entry.attempts += 1;
		if let Err(e) = self.journal.put(entry.clone()) {
			log::warn!(target: LOG, "request {id}: writing the journal: {e}");
		}
		Some(entry)
	}

	/// Submits the journaled result of `id` at the current best block.
	async fn submit(&mut self, id: u64, key: &sr25519::Public) {
		let Some((hash, number)) = self.best else {
			return;
		};
		let Some(entry) = self.mark_submitted(id, number) else {
			return;
		};
		let call = match result_call(&entry) {
			Ok(call) => call,
			Err(e) => {
				log::error!(target: LOG, "request {id}: building the submit_result transaction: {e}");
				return;
			}
		};
		match self.signer.submit(KEY_TYPE, key, call, hash, number).await {
			Ok(tx) => {
				log::info!(target: LOG, "request {id}: submitted result, transaction {tx:?}");
				if let Some(m) = &self.metrics {
					m.submitted.inc();
				}
			}
			Err(e) => log::warn!(
				target: LOG,
				"request {id}: the transaction pool refused the result ({e}); retrying in {RESUBMIT_AFTER} blocks"
			),
		}
	}

	fn on_finalized(&mut self, hash: Hash) {
		let me = self.key().map(AccountId::from);
		let api = self.client.runtime_api();
		// A request made (or answered) in a block newer than the finalized one
		// is not open at the finalized block either: ask the best block too
		// before taking a request for closed.
		let best = self.best.map_or(hash, |(best, _)| best);
		let gone_at_best = |id: u64| {
			matches!(api.request(best, id), Ok(None)) && matches!(api.result(best, id), Ok(None))
		};
		for id in self.journal.ids() {
			match api.request(hash, id) {
				Ok(Some(_)) => {}
				// A provisional result: kept until it is final or overturned.
				Ok(None) if matches!(api.provisional(hash, id), Ok(Some(_))) => {}
				Ok(None) => {
					match api.result(hash, id) {
						Ok(Some(r)) if me.as_ref() == Some(&r.executor) => {
							log::info!(
								target: LOG,
								"request {id}: result accepted in block #{} (verified: {})",
								r.block,
								r.verified
							);
							if let Some(m) = &self.metrics {
								m.accepted.inc();
							}
						}
						Ok(Some(r)) => log::info!(
							target: LOG,
							"request {id}: answered by another executor ({}) in block #{}",
							r.executor,
							r.block
						),
						// Open, or answered, in a block not final yet.
						_ if !gone_at_best(id) => continue,
						_ => {
							log::warn!(target: LOG, "request {id}: closed without a result (expired)")
						}
					}
					self.gave_up.remove(&id);
					if let Err(e) = self.journal.remove(id) {
						log::warn!(target: LOG, "request {id}: removing its journal entry: {e}");
					}
				}
				Err(e) => log::warn!(target: LOG, "InferenceApi::request({id}): {e}"),
			}
		}
		// Forget requests that are closed.
		let closed: Vec<u64> = self
			.parked
			.keys()
			.chain(self.seen.iter())
			.copied()
			.filter(|&id| {
				!self.in_flight.contains(&id)
					&& !self.queue.iter().any(|j| j.request_id == id)
					&& matches!(api.request(hash, id), Ok(None))
					&& matches!(api.request(best, id), Ok(None))
			})
			.collect();
		for id in closed {
			self.parked.remove(&id);
			self.seen.remove(&id);
			self.unserved.remove(&id);
		}
	}
}

/// Loads the job's artifacts (cached) and runs it: the flattened output
/// integers and the proof bytes (empty unless proved); `None` for a check
/// whose claimed output is the model's (nothing to prove).
fn execute(
	store: &ArtifactStore,
	cache: &Cache,
	keys: &crate::ceremony::Keys,
	job: &Job,
) -> Result<Executed, String> {
	let loaded = load(store, cache, job.quantized_hash, job.proving_key_hash)?;
	let model = &loaded.model;
	let inputs = match &job.slice {
		Some(slice) if !slice.before.is_empty() => slice_input(store, cache, slice, &job.input)?,
		_ => model
			.input_tensors(&job.input)
			.map_err(|e| format!("request input: {e}"))?,
	};
	if let Some(claimed) = &job.claimed {
		// Running is cheap next to proving: prove only a wrong output.
		let outputs = model.run(&inputs).map_err(|e| format!("executing: {e}"))?;
		if &flat_output(&outputs)? == claimed {
			return Ok(None);
		}
	}
	let Some(pk) = &loaded.proving_key else {
		let outputs = model.run(&inputs).map_err(|e| format!("executing: {e}"))?;
		return Ok(Some(Proved {
			output: flat_output(&outputs)?,
			proof: Vec::new(),
			slice: None,
		}));
	};
	// Every node checks a ceremony key against the SRS and the chain's
	// verifying key before it proves with it (once per key).
	let (Some(srs), Some(pk_hash), Some(vk)) =
		(job.srs, job.proving_key_hash, job.verifying_key.as_deref())
	else {
		return Err("a Zk job without its key's SRS or hashes".into());
	};
	keys.check_key(srs, pk_hash, pk, model, vk).map_err(|e| {
		format!(
			"refusing to prove with proving key {}: {e}",
			to_hex(&pk_hash)
		)
	})?;
	let binding = Binding {
		request_id: job.request_id,
		executor: job.executor,
	};
	let (outputs, proof) =
		verity_zk::prove(pk, model, &inputs, &binding).map_err(|e| format!("proving: {e}"))?;
	let proof = proof.to_bytes();
	// The chain's own check, before paying for the transaction (and risking
	// the bond on a proving key that does not match the registered verifying
	// key). A slice's proof verifies with its tensors' values as it does with
	// their commitments.
	let statement = verity_zk::statement(model, &inputs, &outputs, &binding);
	verity_zk::verify_encoded::<verity_zk::Bls12_381>(vk, &statement, &proof).map_err(|e| {
		format!("the proof does not verify under the model's on-chain verifying key: {e}")
	})?;
	let Some(slice) = &job.slice else {
		return Ok(Some(Proved {
			output: flat_output(&outputs)?,
			proof,
			slice: None,
		}));
	};
	// A slice is submitted with the commitments of the tensors entering it
	// (but the first, whose input the chain holds) and leaving it (but the
	// last, whose output values are the request's result).
	let layout = &pk.layout;
	let commitment = |c: verity_zk::Result<verity_zk::Fr>| {
		c.map(|c| Bytes(verity_zk::statement::field_to_bytes(&c).to_vec()))
			.map_err(|e| format!("slice commitment: {e}"))
	};
	let entering = match slice.index {
		0 => None,
		_ => Some(commitment(layout.input_commitment(&flat_values(&inputs)))?),
	};
	let (output, leaving) = if layout.boundary_output {
		let leaving = commitment(layout.output_commitment(&flat_values(&outputs)))?;
		(Vec::new(), Some(leaving))
	} else {
		(flat_output(&outputs)?, None)
	};
	Ok(Some(Proved {
		output,
		proof,
		slice: Some(SliceCommitments { entering, leaving }),
	}))
}

/// The tensors entering a slice: the whole request's `input` run in fixed
/// point through the slices before it.
fn slice_input(
	store: &ArtifactStore,
	cache: &Cache,
	slice: &SliceWork,
	input: &[i32],
) -> Result<Vec<verity_inference::IntTensor>, String> {
	let mut tensors: Option<Vec<verity_inference::IntTensor>> = None;
	for hash in &slice.before {
		let before = load(store, cache, *hash, None)?;
		let entering = match tensors.take() {
			Some(t) => t,
			None => before
				.model
				.input_tensors(input)
				.map_err(|e| format!("request input: {e}"))?,
		};
		tensors = Some(
			before
				.model
				.run(&entering)
				.map_err(|e| format!("running slice {}: {e}", to_hex(hash)))?,
		);
	}
	tensors.ok_or_else(|| "a slice with no slice before it".to_string())
}

/// Every value of `tensors`, flattened in order.
fn flat_values(tensors: &[verity_inference::IntTensor]) -> Vec<i64> {
	tensors
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect()
}

/// Every output value, flattened in order, as the chain's `i32`s.
fn flat_output(outputs: &[verity_inference::IntTensor]) -> Result<Vec<i32>, String> {
	outputs
		.iter()
		.flat_map(|t| t.data.iter())
		.map(|&v| i32::try_from(v).map_err(|_| format!("output value {v} does not fit an i32")))
		.collect()
}

/// Whether this executor checks the provisional result of request `id`: a
/// deterministic `rate`% sample per (request, executor), so that executors
/// check different results and a restart checks the same ones.
fn sampled(id: u64, me: &AccountId, rate: u8) -> bool {
	let seed =
		verity_inference::hash::blake2_256(&codec::Encode::encode(&(b"verity/check", id, me)));
	let mut word = [0u8; 8];
	word.copy_from_slice(&seed[..8]);
	u64::from_le_bytes(word) % 100 < u64::from(rate)
}

fn load(
	store: &ArtifactStore,
	cache: &Cache,
	quantized_hash: [u8; 32],
	proving_key_hash: Option<[u8; 32]>,
) -> Result<Arc<Loaded>, String> {
	let key = (quantized_hash, proving_key_hash);
	if let Some((_, loaded)) = cache.lock().iter().find(|(k, _)| *k == key) {
		return Ok(loaded.clone());
	}
	let read = |hash: &[u8; 32], what: &str| {
		store
			.get(hash)
			.map_err(|e| format!("{what} {}: {e}", to_hex(hash)))?
			.ok_or_else(|| format!("{what} {} is not in the artifact store", to_hex(hash)))
	};
	let model = QuantizedModel::from_bytes(&read(&quantized_hash, "quantized model")?)
		.map_err(|e| format!("quantized model {}: {e}", to_hex(&quantized_hash)))?;
	let proving_key = match proving_key_hash {
		Some(h) => {
			let dir = store.dir().join(UNPACKED_DIR);
			let path = dir.join(to_hex(&h));
			let (pk, from) = std::fs::create_dir_all(&dir)
				.map_err(|e| verity_zk::Error::Key(format!("{}: {e}", dir.display())))
				.and_then(|()| unpacked::load(&path, &h, &model, || read(&h, "proving key")))
				.map_err(|e| format!("proving key {}: {e}", to_hex(&h)))?;
			match from {
				KeySource::Unpacked => {}
				KeySource::KeyFile => {
					log::info!(target: LOG, "unpacked proving key {} into {}", to_hex(&h), path.display());
					prune_unpacked(&dir, &path);
				}
				KeySource::KeyFileNotCached(why) => {
					log::warn!(target: LOG, "could not keep proving key {} unpacked: {why}", to_hex(&h))
				}
			}
			Some(pk)
		}
		None => None,
	};
	let loaded = Arc::new(Loaded { model, proving_key });
	let mut cache = cache.lock();
	cache.push_back((key, loaded.clone()));
	while cache.len() > CACHE_MODELS {
		cache.pop_front();
	}
	Ok(loaded)
}

/// Removes the oldest unpacked keys in `dir` beyond [`UNPACKED_KEPT`], never
/// `keep` (the one just written).
fn prune_unpacked(dir: &std::path::Path, keep: &std::path::Path) {
	let Ok(entries) = std::fs::read_dir(dir) else {
		return;
	};
	let mut copies: Vec<(std::time::SystemTime, std::path::PathBuf)> = entries
		.flatten()
		.filter(|e| e.path() != keep)
		.filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
		.collect();
	copies.sort();
	let excess = (copies.len() + 1).saturating_sub(UNPACKED_KEPT);
	for (_, path) in copies.into_iter().take(excess) {
		let _ = std::fs::remove_file(path);
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn key_type_is_vinf() {
		assert_eq!(&KEY_TYPE.0, b"vinf");
	}

	#[test]
	fn only_the_most_recent_unpacked_keys_are_kept() {
		let dir = tempfile::tempdir().unwrap();
		let start = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1 << 30);
		let paths: Vec<_> = (0..6).map(|i| dir.path().join(format!("key{i}"))).collect();
		for (i, path) in paths.iter().enumerate() {
			let file = std::fs::File::create(path).unwrap();
			// key0 is the newest, key5 the oldest.
			file.set_modified(start - std::time::Duration::from_secs(i as u64 * 60))
				.unwrap();
		}
		// The one just written is kept even though it is the oldest here.
		prune_unpacked(dir.path(), &paths[5]);
		let left: Vec<bool> = paths.iter().map(|p| p.exists()).collect();
		assert_eq!(left, [true, true, true, false, false, true]);
		assert_eq!(UNPACKED_KEPT, 4);
	}

	#[test]
	fn checks_sample_the_rate_of_provisional_results() {
		let me = AccountId::from([7u8; 32]);
		let other = AccountId::from([8u8; 32]);
		let count = |who: &AccountId, rate| (0..1000).filter(|&id| sampled(id, who, rate)).count();
		assert_eq!(count(&me, 0), 0);
		assert_eq!(count(&me, 100), 1000);
		let half = count(&me, 50);
		assert!((400..600).contains(&half), "{half} of 1000 sampled at 50%");
		// Executors sample different results.
		let both = (0..1000)
			.filter(|&id| sampled(id, &me, 50) && sampled(id, &other, 50))
			.count();
		assert!(both < half, "{both} of {half}");
	}

	#[test]
	fn metrics_register_under_their_names() {
		let registry = Registry::new();
		let metrics = Metrics::register(&registry).unwrap();
		metrics.seen.inc();
		metrics.prove_seconds.observe(0.2);
		let names: Vec<String> = registry
			.gather()
			.iter()
			.map(|f| f.get_name().to_string())
			.collect();
		for name in [
			"verity_worker_requests_seen_total",
			"verity_worker_requests_proved_total",
			"verity_worker_requests_failed_total",
			"verity_worker_results_submitted_total",
			"verity_worker_results_accepted_total",
			"verity_worker_challenges_total",
			"verity_worker_prove_seconds",
			"verity_worker_queue",
			"verity_worker_artifacts_fetched_total",
			"verity_worker_artifact_fetch_failures_total",
		] {
			assert!(
				names.contains(&name.to_string()),
				"{name} missing in {names:?}"
			);
		}
		// A second worker on the same registry is refused, not double-counted.
		assert!(Metrics::register(&registry).is_err());
	}
}
