"""A workbook checked as an archive before any parser sees it: what holds here holds for
openpyxl, python-calamine or any reader coprod may use, since none of them is asked."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from coprod_cli.errors import FileProblem
from coprod_cli.reading import xlsxcheck
from tests.conftest import Run
from tests.reading.test_formxlsx import EXPORT, EXTERNAL, LAUGHS, SHEET, in_sheet, rewritten

DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
COMMENT = b"<!-- " + b"padding " * 500 + b"-->"


def with_dtd(dtd: bytes, before: bytes = DECLARATION, encoding: str = "utf-8",
             mark: bytes = b"") -> bytes:
    """A sheet that declares `dtd` after `before`, in `encoding`."""
    def edit(data: bytes) -> bytes:
        return mark + (before + dtd + data).decode("utf-8").encode(encoding)
    return edit  # type: ignore[return-value]


HOSTILE = {
    "entities that expand": (SHEET, with_dtd(LAUGHS)),
    "an external entity": (SHEET, with_dtd(EXTERNAL)),
    "a DTD after a long comment": (SHEET, with_dtd(EXTERNAL, DECLARATION + COMMENT)),
    "a DTD in lower case": (SHEET, with_dtd(EXTERNAL.replace(b"DOCTYPE", b"doctype"))),
    "a DTD in UTF-16": (SHEET, with_dtd(EXTERNAL, b'<?xml version="1.0" encoding="UTF-16"?>',
                                       "utf-16-le", b"\xff\xfe")),
    "a DTD in UTF-16 with no mark": (SHEET, with_dtd(EXTERNAL, b"", "utf-16-be")),
    "a DTD in UTF-32": (SHEET, with_dtd(EXTERNAL, b"", "utf-32-le")),
    "a DTD in a part of another name": ("xl/styles.xml", with_dtd(LAUGHS)),
    "a DTD in the content types": ("[Content_Types].xml", with_dtd(LAUGHS, b"")),
    "a DTD in a relationship part": ("_rels/.rels", with_dtd(EXTERNAL)),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_dtd_anywhere_is_refused_before_parsing(run: Run, tmp_path: Path, case: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    part, edit = HOSTILE[case]
    path = rewritten(tmp_path, lambda name, data: edit(data) if name == part else data)
    with pytest.raises(FileProblem, match="declares a DTD"):
        xlsxcheck.check(path)
    import openpyxl

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the parser was given a hostile workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {path}: the workbook's part ")


@pytest.mark.parametrize("harmless", [
    lambda data: DECLARATION + data, lambda data: DECLARATION + COMMENT + data,
    lambda data: b"\xef\xbb\xbf" + DECLARATION + data,
    lambda data: b'<?xml version="1.0" encoding="UTF-16"?>'.decode().encode("utf-16")
    + data.decode().encode("utf-16-le"),
    lambda data: data.replace(b"<sheetData>", b"<sheetData><!-- <!DOCTYPE x> -->", 1),
], ids=["declaration", "a comment", "a byte-order mark", "UTF-16", "DOCTYPE in a comment"])
def test_real_workbooks_pass(tmp_path: Path, harmless: object) -> None:
    with zipfile.ZipFile(EXPORT) as archive:  # what the parts unpack to, as declared
        assert xlsxcheck.check(EXPORT) == sum(part.file_size for part in archive.infolist())
    xlsxcheck.check(rewritten(tmp_path, in_sheet(harmless)))  # type: ignore[arg-type]


@pytest.mark.parametrize("byte", [b"X", b"\x82"], ids=["ASCII", "code page 437"])
def test_a_part_is_named_as_zipfile_names_it(tmp_path: Path, byte: bytes) -> None:
    """Names are read as ASCII where they are, else as zipfile reads them (code page 437,
    where the archive does not mark them UTF-8): the same name in either case."""
    path = rewritten(tmp_path, lambda name, data: data,
                     {"xl/cafX.xml": DECLARATION + EXTERNAL + b"<x/>"})
    path.write_bytes(path.read_bytes().replace(b"xl/cafX.xml", b"xl/caf" + byte + b".xml"))
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[-1]
    assert name == ("xl/cafX.xml" if byte == b"X" else "xl/caf\u00e9.xml")
    with pytest.raises(FileProblem, match=f"part {name} declares a DTD"):
        xlsxcheck.check(path)


def test_a_part_name_marked_utf8_that_is_not_is_one_line(run: Run, tmp_path: Path) -> None:
    """zipfile cannot read such a name at all: a damaged workbook, said in one line (exit 2),
    never a bug in coprod."""
    path = rewritten(tmp_path, lambda name, data: data, {"xl/caf\u00e9.xml": b"<x/>"})
    path.write_bytes(path.read_bytes().replace("caf\u00e9".encode(), b"caf\xff\xfe"))
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "not a readable .xlsx workbook" in result.stderr


def test_a_prolog_that_never_ends_is_refused(tmp_path: Path) -> None:
    """A comment left open could hide a DTD past any length read."""
    path = rewritten(tmp_path, in_sheet(lambda data: b"<!-- " + b"x" * 100_000 + data))
    with pytest.raises(FileProblem, match=f"{SHEET} has more than 64 KiB before its first "
                                          "element"):
        xlsxcheck.check(path)


def test_too_many_parts_are_refused(run: Run, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxcheck, "MAX_PARTS", 20)
    path = rewritten(tmp_path, lambda name, data: data,
                     {f"xl/media/{n}.bin": b"" for n in range(20)})
    result = run("score", str(path))
    assert result.exit_code == 2 and "parts (at most 20)" in result.stderr


def test_a_workbook_that_unpacks_too_large_is_refused(run: Run,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsxcheck, "MAX_UNPACKED", 1000)
    result = run("score", str(EXPORT))
    assert result.exit_code == 2 and "unpacks to more than" in result.stderr


def test_a_part_built_to_fill_memory_is_refused_from_the_directory_alone(tmp_path: Path) -> None:
    """4 GB of zeros would pack to 4 MB; 8 MiB packed to 8 KiB shows the same ratio."""
    path = rewritten(tmp_path, lambda name, data: data,
                     {"xl/worksheets/sheet2.xml": b"\0" * 8 * 2**20})
    with pytest.raises(FileProblem, match=r"sheet2.xml unpacks to [\d,]+ times its size "
                                          r"\(at most 200\)"):
        xlsxcheck.check(path)


def test_an_encrypted_or_damaged_part_is_one_line(run: Run, tmp_path: Path) -> None:
    path = rewritten(tmp_path, lambda name, data: data)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start:start + 16] = b"\xff" * 16  # the deflated data, garbled at its start
    path.write_bytes(bytes(raw))
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"the workbook's part {SHEET} cannot be unpacked" in result.stderr


def test_the_check_needs_no_xml_parser(tmp_path: Path) -> None:
    """So it holds whichever parser reads the workbook next."""
    path = rewritten(tmp_path, in_sheet(with_dtd(LAUGHS)))  # type: ignore[arg-type]
    code = ("import sys\nfrom pathlib import Path\nfrom coprod_cli.reading import xlsxcheck\n"
            f"try:\n    xlsxcheck.check(Path({str(path)!r}))\nexcept Exception as e:\n"
            "    print(type(e).__name__)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('openpyxl', 'python_calamine', 'lxml', 'xml', 'pyexpat', 'defusedxml')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[:2] == ["FileProblem", "[]"]


def central_entry(data: bytes, name: str) -> int:
    """Where the archive's directory describes the part `name`."""
    at = data.index(b"PK\x01\x02")
    while data[at + 46:at + 46 + len(name)] != name.encode():
        at = data.index(b"PK\x01\x02", at + 4)
    return at


def lying(folder: Path, real: int) -> Path:
    """The example whose sheet declares its own size but inflates `real` bytes beyond it (the
    CRC made for what the declared size holds): zipfile stops at the declared size, a zip
    library of another reader need not."""
    import struct
    import zlib

    sheet = zipfile.ZipFile(EXPORT).read(SHEET)
    payload = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * real, 1)
    path = rewritten(folder, in_sheet(lambda data: payload))
    data = bytearray(path.read_bytes())
    offset = zipfile.ZipFile(path).getinfo(SHEET).header_offset
    crc, central = zlib.crc32(payload[:len(sheet)]), central_entry(bytes(data), SHEET)
    struct.pack_into("<I", data, offset + 14, crc)  # the local header: CRC, sizes at +18
    struct.pack_into("<I", data, offset + 22, len(sheet))
    struct.pack_into("<I", data, central + 16, crc)  # the directory: CRC, sizes at +20
    struct.pack_into("<I", data, central + 24, len(sheet))
    path.write_bytes(bytes(data))
    return path


def test_a_part_that_unpacks_beyond_what_it_declares_is_refused(run: Run, tmp_path: Path) -> None:
    """Its declared sizes pass every limit, so only measuring it finds the 300 MB it holds."""
    path = lying(tmp_path, 300_000_000)
    assert zipfile.ZipFile(path).getinfo(SHEET).file_size < 100_000
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert f"the workbook's part {SHEET} unpacks to more than the archive's directory says" \
        in result.stderr


@pytest.mark.parametrize(("method", "flags", "said"), [
    (zipfile.ZIP_BZIP2, 0, "is packed in a way spreadsheets never use (method 12)"),
    (zipfile.ZIP_LZMA, 0, "is packed in a way spreadsheets never use (method 14)"),
    (zipfile.ZIP_DEFLATED, 1, "is encrypted"),
])
def test_a_part_packed_as_no_spreadsheet_packs_is_refused(tmp_path: Path, method: int,
                                                         flags: int, said: str) -> None:
    path = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(EXPORT) as source, zipfile.ZipFile(path, "w", method) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    if flags:
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as archive:
            entry = archive.getinfo(SHEET)
        data[entry.header_offset + 6] |= 1
        data[central_entry(bytes(data), SHEET) + 8] |= 1
        path.write_bytes(bytes(data))
    with pytest.raises(FileProblem, match=re.escape(said)):
        xlsxcheck.check(path)


@pytest.mark.parametrize("size", [0, 1, 65_535, 65_536, 65_537, 3_000_001])
def test_every_byte_a_part_unpacks_to_is_counted(size: int) -> None:
    """The measure reads and unpacks a piece at a time: however the pieces fall, the count is
    the part's whole size, and one byte over what it declares is over."""
    import random
    import zlib

    rng = random.Random(size)
    data = bytes(rng.choice(b"<c>v0123 ") for _ in range(size // 3)) + b"x" * (size - size // 3)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = packer.compress(data) + packer.flush()
    assert xlsxcheck._inflated(io.BytesIO(packed), len(packed), size) == size
    if size:
        assert xlsxcheck._inflated(io.BytesIO(packed), len(packed), size - 1) > size - 1


@pytest.mark.parametrize("size", [65_600, 196_617, 1_048_700])
def test_what_is_still_held_when_a_piece_fills_as_the_input_ends_is_counted(size: int) -> None:
    """A part packed tightly ends in a few bytes that unpack to hundreds: when a piece fills
    just as they are read, the rest is still counted, so a part one byte over is refused."""
    import zlib

    data = b"x" * size
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = packer.compress(data) + packer.flush()
    assert xlsxcheck._inflated(io.BytesIO(packed), len(packed), size) == size
    assert xlsxcheck._inflated(io.BytesIO(packed), len(packed), size - 1) > size - 1
