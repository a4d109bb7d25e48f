//! Genesis presets. The chain specs in `chain-spec/` are generated from these.
//!
//! - `development`: one validator (Alice), for `scripts/dev`. Its SRS is the
//!   **insecure** development SRS (known secrets, final at genesis): model
//!   keys still go through phase 2, with Alice as the only participant.
//! - `local_testnet`: four validators (Alice, Bob, Charlie, Dave), for
//!   `scripts/local-testnet` and the multi-node tests. Its SRS comes from a
//!   phase-1 ceremony among the four.
//!
//! Both endow the well-known development accounts and make Alice sudo. The
//! development SRS serves QAP domains of up to [`DEV_MAX_DOMAIN`] points
//! (every example model), the local testnet's up to [`MAX_DOMAIN`] (every
//! example model but cifar_cnn).

use crate::{AccountId, BalancesConfig, CeremonyConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed development account starts with: a million VRT.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The largest QAP domain the local testnet's SRS serves: 3·2^16 points,
/// LeNet-5's. It serves every domain dividing it (`2^k` and `3·2^k` up to
/// it). Each phase-1 contribution costs time linear in it.
pub const MAX_DOMAIN: u32 = 3 << 16;

/// The largest QAP domain the development SRS serves: 3·2^20 points, so
/// every example model including cifar_cnn (886,422 constraints, a 2^20
/// domain). Its secrets are known, so no contribution pays for the size, and
/// nodes make only its restriction to the domain a key needs.
pub const DEV_MAX_DOMAIN: u32 = 3 << 20;

/// A validator's keys in the development keyring: sr25519 for Aura, ed25519
/// for GRANDPA, both from the seed `//Name` (what `verity-node key insert
/// --suri //Name` puts in a keystore).
type DevValidator = (Sr25519Keyring, Ed25519Keyring);

/// The validators of the 4-node local testnet, in authority order.
pub const LOCAL_TESTNET_VALIDATORS: [DevValidator; 4] = [
	(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
	(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
	(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
	(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
];

/// The ceremony's genesis: the SRS size, the insecure development SRS or a
/// ceremony, and the periods (blocks of 3 s).
fn ceremony(insecure_dev_srs: bool) -> CeremonyConfig {
	CeremonyConfig {
		max_domain: if insecure_dev_srs {
			DEV_MAX_DOMAIN
		} else {
			MAX_DOMAIN
		},
		insecure_dev_srs,
		// A phase-1 contribution at 2^18 takes a few minutes here (the
		// contribution itself, its upload and the others' fetch and check),
		// and so does the first contribution to cifar_cnn's key (its initial
		// key on 2^20 points, checked). A turn ends as soon as its
		// contribution is in: a long one costs time only when it is missed.
		contribution_period: 200,
		check_period: 100,
		beacon_delay: 5,
		_config: Default::default(),
	}
}

fn genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	insecure_dev_srs: bool,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|k| (k, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities
				.iter()
				.map(|x| x.0.clone())
				.collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities
				.iter()
				.map(|x| (x.1.clone(), 1))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		ceremony: ceremony(insecure_dev_srs),
	})
}

fn authority_keys((aura, grandpa): DevValidator) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// Genesis of the single-validator development chain.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![authority_keys(LOCAL_TESTNET_VALIDATORS[0])],
		Sr25519Keyring::well_known()
			.map(|k| k.to_account_id())
			.collect(),
		Sr25519Keyring::Alice.to_account_id(),
		true,
	)
}

/// Genesis of the four-validator local testnet.
pub fn local_config_genesis() -> Value {
	genesis(
		LOCAL_TESTNET_VALIDATORS
			.into_iter()
			.map(authority_keys)
			.collect(),
		Sr25519Keyring::well_known()
			.map(|k| k.to_account_id())
			.collect(),
		Sr25519Keyring::Alice.to_account_id(),
		false,
	)
}

/// The genesis patch of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The names of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
