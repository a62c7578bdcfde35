"""Text from files, cells and file names made safe to show: nothing invisible acts on a reader.

A string from outside (a framework's wording, a CSV cell, a file name) may hold control
characters that a terminal obeys (ESC starts a sequence that can retitle the window, make
a link or rewrite the screen), or bidirectional overrides that make text read differently
from what it is. Each is shown as a visible escape, like Python's repr: ESC as ``\\x1b``,
RIGHT-TO-LEFT OVERRIDE as ``\\u202e``. Bytes of a file name that are not UTF-8 (which
Python keeps as lone surrogates) are shown as ``\\xNN``. Stdlib only, used by every format.
"""

from __future__ import annotations

import functools
import os
import re

# C0 controls, DEL and C1 controls, then characters that reorder or hide text, then lone
# surrogates (undecodable bytes of a file name). As character classes, not a table of every
# code point: building that table cost 2 ms at every start. The controls are all below U+00A0,
# so their classes compile in microseconds; a class holding the marks and surrogates is built
# over the whole Basic Multilingual Plane (0.6 ms each, for blocks and for lines, at every
# start), so it is compiled only for a text that holds one of them, found among its
# characters beyond ASCII first.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # tab and newline are added for one line
_MARKS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                   "\u2028\u2029\ufeff")  # each character that reorders or hides text
_INVISIBLE = "".join(sorted(_MARKS)) + "\ud800-\udfff"  # the marks and the lone surrogates
_BLOCK = re.compile(f"[{_CONTROLS}]")
_LINE = re.compile(f"[\t\n{_CONTROLS}]")
_BEYOND_ASCII = re.compile("[^\x00-\x7f]")


@functools.cache
def _marks() -> re.Pattern[str]:
    return re.compile(f"[{_INVISIBLE}]")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Control and invisible characters made visible; newlines and tabs kept (for a block)."""
    return _unmarked(_BLOCK.sub(_escape, text))


def visible_line(text: str) -> str:
    """As `visible`, and newlines and tabs shown too, so the text stays on one line."""
    return _unmarked(_LINE.sub(_escape, text))


def _unmarked(text: str) -> str:
    """The marks and surrogates made visible (the controls' escapes are ASCII: untouched)."""
    return _marks().sub(_escape, text) if _marked(text) else text


def _marked(text: str) -> bool:
    """Whether the text holds a mark or a lone surrogate."""
    if text.isascii():
        return False
    found = set(_BEYOND_ASCII.findall(text))
    return not _MARKS.isdisjoint(found) or any("\ud800" <= c <= "\udfff" for c in found)


def file_name(name: str | os.PathLike[str]) -> str:
    """A file name as it can be shown anywhere: undecodable bytes and controls made visible."""
    return visible_line(os.fspath(name))


def is_visible(text: str) -> bool:
    """True when nothing in the text would be escaped by `visible_line`."""
    return _LINE.search(text) is None and not _marked(text)
