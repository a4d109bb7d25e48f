//! The CPU instructions this build needs, checked at start-up.
//!
//! x86-64 builds enable BMI2 and ADX (`.cargo/config.toml`) so that
//! arkworks' field multiplication runs its `mulx`/`adcx`/`adox` assembly
//! (proving is 10-25 % faster). The compiler may then use those instructions
//! anywhere, and a binary started on a CPU without them dies with SIGILL at
//! the first one, without a word. The node and the CLI call [`check`] first
//! thing, so that such a CPU gets an error naming what is missing and how to
//! build a binary that runs on it.

/// An instruction-set extension this binary was compiled to use.
struct Feature {
	/// Its name, as `-C target-feature` spells it.
	name: &'static str,
	/// Whether this build uses it.
	compiled_in: bool,
	/// Its bit in `EBX` of CPUID leaf 7, sub-leaf 0.
	leaf7_ebx_bit: u32,
}

const FEATURES: [Feature; 2] = [
	Feature {
		name: "bmi2",
		compiled_in: cfg!(target_feature = "bmi2"),
		leaf7_ebx_bit: 8,
	},
	Feature {
		name: "adx",
		compiled_in: cfg!(target_feature = "adx"),
		leaf7_ebx_bit: 19,
	},
];

/// How to build a binary without BMI2/ADX (README, "Older CPUs").
pub const PORTABLE_BUILD_HINT: &str =
	"build a portable binary with VERITY_PORTABLE=1 (e.g. `VERITY_PORTABLE=1 scripts/dev`), \
	 which compiles without them into ~/.cache/verity/target-portable";

/// The features this binary was compiled with that a CPU whose CPUID leaf 7
/// `EBX` is `leaf7_ebx` (0 when the CPU has no leaf 7) lacks.
fn missing_from(leaf7_ebx: u32) -> impl Iterator<Item = &'static str> {
	FEATURES
		.iter()
		.filter(move |f| f.compiled_in && leaf7_ebx & (1 << f.leaf7_ebx_bit) == 0)
		.map(|f| f.name)
}

/// CPUID leaf 7's `EBX` on this CPU (0 if it has no leaf 7).
#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn leaf7_ebx() -> u32 {
	use core::arch::x86_64::{__cpuid, __cpuid_count};
	// CPUID is unprivileged and present on every x86-64 CPU.
	#[allow(unused_unsafe)]
	let max_leaf = unsafe { __cpuid(0) }.eax;
	if max_leaf < 7 {
		return 0;
	}
	#[allow(unused_unsafe)]
	unsafe { __cpuid_count(7, 0) }.ebx
}

/// Other architectures: this build uses none of the features above.
#[cfg(not(target_arch = "x86_64"))]
fn leaf7_ebx() -> u32 {
	u32::MAX
}

/// `Err` with a message naming the instructions this binary was compiled to
/// use that the CPU lacks, and how to build one without them.
pub fn check() -> Result<(), String> {
	let missing: Vec<&str> = missing_from(leaf7_ebx()).collect();
	if missing.is_empty() {
		return Ok(());
	}
	Err(format!(
		"this binary was built for x86-64 CPUs with BMI2 and ADX (Intel Broadwell, AMD Zen and \
		 later), and this CPU lacks {}; {PORTABLE_BUILD_HINT}",
		missing.join(" and ").to_uppercase()
	))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_cpu_without_the_extensions_is_named_what_it_lacks() {
		let compiled: Vec<&str> = FEATURES
			.iter()
			.filter(|f| f.compiled_in)
			.map(|f| f.name)
			.collect();
		assert_eq!(missing_from(0).collect::<Vec<_>>(), compiled);
		let only_bmi2 = 1 << 8;
		assert_eq!(
			missing_from(only_bmi2).collect::<Vec<_>>(),
			compiled
				.iter()
				.copied()
				.filter(|f| *f == "adx")
				.collect::<Vec<_>>()
		);
		assert_eq!(missing_from((1 << 8) | (1 << 19)).count(), 0);
	}

	#[test]
	#[cfg(all(
		target_arch = "x86_64",
		target_feature = "bmi2",
		target_feature = "adx"
	))]
	fn this_build_uses_bmi2_and_adx_and_this_cpu_has_them() {
		// The repository's .cargo/config.toml enables both; a build without
		// them (VERITY_PORTABLE=1) skips this test.
		assert_eq!(check(), Ok(()));
	}
}
