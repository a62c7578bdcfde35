"""Who answered, as a fixed-size sketch: enough to tell how many people two sets differ by,
never what anyone answered.

Each respondent is a 64-bit salted hash of their answers (`key`), added to a small invertible
Bloom lookup table: CELLS cells in three parts, each key counted in one cell of each part. Two
sketches subtracted cell by cell leave only the keys in one set and not the other, and those
can be peeled off one by one while a cell holds exactly one. So a sketch's size never grows
with the respondents (memory stays flat for 10,000 files), and two sets that differ by a few
people are told apart exactly; sets that differ by many fail to peel, which is the answer
"many" (far more than any --min-group: about 40 keys peel with near certainty).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

PART = 32  # cells in each of the three parts: two people apart are missed 1 time in 32**3
CELLS = 3 * PART
MASK = (1 << 64) - 1
# add_many sums up to _BATCH keys in one number per cell: _FIELD bits hold a sum of that many
# 64-bit values; PART must be a power of two (a cell's place is a key's bits masked).
_BATCH = 1 << 16
_FIELD = 64 + 16
Cell = tuple[int, int, int]  # (count, sum of keys, sum of their checks), sums mod 2**64


def key(salt: bytes, content: bytes) -> int:
    """A respondent's key: their answers' hash under the salt (never 0)."""
    digest = hashlib.blake2b(content, digest_size=8, key=salt[:64]).digest()
    return int.from_bytes(digest, "big") or 1


def keys(salt: bytes, contents: Iterable[bytes]) -> list[int]:
    """Many respondents' keys at once, each as `key` gives it (the salt's block hashed once,
    then copied for each)."""
    keyed = hashlib.blake2b(digest_size=8, key=salt[:64])
    digests = []
    for content in contents:
        hashed = keyed.copy()
        hashed.update(content)
        digests.append(hashed.digest())
    return [int.from_bytes(digest, "big") or 1 for digest in digests]


def _check(value: int) -> int:
    """A second, non-linear hash of a key (splitmix64's finisher), so that a cell holding one
    key can be told from one where several add up to look like one."""
    value ^= value >> 30
    value = (value * 0xBF58476D1CE4E5B9) & MASK
    value ^= value >> 27
    value = (value * 0x94D049BB133111EB) & MASK
    return value ^ (value >> 31)


def _places(value: int) -> tuple[int, int, int]:
    """The key's cell in each part, from three apart stretches of its own (already random)
    bits: no more hashing per respondent than the key itself."""
    return value % PART, PART + (value >> 21) % PART, 2 * PART + (value >> 42) % PART


class Sketch:
    """A multiset of keys in CELLS cells."""

    def __init__(self, cells: list[Cell] | None = None, size: int = 0) -> None:
        self.cells = [list(c) for c in cells] if cells else [[0, 0, 0] for _ in range(CELLS)]
        self.size = size

    def add(self, value: int, times: int = 1) -> None:
        check = _check(value)  # one key hash per respondent, the rest is arithmetic
        for place in _places(value):
            cell = self.cells[place]
            cell[0] += times
            cell[1] = (cell[1] + times * value) & MASK
            cell[2] = (cell[2] + times * check) & MASK
        self.size += times

    def add_many(self, values: Sequence[int]) -> None:
        """Keys added one after another, as `add` adds each: summed per cell first, then each
        cell once (the arithmetic of _check and _places, written out for speed; a cell's
        count, key sum and check sum travel as one number, _FIELD bits apart)."""
        for start in range(0, len(values), _BATCH):
            self._add_batch(values[start:start + _BATCH])

    def _add_batch(self, values: Sequence[int]) -> None:
        sums = [0] * CELLS
        one, low, part = 1 << 2 * _FIELD, (1 << _FIELD) - 1, PART - 1
        for value in values:
            check = value ^ value >> 30
            check = (check * 0xBF58476D1CE4E5B9) & MASK
            check ^= check >> 27
            check = (check * 0x94D049BB133111EB) & MASK
            packed = one | value << _FIELD | check ^ check >> 31
            sums[value & part] += packed
            sums[PART + (value >> 21 & part)] += packed
            sums[2 * PART + (value >> 42 & part)] += packed
        for cell, total in zip(self.cells, sums, strict=True):
            if total:
                cell[0] += total >> 2 * _FIELD
                cell[1] = (cell[1] + (total >> _FIELD & low)) & MASK
                cell[2] = (cell[2] + (total & low)) & MASK
        self.size += len(values)

    def data(self) -> dict[str, object]:
        return {"size": self.size, "cells": [list(c) for c in self.cells]}

    @classmethod
    def from_data(cls, data: object) -> Sketch:
        """A sketch read back; ValueError unless it has exactly the shape `data()` writes."""
        if not isinstance(data, dict) or set(data) != {"size", "cells"}:
            raise ValueError("not a sketch")
        size, cells = data["size"], data["cells"]
        if type(size) is not int or size < 0 or not isinstance(cells, list) \
                or len(cells) != CELLS:
            raise ValueError("not a sketch")
        for cell in cells:
            if not (isinstance(cell, list) and len(cell) == 3
                    and all(type(v) is int for v in cell)
                    and 0 <= cell[1] <= MASK and 0 <= cell[2] <= MASK):
                raise ValueError("not a sketch")
        return cls([tuple(c) for c in cells], size)

    def difference(self, other: Sketch) -> tuple[int, int] | None:
        """How many keys are only here and how many only in `other`; None when they differ by
        too many to tell (many more than any group coprod holds back)."""
        left = [[a[0] - b[0], (a[1] - b[1]) & MASK, (a[2] - b[2]) & MASK]
                for a, b in zip(self.cells, other.cells, strict=True)]
        here = there = 0
        progress = True
        while progress:
            progress = False
            for cell in left:
                sign = cell[0]
                if sign not in (1, -1):
                    continue
                value = cell[1] if sign == 1 else (-cell[1]) & MASK
                if _check(value) != (cell[2] if sign == 1 else (-cell[2]) & MASK):
                    continue
                for place in _places(value):
                    target = left[place]
                    target[0] -= sign
                    target[1] = (target[1] - sign * value) & MASK
                    target[2] = (target[2] - sign * _check(value)) & MASK
                here, there = (here + 1, there) if sign == 1 else (here, there + 1)
                progress = True
        return (here, there) if all(c == [0, 0, 0] for c in left) else None
