"""Notes about single respondents: who left statements unanswered, who was unsure about much,
which pairs gave identical answers. A result kept to oneself names them (by role and number,
or file with --show-names) with the statements and how many. A shared result says only how
many, in a range of --min-group, and nothing when fewer than --min-group did: a note naming a
person, or saying that one did, set beside the same note in a second report would say how
the one person between them answered (sharing.py decides which result is shared). Whoever
runs coprod is told the named notes on standard error (`named`)."""

from __future__ import annotations

from coprod_cli.i18n import _
from coprod_cli.models import Catalogue, Framework, Weighting
from coprod_cli.scoring import collective
from coprod_cli.scoring.sharing import banded_count, count_words
from coprod_cli.tally import Tally

MAX_IDS = 8  # statement ids named for each part-answered respondent; the rest are counted


def notes(tally: Tally, shown: collective.Breakdown, show_names: bool,
          shared: bool) -> tuple[list[str], list[str]]:
    """The notes on part-answered respondents (said first), and those on the unsure and on
    identical pairs (said after the notes on groups)."""
    if shared:
        return _unnamed(tally, shown.min_group)
    return _partial(tally, shown, show_names), \
        _mostly_unsure(tally, shown, show_names) + _identical(tally, shown, show_names)


def for_you(framework: Framework, catalogue: Catalogue, tally: Tally, weighting: Weighting,
            min_group: int, show_names: bool, side: str | None = None) -> list[str]:
    """For whoever runs coprod (standard error) when the result is shared: who left
    statements unanswered and who was unsure about much, named as --private names them
    (identical pairs are named there as they are read); `side` says which of a comparison's
    two sets they are in. Nothing to say, nothing worked out: which groups are shown (their
    labels) is audited only when someone is to be named."""
    if not (tally.partial_count or tally.mostly_unsure_count):
        return []
    shown = collective.breakdown(framework, catalogue, tally, weighting, min_group)
    said = _partial(tally, shown, show_names) + _mostly_unsure(tally, shown, show_names)
    if side is not None:
        return [_("note, for you only (not in the shared result), {side}: {note}").format(
            side=side, note=note) for note in said]
    return [_("note, for you only (not in the shared result): {note}").format(note=note)
            for note in said]


def _unnamed(tally: Tally, step: int) -> tuple[list[str], list[str]]:
    """What a shared result says: how many, in a range of --min-group; nothing for fewer."""
    identical = tally.intake.identical if tally.intake else 0
    partial, unsure, pairs = (banded_count(count, step) for count in (
        tally.partial_count, tally.mostly_unsure_count, identical))
    first = [_("{count} respondents left statements unanswered, counted as unsure (--private "
               "names them and the statements). Answer them and score again, or use --strict "
               "to refuse part-answered files").format(count=count_words(partial, step))
             ] if partial else []
    later = [_("{count} respondents were unsure about more than a third of the statements "
               "(--private names them)").format(count=count_words(unsure, step))
             ] if unsure else []
    if pairs:
        later.append(_("{count} pairs of respondents gave identical answers (the same file "
                       "content, or form rows with the same timestamp); each pair may be one "
                       "person counted twice (--private names them)").format(
            count=count_words(pairs, step)))
    return first, later


def _partial(tally: Tally, shown: collective.Breakdown, show_names: bool) -> list[str]:
    """Respondents who left statements unanswered: how many, and which statements (a few)."""
    if not tally.partial_count:
        return []
    total = len(tally.framework.statements)
    named = "; ".join(_("{who}: {count} of {total} ({statements})").format(
        who=shown.label(who, show_names), count=len(ids), total=total,
        statements=", ".join(ids[:MAX_IDS]) + (", ..." if len(ids) > MAX_IDS else ""))
        for who, ids in tally.partial)
    more = tally.partial_count - len(tally.partial)
    return [_("{count} respondent(s) left {unanswered} statement(s) unanswered, counted as "
              "unsure: {named}").format(count=tally.partial_count, unanswered=tally.unanswered,
                                        named=named)
            + (_("; and {count} more").format(count=more) if more else "")
            + _(". Answer them and score again, or use --strict to refuse part-answered files")]


def _mostly_unsure(tally: Tally, shown: collective.Breakdown, show_names: bool) -> list[str]:
    if not tally.mostly_unsure_count:
        return []
    names = ", ".join(shown.label(who, show_names) for who in tally.mostly_unsure)
    more = tally.mostly_unsure_count - len(tally.mostly_unsure)
    return [_("{count} respondent(s) were unsure about more than a third of the "
              "statements: {names}").format(count=tally.mostly_unsure_count, names=names)
            + (_(" and {count} more").format(count=more) if more else "")]


def _identical(tally: Tally, shown: collective.Breakdown, show_names: bool) -> list[str]:
    """Pairs with identical answers, named as every respondent is named in a result."""
    count = tally.intake.identical if tally.intake else 0
    if not count:
        return []
    pairs = "; ".join(shown.label(a, show_names) + _(" and ") + shown.label(b, show_names)
                      for a, b in tally.identical)
    more = _(" and {count} more").format(count=count - len(tally.identical)) \
        if count > len(tally.identical) else ""
    return [_("{count} pair(s) of respondents gave identical answers (the same file content, "
              "or form rows with the same timestamp): {pairs}{more}. Each pair may be one "
              "person counted twice").format(count=count, pairs=pairs, more=more)]
