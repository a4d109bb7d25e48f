//! Test runtime: frame_system, pallet_balances, the real model registry and
//! inference pallet (its synchronous path runs the precompile's host code
//! natively), and this pallet with root as the gate origin.
//!
//! The precompile reads model bytes from a process-wide [`ModelSource`]: the
//! tests install one holding the repository's example models
//! (`models/*.qmodel`), keyed by their quantized hash.

use crate as pallet_model_gate;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64},
	BoundedVec,
};
use pallet_models::{
	InputDescriptor, ModelId, OutputDescriptor, OutputTransform, VersionDescriptor,
};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};
use verity_inference::QuantizedModel;

pub type AccountId = AccountId32;
pub type Balance = u64;
type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Models: pallet_models,
		Inference: pallet_inference,
		ModelGate: pallet_model_gate,
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
	type MaxInputValues = ConstU32<1024>;
	type MaxOutputValues = ConstU32<64>;
	type MaxSlices = ConstU32<8>;
	// Vanilla models only: no zk key setup.
	type ZkSetup = ();
	type InUse = Inference;
	type WeightInfo = ();
}

/// Work bound of synchronous inference (the inference pallet's default bound).
pub const MAX_SYNC_WORK: u64 = 1_048_576;
/// Most members of the gate.
pub const MAX_MEMBERS: u32 = 4;
/// Every dev account's starting balance.
pub const ENDOWMENT: Balance = 1_000_000;

parameter_types! {
	pub const ExecutorBond: Balance = 1_000;
	pub const InvalidProofSlash: Balance = 300;
	pub const MinRequestFee: Balance = 10;
	pub const SyncOutputDeposit: Balance = 50;
	pub ChallengerShare: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
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
	type FeePerDeadlineBlock = ConstU64<0>;
	type ExpiryCharge = ConstU64<0>;
	type LapseSlash = ConstU64<0>;
	type MaxMisses = ConstU32<3>;
	type ChallengeWindow = ConstU64<5>;
	type WrongResultSlash = InvalidProofSlash;
	type ChallengerShare = ChallengerShare;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxExecutors = ConstU32<8>;
	type MaxAssignedPerExecutor = ConstU32<8>;
	type MaxBatchResults = ConstU32<4>;
	type MaxInputLen = ConstU32<1024>;
	type MaxOutputLen = ConstU32<64>;
	type MaxSlices = ConstU32<8>;
	type MaxPendingRequests = ConstU32<32>;
	type MaxRequestsPerAccount = ConstU32<8>;
	type MaxTimeoutsPerBlock = ConstU32<4>;
	type AssignmentTimeout = ConstU64<5>;
	type MaxDeadline = ConstU64<100>;
	type ResultTtl = ConstU64<100>;
	type SyncOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxSyncWork = ConstU64<MAX_SYNC_WORK>;
	type SyncOutputDeposit = SyncOutputDeposit;
	type MaxModelBytes = ConstU32<{ 1 << 20 }>;
	type ModelBytesDepositBase = ConstU64<1>;
	type ModelBytesDepositPerByte = ConstU64<0>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Models;
}

impl pallet_model_gate::Config for Test {
	type Inference = Inference;
	type GateOrigin = frame_system::EnsureRoot<AccountId>;
	type MaxMembers = ConstU32<MAX_MEMBERS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Inference;
}

/// The example models the tests use, by file name under `models/`.
pub const DIGITS8: &str = "mlp_digits8";
/// A larger example model (784 inputs): more work than [`DIGITS8`].
pub const DIGITS28: &str = "mlp_digits28";

/// The example model `name` (`models/<name>.qmodel`), parsed and validated.
pub fn example_model(name: &str) -> QuantizedModel {
	let path = format!("{}/../../models/{name}.qmodel", env!("CARGO_MANIFEST_DIR"));
	let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
	QuantizedModel::from_bytes(&bytes).unwrap_or_else(|e| panic!("parsing {path}: {e}"))
}

/// Registers `model` in `pallet_models` as `owner` with its real input and
/// output tensors (vanilla only), its bytes stored in chain state for the
/// precompile; returns its id.
pub fn register(owner: &AccountId, name: &str, model: &QuantizedModel) -> ModelId {
	let bytes = model.to_bytes();
	if !pallet_inference::ModelBytes::<Test>::contains_key(model.hash()) {
		frame_support::assert_ok!(Inference::store_model_bytes(
			RuntimeOrigin::signed(owner.clone()),
			BoundedVec::try_from(bytes).expect("the model fits MaxModelBytes")
		));
	}
	let id = pallet_models::NextModelId::<Test>::get();
	let bounded =
		|v: &[usize]| BoundedVec::truncate_from(v.iter().map(|&d| d as u32).collect::<Vec<_>>());
	let inputs = model
		.inputs
		.iter()
		.map(|input| {
			let spec = &model.tensors[input.tensor];
			InputDescriptor {
				shape: bounded(&spec.shape),
				frac_bits: spec.frac_bits as u8,
			}
		})
		.collect::<Vec<_>>();
	let outputs = model
		.outputs
		.iter()
		.map(|output| {
			let spec = &model.tensors[output.tensor];
			OutputDescriptor {
				shape: bounded(&spec.shape),
				frac_bits: spec.frac_bits as u8,
				transform: match output.transform {
					verity_inference::OutputTransform::None => OutputTransform::None,
					verity_inference::OutputTransform::Softmax { axis } => {
						OutputTransform::Softmax { axis: axis as u32 }
					}
				},
			}
		})
		.collect::<Vec<_>>();
	let descriptor = VersionDescriptor::<Test> {
		version: BoundedVec::truncate_from(b"1.0.0".to_vec()),
		onnx_hash: [0; 32],
		quantized_hash: model.hash(),
		zk: None,
		act_bits: model.act_bits as u8,
		inputs: BoundedVec::truncate_from(inputs),
		outputs: BoundedVec::truncate_from(outputs),
		supports_zk: false,
		supports_vanilla: true,
	};
	frame_support::assert_ok!(Models::register_model(
		RuntimeOrigin::signed(owner.clone()),
		BoundedVec::truncate_from(name.as_bytes().to_vec()),
		descriptor,
	));
	id
}

/// Registers the example model `name` and enables it for synchronous
/// inference (as root); returns its id and the parsed model.
pub fn sync_model(name: &str) -> (ModelId, QuantizedModel) {
	let model = example_model(name);
	let id = register(&account(0x42), name, &model);
	frame_support::assert_ok!(Inference::set_sync_model(RuntimeOrigin::root(), id, true));
	(id, model)
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
