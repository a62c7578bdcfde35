"""'Does not apply' in words every format shares: an area's level or a statement's, the
reasons people gave (each once, never with who gave it), and the areas left out."""

from __future__ import annotations

from coprod_cli.i18n import N_, _
from coprod_cli.models import Catalogue
from coprod_cli.report import phrases
from coprod_cli.resultdetails import StatementResult
from coprod_cli.resultparts import DimensionResult
from coprod_cli.results import Result
from coprod_cli.scoring.sharing import count_step, count_words

DOES_NOT_APPLY = N_("does not apply")


def area_level(catalogue: Catalogue, area: DimensionResult) -> str:
    """'Intermediate', 'no level', or 'does not apply'."""
    return _(DOES_NOT_APPLY) if area.does_not_apply else \
        phrases.level_name(catalogue, area.level)


def area_level_phrase(catalogue: Catalogue, area: DimensionResult) -> str:
    """'Intermediate (level 2 of 3)', or 'does not apply to this service (left out)'."""
    if area.does_not_apply:
        return _("Does not apply to this service (left out of the overall level)")
    return phrases.level_phrase(catalogue, area.level)


def area_score(score: float | None, area: DimensionResult) -> str:
    """An area's score in a table: the figure, 'unsure', or 'n/a' where it does not apply."""
    return score_of(score, area.does_not_apply)


def score_of(score: float | None, absent: bool) -> str:
    return _("n/a") if absent else phrases.score_text(score)


def level_of(catalogue: Catalogue, level: str | None, absent: bool) -> str:
    """A level's name, or 'does not apply' for an area left out (a comparison's side)."""
    return _(DOES_NOT_APPLY) if absent else phrases.level_name(catalogue, level)


def statement_level(catalogue: Catalogue, statement: StatementResult) -> str:
    return _(DOES_NOT_APPLY) if statement.does_not_apply else \
        phrases.level_name(catalogue, statement.level)


def said(res: Result, statement: StatementResult) -> str | None:
    """'Does not apply to this service (2 of 5 people): reason; reason', or None."""
    count: str | int | None = statement.not_applying
    if count is None and statement.reasons:  # shared: reasons only where --min-group said it
        count = _("{step} or more").format(step=res.min_group)
    if not count:
        return None
    said = _("Does not apply to this service") if res.respondents == 1 else \
        _("Does not apply to this service ({count} of {people} people)").format(
            count=count, people=res.respondents)
    reasons = "; ".join(phrases.evidence_item(reason) for reason in statement.reasons)
    return said + (f": {reasons}" if reasons else "")


def said_in(res: Result, area: DimensionResult) -> str:
    """'3 said n/a' beside an area that applies, when some answers in it said a statement does
    not apply (each statement's count and reasons are in the details)."""
    if area.does_not_apply:
        return ""
    count = sum(s.not_applying or 0 for s in res.statements if s.dimension == area.id)
    return _("{count} said does not apply").format(count=count) if count else ""


def shown(res: Result) -> list[StatementResult]:
    """The statements with evidence or an answer of 'does not apply', in the framework's order."""
    return [s for s in res.statements if s.evidence or s.not_applying or s.reasons]


def answers_phrase(res: Result) -> str:
    """'3 unsure answers', with the answers of 'does not apply' when there are any (always
    in a shared result, whose '0' is 'fewer than --min-group')."""
    count = res.not_applying_answers
    return phrases.unsure_phrase(res) + (
        _(", {count} 'does not apply'").format(count=count_words(count, count_step(res)))
        if count or count_step(res) else "")
