"""Verity Python SDK: verifiable AI inference on the Verity chain.

* :class:`Client` talks to a node: :meth:`Client.register_model`,
  :meth:`Client.infer` (``mode="zk" | "vanilla" | "optimistic" | "now"``),
  :meth:`Client.result`, :meth:`Client.models`.
* :mod:`verity.engine` quantizes, runs and hashes models locally with the
  node's own engine (the Rust ``verity-inference`` crate, via PyO3).
* :mod:`verity.errors`: every failure is a :class:`VerityError`; a call the
  chain rejects raises :class:`ModuleError` named after the pallet error
  (``Inference.UnknownModel``, ...).
"""

from verity._load import load_native

_native = load_native()

from substrateinterface import Keypair  # noqa: E402

from verity.client import Client  # noqa: E402
from verity.engine import (
    QuantizedModel,
    QuantizedRun,
    TensorFormat,
    load_tensors,
    onnx_hash,
    quantize,
    run_float,
    run_quantized,
)
from verity.errors import (
    ChainError,
    DispatchError,
    EngineError,
    InputError,
    ModuleError,
    RequestError,
    TransactionError,
    VerityError,
)
from verity.types import InferenceResult, ModelInfo

__version__ = "0.1.0"

__all__ = [
    "ChainError",
    "Client",
    "DispatchError",
    "EngineError",
    "InferenceResult",
    "InputError",
    "Keypair",
    "ModelInfo",
    "ModuleError",
    "QuantizedModel",
    "QuantizedRun",
    "RequestError",
    "TensorFormat",
    "TransactionError",
    "VerityError",
    "load_tensors",
    "onnx_hash",
    "quantize",
    "run_float",
    "run_quantized",
]
