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
			ChainError::Transaction(m) => write!(f, "transaction not included: {m}"),
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
	if let Some(hex) = s.strip_prefix("0x") {
		let bytes = unhex(hex).ok_or_else(|| ChainError::Input(format!("'{s}': not hex")))?;
		let raw: [u8; 32] = bytes
			.try_into()
			.map_err(|_| ChainError::Input(format!("'{s}': expected 32 bytes")))?;
		return Ok(AccountId32(raw));
	}
	AccountId32::from_str(s).map_err(|e| ChainError::Input(format!("'{s}': not an address: {e}")))
}

fn unhex(s: &str) -> Option<Vec<u8>> {
	if !s.len().is_multiple_of(2) || !s.bytes().all(|c| c.is_ascii_hexdigit()) {
		return None;
	}
	(0..s.len())
		.step_by(2)
		.map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
		.collect()
}

/// Lowercase `0x` hex.
pub fn hex(bytes: &[u8]) -> String {
	let mut s = String::with_capacity(2 + 2 * bytes.len());
	s.push_str("0x");
	for b in bytes {
		s.push_str(&format!("{b:02x}"));
	}
	s
}

// ---------------------------------------------------------------------------
// What the chain stores, as this client sees it.

/// Proven (Groth16-checked by the runtime) or plain, unverified results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, DecodeAsType, EncodeAsType)]
pub enum Mode {
	Zk,
	Vanilla,
}

impl Mode {
	pub fn name(self) -> &'static str {
		match self {
			Mode::Zk => "zk",
			Mode::Vanilla => "vanilla",
		}
	}
}

impl FromStr for Mode {
	type Err = ChainError;
	fn from_str(s: &str) -> Result<Self, ChainError> {
		match s {
			"zk" => Ok(Mode::Zk),
			"vanilla" => Ok(Mode::Vanilla),
			_ => Err(ChainError::Input(format!(
				"--mode: '{s}' is neither 'zk' nor 'vanilla'"
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

/// A model version to register (`Models::register_model`).
#[derive(Clone, Debug)]
pub struct NewModel {
	/// The family's name.
	pub name: String,
	/// The version label.
	pub version: String,
	pub onnx_hash: Hash,
	pub quantized_hash: Hash,
	/// blake2-256 of the proving key file (with zk support).
	pub proving_key_hash: Option<Hash>,
	pub act_bits: u8,
	pub inputs: Vec<InputFormat>,
	pub outputs: Vec<OutputFormat>,
	pub supports_zk: bool,
	pub supports_vanilla: bool,
	/// `verity_zk::VerifyingKey::to_bytes` (with zk support).
	pub verifying_key: Option<Vec<u8>>,
}

/// pallet-models' `VersionDescriptor`, encoded by field name.
#[derive(EncodeAsType)]
struct VersionDescriptor {
	version: Vec<u8>,
	onnx_hash: Hash,
	quantized_hash: Hash,
	proving_key_hash: Option<Hash>,
	act_bits: u8,
	inputs: Vec<InputFormat>,
	outputs: Vec<OutputFormat>,
	supports_zk: bool,
	supports_vanilla: bool,
}

/// A registered model version, joined from pallet-models' storage (`Specs`,
/// `ModelDetails`, `Families`, `VerifyingKeys`).
#[derive(Clone, Debug)]
pub struct Model {
	pub id: u64,
	pub family: u64,
	pub name: String,
	pub owner: AccountId32,
	pub version: String,
	pub onnx_hash: Hash,
	pub quantized_hash: Hash,
	pub proving_key_hash: Option<Hash>,
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
	pub verifying_key: Option<Vec<u8>>,
}

impl Model {
	/// Whether the version accepts new requests in `mode`.
	pub fn accepts(&self, mode: Mode) -> bool {
		self.active
			&& match mode {
				Mode::Zk => self.supports_zk,
				Mode::Vanilla => self.supports_vanilla,
			}
	}
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
	proving_key_hash: Option<Hash>,
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
	/// The assigned executor.
	pub executor: AccountId32,
	/// From this block on, any active executor may submit.
	pub open_at: u64,
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

/// Where a request stands.
#[derive(Clone, Debug)]
pub enum RequestStatus {
	/// A result was accepted.
	Done(InferenceResult),
	/// Still open.
	Pending(Request),
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
}

/// What `Inference::request` did.
#[derive(Clone, Debug)]
pub struct Requested {
	pub request_id: u64,
	pub executor: AccountId32,
	pub fee: u128,
	pub open_at: u64,
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
		for pallet in ["Models", "Inference"] {
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
		let verifying_key = match storage
			.try_fetch(
				dynamic::storage::<(u64,), Vec<u8>>("Models", "VerifyingKeys"),
				(id,),
			)
			.await
			.map_err(rpc("reading Models::VerifyingKeys"))?
		{
			Some(v) => Some(v.decode().map_err(rpc("decoding Models::VerifyingKeys"))?),
			None => None,
		};
		Ok(Some(Model {
			id,
			family: details.family,
			name: String::from_utf8_lossy(&family.name).into_owned(),
			owner: family.owner,
			version: String::from_utf8_lossy(&details.version).into_owned(),
			onnx_hash: details.onnx_hash,
			quantized_hash: spec.quantized_hash,
			proving_key_hash: details.proving_key_hash,
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
			verifying_key,
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
		let descriptor = VersionDescriptor {
			version: model.version.as_bytes().to_vec(),
			onnx_hash: model.onnx_hash,
			quantized_hash: model.quantized_hash,
			proving_key_hash: model.proving_key_hash,
			act_bits: model.act_bits,
			inputs: model.inputs.clone(),
			outputs: model.outputs.clone(),
			supports_zk: model.supports_zk,
			supports_vanilla: model.supports_vanilla,
		};
		let call = dynamic::tx(
			"Models",
			"register_model",
			(
				model.name.as_bytes().to_vec(),
				descriptor,
				model.verifying_key.clone(),
			),
		);
		let (included, events) = self.submit(signer, &call).await?;
		let e: ModelRegisteredEvent = event_fields(&events, "Models", "ModelRegistered")?;
		Ok(Registered {
			model_id: e.model_id,
			family: e.family,
			deposit: e.deposit,
			included,
		})
	}

	// --- pallet-inference ---

	/// Joins the executor set, bonding `Inference::ExecutorBond`.
	pub async fn register_executor(&self, signer: &Keypair) -> Result<Included, ChainError> {
		let call = dynamic::tx("Inference", "register_executor", ());
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
		let call = dynamic::tx(
			"Inference",
			"request",
			(model_id, input, mode, max_fee, deadline),
		);
		let (included, events) = self.submit(signer, &call).await?;
		let e: RequestedEvent = event_fields(&events, "Inference", "Requested")?;
		Ok(Requested {
			request_id: e.request_id,
			executor: e.executor,
			fee: e.fee,
			open_at: e.open_at,
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
				_ => {}
			}
		}
		Err(ChainError::Rpc(
			"submit_result emitted no InferenceVerified, ResultStored or ProofRejected".into(),
		))
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
							request.executor,
							request.deadline
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
		let at = self.at().await?;
		// Encoding the call against the metadata catches wrong argument shapes
		// before anything is signed.
		at.transactions()
			.call_data(call)
			.map_err(|e| ChainError::Input(format!("cannot encode the call: {e}")))?;
		// The pool-aware next nonce, so transactions still in the pool (or in
		// blocks not yet finalized) are counted.
		let nonce: u64 = self
			.rpc
			.request(
				"system_accountNextIndex",
				rpc_params![account_of(signer).to_string()],
			)
			.await
			.map_err(rpc("system_accountNextIndex"))?;
		let params = subxt::config::DefaultExtrinsicParamsBuilder::<PolkadotConfig>::new()
			.nonce(nonce)
			.build();
		let progress = at
			.transactions()
			.sign_and_submit_then_watch(call, signer, params)
			.await
			.map_err(|e| ChainError::Transaction(e.to_string()))?;
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
		Ok((included, events))
	}
}

type Events = subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>;

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
	executor: AccountId32,
	open_at: u64,
	deadline: u64,
}

/// `InferenceVerified` and `ResultStored`.
#[derive(DecodeAsType)]
struct PaidEvent {
	fee: u128,
}

#[derive(DecodeAsType)]
struct RejectedEvent {
	slashed: u128,
	reason: RejectReason,
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
