"""As an attacker with a real terminal: a hostile framework's escape sequences never reach it."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
pytestmark = [pytest.mark.pty,
              pytest.mark.skipif(sys.platform == "win32", reason="pexpect.spawn needs a pty")]

HOSTILE = Path(__file__).resolve().parent.parent / "corpus" / "hostile-framework.yaml"
LIMIT = 30  # seconds: only so a hang fails the test instead of stalling CI
# What the framework tries to send. coprod's own colours (CSI ... m) are allowed; nothing
# else: no OSC (title, hyperlink), no clear screen, no blink or hidden text, no C1 CSI,
# no bidi override.
FORBIDDEN = re.compile(rb"\x1b\]|\x1b\[2J|\x1b\[[58]m|\xc2\x9b|\xe2\x80[\xaa-\xae]|\x07")


def run_in_terminal(*args: str, replies: tuple[str, ...] = ()) -> bytes:
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm-256color", "FORCE_COLOR": "1"}
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(sys.executable, ["-m", "coprod_cli", *args], env=env,
                          timeout=LIMIT, dimensions=(40, 100))
    seen = b""
    for reply in replies:
        child.expect(b"Your (answer|role)")
        child.sendline(reply)
    child.expect(pexpect.EOF)
    seen = child.before if isinstance(child.before, bytes) else b""
    child.close()
    return seen


@pytest.mark.parametrize("command", [["show", "hostile"], ["frameworks"]])
def test_listings_send_nothing_from_the_framework_to_the_terminal(command: list[str]) -> None:
    shown = run_in_terminal(*command, "-F", str(HOSTILE))
    assert b"\x1b[" in shown, "the terminal gets coprod's own styles"
    assert not FORBIDDEN.search(shown), FORBIDDEN.search(shown)
    assert b"\\x1b]0;pwned" in shown or command == ["frameworks"]


def test_the_questionnaire_sends_nothing_from_the_framework(tmp_path: Path) -> None:
    shown = run_in_terminal("assess", "hostile", "-F", str(HOSTILE), "-o",
                            str(tmp_path / "a.yaml"), replies=("", "1"))
    assert not FORBIDDEN.search(shown), FORBIDDEN.search(shown)
    assert b"Overall level" in shown
