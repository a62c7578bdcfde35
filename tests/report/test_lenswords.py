"""Scores by principle, scope and activity in words: the groups in order, the weakest named."""

from __future__ import annotations

from coprod_cli.report import lenswords
from tests.builders import CATALOGUE
from tests.scoring.test_lenses import VALUES, scored, tagged


def test_the_weakest_principle_is_named() -> None:
    res = scored(tagged(), VALUES)
    not_yet = CATALOGUE.level("not-yet").name
    assert lenswords.weakest_lenses(res, CATALOGUE) == (
        "Weakest principle: Equality 1.00 (Descriptive); scope: Individual 0.00 "
        f"({not_yet}); activity: Co-design 1.00 (Descriptive).")


def test_every_format_lists_principles_then_scopes_then_activities() -> None:
    res = scored(tagged(), VALUES)
    groups = lenswords.lens_groups(res)
    assert [kind for kind, _tags in groups] == ["principle", "scope", "activity"]
    assert [tags for _kind, tags in groups] == [res.principles, res.scopes, res.activities]
    assert lenswords.any_lenses(res)
    assert [lenswords.kind_name(kind) for kind, _tags in groups] == [
        "principle", "scope", "activity"]
