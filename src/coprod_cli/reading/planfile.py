"""A plan file read and validated against the framework it names: statements, roles (the
co-owner's with lived experience) and areas checked, each mistake located."""

from __future__ import annotations

from pathlib import Path

from coprod_cli.errors import InvalidData
from coprod_cli.i18n import _
from coprod_cli.plans import Plan
from coprod_cli.reading import yamlio
from coprod_cli.reading.loader import Document, Library


def read(lib: Library, path: Path) -> Plan:
    document = Document.read(path)
    framework_id = document.mapping().get("framework")
    if not isinstance(framework_id, str) or framework_id not in lib.ids:
        raise InvalidData(
            _("unknown framework '{framework_id}'").format(framework_id=framework_id),
            _("write 'framework:' with one of {join}").format(join=", ".join(lib.ids)),
            yamlio.locate(document.text, document.name, ("framework",)),
        )
    framework = lib.framework(framework_id)
    roles = lib.catalogue.roles
    return document.validate(Plan, {
        "statements": [s.id for s in framework.statements],
        "roles": [r.id for r in roles],
        "lived_roles": [r.id for r in roles if r.lived_experience],
        "areas": [d.id for d in framework.dimensions]})
