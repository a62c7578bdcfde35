"""Every word a person who draws on care meets is everyday English or explained in the glossary.

"Everyday" is two published lists of common English words, with their inflections: the New
General Service List (NGSL 1.01: the 2,800 words, with their forms, that learners of English
meet most in daily life; Browne, Culligan and Phillips, 2013, CC BY-SA 4.0; shipped in
tests/data/everyday/ with its licence) and the Dale-Chall list of about 3,000 words known to
most nine-year-olds (as textstat, a test dependency, ships it). A word on neither list is
jargon until the glossary in frameworks/core.yaml explains it, where people meet it: the
questionnaire's `?`, the web form, the outlines and the results' explanations. Words of one
syllable count as everyday too (the Dale-Chall rule as textstat applies it), as do the few
names in NAMES below, each a proper name a glossary entry would only repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import textstat

from coprod_cli.models import LEVEL_IDS
from coprod_cli.reading.loader import Library
from tests.conftest import EXAMPLES, Run

LIBRARY = Library.builtin()
CATALOGUE = LIBRARY.catalogue
HERE = Path(__file__).parent
QUOTE = "\u2019"  # a curly apostrophe, as in people\u2019s
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
# Inflections tried, longest first: 'planning' is 'plan', 'agreed' is 'agree', 'stories' is 'story'.
ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
           ("es", ""), ("er", ""), ("er", "e"), ("ers", ""), ("ly", ""), ("s", ""), ("d", ""),
           ("'s", ""), ("'", ""), ("ness", ""), ("ment", ""), ("ful", ""), ("able", ""),
           ("y", ""))
# Prefixes that only turn an everyday word round: 'unequal', 'informal', 'rethink'.
PREFIXES = ("un", "in", "im", "re", "dis")
# British spellings, read as the lists (American, in part) spell them.
SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("our", "or"), ("tre", "ter"))
# Proper names (places, days, people) that explaining would only repeat.
NAMES = {"scotland", "scottish", "wales", "welsh", "england", "catherine", "sarah", "carr",
         "needham", "david", "boyle", "julia", "slay", "lucie", "stephens", "browne", "coprod",
         "asian", "gypsy", "google", "microsoft", "excel", "kobotoolbox", "surveycto", "odk",
         "patel"}


@cache
def everyday() -> frozenset[str]:
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    ngsl = (HERE / "data" / "everyday" / "ngsl.txt").read_text(encoding="utf-8").split()
    return frozenset(ngsl) | frozenset(get_lang_easy_words("en_US")) | NAMES


@cache
def explained() -> frozenset[str]:
    """Every word of every glossary term and its other forms."""
    return frozenset(word.lower() for entry in CATALOGUE.glossary
                     for form in (entry.term, *entry.also) for word in WORD.findall(form))


def forms(word: str) -> Iterator[str]:
    yield word
    for ending, instead in ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)] + instead
            yield stem
            if len(stem) > 3 and stem[-1] == stem[-2]:  # 'planned' is 'plan'
                yield stem[:-1]
    for british, american in SPELLINGS:
        if british in word:
            yield word.replace(british, american)


def known(word: str, depth: int = 2) -> bool:
    """On a list, explained, or of one syllable; or made of such words: an everyday word with
    an ending ('respectfully'), a prefix ('disagree') or another everyday word ('deadline')."""
    lower = word.lower().replace(QUOTE, "'")
    for form in forms(lower):
        if form in everyday() or form in explained() or textstat.syllable_count(form) < 2:
            return True
        if depth and form != lower and known(form, depth - 1):
            return True
    if not depth:
        return False
    if any(lower.startswith(p) and len(lower) > len(p) + 3 and known(lower[len(p):], depth - 1)
           for p in PREFIXES):
        return True
    return any(lower[:cut] in everyday() and lower[cut:] in everyday()
               for cut in range(4, len(lower) - 3))


def unknown(text: str) -> list[str]:
    """The words of a text on no list and in no glossary term (hyphenated words by part, a
    glossary term like 'co-production' whole)."""
    whole = {word.lower() for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", text)}
    found = []
    for word in (w.strip("'" + QUOTE) for w in WORD.findall(text)):
        if not known(word) and not any(word.lower() in w.split("-") and known_whole(w)
                                       for w in whole):
            found.append(word.lower())
    return found


def known_whole(hyphenated: str) -> bool:
    return any(form in explained() for form in forms(hyphenated))


def content() -> Iterator[tuple[str, str]]:
    """Every wording a respondent or a reader meets, with where it is."""
    yield from framework_content()
    yield from catalogue_content()


def framework_content() -> Iterator[tuple[str, str]]:
    for framework_id in sorted(LIBRARY.builtin_ids):
        fw = LIBRARY.framework(framework_id)
        yield f"{fw.id}: text", fw.text
        yield f"{fw.id}: plain", fw.plain
        for d in fw.dimensions:
            yield f"{fw.id} {d.id}: text", d.text
            yield f"{fw.id} {d.id}: plain", d.plain
            for s in d.statements:
                yield f"{s.id}: text", s.text
                yield f"{s.id}: plain", s.plain
                yield f"{s.id}: help", s.help or ""
                for level in LEVEL_IDS:
                    yield f"{s.id}: levels.{level}", s.levels.at(level)
                    yield f"{s.id}: plain_levels.{level}", s.row(level, plain=True)
                for number, example in enumerate(s.evidence_examples, 1):
                    yield f"{s.id}: evidence example {number}", example


def catalogue_content() -> Iterator[tuple[str, str]]:
    for level in CATALOGUE.levels:
        yield f"level {level.id}", f"{level.name}. {level.descriptor} {level.plain}"
    for role in CATALOGUE.roles:
        yield f"role {role.id}", f"{role.name}. {role.plain}"
    for rec in CATALOGUE.recommendations:
        yield f"recommendation {rec.id}", f"{rec.text} {rec.plain}"
    for kind, tags in (("piece", CATALOGUE.pieces), ("principle", CATALOGUE.principles),
                       ("scope", CATALOGUE.scopes), ("activity", CATALOGUE.activities)):
        for tag in tags:
            yield f"{kind} {tag.id}", f"{tag.name}. {tag.text} {tag.plain}"
    for entry in CATALOGUE.glossary:
        yield f"glossary '{entry.term}'", entry.plain


def test_every_word_in_the_content_is_everyday_or_explained() -> None:
    missing = [f"{word!r} in {where}" for where, text in content() for word in unknown(text)]
    assert not missing, (
        f"{len(missing)} words are neither everyday English nor in the glossary; add a plain "
        "entry to 'glossary' in frameworks/core.yaml (or use an everyday word):\n"
        + "\n".join(missing))


# The words of care and support that look everyday but mean something particular here (the
# issue's list): wherever they appear, the glossary says what they mean.
SPECIAL = ("principle", "scope", "provider", "terms of reference", "direct payment", "tender",
           "not yet co-production", "descriptive", "intermediate", "transformative",
           "commissioning", "commissioner", "practitioner", "assessment", "care plan",
           "support plan", "personal budget", "minutes", "agenda", "policy", "procedure",
           "contract", "resources", "evidence", "framework", "element", "voice", "panel",
           "chair", "mandate", "hierarchy", "supervision", "induction", "peer support",
           "advocate", "outcomes", "assets", "capacity", "networks", "catalyst", "lived experience",
           "the usual suspects", "tokenism", "consultation", "engagement", "service user")


def test_the_words_care_gives_its_own_meaning_are_in_the_glossary() -> None:
    terms = {form.lower() for entry in CATALOGUE.glossary for form in (entry.term, *entry.also)}
    assert not [term for term in SPECIAL if term not in terms]
    everything = " ".join(text for _, text in content())
    assert sum(re.search(rf"\b{re.escape(term)}", everything, re.IGNORECASE) is not None
               for term in SPECIAL) >= len(SPECIAL) - 5  # nearly all of them are met somewhere


def outputs(run: Run) -> Iterator[tuple[str, str]]:
    """What coprod prints where a person who draws on care meets it: the questionnaire's help,
    the form outlines, the framework shown in plain words, results in plain words."""
    for args in (["assess", "--help"], ["form", "--help"], ["form", "nef"],
                 ["form", "scie", "--format", "text"], ["show", "nef", "--plain"],
                 ["score", str(EXAMPLES / "collective-autumn-2026"), "--plain", "--details"],
                 ["score", str(EXAMPLES / "scie-intermediate.yaml"), "--plain", "--details"],
                 ["form", "wales"], ["show", "wales", "--plain"],
                 ["score", str(EXAMPLES / "wales-descriptive.yaml"), "--plain", "--details"]):
        out = run(*args)
        assert out.exit_code == 0, (args, out.output)
        yield "coprod " + " ".join(a if "/" not in a else Path(a).name for a in args), out.stdout


CODE = re.compile(r"\S*(?:--|://|\.yaml|\.csv|\.html|\.json|[a-z]-\d)\S*|\b[a-z]+(?:-[a-z]+)*-\d+\b"
                  r"|`[^`]*`|'coprod[^']*'")


def test_every_word_coprod_prints_for_a_respondent_is_everyday_or_explained(
        run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "2000")  # no line breaks inside a word or a link
    missing = [f"{word!r} in {where}" for where, text in outputs(run)
               for word in unknown(CODE.sub(" ", text))]
    assert not missing, "\n".join(dict.fromkeys(missing))
