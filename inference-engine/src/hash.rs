//! Model identity: blake2-256 (BLAKE2b with a 32-byte digest, unkeyed; the same
//! function as Substrate's `blake2_256`).
//!
//! * ONNX hash: over the exact bytes of the `.onnx` file.
//! * Quantized-model hash: over [`crate::QuantizedModel::canonical_bytes`].

use blake2::digest::consts::U32;
use blake2::{Blake2b, Digest};

/// A 32-byte hash.
pub type Hash256 = [u8; 32];

/// blake2-256 of `bytes`.
pub fn blake2_256(bytes: &[u8]) -> Hash256 {
	Blake2b::<U32>::digest(bytes).into()
}

/// Lowercase hex, `0x`-prefixed (the form the chain's JSON uses).
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The ONNX hash of a model file's bytes.
pub fn onnx_hash(onnx_bytes: &[u8]) -> Hash256 {
	blake2_256(onnx_bytes)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn known_vector() {
		// blake2b-256("") from the BLAKE2 reference implementation.
		assert_eq!(
			to_hex(&blake2_256(b"")),
			"0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
		);
	}
}
