//! A client of a Verity node over JSON-RPC: reads the model registry and the
//! inference pallet, and signs and submits their calls.
//!
//! Everything goes through subxt's **dynamic** API: call, storage and
//! runtime-API layouts come from the metadata the node serves, and values are
//! encoded and decoded by field name, so the client keeps working as the
//! runtime evolves (new fields are ignored, reordered fields still match).
//!
//! Transactions are signed with sr25519 keys from a secret URI (`//Alice`, a
//! BIP-39 mnemonic with optional `//hard/soft` derivations and `///password`)
//! and followed until their block is **finalized**; a call that fails on chain
//! comes back as [`ChainError::Dispatch`] with the pallet's error name. Reads
//! are made at the latest finalized block.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use scale_decode::DecodeAsType;
use scale_encode::EncodeAsType;
use subxt::dynamic::Value;
use subxt::error::{DispatchError, TransactionEventsError};
use subxt::ext::scale_value::Composite;
use subxt::rpcs::client::{rpc_params, RpcClient};
use subxt::transactions::{Payload, TransactionStatus};
use subxt::utils::AccountId32;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::Keypair;
use subxt_signer::SecretUri;

/// The node a command talks to unless `--url` says otherwise.
pub const DEFAULT_URL: &str = "ws://127.0.0.1:9944";

/// How long connecting to a node may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// A blake2-256 hash.
pub type Hash = [u8; 32];

/// Artifacts up to this size go to the node in one `artifacts_upload` call,
/// larger ones in chunks of this size (hex doubles it on the wire; nodes take
/// requests up to 15 MiB by default).
pub const UPLOAD_CHUNK: usize = 1 << 20;

/// Artifacts come from the node in chunks of this size (`artifacts_getChunk`
/// serves at most 4 MiB; the hex of 4 MiB fits jsonrpsee's default 10 MiB
/// response limit).
pub const DOWNLOAD_CHUNK: u64 = 4 << 20;

/// The artifact `hash` from `fetch(offset, len)` calls, chunk after chunk
/// until one comes back short; fails unless the bytes hash to `hash`.
pub async fn download_chunks<F, Fut>(
	hash: &Hash,
	chunk: u64,
	mut fetch: F,
	mut on_progress: impl FnMut(u64),
) -> Result<Vec<u8>, ChainError>
where
	F: FnMut(u64, u64) -> Fut,
	Fut: std::future::Future<Output = Result<Vec<u8>, ChainError>>,
{
	let mut bytes = Vec::new();
	loop {
		let part = fetch(bytes.len() as u64, chunk).await?;
		if part.len() as u64 > chunk {
			return Err(ChainError::Rpc(format!(
				"artifacts_getChunk: asked for {chunk} bytes, the node sent {}",
				part.len()
			)));
		}
		let last = (part.len() as u64) < chunk;
		bytes.extend_from_slice(&part);
		on_progress(bytes.len() as u64);
		if last {
			break;
		}
	}
	let actual = verity_inference::hash::blake2_256(&bytes);
	if &actual != hash {
		return Err(ChainError::Rpc(format!(
			"the node sent {} bytes for artifact {} that hash to {}",
			bytes.len(),
			hex(hash),
			hex(&actual)
		)));
	}
	Ok(bytes)
}

/// Why a chain operation failed.
#[derive(Debug)]
pub enum ChainError {
	/// The node could not be reached or did not speak Substrate JSON-RPC.
	Connect { url: String, reason: String },
	/// The call was included but failed: `pallet::error` from the metadata,
	/// with the error's doc comment.
	Dispatch {
		pallet: String,
		error: String,
		docs: String,
	},
	/// The transaction never made it into a block (refused by the pool:
	/// invalid, cannot pay fees, dropped, ...).
	Transaction(String),
	/// A model, request or account the caller named does not exist.
	NotFound(String),
	/// Bad caller input (secret URI, address, values the chain cannot take).
	Input(String),
	/// Waiting took longer than allowed.
	Timeout(String),
	/// The node refused an artifact upload because its unsafe RPC methods
	/// are off (`--rpc-methods safe`, or `auto` on a public interface).
	UploadRefused(String),
	/// Any other failure talking to the node or decoding its answers.
	Rpc(String),
}

impl fmt::Display for ChainError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			ChainError::Connect { url, reason } => {
				write!(f, "cannot connect to a Verity node at {url}: {reason}")
			}
			ChainError::Dispatch {
				pallet,
				error,
				docs,
			} => {
				write!(f, "the chain rejected the call: {pallet}::{error}")?;
				if !docs.is_empty() {
					write!(f, " ({docs})")?;
				}
				Ok(())
			}
			ChainError::Transaction(m) => {
				write!(f, "transaction not included: {m}")?;
				if let Some(why) = pool_refusal(m) {
					write!(f, " ({why})")?;
				}
				Ok(())
			}
			ChainError::UploadRefused(m) => write!(
				f,
				"the node refused the artifact upload ({m}): uploads are unsafe RPC methods; \
				 run the node with `--rpc-methods unsafe` (and keep its RPC port private)"
			),
			ChainError::NotFound(m)
			| ChainError::Input(m)
			| ChainError::Timeout(m)
			| ChainError::Rpc(m) => f.write_str(m),
		}
	}
}

impl std::error::Error for ChainError {}

/// What the transaction pool's refusal `message` means when it comes from
/// the inference pallet's `CheckSubmission` extension (its
/// `InvalidTransaction::Custom` codes `NOT_ASSIGNED` and `CANNOT_CHALLENGE`).
fn pool_refusal(message: &str) -> Option<&'static str> {
	// As subxt reports it: "... Invalid transaction with custom error: 1".
	let message = message.to_lowercase();
	if !message.contains("invalid transaction") {
		None
	} else if message.contains("custom error: 1") {
		Some("refused by the pool: only the request's assigned executor may submit its result or decline it")
	} else if message.contains("custom error: 2") {
		Some("refused by the pool: only a bonded executor other than its submitter may challenge a provisional result")
	} else if message.contains("outdated") {
		Some("refused by the pool: the request is no longer open, or already has a result or a challenge in the pool")
	} else {
		None
	}
}

/// `map_err` helper: an RPC failure while doing `what`.
fn rpc<E: fmt::Display>(what: &'static str) -> impl FnOnce(E) -> ChainError {
	move |e| ChainError::Rpc(format!("{what}: {e}"))
}

/// `map_err` helper for the `artifacts_*` calls: a refusal of an unsafe
/// method becomes [`ChainError::UploadRefused`].
fn upload_error<E: fmt::Display>(what: &'static str) -> impl FnOnce(E) -> ChainError {
	move |e| {
		let text = e.to_string();
		// Substrate's words for a denied unsafe call; "Method not found" where
		// a node does not expose the method at all.
		if text.contains("unsafe to be called externally") || text.contains("Method not found") {
			ChainError::UploadRefused(format!("{what}: {text}"))
		} else {
			ChainError::Rpc(format!("{what}: {text}"))
		}
	}
}

/// The sr25519 key pair of a secret URI: `//Alice`, `<mnemonic>`,
/// `<mnemonic>//hard/soft///password`, `0x<32-byte seed>`.
pub fn keypair(suri: &str) -> Result<Keypair, ChainError> {
	let uri = SecretUri::from_str(suri)
		.map_err(|e| ChainError::Input(format!("--suri: not a secret URI: {e}")))?;
	Keypair::from_uri(&uri).map_err(|e| ChainError::Input(format!("--suri: {e}")))
}

/// The account of a key pair.
pub fn account_of(key: &Keypair) -> AccountId32 {
	key.public_key().to_account_id()
}

/// Parses an SS58 address or `0x`-prefixed 32-byte hex account id.
pub fn parse_account(s: &str) -> Result<AccountId32, ChainError> {
	if let Some(digits) = s.strip_prefix("0x") {
		let bytes =
			hex::decode(digits).map_err(|_| ChainError::Input(format!("'{s}': not hex")))?;
		let raw: [u8; 32] = bytes
			.try_into()
			.map_err(|_| ChainError::Input(format!("'{s}': expected 32 bytes")))?;
		return Ok(AccountId32(raw));
	}
	AccountId32::from_str(s).map_err(|e| ChainError::Input(format!("'{s}': not an address: {e}")))
}

/// Lowercase `0x` hex, as the chain's RPC and explorers print hashes.
pub fn hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

// ---------------------------------------------------------------------------
// What the chain stores, as this client sees it.

/// Proven (Groth16-checked by the runtime) or plain, unverified results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub enum Mode {
	Zk,
	Vanilla,
	Optimistic,
}

impl Mode {
	pub fn name(self) -> &'static str {
		match self {
			Mode::Zk => "zk",
			Mode::Vanilla => "vanilla",
			Mode::Optimistic => "optimistic",
		}
	}
}

impl FromStr for Mode {
	type Err = ChainError;
	fn from_str(s: &str) -> Result<Self, ChainError> {
		match s {
			"zk" => Ok(Mode::Zk),
			"vanilla" => Ok(Mode::Vanilla),
			"optimistic" => Ok(Mode::Optimistic),
			_ => Err(ChainError::Input(format!(
				"--mode: '{s}' is none of 'zk', 'vanilla', 'optimistic'"
			))),
		}
	}
}

/// Float post-processing of a dequantized output (not proven).
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub enum Transform {
	None,
	Softmax { axis: u32 },
}

/// The fixed-point format of one model input: the integer `q` stands for
/// `q / 2^frac_bits`.
#[derive(Clone, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub struct InputFormat {
	pub shape: Vec<u32>,
	pub frac_bits: u8,
}

/// The fixed-point format of one model output, and its float transform.
#[derive(Clone, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub struct OutputFormat {
	pub shape: Vec<u32>,
	pub frac_bits: u8,
	pub transform: Transform,
}

/// How a zk version's key ceremony runs (pallet-models' `ZkParams`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub struct ZkParams {
	/// The QAP domain size of the model's circuit
	/// (`verity_zk::circuit_stats(..).domain_size`).
	pub domain_size: u32,
	/// The registrant takes the ceremony's first turn.
	pub owner_contributes: bool,
}

/// A model version to register (`Models::register_model`).
#[derive(Clone, Debug)]
pub struct NewModel {
	/// The family's name.
	pub name: String,
	/// The version label.
	pub version: String,
	pub onnx_hash: Hash,
	pub quantized_hash: Hash,
	/// The key ceremony's parameters (with zk support).
	pub zk: Option<ZkParams>,
	pub act_bits: u8,
	pub inputs: Vec<InputFormat>,
	pub outputs: Vec<OutputFormat>,
	pub supports_zk: bool,
	pub supports_vanilla: bool,
	/// The slices of a sliced version (then `zk` is `None`: each slice has
	/// its own domain and key ceremony); empty for a whole one.
	pub slices: Vec<NewSlice>,
}

/// One slice of a sliced version (pallet-models' `SliceDescriptor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, EncodeAsType)]
pub struct NewSlice {
	/// The slice's quantized-model hash.
	pub quantized_hash: Hash,
	/// Values entering it.
	pub input_len: u32,
	/// Values leaving it.
	pub output_len: u32,
	/// Its circuit's QAP domain size.
	pub domain_size: u32,
}

/// pallet-models' `VersionDescriptor`, encoded by field name.
#[derive(EncodeAsType)]
struct VersionDescriptor {
	version: Vec<u8>,
	onnx_hash: Hash,
	quantized_hash: Hash,
	zk: Option<ZkParams>,
	act_bits: u8,
	inputs: Vec<InputFormat>,
	outputs: Vec<OutputFormat>,
	supports_zk: bool,
	supports_vanilla: bool,
}

/// A registered model version, joined from pallet-models' storage (`Specs`,
/// `ModelDetails`, `Families`) and its key ceremony (`CeremonyApi::key`).
#[derive(Clone, Debug)]
pub struct Model {
	pub id: u64,
	pub family: u64,
	pub name: String,
	pub owner: AccountId32,
	pub version: String,
	pub onnx_hash: Hash,
	pub quantized_hash: Hash,
	/// The key ceremony's parameters (zk versions).
	pub zk: Option<ZkParams>,
	pub act_bits: u32,
	pub input_len: u32,
	pub output_len: u32,
	pub inputs: Vec<InputFormat>,
	pub outputs: Vec<OutputFormat>,
	pub supports_zk: bool,
	pub supports_vanilla: bool,
	pub active: bool,
	pub registered_at: u64,
	pub deposit: u128,
	/// The key ceremony (zk versions).
	pub ceremony: Option<KeyInfo>,
}

impl NewModel {
	/// The pallet's `VersionDescriptor` for this version.
	fn descriptor(&self) -> VersionDescriptor {
		VersionDescriptor {
			version: self.version.as_bytes().to_vec(),
			onnx_hash: self.onnx_hash,
			quantized_hash: self.quantized_hash,
			zk: self.zk,
			act_bits: self.act_bits,
			inputs: self.inputs.clone(),
			outputs: self.outputs.clone(),
			supports_zk: self.supports_zk,
			supports_vanilla: self.supports_vanilla,
		}
	}
}

impl Model {
	/// Why the version refuses new requests in `mode`, if it does.
	pub fn refusal(&self, mode: Mode) -> Option<String> {
		let id = self.id;
		if !self.active {
			return Some(format!("model {id} is deprecated"));
		}
		match mode {
			Mode::Vanilla if !self.supports_vanilla => {
				Some(format!("model {id} does not accept vanilla requests"))
			}
			Mode::Vanilla => None,
			// An optimistic result is secured by challenges, which are proofs.
			Mode::Zk | Mode::Optimistic if !self.supports_zk => Some(format!(
				"model {id} does not accept {} requests (registered without zk support)",
				mode.name()
			)),
			Mode::Zk | Mode::Optimistic => match &self.ceremony {
				// A zk version without a ceremony of its own is sliced: each
				// slice has one, and the chain checks they are final.
				None if mode == Mode::Zk => None,
				None => Some(format!(
					"model {id} is sliced: it takes zk and vanilla requests, not {}",
					mode.name()
				)),
				Some(k) if k.status == KeyStatus::Final => None,
				Some(k) => Some(format!(
					"model {id} does not accept {} requests yet: {}; `verity ceremony status \
					 {id}` shows it{}",
					mode.name(),
					k.summary(),
					if self.supports_vanilla {
						" (--mode vanilla works now)"
					} else {
						""
					}
				)),
			},
		}
	}
}

// ---------------------------------------------------------------------------
// The setup ceremony (pallet-ceremony, `CeremonyApi`).

/// A model's key ceremony status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType)]
pub enum KeyStatus {
	/// Contributions are being collected.
	Pending,
	/// The verifying key is final: proofs are verified under it.
	Final,
	/// The last round ended with too few contributions.
	Failed,
}

impl KeyStatus {
	pub fn name(self) -> &'static str {
		match self {
			KeyStatus::Pending => "pending",
			KeyStatus::Final => "final",
			KeyStatus::Failed => "failed",
		}
	}
}

/// One accepted contribution to a model's key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyContribution {
	pub who: AccountId32,
	pub block: u64,
	/// The proving key it produced (artifact hash).
	pub proving_key: Hash,
	/// The transcript hash after it.
	pub transcript: Hash,
}

/// A model's key ceremony (`CeremonyApi::key`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyInfo {
	pub status: KeyStatus,
	/// The quantized model's hash.
	pub model_hash: Hash,
	pub domain_size: u32,
	/// The transcript hash so far (contributions' proofs bind to it).
	pub transcript: Hash,
	/// The current proving key's artifact hash (`None`: the initial key,
	/// which every contributor computes itself).
	pub proving_key: Option<Hash>,
	pub round: u32,
	/// This round's contributors, in turn order.
	pub order: Vec<AccountId32>,
	/// Whose turn it is, if the round is on.
	pub turn: Option<AccountId32>,
	/// Last block of the turn.
	pub deadline: u64,
	/// The accepted contributions, oldest first.
	pub contributions: Vec<KeyContribution>,
	/// The current verifying key (final when `status` is).
	pub verifying_key: Vec<u8>,
	pub started_at: u64,
}

#[derive(DecodeAsType)]
struct KeyInfoRaw {
	status: KeyStatus,
	model_hash: Hash,
	domain_size: u32,
	transcript: Hash,
	proving_key: Option<Hash>,
	round: u32,
	order: Vec<AccountId32>,
	turn: Option<AccountId32>,
	deadline: u64,
	contributions: Vec<(AccountId32, u64, Hash, Hash)>,
	verifying_key: Vec<u8>,
	started_at: u64,
}

impl From<KeyInfoRaw> for KeyInfo {
	fn from(k: KeyInfoRaw) -> Self {
		KeyInfo {
			status: k.status,
			model_hash: k.model_hash,
			domain_size: k.domain_size,
			transcript: k.transcript,
			proving_key: k.proving_key,
			round: k.round,
			order: k.order,
			turn: k.turn,
			deadline: k.deadline,
			contributions: k
				.contributions
				.into_iter()
				.map(|(who, block, proving_key, transcript)| KeyContribution {
					who,
					block,
					proving_key,
					transcript,
				})
				.collect(),
			verifying_key: k.verifying_key,
			started_at: k.started_at,
		}
	}
}

impl KeyInfo {
	/// The final proving key's hash, once the key is final.
	pub fn final_proving_key(&self) -> Option<Hash> {
		(self.status == KeyStatus::Final)
			.then_some(self.proving_key)
			.flatten()
	}

	/// The final verifying key, once the key is final.
	pub fn final_verifying_key(&self) -> Option<&[u8]> {
		(self.status == KeyStatus::Final).then_some(&self.verifying_key[..])
	}

	/// The turn's 1-based position in the order.
	pub fn turn_index(&self) -> Option<usize> {
		let turn = self.turn.as_ref()?;
		self.order.iter().position(|a| a == turn).map(|i| i + 1)
	}

	/// One line: where the ceremony stands.
	pub fn summary(&self) -> String {
		let contributions = plural(self.contributions.len(), "contribution");
		match self.status {
			KeyStatus::Final => format!("its key is final ({contributions})"),
			KeyStatus::Failed => format!(
				"its key ceremony failed (round {} ended with {contributions}; \
				 `verity ceremony retry` starts another round)",
				self.round
			),
			KeyStatus::Pending => match (&self.turn, self.turn_index()) {
				(Some(who), Some(i)) => format!(
					"its key ceremony is pending (round {}, turn {i} of {}: {who} until block \
					 #{}; {contributions} so far)",
					self.round,
					self.order.len(),
					self.deadline
				),
				_ => format!(
					"its key ceremony is pending (round {}, {contributions} so far)",
					self.round
				),
			},
		}
	}
}

/// `n thing` or `n things`.
pub fn plural(n: usize, thing: &str) -> String {
	if n == 1 {
		format!("1 {thing}")
	} else {
		format!("{n} {thing}s")
	}
}

/// Where phase 1 (the universal SRS) stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType)]
pub enum SrsPhase {
	/// Participants contribute in turn.
	Contributing,
	/// The turns are over; the beacon is the hash of block `at`.
	Beacon { at: u64 },
	/// The participants seal the final SRS and tables.
	Sealing,
	/// The SRS is final: model ceremonies may start.
	Final,
}

impl SrsPhase {
	pub fn name(self) -> &'static str {
		match self {
			SrsPhase::Contributing => "contributing",
			SrsPhase::Beacon { .. } => "beacon",
			SrsPhase::Sealing => "sealing",
			SrsPhase::Final => "final",
		}
	}
}

/// The phase-1 contribution being checked by the participants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSrs {
	pub who: AccountId32,
	pub srs_hash: Hash,
	/// Participants that found it well formed (the contributor counts).
	pub ok: u32,
	/// Participants that found it malformed.
	pub bad: u32,
}

/// Phase 1 (`CeremonyApi::srs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SrsInfo {
	/// The largest QAP domain the SRS serves.
	pub max_domain: u32,
	pub phase: SrsPhase,
	/// The insecure development SRS: its secrets are public.
	pub insecure: bool,
	/// The current head (`SrsHead` bytes).
	pub head: Vec<u8>,
	pub transcript: Hash,
	/// The current SRS's artifact hash (the final one once sealed; `None`
	/// for the identity and the development SRS).
	pub srs_hash: Option<Hash>,
	pub round: u32,
	/// This round's participants, in turn order.
	pub order: Vec<AccountId32>,
	pub turn: Option<AccountId32>,
	pub deadline: u64,
	/// Contributions accepted so far.
	pub accepted: u32,
	pub pending: Option<PendingSrs>,
	pub beacon: Option<Hash>,
	/// The final SRS's published Lagrange bases.
	pub bases: Vec<PublishedBases>,
}

/// Lagrange bases of the final SRS a participant published (an artifact).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedBases {
	pub domain_size: u32,
	pub publisher: AccountId32,
	pub hash: Hash,
}

#[derive(DecodeAsType)]
struct SrsInfoRaw {
	max_domain: u32,
	phase: SrsPhase,
	insecure: bool,
	head: Vec<u8>,
	transcript: Hash,
	srs_hash: Option<Hash>,
	round: u32,
	order: Vec<AccountId32>,
	turn: Option<AccountId32>,
	deadline: u64,
	accepted: u32,
	pending: Option<(AccountId32, Hash, u32, u32)>,
	beacon: Option<Hash>,
	bases: Vec<(u32, AccountId32, Hash)>,
}

impl From<SrsInfoRaw> for SrsInfo {
	fn from(s: SrsInfoRaw) -> Self {
		SrsInfo {
			max_domain: s.max_domain,
			phase: s.phase,
			insecure: s.insecure,
			head: s.head,
			transcript: s.transcript,
			srs_hash: s.srs_hash,
			round: s.round,
			order: s.order,
			turn: s.turn,
			deadline: s.deadline,
			accepted: s.accepted,
			pending: s.pending.map(|(who, srs_hash, ok, bad)| PendingSrs {
				who,
				srs_hash,
				ok,
				bad,
			}),
			beacon: s.beacon,
			bases: s
				.bases
				.into_iter()
				.map(|(domain_size, publisher, hash)| PublishedBases {
					domain_size,
					publisher,
					hash,
				})
				.collect(),
		}
	}
}

impl SrsInfo {
	/// Where the final SRS comes from, once phase 1 is over.
	pub fn final_srs(&self) -> Option<FinalSrs> {
		match (self.phase, self.insecure, self.srs_hash) {
			(SrsPhase::Final, true, _) => Some(FinalSrs::InsecureDev),
			(SrsPhase::Final, false, Some(h)) => Some(FinalSrs::Artifact(h)),
			_ => None,
		}
	}
}

/// The chain's final SRS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinalSrs {
	/// The insecure development SRS, made from its public secrets.
	InsecureDev,
	/// The sealed SRS, an artifact.
	Artifact(Hash),
}

/// What `Ceremony::contribute_key` did.
#[derive(Clone, Debug)]
pub struct KeyContributed {
	pub transcript: Hash,
	/// `KeyFinalized` / `KeyFailed` came with it (the last turn).
	pub finalized: Option<bool>,
	pub included: Included,
}

#[derive(DecodeAsType)]
struct SpecRaw {
	quantized_hash: Hash,
	input_len: u32,
	output_len: u32,
	act_bits: u32,
	supports_zk: bool,
	supports_vanilla: bool,
	active: bool,
}

#[derive(DecodeAsType)]
struct DetailsRaw {
	family: u64,
	version: Vec<u8>,
	onnx_hash: Hash,
	zk: Option<ZkParams>,
	inputs: Vec<InputFormat>,
	outputs: Vec<OutputFormat>,
	registered_at: u64,
	deposit: u128,
}

#[derive(DecodeAsType)]
struct FamilyRaw {
	owner: AccountId32,
	name: Vec<u8>,
}

/// An open inference request (`InferenceApi::request`).
#[derive(Clone, Debug, DecodeAsType)]
pub struct Request {
	pub requester: AccountId32,
	pub model_id: u64,
	pub mode: Mode,
	/// The model input as the engine's integers, all inputs flattened.
	pub input: Vec<i32>,
	pub fee: u128,
	pub created: u64,
	/// The executor that may submit now: none in the request's own block
	/// (it is drawn in the next one) or while no executor could take it.
	pub executor: Option<AccountId32>,
	/// The last block of that executor's window; then a backup is drawn.
	pub window_end: u64,
	/// Executors drawn so far.
	pub draws: u32,
	/// The last block a result is accepted in.
	pub deadline: u64,
}

/// An accepted result (`InferenceApi::result`).
#[derive(Clone, Debug, DecodeAsType)]
pub struct InferenceResult {
	pub requester: AccountId32,
	pub model_id: u64,
	pub mode: Mode,
	pub input: Vec<i32>,
	/// The model output as the engine's integers, all outputs flattened.
	pub output: Vec<i32>,
	/// Whether the runtime verified a Groth16 proof of it.
	pub verified: bool,
	pub executor: AccountId32,
	pub fee: u128,
	/// The block the result was accepted in.
	pub block: u64,
}

/// An `Optimistic` result within its challenge window
/// (`InferenceApi::provisional`).
#[derive(Clone, Debug, DecodeAsType)]
pub struct Provisional {
	pub requester: AccountId32,
	pub model_id: u64,
	pub input: Vec<i32>,
	/// The output the executor claims, unproven.
	pub output: Vec<i32>,
	pub executor: AccountId32,
	pub fee: u128,
	/// The block it was submitted in.
	pub block: u64,
	/// The last block it may be challenged in; it is final (and paid) in the
	/// block after.
	pub challenge_end: u64,
}

/// Where a request stands.
#[derive(Clone, Debug)]
pub enum RequestStatus {
	/// A result was accepted.
	Done(InferenceResult),
	/// Still open.
	Pending(Request),
	/// An `Optimistic` result is in its challenge window.
	Provisional(Provisional),
	/// Made, but it expired without a result (its fee was refunded).
	Expired,
	/// Never made.
	Unknown { next_request_id: u64 },
}

/// A bonded executor (`Inference::ExecutorOf`).
#[derive(Clone, Debug, DecodeAsType)]
pub struct Executor {
	pub bond: u128,
	pub assigned_pending: u32,
	/// Windows let lapse in a row (each slashed; `MaxMisses` eject).
	pub misses: u32,
	pub active: bool,
}

/// An account's balances (pallet-balances; holds such as deposits, bonds
/// and escrowed fees count as `reserved`).
#[derive(Clone, Debug, Default, DecodeAsType)]
pub struct Balances {
	pub free: u128,
	pub reserved: u128,
	pub frozen: u128,
}

#[derive(DecodeAsType)]
struct AccountInfoRaw {
	data: Balances,
}

/// A transaction's block and the events it emitted.
#[derive(Clone, Debug)]
pub struct Included {
	pub block_number: u64,
	pub block_hash: String,
	/// `(pallet, event)` names of its events, in order.
	pub events: Vec<(String, String)>,
}

/// What `Inference::infer_now` computed.
#[derive(Clone, Debug)]
pub struct Computed {
	/// The model's work units (what the weight was charged for).
	pub work: u64,
	/// The model's fixed-point output, all outputs flattened.
	pub output: Vec<i32>,
	pub included: Included,
}

/// What `Models::register_model` did.
#[derive(Clone, Debug)]
pub struct Registered {
	pub model_id: u64,
	pub family: u64,
	pub deposit: u128,
	pub included: Included,
	/// A sliced version's slices' ids, in order (empty for a whole one).
	pub slices: Vec<u64>,
}

/// What `Inference::request` did.
#[derive(Clone, Debug)]
pub struct Requested {
	pub request_id: u64,
	pub fee: u128,
	pub deadline: u64,
	pub included: Included,
}

/// What `Inference::submit_result` did.
#[derive(Clone, Debug)]
pub enum Submitted {
	/// The proof was verified and the result stored (`InferenceVerified`).
	Verified { fee: u128, included: Included },
	/// A `Vanilla` result was stored unverified (`ResultStored`).
	Stored { fee: u128, included: Included },
	/// The proof failed verification: the submitter was slashed and the
	/// request stays open (`ProofRejected`).
	Rejected {
		slashed: u128,
		reason: String,
		included: Included,
	},
	/// An `Optimistic` result was accepted provisionally (`ResultProposed`):
	/// it may be challenged until `challenge_end`.
	Proposed {
		challenge_end: u64,
		included: Included,
	},
}

/// What became of one result of an `Inference::submit_results` batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchOutcome {
	/// Verified, stored and paid `fee` (`InferenceVerified`).
	Verified { fee: u128 },
	/// Its proof failed: the submitter was slashed `slashed` (`ProofRejected`).
	Rejected { slashed: u128, reason: String },
	/// Left alone, for the error `submit_result` would have returned
	/// (`ResultSkipped`).
	Skipped { error: String },
}

/// What `Inference::submit_results` did.
#[derive(Clone, Debug)]
pub struct BatchSubmitted {
	/// Each result's outcome, by request id, in event order.
	pub outcomes: Vec<(u64, BatchOutcome)>,
	/// The combined check failed, so every proof was verified alone.
	pub one_by_one: bool,
	pub included: Included,
}

/// What `Inference::challenge` did.
#[derive(Clone, Debug)]
pub enum Challenged {
	/// The proof was valid: the result was overturned (`ResultOverturned`).
	Overturned {
		slashed: u128,
		reward: u128,
		fee: u128,
		included: Included,
	},
	/// The proof failed: the challenger was slashed (`ChallengeRejected`).
	Rejected {
		slashed: u128,
		reason: String,
		included: Included,
	},
}

/// A connection to a Verity node.
pub struct Chain {
	api: OnlineClient<PolkadotConfig>,
	rpc: RpcClient,
}

impl Chain {
	/// Connects to the node at `url` (`ws://` or `wss://`) and reads its metadata.
	pub async fn connect(url: &str) -> Result<Chain, ChainError> {
		let fail = |reason: String| ChainError::Connect {
			url: url.to_string(),
			reason,
		};
		if !(url.starts_with("ws://") || url.starts_with("wss://")) {
			return Err(fail("expected a ws:// or wss:// URL".into()));
		}
		let connect = async {
			let rpc = RpcClient::from_insecure_url(url)
				.await
				.map_err(|e| fail(e.to_string()))?;
			let api = OnlineClient::<PolkadotConfig>::from_rpc_client(rpc.clone())
				.await
				.map_err(|e| fail(e.to_string()))?;
			Ok::<_, ChainError>((rpc, api))
		};
		let (rpc, api) = tokio::time::timeout(CONNECT_TIMEOUT, connect)
			.await
			.map_err(|_| fail(format!("no answer in {} s", CONNECT_TIMEOUT.as_secs())))??;
		let chain = Chain { api, rpc };
		// A node without the Verity pallets is the wrong node.
		let at = chain.at().await?;
		for pallet in ["Models", "Inference", "Ceremony"] {
			if at.metadata_ref().pallet_by_name(pallet).is_none() {
				return Err(fail(format!("the chain has no {pallet} pallet")));
			}
		}
		Ok(chain)
	}

	async fn at(&self) -> Result<subxt::client::OnlineClientAtBlock<PolkadotConfig>, ChainError> {
		self.api
			.at_current_block()
			.await
			.map_err(rpc("reading the finalized block"))
	}

	/// Number of the best (latest imported) block.
	pub async fn best_number(&self) -> Result<u64, ChainError> {
		let header: serde_json::Value = self
			.rpc
			.request("chain_getHeader", rpc_params![])
			.await
			.map_err(rpc("chain_getHeader"))?;
		header["number"]
			.as_str()
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| ChainError::Rpc(format!("chain_getHeader: no block number in {header}")))
	}

	/// The smallest fee the runtime accepts for a request whose deadline is
	/// `blocks` away: `MinRequestFee + FeePerDeadlineBlock * blocks`.
	pub async fn min_request_fee(&self, blocks: u64) -> Result<u128, ChainError> {
		let base = self.constant_u128("Inference", "MinRequestFee").await?;
		let per_block = self
			.constant_u128("Inference", "FeePerDeadlineBlock")
			.await?;
		Ok(base.saturating_add(per_block.saturating_mul(u128::from(blocks))))
	}

	/// A `u128` constant of a pallet (e.g. `Inference::MinRequestFee`).
	pub async fn constant_u128(&self, pallet: &str, name: &str) -> Result<u128, ChainError> {
		self.at()
			.await?
			.constants()
			.entry(dynamic::constant::<u128>(pallet, name))
			.map_err(|e| ChainError::Rpc(format!("constant {pallet}::{name}: {e}")))
	}

	// --- pallet-models ---

	/// Model version `id`, `None` if no such version was registered.
	pub async fn model(&self, id: u64) -> Result<Option<Model>, ChainError> {
		let at = self.at().await?;
		let storage = at.storage();
		let Some(spec) = storage
			.try_fetch(
				dynamic::storage::<(u64,), SpecRaw>("Models", "Specs"),
				(id,),
			)
			.await
			.map_err(rpc("reading Models::Specs"))?
		else {
			return Ok(None);
		};
		let spec = spec.decode().map_err(rpc("decoding Models::Specs"))?;
		let details = storage
			.try_fetch(
				dynamic::storage::<(u64,), DetailsRaw>("Models", "ModelDetails"),
				(id,),
			)
			.await
			.map_err(rpc("reading Models::ModelDetails"))?
			.ok_or_else(|| ChainError::Rpc(format!("model {id} has a spec but no details")))?
			.decode()
			.map_err(rpc("decoding Models::ModelDetails"))?;
		let family = storage
			.try_fetch(
				dynamic::storage::<(u64,), FamilyRaw>("Models", "Families"),
				(details.family,),
			)
			.await
			.map_err(rpc("reading Models::Families"))?
			.ok_or_else(|| {
				ChainError::Rpc(format!("model {id}: family {} missing", details.family))
			})?
			.decode()
			.map_err(rpc("decoding Models::Families"))?;
		let ceremony = if details.zk.is_some() {
			self.key_info(id).await?
		} else {
			None
		};
		Ok(Some(Model {
			id,
			family: details.family,
			name: String::from_utf8_lossy(&family.name).into_owned(),
			owner: family.owner,
			version: String::from_utf8_lossy(&details.version).into_owned(),
			onnx_hash: details.onnx_hash,
			quantized_hash: spec.quantized_hash,
			zk: details.zk,
			act_bits: spec.act_bits,
			input_len: spec.input_len,
			output_len: spec.output_len,
			inputs: details.inputs,
			outputs: details.outputs,
			supports_zk: spec.supports_zk,
			supports_vanilla: spec.supports_vanilla,
			active: spec.active,
			registered_at: details.registered_at,
			deposit: details.deposit,
			ceremony,
		}))
	}

	/// Model version `id`, or [`ChainError::NotFound`].
	pub async fn require_model(&self, id: u64) -> Result<Model, ChainError> {
		self.model(id).await?.ok_or_else(|| {
			ChainError::NotFound(format!(
				"unknown model id {id}: no such model is registered"
			))
		})
	}

	/// Every registered model version, by id.
	pub async fn models(&self) -> Result<Vec<Model>, ChainError> {
		let next = self.value_u64("Models", "NextModelId").await?;
		let mut models = Vec::new();
		for id in 0..next {
			if let Some(model) = self.model(id).await? {
				models.push(model);
			}
		}
		Ok(models)
	}

	/// Registers a new model family with its first version, signed by `signer`.
	pub async fn register_model(
		&self,
		signer: &Keypair,
		model: &NewModel,
	) -> Result<Registered, ChainError> {
		let name = model.name.as_bytes().to_vec();
		// The two calls' payloads are of different types: submit each.
		let (included, events) = if model.slices.is_empty() {
			let call = dynamic::tx("Models", "register_model", (name, model.descriptor()));
			self.submit(signer, &call).await?
		} else {
			let slices = model.slices.clone();
			let call = dynamic::tx(
				"Models",
				"register_sliced_model",
				(name, model.descriptor(), slices),
			);
			self.submit(signer, &call).await?
		};
		let e: ModelRegisteredEvent = event_fields(&events, "Models", "ModelRegistered")?;
		Ok(Registered {
			model_id: e.model_id,
			family: e.family,
			deposit: e.deposit,
			slices: sliced(&events, model)?,
			included,
		})
	}

	/// Adds a version to family `family` (its owner), signed by `signer`
	/// (`Models::new_version`); `model.name` is not used (the family has one).
	pub async fn new_version(
		&self,
		signer: &Keypair,
		family: u64,
		model: &NewModel,
	) -> Result<Registered, ChainError> {
		let (included, events) = if model.slices.is_empty() {
			let call = dynamic::tx("Models", "new_version", (family, model.descriptor()));
			self.submit(signer, &call).await?
		} else {
			let slices = model.slices.clone();
			let call = dynamic::tx(
				"Models",
				"new_sliced_version",
				(family, model.descriptor(), slices),
			);
			self.submit(signer, &call).await?
		};
		let e: VersionAddedEvent = event_fields(&events, "Models", "VersionAdded")?;
		Ok(Registered {
			model_id: e.model_id,
			family: e.family,
			deposit: e.deposit,
			slices: sliced(&events, model)?,
			included,
		})
	}

	/// Proposes `new_owner` as the owner of `family`, or withdraws the
	/// pending proposal with `None` (`Models::transfer_ownership`, its
	/// owner).
	pub async fn transfer_ownership(
		&self,
		owner: &Keypair,
		family: u64,
		new_owner: Option<&AccountId32>,
	) -> Result<Included, ChainError> {
		// `Option<MultiAddress>`: the runtime's lookup takes an address.
		let target = match new_owner {
			Some(who) => Value::unnamed_variant(
				"Some",
				[Value::unnamed_variant("Id", [Value::from_bytes(who.0)])],
			),
			None => Value::unnamed_variant("None", []),
		};
		let call = dynamic::tx(
			"Models",
			"transfer_ownership",
			Composite::unnamed([Value::u128(family.into()), target]),
		);
		Ok(self.submit(owner, &call).await?.0)
	}

	/// Accepts the transfer of `family` proposed to the signer
	/// (`Models::accept_ownership`); returns the previous owner and the
	/// deposit now held from the signer.
	pub async fn accept_ownership(
		&self,
		signer: &Keypair,
		family: u64,
	) -> Result<(AccountId32, u128, Included), ChainError> {
		let call = dynamic::tx("Models", "accept_ownership", (family,));
		let (included, events) = self.submit(signer, &call).await?;
		let e: OwnershipTransferredEvent = event_fields(&events, "Models", "OwnershipTransferred")?;
		Ok((e.from, e.deposit, included))
	}

	// --- pallet-ceremony ---

	/// Phase 1 (`CeremonyApi::srs`); `None` on a chain without it.
	pub async fn srs_info(&self) -> Result<Option<SrsInfo>, ChainError> {
		let raw = self
			.at()
			.await?
			.runtime_apis()
			.call(dynamic::runtime_api_call::<_, Option<SrsInfoRaw>>(
				"CeremonyApi",
				"srs",
				(),
			))
			.await
			.map_err(rpc("CeremonyApi::srs"))?;
		Ok(raw.map(SrsInfo::from))
	}

	/// Phase 1, or [`ChainError::NotFound`] on a chain without a ceremony.
	pub async fn require_srs(&self) -> Result<SrsInfo, ChainError> {
		self.srs_info().await?.ok_or_else(|| {
			ChainError::NotFound(
				"the chain has no setup ceremony (CeremonyApi::srs is None)".into(),
			)
		})
	}

	/// Model `model_id`'s key ceremony (`CeremonyApi::key`); `None` for a
	/// version without one.
	pub async fn key_info(&self, model_id: u64) -> Result<Option<KeyInfo>, ChainError> {
		let raw = self
			.at()
			.await?
			.runtime_apis()
			.call(dynamic::runtime_api_call::<_, Option<KeyInfoRaw>>(
				"CeremonyApi",
				"key",
				(model_id,),
			))
			.await
			.map_err(rpc("CeremonyApi::key"))?;
		Ok(raw.map(KeyInfo::from))
	}

	/// Model `model_id`'s key ceremony; a clear [`ChainError::NotFound`] for
	/// an unknown model or one without zk support.
	pub async fn require_key_info(&self, model_id: u64) -> Result<KeyInfo, ChainError> {
		if let Some(k) = self.key_info(model_id).await? {
			return Ok(k);
		}
		Err(ChainError::NotFound(match self.model(model_id).await? {
			None => format!("unknown model id {model_id}: no such model is registered"),
			Some(_) => format!(
				"model {model_id} is not a zk model: it was registered without zk support, so \
				 it has no key ceremony"
			),
		}))
	}

	/// A `δ` contribution to model `model_id`'s key
	/// (`Ceremony::contribute_key`): the new `δ·G1 ‖ δ·G2`, the proof of
	/// knowledge, the new proving key's artifact hash.
	pub async fn contribute_key(
		&self,
		signer: &Keypair,
		model_id: u64,
		delta: [u8; 144],
		proof: [u8; 224],
		proving_key: Hash,
	) -> Result<KeyContributed, ChainError> {
		let call = dynamic::tx(
			"Ceremony",
			"contribute_key",
			(model_id, delta, proof, proving_key),
		);
		let (included, events) = self.submit(signer, &call).await?;
		let e: KeyContributedEvent = event_fields(&events, "Ceremony", "KeyContributed")?;
		let finalized = included.events.iter().find_map(|(pallet, name)| {
			match (pallet.as_str(), name.as_str()) {
				("Ceremony", "KeyFinalized") => Some(true),
				("Ceremony", "KeyFailed") => Some(false),
				_ => None,
			}
		});
		Ok(KeyContributed {
			transcript: e.transcript,
			finalized,
			included,
		})
	}

	/// Another round of a failed key ceremony (`Ceremony::retry_key`).
	pub async fn retry_key(&self, signer: &Keypair, model_id: u64) -> Result<Included, ChainError> {
		let call = dynamic::tx("Ceremony", "retry_key", (model_id,));
		Ok(self.submit(signer, &call).await?.0)
	}

	// --- pallet-inference ---

	/// Passes request `id`, assigned to the signer, on to another executor
	/// (`Inference::decline`).
	pub async fn decline(&self, signer: &Keypair, id: u64) -> Result<Included, ChainError> {
		let call = dynamic::tx("Inference", "decline", (id,));
		Ok(self.submit(signer, &call).await?.0)
	}

	/// Whether the quantized model `hash` is stored in chain state
	/// (`Inference::ModelBytes`).
	pub async fn model_bytes_stored(&self, hash: &Hash) -> Result<bool, ChainError> {
		let at = self.at().await?;
		let found = at
			.storage()
			.try_fetch(
				dynamic::storage::<([u8; 32],), Value>("Inference", "StoredModels"),
				(*hash,),
			)
			.await
			.map_err(rpc("reading Inference::StoredModels"))?;
		Ok(found.is_some())
	}

	/// Stores a quantized model's bytes in chain state
	/// (`Inference::store_model_bytes`); returns the deposit held and the
	/// transaction's block.
	pub async fn store_model_bytes(
		&self,
		signer: &Keypair,
		bytes: Vec<u8>,
	) -> Result<(u128, Included), ChainError> {
		let call = dynamic::tx("Inference", "store_model_bytes", (bytes,));
		let (included, events) = self.submit(signer, &call).await?;
		let e: ModelBytesStoredEvent = event_fields(&events, "Inference", "ModelBytesStored")?;
		Ok((e.deposit, included))
	}

	/// Removes the model bytes stored under `hash` (by whoever stored them,
	/// once no sync-enabled model runs them); returns the deposit released.
	pub async fn remove_model_bytes(
		&self,
		signer: &Keypair,
		hash: &Hash,
	) -> Result<u128, ChainError> {
		let call = dynamic::tx("Inference", "remove_model_bytes", (*hash,));
		let (_, events) = self.submit(signer, &call).await?;
		let e: ModelBytesStoredEvent = event_fields(&events, "Inference", "ModelBytesRemoved")?;
		Ok(e.deposit)
	}

	/// Deprecates model version `id` (its family's owner): no new requests.
	pub async fn deprecate_model(&self, owner: &Keypair, id: u64) -> Result<Included, ChainError> {
		let call = dynamic::tx("Models", "deprecate", (id,));
		Ok(self.submit(owner, &call).await?.0)
	}

	/// Removes the deprecated, unused model version `id` (its family's
	/// owner); returns the deposit released and whether the family went too.
	pub async fn remove_model(
		&self,
		owner: &Keypair,
		id: u64,
	) -> Result<(u128, bool, Included), ChainError> {
		let call = dynamic::tx("Models", "remove_version", (id,));
		let (included, events) = self.submit(owner, &call).await?;
		let e: VersionRemovedEvent = event_fields(&events, "Models", "VersionRemoved")?;
		Ok((e.deposit, e.family_removed, included))
	}

	/// Joins the executor set, bonding `Inference::ExecutorBond`.
	pub async fn register_executor(&self, signer: &Keypair) -> Result<Included, ChainError> {
		let call = dynamic::tx("Inference", "register_executor", ());
		Ok(self.submit(signer, &call).await?.0)
	}

	/// Leaves the executor set (`Inference::unregister_executor`); returns
	/// the bond released now, `None` while requests assigned to the signer
	/// are open (then `withdraw_bond` releases it later).
	pub async fn unregister_executor(
		&self,
		signer: &Keypair,
	) -> Result<(Option<u128>, Included), ChainError> {
		let call = dynamic::tx("Inference", "unregister_executor", ());
		let (included, events) = self.submit(signer, &call).await?;
		let released = event_fields::<BondReleasedEvent>(&events, "Inference", "BondReleased")
			.ok()
			.map(|e| e.amount);
		Ok((released, included))
	}

	/// Releases the bond of an executor that left the set
	/// (`Inference::withdraw_bond`); returns the amount released.
	pub async fn withdraw_bond(&self, signer: &Keypair) -> Result<(u128, Included), ChainError> {
		let call = dynamic::tx("Inference", "withdraw_bond", ());
		let (included, events) = self.submit(signer, &call).await?;
		let e: BondReleasedEvent = event_fields(&events, "Inference", "BondReleased")?;
		Ok((e.amount, included))
	}

	/// Removes the signer's stored synchronous output and releases its
	/// deposit (`Inference::clear_sync_output`).
	pub async fn clear_sync_output(&self, signer: &Keypair) -> Result<Included, ChainError> {
		let call = dynamic::tx("Inference", "clear_sync_output", ());
		Ok(self.submit(signer, &call).await?.0)
	}

	/// The executor record of `who`, `None` if it is not bonded.
	pub async fn executor(&self, who: &AccountId32) -> Result<Option<Executor>, ChainError> {
		let at = self.at().await?;
		match at
			.storage()
			.try_fetch(
				dynamic::storage::<(AccountId32,), Executor>("Inference", "ExecutorOf"),
				(*who,),
			)
			.await
			.map_err(rpc("reading Inference::ExecutorOf"))?
		{
			Some(v) => Ok(Some(
				v.decode().map_err(rpc("decoding Inference::ExecutorOf"))?,
			)),
			None => Ok(None),
		}
	}

	/// The balances of `who` (zero for an account that does not exist).
	pub async fn balances(&self, who: &AccountId32) -> Result<Balances, ChainError> {
		let at = self.at().await?;
		match at
			.storage()
			.try_fetch(
				dynamic::storage::<(AccountId32,), AccountInfoRaw>("System", "Account"),
				(*who,),
			)
			.await
			.map_err(rpc("reading System::Account"))?
		{
			Some(v) => Ok(v.decode().map_err(rpc("decoding System::Account"))?.data),
			None => Ok(Balances::default()),
		}
	}

	/// Requests an inference of `model_id` on `input` (the engine's integers,
	/// all inputs flattened), holding `max_fee` in escrow; the result is due
	/// by block `deadline`.
	pub async fn request(
		&self,
		signer: &Keypair,
		model_id: u64,
		input: Vec<i32>,
		mode: Mode,
		max_fee: u128,
		deadline: u64,
	) -> Result<Requested, ChainError> {
		let deadline = u32::try_from(deadline)
			.map_err(|_| ChainError::Input(format!("deadline block {deadline} is too large")))?;
		// A longer input does not even decode in the runtime, whose answer
		// would be an opaque trap.
		let max = self.constant_u128("Inference", "MaxInputLen").await?;
		if input.len() as u128 > max {
			return Err(ChainError::Input(format!(
				"the input has {} values; this chain's requests take at most {max} \
				 (Inference::MaxInputLen)",
				input.len()
			)));
		}
		let call = dynamic::tx(
			"Inference",
			"request",
			(model_id, input, mode, max_fee, deadline),
		);
		let (included, events) = self.submit(signer, &call).await?;
		let e: RequestedEvent = event_fields(&events, "Inference", "Requested")?;
		Ok(Requested {
			request_id: e.request_id,
			fee: e.fee,
			deadline: e.deadline,
			included,
		})
	}

	/// Runs sync-enabled model `model_id` on `input` inside a transaction
	/// (`Inference::infer_now`, the node's inference precompile) and returns
	/// the output the runtime computed.
	pub async fn infer_now(
		&self,
		signer: &Keypair,
		model_id: u64,
		input: Vec<i32>,
	) -> Result<Computed, ChainError> {
		let call = dynamic::tx("Inference", "infer_now", (model_id, input));
		let (included, events) = self.submit(signer, &call).await?;
		let e: ComputedEvent = event_fields(&events, "Inference", "InferenceComputed")?;
		Ok(Computed {
			work: e.work,
			output: e.output,
			included,
		})
	}

	/// Enables model `model_id` for synchronous inference, or disables it
	/// (`Inference::set_sync_model` through `Sudo::sudo`: `signer` must be the
	/// sudo key). Returns the model's work units when enabling.
	pub async fn set_sync_model(
		&self,
		sudo: &Keypair,
		model_id: u64,
		enabled: bool,
	) -> Result<(Option<u64>, Included), ChainError> {
		let inner = sudo_inner(
			"set_sync_model",
			vec![Value::u128(model_id.into()), Value::bool(enabled)],
		);
		let (included, events) = self.sudo(sudo, inner).await?;
		let e: SyncModelSetEvent = event_fields(&events, "Inference", "SyncModelSet")?;
		Ok((e.work, included))
	}

	/// Sets the synchronous work bound (`Inference::set_sync_work_bound`
	/// through `Sudo::sudo`).
	pub async fn set_sync_work_bound(
		&self,
		sudo: &Keypair,
		bound: u64,
	) -> Result<Included, ChainError> {
		let inner = sudo_inner("set_sync_work_bound", vec![Value::u128(bound.into())]);
		Ok(self.sudo(sudo, inner).await?.0)
	}

	/// Dispatches `inner` (a call as a value) as root through `Sudo::sudo`,
	/// turning a failed inner call (`Sudid` with an error) into the pallet
	/// error it returned.
	async fn sudo(&self, sudo: &Keypair, inner: Value) -> Result<(Included, Events), ChainError> {
		let call = dynamic::tx("Sudo", "sudo", Composite::unnamed([inner]));
		let (included, events) = self.submit(sudo, &call).await?;
		let metadata = self.at().await?.metadata();
		for e in events.iter() {
			let e = e.map_err(rpc("decoding an event"))?;
			if e.pallet_name() == "Sudo" && e.event_name() == "Sudid" {
				// `sudo_result: Result<(), DispatchError>`.
				if let [1, error @ ..] = e.field_bytes() {
					return Err(match DispatchError::decode_from(error, metadata) {
						Ok(error) => dispatch_error(error),
						Err(_) => {
							ChainError::Rpc("the sudo call failed with an undecodable error".into())
						}
					});
				}
			}
		}
		Ok((included, events))
	}

	/// Submits the result of `request_id`: `output` (the engine's integers, all
	/// outputs flattened) and, for a `Zk` request, the 192-byte proof.
	pub async fn submit_result(
		&self,
		signer: &Keypair,
		request_id: u64,
		output: Vec<i32>,
		proof: Vec<u8>,
	) -> Result<Submitted, ChainError> {
		let call = dynamic::tx("Inference", "submit_result", (request_id, output, proof));
		let (included, events) = self.submit(signer, &call).await?;
		for (pallet, name) in included.events.clone() {
			if pallet != "Inference" {
				continue;
			}
			match name.as_str() {
				"InferenceVerified" => {
					let e: PaidEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Submitted::Verified {
						fee: e.fee,
						included,
					});
				}
				"ResultStored" => {
					let e: PaidEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Submitted::Stored {
						fee: e.fee,
						included,
					});
				}
				"ProofRejected" => {
					let e: RejectedEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Submitted::Rejected {
						slashed: e.slashed,
						reason: format!("{:?}", e.reason),
						included,
					});
				}
				"ResultProposed" => {
					let e: ProposedEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Submitted::Proposed {
						challenge_end: e.challenge_end,
						included,
					});
				}
				_ => {}
			}
		}
		Err(ChainError::Rpc(
			"submit_result emitted no InferenceVerified, ResultStored, ResultProposed or ProofRejected"
				.into(),
		))
	}

	/// Submits the results of several `Zk` requests, `(request_id, output,
	/// proof)` each, as one `Inference::submit_results` per batch: all
	/// batches enter the pool before any is waited for.
	pub async fn submit_results(
		&self,
		signer: &Keypair,
		batches: Vec<Vec<(u64, Vec<i32>, Vec<u8>)>>,
	) -> Result<Vec<BatchSubmitted>, ChainError> {
		let calls: Vec<_> = batches
			.into_iter()
			.map(|batch| {
				let results: Vec<ZkResultArg> = batch
					.into_iter()
					.map(|(request_id, output, proof)| ZkResultArg {
						request_id,
						output,
						proof,
					})
					.collect();
				dynamic::tx("Inference", "submit_results", (results,))
			})
			.collect();
		let mut submitted = Vec::with_capacity(calls.len());
		for (included, events) in self.submit_all(signer, &calls).await? {
			let (outcomes, one_by_one) = batch_outcomes(&events)?;
			submitted.push(BatchSubmitted {
				outcomes,
				one_by_one,
				included,
			});
		}
		Ok(submitted)
	}

	/// Challenges the provisional result of `request_id` with `output` and
	/// its 192-byte proof for the signer.
	pub async fn challenge(
		&self,
		signer: &Keypair,
		request_id: u64,
		output: Vec<i32>,
		proof: Vec<u8>,
	) -> Result<Challenged, ChainError> {
		let call = dynamic::tx("Inference", "challenge", (request_id, output, proof));
		let (included, events) = self.submit(signer, &call).await?;
		for (pallet, name) in included.events.clone() {
			if pallet != "Inference" {
				continue;
			}
			match name.as_str() {
				"ResultOverturned" => {
					let e: OverturnedEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Challenged::Overturned {
						slashed: e.slashed,
						reward: e.reward,
						fee: e.fee,
						included,
					});
				}
				"ChallengeRejected" => {
					let e: RejectedEvent = event_fields(&events, "Inference", &name)?;
					return Ok(Challenged::Rejected {
						slashed: e.slashed,
						reason: format!("{:?}", e.reason),
						included,
					});
				}
				_ => {}
			}
		}
		Err(ChainError::Rpc(
			"challenge emitted no ResultOverturned or ChallengeRejected".into(),
		))
	}

	/// The provisional result of request `id` (`InferenceApi::provisional`).
	pub async fn provisional(&self, id: u64) -> Result<Option<Provisional>, ChainError> {
		self.at()
			.await?
			.runtime_apis()
			.call(dynamic::runtime_api_call::<_, Option<Provisional>>(
				"InferenceApi",
				"provisional",
				(id,),
			))
			.await
			.map_err(rpc("InferenceApi::provisional"))
	}

	/// The open request `id` (`InferenceApi::request`).
	pub async fn request_info(&self, id: u64) -> Result<Option<Request>, ChainError> {
		self.at()
			.await?
			.runtime_apis()
			.call(dynamic::runtime_api_call::<_, Option<Request>>(
				"InferenceApi",
				"request",
				(id,),
			))
			.await
			.map_err(rpc("InferenceApi::request"))
	}

	/// The accepted result of request `id` (`InferenceApi::result`).
	pub async fn result(&self, id: u64) -> Result<Option<InferenceResult>, ChainError> {
		self.at()
			.await?
			.runtime_apis()
			.call(dynamic::runtime_api_call::<_, Option<InferenceResult>>(
				"InferenceApi",
				"result",
				(id,),
			))
			.await
			.map_err(rpc("InferenceApi::result"))
	}

	/// Where request `id` stands.
	pub async fn request_status(&self, id: u64) -> Result<RequestStatus, ChainError> {
		if let Some(result) = self.result(id).await? {
			return Ok(RequestStatus::Done(result));
		}
		if let Some(request) = self.request_info(id).await? {
			return Ok(RequestStatus::Pending(request));
		}
		if let Some(provisional) = self.provisional(id).await? {
			return Ok(RequestStatus::Provisional(provisional));
		}
		let next_request_id = self.value_u64("Inference", "NextRequestId").await?;
		// The result may have landed between the two reads.
		if let Some(result) = self.result(id).await? {
			return Ok(RequestStatus::Done(result));
		}
		Ok(if id < next_request_id {
			RequestStatus::Expired
		} else {
			RequestStatus::Unknown { next_request_id }
		})
	}

	/// The executor drawn for request `id` (in the block after the request),
	/// polled for up to `timeout`: `None` if nobody was drawn by then.
	pub async fn wait_for_assignment(
		&self,
		id: u64,
		timeout: Duration,
	) -> Result<Option<AccountId32>, ChainError> {
		let start = tokio::time::Instant::now();
		loop {
			match self.request_status(id).await? {
				RequestStatus::Done(result) => return Ok(Some(result.executor)),
				RequestStatus::Provisional(p) => return Ok(Some(p.executor)),
				RequestStatus::Pending(Request {
					executor: Some(executor),
					..
				}) => return Ok(Some(executor)),
				RequestStatus::Pending(_) if start.elapsed() < timeout => {}
				_ => return Ok(None),
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}

	/// Waits until request `id` has a result, polling the finalized state every
	/// second. Fails if it expires or `timeout` passes first.
	pub async fn wait_for_result(
		&self,
		id: u64,
		timeout: Duration,
	) -> Result<InferenceResult, ChainError> {
		let start = tokio::time::Instant::now();
		loop {
			match self.request_status(id).await? {
				RequestStatus::Done(result) => return Ok(result),
				RequestStatus::Pending(request) => {
					if start.elapsed() >= timeout {
						return Err(ChainError::Timeout(format!(
							"timed out after {} s waiting for the result of request {id}: it is \
							 still pending (assigned to {}, deadline block {}); `verity result {id}` \
							 shows it later",
							timeout.as_secs(),
							request
								.executor
								.map_or("nobody yet".into(), |e| e.to_string()),
							request.deadline
						)));
					}
				}
				RequestStatus::Provisional(p) => {
					if start.elapsed() >= timeout {
						return Err(ChainError::Timeout(format!(
							"timed out after {} s waiting for the result of request {id}: {} \
							 submitted a provisional result, final after block {} unless \
							 challenged; `verity result {id}` shows it later",
							timeout.as_secs(),
							p.executor,
							p.challenge_end
						)));
					}
				}
				RequestStatus::Expired => {
					return Err(ChainError::NotFound(format!(
						"request {id} expired without a result; its fee was refunded"
					)))
				}
				RequestStatus::Unknown { .. } => {
					return Err(ChainError::NotFound(format!("unknown request {id}")))
				}
			}
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	}

	/// `(pallet, event)` names of the `Inference` events of block `number`
	/// about request `request_id` (their first field).
	pub async fn request_events(
		&self,
		number: u64,
		request_id: u64,
	) -> Result<Vec<(String, String)>, ChainError> {
		Ok(self
			.inference_events(number)
			.await?
			.into_iter()
			.filter(|(_, rid)| *rid == request_id)
			.map(|(name, _)| ("Inference".to_string(), name))
			.collect())
	}

	/// The `Inference` events of block `number` that are about a request, as
	/// `(event name, request id)`, in order.
	pub async fn inference_events(&self, number: u64) -> Result<Vec<(String, u64)>, ChainError> {
		let at = self
			.api
			.at_block(number)
			.await
			.map_err(rpc("opening a block"))?;
		let events = at
			.events()
			.fetch()
			.await
			.map_err(rpc("reading a block's events"))?;
		let mut found = Vec::new();
		for e in events.iter() {
			let e = e.map_err(rpc("decoding an event"))?;
			if e.pallet_name() != "Inference" {
				continue;
			}
			// Every Inference event about a request has a `request_id` field.
			if let Ok(RequestIdEvent { request_id }) = e.decode_fields_unchecked_as() {
				found.push((e.event_name().to_string(), request_id));
			}
		}
		Ok(found)
	}

	/// The next nonce of `who`, counting its transactions in the pool.
	pub async fn next_nonce(&self, who: &AccountId32) -> Result<u64, ChainError> {
		self.rpc
			.request("system_accountNextIndex", rpc_params![who.to_string()])
			.await
			.map_err(rpc("system_accountNextIndex"))
	}

	/// Submits `Inference::request` signed with an explicit `nonce` and returns
	/// its request id as soon as it is in a best block (not finalized). This is
	/// the load generator's path: one account keeps many requests in flight.
	#[allow(clippy::too_many_arguments)]
	pub async fn request_in_best_block(
		&self,
		signer: &Keypair,
		nonce: u64,
		model_id: u64,
		input: Vec<i32>,
		mode: Mode,
		max_fee: u128,
		deadline: u32,
	) -> Result<u64, ChainError> {
		let call = dynamic::tx(
			"Inference",
			"request",
			(model_id, input, mode, max_fee, deadline),
		);
		let params = subxt::config::DefaultExtrinsicParamsBuilder::<PolkadotConfig>::new()
			.nonce(nonce)
			.build();
		let mut progress = self
			.at()
			.await?
			.transactions()
			.sign_and_submit_then_watch(&call, signer, params)
			.await
			.map_err(|e| ChainError::Transaction(e.to_string()))?;
		while let Some(status) = progress.next().await {
			match status.map_err(|e| ChainError::Transaction(e.to_string()))? {
				TransactionStatus::InBestBlock(in_block) => {
					let events = match in_block.wait_for_success().await {
						Ok(events) => events,
						Err(TransactionEventsError::ExtrinsicFailed(e)) => {
							return Err(dispatch_error(e))
						}
						Err(e) => {
							return Err(ChainError::Rpc(format!(
								"reading the transaction's events: {e}"
							)))
						}
					};
					let e: RequestedEvent = event_fields(&events, "Inference", "Requested")?;
					return Ok(e.request_id);
				}
				TransactionStatus::Error { message }
				| TransactionStatus::Invalid { message }
				| TransactionStatus::Dropped { message } => return Err(ChainError::Transaction(message)),
				_ => {}
			}
		}
		Err(ChainError::Transaction(
			"the node stopped reporting the transaction before it was in a block".into(),
		))
	}

	// -----------------------------------------------------------------------
	// The node's model artifact store (`artifacts_*`, see node/src/rpc.rs).

	/// Which of `hashes` the node's artifact store holds.
	pub async fn artifacts_has(&self, hashes: &[Hash]) -> Result<Vec<bool>, ChainError> {
		let hashes: Vec<String> = hashes.iter().map(|h| hex(h)).collect();
		self.rpc
			.request("artifacts_has", rpc_params![hashes])
			.await
			.map_err(rpc("artifacts_has"))
	}

	/// Fails with [`ChainError::UploadRefused`] unless the node accepts
	/// artifact uploads (unsafe RPC methods), before anything slow is done.
	pub async fn check_uploads_allowed(&self) -> Result<(), ChainError> {
		// Cancelling an upload that does not exist is a harmless unsafe call:
		// `false` where unsafe methods are allowed, an error where not.
		self.rpc
			.request::<bool>("artifacts_cancelUpload", rpc_params![u64::MAX])
			.await
			.map(|_| ())
			.map_err(upload_error("artifacts_cancelUpload"))
	}

	/// Stores `bytes` in the node's artifact store: in one call up to
	/// [`UPLOAD_CHUNK`] bytes, else in chunks of that size (a JSON-RPC
	/// request is limited in size). `on_progress` gets the bytes sent so far.
	/// Returns the hash the node stored them under (checked to be theirs).
	pub async fn upload_artifact(
		&self,
		bytes: &[u8],
		mut on_progress: impl FnMut(u64),
	) -> Result<Hash, ChainError> {
		let hash = verity_inference::hash::blake2_256(bytes);
		let stored: String = if bytes.len() <= UPLOAD_CHUNK {
			let stored = self
				.rpc
				.request("artifacts_upload", rpc_params![hex(bytes)])
				.await
				.map_err(upload_error("artifacts_upload"))?;
			on_progress(bytes.len() as u64);
			stored
		} else {
			let id: u64 = self
				.rpc
				.request(
					"artifacts_beginUpload",
					rpc_params![hex(&hash), bytes.len() as u64],
				)
				.await
				.map_err(upload_error("artifacts_beginUpload"))?;
			let mut offset = 0u64;
			for chunk in bytes.chunks(UPLOAD_CHUNK) {
				let received: u64 = match self
					.rpc
					.request("artifacts_uploadChunk", rpc_params![id, offset, hex(chunk)])
					.await
				{
					Ok(received) => received,
					Err(e) => {
						// Free the node's slot (at most 4 are open); best effort.
						let _ = self
							.rpc
							.request::<bool>("artifacts_cancelUpload", rpc_params![id])
							.await;
						return Err(upload_error("artifacts_uploadChunk")(e));
					}
				};
				offset += chunk.len() as u64;
				if received != offset {
					return Err(ChainError::Rpc(format!(
						"artifacts_uploadChunk: the node has {received} bytes of upload {id}, \
						 {offset} were sent"
					)));
				}
				on_progress(offset);
			}
			self.rpc
				.request("artifacts_finishUpload", rpc_params![id])
				.await
				.map_err(upload_error("artifacts_finishUpload"))?
		};
		if stored != hex(&hash) {
			return Err(ChainError::Rpc(format!(
				"the node stored the artifact as {stored}, but its blake2-256 hash is {}",
				hex(&hash)
			)));
		}
		Ok(hash)
	}

	/// Bytes `offset..offset + len` of artifact `hash` (`artifacts_getChunk`;
	/// fewer only at its end).
	pub async fn artifact_chunk(
		&self,
		hash: &Hash,
		offset: u64,
		len: u64,
	) -> Result<Vec<u8>, ChainError> {
		let bytes: String = self
			.rpc
			.request("artifacts_getChunk", rpc_params![hex(hash), offset, len])
			.await
			.map_err(|e| {
				let text = e.to_string();
				if text.contains("Method not found") {
					ChainError::Rpc(format!(
						"artifacts_getChunk: this node cannot serve artifacts (an older \
						 verity-node?): {text}"
					))
				} else if text.contains("has no artifact") {
					ChainError::NotFound(format!(
						"artifact {} is missing: the node at this URL does not have it ({text})",
						hex(hash)
					))
				} else {
					ChainError::Rpc(format!("artifacts_getChunk: {text}"))
				}
			})?;
		bytes
			.strip_prefix("0x")
			.and_then(|digits| hex::decode(digits).ok())
			.ok_or_else(|| ChainError::Rpc("artifacts_getChunk: the node sent no hex".into()))
	}

	/// Downloads artifact `hash` from the node in chunks of
	/// [`DOWNLOAD_CHUNK`] bytes and checks its blake2-256. `on_progress` gets
	/// the bytes received so far.
	pub async fn download_artifact(
		&self,
		hash: &Hash,
		on_progress: impl FnMut(u64),
	) -> Result<Vec<u8>, ChainError> {
		download_chunks(
			hash,
			DOWNLOAD_CHUNK,
			|offset, len| self.artifact_chunk(hash, offset, len),
			on_progress,
		)
		.await
	}

	async fn value_u64(&self, pallet: &str, entry: &str) -> Result<u64, ChainError> {
		let at = self.at().await?;
		match at
			.storage()
			.try_fetch(dynamic::storage::<(), u64>(pallet, entry), ())
			.await
			.map_err(|e| ChainError::Rpc(format!("reading {pallet}::{entry}: {e}")))?
		{
			Some(v) => v
				.decode()
				.map_err(|e| ChainError::Rpc(format!("decoding {pallet}::{entry}: {e}"))),
			None => Ok(0),
		}
	}

	/// Signs `call` with `signer`, submits it and waits for its block to be
	/// finalized. A failed dispatch becomes [`ChainError::Dispatch`].
	async fn submit<Call: Payload>(
		&self,
		signer: &Keypair,
		call: &Call,
	) -> Result<(Included, Events), ChainError> {
		self.submit_all(signer, std::slice::from_ref(call))
			.await?
			.pop()
			.ok_or_else(|| ChainError::Rpc("no transaction was submitted".into()))
	}

	/// Signs and submits every call of `calls` in turn (consecutive nonces,
	/// all in the pool before any is waited for, so they can share a block),
	/// then waits for each one's block to be finalized. The first failed
	/// dispatch becomes [`ChainError::Dispatch`].
	async fn submit_all<Call: Payload>(
		&self,
		signer: &Keypair,
		calls: &[Call],
	) -> Result<Vec<(Included, Events)>, ChainError> {
		let at = self.at().await?;
		// The pool-aware next nonce, so transactions still in the pool (or in
		// blocks not yet finalized) are counted; asked once, then counted
		// up here: right after a submission the pool may not report it yet.
		let first_nonce: u64 = self
			.rpc
			.request(
				"system_accountNextIndex",
				rpc_params![account_of(signer).to_string()],
			)
			.await
			.map_err(rpc("system_accountNextIndex"))?;
		let mut watched = Vec::with_capacity(calls.len());
		for (nonce, call) in (first_nonce..).zip(calls) {
			// Encoding the call against the metadata catches wrong argument
			// shapes before anything is signed.
			at.transactions()
				.call_data(call)
				.map_err(|e| ChainError::Input(format!("cannot encode the call: {e}")))?;
			let params = subxt::config::DefaultExtrinsicParamsBuilder::<PolkadotConfig>::new()
				.nonce(nonce)
				.build();
			let progress = at
				.transactions()
				.sign_and_submit_then_watch(call, signer, params)
				.await
				.map_err(|e| ChainError::Transaction(e.to_string()))?;
			watched.push(progress);
		}
		let mut done = Vec::with_capacity(watched.len());
		for progress in watched {
			let in_block = progress
				.wait_for_finalized()
				.await
				.map_err(|e| ChainError::Transaction(e.to_string()))?;
			let block_hash = hex(in_block.block_hash().as_ref());
			let block_number = in_block
				.at()
				.await
				.map_err(rpc("opening the transaction's block"))?
				.block_number();
			let events = match in_block.wait_for_success().await {
				Ok(events) => events,
				Err(TransactionEventsError::ExtrinsicFailed(e)) => return Err(dispatch_error(e)),
				Err(e) => {
					return Err(ChainError::Rpc(format!(
						"reading the transaction's events: {e}"
					)))
				}
			};
			let mut names = Vec::new();
			for e in events.iter() {
				let e = e.map_err(rpc("decoding an event"))?;
				names.push((e.pallet_name().to_string(), e.event_name().to_string()));
			}
			let included = Included {
				block_number,
				block_hash,
				events: names,
			};
			done.push((included, events));
		}
		Ok(done)
	}
}

type Events = subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>;

/// Each result's outcome in a `submit_results` transaction's events, and
/// whether its batch was verified one by one (`BatchVerified`).
fn batch_outcomes(events: &Events) -> Result<(Vec<(u64, BatchOutcome)>, bool), ChainError> {
	let mut outcomes = Vec::new();
	let mut one_by_one = None;
	for e in events.iter() {
		let e = e.map_err(rpc("decoding an event"))?;
		if e.pallet_name() != "Inference" {
			continue;
		}
		let name = e.event_name().to_string();
		let undecodable = |err: subxt::error::EventsError| {
			ChainError::Rpc(format!("decoding Inference::{name}: {err}"))
		};
		match e.event_name() {
			"InferenceVerified" => {
				let v: PaidEvent = e.decode_fields_unchecked_as().map_err(undecodable)?;
				outcomes.push((v.request_id, BatchOutcome::Verified { fee: v.fee }));
			}
			"ProofRejected" => {
				let v: RejectedEvent = e.decode_fields_unchecked_as().map_err(undecodable)?;
				let outcome = BatchOutcome::Rejected {
					slashed: v.slashed,
					reason: format!("{:?}", v.reason),
				};
				outcomes.push((v.request_id, outcome));
			}
			"ResultSkipped" => {
				let v: SkippedEvent = e.decode_fields_unchecked_as().map_err(undecodable)?;
				let error = v.error.to_string();
				outcomes.push((v.request_id, BatchOutcome::Skipped { error }));
			}
			"BatchVerified" => {
				let v: BatchVerifiedEvent = e.decode_fields_unchecked_as().map_err(undecodable)?;
				one_by_one = Some(v.one_by_one);
			}
			_ => {}
		}
	}
	let one_by_one = one_by_one.ok_or_else(|| {
		ChainError::Rpc("submit_results emitted no Inference::BatchVerified".into())
	})?;
	Ok((outcomes, one_by_one))
}

/// `Inference::<call>(fields)` as a value, to nest in `Sudo::sudo`.
fn sudo_inner(call: &str, fields: Vec<Value>) -> Value {
	dynamic::tx("Inference", call, Composite::unnamed(fields)).into_value()
}

/// The fields of the first `pallet::name` event of a transaction, decoded
/// by name into `F` (fields `F` does not name are skipped).
fn event_fields<F: scale_decode::DecodeAsFields>(
	events: &Events,
	pallet: &str,
	name: &str,
) -> Result<F, ChainError> {
	for e in events.iter() {
		let e = e.map_err(rpc("decoding an event"))?;
		if e.pallet_name() == pallet && e.event_name() == name {
			return e
				.decode_fields_unchecked_as::<F>()
				.map_err(|err| ChainError::Rpc(format!("decoding {pallet}::{name}: {err}")));
		}
	}
	Err(ChainError::Rpc(format!(
		"the transaction emitted no {pallet}::{name} event"
	)))
}

// The event fields this client reads (matched by name).

#[derive(DecodeAsType)]
struct ModelRegisteredEvent {
	family: u64,
	model_id: u64,
	deposit: u128,
}

#[derive(DecodeAsType)]
struct VersionSlicedEvent {
	slices: Vec<u64>,
}

/// A sliced registration's slice ids (its `VersionSliced` event); none for
/// a whole version.
fn sliced(events: &Events, model: &NewModel) -> Result<Vec<u64>, ChainError> {
	if model.slices.is_empty() {
		return Ok(Vec::new());
	}
	let e: VersionSlicedEvent = event_fields(events, "Models", "VersionSliced")?;
	Ok(e.slices)
}

#[derive(DecodeAsType)]
struct VersionAddedEvent {
	family: u64,
	model_id: u64,
	deposit: u128,
}

#[derive(DecodeAsType)]
struct OwnershipTransferredEvent {
	from: AccountId32,
	deposit: u128,
}

#[derive(DecodeAsType)]
struct BondReleasedEvent {
	amount: u128,
}

#[derive(DecodeAsType)]
struct KeyContributedEvent {
	transcript: Hash,
}

#[derive(DecodeAsType)]
struct ComputedEvent {
	work: u64,
	output: Vec<i32>,
}

#[derive(DecodeAsType)]
struct SyncModelSetEvent {
	work: Option<u64>,
}

#[derive(DecodeAsType)]
struct RequestedEvent {
	request_id: u64,
	fee: u128,
	deadline: u64,
}

/// `InferenceVerified` and `ResultStored`.
#[derive(DecodeAsType)]
struct PaidEvent {
	request_id: u64,
	fee: u128,
}

/// `ProofRejected` and `ChallengeRejected`.
#[derive(DecodeAsType)]
struct RejectedEvent {
	request_id: u64,
	slashed: u128,
	reason: RejectReason,
}

#[derive(DecodeAsType)]
struct SkippedEvent {
	request_id: u64,
	error: Value,
}

#[derive(DecodeAsType)]
struct BatchVerifiedEvent {
	one_by_one: bool,
}

/// One `Inference::submit_results` entry (encoded by field name).
#[derive(EncodeAsType)]
struct ZkResultArg {
	request_id: u64,
	output: Vec<i32>,
	proof: Vec<u8>,
}

#[derive(DecodeAsType)]
struct ModelBytesStoredEvent {
	deposit: u128,
}

#[derive(DecodeAsType)]
struct VersionRemovedEvent {
	deposit: u128,
	family_removed: bool,
}

#[derive(DecodeAsType)]
struct ProposedEvent {
	challenge_end: u64,
}

#[derive(DecodeAsType)]
struct OverturnedEvent {
	slashed: u128,
	reward: u128,
	fee: u128,
}

#[derive(DecodeAsType)]
struct RequestIdEvent {
	request_id: u64,
}

/// Why the runtime rejected a proof.
#[derive(Debug, DecodeAsType)]
enum RejectReason {
	MalformedProof,
	InvalidProof,
}

/// A dispatch error with its pallet error name and docs.
fn dispatch_error(e: DispatchError) -> ChainError {
	if let DispatchError::Module(module) = &e {
		if let Ok(details) = module.details() {
			return ChainError::Dispatch {
				pallet: details.pallet.name().to_string(),
				error: details.variant.name.clone(),
				docs: details.variant.docs.join(" ").trim().to_string(),
			};
		}
	}
	ChainError::Dispatch {
		pallet: "System".into(),
		error: format!("{e:?}"),
		docs: e.to_string(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use verity_inference::hash::blake2_256;

	#[test]
	fn pool_refusals_of_the_inference_extension_are_explained() {
		let refused = |code: u8| {
			ChainError::Transaction(format!(
				"Error during transaction progress: The transaction is not valid: \
				 Invalid transaction with custom error: {code}"
			))
			.to_string()
		};
		assert!(refused(1).ends_with("(refused by the pool: only the request's assigned executor may submit its result or decline it)"));
		assert!(refused(2).contains("other than its submitter may challenge"));
		// Other refusals keep the node's words only.
		assert!(!refused(7).contains("refused by the pool"));
		let fees = ChainError::Transaction("Inability to pay some fees".into()).to_string();
		assert_eq!(fees, "transaction not included: Inability to pay some fees");
	}

	/// `download_chunks` over an in-memory artifact served like
	/// `artifacts_getChunk` (`tamper`: flips a byte of what is served).
	async fn download(
		data: &[u8],
		chunk: u64,
		tamper: bool,
	) -> Result<(Vec<u8>, usize), ChainError> {
		let mut calls = 0;
		let mut progress = Vec::new();
		let bytes = download_chunks(
			&blake2_256(data),
			chunk,
			|offset, len| {
				calls += 1;
				let start = (offset as usize).min(data.len());
				let end = (offset + len).min(data.len() as u64) as usize;
				let mut part = data[start..end].to_vec();
				if tamper {
					if let Some(b) = part.first_mut() {
						*b ^= 1;
					}
				}
				async move { Ok(part) }
			},
			|done| progress.push(done),
		)
		.await?;
		assert_eq!(progress.last().copied(), Some(bytes.len() as u64));
		Ok((bytes, calls))
	}

	#[tokio::test]
	async fn chunked_downloads_reassemble_and_check_the_hash() {
		let data: Vec<u8> = (0..1000u32).map(|i| (i % 251) as u8).collect();
		// A short last chunk ends it; an exact multiple needs one empty chunk.
		assert_eq!(
			download(&data, 300, false).await.unwrap(),
			(data.clone(), 4)
		);
		assert_eq!(
			download(&data, 250, false).await.unwrap(),
			(data.clone(), 5)
		);
		assert_eq!(
			download(&data, 4096, false).await.unwrap(),
			(data.clone(), 1)
		);
		assert_eq!(download(&[], 16, false).await.unwrap(), (vec![], 1));
		let e = download(&data, 300, true).await.unwrap_err();
		assert!(e.to_string().contains("that hash to"), "{e}");
	}

	#[tokio::test]
	async fn a_node_sending_more_than_asked_is_refused() {
		let e = download_chunks(&[0; 32], 4, |_, _| async { Ok(vec![0; 5]) }, |_| {})
			.await
			.unwrap_err();
		assert!(
			e.to_string().contains("asked for 4 bytes, the node sent 5"),
			"{e}"
		);
	}

	#[test]
	fn zk_requests_wait_for_a_final_key() {
		let mut key = KeyInfo {
			status: KeyStatus::Pending,
			model_hash: [0; 32],
			domain_size: 4096,
			transcript: [0; 32],
			proving_key: None,
			round: 1,
			order: vec![AccountId32([1; 32])],
			turn: Some(AccountId32([1; 32])),
			deadline: 40,
			contributions: vec![],
			verifying_key: vec![],
			started_at: 1,
		};
		let mut m = Model {
			id: 3,
			family: 0,
			name: "m".into(),
			owner: AccountId32([0; 32]),
			version: "1".into(),
			onnx_hash: [0; 32],
			quantized_hash: [0; 32],
			zk: Some(ZkParams {
				domain_size: 4096,
				owner_contributes: false,
			}),
			act_bits: 8,
			input_len: 1,
			output_len: 1,
			inputs: vec![],
			outputs: vec![],
			supports_zk: true,
			supports_vanilla: true,
			active: true,
			registered_at: 1,
			deposit: 0,
			ceremony: Some(key.clone()),
		};
		let why = m.refusal(Mode::Zk).unwrap();
		assert!(why.contains("does not accept zk requests yet"), "{why}");
		assert!(why.contains("turn 1 of 1"), "{why}");
		assert!(why.contains("verity ceremony status 3"), "{why}");
		assert_eq!(m.refusal(Mode::Vanilla), None);
		key.status = KeyStatus::Failed;
		m.ceremony = Some(key.clone());
		assert!(m.refusal(Mode::Zk).unwrap().contains("ceremony failed"));
		key.status = KeyStatus::Final;
		m.ceremony = Some(key);
		assert_eq!(m.refusal(Mode::Zk), None);
		m.active = false;
		assert!(m.refusal(Mode::Vanilla).unwrap().contains("deprecated"));
	}
}
