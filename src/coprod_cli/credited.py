"""Credited records: the framework's credit and the sources that every output showing a
framework's content carries (a result, a trend, the workshop cards), declared one way.

They are fields made here, not a base class: a base's fields would come first, and each
record keeps its own order of fields (its JSON and JSON Schema stay as they are)."""

from __future__ import annotations

from dataclasses import field
from typing import Any


def credit(ending: str = "with thanks.") -> Any:
    """A record's `credit`: what the framework's content is adapted from, in coprod's own
    words ("" for a framework that gives none); its schema's line ends with `ending`."""
    return field(default="", metadata={"description": "The framework's credit: what its "
                                       f"content is adapted from, in coprod's own words, {ending}"})


def sources(description: str) -> Any:
    """A record's `sources`: each source its content draws on, credited as it asks (none
    unless given); `description` is its line in the schema."""
    return field(default_factory=list, metadata={"description": description})
