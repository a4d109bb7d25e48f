//! ONNX → [`crate::ir::Graph`].
//!
//! The loader decodes the protobuf (hand-written prost messages, [`proto`]),
//! checks the size limits and opset, binds symbolic dimensions, decodes
//! initializers, converts node by node (`ops.rs`) with static shape inference and
//! constant folding, and finally folds BatchNormalization and bias additions into
//! the preceding Conv/Linear (`fold.rs`).

mod attrs;
mod fold;
mod ops;
pub mod proto;
mod tensor;

use std::collections::{BTreeMap, HashMap};

use crate::error::{Error, Result};
use crate::hash::onnx_hash;
use crate::ir::{Graph, Node, Op, Value, ValueId};
use crate::tensor::Tensor;
pub use tensor::ConstTensor;

/// Oldest / newest default-domain opset accepted. The contract is 9–21;
/// 6–8 are accepted too because their semantics for the supported ops are
/// handled (the ONNX backend test cases use opset 6).
pub const MIN_OPSET: i64 = 6;
pub const MAX_OPSET: i64 = 21;

/// Loader limits and symbolic dimension bindings.
#[derive(Clone, Debug)]
pub struct LoadOptions {
	/// Largest accepted file, in bytes.
	pub max_model_bytes: usize,
	/// Largest total number of constant elements (weights).
	pub max_parameters: usize,
	/// Largest number of elements of any single tensor.
	pub max_tensor_elements: usize,
	/// Largest number of nodes.
	pub max_nodes: usize,
	/// Values for symbolic dimensions (`dim_param`), e.g. `{"N": 1}`.
	pub dims: BTreeMap<String, usize>,
}

impl Default for LoadOptions {
	fn default() -> Self {
		LoadOptions {
			max_model_bytes: 64 << 20,
			max_parameters: 16 << 20,
			max_tensor_elements: 16 << 20,
			max_nodes: 10_000,
			dims: BTreeMap::new(),
		}
	}
}

impl LoadOptions {
	/// Bind a symbolic dimension.
	pub fn with_dim(mut self, name: &str, value: usize) -> Self {
		self.dims.insert(name.to_string(), value);
		self
	}
}

/// A graph input dimension: its size, or `Err(name)` when symbolic (`""` if unnamed).
pub type DimSpec = Result<usize, String>;

/// The symbolic dimension names of the graph inputs (without loading the model),
/// e.g. to bind them from a concrete input's shape.
pub fn input_dims(bytes: &[u8]) -> Result<Vec<(String, Vec<DimSpec>)>> {
	let model = proto::decode_model(bytes).map_err(Error::Decode)?;
	let graph = model.graph.ok_or_else(|| Error::Model("no graph".into()))?;
	let inits: std::collections::HashSet<_> = graph
		.initializer
		.iter()
		.filter_map(|t| t.name.clone())
		.collect();
	Ok(graph
		.input
		.iter()
		.filter(|i| !inits.contains(i.name.as_deref().unwrap_or("")))
		.map(|i| {
			let dims = i
				.r#type
				.as_ref()
				.and_then(|t| t.tensor_type.as_ref())
				.and_then(|t| t.shape.as_ref())
				.map(|s| {
					s.dim
						.iter()
						.map(|d| match (d.dim_value, &d.dim_param) {
							(Some(v), _) if v >= 0 => Ok(v as usize),
							(_, Some(p)) if !p.is_empty() => Err(p.clone()),
							_ => Err(String::new()),
						})
						.collect()
				})
				.unwrap_or_default();
			(i.name.clone().unwrap_or_default(), dims)
		})
		.collect())
}

/// Symbolic dims of the graph inputs, `None` where symbolic, by input name.
pub fn input_dim_specs(bytes: &[u8]) -> Result<Vec<(String, Vec<Option<usize>>)>> {
	Ok(input_dims(bytes)?
		.into_iter()
		.map(|(name, dims)| (name, dims.into_iter().map(|d| d.ok()).collect()))
		.collect())
}

/// Load options that bind every symbolic input dimension from concrete input
/// shapes (`shapes[i]` for graph input `i`). Fixed dims must match.
pub fn options_for_shapes(
	bytes: &[u8],
	shapes: &[(String, Vec<usize>)],
	base: &LoadOptions,
) -> Result<LoadOptions> {
	let mut options = base.clone();
	for (name, dims) in input_dims(bytes)? {
		let Some((_, shape)) = shapes.iter().find(|(n, _)| *n == name) else {
			continue;
		};
		if shape.len() != dims.len() {
			return Err(Error::Input {
				name,
				reason: format!(
					"rank {} given, the model expects rank {}",
					shape.len(),
					dims.len()
				),
			});
		}
		for (axis, (d, &s)) in dims.iter().zip(shape).enumerate() {
			match d {
				Ok(v) if *v != s => {
					return Err(Error::Input {
						name,
						reason: format!("dimension {axis} is {s}, the model expects {v}"),
					})
				}
				Err(p) if !p.is_empty() => {
					if let Some(&old) = options.dims.get(p) {
						if old != s {
							return Err(Error::Input {
								name,
								reason: format!(
									"symbolic dimension '{p}' bound to both {old} and {s}"
								),
							});
						}
					}
					options.dims.insert(p.clone(), s);
				}
				_ => {}
			}
		}
	}
	Ok(options)
}

/// Load an ONNX model into the IR.
pub fn load(bytes: &[u8], options: &LoadOptions) -> Result<Graph> {
	if bytes.len() > options.max_model_bytes {
		return Err(Error::TooLarge {
			what: "model file (bytes)",
			actual: bytes.len(),
			limit: options.max_model_bytes,
		});
	}
	let model = proto::decode_model(bytes).map_err(Error::Decode)?;
	let opset = default_opset(&model)?;
	if !model.functions.is_empty() {
		return Err(Error::Model(
			"model-local functions are not supported".into(),
		));
	}
	let graph = model
		.graph
		.as_ref()
		.ok_or_else(|| Error::Model("the model has no graph".into()))?;
	if !graph.sparse_initializer.is_empty() {
		return Err(Error::Model("sparse initializers are not supported".into()));
	}
	if graph.node.len() > options.max_nodes {
		return Err(Error::TooLarge {
			what: "node count",
			actual: graph.node.len(),
			limit: options.max_nodes,
		});
	}
	let mut b = Builder::new(opset, options);
	b.add_initializers(graph)?;
	b.add_inputs(graph)?;
	for (index, node) in graph.node.iter().enumerate() {
		b.convert(node, index)?;
	}
	let outputs = graph
		.output
		.iter()
		.map(|o| {
			let name = o.name.as_deref().unwrap_or("");
			b.lookup(name)
				.map_err(|why| Error::Model(format!("graph output '{name}': {why}")))
		})
		.collect::<Result<Vec<_>>>()?;
	if outputs.is_empty() {
		return Err(Error::Model("the graph has no outputs".into()));
	}
	let mut graph = Graph {
		values: b.values,
		inputs: b.inputs,
		outputs,
		nodes: b.nodes,
		onnx_hash: onnx_hash(bytes),
	};
	fold::fold_into_producers(&mut graph);
	Ok(graph)
}

fn default_opset(model: &proto::ModelProto) -> Result<i64> {
	let mut opset = None;
	for o in &model.opset_import {
		match o.domain.as_deref().unwrap_or("") {
			"" | "ai.onnx" => opset = o.version,
			other => {
				return Err(Error::Model(format!(
					"opset domain '{other}' is not supported"
				)));
			}
		}
	}
	// IR version 2 and older had no opset_import and meant opset 1.
	let opset = opset.ok_or_else(|| Error::Model("no default-domain opset_import".into()))?;
	if !(MIN_OPSET..=MAX_OPSET).contains(&opset) {
		return Err(Error::Model(format!(
			"opset {opset} is not supported (supported: {MIN_OPSET}..={MAX_OPSET})"
		)));
	}
	Ok(opset)
}

/// Converts nodes one by one, tracking values by ONNX name.
pub(crate) struct Builder<'o> {
	pub opset: i64,
	pub options: &'o LoadOptions,
	pub values: Vec<Value>,
	pub nodes: Vec<Node>,
	pub inputs: Vec<ValueId>,
	/// ONNX name → value.
	by_name: HashMap<String, ValueId>,
	/// Exact integers of integer constants (shape, axes, pads inputs).
	pub ints: HashMap<ValueId, Vec<i64>>,
	/// Names of extra outputs we do not produce (Dropout mask, ...), with why.
	unavailable: HashMap<String, String>,
	parameters: usize,
}

impl<'o> Builder<'o> {
	fn new(opset: i64, options: &'o LoadOptions) -> Self {
		Builder {
			opset,
			options,
			values: vec![],
			nodes: vec![],
			inputs: vec![],
			by_name: HashMap::new(),
			ints: HashMap::new(),
			unavailable: HashMap::new(),
			parameters: 0,
		}
	}

	fn add_initializers(&mut self, graph: &proto::GraphProto) -> Result<()> {
		for t in &graph.initializer {
			let name = t.name.clone().unwrap_or_default();
			let c = tensor::decode_tensor(t, self.options.max_tensor_elements)
				.map_err(|why| Error::Model(format!("initializer '{name}': {why}")))?;
			self.add_constant(&name, c)
				.map_err(|why| Error::Model(format!("initializer '{name}': {why}")))?;
		}
		Ok(())
	}

	fn add_inputs(&mut self, graph: &proto::GraphProto) -> Result<()> {
		for input in &graph.input {
			let name = input.name.clone().unwrap_or_default();
			if self.by_name.contains_key(&name) {
				continue; // an initializer listed as input (IR < 4): a constant
			}
			let err = |why: String| Error::Input {
				name: name.clone(),
				reason: why,
			};
			let tt = input
				.r#type
				.as_ref()
				.and_then(|t| t.tensor_type.as_ref())
				.ok_or_else(|| err("not a tensor input".into()))?;
			if tt.elem_type != Some(proto::data_type::FLOAT) {
				return Err(err(format!(
					"element type {:?} is not supported (float32 only)",
					tt.elem_type
				)));
			}
			let dims = &tt
				.shape
				.as_ref()
				.ok_or_else(|| err("dynamic shape: no shape given".into()))?
				.dim;
			let mut shape = Vec::with_capacity(dims.len());
			for (axis, d) in dims.iter().enumerate() {
				let v = match (d.dim_value, d.dim_param.as_deref()) {
					(Some(v), _) if v > 0 => v as usize,
					(_, Some(p)) if !p.is_empty() => {
						*self.options.dims.get(p).ok_or_else(|| {
							err(format!("dynamic shape: dimension {axis} is symbolic '{p}'; bind it to a size"))
						})?
					}
					_ => {
						return Err(err(format!(
							"dynamic shape: dimension {axis} has no static size"
						)))
					}
				};
				shape.push(v);
			}
			tensor::checked_dims(
				&shape.iter().map(|&d| d as i64).collect::<Vec<_>>(),
				self.options.max_tensor_elements,
			)
			.map_err(err)?;
			let id = self.new_value(&name, shape, None);
			self.inputs.push(id);
		}
		Ok(())
	}

	pub fn new_value(
		&mut self,
		name: &str,
		shape: Vec<usize>,
		constant: Option<Tensor>,
	) -> ValueId {
		let id = self.values.len();
		self.values.push(Value {
			name: name.to_string(),
			shape,
			constant,
		});
		self.by_name.insert(name.to_string(), id);
		id
	}

	/// Register a constant under `name`, counting it against the parameter limit.
	pub fn add_constant(&mut self, name: &str, c: ConstTensor) -> Result<ValueId, String> {
		self.parameters += c.floats.len();
		if self.parameters > self.options.max_parameters {
			return Err(format!(
				"total parameters exceed the limit of {}",
				self.options.max_parameters
			));
		}
		let id = self.new_value(
			name,
			c.shape.clone(),
			Some(Tensor {
				shape: c.shape,
				data: c.floats,
			}),
		);
		if let Some(ints) = c.ints {
			self.ints.insert(id, ints);
		}
		Ok(id)
	}

	pub fn alias(&mut self, name: &str, id: ValueId) {
		self.by_name.insert(name.to_string(), id);
	}

	pub fn mark_unavailable(&mut self, name: &str, why: String) {
		if !name.is_empty() {
			self.unavailable.insert(name.to_string(), why);
		}
	}

	/// The value of an ONNX name, or why there is none.
	pub fn lookup(&self, name: &str) -> Result<ValueId, String> {
		if let Some(&id) = self.by_name.get(name) {
			return Ok(id);
		}
		if let Some(why) = self.unavailable.get(name) {
			return Err(why.clone());
		}
		Err(format!(
            "'{name}' is not produced by any earlier node, initializer or graph input (missing initializer?)"
        ))
	}

	/// Append a node, or evaluate it now if all its inputs are constants.
	pub fn emit(
		&mut self,
		ctx: &NodeCtx,
		op: Op,
		inputs: Vec<ValueId>,
		shape: Vec<usize>,
		out_name: &str,
	) -> Result<ValueId> {
		tensor::checked_dims(
			&shape.iter().map(|&d| d as i64).collect::<Vec<_>>(),
			self.options.max_tensor_elements,
		)
		.map_err(|why| ctx.err(format!("output {why}")))?;
		if inputs.iter().all(|&i| self.values[i].constant.is_some()) {
			let args: Vec<&Tensor> = inputs
				.iter()
				.filter_map(|&i| self.values[i].constant.as_ref())
				.collect();
			let value = crate::float::eval_host(&op, &args, &shape)
				.map_err(|e| ctx.err(format!("constant folding failed: {e}")))?;
			let int_value = self.int_result(&op, &inputs);
			let id = self
				.add_constant(
					out_name,
					ConstTensor {
						shape,
						floats: value.data,
						ints: int_value,
					},
				)
				.map_err(|why| ctx.err(why))?;
			return Ok(id);
		}
		let output = self.new_value(out_name, shape, None);
		self.nodes.push(Node {
			name: ctx.name.clone(),
			onnx_op: ctx.op.clone(),
			op,
			inputs,
			output,
		});
		Ok(output)
	}

	/// Integer constants stay exact through pure data-movement ops.
	fn int_result(&self, op: &Op, inputs: &[ValueId]) -> Option<Vec<i64>> {
		match op {
			Op::Reshape => self.ints.get(&inputs[0]).cloned(),
			_ => None,
		}
	}
}

/// The node being converted, for error messages.
pub(crate) struct NodeCtx {
	pub name: String,
	pub op: String,
}

impl NodeCtx {
	pub fn err(&self, reason: impl Into<String>) -> Error {
		Error::node(&self.name, &self.op, reason)
	}
}

/// Decode a serialized `TensorProto` (e.g. the `input_0.pb` files of the ONNX
/// backend tests) into a float tensor.
pub fn decode_tensor_proto(bytes: &[u8]) -> Result<Tensor> {
	use prost::Message;
	let t = proto::TensorProto::decode(bytes).map_err(|e| Error::Decode(e.to_string()))?;
	let c = tensor::decode_tensor(&t, LoadOptions::default().max_tensor_elements)
		.map_err(Error::Decode)?;
	Ok(Tensor {
		shape: c.shape,
		data: c.floats,
	})
}
