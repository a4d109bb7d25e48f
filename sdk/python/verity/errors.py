"""Exceptions of the Verity SDK.

Every error the SDK raises is a :class:`VerityError`:

* :class:`ModuleError`: the chain rejected a call with a pallet error; its
  name is ``Pallet.Error`` (e.g. ``Inference.ModelNotFound``), also in
  :attr:`ModuleError.pallet` and :attr:`ModuleError.error`.
* :class:`DispatchError`: the chain rejected a call with another dispatch
  error (``BadOrigin``, a token or arithmetic error, ...).
* :class:`TransactionError`: the node's transaction pool refused the
  transaction (bad nonce, cannot pay fees, an extension's refusal, ...).
* :class:`InputError`: an argument is malformed (wrong input names, shapes,
  modes...); raised before anything is sent. Also a :class:`ValueError`.
* :class:`EngineError`: the inference engine refused a model, calibration or
  input (the native module's ``EngineError``). Also a :class:`ValueError`.
* :class:`RequestError`: a request expired, is unknown, or a wait timed out.
"""

from __future__ import annotations

from typing import Optional

from verity import _native


class VerityError(Exception):
    """Base class of every error the Verity SDK raises."""


class ChainError(VerityError):
    """The chain refused a call or the node could not be reached."""


class ModuleError(ChainError):
    """A pallet error returned by a failed extrinsic.

    ``str(e)`` starts with ``Pallet.Error`` (e.g. ``Inference.ModelNotFound``)
    followed by the error's documentation.
    """

    def __init__(self, pallet: str, error: str, docs: str = "") -> None:
        self.pallet = pallet
        self.error = error
        self.docs = docs
        message = f"{pallet}.{error}"
        if docs:
            message += f": {docs}"
        super().__init__(message)

    @property
    def name(self) -> str:
        """``Pallet.Error``, e.g. ``Models.UnknownModel``."""
        return f"{self.pallet}.{self.error}"


class DispatchError(ChainError):
    """A dispatch error other than a pallet error (``BadOrigin``, ...)."""


class TransactionError(ChainError):
    """The node refused the transaction before it reached a block."""


class InputError(VerityError, ValueError):
    """A malformed argument (input names, shapes, mode, ...)."""


class EngineError(VerityError, ValueError):
    """The inference engine refused a model, calibration or input."""


class RequestError(VerityError):
    """A request is unknown, expired, or its result did not come in time."""

    def __init__(self, message: str, request_id: Optional[int] = None) -> None:
        self.request_id = request_id
        super().__init__(message)


def engine_call(fn, *args, **kwargs):
    """Calls a native function, turning its ``EngineError`` into ours."""
    try:
        return fn(*args, **kwargs)
    except _native.EngineError as e:
        raise EngineError(str(e)) from None
