//! The subset of `onnx.proto` the loader reads, as hand-written prost messages.
//! Field numbers follow onnx.proto (IR version 3 through 13); fields we do not
//! read are skipped by prost. Decoding arbitrary bytes returns an error, never panics.

#![allow(clippy::derive_partial_eq_without_eq)]

use prost::Message;

#[derive(Clone, PartialEq, Message)]
pub struct ModelProto {
	#[prost(int64, optional, tag = "1")]
	pub ir_version: Option<i64>,
	#[prost(message, repeated, tag = "8")]
	pub opset_import: Vec<OperatorSetIdProto>,
	#[prost(string, optional, tag = "2")]
	pub producer_name: Option<String>,
	#[prost(message, optional, tag = "7")]
	pub graph: Option<GraphProto>,
	/// Kept as raw bytes only to report that model-local functions are unsupported.
	#[prost(bytes = "vec", repeated, tag = "25")]
	pub functions: Vec<Vec<u8>>,
}

#[derive(Clone, PartialEq, Message)]
pub struct OperatorSetIdProto {
	#[prost(string, optional, tag = "1")]
	pub domain: Option<String>,
	#[prost(int64, optional, tag = "2")]
	pub version: Option<i64>,
}

#[derive(Clone, PartialEq, Message)]
pub struct GraphProto {
	#[prost(message, repeated, tag = "1")]
	pub node: Vec<NodeProto>,
	#[prost(string, optional, tag = "2")]
	pub name: Option<String>,
	#[prost(message, repeated, tag = "5")]
	pub initializer: Vec<TensorProto>,
	#[prost(bytes = "vec", repeated, tag = "15")]
	pub sparse_initializer: Vec<Vec<u8>>,
	#[prost(message, repeated, tag = "11")]
	pub input: Vec<ValueInfoProto>,
	#[prost(message, repeated, tag = "12")]
	pub output: Vec<ValueInfoProto>,
}

#[derive(Clone, PartialEq, Message)]
pub struct NodeProto {
	#[prost(string, repeated, tag = "1")]
	pub input: Vec<String>,
	#[prost(string, repeated, tag = "2")]
	pub output: Vec<String>,
	#[prost(string, optional, tag = "3")]
	pub name: Option<String>,
	#[prost(string, optional, tag = "4")]
	pub op_type: Option<String>,
	#[prost(string, optional, tag = "7")]
	pub domain: Option<String>,
	#[prost(message, repeated, tag = "5")]
	pub attribute: Vec<AttributeProto>,
}

#[derive(Clone, PartialEq, Message)]
pub struct AttributeProto {
	#[prost(string, optional, tag = "1")]
	pub name: Option<String>,
	#[prost(string, optional, tag = "21")]
	pub ref_attr_name: Option<String>,
	#[prost(int32, optional, tag = "20")]
	pub r#type: Option<i32>,
	#[prost(float, optional, tag = "2")]
	pub f: Option<f32>,
	#[prost(int64, optional, tag = "3")]
	pub i: Option<i64>,
	#[prost(bytes = "vec", optional, tag = "4")]
	pub s: Option<Vec<u8>>,
	#[prost(message, optional, tag = "5")]
	pub t: Option<TensorProto>,
	#[prost(float, repeated, packed = "false", tag = "7")]
	pub floats: Vec<f32>,
	#[prost(int64, repeated, packed = "false", tag = "8")]
	pub ints: Vec<i64>,
}

#[derive(Clone, PartialEq, Message)]
pub struct TensorProto {
	#[prost(int64, repeated, tag = "1")]
	pub dims: Vec<i64>,
	#[prost(int32, optional, tag = "2")]
	pub data_type: Option<i32>,
	#[prost(float, repeated, tag = "4")]
	pub float_data: Vec<f32>,
	#[prost(int32, repeated, tag = "5")]
	pub int32_data: Vec<i32>,
	#[prost(int64, repeated, tag = "7")]
	pub int64_data: Vec<i64>,
	#[prost(string, optional, tag = "8")]
	pub name: Option<String>,
	#[prost(bytes = "vec", optional, tag = "9")]
	pub raw_data: Option<Vec<u8>>,
	#[prost(double, repeated, tag = "10")]
	pub double_data: Vec<f64>,
	#[prost(bytes = "vec", repeated, tag = "13")]
	pub external_data: Vec<Vec<u8>>,
	#[prost(int32, optional, tag = "14")]
	pub data_location: Option<i32>,
}

#[derive(Clone, PartialEq, Message)]
pub struct ValueInfoProto {
	#[prost(string, optional, tag = "1")]
	pub name: Option<String>,
	#[prost(message, optional, tag = "2")]
	pub r#type: Option<TypeProto>,
}

#[derive(Clone, PartialEq, Message)]
pub struct TypeProto {
	#[prost(message, optional, tag = "1")]
	pub tensor_type: Option<TypeProtoTensor>,
}

#[derive(Clone, PartialEq, Message)]
pub struct TypeProtoTensor {
	#[prost(int32, optional, tag = "1")]
	pub elem_type: Option<i32>,
	#[prost(message, optional, tag = "2")]
	pub shape: Option<TensorShapeProto>,
}

#[derive(Clone, PartialEq, Message)]
pub struct TensorShapeProto {
	#[prost(message, repeated, tag = "1")]
	pub dim: Vec<Dimension>,
}

#[derive(Clone, PartialEq, Message)]
pub struct Dimension {
	#[prost(int64, optional, tag = "1")]
	pub dim_value: Option<i64>,
	#[prost(string, optional, tag = "2")]
	pub dim_param: Option<String>,
}

/// ONNX `TensorProto.DataType` values the loader understands.
pub mod data_type {
	pub const FLOAT: i32 = 1;
	pub const UINT8: i32 = 2;
	pub const INT8: i32 = 3;
	pub const INT32: i32 = 6;
	pub const INT64: i32 = 7;
	pub const BOOL: i32 = 9;
	pub const DOUBLE: i32 = 11;
}

/// Decode a `ModelProto`, mapping prost's error to a message.
pub fn decode_model(bytes: &[u8]) -> Result<ModelProto, String> {
	ModelProto::decode(bytes).map_err(|e| e.to_string())
}
