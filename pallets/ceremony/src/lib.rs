//! # Ceremony pallet
//!
//! Groth16 keys that no registrant, executor or validator can forge with: the
//! chain runs the setup as a multi-party ceremony and checks every step
//! (`verity_zk::ceremony` has the cryptography; this pallet orchestrates).
//!
//! ## Phase 1: the universal SRS (powers of tau)
//!
//! One SRS for the whole chain, serving QAP domains of up to
//! [`SrsState::max_domain`] points (a genesis parameter). The
//! **participants** ([`Config::Participants`]: the validators) contribute in
//! turn, each within [`Periods::contribution`] blocks or skipped:
//!
//! 1. [`contribute_srs`](Pallet::contribute_srs): the new SRS's head, the proof
//!    of knowledge of the contributor's three secrets (bound to the transcript
//!    and the contributor's account), and the new SRS's artifact hash (the
//!    file goes through the nodes' artifact store). The runtime checks the
//!    proofs and the head against the current one (host-accelerated pairings).
//! 2. [`attest_srs`](Pallet::attest_srs): every participant's node fetches the
//!    new SRS, checks all of it against the new head (random linear
//!    combinations over every power) and says so. A majority of participants
//!    (the contributor counts) accepts it; a majority against, or no majority
//!    within [`Periods::check`], refuses it and the turn passes.
//! 3. After the last turn (at least [`Config::MinSrsContributions`] accepted,
//!    else another round), the beacon: the hash of the block
//!    [`Periods::beacon_delay`] blocks later, fixed in advance. The runtime
//!    applies it to the head; each node applies it to the SRS.
//! 4. [`seal_srs`](Pallet::seal_srs): each participant submits the final SRS's
//!    hash and the [`DomainTables`] (the public rows' Lagrange points of every
//!    domain size) it computed; a majority for the same data makes the SRS
//!    final.
//!
//! 5. [`publish_bases`](Pallet::publish_bases): a model's initial proving key
//!    needs the SRS's Lagrange bases on its domain, an FFT in the exponent
//!    (minutes for a large domain). After the seal, each domain size of at
//!    least [`SHARED_BASES_MIN`] points is assigned to one participant
//!    ([`CeremonyTask::PrepareBases`]), whose node computes the bases once
//!    and publishes them as an artifact; every other participant's node
//!    fetches and checks them ([`CeremonyTask::CheckBases`]: a random linear
//!    combination against the SRS, seconds) and keeps them. Nothing rests on
//!    them: a key made from wrong bases fails every node's key check, and a
//!    node whose check fails computes its own.
//!
//! A development chain may start from the **insecure** development SRS
//! ([`GenesisConfig::insecure_dev_srs`]): known secrets, final at genesis,
//! flagged [`SrsState::insecure`] everywhere it shows.
//!
//! ## Phase 2: per model
//!
//! Registering a zk model version (pallet-models, through
//! [`pallet_models::ZkSetup`]) starts its ceremony: the runtime computes the
//! initial verifying key itself from the SRS and the domain table
//! (`verity_zk::ceremony::initial_verifying_key`, `δ = 1`), and the
//! participants (the model's owner first if it asked to) each multiply `δ` in
//! turn with [`contribute_key`](Pallet::contribute_key): the new `δ`, the proof
//! of knowledge, the new proving key's artifact hash. The runtime checks the
//! proof and the `δ` update; each node checks the whole proving key against
//! the SRS before it builds on it or proves with it. After the last turn the
//! key is [`KeyStatus::Final`] if at least [`Config::MinKeyContributions`]
//! were made, else [`KeyStatus::Failed`] ([`retry_key`](Pallet::retry_key)
//! runs another round). Only a final key is ever used to verify
//! (`ZkSetup::verifying_key`).
//!
//! The runtime never sees a proving key, so a contributor could prove a good
//! `δ` and publish a key it did not rescale: no one could prove with it.
//! Every participant's node checks each new key ([`CeremonyTask::CheckKey`])
//! and [`refute_key`](Pallet::refute_key)s a wrong one; a majority of the
//! other participants removes the contribution, pending or final, and the
//! key before it is current again. (The verifying key stays sound either way:
//! the runtime made it; a bad proving key only denies service.)
//!
//! ## Bounds and costs
//!
//! Participants per round: [`Config::MaxParticipants`]; key ceremonies running
//! at once: [`Config::MaxActiveCeremonies`] (`on_initialize` visits each
//! once); contributions per model: [`Config::MaxContributions`]. Duty calls
//! that succeed (a contribution, an attestation, a seal vote) pay no fee.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::{boxed::Box, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::*;
use pallet_models::{ModelId, ModelSpec};
use scale_info::TypeInfo;
use sp_runtime::traits::Saturating;
use verity_zk::ceremony::{self as zk, DeltaUpdate, DomainTable, KeyProof, Phase1Proof, SrsHead};

pub use pallet::*;
pub use weights::WeightInfo;

/// A blake2-256 hash (artifact ids, transcripts).
pub type Hash256 = [u8; 32];

/// `sp-crypto-ec-utils`' host-accelerated BLS12-381: the runtime's
/// [`Config::Curve`].
pub type HostBls12_381 = sp_crypto_ec_utils::bls12_381::Bls12_381;

/// Encoded [`SrsHead`]: three G1 and two G2 compressed points.
pub const HEAD_BYTES: usize = SrsHead::<verity_zk::Bls12_381>::SIZE;
/// Encoded [`Phase1Proof`]: three key proofs.
pub const PHASE1_PROOF_BYTES: usize = Phase1Proof::<verity_zk::Bls12_381>::SIZE;
/// Encoded [`DeltaUpdate`]: `δ·G1 ‖ δ·G2`.
pub const DELTA_BYTES: usize = DeltaUpdate::<verity_zk::Bls12_381>::SIZE;
/// Encoded [`KeyProof`].
pub const KEY_PROOF_BYTES: usize = KeyProof::<verity_zk::Bls12_381>::SIZE;
/// Encoded [`DomainTable`].
pub const TABLE_BYTES: usize = DomainTable::<verity_zk::Bls12_381>::SIZE;
/// Longest prepared verifying key (the most public inputs a circuit has).
pub type MaxPreparedKeyLen =
	ConstU32<{ verity_zk::prepared_key_len(zk::domain::MAX_PUBLIC_INPUTS) as u32 }>;
/// Most domain sizes an SRS serves (`2^k` and `3·2^k` from 16 up to 2^28).
pub const MAX_DOMAINS: u32 = 64;
/// Smallest domain whose Lagrange bases the chain shares ([`Bases`]): a node
/// computes smaller ones in well under a second.
pub const SHARED_BASES_MIN: u32 = 1 << 10;

/// Who takes part in the ceremonies: the validators.
pub trait Participants<AccountId> {
	/// The current participants, in their turn order.
	fn participants() -> Vec<AccountId>;

	/// Makes `accounts` the participants (benchmarks only).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_participants(accounts: Vec<AccountId>);
}

/// Where phase 1 stands.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum SrsPhase<BlockNumber> {
	/// Participants contribute in turn.
	Contributing,
	/// The turns are over; the beacon is the hash of block `at`.
	Beacon {
		/// The beacon block.
		at: BlockNumber,
	},
	/// The beacon is applied; participants seal the final SRS and tables.
	Sealing,
	/// The SRS is final: model ceremonies may start.
	Final,
}

/// The ceremonies' timing, in blocks: chain-spec parameters, since the time
/// a contribution takes grows with the SRS and model sizes.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Periods<BlockNumber> {
	/// Blocks a participant has for its contribution before it is skipped.
	pub contribution: BlockNumber,
	/// Blocks the participants have to check a phase-1 contribution.
	pub check: BlockNumber,
	/// Blocks between the last phase-1 turn and the beacon block.
	pub beacon_delay: BlockNumber,
}

/// Whose turn it is, until when.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Turns<T: Config> {
	/// The contributors of this round, in order.
	pub order: BoundedVec<T::AccountId, T::MaxParticipants>,
	/// Index of the current turn in `order` (`order.len()` when the round is over).
	pub turn: u32,
	/// Last block of the current turn.
	pub deadline: BlockNumberFor<T>,
}

impl<T: Config> Turns<T> {
	fn new(order: BoundedVec<T::AccountId, T::MaxParticipants>, now: BlockNumberFor<T>) -> Self {
		Turns {
			order,
			turn: 0,
			deadline: now.saturating_add(Timing::<T>::get().contribution),
		}
	}

	/// The account whose turn it is, if the round is not over.
	pub fn current(&self) -> Option<&T::AccountId> {
		self.order.get(self.turn as usize)
	}

	/// Passes the turn on.
	fn advance(&mut self, now: BlockNumberFor<T>) {
		self.turn = self.turn.saturating_add(1);
		self.deadline = now.saturating_add(Timing::<T>::get().contribution);
	}

	/// Whether every turn was taken or skipped.
	pub fn is_over(&self) -> bool {
		self.turn as usize >= self.order.len()
	}
}

/// Phase 1's state.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct SrsState<T: Config> {
	/// The largest QAP domain the SRS serves.
	pub max_domain: u32,
	/// Where the ceremony stands.
	pub phase: SrsPhase<BlockNumberFor<T>>,
	/// The insecure development SRS (known secrets): anyone can forge proofs.
	pub insecure: bool,
	/// The current SRS's head ([`SrsHead`] bytes).
	pub head: [u8; HEAD_BYTES],
	/// The transcript hash so far.
	pub transcript: Hash256,
	/// The current SRS's artifact hash (`None`: the identity SRS, or the
	/// development SRS, which nodes make themselves).
	pub srs_hash: Option<Hash256>,
	/// Round number (a round gives every participant a turn).
	pub round: u32,
	/// This round's turns.
	pub turns: Turns<T>,
	/// Contributions accepted so far (all rounds).
	pub accepted: u32,
	/// The beacon, once applied.
	pub beacon: Option<Hash256>,
}

/// A phase-1 contribution awaiting the participants' checks.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct PendingSrs<T: Config> {
	/// The contributor.
	pub who: T::AccountId,
	/// The new head (checked by the runtime against the current one).
	pub head: [u8; HEAD_BYTES],
	/// The new SRS's artifact hash.
	pub srs_hash: Hash256,
	/// The transcript hash if accepted.
	pub transcript: Hash256,
	/// Block of submission.
	pub submitted_at: BlockNumberFor<T>,
	/// Participants whose nodes found the SRS well formed.
	pub ok: BoundedVec<T::AccountId, T::MaxParticipants>,
	/// Participants whose nodes found it malformed.
	pub bad: BoundedVec<T::AccountId, T::MaxParticipants>,
}

/// A model's key ceremony status.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum KeyStatus {
	/// Contributions are being collected.
	Pending,
	/// The verifying key is final: proofs are verified under it.
	Final,
	/// The last round ended with too few contributions (`retry_key` runs another).
	Failed,
}

/// One accepted `δ` contribution.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct KeyContribution<T: Config> {
	/// The contributor.
	pub who: T::AccountId,
	/// Block of the contribution.
	pub block: BlockNumberFor<T>,
	/// The proving key it produced (artifact hash).
	pub proving_key: Hash256,
	/// The transcript hash after it.
	pub transcript: Hash256,
	/// `δ·G1 ‖ δ·G2` after it (restored if the next one is refuted).
	pub delta: [u8; DELTA_BYTES],
}

/// A model's phase 2.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct KeyCeremony<T: Config> {
	/// Where it stands.
	pub status: KeyStatus,
	/// The quantized model's hash (the statement's model id).
	pub model_hash: Hash256,
	/// The model's activation width.
	pub act_bits: u32,
	/// The model's input length.
	pub input_len: u32,
	/// The model's output length.
	pub output_len: u32,
	/// The QAP domain size the key uses.
	pub domain_size: u32,
	/// The current `δ·G1` (compressed; `δ·G2` is in the verifying key).
	pub delta_g1: [u8; 48],
	/// The transcript hash so far.
	pub transcript: Hash256,
	/// The current proving key's artifact hash (`None` for the initial key,
	/// which every node computes itself).
	pub proving_key: Option<Hash256>,
	/// The participants whose nodes refuted the current proving key
	/// ([`Pallet::refute_key`]).
	pub refuted_by: BoundedVec<T::AccountId, T::MaxParticipants>,
	/// The transcript hash before any contribution.
	pub initial_transcript: Hash256,
	/// Round number.
	pub round: u32,
	/// This round's turns.
	pub turns: Turns<T>,
	/// The accepted contributions, oldest first.
	pub contributions: BoundedVec<KeyContribution<T>, T::MaxContributions>,
	/// Block the ceremony started.
	pub started_at: BlockNumberFor<T>,
}

/// The setup ceremony: phase 1, the chain's universal SRS (powers of tau,
/// contributed in turn by the validators, checked by every node and by the
/// runtime's pairing checks, ended by a block-hash beacon); phase 2, each zk
/// model's Groth16 key (δ rescaled in turn, each contribution's proof of
/// knowledge checked here). A model accepts Zk requests once its key is
/// final.
///
/// Calls: `contribute_srs`, `attest_srs`, `seal_srs`, `contribute_key`,
/// `retry_key`, `refute_key`. Runtime API: `CeremonyApi`.
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// The storage layout's version (0: the first layout; 1: with
	/// [`PreparedKeys`], see [`crate::migrations::v1`]). A change of layout
	/// bumps it and adds a `VersionedMigration` to the runtime's migrations.
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The BLS12-381 pairing the checks run on: `sp_crypto_ec_utils`'
		/// host-accelerated one in the runtime.
		type Curve: ark_ec::pairing::Pairing<ScalarField = verity_zk::Fr>;

		/// The ceremony's participants (the validators).
		type Participants: Participants<Self::AccountId>;

		/// Most participants in a round.
		#[pallet::constant]
		type MaxParticipants: Get<u32>;

		/// Most key ceremonies pending at once.
		#[pallet::constant]
		type MaxActiveCeremonies: Get<u32>;

		/// Most contributions to one model's key (all rounds).
		#[pallet::constant]
		type MaxContributions: Get<u32>;

		/// Accepted phase-1 contributions needed before the beacon.
		#[pallet::constant]
		type MinSrsContributions: Get<u32>;

		/// Contributions a model's key needs to become final.
		#[pallet::constant]
		type MinKeyContributions: Get<u32>;

		/// Longest verifying key (verity-zk keys with up to 10 public inputs: 914).
		#[pallet::constant]
		type MaxVerifyingKeyLen: Get<u32>;

		/// Weights of the calls and hooks.
		type WeightInfo: WeightInfo;
	}

	/// The ceremonies' timing (set at genesis).
	#[pallet::storage]
	pub type Timing<T: Config> =
		StorageValue<_, Periods<BlockNumberFor<T>>, ValueQuery, DefaultPeriods<T>>;

	/// 100 blocks per turn, 40 to check, the beacon 5 blocks after the last turn.
	#[pallet::type_value]
	pub fn DefaultPeriods<T: Config>() -> Periods<BlockNumberFor<T>> {
		Periods {
			contribution: 100u32.into(),
			check: 40u32.into(),
			beacon_delay: 5u32.into(),
		}
	}

	/// Phase 1 (set at genesis).
	#[pallet::storage]
	pub type Phase1<T: Config> = StorageValue<_, SrsState<T>>;

	/// The phase-1 contribution awaiting checks, if any.
	#[pallet::storage]
	pub type SrsPending<T: Config> = StorageValue<_, PendingSrs<T>>;

	/// Seal votes: each participant's digest of (final SRS hash, tables).
	#[pallet::storage]
	pub type SealVotes<T: Config> =
		StorageValue<_, BoundedVec<(T::AccountId, Hash256), T::MaxParticipants>, ValueQuery>;

	/// The final SRS's artifact hash, once sealed (`None` on a development chain).
	#[pallet::storage]
	pub type FinalSrs<T: Config> = StorageValue<_, Hash256>;

	/// The domain tables of the final SRS, by domain size.
	#[pallet::storage]
	pub type DomainTables<T: Config> = StorageMap<_, Twox64Concat, u32, [u8; TABLE_BYTES]>;

	/// The final SRS's Lagrange bases published for reuse, by domain size:
	/// the publisher and the artifact hash (see [`Pallet::publish_bases`]).
	#[pallet::storage]
	pub type Bases<T: Config> = StorageMap<_, Twox64Concat, u32, (T::AccountId, Hash256)>;

	/// Every zk model version's key ceremony.
	#[pallet::storage]
	pub type Ceremonies<T: Config> = StorageMap<_, Twox64Concat, ModelId, KeyCeremony<T>>;

	/// Every zk model version's current verifying key (final when its
	/// ceremony is).
	#[pallet::storage]
	pub type VerifyingKeys<T: Config> =
		StorageMap<_, Twox64Concat, ModelId, BoundedVec<u8, T::MaxVerifyingKeyLen>>;

	/// Every final key's prepared form (`verity_zk::PreparedVerifyingKey`),
	/// made once from the validated key when its ceremony ends: what
	/// `pallet-inference` verifies proofs with, without decompressing or
	/// checking a point and without the `e(α, β)` pairing.
	#[pallet::storage]
	pub type PreparedKeys<T: Config> =
		StorageMap<_, Twox64Concat, ModelId, BoundedVec<u8, MaxPreparedKeyLen>>;

	/// The pending key ceremonies (visited by `on_initialize`).
	#[pallet::storage]
	pub type Active<T: Config> =
		StorageValue<_, BoundedVec<ModelId, T::MaxActiveCeremonies>, ValueQuery>;

	/// Genesis: the SRS's size, and whether to start from the insecure
	/// development SRS.
	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The largest QAP domain the SRS serves.
		pub max_domain: u32,
		/// Start final with the insecure development SRS (known secrets:
		/// `--dev` chains only).
		pub insecure_dev_srs: bool,
		/// Blocks per contribution turn (at least 1).
		pub contribution_period: u32,
		/// Blocks to check a phase-1 contribution (at least 1).
		pub check_period: u32,
		/// Blocks from the last phase-1 turn to the beacon block.
		pub beacon_delay: u32,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		/// An SRS for domains of up to 2^12 points, run as a ceremony.
		fn default() -> Self {
			GenesisConfig {
				max_domain: 1 << 12,
				insecure_dev_srs: false,
				contribution_period: 100,
				check_period: 40,
				beacon_delay: 5,
				_config: Default::default(),
			}
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				zk::is_domain_size(self.max_domain),
				"ceremony max_domain must be a QAP domain size (2^k or 3·2^k, at least 16)"
			);
			assert!(
				self.contribution_period > 0 && self.check_period > 0,
				"ceremony periods must be at least one block"
			);
			Timing::<T>::put(Periods {
				contribution: self.contribution_period.into(),
				check: self.check_period.into(),
				beacon_delay: self.beacon_delay.into(),
			});
			let now = frame_system::Pallet::<T>::block_number();
			let mut state = SrsState::<T> {
				max_domain: self.max_domain,
				phase: SrsPhase::Contributing,
				insecure: false,
				head: head_bytes(&SrsHead::<verity_zk::Bls12_381>::identity()),
				transcript: zk::blake2_256(&[b"verity-srs", &self.max_domain.to_le_bytes()]),
				srs_hash: None,
				round: 0,
				turns: Turns::new(BoundedVec::new(), now),
				accepted: 0,
				beacon: None,
			};
			if self.insecure_dev_srs {
				state.phase = SrsPhase::Final;
				state.insecure = true;
				// Genesis is built without the node's extra host functions:
				// the pure-wasm curve (the bytes are the same).
				state.head = head_bytes(&zk::dev::head::<verity_zk::Bls12_381>());
				for n in zk::domain_sizes(self.max_domain) {
					let table = zk::dev::table::<verity_zk::Bls12_381>(self.max_domain, n)
						.expect("a domain size");
					DomainTables::<T>::insert(n, table_bytes(&table));
				}
			}
			Phase1::<T>::put(state);
		}
	}

	/// Events.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A phase-1 round began.
		SrsRoundStarted {
			/// The round.
			round: u32,
			/// Its participants, in turn order.
			participants: u32,
		},
		/// A participant submitted a phase-1 contribution (proofs checked); the
		/// participants now check the SRS.
		SrsContributed {
			/// The contributor.
			who: T::AccountId,
			/// The new SRS's artifact hash.
			srs_hash: Hash256,
		},
		/// A participant's node checked the pending SRS.
		SrsAttested {
			/// The participant.
			who: T::AccountId,
			/// The pending SRS.
			srs_hash: Hash256,
			/// Whether it is well formed.
			ok: bool,
		},
		/// A majority found the contribution's SRS well formed: it is the current one.
		SrsAccepted {
			/// The contributor.
			who: T::AccountId,
			/// The SRS's artifact hash.
			srs_hash: Hash256,
			/// The transcript hash after it.
			transcript: Hash256,
		},
		/// The contribution's SRS was refused (a majority against, or no
		/// majority in time); the turn passed.
		SrsRefused {
			/// The contributor.
			who: T::AccountId,
			/// The refused SRS.
			srs_hash: Hash256,
		},
		/// A participant missed its phase-1 turn.
		SrsTurnSkipped {
			/// The participant.
			who: T::AccountId,
		},
		/// The turns are over; the beacon will be the hash of block `at`.
		SrsBeaconScheduled {
			/// The beacon block.
			at: BlockNumberFor<T>,
		},
		/// The beacon was applied to the head.
		SrsBeaconApplied {
			/// The beacon block.
			block: BlockNumberFor<T>,
			/// Its hash: the beacon.
			beacon: Hash256,
			/// The transcript hash after it.
			transcript: Hash256,
		},
		/// A participant voted for a final SRS and domain tables.
		SrsSealVote {
			/// The participant.
			who: T::AccountId,
			/// The final SRS's artifact hash it computed.
			srs_hash: Hash256,
		},
		/// The SRS is final.
		SrsSealed {
			/// The final SRS's artifact hash.
			srs_hash: Hash256,
			/// Domain sizes it serves (tables stored).
			domains: u32,
		},
		/// A model's key ceremony started (or another round of it).
		KeyCeremonyStarted {
			/// The model version.
			model_id: ModelId,
			/// Its QAP domain size.
			domain_size: u32,
			/// The round.
			round: u32,
			/// Contributors in this round.
			participants: u32,
		},
		/// A `δ` contribution to a model's key was accepted.
		KeyContributed {
			/// The model version.
			model_id: ModelId,
			/// The contributor.
			who: T::AccountId,
			/// The new proving key's artifact hash.
			proving_key: Hash256,
			/// The transcript hash after it.
			transcript: Hash256,
		},
		/// A participant missed its turn on a model's key.
		KeyTurnSkipped {
			/// The model version.
			model_id: ModelId,
			/// The participant.
			who: T::AccountId,
		},
		/// A model's key is final: Zk requests are verified under it.
		KeyFinalized {
			/// The model version.
			model_id: ModelId,
			/// The final proving key's artifact hash.
			proving_key: Hash256,
			/// Contributions it has.
			contributions: u32,
		},
		/// A model's ceremony round ended with too few contributions.
		KeyFailed {
			/// The model version.
			model_id: ModelId,
			/// Contributions it has.
			contributions: u32,
		},
		/// A participant's node found a model's current proving key wrong
		/// (not the SRS's and the chain's key) or undecodable.
		KeyRefuted {
			/// The model version.
			model_id: ModelId,
			/// The participant.
			who: T::AccountId,
			/// The refuted proving key.
			proving_key: Hash256,
		},
		/// A majority refuted the last contribution: it was removed and the
		/// key before it is the current one again.
		KeyContributionRemoved {
			/// The model version.
			model_id: ModelId,
			/// Who made the removed contribution.
			who: T::AccountId,
			/// Its proving key.
			proving_key: Hash256,
		},
		/// A participant published the final SRS's Lagrange bases on one domain.
		BasesPublished {
			/// The participant.
			who: T::AccountId,
			/// The domain size.
			domain_size: u32,
			/// The bases' artifact hash.
			bases_hash: Hash256,
		},
	}

	/// Errors.
	#[pallet::error]
	pub enum Error<T> {
		/// Phase 1 is not collecting contributions.
		NotContributing,
		/// It is not the caller's turn (or the turn's deadline passed).
		NotYourTurn,
		/// A phase-1 contribution is still being checked.
		CheckPending,
		/// No phase-1 contribution is being checked.
		NothingToAttest,
		/// The caller is not a participant of this round.
		NotParticipant,
		/// The caller already attested or voted.
		AlreadyVoted,
		/// The head, `δ`, proof or table bytes do not decode (points off the
		/// curve, outside the subgroup, the identity).
		Malformed,
		/// A proof of knowledge or the head / `δ` update does not verify.
		InvalidContribution,
		/// Phase 1 is not sealing.
		NotSealing,
		/// The tables are not exactly one per domain size of the SRS.
		WrongTables,
		/// The SRS is not final: no model ceremony can start yet.
		SrsNotFinal,
		/// The domain size is not a QAP domain size, or larger than the SRS's.
		BadDomain,
		/// No key ceremony for this model.
		UnknownCeremony,
		/// The model's key ceremony is not pending.
		NotPending,
		/// The model's key ceremony has not failed.
		NotFailed,
		/// Too many key ceremonies are pending.
		TooManyCeremonies,
		/// The model already has a key ceremony.
		AlreadyStarted,
		/// The model's key has the most contributions allowed.
		TooManyContributions,
		/// The model's statement does not fit a verifying key (layout).
		BadLayout,
		/// The proving key named is not the model's current contributed key
		/// (the initial key cannot be refuted: every node computes it).
		NotCurrentKey,
		/// A contributor cannot refute its own contribution.
		OwnContribution,
		/// This domain's Lagrange bases are already published.
		BasesKnown,
		/// The caller is not the participant this domain's bases are assigned to.
		NotAssigned,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Moves the ceremonies on: skips turns whose deadline passed, refuses
		/// unchecked contributions, applies the beacon, ends rounds.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let srs = Self::advance_srs(now);
			let active = Active::<T>::get();
			let n = active.len() as u32;
			let mut ended = 0u32;
			for model_id in active {
				if Self::advance_key(model_id, now) {
					ended = ended.saturating_add(1);
				}
			}
			// A ceremony whose turn did not expire costs one read.
			srs.saturating_add(T::WeightInfo::on_initialize_keys(ended))
				.saturating_add(T::DbWeight::get().reads(n.saturating_sub(ended).into()))
		}

		fn integrity_test() {
			assert!(
				T::MaxParticipants::get() > 0,
				"MaxParticipants must be positive"
			);
			assert!(
				T::MinSrsContributions::get() <= T::MaxParticipants::get(),
				"MinSrsContributions must fit a round"
			);
			assert!(
				T::MinKeyContributions::get() <= T::MaxContributions::get(),
				"MinKeyContributions must fit MaxContributions"
			);
			assert!(
				T::MaxVerifyingKeyLen::get() as usize
					>= 386 + 48 * (zk::domain::MAX_PUBLIC_INPUTS + 1),
				"MaxVerifyingKeyLen must fit every key"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// A phase-1 contribution by the participant whose turn it is: the new
		/// SRS's `head`, the `proof` of knowledge of the secrets that moved the
		/// current head there (bound to the transcript and the caller), and the
		/// new SRS's artifact hash. The runtime checks both; the participants'
		/// nodes then check the SRS itself (`attest_srs`). Emits
		/// [`Event::SrsContributed`]. Free when accepted.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::contribute_srs())]
		pub fn contribute_srs(
			origin: OriginFor<T>,
			head: Box<[u8; HEAD_BYTES]>,
			proof: Box<[u8; PHASE1_PROOF_BYTES]>,
			srs_hash: Hash256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let state = Phase1::<T>::get().ok_or(Error::<T>::NotContributing)?;
			ensure!(
				state.phase == SrsPhase::Contributing,
				Error::<T>::NotContributing
			);
			ensure!(!SrsPending::<T>::exists(), Error::<T>::CheckPending);
			ensure!(
				state.turns.current() == Some(&who) && now <= state.turns.deadline,
				Error::<T>::NotYourTurn
			);
			let prev = decode_head::<T>(&state.head)?;
			let next = decode_head::<T>(&head[..])?;
			let proof_value = Phase1Proof::<T::Curve>::from_bytes(&proof[..])
				.map_err(|_| Error::<T>::Malformed)?;
			let binding = zk::binding(&state.transcript, &who.encode());
			zk::verify_phase1_update(&prev, &next, &proof_value, &binding)
				.map_err(|_| Error::<T>::InvalidContribution)?;
			let transcript = zk::next_transcript(
				&state.transcript,
				&[&who.encode()[..], &head[..], &proof[..], &srs_hash[..]].concat(),
			);
			let mut ok = BoundedVec::new();
			// The contributor checked the SRS it made.
			let _ = ok.try_push(who.clone());
			SrsPending::<T>::put(PendingSrs::<T> {
				who: who.clone(),
				head: *head,
				srs_hash,
				transcript,
				submitted_at: now,
				ok,
				bad: BoundedVec::new(),
			});
			Self::deposit_event(Event::SrsContributed { who, srs_hash });
			Self::settle_pending(now);
			Ok(Pays::No.into())
		}

		/// A participant's verdict on the pending phase-1 SRS, after its node
		/// checked all of it against the pending head. A majority of the
		/// round's participants either way settles it ([`Event::SrsAccepted`]
		/// or [`Event::SrsRefused`]). Free when counted.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::attest_srs())]
		pub fn attest_srs(
			origin: OriginFor<T>,
			srs_hash: Hash256,
			ok: bool,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let state = Phase1::<T>::get().ok_or(Error::<T>::NothingToAttest)?;
			ensure!(state.turns.order.contains(&who), Error::<T>::NotParticipant);
			let mut pending = SrsPending::<T>::get().ok_or(Error::<T>::NothingToAttest)?;
			ensure!(pending.srs_hash == srs_hash, Error::<T>::NothingToAttest);
			ensure!(
				!pending.ok.contains(&who) && !pending.bad.contains(&who),
				Error::<T>::AlreadyVoted
			);
			let votes = if ok {
				&mut pending.ok
			} else {
				&mut pending.bad
			};
			votes
				.try_push(who.clone())
				.map_err(|_| Error::<T>::NotParticipant)?;
			SrsPending::<T>::put(pending);
			Self::deposit_event(Event::SrsAttested { who, srs_hash, ok });
			Self::settle_pending(frame_system::Pallet::<T>::block_number());
			Ok(Pays::No.into())
		}

		/// A participant's vote for the final SRS (its artifact hash) and the
		/// domain tables of every domain size it serves, computed by its node
		/// from the last accepted SRS and the beacon. A majority for the same
		/// hash and tables makes the SRS final ([`Event::SrsSealed`]). Free when
		/// counted.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::seal_srs(tables.len() as u32))]
		pub fn seal_srs(
			origin: OriginFor<T>,
			srs_hash: Hash256,
			tables: BoundedVec<[u8; TABLE_BYTES], ConstU32<MAX_DOMAINS>>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut state = Phase1::<T>::get().ok_or(Error::<T>::NotSealing)?;
			ensure!(state.phase == SrsPhase::Sealing, Error::<T>::NotSealing);
			ensure!(state.turns.order.contains(&who), Error::<T>::NotParticipant);
			let mut votes = SealVotes::<T>::get();
			ensure!(
				votes.iter().all(|(v, _)| v != &who),
				Error::<T>::AlreadyVoted
			);
			let sizes = zk::domain_sizes(state.max_domain);
			ensure!(tables.len() == sizes.len(), Error::<T>::WrongTables);
			for (bytes, n) in tables.iter().zip(&sizes) {
				let table = DomainTable::<T::Curve>::from_bytes(bytes)
					.map_err(|_| Error::<T>::Malformed)?;
				ensure!(table.size == *n, Error::<T>::WrongTables);
			}
			let digest = zk::blake2_256(&[&srs_hash[..], &tables.encode()[..]]);
			votes
				.try_push((who.clone(), digest))
				.map_err(|_| Error::<T>::NotParticipant)?;
			let count = votes.iter().filter(|(_, d)| *d == digest).count();
			Self::deposit_event(Event::SrsSealVote { who, srs_hash });
			if is_majority(count, state.turns.order.len()) {
				for (bytes, n) in tables.iter().zip(&sizes) {
					DomainTables::<T>::insert(n, bytes);
				}
				state.phase = SrsPhase::Final;
				state.srs_hash = Some(srs_hash);
				Phase1::<T>::put(state);
				FinalSrs::<T>::put(srs_hash);
				SealVotes::<T>::kill();
				Self::deposit_event(Event::SrsSealed {
					srs_hash,
					domains: sizes.len() as u32,
				});
			} else {
				SealVotes::<T>::put(votes);
			}
			Ok(Pays::No.into())
		}

		/// A `δ` contribution to `model_id`'s key by the participant whose turn
		/// it is: the new `δ·G1 ‖ δ·G2`, the `proof` of knowledge of the factor
		/// (bound to the model's transcript and the caller), and the new
		/// proving key's artifact hash. The runtime checks the proof and the
		/// update; the verifying key's `δ` becomes the new one. Emits
		/// [`Event::KeyContributed`] (and [`Event::KeyFinalized`] after the last
		/// turn). Free when accepted.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::contribute_key())]
		pub fn contribute_key(
			origin: OriginFor<T>,
			model_id: ModelId,
			delta: [u8; DELTA_BYTES],
			proof: Box<[u8; KEY_PROOF_BYTES]>,
			proving_key: Hash256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut c = Ceremonies::<T>::get(model_id).ok_or(Error::<T>::UnknownCeremony)?;
			ensure!(c.status == KeyStatus::Pending, Error::<T>::NotPending);
			ensure!(
				c.turns.current() == Some(&who) && now <= c.turns.deadline,
				Error::<T>::NotYourTurn
			);
			let mut vk = VerifyingKeys::<T>::get(model_id).ok_or(Error::<T>::UnknownCeremony)?;
			let prev = Self::current_delta(&c, &vk)?;
			let next =
				DeltaUpdate::<T::Curve>::from_bytes(&delta).map_err(|_| Error::<T>::Malformed)?;
			let proof_value =
				KeyProof::<T::Curve>::from_bytes(&proof[..]).map_err(|_| Error::<T>::Malformed)?;
			let binding = zk::binding(&c.transcript, &who.encode());
			zk::verify_delta_update(&prev, &next, &proof_value, &binding)
				.map_err(|_| Error::<T>::InvalidContribution)?;
			// δ·G2 is the verifying key's fourth point, right after α and β.
			let at = VK_DELTA_OFFSET;
			vk.get_mut(at..at + 96)
				.ok_or(Error::<T>::Malformed)?
				.copy_from_slice(&delta[48..]);
			c.delta_g1.copy_from_slice(&delta[..48]);
			c.transcript = zk::next_transcript(
				&c.transcript,
				&[&who.encode()[..], &delta[..], &proof[..], &proving_key[..]].concat(),
			);
			c.proving_key = Some(proving_key);
			c.refuted_by = BoundedVec::new();
			c.contributions
				.try_push(KeyContribution {
					who: who.clone(),
					block: now,
					proving_key,
					transcript: c.transcript,
					delta,
				})
				.map_err(|_| Error::<T>::TooManyContributions)?;
			c.turns.advance(now);
			VerifyingKeys::<T>::insert(model_id, vk);
			Self::deposit_event(Event::KeyContributed {
				model_id,
				who,
				proving_key,
				transcript: c.transcript,
			});
			Self::end_round_if_over(model_id, &mut c);
			Ceremonies::<T>::insert(model_id, c);
			Ok(Pays::No.into())
		}

		/// Starts another round of a [`KeyStatus::Failed`] key ceremony, with
		/// the current participants; the contributions made so far stay. Anyone
		/// may call it.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::retry_key())]
		pub fn retry_key(origin: OriginFor<T>, model_id: ModelId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut c = Ceremonies::<T>::get(model_id).ok_or(Error::<T>::UnknownCeremony)?;
			ensure!(c.status == KeyStatus::Failed, Error::<T>::NotFailed);
			Active::<T>::try_mutate(|a| a.try_push(model_id))
				.map_err(|_| Error::<T>::TooManyCeremonies)?;
			let now = frame_system::Pallet::<T>::block_number();
			c.status = KeyStatus::Pending;
			c.round = c.round.saturating_add(1);
			c.turns = Turns::new(Self::participants(), now);
			c.refuted_by = BoundedVec::new();
			Self::deposit_event(Event::KeyCeremonyStarted {
				model_id,
				domain_size: c.domain_size,
				round: c.round,
				participants: c.turns.order.len() as u32,
			});
			Ceremonies::<T>::insert(model_id, c);
			Ok(())
		}

		/// A participant's verdict that model `model_id`'s current proving key
		/// (`proving_key`, the last contribution's) is wrong: its node fetched
		/// it and its full check failed, or it does not decode. The runtime
		/// never sees proving keys, so a contribution with a valid proof of
		/// knowledge but a key that was not rescaled is caught here. When a
		/// majority of this round's participants other than its contributor
		/// refute it, the contribution is removed ([`Event::KeyContributionRemoved`]):
		/// the key before it is current again, and a final key whose round is
		/// over is final again on it (if it still qualifies) or failed.
		/// Free when counted.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::refute_key())]
		pub fn refute_key(
			origin: OriginFor<T>,
			model_id: ModelId,
			proving_key: Hash256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut c = Ceremonies::<T>::get(model_id).ok_or(Error::<T>::UnknownCeremony)?;
			ensure!(c.status != KeyStatus::Failed, Error::<T>::NotPending);
			ensure!(
				c.proving_key == Some(proving_key),
				Error::<T>::NotCurrentKey
			);
			let last = c
				.contributions
				.last()
				.ok_or(Error::<T>::NotCurrentKey)?
				.who
				.clone();
			ensure!(last != who, Error::<T>::OwnContribution);
			ensure!(c.turns.order.contains(&who), Error::<T>::NotParticipant);
			ensure!(!c.refuted_by.contains(&who), Error::<T>::AlreadyVoted);
			c.refuted_by
				.try_push(who.clone())
				.map_err(|_| Error::<T>::AlreadyVoted)?;
			Self::deposit_event(Event::KeyRefuted {
				model_id,
				who,
				proving_key,
			});
			let electorate = c.turns.order.iter().filter(|p| **p != last).count();
			if is_majority(c.refuted_by.len(), electorate) {
				Self::remove_last_contribution(model_id, &mut c)?;
				if c.status == KeyStatus::Final {
					Self::end_round_if_over(model_id, &mut c);
				}
			}
			Ceremonies::<T>::insert(model_id, c);
			Ok(Pays::No.into())
		}

		/// The final SRS's Lagrange bases on the domain of `domain_size`
		/// points, computed by the caller's node and published as artifact
		/// `bases_hash`, by the participant the domain is assigned to
		/// ([`CeremonyTask::PrepareBases`]). Other nodes check the bases before
		/// they use them; the runtime cannot (it never sees them). Emits
		/// [`Event::BasesPublished`]. Free when accepted.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::publish_bases())]
		pub fn publish_bases(
			origin: OriginFor<T>,
			domain_size: u32,
			bases_hash: Hash256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let state = Phase1::<T>::get().ok_or(Error::<T>::SrsNotFinal)?;
			ensure!(
				state.phase == SrsPhase::Final && FinalSrs::<T>::exists(),
				Error::<T>::SrsNotFinal
			);
			ensure!(
				!Bases::<T>::contains_key(domain_size),
				Error::<T>::BasesKnown
			);
			let participants = Self::participants();
			let assigned = Self::shared_domains(state.max_domain)
				.into_iter()
				.position(|n| n == domain_size)
				.ok_or(Error::<T>::BadDomain)?;
			ensure!(
				Self::assignee(&participants, assigned) == Some(&who),
				Error::<T>::NotAssigned
			);
			Bases::<T>::insert(domain_size, (who.clone(), bases_hash));
			Self::deposit_event(Event::BasesPublished {
				who,
				domain_size,
				bases_hash,
			});
			Ok(Pays::No.into())
		}
	}
}

/// Byte offset of `δ·G2` in an encoded verifying key (header, α, β, γ).
const VK_DELTA_OFFSET: usize = 46 + 48 + 96 + 96;

fn head_bytes<E: ark_ec::pairing::Pairing<ScalarField = verity_zk::Fr>>(
	head: &SrsHead<E>,
) -> [u8; HEAD_BYTES] {
	let mut out = [0u8; HEAD_BYTES];
	out.copy_from_slice(&head.to_bytes());
	out
}

fn table_bytes<E: ark_ec::pairing::Pairing<ScalarField = verity_zk::Fr>>(
	table: &DomainTable<E>,
) -> [u8; TABLE_BYTES] {
	let mut out = [0u8; TABLE_BYTES];
	out.copy_from_slice(&table.to_bytes());
	out
}

fn decode_head<T: Config>(bytes: &[u8]) -> Result<SrsHead<T::Curve>, DispatchError> {
	SrsHead::<T::Curve>::from_bytes(bytes).map_err(|_| Error::<T>::Malformed.into())
}

/// Whether `votes` out of `of` is a strict majority.
fn is_majority(votes: usize, of: usize) -> bool {
	votes.saturating_mul(2) > of
}

impl<T: Config> Pallet<T> {
	/// The current participants, at most `MaxParticipants`.
	fn participants() -> BoundedVec<T::AccountId, T::MaxParticipants> {
		BoundedVec::truncate_from(T::Participants::participants())
	}

	/// The key's current `δ` pair (from the ceremony and its verifying key).
	fn current_delta(
		c: &KeyCeremony<T>,
		vk: &[u8],
	) -> Result<DeltaUpdate<T::Curve>, DispatchError> {
		let g2 = vk
			.get(VK_DELTA_OFFSET..VK_DELTA_OFFSET + 96)
			.ok_or(Error::<T>::Malformed)?;
		DeltaUpdate::<T::Curve>::from_bytes(&[&c.delta_g1[..], g2].concat())
			.map_err(|_| Error::<T>::Malformed.into())
	}

	/// Removes `c`'s last contribution (refuted): `δ`, the proving key and
	/// the transcript go back to the contribution before it, or to the
	/// initial key's. Writes the verifying key; the caller writes `c`.
	fn remove_last_contribution(model_id: ModelId, c: &mut KeyCeremony<T>) -> DispatchResult {
		let removed = c.contributions.pop().ok_or(Error::<T>::NotCurrentKey)?;
		let (delta, proving_key, transcript) = match c.contributions.last() {
			Some(prev) => (prev.delta, Some(prev.proving_key), prev.transcript),
			None => {
				let mut initial = [0u8; DELTA_BYTES];
				initial.copy_from_slice(&DeltaUpdate::<T::Curve>::initial().to_bytes());
				(initial, None, c.initial_transcript)
			}
		};
		let mut vk = VerifyingKeys::<T>::get(model_id).ok_or(Error::<T>::UnknownCeremony)?;
		vk.get_mut(VK_DELTA_OFFSET..VK_DELTA_OFFSET + 96)
			.ok_or(Error::<T>::Malformed)?
			.copy_from_slice(&delta[48..]);
		VerifyingKeys::<T>::insert(model_id, vk);
		c.delta_g1.copy_from_slice(&delta[..48]);
		c.proving_key = proving_key;
		c.transcript = transcript;
		c.refuted_by = BoundedVec::new();
		Self::deposit_event(Event::KeyContributionRemoved {
			model_id,
			who: removed.who,
			proving_key: removed.proving_key,
		});
		Ok(())
	}

	/// Settles the pending phase-1 contribution if a majority decided, or
	/// refuses it once its check period is over.
	fn settle_pending(now: BlockNumberFor<T>) {
		let (Some(mut state), Some(pending)) = (Phase1::<T>::get(), SrsPending::<T>::get()) else {
			return;
		};
		let of = state.turns.order.len();
		let accepted = is_majority(pending.ok.len(), of);
		let refused = is_majority(pending.bad.len(), of)
			|| now
				> pending
					.submitted_at
					.saturating_add(Timing::<T>::get().check);
		if !accepted && !refused {
			return;
		}
		SrsPending::<T>::kill();
		if accepted {
			state.head = pending.head;
			state.transcript = pending.transcript;
			state.srs_hash = Some(pending.srs_hash);
			state.accepted = state.accepted.saturating_add(1);
			Self::deposit_event(Event::SrsAccepted {
				who: pending.who,
				srs_hash: pending.srs_hash,
				transcript: pending.transcript,
			});
		} else {
			Self::deposit_event(Event::SrsRefused {
				who: pending.who,
				srs_hash: pending.srs_hash,
			});
		}
		state.turns.advance(now);
		Phase1::<T>::put(state);
	}

	/// Phase 1's timers: starts a round, skips a missed turn, refuses an
	/// unchecked contribution, schedules and applies the beacon.
	fn advance_srs(now: BlockNumberFor<T>) -> Weight {
		let Some(mut state) = Phase1::<T>::get() else {
			return T::DbWeight::get().reads(1);
		};
		match state.phase {
			SrsPhase::Contributing => {
				if SrsPending::<T>::exists() {
					Self::settle_pending(now);
					return T::WeightInfo::on_initialize_srs();
				}
				if state.turns.is_over() {
					if state.round > 0 && state.accepted >= T::MinSrsContributions::get() {
						let at = now.saturating_add(Timing::<T>::get().beacon_delay);
						state.phase = SrsPhase::Beacon { at };
						Self::deposit_event(Event::SrsBeaconScheduled { at });
					} else {
						state.round = state.round.saturating_add(1);
						state.turns = Turns::new(Self::participants(), now);
						Self::deposit_event(Event::SrsRoundStarted {
							round: state.round,
							participants: state.turns.order.len() as u32,
						});
					}
				} else if now > state.turns.deadline {
					if let Some(who) = state.turns.current().cloned() {
						Self::deposit_event(Event::SrsTurnSkipped { who });
					}
					state.turns.advance(now);
				} else {
					return T::DbWeight::get().reads(2);
				}
			}
			SrsPhase::Beacon { at } => {
				if now <= at {
					return T::DbWeight::get().reads(1);
				}
				let beacon: Hash256 = frame_system::Pallet::<T>::block_hash(at)
					.as_ref()
					.try_into()
					.unwrap_or([0u8; 32]);
				let Ok(head) = SrsHead::<T::Curve>::from_bytes(&state.head) else {
					return T::DbWeight::get().reads(1);
				};
				state.head = head_bytes(&zk::head_after_beacon(&head, &beacon));
				state.transcript =
					zk::next_transcript(&state.transcript, &[&b"beacon"[..], &beacon[..]].concat());
				state.phase = SrsPhase::Sealing;
				state.beacon = Some(beacon);
				Self::deposit_event(Event::SrsBeaconApplied {
					block: at,
					beacon,
					transcript: state.transcript,
				});
			}
			SrsPhase::Sealing | SrsPhase::Final => return T::DbWeight::get().reads(1),
		}
		Phase1::<T>::put(state);
		T::WeightInfo::on_initialize_srs()
	}

	/// Skips a model's missed turn; ends the round when every turn is over.
	/// Returns whether the turn had expired (the hook charges those fully).
	fn advance_key(model_id: ModelId, now: BlockNumberFor<T>) -> bool {
		let Some(mut c) = Ceremonies::<T>::get(model_id) else {
			Active::<T>::mutate(|a| a.retain(|m| *m != model_id));
			return true;
		};
		if c.status != KeyStatus::Pending || now <= c.turns.deadline {
			return false;
		}
		if let Some(who) = c.turns.current().cloned() {
			Self::deposit_event(Event::KeyTurnSkipped { model_id, who });
			c.turns.advance(now);
		}
		Self::end_round_if_over(model_id, &mut c);
		Ceremonies::<T>::insert(model_id, c);
		true
	}

	/// After the last turn: final with enough contributions and a usable key
	/// (`δ ≠ γ`), failed otherwise.
	fn end_round_if_over(model_id: ModelId, c: &mut KeyCeremony<T>) {
		if !c.turns.is_over() {
			return;
		}
		let contributions = c.contributions.len() as u32;
		// Decoding validates every point: only for a key that could be final,
		// which is prepared here, once.
		let final_key = match c.proving_key {
			Some(proving_key) if contributions >= T::MinKeyContributions::get() => {
				Self::prepare_key(model_id).map(|prepared| (proving_key, prepared))
			}
			_ => None,
		};
		match final_key {
			Some((proving_key, prepared)) => {
				PreparedKeys::<T>::insert(model_id, prepared);
				c.status = KeyStatus::Final;
				Self::deposit_event(Event::KeyFinalized {
					model_id,
					proving_key,
					contributions,
				});
			}
			None => {
				// A final key whose last contribution was refuted may fail now.
				PreparedKeys::<T>::remove(model_id);
				c.status = KeyStatus::Failed;
				Self::deposit_event(Event::KeyFailed {
					model_id,
					contributions,
				});
			}
		}
		Active::<T>::mutate(|a| a.retain(|m| *m != model_id));
	}

	/// The prepared form of `model_id`'s current verifying key, if that
	/// decodes with every check and is not degenerate.
	fn prepare_key(model_id: ModelId) -> Option<BoundedVec<u8, MaxPreparedKeyLen>> {
		let vk = VerifyingKeys::<T>::get(model_id)?;
		let vk = verity_zk::VerifyingKey::<T::Curve>::from_bytes(&vk).ok()?;
		BoundedVec::try_from(vk.prepare().to_bytes()).ok()
	}

	/// Starts `model_id`'s key ceremony (see [`pallet_models::ZkSetup`]).
	pub fn start_key(
		model_id: ModelId,
		spec: &ModelSpec,
		domain_size: u32,
		first: Option<&T::AccountId>,
		boundary_output: bool,
	) -> DispatchResult {
		let state = Phase1::<T>::get().ok_or(Error::<T>::SrsNotFinal)?;
		ensure!(state.phase == SrsPhase::Final, Error::<T>::SrsNotFinal);
		ensure!(
			!Ceremonies::<T>::contains_key(model_id),
			Error::<T>::AlreadyStarted
		);
		ensure!(
			zk::domain_sizes(state.max_domain).contains(&domain_size),
			Error::<T>::BadDomain
		);
		let table = DomainTables::<T>::get(domain_size).ok_or(Error::<T>::BadDomain)?;
		let table =
			DomainTable::<T::Curve>::from_bytes(&table).map_err(|_| Error::<T>::Malformed)?;
		let head = decode_head::<T>(&state.head)?;
		let layout = verity_zk::StatementLayout {
			act_bits: spec.act_bits,
			input_len: spec.input_len,
			output_len: spec.output_len,
			boundary_output,
		};
		let vk = zk::initial_verifying_key(
			head.alpha_g1,
			head.beta_g2,
			&table,
			spec.quantized_hash,
			layout,
		)
		.map_err(|_| Error::<T>::BadLayout)?;
		let vk = BoundedVec::try_from(vk.to_bytes()).map_err(|_| Error::<T>::BadLayout)?;
		Active::<T>::try_mutate(|a| a.try_push(model_id))
			.map_err(|_| Error::<T>::TooManyCeremonies)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut order = Self::participants();
		if let Some(first) = first {
			order.retain(|p| p != first);
			let _ = order.try_insert(0, first.clone());
		}
		let mut delta_g1 = [0u8; 48];
		delta_g1.copy_from_slice(&DeltaUpdate::<T::Curve>::initial().to_bytes()[..48]);
		let transcript = zk::blake2_256(&[
			b"verity-key-ceremony",
			&state.transcript,
			&model_id.to_le_bytes(),
			&spec.quantized_hash,
			&domain_size.to_le_bytes(),
		]);
		let participants = order.len() as u32;
		Ceremonies::<T>::insert(
			model_id,
			KeyCeremony::<T> {
				status: KeyStatus::Pending,
				model_hash: spec.quantized_hash,
				act_bits: spec.act_bits,
				input_len: spec.input_len,
				output_len: spec.output_len,
				domain_size,
				delta_g1,
				transcript,
				proving_key: None,
				refuted_by: BoundedVec::new(),
				initial_transcript: transcript,
				round: 1,
				turns: Turns::new(order, now),
				contributions: BoundedVec::new(),
				started_at: now,
			},
		);
		VerifyingKeys::<T>::insert(model_id, vk);
		Self::deposit_event(Event::KeyCeremonyStarted {
			model_id,
			domain_size,
			round: 1,
			participants,
		});
		Ok(())
	}

	/// The pallet's invariants:
	/// * every key ceremony has a verifying key and vice versa; a final one
	///   decodes (validated, `γ ≠ δ`) and has a proving key and at least
	///   `MinKeyContributions` contributions;
	/// * the current proving key is the last contribution's, and only this
	///   round's participants have refuted it;
	/// * the active list holds exactly the pending ceremonies;
	/// * a final SRS has a table for every domain size it serves.
	///
	/// Always compiled: the runtime API `InferenceApi::check_invariants`
	/// runs it on any block's state, off chain.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let active = Active::<T>::get();
		for (id, c) in Ceremonies::<T>::iter() {
			let vk = VerifyingKeys::<T>::get(id).ok_or("ceremony without a verifying key")?;
			ensure!(
				(c.status == KeyStatus::Pending) == active.contains(&id),
				"active list differs from the pending ceremonies"
			);
			ensure!(
				c.proving_key == c.contributions.last().map(|l| l.proving_key),
				"current proving key is not the last contribution's"
			);
			ensure!(
				c.refuted_by.iter().all(|p| c.turns.order.contains(p)),
				"a refutation by a non-participant"
			);
			ensure!(
				PreparedKeys::<T>::contains_key(id) == (c.status == KeyStatus::Final),
				"a prepared key without a final key, or a final key without one"
			);
			if c.status == KeyStatus::Final {
				let decoded = verity_zk::VerifyingKey::<T::Curve>::from_bytes(&vk)
					.map_err(|_| "final key does not decode")?;
				ensure!(
					PreparedKeys::<T>::get(id).map(|p| p.into_inner())
						== Some(decoded.prepare().to_bytes()),
					"the prepared key is not the final key's"
				);
				ensure!(c.proving_key.is_some(), "final key without a proving key");
				ensure!(
					c.contributions.len() as u32 >= T::MinKeyContributions::get(),
					"final key with too few contributions"
				);
			}
		}
		ensure!(
			VerifyingKeys::<T>::iter_keys().all(Ceremonies::<T>::contains_key),
			"verifying key without a ceremony"
		);
		if let Some(state) = Phase1::<T>::get() {
			if state.phase == SrsPhase::Final {
				for n in zk::domain_sizes(state.max_domain) {
					ensure!(
						DomainTables::<T>::contains_key(n),
						"final SRS without a table"
					);
				}
			}
			let shared = Self::shared_domains(state.max_domain);
			ensure!(
				Bases::<T>::iter_keys().all(|n| shared.contains(&n)),
				"bases published for a domain that is not shared"
			);
		}
		ensure!(
			Bases::<T>::iter_keys().next().is_none() || FinalSrs::<T>::exists(),
			"bases published without a final SRS"
		);
		Ok(())
	}

	/// The model's key ceremony.
	pub fn ceremony(model_id: ModelId) -> Option<KeyCeremony<T>> {
		Ceremonies::<T>::get(model_id)
	}
}

/// What a participant's node should do now ([`Pallet::tasks`]).
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum CeremonyTask {
	/// Contribute to phase 1 on the SRS `srs_hash` (`None`: the identity SRS).
	ContributeSrs {
		/// The SRS to build on.
		srs_hash: Option<Hash256>,
		/// Its head (the node checks the SRS against it first).
		head: [u8; HEAD_BYTES],
		/// The transcript the contribution's proofs bind to.
		transcript: Hash256,
		/// The SRS's size.
		max_domain: u32,
	},
	/// Check the pending phase-1 SRS against its head and attest.
	CheckSrs {
		/// The pending SRS's artifact hash.
		srs_hash: Hash256,
		/// The head the runtime accepted for it.
		head: [u8; HEAD_BYTES],
		/// The SRS's size.
		max_domain: u32,
	},
	/// Apply the beacon to the last accepted SRS, compute the domain tables,
	/// and vote to seal.
	SealSrs {
		/// The last accepted SRS.
		srs_hash: Option<Hash256>,
		/// The beacon.
		beacon: Hash256,
		/// The head after the beacon (the final SRS must have it).
		head: [u8; HEAD_BYTES],
		/// The SRS's size.
		max_domain: u32,
	},
	/// Contribute to a model's key.
	ContributeKey {
		/// The model version.
		model_id: ModelId,
		/// Its quantized-model hash (the artifact the circuit comes from).
		model_hash: Hash256,
		/// The key's QAP domain.
		domain_size: u32,
		/// The current proving key (`None`: the initial key, computed locally).
		proving_key: Option<Hash256>,
		/// The transcript the proof binds to.
		transcript: Hash256,
		/// The current verifying key (with the current `δ`).
		verifying_key: Vec<u8>,
		/// The current `δ·G1`.
		delta_g1: [u8; 48],
		/// The published Lagrange bases on the key's domain, if any (for the
		/// initial key).
		bases: Option<Hash256>,
	},
	/// Compute the final SRS's Lagrange bases on one domain and publish them.
	PrepareBases {
		/// The final SRS.
		srs_hash: Hash256,
		/// The domain size.
		domain_size: u32,
	},
	/// Fetch and check the Lagrange bases another participant published, and
	/// keep them.
	CheckBases {
		/// The final SRS.
		srs_hash: Hash256,
		/// The domain size.
		domain_size: u32,
		/// The bases' artifact hash.
		bases_hash: Hash256,
	},
	/// Check a model's current proving key (the last contribution's, made by
	/// another participant) and refute it if it is wrong.
	CheckKey {
		/// The model version.
		model_id: ModelId,
		/// Its quantized-model hash.
		model_hash: Hash256,
		/// The proving key to check (artifact hash).
		proving_key: Hash256,
		/// The current verifying key (with the current `δ`).
		verifying_key: Vec<u8>,
	},
}

/// Phase 1 as the runtime API shows it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SrsInfo<AccountId, BlockNumber> {
	/// The largest QAP domain the SRS serves.
	pub max_domain: u32,
	/// Where the ceremony stands.
	pub phase: SrsPhase<BlockNumber>,
	/// The insecure development SRS.
	pub insecure: bool,
	/// The current head.
	pub head: Vec<u8>,
	/// The transcript hash.
	pub transcript: Hash256,
	/// The current SRS's artifact hash (the final one once sealed).
	pub srs_hash: Option<Hash256>,
	/// The round.
	pub round: u32,
	/// This round's participants, in turn order.
	pub order: Vec<AccountId>,
	/// Whose turn it is, if the round is on.
	pub turn: Option<AccountId>,
	/// Last block of the turn.
	pub deadline: BlockNumber,
	/// Contributions accepted.
	pub accepted: u32,
	/// The contribution being checked: contributor, SRS, ok and bad votes.
	pub pending: Option<(AccountId, Hash256, u32, u32)>,
	/// The beacon, once applied.
	pub beacon: Option<Hash256>,
	/// The published Lagrange bases: domain size, publisher, artifact hash.
	pub bases: Vec<(u32, AccountId, Hash256)>,
}

/// A model's key ceremony as the runtime API shows it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct KeyInfo<AccountId, BlockNumber> {
	/// Where it stands.
	pub status: KeyStatus,
	/// The quantized model's hash.
	pub model_hash: Hash256,
	/// The QAP domain size.
	pub domain_size: u32,
	/// The transcript hash.
	pub transcript: Hash256,
	/// The current proving key's artifact hash.
	pub proving_key: Option<Hash256>,
	/// The round.
	pub round: u32,
	/// This round's contributors, in turn order.
	pub order: Vec<AccountId>,
	/// Whose turn it is, if the round is on.
	pub turn: Option<AccountId>,
	/// Last block of the turn.
	pub deadline: BlockNumber,
	/// The contributions: who, block, proving key, transcript after.
	pub contributions: Vec<(AccountId, BlockNumber, Hash256, Hash256)>,
	/// The current verifying key (final when `status` is).
	pub verifying_key: Vec<u8>,
	/// Block the ceremony started.
	pub started_at: BlockNumber,
}

impl<T: Config> Pallet<T> {
	/// What `who`'s node should do now: its turn to contribute (phase 1 or a
	/// model's key), a pending SRS to check, a seal vote, or another
	/// participant's proving key to check.
	pub fn tasks(who: &T::AccountId) -> Vec<CeremonyTask> {
		let mut tasks = Vec::new();
		if let Some(state) = Phase1::<T>::get() {
			let participant = state.turns.order.contains(who);
			match state.phase {
				SrsPhase::Contributing => match SrsPending::<T>::get() {
					Some(p) if participant && !p.ok.contains(who) && !p.bad.contains(who) => tasks
						.push(CeremonyTask::CheckSrs {
							srs_hash: p.srs_hash,
							head: p.head,
							max_domain: state.max_domain,
						}),
					None if state.turns.current() == Some(who) => {
						tasks.push(CeremonyTask::ContributeSrs {
							srs_hash: state.srs_hash,
							head: state.head,
							transcript: state.transcript,
							max_domain: state.max_domain,
						})
					}
					_ => {}
				},
				SrsPhase::Sealing => {
					let voted = SealVotes::<T>::get().iter().any(|(v, _)| v == who);
					if let (true, false, Some(beacon)) = (participant, voted, state.beacon) {
						tasks.push(CeremonyTask::SealSrs {
							srs_hash: state.srs_hash,
							beacon,
							head: state.head,
							max_domain: state.max_domain,
						})
					}
				}
				SrsPhase::Final => {
					if let Some(srs_hash) = FinalSrs::<T>::get() {
						Self::bases_tasks(who, srs_hash, state.max_domain, &mut tasks);
					}
				}
				SrsPhase::Beacon { .. } => {}
			}
		}
		// Every ceremony (one storage read each): a final key is checked too.
		for (model_id, c) in Ceremonies::<T>::iter() {
			let Some(vk) = VerifyingKeys::<T>::get(model_id) else {
				continue;
			};
			if let (Some(proving_key), Some(last)) = (c.proving_key, c.contributions.last()) {
				if c.status != KeyStatus::Failed
					&& last.who != *who
					&& c.turns.order.contains(who)
					&& !c.refuted_by.contains(who)
				{
					tasks.push(CeremonyTask::CheckKey {
						model_id,
						model_hash: c.model_hash,
						proving_key,
						verifying_key: vk.clone().into_inner(),
					});
				}
			}
			if c.status == KeyStatus::Pending && c.turns.current() == Some(who) {
				tasks.push(CeremonyTask::ContributeKey {
					model_id,
					model_hash: c.model_hash,
					domain_size: c.domain_size,
					proving_key: c.proving_key,
					transcript: c.transcript,
					verifying_key: vk.into_inner(),
					delta_g1: c.delta_g1,
					bases: Bases::<T>::get(c.domain_size).map(|(_, h)| h),
				});
			}
		}
		tasks
	}

	/// The sealed SRS's Lagrange-bases duties of `who`: the domains assigned
	/// to it that nobody published yet, and the others' bases to check.
	fn bases_tasks(
		who: &T::AccountId,
		srs_hash: Hash256,
		max_domain: u32,
		tasks: &mut Vec<CeremonyTask>,
	) {
		let participants = Self::participants();
		if !participants.contains(who) {
			return;
		}
		for (i, domain_size) in Self::shared_domains(max_domain).into_iter().enumerate() {
			match Bases::<T>::get(domain_size) {
				None if Self::assignee(&participants, i) == Some(who) => {
					tasks.push(CeremonyTask::PrepareBases {
						srs_hash,
						domain_size,
					})
				}
				Some((publisher, bases_hash)) if publisher != *who => {
					tasks.push(CeremonyTask::CheckBases {
						srs_hash,
						domain_size,
						bases_hash,
					})
				}
				_ => {}
			}
		}
	}

	/// The domain sizes whose Lagrange bases the chain shares, smallest first.
	pub fn shared_domains(max_domain: u32) -> Vec<u32> {
		zk::domain_sizes(max_domain)
			.into_iter()
			.filter(|n| *n >= SHARED_BASES_MIN)
			.collect()
	}

	/// Who computes the `i`-th shared domain's bases: the participants take
	/// the domains in turn.
	fn assignee(participants: &[T::AccountId], i: usize) -> Option<&T::AccountId> {
		participants.get(i.checked_rem(participants.len())?)
	}

	/// Phase 1's state, for the runtime API.
	pub fn srs_info() -> Option<SrsInfo<T::AccountId, BlockNumberFor<T>>> {
		let s = Phase1::<T>::get()?;
		Some(SrsInfo {
			max_domain: s.max_domain,
			phase: s.phase,
			insecure: s.insecure,
			head: s.head.to_vec(),
			transcript: s.transcript,
			srs_hash: s.srs_hash,
			round: s.round,
			turn: s.turns.current().cloned(),
			order: s.turns.order.into_inner(),
			deadline: s.turns.deadline,
			accepted: s.accepted,
			pending: SrsPending::<T>::get()
				.map(|p| (p.who, p.srs_hash, p.ok.len() as u32, p.bad.len() as u32)),
			beacon: s.beacon,
			bases: Self::shared_domains(s.max_domain)
				.into_iter()
				.filter_map(|n| Bases::<T>::get(n).map(|(who, hash)| (n, who, hash)))
				.collect(),
		})
	}

	/// A model's key ceremony, for the runtime API.
	pub fn key_info(model_id: ModelId) -> Option<KeyInfo<T::AccountId, BlockNumberFor<T>>> {
		let c = Ceremonies::<T>::get(model_id)?;
		Some(KeyInfo {
			status: c.status,
			model_hash: c.model_hash,
			domain_size: c.domain_size,
			transcript: c.transcript,
			proving_key: c.proving_key,
			round: c.round,
			turn: c.turns.current().cloned(),
			order: c.turns.order.into_inner(),
			deadline: c.turns.deadline,
			contributions: c
				.contributions
				.into_iter()
				.map(|k| (k.who, k.block, k.proving_key, k.transcript))
				.collect(),
			verifying_key: VerifyingKeys::<T>::get(model_id)
				.map(|k| k.into_inner())
				.unwrap_or_default(),
			started_at: c.started_at,
		})
	}
}

impl<T: Config> pallet_models::ZkSetup<T::AccountId> for Pallet<T> {
	fn storage_bytes() -> u32 {
		(KeyCeremony::<T>::max_encoded_len() as u32)
			.saturating_add(T::MaxVerifyingKeyLen::get())
			.saturating_add(8)
	}

	fn start_weight() -> Weight {
		T::WeightInfo::start_key()
	}

	fn start(
		model_id: ModelId,
		spec: &ModelSpec,
		domain_size: u32,
		first: Option<&T::AccountId>,
		boundary_output: bool,
	) -> DispatchResult {
		Self::start_key(model_id, spec, domain_size, first, boundary_output)
	}

	fn verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		let c = Ceremonies::<T>::get(model_id)?;
		if c.status != KeyStatus::Final {
			return None;
		}
		VerifyingKeys::<T>::get(model_id).map(|k| k.into_inner())
	}

	fn prepared_verifying_key(model_id: ModelId) -> Option<Vec<u8>> {
		// Written when the ceremony becomes final, removed when it stops
		// being final: present iff the key is final.
		PreparedKeys::<T>::get(model_id).map(|k| k.into_inner())
	}

	fn proving_key_hash(model_id: ModelId) -> Option<Hash256> {
		let c = Ceremonies::<T>::get(model_id)?;
		(c.status == KeyStatus::Final)
			.then_some(c.proving_key)
			.flatten()
	}

	fn remove(model_id: ModelId) {
		Active::<T>::mutate(|a| a.retain(|m| *m != model_id));
		Ceremonies::<T>::remove(model_id);
		VerifyingKeys::<T>::remove(model_id);
		PreparedKeys::<T>::remove(model_id);
	}

	fn remove_weight() -> Weight {
		// Storage only: the active list (bounded) read and written, and three
		// entries removed; no computation worth a benchmark of its own.
		T::DbWeight::get().reads_writes(1, 4)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn set_final_key_for_benchmarks(
		model_id: ModelId,
		verifying_key: Vec<u8>,
		proving_key: Hash256,
	) {
		Ceremonies::<T>::mutate(model_id, |c| {
			if let Some(c) = c {
				c.status = KeyStatus::Final;
				c.proving_key = Some(proving_key);
			}
		});
		Active::<T>::mutate(|a| a.retain(|m| *m != model_id));
		VerifyingKeys::<T>::insert(model_id, BoundedVec::truncate_from(verifying_key));
		if let Some(prepared) = Self::prepare_key(model_id) {
			PreparedKeys::<T>::insert(model_id, prepared);
		}
	}
}
