//! The integer executor: pure `i64` arithmetic, single-threaded per sample, in a
//! fixed loop order. Results are identical on every machine and thread count.

use rayon::prelude::*;

use super::arith::{bit_range, requantize, round_div};
use super::model::{IntTensor, QOp, QuantizedModel, TensorId};
use crate::error::{Error, Result};
use crate::kernels::{axpy_i32, dispatch, dot_i32};
use crate::shape::{broadcast_strides, strides};

/// Every tensor of one run, indexed by [`TensorId`]: `tensors[0..inputs.len()]`
/// are the (quantized) inputs, `tensors[inputs.len() + j]` is the output of op `j`.
/// Shapes equal [`QuantizedModel::tensors`]`[id].shape`; every value lies in the
/// model's `act_bits` signed range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
	pub tensors: Vec<IntTensor>,
}

impl Trace {
	/// The integer output tensors, in [`QuantizedModel::outputs`] order.
	pub fn outputs<'a>(&'a self, model: &QuantizedModel) -> Vec<&'a IntTensor> {
		model
			.outputs
			.iter()
			.map(|o| &self.tensors[o.tensor])
			.collect()
	}
}

/// A model prepared for repeated runs: Linear/Conv2d weights that fit in `i32`
/// are kept as `i32` for the vector kernels (results are the same either way).
pub struct Executor<'m> {
	model: &'m QuantizedModel,
	compact: Vec<Option<Vec<i32>>>,
}

impl QuantizedModel {
	/// Prepare for repeated runs (the model must be validated).
	pub fn executor(&self) -> Executor<'_> {
		let compact = self
			.ops
			.iter()
			.map(|node| match &node.op {
				QOp::Linear { weight, .. } | QOp::Conv2d { weight, .. } => {
					weight.data.iter().map(|&w| i32::try_from(w).ok()).collect()
				}
				_ => None,
			})
			.collect();
		Executor {
			model: self,
			compact,
		}
	}

	/// Run the model on quantized inputs (in [`QuantizedModel::inputs`] order) and
	/// return every intermediate tensor. The model must be validated (models from
	/// [`QuantizedModel::from_bytes`] and from quantization are).
	pub fn run_traced(&self, inputs: &[IntTensor]) -> Result<Trace> {
		self.executor().run_traced(inputs)
	}

	/// Run and return only the integer outputs, in [`QuantizedModel::outputs`] order.
	pub fn run(&self, inputs: &[IntTensor]) -> Result<Vec<IntTensor>> {
		self.executor().run(inputs)
	}

	/// Run many samples in parallel; see [`Executor::run_batch`].
	pub fn run_batch(&self, samples: &[Vec<IntTensor>]) -> Result<Vec<Vec<IntTensor>>> {
		self.executor().run_batch(samples)
	}
}

impl Executor<'_> {
	/// See [`QuantizedModel::run_traced`].
	pub fn run_traced(&self, inputs: &[IntTensor]) -> Result<Trace> {
		let model = self.model;
		if inputs.len() != model.inputs.len() {
			return Err(Error::Input {
				name: "*".into(),
				reason: format!(
					"model has {} inputs, got {}",
					model.inputs.len(),
					inputs.len()
				),
			});
		}
		let (lo, hi) = bit_range(model.act_bits);
		let mut tensors = Vec::with_capacity(model.tensors.len());
		for (input, given) in model.inputs.iter().zip(inputs) {
			let spec = &model.tensors[input.tensor];
			if given.shape != spec.shape
				|| given.data.len() != given.shape.iter().product::<usize>()
			{
				return Err(Error::Input {
					name: input.name.clone(),
					reason: format!("expected shape {:?}, got {:?}", spec.shape, given.shape),
				});
			}
			if let Some(v) = given.data.iter().find(|v| !(lo..=hi).contains(*v)) {
				return Err(Error::Input {
					name: input.name.clone(),
					reason: format!("value {v} outside the {}-bit range", model.act_bits),
				});
			}
			tensors.push(given.clone());
		}
		for (j, node) in model.ops.iter().enumerate() {
			let out_shape = &model.tensors[model.op_output(j)].shape;
			let data = eval_op(
				&node.op,
				self.compact[j].as_deref(),
				&tensors,
				out_shape,
				model.act_bits,
			);
			tensors.push(IntTensor {
				shape: out_shape.clone(),
				data,
			});
		}
		Ok(Trace { tensors })
	}

	/// See [`QuantizedModel::run`].
	pub fn run(&self, inputs: &[IntTensor]) -> Result<Vec<IntTensor>> {
		let mut trace = self.run_traced(inputs)?;
		Ok(self
			.model
			.outputs
			.iter()
			.map(|o| {
				std::mem::replace(
					&mut trace.tensors[o.tensor],
					IntTensor {
						shape: vec![],
						data: vec![],
					},
				)
			})
			.collect())
	}

	/// Run many samples, in parallel across samples (each sample's arithmetic is
	/// the same sequential code as [`Self::run`], so results do not depend on the
	/// thread count).
	pub fn run_batch(&self, samples: &[Vec<IntTensor>]) -> Result<Vec<Vec<IntTensor>>> {
		samples.par_iter().map(|s| self.run(s)).collect()
	}
}

fn eval_op(
	op: &QOp,
	compact: Option<&[i32]>,
	t: &[IntTensor],
	out_shape: &[usize],
	bits: u32,
) -> Vec<i64> {
	match op {
		QOp::Constant { value } => value.data.clone(),
		QOp::Linear {
			input,
			weight,
			bias,
			shift,
			..
		} => match compact {
			Some(w) => linear_compact(&t[*input].data, w, bias, weight.shape[1], *shift, bits),
			None => linear(
				&t[*input].data,
				&weight.data,
				bias,
				weight.shape[1],
				*shift,
				bits,
			),
		},
		QOp::MatMul { a, b, shift } => matmul(&t[*a], &t[*b], out_shape, *shift, bits),
		QOp::Conv2d {
			input,
			weight,
			bias,
			strides,
			pads,
			dilations,
			group,
			shift,
			..
		} => {
			let geometry = ConvGeometry {
				strides: *strides,
				pads: *pads,
				dilations: *dilations,
				group: *group,
			};
			match compact {
				Some(w) => conv2d_compact(
					&t[*input],
					&weight.shape,
					w,
					bias,
					&geometry,
					out_shape,
					*shift,
					bits,
				),
				None => conv2d(
					&t[*input], weight, bias, *strides, *pads, *dilations, *group, out_shape,
					*shift, bits,
				),
			}
		}
		QOp::Sum {
			inputs,
			multipliers,
			shift,
		} => {
			let xs: Vec<&IntTensor> = inputs.iter().map(|&i| &t[i]).collect();
			broadcast_combine(&xs, out_shape, |vals| {
				let acc: i64 = vals.iter().zip(multipliers).map(|(v, m)| v * m).sum();
				requantize(acc, *shift, bits)
			})
		}
		QOp::Mul { a, b, shift } => broadcast_combine(&[&t[*a], &t[*b]], out_shape, |v| {
			requantize(v[0] * v[1], *shift, bits)
		}),
		QOp::ChannelAffine {
			input,
			multipliers,
			biases,
			shift,
		} => {
			let x = &t[*input];
			let channels = x.shape[1];
			let inner: usize = x.shape[2..].iter().product();
			x.data
				.iter()
				.enumerate()
				.map(|(i, &v)| {
					let c = (i / inner.max(1)) % channels;
					requantize(multipliers[c] * v + biases[c], *shift, bits)
				})
				.collect()
		}
		QOp::Relu { input } => t[*input].data.iter().map(|&v| v.max(0)).collect(),
		QOp::LeakyRelu {
			input,
			multiplier,
			shift,
		} => t[*input]
			.data
			.iter()
			.map(|&v| {
				if v >= 0 {
					v
				} else {
					requantize(multiplier * v, *shift, bits)
				}
			})
			.collect(),
		QOp::Clip { input, min, max } => t[*input]
			.data
			.iter()
			.map(|&v| v.clamp(*min, *max))
			.collect(),
		QOp::PiecewiseLinear {
			input,
			breakpoints,
			slopes,
			intercepts,
			shift,
		} => t[*input]
			.data
			.iter()
			.map(|&v| {
				let s = breakpoints.partition_point(|&b| b <= v);
				requantize(slopes[s] * v + intercepts[s], *shift, bits)
			})
			.collect(),
		QOp::MaxPool {
			input,
			kernel,
			strides,
			pads,
			dilations,
		} => pool(
			&t[*input],
			out_shape,
			*kernel,
			*strides,
			*pads,
			*dilations,
			PoolKind::Max,
		),
		QOp::AvgPool {
			input,
			kernel,
			strides,
			pads,
			count_include_pad,
		} => pool(
			&t[*input],
			out_shape,
			*kernel,
			*strides,
			*pads,
			[1, 1],
			PoolKind::Avg {
				count_include_pad: *count_include_pad,
			},
		),
		QOp::Reshape { input } => t[*input].data.clone(),
		QOp::Transpose { input, perm } => transpose(&t[*input], perm, out_shape),
		QOp::Concat { inputs, axis } => {
			let outer: usize = out_shape[..*axis].iter().product();
			let mut out = Vec::with_capacity(out_shape.iter().product());
			for o in 0..outer {
				for &i in inputs {
					let x = &t[i];
					let chunk: usize = x.shape[*axis..].iter().product();
					out.extend_from_slice(&x.data[o * chunk..(o + 1) * chunk]);
				}
			}
			out
		}
		QOp::Pad { input, pads, value } => pad(&t[*input], pads, *value, out_shape),
	}
}

fn linear(x: &[i64], w: &[i64], bias: &[i64], inn: usize, shift: u32, bits: u32) -> Vec<i64> {
	let out = bias.len();
	let rows = x.len().checked_div(inn).unwrap_or(0);
	let mut y = Vec::with_capacity(rows * out);
	for r in 0..rows {
		let xr = &x[r * inn..(r + 1) * inn];
		for (j, b) in bias.iter().enumerate() {
			let wr = &w[j * inn..(j + 1) * inn];
			let acc: i64 = wr.iter().zip(xr).map(|(w, x)| w * x).sum::<i64>() + b;
			y.push(requantize(acc, shift, bits));
		}
	}
	y
}

dispatch! {
/// [`linear`] with `i32` weights and the vector dot kernel (activations fit in
/// `i32` because `act_bits <= 24`).
fn linear_compact(x: &[i64], w: &[i32], bias: &[i64], inn: usize, shift: u32, bits: u32) -> Vec<i64> {
	let out = bias.len();
	let rows = x.len().checked_div(inn).unwrap_or(0);
	let mut y = Vec::with_capacity(rows * out);
	let mut xr = vec![0i32; inn];
	for r in 0..rows {
		for (d, &v) in xr.iter_mut().zip(&x[r * inn..(r + 1) * inn]) {
			*d = v as i32;
		}
		for (j, b) in bias.iter().enumerate() {
			let acc = dot_i32(&w[j * inn..(j + 1) * inn], &xr) + b;
			y.push(requantize(acc, shift, bits));
		}
	}
	y
}
}

struct ConvGeometry {
	strides: [usize; 2],
	pads: [usize; 4],
	dilations: [usize; 2],
	group: usize,
}

dispatch! {
/// [`conv2d`] with `i32` weights, as a small GEMM: per sample and group, row
/// `k = (ic, ky, kx)` of `cols` holds that tap's input for every output position
/// (gathered from a zero-padded copy), and each output channel accumulates
/// `weight[o, k] · cols[k, :]` over `k` in exact `i64`.
fn conv2d_compact(
	x: &IntTensor,
	wshape: &[usize],
	weight: &[i32],
	bias: &[i64],
	g: &ConvGeometry,
	out_shape: &[usize],
	shift: u32,
	bits: u32,
) -> Vec<i64> {
	let [n, c, h, w] = x.shape[..] else { return vec![] };
	let [oc, icg, kh, kw] = wshape[..] else { return vec![] };
	let ([sh, sw], [pt, pl, pb, pr], [dh, dw]) = (g.strides, g.pads, g.dilations);
	let (oh, ow) = (out_shape[2], out_shape[3]);
	let (hp, wp) = (h + pt + pb, w + pl + pr);
	let (ocg, k, positions) = (oc / g.group, icg * kh * kw, oh * ow);
	let mut y = vec![0i64; n * oc * positions];
	let mut padded = vec![0i32; c * hp * wp];
	let mut cols = vec![0i32; k * positions];
	let mut acc = vec![0i64; positions];
	for b in 0..n {
		for ci in 0..c {
			for r in 0..h {
				let src = &x.data[((b * c + ci) * h + r) * w..][..w];
				let dst = &mut padded[(ci * hp + r + pt) * wp + pl..][..w];
				for (d, &v) in dst.iter_mut().zip(src) {
					*d = v as i32;
				}
			}
		}
		for grp in 0..g.group {
			gather_cols(&padded, &mut cols, grp * icg, icg, [hp, wp], [kh, kw], [sh, sw], [dh, dw], [oh, ow]);
			for o in grp * ocg..(grp + 1) * ocg {
				acc.fill(bias[o]);
				for (kidx, &wv) in weight[o * k..(o + 1) * k].iter().enumerate() {
					if wv != 0 {
						axpy_i32(&mut acc, wv, &cols[kidx * positions..(kidx + 1) * positions]);
					}
				}
				let dst = &mut y[(b * oc + o) * positions..][..positions];
				for (d, &a) in dst.iter_mut().zip(&acc) {
					*d = requantize(a, shift, bits);
				}
			}
		}
	}
	y
}
}

/// im2col: `cols[(i, ky, kx), (r, q)] = padded[c0 + i, r·sh + ky·dh, q·sw + kx·dw]`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
pub(crate) fn gather_cols<T: Copy>(
	padded: &[T],
	cols: &mut [T],
	c0: usize,
	channels: usize,
	[hp, wp]: [usize; 2],
	[kh, kw]: [usize; 2],
	[sh, sw]: [usize; 2],
	[dh, dw]: [usize; 2],
	[oh, ow]: [usize; 2],
) {
	let positions = oh * ow;
	let mut kidx = 0;
	for i in 0..channels {
		let plane = &padded[(c0 + i) * hp * wp..][..hp * wp];
		for ky in 0..kh {
			for kx in 0..kw {
				let dst = &mut cols[kidx * positions..(kidx + 1) * positions];
				for r in 0..oh {
					let src = &plane[(r * sh + ky * dh) * wp + kx * dw..];
					let d = &mut dst[r * ow..(r + 1) * ow];
					if sw == 1 {
						d.copy_from_slice(&src[..ow]);
					} else {
						for (q, v) in d.iter_mut().enumerate() {
							*v = src[q * sw];
						}
					}
				}
				kidx += 1;
			}
		}
	}
}

fn matmul(a: &IntTensor, b: &IntTensor, out_shape: &[usize], shift: u32, bits: u32) -> Vec<i64> {
	let (m, k) = (a.shape[a.shape.len() - 2], a.shape[a.shape.len() - 1]);
	let n = b.shape[b.shape.len() - 1];
	let batches: usize = out_shape[..out_shape.len() - 2].iter().product();
	let b_shared = b.shape.len() == 2;
	let mut y = Vec::with_capacity(batches * m * n);
	for bi in 0..batches {
		let ab = &a.data[bi * m * k..(bi + 1) * m * k];
		let bb = if b_shared {
			&b.data[..]
		} else {
			&b.data[bi * k * n..(bi + 1) * k * n]
		};
		for i in 0..m {
			for j in 0..n {
				let acc: i64 = (0..k).map(|p| ab[i * k + p] * bb[p * n + j]).sum();
				y.push(requantize(acc, shift, bits));
			}
		}
	}
	y
}

#[allow(clippy::too_many_arguments)]
fn conv2d(
	x: &IntTensor,
	weight: &IntTensor,
	bias: &[i64],
	[sh, sw]: [usize; 2],
	[pt, pl, pb, pr]: [usize; 4],
	[dh, dw]: [usize; 2],
	group: usize,
	out_shape: &[usize],
	shift: u32,
	bits: u32,
) -> Vec<i64> {
	let [n, c, h, w] = x.shape[..] else {
		return vec![];
	};
	let [oc, icg, kh, kw] = weight.shape[..] else {
		return vec![];
	};
	let (oh, ow) = (out_shape[2], out_shape[3]);
	let (hp, wp) = (h + pt + pb, w + pl + pr);
	let ocg = oc / group;
	let mut y = vec![0i64; n * oc * oh * ow];
	let mut padded = vec![0i64; c * hp * wp];
	let mut acc = vec![0i64; oh * ow];
	for b in 0..n {
		// Zero-padded copy of this sample, so the inner loops need no bounds tests.
		for ci in 0..c {
			for r in 0..h {
				let src = &x.data[((b * c + ci) * h + r) * w..][..w];
				padded[(ci * hp + r + pt) * wp + pl..][..w].copy_from_slice(src);
			}
		}
		for o in 0..oc {
			acc.fill(bias[o]);
			let g = o / ocg;
			for i in 0..icg {
				let plane = &padded[(g * icg + i) * hp * wp..][..hp * wp];
				for ky in 0..kh {
					for kx in 0..kw {
						let wv = weight.data[((o * icg + i) * kh + ky) * kw + kx];
						if wv == 0 {
							continue;
						}
						for r in 0..oh {
							let row = &plane[(r * sh + ky * dh) * wp + kx * dw..];
							let acc_row = &mut acc[r * ow..(r + 1) * ow];
							if sw == 1 {
								for (a, xv) in acc_row.iter_mut().zip(&row[..ow]) {
									*a += wv * xv;
								}
							} else {
								for (q, a) in acc_row.iter_mut().enumerate() {
									*a += wv * row[q * sw];
								}
							}
						}
					}
				}
			}
			let dst = &mut y[(b * oc + o) * oh * ow..][..oh * ow];
			for (d, a) in dst.iter_mut().zip(&acc) {
				*d = requantize(*a, shift, bits);
			}
		}
	}
	y
}

/// The divisor [`QOp::AvgPool`] uses at each output position `(oh, ow)`
/// (row-major over `out_hw`, the same for every plane): the number of window
/// cells inside the padded input `[−pad_begin, in + pad_end)` when
/// `count_include_pad`, else inside the input `[0, in)`. For circuit builders.
pub fn avg_pool_divisors(
	in_hw: [usize; 2],
	out_hw: [usize; 2],
	kernel: [usize; 2],
	strides: [usize; 2],
	pads: [usize; 4],
	count_include_pad: bool,
) -> Vec<i64> {
	let count = |axis: usize, o: usize| -> i64 {
		(0..kernel[axis])
			.filter(|&k| {
				let pos = (o * strides[axis] + k) as i64 - pads[axis] as i64;
				let (lo, hi) = if count_include_pad {
					(-(pads[axis] as i64), (in_hw[axis] + pads[axis + 2]) as i64)
				} else {
					(0, in_hw[axis] as i64)
				};
				pos >= lo && pos < hi
			})
			.count() as i64
	};
	let mut divisors = Vec::with_capacity(out_hw[0] * out_hw[1]);
	for r in 0..out_hw[0] {
		for q in 0..out_hw[1] {
			divisors.push(count(0, r) * count(1, q));
		}
	}
	divisors
}

#[derive(Clone, Copy)]
enum PoolKind {
	Max,
	Avg { count_include_pad: bool },
}

/// Max or average over each window; see [`QOp::MaxPool`] and [`QOp::AvgPool`].
#[allow(clippy::too_many_arguments)]
fn pool(
	x: &IntTensor,
	out_shape: &[usize],
	[kh, kw]: [usize; 2],
	[sh, sw]: [usize; 2],
	[pt, pl, pb, pr]: [usize; 4],
	[dh, dw]: [usize; 2],
	kind: PoolKind,
) -> Vec<i64> {
	let [n, c, h, w] = x.shape[..] else {
		return vec![];
	};
	let (oh, ow) = (out_shape[2], out_shape[3]);
	let mut y = Vec::with_capacity(n * c * oh * ow);
	// (inside the input, inside the padded input) of a window position.
	let classify = |pos: i64, begin: usize, len: usize, end: usize| {
		(
			pos >= 0 && (pos as usize) < len,
			pos >= -(begin as i64) && pos < (len + end) as i64,
		)
	};
	if pt + pl + pb + pr == 0 && dh == 1 && dw == 1 {
		// No padding: every window lies inside the input, `count = kh·kw`.
		let count = (kh * kw) as i64;
		for plane in x.data.chunks(h * w).take(n * c) {
			for r in 0..oh {
				for q in 0..ow {
					let (mut max, mut sum) = (i64::MIN, 0i64);
					for ky in 0..kh {
						let row = &plane[(r * sh + ky) * w + q * sw..][..kw];
						for &v in row {
							max = max.max(v);
							sum += v;
						}
					}
					y.push(match kind {
						PoolKind::Max => max,
						PoolKind::Avg { .. } => round_div(sum, count),
					});
				}
			}
		}
		return y;
	}
	for plane in x.data.chunks(h * w).take(n * c) {
		for r in 0..oh {
			for q in 0..ow {
				let (mut max, mut sum, mut inside, mut padded) = (i64::MIN, 0i64, 0i64, 0i64);
				for ky in 0..kh {
					let row = (r * sh + ky * dh) as i64 - pt as i64;
					let (row_in, row_padded) = classify(row, pt, h, pb);
					if !row_padded {
						continue;
					}
					for kx in 0..kw {
						let col = (q * sw + kx * dw) as i64 - pl as i64;
						let (col_in, col_padded) = classify(col, pl, w, pr);
						padded += col_padded as i64;
						if row_in && col_in {
							let v = plane[row as usize * w + col as usize];
							max = max.max(v);
							sum += v;
							inside += 1;
						}
					}
				}
				y.push(match kind {
					// Validation guarantees every window has a cell inside the input.
					PoolKind::Max => max,
					PoolKind::Avg { count_include_pad } => {
						round_div(sum, if count_include_pad { padded } else { inside }.max(1))
					}
				});
			}
		}
	}
	y
}

/// Elementwise `f` over broadcast inputs.
fn broadcast_combine(
	xs: &[&IntTensor],
	out_shape: &[usize],
	f: impl Fn(&[i64]) -> i64,
) -> Vec<i64> {
	let total: usize = out_shape.iter().product();
	let mut vals = vec![0i64; xs.len()];
	if xs.iter().all(|x| x.shape == out_shape) {
		return (0..total)
			.map(|i| {
				for (v, x) in vals.iter_mut().zip(xs) {
					*v = x.data[i];
				}
				f(&vals)
			})
			.collect();
	}
	let in_strides: Vec<Vec<usize>> = xs
		.iter()
		.map(|x| broadcast_strides(&x.shape, out_shape))
		.collect();
	let mut offsets = vec![0usize; xs.len()];
	let mut index = vec![0usize; out_shape.len()];
	let mut y = Vec::with_capacity(total);
	for _ in 0..total {
		for ((v, x), off) in vals.iter_mut().zip(xs).zip(&offsets) {
			*v = x.data[*off];
		}
		y.push(f(&vals));
		// Advance the multi-index (last axis fastest), updating each input's offset.
		for d in (0..out_shape.len()).rev() {
			index[d] += 1;
			for (off, s) in offsets.iter_mut().zip(&in_strides) {
				*off += s[d];
			}
			if index[d] < out_shape[d] {
				break;
			}
			for (off, s) in offsets.iter_mut().zip(&in_strides) {
				*off -= s[d] * index[d];
			}
			index[d] = 0;
		}
	}
	y
}

fn transpose(x: &IntTensor, perm: &[usize], out_shape: &[usize]) -> Vec<i64> {
	let in_strides = strides(&x.shape);
	let src_strides: Vec<usize> = perm.iter().map(|&p| in_strides[p]).collect();
	let total: usize = out_shape.iter().product();
	let mut index = vec![0usize; out_shape.len()];
	let mut y = Vec::with_capacity(total);
	for _ in 0..total {
		let off: usize = index.iter().zip(&src_strides).map(|(i, s)| i * s).sum();
		y.push(x.data[off]);
		for d in (0..out_shape.len()).rev() {
			index[d] += 1;
			if index[d] < out_shape[d] {
				break;
			}
			index[d] = 0;
		}
	}
	y
}

fn pad(x: &IntTensor, pads: &[usize], value: i64, out_shape: &[usize]) -> Vec<i64> {
	let rank = x.shape.len();
	let total: usize = out_shape.iter().product();
	let mut y = vec![value; total];
	let mut index = vec![0usize; rank];
	let out_strides = strides(out_shape);
	// Walk the input and place each value; untouched cells keep `value`.
	for &v in &x.data {
		let off: usize = (0..rank)
			.map(|d| (index[d] + pads[d]) * out_strides[d])
			.sum();
		y[off] = v;
		for d in (0..rank).rev() {
			index[d] += 1;
			if index[d] < x.shape[d] {
				break;
			}
			index[d] = 0;
		}
	}
	y
}

/// Convenience for tests and tools: the id of a named output.
pub fn output_tensor(model: &QuantizedModel, name: &str) -> Option<TensorId> {
	model
		.outputs
		.iter()
		.find(|o| o.name == name)
		.map(|o| o.tensor)
}
