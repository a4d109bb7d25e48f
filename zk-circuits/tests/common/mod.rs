//! Shared test helpers: example models, seeded randomness, satisfiability.
#![allow(dead_code)]

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use verity_inference::{IntTensor, QuantizedModel, Trace};
use verity_zk::circuit::{layout, ModelCircuit};
use verity_zk::r1cs::MatrixBackend;
use verity_zk::{Binding, Fr};

pub fn rng(seed: u64) -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(seed)
}

pub fn example(name: &str) -> QuantizedModel {
	let path = format!("{}/../models/{name}.qmodel", env!("CARGO_MANIFEST_DIR"));
	QuantizedModel::from_bytes(&std::fs::read(path).expect("example model")).expect("valid model")
}

/// Random integer inputs over the whole signed act_bits range (and, half the
/// time, small values as real data has).
pub fn random_inputs(model: &QuantizedModel, rng: &mut impl Rng) -> Vec<IntTensor> {
	let half = 1i64 << (model.act_bits - 1);
	let small = rng.gen_bool(0.5);
	model
		.inputs
		.iter()
		.map(|i| {
			let shape = model.tensors[i.tensor].shape.clone();
			let n = shape.iter().product();
			let data = (0..n)
				.map(|_| {
					if small {
						rng.gen_range(-half / 8..half / 8)
					} else {
						rng.gen_range(-half..half)
					}
				})
				.collect();
			IntTensor { shape, data }
		})
		.collect()
}

pub fn binding(request_id: u64, seed: u8) -> Binding {
	Binding {
		request_id,
		executor: [seed; 32],
	}
}

/// Public inputs of the run of `model` on `inputs` recorded in `trace`.
pub fn public_inputs(
	model: &QuantizedModel,
	inputs: &[IntTensor],
	trace: &Trace,
	b: &Binding,
) -> Vec<Fr> {
	let outputs: Vec<IntTensor> = trace.outputs(model).into_iter().cloned().collect();
	let st = verity_zk::statement(model, inputs, &outputs, b);
	layout(model).unwrap().public_inputs(&st).unwrap()
}

/// Builds the R1CS and witness from `trace`; `Ok(None)` if satisfied,
/// `Ok(Some(row))` for the first violated constraint, `Err` if no witness
/// could even be built.
pub fn check(
	model: &QuantizedModel,
	trace: &Trace,
	publics: Vec<Fr>,
) -> Result<Option<usize>, verity_zk::Error> {
	let circuit = ModelCircuit {
		model,
		trace: std::borrow::Cow::Borrowed(trace),
		public_inputs: publics,
	};
	let mut m = MatrixBackend::new();
	circuit.synthesize(&mut m)?;
	Ok(m.first_unsatisfied())
}
