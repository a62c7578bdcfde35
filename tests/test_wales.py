"""The wales framework carries Welsh for every text a reader meets, marked not yet reviewed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.reading.loader import Library

ENGLISH = Library.builtin().framework("wales")
WELSH = Library.builtin(language="cy").framework("wales")


def texts(fw: Framework) -> Iterator[tuple[str, str]]:
    """Every text a respondent or reader meets in a framework, with where it is."""
    yield from (("name", fw.name), ("text", fw.text), ("plain", fw.plain),
                ("credit", fw.credit))
    for d in fw.dimensions:
        yield from ((f"{d.id} name", d.name), (f"{d.id} text", d.text),
                    (f"{d.id} plain", d.plain))
        for s in d.statements:
            yield from ((f"{s.id} text", s.text), (f"{s.id} plain", s.plain),
                        (f"{s.id} help", s.help or ""))
            for level in LEVEL_IDS:
                yield f"{s.id} levels.{level}", s.levels.at(level)
                yield f"{s.id} plain_levels.{level}", s.row(level, plain=True)
            for number, example in enumerate(s.evidence_examples, 1):
                yield f"{s.id} evidence example {number}", example


def test_every_text_of_wales_has_welsh() -> None:
    assert WELSH.shown == "cy" and WELSH.untranslated == ()
    english, welsh = dict(texts(ENGLISH)), dict(texts(WELSH))
    assert english.keys() == welsh.keys() and len(welsh) == 228
    same = [where for where in english if english[where] == welsh[where]]
    assert not same, f"given in English only: {same}"
    assert all(welsh.values())


def test_the_welsh_reads_as_welsh_and_keeps_coprods_words_for_co_production() -> None:
    words = " ".join(text for where, text in texts(WELSH) if where != "credit")  # links
    assert "cydgynhyrchu" in words.casefold() and "co-production" not in words.casefold()
    for where, text in texts(WELSH):
        if not where.endswith(("credit", "name")) and "evidence" not in where:  # sentences
            assert re.search(r"\b(mae|yw|sy'n|yn|a|y|yr|ar|i)\b", text), (where, text)


def test_the_welsh_is_marked_not_yet_reviewed_by_welsh_speaking_co_producers() -> None:
    unreviewed = WELSH.unreviewed
    assert unreviewed is not None and unreviewed.reviewed is False
    assert ENGLISH.unreviewed is None  # read in English, nothing to flag
    assert WELSH.source == ENGLISH.source  # a source's title and author stay as published


def test_the_welsh_keeps_the_same_statements_and_tags() -> None:
    assert [s.id for s in WELSH.statements] == [s.id for s in ENGLISH.statements]
    assert [(s.recommendations, s.principles, s.scope, s.activities, s.basis)
            for s in WELSH.statements] == [
        (s.recommendations, s.principles, s.scope, s.activities, s.basis)
        for s in ENGLISH.statements]
