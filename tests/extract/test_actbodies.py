"""Legislatures by their own name and jurisdictions the text presents as one (invented sentences)."""

from __future__ import annotations

import pytest

from counterclaim.extract.actbodies import find_legislatures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Senedd and the Bundestag", [("Wales", "GB-WLS"), ("Germany", "DE")]),
        ("the Verkhovna Rada voted", [("Ukraine", "UA")]),
        ("the State Duma and the Knesset", [("Russia", "RU"), ("Israel", "IL")]),
        ("the National Assembly and the Majlis", []),  # shared by several countries
        ("a sejmik in Tarnby", []),
    ],
)
def test_legislatures(text, expected):
    assert [(p.name, p.code) for p in find_legislatures(text)] == expected


def presented(text: str) -> list[str]:
    from counterclaim.extract.actbodies import presented_places
    from counterclaim.nlp import load_nlp

    doc = load_nlp()(text)
    return sorted({p.name for p in presented_places(doc, text, [])})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruritania's parliament adopted a resolution.", ["Ruritania"]),
        ("The parliament of Tarnovia met on Monday.", ["Tarnovia"]),
        ("The Tarnovia State Senate met on Monday.", ["Tarnovia"]),
        ("The government of Ruritania declared a day of mourning.", ["Ruritania"]),
        # not places: people, organisations, bodies above the national level, parts of a body's name
        ("Putin's government declared three days of mourning.", []),
        ("Acme Steel's president signed a declaration.", []),
        ("The European Parliament adopted a resolution.", []),
        ("The House of Representatives adopted a resolution.", []),
        ("Tarnby University's senate adopted a resolution.", []),
        ("Estonia's parliament adopted a resolution.", []),  # the gazetteer knows it
    ],
)
def test_presented_places(text, expected):
    assert presented(text) == expected
