//! Benchmarks of `pallet-ceremony` (frame-benchmarking v2). Every call runs
//! its worst case with real cryptography made in `no_std` from known secrets:
//! contributions whose proofs of knowledge and head / δ updates verify, the
//! insecure development SRS's tables, and the paths that settle a vote or end
//! a round.

use super::*;
use ark_ec::CurveGroup;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;
use verity_zk::Fr;

/// Known secrets (the benchmarks are not a ceremony).
fn secret(k: u64) -> Fr {
	Fr::from(0x5eed_0000_u64 + k)
}

fn order_of<T: Config>(accounts: &[T::AccountId]) -> BoundedVec<T::AccountId, T::MaxParticipants> {
	BoundedVec::truncate_from(accounts.to_vec())
}

/// Phase 1 in `phase`, with `order` as this round's participants and the
/// development SRS's head.
fn phase1_with<T: Config>(phase: SrsPhase<BlockNumberFor<T>>, order: &[T::AccountId]) {
	let now = frame_system::Pallet::<T>::block_number();
	Phase1::<T>::put(SrsState::<T> {
		max_domain: 1 << 16,
		phase,
		insecure: false,
		head: head_bytes(&zk::dev::head::<T::Curve>()),
		transcript: [7; 32],
		srs_hash: Some([1; 32]),
		round: 1,
		turns: Turns::new(order_of::<T>(order), now),
		accepted: 0,
		beacon: None,
	});
}

/// `who`'s phase-1 contribution on the current head.
fn srs_contribution<T: Config>(who: &T::AccountId) -> ([u8; HEAD_BYTES], [u8; PHASE1_PROOF_BYTES]) {
	let state = Phase1::<T>::get().expect("phase 1 set");
	let prev = SrsHead::<T::Curve>::from_bytes(&state.head).expect("valid head");
	let secrets = [secret(1), secret(2), secret(3)];
	let binding = zk::binding(&state.transcript, &who.encode());
	let proof = Phase1Proof::<T::Curve>::new(secrets, [secret(4), secret(5), secret(6)], &binding);
	let next = prev.scaled(secrets[0], secrets[1], secrets[2]);
	let mut p = [0u8; PHASE1_PROOF_BYTES];
	p.copy_from_slice(&proof.to_bytes());
	(head_bytes(&next), p)
}

/// A final development SRS with tables for every domain up to `max_domain`.
fn final_dev_srs<T: Config>(max_domain: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	Phase1::<T>::put(SrsState::<T> {
		max_domain,
		phase: SrsPhase::Final,
		insecure: true,
		head: head_bytes(&zk::dev::head::<T::Curve>()),
		transcript: [7; 32],
		srs_hash: None,
		round: 0,
		turns: Turns::new(BoundedVec::new(), now),
		accepted: 0,
		beacon: None,
	});
	for n in zk::domain_sizes(max_domain) {
		DomainTables::<T>::insert(
			n,
			table_bytes(&zk::dev::table::<T::Curve>(max_domain, n).expect("domain")),
		);
	}
}

/// The largest statement a key has (10 public inputs).
fn widest_spec() -> ModelSpec {
	ModelSpec {
		quantized_hash: [3; 32],
		input_len: 64,
		output_len: 60,
		act_bits: 16,
		supports_zk: true,
		supports_vanilla: false,
		active: true,
	}
}

/// A pending key ceremony of `model_id` with `order`, and `prior` earlier
/// contributions recorded (by `order[0]`, each with a valid `δ`).
fn key_ceremony<T: Config>(model_id: ModelId, order: &[T::AccountId], prior: u32) {
	Pallet::<T>::start_key(model_id, &widest_spec(), 1024, None, false).expect("starts");
	let delta = match order.first() {
		Some(who) if prior > 0 => key_contribution::<T>(model_id, who, 0).0,
		_ => [0; DELTA_BYTES],
	};
	Ceremonies::<T>::mutate(model_id, |c| {
		let c = c.as_mut().expect("started");
		c.turns.order = order_of::<T>(order);
		for k in 0..prior {
			let _ = c.contributions.try_push(KeyContribution {
				who: order[0].clone(),
				block: Zero::zero(),
				proving_key: [2 + k as u8; 32],
				transcript: [2; 32],
				delta,
			});
			c.proving_key = Some([2 + k as u8; 32]);
		}
	});
}

/// `who`'s δ contribution to `model_id`'s current key.
fn key_contribution<T: Config>(
	model_id: ModelId,
	who: &T::AccountId,
	k: u64,
) -> ([u8; DELTA_BYTES], [u8; KEY_PROOF_BYTES]) {
	let c = Ceremonies::<T>::get(model_id).expect("started");
	let vk = VerifyingKeys::<T>::get(model_id).expect("key");
	let prev = Pallet::<T>::current_delta(&c, &vk).expect("valid δ");
	let d = secret(10 + k);
	let next = DeltaUpdate::<T::Curve> {
		delta_g1: (prev.delta_g1 * d).into_affine(),
		delta_g2: (prev.delta_g2 * d).into_affine(),
	};
	let binding = zk::binding(&c.transcript, &who.encode());
	let proof = KeyProof::<T::Curve>::new(d, secret(20 + k), zk::delta::TAG_DELTA, &binding);
	let mut delta = [0u8; DELTA_BYTES];
	delta.copy_from_slice(&next.to_bytes());
	let mut p = [0u8; KEY_PROOF_BYTES];
	p.copy_from_slice(&proof.to_bytes());
	(delta, p)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The runtime's checks of a phase-1 contribution (3 Schnorr proofs,
	/// one batched pairing check).
	#[benchmark]
	fn contribute_srs() {
		let caller: T::AccountId = whitelisted_caller();
		let other: T::AccountId = account("other", 0, 0);
		phase1_with::<T>(
			SrsPhase::Contributing,
			&[caller.clone(), other.clone(), account("x", 1, 0)],
		);
		let (head, proof) = srs_contribution::<T>(&caller);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			Box::new(head),
			Box::new(proof),
			[9; 32],
		);

		assert!(SrsPending::<T>::exists());
	}

	/// The attestation that settles the pending contribution (accepts it).
	#[benchmark]
	fn attest_srs() {
		let a: T::AccountId = account("a", 0, 0);
		let caller: T::AccountId = whitelisted_caller();
		phase1_with::<T>(
			SrsPhase::Contributing,
			&[a.clone(), caller.clone(), account("c", 2, 0)],
		);
		let (head, proof) = srs_contribution::<T>(&a);
		Pallet::<T>::contribute_srs(
			RawOrigin::Signed(a).into(),
			Box::new(head),
			Box::new(proof),
			[9; 32],
		)
		.expect("valid contribution");

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), [9; 32], true);

		assert!(!SrsPending::<T>::exists());
		assert_eq!(Phase1::<T>::get().expect("set").accepted, 1);
	}

	/// The seal vote that reaches the majority: decodes and stores `t` tables.
	#[benchmark]
	fn seal_srs(t: Linear<1, 25>) {
		// An SRS of 2^(t+3) points serves the `t` domains 2^4 ..= 2^(t+3).
		let max_domain = 1u32 << (t + 3);
		let sizes = zk::domain_sizes(max_domain);
		let caller: T::AccountId = whitelisted_caller();
		phase1_with::<T>(SrsPhase::Sealing, core::slice::from_ref(&caller));
		Phase1::<T>::mutate(|s| {
			if let Some(s) = s {
				s.max_domain = max_domain;
			}
		});
		let tables: Vec<[u8; TABLE_BYTES]> = sizes
			.iter()
			.map(|&n| table_bytes(&zk::dev::table::<T::Curve>(max_domain, n).expect("domain")))
			.collect();
		let tables = BoundedVec::truncate_from(tables);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), [4; 32], tables);

		assert_eq!(Phase1::<T>::get().expect("set").phase, SrsPhase::Final);
	}

	/// The last turn's contribution: checks the δ update and finalizes the key
	/// (decodes, validates and prepares the verifying key).
	#[benchmark]
	fn contribute_key() {
		final_dev_srs::<T>(1024);
		let caller: T::AccountId = whitelisted_caller();
		key_ceremony::<T>(
			0,
			core::slice::from_ref(&caller),
			T::MinKeyContributions::get().saturating_sub(1),
		);
		let (delta, proof) = key_contribution::<T>(0, &caller, 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			0,
			delta,
			Box::new(proof),
			[5; 32],
		);

		assert_eq!(
			Ceremonies::<T>::get(0).expect("set").status,
			KeyStatus::Final
		);
		assert!(PreparedKeys::<T>::contains_key(0));
	}

	#[benchmark]
	fn retry_key() {
		final_dev_srs::<T>(1024);
		let caller: T::AccountId = whitelisted_caller();
		key_ceremony::<T>(0, &[], 0);
		Ceremonies::<T>::mutate(0, |c| {
			if let Some(c) = c {
				c.status = KeyStatus::Failed;
			}
		});
		Active::<T>::kill();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0);

		assert_eq!(
			Ceremonies::<T>::get(0).expect("set").status,
			KeyStatus::Pending
		);
	}

	/// The refutation that reaches the majority against a final key's last
	/// contribution: removes it and finalizes the key before it (decodes,
	/// validates and prepares the verifying key).
	#[benchmark]
	fn refute_key() {
		final_dev_srs::<T>(1024);
		let contributor: T::AccountId = account("c", 0, 0);
		let caller: T::AccountId = whitelisted_caller();
		let prior = T::MinKeyContributions::get().saturating_add(1);
		key_ceremony::<T>(0, &[contributor, caller.clone()], prior);
		Ceremonies::<T>::mutate(0, |c| {
			if let Some(c) = c {
				c.status = KeyStatus::Final;
				c.turns.turn = c.turns.order.len() as u32;
			}
		});
		Active::<T>::kill();
		let last = [2 + (prior - 1) as u8; 32];

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), 0, last);

		let c = Ceremonies::<T>::get(0).expect("set");
		assert_eq!(c.contributions.len() as u32, prior - 1);
		assert_eq!(c.status, KeyStatus::Final);
	}

	/// `ZkSetup::start`: the initial verifying key from the SRS head and table.
	/// The last shared domain of a large SRS, assigned to the caller among
	/// the most participants.
	#[benchmark]
	fn publish_bases() {
		let max_domain = 3 << 20;
		final_dev_srs::<T>(max_domain);
		Phase1::<T>::mutate(|s| {
			if let Some(s) = s {
				s.insecure = false;
			}
		});
		FinalSrs::<T>::put([1; 32]);
		let caller: T::AccountId = whitelisted_caller();
		let shared = Pallet::<T>::shared_domains(max_domain);
		let last = shared.len() - 1;
		let count = T::MaxParticipants::get();
		let mut accounts: Vec<T::AccountId> =
			(0..count).map(|i| account("participant", i, 0)).collect();
		accounts[last % count as usize] = caller.clone();
		T::Participants::set_participants(accounts);
		let domain_size = shared[last];

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), domain_size, [2; 32]);

		assert!(Bases::<T>::contains_key(domain_size));
	}

	#[benchmark]
	fn start_key() {
		final_dev_srs::<T>(1024);

		#[block]
		{
			Pallet::<T>::start_key(0, &widest_spec(), 1024, None, false).expect("starts");
		}

		assert!(VerifyingKeys::<T>::contains_key(0));
	}

	/// Phase 1's heaviest hook: applying the beacon to the head.
	#[benchmark]
	fn on_initialize_srs() {
		phase1_with::<T>(SrsPhase::Beacon { at: Zero::zero() }, &[]);
		frame_system::Pallet::<T>::set_block_number(2u32.into());

		#[block]
		{
			Pallet::<T>::advance_srs(2u32.into());
		}

		assert_eq!(Phase1::<T>::get().expect("set").phase, SrsPhase::Sealing);
	}

	/// `n` key ceremonies whose last turn expired, with enough contributions
	/// to be final: each ends its round (and decodes and prepares its
	/// verifying key).
	#[benchmark]
	fn on_initialize_keys(n: Linear<0, { T::MaxActiveCeremonies::get() }>) {
		final_dev_srs::<T>(1024);
		let who: T::AccountId = account("p", 0, 0);
		for id in 0..n as u64 {
			key_ceremony::<T>(
				id,
				core::slice::from_ref(&who),
				T::MinKeyContributions::get(),
			);
		}
		let later = Timing::<T>::get().contribution.saturating_add(2u32.into());
		frame_system::Pallet::<T>::set_block_number(later);

		#[block]
		{
			for id in Active::<T>::get() {
				Pallet::<T>::advance_key(id, later);
			}
		}

		assert!(Active::<T>::get().is_empty());
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::new_test_ext(64, false),
		crate::mock::Test
	);
}
