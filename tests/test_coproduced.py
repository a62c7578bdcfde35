"""The parts the people who answered add to a result: shapes that every format shares."""

from __future__ import annotations

from coprod_cli.coproduced import NOT_REVIEWED, Review
from coprod_cli.plain import build, to_data
from coprod_cli.results import Result
from tests.builders import result_for


def test_a_result_says_it_was_not_reviewed_until_a_signoff_says_otherwise() -> None:
    res = result_for({"alpha-1": 1, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 1})
    assert res.review == Review() and res.review.line == NOT_REVIEWED
    assert res.agreement is None


def test_the_review_and_agreement_survive_json_and_back() -> None:
    res = result_for({"alpha-1": 1, "alpha-2": 1, "beta-1": 1, "beta-2": 1, "beta-3": 1})
    data = to_data(res)
    assert data["review"]["line"] == NOT_REVIEWED and data["agreement"] is None
    assert build(Result, data) == res
