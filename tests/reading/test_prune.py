"""The start-up cache keeps only what this coprod (and the one other that wrote last) can use:
files of older coprods go when a new one is written, and nothing but coprod's own files, never
through a link, never with an error."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from coprod_cli.reading import cache, prune
from coprod_cli.reading.loader import CATALOGUE_FILE, Library


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "coprod"
    monkeypatch.setenv("COPROD_CACHE_DIR", str(folder))
    return folder


def write_as(monkeypatch: pytest.MonkeyPatch, stamp: str, name: str, text: str,
             when: int) -> Path:
    """What the coprod of `stamp` keeps as its first write of a run, at time `when`."""
    monkeypatch.setattr(prune, "stamp", lambda: stamp)
    monkeypatch.setattr(prune, "_done", set())
    cache.keep_text(name, name.encode(), text)
    path = Path(os.environ["COPROD_CACHE_DIR"]) / cache._file_name(name, name.encode())
    os.utime(path, (when, when))
    return path


def test_after_two_upgrades_only_this_coprods_files_and_the_last_others_stay(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    oldest = [write_as(monkeypatch, "a" * 16, f"page{n}", "old page", 1000) for n in range(3)]
    before_stamps = home / "schema-0.0.9-0123456789abcdef.json"
    before_stamps.write_text(json.dumps({"coprod": "0.0.9", "name": "schema", "source_sha256":
                                         "0", "data_sha256": "0"}) + "\nold")
    before_stamps.chmod(0o600)
    last_other = write_as(monkeypatch, "b" * 16, "other", "other page", 2000)
    assert all(path.exists() for path in oldest)  # its first write: a's is the other one
    new = write_as(monkeypatch, "c" * 16, "new", "new page", 3000)
    assert not any(path.exists() for path in oldest) and not before_stamps.exists()
    assert last_other.exists() and new.exists()
    assert cache.load_text("new", b"new") == "new page"


def test_a_run_of_the_current_coprod_removes_older_ones_and_reads_what_it_wrote(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    older = [write_as(monkeypatch, stamp * 16, f"page-{stamp}", "old", when)
             for stamp, when in (("a", 1000), ("b", 2000))]
    monkeypatch.undo()
    monkeypatch.setenv("COPROD_CACHE_DIR", str(home))
    monkeypatch.setattr(prune, "_done", set())
    catalogue = Library.builtin().catalogue
    assert not older[0].exists() and older[1].exists()
    (kept,) = home.glob(f"{CATALOGUE_FILE}-*.json")
    assert json.loads(kept.read_bytes().partition(b"\n")[0])["stamp"] == prune.stamp()
    assert Library.builtin().catalogue == catalogue


def test_links_folders_and_files_not_coprods_own_are_left_alone(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_as(monkeypatch, "a" * 16, "page", "old", 1000)
    oldest = write_as(monkeypatch, "a" * 16, "page0", "old", 1000)
    stale = json.dumps({"coprod": "0.0.1", "name": "x", "source_sha256": "0",
                        "stamp": "0" * 16}) + "\n"
    behind = tmp_path / "elsewhere.json"
    behind.write_text(stale)
    behind.chmod(0o600)
    link = home / "link-0.0.1-0123456789abcdef.json"
    link.symlink_to(behind)
    loose = home / "loose-0.0.1-0123456789abcdef.json"
    loose.write_text(stale)
    loose.chmod(0o666)
    folder = home / "folder-0.0.1-0123456789abcdef.json"
    folder.mkdir()
    not_a_header = home / "notes-0.0.1-0123456789abcdef.json"
    not_a_header.write_text("my notes\n")
    not_a_header.chmod(0o600)
    other = home / "notes.txt"
    other.write_text(stale)
    other.chmod(0o600)
    write_as(monkeypatch, "b" * 16, "page", "newer", 2000)
    new = write_as(monkeypatch, "c" * 16, "page2", "new", 3000)
    assert new.exists() and link.is_symlink() and behind.read_text() == stale
    assert not oldest.exists()  # what is coprod's own still goes beside them
    assert loose.read_text() == stale and folder.is_dir()
    assert not_a_header.read_text() == "my notes\n" and other.read_text() == stale


@pytest.mark.parametrize("broken", ["unlink", "listdir"])
def test_a_folder_that_cannot_be_pruned_is_no_error(
        home: Path, monkeypatch: pytest.MonkeyPatch, broken: str) -> None:
    old = write_as(monkeypatch, "a" * 16, "page", "old", 1000)
    write_as(monkeypatch, "b" * 16, "page2", "other", 2000)

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(prune.os, broken, refused)
    write_as(monkeypatch, "c" * 16, "page3", "new", 3000)
    assert old.exists()
    assert cache.load_text("page3", b"page3") == "new"


def test_reading_the_cache_never_prunes(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Library.builtin()
    monkeypatch.setattr(prune, "once", lambda home: pytest.fail("pruned on a read"))
    Library.builtin()
    assert list(home.iterdir())


def test_a_killed_writes_temporary_file_goes_once_a_minute_old_and_a_live_one_stays(
        home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A write killed before its rename leaves `.NAME.PID.HEX.tmp` (or, from files.py before,
    mkstemp's `.NAME.XXXXXXXX.tmp`): gone at the next pruning write once unchanged for a
    minute; a younger one may be another run's write in progress and stays, as does anything
    so named that is not the user's private regular file."""
    write_as(monkeypatch, "a" * 16, "page", "old", 1000)
    name = cache._file_name("page", b"page")
    old = [home / f".{name}.4242.0a1b2c3d.tmp", home / ".nef.yaml-0.1.0-1a2b3c4d.json.k_3x9qzt.tmp"]
    live = home / f".{name}.4243.0a1b2c3e.tmp"
    loose, folder, link = (home / f".{name}.{n}.0a1b2c3f.tmp" for n in (1, 2, 3))
    others = [home / ".notes.txt.4242.0a1b2c3d.tmp", home / f"{name}.4242.0a1b2c3d.tmp"]
    for path in [*old, live, loose, *others]:
        path.write_bytes(b'{"coprod": "0.1.0"')  # cut short
        path.chmod(0o600)
    loose.chmod(0o666)
    folder.mkdir()
    link.symlink_to(old[0])
    stale = time.time() - 61
    for path in [*old, loose, folder, *others]:
        os.utime(path, (stale, stale))
    os.utime(link, (stale, stale), follow_symlinks=False)
    os.utime(live, (time.time() - 50,) * 2)
    write_as(monkeypatch, "b" * 16, "page2", "new", 2000)
    assert not any(path.exists() for path in old)
    assert live.exists() and loose.exists() and folder.is_dir() and link.is_symlink()
    assert all(path.exists() for path in others)


def test_a_framework_kept_by_a_coprod_from_before_headers_goes_and_nothing_like_it(
        home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before its files had headers, coprod kept each framework as one JSON object named
    `nef.yaml-VERSION-CRC32.json` (0644, by files.py): no coprod reads those now, so they go;
    a file so named holding anything else, or open to others' writing, stays."""
    write_as(monkeypatch, "a" * 16, "page", "old", 1000)
    headerless = home / "nef.yaml-0.1.0-1a2b3c4d.json"
    headerless.write_text(json.dumps({"id": "nef", "name": "NEF", "version": "2.0.0"}))
    headerless.chmod(0o644)
    notes = home / "mine.yaml-0.1.0-1a2b3c4d.json"
    notes.write_text("my notes\n")
    notes.chmod(0o600)
    loose = home / "scie.yaml-0.1.0-1a2b3c4d.json"
    loose.write_text("{}")
    loose.chmod(0o666)
    listed = home / "core.yaml-0.1.0-1a2b3c4d.json"
    listed.write_text("[1, 2]")
    listed.chmod(0o600)
    write_as(monkeypatch, "b" * 16, "page2", "new", 2000)
    assert not headerless.exists()
    assert notes.read_text() == "my notes\n" and loose.exists() and listed.exists()
