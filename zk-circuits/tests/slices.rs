//! Sliced proofs: a model split at op boundaries is proved slice by slice,
//! each slice under its own key and by its own executor; the proofs verify
//! from the boundary commitments alone and the commitments chain from the
//! request's input to the output. Wrong boundary commitments and broken
//! chains are rejected.

mod common;

use common::{binding, example, random_inputs, rng};
use verity_inference::{IntTensor, QuantizedModel};
use verity_zk::circuit::layout;
use verity_zk::slicing::{balanced_cuts, first_broken_link};
use verity_zk::statement::TensorPart;
use verity_zk::{
	prove, setup, statement, verify, verify_prepared_parts, verify_public_inputs, Binding,
	Bls12_381, Fr, Proof, ProvingKey, VerifyingKey,
};

fn flat(tensors: &[IntTensor]) -> Vec<i64> {
	tensors
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect()
}

/// One slice's keys, proof and boundary data.
struct Proved {
	pk: ProvingKey,
	vk: VerifyingKey<Bls12_381>,
	binding: Binding,
	input: Vec<i64>,
	output: Vec<IntTensor>,
	proof: Proof<Bls12_381>,
}

/// Sets up and proves each slice on its predecessor's output, each for its
/// own executor (seed `i + 1`) of request 9.
fn prove_slices(slices: &[QuantizedModel], input: &[IntTensor]) -> Vec<Proved> {
	let mut tensors = input.to_vec();
	let mut proved = Vec::new();
	for (i, slice) in slices.iter().enumerate() {
		let (pk, vk) = setup(slice, &mut rng(100 + i as u64)).expect("setup");
		let b = binding(9, i as u8 + 1);
		let (output, proof) = prove(&pk, slice, &tensors, &b).expect("prove");
		proved.push(Proved {
			pk,
			vk,
			binding: b,
			input: flat(&tensors),
			output: output.clone(),
			proof,
		});
		tensors = output;
	}
	proved
}

/// The public inputs a chain builds for slice `p`: only commitments, except
/// the last slice's output values.
fn chain_inputs(p: &Proved, c_in: Fr, c_out: Option<Fr>) -> verity_zk::Result<Vec<Fr>> {
	let output = flat(&p.output);
	p.vk.layout.public_inputs_of(
		&p.vk.model_id,
		&p.binding,
		TensorPart::Committed(c_in),
		match c_out {
			Some(c) => TensorPart::Committed(c),
			None => TensorPart::Values(&output),
		},
	)
}

#[test]
fn sliced_proofs_verify_from_commitments_and_chain_to_the_whole_models_output() {
	let model = example("mlp_digits8");
	// fc0, relu0 (fused into fc0's requantize), fc1: the one place to cut
	// is after the ReLU.
	let cuts = balanced_cuts(&model, 2).expect("cuts");
	assert_eq!(cuts, vec![2]);
	assert!(balanced_cuts(&model, 3).is_err());
	let slices = model.slices(&cuts).expect("slices");
	let input = random_inputs(&model, &mut rng(3));
	let proved = prove_slices(&slices, &input);
	assert_eq!(
		proved.last().map(|p| &p.output),
		Some(&model.run(&input).expect("run")),
		"the last slice's output is the whole model's"
	);

	let request_input = layout(&model)
		.unwrap()
		.input_commitment(&flat(&input))
		.unwrap();
	let mut links = Vec::new();
	for (i, (p, slice)) in proved.iter().zip(&slices).enumerate() {
		let last = i + 1 == slices.len();
		assert_eq!(p.vk.layout.boundary_output, !last, "slice {i}");
		// The flag survives the key's bytes.
		let vk_back = VerifyingKey::<Bls12_381>::from_bytes(&p.vk.to_bytes()).unwrap();
		assert_eq!(vk_back.layout, p.vk.layout);
		assert_eq!(
			verity_zk::ProvingKey::from_bytes(&p.pk.to_bytes())
				.unwrap()
				.layout,
			p.pk.layout
		);
		// A verifier with the values accepts it ...
		let st = statement(slice, &slices_input(p, slice), &p.output, &p.binding);
		verify(&p.vk, &st, &p.proof).expect("slice proof verifies");
		// ... and so does one with the boundary commitments alone.
		let c_in = p.vk.layout.input_commitment(&p.input).unwrap();
		let c_out = (!last).then(|| p.vk.layout.output_commitment(&flat(&p.output)).unwrap());
		verify_public_inputs(&p.vk, &chain_inputs(p, c_in, c_out).unwrap(), &p.proof)
			.expect("verifies from commitments");
		// So does the prepared key a chain keeps, and it refuses another
		// request's binding or a wrong input commitment.
		let pvk = p.vk.prepare();
		let values = flat(&p.output);
		let leaving = || match c_out {
			Some(c) => TensorPart::Committed(c),
			None => TensorPart::Values(&values),
		};
		let parts = |binding: &Binding, c_in: Fr| {
			verify_prepared_parts(
				&pvk,
				&p.vk.model_id,
				binding,
				TensorPart::Committed(c_in),
				leaving(),
				&p.proof,
			)
		};
		parts(&p.binding, c_in).expect("the prepared key verifies from commitments");
		assert!(parts(&p.binding, c_in + Fr::from(1u64)).is_err());
		let other = Binding {
			request_id: p.binding.request_id + 1,
			..p.binding
		};
		assert!(parts(&other, c_in).is_err());
		// A wrong boundary commitment on either side is rejected.
		let wrong = |c: Fr| c + Fr::from(1u64);
		assert!(
			verify_public_inputs(
				&p.vk,
				&chain_inputs(p, wrong(c_in), c_out).unwrap(),
				&p.proof
			)
			.is_err(),
			"slice {i}: wrong input commitment accepted"
		);
		if let Some(c_out) = c_out {
			assert!(
				verify_public_inputs(
					&p.vk,
					&chain_inputs(p, c_in, Some(wrong(c_out))).unwrap(),
					&p.proof
				)
				.is_err(),
				"slice {i}: wrong output commitment accepted"
			);
			// The output commitment is the next slice's input commitment
			// (same values, same domain) ...
			let next = &proved[i + 1];
			assert_eq!(next.vk.layout.input_commitment(&next.input).unwrap(), c_out);
			// ... and not the commitment a whole model would publish.
			let mut as_whole = p.vk.layout;
			as_whole.boundary_output = false;
			if as_whole.output_committed() {
				assert_ne!(as_whole.output_commitment(&flat(&p.output)).unwrap(), c_out);
			}
		} else {
			// The last slice's output is public as values: a commitment is refused.
			assert!(chain_inputs(p, c_in, Some(c_in)).is_err());
		}
		// Bound to its executor: another account cannot claim it.
		let mut other = p.binding;
		other.executor[0] ^= 1;
		let output = flat(&p.output);
		let publics =
			p.vk.layout
				.public_inputs_of(
					&p.vk.model_id,
					&other,
					TensorPart::Committed(c_in),
					match c_out {
						Some(c) => TensorPart::Committed(c),
						None => TensorPart::Values(&output),
					},
				)
				.unwrap();
		assert!(verify_public_inputs(&p.vk, &publics, &p.proof).is_err());
		links.push((c_in, c_out.unwrap_or_default()));
	}
	assert_eq!(
		links[0].0, request_input,
		"slice 0 takes the request's input"
	);
	assert_eq!(first_broken_link(request_input, &links), None);
}

/// The input tensors slice `p` was proved on, reshaped from its flat values.
fn slices_input(p: &Proved, slice: &QuantizedModel) -> Vec<IntTensor> {
	slice
		.input_tensors(&p.input.iter().map(|&v| v as i32).collect::<Vec<_>>())
		.unwrap()
}

#[test]
fn a_slice_proved_on_another_boundary_verifies_alone_but_breaks_the_chain() {
	let model = example("mlp_digits8");
	let slices = model.slices(&[2]).expect("slices");
	let input = random_inputs(&model, &mut rng(4));
	let honest = prove_slices(&slices, &input);
	// The second executor makes up its input (here: the honest hidden layer
	// with one value changed) and proves the second slice on it.
	let mut forged = honest[0].output.clone();
	forged[0].data[0] = if forged[0].data[0] == 5 { 6 } else { 5 };
	let (pk, vk) = (&honest[1].pk, &honest[1].vk);
	let b = binding(9, 2);
	let (output, proof) = prove(pk, &slices[1], &forged, &b).expect("prove");
	assert_ne!(
		output, honest[1].output,
		"the forged input changes the output"
	);
	let c_in = vk.layout.input_commitment(&flat(&forged)).unwrap();
	let out = flat(&output);
	let publics = vk
		.layout
		.public_inputs_of(
			&vk.model_id,
			&b,
			TensorPart::Committed(c_in),
			TensorPart::Values(&out),
		)
		.unwrap();
	// The proof is valid for what it claims ...
	verify_public_inputs(vk, &publics, &proof).expect("valid for its own input");
	// ... but its input is not what slice 0 proved it handed on.
	let first = &honest[0];
	let c0_in = first.vk.layout.input_commitment(&first.input).unwrap();
	let c0_out = first
		.vk
		.layout
		.output_commitment(&flat(&first.output))
		.unwrap();
	let request_input = layout(&model)
		.unwrap()
		.input_commitment(&flat(&input))
		.unwrap();
	assert_eq!(
		first_broken_link(request_input, &[(c0_in, c0_out), (c_in, Fr::default())]),
		Some(1)
	);
	// Nor can slice 0 be skipped: slice 1 claiming the request's input.
	assert_eq!(
		first_broken_link(request_input, &[(c_in, Fr::default())]),
		Some(0)
	);
	// Under the same proof, the honest boundary commitment does not verify.
	let publics = vk
		.layout
		.public_inputs_of(
			&vk.model_id,
			&b,
			TensorPart::Committed(c0_out),
			TensorPart::Values(&out),
		)
		.unwrap();
	assert!(verify_public_inputs(vk, &publics, &proof).is_err());
}

fn constraints(model: &QuantizedModel) -> usize {
	verity_zk::circuit::cost_report(model)
		.unwrap()
		.iter()
		.map(|(_, n)| n)
		.sum()
}

#[test]
fn balanced_cuts_make_the_largest_slice_about_as_small_as_any_cut_can() {
	let model = example("lenet5");
	let n = model.ops.len();
	// The largest slice, in constraints, of every way to cut lenet5 in two.
	let largest = |cuts: &[usize]| -> usize {
		model
			.slices(cuts)
			.unwrap()
			.iter()
			.map(constraints)
			.max()
			.unwrap()
	};
	let best = (1..n).map(|c| largest(&[c])).min().unwrap();
	let chosen = balanced_cuts(&model, 2).unwrap();
	assert!(
		largest(&chosen) * 100 <= best * 105,
		"cut {chosen:?}: largest slice {} against the best {best}",
		largest(&chosen)
	);
	// More slices never make the largest one larger.
	let three = largest(&balanced_cuts(&model, 3).unwrap());
	assert!(three <= largest(&chosen), "{three}");
	assert!(balanced_cuts(&model, 0).is_err());
	assert!(balanced_cuts(&model, n + 1).is_err());
	assert_eq!(balanced_cuts(&model, 1).unwrap(), Vec::<usize>::new());
}
