//! The SRS in the Lagrange basis of one QAP domain, and the domain tables.
//!
//! A key's `A`, `B`, `L` and IC points are sums of `L_j(τ)` (the domain's
//! Lagrange polynomials at `τ`) in the exponent, and an SRS only has `τ^i`.
//! Since `L_j(X) = (1/n)·Σ_k ω^{-jk}·X^k`, the Lagrange points are an inverse
//! FFT of the powers, with group elements as the coefficients ([`bases`]).
//! That costs `(n/2)·log n` scalar multiplications per sequence, so nodes
//! compute it once per domain size and keep it. Bases another node computed
//! are checked far more cheaply than they are made ([`LagrangeBases::check`]:
//! two MSMs per sequence), so a chain computes them once per domain size and
//! shares them. A few Lagrange points alone (the [`DomainTable`] of the public
//! rows) are cheaper as MSMs ([`domain_table`]).

use ark_bls12_381::{G1Affine, G1Projective, G2Affine, G2Projective};
use ark_ec::CurveGroup;
use ark_ff::{One, Zero};
use ark_poly::EvaluationDomain;
use rayon::prelude::*;

use super::domain::{DomainTable, MAX_PUBLIC_INPUTS};
use super::group_fft;
use super::srs::Srs;
use crate::groth16::domain_of_size;
use crate::msm::msm;
use crate::{Bls12_381, Error, Fr, Result};

/// `L_j(τ)` for every row `j` of one domain, in the four forms keys need.
pub struct LagrangeBases {
	/// The domain size `n`.
	pub size: usize,
	/// `L_j(τ)·G1`.
	pub g1: Vec<G1Affine>,
	/// `α·L_j(τ)·G1`.
	pub alpha_g1: Vec<G1Affine>,
	/// `β·L_j(τ)·G1`.
	pub beta_g1: Vec<G1Affine>,
	/// `L_j(τ)·G2`.
	pub g2: Vec<G2Affine>,
}

/// The SRS's Lagrange bases on the domain of `size` points (of the SRS
/// restricted to it, [`Srs::restrict`]): four inverse FFTs in the exponent
/// (three in G1, one in G2; [`group_fft`]).
pub fn bases(srs: &Srs, size: usize) -> Result<LagrangeBases> {
	let srs = srs.restrict(size)?;
	let g1_ifft = |points: &[G1Affine]| -> Result<Vec<G1Affine>> {
		let mut v: Vec<G1Projective> = points[..size].par_iter().map(|p| (*p).into()).collect();
		group_fft::ifft(&mut v)?;
		Ok(G1Projective::normalize_batch(&v))
	};
	let g1 = g1_ifft(&srs.tau_g1)?;
	let alpha_g1 = g1_ifft(&srs.alpha_g1)?;
	let beta_g1 = g1_ifft(&srs.beta_g1)?;
	let mut v: Vec<G2Projective> = srs.tau_g2[..size].par_iter().map(|p| (*p).into()).collect();
	group_fft::ifft(&mut v)?;
	let g2 = G2Projective::normalize_batch(&v);
	Ok(LagrangeBases {
		size,
		g1,
		alpha_g1,
		beta_g1,
		g2,
	})
}

/// The Lagrange bases on `size` points of an SRS of `max_domain` points whose
/// secrets are known (the insecure development SRS): `L_j(τ^(N/n))` in the
/// field, then fixed-base multiplications — far faster than [`bases`], and
/// equal to it (a test checks).
pub fn bases_from_secrets(
	max_domain: usize,
	size: usize,
	[tau, alpha, beta]: [Fr; 3],
) -> Result<LagrangeBases> {
	use ark_ff::Field;
	if size == 0 || !max_domain.is_multiple_of(size) {
		return Err(Error::Ceremony(format!(
			"{size} does not divide {max_domain}"
		)));
	}
	let tau = tau.pow([(max_domain / size) as u64]);
	use ark_ec::scalar_mul::BatchMulPreprocessing;
	use ark_ec::PrimeGroup;
	let domain = domain_of_size(size)?;
	let l = domain.evaluate_all_lagrange_coefficients(tau);
	let scaled = |s: Fr| -> Vec<Fr> { l.par_iter().map(|x| *x * s).collect() };
	let g1 = BatchMulPreprocessing::new(G1Projective::generator(), 3 * size);
	let g2 = BatchMulPreprocessing::new(G2Projective::generator(), size);
	Ok(LagrangeBases {
		size,
		g1: g1.batch_mul(&l),
		alpha_g1: g1.batch_mul(&scaled(alpha)),
		beta_g1: g1.batch_mul(&scaled(beta)),
		g2: g2.batch_mul(&l),
	})
}

/// The coefficients of `L_j(X)` on `domain`: the inverse FFT of the `j`-th
/// unit vector.
fn lagrange_coefficients(size: usize, j: usize) -> Result<Vec<Fr>> {
	let domain = domain_of_size(size)?;
	let mut e = vec![Fr::zero(); size];
	e[j] = Fr::one();
	domain.ifft_in_place(&mut e);
	Ok(e)
}

/// The public rows' Lagrange points on the domain of `size` points
/// (`MAX_PUBLIC_INPUTS + 2` MSMs over the SRS restricted to it).
pub fn domain_table(srs: &Srs, size: usize) -> Result<DomainTable<Bls12_381>> {
	let srs = srs.restrict(size)?;
	let size_u32 = u32::try_from(size).map_err(|_| Error::Ceremony("domain too large".into()))?;
	let l0 = lagrange_coefficients(size, 0)?;
	let alpha_l0 = msm(&srs.alpha_g1[..size], &l0).into_affine();
	let beta_l: Result<Vec<G1Affine>> = (0..=MAX_PUBLIC_INPUTS)
		.map(|j| Ok(msm(&srs.beta_g1[..size], &lagrange_coefficients(size, j)?).into_affine()))
		.collect();
	Ok(DomainTable {
		size: size_u32,
		alpha_l0,
		beta_l: beta_l?,
	})
}

impl LagrangeBases {
	/// Checks these bases against `srs` (restricted to their domain): for
	/// random `r_j`, `Σ_j r_j·B_j = Σ_k c_k·P_k` in each of the four
	/// sequences, where `B_j` are the bases, `P_k` the SRS's powers and
	/// `c = IFFT(r)` the coefficients of `Σ_j r_j·L_j(X)`. Wrong bases pass
	/// with probability `1/|Fr|`. Two MSMs of `n` points per sequence instead
	/// of the FFT's `(n/2)·log n` scalar multiplications: how a node takes
	/// bases another node published.
	pub fn check<R: rand::RngCore + rand::CryptoRng>(&self, srs: &Srs, rng: &mut R) -> Result<()> {
		use ark_ff::UniformRand;
		let n = self.size;
		let srs = srs.restrict(n)?;
		let lengths = [
			self.g1.len(),
			self.alpha_g1.len(),
			self.beta_g1.len(),
			self.g2.len(),
		];
		if lengths != [n; 4] {
			return Err(Error::Ceremony(format!(
				"Lagrange bases of {lengths:?} points on a {n}-point domain"
			)));
		}
		let r: Vec<Fr> = (0..n).map(|_| Fr::rand(rng)).collect();
		let mut c = r.clone();
		domain_of_size(n)?.ifft_in_place(&mut c);
		let wrong = |what: &str| {
			Err(Error::Ceremony(format!(
				"the Lagrange bases' {what} are not the SRS's on {n} points"
			)))
		};
		let g1 = [
			(&self.g1, &srs.tau_g1, "L_j(τ)·G1"),
			(&self.alpha_g1, &srs.alpha_g1, "α·L_j(τ)·G1"),
			(&self.beta_g1, &srs.beta_g1, "β·L_j(τ)·G1"),
		];
		for (bases, powers, what) in g1 {
			if msm(bases, &r) != msm(&powers[..n], &c) {
				return wrong(what);
			}
		}
		if msm(&self.g2, &r) != msm(&srs.tau_g2[..n], &c) {
			return wrong("L_j(τ)·G2");
		}
		Ok(())
	}

	/// The domain table, read off the bases.
	pub fn domain_table(&self) -> Result<DomainTable<Bls12_381>> {
		if self.size <= MAX_PUBLIC_INPUTS {
			return Err(Error::Ceremony(
				"domain smaller than the public rows".into(),
			));
		}
		Ok(DomainTable {
			size: self.size as u32,
			alpha_l0: self.alpha_g1[0],
			beta_l: self.beta_g1[..=MAX_PUBLIC_INPUTS].to_vec(),
		})
	}
}

// ---------------------------------------------------------------------------
// Cache file: "vlag", version 1, size (u32 LE), then the four bases as
// uncompressed points. A node's own cache of what it computed: points are
// read without validation (a damaged file only yields keys that fail the
// proving-key check).

const LAGRANGE_MAGIC: &[u8; 4] = b"vlag";
const LAGRANGE_VERSION: u8 = 1;

impl LagrangeBases {
	pub fn write(&self, w: &mut impl std::io::Write) -> Result<()> {
		use crate::prover::{io_err, write_points_with};
		use ark_serialize::Compress;
		w.write_all(LAGRANGE_MAGIC).map_err(io_err)?;
		w.write_all(&[LAGRANGE_VERSION]).map_err(io_err)?;
		w.write_all(&(self.size as u32).to_le_bytes())
			.map_err(io_err)?;
		write_points_with(w, &self.g1, Compress::No)?;
		write_points_with(w, &self.alpha_g1, Compress::No)?;
		write_points_with(w, &self.beta_g1, Compress::No)?;
		write_points_with(w, &self.g2, Compress::No)
	}

	pub fn read(r: &mut impl std::io::Read) -> Result<Self> {
		use crate::prover::{io_err, read_points_with};
		use ark_serialize::{Compress, Validate};
		let mut header = [0u8; 9];
		r.read_exact(&mut header).map_err(io_err)?;
		if &header[..4] != LAGRANGE_MAGIC || header[4] != LAGRANGE_VERSION {
			return Err(Error::Decode("not a Lagrange-bases file".into()));
		}
		let size = u32::from_le_bytes([header[5], header[6], header[7], header[8]]) as usize;
		domain_of_size(size)?;
		let (c, v) = (Compress::No, Validate::No);
		Ok(LagrangeBases {
			size,
			g1: read_points_with(r, size, 96, "Lagrange basis", c, v)?,
			alpha_g1: read_points_with(r, size, 96, "Lagrange basis", c, v)?,
			beta_g1: read_points_with(r, size, 96, "Lagrange basis", c, v)?,
			g2: read_points_with(r, size, 192, "Lagrange basis", c, v)?,
		})
	}
}
