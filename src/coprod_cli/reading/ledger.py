"""coprod's memory of what it has shared: for each shareable result it wrote, the framework,
the date and a sketch of who answered (sketch.py: salted hashes, never figures or answers).

A shared result whose respondents differ from an earlier one of the same framework by fewer
than --min-group people, the rest being the same people, would let a reader set the two side
by side and work out those few people's answers (a draft and a final, before and after a late
reply). `conflict` finds such an earlier result, so the command can refuse.

The file sits in a private folder (COPROD_STATE_DIR, else the user's state folder) and is
trusted no more than the start-up cache is (reading/cache.py, whose checks it uses): the folder
and the file must be the user's own and writable by nobody else, and the file must have
exactly the shape written here. When it cannot be used, the command says so and goes on: it
can then not check the result against earlier ones, which the README says. A file a later
coprod wrote is left as it is: writing over it would lose what that coprod remembers.
"""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import datetime
import json
import os
from dataclasses import field
from pathlib import Path

from coprod_cli.classes import frozen, mutable
from coprod_cli.reading import cache
from coprod_cli.sketch import KIND, Sketch

NAME = "shared.json"
KEEP = 200  # results remembered; the oldest are forgotten first
VERSION = 2  # 1: every sketch of keys of the first kind (sketch.key), with no "keys" field


@frozen
class Shared:
    """One shared result: its framework, when it was shared, and who answered it."""

    framework: str
    on: str  # an ISO date
    sketch: Sketch
    keys: int = KIND  # the kind of keys the sketch holds (1: sketch.key, 2: sketch.Keys)


@mutable
class Ledger:
    """What coprod shared before (none when `problem` says why it cannot be known)."""

    path: Path | None
    salt: bytes = b""
    results: list[Shared] = field(default_factory=list)
    problem: str | None = None
    # How many people a result may hold and still need keys of the first kind to be compared
    # with an entry of that kind (`reach`; 0: none is kept).
    former: int = 0


def reach(ledger: Ledger, min_group: int) -> int:
    """The most people a result can hold and still differ by fewer than min_group from an
    entry of keys of the first kind (two sets differ by at least the gap in their sizes)."""
    sizes = [r.sketch.size for r in ledger.results if r.keys != KIND]
    return max(sizes) + min_group - 1 if sizes and min_group > 1 else 0


def folder() -> Path | None:
    """COPROD_STATE_DIR, else the user's state folder; None where folders cannot be held open
    to check them (Windows)."""
    if os.open not in os.supports_dir_fd:
        return None
    home = os.environ.get("COPROD_STATE_DIR") or os.path.join(
        os.environ.get("XDG_STATE_HOME") or os.path.expanduser("~/.local/state"), "coprod")
    return Path(home)


class _Later(ValueError):
    """A memory of a version after VERSION: never read, never written over."""


def load() -> Ledger:
    """The ledger, a new one (with a new salt) when there is none, or one that says why it
    cannot be used; never raises."""
    home = folder()
    if home is None:
        return Ledger(None, problem="coprod cannot keep a private file here")
    try:
        cache.make_private(home)
        with cache.private_folder(home) as handle:
            try:
                raw = cache.read_own_file(NAME, handle)
            except FileNotFoundError:
                return Ledger(home / NAME, os.urandom(16))
    except OSError as error:
        return Ledger(home / NAME, problem=f"{home / NAME} cannot be used ({_why(error)})")
    try:
        return _parse(home / NAME, raw)
    except _Later:  # kept as it is: this coprod would write over what a later one remembers
        return Ledger(home / NAME, problem=f"{home / NAME} was written by a later coprod and "
                      "is left as it is")
    except (ValueError, RecursionError):  # the user's own file, damaged: started afresh
        return Ledger(home / NAME, os.urandom(16),
                      problem=f"{home / NAME} was not as coprod writes it and starts afresh")


def _why(error: OSError) -> str:
    return error.strerror or str(error)


def _parse(path: Path, raw: bytes) -> Ledger:
    data = json.loads(raw)
    if not isinstance(data, dict) or type(data.get("coprod-shared")) is not int:
        raise ValueError("not a ledger")
    if data["coprod-shared"] > VERSION:
        raise _Later("a later version")
    if set(data) != {"coprod-shared", "salt", "results"} or data["coprod-shared"] < 1 \
            or not isinstance(data["results"], list):
        raise ValueError("not a ledger")
    salt = bytes.fromhex(data["salt"]) if isinstance(data["salt"], str) else b""
    if len(salt) != 16:
        raise ValueError("not a ledger")
    results = []
    fields = {"framework", "on", "sketch"} | ({"keys"} if data["coprod-shared"] > 1 else set())
    for item in data["results"]:
        if not isinstance(item, dict) or set(item) != fields \
                or not isinstance(item["framework"], str) or not isinstance(item["on"], str) \
                or item.get("keys", 1) not in (1, KIND) or type(item.get("keys", 1)) is not int:
            raise ValueError("not a ledger")
        datetime.date.fromisoformat(item["on"])
        results.append(Shared(item["framework"], item["on"], Sketch.from_data(item["sketch"]),
                              item.get("keys", 1)))
    return Ledger(path, salt, results)


def conflict(ledger: Ledger, framework: str, sketch: Sketch,
             min_group: int) -> tuple[Shared, int] | None:
    """An earlier shared result of the framework that this one differs from by fewer than
    `min_group` people (the rest the same people), and by how many; None if there is none."""
    for earlier in reversed(ledger.results):
        if earlier.framework == framework:
            apart = differ(_alike(sketch, earlier, min_group), earlier.sketch, min_group)
            if apart:
                return earlier, apart
    return None


def _alike(sketch: Sketch, earlier: Shared, min_group: int) -> Sketch:
    """The sketch of the same kind of keys as the earlier entry's (`sketch.former` for the
    first kind): a sketch kept only while it could matter, so never missing where it does."""
    if earlier.keys == KIND:
        return sketch
    if sketch.former is None and abs(sketch.size - earlier.sketch.size) < min_group:
        raise RuntimeError("a result to compare with keys of the first kind was not kept")
    return sketch.former or sketch


def differ(one: Sketch, other: Sketch, min_group: int) -> int:
    """How many people two sets differ by, when that is from 1 to min_group - 1 and the sets
    share someone; else 0 (the same people, many apart, or nobody in common). Sets whose
    sizes are min_group or more apart differ by at least that many."""
    if abs(one.size - other.size) >= min_group:
        return 0
    fewest = one.fewest_apart(other)  # 0 only when every cell is alike: the same people
    if not 0 < fewest < min_group:
        return 0  # the same people, or min_group or more apart if told at all: nothing to peel
    found = one.difference(other)
    if found is None:
        return 0
    here, there = found
    common = one.size - here
    return here + there if 0 < here + there < min_group and common > 0 else 0


def remember(ledger: Ledger, framework: str, *sketches: Sketch) -> str | None:
    """Add shared results, in order, and write the ledger once (0600) if any was new; what
    went wrong, if anything. A trend's rounds are remembered in one write."""
    if ledger.path is None or not ledger.salt:  # not to be used: why, said once
        return ledger.problem
    if not any([_added(ledger, framework, sketch) for sketch in sketches]):  # each added
        return None  # the same people again: nothing new to remember
    from coprod_cli.files import write_atomic  # only when something new is remembered

    data = {"coprod-shared": VERSION, "salt": ledger.salt.hex(),
            "results": [{"framework": r.framework, "on": r.on, "keys": r.keys,
                         "sketch": r.sketch.data()} for r in ledger.results]}
    try:
        with cache.private_folder(ledger.path.parent):
            write_atomic(ledger.path, json.dumps(data, separators=(",", ":")), private=True)
    except OSError as error:
        return f"{ledger.path} could not be written ({_why(error)})"
    return None


def _added(ledger: Ledger, framework: str, sketch: Sketch) -> bool:
    """A shared result added to the ledger in memory; False when it holds the same people
    already (with keys of the kind made now)."""
    same = [at for at, r in enumerate(ledger.results) if r.framework == framework
            and _same(sketch if r.keys == KIND else sketch.former, r.sketch)]
    if any(ledger.results[at].keys == KIND for at in same):
        return False
    if same:  # the same people as an entry of the first kind: that entry now has KIND keys
        ledger.results[same[-1]] = Shared(framework, ledger.results[same[-1]].on, sketch)
    else:
        ledger.results = [*ledger.results, Shared(framework, datetime.date.today().isoformat(),
                                                  sketch)][-KEEP:]
    return True


def _same(one: Sketch | None, other: Sketch) -> bool:
    """Whether two sketches of the same kind of keys hold the same people: every cell alike
    (what `difference` finds when it has nothing to peel, without subtracting them)."""
    return one is not None and one.size == other.size and one.cells == other.cells
