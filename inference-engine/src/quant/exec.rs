//! The integer executor: pure `i64` arithmetic, single-threaded per sample, in a
//! fixed loop order. Results are identical on every machine and thread count.

use rayon::prelude::*;

use super::arith::{bit_range, requantize, round_div};
use super::model::{IntTensor, QOp, QuantizedModel, TensorId};
use crate::error::{Error, Result};
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
        model.outputs.iter().map(|o| &self.tensors[o.tensor]).collect()
    }
}

impl QuantizedModel {
    /// Run the model on quantized inputs (in [`QuantizedModel::inputs`] order) and
    /// return every intermediate tensor. The model must be validated (models from
    /// [`QuantizedModel::from_bytes`] and from quantization are).
    pub fn run_traced(&self, inputs: &[IntTensor]) -> Result<Trace> {
        if inputs.len() != self.inputs.len() {
            return Err(Error::Input {
                name: "*".into(),
                reason: format!("model has {} inputs, got {}", self.inputs.len(), inputs.len()),
            });
        }
        let (lo, hi) = bit_range(self.act_bits);
        let mut tensors = Vec::with_capacity(self.tensors.len());
        for (input, given) in self.inputs.iter().zip(inputs) {
            let spec = &self.tensors[input.tensor];
            if given.shape != spec.shape || given.data.len() != given.shape.iter().product::<usize>() {
                return Err(Error::Input {
                    name: input.name.clone(),
                    reason: format!("expected shape {:?}, got {:?}", spec.shape, given.shape),
                });
            }
            if let Some(v) = given.data.iter().find(|v| !(lo..=hi).contains(*v)) {
                return Err(Error::Input {
                    name: input.name.clone(),
                    reason: format!("value {v} outside the {}-bit range", self.act_bits),
                });
            }
            tensors.push(given.clone());
        }
        for (j, node) in self.ops.iter().enumerate() {
            let out_shape = &self.tensors[self.op_output(j)].shape;
            let data = eval_op(&node.op, &tensors, out_shape, self.act_bits);
            tensors.push(IntTensor {
                shape: out_shape.clone(),
                data,
            });
        }
        Ok(Trace { tensors })
    }

    /// Run and return only the integer outputs, in [`QuantizedModel::outputs`] order.
    pub fn run(&self, inputs: &[IntTensor]) -> Result<Vec<IntTensor>> {
        let mut trace = self.run_traced(inputs)?;
        Ok(self
            .outputs
            .iter()
            .map(|o| std::mem::replace(&mut trace.tensors[o.tensor], IntTensor { shape: vec![], data: vec![] }))
            .collect())
    }

    /// Run many samples, in parallel across samples (each sample's arithmetic is
    /// the same sequential code as [`Self::run`], so results do not depend on the
    /// thread count).
    pub fn run_batch(&self, samples: &[Vec<IntTensor>]) -> Result<Vec<Vec<IntTensor>>> {
        samples.par_iter().map(|s| self.run(s)).collect()
    }
}

fn eval_op(op: &QOp, t: &[IntTensor], out_shape: &[usize], bits: u32) -> Vec<i64> {
    match op {
        QOp::Constant { value } => value.data.clone(),
        QOp::Linear {
            input,
            weight,
            bias,
            shift,
            ..
        } => linear(&t[*input].data, &weight.data, bias, weight.shape[1], *shift, bits),
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
        } => conv2d(&t[*input], weight, bias, *strides, *pads, *dilations, *group, out_shape, *shift, bits),
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
            .map(|&v| if v >= 0 { v } else { requantize(multiplier * v, *shift, bits) })
            .collect(),
        QOp::Clip { input, min, max } => t[*input].data.iter().map(|&v| v.clamp(*min, *max)).collect(),
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
        } => pool(&t[*input], out_shape, *kernel, *strides, *pads, *dilations, |cells, _| {
            cells.iter().copied().max().unwrap_or(0)
        }),
        QOp::AvgPool {
            input,
            kernel,
            strides,
            pads,
            count_include_pad,
        } => pool(&t[*input], out_shape, *kernel, *strides, *pads, [1, 1], |cells, padded_count| {
            let count = if *count_include_pad { padded_count } else { cells.len() };
            round_div(cells.iter().sum(), count.max(1) as i64)
        }),
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
    let rows = if inn == 0 { 0 } else { x.len() / inn };
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

fn matmul(a: &IntTensor, b: &IntTensor, out_shape: &[usize], shift: u32, bits: u32) -> Vec<i64> {
    let (m, k) = (a.shape[a.shape.len() - 2], a.shape[a.shape.len() - 1]);
    let n = b.shape[b.shape.len() - 1];
    let batches: usize = out_shape[..out_shape.len() - 2].iter().product();
    let b_shared = b.shape.len() == 2;
    let mut y = Vec::with_capacity(batches * m * n);
    for bi in 0..batches {
        let ab = &a.data[bi * m * k..(bi + 1) * m * k];
        let bb = if b_shared { &b.data[..] } else { &b.data[bi * k * n..(bi + 1) * k * n] };
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
    let [n, c, h, w] = x.shape[..] else { return vec![] };
    let [oc, icg, kh, kw] = weight.shape[..] else { return vec![] };
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

/// Applies `f(cells inside the input, cells inside the padded input)` to each window.
fn pool(
    x: &IntTensor,
    out_shape: &[usize],
    [kh, kw]: [usize; 2],
    [sh, sw]: [usize; 2],
    [pt, pl, pb, pr]: [usize; 4],
    [dh, dw]: [usize; 2],
    f: impl Fn(&[i64], usize) -> i64,
) -> Vec<i64> {
    let [n, c, h, w] = x.shape[..] else { return vec![] };
    let (oh, ow) = (out_shape[2], out_shape[3]);
    let mut y = Vec::with_capacity(n * c * oh * ow);
    let mut cells = Vec::with_capacity(kh * kw);
    let inside = |pos: i64, begin: usize, len: usize, end: usize| {
        (pos >= 0 && (pos as usize) < len, pos >= -(begin as i64) && pos < (len + end) as i64)
    };
    for plane in x.data.chunks(h * w).take(n * c) {
        for r in 0..oh {
            for q in 0..ow {
                cells.clear();
                let mut padded_count = 0;
                for ky in 0..kh {
                    let row = (r * sh + ky * dh) as i64 - pt as i64;
                    let (row_in, row_padded) = inside(row, pt, h, pb);
                    for kx in 0..kw {
                        let col = (q * sw + kx * dw) as i64 - pl as i64;
                        let (col_in, col_padded) = inside(col, pl, w, pr);
                        if row_padded && col_padded {
                            padded_count += 1;
                        }
                        if row_in && col_in {
                            cells.push(plane[row as usize * w + col as usize]);
                        }
                    }
                }
                y.push(f(&cells, padded_count));
            }
        }
    }
    y
}

/// Elementwise `f` over broadcast inputs.
fn broadcast_combine(xs: &[&IntTensor], out_shape: &[usize], f: impl Fn(&[i64]) -> i64) -> Vec<i64> {
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
    let in_strides: Vec<Vec<usize>> = xs.iter().map(|x| broadcast_strides(&x.shape, out_shape)).collect();
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
        let off: usize = (0..rank).map(|d| (index[d] + pads[d]) * out_strides[d]).sum();
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
    model.outputs.iter().find(|o| o.name == name).map(|o| o.tensor)
}
