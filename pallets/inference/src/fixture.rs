//! The benchmark fixture: a real Groth16 proof the no_std benchmarks verify
//! (they cannot prove). Made by `examples/make_fixture.rs` (see there for the
//! model); `tests::fixture_still_verifies` checks it.

use alloc::vec::Vec;
use codec::{Decode, Encode};

/// Everything the `submit_result` benchmark needs to reproduce an accepted
/// proof: the model, its key, the request and the executor it was made for.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct Fixture {
	/// The quantized model's hash (`ModelSpec::quantized_hash`).
	pub model_hash: [u8; 32],
	/// The model's activation width.
	pub act_bits: u32,
	/// The model's number of output values.
	pub output_len: u32,
	/// The verifying key (`verity_zk::VerifyingKey::to_bytes`).
	pub verifying_key: Vec<u8>,
	/// The request id the proof is bound to.
	pub request_id: u64,
	/// The executor account bytes the proof is bound to (an `AccountId32`).
	pub executor: [u8; 32],
	/// The input (its length is the model's input length).
	pub input: Vec<i32>,
	/// The model's output on `input`.
	pub output: Vec<i32>,
	/// The proof (192 bytes).
	pub proof: Vec<u8>,
	/// Proofs of the same output for requests `request_id + i` (the first is
	/// `proof`), for the `submit_results` benchmark.
	pub batch_proofs: Vec<Vec<u8>>,
}

/// The committed fixture, SCALE-encoded.
pub const BENCHMARK_FIXTURE: &[u8] = include_bytes!("../fixtures/benchmark.scale");

/// The committed slice fixture (`make_fixture --slice`), SCALE-encoded: the
/// same model as the first slice of a sliced model, its output a boundary.
pub const SLICE_FIXTURE: &[u8] = include_bytes!("../fixtures/slice.scale");

impl Fixture {
	/// Decodes the committed fixture (`None` if it does not decode).
	pub fn committed() -> Option<Self> {
		Self::decode(&mut &BENCHMARK_FIXTURE[..]).ok()
	}

	/// Decodes the committed slice fixture (`None` if it does not decode).
	pub fn committed_slice() -> Option<Self> {
		Self::decode(&mut &SLICE_FIXTURE[..]).ok()
	}

	/// The commitment of `output` as a slice boundary (the bytes
	/// `submit_slice_result` takes); `None` if the key or the output do not
	/// fit.
	pub fn boundary_commitment(&self) -> Option<[u8; 32]> {
		let vk = verity_zk::VerifyingKey::<verity_zk::Bls12_381>::from_bytes(&self.verifying_key)
			.ok()?;
		let output: Vec<i64> = self.output.iter().map(|&v| v as i64).collect();
		let commitment = vk.layout.output_commitment(&output).ok()?;
		Some(verity_zk::statement::field_to_bytes(&commitment))
	}

	/// The verifying key's prepared form (what `pallet-ceremony` stores when
	/// a ceremony ends, and what the verifier reads); empty if the key does
	/// not decode.
	pub fn prepared_key(&self) -> Vec<u8> {
		verity_zk::VerifyingKey::<verity_zk::Bls12_381>::from_bytes(&self.verifying_key)
			.map(|vk| vk.prepare().to_bytes())
			.unwrap_or_default()
	}

	/// The statement that `batch_proofs[i]` proves (`i = 0`: `proof`'s).
	pub fn batch_statement(&self, i: usize) -> verity_zk::Statement {
		let mut statement = self.statement();
		statement.request_id = self.request_id.saturating_add(i as u64);
		statement
	}

	/// The statement the fixture's proof proves.
	pub fn statement(&self) -> verity_zk::Statement {
		verity_zk::Statement {
			model_id: self.model_hash,
			request_id: self.request_id,
			executor: self.executor,
			input: self.input.iter().map(|&v| v as i64).collect(),
			output: self.output.iter().map(|&v| v as i64).collect(),
		}
	}
}
