//! Pluggable proof verification.
//!
//! The pallet builds the statement and hands it to `Config::ProofVerifier`.
//! [`Groth16`] is the verifier over any BLS12-381 pairing implementation:
//!
//! * [`PureGroth16`]: arkworks' `ark_bls12_381`, compiled into the runtime's wasm;
//! * [`HostGroth16`]: `sp_crypto_ec_utils::bls12_381`, whose Miller loop, final
//!   exponentiation and scalar multiplications are host functions (the node
//!   must register `sp_crypto_ec_utils::bls12_381::host_calls::HostFunctions`).
//!
//! Both decode the same bytes and run the same check (`verity_zk`), so they
//! accept exactly the same proofs.

use core::marker::PhantomData;

use ark_ec::pairing::Pairing;
use verity_zk::{PreparedVerifyingKey, Proof, Statement};

/// Why verification failed. The pallet slashes the submitter for
/// [`VerifyError::MalformedProof`] and [`VerifyError::InvalidProof`] only: the
/// other two are the registry's fault, not the executor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// Verifies a proof of a statement under a verifying key (all as the runtime
/// stores / receives them).
pub trait VerifyProof {
	/// `Ok(())` iff `proof` proves `statement` under the key whose prepared
	/// form (`verity_zk::PreparedVerifyingKey::to_bytes`) is `prepared_key`.
	fn verify(prepared_key: &[u8], statement: &Statement, proof: &[u8]) -> Result<(), VerifyError>;
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
		verity_zk::verify_prepared(&pvk, statement, &proof).map_err(|e| match e {
			verity_zk::Error::InvalidProof | verity_zk::Error::IdentityPoint => {
				VerifyError::InvalidProof
			}
			_ => VerifyError::StatementMismatch,
		})
	}
}

/// Groth16 with arkworks' BLS12-381 running inside the runtime (pure wasm).
pub type PureGroth16 = Groth16<verity_zk::Bls12_381>;

/// Groth16 with `sp-crypto-ec-utils`' host-accelerated BLS12-381.
pub type HostGroth16 = Groth16<sp_crypto_ec_utils::bls12_381::Bls12_381>;
