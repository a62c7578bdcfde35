"""Respondents with identical answers, found in a few bytes a respondent.

Each respondent counted is kept as a 64-bit digest (Python's hash of a file's bytes, or of a
form row's timestamp and answers as read) in a flat array, beside who they were (their
role and the row's line): 13 bytes a respondent (2.6 MB for 200,000 form rows), where a
dictionary of records took about 270. A table of fixed size (4 MiB, a Bloom filter) notes
each digest as it comes; only the digests it may have seen before are kept aside, and once
everything is read one pass over the array finds who had each of them first.
"""

from __future__ import annotations

import bisect
from array import array
from collections import Counter
from collections.abc import Iterator
from itertools import compress
from operator import itemgetter

from coprod_cli.safetext import file_name
from coprod_cli.tally import Who

_INDEX = 22  # bits of each of the two spots a digest marks in the table (2**22 bytes: 4 MiB)
_SPOT = (1 << _INDEX) - 1


def row_digest(stamp: object, levels: tuple[str | None, ...]) -> int | None:
    """A form row's digest: rows with the same timestamp (a date and a time) and the same
    answers may be one person twice (None: the row has no timestamp)."""
    text = "" if stamp is None else str(stamp).strip()
    return hash((text, *levels)) if ":" in text else None


def _read(bits: bytearray, spots: list[int]) -> tuple[int, ...]:
    """The table's bytes at these spots, read at once."""
    got = itemgetter(*spots)(bits)
    return got if len(spots) > 1 else (got,)


class Twins:
    """Digests as they come (`add`, `add_many`), then the pairs with the same digest (`pairs`).

    Every respondent counted is an entry (in the order counted, so entry + 1 is their number
    among everyone); one without a digest (a form row with no timestamp) is kept as 0."""

    def __init__(self) -> None:
        self._bits = bytearray(1 << _INDEX)  # a byte a spot: set and read a chunk at a time
        self._digests = array("q")
        self._roles = array("B")  # each entry's role, as an index in `_names`
        self._lines = array("L")  # the row's line in its source (0: a whole file)
        self._names: dict[str, int] = {}
        self._maybe: set[int] = set()  # digests the bit table may have seen before
        self._starts: list[int] = []  # the first entry of each source, in the order read
        self._sources: list[str] = []

    def add(self, digest: int | None, role: str, source: str, line: int = 0) -> None:
        """One respondent counted: their digest, role, and where they were read (`source`, and
        the `line` of a form row)."""
        self.add_many([digest], [role], source, [line])

    def add_many(self, digests: list[int | None], roles: list[str], source: str,
                 lines: list[int]) -> None:
        """Respondents counted one after another, all read from `source`."""
        if self._sources[-1:] != [source]:
            self._starts.append(len(self._digests))
            self._sources.append(source)
        kept = [digest or 1 if digest is not None else 0 for digest in digests]
        self._note([digest for digest in kept if digest])
        self._digests.extend(kept)
        names = self._names
        for role in set(roles) - names.keys():
            names[role] = len(names)
        self._roles.extend(map(names.__getitem__, roles))
        self._lines.extend(lines)

    def _note(self, digests: list[int]) -> None:
        """The digests marked in the bit table; those it may have seen before kept aside."""
        if not digests:
            return
        bits = self._bits
        ones = [digest & _SPOT for digest in digests]
        twos = [digest >> _INDEX & _SPOT for digest in digests]
        if len(set(digests)) < len(digests):  # the same digest twice within these
            self._maybe.update(d for d, n in Counter(digests).items() if n > 1)
        marked = map(min, _read(bits, ones), _read(bits, twos))
        self._maybe.update(compress(digests, marked))
        for spot in ones:
            bits[spot] = 1
        for spot in twos:
            bits[spot] = 1

    def pairs(self) -> Iterator[tuple[Who, Who]]:
        """Each respondent with the digest of one counted before, with the first who had it, in
        the order they were read."""
        if not self._maybe:
            return
        first: dict[int, int] = {}
        maybe = self._maybe
        for entry, digest in enumerate(self._digests):
            if digest in maybe:
                earlier = first.setdefault(digest, entry)
                if earlier != entry:
                    yield self._named(earlier), self._named(entry)

    def _named(self, entry: int) -> Who:
        """Who the entry is: their role, number within it and among everyone, and source."""
        role, line = self._roles[entry], self._lines[entry]
        source = self._sources[bisect.bisect_right(self._starts, entry) - 1]
        number = self._roles[:entry + 1].count(role)
        return Who(list(self._names)[role], number, entry + 1,
                   file_name(f"{source}:{line}" if line else source))

    def __len__(self) -> int:
        return len(self._digests)
