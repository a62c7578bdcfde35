"""The bootstrap in whole numbers gives exactly the bands of the bootstrap in fractions: every
band the same, for random rounds (fixed seed), every way of pooling roles, areas that do not
apply, unsure and does-not-apply answers, and weights of any size (every field width)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

import pytest

from coprod_cli.scoring import bands, fastbands
from coprod_cli.tally import NOT_APPLYING, UNKNOWN
from tests.builders import FW, make_framework

ROLES = ["carer", "manager", "person-drawing-on-care", "practitioner"]
SHAPES = [FW, make_framework({"one": 1, "four": 4, "two": 2})]


def _round(rng: random.Random, statements: int) -> dict[str, list[bytes]]:
    """Each role's people (1 to 7), each answering a level, unsure or does not apply."""
    choices = [0, 1, 2, 3] * 4 + [UNKNOWN, NOT_APPLYING]
    return {role: [bytes(rng.choice(choices) for _ in range(statements))
                   for _ in range(rng.randint(1, 7))]
            for role in rng.sample(ROLES, rng.randint(1, len(ROLES)))}


def _pools(rng: random.Random, roles: list[str]) -> list[list[str]]:
    shuffled = rng.sample(roles, len(roles))
    cut = rng.randint(1, len(roles))
    return rng.choice([[sorted(roles)], [[r] for r in sorted(roles)],
                       [sorted(shuffled[:cut]), sorted(shuffled[cut:])]])


@pytest.mark.parametrize("case", range(24))
def test_whole_numbers_give_the_bands_fractions_give(case: int) -> None:
    rng = random.Random(case)
    framework = SHAPES[case % len(SHAPES)]
    by_role = {role: sorted(rows) for role, rows in
               _round(rng, len(framework.statements)).items()}
    groups = [pool for pool in _pools(rng, sorted(by_role)) if pool]
    times = [1, 1 << 12, 1 << 30, 1 << 70][case % 4]  # fields of 8 to 84 bits
    per_person = {role: rng.randint(1, 300) * times for role in by_role}
    absent = rng.sample([d.id for d in framework.dimensions], case % 2)
    bits = fastbands.width(by_role, groups, per_person)
    most = max(sum(per_person[r] * len(by_role[r]) for r in pool) for pool in groups)
    assert bits is not None and bits % 2 == 0 and bits >= 8
    assert most < 1 << bits - 1 <= max(128, 4 * most)  # the sign fits, and little more
    assert bands._quickly(framework, by_role, groups, per_person, absent, bits) == \
        bands._slowly(framework, by_role, groups, per_person, absent)


@pytest.mark.parametrize("seed", range(4))
def test_the_most_pools_a_byte_holds_give_the_bands_fractions_give(seed: int) -> None:
    rng = random.Random(seed)
    roles = [f"role-{n}" for n in range(fastbands.MOST_POOLS)]
    by_role = {role: sorted(bytes(rng.choice([0, 1, 2, 3, 3, UNKNOWN]) for _ in range(5))
                            for _ in range(rng.randint(1, 4))) for role in roles}
    groups = [[role] for role in roles]  # each role its own pool, as --weighting role does
    per_person = {role: rng.randint(1, 9) for role in roles}
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    assert bands._quickly(FW, by_role, groups, per_person, (), bits) == \
        bands._slowly(FW, by_role, groups, per_person, ())


def test_more_pools_than_a_byte_holds_are_worked_out_in_fractions() -> None:
    rows = [bytes([0, 1, 2, 3, 2]), bytes([1, 1, 3, 3, 0])]
    roles = [f"role-{n}" for n in range(fastbands.MOST_POOLS + 1)]
    by_role = {role: rows for role in roles}
    groups, per_person = [[role] for role in roles], dict.fromkeys(roles, 1)
    assert fastbands.width(by_role, groups, per_person) is None
    found = bands.bands(FW, [(role, row) for role in roles for row in rows], groups, per_person)
    assert found == bands._slowly(FW, by_role, groups, per_person, ())
    assert found.overall is not None


def test_a_pool_with_no_roles_is_worked_out_in_fractions() -> None:
    """A pool of nobody answered nothing, as the bootstrap in fractions counts it."""
    rows = [bytes([0, 1, 2, 3, 2]), bytes([1, 1, 3, 3, 0])]
    by_role, groups, per_person = {"carer": rows}, [["carer"], []], {"carer": 1}
    assert fastbands.width(by_role, groups, per_person) is None
    found = bands.bands(FW, [("carer", row) for row in rows], groups, per_person)
    assert found == bands._slowly(FW, by_role, groups, per_person, ())
    assert found.overall is not None


@pytest.mark.parametrize("block", [1, 7, 40, 1 << 16])
def test_draws_worked_out_a_block_at_a_time_give_the_same_bands(
        monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    """However the draws fall into blocks (a draw alone, a few, all at once), the same
    draws in the same order, the same bands."""
    monkeypatch.setattr(fastbands, "BLOCK", block)
    rng = random.Random(block)
    by_role = {role: sorted(rows) for role, rows in _round(rng, len(FW.statements)).items()}
    groups = [sorted(by_role)[:1], sorted(by_role)[1:]] if len(by_role) > 1 else [sorted(by_role)]
    per_person = {role: rng.randint(1, 9) for role in by_role}
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    assert bands._quickly(FW, by_role, groups, per_person, (), bits) == \
        bands._slowly(FW, by_role, groups, per_person, ())


def test_a_round_of_many_people_is_drawn_a_block_at_a_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory bounded however many answered: never more than BLOCK people drawn at once (all
    1,000 draws of 40,000 people at once took 1 GB), every draw made once."""
    rng = random.Random(3)
    by_role = {role: sorted(bytes(rng.choice([0, 1, 2, 3, UNKNOWN]) for _ in range(5))
                            for _ in range(300)) for role in ROLES[:2]}
    people = sum(map(len, by_role.values()))
    sizes: list[int] = []
    gathered = fastbands._gathered

    def counted(pooled: Sequence[Iterable[int]], length: int, bits: int) -> bytes:
        drawn = [list(sums) for sums in pooled]
        sizes.append(len(drawn[0]))  # draws at once
        return gathered(drawn, length, bits)

    monkeypatch.setattr(fastbands, "_gathered", counted)
    groups, per_person = [sorted(by_role)], dict.fromkeys(by_role, 1)
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    found = bands._quickly(FW, by_role, groups, per_person, (), bits)
    assert sum(sizes) == bands.RESAMPLES and max(sizes) * people <= fastbands.BLOCK
    assert found == bands._slowly(FW, by_role, groups, per_person, ())


@pytest.mark.parametrize("seed", range(6))
def test_weights_sharing_a_factor_in_a_pool_give_the_bands_fractions_give(seed: int) -> None:
    """Each pool's weights are worked with over their common divisor (narrower fields): the
    same bands as the weights as given, in fractions."""
    rng = random.Random(seed)
    by_role = {role: sorted(rows) for role, rows in _round(rng, len(FW.statements)).items()}
    groups = [pool for pool in _pools(rng, sorted(by_role)) if pool]
    common = {tuple(pool): rng.choice([4, 12, 195, 1 << 20]) for pool in groups}
    per_person = {role: rng.randint(1, 30) * common[tuple(pool)]
                  for pool in groups for role in pool}
    lightest = fastbands.lightest(groups, per_person)
    assert all(per_person[role] % lightest[role] == 0 for role in per_person)
    assert (fastbands.width(by_role, groups, lightest) or 0) <= \
        (fastbands.width(by_role, groups, per_person) or 0)
    people = [(role, row) for role, rows in by_role.items() for row in rows]
    assert bands.bands(FW, people, groups, per_person) == \
        bands._slowly(FW, by_role, groups, per_person, ())


def test_rounds_drawn_one_after_another_share_the_seeds_numbers() -> None:
    """Every round draws from the same seed: a larger round after a smaller one (the numbers
    made for it kept and more made) and a smaller after it give each its own bands."""
    rng = random.Random(5)
    rounds = [{role: sorted(rows) for role, rows in _round(rng, len(FW.statements)).items()}
              for _ in range(3)]
    rounds.sort(key=lambda by_role: sum(map(len, by_role.values())))
    fastbands._FIRST.clear()
    for by_role in [*rounds, rounds[0]]:
        groups, per_person = [sorted(by_role)], dict.fromkeys(by_role, 1)
        bits = fastbands.width(by_role, groups, per_person)
        assert bits is not None
        assert bands._quickly(FW, by_role, groups, per_person, (), bits) == \
            bands._slowly(FW, by_role, groups, per_person, ())
    assert len(fastbands._FIRST[bands.SEED][1]) == \
        bands.RESAMPLES * sum(map(len, rounds[-1].values()))


@pytest.mark.parametrize("bits", [8, 12, 30, 84])
def test_a_persons_integer_is_their_statements_fields_added(bits: int) -> None:
    """Each person's statements' bytes joined are their fields, each shifted to its place:
    per level value v, + the weight above v and - at or below it, the weight in the fourth
    (nothing for unsure or does not apply)."""
    rng = random.Random(bits)
    weight = rng.randint(1, (1 << bits - 2) - 1)
    rows = [bytes(rng.choice([0, 1, 2, 3, UNKNOWN, NOT_APPLYING]) for _ in range(9))
            for _ in range(20)]

    def fields(level: int) -> int:
        if level >= fastbands.LEVELS:
            return 0
        return sum((weight if level > v else -weight) << bits * v for v in range(3)) \
            + (weight << 3 * bits)

    assert fastbands._people(rows, weight, bits) == [
        sum(fields(level) << 4 * bits * s for s, level in enumerate(row)) for row in rows]


def test_draws_where_an_area_has_no_answer_give_the_bands_fractions_give() -> None:
    """Only one of a role's three answers the first area: about a third of the draws leave
    it out, so that area, and the whole, have a score in the other draws only."""
    unsure = [UNKNOWN, UNKNOWN]
    by_role = {"carer": sorted([bytes([3, 2, 1, 2, 3]), bytes([*unsure, 0, 1, 2]),
                                bytes([*unsure, 2, 2, 3])]),
               "manager": sorted([bytes([*unsure, 1, 0, 3]),
                                  bytes([NOT_APPLYING, UNKNOWN, 3, 3, 1])])}
    groups, per_person = [["carer"], ["manager"]], {"carer": 2, "manager": 3}
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    found, _ = fastbands.draws(FW, by_role, groups, per_person, (), bands.SEED,
                               bands.RESAMPLES, bits)
    assert 0 < len(found["alpha"]) == len(found[""]) < bands.RESAMPLES == len(found["beta"])
    assert bands._quickly(FW, by_role, groups, per_person, (), bits) == \
        bands._slowly(FW, by_role, groups, per_person, ())


def test_the_remembered_area_medians_start_again_when_full_and_give_the_same_bands(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-running process keeps at most MOST patterns of an area's statements; starting
    again gives the same medians, so the same bands."""
    rng = random.Random(5)
    by_role = {role: sorted(rows) for role, rows in _round(rng, len(FW.statements)).items()}
    groups, per_person = [sorted(by_role)], {role: 1 for role in by_role}
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    monkeypatch.setattr(fastbands, "_MEDIANS", {})
    expected = bands._quickly(FW, by_role, groups, per_person, (), bits)
    monkeypatch.setattr(fastbands, "_MEDIANS", {})
    monkeypatch.setattr(fastbands._Medians, "MOST", 3)
    assert bands._quickly(FW, by_role, groups, per_person, (), bits) == expected
    assert all(len(remembered) <= 3 for remembered in fastbands._MEDIANS.values())


@pytest.mark.parametrize(("bits", "pools"), [(8, 1), (8, 2), (8, 5), (10, 3), (12, 4),
                                             (30, 5), (84, 2)])
def test_each_statements_byte_counts_its_pools_fields_at_least_0_and_1(bits: int,
                                                                      pools: int) -> None:
    """Whatever the pools' fields hold, from the most below 0 to the most above it that fits
    (the weight never below 0), each statement's byte holds 8 times how many of 0 and 1 its
    pools' level fields are at least, plus how many pools' weight fields are at least 1: the
    multiplication that gathers them never lets another field's bits meet or carry into it."""
    rng = random.Random(bits * pools)
    most = (1 << bits - 1) - 1  # a field's sum is above -2**(bits-1) and below 2**(bits-1)
    statements, levels = 7, fastbands.LEVELS - 1

    def field(k: int) -> int:
        edges = [0, 1, most] if k == levels else [-most, -1, 0, 1, most]
        return rng.choice(edges) if rng.random() < 0.7 else rng.randint(min(edges), most)

    draws = [[[field(k % fastbands.LEVELS) for k in range(statements * fastbands.LEVELS)]
              for _ in range(pools)] for _ in range(300)]
    draws += [[[most] * statements * fastbands.LEVELS] * pools]  # every count its most
    half = 1 << bits - 1
    pooled = [[sum(x + half << bits * k for k, x in enumerate(fields)) for fields in draw]
              for draw in zip(*draws, strict=True)]
    coded = fastbands._gathered(pooled, statements * bits // 2, bits)

    def byte(fields: list[list[int]], at: int) -> int:
        mine = [f[at:at + fastbands.LEVELS] for f in fields]
        return sum(8 * ((x >= 0) + (x >= 1)) for f in mine for x in f[:levels]) + \
            sum(f[levels] >= 1 for f in mine)

    assert list(coded) == [byte(draw, at) for draw in draws
                           for at in range(0, statements * fastbands.LEVELS, fastbands.LEVELS)]


@pytest.mark.parametrize("sizes", [(1,), (1, 1), (1, 6), (7, 1, 2)])
def test_pools_of_one_person_give_the_bands_fractions_give(sizes: tuple[int, ...]) -> None:
    """A round of one person, and pools of one person beside larger ones: such a pool's sum in
    a draw is its one drawn person's integer, half already added, nothing more."""
    rng = random.Random(len(sizes) * 10 + sizes[0])
    by_role = {role: sorted(bytes(rng.choice([0, 1, 2, 3, 3, UNKNOWN])
                                  for _ in range(len(FW.statements))) for _ in range(size))
               for role, size in zip(ROLES, sizes, strict=False)}
    groups = [[role] for role in by_role]
    per_person = {role: rng.randint(1, 9) for role in by_role}
    bits = fastbands.width(by_role, groups, per_person)
    assert bits is not None
    assert bands._quickly(FW, by_role, groups, per_person, (), bits) == \
        bands._slowly(FW, by_role, groups, per_person, ())
