//! Pluggable proof verification.
//!
//! The pallet builds the statement and hands it to `Config::ProofVerifier`.
//! [`Groth16`] is the verifier over any BLS12-381 pairing implementation:
//!
//! * [`PureGroth16`]: arkworks' `ark_bls12_381`, compiled into the runtime's wasm;
//! * [`HostGroth16`]: `sp_crypto_ec_utils::bls12_381`, whose Miller loop, final
//!   exponentiation and scalar multiplications are host functions (the node
//!   must register `sp_crypto_ec_utils::bls12_381::host_calls::HostFunctions`);
//! * [`NativeGroth16`]: [`PureGroth16`] run by the node in one host call
//!   ([`verity_verifier::verify`]; the node registers
//!   `verity_verifier::HostFunctions`). This is what the runtime uses: in
//!   [`HostGroth16`] the proof's decoding (square roots) and the statement's
//!   Poseidon commitments still run in wasm, 4.5 of its 8 ms.
//!
//! All three decode the same bytes and run the same check (`verity_zk`), so
//! they accept exactly the same proofs.

use alloc::vec::Vec;
use core::marker::PhantomData;

use ark_ec::pairing::Pairing;
use codec::{Decode, Encode};
use sp_runtime_interface::{
	pass_by::{
		AllocateAndReturnByCodec, PassFatPointerAndDecode, PassFatPointerAndDecodeSlice,
		PassFatPointerAndRead, PassPointerAndRead,
	},
	runtime_interface,
};
use verity_zk::{Binding, PreparedVerifyingKey, Proof, Statement, TensorPart};

/// Why verification failed. The pallet slashes the submitter for
/// [`VerifyError::MalformedProof`] and [`VerifyError::InvalidProof`] only: the
/// other two are the registry's fault, not the executor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum VerifyError {
	/// The stored (prepared) verifying key does not decode.
	InvalidVerifyingKey,
	/// The statement does not fit the key (model id, lengths, value ranges).
	StatementMismatch,
	/// The proof bytes do not decode (off curve, outside the subgroup, identity).
	MalformedProof,
	/// The pairing check failed.
	InvalidProof,
}

/// One proof of a batch (see [`VerifyProof::verify_batch`]).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct BatchEntry {
	/// The index of its prepared key in the batch's key list.
	pub key: u32,
	pub statement: StatementParts,
	pub proof: Vec<u8>,
}

/// A batch entry as version 1 of the `verify_batch` host function took it
/// (every tensor by its values): kept so that a node still executes the
/// blocks of runtimes built before input commitments.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct BatchEntryV1 {
	pub key: u32,
	pub statement: StatementData,
	pub proof: Vec<u8>,
}

impl From<BatchEntryV1> for BatchEntry {
	fn from(entry: BatchEntryV1) -> Self {
		BatchEntry {
			key: entry.key,
			statement: entry.statement.into(),
			proof: entry.proof,
		}
	}
}

/// What [`VerifyProof::verify_batch`] found: one verdict per entry, in
/// order, and whether the combined check failed so that every proof was
/// then verified alone (which the caller must pay for).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct BatchVerdict {
	pub verdicts: Vec<Result<(), VerifyError>>,
	pub one_by_one: bool,
}

/// Verifies a proof of a statement under a verifying key (all as the runtime
/// stores / receives them).
pub trait VerifyProof {
	/// `Ok(())` iff `proof` proves `statement` under the key whose prepared
	/// form (`verity_zk::PreparedVerifyingKey::to_bytes`) is `prepared_key`.
	fn verify(prepared_key: &[u8], statement: &Statement, proof: &[u8]) -> Result<(), VerifyError>;

	/// [`VerifyProof::verify`] of a statement whose tensors may be given by
	/// their commitments ([`StatementParts`]): a request's input committed
	/// when it was made, a slice's boundaries.
	fn verify_parts(
		prepared_key: &[u8],
		statement: &StatementParts,
		proof: &[u8],
	) -> Result<(), VerifyError>;

	/// The commitment of a request's input of width `act_bits`
	/// (`verity_zk::statement::input_commitment`, canonical little-endian
	/// bytes), which [`PartData::Committed`] then stands for: computed once,
	/// when the request is made, so that verifying its proofs does not hash
	/// the input again. `StatementMismatch` for an unsupported width, an
	/// empty input or a value out of range.
	fn input_commitment(act_bits: u32, input: &[i64]) -> Result<[u8; 32], VerifyError>;

	/// The verdict of [`VerifyProof::verify`] for every entry (under
	/// `prepared_keys[entry.key]`), found together where the verifier can:
	/// `seed` must be unpredictable to whoever made the proofs (see
	/// [`batch_coefficients`]). This default verifies one by one.
	fn verify_batch(
		prepared_keys: &[Vec<u8>],
		entries: &[BatchEntry],
		_seed: &[u8; 32],
	) -> BatchVerdict {
		let verdicts = entries
			.iter()
			.map(|entry| match prepared_keys.get(entry.key as usize) {
				Some(key) => Self::verify_parts(key, &entry.statement, &entry.proof),
				None => Err(VerifyError::InvalidVerifyingKey),
			})
			.collect();
		BatchVerdict {
			verdicts,
			one_by_one: true,
		}
	}
}

/// The random-linear-combination coefficients of a batch of `n` proofs:
/// `blake2_128(seed ‖ i)`. The pallet derives `seed` from the parent block's
/// hash and the whole submission (every proof and output in it), so no
/// coefficient is known before the proofs are fixed, and changing any proof
/// changes them all.
pub fn batch_coefficients(seed: &[u8; 32], n: usize) -> Vec<u128> {
	(0..n as u32)
		.map(|i| u128::from_le_bytes(sp_io::hashing::blake2_128(&(seed, i).encode())))
		.collect()
}

/// The pallet's classes of a `verity_zk` verification error.
fn classify(result: verity_zk::Result<()>) -> Result<(), VerifyError> {
	result.map_err(|e| match e {
		verity_zk::Error::InvalidProof | verity_zk::Error::IdentityPoint => {
			VerifyError::InvalidProof
		}
		_ => VerifyError::StatementMismatch,
	})
}

/// Groth16 over the BLS12-381 pairing `E` with a prepared key, in three steps
/// (read the key, decode the proof, verify) so that a failure is attributed
/// to the key, the statement or the proof. The key was validated when its
/// ceremony ended and is read without checks; the proof's points are
/// checked (on the curve, in the subgroup, not the identity).
pub struct Groth16<E>(PhantomData<E>);

impl<E: Pairing<ScalarField = verity_zk::Fr>> VerifyProof for Groth16<E> {
	fn verify(prepared_key: &[u8], statement: &Statement, proof: &[u8]) -> Result<(), VerifyError> {
		let pvk = PreparedVerifyingKey::<E>::from_trusted_bytes(prepared_key)
			.map_err(|_| VerifyError::InvalidVerifyingKey)?;
		let proof = Proof::<E>::from_bytes(proof).map_err(|_| VerifyError::MalformedProof)?;
		classify(verity_zk::verify_prepared(&pvk, statement, &proof))
	}

	fn verify_parts(
		prepared_key: &[u8],
		statement: &StatementParts,
		proof: &[u8],
	) -> Result<(), VerifyError> {
		let pvk = PreparedVerifyingKey::<E>::from_trusted_bytes(prepared_key)
			.map_err(|_| VerifyError::InvalidVerifyingKey)?;
		let proof = Proof::<E>::from_bytes(proof).map_err(|_| VerifyError::MalformedProof)?;
		let input = statement.input.part()?;
		let output = statement.output.part()?;
		classify(verity_zk::verify_prepared_parts(
			&pvk,
			&statement.model_id,
			&statement.binding(),
			input.as_part(),
			output.as_part(),
			&proof,
		))
	}

	fn input_commitment(act_bits: u32, input: &[i64]) -> Result<[u8; 32], VerifyError> {
		verity_zk::statement::input_commitment(act_bits, input)
			.map(|c| verity_zk::statement::field_to_bytes(&c))
			.map_err(|_| VerifyError::StatementMismatch)
	}

	/// Keys that do not decode and proofs that do not decode get their
	/// verdicts at once; the rest are checked together
	/// ([`verity_zk::verify_batch_prepared`]), and only if that fails one by
	/// one, to find the bad ones.
	fn verify_batch(
		prepared_keys: &[Vec<u8>],
		entries: &[BatchEntry],
		seed: &[u8; 32],
	) -> BatchVerdict {
		let keys: Vec<Option<PreparedVerifyingKey<E>>> = prepared_keys
			.iter()
			.map(|key| PreparedVerifyingKey::from_trusted_bytes(key).ok())
			.collect();
		// The decodable keys, and where each entry's key sits among them.
		let mut usable = Vec::new();
		let mut position = Vec::with_capacity(keys.len());
		for key in &keys {
			position.push(key.as_ref().map(|key| {
				usable.push(key.clone());
				usable.len() - 1
			}));
		}
		let mut verdicts = Vec::with_capacity(entries.len());
		let mut checked = Vec::new(); // (entry, key position, input, output, proof)
		for entry in entries {
			let Some(&Some(key)) = position.get(entry.key as usize) else {
				verdicts.push(Err(VerifyError::InvalidVerifyingKey));
				continue;
			};
			let parts = entry.statement.input.part().and_then(|input| {
				let output = entry.statement.output.part()?;
				let proof = Proof::<E>::from_bytes(&entry.proof)
					.map_err(|_| VerifyError::MalformedProof)?;
				Ok((input, output, proof))
			});
			match parts {
				Ok((input, output, proof)) => {
					checked.push((verdicts.len(), entry, key, input, output, proof));
					verdicts.push(Ok(()));
				}
				Err(error) => verdicts.push(Err(error)),
			}
		}
		let items: Vec<verity_zk::BatchItem<'_, E>> = checked
			.iter()
			.map(
				|(_, entry, key, input, output, proof)| verity_zk::BatchItem {
					key: *key,
					model_id: entry.statement.model_id,
					binding: entry.statement.binding(),
					input: input.as_part(),
					output: output.as_part(),
					proof,
				},
			)
			.collect();
		let coefficients = batch_coefficients(seed, items.len());
		let one_by_one = verity_zk::verify_batch_prepared(&usable, &items, &coefficients).is_err();
		if one_by_one {
			for (item, (i, ..)) in items.iter().zip(&checked) {
				verdicts[*i] = classify(verity_zk::verify_prepared_parts(
					&usable[item.key],
					&item.model_id,
					&item.binding,
					item.input,
					item.output,
					item.proof,
				));
			}
		}
		BatchVerdict {
			verdicts,
			one_by_one,
		}
	}
}

/// Groth16 with arkworks' BLS12-381 running inside the runtime (pure wasm).
pub type PureGroth16 = Groth16<verity_zk::Bls12_381>;

/// Groth16 with `sp-crypto-ec-utils`' host-accelerated BLS12-381.
pub type HostGroth16 = Groth16<sp_crypto_ec_utils::bls12_381::Bls12_381>;

/// Groth16 verified by the node: [`PureGroth16`] in one host call
/// ([`verity_verifier::verify`]), so nothing but the statement's encoding runs
/// in wasm.
pub struct NativeGroth16;

impl VerifyProof for NativeGroth16 {
	fn verify(prepared_key: &[u8], statement: &Statement, proof: &[u8]) -> Result<(), VerifyError> {
		verity_verifier::verify(prepared_key, StatementData::from(statement), proof)
	}

	fn verify_parts(
		prepared_key: &[u8],
		statement: &StatementParts,
		proof: &[u8],
	) -> Result<(), VerifyError> {
		verity_verifier::verify_slice(prepared_key, statement.clone(), proof)
	}

	fn input_commitment(act_bits: u32, input: &[i64]) -> Result<[u8; 32], VerifyError> {
		verity_verifier::input_commitment(act_bits, input)
	}

	fn verify_batch(
		prepared_keys: &[Vec<u8>],
		entries: &[BatchEntry],
		seed: &[u8; 32],
	) -> BatchVerdict {
		verity_verifier::verify_batch(prepared_keys, entries, seed)
	}
}

/// A [`Statement`] as host calls receive it (SCALE-encoded; `verity_zk`
/// has no codec).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct StatementData {
	pub model_id: [u8; 32],
	pub request_id: u64,
	pub executor: [u8; 32],
	pub input: Vec<i64>,
	pub output: Vec<i64>,
}

impl From<&Statement> for StatementData {
	fn from(st: &Statement) -> Self {
		StatementData {
			model_id: st.model_id,
			request_id: st.request_id,
			executor: st.executor,
			input: st.input.clone(),
			output: st.output.clone(),
		}
	}
}

impl From<StatementData> for Statement {
	fn from(st: StatementData) -> Self {
		Statement {
			model_id: st.model_id,
			request_id: st.request_id,
			executor: st.executor,
			input: st.input,
			output: st.output,
		}
	}
}

/// A tensor of a statement: its values, or the canonical little-endian bytes
/// of its Poseidon commitment (what the chain keeps for a request's input,
/// and for a tensor between two slices).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum PartData {
	Values(Vec<i64>),
	Committed([u8; 32]),
}

/// A decoded [`PartData`].
enum OwnedPart<'a> {
	Values(&'a [i64]),
	Committed(verity_zk::Fr),
}

impl OwnedPart<'_> {
	fn as_part(&self) -> TensorPart<'_> {
		match self {
			OwnedPart::Values(v) => TensorPart::Values(v),
			OwnedPart::Committed(c) => TensorPart::Committed(*c),
		}
	}
}

impl PartData {
	/// The part, a commitment checked canonical (a non-canonical one is the
	/// statement's fault, not the proof's).
	fn part(&self) -> Result<OwnedPart<'_>, VerifyError> {
		Ok(match self {
			PartData::Values(v) => OwnedPart::Values(v),
			PartData::Committed(bytes) => OwnedPart::Committed(
				verity_zk::statement::field_from_bytes(bytes)
					.map_err(|_| VerifyError::StatementMismatch)?,
			),
		})
	}
}

/// A statement as host calls receive it, each tensor by its values or its
/// commitment ([`PartData`]): the model id and binding of a
/// [`StatementData`].
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct StatementParts {
	pub model_id: [u8; 32],
	pub request_id: u64,
	pub executor: [u8; 32],
	pub input: PartData,
	pub output: PartData,
}

impl StatementParts {
	/// What binds the proof to its request and executor.
	pub fn binding(&self) -> Binding {
		Binding {
			request_id: self.request_id,
			executor: self.executor,
		}
	}
}

impl From<StatementData> for StatementParts {
	fn from(st: StatementData) -> Self {
		StatementParts {
			model_id: st.model_id,
			request_id: st.request_id,
			executor: st.executor,
			input: PartData::Values(st.input),
			output: PartData::Values(st.output),
		}
	}
}

/// The host function behind [`NativeGroth16`].
///
/// **Determinism.** The host runs `verity_zk`'s verifier with arkworks'
/// BLS12-381: field and curve arithmetic, no floating point, no I/O, so every
/// node returns the same verdict for the same arguments, and the same one
/// as [`PureGroth16`] in wasm (a test compares them on tampered proofs,
/// statements and keys).
///
/// **Threads.** The node's prover enables arkworks' `parallel` feature, under
/// which the pairing and the multi-scalar multiplication hand work to rayon's
/// global pool; with a proof in progress there, a verification could wait
/// for it. The host therefore verifies on a private one-thread pool.
#[runtime_interface]
pub trait VerityVerifier {
	/// Verifies `proof` of `statement` under the prepared key `prepared_key`
	/// (`verity_zk::PreparedVerifyingKey::to_bytes`, validated when it was
	/// made, read without checks), exactly as [`PureGroth16`] does.
	fn verify(
		prepared_key: PassFatPointerAndRead<&[u8]>,
		statement: PassFatPointerAndDecode<StatementData>,
		proof: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), VerifyError>> {
		let statement = Statement::from(statement);
		native::on_private_pool(|| PureGroth16::verify(prepared_key, &statement, proof))
	}

	/// [`VerifyProof::verify_parts`] of `statement` under the prepared key,
	/// exactly as [`PureGroth16`] does it. (Named for its first use, slices;
	/// a host function's name is part of the runtime's interface.)
	fn verify_slice(
		prepared_key: PassFatPointerAndRead<&[u8]>,
		statement: PassFatPointerAndDecode<StatementParts>,
		proof: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), VerifyError>> {
		native::on_private_pool(|| PureGroth16::verify_parts(prepared_key, &statement, proof))
	}

	/// Version 1: every tensor of every entry by its values ([`BatchEntryV1`]).
	fn verify_batch(
		prepared_keys: PassFatPointerAndDecodeSlice<&[Vec<u8>]>,
		entries: PassFatPointerAndDecodeSlice<&[BatchEntryV1]>,
		seed: PassPointerAndRead<&[u8; 32], 32>,
	) -> AllocateAndReturnByCodec<BatchVerdict> {
		let entries: Vec<BatchEntry> = entries.iter().cloned().map(BatchEntry::from).collect();
		native::on_private_pool(|| PureGroth16::verify_batch(&prepared_keys, &entries, seed))
	}

	/// [`VerifyProof::verify_batch`] of the entries under the prepared keys,
	/// exactly as [`PureGroth16`] does it.
	#[version(2)]
	fn verify_batch(
		prepared_keys: PassFatPointerAndDecodeSlice<&[Vec<u8>]>,
		entries: PassFatPointerAndDecodeSlice<&[BatchEntry]>,
		seed: PassPointerAndRead<&[u8; 32], 32>,
	) -> AllocateAndReturnByCodec<BatchVerdict> {
		native::on_private_pool(|| PureGroth16::verify_batch(&prepared_keys, &entries, seed))
	}

	/// [`VerifyProof::input_commitment`], exactly as [`PureGroth16`] computes
	/// it (Poseidon over the packed input: field arithmetic only).
	fn input_commitment(
		act_bits: u32,
		input: PassFatPointerAndDecodeSlice<&[i64]>,
	) -> AllocateAndReturnByCodec<Result<[u8; 32], VerifyError>> {
		PureGroth16::input_commitment(act_bits, &input)
	}
}

#[cfg(feature = "std")]
mod native {
	use std::sync::OnceLock;

	/// Runs `f` on a one-thread rayon pool of its own (see
	/// [`super::verity_verifier`]), or on the caller's thread if the pool
	/// could not be started.
	pub fn on_private_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
		static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
		let pool = POOL.get_or_init(|| {
			rayon::ThreadPoolBuilder::new()
				.num_threads(1)
				.thread_name(|_| "verity-verifier".into())
				.build()
				.ok()
		});
		match pool {
			Some(pool) => pool.install(f),
			None => f(),
		}
	}
}
