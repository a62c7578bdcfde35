"""The arithmetic of figures: exact averages and medians, the one rounding rule, the exact
value a published figure stands for, and the level an exact score reaches."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from fractions import Fraction

from coprod_cli.models import LEVEL_IDS, LevelId


def mean(values: Sequence[Fraction]) -> Fraction | None:
    """The exact average, or None when there is nothing to average."""
    return sum(values, Fraction(0)) / len(values) if values else None


def median(values: Sequence[Fraction]) -> Fraction | None:
    """The centre: the middle value, or halfway between the two middle ones; None if empty."""
    ordered = sorted(values)
    half = len(ordered) // 2
    if not ordered:
        return None
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def area_score(values: Sequence[Fraction]) -> Fraction | None:
    """An area's (or a principle's, or a scope's) score: the median of its statements' values,
    so one statement out of line with the rest is a named gap or strength, not the area."""
    return median(values)


def histogram_median(counts: Sequence[int]) -> Fraction | None:
    """The median of people's answers counted per level value (counts[v] said level v)."""
    twice = twice_histogram_median(counts)
    return None if twice is None else Fraction(twice, 2)


def twice_histogram_median(counts: Sequence[int]) -> int | None:
    """Twice histogram_median, a whole number (a mean of several is then one fraction)."""
    people = sum(counts)
    if not people:
        return None
    return _nth(counts, (people - 1) // 2) + _nth(counts, people // 2)


def _nth(counts: Sequence[int], index: int) -> int:
    """The level value of the index-th answer, answers in order from not-yet up."""
    for value, count in enumerate(counts):
        if index < count:
            return value
        index -= count
    raise IndexError(index)


def rounded(value: Fraction | None) -> float | None:
    """The one rounding rule, applied once, where a figure is published: two decimals, half
    up (away from zero), except that a value just under a whole level is never shown as that
    level (1.996 is 1.99, not 2.00), so a figure never claims a level it has not reached."""
    if value is None:
        return None
    if type(value) is Fraction:  # the same rule in whole numbers: a tenth of the time
        top, under = abs(value.numerator) * 100, value.denominator
        whole, left = divmod(top, under)
        shown = whole + (2 * left >= under)
        if shown % 100 == 0 and shown * under > top:
            shown -= 1
        return math.copysign(shown, value.numerator) / 100
    hundredths, rest = divmod(abs(value) * 100, 1)
    shown = int(hundredths) + (rest >= Fraction(1, 2))
    if shown % 100 == 0 and shown > abs(value) * 100:
        shown -= 1  # the next whole level is not reached
    return math.copysign(shown, value) / 100


@functools.lru_cache(maxsize=1024)  # a trend or a comparison reads the same few figures again
def exact(published: float) -> Fraction:
    """A published two-decimal figure as the exact decimal it stands for (1.87 is 187/100)."""
    return Fraction(repr(published))


def level_for(score: Fraction) -> LevelId:
    """The highest level whose value is at or below the exact score."""
    return LEVEL_IDS[max(0, min(3, math.floor(score)))]
