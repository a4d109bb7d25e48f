"""The client against a live dev node: register, infer in every mode,
result, models, and the errors."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import EXAMPLE, QMODEL, SAMPLE
from verity import Client, InputError, ModuleError, QuantizedModel, RequestError, engine


@pytest.fixture(scope="module")
def sample() -> dict:
    return engine.load_tensors(SAMPLE)


@pytest.fixture(scope="module")
def expected(sample: dict) -> engine.QuantizedRun:
    """The local fixed-point run of the registered model (same bytes as the
    committed .qmodel: quantization is deterministic)."""
    return QuantizedModel.load(QMODEL).run(sample)


def test_registered_model(alice: Client, model_id: int) -> None:
    m = alice.model(model_id)
    assert m is not None
    assert (m.name, m.version, m.ceremony, m.active) == (EXAMPLE, "1.0.0", "final", True)
    assert m.quantized_hash == QuantizedModel.load(QMODEL).quantized_hash
    assert m.inputs[0].shape == (1, 64)
    assert m.sync_enabled
    assert model_id in [x.id for x in alice.models()]
    assert [x.id for x in alice.models(name=EXAMPLE)] == [model_id]


def _check_outputs(result, expected: engine.QuantizedRun) -> None:
    (q,) = expected.quantized_outputs.values()
    (y,) = expected.outputs.values()
    assert result.quantized_output == q.ravel().tolist()
    assert np.array_equal(result.output, y)
    assert int(result.output.argmax()) == int(y.argmax())


def test_infer_vanilla_and_result(
    alice: Client, bob: Client, model_id: int, sample: dict, expected: engine.QuantizedRun
) -> None:
    r = bob.infer(model_id, sample, mode="vanilla")
    assert (r.mode, r.status, r.verified) == ("vanilla", "unverified", False)
    assert r.executor == alice.address
    assert r.requester == bob.address
    assert r.block is not None and r.block > 0
    _check_outputs(r, expected)
    again = alice.result(r.request_id)
    assert again.quantized_output == r.quantized_output
    assert (again.block, again.executor, again.status) == (r.block, r.executor, r.status)


def test_infer_zk(
    alice: Client, bob: Client, model_id: int, sample: dict, expected: engine.QuantizedRun
) -> None:
    pending = bob.infer(model_id, sample, mode="zk", wait=False)
    assert pending.status == "pending" and pending.request_id is not None
    r = bob.wait_for_result(pending.request_id, timeout=120)
    assert (r.mode, r.status, r.verified) == ("zk", "verified", True)
    assert "Groth16" in r.proof
    assert r.executor == alice.address
    _check_outputs(r, expected)


def test_infer_now(bob: Client, model_id: int, sample: dict, expected: engine.QuantizedRun) -> None:
    r = bob.infer(model_id, sample, mode="now")
    assert (r.mode, r.status, r.request_id, r.executor) == ("now", "computed", None, None)
    _check_outputs(r, expected)


def test_unknown_model_raises_pallet_error(bob: Client, sample: dict) -> None:
    with pytest.raises(ModuleError) as e:
        bob.infer(1_000_000, sample, mode="vanilla")
    assert e.value.name == "Inference.UnknownModel"
    assert str(e.value).startswith("Inference.UnknownModel")


def test_malformed_inputs(bob: Client, model_id: int) -> None:
    with pytest.raises(InputError, match=r"shape \[1, 63\].*expects \[1, 64\]"):
        bob.infer(model_id, {"input": np.zeros((1, 63))}, mode="vanilla")
    with pytest.raises(InputError, match="takes 1 input"):
        bob.infer(model_id, {"a": np.zeros((1, 64)), "b": np.zeros((1, 64))}, mode="vanilla")
    with pytest.raises(InputError, match="not a numeric array"):
        bob.infer(model_id, {"input": [["x"] * 64]}, mode="vanilla")
    with pytest.raises(InputError, match="NaN"):
        bob.infer(model_id, {"input": np.full((1, 64), np.nan)}, mode="vanilla")
    with pytest.raises(InputError, match="mode must be one of"):
        bob.infer(model_id, {"input": np.zeros((1, 64))}, mode="fast")


def test_unknown_request(alice: Client) -> None:
    with pytest.raises(RequestError, match="unknown request"):
        alice.result(10**9)
