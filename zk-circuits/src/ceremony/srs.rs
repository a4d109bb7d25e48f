//! The full phase-1 SRS (powers of tau), its contributions, the beacon, the
//! nodes' full check, and its file.
//!
//! For QAP domains of up to `N` points: `τ^i·G1` for `i < 2N − 1` (the `H`
//! query needs `τ^i·Z(τ)` for `i < n − 1`, i.e. powers up to `2n − 2`),
//! `τ^i·G2`, `ατ^i·G1` and `βτ^i·G1` for `i < N`, and `β·G2`.

use std::io::{Read, Write};

use ark_bls12_381::{g2, G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::scalar_mul::glv::GLVConfig;
use ark_ec::scalar_mul::BatchMulPreprocessing;
use ark_ec::{AffineRepr, CurveGroup, PrimeGroup};
use ark_ff::{Field, UniformRand, Zero};
use ark_serialize::{Compress, Validate};
use rand::{CryptoRng, RngCore};
use rayon::prelude::*;
use zeroize::Zeroize;

use super::head::{beacon_secrets, Phase1Proof, SrsHead};
use super::scalar_mul::scale;
use super::PairingCheck;
use crate::msm::msm;
use crate::prover::{io_err, read_points_with, write_points_with};
use crate::{Bls12_381, Error, Fr, Result};

/// A phase-1 SRS for QAP domains of up to [`Srs::max_domain`] points.
#[derive(Clone, PartialEq, Eq)]
pub struct Srs {
	/// `τ^i·G1`, `i < 2N − 1`.
	pub tau_g1: Vec<G1Affine>,
	/// `τ^i·G2`, `i < N`.
	pub tau_g2: Vec<G2Affine>,
	/// `ατ^i·G1`, `i < N`.
	pub alpha_g1: Vec<G1Affine>,
	/// `βτ^i·G1`, `i < N`.
	pub beta_g1: Vec<G1Affine>,
	/// `β·G2`.
	pub beta_g2: G2Affine,
}

impl std::fmt::Debug for Srs {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "Srs {{ max_domain: {} }}", self.max_domain())
	}
}

/// The secrets of one phase-1 contribution, wiped when dropped.
struct Secrets([Fr; 3]);

impl Drop for Secrets {
	fn drop(&mut self) {
		self.0.zeroize();
	}
}

/// `[1, x, x², …]` (`n` of them), computed in parallel chunks.
fn powers(x: Fr, n: usize) -> Vec<Fr> {
	const CHUNK: usize = 1 << 12;
	(0..n.div_ceil(CHUNK))
		.into_par_iter()
		.flat_map_iter(|k| {
			let start = k * CHUNK;
			let mut p = x.pow([start as u64]);
			(start..(start + CHUNK).min(n)).map(move |_| {
				let v = p;
				p *= x;
				v
			})
		})
		.collect()
}

/// `n` random 128-bit coefficients (for random linear combinations).
pub(crate) fn random_coefficients<R: RngCore>(rng: &mut R, n: usize) -> Vec<Fr> {
	(0..n)
		.map(|_| Fr::from((rng.next_u64() as u128) << 64 | rng.next_u64() as u128))
		.collect()
}

impl Srs {
	/// `N`: the largest QAP domain this SRS serves.
	pub fn max_domain(&self) -> usize {
		self.tau_g2.len()
	}

	/// The SRS before any contribution (`τ = α = β = 1`): every point a
	/// generator. Every node can make it; the first contribution starts here.
	pub fn identity(max_domain: usize) -> Result<Self> {
		Self::check_size(max_domain)?;
		let (g1, g2) = (G1Affine::generator(), G2Affine::generator());
		Ok(Srs {
			tau_g1: vec![g1; 2 * max_domain - 1],
			tau_g2: vec![g2; max_domain],
			alpha_g1: vec![g1; max_domain],
			beta_g1: vec![g1; max_domain],
			beta_g2: g2,
		})
	}

	fn check_size(max_domain: usize) -> Result<()> {
		let min = super::domain::MIN_DOMAIN_SIZE as usize;
		if !(min..=1 << 28).contains(&max_domain) {
			return Err(Error::Ceremony(format!(
				"an SRS serves domains of {min} to 2^28 points, not {max_domain}"
			)));
		}
		Ok(())
	}

	/// The SRS of known secrets, from the generators (fixed-base tables: the
	/// fast way, for the insecure development SRS and for tests).
	pub fn from_secrets(max_domain: usize, tau: Fr, alpha: Fr, beta: Fr) -> Result<Self> {
		Self::check_size(max_domain)?;
		let t = powers(tau, 2 * max_domain - 1);
		let g1 = G1Projective::generator();
		let g2 = G2Projective::generator();
		let g1_table = BatchMulPreprocessing::new(g1, 4 * max_domain);
		let tau_g1 = g1_table.batch_mul(&t);
		let scaled = |s: Fr| -> Vec<Fr> { t[..max_domain].par_iter().map(|x| *x * s).collect() };
		let alpha_g1 = g1_table.batch_mul(&scaled(alpha));
		let beta_g1 = g1_table.batch_mul(&scaled(beta));
		drop(g1_table);
		let tau_g2 = BatchMulPreprocessing::new(g2, max_domain).batch_mul(&t[..max_domain]);
		Ok(Srs {
			tau_g1,
			tau_g2,
			alpha_g1,
			beta_g1,
			beta_g2: (g2 * beta).into_affine(),
		})
	}

	/// The SRS of the domain of `n` points, a divisor of `N`: every
	/// `(N/n)`-th point, which is the SRS of the secret `τ^(N/n)`. One SRS so
	/// serves every domain that is a subgroup of its largest one (both the
	/// `2^k` and the `3·2^k` family when `N = 3·2^k`). A key for that domain
	/// is a key for the QAP whose rows repeat `N/n` times over the largest
	/// domain, made from a subset of its CRS elements: as sound.
	pub fn restrict(&self, n: usize) -> Result<Srs> {
		let big = self.max_domain();
		if n == 0 || n > big || !big.is_multiple_of(n) || !super::is_domain_size(n as u32) {
			return Err(Error::Ceremony(format!(
				"a {n}-point domain is not a subgroup of this SRS's {big}-point domain"
			)));
		}
		if n == big {
			return Ok(self.clone());
		}
		let m = big / n;
		let every =
			|v: &[G1Affine], len: usize| -> Vec<G1Affine> { (0..len).map(|k| v[k * m]).collect() };
		Ok(Srs {
			tau_g1: every(&self.tau_g1, 2 * n - 1),
			tau_g2: (0..n).map(|k| self.tau_g2[k * m]).collect(),
			alpha_g1: every(&self.alpha_g1, n),
			beta_g1: every(&self.beta_g1, n),
			beta_g2: self.beta_g2,
		})
	}

	/// The head the chain tracks.
	pub fn head(&self) -> SrsHead<Bls12_381> {
		SrsHead {
			tau_g1: self.tau_g1[1],
			tau_g2: self.tau_g2[1],
			alpha_g1: self.alpha_g1[0],
			beta_g1: self.beta_g1[0],
			beta_g2: self.beta_g2,
		}
	}

	/// This SRS moved by the secrets `(τ', α', β')`.
	fn moved(&self, [tau, alpha, beta]: [Fr; 3]) -> Srs {
		let n = self.max_domain();
		let t = powers(tau, 2 * n - 1);
		let tau_g1 = scale(&self.tau_g1, |i| t[i]);
		let tau_g2 = scale(&self.tau_g2, |i| t[i]);
		let alpha_g1 = scale(&self.alpha_g1, |i| alpha * t[i]);
		let beta_g1 = scale(&self.beta_g1, |i| beta * t[i]);
		let beta_g2 = g2::Config::glv_mul_projective(self.beta_g2.into(), beta).into_affine();
		Srs {
			tau_g1,
			tau_g2,
			alpha_g1,
			beta_g1,
			beta_g2,
		}
	}

	/// A contribution with fresh secrets from `rng` (OS randomness in the
	/// node), wiped before returning: the new SRS and the proof to submit.
	/// `binding`: [`super::binding`] of the transcript and the contributor.
	pub fn contribute<R: RngCore + CryptoRng>(
		&self,
		binding: &[u8],
		rng: &mut R,
	) -> (Srs, Phase1Proof<Bls12_381>) {
		let mut nonzero = || loop {
			let x = Fr::rand(rng);
			if !x.is_zero() {
				return x;
			}
		};
		let secrets = Secrets([nonzero(), nonzero(), nonzero()]);
		let nonces = Secrets([Fr::rand(rng), Fr::rand(rng), Fr::rand(rng)]);
		self.contribute_with_secrets(secrets.0, nonces.0, binding)
	}

	/// [`Srs::contribute`] with given secrets — for tests that must know them
	/// (the forgery tests). A real contributor never calls this.
	pub fn contribute_with_secrets(
		&self,
		secrets: [Fr; 3],
		nonces: [Fr; 3],
		binding: &[u8],
	) -> (Srs, Phase1Proof<Bls12_381>) {
		let proof = Phase1Proof::new(secrets, nonces, binding);
		(self.moved(secrets), proof)
	}

	/// The SRS after the beacon (public secrets derived from `beacon`).
	pub fn apply_beacon(&self, beacon: &[u8; 32]) -> Srs {
		self.moved(beacon_secrets(beacon))
	}

	/// The nodes' full check: this SRS is well formed (every sequence is the
	/// powers of one `τ`, the `α` and `β` sequences too, `β·G1` and `β·G2`
	/// agree) and its head is `head` (the one the chain checked against the
	/// previous head). Random linear combinations: four MSM pairs and one
	/// batched pairing check. The points themselves were validated (on the
	/// curve, in the subgroup) when the file was read.
	pub fn verify<R: RngCore + CryptoRng>(
		&self,
		head: &SrsHead<Bls12_381>,
		rng: &mut R,
	) -> Result<()> {
		let n = self.max_domain();
		Self::check_size(n)?;
		if self.tau_g1.len() != 2 * n - 1 || self.alpha_g1.len() != n || self.beta_g1.len() != n {
			return Err(Error::Ceremony(
				"SRS sequences of inconsistent lengths".into(),
			));
		}
		if self.tau_g1[0] != G1Affine::generator() || self.tau_g2[0] != G2Affine::generator() {
			return Err(Error::Ceremony(
				"the SRS does not start at the generators".into(),
			));
		}
		if &self.head() != head {
			return Err(Error::Ceremony(
				"the SRS's head is not the one the chain accepted".into(),
			));
		}
		let identity = |g1: &[G1Affine]| g1.par_iter().any(|p| p.is_zero());
		if identity(&self.tau_g1)
			|| identity(&self.alpha_g1)
			|| identity(&self.beta_g1)
			|| self.tau_g2.par_iter().any(|p| p.is_zero())
		{
			return Err(Error::Ceremony("an SRS point is the identity".into()));
		}
		// Σρ_i·P_i and Σρ_i·P_{i+1}: the second is the first moved by τ iff
		// (with overwhelming probability) every P_{i+1} is P_i moved by τ.
		fn shifted<C: ark_ec::short_weierstrass::SWCurveConfig<ScalarField = Fr>>(
			points: &[ark_ec::short_weierstrass::Affine<C>],
			rho: &[Fr],
		) -> (
			ark_ec::short_weierstrass::Projective<C>,
			ark_ec::short_weierstrass::Projective<C>,
		) {
			let k = points.len() - 1;
			rayon::join(
				|| msm(&points[..k], &rho[..k]),
				|| msm(&points[1..], &rho[..k]),
			)
		}
		let rho = random_coefficients(rng, 2 * n);
		let (t0, t1) = shifted(&self.tau_g1, &rho);
		let (a0, a1) = shifted(&self.alpha_g1, &rho);
		let (b0, b1) = shifted(&self.beta_g1, &rho);
		let (u0, u1) = shifted(&self.tau_g2, &rho);
		let mut seed = [0u8; 32];
		rng.fill_bytes(&mut seed);
		let mut check = PairingCheck::<Bls12_381>::new(&seed);
		let (g1, g2) = (G1Affine::generator(), G2Affine::generator());
		let tau2 = self.tau_g2[1];
		check.equal_projective(t1, g2, t0, tau2);
		check.equal_projective(a1, g2, a0, tau2);
		check.equal_projective(b1, g2, b0, tau2);
		check.equal(g1, u1.into_affine(), self.tau_g1[1], u0.into_affine());
		check.equal(self.beta_g1[0], g2, g1, self.beta_g2);
		if !check.holds() {
			return Err(Error::Ceremony(
				"the SRS is not well formed (its points are not the powers of one τ)".into(),
			));
		}
		Ok(())
	}
}

// ---------------------------------------------------------------------------
// File: "vsrs", version 1, N (u32 LE), then uncompressed points: τ^i·G1
// (2N − 1), τ^i·G2 (N), ατ^i·G1 (N), βτ^i·G1 (N), β·G2. Uncompressed because
// loading is a check, not a formality: every point is validated (on the curve,
// in the subgroup) and decompression would add a square root per point.

const SRS_MAGIC: &[u8; 4] = b"vsrs";
const SRS_VERSION: u8 = 1;
const G1_RAW: usize = 96;
const G2_RAW: usize = 192;

impl Srs {
	/// The file's size for `N`.
	pub fn file_len(max_domain: usize) -> usize {
		4 + 1 + 4 + (2 * max_domain - 1 + 2 * max_domain) * G1_RAW + (max_domain + 1) * G2_RAW
	}

	pub fn write(&self, w: &mut impl Write) -> Result<()> {
		w.write_all(SRS_MAGIC).map_err(io_err)?;
		w.write_all(&[SRS_VERSION]).map_err(io_err)?;
		w.write_all(&(self.max_domain() as u32).to_le_bytes())
			.map_err(io_err)?;
		write_points_with(w, &self.tau_g1, Compress::No)?;
		write_points_with(w, &self.tau_g2, Compress::No)?;
		write_points_with(w, &self.alpha_g1, Compress::No)?;
		write_points_with(w, &self.beta_g1, Compress::No)?;
		write_points_with(w, &[self.beta_g2], Compress::No)
	}

	pub fn to_bytes(&self) -> Vec<u8> {
		let mut out = Vec::with_capacity(Self::file_len(self.max_domain()));
		let _ = self.write(&mut out);
		out
	}

	/// Reads and validates every point. Malformed input is an error, never a
	/// panic.
	pub fn read(r: &mut impl Read) -> Result<Self> {
		let mut header = [0u8; 9];
		r.read_exact(&mut header).map_err(io_err)?;
		if &header[..4] != SRS_MAGIC || header[4] != SRS_VERSION {
			return Err(Error::Decode(
				"not a verity SRS file (bad magic or version)".into(),
			));
		}
		let n = u32::from_le_bytes([header[5], header[6], header[7], header[8]]) as usize;
		Self::check_size(n).map_err(|e| Error::Decode(e.to_string()))?;
		let (c, v) = (Compress::No, Validate::Yes);
		let tau_g1 = read_points_with(r, 2 * n - 1, G1_RAW, "SRS τ·G1", c, v)?;
		let tau_g2 = read_points_with(r, n, G2_RAW, "SRS τ·G2", c, v)?;
		let alpha_g1 = read_points_with(r, n, G1_RAW, "SRS α·G1", c, v)?;
		let beta_g1 = read_points_with(r, n, G1_RAW, "SRS β·G1", c, v)?;
		let beta_g2: Vec<G2Affine> = read_points_with(r, 1, G2_RAW, "SRS β·G2", c, v)?;
		let mut rest = [0u8; 1];
		if r.read(&mut rest).map_err(io_err)? != 0 {
			return Err(Error::Decode("SRS file: trailing bytes".into()));
		}
		Ok(Srs {
			tau_g1,
			tau_g2,
			alpha_g1,
			beta_g1,
			beta_g2: beta_g2[0],
		})
	}

	pub fn from_bytes(mut bytes: &[u8]) -> Result<Self> {
		Self::read(&mut bytes)
	}
}

/// The insecure development SRS (see [`super::dev`]).
pub fn insecure_dev_srs(max_domain: usize) -> Result<Srs> {
	let [tau, alpha, beta] = super::dev::secrets();
	Srs::from_secrets(max_domain, tau, alpha, beta)
}

/// The insecure development SRS of `max_domain` points restricted to the
/// domain of `n` points (equal to `insecure_dev_srs(max_domain)?.restrict(n)`),
/// made from the secrets in time and memory linear in `n`: a development
/// chain may allow large domains without every node paying for them.
pub fn insecure_dev_srs_on(max_domain: usize, n: usize) -> Result<Srs> {
	if n == 0 || !max_domain.is_multiple_of(n) || !super::is_domain_size(n as u32) {
		return Err(Error::Ceremony(format!(
			"a {n}-point domain is not a subgroup of the {max_domain}-point domain"
		)));
	}
	let [tau, alpha, beta] = super::dev::secrets();
	Srs::from_secrets(n, tau.pow([(max_domain / n) as u64]), alpha, beta)
}
