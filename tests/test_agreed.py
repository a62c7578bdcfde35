"""agreed.yaml: what a group agreed, validated as every file coprod reads, and its schema."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest

from coprod_cli.agreed import Agreed
from coprod_cli.errors import InvalidData
from coprod_cli.reading.loader import Document, Library
from coprod_cli.schemas import SchemaName, schema

LIB = Library.builtin()
VALIDATOR = jsonschema.Draft202012Validator(schema(SchemaName.agreed))

GOOD = """\
framework: nef
agreed_on: 2026-12-01
took_part: {person-drawing-on-care: 4, carer: 2}
agreed:
  networks-1: 2
  networks-3:
    level: Descriptive
    dissent:
      - voice: lived-experience
        words: "  We set it up ourselves.  "
  assets-2:
signoff:
  reviewed_by: 4
  reviewed_on: 2026-12-03
  response: We agree.
"""


def read(text: str) -> Agreed:
    return LIB.agreed(Document.from_bytes(text.encode(), "agreed.yaml"))[0]


def test_levels_are_read_as_answers_are_and_the_own_words_kept() -> None:
    agreed = read(GOOD)
    assert agreed.agreed["networks-1"] is not None
    assert agreed.agreed["networks-1"].level == "intermediate"
    third = agreed.agreed["networks-3"]
    assert third is not None and third.level == "descriptive"
    assert third.dissent[0].words == "We set it up ourselves."
    assert agreed.agreed["assets-2"] is None  # discussed, not agreed yet
    assert agreed.signoff is not None
    assert agreed.signoff.reviewed_on == datetime.date(2026, 12, 3)
    assert agreed.took_part == {"person-drawing-on-care": 4, "carer": 2}


@pytest.mark.parametrize(("change", "line", "words"), [
    (("networks-1: 2", "networks-1: unsure"), 5, "'unsure' is not an agreed level"),
    (("networks-1: 2", "netwrks-1: 2"), 5, "unknown statement id 'netwrks-1'"),
    (("carer: 2}", "carers: 2}"), 3, "unknown role 'carers'"),
    (("voice: lived-experience", "voice: staff"), 9, "lived-experience"),
    (("reviewed_by: 4", "reviewed_by: 0"), 13, "1 or more"),
    (("reviewed_on: 2026-12-03", "reviewed_on: 1999-12-03"), 14, "1999-12-03"),
])
def test_a_mistake_is_located_and_named(change: tuple[str, str], line: int, words: str) -> None:
    with pytest.raises(InvalidData) as caught:
        read(GOOD.replace(*change))
    assert caught.value.where is not None and caught.value.where.line == line
    assert words in str(caught.value)


def test_the_schema_accepts_what_the_loader_accepts_and_refuses_unknown_keys() -> None:
    import yaml

    data = yaml.safe_load(GOOD)
    data["agreed_on"] = str(data["agreed_on"])
    data["signoff"]["reviewed_on"] = str(data["signoff"]["reviewed_on"])
    assert not list(VALIDATOR.iter_errors(json.loads(json.dumps(data))))
    assert list(VALIDATOR.iter_errors({**data, "agree": {}}))
