"""The bootstrap of scoring/bands.py in whole numbers: the same draws from the same seed, the
same figures, each draw's worked out in a few operations in C instead of in fractions.

Each person's answers are one integer: per statement, four fields of `bits` bits, for each
level value v of 0, 1 and 2 the person's weight counted + above v and - at or below it, and
their weight in the fourth. A pool's part of a draw is the sum of its drawn people's integers
(in C), so per statement its fields hold T - 2*cum(v) and T, T the pool's weight that
answered and cum(v) the weight at or below v. Twice the weighted median is the number of v
with 2*cum(v) < T plus the number with 2*cum(v) <= T (mix._twice_median), so how many of 0
and 1 each field is at least is all that is needed, and whether T is at least 1 (the pool
answered): with half each field's range added to a draw's sum, a field's top bit is its sign,
taken for all its fields by a few whole-number operations. The pools' counts are added, and
one multiplication gathers a statement's into one byte: 8 times its level fields' counts
(twice each answered pool's median, 3 for each other pool) plus the pools that answered. A
table turns that into the statement's value, and each area's median is remembered per
pattern of its statements' bytes. Every figure is kept scaled by one common whole number
(SCALE below), so comparing and sorting them is comparing the fractions.
`bands.bands` uses this whenever the pools are few enough for one byte per statement
(MOST_POOLS), else its own loop.
"""

from __future__ import annotations

import functools
import math
import random
import struct
from collections.abc import Collection, Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import repeat, starmap
from operator import add, itemgetter, mul
from typing import cast

from coprod_cli.models import LEVEL_IDS, Framework

LEVELS = len(LEVEL_IDS)
MOST_POOLS = 5  # pools whose counts (8 times 0 to 6 each, and 1 if answered) fit a byte
Draws = dict[str, list[int]]  # figure (area id, or "" for the overall) -> scaled values
BLOCK = 1 << 16  # people drawn (a draw's places times draws) worked out at once: a few MB


def width(by_role: Mapping[str, list[bytes]], groups: list[list[str]],
          per_person: Mapping[str, int]) -> int | None:
    """Bits per field: an even number, at least 8, above any pool's weighted count with its
    sign; None when the pools are too many for this way of working, or one has no roles."""
    if len(groups) > MOST_POOLS or LEVELS != 4 or not all(groups):
        return None
    most = max(sum(per_person[r] * len(by_role[r]) for r in roles) for roles in groups)
    return max(8, (most.bit_length() + 2) // 2 * 2)


def lightest(groups: list[list[str]], per_person: Mapping[str, int]) -> dict[str, int]:
    """Each pool's weights over their greatest common divisor: a pool's median weighs its
    people only against each other, so the same medians from narrower fields (a trend's
    weights, made whole across all its roles, share a factor within a pool)."""
    found = dict(per_person)
    for pool in groups:
        common = math.gcd(*(per_person[role] for role in pool)) or 1
        found.update((role, per_person[role] // common) for role in pool)
    return found


def draws(framework: Framework, by_role: Mapping[str, list[bytes]], groups: list[list[str]],
          per_person: Mapping[str, int], absent: Collection[str], seed: int,
          resamples: int, bits: int) -> tuple[Draws, int]:
    """Every draw's figures, scaled by the returned whole number: per area its score, and under
    "" the sum of the areas' scores (the overall is that sum over the number of areas); drawn
    with random.Random(seed)'s numbers, as bands._slowly draws."""
    ordered = sorted(by_role.items())
    pools, statements = len(groups), len(framework.statements)
    # Each place of a draw, role after role as bands._draw takes them: its role, and the
    # role's size (as a float, the same product as the float times the int).
    roles = [role for role, rows in ordered for _ in rows]
    wide = [float(len(rows)) for _, rows in ordered for _ in rows]
    people = [{role: _people(rows, per_person[role], bits)
               for role, rows in ordered if role in pool} for pool in groups]
    # A block of draws at a time (the same draws in the same order), so memory stays bounded
    # however many people a round has: all 1,000 at once took 1 GB for 40,000 people.
    step = max(1, min(resamples, BLOCK // max(len(wide), 1)))
    numbers = _first(seed, resamples * len(wide)) if step == resamples else \
        starmap(random.Random(seed).random, repeat(()))
    added = b"".join(_added(people, roles, wide, numbers, min(step, resamples - done),
                            statements, bits) for done in range(0, resamples, step))
    scale = 4 * math.lcm(*range(1, pools + 1))
    return _areas(framework, added, absent, _medians(scale, pools), resamples), scale


_FIRST: dict[int, tuple[random.Random, list[float]]] = {}  # per seed, its first numbers


def _first(seed: int, count: int) -> list[float]:
    """random.Random(seed)'s first `count` numbers (or more): every round of a trend draws
    from the same seed, so a round of BLOCK people or fewer takes those the one before made."""
    rng, made = _FIRST.setdefault(seed, (random.Random(seed), []))
    if len(made) < count:
        made.extend(starmap(rng.random, repeat((), count - len(made))))
    return made


def _added(people: list[dict[str, list[int]]], roles: list[str], wide: list[float],
           randoms: Iterable[float], count: int, statements: int, bits: int) -> bytes:
    """Per draw of the next `count` and statement, a byte (_gathered). The draws take their
    numbers from `randoms`, in order, as many as they need."""
    drawn = list(map(math.floor, map(mul, wide * count, randoms)))  # place after place
    size, half = statements * bits // 2, _fill([1 << bits - 1] * LEVELS, bits, statements)
    pooled = []
    for pool in people:  # each pool's draws summed apart: its fields are its own
        (first, rows), *rest = [(at, pool[role]) for at, role in enumerate(roles)
                                if role in pool]  # each pool has someone (width())
        # Each draw's sum starts from its first place's person, half added to that role's
        # few people once rather than to every draw's sum.
        lifted = _picked([person + half for person in rows], drawn[first::len(wide)])
        others = [_picked(them, drawn[at::len(wide)]) for at, them in rest]
        pooled.append(map(sum, zip(*others, strict=True), lifted) if others else lifted)
    return _gathered(pooled, size, bits)


def _picked(rows: list[int], drawn: list[int]) -> Sequence[int]:
    """The rows drawn, in order, picked in one call (itemgetter of one gives the row alone)."""
    return itemgetter(*drawn)(rows) if len(drawn) > 1 else [rows[i] for i in drawn]


def band(found: list[int], scale: int, resamples: int,
         cut: int) -> tuple[Fraction, Fraction] | None:
    """bands._band on scaled values."""
    if not found:
        return None
    found.sort()
    drop = cut * len(found) // resamples
    return Fraction(found[drop], scale), Fraction(found[len(found) - 1 - drop], scale)


def _people(rows: list[bytes], weight: int, bits: int) -> list[int]:
    """Each person's answers as one integer, weighed as one of their role (0 where unsure).
    A statement's four fields, as one number, are never below 0 (the fourth, the weight, is
    the highest), so a person's integer is their statements' bytes joined."""
    length = LEVELS * bits // 8
    fields = [sum((weight if level > v else -weight) << bits * v for v in range(3))
              + (weight << 3 * bits) for level in range(LEVELS)]
    pieces = [f.to_bytes(length, "little") for f in fields] + [bytes(length)] * (256 - LEVELS)
    return [int.from_bytes(b"".join(map(pieces.__getitem__, row)), "little") for row in rows]


def _fill(fields: Sequence[int], bits: int, statements: int) -> int:
    """Each of `statements` statements' four fields holding `fields` (whole bytes: an even
    number of bits a field)."""
    one = sum(value << k * bits for k, value in enumerate(fields))
    return int.from_bytes(one.to_bytes(LEVELS * bits // 8, "little") * statements, "little")


def _gathered(pooled: Sequence[Iterable[int]], length: int, bits: int) -> bytes:
    """A byte per draw and statement, from each pool's sum in each draw (`length` bytes, half
    each field's range added): 8 times how many of 0 and 1 its level fields are at least, all
    pools' added, plus how many pools' weight fields are at least 1 (the pools that answered).
    """
    low, levels, tops = _lows(length, bits)
    # Per field, its top bit (at least 0; not for the weight, never below 0) plus its top bit
    # with 1 taken (at least 1): a count of 0 to 2 a pool, at most 10 for five pools.
    counted = [((high & levels) + ((high - low) & tops) for high in sums) for sums in pooled]
    counts: Iterable[int] = counted[0]
    for more in counted[1:]:  # the pools' counts added, draw by draw
        counts = map(add, counts, more)
    # One multiplication moves each of a statement's level fields' counts to bit 3 of the byte
    # after the statement's, where they add up, and its weight field's to bit 0. Its other
    # products land below that byte (at most 42 times the pools there: under 256) or past it,
    # and none meet or carry into it, because a field is at least 8 bits wide (width()).
    gather = sum(1 << (LEVELS - 1 - k) * bits + 4 for k in range(LEVELS - 1)) + (1 << 1)
    step = bits // 2  # bytes a statement
    return b"".join((count * gather).to_bytes(length + bits, "little")[step:step + length:step]
                    for count in counts)


@functools.lru_cache(maxsize=4)  # a few frameworks and field widths in one process
def _lows(length: int, bits: int) -> tuple[int, int, int]:
    """1 in each field of a draw's sum (`length` bytes), the level fields' top bits, and every
    field's: the same for every draw of a framework at one field width."""
    statements, top = length * 2 // bits, 1 << bits - 1
    return (_fill([1] * LEVELS, bits, statements), _fill([top, top, top, 0], bits, statements),
            _fill([top] * LEVELS, bits, statements))


def _areas(framework: Framework, added: bytes, absent: Collection[str], area: _Medians,
           resamples: int) -> Draws:
    """Each area's score in each draw, and the sum of the areas' scores in the draws where
    every area has one. An area's statements are next to each other in a draw's bytes, so
    each draw's bytes are cut into one key per area, all in one unpack."""
    dimensions = framework.dimensions
    cuts = "".join(f"{len(d.statements)}s" for d in dimensions)
    values = list(map(area.__getitem__, struct.unpack(cuts * resamples, added)))
    found: Draws = {d.id: [] for d in dimensions}
    scored, every = [], True  # every: each area scored in every draw
    for at, dimension in enumerate(dimensions):
        if dimension.id not in absent:
            scores = values[at::len(dimensions)]  # draw after draw
            scored.append(scores)
            if None in scores:
                every = False
                found[dimension.id] = [v for v in scores if v is not None]
            else:
                found[dimension.id] = cast("list[int]", scores)  # sorted once summed
    found[""] = list(map(sum, zip(*scored, strict=True))) if every else \
        [sum(row) for row in zip(*scored, strict=True) if None not in row]
    return found


class _Medians(dict[bytes, "int | None"]):
    """An area's score, scaled: the median (tally.median) of its statements' values, each the
    mean of its pools' centres (mix.values), None when no pool has an answer. Shared by every
    round with as many pools (the same bytes, the same scale), up to MOST patterns: a
    long-running process scoring many rounds starts again rather than grow without end."""

    MOST = 1 << 16  # patterns remembered: a few MB (a 60-person SCIE round makes about 5,000)

    def __init__(self, scale: int, pools: int) -> None:
        super().__init__()
        # A statement's byte (_gathered): 8 times its answered pools' twice medians added and
        # 3 for each other pool (its level fields all 0), plus how many pools answered.
        self.each = [None if not code % 8 else
                     (code // 8 - 3 * (pools - code % 8)) * (scale // (2 * (code % 8)))
                     for code in range(256)]

    def __missing__(self, key: bytes) -> int | None:
        ordered = sorted([v for v in map(self.each.__getitem__, key) if v is not None])
        half = len(ordered) // 2
        value = None if not ordered else ordered[half] if len(ordered) % 2 else \
            (ordered[half - 1] + ordered[half]) // 2
        if len(self) >= self.MOST:
            self.clear()
        self[key] = value
        return value


_MEDIANS: dict[int, _Medians] = {}  # per number of pools


def _medians(scale: int, pools: int) -> _Medians:
    if pools not in _MEDIANS:
        _MEDIANS[pools] = _Medians(scale, pools)
    return _MEDIANS[pools]
