"""coprod's jinja2 templates, compiled to Python when the package is built (see setup.py), so
no run ever loads compiled code from a folder another account could write; only the standard
library and jinja2 (with its markupsafe) are imported here, because the build loads this file
on its own."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

if TYPE_CHECKING:
    from jinja2.runtime import Context

TEMPLATES = Path(__file__).with_name("templates")
# Inside the installed package, beside the templates: written by the build, never by a run.
COMPILED = Path(__file__).with_name("compiled")
STAMP = "stamp.json"


def environment() -> jinja2.Environment:
    """The templates as compiled by the build when that build matches them and this jinja2;
    otherwise (a checkout, another jinja2) compiled from source now and kept only in memory.
    Words a template marks (`{% trans %}`, `_("...")`) come in the reader's language."""
    from coprod_cli import i18n  # not at the top: the build loads this file on its own

    if is_current(COMPILED):
        return compiled(COMPILED, i18n._, i18n.ngettext)
    env = _environment(jinja2.PackageLoader("coprod_cli.report", "templates"))
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n._, ngettext=i18n.ngettext, newstyle=True)
    return env


def compiled(folder: Path, gettext: Callable[[str], str],
             ngettext: Callable[[str, str, int], str]) -> jinja2.Environment:
    """The templates compiled into `folder`, run without jinja2's i18n extension: it is needed
    only to compile `{% trans %}`, and its import is a millisecond of every HTML run. What it
    would install, coprod gives: jinja2's "newstyle" gettext, which the templates were
    compiled for (each word marked up as safe, then `%`-formatted with its variables)."""
    env = _environment(jinja2.ModuleLoader(str(folder)), extensions=())

    @jinja2.pass_context
    def said(context: Context, message: str, /, **variables: Any) -> str:
        return _formatted(context, gettext(message), variables)

    @jinja2.pass_context
    def counted(context: Context, singular: str, plural: str, count: int, /,
                **variables: Any) -> str:  # positional: a message's variable may be `count`
        variables.setdefault("num", count)
        return _formatted(context, ngettext(singular, plural, count), variables)

    env.globals.update(_=said, gettext=said, ngettext=counted)
    return env


def _formatted(context: Context, text: str, variables: dict[str, Any]) -> str:
    """As newstyle gettext gives a word: safe markup where the page escapes, and always
    formatted, so `%%` in a template's message is one `%`."""
    return (Markup(text) if context.eval_ctx.autoescape else text) % variables


def compile_into(folder: Path) -> None:
    """Every template compiled to a Python module in `folder`, with a stamp naming what they
    were compiled from: the build's step."""
    env = _environment(jinja2.FileSystemLoader(str(TEMPLATES)))
    # `{% trans %}` compiled for newstyle gettext, which a run gives (as from source)
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    env.compile_templates(str(folder), zip=None)
    (folder / STAMP).write_text(json.dumps(stamp()), encoding="utf-8")


def _environment(loader: jinja2.BaseLoader,
                 extensions: Sequence[str] = ("jinja2.ext.i18n",)) -> jinja2.Environment:
    """How templates are read and escaped: the build and a run use the same settings, since
    they change the compiled code (the stamp holds this file's content for that reason); a
    run of compiled templates leaves out the extension, which only compiles."""
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                              extensions=list(extensions))


def is_current(folder: Path) -> bool:
    """True when `folder` holds templates compiled from these sources by this jinja2."""
    try:
        return bool(json.loads((folder / STAMP).read_text(encoding="utf-8")) == stamp())
    except (OSError, ValueError):
        return False


def stamp() -> dict[str, str]:
    """What compiled templates depend on: the jinja2 release, every template's content and
    this file's, which says how they are compiled."""
    # hashlib's (OpenSSL's) SHA-256, not coprod's own (digests.py): jinja2, imported above,
    # has loaded it already (its bytecode cache), and it hashes the templates in a quarter of
    # the time, every HTML run
    from hashlib import sha256

    digest = sha256()
    for path in [Path(__file__), *sorted(TEMPLATES.iterdir())]:
        content = path.read_bytes()
        digest.update(f"{path.name}\0{len(content)}\0".encode())
        digest.update(content)
    return {"jinja2": jinja2.__version__, "templates": digest.hexdigest()}
