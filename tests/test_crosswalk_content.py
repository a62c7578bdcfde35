"""Every built-in crosswalk held to the frameworks it joins: every id exists at the current
versions, every statement of the target framework is mapped or named as not covered, and every
mapping's meaning was reviewed (a note saying what matches, read against both sides' rows)."""

from __future__ import annotations

import re

import pytest

from coprod_cli.crosswalks import Crosswalk
from coprod_cli.reading import crosswalks
from coprod_cli.reading.loader import Document, Library

LIB = Library.builtin()
FILES = crosswalks.builtin_files()
WALKS = {entry.name: crosswalks.validate(LIB, Document.from_bytes(
    entry.read_bytes(), f"frameworks/crosswalks/{entry.name}")) for entry in FILES}


def test_nef_and_scie_are_joined_both_ways_and_to_each_framework_added_since() -> None:
    assert {"nef-to-scie.yaml", "scie-to-nef.yaml"} <= set(WALKS)
    for other in ("wales", "ladder", "nhs-partnership"):
        for base in ("nef", "scie"):
            assert {f"{base}-to-{other}.yaml", f"{other}-to-{base}.yaml"} <= set(WALKS)


@pytest.mark.parametrize("name", sorted(WALKS))
def test_a_crosswalk_is_named_for_its_direction_and_joins_built_in_frameworks(name: str) -> None:
    walk = WALKS[name]
    assert name == f"{walk.from_.framework}-to-{walk.to.framework}.yaml" == f"{walk.id}.yaml"
    for side in (walk.from_, walk.to):
        assert side.framework in LIB.builtin_ids
        assert side.version == LIB.framework(side.framework).version


@pytest.mark.parametrize("name", sorted(WALKS))
def test_every_mapping_says_why_its_meaning_matches(name: str) -> None:
    walk: Crosswalk = WALKS[name]
    assert "reading every statement" in walk.reviewed
    for mapping in walk.mappings:
        assert len(mapping.note.split()) >= 12, mapping.to
    for item in walk.not_covered:
        assert len(item.note.split()) >= 6, item.id


@pytest.mark.parametrize("name", sorted(WALKS))
def test_several_sources_are_each_named_in_the_note_or_said_to_be_all_needed(name: str) -> None:
    """A statement mapped from several takes the lowest of them: the note must say that all
    are needed, or name each one, so a reader can check the rule fits."""
    for mapping in WALKS[name].mappings:
        if len(mapping.from_) > 1:
            said = re.search(r"both|all|each|together", mapping.note, flags=re.I)
            assert said or all(sid in mapping.note for sid in mapping.from_), mapping.to


@pytest.mark.parametrize("name", sorted(WALKS))
def test_an_area_nothing_covers_is_said_at_the_top_of_the_file(name: str) -> None:
    """An area of the target with no statement covered has no level through the crosswalk:
    the file says so where a reader of it starts (its opening comment)."""
    walk = WALKS[name]
    covered = set(walk.covered)
    bare = [d for d in LIB.framework(walk.to.framework).dimensions
            if not covered & {s.id for s in d.statements}]
    text = (crosswalks.builtin_folder() / "crosswalks" / name).read_text(encoding="utf-8")
    opening = " ".join(line.lstrip("# ") for line in text[:text.index("\nid:")].splitlines())
    for dimension in bare:
        assert "has no level through this crosswalk" in opening, (name, dimension.id)


def test_nef_and_scie_cover_every_area_of_each_other() -> None:
    for name in ("nef-to-scie.yaml", "scie-to-nef.yaml"):
        walk = WALKS[name]
        for dimension in LIB.framework(walk.to.framework).dimensions:
            assert set(walk.covered) & {s.id for s in dimension.statements}, dimension.id
