//! The engine's trace always satisfies the constraint system; a trace with any
//! intermediate value altered never does.

mod common;

use ark_relations::gr1cs::{ConstraintSynthesizer, ConstraintSystem};
use common::*;
use rand::Rng;
use verity_zk::circuit::ModelCircuit;

#[test]
fn engine_traces_satisfy_the_circuit() {
	let mut r = rng(2);
	for (name, runs) in [("mlp_digits8", 20), ("mlp_digits28", 4), ("lenet5", 1)] {
		let model = example(name);
		for _ in 0..runs {
			let inputs = random_inputs(&model, &mut r);
			let trace = model.run_traced(&inputs).unwrap();
			let b = binding(r.gen(), r.gen());
			let publics = public_inputs(&model, &inputs, &trace, &b);
			assert_eq!(check(&model, &trace, publics), Ok(None), "{name}");
		}
	}
}

#[test]
fn arkworks_agrees_the_trace_satisfies() {
	// An independent check: arkworks' own constraint system and evaluator.
	let model = example("mlp_digits8");
	let mut r = rng(3);
	let inputs = random_inputs(&model, &mut r);
	let trace = model.run_traced(&inputs).unwrap();
	let publics = public_inputs(&model, &inputs, &trace, &binding(1, 2));
	let cs = ConstraintSystem::new_ref();
	let circuit = ModelCircuit {
		model: &model,
		trace: std::borrow::Cow::Borrowed(&trace),
		public_inputs: publics.clone(),
	};
	circuit.generate_constraints(cs.clone()).unwrap();
	cs.finalize();
	assert!(cs.is_satisfied().unwrap());

	// Twin: a wrong public input (another output) is not satisfied.
	let mut wrong = publics;
	*wrong.last_mut().unwrap() += verity_zk::Fr::from(1u64);
	let cs = ConstraintSystem::new_ref();
	let circuit = ModelCircuit {
		model: &model,
		trace: std::borrow::Cow::Borrowed(&trace),
		public_inputs: wrong,
	};
	circuit.generate_constraints(cs.clone()).unwrap();
	cs.finalize();
	assert!(!cs.is_satisfied().unwrap());
}

/// Every value of every computed tensor, changed by +1, −1 and a random amount.
#[test]
fn altered_traces_never_satisfy() {
	let model = example("mlp_digits8");
	let mut r = rng(4);
	let inputs = random_inputs(&model, &mut r);
	let trace = model.run_traced(&inputs).unwrap();
	let publics = public_inputs(&model, &inputs, &trace, &binding(5, 5));
	assert_eq!(check(&model, &trace, publics.clone()), Ok(None));
	let mut caught_by_constraints = 0;
	let mut tried = 0;
	for t in model.inputs.len()..model.tensors.len() {
		for i in 0..trace.tensors[t].data.len() {
			for delta in [1i64, -1, r.gen_range(2..1000)] {
				let mut altered = trace.clone();
				altered.tensors[t].data[i] += delta;
				tried += 1;
				match check(&model, &altered, publics.clone()) {
					Ok(None) => panic!("tensor {t}[{i}] + {delta} still satisfies"),
					Ok(Some(_)) => caught_by_constraints += 1,
					Err(_) => {}
				}
			}
		}
	}
	// Only values pushed outside the b-bit range (never engine values) are
	// refused before the constraints see them.
	assert!(
		caught_by_constraints * 10 >= tried * 9,
		"{caught_by_constraints} of {tried}"
	);
}

#[test]
fn altered_traces_never_satisfy_lenet_sample() {
	let model = example("lenet5");
	let mut r = rng(6);
	let inputs = random_inputs(&model, &mut r);
	let trace = model.run_traced(&inputs).unwrap();
	let publics = public_inputs(&model, &inputs, &trace, &binding(5, 5));
	for t in model.inputs.len()..model.tensors.len() {
		let n = trace.tensors[t].data.len();
		{
			let i = r.gen_range(0..n);
			let mut altered = trace.clone();
			altered.tensors[t].data[i] += if r.gen_bool(0.5) { 1 } else { -1 };
			assert!(
				!matches!(check(&model, &altered, publics.clone()), Ok(None)),
				"lenet tensor {t}[{i}]"
			);
		}
	}
}
