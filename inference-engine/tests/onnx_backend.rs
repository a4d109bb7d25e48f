//! Float execution vs the reference outputs of the ONNX backend test cases
//! (pytorch-converted / pytorch-operator) whose ops the engine supports. The
//! cases are copied into tests/fixtures/onnx-backend by scripts/make-models.

mod common;

use std::path::Path;

use common::assert_close;
use verity_inference::onnx::{self, LoadOptions};
use verity_inference::FloatModel;

fn run_case(dir: &Path) {
	let name = dir.file_name().unwrap().to_string_lossy().to_string();
	let bytes = common::read(dir.join("model.onnx"));
	let graph =
		onnx::load(&bytes, &LoadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
	let model = FloatModel::new(&graph).unwrap();
	let set = dir.join("test_data_set_0");
	let inputs: Vec<_> = (0..graph.inputs.len())
		.map(|i| {
			onnx::decode_tensor_proto(&common::read(set.join(format!("input_{i}.pb")))).unwrap()
		})
		.collect();
	let outputs = model.run(&inputs).unwrap_or_else(|e| panic!("{name}: {e}"));
	for (i, actual) in outputs.iter().enumerate() {
		let expected =
			onnx::decode_tensor_proto(&common::read(set.join(format!("output_{i}.pb")))).unwrap();
		assert_close(actual, &expected, 1e-4, 1e-5, &format!("{name} output {i}"));
	}
}

#[test]
fn supported_backend_cases_match_reference_outputs() {
	let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/onnx-backend");
	let mut dirs: Vec<_> = std::fs::read_dir(&root)
		.unwrap()
		.map(|e| e.unwrap().path())
		.collect();
	dirs.sort();
	assert!(
		dirs.len() >= 40,
		"expected the backend fixtures, found {}",
		dirs.len()
	);
	let failures: Vec<String> = dirs
		.iter()
		.filter_map(|dir| {
			std::panic::catch_unwind(|| run_case(dir)).err().map(|e| {
				e.downcast_ref::<String>()
					.cloned()
					.unwrap_or_else(|| format!("{dir:?} panicked"))
			})
		})
		.collect();
	assert!(
		failures.is_empty(),
		"{} of {} cases failed:\n{}",
		failures.len(),
		dirs.len(),
		failures.join("\n")
	);
}
