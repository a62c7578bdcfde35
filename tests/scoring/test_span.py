"""The span of published values: what can be worked out from them, against a rank written
apart from it (Gaussian elimination in Fractions)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.scoring.span import Key, Span
from tests.scoring.test_disclosure import rank  # the rank worked out in Fractions

Vector = dict[Key, Fraction]


def test_span_knows_what_can_be_computed() -> None:
    x, y, z = ("a", "1"), ("b", "1"), ("c", "1")
    half = Fraction(1, 2)
    span = Span([{x: half, y: half}, {y: Fraction(1)}])
    assert span.holds({x: Fraction(1)}) and not span.holds({z: Fraction(1)})
    assert not Span([{x: half, y: half}]).holds({x: Fraction(1)})


KEYS = [(role, sid) for role in "abc" for sid in "12"]
VECTORS = st.dictionaries(st.sampled_from(KEYS), st.fractions(-4, 4, max_denominator=6),
                          max_size=4)


@given(st.lists(VECTORS, max_size=6), VECTORS)
def test_a_value_is_held_exactly_when_it_adds_nothing_to_the_rank(
        published: list[Vector], secret: Vector) -> None:
    """Rows kept by pivot and met only where the value holds a pivot: the same answer as the
    rank of everything published, with the value and without it."""
    secret = {key: value for key, value in secret.items() if value}
    held = rank([*published, secret]) == rank(published)
    span = Span(published)
    assert span.holds(secret) == held
    assert (not span.reduce(secret)) == held
    copied = span.copy()
    copied.add(secret)
    assert span.holds(secret) == held  # adding to a copy leaves the span as it was
    assert copied.holds(secret)
