"""coprod's own words in the reader's language, through gettext (the standard library's):
`_("...")` marks a message and translates it, `N_("...")` only marks one to translate later.
The catalogue (locale/cy/LC_MESSAGES/coprod.mo) is read only when a language other than
English is chosen, so an English run loads nothing of gettext.

Messages are extracted with Babel (`pybabel extract`, see tests/test_i18n.py, which keeps the
catalogue complete and the compiled .mo current)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ENGLISH = "en"
KNOWN = ("en", "cy")
_chosen = ENGLISH
_catalogue: Any = None  # a gettext.GNUTranslations while a language other than English is used
# Where a reader's language comes from when --lang is not given, first first: coprod's own
# variable, then the ones every gettext program reads.
ENVIRONMENT = ("COPROD_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; `_()` translates it where used."""
    return message


def from_environment() -> str:
    """The language the environment asks for: the first of ENVIRONMENT that is set names it
    (`cy`, `cy_GB.UTF-8`, `cy:en`), English when that is not a language coprod knows."""
    for name in ENVIRONMENT:
        value = os.environ.get(name, "")
        if value:
            first = value.split(":")[0].split(".")[0].split("_")[0].split("-")[0].lower()
            return first if first in KNOWN else ENGLISH
    return ENGLISH


def use(language: str) -> None:
    """Show coprod's own words in `language` from now on (English: as written)."""
    global _chosen, _catalogue
    _chosen = language
    if language == ENGLISH:
        _catalogue = None
        return
    import gettext

    _catalogue = gettext.translation("coprod", Path(__file__).parent / "locale", [language])


def chosen() -> str:
    return _chosen


# A message whose translation says whether people who speak the language have reviewed the
# catalogue: "yes" once they have, "no" until then (a field in the data, not in the code).
REVIEWED = N_("translation-reviewed")


def unreviewed_notice(framework_unreviewed: bool = False) -> str:
    """The line every output in a language nobody has reviewed yet carries; '' in English or
    once reviewed (coprod's own words and the framework's, both)."""
    if _chosen == ENGLISH or (reviewed() and not framework_unreviewed):
        return ""
    return _("This Welsh text has not yet been reviewed by Welsh-speaking co-producers. "
             "Where there is no Welsh yet, the English is shown.")


def reviewed() -> bool:
    """Whether coprod's own words in the language chosen have been reviewed (English: yes)."""
    return _catalogue is None or _catalogue.gettext(REVIEWED) == "yes"


def _(message: str) -> str:
    """`message` in the language chosen."""
    return message if _catalogue is None else str(_catalogue.gettext(message))


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language chosen (Welsh has six)."""
    if _catalogue is None:
        return singular if count == 1 else plural
    return str(_catalogue.ngettext(singular, plural, count))

