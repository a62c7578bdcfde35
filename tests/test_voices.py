"""The two voices: the roles core.yaml marks as lived experience, and everyone else."""

from __future__ import annotations

from coprod_cli import i18n
from coprod_cli.voices import LIVED, OTHERS, VOICE_NAMES, lived_roles
from tests.builders import CATALOGUE


def test_the_lived_roles_are_people_who_draw_on_care_and_carers() -> None:
    """core.yaml's marks, as the README promises: these two roles, no other."""
    assert lived_roles(CATALOGUE) == {"person-drawing-on-care", "carer"}


def test_each_voice_has_the_name_users_see_in_english_and_welsh() -> None:
    assert VOICE_NAMES == {LIVED: "People with lived experience", OTHERS: "Everyone else"}
    i18n.use("cy")  # English again after the test (conftest)
    assert {i18n._(name) for name in VOICE_NAMES.values()} == {"Pobl â phrofiad bywyd",
                                                               "Pawb arall"}
