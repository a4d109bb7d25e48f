//! The built-in chain specifications, generated from the runtime's genesis presets.
//!
//! `chain-spec/dev.json` and `chain-spec/local.json` are these, exported; the
//! chain-spec test checks they are current.

use sc_service::ChainType;
use verity_runtime::WASM_BINARY;

/// The node's chain specification type (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token properties shown by wallets and explorers.
fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "VRT".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"this verity-node was built without the runtime's wasm (SKIP_WASM_BUILD), so it has \
		 no built-in chains: start it with --chain chain-spec/dev.json (or local.json), \
		 whose code is that runtime"
			.to_string()
	})
}

/// Single-validator development chain (Alice).
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Verity Development")
		.with_id("verity_dev")
		.with_protocol_id("verity")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Four-validator local testnet (Alice, Bob, Charlie, Dave).
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Verity Local Testnet")
		.with_id("verity_local")
		.with_protocol_id("verity")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}
