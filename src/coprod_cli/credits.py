"""Which sources a framework's content and coprod's levels draw on, credited as they ask: the
framework's own source first, then those its statements and recommendations cite, then the
levels' (SCIE's three, after Needham and Carr; TLAP's ladder of co-production, made with its
National Co-production Advisory Group, which TLAP asks users to credit and link to)."""

from __future__ import annotations

import re

from coprod_cli.credited import cited, with_link
from coprod_cli.i18n import _
from coprod_cli.models import Catalogue, Framework, Source
from coprod_cli.resultparts import SourceCredit

LEVEL_SOURCES = ("needham-carr-2009", "tlap-ladder")
LADDER = "tlap-ladder"
LADDER_WORDS = ("The levels are anchored to the ladder of co-production by Think Local Act "
                "Personal (TLAP) and its National Co-production Advisory Group (NCAG), with "
                "thanks:")


def sources_for(framework: Framework, catalogue: Catalogue) -> list[SourceCredit]:
    """The framework's source, then the catalogue's sources it cites, in core.yaml's order."""
    statements = framework.statements
    source_of = {rec.id: rec.source for rec in catalogue.recommendations}
    cited = {source for statement in statements for source in statement.basis}
    cited |= {source_of[rec] for statement in statements for rec in statement.recommendations}
    cited |= {source.id for source in catalogue.sources if source.id in LEVEL_SOURCES}
    own = credit_of(framework.source)
    return [own, *(credit_of(source) for source in catalogue.sources
                   if source.id in cited and source.title != own.title)]


def form_lines(framework: Framework) -> list[str]:
    """The framework's credit and its source, with their links, for a form that people fill
    in: its description, its first note or its end. Reading a filled-in form's export back
    knows the note's column by the source's link, the same in every language; a source with
    no link keeps 'Credit: ' in English, which older forms were known by."""
    source = credit_of(framework.source)
    if not source.url:
        return [f"Credit: {framework.credit}" if framework.credit else "Credit:", cited(source)]
    said = _("Credit: {credit}").format(credit=framework.credit) if framework.credit \
        else _("Credit:")
    return [said, with_link(source)]


def credit_of(source: Source) -> SourceCredit:
    return SourceCredit(title=source.title, author=source.author, year=source.year,
                        url=source.url)


def ladder(sources: list[SourceCredit]) -> SourceCredit | None:
    """TLAP's ladder among the sources (found by its link), if the levels cite it."""
    return next((s for s in sources if s.url and "ladder-of-co-production" in s.url), None)


def short_link(url: str) -> str:
    """A link without 'https://www.', so that TLAP's fits an 80-column line whole."""
    for prefix in ("https://www.", "https://", "http://www.", "http://"):
        if url.startswith(prefix):
            return url[len(prefix):]
    return url


def names(sources: list[SourceCredit]) -> str:
    """'NEF, SCIE, Scottish Co-production Network': each author once, by its short name."""
    found = [match.group(1) if (match := re.search(r"\(([A-Z]{2,})\)", s.author)) else s.author
             for s in sources]
    return ", ".join(dict.fromkeys(found))


def lines(credit: str, sources: list[SourceCredit], full: bool) -> list[str]:
    """The credit as lines of text: short (two lines, so the one-screen result stays on one
    screen), the first sources by name and TLAP's ladder with its link; full, the framework's
    credit and every source with its link."""
    tlap = ladder(sources)
    others = [s for s in sources if s is not tlap]
    if full:
        return [_("Credit: {credit}").format(credit=credit) if credit else _("Credit:"),
                *(with_link(s) for s in sources)]
    if tlap is None or not tlap.url:
        return [_("Sources: {names}.").format(names=names(sources))]
    named = names(others[:2]) if len(others) <= 2 else \
        _("{names} and others (--details)").format(names=names(others[:2]))
    after = _("Sources: {names}; built on TLAP and NCAG's ladder:") if tlap is sources[0] \
        else _("Sources: {names}; levels after TLAP and NCAG's ladder:")  # the ladder itself
    return [after.format(names=named), short_link(tlap.url)]
