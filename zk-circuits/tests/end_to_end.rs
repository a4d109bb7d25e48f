//! Setup, prove and verify on the example MLP, plus the negative twins of
//! every statement field.

mod common;

use common::*;
use verity_zk::{
	prove, setup, statement, verify, verify_prepared, Bls12_381, Error, PreparedVerifyingKey,
	Proof, ProvingKey, Statement, VerifyingKey,
};

#[test]
fn prove_verify_and_reject_every_changed_field() {
	let model = example("mlp_digits8");
	let mut r = rng(1);
	let (pk, vk) = setup(&model, &mut r).unwrap();
	let inputs = random_inputs(&model, &mut r);
	let b = binding(42, 7);
	let (outputs, proof) = prove(&pk, &model, &inputs, &b).unwrap();
	assert_eq!(
		outputs,
		model.run(&inputs).unwrap(),
		"prove returns the engine's outputs"
	);
	let st = statement(&model, &inputs, &outputs, &b);
	// Every check below runs through both verifiers, which must agree; the
	// prepared key goes through its encoding, as the runtime stores it.
	let prepared = vk.prepare().to_bytes();
	let pvk = PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&prepared).unwrap();
	assert_eq!(pvk, vk.prepare());
	let check = |st: &Statement| {
		let plain = verify(&vk, st, &proof);
		assert_eq!(
			verify_prepared(&pvk, st, &proof),
			plain,
			"prepared verifier"
		);
		plain
	};
	assert_eq!(check(&st), Ok(()));

	// Serialization round trips, sizes as documented.
	let bytes = proof.to_bytes();
	assert_eq!(bytes.len(), 192);
	let proof2 = Proof::<Bls12_381>::from_bytes(&bytes).unwrap();
	assert_eq!(proof2, proof);
	let vk_bytes = vk.to_bytes();
	assert_eq!(vk_bytes.len(), 770);
	assert_eq!(
		VerifyingKey::<Bls12_381>::from_bytes(&vk_bytes).unwrap(),
		vk
	);
	let pk2 = ProvingKey::from_bytes(&pk.to_bytes()).unwrap();
	let (_, proof3) = prove(&pk2, &model, &inputs, &b).unwrap();
	assert_eq!(verify(&vk, &st, &proof3), Ok(()));

	// The one-call entry point, and its twin with a changed request.
	assert_eq!(
		verity_zk::verify_encoded::<Bls12_381>(&vk_bytes, &st, &bytes),
		Ok(())
	);
	let mut other = st.clone();
	other.request_id += 1;
	assert_eq!(
		verity_zk::verify_encoded::<Bls12_381>(&vk_bytes, &other, &bytes),
		Err(Error::InvalidProof)
	);

	// Wrong output.
	let mut bad = st.clone();
	bad.output[3] += 1;
	assert_eq!(check(&bad), Err(Error::InvalidProof));
	// Wrong input.
	let mut bad = st.clone();
	bad.input[10] ^= 1;
	assert_eq!(check(&bad), Err(Error::InvalidProof));
	// Another request id, another executor.
	let mut bad = st.clone();
	bad.request_id = 43;
	assert_eq!(check(&bad), Err(Error::InvalidProof));
	let mut bad = st.clone();
	bad.executor[31] ^= 0x80;
	assert_eq!(check(&bad), Err(Error::InvalidProof));
	// Another model id (the key names its model).
	let mut bad = st.clone();
	bad.model_id[0] ^= 1;
	assert!(matches!(check(&bad), Err(Error::Statement(_))));
}
