//! The statement encoding: packing, ranges, commitments, byte conversions.

use verity_zk::statement::{
	bytes32_to_fields, field_from_bytes, field_to_bytes, sponge_iv, DOMAIN_INPUT,
};
use verity_zk::{Error, Fr, Statement, StatementLayout};

fn layout(input_len: u32, output_len: u32) -> StatementLayout {
	StatementLayout {
		act_bits: 16,
		input_len,
		output_len,
		boundary_output: false,
	}
}

#[test]
fn packing_is_little_endian_offset_slots() {
	let l = layout(1, 1);
	assert_eq!(l.values_per_element(), 15);
	assert_eq!(l.pack(&[-32768], "x").unwrap(), vec![Fr::from(0u64)]);
	assert_eq!(
		l.pack(&[0, 1], "x").unwrap(),
		vec![Fr::from(32768u64 + (32769u64 << 16))]
	);
	let v: Vec<i64> = (0..16).collect();
	let packed = l.pack(&v, "x").unwrap();
	assert_eq!(packed.len(), 2);
	assert_eq!(packed[1], Fr::from(32768u64 + 15));
	// Out of range on either side is an error, not a wrap.
	assert!(matches!(l.pack(&[32768], "x"), Err(Error::Statement(_))));
	assert!(matches!(l.pack(&[-32769], "x"), Err(Error::Statement(_))));
}

#[test]
fn layout_sizes() {
	// 10 outputs: one packed element; 7 public inputs in all.
	assert_eq!(layout(784, 10).num_public_inputs(), 7);
	assert!(!layout(784, 60).output_committed());
	assert_eq!(layout(784, 60).num_public_inputs(), 10);
	// More than 4 packed elements: one commitment.
	assert!(layout(784, 61).output_committed());
	assert_eq!(layout(784, 61).num_public_inputs(), 7);
}

#[test]
fn public_inputs_follow_the_documented_layout() {
	let st = Statement {
		model_id: [1; 32],
		request_id: 77,
		executor: [2; 32],
		input: vec![5, -5, 0],
		output: vec![3, 4],
	};
	let l = layout(3, 2);
	let x = l.public_inputs(&st).unwrap();
	assert_eq!(x.len(), 7);
	assert_eq!(x[0..2], bytes32_to_fields(&[1; 32]));
	assert_eq!(x[2], Fr::from(77u64));
	assert_eq!(x[3..5], bytes32_to_fields(&[2; 32]));
	let packed = l.pack(&st.input, "input").unwrap();
	assert_eq!(
		x[5],
		verity_zk::poseidon::hash(sponge_iv(DOMAIN_INPUT, 16, 3), &packed)
	);
	assert_eq!(x[6], l.pack(&st.output, "output").unwrap()[0]);
	// Twin: lengths must match the layout.
	assert!(matches!(
		layout(4, 2).public_inputs(&st),
		Err(Error::Statement(_))
	));
	assert!(matches!(
		layout(3, 1).public_inputs(&st),
		Err(Error::Statement(_))
	));
}

#[test]
fn field_bytes_round_trip_and_reject_non_canonical() {
	let x = Fr::from(123456789u64);
	assert_eq!(field_from_bytes(&field_to_bytes(&x)), Ok(x));
	assert!(matches!(
		field_from_bytes(&[0xff; 32]),
		Err(Error::Decode(_))
	));
	// 32-byte ids split injectively.
	let mut a = [0u8; 32];
	let mut b = [0u8; 32];
	a[16] = 1;
	b[0] = 1;
	assert_ne!(bytes32_to_fields(&a), bytes32_to_fields(&b));
}
