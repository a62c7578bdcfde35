"""The web questionnaire: one self-contained, accessible page that writes an answers file."""

from __future__ import annotations

import base64
import hashlib
import json

from coprod_cli import __version__
from coprod_cli.models import Catalogue, Framework
from coprod_cli.questionnaire.flow import jargon
from coprod_cli.report.html import environment


def filename(framework: Framework) -> str:
    """What the page's download is called: coprod-<framework>-answers.yaml."""
    return f"coprod-{framework.id}-answers.yaml"


def page(framework: Framework, catalogue: Catalogue, plain: bool = False) -> str:
    """The questionnaire for a framework: every statement a radio group named by its id.

    With `plain`, it opens in plain words (the person can switch back).
    """
    ids = [s.id for s in framework.statements]
    data = {"framework": framework.id, "statements": ids, "filename": filename(framework),
            "plain": plain}
    # Inside <script>, '<' is written as an escape so no text can close the element.
    embedded = json.dumps(data).replace("<", "\\u003c").replace("&", "\\u0026")
    script = environment().get_template("questionnaire.js").render()
    return environment().get_template("questionnaire.html.j2").render(
        fw=framework, levels=catalogue.levels, roles=catalogue.roles, total=len(ids),
        data=embedded, filename=filename(framework), version=__version__,
        script=script, script_hash=script_hash(script),
        jargon=lambda statement: jargon(statement, catalogue.glossary))


def script_hash(script: str) -> str:
    """The page's Content-Security-Policy runs this script alone, named by its SHA-256: no
    other script, inline or fetched, can run in the page."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
