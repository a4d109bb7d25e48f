"""Fixtures: the repository's files, the CLI, and one dev node for the session.

The node is ``$VERITY_NODE_BIN --dev --executor --rpc-methods unsafe`` on free
ports (the flags of ``scripts/dev`` and of the Rust harness in
``tests/src/lib.rs``), with its data in a temporary directory; it is stopped
at the end of the session. The example model (``models/mlp_digits8.onnx``,
the smallest) is registered once, as ``scripts/dev`` does, and its key
ceremony awaited.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from verity import Client

ROOT = Path(__file__).resolve().parents[3]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", Path.home() / ".cache/verity/target"))
NODE_BIN = Path(os.environ.get("VERITY_NODE_BIN", TARGET / "release/verity-node"))
CLI_BIN = Path(os.environ.get("VERITY_CLI_BIN", TARGET / "release/verity"))

EXAMPLE = "mlp_digits8"
ONNX = ROOT / f"models/{EXAMPLE}.onnx"
QMODEL = ROOT / f"models/{EXAMPLE}.qmodel"
CALIBRATION = ROOT / f"models/data/{EXAMPLE}.calibration.json"
SAMPLE = ROOT / f"models/samples/{EXAMPLE}.input.json"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def cli_bin() -> Path:
    """The ``verity`` CLI binary (built by ``scripts/test``)."""
    if not CLI_BIN.exists():
        pytest.fail(f"{CLI_BIN} does not exist: build the workspace (scripts/test does)")
    return CLI_BIN


@pytest.fixture(scope="session")
def dev_node() -> Iterator[str]:
    """A dev node (Alice, the worker on); yields its ``ws://`` URL."""
    if not NODE_BIN.exists():
        pytest.fail(f"{NODE_BIN} does not exist: build the workspace (scripts/test does)")
    base = Path(tempfile.mkdtemp(prefix="verity-sdk-node-"))
    rpc_port, p2p_port = _free_port(), _free_port()
    log = open(base / "node.log", "wb")
    proc = subprocess.Popen(
        [
            str(NODE_BIN),
            "--dev",
            "--base-path",
            str(base / "data"),
            "--rpc-port",
            str(rpc_port),
            "--rpc-methods",
            "unsafe",
            "--listen-addr",
            f"/ip4/127.0.0.1/tcp/{p2p_port}",
            "--no-mdns",
            "--no-prometheus",
            "--no-telemetry",
            "--executor",
        ],
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"ws://127.0.0.1:{rpc_port}"

    def tail() -> str:
        return (base / "node.log").read_text(errors="replace")[-4000:]

    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"verity-node exited during start-up ({proc.returncode}):\n{tail()}")
            try:
                Client(url).close()
                break
            except Exception:
                if time.monotonic() > deadline:
                    pytest.fail(f"the node's RPC did not come up in 60 s:\n{tail()}")
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def alice(dev_node: str) -> Iterator[Client]:
    """Alice's client (the sudo key, the dev chain's validator)."""
    with Client(dev_node, "//Alice") as c:
        yield c


@pytest.fixture(scope="session")
def bob(dev_node: str) -> Iterator[Client]:
    """Bob's client: the requester."""
    with Client(dev_node, "//Bob") as c:
        yield c


@pytest.fixture(scope="session")
def model_id(alice: Client) -> int:
    """The example model, registered by Alice with its key ceremony final,
    Alice bonded as executor and the model enabled for ``mode="now"``."""
    mid = alice.register_model(ONNX, CALIBRATION, EXAMPLE, "1.0.0", timeout=240)
    alice.register_executor()
    alice.set_sync(mid, True)
    return mid
