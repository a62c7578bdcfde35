"""What people write in an online form's cells: choices, roles and dates, read as levels."""

from __future__ import annotations

import datetime
import functools
import re

from coprod_cli.answers import UNSURE, parse_level_word
from coprod_cli.errors import shortened
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, Catalogue

UNSURE_WORDS = {"unsure", "not-sure", "don-t-know", "dont-know", "do-not-know", "i-don-t-know",
                "i-m-not-sure", "not-known", "unknown", "n-a", "na",
                "can-t-say", "cannot-say", "no-idea"}
# What a choice may begin with before its description ('2 - Intermediate: ...'), normalised.
_LEVEL_HEADS = (("not-yet", "not-yet"), ("descriptive", "descriptive"),
                ("intermediate", "intermediate"), ("transformative", "transformative"),
                ("unsure", UNSURE), ("not-sure", UNSURE), ("don-t-know", UNSURE),
                # the same in Welsh, as a Welsh form's choices begin (normalised: 'siŵr' is
                # 'si-r')
                ("dim-cydgynhyrchu-eto", "not-yet"), ("disgrifiadol", "descriptive"),
                ("canolradd", "intermediate"), ("trawsnewidiol", "transformative"),
                ("ansicr", UNSURE), ("ddim-yn-si-r", UNSURE), ("ddim-yn-gwybod", UNSURE))

# Role answers as forms and people write them, after normalise(); names and ids come from core.
ROLE_SYNONYMS = {
    "person-drawing-on-care": (
        "service-user", "person-who-uses-services", "someone-who-uses-services",
        "people-who-use-services", "person-who-draws-on-care", "i-draw-on-care-and-support",
        "i-use-services", "person-with-lived-experience", "lived-experience",
        "expert-by-experience",
        "client", "patient", "resident", "tenant", "customer", "person-receiving-care",
        "person-receiving-support", "someone-who-draws-on-care-and-support"),
    "carer": ("family-carer", "unpaid-carer", "parent-carer", "young-carer", "carer-family-member",
              "family-member", "relative", "family-member-or-friend", "family-or-friend"),
    "practitioner": ("social-worker", "support-worker", "care-worker", "care-assistant",
                     "occupational-therapist", "nurse", "frontline-staff", "front-line-staff",
                     "frontline-practitioner", "staff", "staff-member", "key-worker",
                     "personal-assistant", "healthcare-assistant", "health-care-assistant",
                     "therapist", "professional", "worker"),
    "manager": ("team-manager", "service-manager", "team-leader", "registered-manager",
                "senior-manager", "head-of-service", "director", "leader", "senior-leader"),
    "commissioner": ("commissioning", "commissioning-manager", "commissioning-officer",
                     "commissioner-or-funder", "funder"),
    "volunteer": ("peer-supporter", "peer-support-worker", "befriender", "trustee"),
    "other": ("prefer-not-to-say", "something-else", "none-of-these"),
}
# The roles' names in Welsh (core.yaml's, kept equal by a test), read from a Welsh form.
WELSH_ROLE_NAMES = {
    "person-drawing-on-care": "Person sy'n cael gofal a chymorth", "carer": "Gofalwr",
    "practitioner": "Ymarferydd", "manager": "Rheolwr", "commissioner": "Comisiynydd",
    "volunteer": "Gwirfoddolwr", "other": "Arall"}


# A heading (normalised) that asks for the role: one of these words, whole ('Your role', 'Are
# you a...'), or one of these parts anywhere; Welsh: 'Eich rôl' (normalised: eich-r-l), 'Beth
# sy'n eich disgrifio'. (What r"(^|-)roles?(-|$)|describes?-you|..." finds, without compiling a
# pattern at every start.)
_ROLE_WORDS = ("role", "roles", "are-you-a", "you-are-a", "eich-r-l")
_ROLE_PARTS = ("describe-you", "describes-you", "who-are-you", "answering-as", "eich-disgrifio")


def asks_role(word: str) -> bool:
    """Whether a normalised heading asks who is answering (the role question)."""
    bounded = f"-{word}-"
    return any(f"-{whole}-" in bounded for whole in _ROLE_WORDS) \
        or bounded.startswith("-i-am-a-") or any(part in word for part in _ROLE_PARTS)


class IdFinder:
    """Finds the first of some ids in a normalised heading, each bounded by a hyphen or the
    heading's ends: what `re.search(r"(?<![^-])(ID1|ID2|...)(?![^-])", word)` finds, leftmost
    first, then the first id given, without compiling that pattern (about 0.4 ms a framework
    at every run). An id found at a place begins with the heading's part there up to its next
    hyphen (both end at one), so only the ids beginning with that part are tried."""

    def __init__(self, ids: list[str]) -> None:
        self._by_head: dict[str, list[str]] = {}
        for sid in ids:
            self._by_head.setdefault(sid.partition("-")[0], []).append(sid)

    def search(self, word: str) -> tuple[int, int, str] | None:
        """(start, end, id) of the first id found, or None."""
        start = 0
        while start <= len(word):
            ends = word.find("-", start)
            ends = len(word) if ends < 0 else ends
            for sid in self._by_head.get(word[start:ends], ()):
                end = start + len(sid)
                if word.startswith(sid, start) and (end == len(word) or word[end] == "-"):
                    return start, end, sid
            start = ends + 1
        return None


def normalise(text: str) -> str:
    """'  Don't Know ' -> 'don-t-know': case, spaces, punctuation and a BOM forgiven."""
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lstrip("\ufeff").lower()).strip("-")


# More runs of letters and digits than anything parse_level_word reads has ('Level 0: Not yet
# co-production' has 6; tests/reading/test_formwords.py checks every phrase): a choice with
# its description ('2 - Intermediate: People have ...') is read here without trying it.
MOST_RUNS = 8


def parse_choice(cell: str) -> str:
    """A level id or 'unsure' from a choice as a form writes it; ValueError when it is none.

    Accepted: whatever parse_level_word accepts, 'Don't know' and its kind, and a level
    number or name followed by its description ('2 - Intermediate: ...', 'Level 2. ...').
    """
    word = normalise(cell)
    if word.count("-") < MOST_RUNS:  # else parse_level_word cannot read it: not tried
        try:
            return parse_level_word(cell)
        except ValueError:
            pass
    if cell.lstrip().startswith(("=", "@")):
        raise ValueError(
            _(
                "'{shortened}' is a spreadsheet formula, not a choice; export the "
                "form's responses again, or write the level the person chose"
            ).format(shortened=shortened(cell.strip()))
        )
    if word in UNSURE_WORDS:
        return UNSURE
    level = _leading_level(word.removeprefix("level-"), cell)
    return parse_level_word(cell) if level is None else level  # its error, when none


def _leading_level(word: str, cell: str) -> str | None:
    """The level a choice begins with: its number, or its name; a number followed by another
    level's name ('3 - Intermediate') says two things, and is refused."""
    number, _sep, rest = word.partition("-")
    if number in ("0", "1", "2", "3") and rest[:1].isalpha():
        level, named = LEVEL_IDS[int(number)], _named(rest + "-")
        if named not in (None, level):
            raise ValueError(
                _(
                    "'{shortened}' says both {number} ({level}) and {named}; check "
                    "which the person chose, and write one of them"
                ).format(shortened=shortened(cell.strip()), number=number, level=level, named=named)
            )
        return level
    return _named(word)


def _named(word: str) -> str | None:
    return next((level for head, level in _LEVEL_HEADS if word.startswith(head + "-")), None)


def role_words(catalogue: Catalogue, role_map: dict[str, str]) -> dict[str, str]:
    """Every way of writing each role, normalised, to its id; the user's own map wins."""
    words = {}
    for role in catalogue.roles:
        welsh = WELSH_ROLE_NAMES.get(role.id)
        for word in (*ROLE_SYNONYMS.get(role.id, ()), normalise(role.name), role.id,
                     *([normalise(welsh)] if welsh else [])):
            words[word] = role.id
    words.update({normalise(given): role for given, role in role_map.items()})
    return words


def roles_in(text: str, words: dict[str, str]) -> set[str] | None:
    """The roles a role answer names, or None when it is a role in the person's own words.

    A whole answer known as one role is that role. Ticked boxes come joined by ',' or ';'
    (Google Forms, Microsoft Forms, with any 'Other' text among them): each part that is
    exactly a known role counts. Role ids joined by spaces are KoboToolbox's (every word an
    id). Nothing is matched to the nearest role: 'Carer, Practitioner' is a carer and a
    practitioner, never 'practitioner' alone; 'Carers' group' is the person's own words.
    """
    whole = words.get(normalise(text))
    if whole is not None:
        return {whole}
    parts = [normalise(part) for part in re.split(r"[;,\n]", text)]
    named = {words[part] for part in parts if part in words}
    if len([part for part in parts if part]) > 1 and named:
        return named
    ids = set(words.values())
    tokens = text.split()
    if len(tokens) > 1 and all(token in ids for token in tokens):
        return set(tokens)
    return None


def one_role(chosen: set[str], catalogue: Catalogue) -> str:
    """One role for a person who chose several: a lived-experience role when any is chosen
    (a carer who also works in care brings the lived experience the partnership needs), else
    the first in the catalogue's order. Every person is counted once, in one role."""
    lived = [role.id for role in catalogue.roles if role.lived_experience and role.id in chosen]
    return (lived or [role.id for role in catalogue.roles if role.id in chosen])[0]


def unknown_role(given: str, words: dict[str, str]) -> tuple[str, str]:
    """What is wrong and how to fix it, for a role answer nobody told coprod about (never a
    guess at the nearest role: a near spelling may be another voice)."""
    ids, shown = sorted(set(words.values())), shortened(given.strip(), 120)
    return (f"a role of the respondent's own, '{shown}'",
            f"use one of {', '.join(ids)}, or map it: --role-map \"{shown}=ROLE\"")


DAY_FIRST, MONTH_FIRST, EITHER = "dmy", "mdy", "either"


def parse_date(cell: object, order: str | None = None) -> datetime.date | None:
    """A date from a form's timestamp: ISO, day or month first, or a spreadsheet's own date.

    Slashed dates are read in `order` when it is given; else day first unless only the
    month-first reading is possible (read_date says which readings were possible).
    """
    return read_date(cell, order)[0]


def read_date(cell: object, order: str | None = None) -> tuple[datetime.date | None, str | None]:
    """(the date, what it shows of the export's order): DAY_FIRST or MONTH_FIRST when only
    that reading is a date (24/11/2026, 11/24/2026), EITHER when both are different dates
    (05/11/2026, read day first for now), None when the order does not matter (ISO, a
    spreadsheet's date, the same day and month) or `order` was given."""
    if isinstance(cell, datetime.datetime):
        return cell.date(), None
    if isinstance(cell, datetime.date):
        return cell, None
    text = str(cell).strip()
    match = _DATE.match(text)
    if match:
        return _numbers(*match.groups(), order)
    return _words(text), None


_DATE = re.compile(r"(\d{1,4})[-/.](\d{1,2}|[A-Za-z]{3,9})[-/.](\d{1,4})(?:[T ,]|$)")


@functools.lru_cache(maxsize=1024)  # a form's rows share a few days: each is read once
def _numbers(first: str, middle: str, last: str,
             order: str | None) -> tuple[datetime.date | None, str | None]:
    if not middle.isdigit():
        return _words(f"{first} {middle} {last}"), None
    if len(first) == 4:
        return _date(int(first), int(middle), int(last)), None
    year = int(last) + (2000 if len(last) == 2 else 0)
    day_first = _date(year, int(middle), int(first))
    month_first = _date(year, int(first), int(middle))
    if order is not None:
        return (day_first if order == DAY_FIRST else month_first), None
    if day_first and month_first:
        return day_first, (EITHER if day_first != month_first else None)
    if day_first or month_first:
        return day_first or month_first, DAY_FIRST if day_first else MONTH_FIRST
    return None, None


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _words(text: str) -> datetime.date | None:
    """'24 November 2026', '24 Nov 2026 14:03', 'Tuesday, 24 November 2026'."""
    words = re.sub(r"^[A-Za-z]+,\s*", "", text).replace(",", " ").split()[:3]
    for pattern in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return datetime.datetime.strptime(" ".join(words), pattern).date()
        except ValueError:
            continue
    return None
