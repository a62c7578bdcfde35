"""Many respondents counted at once (a form export's chunk) as Tally counts one at a time."""

from __future__ import annotations

import datetime

from coprod_cli.models import LEVEL_IDS
from coprod_cli.reading.loader import Library
from coprod_cli.tally import Ballot, Tally, coded


def test_many_respondents_at_once_are_counted_and_kept_as_one_at_a_time() -> None:
    """add_rows, add_answers and keep_many (a form export's chunk) give the counts, the
    people kept for trend and the sketch of who answered that add_ballot gives each."""
    import random

    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    rng = random.Random(5)
    levels = ["not-yet", "descriptive", "intermediate", "transformative", "unsure"]
    roles = [rng.choice(["carer", "manager", "practitioner"]) for _ in range(60)]
    rows = [tuple(rng.choice(levels) for _ in ids) for _ in roles]
    order = ids[::-1]  # a table may hold the statements in another order
    flipped = [row[::-1] for row in rows]
    one, rows_at_once, columns_at_once, coded_once = (
        Tally(framework, people=[], salt=b"s" * 16, former=100) for _ in range(4))
    for role, row in zip(roles, rows, strict=True):
        one.add_ballot(Ballot(role, dict(zip(ids, row, strict=True))))
    rows_at_once.add_rows(roles, order, flipped)
    rows_at_once.keep_many(roles, order, flipped)
    coded_once.keep_many(roles, order, flipped, coded(flipped))
    columns_at_once.add_answers(roles, order, list(zip(*flipped, strict=True)))
    assert rows_at_once.counts == one.counts == columns_at_once.counts
    assert rows_at_once.people == one.people
    assert rows_at_once.sketch.data() == one.sketch.data() == coded_once.sketch.data()
    assert one.sketch.former is not None and one.sketch.former.size == 60
    for tally in (rows_at_once, coded_once):
        assert tally.sketch.former is not None
        assert tally.sketch.former.data() == one.sketch.former.data()


def test_keys_of_the_first_kind_are_kept_only_while_they_could_be_needed() -> None:
    """`former` people at most: once more are kept, no earlier entry of that kind can be
    within --min-group of the result, so that sketch is dropped (memory and time saved)."""
    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    row = tuple(["descriptive"] * len(ids))
    kept, never = Tally(framework, salt=b"s" * 16, former=5), Tally(framework, salt=b"s" * 16)
    assert kept.sketch.former is not None and never.sketch.former is None
    kept.keep_many(["carer"] * 5, ids, [row] * 5, coded([row] * 5))
    assert kept.sketch.former is not None and kept.sketch.former.size == 5
    kept.add_ballot(Ballot("carer", dict(zip(ids, row, strict=True))))
    assert kept.sketch.former is None and kept.sketch.size == 6


def test_rows_of_any_values_or_many_roles_are_counted_as_columns_are() -> None:
    """add_rows counts level ids a byte each; a blank, a value that is no level and more
    roles than a byte holds are counted all the same (as add_answers counts them)."""
    import random

    framework = Library.builtin().framework("nef")
    ids = [s.id for s in framework.statements]
    rng = random.Random(9)
    values = ["not-yet", "transformative", "unsure", "does-not-apply", None, "odd"]
    for role_count, levels in ((3, values[:4]), (3, values), (40, values[:4])):
        roles = [f"role {rng.randrange(role_count)}" for _ in range(200)]
        rows = [tuple(rng.choice(levels) for _ in ids) for _ in roles]
        by_rows, by_columns = Tally(framework), Tally(framework)
        by_rows.add_rows(roles, ids, rows)
        by_columns.add_answers(roles, ids, list(zip(*rows, strict=True)))
        assert by_rows._answers == by_columns._answers
        assert by_rows.counts == by_columns.counts
        assert by_rows.not_applying == by_columns.not_applying


def test_many_people_at_once_are_counted_and_named_as_one_at_a_time() -> None:
    """add_people gives the head counts, the unsure answers, the latest date and the people
    named as mostly unsure (where each was read, how many of a role) that add_person gives."""
    framework = Library.builtin().framework("nef")
    size = len(framework.statements)
    roles = ["carer", "manager", "carer", "carer", "manager", "carer", "carer", "carer"]
    unsure = [0, size, size // 2, 1, size, size, size, size]
    days = [None, datetime.date(2026, 3, 1), None, datetime.date(2026, 5, 2), None, None,
            None, None]
    evidence = [(("mutuality-1", f"minutes {i}"),) for i in range(len(roles))]
    one, many = Tally(framework), Tally(framework)
    for i, role in enumerate(roles):
        one.add_person(role, unsure[i], i != 3, days[i], evidence[i], f"export.csv:{i + 2}")
    many.add_people(roles, unsure, 1, days, "export.csv", [i + 2 for i in range(len(roles))],
                    evidence)
    for tally in (one, many):
        assert tally.respondents == {"carer": 6, "manager": 2} and tally.total == 8
        assert tally.unstated == 1 and tally.unsure_answers == sum(unsure)
        assert tally.assessed_on == datetime.date(2026, 5, 2)
        assert tally.evidence["mutuality-1"] == [f"minutes {i}" for i in range(8)]
    assert many.mostly_unsure == one.mostly_unsure and len(one.mostly_unsure) == 5
    assert many.mostly_unsure_count == one.mostly_unsure_count == 6
    assert one.mostly_unsure[0].role == "manager" and one.mostly_unsure[0].number == 1
    assert one.mostly_unsure[0].source == "export.csv:3"


def test_an_answer_is_kept_as_the_table_says_for_every_kind_of_answer() -> None:
    """`_KEPT` (what each respondent's kept answers are made from) gives what `_kept` does,
    for each level, unsure, does not apply, an empty answer and anything else."""
    from coprod_cli.tallyrows import _KEPT, UNKNOWN, _kept

    for level in [*LEVEL_IDS, "unsure", "does-not-apply", None, "", "something else"]:
        assert _KEPT.get(level, UNKNOWN) == _kept(level)
