"""A translated file says which language it is shown in, whether that is reviewed, and which
texts are still in its own language."""

from __future__ import annotations

from coprod_cli.languages import LANGUAGES, NAMES, OWN_NAMES, Translation
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
