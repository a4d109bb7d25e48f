"""Local quantize, run and hash: the same answers as the ``verity`` CLI for
the same files (both call verity-inference)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from conftest import CALIBRATION, ONNX, QMODEL, SAMPLE
from verity import EngineError, InputError, QuantizedModel, engine


def cli_json(cli_bin: Path, *args: str) -> dict:
    out = subprocess.run([str(cli_bin), *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def test_hashes_match_cli(cli_bin: Path) -> None:
    onnx = cli_json(cli_bin, "model", "hash", str(ONNX))
    assert engine.onnx_hash(ONNX) == onnx["onnx_hash"]
    q = cli_json(cli_bin, "model", "hash", str(QMODEL))
    model = QuantizedModel.load(QMODEL)
    assert model.quantized_hash == q["quantized_model_hash"]
    assert model.source_onnx_hash == q["source_onnx_hash"]


def test_quantize_matches_cli(cli_bin: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.qmodel"
    printed = cli_json(
        cli_bin,
        "model",
        "quantize",
        str(ONNX),
        "--calibration",
        str(CALIBRATION),
        "--out",
        str(out),
        "--json",
    )
    model = engine.quantize(ONNX, CALIBRATION)
    assert model.bytes == out.read_bytes()
    assert model.quantized_hash == printed["quantized_model_hash"]
    assert model.calibration_samples == printed["calibration_samples"]
    # Calibration given as arrays gives the same model.
    arrays = engine.load_tensors(CALIBRATION)
    assert engine.quantize(ONNX.read_bytes(), arrays).bytes == model.bytes


def test_run_quantized_matches_cli(cli_bin: Path) -> None:
    printed = cli_json(cli_bin, "model", "run", str(QMODEL), "--input", str(SAMPLE))
    run = QuantizedModel.load(QMODEL).run(engine.load_tensors(SAMPLE))
    assert set(run.outputs) == set(printed["outputs"])
    for name, o in printed["outputs"].items():
        assert list(run.outputs[name].shape) == o["shape"]
        assert np.array_equal(run.outputs[name].ravel(), np.asarray(o["data"], dtype=np.float32))
        assert run.quantized_outputs[name].ravel().tolist() == o["quantized"]["data"]
    for name, q in printed["model"]["quantized_inputs"].items():
        assert run.quantized_inputs[name].ravel().tolist() == q["data"]


def test_run_float_matches_cli(cli_bin: Path) -> None:
    printed = cli_json(cli_bin, "model", "run", str(ONNX), "--input", str(SAMPLE))
    outs = engine.run_float(ONNX, engine.load_tensors(SAMPLE))
    for name, o in printed["outputs"].items():
        assert np.array_equal(outs[name].ravel(), np.asarray(o["data"], dtype=np.float32))


def test_engine_errors_are_clear() -> None:
    model = QuantizedModel.load(QMODEL)
    with pytest.raises(EngineError, match="shape"):
        model.run({"input": np.zeros((1, 63), dtype=np.float32)})
    with pytest.raises(EngineError, match="missing input 'input'"):
        model.run({"x": np.zeros((1, 64), dtype=np.float32)})
    with pytest.raises(EngineError):
        engine.quantize(b"not an onnx model", CALIBRATION)
    with pytest.raises(InputError, match="not a numeric array"):
        model.run({"input": [["a", "b"]]})
