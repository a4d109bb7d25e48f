//! SS58 addresses (the generic Substrate format; Verity uses prefix 42).

use blake2::{Blake2b512, Digest};

/// Verity's SS58 address prefix.
pub const PREFIX: u16 = 42;

fn checksum(data: &[u8]) -> [u8; 64] {
	let mut hasher = Blake2b512::new();
	hasher.update(b"SS58PRE");
	hasher.update(data);
	hasher.finalize().into()
}

/// The SS58 address of a 32-byte public key.
pub fn encode(public: &[u8; 32]) -> String {
	let mut data = Vec::with_capacity(35);
	if PREFIX < 64 {
		data.push(PREFIX as u8);
	} else {
		data.push(((PREFIX & 0b1111_1100) as u8 >> 2) | 0b0100_0000);
		data.push(((PREFIX >> 8) as u8) | ((PREFIX & 0b11) as u8) << 6);
	}
	data.extend_from_slice(public);
	let sum = checksum(&data);
	data.extend_from_slice(&sum[..2]);
	bs58::encode(data).into_string()
}

/// The public key of an SS58 address with any one-byte prefix, if the checksum holds.
pub fn decode(address: &str) -> Option<[u8; 32]> {
	let bytes = bs58::decode(address).into_vec().ok()?;
	if bytes.len() != 35 || bytes[0] >= 64 {
		return None;
	}
	let sum = checksum(&bytes[..33]);
	if bytes[33..] != sum[..2] {
		return None;
	}
	bytes[1..33].try_into().ok()
}

/// Normalizes an account given as SS58 (any prefix) or 0x-hex public key to Verity's SS58.
pub fn normalize(account: &str) -> Option<String> {
	let account = account.trim();
	if let Some(hex) = account.strip_prefix("0x") {
		let bytes: [u8; 32] = hex::decode(hex).ok()?.try_into().ok()?;
		return Some(encode(&bytes));
	}
	decode(account).map(|pk| encode(&pk))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn alice_round_trips() {
		// //Alice's sr25519 public key and its well-known generic-substrate address.
		let alice = hex::decode("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
			.unwrap();
		let alice: [u8; 32] = alice.try_into().unwrap();
		let address = encode(&alice);
		assert_eq!(address, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
		assert_eq!(decode(&address), Some(alice));
		assert_eq!(
			normalize("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
			Some(address.clone())
		);
		// A flipped character breaks the checksum.
		assert_eq!(
			decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ"),
			None
		);
	}
}
