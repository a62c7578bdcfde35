"""What every HTML page shares that needs none of the score report's helpers: a framework's
texts marked with their language, and the levels' names (so the trend's page can be made
without importing report/html.py and all it brings)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from coprod_cli.classes import frozen
from coprod_cli.models import LEVEL_IDS, Catalogue
from coprod_cli.report import View


@frozen
class Own:
    """`own(text)` in a template: a framework's text in a span with its language where the
    reader's has no translation of it yet (WCAG 3.1.2), else the text as it is; a sentence
    coprod built around such texts (a name inside Welsh words) has each of them marked. Each
    page is given its own (`marking`), so nothing of one page's outlives it."""

    apart: dict[str, str]
    names: tuple[str, ...]  # the texts looked for inside a sentence: words, never ids

    def __call__(self, text: str) -> str | Markup:
        language = self.apart.get(text)
        if language is not None:
            return Markup('<span lang="{}">{}</span>').format(language, text)
        found = [name for name in self.names if name in text] \
            if self.names and type(text) is str else None
        return self._parts(text, found) if found else text

    def foreign(self, text: str) -> str | None:
        """The language `text` is shown in when it is not the page's, else None: a page's
        <title> or a chart's, which hold no markup, leave it out rather than mix languages
        unmarked."""
        return self.apart.get(text)

    def mixes(self, texts: Iterable[str]) -> bool:
        """Whether any of these texts is shown in another language than the page's."""
        return any(text in self.apart for text in texts)

    def _parts(self, text: str, found: list[str]) -> Markup:
        """`text` with each of the names found in it, as a whole word, in a span."""
        pattern = re.compile("(?<!\\w)({})(?!\\w)".format("|".join(
            map(re.escape, sorted(found, key=len, reverse=True)))))
        marked, at = Markup(), 0
        for match in pattern.finditer(text):
            marked += escape(text[at:match.start()]) + Markup('<span lang="{}">{}</span>').format(
                self.apart[match.group()], match.group())
            at = match.end()
        return marked + escape(text[at:])


def _name(text: str) -> bool:
    """A text that may stand inside a sentence as a name (an area's, a principle's): words
    with a small letter, never an id, a version or a link (those belong to no language)."""
    return any(c.islower() for c in text) and not _CODE.fullmatch(text)


_CODE = re.compile(r"[a-z0-9][a-z0-9._-]*|\w+://\S*")


def marking(view: View) -> Own:
    """The `own` a page is rendered with: it marks the texts `view` says are in another
    language (templates import their macros `with context`, so the macros see it too)."""
    apart = dict(view.apart)
    return Own(apart, tuple(filter(_name, apart)))


def level_names(catalogue: Catalogue) -> list[str]:
    """Every level's name, lowest first: the chart's rings and lines."""
    return [catalogue.level(level).name for level in LEVEL_IDS]
