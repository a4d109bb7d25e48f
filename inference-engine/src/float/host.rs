//! Host (plain Rust) float kernels for the cases candle has no kernel for.

use candle_core::Tensor as CTensor;

use crate::kernels::{axpy_f32, dispatch};
use crate::quant::gather_cols;
use crate::tensor::Tensor;

/// Apply `f(data, shape) -> data` to a candle tensor, producing `out_shape`.
pub fn map(
	x: &CTensor,
	out_shape: &[usize],
	f: impl FnOnce(&[f32], &[usize]) -> Vec<f32>,
) -> candle_core::Result<CTensor> {
	let data = x.flatten_all()?.to_vec1::<f32>()?;
	let y = f(&data, x.dims());
	CTensor::from_vec(y, out_shape, x.device())
}

/// Visits each window: `f(cells inside the input, count inside the padded input)`.
#[allow(clippy::too_many_arguments)]
fn windows(
	x: &[f32],
	s: &[usize],
	out: &[usize],
	[kh, kw]: [usize; 2],
	[sh, sw]: [usize; 2],
	[pt, pl, pb, pr]: [usize; 4],
	[dh, dw]: [usize; 2],
	f: impl Fn(&[f32], usize) -> f32,
) -> Vec<f32> {
	let (h, w) = (s[2], s[3]);
	let (oh, ow) = (out[2], out[3]);
	let mut y = Vec::with_capacity(s[0] * s[1] * oh * ow);
	let mut cells = Vec::with_capacity(kh * kw);
	for plane in x.chunks(h * w).take(s[0] * s[1]) {
		for r in 0..oh {
			for q in 0..ow {
				cells.clear();
				let mut padded = 0;
				for ky in 0..kh {
					let row = (r * sh + ky * dh) as i64 - pt as i64;
					for kx in 0..kw {
						let col = (q * sw + kx * dw) as i64 - pl as i64;
						if row >= -(pt as i64)
							&& row < (h + pb) as i64
							&& col >= -(pl as i64)
							&& col < (w + pr) as i64
						{
							padded += 1;
						}
						if row >= 0 && (row as usize) < h && col >= 0 && (col as usize) < w {
							cells.push(plane[row as usize * w + col as usize]);
						}
					}
				}
				y.push(f(&cells, padded));
			}
		}
	}
	y
}

pub fn max_pool(
	x: &[f32],
	s: &[usize],
	out: &[usize],
	k: [usize; 2],
	st: [usize; 2],
	p: [usize; 4],
	d: [usize; 2],
) -> Vec<f32> {
	windows(x, s, out, k, st, p, d, |cells, _| {
		cells.iter().copied().fold(f32::NEG_INFINITY, f32::max)
	})
}

pub fn avg_pool(
	x: &[f32],
	s: &[usize],
	out: &[usize],
	k: [usize; 2],
	st: [usize; 2],
	p: [usize; 4],
	include_pad: bool,
) -> Vec<f32> {
	windows(x, s, out, k, st, p, [1, 1], |cells, padded| {
		let n = if include_pad { padded } else { cells.len() };
		cells.iter().sum::<f32>() / n.max(1) as f32
	})
}

/// `y = x / (bias + alpha/size · Σ_{c' in window(c)} x[c']²)^beta`, window
/// `[c − floor((size−1)/2), c + ceil((size−1)/2)]`.
pub fn lrn(x: &[f32], s: &[usize], size: usize, alpha: f32, beta: f32, bias: f32) -> Vec<f32> {
	let (n, c) = (s[0], s[1]);
	let inner: usize = s[2..].iter().product();
	let (lo, hi) = ((size - 1) / 2, (size - 1).div_ceil(2));
	let mut y = vec![0.0; x.len()];
	for b in 0..n {
		for ch in 0..c {
			let first = ch.saturating_sub(lo);
			let last = (ch + hi).min(c - 1);
			for i in 0..inner {
				let sq: f32 = (first..=last)
					.map(|k| x[(b * c + k) * inner + i].powi(2))
					.sum();
				let idx = (b * c + ch) * inner + i;
				y[idx] = x[idx] / (bias + alpha / size as f32 * sq).powf(beta);
			}
		}
	}
	y
}

/// Direct convolution, NCHW, any strides/pads/dilations/groups. Samples of a
/// batch run in parallel.
#[allow(clippy::too_many_arguments)]
pub fn conv2d(
	x: &[f32],
	s: &[usize],
	weight: &Tensor,
	bias: Option<&[f32]>,
	out: &[usize],
	strides: [usize; 2],
	pads: [usize; 4],
	dilations: [usize; 2],
	group: usize,
) -> Vec<f32> {
	use rayon::prelude::*;
	let per_sample = weight.shape[0] * out[2] * out[3];
	let mut y = vec![0.0f32; s[0] * per_sample];
	if per_sample == 0 {
		return y;
	}
	let geometry = [
		strides[0],
		strides[1],
		pads[0],
		pads[1],
		pads[2],
		pads[3],
		dilations[0],
		dilations[1],
		group,
	];
	let sample =
		|(b, ys): (usize, &mut [f32])| conv2d_sample(x, s, b, weight, bias, out, &geometry, ys);
	if s[0] > 1 {
		y.par_chunks_mut(per_sample).enumerate().for_each(sample);
	} else {
		y.chunks_mut(per_sample).enumerate().for_each(sample);
	}
	y
}

dispatch! {
	/// One sample of [`conv2d`] as a small GEMM over im2col rows (see the
	/// integer version in `quant::exec`). `g = [sh, sw, pt, pl, pb, pr, dh, dw, group]`.
	fn conv2d_sample(x: &[f32], s: &[usize], b: usize, weight: &Tensor, bias: Option<&[f32]>, out: &[usize], g: &[usize; 9], ys: &mut [f32]) {
		let (c, h, w) = (s[1], s[2], s[3]);
		let (oc, icg, kh, kw) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3]);
		let [sh, sw, pt, pl, pb, pr, dh, dw, group] = *g;
		let (oh, ow) = (out[2], out[3]);
		let (hp, wp) = (h + pt + pb, w + pl + pr);
		let (ocg, k, positions) = (oc / group, icg * kh * kw, oh * ow);
		let mut padded = vec![0.0f32; c * hp * wp];
		for ci in 0..c {
			for r in 0..h {
				let src = &x[((b * c + ci) * h + r) * w..][..w];
				padded[(ci * hp + r + pt) * wp + pl..][..w].copy_from_slice(src);
			}
		}
		let mut cols = vec![0.0f32; k * positions];
		for grp in 0..group {
			gather_cols(&padded, &mut cols, grp * icg, icg, [hp, wp], [kh, kw], [sh, sw], [dh, dw], [oh, ow]);
			for o in grp * ocg..(grp + 1) * ocg {
				let acc = &mut ys[o * positions..(o + 1) * positions];
				acc.fill(bias.map_or(0.0, |b| b[o]));
				for (kidx, &wv) in weight.data[o * k..(o + 1) * k].iter().enumerate() {
					axpy_f32(acc, wv, &cols[kidx * positions..(kidx + 1) * positions]);
				}
			}
		}
	}
}

dispatch! {
/// `y[r, :] = bias + Σ_k x[r, k] · w_t[k, :]` for small products, where gemm's
/// thread dispatch would cost more than the arithmetic.
pub fn linear(x: &[f32], inn: usize, w_t: &[f32], bias: Option<&[f32]>, out: usize) -> Vec<f32> {
	let rows = x.len().checked_div(inn).unwrap_or(0);
	let mut y = vec![0.0f32; rows * out];
	for (r, yr) in y.chunks_mut(out.max(1)).enumerate().take(rows) {
		if let Some(b) = bias {
			yr.copy_from_slice(b);
		}
		for (k, &xv) in x[r * inn..(r + 1) * inn].iter().enumerate() {
			if xv != 0.0 {
				axpy_f32(yr, xv, &w_t[k * out..(k + 1) * out]);
			}
		}
	}
	y
}
}
