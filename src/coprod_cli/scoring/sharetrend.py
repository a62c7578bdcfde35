"""What a trend may show when it is shared: its rounds are reports too (sharing.py), so each
round of several people is banded as a result is, and each change is worked out from what is
shown. `--private` skips it and marks the trend as not to be shared (`mark_private_trend`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from coprod_cli.i18n import N_
from coprod_cli.scoring.sharing import BAND, PRIVATE_NOTE, banded, gap_up
from coprod_cli.scoring.trend import MIX_CHANGED, change
from coprod_cli.trends import OVERALL

if TYPE_CHECKING:  # types only
    from coprod_cli.trends import Change, Figure, Round, Trend

TREND_BANDED = N_("Shared figures of several people are rounded down to the half level, and "
                  "bands widened out to it, so that reports cannot be set against each other; "
                  "the verdicts come from the exact figures; --private gives exact ones, not to "
                  "share")


def protect_trend(tr: Trend) -> Trend:
    """A trend's rounds are reports too: each round of several people shows its scores rounded
    down to the half level and its band widened out to it, and each change is worked out from
    what is shown; its verdict stays the exact one, as levels do. It gives no mix's shares
    (with the head counts, each role's count) nor whether the mix changed (test_trend_attacks)."""
    if tr.private or tr.min_group < 2 or tr.band is not None:
        return tr
    rounds = {r.label: _shown_round(r) for r in tr.rounds}
    figures = {label: {**{f.area: f for f in rnd.areas}, OVERALL: rnd.overall}
               for label, rnd in rounds.items()}  # the whole's, should an area share its id
    changes = [_within_half(change(figures[c.before][c.area], figures[c.after][c.area],
                                   rounds[c.before], rounds[c.after], c.verdict))
               for c in tr.changes]
    return replace(tr, rounds=list(rounds.values()), changes=changes, band=float(BAND), mix=[],
                   warnings=[TREND_BANDED, *(w for w in tr.warnings if w != MIX_CHANGED)])


def _within_half(found: Change) -> Change:
    """A real change that the rounded figures do not show is said as one smaller than their
    step, never as a rise 'from 1.50 to 1.50'."""
    if found.change != 0 or found.verdict not in ("real-rise", "real-fall"):
        return found
    way = "rise" if found.verdict == "real-rise" else "fall"
    return replace(found, change=None,
                   words=f"a real {way} (less than half a level: shared figures are rounded "
                   "down to the half level)")


def _shown_round(rnd: Round) -> Round:
    if rnd.respondents < 2:  # one answers file: that person's or group's own, left exact
        return rnd
    return replace(rnd, overall=_shown_figure(rnd.overall),
                   areas=[_shown_figure(a) for a in rnd.areas])


def _shown_figure(fig: Figure) -> Figure:
    high = None if fig.band_high is None else gap_up(fig.band_high, BAND)
    return replace(fig, score=banded(fig.score, BAND),
                   adjusted_score=banded(fig.adjusted_score, BAND),
                   band_low=banded(fig.band_low, BAND), band_high=high)


def mark_private_trend(tr: Trend) -> Trend:
    """The exact trend, marked as not to be shared (--private)."""
    return replace(tr, private=True, warnings=[PRIVATE_NOTE, *tr.warnings])
