"""Text output: one screen first, coprod's own styles only, every name whole at any width."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, Run


def test_text_has_no_colour_codes_with_no_color(run: Run) -> None:
    assert "\x1b[" not in run("show", "nef").stdout


def test_the_collective_result_fits_one_screen_of_40_lines_at_80_columns(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run("score", str(EXAMPLES / "collective-autumn-2026")).stdout
    lines = out.rstrip("\n").split("\n")
    # The example was written for nef 2.0.0: the note on the migration map comes on top, and
    # the two lines of credit the sources ask for (TLAP's link whole) come after.
    start = next(i for i, line in enumerate(lines) if "answers file(s) were written" in line)
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].strip() or lines[i].startswith("Warning"))
    # 43: a shared result gives its counts of answers as ranges ('12 to 14 unsure answers,
    # fewer than 3 'does not apply'', scoring/sharing.py), which take the first lines' words
    # onto a third line.
    assert len(lines) - (end - start) <= 43, out
    assert lines[-1] == ("thinklocalactpersonal.org.uk/Latest/"
                         "Co-production-The-ladder-of-co-production/")
    assert max(len(line) for line in lines) <= 80
    # No perception gap here: the only whole-level gap involved the single commissioner, who is
    # held back (--min-group); the voices are less than a level apart.
    for part in ("Overall level: DESCRIPTIVE", "Networks is here; the other areas are higher",
                 "not shown on their own", "Quickest route to Intermediate", "--details"):
        assert part in out
    res = json.loads(run("score", str(EXAMPLES / "collective-autumn-2026"), "-f", "json").stdout)
    first = res["next_steps"][0]
    assert first["text"][:40] in " ".join(out.split()) and first["statement"] not in out


def test_a_narrow_terminal_shows_every_level_and_area_name_whole(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 40 columns the bar gives way; 'Intermediate' is never cut to 'Inte…'."""
    monkeypatch.setenv("COLUMNS", "40")
    out = run("score", str(EXAMPLES / "collective-autumn-2026")).stdout
    assert max(len(line) for line in out.split("\n")) <= 40
    table = out[out.index("Areas"):out.index("Weakest principle")]
    assert table.count("Intermediate") == 5 and table.count("Descriptive") == 1
    for name in ("Assets", "Capacity", "Mutuality", "Networks", "Catalysts"):
        assert name in table
