//! A test runtime: `frame_system`, `pallet_balances` and this pallet.

use crate as pallet_models;
use crate::{Hash256, ModelId, ModelSpec};
use frame_support::{derive_impl, parameter_types, traits::ConstU32, weights::Weight};
use sp_runtime::{BuildStorage, DispatchError, DispatchResult};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Models: pallet_models,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const DepositBase: u64 = 100;
	pub const DepositPerByte: u64 = 1;
}

impl pallet_models::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositPerByte = DepositPerByte;
	type MaxNameLen = ConstU32<32>;
	type MaxVersionLen = ConstU32<16>;
	type MaxIoTensors = ConstU32<4>;
	type MaxShapeRank = ConstU32<6>;
	type MaxVersions = ConstU32<3>;
	type MaxInputValues = ConstU32<4096>;
	type MaxOutputValues = ConstU32<64>;
	type MaxSlices = ConstU32<8>;
	type ZkSetup = TestSetup;
	type InUse = TestInUse;
	type WeightInfo = ();
}

/// Bytes [`TestSetup`] claims per ceremony (for the deposit).
pub const CEREMONY_BYTES: u32 = 1_000;

parameter_types! {
	/// Ceremonies started: model, domain size, first contributor.
	pub static Started: Vec<(ModelId, u32, Option<u64>)> = vec![];
	/// The spec each ceremony was started with (what its initial key is made for).
	pub static StartedSpecs: Vec<(ModelId, ModelSpec)> = vec![];
	/// Whether each ceremony's circuit has a slice boundary for its output.
	pub static Boundaries: Vec<(ModelId, bool)> = vec![];
	/// Keys the tests declared final: model, verifying key, proving-key hash.
	pub static FinalKeys: Vec<(ModelId, Vec<u8>, Hash256)> = vec![];
	/// Ceremonies removed with their versions.
	pub static Removed: Vec<ModelId> = vec![];
	/// Versions the tests declared in use.
	pub static InUse: Vec<ModelId> = vec![];
}

/// The versions in [`InUse`] are used.
pub struct TestInUse;

impl crate::ModelInUse for TestInUse {
	fn in_use(model_id: ModelId) -> bool {
		InUse::get().contains(&model_id)
	}
}

/// A key ceremony stand-in that records what the registry asks of it (the
/// real ceremony is `pallet-ceremony`, tested there): `start` refuses a
/// domain size of 0, keys are final only when a test says so.
pub struct TestSetup;

impl crate::ZkSetup<u64> for TestSetup {
	fn storage_bytes() -> u32 {
		CEREMONY_BYTES
	}
	fn start_weight() -> Weight {
		Weight::zero()
	}
	fn start(
		model_id: ModelId,
		spec: &ModelSpec,
		domain_size: u32,
		first: Option<&u64>,
		boundary_output: bool,
	) -> DispatchResult {
		if domain_size == 0 {
			return Err(DispatchError::Other("no such domain"));
		}
		Started::mutate(|s| s.push((model_id, domain_size, first.copied())));
		StartedSpecs::mutate(|s| s.push((model_id, spec.clone())));
		Boundaries::mutate(|b| b.push((model_id, boundary_output)));
		Ok(())
	}
	fn verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		FinalKeys::get()
			.into_iter()
			.find(|k| k.0 == model_id)
			.map(|k| k.1)
	}
	fn prepared_verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		Self::verifying_key(model_id)
	}
	fn proving_key_hash(model_id: ModelId) -> Option<Hash256> {
		FinalKeys::get()
			.into_iter()
			.find(|k| k.0 == model_id)
			.map(|k| k.2)
	}
	fn remove(model_id: ModelId) {
		Removed::mutate(|r| r.push(model_id));
		FinalKeys::mutate(|k| k.retain(|k| k.0 != model_id));
	}
	fn remove_weight() -> Weight {
		Weight::zero()
	}
}

/// Accounts: 1 (owner), 2 and 3 start with [`ENDOWMENT`]; 4 with [`POOR`].
pub const ENDOWMENT: u64 = 1_000_000;
/// Enough for nothing the pallet charges.
pub const POOR: u64 = 150;

/// Externalities with the endowed accounts, at block 1, and no ceremony
/// started or key final yet ([`TestSetup`]'s records are per thread, so they
/// are cleared here for tests that make several externalities).
pub fn new_test_ext() -> sp_io::TestExternalities {
	Started::take();
	StartedSpecs::take();
	Boundaries::take();
	FinalKeys::take();
	Removed::take();
	InUse::take();
	let mut t = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(1, ENDOWMENT), (2, ENDOWMENT), (3, ENDOWMENT), (4, POOR)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
