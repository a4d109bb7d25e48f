//! The metadata a running node serves documents Verity's pallets (Models,
//! Inference, Ceremony) and runtime APIs (InferenceApi, CeremonyApi), so
//! polkadot.js, subxt and py-substrate-interface show every call, event,
//! error and storage item decoded and explained.

use anyhow::{bail, ensure, Context, Result};
use codec::Decode;
use frame_metadata::{v16::RuntimeMetadataV16, RuntimeMetadata, RuntimeMetadataPrefixed};
use jsonrpsee::{core::client::ClientT, rpc_params};
use scale_info::TypeDef;
use verity_tests::{Node, NodeConfig};

/// Names of `ty`'s enum variants that carry no documentation, or an error if
/// `ty` is not an enum.
fn undocumented_variants(metadata: &RuntimeMetadataV16, ty: u32) -> Result<Vec<String>> {
	let ty = metadata
		.types
		.resolve(ty)
		.context("type id not in registry")?;
	let TypeDef::Variant(variants) = &ty.type_def else {
		bail!("{:?} is not an enum", ty.path);
	};
	Ok(variants
		.variants
		.iter()
		.filter(|v| !documented(&v.docs))
		.map(|v| v.name.clone())
		.collect())
}

fn documented(docs: &[String]) -> bool {
	docs.iter().any(|line| !line.trim().is_empty())
}

async fn metadata_v16(node: &Node) -> Result<RuntimeMetadataV16> {
	let client = node.client().await?;
	// `Metadata_metadata_at_version(16)` returns SCALE `Option<OpaqueMetadata>`.
	let hex: String = client
		.request(
			"state_call",
			rpc_params!["Metadata_metadata_at_version", "0x10000000"],
		)
		.await?;
	let bytes = hex::decode(hex.trim_start_matches("0x"))?;
	let opaque = Option::<Vec<u8>>::decode(&mut &bytes[..])?.context("no v16 metadata")?;
	let prefixed = RuntimeMetadataPrefixed::decode(&mut &opaque[..])?;
	match prefixed.1 {
		RuntimeMetadata::V16(m) => Ok(m),
		_ => bail!("metadata_at_version(16) returned another version"),
	}
}

fn check_pallet(metadata: &RuntimeMetadataV16, name: &str, min_calls: usize) -> Result<()> {
	let pallet = metadata
		.pallets
		.iter()
		.find(|p| p.name == name)
		.with_context(|| format!("pallet {name} missing"))?;
	ensure!(documented(&pallet.docs), "pallet {name} has no docs");

	let calls = pallet.calls.as_ref().context("no calls")?;
	let call_ty = metadata.types.resolve(calls.ty.id).context("call type")?;
	let TypeDef::Variant(call_variants) = &call_ty.type_def else {
		bail!("{name}: call type is not an enum");
	};
	ensure!(
		call_variants.variants.len() >= min_calls,
		"{name}: {} calls, expected at least {min_calls}",
		call_variants.variants.len()
	);
	for (what, ty) in [
		("call", calls.ty.id),
		("event", pallet.event.as_ref().context("no events")?.ty.id),
		("error", pallet.error.as_ref().context("no errors")?.ty.id),
	] {
		let missing = undocumented_variants(metadata, ty)?;
		ensure!(
			missing.is_empty(),
			"{name}: undocumented {what}s {missing:?}"
		);
	}

	let storage = pallet.storage.as_ref().context("no storage")?;
	ensure!(!storage.entries.is_empty(), "{name}: empty storage");
	let missing: Vec<_> = storage
		.entries
		.iter()
		.filter(|e| !documented(&e.docs))
		.map(|e| e.name.clone())
		.collect();
	ensure!(
		missing.is_empty(),
		"{name}: undocumented storage {missing:?}"
	);

	let missing: Vec<_> = pallet
		.constants
		.iter()
		.filter(|c| !documented(&c.docs))
		.map(|c| c.name.clone())
		.collect();
	ensure!(
		missing.is_empty(),
		"{name}: undocumented constants {missing:?}"
	);
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn pallets_and_runtime_apis_are_documented_in_metadata() -> Result<()> {
	let node = Node::start(NodeConfig::dev()).await?;
	let metadata = metadata_v16(&node).await?;

	check_pallet(&metadata, "Models", 5)?;
	check_pallet(&metadata, "Inference", 5)?;
	check_pallet(&metadata, "Ceremony", 5)?;

	for (name, min_methods) in [("InferenceApi", 3), ("CeremonyApi", 3)] {
		let api = metadata
			.apis
			.iter()
			.find(|a| a.name == name)
			.with_context(|| format!("runtime API {name} missing from metadata"))?;
		ensure!(documented(&api.docs), "{name} has no docs");
		ensure!(
			api.methods.len() >= min_methods,
			"{name} has {} methods",
			api.methods.len()
		);
		for method in &api.methods {
			ensure!(
				documented(&method.docs),
				"{name}::{} has no docs",
				method.name
			);
		}
	}

	// The checker itself can fail: enums without variant docs exist in the
	// registry (`Option` from scale-info, for one) and are reported.
	let option = metadata
		.types
		.types
		.iter()
		.find(|t| t.ty.path.segments == ["Option"])
		.context("no Option type in the registry")?;
	ensure!(undocumented_variants(&metadata, option.id)? == ["None", "Some"]);
	Ok(())
}
