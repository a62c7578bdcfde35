"""A plan: the quickest route, made editable by `coprod plan` (each move promised, its owners,
when it is due), read back with its rules. What a later round shows of it is a part of a
result and of a trend (resultparts.PlanCheck)."""

from __future__ import annotations

import datetime
from dataclasses import field
from typing import Annotated, Any, Literal

from coprod_cli.errors import PathError, did_you_mean
from coprod_cli.i18n import _
from coprod_cli.models import LevelId
from coprod_cli.plain import record
from coprod_cli.rules import Check, Id, MaxLen, Strict, Text

PLAN_VERSION: Literal[1] = 1


def _known(kind: str, value: str, info: Any) -> str:
    known = (info.context or {}).get(kind)
    if known is not None and value not in known:
        raise ValueError(
            _("unknown {replace} '{value}'{did_you_mean}; use one of {join}").format(
                replace=kind[:-1].replace("_", " "),
                value=value,
                did_you_mean=did_you_mean(value, known),
                join=", ".join(known),
            )
        )
    return value


def _statement(value: str, info: Any) -> str:
    return _known("statements", value, info)


def _role(value: str, info: Any) -> str:
    return _known("roles", value, info)


def _lived_role(value: str, info: Any) -> str:
    return _known("lived_roles", value, info)


def _areas(value: Any, info: Any) -> Any:
    areas = (info.context or {}).get("areas")
    if areas is not None and isinstance(value, dict):
        for key in value:
            if str(key) not in areas:
                raise PathError(
                    ("targets", key),
                    _("unknown area '{key}'{did_you_mean}").format(
                        key=key, did_you_mean=did_you_mean(str(key), areas)
                    ),
                    _("use one of {join}").format(join=", ".join(areas)),
                )
    return value


@record
class Move(Strict):
    """One promised move: a statement from one level to another, who leads it, and by when."""

    statement: Annotated[Id, Check(_statement, info=True)]
    from_level: LevelId = field(metadata={"alias": "from", "description": "Its level when "
                                          "the plan was made."})
    to: LevelId = field(metadata={"description": "The level promised."})
    recommendations: list[Id] = field(default_factory=list, metadata={
        "description": "SCIE recommendations that help (ids, as `coprod recommendations`)."})
    owner: Annotated[Id, Check(_role, info=True)] = field(metadata={
        "description": "The role that leads the move."})
    co_owner: Annotated[Id, Check(_lived_role, info=True)] = field(metadata={
        "description": "The lived-experience role that leads it with them."})
    due: datetime.date
    note: Annotated[Text, MaxLen(500)] | None = None


@record
class Plan(Strict):
    """A plan file, version 1: `coprod plan` writes it, people edit it, `score --plan` checks."""

    plan_version: Literal[1] = PLAN_VERSION
    framework: Id
    made_on: datetime.date
    made_from: datetime.date | None = field(default=None, metadata={
        "description": "The date of the assessment the plan was made from."})
    target: LevelId
    baseline: dict[str, LevelId | None] = field(default_factory=dict, metadata={
        "description": "Every statement's level when the plan was made (null when unsure), so "
        "that a later round shows moves nobody planned and any that went backwards."})
    moves: list[Move] = field(default_factory=list)
    targets: Annotated[dict[str, LevelId], Check(_areas, "before", info=True)] = field(
        default_factory=dict, metadata={
            "description": "Per area id, the level good enough for this service: the quickest "
            "route aims each area at its own, and --fail-under holds each to it."})
