"""The user-facing errors: each one says where, what is wrong and how to fix it."""

from __future__ import annotations

from coprod_cli.classes import frozen
from coprod_cli.i18n import _


@frozen
class Location:
    """A place in a file, lines and columns counted from 1."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"


class CoprodError(Exception):
    """A mistake the user can fix; the CLI prints it as one line and exits 2."""

    exit_code = 2

    def __init__(self, what: str, fix: str = "", where: Location | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix
        self.where = where

    def located(self, where: Location) -> CoprodError:
        """The same error, placed in a file (keeps a more precise place if it has one)."""
        if self.where is None or self.where.line is None:
            self.where = where
        return self

    def __str__(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        return f"{text}; {self.fix}" if self.fix else text


class FileProblem(CoprodError):
    """The file cannot be read as text: missing, empty, binary, too large, wrong encoding."""


class InvalidData(CoprodError):
    """The file is YAML (or CSV) but does not describe a valid framework or answers."""


class IncompleteAnswers(CoprodError):
    """An answers file leaves statements without any answer."""


class UsageProblem(CoprodError):
    """A command-line option or argument that cannot be used as given."""


class PathError(Exception):
    """Raised inside model validators: a problem at a path inside the document.

    It is not a ValueError on purpose, so pydantic lets it through unchanged and the
    loader can turn the path into a line and column.
    """

    def __init__(self, path: tuple[str | int, ...], what: str, fix: str = "") -> None:
        super().__init__(what)
        self.path = path
        self.what = what
        self.fix = fix


def did_you_mean(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or '' when nothing is close."""
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return _(" (did you mean '{choice}'?)").format(choice=close[0]) if close else ""


def shortened(text: str, limit: int = 40) -> str:
    """Text from a file as a message quotes it: at most `limit` characters, so a mistaken
    megabyte of it is never echoed whole."""
    return text if len(text) <= limit else text[:limit - 3] + "..."
