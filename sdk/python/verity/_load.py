"""Finds the Rust extension ``verity._native``.

A wheel (``pip install ./sdk/python``, ``maturin develop``) puts it in the
package. In the repository, ``scripts/setup`` installs the package without
building it: the extension is the ``lib_native.so`` the workspace build
(``cargo build --release --workspace``, which every script runs) leaves in
the target dir, so it is compiled once, with the workspace's features. That
file is loaded from ``$VERITY_NATIVE_LIB``, else
``$CARGO_TARGET_DIR/release/lib_native.so`` (default target dir
``~/.cache/verity/target``).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import List

NAME = "verity._native"


def candidates() -> List[Path]:
    """Where the workspace build's extension may be, in order."""
    paths = []
    if os.environ.get("VERITY_NATIVE_LIB"):
        paths.append(Path(os.environ["VERITY_NATIVE_LIB"]))
    target = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/verity/target"))
    paths.append(target / "release" / "lib_native.so")
    return paths


def load_native() -> ModuleType:
    """``verity._native``: the packaged extension, else the workspace build's."""
    if NAME in sys.modules:
        return sys.modules[NAME]
    try:
        return importlib.import_module(NAME)
    except ImportError:
        pass
    tried = candidates()
    for path in tried:
        if path.is_file():
            loader = importlib.machinery.ExtensionFileLoader(NAME, str(path))
            spec = importlib.util.spec_from_file_location(NAME, str(path), loader=loader)
            assert spec is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[NAME] = module
            loader.exec_module(module)
            return module
    raise ImportError(
        "the Verity SDK's Rust extension (verity._native) is missing: build the workspace "
        "(cargo build --release --workspace; scripts/test and scripts/dev do) or install the "
        f"package with pip/maturin; looked in {', '.join(str(p) for p in tried)}"
    )
