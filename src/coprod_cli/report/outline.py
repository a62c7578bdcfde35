"""A form outline as text, Markdown or a CSV header row, to type into Google or Microsoft Forms.

A framework added with --framework may hold any text, so every format shows its control
characters as escapes, as every other output does, and Markdown's code block is fenced with
more backticks than the text holds, so nothing in it can close the fence.
"""

from __future__ import annotations

import csv
import io
import re

from coprod_cli import credits
from coprod_cli.i18n import N_, _, unreviewed_notice
from coprod_cli.models import GlossaryEntry
from coprod_cli.questionnaire.flow import mentioned
from coprod_cli.questionnaire.formoutline import ROLE_NOTE, Outline
from coprod_cli.safetext import visible, visible_line

HOW = N_(
    "Add each question below in order. In Google Forms use 'Multiple choice', in Microsoft "
    "Forms 'Choice'. Copy each title and its choices exactly: coprod finds the statement by the "
    "id at the start of the title, and the level by the number at the start of the choice. "
    "Make every statement required if you can; a statement left blank counts as 'unsure'. "
    "The role question is optional. To collect evidence, add an optional paragraph question "
    "titled like 'assets-1 evidence'; to hear why a statement does not apply, one titled like "
    "'assets-1 reason (if it does not apply to your service)'. When the answers are in, "
    "export them (Google: 'Download responses (.csv)'; Microsoft: 'Open results in Excel') "
    "and run: coprod score FILE."
)
GRID = N_(
    "Shorter, in Google Forms: one 'Multiple choice grid' per part, with the part's question "
    "titles as rows and these columns:"
)


def header_csv(outline: Outline) -> str:
    """The responses sheet's header row, for collecting answers in a spreadsheet."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(visible_line(cell) for cell in outline.header)
    return buffer.getvalue()


def text(outline: Outline) -> str:
    """The outline as plain text, numbered in the order to ask."""
    fw = outline.framework
    lines = [_("An online form for {name} ({id} {version})").format(
        name=fw.name, id=fw.id, version=fw.version), "", _(HOW), ""]
    notice = unreviewed_notice(fw.unreviewed is not None)
    lines += [notice, ""] if notice else []
    lines += [_("Question 1 (optional): {title}").format(title=outline.role.title),
              "  " + _("Description: {text}").format(text=_(ROLE_NOTE)),
              *(f"  ( ) {choice}" for choice in outline.role.choices), ""]
    number = 1
    for index, part in enumerate(outline.parts, start=1):
        lines += [_part(index, len(outline.parts), part.name), f"  {part.intro}", ""]
        for question in part.questions:
            number += 1
            lines += [_("Question {number}: {title}").format(number=number,
                                                             title=question.title),
                      *(f"  ( ) {choice}" for choice in question.choices), ""]
    lines += [_(GRID), "  " + " | ".join(outline.grid_columns), "",
              _("The header row of the responses sheet (coprod form {id} --format csv writes "
                "it):").format(id=fw.id), header_csv(outline).rstrip("\n")]
    words = _words(outline, "\n".join(lines))
    lines += ["", _("Words used here, in plain words (put them in the form's description):"),
              *(f"  {entry.term}: {entry.plain}" for entry in words)] if words else []
    return visible("\n".join([*lines, "", *_credit(outline)]) + "\n")


def _part(index: int, count: int, name: str) -> str:
    """'Part 2 of 6: Capacity'."""
    return _("Part {number} of {count}: {name}").format(number=index, count=count, name=name)


def _words(outline: Outline, text: str) -> list[GlossaryEntry]:
    """The glossary's entries for the words the outline uses."""
    return mentioned(text, outline.glossary)


def _credit(outline: Outline) -> list[str]:
    return credits.form_lines(outline.framework)


def markdown(outline: Outline) -> str:
    """The outline as Markdown: a section per part, each question's choices as a list."""
    fw = outline.framework
    notice = unreviewed_notice(fw.unreviewed is not None)
    lines = ["# " + _("An online form for {name}").format(name=_md(fw.name)), "",
             _("`{id}` version {version}.").format(id=fw.id, version=_md(fw.version)) + " "
             + _md(_(HOW)), "", *([f"*{_md(notice)}*", ""] if notice else []),
             "## " + _("Your role (optional)"), "", f"**{_md(outline.role.title)}**",
             "", "*" + _("Description:") + f"* {_md(_(ROLE_NOTE))}", "",
             *(f"- {_md(choice)}" for choice in outline.role.choices), ""]
    for index, part in enumerate(outline.parts, start=1):
        lines += ["## " + _part(index, len(outline.parts), _md(part.name)), "",
                  _md(part.intro), ""]
        for question in part.questions:
            lines += [f"**{_md(question.title)}**", "",
                      *(f"- {_md(choice)}" for choice in question.choices), ""]
    lines += ["## " + _("A grid instead"), "", _md(_(GRID)), "",
              *(f"- {_md(column)}" for column in outline.grid_columns), "",
              "## " + _("The header row of the responses sheet"), "",
              *_fenced(header_csv(outline))]
    words = _words(outline, "\n".join(lines))
    lines += ["", "## " + _("Words used here"), "", _("Put them in the form's description."), "",
              *(f"*{_md(entry.term)}*: {_md(entry.plain)}  " for entry in words)] if words else []
    lines += ["", "## " + _("Credit"), "", *(f"{_md(line)}  " for line in _credit(outline))]
    return "\n".join(lines) + "\n"


def _fenced(code: str) -> list[str]:
    """A CSV code block whose fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence + "csv", code.rstrip("\n"), fence]


def _md(value: str) -> str:
    """Text that Markdown shows as written, on its line: markup characters escaped, controls
    and line breaks shown as escapes."""
    return "".join("\\" + char if char in "\\`*_{}[]<>#|!~" else char
                   for char in visible_line(value))
