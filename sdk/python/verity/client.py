"""The Verity client: register models, request inferences, read results.

    >>> from verity import Client
    >>> client = Client("ws://127.0.0.1:9944", "//Alice")
    >>> model_id = client.register_model("models/mlp_digits8.onnx",
    ...     "models/data/mlp_digits8.calibration.json", "mlp_digits8", "1.0.0")
    >>> r = client.infer(model_id, {"input": x}, mode="zk")
    >>> r.output.argmax(), r.block, r.executor, r.proof

It follows the ``verity`` CLI step by step (``cli/src/onchain.rs``): the
model is quantized and hashed by the node's engine (``verity._native``), its
files uploaded to the node, registered with ``Models.register_model`` and
its key ceremony awaited; inputs are quantized at the model's registered
formats and outputs dequantized by the same engine.
"""

from __future__ import annotations

import os
import time
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from substrateinterface import Keypair
from substrateinterface.utils.ss58 import ss58_encode

from verity import engine
from verity.chain import Chain, bounded, enum_name, hash_hex, hex0x, text
from verity.engine import QuantizedModel, TensorFormat
from verity.errors import ChainError, InputError, ModuleError, RequestError
from verity.types import MODES, InferenceResult, ModelInfo

#: A request's deadline, in blocks after the current one (the CLI's default).
DEFAULT_DEADLINE_BLOCKS = 100
#: How long :meth:`Client.infer` waits for a result by default, in seconds.
DEFAULT_TIMEOUT = 300.0
#: How long :meth:`Client.register_model` waits for the key ceremony.
DEFAULT_CEREMONY_TIMEOUT = 600.0

_CHAIN_MODES = {"zk": "Zk", "vanilla": "Vanilla", "optimistic": "Optimistic"}


def _keypair(key: Union[Keypair, str, None], ss58_format: int) -> Optional[Keypair]:
    if key is None or isinstance(key, Keypair):
        return key
    if isinstance(key, str):
        return Keypair.create_from_uri(key, ss58_format=ss58_format)
    raise InputError(f"keypair must be a substrateinterface.Keypair or a SURI, got {key!r}")


class Client:
    """A Verity node's client.

    :param url: the node's JSON-RPC websocket (``ws://127.0.0.1:9944`` for
        ``scripts/dev``).
    :param keypair: the signer: a ``substrateinterface.Keypair`` or a secret
        URI (``"//Alice"``, a mnemonic). Reads need none.
    :param wait_for_finalization: wait for each call's block to be finalized
        (as the CLI does) rather than only included.
    """

    def __init__(
        self,
        url: str = "ws://127.0.0.1:9944",
        keypair: Union[Keypair, str, None] = None,
        wait_for_finalization: bool = False,
    ) -> None:
        self.chain = Chain(url, wait_for_finalization)
        self.keypair = _keypair(keypair, self.chain.ss58_format)

    def close(self) -> None:
        """Closes the connection."""
        self.chain.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def address(self) -> str:
        """The signer's SS58 address, in the chain's address format (as the
        results' ``executor`` and ``requester`` are)."""
        return ss58_encode(self._signer().public_key, self.chain.ss58_format)

    def _signer(self) -> Keypair:
        if self.keypair is None:
            raise InputError("this call is signed: create the Client with a keypair")
        return self.keypair

    # ------------------------------------------------------------------
    # Models

    def register_model(
        self,
        onnx_path: Union[str, os.PathLike, bytes],
        calibration: Union[str, os.PathLike, bytes, Mapping[str, Any]],
        name: str,
        version: str,
        *,
        act_bits: Optional[int] = None,
        weight_bits: Optional[int] = None,
        wait: bool = True,
        timeout: float = DEFAULT_CEREMONY_TIMEOUT,
    ) -> int:
        """Quantizes, uploads and registers a model; returns its id.

        As ``verity model register``: quantizes ``onnx_path`` calibrated on
        ``calibration`` (a calibration JSON file, or ``{input: ndarray}``
        with a leading sample dimension), sizes its circuit's QAP domain on
        the chain's SRS, uploads the ONNX and quantized files to the node
        (which needs ``--rpc-methods unsafe``), and calls
        ``Models.register_model`` with zk and vanilla support, which starts
        the model's key ceremony. With ``wait``, returns once the ceremony is
        final (retrying it once if it failed, as ``scripts/dev`` does), so zk
        requests are served right away.
        """
        signer = self._signer()
        onnx_bytes = engine._read(onnx_path)
        srs = self.chain.query("Ceremony", "Phase1")
        if not srs:
            raise ChainError("the chain has no setup ceremony (Ceremony.Phase1 is empty)")
        if enum_name(srs.get("phase")) != "Final":
            raise ChainError(
                "zk models can be registered once the chain's SRS is final, and it is "
                f"not yet (phase {enum_name(srs.get('phase'))})"
            )
        model = engine.quantize(onnx_bytes, calibration, act_bits, weight_bits)
        domain, _ = engine.circuit_domain(model, int(srs["max_domain"]))
        # Upload first: the validators need the quantized model for the key
        # ceremony, the executors both files.
        self.chain.upload_artifact(onnx_bytes)
        self.chain.upload_artifact(model.bytes)
        descriptor = {
            "version": hex0x(version.encode()),
            "onnx_hash": engine.onnx_hash(onnx_bytes),
            "quantized_hash": model.quantized_hash,
            "zk": {"domain_size": domain, "owner_contributes": False},
            "act_bits": model.act_bits,
            "inputs": bounded(
                [{"shape": bounded(i.shape), "frac_bits": i.frac_bits} for i in model.inputs]
            ),
            "outputs": bounded(
                {
                    "shape": bounded(o.shape),
                    "frac_bits": o.frac_bits,
                    "transform": "None"
                    if o.softmax_axis is None
                    else {"Softmax": {"axis": o.softmax_axis}},
                }
                for o in model.outputs
            ),
            "supports_zk": True,
            "supports_vanilla": True,
        }
        receipt = self.chain.submit(
            signer,
            "Models",
            "register_model",
            {"name": hex0x(name.encode()), "descriptor": descriptor},
        )
        model_id = int(receipt.event("Models", "ModelRegistered")["model_id"])
        if wait:
            self.wait_for_key(model_id, timeout)
        return model_id

    def ceremony_status(self, model_id: int) -> Optional[str]:
        """Model ``model_id``'s key ceremony: ``pending``, ``final``,
        ``failed``, or ``None`` (no such ceremony)."""
        c = self.chain.query("Ceremony", "Ceremonies", [model_id])
        if c is None:
            return "final" if self.chain.query("Ceremony", "VerifyingKeys", [model_id]) else None
        return enum_name(c["status"]).lower()

    def wait_for_key(self, model_id: int, timeout: float = DEFAULT_CEREMONY_TIMEOUT) -> None:
        """Waits until model ``model_id``'s key ceremony is final; a failed
        round is retried once (``Ceremony.retry_key``)."""
        deadline = time.monotonic() + timeout
        retried = False
        while True:
            status = self.ceremony_status(model_id)
            if status == "final":
                return
            if status is None:
                raise RequestError(f"model {model_id} has no key ceremony")
            if status == "failed":
                if retried:
                    raise RequestError(f"model {model_id}'s key ceremony failed again")
                self.chain.submit(self._signer(), "Ceremony", "retry_key", {"model_id": model_id})
                retried = True
            if time.monotonic() > deadline:
                raise RequestError(f"model {model_id}'s key ceremony is not final after {timeout} s")
            time.sleep(1.0)

    def model(self, model_id: int) -> Optional[ModelInfo]:
        """Model version ``model_id``, or ``None`` if there is none."""
        spec = self.chain.query("Models", "Specs", [model_id])
        details = self.chain.query("Models", "ModelDetails", [model_id])
        if spec is None or details is None:
            return None
        family = self.chain.query("Models", "Families", [details["family"]]) or {}
        modes = []
        if spec["supports_zk"]:
            modes.append("zk")
        if spec["supports_vanilla"]:
            modes.append("vanilla")
        if spec["supports_zk"]:
            modes.append("optimistic")
        inputs = tuple(
            TensorFormat("", tuple(int(d) for d in i["shape"]), int(i["frac_bits"]))
            for i in details["inputs"]
        )
        outputs = []
        for o in details["outputs"]:
            t = o["transform"]
            axis = int(t["Softmax"]["axis"]) if isinstance(t, dict) and "Softmax" in t else None
            outputs.append(
                TensorFormat("", tuple(int(d) for d in o["shape"]), int(o["frac_bits"]), axis)
            )
        return ModelInfo(
            id=int(model_id),
            family=int(details["family"]),
            name=text(family.get("name")),
            version=text(details["version"]),
            owner=str(family.get("owner", "")),
            active=bool(spec["active"]),
            modes=tuple(modes),
            onnx_hash=hash_hex(details["onnx_hash"]),
            quantized_hash=hash_hex(spec["quantized_hash"]),
            act_bits=int(spec["act_bits"]),
            inputs=inputs,
            outputs=tuple(outputs),
            registered_at=int(details["registered_at"]),
            ceremony=self.ceremony_status(model_id) if details.get("zk") else None,
            sync_enabled=self.chain.query("Inference", "SyncModels", [model_id]) is not None,
        )

    def models(self, name: Optional[str] = None) -> List[ModelInfo]:
        """Every registered model version (only family ``name``'s if given)."""
        next_id = int(self.chain.query("Models", "NextModelId") or 0)
        found = []
        for model_id in range(next_id):
            m = self.model(model_id)
            if m is not None and (name is None or m.name == name):
                found.append(m)
        return found

    def set_sync(
        self,
        model_id: int,
        enabled: bool = True,
        qmodel: Union[QuantizedModel, str, os.PathLike, bytes, None] = None,
    ) -> None:
        """Enables (or disables) a model for ``mode="now"``, as ``verity
        model sync`` does: the runtime runs the quantized model's bytes from
        chain state, so enabling first stores them
        (``Inference.store_model_bytes``, a deposit from the signer) unless
        they are there; they come from ``qmodel`` or else the node's artifact
        store. Then ``Inference.set_sync_model`` through ``Sudo.sudo``: the
        client's keypair must be the sudo key."""
        if enabled:
            model = self.model(model_id)
            if model is None:
                raise InputError(f"unknown model id {model_id}: no such model is registered")
            stored = self.chain.query("Inference", "StoredModels", [model.quantized_hash])
            if stored is None:
                if isinstance(qmodel, QuantizedModel):
                    data = qmodel.bytes
                elif qmodel is not None:
                    data = engine._read(qmodel)
                else:
                    data = self.chain.download_artifact(model.quantized_hash)
                if engine.QuantizedModel.from_bytes(data).quantized_hash != model.quantized_hash:
                    raise InputError(f"qmodel is not model {model_id}'s quantized model")
                self.chain.submit(
                    self._signer(), "Inference", "store_model_bytes", {"bytes": hex0x(data)}
                )
        self.chain.sudo(
            self._signer(),
            "Inference",
            "set_sync_model",
            {"model_id": model_id, "enabled": enabled},
        )

    def register_executor(self) -> bool:
        """Bonds the executor deposit and joins the executor set (``verity
        executor register``); ``False`` if the signer already is one."""
        if self.chain.query("Inference", "ExecutorOf", [self.address]) is not None:
            return False
        self.chain.submit(self._signer(), "Inference", "register_executor", {})
        return True

    # ------------------------------------------------------------------
    # Inference

    def _require_model(self, model_id: int) -> Optional[ModelInfo]:
        return self.model(model_id)

    def infer(
        self,
        model_id: int,
        inputs: Union[Mapping[str, Any], Sequence[Any]],
        mode: str = "zk",
        wait: bool = True,
        *,
        max_fee: Optional[int] = None,
        deadline_blocks: int = DEFAULT_DEADLINE_BLOCKS,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> InferenceResult:
        """Runs model ``model_id`` on ``inputs`` on chain.

        ``inputs`` is ``{name: ndarray}`` (or a list of arrays) in the
        model's input order; each is quantized at the model's registered
        format by the node's engine. ``mode``:

        * ``"zk"``: a request whose executor proves the output (Groth16,
          verified by the runtime);
        * ``"vanilla"``: a request answered without proof;
        * ``"optimistic"``: answered without proof, final unless challenged;
        * ``"now"``: the runtime runs the model inside the transaction
          (``Inference.infer_now``; the model must be sync-enabled, see
          :meth:`set_sync`). Always waits.

        With ``wait`` (default), returns the result once it is on chain
        (within ``timeout`` seconds); otherwise the pending request
        (:meth:`result` fetches it later). The fee held for a request is
        ``max_fee``, by default the least the runtime accepts for a deadline
        ``deadline_blocks`` away.
        """
        if mode not in MODES:
            raise InputError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
        signer = self._signer()
        model = self._require_model(model_id)
        if model is None:
            # The chain says why (e.g. Inference.UnknownModel): send the call
            # with no input, the runtime refuses it before looking at any.
            values: List[int] = []
        else:
            values = engine.quantize_request(inputs, model.inputs, model.act_bits, model_id)
        if mode == "now":
            receipt = self.chain.submit(
                signer, "Inference", "infer_now", {"model_id": model_id, "input": bounded(values)}
            )
            output = [int(v) for v in receipt.event("Inference", "InferenceComputed")["output"]]
            return InferenceResult(
                request_id=None,
                model_id=model_id,
                mode="now",
                status="computed",
                outputs=engine.dequantize_result(output, model.outputs) if model else [],
                quantized_output=output,
                block=receipt.block,
                executor=None,
                verified=False,
                proof="none needed: computed by the runtime in the transaction (infer_now)",
                requester=self.address,
            )
        if max_fee is None:
            max_fee = int(self.chain.constant("Inference", "MinRequestFee")) + int(
                self.chain.constant("Inference", "FeePerDeadlineBlock")
            ) * int(deadline_blocks)
        deadline = self.chain.best_number() + int(deadline_blocks)
        receipt = self.chain.submit(
            signer,
            "Inference",
            "request",
            {
                "model_id": model_id,
                "input": bounded(values),
                "mode": _CHAIN_MODES[mode],
                "max_fee": int(max_fee),
                "deadline": deadline,
            },
        )
        request_id = int(receipt.event("Inference", "Requested")["request_id"])
        if not wait:
            return self.result(request_id)
        return self.wait_for_result(request_id, timeout)

    def wait_for_result(self, request_id: int, timeout: float = DEFAULT_TIMEOUT) -> InferenceResult:
        """Polls request ``request_id`` until it has a result (an optimistic
        one may be provisional); raises :class:`RequestError` if it expired
        or ``timeout`` seconds passed."""
        deadline = time.monotonic() + timeout
        while True:
            r = self.result(request_id)
            if r.status != "pending":
                return r
            if time.monotonic() > deadline:
                raise RequestError(
                    f"request {request_id} has no result after {timeout} s "
                    f"(assigned to {r.executor or 'nobody yet'})",
                    request_id,
                )
            time.sleep(1.0)

    def result(self, request_id: int) -> InferenceResult:
        """Where request ``request_id`` stands (``verity result``): its
        result, a provisional (optimistic) one, or ``pending``. Raises
        :class:`RequestError` for an expired or unknown request."""
        r = self.chain.query("Inference", "Results", [request_id])
        if r is not None:
            return self._result(request_id, r)
        pending = self.chain.query("Inference", "Requests", [request_id])
        if pending is not None:
            return InferenceResult(
                request_id=request_id,
                model_id=int(pending["model_id"]),
                mode=enum_name(pending["mode"]).lower(),
                status="pending",
                executor=pending.get("executor"),
                proof="none yet (pending)",
                requester=pending.get("requester"),
                fee=int(pending["fee"]),
            )
        p = self.chain.query("Inference", "Provisional", [request_id])
        if p is not None:
            model = self.model(int(p["model_id"]))
            output = [int(v) for v in p["output"]]
            return InferenceResult(
                request_id=request_id,
                model_id=int(p["model_id"]),
                mode="optimistic",
                status="provisional",
                outputs=engine.dequantize_result(output, model.outputs) if model else [],
                quantized_output=output,
                block=int(p["block"]),
                executor=p["executor"],
                proof=f"none yet (final after block #{p['challenge_end']} unless challenged)",
                requester=p["requester"],
                fee=int(p["fee"]),
            )
        # The result may have landed between the reads.
        r = self.chain.query("Inference", "Results", [request_id])
        if r is not None:
            return self._result(request_id, r)
        next_id = int(self.chain.query("Inference", "NextRequestId") or 0)
        if request_id < next_id:
            raise RequestError(
                f"request {request_id} expired without a result (its fee was refunded)", request_id
            )
        raise RequestError(f"unknown request {request_id} (requests so far: 0..{next_id})", request_id)

    def _result(self, request_id: int, r: Dict[str, Any]) -> InferenceResult:
        mode = enum_name(r["mode"]).lower()
        verified = bool(r["verified"])
        if mode == "optimistic":
            status = "overturned" if verified else "final"
            proof = (
                "verified by the runtime (a challenge's Groth16 proof)"
                if verified
                else "none (optimistic result, unchallenged in its window)"
            )
        else:
            status = "verified" if verified else "unverified"
            proof = (
                "verified by the runtime (Groth16)" if verified else "none (vanilla result, unverified)"
            )
        model = self.model(int(r["model_id"]))
        output = [int(v) for v in r["output"]]
        return InferenceResult(
            request_id=request_id,
            model_id=int(r["model_id"]),
            mode=mode,
            status=status,
            outputs=engine.dequantize_result(output, model.outputs) if model else [],
            quantized_output=output,
            block=int(r["block"]),
            executor=r["executor"],
            verified=verified,
            proof=proof,
            requester=r["requester"],
            fee=int(r["fee"]),
        )


__all__ = ["Client", "ModuleError", "QuantizedModel"]
