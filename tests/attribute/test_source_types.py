"""Source types (one classification for extraction and the ledger) on names alone: no model needed."""

from __future__ import annotations

import pytest

from counterclaim.attribute.source_types import source_type


@pytest.mark.parametrize(("name", "label", "expected"), [
    ("France", "GPE", "government"),           # a country speaks through its government
    ("the Czech Republic", "GPE", "government"),
    ("Northville", "GPE", "unspecified"),      # a town is no government
    ("grief-stricken Ruritania", "GPE", "unspecified"),  # a description is no government
    ("Ruritanians", "NORP", "government"),
    ("the health ministry", None, "government"),
    ("Human Rights Watch", "ORG", "ngo"),
    ("officials", None, "unspecified"),
    ("a second source", None, "unspecified"),
    ("one senior official", None, "unspecified"),
])
def test_source_type(name: str, label: str | None, expected: str) -> None:
    assert source_type(name, entity_label=label) == expected
