//! `Zk` requests for sliced model versions (`pallet_models`' sliced
//! registration): one request per slice, each proved under the slice's own
//! key by whichever executor is drawn for it, and chained by the commitments
//! of the tensors between slices.
//!
//! A request for a sliced version stays in [`Requests`] with the escrow but
//! is never drawn; [`Pallet::open_slices`] opens its slices' requests right
//! after it (ids following its own, [`SliceOf`]), with no fee of their own.
//! Each is drawn, lapsed, declined and slashed for invalid proofs like any
//! request. A valid slice proof ([`Pallet::do_submit_slice`]) closes the
//! slice's request and records the commitments it proved
//! ([`ProvedSlice`]); then the chain is walked from the first slice, whose
//! proof binds the request's own input ([`Pallet::walk_chain`],
//! `verity_zk::slicing::first_broken_link`):
//!
//! * whole: the last slice's output is the request's result, stored as
//!   verified; the fee is split evenly among the slices' executors (the
//!   remainder to the last);
//! * broken at slice `i`: slices `0..i` are proven from the request's input,
//!   so slice `i` was proved on a tensor its predecessor does not give; its
//!   executor is slashed `WrongResultSlash` and the slice's request opened
//!   again (an honest executor computes slices `0..i` itself from the
//!   request's input, so it never needs another's word for its input);
//! * otherwise the chain waits for its first unproved slice.
//!
//! The request's expiry refunds it as any (less `ExpiryCharge`) and closes
//! its open slices; a slice's own expiry only closes it.

use alloc::vec::Vec;
use frame_support::{
	dispatch::DispatchResultWithPostInfo,
	ensure,
	pallet_prelude::{ConstU32, DispatchError, DispatchResult},
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_models::{InferenceMode, ModelId, ModelRegistry, SliceInfo};
use sp_runtime::traits::{One, Saturating, Zero};

use crate::{
	in_range, weights::WeightInfo, BalanceOf, ChainState, Config, Error, Event, ExecutorOf,
	HoldReason, InferenceResult, Pallet, PartData, ProvedSlice, RejectReason, Request, RequestId,
	RequestOf, Requests, SliceOf, SliceOutput, SliceOutputOf, SliceRequest, Sliced, SlicedRequest,
	SlicedRequestOf, StatementParts, Timeouts, VerifyError, VerifyProof, PROOF_BYTES,
};

impl<T: Config> Pallet<T> {
	/// Opens one request per slice of `request` (stored under `request_id`,
	/// for a sliced version whose slices are `slices`) under the ids after
	/// `request_id`, each drawn in the next block, and records them in
	/// [`Sliced`]. Returns the next free request id.
	pub(crate) fn open_slices(
		request_id: RequestId,
		request: &RequestOf<T>,
		slices: &[(ModelId, SliceInfo)],
		now: BlockNumberFor<T>,
	) -> Result<RequestId, DispatchError> {
		ensure!(
			slices.len() <= T::MaxSlices::get() as usize,
			Error::<T>::UnsupportedModel
		);
		let mut next = request_id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut children = Vec::with_capacity(slices.len());
		for (index, (slice_model, _)) in slices.iter().enumerate() {
			let child = next;
			next = next.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Self::open_slice(child, *slice_model, request, now);
			SliceOf::<T>::insert(
				child,
				SliceRequest {
					parent: request_id,
					index: index as u32,
				},
			);
			children.push(child);
			Self::deposit_event(Event::SliceRequested {
				request_id,
				index: index as u32,
				slice_request: child,
				model_id: *slice_model,
			});
		}
		let proved = BoundedVec::truncate_from(alloc::vec![None; children.len()]);
		Sliced::<T>::insert(
			request_id,
			SlicedRequest {
				children: BoundedVec::truncate_from(children),
				proved,
				output: None,
			},
		);
		Ok(next)
	}

	/// Stores slice request `child` (slice model `slice_model` of sliced
	/// request `parent`), to be drawn in the next block. It holds no input
	/// (its executor reads the sliced request's) and no fee (the sliced
	/// request's escrow pays every slice).
	fn open_slice(
		child: RequestId,
		slice_model: ModelId,
		parent: &RequestOf<T>,
		now: BlockNumberFor<T>,
	) {
		Requests::<T>::insert(
			child,
			Request {
				requester: parent.requester.clone(),
				model_id: slice_model,
				mode: InferenceMode::Zk,
				input: BoundedVec::new(),
				fee: Zero::zero(),
				created: now,
				executor: None,
				window_end: now,
				draws: 0,
				deadline: parent.deadline,
			},
		);
		Timeouts::<T>::insert(now.saturating_add(One::one()), child, ());
		Self::count_model_use(slice_model, true);
	}

	/// How many slice requests of `request_id` are open (0 if it is not a
	/// sliced request).
	pub(crate) fn open_slice_count(request_id: RequestId) -> u32 {
		Sliced::<T>::get(request_id).map_or(0, |sliced| {
			sliced
				.children
				.iter()
				.filter(|child| Requests::<T>::contains_key(child))
				.count() as u32
		})
	}

	/// Closes the open slice requests of `request_id` (if it is a sliced
	/// request) and forgets its slices.
	pub(crate) fn drop_slices(request_id: RequestId) {
		let Some(sliced) = Sliced::<T>::take(request_id) else {
			return;
		};
		for child in sliced.children {
			if let Some(request) = Requests::<T>::get(child) {
				Self::close(child, &request);
			}
			SliceOf::<T>::remove(child);
		}
	}

	/// [`Pallet::submit_slice_result`].
	pub(crate) fn do_submit_slice(
		who: T::AccountId,
		request_id: RequestId,
		entering: Option<[u8; 32]>,
		output: SliceOutputOf<T>,
		proof: BoundedVec<u8, ConstU32<PROOF_BYTES>>,
	) -> DispatchResultWithPostInfo {
		let link = SliceOf::<T>::get(request_id).ok_or(Error::<T>::NotASlice)?;
		let request = Self::open_request(request_id)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now <= request.deadline, Error::<T>::DeadlinePassed);
		ensure!(
			request.executor.as_ref() == Some(&who),
			Error::<T>::NotAssigned
		);
		let info = ExecutorOf::<T>::get(&who).ok_or(Error::<T>::NotExecutor)?;
		ensure!(
			proof.len() == PROOF_BYTES as usize,
			Error::<T>::ProofSizeMismatch
		);
		ensure!(
			info.bond >= T::InvalidProofSlash::get(),
			Error::<T>::BondTooLow
		);
		let parent = Requests::<T>::get(link.parent).ok_or(Error::<T>::UnknownRequest)?;
		let mut sliced = Sliced::<T>::get(link.parent).ok_or(Error::<T>::UnknownRequest)?;
		let spec = T::Models::spec(parent.model_id).ok_or(Error::<T>::UnknownModel)?;
		let slices = T::Models::slices(parent.model_id).ok_or(Error::<T>::UnknownModel)?;
		let index = link.index as usize;
		let (slice_model, slice) = slices.get(index).ok_or(Error::<T>::UnknownModel)?;
		let last = index + 1 == slices.len();

		let input = match (index, entering) {
			(0, None) => crate::values(&parent.input),
			(i, Some(c)) if i > 0 => PartData::Committed(Self::commitment(c)?),
			_ => return Err(Error::<T>::WrongSliceInput.into()),
		};
		let (output, leaving, values) = match (last, output) {
			(false, SliceOutput::Boundary(c)) => {
				(PartData::Committed(Self::commitment(c)?), c, None)
			}
			(true, SliceOutput::Values(values)) => {
				ensure!(
					values.len() == spec.output_len as usize,
					Error::<T>::WrongOutputLength
				);
				ensure!(
					in_range(&values, spec.act_bits),
					Error::<T>::OutputOutOfRange
				);
				let output = crate::values(&values);
				(output, [0u8; 32], Some(values))
			}
			_ => return Err(Error::<T>::WrongSliceOutput.into()),
		};
		let key =
			T::Models::prepared_verifying_key(*slice_model).ok_or(Error::<T>::NoVerifyingKey)?;
		let statement = StatementParts {
			model_id: slice.slice.quantized_hash,
			request_id,
			executor: Self::account_bytes(&who),
			input,
			output,
		};
		let rejected = match T::ProofVerifier::verify_parts(&key, &statement, &proof) {
			Ok(()) => None,
			Err(VerifyError::InvalidVerifyingKey) => {
				return Err(Error::<T>::InvalidVerifyingKey.into())
			}
			Err(VerifyError::StatementMismatch) => return Err(Error::<T>::ModelKeyMismatch.into()),
			Err(VerifyError::MalformedProof) => Some(RejectReason::MalformedProof),
			Err(VerifyError::InvalidProof) => Some(RejectReason::InvalidProof),
		};
		if let Some(reason) = rejected {
			Self::reject(request_id, request, who, info, reason);
			return Ok(Some(T::WeightInfo::submit_result_rejected()).into());
		}

		// Proved: the slice's request closes (its executor's assignment
		// released, its misses forgiven); it is paid once the chain is whole.
		Self::close(request_id, &request);
		ExecutorOf::<T>::mutate(&who, |info| {
			if let Some(info) = info {
				info.misses = 0;
			}
		});
		if let Some(slot) = sliced.proved.get_mut(index) {
			*slot = Some(ProvedSlice {
				executor: who.clone(),
				entering: entering.unwrap_or_default(),
				leaving,
			});
		}
		if values.is_some() {
			sliced.output = values;
		}
		Self::deposit_event(Event::SliceProved {
			request_id: link.parent,
			index: link.index,
			executor: who,
		});
		match Self::walk_chain(&sliced.proved) {
			ChainState::Waiting => Sliced::<T>::insert(link.parent, sliced),
			ChainState::BrokenAt(broken) => {
				let slice_model = slices
					.get(broken as usize)
					.map(|(id, _)| *id)
					.ok_or(Error::<T>::UnknownModel)?;
				Self::break_slice(link.parent, &parent, &mut sliced, broken, slice_model, now);
				Sliced::<T>::insert(link.parent, sliced);
			}
			ChainState::Whole => Self::complete_sliced(link.parent, parent, sliced, now)?,
		}
		Ok(Some(T::WeightInfo::submit_slice_result(slices.len() as u32)).into())
	}

	/// A commitment's bytes, checked canonical.
	fn commitment(bytes: [u8; 32]) -> Result<[u8; 32], DispatchError> {
		verity_zk::statement::field_from_bytes(&bytes)
			.map_err(|_| Error::<T>::MalformedCommitment)?;
		Ok(bytes)
	}

	/// How far `proved` chains: the proved slices from the first up to the
	/// first unproved one, each entering what its predecessor leaves (the
	/// first slice's proof binds the request's input itself).
	pub fn walk_chain(proved: &[Option<ProvedSlice<T::AccountId>>]) -> ChainState {
		let links: Vec<([u8; 32], [u8; 32])> = proved
			.iter()
			.map_while(|p| p.as_ref().map(|p| (p.entering, p.leaving)))
			.collect();
		let Some(&(first, _)) = links.first() else {
			return ChainState::Waiting;
		};
		match verity_zk::slicing::first_broken_link(first, &links) {
			Some(i) => ChainState::BrokenAt(i as u32),
			None if links.len() == proved.len() => ChainState::Whole,
			None => ChainState::Waiting,
		}
	}

	/// Slice `index` of sliced request `request_id` was proved on another
	/// tensor than its predecessor gives: its executor loses
	/// `WrongResultSlash`, its proof is forgotten and its request opened
	/// again (drawn in the next block).
	fn break_slice(
		request_id: RequestId,
		parent: &RequestOf<T>,
		sliced: &mut SlicedRequestOf<T>,
		index: u32,
		slice_model: ModelId,
		now: BlockNumberFor<T>,
	) {
		let Some(slot) = sliced.proved.get_mut(index as usize) else {
			return;
		};
		let Some(proved) = slot.take() else {
			return;
		};
		if index as usize + 1 == sliced.proved.len() {
			sliced.output = None;
		}
		let slashed = match ExecutorOf::<T>::get(&proved.executor) {
			Some(mut info) => {
				let slashed =
					Self::slash_bond(&proved.executor, &mut info, T::WrongResultSlash::get());
				ExecutorOf::<T>::insert(&proved.executor, info);
				slashed
			}
			None => Zero::zero(),
		};
		if let Some(&child) = sliced.children.get(index as usize) {
			Self::open_slice(child, slice_model, parent, now);
		}
		Self::deposit_event(Event::SliceBroken {
			request_id,
			index,
			executor: proved.executor,
			slashed,
		});
	}

	/// Every slice of sliced request `request_id` is proved and they chain:
	/// pays each slice's executor its share of the fee (the remainder to
	/// the last), stores the last slice's output as the request's verified
	/// result and closes the request with its slices.
	fn complete_sliced(
		request_id: RequestId,
		request: RequestOf<T>,
		sliced: SlicedRequestOf<T>,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let proved: Vec<ProvedSlice<T::AccountId>> =
			sliced.proved.iter().flatten().cloned().collect();
		let output = sliced.output.ok_or(Error::<T>::WrongSliceOutput)?;
		let last = proved
			.last()
			.ok_or(Error::<T>::WrongSliceOutput)?
			.executor
			.clone();
		let slices: BalanceOf<T> = (proved.len() as u32).into();
		let share = request.fee / slices;
		let mut paid = Vec::with_capacity(proved.len());
		let mut left = request.fee;
		for (i, slice) in proved.iter().enumerate() {
			let amount = if i + 1 == proved.len() { left } else { share };
			left = left.saturating_sub(amount);
			T::Currency::transfer_on_hold(
				&HoldReason::RequestEscrow.into(),
				&request.requester,
				&slice.executor,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			)?;
			paid.push((slice.executor.clone(), amount));
		}
		Self::close(request_id, &request);
		Self::store_result(
			request_id,
			InferenceResult {
				requester: request.requester,
				model_id: request.model_id,
				mode: InferenceMode::Zk,
				input: request.input,
				output,
				verified: true,
				executor: last.clone(),
				fee: request.fee,
				block: now,
			},
		);
		Self::deposit_event(Event::SlicesPaid { request_id, paid });
		Self::deposit_event(Event::InferenceVerified {
			request_id,
			executor: last,
			fee: request.fee,
		});
		Ok(())
	}

	/// The sliced requests' invariants (part of `do_try_state`): every sliced
	/// request is open and never assigned; its slices are listed in order
	/// ([`SliceOf`]), hold no fee and no input, and each is either open or
	/// proved (or closed past the deadline, in the block range where the
	/// sliced request's own expiry has not run yet); every slice request
	/// belongs to a listed sliced request.
	pub(crate) fn check_slices() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut listed = 0usize;
		let now = frame_system::Pallet::<T>::block_number();
		for (id, sliced) in Sliced::<T>::iter() {
			let request = Requests::<T>::get(id).ok_or("sliced request not open")?;
			ensure!(request.executor.is_none(), "sliced request assigned");
			ensure!(
				request.window_end == request.deadline,
				"sliced request's timeout is not its deadline"
			);
			ensure!(
				sliced.children.len() == sliced.proved.len(),
				"slices and proofs of different counts"
			);
			for (index, (child, proved)) in sliced.children.iter().zip(&sliced.proved).enumerate() {
				listed += 1;
				ensure!(
					SliceOf::<T>::get(child)
						== Some(SliceRequest {
							parent: id,
							index: index as u32,
						}),
					"slice request listed out of place"
				);
				match Requests::<T>::get(child) {
					Some(slice) => {
						ensure!(proved.is_none(), "a proved slice still open");
						ensure!(
							slice.fee.is_zero() && slice.input.is_empty(),
							"a slice request with a fee or an input"
						);
						ensure!(
							slice.deadline == request.deadline,
							"a slice's deadline differs"
						);
					}
					None => ensure!(
						proved.is_some() || now > request.deadline,
						"an unproved slice closed before the deadline"
					),
				}
			}
		}
		ensure!(
			SliceOf::<T>::iter_keys().count() == listed,
			"slice request of no sliced request"
		);
		Ok(())
	}
}
