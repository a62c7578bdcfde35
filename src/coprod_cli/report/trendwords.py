"""A trend's formats and the phrases they share: the headline, each figure with its band, each
change in words, the mix the figures are adjusted to and how the bands are made."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Protocol, cast

from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.report import lasting, phrases
from coprod_cli.trends import OVERALL, Change, Figure, Round, Trend

if TYPE_CHECKING:
    from coprod_cli.models import Catalogue
    from coprod_cli.report import Rendered, View
    from coprod_cli.report.chartstyle import Style


class TrendFormat(str, Enum):
    """`coprod trend --format`: a member's value names its module, report/trend_VALUE.py."""

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    csv = "csv"


class TrendRenderer(Protocol):
    def trend(self, tr: Trend, catalogue: Catalogue, view: View = ...) -> Rendered:
        """Progress across the rounds (a page marks `view.apart`'s texts with their language)."""


def renderer(fmt: TrendFormat) -> TrendRenderer:
    """The module for a format, imported only when asked for, as a result's renderer is (with
    the garbage collector off: the import of rich or jinja2 builds only what lasts)."""
    return cast("TrendRenderer", lasting(f"coprod_cli.report.trend_{fmt.value}"))


def score(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def band(figure: Figure) -> str:
    """'1.25 to 1.75', or 'not known'."""
    if figure.band_low is None or figure.band_high is None:
        return _("not known")
    return _("{low} to {high}").format(low=f"{figure.band_low:.2f}",
                                       high=f"{figure.band_high:.2f}")


def adjusted(figure: Figure) -> str:
    """'1.50 (band 1.25 to 1.75)'."""
    return _("{score} (band {band})").format(score=score(figure.adjusted_score),
                                              band=band(figure))


def compact(figure: Figure) -> str:
    """'1.50 (1.25-1.75)', for a narrow column."""
    if figure.band_low is None or figure.band_high is None:
        return score(figure.adjusted_score)
    return f"{score(figure.adjusted_score)} ({figure.band_low:.2f}-{figure.band_high:.2f})"


def people(rnd: Round) -> str:
    """'17 (6 + 11)': everyone, then each voice ('few' when a count is held back)."""
    voices = " + ".join(str(v.respondents) if v.respondents is not None else _("few")
                        for v in rnd.voices)
    return f"{rnd.respondents} ({voices})" if len(rnd.voices) > 1 else str(rnd.respondents)


def level(catalogue: Catalogue, found: str | None) -> str:
    return phrases.level_name(catalogue, found) if found else _("no level")


# A change's verdict in words (scoring/trend.py's WORDS), and the same when the rounded figures
# shown are equal (scoring/sharing.py's).
VERDICT_WORDS = {"real-rise": N_("a real rise"), "real-fall": N_("a real fall"),
                 "no-clear-change": N_("no clear change"), "not-known": N_("not known")}
WITHIN_HALF = {"real-rise": N_("a real rise (less than half a level: shared figures are rounded "
                               "down to the half level)"),
               "real-fall": N_("a real fall (less than half a level: shared figures are rounded "
                               "down to the half level)")}


def _figure(rnd: Round, area: str) -> Figure:
    return next(f for f in (rnd.overall, *rnd.areas) if f.area == area)


def change_words(tr: Trend, change: Change) -> str:
    """'a real rise (0.50 to 1.00)': the change's words, made again from its verdict and the
    rounds' figures in the reader's language (the same words as `change.words` in English)."""
    if change.change is None and change.verdict in WITHIN_HALF:
        return _(WITHIN_HALF[change.verdict])
    verdict = _(VERDICT_WORDS[change.verdict])
    if change.change is None:
        return verdict
    rounds = {r.label: r for r in tr.rounds}
    was = _figure(rounds[change.before], change.area).adjusted_score
    now = _figure(rounds[change.after], change.area).adjusted_score
    return _("{verdict} ({before} to {after})").format(verdict=verdict, before=f"{was:.2f}",
                                                       after=f"{now:.2f}")


def area_name(change: Change) -> str:
    """The area's name; 'Overall' in the reader's language."""
    return _("Overall") if change.area == OVERALL else change.name


def headline(tr: Trend) -> str:
    """The first to the last round, overall, in words."""
    first, last = tr.rounds[0], tr.rounds[-1]
    found = next(c for c in tr.changes if c.area == OVERALL and c.before == first.label
                 and c.after == last.label)
    return _("Overall, from {first} to {last}: {change}.").format(
        first=first.label, last=last.label, change=change_words(tr, found))


def change_line(tr: Trend, change: Change) -> str:
    return _("{area}, {before} to {after}: {change}").format(
        area=area_name(change), before=change.before, after=change.after,
        change=change_words(tr, change))


def overall_changes(tr: Trend) -> list[str]:
    return [change_line(tr, c) for c in tr.changes if c.area == OVERALL]


def area_changes(tr: Trend) -> list[str]:
    """The areas' real changes; the rest summed up in one line."""
    areas = [c for c in tr.changes if c.area != OVERALL]
    real = [change_line(tr, c) for c in areas if c.verdict in ("real-rise", "real-fall")]
    rest = _("Every other change in an area is no clear change.") if real else \
        _("No area shows a real change between any two rounds.")
    return [*real, rest]


def targets_title(tr: Trend) -> str:
    return _("Targets from the plan, in {round}").format(round=tr.rounds[-1].label)


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
            if first < len(tr.rounds) - 1:
                lines.append(_("{area}: reaches its target, {level} (since {round})").format(
                    area=area.name, level=aim, round=tr.rounds[first].label))
            else:
                lines.append(_("{area}: reaches its target, {level}").format(
                    area=area.name, level=aim))
        else:
            lines.append(_("{area}: below its target, {level} (now {now})").format(
                area=area.name, level=aim, now=level(catalogue, area.level)))
    return lines


def mix_line(tr: Trend) -> str:
    if not tr.mix:  # a shared trend (sharetrend.protect_trend)
        return _("Adjusted figures re-weight every round to one mix of roles, the rounds' "
                 "pooled mix (everyone who answered any round); a shared trend does not give "
                 "its shares, since beside the head counts they would say how many of each "
                 "role answered. Figures as answered are beside them.")
    shares = ", ".join(f"{s.name} {round(s.share * 100)}%" for s in tr.mix)
    return _("Adjusted figures re-weight every round to one mix of roles, the rounds' pooled "
             "mix (everyone who answered any round): {shares}. Figures as answered are beside "
             "them.").format(shares=shares)


VERDICTS = N_("A change is called real only when each round's adjusted score lies outside the "
              "other round's band; otherwise it is no clear change.")
# The two voices (voices.py's VOICE_NAMES), lower case inside a sentence.
VOICES = {"lived-experience": N_("people with lived experience"),
          "everyone-else": N_("everyone else")}


def verdicts() -> str:
    return _(VERDICTS)


def who_answered(rnd: Round) -> str:
    """'12 people (people with lived experience 5, everyone else 7)'."""
    voices = ", ".join(_("{voice} {count}").format(
        voice=_(VOICES[v.voice]) if v.voice in VOICES else v.name.lower(),
        count=v.respondents if v.respondents is not None else _("few")) for v in rnd.voices)
    count = ngettext("{count} person", "{count} people", rnd.respondents).format(
        count=rnd.respondents)
    return f"{count} ({voices})" if voices else count


def method(tr: Trend) -> str:
    """How the bands are made (scoring/bands.py's METHOD), in the reader's language."""
    from coprod_cli.scoring import bands

    if tr.method != bands.method(tr.fewest):
        return tr.method
    more = _(bands.SHARED_WORDS).format(fewest=tr.fewest) if tr.fewest > bands.FEWEST else ""
    return _(bands.METHOD_WORDS).format(resamples=f"{bands.RESAMPLES:,}", seed=bands.SEED,
                                        cut=bands.CUT, fewest=bands.FEWEST) + more


def round_notes(tr: Trend) -> list[str]:
    """Each round's notes and whether its bands are the whole scale, by round."""
    lines = [_("{round}: a voice had fewer than {fewest} people, so its bands are the whole "
               "scale (too few answered to tell a change from chance)").format(
                   round=r.label, fewest=tr.fewest) for r in tr.rounds if r.too_few]
    return lines + [f"{r.label}: {_(note)}" for r in tr.rounds for note in r.notes]


def warnings(tr: Trend) -> list[str]:
    """The trend's warnings, each in the reader's language where the catalogue has it."""
    return [_(line) for line in tr.warnings]


# A chart line's look in words (report/radar.py's STYLES), for its legend.
DASHES = {"solid line": N_("solid line"), "dashed line": N_("dashed line"),
          "dotted line": N_("dotted line"), "dash-dot line": N_("dash-dot line"),
          "long-dashed line": N_("long-dashed line"), "dash-dot-dot line": N_("dash-dot-dot line")}
MARKERS = {("circle", True): N_("circles"), ("square", True): N_("squares"),
           ("triangle", True): N_("triangles"), ("diamond", True): N_("diamonds"),
           ("circle", False): N_("open circles"), ("square", False): N_("open squares"),
           ("triangle", False): N_("open triangles"), ("diamond", False): N_("open diamonds")}


def legend(style: Style) -> str:
    """'solid line, circles': how a line of the chart looks."""
    dash = _(DASHES[style.dash_name]) if style.dash_name in DASHES else style.dash_name
    found = MARKERS.get((style.marker, style.filled))
    marks = _(found) if found else f"{'' if style.filled else 'open '}{style.marker}s"
    return _("{line}, {marks}").format(line=dash, marks=marks)


def title(tr: Trend) -> str:
    return ngettext("Trend: {name} ({id} {version}), {count} round",
                    "Trend: {name} ({id} {version}), {count} rounds", len(tr.rounds)).format(
        name=tr.framework.name, id=tr.framework.id, version=tr.framework.version,
        count=len(tr.rounds))
