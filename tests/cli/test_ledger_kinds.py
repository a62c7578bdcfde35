"""A memory written before keys of the second kind (sketch.Keys) still refuses a result a
few people apart from what it holds, and is brought to the new kind only for the same people
(reading/ledger.py; tests/data/ledgers/kind1.json was written by coprod before the change,
from the sets `shared` below: see make_kind1.py beside it)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, Run
from tests.reading.test_formbulk import LABELS, rows
from tests.reading.test_formtable import IDS, grid_heading, write_csv

KIND1 = Path(__file__).parent.parent / "data" / "ledgers" / "kind1.json"
AUTUMN = EXAMPLES / "collective-autumn-2026"
ROWS = 1_500  # more than one chunk of 512 rows (formcount.SIZE)


def export(folder: Path, name: str, leave_out: int | None = None) -> Path:
    """The form export the memory remembers (the row `leave_out` left out)."""
    body = rows(29, ROWS, LABELS, lambda n: f"2026/11/{1 + n % 28:02d} 10:00:00 am GMT")
    if leave_out is not None:
        del body[leave_out]
    header = ["Timestamp", "What is your role?", *(grid_heading(sid) for sid in IDS)]
    return write_csv(folder, header, *body, name=name)


def autumn(folder: Path, leave_out: str | None) -> Path:
    """The autumn set of answers files (one file left out)."""
    shutil.copytree(AUTUMN, folder)
    if leave_out:
        (folder / leave_out).unlink()
    return folder


def shared(folder: Path) -> list[Path]:
    """What kind1.json remembers, in order: the autumn set without the commissioner's late
    file, and the form export."""
    return [autumn(folder / "before", "commissioner-01.yaml"), export(folder, "form.csv")]


def _memory(tmp_path: Path) -> Path:
    """kind1.json as the user's memory, as coprod keeps it (a private folder and file)."""
    home = Path(os.environ["COPROD_STATE_DIR"])
    home.mkdir(parents=True, mode=0o700)
    shutil.copy(KIND1, home / "shared.json")
    os.chmod(home / "shared.json", 0o600)
    return home / "shared.json"


def test_a_few_people_apart_from_an_old_entry_is_still_refused(run: Run,
                                                              tmp_path: Path) -> None:
    memory = _memory(tmp_path)
    written = memory.read_bytes()
    assert [r.get("keys", 1) for r in json.loads(written)["results"]] == [1, 1]
    late = run("score", str(AUTUMN), "-f", "json", "-o", str(tmp_path / "late.json"))
    assert late.exit_code == 2 and "differ by 1 person" in late.stderr
    fewer = export(tmp_path, "fewer.csv", leave_out=700)
    out = run("score", str(fewer), "-f", "json", "-o", str(tmp_path / "fewer.json"))
    assert out.exit_code == 2 and "differ by 1 person" in out.stderr
    assert memory.read_bytes() == written and not (tmp_path / "fewer.json").exists()


def test_the_same_people_again_bring_the_entry_to_the_new_kind(run: Run,
                                                               tmp_path: Path) -> None:
    memory = _memory(tmp_path)
    before, form = shared(tmp_path)
    was = json.loads(memory.read_bytes())["results"]
    for path in (before, form):
        assert run("score", str(path), "-f", "json", "-o", str(tmp_path / "r.json")
                   ).exit_code == 0
    now = json.loads(memory.read_bytes())["results"]
    assert [(r["framework"], r["on"], r["keys"]) for r in now] == \
        [(r["framework"], r["on"], 2) for r in was]
    assert [r["sketch"]["size"] for r in now] == [r["sketch"]["size"] for r in was]
    late = run("score", str(AUTUMN), "-f", "json", "-o", str(tmp_path / "late.json"))
    assert late.exit_code == 2 and "differ by 1 person" in late.stderr
    fewer = export(tmp_path, "fewer.csv", leave_out=3)
    out = run("score", str(fewer), "-f", "json", "-o", str(tmp_path / "fewer.json"))
    assert out.exit_code == 2 and "differ by 1 person" in out.stderr


def test_a_memory_a_later_coprod_wrote_is_never_written_over(run: Run, tmp_path: Path) -> None:
    """A shareable result is still written, with a note that it could not be checked; the
    later coprod's memory stays exactly as it was."""
    memory = _memory(tmp_path)
    later = {**json.loads(memory.read_text()), "coprod-shared": 99}
    memory.write_text(json.dumps(later))
    written = memory.read_bytes()
    out = run("score", str(AUTUMN), "-f", "json", "-o", str(tmp_path / "result.json"))
    assert out.exit_code == 0 and (tmp_path / "result.json").exists()
    assert "later coprod" in out.stderr and "cannot check" in out.stderr
    assert memory.read_bytes() == written
