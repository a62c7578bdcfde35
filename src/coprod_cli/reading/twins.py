"""Respondents with identical answers, found in memory that does not grow with them.

Each respondent counted is kept as a 64-bit digest (Python's hash of a file's bytes, or of a
form row's timestamp and answers as read) beside who they were (their role and the row's
line): 13 bytes a respondent, in flat arrays of at most SPILL entries (lists while there are
no more than FEW, so a small run never imports array); fuller arrays go to a temporary file
(deleted when coprod ends), so a million form rows hold under a megabyte here.
A table of fixed size (2 MiB of bits, a Bloom filter; a set of the bits marked while they are
few, so a small run never clears 2 MiB) notes each digest as it comes; only the
digests it may have seen before are kept aside (a few thousand in a million), and once
everything is read one pass over the kept entries finds who had each of them first.
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter, deque
from collections.abc import Iterator, MutableSequence, Sequence
from itertools import compress, repeat
from operator import itemgetter, setitem
from typing import TYPE_CHECKING, BinaryIO

from coprod_cli.safetext import file_name
from coprod_cli.tally import Who

if TYPE_CHECKING:  # imported once there are more than FEW entries
    from array import array

_INDEX = 24  # bits of each of the two spots a digest marks in the table (2**24 bits: 2 MiB)
_SPOT = (1 << _INDEX) - 1
SPILL = 1 << 16  # entries kept in memory (850 kB) before they go to the temporary file
FEW = 1 << 12  # spots kept in a set, and entries in lists, until there are more (~200 kB)
_BYTE = (1 << (_INDEX - 3)) - 1  # a spot's byte in the table: its low 21 bits (_mark)
_LOW = bytes(byte & 0x1F for byte in range(256))  # a spot's third byte's part of its byte
_BIT = bytes(1 << (byte >> 5) for byte in range(256))  # its bit, from its third byte
_SET = bytes([0]) + bytes([1]) * 255  # 1 for a byte with any bit set
Block = tuple[Sequence[int], Sequence[int], Sequence[int]]  # digests, roles, lines


def row_digest(stamp: object, levels: tuple[str | None, ...]) -> int | None:
    """A form row's digest: rows with the same timestamp (a date and a time) and the same
    answers may be one person twice (None: the row has no timestamp)."""
    text = "" if stamp is None else str(stamp).strip()
    return hash((text, levels)) if ":" in text else None


class Twins:
    """Digests as they come (`add`, `add_many`), then the pairs with the same digest (`pairs`).

    Every respondent counted is an entry (in the order counted, so entry + 1 is their number
    among everyone); one without a digest (a form row with no timestamp) is kept as 0."""

    def __init__(self) -> None:
        self._bits: bytearray | None = None  # made once more than FEW spots are marked
        self._marked: set[int] = set()  # the spots marked until then
        self._digests: MutableSequence[int] = []  # array("q") once there are more than FEW
        self._roles: MutableSequence[int] = []  # each entry's role, as an index in `_names`
        self._lines: MutableSequence[int] = []  # the row's line in its source (0: a whole file)
        self._names: dict[str, int] = {}
        self._maybe: set[int] = set()  # digests the bit table may have seen before
        self._starts: list[int] = []  # the first entry of each source, in the order read
        self._sources: list[str] = []
        self._spilled: BinaryIO | None = None  # full blocks, written in the order read
        self._blocks: list[int] = []  # the entries in each block written
        self._count = 0

    def add(self, digest: int | None, role: str, source: str, line: int = 0) -> None:
        """One respondent counted: their digest, role, and where they were read (`source`, and
        the `line` of a form row)."""
        self.add_many([digest], [role], source, [line])

    def add_many(self, digests: list[int | None], roles: list[str], source: str,
                 lines: list[int]) -> None:
        """Respondents counted one after another, all read from `source`."""
        if self._sources[-1:] != [source]:
            self._starts.append(self._count)
            self._sources.append(source)
        if None in digests or 0 in digests:
            kept = self._packed([digest or 1 if digest is not None else 0 for digest in digests])
            self._note([digest for digest in kept if digest])
        else:  # every row had a timestamp (most often): kept as they are
            kept = self._packed(digests)  # type: ignore[arg-type]
            self._note(digests, kept)  # type: ignore[arg-type]
        self._digests.extend(kept)
        names = self._names
        for role in set(roles) - names.keys():
            names[role] = len(names)
        self._roles.extend(map(names.__getitem__, roles))
        self._lines.extend(lines)
        self._count += len(kept)
        if len(self._digests) > FEW:
            self._arrays()
        if len(self._digests) >= SPILL:
            self._spill()

    def _packed(self, digests: list[int]) -> Sequence[int]:
        """The digests as the entries keep them: as they are while those are lists."""
        if isinstance(self._digests, list):
            return digests
        from array import array

        return array("q", digests)

    def _arrays(self) -> tuple[array[int], array[int], array[int]]:
        """The entries in memory as flat arrays, made from the lists once."""
        if isinstance(self._digests, list):
            from array import array

            self._digests, self._roles, self._lines = (
                array("q", self._digests), array("B", self._roles), array("L", self._lines))
        return self._digests, self._roles, self._lines  # type: ignore[return-value]

    def _note(self, digests: list[int], packed: Sequence[int] | None = None) -> None:
        """The digests marked in the bit table (`packed`: the same as the entries keep them,
        when made already); those it may have seen before kept aside."""
        if len(set(digests)) < len(digests):  # the same digest twice within these
            self._maybe.update(d for d, n in Counter(digests).items() if n > 1)
        if self._bits is None and len(self._marked) + 2 * len(digests) > FEW:
            self._bits = bytearray(1 << (_INDEX - 3))
            self._mark(self._bits, list(self._marked))
            self._marked = set()
        if self._bits is not None:
            if digests:
                self._note_bits(self._bits, digests, digests if packed is None else packed)
            return
        spots = [digest & _SPOT for digest in digests]
        spots += [digest >> _INDEX & _SPOT for digest in digests]
        marked = list(map(self._marked.__contains__, spots))
        half = len(digests)
        self._maybe.update(compress(digests, map(min, marked[:half], marked[half:])))
        self._marked.update(spots)

    def _note_bits(self, bits: bytearray, digests: list[int], packed: Sequence[int]) -> None:
        """_note's work in the bit table, a chunk at a time in C. A digest's 8 bytes
        (little-endian) hold its two spots (bytes 0-2 and 3-5); a spot's low 21 bits are its
        byte in the table and its top 3 its bit (_mark), so the bytes are laid out 4 to a spot
        and read as whole numbers, and a table of bytes gives the bits. Every byte is looked
        up before any is marked, as _mark marks them (a digest is kept aside only when both
        its spots were marked before these)."""
        from array import array

        size = len(digests)
        if not isinstance(packed, array) or sys.byteorder != "little":
            packed = array("q", packed)  # a copy to swap: the entries keep theirs
        if sys.byteorder != "little":
            packed.byteswap()
        data = packed.tobytes()
        lanes = bytearray(8 * size)  # every first spot's byte, then every second's
        for at, start in ((0, 0), (3, 4 * size)):
            lanes[start:start + 4 * size:4] = data[at::8]
            lanes[start + 1:start + 4 * size:4] = data[at + 1::8]
            lanes[start + 2:start + 4 * size:4] = data[at + 2::8].translate(_LOW)
        found = array("I", lanes)
        if sys.byteorder != "little":
            found.byteswap()
        where = found.tolist()
        bit = (data[2::8] + data[5::8]).translate(_BIT)
        masks = int.from_bytes(bit, "little")
        read = itemgetter(*where)
        before = int.from_bytes(bytes(read(bits)), "little")
        seen = (before & masks).to_bytes(2 * size, "little").translate(_SET)
        both = (int.from_bytes(seen[:size], "little")
                & int.from_bytes(seen[size:], "little")).to_bytes(size, "little")
        if both.count(0) < size:
            self._maybe.update(compress(digests, both))
        after = (before | masks).to_bytes(2 * size, "little")
        deque(map(setitem, repeat(bits), where, after), maxlen=0)
        if bytes(read(bits)) != after:  # a byte twice, for two bits: only the last was set
            for place, mask in zip(where, bit, strict=True):
                bits[place] |= mask

    @staticmethod
    def _mark(bits: bytearray, spots: list[int]) -> None:
        for spot in spots:
            bits[spot & _BYTE] |= 1 << (spot >> _INDEX - 3)

    def _spill(self) -> None:
        """The arrays written to the temporary file and emptied; kept in memory when the file
        cannot be written (a full disk), so nothing is lost, only memory used."""
        try:
            if self._spilled is None:
                import tempfile  # only for an export of more than SPILL rows

                # lives as long as the check (unlinked at once, gone when coprod ends)
                self._spilled = tempfile.TemporaryFile(prefix="coprod-twins-")  # noqa: SIM115
            for kept in self._arrays():
                kept.tofile(self._spilled)
        except OSError:
            return
        self._blocks.append(len(self._digests))
        for entries in (self._digests, self._roles, self._lines):
            del entries[:]

    def _read(self) -> Iterator[Block]:
        """Every block in the order read: those written, then those still in memory."""
        if self._spilled is not None:
            from array import array

            self._spilled.seek(0)
            for size in self._blocks:
                block = array("q"), array("B"), array("L")
                for kept in block:
                    kept.fromfile(self._spilled, size)
                yield block
        yield self._digests, self._roles, self._lines

    def pairs(self) -> Iterator[tuple[Who, Who]]:
        """Each respondent with the digest of one counted before, with the first who had it, in
        the order they were read."""
        if not self._maybe:
            return
        first: dict[int, Who] = {}
        maybe, before, start = self._maybe, Counter[int](), 0
        names = list(self._names)
        for digests, roles, lines in self._read():
            hits = compress(range(len(digests)), map(maybe.__contains__, digests))
            for at in hits:
                role, entry = roles[at], start + at
                source = self._sources[bisect.bisect_right(self._starts, entry) - 1]
                who = Who(names[role], before[role] + roles[:at + 1].count(role), entry + 1,
                          file_name(f"{source}:{lines[at]}" if lines[at] else source))
                earlier = first.setdefault(digests[at], who)
                if earlier is not who:
                    yield earlier, who
            before.update(roles)
            start += len(digests)

    def __len__(self) -> int:
        return self._count
