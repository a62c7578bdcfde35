"""Credited records: the framework's credit and the sources that every output showing a
framework's content carries (a result, a trend, the workshop cards), declared one way; and
a source cited as a line of text, as coprod writes it everywhere (reading a form's export
back knows coprod's credit note by it).

They are fields made here, not a base class: a base's fields would come first, and each
record keeps its own order of fields (its JSON and JSON Schema stay as they are)."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod_cli.models import Source
    from coprod_cli.resultparts import SourceCredit


def credit(ending: str = "with thanks.") -> Any:
    """A record's `credit`: what the framework's content is adapted from, in coprod's own
    words ("" for a framework that gives none); its schema's line ends with `ending`."""
    return field(default="", metadata={"description": "The framework's credit: what its "
                                       f"content is adapted from, in coprod's own words, {ending}"})


def sources(description: str) -> Any:
    """A record's `sources`: each source its content draws on, credited as it asks (none
    unless given); `description` is its line in the schema."""
    return field(default_factory=list, metadata={"description": description})


def cited(source: Source | SourceCredit) -> str:
    """'Author, "Title" (2022)': a source as a line of text, without its link."""
    year = f" ({source.year})" if source.year else ""
    return f'{source.author}, "{source.title}"{year}'


def with_link(source: Source | SourceCredit) -> str:
    """The source cited with its link after it, where it has one: how a form's credit note
    ends, in every language and in every form coprod has made."""
    return f"{cited(source)}: {source.url}" if source.url else cited(source)


def a_credit_note(heading: str, source: Source) -> bool:
    """Whether a form export's column heading is the credit note coprod writes into a form:
    the credit in the form's language, ending with the framework's source cited with its
    link (the same in every language), or, for a source with no link, 'Credit: ' and the
    source cited. A heading that merely holds the link among other words is someone's
    question. Runs of spaces and line ends count as one space (a tool may wrap a label)."""
    said, end = " ".join(heading.split()), " ".join(with_link(source).split())
    return said.endswith(" " + end) and (source.url is not None or said.startswith("Credit: "))
