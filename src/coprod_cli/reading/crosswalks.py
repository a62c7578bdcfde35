"""Crosswalk files validated into records: the built-in ones in frameworks/crosswalks/ (named
FROM-to-TO.yaml), and a user's own with --crosswalk PATH, each checked against the two
frameworks it joins, every mistake located at its line and column."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from coprod_cli.crosswalks import FOLDER, Crosswalk
from coprod_cli.errors import InvalidData, PathError, UsageProblem
from coprod_cli.i18n import _
from coprod_cli.models import Framework
from coprod_cli.reading import yamlio
from coprod_cli.reading.loader import Document, Library, builtin_folder


def file_name(source: str, target: str) -> str:
    """The built-in crosswalk's file name: one file per direction."""
    return f"{source}-to-{target}.yaml"


def builtin_files() -> list[Any]:
    """The crosswalk files shipped with coprod, by name."""
    folder = builtin_folder() / FOLDER
    if not folder.is_dir():
        return []
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".yaml")),
                  key=lambda entry: entry.name)


def validate(lib: Library, document: Document) -> Crosswalk:
    """A crosswalk document, validated and checked against the frameworks it names."""
    crosswalk = document.validate(Crosswalk)
    source, target = (_framework(lib, document, side.framework, key)
                      for side, key in ((crosswalk.from_, "from"), (crosswalk.to, "to")))
    try:
        crosswalk.check(_side(source), _side(target))
    except PathError as error:
        raise InvalidData(error.what, error.fix, yamlio.locate(
            document.text, document.name, error.path, key=error.path[-1] == "mappings")
        ) from None
    return crosswalk


def _framework(lib: Library, document: Document, framework_id: str, key: str) -> Framework:
    if framework_id not in lib.paths:
        raise InvalidData(
            _("unknown framework '{framework_id}'").format(framework_id=framework_id),
            _("use one of {join}, or add one with --framework PATH").format(
                join=", ".join(lib.ids)
            ),
            yamlio.locate(document.text, document.name, (key, "framework")),
        )
    return lib.framework(framework_id)


def _side(framework: Framework) -> tuple[str, str, list[str]]:
    return framework.id, framework.version, [s.id for s in framework.statements]


def load(lib: Library, extra: Iterable[Path] = ()) -> dict[tuple[str, str], Crosswalk]:
    """Every crosswalk that joins two known frameworks, (from, to) -> crosswalk: the built-in
    ones, then the user's (--crosswalk), which stand in for a built-in one of the same pair.
    A built-in one whose frameworks are not both known (one replaced or not loaded) is left
    out; a user's one is always checked."""
    found: dict[tuple[str, str], Crosswalk] = {}
    for entry in builtin_files():
        source, _to, target = entry.name.removesuffix(".yaml").partition("-to-")
        if source in lib.builtin_ids and target in lib.builtin_ids:
            crosswalk = validate(lib, Document.from_bytes(entry.read_bytes(),
                                                          f"frameworks/{FOLDER}/{entry.name}"))
            found[crosswalk.from_.framework, crosswalk.to.framework] = crosswalk
    for path in extra:
        crosswalk = validate(lib, Document.read(path))
        found[crosswalk.from_.framework, crosswalk.to.framework] = crosswalk
    return found


def find(found: dict[tuple[str, str], Crosswalk], source: str, target: str) -> Crosswalk:
    """The crosswalk from one framework to another, or a usage error naming those there are."""
    crosswalk = found.get((source, target))
    if crosswalk is None:
        reachable = sorted(to for frm, to in found if frm == source)
        raise UsageProblem(
            _("there is no crosswalk from '{source}' to '{target}'").format(
                source=source, target=target
            ),
            (_("'{source}' answers can go through {targets}, or write one (coprod schema "
               "crosswalk) and give it with --crosswalk PATH") if reachable
             else _("coprod has no crosswalk from '{source}', or write one (coprod schema "
                    "crosswalk) and give it with --crosswalk PATH")).format(
                        source=source, targets=", ".join(reachable)),
        )
    return crosswalk
