"""The small pieces every text output is built from: headings, plain wordings, indents,
a level's colour."""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text

from coprod_cli.i18n import _


def heading(text: str) -> Text:
    """A heading that reads as one without colour: bold and underlined by a rule of '='."""
    return Text.assemble((text, "bold"), "\n", "=" * len(text))


def plain_line(text: str) -> Text:
    """A plain wording, introduced as one."""
    return Text.assemble((_("In plain words: "), "italic"), text)


def indent(renderable: RenderableType, by: int = 2) -> Padding:
    """Indented as a block, so wrapped lines keep the indent."""
    return Padding(renderable, (0, 0, 0, by), expand=False)


def level_style(level: str | None) -> str:
    """A level's colour, beside its name (never instead of it)."""
    return {"not-yet": "red", "descriptive": "yellow", "intermediate": "cyan",
            "transformative": "green"}.get(level or "", "")
