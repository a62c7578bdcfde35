"""An answers file kept by the questionnaire: changes made elsewhere are merged or refused.

Before each save the file on disk is compared with what was last read or written. When
another questionnaire or an editor changed it, answers that do not conflict are merged
(theirs kept beside ours); when both changed the same thing, nothing is overwritten: our
answers go to a file beside it and the questionnaire stops, saying where each one is.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from coprod_cli.answers import Answers
from coprod_cli.errors import CoprodError, FileProblem, UsageProblem
from coprod_cli.files import check_folder_writable, check_writable, write_atomic
from coprod_cli.i18n import _
from coprod_cli.models import Framework
from coprod_cli.questionnaire.answers_file import render_answers
from coprod_cli.questionnaire.resume import same_framework
from coprod_cli.reading import yamlio
from coprod_cli.reading.loader import Document, Library
from coprod_cli.versions import Carried

_MISSING = object()


@dataclass(frozen=True)
class Saved:
    """The answers as written (ours, with any merged from elsewhere) and what was merged."""

    answers: Answers
    merged: tuple[str, ...] = ()


@dataclass
class Kept:
    """The answers file and a fingerprint of what the questionnaire last read or wrote."""

    path: Path
    library: Library
    plain: bool = False
    digest: str | None = None
    base: Answers | None = None
    text: str = field(default="", repr=False)
    # What the framework's migration map did to the file as read (None: written for this
    # version): saving writes this version's statements over the earlier ones.
    carried: Carried | None = None

    def open(self, wanted: str | None) -> Answers | None:
        """The answers already in the file; a read-only file or folder, or another framework,
        refused before the first question, so no answer is given in vain."""
        if self.path.exists() and not self.path.is_file():
            raise UsageProblem(_("{path} is not a regular file; the questionnaire saves each "
                                 "answer in a file, to carry on from later").format(path=self.path),
                               _("choose a file with -o FILE"))
        check_folder_writable(self.path)
        check_writable(self.path)
        if not self.path.exists():
            return None
        existing = self.load()
        if existing is not None:
            same_framework(self.path, existing, wanted)
        return existing

    def comments_not_written(self, framework: Framework, existing: Answers) -> list[str]:
        """Comments in the file as read that coprod's own rendering of it would not hold."""
        written = [render_answers(framework, self.library.catalogue, existing, plain=plain)
                   for plain in (False, True)]
        return foreign_comments(self.text, written)

    def render(self, answers: Answers) -> str:
        """The answers file's text, with the wording of the framework the answers name."""
        framework = self.library.framework(answers.framework)
        return render_answers(framework, self.library.catalogue, answers, plain=self.plain)

    def load(self) -> Answers | None:
        """The answers in the file, or None when there is no file yet."""
        data = self._bytes()
        self.digest, self.text = _digest(data), "" if data is None else yamlio.decode(
            data, str(self.path))
        self.base, self.carried = None, None
        if data is not None:
            self.base, _framework, self.carried = self.library.read_answers(
                Document.from_bytes(data, str(self.path)))
        return self.base

    def copy_aside(self, tag: str) -> Path:
        """The file as it was last read, copied beside it (before a save drops its comments)."""
        aside = beside(self.path, tag)
        write_atomic(aside, self.text, private=True)
        return aside

    def save(self, answers: Answers) -> Saved:
        """Write `answers`, first taking in what was changed on disk since it was last seen."""
        ours, merged = self._catch_up(answers)
        text = self.render(ours)
        try:
            write_atomic(self.path, text, private=True)
        except (OSError, FileProblem) as error:
            raise self._kept_aside(ours, f"cannot save answers in {self.path} "
                                   f"({_reason(error)})") from error
        self.digest, self.base = _digest(text.encode("utf-8")), ours
        return Saved(ours, merged)

    def _catch_up(self, ours: Answers) -> tuple[Answers, tuple[str, ...]]:
        data = self._bytes()
        if _digest(data) == self.digest or data is None:
            return ours, ()  # unchanged, or removed (then written again in full)
        try:
            theirs = self._parse(data)
        except CoprodError as error:
            raise self._kept_aside(ours, f"{self.path} was changed elsewhere and no longer "
                                   f"reads as answers ({error.what})") from None
        base = self.base or Answers(framework=ours.framework)
        result, merged, clashes = merge(base, ours, theirs)
        if clashes:
            raise self._kept_aside(ours, f"{self.path} was changed elsewhere (another "
                                   "questionnaire or an editor) and both changed "
                                   + ", ".join(clashes))
        return result, merged

    def _kept_aside(self, ours: Answers, what: str) -> UsageProblem:
        """Our answers saved beside the file, never over it; the error says where."""
        aside = beside(self.path)
        try:
            write_atomic(aside, self.render(ours), private=True)
        except (OSError, FileProblem):
            return UsageProblem(
                _("{what}; your latest answer could not be saved beside it either").format(
                    what=what
                ),
                _("check you may write in that folder"),
            )
        return UsageProblem(
            _("{what}. Nothing was overwritten: your answers are saved in {aside}").format(
                what=what, aside=aside
            ),
            _(
                "compare it with {path}, keep the one you want, and carry on with: coprod assess "
                "-o {path}"
            ).format(path=self.path),
        )

    def _bytes(self) -> bytes | None:
        return yamlio.read_bytes(self.path) if self.path.exists() else None

    def _parse(self, data: bytes) -> Answers:
        return self.library.answers(Document.from_bytes(data, str(self.path)))[0]


def _reason(error: Exception) -> str:
    if isinstance(error, CoprodError):
        return error.what
    return str(getattr(error, "strerror", None) or error)


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def beside(path: Path, tag: str = "mine") -> Path:
    """A new file next to `path` for what must not overwrite it; not named .yaml, so a
    folder of answers never counts the same person twice."""
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        candidate = path.with_name(f"{path.name}.{tag}{suffix}")
        if not candidate.exists():
            return candidate
    raise UsageProblem(
        _("too many saved copies beside {path}").format(path=path), _("tidy up the .mine files")
    )


def merge(base: Answers, ours: Answers, theirs: Answers
          ) -> tuple[Answers, tuple[str, ...], list[str]]:
    """A three-way merge: what only one side changed is kept; the same thing changed two ways
    is a clash. Returns the answers, what came from `theirs`, and the clashes."""
    fields, taken, clashes = _three_way(_top(base), _top(ours), _top(theirs))
    answers, got, clashed = _three_way(base.answers, ours.answers, theirs.answers)
    merged = Answers(**fields, answers=answers)
    return merged, (*taken, *got), [*clashes, *(f"statement {sid}" for sid in clashed)]


def _top(answers: Answers) -> dict[str, Any]:
    return {item.name: getattr(answers, item.name) for item in dataclasses.fields(answers)
            if item.name != "answers"}


def _three_way(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
               ) -> tuple[dict[str, Any], list[str], list[str]]:
    result, taken, clashes = dict(ours), [], []
    for key in dict.fromkeys([*ours, *theirs]):
        was, mine, other = (side.get(key, _MISSING) for side in (base, ours, theirs))
        if _same(mine, other) or _same(other, was):
            continue
        if _same(mine, was):
            result[key] = None if other is _MISSING else other
            taken.append(key)
        else:
            clashes.append(key)
    return result, taken, clashes


def _same(one: Any, other: Any) -> bool:
    """Equal, counting a missing key and an empty value as the same (no answer)."""
    return (None if one is _MISSING else one) == (None if other is _MISSING else other)


def foreign_comments(text: str, written: list[str]) -> list[str]:
    """Comments in `text` that are not among those coprod writes (in any of `written`)."""
    ours = {line for version in written for line in comments(version)}
    return [line for line in comments(text) if line not in ours]


def comments(text: str) -> list[str]:
    """Each comment in YAML text ('# ...' outside every value), in order."""
    spans = _value_spans(text)
    starts = [start for start, _ in spans]
    found = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#[^\n\r\x85\u2028\u2029]*", text, re.M):
        at = bisect.bisect_right(starts, match.start()) - 1
        if at < 0 or spans[at][1] <= match.start():
            found.append(match.group().strip())
    return found


def _value_spans(text: str) -> list[tuple[int, int]]:
    """Where each token of the YAML text starts and ends; a '#' inside one is not a comment."""
    try:
        tokens = list(yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.YAMLError:
        return []
    return sorted((t.start_mark.index, t.end_mark.index) for t in tokens
                  if t.end_mark.index > t.start_mark.index)
