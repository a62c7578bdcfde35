"""The web questionnaire: one self-contained, accessible page that writes an answers file."""

from __future__ import annotations

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
    return environment().get_template("questionnaire.html.j2").render(
        fw=framework, levels=catalogue.levels, roles=catalogue.roles, total=len(ids),
        data=embedded, filename=filename(framework), version=__version__,
        jargon=lambda statement: jargon(statement, catalogue.glossary))
