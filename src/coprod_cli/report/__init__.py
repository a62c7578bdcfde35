"""Output formats: one module per format, each turning models and results into text."""

from __future__ import annotations

import importlib
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, cast, overload

from coprod_cli import collector
from coprod_cli.classes import frozen

if TYPE_CHECKING:
    from rich.console import RenderableType

    from coprod_cli.models import Catalogue, Framework
    from coprod_cli.results import Comparison, Result

# A str (json, markdown, html) or a rich renderable (text); the CLI decides where it goes.
Rendered: TypeAlias = "str | RenderableType"


class Format(str, Enum):
    """Every output format, and the registry: a member's value names its module in report/.

    A new format is one line here and one module providing the functions of ResultRenderer
    (and, if it lists frameworks too, one line in ListingFormat and a module `listing_NAME`
    providing those of ListingRenderer).
    """

    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class ListingFormat(str, Enum):
    """Formats for listings (frameworks, show, recommendations): a member's value names its
    module in report/ after `listing_`."""

    text = "text"
    json = "json"
    markdown = "markdown"


@frozen
class View:
    """How much of a result to show, and in which words."""

    details: bool = False  # the full plan by jigsaw piece and every group's view
    plain: bool = False  # plain words for levels, statements, rows and recommendations
    hint: bool = True  # end with how to see more (the caller may say it its own way)
    # Texts shown in another language than the reader's (no translation yet), with that
    # language: a page marks each with its lang (languages.shown_apart).
    apart: tuple[tuple[str, str], ...] = ()


SHORT = View()


class ResultRenderer(Protocol):
    """What a module in `Format` provides: a score's result, and a comparison of two."""

    def result(self, res: Result, catalogue: Catalogue, view: View = SHORT) -> Rendered:
        """One assessment's result, individual or collective."""

    def comparison(self, cmp: Comparison, catalogue: Catalogue, view: View = SHORT) -> Rendered:
        """Progress between two assessments of one framework."""


class ListingRenderer(Protocol):
    """What a module in `ListingFormat` provides: the frameworks, one framework, advice."""

    def frameworks(self, items: list[Framework], builtin: set[str]) -> Rendered:
        """The frameworks coprod knows; `builtin` holds the ids of those shipped with it."""

    def framework(self, fw: Framework, catalogue: Catalogue, plain: bool = False) -> Rendered:
        """One framework in full: dimensions, statements, rubrics, recommendations."""

    def recommendations(self, catalogue: Catalogue, pieces: list[str]) -> Rendered:
        """SCIE's recommendations for the given jigsaw pieces."""


@overload
def renderer(fmt: ListingFormat) -> ListingRenderer: ...


@overload
def renderer(fmt: Format) -> ResultRenderer: ...


def renderer(fmt: Format | ListingFormat) -> ResultRenderer | ListingRenderer:
    """The module for a format, imported only when asked for: JSON, text and Markdown never
    load jinja2, which html needs; a listing's module is apart from a result's, so scoring
    never loads the listings."""
    if isinstance(fmt, ListingFormat):
        return cast("ListingRenderer", lasting(f"coprod_cli.report.listing_{fmt.value}"))
    return cast("ResultRenderer", lasting(f"coprod_cli.report.{fmt.value}"))


def lasting(name: str) -> Any:
    """A renderer's module (with rich or jinja2) imported with the garbage collector off, then
    frozen out of its later passes, as coprod's own imports are (cli/__init__.py): it lives
    until coprod exits, and the collections its import set off found nothing to free (about
    1 ms for text's). Only its first import: a later call leaves the collector alone, so
    nothing made in between (garbage included) is frozen."""
    if name in sys.modules:
        return sys.modules[name]
    with collector.lasting():
        return importlib.import_module(name)
