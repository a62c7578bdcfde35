"""coprod's memory of what it shared (reading/ledger.py): private, checked, never trusted
blindly, holding no figure and no answer."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coprod_cli import files
from coprod_cli.reading import ledger
from coprod_cli.sketch import Sketch, key


def _sketch(salt: bytes, people: range) -> Sketch:
    sketch = Sketch()
    for n in people:
        sketch.add(key(salt, f"practitioner\nassets-1=level {n}".encode()))
    return sketch


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COPROD_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def test_a_new_memory_is_a_private_folder_and_file(home: Path) -> None:
    kept = ledger.load()
    assert kept.problem is None and len(kept.salt) == 16 and kept.results == []
    assert ledger.remember(kept, "nef", _sketch(kept.salt, range(10))) is None
    assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(home / ledger.NAME).st_mode) == 0o600
    again = ledger.load()
    assert again.salt == kept.salt and [r.framework for r in again.results] == ["nef"]


def test_it_holds_no_figure_and_no_answer(home: Path) -> None:
    kept = ledger.load()
    ledger.remember(kept, "nef", _sketch(kept.salt, range(10)))
    text = (home / ledger.NAME).read_text()
    assert "assets" not in text and "level" not in text and "score" not in text
    assert set(json.loads(text)["results"][0]) == {"framework", "on", "keys", "sketch"}


def test_a_set_a_few_people_apart_is_found_and_others_are_not(home: Path) -> None:
    kept = ledger.load()
    ledger.remember(kept, "nef", _sketch(kept.salt, range(16)))
    found = ledger.conflict(kept, "nef", _sketch(kept.salt, range(17)), 3)
    assert found is not None and found[1] == 1
    assert ledger.conflict(kept, "nef", _sketch(kept.salt, range(16)), 3) is None  # the same
    assert ledger.conflict(kept, "nef", _sketch(kept.salt, range(19)), 3) is None  # 3 apart
    assert ledger.conflict(kept, "scie", _sketch(kept.salt, range(17)), 3) is None
    assert ledger.conflict(kept, "nef", _sketch(kept.salt, range(100, 101)), 3) is None


def test_a_file_another_could_write_is_not_used_nor_touched(home: Path) -> None:
    kept = ledger.load()
    ledger.remember(kept, "nef", _sketch(kept.salt, range(5)))
    path = home / ledger.NAME
    before = path.read_bytes()
    os.chmod(path, 0o666)
    doubtful = ledger.load()
    assert doubtful.problem and not doubtful.salt
    assert ledger.remember(doubtful, "nef", _sketch(b"x" * 16, range(3))) == doubtful.problem
    assert path.read_bytes() == before


def test_a_link_is_not_followed(home: Path, tmp_path: Path) -> None:
    home.mkdir(mode=0o700)
    (tmp_path / "elsewhere.json").write_text("{}")
    (home / ledger.NAME).symlink_to(tmp_path / "elsewhere.json")
    assert ledger.load().problem


def test_a_damaged_file_starts_afresh_and_says_so(home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / ledger.NAME).write_text('{"coprod-shared": 1, "salt": "00", "results": []}')
    os.chmod(home / ledger.NAME, 0o600)
    kept = ledger.load()
    assert kept.problem and "afresh" in kept.problem and len(kept.salt) == 16
    assert ledger.remember(kept, "nef", _sketch(kept.salt, range(3))) is None
    assert ledger.load().problem is None


def test_a_memory_a_later_coprod_wrote_is_left_as_it_is(home: Path) -> None:
    """An older coprod that started afresh over a newer one's memory would lose what it
    remembers, and the newer one would then have nothing to refuse against."""
    home.mkdir(mode=0o700)
    later = json.dumps({"coprod-shared": ledger.VERSION + 1, "salt": "ab" * 16,
                        "results": [], "what": "a shape this coprod does not know"})
    (home / ledger.NAME).write_text(later)
    os.chmod(home / ledger.NAME, 0o600)
    kept = ledger.load()
    assert kept.problem and "later coprod" in kept.problem and not kept.salt
    assert ledger.remember(kept, "nef", _sketch(b"s" * 16, range(3))) == kept.problem
    assert (home / ledger.NAME).read_text() == later


def test_a_version_that_is_not_a_whole_number_or_nesting_too_deep_is_damaged(
        home: Path) -> None:
    home.mkdir(mode=0o700)
    for damaged in ('{"coprod-shared": true, "salt": "%s", "results": []}' % ("ab" * 16),
                    '{"coprod-shared": 2.0, "salt": "%s", "results": []}' % ("ab" * 16),
                    '{"coprod-shared": 99.0, "salt": "%s", "results": []}' % ("ab" * 16),
                    '{"coprod-shared": 0, "salt": "%s", "results": []}' % ("ab" * 16),
                    "[" * 100_000 + "]" * 100_000):
        (home / ledger.NAME).write_text(damaged)
        os.chmod(home / ledger.NAME, 0o600)
        kept = ledger.load()
        assert kept.problem and "afresh" in kept.problem and len(kept.salt) == 16, damaged[:40]


def test_a_folder_that_cannot_be_made_is_a_problem_not_a_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("COPROD_STATE_DIR", str(blocker / "state"))
    kept = ledger.load()
    assert kept.problem and not kept.salt


def test_only_the_latest_results_are_kept(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger, "KEEP", 3)
    kept = ledger.load()
    for start in range(0, 50, 10):
        ledger.remember(kept, "nef", _sketch(kept.salt, range(start, start + 5)))
    assert len(ledger.load().results) == 3


def test_many_results_are_remembered_in_one_write_as_one_at_a_time_would(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A trend's rounds (the same people twice among them) are written once, and the memory
    holds what remembering them one after another would."""
    kept = ledger.load()
    rounds = [_sketch(kept.salt, range(n, n + 6)) for n in (0, 10, 0, 30)]
    one_by_one = ledger.Ledger(kept.path, kept.salt)
    for sketch in rounds:
        ledger.remember(one_by_one, "nef", sketch)
    written = []
    monkeypatch.setattr(files, "write_atomic", lambda *args, **kw: written.append(args))
    assert ledger.remember(kept, "nef", *rounds) is None
    assert len(written) == 1 and kept.results == one_by_one.results
    assert ledger.remember(kept, "nef", *rounds[:2]) is None and len(written) == 1  # nothing new


def test_an_entry_of_the_first_kind_is_compared_with_the_same_kind(home: Path) -> None:
    """A result is set against an entry with keys of the first kind through its sketch of
    that kind (sketch.former); without one only where the sizes alone tell them apart."""
    kept = ledger.load()
    kept.results = [ledger.Shared("nef", "2026-01-01", _sketch(kept.salt, range(10)), keys=1)]
    assert ledger.reach(kept, 3) == 12 and ledger.reach(kept, 1) == 0
    newer = Sketch()  # keys of the second kind: unlike any of the first, so never alike
    for n in range(11):
        newer.add(n + 1)
    newer.former = _sketch(kept.salt, range(11))
    assert ledger.conflict(kept, "nef", newer, 3) == (kept.results[0], 1)
    newer.former = None  # within reach, it must be there: a bug, never a silent pass
    with pytest.raises(RuntimeError):
        ledger.conflict(kept, "nef", newer, 3)
    far = Sketch()
    for n in range(13):
        far.add(n + 1)
    assert ledger.conflict(kept, "nef", far, 3) is None


def test_a_memory_of_the_first_version_is_read_and_written_as_the_second(home: Path) -> None:
    kept = ledger.load()
    home.mkdir(mode=0o700, exist_ok=True)
    first = {"coprod-shared": 1, "salt": kept.salt.hex(), "results": [
        {"framework": "nef", "on": "2026-01-01", "sketch": _sketch(kept.salt, range(4)).data()}]}
    (home / ledger.NAME).write_text(json.dumps(first))
    os.chmod(home / ledger.NAME, 0o600)
    again = ledger.load()
    assert again.problem is None and [r.keys for r in again.results] == [1]
    newer = Sketch()
    newer.add(5)
    newer.add(6)
    assert ledger.remember(again, "scie", newer) is None
    written = json.loads((home / ledger.NAME).read_text())
    assert written["coprod-shared"] == 2
    assert [(r["framework"], r["keys"]) for r in written["results"]] == [("nef", 1), ("scie", 2)]
    assert [r.keys for r in ledger.load().results] == [1, 2]
    for bad in ({**first, "coprod-shared": 2},  # the second version names each entry's kind
                {**first, "results": [{**first["results"][0], "keys": 1}]}):
        (home / ledger.NAME).write_text(json.dumps(bad))
        assert ledger.load().problem is not None


def _peeled(one: Sketch, other: Sketch, min_group: int) -> int:
    """ledger.differ as it was before it skipped the peeling: every pair peeled."""
    if abs(one.size - other.size) >= min_group:
        return 0
    found = one.difference(other)
    if found is None:
        return 0
    here, there = found
    return here + there if 0 < here + there < min_group and one.size - here > 0 else 0


def test_telling_how_far_apart_two_sets_are_without_peeling_changes_no_answer() -> None:
    """differ skips peeling a pair whose sketches differ in --min-group cells of a part or
    more: the same answer as peeling every pair, for sets a few or many people apart, some
    people twice, at --min-group 1 to 8 (fixed seed)."""
    import random

    rng, told = random.Random(29), 0
    for _ in range(3000):
        common = [rng.randbytes(12) for _ in range(rng.randint(0, 30))]
        common += rng.sample(common, min(len(common), rng.randint(0, 2)))
        sides = [common + [rng.randbytes(12) for _ in range(rng.choice([0, 1, 2, 3, 5, 9, 40]))]
                 for _ in range(2)]
        one, other = (_sketched(side) for side in sides)
        for min_group in range(1, 9):
            assert ledger.differ(one, other, min_group) == _peeled(one, other, min_group)
            told += bool(_peeled(one, other, min_group))
    assert told > 1000  # many pairs were close enough to be told


def _sketched(people: list[bytes]) -> Sketch:
    sketch = Sketch()
    for person in people:
        sketch.add(key(b"0123456789abcdef", person))
    return sketch
