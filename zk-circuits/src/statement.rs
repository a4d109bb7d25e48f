//! The public statement a proof is about, and its encoding as Groth16 public
//! inputs. One pure function, [`StatementLayout::public_inputs`], used by the
//! prover, the native verifier and the runtime alike.
//!
//! ## Public-input layout (BLS12-381 `Fr` elements, in order)
//!
//! | index | value |
//! |---|---|
//! | 0 | model id bytes `0..16` as a little-endian `u128` |
//! | 1 | model id bytes `16..32` as a little-endian `u128` |
//! | 2 | request id (`u64`) |
//! | 3 | executor account bytes `0..16` as a little-endian `u128` |
//! | 4 | executor account bytes `16..32` as a little-endian `u128` |
//! | 5 | input commitment: Poseidon over the packed input integers |
//! | 6.. | the output: `ceil(n / k)` packed elements, or, when that would be more than [`MAX_PACKED_OUTPUT_ELEMENTS`] or the output is a slice boundary, one Poseidon commitment |
//!
//! **Packing.** A tensor value `v` lies in the model's signed `b`-bit range
//! (`b = act_bits`); it is stored as `v + 2^(b-1)` in a `b`-bit slot, and `k =
//! 240 / b` slots fill one field element little-endian: element `j` is
//! `Σ_i (v[j·k + i] + 2^(b-1))·2^(b·i)` (15 values per element at `b = 16`).
//! The circuit proves every value it packs is in range, so packing is
//! injective.
//!
//! **Commitments.** `Poseidon(iv, packed elements)` (see [`crate::poseidon`])
//! with `iv = DOMAIN·2^64 + b·2^32 + n` where `n` is the number of values and
//! `DOMAIN` is [`DOMAIN_INPUT`] or [`DOMAIN_OUTPUT`].
//!
//! **Slices.** A slice of a larger model (see
//! `verity_inference::QuantizedModel::slices`) is a model of its own whose
//! inputs are the tensors entering it. Every slice but the last has
//! [`StatementLayout::boundary_output`]: its output is always committed, in
//! the *input* domain, so that a slice's output commitment equals the next
//! slice's input commitment exactly when both carry the same tensor. A
//! verifier that holds only commitments builds the public inputs with
//! [`StatementLayout::public_inputs_of`] and checks that the commitments
//! chain from the request's input to the last slice.

use alloc::{format, vec::Vec};

use ark_ff::{BigInteger, PrimeField};

use crate::{poseidon, Error, Fr, Result};

/// Outputs of up to this many packed field elements are public inputs as they
/// are; larger outputs are replaced by their Poseidon commitment.
pub const MAX_PACKED_OUTPUT_ELEMENTS: usize = 4;
/// Number of public inputs before the input commitment.
pub const BINDING_INPUTS: usize = 5;
/// Index of the input commitment among the public inputs.
pub const INPUT_COMMITMENT_INDEX: usize = 5;
/// Domain separator of the input commitment ("vzk-in").
pub const DOMAIN_INPUT: u64 = 0x767a_6b2d_696e;
/// Domain separator of the output commitment ("vzk-out").
pub const DOMAIN_OUTPUT: u64 = 0x76_7a6b_2d6f_7574;

/// Smallest / largest activation width the layout supports (the engine's).
pub const MIN_ACT_BITS: u32 = 2;
pub const MAX_ACT_BITS: u32 = 24;

/// What a proof claims: this model, run for this request by this executor, maps
/// this input to this output. `input` holds every model input and `output` every
/// model output, flattened row-major in the model's input / output order, as the
/// engine's integers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
	/// blake2-256 of the quantized model's canonical bytes.
	pub model_id: [u8; 32],
	pub request_id: u64,
	/// The executor's 32-byte account id.
	pub executor: [u8; 32],
	pub input: Vec<i64>,
	pub output: Vec<i64>,
}

/// The request-specific part of a statement (what binds a proof to one request
/// and one executor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Binding {
	pub request_id: u64,
	pub executor: [u8; 32],
}

/// The shape of a model's statement, fixed by the model and stored in its
/// verifying key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatementLayout {
	/// The model's activation width `b` (values are signed `b`-bit integers).
	pub act_bits: u32,
	/// Total number of input values.
	pub input_len: u32,
	/// Total number of output values.
	pub output_len: u32,
	/// The output is a cut inside a larger model (a slice boundary): always
	/// committed, in [`DOMAIN_INPUT`] (see the module docs).
	pub boundary_output: bool,
}

/// A tensor as a verifier knows it: its values, or only their commitment
/// (what a chain stores for a tensor between two slices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TensorPart<'a> {
	/// The values, flattened (they are packed or committed as the layout says).
	Values(&'a [i64]),
	/// The Poseidon commitment of the values (allowed wherever the layout
	/// commits rather than packs).
	Committed(Fr),
}

impl StatementLayout {
	/// Values per packed field element.
	pub fn values_per_element(&self) -> usize {
		(240 / self.act_bits.max(1)) as usize
	}

	fn packed_len(&self, n: usize) -> usize {
		n.div_ceil(self.values_per_element())
	}

	/// Whether the output is replaced by its Poseidon commitment.
	pub fn output_committed(&self) -> bool {
		self.boundary_output
			|| self.packed_len(self.output_len as usize) > MAX_PACKED_OUTPUT_ELEMENTS
	}

	/// The domain separator of the output commitment: the input domain for a
	/// slice boundary (it is the next slice's input), else [`DOMAIN_OUTPUT`].
	pub fn output_domain(&self) -> u64 {
		if self.boundary_output {
			DOMAIN_INPUT
		} else {
			DOMAIN_OUTPUT
		}
	}

	/// Number of public-input field elements carrying the output.
	pub fn output_elements(&self) -> usize {
		if self.output_committed() {
			1
		} else {
			self.packed_len(self.output_len as usize)
		}
	}

	/// Total number of public inputs (the verifying key has one more IC point).
	pub fn num_public_inputs(&self) -> usize {
		BINDING_INPUTS + 1 + self.output_elements()
	}

	pub(crate) fn check(&self) -> Result<()> {
		if !(MIN_ACT_BITS..=MAX_ACT_BITS).contains(&self.act_bits) {
			return Err(Error::Statement(format!(
				"act_bits {} unsupported",
				self.act_bits
			)));
		}
		if self.input_len == 0 || self.output_len == 0 {
			return Err(Error::Statement("empty input or output".into()));
		}
		Ok(())
	}

	/// The Groth16 public inputs of `statement` (see the module docs). Fails if
	/// the lengths differ from the layout or a value is outside the `b`-bit range.
	pub fn public_inputs(&self, statement: &Statement) -> Result<Vec<Fr>> {
		self.public_inputs_of(
			&statement.model_id,
			&Binding {
				request_id: statement.request_id,
				executor: statement.executor,
			},
			TensorPart::Values(&statement.input),
			TensorPart::Values(&statement.output),
		)
	}

	/// The public inputs from parts of a statement, each tensor given by its
	/// values or, where the layout commits to it, by its commitment (the input
	/// is always committed). Fails on lengths that differ from the layout,
	/// values out of range, or a commitment where values are packed.
	pub fn public_inputs_of(
		&self,
		model_id: &[u8; 32],
		binding: &Binding,
		input: TensorPart,
		output: TensorPart,
	) -> Result<Vec<Fr>> {
		self.check()?;
		let mut inputs = Vec::with_capacity(self.num_public_inputs());
		inputs.extend(bytes32_to_fields(model_id));
		inputs.push(Fr::from(binding.request_id));
		inputs.extend(bytes32_to_fields(&binding.executor));
		inputs.push(match input {
			TensorPart::Values(values) => self.input_commitment(values)?,
			TensorPart::Committed(c) => c,
		});
		match output {
			TensorPart::Values(values) => {
				self.check_len(values, self.output_len, "output", "produces")?;
				if self.output_committed() {
					inputs.push(self.commit(self.output_domain(), values, "output")?);
				} else {
					inputs.extend(self.pack(values, "output")?);
				}
			}
			TensorPart::Committed(c) if self.output_committed() => inputs.push(c),
			TensorPart::Committed(_) => {
				return Err(Error::Statement(
					"this model's output is public as values, not as a commitment".into(),
				))
			}
		}
		Ok(inputs)
	}

	/// The commitment of an input (for a slice, of the tensors entering it),
	/// checking the length and range.
	pub fn input_commitment(&self, values: &[i64]) -> Result<Fr> {
		self.check_len(values, self.input_len, "input", "takes")?;
		self.commit(DOMAIN_INPUT, values, "input")
	}

	/// The commitment a slice boundary's output is public as (equal to the
	/// next slice's [`Self::input_commitment`] of the same values).
	pub fn output_commitment(&self, values: &[i64]) -> Result<Fr> {
		self.check_len(values, self.output_len, "output", "produces")?;
		self.commit(self.output_domain(), values, "output")
	}

	fn check_len(&self, values: &[i64], expected: u32, what: &str, verb: &str) -> Result<()> {
		if values.len() != expected as usize {
			return Err(Error::Statement(format!(
				"{what} has {} values, the model {verb} {expected}",
				values.len()
			)));
		}
		Ok(())
	}

	/// Packs values (see the module docs), checking each is in range.
	pub fn pack(&self, values: &[i64], what: &str) -> Result<Vec<Fr>> {
		let b = self.act_bits;
		let half = 1i64 << (b - 1);
		let k = self.values_per_element();
		values
			.chunks(k)
			.map(|chunk| {
				let mut limbs = [0u64; 4];
				for (i, &v) in chunk.iter().enumerate() {
					if !(-half..half).contains(&v) {
						return Err(Error::Statement(format!(
							"{what} value {v} is outside the signed {b}-bit range"
						)));
					}
					let slot = (v + half) as u64; // < 2^b <= 2^24
					let bit = i * b as usize;
					let (limb, offset) = (bit / 64, bit % 64);
					limbs[limb] |= slot << offset;
					if offset + b as usize > 64 {
						limbs[limb + 1] |= slot >> (64 - offset);
					}
				}
				// 240 bits < the 255-bit modulus: always canonical.
				Ok(Fr::from_bigint(ark_ff::BigInt::new(limbs)).unwrap_or_default())
			})
			.collect()
	}

	/// The Poseidon commitment of `values` in domain `domain`.
	pub fn commit(&self, domain: u64, values: &[i64], what: &str) -> Result<Fr> {
		let packed = self.pack(values, what)?;
		Ok(poseidon::hash(
			sponge_iv(domain, self.act_bits, values.len()),
			&packed,
		))
	}
}

/// The capacity value of a commitment: `domain·2^64 + act_bits·2^32 + len`.
pub fn sponge_iv(domain: u64, act_bits: u32, len: usize) -> Fr {
	Fr::from(((domain as u128) << 64) | ((act_bits as u128) << 32) | (len as u128 & 0xffff_ffff))
}

/// The input commitment of `values` under any layout with activation width
/// `act_bits` and `values.len()` input values: what a chain computes once,
/// when a request's input arrives, and verifies every proof for the request
/// against ([`TensorPart::Committed`]). Fails on an unsupported width, an
/// empty input or a value out of range.
pub fn input_commitment(act_bits: u32, values: &[i64]) -> Result<Fr> {
	let layout = StatementLayout {
		act_bits,
		input_len: values.len() as u32,
		output_len: 1,
		boundary_output: false,
	};
	layout.check()?;
	layout.input_commitment(values)
}

/// Two field elements from 32 bytes: little-endian `u128` halves (injective).
pub fn bytes32_to_fields(bytes: &[u8; 32]) -> [Fr; 2] {
	let mut lo = [0u8; 16];
	let mut hi = [0u8; 16];
	lo.copy_from_slice(&bytes[..16]);
	hi.copy_from_slice(&bytes[16..]);
	[
		Fr::from(u128::from_le_bytes(lo)),
		Fr::from(u128::from_le_bytes(hi)),
	]
}

/// Canonical little-endian bytes of a field element (for display / JSON).
pub fn field_to_bytes(x: &Fr) -> [u8; 32] {
	let mut out = [0u8; 32];
	out.copy_from_slice(&x.into_bigint().to_bytes_le());
	out
}

/// Parses canonical little-endian bytes; rejects values `>=` the modulus.
pub fn field_from_bytes(bytes: &[u8; 32]) -> Result<Fr> {
	let mut limbs = [0u64; 4];
	for (i, limb) in limbs.iter_mut().enumerate() {
		let mut w = [0u8; 8];
		w.copy_from_slice(&bytes[8 * i..8 * i + 8]);
		*limb = u64::from_le_bytes(w);
	}
	Fr::from_bigint(ark_ff::BigInt::new(limbs))
		.ok_or_else(|| Error::Decode("field element not below the modulus".into()))
}
