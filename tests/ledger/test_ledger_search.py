"""Search finds every spelling of a place and returns events and figures (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from ledger_helpers import GOV, OTHER, WIRE

from counterclaim.ledger import Ledger
from counterclaim.store.search import ensure_index, search


@pytest.mark.parametrize("indexed", [False, True])
def test_a_spelling_finds_the_others(ledger: Ledger, indexed: bool) -> None:
    for r in (GOV, WIRE, OTHER):
        ledger.store(r)
    ledger.regroup()
    if indexed:
        ensure_index(ledger.db)
    found = search(ledger.db, "Khojaly")
    assert found["variants"] == {"Khojaly": ["Hojali"]}
    assert {d["id"] for d in found["documents"]} == {GOV.document.id, WIRE.document.id}  # WIRE says "Hojali"
    [event] = found["events"]
    assert GOV.document.id in ledger.event(event["id"])["documents"]
    assert {f["text"] for f in found["figures"]} >= {"613 civilians", "1,000 people"}
    assert search(ledger.db, "Hojali massacre")["documents"]  # every word, each in any spelling
    lyon = search(ledger.db, "Lyon")
    assert [d["id"] for d in lyon["documents"]] == [OTHER.document.id] and lyon["variants"] == {}
