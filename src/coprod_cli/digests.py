"""SHA-256 and BLAKE2b from Python's own built-in modules: `hashlib` loads OpenSSL first
(about 2 ms at every start that hashes anything) for the same digests. A build without them
(a distributor may leave them out) gets hashlib's, which give the same digests."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import blake2b as blake2b
    from hashlib import sha256 as sha256


def _builtin(name: str, modules: tuple[str, ...]) -> Any:
    """The hash `name` from the first of Python's own `modules` there is, else hashlib's."""
    for module in modules:
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
    return getattr(importlib.import_module("hashlib"), name)


if not TYPE_CHECKING:
    blake2b = _builtin("blake2b", ("_blake2",))

    def __getattr__(name: str) -> Any:
        """sha256, found when first asked for: only a write to the start-up cache hashes with
        it (reading/prune.py), and its module is a shared library of its own to load."""
        if name != "sha256":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        global sha256
        sha256 = _builtin("sha256", ("_sha2", "_sha256"))  # _sha2 from Python 3.12 on
        return sha256
