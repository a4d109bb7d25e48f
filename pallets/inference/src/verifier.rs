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
	pub statement: StatementData,
	pub proof: Vec<u8>,
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

	/// [`VerifyProof::verify`] of a slice's statement, whose tensors may be
	/// given by their commitments ([`SliceStatementData`]).
	fn verify_slice(
		prepared_key: &[u8],
		statement: &SliceStatementData,
		proof: &[u8],
	) -> Result<(), VerifyError>;

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
				Some(key) => Self::verify(key, &entry.statement.clone().into(), &entry.proof),
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

	fn verify_slice(
		prepared_key: &[u8],
		statement: &SliceStatementData,
		proof: &[u8],
	) -> Result<(), VerifyError> {
		let pvk = PreparedVerifyingKey::<E>::from_trusted_bytes(prepared_key)
			.map_err(|_| VerifyError::InvalidVerifyingKey)?;
		let proof = Proof::<E>::from_bytes(proof).map_err(|_| VerifyError::MalformedProof)?;
		let binding = Binding {
			request_id: statement.request_id,
			executor: statement.executor,
		};
		let input = statement.input.part()?;
		let output = statement.output.part()?;
		classify(verity_zk::verify_prepared_parts(
			&pvk,
			&statement.model_id,
			&binding,
			input.as_part(),
			output.as_part(),
			&proof,
		))
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
		let statements: Vec<Statement> = entries
			.iter()
			.map(|entry| entry.statement.clone().into())
			.collect();
		let mut verdicts = Vec::with_capacity(entries.len());
		let mut checked = Vec::new(); // (entry index, key position, proof)
		for (i, entry) in entries.iter().enumerate() {
			let Some(&Some(key)) = position.get(entry.key as usize) else {
				verdicts.push(Err(VerifyError::InvalidVerifyingKey));
				continue;
			};
			match Proof::<E>::from_bytes(&entry.proof) {
				Ok(proof) => {
					checked.push((i, key, proof));
					verdicts.push(Ok(()));
				}
				Err(_) => verdicts.push(Err(VerifyError::MalformedProof)),
			}
		}
		let items: Vec<verity_zk::BatchItem<'_, E>> = checked
			.iter()
			.map(|(i, key, proof)| verity_zk::BatchItem {
				key: *key,
				statement: &statements[*i],
				proof,
			})
			.collect();
		let coefficients = batch_coefficients(seed, items.len());
		let one_by_one = verity_zk::verify_batch_prepared(&usable, &items, &coefficients).is_err();
		if one_by_one {
			for (i, key, proof) in &checked {
				verdicts[*i] = classify(verity_zk::verify_prepared(
					&usable[*key],
					&statements[*i],
					proof,
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

	fn verify_slice(
		prepared_key: &[u8],
		statement: &SliceStatementData,
		proof: &[u8],
	) -> Result<(), VerifyError> {
		verity_verifier::verify_slice(prepared_key, statement.clone(), proof)
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

/// A tensor of a slice's statement: its values, or the canonical
/// little-endian bytes of its Poseidon commitment (what the chain keeps for a
/// tensor between two slices).
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

/// A slice's statement as host calls receive it: the binding and model id of
/// a [`StatementData`], each tensor as a [`PartData`].
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct SliceStatementData {
	pub model_id: [u8; 32],
	pub request_id: u64,
	pub executor: [u8; 32],
	pub input: PartData,
	pub output: PartData,
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

	/// [`VerifyProof::verify_slice`] of `statement` under the prepared key,
	/// exactly as [`PureGroth16`] does it.
	fn verify_slice(
		prepared_key: PassFatPointerAndRead<&[u8]>,
		statement: PassFatPointerAndDecode<SliceStatementData>,
		proof: PassFatPointerAndRead<&[u8]>,
	) -> AllocateAndReturnByCodec<Result<(), VerifyError>> {
		native::on_private_pool(|| PureGroth16::verify_slice(prepared_key, &statement, proof))
	}

	/// [`VerifyProof::verify_batch`] of the entries under the prepared keys,
	/// exactly as [`PureGroth16`] does it.
	fn verify_batch(
		prepared_keys: PassFatPointerAndDecodeSlice<&[Vec<u8>]>,
		entries: PassFatPointerAndDecodeSlice<&[BatchEntry]>,
		seed: PassPointerAndRead<&[u8; 32], 32>,
	) -> AllocateAndReturnByCodec<BatchVerdict> {
		native::on_private_pool(|| PureGroth16::verify_batch(&prepared_keys, &entries, seed))
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
