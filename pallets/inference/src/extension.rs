//! [`CheckSubmission`]: at most one result per request reaches a block.
//!
//! Without it, every submission for a request is a valid transaction until
//! one of them executes: each loser pays a full `submit_result` fee and burns
//! block weight for nothing. With it the transaction pool (which validates
//! against the best block, and again after every block) refuses
//! `submit_result` and `decline` from anyone but the request's assigned
//! executor and for closed requests, and every such transaction `provides`
//! the tag `("verity/result", request_id)`, so the pool holds one of them per
//! request and drops the rest once the request closes. A transaction refused
//! here is never included, so it costs its sender nothing.

use crate::{Call, Config, Requests};
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
}

impl<T> core::fmt::Debug for CheckSubmission<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckSubmission")
	}
}

/// The request a call answers, if it is `submit_result` or `decline`.
fn answered<T: Config>(call: &T::RuntimeCall) -> Option<crate::RequestId>
where
	T::RuntimeCall: IsSubType<Call<T>>,
{
	match call.is_sub_type()? {
		Call::submit_result { request_id, .. } | Call::decline { request_id } => Some(*request_id),
		_ => None,
	}
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
		// One read of the request (the call itself reads it again, cached).
		match answered::<T>(call) {
			Some(_) => T::DbWeight::get().reads(1),
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
		let (Some(request_id), Some(who)) = (answered::<T>(call), origin.as_signer()) else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		// The pool validates as of the next block.
		let now = frame_system::Pallet::<T>::block_number();
		let request = Requests::<T>::get(request_id).ok_or(InvalidTransaction::Stale)?;
		if now > request.deadline {
			return Err(InvalidTransaction::Stale.into());
		}
		if request.executor.as_ref() != Some(who) {
			return Err(InvalidTransaction::Custom(NOT_ASSIGNED).into());
		}
		// Valid while the window lasts; afterwards another executor has it.
		let longevity: u64 = request
			.window_end
			.saturating_sub(now)
			.try_into()
			.unwrap_or(u64::MAX)
			.saturating_add(1);
		let valid = ValidTransaction {
			provides: alloc::vec![Self::tag(request_id)],
			longevity,
			..Default::default()
		};
		Ok((valid, (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
