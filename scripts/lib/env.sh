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

# Claims the shared target dir for this clone before a build. Cargo names and
# fingerprints a workspace crate by its path inside the workspace, not by the
# clone's directory, and decides freshness by modification times: after a
# build in another clone, this clone's older files look built, so cargo would
# run the other clone's code (and its `env!("CARGO_MANIFEST_DIR")` paths).
# When the last build was another clone's, touching this clone's files makes
# cargo rebuild the workspace crates (the dependencies stay shared).
verity_claim_target_dir() {
  local last="$CARGO_TARGET_DIR/.verity-last-clone"
  if [ -f "$last" ] && [ "$(cat "$last")" != "$VERITY_ROOT" ] && [ -d "$VERITY_ROOT/.git" ]; then
    echo "verity: the target dir was last built from $(cat "$last"); rebuilding this clone's crates" >&2
    git -C "$VERITY_ROOT" ls-files -z --cached --others --exclude-standard |
      (cd "$VERITY_ROOT" && xargs -0 touch -c)
  fi
  mkdir -p "$CARGO_TARGET_DIR" && printf '%s\n' "$VERITY_ROOT" >"$last"
}

# Waits until the node at URL $2 answers the `verity` CLI at $1, for at most
# $4 seconds while process $3 (the node, or the script that started it) lives.
verity_wait_for_rpc() {
  local cli="$1" url="$2" pid="$3" secs="$4"
  for _ in $(seq $((secs * 2))); do
    "$cli" model list --url "$url" --json >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "the node (pid $pid) exited" >&2; return 1; }
    sleep 0.5
  done
  echo "the node's RPC at $url did not come up in $secs s" >&2
  return 1
}

# Builds every binary, test and bench of the workspace in the release profile
# (scripts/test, and every script that needs more than scripts/dev's binaries).
verity_build() {
  verity_claim_target_dir
  cargo build --release --locked --workspace --all-targets "$@"
}

# What scripts/dev runs: the node, the CLI and the explorer, about two thirds
# of verity_build's work. Cargo unifies dependency features over what it
# builds, so a subset usually compiles crates a second time with other
# features; this one is chosen so that every crate in it gets the same
# features as in verity_build (pallet-model-gate is listed because the full
# build selects it with its default features), and the two builds share
# every artifact. scripts/check-build-sets checks that.
VERITY_DEV_PACKAGES=(-p verity-node -p verity-cli -p verity-explorer -p pallet-model-gate)
verity_build_dev() {
  verity_claim_target_dir
  cargo build --release --locked "${VERITY_DEV_PACKAGES[@]}" "$@"
}

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
