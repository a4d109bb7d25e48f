//! Pallet configurations.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		IdentityFee, Weight,
	},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Ceremony, Hash, Inference, Models,
	Nonce, PalletInfo, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
	RuntimeOrigin, RuntimeTask, System, EXISTENTIAL_DEPOSIT, SLOT_DURATION, UNIT, VERSION,
};

/// Normal extrinsics may use up to 75% of a block; the rest is for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// One second of compute per three-second block.
	pub RuntimeBlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::with_sensible_defaults(
			Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
			NORMAL_DISPATCH_RATIO,
		);
	/// 5 MiB blocks, of which normal extrinsics may fill 75%.
	pub RuntimeBlockLength: frame_system::limits::BlockLength =
		frame_system::limits::BlockLength::builder()
			.max_length(5 * 1024 * 1024)
			.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
			.build();
	/// Generic Substrate SS58 prefix.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// No equivocation reporting without a session/staking system.
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = IdentityFee<Balance>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held per stored model record, plus [`ModelDepositPerByte`] per byte.
	pub const ModelDepositBase: Balance = UNIT;
	/// A 770-byte verifying key holds about 7.7 VRT.
	pub const ModelDepositPerByte: Balance = UNIT / 100;
}

impl pallet_models::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type DepositBase = ModelDepositBase;
	type DepositPerByte = ModelDepositPerByte;
	type MaxNameLen = ConstU32<64>;
	type MaxVersionLen = ConstU32<32>;
	// verity-zk keys are 386 + 48·(n + 1) bytes for n public inputs: up to 10.
	type MaxIoTensors = ConstU32<4>;
	type MaxShapeRank = ConstU32<6>;
	type MaxVersions = ConstU32<32>;
	// A model registers only if a request can carry its input and a result
	// its output.
	type MaxInputValues = <Runtime as pallet_inference::Config>::MaxInputLen;
	type MaxOutputValues = <Runtime as pallet_inference::Config>::MaxOutputLen;
	type MaxSlices = ConstU32<8>;
	type ZkSetup = Ceremony;
	// Open requests, provisional results and synchronous inference keep a
	// deprecated version from being removed.
	type InUse = Inference;
	type WeightInfo = pallet_models::weights::SubstrateWeight<Runtime>;
}

/// The ceremony's participants: the Aura authorities, as accounts (an
/// sr25519 authority key is also an account key: validators sign their
/// ceremony calls with their Aura key).
pub struct AuraParticipants;

impl pallet_ceremony::Participants<AccountId> for AuraParticipants {
	fn participants() -> alloc::vec::Vec<AccountId> {
		pallet_aura::Authorities::<Runtime>::get()
			.into_iter()
			.map(|authority| {
				let public: sp_core::sr25519::Public = authority.into();
				AccountId::new(public.0)
			})
			.collect()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_participants(accounts: alloc::vec::Vec<AccountId>) {
		let keys = accounts
			.into_iter()
			.map(|a| AuraId::from(sp_core::sr25519::Public::from_raw(*a.as_ref())))
			.collect::<alloc::vec::Vec<_>>();
		pallet_aura::Authorities::<Runtime>::put(frame_support::BoundedVec::truncate_from(keys));
	}
}

impl pallet_ceremony::Config for Runtime {
	type Curve = pallet_ceremony::HostBls12_381;
	type Participants = AuraParticipants;
	type MaxParticipants = ConstU32<32>;
	type MaxActiveCeremonies = ConstU32<16>;
	type MaxContributions = ConstU32<64>;
	type MinSrsContributions = ConstU32<1>;
	type MinKeyContributions = ConstU32<1>;
	type MaxVerifyingKeyLen = ConstU32<914>;
	type WeightInfo = pallet_ceremony::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const ExecutorBond: Balance = 1_000 * UNIT;
	pub const InvalidProofSlash: Balance = 100 * UNIT;
	/// Twice what the transaction fee of a `Zk` `submit_result` is (its
	/// benchmarked weight, the base extrinsic weight and 1 KiB of length, at
	/// `IdentityFee` and a fee multiplier of one), so serving any request
	/// pays; and at least twice `ExpiryCharge` (0.02 VRT), so an unserved
	/// request always covers what it burns.
	pub MinRequestFee: Balance = (2 * Balance::from(
		<pallet_inference::weights::SubstrateWeight<Runtime> as pallet_inference::WeightInfo>
			::submit_result_zk()
			.ref_time()
			.saturating_add(frame_support::weights::constants::ExtrinsicBaseWeight::get().ref_time())
			.saturating_add(1024),
	))
	.max(2 * ExpiryCharge::get());
	/// 1.44 VRT more escrow for the farthest deadline (twelve hours).
	pub const FeePerDeadlineBlock: Balance = UNIT / 10_000;
	/// Kept from an unserved request.
	pub const ExpiryCharge: Balance = UNIT / 100;
	/// 1% of the bond per lapsed window.
	pub const LapseSlash: Balance = 10 * UNIT;
	/// A wrong `Optimistic` answer costs twice a wrong proof.
	pub const WrongResultSlash: Balance = 200 * UNIT;
	/// Half of it to the challenger, half burnt.
	pub const ChallengerShare: Perbill = Perbill::from_percent(50);
	pub const SyncOutputDeposit: Balance = UNIT / 10;
	/// 1 VRT per stored model plus 0.1 VRT per KB: 1.3 VRT for mlp_digits8's
	/// 13 KB, 31 VRT for mlp_digits28's 304 KB, 315 VRT for the largest.
	pub const ModelBytesDepositBase: Balance = UNIT;
	pub const ModelBytesDepositPerByte: Balance = UNIT / 10_000;
}

impl pallet_inference::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	// Slashed bonds are burnt.
	type OnSlash = ();
	type Models = Models;
	// The whole verification runs natively in one host call of the node's.
	type ProofVerifier = pallet_inference::NativeGroth16;
	// Anyone who bonds may execute; a validator-only set is a `EnsureSignedBy`.
	type ExecutorOrigin = frame_system::EnsureSigned<AccountId>;
	type ExecutorBond = ExecutorBond;
	type InvalidProofSlash = InvalidProofSlash;
	type MinRequestFee = MinRequestFee;
	type FeePerDeadlineBlock = FeePerDeadlineBlock;
	type ExpiryCharge = ExpiryCharge;
	type LapseSlash = LapseSlash;
	type MaxMisses = ConstU32<3>;
	// One minute to challenge an `Optimistic` result before it is paid.
	type ChallengeWindow = ConstU32<20>;
	type WrongResultSlash = WrongResultSlash;
	type ChallengerShare = ChallengerShare;
	// Governance removes executors and refunds stuck requests.
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxExecutors = ConstU32<64>;
	type MaxAssignedPerExecutor = ConstU32<128>;
	// Charged up front for the worst case (the batch, then every proof
	// alone: 6.4 ms + 78 × 7.4 ms = 0.58 s of the 0.65 s one extrinsic may
	// take; the pallet's integrity test checks it fits), refunded to the
	// batch's cost (6.4 ms + 1.75 ms per result, the inputs committed when
	// the requests were made) when it passes. Two full batches fit one
	// block's 0.75 s of normal calls (the second's up-front charge beside
	// the first's refunded cost): 156 results per block as the worker sends
	// them (weights of 2026-12-07).
	type MaxBatchResults = ConstU32<78>;
	// 3×32×32 images (cifar_cnn: 3,072 values) with room to spare.
	type MaxInputLen = ConstU32<4096>;
	type MaxOutputLen = ConstU32<64>;
	type MaxSlices = <Runtime as pallet_models::Config>::MaxSlices;
	type MaxPendingRequests = ConstU32<1024>;
	// One account holds at most 1/32 of the queue.
	type MaxRequestsPerAccount = ConstU32<32>;
	type MaxTimeoutsPerBlock = ConstU32<64>;
	// One minute for each assigned executor, then a backup.
	type AssignmentTimeout = ConstU32<20>;
	// Twelve hours.
	type MaxDeadline = ConstU32<14_400>;
	// Results stay in state for a day; their hash after.
	type ResultTtl = ConstU32<28_800>;
	// Governance enables models for in-block inference: every validator runs them.
	type SyncOrigin = frame_system::EnsureRoot<AccountId>;
	// 2^20 work units (LeNet-5 is 0.43 M): about 10 ms of native inference.
	type MaxSyncWork = ConstU64<{ 1 << 20 }>;
	type SyncOutputDeposit = SyncOutputDeposit;
	// 3 MiB: every example model, and a synthetic model at MaxSyncWork (its
	// JSON file is about 2 MiB); one upload fits a block (3.75 MiB normal).
	type MaxModelBytes = ConstU32<{ 3 << 20 }>;
	type ModelBytesDepositBase = ModelBytesDepositBase;
	type ModelBytesDepositPerByte = ModelBytesDepositPerByte;
	type WeightInfo = pallet_inference::weights::SubstrateWeight<Runtime>;
	/// The inference benchmarks register their models through the registry's
	/// own calls.
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Models;
}

/// The example of synchronous inference: root sets the gating model, and an
/// account joins when that model classifies its input as the accepted class.
impl pallet_model_gate::Config for Runtime {
	type Inference = Inference;
	type GateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxMembers = ConstU32<1024>;
	type WeightInfo = pallet_model_gate::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Inference;
}
