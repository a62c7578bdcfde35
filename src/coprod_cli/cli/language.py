"""`--lang`: the language a command shows its words and its framework's text in."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from coprod_cli.i18n import N_
from coprod_cli.languages import Translated


class LangChoice(str, Enum):
    en = "en"
    cy = "cy"

    def __str__(self) -> str:
        return self.value


Lang = Annotated[
    LangChoice | None,
    typer.Option("--lang", metavar="LANG", case_sensitive=False,
                 help=N_("The language to show: en (English) or cy (Welsh; not yet reviewed). "
                 "Default: COPROD_LANG, else LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else "
                 "English.")),
]


def texts_apart(*sources: Translated) -> tuple[tuple[str, str], ...]:
    """The texts of these files a page shows in another language than the reader's, each with
    that language (View.apart): nothing when everything is in the reader's."""
    from coprod_cli import i18n
    from coprod_cli.languages import shown_apart

    return shown_apart(sources, i18n.chosen())
