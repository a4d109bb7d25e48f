//! # Verity runtime
//!
//! The FRAME runtime of the Verity chain: Aura block production, GRANDPA
//! finality, balances and transaction payment, with sudo for the early
//! network. Verity's own pallets (model registry, inference) are added here as
//! they land.
//!
//! Layout:
//! - [`configs`]: one `Config` impl per pallet.
//! - [`apis`]: the runtime APIs the node and clients (polkadot.js, subxt,
//!   py-substrate-interface) call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis
//!   presets that the chain specs are produced from.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`'s expansion is deep.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Declared before `apis`, in its own group so rustfmt keeps the order: it
// defines the `list_benchmarks!`/`add_benchmarks!` macros `apis` uses, and
// `macro_use` carries those macros (textual scope) into the modules after it.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;

pub mod apis;
pub mod configs;
pub mod genesis_config_presets;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: one for block authoring, one for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime's version. Bump `spec_version` on every runtime change that
/// reaches a live network.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("verity"),
	impl_name: alloc::borrow::Cow::Borrowed("verity-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Aura's slot duration is derived from it.
pub const MILLI_SECS_PER_BLOCK: u64 = 3000;
/// Aura slot duration; cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Block numbers.
pub type BlockNumber = u32;
/// Transaction signatures (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// Accounts are the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balances, in plancks of VRT (12 decimals).
pub type Balance = u128;
/// Per-account transaction counter.
pub type Nonce = u32;
/// Block and state hashes.
pub type Hash = sp_core::H256;

/// One VRT, the native token (12 decimals).
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a VRT.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// Smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Addresses in extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions, in the order clients must encode them.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// One result per request in the pool; others' and stale ones refused.
	pallet_inference::CheckSubmission<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Extrinsic as the runtime sees it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on a runtime upgrade, each once (versioned, see
/// every pallet's `migrations` module); a pallet whose layout changes bumps
/// its storage version and adds its step here.
type Migrations = (
	pallet_inference::migrations::v2::MigrateToV2<Runtime>,
	pallet_ceremony::migrations::v1::MigrateToV1<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Models = pallet_models;

	#[runtime::pallet_index(8)]
	pub type Inference = pallet_inference;

	#[runtime::pallet_index(9)]
	pub type ModelGate = pallet_model_gate;

	#[runtime::pallet_index(10)]
	pub type Ceremony = pallet_ceremony;
}
