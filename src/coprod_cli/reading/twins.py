"""Respondents with identical answers, found in memory that does not grow with them.

Each respondent counted is kept as a 64-bit digest (Python's hash of a file's bytes, or of a
form row's timestamp and answers as read) beside who they were (their role and the row's
line): 13 bytes a respondent, in flat arrays of at most SPILL entries; fuller arrays go to a
temporary file (deleted when coprod ends), so a million form rows hold under a megabyte here.
A table of fixed size (2 MiB of bits, a Bloom filter; a set of the bits marked while they are
few, so a small run never clears 2 MiB) notes each digest as it comes; only the
digests it may have seen before are kept aside (a few thousand in a million), and once
everything is read one pass over the kept entries finds who had each of them first.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterator
from itertools import compress
from typing import BinaryIO

from coprod_cli.safetext import file_name
from coprod_cli.tally import Who

_INDEX = 24  # bits of each of the two spots a digest marks in the table (2**24 bits: 2 MiB)
_SPOT = (1 << _INDEX) - 1
SPILL = 1 << 16  # entries kept in memory (850 kB) before they go to the temporary file
FEW = 1 << 12  # the table's bits kept as a set until there are more (about 200 kB)
Block = tuple["array[int]", "array[int]", "array[int]"]  # digests, roles, lines


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
        self._digests = array("q")
        self._roles = array("B")  # each entry's role, as an index in `_names`
        self._lines = array("L")  # the row's line in its source (0: a whole file)
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
            kept = [digest or 1 if digest is not None else 0 for digest in digests]
            self._note([digest for digest in kept if digest])
        else:  # every row had a timestamp (most often): kept as they are
            kept = digests  # type: ignore[assignment]
            self._note(kept)
        self._digests.extend(kept)
        names = self._names
        for role in set(roles) - names.keys():
            names[role] = len(names)
        self._roles.extend(map(names.__getitem__, roles))
        self._lines.extend(lines)
        self._count += len(kept)
        if len(self._digests) >= SPILL:
            self._spill()

    def _note(self, digests: list[int]) -> None:
        """The digests marked in the bit table; those it may have seen before kept aside."""
        spots = [digest & _SPOT for digest in digests]
        spots += [digest >> _INDEX & _SPOT for digest in digests]
        if len(set(digests)) < len(digests):  # the same digest twice within these
            self._maybe.update(d for d, n in Counter(digests).items() if n > 1)
        if self._bits is None and len(self._marked) + len(spots) > FEW:
            self._bits = bytearray(1 << (_INDEX - 3))
            self._mark(self._bits, list(self._marked))
            self._marked = set()
        bits, half = self._bits, len(digests)
        marked = list(map(self._marked.__contains__, spots)) if bits is None else \
            [bits[spot >> 3] >> (spot & 7) & 1 for spot in spots]
        self._maybe.update(compress(digests, map(min, marked[:half], marked[half:])))
        if bits is None:
            self._marked.update(spots)
        else:
            self._mark(bits, spots)

    @staticmethod
    def _mark(bits: bytearray, spots: list[int]) -> None:
        for spot in spots:
            bits[spot >> 3] |= 1 << (spot & 7)

    def _spill(self) -> None:
        """The arrays written to the temporary file and emptied; kept in memory when the file
        cannot be written (a full disk), so nothing is lost, only memory used."""
        try:
            if self._spilled is None:
                import tempfile  # only for an export of more than SPILL rows

                # lives as long as the check (unlinked at once, gone when coprod ends)
                self._spilled = tempfile.TemporaryFile(prefix="coprod-twins-")  # noqa: SIM115
            for kept in (self._digests, self._roles, self._lines):
                kept.tofile(self._spilled)
        except OSError:
            return
        self._blocks.append(len(self._digests))
        for kept in (self._digests, self._roles, self._lines):
            del kept[:]

    def _read(self) -> Iterator[Block]:
        """Every block in the order read: those written, then those still in memory."""
        if self._spilled is not None:
            self._spilled.seek(0)
            for size in self._blocks:
                block: Block = array("q"), array("B"), array("L")
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
