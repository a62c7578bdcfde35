"""Inputs an attacker or a careless hand would write: arbitrary, YAML-shaped and mutated."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Modest in CI (the derandomised profile); HYPOTHESIS_PROFILE=explore searches far longer.
EXPLORING = os.environ.get("HYPOTHESIS_PROFILE") == "explore"
FUZZ = settings(max_examples=1000 if EXPLORING else 30, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large])

# Raw control characters, C1 controls, bidi overrides and lone surrogates: none may be output.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

NASTY = ["\x1b]0;pwned\x07", "\x1b[2J", "\x9b31m", "\u202e", "\u2066", "\x00", "\x7f", "\r",
         "\t", "\ufeff", "\udcff", "[/year]", "[link=http://e]x[/link]", "<script>", "```",
         "# ", "@here", "| x |", "![i](http://e/i.png)", "[a](http://e)", "\\", "&amp;"]
TOKENS = ["framework: nef\n", "framework: scie\n", "answers:\n", "  assets-1: ", "  assets-2: ",
          "respondent:\n", "  role: carer\n", "assessed_on: ", "2026-02-30", "1999-01-01",
          "2026-11-23", "level: ", "evidence: ", "? ", "- ", ": ", "[", "]", "{", "}", ",",
          "!!int ", "!!float ", "!!bool ", "!!timestamp ", "!!set ", "!!binary ", "!!str ",
          "!!python/object/apply:os.system ", "!custom ", "&a ", "*a ", "<<: ", "'", '"',
          "|\n", ">\n", "#", "~", "null", "0x3", "+3", "03", "3.0", "2.5", "1e999", ".nan",
          "9" * 5000, "intermediate", "transformative", "unsure", "Not yet co-production",
          "\n", "  ", "\t", "---\n", "...\n", "%YAML 1.1\n", *NASTY]


@st.composite
def yaml_shaped(draw: st.DrawFn) -> bytes:
    """Text assembled from YAML's syntax, coprod's keys and hostile fragments."""
    parts = draw(st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=40))
    return "".join(parts).encode("utf-8", "surrogateescape")


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """A real file with a few bytes inserted, deleted or replaced, or a fragment spliced in."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "splice"]))
        payload = draw(st.binary(min_size=1, max_size=4)) if action != "splice" else \
            draw(st.sampled_from(TOKENS)).encode("utf-8", "surrogateescape")
        if action == "delete":
            del data[where:where + draw(st.integers(1, 40))]
        elif action == "replace":
            data[where:where + len(payload)] = payload
        else:
            data[where:where] = payload
    return bytes(data)


def anything(base: bytes) -> st.SearchStrategy[bytes]:
    """Arbitrary bytes, YAML-shaped text, or the real file mutated."""
    return st.binary(max_size=600) | yaml_shaped() | mutated(base)
