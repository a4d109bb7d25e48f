//! Unit tests of `pallet-models` on the mock runtime.

use crate::{
	fixtures::{self, key_header, MLP_DIGITS8_DOMAIN, MLP_DIGITS8_VK, WIDE60_DOMAIN},
	mock::*,
	Error, Event, Families, HoldReason, InferenceMode, InputDescriptor, ModelDetails,
	ModelRegistry, ModelSpec, NextFamilyId, NextModelId, OutputTransform, PendingOwners,
	SliceDescriptor, SliceInfo, SliceSpecs, Slices, Specs, VersionDescriptor, ZkParams,
};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_runtime::{DispatchError, TokenError};

type Descriptor = VersionDescriptor<Test>;

/// Deposits of the `digits` family with the mlp_digits8 version, counted by hand
/// (`DepositBase` = 100, `DepositPerByte` = 1 in the mock):
/// family record: owner 8 + name 1+6 + version list prefix 1 + deposit 8 = 24;
/// version: spec 32+4+4+4+3 = 47, details family 8 + label 1+5 + onnx 32 +
/// zk params 1+4+1 + inputs 1+(1+8+1) + outputs 1+(1+8+1+1+4) + block 8 +
/// deposit 8 = 95, the ceremony's [`CEREMONY_BYTES`] = 1000, list entry 8: 1150.
const FAMILY_DEPOSIT: u64 = 100 + 24;
const VERSION_DEPOSIT: u64 = 100 + 1150;
/// The same version without zk: no ceremony, and `None` (1 byte) for the zk
/// params (6 bytes): 47 + 90 + 8 = 145.
const VANILLA_VERSION_DEPOSIT: u64 = 100 + 145;

/// The error [`TestSetup`] fails a ceremony start with.
const NO_SUCH_DOMAIN: DispatchError = DispatchError::Other("no such domain");

fn name(s: &str) -> BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// mlp_digits8 with both modes, its ceremony on its domain, the owner not
/// contributing.
fn mlp() -> Descriptor {
	fixtures::mlp_digits8::<Test>()
}

fn with_zk(mut d: Descriptor, domain_size: u32, owner_contributes: bool) -> Descriptor {
	d.zk = Some(ZkParams {
		domain_size,
		owner_contributes,
	});
	d
}

fn vanilla_only(mut d: Descriptor) -> Descriptor {
	d.supports_zk = false;
	d.zk = None;
	d
}

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Models(e) => Some(e),
			_ => None,
		})
		.expect("an event of the pallet")
}

fn register_as(owner: u64, d: Descriptor) -> (u64, u64) {
	let (family, model) = (NextFamilyId::<Test>::get(), NextModelId::<Test>::get());
	assert_ok!(Models::register_model(
		RuntimeOrigin::signed(owner),
		name("digits"),
		d
	));
	(family, model)
}

fn register(owner: u64) -> (u64, u64) {
	register_as(owner, mlp())
}

fn add_version(owner: u64, family: u64, d: Descriptor) -> u64 {
	let model = NextModelId::<Test>::get();
	assert_ok!(Models::new_version(RuntimeOrigin::signed(owner), family, d));
	model
}

fn register_err(d: Descriptor, e: impl Into<DispatchError>) {
	assert_noop!(
		Models::register_model(RuntimeOrigin::signed(1), name("digits"), d),
		e.into()
	);
}

/// What the pallet stores for version `id`, in bytes: spec, details and list
/// entry (the ceremony's storage not included).
fn stored_bytes(id: u64) -> u64 {
	(Specs::<Test>::get(id).unwrap().encoded_size()
		+ ModelDetails::<Test>::get(id).unwrap().encoded_size()
		+ 8) as u64
}

#[test]
fn register_model_stores_everything_and_holds_the_deposit() {
	new_test_ext().execute_with(|| {
		let d = mlp();
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			name("digits"),
			d.clone()
		));
		let deposit = FAMILY_DEPOSIT + VERSION_DEPOSIT;
		assert_eq!(
			last_event(),
			Event::ModelRegistered {
				family: 0,
				model_id: 0,
				owner: 1,
				quantized_hash: d.quantized_hash,
				deposit
			}
		);
		assert_eq!(held(1), deposit);
		assert_eq!(Balances::balance(&1), ENDOWMENT - deposit);

		let family = Families::<Test>::get(0).unwrap();
		assert_eq!(family.owner, 1);
		assert_eq!(family.name.to_vec(), b"digits".to_vec());
		assert_eq!(family.versions.to_vec(), vec![0]);
		assert_eq!(family.deposit, deposit);
		let info = ModelDetails::<Test>::get(0).unwrap();
		assert_eq!(info.family, 0);
		assert_eq!(info.deposit, VERSION_DEPOSIT);
		assert_eq!(info.registered_at, 1);
		assert_eq!((info.inputs, info.outputs), (d.inputs, d.outputs));
		assert_eq!(
			info.zk,
			Some(ZkParams {
				domain_size: MLP_DIGITS8_DOMAIN,
				owner_contributes: false
			})
		);
		assert_eq!(info.onnx_hash, fixtures::MLP_DIGITS8_ONNX_HASH);

		let spec = <Models as ModelRegistry>::spec(0).unwrap();
		assert_eq!(
			spec,
			ModelSpec {
				quantized_hash: key_header(MLP_DIGITS8_VK).0,
				input_len: 64,
				output_len: 10,
				act_bits: 16,
				supports_zk: true,
				supports_vanilla: true,
				active: true,
			}
		);
		// Its ceremony started for this very spec; no key yet.
		assert_eq!(Started::get(), vec![(0, MLP_DIGITS8_DOMAIN, None)]);
		assert_eq!(StartedSpecs::get(), vec![(0, spec)]);
		assert_eq!(<Models as ModelRegistry>::verifying_key(0), None);
		assert_eq!(<Models as ModelRegistry>::proving_key_hash(0), None);
		assert_eq!(<Models as ModelRegistry>::spec(1), None);
		assert_eq!(
			(NextFamilyId::<Test>::get(), NextModelId::<Test>::get()),
			(1, 1)
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn the_heaviest_version_registers() {
	new_test_ext().execute_with(|| {
		let d = fixtures::heaviest::<Test>();
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			fixtures::longest_name::<Test>(),
			d
		));
		let spec = Specs::<Test>::get(0).unwrap();
		assert_eq!((spec.input_len, spec.output_len), (8, 60));
		// Its ceremony starts, the registrant first.
		assert_eq!(Started::get(), vec![(0, WIDE60_DOMAIN, Some(1))]);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn vanilla_only_models_start_no_ceremony() {
	new_test_ext().execute_with(|| {
		let (family, first) = register_as(1, vanilla_only(mlp()));
		let second = add_version(1, family, vanilla_only(mlp()));
		for id in [first, second] {
			let spec = Models::spec(id).unwrap();
			assert!(!spec.supports_zk && spec.supports_vanilla);
			assert!(spec.accepts(InferenceMode::Vanilla) && !spec.accepts(InferenceMode::Zk));
			assert_eq!(ModelDetails::<Test>::get(id).unwrap().zk, None);
			assert_eq!(Models::verifying_key(id), None);
			assert_eq!(Models::proving_key_hash(id), None);
		}
		assert_eq!(Started::get(), vec![]);
		assert_eq!(held(1), FAMILY_DEPOSIT + 2 * VANILLA_VERSION_DEPOSIT);
		// The twin: a zk version in the same family starts one.
		let third = add_version(1, family, mlp());
		assert_eq!(Started::get(), vec![(third, MLP_DIGITS8_DOMAIN, None)]);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn zk_only_models_accept_only_zk() {
	new_test_ext().execute_with(|| {
		let mut d = mlp();
		d.supports_vanilla = false;
		let (_, id) = register_as(1, d);
		let spec = Models::spec(id).unwrap();
		assert!(spec.accepts(InferenceMode::Zk) && !spec.accepts(InferenceMode::Vanilla));
		assert_eq!(Started::get(), vec![(id, MLP_DIGITS8_DOMAIN, None)]);
	});
}

#[test]
fn a_zk_registration_starts_exactly_one_ceremony_on_the_declared_domain() {
	new_test_ext().execute_with(|| {
		// The owner does not contribute: no first turn.
		let (_, a) = register_as(2, with_zk(mlp(), 6144, false));
		assert_eq!(Started::get(), vec![(a, 6144, None)]);
		// The owner contributes: the registrant (not account 1) goes first.
		let (_, b) = register_as(3, with_zk(mlp(), 3072, true));
		assert_eq!(Started::get(), vec![(a, 6144, None), (b, 3072, Some(3))]);
		assert_eq!(StartedSpecs::get()[1], (b, Models::spec(b).unwrap()));
		// What was asked for is recorded with the version.
		assert_eq!(
			ModelDetails::<Test>::get(b).unwrap().zk,
			Some(ZkParams {
				domain_size: 3072,
				owner_contributes: true
			})
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn a_zk_new_version_starts_its_own_ceremony() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let second = add_version(1, family, with_zk(mlp(), 4096, true));
		assert_eq!(
			Started::get(),
			vec![(first, MLP_DIGITS8_DOMAIN, None), (second, 4096, Some(1))]
		);
		// After a transfer the new owner is the one who goes first, and the
		// ceremony is for this version's spec.
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(2)
		));
		assert_ok!(Models::accept_ownership(RuntimeOrigin::signed(2), family));
		let mut d = with_zk(mlp(), 3072, true);
		d.act_bits = 8;
		let third = add_version(2, family, d);
		assert_eq!(Started::get().len(), 3);
		assert_eq!(Started::get()[2], (third, 3072, Some(2)));
		let spec = Models::spec(third).unwrap();
		assert_eq!(spec.act_bits, 8);
		assert_eq!(StartedSpecs::get()[2], (third, spec));
		Models::do_try_state().unwrap();
	});
}

#[test]
fn zk_params_are_required_with_zk_and_refused_without() {
	new_test_ext().execute_with(|| {
		let d = mlp();
		assert_noop!(
			Models::register_model(RuntimeOrigin::none(), name("x"), d.clone()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Models::register_model(RuntimeOrigin::signed(1), name(""), d.clone()),
			Error::<Test>::EmptyName
		);
		let mut none = d.clone();
		none.supports_zk = false;
		none.supports_vanilla = false;
		register_err(none, Error::<Test>::NoModeSupported);
		let mut missing = d.clone();
		missing.zk = None;
		register_err(missing.clone(), Error::<Test>::MissingZkParams);
		let mut zk_only_missing = missing.clone();
		zk_only_missing.supports_vanilla = false;
		register_err(zk_only_missing, Error::<Test>::MissingZkParams);
		let mut unexpected = d.clone();
		unexpected.supports_zk = false;
		register_err(unexpected.clone(), Error::<Test>::UnexpectedZkParams);
		// The same refusals for a new version.
		let (family, _) = register_as(1, vanilla_only(d.clone()));
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, missing),
			Error::<Test>::MissingZkParams
		);
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, unexpected),
			Error::<Test>::UnexpectedZkParams
		);
		assert_eq!(Started::get(), vec![]);
		// The twins: consistent descriptors register (and only the zk one
		// starts a ceremony).
		add_version(1, family, d.clone());
		add_version(1, family, vanilla_only(d));
		assert_eq!(Started::get(), vec![(1, MLP_DIGITS8_DOMAIN, None)]);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn a_zk_version_also_pays_for_its_ceremony() {
	new_test_ext().execute_with(|| {
		let (_, zk) = register_as(1, mlp());
		let (_, vanilla) = register_as(2, vanilla_only(mlp()));
		let zk_deposit = ModelDetails::<Test>::get(zk).unwrap().deposit;
		let vanilla_deposit = ModelDetails::<Test>::get(vanilla).unwrap().deposit;
		// As the pallet computes it: base + bytes (spec, details, list entry) +
		// the ceremony's storage, only for zk.
		assert_eq!(
			zk_deposit,
			DepositBase::get() + stored_bytes(zk) + CEREMONY_BYTES as u64
		);
		assert_eq!(vanilla_deposit, DepositBase::get() + stored_bytes(vanilla));
		// The two records differ only by the zk params (`Some` and 5 bytes), so
		// the zk version holds exactly the ceremony's bytes (and those) more.
		assert_eq!(
			stored_bytes(zk) - stored_bytes(vanilla),
			ZkParams::max_encoded_len() as u64
		);
		assert_eq!(
			zk_deposit - vanilla_deposit,
			CEREMONY_BYTES as u64 + ZkParams::max_encoded_len() as u64
		);
		// And the hand counts.
		assert_eq!(
			(zk_deposit, vanilla_deposit),
			(VERSION_DEPOSIT, VANILLA_VERSION_DEPOSIT)
		);
		assert_eq!(
			(held(1), held(2)),
			(
				FAMILY_DEPOSIT + VERSION_DEPOSIT,
				FAMILY_DEPOSIT + VANILLA_VERSION_DEPOSIT
			)
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn a_ceremony_that_does_not_start_fails_the_registration() {
	new_test_ext().execute_with(|| {
		// TestSetup refuses domain size 0, after the pallet held the deposit
		// and wrote the family: all of it is rolled back.
		register_err(with_zk(mlp(), 0, false), NO_SUCH_DOMAIN);
		register_err(with_zk(mlp(), 0, true), NO_SUCH_DOMAIN);
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), ENDOWMENT);
		assert_eq!(
			(NextFamilyId::<Test>::get(), NextModelId::<Test>::get()),
			(0, 0)
		);
		assert_eq!(Families::<Test>::iter().count(), 0);
		assert_eq!(Started::get(), vec![]);
		Models::do_try_state().unwrap();

		// The same for a new version: the family stays as it was.
		let (family, first) = register(1);
		let before = Families::<Test>::get(family).unwrap();
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, with_zk(mlp(), 0, true)),
			NO_SUCH_DOMAIN
		);
		assert_eq!(Families::<Test>::get(family).unwrap(), before);
		assert_eq!(held(1), FAMILY_DEPOSIT + VERSION_DEPOSIT);
		assert_eq!(NextModelId::<Test>::get(), first + 1);
		assert_eq!(Specs::<Test>::get(first + 1), None);
		assert_eq!(Started::get(), vec![(first, MLP_DIGITS8_DOMAIN, None)]);

		// The twin: a domain the setup takes.
		let second = add_version(1, family, with_zk(mlp(), 3072, true));
		assert_eq!(second, first + 1);
		assert_eq!(Started::get()[1], (second, 3072, Some(1)));
		Models::do_try_state().unwrap();
	});
}

#[test]
fn keys_are_the_setups_final_keys_only() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let second = add_version(1, family, mlp());
		let vanilla = add_version(1, family, vanilla_only(mlp()));
		for id in [first, second, vanilla, 99] {
			assert_eq!(Models::verifying_key(id), None);
			assert_eq!(Models::proving_key_hash(id), None);
		}
		// The setup reports `second`'s ceremony final.
		let key = MLP_DIGITS8_VK.to_vec();
		FinalKeys::mutate(|k| k.push((second, key.clone(), [7; 32])));
		assert_eq!(Models::verifying_key(second), Some(key.clone()));
		assert_eq!(Models::proving_key_hash(second), Some([7; 32]));
		// The others still have none.
		for id in [first, vanilla] {
			assert_eq!(Models::verifying_key(id), None);
			assert_eq!(Models::proving_key_hash(id), None);
		}
		// Then `first`'s, with another key.
		let mut other = key.clone();
		other[100] ^= 1;
		FinalKeys::mutate(|k| k.push((first, other.clone(), [9; 32])));
		assert_eq!(Models::verifying_key(first), Some(other));
		assert_eq!(Models::proving_key_hash(first), Some([9; 32]));
		assert_eq!(Models::verifying_key(second), Some(key));
		// Deprecation does not touch the keys.
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), second));
		assert_eq!(Models::proving_key_hash(second), Some([7; 32]));
		Models::do_try_state().unwrap();
	});
}

#[test]
fn register_model_rejects_bad_shapes_and_scales() {
	new_test_ext().execute_with(|| {
		let base = vanilla_only(mlp());
		let with = |f: &dyn Fn(&mut Descriptor)| {
			let mut d = base.clone();
			f(&mut d);
			d
		};
		for bits in [0, 1, 25, 255] {
			register_err(with(&|d| d.act_bits = bits), Error::<Test>::InvalidActBits);
		}
		register_err(
			with(&|d| d.inputs[0].frac_bits = 63),
			Error::<Test>::InvalidFracBits,
		);
		register_err(
			with(&|d| d.outputs[0].frac_bits = 63),
			Error::<Test>::InvalidFracBits,
		);
		register_err(
			with(&|d| d.inputs.clear()),
			Error::<Test>::NoInputsOrOutputs,
		);
		register_err(
			with(&|d| d.outputs.clear()),
			Error::<Test>::NoInputsOrOutputs,
		);
		register_err(
			with(&|d| d.inputs[0].shape = vec![1, 0, 4].try_into().unwrap()),
			Error::<Test>::EmptyTensor,
		);
		register_err(
			with(&|d| d.outputs[0].shape = vec![65536, 65536].try_into().unwrap()),
			Error::<Test>::TensorTooLarge,
		);
		// Each input fits, their sum does not.
		register_err(
			with(&|d| {
				let big = InputDescriptor {
					shape: vec![u32::MAX].try_into().unwrap(),
					frac_bits: 0,
				};
				d.inputs = vec![big.clone(), big].try_into().unwrap();
			}),
			Error::<Test>::TensorTooLarge,
		);
		// Beyond what a request or a result can carry.
		register_err(
			with(&|d| d.inputs[0].shape = vec![4097].try_into().unwrap()),
			Error::<Test>::TooManyValues,
		);
		register_err(
			with(&|d| d.outputs[0].shape = vec![1, 65].try_into().unwrap()),
			Error::<Test>::TooManyValues,
		);
		register_err(
			with(&|d| d.outputs[0].transform = OutputTransform::Softmax { axis: 2 }),
			Error::<Test>::InvalidSoftmaxAxis,
		);
		// A zk descriptor is checked the same way, before any ceremony starts.
		register_err(
			with_zk(with(&|d| d.act_bits = 25), MLP_DIGITS8_DOMAIN, true),
			Error::<Test>::InvalidActBits,
		);
		assert_eq!(Started::get(), vec![]);
		// The edges are accepted: 2 and 24 bits, 62 fraction bits, rank 0 (a
		// scalar), as many values as a request or result carries, softmax over
		// the last axis.
		for d in [
			with(&|d| d.act_bits = 2),
			with(&|d| d.act_bits = 24),
			with(&|d| d.inputs[0].frac_bits = 62),
			with(&|d| d.inputs[0].shape = Default::default()),
			with(&|d| d.inputs[0].shape = vec![4096].try_into().unwrap()),
			with(&|d| d.outputs[0].shape = vec![1, 64].try_into().unwrap()),
			with(&|d| d.outputs[0].transform = OutputTransform::Softmax { axis: 1 }),
			with(&|d| d.outputs[0].transform = OutputTransform::None),
		] {
			assert_ok!(Models::register_model(
				RuntimeOrigin::signed(1),
				name("edge"),
				d
			));
		}
		Models::do_try_state().unwrap();
	});
}

#[test]
fn register_model_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Models::register_model(RuntimeOrigin::signed(4), name("digits"), mlp()),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Models::register_model(
				RuntimeOrigin::signed(4),
				name("digits"),
				vanilla_only(mlp())
			),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Models::register_model(RuntimeOrigin::signed(99), name("digits"), mlp()),
			TokenError::FundsUnavailable
		);
		// No ceremony starts for a registration that fails.
		assert_eq!(Started::get(), vec![]);
	});
}

#[test]
fn oversized_arguments_do_not_decode() {
	new_test_ext().execute_with(|| {
		let d = mlp();
		let call = |name: Vec<u8>, d: &Descriptor| {
			let mut bytes = vec![2u8, 0u8]; // Models, register_model
			bytes.extend(name.encode());
			bytes.extend(d.encode());
			RuntimeCall::decode(&mut &bytes[..])
		};
		assert!(call(vec![b'n'; 32], &d).is_ok());
		assert!(call(vec![b'n'; 33], &d).is_err());
		assert!(call(vec![b'n'; 32], &vanilla_only(d.clone())).is_ok());
		// A shape of rank 7 > MaxShapeRank.
		let mut bytes = vec![2u8, 0u8];
		bytes.extend(b"n".to_vec().encode());
		let mut raw = d.encode();
		// label, hashes, zk params, act_bits, inputs len
		let shape_at = 1 + 5 + 32 + 32 + (1 + 4 + 1) + 1 + 1;
		assert_eq!(raw[shape_at], 2 << 2); // rank 2
		raw[shape_at] = 7 << 2;
		raw.splice(shape_at + 1..shape_at + 1, [0u8; 20]);
		bytes.extend(raw);
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
	});
}

#[test]
fn new_version_adds_a_linked_version() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let mut d = mlp();
		d.version = b"1.1.0".to_vec().try_into().unwrap();
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			family,
			d.clone()
		));
		let second = first + 1;
		assert_eq!(
			last_event(),
			Event::VersionAdded {
				family,
				model_id: second,
				quantized_hash: d.quantized_hash,
				deposit: VERSION_DEPOSIT
			}
		);
		assert_eq!(
			Families::<Test>::get(family).unwrap().versions.to_vec(),
			vec![first, second]
		);
		assert_eq!(ModelDetails::<Test>::get(second).unwrap().family, family);
		assert_eq!(
			ModelDetails::<Test>::get(second).unwrap().version.to_vec(),
			b"1.1.0".to_vec()
		);
		// Both are usable.
		assert!(Models::spec(first).unwrap().active && Models::spec(second).unwrap().active);
		let deposit = FAMILY_DEPOSIT + 2 * VERSION_DEPOSIT;
		assert_eq!(Families::<Test>::get(family).unwrap().deposit, deposit);
		assert_eq!(held(1), deposit);
		// A vanilla-only version in a family of zk versions.
		let third = add_version(1, family, vanilla_only(d));
		assert_eq!(
			ModelDetails::<Test>::get(third).unwrap().deposit,
			VANILLA_VERSION_DEPOSIT
		);
		assert_eq!(held(1), deposit + VANILLA_VERSION_DEPOSIT);
		assert_eq!(
			Started::get(),
			vec![
				(first, MLP_DIGITS8_DOMAIN, None),
				(second, MLP_DIGITS8_DOMAIN, None)
			]
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn new_version_errors() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		let d = mlp();
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), 7, d.clone()),
			Error::<Test>::UnknownFamily
		);
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(2), family, d.clone()),
			Error::<Test>::NotOwner
		);
		let mut bad = d.clone();
		bad.act_bits = 1;
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, bad),
			Error::<Test>::InvalidActBits
		);
		// MaxVersions = 3.
		for _ in 0..2 {
			add_version(1, family, d.clone());
		}
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, d),
			Error::<Test>::TooManyVersions
		);
		// One ceremony per version, none for the refused ones.
		assert_eq!(
			Started::get().iter().map(|s| s.0).collect::<Vec<_>>(),
			vec![0, 1, 2]
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn new_version_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		let free = Balances::balance(&1);
		// Leave the owner less than the zk version's deposit; what is left
		// covers a version without a ceremony.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(1),
			2,
			free - (VERSION_DEPOSIT - 1)
		));
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, mlp()),
			TokenError::FundsUnavailable
		);
		assert_eq!(Started::get().len(), 1);
		add_version(1, family, vanilla_only(mlp()));
		// The twin: with the deposit (and the existential deposit 1 the
		// account keeps) the zk version registers.
		let short = VERSION_DEPOSIT + 1 - Balances::balance(&1);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(2),
			1,
			short - 1
		));
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, mlp()),
			TokenError::FundsUnavailable
		);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(2),
			1,
			1
		));
		add_version(1, family, mlp());
		assert_eq!(Balances::balance(&1), 1);
		assert_eq!(Started::get().len(), 2);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn deprecate_stops_new_requests_only_for_that_version() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		add_version(1, family, mlp());
		FinalKeys::mutate(|k| k.push((first, MLP_DIGITS8_VK.to_vec(), [7; 32])));
		let held_before = held(1);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), first));
		assert_eq!(
			last_event(),
			Event::ModelDeprecated {
				family,
				model_id: first
			}
		);
		let spec = Models::spec(first).unwrap();
		assert!(!spec.active);
		assert!(!spec.accepts(InferenceMode::Zk) && !spec.accepts(InferenceMode::Vanilla));
		assert!(Models::spec(first + 1).unwrap().active);
		// The record, its key and its deposit stay.
		assert!(ModelDetails::<Test>::get(first).is_some());
		assert_eq!(Models::verifying_key(first), Some(MLP_DIGITS8_VK.to_vec()));
		assert_eq!(held(1), held_before);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn deprecate_errors() {
	new_test_ext().execute_with(|| {
		let (_, model) = register(1);
		assert_noop!(
			Models::deprecate(RuntimeOrigin::signed(1), 9),
			Error::<Test>::UnknownModel
		);
		assert_noop!(
			Models::deprecate(RuntimeOrigin::signed(2), model),
			Error::<Test>::NotOwner
		);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), model));
		assert_noop!(
			Models::deprecate(RuntimeOrigin::signed(1), model),
			Error::<Test>::AlreadyDeprecated
		);
	});
}

/// A deprecated version nothing uses is removed with its ceremony and its
/// deposit released; the family's last version takes the family along.
#[test]
fn removing_deprecated_versions_releases_their_deposits() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let second = add_version(1, family, vanilla_only(mlp()));
		assert_eq!(
			held(1),
			FAMILY_DEPOSIT + VERSION_DEPOSIT + VANILLA_VERSION_DEPOSIT
		);
		FinalKeys::mutate(|k| k.push((first, MLP_DIGITS8_VK.to_vec(), [7; 32])));
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), first));
		assert_ok!(Models::remove_version(RuntimeOrigin::signed(1), first));
		assert_eq!(
			last_event(),
			Event::VersionRemoved {
				family,
				model_id: first,
				deposit: VERSION_DEPOSIT,
				family_removed: false,
			}
		);
		assert_eq!(held(1), FAMILY_DEPOSIT + VANILLA_VERSION_DEPOSIT);
		assert!(Models::spec(first).is_none() && ModelDetails::<Test>::get(first).is_none());
		assert_eq!(Models::verifying_key(first), None);
		assert_eq!(Removed::get(), vec![first]);
		assert_eq!(
			Families::<Test>::get(family).unwrap().versions.to_vec(),
			vec![second]
		);
		Models::do_try_state().unwrap();
		// The last version: the family goes too, with a pending transfer.
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(2)
		));
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), second));
		assert_ok!(Models::remove_version(RuntimeOrigin::signed(1), second));
		assert_eq!(
			last_event(),
			Event::VersionRemoved {
				family,
				model_id: second,
				deposit: FAMILY_DEPOSIT + VANILLA_VERSION_DEPOSIT,
				family_removed: true,
			}
		);
		assert_eq!(held(1), 0);
		assert_eq!(Balances::balance(&1), ENDOWMENT);
		assert!(Families::<Test>::get(family).is_none());
		assert!(PendingOwners::<Test>::get(family).is_none());
		// A vanilla version has no ceremony to remove.
		assert_eq!(Removed::get(), vec![first]);
		// Ids are never reused.
		let (_, next) = register(1);
		assert_eq!(next, second + 1);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn only_unused_deprecated_versions_of_ones_own_can_be_removed() {
	new_test_ext().execute_with(|| {
		let (_, model) = register(1);
		let before = held(1);
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(1), 9),
			Error::<Test>::UnknownModel
		);
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(1), model),
			Error::<Test>::NotDeprecated
		);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), model));
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(2), model),
			Error::<Test>::NotOwner
		);
		// Open requests (or provisional results, or synchronous inference)
		// keep it: they still need its spec and key.
		InUse::mutate(|u| u.push(model));
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(1), model),
			Error::<Test>::InUse
		);
		assert_eq!(held(1), before);
		InUse::take();
		assert_ok!(Models::remove_version(RuntimeOrigin::signed(1), model));
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(1), model),
			Error::<Test>::UnknownModel
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn transfer_moves_the_family_and_its_deposit() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		add_version(1, family, mlp());
		let deposit = FAMILY_DEPOSIT + 2 * VERSION_DEPOSIT;
		assert_eq!(held(1), deposit);

		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(2)
		));
		assert_eq!(
			last_event(),
			Event::OwnershipTransferProposed {
				family,
				owner: 1,
				new_owner: 2
			}
		);
		assert_eq!(PendingOwners::<Test>::get(family), Some(2));
		// Nothing moves before acceptance.
		assert_eq!((held(1), held(2)), (deposit, 0));
		assert_eq!(Families::<Test>::get(family).unwrap().owner, 1);

		assert_ok!(Models::accept_ownership(RuntimeOrigin::signed(2), family));
		assert_eq!(
			last_event(),
			Event::OwnershipTransferred {
				family,
				from: 1,
				to: 2,
				deposit
			}
		);
		assert_eq!((held(1), held(2)), (0, deposit));
		assert_eq!(Balances::balance(&1), ENDOWMENT);
		assert_eq!(Balances::balance(&2), ENDOWMENT - deposit);
		assert_eq!(Families::<Test>::get(family).unwrap().owner, 2);
		assert_eq!(PendingOwners::<Test>::get(family), None);
		Models::do_try_state().unwrap();

		// The new owner acts, the old one no longer can.
		assert_noop!(
			Models::deprecate(RuntimeOrigin::signed(1), first),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, mlp()),
			Error::<Test>::NotOwner
		);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(2), first));
		add_version(2, family, mlp());
		assert_eq!(held(2), deposit + VERSION_DEPOSIT);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn transfer_keeps_other_families_deposits() {
	new_test_ext().execute_with(|| {
		let (a, _) = register(1);
		let (_b, _) = register(1);
		let one = FAMILY_DEPOSIT + VERSION_DEPOSIT;
		assert_eq!(held(1), 2 * one);
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			a,
			Some(3)
		));
		assert_ok!(Models::accept_ownership(RuntimeOrigin::signed(3), a));
		assert_eq!((held(1), held(3)), (one, one));
		Models::do_try_state().unwrap();
	});
}

#[test]
fn transfer_ownership_errors_and_cancellation() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		assert_noop!(
			Models::transfer_ownership(RuntimeOrigin::signed(1), 5, Some(2)),
			Error::<Test>::UnknownFamily
		);
		assert_noop!(
			Models::transfer_ownership(RuntimeOrigin::signed(2), family, Some(3)),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Models::transfer_ownership(RuntimeOrigin::signed(1), family, Some(1)),
			Error::<Test>::AlreadyOwner
		);
		assert_noop!(
			Models::transfer_ownership(RuntimeOrigin::signed(1), family, None),
			Error::<Test>::NoPendingTransfer
		);
		// A new proposal replaces the old one.
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(2)
		));
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(3)
		));
		assert_noop!(
			Models::accept_ownership(RuntimeOrigin::signed(2), family),
			Error::<Test>::NotPendingOwner
		);
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			None
		));
		assert_eq!(last_event(), Event::OwnershipTransferCancelled { family });
		assert_noop!(
			Models::accept_ownership(RuntimeOrigin::signed(3), family),
			Error::<Test>::NoPendingTransfer
		);
		assert_noop!(
			Models::accept_ownership(RuntimeOrigin::signed(3), 5),
			Error::<Test>::NoPendingTransfer
		);
		assert_eq!(Families::<Test>::get(family).unwrap().owner, 1);
	});
}

#[test]
fn accepting_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		assert_ok!(Models::transfer_ownership(
			RuntimeOrigin::signed(1),
			family,
			Some(4)
		));
		assert_noop!(
			Models::accept_ownership(RuntimeOrigin::signed(4), family),
			TokenError::FundsUnavailable
		);
		// Still pending, still the old owner's.
		assert_eq!(PendingOwners::<Test>::get(family), Some(4));
		assert_eq!(held(1), FAMILY_DEPOSIT + VERSION_DEPOSIT);
	});
}

#[test]
fn ids_are_never_reused() {
	new_test_ext().execute_with(|| {
		let (f0, m0) = register(1);
		let (f1, m1) = register(2);
		add_version(1, f0, mlp());
		let (f2, m3) = register(1);
		assert_eq!((f0, f1, f2), (0, 1, 2));
		assert_eq!((m0, m1, m3), (0, 1, 3));
		assert_eq!(ModelDetails::<Test>::get(2).unwrap().family, f0);
		// Every version got its own ceremony, under its own id.
		assert_eq!(
			Started::get().iter().map(|s| s.0).collect::<Vec<_>>(),
			vec![0, 1, 2, 3]
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn try_state_holds_after_registrations() {
	new_test_ext().execute_with(|| {
		Models::do_try_state().unwrap();
		let (a, _) = register(1);
		Models::do_try_state().unwrap();
		add_version(1, a, vanilla_only(mlp()));
		add_version(1, a, with_zk(mlp(), 4096, true));
		let (b, _) = register_as(2, vanilla_only(mlp()));
		add_version(2, b, mlp());
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(3),
			fixtures::longest_name::<Test>(),
			fixtures::heaviest::<Test>()
		));
		assert_eq!(Started::get().len(), 4);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn try_state_catches_broken_invariants() {
	let broken: [fn(); 6] = [
		|| Families::<Test>::mutate(0, |f| f.as_mut().unwrap().deposit += 1),
		|| Families::<Test>::mutate(0, |f| f.as_mut().unwrap().versions.clear()),
		|| ModelDetails::<Test>::mutate(0, |m| m.as_mut().unwrap().family = 5),
		|| ModelDetails::<Test>::mutate(0, |m| m.as_mut().unwrap().zk = None),
		|| Specs::<Test>::mutate(0, |s| s.as_mut().unwrap().supports_zk = false),
		|| PendingOwners::<Test>::insert(9, 2),
	];
	for corrupt in broken {
		new_test_ext().execute_with(|| {
			register(1);
			Models::do_try_state().unwrap();
			corrupt();
			assert!(Models::do_try_state().is_err());
		});
	}
}

/// mlp_digits8 (64 values in, 10 out) as a sliced version: no zk parameters
/// of its own.
fn sliced_mlp() -> Descriptor {
	let mut d = mlp();
	d.zk = None;
	d
}

/// Slices of the given value counts (`lens[i]` → `lens[i + 1]`), slice `i`
/// hashed `[i + 1; 32]`, each on a 1024-point domain.
fn slices_of(lens: &[u32]) -> BoundedVec<SliceDescriptor, <Test as crate::Config>::MaxSlices> {
	lens.windows(2)
		.enumerate()
		.map(|(i, w)| SliceDescriptor {
			quantized_hash: [i as u8 + 1; 32],
			input_len: w[0],
			output_len: w[1],
			domain_size: 1024,
		})
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

/// The deposit of a sliced mlp version of `slices` slices: its spec, details
/// and list entry, a ceremony per slice, each slice's record and list entry,
/// the list's length prefix.
fn sliced_deposit(id: u64, slices: u64) -> u64 {
	100 + stored_bytes(id)
		+ slices * (CEREMONY_BYTES as u64 + SliceInfo::max_encoded_len() as u64 + 8)
		+ 1
}

fn register_sliced_err(
	d: Descriptor,
	slices: BoundedVec<SliceDescriptor, <Test as crate::Config>::MaxSlices>,
	e: impl Into<DispatchError>,
) {
	assert_noop!(
		Models::register_sliced_model(RuntimeOrigin::signed(1), name("digits"), d, slices),
		e.into()
	);
}

#[test]
fn a_sliced_version_gets_its_slices_each_with_its_own_ceremony() {
	new_test_ext().execute_with(|| {
		let slices = slices_of(&[64, 32, 16, 10]);
		assert_ok!(Models::register_sliced_model(
			RuntimeOrigin::signed(1),
			name("digits"),
			sliced_mlp(),
			slices.clone()
		));
		// The version is 0, its slices 1, 2 and 3.
		assert_eq!(NextModelId::<Test>::get(), 4);
		assert_eq!(Slices::<Test>::get(0).unwrap().to_vec(), vec![1, 2, 3]);
		let listed = Models::slices(0).expect("sliced");
		for (i, (id, info)) in listed.iter().enumerate() {
			assert_eq!(*id, i as u64 + 1);
			assert_eq!(
				*info,
				SliceInfo {
					model_id: 0,
					index: i as u32,
					slice: slices[i],
				}
			);
		}
		// Every slice's ceremony started, none for the version itself; every
		// slice's output but the last is a boundary.
		assert_eq!(
			Started::get(),
			vec![(1, 1024, None), (2, 1024, None), (3, 1024, None)]
		);
		assert_eq!(Boundaries::get(), vec![(1, true), (2, true), (3, false)]);
		let (_, first) = StartedSpecs::get()[0].clone();
		assert_eq!(
			first,
			ModelSpec {
				quantized_hash: [1; 32],
				input_len: 64,
				output_len: 32,
				act_bits: mlp().act_bits.into(),
				supports_zk: true,
				supports_vanilla: false,
				active: true,
			}
		);
		// The version is requested like any; its slices never are.
		let spec = Models::spec(0).unwrap();
		assert!(spec.supports_zk && spec.supports_vanilla);
		assert_eq!((spec.input_len, spec.output_len), (64, 10));
		assert!(Models::spec(1).is_none() && Models::slices(1).is_none());
		assert_eq!(ModelDetails::<Test>::get(0).unwrap().zk, None);
		// Events: the registration, then the slices.
		let events: Vec<_> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Models(e) => Some(e),
				_ => None,
			})
			.collect();
		assert!(matches!(
			events[0],
			Event::ModelRegistered { model_id: 0, .. }
		));
		assert_eq!(
			events[1],
			Event::VersionSliced {
				model_id: 0,
				slices: vec![1, 2, 3].try_into().unwrap(),
			}
		);
		// The deposit pays for the slices and their ceremonies too.
		assert_eq!(held(1), FAMILY_DEPOSIT + sliced_deposit(0, 3));
		assert_eq!(
			ModelDetails::<Test>::get(0).unwrap().deposit,
			sliced_deposit(0, 3)
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn slices_must_chain_from_the_input_to_the_output() {
	new_test_ext().execute_with(|| {
		// One slice is no slicing.
		register_sliced_err(
			sliced_mlp(),
			slices_of(&[64, 10]),
			Error::<Test>::TooFewSlices,
		);
		// The first slice takes the version's input, the last gives its output.
		register_sliced_err(
			sliced_mlp(),
			slices_of(&[63, 32, 10]),
			Error::<Test>::SlicesDoNotChain,
		);
		register_sliced_err(
			sliced_mlp(),
			slices_of(&[64, 32, 11]),
			Error::<Test>::SlicesDoNotChain,
		);
		// Each slice takes what the one before gives.
		let mut broken = slices_of(&[64, 32, 16, 10]);
		broken[1].input_len = 31;
		register_sliced_err(sliced_mlp(), broken, Error::<Test>::SlicesDoNotChain);
		// No empty boundary.
		register_sliced_err(
			sliced_mlp(),
			slices_of(&[64, 0, 0, 10]),
			Error::<Test>::SlicesDoNotChain,
		);
		// A sliced version supports zk, and its slices carry the domains.
		register_sliced_err(mlp(), slices_of(&[64, 32, 10]), Error::<Test>::NotSliceable);
		register_sliced_err(
			vanilla_only(mlp()),
			slices_of(&[64, 32, 10]),
			Error::<Test>::NotSliceable,
		);
		// The descriptor's own checks still apply.
		let mut bad = sliced_mlp();
		bad.act_bits = 1;
		register_sliced_err(bad, slices_of(&[64, 32, 10]), Error::<Test>::InvalidActBits);
		// A slice's ceremony that cannot start fails everything: nothing is
		// stored or held (assert_noop), not even the slices before it.
		let mut no_domain = slices_of(&[64, 32, 16, 10]);
		no_domain[2].domain_size = 0;
		register_sliced_err(sliced_mlp(), no_domain, NO_SUCH_DOMAIN);
		assert_eq!(held(1), 0);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn a_family_gets_a_sliced_version_and_removes_it_with_its_slices() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let before = held(1);
		assert_noop!(
			Models::new_sliced_version(
				RuntimeOrigin::signed(2),
				family,
				sliced_mlp(),
				slices_of(&[64, 32, 10])
			),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Models::new_sliced_version(
				RuntimeOrigin::signed(1),
				family,
				sliced_mlp(),
				slices_of(&[64, 10])
			),
			Error::<Test>::TooFewSlices
		);
		let version = NextModelId::<Test>::get();
		assert_ok!(Models::new_sliced_version(
			RuntimeOrigin::signed(1),
			family,
			sliced_mlp(),
			slices_of(&[64, 32, 10])
		));
		assert_eq!(
			last_event(),
			Event::VersionSliced {
				model_id: version,
				slices: vec![version + 1, version + 2].try_into().unwrap(),
			}
		);
		assert_eq!(
			Families::<Test>::get(family).unwrap().versions.to_vec(),
			vec![first, version]
		);
		assert_eq!(held(1), before + sliced_deposit(version, 2));
		Models::do_try_state().unwrap();

		// Removed once deprecated: its slices' records and ceremonies go too,
		// and the whole deposit comes back.
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(1), version));
		InUse::mutate(|u| u.push(version));
		assert_noop!(
			Models::remove_version(RuntimeOrigin::signed(1), version),
			Error::<Test>::InUse
		);
		InUse::take();
		assert_ok!(Models::remove_version(RuntimeOrigin::signed(1), version));
		assert_eq!(held(1), before);
		assert_eq!(Removed::get(), vec![version + 1, version + 2]);
		assert!(Slices::<Test>::get(version).is_none());
		assert_eq!(SliceSpecs::<Test>::iter_keys().count(), 0);
		assert!(Models::slices(version).is_none());
		// Ids are not reused.
		let (_, next) = register(1);
		assert_eq!(next, version + 3);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn try_state_catches_broken_slices() {
	let broken: [fn(); 6] = [
		|| SliceSpecs::<Test>::mutate(1, |s| s.as_mut().unwrap().index = 1),
		|| SliceSpecs::<Test>::mutate(2, |s| s.as_mut().unwrap().model_id = 7),
		|| SliceSpecs::<Test>::remove(1),
		|| {
			SliceSpecs::<Test>::insert(
				9,
				SliceInfo {
					model_id: 0,
					index: 2,
					slice: slices_of(&[64, 10])[0],
				},
			)
		},
		|| Slices::<Test>::mutate(0, |s| s.as_mut().unwrap().truncate(1)),
		|| Slices::<Test>::remove(0),
	];
	for corrupt in broken {
		new_test_ext().execute_with(|| {
			assert_ok!(Models::register_sliced_model(
				RuntimeOrigin::signed(1),
				name("digits"),
				sliced_mlp(),
				slices_of(&[64, 32, 10])
			));
			Models::do_try_state().unwrap();
			corrupt();
			assert!(Models::do_try_state().is_err());
		});
	}
}
