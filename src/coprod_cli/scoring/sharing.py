"""What a result may show when it is shared: figures that do not add up to a person.

One report alone never shows a group under --min-group (disclosure.py). But a reader who holds
two or more reports of nearly the same people (two weightings, a draft and a final, before and
after a late reply, a --what-if, a comparison) can set them against each other, and one person
more or less moves exact figures by amounts that can be undone. So a result of several people
is coarsened here, after scoring and before any format renders it, by the one function every
command that writes a result calls (`protect`, or `protect_comparison`):

- every figure (overall, areas, principles, scopes, activities, each group shown, the plan's
  gaps and route) is rounded as usual and then down to half a level (the level with
  --what-if), so no difference of two shared reports is finer than that: a reader learns at
  most that a figure crossed a half level, never by how much one person moved it;
- no statement's figure is shown (its level stays): a statement's figure is one answer per
  person, the most easily differenced;
- while a group is held back, the voices' figures are shown under the default weighting only,
  so a second weighting gives no second equation about them;
- a gap between the voices stays a finding, without figures when a group is held back
  (findings.py);
- every count of answers (unsure and 'does not apply' in all, pairs of identical answers) is
  rounded down to a multiple of --min-group and shown as a range ('12 to 14', 'fewer than 3'),
  never exact: one person more moves it by a whole step or not at all; no split of the head
  count (per language, per reason left out: _intake), nor fewer than --min-group old files;
- no statement's count of 'does not apply' is shown, as no statement's figure is; its reasons
  only where --min-group people or more gave that answer; notes on single respondents say only
  that some did (personnotes.py). Counts of people (who answered, per group shown) stay
  exact: the README's threat model takes a reader to know them. Counts of statements per area
  follow from the levels, which stay exact.

Levels are never changed: they come from the exact figures before any of this. One answers
file (a person's or a group's own) and --min-group 1 (show everyone) are left exact.
`--private` skips all of it and marks the result as not to be shared (`mark_private`).
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING

from coprod_cli.figures import exact
from coprod_cli.i18n import N_, _

if TYPE_CHECKING:  # types only: a trend never loads the result's
    from coprod_cli.resultdetails import (
        DimensionChange,
        Gap,
        RoleResult,
        StatementResult,
        VoiceResult,
        WhatIf,
    )
    from coprod_cli.resultparts import Intake
    from coprod_cli.results import Comparison, Result

BAND = Fraction(1, 2)  # half a level: the margin a combination of reports must not beat
WHAT_IF_BAND = Fraction(1)  # --what-if asks which level; its figures say no more than that
STATEMENT_SCORES = "statement-scores"
STATEMENT_COUNTS = "statement-counts"
VOICE_SCORES = "voice-scores"


def band_note(step: float) -> str:
    """What a banded result says, added to the note on groups held back when there is one."""
    return _(", its figures rounded down to the half level") if step == float(BAND) else \
        _(", its figures rounded down to the level")


BANDED = N_("Shared figures of several people are rounded down to the half level (2.50 is 2.50 "
            "to 2.99), so that reports cannot be set against each other; --private gives exact "
            "ones, not to share")
BANDED_LEVEL = N_("Shared figures of several people are rounded down to the level (2.00 is "
                  "2.00 to 2.99), so that reports cannot be set against each other; --private "
                  "gives exact ones, not to share")


def _noted(warnings: list[str], res: Result, step: float) -> list[str]:
    """The note on groups held back says that figures are rounded down; without one, a note
    of its own says so. (Counts need no note: each says it is a range, '12 to 14'.)"""
    from coprod_cli.scoring.collective import held_back_note  # a result's groups: never a trend's

    held = held_back_note(res.held_back, res.min_group)
    if held is None:
        return [_(BANDED) if step == float(BAND) else _(BANDED_LEVEL), *warnings]
    return [w + band_note(step) if w == held else w for w in warnings]


def banded_count(count: int, step: int | None) -> int:
    """A count of answers as a shared result holds it: rounded down to a multiple of the step
    (--min-group), so 0, 1 and 2 all read 0 and one person more moves it by a whole step or
    not at all; exact when there is no step (one answers file, --min-group 1, --private)."""
    return count if not step else count // step * step


def count_step(res: Result) -> int | None:
    """The step a result's counts of answers are given in: --min-group in a shared result
    (its figures banded), else None (exact)."""
    return res.min_group if res.band is not None else None


def count_words(count: int, step: int | None) -> str:
    """A count as every format shows it: exact ('14'), or in a shared result the range that
    its banded value stands for ('12 to 14', 'fewer than 3')."""
    if not step:
        return str(count)
    if count < step:
        return _("fewer than {step}").format(step=step)
    return _("{low} to {high}").format(low=count, high=count + step - 1)


PRIVATE_NOTE = N_("PRIVATE: exact figures for whoever holds all the answers. Do not share this "
                  "report: set beside another it can give away a hidden group's or a person's "
                  "answers. Leave out --private for a report to share")


@functools.lru_cache(maxsize=1024)  # a result bands the same few figures again and again
def banded(score: float | None, step: Fraction) -> float | None:
    """A published figure rounded down to the step (never up, so never a level not reached)."""
    return None if score is None else float(math.floor(exact(score) / step) * step)


@functools.lru_cache(maxsize=1024)  # as banded: a trend's bands end at the same few figures
def gap_up(gap: float, step: Fraction) -> float:
    """A target minus a banded value: the gap rounded up to the step."""
    return float(math.ceil(exact(gap) / step) * step)


def shared(respondents: int, min_group: int, private: bool) -> bool:
    """Whether a result is shared as this module shows it: several people, --min-group above
    1 (1 asks to show everyone), and not --private."""
    return respondents > 1 and min_group > 1 and not private


def needed(res: Result) -> bool:
    return shared(res.respondents, res.min_group, res.private)


def protect(res: Result) -> Result:
    """The result as it may be shared (unchanged for one answers file, --min-group 1 or
    --private, and when it was protected already)."""
    if not needed(res) or res.band is not None:
        return res
    step = WHAT_IF_BAND if res.what_if else BAND

    def dims(scores: dict[str, float | None]) -> dict[str, float | None]:
        return {key: banded(value, step) for key, value in scores.items()}

    second = res.weighting != "partnership" and bool(res.held_back)
    voices = [] if second else [replace(v, dimensions=dims(v.dimensions)) for v in res.by_voice]
    roles = [replace(r, dimensions=dims(r.dimensions)) for r in res.by_role]
    withheld = [STATEMENT_SCORES, STATEMENT_COUNTS] + \
        ([VOICE_SCORES] if res.by_voice and not voices else []) + \
        (["skipped-reasons"] if res.intake and res.intake.skipped else [])
    counts = res.min_group
    return replace(
        res, score=banded(res.score, step), band=float(step), withheld=withheld,
        unsure_answers=banded_count(res.unsure_answers, counts),
        not_applying_answers=banded_count(res.not_applying_answers, counts),
        dimensions=[replace(d, score=banded(d.score, step)) for d in res.dimensions],
        principles=[replace(t, score=banded(t.score, step)) for t in res.principles],
        scopes=[replace(t, score=banded(t.score, step)) for t in res.scopes],
        activities=[replace(t, score=banded(t.score, step)) for t in res.activities],
        statements=[_statement(s, counts) for s in res.statements],
        recommendations=[replace(r, gap=gap_up(r.gap, step)) for r in res.recommendations],
        next_steps=[replace(n, from_score=banded(n.from_score, step) or 0.0,
                            to_score=banded(n.to_score, step) or 0.0) for n in res.next_steps],
        by_role=roles, by_voice=voices, gaps=_gaps(res.gaps, roles, voices),
        intake=_intake(res.intake, counts), migrated=[replace(m, files=banded_count(
            m.files, counts)) for m in res.migrated if m.files >= counts],
        what_if=_what_if(res.what_if, step), warnings=_noted(res.warnings, res, float(step)))


def _statement(statement: StatementResult, counts: int) -> StatementResult:
    """No figure and no count of who said it does not apply (each is one answer a person, the
    easiest to difference); the reasons only where --min-group people or more said it does
    not apply (a reason shown says that someone did)."""
    many = (statement.not_applying or 0) >= counts
    return replace(statement, score=None, not_applying=None,
                   reasons=statement.reasons if many else [])


def _intake(intake: Intake | None, counts: int) -> Intake | None:
    """Identical pairs in a range (personnotes.py); never a split of the exact head count (per
    language, per reason left out): a split shown pins small ones (6 people, 3 to 5 in each
    language: 3 and 3), and as it moves it says the late person's language or reason."""
    if intake is None:
        return None
    return replace(intake, identical=banded_count(intake.identical, counts), languages={},
                   languages_withheld=True, skipped_because={})


def _gaps(gaps: list[Gap], roles: list[RoleResult], voices: list[VoiceResult]) -> list[Gap]:
    """Gaps worked out again from the figures shown, so never finer than they are; none
    between voices whose figures are withheld (the finding still says it, without figures)."""
    shown = {r.role: r.dimensions for r in roles} | {v.voice: v.dimensions for v in voices}
    kept = []
    for gap in gaps:
        if gap.highest not in shown or gap.lowest not in shown:
            continue
        high, low = shown[gap.highest].get(gap.dimension), shown[gap.lowest].get(gap.dimension)
        if high is None or low is None:
            continue
        kept.append(replace(gap, highest_score=high, lowest_score=low,
                            gap=float(exact(high) - exact(low))))
    return sorted(kept, key=lambda g: (not g.finding, -g.gap))


def _what_if(what_if: WhatIf | None, step: Fraction) -> WhatIf | None:
    if what_if is None:
        return None
    return replace(what_if, before_score=banded(what_if.before_score, step),
                   statements=[replace(s, from_score=None) for s in what_if.statements],
                   dimensions=[_change(d, step) for d in what_if.dimensions])


def _change(change: DimensionChange, step: Fraction) -> DimensionChange:
    before, after = banded(change.before_score, step), banded(change.after_score, step)
    moved = None if before is None or after is None else \
        float(exact(after) - exact(before))
    return replace(change, before_score=before, after_score=after, change=moved)


def mark_private(res: Result) -> Result:
    """The exact result, marked as not to be shared (--private)."""
    return replace(res, private=True, warnings=[_(PRIVATE_NOTE), *res.warnings])


def protect_comparison(cmp: Comparison) -> Comparison:
    """A comparison's two sides are two reports: each is shared only as protect() shows it,
    and the changes are worked out from what is shown (so never finer than either side)."""
    from coprod_cli.scoring.comparison import compare

    if cmp.private:
        return cmp
    shown = compare(protect(cmp.before), protect(cmp.after), Fraction(repr(cmp.tolerance)))
    return replace(shown, regression=cmp.regression)  # the gate is judged on exact figures


def mark_private_comparison(cmp: Comparison) -> Comparison:
    """The exact comparison, marked as not to be shared (--private)."""
    return replace(cmp, private=True, before=mark_private(cmp.before),
                   after=mark_private(cmp.after), warnings=[PRIVATE_NOTE, *cmp.warnings])
