//! One function per [`QOp`]: the linear part as a linear combination (free),
//! then the gadgets for the non-linear part. Loop orders mirror the engine's
//! executor so element `i` of every tensor is the engine's element `i`.

use verity_inference::quant::avg_pool_divisors;
use verity_inference::shape::{broadcast_strides, strides};
use verity_inference::{QOp, QuantizedModel};

use super::Ctx;
use crate::gadgets::avgpool::div_round;
use crate::gadgets::compare::{clip, is_nonneg};
use crate::gadgets::max::max;
use crate::gadgets::product::mul;
use crate::gadgets::pwl::piecewise_linear;
use crate::gadgets::relu::relu;
use crate::gadgets::rescale::{requantize, Requantize};
use crate::gadgets::{enforce_mul, linear, Wire};
use crate::r1cs::Backend;
use crate::{Error, Result};

/// `Σ k·[lo, hi]`: the interval of a linear combination.
fn interval(constant: i128, terms: impl Iterator<Item = (i128, (i128, i128))>) -> (i128, i128) {
	terms.fold((constant, constant), |(a, b), (k, (lo, hi))| {
		let (x, y) = (k * lo, k * hi);
		(a + x.min(y), b + x.max(y))
	})
}

fn product_interval((a, b): (i128, i128), (c, d): (i128, i128)) -> (i128, i128) {
	let p = [a * c, a * d, b * c, b * d];
	(*p.iter().min().unwrap_or(&0), *p.iter().max().unwrap_or(&0))
}

/// Requantizes the accumulators of tensor `t` (ending every op with a
/// `shift`), clamping to `[0, hi]` when a ReLU is fused; stores the wires and
/// interval in the right tensor.
fn finish_requantized<B: Backend>(
	b: &mut B,
	ctx: &mut Ctx,
	t: usize,
	accs: Vec<(Wire, (i128, i128))>,
	shift: u32,
) -> Result<()> {
	let target = ctx.fused[t].unwrap_or(t);
	let lo = if ctx.fused[t].is_some() { 0 } else { ctx.b_lo };
	let mut range = (i128::MAX, i128::MIN);
	let mut out = Vec::with_capacity(accs.len());
	for (i, (acc, (amin, amax))) in accs.into_iter().enumerate() {
		// A requantized value outside the b-bit range is never the engine's.
		let v = ctx.trace_value(t, i);
		if v < ctx.b_lo || v > ctx.b_hi {
			return Err(Error::Witness(format!(
				"tensor {t}[{i}] = {v} is outside the {}-bit range",
				ctx.bits
			)));
		}
		let p = Requantize {
			amin,
			amax,
			shift,
			lo,
			hi: ctx.b_hi,
			b_lo: ctx.b_lo,
			b_hi: ctx.b_hi,
		};
		let (ylo, yhi) = p.output_interval();
		range = (range.0.min(ylo), range.1.max(yhi));
		out.push(requantize(
			b,
			&acc,
			&p,
			ctx.trace_value(t, i),
			ctx.trace_value(target, i),
		));
	}
	if out.is_empty() {
		range = (0, 0);
	}
	if target != t {
		// Where the fused ReLU is the identity its output is the requantize's
		// wire itself; the trace must agree.
		check_moved(ctx, target, &out)?;
	}
	ctx.wires[target] = out;
	ctx.ranges[target] = range;
	Ok(())
}

/// Outputs that are the same wires as inputs (moves, constants): the trace
/// must agree, or there is no witness at all.
fn check_moved(ctx: &Ctx, t: usize, wires: &[Wire]) -> Result<()> {
	for (i, w) in wires.iter().enumerate() {
		let v = ctx.trace_value(t, i);
		if w.val != v {
			return Err(Error::Witness(format!(
				"tensor {t}[{i}] is {v} in the trace but {} by construction",
				w.val
			)));
		}
	}
	Ok(())
}

fn range_of(wires: &[Wire]) -> (i128, i128) {
	let lo = wires.iter().map(|w| w.val).min().unwrap_or(0);
	let hi = wires.iter().map(|w| w.val).max().unwrap_or(0);
	(lo, hi)
}

pub(super) fn compile_op<B: Backend>(
	b: &mut B,
	model: &QuantizedModel,
	ctx: &mut Ctx,
	op: &QOp,
	t: usize,
) -> Result<()> {
	let shape = model.tensors[t].shape.clone();
	match op {
		QOp::Constant { value } => {
			let wires: Vec<Wire> = value
				.data
				.iter()
				.map(|&v| Wire::constant(v as i128))
				.collect();
			check_moved(ctx, t, &wires)?;
			ctx.ranges[t] = range_of(&wires);
			ctx.wires[t] = wires;
		}
		QOp::Linear {
			input,
			weight,
			bias,
			shift,
			..
		} => {
			let (out_f, in_f) = (weight.shape[0], weight.shape[1]);
			let xr = ctx.ranges[*input];
			let row_ranges: Vec<(i128, i128)> = (0..out_f)
				.map(|j| {
					interval(
						bias[j] as i128,
						weight.data[j * in_f..(j + 1) * in_f]
							.iter()
							.map(|&w| (w as i128, xr)),
					)
				})
				.collect();
			let x = &ctx.wires[*input];
			let rows = x.len().checked_div(in_f).unwrap_or(0);
			let mut accs = Vec::with_capacity(rows * out_f);
			for r in 0..rows {
				let xs = &x[r * in_f..(r + 1) * in_f];
				for j in 0..out_f {
					let w = &weight.data[j * in_f..(j + 1) * in_f];
					let acc = linear(
						b,
						bias[j] as i128,
						w.iter().zip(xs).map(|(&w, x)| (w as i128, x)),
					);
					accs.push((acc, row_ranges[j]));
				}
			}
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::Conv2d {
			input,
			weight,
			bias,
			strides: [sh, sw],
			pads: [pt, pl, _, _],
			dilations: [dh, dw],
			group,
			shift,
			..
		} => {
			let xs = &model.tensors[*input].shape;
			let (n, c, h, w) = (xs[0], xs[1], xs[2], xs[3]);
			let (oc, icg, kh, kw) = (
				weight.shape[0],
				weight.shape[1],
				weight.shape[2],
				weight.shape[3],
			);
			let (oh, ow) = (shape[2], shape[3]);
			let ocg = oc / group;
			let (xlo, xhi) = ctx.ranges[*input];
			let padded = (xlo.min(0), xhi.max(0)); // zero padding joins the interval
			let per = icg * kh * kw;
			let ch_ranges: Vec<(i128, i128)> = (0..oc)
				.map(|o| {
					interval(
						bias[o] as i128,
						weight.data[o * per..(o + 1) * per]
							.iter()
							.map(|&wv| (wv as i128, padded)),
					)
				})
				.collect();
			let x = &ctx.wires[*input];
			let mut accs = Vec::with_capacity(n * oc * oh * ow);
			let mut terms: Vec<(i128, &Wire)> = Vec::with_capacity(per);
			for bi in 0..n {
				for o in 0..oc {
					let g = o / ocg;
					for r in 0..oh {
						for q in 0..ow {
							terms.clear();
							for i in 0..icg {
								let ci = g * icg + i;
								for ky in 0..kh {
									let row = (r * sh + ky * dh) as isize - *pt as isize;
									if row < 0 || row >= h as isize {
										continue;
									}
									for kx in 0..kw {
										let col = (q * sw + kx * dw) as isize - *pl as isize;
										if col < 0 || col >= w as isize {
											continue;
										}
										let wv = weight.data[((o * icg + i) * kh + ky) * kw + kx]
											as i128;
										let xi =
											((bi * c + ci) * h + row as usize) * w + col as usize;
										terms.push((wv, &x[xi]));
									}
								}
							}
							let acc = linear(b, bias[o] as i128, terms.iter().copied());
							accs.push((acc, ch_ranges[o]));
						}
					}
				}
			}
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::MatMul { a, b: bt, shift } => {
			let (ash, bsh) = (&model.tensors[*a].shape, &model.tensors[*bt].shape);
			let (m, k) = (ash[ash.len() - 2], ash[ash.len() - 1]);
			let nn = bsh[bsh.len() - 1];
			let batches: usize = shape[..shape.len() - 2].iter().product();
			let shared = bsh.len() == 2;
			let pr = product_interval(ctx.ranges[*a], ctx.ranges[*bt]);
			let range = (pr.0 * k as i128, pr.1 * k as i128);
			let mut accs = Vec::with_capacity(batches * m * nn);
			for bi in 0..batches {
				for i in 0..m {
					for j in 0..nn {
						let mut products = Vec::with_capacity(k);
						for p in 0..k {
							let av = &ctx.wires[*a][bi * m * k + i * k + p];
							let boff = if shared { 0 } else { bi * k * nn };
							let bv = &ctx.wires[*bt][boff + p * nn + j];
							let (av, bv) = (av.clone(), bv.clone());
							products.push(mul(b, &av, &bv));
						}
						let acc = linear(b, 0, products.iter().map(|p| (1, p)));
						accs.push((acc, range));
					}
				}
			}
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::Sum {
			inputs,
			multipliers,
			shift,
		} => {
			let total: usize = shape.iter().product();
			let in_strides: Vec<Vec<usize>> = inputs
				.iter()
				.map(|&i| broadcast_strides(&model.tensors[i].shape, &shape))
				.collect();
			let range = interval(
				0,
				inputs
					.iter()
					.zip(multipliers)
					.map(|(&i, &m)| (m as i128, ctx.ranges[i])),
			);
			let out_strides = strides(&shape);
			let mut accs = Vec::with_capacity(total);
			for e in 0..total {
				let terms: Vec<(i128, &Wire)> = inputs
					.iter()
					.zip(multipliers)
					.zip(&in_strides)
					.map(|((&i, &m), st)| (m as i128, &ctx.wires[i][offset(e, &out_strides, st)]))
					.collect();
				accs.push((linear(b, 0, terms), range));
			}
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::Mul { a, b: bt, shift } => {
			let total: usize = shape.iter().product();
			let (sa, sb) = (
				broadcast_strides(&model.tensors[*a].shape, &shape),
				broadcast_strides(&model.tensors[*bt].shape, &shape),
			);
			let out_strides = strides(&shape);
			let range = product_interval(ctx.ranges[*a], ctx.ranges[*bt]);
			let mut accs = Vec::with_capacity(total);
			for e in 0..total {
				let x = ctx.wires[*a][offset(e, &out_strides, &sa)].clone();
				let y = ctx.wires[*bt][offset(e, &out_strides, &sb)].clone();
				accs.push((mul(b, &x, &y), range));
			}
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::ChannelAffine {
			input,
			multipliers,
			biases,
			shift,
		} => {
			let xs = &model.tensors[*input].shape;
			let channels = xs[1];
			let inner: usize = xs[2..].iter().product::<usize>().max(1);
			let xr = ctx.ranges[*input];
			let accs = ctx.wires[*input]
				.iter()
				.enumerate()
				.map(|(i, x)| {
					let c = (i / inner) % channels;
					let (m, k) = (multipliers[c] as i128, biases[c] as i128);
					(linear(b, k, [(m, x)]), interval(k, [(m, xr)].into_iter()))
				})
				.collect();
			finish_requantized(b, ctx, t, accs, *shift)?;
		}
		QOp::Relu { input } => {
			if ctx.fused[*input] == Some(t) {
				return Ok(()); // produced by the requantize of `input`
			}
			let (xlo, xhi) = ctx.ranges[*input];
			let wires: Vec<Wire> = ctx.wires[*input]
				.clone()
				.iter()
				.enumerate()
				.map(|(i, x)| relu(b, x, xlo, xhi, ctx.trace_value(t, i)))
				.collect();
			if xlo >= 0 || xhi <= 0 {
				check_moved(ctx, t, &wires)?;
			}
			ctx.ranges[t] = (xlo.max(0), xhi.max(0));
			ctx.wires[t] = wires;
		}
		QOp::LeakyRelu {
			input,
			multiplier,
			shift,
		} => {
			let (xlo, xhi) = ctx.ranges[*input];
			let m = *multiplier as i128;
			let neg = Requantize {
				amin: (m * xlo).min(m * xhi),
				amax: (m * xlo).max(m * xhi),
				shift: *shift,
				lo: ctx.b_lo,
				hi: ctx.b_hi,
				b_lo: ctx.b_lo,
				b_hi: ctx.b_hi,
			};
			let xs = ctx.wires[*input].clone();
			let mut wires = Vec::with_capacity(xs.len());
			for (i, x) in xs.iter().enumerate() {
				// y = x + (1 − [x >= 0])·(z − x), z = requantize(m·x)
				let s = is_nonneg(b, x, xlo, xhi);
				let acc = x.scale(b, m);
				let z_val = neg.quotient(acc.val).clamp(ctx.b_lo, ctx.b_hi);
				let z = requantize(b, &acc, &neg, z_val, z_val);
				let not_s = Wire::constant(1).add_scaled(b, &s, -1);
				let gap = z.add_scaled(b, x, -1);
				let corr = Wire::alloc(b, ctx.trace_value(t, i) - x.val);
				enforce_mul(b, &not_s, &gap, &corr);
				wires.push(x.add_scaled(b, &corr, 1));
			}
			ctx.ranges[t] = (ctx.b_lo, ctx.b_hi);
			ctx.wires[t] = wires;
		}
		QOp::Clip {
			input,
			min,
			max: hi,
		} => {
			let (xlo, xhi) = ctx.ranges[*input];
			let (lo, hi) = (*min as i128, *hi as i128);
			let xs = ctx.wires[*input].clone();
			let wires: Vec<Wire> = xs
				.iter()
				.enumerate()
				.map(|(i, x)| clip(b, x, xlo, xhi, lo, hi, ctx.trace_value(t, i)))
				.collect();
			if xlo >= lo && xhi <= hi {
				check_moved(ctx, t, &wires)?;
			}
			ctx.ranges[t] = (xlo.clamp(lo, hi), xhi.clamp(lo, hi));
			ctx.wires[t] = wires;
		}
		QOp::PiecewiseLinear {
			input,
			breakpoints,
			slopes,
			intercepts,
			shift,
		} => {
			let xr = ctx.ranges[*input];
			let xs = ctx.wires[*input].clone();
			let bounds = (ctx.b_lo, ctx.b_hi);
			let wires: Vec<Wire> = xs
				.iter()
				.enumerate()
				.map(|(i, x)| {
					piecewise_linear(
						b,
						x,
						xr,
						breakpoints,
						slopes,
						intercepts,
						*shift,
						bounds,
						ctx.trace_value(t, i),
					)
				})
				.collect();
			ctx.ranges[t] = (ctx.b_lo, ctx.b_hi);
			ctx.wires[t] = wires;
		}
		QOp::MaxPool {
			input,
			kernel,
			strides: st,
			pads,
			dilations,
		} => {
			let xr = ctx.ranges[*input];
			let xs = ctx.wires[*input].clone();
			let in_shape = model.tensors[*input].shape.clone();
			let mut wires = Vec::new();
			windows(
				&in_shape,
				&shape,
				*kernel,
				*st,
				*pads,
				*dilations,
				|out_i, cells, _| {
					let claimed = ctx.trace_value(t, out_i);
					let mut acc = xs[cells[0]].clone();
					for (k, &c) in cells.iter().enumerate().skip(1) {
						let v = if k + 1 == cells.len() {
							claimed
						} else {
							acc.val.max(xs[c].val)
						};
						acc = max(b, &xs[c], &acc, xr, xr, v);
					}
					if cells.len() == 1 && acc.val != claimed {
						return Err(Error::Witness(format!(
							"tensor {t}[{out_i}] disagrees with its 1-cell window"
						)));
					}
					wires.push(acc);
					Ok(())
				},
			)?;
			ctx.ranges[t] = xr;
			ctx.wires[t] = wires;
		}
		QOp::AvgPool {
			input,
			kernel,
			strides: st,
			pads,
			count_include_pad,
		} => {
			let xr = ctx.ranges[*input];
			let xs = ctx.wires[*input].clone();
			let in_shape = model.tensors[*input].shape.clone();
			let divisors = avg_pool_divisors(
				[in_shape[2], in_shape[3]],
				[shape[2], shape[3]],
				*kernel,
				*st,
				*pads,
				*count_include_pad,
			);
			let plane = shape[2] * shape[3];
			let mut wires = Vec::new();
			windows(
				&in_shape,
				&shape,
				*kernel,
				*st,
				*pads,
				[1, 1],
				|out_i, cells, _| {
					let sum = linear(b, 0, cells.iter().map(|&c| (1, &xs[c])));
					let n = cells.len() as i128;
					let c = divisors[out_i % plane].max(1) as i128;
					wires.push(div_round(
						b,
						&sum,
						n * xr.0,
						n * xr.1,
						c,
						ctx.trace_value(t, out_i),
					));
					Ok(())
				},
			)?;
			ctx.ranges[t] = (xr.0.min(0), xr.1.max(0));
			ctx.wires[t] = wires;
		}
		QOp::Reshape { input } => {
			let wires = ctx.wires[*input].clone();
			check_moved(ctx, t, &wires)?;
			ctx.ranges[t] = ctx.ranges[*input];
			ctx.wires[t] = wires;
		}
		QOp::Transpose { input, perm } => {
			let in_strides = strides(&model.tensors[*input].shape);
			let src: Vec<usize> = perm.iter().map(|&p| in_strides[p]).collect();
			let out_strides = strides(&shape);
			let total: usize = shape.iter().product();
			let wires: Vec<Wire> = (0..total)
				.map(|e| ctx.wires[*input][offset(e, &out_strides, &src)].clone())
				.collect();
			check_moved(ctx, t, &wires)?;
			ctx.ranges[t] = ctx.ranges[*input];
			ctx.wires[t] = wires;
		}
		QOp::Concat { inputs, axis } => {
			let outer: usize = shape[..*axis].iter().product();
			let mut wires = Vec::with_capacity(shape.iter().product());
			let mut range = (i128::MAX, i128::MIN);
			for &i in inputs {
				range = (range.0.min(ctx.ranges[i].0), range.1.max(ctx.ranges[i].1));
			}
			for o in 0..outer {
				for &i in inputs {
					let chunk: usize = model.tensors[i].shape[*axis..].iter().product();
					wires.extend_from_slice(&ctx.wires[i][o * chunk..(o + 1) * chunk]);
				}
			}
			check_moved(ctx, t, &wires)?;
			ctx.ranges[t] = range;
			ctx.wires[t] = wires;
		}
		QOp::Pad { input, pads, value } => {
			let in_shape = &model.tensors[*input].shape;
			let rank = in_shape.len();
			let total: usize = shape.iter().product();
			let mut wires = vec![Wire::constant(*value as i128); total];
			let out_strides = strides(&shape);
			let mut index = vec![0usize; rank];
			for x in &ctx.wires[*input] {
				let off: usize = (0..rank)
					.map(|d| (index[d] + pads[d]) * out_strides[d])
					.sum();
				wires[off] = x.clone();
				for d in (0..rank).rev() {
					index[d] += 1;
					if index[d] < in_shape[d] {
						break;
					}
					index[d] = 0;
				}
			}
			check_moved(ctx, t, &wires)?;
			let (lo, hi) = ctx.ranges[*input];
			ctx.ranges[t] = (lo.min(*value as i128), hi.max(*value as i128));
			ctx.wires[t] = wires;
		}
	}
	Ok(())
}

/// Offset into an input with `in_strides` (0 on broadcast axes) of output element `e`.
fn offset(mut e: usize, out_strides: &[usize], in_strides: &[usize]) -> usize {
	let mut off = 0;
	for (os, is) in out_strides.iter().zip(in_strides) {
		let i = e / os;
		e %= os;
		off += i * is;
	}
	off
}

/// Calls `f(output index, input cells inside the input, padded count)` for every
/// pooling window, in the engine's order (plane by plane, row-major).
#[allow(clippy::too_many_arguments)]
fn windows(
	in_shape: &[usize],
	out_shape: &[usize],
	[kh, kw]: [usize; 2],
	[sh, sw]: [usize; 2],
	[pt, pl, _, _]: [usize; 4],
	[dh, dw]: [usize; 2],
	mut f: impl FnMut(usize, &[usize], usize) -> Result<()>,
) -> Result<()> {
	let (planes, h, w) = (in_shape[0] * in_shape[1], in_shape[2], in_shape[3]);
	let (oh, ow) = (out_shape[2], out_shape[3]);
	let mut cells = Vec::with_capacity(kh * kw);
	let mut out_i = 0;
	for p in 0..planes {
		for r in 0..oh {
			for q in 0..ow {
				cells.clear();
				for ky in 0..kh {
					let row = (r * sh + ky * dh) as isize - pt as isize;
					if row < 0 || row >= h as isize {
						continue;
					}
					for kx in 0..kw {
						let col = (q * sw + kx * dw) as isize - pl as isize;
						if col >= 0 && col < w as isize {
							cells.push(p * h * w + row as usize * w + col as usize);
						}
					}
				}
				if cells.is_empty() {
					return Err(Error::Unsupported(
						"a pooling window lies entirely in padding".into(),
					));
				}
				f(out_i, &cells, 0)?;
				out_i += 1;
			}
		}
	}
	Ok(())
}
