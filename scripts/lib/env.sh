# Shared environment for Verity's scripts. Source it; do not run it.
#
# - One target dir shared by every script, session and CI run, outside the
#   clone so a fresh clone reuses earlier builds. Override CARGO_TARGET_DIR to
#   build elsewhere.
# - The runtime's wasm is built by the Debian rustc that scripts/setup links as
#   the `verity-wasm` rustup toolchain.
# - Paths of the clone are remapped in the wasm so that the runtime (and so the
#   committed chain specs) are byte-identical whichever directory it is built in.

# VERITY_PORTABLE=1 builds for any x86-64 CPU: without the BMI2/ADX that
# .cargo/config.toml enables (the node and CLI refuse to start on a CPU that
# lacks them), into a target dir of its own so the two builds do not replace
# each other. An empty RUSTFLAGS overrides the config's target rustflags.
if [ "${VERITY_PORTABLE:-0}" = 1 ]; then
  export RUSTFLAGS=""
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/verity/target-portable}"
fi

VERITY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export VERITY_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/verity/target}"
# wasm-builder looks for Cargo.lock above the target dir; point it at the clone.
export WASM_BUILD_WORKSPACE_HINT="$VERITY_ROOT"
export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-verity-wasm}"
# Symbol names are stripped too: LLVM suffixes some local names with a hash of
# the module, which still sees the clone's path.
export WASM_BUILD_RUSTFLAGS="${WASM_BUILD_RUSTFLAGS:---remap-path-prefix=$VERITY_ROOT=/verity --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo -C strip=symbols}"
export VERITY_NODE_BIN="${VERITY_NODE_BIN:-$CARGO_TARGET_DIR/release/verity-node}"

# Builds every binary, test and bench of the workspace in the release profile
# (scripts/test, and every script that needs more than scripts/dev's binaries).
verity_build() { cargo build --release --locked --workspace --all-targets "$@"; }

# What scripts/dev runs: the node, the CLI and the explorer, about two thirds
# of verity_build's work. Cargo unifies dependency features over what it
# builds, so a subset usually compiles crates a second time with other
# features; this one is chosen so that every crate in it gets the same
# features as in verity_build (pallet-model-gate is listed because the full
# build selects it with its default features), and the two builds share
# every artifact. scripts/check-build-sets checks that.
VERITY_DEV_PACKAGES=(-p verity-node -p verity-cli -p verity-explorer -p pallet-model-gate)
verity_build_dev() { cargo build --release --locked "${VERITY_DEV_PACKAGES[@]}" "$@"; }

# The runtime's wasm as built in this target dir (absent until a build makes
# it: scripts/dev's cold build may skip it).
VERITY_RUNTIME_WASM="$CARGO_TARGET_DIR/release/wbuild/verity-runtime/verity_runtime.compact.compressed.wasm"

# A digest of what the runtime's wasm is built from: the tracked (and new,
# unignored) files of the crates it compiles, less their tests, benches,
# examples and docs, with the lockfile, the cargo config, the wasm build's
# flags (this file), the sysroot's recipe (scripts/setup) and the wasm
# toolchain's rustc version. scripts/chain-specs records it in
# chain-spec/runtime-source.sha256 beside the specs whose code is that wasm;
# the chain-spec test checks it is current. Of the clone at $1 if given.
verity_runtime_source_digest() {
  (
    cd "${1:-$VERITY_ROOT}" || exit 1
    git ls-files --cached --others --exclude-standard -- \
      runtime pallets zk-circuits inference-engine crates \
      Cargo.toml Cargo.lock .cargo scripts/lib/env.sh scripts/setup \
      | grep -Ev '(^|/)(tests|benches|bench|examples)/|(^|/)(tests|mock|benchmarking)\.rs$|\.md$' \
      | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha256sum 2>&1
    rustc +"$WASM_BUILD_TOOLCHAIN" -V 2>&1
  ) | sha256sum | cut -d' ' -f1
}

# Whether the committed chain specs were exported from the runtime's current
# sources (their code is the wasm these sources build).
verity_chain_specs_current() {
  [ "$(verity_runtime_source_digest)" = "$(cat "$VERITY_ROOT/chain-spec/runtime-source.sha256" 2>/dev/null)" ]
}

# Prints a bold step header.
verity_step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
