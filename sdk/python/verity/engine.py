"""Local model operations on numpy arrays, by the node's own engine.

Every function here calls ``verity._native`` (Rust, PyO3), the
``verity-inference`` crate the node, the executors and the CLI run: the
quantization, the fixed-point run, the hashes and the input/output scaling
are the chain's, not Python re-implementations.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np

from verity import _native
from verity.errors import InputError, engine_call

PathOrBytes = Union[str, os.PathLike, bytes]
Tensors = Mapping[str, "np.typing.ArrayLike"]


def _read(source: PathOrBytes) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source)
    with open(source, "rb") as f:
        return f.read()


def _to_native(tensors: Tensors) -> Dict[str, Tuple[List[int], List[float]]]:
    """``{name: array}`` as the native ``{name: (shape, flat data)}`` (f32)."""
    if not isinstance(tensors, Mapping):
        raise InputError(
            f"inputs must be a mapping {{name: ndarray}}, got {type(tensors).__name__}"
        )
    out = {}
    for name, value in tensors.items():
        try:
            a = np.asarray(value, dtype=np.float32)
        except (TypeError, ValueError) as e:
            raise InputError(f"input '{name}': not a numeric array ({e})") from None
        out[str(name)] = (list(a.shape), a.ravel().tolist())
    return out


def load_tensors(source: PathOrBytes) -> Dict[str, np.ndarray]:
    """Reads a JSON tensor file of the CLI (``{"name": {"shape", "data"}}``,
    e.g. ``models/samples/*.input.json`` or a calibration file)."""
    parsed = engine_call(_native.parse_tensor_file, _read(source))
    return {
        name: np.asarray(data, dtype=np.float32).reshape(shape)
        for name, (shape, data) in parsed.items()
    }


def blake2_256(data: bytes) -> bytes:
    """blake2-256 (Substrate's ``blake2_256``)."""
    return _native.blake2_256(bytes(data))


def onnx_hash(onnx: PathOrBytes) -> str:
    """The ONNX hash the chain stores (``0x``-hex of blake2-256 of the file)."""
    return "0x" + _native.onnx_hash(_read(onnx)).hex()


@dataclass(frozen=True)
class TensorFormat:
    """A model input's or output's registered format."""

    name: str
    shape: Tuple[int, ...]
    frac_bits: int
    #: The softmax axis applied after dequantization (outputs only).
    softmax_axis: Optional[int] = None


@dataclass(frozen=True)
class QuantizedModel:
    """A quantized model: its file bytes (what executors run) and its
    description, as ``verity model quantize`` writes and ``verity model hash``
    prints them."""

    bytes: bytes
    quantized_hash: str
    source_onnx_hash: str
    act_bits: int
    ops: int
    inputs: Tuple[TensorFormat, ...]
    outputs: Tuple[TensorFormat, ...]
    calibration_samples: Optional[int] = field(default=None, compare=False)

    @classmethod
    def from_bytes(cls, data: bytes, calibration_samples: Optional[int] = None) -> "QuantizedModel":
        """Parses (and validates) a quantized model file's bytes."""
        info = engine_call(_native.qmodel_info, bytes(data))
        return cls(
            bytes=bytes(data),
            quantized_hash=info["quantized_hash"],
            source_onnx_hash=info["source_onnx_hash"],
            act_bits=int(info["act_bits"]),
            ops=int(info["ops"]),
            inputs=tuple(TensorFormat(n, tuple(s), f) for n, s, f in info["inputs"]),
            outputs=tuple(TensorFormat(n, tuple(s), f, a) for n, s, f, a in info["outputs"]),
            calibration_samples=calibration_samples,
        )

    @classmethod
    def load(cls, path: Union[str, os.PathLike]) -> "QuantizedModel":
        """Reads a ``.qmodel`` file."""
        return cls.from_bytes(_read(path))

    def save(self, path: Union[str, os.PathLike]) -> None:
        """Writes the model file (byte-identical to the CLI's)."""
        with open(path, "wb") as f:
            f.write(self.bytes)

    def run(self, inputs: Tensors) -> "QuantizedRun":
        """Runs the model in fixed point (see :func:`run_quantized`)."""
        return run_quantized(self, inputs)


def quantize(
    onnx: PathOrBytes,
    calibration: Union[PathOrBytes, Tensors],
    act_bits: Optional[int] = None,
    weight_bits: Optional[int] = None,
) -> QuantizedModel:
    """Quantizes an ONNX model as ``verity model quantize`` does.

    ``calibration`` is a calibration JSON file (path or bytes) or
    ``{input name: ndarray}`` with a leading sample dimension.
    """
    if isinstance(calibration, Mapping):
        cal = _to_native(calibration)
    else:
        cal = engine_call(_native.parse_tensor_file, _read(calibration))
    data, samples = engine_call(_native.quantize_model, _read(onnx), cal, act_bits, weight_bits)
    return QuantizedModel.from_bytes(data, samples)


@dataclass(frozen=True)
class QuantizedRun:
    """The result of a fixed-point run."""

    #: Dequantized outputs (after any softmax), by output name.
    outputs: Dict[str, np.ndarray]
    #: The integer outputs (what the chain stores and the circuit proves).
    quantized_outputs: Dict[str, np.ndarray]
    #: The integer inputs (what a request carries).
    quantized_inputs: Dict[str, np.ndarray]


def run_quantized(model: Union[QuantizedModel, PathOrBytes], inputs: Tensors) -> QuantizedRun:
    """Runs a quantized model in fixed point on float inputs, as ``verity
    model run MODEL.qmodel`` does: bit-identical to the executors' run."""
    data = model.bytes if isinstance(model, QuantizedModel) else _read(model)
    outs, qins = engine_call(_native.run_quantized, data, _to_native(inputs))
    return QuantizedRun(
        outputs={n: np.asarray(d, dtype=np.float32).reshape(s) for n, s, d, _ in outs},
        quantized_outputs={n: np.asarray(q, dtype=np.int64).reshape(s) for n, s, _, q in outs},
        quantized_inputs={n: np.asarray(q, dtype=np.int64).reshape(s) for n, s, q in qins},
    )


def run_float(onnx: PathOrBytes, inputs: Tensors) -> Dict[str, np.ndarray]:
    """Runs an ONNX model in float (the engine's candle executor), as ``verity
    model run MODEL.onnx`` does."""
    outs = engine_call(_native.run_float, _read(onnx), _to_native(inputs))
    return {n: np.asarray(d, dtype=np.float32).reshape(s) for n, s, d in outs}


def quantize_request(
    inputs: Union[Tensors, Sequence["np.typing.ArrayLike"]],
    formats: Sequence[TensorFormat],
    act_bits: int,
    model_id: Optional[int] = None,
) -> List[int]:
    """The integers of a request: each input quantized at its registered
    format (``verity infer``'s rule), all inputs flattened in model order.

    ``inputs`` is ``{name: ndarray}`` (in the model's input order: the chain
    does not store names, so a mapping is matched by position unless its
    names are the formats') or a sequence of arrays.
    """
    what = f"model {model_id}" if model_id is not None else "the model"
    if isinstance(inputs, Mapping):
        names = [f.name for f in formats]
        if all(n for n in names) and set(inputs) == set(names):
            arrays = [inputs[n] for n in names]
            labels = names
        else:
            arrays = list(inputs.values())
            labels = [str(k) for k in inputs]
    elif isinstance(inputs, (list, tuple)):
        arrays = list(inputs)
        labels = [f"#{i}" for i in range(len(arrays))]
    else:
        raise InputError(
            f"inputs must be {{name: ndarray}} or a list of arrays, got {type(inputs).__name__}"
        )
    if len(arrays) != len(formats):
        raise InputError(f"{what} takes {len(formats)} input(s), got {len(arrays)}")
    values: List[int] = []
    for label, value, fmt in zip(labels, arrays, formats):
        try:
            a = np.asarray(value, dtype=np.float32)
        except (TypeError, ValueError) as e:
            raise InputError(f"input '{label}': not a numeric array ({e})") from None
        if tuple(a.shape) != tuple(fmt.shape):
            raise InputError(
                f"input '{label}' has shape {list(a.shape)}, {what} expects {list(fmt.shape)}"
            )
        if not np.all(np.isfinite(a)):
            raise InputError(f"input '{label}' has NaN or infinite values")
        values.extend(_native.quantize_values(a.ravel().tolist(), fmt.frac_bits, act_bits))
    return values


def dequantize_result(output: Sequence[int], formats: Sequence[TensorFormat]) -> List[np.ndarray]:
    """A result's integers split per output and dequantized at the registered
    formats (``verity infer``/``verity result``'s rule: ``q / 2^frac_bits``,
    then the softmax if the output has one)."""
    arrays = []
    at = 0
    for fmt in formats:
        n = int(np.prod(fmt.shape, dtype=np.int64)) if fmt.shape else 1
        q = [int(v) for v in output[at : at + n]]
        at += n
        data = _native.dequantize_values(q, list(fmt.shape), fmt.frac_bits, fmt.softmax_axis)
        arr = np.asarray(data, dtype=np.float32)
        arrays.append(arr.reshape(fmt.shape) if len(arr) == n else arr)
    return arrays


def circuit_domain(model: QuantizedModel, max_domain: int) -> Tuple[int, int]:
    """``(domain_size, constraints)``: the QAP domain ``verity model
    register`` registers the model's circuit with, on an SRS of
    ``max_domain`` points."""
    return engine_call(_native.circuit_domain, model.bytes, int(max_domain))
