"""Framework files: every built-in one loads; every invalid one gets one located error."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_cli.errors import InvalidData
from coprod_cli.models import LEVEL_IDS, PIECE_IDS
from coprod_cli.reading.loader import Document, Library
from coprod_cli.reading.yamlio import MAX_BYTES
from tests.conftest import (
    DATA,
    FRAMEWORKS,
    ROOT,
    Run,
    modules_of_a_warm_run,
    pydantic_in,
    typer_imports_pydantic,
)

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
VALID = sorted((DATA / "valid").glob("*.yaml"))


def expected_message(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# expect: (.+)", first)
    assert match, f"{path.name} must start with '# expect: <message>'"
    return match.group(1)


def assert_one_located_error(result, path_text: str, message: str) -> None:
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith(f"error: {path_text}")
    assert message in lines[0]
    assert "; " in lines[0], "every error also says how to fix it"


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_file_gets_one_located_error(run: Run, path: Path) -> None:
    result = run("validate", str(path))
    assert_one_located_error(result, str(path), expected_message(path))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_file_validates(run: Run, path: Path) -> None:
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert f"{path}: ok" in result.stdout


def test_every_builtin_framework_loads() -> None:
    library = Library.builtin()
    assert set(library.ids) >= {"nef", "scie"}
    for framework in library.frameworks():
        for statement in framework.statements:
            assert all(statement.levels.at(level) for level in LEVEL_IDS)
            assert statement.plain and statement.text


def test_builtin_content_matches_the_sources() -> None:
    library = Library.builtin()
    nef, scie = library.framework("nef"), library.framework("scie")
    assert [d.id for d in nef.dimensions] == [
        "assets", "capacity", "mutuality", "networks", "shared-roles", "catalysts"]
    assert [d.id for d in scie.dimensions] == list(PIECE_IDS)
    per_piece = [sum(r.piece == p for r in library.catalogue.recommendations) for p in PIECE_IDS]
    assert per_piece == [3, 5, 7, 4]
    linked = {rec for s in scie.statements for rec in s.recommendations}
    assert linked == {r.id for r in library.catalogue.recommendations}
    lived = [r.id for r in library.catalogue.roles if r.lived_experience]
    assert lived == ["person-drawing-on-care", "carer"]
    for framework in (nef, scie):
        # 3.0.0 split double-barrelled statements: SCIE's structure and practice hold 12
        assert all(3 <= len(d.statements) <= 12 for d in framework.dimensions)
        assert framework.source.year


def test_builtin_data_is_found_from_any_directory(run: Run, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("show", "nef", "--format", "json").exit_code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "this is a binary file, not YAML text"),
        (b"id: caf\xe9\n", ":1:8: the file is not UTF-8 text"),
        (b"x" * (MAX_BYTES + 10), "the file is larger than 2 MiB"),
        (b"id: " + b"[" * 100_000 + b"]" * 100_000, ":1:54: the YAML is nested more than 50"),
        (b"- " * 60 + b"x\n", ":1:101: the YAML is nested more than 50 levels deep"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "huge", "deep-flow", "deep-block"],
)
def test_unreadable_file_gets_one_clear_error(run: Run, tmp_path: Path, content: bytes,
                                              message: str) -> None:
    path = tmp_path / "framework.yaml"
    path.write_bytes(content)
    assert_one_located_error(run("validate", str(path)), str(path), message)
    assert path.read_bytes() == content, "validation never changes a file"


def test_missing_file_and_folder(run: Run, tmp_path: Path) -> None:
    assert_one_located_error(run("validate", str(tmp_path / "nope.yaml")),
                             str(tmp_path / "nope.yaml"), "file not found")
    assert_one_located_error(run("show", "nef", "--framework", str(tmp_path)),
                             str(tmp_path), "is a directory")


def test_alias_bomb_is_refused_before_it_expands() -> None:
    # Expanded, this file would hold 9**9 strings; it is refused at the first alias.
    with pytest.raises(InvalidData, match="aliases"):
        Document.read(DATA / "invalid" / "alias-bomb.yaml")


def test_builtin_frameworks_validate_with_validate_command(run: Run) -> None:
    result = run("validate", str(FRAMEWORKS))
    assert result.exit_code == 0, result.stderr
    assert "catalogue, 19 recommendations" in result.stdout


def test_validate_reports_every_bad_file_and_exits_2(run: Run) -> None:
    result = run("validate", str(VALID[0]), str(INVALID[0]), str(INVALID[1]))
    assert result.exit_code == 2
    assert result.stdout.count(": ok") == 1
    assert "2 of 3 files have problems" in result.stderr


def test_framework_from_stdin(run: Run) -> None:
    result = run("validate", "-", input=VALID[0].read_bytes())
    assert result.exit_code == 0
    assert "-: ok (framework 'minimal'" in result.stdout


def test_builtin_frameworks_are_cached_and_a_damaged_cache_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path))
    first = Library.builtin().framework("nef")
    cached = sorted(p.name for p in tmp_path.iterdir())
    assert any(name.startswith("nef.yaml-") for name in cached)
    assert any(name.startswith("core.yaml-") for name in cached)
    assert Library.builtin().framework("nef") == first
    for damage in ("{not json", "", "null", "[]", "{}", '"text"', '{"id": 1}', "\udcff",
                   "[" * 100_000 + "]" * 100_000):
        for path in tmp_path.iterdir():
            path.write_text(damage, errors="surrogateescape")
        assert Library.builtin().framework("nef") == first, damage


@pytest.mark.skipif(typer_imports_pydantic(), reason="the installed typer (0.29 or later) "
                    "imports pydantic for every option it parses: nothing coprod can avoid")
@pytest.mark.parametrize("options", [[], ["--format", "json"]], ids=["text", "json"])
def test_scoring_from_the_cache_imports_no_pydantic(tmp_path: Path, options: list[str]) -> None:
    """Start-up: the built-in frameworks' cache was validated when written and a plain answers
    file takes the fast reader, so `coprod score` of one never imports pydantic."""
    modules = modules_of_a_warm_run(["score", "examples/nef-descriptive.yaml", *options],
                                    tmp_path)
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["core.yaml", "nef.yaml"]
    assert "coprod_cli.scoring.engine" in modules  # it did score
    assert pydantic_in(modules) == [], ("find what imports pydantic with python -X "
                                        "importtime; only the trust boundary "
                                        "(reading/loader.py, on a cache miss) may")


def test_the_built_in_frameworks_load_from_a_zipped_package_too(tmp_path: Path) -> None:
    """On disk the folder is found from the package's path; inside a zip file (a zipapp, a
    zipped distribution) importlib.resources reads it, with the same result."""
    import zipfile

    archive = tmp_path / "coprod.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in (ROOT / "src" / "coprod_cli").rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zipped.write(path, path.relative_to(ROOT / "src"))
        for path in FRAMEWORKS.iterdir():
            if path.suffix in (".yaml", ".py"):
                zipped.write(path, f"coprod_cli/frameworks/{path.name}")
    code = ("import coprod_cli\nfrom coprod_cli.reading.loader import Library, builtin_folder\n"
            "assert coprod_cli.__file__.startswith(sys.argv[1]), coprod_cli.__file__\n"
            "print(type(builtin_folder()).__module__.split('.')[0],\n"
            "      sorted(Library.builtin().ids),\n"
            "      len(Library.builtin().framework('scie').statements))")
    env = {**os.environ, "PYTHONPATH": str(archive), "COPROD_NO_CACHE": "1"}
    out = subprocess.run([sys.executable, "-c", "import sys\n" + code, str(archive)],
                         capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    expected = len(Library.builtin().framework("scie").statements)
    ids = sorted(Library.builtin().ids)
    assert {"ladder", "nef", "scie"} <= set(ids)
    assert out.stdout.split(maxsplit=1) == ["zipfile", f"{ids} {expected}\n"]


def test_two_framework_files_with_one_id_are_refused(run: Run, tmp_path: Path) -> None:
    """The second would stand in for the first in silence; the same file twice is harmless."""
    text = (DATA / "valid" / "minimal-framework.yaml").read_text(encoding="utf-8")
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("A minimal framework", "Another"), encoding="utf-8")
    for args in (["frameworks"], ["show", "minimal"]):
        result = run(*args, "-F", str(first), "-F", str(second))
        assert result.exit_code == 2 and result.stderr == (
            f"error: {second}:2:5: framework id 'minimal' is also the id of {first}, given "
            "with --framework before it; give each framework its own id, or leave one of "
            "them out\n")
    assert run("frameworks", "-F", str(first), "-F", str(tmp_path / "." / "first.yaml")
               ).exit_code == 0
