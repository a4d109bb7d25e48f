//! The trusted-setup ceremony: Groth16 keys that nobody can forge with, as long
//! as one contributor was honest.
//!
//! A Groth16 key is made from secrets (`τ, α, β, δ`); whoever knows them can
//! prove anything. Here nobody ever knows them: every secret is the product of
//! the contributors' secrets, each contributor multiplies the current key by
//! fresh randomness it then forgets, and proves (a Schnorr proof of knowledge
//! bound to the transcript so far and to its account) that it did exactly
//! that. One honest contributor, who really forgot its share, is enough
//! (Bowe–Gabizon–Miers 2017).
//!
//! ## Two phases
//!
//! **Phase 1, universal** ([`head`]; the full SRS in `srs`, feature `prover`):
//! powers of tau on BLS12-381 — `τ^i·G1` for `i < 2N − 1`, `τ^i·G2`, `ατ^i·G1`,
//! `βτ^i·G1` for `i < N`, and `β·G2` — shared by every model whose QAP domain
//! has at most `N` points. The chain only stores the SRS's [`SrsHead`] (the
//! five points a contribution's proof speaks about) and checks each
//! contribution's [`Phase1Proof`] against it ([`verify_phase1_update`]: three
//! proofs of knowledge and the head's ratios, one batched pairing check);
//! every node checks the whole SRS artifact (random linear combinations over
//! all powers) against that head before using it. A public beacon (a block hash
//! fixed in advance) is applied last ([`head_after_beacon`]).
//!
//! **Phase 2, per model** ([`delta`], [`domain`]; key operations in `phase2`):
//! the initial key is a deterministic function of the final SRS and the model's
//! circuit with `δ = 1`. Its verifying key does not even depend on the circuit:
//! the QAP puts every public input in a fixed row (see `crate::groth16`), so
//! the IC points are Lagrange points of the SRS on those rows, one
//! [`DomainTable`] per domain size, and the chain computes the initial
//! verifying key itself ([`initial_verifying_key`]). Contributors then rescale
//! `δ` in turn ([`verify_delta_update`]); the proving key's `L` and `H` queries
//! follow, which every node checks against the SRS before contributing or
//! proving.
//!
//! What the runtime checks (this module is `no_std`, generic over the pairing
//! so the runtime can use host-accelerated BLS12-381): every proof of
//! knowledge, every head ratio, every `δ` update; it computes the beacon's
//! head and every model's initial verifying key. What needs the artifacts
//! (the full SRS, the proving keys, the domain tables) is checked by the
//! nodes, which say so on chain.

pub mod check;
pub mod delta;
pub mod dev;
pub mod domain;
#[cfg(feature = "prover")]
pub mod forge;
#[cfg(feature = "prover")]
pub mod group_fft;
pub mod head;
#[cfg(feature = "prover")]
pub mod lagrange;
#[cfg(feature = "prover")]
pub mod phase2;
pub mod pok;
#[cfg(feature = "prover")]
mod scalar_mul;
#[cfg(feature = "prover")]
pub mod srs;

pub use check::PairingCheck;
pub use delta::{verify_delta_update, DeltaUpdate};
pub use domain::{domain_sizes, initial_verifying_key, is_domain_size, DomainTable};
pub use head::{head_after_beacon, verify_phase1_update, Phase1Proof, SrsHead};
pub use pok::KeyProof;

use blake2::{digest::consts::U32, Blake2b, Digest};

/// blake2b-256 (the same function as Substrate's `blake2_256`).
pub fn blake2_256(parts: &[&[u8]]) -> [u8; 32] {
	let mut h = Blake2b::<U32>::new();
	for p in parts {
		h.update(p);
	}
	h.finalize().into()
}

/// The transcript hash after one more step: `blake2_256(previous ‖ step)`.
/// Chains every contribution (its account, new head or `δ`, proof and
/// artifact hash) onto the ones before, so a proof of knowledge bound to a
/// transcript cannot be replayed onto another.
pub fn next_transcript(previous: &[u8; 32], step: &[u8]) -> [u8; 32] {
	blake2_256(&[previous, step])
}

/// What a contributor's proofs of knowledge are bound to: the transcript it
/// built on and its account. A proof copied from another contributor, or
/// made for an older transcript, does not verify.
pub fn binding(transcript: &[u8; 32], contributor: &[u8]) -> [u8; 32] {
	blake2_256(&[b"verity-ceremony-binding", transcript, contributor])
}
