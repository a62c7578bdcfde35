"""The languages a framework's text can be in, and what a translated file says about itself:
which languages it carries, whether each has been reviewed, and (once read in a language)
which texts had no translation and are shown in the file's own language instead."""

# Annotations are objects, not text: dataclasses matches text ones with regexes at each start.

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import field
from typing import Any, Literal, get_args

from coprod_cli.plain import record, to_data
from coprod_cli.rules import Strict, Text

LanguageCode = Literal["en", "cy"]
LANGUAGES: tuple[LanguageCode, ...] = get_args(LanguageCode)
# Each language's name in English and in itself, for messages and language switches.
NAMES: dict[str, str] = {"en": "English", "cy": "Welsh"}
OWN_NAMES: dict[str, str] = {"en": "English", "cy": "Cymraeg"}
DEFAULT: LanguageCode = "en"


@record
class Translation(Strict):
    """A language a file carries beside its own: `reviewed` stays false until people who
    speak it (for Welsh, Welsh-speaking co-producers) have checked it; every output in that
    language says so while it is false."""

    reviewed: bool = False
    note: Text | None = None


@record
class Translated(Strict):
    """The language fields of a framework or core.yaml. Any text field may be a string, in
    the file's `language`, or a mapping of language code to string; coprod reads the file in
    one language and keeps which texts had no translation."""

    language: LanguageCode = field(default=DEFAULT, metadata={
        "description": "The language of the file's plain strings (default en). A text given "
        "as a mapping ({en: ..., cy: ...}) must include this language."})
    translations: dict[LanguageCode, Translation] = field(default_factory=dict, metadata={
        "description": "The other languages the file's text is given in, each with whether "
        "it has been reviewed, e.g. {cy: {reviewed: false}}."})
    shown_in: LanguageCode | None = field(default=None, metadata={
        "description": "Worked out by coprod when it reads the file (never written in one): "
        "the language it was read in."})
    untranslated: tuple[str, ...] = field(default=(), metadata={
        "description": "Worked out by coprod when it reads the file (never written in one): "
        "the texts with no translation into that language, shown in the file's own."})

    @property
    def shown(self) -> str:
        """The language the text was read in."""
        return self.shown_in or self.language

    @property
    def unreviewed(self) -> Translation | None:
        """The translation shown, when it has not yet been reviewed; else None."""
        found = self.translations.get(self.shown)  # type: ignore[call-overload]
        return found if found is not None and not found.reviewed else None

    def in_own_language(self, text: str) -> bool:
        """True when `text` had no translation and is shown in the file's own language."""
        return self.shown != self.language and text in self.untranslated


# Fields coprod fills in when it reads a file, refused when a file writes them.
WORKED_OUT = ("shown_in", "untranslated")


def shown_apart(sources: Iterable[Translated], reader: str) -> tuple[tuple[str, str], ...]:
    """The texts a reader of `reader`'s language is shown in another, each with that language,
    so that a page can mark them (WCAG 3.1.2): every text of a file that has none of the
    reader's language, and the texts a file has no translation for or names a work by; none
    in its own."""
    found: dict[str, str] = {}
    for source in sources:
        if source.shown != reader:
            found.update((text, source.shown) for text in _texts(to_data(source)))
        elif source.language != reader:  # the texts with no translation are in the file's own
            found.update((text, source.language)
                         for text in (*source.untranslated, *published(source)))
    return tuple(found.items())


def published(file: Translated) -> Iterator[str]:
    """The title and author of each work a file cites (a framework's `source`, core.yaml's
    `sources`): a work is named as it was published, never translated, so in the file's own
    language whatever the reader's."""
    fields = {item.name for item in dataclasses.fields(file)}
    cited: Any = file
    works = ([cited.source] if "source" in fields else []) \
        + (list(cited.sources) if "sources" in fields else [])
    for work in works:
        yield from (work.title, work.author)


def _texts(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)
