"""The web questionnaire's words in both of its languages, side by side: each text is written
once for each language, in a span the page shows only in that language (`class="en"` or
`class="cy"`), marked with the language it is really in, so switching language in the page
changes every word without losing an answer, and a screen reader speaks each in its own."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from coprod_cli import i18n
from coprod_cli.languages import Translated

# The page's languages, in the order their spans are written; each one's value of `lang`.
LANGUAGES = ("en", "cy")
LANG = {"en": "en", "cy": "cy"}
PAGE_LANG = {"en": "en-GB", "cy": "cy"}  # the whole page's, on <html>


def catalogues() -> dict[str, Callable[[str], str]]:
    """coprod's own words in each language (English as written; Welsh from the catalogue)."""
    welsh = gettext.translation("coprod", Path(i18n.__file__).parent / "locale", ["cy"])
    return {"en": lambda message: message, "cy": welsh.gettext}


class Words:
    """Writes each of the page's texts in both languages."""

    def __init__(self, sources: dict[str, tuple[Translated, Translated]]) -> None:
        """`sources`: for each language, the framework and the catalogue read in it."""
        self.sources = sources
        self.gettext = catalogues()

    def one(self, language: str, message: str, **values: Any) -> Markup:
        """coprod's own `message` in one language. Its translation is coprod's own text, so it
        may hold simple markup (<strong>); every value put into it is escaped (a Pair is
        taken in the same language)."""
        filled = {key: value.by_language[language] if isinstance(value, Pair) else value
                  for key, value in values.items()}
        return Markup(self.gettext[language](message)).format(**filled)

    def text(self, language: str, message: str, **values: Any) -> str:
        """As `one`, as plain text (a title, the script's words)."""
        return self.one(language, message, **values).striptags() if "<" in message \
            else str(self.one(language, message, **values).unescape())

    def __call__(self, message: str, **values: Any) -> Pair:
        """coprod's own `message` in every language, each in its span."""
        return Pair({language: self.one(language, message, **values) for language in LANGUAGES},
                    {language: LANG[language] for language in LANGUAGES})

    def framework(self, pick: Callable[[Any], str]) -> Pair:
        """The framework's text in every language: `pick` finds it in the framework read in a
        language (text with no translation is marked with the language it is in, so a
        framework with no Welsh shows English, lang="en", in the Welsh page)."""
        return self._said(0, pick)

    def catalogue(self, pick: Callable[[Any], str]) -> Pair:
        """As `framework`, for core.yaml's text (levels, roles, the glossary)."""
        return self._said(1, pick)

    def _said(self, which: int, pick: Callable[[Any], str]) -> Pair:
        texts: dict[str, Markup] = {}
        langs: dict[str, str] = {}
        for language in LANGUAGES:
            source = self.sources[language][which]
            text = pick(source)
            texts[language] = escape(text)
            actual = source.language if source.in_own_language(text) else source.shown
            langs[language] = LANG.get(actual, actual)
        return Pair(texts, langs)


class Pair(Markup):
    """A text in every language, as its spans; kept per language too (marked with its own
    language where that is not the page's), so it can be put into another message."""

    by_language: dict[str, Markup]

    def __new__(cls, texts: dict[str, Markup], langs: dict[str, str]) -> Pair:
        first = texts[LANGUAGES[0]]
        if all(texts[lang] == first and langs[lang] == langs[LANGUAGES[0]] for lang in texts):
            html = Markup('<span lang="{}">{}</span>').format(langs[LANGUAGES[0]], first)
        else:
            html = Markup("").join(Markup('<span class="{}" lang="{}">{}</span>').format(
                language, langs[language], texts[language]) for language in LANGUAGES)
        made = super().__new__(cls, html)
        made.by_language = {language: texts[language] if langs[language] == LANG[language]
                            else Markup('<span lang="{}">{}</span>').format(langs[language],
                                                                           texts[language])
                            for language in LANGUAGES}
        return made


class Said:
    """What the page's template asks for, by id: a framework's or core.yaml's text in every
    language (each framework's parts found by id once, not searched for each text)."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.parts: dict[int, dict[str, Any]] = {}
        for source, _catalogue in words.sources.values():
            framework: Any = source
            found: dict[str, Any] = {d.id: d for d in framework.dimensions}
            found.update((s.id, s) for s in framework.statements)
            self.parts[id(framework)] = found

    def fw(self, name: str) -> Pair:
        return self.words.framework(lambda framework: str(getattr(framework, name)))

    def dim(self, dimension_id: str, name: str) -> Pair:
        return self.words.framework(lambda framework: str(getattr(
            self.parts[id(framework)][dimension_id], name)))

    def st(self, statement_id: str, name: str) -> Pair:
        return self.words.framework(lambda framework: str(getattr(
            self.parts[id(framework)][statement_id], name)))

    def row(self, statement_id: str, level_id: str, plain: bool) -> Pair:
        return self.words.framework(lambda framework: self.parts[id(framework)][
            statement_id].row(level_id, plain))

    def level(self, level_id: str, name: str) -> Pair:
        return self.words.catalogue(lambda catalogue: str(getattr(catalogue.level(level_id),
                                                                  name)))

    def role(self, role_id: str, name: str) -> Pair:
        return self.words.catalogue(lambda catalogue: str(getattr(catalogue.role(role_id),
                                                                  name)))

    def term(self, index: int, name: str) -> Pair:
        return self.words.catalogue(lambda catalogue: str(getattr(catalogue.glossary[index],
                                                                  name)))
