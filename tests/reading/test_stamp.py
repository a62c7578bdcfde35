"""What a kept text was made from: any file of the package or of a library named changing
changes the stamp, and what Python writes as it runs does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coprod_cli import __version__
from coprod_cli.reading import stamp
from tests.conftest import EXAMPLES, Run


def test_the_stamp_names_every_file_of_the_package_and_of_each_library() -> None:
    made = stamp.made_from("jinja2").decode()
    lines = made.splitlines()
    assert lines[0] == __version__ and "reading/stamp.py" in made.replace(os.sep, "/")
    frameworks = lines[lines.index("coprod_cli.frameworks") + 1:lines.index("jinja2")]
    assert any(line.startswith("nef.yaml ") for line in frameworks)  # installed or checked out
    assert any(line.startswith("locale/cy/LC_MESSAGES/coprod.mo ") for line in lines)
    assert any(line.startswith("report/templates/questionnaire.js ") for line in lines)
    after = lines[lines.index("jinja2") + 1:]
    assert any(line.startswith("__init__.py ") for line in after)
    assert "__pycache__" not in made and made == stamp.made_from("jinja2").decode()


def test_a_file_changed_in_size_or_time_changes_the_stamp(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "__init__.py").write_text("VERSION = 1\n")
    (tmp_path / "lib" / "__pycache__").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    first = stamp.made_from("lib")
    (tmp_path / "lib" / "__pycache__" / "x.pyc").write_bytes(b"run")
    assert stamp.made_from("lib") == first  # Python's own writing is not a change
    (tmp_path / "lib" / "__init__.py").write_text("VERSION = 22\n")
    second = stamp.made_from("lib")
    assert second != first
    os.utime(tmp_path / "lib" / "__init__.py", ns=(1, 1))
    assert stamp.made_from("lib") != second


def test_a_library_that_is_not_there_is_named_with_no_files() -> None:
    assert stamp.made_from("no_such_library_here").endswith(b"\nno_such_library_here\n")


def test_a_file_that_cannot_be_read_changes_the_stamp_and_is_never_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken link in a library (or a file an upgrade removes as coprod looks) is named as
    unreadable: every command that keeps something in the cache still runs."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "__init__.py").write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = stamp.made_from("lib")
    (tmp_path / "lib" / "gone.txt").symlink_to(tmp_path / "nowhere")
    second = stamp.made_from("lib")
    assert second != first and b"gone.txt -" in second


def test_a_broken_link_in_a_library_leaves_form_and_score_working(
        run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "link").symlink_to(tmp_path / "nowhere")
    real = stamp._files

    def with_a_broken_link(folder: str, deep: bool) -> list[str]:  # as if in jinja2's folder
        return real(str(tmp_path / "broken"), deep) + real(folder, deep)

    monkeypatch.setattr(stamp, "_files", with_a_broken_link)
    for args in (["form", "nef", "-f", "html"], ["score", str(EXAMPLES / "nef-intermediate.yaml")]):
        done = run(*args)
        assert done.exit_code == 0, done.stderr
