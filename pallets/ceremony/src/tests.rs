//! Phase 1 and phase 2 through the pallet's calls and hooks, with real
//! contributions (verity-zk's prover side) and every refusal.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, BoundedVec};
use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
use verity_zk::ceremony::{lagrange, phase2, srs::Srs};
use verity_zk::{Bls12_381, ProvingKey};

fn rng(seed: u64) -> ChaCha20Rng {
	ChaCha20Rng::seed_from_u64(seed)
}

fn state() -> SrsState<Test> {
	Phase1::<Test>::get().unwrap()
}

fn origin(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Ceremony(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn artifact_hash(bytes: &[u8]) -> Hash256 {
	verity_zk::ceremony::blake2_256(&[bytes])
}

/// `who`'s contribution on top of `srs`, bound to the chain's transcript.
fn contribution(
	srs: &Srs,
	who: u64,
	seed: u64,
) -> (Srs, [u8; HEAD_BYTES], [u8; PHASE1_PROOF_BYTES], Hash256) {
	let bind = verity_zk::ceremony::binding(&state().transcript, &who.encode());
	let (next, proof) = srs.contribute(&bind, &mut rng(seed));
	let head: [u8; HEAD_BYTES] = next.head().to_bytes().try_into().unwrap();
	let proof: [u8; PHASE1_PROOF_BYTES] = proof.to_bytes().try_into().unwrap();
	let hash = artifact_hash(&next.to_bytes());
	(next, head, proof, hash)
}

fn tables_of(srs: &Srs) -> BoundedVec<[u8; TABLE_BYTES], ConstU32<MAX_DOMAINS>> {
	let tables: Vec<[u8; TABLE_BYTES]> = verity_zk::ceremony::domain_sizes(srs.max_domain() as u32)
		.into_iter()
		.map(|n| {
			lagrange::domain_table(srs, n as usize)
				.unwrap()
				.to_bytes()
				.try_into()
				.unwrap()
		})
		.collect();
	BoundedVec::try_from(tables).unwrap()
}

#[test]
fn phase1_runs_from_turns_to_a_sealed_srs() {
	new_test_ext(64, false).execute_with(|| {
		// Genesis: contributing, no round yet; the first block starts one.
		assert_eq!(state().phase, SrsPhase::Contributing);
		run_to(2);
		assert_eq!(state().round, 1);
		assert_eq!(state().turns.current(), Some(&1));

		let identity = Srs::identity(64).unwrap();
		// Participant 1: checked by the runtime, then by the participants.
		let (srs1, head, proof, hash1) = contribution(&identity, 1, 1);
		assert_ok!(Ceremony::contribute_srs(
			origin(1),
			Box::new(head),
			Box::new(proof),
			hash1
		));
		assert!(SrsPending::<Test>::exists());
		assert_noop!(
			Ceremony::contribute_srs(origin(2), Box::new(head), Box::new(proof), hash1),
			Error::<Test>::CheckPending
		);
		assert_ok!(Ceremony::attest_srs(origin(2), hash1, true));
		// 1 (the contributor) and 2 of 3: accepted.
		assert!(!SrsPending::<Test>::exists());
		assert_eq!(state().head, head);
		assert_eq!(state().srs_hash, Some(hash1));
		assert_eq!(state().accepted, 1);
		assert_noop!(
			Ceremony::attest_srs(origin(3), hash1, true),
			Error::<Test>::NothingToAttest
		);

		// Participant 2, on top of 1's SRS.
		let (srs2, head, proof, hash2) = contribution(&srs1, 2, 2);
		assert_ok!(Ceremony::contribute_srs(
			origin(2),
			Box::new(head),
			Box::new(proof),
			hash2
		));
		assert_ok!(Ceremony::attest_srs(origin(3), hash2, true));
		assert_eq!(state().accepted, 2);
		// Participant 3 misses its turn.
		assert_eq!(state().turns.current(), Some(&3));
		run_to(System::block_number() + PERIOD + 1);
		assert!(events().contains(&Event::SrsTurnSkipped { who: 3 }));
		// The turns are over with 2 accepted: the beacon is scheduled.
		run_to(System::block_number() + 1);
		let SrsPhase::Beacon { at } = state().phase else {
			panic!("beacon expected, got {:?}", state().phase)
		};
		run_to(at + 1);
		assert_eq!(state().phase, SrsPhase::Sealing);
		let beacon: Hash256 = System::block_hash(at).into();
		let final_srs = srs2.apply_beacon(&beacon);
		assert_eq!(state().head.to_vec(), final_srs.head().to_bytes());

		// Sealing: the same final SRS and tables from a majority.
		let final_hash = artifact_hash(&final_srs.to_bytes());
		let tables = tables_of(&final_srs);
		assert_ok!(Ceremony::seal_srs(origin(1), final_hash, tables.clone()));
		assert_noop!(
			Ceremony::seal_srs(origin(1), final_hash, tables.clone()),
			Error::<Test>::AlreadyVoted
		);
		assert_noop!(
			Ceremony::seal_srs(origin(9), final_hash, tables.clone()),
			Error::<Test>::NotParticipant
		);
		let mut short = tables.clone();
		short.pop();
		assert_noop!(
			Ceremony::seal_srs(origin(2), final_hash, short),
			Error::<Test>::WrongTables
		);
		assert_ok!(Ceremony::seal_srs(origin(2), final_hash, tables));
		assert_eq!(state().phase, SrsPhase::Final);
		assert_eq!(FinalSrs::<Test>::get(), Some(final_hash));
		assert!(!state().insecure);
		assert!(events().contains(&Event::SrsSealed {
			srs_hash: final_hash,
			domains: 3
		}));
		Ceremony::do_try_state().unwrap();
	});
}

#[test]
fn phase1_refuses_bad_contributions() {
	new_test_ext(32, false).execute_with(|| {
		run_to(2);
		let identity = Srs::identity(32).unwrap();
		let (_, head, proof, hash) = contribution(&identity, 1, 3);
		// Not its turn.
		assert_noop!(
			Ceremony::contribute_srs(origin(2), Box::new(head), Box::new(proof), hash),
			Error::<Test>::NotYourTurn
		);
		// Participant 2's proof submitted by 1 (bound to 2's account).
		let bind2 = verity_zk::ceremony::binding(&state().transcript, &2u64.encode());
		let (next2, proof2) = identity.contribute(&bind2, &mut rng(4));
		let head2: [u8; HEAD_BYTES] = next2.head().to_bytes().try_into().unwrap();
		let proof2: [u8; PHASE1_PROOF_BYTES] = proof2.to_bytes().try_into().unwrap();
		assert_noop!(
			Ceremony::contribute_srs(origin(1), Box::new(head2), Box::new(proof2), hash),
			Error::<Test>::InvalidContribution
		);
		// A head that the proof does not move to.
		assert_noop!(
			Ceremony::contribute_srs(origin(1), Box::new(head2), Box::new(proof), hash),
			Error::<Test>::InvalidContribution
		);
		// Garbage bytes.
		let mut bad = head;
		bad[0] ^= 0xff;
		assert_noop!(
			Ceremony::contribute_srs(origin(1), Box::new(bad), Box::new(proof), hash),
			Error::<Test>::Malformed
		);
		// The right one; then its replay is not anyone's turn's contribution.
		assert_ok!(Ceremony::contribute_srs(
			origin(1),
			Box::new(head),
			Box::new(proof),
			hash
		));
		assert_ok!(Ceremony::attest_srs(origin(3), hash, true));
		assert_noop!(
			Ceremony::contribute_srs(origin(1), Box::new(head), Box::new(proof), hash),
			Error::<Test>::NotYourTurn
		);
		// 2 replays 1's proof in its own turn: bound to another transcript.
		assert_noop!(
			Ceremony::contribute_srs(origin(2), Box::new(head), Box::new(proof), hash),
			Error::<Test>::InvalidContribution
		);
	});
}

#[test]
fn phase1_a_contribution_the_nodes_find_malformed_is_refused() {
	new_test_ext(32, false).execute_with(|| {
		run_to(2);
		let before = state();
		let (_, head, proof, hash) = contribution(&Srs::identity(32).unwrap(), 1, 5);
		assert_ok!(Ceremony::contribute_srs(
			origin(1),
			Box::new(head),
			Box::new(proof),
			hash
		));
		assert_noop!(
			Ceremony::attest_srs(origin(9), hash, false),
			Error::<Test>::NotParticipant
		);
		assert_noop!(
			Ceremony::attest_srs(origin(2), [0; 32], false),
			Error::<Test>::NothingToAttest
		);
		assert_ok!(Ceremony::attest_srs(origin(2), hash, false));
		assert_noop!(
			Ceremony::attest_srs(origin(2), hash, true),
			Error::<Test>::AlreadyVoted
		);
		assert_ok!(Ceremony::attest_srs(origin(3), hash, false));
		assert!(events().contains(&Event::SrsRefused {
			who: 1,
			srs_hash: hash
		}));
		assert_eq!(state().head, before.head);
		assert_eq!(state().transcript, before.transcript);
		assert_eq!(state().accepted, 0);
		assert_eq!(state().turns.current(), Some(&2), "the turn passed");

		// Unchecked within the check period: refused too.
		let (_, head, proof, hash) = contribution(&Srs::identity(32).unwrap(), 2, 6);
		assert_ok!(Ceremony::contribute_srs(
			origin(2),
			Box::new(head),
			Box::new(proof),
			hash
		));
		run_to(System::block_number() + CHECK + 1);
		assert!(events().contains(&Event::SrsRefused {
			who: 2,
			srs_hash: hash
		}));
		assert_eq!(state().turns.current(), Some(&3));
	});
}

#[test]
fn phase1_starts_another_round_when_too_few_were_accepted() {
	new_test_ext(32, false).execute_with(|| {
		run_to(2);
		run_to(2 + 3 * (PERIOD + 1) + 2);
		assert_eq!(state().round, 2);
		assert_eq!(state().phase, SrsPhase::Contributing);
		assert!(events().contains(&Event::SrsRoundStarted {
			round: 2,
			participants: 3
		}));
	});
}

/// A model spec for `model`'s statement.
fn spec_of(model: &verity_inference::QuantizedModel) -> pallet_models::ModelSpec {
	let layout = verity_zk::circuit::layout(model).unwrap();
	pallet_models::ModelSpec {
		quantized_hash: model.hash(),
		input_len: layout.input_len,
		output_len: layout.output_len,
		act_bits: layout.act_bits,
		supports_zk: true,
		supports_vanilla: false,
		active: true,
	}
}

fn example(name: &str) -> verity_inference::QuantizedModel {
	let path = format!("{}/../../models/{name}.qmodel", env!("CARGO_MANIFEST_DIR"));
	verity_inference::QuantizedModel::from_bytes(&std::fs::read(path).unwrap()).unwrap()
}

/// `mlp_digits8`, its model spec and its smallest QAP domain.
fn mlp_digits8() -> (
	verity_inference::QuantizedModel,
	pallet_models::ModelSpec,
	u32,
) {
	let model = example("mlp_digits8");
	let spec = spec_of(&model);
	let domain = verity_zk::Qap::compile(&model)
		.unwrap()
		.smallest_domain_size()
		.unwrap() as u32;
	(model, spec, domain)
}

/// `who`'s δ contribution to `pk`, bound to the chain's transcript of `model_id`.
fn key_contribution(
	pk: ProvingKey,
	model_id: ModelId,
	who: u64,
	seed: u64,
) -> (
	ProvingKey,
	[u8; DELTA_BYTES],
	[u8; KEY_PROOF_BYTES],
	Hash256,
) {
	let c = Ceremonies::<Test>::get(model_id).unwrap();
	let bind = verity_zk::ceremony::binding(&c.transcript, &who.encode());
	let (next, proof) = phase2::contribute(pk, &bind, &mut rng(seed)).unwrap();
	let delta = next.delta();
	let hash = artifact_hash(&next.to_bytes());
	(
		next,
		delta.to_bytes().try_into().unwrap(),
		proof.to_bytes().try_into().unwrap(),
		hash,
	)
}

#[test]
fn phase2_makes_a_key_that_proves_and_verifies_only_when_final() {
	use pallet_models::ZkSetup;
	new_test_ext(6144, true).execute_with(|| {
		assert!(state().insecure);
		assert_eq!(state().phase, SrsPhase::Final);
		let (model, spec, domain) = mlp_digits8();
		assert_noop!(
			Ceremony::start(7, &spec, domain * 4, None, false),
			Error::<Test>::BadDomain
		);
		assert_noop!(
			Ceremony::start(7, &spec, 100, None, false),
			Error::<Test>::BadDomain
		);
		assert_ok!(Ceremony::start(7, &spec, domain, None, false));
		assert_noop!(
			Ceremony::start(7, &spec, domain, None, false),
			Error::<Test>::AlreadyStarted
		);
		assert_eq!(Ceremony::verifying_key(7), None, "pending: no key");

		// Every node computes the same initial key; its vk is the chain's.
		let srs = verity_zk::ceremony::srs::insecure_dev_srs(6144).unwrap();
		let bases = lagrange::bases(&srs, domain as usize).unwrap();
		let pk = phase2::initial_proving_key(&srs, &bases, &model).unwrap();
		let chain_vk = VerifyingKeys::<Test>::get(7).unwrap();
		assert_eq!(pk.verifying_key().to_bytes(), chain_vk.to_vec());

		// 1 contributes; 2 replays 1's proof; 2 contributes; 3 misses its turn.
		let (pk1, delta, proof, hash1) = key_contribution(pk, 7, 1, 10);
		assert_noop!(
			Ceremony::contribute_key(origin(2), 7, delta, Box::new(proof), hash1),
			Error::<Test>::NotYourTurn
		);
		assert_ok!(Ceremony::contribute_key(
			origin(1),
			7,
			delta,
			Box::new(proof),
			hash1
		));
		assert_noop!(
			Ceremony::contribute_key(origin(2), 7, delta, Box::new(proof), hash1),
			Error::<Test>::InvalidContribution
		);
		let (pk2, delta, proof, hash2) = key_contribution(pk1, 7, 2, 11);
		assert_ok!(Ceremony::contribute_key(
			origin(2),
			7,
			delta,
			Box::new(proof),
			hash2
		));
		// The chain's key follows δ; the nodes' check accepts the new key.
		let vk = verity_zk::VerifyingKey::<Bls12_381>::from_bytes(
			&VerifyingKeys::<Test>::get(7).unwrap(),
		)
		.unwrap();
		assert_eq!(vk, pk2.verifying_key());
		phase2::check_proving_key(&srs, &pk2, &model, &vk, &mut rng(12)).unwrap();
		assert_eq!(
			Ceremony::verifying_key(7),
			None,
			"not final before the last turn"
		);
		assert_eq!(Ceremony::prepared_verifying_key(7), None, "nor prepared");
		run_to(System::block_number() + PERIOD + 1);
		assert!(events().contains(&Event::KeyTurnSkipped {
			model_id: 7,
			who: 3
		}));
		assert!(events().contains(&Event::KeyFinalized {
			model_id: 7,
			proving_key: hash2,
			contributions: 2
		}));
		assert_eq!(Ceremony::proving_key_hash(7), Some(hash2));

		// The final key verifies a proof from the final proving key, through
		// the runtime's decoder; a false output is refused.
		let final_vk = Ceremony::verifying_key(7).unwrap();
		let input = vec![verity_inference::IntTensor {
			shape: vec![1, 64],
			data: (0..64).map(|i| i * 100 - 3000).collect(),
		}];
		let binding = verity_zk::Binding {
			request_id: 3,
			executor: [5; 32],
		};
		let (output, proof) = verity_zk::prove(&pk2, &model, &input, &binding).unwrap();
		let mut st = verity_zk::statement(&model, &input, &output, &binding);
		let proof = proof.to_bytes();
		type Host = sp_crypto_ec_utils::bls12_381::Bls12_381;
		assert_eq!(
			verity_zk::verify_encoded::<Host>(&final_vk, &st, &proof),
			Ok(())
		);
		// The prepared key, made when the ceremony ended, is the final key's
		// and verifies the same way.
		let prepared = Ceremony::prepared_verifying_key(7).unwrap();
		let final_key = verity_zk::VerifyingKey::<Host>::from_bytes(&final_vk).unwrap();
		assert_eq!(prepared, final_key.prepare().to_bytes());
		let pvk = verity_zk::PreparedVerifyingKey::<Host>::from_trusted_bytes(&prepared).unwrap();
		let decoded = verity_zk::Proof::<Host>::from_bytes(&proof).unwrap();
		assert_eq!(verity_zk::verify_prepared(&pvk, &st, &decoded), Ok(()));
		st.output[0] += 1;
		assert!(verity_zk::verify_encoded::<Host>(&final_vk, &st, &proof).is_err());
		assert_eq!(
			verity_zk::verify_prepared(&pvk, &st, &decoded),
			Err(verity_zk::Error::InvalidProof)
		);
		Ceremony::do_try_state().unwrap();
		// A prepared key that is not the final key's breaks an invariant.
		let mut other = prepared.clone();
		let last = other.len() - 1;
		other[last] ^= 1;
		PreparedKeys::<Test>::insert(7, BoundedVec::truncate_from(other));
		assert!(Ceremony::do_try_state().is_err());
		// Removing the version removes its prepared key.
		Ceremony::remove(7);
		assert_eq!(PreparedKeys::<Test>::get(7), None);
		Ceremony::do_try_state().unwrap();
	});
}

#[test]
fn phase2_fails_with_too_few_contributions_and_can_retry() {
	use pallet_models::ZkSetup;
	new_test_ext(6144, true).execute_with(|| {
		let (model, spec, domain) = mlp_digits8();
		// The registrant (9) asked for the first turn.
		assert_ok!(Ceremony::start(4, &spec, domain, Some(&9), false));
		assert_eq!(
			Ceremony::ceremony(4).unwrap().turns.order.to_vec(),
			vec![9, 1, 2, 3]
		);
		let srs = verity_zk::ceremony::srs::insecure_dev_srs(6144).unwrap();
		let bases = lagrange::bases(&srs, domain as usize).unwrap();
		let pk = phase2::initial_proving_key(&srs, &bases, &model).unwrap();
		let (pk, delta, proof, hash) = key_contribution(pk, 4, 9, 20);
		assert_ok!(Ceremony::contribute_key(
			origin(9),
			4,
			delta,
			Box::new(proof),
			hash
		));
		// Nobody else contributes: one contribution, two needed.
		run_to(System::block_number() + 4 * (PERIOD + 1));
		assert_eq!(Ceremony::ceremony(4).unwrap().status, KeyStatus::Failed);
		assert_eq!(Ceremony::verifying_key(4), None);
		assert!(Active::<Test>::get().is_empty());
		assert_noop!(
			Ceremony::retry_key(origin(5), 5),
			Error::<Test>::UnknownCeremony
		);
		assert_ok!(Ceremony::retry_key(origin(5), 4));
		assert_noop!(Ceremony::retry_key(origin(5), 4), Error::<Test>::NotFailed);
		let c = Ceremony::ceremony(4).unwrap();
		assert_eq!(
			(c.status, c.round, c.contributions.len()),
			(KeyStatus::Pending, 2, 1)
		);
		let (_, delta, proof, hash) = key_contribution(pk, 4, 1, 21);
		assert_ok!(Ceremony::contribute_key(
			origin(1),
			4,
			delta,
			Box::new(proof),
			hash
		));
		run_to(System::block_number() + 3 * (PERIOD + 1));
		assert_eq!(Ceremony::ceremony(4).unwrap().status, KeyStatus::Final);
	});
}

#[test]
fn phase2_needs_a_final_srs_and_room() {
	use pallet_models::ZkSetup;
	new_test_ext(6144, false).execute_with(|| {
		let spec = spec_of(&example("mlp_digits8"));
		assert_noop!(
			Ceremony::start(1, &spec, 3072, None, false),
			Error::<Test>::SrsNotFinal
		);
	});
	new_test_ext(6144, true).execute_with(|| {
		let spec = spec_of(&example("mlp_digits8"));
		assert_ok!(Ceremony::start(1, &spec, 3072, None, false));
		assert_ok!(Ceremony::start(2, &spec, 3072, None, false));
		assert_noop!(
			Ceremony::start(3, &spec, 3072, None, false),
			Error::<Test>::TooManyCeremonies
		);
		let mut wide = spec.clone();
		wide.output_len = 10_000;
		wide.act_bits = 2;
		assert!(Ceremony::start(4, &wide, 3072, None, false).is_err());
	});
}

/// `who` contributes `(delta, proof, hash)` to model `model_id`'s key.
fn contribute(
	model_id: ModelId,
	who: u64,
	(delta, proof, hash): ([u8; DELTA_BYTES], [u8; KEY_PROOF_BYTES], Hash256),
) {
	assert_ok!(Ceremony::contribute_key(
		origin(who),
		model_id,
		delta,
		Box::new(proof),
		hash
	));
}

/// The runtime never sees proving keys, so it accepts a contribution whose
/// proof and δ are right whatever key it names. Without refutations such a
/// key stays final (first half); a majority of the other participants'
/// refutations removes the contribution, final or pending, and the key before
/// it is current again, down to the initial key, with the transcript and δ
/// that the next contribution's proof must bind to and build on.
#[test]
fn phase2_a_refuted_contribution_is_removed() {
	use pallet_models::ZkSetup;
	new_test_ext(6144, true).execute_with(|| {
		let (model, spec, domain) = mlp_digits8();
		assert_ok!(Ceremony::start(7, &spec, domain, None, false));
		let initial = Ceremony::ceremony(7).unwrap();
		let initial_vk = VerifyingKeys::<Test>::get(7).unwrap();
		let srs = verity_zk::ceremony::srs::insecure_dev_srs(6144).unwrap();
		let bases = lagrange::bases(&srs, domain as usize).unwrap();
		let pk = phase2::initial_proving_key(&srs, &bases, &model).unwrap();

		assert_noop!(
			Ceremony::refute_key(origin(2), 7, [0; 32]),
			Error::<Test>::NotCurrentKey,
		);
		let (pk1, d, p, hash1) = key_contribution(pk, 7, 1, 30);
		contribute(7, 1, (d, p, hash1));
		let after1 = Ceremony::ceremony(7).unwrap();
		let (pk2, d, p, hash2) =
			key_contribution(ProvingKey::from_bytes(&pk1.to_bytes()).unwrap(), 7, 2, 31);
		contribute(7, 2, (d, p, hash2));
		let after2 = Ceremony::ceremony(7).unwrap();
		let vk2 = VerifyingKeys::<Test>::get(7).unwrap();
		// 3's contribution names a key no one can prove with: final anyway.
		let (_, d, p, _) = key_contribution(pk2, 7, 3, 32);
		let hash3 = [3; 32];
		contribute(7, 3, (d, p, hash3));
		assert_eq!(Ceremony::ceremony(7).unwrap().status, KeyStatus::Final);
		assert_eq!(Ceremony::proving_key_hash(7), Some(hash3));
		let prepared3 = Ceremony::prepared_verifying_key(7).unwrap();

		assert_noop!(
			Ceremony::refute_key(origin(1), 7, hash2),
			Error::<Test>::NotCurrentKey
		);
		assert_noop!(
			Ceremony::refute_key(origin(3), 7, hash3),
			Error::<Test>::OwnContribution
		);
		assert_noop!(
			Ceremony::refute_key(origin(9), 7, hash3),
			Error::<Test>::NotParticipant
		);
		// One of the two others is not a majority.
		assert_ok!(Ceremony::refute_key(origin(1), 7, hash3));
		assert_noop!(
			Ceremony::refute_key(origin(1), 7, hash3),
			Error::<Test>::AlreadyVoted
		);
		assert_eq!(Ceremony::proving_key_hash(7), Some(hash3));
		assert_ok!(Ceremony::refute_key(origin(2), 7, hash3));
		assert!(events().contains(&Event::KeyContributionRemoved {
			model_id: 7,
			who: 3,
			proving_key: hash3
		}));
		// Final again on 2's key, with 2's δ and transcript.
		let c = Ceremony::ceremony(7).unwrap();
		assert_eq!(c.status, KeyStatus::Final);
		assert_eq!(
			(c.proving_key, c.transcript, c.delta_g1),
			(Some(hash2), after2.transcript, after2.delta_g1)
		);
		assert!(c.refuted_by.is_empty());
		assert_eq!(VerifyingKeys::<Test>::get(7).unwrap(), vk2);
		assert_eq!(Ceremony::proving_key_hash(7), Some(hash2));
		// The prepared key follows: 2's key, prepared again.
		let prepared2 = Ceremony::prepared_verifying_key(7).unwrap();
		assert_ne!(prepared2, prepared3);
		assert_eq!(
			prepared2,
			verity_zk::VerifyingKey::<Bls12_381>::from_bytes(&vk2)
				.unwrap()
				.prepare()
				.to_bytes()
		);
		Ceremony::do_try_state().unwrap();

		// Refuting 2's key leaves one contribution: failed (two needed).
		assert_ok!(Ceremony::refute_key(origin(1), 7, hash2));
		assert_ok!(Ceremony::refute_key(origin(3), 7, hash2));
		let c = Ceremony::ceremony(7).unwrap();
		assert_eq!(c.status, KeyStatus::Failed);
		assert_eq!(Ceremony::verifying_key(7), None);
		assert_eq!(Ceremony::prepared_verifying_key(7), None);
		assert_eq!(PreparedKeys::<Test>::get(7), None);
		assert_eq!(
			(c.proving_key, c.transcript),
			(Some(hash1), after1.transcript)
		);
		assert_noop!(
			Ceremony::refute_key(origin(2), 7, hash1),
			Error::<Test>::NotPending
		);

		// Another round builds on 1's key: the restored transcript and δ are
		// the ones its proof binds to and moves from.
		assert_ok!(Ceremony::retry_key(origin(5), 7));
		let (_, d, p, hash) = key_contribution(pk1, 7, 1, 33);
		contribute(7, 1, (d, p, hash));
		// Pending refutations work the same, down to the initial key.
		for (who, key) in [(2, hash), (3, hash), (2, hash1), (3, hash1)] {
			assert_ok!(Ceremony::refute_key(origin(who), 7, key));
		}
		let c = Ceremony::ceremony(7).unwrap();
		assert_eq!(c.status, KeyStatus::Pending);
		assert!(c.contributions.is_empty());
		assert_eq!(
			(c.proving_key, c.transcript, c.delta_g1),
			(None, initial.transcript, initial.delta_g1)
		);
		assert_eq!(VerifyingKeys::<Test>::get(7).unwrap(), initial_vk);
		assert_noop!(
			Ceremony::refute_key(origin(2), 7, hash1),
			Error::<Test>::NotCurrentKey
		);
		Ceremony::do_try_state().unwrap();
	});
}

#[test]
fn lagrange_bases_are_published_once_per_domain_by_its_assignee() {
	new_test_ext(3 << 12, true).execute_with(|| {
		// A development SRS has no artifact: nothing to share.
		assert!(Ceremony::tasks(&1).is_empty());
		assert_noop!(
			Ceremony::publish_bases(origin(1), 1024, [1; 32]),
			Error::<Test>::SrsNotFinal
		);
		// A sealed SRS of 3·2^12 points (the development one stands in).
		let srs_hash = [0x5e; 32];
		FinalSrs::<Test>::put(srs_hash);
		Phase1::<Test>::mutate(|s| s.as_mut().unwrap().insecure = false);
		let shared = Ceremony::shared_domains(3 << 12);
		assert_eq!(shared, vec![1024, 1536, 2048, 3072, 4096, 6144, 12288]);

		// The participants take the domains in turn.
		let prepare = |who: u64| -> Vec<u32> {
			Ceremony::tasks(&who)
				.into_iter()
				.filter_map(|t| match t {
					CeremonyTask::PrepareBases {
						srs_hash: h,
						domain_size,
					} if h == srs_hash => Some(domain_size),
					_ => None,
				})
				.collect()
		};
		assert_eq!(prepare(1), vec![1024, 3072, 12288]);
		assert_eq!(prepare(2), vec![1536, 4096]);
		assert_eq!(prepare(3), vec![2048, 6144]);
		assert!(Ceremony::tasks(&9).is_empty(), "not a participant");

		// Only the assignee publishes, only shared domains, only once.
		let bases = artifact_hash(b"bases on 3072 points");
		for (who, n, error) in [
			(2, 3072, Error::<Test>::NotAssigned),
			(9, 3072, Error::<Test>::NotAssigned),
			(1, 512, Error::<Test>::BadDomain),
			(1, 5000, Error::<Test>::BadDomain),
			(1, 3 << 13, Error::<Test>::BadDomain),
		] {
			assert_noop!(Ceremony::publish_bases(origin(who), n, bases), error);
		}
		assert_ok!(Ceremony::publish_bases(origin(1), 3072, bases));
		assert!(events().contains(&Event::BasesPublished {
			who: 1,
			domain_size: 3072,
			bases_hash: bases,
		}));
		assert_noop!(
			Ceremony::publish_bases(origin(1), 3072, [2; 32]),
			Error::<Test>::BasesKnown
		);
		assert_eq!(Bases::<Test>::get(3072), Some((1, bases)));
		assert_eq!(Ceremony::srs_info().unwrap().bases, vec![(3072, 1, bases)]);
		Ceremony::do_try_state().unwrap();

		// The others check them; the publisher has nothing more to do there.
		assert_eq!(prepare(1), vec![1024, 12288]);
		let check = CeremonyTask::CheckBases {
			srs_hash,
			domain_size: 3072,
			bases_hash: bases,
		};
		assert!(Ceremony::tasks(&2).contains(&check));
		assert!(Ceremony::tasks(&3).contains(&check));
		assert!(!Ceremony::tasks(&1).contains(&check));

		// When the participants change, so do the assignments.
		ParticipantList::set(vec![3, 1]);
		assert_eq!(prepare(3), vec![1024, 2048, 4096, 12288]);
		assert_eq!(prepare(1), vec![1536, 6144]);
		assert!(prepare(2).is_empty());
	});
}

/// Version 0 → 1 prepares every final key, once; the invariants hold after
/// it and not before.
#[test]
fn the_v1_migration_prepares_the_final_keys() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use pallet_models::ZkSetup;
	new_test_ext(6144, true).execute_with(|| {
		let (model, spec, domain) = mlp_digits8();
		assert_ok!(Ceremony::start(7, &spec, domain, None, false));
		let srs = verity_zk::ceremony::srs::insecure_dev_srs(6144).unwrap();
		let bases = lagrange::bases(&srs, domain as usize).unwrap();
		let pk = phase2::initial_proving_key(&srs, &bases, &model).unwrap();
		let (pk1, d, p, hash1) = key_contribution(pk, 7, 1, 40);
		contribute(7, 1, (d, p, hash1));
		let (_, d, p, hash2) = key_contribution(pk1, 7, 2, 41);
		contribute(7, 2, (d, p, hash2));
		run_to(System::block_number() + PERIOD + 1);
		assert_eq!(Ceremony::ceremony(7).unwrap().status, KeyStatus::Final);
		let prepared = Ceremony::prepared_verifying_key(7).unwrap();
		// A pending ceremony has none, before and after.
		assert_ok!(Ceremony::start(8, &spec, domain, None, false));

		// As a version-0 chain left it: no prepared keys.
		let _ = PreparedKeys::<Test>::clear(u32::MAX, None);
		StorageVersion::new(0).put::<Ceremony>();
		assert!(Ceremony::do_try_state().is_err());

		migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(Ceremony::prepared_verifying_key(7), Some(prepared.clone()));
		assert_eq!(PreparedKeys::<Test>::get(8), None);
		assert_eq!(Ceremony::on_chain_storage_version(), STORAGE_VERSION);
		Ceremony::do_try_state().expect("invariants after the migration");

		// It runs once: at version 1 it changes nothing.
		PreparedKeys::<Test>::remove(7);
		migrations::v1::MigrateToV1::<Test>::on_runtime_upgrade();
		assert_eq!(PreparedKeys::<Test>::get(7), None);
	});
}
