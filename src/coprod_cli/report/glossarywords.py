"""The words beside a plain-words result (`--plain`): each word of core.yaml's glossary that
the result uses, with what it means in plain words, so a reader can look a word up where
they meet it. Every format but JSON (which holds no wording of its own) shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_cli.i18n import N_, _
from coprod_cli.report import View
from coprod_cli.report.sections import Section

if TYPE_CHECKING:
    from rich.console import RenderableType

    from coprod_cli.models import Catalogue, GlossaryEntry
    from coprod_cli.results import Result

HEADING = N_("Words used here")
INTRO = N_("What some of the words above mean, in plain words.")
# Not looked in: how to see more, and the sources (the titles of published works).
_NOT_READ = (Section.words, Section.hint, Section.credits)


def used(shown: str, catalogue: Catalogue) -> list[GlossaryEntry]:
    """The glossary's entries for the words `shown` uses (as whole words), in its order."""
    from coprod_cli.questionnaire.flow import mentioned

    return mentioned(shown, catalogue.glossary)


def _read(view: View) -> list[Section]:
    from coprod_cli.report import sections

    return [section for section in sections.result_sections(view) if section not in _NOT_READ]


def text_part(res: Result, catalogue: Catalogue, view: View) -> list[RenderableType]:
    """The words the text result uses above them: a heading, then each word and its meaning."""
    import io

    from rich.console import Console, Group
    from rich.text import Text

    from coprod_cli.report.text import RESULT
    from coprod_cli.report.textparts import heading

    shown = io.StringIO()  # the sections above, laid out unwrapped, as the text is shown:
    # no markup or emoji read in a framework's words ('[/x]' in an area's name is text)
    Console(file=shown, width=10_000, color_system=None, markup=False, emoji=False,
            highlight=False).print(Group(*[
        part for section in _read(view) for part in RESULT[section](res, catalogue, view)]))
    entries = used(shown.getvalue(), catalogue)
    if not entries:
        return []
    return ["", heading(_(HEADING)), Text(_(INTRO), style="italic"),
            *(Text.assemble((entry.term, "bold"), ": ", entry.plain) for entry in entries)]


def markdown_part(res: Result, catalogue: Catalogue, view: View) -> list[str]:
    """The words the Markdown result uses above them (the result and catalogue are already
    escaped): a heading, then a list of each word and what it means."""
    from coprod_cli.report.markdown import RESULT

    entries = used("\n".join(line for section in _read(view)
                             for line in RESULT[section](res, catalogue, view)), catalogue)
    if not entries:
        return []
    return ["", "### " + _(HEADING), "", _(INTRO), "",
            *(f"- **{entry.term}**: {entry.plain}" for entry in entries)]


def in_page(page: str, catalogue: Catalogue) -> list[GlossaryEntry]:
    """The words an HTML page uses in its main part (its tags left out, its entities read)."""
    import html
    import re

    main = page.partition("<main")[2].partition("</main>")[0]
    return used(html.unescape(re.sub(r"<[^>]*>", " ", main)), catalogue)
