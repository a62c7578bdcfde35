"""The agreed.yaml `workshop --record` writes: valid as written, one key per card."""

from __future__ import annotations

from coprod_cli.coproduced import Workshop
from coprod_cli.questionnaire.agreed_file import render_agreed
from coprod_cli.reading.loader import Document, Library
from coprod_cli.resultparts import FrameworkRef
from coprod_cli.scoring.workshop import cards
from coprod_cli.tally import Tally
from tests.builders import answers

LIB = Library.builtin()
NEF = LIB.framework("nef")


def _pack() -> Workshop:
    found = Tally(NEF)
    for role, value in [("carer", 0)] * 3 + [("manager", 3)] * 3:
        found.add(answers({s.id: value if s.id == "assets-1" else 1 for s in NEF.statements},
                          role, framework="nef"))
    return cards(NEF, LIB.catalogue, found, min_group=3, most=6,
                 service="Ward 9: \"quoted\"\n# injected: key")


def test_the_file_as_written_is_valid_and_lists_every_card_unagreed() -> None:
    pack = _pack()
    text = render_agreed(pack, NEF)
    agreed, framework = LIB.agreed(Document.from_bytes(text.encode(), "agreed.yaml"))
    assert framework.id == "nef" and agreed.service == pack.service
    assert list(agreed.agreed) == [card.statement for card in pack.cards] == ["assets-1"]
    assert all(value is None for value in agreed.agreed.values())
    assert agreed.signoff is None and agreed.took_part == {}


def test_a_filled_in_level_reads_back() -> None:
    text = render_agreed(_pack(), NEF).replace("  assets-1:", "  assets-1: 2")
    agreed, _ = LIB.agreed(Document.from_bytes(text.encode(), "agreed.yaml"))
    entry = agreed.agreed["assets-1"]
    assert entry is not None and entry.level == "intermediate"


def test_an_empty_pack_still_makes_a_valid_file() -> None:
    empty = Workshop(tool_version="0", framework=FrameworkRef(id="nef", name="n", version="1"),
                     service=None, respondents=0, min_group=3, cards=[])
    agreed, _ = LIB.agreed(Document.from_bytes(render_agreed(empty, NEF).encode(), "a.yaml"))
    assert agreed.agreed == {}
