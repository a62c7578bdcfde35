"""A workbook (.xlsx) checked as an archive before any XML parser sees a byte of it, so what
it may cost holds whichever parser reads it next: how many parts, how large unpacked (as
declared, and measured: a part may not unpack beyond what it declares), how far each part
unpacks beyond its packed size, how it is packed, and no part that declares a DTD (where
entities that expand to gigabytes or fetch a file are declared; real workbooks never have
one). Only the standard library's zipfile and zlib are used here."""

from __future__ import annotations

import codecs
import re
import sys
import zipfile
import zlib
from pathlib import Path
from typing import BinaryIO

from coprod_cli.errors import FileProblem, Location
from coprod_cli.i18n import N_, _
from coprod_cli.safetext import visible_line

# A workbook is a zip archive of XML parts. Real exports pack XML 5 to 30 times; a part that
# unpacks to hundreds of times its size is built to fill memory (a 523 KB file took 552 MB).
MAX_PARTS = 10_000
MAX_UNPACKED = 1024 * 1024 * 1024  # all parts together: a 1,000,000-row export fits
MAX_RATIO = 200
SMALL_PART = 1024 * 1024  # below this, any ratio is harmless
_PACKED_PIECE, _UNPACKED_PIECE = 16 * 1024, 64 * 1024  # read and unpacked at a time (_inflated)
MAX_PROLOG = 64 * 1024  # what may come before a part's first element (real parts: ~60 bytes)
DTD = ("declares a DTD (<!DOCTYPE>), which spreadsheets never do and which can expand to "
       "gigabytes or read other files")
FIX = N_("export the form's responses again, or save the sheet as 'CSV UTF-8'")

# What may come before an XML document's first element: blanks, the XML declaration,
# processing instructions and comments. A DTD would come next.
_PROLOG = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
          (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
          (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"), (codecs.BOM_UTF8, "utf-8"))


def check(path: Path) -> int:
    """Refuse (FileProblem, one line naming the file) a workbook built to cost more than a
    real one: read from the archive's directory and the first bytes of each part only.
    zipfile.BadZipFile (and OSError) pass through for the reader to word. What the parts
    unpack to together is returned (the reader chooses by it, without reading the directory
    again)."""
    where = Location(str(path))
    with _archive(path) as archive, open(path, "rb") as raw:
        parts = archive.infolist()
        unpacked = _sizes(parts, where)
        for part in parts:
            found = _packing(raw, part) or (None if part.is_dir() else
                                            _prolog(archive, part, where))
            if found is not None:
                raise FileProblem(
                    _("the workbook's part {name} {found}").format(name=_name(part), found=found),
                    _(FIX),
                    where,
                )
    return unpacked


def _archive(path: Path) -> zipfile.ZipFile:
    """The archive, its parts' names read as ASCII where they all are (a workbook's are),
    which needs no codec module: zipfile's own reading, as code page 437, imports one (0.3 ms
    of a start). Any other name is read as zipfile reads it, so every name is the same; a
    name marked UTF-8 that is not makes the archive a damaged one (zipfile cannot read it)."""
    if sys.version_info >= (3, 11):  # the first to take the names' encoding
        try:
            return zipfile.ZipFile(path, metadata_encoding="ascii")
        except UnicodeDecodeError:
            pass
    try:
        return zipfile.ZipFile(path)
    except UnicodeDecodeError:
        raise zipfile.BadZipFile("a part's name is marked UTF-8 but is not") from None


def _packing(raw: BinaryIO, part: zipfile.ZipInfo) -> str | None:
    """What is wrong with how the part is packed: encrypted, packed in a way spreadsheets
    never use, or unpacking to more than the archive's directory says (zipfile stops at the
    declared size, but another reader's zip library need not: so it is measured here)."""
    if part.flag_bits & 0x1:
        return "is encrypted"
    if part.compress_type == zipfile.ZIP_STORED:
        return None if part.compress_size == part.file_size else "is damaged"
    if part.compress_type != zipfile.ZIP_DEFLATED:
        return f"is packed in a way spreadsheets never use (method {part.compress_type})"
    raw.seek(part.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return "is damaged"
    raw.seek(part.header_offset + 30 + int.from_bytes(header[26:28], "little")
             + int.from_bytes(header[28:30], "little"))
    if _inflated(raw, part.compress_size, part.file_size) > part.file_size:
        return ("unpacks to more than the archive's directory says, as archives built to "
                "fill memory do")
    return None


def _inflated(raw: BinaryIO, packed: int, most: int) -> int:
    """How many bytes `packed` bytes of deflated data unpack to, counted up to `most` + 1
    (nothing is kept: memory stays at one chunk). The pieces are small on purpose: a piece
    under the allocator's threshold (128 KiB) reuses the same memory, where a 1 MiB one was
    mapped and faulted in afresh each time (0.12 s of CPU for a 91 MB part, now 0.05 s)."""
    inflater, produced, left = zlib.decompressobj(-zlib.MAX_WBITS), 0, packed
    try:
        while left > 0 and produced <= most:
            chunk = raw.read(min(left, _PACKED_PIECE))
            if not chunk:
                break
            left -= len(chunk)
            produced += len(inflater.decompress(chunk, _UNPACKED_PIECE))
            while inflater.unconsumed_tail and produced <= most:
                produced += len(inflater.decompress(inflater.unconsumed_tail, _UNPACKED_PIECE))
        if produced <= most:  # what zlib still holds when a piece filled as the input ran out
            produced += len(inflater.flush())
    except zlib.error:
        return produced  # damaged data: said when the part itself is read
    return produced


def _sizes(parts: list[zipfile.ZipInfo], where: Location) -> int:
    """What the parts unpack to together, as declared; refused when too many or too large."""
    if len(parts) > MAX_PARTS:
        raise FileProblem(
            _("the workbook has {len:,} parts (at most {MAX_PARTS:,})").format(
                len=len(parts), MAX_PARTS=MAX_PARTS
            ),
            _(FIX),
            where,
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED:
        raise FileProblem(
            _("the workbook unpacks to more than {value:,} MiB").format(
                value=MAX_UNPACKED // 2**20
            ),
            _("split the export, or export the form's responses again, or save the sheet as "
              "'CSV UTF-8'"),
            where,
        )
    for part in parts:
        if part.file_size > SMALL_PART and part.file_size > MAX_RATIO * part.compress_size:
            raise FileProblem(
                _(
                    "the workbook's part {name} unpacks to {value:,} times its size "
                    "(at most {MAX_RATIO}), as archives built to fill memory do"
                ).format(
                    name=_name(part),
                    value=part.file_size // max(part.compress_size, 1),
                    MAX_RATIO=MAX_RATIO,
                ),
                _(FIX),
                where,
            )
    return unpacked


def _prolog(archive: zipfile.ZipFile, part: zipfile.ZipInfo, where: Location) -> str | None:
    """What is wrong before the part's first element (read as XML in whatever encoding its
    first bytes show), or None; unpacked only as far as that element (or MAX_PROLOG)."""
    try:
        return _read_prolog(archive, part)
    except (RuntimeError, NotImplementedError, zlib.error, EOFError, ValueError,
            zipfile.BadZipFile):
        # zipfile's words for an encrypted part, an unknown packing or damaged data
        raise FileProblem(
            _(
                "the workbook's part {name} cannot be unpacked (damaged, encrypted or "
                "packed in an unknown way)"
            ).format(name=_name(part)),
            _(FIX),
            where,
        ) from None


def _read_prolog(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    with archive.open(part) as stream:
        head = stream.read(4)
        encoding = next((name for mark, name in _MARKS if head.startswith(mark)), None)
        # No mark (most often): read as Latin-1, a byte a character, which bytes.decode does
        # without looking up a codec (the lookup imports its module: 0.3 ms of a start)
        decode = _latin_1 if encoding is None else \
            codecs.getincrementaldecoder(encoding)(errors="replace").decode
        text = decode(head)
        while True:
            found = _after_prolog(text.lstrip("\ufeff"))
            if found is not None:
                return DTD if found else None
            if len(text) > MAX_PROLOG:
                return (f"has more than {MAX_PROLOG // 1024} KiB before its first element "
                        "(real parts have a line)")
            chunk = stream.read(4096)
            if not chunk:
                return None
            text += decode(chunk)


def _latin_1(data: bytes) -> str:
    return data.decode("latin-1")


def _after_prolog(text: str) -> bool | None:
    """True: a DTD follows the prolog; False: an element (or no XML) does; None: unknown yet."""
    end = _PROLOG.match(text).end()  # type: ignore[union-attr]  # it matches the empty string
    rest = text[end:]
    if rest[:9].upper() == "<!DOCTYPE":
        return True
    if len(rest) < len("<!DOCTYPE") or rest.startswith(("<?", "<!--")):
        return None  # a declaration, instruction or comment not yet closed, or too little
    return False


def _name(part: zipfile.ZipInfo) -> str:
    name = visible_line(part.filename)
    return name if len(name) <= 80 else name[:77] + "..."
