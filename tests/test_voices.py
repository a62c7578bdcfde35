"""The two voices: the roles core.yaml marks as lived experience, and everyone else."""

from __future__ import annotations

from coprod_cli.voices import LIVED, OTHERS, VOICE_NAMES, lived_roles
from tests.builders import CATALOGUE


def test_the_lived_roles_are_those_core_yaml_marks() -> None:
    marked = {role.id for role in CATALOGUE.roles if role.lived_experience}
    assert lived_roles(CATALOGUE) == marked
    assert marked and marked != {role.id for role in CATALOGUE.roles}  # some, not all


def test_each_voice_has_a_name() -> None:
    assert set(VOICE_NAMES) == {LIVED, OTHERS}
