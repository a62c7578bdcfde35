"""The listings in Markdown: the frameworks, one framework in full, SCIE's recommendations."""

from __future__ import annotations

from coprod_cli import credits
from coprod_cli.i18n import _
from coprod_cli.models import LEVEL_IDS, Catalogue, Framework
from coprod_cli.report import phrases
from coprod_cli.report.markdown import cell, escaped


def _credit(author: str, year: int | None, title: str) -> str:
    return f"Source: {author} ({year}), *{title}*."


def frameworks(items: list[Framework], builtin: set[str]) -> str:
    """A table of the frameworks coprod knows, added ones marked."""
    items = escaped(items)
    columns = ("id", _("name"), _("version"), _("dimensions"), _("statements"), _("source"))
    lines = ["# " + _("Co-production frameworks"), "", "| " + " | ".join(columns) + " |",
             "| --- | --- | --- | --- | --- | --- |"]
    for fw in items:
        origin = "" if fw.id in builtin else " " + _("(added)")
        lines.append(f"| `{fw.id}`{origin} | {cell(fw.name)} | {fw.version} | "
                     f"{len(fw.dimensions)} | {len(fw.statements)} | "
                     f"{cell(fw.source.author)} ({fw.source.year}) |")
    return "\n".join(lines) + "\n"


def framework(fw: Framework, catalogue: Catalogue, plain: bool = False) -> str:
    """One framework: each dimension, each statement with its rubric and recommendations."""
    fw, catalogue = escaped(fw), escaped(catalogue)
    lines = [f"# {fw.name}", "", fw.text, "", f"*In plain words:* {fw.plain}", ""]
    if plain:
        lines += [f"- {line}" for line in phrases.all_level_meanings(catalogue)] + [""]
    for dimension in fw.dimensions:
        lines += [f"## {dimension.name} (`{dimension.id}`)", "", dimension.text, "",
                  f"*In plain words:* {dimension.plain}", ""]
        for statement in dimension.statements:
            main, other = (statement.plain, statement.text) if plain else \
                (statement.text, statement.plain)
            label = "In the framework's words" if plain else "In plain words"
            lines += [f"### `{statement.id}`: {main}", "", f"*{label}:* {other}", "",
                      "| level | what it looks like |", "| --- | --- |"]
            lines += [f"| {catalogue.level(level).name} | {cell(statement.row(level, plain))} |"
                      for level in LEVEL_IDS]
            if statement.recommendations:
                refs = ", ".join(f"`{rec}`" for rec in statement.recommendations)
                lines += ["", f"Recommendations that help: {refs}"]
            for note in phrases.statement_notes(statement):
                lines += ["", note]
            lines.append("")
    lines += [f"{line}  " for line in
              credits.lines(fw.credit, credits.sources_for(fw, catalogue), full=True)]
    return "\n".join(lines) + "\n"


def recommendations(catalogue: Catalogue, pieces: list[str]) -> str:
    """SCIE's recommendations for the given jigsaw pieces, with their sources."""
    catalogue = escaped(catalogue)
    lines = ["# SCIE's recommendations for co-production", ""]
    for piece in catalogue.pieces:
        if piece.id not in pieces:
            continue
        lines += [f"## {piece.name}", "", f"{piece.text}", "", f"*In plain words:* {piece.plain}",
                  ""]
        for rec in catalogue.recommendations:
            if rec.piece == piece.id:
                lines.append(f"- **{rec.id}**: {rec.text}  \n  *In plain words:* {rec.plain}")
        lines.append("")
    sources = {rec.source for rec in catalogue.recommendations if rec.piece in pieces}
    for source_id in sorted(sources):
        source = catalogue.source(source_id)
        lines.append(_credit(source.author, source.year, source.title)
                     + " Paraphrased in coprod's own words.")
    return "\n".join(lines) + "\n"
