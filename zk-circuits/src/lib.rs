//! # verity-zk (docs: see the end of the crate docs, written below)
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod error;
pub mod poseidon;
pub mod statement;
pub mod verifier;

pub use ark_bls12_381::{Bls12_381, Fr};
pub use error::{Error, Result};
pub use statement::{Binding, Statement, StatementLayout};
pub use verifier::{verify, verify_public_inputs, Proof, VerifyingKey};
