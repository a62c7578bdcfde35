"""Credited records: a result, a trend and the workshop cards declare their credit one way."""

from __future__ import annotations

import dataclasses

from coprod_cli import credited
from coprod_cli.coproduced import Workshop
from coprod_cli.plain import record
from coprod_cli.resultparts import ResultModel, SourceCredit
from coprod_cli.results import Result
from coprod_cli.trends import Trend


@record
class _Card(ResultModel):
    title: str
    credit: str = credited.credit("as it asks.")
    sources: list[SourceCredit] = credited.sources("What it draws on.")


def test_a_credited_record_starts_with_no_credit_and_its_own_list_of_sources() -> None:
    first, second = _Card(title="a"), _Card(title="b")
    assert first.credit == "" and first.sources == [] and first.sources is not second.sources
    given = [SourceCredit(title="Ladder of co-production", author="TLAP", year=2016)]
    assert _Card(title="c", credit="Adapted", sources=given).sources == given
    described = {f.name: f.metadata["description"] for f in dataclasses.fields(_Card)
                 if f.metadata}
    assert described == {"credit": "The framework's credit: what its content is adapted "
                         "from, in coprod's own words, as it asks.",
                         "sources": "What it draws on."}


def test_every_output_that_shows_a_framework_credits_it_the_same_way() -> None:
    """Each keeps its own words in its schema, and the same defaults (a record made without
    them is still valid: an added framework may give no credit)."""
    for kind in (Result, Trend, Workshop):
        fields = {f.name: f for f in dataclasses.fields(kind)}
        credit, sources = fields["credit"], fields["sources"]
        assert credit.default == "" and sources.default_factory is list
        assert credit.metadata["description"].startswith("The framework's credit")
        assert sources.metadata["description"].startswith("The sources")


def test_a_credit_note_is_known_only_as_coprod_writes_it() -> None:
    """The note's label ends with the source cited and its link, in every language; a
    source with no link keeps 'Credit: ' in front. The link among other words is not it."""
    linked = SourceCredit(title="Ladder of co-production", author="TLAP", year=2016,
                          url="https://example.org/ladder")
    written = credited.with_link(linked)
    assert written == 'TLAP, "Ladder of co-production" (2016): https://example.org/ladder'
    for label in (f"Credit: Built on the ladder. {written}", f"Cydnabyddiaeth: Wedi'i seilio. "
                  f"{written}", f"Credit:\n{written.replace(' ', chr(10), 2)}"):
        assert credited.a_credit_note(label, linked), label
    for question in (f"Have you read {linked.url}?", written, f"Credit: {written} and more",
                     f"What did you think of {linked.url}"):
        assert not credited.a_credit_note(question, linked), question
    unlinked = dataclasses.replace(linked, url=None)
    assert credited.a_credit_note(f"Credit: Built on it. {credited.cited(unlinked)}", unlinked)
    assert not credited.a_credit_note(f"Cydnabyddiaeth: {credited.cited(unlinked)}", unlinked)
