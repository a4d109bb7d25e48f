//! Conversion of each supported ONNX op (opsets 6–21) into IR nodes, with
//! static shape inference.

use super::attrs::Attrs;
use super::proto::NodeProto;
use super::tensor::{decode_tensor, ConstTensor};
use super::{Builder, NodeCtx};
use crate::error::Result;
use crate::ir::{Op, ValueId};
use crate::shape::{broadcast_shapes, every_window_touches_input, pool_output_size};
use crate::tensor::Tensor;

/// Resolve a possibly negative axis against `rank` (`rank_extra` allows the
/// one-past-the-end position used by Unsqueeze/Flatten).
fn axis(ctx: &NodeCtx, a: i64, rank: usize, what: &str) -> Result<usize> {
	let r = rank as i64;
	let v = if a < 0 { a + r } else { a };
	if (0..r).contains(&v) {
		Ok(v as usize)
	} else {
		Err(ctx.err(format!("{what} {a} out of range for rank {rank}")))
	}
}

impl Builder<'_> {
	pub fn convert(&mut self, node: &NodeProto, index: usize) -> Result<()> {
		let op_type = node.op_type.clone().unwrap_or_default();
		let name = match node.name.as_deref() {
			Some(n) if !n.is_empty() => n.to_string(),
			_ => format!("{op_type}#{index}"),
		};
		let ctx = NodeCtx {
			name: name.clone(),
			op: op_type.clone(),
		};
		match node.domain.as_deref().unwrap_or("") {
			"" | "ai.onnx" => {}
			d => return Err(ctx.err(format!("domain '{d}' is not supported"))),
		}
		let attrs = Attrs::new(&name, &op_type, node)?;
		// Optional inputs are given as empty names.
		let inputs: Vec<Option<ValueId>> = node
			.input
			.iter()
			.map(|n| {
				if n.is_empty() {
					Ok(None)
				} else {
					self.lookup(n).map(Some)
				}
			})
			.collect::<Result<_, String>>()
			.map_err(|why| ctx.err(format!("input {why}")))?;
		let out_name = node
			.output
			.first()
			.filter(|n| !n.is_empty())
			.cloned()
			.ok_or_else(|| ctx.err("node has no output"))?;
		for extra in &node.output[1..] {
			self.mark_unavailable(
                extra,
                format!("output '{extra}' of node '{name}' ({op_type}) is not supported (inference only)"),
            );
		}
		let input = |i: usize| -> Result<ValueId> {
			inputs
				.get(i)
				.copied()
				.flatten()
				.ok_or_else(|| ctx.err(format!("missing required input {i}")))
		};
		let shape_of = |b: &Self, id: ValueId| b.values[id].shape.clone();

		match op_type.as_str() {
			"Identity" | "Dropout" => {
				let x = input(0)?;
				self.alias(&out_name, x);
			}
			"Constant" => {
				let c = self.constant_attr(&ctx, &attrs)?;
				self.add_constant(&out_name, c).map_err(|w| ctx.err(w))?;
			}
			"ConstantOfShape" => {
				let dims = self.const_ints(&ctx, input(0)?, "shape")?;
				let value = match attrs.tensor("value")? {
					Some(t) => decode_tensor(t, 1).map_err(|w| ctx.err(format!("value: {w}")))?,
					None => ConstTensor {
						shape: vec![1],
						floats: vec![0.0],
						ints: None,
					},
				};
				let fill = *value
					.floats
					.first()
					.ok_or_else(|| ctx.err("value must have one element"))?;
				let (shape, n) =
					super::tensor::checked_dims(&dims, self.options.max_tensor_elements)
						.map_err(|w| ctx.err(w))?;
				let ints = value.ints.as_ref().map(|v| vec![v[0]; n]);
				self.add_constant(
					&out_name,
					ConstTensor {
						shape,
						floats: vec![fill; n],
						ints,
					},
				)
				.map_err(|w| ctx.err(w))?;
			}
			"Add" | "Sub" | "Mul" | "Div" => {
				let a = input(0)?;
				let mut b = input(1)?;
				// Opsets < 7: broadcasting only with broadcast=1; `axis` aligns b.
				if self.opset < 7 && attrs.int("broadcast", 0)? == 1 {
					if let Some(ax) = attrs.int_opt("axis")? {
						let ra = shape_of(self, a).len();
						let mut sb = shape_of(self, b);
						let ax = axis(&ctx, ax, ra, "axis")?;
						while sb.len() < ra - ax {
							sb.push(1);
						}
						b = self.emit(&ctx, Op::Reshape, vec![b], sb, &format!("{out_name}#b"))?;
					}
				}
				if op_type == "Div" && self.values[b].constant.is_none() {
					return Err(ctx.err("division is only supported by a constant divisor"));
				}
				let shape = broadcast_shapes(&shape_of(self, a), &shape_of(self, b))
					.map_err(|w| ctx.err(w))?;
				let op = match op_type.as_str() {
					"Add" => Op::Add,
					"Sub" => Op::Sub,
					"Mul" => Op::Mul,
					_ => Op::Div,
				};
				self.emit(&ctx, op, vec![a, b], shape, &out_name)?;
			}
			"Sum" => {
				let xs: Vec<ValueId> = (0..inputs.len()).map(input).collect::<Result<_>>()?;
				if xs.is_empty() {
					return Err(ctx.err("Sum needs at least one input"));
				}
				let mut shape = shape_of(self, xs[0]);
				for &x in &xs[1..] {
					shape = broadcast_shapes(&shape, &shape_of(self, x)).map_err(|w| ctx.err(w))?;
				}
				if xs.len() == 1 {
					self.alias(&out_name, xs[0]);
				} else {
					self.emit(&ctx, Op::Sum, xs, shape, &out_name)?;
				}
			}
			"Relu" | "Sigmoid" | "Tanh" => {
				let x = input(0)?;
				let op = match op_type.as_str() {
					"Relu" => Op::Relu,
					"Sigmoid" => Op::Sigmoid,
					_ => Op::Tanh,
				};
				let s = shape_of(self, x);
				self.emit(&ctx, op, vec![x], s, &out_name)?;
			}
			"LeakyRelu" => {
				let x = input(0)?;
				let alpha = attrs.float("alpha", 0.01)?;
				let s = shape_of(self, x);
				self.emit(&ctx, Op::LeakyRelu { alpha }, vec![x], s, &out_name)?;
			}
			"Clip" => {
				let x = input(0)?;
				let (min, max) = if self.opset < 11 {
					(attrs.float("min", f32::MIN)?, attrs.float("max", f32::MAX)?)
				} else {
					let bound = |b: &Self, i: usize, default: f32| -> Result<f32> {
						match inputs.get(i).copied().flatten() {
							None => Ok(default),
							Some(id) => match &b.values[id].constant {
								Some(t) if t.data.len() == 1 => Ok(t.data[0]),
								_ => Err(
									ctx.err(format!("input {i} (bound) must be a constant scalar"))
								),
							},
						}
					};
					(bound(self, 1, f32::MIN)?, bound(self, 2, f32::MAX)?)
				};
				let s = shape_of(self, x);
				self.emit(&ctx, Op::Clip { min, max }, vec![x], s, &out_name)?;
			}
			"Softmax" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				if self.opset >= 13 {
					let ax = axis(&ctx, attrs.int("axis", -1)?, s.len(), "axis")?;
					self.emit(&ctx, Op::Softmax { axis: ax }, vec![x], s, &out_name)?;
				} else {
					// Old semantics: flatten to [prod(before axis), prod(from axis)].
					let ax = axis(&ctx, attrs.int("axis", 1)?, s.len(), "axis")?;
					if ax + 1 == s.len() {
						self.emit(&ctx, Op::Softmax { axis: ax }, vec![x], s, &out_name)?;
					} else {
						let flat = vec![s[..ax].iter().product(), s[ax..].iter().product()];
						let r = self.emit(
							&ctx,
							Op::Reshape,
							vec![x],
							flat.clone(),
							&format!("{out_name}#2d"),
						)?;
						let y = self.emit(
							&ctx,
							Op::Softmax { axis: 1 },
							vec![r],
							flat,
							&format!("{out_name}#softmax"),
						)?;
						self.emit(&ctx, Op::Reshape, vec![y], s, &out_name)?;
					}
				}
			}
			"Gemm" => self.gemm(&ctx, &attrs, &inputs, &out_name)?,
			"MatMul" => {
				let (a, b) = (input(0)?, input(1)?);
				let (sa, sb) = (shape_of(self, a), shape_of(self, b));
				if sa.len() < 2 || sb.len() < 2 {
					return Err(ctx.err(format!(
						"rank-1 MatMul operands are not supported ({sa:?} x {sb:?})"
					)));
				}
				let k = sa[sa.len() - 1];
				if sb[sb.len() - 2] != k {
					return Err(ctx.err(format!("inner dimensions differ: {sa:?} x {sb:?}")));
				}
				let batch = broadcast_shapes(&sa[..sa.len() - 2], &sb[..sb.len() - 2])
					.map_err(|w| ctx.err(w))?;
				let mut shape = batch;
				shape.extend([sa[sa.len() - 2], sb[sb.len() - 1]]);
				match (&self.values[b].constant, sb.len()) {
					(Some(w), 2) if self.values[a].constant.is_none() => {
						let weight = transpose2(w);
						self.emit(
							&ctx,
							Op::Linear { weight, bias: None },
							vec![a],
							shape,
							&out_name,
						)?;
					}
					_ => {
						self.emit(&ctx, Op::MatMul, vec![a, b], shape, &out_name)?;
					}
				}
			}
			"Conv" => self.conv(&ctx, &attrs, &inputs, &out_name)?,
			"MaxPool" | "AveragePool" => self.pool(&ctx, &attrs, input(0)?, &out_name)?,
			"GlobalAveragePool" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				if s.len() != 4 {
					return Err(ctx.err(format!("only 2-D (NCHW) inputs are supported, got {s:?}")));
				}
				let op = Op::AvgPool {
					kernel: [s[2], s[3]],
					strides: [1, 1],
					pads: [0; 4],
					count_include_pad: false,
				};
				self.emit(&ctx, op, vec![x], vec![s[0], s[1], 1, 1], &out_name)?;
			}
			"BatchNormalization" => {
				let x = input(0)?;
				if self.opset < 9 && attrs.int("spatial", 1)? != 1 {
					return Err(ctx.err("spatial=0 is not supported"));
				}
				if attrs.int("training_mode", 0)? != 0 {
					return Err(ctx.err("training_mode=1 is not supported (inference only)"));
				}
				let eps = attrs.float("epsilon", 1e-5)?;
				let s = shape_of(self, x);
				if s.len() < 2 {
					return Err(ctx.err(format!("input must have a channel axis, got {s:?}")));
				}
				let c = s[1];
				let mut params = Vec::new();
				for (i, what) in [(1, "scale"), (2, "bias"), (3, "mean"), (4, "var")] {
					let t = self.values[input(i)?].constant.clone().ok_or_else(|| {
						ctx.err(format!("{what} must be a constant (initializer)"))
					})?;
					if t.data.len() != c {
						return Err(ctx.err(format!(
							"{what} has {} values for {c} channels",
							t.data.len()
						)));
					}
					params.push(t.data);
				}
				let scale: Vec<f32> = (0..c)
					.map(|i| params[0][i] / (params[3][i] + eps).sqrt())
					.collect();
				let bias: Vec<f32> = (0..c)
					.map(|i| params[1][i] - params[2][i] * scale[i])
					.collect();
				self.emit(
					&ctx,
					Op::ChannelAffine { scale, bias },
					vec![x],
					s,
					&out_name,
				)?;
			}
			"Flatten" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				let a = attrs.int("axis", 1)?;
				let a = if a == s.len() as i64 {
					s.len()
				} else {
					axis(&ctx, a, s.len() + 1, "axis")?
				};
				let shape = vec![s[..a].iter().product(), s[a..].iter().product()];
				self.emit(&ctx, Op::Reshape, vec![x], shape, &out_name)?;
			}
			"Reshape" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				let target = self.const_ints(&ctx, input(1)?, "shape")?;
				let allowzero = attrs.int("allowzero", 0)? == 1;
				let shape = reshape_target(&s, &target, allowzero).map_err(|w| ctx.err(w))?;
				self.emit(&ctx, Op::Reshape, vec![x], shape, &out_name)?;
			}
			"Squeeze" | "Unsqueeze" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				let axes = if self.opset < 13 {
					attrs.ints("axes")?
				} else {
					match inputs.get(1).copied().flatten() {
						Some(id) => Some(self.const_ints(&ctx, id, "axes")?),
						None => None,
					}
				};
				let shape = if op_type == "Squeeze" {
					let axes = match axes {
						Some(a) => a
							.iter()
							.map(|&a| axis(&ctx, a, s.len(), "axis"))
							.collect::<Result<Vec<_>>>()?,
						None => (0..s.len()).filter(|&i| s[i] == 1).collect(),
					};
					if let Some(&a) = axes.iter().find(|&&a| s[a] != 1) {
						return Err(ctx.err(format!("cannot squeeze axis {a} of size {}", s[a])));
					}
					s.iter()
						.enumerate()
						.filter(|(i, _)| !axes.contains(i))
						.map(|(_, &d)| d)
						.collect()
				} else {
					let axes = axes.ok_or_else(|| ctx.err("axes are required"))?;
					let rank = s.len() + axes.len();
					let mut axes = axes
						.iter()
						.map(|&a| axis(&ctx, a, rank, "axis"))
						.collect::<Result<Vec<_>>>()?;
					axes.sort_unstable();
					if axes.windows(2).any(|w| w[0] == w[1]) {
						return Err(ctx.err("repeated axes"));
					}
					let mut shape = s.clone();
					for a in axes {
						shape.insert(a, 1);
					}
					shape
				};
				self.emit(&ctx, Op::Reshape, vec![x], shape, &out_name)?;
			}
			"Transpose" => {
				let x = input(0)?;
				let s = shape_of(self, x);
				let perm: Vec<usize> = match attrs.ints("perm")? {
					None => (0..s.len()).rev().collect(),
					Some(p) => p
						.iter()
						.map(|&a| axis(&ctx, a, s.len(), "perm entry"))
						.collect::<Result<_>>()?,
				};
				let mut seen = vec![false; s.len()];
				if perm.len() != s.len()
					|| perm.iter().any(|&p| std::mem::replace(&mut seen[p], true))
				{
					return Err(ctx.err(format!(
						"perm {perm:?} is not a permutation of {} axes",
						s.len()
					)));
				}
				let shape = perm.iter().map(|&p| s[p]).collect();
				self.emit(&ctx, Op::Transpose { perm }, vec![x], shape, &out_name)?;
			}
			"Concat" => {
				let xs: Vec<ValueId> = (0..inputs.len()).map(input).collect::<Result<_>>()?;
				let first = shape_of(self, *xs.first().ok_or_else(|| ctx.err("no inputs"))?);
				let ax = axis(
					&ctx,
					attrs
						.int_opt("axis")?
						.ok_or_else(|| ctx.err("axis is required"))?,
					first.len(),
					"axis",
				)?;
				let mut shape = first.clone();
				shape[ax] = 0;
				for &x in &xs {
					let s = shape_of(self, x);
					if s.len() != first.len() || (0..s.len()).any(|d| d != ax && s[d] != first[d]) {
						return Err(ctx.err(format!(
							"input shapes {first:?} and {s:?} differ off axis {ax}"
						)));
					}
					shape[ax] += s[ax];
				}
				self.emit(&ctx, Op::Concat { axis: ax }, xs, shape, &out_name)?;
			}
			"Pad" => self.pad(&ctx, &attrs, &inputs, &out_name)?,
			"LRN" => {
				let x = input(0)?;
				let size = attrs
					.int_opt("size")?
					.ok_or_else(|| ctx.err("size is required"))?;
				if !(1..=1024).contains(&size) {
					return Err(ctx.err(format!("invalid size {size}")));
				}
				let op = Op::Lrn {
					size: size as usize,
					alpha: attrs.float("alpha", 1e-4)?,
					beta: attrs.float("beta", 0.75)?,
					bias: attrs.float("bias", 1.0)?,
				};
				let s = shape_of(self, x);
				if s.len() < 2 {
					return Err(ctx.err("input must have a channel axis"));
				}
				self.emit(&ctx, op, vec![x], s, &out_name)?;
			}
			other => return Err(ctx.err(format!("op type '{other}' is not supported"))),
		}
		Ok(())
	}

	fn constant_attr(&self, ctx: &NodeCtx, attrs: &Attrs) -> Result<ConstTensor> {
		let limit = self.options.max_tensor_elements;
		if let Some(t) = attrs.tensor("value")? {
			return decode_tensor(t, limit).map_err(|w| ctx.err(format!("value: {w}")));
		}
		if attrs.has("value_float") {
			let v = attrs.float("value_float", 0.0)?;
			return Ok(ConstTensor {
				shape: vec![],
				floats: vec![v],
				ints: None,
			});
		}
		if let Some(v) = attrs.floats("value_floats")? {
			return Ok(ConstTensor {
				shape: vec![v.len()],
				floats: v,
				ints: None,
			});
		}
		if let Some(v) = attrs.int_opt("value_int")? {
			return Ok(ConstTensor {
				shape: vec![],
				floats: vec![v as f32],
				ints: Some(vec![v]),
			});
		}
		if let Some(v) = attrs.ints("value_ints")? {
			return Ok(ConstTensor {
				shape: vec![v.len()],
				floats: v.iter().map(|&x| x as f32).collect(),
				ints: Some(v),
			});
		}
		Err(ctx.err("no supported value attribute (value, value_float(s), value_int(s))"))
	}

	/// The exact integers of a constant integer input.
	fn const_ints(&self, ctx: &NodeCtx, id: ValueId, what: &str) -> Result<Vec<i64>> {
		self.ints.get(&id).cloned().ok_or_else(|| {
			if self.values[id].constant.is_some() {
				ctx.err(format!("{what} input must be an integer tensor"))
			} else {
				ctx.err(format!(
					"{what} input must be a constant (dynamic shapes are not supported)"
				))
			}
		})
	}

	fn gemm(
		&mut self,
		ctx: &NodeCtx,
		attrs: &Attrs,
		inputs: &[Option<ValueId>],
		out_name: &str,
	) -> Result<()> {
		let get = |i: usize| inputs.get(i).copied().flatten();
		let (a, b) = (
			get(0).ok_or_else(|| ctx.err("missing input A"))?,
			get(1).ok_or_else(|| ctx.err("missing input B"))?,
		);
		let alpha = attrs.float("alpha", 1.0)?;
		let beta = attrs.float("beta", 1.0)?;
		let trans_a = attrs.int("transA", 0)? != 0;
		let trans_b = attrs.int("transB", 0)? != 0;
		let (sa, sb) = (self.values[a].shape.clone(), self.values[b].shape.clone());
		if sa.len() != 2 || sb.len() != 2 {
			return Err(ctx.err(format!("A and B must be matrices, got {sa:?} and {sb:?}")));
		}
		let (m, k) = if trans_a {
			(sa[1], sa[0])
		} else {
			(sa[0], sa[1])
		};
		let (k2, n) = if trans_b {
			(sb[1], sb[0])
		} else {
			(sb[0], sb[1])
		};
		if k != k2 {
			return Err(ctx.err(format!("inner dimensions differ: A {sa:?}, B {sb:?}")));
		}
		let c = get(2);
		if let Some(c) = c {
			broadcast_shapes(&self.values[c].shape, &[m, n])
				.map_err(|w| ctx.err(format!("C: {w}")))?;
		}
		let a_in = if trans_a {
			self.emit(
				ctx,
				Op::Transpose { perm: vec![1, 0] },
				vec![a],
				vec![m, k],
				&format!("{out_name}#a"),
			)?
		} else {
			a
		};
		let b_const = self.values[b].constant.clone();
		// C folds into the bias when it is a constant per-column vector.
		let c_bias = c.and_then(|c| {
			let t = self.values[c].constant.as_ref()?;
			let s = &self.values[c].shape;
			let per_column =
				s.iter().rev().skip(1).all(|&d| d == 1) && s.last().is_some_and(|&d| d == n);
			(per_column || t.data.len() == 1).then(|| {
				(0..n)
					.map(|j| beta * t.data[if t.data.len() == 1 { 0 } else { j }])
					.collect::<Vec<f32>>()
			})
		});
		let has_c_node = c.is_some() && c_bias.is_none();
		let mm_name = if has_c_node {
			format!("{out_name}#ab")
		} else {
			out_name.to_string()
		};
		let ab = match b_const {
			Some(w) if self.values[a_in].constant.is_none() => {
				// weight[j, k] = alpha * B^T
				let mut weight = if trans_b { w } else { transpose2(&w) };
				weight.data.iter_mut().for_each(|v| *v *= alpha);
				self.emit(
					ctx,
					Op::Linear {
						weight,
						bias: c_bias.clone(),
					},
					vec![a_in],
					vec![m, n],
					&mm_name,
				)?
			}
			_ => {
				let b_in = if trans_b {
					self.emit(
						ctx,
						Op::Transpose { perm: vec![1, 0] },
						vec![b],
						vec![k, n],
						&format!("{out_name}#b"),
					)?
				} else {
					b
				};
				let needs_more = alpha != 1.0 || c_bias.is_some() || has_c_node;
				let name = if needs_more {
					format!("{out_name}#mm")
				} else {
					mm_name.clone()
				};
				let mut y = self.emit(ctx, Op::MatMul, vec![a_in, b_in], vec![m, n], &name)?;
				if alpha != 1.0 {
					let s = self
						.add_constant(&format!("{out_name}#alpha"), scalar(alpha))
						.map_err(|w| ctx.err(w))?;
					let name = if c_bias.is_some() || has_c_node {
						format!("{out_name}#scaled")
					} else {
						mm_name.clone()
					};
					y = self.emit(ctx, Op::Mul, vec![y, s], vec![m, n], &name)?;
				}
				if let Some(bias) = &c_bias {
					let cb = self
						.add_constant(
							&format!("{out_name}#c"),
							ConstTensor {
								shape: vec![n],
								floats: bias.clone(),
								ints: None,
							},
						)
						.map_err(|w| ctx.err(w))?;
					y = self.emit(ctx, Op::Add, vec![y, cb], vec![m, n], &mm_name)?;
				}
				y
			}
		};
		if has_c_node {
			let mut c = c.unwrap_or(ab);
			if beta != 1.0 {
				let s = self
					.add_constant(&format!("{out_name}#beta"), scalar(beta))
					.map_err(|w| ctx.err(w))?;
				let shape = self.values[c].shape.clone();
				c = self.emit(
					ctx,
					Op::Mul,
					vec![c, s],
					shape,
					&format!("{out_name}#betac"),
				)?;
			}
			self.emit(ctx, Op::Add, vec![ab, c], vec![m, n], out_name)?;
		}
		Ok(())
	}

	fn conv(
		&mut self,
		ctx: &NodeCtx,
		attrs: &Attrs,
		inputs: &[Option<ValueId>],
		out_name: &str,
	) -> Result<()> {
		let get = |i: usize| inputs.get(i).copied().flatten();
		let x = get(0).ok_or_else(|| ctx.err("missing input X"))?;
		let w = get(1).ok_or_else(|| ctx.err("missing input W"))?;
		let s = self.values[x].shape.clone();
		let weight = self.values[w]
			.constant
			.clone()
			.ok_or_else(|| ctx.err("weights must be a constant (initializer)"))?;
		if s.len() != 4 || weight.shape.len() != 4 {
			return Err(ctx.err(format!(
				"only 2-D convolutions are supported (input {s:?}, weight {:?})",
				weight.shape
			)));
		}
		let bias = match get(2) {
			None => None,
			Some(b) => Some(
				self.values[b]
					.constant
					.clone()
					.ok_or_else(|| ctx.err("bias must be a constant (initializer)"))?
					.data,
			),
		};
		let (oc, icg, kh, kw) = (
			weight.shape[0],
			weight.shape[1],
			weight.shape[2],
			weight.shape[3],
		);
		if let Some(ks) = attrs.ints("kernel_shape")? {
			if ks != [kh as i64, kw as i64] {
				return Err(ctx.err(format!(
					"kernel_shape {ks:?} does not match weights {:?}",
					weight.shape
				)));
			}
		}
		let group = attrs.int("group", 1)?;
		if group < 1
			|| s[1] as i64 % group != 0
			|| oc as i64 % group != 0
			|| s[1] / group as usize != icg
		{
			return Err(ctx.err(format!(
				"input channels {}, weights {:?} and group {group} do not match",
				s[1], weight.shape
			)));
		}
		if bias.as_ref().is_some_and(|b| b.len() != oc) {
			return Err(ctx.err(format!("bias length does not match {oc} output channels")));
		}
		let strides = attrs.usizes("strides", 2, 1)?;
		let dilations = attrs.usizes("dilations", 2, 1)?;
		let (pads, out) = window_pads(
			ctx,
			attrs,
			&s,
			[kh, kw],
			[strides[0], strides[1]],
			[dilations[0], dilations[1]],
			false,
		)?;
		let op = Op::Conv2d {
			weight,
			bias,
			strides: [strides[0], strides[1]],
			pads,
			dilations: [dilations[0], dilations[1]],
			group: group as usize,
		};
		self.emit(ctx, op, vec![x], vec![s[0], oc, out[0], out[1]], out_name)?;
		Ok(())
	}

	fn pool(&mut self, ctx: &NodeCtx, attrs: &Attrs, x: ValueId, out_name: &str) -> Result<()> {
		let s = self.values[x].shape.clone();
		if s.len() != 4 {
			return Err(ctx.err(format!(
				"only 2-D (NCHW) pooling is supported, got input {s:?}"
			)));
		}
		let kernel = attrs
			.ints("kernel_shape")?
			.ok_or_else(|| ctx.err("kernel_shape is required"))?;
		if kernel.len() != 2 {
			return Err(ctx.err(format!(
				"only 2-D pooling is supported, kernel_shape {kernel:?}"
			)));
		}
		let kernel = attrs.usizes("kernel_shape", 2, 1)?;
		let strides = attrs.usizes("strides", 2, 1)?;
		let dilations = attrs.usizes("dilations", 2, 1)?;
		let ceil = attrs.int("ceil_mode", 0)? != 0;
		let k = [kernel[0], kernel[1]];
		let st = [strides[0], strides[1]];
		let dl = [dilations[0], dilations[1]];
		let (pads, out) = window_pads(ctx, attrs, &s, k, st, dl, ceil)?;
		for a in 0..2 {
			if !every_window_touches_input(s[2 + a], out[a], k[a], st[a], pads[a], dl[a]) {
				return Err(ctx.err("a pooling window lies entirely in the padding"));
			}
		}
		let op = if ctx.op == "MaxPool" {
			Op::MaxPool {
				kernel: k,
				strides: st,
				pads,
				dilations: dl,
			}
		} else {
			if dl != [1, 1] {
				return Err(ctx.err("dilated AveragePool is not supported"));
			}
			let count_include_pad = attrs.int("count_include_pad", 0)? != 0;
			let floor_out =
				[0, 1].map(|a| pool_output_size(s[2 + a], k[a], st[a], pads[a], pads[a + 2], 1));
			if count_include_pad && ceil && floor_out != [Some(out[0]), Some(out[1])] {
				return Err(ctx.err("ceil_mode=1 with count_include_pad=1 is not supported"));
			}
			Op::AvgPool {
				kernel: k,
				strides: st,
				pads,
				count_include_pad,
			}
		};
		// Ceil mode: windows past the end only see ignored cells; record the
		// effective end padding so the output size follows from the pads.
		let op = match op {
			Op::MaxPool {
				kernel,
				strides,
				mut pads,
				dilations,
			} => {
				extend_end_pads(&mut pads, &s, &out, kernel, strides, dilations);
				Op::MaxPool {
					kernel,
					strides,
					pads,
					dilations,
				}
			}
			Op::AvgPool {
				kernel,
				strides,
				mut pads,
				count_include_pad,
			} => {
				extend_end_pads(&mut pads, &s, &out, kernel, strides, [1, 1]);
				Op::AvgPool {
					kernel,
					strides,
					pads,
					count_include_pad,
				}
			}
			other => other,
		};
		self.emit(ctx, op, vec![x], vec![s[0], s[1], out[0], out[1]], out_name)?;
		Ok(())
	}

	fn pad(
		&mut self,
		ctx: &NodeCtx,
		attrs: &Attrs,
		inputs: &[Option<ValueId>],
		out_name: &str,
	) -> Result<()> {
		let get = |i: usize| inputs.get(i).copied().flatten();
		let x = get(0).ok_or_else(|| ctx.err("missing input data"))?;
		let s = self.values[x].shape.clone();
		let mode = attrs.string("mode")?.unwrap_or_else(|| "constant".into());
		if mode != "constant" {
			return Err(ctx.err(format!("mode '{mode}' is not supported (constant only)")));
		}
		let (raw_pads, value) = if self.opset < 11 {
			let pads = attrs
				.ints("pads")?
				.or(attrs.ints("paddings")?)
				.ok_or_else(|| ctx.err("pads are required"))?;
			(pads, attrs.float("value", 0.0)?)
		} else {
			let pads = self.const_ints(
				ctx,
				get(1).ok_or_else(|| ctx.err("missing input pads"))?,
				"pads",
			)?;
			let value = match get(2) {
				None => 0.0,
				Some(v) => match &self.values[v].constant {
					Some(t) if t.data.len() == 1 => t.data[0],
					_ => return Err(ctx.err("constant_value must be a constant scalar")),
				},
			};
			// opset 18: optional axes select which dims the pads apply to.
			let pads = match get(3) {
				None => pads,
				Some(a) => {
					let axes = self.const_ints(ctx, a, "axes")?;
					if pads.len() != 2 * axes.len() {
						return Err(ctx.err("pads must have 2 values per axis"));
					}
					let mut full = vec![0i64; 2 * s.len()];
					for (i, &ax) in axes.iter().enumerate() {
						let ax = axis(ctx, ax, s.len(), "axis")?;
						full[ax] = pads[i];
						full[ax + s.len()] = pads[i + axes.len()];
					}
					full
				}
			};
			(pads, value)
		};
		if raw_pads.len() != 2 * s.len() {
			return Err(ctx.err(format!(
				"{} pads for a rank-{} input",
				raw_pads.len(),
				s.len()
			)));
		}
		let pads: Vec<usize> = raw_pads
			.iter()
			.map(|&p| usize::try_from(p).ok().filter(|&p| p <= 1 << 20))
			.collect::<Option<_>>()
			.ok_or_else(|| {
				ctx.err(format!(
					"pads {raw_pads:?} must be non-negative (cropping is not supported)"
				))
			})?;
		let shape: Vec<usize> = (0..s.len())
			.map(|d| s[d] + pads[d] + pads[d + s.len()])
			.collect();
		self.emit(ctx, Op::Pad { pads, value }, vec![x], shape, out_name)?;
		Ok(())
	}
}

fn scalar(v: f32) -> ConstTensor {
	ConstTensor {
		shape: vec![],
		floats: vec![v],
		ints: None,
	}
}

/// `[a, b]` → `[b, a]`.
fn transpose2(t: &Tensor) -> Tensor {
	let (r, c) = (t.shape[0], t.shape[1]);
	let mut data = vec![0.0; r * c];
	for i in 0..r {
		for j in 0..c {
			data[j * r + i] = t.data[i * c + j];
		}
	}
	Tensor {
		shape: vec![c, r],
		data,
	}
}

/// Resolve Reshape's target shape (0 = copy, -1 = infer).
fn reshape_target(input: &[usize], target: &[i64], allowzero: bool) -> Result<Vec<usize>, String> {
	let total: usize = input.iter().product();
	let mut shape = Vec::with_capacity(target.len());
	let mut infer = None;
	for (i, &t) in target.iter().enumerate() {
		match t {
			-1 if infer.is_none() => {
				infer = Some(i);
				shape.push(1);
			}
			0 if !allowzero => shape.push(*input.get(i).ok_or("0 refers past the input's rank")?),
			t if t >= 0 => shape.push(t as usize),
			_ => return Err(format!("invalid target shape {target:?}")),
		}
	}
	let known = shape
		.iter()
		.try_fold(1usize, |a, &d| a.checked_mul(d))
		.ok_or("shape overflows")?;
	if let Some(i) = infer {
		if known == 0 || !total.is_multiple_of(known) {
			return Err(format!("cannot infer -1 reshaping {input:?} to {target:?}"));
		}
		shape[i] = total / known;
	} else if known != total {
		return Err(format!(
			"cannot reshape {input:?} ({total} elements) to {target:?}"
		));
	}
	Ok(shape)
}

/// Pads `[top, left, bottom, right]` and output size of a sliding window, from
/// `pads` or `auto_pad`, with ceil mode for pooling.
fn window_pads(
	ctx: &NodeCtx,
	attrs: &Attrs,
	s: &[usize],
	kernel: [usize; 2],
	strides: [usize; 2],
	dilations: [usize; 2],
	ceil: bool,
) -> Result<([usize; 4], [usize; 2])> {
	if kernel.contains(&0) || strides.contains(&0) || dilations.contains(&0) {
		return Err(ctx.err("kernel, strides and dilations must be positive"));
	}
	let auto = attrs.string("auto_pad")?.unwrap_or_else(|| "NOTSET".into());
	let mut pads = [0usize; 4];
	match auto.as_str() {
		"NOTSET" => {
			let p = attrs.usizes("pads", 4, 0)?;
			pads.copy_from_slice(&p);
		}
		"VALID" => {}
		"SAME_UPPER" | "SAME_LOWER" => {
			for a in 0..2 {
				let out = s[2 + a].div_ceil(strides[a]);
				let span = dilations[a] * (kernel[a] - 1) + 1;
				let total = ((out - 1) * strides[a] + span).saturating_sub(s[2 + a]);
				let small = total / 2;
				let (begin, end) = if auto == "SAME_UPPER" {
					(small, total - small)
				} else {
					(total - small, small)
				};
				pads[a] = begin;
				pads[a + 2] = end;
			}
		}
		other => return Err(ctx.err(format!("auto_pad '{other}' is not supported"))),
	}
	let mut out = [0usize; 2];
	for a in 0..2 {
		let floor = pool_output_size(
			s[2 + a],
			kernel[a],
			strides[a],
			pads[a],
			pads[a + 2],
			dilations[a],
		)
		.ok_or_else(|| {
			ctx.err(format!(
				"the kernel does not fit the input on spatial axis {a}"
			))
		})?;
		out[a] = floor;
		if ceil {
			let padded = s[2 + a] + pads[a] + pads[a + 2];
			let span = dilations[a] * (kernel[a] - 1) + 1;
			let mut c = (padded - span).div_ceil(strides[a]) + 1;
			// The last window must start inside the input or the begin padding.
			if (c - 1) * strides[a] >= s[2 + a] + pads[a] {
				c -= 1;
			}
			out[a] = c.max(floor);
		}
	}
	Ok((pads, out))
}

/// Grow the end pads so that the floor-mode output size equals `out`.
fn extend_end_pads(
	pads: &mut [usize; 4],
	s: &[usize],
	out: &[usize; 2],
	k: [usize; 2],
	st: [usize; 2],
	dl: [usize; 2],
) {
	for a in 0..2 {
		let span = dl[a] * (k[a] - 1) + 1;
		let needed = (out[a] - 1) * st[a] + span;
		let have = s[2 + a] + pads[a] + pads[a + 2];
		if needed > have {
			pads[a + 2] += needed - have;
		}
	}
}
