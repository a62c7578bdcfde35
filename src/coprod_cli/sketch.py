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

import functools
import operator
import sys
from collections.abc import Iterable, Sequence

from coprod_cli.digests import blake2b

PART = 32  # cells in each of the three parts: two people apart are missed 1 time in 32**3
CELLS = 3 * PART
MASK = (1 << 64) - 1
# add_many sums up to _BATCH keys in one number per cell: _FIELD bits hold a sum of that many
# 64-bit values; PART must be a power of two (a cell's place is a key's bits masked).
_BATCH = 1 << 16
_FIELD = 64 + 16
Cell = tuple[int, int, int]  # (count, sum of keys, sum of their checks), sums mod 2**64


def key(salt: bytes, content: bytes) -> int:
    """A respondent's key of the first kind (ledgers written before keys of KIND 2 hold them):
    their answers' text hashed under the salt (never 0)."""
    digest = blake2b(content, digest_size=8, key=salt[:64]).digest()
    return int.from_bytes(digest, "big") or 1


def keys(salt: bytes, contents: Iterable[bytes]) -> list[int]:
    """Many respondents' keys at once, each as `key` gives it (the salt's block hashed once,
    then copied for each)."""
    keyed = blake2b(digest_size=8, key=salt[:64])
    digests = []
    for content in contents:
        hashed = keyed.copy()
        hashed.update(content)
        digests.append(hashed.digest())
    return [int.from_bytes(digest, "big") or 1 for digest in digests]


KIND = 2  # the kind of key sketches are made of now (ledger.py keeps each entry's kind)
_ROLES = 256 // 8  # roles in a chunk Keys.many reads a column at a time (a role is 8 codes)


class Keys:
    """Respondents' keys of KIND 2: the XOR of one salted 64-bit value for their role and one
    for each statement and the level they gave it (simple tabulation hashing: Patrascu and
    Thorup, The Power of Simple Tabulation Hashing). Not quite a random hash: four people
    alike but for a 2x2 pattern on two statements XOR to zero, so peeling fails on them a
    little more often (measured 8e-4 against 2.7e-4 at --min-group 5), and a failed peel
    counts as many apart: such a near pair is then not refused.
    The values are keyed BLAKE2b hashes of the ids, so the key never depends on the column
    order or on how answers are coded; a chunk's keys are then made a column at a time in C
    (`many`) rather than by hashing each person's text."""

    def __init__(self, salt: bytes) -> None:
        self._salt = salt[:64]
        self._values: dict[tuple[bytes, str], int] = {}
        self._answers: dict[tuple[str, str | None], int] = {}  # (statement, level) -> value
        self._tables: dict[tuple[tuple[str, ...], tuple[str, ...]], list[list[bytes]]] = {}

    def _value(self, kind: bytes, name: str) -> int:
        value = self._values.get((kind, name))
        if value is None:
            digest = blake2b(name.encode("utf-8", "surrogatepass"), digest_size=8,
                                     key=self._salt, person=kind).digest()
            value = self._values[kind, name] = int.from_bytes(digest, "little")
        return value

    def key(self, role: str, levels: Iterable[tuple[str, str | None]]) -> int:
        """One respondent's key: their role and each statement's level (None: unanswered)."""
        value = self._value(b"role", role)
        known = self._answers
        for answer in levels:
            found = known.get(answer)
            if found is None:
                sid, level = answer
                found = known[answer] = self._value(b"answer", f"{sid}\0{level or ''}")
            value ^= found
        return value or 1

    def many(self, roles: Sequence[str], sids: Sequence[str], codes: bytes,
             levels: Sequence[str]) -> list[int] | None:
        """Each row's key as `key` gives it: `roles[i]` gave `sids[j]` the level
        `levels[codes[i * len(sids) + j]]` (every code below 8). Two columns' codes make one
        byte (the second times 8), the role's place adds to the last column's as a higher
        byte value, and each byte of the keys is looked up a column at a time
        (bytes.translate) and XORed as whole numbers. None for more than 32 roles."""
        names = tuple(sorted(set(roles)))
        if len(names) > _ROLES or not roles:
            return None
        width, size = len(sids), len(roles)
        place = dict(zip(names, range(0, 256, 8), strict=False))
        role = int.from_bytes(bytes(map(place.__getitem__, roles)), "little")
        planes = [0] * 8
        for group, tables in zip(range(0, width + 1, 2), self._groups(tuple(sids), names, levels),
                                 strict=True):
            column = (role if group + 1 >= width else
                      int.from_bytes(codes[group + 1::width], "little") << 3)
            if group < width:
                column += int.from_bytes(codes[group::width], "little")
            joined = column.to_bytes(size, "little")
            for byte, table in enumerate(tables):
                planes[byte] ^= int.from_bytes(joined.translate(table), "little")
        woven = bytearray(8 * size)
        for byte, plane in enumerate(planes):
            woven[byte if sys.byteorder == "little" else 7 - byte::8] = \
                plane.to_bytes(size, "little")
        values = memoryview(woven).cast("Q").tolist()
        return [value or 1 for value in values] if 0 in values else values

    def _groups(self, sids: tuple[str, ...], names: tuple[str, ...],
                levels: Sequence[str]) -> list[list[bytes]]:
        """For each pair of columns (the last with the role): 8 tables, one per byte of the
        XOR of their values, indexed by the pair's joined code."""
        found = self._tables.get((sids, names))
        if found is not None:
            return found
        if len(self._tables) > 64:
            self._tables.clear()
        answer = [[self._value(b"answer", f"{sid}\0{level}") for level in levels]
                  for sid in sids]
        groups = []
        for group in range(0, len(sids) + 1, 2):
            first = answer[group] if group < len(sids) else [0]
            if group + 1 < len(sids):
                second = answer[group + 1]
            else:
                second = [self._value(b"role", name) for name in names]
            values = [0] * 256
            for high, other in enumerate(second):
                for low, mine in enumerate(first):
                    values[8 * high + low] = mine ^ other
            groups.append([bytes((value >> 8 * byte) & 0xFF for value in values)
                           for byte in range(8)])
        self._tables[sids, names] = groups
        return groups


@functools.lru_cache(maxsize=4)
def keys_for(salt: bytes) -> Keys:
    """The Keys of a salt, made once a run: every tally made with it (each round of a trend)
    shares its values, each hashed once rather than once a tally."""
    return Keys(salt)


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
        # The same people with keys of the first kind (`key`), kept only while a ledger still
        # holds entries of that kind this sketch could be compared with (tally.py).
        self.former: Sketch | None = None

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
        # Checked a column at a time (a full ledger holds 200 sketches, read at every shared
        # run): each cell a list of three whole numbers, its two sums within MASK.
        if {*map(type, cells)} != {list} or {*map(len, cells)} != {3}:
            raise ValueError("not a sketch")
        counts, keys, checks = zip(*cells, strict=True)
        if {*map(type, counts), *map(type, keys), *map(type, checks)} != {int} \
                or min(keys) < 0 or max(keys) > MASK or min(checks) < 0 or max(checks) > MASK:
            raise ValueError("not a sketch")
        return cls(cells, size)

    def fewest_apart(self, other: Sketch) -> int:
        """At least how many keys `difference` would peel, were it to succeed: a key lies in
        one cell of each part, so each cell of a part that differs needs a key of its own."""
        mine, theirs = self.cells, other.cells
        differing: list[int] = [sum(map(operator.ne, mine[start:start + PART],
                                        theirs[start:start + PART]))
                                for start in range(0, CELLS, PART)]
        return max(differing)

    def difference(self, other: Sketch) -> tuple[int, int] | None:
        """How many keys are only here and how many only in `other`; None when they differ by
        too many to tell (many more than any group coprod holds back), or the cells hold what
        no keys make (a damaged memory: its peeling could otherwise go round for ever)."""
        left = [[a[0] - b[0], (a[1] - b[1]) & MASK, (a[2] - b[2]) & MASK]
                for a, b in zip(self.cells, other.cells, strict=True)]
        here = there = 0
        progress = True
        while progress and here + there <= CELLS:  # more keys than cells are never told apart
            progress = False
            for at, cell in enumerate(left):
                sign = cell[0]
                if sign not in (1, -1):
                    continue
                value = cell[1] if sign == 1 else (-cell[1]) & MASK
                if at not in _places(value) or \
                        _check(value) != (cell[2] if sign == 1 else (-cell[2]) & MASK):
                    continue
                for place in _places(value):
                    target = left[place]
                    target[0] -= sign
                    target[1] = (target[1] - sign * value) & MASK
                    target[2] = (target[2] - sign * _check(value)) & MASK
                here, there = (here + 1, there) if sign == 1 else (here, there + 1)
                progress = True
        told = here + there <= CELLS and all(c == [0, 0, 0] for c in left)
        return (here, there) if told else None
