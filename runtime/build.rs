//! Compiles the runtime to wasm (with the `std` feature, for the node to embed).
fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
