"""Makes the realistic form exports in this folder, each as its tool writes it, from one
round of 15 partners (RESPONDENTS). Run it from the repository's top to make them again:
    python -m tests.data.exports.make_exports
The tests read the files as they are and compare them with RESPONDENTS, so a change here
shows in the files' diff."""

from __future__ import annotations

import csv
import datetime
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coprod_cli.models import LEVEL_IDS
from coprod_cli.questionnaire.formoutline import DONT_KNOW, choices
from coprod_cli.reading.loader import Library

HERE = Path(__file__).parent
LIB = Library.builtin()
NEF = LIB.framework("nef")
# The exports stored here were made for nef 2.0.0 and are kept as they are (an earlier round
# is never edited to fit): EARLIER_RESPONDENTS answer 2.0.0's statements, and coprod reads
# those exports, and their truth files, through the migration map. RESPONDENTS answer the
# current statements, for forms made today.
EARLIER = next(step for step in NEF.migrations if step.from_version == "2.0.0").statements
ROLES = {role.id: role.name for role in LIB.catalogue.roles}
EVIDENCE = {"assets-1": "Minutes of the March partnership board, where two carers voted",
            "networks-2": "The peer group\u2019s own budget: \u00a3400 a year"}


@dataclass(frozen=True)
class Respondent:
    role: str  # the role coprod must count them in
    answers: dict[str, str]  # statement id -> level id or 'unsure'
    evidence: dict[str, str]
    when: datetime.datetime


def _round(ids: Sequence[str]) -> list[Respondent]:
    rng = random.Random(26)
    roles = (["person-drawing-on-care"] * 4 + ["carer"] * 3 + ["practitioner"] * 4
             + ["manager"] * 2 + ["commissioner", "other"])
    found = []
    for number, role in enumerate(roles):
        lean = 1 if role in ("person-drawing-on-care", "carer") else 2
        answers = {sid: rng.choice([LEVEL_IDS[lean]] * 3 + [LEVEL_IDS[lean + 1], "unsure"])
                   for sid in ids}
        evidence = EVIDENCE if number in (1, 9) else {}
        when = datetime.datetime(2026, 11, 6, 9, 30) + datetime.timedelta(days=number, minutes=7 *
                                                                          number)
        found.append(Respondent(role, answers, evidence, when))
    return found


RESPONDENTS = _round([s.id for s in NEF.statements])
EARLIER_RESPONDENTS = _round(EARLIER)
MULTI = 5  # a carer who also ticked 'Practitioner'
OWN = 14  # the person in 'other' wrote their role in their own words
OWN_WORDS = "Advocate for my brother"


def _choice(sid: str, level: str, short: bool = False) -> str:
    statement = next(s for s in NEF.statements if s.id == sid)
    texts = choices(statement, LIB.catalogue)
    if level == "unsure":
        return DONT_KNOW
    text = texts[LEVEL_IDS.index(level)]
    return text.split(":")[0] if short else text


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def surveymonkey() -> str:
    """SurveyMonkey's CSV (expanded columns): two header rows, its own columns first, the role
    as a checkbox question with 'Other (please specify)', each part a matrix whose rows are
    the statements' wordings (no ids) and whose answers are the levels, dates month first."""
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
            "Email Address", "First Name", "Last Name", "Custom Data 1"]
    role_q = "Which of these describe you? (Tick all that apply)"
    top = [*meta, role_q, *[""] * len(ROLES)]
    sub = [""] * len(meta) + [*ROLES.values(), "Other (please specify)"]
    for dimension in NEF.dimensions:
        for index, statement in enumerate(dimension.statements):
            top.append(f"{dimension.name}: how far has your service come?" if index == 0 else "")
            sub.append(statement.text)
    for sid in EVIDENCE:
        top.append(f"Evidence for {sid} (optional)")
        sub.append("Open-Ended Response")
    rows = [top, sub]
    for number, person in enumerate(RESPONDENTS):
        ticked = [name if role == person.role or (number == MULTI and role == "practitioner")
                  else "" for role, name in ROLES.items()]
        if number == OWN:
            ticked = [""] * len(ROLES)
        when = person.when.strftime("%m/%d/%Y %I:%M:%S %p")
        rows.append([str(114_700_000_00 + number), "431234567", when, when,
                     f"192.0.2.{number + 10}", "", "", "", "", *ticked,
                     OWN_WORDS if number == OWN else "",
                     *[_choice(s.id, person.answers[s.id], short=True) for s in NEF.statements],
                     *[person.evidence.get(sid, "") for sid in EVIDENCE]])
    return _csv(rows)


def excel_semicolons() -> bytes:
    """A responses sheet kept in Excel and saved as plain 'CSV' where the list separator is a
    semicolon: Windows-1252, statements' wordings holding commas, not quoted."""
    header = ["Timestamp", "Your role",
              *[f"{s.id}. {s.text}" for s in NEF.statements], *[f"{sid} evidence"
                                                              for sid in EVIDENCE]]
    rows = [header]
    for person in RESPONDENTS:
        rows.append([person.when.strftime("%d/%m/%Y %H:%M"),
                     ROLES[person.role] if person.role != "other" else "Other",
                     *[_choice(s.id, person.answers[s.id]).replace("Don't", "Don\u2019t")
                       for s in NEF.statements],
                     *[person.evidence.get(sid, "") for sid in EVIDENCE]])
    lines = [";".join(_excel_cell(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _excel_cell(cell: str) -> str:
    return f'"{cell}"' if ";" in cell or '"' in cell else cell


def google_checkboxes() -> str:
    """Google Forms' 'Download responses (.csv)' with the role asked as checkboxes: ticked
    boxes joined by ', ', 'Other' written in the same cell."""
    header = ["Timestamp", "Which of these describe you? Tick all that apply.",
              *[f"{s.id}. {s.text}" for s in NEF.statements]]
    rows = [header]
    for number, person in enumerate(RESPONDENTS):
        role = ROLES[person.role]
        if number == MULTI:
            role = f"{ROLES['carer']}, {ROLES['practitioner']}"
        if number == OWN:
            role = OWN_WORDS
        rows.append([person.when.strftime("%Y/%m/%d %I:%M:%S %p GMT").replace("AM", "am")
                     .replace("PM", "pm"), role,
                     *[_choice(s.id, person.answers[s.id]) for s in NEF.statements]])
    return _csv(rows)


def ambiguous_dates() -> str:
    """A Google Sheet downloaded as CSV, whose dates (all in the first 12 days of a month)
    could be day or month first."""
    header = ["Timestamp", "Your role", *[s.id for s in NEF.statements]]
    rows = [header]
    for number, person in enumerate(RESPONDENTS[:6]):
        rows.append([f"{number + 3:02d}/11/2026 10:0{number}:00", ROLES[person.role],
                     *[_choice(s.id, person.answers[s.id], short=True)
                       for s in NEF.statements]])
    return _csv(rows)


def main() -> None:
    (HERE / "surveymonkey.csv").write_text(surveymonkey(), encoding="utf-8", newline="")
    (HERE / "excel-semicolons-cp1252.csv").write_bytes(excel_semicolons())
    (HERE / "google-checkbox-roles.csv").write_text(google_checkboxes(), encoding="utf-8",
                                                    newline="")
    (HERE / "google-sheet-ambiguous-dates.csv").write_text(ambiguous_dates(), encoding="utf-8",
                                                           newline="")


if __name__ == "__main__":
    main()
