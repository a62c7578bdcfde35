"""Text from files, cells and file names made safe to show: nothing invisible acts on a reader.

A string from outside (a framework's wording, a CSV cell, a file name) may hold control
characters that a terminal obeys (ESC starts a sequence that can retitle the window, make
a link or rewrite the screen), or bidirectional overrides that make text read differently
from what it is. Each is shown as a visible escape, like Python's repr: ESC as ``\\x1b``,
RIGHT-TO-LEFT OVERRIDE as ``\\u202e``. Bytes of a file name that are not UTF-8 (which
Python keeps as lone surrogates) are shown as ``\\xNN``. Stdlib only, used by every format.
"""

from __future__ import annotations

import os

# C0 controls, DEL and C1 controls, then characters that reorder or hide text.
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_INVISIBLE = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
              0x2028, 0x2029, 0xFEFF]


def _escape(code: int) -> str:
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_LINE = {code: _escape(code) for code in [*_CONTROLS, *_INVISIBLE, *range(0xD800, 0xE000)]}
_BLOCK = {code: text for code, text in _LINE.items() if code not in (0x09, 0x0A)}


def visible(text: str) -> str:
    """Control and invisible characters made visible; newlines and tabs kept (for a block)."""
    return text.translate(_BLOCK)


def visible_line(text: str) -> str:
    """As `visible`, and newlines and tabs shown too, so the text stays on one line."""
    return text.translate(_LINE)


def file_name(name: str | os.PathLike[str]) -> str:
    """A file name as it can be shown anywhere: undecodable bytes and controls made visible."""
    return visible_line(os.fspath(name))


def is_visible(text: str) -> bool:
    """True when nothing in the text would be escaped by `visible_line`."""
    return not any(ord(char) in _LINE for char in text)
