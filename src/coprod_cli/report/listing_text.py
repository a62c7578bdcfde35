"""The listings as text for a terminal: the frameworks, one framework in full, SCIE's
recommendations (rich renderables; the CLI decides colour and width)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from coprod_cli import credits
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.report import phrases
from coprod_cli.report.textparts import heading, indent, plain_line


def frameworks(items: list[Framework], builtin: set[str]) -> RenderableType:
    """A table of the frameworks coprod knows, added ones marked, and how to see one."""
    table = Table(title="Co-production frameworks", title_justify="left")
    for column in ("id", "name", "version", "dimensions", "statements", "source"):
        table.add_column(column)
    for fw in items:
        origin = "" if fw.id in builtin else " (added)"
        table.add_row(fw.id + origin, fw.name, fw.version, str(len(fw.dimensions)),
                      str(len(fw.statements)), f"{fw.source.author} ({fw.source.year})")
    hint = Text("See one with: coprod show ID", style="dim")
    return Group(table, hint)


def framework(fw: Framework, catalogue: Catalogue, plain: bool = False) -> RenderableType:
    """One framework: each dimension, each statement with its rubric and recommendations.

    With `plain`, the plain wording leads and each level name is explained first.
    """
    parts: list[RenderableType] = [heading(fw.name), *_worded(fw.text, fw.plain, plain), ""]
    if plain:
        parts += [Text(line) for line in phrases.all_level_meanings(catalogue)] + [""]
    for dimension in fw.dimensions:
        parts += [heading(f"{dimension.name} ({dimension.id})"),
                  *_worded(dimension.text, dimension.plain, plain), ""]
        for statement in dimension.statements:
            first, second = _worded(statement.text, statement.plain, plain)
            parts += [Text.assemble((statement.id, "bold"), "  ", first), second]
            rubric = Table(show_header=True, box=None, padding=(0, 1, 0, 2))
            rubric.add_column("level")
            rubric.add_column("what it looks like")
            for level in LEVEL_IDS:
                rubric.add_row(catalogue.level(level).name, statement.row(level, plain))
            parts.append(rubric)
            if statement.recommendations:
                parts.append(indent(Text("Recommendations that help: "
                                         + ", ".join(statement.recommendations), style="dim")))
            parts += [indent(Text(note, style="dim"))
                      for note in phrases.statement_notes(statement)]
            parts.append("")
    parts += [Text(line, style="dim") for line in
              credits.lines(fw.credit, credits.sources_for(fw, catalogue), full=True)]
    return Group(*parts)


def _worded(text: str, plain_text: str, plain: bool) -> tuple[Text, Text]:
    """The main wording, then the other one labelled: plain first when asked for."""
    if plain:
        return Text(plain_text), Text.assemble(("In the framework's words: ", "italic"), text)
    return Text(text), plain_line(plain_text)


def recommendations(catalogue: Catalogue, pieces: list[str]) -> RenderableType:
    """SCIE's recommendations for the given jigsaw pieces, with their sources."""
    parts: list[RenderableType] = []
    for piece in catalogue.pieces:
        if piece.id not in pieces:
            continue
        parts += [heading(f"{piece.name}: SCIE's recommendations"), Text(piece.text),
                  plain_line(piece.plain), ""]
        for rec in catalogue.recommendations:
            if rec.piece == piece.id:
                parts += [Text.assemble((rec.id, "bold"), "  ", rec.text),
                          indent(plain_line(rec.plain)), ""]
    for source_id in sorted({r.source for r in catalogue.recommendations if r.piece in pieces}):
        source = catalogue.source(source_id)
        parts.append(Text(f"Source: {source.author} ({source.year}), {source.title}. "
                          "Paraphrased in coprod's own words.", style="dim"))
    return Group(*parts)
