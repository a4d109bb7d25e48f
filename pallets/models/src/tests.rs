//! Unit tests of `pallet-models` on the mock runtime.

use crate::{
	fixtures::{self, key_header, MLP_DIGITS8_VK, WIDE60_VK},
	mock::*,
	Error, Event, Families, HoldReason, InferenceMode, InputDescriptor, ModelDetails,
	ModelRegistry, ModelSpec, NextFamilyId, NextModelId, OutputTransform, PendingOwners, Specs,
	VerifyingKeys, VersionDescriptor,
};
use codec::{Decode, Encode};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use sp_runtime::{DispatchError, TokenError};

type Descriptor = VersionDescriptor<Test>;
type Key = BoundedVec<u8, <Test as crate::Config>::MaxVerifyingKeyLen>;

/// Deposits of the `digits` family with the mlp_digits8 version, counted by hand
/// (`DepositBase` = 100, `DepositPerByte` = 1 in the mock):
/// family record: owner 8 + name 1+6 + version list prefix 1 + deposit 8 = 24;
/// version: spec 32+4+4+4+3 = 47, details family 8 + label 1+5 + onnx 32 +
/// proving key 1+32 + inputs 1+(1+8+1) + outputs 1+(1+8+1+1+4) + block 8 +
/// deposit 8 = 122, key 2+770, list entry 8: 949.
const FAMILY_DEPOSIT: u64 = 100 + 24;
const VERSION_DEPOSIT: u64 = 100 + 949;

fn name(s: &str) -> BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn mlp() -> (Descriptor, Key) {
	fixtures::mlp_digits8::<Test>()
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

fn register(owner: u64) -> (u64, u64) {
	let (d, vk) = mlp();
	let (family, model) = (NextFamilyId::<Test>::get(), NextModelId::<Test>::get());
	assert_ok!(Models::register_model(
		RuntimeOrigin::signed(owner),
		name("digits"),
		d,
		Some(vk)
	));
	(family, model)
}

fn register_err(d: Descriptor, vk: Option<Key>, e: impl Into<DispatchError>) {
	assert_noop!(
		Models::register_model(RuntimeOrigin::signed(1), name("digits"), d, vk),
		e.into()
	);
}

fn vanilla_only(mut d: Descriptor) -> Descriptor {
	d.supports_zk = false;
	d.proving_key_hash = None;
	d
}

#[test]
fn register_model_stores_everything_and_holds_the_deposit() {
	new_test_ext().execute_with(|| {
		let (d, vk) = mlp();
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			name("digits"),
			d.clone(),
			Some(vk.clone())
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
		assert_eq!(info.proving_key_hash, Some(fixtures::MLP_DIGITS8_PK_HASH));
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
		assert_eq!(
			<Models as ModelRegistry>::verifying_key(0),
			Some(MLP_DIGITS8_VK.to_vec())
		);
		assert_eq!(<Models as ModelRegistry>::spec(1), None);
		assert_eq!(<Models as ModelRegistry>::verifying_key(1), None);
		assert_eq!(
			(NextFamilyId::<Test>::get(), NextModelId::<Test>::get()),
			(1, 1)
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn the_largest_key_registers() {
	new_test_ext().execute_with(|| {
		assert_eq!(WIDE60_VK.len(), 914);
		let (d, vk) = fixtures::heaviest::<Test>();
		assert_eq!(vk.len(), 914);
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			fixtures::longest_name::<Test>(),
			d,
			Some(vk)
		));
		let spec = Specs::<Test>::get(0).unwrap();
		assert_eq!((spec.input_len, spec.output_len), (8, 60));
		Models::do_try_state().unwrap();
	});
}

#[test]
fn vanilla_only_models_need_no_key() {
	new_test_ext().execute_with(|| {
		let d = vanilla_only(mlp().0);
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			name("digits"),
			d,
			None
		));
		let spec = Models::spec(0).unwrap();
		assert!(!spec.supports_zk && spec.supports_vanilla);
		assert!(spec.accepts(InferenceMode::Vanilla) && !spec.accepts(InferenceMode::Zk));
		assert_eq!(Models::verifying_key(0), None);
		// No key and no proving key hash: 772 + 32 bytes less than the zk version.
		assert_eq!(held(1), FAMILY_DEPOSIT + VERSION_DEPOSIT - 772 - 32);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn zk_only_models_accept_only_zk() {
	new_test_ext().execute_with(|| {
		let (mut d, vk) = mlp();
		d.supports_vanilla = false;
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			name("digits"),
			d,
			Some(vk)
		));
		let spec = Models::spec(0).unwrap();
		assert!(spec.accepts(InferenceMode::Zk) && !spec.accepts(InferenceMode::Vanilla));
	});
}

#[test]
fn register_model_rejects_inconsistent_modes() {
	new_test_ext().execute_with(|| {
		let (d, vk) = mlp();
		assert_noop!(
			Models::register_model(
				RuntimeOrigin::none(),
				name("x"),
				d.clone(),
				Some(vk.clone())
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Models::register_model(
				RuntimeOrigin::signed(1),
				name(""),
				d.clone(),
				Some(vk.clone())
			),
			Error::<Test>::EmptyName
		);
		let mut none = d.clone();
		none.supports_zk = false;
		none.supports_vanilla = false;
		register_err(none, Some(vk.clone()), Error::<Test>::NoModeSupported);
		register_err(d.clone(), None, Error::<Test>::MissingVerifyingKey);
		register_err(
			vanilla_only(d.clone()),
			Some(vk.clone()),
			Error::<Test>::UnexpectedVerifyingKey,
		);
		let mut no_pk = d.clone();
		no_pk.proving_key_hash = None;
		register_err(
			no_pk,
			Some(vk.clone()),
			Error::<Test>::MissingProvingKeyHash,
		);
		let mut stray_pk = vanilla_only(d.clone());
		stray_pk.proving_key_hash = Some([7; 32]);
		register_err(stray_pk, None, Error::<Test>::UnexpectedProvingKeyHash);
	});
}

#[test]
fn register_model_rejects_bad_shapes_and_scales() {
	new_test_ext().execute_with(|| {
		let base = vanilla_only(mlp().0);
		let with = |f: &dyn Fn(&mut Descriptor)| {
			let mut d = base.clone();
			f(&mut d);
			d
		};
		for bits in [0, 1, 25, 255] {
			register_err(
				with(&|d| d.act_bits = bits),
				None,
				Error::<Test>::InvalidActBits,
			);
		}
		register_err(
			with(&|d| d.inputs[0].frac_bits = 63),
			None,
			Error::<Test>::InvalidFracBits,
		);
		register_err(
			with(&|d| d.outputs[0].frac_bits = 63),
			None,
			Error::<Test>::InvalidFracBits,
		);
		register_err(
			with(&|d| d.inputs.clear()),
			None,
			Error::<Test>::NoInputsOrOutputs,
		);
		register_err(
			with(&|d| d.outputs.clear()),
			None,
			Error::<Test>::NoInputsOrOutputs,
		);
		register_err(
			with(&|d| d.inputs[0].shape = vec![1, 0, 4].try_into().unwrap()),
			None,
			Error::<Test>::EmptyTensor,
		);
		register_err(
			with(&|d| d.outputs[0].shape = vec![65536, 65536].try_into().unwrap()),
			None,
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
			None,
			Error::<Test>::TensorTooLarge,
		);
		register_err(
			with(&|d| d.outputs[0].transform = OutputTransform::Softmax { axis: 2 }),
			None,
			Error::<Test>::InvalidSoftmaxAxis,
		);
		// The edges are accepted: 2 and 24 bits, 62 fraction bits, rank 0 (a
		// scalar), softmax over the last axis.
		for d in [
			with(&|d| d.act_bits = 2),
			with(&|d| d.act_bits = 24),
			with(&|d| d.inputs[0].frac_bits = 62),
			with(&|d| d.inputs[0].shape = Default::default()),
			with(&|d| d.outputs[0].transform = OutputTransform::Softmax { axis: 1 }),
			with(&|d| d.outputs[0].transform = OutputTransform::None),
		] {
			assert_ok!(Models::register_model(
				RuntimeOrigin::signed(1),
				name("edge"),
				d,
				None
			));
		}
		Models::do_try_state().unwrap();
	});
}

#[test]
fn keys_must_match_the_declared_model_and_layout() {
	new_test_ext().execute_with(|| {
		let (d, vk) = mlp();
		// Another model's (valid) key.
		let (mut wide, wide_vk) = fixtures::heaviest::<Test>();
		register_err(
			d.clone(),
			Some(wide_vk.clone()),
			Error::<Test>::VerifyingKeyModelMismatch,
		);
		wide.quantized_hash = d.quantized_hash;
		register_err(
			wide,
			Some(wide_vk),
			Error::<Test>::VerifyingKeyModelMismatch,
		);
		let mut other = d.clone();
		other.quantized_hash[0] ^= 1;
		register_err(
			other,
			Some(vk.clone()),
			Error::<Test>::VerifyingKeyModelMismatch,
		);
		// The right key, other declared sizes or width.
		let mut d2 = d.clone();
		d2.act_bits = 8;
		register_err(
			d2,
			Some(vk.clone()),
			Error::<Test>::VerifyingKeyLayoutMismatch,
		);
		let mut d2 = d.clone();
		d2.inputs[0].shape = vec![1, 63].try_into().unwrap();
		register_err(
			d2,
			Some(vk.clone()),
			Error::<Test>::VerifyingKeyLayoutMismatch,
		);
		let mut d2 = d.clone();
		d2.outputs[0].shape = vec![2, 10].try_into().unwrap();
		register_err(
			d2,
			Some(vk.clone()),
			Error::<Test>::VerifyingKeyLayoutMismatch,
		);
		// The same sizes split differently are the same statement.
		let mut d2 = d.clone();
		d2.inputs = vec![
			InputDescriptor {
				shape: vec![8, 4].try_into().unwrap(),
				frac_bits: 13,
			},
			InputDescriptor {
				shape: vec![32].try_into().unwrap(),
				frac_bits: 13,
			},
		]
		.try_into()
		.unwrap();
		assert_ok!(Models::register_model(
			RuntimeOrigin::signed(1),
			name("split"),
			d2,
			Some(vk)
		));
	});
}

/// Which error flipping the lowest bit of byte `i` of the 770-byte key gives.
fn expected_for_flipped_byte(i: usize) -> Error<Test> {
	match i {
		0..=4 => Error::InvalidVerifyingKey,          // magic, version
		5..=36 => Error::VerifyingKeyModelMismatch,   // model id
		37..=45 => Error::VerifyingKeyLayoutMismatch, // act_bits, input and output length
		382..=385 => Error::InvalidVerifyingKey,      // IC count
		_ => Error::InvalidVerifyingKey,              // a point's x coordinate
	}
}

#[test]
fn every_flipped_byte_of_a_key_is_rejected() {
	new_test_ext().execute_with(|| {
		let (d, _) = mlp();
		for i in 0..MLP_DIGITS8_VK.len() {
			let mut bytes = MLP_DIGITS8_VK.to_vec();
			bytes[i] ^= 1;
			register_err(
				d.clone(),
				Some(bytes.try_into().unwrap()),
				expected_for_flipped_byte(i),
			);
		}
	});
}

#[test]
fn truncated_extended_and_garbage_keys_are_rejected() {
	new_test_ext().execute_with(|| {
		let (d, _) = mlp();
		for len in [0, 1, 45, 46, 385, 386, 700, 722, 769] {
			let key = MLP_DIGITS8_VK[..len].to_vec();
			register_err(
				d.clone(),
				Some(key.try_into().unwrap()),
				Error::<Test>::InvalidVerifyingKey,
			);
		}
		let mut longer = MLP_DIGITS8_VK.to_vec();
		longer.extend_from_slice(&MLP_DIGITS8_VK[722..770]); // a valid point too many
		register_err(
			d.clone(),
			Some(longer.try_into().unwrap()),
			Error::<Test>::InvalidVerifyingKey,
		);
		register_err(
			d.clone(),
			Some(vec![0u8; 770].try_into().unwrap()),
			Error::<Test>::InvalidVerifyingKey,
		);
		register_err(
			d,
			Some(vec![0xffu8; 914].try_into().unwrap()),
			Error::<Test>::InvalidVerifyingKey,
		);
	});
}

/// Points arkworks encodes but the registry must refuse, put in place of α (G1,
/// at byte 46), the first IC point (at byte 386) and the last (at byte 722).
#[test]
fn off_curve_off_subgroup_and_identity_points_are_rejected() {
	use ark_bls12_381::{Fq, G1Affine};
	use ark_ec::AffineRepr;
	use ark_ff::{BigInteger, Field, PrimeField};
	use ark_serialize::CanonicalSerialize;

	let compressed = |x: Fq| {
		let mut b = x.into_bigint().to_bytes_be();
		b[0] |= 0x80;
		b
	};
	let mut x = Fq::from(1u64);
	let off_curve = loop {
		if (x * x * x + Fq::from(4u64)).sqrt().is_none() {
			break compressed(x);
		}
		x += Fq::from(1u64);
	};
	let mut x = Fq::from(1u64);
	let off_subgroup = loop {
		if let Some(y) = (x * x * x + Fq::from(4u64)).sqrt() {
			let p = G1Affine::new_unchecked(x, y);
			if !p.is_in_correct_subgroup_assuming_on_curve() {
				let mut b = Vec::new();
				p.serialize_compressed(&mut b).unwrap();
				break b;
			}
		}
		x += Fq::from(1u64);
	};
	let mut identity = Vec::new();
	G1Affine::zero()
		.serialize_compressed(&mut identity)
		.unwrap();
	assert_eq!(
		(off_curve.len(), off_subgroup.len(), identity.len()),
		(48, 48, 48)
	);

	new_test_ext().execute_with(|| {
		let (d, _) = mlp();
		for point in [&off_curve, &off_subgroup, &identity] {
			for at in [46, 386, 722] {
				let mut bytes = MLP_DIGITS8_VK.to_vec();
				bytes[at..at + 48].copy_from_slice(point);
				register_err(
					d.clone(),
					Some(bytes.try_into().unwrap()),
					Error::<Test>::InvalidVerifyingKey,
				);
			}
		}
	});
}

#[test]
fn register_model_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		let (d, vk) = mlp();
		assert_noop!(
			Models::register_model(RuntimeOrigin::signed(4), name("digits"), d, Some(vk)),
			TokenError::FundsUnavailable
		);
		assert_noop!(
			Models::register_model(
				RuntimeOrigin::signed(99),
				name("digits"),
				mlp().0,
				Some(mlp().1)
			),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn oversized_arguments_do_not_decode() {
	new_test_ext().execute_with(|| {
		let (d, vk) = mlp();
		let call = |name: Vec<u8>, key: Vec<u8>| {
			let mut bytes = vec![2u8, 0u8]; // Models, register_model
			bytes.extend(name.encode());
			bytes.extend(d.encode());
			bytes.extend(Some(key).encode());
			RuntimeCall::decode(&mut &bytes[..])
		};
		assert!(call(vec![b'n'; 32], vk.to_vec()).is_ok());
		assert!(call(vec![b'n'; 33], vk.to_vec()).is_err());
		assert!(call(vec![b'n'; 32], vec![0; 914]).is_ok());
		assert!(call(vec![b'n'; 32], vec![0; 915]).is_err());
		// A shape of rank 7 > MaxShapeRank.
		let mut bytes = vec![2u8, 0u8];
		bytes.extend(b"n".to_vec().encode());
		let mut raw = d.encode();
		let shape_at = 1 + 5 + 32 + 32 + 1 + 32 + 1 + 1; // label, hashes, pk, act_bits, inputs len
		assert_eq!(raw[shape_at], 2 << 2); // rank 2
		raw[shape_at] = 7 << 2;
		raw.splice(shape_at + 1..shape_at + 1, [0u8; 20]);
		bytes.extend(raw);
		bytes.extend(None::<Vec<u8>>.encode());
		assert!(RuntimeCall::decode(&mut &bytes[..]).is_err());
	});
}

#[test]
fn new_version_adds_a_linked_version() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let (mut d, vk) = mlp();
		d.version = b"1.1.0".to_vec().try_into().unwrap();
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			family,
			d.clone(),
			Some(vk)
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
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			family,
			vanilla_only(d),
			None
		));
		assert_eq!(Models::verifying_key(second + 1), None);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn new_version_errors() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		let (d, vk) = mlp();
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), 7, d.clone(), Some(vk.clone())),
			Error::<Test>::UnknownFamily
		);
		assert_noop!(
			Models::new_version(
				RuntimeOrigin::signed(2),
				family,
				d.clone(),
				Some(vk.clone())
			),
			Error::<Test>::NotOwner
		);
		let mut bad = MLP_DIGITS8_VK.to_vec();
		bad[500] ^= 1;
		assert_noop!(
			Models::new_version(
				RuntimeOrigin::signed(1),
				family,
				d.clone(),
				Some(bad.try_into().unwrap())
			),
			Error::<Test>::InvalidVerifyingKey
		);
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, d.clone(), None),
			Error::<Test>::MissingVerifyingKey
		);
		// MaxVersions = 3.
		for _ in 0..2 {
			assert_ok!(Models::new_version(
				RuntimeOrigin::signed(1),
				family,
				d.clone(),
				Some(vk.clone())
			));
		}
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, d, Some(vk)),
			Error::<Test>::TooManyVersions
		);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn new_version_needs_the_deposit() {
	new_test_ext().execute_with(|| {
		let (family, _) = register(1);
		let free = Balances::balance(&1);
		// Leave the owner 1 short of the version deposit.
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(1),
			2,
			free - VERSION_DEPOSIT + 1
		));
		let (d, vk) = mlp();
		assert_noop!(
			Models::new_version(RuntimeOrigin::signed(1), family, d, Some(vk)),
			TokenError::FundsUnavailable
		);
	});
}

#[test]
fn deprecate_stops_new_requests_only_for_that_version() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let (d, vk) = mlp();
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			family,
			d,
			Some(vk)
		));
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
		assert!(Models::verifying_key(first).is_some());
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

#[test]
fn transfer_moves_the_family_and_its_deposit() {
	new_test_ext().execute_with(|| {
		let (family, first) = register(1);
		let (d, vk) = mlp();
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			family,
			d.clone(),
			Some(vk.clone())
		));
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
			Models::new_version(
				RuntimeOrigin::signed(1),
				family,
				d.clone(),
				Some(vk.clone())
			),
			Error::<Test>::NotOwner
		);
		assert_ok!(Models::deprecate(RuntimeOrigin::signed(2), first));
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(2),
			family,
			d,
			Some(vk)
		));
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
		let (d, vk) = mlp();
		assert_ok!(Models::new_version(
			RuntimeOrigin::signed(1),
			f0,
			d,
			Some(vk)
		));
		let (f2, m3) = register(1);
		assert_eq!((f0, f1, f2), (0, 1, 2));
		assert_eq!((m0, m1, m3), (0, 1, 3));
		assert_eq!(ModelDetails::<Test>::get(2).unwrap().family, f0);
		assert_eq!(VerifyingKeys::<Test>::iter_keys().count(), 4);
		Models::do_try_state().unwrap();
	});
}

#[test]
fn try_state_catches_broken_invariants() {
	let broken: [fn(); 5] = [
		|| Families::<Test>::mutate(0, |f| f.as_mut().unwrap().deposit += 1),
		|| Families::<Test>::mutate(0, |f| f.as_mut().unwrap().versions.clear()),
		|| ModelDetails::<Test>::mutate(0, |m| m.as_mut().unwrap().family = 5),
		|| VerifyingKeys::<Test>::remove(0),
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
