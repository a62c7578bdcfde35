"""What a run makes to keep until coprod exits (the libraries it imports, the frameworks and
the memory of shared results it reads), made with the garbage collector off and frozen out of
its later passes after: building it set off collections that found nothing to free, and no
later one need look at it again."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def lasting() -> Iterator[None]:
    """The collector off while the block runs, then what exists frozen and the collector back
    on; one that was off before is left off, and nothing is frozen then."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
