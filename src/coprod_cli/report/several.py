"""One set of answers scored against several frameworks (`score --through`), in every format:
each result as `score` renders it, under a heading that says whether it came through a
crosswalk and from which framework, and the gate over them all."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from coprod_cli.i18n import _
from coprod_cli.report import SHORT, Format, Rendered, View, renderer

if TYPE_CHECKING:
    from coprod_cli.models import Catalogue
    from coprod_cli.results import Result, Results


def heading(res: Result, number: int, count: int) -> str:
    """'2 of 2: SCIE's jigsaw for change (scie), through the crosswalk nef-to-scie from the
    answers to nef'."""
    how = _("through the crosswalk {crosswalk} from the answers to {answered}, {covered} of "
            "{statements} statements covered").format(
        crosswalk=res.through.crosswalk, answered=res.through.answered.id,
        covered=res.through.covered, statements=res.through.statements) if res.through \
        else _("the framework the answers were given to")
    return _("{number} of {count}: {name} ({id}), {how}").format(
        number=number, count=count, name=res.framework.name, id=res.framework.id, how=how)


def gate_line(results: Results) -> str | None:
    """The gate over every result, or None without one."""
    if results.gate_met is None:
        return None
    below = [res.framework.id for res in results.results if res.gate and not res.gate.met]
    if not below:
        return _("Gate met by every result.")
    return _("Gate NOT met: every result must meet it, and {frameworks} does not.").format(
        frameworks=", ".join(below))


def intro(results: Results) -> str:
    """What the set is, in one line."""
    names = ", ".join((_("{id} (through a crosswalk from {answered})") if res.through
                       else _("{id} (as answered)")).format(
        id=res.framework.id, answered=res.through.answered.id if res.through else "")
        for res in results.results)
    return _("One set of answers scored against {count} frameworks: {names}.").format(
        count=len(results.results), names=names)


def render(fmt: Format, results: Results, catalogue: Catalogue, view: View = SHORT) -> Rendered:
    """The set in a format."""
    if fmt is Format.json:
        from coprod_cli.plain import to_data
        from coprod_cli.report.json import dump

        return dump(to_data(results))
    if fmt is Format.markdown:
        return _markdown(results, catalogue, view)
    if fmt is Format.html:
        return _html(results, catalogue, view)
    return _text(results, catalogue, view)


def _text(results: Results, catalogue: Catalogue, view: View) -> Rendered:
    from rich.console import Group
    from rich.rule import Rule
    from rich.text import Text

    each = renderer(Format.text)
    count = len(results.results)
    parts: list[Rendered] = [Text(intro(results), style="bold"), ""]
    for number, res in enumerate(results.results, start=1):
        parts += [Rule(style="dim"), Text(heading(res, number, count), style="bold"), "",
                  each.result(res, catalogue, view), ""]
    gate = gate_line(results)
    if gate:
        parts += [Rule(style="dim"), Text(gate, style="bold")]
    return Group(*parts)


def _markdown(results: Results, catalogue: Catalogue, view: View) -> str:
    from coprod_cli.report.markdown import cell

    each = renderer(Format.markdown)
    count = len(results.results)
    lines = ["# " + cell(intro(results)), ""]
    for number, res in enumerate(results.results, start=1):
        lines += ["---", "", f"**{cell(heading(res, number, count))}**", "",
                  str(each.result(res, catalogue, view))]
    gate = gate_line(results)
    return "\n".join(lines + ([f"**{gate}**", ""] if gate else []))


def _html(results: Results, catalogue: Catalogue, view: View) -> str:
    """One page: each result's report in a section of its own (its ids made unique, its
    headings one level down), under a heading that says where it came from."""
    from html import escape

    each = renderer(Format.html)
    count = len(results.results)
    parts = []
    for number, res in enumerate(results.results, start=1):
        page = str(each.result(res, catalogue, view))
        body = _inner(page, "header", number) + _inner(page, "main", number) \
            + _inner(page, "footer", number)
        parts.append(f'<section class="through" aria-labelledby="result-{number}">\n'
                     f'<h2 id="result-{number}">{escape(heading(res, number, count))}</h2>\n'
                     f"{body}\n</section>")
    first = str(each.result(results.results[0], catalogue, view))
    head = first[:first.index("<body>")]
    title = escape(intro(results))
    head = re.sub(r"<title>.*?</title>", f"<title>{title}</title>", head, flags=re.S)
    gate = gate_line(results)
    skip, kicker = _("Skip to the reports"), _("Co-production maturity reports")
    return (f'{head}<body>\n<a class="skip" href="#main">{skip}</a>\n'
            f'<header class="masthead"><div class="wrap"><p class="kicker">'
            f'{kicker}</p>\n<h1>{title}</h1>\n'
            + (f"<p><strong>{escape(gate)}</strong></p>\n" if gate else "")
            + '</div></header>\n<main id="main" class="wrap">\n' + "\n".join(parts)
            + "\n</main>\n</body>\n</html>\n")


def _inner(page: str, tag: str, number: int) -> str:
    """A page's header, main or footer content, as a part of the combined page."""
    found = re.search(rf"<{tag}\b[^>]*>(.*)</{tag}>", page, flags=re.S)
    if not found:
        return ""
    text = found.group(1)
    text = re.sub(r'\b(id|for)="([^"]+)"', rf'\1="r{number}-\2"', text)
    text = re.sub(r'\b(aria-labelledby|aria-describedby)="([^"]+)"',
                  lambda m: f'{m.group(1)}="' + " ".join(f"r{number}-{part}" for part in
                                                         m.group(2).split()) + '"', text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#r{number}-\1"', text)
    # each region named after its result too, so two results' "Summary" are told apart
    text = re.sub(r'<(section|div)\b([^>]*?)aria-labelledby="', rf'<\1\2aria-labelledby='
                  rf'"result-{number} ', text)
    for level in (5, 4, 3, 2, 1):
        text = re.sub(rf"<(/?)h{level}\b", rf"<\1h{level + 1}", text)
    return f'<div class="{"footer" if tag == "footer" else tag + "-part"}">{text}</div>'
