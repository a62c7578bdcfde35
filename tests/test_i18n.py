"""coprod's own words in Welsh: the catalogue holds every message the code marks, each one
translated with the same placeholders, the compiled .mo is the .po as it is now, and it ships
in the wheel; English loads nothing of gettext."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coprod_cli import i18n
from coprod_cli.languages import LANGUAGES
from tests.conftest import ROOT, Run

babel = pytest.importorskip("babel")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.mofile import write_mo  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

LOCALE = ROOT / "src" / "coprod_cli" / "locale"
PO = LOCALE / "cy" / "LC_MESSAGES" / "coprod.po"
MO = PO.with_suffix(".mo")


@pytest.fixture
def welsh() -> Iterator[None]:
    i18n.use("cy")
    yield
    i18n.use("en")


def marked() -> set[str]:
    """Every message the code marks, as `pybabel extract -F babel.cfg` finds them."""
    methods = [("**.py", "python"), ("report/templates/**.j2", "jinja2")]
    found = extract_from_dir(str(ROOT / "src" / "coprod_cli"), methods,
                             keywords={"_": None, "N_": None, "ngettext": (1, 2)})
    return {message if isinstance(message, str) else message[0]
            for _file, _line, message, _comments, _context in found}


def test_the_catalogue_holds_every_marked_message_translated() -> None:
    catalogue = read_po(PO.open("rb"))
    held = {first(message.id) for message in catalogue if message.id}
    assert held == marked(), "run pybabel extract and update (README, Contributing)"
    braces = re.compile(r"\{\w*\}")
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, message.id
        for string in strings:  # each plural form (Welsh has six) takes the same placeholders
            assert sorted(braces.findall(string)) == sorted(braces.findall(ids[-1]))


def first(message: str | tuple[str, ...]) -> str:
    """A message as extraction names it: a plural one by its singular."""
    return message if isinstance(message, str) else message[0]


def test_the_template_lists_the_same_messages() -> None:
    template = read_po((LOCALE / "coprod.pot").open("rb"))
    assert {first(message.id) for message in template if message.id} == marked()


def messages(mo: bytes) -> dict[object, str]:
    """The messages gettext reads from a compiled catalogue, its header aside (Babel releases
    write the header and the bytes a little differently)."""
    import gettext

    found = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in found.items() if key != ""}


def test_the_compiled_catalogue_is_current() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, read_po(PO.open("rb")))
    assert messages(MO.read_bytes()) == messages(compiled.getvalue()), \
        "run pybabel compile (README, Contributing)"


def test_welsh_words_and_back(welsh: None) -> None:
    assert i18n.chosen() == "cy" and i18n._("Stopped.") == "Wedi stopio."
    assert not i18n.reviewed(), "the Welsh catalogue says it is not yet reviewed"
    i18n.use("en")
    assert i18n._("Stopped.") == "Stopped." and i18n.reviewed()


def test_every_language_coprod_knows_has_a_catalogue() -> None:
    assert tuple(i18n.KNOWN) == LANGUAGES
    for code in LANGUAGES[1:]:
        assert (LOCALE / code / "LC_MESSAGES" / "coprod.mo").is_file()


@pytest.mark.parametrize(("environment", "language"), [
    ({"COPROD_LANG": "cy"}, "cy"), ({"LANG": "cy_GB.UTF-8"}, "cy"), ({"LANGUAGE": "cy:en"}, "cy"),
    ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "fr_FR.UTF-8"}, "en"), ({"LANG": "C"}, "en"),
    ({"COPROD_LANG": "en", "LANG": "cy_GB"}, "en"), ({}, "en")])
def test_the_environment_chooses_when_lang_is_not_given(
        monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], language: str) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.from_environment() == language


def test_english_reads_no_catalogue(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    import gettext

    opened: list[object] = []
    real = gettext.translation

    def spy(domain: str, *args: Any, **kw: Any) -> Any:
        """coprod's catalogue opened is noted; click's own lookups (older click translates
        its words through gettext) go on as usual."""
        if domain == "coprod":
            opened.append(args)
        return real(domain, *args, **kw)

    monkeypatch.setattr("gettext.translation", spy)
    result = run("score", str(ROOT / "examples" / "nef-intermediate.yaml"), "--lang", "en")
    assert result.exit_code == 0 and opened == [] and i18n._catalogue is None


def test_the_wheel_ships_the_compiled_catalogue(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for part in ("src", "frameworks"):
        shutil.copytree(ROOT / part, source / part,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "compiled"))
    for part in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(ROOT / part, source / part)
    code = ("from setuptools import build_meta; import sys; "
            "print(build_meta.build_wheel(sys.argv[1]))")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    built = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=source, env=env,
                           capture_output=True, text=True, check=True).stdout.split()[-1]
    with zipfile.ZipFile(tmp_path / built) as wheel:
        shipped = wheel.read("coprod_cli/locale/cy/LC_MESSAGES/coprod.mo")
    assert shipped == MO.read_bytes()
