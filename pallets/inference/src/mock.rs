//! Test runtime: frame_system, pallet_balances, pallet_models (the real
//! registry) and this pallet with the pure-arkworks Groth16 verifier.

use crate as pallet_inference;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
};
use pallet_models::{ModelId, ModelSpec};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage, DispatchResult};

pub type AccountId = AccountId32;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Models: pallet_models,
		Inference: pallet_inference,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

impl pallet_models::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type DepositBase = ConstU64<10>;
	type DepositPerByte = ConstU64<0>;
	type MaxNameLen = ConstU32<32>;
	type MaxVersionLen = ConstU32<16>;
	type MaxIoTensors = ConstU32<4>;
	type MaxShapeRank = ConstU32<4>;
	type MaxVersions = ConstU32<8>;
	type MaxInputValues = ConstU32<MAX_INPUT>;
	type MaxOutputValues = ConstU32<MAX_OUTPUT>;
	type MaxSlices = ConstU32<8>;
	type ZkSetup = MockSetup;
	type InUse = Inference;
	type WeightInfo = ();
}

parameter_types! {
	/// The final verifying key of each zk model (what a finished ceremony gives).
	pub static FinalKeys: Vec<(ModelId, Vec<u8>)> = vec![];
}

/// The key ceremony's stand-in (the ceremony is `pallet-ceremony`, tested
/// there): a zk model's key is whatever the test declares final.
pub struct MockSetup;

impl pallet_models::ZkSetup<AccountId> for MockSetup {
	fn storage_bytes() -> u32 {
		0
	}
	fn start_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
	fn start(_: ModelId, _: &ModelSpec, _: u32, _: Option<&AccountId>, _: bool) -> DispatchResult {
		Ok(())
	}
	fn verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		FinalKeys::get()
			.into_iter()
			.find(|k| k.0 == model_id)
			.map(|k| k.1)
	}
	fn prepared_verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		Self::verifying_key(model_id).map(|key| prepared(&key))
	}
	fn proving_key_hash(model_id: ModelId) -> Option<[u8; 32]> {
		Self::verifying_key(model_id).map(|_| [0; 32])
	}
	fn remove(model_id: ModelId) {
		FinalKeys::mutate(|keys| keys.retain(|k| k.0 != model_id));
	}
	fn remove_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_final_key_for_benchmarks(model_id: ModelId, key: Vec<u8>, _: [u8; 32]) {
		set_final_key(model_id, key);
	}
}

/// The prepared form of the verifying key `key`, as `pallet-ceremony` stores
/// it; a key that does not decode (which no ceremony makes final) is passed
/// on as it is, so that verifying under it fails as a registry fault.
pub fn prepared(key: &[u8]) -> Vec<u8> {
	verity_zk::VerifyingKey::<verity_zk::Bls12_381>::from_bytes(key)
		.map(|vk| vk.prepare().to_bytes())
		.unwrap_or_else(|_| key.to_vec())
}

/// Makes `key` the final verifying key of `model_id`.
pub fn set_final_key(model_id: ModelId, key: Vec<u8>) {
	FinalKeys::mutate(|keys| {
		keys.retain(|k| k.0 != model_id);
		keys.push((model_id, key));
	});
}

/// Mock constants (see the suggested runtime values in the crate docs' report).
pub const BOND: Balance = 1_000;
pub const SLASH: Balance = 300;
pub const MIN_FEE: Balance = 10;
pub const TIMEOUT: u64 = 5;
pub const MAX_DEADLINE: u64 = 100;
pub const MAX_EXECUTORS: u32 = 8;
pub const MAX_TIMEOUTS: u32 = 4;
pub const MAX_PENDING: u32 = 32;
pub const MAX_PER_ACCOUNT: u32 = 6;
pub const MAX_ASSIGNED: u32 = 5;
pub const FEE_PER_BLOCK: Balance = 1;
pub const EXPIRY_CHARGE: Balance = 4;
pub const LAPSE_SLASH: Balance = 50;
pub const MAX_MISSES: u32 = 3;
pub const CHALLENGE_WINDOW: u64 = 4;
pub const WRONG_SLASH: Balance = 400;
/// `ChallengerShare`, in percent.
pub const CHALLENGER_PERCENT: u32 = 50;
pub const RESULT_TTL: u64 = 30;
pub const MAX_INPUT: u32 = 4096;
pub const MAX_OUTPUT: u32 = 64;
pub const MAX_SYNC_WORK: u64 = 1 << 20;
pub const SYNC_DEPOSIT: u64 = 7;
pub const MAX_MODEL_BYTES: u32 = 3 << 20;
pub const MODEL_BYTES_BASE: Balance = 5;
pub const MODEL_BYTES_PER_BYTE: Balance = 1;
/// Every dev account's starting balance.
pub const ENDOWMENT: Balance = 1_000_000;

parameter_types! {
	pub const ExecutorBond: Balance = BOND;
	pub const SyncOutputDeposit: Balance = SYNC_DEPOSIT;
	pub const InvalidProofSlash: Balance = SLASH;
	pub const MinRequestFee: Balance = MIN_FEE;
	pub const FeePerDeadlineBlock: Balance = FEE_PER_BLOCK;
	pub const ExpiryCharge: Balance = EXPIRY_CHARGE;
	pub const LapseSlash: Balance = LAPSE_SLASH;
	pub const WrongResultSlash: Balance = WRONG_SLASH;
	pub ChallengerShare: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(CHALLENGER_PERCENT);
}

impl pallet_inference::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type OnSlash = ();
	type Models = Models;
	type ProofVerifier = pallet_inference::PureGroth16;
	type ExecutorOrigin = frame_system::EnsureSigned<AccountId>;
	type ExecutorBond = ExecutorBond;
	type InvalidProofSlash = InvalidProofSlash;
	type MinRequestFee = MinRequestFee;
	type FeePerDeadlineBlock = FeePerDeadlineBlock;
	type ExpiryCharge = ExpiryCharge;
	type LapseSlash = LapseSlash;
	type MaxMisses = ConstU32<MAX_MISSES>;
	type ChallengeWindow = ConstU64<CHALLENGE_WINDOW>;
	type WrongResultSlash = WrongResultSlash;
	type ChallengerShare = ChallengerShare;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxExecutors = ConstU32<MAX_EXECUTORS>;
	type MaxAssignedPerExecutor = ConstU32<MAX_ASSIGNED>;
	type MaxBatchResults = ConstU32<4>;
	type MaxInputLen = ConstU32<MAX_INPUT>;
	type MaxOutputLen = ConstU32<MAX_OUTPUT>;
	type MaxSlices = ConstU32<8>;
	type MaxPendingRequests = ConstU32<MAX_PENDING>;
	type MaxRequestsPerAccount = ConstU32<MAX_PER_ACCOUNT>;
	type MaxTimeoutsPerBlock = ConstU32<MAX_TIMEOUTS>;
	type AssignmentTimeout = ConstU64<TIMEOUT>;
	type MaxDeadline = ConstU64<MAX_DEADLINE>;
	type ResultTtl = ConstU64<RESULT_TTL>;
	type SyncOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxSyncWork = ConstU64<MAX_SYNC_WORK>;
	type SyncOutputDeposit = SyncOutputDeposit;
	type MaxModelBytes = ConstU32<MAX_MODEL_BYTES>;
	type ModelBytesDepositBase = ConstU64<MODEL_BYTES_BASE>;
	type ModelBytesDepositPerByte = ConstU64<MODEL_BYTES_PER_BYTE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Models;
}

/// Model registration for the tests.
pub struct MockModels;

impl MockModels {
	/// Registers `spec` through `pallet_models`' own `register_model` call (and
	/// `deprecate` if `spec.active` is false), as `owner`, with `key` as its
	/// final verifying key; returns the id.
	pub fn register(owner: &AccountId, spec: ModelSpec, key: Option<Vec<u8>>) -> ModelId {
		let active = spec.active;
		let id = pallet_inference::register_with_models::<Test>(owner, &spec)
			.expect("pallet_models registers the model");
		if let Some(key) = key {
			set_final_key(id, key);
		}
		if !active {
			frame_support::assert_ok!(Models::deprecate(RuntimeOrigin::signed(owner.clone()), id));
		}
		id
	}

	/// Writes `spec` and `key` straight into `pallet_models`' storage, for the
	/// registry faults its calls refuse (a zk model without a key, a key that
	/// does not decode or is another model's, `act_bits` out of range).
	pub fn insert_unchecked(spec: ModelSpec, key: Option<Vec<u8>>) -> ModelId {
		let id = pallet_models::NextModelId::<Test>::get();
		pallet_models::Specs::<Test>::insert(id, spec);
		if let Some(key) = key {
			set_final_key(id, key);
		}
		pallet_models::NextModelId::<Test>::put(id + 1);
		id
	}
}

/// The dev account `n`: 32 bytes of `n`.
pub fn account(n: u8) -> AccountId {
	AccountId32::new([n; 32])
}

/// A fresh chain at block 1 with accounts 1..=20 and 0x42 endowed.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.unwrap();
	let mut balances: Vec<(AccountId, Balance)> =
		(1..=20u8).map(|n| (account(n), ENDOWMENT)).collect();
	balances.push((account(0x42), ENDOWMENT));
	pallet_balances::GenesisConfig::<Test> {
		balances,
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
