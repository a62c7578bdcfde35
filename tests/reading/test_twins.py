"""Identical respondents found in a few bytes each: exact, in order, named with the first."""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
from collections import Counter

import pytest

from coprod_cli.reading import twins as twins_module
from coprod_cli.reading.twins import Twins, row_digest
from coprod_cli.tally import Who


def test_each_later_twin_is_named_with_the_first_in_the_order_read() -> None:
    twins = Twins()
    twins.add(11, "carer", "a.csv", 2)
    twins.add(22, "manager", "a.csv", 3)
    twins.add(None, "carer", "a.csv", 4)  # no timestamp: counted, never a twin
    twins.add(11, "carer", "a.csv", 5)
    twins.add(11, "manager", "b.yaml")
    assert list(twins.pairs()) == [
        (Who("carer", 1, 1, "a.csv:2"), Who("carer", 3, 4, "a.csv:5")),
        (Who("carer", 1, 1, "a.csv:2"), Who("manager", 2, 5, "b.yaml"))]
    assert len(twins) == 5


@pytest.mark.parametrize("spill", [twins_module.SPILL, 3000, 0])
def test_many_respondents_give_exactly_the_true_pairs(
        monkeypatch: pytest.MonkeyPatch, spill: int) -> None:
    """The table of fixed size only narrows the search: a digest it reports as seen before is
    checked against every digest kept, so no pair is made up and none is missed; whether the
    entries stay in memory, go to the temporary file in blocks, or cannot (a full disk)."""
    monkeypatch.setattr(twins_module, "SPILL", spill or 3000)
    if not spill:
        def full(**_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(tempfile, "TemporaryFile", full)
    rng = random.Random(29)
    digests = [rng.getrandbits(64) - 2**63 for _ in range(50_000)]
    repeated = {7: 3, 123: 40_000, 4_999: 49_999}  # entry -> an earlier entry it copies
    for later, earlier in repeated.items():
        digests[earlier if earlier > later else later] = digests[min(later, earlier)]
    twins = Twins()
    for start in range(0, len(digests), 1000):
        chunk = digests[start:start + 1000]
        twins.add_many(list(chunk), ["carer"] * len(chunk), "big.csv",
                       list(range(start + 2, start + 2 + len(chunk))))
    found = [(first.overall, later.overall) for first, later in twins.pairs()]
    assert found == sorted((min(a, b) + 1, max(a, b) + 1) for a, b in repeated.items())
    assert len(twins) == 50_000
    assert (len(twins._digests) < 50_000) == (0 < spill < 50_000)  # written in blocks


def test_a_twin_within_one_chunk_and_a_digest_of_zero_are_found() -> None:
    twins = Twins()
    twins.add_many([0, 5, 0], ["carer", "carer", "manager"], "f.csv", [2, 3, 4])
    assert [(a.source, b.source) for a, b in twins.pairs()] == [("f.csv:2", "f.csv:4")]


def test_a_row_without_a_time_has_no_digest_and_spaces_do_not_matter() -> None:
    assert row_digest("2026-11-24", ("carer",)) is None
    assert row_digest(None, ("carer",)) is None
    assert row_digest(" 2026-11-24 10:00 ", ("x",)) == row_digest("2026-11-24 10:00", ("x",))
    assert row_digest("2026-11-24 10:00", ("x",)) != row_digest("2026-11-24 10:00", ("y",))


def test_each_respondent_is_named_by_role_number_and_line_across_blocks(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(twins_module, "SPILL", 4)
    twins = Twins()
    for number in range(10):  # carers and managers by turns, each 5 twice
        role = "carer" if number % 2 else "manager"
        twins.add_many([number % 5 + 100], [role], "a.csv" if number < 7 else "b.csv",
                       [number + 2])
    assert [(a.source, b) for a, b in twins.pairs()][:2] == [
        ("a.csv:2", Who("carer", 3, 6, "a.csv:7")), ("a.csv:3", Who("manager", 4, 7, "a.csv:8"))]


@pytest.mark.parametrize("few", [0, 10, twins_module.FEW, 10**9])
def test_the_same_pairs_whether_the_table_is_a_set_or_bits(
        monkeypatch: pytest.MonkeyPatch, few: int) -> None:
    """The table's bits are kept as a set while few are marked, then as 2 MiB of bits: the
    same digests are reported as seen before either way, before, across and after the switch."""
    monkeypatch.setattr(twins_module, "FEW", few)
    rng = random.Random(7)
    digests = [rng.getrandbits(64) - 2**63 for _ in range(3_000)]
    for later, earlier in {5: 2, 30: 29, 1_000: 6, 2_999: 1_500}.items():
        digests[later] = digests[earlier]
    twins = Twins()
    for start in range(0, len(digests), 7):
        chunk = digests[start:start + 7]
        twins.add_many(chunk, ["carer"] * len(chunk), "f.csv",
                       list(range(start, start + len(chunk))))
    found = [(first.overall, later.overall) for first, later in twins.pairs()]
    assert found == [(3, 6), (30, 31), (7, 1_001), (1_501, 3_000)]
    assert (twins._bits is None) == (few >= 6_000)  # two spots a digest


def _reference(digests: list[list[int]]) -> tuple[set[int], bytearray]:
    """The bit table and the digests kept aside, a spot at a time (as _note once did)."""
    bits, maybe = bytearray(1 << (twins_module._INDEX - 3)), set()
    for chunk in digests:
        maybe.update(d for d, n in Counter(chunk).items() if n > 1)
        spots = [[d & twins_module._SPOT, d >> twins_module._INDEX & twins_module._SPOT]
                 for d in chunk]
        maybe.update(d for d, pair in zip(chunk, spots, strict=True)
                     if all(bits[s & 0x1FFFFF] >> (s >> 21) & 1 for s in pair))
        for pair in spots:
            for spot in pair:
                bits[spot & 0x1FFFFF] |= 1 << (spot >> 21)
    return maybe, bits


@pytest.mark.parametrize("seed", range(6))
def test_the_bit_table_a_chunk_at_a_time_is_the_same_as_a_spot_at_a_time(
        monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    """_note_bits finds each spot's byte and bit for a whole chunk at once: the same bits
    are marked and the same digests kept aside as one spot at a time, for negative digests,
    spots sharing a byte of the table (or a bit) within a chunk, repeats and chunks of one."""
    monkeypatch.setattr(twins_module, "FEW", 0)
    rng = random.Random(seed)
    near = [rng.getrandbits(24) for _ in range(8)]  # spots 2**21 apart share a byte
    chunks = []
    for _ in range(60):
        size = rng.choice([1, 2, 3, 50, 512])
        chunk = []
        for _ in range(size):
            low = rng.choice(near) ^ rng.getrandbits(3) << 21 if rng.random() < 0.3 \
                else rng.getrandbits(24)
            chunk.append((rng.getrandbits(40) << 24 | low) - 2**63)  # negative half the time
        if rng.random() < 0.2 and chunks:
            chunk[0] = rng.choice(rng.choice(chunks))
        chunks.append(chunk)
    twins = Twins()
    for chunk in chunks:
        twins.add_many(chunk, ["carer"] * len(chunk), "f.csv", list(range(len(chunk))))
    maybe, bits = _reference(chunks)
    assert twins._maybe == maybe
    assert twins._bits == bits


def test_a_few_respondents_are_kept_without_importing_array() -> None:
    """Start-up: up to FEW entries are kept in lists, so a small run never imports array."""
    code = ("import sys\nfrom coprod_cli.reading.twins import Twins\n"
            "twins = Twins()\nfor n in range(3):\n    twins.add(n % 2 + 1, 'carer', f'{n}.yaml')\n"
            "assert len(list(twins.pairs())) == 1\nprint('array' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
