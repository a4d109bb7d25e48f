"""The chain connection: signed calls, storage reads and the node's artifact
RPC, on py-substrate-interface (which reads the node's metadata, so the SDK
follows runtime upgrades that keep the calls' shapes).

Failed calls raise the errors of :mod:`verity.errors`, named after the
pallet error (``Inference.UnknownModel``, ...).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from substrateinterface import Keypair, SubstrateInterface
from substrateinterface.exceptions import SubstrateRequestException

from verity.errors import ChainError, DispatchError, ModuleError, TransactionError

#: Largest artifact sent in one ``artifacts_upload`` call (the CLI's
#: ``UPLOAD_CHUNK``); larger ones go in chunks of this size.
UPLOAD_CHUNK = 1 << 20
#: Bytes asked for per ``artifacts_getChunk`` call (the CLI's).
DOWNLOAD_CHUNK = 4 << 20


def hex0x(data: bytes) -> str:
    """``0x``-prefixed lowercase hex."""
    return "0x" + bytes(data).hex()


def bounded(values: Any) -> List[Any]:
    """A ``BoundedVec`` call argument: py-scalecodec sees the runtime's
    ``BoundedVec<T, S>`` as a one-field composite around the ``Vec<T>``, so
    the list goes in a list (``BoundedVec<u8, _>`` also takes ``0x``-hex)."""
    return [list(values)]


def text(value: Any) -> str:
    """A ``Vec<u8>`` storage value (hex string, str or list of ints) as text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    s = str(value)
    if s.startswith("0x"):
        try:
            return bytes.fromhex(s[2:]).decode("utf-8", "replace")
        except ValueError:
            return s
    return s


def hash_hex(value: Any) -> str:
    """A ``[u8; 32]`` storage value as ``0x``-hex."""
    if isinstance(value, (list, tuple, bytes, bytearray)):
        return hex0x(bytes(value))
    return str(value)


def enum_name(value: Any) -> str:
    """A unit or data enum variant's name (``"Zk"``, ``{"Softmax": ...}``)."""
    if isinstance(value, dict):
        return next(iter(value))
    return str(value)


class Chain:
    """A connection to a Verity node's JSON-RPC (``ws://...``)."""

    def __init__(self, url: str, wait_for_finalization: bool = False) -> None:
        try:
            self.substrate = SubstrateInterface(url=url)
        except Exception as e:  # connection refused, bad URL, ...
            raise ChainError(f"cannot connect to {url}: {e}") from None
        self.url = url
        self.wait_for_finalization = wait_for_finalization

    @property
    def ss58_format(self) -> int:
        """The chain's SS58 address format (42 unless its properties say)."""
        fmt = self.substrate.ss58_format
        return 42 if fmt is None else int(fmt)

    def close(self) -> None:
        """Closes the websocket."""
        self.substrate.close()

    # --- reads ---

    def query(self, pallet: str, item: str, params: Optional[List[Any]] = None) -> Any:
        """A storage item's decoded value (``None`` when absent)."""
        try:
            return self.substrate.query(pallet, item, params or []).value
        except SubstrateRequestException as e:
            raise ChainError(f"reading {pallet}.{item}: {e}") from None

    def constant(self, pallet: str, name: str) -> Any:
        """A pallet constant's value."""
        c = self.substrate.get_constant(pallet, name)
        if c is None:
            raise ChainError(f"the runtime has no constant {pallet}.{name}")
        return c.value

    def best_number(self) -> int:
        """The best block's number."""
        return int(self.substrate.get_block_number(self.substrate.get_chain_head()))

    def rpc(self, method: str, params: List[Any]) -> Any:
        """A raw JSON-RPC call; its ``result``."""
        try:
            answer = self.substrate.rpc_request(method, params)
        except SubstrateRequestException as e:
            raise ChainError(f"{method}: {e}") from None
        if "error" in answer:
            raise ChainError(f"{method}: {answer['error']}")
        return answer.get("result")

    # --- artifacts (the node's unsafe RPC) ---

    def upload_artifact(self, data: bytes) -> Tuple[str, bool]:
        """Uploads a file to the node's artifact store unless it has it
        (``artifacts_has``, ``artifacts_upload`` or the chunked calls).
        Returns its hash and whether it was sent."""
        from verity.engine import blake2_256

        digest = hex0x(blake2_256(data))
        try:
            if self.rpc("artifacts_has", [[digest]])[0]:
                return digest, False
            if len(data) <= UPLOAD_CHUNK:
                stored = self.rpc("artifacts_upload", [hex0x(data)])
            else:
                upload = self.rpc("artifacts_beginUpload", [digest, len(data)])
                offset = 0
                for at in range(0, len(data), UPLOAD_CHUNK):
                    chunk = data[at : at + UPLOAD_CHUNK]
                    offset = self.rpc("artifacts_uploadChunk", [upload, at, hex0x(chunk)])
                if offset != len(data):
                    raise ChainError(f"the node has {offset} of {len(data)} bytes of the upload")
                stored = self.rpc("artifacts_finishUpload", [upload])
        except ChainError as e:
            raise ChainError(
                f"uploading an artifact to {self.url}: {e} (uploads need a node started "
                "with --rpc-methods unsafe)"
            ) from None
        if stored != digest:
            raise ChainError(f"the node stored the artifact as {stored}, its hash is {digest}")
        return digest, True

    def download_artifact(self, digest: str) -> bytes:
        """Artifact ``digest`` (``0x``-hex) from the node's store
        (``artifacts_getChunk``), checked against its hash."""
        from verity.engine import blake2_256

        data = b""
        while True:
            part = self.rpc("artifacts_getChunk", [digest, len(data), DOWNLOAD_CHUNK])
            chunk = bytes.fromhex(str(part)[2:])
            data += chunk
            if len(chunk) < DOWNLOAD_CHUNK:
                break
        if hex0x(blake2_256(data)) != digest:
            raise ChainError(f"the node's artifact {digest} does not have that hash")
        return data

    # --- calls ---

    def submit(
        self, keypair: Keypair, pallet: str, call: str, params: Dict[str, Any]
    ) -> "Receipt":
        """Signs and submits ``pallet.call(params)``, waits for its block
        (finalized if the client asked for it) and raises the pallet error if
        it failed."""
        try:
            composed = self.substrate.compose_call(
                call_module=pallet, call_function=call, call_params=params
            )
            extrinsic = self.substrate.create_signed_extrinsic(call=composed, keypair=keypair)
            receipt = self.substrate.submit_extrinsic(
                extrinsic,
                wait_for_inclusion=True,
                wait_for_finalization=self.wait_for_finalization,
            )
        except SubstrateRequestException as e:
            raise TransactionError(f"{pallet}.{call}: the node refused the transaction: {e}") from None
        except (ValueError, TypeError) as e:
            raise ChainError(f"{pallet}.{call}: cannot encode the call: {e}") from None
        events = [ev.value for ev in receipt.triggered_events]
        block = int(self.substrate.get_block_number(receipt.block_hash))
        out = Receipt(receipt.block_hash, block, events)
        for ev in events:
            if (ev["module_id"], ev["event_id"]) == ("System", "ExtrinsicFailed"):
                raise self.dispatch_error(ev["attributes"]["dispatch_error"])
        return out

    def sudo(self, keypair: Keypair, pallet: str, call: str, params: Dict[str, Any]) -> "Receipt":
        """``pallet.call(params)`` as root through ``Sudo.sudo`` (``keypair``
        must be the sudo key); raises the inner call's error."""
        inner = self.substrate.compose_call(call_module=pallet, call_function=call, call_params=params)
        receipt = self.submit(keypair, "Sudo", "sudo", {"call": inner})
        sudid = receipt.event("Sudo", "Sudid")
        result = sudid.get("sudo_result")
        if isinstance(result, dict) and "Err" in result:
            raise self.dispatch_error(result["Err"])
        return receipt

    def pallet_name(self, index: int) -> str:
        """The name of the pallet at ``index`` in the runtime."""
        try:
            return self.substrate.metadata.get_pallet_by_index(int(index)).value["name"]
        except ValueError:
            return f"Pallet{index}"

    def dispatch_error(self, error: Any) -> ChainError:
        """A ``DispatchError`` value as the matching exception."""
        if isinstance(error, dict) and "Module" in error:
            m = error["Module"]
            index, code = (m[0], m[1]) if isinstance(m, (tuple, list)) else (m["index"], m["error"])
            if isinstance(code, str):
                code = int(code[2:4], 16)
            elif isinstance(code, (list, tuple, bytes)):
                code = code[0]
            pallet = self.pallet_name(index)
            try:
                e = self.substrate.metadata.get_module_error(module_index=index, error_index=code)
                name = e.name
                docs = " ".join(e.docs or [])
            except Exception:
                name, docs = f"Error{code}", ""
            return ModuleError(pallet, name, docs.strip())
        return DispatchError(f"dispatch error: {error}")


class Receipt:
    """A call's block and events."""

    def __init__(self, block_hash: str, block: int, events: List[Dict[str, Any]]) -> None:
        self.block_hash = block_hash
        self.block = block
        self.events = events

    def event(self, pallet: str, name: str) -> Dict[str, Any]:
        """The attributes of the first ``pallet.name`` event of the call."""
        for ev in self.events:
            if ev["module_id"] == pallet and ev["event_id"] == name:
                return ev["attributes"]
        raise ChainError(f"the call emitted no {pallet}.{name} event")
