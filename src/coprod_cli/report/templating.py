"""coprod's jinja2 templates, compiled to Python when the package is built (see setup.py), so
no run ever loads compiled code from a folder another account could write; only the standard
library and jinja2 are imported here, because the build loads this file on its own."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).with_name("templates")
# Inside the installed package, beside the templates: written by the build, never by a run.
COMPILED = Path(__file__).with_name("compiled")
STAMP = "stamp.json"



def environment() -> jinja2.Environment:
    """The templates as compiled by the build when that build matches them and this jinja2;
    otherwise (a checkout, another jinja2) compiled from source now and kept only in memory.
    Words a template marks (`{% trans %}`, `_("...")`) come in the reader's language."""
    env = _environment(jinja2.ModuleLoader(str(COMPILED)) if is_current(COMPILED)
                       else jinja2.PackageLoader("coprod_cli.report", "templates"))
    from coprod_cli import i18n  # not at the top: the build loads this file on its own

    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n._, ngettext=i18n.ngettext, newstyle=True)
    return env


def compile_into(folder: Path) -> None:
    """Every template compiled to a Python module in `folder`, with a stamp naming what they
    were compiled from: the build's step."""
    env = _environment(jinja2.FileSystemLoader(str(TEMPLATES)))
    env.compile_templates(str(folder), zip=None)
    (folder / STAMP).write_text(json.dumps(stamp()), encoding="utf-8")


def _environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """How templates are read and escaped: the build and a run use the same settings, since
    they change the compiled code (the stamp holds this file's content for that reason)."""
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              extensions=["jinja2.ext.i18n"])


def is_current(folder: Path) -> bool:
    """True when `folder` holds templates compiled from these sources by this jinja2."""
    try:
        return bool(json.loads((folder / STAMP).read_text(encoding="utf-8")) == stamp())
    except (OSError, ValueError):
        return False


def stamp() -> dict[str, str]:
    """What compiled templates depend on: the jinja2 release, every template's content and
    this file's, which says how they are compiled."""
    try:
        from coprod_cli.digests import sha256
    except ImportError:  # the build (setup.py) loads this file on its own, outside the package
        from hashlib import sha256
    digest = sha256()
    for path in [Path(__file__), *sorted(TEMPLATES.iterdir())]:
        content = path.read_bytes()
        digest.update(f"{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return {"jinja2": jinja2.__version__, "templates": digest.hexdigest()}
