//! Arbitrary bytes as an ONNX model: loading, and for models that load, float
//! execution, quantization and the traced integer run, must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::quant::{quantize, QuantizeOptions};
use verity_inference::{FloatModel, Tensor};

fuzz_target!(|data: &[u8]| {
    let options = LoadOptions {
        max_tensor_elements: 1 << 16,
        max_parameters: 1 << 18,
        ..LoadOptions::default().with_dim("N", 1)
    };
    let Ok(graph) = onnx::load(data, &options) else { return };
    let Ok(model) = FloatModel::new(&graph) else { return };
    let inputs: Vec<Tensor> = graph
        .inputs
        .iter()
        .map(|&i| {
            let shape = graph.values[i].shape.clone();
            let n = shape.iter().product();
            Tensor::new(shape, vec![0.5; n]).unwrap()
        })
        .collect();
    if model.run(&inputs).is_err() {
        return;
    }
    if let Ok(q) = quantize(&graph, &[inputs.clone()], &QuantizeOptions::default()) {
        let bytes = q.to_bytes();
        assert!(verity_inference::QuantizedModel::from_bytes(&bytes).is_ok(), "a quantized model must validate");
        if let Ok(qx) = q.quantize_inputs(&inputs) {
            let _ = q.run_traced(&qx);
        }
    }
});
