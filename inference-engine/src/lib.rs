//! # verity-inference
//!
//! Runs registered ONNX models the same way on every validator, in two modes:
//!
//! * **float**: the ONNX graph is loaded into a small typed IR ([`ir::Graph`]) and
//!   executed on candle (CPU) ([`FloatModel`]), matching onnxruntime within 1e-4
//!   relative (tested on the example models and the ONNX backend cases);
//! * **fixed point**: a quantization pass turns the IR into a
//!   [`QuantizedModel`], a list of integer ops whose execution is exact `i64`
//!   arithmetic — bit-identical on every machine and thread count — and which
//!   exposes the full [`Trace`] of intermediate integers the zk circuit proves.
//!
//! ## Pipeline
//!
//! ```text
//!  .onnx bytes ──onnx::load──▶ ir::Graph ──float::FloatModel──▶ f32 outputs
//!                                  │
//!                      quant::quantize (calibration samples)
//!                                  ▼
//!                           QuantizedModel ──run_traced──▶ Trace (all integer tensors)
//! ```
//!
//! ## Loading ONNX ([`onnx`])
//!
//! Opsets 9–21 of the default domain. Supported ops: Gemm, MatMul, Add, Sub, Mul,
//! Div (by a constant), Relu, LeakyRelu, Clip, Sigmoid, Tanh, Softmax, Conv (2-D,
//! any strides/pads/dilations/group, `auto_pad`), MaxPool, AveragePool,
//! GlobalAveragePool, BatchNormalization (folded into a preceding Conv/Gemm,
//! otherwise a per-channel affine op), Flatten, Reshape, Transpose,
//! Squeeze/Unsqueeze, Concat, Sum, Pad (constant mode), LRN, Dropout and Identity
//! (removed), Constant and ConstantOfShape (folded). Nodes whose inputs are all
//! constant are evaluated at load. Every value gets a static shape; symbolic
//! dimensions (e.g. a batch `N`) must be bound through [`onnx::LoadOptions`].
//! Unsupported ops, dynamic shapes, missing initializers, external data and
//! models over the size limits give an [`Error::Node`] / [`Error::Model`] that
//! names the node, the op and the reason. Arbitrary bytes never panic.
//!
//! ## The fixed-point scheme
//!
//! **Representation.** Every tensor `t` has a static shape and a scale
//! `frac_bits(t)`: the stored integer `q` stands for `q / 2^frac_bits`. Scales are
//! per tensor and always powers of two. Every tensor value lies in the signed
//! range of `b = act_bits` bits, `[-2^(b-1), 2^(b-1) - 1]` (default `b = 16`,
//! allowed 2..=24).
//!
//! **Weights.** Weights are integers at a per-tensor `weight_frac_bits`, chosen as
//! the largest `f <= 30` such that `max|w|·2^f <= 2^(weight_bits-1) − 1` (default
//! `weight_bits = 16`); biases are stored at the accumulator scale
//! `frac(x) + weight_frac_bits`. Weights are circuit constants, so their width
//! costs nothing in the circuit.
//!
//! **Activation scales (calibration).** The float model is run on the
//! calibration samples and the largest magnitude `m` of every tensor recorded;
//! its scale is the largest `f <= max_frac_bits` (default 30) with
//! `m·headroom·2^f <= 2^(b-1) − 1` (default headroom 2: one spare bit, so inputs
//! somewhat beyond the calibration range do not saturate). Each computing op's
//! output scale is that calibrated scale, capped at its accumulator's scale (so
//! every `shift >= 0`). Ops that only select or move values (Relu,
//! MaxPool, AvgPool, Reshape, Transpose, Pad, Clip, LeakyRelu, Concat) keep their
//! input's scale, so they stay exact.
//!
//! **Rounding and clamping: exactly two rules** ([`quant::arith`]):
//!
//! * `round_div(n, d) = floor((2n + d) / (2d))` for `d > 0` — round to nearest,
//!   ties toward +∞. Rescaling is `rescale(acc, k) = round_div(acc, 2^k) =
//!   floor((acc + 2^(k-1)) / 2^k)` (and `acc` for `k = 0`). AvgPool divides its
//!   window sum by the cell count with `round_div`.
//! * `clamp_bits(v, b) = min(max(v, -2^(b-1)), 2^(b-1) - 1)`.
//!
//! Every op that computes new values (Linear, MatMul, Conv2d, Sum, Mul,
//! ChannelAffine, LeakyRelu's negative side, PiecewiseLinear) ends with
//! `requantize(acc, shift) = clamp_bits(rescale(acc, shift), b)`, where `shift =
//! frac(acc) − frac(output) >= 0`. Selection ops (Relu, MaxPool, Clip, Reshape,
//! Transpose, Concat, Pad) and AvgPool cannot leave the range and do not clamp.
//!
//! **Lowering of each float op** (`frac` = frac_bits, `fo` = the output's):
//! Gemm/MatMul with constant weights and Conv → `Linear`/`Conv2d` (`shift =
//! frac(x) + weight_frac_bits − fo`); MatMul of two computed tensors → `MatMul`;
//! Add/Sub/Sum → `Sum` with multipliers `±2^(F − frac(x_i))`, `F = max frac(x_i)`;
//! Mul → `Mul`; Div by a constant → `Mul` by a `Constant` holding the reciprocal;
//! BatchNormalization not folded into a layer → `ChannelAffine`; LeakyRelu →
//! multiplier `round(alpha·2^16)`, shift 16; Clip → bounds rounded to the input
//! scale; Concat → inputs aligned to the smallest input scale by 1-input `Sum`
//! ops (exact right shifts); constant inputs (initializers) → `Constant` ops at
//! their own scale; Reshape/Flatten/Squeeze/Unsqueeze → `Reshape`.
//!
//! **No overflow, ever.** Accumulators are `i64`. [`QuantizedModel::validate`]
//! proves for every op, from its actual integer parameters and the input bound
//! `2^(b-1)`, that `|acc| <= 2^62` (e.g. Linear: `max_j |bias_j| + Σ_k |w_jk|·2^(b-1)`),
//! and rejects the model otherwise; so no arithmetic in the executor can wrap.
//!
//! **Non-linear functions.** Sigmoid and Tanh become
//! [`QOp::PiecewiseLinear`] with constant breakpoints (32 segments on
//! [-8, 8] for Sigmoid and [-4, 4] for Tanh, constant outside, output at
//! `frac_bits = b − 2`; max error < 4e-3 / 8e-3, see [`quant::approx`]),
//! circuit-friendly: segment selection is a few comparisons against constants.
//! Softmax is supported only as the final op of an output: the integer model
//! outputs the logits, and the softmax is an [`OutputTransform`] applied in float
//! after dequantization, **not provable** (the circuit proves the logits). LRN is
//! float-only and quantization reports it as unsupported.
//!
//! **Inputs and outputs.** [`QuantizedModel::quantize_inputs`]:
//! `q = clamp_bits(floor(x·2^f + 1/2), b)` at the input's scale (exact in f64;
//! the chain stores these integers). [`QuantizedModel::dequantize_outputs`]:
//! `x = q / 2^f`, then the output transform.
//!
//! ## The quantized model ([`QuantizedModel`])
//!
//! A serializable, self-contained struct: `act_bits`, one [`TensorSpec`]
//! (shape, frac_bits) per tensor, the inputs, the outputs, and `ops`, a
//! topologically ordered list of [`QNode`]s each holding a public [`QOp`] enum
//! variant with all integer parameters. **Tensor numbering:** inputs are tensors
//! `0..n_inputs`; op `j` produces tensor `n_inputs + j`. The per-op semantics are
//! documented on each [`QOp`] variant. Files are the compact JSON of the struct
//! ([`QuantizedModel::to_bytes`]); [`QuantizedModel::from_bytes`] parses and
//! validates. The "quantized-model hash" is blake2-256 of the canonical bytes
//! ([`QuantizedModel::hash`]); the ONNX hash is blake2-256 of the `.onnx` file
//! ([`hash::onnx_hash`]).
//!
//! ## The trace ([`Trace`])
//!
//! [`QuantizedModel::run_traced`] returns `Trace { tensors }` with one
//! [`IntTensor`] per tensor id, in the numbering above: the quantized inputs
//! followed by every op's output, each with the shape declared in
//! `model.tensors[id]`. Pre-rescale accumulators are not stored: each is a linear
//! combination of trace values and constants, which the circuit recomputes.
//!
//! ## Determinism
//!
//! The integer path uses no floats. Each sample runs sequentially; batches run
//! samples in parallel, so the thread count cannot change a bit. Integer sums are
//! exact (no overflow by validation), so the AVX2 build of the kernels and the
//! baseline build give identical results. Prepare once with
//! [`QuantizedModel::executor`] to run many samples without re-preparing weights.
//!
//! ## Float execution
//!
//! Tensors live in candle; elementwise ops, softmax, pooling without padding,
//! reshapes, concatenation and large matrix products (gemm) use candle's CPU
//! kernels. Convolution (im2col + vector kernel), small matrix products (where
//! gemm's thread dispatch would dominate), padded/dilated pooling and LRN use
//! the crate's host kernels on the same tensors.
//!
//! ## Modules
//!
//! | module | contents |
//! | --- | --- |
//! | [`onnx`] | protobuf messages, loader, per-op conversion, BatchNorm/bias folding |
//! | [`ir`] | the float graph IR |
//! | [`float`] | the candle executor |
//! | [`quant`] | quantized model format, integer semantics ([`quant::arith`]), executor and [`Trace`], quantization pass, Sigmoid/Tanh approximations |
//! | [`hash`] | blake2-256 model identity |
//! | [`io`] | the JSON tensor files of the CLI |
//!
//! ## Example
//!
//! ```no_run
//! use verity_inference::{onnx, quant, FloatModel, Tensor};
//!
//! let bytes = std::fs::read("models/mlp_digits8.onnx").unwrap();
//! let graph = onnx::load(&bytes, &onnx::LoadOptions::default().with_dim("N", 1)).unwrap();
//! let float = FloatModel::new(&graph).unwrap();
//! let x = Tensor::new(vec![1, 64], vec![0.5; 64]).unwrap();
//! let y = float.run(&[x.clone()]).unwrap();
//!
//! let calibration = vec![vec![x.clone()]];
//! let q = quant::quantize(&graph, &calibration, &quant::QuantizeOptions::default()).unwrap();
//! let trace = q.run_traced(&q.quantize_inputs(&[x]).unwrap()).unwrap();
//! let out = q.dequantize_outputs(&trace.outputs(&q).into_iter().cloned().collect::<Vec<_>>());
//! println!("{:?} vs {:?}", y[0].data, out[0].data);
//! ```
//!
//! See also `examples/run_model.rs`.

pub mod error;
pub mod float;
pub mod hash;
pub mod io;
pub mod ir;
mod kernels;
pub mod onnx;
pub mod quant;
pub mod shape;
pub mod tensor;

pub use error::{Error, Result};
pub use float::FloatModel;
pub use quant::{IntTensor, OutputTransform, QNode, QOp, QuantizedModel, TensorSpec, Trace};
pub use tensor::Tensor;
