"""Targets per area from a plan ("good enough for a service like ours"): the gate holds every
area to its own target, as well as the whole to --fail-under."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from coprod_cli.answers import LEVEL_NAMES
from coprod_cli.models import LEVEL_VALUES, LevelId
from coprod_cli.resultdetails import Gate
from coprod_cli.resultparts import DimensionResult


def below(dimensions: list[DimensionResult], targets: Mapping[str, LevelId]) -> list[str]:
    """The areas with a target that they do not reach (no level reaches none; an area that
    does not apply to the service is held to no target, and its note says so)."""
    return [d.id for d in dimensions if d.id in targets and not d.does_not_apply and (
        d.level is None or LEVEL_VALUES[d.level] < LEVEL_VALUES[targets[d.id]])]


def gate(found: Gate, dimensions: list[DimensionResult],
         targets: Mapping[str, LevelId]) -> Gate:
    """The gate, also not met when an area is below its target (and saying which)."""
    if not targets:
        return found
    short = below(dimensions, targets)
    names = {d.id: d.name for d in dimensions}
    reason = found.reason
    if short and not found.reason:
        listed = ", ".join(f"{names[a]} (target {LEVEL_NAMES[targets[a]]})" for a in short)
        reason = (f"below the overall level it asks for, and below their targets: {listed}"
                  if not found.met else f"below their targets: {listed}")
    return dataclasses.replace(found, met=found.met and not short, reason=reason,
                               targets=dict(targets), below_target=short)
