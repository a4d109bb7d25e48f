//! `wasm-opt` as `substrate-wasm-builder` uses it, without binaryen.
//!
//! The builder runs binaryen on the runtime's wasm at optimisation level 0
//! with two passes: [`Pass::StripDwarf`] and [`Pass::SignextLowering`]. The
//! crates.io `wasm-opt` crate compiles binaryen's C++ from source for that:
//! on our 2-core machines about ten minutes of a cold build, on its critical
//! path (the runtime's wasm build waits for it, and the node for the wasm).
//! Both passes are simple for our runtime, so this crate, patched in with
//! `[patch.crates-io]`, does them in Rust:
//!
//! * **Sign-extension lowering** rewrites the sign-extension instructions
//!   (`i32.extend8_s`, ...) into MVP ones. The runtime is compiled for
//!   `wasm32v1-none` (the MVP plus mutable globals), which never emits them,
//!   so the lowering is the identity. To be sure, every module is validated
//!   against exactly that feature set; one that uses anything more is refused
//!   with an error (the build fails) rather than passed through unlowered.
//! * **DWARF stripping** drops the `.debug_*` custom sections. Every other
//!   section is copied byte for byte.
//!
//! Only the API the builder calls is provided: [`OptimizationOptions`]
//! with `new_opt_level_0`, `add_pass`, `debug_info`, `mvp_features_only` and
//! `run`.

use std::{fmt, fs, io, path::Path};

/// The binaryen passes this crate implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
	/// Lowers sign-extension instructions to MVP ones (the identity on the
	/// modules this crate accepts).
	SignextLowering,
	/// Removes DWARF debug information (`.debug_*` custom sections).
	StripDwarf,
}

/// What [`OptimizationOptions::run`] does to a module.
#[derive(Clone, Debug, Default)]
pub struct OptimizationOptions {
	passes: Vec<Pass>,
}

/// Why a module could not be processed.
#[derive(Debug)]
pub enum OptimizationError {
	/// The input file could not be read.
	Read(io::Error),
	/// The output file could not be written.
	Write(io::Error),
	/// The input is not a valid wasm module of the MVP + mutable-globals
	/// feature set (`wasm32v1-none`).
	Invalid(String),
}

impl fmt::Display for OptimizationError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Self::Read(e) => write!(f, "failed to read the wasm module: {e}"),
			Self::Write(e) => write!(f, "failed to write the wasm module: {e}"),
			Self::Invalid(e) => write!(
				f,
				"the wasm module is not valid wasm32v1-none (MVP + mutable globals): {e}; \
				 this wasm-opt (crates/wasm-opt) lowers no post-MVP features"
			),
		}
	}
}

impl std::error::Error for OptimizationError {}

impl OptimizationOptions {
	/// No optimisation; only the passes added with [`Self::add_pass`].
	pub fn new_opt_level_0() -> Self {
		Self::default()
	}

	/// Adds a pass to run.
	pub fn add_pass(&mut self, pass: Pass) -> &mut Self {
		self.passes.push(pass);
		self
	}

	/// Kept for API compatibility: names and other non-DWARF custom sections
	/// are always kept.
	pub fn debug_info(&mut self, _keep: bool) -> &mut Self {
		self
	}

	/// Kept for API compatibility: modules are always validated against the
	/// MVP + mutable-globals feature set.
	pub fn mvp_features_only(&mut self) -> &mut Self {
		self
	}

	/// Reads the module at `infile`, validates it and writes it, with the
	/// passes applied, to `outfile` (which may be `infile`).
	pub fn run(
		&self,
		infile: impl AsRef<Path>,
		outfile: impl AsRef<Path>,
	) -> Result<(), OptimizationError> {
		let module = fs::read(infile).map_err(OptimizationError::Read)?;
		let out = self.apply(&module)?;
		fs::write(outfile, out).map_err(OptimizationError::Write)
	}

	/// The passes applied to `module`'s bytes.
	pub fn apply(&self, module: &[u8]) -> Result<Vec<u8>, OptimizationError> {
		wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::WASM1)
			.validate_all(module)
			.map_err(|e| OptimizationError::Invalid(e.to_string()))?;
		if !self.passes.contains(&Pass::StripDwarf) {
			return Ok(module.to_vec());
		}
		let mut out = Vec::with_capacity(module.len());
		out.extend_from_slice(&module[..8]);
		for section in sections(&module[8..])? {
			let is_dwarf = section
				.custom_name
				.is_some_and(|name| name.starts_with(b".debug_"));
			if !is_dwarf {
				out.extend_from_slice(section.bytes);
			}
		}
		Ok(out)
	}
}

/// One section of a module: its bytes (id, size and contents) and, for a
/// custom section, its name.
struct Section<'a> {
	bytes: &'a [u8],
	custom_name: Option<&'a [u8]>,
}

/// Splits a module's bytes after its 8-byte header into sections.
fn sections(mut rest: &[u8]) -> Result<Vec<Section<'_>>, OptimizationError> {
	let invalid = || OptimizationError::Invalid("truncated section".into());
	let mut sections = Vec::new();
	while let Some((&id, after_id)) = rest.split_first() {
		let (size, after_size) = leb128_u32(after_id).ok_or_else(invalid)?;
		let header = rest.len() - after_size.len();
		let end = header
			.checked_add(size as usize)
			.filter(|&e| e <= rest.len())
			.ok_or_else(invalid)?;
		let custom_name = if id == 0 {
			let (len, name) = leb128_u32(&rest[header..end]).ok_or_else(invalid)?;
			Some(name.get(..len as usize).ok_or_else(invalid)?)
		} else {
			None
		};
		sections.push(Section {
			bytes: &rest[..end],
			custom_name,
		});
		rest = &rest[end..];
	}
	Ok(sections)
}

/// An unsigned LEB128 `u32` at the start of `bytes`, and the bytes after it.
fn leb128_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
	let mut value = 0u32;
	for (i, &byte) in bytes.iter().enumerate().take(5) {
		value |= u32::from(byte & 0x7f) << (7 * i);
		if byte & 0x80 == 0 {
			return Some((value, &bytes[i + 1..]));
		}
	}
	None
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A module with one function `(func (result i32) i32.const 1 <op>)`,
	/// a `.debug_info` and a `name`-like custom section.
	fn module(op: &[u8]) -> Vec<u8> {
		let mut m = b"\0asm\x01\0\0\0".to_vec();
		m.extend([1, 5, 1, 0x60, 0, 1, 0x7f]); // type section: () -> i32
		m.extend([3, 2, 1, 0]); // function section
		let body: Vec<u8> = [&[0u8, 0x41, 1][..], op, &[0x0b]].concat();
		m.extend([10, body.len() as u8 + 2, 1, body.len() as u8]);
		m.extend(body);
		for name in [&b".debug_info"[..], b"keep"] {
			m.extend([0, name.len() as u8 + 3, name.len() as u8]);
			m.extend(name);
			m.extend([7, 7]);
		}
		m
	}

	#[test]
	fn strips_dwarf_and_keeps_everything_else_byte_for_byte() {
		let input = module(&[]);
		let stripped = OptimizationOptions::new_opt_level_0()
			.add_pass(Pass::StripDwarf)
			.add_pass(Pass::SignextLowering)
			.apply(&input)
			.unwrap();
		let dwarf = [&[0u8, 14, 11][..], b".debug_info", &[7, 7]].concat();
		let at = input.windows(dwarf.len()).position(|w| w == dwarf).unwrap();
		let expected = [&input[..at], &input[at + dwarf.len()..]].concat();
		assert_eq!(stripped, expected);
		wasmparser::validate(&stripped).unwrap();
		// Without StripDwarf the module is copied as it is.
		let mut lower_only = OptimizationOptions::new_opt_level_0();
		lower_only.add_pass(Pass::SignextLowering);
		assert_eq!(lower_only.apply(&input).unwrap(), input);
	}

	#[test]
	fn refuses_sign_extension_instead_of_passing_it_through() {
		// i32.extend8_s (0xc0): valid wasm 2.0, not wasm32v1-none.
		let input = module(&[0xc0]);
		wasmparser::validate(&input).expect("valid under the default (wasm 2.0+) features");
		let err = OptimizationOptions::new_opt_level_0()
			.add_pass(Pass::SignextLowering)
			.apply(&input)
			.unwrap_err();
		assert!(matches!(err, OptimizationError::Invalid(_)), "{err}");
	}

	#[test]
	fn refuses_truncated_modules() {
		let input = module(&[]);
		let err = OptimizationOptions::new_opt_level_0()
			.add_pass(Pass::StripDwarf)
			.apply(&input[..input.len() - 1])
			.unwrap_err();
		assert!(matches!(err, OptimizationError::Invalid(_)));
	}
}
