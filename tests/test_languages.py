"""A translated file says which language it is shown in, whether that is reviewed, and which
texts are still in its own language."""

from __future__ import annotations

from coprod_cli.languages import LANGUAGES, NAMES, OWN_NAMES, Translation, shown_apart
from coprod_cli.reading.loader import Library
from tests.conftest import DATA

TINY = DATA / "valid" / "two-languages.yaml"


def test_every_language_has_its_names() -> None:
    assert set(NAMES) == set(OWN_NAMES) == set(LANGUAGES)
    assert LANGUAGES[0] == "en"


def test_welsh_shown_unreviewed_with_english_where_untranslated() -> None:
    tiny = Library.builtin([TINY], language="cy").framework("tiny")
    assert tiny.shown == "cy" and tiny.language == "en"
    assert tiny.unreviewed == Translation(reviewed=False, note=tiny.translations["cy"].note)
    assert tiny.in_own_language("Money is decided by managers.")
    assert not tiny.in_own_language(tiny.name)


def test_english_is_never_marked_unreviewed_nor_untranslated() -> None:
    tiny = Library.builtin([TINY]).framework("tiny")
    assert tiny.shown == "en" and tiny.unreviewed is None and tiny.untranslated == ()
    assert not tiny.in_own_language("Money is decided by managers.")


def test_a_reviewed_translation_is_not_flagged() -> None:
    tiny = Library.builtin([TINY], language="cy").framework("tiny")
    import dataclasses

    checked = dataclasses.replace(tiny, translations={"cy": Translation(reviewed=True)})
    assert checked.unreviewed is None


def test_texts_apart_are_those_shown_in_another_language_than_the_readers() -> None:
    welsh = Library.builtin([TINY], language="cy")
    tiny = welsh.framework("tiny")
    assert dict(shown_apart([tiny], "cy")) == {text: "en" for text in (
        *tiny.untranslated, tiny.source.title, tiny.source.author)}
    assert "Money is decided by managers." in dict(shown_apart([tiny], "cy"))
    nef = welsh.framework("nef")  # no Welsh at all: every text of it is English
    apart = dict(shown_apart([nef], "cy"))
    assert {nef.name, *(d.name for d in nef.dimensions), *(s.text for s in nef.statements)} \
        <= apart.keys() and set(apart.values()) == {"en"}
    english = Library.builtin([TINY])
    assert shown_apart([english.framework("tiny"), english.framework("nef")], "en") == ()


def test_a_works_title_and_author_are_in_its_files_language_whatever_the_readers() -> None:
    """core.yaml has Welsh for its levels but cites English works: their titles and authors
    are never translated, so a Welsh reader is shown them apart, in English; the levels'
    names, which have Welsh, are not."""
    catalogue = Library.builtin([TINY], language="cy").catalogue
    apart = dict(shown_apart([catalogue], "cy"))
    assert catalogue.shown == "cy" and len(catalogue.sources) >= 5
    for work in catalogue.sources:
        assert apart[work.title] == apart[work.author] == "en"
    assert not {level.name for level in catalogue.levels} & apart.keys()
    assert shown_apart([Library.builtin([TINY]).catalogue], "en") == ()
