"""A plan checked against a later round, in words every format shares: the promised moves
done, overdue, not yet due or gone backwards, and the moves nobody planned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.models import Catalogue
from coprod_cli.plans import MoveCheck, PlanCheck, Unplanned
from coprod_cli.report import phrases
from coprod_cli.results import Result
from coprod_cli.trends import Trend

if TYPE_CHECKING:
    from rich.console import RenderableType

STATUS = {"done": "Done", "overdue": "Overdue", "not-yet-due": "Not yet due",
          "went-backwards": "Went backwards"}


def _level(catalogue: Catalogue, level: str | None) -> str:
    return phrases.level_name(catalogue, level) if level else "unsure"


def _role(catalogue: Catalogue, role: str) -> str:
    names = {r.id: r.name for r in catalogue.roles}
    return names.get(role, role).lower()


def summary(check: PlanCheck) -> str:
    counts = {key: sum(m.status == key for m in check.moves) for key in STATUS}
    return (f"The plan made {check.made_on}, checked on {check.checked_on}: "
            f"{counts['done']} of {len(check.moves)} promised moves done, "
            f"{counts['overdue']} overdue, {counts['went-backwards']} went backwards, "
            f"{counts['not-yet-due']} not yet due; {len(check.unplanned)} moved up unplanned.")


def move_line(move: MoveCheck, catalogue: Catalogue) -> str:
    return (f"{STATUS[move.status]}: {move.statement}, {_level(catalogue, move.from_level)} to "
            f"{_level(catalogue, move.to)} (now {_level(catalogue, move.now)}); "
            f"{_role(catalogue, move.owner)} with {_role(catalogue, move.co_owner)}, due "
            f"{move.due}")


def changed_line(kind: str, item: Unplanned, catalogue: Catalogue) -> str:
    return (f"{kind}: {item.statement}, {_level(catalogue, item.was)} to "
            f"{_level(catalogue, item.now)}")


def lines(check: PlanCheck, catalogue: Catalogue) -> list[str]:
    """Every promised move (overdue and backwards first), then what moved unplanned."""
    order = ["went-backwards", "overdue", "not-yet-due", "done"]
    moves = sorted(check.moves, key=lambda m: order.index(m.status))
    return [*(move_line(m, catalogue) for m in moves),
            *(changed_line("Moved up without being planned", u, catalogue)
              for u in check.unplanned),
            *(changed_line("Went backwards", u, catalogue) for u in check.backwards
              if u.statement not in {m.statement for m in check.moves})]


def text_part(found: Result | Trend, catalogue: Catalogue, view: object = None,
              title: str = "Plan") -> list[RenderableType]:
    """The section for a terminal: a heading underlined as text.py's are, then the lines (rich
    imported here, so Markdown and HTML never load it)."""
    from rich.padding import Padding
    from rich.text import Text

    first, rest = section(found, catalogue)
    if not first:
        return []
    return [Text.assemble((title, "bold"), "\n", "=" * len(title)), Text(first),
            *(Padding(Text(f"- {line}"), (0, 0, 0, 2)) for line in rest), ""]


def section(res: Result | Trend, catalogue: Catalogue) -> tuple[str, list[str]]:
    """The section's summary and its lines, or ('', []) without --plan."""
    if res.plan_check is None:
        return "", []
    return summary(res.plan_check), lines(res.plan_check, catalogue)
