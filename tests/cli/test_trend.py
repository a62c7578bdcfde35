"""`coprod trend` as a user runs it: the README's four rounds in every format, labels, and one
clear line for each mistake."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest

from coprod_cli.report.trendwords import TrendFormat
from tests import welsh
from tests.conftest import EXAMPLES, Run

ROUNDS = sorted(str(p) for p in (EXAMPLES / "trend").iterdir())


def test_the_four_example_rounds_show_a_real_rise(run: Run) -> None:
    out = run("trend", *ROUNDS)
    assert out.exit_code == 0, out.stderr
    assert "Overall, from 2026-03-18 to 2026-12-09: a real rise" in out.stdout
    assert "no clear change" in out.stdout  # networks stayed where it was


@pytest.mark.parametrize("fmt", list(TrendFormat))
def test_every_format_is_written(run: Run, fmt: TrendFormat, tmp_path: Path) -> None:
    target = tmp_path / f"trend.{fmt.value}"
    out = run("trend", *ROUNDS, "--format", fmt.value, "-o", str(target))
    assert out.exit_code == 0, out.stderr
    assert "2026-12-09" in target.read_text(encoding="utf-8")


def test_json_follows_its_schema(run: Run) -> None:
    data = json.loads(run("trend", *ROUNDS, "--format", "json").stdout)
    jsonschema.Draft202012Validator(json.loads(run("schema", "trend").stdout)).validate(data)
    assert [r["label"] for r in data["rounds"]] == ["2026-03-18", "2026-06-17", "2026-09-16",
                                                   "2026-12-09"]


def test_csv_is_one_row_per_round_and_area(run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO(run("trend", *ROUNDS, "-f", "csv").stdout)))
    assert len(rows) == 4 * 7
    assert {r["area"] for r in rows} == {"overall", "assets", "capacity", "mutuality",
                                         "networks", "shared-roles", "catalysts"}


def test_labels_name_the_rounds(run: Run) -> None:
    out = run("trend", *ROUNDS[:2], "--label", "Spring", "--label", "Summer\x1b[2J")
    assert out.exit_code == 0, out.stderr
    assert "Overall, from Spring to Summer" in out.stdout
    assert "\x1b" not in out.stdout


def test_the_same_result_whatever_order_the_files_are_read(run: Run, tmp_path: Path) -> None:
    """A round read from a folder or from its files listed backwards scores the same."""
    first = sorted((EXAMPLES / "trend" / "2026-03-18").iterdir(), reverse=True)
    out = run("trend", ROUNDS[0], ROUNDS[1], "-f", "json")
    backwards = tmp_path / "r1"
    backwards.mkdir()
    for path in first:
        (backwards / f"z{path.name}").write_bytes(path.read_bytes())
    again = run("trend", str(backwards), ROUNDS[1], "-f", "json")
    assert json.loads(out.stdout)["rounds"] == json.loads(again.stdout)["rounds"]


@pytest.mark.parametrize(("args", "says"), [
    (["ONE"], "two or more rounds"),
    (["ONE", "TWO", "--label", "a"], "1 --label for 2 rounds"),
])
def test_mistakes_are_one_line_and_exit_2(run: Run, args: list[str], says: str) -> None:
    args = [ROUNDS[0] if a == "ONE" else ROUNDS[1] if a == "TWO" else a for a in args]
    out = run("trend", *args)
    assert out.exit_code == 2
    assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_rounds_of_two_frameworks_are_refused(run: Run) -> None:
    out = run("trend", ROUNDS[0], str(EXAMPLES / "scie-intermediate.yaml"))
    assert out.exit_code == 2
    assert "different frameworks" in out.stderr


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_private_says_it_is_not_to_be_shared(run: Run, fmt: str) -> None:
    """--private gives exact figures, and says so wherever a reader looks."""
    out = run("trend", *ROUNDS, "--private", "-f", fmt).stdout
    shared = run("trend", *ROUNDS, "-f", fmt).stdout
    if fmt == "text":
        assert all(line.startswith("NOT TO SHARE") for line in out.splitlines())
    else:
        assert "PRIVATE" in out and "PRIVATE" not in shared
    assert "0.96" in out and "0.96" not in shared  # the first round's exact adjusted score
    assert "rounded down to the half level" in shared


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_the_trend_credits_its_sources_as_every_result_does(run: Run, fmt: str) -> None:
    """NEF, SCIE and TLAP's ladder with the link TLAP asks for, in every format but CSV."""
    out = run("trend", *ROUNDS, "-f", fmt).stdout
    ladder = "thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-co-production/"
    assert ladder in out and "New Economics Foundation" in out
    if fmt == "json":
        data = json.loads(out)
        assert data["credit"] and any(s["url"] and ladder in s["url"] for s in data["sources"])


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_welsh_trend_has_no_english_words_of_coprods_own(run: Run, tmp_path: Path,
                                                           fmt: str) -> None:
    plan = tmp_path / "plan.yaml"
    assert run("plan", ROUNDS[0], "--lang", "cy", "-o", str(plan)).exit_code == 0
    assert "# cynllun coprod" in plan.read_text(encoding="utf-8")
    assert "# Nid yw'r testun Cymraeg hwn" in plan.read_text(encoding="utf-8")
    out = run("trend", *ROUNDS, "--plan", str(plan), "--lang", "cy", "-f", fmt)
    assert out.exit_code == 0, out.stderr
    shown = welsh.normal(out.stdout)
    for words in ("cynnydd go iawn", "Sut i ddarllen hwn", "Cynllun, wedi'i wirio yn erbyn",
                  "Wedi'i wneud", "ystod", "Nid yw'r testun Cymraeg hwn"):
        assert words in shown
    assert fmt == "html" or "Rhybudd: " in shown  # the page's warnings are under a heading
    modules = ["report/trendwords.py", "report/planwords.py", "scoring/bands.py",
               f"report/trend_{fmt}.py" if fmt != "html" else "report/templates/trend.html.j2"]
    assert welsh.english_left(out.stdout, *modules) == []


def test_english_trend_words_are_made_as_before(run: Run) -> None:
    """The change words are made again for the reader's language: in English, the same as the
    trend's own (in its JSON), shared and private."""
    from coprod_cli.plain import build
    from coprod_cli.report import trendwords
    from coprod_cli.trends import Trend

    for private in ((), ("--private",)):
        tr = build(Trend, json.loads(run("trend", *ROUNDS, "-f", "json", *private).stdout))
        assert [trendwords.change_words(tr, c) for c in tr.changes] == \
            [c.words for c in tr.changes]
