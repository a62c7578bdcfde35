"""What a text kept in the start-up cache (reading/cache.py) was made from, cheaply: coprod's
version, Python's, and the path, size and time of change of every file of the package (its
code, built-in frameworks, templates and catalogue) and of the libraries named, so any of
them changing makes the text again. A stat of each costs far less than reading them."""

from __future__ import annotations

import importlib.util
import os
import sys

from coprod_cli import __version__

# coprod's own: the package, and its built-in frameworks, which a checkout keeps outside it.
OWN = ("coprod_cli", "coprod_cli.frameworks")


def made_from(*libraries: str) -> bytes:
    """The stamp: coprod's and Python's versions, then each file of coprod's package (every
    folder in it) and of each library in `libraries` (its own folder), one line each."""
    lines = [__version__, sys.version]
    for name in (*OWN, *libraries):
        lines.append(name)
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            lines.extend(_files(os.path.dirname(spec.origin), deep=name in OWN))
    return "\n".join(lines).encode("utf-8", "surrogateescape") + b"\n"


def _files(folder: str, deep: bool) -> list[str]:
    """'path size mtime' for each file in `folder` (and its folders when `deep`; never
    __pycache__, which Python writes as it runs), sorted by path; 'path -' for one that cannot
    be read (a broken link, a file an upgrade removes as we look): a stamp is never an error."""
    found = []
    start = len(os.path.join(folder, ""))  # each path below it, named from there on
    for top, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if deep and f != "__pycache__")
        for name in names:
            path = os.path.join(top, name)
            try:
                info = os.stat(path)
            except OSError:
                found.append(f"{path[start:]} -")
                continue
            found.append(f"{path[start:]} {info.st_size} {info.st_mtime_ns}")
    return sorted(found)
