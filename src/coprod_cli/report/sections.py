"""Which sections a result and a comparison show, in which order, under which view: every
format renders the sections named here, in this order, and decides only how each looks."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from coprod_cli.report import View


class Section(str, Enum):
    """A result's sections, in the one order every format shows them."""

    headline = "headline"  # the framework, the overall level and score, what holds it down
    findings = "findings"  # what the result says first, right under the level
    agreed = "agreed"  # --agreed: the levels the group agreed beside the answers' levels
    what_if = "what_if"  # --what-if: the statements scored as if at chosen levels
    gate = "gate"  # --fail-under: met or not
    promises = "promises"  # --plan: the plan's promised moves checked against this round
    gaps = "gaps"  # where groups see an area a whole level or more apart (every gap: details)
    areas = "areas"  # each dimension's score and level
    weakest = "weakest"  # the weakest principle, scope and activity, in one line
    meanings = "meanings"  # plain: what each level shown means
    warnings = "warnings"
    by_role = "by_role"  # details: each voice's and role's scores
    lenses = "lenses"  # details: scores by principle, scope and activity
    route = "route"  # the quickest route to the target (in full: details)
    plan = "plan"  # details: SCIE's recommendations by jigsaw piece
    evidence = "evidence"  # details: the evidence given with the answers, per statement
    words = "words"  # plain: the glossary's words the result uses, each in plain words
    hint = "hint"  # how to see more
    credits = "credits"  # the sources, as they ask (short; in full with details)


class ComparisonSection(str, Enum):
    """A comparison's sections, in the one order every format shows them."""

    headline = "headline"  # the framework, both sides, the overall level and score, changed
    regression = "regression"  # the areas whose level dropped
    changes = "changes"  # each dimension before and after
    meanings = "meanings"  # plain: what the levels shown mean
    warnings = "warnings"  # the comparison's, then each side's
    credits = "credits"  # the sources, as they ask


def _details(view: View) -> bool:
    return view.details


def _plain(view: View) -> bool:
    return view.plain


def _hint(view: View) -> bool:
    return view.hint


def _always(view: View) -> bool:
    return True


# The views a section needs; a section not named here is always shown (when it has content).
SHOWN_WHEN: dict[Section | ComparisonSection, Callable[[View], bool]] = {
    Section.meanings: _plain, Section.by_role: _details, Section.lenses: _details,
    Section.plan: _details, Section.evidence: _details, Section.words: _plain, Section.hint: _hint,
    ComparisonSection.meanings: _plain,
}


def result_sections(view: View) -> tuple[Section, ...]:
    """The sections a result shows under a view, in order."""
    return tuple(s for s in Section if SHOWN_WHEN.get(s, _always)(view))


def comparison_sections(view: View) -> tuple[ComparisonSection, ...]:
    """The sections a comparison shows under a view, in order."""
    return tuple(s for s in ComparisonSection if SHOWN_WHEN.get(s, _always)(view))
