//! The crate's error type. Every failure on bad input is one of these, never a panic.

/// Errors from loading, quantizing and running models.
#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// The bytes are not a decodable ONNX `ModelProto`.
	#[error("invalid ONNX protobuf: {0}")]
	Decode(String),

	/// The model exceeds a configured size limit.
	#[error("model too large: {what} is {actual}, over the limit of {limit}")]
	TooLarge {
		what: &'static str,
		actual: usize,
		limit: usize,
	},

	/// A node cannot be loaded, quantized or run: names the node, its op and why.
	#[error("node '{node}' ({op}): {reason}")]
	Node {
		node: String,
		op: String,
		reason: String,
	},

	/// A graph-level problem (missing graph, bad opset, dangling output, ...).
	#[error("model: {0}")]
	Model(String),

	/// A model input given at run time (or for calibration) does not fit.
	#[error("input '{name}': {reason}")]
	Input { name: String, reason: String },

	/// A set of named inputs does not match the model's: a missing or an
	/// unknown name.
	#[error("{0}")]
	Inputs(String),

	/// A quantized model file is malformed or breaks an invariant.
	#[error("quantized model: {0}")]
	QuantizedModel(String),

	/// A file could not be parsed (JSON input, calibration data, model file).
	#[error("{path}: {reason}")]
	File { path: String, reason: String },

	/// An error reported by candle while executing the float graph.
	#[error("candle: {0}")]
	Candle(#[from] candle_core::Error),

	#[error("io: {0}")]
	Io(#[from] std::io::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
	pub(crate) fn node(node: &str, op: &str, reason: impl Into<String>) -> Self {
		Error::Node {
			node: node.to_string(),
			op: op.to_string(),
			reason: reason.into(),
		}
	}
}
