"""A result's scores by SCIE principle, by scope and by co- activity, in words every format
shares: the groups in their order, each kind's name, the weakest of each."""

from __future__ import annotations

from coprod_cli.i18n import N_, _
from coprod_cli.models import Catalogue
from coprod_cli.report.phrases import level_name, score_text
from coprod_cli.resultdetails import TagResult
from coprod_cli.results import Result

LENSES_TITLE = N_("By principle, scope and activity")


def lens_groups(res: Result) -> list[tuple[str, list[TagResult]]]:
    """The result's scores beside the areas, by kind: SCIE's principles, the scopes and the
    co- activities, in that order (every format lists them so)."""
    return [("principle", res.principles), ("scope", res.scopes), ("activity", res.activities)]


# Each kind of tag in words (the kinds themselves are ids, kept as they are in JSON and HTML).
KINDS = {"principle": N_("principle"), "scope": N_("scope"), "activity": N_("activity")}


def kind_name(kind: str) -> str:
    return _(KINDS.get(kind, kind))


def any_lenses(res: Result) -> bool:
    return any(tags for _, tags in lens_groups(res))


def weakest_lenses(res: Result, catalogue: Catalogue) -> str | None:
    """'Weakest principle: Equality 1.40 (Descriptive); scope: ...; activity: ...', or None
    untagged."""
    parts = []
    for what, tags in lens_groups(res):
        scored = [t for t in tags if t.score is not None]
        if len(scored) > 1:
            low = min(scored, key=lambda t: t.score or 0.0)
            parts.append(_("{kind}: {name} {score} ({level})").format(
                kind=kind_name(what), name=low.name, score=score_text(low.score),
                level=level_name(catalogue, low.level)))
    return _("Weakest {parts}.").format(parts="; ".join(parts)) if parts else None
