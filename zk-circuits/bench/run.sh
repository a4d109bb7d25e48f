#!/usr/bin/env bash
# Runs bench/compare_ezkl.py in a venv of its own (bench/.venv, gitignored),
# installing ezkl 23.0.5 from PyPI on first use. Tooling only: no test needs it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../../scripts/lib/env.sh"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR}"
if [[ ! -x "$HERE/.venv/bin/python" ]]; then
    python3 -m venv "$HERE/.venv"
    "$HERE/.venv/bin/pip" install --quiet "ezkl==23.0.5" onnx
fi
exec "$HERE/.venv/bin/python" "$HERE/compare_ezkl.py" "$@"
