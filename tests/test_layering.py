"""What may import what: every module has a layer, and no import points to a higher layer.

ARCHITECTURE.md is the page a contributor reads; this table is the same map, enforced.
Adding a module is one line in MODULES and one line under its layer in ARCHITECTURE.md.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import typer_imports_pydantic

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "coprod_cli"
ARCHITECTURE = ROOT / "ARCHITECTURE.md"
HERE = "tests/test_layering.py"

# Lowest first. A module may import anything in its own layer or a lower one, never higher.
LAYERS = ("base", "data", "reading", "core", "report", "cli")

# Every module of coprod_cli and its layer: one line each.
MODULES = {
    "coprod_cli": "base",
    "coprod_cli.errors": "base",
    "coprod_cli.files": "base",
    "coprod_cli.safetext": "base",
    "coprod_cli.plain": "base",
    "coprod_cli.classes": "base",
    "coprod_cli.collector": "base",
    "coprod_cli.digests": "base",
    "coprod_cli.i18n": "base",
    "coprod_cli.reading.cache": "reading",
    "coprod_cli.reading.prune": "reading",
    "coprod_cli.reading.stamp": "reading",
    "coprod_cli.rules": "data",
    "coprod_cli.versions": "data",
    "coprod_cli.languages": "data",
    "coprod_cli.models": "data",
    "coprod_cli.answers": "data",
    "coprod_cli.agreed": "data",
    "coprod_cli.resultparts": "data",
    "coprod_cli.resultdetails": "data",
    "coprod_cli.voices": "data",
    "coprod_cli.coproduced": "data",
    "coprod_cli.results": "data",
    "coprod_cli.tally": "data",
    "coprod_cli.tallyrows": "data",
    "coprod_cli.credited": "data",
    "coprod_cli.ballots": "data",
    "coprod_cli.figures": "data",
    "coprod_cli.trends": "data",
    "coprod_cli.plans": "data",
    "coprod_cli.crosswalks": "data",
    "coprod_cli.reading.crosswalks": "reading",
    "coprod_cli.scoring.through": "core",
    "coprod_cli.report.several": "report",
    "coprod_cli.report.routewords": "report",
    "coprod_cli.report.comparison_text": "report",
    "coprod_cli.report.comparison_markdown": "report",
    "coprod_cli.report.lenswords": "report",
    "coprod_cli.report.glossarywords": "report",
    "coprod_cli.cli.through": "cli",
    "coprod_cli.reading": "reading",
    "coprod_cli.reading.yamlio": "reading",
    "coprod_cli.reading.yamlerrors": "reading",
    "coprod_cli.reading.explain": "reading",
    "coprod_cli.reading.resolve": "reading",
    "coprod_cli.reading.loader": "reading",
    "coprod_cli.reading.quickread": "reading",
    "coprod_cli.reading.quickwalk": "reading",
    "coprod_cli.reading.formwords": "reading",
    "coprod_cli.reading.formheader": "reading",
    "coprod_cli.reading.formindex": "reading",
    "coprod_cli.reading.formroles": "reading",
    "coprod_cli.reading.formtable": "reading",
    "coprod_cli.reading.formwarnings": "reading",
    "coprod_cli.reading.formcsv": "reading",
    "coprod_cli.reading.formxlsx": "reading",
    "coprod_cli.reading.xlsxcheck": "reading",
    "coprod_cli.reading.twins": "reading",
    "coprod_cli.reading.formbulk": "reading",
    "coprod_cli.reading.formcount": "reading",
    "coprod_cli.reading.inputs": "reading",
    "coprod_cli.reading.paths": "reading",
    "coprod_cli.reading.outputs": "reading",
    "coprod_cli.reading.planfile": "reading",
    "coprod_cli.scoring": "core",
    "coprod_cli.scoring.disclosure": "core",
    "coprod_cli.scoring.span": "core",
    "coprod_cli.scoring.sharing": "core",
    "coprod_cli.scoring.sharetrend": "core",
    "coprod_cli.scoring.personnotes": "core",
    "coprod_cli.sketch": "base",
    "coprod_cli.reading.ledger": "reading",
    "coprod_cli.cli.remembering": "cli",
    "coprod_cli.cli.language": "cli",
    "coprod_cli.scoring.level": "core",
    "coprod_cli.scoring.findings": "core",
    "coprod_cli.scoring.lenses": "core",
    "coprod_cli.scoring.collective": "core",
    "coprod_cli.scoring.planning": "core",
    "coprod_cli.scoring.whatif": "core",
    "coprod_cli.scoring.engine": "core",
    "coprod_cli.scoring.comparison": "core",
    "coprod_cli.scoring.mix": "core",
    "coprod_cli.scoring.bands": "core",
    "coprod_cli.scoring.fastbands": "core",
    "coprod_cli.scoring.trend": "core",
    "coprod_cli.scoring.plancheck": "core",
    "coprod_cli.scoring.targets": "core",
    "coprod_cli.scoring.applies": "core",
    "coprod_cli.scoring.workshop": "core",
    "coprod_cli.scoring.agreement": "core",
    "coprod_cli.questionnaire": "core",
    "coprod_cli.questionnaire.flow": "core",
    "coprod_cli.questionnaire.resume": "core",
    "coprod_cli.questionnaire.keeping": "core",
    "coprod_cli.questionnaire.answers_file": "core",
    "coprod_cli.questionnaire.agreed_file": "core",
    "coprod_cli.schemas": "core",
    "coprod_cli.credits": "core",
    "coprod_cli.report.textparts": "report",
    "coprod_cli.report.marked": "report",
    "coprod_cli.questionnaire.formoutline": "core",
    "coprod_cli.report": "report",
    "coprod_cli.report.phrases": "report",
    "coprod_cli.report.sections": "report",
    "coprod_cli.report.voices": "report",
    "coprod_cli.report.radar": "report",
    "coprod_cli.report.chartstyle": "report",
    "coprod_cli.report.templating": "report",
    "coprod_cli.report.text": "report",
    "coprod_cli.report.json": "report",
    "coprod_cli.report.markdown": "report",
    "coprod_cli.report.listing_text": "report",
    "coprod_cli.report.listing_json": "report",
    "coprod_cli.report.listing_markdown": "report",
    "coprod_cli.report.html": "report",
    "coprod_cli.report.pages": "report",
    "coprod_cli.report.outline": "report",
    "coprod_cli.report.xlsform": "report",
    "coprod_cli.report.appsscript": "report",
    "coprod_cli.report.webform": "report",
    "coprod_cli.report.webwords": "report",
    "coprod_cli.report.trendwords": "report",
    "coprod_cli.report.trend_text": "report",
    "coprod_cli.report.trend_json": "report",
    "coprod_cli.report.trend_csv": "report",
    "coprod_cli.report.trend_markdown": "report",
    "coprod_cli.report.trend_html": "report",
    "coprod_cli.report.linechart": "report",
    "coprod_cli.report.planwords": "report",
    "coprod_cli.report.applywords": "report",
    "coprod_cli.report.planfile": "report",
    "coprod_cli.report.together": "report",
    "coprod_cli.report.packs": "report",
    "coprod_cli.cli": "cli",
    "coprod_cli.cli.common": "cli",
    "coprod_cli.cli.boundary": "cli",
    "coprod_cli.cli.glue": "cli",
    "coprod_cli.cli.safeconsole": "cli",
    "coprod_cli.cli.shown": "cli",
    "coprod_cli.cli.usage": "cli",
    "coprod_cli.cli.prompts": "cli",
    "coprod_cli.cli.screens": "cli",
    "coprod_cli.cli.session": "cli",
    "coprod_cli.cli.assess": "cli",
    "coprod_cli.cli.collecting": "cli",
    "coprod_cli.cli.score": "cli",
    "coprod_cli.cli.compare": "cli",
    "coprod_cli.cli.options": "cli",
    "coprod_cli.cli.trend": "cli",
    "coprod_cli.cli.plan": "cli",
    "coprod_cli.cli.listing": "cli",
    "coprod_cli.cli.form": "cli",
    "coprod_cli.cli.together": "cli",
    "coprod_cli.__main__": "cli",
}

# Arrows that point up on purpose: importer -> the modules it may import despite its layer,
# each with a comment saying why. Empty is the goal; prefer moving code to adding a line.
UPWARDS: dict[str, set[str]] = {}

# Libraries that belong to the top of the stack: the lowest layer that may import each.
# The core never knows the command line or the terminal; only HTML needs templating.
FOREIGN = {"typer": "cli", "click": "cli", "rich": "report", "jinja2": "report",
           "xlsxwriter": "report"}

CORE = [m for m, layer in MODULES.items() if LAYERS.index(layer) <= LAYERS.index("core")]


def module_files() -> dict[str, Path]:
    """Every module in src/coprod_cli by dotted name, packages by their __init__.py."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ("coprod_cli", *path.relative_to(PACKAGE).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


FILES = module_files()


def where(module: str) -> str:
    return str(FILES[module].relative_to(ROOT))


def imports(module: str) -> list[tuple[str, int]]:
    """Every name a module imports, at any depth (inside functions too), with its line."""
    path = FILES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return list(imports_in(path.read_text(encoding="utf-8"), package))


def imports_in(source: str, package: str) -> Iterator[tuple[str, int]]:
    """The names imported by source code in a package, relative imports made absolute."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}".rstrip(".")
            yield from ((f"{base}.{alias.name}", node.lineno) for alias in node.names)


def owner(name: str) -> str:
    """The module of coprod_cli that an imported name lives in ('a.b.C' -> 'a.b')."""
    while name not in FILES and "." in name:
        name = name.rpartition(".")[0]
    return name


def arrows_up(module: str, layer: str, imported: list[tuple[str, int]],
              layer_of: dict[str, str]) -> list[str]:
    """One message per import that points above the module's own layer."""
    found = []
    for name, line in imported:
        top = name.split(".")[0]
        if top == "coprod_cli":
            target = owner(name)
            if target in UPWARDS.get(module, set()):
                continue
            limit = layer_of.get(target, layer)
        elif top in FOREIGN:
            target, limit = top, FOREIGN[top]
        else:
            continue
        if LAYERS.index(limit) > LAYERS.index(layer):
            found.append(
                f"{module} ({layer}) imports {target} ({limit}) at line {line}: an arrow "
                f"pointing up. Move what it needs down to {layer} or lower, or let a {limit} "
                f"module pass it in; if {module} itself belongs in {limit}, change its layer in "
                f"MODULES ({HERE}) and in ARCHITECTURE.md.")
    return found


def test_every_module_has_a_layer() -> None:
    missing = [m for m in FILES if m not in MODULES]
    if missing:
        pytest.fail("\n".join(
            f'{where(m)} has no layer. Add the line  "{m}": "LAYER",  to MODULES in {HERE} '
            f"(LAYER one of {', '.join(LAYERS)}: the lowest that holds everything it imports), "
            f"and a line under that layer in ARCHITECTURE.md saying its job."
            for m in missing), pytrace=False)


def test_the_table_names_only_modules_that_exist() -> None:
    stale = [m for m in MODULES if m not in FILES]
    assert not stale, f"no such modules: {stale}; remove them from MODULES in {HERE} and " \
        "from ARCHITECTURE.md"
    assert set(MODULES.values()) <= set(LAYERS), f"layers are {LAYERS}"


@pytest.mark.parametrize("module", list(FILES))
def test_no_import_points_up(module: str) -> None:
    if module not in MODULES:
        pytest.skip("not in the table yet (test_every_module_has_a_layer says what to do)")
    problems = arrows_up(module, MODULES[module], imports(module), MODULES)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_an_arrow_pointing_up_is_caught() -> None:
    layer_of = {"coprod_cli.scoring.engine": "core", "coprod_cli.cli.common": "cli",
                "coprod_cli.report.text": "report", "coprod_cli.models": "data"}
    caught = arrows_up("coprod_cli.scoring.engine", "core", [
        ("coprod_cli.cli.common.emit", 3), ("coprod_cli.report.text", 4), ("rich.text", 5),
        ("coprod_cli.models.Framework", 6), ("collections", 7)], layer_of)
    assert [m.split(" at line")[0] for m in caught] == [
        "coprod_cli.scoring.engine (core) imports coprod_cli.cli.common (cli)",
        "coprod_cli.scoring.engine (core) imports coprod_cli.report.text (report)",
        "coprod_cli.scoring.engine (core) imports rich (report)"]


def test_imports_inside_functions_and_relative_imports_are_seen() -> None:
    source = "import os\n\ndef f():\n    from rich.console import Console\n" \
        "    from ..cli import common\n    from . import phrases\n"
    assert list(imports_in(source, "coprod_cli.report")) == [
        ("os", 1), ("rich.console.Console", 4), ("coprod_cli.cli.common", 5),
        ("coprod_cli.report.phrases", 6)]


def for_type_checkers(module: str) -> set[str]:
    """Names imported only under `if TYPE_CHECKING:`: never imported when coprod runs."""
    tree = ast.parse(FILES[module].read_text(encoding="utf-8"))
    guarded = [node for node in ast.walk(tree) if isinstance(node, ast.If)
               and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")]
    return {name for block in guarded for name, _ in imports_in(
        "\n".join(ast.unparse(statement) for statement in block.body), "coprod_cli")}


def test_the_base_layer_needs_only_the_standard_library() -> None:
    for module in (m for m, layer in MODULES.items() if layer == "base" and m in FILES):
        running = {name for name, _ in imports(module)} - for_type_checkers(module)
        outside = {name.split(".")[0] for name in running} - {"coprod_cli"} \
            - set(sys.stdlib_module_names)
        assert not outside, f"{where(module)} imports {outside}: the base layer is standard " \
            "library only, so anything may use it; move the module up a layer in MODULES " \
            f"({HERE}) and ARCHITECTURE.md"


def test_every_module_says_what_it_is_for() -> None:
    silent = [where(m) for m, path in FILES.items()
              if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))]
    assert not silent, f"{silent}: start each module with a one-sentence docstring saying " \
        "its job (the same words as its line in ARCHITECTURE.md will do)"


def documented() -> dict[str, str]:
    """ARCHITECTURE.md's map: each `path.py` listed under a '### N · layer' heading."""
    layer, found = "", {}
    for line in ARCHITECTURE.read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"### \d+ · (\w+)", line):
            layer = heading[1]
        elif line.startswith("- `"):
            for path in re.findall(r"`([\w/]+\.py)`", line.split(" — ")[0]):
                parts = ("coprod_cli", *path.removesuffix(".py").split("/"))
                found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = layer
    return found


def test_architecture_md_shows_the_same_map() -> None:
    page = documented()
    wrong = [f"{m}: ARCHITECTURE.md says {page.get(m, 'nothing')}, MODULES says {layer}"
             for m, layer in MODULES.items() if page.get(m) != layer]
    wrong += [f"{m}: in ARCHITECTURE.md ({layer}) but not in MODULES"
              for m, layer in page.items() if m not in MODULES]
    if wrong:
        pytest.fail(f"ARCHITECTURE.md and MODULES in {HERE} disagree; list each module under "
                    "its layer's heading as  - `path/in/coprod_cli.py` — its job.\n"
                    + "\n".join(wrong), pytrace=False)


def test_core_imports_neither_typer_nor_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}: importlib.import_module(name)\n"
        "from coprod_cli.reading.loader import Library\n"
        "Library.builtin().frameworks()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'typer', 'rich', 'click'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", (
        f"importing the core (every module below report) loaded {out.stdout.strip()}: the core "
        "never knows the command line or the terminal; find the import with "
        "python -X importtime -c 'import coprod_cli.MODULE' and move it into cli/ or report/")


def test_json_scoring_does_not_load_html_templating() -> None:
    code = (
        "import sys\n"
        "from coprod_cli.report import Format, renderer\n"
        "renderer(Format.json); renderer(Format.text); renderer(Format.markdown)\n"
        "print('jinja2' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", (
        "the text, JSON or Markdown renderer loaded jinja2: import it only in report/html.py, "
        "and keep report/__init__.py importing a format's module only when it is asked for")


def _modules_after(*argv: str) -> set[str]:
    """The modules a run of `coprod ARGV` has imported by the time it exits."""
    code = ("import sys\n"
            "from coprod_cli.cli import main\n"
            f"sys.argv = ['coprod', *{list(argv)!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(' '.join(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return set(out.stderr.split())


def test_score_imports_only_what_scoring_needs() -> None:
    """Start-up: `score` builds only its own command, so the questionnaire, the listings (their
    commands and renderers), compare, the web form and HTML templating are never imported for
    it; nor, for one answers file, the form-export readers, the template writer or the
    disclosure arithmetic."""
    loaded = _modules_after("score", "examples/nef-descriptive.yaml", "--format", "json")
    assert "coprod_cli.scoring.engine" in loaded  # it did score
    unwanted = {"coprod_cli.cli.assess", "coprod_cli.cli.session", "coprod_cli.cli.listing",
                "coprod_cli.cli.compare", "coprod_cli.cli.form", "coprod_cli.questionnaire.flow",
                "coprod_cli.questionnaire.resume",
                "coprod_cli.report.html", "coprod_cli.report.webform", "jinja2",
                "coprod_cli.report.listing_text", "coprod_cli.report.listing_json",
                "coprod_cli.report.listing_markdown",
                "coprod_cli.reading.formheader", "coprod_cli.reading.formtable",
                "coprod_cli.reading.formcsv",
                "coprod_cli.reading.formxlsx", "coprod_cli.reading.formwords", "openpyxl",
                "coprod_cli.reading.formroles",
                "coprod_cli.reading.xlsxcheck",
                "coprod_cli.questionnaire.answers_file", "coprod_cli.scoring.disclosure"}
    assert loaded & unwanted == set()


def test_a_score_as_text_imports_no_trend_and_boxes_only_when_it_boxes() -> None:
    """Start-up: a score's text report loads neither the trend's records (the plan's wording
    names a trend only for type checkers) nor rich's panel, which only a what-if or a perception
    gap is boxed in (unless rich's console loads it by itself, as some releases may)."""
    loaded = _modules_after("score", "examples/collective-autumn-2026")
    assert "coprod_cli.report.text" in loaded  # it did render text
    own = subprocess.run([sys.executable, "-c", "import sys, typer, rich.console\n"
                          "print(' '.join(sys.modules))"], capture_output=True, text=True,
                         check=True).stdout.split()
    assert loaded & ({"coprod_cli.trends", "rich.panel"} - set(own)) == set()
    boxed = _modules_after("score", "examples/collective-autumn-2026", "--what-if",
                           "networks-2=intermediate")
    assert "rich.panel" in boxed


def test_a_trend_page_imports_none_of_the_score_reports_helpers() -> None:
    """Start-up: `trend --format html` renders through the templates with only the helpers its
    page uses, so report/html.py (every report's helpers: the radar, the sections, the voices,
    the plan's wording...) is never imported for it; its line chart takes the styles alone."""
    loaded = _modules_after("trend", *TREND, "--format", "html", "-o", "-")
    assert "coprod_cli.report.trend_html" in loaded  # it did render the page
    assert loaded & {"coprod_cli.report.html", "coprod_cli.report.radar",
                     "coprod_cli.report.sections",
                     "coprod_cli.report.together", "coprod_cli.report.voices",
                     "coprod_cli.report.lenswords", "coprod_cli.report.routewords"} == set()


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_trend_imports_no_other_commands_module_nor_the_score_engine(fmt: str) -> None:
    """Start-up: trend takes its shared options from cli/options.py, so the score command's
    module is never imported for it, nor the engine that scores one set (only for --plan)."""
    loaded = _modules_after("trend", *TREND, "--format", fmt, "-o", "-")
    assert "coprod_cli.report.trend_json" in loaded or "coprod_cli.report.trend_text" in loaded
    assert loaded & {"coprod_cli.cli.score", "coprod_cli.cli.compare", "coprod_cli.cli.plan",
                     "coprod_cli.scoring.engine", "coprod_cli.scoring.personnotes",
                     "coprod_cli.reading.explain"} == set()  # that explains invalid files


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_a_trend_builds_none_of_a_results_own_parts(fmt: str) -> None:
    """Start-up: a trend's records share only resultparts.py with a result, so the parts only
    a result holds (statements, the plan, the route, the gate: resultdetails.py) are never
    made for it, nor a plan file's records without --plan, nor each group's view (a trend
    needs only which roles make each voice: voices.py)."""
    loaded = _modules_after("trend", *TREND, "--format", fmt, "-o", "-")
    assert f"coprod_cli.report.trend_{fmt}" in loaded  # it did render
    assert loaded & {"coprod_cli.resultdetails", "coprod_cli.results", "coprod_cli.plans",
                     "coprod_cli.scoring.collective"} == set()


@pytest.mark.parametrize("command", ["workshop", "feedback"])
def test_a_pack_reads_no_plan_records_without_a_plan(command: str) -> None:
    """Start-up: a plan file's records (plans.py) are read only when a plan is given (--plan):
    the packs name Plan for types only."""
    loaded = _modules_after(command, "examples/collective-autumn-2026", "-f", "markdown",
                            "-o", "-")
    assert "coprod_cli.report.packs" in loaded  # it did write the pack
    assert "coprod_cli.plans" not in loaded


def test_a_trend_read_from_the_warm_cache_picks_no_framework_language() -> None:
    """Start-up: with the built-in frameworks kept in the start-up cache, a trend never loads
    what picks a framework's language as its YAML is read (reading/resolve.py)."""
    _modules_after("trend", *TREND, "-o", "-")  # the cache made, if it was not
    loaded = _modules_after("trend", *TREND, "-o", "-")
    assert "coprod_cli.report.trend_text" in loaded  # it did render
    assert "coprod_cli.reading.resolve" not in loaded


def test_a_warm_trend_to_the_screen_loads_no_file_writer_nor_sha256() -> None:
    """Start-up: a trend read from the warm start-up cache, of people already remembered,
    printed, writes no file: neither the file writer (files.py) nor SHA-256, which only a write
    to the start-up cache hashes with (reading/prune.py), is loaded (digests.py)."""
    _modules_after("trend", *TREND)  # the cache made and the people remembered
    loaded = _modules_after("trend", *TREND)
    assert "coprod_cli.report.trend_text" in loaded  # it did render
    assert loaded & {"coprod_cli.files", "_sha256", "_sha2", "coprod_cli.reading.prune"} == set()


def test_usage_words_are_imported_only_for_a_usage_error() -> None:
    """Start-up: coprod's words for a usage error (cli/usage.py) load only when one is said."""
    assert "coprod_cli.cli.usage" not in _modules_after("trend", *TREND, "-o", "-")
    assert "coprod_cli.cli.usage" in _modules_after("trend", *TREND, "--min-group", "x")


def test_help_imports_no_command_no_reader_and_no_pydantic() -> None:
    """Start-up: `coprod --help` lists the commands from cli.common's table, so it imports none
    of their modules, no reader (YAML, pydantic) and no renderer."""
    from coprod_cli.cli.common import COMMANDS

    loaded = _modules_after("--help")
    assert "coprod_cli.cli.common" in loaded  # it did run
    unwanted = {f"coprod_cli.cli.{module}" for module in COMMANDS.values()} | {
        "coprod_cli.reading.loader", "coprod_cli.reading.yamlio", "coprod_cli.report", "yaml",
        "pydantic", "pydantic_core", "jinja2"}
    assert loaded & unwanted == set()


def test_help_still_lists_every_command() -> None:
    from typer.testing import CliRunner

    from coprod_cli.cli.common import COMMANDS, app

    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert all(f" {name} " in result.output for name in COMMANDS)
    from coprod_cli.cli.common import SUMMARIES

    lines = " ".join(result.output.split())
    assert all(f" {name} {summary}" in lines for name, summary in SUMMARIES.items())


def test_every_registered_command_is_in_the_table_with_its_module() -> None:
    """A command is reachable only through cli.common.COMMANDS: a new command needs a line."""
    import importlib

    from coprod_cli.cli.common import COMMANDS, app

    for module in set(COMMANDS.values()):
        importlib.import_module(f"coprod_cli.cli.{module}")
    registered = {info.name: info.callback.__module__.rsplit(".", 1)[1]
                  for info in app.registered_commands if info.callback}
    assert registered == COMMANDS, "add the command to COMMANDS in cli/common.py"
    from coprod_cli.cli.common import SUMMARIES

    assert list(SUMMARIES) == list(COMMANDS), "give the command its line in SUMMARIES"


def test_one_name_one_thing() -> None:
    """Two classes of one name (a tally's Respondent and an answers file's) make every reader
    ask which is meant: a class's name is unique in the package."""
    seen: dict[str, list[str]] = {}
    for module, path in FILES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                seen.setdefault(node.name, []).append(module)
    twice = {name: modules for name, modules in seen.items() if len(modules) > 1}
    assert not twice, f"classes of one name in several modules: {twice}; rename one"


# The one module that may reach inside typer, click and rich (cli/glue.py says why).
ROOM = "coprod_cli.cli.glue"


def reaches_inside(source: str) -> list[int]:
    """Lines that write to typer, click or rich from outside: an assignment (or setattr) to an
    attribute of a name imported from them, any setattr but on self, or a write to a private
    attribute (`x._cells = ...`) of anything but self."""
    tree = ast.parse(source)
    foreign = {(alias.asname or alias.name).split(".")[0] for node in ast.walk(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))
               for alias in node.names if _library(node, alias) in ("typer", "click", "rich")}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "setattr" and node.args:
            if _root(node.args[0]) not in ("self", "cls"):
                found.add(node.lineno)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            wholes = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(_root(target.value) in foreign or (
                    target.attr.startswith("_") and _root(target.value) not in ("self", "cls"))
                   for whole in wholes for target in ast.walk(whole)
                   if isinstance(target, ast.Attribute) and isinstance(target.ctx, ast.Store)):
                found.add(node.lineno)
    return sorted(found)


def _library(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> str:
    """The top-level package an import takes a name from."""
    return (node.module or "" if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]


def _root(node: ast.expr) -> str:
    """The name an expression starts from: 'a' for a.b[0].c() ('' if none)."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def test_reaching_inside_typer_click_or_rich_is_caught() -> None:
    source = ("import typer.main\nfrom click.exceptions import UsageError\n"
              "from typer.core import TyperArgument as A\n"
              "UsageError.show = print\ntyper.main.get_command_from_info = len\n"
              "setattr(A, 'get_usage_pieces', len)\ncolumn._cells = []\n"
              "self._ids = []\nrespondents.on_file = print\n")
    assert reaches_inside(source) == [4, 5, 6, 7]


def test_only_the_room_reaches_inside_typer_click_or_rich() -> None:
    """No process-wide patches and no writes to a library's private attributes outside
    cli/glue.py: a new release can then break coprod in one module, not in many."""
    found = [f"{where(module)}:{line}" for module in FILES if module != ROOM
             for line in reaches_inside(FILES[module].read_text(encoding="utf-8"))]
    assert not found, f"{found}: writes to typer, click or rich (or to a private attribute); " \
        "do it through a subclass in cli/glue.py, or through their public calls"


# Modules with no test file of their own; each says why. Package __init__ files are not
# listed: a package's tests are its modules' tests.
UNMIRRORED = {
    "coprod_cli.__main__",  # `python -m coprod_cli` only calls cli.main (tests/cli run it so)
}


def mirrored_test(path: Path) -> Path:
    """Where a source module's tests live: src/coprod_cli/X/y.py -> tests/X/test_y.py."""
    relative = path.relative_to(PACKAGE)
    return ROOT / "tests" / relative.parent / f"test_{relative.name}"


def test_tests_are_shaped_like_the_package() -> None:
    """Each module's tests are found where its path says, so a change and its tests are found
    together."""
    missing = [f"{where(module)} -> {mirrored_test(path).relative_to(ROOT)}"
               for module, path in FILES.items()
               if path.name != "__init__.py" and module not in UNMIRRORED
               and not mirrored_test(path).exists()]
    assert not missing, f"no test file at the mirrored path: {missing}; move the module's " \
        "tests there (or split them out of the file that holds them)"


# What each command may import of the heavy modules (issue 29): pydantic (and annotated_types
# and typing_extensions, which only pydantic brings) only where untrusted input is validated or
# a schema is made; rich only to print text; jinja2 only for HTML; the spreadsheet readers
# only for a workbook; the disclosure arithmetic only for a group's answers; OpenSSL
# (_hashlib) never, as coprod's digests are Python's own (digests.py).
TREND = sorted(f"examples/trend/{name}" for name in ("2026-03-18", "2026-06-17", "2026-09-16",
                                                    "2026-12-09"))
HEAVY = {"pydantic", "pydantic_core", "annotated_types", "typing_extensions", "rich", "jinja2",
         "openpyxl", "python_calamine", "coprod_cli.scoring.disclosure", "_hashlib"}
VALIDATING = {"pydantic", "pydantic_core", "annotated_types", "typing_extensions"}
STARTS = [
    (["--help"], set()),
    (["score", "--help"], set()),
    (["frameworks", "--format", "json"], set()),
    (["frameworks"], {"rich"}),
    (["show", "nef"], {"rich"}),
    (["show", "nef", "--format", "markdown"], set()),
    (["recommendations"], {"rich"}),
    (["template", "nef"], set()),
    (["score", "examples/nef-descriptive.yaml"], {"rich"}),
    (["score", "examples/nef-descriptive.yaml", "--format", "json"], set()),
    (["score", "examples/nef-descriptive.yaml", "--format", "html"], {"jinja2"}),
    (["score", "examples/collective-autumn-2026", "--format", "markdown"],
     {"coprod_cli.scoring.disclosure"}),
    (["score", "examples/online-form.csv", "--format", "json"],
     {"coprod_cli.scoring.disclosure"}),
    (["score", "examples/microsoft-forms-export.xlsx", "--format", "json"],
     {"coprod_cli.scoring.disclosure", "python_calamine"}),
    (["compare", "examples/nef-descriptive.yaml", "examples/nef-intermediate.yaml"], {"rich"}),
    (["form", "nef", "--format", "markdown"], set()),
    (["plan", "examples/collective-autumn-2026"], {"coprod_cli.scoring.disclosure"}),
    (["workshop", "examples/collective-autumn-2026", "--format", "markdown"],
     {"coprod_cli.scoring.disclosure"}),
    (["feedback", "examples/collective-autumn-2026", "--format", "markdown"],
     {"coprod_cli.scoring.disclosure"}),
    (["workshop", "examples/collective-autumn-2026"], {"coprod_cli.scoring.disclosure", "jinja2"}),
    (["trend", *TREND], {"rich"}),
    (["trend", *TREND, "--format", "html"], {"jinja2"}),
    (["trend", *TREND, "--format", "json"], set()),
    (["validate", "examples/nef-descriptive.yaml"], set()),  # plain: the fast reader's verdict
    (["validate", "examples/nef-descriptive.yaml", "frameworks/nef.yaml"], VALIDATING),
    (["schema", "result"], VALIDATING),
]


def _typer_brings() -> set[str]:
    """The heavy modules `import typer` loads by itself (typer before 0.18 imports rich at
    once when it is installed): nothing coprod can avoid."""
    code = "import sys, typer; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {module.split(".")[0] for module in out.stdout.split()} & HEAVY


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache for the runs below, filled first, as a user's second run finds it."""
    folder = tmp_path_factory.mktemp("startup")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COPROD_CACHE_DIR", str(folder / "cache"))
        patch.setenv("COPROD_STATE_DIR", str(folder / "state"))
        _modules_after("frameworks", "--format", "json")
        yield


@pytest.mark.skipif(typer_imports_pydantic(), reason="the installed typer (0.29 or later) "
                    "imports pydantic for every option it parses: nothing coprod can avoid")
@pytest.mark.parametrize(("argv", "allowed"), STARTS, ids=[" ".join(a) for a, _ in STARTS])
@pytest.mark.usefixtures("warm_cache")
def test_each_command_imports_only_the_heavy_modules_it_needs(argv: list[str],
                                                              allowed: set[str]) -> None:
    loaded = {module.split(".")[0] if not module.startswith("coprod_cli") else module
              for module in _modules_after(*argv)}
    assert "coprod_cli.cli.common" in loaded  # it did run
    allowed = allowed | _typer_brings()
    if allowed & (VALIDATING | {"jinja2"}):
        allowed |= {"_hashlib"}  # pydantic and jinja2 (its bytecode cache) import hashlib
    assert loaded & HEAVY <= allowed, f"coprod {' '.join(argv)} imported " \
        f"{sorted(loaded & HEAVY - allowed)}; import it only where it is needed"


# What only reading answers needs: a listing (frameworks, show, recommendations) reads none.
ANSWERS_READING = {"coprod_cli.reading.inputs", "coprod_cli.reading.quickread",
                   "coprod_cli.tally", "coprod_cli.reading.twins"}


@pytest.mark.parametrize("argv", [["frameworks"], ["show", "nef"], ["show", "nef", "--plain"],
                                  ["recommendations"]], ids=" ".join)
@pytest.mark.usefixtures("warm_cache")
def test_a_listing_imports_nothing_that_reads_answers(argv: list[str]) -> None:
    loaded = _modules_after(*argv)
    assert "coprod_cli.cli.listing" in loaded  # it did run
    assert not loaded & ANSWERS_READING, f"coprod {' '.join(argv)} imported " \
        f"{sorted(loaded & ANSWERS_READING)}; import it in the command that reads answers"


# What a framework shown before as text needs none of: it is printed as kept (cli/shown.py).
LAYING_OUT = {"coprod_cli.reading.loader", "coprod_cli.reading.yamlio",
              "coprod_cli.report.listing_text", "rich.table", "rich.padding"}


@pytest.mark.parametrize("argv", [["show", "nef"], ["show", "nef", "--plain", "--lang", "cy"]],
                         ids=" ".join)
@pytest.mark.usefixtures("warm_cache")
def test_a_framework_shown_before_is_printed_without_reading_or_laying_it_out(
        argv: list[str]) -> None:
    _modules_after(*argv)
    loaded = _modules_after(*argv)
    assert "coprod_cli.cli.shown" in loaded  # it did run
    avoidable = LAYING_OUT - _console_brings()
    assert not loaded & avoidable, f"coprod {' '.join(argv)} imported " \
        f"{sorted(loaded & avoidable)}; a kept framework needs none of it"


def _console_brings() -> set[str]:
    """The modules typer and rich's console load by themselves (rich 14.3 imports its tables
    with its console): nothing the kept text could avoid printing through rich."""
    code = "import sys, typer, rich.console; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


# What only reading YAML needs: a form export (CSV or workbook) reads none once the built-in
# frameworks are in the start-up cache (PyYAML costs about 12 ms to import).
YAML_READING = {"yaml", "coprod_cli.reading.yamlio", "coprod_cli.reading.quickwalk"}


@pytest.mark.parametrize("export", ["examples/online-form.csv",
                                    "examples/microsoft-forms-export.xlsx"])
@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
@pytest.mark.usefixtures("warm_cache")
def test_a_form_export_is_scored_without_reading_yaml(export: str, fmt: str) -> None:
    loaded = {module if module.startswith("coprod_cli") else module.split(".")[0]
              for module in _modules_after("score", export, "--format", fmt)}
    assert "coprod_cli.reading.formcount" in loaded  # it did read the export
    assert not loaded & YAML_READING, f"coprod score {export} imported " \
        f"{sorted(loaded & YAML_READING)}; import it where a YAML file is read"


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
@pytest.mark.usefixtures("warm_cache")
def test_a_trend_of_the_plainest_answers_files_reads_no_yaml(fmt: str) -> None:
    """The example rounds are plain answers files, which quickread's pattern reads alone."""
    loaded = {module if module.startswith("coprod_cli") else module.split(".")[0]
              for module in _modules_after("trend", *TREND, "--format", fmt, "-o", "-")}
    assert "coprod_cli.reading.quickread" in loaded  # it did read the rounds
    assert not loaded & YAML_READING, f"coprod trend imported {sorted(loaded & YAML_READING)}"


@pytest.mark.parametrize("argv", [["score", "examples/collective-autumn-2026"],
                                  ["compare", "examples/collective-spring-2026",
                                   "examples/collective-autumn-2026", "--format", "json"]],
                         ids=lambda argv: argv[0])
@pytest.mark.usefixtures("warm_cache")
def test_answers_files_written_from_coprods_template_are_read_without_yaml(
        argv: list[str]) -> None:
    """The example folders' files carry the template's comments and blank lines, which
    quickread's pattern skips as YAML does."""
    loaded = {module if module.startswith("coprod_cli") else module.split(".")[0]
              for module in _modules_after(*argv)}
    assert "coprod_cli.reading.quickread" in loaded  # it did read the files
    assert not loaded & YAML_READING, f"coprod {argv[0]} imported {sorted(loaded & YAML_READING)}"


@pytest.mark.skipif(typer_imports_pydantic(), reason="the installed typer (0.29 or later) "
                    "imports pydantic for every option it parses: nothing coprod can avoid")
@pytest.mark.usefixtures("warm_cache")
def test_a_schema_printed_before_is_printed_without_pydantic() -> None:
    """pydantic generates a schema once; later runs print it from the start-up cache."""
    _modules_after("schema", "answers")
    loaded = {module.split(".")[0] for module in _modules_after("schema", "answers")}
    assert "coprod_cli" in loaded
    assert not loaded & HEAVY - _typer_brings()


# Modules already over STYLE.md's 300 lines, named as debt to split; no other may join them.
LONG = {"coprod_cli.models", "coprod_cli.reading.inputs",
        "coprod_cli.reading.loader", "coprod_cli.reading.yamlio", "coprod_cli.report.phrases"}


def test_no_module_grows_past_300_lines() -> None:
    """A module past 300 lines is telling you about a missing concept (STYLE.md): split it
    (a pure move, with its own line here and in ARCHITECTURE.md) rather than grow it."""
    long = {module: lines for module, path in FILES.items() if module not in LONG
            and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 300}
    assert not long, f"{long}: over 300 lines; split out a concept into a module of its own"


def test_answers_files_are_read_without_the_byte_order_mark_codec() -> None:
    """Start-up: an answers file's byte order mark is left out by coprod (reading/paths.py), so
    reading a trend's files never imports the utf-8-sig codec."""
    loaded = _modules_after("trend", *TREND, "-o", "-")
    assert "coprod_cli.report.trend_text" in loaded  # it did render
    bare = subprocess.run([sys.executable, "-c", "import sys; print(' '.join(sys.modules))"],
                          capture_output=True, text=True, check=True).stdout.split()
    assert "encodings.utf_8_sig" not in loaded - set(bare)  # Python 3.13 loads it to start
