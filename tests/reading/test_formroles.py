"""The role question read as one role per person: never a guess, one warning for roles in
people's own words, several roles counted once."""

from __future__ import annotations

import pytest

from coprod_cli.errors import InvalidData, Location
from coprod_cli.reading.formroles import Roles
from coprod_cli.reading.formwords import one_role, role_words, roles_in
from coprod_cli.reading.loader import Library

CATALOGUE = Library.builtin().catalogue
WORDS = role_words(CATALOGUE, {})


class Where:
    def error(self, what: str, fix: str, cells: list[object], row: int,
              index: int) -> InvalidData:
        return InvalidData(what, fix, Location("x.csv", row, index + 1))


@pytest.mark.parametrize(("cell", "roles"), [
    ("Carer", {"carer"}), ("Carer, Practitioner", {"carer", "practitioner"}),
    ("Carer;Practitioner;", {"carer", "practitioner"}),  # Microsoft Forms
    ("carer practitioner", {"carer", "practitioner"}),  # KoboToolbox's names
    ("Carer, Advocate for my brother", {"carer"}),  # Google's 'Other' beside a ticked box
    ("Carers", None), ("Carers' group", None), ("Practitioner-ish", None),
    ("Mum carer", None),  # words joined by spaces are read only when every one is a role id
    ("Advocate", None),
])
def test_what_a_role_cell_names_and_never_a_nearest_role(cell: str,
                                                          roles: set[str] | None) -> None:
    assert roles_in(cell, WORDS) == roles


def test_several_roles_count_once_in_a_lived_experience_role_if_any() -> None:
    assert one_role({"practitioner", "carer"}, CATALOGUE) == "carer"
    assert one_role({"carer", "person-drawing-on-care"}, CATALOGUE) == "person-drawing-on-care"
    assert one_role({"manager", "practitioner"}, CATALOGUE) == "practitioner"
    assert one_role({"other", "volunteer"}, CATALOGUE) == "volunteer"


def test_a_checkbox_question_in_a_column_per_box() -> None:
    header = ["role", "role/carer", "role/practitioner", "Role - Other (please specify)"]
    roles = Roles(CATALOGUE, {}, False, header)
    read = lambda *cells: roles.read(list(enumerate(cells)), list(cells), 2, Where())  # noqa: E731
    assert read("", "1", "1", "") == "carer"  # a tick stands for the box's answer
    assert read("", "0", "True", "") == "practitioner"
    assert read("", "0", "0", "My own words") == "other"
    assert read("", "", "", "") == "other"
    assert roles.several == 1 and roles.own_people == 1


def test_own_words_gathered_into_one_warning_mapped_or_refused_when_strict() -> None:
    roles = Roles(CATALOGUE, {}, False, ["role"])
    for cell in ["Advocate", "Advocate", "Trustee", "Neighbour"]:
        roles.read([(0, cell)], [cell], 2, Where())
    assert roles.warnings("x.csv") == [
        "x.csv: 3 respondent(s) gave a role in their own words, counted as 'other': "
        "'Advocate' (2), 'Neighbour' (1); to count one in a role, map it: --role-map "
        "\"Advocate=ROLE\""]
    mapped = Roles(CATALOGUE, {"Neighbour": "carer"}, False, ["role"])
    assert mapped.read([(0, "neighbour")], ["neighbour"], 2, Where()) == "carer"
    strict = Roles(CATALOGUE, {}, True, ["role"])
    with pytest.raises(InvalidData, match="a role of the respondent's own, 'Neighbour'"):
        strict.read([(0, "Neighbour")], ["Neighbour"], 2, Where())
