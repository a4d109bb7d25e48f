//! Signed transactions from keys in the node's keystore: the inference
//! worker's results (`vinf` key) and the ceremony's contributions (the
//! validator's `aura` key, which is also its account).

use codec::Encode;
use sc_transaction_pool_api::{InPoolTransaction, TransactionPool, TransactionSource};
use sp_api::{Core, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::KeyTypeId, sr25519};
use sp_keystore::KeystorePtr;
use sp_runtime::{generic, MultiAddress, MultiSignature};
use substrate_frame_rpc_system::AccountNonceApi;
use verity_runtime::{opaque::Block, AccountId, Nonce, Runtime, RuntimeCall};

use crate::{service::FullClient, worker::Pool};

/// Mortality of the node's transactions, in blocks.
const TX_PERIOD: u64 = 64;

type Hash = <Block as sp_runtime::traits::Block>::Hash;

/// What signing and submitting needs from the node.
#[derive(Clone)]
pub struct Signer {
	pub client: std::sync::Arc<FullClient>,
	pub pool: std::sync::Arc<Pool>,
	pub keystore: KeystorePtr,
}

impl Signer {
	/// `call` signed by `key` (of `key_type`), valid from the block `hash`
	/// (number `number`) for [`TX_PERIOD`] blocks, its nonce past the
	/// account's transactions already in the pool.
	pub fn extrinsic(
		&self,
		key_type: KeyTypeId,
		key: &sr25519::Public,
		call: RuntimeCall,
		hash: Hash,
		number: u32,
	) -> Result<sp_runtime::OpaqueExtrinsic, String> {
		let account = AccountId::from(*key);
		let api = self.client.runtime_api();
		let version = api.version(hash).map_err(|e| e.to_string())?;
		let chain_nonce: Nonce = api
			.account_nonce(hash, account.clone())
			.map_err(|e| e.to_string())?;
		let nonce = self.pool_nonce(&account, chain_nonce);
		let genesis = self.client.info().genesis_hash;
		let era = generic::Era::mortal(TX_PERIOD, number as u64);
		let tx_ext: verity_runtime::TxExtension = (
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(era),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_inference::CheckSubmission::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_system::WeightReclaim::<Runtime>::new(),
		);
		let payload = verity_runtime::SignedPayload::from_raw(
			call.clone(),
			tx_ext.clone(),
			(
				(),
				version.spec_version,
				version.transaction_version,
				genesis,
				hash,
				(),
				(),
				(),
				(),
				(),
			),
		);
		let signature = payload
			.using_encoded(|msg| self.keystore.sr25519_sign(key_type, key, msg))
			.map_err(|e| format!("signing: {e}"))?
			.ok_or("the key left the keystore")?;
		let xt = verity_runtime::UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(account),
			MultiSignature::Sr25519(signature),
			tx_ext,
		);
		Ok(xt.into())
	}

	/// Signs `call` (see [`Signer::extrinsic`]) and submits it to the pool.
	pub async fn submit(
		&self,
		key_type: KeyTypeId,
		key: &sr25519::Public,
		call: RuntimeCall,
		hash: Hash,
		number: u32,
	) -> Result<Hash, String> {
		let xt = self.extrinsic(key_type, key, call, hash, number)?;
		self.pool
			.submit_one(hash, TransactionSource::Local, xt)
			.await
			.map_err(|e| e.to_string())
	}

	/// `nonce` advanced past this account's transactions ready in the pool
	/// (what `system_accountNextIndex` returns).
	fn pool_nonce(&self, account: &AccountId, nonce: Nonce) -> Nonce {
		let mut nonce = nonce;
		let mut tag = (account.clone(), nonce).encode();
		for tx in self.pool.ready() {
			if tx.provides().first() == Some(&tag) {
				nonce += 1;
				tag = (account.clone(), nonce).encode();
			}
		}
		nonce
	}
}
