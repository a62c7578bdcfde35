"""The listings in Markdown: outside text and the catalogue alike are inert, and a framework
is shown with its rubric as a table."""

from __future__ import annotations

import dataclasses

from coprod_cli.reading.loader import Library
from coprod_cli.report import listing_markdown
from tests.builders import CATALOGUE, FW
from tests.report.test_hostile_output import assert_inert_markdown


def test_recommendations_in_markdown_escape_the_catalogue() -> None:
    """The catalogue is built in, but its renderer is held to the same rule."""
    catalogue = Library.builtin().catalogue
    piece = dataclasses.replace(catalogue.pieces[0], name="# <b>x</b> @team", plain="```")
    hostile = dataclasses.replace(catalogue, pieces=(piece, *catalogue.pieces[1:]))
    assert_inert_markdown(listing_markdown.recommendations(hostile, [piece.id]))


def test_a_framework_is_a_heading_per_dimension_and_a_rubric_per_statement() -> None:
    shown = listing_markdown.framework(FW, CATALOGUE)
    assert shown.startswith(f"# {FW.name}\n")
    assert shown.count("| level | what it looks like |") == len(FW.statements)
    assert all(f"## {d.name} (`{d.id}`)" in shown for d in FW.dimensions)


def test_an_added_framework_is_marked_in_the_table() -> None:
    assert "(added)" in listing_markdown.frameworks([FW], set())
    assert "(added)" not in listing_markdown.frameworks([FW], {FW.id})
