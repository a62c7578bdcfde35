"""Templates compiled by the build, never by a run into a folder another account could write."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from coprod_cli.report import html, templating
from tests.builders import CATALOGUE, result_for
from tests.conftest import EXAMPLES, ROOT

RESULT = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 3, "beta-2": 3, "beta-3": 2})


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Templates compiled as the build compiles them, in a folder the renderer then uses."""
    folder = tmp_path / "compiled"
    templating.compile_into(folder)
    monkeypatch.setattr(templating, "COMPILED", folder)
    html.environment.cache_clear()
    yield folder
    html.environment.cache_clear()


def test_a_page_from_the_compiled_templates_is_the_page_from_their_source(
        compiled: Path) -> None:
    from_build = html.result(RESULT, CATALOGUE)
    assert type(html.environment().loader).__name__ == "ModuleLoader"
    (compiled / templating.STAMP).unlink()
    html.environment.cache_clear()
    from_source = html.result(RESULT, CATALOGUE)
    assert type(html.environment().loader).__name__ == "PackageLoader"
    assert from_build == from_source and "<html" in from_build


@pytest.mark.parametrize("changed", ["jinja2", "templates"])
def test_templates_compiled_from_anything_else_are_not_used(compiled: Path, changed: str) -> None:
    """Another jinja2 release, or edited templates or settings: compiled afresh from source."""
    stamp = compiled / templating.STAMP
    stamp.write_text(json.dumps({**json.loads(stamp.read_text()), changed: "other"}))
    assert not templating.is_current(compiled)
    assert type(html.environment().loader).__name__ == "PackageLoader"


def test_a_damaged_stamp_means_compiling_from_source(compiled: Path) -> None:
    (compiled / templating.STAMP).write_bytes(b"\xff{")
    assert not templating.is_current(compiled)


def test_an_html_report_keeps_no_compiled_templates_in_the_cache_folder(tmp_path: Path) -> None:
    """Code kept in a user's cache folder could be planted there by another account."""
    env = {**os.environ, "COPROD_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "coprod_cli", "score",
               str(EXAMPLES / "nef-descriptive.yaml"), "--format", "html"]
    page = subprocess.run(command, capture_output=True, check=True, env=env).stdout
    assert b"<html" in page
    assert all(path.suffix == ".json" for path in tmp_path.iterdir())


def test_the_build_compiles_the_templates_into_the_package(tmp_path: Path) -> None:
    """setup.py's step: what `pip install .` installs beside the templates."""
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
                   cwd=ROOT, capture_output=True, check=True)
    assert templating.is_current(tmp_path / "coprod_cli" / "report" / "compiled")
