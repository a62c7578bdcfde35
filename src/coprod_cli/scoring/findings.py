"""What a result says first, in every format: whether it was co-produced, the two voices a
whole level or more apart (and which sees it lower), co-production only in people's own
support, and areas that only one voice rated; and the level in plain words, saying when only
the weakest areas are at it."""

from __future__ import annotations

from fractions import Fraction

from coprod_cli.i18n import N_, _, ngettext
from coprod_cli.models import LEVEL_VALUES, Catalogue, Framework, LevelId
from coprod_cli.resultparts import DimensionResult
from coprod_cli.scoring.collective import Breakdown, Exact
from coprod_cli.tally import mean, rounded
from coprod_cli.voices import LIVED, OTHERS, Voice

# Every message here is in the reader's language (the result's JSON too): marked with N_ at
# import, shown with _() when the result is built, after the language is chosen.
NOT_CO_PRODUCED = N_(
    "Nobody with lived experience answered (people who draw on care and support, or carers): "
    "this assessment was not co-produced, so it gives no co-production level and meets no "
    "gate. The areas below are staff's view alone; score with --staff-only to mark a "
    "deliberate staff self-check")
STAFF_ONLY = N_(
    "Staff self-check (--staff-only): nobody with lived experience was asked, so this level is "
    "staff's own view, not a co-production level agreed with the people it is about")
OWN_SUPPORT = N_(
    "Co-production happens in people's own support (their own plans and support reach "
    "descriptive), but not yet in how the service is run: {areas} show little or none. The "
    "level is descriptive; the next steps are collective: roles, planning and a say over the "
    "service's money")


def of(framework: Framework, shown: Breakdown, flags: tuple[list[str], bool, bool]) -> list[str]:
    """The findings, most important first; `flags` are (the areas at not-yet when the level is
    descriptive through people's own support alone, lived experience missing, --staff-only).
    How each voice sees each area is the breakdown's (worked out once, for its figures)."""
    own, missing, staff_only = flags
    notes = [_(NOT_CO_PRODUCED)] if missing else []
    notes += [_(STAFF_ONLY)] if staff_only else []
    voices = shown.voice_scores  # each voice present, as it sees each area (exact)
    notes += voice_gaps(framework, voices, shown)
    if own:
        notes.append(_(OWN_SUPPORT).format(areas=_names(framework, own)))
    return notes + one_voice_areas(framework, voices)


def plain_headline(framework: Framework, catalogue: Catalogue, level: LevelId | None,
                   dimensions: list[DimensionResult]) -> str | None:
    """The overall level in plain words; where the weakest areas alone are at it and every
    other area is higher, it says so ("Networks is here; the other areas are higher."), so
    nobody reads the level as every area's. None without a level."""
    if level is None:
        return None
    words = catalogue.level(level).plain
    at = [d.id for d in dimensions if d.level == level]
    above = [d for d in dimensions if d.level and LEVEL_VALUES[d.level] > LEVEL_VALUES[level]]
    applying = [d for d in dimensions if not d.does_not_apply]
    if at and len(at) + len(above) == len(applying) and above:
        here = ngettext("{areas} is here; the other areas are higher.",
                        "{areas} are here; the other areas are higher.", len(at))
        words += " " + here.format(areas=_names(framework, at))
    return words


def _whole(areas: Exact) -> Fraction | None:
    return mean([v for v in areas.values() if v is not None])


def voice_gaps(framework: Framework, voices: dict[Voice, Exact], shown: Breakdown) -> list[str]:
    """'People with lived experience see ... a whole level or more lower than everyone else',
    with figures only when both voices may be shown."""
    if len(voices) < 2:
        return []
    lived, others = voices[LIVED], voices[OTHERS]
    # Figures only when nobody at all is held back: a voice's overall figure is exact, and
    # beside another report's it could give a held-back group inside it away.
    figures = {v.voice for v in shown.voices} == {LIVED, OTHERS} and not shown.held_back
    notes = []
    pairs: tuple[tuple[Voice, Voice], ...] = ((LIVED, OTHERS), (OTHERS, LIVED))
    for low, high in pairs:
        apart = [d.id for d in framework.dimensions if _apart(voices[low].get(d.id),
                                                              voices[high].get(d.id))]
        whole = _apart(_whole(voices[low]), _whole(voices[high]))
        if apart or whole:
            notes.append(_gap_sentence(framework, (low, high), apart, whole,
                                       (_whole(lived), _whole(others)) if figures else None))
    return notes or [_agreement(_whole(lived), _whole(others))]


def _agreement(lived: Fraction | None, others: Fraction | None) -> str:
    """The two voices within a level of each other, and which sees it lower, if either."""
    if lived is None or others is None or lived == others:
        return _("The two voices see it within a level of each other, overall and in every "
                 "area: no whole-level gap")
    if lived < others:
        return _("The two voices see it within a level of each other, overall and in every "
                 "area, people with lived experience a little lower: no whole-level gap")
    return _("The two voices see it within a level of each other, overall and in every area, "
             "everyone else a little lower: no whole-level gap")


def _apart(low: Fraction | None, high: Fraction | None) -> bool:
    return low is not None and high is not None and high - low >= 1


def _gap_sentence(framework: Framework, sides: tuple[Voice, Voice], apart: list[str], whole: bool,
                  figures: tuple[Fraction | None, Fraction | None] | None) -> str:
    low = sides[0]  # the other voice is the one that sees it higher
    where = _where(framework, apart, whole)
    shown = ""
    if figures and whole:
        shown = _(" (overall {lived} for people with lived experience, {others} for everyone "
                  "else)").format(lived=f"{rounded(figures[0]):.2f}",
                                  others=f"{rounded(figures[1]):.2f}")
    apart_ = _(APART[low]).format(where=where)
    return _("The two voices are a whole level or more apart: {apart}{figures}. The level does "
             "not rest on either side alone: each voice carries half").format(
        apart=apart_, figures=shown)


# Which voice sees it lower, whole sentences (the verbs agree with the voice).
APART = {LIVED: N_("People with lived experience see {where} lower than everyone else does"),
         OTHERS: N_("Everyone else sees {where} lower than people with lived experience do")}


def _where(framework: Framework, apart: list[str], whole: bool) -> str:
    """'the service as a whole and every area', 'Assets and Networks'..."""
    areas = _("every area") if len(apart) == len(framework.dimensions) else \
        _names(framework, apart)
    if not whole:
        return areas
    return _("the service as a whole and {areas}").format(areas=areas) if apart else \
        _("the service as a whole")


def one_voice_areas(framework: Framework, voices: dict[Voice, Exact]) -> list[str]:
    """Areas that only one of the two voices rated (everyone else in it was unsure)."""
    if len(voices) < 2:
        return []
    notes = []
    pairs: tuple[tuple[Voice, Voice], ...] = ((LIVED, OTHERS), (OTHERS, LIVED))
    for voice, other in pairs:
        alone = [d.id for d in framework.dimensions
                 if voices[voice].get(d.id) is None and voices[other].get(d.id) is not None]
        if alone:
            notes.append(_(ALONE[voice]).format(areas=_names(framework, alone)))
    return notes


ALONE = {LIVED: N_("Nobody in the voice of people with lived experience rated {areas} (every "
                    "answer was unsure): its figure is everyone else's view alone"),
         OTHERS: N_("Nobody in the voice of everyone else rated {areas} (every answer was "
                    "unsure): its figure is people with lived experience's view alone")}


def _names(framework: Framework, ids: list[str]) -> str:
    names = {d.id: d.name for d in framework.dimensions}
    listed = [names[i] for i in ids]
    return _(" and ").join(listed) if len(listed) < 3 else \
        ", ".join(listed[:-1]) + _(" and ") + listed[-1]
