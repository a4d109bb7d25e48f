//! Setup, prove and verify the example MLP (64-32-10) end to end.
//!
//! ```text
//! cargo run --release -p verity-zk --example prove_mlp
//! ```

use std::time::Instant;

use rand::SeedableRng;
use verity_inference::io::parse_tensor_map;
use verity_inference::QuantizedModel;
use verity_zk::{prove, setup, statement, verify, Binding, Bls12_381, Proof, VerifyingKey};

fn main() -> Result<(), Box<dyn std::error::Error>> {
	let models = concat!(env!("CARGO_MANIFEST_DIR"), "/../models");
	let model =
		QuantizedModel::from_bytes(&std::fs::read(format!("{models}/mlp_digits8.qmodel"))?)?;
	let sample = parse_tensor_map(&std::fs::read(format!(
		"{models}/samples/mlp_digits8.input.json"
	))?)?;
	let input = model.quantize_input_map(sample)?;

	// A seeded RNG keeps the example reproducible; real setups use OsRng.
	let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
	let (pk, vk) = setup(&model, &mut rng)?;
	println!(
		"circuit: {} constraints, {} variables",
		pk.num_constraints, pk.num_vars
	);

	let binding = Binding {
		request_id: 7,
		executor: [0x11; 32],
	};
	let t = Instant::now();
	let (output, proof) = prove(&pk, &model, &input, &binding)?;
	println!(
		"proved in {:.3} s; logits {:?}",
		t.elapsed().as_secs_f64(),
		output[0].data
	);

	// What the chain does: decode the key and the proof, rebuild the statement, verify.
	let vk = VerifyingKey::<Bls12_381>::from_bytes(&vk.to_bytes())?;
	let proof = Proof::<Bls12_381>::from_bytes(&proof.to_bytes())?;
	let st = statement(&model, &input, &output, &binding);
	verify(&vk, &st, &proof)?;
	println!(
		"verified: {} public inputs, proof {} bytes, verifying key {} bytes",
		vk.layout.num_public_inputs(),
		proof.to_bytes().len(),
		vk.to_bytes().len()
	);

	let mut other = st.clone();
	other.request_id += 1;
	assert!(verify(&vk, &other, &proof).is_err());
	println!(
		"the same proof for request {} is rejected",
		other.request_id
	);
	Ok(())
}
