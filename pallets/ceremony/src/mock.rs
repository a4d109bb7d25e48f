//! Test runtime: `frame_system` and this pallet on the host-accelerated
//! BLS12-381 the runtime uses (its host calls run natively here), with a
//! settable participant list.

use crate as pallet_ceremony;
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Ceremony: pallet_ceremony,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

parameter_types! {
	/// The participants, in turn order (tests change it).
	pub static ParticipantList: Vec<u64> = vec![1, 2, 3];
}

/// [`ParticipantList`] as the participant set.
pub struct TestParticipants;
impl crate::Participants<u64> for TestParticipants {
	fn participants() -> Vec<u64> {
		ParticipantList::get()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_participants(accounts: Vec<u64>) {
		ParticipantList::set(accounts)
	}
}

/// Blocks per turn.
pub const PERIOD: u64 = 5;
/// Blocks to check a phase-1 contribution.
pub const CHECK: u64 = 3;
/// Blocks from the last turn to the beacon block.
pub const BEACON_DELAY: u64 = 2;

impl pallet_ceremony::Config for Test {
	type Curve = sp_crypto_ec_utils::bls12_381::Bls12_381;
	type Participants = TestParticipants;
	type MaxParticipants = ConstU32<8>;
	type MaxActiveCeremonies = ConstU32<2>;
	type MaxContributions = ConstU32<8>;
	type MinSrsContributions = ConstU32<2>;
	type MinKeyContributions = ConstU32<2>;
	type MaxVerifyingKeyLen = ConstU32<914>;
	type WeightInfo = ();
}

/// Externalities at block 1 with the given genesis.
pub fn new_test_ext(max_domain: u32, insecure_dev_srs: bool) -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default()
		.build_storage()
		.unwrap();
	pallet_ceremony::GenesisConfig::<Test> {
		max_domain,
		insecure_dev_srs,
		contribution_period: PERIOD as u32,
		check_period: CHECK as u32,
		beacon_delay: BEACON_DELAY as u32,
		_config: Default::default(),
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs blocks up to `n` (`on_initialize` of each), checking the invariants.
pub fn run_to(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		// A distinct hash per block (the beacon reads one).
		frame_system::BlockHash::<Test>::insert(next - 1, sp_core::H256::repeat_byte(next as u8));
		System::set_block_number(next);
		Ceremony::on_initialize(next);
		Ceremony::do_try_state().unwrap();
	}
}
