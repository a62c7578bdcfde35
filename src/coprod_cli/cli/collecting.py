"""How score and compare read a set of answers at a terminal: the form-export rules as one
value, every respondent counted once, notes and skips said on standard error, and a progress
bar there for a large set; and what a shared result leaves unnamed, told there by name."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from coprod_cli.classes import frozen
from coprod_cli.cli.common import console, say, stdin_bytes
from coprod_cli.errors import CoprodError, UsageProblem, shortened
from coprod_cli.i18n import _
from coprod_cli.reading.inputs import Respondents, expand
from coprod_cli.reading.loader import Library
from coprod_cli.tally import Tally

if TYPE_CHECKING:  # imported when a form option is given
    from coprod_cli.models import Weighting
    from coprod_cli.reading.formtable import FormOptions

LARGE_SET = 200  # files; a smaller set is read before a bar would be worth showing


def form_options(role_column: str | None, role_map: list[str] | None,
                 strict: bool, lib: Library, date_order: str | None = None) -> FormOptions | None:
    """The form-export options as one value (None when none is given, so that reading answers
    files never imports the form readers); a role map naming an unknown role is refused.

    The role after '=' may be its id, its name or a common word for it ('Carer', 'carer').
    """
    if role_column is None and not role_map and not strict and date_order is None:
        return None
    from coprod_cli.reading.formtable import FormOptions
    from coprod_cli.reading.formwords import normalise, role_words

    known = role_words(lib.catalogue, {})
    mapped = {}
    for item in role_map or ():
        given, sep, role = item.rpartition("=")
        role_id = known.get(normalise(role))
        if not sep or not given.strip() or role_id is None:
            roles = ", ".join(role.id for role in lib.catalogue.roles)
            raise UsageProblem(
                _('--role-map "{shortened}" is not ANSWER=ROLE with a known role').format(
                    shortened=shortened(item, 120)
                ),
                _('write it like "Service user=person-drawing-on-care"; roles: {roles}').format(
                    roles=roles
                ),
            )
        mapped[given.strip()] = role_id
    return FormOptions(role_column, mapped, strict, date_order)


def role_map_used(form: FormOptions | None) -> None:
    """Refuse a --role-map entry that matched no answer in any export's role column: a
    misspelt one would otherwise leave those people unknown, or the map doing nothing."""
    unmatched = form.unmatched_role_map() if form else []
    if form and unmatched:
        given = shortened(unmatched[0], 120)
        seen = ", ".join(f"'{shortened(word, 60)}'" for word in list(form.answered.values())[:4])
        raise UsageProblem((_("--role-map \"{given}={role}\" matches no answer in the role column "
                              "(its answers include {seen})") if seen else
                            _("--role-map \"{given}={role}\" matches no answer in the role column "
                              "of any form export")).format(
                                  given=given, role=form.role_map[unmatched[0]], seen=seen),
                           _("copy the answer as the export writes it, or leave the entry out"))


@frozen
class Reading:
    """How a set of files is read: what to leave out, which framework, how deep, form rules."""

    skip_invalid: bool = False
    only: str | None = None
    recursive: bool = False
    form: FormOptions | None = None
    keep_people: bool = False  # each respondent's answers kept, for `trend` to resample


def collect(lib: Library, names: list[str], how: Reading | None = None,
            salt: bytes = b"", former: int = 0) -> Tally:
    """Every respondent counted once, one at a time, with a progress bar for a large set;
    with a salt, who answered is sketched too (cli/remembering.py), also with keys of the
    first kind while no more than `former` are counted (reading/ledger.py, reach)."""
    how = how or Reading()
    inputs = expand(names, how.recursive)
    for note in inputs.notes:
        say(_("note: {message}").format(message=note))
    respondents = Respondents(lib, inputs, skip_invalid=how.skip_invalid, only=how.only,
                              read_stdin=stdin_bytes, on_skip=_report_skip,
                              on_warning=_report_warning, form=how.form,
                              strict=bool(how.form and how.form.strict),
                              keep_people=how.keep_people, salt=salt,
                              former=former)
    with progress_bar(len(respondents.names)) as advance:
        respondents.on_file = advance
        tally = respondents.tally()
    if respondents.skipped:
        say(_("Left out {skipped} file(s) or row(s); scored {total} respondent(s).")
            .format(skipped=respondents.skipped, total=tally.total))
    return tally


def tell_named(lib: Library, tally: Tally, weighting: Weighting, groups: tuple[int, bool, bool],
               side: str | None = None) -> None:
    """What a shared result says only as a count (who left statements unanswered, who was
    unsure about much), told by name to whoever runs coprod on standard error, as `score`
    does (nothing when the result names them itself), and the earlier-version files it does
    not mention. `groups`: --min-group, --show-names and --private."""
    from coprod_cli.scoring import personnotes, sharing
    from coprod_cli.scoring.engine import carried_for_you

    min_group, show_names, private = groups
    if not sharing.shared(tally.total, min_group, private):
        return
    for note in carried_for_you(tally, min_group, side):
        say(note)
    if show_names:
        return
    for note in personnotes.for_you(tally.framework, lib.catalogue, tally, weighting,
                                    min_group, show_names, side):
        say(note)


def _report_skip(error: CoprodError) -> None:
    say(_("skipped: {message}").format(message=error))


def _report_warning(text: str) -> None:
    say(_("warning: {message}").format(message=text))


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator[Callable[[str], None]]:
    """A bar on standard error, only for a large set read at a terminal."""
    if total <= LARGE_SET or not sys.stderr.isatty():
        yield lambda name: None
        return
    from rich.progress import Progress

    with Progress(console=console(False, file=sys.stderr), transient=True) as bar:
        task = bar.add_task(_("Reading answers"), total=total)
        yield lambda name: bar.advance(task)
