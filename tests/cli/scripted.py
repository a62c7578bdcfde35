"""The questionnaire run with scripted input: replies as lines, and the file it saved."""

from __future__ import annotations

from pathlib import Path

from coprod_cli.answers import Answers
from coprod_cli.reading.loader import Document, Library

NEF = len(Library.builtin().framework("nef").statements)  # statements asked
SKIP_ROLE = "\n"


def lines(*replies: str) -> str:
    return "".join(f"{reply}\n" for reply in replies)


def saved(path: Path) -> Answers:
    """The file as coprod reads it: a valid answers file, or the test fails."""
    return Library.builtin().answers(Document.read(path))[0]


def levels(path: Path) -> dict[str, str | None]:
    return {sid: a.level if a else None for sid, a in saved(path).answers.items()}
