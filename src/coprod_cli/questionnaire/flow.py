"""The questionnaire's flow without a terminal: the steps, replies, going back and resuming."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from coprod_cli.answers import DOES_NOT_APPLY, UNSURE, parse_level_word
from coprod_cli.errors import did_you_mean
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, Catalogue, Dimension, Framework, GlossaryEntry, Statement
from coprod_cli.safetext import visible_line

ReplyKind = Literal["level", "help", "evidence", "back", "quit", "keep", "invalid"]
_WORDS: dict[ReplyKind, tuple[str, ...]] = {
    "help": ("?", "h", "help", "cymorth", "help"),
    "evidence": ("e", "evidence", "note", "tystiolaeth", "nodyn"),
    "back": ("b", "back", "yn ôl", "nôl", "yn ol", "nol"),
    "quit": ("q", "quit", "stop", "exit", "stopio", "gadael"),
}
# The same keys in either language; the Welsh words are read in either too.
_UNSURE_WORDS = ("u", "unsure", "not sure", "don't know", "dont know", "do not know",
                 "i don't know", "i dont know", "i do not know", "ansicr", "ddim yn siŵr",
                 "ddim yn siwr", "dim yn siŵr", "ddim yn gwybod", "dw i ddim yn gwybod")
_NOT_APPLYING_WORDS = ("n", "does not apply", "doesn't apply", "doesnt apply",
                       "not applicable", "ddim yn berthnasol", "amherthnasol")


@dataclass(frozen=True)
class Step:
    """One statement to rate, where it sits in the framework and in its dimension."""

    index: int
    total: int
    dimension: Dimension
    dimension_number: int
    dimensions: int
    statement: Statement

    @property
    def progress(self) -> str:
        """'Statement 7 of 24', counted from 1 as a person counts."""
        return _("Statement {number} of {total}").format(number=self.index + 1,
                                                         total=self.total)


@dataclass(frozen=True)
class Reply:
    """What a line typed by the respondent means; `level` is a level id, 'unsure' or
    'does-not-apply'."""

    kind: ReplyKind
    level: str | None = None
    problem: str = ""


def steps(framework: Framework) -> tuple[Step, ...]:
    """Every statement in the framework's order."""
    pairs = [(number, d, s) for number, d in enumerate(framework.dimensions, 1)
             for s in d.statements]
    return tuple(Step(index, len(pairs), d, number, len(framework.dimensions), s)
                 for index, (number, d, s) in enumerate(pairs))


def answered(flow: Sequence[Step], answers: Mapping[str, object | None]) -> int:
    return sum(1 for step in flow if answers.get(step.statement.id) is not None)


def next_unanswered(flow: Sequence[Step], answers: Mapping[str, object | None],
                    after: int = -1) -> int | None:
    """The first unanswered step after `after`, wrapping round; None when all are answered."""
    order = [*range(after + 1, len(flow)), *range(0, min(after + 1, len(flow)))]
    return next((i for i in order if answers.get(flow[i].statement.id) is None), None)


def back(index: int) -> int | None:
    """The step before, or None at the first one."""
    return index - 1 if index > 0 else None


def after(flow: Sequence[Step], answers: Mapping[str, object | None], index: int,
          reply: Reply, reviewing: bool = False) -> int | None:
    """Where the questionnaire goes after a reply: back one step; on to the next step in order
    while reviewing answers already given (kept or changed), so going back twice and forward
    again passes every statement; otherwise on to the next unanswered."""
    if reply.kind == "back":
        return back(index)
    if (reviewing or reply.kind == "keep") and index + 1 < len(flow):
        return index + 1
    return next_unanswered(flow, answers, index)


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower().replace("\u2019", "'")).rstrip(".)")


def parse_reply(text: str, catalogue: Catalogue, has_answer: bool = False) -> Reply:
    """A typed line as a reply; anything else is 'invalid' with a problem that says what to do."""
    word = _normal(text)
    if not word:
        return Reply("keep") if has_answer else _invalid(_("Nothing was typed."))
    for kind, words in _WORDS.items():
        if word in words:
            return Reply(kind)
    if word in _UNSURE_WORDS:
        return Reply("level", UNSURE)
    if word in _NOT_APPLYING_WORDS:
        return Reply("level", DOES_NOT_APPLY)
    try:
        return Reply("level", parse_level_word(word))
    except ValueError:
        pass
    if any(char.isnumeric() for char in word):  # '²', '①', '٣', '12', a 5,000-digit number
        return _invalid(_("{typed} is not one of the levels.").format(typed=_shown(word)))
    names = [_normal(level.name) for level in catalogue.levels]
    choices = list(dict.fromkeys([*LEVEL_IDS, *names, UNSURE, DOES_NOT_APPLY]))
    return _invalid(_("'{typed}' is not an answer{suggestion}.").format(
        typed=_shown(text.strip()), suggestion=_suggest(word, choices)))


def _shown(typed: str) -> str:
    """What was typed, as it can be shown back: short, and nothing in it acts on a terminal."""
    return visible_line(typed if len(typed) <= 40 else typed[:40] + "...")


def _suggest(word: str, choices: list[str]) -> str:
    """The one choice that starts with what was typed, else the closest one (or nothing)."""
    starting = [choice for choice in choices if len(word) >= 3 and choice.startswith(word)]
    return f" (did you mean '{starting[0]}'?)" if len(starting) == 1 else \
        did_you_mean(word, choices)


def _invalid(problem: str) -> Reply:
    return Reply("invalid", problem=problem + " " + _(
        "Type 0, 1, 2 or 3 (or a level's name), u if you are unsure, n if it does not apply to "
        "your service, ? for help, e to add evidence or a note, b to go back, or q to save and "
        "stop."))


def jargon(statement: Statement, glossary: Sequence[GlossaryEntry],
           shown: Sequence[str] = ()) -> list[GlossaryEntry]:
    """Glossary entries whose term (or another form of it) appears in the statement's words,
    its rows in full or in plain words, its evidence examples, or the other words `shown`
    with it (the levels' names)."""
    words = " ".join([statement.text, statement.plain, statement.help or "",
                      *(statement.row(level, plain) for level in LEVEL_IDS
                        for plain in (False, True)), *statement.evidence_examples, *shown])
    return mentioned(words, glossary)


def mentioned(text: str, glossary: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    """Glossary entries whose term (or another form of it) appears in a text, in order."""
    prepared = _prepared(glossary)
    if prepared is None or not _plain(text):
        return [entry for entry in glossary if any(_mentions(text, form)
                                                   for form in (entry.term, *entry.also))]
    flat = " ".join(text.split()).lower()
    words = set(_RUNS.findall(flat))
    return [entry for entry, forms in prepared
            if any((run is None or run in words) and _whole(flat, form) for form, run in forms)]


Prepared = list[tuple[GlossaryEntry, list[tuple[str, str | None]]]]
_PREPARED: dict[int, tuple[Sequence[GlossaryEntry], Prepared | None]] = {}
_RUNS = re.compile(r"[\w-]+")


def _prepared(glossary: Sequence[GlossaryEntry]) -> Prepared | None:
    """Each entry's forms lowercased, with the run of letters each starts with (a word the
    text must hold for the form to be there); None when a form is not plain enough."""
    kept = _PREPARED.get(id(glossary))
    if kept is None or kept[0] is not glossary:
        forms = [(entry, (entry.term, *entry.also)) for entry in glossary]
        plain = all(_plain(form) and form == " ".join(form.split())
                    for _, each in forms for form in each)
        kept = _PREPARED[id(glossary)] = (glossary, [
            (entry, [(form.lower(), _first_run(form.lower())) for form in each])
            for entry, each in forms] if plain else None)
    return kept[1]


def _first_run(form: str) -> str | None:
    run = _RUNS.match(form)
    return run.group() if run else None


def _mentions(text: str, form: str) -> bool:
    """Whole words only, ignoring case: 'engage' is not found inside 'engagement'."""
    pattern = r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


# Letters whose case `str.lower` folds exactly as the pattern in `_mentions` does (tested char
# by char): ASCII and Latin-1 to Latin Extended-A, without the dotted and dotless i.
_FOLDS_PLAINLY = re.compile("[^\x00-\x7f\u00c0-\u012f\u0132-\u017e]")


def _plain(text: str) -> bool:
    return text.isascii() or _FOLDS_PLAINLY.search(text) is None


def _whole(flat: str, form: str) -> bool:
    """`_mentions` on a text with its spaces made single and both lowercased."""
    at = flat.find(form)
    while at >= 0:
        end = at + len(form)
        before = flat[at - 1] if at else " "
        after = flat[end] if end < len(flat) else " "
        if not _wordlike(before) and not _wordlike(after):
            return True
        at = flat.find(form, at + 1)
    return False


def _wordlike(char: str) -> bool:
    return char.isalnum() or char in "_-"
