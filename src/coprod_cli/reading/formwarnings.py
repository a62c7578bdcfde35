"""What reading an export left out or guessed, said once per export: columns ignored, no role
column, blank answers counted as unsure, role answers and dates coprod could not read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.errors import did_you_mean
from coprod_cli.i18n import _
from coprod_cli.reading.formheader import cell_name
from coprod_cli.reading.formwords import normalise

if TYPE_CHECKING:
    from coprod_cli.reading.formtable import Table

MAX_NAMED = 8  # ignored columns named in the warning; the rest are counted


def warnings(table: Table) -> list[str]:
    """What was left out or guessed, once per export."""
    found = []
    ignored = table.columns.ignored
    if table.columns.role is None:
        found.append(
            _(
                "{name}: no column holds the role, so everyone counts as 'other'; name the "
                "role question's column with --role-column \"HEADING\""
            ).format(name=table.name)
        )
    if ignored:
        ids = [s.id for s in table.framework.statements]
        shown = ", ".join(f"'{table.header[i].strip()}' ({cell_name(1, i + 1)})"
                          f"{did_you_mean(normalise(table.header[i]), ids)}"
                          for i in ignored[:MAX_NAMED])
        more = _(" and {count} more").format(count=len(ignored) - MAX_NAMED) \
            if len(ignored) > MAX_NAMED else ""
        found.append(
            _(
                "{name}: ignored {len} column(s) that are not a statement, the role or "
                "a date: {shown}{more}"
            ).format(name=table.name, len=len(ignored), shown=shown, more=more)
        )
    if table.blank_cells:
        found.append(
            _(
                "{name}: {blank_cells} blank answer(s) from {blank_rows} respondent(s) "
                "counted as unsure (the first at {first_blank})"
            ).format(
                name=table.name,
                blank_cells=table.blank_cells,
                blank_rows=table.blank_rows,
                first_blank=table.first_blank,
            )
        )
    found += table.roles.warnings(table.name)
    if table.bad_dates:
        found.append(
            _(
                "{name}: {bad_dates} date(s) coprod cannot read, left out (the first "
                "at {first_bad_date}); write dates like 2026-11-24 or 24/11/2026"
            ).format(
                name=table.name, bad_dates=table.bad_dates, first_bad_date=table.first_bad_date
            )
        )
    return found
