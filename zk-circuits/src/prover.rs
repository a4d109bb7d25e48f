//! Setup, proving and the proving-key file (std only).
//!
//! Proofs are **not zero-knowledge** (the Groth16 blinders `r = s = 0`):
//! everything a proof could hide is public anyway — the input is stored on
//! chain, the weights are in the registered model file, and every intermediate
//! value follows from both. Soundness does not depend on the blinders. This
//! drops the `B`-in-G1 query from the proving key (a fifth of its size) and
//! two MSMs from the prover.

use std::io::{Read, Write};
use std::sync::{Arc, OnceLock};

use ark_bls12_381::{G1Affine, G2Affine};
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize, Compress, Validate};
use rand::{CryptoRng, RngCore};
use rayon::prelude::*;
use verity_inference::{IntTensor, QuantizedModel};

use crate::circuit::{layout, ModelCircuit};
use crate::groth16::{self, ArkProvingKey, Qap, Trapdoor};
use crate::r1cs::{MatrixBackend, WitnessBackend};
use crate::statement::{Binding, Statement, StatementLayout};
use crate::unpacked::{raw_size, read_raw, write_raw, KeyPoint, PointForm};
use crate::verifier::{decode_model_layout, encode_model_layout, MODEL_LAYOUT_BYTES};
use crate::{Bls12_381, Error, Proof, Result, VerifyingKey};

impl Qap {
	/// Compiles `model` (no witness needed: the zero input stands in).
	pub fn compile(model: &QuantizedModel) -> Result<Self> {
		let circuit = ModelCircuit::for_setup(model)?;
		let mut m = MatrixBackend::new();
		circuit.synthesize(&mut m)?;
		let num_vars = m.assignment.len();
		Ok(Qap::from_r1cs([m.a, m.b, m.c], m.num_instance, num_vars))
	}
}

/// A Groth16 proving key for one model, plus the model's QAP (built on first
/// use, not stored).
pub struct ProvingKey {
	pub model_id: [u8; 32],
	pub layout: StatementLayout,
	/// Rows of the model's QAP.
	pub num_constraints: usize,
	/// Variables of the model's QAP.
	pub num_vars: usize,
	/// Points of the QAP domain (at least `num_constraints`).
	pub domain_size: usize,
	pub(crate) groth16: ArkProvingKey,
	pub(crate) compiled: OnceLock<Arc<Qap>>,
}

/// Sizes of a model's circuit and keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CircuitStats {
	pub constraints: usize,
	pub variables: usize,
	pub public_inputs: usize,
	/// The smallest QAP domain that fits.
	pub domain_size: usize,
}

/// Statistics of `model`'s circuit without running setup.
pub fn circuit_stats(model: &QuantizedModel) -> Result<CircuitStats> {
	let c = Qap::compile(model)?;
	Ok(CircuitStats {
		// The QAP adds one fixed row per public input and the constant.
		constraints: c.num_constraints - c.num_instance,
		variables: c.num_vars,
		public_inputs: c.num_instance - 1,
		domain_size: c.smallest_domain_size()?,
	})
}

fn vk_from_ark(
	model_id: [u8; 32],
	layout: StatementLayout,
	vk: &ark_groth16::VerifyingKey<Bls12_381>,
) -> VerifyingKey<Bls12_381> {
	VerifyingKey {
		model_id,
		layout,
		alpha_g1: vk.alpha_g1,
		beta_g2: vk.beta_g2,
		gamma_g2: vk.gamma_g2,
		delta_g2: vk.delta_g2,
		ic: vk.gamma_abc_g1.clone(),
	}
}

/// Generates the keys for `model` alone: **a single-party setup, for local
/// testing only**. The randomness is the toxic waste: whoever knows it can
/// forge proofs. On chain, keys come from the ceremony
/// ([`crate::ceremony`]).
pub fn setup<R: RngCore + CryptoRng>(
	model: &QuantizedModel,
	rng: &mut R,
) -> Result<(ProvingKey, VerifyingKey<Bls12_381>)> {
	let qap = Qap::compile(model)?;
	let domain_size = qap.smallest_domain_size()?;
	setup_with_trapdoor(model, qap, domain_size, &Trapdoor::random(rng))
}

/// [`setup`] with given secrets and domain size (tests compare it with a
/// ceremony's output).
pub fn setup_with_trapdoor(
	model: &QuantizedModel,
	qap: Qap,
	domain_size: usize,
	trapdoor: &Trapdoor,
) -> Result<(ProvingKey, VerifyingKey<Bls12_381>)> {
	let layout = layout(model)?;
	let groth16 = groth16::generate_keys(&qap, domain_size, trapdoor)?;
	let pk = ProvingKey::new(model.hash(), layout, qap, domain_size, groth16);
	let vk = pk.verifying_key();
	Ok((pk, vk))
}

/// Flattens tensors (inputs or outputs) into the statement's value list.
pub fn flatten(tensors: &[IntTensor]) -> Vec<i64> {
	tensors
		.iter()
		.flat_map(|t| t.data.iter().copied())
		.collect()
}

impl ProvingKey {
	pub(crate) fn new(
		model_id: [u8; 32],
		layout: StatementLayout,
		qap: Qap,
		domain_size: usize,
		groth16: ArkProvingKey,
	) -> Self {
		ProvingKey {
			model_id,
			layout,
			num_constraints: qap.num_constraints,
			num_vars: qap.num_vars,
			domain_size,
			groth16,
			compiled: OnceLock::from(Arc::new(qap)),
		}
	}

	/// The key's `δ·G1` and `δ·G2` (what a ceremony contribution puts on chain).
	pub fn delta(&self) -> crate::ceremony::DeltaUpdate<Bls12_381> {
		crate::ceremony::DeltaUpdate {
			delta_g1: self.groth16.delta_g1,
			delta_g2: self.groth16.vk.delta_g2,
		}
	}

	pub fn verifying_key(&self) -> VerifyingKey<Bls12_381> {
		vk_from_ark(self.model_id, self.layout, &self.groth16.vk)
	}

	/// The model's QAP (compiled on first use).
	pub fn qap(&self, model: &QuantizedModel) -> Result<Arc<Qap>> {
		self.check_model(model)?;
		if let Some(c) = self.compiled.get() {
			return Ok(c.clone());
		}
		let c = Arc::new(Qap::compile(model)?);
		if c.num_constraints != self.num_constraints || c.num_vars != self.num_vars {
			return Err(Error::Key(
				"the proving key does not match the model's circuit".into(),
			));
		}
		Ok(self.compiled.get_or_init(|| c).clone())
	}

	/// Compiles the circuit now (otherwise the first proof does).
	pub fn prepare(&self, model: &QuantizedModel) -> Result<()> {
		self.qap(model).map(|_| ())
	}

	fn check_model(&self, model: &QuantizedModel) -> Result<()> {
		if model.hash() != self.model_id {
			return Err(Error::Key(
				"the proving key was made for another model".into(),
			));
		}
		Ok(())
	}
}

/// Runs `model` on `input` (quantized integers, in the model's input order),
/// and proves the result for `binding`. Returns the integer outputs and the
/// proof; the statement is [`statement`] of the same data.
pub fn prove(
	pk: &ProvingKey,
	model: &QuantizedModel,
	input: &[IntTensor],
	binding: &Binding,
) -> Result<(Vec<IntTensor>, Proof<Bls12_381>)> {
	pk.check_model(model)?;
	let trace = model
		.run_traced(input)
		.map_err(|e| Error::Witness(e.to_string()))?;
	let output: Vec<IntTensor> = trace.outputs(model).into_iter().cloned().collect();
	let statement = statement(model, input, &output, binding);
	let public_inputs = pk.layout.public_inputs(&statement)?;
	let compiled = pk.qap(model)?;

	let circuit = ModelCircuit {
		model,
		trace: std::borrow::Cow::Owned(trace),
		public_inputs,
	};
	let mut witness = WitnessBackend::new(compiled.num_vars);
	circuit.synthesize(&mut witness)?;
	compiled.extend_assignment(&mut witness.assignment);
	if witness.assignment.len() != compiled.num_vars {
		return Err(Error::Witness(
			"witness size differs from the compiled circuit".into(),
		));
	}
	let proof = groth16::create_proof(&pk.groth16, &compiled, &witness.assignment)?;
	Ok((
		output,
		Proof {
			a: proof.a,
			b: proof.b,
			c: proof.c,
		},
	))
}

/// The statement of a run of `model` (its id, the flattened input and output).
pub fn statement(
	model: &QuantizedModel,
	input: &[IntTensor],
	output: &[IntTensor],
	binding: &Binding,
) -> Statement {
	Statement {
		model_id: model.hash(),
		request_id: binding.request_id,
		executor: binding.executor,
		input: flatten(input),
		output: flatten(output),
	}
}

// ---------------------------------------------------------------------------
// Proving-key file.
//
// "vzkp", version 3, then the body: model id (32), layout (1 + 4 + 4), QAP
// rows (u64), variables (u64), domain size (u64), the verifying key
// (length-prefixed, its own encoding), beta_g1, delta_g1, then four point
// vectors: A and B (G2) queries, stored sparsely (u64 count, a presence
// bitmap, the non-identity points), and the H and L queries (u64 count,
// points). Points are compressed. Loading checks that every point is on the
// curve but skips the subgroup checks: a proving key is the prover's own
// artifact, and a bad one can only make its proofs fail. The same body with
// raw points is the unpacked form ([`crate::unpacked`]).

const PK_MAGIC: &[u8; 4] = b"vzkp";
/// Version 3: public inputs in fixed QAP rows, `γ = 1`, any domain size at
/// least the rows (version 2: `3·2^k` domains).
const PK_VERSION: u8 = 3;
/// Upper bound on any query length accepted from a file (2^28 points).
const MAX_QUERY: u64 = 1 << 28;

pub(crate) fn io_err(e: std::io::Error) -> Error {
	Error::Decode(format!("file: {e}"))
}

/// Writes points in `compress` form, serialized in parallel.
pub(crate) fn write_points_with<P: CanonicalSerialize + Sync>(
	w: &mut impl Write,
	points: &[P],
	compress: Compress,
) -> Result<()> {
	let bytes: Vec<Vec<u8>> = points
		.par_chunks(4096)
		.map(|chunk| {
			let mut out = Vec::new();
			for p in chunk {
				let _ = p.serialize_with_mode(&mut out, compress);
			}
			out
		})
		.collect();
	for b in bytes {
		w.write_all(&b).map_err(io_err)?;
	}
	Ok(())
}

/// Reads `count` points of `size` bytes each, decoded in parallel.
pub(crate) fn read_points_with<P: CanonicalDeserialize + Send>(
	r: &mut impl Read,
	count: usize,
	size: usize,
	what: &str,
	compress: Compress,
	validate: Validate,
) -> Result<Vec<P>> {
	read_chunked(r, count, size, |c| {
		P::deserialize_with_mode(c, compress, validate)
			.map_err(|e| Error::Decode(format!("{what}: {e}")))
	})
}

/// Reads `count` items of `size` bytes each, decoded by `decode` in parallel.
pub(crate) fn read_chunked<P: Send>(
	r: &mut impl Read,
	count: usize,
	size: usize,
	decode: impl Fn(&[u8]) -> Result<P> + Sync,
) -> Result<Vec<P>> {
	// Read in bounded chunks, so a corrupt count in a short file fails at the
	// end of the data instead of allocating for points that are not there.
	const CHUNK: usize = 1 << 14;
	let mut points = Vec::with_capacity(count.min(CHUNK));
	let mut bytes = Vec::new();
	let mut left = count;
	while left > 0 {
		let n = left.min(CHUNK);
		bytes.resize(n * size, 0);
		r.read_exact(&mut bytes).map_err(io_err)?;
		let chunk: Result<Vec<P>> = bytes.par_chunks(size).map(&decode).collect();
		points.extend(chunk?);
		left -= n;
	}
	Ok(points)
}

/// Writes key points in `form`, serialized in parallel.
fn write_key_points<P: KeyPoint>(w: &mut impl Write, points: &[P], form: PointForm) -> Result<()> {
	match form {
		PointForm::Compressed => write_points_with(w, points, Compress::Yes),
		PointForm::Raw => {
			let bytes: Vec<Vec<u8>> = points
				.par_chunks(4096)
				.map(|chunk| {
					let mut out = Vec::with_capacity(chunk.len() * raw_size::<P>());
					for p in chunk {
						write_raw(p, &mut out);
					}
					out
				})
				.collect();
			for b in bytes {
				w.write_all(&b).map_err(io_err)?;
			}
			Ok(())
		}
	}
}

pub(crate) fn write_u64(w: &mut impl Write, v: u64) -> Result<()> {
	w.write_all(&v.to_le_bytes()).map_err(io_err)
}

pub(crate) fn read_u64(r: &mut impl Read) -> Result<u64> {
	let mut b = [0u8; 8];
	r.read_exact(&mut b).map_err(io_err)?;
	Ok(u64::from_le_bytes(b))
}

fn read_len(r: &mut impl Read, what: &str) -> Result<usize> {
	let n = read_u64(r)?;
	if n > MAX_QUERY {
		return Err(Error::Decode(format!(
			"proving key: {what} length {n} is implausible"
		)));
	}
	Ok(n as usize)
}

fn write_sparse<P: KeyPoint>(w: &mut impl Write, points: &[P], form: PointForm) -> Result<()> {
	write_u64(w, points.len() as u64)?;
	let mut bitmap = vec![0u8; points.len().div_ceil(8)];
	for (i, p) in points.iter().enumerate() {
		if !p.is_zero() {
			bitmap[i / 8] |= 1 << (i % 8);
		}
	}
	w.write_all(&bitmap).map_err(io_err)?;
	let present: Vec<P> = points.iter().filter(|p| !p.is_zero()).copied().collect();
	write_key_points(w, &present, form)
}

/// Reads `count` key points in `form`; compressed ones without subgroup
/// checks (see the format).
fn read_key_points<P: KeyPoint>(
	r: &mut impl Read,
	count: usize,
	form: PointForm,
	what: &str,
) -> Result<Vec<P>> {
	match form {
		PointForm::Compressed => {
			let size = P::zero().serialized_size(Compress::Yes);
			read_points_with(r, count, size, what, Compress::Yes, Validate::No)
		}
		PointForm::Raw => read_chunked(r, count, raw_size::<P>(), |c| {
			read_raw(c).map_err(|e| Error::Decode(format!("{what}: {e}")))
		}),
	}
}

fn read_sparse<P: KeyPoint>(r: &mut impl Read, form: PointForm, what: &str) -> Result<Vec<P>> {
	let n = read_len(r, what)?;
	let mut bitmap = vec![0u8; n.div_ceil(8)];
	r.read_exact(&mut bitmap).map_err(io_err)?;
	let present = (0..n).filter(|i| bitmap[i / 8] >> (i % 8) & 1 == 1).count();
	let points: Vec<P> = read_key_points(r, present, form, what)?;
	let mut it = points.into_iter();
	Ok((0..n)
		.map(|i| {
			if bitmap[i / 8] >> (i % 8) & 1 == 1 {
				it.next().unwrap_or_else(P::zero)
			} else {
				P::zero()
			}
		})
		.collect())
}

impl ProvingKey {
	/// Writes the key file (see the format above).
	pub fn write(&self, w: &mut impl Write) -> Result<()> {
		w.write_all(PK_MAGIC).map_err(io_err)?;
		w.write_all(&[PK_VERSION]).map_err(io_err)?;
		self.write_body(w, PointForm::Compressed)
	}

	/// Writes the key file's body with points in `form`.
	pub(crate) fn write_body(&self, w: &mut impl Write, form: PointForm) -> Result<()> {
		w.write_all(&encode_model_layout(&self.model_id, &self.layout))
			.map_err(io_err)?;
		write_u64(w, self.num_constraints as u64)?;
		write_u64(w, self.num_vars as u64)?;
		write_u64(w, self.domain_size as u64)?;
		let vk = self.verifying_key().to_bytes();
		write_u64(w, vk.len() as u64)?;
		w.write_all(&vk).map_err(io_err)?;
		let g = &self.groth16;
		write_key_points(w, &[g.beta_g1, g.delta_g1], form)?;
		write_sparse(w, &g.a_query, form)?;
		write_sparse(w, &g.b_g2_query, form)?;
		write_u64(w, g.h_query.len() as u64)?;
		write_key_points(w, &g.h_query, form)?;
		write_u64(w, g.l_query.len() as u64)?;
		write_key_points(w, &g.l_query, form)
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::new();
		let _ = self.write(&mut out);
		out
	}

	/// Reads a key file. Every malformed input is an error, never a panic.
	pub fn read(r: &mut impl Read) -> Result<Self> {
		let mut magic = [0u8; 5];
		r.read_exact(&mut magic).map_err(io_err)?;
		if &magic[..4] != PK_MAGIC || magic[4] != PK_VERSION {
			return Err(Error::Decode(
				"not a verity-zk proving key (bad magic or version)".into(),
			));
		}
		let key = Self::read_body(r, PointForm::Compressed)?;
		let mut rest = [0u8; 1];
		if r.read(&mut rest).map_err(io_err)? != 0 {
			return Err(Error::Decode("proving key: trailing bytes".into()));
		}
		Ok(key)
	}

	/// Reads a key file's body with points in `form`.
	pub(crate) fn read_body(r: &mut impl Read, form: PointForm) -> Result<Self> {
		let mut header = [0u8; MODEL_LAYOUT_BYTES];
		r.read_exact(&mut header).map_err(io_err)?;
		let (model_id, layout) = decode_model_layout(&header, "proving key")?;
		let num_constraints = read_len(r, "constraint count")?;
		let num_vars = read_len(r, "variable count")?;
		let domain_size = read_len(r, "domain size")?;
		let vk_len = read_len(r, "verifying key")?;
		if vk_len > 1 << 20 {
			return Err(Error::Decode(
				"proving key: embedded verifying key too large".into(),
			));
		}
		let mut vk_bytes = vec![0u8; vk_len];
		r.read_exact(&mut vk_bytes).map_err(io_err)?;
		let vk = VerifyingKey::<Bls12_381>::from_bytes(&vk_bytes)?;
		if vk.model_id != model_id || vk.layout != layout {
			return Err(Error::Decode(
				"proving key: embedded verifying key is for another model".into(),
			));
		}
		let pair: Vec<G1Affine> = read_key_points(r, 2, form, "proving key β/δ")?;
		let a_query: Vec<G1Affine> = read_sparse(r, form, "proving key A query")?;
		let b_g2_query: Vec<G2Affine> = read_sparse(r, form, "proving key B query")?;
		let nh = read_len(r, "H query")?;
		let h_query: Vec<G1Affine> = read_key_points(r, nh, form, "proving key H query")?;
		let nl = read_len(r, "L query")?;
		let l_query: Vec<G1Affine> = read_key_points(r, nl, form, "proving key L query")?;
		let n_public = layout.num_public_inputs();
		if a_query.len() != num_vars
			|| b_g2_query.len() != num_vars
			|| l_query.len() + n_public + 1 != num_vars
		{
			return Err(Error::Decode(
				"proving key: query lengths do not match the variable count".into(),
			));
		}
		if groth16::domain_of_size(domain_size).is_err()
			|| domain_size < num_constraints
			|| h_query.len() + 1 != domain_size
		{
			return Err(Error::Decode(
				"proving key: the domain size does not fit the rows or the H query".into(),
			));
		}
		let groth16 = ArkProvingKey {
			vk: ark_groth16::VerifyingKey {
				alpha_g1: vk.alpha_g1,
				beta_g2: vk.beta_g2,
				gamma_g2: vk.gamma_g2,
				delta_g2: vk.delta_g2,
				gamma_abc_g1: vk.ic.clone(),
			},
			beta_g1: pair[0],
			delta_g1: pair[1],
			a_query,
			b_g1_query: Vec::new(),
			b_g2_query,
			h_query,
			l_query,
		};
		Ok(ProvingKey {
			model_id,
			layout,
			num_constraints,
			num_vars,
			domain_size,
			groth16,
			compiled: OnceLock::new(),
		})
	}

	pub fn from_bytes(mut bytes: &[u8]) -> Result<Self> {
		Self::read(&mut bytes)
	}
}
