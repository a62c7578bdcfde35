"""coprod's digests are the standard ones, whichever module gives them."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from coprod_cli import digests


@pytest.mark.parametrize("data", [b"", b"coprod", bytes(range(256)) * 300])
def test_the_digests_are_hashlibs(data: bytes) -> None:
    assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    keyed = digests.blake2b(data, digest_size=8, key=b"salt")
    assert keyed.digest() == hashlib.blake2b(data, digest_size=8, key=b"salt").digest()
    copied = digests.blake2b(digest_size=8, key=b"salt").copy()
    copied.update(data)
    assert copied.digest() == keyed.digest()
    grown = digests.sha256()
    grown.update(data[:7])
    grown.update(data[7:])
    assert grown.hexdigest() == hashlib.sha256(data).hexdigest()


def test_a_python_without_the_built_in_modules_gets_hashlibs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("_sha2", "_sha256", "_blake2"):
        monkeypatch.setitem(sys.modules, module, None)  # an import of it fails
    assert digests._builtin("sha256", ("_sha2", "_sha256")) is hashlib.sha256
    assert digests._builtin("blake2b", ("_blake2",)) is hashlib.blake2b


def test_hashing_loads_no_openssl() -> None:
    """Python's own modules, where it has them: not hashlib, which loads OpenSSL first."""
    if not (_importable("_blake2") and any(_importable(n) for n in ("_sha2", "_sha256"))):
        pytest.skip("this Python has no built-in SHA-256 or BLAKE2b: hashlib's are used")
    code = ("import sys\nfrom coprod_cli import digests\ndigests.sha256(b'x').hexdigest()\n"
            "print('_hashlib' in sys.modules, 'hashlib' in sys.modules)")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == ["False", "False"]


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True
