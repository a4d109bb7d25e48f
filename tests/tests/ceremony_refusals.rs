//! Bad key-ceremony contributions sent to a real dev node as signed
//! extrinsics, each refused by the runtime's checks, next to the good one it
//! accepts:
//!
//! Bob registers `mlp_digits8` asking for the first turn (`--contribute
//! --no-wait`), then (with verity-zk, as `verity ceremony contribute` would)
//! computes the initial key and a δ contribution, and sends:
//! 1. Eve's copy of it (not her turn) → `NotYourTurn`;
//! 2. his own, bound to a stale transcript → `InvalidContribution`;
//! 3. his own with a proof of knowledge that does not hold → `InvalidContribution`;
//! 4. his own, a `δ` that is not the proven one → `InvalidContribution`;
//! 5. the right one → accepted (`KeyContributed`);
//! 6. the same again (replayed) → `NotYourTurn`.
//!
//! Alice's node then contributes on top of Bob's key and the key is final
//! with both contributions.
//!
//! A second test: a contribution whose proof and `δ` are right but whose
//! proving key was not rescaled is accepted by the runtime (it never sees the
//! key) and refused by every honest node: Alice's node does not build on it
//! and refutes it on chain, the contribution is removed, and she contributes
//! on the initial key instead; the final key is hers and proves.
//!
//! A third: a right contribution whose proving key Bob never serves. Alice's
//! node cannot fetch it and, after `--ceremony-unavailable-after`, refutes
//! it as it refutes a wrong key: removed, and the final key is hers.

use std::time::Duration;

use anyhow::{ensure, Context, Result};
use ark_ec::{AffineRepr, CurveGroup};
use ark_ff::AdditiveGroup;
use serde_json::Value;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::{dev, Keypair};
use verity_tests::cli::{cli_binary, key_contributors, Cli, ExampleModel};
use verity_tests::{rpc, wait_for, Node, NodeConfig};
use verity_zk::ceremony::srs::insecure_dev_srs_on;
use verity_zk::ceremony::{binding, dev as dev_srs, lagrange, phase2};
use verity_zk::Fr;

fn hex_bytes(v: &Value) -> Result<Vec<u8>> {
	verity_tests::rpc::unhex(v.as_str().context("a hex string")?)
}

/// Submits `Ceremony::contribute_key` signed by `who`; `Ok(None)` if it was
/// accepted, `Ok(Some(error))` with the dispatch error's text otherwise.
async fn contribute(
	api: &OnlineClient<PolkadotConfig>,
	who: &Keypair,
	model_id: u64,
	delta: &[u8],
	proof: &[u8],
	proving_key: [u8; 32],
) -> Result<Option<String>> {
	let tx = dynamic::transaction(
		"Ceremony",
		"contribute_key",
		(
			model_id,
			delta.to_vec(),
			proof.to_vec(),
			proving_key.to_vec(),
		),
	);
	let progress = api
		.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&tx, who)
		.await?;
	match progress.wait_for_finalized_success().await {
		Ok(_) => Ok(None),
		Err(e) => Ok(Some(e.to_string())),
	}
}

/// A dev node (Alice: authority and `--executor`, unsafe RPC) on which Bob
/// registers `mlp_digits8` asking for the key's first turn (`--contribute
/// --no-wait`): the node, a CLI on it and what `model register` printed.
async fn dev_node_with_bobs_model(extra_args: &[&str]) -> Result<(Node, Cli, Value)> {
	let node = Node::start(NodeConfig {
		extra_args: ["--force-authoring", "--executor", "--rpc-methods", "unsafe"]
			.into_iter()
			.chain(extra_args.iter().copied())
			.map(String::from)
			.collect(),
		..NodeConfig::dev()
	})
	.await?;
	let cli = Cli::new(cli_binary(), node.ws_url())?;
	let example = ExampleModel::new("mlp_digits8");
	let out = cli.json(&[
		"model",
		"register",
		verity_tests::cli::path(&example.onnx),
		"--name",
		"digits8",
		"--version",
		"1.0.0",
		"--calibration",
		verity_tests::cli::path(&example.calibration),
		"--out",
		"digits8",
		"--suri",
		"//Bob",
		"--contribute",
		"--no-wait",
	])?;
	Ok((node, cli, out))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_runtime_refuses_bad_key_contributions_from_real_extrinsics() -> Result<()> {
	let (node, cli, out) = dev_node_with_bobs_model(&[]).await?;
	let client = node.client().await?;
	let model_id = out["model_id"].as_u64().context("model_id")?;
	let domain = out["domain_size"].as_u64().context("domain_size")? as usize;
	let status = cli.json(&["ceremony", "status", &model_id.to_string()])?;
	let bob = dev::bob();
	ensure!(
		status["turn"].as_str() == Some(bob.public_key().to_account_id().to_string().as_str()),
		"Bob has the first turn: {status}"
	);
	let transcript: [u8; 32] = hex_bytes(&status["transcript"])?
		.try_into()
		.map_err(|_| anyhow::anyhow!("a 32-byte transcript"))?;

	// The initial key, as every node computes it: the dev SRS restricted to
	// the model's domain (secret τ^(N/n)), its Lagrange bases.
	let srs_info = cli.json(&["ceremony", "status"])?;
	let max_domain = srs_info["max_domain"].as_u64().context("max_domain")? as usize;
	let srs = insecure_dev_srs_on(max_domain, domain)?;
	let bases = lagrange::bases_from_secrets(max_domain, domain, dev_srs::secrets())?;
	let model_bytes = std::fs::read(cli.work.path().join("digits8").join("model.qmodel"))?;
	let model = verity_inference::QuantizedModel::from_bytes(&model_bytes)?;
	// `contribute` consumes a key: make the initial one as often as needed.
	let initial_key = || phase2::initial_proving_key(&srs, &bases, &model);

	// Bob's contribution, bound to the chain's transcript and his account.
	let bob_binding = binding(&transcript, &bob.public_key().0);
	let (bob_key, bob_proof) = phase2::contribute(
		initial_key()?,
		&bob_binding,
		&mut verity_zk::rand::rngs::OsRng,
	)?;
	let delta = bob_key.delta().to_bytes();
	let proof = bob_proof.to_bytes();
	let key_bytes = bob_key.to_bytes();
	let key_hash = verity_zk::ceremony::blake2_256(&[&key_bytes]);
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;

	// 1. Not Eve's turn.
	let refused = contribute(&api, &dev::eve(), model_id, &delta, &proof, key_hash).await?;
	ensure!(
		refused
			.as_deref()
			.is_some_and(|e| e.contains("NotYourTurn")),
		"{refused:?}"
	);
	// 2. A proof bound to another (stale) transcript.
	let stale = binding(&[0u8; 32], &bob.public_key().0);
	let (stale_key, stale_proof) =
		phase2::contribute(initial_key()?, &stale, &mut verity_zk::rand::rngs::OsRng)?;
	let refused = contribute(
		&api,
		&bob,
		model_id,
		&stale_key.delta().to_bytes(),
		&stale_proof.to_bytes(),
		key_hash,
	)
	.await?;
	ensure!(
		refused
			.as_deref()
			.is_some_and(|e| e.contains("InvalidContribution")),
		"{refused:?}"
	);
	// 3. A proof of knowledge that does not hold (response changed).
	let mut broken = bob_proof.clone();
	broken.response += Fr::from(1u64);
	let refused = contribute(&api, &bob, model_id, &delta, &broken.to_bytes(), key_hash).await?;
	ensure!(
		refused
			.as_deref()
			.is_some_and(|e| e.contains("InvalidContribution")),
		"{refused:?}"
	);
	// 4. A δ that is not the proven one (δ·G1 doubled).
	let mut other = bob_key.delta();
	other.delta_g1 = other.delta_g1.into_group().double().into_affine();
	let refused = contribute(&api, &bob, model_id, &other.to_bytes(), &proof, key_hash).await?;
	ensure!(
		refused
			.as_deref()
			.is_some_and(|e| e.contains("InvalidContribution")),
		"{refused:?}"
	);

	// 5. The right one, with its key uploaded for the next contributor.
	rpc::upload_chunked(&client, &key_bytes, 1 << 20).await?;
	let accepted = contribute(&api, &bob, model_id, &delta, &proof, key_hash).await?;
	ensure!(accepted.is_none(), "Bob's contribution: {accepted:?}");
	// 6. Replayed: the turn has passed. Alice's node builds on Bob's key as
	// soon as it sees it in a block, so by the time the replay lands her
	// turn may be open (NotYourTurn) or already done, the key final
	// (NotPending): both refuse it.
	let refused = contribute(&api, &bob, model_id, &delta, &proof, key_hash).await?;
	ensure!(
		refused
			.as_deref()
			.is_some_and(|e| e.contains("NotYourTurn") || e.contains("NotPending")),
		"{refused:?}"
	);

	// Alice's node builds on Bob's key; the key is final with both.
	let done = wait_for("the key final", Duration::from_secs(180), || async {
		let s = cli.json(&["ceremony", "status", &model_id.to_string()])?;
		Ok((s["status"] == "final").then_some(s))
	})
	.await?;
	ensure!(
		key_contributors(&done)
			== [
				bob.public_key().to_account_id().to_string(),
				dev::alice().public_key().to_account_id().to_string()
			],
		"{done}"
	);
	ensure!(
		done["contributions"][0]["proving_key_hash"] == rpc::hex(&key_hash),
		"{done}"
	);
	Ok(())
}

/// `key` with the `H` and `L` queries of `old` put back: a contribution that
/// moved `δ` (and proves it) but did not rescale them. The key file ends
/// with `H` (u64 count, compressed points) then `L`.
fn lazy_key(key: &verity_zk::ProvingKey, old: &verity_zk::ProvingKey) -> Result<Vec<u8>> {
	let tail = |pk: &verity_zk::ProvingKey| {
		let nh = pk.domain_size - 1;
		let nl = pk.num_vars - pk.layout.num_public_inputs() - 1;
		8 + nh * 48 + 8 + nl * 48
	};
	let (new, old_bytes) = (key.to_bytes(), old.to_bytes());
	let mut out = new[..new.len() - tail(key)].to_vec();
	out.extend_from_slice(&old_bytes[old_bytes.len() - tail(old)..]);
	verity_zk::ProvingKey::from_bytes(&out)?;
	Ok(out)
}

/// A contribution whose proof and `δ` are right but whose proving key was not
/// rescaled: the runtime cannot tell (it never sees the key), every honest
/// node can. Alice's node refuses to build on it and refutes it; she is the
/// only other participant, so the contribution is removed at once and her
/// turn builds on the initial key. Without the refutation the key would be
/// final with Bob's contribution alone, and no honest node would prove with
/// it (the pallet's `phase2_a_refuted_contribution_is_removed` shows the
/// chain keeping such a key when nobody refutes it).
/// Bob's contribution to the model `out` registered, made as `verity
/// ceremony contribute` makes it: the model id, the initial key, Bob's
/// rescaled key and its proof of knowledge.
fn bobs_contribution(
	cli: &Cli,
	out: &Value,
) -> Result<(u64, verity_zk::ProvingKey, verity_zk::ProvingKey, Vec<u8>)> {
	let model_id = out["model_id"].as_u64().context("model_id")?;
	let domain = out["domain_size"].as_u64().context("domain_size")? as usize;
	let status = cli.json(&["ceremony", "status", &model_id.to_string()])?;
	let transcript: [u8; 32] = hex_bytes(&status["transcript"])?
		.try_into()
		.map_err(|_| anyhow::anyhow!("a 32-byte transcript"))?;
	let max_domain = cli.json(&["ceremony", "status"])?["max_domain"]
		.as_u64()
		.context("max_domain")? as usize;
	let srs = insecure_dev_srs_on(max_domain, domain)?;
	let bases = lagrange::bases_from_secrets(max_domain, domain, dev_srs::secrets())?;
	let model = verity_inference::QuantizedModel::from_bytes(&std::fs::read(
		cli.work.path().join("digits8").join("model.qmodel"),
	)?)?;
	let initial = phase2::initial_proving_key(&srs, &bases, &model)?;
	let bob = dev::bob();
	let (honest, proof) = phase2::contribute(
		phase2::initial_proving_key(&srs, &bases, &model)?,
		&binding(&transcript, &bob.public_key().0),
		&mut verity_zk::rand::rngs::OsRng,
	)?;
	Ok((model_id, initial, honest, proof.to_bytes()))
}

/// Bob sends his contribution (right `δ` and proof) naming `proving_key`;
/// the runtime accepts it (it never sees keys). Returns the model's ceremony
/// once it is no longer pending.
async fn bob_contributes_and_settles(
	node: &Node,
	cli: &Cli,
	model_id: u64,
	key: &verity_zk::ProvingKey,
	proof: &[u8],
	proving_key: [u8; 32],
) -> Result<Value> {
	let api = OnlineClient::<PolkadotConfig>::from_url(node.ws_url()).await?;
	let delta = key.delta().to_bytes();
	let accepted = contribute(&api, &dev::bob(), model_id, &delta, proof, proving_key).await?;
	ensure!(
		accepted.is_none(),
		"the runtime never sees the key: {accepted:?}"
	);
	wait_for("the key settled", Duration::from_secs(300), || async {
		let s = cli.json(&["ceremony", "status", &model_id.to_string()])?;
		Ok((s["status"] != "pending").then_some(s))
	})
	.await
}

#[tokio::test(flavor = "multi_thread")]
async fn nodes_refuse_a_proving_key_that_was_not_rescaled() -> Result<()> {
	let (node, cli, out) = dev_node_with_bobs_model(&[]).await?;
	let client = node.client().await?;
	let (model_id, initial, honest, proof) = bobs_contribution(&cli, &out)?;
	let lazy = lazy_key(&honest, &initial)?;
	let lazy_hash = verity_zk::ceremony::blake2_256(&[&lazy]);
	rpc::upload_chunked(&client, &lazy, 1 << 20).await?;
	// Alice's node refuses to build on it and refutes it: removed.
	let done =
		bob_contributes_and_settles(&node, &cli, model_id, &honest, &proof, lazy_hash).await?;
	let alice = cli.json(&["account", "--suri", "//Alice"])?["account"].clone();
	let log = node.log_tail(4000);
	ensure!(
		log.contains("refusing its current key") && log.contains("refuting proving key"),
		"Alice's node says why"
	);
	ensure!(done["status"] == "final", "{done}");
	// Bob's contribution is gone: the final key is Alice's alone.
	ensure!(
		key_contributors(&done) == vec![alice],
		"the final key is Alice's alone, on the initial key: {done}"
	);

	// Her worker proves with it.
	cli.json(&["executor", "register", "--suri", "//Alice"])?;
	let served = cli.infer(
		model_id,
		&ExampleModel::new("mlp_digits8").sample,
		"zk",
		"//Ferdie",
		Some(120),
	)?;
	ensure!(served["result"]["status"] == "verified", "{served}");
	Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn nodes_refute_a_proving_key_nobody_serves() -> Result<()> {
	let (node, cli, out) =
		dev_node_with_bobs_model(&["--ceremony-unavailable-after", "10"]).await?;
	let (model_id, _, honest, proof) = bobs_contribution(&cli, &out)?;
	// Right δ and proof; the key is never uploaded.
	let withheld = verity_zk::ceremony::blake2_256(&[&honest.to_bytes()]);
	let done =
		bob_contributes_and_settles(&node, &cli, model_id, &honest, &proof, withheld).await?;
	let alice = cli.json(&["account", "--suri", "//Alice"])?["account"].clone();
	ensure!(
		node.log_tail(4000).contains("no peer served it for"),
		"Alice's node says why it refuted the key"
	);
	ensure!(done["status"] == "final", "{done}");
	ensure!(
		key_contributors(&done) == vec![alice],
		"Bob's withheld key was removed; the final key is Alice's: {done}"
	);
	Ok(())
}
