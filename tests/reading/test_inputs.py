"""Reading many respondents: folders, online-form CSV exports, stdin, odd files, the fast path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_cli.answers import ANSWER_WORDS, Answers
from coprod_cli.errors import CoprodError
from coprod_cli.questionnaire.answers_file import render_answers
from coprod_cli.reading import quickread, yamlio
from coprod_cli.reading.inputs import Respondents, expand
from coprod_cli.reading.loader import Document, Library, validated
from coprod_cli.scoring.engine import Ballot
from tests.conftest import EXAMPLES, Run

LIB = Library.builtin()
NEF = LIB.framework("nef")
IDS = [s.id for s in NEF.statements]
GRAMMAR = quickread.Grammar("nef", frozenset(IDS), frozenset(r.id for r in LIB.catalogue.roles))


def answers_yaml(level: str = "intermediate", role: str | None = "practitioner",
                 framework: str = "nef", **levels: str) -> str:
    fw = LIB.framework(framework)
    given = {s.id: levels.get(s.id.replace("-", "_"), level) for s in fw.statements}
    answers = validated(Answers, {"framework": framework, "respondent": {"role": role},
                                  "assessed_on": "2026-11-18", "answers": given})
    return render_answers(fw, LIB.catalogue, answers)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def csv_text(header: list[str], *rows: list[str], sep: str = ",") -> str:
    return "\n".join(sep.join(cells) for cells in (header, *rows)) + "\n"


def test_a_folder_stands_for_its_yaml_files_sorted_hidden_ones_left_out(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "C.YAML", "sub/c.yaml", ".hidden.yaml", ".git/d.yaml",
                 "notes.txt"):
        write(tmp_path, name, answers_yaml())
    found = [Path(name).relative_to(tmp_path).as_posix()
             for name in expand([str(tmp_path)], recursive=True).names]
    assert found == ["C.YAML", "a.yml", "b.yaml", "sub/c.yaml"]


def test_an_empty_folder_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("score", str(tmp_path))
    assert result.exit_code == 2
    assert "no answers files" in result.stderr


def test_a_folder_is_one_collective_assessment(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", answers_yaml("transformative", "carer"))
    write(tmp_path, "two.yaml", answers_yaml("descriptive", "manager"))
    data = json.loads(run("score", str(tmp_path), "--format", "json").stdout)
    assert data["respondents"] == 2
    assert data["score"] == 2.0


def test_another_framework_in_the_set_is_an_error_naming_the_odd_file(
        run: Run, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", answers_yaml())
    odd = write(tmp_path, "b.yaml", answers_yaml(framework="scie"))
    result = run("score", str(tmp_path))
    assert result.exit_code == 2
    assert str(odd) in result.stderr
    assert f"more than one framework: nef 1 ({tmp_path / 'a.yaml'}), scie 1 ({odd})" \
        in result.stderr


def test_a_bad_file_stops_the_run_with_its_located_error(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", answers_yaml())
    bad = write(tmp_path, "b.yaml", answers_yaml().replace("assets-2: intermediate",
                                                           "assets-2: intermedate"))
    result = run("score", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}:")
    assert "did you mean 'intermediate'" in result.stderr


def test_skip_invalid_reports_and_counts_every_skipped_file(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", answers_yaml())
    write(tmp_path, "b.yaml", "framework: nef\nanswers: [\n")
    write(tmp_path, "c.yaml", answers_yaml().replace("assets-1: intermediate", "assets-1:"))
    (tmp_path / "d.yaml").write_bytes(b"framework: nef\n\xff\xfe\n")
    result = run("score", str(tmp_path), "--skip-invalid", "--strict", "--format", "json")
    assert result.exit_code == 0
    assert [line.split(":")[0] for line in result.stderr.splitlines()[:3]] == ["skipped"] * 3
    for name in ("b.yaml", "c.yaml", "d.yaml"):
        assert name in result.stderr
    assert "Left out 3" in result.stderr
    data = json.loads(result.stdout)
    assert data["respondents"] == 1
    assert data["intake"]["skipped_because"] == {"invalid": 1, "incomplete": 1, "unreadable": 1}
    assert data["intake"]["read"] == 4 and data["intake"]["counted"] == 1
    assert any("3 of 4 answers files or form rows were left out" in w for w in data["warnings"])


def test_when_every_file_is_skipped_nothing_is_scored(run: Run, tmp_path: Path) -> None:
    write(tmp_path, "b.yaml", "framework: nef\nanswers: [\n")
    result = run("score", str(tmp_path), "--skip-invalid")
    assert result.exit_code == 2
    assert "none of the 1 file(s) could be scored" in result.stderr


def test_standard_input_is_one_respondent(run: Run, tmp_path: Path) -> None:
    other = write(tmp_path, "a.yaml", answers_yaml("transformative", "carer"))
    result = run("score", "-", str(other), "--format", "json",
                 input=answers_yaml("descriptive"))
    assert json.loads(result.stdout)["respondents"] == 2


# --- online-form CSV exports ---------------------------------------------------------------

def test_the_example_form_export_scores(run: Run) -> None:
    data = json.loads(run("score", str(EXAMPLES / "online-form.csv"), "-f", "json",
                          "--min-group", "1").stdout)
    assert data["respondents"] == 12
    assert data["assessed_on"] == "2026-11-20"
    assert {role["role"] for role in data["by_role"]} == {
        "person-drawing-on-care", "carer", "practitioner", "manager"}


def test_odd_headers_are_forgiven(run: Run, tmp_path: Path) -> None:
    header = ["\ufeffTimestamp", " What is your ROLE? ", "Email Address",
              *[f"{sid.upper().replace('-', '_')}: wording" if i % 2 else f" {sid} "
                for i, sid in enumerate(IDS)]]
    path = write(tmp_path, "form.csv", csv_text(
        header, ["2026-11-20 10:00", "Carer", "a@b.c", *["3"] * len(IDS)],
        ["", "", "", *["Descriptive"] * len(IDS)], ["", "", "", *[""] * len(IDS)]))
    data = json.loads(run("score", str(path), "-f", "json", "--min-group", "1").stdout)
    assert data["respondents"] == 2
    assert {r["role"]: r["respondents"] for r in data["by_role"]} == {"carer": 1, "other": 1}
    assert data["score"] == 2.0


def test_semicolons_are_read_as_separators(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "form.csv", csv_text(["role", *IDS], ["carer", *["2"] * len(IDS)],
                                                sep=";"))
    assert json.loads(run("score", str(path), "-f", "json").stdout)["level"] == "intermediate"


def test_an_unknown_column_is_ignored_with_a_suggestion_or_refused_when_strict(
        run: Run, tmp_path: Path) -> None:
    header = ["role", *IDS[:5], "asets-9", *IDS[5:]]
    row = ["carer", *["2"] * 5, "x", *["2"] * (len(IDS) - 5)]
    path = write(tmp_path, "form.csv", csv_text(header, row))
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0
    assert f"warning: {path}: ignored 1 column(s) that are not a statement, the role or a " \
        "date: 'asets-9' (G1) (did you mean 'assets-" in result.stderr
    strict = run("score", str(path), "--strict")
    assert strict.exit_code == 2
    assert f"error: {path}:1:7: column G1 'asets-9' is not a statement" in strict.stderr


def test_a_missing_statement_column_is_an_error(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "form.csv",
                 csv_text(["role", *IDS[1:]], ["carer", *["2"] * (len(IDS) - 1)]))
    result = run("score", str(path))
    assert result.exit_code == 2
    assert f"{path}:1:1: no column for 1 of 28 statements of 'nef': assets-1" in result.stderr


def test_a_blank_cell_is_counted_as_unsure_with_a_warning_never_dropping_the_person(
        run: Run, tmp_path: Path) -> None:
    cells = ["2"] * len(IDS)
    cells[3] = " "
    path = write(tmp_path, "form.csv", csv_text(["role", *IDS], ["carer", *["2"] * len(IDS)],
                                                ["manager", *cells]))
    result = run("score", str(path), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["respondents"] == 2
    assert f"warning: {path}: 1 blank answer(s) from 1 respondent(s) counted as unsure " \
        f"(the first at {path}:3:5 (E3))" in result.stderr


def test_a_bad_level_or_role_is_located(run: Run, tmp_path: Path) -> None:
    cells = ["2"] * len(IDS)
    cells[1] = "transformitive"
    path = write(tmp_path, "form.csv", csv_text(["role", *IDS], ["carer", *cells]))
    result = run("score", str(path))
    assert f"{path}:2:3: cell C2: 'assets-2': unknown level 'transformitive' (did you mean " \
        "'transformative'?)" in result.stderr
    path = write(tmp_path, "roles.csv", csv_text(["role", *IDS], ["carers", *["2"] * len(IDS)]))
    strict = run("score", str(path), "--strict").stderr
    assert f"{path}:2:1: cell A2: a role of the respondent's own, 'carers'" in strict
    assert "did you mean" not in strict  # a role is never guessed: a near one may be another voice


def test_a_csv_without_statement_columns_or_rows(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "other.csv", csv_text(["name", "email"], ["a", "b"]))
    assert "no column names a statement" in run("score", str(path)).stderr
    empty = write(tmp_path, "empty.csv", "")
    assert "the file is empty" in run("score", str(empty)).stderr
    header_only = write(tmp_path, "header.csv", csv_text(["role", *IDS]))
    assert "no responses to score, only a header row" in run("score", str(header_only)).stderr


def test_a_csv_in_neither_utf8_nor_windows_1252_says_how_to_export_it(
        run: Run, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(csv_text(["r\xf4le", *IDS]).encode("latin-1") + b"\x81")  # 0x81: neither
    result = run("score", str(path))
    assert result.exit_code == 2 and "CSV UTF-8" in result.stderr


# --- the fast path gives what the strict path gives, or stands aside -------------------------

def strict(text: str) -> Ballot | CoprodError:
    try:
        answers, _, carried = LIB.read_answers(Document.from_bytes(text.encode(), "x.yaml"))
    except CoprodError as error:
        return error
    return Ballot.of(answers, carried)


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("nef*.yaml"))
                         + sorted(EXAMPLES.rglob("collective-*/*.yaml")), ids=str)
def test_the_fast_path_reads_every_nef_example_as_the_strict_path_does(path: Path) -> None:
    """A file written for an earlier version of the framework is the strict path's: the fast
    path stands aside, and the strict one reads it through the migration map."""
    text = path.read_text(encoding="utf-8")
    fast, slow = quickread.read(text, GRAMMAR), strict(text)
    assert fast == slow or (fast is None and isinstance(slow, Ballot) and slow.carried)


LEVEL = st.sampled_from([*ANSWER_WORDS, 0, 1, 2, 3, None])
EVIDENCE = st.one_of(st.none(), st.text(min_size=1, max_size=30))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(LEVEL, EVIDENCE), min_size=len(IDS), max_size=len(IDS)),
       st.sampled_from([None, "carer", "manager"]))
def test_the_fast_path_agrees_with_the_strict_path_on_any_answers(
        values: list[tuple[object, str | None]], role: str | None) -> None:
    given_ = {sid: None if level is None else {"level": level, "evidence": evidence}
              for sid, (level, evidence) in zip(IDS, values, strict=True)}
    try:
        answers = validated(Answers, {"framework": "nef", "respondent": {"role": role},
                                      "answers": given_})
    except ValueError:
        return  # evidence that is only spaces: not a valid answers file to begin with
    text = render_answers(NEF, LIB.catalogue, answers)
    fast = quickread.read(text, GRAMMAR)
    assert fast is None or fast == strict(text)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=2000), st.sampled_from(
    ["", "x", " ", "\n", ":", "&a ", "*a", "- ", "{", "'", "\"", "!!str ", "1", "\t", "#"]))
def test_the_fast_path_never_accepts_what_the_strict_path_refuses(
        position: int, insert: str) -> None:
    text = answers_yaml()
    text = text[:position] + insert + text[position + len(insert) // 2:]
    fast = quickread.read(text, GRAMMAR)
    assert fast is None or fast == strict(text)


def test_the_first_plain_file_is_read_fast_too(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The file that sets the framework takes the fast reader as those after it do, so
    scoring one plain file never builds a validator."""
    path = write(tmp_path, "a.yaml", answers_yaml())
    expected = strict(path.read_text(encoding="utf-8"))
    monkeypatch.setattr(Library, "answers", lambda *_: pytest.fail("took the strict path"))
    stream = Respondents(LIB, expand([str(path)]))
    assert [ballot for _, ballot in stream] == [expected]
    assert stream.framework is not None and stream.framework.id == "nef"
    assert stream.first == str(path)


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=2000), st.sampled_from(
    ["", "x", " ", "\n", ":", "&a ", "*a", "- ", "{", "'", "\"", "!!str ", "1", "\t", "#"]))
def test_the_framework_a_file_names_is_seen_as_the_strict_path_sees_it(
        position: int, insert: str) -> None:
    text = answers_yaml(framework="scie")
    text = text[:position] + insert + text[position + len(insert) // 2:]
    named = quickread.framework_named(text)
    try:
        data = yamlio.parse(text, "x.yaml")
    except CoprodError:
        return  # then the fast reader stands aside too
    assert named is None or (isinstance(data, dict) and data.get("framework") == named)


def test_respondents_stream_one_at_a_time(tmp_path: Path) -> None:
    for number in range(3):
        write(tmp_path, f"{number}.yaml", answers_yaml())
    seen: list[str] = []
    stream = Respondents(LIB, expand([str(tmp_path)]), on_file=seen.append)
    for _name, ballot in stream:
        assert ballot.role == "practitioner"
        assert len(seen) < 3
    assert len(seen) == 3


def test_reading_many_respondents_is_core_code_without_typer_or_rich() -> None:
    import subprocess
    import sys

    code = ("import sys, coprod_cli.reading.inputs, coprod_cli.reading.formcsv\n"
            "import coprod_cli.reading.quickread\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'rich'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(("content", "message"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a binary file, not CSV text"),
    (b"", "the file is empty"),
    (b"assets-1\ncaf\xe9\x81\n", "the file is neither UTF-8 nor Windows-1252 text"),
], ids=["binary", "empty", "latin-1"])
def test_unreadable_csv_gets_one_clear_error(run: Run, tmp_path: Path, content: bytes,
                                             message: str) -> None:
    path = tmp_path / "form.csv"
    path.write_bytes(content)
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert message in result.stderr and "Traceback" not in result.stderr


@settings(max_examples=80)
@given(st.sampled_from(["Riverside", "Riverside Home Care", "123", "true", "2026-11-18",
                        "null", "~", "'quoted'", "a: b", "x #c", "é café", "1e3", "-",
                        "yes", "[a]", "R" * 201, "0x1F", ".inf"]))
def test_the_fast_path_reads_a_service_as_the_strict_path_does(service: str) -> None:
    lines = answers_yaml().splitlines(keepends=True)
    text = "".join(f"service: {service}\n" if line.startswith("service:") else line
                   for line in lines)
    assert f"service: {service}\n" in text
    fast = quickread.read(text, GRAMMAR)
    assert fast is None or fast == strict(text)
    if service == "Riverside Home Care":
        assert fast is not None and fast.service == service


def _score_json(*args: str) -> str:
    from typer.testing import CliRunner

    from coprod_cli.cli import app

    result = CliRunner().invoke(app, ["score", *args, "--format", "json", "--details"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


COLLECTIVE = sorted((EXAMPLES / "collective-autumn-2026").glob("*.yaml"))
EXPECTED_JSON = _score_json(*map(str, COLLECTIVE))


@settings(max_examples=6, deadline=None)
@given(st.permutations(COLLECTIVE))
def test_the_order_of_files_never_changes_a_figure(order: list[Path]) -> None:
    """Exact arithmetic: any order of the same people gives byte-identical JSON."""
    assert _score_json(*map(str, order)) == EXPECTED_JSON


FORM_LINES = (EXAMPLES / "online-form.csv").read_text(encoding="utf-8").splitlines(True)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(FORM_LINES[1:]))
def test_the_order_of_rows_never_changes_a_figure(rows: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        original, shuffled = Path(folder, "a.csv"), Path(folder, "b.csv")
        original.write_text("".join(FORM_LINES), encoding="utf-8")
        shuffled.write_text(FORM_LINES[0] + "".join(rows), encoding="utf-8")
        assert _score_json(str(shuffled)) == _score_json(str(original))
