//! Fixed-point mode: the quantized model format ([`QuantizedModel`], [`QOp`]),
//! its integer semantics ([`arith`], the executor behind
//! [`QuantizedModel::run_traced`]), the [`Trace`], and the quantization pass
//! ([`quantize`]) that builds a quantized model from an [`crate::ir::Graph`].

pub mod approx;
pub mod arith;
mod cost;
mod exec;
mod io;
mod model;
mod quantize;
mod shapes;
mod slice;

pub(crate) use exec::gather_cols;
pub use exec::{avg_pool_divisors, output_tensor, Executor, Trace};
pub use model::{
	IntTensor, OutputTransform, QInput, QNode, QOp, QOutput, QuantizedModel, TensorId, TensorSpec,
	QMODEL_FORMAT,
};
pub use quantize::{choose_frac_bits, quantize, quantize_onnx, QuantizeOnnxError, QuantizeOptions};
pub use shapes::output_shape;
