//! Generates `fixtures/benchmark.scale`, the proof the benchmarks verify, or
//! with `--slice` `fixtures/slice.scale`, the first slice of a sliced model
//! for the `submit_slice_result` benchmark.
//!
//! ```text
//! cargo run --release -p pallet-inference --example make_fixture [-- <input_len>] [--slice]
//! ```
//!
//! The model is synthetic and worst case for the pallet's bounds: one `Linear`
//! layer from `input_len` inputs (default 4096, the mock's and the runtime's
//! `MaxInputLen`) to 60 outputs, at 16 activation bits. 60 outputs
//! are the most that stay public inputs (4 packed field elements), which gives
//! the largest verifying key of any model (10 public inputs, 914 bytes) and,
//! with the longest input, the most Poseidon work in the statement. The
//! weights, the setup and the input are seeded, so the output is reproducible.
//! The executor is the `AccountId32` `[0x42; 32]`, the request id 7; the
//! batch proofs are for requests 7..107, same input and executor.
//!
//! The slice fixture is the same model with its output a slice boundary (one
//! commitment, `boundary_outputs`), proved once for request 8: the first
//! slice request of a sliced request 7. Its `output` holds the boundary
//! tensor's values, from which the benchmark computes the commitment.

use codec::Encode;
use pallet_inference::fixture::Fixture;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use verity_inference::quant::{
	IntTensor, OutputTransform, QInput, QNode, QOp, QOutput, QuantizedModel, TensorSpec,
	QMODEL_FORMAT,
};
use verity_zk::{prove, setup, Binding};

const OUTPUTS: usize = 60;
/// Proofs for the `submit_results` benchmark: at least the runtime's
/// `MaxBatchResults` (64), with room to raise it.
const BATCH_PROOFS: u64 = 100;

fn synthetic_model(input_len: usize, boundary: bool, rng: &mut impl RngCore) -> QuantizedModel {
	let weight: Vec<i64> = (0..OUTPUTS * input_len)
		.map(|_| (rng.next_u32() % 8192) as i64 - 4096)
		.collect();
	let bias: Vec<i64> = (0..OUTPUTS)
		.map(|_| (rng.next_u32() % 65536) as i64 - 32768)
		.collect();
	QuantizedModel {
		format: QMODEL_FORMAT.into(),
		act_bits: 16,
		source_onnx_hash: format!("0x{}", "00".repeat(32)),
		tensors: vec![
			TensorSpec {
				shape: vec![1, input_len],
				frac_bits: 13,
			},
			TensorSpec {
				shape: vec![1, OUTPUTS],
				frac_bits: 11,
			},
		],
		inputs: vec![QInput {
			name: "input".into(),
			tensor: 0,
		}],
		outputs: vec![QOutput {
			name: "output".into(),
			tensor: 1,
			transform: OutputTransform::None,
		}],
		ops: vec![QNode {
			name: "fc".into(),
			op: QOp::Linear {
				input: 0,
				weight: IntTensor {
					shape: vec![OUTPUTS, input_len],
					data: weight,
				},
				weight_frac_bits: 14,
				bias,
				shift: 16,
			},
		}],
		boundary_outputs: boundary,
	}
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let slice = args.iter().any(|a| a == "--slice");
	let input_len: usize = match args.iter().find(|a| !a.starts_with("--")) {
		Some(n) => n.parse()?,
		None => 4096,
	};
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(0x7665_7269_7479);
	let model = synthetic_model(input_len, slice, &mut rng);
	model.validate()?;
	let data: Vec<i64> = (0..input_len)
		.map(|_| (rng.next_u32() % 65536) as i64 - 32768)
		.collect();
	let input = vec![IntTensor {
		shape: vec![1, input_len],
		data: data.clone(),
	}];

	let (pk, vk) = setup(&model, &mut rng)?;
	let binding = Binding {
		request_id: if slice { 8 } else { 7 },
		executor: [0x42; 32],
	};
	let (output, proof) = prove(&pk, &model, &input, &binding)?;
	let mut batch_proofs = vec![proof.to_bytes()];
	for i in 1..if slice { 1 } else { BATCH_PROOFS } {
		let binding = Binding {
			request_id: binding.request_id + i,
			..binding
		};
		let (same, proof) = prove(&pk, &model, &input, &binding)?;
		assert_eq!(same, output, "one model, one input");
		batch_proofs.push(proof.to_bytes());
	}

	let fixture = Fixture {
		model_hash: model.hash(),
		act_bits: model.act_bits,
		output_len: OUTPUTS as u32,
		verifying_key: vk.to_bytes(),
		request_id: binding.request_id,
		executor: binding.executor,
		input: data.iter().map(|&v| v as i32).collect(),
		output: output[0].data.iter().map(|&v| v as i32).collect(),
		proof: proof.to_bytes(),
		batch_proofs,
	};
	if slice {
		let vk =
			verity_zk::VerifyingKey::<verity_zk::Bls12_381>::from_bytes(&fixture.verifying_key)?;
		let leaving = fixture
			.boundary_commitment()
			.ok_or("no boundary commitment")?;
		verity_zk::verify_prepared_parts(
			&vk.prepare(),
			&fixture.model_hash,
			&binding,
			verity_zk::TensorPart::Values(&data),
			verity_zk::TensorPart::Committed(verity_zk::statement::field_from_bytes(&leaving)?),
			&proof,
		)?;
	} else {
		verity_zk::verify_encoded::<verity_zk::Bls12_381>(
			&fixture.verifying_key,
			&fixture.statement(),
			&fixture.proof,
		)?;
		for (i, proof) in fixture.batch_proofs.iter().enumerate() {
			verity_zk::verify_encoded::<verity_zk::Bls12_381>(
				&fixture.verifying_key,
				&fixture.batch_statement(i),
				proof,
			)?;
		}
	}
	let path = if slice {
		concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/slice.scale")
	} else {
		concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/benchmark.scale")
	};
	std::fs::write(path, fixture.encode())?;
	println!(
		"wrote {path}: {} inputs, {} outputs, {} constraints, key {} bytes, proof {} bytes",
		input_len,
		OUTPUTS,
		pk.num_constraints,
		fixture.verifying_key.len(),
		fixture.proof.len()
	);
	Ok(())
}
