//! Fixed-point mode: the quantized model format, its integer semantics, the
//! executor with its trace, and the quantization pass that builds it.

pub mod arith;
mod exec;
mod io;
mod model;
mod shapes;

pub use exec::{output_tensor, Trace};
pub use model::{
    IntTensor, OutputTransform, QInput, QNode, QOp, QOutput, QuantizedModel, TensorId, TensorSpec,
    QMODEL_FORMAT,
};
pub use shapes::output_shape;
