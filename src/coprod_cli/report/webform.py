"""The web questionnaire: one self-contained, accessible page that writes an answers file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

from coprod_cli import __version__, i18n
from coprod_cli.answers import MAX_REASON
from coprod_cli.languages import Translated
from coprod_cli.models import Catalogue, Framework
from coprod_cli.questionnaire.flow import jargon
from coprod_cli.report.html import environment

SCRIPTS = "questionnaire.js"  # includes questionnaire-yaml.js and questionnaire-steps.js


def stem(framework: Framework, service: str | None = None) -> str:
    """The start of every download's name: coprod-<framework>[-<service>]; the page adds the
    role and the day (coprod-nef-riverside-carer-2026-12-04.yaml)."""
    slug = re.sub(r"[^a-z0-9]+", "-", (service or "").lower()).strip("-")[:40].strip("-")
    return "-".join(["coprod", framework.id, *([slug] if slug else [])])


def page(framework: Framework, catalogue: Catalogue, plain: bool = False,
         service: str | None = None, send_to: str | None = None) -> str:
    """The questionnaire for a framework: every statement a radio group named by its id.

    With `plain`, it opens in plain words (the person can switch back). `service` names the
    service assessed (on the page, in the file and its name); `send_to` says where the file
    goes. Both are shown as text, escaped.
    """
    ids = [s.id for s in framework.statements]
    title = f"Co-production questionnaire: {framework.name}" + (f" ({service})" if service
                                                                 else "")
    data = {"framework": framework.id, "statements": ids, "stem": stem(framework, service),
            "language": None if i18n.chosen() == i18n.ENGLISH else i18n.chosen(),
            "plain": plain, "service": service, "title": title,
            "roles": [role.id for role in catalogue.roles],
            "levels": [{"id": level.id, "name": level.name} for level in catalogue.levels]}
    # Inside <script>, '<' is written as an escape so no text can close the element.
    embedded = json.dumps(data).replace("<", "\\u003c").replace("&", "\\u0026")
    script = environment().get_template(SCRIPTS).render()
    return environment().get_template("questionnaire.html.j2").render(
        fw=framework, levels=catalogue.levels, roles=catalogue.roles, total=len(ids),
        data=embedded, stem=stem(framework, service), version=__version__,
        service=service, send_to=send_to, max_reason=MAX_REASON,
        script=script, script_hash=script_hash(script), cat=catalogue, said=said,
        notice=i18n.unreviewed_notice(framework.unreviewed is not None), lang=i18n.chosen(),
        jargon=lambda statement: jargon(statement, catalogue.glossary,
                                        [level.name for level in catalogue.levels]))


def said(source: Translated, text: str) -> Any:
    """A framework's or the catalogue's text, marked lang="cy" when it is in Welsh (text with
    no translation stays in the page's own language), so a screen reader speaks it in Welsh."""
    from markupsafe import Markup, escape

    if source.shown == "en" or source.in_own_language(text):
        return escape(text)
    return Markup(f'<span lang="{escape(source.shown)}">{escape(text)}</span>')


def script_hash(script: str) -> str:
    """The page's Content-Security-Policy runs this script alone, named by its SHA-256: no
    other script, inline or fetched, can run in the page."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
