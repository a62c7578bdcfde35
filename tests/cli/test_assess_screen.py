"""The questionnaire as a terminal of a given size shows it: tmux runs it in a window of that
many columns and rows, and what is on the screen at each prompt is read back."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coprod_cli.reading.loader import Library

pytestmark = [pytest.mark.pty,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")]

LIMIT = 30.0  # seconds for one screen: only so that a hang fails instead of stalling CI
PROMPTS = ("Answer 0-3, ", "Your answer (", "Your role (")


class Window:
    """`coprod assess` in a tmux window COLS x ROWS, then a shell's prompt when it ends."""

    def __init__(self, tmp_path: Path, cols: int, rows: int, *args: str) -> None:
        self.socket = str(tmp_path / "tmux")
        command = shlex.join([sys.executable, "-m", "coprod_cli", "assess", *args])
        env = {key: value for key, value in os.environ.items()
               if key not in ("COLUMNS", "LINES", "TMUX")}
        env.update(NO_COLOR="1", TERM="xterm")
        self.prompts = 0
        subprocess.run(["tmux", "-S", self.socket, "-f", os.devnull, "new-session", "-d",
                        "-x", str(cols), "-y", str(rows),
                        f"{command}; printf '$ '; read _"], env=env, check=True)
        subprocess.run(["tmux", "-S", self.socket, "set-option", "-g", "history-limit",
                        "50000"], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], check=False,
                       capture_output=True)

    def screen(self) -> list[str]:
        """The lines on screen now, as the terminal shows them."""
        return self._capture()

    def _capture(self, *extra: str) -> list[str]:
        out = subprocess.run(["tmux", "-S", self.socket, "capture-pane", "-p", *extra],
                             capture_output=True, text=True, check=True).stdout
        return out.splitlines()

    def _asked(self) -> int:
        text = "\n".join(self._capture("-J", "-S", "-"))  # the whole history, lines joined
        return sum(text.count(prompt) for prompt in PROMPTS)

    def wait(self) -> list[str]:
        """Wait for the next prompt; the screen then."""
        return self._until(lambda: self._asked() > self.prompts, "a prompt")

    def end(self) -> list[str]:
        """Wait for coprod to end (the shell's prompt, '$', on the last line); the screen."""
        return self._until(lambda: [line for line in self.screen() if line][-1:] == ["$"],
                           "the end")

    def _until(self, done: Callable[[], bool], what: str) -> list[str]:
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            if done():
                self.prompts = self._asked()
                return self.screen()
            time.sleep(0.05)
        raise AssertionError(f"waited {LIMIT}s for {what}:\n" + "\n".join(self.screen()))

    def send(self, reply: str) -> None:
        """Type a reply (literally) and Enter."""
        if reply:
            self._tmux("send-keys", "-l", reply)
        self._tmux("send-keys", "Enter")

    def _tmux(self, *args: str) -> None:
        subprocess.run(["tmux", "-S", self.socket, *args], check=True)


Open = Callable[..., Window]


@pytest.fixture
def window(tmp_path: Path) -> Iterator[Open]:
    opened: list[Window] = []

    def open_window(cols: int, rows: int, *args: str) -> Window:
        opened.append(Window(tmp_path, cols, rows, *args))
        return opened[-1]

    yield open_window
    for each in opened:
        each.close()


def _joined(screen: list[str]) -> str:
    return " ".join(" ".join(screen).split())


@pytest.mark.parametrize("plain", [False, True])
def test_at_40_by_20_every_statement_is_on_screen_with_its_choices(
        window: Open, tmp_path: Path, plain: bool) -> None:
    nef = Library.builtin().framework("nef")
    term = window(40, 20, "nef", "-o", str(tmp_path / "a.yaml"), "--role", "carer",
                  *(["--plain"] if plain else []))
    for statement in nef.statements:
        shown = _joined(term.wait())
        assert " ".join((statement.plain if plain else statement.text).split()) in shown
        for number, name in enumerate(["Not yet co-production", "Descriptive", "Intermediate",
                                       "Transformative"]):
            assert f"{number} {name}" in shown, shown
        assert "0 not yet, 1 descriptive, 2 intermediate, 3 transformative" in shown
        assert max(len(line) for line in term.screen()) <= 40
        term.send("2")
    assert "Overall level: Intermediate" in _joined(term.end())


def test_at_80_by_24_the_choices_stay_in_view_after_help_and_the_level_at_the_end(
        window: Open, tmp_path: Path) -> None:
    term = window(80, 24, "nef", "-o", str(tmp_path / "a.yaml"), "--role", "carer")
    for _ in Library.builtin().framework("nef").statements:
        term.wait()
        term.send("?")
        helped = term.wait()
        assert any(line.startswith("Help with statement") for line in term._capture("-S", "-"))
        assert ("Choices: 0 not yet, 1 descriptive, 2 intermediate, 3 transformative, "
                "u unsure") in helped
        term.send("1")
    end = term.end()
    assert "Overall level: Descriptive (level 1 of 3)" in _joined(end)
    assert len(end) <= 24


def test_back_back_enter_in_a_terminal_never_skips_a_statement(
        window: Open, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    term = window(80, 24, "nef", "-o", str(path), "--role", "carer")
    seen = []
    for reply in ("1", "2", "3", "b", "b", "", "", "0", "q"):
        screen = term.wait()
        seen.append(next(line.split(" (")[0] for line in reversed(screen)
                         if line.startswith("Statement ")))
        term.send(reply)
    assert seen == [f"Statement {n} of 28" for n in (1, 2, 3, 4, 3, 2, 3, 4, 5)]
    term.end()
    text = path.read_text()
    assert "assets-4: not-yet" in text and "assets-3: transformative" in text
