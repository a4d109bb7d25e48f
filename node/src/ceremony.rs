//! The ceremony task: a validator's node takes part in the setup ceremony
//! (`pallet-ceremony`) on its own, and every node checks keys before use.
//!
//! On every new best block the task asks the runtime what each of the
//! node's `aura` keys (a validator's key is also its account) has to do
//! (`CeremonyApi::tasks`) and does it on a blocking thread:
//!
//! * **contribute to phase 1**: load the SRS to build on (the identity SRS,
//!   or the accepted one, fetched from peers and fully checked if this node
//!   has not yet), contribute with fresh OS randomness (wiped inside
//!   verity-zk, never written anywhere), store the new SRS in the artifact
//!   store (peers fetch it from there), submit `contribute_srs`;
//! * **check a phase-1 contribution**: fetch the new SRS, run the full check
//!   against the head the runtime accepted, submit `attest_srs(ok)`;
//! * **seal phase 1**: apply the beacon to the last accepted SRS, check the
//!   head, compute the domain tables, store the final SRS, submit `seal_srs`;
//! * **contribute to a model's key**: the current proving key (the initial
//!   one is computed here, from the final SRS and the model), checked
//!   against the SRS and the chain's verifying key first — a key that fails
//!   is refused (logged, never built on) — then a δ contribution, stored,
//!   and `contribute_key`;
//! * **check another participant's key contribution**: fetch the proving key
//!   and run the same check; submit `refute_key` if it fails (or does not
//!   decode), so that a key no one can prove with is removed, not final.
//!   A key no peer serves is refuted only after `--ceremony-unavailable-after`;
//!   until then the job is tried again later;
//! * **prepare or check the shared Lagrange bases** of a domain size. These
//!   have no deadline, so they run one at a time and only while no turn or
//!   check runs: a busy node must not miss its turn for them.
//!
//! A submitted call is resubmitted if the task is still pending some blocks
//! later (never recomputed); a check that passed is not run again. [`Keys`] holds what both this task and the
//! inference worker need: the SRS in memory, Lagrange bases cached under
//! `<base-path>/ceremony/`, and the proving keys this node already checked.

use std::{
	collections::{HashMap, HashSet},
	path::PathBuf,
	sync::Arc,
	time::Duration,
};
use verity_inference::hash::to_hex;

use codec::Encode;
use futures::{channel::mpsc, FutureExt, StreamExt};
use pallet_ceremony_runtime_api::{CeremonyApi, CeremonyTask};
use parking_lot::Mutex;
use sc_client_api::BlockchainEvents;
use sp_api::ProvideRuntimeApi;
use sp_consensus::BlockOrigin;
use sp_core::{crypto::key_types::AURA, sr25519};
use sp_keystore::KeystorePtr;
use sp_runtime::traits::Header as _;
use verity_artifacts::ArtifactStore;
use verity_inference::QuantizedModel;
use verity_runtime::{opaque::Block, AccountId, RuntimeCall};
use verity_zk::ceremony::{self as zk, lagrange, phase2, srs::Srs, SrsHead};
use verity_zk::{Bls12_381, ProvingKey, VerifyingKey};

use crate::{artifact_sync::ArtifactFetcher, service::FullClient, tx::Signer, worker::Pool};

/// Log target.
const LOG: &str = "verity-ceremony";
/// A submitted call still pending this many blocks later is submitted again.
const RESUBMIT_AFTER: u32 = 6;
/// A failed job is tried again after this long.
const RETRY_AFTER: Duration = Duration::from_secs(20);
/// Attempts to fetch an artifact before a job gives up (and is retried later).
const FETCH_ATTEMPTS: u32 = 5;

type Hash = <Block as sp_runtime::traits::Block>::Hash;
type Hash256 = [u8; 32];

/// Which SRS: an artifact, or the insecure development SRS of a size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SrsId {
	/// The SRS stored under this artifact hash.
	Artifact(Hash256),
	/// The identity SRS (before any contribution) of this size.
	Identity(u32),
	/// The insecure development SRS of this size (made from its known secrets).
	InsecureDev(u32),
}

impl SrsId {
	fn label(&self) -> String {
		match self {
			SrsId::Artifact(h) => to_hex(h),
			SrsId::Identity(n) => format!("identity-{n}"),
			SrsId::InsecureDev(n) => format!("insecure-dev-{n}"),
		}
	}
}

/// SRSs, Lagrange bases and checked proving keys, shared by the ceremony task
/// and the inference worker.
pub struct Keys {
	store: Arc<ArtifactStore>,
	dir: PathBuf,
	/// The SRS last used, with the domain it was made for (0: the whole
	/// SRS). One is kept: at 2^18 it is ~150 MB in memory.
	srs: Mutex<Option<((SrsId, usize), Arc<Srs>)>>,
	/// Proving keys (artifact hash) this node checked against the SRS and
	/// the chain's verifying key.
	checked: Mutex<HashSet<(Hash256, Vec<u8>)>>,
	/// Proving keys that failed that check, and why (not checked again).
	refused: Mutex<HashMap<(Hash256, Vec<u8>), String>>,
}

impl Keys {
	/// Keys over `store`, caching under `dir`.
	pub fn new(store: Arc<ArtifactStore>, dir: PathBuf) -> Result<Self, String> {
		std::fs::create_dir_all(dir.join("verified"))
			.and_then(|_| std::fs::create_dir_all(dir.join("lagrange")))
			.map_err(|e| format!("creating {}: {e}", dir.display()))?;
		Ok(Keys {
			store,
			dir,
			srs: Mutex::new(None),
			checked: Mutex::new(HashSet::new()),
			refused: Mutex::new(HashMap::new()),
		})
	}

	/// The SRS `id`, loaded (every point validated) or made, kept in memory.
	pub fn srs(&self, id: SrsId) -> Result<Arc<Srs>, String> {
		self.cached_srs((id, 0), || match id {
			SrsId::Artifact(hash) => {
				let bytes = self
					.store
					.get(&hash)
					.map_err(|e| format!("reading SRS {}: {e}", to_hex(&hash)))?
					.ok_or_else(|| format!("SRS {} is not in the artifact store", to_hex(&hash)))?;
				Srs::from_bytes(&bytes).map_err(|e| format!("SRS {}: {e}", to_hex(&hash)))
			}
			SrsId::Identity(n) => Srs::identity(n as usize).map_err(|e| e.to_string()),
			SrsId::InsecureDev(n) => {
				zk::srs::insecure_dev_srs(n as usize).map_err(|e| e.to_string())
			}
		})
	}

	/// The SRS `id` as far as keys on `domain` points need it: of the
	/// development SRS only its restriction to that domain, made in time
	/// linear in `domain` (so a development chain may allow domains far
	/// larger than its models use), of any other the whole SRS (restricted
	/// where it is used).
	pub fn srs_on(&self, id: SrsId, domain: usize) -> Result<Arc<Srs>, String> {
		match id {
			SrsId::InsecureDev(max_domain) => self.cached_srs((id, domain), || {
				zk::srs::insecure_dev_srs_on(max_domain as usize, domain).map_err(|e| e.to_string())
			}),
			_ => self.srs(id),
		}
	}

	/// The SRS cached under `key`, else `make`'s (then cached instead).
	fn cached_srs(
		&self,
		key: (SrsId, usize),
		make: impl FnOnce() -> Result<Srs, String>,
	) -> Result<Arc<Srs>, String> {
		if let Some((cached, srs)) = &*self.srs.lock() {
			if *cached == key {
				return Ok(srs.clone());
			}
		}
		let srs = Arc::new(make()?);
		*self.srs.lock() = Some((key, srs.clone()));
		Ok(srs)
	}

	/// The SRS `id`, fully checked against `head` once (remembered on disk).
	fn checked_srs(&self, id: SrsId, head: &[u8]) -> Result<Arc<Srs>, String> {
		let srs = self.srs(id)?;
		let marker = self.dir.join("verified").join(format!(
			"{}-{}",
			id.label(),
			to_hex(&zk::blake2_256(&[head]))
		));
		if !marker.exists() {
			let head = SrsHead::<Bls12_381>::from_bytes(head).map_err(|e| e.to_string())?;
			srs.verify(&head, &mut verity_zk::rand::rngs::OsRng)
				.map_err(|e| e.to_string())?;
			let _ = std::fs::write(&marker, b"");
		}
		Ok(srs)
	}

	/// Where the Lagrange bases of SRS `id` on `size` points are kept.
	fn bases_path(&self, id: SrsId, size: usize) -> PathBuf {
		self.dir
			.join("lagrange")
			.join(format!("{}-{size}", id.label()))
	}

	/// Whether this node keeps the Lagrange bases of SRS `id` on `size` points.
	fn has_bases(&self, id: SrsId, size: usize) -> bool {
		self.bases_path(id, size).exists()
	}

	/// Lagrange bases another node published (`bytes`), checked against the
	/// SRS `id` before they are kept.
	fn adopt_bases(
		&self,
		id: SrsId,
		srs: &Srs,
		size: usize,
		bytes: &[u8],
	) -> Result<lagrange::LagrangeBases, String> {
		let bases = lagrange::LagrangeBases::read(&mut &bytes[..]).map_err(|e| e.to_string())?;
		if bases.size != size {
			return Err(format!("bases on {} points, not {size}", bases.size));
		}
		bases
			.check(srs, &mut verity_zk::rand::rngs::OsRng)
			.map_err(|e| e.to_string())?;
		let _ = std::fs::write(self.bases_path(id, size), bytes);
		Ok(bases)
	}

	/// The Lagrange bases of SRS `id` on `size` points: from the disk cache,
	/// else computed (an FFT in the exponent; from the secrets for the
	/// development SRS) and cached.
	fn lagrange(
		&self,
		id: SrsId,
		srs: &Srs,
		size: usize,
	) -> Result<lagrange::LagrangeBases, String> {
		let path = self.bases_path(id, size);
		if let Ok(bytes) = std::fs::read(&path) {
			if let Ok(bases) = lagrange::LagrangeBases::read(&mut &bytes[..]) {
				if bases.size == size {
					return Ok(bases);
				}
			}
		}
		let started = std::time::Instant::now();
		let bases = match id {
			SrsId::InsecureDev(max_domain) => {
				lagrange::bases_from_secrets(max_domain as usize, size, zk::dev::secrets())
			}
			_ => lagrange::bases(srs, size),
		}
		.map_err(|e| e.to_string())?;
		log::info!(
			target: LOG,
			"Lagrange bases of SRS {} on {size} points computed in {:.1} s",
			id.label(),
			started.elapsed().as_secs_f64()
		);
		let mut bytes = Vec::new();
		if bases.write(&mut bytes).is_ok() {
			let _ = std::fs::write(&path, bytes);
		}
		Ok(bases)
	}

	/// Checks `pk` (artifact `pk_hash`) against SRS `srs_id` and the chain's
	/// verifying key `vk` for `model`, once per key and verifying key (a
	/// refusal is remembered too): what every node does before it contributes
	/// to a key or proves with it.
	pub fn check_key(
		&self,
		srs_id: SrsId,
		pk_hash: Hash256,
		pk: &ProvingKey,
		model: &QuantizedModel,
		vk: &[u8],
	) -> Result<(), String> {
		let key = (pk_hash, vk.to_vec());
		if self.checked.lock().contains(&key) {
			return Ok(());
		}
		if let Some(why) = self.refused.lock().get(&key) {
			return Err(why.clone());
		}
		let expected = chain_vk(vk)?;
		let srs = self.srs_on(srs_id, pk.domain_size)?;
		let started = std::time::Instant::now();
		let checked = phase2::check_proving_key(
			&srs,
			pk,
			model,
			&expected,
			&mut verity_zk::rand::rngs::OsRng,
		);
		if let Err(e) = checked {
			self.refused.lock().insert(key, e.to_string());
			return Err(e.to_string());
		}
		log::info!(
			target: LOG,
			"proving key {} checked against the SRS and the chain's key in {:.1} s",
			to_hex(&pk_hash),
			started.elapsed().as_secs_f64()
		);
		self.checked.lock().insert(key);
		Ok(())
	}

	/// Records `pk` (artifact `pk_hash`), which this node has just made from
	/// the checked SRS and checked (or its own) Lagrange bases, as checked once
	/// its verifying key is the chain's `vk`: the full [`Self::check_key`]
	/// would only repeat the MSMs that made it (60 s on 2^20 points).
	pub fn adopt_own_key(
		&self,
		pk_hash: Hash256,
		pk: &ProvingKey,
		vk: &[u8],
	) -> Result<(), String> {
		let expected = chain_vk(vk)?;
		if pk.verifying_key() != expected {
			return Err("the initial key made here has not the chain's verifying key".into());
		}
		self.checked.lock().insert((pk_hash, vk.to_vec()));
		Ok(())
	}
}

/// Decodes the chain's verifying key (every point checked).
fn chain_vk(vk: &[u8]) -> Result<VerifyingKey<Bls12_381>, String> {
	VerifyingKey::<Bls12_381>::decode_points(vk)
		.map_err(|e| format!("the chain's verifying key: {e}"))
}

/// Everything the ceremony task needs from the node.
pub struct CeremonyParams {
	pub client: Arc<FullClient>,
	pub pool: Arc<Pool>,
	pub keystore: KeystorePtr,
	pub store: Arc<ArtifactStore>,
	pub fetcher: Arc<ArtifactFetcher>,
	pub keys: Arc<Keys>,
	/// How long a proving key may stay unavailable before it is refuted.
	pub unavailable_after: Duration,
}

/// One task of one participant key.
type TaskKey = (sr25519::Public, Vec<u8>);

/// A finished job: the call to submit (if any), or why it failed.
struct Done {
	task: TaskKey,
	result: Result<Option<RuntimeCall>, String>,
}

/// Starts the ceremony task.
pub fn start(params: CeremonyParams, spawn: sc_service::SpawnTaskHandle) {
	let (done_tx, done_rx) = mpsc::unbounded();
	let task = Task {
		signer: Signer {
			client: params.client.clone(),
			pool: params.pool,
			keystore: params.keystore.clone(),
		},
		client: params.client,
		keystore: params.keystore,
		store: params.store,
		fetcher: params.fetcher,
		keys: params.keys,
		unavailable: Arc::new(Unavailable {
			after: params.unavailable_after,
			since: Mutex::new(HashMap::new()),
		}),
		spawn: spawn.clone(),
		busy: HashMap::new(),
		submitted: HashMap::new(),
		failed: HashMap::new(),
		settled: HashSet::new(),
		done_tx,
		best: None,
	};
	spawn.spawn("ceremony", Some("verity"), task.run(done_rx).boxed());
}

struct Task {
	client: Arc<FullClient>,
	signer: Signer,
	keystore: KeystorePtr,
	store: Arc<ArtifactStore>,
	fetcher: Arc<ArtifactFetcher>,
	keys: Arc<Keys>,
	unavailable: Arc<Unavailable>,
	spawn: sc_service::SpawnTaskHandle,
	/// Jobs running (`true`: a background job, see [`is_background`]).
	busy: HashMap<TaskKey, bool>,
	/// Calls submitted: the call and the block it was submitted at.
	submitted: HashMap<TaskKey, (RuntimeCall, u32)>,
	/// Jobs that failed, and when.
	failed: HashMap<TaskKey, std::time::Instant>,
	/// Jobs done with nothing to submit (a key that passed its check).
	settled: HashSet<TaskKey>,
	done_tx: mpsc::UnboundedSender<Done>,
	best: Option<(Hash, u32)>,
}

impl Task {
	async fn run(mut self, done_rx: mpsc::UnboundedReceiver<Done>) {
		let mut imports = self.client.import_notification_stream().fuse();
		let mut done_rx = done_rx.fuse();
		loop {
			futures::select! {
				block = imports.next() => match block {
					Some(block) if block.is_new_best && block.origin != BlockOrigin::NetworkInitialSync => {
						self.on_best(block.hash, *block.header.number()).await
					}
					Some(_) => {}
					None => break,
				},
				done = done_rx.next() => if let Some(done) = done {
					self.on_done(done).await
				},
			}
		}
	}

	async fn on_best(&mut self, hash: Hash, number: u32) {
		self.best = Some((hash, number));
		let final_srs = match self.client.runtime_api().srs(hash) {
			Ok(info) => info.as_ref().and_then(final_srs),
			Err(e) => {
				log::debug!(target: LOG, "CeremonyApi::srs at #{number}: {e}");
				return;
			}
		};
		// What each of the node's keys has to do, and which of it to start now.
		let mut to_start = Vec::new();
		for key in self.keystore.sr25519_public_keys(AURA) {
			let tasks = match self.client.runtime_api().tasks(hash, AccountId::from(key)) {
				Ok(tasks) => tasks,
				Err(e) => {
					log::debug!(target: LOG, "CeremonyApi::tasks at #{number}: {e}");
					return;
				}
			};
			let pending: HashSet<TaskKey> = tasks.iter().map(|t| (key, t.encode())).collect();
			// Done tasks leave the lists; still-pending submissions go again.
			self.submitted
				.retain(|k, _| pending.contains(k) || k.0 != key);
			self.settled.retain(|k| pending.contains(k) || k.0 != key);
			for task in tasks {
				let id = (key, task.encode());
				if self.busy.contains_key(&id) || self.settled.contains(&id) {
					continue;
				}
				if let Some((call, at)) = self.submitted.get(&id).cloned() {
					if number >= at + RESUBMIT_AFTER {
						log::info!(target: LOG, "{} still pending; submitting it again", describe(&task));
						self.submit(id, call).await;
					}
					continue;
				}
				if self
					.failed
					.get(&id)
					.is_some_and(|at| at.elapsed() < RETRY_AFTER)
				{
					continue;
				}
				to_start.push((key, id, task));
			}
		}
		// Turns and checks have deadlines; the Lagrange bases do not. The
		// bases wait until no deadline-bound job runs, one at a time, so that
		// they never make this validator miss a turn on a busy machine.
		let (urgent, background): (Vec<_>, Vec<_>) = to_start
			.into_iter()
			.partition(|(_, _, task)| !is_background(task));
		for (key, id, task) in urgent {
			self.start_job(key, id, task, final_srs);
		}
		if self.busy.is_empty() {
			if let Some((key, id, task)) = background.into_iter().next() {
				self.start_job(key, id, task, final_srs);
			}
		}
	}

	/// Runs `task` for `key` on a blocking thread; its result comes back
	/// through `on_done`.
	fn start_job(
		&mut self,
		key: sr25519::Public,
		id: TaskKey,
		task: CeremonyTask,
		final_srs: Option<SrsId>,
	) {
		self.busy.insert(id.clone(), is_background(&task));
		log::info!(target: LOG, "{} (account {})", describe(&task), AccountId::from(key));
		let job = Job {
			account: AccountId::from(key),
			final_srs,
			store: self.store.clone(),
			fetcher: self.fetcher.clone(),
			keys: self.keys.clone(),
			unavailable: self.unavailable.clone(),
		};
		let done_tx = self.done_tx.clone();
		self.spawn.spawn_blocking(
			"ceremony-job",
			Some("verity"),
			async move {
				let result = job.run(task).await;
				let _ = done_tx.unbounded_send(Done { task: id, result });
			}
			.boxed(),
		);
	}

	async fn on_done(&mut self, done: Done) {
		self.busy.remove(&done.task);
		match done.result {
			Ok(Some(call)) => self.submit(done.task, call).await,
			Ok(None) => {
				self.settled.insert(done.task);
			}
			Err(e) => {
				log::error!(target: LOG, "ceremony job failed: {e}");
				self.failed.insert(done.task, std::time::Instant::now());
			}
		}
	}

	async fn submit(&mut self, task: TaskKey, call: RuntimeCall) {
		let Some((hash, number)) = self.best else {
			return;
		};
		match self
			.signer
			.submit(AURA, &task.0, call.clone(), hash, number)
			.await
		{
			Ok(tx) => log::info!(target: LOG, "submitted {}: transaction {tx:?}", call_name(&call)),
			Err(e) => log::warn!(target: LOG, "the pool refused {}: {e}", call_name(&call)),
		}
		self.submitted.insert(task, (call, number));
	}
}

/// Whether `task` has no deadline: the shared Lagrange bases (prepared once
/// per chain or checked), which only save other jobs time.
fn is_background(task: &CeremonyTask) -> bool {
	matches!(
		task,
		CeremonyTask::PrepareBases { .. } | CeremonyTask::CheckBases { .. }
	)
}

fn describe(task: &CeremonyTask) -> String {
	match task {
		CeremonyTask::ContributeSrs { max_domain, .. } => {
			format!("phase 1: contributing to the SRS (domains up to {max_domain})")
		}
		CeremonyTask::CheckSrs { srs_hash, .. } => {
			format!("phase 1: checking the contributed SRS {}", to_hex(srs_hash))
		}
		CeremonyTask::SealSrs { .. } => "phase 1: applying the beacon and sealing the SRS".into(),
		CeremonyTask::ContributeKey { model_id, .. } => {
			format!("model {model_id}: contributing to its key")
		}
		CeremonyTask::PrepareBases { domain_size, .. } => {
			format!("phase 1: computing the Lagrange bases on {domain_size} points to publish")
		}
		CeremonyTask::CheckBases {
			domain_size,
			bases_hash,
			..
		} => format!(
			"phase 1: checking the published Lagrange bases {} on {domain_size} points",
			to_hex(bases_hash)
		),
		CeremonyTask::CheckKey {
			model_id,
			proving_key,
			..
		} => format!(
			"model {model_id}: checking proving key {}",
			to_hex(proving_key)
		),
	}
}

fn call_name(call: &RuntimeCall) -> &'static str {
	match call {
		RuntimeCall::Ceremony(pallet_ceremony::Call::contribute_srs { .. }) => "contribute_srs",
		RuntimeCall::Ceremony(pallet_ceremony::Call::attest_srs { ok: true, .. }) => {
			"attest_srs (well formed)"
		}
		RuntimeCall::Ceremony(pallet_ceremony::Call::attest_srs { ok: false, .. }) => {
			"attest_srs (MALFORMED)"
		}
		RuntimeCall::Ceremony(pallet_ceremony::Call::seal_srs { .. }) => "seal_srs",
		RuntimeCall::Ceremony(pallet_ceremony::Call::contribute_key { .. }) => "contribute_key",
		RuntimeCall::Ceremony(pallet_ceremony::Call::refute_key { .. }) => "refute_key",
		RuntimeCall::Ceremony(pallet_ceremony::Call::publish_bases { .. }) => "publish_bases",
		_ => "a call",
	}
}

/// Proving keys no peer served: since when (the start of the first fetch
/// that failed), and how long that may last before the key is refuted.
struct Unavailable {
	after: Duration,
	since: Mutex<HashMap<Hash256, std::time::Instant>>,
}

/// One ceremony job (runs on a blocking thread).
struct Job {
	account: AccountId,
	/// The chain's final SRS, if phase 1 is over.
	final_srs: Option<SrsId>,
	store: Arc<ArtifactStore>,
	fetcher: Arc<ArtifactFetcher>,
	keys: Arc<Keys>,
	unavailable: Arc<Unavailable>,
}

impl Job {
	/// Makes sure artifact `hash` is in the store, fetching it from peers.
	async fn fetch(&self, hash: Hash256, what: &str) -> Result<(), String> {
		let mut last = String::new();
		for attempt in 0..FETCH_ATTEMPTS {
			if self.store.contains(&hash) {
				return Ok(());
			}
			match self.fetcher.fetch(hash).await {
				Ok(fetched) => {
					if let Some(peer) = fetched.peer {
						log::info!(
							target: LOG,
							"artifact {} ({} bytes) fetched from peer {peer} ({what})",
							to_hex(&hash),
							fetched.len
						);
					}
					return Ok(());
				}
				Err(e) => last = e.to_string(),
			}
			futures_timer::Delay::new(Duration::from_secs(2 << attempt)).await;
		}
		Err(format!("{what} {}: no peer had it ({last})", to_hex(&hash)))
	}

	fn store(&self, bytes: &[u8], what: &str) -> Result<Hash256, String> {
		self.store
			.insert(bytes)
			.map_err(|e| format!("storing the {what}: {e}"))
	}

	/// Artifact `hash`'s bytes (`what` it is), fetched from peers if need be.
	async fn fetched(&self, hash: Hash256, what: &str) -> Result<Vec<u8>, String> {
		self.fetch(hash, what).await?;
		self.store
			.get(&hash)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("the {what} left the store"))
	}

	/// The quantized model `hash`, fetched from peers if need be.
	async fn model(&self, hash: Hash256) -> Result<QuantizedModel, String> {
		let bytes = self.fetched(hash, "quantized model").await?;
		QuantizedModel::from_bytes(&bytes).map_err(|e| e.to_string())
	}

	/// The Lagrange bases of the final SRS `srs_id` on `size` points: the
	/// ones this node keeps, else the `published` ones (fetched and checked),
	/// else computed here.
	async fn bases(
		&self,
		srs_id: SrsId,
		srs: &Srs,
		size: usize,
		published: Option<Hash256>,
	) -> Result<lagrange::LagrangeBases, String> {
		if let (false, Some(hash)) = (self.keys.has_bases(srs_id, size), published) {
			match self.adopt_bases(srs_id, srs, size, hash).await {
				Ok(bases) => return Ok(bases),
				Err(e) => log::warn!(
					target: LOG,
					"the published Lagrange bases {} on {size} points: {e}; computing them here",
					to_hex(&hash)
				),
			}
		}
		self.keys.lagrange(srs_id, srs, size)
	}

	/// Published Lagrange bases, fetched and checked against the SRS.
	async fn adopt_bases(
		&self,
		srs_id: SrsId,
		srs: &Srs,
		size: usize,
		hash: Hash256,
	) -> Result<lagrange::LagrangeBases, String> {
		let bytes = self.fetched(hash, "Lagrange bases").await?;
		let started = std::time::Instant::now();
		let bases = self.keys.adopt_bases(srs_id, srs, size, &bytes)?;
		log::info!(
			target: LOG,
			"Lagrange bases {} on {size} points checked against the SRS in {:.1} s",
			to_hex(&hash),
			started.elapsed().as_secs_f64()
		);
		Ok(bases)
	}

	async fn run(self, task: CeremonyTask) -> Result<Option<RuntimeCall>, String> {
		match task {
			CeremonyTask::CheckBases {
				srs_hash,
				domain_size,
				bases_hash,
			} => {
				let srs_id = SrsId::Artifact(srs_hash);
				let size = domain_size as usize;
				if self.keys.has_bases(srs_id, size) {
					return Ok(None);
				}
				self.fetch(srs_hash, "final SRS").await?;
				let srs = self.keys.srs(srs_id)?;
				// Refused bases are not retried: this node computes its own
				// when it needs them.
				if let Err(e) = self.adopt_bases(srs_id, &srs, size, bases_hash).await {
					log::error!(
						target: LOG,
						"the published Lagrange bases {} on {size} points are refused: {e}",
						to_hex(&bases_hash)
					);
				}
				Ok(None)
			}
			CeremonyTask::CheckKey {
				model_id,
				model_hash,
				proving_key,
				verifying_key,
			} => {
				let model = self.model(model_hash).await?;
				let srs_id = self.final_srs_id().await?;
				let started = std::time::Instant::now();
				let verdict = match self.fetched(proving_key, "proving key").await {
					Ok(bytes) => {
						self.unavailable.since.lock().remove(&proving_key);
						Ok(bytes)
					}
					Err(e) => {
						// Unavailable: refuted once that has lasted long enough.
						let since = *self
							.unavailable
							.since
							.lock()
							.entry(proving_key)
							.or_insert(started);
						if since.elapsed() < self.unavailable.after {
							return Err(e);
						}
						Err(format!(
							"no peer served it for {} s ({e})",
							since.elapsed().as_secs()
						))
					}
				};
				let verdict = verdict.and_then(|bytes| {
					ProvingKey::from_bytes(&bytes)
						.map_err(|e| format!("it does not decode: {e}"))
						.and_then(|pk| {
							self.keys
								.check_key(srs_id, proving_key, &pk, &model, &verifying_key)
						})
				});
				match verdict {
					Ok(()) => Ok(None),
					Err(e) => {
						log::warn!(
							target: LOG,
							"model {model_id}: refuting proving key {}: {e}",
							to_hex(&proving_key)
						);
						Ok(Some(RuntimeCall::Ceremony(
							pallet_ceremony::Call::refute_key {
								model_id,
								proving_key,
							},
						)))
					}
				}
			}
			task => self.run_call(task).await.map(Some),
		}
	}

	/// A task that always ends in a call.
	async fn run_call(self, task: CeremonyTask) -> Result<RuntimeCall, String> {
		use pallet_ceremony::Call;
		let binding = |transcript: &Hash256| zk::binding(transcript, &self.account.encode());
		match task {
			CeremonyTask::ContributeSrs {
				srs_hash,
				head,
				transcript,
				max_domain,
			} => {
				let id = match srs_hash {
					Some(h) => {
						self.fetch(h, "SRS").await?;
						SrsId::Artifact(h)
					}
					None => SrsId::Identity(max_domain),
				};
				let srs = self.keys.checked_srs(id, &head)?;
				let started = std::time::Instant::now();
				let (next, proof) =
					srs.contribute(&binding(&transcript), &mut verity_zk::rand::rngs::OsRng);
				let bytes = next.to_bytes();
				let hash = self.store(&bytes, "new SRS")?;
				log::info!(
					target: LOG,
					"phase 1: contributed in {:.1} s; new SRS {} ({} MB)",
					started.elapsed().as_secs_f64(),
					to_hex(&hash),
					bytes.len() / 1_000_000
				);
				Ok(RuntimeCall::Ceremony(Call::contribute_srs {
					head: Box::new(fixed(&next.head().to_bytes())?),
					proof: Box::new(fixed(&proof.to_bytes())?),
					srs_hash: hash,
				}))
			}
			CeremonyTask::CheckSrs { srs_hash, head, .. } => {
				self.fetch(srs_hash, "SRS").await?;
				let ok = match self.keys.checked_srs(SrsId::Artifact(srs_hash), &head) {
					Ok(_) => true,
					Err(e) => {
						log::error!(target: LOG, "phase 1: the SRS {} is refused: {e}", to_hex(&srs_hash));
						false
					}
				};
				Ok(RuntimeCall::Ceremony(Call::attest_srs { srs_hash, ok }))
			}
			CeremonyTask::SealSrs {
				srs_hash,
				beacon,
				head,
				max_domain,
			} => {
				let last = srs_hash.ok_or("sealing needs an accepted contribution")?;
				self.fetch(last, "SRS").await?;
				let srs = self.keys.srs(SrsId::Artifact(last))?;
				let started = std::time::Instant::now();
				let sealed = srs.apply_beacon(&beacon);
				if sealed.head().to_bytes() != head.to_vec() {
					return Err("the beacon SRS's head is not the chain's".into());
				}
				let tables = zk::domain_sizes(max_domain)
					.into_iter()
					.map(|n| {
						lagrange::domain_table(&sealed, n as usize)
							.map_err(|e| e.to_string())
							.and_then(|t| fixed(&t.to_bytes()))
					})
					.collect::<Result<Vec<_>, _>>()?;
				let hash = self.store(&sealed.to_bytes(), "final SRS")?;
				log::info!(
					target: LOG,
					"phase 1: final SRS {} and {} domain tables in {:.1} s",
					to_hex(&hash),
					tables.len(),
					started.elapsed().as_secs_f64()
				);
				Ok(RuntimeCall::Ceremony(Call::seal_srs {
					srs_hash: hash,
					tables: tables.try_into().map_err(|_| "too many domain tables")?,
				}))
			}
			CeremonyTask::ContributeKey {
				model_id,
				model_hash,
				domain_size,
				proving_key,
				transcript,
				verifying_key,
				bases,
				..
			} => {
				let model = self.model(model_hash).await?;
				let srs_id = self.final_srs_id().await?;
				let (pk, pk_hash) = match proving_key {
					Some(h) => {
						let bytes = self.fetched(h, "proving key").await?;
						(
							ProvingKey::from_bytes(&bytes).map_err(|e| e.to_string())?,
							h,
						)
					}
					None => {
						let srs = self.keys.srs_on(srs_id, domain_size as usize)?;
						let started = std::time::Instant::now();
						let bases = self
							.bases(srs_id, &srs, domain_size as usize, bases)
							.await?;
						let pk = phase2::initial_proving_key(&srs, &bases, &model)
							.map_err(|e| e.to_string())?;
						log::info!(
							target: LOG,
							"model {model_id}: initial key in {:.1} s",
							started.elapsed().as_secs_f64()
						);
						let hash = zk::blake2_256(&[&pk.to_bytes()]);
						self.keys
							.adopt_own_key(hash, &pk, &verifying_key)
							.map_err(|e| format!("model {model_id}: {e}"))?;
						(pk, hash)
					}
				};
				// Refuse to build on a key that is not the chain's and the SRS's.
				self.keys
					.check_key(srs_id, pk_hash, &pk, &model, &verifying_key)
					.map_err(|e| format!("model {model_id}: refusing its current key: {e}"))?;
				let started = std::time::Instant::now();
				let (next, proof) = phase2::contribute(
					pk,
					&binding(&transcript),
					&mut verity_zk::rand::rngs::OsRng,
				)
				.map_err(|e| e.to_string())?;
				let bytes = next.to_bytes();
				let hash = self.store(&bytes, "new proving key")?;
				log::info!(
					target: LOG,
					"model {model_id}: contributed in {:.1} s; new proving key {}",
					started.elapsed().as_secs_f64(),
					to_hex(&hash)
				);
				let delta = next.delta();
				Ok(RuntimeCall::Ceremony(Call::contribute_key {
					model_id,
					delta: fixed(&delta.to_bytes())?,
					proof: Box::new(fixed(&proof.to_bytes())?),
					proving_key: hash,
				}))
			}
			CeremonyTask::PrepareBases {
				srs_hash,
				domain_size,
			} => {
				let srs_id = SrsId::Artifact(srs_hash);
				self.fetch(srs_hash, "final SRS").await?;
				let srs = self.keys.srs(srs_id)?;
				let bases = self.keys.lagrange(srs_id, &srs, domain_size as usize)?;
				let mut bytes = Vec::new();
				bases.write(&mut bytes).map_err(|e| e.to_string())?;
				let bases_hash = self.store(&bytes, "Lagrange bases")?;
				Ok(RuntimeCall::Ceremony(Call::publish_bases {
					domain_size,
					bases_hash,
				}))
			}
			CeremonyTask::CheckKey { .. } | CeremonyTask::CheckBases { .. } => {
				Err("a check ends in no call".into())
			}
		}
	}

	/// The chain's final SRS, fetched if it is an artifact.
	async fn final_srs_id(&self) -> Result<SrsId, String> {
		let id = self.final_srs.ok_or("the SRS is not final")?;
		if let SrsId::Artifact(h) = id {
			self.fetch(h, "final SRS").await?;
		}
		Ok(id)
	}
}

/// The chain's final SRS, from `CeremonyApi::srs`.
pub fn final_srs(info: &pallet_ceremony::SrsInfo<AccountId, u32>) -> Option<SrsId> {
	match (info.phase, info.insecure, info.srs_hash) {
		(pallet_ceremony::SrsPhase::Final, true, _) => Some(SrsId::InsecureDev(info.max_domain)),
		(pallet_ceremony::SrsPhase::Final, false, Some(h)) => Some(SrsId::Artifact(h)),
		_ => None,
	}
}

/// A fixed-size array from bytes of that length.
fn fixed<const N: usize>(bytes: &[u8]) -> Result<[u8; N], String> {
	bytes
		.try_into()
		.map_err(|_| format!("{} bytes where {N} were expected", bytes.len()))
}
