"""What people write in a form's cells: choices, roles and dates read as coprod's words."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from coprod_cli.answers import ANSWER_PHRASES, parse_level_word
from coprod_cli.models import LEVEL_IDS
from coprod_cli.reading.formwords import MOST_RUNS, normalise, parse_choice, parse_date
from tests.conftest import Run
from tests.reading.test_formtable import IDS, scored, write_csv


@pytest.mark.parametrize(("cell", "level"), [
    ("intermediate", "intermediate"), ("Intermediate", "intermediate"), ("2", "intermediate"),
    ("2 - Intermediate: your ideas are listened to", "intermediate"),
    ("Level 3: Transformative", "transformative"), ("0 - Not yet co-production", "not-yet"),
    ("Not yet co-production: staff make the plans", "not-yet"),
    ("Descriptive \u2013 you can go to meetings", "descriptive"),
    ("Don't know", "unsure"), ("Not sure", "unsure"), ("Unsure", "unsure"),
    ("I don't know", "unsure"), ("Don\u2019t know", "unsure"),
])
def test_choices_as_forms_write_them(cell: str, level: str) -> None:
    assert parse_choice(cell) == level


def test_choices_with_a_description_are_read_without_the_answer_pattern() -> None:
    """Every way coprod writes an answer, numbered or not and with any of its words, has fewer
    runs of letters and digits than MOST_RUNS, so a longer choice cannot be one."""
    phrases = [phrase for words in ANSWER_PHRASES.values() for phrase in words]
    numbered = [f"Level {n}: {phrase}" for n, level in enumerate(LEVEL_IDS)
                for phrase in ANSWER_PHRASES[level]]
    for phrase in [*phrases, *numbered]:
        assert normalise(phrase).count("-") < MOST_RUNS - 1, phrase
        assert parse_choice(phrase) == parse_level_word(phrase)
    long = "2 - Intermediate: people plan the service with staff, as partners, every time"
    assert normalise(long).count("-") >= MOST_RUNS
    assert parse_choice(long) == "intermediate"


@pytest.mark.parametrize("cell", ["transformitive", "4", "9 - Very good", "yes", "-"])
def test_choices_that_are_no_level_are_refused(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_choice(cell)


@pytest.mark.parametrize(("cell", "date"), [
    ("2026-11-24", (2026, 11, 24)), ("2026-11-24T14:03:22Z", (2026, 11, 24)),
    ("24/11/2026", (2026, 11, 24)), ("24/11/2026 14:03:22", (2026, 11, 24)),
    ("03/04/2026", (2026, 4, 3)),  # day first, as the UK writes it
    ("11/24/2026 2:03:22 PM", (2026, 11, 24)),  # month first only when day first cannot be
    ("2026/11/20 10:00:00 am GMT", (2026, 11, 20)), ("24/11/26 14:03", (2026, 11, 24)),
    ("24 November 2026", (2026, 11, 24)), ("Tuesday, 24 Nov 2026", (2026, 11, 24)),
    (datetime.datetime(2026, 11, 24, 14, 3), (2026, 11, 24)),
])
def test_dates_iso_uk_and_the_form_tools_own(cell: object, date: tuple[int, int, int]) -> None:
    assert parse_date(cell) == datetime.date(*date)


@pytest.mark.parametrize("cell", ["yesterday", "31/02/2026", "24/13/2026", "2026"])
def test_dates_that_cannot_be_read_are_none(cell: str) -> None:
    assert parse_date(cell) is None


def test_role_answers_through_names_synonyms_and_the_users_map(
        run: Run, tmp_path: Path) -> None:
    roles = ["Service user", "Person who uses services", "Family carer", "Unpaid carer",
             "Social worker", "Support worker", "Team manager", "Peer mentor"]
    path = write_csv(tmp_path, ["Which of these best describes you?", *IDS],
                     *[[role, *["2"] * len(IDS)] for role in roles])
    counted = run("score", str(path), "-f", "json", "--min-group", "1")
    assert counted.exit_code == 0
    by_role = json.loads(counted.stdout)["by_role"]
    assert {r["role"]: r["respondents"] for r in by_role}["other"] == 1
    assert f"{path}: 1 respondent(s) gave a role in their own words, counted as 'other': " \
        "'Peer mentor' (1); to count one in a role, map it: --role-map \"Peer mentor=ROLE\"" \
        in counted.stderr
    refused = run("score", str(path), "--strict")
    assert refused.exit_code == 2
    assert "cell A9: a role of the respondent's own, 'Peer mentor'" in refused.stderr
    data = scored(run, str(path), "--role-map", "Peer mentor=Volunteer")
    assert {r["role"]: r["respondents"] for r in data["by_role"]} == {  # type: ignore[attr-defined]
        "person-drawing-on-care": 2, "carer": 2, "practitioner": 2, "manager": 1,
        "volunteer": 1}


@pytest.mark.parametrize(("cell", "words"), [
    ("3 - Intermediate", "'3 - Intermediate' says both 3 (transformative) and intermediate"),
    ("0 - Transformative: people decide", "says both 0 (not-yet) and transformative"),
    ("2 - Don't know", "says both 2 (intermediate) and unsure"),
    ("=1+1", "'=1+1' is a spreadsheet formula, not a choice"),
    (" =HYPERLINK(\"http://e\")", "is a spreadsheet formula"),
    ("@SUM(A1)", "is a spreadsheet formula"),
    ("1+1", "unknown level '1+1'"),
])
def test_a_choice_that_contradicts_itself_or_is_a_formula_is_refused(cell: str,
                                                                     words: str) -> None:
    """Neither the number nor the word wins in silence, and a formula is never a level."""
    with pytest.raises(ValueError, match="; ") as refused:
        parse_choice(cell)
    assert words in str(refused.value)


def test_a_contradicting_cell_in_an_export_is_one_located_line(run: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path, ["Role", *IDS],
                     ["Carer", "3 - Intermediate", *["2"] * (len(IDS) - 1)])
    result = run("score", str(path))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: {path}:2:2: cell B2")
    assert "says both 3 (transformative) and intermediate" in result.stderr


def test_a_huge_cell_or_role_is_quoted_shortened(run: Run, tmp_path: Path) -> None:
    huge = "x" * 100_000  # under the CSV field's limit
    path = write_csv(tmp_path, ["Role", *IDS], ["Carer", huge, *["2"] * (len(IDS) - 1)])
    result = run("score", str(path))
    assert result.exit_code == 2 and "unknown level 'xxxxx" in result.stderr
    assert len(result.stderr) < 1000
    path = write_csv(tmp_path, ["Role", *IDS], [huge, *["2"] * len(IDS)])
    result = run("score", str(path), "--strict")
    assert result.exit_code == 2 and "a role of the respondent's own, 'xxxxx" in result.stderr
    assert len(result.stderr) < 1000
    result = run("score", str(path))  # counted as 'other', named in a warning, shortened
    assert result.exit_code == 0 and "their own words, counted as 'other': 'xxxxx" in \
        result.stderr
    assert len(result.stderr) < 1000


def test_welsh_choices_and_roles_read_as_english_ones() -> None:
    from coprod_cli.reading.formwords import WELSH_ROLE_NAMES, normalise, role_words
    from coprod_cli.reading.loader import Library

    welsh = Library.builtin(language="cy").catalogue
    assert {role.id: role.name for role in welsh.roles} == WELSH_ROLE_NAMES
    english = Library.builtin().catalogue
    words = role_words(english, {})
    assert all(words[normalise(name)] == role for role, name in WELSH_ROLE_NAMES.items())
    for value, level in enumerate(welsh.levels):
        row = f"{value} - {level.name}: {level.plain}"
        assert parse_choice(row) == parse_choice(level.name) == level.id
    assert parse_choice("Ddim yn siŵr") == parse_choice("Ansicr") == "unsure"


def test_the_id_finder_finds_what_the_bounded_pattern_finds() -> None:
    """IdFinder stands for a compiled `(?<![^-])(ID|...)(?![^-])` search (compiling it for every
    framework cost about 2 ms a run): on 20,000 random headings and id lists (fixed seed: ids
    sharing heads, one inside another, hyphens at the ends, repeats), the same place and id."""
    import random
    import re

    from coprod_cli.reading.formwords import IdFinder

    rng = random.Random(29)
    parts = ["a", "ab", "b", "1", "2", "12", "co", "co-b", ""]
    for _ in range(20_000):
        ids = ["-".join(rng.choice(parts[:-1]) for _ in range(rng.randint(1, 3)))
               for _ in range(rng.randint(1, 6))]
        ids = sorted(ids, key=len, reverse=True)  # as header_words gives them
        word = "-".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        found = re.search(r"(?<![^-])(" + "|".join(map(re.escape, ids)) + r")(?![^-])", word)
        expected = None if found is None else (found.start(), found.end(), found.group(1))
        assert IdFinder(ids).search(word) == expected, (ids, word)


def test_a_role_heading_is_found_as_the_pattern_it_stands_for_finds_one() -> None:
    """asks_role stands for a compiled pattern (0.2 ms to compile at every start): on 20,000
    random headings made of its words and near misses (fixed seed), the same answer."""
    import random
    import re

    from coprod_cli.reading.formwords import asks_role

    pattern = re.compile(r"(^|-)roles?(-|$)|describes?-you|(^|-)are-you-a(-|$)|^i-am-a(-|$)|"
                         r"who-are-you|answering-as|(^|-)you-are-a(-|$)|"
                         r"eich-disgrifio|(^|-)eich-r-l(-|$)")
    rng = random.Random(29)
    parts = ["role", "roles", "rolex", "your", "describe", "describes", "you", "are", "a", "i",
             "am", "who", "answering", "as", "eich", "disgrifio", "r", "l", "what", "", "x"]
    for _ in range(20_000):
        word = "-".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        assert asks_role(word) == bool(pattern.search(word)), word
    assert asks_role("what-is-your-role") and asks_role("i-am-a") and not asks_role("parole")
