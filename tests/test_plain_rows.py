"""The built-in frameworks' rubric rows in plain words: every one written, short and readable."""

from __future__ import annotations

import re

import pytest
import textstat

from coprod_cli.models import LEVEL_IDS, Statement
from coprod_cli.reading.loader import Library

LIBRARY = Library.builtin()
STATEMENTS = [statement for framework_id in sorted(LIBRARY.builtin_ids)
              for statement in LIBRARY.framework(framework_id).statements]
IDS = [statement.id for statement in STATEMENTS]
# Flesch reading ease: 80 and above reads as easy (about a UK reading age of 9 to 11).
EASE = 80
LONGEST_SENTENCE = 15  # words: one idea a sentence


def sentences(row: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", row) if part]


@pytest.mark.parametrize("statement", STATEMENTS, ids=IDS)
def test_every_builtin_statement_has_all_four_plain_rows(statement: Statement) -> None:
    assert statement.plain_levels is not None, f"{statement.id} has no plain_levels"
    rows = [statement.plain_levels.at(level).casefold() for level in LEVEL_IDS]
    assert len(set(rows)) == 4, f"{statement.id}: two plain rows say the same"
    full = {statement.levels.at(level).casefold() for level in LEVEL_IDS}
    assert not full & set(rows), f"{statement.id}: a plain row only repeats its full row"


def test_every_plain_row_reads_easily() -> None:
    hard = [f"{statement.id} {level}: {ease:.1f} {row!r}"
            for statement in STATEMENTS for level in LEVEL_IDS
            if (ease := textstat.flesch_reading_ease(row := statement.row(level, True))) < EASE]
    assert not hard, f"plain rows below Flesch reading ease {EASE}:\n" + "\n".join(hard)


def test_every_plain_sentence_is_short() -> None:
    long = [f"{statement.id} {level}: {sentence!r}"
            for statement in STATEMENTS for level in LEVEL_IDS
            for sentence in sentences(statement.row(level, plain=True))
            if len(sentence.split()) > LONGEST_SENTENCE]
    assert not long, f"sentences over {LONGEST_SENTENCE} words:\n" + "\n".join(long)
