"""A trend's formats and the phrases they share: the headline, each figure with its band, each
change in words, the mix the figures are adjusted to and how the bands are made."""

from __future__ import annotations

import importlib
from enum import Enum
from typing import TYPE_CHECKING, Protocol, cast

from coprod_cli.report import phrases
from coprod_cli.trends import OVERALL, Change, Figure, Round, Trend

if TYPE_CHECKING:
    from coprod_cli.models import Catalogue
    from coprod_cli.report import Rendered


class TrendFormat(str, Enum):
    """`coprod trend --format`: a member's value names its module, report/trend_VALUE.py."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"


class TrendRenderer(Protocol):
    def trend(self, tr: Trend, catalogue: Catalogue) -> Rendered:
        """Progress across the rounds."""


def renderer(fmt: TrendFormat) -> TrendRenderer:
    """The module for a format, imported only when asked for."""
    return cast("TrendRenderer", importlib.import_module(f"coprod_cli.report.trend_{fmt.value}"))


def score(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def band(figure: Figure) -> str:
    """'1.25 to 1.75', or 'not known'."""
    if figure.band_low is None or figure.band_high is None:
        return "not known"
    return f"{figure.band_low:.2f} to {figure.band_high:.2f}"


def adjusted(figure: Figure) -> str:
    """'1.50 (band 1.25 to 1.75)'."""
    return f"{score(figure.adjusted_score)} (band {band(figure)})"


def compact(figure: Figure) -> str:
    """'1.50 (1.25-1.75)', for a narrow column."""
    if figure.band_low is None or figure.band_high is None:
        return score(figure.adjusted_score)
    return f"{score(figure.adjusted_score)} ({figure.band_low:.2f}-{figure.band_high:.2f})"


def people(rnd: Round) -> str:
    """'17 (6 + 11)': everyone, then each voice ('few' when a count is held back)."""
    voices = " + ".join(str(v.respondents) if v.respondents is not None else "few"
                        for v in rnd.voices)
    return f"{rnd.respondents} ({voices})" if len(rnd.voices) > 1 else str(rnd.respondents)


def level(catalogue: Catalogue, found: str | None) -> str:
    return phrases.level_name(catalogue, found) if found else "no level"


def headline(tr: Trend) -> str:
    """The first to the last round, overall, in words."""
    first, last = tr.rounds[0], tr.rounds[-1]
    found = next(c for c in tr.changes if c.area == OVERALL and c.before == first.label
                 and c.after == last.label)
    return f"Overall, from {first.label} to {last.label}: {found.words}."


def change_line(change: Change) -> str:
    return f"{change.name}, {change.before} to {change.after}: {change.words}"


def overall_changes(tr: Trend) -> list[str]:
    return [change_line(c) for c in tr.changes if c.area == OVERALL]


def area_changes(tr: Trend) -> list[str]:
    """The areas' real changes; the rest summed up in one line."""
    areas = [c for c in tr.changes if c.area != OVERALL]
    real = [change_line(c) for c in areas if c.verdict in ("real-rise", "real-fall")]
    rest = "Every other change in an area is no clear change." if real else \
        "No area shows a real change between any two rounds."
    return [*real, rest]


def targets_title(tr: Trend) -> str:
    return f"Targets from the plan, in {tr.rounds[-1].label}"


def target_lines(tr: Trend, catalogue: Catalogue) -> list[str]:
    """Each area with a target in the plan: whether the last round reaches it (as answered,
    as `coprod score --plan` holds it), and since which round it has."""
    lines = []
    for index, area in enumerate(tr.rounds[-1].areas):
        if area.target is None:
            continue
        aim = level(catalogue, area.target)
        if area.reaches_target:
            first = len(tr.rounds) - 1
            while first > 0 and tr.rounds[first - 1].areas[index].reaches_target:
                first -= 1
            since = f" (since {tr.rounds[first].label})" if first < len(tr.rounds) - 1 else ""
            lines.append(f"{area.name}: reaches its target, {aim}{since}")
        else:
            lines.append(f"{area.name}: below its target, {aim} (now "
                         f"{level(catalogue, area.level)})")
    return lines


def mix_line(tr: Trend) -> str:
    shares = ", ".join(f"{s.name} {round(s.share * 100)}%" for s in tr.mix)
    return ("Adjusted figures re-weight every round to one mix of roles, the rounds' pooled "
            f"mix (everyone who answered any round): {shares}. Figures as answered are beside "
            "them.")


VERDICTS = ("A change is called real only when each round's adjusted score lies outside the "
            "other round's band; otherwise it is no clear change.")


def who_answered(rnd: Round) -> str:
    """'12 people (people with lived experience 5, everyone else 7)'."""
    voices = ", ".join(f"{v.name.lower()} {v.respondents if v.respondents is not None else 'few'}"
                       for v in rnd.voices)
    count = "1 person" if rnd.respondents == 1 else f"{rnd.respondents} people"
    return f"{count} ({voices})" if voices else count


def round_notes(tr: Trend) -> list[str]:
    """Each round's notes and whether its bands are the whole scale, by round."""
    lines = [f"{r.label}: a voice had fewer than {tr.fewest} people, so its bands are the whole "
             "scale (too few answered to tell a change from chance)" for r in tr.rounds
             if r.too_few]
    return lines + [f"{r.label}: {note}" for r in tr.rounds for note in r.notes]


def title(tr: Trend) -> str:
    return f"Trend: {tr.framework.name} ({tr.framework.id} {tr.framework.version}), " \
        f"{len(tr.rounds)} rounds"
