//! # verity-zk (docs: see the end of the crate docs, written below)
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "prover")]
pub mod circuit;
pub mod error;
#[cfg(feature = "prover")]
pub mod gadgets;
pub mod poseidon;
#[cfg(feature = "prover")]
pub mod prover;
#[cfg(feature = "prover")]
pub mod r1cs;
pub mod statement;
pub mod verifier;

pub use ark_bls12_381::{Bls12_381, Fr};
pub use error::{Error, Result};
pub use statement::{Binding, Statement, StatementLayout};
pub use verifier::{verify, verify_public_inputs, Proof, VerifyingKey};
#[cfg(feature = "prover")]
pub use prover::{circuit_stats, prove, setup, statement, CircuitStats, ProvingKey};
#[cfg(feature = "prover")]
pub use rand;
