"""A form outline as an XLSForm: the open standard that KoboToolbox, ODK and SurveyCTO build a
form from, written as an .xlsx workbook (XlsxWriter, imported only here).

The names are chosen so that the tools' exports read back as they come, with names or labels
as headers: each statement's question is named by its id (`assets-1`), its evidence
`assets-1_evidence`, its choices by level id (`intermediate`, `unsure`), the role question
`role` with role ids; the parts are groups named by dimension id. Plain words are a second
language of the form, 'Plain words (en)', that the person answering can switch to (the
default is the one `--plain` chose); every label in both keeps the statement's id first.
"""

from __future__ import annotations

import io
from typing import Any

from coprod_cli import credits
from coprod_cli.i18n import N_, _
from coprod_cli.models import LEVEL_IDS, Catalogue
from coprod_cli.questionnaire.formoutline import Outline, Question, evidence_title, reason_title
from coprod_cli.safetext import visible_line

# The form's two languages, named in the reader's language (a Welsh form: 'Cymraeg (cy)').
LANGUAGES = (N_("English (en)"), N_("Plain words (en)"))
ROLE = "role"
CHOICE_NAMES = (*LEVEL_IDS, "unsure", "does-not-apply")


def evidence_name(sid: str) -> str:
    return f"{sid}_evidence"


def reason_name(sid: str) -> str:
    return f"{sid}_reason"


def workbook(standard: Outline, plain: Outline, catalogue: Catalogue, plain_first: bool) -> bytes:
    """The XLSForm of a framework, in standard and plain words, as .xlsx bytes (XlsxWriter,
    made for writing workbooks: it imports and writes in a third of openpyxl's time)."""
    import xlsxwriter

    framework = standard.framework
    standard_name, plain_name = (_(name) for name in LANGUAGES)
    sheets = {
        "survey": _survey(standard, plain),
        "choices": _choices(standard, plain, catalogue),
        "settings": [["form_title", "form_id", "version", "default_language"],
                     [_("Co-production self-assessment: {name}").format(name=framework.name),
                      f"coprod_{framework.id}", framework.version,
                      plain_name if plain_first else standard_name]]}
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                       "strings_to_formulas": False, "strings_to_urls": False})
    for title, rows in sheets.items():
        sheet = book.add_worksheet(title)
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                text = visible_line(value)
                if text:  # text, never a formula or a number, whatever it begins with
                    sheet.write_string(number, column, text)
    book.close()
    return buffer.getvalue()


def _survey(standard: Outline, plain: Outline) -> list[list[Any]]:
    credit = " ".join(credits.form_lines(standard.framework))
    named, easy_named = (_(name) for name in LANGUAGES)
    rows: list[list[Any]] = [["type", "name", f"label::{named}", f"label::{easy_named}",
                              f"hint::{named}", f"hint::{easy_named}", "required", "relevant"],
                             ["start", "start", "", "", "", "", "", ""],
                             ["end", "end", "", "", "", "", "", ""],
                             ["note", "credit", credit, credit, "", "", "", ""],
                             [f"select_one {ROLE}", ROLE, standard.role.title, plain.role.title,
                              "", "", "no", ""]]
    dimensions = standard.framework.dimensions
    for dimension, part, easy in zip(dimensions, standard.parts, plain.parts, strict=True):
        rows.append(["begin_group", dimension.id, f"{part.name}: {part.intro}",
                     f"{easy.name}: {easy.intro}", "", "", "", ""])
        for statement, question, simple in zip(dimension.statements, part.questions,
                                                easy.questions, strict=True):
            sid = statement.id
            rows.append([f"select_one {sid}", sid, question.title,
                         simple.title, question.help or "", simple.help or "", "yes", ""])
            rows.append(["text", reason_name(sid), reason_title(sid), reason_title(sid), "", "",
                         "no", f"${{{sid}}} = 'does-not-apply'"])  # asked only then
            title = evidence_title(sid)
            rows.append(["text", evidence_name(sid), title, title, "", "", "no", ""])
        rows.append(["end_group", dimension.id, "", "", "", "", "", ""])
    return rows


def _choices(standard: Outline, plain: Outline, catalogue: Catalogue) -> list[list[Any]]:
    named, easy_named = (_(name) for name in LANGUAGES)
    rows: list[list[Any]] = [["list_name", "name", f"label::{named}", f"label::{easy_named}"]]
    rows += [[ROLE, role.id, role.name, role.name] for role in catalogue.roles]
    for statement, question, simple in zip(standard.framework.statements, _questions(standard),
                                            _questions(plain), strict=True):
        rows += [[statement.id, name, label, easy] for name, label, easy
                 in zip(CHOICE_NAMES, question.choices, simple.choices, strict=True)]
    return rows


def _questions(outline: Outline) -> list[Question]:
    return [question for part in outline.parts for question in part.questions]

