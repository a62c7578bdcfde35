"""What the questionnaire shows: the welcome, each part, each statement and its help."""

from __future__ import annotations

from typing import Literal

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from coprod_cli import i18n
from coprod_cli.answers import DOES_NOT_APPLY
from coprod_cli.cli.prompts import numbered
from coprod_cli.i18n import N_, _
from coprod_cli.models import LEVEL_IDS, LEVEL_VALUES, Catalogue, Framework
from coprod_cli.questionnaire import flow as q

PROMPT = N_("Answer 0-3, u unsure, n does not apply, ? help, e evidence, b back, q stop: ")
NARROW_PROMPT = N_("Your answer (? help, b back, q stop): ")  # under the key, when narrow
EVIDENCE_PROMPT = N_("Evidence or a note for this statement (Enter for none): ")
REASON_PROMPT = N_("Why does it not apply to your service? A short reason (Enter for none): ")


# The level ids as the key line shows them (short words, one line).
KEY_WORDS = {"not-yet": N_("not yet"), "descriptive": N_("descriptive"),
             "intermediate": N_("intermediate"), "transformative": N_("transformative")}


def level_label(catalogue: Catalogue, level: str) -> str:
    """'2 Intermediate', 'unsure' or 'does not apply': the number and the name, never colour
    alone."""
    if level == DOES_NOT_APPLY:
        return _("does not apply")
    if level not in LEVEL_VALUES:
        return _("unsure")
    return f"{LEVEL_VALUES[level]} {catalogue.level(level).name}"


def welcome(fw: Framework) -> RenderableType:
    return Group(
        Text(""), Text(fw.name, style="bold"), Text(fw.plain),
        *unreviewed(fw),
        Text(_("There are {statements} statements in {parts} parts. For each one, pick the "
               "description that fits best how things are now.").format(
                   statements=len(fw.statements), parts=len(fw.dimensions))),
        Text(""), Text(_("How to answer: type 0, 1, 2 or 3 (or the level's name) and press "
                         "Enter.")),
        Text(_("Other keys: u unsure, n does not apply to your service (you can say why), "
               "? help, e evidence or a note, b back to the statement before, q save and "
               "stop.")),
        Text(_("Every answer is saved at once, so you can stop at any time and carry on later. "
               "Your answers file:")))


def unreviewed(fw: Framework) -> list[Text]:
    """A line saying the text shown is a translation nobody has checked yet, when it is."""
    notice = i18n.unreviewed_notice(fw.unreviewed is not None)
    return [Text(notice, style="italic")] if notice else []


def dimension_intro(step: q.Step) -> RenderableType:
    """Shown on entering a part: its name and its plain introduction."""
    return Group(Text(""), Text(_("Part {number} of {parts}: {name}").format(
        number=step.dimension_number, parts=step.dimensions, name=step.dimension.name),
        style="bold underline"),
                 Text(step.dimension.plain))


# How much of each level's description a statement's screen shows: all of it; its first
# sentence; only the level's name (a short terminal: the rest is under ?).
Detail = Literal["full", "first", "names"]
DETAILS: tuple[Detail, ...] = ("full", "first", "names")


def key(catalogue: Catalogue) -> Text:
    """The choices in one line (77 characters), shown with every prompt, so what 0 to 3 mean
    is on screen when the descriptions have scrolled away (after help, on a small screen)."""
    levels = ", ".join(f"{LEVEL_VALUES[level]} {_(KEY_WORDS[level])}" for level in LEVEL_IDS)
    return Text(_("Choices: {levels}, u unsure").format(levels=levels))


def prompt(out: Console) -> str:
    """The prompt for an answer: every key named where the screen is wide enough for it."""
    return _(PROMPT) if out.width >= len(_(PROMPT)) + 4 else _(NARROW_PROMPT)


def fits(out: Console, *parts: RenderableType) -> bool:
    """Whether these parts, printed one after another, fit on the terminal's screen at once
    (always, where the output is not a terminal: a pipe or a file has no screen to fill)."""
    if not out.is_terminal:
        return True
    lines = sum(len(out.render_lines(part, out.options, pad=False)) for part in parts)
    return lines <= out.size.height


def _first_sentence(text: str) -> str:
    head, dot, rest = text.partition(". ")
    return head + dot.strip() if rest else text


def statement_screen(step: q.Step, catalogue: Catalogue, plain: bool,
                     current: str | None, detail: Detail = "full") -> RenderableType:
    """Where we are, the statement, and the four levels numbered 0-3 with what each looks like
    (less of it when the screen is too short to hold it all with the statement)."""
    statement = step.statement
    parts: list[RenderableType] = [
        Text(""), Text(f"{step.progress} ({step.dimension.name})", style="bold"),
        Text(statement.plain if plain else statement.text)]
    if not plain and detail == "full":
        parts.append(Text.assemble((_("In plain words: "), "italic"), statement.plain))
    rows = [(catalogue.level(level).name, statement.row(level, plain)) for level in LEVEL_IDS]
    if detail == "first":
        rows = [(name, _first_sentence(row)) for name, row in rows]
    parts += [*([Text("")] if detail == "full" else []),
              numbered(rows) if detail != "names" else numbered([(n, "") for n, _row in rows])]
    if detail != "full":
        parts.append(Text(_("Type ? to see each description in full.")))
    if current is not None:
        parts.append(Text(_("Current answer: {answer}. Press Enter to keep it, or type a new "
                            "answer.").format(answer=level_label(catalogue, current))))
    return Group(*parts)


def help_screen(step: q.Step, catalogue: Catalogue, plain: bool,
                detail: Detail = "full") -> RenderableType:
    """The statement explained, the other wording, and any jargon in plain words; each level's
    description in full when the statement's screen showed less of it."""
    statement = step.statement
    parts: list[RenderableType] = [Text(""), Text(_("Help with statement {number} of "
                                                    "{total}").format(number=step.index + 1,
                                                                      total=step.total),
                                                  style="bold")]
    if detail != "full":
        parts += [Text(statement.plain if plain else statement.text),
                  numbered([(catalogue.level(level).name, statement.row(level, plain))
                            for level in LEVEL_IDS])]
    if statement.help:
        parts.append(Text(statement.help))
    if statement.evidence_examples:
        parts.append(Text(_("Evidence a team could show, for example:")))
        parts += [Padding(Text(f"- {example}"), (0, 0, 0, 2))
                  for example in statement.evidence_examples]
    parts.append(Text.assemble((_("The full wording: ") if plain else _("In plain words: "),
                                "italic"),
                               statement.text if plain else statement.plain))
    terms = q.jargon(statement, catalogue.glossary,
                     [catalogue.level(level).name for level in LEVEL_IDS])
    if terms:
        parts.append(Text(_("Words that may be new:")))
        parts += [Padding(Text.assemble((term.term, "bold"), f": {term.plain}"), (0, 0, 0, 2))
                  for term in terms]
    parts.append(Text(_("Pick the description (0 to 3) closest to how things are now, not how "
                        "you would like them to be. If you cannot tell, type u for unsure. If it "
                        "does not apply to your service, type n: you can then say why.")))
    return Group(*parts)
