//! Every op the compiler supports, on small models built in `common`: the
//! engine's trace satisfies the circuit for random inputs, altered traces do
//! not, and a model with a large (committed) output proves and verifies end to
//! end.

mod common;

use common::*;
use rand::Rng;
use verity_inference::{QOp, QuantizedModel};

fn check_model(model: &QuantizedModel, r: &mut impl Rng, runs: usize) {
	for _ in 0..runs {
		let inputs = random_inputs(model, r);
		let trace = model.run_traced(&inputs).unwrap();
		let publics = public_inputs(model, &inputs, &trace, &binding(1, 1));
		assert_eq!(check(model, &trace, publics.clone()), Ok(None));
		for t in model.inputs.len()..model.tensors.len() {
			if matches!(model.ops[t - model.inputs.len()].op, QOp::Constant { .. }) {
				continue;
			}
			let i = r.gen_range(0..trace.tensors[t].data.len());
			for delta in [1, -1] {
				let mut altered = trace.clone();
				altered.tensors[t].data[i] += delta;
				assert!(
					!matches!(check(model, &altered, publics.clone()), Ok(None)),
					"tensor {t}[{i}] {delta:+}"
				);
			}
		}
	}
}

#[test]
fn convolutions_and_pools() {
	let mut r = rng(30);
	let model = conv_model(&mut r);
	check_model(&model, &mut r, 30);
}

#[test]
fn elementwise_ops_and_moves() {
	let mut r = rng(31);
	let model = elementwise_model(&mut r);
	check_model(&model, &mut r, 60);
}

#[test]
fn matmul() {
	let mut r = rng(32);
	let model = matmul_model(&mut r);
	check_model(&model, &mut r, 30);
}

#[test]
fn committed_output_end_to_end() {
	let mut r = rng(33);
	let model = wide_model(&mut r);
	let layout = verity_zk::circuit::layout(&model).unwrap();
	assert!(layout.output_committed());
	check_model(&model, &mut r, 5);
	let (pk, vk) = verity_zk::setup(&model, &mut r).unwrap();
	let inputs = random_inputs(&model, &mut r);
	let b = binding(3, 4);
	let (outputs, proof) = verity_zk::prove(&pk, &model, &inputs, &b).unwrap();
	let st = verity_zk::statement(&model, &inputs, &outputs, &b);
	assert_eq!(verity_zk::verify(&vk, &st, &proof), Ok(()));
	let mut bad = st.clone();
	bad.output[69] -= 1;
	assert_eq!(
		verity_zk::verify(&vk, &bad, &proof),
		Err(verity_zk::Error::InvalidProof)
	);
}
