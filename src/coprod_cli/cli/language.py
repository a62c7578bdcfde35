"""`--lang`: the language a command shows its words and its framework's text in."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from coprod_cli.i18n import N_


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
