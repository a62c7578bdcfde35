"""Attacks on the counts in shared results: a reader holds two shared reports of nearly the
same people (before and after one late reply, each made on another machine so that only what
the reports show stands in the way) and subtracts their counts of answers to learn how the late
person answered: how many 'unsure' and 'does not apply' answers they gave, and to which
statements they said 'does not apply'.

On `--private` output the subtraction gives every one of those answers exactly (the attack is
real). On shared output every count is rounded down to a multiple of --min-group
(scoring/sharing.py), so the difference of two totals is a multiple of --min-group and leaves at
least --min-group candidates for the late person's count, and a statement's 'does not apply'
shows only where one more answer takes a count across a step. The sets are random with a fixed
seed, so the test is the same on every run.

The same method (two shared reports a person apart, on other machines) is tried on every other
count a shared result shows beside the exact head count: how many answered in each language,
why files were left out, how many files name each service, how many were written for an
earlier version; and the plan check's counts are shown to follow from the levels alone.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coprod_cli.cli import app

STEP = 3  # --min-group's default
LEVELS = ["not-yet", "descriptive", "intermediate", "transformative"]
ROLES = ["person-drawing-on-care", "carer", "practitioner", "manager"]
TRIALS = 10


def _coprod(*args: str) -> str:
    """coprod's output, each report with a memory of its own (as if on another machine)."""
    out = CliRunner().invoke(app, list(args), env={
        "NO_COLOR": "1", "COLUMNS": "100", "COPROD_STATE_DIR": tempfile.mkdtemp()})
    assert out.exit_code == 0, out.output
    return out.stdout


@pytest.fixture(scope="module")
def statement_ids() -> list[str]:
    return re.findall(r"(?m)^  ([a-z-]+-\d+):", _coprod("template", "nef"))


def _answer(rng: random.Random, unsure: float, dna: float) -> str:
    roll = rng.random()
    if roll < unsure:
        return "unsure"
    if roll < unsure + dna:
        return "does-not-apply"
    return rng.choice(LEVELS)


def _twelve(tmp_path: Path, rng: random.Random, statement_ids: list[str]) -> tuple[Path, Path]:
    """A folder 'before' of twelve people answering this version, and where 'after' goes."""
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    for number in range(12):
        _person(before, f"p{number}", ROLES[number % len(ROLES)],
                {sid: _answer(rng, 0.1, 0.0) for sid in statement_ids})
    return before, after


def _person(folder: Path, name: str, role: str, answers: dict[str, str]) -> None:
    """An answers file; every other 'does not apply' with a reason of the person's own."""
    lines = ["framework: nef", "respondent:", f"  role: {role}", "answers:",
             *(f"  {sid}: {{level: {level}, reason: 'as {name} sees {sid}'}}"
               if level == "does-not-apply" and number % 2 else f"  {sid}: {level}"
               for number, (sid, level) in enumerate(answers.items()))]
    (folder / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _pair(rng: random.Random, ids: list[str], root: Path) -> tuple[Path, Path, dict[str, str]]:
    """A set of 8 to 20 people (before) and the same with one late reply (after)."""
    before, after = root / "before", root / "after"
    before.mkdir()
    after.mkdir()
    for number in range(rng.randint(8, 20)):
        answers = {sid: _answer(rng, 0.15, 0.1) for sid in ids}
        role = ROLES[number % len(ROLES)]
        for folder in (before, after):
            _person(folder, f"p{number}", role, answers)
    late = {sid: _answer(rng, 0.3, 0.3) for sid in ids}
    _person(after, "late", "commissioner", late)
    return before, after, late


def _json(folder: Path, *extra: str) -> dict[str, Any]:
    return json.loads(_coprod("score", str(folder), "-f", "json", *extra))


@pytest.fixture(scope="module")
def trials(statement_ids: list[str]) -> list[dict[str, Any]]:
    rng = random.Random(2026)
    found = []
    for _ in range(TRIALS):
        root = Path(tempfile.mkdtemp())
        before, after, late = _pair(rng, statement_ids, root)
        found.append({"late": late, **{
            f"{side}-{kind}": _json(folder, *(["--private"] if kind == "private" else []))
            for side, folder in (("before", before), ("after", after))
            for kind in ("private", "shared")}})
    return found


def _counts(res: dict[str, Any]) -> dict[str, int]:
    """Every count of answers a result holds."""
    return {"unsure": res["unsure_answers"], "dna": res["not_applying_answers"],
            **{s["id"]: s["not_applying"] for s in res["statements"]}}


def _truth(late: dict[str, str]) -> dict[str, int]:
    return {"unsure": sum(a == "unsure" for a in late.values()),
            "dna": sum(a == "does-not-apply" for a in late.values()),
            **{sid: int(a == "does-not-apply") for sid, a in late.items()}}


def _candidates(before: int, after: int, step: int, most: int) -> set[int]:
    """What the late person's count can be, given two counts each the bottom of a range of
    `step` (exact when step is 1)."""
    return {k for k in range(most + 1)
            if any(before <= c < before + step and after <= c + k < after + step
                   for c in range(before, before + step))}


def test_two_private_reports_give_the_late_persons_answers_away(
        trials: list[dict[str, Any]]) -> None:
    for trial in trials:
        before, after = _counts(trial["before-private"]), _counts(trial["after-private"])
        assert {key: after[key] - before[key] for key in after} == _truth(trial["late"])


def test_two_shared_reports_never_give_the_late_persons_counts(
        trials: list[dict[str, Any]]) -> None:
    for trial in trials:
        before, after = _counts(trial["before-shared"]), _counts(trial["after-shared"])
        truth = _truth(trial["late"])
        for key in ("unsure", "dna"):  # totals: never one candidate, and the truth is one
            assert before[key] % STEP == 0 and after[key] % STEP == 0
            options = _candidates(before[key], after[key], STEP, len(trial["late"]))
            assert truth[key] in options and len(options) >= STEP
        # No statement's count is there to subtract, as no statement's figure is.
        assert {before[sid] for sid in trial["late"]} == {after[sid] for sid in trial["late"]} \
            == {None}
        for res in (trial["before-shared"], trial["after-shared"]):
            assert "statement-counts" in res["withheld"]


def test_reasons_are_shown_only_where_min_group_people_said_it(
        trials: list[dict[str, Any]]) -> None:
    for trial in trials:
        for side in ("before", "after"):
            res = trial[f"{side}-shared"]
            assert res["band"] == 0.5 and res["min_group"] == STEP
            private = {s["id"]: s for s in trial[f"{side}-private"]["statements"]}
            for statement in res["statements"]:
                exact = private[statement["id"]]
                assert statement["reasons"] == (exact["reasons"] if exact["not_applying"] >= STEP
                                                else [])


def test_every_format_gives_counts_as_ranges(tmp_path: Path, statement_ids: list[str]) -> None:
    _before, after, _late = _pair(random.Random(7), statement_ids, tmp_path)
    exact = _json(after, "--private")
    shown = {fmt: _coprod("score", str(after), "-f", fmt, "--details")
             for fmt in ("text", "markdown", "html")}
    unsure = exact["unsure_answers"]
    low = unsure // STEP * STEP
    for fmt, out in shown.items():
        flat = " ".join(out.split())
        assert f"{low} to {low + STEP - 1} unsure answers" in flat, fmt
        assert not re.search(rf"\b{unsure} unsure answers", flat) or unsure == low, fmt
    private = " ".join(_coprod("score", str(after), "--private").split())
    assert f"{unsure} unsure answers" in private


# How many answered in each language: a split of the head count, which a report shows exactly.
# The reader knows the rule, the head count N and what the report says of languages; for every
# split of N people (English, Welsh) coprod is run once per --min-group, so the reader's
# candidates are exactly the splits that would have been shown the same way.
LANGUAGE_STEPS = (2, 3)
LANGUAGE_HEADS = range(2, 9)  # a second report holds one person more, so up to 9 are run


def _language_set(folder: Path, english: int, welsh: int) -> Path:
    """The same answers from each person, some saying they answered in Welsh."""
    folder.mkdir()
    source = (Path(__file__).parent.parent / "examples" / "nef-intermediate.yaml").read_text(
        encoding="utf-8")
    for number in range(english + welsh):
        text = source if number < english else source.replace(
            "\nanswers:", "\nlanguage: cy\nanswers:")
        (folder / f"p{number}.yaml").write_text(text, encoding="utf-8")
    return folder


def _language_view(root: Path, english: int, welsh: int, step: int) -> str:
    """What a shared result says of languages: its JSON fields and every Markdown line that
    names a language (the text and HTML say what the Markdown says)."""
    folder = _language_set(root / f"{english}-{welsh}-{step}", english, welsh)
    res = _json(folder, "--min-group", str(step))
    said = [line for line in _coprod("score", str(folder), "-f", "markdown", "--min-group",
                                     str(step)).splitlines()
            if re.search(r"English|Welsh|language", line)]
    return json.dumps([res["intake"]["languages"], res["intake"]["languages_withheld"], said])


@pytest.fixture(scope="module")
def language_views() -> dict[tuple[int, int, int], str]:
    """What a shared result shows for each head count and number answering in Welsh."""
    root = Path(tempfile.mkdtemp())
    return {(step, heads, welsh): _language_view(root, heads - welsh, welsh, step)
            for step in LANGUAGE_STEPS for heads in range(LANGUAGE_HEADS.start,
                                                        LANGUAGE_HEADS.stop + 1)
            for welsh in range(heads + 1)}


def _small(heads: int, welsh: int, step: int) -> bool:
    """Whether a split holds a language answered in by fewer than --min-group (but some)."""
    return any(0 < count < step for count in (welsh, heads - welsh))


def language_leaks(views: dict[tuple[int, int, int], str]) -> dict[str, int]:
    """What the reader recovers over every split: from one report, a count pinned to fewer
    than --min-group candidates, or a small language group for certain; from two reports a
    person apart, which language the late person answered in."""
    leaks = {"narrowed": 0, "small-for-certain": 0, "late-language": 0}
    for (step, heads, welsh), seen in views.items():
        if heads not in LANGUAGE_HEADS:
            continue
        alike = [c for c in range(heads + 1) if views[step, heads, c] == seen]
        leaks["narrowed"] += len(alike) < min(step, heads + 1)
        leaks["small-for-certain"] += heads >= step and all(_small(heads, c, step)
                                                            for c in alike)
        for late in (0, 1):  # the late person answered in English (0) or Welsh (1)
            after = views[step, heads + 1, welsh + late]
            ways = {way for c in alike for way in (0, 1)
                    if views[step, heads + 1, c + way] == after}
            leaks["late-language"] += ways != {0, 1}
    return leaks


def test_a_shared_result_never_gives_away_who_answered_in_which_language(
        language_views: dict[tuple[int, int, int], str]) -> None:
    """The rule (sharing._intake): a shared result gives no count per language at all. Shown
    in ranges beside the exact head count, 6 people '3 to 5' in each language were 3 and 3;
    held back only when a language was small, holding back said one was; and any rule that
    shows a split says, between two reports a person apart, which language the late person
    answered in whenever it moves."""
    assert language_leaks(language_views) == {
        "narrowed": 0, "small-for-certain": 0, "late-language": 0}


def test_a_private_result_gives_every_language_count(tmp_path: Path) -> None:
    folder = _language_set(tmp_path / "set", 4, 2)
    assert _json(folder, "--private")["intake"]["languages"] == {"en": 4, "cy": 2}
    assert "Answered 4 in English, 2 in Welsh." in _coprod("score", str(folder), "--private")


def _left_out_pair(root: Path, why: str) -> tuple[Path, Path]:
    """The autumn example (before), and the same with one late file left out (after): it
    leaves two statements blank (`incomplete` under --strict) or names a statement nef does
    not have (`invalid`)."""
    import shutil

    before, after = root / "before", root / f"after-{why}"
    if not before.exists():
        shutil.copytree(Path(__file__).parent.parent / "examples" / "collective-autumn-2026",
                        before)
    shutil.copytree(before, after)
    late = (before / "manager-01.yaml").read_text(encoding="utf-8")
    late = re.sub(r"(?m)^  (assets-[12]):.*$", r"  \1:", late) if why == "incomplete" else \
        late.replace("\nanswers:\n", "\nanswers:\n  nonsense-1: intermediate\n")
    (after / "late.yaml").write_text(late, encoding="utf-8")
    return before, after


def _left_out_view(folder: Path, *extra: str) -> list[Any]:
    """What a result says of who was left out: its JSON intake and withheld, and every
    sentence of the Markdown that says so."""
    args = ("--skip-invalid", "--strict", *extra)
    res = _json(folder, *args)
    said = [line for line in _coprod("score", str(folder), "-f", "markdown", *args).splitlines()
            if "left out" in line or "incomplete" in line or "invalid" in line]
    return [res["intake"], res["withheld"], said]


def test_two_shared_reports_never_say_why_the_late_person_was_left_out(tmp_path: Path) -> None:
    """Between two reports a person apart, the count left out moves by one; the reason
    beside it said why that person was left out, and 'incomplete' says they left statements
    unanswered, which a shared result says of nobody under --min-group (personnotes.py). So a
    shared result says how many were left out, never why; --private says why."""
    views = {why: _left_out_view(_left_out_pair(tmp_path, why)[1])
             for why in ("incomplete", "invalid")}
    assert views["incomplete"] == views["invalid"]
    intake, withheld, said = views["incomplete"]
    assert intake["skipped"] == 1 and intake["skipped_because"] == {}
    assert "skipped-reasons" in withheld
    assert said and all("1 of 18 answers files or form rows were left out" in line
                        for line in said)  # nobody dropped in silence
    exact = {why: _left_out_view(tmp_path / f"after-{why}", "--private")
             for why in ("incomplete", "invalid")}
    assert exact["incomplete"][0]["skipped_because"] == {"incomplete": 1}
    assert exact["invalid"][0]["skipped_because"] == {"invalid": 1}
    assert any("(1 incomplete)" in line for line in exact["incomplete"][2])


def test_show_names_says_of_who_was_left_out_what_its_json_says(tmp_path: Path) -> None:
    """--show-names names respondents (its file names make the result private, 0600), but its
    figures and JSON are those of a shared result, which says how many files were left out and
    not why, and names services without counts. Its warnings gave both ('1 incomplete',
    'Hillside' (4)) beside a JSON that held them back; now they say what the JSON says (why
    is told on standard error, as each file is left out)."""
    views = {why: _left_out_view(_left_out_pair(tmp_path, why)[1], "--show-names")
             for why in ("incomplete", "invalid")}
    assert views["incomplete"] == views["invalid"]
    intake, withheld, said = views["incomplete"]
    assert intake["skipped_because"] == {} and "skipped-reasons" in withheld
    assert said and all("1 of 18 answers files or form rows were left out" in line
                        for line in said)
    services = [w for w in _json(_services(tmp_path, 4), "--show-names")["warnings"]
                if "services" in w]
    assert len(services) == 1 and "'Hillside', 'Riverside'" in services[0]


def _services(root: Path, hillside: int) -> Path:
    """The autumn example, each file naming Riverside but `hillside` of them Hillside."""
    import shutil

    folder = root / f"hillside-{hillside}"
    shutil.copytree(Path(__file__).parent.parent / "examples" / "collective-autumn-2026", folder)
    for number, path in enumerate(sorted(folder.glob("*.yaml"))):
        name = "Hillside" if number < hillside else "Riverside"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "framework: nef\n", f"framework: nef\nservice: {name}\n", 1), encoding="utf-8")
    return folder


def test_two_shared_reports_never_say_which_service_the_late_person_named(
        tmp_path: Path) -> None:
    """Three files name Hillside, then a late fourth: a count per service moved by one and
    said which service that person named. Shared, the warning names the services only."""
    said = [[w for w in _json(_services(tmp_path, hillside))["warnings"] if "services" in w]
            for hillside in (3, 4)]
    assert said[0] == said[1] and len(said[0]) == 1
    assert "'Hillside', 'Riverside'" in said[0][0]
    exact = [w for w in _json(tmp_path / "hillside-4", "--private")["warnings"]
             if "services" in w]
    assert "'Hillside' (4), 'Riverside' (13)" in exact[0]


def test_two_shared_reports_never_say_the_late_person_answered_an_earlier_version(
        tmp_path: Path, statement_ids: list[str]) -> None:
    """Twelve people answer the current nef, then a late one (then a second) the autumn
    example's file for nef 2.0.0: the count of earlier-version files moved by one and said
    that the late person answered the old questions, so had no answer to the new ones; in a
    range of --min-group it still appeared, 0 to 'fewer than 3'. Shared, a version is
    mentioned only when --min-group files or more were written for it (in a range, as counts
    of answers are); whoever runs coprod is told on standard error; --private gives it."""
    import shutil

    before, late = _twelve(tmp_path, random.Random(11), statement_ids)
    old = Path(__file__).parent.parent / "examples" / "collective-autumn-2026"
    shutil.copytree(before, late)
    shutil.copy(old / "manager-01.yaml", late / "old-1.yaml")
    second, third = tmp_path / "second", tmp_path / "third"
    shutil.copytree(late, second)
    shutil.copy(old / "carer-01.yaml", second / "old-2.yaml")
    shutil.copytree(second, third)
    shutil.copy(old / "carer-02.yaml", third / "old-3.yaml")

    def view(folder: Path, *extra: str) -> list[Any]:
        res = _json(folder, *extra)
        return [[m["files"] for m in res["migrated"]],
                [w for w in res["warnings"] if "nef 2.0.0" in w]]

    shared = [view(folder) for folder in (before, late, second)]
    assert shared[0] == shared[1] == shared[2] == [[], []]
    told = CliRunner().invoke(app, ["score", str(late), "-f", "json"], env={
        "NO_COLOR": "1", "COPROD_STATE_DIR": tempfile.mkdtemp()})
    assert "nef 2.0.0" not in told.stdout
    assert "note, for you only (not in the shared result): 1 answers file(s) were written " \
        "for nef 2.0.0" in " ".join(told.stderr.split())
    assert [view(folder, "--private")[0] for folder in (before, late, second)] == [[], [1], [2]]
    many = view(third)
    assert many[0] == [3] and many[1][0].startswith(
        "3 to 5 answers file(s) were written for nef 2.0.0")
    page = _coprod("score", str(third), "-f", "html")
    assert page.count("3 to 5 answers file(s) were written for nef 2.0.0") == 1


def test_two_reports_never_say_which_earlier_statements_the_late_person_answered(
        tmp_path: Path, statement_ids: list[str]) -> None:
    """Three earlier-version files left mutuality-4 unanswered; the late earlier-version file
    answered it. The note on the migration map said which earlier statements were answered
    (it named mutuality-4 only after the late reply): who left a statement unanswered, which
    a shared result says only as a range. It names what the map does to any answer."""
    import shutil

    before, after = _twelve(tmp_path, random.Random(12), statement_ids)
    spring = Path(__file__).parent.parent / "examples" / "collective-spring-2026"
    old = spring / "manager-03.yaml"
    for number in (1, 2, 3):  # --min-group of them, so that a shared result mentions them
        text = (spring / f"manager-0{number}.yaml").read_text(encoding="utf-8")
        (before / f"old-{number}.yaml").write_text("".join(
            line for line in text.splitlines(keepends=True) if "mutuality-4:" not in line),
            encoding="utf-8")
    shutil.copytree(before, after)
    shutil.copy(old, after / "old-4.yaml")
    for extra in ((), ("--private",)):
        maps = [_json(folder, *extra)["migrated"][0]["through_map"] for folder in (before, after)]
        assert maps[0] == maps[1] and "mutuality-4" in maps[0]
    notes = [[w for w in _json(folder)["warnings"] if "nef 2.0.0" in w]
             for folder in (before, after)]
    assert notes[0] == notes[1] and "each answer to mutuality-4 counts for" in notes[0][0]


def test_a_shared_plan_check_says_nothing_the_shared_levels_do_not(
        tmp_path: Path, statement_ids: list[str]) -> None:
    """The plan check's counts (moves done, overdue, went backwards, moves nobody planned)
    are counts of statements: each follows from the plan, the round's date and a statement's
    level, which a shared result shows exactly by design. So two shared reports a person
    apart differ in the plan check only where they differ in a statement's level."""
    from coprod_cli.models import LEVEL_VALUES

    before, after, _late = _pair(random.Random(5), statement_ids, tmp_path)
    plan = tmp_path / "plan.yaml"
    _coprod("plan", str(before), "-o", str(plan))
    for folder in (before, after):
        res = _json(folder, "--plan", str(plan))
        assert res["band"] == 0.5
        levels = {s["id"]: s["level"] for s in res["statements"]}
        check = res["plan_check"]
        assert check["moves"]
        for move in check["moves"]:
            now = levels[move["statement"]]
            assert move["now"] == now
            value = -1 if now is None else LEVEL_VALUES[now]
            done = value >= LEVEL_VALUES[move["to"]]
            backwards = now is not None and value < LEVEL_VALUES[move["from_level"]]
            late = move["due"] < check["checked_on"]
            assert move["status"] == ("done" if done else "went-backwards" if backwards
                                      else "overdue" if late else "not-yet-due")
        for moved in check["unplanned"] + check["backwards"]:
            assert moved["now"] == levels[moved["statement"]]
