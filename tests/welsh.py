"""What a Welsh run must not show: coprod's own English words. The words are taken from the
modules and templates that make a report (every message they mark for the catalogue), so a
message left unmarked, or marked and left untranslated, is caught by the tests that use this."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import ROOT

SOURCE = ROOT / "src" / "coprod_cli"
PO = SOURCE / "locale" / "cy" / "LC_MESSAGES" / "coprod.po"
# Between these a message's words are fixed: placeholders, markup, %% and line ends split them.
_SPLIT = re.compile(r"\{\w*\}|%\(\w+\)s|%%|<[^>]+>|\n|#|\|")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def normal(text: str) -> str:
    """Text as a reader meets it: HTML entities read, any run of spaces and line ends one space
    (a terminal wraps long lines)."""
    return " ".join(html.unescape(text).split())


def phrases(*modules: str) -> list[str]:
    """The English phrases (two words or more) of every message the modules mark, each with a
    Welsh translation that differs from it."""
    babel = pytest.importorskip("babel.messages.extract")
    from babel.messages.pofile import read_po

    welsh = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(PO.open("rb"))}
    found: list[str] = []
    for module in modules:
        path = SOURCE / module
        with path.open("rb") as source:
            messages = babel.extract("jinja2" if path.suffix == ".j2" else "python", source,
                                     keywords=KEYWORDS)
            for _line, message, _comments, _context in messages:
                ids = message if isinstance(message, tuple) else (message,)
                if welsh.get(ids[0]) in (ids[0], (ids[0],) * 6):
                    continue
                for msgid in ids:
                    found += [part for part in (p.strip(" .,:;()-") for p in _SPLIT.split(msgid))
                              if len(part.split()) > 1 and len(part) >= 8]
    return sorted(set(found))


def english_left(output: str, *modules: str, besides: tuple[str, ...] = ()) -> list[str]:
    """The modules' English phrases still in `output` (none, in a Welsh run), leaving out
    those the `besides` modules also mark (another page's parts, checked by their tests)."""
    shown = normal(output)
    other = " ".join(normal((SOURCE / module).read_text(encoding="utf-8")) for module in besides)
    return [phrase for phrase in phrases(*modules)
            if normal(phrase) not in other and normal(phrase) in shown]
