"""Attacks on shared results (issue 24): a reader who holds two or more reports of nearly the
same people tries to work out a hidden group's figures or a person's answers.

coprod runs as a user runs it (the command line, in-process), and the attacks use only what
its outputs show: JSON fields, the Markdown tables, the HTML chart's coordinates. The set is
the collective example, where one commissioner and two carers are held back; the late file
is the commissioner's. Each attack is made twice:

- on `--private` outputs (exact figures, for the person who holds all the answers), to show
  that it is a real attack that gets somewhere;
- on the shareable outputs every command writes by default, where it must fail by the margin
  the README promises: per area, it gets a hidden figure within half a level no more often than
  a reader guesses it from one shared report alone (the bottom or the middle of the band of the
  overall figure, or of the voice that holds the target), and it recovers no single answer at
  all (no statement's figure is shown).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from statistics import median
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coprod_cli.cli import app
from tests.conftest import EXAMPLES

AUTUMN = EXAMPLES / "collective-autumn-2026"
VALUES = {"not-yet": 0, "descriptive": 1, "intermediate": 2, "transformative": 3}
HALF = 0.5
Json = dict[str, Any]
Estimate = dict[str, float | None]  # area (or statement) id -> what the attack worked out


def _coprod(*args: str, memory: str | None = None) -> str:
    """coprod's output; each report made as if on another machine (a memory of its own, so
    that only the rounding stands between the reader and the answers), unless `memory` names
    the folder of one that remembers what it shared."""
    memory = memory or tempfile.mkdtemp(prefix="coprod-state-")
    out = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "100",
                                                   "COPROD_STATE_DIR": memory})
    assert out.exit_code == 0, out.output
    return out.stdout


def _json(*args: str) -> Json:
    return json.loads(_coprod("score", *args, "-f", "json"))


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The full set (17), before the commissioner's late file (16), and a draft before that
    when one carer had not answered either (15)."""
    root = tmp_path_factory.mktemp("sets")
    shutil.copytree(AUTUMN, root / "after")
    shutil.copytree(AUTUMN, root / "before")
    (root / "before" / "commissioner-01.yaml").unlink()
    shutil.copytree(root / "before", root / "draft")
    (root / "draft" / "carer-02.yaml").unlink()
    return {name: str(root / name) for name in ("after", "before", "draft")}


def _answers(path: Path) -> dict[str, int]:
    data = yaml.safe_load(path.read_text())
    return {sid: VALUES[level] for sid, level in data["answers"].items() if level in VALUES}


def _area_of(answers: dict[str, int], area: str) -> float | None:
    found = [v for sid, v in answers.items() if sid.startswith(area + "-")]
    return float(median(found)) if found else None


@pytest.fixture(scope="module")
def truth(sets: dict[str, str]) -> dict[str, Any]:
    """What the attacker wants: each hidden group's figures per area (as coprod works them out,
    shown with --min-group 1 --private), and the commissioner's and carer 2's own answers."""
    full = _json(sets["after"], "--private", "--min-group", "1")
    roles = {r["role"]: r["dimensions"] for r in full["by_role"]}
    commissioner = _answers(AUTUMN / "commissioner-01.yaml")
    carer = _answers(AUTUMN / "carer-02.yaml")
    areas = [d["id"] for d in full["dimensions"]]
    return {"areas": areas, "commissioner": roles["commissioner"], "carer": roles["carer"],
            "commissioner answers": commissioner,
            "carer-02": {a: _area_of(carer, a) for a in areas}}


def _areas(res: Json) -> dict[str, float | None]:
    return {d["id"]: d["score"] for d in res["dimensions"]}


def _voice(res: Json, voice: str) -> dict[str, float | None] | None:
    return next((v["dimensions"] for v in res["by_voice"] if v["voice"] == voice), None)


def _role(res: Json, role: str) -> dict[str, float | None] | None:
    return next((r["dimensions"] for r in res["by_role"] if r["role"] == role), None)


def _combine(weights: list[tuple[float, dict[str, float | None] | None]]) -> Estimate:
    """sum(weight * figure) per key, None where any figure is missing."""
    keys = next(f for _, f in weights if f is not None).keys() if any(
        f is not None for _, f in weights) else []
    out: Estimate = {}
    for key in keys:
        parts = [(w, f.get(key) if f else None) for w, f in weights]
        out[key] = None if any(v is None for _, v in parts) else sum(w * v for w, v in parts)
    return out


def _hits(estimate: Estimate, target: dict[str, float | None]) -> int:
    """Areas (or answers) worked out closer than half a level."""
    return sum(1 for key, real in target.items() if real is not None
               and estimate.get(key) is not None and abs(estimate[key] - real) < HALF)


VOICE_OF = {"commissioner": "everyone-else", "carer": "lived-experience",
            "carer-02": "lived-experience"}


def _guesses(shared: Json, target: str) -> list[Estimate]:
    """What a reader guesses from one shared report: the bottom or the middle of the band of
    the overall figure, or of the voice that holds the target."""
    step = shared["band"] or 0.0
    figures = [_areas(shared), _voice(shared, VOICE_OF[target]) or {}]
    return [{key: None if v is None else v + lift for key, v in f.items()}
            for f in figures for lift in (0.0, step / 2)]


# --- the attacks: each takes a way to get outputs and returns estimates per target -----------

Get = Callable[..., Json]


def two_weightings(get: Get, sets: dict[str, str]) -> dict[str, Estimate]:
    """The default and --weighting role (and person) of one folder: two equations per voice.
    Everyone else = 8 practitioners + 3 managers + 1 commissioner; the voices under role
    weighting are the mean of the role centres."""
    default, role = get(sets["after"]), get(sets["after"], "--weighting", "role")
    everyone, lived = _voice(default, "everyone-else"), _voice(default, "lived-experience")
    practitioner = _role(default, "practitioner")
    everyone_r, lived_r = _voice(role, "everyone-else"), _voice(role, "lived-experience")
    if everyone_r is None or lived_r is None:  # no second equation: assume managers = staff
        return {"commissioner": _combine([(12, everyone), (-11, practitioner)]),
                "carer": dict(lived or {})}
    managers = _combine([(6, everyone), (-3.5, practitioner), (-1.5, everyone_r)])
    commissioner = _combine([(3, everyone_r), (-1, practitioner), (-1, managers)])
    drawing = _combine([(5, lived), (-4, lived_r)])
    return {"commissioner": commissioner, "carer": _combine([(2, lived_r), (-1, drawing)])}


def late_file_person(get: Get, sets: dict[str, str]) -> dict[str, Estimate]:
    """Heads counted before and after the commissioner's file: 17 x after - 16 x before."""
    after, before = (get(sets[s], "--weighting", "person") for s in ("after", "before"))
    statements = {s["id"]: s["score"] for s in after["statements"]}
    earlier = {s["id"]: s["score"] for s in before["statements"]}
    return {"commissioner": _combine([(17, _areas(after)), (-16, _areas(before))]),
            "commissioner answers": _combine([(17, statements), (-16, earlier)])}


def late_file_default(get: Get, sets: dict[str, str]) -> dict[str, Estimate]:
    """The default weighting before and after: everyone else's voice went from 11 to 12."""
    after, before = get(sets["after"]), get(sets["before"])
    voices = [_voice(after, "everyone-else"), _voice(before, "everyone-else")]
    if None in voices:  # from the overall: everyone else = 2 x overall - lived experience
        voices = [_combine([(2, _areas(r)), (-1, _voice(r, "lived-experience"))])
                  for r in (after, before)]
    return {"commissioner": _combine([(12, voices[0]), (-11, voices[1])])}


def three_reports(get: Get, sets: dict[str, str]) -> dict[str, Estimate]:
    """A draft (15), a second report (16, carer 2 in) and a final (17, the commissioner in)."""
    draft, before, after = (get(sets[s], "--weighting", "person")
                            for s in ("draft", "before", "after"))
    return {"commissioner": _combine([(17, _areas(after)), (-16, _areas(before))]),
            "carer-02": _combine([(16, _areas(before)), (-15, _areas(draft))])}


NETWORKS = ["networks-1", "networks-2", "networks-3", "networks-4"]


def what_if(get: Get, sets: dict[str, str]) -> dict[str, Estimate]:
    """--what-if on each networks statement, before and after: the figure each was answered at
    (from_score) and the area as it was."""
    asked = [a for sid in NETWORKS for a in ("--what-if", f"{sid}=transformative")]
    after, before = (get(sets[s], "--weighting", "person", *asked) for s in ("after", "before"))
    was = [{s["statement"]: s["from_score"] for s in r["what_if"]["statements"]}
           for r in (after, before)]
    areas = [{"networks": r["what_if"]["before_score"]} for r in (after, before)]
    return {"commissioner answers": _combine([(17, was[0]), (-16, was[1])]),
            "commissioner": _combine([(17, areas[0]), (-16, areas[1])])}


def compare(private: bool, sets: dict[str, str]) -> dict[str, Estimate]:
    """`coprod compare` of before and after, heads counted: both sides and the changes. A
    shared comparison of two sides one person apart is refused outright (exit 2)."""
    out = CliRunner().invoke(app, ["compare", sets["before"], sets["after"], "-f", "json",
                                   "--weighting", "person", *(["--private"] if private else [])],
                             env={"COPROD_STATE_DIR": tempfile.mkdtemp()})
    if not private:
        assert out.exit_code == 2 and out.stdout == ""
        return {"commissioner": {}}
    cmp = json.loads(out.stdout)
    after = {d["id"]: d["after_score"] for d in cmp["dimensions"]}
    change = {d["id"]: d["change"] for d in cmp["dimensions"]}
    return {"commissioner": _combine([(17, after), (-16, _combine([(1, after), (-1, change)]))])}


def _chart(page: str) -> dict[str, float]:
    """Each area's score read back from the first series' polygon in the HTML chart."""
    cx, cy, r = (float(v) for v in re.findall(
        r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', page)[-1])
    points = re.search(r'<polygon points="([^"]+)"', page)
    assert points
    pairs = [tuple(map(float, p.split(","))) for p in points.group(1).split()]
    ids = re.findall(r'<td class="num" data-dimension="([^"]+)"', page)[:len(pairs)]
    return {area: ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 / r * 3
            for area, (x, y) in zip(ids, pairs, strict=True)}


def html_chart(private: bool, sets: dict[str, str]) -> dict[str, Estimate]:
    """The late file, from the coordinates of the HTML charts alone."""
    flag = ["--private"] if private else []
    after, before = (_chart(_coprod("score", sets[s], "-f", "html", "--weighting", "person",
                                    *flag)) for s in ("after", "before"))
    return {"commissioner": _combine([(17, after), (-16, before)])}


def _markdown_areas(text: str) -> dict[str, float]:
    names = {"Assets": "assets", "Capacity": "capacity", "Mutuality": "mutuality",
             "Networks": "networks", "Shared roles": "shared-roles", "Catalysts": "catalysts"}
    rows = re.findall(r"^\| ([A-Za-z ]+) \| ([\d.]+) \|", text, re.MULTILINE)
    return {names[name]: float(score) for name, score in rows if name in names}


def markdown(private: bool, sets: dict[str, str]) -> dict[str, Estimate]:
    """The late file, from the Markdown tables alone."""
    flag = ["--private"] if private else []
    after, before = (_markdown_areas(_coprod("score", sets[s], "-f", "markdown", "--weighting",
                                             "person", *flag)) for s in ("after", "before"))
    return {"commissioner": _combine([(17, after), (-16, before)])}


JSON_ATTACKS = [two_weightings, late_file_person, late_file_default, three_reports, what_if]
OTHER_ATTACKS = [compare, html_chart, markdown]


def _run(attack: Callable[..., dict[str, Estimate]], private: bool,
         sets: dict[str, str]) -> dict[str, Estimate]:
    if attack in OTHER_ATTACKS:
        return attack(private, sets)
    flag = ["--private"] if private else []
    return attack(lambda *args: _json(*args, *flag), sets)


@pytest.mark.parametrize("attack", JSON_ATTACKS + OTHER_ATTACKS, ids=lambda a: a.__name__)
def test_shared_reports_give_no_hidden_figure_away(attack: Callable[..., Any],
                                                   sets: dict[str, str],
                                                   truth: dict[str, Any]) -> None:
    shared = _json(sets["after"])
    found = _run(attack, False, sets)
    for target, estimate in found.items():
        if target == "commissioner answers":  # single answers: none may be worked out at all
            assert _hits(estimate, truth[target]) == 0 and not any(
                v is not None for v in estimate.values()), (attack.__name__, estimate)
            continue
        got = _hits(estimate, truth[target])
        guessed = max(_hits(guess, truth[target]) for guess in _guesses(shared, target))
        assert got <= guessed, (f"{attack.__name__} works out {target} in {got} areas, a "
                                f"guess from one report in {guessed}", estimate, truth[target])


def test_the_attacks_are_real_on_exact_figures(sets: dict[str, str],
                                               truth: dict[str, Any]) -> None:
    """On --private outputs (exact, not to share) the same attacks do get answers out: the
    single answers of the commissioner in particular, which a shared report never gives."""
    answers = _run(late_file_person, True, sets)["commissioner answers"]
    assert _hits(answers, truth["commissioner answers"]) >= 5
    assert any(v is not None for v in _run(what_if, True, sets)["commissioner answers"].values())


def test_every_shared_figure_of_the_example_sits_on_the_half_level(sets: dict[str, str]) -> None:
    """What the attacks rest on, in every weighting and with a late file: no shared figure
    finer than half a level, no statement's figure, no voices under a second weighting."""
    for folder in sets.values():
        for weighting in ("partnership", "role", "person"):
            res = _json(folder, "--weighting", weighting)
            figures = [res["score"], *_areas(res).values(),
                       *(t["score"] for t in res["principles"] + res["scopes"]),
                       *(v for g in res["by_role"] + res["by_voice"]
                         for v in g["dimensions"].values())]
            assert res["band"] == HALF and not res["private"]
            assert all(f is None or (f * 2).is_integer() for f in figures), figures
            assert all(s["score"] is None for s in res["statements"])
            assert weighting == "partnership" or res["by_voice"] == []


def test_with_coprod_remembering_what_it_shared_the_late_file_is_not_shared_at_all(
        sets: dict[str, str], tmp_path: Path) -> None:
    """On one machine, the second report of the pair is refused (exit 2, one line): nothing
    to set side by side. The same set again, and a set many people apart, are shared."""
    memory = str(tmp_path / "state")
    _coprod("score", sets["before"], "-f", "json", memory=memory)
    _coprod("score", sets["before"], "-f", "json", "--weighting", "person", memory=memory)
    for late in (("score", sets["after"]), ("score", sets["draft"]),
                 ("compare", sets["before"], sets["after"])):
        out = CliRunner().invoke(app, [*late, "-f", "json"],
                                 env={"COPROD_STATE_DIR": memory})
        assert out.exit_code == 2 and out.stdout == "", out.output
        assert "differ by 1 person, fewer than --min-group 3" in out.stderr
        assert out.stderr.count("\n") == 1
    _coprod("score", str(EXAMPLES / "collective-spring-2026"), "-f", "json", memory=memory)


def _through(*args: str) -> list[Json]:
    return list(json.loads(_coprod("score", *args, "-f", "json"))["results"])


def test_two_frameworks_of_the_same_people_hold_back_the_same_groups_on_the_half_level(
        sets: dict[str, str]) -> None:
    """nef as answered and scie through the crosswalk, of the same 17 people: neither shows a
    group the other holds back (else the second would be a second equation about it), and
    every figure of both sits on the half level, no statement's figure shown."""
    for weighting in ("partnership", "role", "person"):
        nef, scie = _through(sets["after"], "--through", "nef,scie", "--weighting", weighting)
        held = [{h["group"] for h in res["held_back"]} for res in (nef, scie)]
        assert held[0] == held[1] and {"commissioner", "carer"} <= held[0]
        for res in (nef, scie):
            shown = {g.get("role") or g.get("voice") for g in res["by_role"] + res["by_voice"]}
            assert not shown & held[0]
            figures = [res["score"], *_areas(res).values(),
                       *(v for g in res["by_role"] + res["by_voice"]
                         for v in g["dimensions"].values())]
            assert res["band"] == HALF
            assert all(f is None or (f * 2).is_integer() for f in figures), figures
            assert all(s["score"] is None for s in res["statements"])


def test_the_late_file_through_a_crosswalk_gives_no_answer_away(sets: dict[str, str]) -> None:
    """A SCIE area that one NEF statement covers stands for that statement's figure: the late
    commissioner's file set against the report before it, each through the crosswalk and on a
    machine of its own, must not give the commissioner's answer to it."""
    single = {"culture": "mutuality-2", "review": "assets-4"}  # nef-to-scie's only mappings
    answers = _answers(AUTUMN / "commissioner-01.yaml")
    for weighting in ("partnership", "person"):
        after, before = (_through(sets[s], "--through", "scie", "--weighting", weighting)[0]
                         for s in ("after", "before"))
        estimate = _combine([(17, _areas(after)), (-16, _areas(before))])
        assert _hits({area: estimate[area] for area in single},
                     {area: answers[sid] for area, sid in single.items()}) == 0, estimate


def test_remembered_results_refuse_the_late_file_through_another_framework(
        sets: dict[str, str], tmp_path: Path) -> None:
    """nef shared before the commissioner's file; scie through the crosswalk after it is the
    same people but one, so it is refused on the same machine (exit 2, one line)."""
    memory = str(tmp_path / "state")
    _coprod("score", sets["before"], "-f", "json", memory=memory)
    out = CliRunner().invoke(app, ["score", sets["after"], "--through", "scie", "-f", "json"],
                             env={"COPROD_STATE_DIR": memory})
    assert out.exit_code == 2 and out.stdout == "", out.output
    assert "differ by 1 person, fewer than --min-group 3" in out.stderr


def test_a_trend_shares_every_round_on_the_half_level(sets: dict[str, str]) -> None:
    """Each round of a trend is a report: in every weighting, its figures (as answered,
    adjusted, and the band's ends) sit on the half level, and its verdicts are the exact ones."""
    for weighting in ("partnership", "role", "person"):
        args = ("trend", str(EXAMPLES / "collective-spring-2026"), sets["after"],
                "--weighting", weighting, "-f", "json")
        shared, exact = json.loads(_coprod(*args)), json.loads(_coprod(*args, "--private"))
        assert shared["band"] == HALF and not shared["private"] and exact["private"]
        figures = [f[key] for r in shared["rounds"] for f in (r["overall"], *r["areas"])
                   for key in ("score", "adjusted_score", "band_low", "band_high")]
        assert all(f is None or (f * 2).is_integer() for f in figures), figures
        assert [c["verdict"] for c in shared["changes"]] == \
            [c["verdict"] for c in exact["changes"]]
        assert any(f is not None and not (f * 2).is_integer()
                   for r in exact["rounds"] for f in (r["overall"]["score"],
                                                      *(a["score"] for a in r["areas"])))


def test_a_trend_is_refused_a_person_apart_from_itself_or_from_what_was_shared(
        sets: dict[str, str], tmp_path: Path) -> None:
    """A late file added to a round is the classic attack: two rounds one person apart, or a
    round one person apart from a result shared before, are refused with one line."""
    memory = str(tmp_path / "state")
    for args in (("trend", sets["before"], sets["after"]),
                 ("trend", str(EXAMPLES / "collective-spring-2026"), sets["draft"])):
        if args[2] == sets["draft"]:
            _coprod("score", sets["before"], "-f", "json", memory=memory)
        out = CliRunner().invoke(app, [*args, "-f", "json"], env={"COPROD_STATE_DIR": memory})
        assert out.exit_code == 2 and out.stdout == "", out.output
        assert "differ by 1 person, fewer than --min-group 3" in out.stderr
        assert out.stderr.count("\n") == 1
    private = CliRunner().invoke(app, ["trend", sets["before"], sets["after"], "--private",
                                       "-f", "json"], env={"COPROD_STATE_DIR": memory})
    assert private.exit_code == 0 and json.loads(private.stdout)["private"] is True
