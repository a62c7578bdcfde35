"""Every framework as a form export's header is matched against (formheader.Matcher): a built-in
one from what the start-up cache keeps of its words (ids and wordings), loaded only when the
header names it most. Loading every framework to match a header was most of the reading of a
small export; the words are kept under the same checks as the frameworks (reading/cache.py)."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from coprod_cli.digests import blake2b
from coprod_cli.reading import cache, formheader, formwords
from coprod_cli.reading.formheader import Matcher, header_words

if TYPE_CHECKING:
    from coprod_cli.reading.loader import Library

KIND = "headers-1"  # the shape of what is kept (header_words'): a new shape, a new name


def matchers(library: Library) -> list[Matcher]:
    """A matcher for each of the library's frameworks, in its order: from the framework when it
    is added by the user, else from its words kept in the cache (every built-in one's in one
    file, kept there the first time: one file read at every export read, not one a framework,
    whichever frameworks the run has loaded already)."""
    kept = [fid for fid in library.ids if fid not in library.added]
    code = _code()
    source = None if code is None or not kept else b"".join(
        fid.encode("utf-8") + b"\0" + blake2b(bytes(library.paths[fid].read_bytes())).digest()
        for fid in kept) + code
    name = f"{KIND}.{library.language}"
    words = _all_words(cache.load_text(name, source), kept) if source else None
    if words is None:
        words = {fid: header_words(library.framework(fid)) for fid in kept}
        if source:
            cache.keep_text(name, source, json.dumps(words, ensure_ascii=False))
    return [Matcher(functools.partial(library.framework, fid), words[fid]) if fid in words
            else Matcher(library.framework(fid)) for fid in library.ids]


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


def _all_words(text: str | None, ids: list[str]) -> dict[str, dict[str, Any]] | None:
    """Each framework's words as header_words gives them, for exactly these ids; None for
    anything else (the frameworks are then loaded instead)."""
    try:
        kept = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if not isinstance(kept, dict) or list(kept) != ids:
        return None
    return cast("dict[str, dict[str, Any]]", kept) \
        if all(_shaped(words) for words in kept.values()) else None


def _shaped(words: Any) -> bool:
    """Whether `words` has header_words' shape: a list of ids and wordings mapped to ids, all
    text."""
    if not isinstance(words, dict) or set(words) != {"ids", "texts"}:
        return False
    ids, texts = words["ids"], words["texts"]
    return bool(isinstance(ids, list) and ids and all(type(i) is str and i for i in ids)
                and isinstance(texts, dict)
                and all(type(k) is str and type(v) is str for k, v in texts.items()))
