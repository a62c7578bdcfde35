"""The questionnaire's flow: order, replies, going back, resuming and the jargon it explains."""

from __future__ import annotations

import dataclasses
import re

import pytest

from coprod_cli.models import GlossaryEntry
from coprod_cli.questionnaire import flow as q
from coprod_cli.reading.loader import Library
from tests.builders import CATALOGUE, FW

FLOW = q.steps(FW)  # alpha-1, alpha-2, beta-1, beta-2, beta-3


def test_steps_follow_the_framework_and_count_like_a_person() -> None:
    assert [step.statement.id for step in FLOW] == [
        "alpha-1", "alpha-2", "beta-1", "beta-2", "beta-3"]
    assert FLOW[2].progress == "Statement 3 of 5"
    assert [step.dimension.id for step in FLOW] == ["alpha", "alpha", "beta", "beta", "beta"]
    assert (FLOW[3].dimension.id, FLOW[3].dimension_number, FLOW[3].dimensions) == ("beta", 2, 2)


def test_nef_has_26_statements_in_six_parts() -> None:
    flow = q.steps(Library.builtin().framework("nef"))
    assert flow[6].progress == "Statement 7 of 28"
    assert flow[-1].dimension_number == flow[-1].dimensions == 6


def test_a_fresh_start_begins_at_the_first_statement() -> None:
    assert q.next_unanswered(FLOW, {}) == 0
    assert q.answered(FLOW, {}) == 0


def test_resume_starts_at_the_first_unanswered_statement() -> None:
    given = {"alpha-1": "intermediate", "alpha-2": "unsure", "beta-1": None}
    assert q.next_unanswered(FLOW, given) == 2
    assert q.answered(FLOW, given) == 2


def test_after_an_answer_it_moves_on_and_comes_back_for_any_gap() -> None:
    given = {"alpha-1": None, "alpha-2": "descriptive", "beta-1": "descriptive"}
    assert q.next_unanswered(FLOW, given, after=2) == 3
    given |= {"beta-2": "descriptive", "beta-3": "descriptive"}
    assert q.next_unanswered(FLOW, given, after=4) == 0  # wraps round to the gap


def test_after_changing_an_earlier_answer_it_returns_to_where_it_was() -> None:
    given = {"alpha-1": "descriptive", "alpha-2": "descriptive"}
    assert q.next_unanswered(FLOW, given, after=0) == 2


def test_nothing_is_next_when_every_statement_is_answered() -> None:
    given = {step.statement.id: "transformative" for step in FLOW}
    assert q.next_unanswered(FLOW, given) is None
    assert q.next_unanswered(FLOW, given, after=3) is None


def test_back_goes_to_the_statement_before_but_not_before_the_first() -> None:
    assert q.back(3) == 2
    assert q.back(0) is None


@pytest.mark.parametrize(("typed", "level"), [
    ("0", "not-yet"), ("1", "descriptive"), (" 2 ", "intermediate"), ("3.", "transformative"),
    ("Intermediate", "intermediate"), ("not yet", "not-yet"), ("not_yet", "not-yet"),
    ("Not yet co-production", "not-yet"), ("TRANSFORMATIVE", "transformative"),
    ("u", "unsure"), ("unsure", "unsure"), ("not sure", "unsure"), ("U", "unsure"),
])
def test_levels_are_replied_by_number_or_by_name(typed: str, level: str) -> None:
    assert q.parse_reply(typed, CATALOGUE) == q.Reply("level", level)


@pytest.mark.parametrize(("typed", "kind"), [
    ("?", "help"), ("help", "help"), ("h", "help"), ("b", "back"), ("B", "back"),
    ("back", "back"), ("q", "quit"), ("quit", "quit"), ("stop", "quit"),
])
def test_keys_for_help_back_and_stop(typed: str, kind: str) -> None:
    assert q.parse_reply(typed, CATALOGUE).kind == kind


@pytest.mark.parametrize(("typed", "says"), [
    ("4", "4 is not one of the levels"), ("", "Nothing was typed"),
    ("banana", "'banana' is not an answer"),
    ("inter", "did you mean 'intermediate'"), ("descriptve", "did you mean 'descriptive'"),
])
def test_a_wrong_reply_says_what_was_wrong_and_what_to_type(typed: str, says: str) -> None:
    reply = q.parse_reply(typed, CATALOGUE)
    assert reply.kind == "invalid"
    assert says in reply.problem
    assert "Type 0, 1, 2 or 3" in reply.problem


def test_enter_keeps_an_answer_already_given() -> None:
    assert q.parse_reply("", CATALOGUE, has_answer=True).kind == "keep"


def test_jargon_finds_whole_words_and_other_forms_ignoring_case() -> None:
    glossary = (GlossaryEntry(term="co-production", also=("co-produced",), plain="x"),
                GlossaryEntry(term="engage", plain="y"),
                GlossaryEntry(term="peer support", plain="z"))
    statement = dataclasses.replace(
        FW.statements[0], text="Services are Co-Produced with people.",
        plain="Peer\nsupport happens.", help="Engagement is not the same.")
    assert [entry.term for entry in q.jargon(statement, glossary)] == [
        "co-production", "peer support"]


def test_jargon_in_a_plain_row_is_explained_too() -> None:
    from coprod_cli.models import Rubric

    glossary = (GlossaryEntry(term="bid", plain="x"),)
    rows = Rubric(not_yet="No bid asks for it.", descriptive="b", intermediate="c",
                  transformative="d")
    statement = dataclasses.replace(FW.statements[0], plain_levels=rows)
    assert q.jargon(FW.statements[0], glossary) == []
    assert [entry.term for entry in q.jargon(statement, glossary)] == ["bid"]


def test_every_nef_statement_with_jargon_gets_it_explained() -> None:
    lib = Library.builtin()
    found = {entry.term for s in lib.framework("nef").statements
             for entry in q.jargon(s, lib.catalogue.glossary)}
    assert {"co-production", "commissioning", "peer support"} <= found


def test_after_a_reply_it_goes_back_one_or_on_to_the_next_unanswered() -> None:
    given = {"alpha-2": "descriptive"}
    assert q.after(FLOW, given, 2, q.Reply("back")) == 1
    assert q.after(FLOW, given, 0, q.Reply("level", "unsure")) == 2
    assert q.after(FLOW, given, 1, q.Reply("keep")) == 2
    assert q.after(FLOW, dict.fromkeys([s.statement.id for s in FLOW], "x"), 4,
                   q.Reply("level", "x")) is None


def test_going_back_twice_and_forward_again_passes_every_statement() -> None:
    """b, b, Enter from statement 3 reviews statement 2, then 3: none is skipped."""
    given = {FLOW[0].statement.id: "descriptive", FLOW[1].statement.id: "descriptive",
             FLOW[2].statement.id: "descriptive"}
    at = q.after(FLOW, given, 3, q.Reply("back"))
    at = q.after(FLOW, given, at, q.Reply("back"))
    assert at == 1
    at = q.after(FLOW, given, at, q.Reply("keep"))
    assert at == 2
    assert q.after(FLOW, given, at, q.Reply("level", "intermediate"), reviewing=True) == 3


def test_the_help_explains_the_level_names_and_the_evidence_words() -> None:
    from coprod_cli.reading.loader import Library

    lib = Library.builtin()
    statement = lib.framework("nef").statements[0]
    names = [level.name for level in lib.catalogue.levels]
    terms = {entry.term for entry in q.jargon(statement, lib.catalogue.glossary, names)}
    assert {"not yet co-production", "descriptive", "intermediate", "transformative"} <= terms
    assert any("terms of reference" in example.lower() for example in statement.evidence_examples)
    assert "terms of reference" in terms


def _rule(text: str, form: str) -> bool:
    """The rule jargon is found by: the form as whole words, ignoring case, any spaces."""
    pattern = r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def test_lowercase_folds_every_plain_letter_as_the_rule_does() -> None:
    letters = [chr(c) for c in [*range(0x20, 0x7f), *range(0xc0, 0x17f)]]
    plain = [c for c in letters if q._plain(c)]
    assert "\u0175" in plain  # w with a circumflex
    assert not {"\u0131", "\u0130", "\u017f"} & set(plain)  # dotless i, dotted I, long s
    for char in plain:
        pattern = re.compile(re.escape(char), re.IGNORECASE)
        assert [x for x in plain if pattern.fullmatch(x)] == \
            [x for x in plain if x.lower() == char.lower()], char


ODD = ["A care plan, a plan; care\n\tplan and CARE  PLANS", "co-production-board co_production",
       "the bid-writing (bid) BID", "Kelvin \u212a K, \u017f s, \u0131 i, \u0130 I",
       "Cyd-gynhyrchu ŵyr Ŵ", "the (cqc) and People's\n Voice", "(CQC)s co- co-op",
       "plan", "", "  peer   support\n", "user-led user led", "2co-production co-production2"]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_jargon_is_found_exactly_by_the_rule(language: str) -> None:
    lib = Library.builtin(language=language)
    glossary = (*lib.catalogue.glossary, GlossaryEntry(term="care plan", also=("K",), plain="x"),
                GlossaryEntry(term="plan", also=("s", "i", "ŵ", "bid"), plain="x"),
                GlossaryEntry(term="(CQC)", also=("people's voice", "co-"), plain="x"))
    texts = [*ODD, *(" ".join([s.text, s.plain, *s.evidence_examples])
                     for framework in lib.frameworks() for s in framework.statements)]
    for text in texts:
        assert q.mentioned(text, glossary) == [
            entry for entry in glossary
            if any(_rule(text, form) for form in (entry.term, *entry.also))], text
