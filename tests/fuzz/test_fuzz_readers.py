"""The readers the other fuzz tests do not reach: .xlsx workbooks (whole files and single parts
mutated), framework files given with --framework, CSV cells as people and spreadsheets write
them, and the start-up cache, planted with damaged or reshaped files. Each ends in a result or
one located line (exit 0, 1 or 2), never exit 3, a traceback or raw control characters."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from coprod_cli import plain
from coprod_cli.models import Catalogue
from coprod_cli.reading import cache
from coprod_cli.reading.loader import CATALOGUE_FILE, Library, builtin_folder
from tests.conftest import DATA, EXAMPLES
from tests.fuzz.strategies import FUZZ, mutated
from tests.fuzz.test_fuzz_cli import check

EXPORT = (EXAMPLES / "microsoft-forms-export.xlsx").read_bytes()
with zipfile.ZipFile(io.BytesIO(EXPORT)) as _archive:
    PARTS = {info.filename: _archive.read(info) for info in _archive.infolist()}
XML = ['<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>', '<!ENTITY x SYSTEM "file:///etc/passwd">',
       "&a;", "&x;", "&#0;", "&#x1b;", "<?xml version='1.0' encoding='UTF-16'?>", "<!--",
       "-->", ' r="!!2"', ' r="XFD1048576"', ' r="A0"', ' t="s"', ' t="e"', ' t="d"',
       "<v>99999999999</v>", "<v>-1</v>", "<v>1e999</v>", "<v>NaN</v>", '<c r="B2"><v>',
       "</row>", "<row>", '<dimension ref="A1:XFD1048576"/>', "<sheetData>", "</sheetData>",
       "\x1b]0;x\x07", "\u202e", "<is><t>=1+1</t></is>", "<t>3 - Intermediate</t>", "\x00"]


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    """The Microsoft Forms example with one part mutated (XML fragments spliced in), dropped,
    or repeated, or the whole file's bytes mutated."""
    if draw(st.booleans()):
        return draw(mutated(EXPORT))
    parts = dict(PARTS)
    name = draw(st.sampled_from(sorted(parts)))
    action = draw(st.sampled_from(["mutate", "splice", "drop", "store"]))
    if action == "drop":
        del parts[name]
    elif action == "splice":
        data = parts[name]
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.sampled_from(XML)).encode("utf-8", "replace") + data[at:]
        parts[name] = data
    elif action == "mutate":
        parts[name] = draw(mutated(parts[name]))
    packed = io.BytesIO()
    method = zipfile.ZIP_STORED if action == "store" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(packed, "w", method) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return packed.getvalue()


@FUZZ
@given(workbooks())
def test_workbooks(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xlsx"
        path.write_bytes(data)
        check(["score", str(path), "--min-group", "1"])


FRAMEWORK = (DATA / "valid" / "minimal-framework.yaml").read_bytes()


@FUZZ
@given(mutated(FRAMEWORK), st.sampled_from(["show", "validate", "frameworks"]))
def test_framework_files_given_with_framework(data: bytes, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "framework.yaml"
        path.write_bytes(data)
        args = {"show": ["show", "minimal", "-F", str(path)], "validate": ["validate", str(path)],
                "frameworks": ["frameworks", "-F", str(path), "--format", "markdown"]}[command]
        check(args)


CELLS = ["=1+1", "@SUM(A1)", "+2", "-1", "3 - Intermediate", "2 - Intermediate", "Don't know",
         '"', '""', "\r", "\n", ";", "\t", "\ufeff", "\x1b[2J", "x" * 300, ",,,,,,,,"]
CSV = (EXAMPLES / "online-form.csv").read_text(encoding="utf-8")


@st.composite
def form_cells(draw: st.DrawFn) -> bytes:
    """The example export with cells replaced by what people and spreadsheets write, in UTF-8
    or UTF-16 (Excel's 'Unicode Text')."""
    lines = CSV.splitlines()
    for _ in range(draw(st.integers(1, 5))):
        row = draw(st.integers(0, len(lines) - 1))
        cells = lines[row].split(",")
        cells[draw(st.integers(0, len(cells) - 1))] = draw(st.sampled_from(CELLS) | st.text(
            max_size=12))
        lines[row] = ",".join(cells)
    text = "\n".join(lines) + "\n"
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16"])), "surrogatepass")


@FUZZ
@given(form_cells())
def test_form_export_cells(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(data)
        check(["score", str(path), "--min-group", "1"])


SOURCE = (builtin_folder() / CATALOGUE_FILE).read_bytes()
_TRUTH: list[Catalogue] = []


def truth() -> Catalogue:
    if not _TRUTH:
        os.environ["COPROD_NO_CACHE"] = "1"
        try:
            _TRUTH.append(Library.builtin().catalogue)
        finally:
            del os.environ["COPROD_NO_CACHE"]
    return _TRUTH[0]


def signed(body: bytes) -> bytes:
    """A cache file whose header matches its data, as a planter with the user's rights (or a
    damaged disk that happened to keep the digest) would write it."""
    header = {"coprod": cache.__version__, "name": CATALOGUE_FILE,
              "source_blake2b": hashlib.blake2b(SOURCE, digest_size=32).hexdigest(),
              "data_blake2b": hashlib.blake2b(body, digest_size=32).hexdigest()}
    return json.dumps(header).encode() + b"\n" + body


@st.composite
def cache_files(draw: st.DrawFn) -> bytes:
    """A kept file damaged anywhere (its header then fails), or its data reshaped and signed
    again, so the data itself reaches the reader."""
    body = json.dumps(plain.to_data(truth(), by_alias=True)).encode()
    if draw(st.booleans()):
        return draw(mutated(signed(body)))
    return signed(draw(mutated(body)))


_HOME: list[Path] = []


def kept_file() -> Path:
    """The catalogue's cache file, made once as coprod makes it, in a folder of the tests'."""
    if not _HOME:
        home = Path(tempfile.mkdtemp(prefix="coprod-fuzz-cache-")) / "coprod"
        before = os.environ["COPROD_CACHE_DIR"]
        os.environ["COPROD_CACHE_DIR"] = str(home)
        try:
            Library.builtin()
        finally:
            os.environ["COPROD_CACHE_DIR"] = before
        _HOME.append(home)
    (path,) = _HOME[0].glob(f"{CATALOGUE_FILE}-*.json")
    return path


@FUZZ
@given(cache_files())
def test_the_cache_reader(data: bytes) -> None:
    """Whatever the file holds, the reader gives a catalogue that reads back exactly as it
    was kept, or None (the source is then read): never an exception, so never an error."""
    path = kept_file()
    path.write_bytes(data)
    before = os.environ["COPROD_CACHE_DIR"]
    os.environ["COPROD_CACHE_DIR"] = str(path.parent)
    try:
        value = cache.load(CATALOGUE_FILE, SOURCE, Catalogue)
    finally:
        os.environ["COPROD_CACHE_DIR"] = before
    if value is not None:
        assert isinstance(value, Catalogue)
        kept = data.partition(b"\n")[2]
        assert plain.to_data(value, by_alias=True) == json.loads(kept)
