//! The Groth16 verifier: `no_std` + `alloc`, generic over the pairing engine so
//! the runtime can plug in a host-accelerated BLS12-381 (any
//! `Pairing<ScalarField = ark_bls12_381::Fr>`, e.g. `sp-crypto-ec-utils`'
//! `Bls12_381`). Every decoding step validates (on the curve, in the
//! prime-order subgroup, canonical) and nothing here can panic on bad bytes.
//!
//! ## Encodings (arkworks canonical compressed points)
//!
//! * [`Proof`]: `A (G1, 48 B) ‖ B (G2, 96 B) ‖ C (G1, 48 B)` = 192 bytes.
//! * [`VerifyingKey`]: `"vzkv"`, version `1`, model id (32 B), `act_bits` (1 B),
//!   input length (u32 LE), output length (u32 LE), `α (G1) ‖ β, γ, δ (G2)`,
//!   then the `n + 1` IC points (G1) for the layout's `n` public inputs. With
//!   `n` = 7 (the example models) that is 46 + 336 + 4 + 384 = 770 bytes.

use alloc::{format, vec::Vec};

use ark_ec::pairing::{Pairing, PairingOutput};
use ark_ec::{AffineRepr, CurveGroup, VariableBaseMSM};
use ark_ff::{One, PrimeField};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};

use crate::statement::{Binding, Statement, StatementLayout, TensorPart};
use crate::{Error, Fr, Result};

/// Compressed sizes of the group elements.
pub const G1_BYTES: usize = 48;
pub const G2_BYTES: usize = 96;

const VK_MAGIC: &[u8; 4] = b"vzkv";
const VK_VERSION: u8 = 1;
const VK_HEADER_BYTES: usize = 4 + 1 + MODEL_LAYOUT_BYTES;

/// A Groth16 proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proof<E: Pairing> {
	pub a: E::G1Affine,
	pub b: E::G2Affine,
	pub c: E::G1Affine,
}

/// A Groth16 verifying key together with the statement layout and the model id
/// it was generated for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyingKey<E: Pairing> {
	pub model_id: [u8; 32],
	pub layout: StatementLayout,
	pub alpha_g1: E::G1Affine,
	pub beta_g2: E::G2Affine,
	pub gamma_g2: E::G2Affine,
	pub delta_g2: E::G2Affine,
	/// `γ⁻¹·(β·u_i(τ) + α·v_i(τ) + w_i(τ))·G` for the constant and each public input.
	pub ic: Vec<E::G1Affine>,
}

pub(crate) fn write_point<P: CanonicalSerialize>(p: &P, out: &mut Vec<u8>) {
	// Writing into a Vec cannot fail.
	let _ = p.serialize_compressed(out);
}

/// The header both key encodings start with: magic, version, model id,
/// `act_bits`, input and output lengths ([`VK_HEADER_BYTES`]).
fn write_header(
	out: &mut Vec<u8>,
	magic: &[u8; 4],
	version: u8,
	model_id: &[u8; 32],
	layout: &StatementLayout,
) {
	out.extend_from_slice(magic);
	out.push(version);
	out.extend_from_slice(&encode_model_layout(model_id, layout));
}

/// Bytes of [`encode_model_layout`].
pub(crate) const MODEL_LAYOUT_BYTES: usize = 32 + 1 + 4 + 4;

/// The bit of the `act_bits` byte that carries [`StatementLayout::boundary_output`].
const BOUNDARY_FLAG: u8 = 0x80;

/// A key's model id and statement layout as every key file stores them
/// (the verifying keys' header after magic and version, the proving key's).
pub(crate) fn encode_model_layout(
	model_id: &[u8; 32],
	layout: &StatementLayout,
) -> [u8; MODEL_LAYOUT_BYTES] {
	let mut out = [0u8; MODEL_LAYOUT_BYTES];
	out[..32].copy_from_slice(model_id);
	// act_bits <= 24 leaves the top bit free for the boundary flag, so keys
	// written before slices existed read back unchanged.
	out[32] = layout.act_bits as u8
		| if layout.boundary_output {
			BOUNDARY_FLAG
		} else {
			0
		};
	out[33..37].copy_from_slice(&layout.input_len.to_le_bytes());
	out[37..].copy_from_slice(&layout.output_len.to_le_bytes());
	out
}

/// Reads [`encode_model_layout`]'s bytes; the layout must pass its checks.
/// `what` names the key in errors.
pub(crate) fn decode_model_layout(
	bytes: &[u8; MODEL_LAYOUT_BYTES],
	what: &str,
) -> Result<([u8; 32], StatementLayout)> {
	let u32_at =
		|i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
	let mut model_id = [0u8; 32];
	model_id.copy_from_slice(&bytes[..32]);
	let layout = StatementLayout {
		act_bits: (bytes[32] & !BOUNDARY_FLAG) as u32,
		input_len: u32_at(33),
		output_len: u32_at(37),
		boundary_output: bytes[32] & BOUNDARY_FLAG != 0,
	};
	layout
		.check()
		.map_err(|e| Error::Decode(format!("{what} layout: {e}")))?;
	Ok((model_id, layout))
}

/// Reads [`write_header`]'s header: the model id and the layout, which must
/// pass its checks. `what` names the key in errors.
fn read_header(
	bytes: &[u8],
	magic: &[u8; 4],
	version: u8,
	what: &str,
) -> Result<([u8; 32], StatementLayout)> {
	if bytes.len() < VK_HEADER_BYTES || &bytes[..4] != magic || bytes[4] != version {
		return Err(Error::Decode(format!(
			"not a verity-zk {what} (too short, or bad magic or version)"
		)));
	}
	let mut model_layout = [0u8; MODEL_LAYOUT_BYTES];
	model_layout.copy_from_slice(&bytes[5..5 + MODEL_LAYOUT_BYTES]);
	decode_model_layout(&model_layout, what)
}

pub(crate) fn read_point<P: CanonicalDeserialize>(bytes: &mut &[u8], what: &str) -> Result<P> {
	P::deserialize_with_mode(bytes, Compress::Yes, Validate::Yes)
		.map_err(|e| Error::Decode(format!("{what}: {e}")))
}

impl<E: Pairing> Proof<E> {
	/// Encoded size in bytes.
	pub const SIZE: usize = 2 * G1_BYTES + G2_BYTES;

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::SIZE);
		write_point(&self.a, &mut out);
		write_point(&self.b, &mut out);
		write_point(&self.c, &mut out);
		out
	}

	/// Decodes and validates (on curve, in subgroup, not the identity).
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		if bytes.len() != Self::SIZE {
			return Err(Error::Decode(format!(
				"a proof is {} bytes, got {}",
				Self::SIZE,
				bytes.len()
			)));
		}
		let mut r = bytes;
		let proof = Proof {
			a: read_point(&mut r, "proof A")?,
			b: read_point(&mut r, "proof B")?,
			c: read_point(&mut r, "proof C")?,
		};
		proof.check_not_identity()?;
		Ok(proof)
	}

	fn check_not_identity(&self) -> Result<()> {
		if self.a.is_zero() || self.b.is_zero() || self.c.is_zero() {
			return Err(Error::IdentityPoint);
		}
		Ok(())
	}
}

impl<E: Pairing> VerifyingKey<E> {
	/// Encoded size in bytes.
	pub fn encoded_len(&self) -> usize {
		VK_HEADER_BYTES + G1_BYTES + 3 * G2_BYTES + 4 + self.ic.len() * G1_BYTES
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(self.encoded_len());
		write_header(&mut out, VK_MAGIC, VK_VERSION, &self.model_id, &self.layout);
		write_point(&self.alpha_g1, &mut out);
		write_point(&self.beta_g2, &mut out);
		write_point(&self.gamma_g2, &mut out);
		write_point(&self.delta_g2, &mut out);
		out.extend_from_slice(&(self.ic.len() as u32).to_le_bytes());
		for p in &self.ic {
			write_point(p, &mut out);
		}
		out
	}

	/// Decodes and validates every point (on the curve, in the subgroup) and
	/// the layout, and refuses degenerate keys: the identity for α, β, γ, δ
	/// or any IC point, and γ = δ (under such keys proofs can be forged).
	pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
		let vk = Self::decode_points(bytes)?;
		vk.check_not_degenerate()?;
		Ok(vk)
	}

	/// [`VerifyingKey::from_bytes`] without refusing degenerate keys: for a
	/// ceremony's keys before their first contribution (`γ = δ = 1`), which
	/// nodes check but nobody verifies proofs under.
	pub fn decode_points(bytes: &[u8]) -> Result<Self> {
		if bytes.len() < VK_HEADER_BYTES + G1_BYTES + 3 * G2_BYTES + 4 {
			return Err(Error::Decode(format!(
				"verifying key too short ({} bytes)",
				bytes.len()
			)));
		}
		let (model_id, layout) = read_header(bytes, VK_MAGIC, VK_VERSION, "verifying key")?;
		let mut r = &bytes[VK_HEADER_BYTES..];
		let alpha_g1: E::G1Affine = read_point(&mut r, "vk alpha")?;
		let beta_g2: E::G2Affine = read_point(&mut r, "vk beta")?;
		let gamma_g2: E::G2Affine = read_point(&mut r, "vk gamma")?;
		let delta_g2: E::G2Affine = read_point(&mut r, "vk delta")?;
		let mut n = [0u8; 4];
		n.copy_from_slice(&r[..4]);
		let n_ic = u32::from_le_bytes(n) as usize;
		r = &r[4..];
		if n_ic != layout.num_public_inputs() + 1 {
			return Err(Error::Decode(format!(
				"verifying key has {n_ic} IC points, its layout needs {}",
				layout.num_public_inputs() + 1
			)));
		}
		if r.len() != n_ic * G1_BYTES {
			return Err(Error::Decode(format!(
				"verifying key: {} trailing bytes for {n_ic} IC points",
				r.len()
			)));
		}
		let mut ic = Vec::with_capacity(n_ic);
		for _ in 0..n_ic {
			ic.push(read_point(&mut r, "vk IC point")?);
		}
		let vk: VerifyingKey<E> = VerifyingKey {
			model_id,
			layout,
			alpha_g1,
			beta_g2,
			gamma_g2,
			delta_g2,
			ic,
		};
		Ok(vk)
	}

	/// Refuses the keys no honest setup makes and under which proofs can be
	/// forged:
	///
	/// * the identity for α, β, γ or δ (the pairing check loses a term);
	/// * the identity for an IC point: its public input (the request, the
	///   executor, the input or the output) drops out of the check, so one
	///   proof verifies for every value of it;
	/// * γ = δ: the check becomes `e(A, B) = e(α, β)·e(Σ xᵢ·ICᵢ + C, γ)`, and
	///   a proof for one statement turns into a proof for any other by moving
	///   the difference of the input points into C.
	///
	/// γ may be the generator (as in keys from a ceremony); only γ = δ is
	/// degenerate.
	fn check_not_degenerate(&self) -> Result<()> {
		let named = [
			("alpha", self.alpha_g1.is_zero()),
			("beta", self.beta_g2.is_zero()),
			("gamma", self.gamma_g2.is_zero()),
			("delta", self.delta_g2.is_zero()),
		];
		if let Some((name, _)) = named.iter().find(|(_, zero)| *zero) {
			return Err(Error::Decode(format!(
				"verifying key: {name} is the identity point"
			)));
		}
		if let Some(i) = self.ic.iter().position(|p| p.is_zero()) {
			return Err(Error::Decode(format!(
				"verifying key: IC point {i} is the identity point"
			)));
		}
		if self.gamma_g2 == self.delta_g2 {
			return Err(Error::Decode(
				"verifying key: gamma equals delta (proofs could be forged)".into(),
			));
		}
		Ok(())
	}
}

/// Verifies `proof` for `statement` under `vk`: checks the model id, builds the
/// public inputs ([`StatementLayout::public_inputs`]) and runs the pairing check.
pub fn verify<E: Pairing<ScalarField = Fr>>(
	vk: &VerifyingKey<E>,
	statement: &Statement,
	proof: &Proof<E>,
) -> Result<()> {
	if statement.model_id != vk.model_id {
		return Err(Error::Statement(
			"the model id is not the verifying key's".into(),
		));
	}
	let inputs = vk.layout.public_inputs(statement)?;
	verify_public_inputs(vk, &inputs, proof)
}

/// Decodes (with every validation) and verifies in one call: the entry point
/// for a runtime that stores the verifying key and receives the proof as bytes.
pub fn verify_encoded<E: Pairing<ScalarField = Fr>>(
	verifying_key: &[u8],
	statement: &Statement,
	proof: &[u8],
) -> Result<()> {
	let vk = VerifyingKey::<E>::from_bytes(verifying_key)?;
	let proof = Proof::<E>::from_bytes(proof)?;
	verify(&vk, statement, &proof)
}

/// `IC₀ + Σ xᵢ·ICᵢ₊₁` over `ic`, checking the count.
fn input_point<E: Pairing<ScalarField = Fr>>(
	ic: &[E::G1Affine],
	public_inputs: &[Fr],
) -> Result<E::G1> {
	if public_inputs.len() + 1 != ic.len() {
		return Err(Error::Statement(format!(
			"{} public inputs, the verifying key takes {}",
			public_inputs.len(),
			ic.len().saturating_sub(1)
		)));
	}
	let mut acc = ic[0].into_group();
	for (x, base) in public_inputs.iter().zip(&ic[1..]) {
		acc += base.mul_bigint(x.into_bigint());
	}
	Ok(acc)
}

/// Verifies against already-built public inputs:
/// `e(A, B) = e(α, β)·e(Σ xᵢ·ICᵢ, γ)·e(C, δ)`, as one multi-pairing.
pub fn verify_public_inputs<E: Pairing<ScalarField = Fr>>(
	vk: &VerifyingKey<E>,
	public_inputs: &[Fr],
	proof: &Proof<E>,
) -> Result<()> {
	proof.check_not_identity()?;
	let acc = input_point::<E>(&vk.ic, public_inputs)?;
	let g1 = [
		proof.a,
		(-acc).into_affine(),
		(-proof.c.into_group()).into_affine(),
		(-vk.alpha_g1.into_group()).into_affine(),
	];
	let g2 = [proof.b, vk.gamma_g2, vk.delta_g2, vk.beta_g2];
	let miller = E::multi_miller_loop(g1, g2);
	match E::final_exponentiation(miller) {
		Some(out) if out.0.is_one() => Ok(()),
		_ => Err(Error::InvalidProof),
	}
}

/// A verifying key prepared once for many verifications: `e(α, β)` computed,
/// the model id's two public inputs folded into the first IC point, so a
/// check is a 3-pairing multi-Miller loop, one final exponentiation and a
/// multi-scalar multiplication over the remaining inputs.
///
/// Its encoding ([`PreparedVerifyingKey::to_bytes`]) is what the runtime
/// keeps for a model once the key's ceremony has ended: made from a key that
/// [`VerifyingKey::from_bytes`] validated, it stores every point
/// uncompressed and is read back without any check
/// ([`PreparedVerifyingKey::from_trusted_bytes`]): no square roots, no
/// subgroup checks, no pairing per verification.
///
/// Encoding: `"vzkq"`, version `1`, model id (32 B), `act_bits` (1 B), input
/// and output lengths (u32 LE each), `e(α, β)` (576 B), `γ` and `δ` (G2,
/// 192 B each), the IC count (u32 LE) and the IC points (G1, 96 B each),
/// arkworks' uncompressed encodings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedVerifyingKey<E: Pairing> {
	pub model_id: [u8; 32],
	pub layout: StatementLayout,
	alpha_beta: PairingOutput<E>,
	gamma_g2: E::G2Affine,
	delta_g2: E::G2Affine,
	/// `IC₀ + id₀·IC₁ + id₁·IC₂`, then `IC₃..`.
	ic: Vec<E::G1Affine>,
}

const PVK_MAGIC: &[u8; 4] = b"vzkq";
const PVK_VERSION: u8 = 1;

/// Bytes of a prepared key for `public_inputs` public inputs (at least 2,
/// the model id's).
pub const fn prepared_key_len(public_inputs: usize) -> usize {
	VK_HEADER_BYTES + 576 + 2 * 192 + 4 + 96 * public_inputs.saturating_sub(1)
}

impl<E: Pairing<ScalarField = Fr>> VerifyingKey<E> {
	/// The prepared form of this key. Prepare only keys that
	/// [`VerifyingKey::from_bytes`] accepted: the prepared form is trusted.
	pub fn prepare(&self) -> PreparedVerifyingKey<E> {
		let ids = crate::statement::bytes32_to_fields(&self.model_id);
		let mut ic = Vec::with_capacity(self.ic.len().saturating_sub(2));
		if self.ic.len() >= 3 {
			let first = self.ic[0].into_group()
				+ self.ic[1].mul_bigint(ids[0].into_bigint())
				+ self.ic[2].mul_bigint(ids[1].into_bigint());
			ic.push(first.into_affine());
			ic.extend_from_slice(&self.ic[3..]);
		}
		PreparedVerifyingKey {
			model_id: self.model_id,
			layout: self.layout,
			alpha_beta: E::pairing(self.alpha_g1, self.beta_g2),
			gamma_g2: self.gamma_g2,
			delta_g2: self.delta_g2,
			ic,
		}
	}
}

impl<E: Pairing<ScalarField = Fr>> PreparedVerifyingKey<E> {
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::new();
		write_header(
			&mut out,
			PVK_MAGIC,
			PVK_VERSION,
			&self.model_id,
			&self.layout,
		);
		// Writing into a Vec cannot fail.
		let _ = self.alpha_beta.serialize_uncompressed(&mut out);
		let _ = self.gamma_g2.serialize_uncompressed(&mut out);
		let _ = self.delta_g2.serialize_uncompressed(&mut out);
		out.extend_from_slice(&(self.ic.len() as u32).to_le_bytes());
		for p in &self.ic {
			let _ = p.serialize_uncompressed(&mut out);
		}
		out
	}

	/// Decodes [`PreparedVerifyingKey::to_bytes`] without checking a single
	/// point: for bytes this code wrote from a validated key (the runtime's
	/// own storage). Lengths, the layout and the IC count are still checked,
	/// so no input makes it panic.
	pub fn from_trusted_bytes(bytes: &[u8]) -> Result<Self> {
		let bad = |what: &str| Error::Decode(format!("prepared verifying key: {what}"));
		let (model_id, layout) =
			read_header(bytes, PVK_MAGIC, PVK_VERSION, "prepared verifying key")?;
		let mut r = &bytes[VK_HEADER_BYTES..];
		fn unchecked<T: CanonicalDeserialize>(r: &mut &[u8]) -> Result<T> {
			T::deserialize_with_mode(r, Compress::No, Validate::No)
				.map_err(|e| Error::Decode(format!("prepared verifying key: {e}")))
		}
		let alpha_beta = unchecked(&mut r)?;
		let gamma_g2 = unchecked(&mut r)?;
		let delta_g2 = unchecked(&mut r)?;
		let n_ic: u32 = unchecked(&mut r)?;
		if n_ic as usize + 1 != layout.num_public_inputs() {
			return Err(bad("the IC count does not fit the layout"));
		}
		let ic = (0..n_ic)
			.map(|_| unchecked(&mut r))
			.collect::<Result<Vec<E::G1Affine>>>()?;
		if !r.is_empty() {
			return Err(bad("trailing bytes"));
		}
		Ok(PreparedVerifyingKey {
			model_id,
			layout,
			alpha_beta,
			gamma_g2,
			delta_g2,
			ic,
		})
	}
}

/// [`verify`] with a [`PreparedVerifyingKey`]: the same checks, with the
/// public inputs summed by one multi-scalar multiplication.
pub fn verify_prepared<E: Pairing<ScalarField = Fr>>(
	pvk: &PreparedVerifyingKey<E>,
	statement: &Statement,
	proof: &Proof<E>,
) -> Result<()> {
	if statement.model_id != pvk.model_id {
		return Err(Error::Statement(
			"the model id is not the verifying key's".into(),
		));
	}
	proof.check_not_identity()?;
	let inputs = pvk.layout.public_inputs(statement)?;
	verify_prepared_inputs(pvk, &inputs, proof)
}

/// [`verify_prepared`] of a statement whose tensors may be given by their
/// commitments ([`TensorPart`]): what a chain verifies a slice's proof with,
/// knowing only the commitment of the tensor entering it (every slice but
/// the first) and of the tensor leaving it (every slice but the last).
pub fn verify_prepared_parts<E: Pairing<ScalarField = Fr>>(
	pvk: &PreparedVerifyingKey<E>,
	model_id: &[u8; 32],
	binding: &Binding,
	input: TensorPart,
	output: TensorPart,
	proof: &Proof<E>,
) -> Result<()> {
	if *model_id != pvk.model_id {
		return Err(Error::Statement(
			"the model id is not the verifying key's".into(),
		));
	}
	proof.check_not_identity()?;
	let inputs = pvk
		.layout
		.public_inputs_of(model_id, binding, input, output)?;
	verify_prepared_inputs(pvk, &inputs, proof)
}

/// The pairing check of a prepared key against built public inputs (the
/// model id's two first, folded into the key).
fn verify_prepared_inputs<E: Pairing<ScalarField = Fr>>(
	pvk: &PreparedVerifyingKey<E>,
	inputs: &[Fr],
	proof: &Proof<E>,
) -> Result<()> {
	let rest = inputs.get(2..).unwrap_or_default();
	let (first, bases) = pvk
		.ic
		.split_first()
		.filter(|(_, bases)| bases.len() == rest.len())
		.ok_or_else(|| Error::Statement("the inputs do not fit the verifying key".into()))?;
	let acc = E::G1::msm(bases, rest)
		.map_err(|_| Error::Statement("the inputs do not fit the verifying key".into()))?
		+ first;
	let g1 = [
		proof.a,
		(-acc).into_affine(),
		(-proof.c.into_group()).into_affine(),
	];
	let g2 = [proof.b, pvk.gamma_g2, pvk.delta_g2];
	let miller = E::multi_miller_loop(g1, g2);
	match E::final_exponentiation(miller) {
		Some(out) if out == pvk.alpha_beta => Ok(()),
		_ => Err(Error::InvalidProof),
	}
}

/// One proof of a batch for [`verify_batch_prepared`]: the index of its key
/// in the batch's key list, its statement (each tensor by its values or,
/// as for [`verify_prepared_parts`], by its commitment) and the proof.
#[derive(Clone, Copy, Debug)]
pub struct BatchItem<'a, E: Pairing> {
	pub key: usize,
	pub model_id: [u8; 32],
	pub binding: Binding,
	pub input: TensorPart<'a>,
	pub output: TensorPart<'a>,
	pub proof: &'a Proof<E>,
}

impl<'a, E: Pairing> BatchItem<'a, E> {
	/// The item of a statement given by its values.
	pub fn of(key: usize, statement: &'a Statement, proof: &'a Proof<E>) -> Self {
		BatchItem {
			key,
			model_id: statement.model_id,
			binding: Binding {
				request_id: statement.request_id,
				executor: statement.executor,
			},
			input: TensorPart::Values(&statement.input),
			output: TensorPart::Values(&statement.output),
			proof,
		}
	}
}

/// Checks many proofs at once by a random linear combination: with
/// coefficients `r_i`, the `n` Groth16 equations `e(A_i, B_i) = e(α, β) ·
/// e(L_i, γ) · e(C_i, δ)` are multiplied together after raising each to
/// `r_i`, which per key `k` collapses to
///
/// ```text
/// ∏ e(r_i·A_i, B_i) · e(−Σ r_i·L_i, γ_k) · e(−Σ r_i·C_i, δ_k) = ∏ e(α, β)_k^(Σ r_i)
/// ```
///
/// `n + 2·keys` Miller loops, one final exponentiation, and per key one MSM
/// over its IC points (`Σ r_i·L_i` is the IC points weighted by `Σ r_i·x_ij`)
/// and one over the `C_i`.
///
/// `Ok(())` means every proof verifies, except with probability about
/// `n / 2^128` over the coefficients, **provided they are drawn after the
/// proofs are fixed and unpredictable to whoever made them** (with known
/// coefficients, bad proofs can be made to cancel out: a test shows it).
/// An `Err` says that at least one proof fails, not which: verify them one
/// by one ([`verify_prepared`]) to find it. Statement errors (lengths,
/// ranges, model id) and identity points are reported as for one proof.
pub fn verify_batch_prepared<E: Pairing<ScalarField = Fr>>(
	keys: &[PreparedVerifyingKey<E>],
	items: &[BatchItem<'_, E>],
	coefficients: &[u128],
) -> Result<()> {
	if items.len() != coefficients.len() {
		return Err(Error::Statement(
			"one coefficient per proof is needed".into(),
		));
	}
	if items.is_empty() {
		return Ok(());
	}
	let misfit = || Error::Statement("the inputs do not fit the verifying key".into());
	// Per key: Σ r_i, Σ r_i·x_ij per input j, and the C_i with their r_i.
	struct PerKey<E: Pairing> {
		r_sum: Fr,
		input_sums: Vec<Fr>,
		c: Vec<E::G1Affine>,
		r: Vec<Fr>,
	}
	let mut per_key: Vec<Option<PerKey<E>>> = (0..keys.len()).map(|_| None).collect();
	let mut g1 = Vec::with_capacity(items.len() + 2 * keys.len());
	let mut g2 = Vec::with_capacity(items.len() + 2 * keys.len());
	for (item, &coefficient) in items.iter().zip(coefficients) {
		let pvk = keys
			.get(item.key)
			.ok_or_else(|| Error::Statement("no such key in the batch".into()))?;
		if item.model_id != pvk.model_id {
			return Err(Error::Statement(
				"the model id is not the verifying key's".into(),
			));
		}
		item.proof.check_not_identity()?;
		let inputs =
			pvk.layout
				.public_inputs_of(&item.model_id, &item.binding, item.input, item.output)?;
		// The model id's two inputs are folded into the key.
		let rest = inputs.get(2..).unwrap_or_default();
		if pvk.ic.len() != rest.len() + 1 {
			return Err(misfit());
		}
		// A zero coefficient would drop the proof from the check.
		let r = Fr::from(coefficient.max(1));
		let slot = per_key
			.get_mut(item.key)
			.ok_or_else(misfit)?
			.get_or_insert_with(|| PerKey {
				r_sum: Fr::from(0u64),
				input_sums: (0..rest.len()).map(|_| Fr::from(0u64)).collect(),
				c: Vec::new(),
				r: Vec::new(),
			});
		slot.r_sum += r;
		for (sum, x) in slot.input_sums.iter_mut().zip(rest) {
			*sum += r * x;
		}
		slot.c.push(item.proof.c);
		slot.r.push(r);
		g1.push(item.proof.a.mul_bigint(r.into_bigint()).into_affine());
		g2.push(item.proof.b);
	}
	let mut expected = PairingOutput::<E>::default();
	for (pvk, slot) in keys.iter().zip(&per_key) {
		let Some(slot) = slot else { continue };
		let mut scalars = Vec::with_capacity(pvk.ic.len());
		scalars.push(slot.r_sum);
		scalars.extend_from_slice(&slot.input_sums);
		let l = E::G1::msm(&pvk.ic, &scalars).map_err(|_| misfit())?;
		let c = E::G1::msm(&slot.c, &slot.r).map_err(|_| misfit())?;
		g1.push((-l).into_affine());
		g2.push(pvk.gamma_g2);
		g1.push((-c).into_affine());
		g2.push(pvk.delta_g2);
		expected += pvk.alpha_beta * slot.r_sum;
	}
	let miller = E::multi_miller_loop(g1, g2);
	match E::final_exponentiation(miller) {
		Some(out) if out == expected => Ok(()),
		_ => Err(Error::InvalidProof),
	}
}

#[cfg(test)]
mod tests {
	//! Degenerate verifying keys, each next to its passing twin. The keys are
	//! made of multiples of the generators (only decoding is under test).

	use super::*;
	use crate::Bls12_381;
	use ark_bls12_381::{G1Affine, G2Affine};

	type Vk = VerifyingKey<Bls12_381>;

	fn g1(k: u64) -> G1Affine {
		(G1Affine::generator() * Fr::from(k)).into_affine()
	}

	fn g2(k: u64) -> G2Affine {
		(G2Affine::generator() * Fr::from(k)).into_affine()
	}

	fn key() -> Vk {
		let layout = StatementLayout {
			act_bits: 16,
			input_len: 64,
			output_len: 10,
			boundary_output: false,
		};
		VerifyingKey {
			model_id: [7; 32],
			layout,
			alpha_g1: g1(2),
			beta_g2: g2(3),
			gamma_g2: g2(5),
			delta_g2: g2(7),
			ic: (0..=layout.num_public_inputs() as u64)
				.map(|i| g1(11 + i))
				.collect(),
		}
	}

	fn decode(vk: &Vk) -> Result<Vk> {
		Vk::from_bytes(&vk.to_bytes())
	}

	fn accepted(vk: &Vk) {
		assert_eq!(decode(vk).as_ref(), Ok(vk));
	}

	fn rejected(vk: &Vk, why: &str) {
		match decode(vk) {
			Err(Error::Decode(m)) if m.contains(why) => {}
			other => panic!("expected a decode error about '{why}', got {other:?}"),
		}
	}

	#[test]
	fn a_well_formed_key_round_trips() {
		let vk = key();
		assert_eq!(vk.to_bytes().len(), 770);
		accepted(&vk);
		// γ may be the generator (keys from a ceremony use γ = 1).
		let mut ceremony = key();
		ceremony.gamma_g2 = G2Affine::generator();
		accepted(&ceremony);
	}

	#[test]
	fn identity_alpha_beta_gamma_delta_are_rejected() {
		type Edit = fn(&mut Vk, bool);
		let edits: [(&str, Edit); 4] = [
			("alpha", |k, zero| {
				k.alpha_g1 = if zero { G1Affine::zero() } else { g1(99) }
			}),
			("beta", |k, zero| {
				k.beta_g2 = if zero { G2Affine::zero() } else { g2(99) }
			}),
			("gamma", |k, zero| {
				k.gamma_g2 = if zero { G2Affine::zero() } else { g2(99) }
			}),
			("delta", |k, zero| {
				k.delta_g2 = if zero { G2Affine::zero() } else { g2(99) }
			}),
		];
		for (name, edit) in edits {
			let mut bad = key();
			edit(&mut bad, true);
			rejected(&bad, &format!("{name} is the identity"));
			let mut twin = key();
			edit(&mut twin, false);
			accepted(&twin);
		}
	}

	#[test]
	fn identity_ic_points_are_rejected() {
		for i in 0..key().ic.len() {
			let mut bad = key();
			bad.ic[i] = G1Affine::zero();
			rejected(&bad, &format!("IC point {i} is the identity"));
			let mut twin = key();
			twin.ic[i] = g1(99);
			accepted(&twin);
		}
	}

	#[test]
	fn prepared_keys_round_trip_and_bad_encodings_are_errors() {
		let vk = key();
		let pvk = vk.prepare();
		let bytes = pvk.to_bytes();
		// 46 + 576 + 2·192 + 4 + 6·96: 8 IC points for 7 public inputs, less the
		// two the model id folds into the first.
		assert_eq!(bytes.len(), 46 + 576 + 384 + 4 + 6 * 96);
		assert_eq!(bytes.len(), prepared_key_len(7));
		assert_eq!(PreparedVerifyingKey::from_trusted_bytes(&bytes), Ok(pvk));
		for cut in [0, 4, 45, 46, 600, bytes.len() - 96, bytes.len() - 1] {
			assert!(
				PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&bytes[..cut]).is_err(),
				"cut at {cut}"
			);
		}
		let mut extra = bytes.clone();
		extra.push(0);
		assert!(PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&extra).is_err());
		// A compressed key is not a prepared one.
		assert!(PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&vk.to_bytes()).is_err());
		// An IC count the layout does not take.
		let mut count = bytes.clone();
		let at = 46 + 576 + 384;
		count[at..at + 4].copy_from_slice(&4u32.to_le_bytes());
		assert!(PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&count).is_err());
		// Arbitrary bytes after a valid header: errors or (unchecked) keys,
		// never a panic.
		for i in 0..64u8 {
			let mut junk = bytes.clone();
			for (j, b) in junk[46..].iter_mut().enumerate() {
				*b = (j as u8).wrapping_mul(31).wrapping_add(i);
			}
			let _ = PreparedVerifyingKey::<Bls12_381>::from_trusted_bytes(&junk);
		}
	}

	#[test]
	fn gamma_equal_to_delta_is_rejected() {
		let mut bad = key();
		bad.delta_g2 = bad.gamma_g2;
		rejected(&bad, "gamma equals delta");
		let mut both_generator = key();
		both_generator.gamma_g2 = G2Affine::generator();
		both_generator.delta_g2 = G2Affine::generator();
		rejected(&both_generator, "gamma equals delta");
		// Twins: δ one step away from γ; β = γ or β = δ is not degenerate.
		let mut twin = key();
		twin.delta_g2 = (twin.gamma_g2 + G2Affine::generator()).into_affine();
		accepted(&twin);
		let mut beta = key();
		beta.beta_g2 = beta.gamma_g2;
		accepted(&beta);
	}
}
