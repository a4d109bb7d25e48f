//! Decoding of extrinsics, events and storage from a runtime's own metadata
//! (V15), so every pallet is shown with its call, argument, event and error
//! names without code generation.
//!
//! SCALE values become JSON with a few readability rules: `AccountId32`s become
//! SS58 addresses, byte arrays and vectors become `0x` hex, `Option` becomes
//! the value or `null`, numbers above 2^53 become decimal strings, fieldless
//! enum variants become their name and other variants `{"Name": fields}`.

use anyhow::{anyhow, bail, Context, Result};
use codec::Decode;
use frame_metadata::{v15::RuntimeMetadataV15, RuntimeMetadata, RuntimeMetadataPrefixed};
use scale_info::{PortableRegistry, TypeDef};
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde_json::{json, Map, Value as Json};

use crate::ss58;

/// Everything needed to decode blocks of one runtime version.
pub struct RuntimeInfo {
	/// `spec_version` of the runtime.
	pub spec_version: u32,
	/// The runtime's metadata.
	pub metadata: RuntimeMetadataV15,
	/// Type of `System::Events` (a `Vec<EventRecord>`).
	events_ty: u32,
	/// Type of `System::Account` values, if the runtime has it.
	account_ty: Option<u32>,
}

/// An extrinsic decoded against its runtime.
#[derive(Clone, Debug, Default)]
pub struct DecodedExtrinsic {
	pub hash: String,
	pub pallet: String,
	pub call: String,
	/// Call arguments, by name.
	pub args: Json,
	/// SS58 address of the signer, for signed extrinsics.
	pub signer: Option<String>,
	pub nonce: Option<u64>,
	pub tip: Option<u128>,
	/// Accounts mentioned in the arguments.
	pub accounts: Vec<String>,
	/// Size in bytes.
	pub len: usize,
}

/// An event decoded against its runtime.
#[derive(Clone, Debug)]
pub struct DecodedEvent {
	/// Index of the extrinsic that emitted it (phase `ApplyExtrinsic`).
	pub extrinsic_idx: Option<u32>,
	/// `ApplyExtrinsic`, `Initialization` or `Finalization`.
	pub phase: String,
	pub pallet: String,
	pub name: String,
	/// Event fields, by name (or a list for unnamed fields).
	pub fields: Json,
	/// Accounts mentioned in the fields.
	pub accounts: Vec<String>,
}

impl RuntimeInfo {
	/// Parses the bytes returned by `Metadata_metadata_at_version(15)` (an
	/// `Option<OpaqueMetadata>`) or by `state_getMetadata`.
	pub fn from_metadata_bytes(spec_version: u32, bytes: &[u8]) -> Result<Self> {
		let prefixed =
			RuntimeMetadataPrefixed::decode(&mut &*bytes).context("decoding runtime metadata")?;
		let RuntimeMetadata::V15(metadata) = prefixed.1 else {
			bail!("runtime metadata is not V15");
		};
		let system = metadata
			.pallets
			.iter()
			.find(|p| p.name == "System")
			.ok_or_else(|| anyhow!("runtime has no System pallet"))?;
		let entry = |name: &str| {
			system
				.storage
				.as_ref()
				.and_then(|s| s.entries.iter().find(|e| e.name == name))
				.map(|e| match &e.ty {
					frame_metadata::v15::StorageEntryType::Plain(t) => t.id,
					frame_metadata::v15::StorageEntryType::Map { value, .. } => value.id,
				})
		};
		let events_ty = entry("Events").ok_or_else(|| anyhow!("runtime has no System::Events"))?;
		let account_ty = entry("Account");
		Ok(Self {
			spec_version,
			metadata,
			events_ty,
			account_ty,
		})
	}

	/// The type registry.
	pub fn types(&self) -> &PortableRegistry {
		&self.metadata.types
	}

	/// Decodes one extrinsic (with its compact length prefix, as in a block body).
	pub fn decode_extrinsic(&self, bytes: &[u8]) -> Result<DecodedExtrinsic> {
		let types = &self.metadata.types;
		let info = frame_decode::extrinsics::decode_extrinsic(&mut &*bytes, &self.metadata, types)
			.map_err(|e| anyhow!("decoding extrinsic: {e}"))?;
		let mut accounts = Vec::new();
		let mut args = Map::new();
		for arg in info.call_data() {
			let value = decode_value(&bytes[arg.range()], *arg.ty(), types)?;
			args.insert(
				arg.name().to_string(),
				to_json(&value, types, &mut accounts),
			);
		}
		let mut out = DecodedExtrinsic {
			// The hash of the whole encoding, length prefix included, as the node computes it.
			hash: format!("0x{}", hex::encode(sp_crypto_hashing::blake2_256(bytes))),
			pallet: info.pallet_name().to_string(),
			call: info.call_name().to_string(),
			args: Json::Object(args),
			len: bytes.len(),
			..Default::default()
		};
		if let Some(sig) = info.signature_payload() {
			let address = decode_value(&bytes[sig.address_range()], *sig.address_type(), types)?;
			let mut who = Vec::new();
			let json = to_json(&address, types, &mut who);
			out.signer = who
				.into_iter()
				.next()
				.or_else(|| json.as_str().map(String::from));
		}
		if let Some(exts) = info.transaction_extension_payload() {
			for ext in exts.iter() {
				let value = decode_value(&bytes[ext.range()], *ext.ty(), types)?;
				let json = to_json(&value, types, &mut Vec::new());
				match ext.name() {
					"CheckNonce" => out.nonce = json_u128(&json).map(|n| n as u64),
					"ChargeTransactionPayment" | "ChargeAssetTxPayment" => {
						out.tip = json_u128(&json).or_else(|| json.get("tip").and_then(json_u128))
					}
					_ => {}
				}
			}
		}
		accounts.sort();
		accounts.dedup();
		out.accounts = accounts;
		Ok(out)
	}

	/// Decodes the value of `System::Events`.
	pub fn decode_events(&self, bytes: &[u8]) -> Result<Vec<DecodedEvent>> {
		let types = &self.metadata.types;
		let value =
			decode_value(bytes, self.events_ty, types).context("decoding System::Events")?;
		let ValueDef::Composite(records) = value.value else {
			bail!("System::Events is not a sequence");
		};
		let mut out = Vec::new();
		for record in records.into_values() {
			let ValueDef::Composite(Composite::Named(fields)) = record.value else {
				bail!("event record is not a struct");
			};
			let mut phase = None;
			let mut event = None;
			for (name, v) in fields {
				match name.as_str() {
					"phase" => phase = Some(v),
					"event" => event = Some(v),
					_ => {}
				}
			}
			let (Some(phase), Some(event)) = (phase, event) else {
				bail!("event record without phase or event");
			};
			let (phase_name, extrinsic_idx) = match phase.value {
				ValueDef::Variant(v) => {
					let idx = v.values.into_values().next().and_then(|i| match i.value {
						ValueDef::Primitive(Primitive::U128(n)) => Some(n as u32),
						_ => None,
					});
					(v.name, idx)
				}
				_ => bail!("event phase is not an enum"),
			};
			let ValueDef::Variant(pallet) = event.value else {
				bail!("event is not an enum");
			};
			let Some(inner) = pallet.values.into_values().next() else {
				bail!("event {} without payload", pallet.name);
			};
			let ValueDef::Variant(ev) = inner.value else {
				bail!("event {} payload is not an enum", pallet.name);
			};
			let mut accounts = Vec::new();
			let fields = composite_json(&ev.values, types, &mut accounts);
			accounts.sort();
			accounts.dedup();
			out.push(DecodedEvent {
				extrinsic_idx,
				phase: phase_name,
				pallet: pallet.name,
				name: ev.name,
				fields,
				accounts,
			});
		}
		Ok(out)
	}

	/// Decodes a `System::Account` value to JSON (`{nonce, data: {free, reserved, ...}}`).
	pub fn decode_account(&self, bytes: &[u8]) -> Result<Json> {
		let ty = self
			.account_ty
			.ok_or_else(|| anyhow!("runtime has no System::Account"))?;
		let value = decode_value(bytes, ty, &self.metadata.types)?;
		Ok(to_json(&value, &self.metadata.types, &mut Vec::new()))
	}

	/// The input types and output type of runtime API `api`'s `method`
	/// (e.g. `CeremonyApi`, `srs`), if this runtime has it.
	pub fn runtime_api_method(&self, api: &str, method: &str) -> Option<(Vec<u32>, u32)> {
		let m = self
			.metadata
			.apis
			.iter()
			.find(|a| a.name == api)?
			.methods
			.iter()
			.find(|m| m.name == method)?;
		Some((m.inputs.iter().map(|i| i.ty.id).collect(), m.output.id))
	}

	/// SCALE-encodes the arguments of runtime API `api`'s `method` from
	/// unsigned integers (model ids and the like), by the method's input types.
	pub fn encode_api_args(&self, api: &str, method: &str, args: &[u128]) -> Result<Vec<u8>> {
		let (inputs, _) = self
			.runtime_api_method(api, method)
			.ok_or_else(|| anyhow!("runtime has no {api}_{method}"))?;
		if inputs.len() != args.len() {
			bail!(
				"{api}_{method} takes {} arguments, not {}",
				inputs.len(),
				args.len()
			);
		}
		let mut out = Vec::new();
		for (ty, arg) in inputs.into_iter().zip(args) {
			scale_value::scale::encode_as_type(
				&Value::u128(*arg),
				ty,
				&self.metadata.types,
				&mut out,
			)
			.map_err(|e| anyhow!("encoding an argument of {api}_{method}: {e}"))?;
		}
		Ok(out)
	}

	/// Decodes what runtime API `api`'s `method` returned, to JSON.
	pub fn decode_api_output(&self, api: &str, method: &str, bytes: &[u8]) -> Result<Json> {
		let (_, output) = self
			.runtime_api_method(api, method)
			.ok_or_else(|| anyhow!("runtime has no {api}_{method}"))?;
		let value = decode_value(bytes, output, &self.metadata.types)
			.with_context(|| format!("decoding the output of {api}_{method}"))?;
		Ok(to_json(&value, &self.metadata.types, &mut Vec::new()))
	}

	/// The storage key and value type of plain storage value `pallet::entry`
	/// (e.g. `Ceremony::Timing`), if this runtime has it.
	pub fn plain_storage(&self, pallet: &str, entry: &str) -> Option<(String, u32)> {
		let p = self.metadata.pallets.iter().find(|p| p.name == pallet)?;
		let storage = p.storage.as_ref()?;
		let e = storage.entries.iter().find(|e| e.name == entry)?;
		let frame_metadata::v15::StorageEntryType::Plain(ty) = &e.ty else {
			return None;
		};
		let key = format!(
			"0x{}{}",
			hex::encode(sp_crypto_hashing::twox_128(storage.prefix.as_bytes())),
			hex::encode(sp_crypto_hashing::twox_128(entry.as_bytes()))
		);
		Some((key, ty.id))
	}

	/// Decodes a storage value of type `ty` to JSON.
	pub fn decode_storage(&self, ty: u32, bytes: &[u8]) -> Result<Json> {
		let value = decode_value(bytes, ty, &self.metadata.types)?;
		Ok(to_json(&value, &self.metadata.types, &mut Vec::new()))
	}

	/// Turns a `DispatchError` (as JSON from an `ExtrinsicFailed` event) into
	/// `Pallet.Error` with its documentation for module errors, or a compact
	/// description for the others.
	pub fn describe_dispatch_error(&self, err: &Json) -> String {
		if let Some(module) = err.get("Module") {
			let index = module.get("index").and_then(json_u128);
			let error = module
				.get("error")
				.and_then(|e| e.as_str())
				.and_then(|h| hex::decode(h.trim_start_matches("0x")).ok());
			if let (Some(index), Some(error)) = (index, error) {
				if let Some(found) =
					self.module_error(index as u8, error.first().copied().unwrap_or(0))
				{
					return found;
				}
			}
		}
		match err {
			Json::String(s) => s.clone(),
			other => other.to_string(),
		}
	}

	fn module_error(&self, pallet_index: u8, error_index: u8) -> Option<String> {
		let pallet = self
			.metadata
			.pallets
			.iter()
			.find(|p| p.index == pallet_index)?;
		let ty = self.metadata.types.resolve(pallet.error.as_ref()?.ty.id)?;
		let TypeDef::Variant(v) = &ty.type_def else {
			return None;
		};
		let variant = v.variants.iter().find(|v| v.index == error_index)?;
		let docs = variant.docs.join(" ");
		Some(if docs.is_empty() {
			format!("{}.{}", pallet.name, variant.name)
		} else {
			format!("{}.{}: {}", pallet.name, variant.name, docs.trim())
		})
	}
}

fn decode_value(bytes: &[u8], ty: u32, types: &PortableRegistry) -> Result<Value<u32>> {
	let mut cursor = bytes;
	scale_value::scale::decode_as_type(&mut cursor, ty, types)
		.map_err(|e| anyhow!("decoding type {ty}: {e}"))
}

/// A JSON number or decimal string as u128.
pub fn json_u128(v: &Json) -> Option<u128> {
	match v {
		Json::Number(n) => n.as_u64().map(u128::from),
		Json::String(s) => s.parse().ok(),
		_ => None,
	}
}

fn type_ident(ty: u32, types: &PortableRegistry) -> Option<&str> {
	types
		.resolve(ty)
		.and_then(|t| t.path.segments.last())
		.map(|s| s.as_str())
}

fn u8_bytes<T>(values: &[Value<T>]) -> Option<Vec<u8>> {
	values
		.iter()
		.map(|v| match v.value {
			ValueDef::Primitive(Primitive::U128(n)) if n <= 255 => Some(n as u8),
			_ => None,
		})
		.collect()
}

/// Whether `ty` is a sequence or a fixed-size array.
fn is_seq(ty: u32, types: &PortableRegistry) -> bool {
	matches!(
		types.resolve(ty).map(|t| &t.type_def),
		Some(TypeDef::Sequence(_) | TypeDef::Array(_))
	)
}

fn is_u8_seq(ty: u32, types: &PortableRegistry) -> bool {
	let Some(t) = types.resolve(ty) else {
		return false;
	};
	let elem = match &t.type_def {
		TypeDef::Sequence(s) => s.type_param.id,
		TypeDef::Array(a) => a.type_param.id,
		_ => return false,
	};
	matches!(
		types.resolve(elem).map(|t| &t.type_def),
		Some(TypeDef::Primitive(scale_info::TypeDefPrimitive::U8))
	)
}

fn number_json(n: u128) -> Json {
	if n <= (1u128 << 53) {
		json!(n as u64)
	} else {
		Json::String(n.to_string())
	}
}

/// Converts a decoded value to JSON, collecting the SS58 addresses of every
/// `AccountId32` it contains into `accounts`.
pub fn to_json(value: &Value<u32>, types: &PortableRegistry, accounts: &mut Vec<String>) -> Json {
	let ty = value.context;
	let ident = type_ident(ty, types);
	match &value.value {
		ValueDef::Composite(c) => {
			if ident == Some("AccountId32") {
				if let Some(bytes) = flat_bytes(c) {
					if let Ok(pk) = <[u8; 32]>::try_from(bytes.as_slice()) {
						let address = ss58::encode(&pk);
						accounts.push(address.clone());
						return Json::String(address);
					}
				}
			}
			// Sequences and arrays by their type, not their values: a `Vec<u32>`
			// of small numbers is not bytes, and one element is still a list.
			if is_seq(ty, types) {
				if is_u8_seq(ty, types) {
					if let Some(bytes) =
						u8_bytes(c.values().cloned().collect::<Vec<_>>().as_slice())
					{
						return Json::String(format!("0x{}", hex::encode(bytes)));
					}
				}
				return Json::Array(c.values().map(|v| to_json(v, types, accounts)).collect());
			}
			composite_json(c, types, accounts)
		}
		ValueDef::Variant(v) => {
			if ident == Some("Option") {
				return match v.name.as_str() {
					"None" => Json::Null,
					_ => v
						.values
						.values()
						.next()
						.map(|inner| to_json(inner, types, accounts))
						.unwrap_or(Json::Null),
				};
			}
			if v.values.is_empty() {
				return Json::String(v.name.clone());
			}
			let mut m = Map::new();
			m.insert(v.name.clone(), composite_json(&v.values, types, accounts));
			Json::Object(m)
		}
		ValueDef::BitSequence(bits) => {
			Json::String(bits.iter().map(|b| if b { '1' } else { '0' }).collect())
		}
		ValueDef::Primitive(p) => match p {
			Primitive::Bool(b) => Json::Bool(*b),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(s) => Json::String(s.clone()),
			Primitive::U128(n) => number_json(*n),
			Primitive::I128(n) => {
				if n.unsigned_abs() <= (1u128 << 53) {
					json!(*n as i64)
				} else {
					Json::String(n.to_string())
				}
			}
			Primitive::U256(b) | Primitive::I256(b) => {
				Json::String(format!("0x{}", hex::encode(b)))
			}
		},
	}
}

/// The bytes of a composite that is (a newtype around) a byte array.
fn flat_bytes(c: &Composite<u32>) -> Option<Vec<u8>> {
	let values: Vec<&Value<u32>> = c.values().collect();
	if values.len() == 1 {
		if let ValueDef::Composite(inner) = &values[0].value {
			return flat_bytes(inner);
		}
	}
	u8_bytes(&values.into_iter().cloned().collect::<Vec<_>>())
}

fn composite_json(
	c: &Composite<u32>,
	types: &PortableRegistry,
	accounts: &mut Vec<String>,
) -> Json {
	match c {
		Composite::Named(fields) => Json::Object(
			fields
				.iter()
				.map(|(k, v)| (k.clone(), to_json(v, types, accounts)))
				.collect(),
		),
		// Newtypes (`BoundedVec(Vec<T>)`, `H256([u8; 32])`) and one-field
		// variants (`Id(account)`) are their field (sequences never get here).
		Composite::Unnamed(values) if values.len() == 1 => to_json(&values[0], types, accounts),
		Composite::Unnamed(values) => {
			Json::Array(values.iter().map(|v| to_json(v, types, accounts)).collect())
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use scale_info::{MetaType, Registry, TypeInfo};

	#[derive(Encode, TypeInfo)]
	struct Bounded<T>(Vec<T>);

	#[derive(Encode, TypeInfo)]
	struct Tensor {
		shape: Bounded<u32>,
		frac_bits: u8,
	}

	#[derive(Encode, TypeInfo)]
	struct Descriptor {
		name: Bounded<u8>,
		hash: [u8; 4],
		outputs: Bounded<Tensor>,
		values: Vec<i32>,
		pair: (u32, u32),
	}

	/// Sequences are lists by their type: one element stays a list, small
	/// `u32`s are numbers; only `u8` sequences and arrays become hex.
	#[test]
	fn sequences_by_type() {
		let mut registry = Registry::new();
		let ty = registry.register_type(&MetaType::new::<Descriptor>()).id;
		let types: PortableRegistry = registry.into();
		let value = Descriptor {
			name: Bounded(b"mlp".to_vec()),
			hash: [1, 2, 3, 4],
			outputs: Bounded(vec![Tensor {
				shape: Bounded(vec![1, 10]),
				frac_bits: 9,
			}]),
			values: vec![3, -2],
			pair: (1, 5),
		};
		let decoded = decode_value(&value.encode(), ty, &types).unwrap();
		let json = to_json(&decoded, &types, &mut vec![]);
		assert_eq!(
			json,
			json!({
				"name": "0x6d6c70",
				"hash": "0x01020304",
				"outputs": [{ "shape": [1, 10], "frac_bits": 9 }],
				"values": [3, -2],
				"pair": [1, 5],
			})
		);
	}
}
