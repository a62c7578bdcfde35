"""The bootstrap of scoring/bands.py in whole numbers: the same draws from the same seed, the
same figures, worked out without a fraction per draw.

Each person's answers are one integer, a 64-bit field per statement and level value holding 1
where they gave that level; a drawn role's counts are then the sum of its drawn people, and a
pool's weighted counts a few multiplications, all in C. Every figure is kept scaled by one
common whole number (SCALE below), so comparing and sorting them is comparing the fractions;
the centres of repeated count patterns, and the medians of repeated areas, are remembered.
`bands.bands` uses this whenever every weighted count fits its field, else its own loop.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Collection, Iterable, Mapping
from fractions import Fraction
from operator import add, mul
from typing import Any

from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.scoring import mix

LEVELS = len(LEVEL_IDS)
WIDTHS = (16, 32, 64)  # bits a (statement, level value) count may take: 1, 2 or 4 words
Draws = dict[str, list[int]]  # figure (area id, or "" for the overall) -> scaled values


def width(by_role: Mapping[str, list[bytes]], groups: list[list[str]],
          per_person: Mapping[str, int]) -> int | None:
    """The fewest bits that hold any pool's weighted count of one level; None if over 64."""
    most = max(sum(per_person[r] * len(by_role[r]) for r in roles) for roles in groups)
    return next((bits for bits in WIDTHS if most < 1 << bits), None) \
        if array("Q").itemsize == 8 else None


def draws(framework: Framework, by_role: Mapping[str, list[bytes]], groups: list[list[str]],
          per_person: Mapping[str, int], absent: Collection[str], rng: random.Random,
          resamples: int, bits: int) -> tuple[Draws, int]:
    """Every draw's figures, scaled by the returned whole number: per area its score, and under
    "" the sum of the areas' scores (the overall is that sum over the number of areas)."""
    ordered = sorted(by_role.items())
    # Each place of a draw, role after role as bands._draw takes them: the role's size (as a
    # float, the same product as the float times the int) and its first person's place.
    wide = [float(len(rows)) for _, rows in ordered for _ in rows]
    first = [start for start, rows in _firsts(ordered) for _ in rows]
    # Per pool, each person's answers weighed as one of their role (0 outside the pool).
    weighed = [[per_person[role] * _pack(row, bits) if role in roles else 0
                for role, rows in ordered for row in rows] for roles in groups]
    scale = 4 * math.lcm(*range(1, len(groups) + 1))
    twice, centre, area = _Twice(bits), _Centres(scale), _Medians()
    parts = [(d.id, slice(start, start + len(d.statements)))
             for d, start in _starts(framework) if d.id not in absent]
    spans = [span for _, span in parts]
    size = len(framework.statements) * LEVELS * bits // 8
    rows: list[tuple[int | None, ...]] = []
    for _ in range(resamples):
        picked = list(map(add, first, map(int, map(mul, wide, [rng.random() for _ in wide]))))
        pools = [map(twice.__getitem__, _fields(sum(map(people.__getitem__, picked)), size, bits))
                 for people in weighed]
        values = tuple(map(centre.__getitem__, zip(*pools, strict=True)))
        rows.append(tuple(map(area.__getitem__, map(values.__getitem__, spans))))
    found: Draws = {d.id: [] for d in framework.dimensions}
    for (dimension, _), column in zip(parts, zip(*rows, strict=True), strict=True):
        found[dimension] = [score for score in column if score is not None]
    found[""] = [sum(v or 0 for v in row) for row in rows if parts and None not in row]
    return found, scale


def band(found: list[int], scale: int, resamples: int,
         cut: int) -> tuple[Fraction, Fraction] | None:
    """bands._band on scaled values."""
    if not found:
        return None
    found.sort()
    drop = cut * len(found) // resamples
    return Fraction(found[drop], scale), Fraction(found[len(found) - 1 - drop], scale)


def _starts(framework: Framework) -> list[tuple[Any, int]]:
    starts, start = [], 0
    for dimension in framework.dimensions:
        starts.append((dimension, start))
        start += len(dimension.statements)
    return starts


def _firsts(ordered: list[tuple[str, list[bytes]]]) -> list[tuple[int, list[bytes]]]:
    starts, start = [], 0
    for _, rows in ordered:
        starts.append((start, rows))
        start += len(rows)
    return starts


def _pack(row: bytes, bits: int) -> int:
    """A person's answers as one integer: 1 in the field of each statement's level value."""
    return sum(1 << bits * (LEVELS * index + value)
               for index, value in enumerate(row) if value < LEVELS)


def _fields(number: int, size: int, bits: int) -> Iterable[int | tuple[int, ...]]:
    """Per statement, its counts packed in `number`: one 64-bit word, or a tuple of them."""
    words = array("Q", number.to_bytes(size, "little"))
    if array("H", [1]).tobytes() != b"\x01\x00":  # a big-endian machine
        words.byteswap()
    per = LEVELS * bits // 64
    return words if per == 1 else zip(*[iter(words)] * per, strict=True)


class _Twice(dict["int | tuple[int, ...]", "int | None"]):
    """Twice a pool's weighted median from a statement's packed counts (mix._twice_median)."""

    def __init__(self, bits: int) -> None:
        super().__init__()
        self.bits = bits

    def __missing__(self, key: int | tuple[int, ...]) -> int | None:
        packed = key if isinstance(key, int) else \
            sum(word << 64 * place for place, word in enumerate(key))
        mask = (1 << self.bits) - 1
        value = self[key] = mix._twice_median(
            [packed >> self.bits * level & mask for level in range(LEVELS)])
        return value


class _Centres(dict[tuple["int | None", ...], "int | None"]):
    """A statement's value, scaled, from twice each pool's centre: their mean (mix.values),
    None when no pool has an answer."""

    def __init__(self, scale: int) -> None:
        super().__init__()
        self.scale = scale

    def __missing__(self, key: tuple[int | None, ...]) -> int | None:
        twice = [t for t in key if t is not None]
        value = sum(twice) * (self.scale // (2 * len(twice))) if twice else None
        self[key] = value
        return value


class _Medians(dict[tuple["int | None", ...], "int | None"]):
    """An area's score, scaled: the median of its statements' values (tally.median)."""

    def __missing__(self, key: tuple[int | None, ...]) -> int | None:
        ordered = sorted(v for v in key if v is not None)
        half = len(ordered) // 2
        value = None if not ordered else ordered[half] if len(ordered) % 2 else \
            (ordered[half - 1] + ordered[half]) // 2
        self[key] = value
        return value
