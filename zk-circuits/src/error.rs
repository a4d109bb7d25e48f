//! The crate's error type. Every failure on bad input is one of these, never a
//! panic; the no_std verifier in particular runs inside the runtime.

use alloc::string::String;
use core::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
	/// Bytes that do not decode: wrong length or header, a point not on the
	/// curve or outside the prime-order subgroup, a non-canonical encoding.
	Decode(String),
	/// A proof element is the identity point.
	IdentityPoint,
	/// The statement does not fit the verifying key: lengths, value ranges,
	/// model id.
	Statement(String),
	/// The pairing check failed: the proof is not valid for this statement
	/// under this key.
	InvalidProof,
	/// (prover) The model uses something the circuit compiler cannot prove.
	Unsupported(String),
	/// (prover) The inputs or the trace do not fit the model, or the trace is
	/// not the one the circuit's semantics produce.
	Witness(String),
	/// (prover) The key does not belong to this model or is inconsistent.
	Key(String),
	/// A ceremony contribution, SRS or key fails the ceremony's checks.
	Ceremony(String),
}

impl fmt::Display for Error {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Error::Decode(m) => write!(f, "cannot decode: {m}"),
			Error::IdentityPoint => {
				write!(f, "invalid proof: a proof element is the identity point")
			}
			Error::Statement(m) => write!(f, "statement does not fit the verifying key: {m}"),
			Error::InvalidProof => write!(f, "invalid proof: the pairing check failed"),
			Error::Unsupported(m) => write!(f, "cannot compile the model: {m}"),
			Error::Witness(m) => write!(f, "cannot build the witness: {m}"),
			Error::Key(m) => write!(f, "key: {m}"),
			Error::Ceremony(m) => write!(f, "ceremony: {m}"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

pub type Result<T, E = Error> = core::result::Result<T, E>;
