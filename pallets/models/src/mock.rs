//! A test runtime: `frame_system`, `pallet_balances` and this pallet.

use crate as pallet_models;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

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
	type MaxVerifyingKeyLen = ConstU32<914>;
	type MaxIoTensors = ConstU32<4>;
	type MaxShapeRank = ConstU32<6>;
	type MaxVersions = ConstU32<3>;
	type WeightInfo = ();
}

/// Accounts: 1 (owner), 2 and 3 start with [`ENDOWMENT`]; 4 with [`POOR`].
pub const ENDOWMENT: u64 = 1_000_000;
/// Enough for nothing the pallet charges.
pub const POOR: u64 = 150;

/// Externalities with the endowed accounts, at block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
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
