"""Templates compiled by the build, never by a run into a folder another account could write."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from coprod_cli import i18n
from coprod_cli.report import View, html, templating
from coprod_cli.scoring.comparison import compare
from tests.builders import CATALOGUE, result_for
from tests.conftest import EXAMPLES, ROOT

RESULT = result_for({"alpha-1": 0, "alpha-2": 1, "beta-1": 3, "beta-2": 3, "beta-3": 2})


@pytest.fixture
def compiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Templates compiled as the build compiles them, in a folder the renderer then uses."""
    folder = tmp_path / "compiled"
    templating.compile_into(folder)
    monkeypatch.setattr(templating, "COMPILED", folder)
    html.environment.cache_clear()
    yield folder
    html.environment.cache_clear()


def test_a_page_from_the_compiled_templates_is_the_page_from_their_source(
        compiled: Path) -> None:
    from_build = html.result(RESULT, CATALOGUE)
    assert type(html.environment().loader).__name__ == "ModuleLoader"
    (compiled / templating.STAMP).unlink()
    html.environment.cache_clear()
    from_source = html.result(RESULT, CATALOGUE)
    assert type(html.environment().loader).__name__ == "PackageLoader"
    assert from_build == from_source and "<html" in from_build


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_report_page_from_the_compiled_templates_is_the_page_from_their_source(
        compiled: Path, language: str) -> None:
    """Compiled templates run without jinja2's i18n extension: the words come out the same."""
    i18n.use(language)
    try:
        later = result_for({"alpha-1": 1, "alpha-2": 2, "beta-1": 3, "beta-2": 3, "beta-3": 3})
        def pages() -> list[str]:
            return [html.result(RESULT, CATALOGUE, View(details=True)),
                    html.result(RESULT, CATALOGUE, View(plain=True)),
                    html.comparison(compare(RESULT, later), CATALOGUE)]
        from_build = pages()
        (compiled / templating.STAMP).unlink()
        html.environment.cache_clear()
        assert pages() == from_build
    finally:
        i18n.use("en")


def test_compiled_templates_get_their_words_as_jinja2s_newstyle_gettext_gives_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the i18n extension would install, coprod gives: the translated words as safe
    markup, always %-formatted, with their variables escaped and ngettext's count as num."""
    sources = tmp_path / "templates"
    sources.mkdir()
    (sources / "t.html").write_text(
        '{{ _("Half: 50%%") }}|{{ _("a <b>%(x)s</b>", x=who) }}|'
        '{% trans %}Hello {{ who }}{% endtrans %}|'
        '{% trans count=n %}{{ count }} item{% pluralize %}{{ count }} items{% endtrans %}|'
        '{{ ngettext("%(num)d file", "%(num)d files", n) }}|{{ gettext("plain") }}',
        encoding="utf-8")
    monkeypatch.setattr(templating, "TEMPLATES", sources)
    templating.compile_into(tmp_path / "compiled")

    def said(message: str) -> str:
        return "~" + message.replace("%%", "%%!")

    def counted(singular: str, plural: str, count: int) -> str:
        return (singular if count == 1 else plural).replace("%(num)d", "[%(num)d]")

    source = jinja2.Environment(loader=jinja2.FileSystemLoader(str(sources)), autoescape=True,
                                extensions=["jinja2.ext.i18n"])
    source.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=said, ngettext=counted, newstyle=True)
    built = templating.compiled(tmp_path / "compiled", said, counted)
    assert "jinja2.ext.InternationalizationExtension" not in built.extensions
    for n in (1, 3):
        page = built.get_template("t.html").render(who="<i>", n=n)
        assert page == source.get_template("t.html").render(who="<i>", n=n)
        assert page.startswith("~Half: 50%!|~a <b>&lt;i&gt;</b>|~Hello &lt;i&gt;|")
    assert page.endswith("|3 items|[3] files|~plain")


@pytest.mark.parametrize("changed", ["jinja2", "templates"])
def test_templates_compiled_from_anything_else_are_not_used(compiled: Path, changed: str) -> None:
    """Another jinja2 release, or edited templates or settings: compiled afresh from source."""
    stamp = compiled / templating.STAMP
    stamp.write_text(json.dumps({**json.loads(stamp.read_text()), changed: "other"}))
    assert not templating.is_current(compiled)
    assert type(html.environment().loader).__name__ == "PackageLoader"


def test_a_damaged_stamp_means_compiling_from_source(compiled: Path) -> None:
    (compiled / templating.STAMP).write_bytes(b"\xff{")
    assert not templating.is_current(compiled)


def test_an_html_report_keeps_no_compiled_templates_in_the_cache_folder(tmp_path: Path) -> None:
    """Code kept in a user's cache folder could be planted there by another account."""
    env = {**os.environ, "COPROD_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "coprod_cli", "score",
               str(EXAMPLES / "nef-descriptive.yaml"), "--format", "html"]
    page = subprocess.run(command, capture_output=True, check=True, env=env).stdout
    assert b"<html" in page
    assert all(path.suffix == ".json" for path in tmp_path.iterdir())


def test_the_build_compiles_the_templates_into_the_package(tmp_path: Path) -> None:
    """setup.py's step: what `pip install .` installs beside the templates."""
    subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(tmp_path)],
                   cwd=ROOT, capture_output=True, check=True)
    assert templating.is_current(tmp_path / "coprod_cli" / "report" / "compiled")
    # and a run of the built package renders from them without jinja2's i18n extension
    code = ("import sys, runpy\n"
            f"sys.path.insert(0, {str(tmp_path)!r})\n"
            f"sys.argv = ['coprod', 'score', {str(EXAMPLES / 'nef-descriptive.yaml')!r}, "
            "'--format', 'html']\n"
            "try:\n    runpy.run_module('coprod_cli', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "import coprod_cli.report.templating as t\n"
            "sys.stderr.write(str((t.__file__.startswith(sys.path[0]), "
            "type(t.environment().loader).__name__, 'jinja2.ext' in sys.modules)))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    assert run.stderr.strip().endswith("(True, 'ModuleLoader', False)")
    assert "<html" in run.stdout


def test_every_macro_a_template_defines_is_called() -> None:
    """A macro nothing calls is never shown, so nobody sees that its words went stale: the
    result's old `overall` kept English sentences no Welsh page ever marked or translated.
    Called means: by name (bare, or after its module's name, with its arguments), named in a
    dict of macros (the comparison's sections), or a section's `brief_`/`page_` macro, which
    the result page picks by the section's name."""
    from coprod_cli.report.sections import Section

    templates = "\n".join(path.read_text(encoding="utf-8")
                          for path in (ROOT / "src/coprod_cli/report/templates").glob("*.j2"))
    defined = re.findall(r"\{%-? *macro (\w+)\(", templates)
    code = " ".join(re.findall(r"\{\{.*?\}\}|\{%(?! *macro ).*?%\}", templates, re.S))
    code = re.sub(r"'[^']*'|\"[^\"]*\"", "''", code)  # words in quotes name nothing
    picked = {f"{view}_{section.value}" for section in Section for view in ("brief", "page")}
    called = [name for name in defined if name in picked
              or re.search(rf"(?<![\w.]){name}(?!\w)|\.{name}\(", code)]
    assert len(defined) >= 40 and called == defined, \
        f"macros nothing calls: {sorted(set(defined) - set(called))}"
