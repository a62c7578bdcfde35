"""The linear span of published values, in whole numbers: what a reader can work out exactly
from them (scoring/disclosure.py audits a shared result with it)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction

Key = tuple[str, str]  # (role, statement id): one role's mean answer to one statement
Vector = dict[Key, Fraction]  # a published or hidden value, as a sum of those unknowns
Row = dict[Key, int]  # a vector scaled to whole numbers


class Span:
    """The linear combinations of published values: what a reader can compute from them.

    Kept in whole numbers: each vector scaled by the common denominator of its values (the
    same span, as a nonzero multiple is), and rows combined without dividing, so no Fraction
    arithmetic is done (it was most of the time a shared result of several people took).
    The rows are kept fully reduced, each under its pivot (the one row holding that key), so a
    vector meets only the rows whose pivots it holds: in the span exactly when it is their
    combination that its values at those pivots give."""

    def __init__(self, vectors: Iterable[Vector | Row] = ()) -> None:
        self.rows: dict[Key, Row] = {}  # pivot -> its row; no other row holds the pivot
        for vector in vectors:
            self.add_row(_whole(vector))

    def copy(self) -> Span:
        copied = Span()
        copied.rows = dict(self.rows)  # a row is replaced, never changed in place
        return copied

    def reduce(self, vector: Vector | Row) -> Row:
        """What is left of the vector once every row's pivot is taken out of it (a multiple
        of it, which is nothing exactly when the vector is in the span)."""
        return self.reduce_row(_whole(vector))

    def reduce_row(self, left: Row) -> Row:
        """`reduce` for a vector already in whole numbers."""
        met = self._met(left)
        return lowest({key: value for key, value in _residue(left, met).items() if value}) \
            if met else left

    def add(self, vector: Vector | Row) -> None:
        self.add_row(_whole(vector))

    def add_row(self, row: Row) -> None:
        """`add` for a vector already in whole numbers."""
        left = self.reduce_row(row)
        if not left:
            return
        pivot = min(left)
        rows = self.rows
        for other_pivot, other in rows.items():  # fully reduced, so once each will do
            if other.get(pivot):
                rows[other_pivot] = _cancel(other, left, pivot)
        rows[pivot] = left

    def holds(self, vector: Vector | Row) -> bool:
        """True when the vector can be computed exactly from what was published: what is left
        once every row's pivot is taken out is nothing."""
        return self.holds_row(_whole(vector))

    def holds_row(self, left: Row) -> bool:
        """`holds` for a vector already in whole numbers (a row of Auditor's)."""
        met = self._met(left)
        return not any(_residue(left, met).values()) if met else not left

    def _met(self, left: Row) -> list[tuple[int, int, Row]]:
        """The rows whose pivots the vector holds: (its value there, the row's, the row)."""
        rows = self.rows
        return [(value, row[key], row) for key, value in left.items()
                if value and (row := rows.get(key)) is not None]


def _residue(left: Row, met: list[tuple[int, int, Row]]) -> Row:
    """The vector less the rows it meets, each times its value at the row's pivot over the
    row's own, all times the least common multiple of those pivots' values (whole numbers):
    zero at every pivot, and zero throughout exactly when the vector is in the span."""
    common = math.lcm(*(pivot for _, pivot, _ in met))
    combined = {key: common * value for key, value in left.items()}
    for value, pivot, row in met:
        factor = value * (common // pivot)
        for key, other in row.items():
            combined[key] = combined.get(key, 0) - factor * other
    return combined


def _whole(vector: Vector | Row) -> Row:
    """The vector times the least common multiple of its denominators, in lowest terms (a row
    already whole as it is)."""
    if all(type(value) is int for value in vector.values()):
        return vector  # type: ignore[return-value]  # every value is an int
    common = math.lcm(*(value.denominator for value in vector.values()))
    return lowest({key: int(value * common) for key, value in vector.items() if value})


def _cancel(row: Row, by: Row, pivot: Key) -> Row:
    """A multiple of `row` minus a multiple of `by` that is zero at `pivot`, in lowest terms."""
    keep, take = by[pivot], row[pivot]
    combined = {key: keep * value for key, value in row.items()}
    for key, value in by.items():
        combined[key] = combined.get(key, 0) - take * value
    return lowest({key: value for key, value in combined.items() if value})


def lowest(row: Row) -> Row:
    divisor = math.gcd(*row.values())
    return row if divisor <= 1 else {key: value // divisor for key, value in row.items()}
