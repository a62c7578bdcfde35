"""How sure a round's figures are: a 95% band from resampling its respondents (a bootstrap
with a fixed seed, so the same answers always give the same band), the whole scale when a
voice is too small for any band to mean something."""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple

from coprod_cli.i18n import N_
from coprod_cli.models import LEVEL_IDS, Framework
from coprod_cli.scoring import fastbands, mix
from coprod_cli.scoring.level import area_scores
from coprod_cli.tally import mean

RESAMPLES = 1000
SEED = 27
CUT = 25  # resamples left out at each end: the middle 950 of 1,000 are the 95% band
# With five people or fewer, all of them lie on one side of their own centre more than 5% of
# the time (2 x 0.5^5 = 6%), so no 95% band can be drawn from their answers (the sign test).
FEWEST = 6
WHOLE = (Fraction(0), Fraction(len(LEVEL_IDS) - 1))

METHOD_WORDS = N_("Each band is a 95% bootstrap band: the round's respondents are drawn again "
                  "at random, with replacement and within their own role, {resamples} times "
                  "(seed {seed}, so the same answers always give the same band), each draw "
                  "scored as the round is (adjusted), and the lowest and highest {cut} results "
                  "left out. When a voice has fewer than {fewest} people the band is the whole "
                  "scale, 0 to 3: with so few, no 95% band can be drawn (all of them fall on one "
                  "side of their own centre more than 5% of the time).")

SHARED_WORDS = N_(" A shared trend with a larger --min-group takes it instead ({fewest}): a "
                  "narrower band would say how many people a held-back voice has.")


def method(fewest: int = FEWEST) -> str:
    """How the bands are made, in words, for a trend whose voices need `fewest` people."""
    return METHOD_WORDS.format(resamples=f"{RESAMPLES:,}", seed=SEED, cut=CUT, fewest=FEWEST) \
        + (SHARED_WORDS.format(fewest=fewest) if fewest > FEWEST else "")


METHOD = method()


def fewest_for(min_group: int, private: bool) -> int:
    """The fewest people a voice needs for a band narrower than the whole scale: FEWEST, or
    in a shared trend --min-group when that is more. A narrower band says every voice has
    `fewest` people or more; beside voices held back (one under --min-group) a FEWEST of 6
    said at --min-group 7 or more that the small voice had exactly 6."""
    return FEWEST if private or min_group < 2 else max(FEWEST, min_group)

Band = tuple[Fraction, Fraction]
People = Sequence[tuple[str, bytes]]


class Bands(NamedTuple):
    """A round's bands: overall and per dimension id (None where no draw gave a score)."""

    overall: Band | None
    areas: dict[str, Band | None]


def whole_scale(framework: Framework) -> Bands:
    return Bands(WHOLE, {d.id: WHOLE for d in framework.dimensions})


def bands(framework: Framework, people: People, groups: list[list[str]],
          per_person: Mapping[str, int], absent: Collection[str] = ()) -> Bands:
    """Each figure's band from RESAMPLES draws of the round's people, within each role; the
    areas `absent` (they do not apply to the service) have none and no part in the whole."""
    by_role: dict[str, list[bytes]] = {}
    for role, answers in people:
        by_role.setdefault(role, []).append(answers)
    for kept in by_role.values():
        kept.sort()  # so the order the files came in never changes a band
    lightest = fastbands.lightest(groups, per_person)
    bits = fastbands.width(by_role, groups, lightest)
    if bits:
        return _quickly(framework, by_role, groups, lightest, absent, bits)
    return _slowly(framework, by_role, groups, per_person, absent)


def _quickly(framework: Framework, by_role: dict[str, list[bytes]], groups: list[list[str]],
             per_person: Mapping[str, int], absent: Collection[str], bits: int) -> Bands:
    """The same bands as `_slowly`, in whole numbers (scoring/fastbands.py)."""
    found, scale = fastbands.draws(framework, by_role, groups, per_person, absent, SEED,
                                   RESAMPLES, bits)
    areas = sum(d.id not in absent for d in framework.dimensions)
    return Bands(fastbands.band(found.pop(""), scale * max(areas, 1), RESAMPLES, CUT),
                 {d: fastbands.band(f, scale, RESAMPLES, CUT) for d, f in found.items()})


def _slowly(framework: Framework, by_role: dict[str, list[bytes]], groups: list[list[str]],
            per_person: Mapping[str, int], absent: Collection[str]) -> Bands:
    """Each draw scored as the round is, in fractions: for more pools than `_quickly` takes,
    and what its tests hold it to."""
    rng = random.Random(SEED)
    ids = [s.id for s in framework.statements]
    drawn: dict[str, list[Fraction]] = {d.id: [] for d in framework.dimensions}
    overall: list[Fraction] = []
    for _ in range(RESAMPLES):
        counts = {role: _histograms(ids, _draw(rng, answers))
                  for role, answers in sorted(by_role.items())}
        areas = {area: value for area, value in area_scores(
            framework, mix.values(framework, counts, groups, per_person)).items()
            if area not in absent}
        for dimension, value in areas.items():
            if value is not None:
                drawn[dimension].append(value)
        whole = mean([v for v in areas.values() if v is not None])
        if whole is not None and len(areas) == sum(v is not None for v in areas.values()):
            overall.append(whole)
    return Bands(_band(overall), {dimension: _band(found) for dimension, found in drawn.items()})


def _draw(rng: random.Random, answers: list[bytes]) -> list[bytes]:
    """As many people as the role has, each drawn at random (floor of random() times n, the
    same on every Python)."""
    size = len(answers)
    return [answers[int(rng.random() * size)] for _ in range(size)]


def _histograms(ids: list[str], answers: list[bytes]) -> dict[str, list[int]]:
    counts = [[0] * (len(LEVEL_IDS) + 2) for _ in ids]  # and unsure, does not apply
    for row in answers:
        for index, value in enumerate(row):
            counts[index][value] += 1
    return {sid: found[:len(LEVEL_IDS)] for sid, found in zip(ids, counts, strict=True)}


def _band(found: list[Fraction]) -> Band | None:
    """The middle 95% of the draws that gave a score."""
    if not found:
        return None
    found.sort()
    cut = CUT * len(found) // RESAMPLES
    return found[cut], found[len(found) - 1 - cut]
