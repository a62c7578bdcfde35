"""`coprod show` of a built-in framework as text, kept in the start-up cache: a later run prints
the same bytes as a fresh one, for each language, --plain, width and colour; never kept for an
added framework or a file written with -o; nothing kept that was planted or altered."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.conftest import Run

LAYOUTS = [  # (environment, options): each laid out differently by the console
    ({}, ()), ({}, ("--plain",)), ({}, ("--lang", "cy")), ({}, ("--no-color",)),
    ({"COLUMNS": "40"}, ()), ({"COLUMNS": "132"}, ("--plain",)),
    ({"NO_COLOR": "", "FORCE_COLOR": "1"}, ()),
    ({"NO_COLOR": "", "FORCE_COLOR": "1", "COLUMNS": "60"}, ("--lang", "cy", "--plain")),
]


def _made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the frameworks laid out as text (each about 40 ms of rich's work)."""
    from coprod_cli.report import listing_text

    made: list[str] = []
    render = listing_text.framework

    def counted(fw: object, *args: object, **kwargs: object) -> object:
        made.append(getattr(fw, "id", "?"))
        return render(fw, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(listing_text, "framework", counted)
    return made


def _environment(monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> None:
    for name, value in environment.items():
        if value:
            monkeypatch.setenv(name, value)
        else:
            monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(("environment", "options"), LAYOUTS)
def test_a_kept_framework_is_the_one_laid_out_to_the_byte(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch,
        environment: dict[str, str], options: tuple[str, ...]) -> None:
    _environment(monkeypatch, environment)
    made = _made(monkeypatch)
    first, second = (run("show", "nef", *options) for _ in range(2))
    monkeypatch.setenv("COPROD_NO_CACHE", "1")
    fresh = run("show", "nef", *options)
    assert first.exit_code == second.exit_code == fresh.exit_code == 0, first.stderr
    assert first.stdout == second.stdout == fresh.stdout
    assert "(assets)" in fresh.stdout and "assets-1" in fresh.stdout
    assert made == ["nef", "nef"]  # the second run's came from the cache
    assert len(list(fresh_cache.glob("framework-shown-*.json"))) == 1


def test_each_layout_prints_its_own_and_one_file_is_kept_for_each_language_and_plain(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Layouts one after another, each twice: never one printed in another's width or colours;
    a new width or colour replaces the text kept for its framework, language and --plain."""
    fresh, shown = {}, {}
    for environment, options in LAYOUTS:
        with monkeypatch.context() as patch:
            _environment(patch, environment)
            patch.setenv("COPROD_NO_CACHE", "1")
            fresh[repr((environment, options))] = run("show", "nef", *options).stdout
    for _ in range(2):
        for environment, options in LAYOUTS:
            with monkeypatch.context() as patch:
                _environment(patch, environment)
                shown[repr((environment, options))] = run("show", "nef", *options).stdout
            assert shown == {key: fresh[key] for key in shown}
    # --no-color and NO_COLOR=1 (which `run` sets) are one layout
    assert len(set(shown.values())) == len(LAYOUTS) - 1
    assert "\x1b[" in shown[repr(LAYOUTS[6])] and "\x1b[" not in shown[repr(LAYOUTS[0])]
    slots = {(options.count("--plain"), options.count("cy")) for _, options in LAYOUTS}
    assert len(list(fresh_cache.glob("framework-shown-*.json"))) == len(slots)


@pytest.mark.parametrize("force_color", [None, "1"])
def test_a_terminal_and_a_pipe_are_kept_apart(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch,
                                              force_color: str | None) -> None:
    """The same width and colour, once to a terminal (lines padded as rich pads them) and once
    to a pipe (no padding), FORCE_COLOR or not (rich then takes a pipe for a terminal): each
    prints as it would have without the cache."""
    from coprod_cli.cli import shown
    from coprod_cli.cli.common import emit, library
    from coprod_cli.report import listing_text

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def made() -> object:
        lib = library(None, "en")
        return listing_text.framework(lib.framework("scie"), lib.catalogue)

    monkeypatch.setenv("COLUMNS", "90")
    if force_color:
        monkeypatch.setenv("FORCE_COLOR", force_color)
    printed = {}
    for kind in (Terminal, io.StringIO, Terminal, io.StringIO):
        stream = kind()
        monkeypatch.setattr(sys, "stdout", stream)
        assert shown.show("scie", "en", False, True, made)
        printed.setdefault(kind, []).append(stream.getvalue())
    for kind, texts in printed.items():
        stream = kind()
        monkeypatch.setattr(sys, "stdout", stream)
        emit(made(), None, True)  # as printed without the cache
        assert texts == [stream.getvalue()] * 2
    terminal, pipe = (printed[kind][0] for kind in (Terminal, io.StringIO))
    assert " \n" in terminal and " \n" not in pipe  # rich's padding, kept only at a terminal
    assert len(list(fresh_cache.glob("framework-shown-*.json"))) == 2  # one slot for each


def test_an_added_framework_or_a_written_file_is_never_kept(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        added_framework: Path) -> None:
    made = _made(monkeypatch)
    mine = added_framework
    for options in [("mine", "--framework", str(mine)), ("nef", "--framework", str(mine)),
                    ("nef", "-o", str(tmp_path / "nef.txt"), "--force")]:
        for _ in range(2):
            result = run("show", *options)
            assert result.exit_code == 0, result.stderr
    assert len(made) == 6 and not list(fresh_cache.glob("framework-shown-*"))


def test_a_planted_or_altered_text_is_never_shown(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    truth = run("show", "nef").stdout
    (kept,) = fresh_cache.glob("framework-shown-*.json")
    header, _, body = kept.read_bytes().partition(b"\n")
    assert b"(assets)" in body
    kept.write_bytes(header + b"\n" + body.replace(b"(assets)", b"\x1b]0;evil\x07", 1))
    assert run("show", "nef").stdout == truth  # the data's digest is wrong
    kept.write_bytes(header + b"\n" + body)
    kept.chmod(0o666)  # a well-formed file others could have written
    made = _made(monkeypatch)
    assert run("show", "nef").stdout == truth and made == ["nef"]


def test_a_framework_is_laid_out_again_when_anything_it_is_made_from_changes(
        run: Run, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coprod_cli.reading import stamp

    made = _made(monkeypatch)
    run("show", "nef")
    made_from = stamp.made_from
    monkeypatch.setattr(stamp, "made_from", lambda *names: made_from(*names) + b"x 1 2\n")
    run("show", "nef")
    assert made == ["nef", "nef"]


def test_an_unknown_framework_is_still_refused_and_nothing_kept(
        run: Run, fresh_cache: Path) -> None:
    for _ in range(2):
        result = run("show", "nosuch")
        assert result.exit_code == 2 and "nosuch" in result.stderr
    assert not list(fresh_cache.glob("framework-shown-*"))

