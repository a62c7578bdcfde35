"""The start-up cache cannot be planted: a folder or file another account could write, a
link, a stale or altered file is passed over for the source, and never makes an error."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_cli import plain
from coprod_cli.models import Catalogue
from coprod_cli.reading import cache
from coprod_cli.reading.loader import CATALOGUE_FILE, Library, builtin_folder
from tests.conftest import EXAMPLES, Run

SOURCE = (builtin_folder() / CATALOGUE_FILE).read_bytes()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own, filled by one run as coprod fills it."""
    folder = tmp_path / "coprod"
    monkeypatch.setenv("COPROD_CACHE_DIR", str(folder))
    Library.builtin()
    return folder


@pytest.fixture
def truth(monkeypatch: pytest.MonkeyPatch) -> Catalogue:
    """The catalogue as the YAML says, read with no cache at all."""
    with monkeypatch.context() as patch:
        patch.setenv("COPROD_NO_CACHE", "1")
        return Library.builtin().catalogue


def cached_file(home: Path) -> Path:
    (path,) = home.glob(f"{CATALOGUE_FILE}-*.json")
    return path


def managers_as_lived_experience(catalogue: Catalogue) -> dict[str, object]:
    """What the issue's attacker planted: the same catalogue with managers made a lived voice."""
    data = plain.to_data(catalogue, by_alias=True)
    for role in data["roles"]:
        if role["id"] == "manager":
            role["lived_experience"] = True
    return data


def well_formed(data: object, source: bytes = SOURCE) -> bytes:
    """A cache file as coprod writes one, its header made for `data`: the planter's best try."""
    body = json.dumps(data).encode()
    header = {"coprod": cache.__version__, "name": CATALOGUE_FILE,
              "source_blake2b": hashlib.blake2b(source, digest_size=32).hexdigest(),
              "data_blake2b": hashlib.blake2b(body, digest_size=32).hexdigest()}
    return json.dumps(header).encode() + b"\n" + body


def test_the_cache_is_used_and_read_back_the_same(home: Path, truth: Catalogue) -> None:
    assert cache.load(CATALOGUE_FILE, SOURCE, Catalogue) == truth


def test_the_folder_is_private_and_the_files_too_whatever_the_umask(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path / "coprod"))
    old = os.umask(0)
    try:
        Library.builtin()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "coprod").stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "coprod").iterdir()} == {0o600}


def group_writable_folder(home: Path) -> None:
    home.chmod(0o770)


def world_writable_file(home: Path) -> None:
    cached_file(home).chmod(0o666)


def another_accounts_file(home: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("only root can give a file to another account")
    os.chown(cached_file(home), 4242, 4242)


def folder_is_a_link(home: Path) -> None:
    real = home.with_name("elsewhere")
    home.rename(real)
    home.symlink_to(real)


PLACES: list[Callable[[Path], None]] = [group_writable_folder, world_writable_file,
                                        another_accounts_file, folder_is_a_link]


@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.__name__)
def test_a_well_formed_plant_where_others_could_write_is_ignored(
        home: Path, truth: Catalogue, place: Callable[[Path], None]) -> None:
    """Managers planted as lived experience, in a file whose header is right for it."""
    cached_file(home).write_bytes(well_formed(managers_as_lived_experience(truth)))
    place(home)
    assert Library.builtin().catalogue == truth


def test_a_link_in_place_of_a_cached_file_is_never_followed(
        home: Path, tmp_path: Path, truth: Catalogue) -> None:
    """Not read through (a planted catalogue behind it), nor written through (a private
    file behind it stays as it was)."""
    behind = tmp_path / "secret"
    behind.write_bytes(well_formed(managers_as_lived_experience(truth)))
    behind.chmod(0o600)
    before = behind.read_bytes()
    path = cached_file(home)
    path.unlink()
    path.symlink_to(behind)
    assert Library.builtin().catalogue == truth
    assert path.is_symlink() and behind.read_bytes() == before


def test_a_pipe_in_place_of_a_cached_file_does_not_hang(home: Path, truth: Catalogue) -> None:
    path = cached_file(home)
    path.unlink()
    os.mkfifo(path, 0o600)
    assert Library.builtin().catalogue == truth


@pytest.mark.parametrize("content", [
    pytest.param(lambda t: well_formed({**plain.to_data(t, by_alias=True), "extra": 1}),
                 id="an unknown key"),
    pytest.param(lambda t: well_formed({"roles": []}), id="keys missing"),
    pytest.param(lambda t: well_formed({**plain.to_data(t, by_alias=True), "roles": {}}),
                 id="a mapping for a list"),
    pytest.param(lambda t: well_formed([1, 2]), id="a list for a mapping"),
    pytest.param(lambda t: well_formed(plain.to_data(t, by_alias=True))
                 .replace(b'"lived_experience": false', b'"lived_experience": true', 1),
                 id="managers made lived experience after it was written"),
    pytest.param(lambda t: well_formed(plain.to_data(t, by_alias=True), source=b"other"),
                 id="made from another version of the file"),
    pytest.param(lambda t: well_formed(plain.to_data(t, by_alias=True)).replace(
        cache.__version__.encode(), b"0.0.0", 1), id="made by another version of coprod"),
    pytest.param(lambda t: b"\xff\xfe", id="not text"),
    pytest.param(lambda t: b"[" * 100_000, id="nested too deep"),
])
def test_a_cached_file_that_does_not_match_what_it_caches_is_ignored(
        home: Path, truth: Catalogue, content: Callable[[Catalogue], bytes]) -> None:
    cached_file(home).write_bytes(content(truth))
    assert Library.builtin().catalogue == truth


def test_a_damaged_cache_is_never_an_error(home: Path, run: Run) -> None:
    """A file that still parses once ended every later run in exit 3."""
    for path in home.iterdir():
        path.write_bytes(well_formed({"roles": "x", "levels": 1}))
    result = run("score", str(EXAMPLES / "nef-descriptive.yaml"))
    assert result.exit_code == 0, result.stderr


def test_a_cache_folder_others_can_write_is_left_alone(home: Path) -> None:
    group_writable_folder(home)
    for path in home.iterdir():
        path.unlink()
    Library.builtin()
    assert list(home.iterdir()) == []


def test_a_full_disk_under_the_cache_is_no_error_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, truth: Catalogue) -> None:
    """It once ended every run in exit 3."""
    import errno

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setenv("COPROD_CACHE_DIR", str(tmp_path / "coprod"))
    monkeypatch.setattr(cache.os, "replace", full)
    assert Library.builtin().catalogue == truth
    assert list((tmp_path / "coprod").iterdir()) == []


def test_a_slot_holds_one_text_and_gives_it_only_for_its_own_source(home: Path) -> None:
    """A text kept in a slot (show's, one for each layout of a framework) is read back only
    for the source it was made from; the next source's text takes its place."""
    cache.keep_text("shown", b"80 columns", "narrow", slot=b"nef")
    assert cache.load_text("shown", b"80 columns", slot=b"nef") == "narrow"
    assert cache.load_text("shown", b"120 columns", slot=b"nef") is None
    assert cache.load_text("shown", b"80 columns") is None  # kept under its slot's name
    cache.keep_text("shown", b"120 columns", "wide", slot=b"nef")
    assert cache.load_text("shown", b"120 columns", slot=b"nef") == "wide"
    assert cache.load_text("shown", b"80 columns", slot=b"nef") is None
    assert len(list(home.glob("shown-*.json"))) == 1
