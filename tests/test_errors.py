"""The user-facing errors: where, what is wrong and how to fix it, in one line."""

from __future__ import annotations

from coprod_cli.errors import CoprodError, Location, UsageProblem, did_you_mean


def test_an_error_says_where_what_and_how_to_fix_it() -> None:
    error = UsageProblem("no such role 'carrer'", "use one of carer, manager",
                         Location("a.yaml", 3, 5))
    assert str(error) == "a.yaml:3:5: no such role 'carrer'; use one of carer, manager"
    assert error.exit_code == 2
    assert str(CoprodError("empty file")) == "empty file"
    assert str(Location("a.yaml")) == "a.yaml" and str(Location("a.yaml", 7)) == "a.yaml:7:1"


def test_a_more_precise_place_is_kept_when_an_error_is_located_again() -> None:
    error = CoprodError("bad", where=Location("a.yaml", 4, 2)).located(Location("a.yaml"))
    assert str(error) == "a.yaml:4:2: bad"
    assert str(CoprodError("bad").located(Location("b.yaml"))) == "b.yaml: bad"


def test_did_you_mean_names_the_closest_choice_or_nothing() -> None:
    assert did_you_mean("jsn", ["text", "json", "markdown"]) == " (did you mean 'json'?)"
    assert did_you_mean("xyz", ["text", "json"]) == ""
