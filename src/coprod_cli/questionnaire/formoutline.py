"""What an online form must ask so coprod reads its export back: titles, choices, header row."""

from __future__ import annotations

from dataclasses import dataclass

from coprod_cli.i18n import N_, _
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework, GlossaryEntry, Statement

ROLE_TITLE = N_("Your role: which of these best describes you?")
# The role question's description: how the voices are weighed (partnership, the default).
ROLE_NOTE = N_("Optional. When several people's answers are put together, people with lived "
               "experience (people who draw on care, and carers) carry half the say and "
               "everyone else the other half; inside each half, each person counts once. "
               "Someone who gives no role counts with everyone else.")
DONT_KNOW = N_("Don't know")
NOT_APPLYING = N_("Does not apply")  # to this service: read back as does-not-apply
TIMESTAMP = "Timestamp"


@dataclass(frozen=True)
class Question:
    """One question of the form: its title (the export's heading) and its exact choices."""

    title: str
    choices: tuple[str, ...]
    help: str | None = None
    required: bool = True


@dataclass(frozen=True)
class Part:
    """A dimension: a section of the form, with its introduction and statements."""

    name: str
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Outline:
    """Everything needed to build a form for one framework, in the order to ask it."""

    framework: Framework
    role: Question
    parts: tuple[Part, ...]
    grid_columns: tuple[str, ...]
    glossary: tuple[GlossaryEntry, ...] = ()  # to explain the words the form uses

    @property
    def header(self) -> list[str]:
        """The header row of the responses sheet, as the form tools write it."""
        return [TIMESTAMP, self.role.title,
                *(question.title for part in self.parts for question in part.questions)]


def statement_title(statement: Statement, plain: bool = False) -> str:
    """'assets-1. People who draw on care...': the id first, so coprod finds it."""
    return f"{statement.id}. {statement.plain if plain else statement.text}"


def choices(statement: Statement, catalogue: Catalogue, plain: bool = False) -> tuple[str, ...]:
    """'2 - Intermediate: what this statement looks like there', for each level, then unsure
    and does not apply."""
    return (*(f"{value} - {catalogue.level(level).name}: {statement.row(level, plain)}"
              for value, level in enumerate(LEVEL_IDS)), _(DONT_KNOW), _(NOT_APPLYING))


def outline(framework: Framework, catalogue: Catalogue, plain: bool = False) -> Outline:
    """The form for a framework: the role question, then a part per dimension."""
    role = Question(_(ROLE_TITLE), tuple(role.name for role in catalogue.roles), required=False)
    parts = tuple(
        Part(d.name, d.plain if plain else d.text,
             tuple(Question(statement_title(s, plain), choices(s, catalogue, plain), s.help)
                   for s in d.statements))
        for d in framework.dimensions)
    grid = tuple(f"{value} - {catalogue.level(level).name}"
                 for value, level in enumerate(LEVEL_IDS))
    return Outline(framework, role, parts, (*grid, _(DONT_KNOW), _(NOT_APPLYING)),
                   catalogue.glossary)


REASON_TITLE = N_("{id} reason (if it does not apply to your service)")
EVIDENCE_TITLE = N_("Evidence for {id} (optional)")


def reason_title(sid: str) -> str:
    """The optional question for why a statement does not apply: coprod reads it back (in
    Welsh too: reading/formheader.py knows the words of both)."""
    return _(REASON_TITLE).format(id=sid)


def evidence_title(sid: str) -> str:
    """The evidence question's title: coprod reads it as the statement's evidence."""
    return _(EVIDENCE_TITLE).format(id=sid)
