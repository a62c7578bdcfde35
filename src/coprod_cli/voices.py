"""The two voices many respondents are heard in: people with lived experience (the roles
core.yaml marks so: people who draw on care, carers) and everyone else."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from coprod_cli.i18n import N_

if TYPE_CHECKING:
    from coprod_cli.models import Catalogue

Voice = Literal["lived-experience", "everyone-else"]
LIVED: Voice = "lived-experience"
OTHERS: Voice = "everyone-else"
VOICE_NAMES = {LIVED: N_("People with lived experience"), OTHERS: N_("Everyone else")}


def lived_roles(catalogue: Catalogue) -> frozenset[str]:
    """The roles marked lived_experience in core.yaml: people who draw on care, carers."""
    return frozenset(role.id for role in catalogue.roles if role.lived_experience)
