//! Bad models and bad inputs give errors that name the node, the op and why.

mod common;

use prost::Message;
use verity_inference::onnx::proto::*;
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::{quantize, QuantizeOptions};
use verity_inference::{Error, FloatModel, QuantizedModel, Tensor};

fn value_info(name: &str, dims: &[Result<i64, &str>]) -> ValueInfoProto {
	ValueInfoProto {
		name: Some(name.into()),
		r#type: Some(TypeProto {
			tensor_type: Some(TypeProtoTensor {
				elem_type: Some(data_type::FLOAT),
				shape: Some(TensorShapeProto {
					dim: dims
						.iter()
						.map(|d| match d {
							Ok(v) => Dimension {
								dim_value: Some(*v),
								dim_param: None,
							},
							Err(p) => Dimension {
								dim_value: None,
								dim_param: Some(p.to_string()),
							},
						})
						.collect(),
				}),
			}),
		}),
	}
}

fn node(
	name: &str,
	op: &str,
	inputs: &[&str],
	outputs: &[&str],
	attribute: Vec<AttributeProto>,
) -> NodeProto {
	NodeProto {
		input: inputs.iter().map(|s| s.to_string()).collect(),
		output: outputs.iter().map(|s| s.to_string()).collect(),
		name: Some(name.into()),
		op_type: Some(op.into()),
		domain: None,
		attribute,
	}
}

fn float_tensor(name: &str, dims: &[i64], data: Vec<f32>) -> TensorProto {
	TensorProto {
		dims: dims.to_vec(),
		data_type: Some(data_type::FLOAT),
		float_data: data,
		name: Some(name.into()),
		..Default::default()
	}
}

fn int_attr(name: &str, v: i64) -> AttributeProto {
	AttributeProto {
		name: Some(name.into()),
		r#type: Some(2),
		i: Some(v),
		..Default::default()
	}
}

fn model(
	opset: i64,
	nodes: Vec<NodeProto>,
	inits: Vec<TensorProto>,
	input: ValueInfoProto,
	output: &str,
) -> Vec<u8> {
	ModelProto {
		ir_version: Some(8),
		opset_import: vec![OperatorSetIdProto {
			domain: None,
			version: Some(opset),
		}],
		producer_name: None,
		graph: Some(GraphProto {
			node: nodes,
			name: Some("g".into()),
			initializer: inits,
			sparse_initializer: vec![],
			input: vec![input],
			output: vec![value_info(output, &[])],
		}),
		functions: vec![],
	}
	.encode_to_vec()
}

fn load(bytes: &[u8]) -> Result<verity_inference::ir::Graph, Error> {
	onnx::load(bytes, &LoadOptions::default())
}

fn expect_node_error(result: Result<impl std::fmt::Debug, Error>, node: &str, op: &str, why: &str) {
	match result {
		Err(e @ Error::Node { .. }) => {
			let msg = e.to_string();
			assert!(
				msg.contains(&format!("'{node}'")) && msg.contains(op) && msg.contains(why),
				"{msg}"
			);
		}
		other => panic!("expected a node error about {why}, got {other:?}"),
	}
}

fn relu_model() -> Vec<u8> {
	model(
		13,
		vec![node("act", "Relu", &["x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(1), Ok(4)]),
		"y",
	)
}

/// `y = Relu(x)` with `x: [N, 4]`, N symbolic.
fn relu_model_with_batch_dim() -> Vec<u8> {
	model(
		13,
		vec![node("act", "Relu", &["x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Err("N"), Ok(4)]),
		"y",
	)
}

#[test]
fn unsupported_op_names_node_and_op() {
	let bytes = model(
		13,
		vec![node("gather0", "Gather", &["x", "x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(4)]),
		"y",
	);
	expect_node_error(load(&bytes), "gather0", "Gather", "not supported");
}

#[test]
fn dynamic_shape_is_rejected_unless_bound() {
	let bytes = relu_model_with_batch_dim();
	let err = load(&bytes).unwrap_err().to_string();
	assert!(
		err.contains("'x'") && err.contains("dynamic shape") && err.contains("'N'"),
		"{err}"
	);
	let g = onnx::load(&bytes, &LoadOptions::default().with_dim("N", 3)).unwrap();
	assert_eq!(g.values[g.outputs[0]].shape, vec![3, 4]);
	// A dimension with neither value nor name.
	let bytes = model(
		13,
		vec![node("act", "Relu", &["x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Err("")]),
		"y",
	);
	assert!(load(&bytes)
		.unwrap_err()
		.to_string()
		.contains("dynamic shape"));
}

#[test]
fn missing_initializer_names_node() {
	let bytes = model(
		13,
		vec![node("fc", "Gemm", &["x", "W", "b"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(1), Ok(4)]),
		"y",
	);
	expect_node_error(load(&bytes), "fc", "Gemm", "missing initializer");
}

#[test]
fn dynamic_reshape_target_is_rejected() {
	let bytes = model(
		13,
		vec![node("r", "Reshape", &["x", "x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(2)]),
		"y",
	);
	expect_node_error(load(&bytes), "r", "Reshape", "must be");
}

#[test]
fn size_limits_are_enforced() {
	let bytes = relu_model();
	let small = LoadOptions {
		max_model_bytes: 10,
		..LoadOptions::default()
	};
	assert!(matches!(
		onnx::load(&bytes, &small),
		Err(Error::TooLarge { .. })
	));
	let w = float_tensor("W", &[4, 4], vec![0.5; 16]);
	let bytes = model(
		13,
		vec![node("fc", "Gemm", &["x", "W"], &["y"], vec![])],
		vec![w],
		value_info("x", &[Ok(1), Ok(4)]),
		"y",
	);
	let few = LoadOptions {
		max_parameters: 8,
		..LoadOptions::default()
	};
	assert!(onnx::load(&bytes, &few)
		.unwrap_err()
		.to_string()
		.contains("parameters exceed"));
	assert!(load(&bytes).is_ok());
	// A ConstantOfShape asking for 2^40 elements errors instead of allocating.
	let shape = TensorProto {
		dims: vec![2],
		data_type: Some(data_type::INT64),
		int64_data: vec![1 << 20, 1 << 20],
		name: Some("s".into()),
		..Default::default()
	};
	let bytes = model(
		13,
		vec![node("big", "ConstantOfShape", &["s"], &["y"], vec![])],
		vec![shape],
		value_info("x", &[Ok(1)]),
		"y",
	);
	expect_node_error(load(&bytes), "big", "ConstantOfShape", "exceeds the limit");
}

#[test]
fn garbage_and_bad_opsets() {
	assert!(matches!(
		load(b"definitely not protobuf \xff\xff\xff"),
		Err(Error::Decode(_))
	));
	assert!(matches!(load(&[]), Err(Error::Model(_)))); // empty = a model without opsets
	let old = model(
		5,
		vec![node("act", "Relu", &["x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(1)]),
		"y",
	);
	assert!(load(&old)
		.unwrap_err()
		.to_string()
		.contains("opset 5 is not supported"));
	let new = model(
		22,
		vec![node("act", "Relu", &["x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(1)]),
		"y",
	);
	assert!(load(&new).unwrap_err().to_string().contains("opset 22"));
}

#[test]
fn conv_must_be_2d_with_constant_weights() {
	let w = float_tensor("W", &[2, 1, 3], vec![1.0; 6]);
	let bytes = model(
		13,
		vec![node("c1", "Conv", &["x", "W"], &["y"], vec![])],
		vec![w],
		value_info("x", &[Ok(1), Ok(1), Ok(8)]),
		"y",
	);
	expect_node_error(load(&bytes), "c1", "Conv", "only 2-D");
	let bytes = model(
		13,
		vec![node("c2", "Conv", &["x", "x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(1), Ok(1), Ok(4), Ok(4)]),
		"y",
	);
	expect_node_error(load(&bytes), "c2", "Conv", "weights must be a constant");
}

#[test]
fn div_needs_a_constant_divisor() {
	let bytes = model(
		13,
		vec![node("d", "Div", &["x", "x"], &["y"], vec![])],
		vec![],
		value_info("x", &[Ok(3)]),
		"y",
	);
	expect_node_error(load(&bytes), "d", "Div", "constant divisor");
}

#[test]
fn unused_extra_outputs_are_fine_but_used_ones_error() {
	let nodes = vec![
		node("drop", "Dropout", &["x"], &["y", "mask"], vec![]),
		node("act", "Relu", &["mask"], &["z"], vec![]),
	];
	let bytes = model(13, nodes, vec![], value_info("x", &[Ok(3)]), "z");
	expect_node_error(
		load(&bytes),
		"act",
		"Relu",
		"output 'mask' of node 'drop' (Dropout) is not supported",
	);
}

#[test]
fn pad_modes_other_than_constant_are_rejected() {
	let mode = AttributeProto {
		name: Some("mode".into()),
		r#type: Some(3),
		s: Some(b"reflect".to_vec()),
		..Default::default()
	};
	let pads = AttributeProto {
		name: Some("pads".into()),
		r#type: Some(7),
		ints: vec![0, 1, 0, 1],
		..Default::default()
	};
	let bytes = model(
		9,
		vec![node("p", "Pad", &["x"], &["y"], vec![mode, pads])],
		vec![],
		value_info("x", &[Ok(2), Ok(3)]),
		"y",
	);
	expect_node_error(load(&bytes), "p", "Pad", "mode 'reflect'");
}

#[test]
fn bad_attribute_values_are_errors() {
	let bytes = model(
		13,
		vec![node(
			"s",
			"Softmax",
			&["x"],
			&["y"],
			vec![int_attr("axis", 7)],
		)],
		vec![],
		value_info("x", &[Ok(3)]),
		"y",
	);
	expect_node_error(load(&bytes), "s", "Softmax", "axis 7 out of range");
}

#[test]
fn wrong_input_shape_at_run_time() {
	let g = load(&relu_model()).unwrap();
	let m = FloatModel::new(&g).unwrap();
	let err = m
		.run(&[Tensor::new(vec![4], vec![0.0; 4]).unwrap()])
		.unwrap_err()
		.to_string();
	assert!(
		err.contains("input 'x'") && err.contains("expected shape [1, 4]"),
		"{err}"
	);
}

#[test]
fn lrn_and_inner_softmax_cannot_be_quantized() {
	let size = int_attr("size", 3);
	let nodes = vec![node("norm", "LRN", &["x"], &["y"], vec![size])];
	let g = onnx::load(
		&model(
			13,
			nodes,
			vec![],
			value_info("x", &[Ok(1), Ok(4), Ok(2), Ok(2)]),
			"y",
		),
		&LoadOptions::default(),
	)
	.unwrap();
	let cal = vec![vec![Tensor::new(vec![1, 4, 2, 2], vec![0.5; 16]).unwrap()]];
	expect_node_error(
		quantize(&g, &cal, &QuantizeOptions::default()),
		"norm",
		"LRN",
		"no fixed-point form",
	);

	let nodes = vec![
		node("sm", "Softmax", &["x"], &["p"], vec![]),
		node("act", "Relu", &["p"], &["y"], vec![]),
	];
	let g = load(&model(
		13,
		nodes,
		vec![],
		value_info("x", &[Ok(1), Ok(4)]),
		"y",
	))
	.unwrap();
	let cal = vec![vec![Tensor::new(vec![1, 4], vec![0.5; 4]).unwrap()]];
	expect_node_error(
		quantize(&g, &cal, &QuantizeOptions::default()),
		"sm",
		"Softmax",
		"final op",
	);
}

#[test]
fn quantized_model_validation_rejects_broken_files() {
	let bytes = common::read(common::models_dir().join("mlp_digits8.qmodel"));
	let good: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
	let check = |edit: &dyn Fn(&mut serde_json::Value), why: &str| {
		let mut v = good.clone();
		edit(&mut v);
		let err = QuantizedModel::from_bytes(&serde_json::to_vec(&v).unwrap())
			.unwrap_err()
			.to_string();
		assert!(err.contains(why), "expected '{why}', got: {err}");
	};
	check(&|v| v["format"] = "other".into(), "format");
	check(&|v| v["act_bits"] = 40.into(), "act_bits");
	check(
		&|v| v["ops"][1]["op"]["Relu"]["input"] = 9.into(),
		"not computed before",
	);
	check(
		&|v| v["ops"][0]["op"]["Linear"]["shift"] = 70.into(),
		"shift 70",
	);
	check(
		&|v| v["ops"][0]["op"]["Linear"]["bias"][0] = (1i64 << 62).into(),
		"exceeds 2^62",
	);
	check(
		&|v| v["tensors"][1]["shape"] = serde_json::json!([1, 31]),
		"declared output shape",
	);
	check(
		&|v| v["ops"][0]["op"]["Linear"]["weight"]["data"] = serde_json::json!([1, 2]),
		"weight has shape",
	);
	assert!(QuantizedModel::from_bytes(b"{")
		.unwrap_err()
		.to_string()
		.contains("not a quantized model file"));
}

/// An 8-bit model `y = Clip(x, min, max)` as file bytes.
fn clip_model_bytes(min: i64, max: i64) -> Vec<u8> {
	use verity_inference::quant::{QInput, QOutput, QMODEL_FORMAT};
	use verity_inference::{OutputTransform, QNode, QOp, TensorSpec};
	let spec = || TensorSpec {
		shape: vec![1, 4],
		frac_bits: 4,
	};
	QuantizedModel {
		format: QMODEL_FORMAT.into(),
		act_bits: 8,
		source_onnx_hash: format!("0x{}", "00".repeat(32)),
		tensors: vec![spec(), spec()],
		inputs: vec![QInput {
			name: "x".into(),
			tensor: 0,
		}],
		outputs: vec![QOutput {
			name: "y".into(),
			tensor: 1,
			transform: OutputTransform::None,
		}],
		ops: vec![QNode {
			name: "clamp".into(),
			op: QOp::Clip { input: 0, min, max },
		}],
		boundary_outputs: false,
	}
	.to_bytes()
}

#[test]
fn clip_bounds_must_lie_in_the_activation_range() {
	// Twin: the widest valid bounds are the 8-bit range itself.
	let q = QuantizedModel::from_bytes(&clip_model_bytes(-128, 127)).unwrap();
	let x = verity_inference::IntTensor::new(vec![1, 4], vec![-128, -1, 0, 127]).unwrap();
	assert_eq!(
		q.run_traced(&[x]).unwrap().tensors[1].data,
		vec![-128, -1, 0, 127]
	);
	let q = QuantizedModel::from_bytes(&clip_model_bytes(-3, 100)).unwrap();
	let x = verity_inference::IntTensor::new(vec![1, 4], vec![-128, -1, 0, 127]).unwrap();
	assert_eq!(
		q.run_traced(&[x]).unwrap().tensors[1].data,
		vec![-3, -1, 0, 100]
	);
	for (min, max) in [(-129, 0), (0, 128), (-1000, 1000), (200, 300), (-300, -200)] {
		expect_node_error(
			QuantizedModel::from_bytes(&clip_model_bytes(min, max)),
			"clamp",
			"Clip",
			&format!("clip bounds [{min}, {max}] outside the 8-bit range [-128, 127]"),
		);
	}
	// min > max is reported as such (also inside the range).
	expect_node_error(
		QuantizedModel::from_bytes(&clip_model_bytes(5, 4)),
		"clamp",
		"Clip",
		"clip min 5 > max 4",
	);
}

#[test]
fn quantized_inputs_must_fit() {
	let q = QuantizedModel::from_bytes(&common::read(
		common::models_dir().join("mlp_digits8.qmodel"),
	))
	.unwrap();
	let too_big = verity_inference::IntTensor::new(vec![1, 64], vec![1 << 20; 64]).unwrap();
	let err = q.run_traced(&[too_big]).unwrap_err().to_string();
	assert!(err.contains("outside the 16-bit range"), "{err}");
	let wrong = verity_inference::IntTensor::new(vec![64], vec![0; 64]).unwrap();
	assert!(q
		.run_traced(&[wrong])
		.unwrap_err()
		.to_string()
		.contains("expected shape"));
}

#[test]
fn calibration_sets_that_do_not_fit_are_calibration_errors() {
	use std::collections::BTreeMap;
	use verity_inference::quant::{quantize_onnx, QuantizeOnnxError};

	// N is bound from the calibration's per-sample shape.
	let bytes = relu_model_with_batch_dim();
	let cal = |entries: &[(&str, Vec<usize>)]| -> BTreeMap<String, Tensor> {
		entries
			.iter()
			.map(|(name, shape)| {
				let n = shape.iter().product::<usize>();
				let data = (0..n).map(|i| i as f32 / n as f32 - 0.5).collect();
				(name.to_string(), Tensor::new(shape.clone(), data).unwrap())
			})
			.collect()
	};
	let options = QuantizeOptions::default();
	let limits = LoadOptions::default();
	// Three samples of shape [2, 4].
	let (q, samples) =
		quantize_onnx(&bytes, &cal(&[("x", vec![3, 2, 4])]), &options, &limits).unwrap();
	assert_eq!(samples, 3);
	assert_eq!(q.input_spec("x").unwrap().1.shape, vec![2, 4]);

	let calibration_error = |entries: &[(&str, Vec<usize>)]| match quantize_onnx(
		&bytes,
		&cal(entries),
		&options,
		&limits,
	) {
		Err(QuantizeOnnxError::Calibration(why)) => why,
		other => panic!("expected a calibration error, got {other:?}"),
	};
	assert!(calibration_error(&[]).contains("missing input 'x'"));
	assert!(
		calibration_error(&[("x", vec![3, 2, 4]), ("z", vec![3, 1])]).contains("unknown input 'z'")
	);
	assert!(calibration_error(&[("x", vec![3, 2, 5])]).contains("'x': calibration shape"));
	// The model itself is wrong: a model error, not a calibration error.
	let err = quantize_onnx(
		b"not onnx",
		&cal(&[("x", vec![3, 2, 4])]),
		&options,
		&limits,
	)
	.unwrap_err();
	assert!(
		matches!(err, QuantizeOnnxError::Model(Error::Decode(_))),
		"{err:?}"
	);
}
