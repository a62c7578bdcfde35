"""The listings as text for a terminal: the frameworks, one framework in full, SCIE's
recommendations (rich renderables; the CLI decides colour and width)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from coprod_cli import credits
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.report import phrases
from coprod_cli.report.textparts import heading, indent, plain_line


def frameworks(items: list[Framework], builtin: set[str]) -> RenderableType:
    """A table of the frameworks coprod knows, added ones marked, and how to see one."""
    table = Table(title=_("Co-production frameworks"), title_justify="left")
    for column in ("id", _("name"), _("version"), _("dimensions"), _("statements"), _("source")):
        table.add_column(column)
    for fw in items:
        origin = "" if fw.id in builtin else " " + _("(added)")
        table.add_row(fw.id + origin, fw.name, fw.version, str(len(fw.dimensions)),
                      str(len(fw.statements)), f"{fw.source.author} ({fw.source.year})")
    hint = Text(_("See one with: coprod show ID"), style="dim")
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
            rubric = RubricTable(show_header=True, box=None, padding=RUBRIC_PADDING)
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


RUBRIC_PADDING = (0, 1, 0, 2)
_PADDED = RUBRIC_PADDING[1] + RUBRIC_PADDING[3]


class RubricTable(Table):
    """A statement's rubric: two columns, levels and what each looks like. Laid out as a Table
    is, with the column widths rich would work out found at once from the longest line of each
    column, rather than by measuring every cell twice (a third of `show`'s time in text)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = _rubric_widths(self, options.max_width)
        if widths is None:
            yield from super().__rich_console__(console, options)
            return
        fixed = Table(show_header=True, box=None, padding=RUBRIC_PADDING)
        for column, width in zip(self.columns, widths, strict=True):
            fixed.add_column(column.header, width=width - _PADDED)
        for cells in zip(*(column.cells for column in self.columns), strict=True):
            fixed.add_row(*cells)
        yield fixed


def _rubric_widths(table: Table, width: int) -> list[int] | None:
    """The two columns' widths, padding included, as rich lays them out: each column as wide as
    its longest line, and when both do not fit, the wider one (the descriptions) narrowed to
    what is left. None when this shortcut does not hold (other columns or cells than two of
    Text, the first column's text wider than the descriptions', or a console so narrow that
    rich would narrow both): rich works it out then."""
    if len(table.columns) != 2:
        return None
    cells = [[column.header, *column.cells] for column in table.columns]
    texts = [[cell for cell in column if isinstance(cell, Text)] for column in cells]
    if [len(column) for column in texts] != [len(column) for column in cells]:
        return None
    first, second = (max(min(_longest_line(cell) + _PADDED, width) for cell in column)
                     for column in texts)
    if first + second <= width:
        return [first, second]
    if second <= first or width < 2 * first:
        return None
    return [first, width - first]


def _longest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.splitlines()), default=0)


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
