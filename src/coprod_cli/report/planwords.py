"""A plan checked against a later round, in words every format shares: the promised moves
done, overdue, not yet due or gone backwards, and the moves nobody planned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.i18n import N_, _
from coprod_cli.models import Catalogue
from coprod_cli.report import phrases

if TYPE_CHECKING:  # types only: a page that names no plan loads none of these for it
    from rich.console import RenderableType

    from coprod_cli.resultparts import MoveCheck, PlanCheck, Unplanned
    from coprod_cli.results import Result
    from coprod_cli.trends import Trend

STATUS = {"done": N_("Done"), "overdue": N_("Overdue"), "not-yet-due": N_("Not yet due"),
          "went-backwards": N_("Went backwards")}
UNPLANNED = N_("Moved up without being planned")


def _level(catalogue: Catalogue, level: str | None) -> str:
    return phrases.level_name(catalogue, level) if level else _("unsure")


def _role(catalogue: Catalogue, role: str) -> str:
    names = {r.id: r.name for r in catalogue.roles}
    return names.get(role, role).lower()


def summary(check: PlanCheck) -> str:
    counts = {key: sum(m.status == key for m in check.moves) for key in STATUS}
    return _("The plan made {made_on}, checked on {checked_on}: {done} of {moves} promised "
             "moves done, {overdue} overdue, {backwards} went backwards, {not_yet} not yet "
             "due; {unplanned} moved up unplanned.").format(
        made_on=check.made_on, checked_on=check.checked_on, done=counts["done"],
        moves=len(check.moves), overdue=counts["overdue"], backwards=counts["went-backwards"],
        not_yet=counts["not-yet-due"], unplanned=len(check.unplanned))


def move_line(move: MoveCheck, catalogue: Catalogue) -> str:
    return _("{status}: {statement}, {before} to {after} (now {now}); {owner} with "
             "{co_owner}, due {due}").format(
        status=_(STATUS[move.status]), statement=move.statement,
        before=_level(catalogue, move.from_level), after=_level(catalogue, move.to),
        now=_level(catalogue, move.now), owner=_role(catalogue, move.owner),
        co_owner=_role(catalogue, move.co_owner), due=move.due)


def changed_line(kind: str, item: Unplanned, catalogue: Catalogue) -> str:
    return _("{kind}: {statement}, {before} to {after}").format(
        kind=_(kind), statement=item.statement, before=_level(catalogue, item.was),
        after=_level(catalogue, item.now))


def lines(check: PlanCheck, catalogue: Catalogue) -> list[str]:
    """Every promised move (overdue and backwards first), then what moved unplanned."""
    order = ["went-backwards", "overdue", "not-yet-due", "done"]
    moves = sorted(check.moves, key=lambda m: order.index(m.status))
    return [*(move_line(m, catalogue) for m in moves),
            *(changed_line(UNPLANNED, u, catalogue)
              for u in check.unplanned),
            *(changed_line(STATUS["went-backwards"], u, catalogue) for u in check.backwards
              if u.statement not in {m.statement for m in check.moves})]


def text_part(found: Result | Trend, catalogue: Catalogue, view: object = None,
              title: str | None = None) -> list[RenderableType]:
    """The section for a terminal: a heading underlined as text.py's are, then the lines (rich
    imported here, so Markdown and HTML never load it)."""
    from rich.padding import Padding
    from rich.text import Text

    first, rest = section(found, catalogue)
    if not first:
        return []
    title = title or _("Plan")
    return [Text.assemble((title, "bold"), "\n", "=" * len(title)), Text(first),
            *(Padding(Text(f"- {line}"), (0, 0, 0, 2)) for line in rest), ""]


def checked_title(tr: Trend) -> str:
    """A trend's plan section's heading."""
    return _("Plan, checked against {round}").format(round=tr.rounds[-1].label)


def section(res: Result | Trend, catalogue: Catalogue) -> tuple[str, list[str]]:
    """The section's summary and its lines, or ('', []) without --plan."""
    if res.plan_check is None:
        return "", []
    return summary(res.plan_check), lines(res.plan_check, catalogue)
