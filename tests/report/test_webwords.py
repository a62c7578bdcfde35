"""The web questionnaire's words in both languages: each in its span, marked with the
language it is really in, every value escaped."""

from __future__ import annotations

from markupsafe import Markup

from coprod_cli.reading.loader import Library
from coprod_cli.report.webwords import Pair, Said, Words

EN, CY = Library.builtin(), Library.builtin(language="cy")


def words(framework: str) -> Words:
    return Words({"en": (EN.framework(framework), EN.catalogue),
                  "cy": (CY.framework(framework), CY.catalogue)})


def test_own_words_come_in_both_languages_each_marked() -> None:
    assert words("wales")("Plain words") == '<span class="en" lang="en">Plain words</span>' \
        '<span class="cy" lang="cy">Geiriau plaen</span>'


def test_values_are_escaped_and_filled_in_each_language() -> None:
    said = words("nef")("Part {number} of {total}: {name}", number=1, total=2,
                        name="<b>x</b>")
    assert said == '<span class="en" lang="en">Part 1 of 2: &lt;b&gt;x&lt;/b&gt;</span>' \
        '<span class="cy" lang="cy">Rhan 1 o 2: &lt;b&gt;x&lt;/b&gt;</span>'
    assert words("nef").text("cy", "For: {service}", service="<i>") == "Ar gyfer: <i>"


def test_a_pair_put_into_a_message_is_taken_in_the_same_language() -> None:
    own = words("wales")
    name = Said(own).dim("assets", "name")
    said = own("Part {number} of {total}: {name}", number=1, total=5, name=name)
    assert said.by_language["cy"] == "Rhan 1 o 5: Gwerthfawrogi pobl a&#39;u cryfderau"
    assert said.by_language["en"] == "Part 1 of 5: Valuing people and their strengths"


def test_text_with_no_welsh_is_written_once_marked_english() -> None:
    """nef has no Welsh: its text is the same in both pages, marked lang="en"; put into a
    Welsh message it keeps that mark."""
    own = words("nef")
    name = Said(own).fw("name")
    assert name == Markup('<span lang="en">{}</span>').format(EN.framework("nef").name)
    inside = own("Co-production questionnaire: {name}", name=name)
    assert inside.by_language["cy"].startswith('Holiadur cydgynhyrchu: <span lang="en">')


def test_levels_and_roles_come_from_core_yaml_in_welsh_whatever_the_framework() -> None:
    said = Said(words("nef"))
    assert said.level("intermediate", "name") == '<span class="en" lang="en">Intermediate' \
        '</span><span class="cy" lang="cy">Canolradd</span>'
    assert 'lang="cy">Gofalwr</span>' in said.role("carer", "name")


def test_a_text_the_same_in_both_and_in_one_language_is_one_span() -> None:
    same = Pair({"en": Markup("x"), "cy": Markup("x")}, {"en": "en", "cy": "en"})
    assert same == '<span lang="en">x</span>' == same.by_language["cy"]
    two = Pair({"en": Markup("x"), "cy": Markup("x")}, {"en": "en", "cy": "cy"})
    assert two.count("<span") == 2
