"""What a result says about answers of 'does not apply': which areas were left out and why,
and which statements people said do not apply to their service.

The rule (the README's "When a statement does not apply"): an answer of 'does-not-apply' is
left out of the arithmetic, as 'unsure' is. A statement does not apply when everyone who
answered it said so; an area does not apply when none of its statements does, and then it has
no level and is left out of the overall level, which the other areas set. An area with nothing
but 'unsure' and 'does-not-apply' answers is unknown, as an area all unsure is: the parts of
it that apply were not rated, so there is no overall level either.
"""

from __future__ import annotations

from collections.abc import Mapping

from coprod_cli.answers import LEVEL_NAMES
from coprod_cli.i18n import _
from coprod_cli.models import LevelId
from coprod_cli.resultparts import DimensionResult


def area_notes(dimensions: list[DimensionResult]) -> list[str]:
    """A note for each area with no level, saying why: unsure, or it does not apply."""
    if dimensions and all(d.does_not_apply for d in dimensions):
        return [_("Nothing here applies to this service: every answer was 'does not apply', "
                  "so there is no overall level (and a gate is not met)")]
    notes = []
    for d in dimensions:
        if d.does_not_apply:
            notes.append(_("'{area}' does not apply to this service (every answer said so): "
                           "left out, and the other areas set the overall level").format(
                area=d.id))
        elif d.level is None and d.not_applying:
            notes.append(_("'{area}' has no level: {count} of its statements do not apply and "
                           "every other answer in it was unsure, so there is no overall level "
                           "either").format(area=d.id, count=d.not_applying))
        elif d.level is None:
            notes.append(unsure_note(d.id))
    return notes


def unsure_note(area: str) -> str:
    """The note on an area with no level because every answer in it was unsure."""
    return _("'{area}' has no level: every answer in it was unsure, so there is no overall "
             "level either").format(area=area)


def target_notes(dimensions: list[DimensionResult], targets: Mapping[str, LevelId]) -> list[str]:
    """An area with a target that does not apply: held to none, and said so."""
    return [f"'{d.id}' has a target ({LEVEL_NAMES[targets[d.id]]}) but does not apply to this "
            "service, so it is held to none" for d in dimensions
            if d.does_not_apply and d.id in targets]
