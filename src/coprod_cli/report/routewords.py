"""The quickest route and --what-if in words every format shares: the route's heading, each
step's move and what to do, and what a chosen level changes."""

from __future__ import annotations

from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import Catalogue
from coprod_cli.report.phrases import level_name, score_phrase, words
from coprod_cli.resultdetails import NextStep
from coprod_cli.results import Result


def what_if_lines(res: Result, catalogue: Catalogue) -> list[str]:
    """What --what-if changed: the statements set, the overall level, each dimension moved."""
    if res.what_if is None:
        return []
    wi = res.what_if
    withheld = "statement-scores" in res.withheld  # a shareable result shows no such figure
    chosen = ", ".join((_("{statement} at {level}") if withheld else
                        _("{statement} at {level} (answered {score})")).format(
        statement=s.statement, level=level_name(catalogue, s.to_level),
        score=score_phrase(s.from_score)) for s in wi.statements)
    was, now = level_name(catalogue, wi.before_level), level_name(catalogue, res.level)
    overall = _(WHAT_IF_OVERALL[wi.level_direction]).format(was=was, now=now)
    lines = [_("What if {chosen}: {overall}.").format(chosen=chosen, overall=overall)]
    lines += [f"{d.name}: {score_phrase(d.before_score)} -> {score_phrase(d.after_score)}, "
              f"{level_name(catalogue, d.before_level)} -> {level_name(catalogue, d.after_level)}"
              for d in wi.dimensions]
    if not wi.dimensions:
        lines.append(_("No area's score changes."))
    lines.append(_("Everything below is scored as if those levels were given."))
    return lines


WHAT_IF_OVERALL = {"same": N_("the overall level stays {now}"),
                   "up": N_("the overall level goes up from {was} to {now}"),
                   "down": N_("the overall level goes down from {was} to {now}")}


ROUTE_SHOWN = 4  # steps in the short result: the things to do first
PRINTED_STEPS = 3  # in the HTML summary, which must print on one A4 page with its findings


def route_heading(res: Result, catalogue: Catalogue) -> str:
    """'Quickest route to Intermediate: 2 steps, in Networks'."""
    target = level_name(catalogue, res.target)
    if not res.next_steps:
        return _("Every area is at {level} or above: keep reviewing together.").format(
            level=target)
    names = {d.id: d.name for d in res.dimensions}
    areas = list(dict.fromkeys(names[s.dimension] for s in res.next_steps))
    moves = sum(s.moves for s in res.next_steps)
    if len(areas) <= 2:
        return ngettext("Quickest route to {level}: {count} step, in {areas}",
                        "Quickest route to {level}: {count} steps, in {areas}", moves).format(
            level=target, count=moves, areas=", ".join(areas))
    return ngettext("Quickest route to {level}: {count} step, across {number} areas",
                    "Quickest route to {level}: {count} steps, across {number} areas",
                    moves).format(level=target, count=moves, number=len(areas))


def step_move(step: NextStep, catalogue: Catalogue) -> str:
    """'Descriptive -> Intermediate' (with the scores when they are not whole levels)."""
    move = f"{level_name(catalogue, step.from_level)} -> {level_name(catalogue, step.to_level)}"
    if step.from_score != int(step.from_score):
        move += f" ({step.from_score:.2f} -> {step.to_score:.2f})"
    return move


def step_actions(step: NextStep, catalogue: Catalogue, plain: bool = False) -> list[str]:
    """What to do for a step: its SCIE recommendations, each in words with its id."""
    recs = [catalogue.recommendation(rec_id) for rec_id in step.recommendations]
    return [_("{action} (SCIE {id})").format(action=words(plain, rec.text, rec.plain), id=rec.id)
            for rec in recs]


def step_ids(step: NextStep) -> str:
    """', with SCIE practice-3' naming the recommendations that help, for a short line."""
    if not step.recommendations:
        return ""
    return _(", with SCIE {ids}").format(ids=_(" and ").join(step.recommendations))
