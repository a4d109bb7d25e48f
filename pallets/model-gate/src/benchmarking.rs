//! Benchmarks (frame-benchmarking v2). Worst cases: `apply` admits the caller
//! into a list of `MaxMembers - 1` accounts at the front (every member moves),
//! `leave` removes the first of `MaxMembers`. The inference itself is priced
//! by the provider's `infer_weight`, so `apply` runs the smallest model the
//! benchmark helper registers (the precompile's one-layer synthetic model);
//! its cost is then counted twice, which errs on the safe side.

use super::*;
use crate::Pallet as ModelGate;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use pallet_inference::InferenceProvider;

const SEED: u32 = 0;

/// `n` distinct accounts, sorted.
fn sorted_accounts<T: Config>(n: u32) -> Vec<T::AccountId> {
	let mut accounts: Vec<T::AccountId> = (0..n).map(|i| account("member", i, SEED)).collect();
	accounts.sort();
	accounts
}

fn put_members<T: Config>(members: Vec<T::AccountId>) {
	let members = BoundedVec::try_from(members).expect("at most MaxMembers");
	Members::<T>::put(members);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_gate() -> Result<(), BenchmarkError> {
		let origin =
			T::GateOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 7, 3);

		assert_eq!(
			Gate::<T>::get(),
			Some(GateRule {
				model_id: 7,
				accept_class: 3
			})
		);
		Ok(())
	}

	#[benchmark]
	fn apply() -> Result<(), BenchmarkError> {
		let (model_id, input) = T::BenchmarkHelper::sync_model();
		// Accept the class the model picks for this input, so the caller is admitted.
		let output = T::Inference::infer(model_id, &input)
			.map_err(|_| BenchmarkError::Stop("the benchmark model does not run"))?;
		let accept_class =
			classify(&output).ok_or(BenchmarkError::Stop("the benchmark model has no output"))?;
		Gate::<T>::put(GateRule {
			model_id,
			accept_class,
		});
		// The caller sorts first: inserting it moves every other member.
		let mut accounts = sorted_accounts::<T>(T::MaxMembers::get());
		let caller = accounts.remove(0);
		put_members::<T>(accounts);
		let input = BoundedVec::try_from(input)
			.map_err(|_| BenchmarkError::Stop("the benchmark model's input is too long"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), input);

		assert!(ModelGate::<T>::is_member(&caller));
		assert_eq!(
			Members::<T>::decode_len(),
			Some(T::MaxMembers::get() as usize)
		);
		Ok(())
	}

	#[benchmark]
	fn leave() {
		let accounts = sorted_accounts::<T>(T::MaxMembers::get());
		// The first member: removing it moves every other member.
		let caller = accounts[0].clone();
		put_members::<T>(accounts);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!ModelGate::<T>::is_member(&caller));
	}

	impl_benchmark_test_suite!(ModelGate, crate::mock::new_test_ext(), crate::mock::Test);
}
