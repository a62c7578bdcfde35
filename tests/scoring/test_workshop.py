"""The workshop pack's cards: the statements where views are a level or more apart, or many
were unsure, most apart first, said without revealing a group too small to be shown."""

from __future__ import annotations

import re

from coprod_cli.coproduced import Workshop
from coprod_cli.scoring.workshop import cards
from coprod_cli.tally import Tally
from tests.builders import CATALOGUE, FW, answers

IDS = [s.id for s in FW.statements]


def tally(*people: tuple[str, dict[str, object]]) -> Tally:
    found = Tally(FW)
    for role, values in people:
        found.add(answers({sid: values.get(sid, 1) for sid in IDS}, role))
    return found


def pack(found: Tally, min_group: int = 3, most: int = 6) -> Workshop:
    return cards(FW, CATALOGUE, found, min_group=min_group, most=most)


LIVED_LOW = [("person-drawing-on-care", {"alpha-1": 0, "beta-2": 1})] * 3
STAFF_HIGH = [("practitioner", {"alpha-1": 3, "beta-2": 2})] * 3


def test_a_card_for_each_statement_the_voices_see_a_level_apart_widest_first() -> None:
    found = pack(tally(*LIVED_LOW, *STAFF_HIGH))
    assert [c.statement for c in found.cards] == ["alpha-1", "beta-2"]
    first = found.cards[0]
    assert first.reasons == ["voices-apart"]
    assert first.apart == ["People with lived experience see this lower than everyone else: "
                           "two levels or more apart."]
    assert [level.level for level in first.levels] == ["not-yet", "descriptive",
                                                       "intermediate", "transformative"]
    assert len(first.questions) >= 3 and all(q.endswith("?") or q.endswith(".")
                                              for q in first.questions)


def test_a_voice_too_small_to_show_is_never_named_as_the_lower_or_higher() -> None:
    low = pack(tally(*LIVED_LOW[:2], *STAFF_HIGH))
    high = pack(tally(("carer", {"alpha-1": 3}), ("carer", {"alpha-1": 3}),
                      *[("practitioner", {"alpha-1": 0})] * 3))
    for found in (low, high):
        words = " ".join(found.cards[0].apart)
        assert "lower than" not in words and "higher" not in words
        assert not re.search(r"\d\.\d", words)  # no figure of any group
    assert low.cards[0].apart == high.cards[0].apart


def test_many_unsure_makes_a_card_and_says_how_many() -> None:
    found = pack(tally(*[("practitioner", {"beta-3": "unsure"})] * 2,
                       *[("person-drawing-on-care", {})] * 4))
    card = next(c for c in found.cards if c.statement == "beta-3")
    assert card.reasons == ["many-unsure"]
    assert card.apart == ["A third of the people or more were unsure."]  # no count, shared
    assert card.answers_level == "descriptive"
    exact = pack(tally(*[("practitioner", {"beta-3": "unsure"})] * 2,
                       *[("person-drawing-on-care", {})] * 4), min_group=1)
    card = next(c for c in exact.cards if c.statement == "beta-3")
    assert card.apart == ["2 of 6 people were unsure."]


def test_a_shared_card_gives_no_count_of_the_unsure_so_one_more_moves_nothing() -> None:
    """Four or five of twelve unsure: the card's words are the same, so two packs a person
    apart do not say whether that person was unsure."""
    said = []
    for unsure in (4, 5):
        found = pack(tally(*[("practitioner", {"beta-3": "unsure"})] * unsure,
                           *[("person-drawing-on-care", {})] * (12 - unsure)))
        said.append(next(c.apart for c in found.cards if c.statement == "beta-3"))
    assert said[0] == said[1] == ["A third of the people or more were unsure."]


def test_at_most_the_cards_asked_for_and_the_rest_counted() -> None:
    found = pack(tally(*LIVED_LOW, *STAFF_HIGH), most=1)
    assert [c.statement for c in found.cards] == ["alpha-1"] and found.left_out == 1


def test_roles_apart_name_only_roles_shown_on_their_own() -> None:
    found = pack(tally(*[("practitioner", {"beta-1": 3})] * 3, *[("manager", {"beta-1": 1})] * 3,
                       *[("carer", {"beta-1": 2})] * 3,
                       *[("person-drawing-on-care", {"beta-1": 2})] * 3))
    card = next(c for c in found.cards if c.statement == "beta-1")
    assert "roles-apart" in card.reasons
    assert "Practitioner higher, Manager lower" in " ".join(card.apart)
    hidden = pack(tally(*[("practitioner", {"beta-1": 3})] * 3, *[("carer", {"beta-1": 2})] * 3,
                        *[("person-drawing-on-care", {"beta-1": 2})] * 3,
                        ("commissioner", {"beta-1": 0})))
    assert "Commissioner" not in " ".join(" ".join(c.apart) for c in hidden.cards)


def test_no_card_when_everyone_is_within_a_level_and_sure() -> None:
    assert pack(tally(*[("carer", {})] * 3, *[("manager", {})] * 3)).cards == []
