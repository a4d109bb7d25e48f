//! [`CheckSubmission`]: at most one result per request reaches a block.
//!
//! Without it, every submission for a request is a valid transaction until
//! one of them executes: each loser pays a full `submit_result` fee and burns
//! block weight for nothing. With it the transaction pool (which validates
//! against the best block, and again after every block) refuses
//! `submit_result`, `submit_slice_result` and `decline` from anyone but the request's assigned
//! executor and for closed requests, and every such transaction `provides`
//! the tag `("verity/result", request_id)`, so the pool holds one of them per
//! request and drops the rest once the request closes. A `submit_results`
//! batch is refused if any of its entries would be, and provides every
//! entry's tag. Likewise `challenge`
//! is refused when the result is not provisional (any more), from its own
//! submitter and from non-executors, and provides `("verity/challenge",
//! request_id)`: executors racing to overturn the same wrong result do not
//! all pay for it. A transaction refused here is never included, so it costs
//! its sender nothing.

use crate::{Call, Config, ExecutorOf, Provisional, Requests};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Get, IsSubType},
	weights::Weight,
	DefaultNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, Dispatchable, Saturating, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

/// `InvalidTransaction::Custom` code: the signer is not the request's
/// assigned executor.
pub const NOT_ASSIGNED: u8 = 1;
/// `InvalidTransaction::Custom` code: a challenge from the result's own
/// submitter, or from an account that is not a bonded executor.
pub const CANNOT_CHALLENGE: u8 = 2;

/// The transaction extension; add it to the runtime's `TxExtension` (it
/// encodes to nothing, so clients that build transactions from the metadata
/// need no change).
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckSubmission<T>(PhantomData<T>);

impl<T> CheckSubmission<T> {
	/// The extension.
	pub fn new() -> Self {
		Self(PhantomData)
	}

	/// The tag every transaction that answers `request_id` provides.
	pub fn tag(request_id: crate::RequestId) -> alloc::vec::Vec<u8> {
		(b"verity/result", request_id).encode()
	}

	/// The tag every challenge of `request_id`'s provisional result provides.
	pub fn challenge_tag(request_id: crate::RequestId) -> alloc::vec::Vec<u8> {
		(b"verity/challenge", request_id).encode()
	}
}

impl<T: Config> CheckSubmission<T> {
	/// Whether `who` may answer `request_id` in block `now` (open, within
	/// its deadline, assigned to `who`): its tag, and how long that stays
	/// true (the assignment window; afterwards another executor has it).
	fn answerable(
		request_id: crate::RequestId,
		who: &T::AccountId,
		now: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> Result<(alloc::vec::Vec<u8>, u64), InvalidTransaction> {
		let request = Requests::<T>::get(request_id).ok_or(InvalidTransaction::Stale)?;
		if now > request.deadline {
			return Err(InvalidTransaction::Stale);
		}
		if request.executor.as_ref() != Some(who) {
			return Err(InvalidTransaction::Custom(NOT_ASSIGNED));
		}
		Ok((Self::tag(request_id), longevity(request.window_end, now)))
	}
}

impl<T> core::fmt::Debug for CheckSubmission<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckSubmission")
	}
}

/// What a call does to a request, if this extension checks it.
enum Checked<'a, T: Config> {
	/// `submit_result` or `decline`.
	Answers(crate::RequestId),
	/// `submit_results`: every entry must be valid as an `Answers`.
	AnswersMany(&'a [crate::ZkResultOf<T>]),
	/// `challenge`.
	Challenges(crate::RequestId),
}

fn checked<T: Config>(call: &T::RuntimeCall) -> Option<Checked<'_, T>>
where
	T::RuntimeCall: IsSubType<Call<T>>,
{
	match call.is_sub_type()? {
		Call::submit_result { request_id, .. }
		| Call::submit_slice_result { request_id, .. }
		| Call::decline { request_id } => Some(Checked::Answers(*request_id)),
		Call::submit_results { results } => Some(Checked::AnswersMany(results)),
		Call::challenge { request_id, .. } => Some(Checked::Challenges(*request_id)),
		_ => None,
	}
}

/// Transactions valid until block `last` (from `now`) live this many blocks.
fn longevity<N: TryInto<u64> + Saturating>(last: N, now: N) -> u64 {
	last.saturating_sub(now)
		.try_into()
		.unwrap_or(u64::MAX)
		.saturating_add(1)
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckSubmission<T>
where
	T::RuntimeCall: IsSubType<Call<T>> + Dispatchable<RuntimeOrigin = T::RuntimeOrigin>,
	T::RuntimeOrigin: frame_support::traits::OriginTrait<AccountId = T::AccountId>,
{
	const IDENTIFIER: &'static str = "CheckInferenceSubmission";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &T::RuntimeCall) -> Weight {
		// One read of the request (the call itself reads it again, cached);
		// a challenge also reads the challenger's record.
		match checked::<T>(call) {
			Some(Checked::Answers(_)) => T::DbWeight::get().reads(1),
			Some(Checked::AnswersMany(results)) => T::DbWeight::get().reads(results.len() as u64),
			Some(Checked::Challenges(_)) => T::DbWeight::get().reads(2),
			None => Weight::zero(),
		}
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		use frame_support::traits::OriginTrait;
		let (Some(checked), Some(who)) = (checked::<T>(call), origin.as_signer()) else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		// The pool validates as of the next block.
		let now = frame_system::Pallet::<T>::block_number();
		let request_id = match checked {
			Checked::Answers(request_id) => request_id,
			Checked::AnswersMany(results) => {
				// Every entry as if submitted alone; the batch provides all
				// their tags and lives as long as the shortest window.
				let mut valid = ValidTransaction {
					longevity: u64::MAX,
					..Default::default()
				};
				for result in results {
					let (tag, longevity) = Self::answerable(result.request_id, who, now)?;
					valid.provides.push(tag);
					valid.longevity = valid.longevity.min(longevity);
				}
				return Ok((valid, (), origin));
			}
			Checked::Challenges(request_id) => {
				let provisional = Provisional::<T>::get(request_id)
					.filter(|p| now <= p.challenge_end)
					.ok_or(InvalidTransaction::Stale)?;
				if &provisional.executor == who || !ExecutorOf::<T>::contains_key(who) {
					return Err(InvalidTransaction::Custom(CANNOT_CHALLENGE).into());
				}
				let valid = ValidTransaction {
					provides: alloc::vec![Self::challenge_tag(request_id)],
					longevity: longevity(provisional.challenge_end, now),
					..Default::default()
				};
				return Ok((valid, (), origin));
			}
		};
		let (tag, longevity) = Self::answerable(request_id, who, now)?;
		let valid = ValidTransaction {
			provides: alloc::vec![tag],
			longevity,
			..Default::default()
		};
		Ok((valid, (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
