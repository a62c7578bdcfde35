"""Every framework as a form export's header is matched against (formheader.Matcher): a built-in
one from what the start-up cache keeps of its words (ids and wordings), loaded only when the
header names it most. Loading every framework to match a header was most of the reading of a
small export; the words are kept under the same checks as the frameworks (reading/cache.py)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_cli.digests import blake2b
from coprod_cli.reading import cache, formheader, formwords
from coprod_cli.reading.formheader import Matcher, header_words

if TYPE_CHECKING:
    from coprod_cli.reading.loader import Library

KIND = "headers-1"  # the shape of what is kept (header_words'): a new shape, a new name


def matchers(library: Library) -> list[Matcher]:
    """A matcher for each of the library's frameworks, in its order: from the framework when it
    is loaded or added by the user, else from its words kept in the cache (kept there the first
    time, from the framework loaded then)."""
    found, code = [], _code()
    for framework_id in library.ids:
        if framework_id in library.loaded or framework_id in library.added:
            found.append(Matcher(library.framework(framework_id)))
            continue
        entry = library.paths[framework_id]
        name = f"{entry.name}.{KIND}.{library.language}"
        source = None if code is None else blake2b(bytes(entry.read_bytes())).digest() + code
        words = _words(cache.load_text(name, source)) if source else None
        if words is None:
            framework = library.framework(framework_id)
            words = header_words(framework)
            if source:
                cache.keep_text(name, source, json.dumps(words, ensure_ascii=False))
        found.append(Matcher(functools.partial(library.framework, framework_id), words))
    return found


def _code() -> bytes | None:
    """The digest of the code that makes the words: what they are made from is this and the
    digest of the framework's file (the cache hashes that; hashing the two whole, for every
    framework, took 2 ms of every export read). None when it cannot be read: nothing is kept
    then."""
    try:
        return blake2b(b"".join(Path(str(module.__file__)).read_bytes()
                                for module in (formheader, formwords))).digest()
    except OSError:
        return None


def _words(text: str | None) -> dict[str, Any] | None:
    """The words as header_words gives them; None for anything else (the framework is then
    loaded instead)."""
    if text is None:
        return None
    try:
        words = json.loads(text)
    except ValueError:
        return None
    if not isinstance(words, dict) or set(words) != {"ids", "texts"}:
        return None
    ids, texts = words["ids"], words["texts"]
    if not (isinstance(ids, list) and ids and all(type(i) is str and i for i in ids)
            and isinstance(texts, dict)
            and all(type(k) is str and type(v) is str for k, v in texts.items())):
        return None
    return words
