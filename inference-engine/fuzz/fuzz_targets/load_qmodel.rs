//! Arbitrary bytes as a quantized model file: parsing and validation, and for
//! valid models a traced run, must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use verity_inference::{IntTensor, QuantizedModel};

fuzz_target!(|data: &[u8]| {
    let Ok(q) = QuantizedModel::from_bytes(data) else { return };
    let inputs: Vec<IntTensor> = q
        .inputs
        .iter()
        .map(|i| {
            let shape = q.tensors[i.tensor].shape.clone();
            let n = shape.iter().product();
            IntTensor { shape, data: vec![1; n] }
        })
        .collect();
    let _ = q.run_traced(&inputs);
});
