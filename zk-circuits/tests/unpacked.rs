//! The unpacked proving key: it proves exactly what its key file proves, it
//! is refused when it belongs to another key file or its bytes were changed,
//! and `unpacked::load` writes, uses and replaces it.

mod common;

use std::path::PathBuf;

use common::*;
use verity_inference::hash::blake2_256;
use verity_zk::unpacked::{self, KeySource};
use verity_zk::{prove, setup, statement, verify, Error, ProvingKey};

fn scratch(name: &str) -> PathBuf {
	let dir =
		std::env::temp_dir().join(format!("verity-zk-unpacked-{}-{name}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).unwrap();
	dir
}

fn decode_error(r: Result<ProvingKey, Error>, why: &str) {
	match r {
		Err(Error::Decode(m)) if m.contains(why) => {}
		Err(e) => panic!("expected a decode error about '{why}', got {e:?}"),
		Ok(_) => panic!("expected a decode error about '{why}', got a key"),
	}
}

#[test]
fn an_unpacked_key_proves_what_its_key_file_proves() {
	let model = example("mlp_digits8");
	let mut r = rng(41);
	let (pk, vk) = setup(&model, &mut r).unwrap();
	let file = pk.to_bytes();
	let source = blake2_256(&file);
	let mut copy = Vec::new();
	pk.write_unpacked(&mut copy, &source, &model).unwrap();
	let unpacked = ProvingKey::read_unpacked(&copy, &source).unwrap();
	assert_eq!(unpacked.to_bytes(), file, "the same key");

	let from_file = ProvingKey::from_bytes(&file).unwrap();
	let inputs = random_inputs(&model, &mut r);
	let b = binding(5, 3);
	let (out_a, proof_a) = prove(&from_file, &model, &inputs, &b).unwrap();
	let (out_b, proof_b) = prove(&unpacked, &model, &inputs, &b).unwrap();
	// Proofs are not blinded, so the same key and witness give the same proof.
	assert_eq!((&out_a, &proof_a), (&out_b, &proof_b));
	let st = statement(&model, &inputs, &out_b, &b);
	assert_eq!(verify(&vk, &st, &proof_b), Ok(()));
	// An unpacked key still refuses another model.
	let mut other = model.clone();
	if let verity_inference::QOp::Linear { weight, .. } = &mut other.ops[0].op {
		weight.data[0] += 1;
	}
	assert!(matches!(
		prove(&unpacked, &other, &inputs, &b),
		Err(Error::Key(_))
	));
}

#[test]
fn copies_of_other_key_files_or_with_changed_bytes_are_refused() {
	let model = example("mlp_digits8");
	let (pk, _) = setup(&model, &mut rng(42)).unwrap();
	let source = blake2_256(&pk.to_bytes());
	let mut copy = Vec::new();
	pk.write_unpacked(&mut copy, &source, &model).unwrap();
	// Twin: the intact copy loads.
	assert!(ProvingKey::read_unpacked(&copy, &source).is_ok());

	let mut other = source;
	other[0] ^= 1;
	decode_error(
		ProvingKey::read_unpacked(&copy, &other),
		"made from another key file",
	);
	// One flipped bit anywhere in the body: the points are not checked, the
	// hash is.
	for at in [69, 200, copy.len() / 3, copy.len() / 2, copy.len() - 1] {
		let mut bad = copy.clone();
		bad[at] ^= 0x10;
		decode_error(
			ProvingKey::read_unpacked(&bad, &source),
			"do not match its hash",
		);
	}
	for cut in [0, 4, 68, 69, 1000, copy.len() - 1] {
		assert!(
			ProvingKey::read_unpacked(&copy[..cut], &source).is_err(),
			"cut at {cut}"
		);
	}
	let mut magic = copy.clone();
	magic[0] = b'x';
	decode_error(ProvingKey::read_unpacked(&magic, &source), "bad magic");
	// A key file is not an unpacked key, nor the other way round.
	decode_error(
		ProvingKey::read_unpacked(&pk.to_bytes(), &source),
		"bad magic",
	);
	decode_error(ProvingKey::from_bytes(&copy), "bad magic");
}

#[test]
fn load_writes_the_copy_then_uses_it_and_replaces_a_damaged_one() {
	let model = example("mlp_digits8");
	let (pk, _) = setup(&model, &mut rng(43)).unwrap();
	let file = pk.to_bytes();
	let source = blake2_256(&file);
	let dir = scratch("load");
	let path = dir.join("proving.key.unpacked");
	let never = || -> Result<Vec<u8>, String> { panic!("the key file was read") };

	let (key, from) = unpacked::load(&path, &source, &model, || Ok(file.clone())).unwrap();
	assert_eq!(from, KeySource::KeyFile);
	assert_eq!(key.to_bytes(), file);
	assert!(path.exists());
	let (key, from) = unpacked::load(&path, &source, &model, never).unwrap();
	assert_eq!(from, KeySource::Unpacked);
	assert_eq!(key.to_bytes(), file);

	// A damaged copy is replaced from the key file.
	let mut bytes = std::fs::read(&path).unwrap();
	let mid = bytes.len() / 2;
	bytes[mid] ^= 1;
	std::fs::write(&path, &bytes).unwrap();
	let (_, from) = unpacked::load(&path, &source, &model, || Ok(file.clone())).unwrap();
	assert_eq!(from, KeySource::KeyFile);
	let (_, from) = unpacked::load(&path, &source, &model, never).unwrap();
	assert_eq!(from, KeySource::Unpacked);

	// The copy of another key is not used for this one.
	let (pk2, _) = setup(&model, &mut rng(44)).unwrap();
	let file2 = pk2.to_bytes();
	let source2 = blake2_256(&file2);
	let (key2, from) = unpacked::load(&path, &source2, &model, || Ok(file2.clone())).unwrap();
	assert_eq!(from, KeySource::KeyFile);
	assert_eq!(key2.to_bytes(), file2);

	// Key-file bytes that do not hash to the source are refused.
	let mut wrong = source2;
	wrong[31] ^= 1;
	let refused = unpacked::load(&dir.join("other"), &wrong, &model, || Ok(file2.clone()));
	assert!(matches!(refused, Err(Error::Decode(m)) if m.contains("hash")));

	// A copy that cannot be written is reported, and the key still loads.
	let nowhere = dir.join("missing-dir").join("proving.key.unpacked");
	let (_, from) = unpacked::load(&nowhere, &source, &model, || Ok(file.clone())).unwrap();
	assert!(matches!(from, KeySource::KeyFileNotCached(_)), "{from:?}");
	let _ = std::fs::remove_dir_all(&dir);
}
