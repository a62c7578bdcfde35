"""Attacks on the head counts a shared trend holds back. A trend gives each round's head count
exactly and each voice's only when both voices have --min-group people or more; it never gives
a role's. A reader who holds the trend sets the rest of what it shows beside those counts: the
mix the adjusted figures are re-weighted to (each role's share of everyone who answered any
round), the notes on which roles did not answer a round, and whether the mix changed.

Every split of a small first round among three roles is run through the command line, with a
second round whose split the reader is even told; every person of a round answers alike, so no
figure depends on the split and only what is said of people is tried. The reader's candidates
are the splits that coprod shows the same way. What the trend says of the first round in its
own lines (its head count, its voices when given, and its notes: which roles did not answer,
which were left as answered) and which roles answered it is the baseline, what a report of
that round alone says: a leak
is a count that the whole trend pins (its mix, its warnings, the other round) and that the
round's own lines do not.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from itertools import product
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coprod_cli.cli import app

EXAMPLES = Path(__file__).parent.parent / "examples"
ROLES = ("person-drawing-on-care", "carer", "practitioner")  # two lived-experience roles
STEPS = (2, 3)
FIRST_HEADS = (3, 4)
SECONDS = ((3, 0, 6), (2, 2, 4))  # the second round's split, known to the reader
Split = tuple[int, int, int]


def _coprod(*args: str) -> str:
    """coprod's output, each run with a memory of its own (as if on another machine)."""
    out = CliRunner().invoke(app, list(args), env={
        "NO_COLOR": "1", "COLUMNS": "100", "COPROD_STATE_DIR": tempfile.mkdtemp()})
    assert out.exit_code == 0, out.output
    return out.stdout


def _round(folder: Path, source: str, split: Split) -> Path:
    """A round of people who all give the same answers, so many of each role."""
    folder.mkdir(parents=True)
    text = (EXAMPLES / source).read_text(encoding="utf-8")
    number = 0
    for role, count in zip(ROLES, split, strict=True):
        for _ in range(count):
            (folder / f"p{number}.yaml").write_text(
                re.sub(r"(?m)^  role:.*$", f"  role: {role}", text, count=1), encoding="utf-8")
            number += 1
    return folder


def _splits(heads: int) -> Iterator[Split]:
    for person, carer in product(range(heads + 1), repeat=2):
        if person + carer <= heads:
            yield person, carer, heads - person - carer


def _view(res: dict[str, Any]) -> tuple[str, str, list[Any]]:
    """Everything the trend says (every figure too, which here never moves), what it says of
    the first round in that round's own lines, and that round's voices as shown."""
    first = res["rounds"][0]
    own = [first[key] for key in ("respondents", "voices", "too_few", "notes")]
    return json.dumps({key: value for key, value in res.items() if key != "tool_version"}), \
        json.dumps(own), first["voices"]


Views = dict[tuple[int, Split, Split], tuple[str, str, list[Any]]]


@pytest.fixture(scope="module")
def views() -> Views:
    """The shared trend of every first round, for each step and second round."""
    root = Path(tempfile.mkdtemp())
    found = {}
    for step, second, heads in product(STEPS, SECONDS, FIRST_HEADS):
        later = _round(root / f"{step}-{second}-{heads}", "nef-descriptive.yaml", second)
        for first in _splits(heads):
            earlier = _round(root / f"{step}-{second}-{first}", "nef-intermediate.yaml", first)
            res = json.loads(_coprod("trend", str(earlier), str(later), "-f", "json",
                                     "--min-group", str(step)))
            found[step, second, first] = _view(res)
    return found


def _roles(split: Split) -> set[int]:
    """Which roles answered a round: a report of it alone names them (a shared score names
    the roles it holds back), and the threat model takes a reader to know them."""
    return {role for role, count in enumerate(split) if count}


def trend_leaks(views: Views) -> dict[str, int]:
    """Counts the reader pins that the round's own lines do not: the first round's
    lived-experience voice when the trend holds it back (null), and a role under --min-group
    (but some)."""
    leaks = {"held-back voice": 0, "small role": 0}
    for (step, second, first), (seen, own, voices) in views.items():
        alike = [(f, v, o) for (s, r, f), (v, o, _) in views.items() if (s, r) == (step, second)
                 and sum(f) == sum(first)]
        same = [f for f, v, _ in alike if v == seen]
        base = [f for f, _, o in alike if o == own and _roles(f) == _roles(first)]
        if any(v["respondents"] is None for v in voices):
            lived = {f[0] + f[1] for f in same}
            leaks["held-back voice"] += len(lived) == 1 < len({f[0] + f[1] for f in base})
        for role, count in enumerate(first):
            if 0 < count < step:
                leaks["small role"] += len({f[role] for f in same}) == 1 < len(
                    {f[role] for f in base})
    return leaks


def test_a_shared_trend_pins_no_count_it_holds_back(views: Views) -> None:
    """The rule (sharetrend.protect_trend): a shared trend gives neither the mix's shares nor
    whether the mix changed. The shares, to two decimals of the pooled head count, gave each
    role's count over all rounds, so with the second round's the first's, held back or not;
    'the mix changed' said nothing when the first round's shares were the second's, which
    gave the first round's voices from the second's."""
    assert trend_leaks(views) == {"held-back voice": 0, "small role": 0}


def test_the_spring_and_autumn_trend_no_longer_gives_round_ones_voices() -> None:
    """privacy2's case: 'Carer 6%, ..., Person who draws on care and support 16%' of 32 people
    gave 5 people who draw on care over both rounds; autumn's lived-experience voice (5) and
    'Carer: did not answer this round' in spring gave spring's as 2, which the trend holds
    back. Shared, no format gives a share; --private and --min-group 1 still do."""
    rounds = [str(EXAMPLES / f"collective-{season}-2026") for season in ("spring", "autumn")]
    res = json.loads(_coprod("trend", *rounds, "-f", "json"))
    assert res["mix"] == [] and res["rounds"][0]["voices"][0]["respondents"] is None
    for fmt in ("text", "markdown", "html", "csv"):
        shown = " ".join(_coprod("trend", *rounds, "-f", fmt).split())
        assert not re.search(r"(Carer|Practitioner|Manager|support) \d+ ?%", shown), fmt
        assert "mix of roles changed" not in shown, fmt
    assert "a shared trend does not give its shares" in " ".join(
        _coprod("trend", *rounds).split())
    for exact in (["--private"], ["--min-group", "1"]):
        res = json.loads(_coprod("trend", *rounds, "-f", "json", *exact))
        shares = {s["role"]: s["share"] for s in res["mix"]}
        assert shares["person-drawing-on-care"] == 0.16 and shares["carer"] == 0.06
        assert "Carer 6%" in " ".join(_coprod("trend", *rounds, *exact).split())




BIG_STEPS = (7, 8)  # --min-group above bands.FEWEST (6)
BIG_HEADS = 13
BIG_SECOND = (8, 0, 8)  # both voices shown at either step


@pytest.fixture(scope="module")
def big_views() -> dict[tuple[int, int], dict[str, Any]]:
    """The shared trend of every split of a first round of 13 between two voices (people who
    draw on care, practitioners), at --min-group 7 and 8; everyone of a round answers alike."""
    root = Path(tempfile.mkdtemp())
    found = {}
    for step in BIG_STEPS:
        later = _round(root / f"{step}-later", "nef-descriptive.yaml", BIG_SECOND)
        for lived in range(1, BIG_HEADS):
            first = _round(root / f"{step}-{lived}", "nef-intermediate.yaml",
                           (lived, 0, BIG_HEADS - lived))
            found[step, lived] = json.loads(_coprod("trend", str(first), str(later), "-f",
                                                    "json", "--min-group", str(step)))
    return found


def band_leaks(views: dict[tuple[int, int], dict[str, Any]]) -> int:
    """First rounds whose smaller voice the trend pins to one count while it holds the voices
    back (null), though the round's head count and nulls leave several."""
    pinned = 0
    for (step, _lived), res in views.items():
        if res["rounds"][0]["voices"][0]["respondents"] is not None:
            continue
        seen = json.dumps({k: v for k, v in res.items() if k != "tool_version"})
        same = {min(n, BIG_HEADS - n) for (s, n), other in views.items() if s == step
                and json.dumps({k: v for k, v in other.items() if k != "tool_version"}) == seen}
        base = {min(n, BIG_HEADS - n) for (s, n), other in views.items() if s == step
                and other["rounds"][0]["voices"][0]["respondents"] is None}
        pinned += len(same) == 1 < len(base)
    return pinned


def test_a_band_never_says_how_many_a_held_back_voice_has(
        big_views: dict[tuple[int, int], dict[str, Any]]) -> None:
    """A round's band is the whole scale while a voice has fewer than `fewest` people (6). At
    --min-group 7 or more a voice of 6 was held back (null) beside a narrower band (and a
    verdict drawn from it), which said the smaller voice had exactly 6 (before: 4 of the 22
    rounds held back). A shared trend's fewest is --min-group when that is more (the band
    rule follows it), so a narrower band comes only with voices shown."""
    assert band_leaks(big_views) == 0
    res = big_views[7, 6]
    assert res["fewest"] == 7 and res["rounds"][0]["too_few"] is True
    assert "fewer than 6 people the band is the whole scale" in res["method"]
    assert "takes it instead (7)" in res["method"]


def test_a_private_trend_keeps_the_band_rule_of_six(tmp_path: Path) -> None:
    """--private (and --min-group 1) keep the method's 6, whatever --min-group."""
    first = _round(tmp_path / "first", "nef-intermediate.yaml", (6, 0, 7))
    later = _round(tmp_path / "later", "nef-descriptive.yaml", BIG_SECOND)
    for exact in (["--private", "--min-group", "7"], ["--min-group", "1"]):
        res = json.loads(_coprod("trend", str(first), str(later), "-f", "json", *exact))
        assert res["fewest"] == 6 and res["rounds"][0]["too_few"] is False, exact
        assert "fewer than 6 people the band is the whole scale" in res["method"]
        assert "instead" not in res["method"]


@pytest.fixture(scope="module")
def score_views() -> dict[tuple[int, Split], str]:
    """What a shared score of each first round alone says of who answered: the head count,
    each voice and role shown with its count, and each group held back with why."""
    root = Path(tempfile.mkdtemp())
    found = {}
    for step, heads in product(STEPS, FIRST_HEADS):
        for first in _splits(heads):
            res = json.loads(_coprod("score", str(_round(root / f"{step}-{first}",
                                                         "nef-intermediate.yaml", first)),
                                     "-f", "json", "--min-group", str(step)))
            found[step, first] = json.dumps([
                res["respondents"], [(v["voice"], v["respondents"]) for v in res["by_voice"]],
                [(r["role"], r["respondents"]) for r in res["by_role"]],
                sorted((g["group"], g["reason"]) for g in res["held_back"])])
    return found


def beyond_a_score(views: Views, scores: dict[tuple[int, Split], str]) -> dict[str, int]:
    """Counts under --min-group (a role's, or a held-back voice's) that the whole trend pins
    and a shared score of that round alone, with the roles that answered it, does not."""
    found = {"pinned by the trend": 0, "not by a score": 0}
    for (step, second, first), (seen, _own, voices) in views.items():
        same = [f for (s, r, f), (v, _, _) in views.items() if (s, r) == (step, second)
                and sum(f) == sum(first) and v == seen]
        told = [f for (s, f), v in scores.items() if s == step and sum(f) == sum(first)
                and _roles(f) == _roles(first) and v == scores[step, first]]
        counts = [(lambda f, i=i: f[i]) for i, n in enumerate(first) if 0 < n < step]
        if any(v["respondents"] is None for v in voices):
            counts.append(lambda f: f[0] + f[1])
        for count in counts:
            if len({count(f) for f in same}) == 1:
                found["pinned by the trend"] += 1
                found["not by a score"] += len({count(f) for f in told}) > 1
    return found


def test_a_shared_trend_says_no_more_of_who_answered_than_a_shared_score(
        views: Views, score_views: dict[tuple[int, Split], str]) -> None:
    """The threat model takes a reader to know the roles and the head counts; what a shared
    result holds back is what a group answered, and its count beyond what a shared score says
    (the voices and roles it shows, and which it holds back and why). A round's own lines in
    a trend (its head count, voices, notes on roles not re-weighted or absent) pin some small
    counts, 2 people who draw on care and 2 carers for 'lived experience 4' with no note at
    --min-group 3, but a shared score of that round pins each of them too (each role held back
    as under 3, the voice of 4 shown). Every count the whole trend pins, a score does."""
    found = beyond_a_score(views, score_views)
    assert found["not by a score"] == 0 and found["pinned by the trend"] > 0
