"""Writing files: whole or not at all, through links, directly to devices and pipes."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coprod_cli import files
from coprod_cli.errors import FileProblem
from coprod_cli.files import write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for a test; the old one comes back after it."""
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    write_atomic(path, "one\n")
    assert path.read_text() == "one\n" and leftovers(tmp_path) == []


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600),
                                                (0o002, 0o664), (0o027, 0o640)])
def test_a_new_file_follows_the_umask(tmp_path: Path, umask: Callable[[int], None],
                                      mask: int, expected: int) -> None:
    """It was 0644 whatever the umask, so umask 077 still left a report readable by all."""
    umask(mask)
    write_atomic(tmp_path / "report.txt", "text")
    assert mode(tmp_path / "report.txt") == expected


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_a_new_private_file_is_0600_whatever_the_umask(
        tmp_path: Path, umask: Callable[[int], None], mask: int) -> None:
    umask(mask)
    write_atomic(tmp_path / "answers.yaml", "answers: {}", private=True)
    assert mode(tmp_path / "answers.yaml") == 0o600


@pytest.mark.parametrize("private", [False, True])
def test_replacing_keeps_the_old_mode(tmp_path: Path, private: bool) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new", private=private)
    assert path.read_text() == "new" and mode(path) == 0o640


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="only root can give a file to another account")
def test_replacing_keeps_the_old_owner(tmp_path: Path) -> None:
    path = tmp_path / "theirs.yaml"
    path.write_text("old")
    os.chown(path, 4242, 4343)
    write_atomic(path, "new", private=True)
    info = path.stat()
    assert path.read_text() == "new" and (info.st_uid, info.st_gid) == (4242, 4343)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "answers.yaml"
    target.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"
    assert leftovers(tmp_path) == [] and leftovers(tmp_path / "real") == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "later.yaml")
    write_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "later.yaml").read_text() == "new"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="is a folder"):
        write_atomic(tmp_path, "x")


def test_a_read_only_file_is_left_as_it_is_even_by_root(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("someone's answers")
    path.chmod(0o444)
    with pytest.raises(FileProblem, match="read-only"):
        write_atomic(path, "x")
    assert path.read_text() == "someone's answers" and leftovers(tmp_path) == []


def test_a_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here (needs root on Linux)")
    write_atomic(node, "discarded\n")
    assert stat.S_ISCHR(node.stat().st_mode) and leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_is_written_into(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()))
    reader.start()
    write_atomic(pipe, "through the pipe\n")
    reader.join(10)
    assert got == [b"through the pipe\n"] and stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_descriptor_name_is_written_where_it_points(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert files._target(Path("/dev/stdout")) is None
    assert files._target(Path("/proc/self/fd/1")) is None
    assert files._target(Path("/dev/fd/7")) is None


@pytest.mark.parametrize("step", ["_fill", "_keep_mode_and_owner", "replace"])
def test_every_failure_removes_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  step: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("old")

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os if step == "replace" else files, step, broken)
    with pytest.raises(OSError):
        write_atomic(path, "new")
    assert path.read_text() == "old" and leftovers(tmp_path) == []


def test_the_folder_is_synced_after_the_rename(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "file")
        real_fsync(handle)

    monkeypatch.setattr(files.os, "fsync", fsync)
    write_atomic(tmp_path / "a.yaml", "x")
    assert synced == ["file", "folder"]


POINTS = [("os", "write"), ("os", "fsync"), ("os", "close"), ("os", "chmod"), ("os", "chown"),
          ("os", "replace"), ("files", "_keep_mode_and_owner"), ("files", "_fill")]


@pytest.mark.parametrize(("where", "name"), POINTS, ids=[n for _, n in POINTS])
@pytest.mark.parametrize("existing", [False, True])
def test_ctrl_c_at_any_step_leaves_no_temporary_file_and_no_half_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, name: str,
        existing: bool) -> None:
    """KeyboardInterrupt (Ctrl-C, or SIGTERM, which coprod turns into one) at each step of a
    write: the file is as it was or whole, and nothing is left beside it."""
    if name == "chown" and not existing:
        pytest.skip("a new file is given no owner")
    path = tmp_path / "report.html"
    if existing:
        path.write_text("old")
        path.chmod(0o640)
    module = os if where == "os" else files
    real = getattr(module, name)

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(module, name, interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new " * 10_000, private=True)
    monkeypatch.setattr(module, name, real)
    assert leftovers(tmp_path) == []
    assert (path.read_text() if path.exists() else None) == ("old" if existing else None)


def test_the_questionnaires_folder_check_leaves_nothing_even_when_interrupted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files.check_folder_writable(tmp_path / "a.yaml")
    assert list(tmp_path.iterdir()) == []

    def interrupted(handle: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "close", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.check_folder_writable(tmp_path / "a.yaml")
    monkeypatch.undo()
    assert leftovers(tmp_path) == []


def test_an_interrupt_just_after_the_temporary_file_is_made_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file exists but its descriptor was never handed back (a SIGTERM landed there once,
    and the file stayed): it was named before it was made, so it is removed by that name."""
    real = files._open_new

    def made_then_interrupted(path: Path) -> int:
        os.close(real(path))
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_open_new", made_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "report.html", "new")
    with pytest.raises(KeyboardInterrupt):
        files.check_folder_writable(tmp_path / "a.yaml")
    assert list(tmp_path.iterdir()) == []
