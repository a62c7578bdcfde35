"""Exact arithmetic and the one rounding rule every published figure follows."""

from __future__ import annotations

from fractions import Fraction

import pytest

from coprod_cli.figures import (
    exact,
    histogram_median,
    level_for,
    mean,
    rounded,
    twice_histogram_median,
)


@pytest.mark.parametrize(("exact", "shown"), [
    (Fraction(15, 8), 1.88),  # 1.875: half up, where a binary float may round it down
    (Fraction(9, 8), 1.13),  # 1.125: half up, not to the even 1.12
    (Fraction(-9, 8), -1.13),  # a fall is rounded away from zero too
    (Fraction(5, 3), 1.67), (Fraction(1, 3), 0.33), (Fraction(3), 3.0), (Fraction(0), 0.0),
    (Fraction(1996, 1000), 1.99),  # just under a level is never shown as reaching it
    (Fraction(2995, 1000), 2.99), (Fraction(-1999, 1000), -1.99),
    (Fraction(2005, 1000), 2.01),
])
def test_published_figures_are_rounded_half_up_and_never_claim_a_level(exact: Fraction,
                                                                      shown: float) -> None:
    assert rounded(exact) == shown
    assert level_for(Fraction(repr(shown))) == level_for(exact) if exact >= 0 else True


def test_a_fraction_is_rounded_in_whole_numbers_by_the_same_rule() -> None:
    """Fractions take a path in whole numbers (a tenth of the time): the same figure, sign
    of zero included, as the rule worked in fractions."""
    import math
    import random

    def by_the_rule(value: Fraction) -> float:
        hundredths, rest = divmod(abs(value) * 100, 1)
        shown = int(hundredths) + (rest >= Fraction(1, 2))
        if shown % 100 == 0 and shown > abs(value) * 100:
            shown -= 1
        return math.copysign(shown, value) / 100

    rng = random.Random(8)
    values = [Fraction(n, 200) for n in range(-800, 801)] + [Fraction(-1, 10**9)] + [
        Fraction(rng.randint(-4000, 4000), rng.choice([1, 3, 7, 12, 399, 400, 1000, 7919]))
        for _ in range(5000)]
    for value in values:
        found, rule = rounded(value), by_the_rule(value)
        assert found == rule and math.copysign(1, found) == math.copysign(1, rule), value


def test_twice_a_histograms_median_is_a_whole_number() -> None:
    import itertools

    for counts in itertools.product(range(4), repeat=4):
        twice, median = twice_histogram_median(counts), histogram_median(counts)
        assert (twice, median) == (None, None) if not any(counts) else twice == 2 * median


def test_nothing_to_round_is_nothing() -> None:
    assert rounded(None) is None and mean([]) is None


def test_a_score_exactly_on_a_boundary_reached_through_thirds_is_that_level() -> None:
    thirds = [Fraction(1, 3)] * 3 + [Fraction(5, 3)] * 3  # floats sum this to 1.9999999999999998
    assert mean(thirds) == 1
    assert level_for(mean([Fraction(2, 3), Fraction(4, 3), Fraction(4)])) == "intermediate"
    assert level_for(Fraction(1999, 1000)) == "descriptive"


@pytest.mark.parametrize(("published", "stands_for"), [
    (1.87, Fraction(187, 100)),  # the decimal, not the binary float nearest it
    (0.1, Fraction(1, 10)), (-0.25, Fraction(-1, 4)), (2.0, Fraction(2)), (-0.0, Fraction(0))])
def test_a_published_figure_is_the_exact_decimal_it_stands_for(published: float,
                                                                stands_for: Fraction) -> None:
    assert exact(published) == stands_for


def test_the_exact_decimal_is_not_the_floats_own_value() -> None:
    assert exact(1.87) != Fraction(1.87)  # 1.87 as a float is a hair above or below it
