//! Tests against the real registry and inference pallet, with the example
//! digit classifier `mlp_digits8` run by the precompile's host code. The class
//! each test input should get is computed independently, with the fixed-point
//! engine itself.

use crate::{classify, mock::*, Error, Event, Gate, GateRule, Members, WeightInfo};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	BoundedVec,
};
use pallet_inference::InferenceProvider;
use pallet_models::ModelId;
use sp_runtime::{DispatchError, DispatchErrorWithPostInfo};
use verity_inference::{quant::arith::quantize_value, QuantizedModel};

/// The test digits (8×8 pixels, 0..=16) of `models/data/digits_test.json`.
fn test_digits() -> Vec<Vec<u8>> {
	let path = concat!(
		env!("CARGO_MANIFEST_DIR"),
		"/../../models/data/digits_test.json"
	);
	let json: serde_json::Value =
		serde_json::from_slice(&std::fs::read(path).expect("reading the test digits"))
			.expect("the test digits are JSON");
	serde_json::from_value(json["pixels8"].clone()).expect("pixels8: rows of bytes")
}

/// The model's fixed-point input for a digit: `pixel / 16` at the input's scale.
fn quantize(model: &QuantizedModel, pixels: &[u8]) -> Vec<i32> {
	let spec = &model.tensors[model.inputs[0].tensor];
	pixels
		.iter()
		.map(|&p| quantize_value(f64::from(p) / 16.0, spec.frac_bits, model.act_bits) as i32)
		.collect()
}

/// The class the engine itself gives `input`: argmax of the logits, the first
/// one on a tie.
fn engine_class(model: &QuantizedModel, input: &[i32]) -> u32 {
	let outputs = model.run(&model.input_tensors(input).unwrap()).unwrap();
	let logits = &outputs[0].data;
	let max = *logits.iter().max().unwrap();
	logits.iter().position(|&v| v == max).unwrap() as u32
}

/// A fixed-point input and the class the engine gives it.
type Sample = (Vec<i32>, u32);

/// The first test digit's input and class, and the first later digit's input
/// of another class.
fn two_classes(model: &QuantizedModel) -> (Sample, Sample) {
	let mut inputs = test_digits().into_iter().map(|pixels| {
		let input = quantize(model, &pixels);
		let class = engine_class(model, &input);
		(input, class)
	});
	let first = inputs.next().unwrap();
	let other = inputs.find(|(_, class)| *class != first.1).unwrap();
	(first, other)
}

fn bounded(
	input: &[i32],
) -> BoundedVec<i32, frame_support::traits::ConstU32<{ crate::MAX_INPUT_LEN }>> {
	BoundedVec::try_from(input.to_vec()).unwrap()
}

/// The mlp_digits8 model enabled for sync use, a gate accepting the first test
/// digit's class, and the inputs of that class and of another.
fn gated() -> (ModelId, Sample, Sample) {
	let (model_id, model) = sync_model(DIGITS8);
	let (accepted, other) = two_classes(&model);
	assert_ok!(ModelGate::set_gate(
		RuntimeOrigin::root(),
		model_id,
		accepted.1
	));
	(model_id, accepted, other)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// The error of a failed call, with the weight it reports as used.
fn apply_err(who: u8, input: &[i32]) -> DispatchErrorWithPostInfo<PostDispatchInfo> {
	ModelGate::apply(RuntimeOrigin::signed(account(who)), bounded(input)).unwrap_err()
}

#[test]
fn classify_picks_the_first_largest_value() {
	assert_eq!(classify(&[1, 3, -2, 3, 2]), Some(1));
	assert_eq!(classify(&[-7, -5, -6]), Some(1));
	assert_eq!(classify(&[4]), Some(0));
	assert_eq!(classify(&[i32::MIN, i32::MIN]), Some(0));
	assert_eq!(classify(&[]), None);
}

#[test]
fn the_test_digits_give_at_least_two_classes() {
	let model = example_model(DIGITS8);
	let ((input, class), (other_input, other)) = two_classes(&model);
	assert_eq!(input.len(), 64);
	assert_eq!(other_input.len(), 64);
	assert_ne!(class, other);
	assert!(class < 10 && other < 10);
}

#[test]
fn set_gate_needs_the_gate_origin() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ModelGate::set_gate(RuntimeOrigin::signed(account(1)), 0, 3),
			DispatchError::BadOrigin
		);
		assert_ok!(ModelGate::set_gate(RuntimeOrigin::root(), 5, 3));
		assert_eq!(
			Gate::<Test>::get(),
			Some(GateRule {
				model_id: 5,
				accept_class: 3
			})
		);
		assert_eq!(
			last_event(),
			RuntimeEvent::ModelGate(Event::GateSet {
				model_id: 5,
				accept_class: 3
			})
		);
	});
}

#[test]
fn an_input_of_the_accepted_class_is_admitted() {
	new_test_ext().execute_with(|| {
		let (model_id, (input, class), _) = gated();
		// The precompile computes exactly what the engine computes.
		let model = example_model(DIGITS8);
		let expected: Vec<i32> = model.run(&model.input_tensors(&input).unwrap()).unwrap()[0]
			.data
			.iter()
			.map(|&v| v as i32)
			.collect();
		assert_eq!(
			<Inference as InferenceProvider>::infer(model_id, &input),
			Ok(expected)
		);

		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(1)),
			bounded(&input)
		));
		assert_eq!(
			last_event(),
			RuntimeEvent::ModelGate(Event::Admitted {
				who: account(1),
				class
			})
		);
		assert!(ModelGate::is_member(&account(1)));
		assert_eq!(Members::<Test>::get().into_inner(), vec![account(1)]);
	});
}

#[test]
fn an_input_of_another_class_is_refused_and_the_call_succeeds() {
	new_test_ext().execute_with(|| {
		let (_, (_, accepted), (input, class)) = gated();
		assert_ne!(class, accepted);
		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(2)),
			bounded(&input)
		));
		assert_eq!(
			last_event(),
			RuntimeEvent::ModelGate(Event::Refused {
				who: account(2),
				class
			})
		);
		assert!(!ModelGate::is_member(&account(2)));
		assert!(Members::<Test>::get().is_empty());
	});
}

#[test]
fn members_stay_sorted() {
	new_test_ext().execute_with(|| {
		let (_, (input, _), _) = gated();
		for who in [9, 3, 7, 1] {
			assert_ok!(ModelGate::apply(
				RuntimeOrigin::signed(account(who)),
				bounded(&input)
			));
		}
		assert_eq!(
			Members::<Test>::get().into_inner(),
			vec![account(1), account(3), account(7), account(9)]
		);
	});
}

#[test]
fn apply_without_a_gate_fails_with_no_gate() {
	new_test_ext().execute_with(|| {
		sync_model(DIGITS8);
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(1)), bounded(&[0; 64])),
			Error::<Test>::NoGate
		);
		// Without a gate the call weighs only the pallet's own part.
		let call = crate::Call::<Test>::apply {
			input: bounded(&[0; 64]),
		};
		assert_eq!(
			call.get_dispatch_info().call_weight,
			<() as WeightInfo>::apply()
		);
	});
}

#[test]
fn a_model_not_enabled_for_sync_use_fails_with_the_providers_error() {
	new_test_ext().execute_with(|| {
		let model = example_model(DIGITS8);
		let model_id = register(&account(0x42), DIGITS8, &model);
		assert_ok!(ModelGate::set_gate(RuntimeOrigin::root(), model_id, 0));
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(1)), bounded(&[0; 64])),
			pallet_inference::Error::<Test>::NotSyncEnabled
		);
		// Once enabled it runs; disabled again, it is refused the same way.
		assert_ok!(Inference::set_sync_model(
			RuntimeOrigin::root(),
			model_id,
			true
		));
		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(1)),
			bounded(&[0; 64])
		));
		assert_ok!(Inference::set_sync_model(
			RuntimeOrigin::root(),
			model_id,
			false
		));
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(2)), bounded(&[0; 64])),
			pallet_inference::Error::<Test>::NotSyncEnabled
		);
	});
}

#[test]
fn an_input_the_model_does_not_take_fails_with_the_providers_error() {
	new_test_ext().execute_with(|| {
		let (_, (input, _), _) = gated();
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(1)), bounded(&input[..63])),
			pallet_inference::Error::<Test>::WrongInputLength
		);
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(1)), bounded(&[0; 65])),
			pallet_inference::Error::<Test>::WrongInputLength
		);
		// mlp_digits8 has 16-bit activations.
		let mut out_of_range = input.clone();
		out_of_range[3] = 1 << 15;
		assert_noop!(
			ModelGate::apply(RuntimeOrigin::signed(account(1)), bounded(&out_of_range)),
			pallet_inference::Error::<Test>::InputOutOfRange
		);
		assert!(Members::<Test>::get().is_empty());
	});
}

#[test]
fn a_member_cannot_apply_again() {
	new_test_ext().execute_with(|| {
		let (model_id, (input, _), _) = gated();
		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(1)),
			bounded(&input)
		));
		let err = apply_err(1, &input);
		assert_eq!(err.error, Error::<Test>::AlreadyMember.into());
		// Refused before running the model: the inference weight is refunded.
		assert_eq!(
			err.post_info.actual_weight,
			Some(<() as WeightInfo>::apply())
		);
		assert!(<Inference as InferenceProvider>::infer_weight(model_id).ref_time() > 0);
	});
}

#[test]
fn a_full_member_list_refuses_with_too_many_members() {
	new_test_ext().execute_with(|| {
		let (_, (input, _), (other, _)) = gated();
		for who in 1..=MAX_MEMBERS as u8 {
			assert_ok!(ModelGate::apply(
				RuntimeOrigin::signed(account(who)),
				bounded(&input)
			));
		}
		assert_eq!(Members::<Test>::decode_len(), Some(MAX_MEMBERS as usize));
		let newcomer = MAX_MEMBERS as u8 + 1;
		let err = apply_err(newcomer, &input);
		assert_eq!(err.error, Error::<Test>::TooManyMembers.into());
		assert_eq!(
			err.post_info.actual_weight,
			Some(<() as WeightInfo>::apply())
		);
		// The list is closed to every input while full.
		assert_eq!(
			apply_err(newcomer, &other).error,
			Error::<Test>::TooManyMembers.into()
		);
		assert!(!ModelGate::is_member(&account(newcomer)));

		// A member leaving makes room.
		assert_ok!(ModelGate::leave(RuntimeOrigin::signed(account(2))));
		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(newcomer)),
			bounded(&input)
		));
		assert!(ModelGate::is_member(&account(newcomer)));
	});
}

#[test]
fn leave_removes_the_caller() {
	new_test_ext().execute_with(|| {
		let (_, (input, _), _) = gated();
		assert_noop!(
			ModelGate::leave(RuntimeOrigin::signed(account(1))),
			Error::<Test>::NotMember
		);
		for who in [1, 2, 3] {
			assert_ok!(ModelGate::apply(
				RuntimeOrigin::signed(account(who)),
				bounded(&input)
			));
		}
		assert_ok!(ModelGate::leave(RuntimeOrigin::signed(account(2))));
		assert_eq!(
			last_event(),
			RuntimeEvent::ModelGate(Event::Left { who: account(2) })
		);
		assert_eq!(
			Members::<Test>::get().into_inner(),
			vec![account(1), account(3)]
		);
		assert_noop!(
			ModelGate::leave(RuntimeOrigin::signed(account(2))),
			Error::<Test>::NotMember
		);
		// A former member may apply again.
		assert_ok!(ModelGate::apply(
			RuntimeOrigin::signed(account(2)),
			bounded(&input)
		));
		assert!(ModelGate::is_member(&account(2)));
	});
}

#[test]
fn the_weight_of_apply_grows_with_the_gate_models_work() {
	new_test_ext().execute_with(|| {
		let (small, small_model) = sync_model(DIGITS8);
		let (large, large_model) = sync_model(DIGITS28);
		assert!(small_model.work() < large_model.work());
		assert_eq!(
			pallet_inference::SyncModels::<Test>::get(small),
			Some(small_model.work())
		);
		assert_eq!(
			pallet_inference::SyncModels::<Test>::get(large),
			Some(large_model.work())
		);

		let infer_small = <Inference as InferenceProvider>::infer_weight(small);
		let infer_large = <Inference as InferenceProvider>::infer_weight(large);
		assert!(infer_small.ref_time() < infer_large.ref_time());

		let weight_with_gate = |model_id| {
			assert_ok!(ModelGate::set_gate(RuntimeOrigin::root(), model_id, 0));
			crate::Call::<Test>::apply {
				input: bounded(&[0; 64]),
			}
			.get_dispatch_info()
			.call_weight
		};
		let apply = <() as WeightInfo>::apply();
		assert_eq!(weight_with_gate(small), apply + infer_small);
		assert_eq!(weight_with_gate(large), apply + infer_large);
		assert!(weight_with_gate(small).ref_time() < weight_with_gate(large).ref_time());
	});
}
