//! The unpacked proving key: a local copy of a key file that loads in a small
//! fraction of a proof's time.
//!
//! A key file stores its points compressed (half the bytes to fetch and
//! keep), and decoding a compressed point takes a square root: 12.8 s for
//! LeNet-5's key on two cores, seven times its proof. The unpacked form is the
//! same key with raw points (the coordinates as they sit in memory: no square
//! roots, no conversions, no curve checks)
//! followed by the model's compiled circuit (its QAP), so the prover neither
//! decompresses nor compiles. It is made on the machine that proves, from a
//! key file that machine has already accepted, and is bound to that file by
//! the file's hash; a hash of its own body stands in for the point checks it
//! skips, so a torn write or a flipped bit is refused, never turned into bad
//! proofs.
//!
//! Format: `"vzku"`, version 1, the key file's BLAKE2b-256 (32 bytes, the
//! artifact id the chain records), the BLAKE3 of the rest (32), then the key
//! file's body with raw points ([`ProvingKey::write`]; an identity flag and
//! the coordinates' Montgomery limbs), then the
//! QAP: instance count, rows and variables (u64 each), the table of distinct
//! coefficients (u64 count, 32 canonical bytes each) and, for A, B and C, the
//! per-row term counts (u32 each) followed by the terms (variable and table
//! entry, u32 each).
//!
//! BLAKE3 rather than BLAKE2b for the body: BLAKE2b hashes a LeNet-5 body in
//! about three times BLAKE3's time here.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use ark_bls12_381::{Fq, Fq2, G1Affine, G2Affine};
use ark_ec::short_weierstrass::Affine;
use ark_ec::AffineRepr;
use ark_ff::{BigInt, Zero};
use ark_relations::gr1cs::Matrix;
use ark_serialize::{CanonicalDeserialize, CanonicalSerialize};
use rayon::prelude::*;
use verity_inference::QuantizedModel;

use crate::groth16::Qap;
use crate::prover::{io_err, read_u64, write_u64};
use crate::{Error, Fr, ProvingKey, Result};

const MAGIC: &[u8; 4] = b"vzku";
const VERSION: u8 = 1;
const HEADER: usize = 4 + 1 + 32 + 32;
/// Bytes of one matrix term: variable and coefficient-table entry (u32 each).
const TERM_BYTES: usize = 4 + 4;

/// How a proving key's points are stored: compressed in key files; raw (the
/// in-memory coordinates, Montgomery limbs and all) in unpacked copies, which
/// decode without any arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PointForm {
	Compressed,
	Raw,
}

/// A proving key's point types (G1 and G2 affine) in both forms. The raw form
/// is an identity flag (1 byte) and the coordinates' limbs (little-endian);
/// it is only read from unpacked copies, which a hash guards.
pub(crate) trait KeyPoint:
	AffineRepr + CanonicalSerialize + CanonicalDeserialize + Send + Sync
{
	/// Coordinates in the base field (2 for G1, 4 for G2).
	const COORDS: usize;
	/// The coordinates, in the order [`KeyPoint::from_coords`] takes.
	fn coords(&self) -> [&Fq; 4];
	fn from_coords(c: [Fq; 4], identity: bool) -> Self;
}

// Implemented on the curve configs: `G1Affine` and `G2Affine` are projections
// that the coherence check cannot tell apart.
impl KeyPoint for Affine<ark_bls12_381::g1::Config> {
	const COORDS: usize = 2;
	fn coords(&self) -> [&Fq; 4] {
		[&self.x, &self.y, &self.x, &self.y]
	}
	fn from_coords(c: [Fq; 4], identity: bool) -> Self {
		if identity {
			return G1Affine::identity();
		}
		G1Affine::new_unchecked(c[0], c[1])
	}
}

impl KeyPoint for Affine<ark_bls12_381::g2::Config> {
	const COORDS: usize = 4;
	fn coords(&self) -> [&Fq; 4] {
		[&self.x.c0, &self.x.c1, &self.y.c0, &self.y.c1]
	}
	fn from_coords(c: [Fq; 4], identity: bool) -> Self {
		if identity {
			return G2Affine::identity();
		}
		G2Affine::new_unchecked(Fq2::new(c[0], c[1]), Fq2::new(c[2], c[3]))
	}
}

const FQ_LIMBS: usize = 6;

pub(crate) fn raw_size<P: KeyPoint>() -> usize {
	1 + P::COORDS * FQ_LIMBS * 8
}

pub(crate) fn write_raw<P: KeyPoint>(p: &P, out: &mut Vec<u8>) {
	out.push(p.is_zero() as u8);
	for f in &p.coords()[..P::COORDS] {
		for limb in f.0 .0 {
			out.extend_from_slice(&limb.to_le_bytes());
		}
	}
}

pub(crate) fn read_raw<P: KeyPoint>(bytes: &[u8]) -> Result<P> {
	let identity = match bytes.first() {
		Some(0) => false,
		Some(1) => true,
		_ => return Err(Error::Decode("raw point: bad identity flag".into())),
	};
	let mut coords = [Fq::zero(); 4];
	for (i, c) in coords.iter_mut().take(P::COORDS).enumerate() {
		let mut limbs = [0u64; FQ_LIMBS];
		for (j, l) in limbs.iter_mut().enumerate() {
			let at = 1 + (i * FQ_LIMBS + j) * 8;
			let word = bytes
				.get(at..at + 8)
				.ok_or_else(|| Error::Decode("raw point: too short".into()))?;
			*l = u64::from_le_bytes(word.try_into().unwrap_or_default());
		}
		*c = Fq::new_unchecked(BigInt::new(limbs));
	}
	Ok(P::from_coords(coords, identity))
}

/// Where [`load`] found the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
	/// The unpacked copy.
	Unpacked,
	/// The key file; the unpacked copy was written for the next load.
	KeyFile,
	/// The key file; the unpacked copy could not be written (why).
	KeyFileNotCached(String),
}

impl ProvingKey {
	/// Writes the unpacked form of this key for `model` (compiling its circuit
	/// if that has not happened yet); `source` is the BLAKE2b-256 of the key
	/// file it was read from.
	pub fn write_unpacked(
		&self,
		w: &mut impl Write,
		source: &[u8; 32],
		model: &QuantizedModel,
	) -> Result<()> {
		let qap = self.qap(model)?;
		let mut body = Vec::new();
		self.write_body(&mut body, PointForm::Raw)?;
		write_qap(&mut body, &qap)?;
		w.write_all(MAGIC).map_err(io_err)?;
		w.write_all(&[VERSION]).map_err(io_err)?;
		w.write_all(source).map_err(io_err)?;
		w.write_all(blake3::hash(&body).as_bytes())
			.map_err(io_err)?;
		w.write_all(&body).map_err(io_err)
	}

	/// Reads an unpacked key made from the key file whose BLAKE2b-256 is
	/// `source`. Refuses another key's copy and any copy whose body does not
	/// match its hash.
	pub fn read_unpacked(bytes: &[u8], source: &[u8; 32]) -> Result<Self> {
		if bytes.len() < HEADER || &bytes[..4] != MAGIC || bytes[4] != VERSION {
			return Err(Error::Decode(
				"not an unpacked verity-zk proving key (bad magic or version)".into(),
			));
		}
		if &bytes[5..37] != source {
			return Err(Error::Decode(
				"unpacked proving key: made from another key file".into(),
			));
		}
		let mut r = &bytes[HEADER..];
		if blake3::hash(r).as_bytes() != &bytes[37..69] {
			return Err(Error::Decode(
				"unpacked proving key: its contents do not match its hash".into(),
			));
		}
		let key = ProvingKey::read_body(&mut r, PointForm::Raw)?;
		let qap = read_qap(&mut r)?;
		if !r.is_empty() {
			return Err(Error::Decode("unpacked proving key: trailing bytes".into()));
		}
		if qap.num_constraints != key.num_constraints || qap.num_vars != key.num_vars {
			return Err(Error::Decode(
				"unpacked proving key: the circuit does not fit the key".into(),
			));
		}
		Ok(ProvingKey {
			compiled: OnceLock::from(Arc::new(qap)),
			..key
		})
	}
}

/// Loads the proving key whose key file has BLAKE2b-256 `source`, for
/// `model`, with its circuit compiled: from the unpacked copy at `unpacked`
/// when that is this key's, else from the key file's bytes (`key_file`,
/// called only then; they must hash to `source`), after which it writes the
/// unpacked copy for the next load. A missing, stale or damaged copy is
/// replaced; one that cannot be written is reported in the [`KeySource`].
pub fn load(
	unpacked: &Path,
	source: &[u8; 32],
	model: &QuantizedModel,
	key_file: impl FnOnce() -> core::result::Result<Vec<u8>, String>,
) -> Result<(ProvingKey, KeySource)> {
	if let Ok(bytes) = std::fs::read(unpacked) {
		if let Ok(key) = ProvingKey::read_unpacked(&bytes, source) {
			key.qap(model)?;
			return Ok((key, KeySource::Unpacked));
		}
	}
	let bytes = key_file().map_err(|e| Error::Key(format!("proving key file: {e}")))?;
	if &verity_inference::hash::blake2_256(&bytes) != source {
		return Err(Error::Decode(
			"proving key file: its hash is not the expected one".into(),
		));
	}
	let key = ProvingKey::from_bytes(&bytes)?;
	key.prepare(model)?;
	let cached = write_atomically(unpacked, |w| key.write_unpacked(w, source, model));
	let from = match cached {
		Ok(()) => KeySource::KeyFile,
		Err(e) => KeySource::KeyFileNotCached(e.to_string()),
	};
	Ok((key, from))
}

/// Writes `path` through a temporary file beside it and a rename, so readers
/// see the old file or the whole new one. Not fsynced: a copy that a crash
/// tears fails its hash and is made again.
fn write_atomically(path: &Path, write: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<()> {
	let mut bytes = Vec::new();
	write(&mut bytes)?;
	let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
	std::fs::write(&tmp, &bytes).map_err(io_err)?;
	std::fs::rename(&tmp, path).map_err(io_err)
}

fn write_qap(w: &mut impl Write, qap: &Qap) -> Result<()> {
	write_u64(w, qap.num_instance as u64)?;
	write_u64(w, qap.num_constraints as u64)?;
	write_u64(w, qap.num_vars as u64)?;
	// Coefficients are few (LeNet-5: 2,324 for 5 million terms): one table,
	// and each term names its entry.
	let mut table: Vec<Fr> = Vec::new();
	let mut index: HashMap<Fr, u32> = HashMap::new();
	for &(coeff, _) in qap.matrices.iter().flatten().flatten() {
		index.entry(coeff).or_insert_with(|| {
			table.push(coeff);
			(table.len() - 1) as u32
		});
	}
	write_u64(w, table.len() as u64)?;
	for c in &table {
		c.serialize_compressed(&mut *w)
			.map_err(|e| Error::Decode(e.to_string()))?;
	}
	for m in &qap.matrices {
		let mut out = Vec::with_capacity(m.len() * 4);
		for row in m {
			out.extend_from_slice(&(row.len() as u32).to_le_bytes());
		}
		for &(coeff, var) in m.iter().flatten() {
			out.extend_from_slice(&(var as u32).to_le_bytes());
			out.extend_from_slice(&index[&coeff].to_le_bytes());
		}
		w.write_all(&out).map_err(io_err)?;
	}
	Ok(())
}

fn read_qap(r: &mut &[u8]) -> Result<Qap> {
	let bad = |what: &str| Error::Decode(format!("unpacked proving key: {what}"));
	let num_instance = read_u64(r)? as usize;
	let num_constraints = read_u64(r)? as usize;
	let num_vars = read_u64(r)? as usize;
	let table_len = read_u64(r)? as usize;
	if num_instance == 0
		|| num_instance > num_vars
		|| num_constraints > r.len() / 4
		|| table_len > r.len() / 32
	{
		return Err(bad("implausible circuit sizes"));
	}
	let table = (0..table_len)
		.map(|_| {
			Fr::deserialize_compressed(&mut *r)
				.map_err(|_| bad("a coefficient is not a field element"))
		})
		.collect::<Result<Vec<Fr>>>()?;
	let mut take = |n: usize| -> Result<&[u8]> {
		let bytes = r.get(..n).ok_or_else(|| bad("truncated circuit"))?;
		*r = &r[n..];
		Ok(bytes)
	};
	let u32_at =
		|b: &[u8], i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
	let mut matrices = Vec::with_capacity(3);
	for _ in 0..3 {
		let counts = take(num_constraints * 4)?;
		let mut starts = Vec::with_capacity(num_constraints + 1);
		starts.push(0usize);
		for i in 0..num_constraints {
			starts.push(starts[i] + u32_at(counts, 4 * i));
		}
		let terms = take(starts[num_constraints].saturating_mul(TERM_BYTES))?;
		let rows: Result<Matrix<Fr>> = (0..num_constraints)
			.into_par_iter()
			.with_min_len(1 << 10)
			.map(|i| {
				terms[starts[i] * TERM_BYTES..starts[i + 1] * TERM_BYTES]
					.chunks_exact(TERM_BYTES)
					.map(|t| {
						let var = u32_at(t, 0);
						let coeff = table
							.get(u32_at(t, 4))
							.ok_or_else(|| bad("a term's coefficient is out of range"))?;
						if var >= num_vars {
							return Err(bad("a term's variable is out of range"));
						}
						Ok((*coeff, var))
					})
					.collect()
			})
			.collect();
		matrices.push(rows?);
	}
	let [a, b, c]: [Matrix<Fr>; 3] = matrices.try_into().map_err(|_| bad("three matrices"))?;
	Ok(Qap {
		matrices: [a, b, c],
		num_instance,
		num_constraints,
		num_vars,
	})
}
