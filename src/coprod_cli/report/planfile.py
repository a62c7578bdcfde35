"""A plan as a YAML file to edit: a few comments on what each field means, each move with its
statement's words above it."""

from __future__ import annotations

import yaml

from coprod_cli.i18n import N_, _, unreviewed_notice
from coprod_cli.models import Framework
from coprod_cli.plain import to_data
from coprod_cli.plans import Plan
from coprod_cli.safetext import visible_line

HEADER = N_("""\
# coprod plan: the quickest route to {target}, made {made_on}. Edit it freely: the owner
# (a role), the co_owner (a role with lived experience), the due date, the note; add or remove
# moves. Check it against a later round: coprod score LATER/ --plan THIS-FILE
# (or coprod trend ... --plan THIS-FILE). Its schema: coprod schema plan
""")
BASELINE = N_("# Every statement's level when the plan was made, so a later round shows what "
              "moved unplanned.\n")


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def render(plan: Plan, framework: Framework) -> str:
    data = to_data(plan, by_alias=True)
    data.update(made_on=plan.made_on, made_from=plan.made_from)  # YAML dates, not strings
    moves = [{**{k: v for k, v in move.items() if v is not None}, "due": kept.due}
             for move, kept in zip(data.pop("moves"), plan.moves, strict=True)]
    head = {key: value for key, value in data.items() if key != "baseline"}
    text = {s.id: s.text for s in framework.statements}
    notice = unreviewed_notice()
    lines = [_(HEADER).format(target=plan.target, made_on=plan.made_on),
             f"# {notice}\n" if notice else "", _dump(head)]
    lines.append("moves:\n" if moves else "moves: []\n")
    for move in moves:
        lines.append(f"  # {visible_line(text.get(move['statement'], ''))}\n")
        lines.append("".join(f"  {line}\n" for line in _dump([move]).splitlines()))
    lines.append(_(BASELINE))
    lines.append(_dump({"baseline": data["baseline"]}))
    return "".join(lines)
