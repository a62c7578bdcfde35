"""The role question of an export read as one role per person: one column or a checkbox
question's many, several roles chosen, and roles written in the person's own words."""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

from coprod_cli.errors import InvalidData, shortened
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue
from coprod_cli.reading.formwords import normalise, one_role, role_words, roles_in, unknown_role

MAX_KEPT = 50  # distinct write-ins remembered for the warning; the rest are only counted
MAX_NAMED = 5  # write-ins named in the warning
TICKED = {"1", "true", "yes", "x", "\u2713", "\u2714"}  # a box ticked, in a column per box
UNTICKED = {"0", "false", "no"}


class Located(Protocol):
    def error(self, what: str, fix: str, cells: list[object], row: int,
              index: int) -> InvalidData: ...


class Roles:
    """Reads the role cells of each row and remembers, for one warning each, the roles people
    wrote in their own words and the people who chose more than one.

    - A person who chose several roles is counted once, in a lived-experience role when one
      was chosen (formwords.one_role).
    - A role in the person's own words is never matched to the nearest role: it counts as
      'other', gathered into one warning that says how to map it (--role-map), or it is an
      error with --strict.
    """

    def __init__(self, catalogue: Catalogue, role_map: dict[str, str], strict: bool,
                 header: list[str], answered: dict[str, str] | None = None) -> None:
        self.catalogue = catalogue
        # every answer met, normalised -> as written (a --role-map entry meeting none is wrong)
        self.answered = {} if answered is None else answered
        self.words = role_words(catalogue, role_map)
        self.strict = strict
        self.header = header
        self.own: Counter[str] = Counter()
        self.own_people = 0
        self.several = 0
        self._one: dict[object, str | None] = {}  # a single column's cell -> role (None: own)

    def read(self, found: list[tuple[int, object]], cells: list[object], row: int,
             where: Located) -> str:
        """The role of one row from its role cells (index, cell)."""
        if len(found) == 1:
            index, cell = found[0]
            role = self._one.get(cell, "")
            if role:
                return role
            if role is None:
                return self._written(str(cell).strip(), cells, row, index, where)
        chosen: set[str] = set()
        own: list[tuple[int, str]] = []
        for index, cell in found:
            text = self._answer(index, cell, several=len(found) > 1)
            self._met(text)
            named = roles_in(text, self.words) if text else set()
            if named is None:
                own.append((index, text))
            else:
                chosen |= named
        role = self._chosen(chosen) if chosen or not own else None
        if len(found) == 1:
            self._one[found[0][1]] = role
        if role is not None:
            return role
        return self._written(own[0][1], cells, row, own[0][0], where)

    def _met(self, text: str) -> None:
        """Remember an answer, and each of its parts, for --role-map's check."""
        for part in (text, *re.split(r"[;,\n]", text)):
            if part.strip():
                self.answered.setdefault(normalise(part), part.strip())

    def _answer(self, index: int, cell: object, several: bool) -> str:
        """A cell's text; in a column per box, a tick stands for the box's answer (the part of
        the heading after its question: 'role/carer', 'Your role - Carer')."""
        text = "" if cell is None else str(cell).strip()
        if several and text.lower() in UNTICKED:
            return ""
        if several and (text.lower() in TICKED or cell is True):
            return re.split(r"/| - ", self.header[index], maxsplit=1)[-1].strip()
        return text

    def _chosen(self, chosen: set[str]) -> str:
        if not chosen:
            return "other"
        if len(chosen) > 1:
            self.several += 1
        return one_role(chosen, self.catalogue)

    def _written(self, text: str, cells: list[object], row: int, index: int,
                 where: Located) -> str:
        if self.strict:
            what, fix = unknown_role(text, self.words)
            raise where.error(what, fix + " (or leave out --strict to count it as 'other')",
                              cells, row, index)
        self.own_people += 1
        if text in self.own or len(self.own) < MAX_KEPT:
            self.own[text] += 1
        return "other"

    def warnings(self, name: str) -> list[str]:
        """One line for the roles people wrote themselves, one for those who chose several."""
        found = []
        if self.own_people:
            named = ", ".join(f"'{shortened(text, 60)}' ({count})" for text, count
                              in self.own.most_common(MAX_NAMED))
            more = len(self.own) - MAX_NAMED
            first = shortened(self.own.most_common(1)[0][0], 60)
            found.append(_("{name}: {people} respondent(s) gave a role in their own words, "
                           "counted as 'other': {named}{more}; to count one in a role, map "
                           "it: --role-map \"{first}=ROLE\"").format(
                name=name, people=self.own_people, named=named, first=first,
                more=_(" and {count} more").format(count=more) if more > 0 else ""))
        if self.several:
            found.append(
                _(
                    "{name}: {several} respondent(s) chose more than one role; each is "
                    "counted once, in a lived-experience role when one was chosen (else "
                    "the first in coprod's list of roles)"
                ).format(name=name, several=self.several)
            )
        return found
