"""What every page shares: a framework's text marked with its language only where the view
says so (and escaped), and the levels' names lowest first."""

from __future__ import annotations

from coprod_cli.models import LEVEL_IDS
from coprod_cli.report import View
from coprod_cli.report.pages import level_names, marking
from tests.builders import CATALOGUE


def test_only_the_texts_the_view_names_are_marked_with_their_language() -> None:
    own = marking(View(apart=(("Asedau", "cy"), ("<b>Assets</b>", "en"))))
    assert own("Asedau") == '<span lang="cy">Asedau</span>'
    assert own("<b>Assets</b>") == '<span lang="en">&lt;b&gt;Assets&lt;/b&gt;</span>'
    assert own("Capacity") == "Capacity"
    assert marking(View())("Asedau") == "Asedau"


def test_the_levels_are_named_lowest_first() -> None:
    names = level_names(CATALOGUE)
    assert names == [CATALOGUE.level(level).name for level in LEVEL_IDS]
    assert len(set(names)) == len(LEVEL_IDS) == 4
