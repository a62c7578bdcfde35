"""Who answered as a fixed-size sketch (sketch.py): how many people two sets differ by."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_cli.sketch import CELLS, MASK, Keys, Sketch, _check, _places, key, keys, keys_for

SALT = b"0123456789abcdef"


def _sketch(people: list[bytes]) -> Sketch:
    sketch = Sketch()
    for person in people:
        sketch.add(key(SALT, person))
    return sketch


def test_the_same_people_in_any_order_are_the_same_sketch() -> None:
    people = [f"person {n}".encode() for n in range(50)]
    assert _sketch(people).difference(_sketch(people[::-1])) == (0, 0)


@given(st.integers(0, 10_000), st.integers(0, 3), st.integers(0, 3))
def test_a_few_people_more_or_fewer_are_counted_exactly(seed: int, more: int,
                                                        fewer: int) -> None:
    rng = random.Random(seed)
    common = [rng.randbytes(12) for _ in range(rng.randint(0, 300))]
    gone = [rng.randbytes(12) for _ in range(fewer)]
    new = [rng.randbytes(12) for _ in range(more)]
    assert _sketch(common + new).difference(_sketch(common + gone)) == (more, fewer)


def test_one_or_two_people_apart_are_always_told() -> None:
    """What the memory needs at the default --min-group: a pair is missed only when both fall
    in the same cell of all three parts (1 in 32**3); none of these seeds does."""
    for seed in range(500):
        rng = random.Random(seed)
        common = [rng.randbytes(12) for _ in range(20)]
        one, two = rng.randbytes(12), rng.randbytes(12)
        assert _sketch([*common, one]).difference(_sketch(common)) == (1, 0)
        assert _sketch([*common, one, two]).difference(_sketch(common)) == (2, 0)
        assert _sketch([*common, one]).difference(_sketch([*common, two])) == (1, 1)


def test_sets_far_apart_are_told_as_many() -> None:
    one = _sketch([f"a {n}".encode() for n in range(200)])
    other = _sketch([f"b {n}".encode() for n in range(200)])
    assert one.difference(other) is None


def test_cells_no_keys_make_are_told_as_too_many_not_peeled_for_ever() -> None:
    """A damaged memory (a count off by one, or a key that peels back and forth between its
    own cells) is told as too many apart, at once, rather than peeled round for ever."""
    empty = Sketch()
    off_by_one = Sketch([[1, 0, 0] if at == 1 else [0, 0, 0] for at in range(CELLS)], size=1)
    assert off_by_one.difference(empty) is None
    value = 0x123456789ABCDEF  # one key's cell holds it, its other two cells nothing
    first = _places(value)[0]
    back_and_forth = Sketch([[1, value, _check(value)] if at == first else [0, 0, 0]
                             for at in range(CELLS)], size=1)
    assert back_and_forth.difference(empty) is None


def test_the_salt_changes_every_key() -> None:
    assert key(SALT, b"answers") != key(b"another salt....", b"answers")


def test_a_sketch_reads_back_only_in_the_shape_it_was_written() -> None:
    sketch = _sketch([b"x", b"y"])
    again = Sketch.from_data(sketch.data())
    assert again.difference(sketch) == (0, 0) and again.size == 2
    for bad in ({}, {"size": -1, "cells": []}, {"size": 1, "cells": [[0, 0, 0]] * (CELLS - 1)},
                {"size": 1, "cells": [[0, 0, "x"]] * CELLS},
                {"size": 1, "cells": [[0, -1, 0]] * CELLS},
                {"size": 1, "cells": [[0, 0, 1 << 64]] * CELLS},
                {"size": 1, "cells": [[0, True, 0]] * CELLS},
                {"size": 1, "cells": [[0, 0]] * CELLS},
                {"size": 1, "cells": [[0, 0, 0]] * (CELLS - 1) + [(0, 0, 0)]},
                {**sketch.data(), "more": 1}, [1, 2]):
        with pytest.raises(ValueError):
            Sketch.from_data(bad)


def test_many_keys_at_once_are_the_keys_one_at_a_time() -> None:
    rng = random.Random(7)
    salt = rng.randbytes(16)
    contents = [rng.randbytes(rng.randrange(0, 300)) for _ in range(200)]
    values = keys(salt, contents)
    assert values == [key(salt, content) for content in contents]
    one, many = Sketch(), Sketch()
    for value in values:
        one.add(value)
    many.add_many(values[:120])
    many.add_many(values[120:])
    assert many.data() == one.data() and many.size == 200


def test_more_keys_at_once_than_one_batch_holds_are_added_as_one_at_a_time() -> None:
    """add_many sums a batch of keys in one number per cell: a longer list, and keys with
    every bit set, are added exactly as `add` adds them one by one."""
    rng = random.Random(11)
    values = [rng.getrandbits(64) or 1 for _ in range(70_000)] + [MASK] * 3
    one, many = Sketch(), Sketch()
    for value in values:
        one.add(value)
    many.add_many(values)
    assert many.data() == one.data() and many.size == len(values)


def test_keys_of_the_second_kind_a_chunk_at_a_time_are_the_keys_one_at_a_time() -> None:
    """Keys.many (columns of codes, in C) gives each row the key `Keys.key` gives it, for an
    odd and an even number of statements, 32 roles, any column order; more roles: None."""
    rng = random.Random(11)
    levels = ["not-yet", "descriptive", "intermediate", "transformative", "unsure", "x"]
    for width in (2, 3, 28, 29):
        made = Keys(rng.randbytes(16))
        sids = [f"s-{n}" for n in range(width)]
        roles = [rng.choice([f"role {n}" for n in range(32)]) for _ in range(700)]
        rows = [[rng.randrange(len(levels)) for _ in sids] for _ in roles]
        one = [made.key(role, [(sid, levels[c]) for sid, c in zip(sids, row, strict=True)])
               for role, row in zip(roles, rows, strict=True)]
        assert made.many(roles, sids, bytes(c for row in rows for c in row), levels) == one
        turn = rng.sample(range(width), width)
        assert made.many(roles, [sids[i] for i in turn],
                         bytes(row[i] for row in rows for i in turn), levels) == one
        assert len(set(one)) == len({(r, tuple(row)) for r, row in zip(roles, rows, strict=True)})
    assert made.many([f"r{n}" for n in range(33)], sids, bytes(33 * width), levels) is None


def test_keys_of_the_second_kind_differ_by_salt_and_by_any_answer_or_role() -> None:
    one, other = Keys(SALT), Keys(b"another salt....")
    answers = [("a", "descriptive"), ("b", None)]
    assert one.key("carer", answers) != other.key("carer", answers)
    assert one.key("carer", answers) != one.key("manager", answers)
    # unanswered is unanswered, however it was read (as in keys of the first kind)
    assert one.key("carer", answers) == one.key("carer", [("a", "descriptive"), ("b", "")])
    assert one.key("carer", answers) != one.key("carer", [("a", "intermediate"), ("b", None)])


def test_the_fewest_apart_is_never_more_than_the_keys_peeled() -> None:
    """`fewest_apart` is a lower bound of what `difference` tells, whenever it tells it
    (ledger.differ skips the peeling once the bound reaches --min-group), and 0 for the same
    people; `difference` has nothing to peel exactly when every cell is alike (what the
    ledger compares to find the same people again); sets of 0 to 40 in common and 0 to 12
    apart, some people twice (fixed seed)."""
    rng = random.Random(29)
    for _ in range(3000):
        common = [rng.randbytes(12) for _ in range(rng.randint(0, 40))]
        common += rng.sample(common, min(len(common), rng.randint(0, 2)))  # a file twice
        one = common + [rng.randbytes(12) for _ in range(rng.randint(0, 6))]
        other = common + [rng.randbytes(12) for _ in range(rng.randint(0, 6))]
        found = _sketch(one).difference(_sketch(other))
        fewest = _sketch(one).fewest_apart(_sketch(other))
        assert found is None or fewest <= sum(found)
        assert (fewest == 0) == (_sketch(one).cells == _sketch(other).cells)
        assert (found == (0, 0)) == (_sketch(one).cells == _sketch(other).cells)


def test_a_salts_keys_are_made_once_and_give_what_fresh_ones_give() -> None:
    """Every tally of a run shares its salt's Keys (a trend's rounds): the same values as
    Keys made afresh, and another salt's are its own."""
    answers = [("a", "descriptive"), ("b", None)]
    assert keys_for(SALT) is keys_for(SALT)
    assert keys_for(SALT).key("carer", answers) == Keys(SALT).key("carer", answers)
    assert keys_for(b"another salt....") is not keys_for(SALT)
