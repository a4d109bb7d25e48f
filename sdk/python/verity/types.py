"""What the client returns: registered models and inference results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

import numpy as np

from verity.engine import TensorFormat

#: The inference modes of :meth:`verity.Client.infer`: the chain's
#: ``InferenceMode`` for ``zk``, ``vanilla`` and ``optimistic``; ``now`` runs
#: the model inside the transaction (``Inference.infer_now``).
MODES = ("zk", "vanilla", "optimistic", "now")


@dataclass(frozen=True)
class ModelInfo:
    """A registered model version (``verity model show``)."""

    id: int
    family: int
    name: str
    version: str
    owner: str
    active: bool
    #: The modes it accepts (``zk``, ``vanilla``; zk models also take
    #: ``optimistic``).
    modes: Tuple[str, ...]
    onnx_hash: str
    quantized_hash: str
    act_bits: int
    inputs: Tuple[TensorFormat, ...]
    outputs: Tuple[TensorFormat, ...]
    registered_at: int
    #: The key ceremony's status: ``pending``, ``final``, ``failed``, or
    #: ``None`` for a model without zk support.
    ceremony: Optional[str] = None
    #: Enabled for ``infer(..., mode="now")`` (the sudo key enables it).
    sync_enabled: bool = False


@dataclass(frozen=True)
class InferenceResult:
    """An inference's outcome (``verity infer --wait`` / ``verity result``)."""

    #: ``None`` for ``mode="now"`` (no request: computed in the transaction).
    request_id: Optional[int]
    model_id: int
    #: ``zk``, ``vanilla``, ``optimistic`` or ``now``.
    mode: str
    #: ``verified``, ``unverified``, ``final`` or ``overturned`` (optimistic),
    #: ``provisional`` (optimistic, in its challenge window), ``pending`` (no
    #: result yet) or ``computed`` (``now``).
    status: str
    #: The dequantized outputs in the model's output order (empty while
    #: pending).
    outputs: List[np.ndarray] = field(default_factory=list)
    #: The integers the chain stores.
    quantized_output: List[int] = field(default_factory=list)
    #: The block holding the result (or the ``now`` transaction).
    block: Optional[int] = None
    #: The executor's account (``None`` for ``now``: the runtime computed it).
    executor: Optional[str] = None
    #: Whether the runtime verified a Groth16 proof of the output.
    verified: bool = False
    #: The proof's status in words.
    proof: str = ""
    requester: Optional[str] = None
    fee: Optional[int] = None

    @property
    def output(self) -> np.ndarray:
        """The first (usually only) output."""
        if not self.outputs:
            raise ValueError(f"request {self.request_id} has no output yet ({self.status})")
        return self.outputs[0]
