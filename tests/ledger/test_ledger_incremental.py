"""Incremental grouping and the aggregates the ledger keeps per event (migration 0003).

Documents are written for these tests (invented towns); the same ledger is checked against a
from-scratch computation (:meth:`Ledger.events`, which reads every figure).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from ledger_helpers import GOV, OTHER, WIRE, fig, make_result

from counterclaim.ledger import Ledger
from counterclaim.records import Result
from counterclaim.store import events, schema
from counterclaim.store.summaries import overview_page, stored_checks

TOWNS = ("Dravinka", "Morvelle", "Quastor", "Bellurin", "Tessaly", "Orvanto")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def report(i: int, town: str, year: int, month: int, killed: int | None, *, source: str = "Officials") -> Result:
    """A short report of shelling in ``town`` on the 2nd of ``month`` (no figure when ``killed`` is None)."""
    day = f"2 {MONTHS[month - 1]} {year}"
    published = f"{year}-{month:02d}-{4 + i % 3:02d}"
    head = f"Title: Report {i} on {town}\nPublished: {published}\n\nShells hit the town of {town} on {day}. "
    if killed is None:
        return make_result(head + f"Residents of {town} described the night (report {i}).", published=published)
    text = head + f"{source} said {killed} people were killed in {town} (report {i})."
    return make_result(text, [fig("f1", f"{killed} people", "killed", killed, source=source)], published=published)


def corpus() -> list[Result]:
    """Thirty reports: six towns, each shelled in two different years, several reports each."""
    out = []
    for i in range(30):
        town = TOWNS[i % len(TOWNS)]
        year = 2014 + (i // 6) % 2
        out.append(report(i, town, year, 3 + i % 2 * 6 if year == 2015 else 3, 10 + i))
    return out


def grouping(ledger: Ledger) -> dict[frozenset[str], str]:
    """The partition of documents into events (document sets → event name)."""
    out = {}
    for e in ledger.events(with_claims=False):
        out[frozenset(e["documents"])] = e["name"]
    return out


def assert_aggregates_match(ledger: Ledger) -> None:
    """What the overview reads equals what a full computation over every figure gives."""
    full = {e["id"]: e for e in ledger.events()}
    page = overview_page(ledger.db, size=10_000)
    assert page["total"] == len(full)
    for row in page["events"]:
        e = full[row["id"]]
        assert row["name"] == e["name"] and row["n_documents"] == len(e["documents"])
        assert (row["date_start"], row["date_end"]) == (e["date_start"], e["date_end"])
        whole = [r for r in e["outcomes"] if r["group"] == "all"]
        got = ([row["killed"]] if row["killed"] else []) + row["others"]
        assert sorted((r["outcome"], r["low"], r["high"], r["summary"], r["sources"]) for r in got) == \
            sorted((r["outcome"], r["low"], r["high"], r["summary"], r["sources"]) for r in whole)
        assert all("best" not in r for r in got)
        killed = next((r for r in whole if r["outcome"] == "killed"), None)
        assert row["spread"] == (killed["disagreement"] if killed else None)
        assert stored_checks(ledger.db, row["id"]) == ledger.checks(event_id=row["id"])
    assert not ledger.db.scalar("SELECT COUNT(*) FROM events WHERE stale = 1")


def test_small_chunks_group_as_one_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = corpus()
    with Ledger(tmp_path / "one.db") as whole:
        for r in docs:
            whole.store(r)
        whole.regroup()
        expected = grouping(whole)
    monkeypatch.setattr(events, "CHUNK", 4)
    with Ledger(tmp_path / "chunks.db") as chunked:
        for r in docs:
            chunked.store(r)
        chunked.regroup()
        assert grouping(chunked) == expected
        assert_aggregates_match(chunked)
    assert len(expected) == 12 and all(len(d) >= 2 for d in expected)  # 6 towns x 2 years


def test_documents_added_one_at_a_time_join_the_events(tmp_path: Path) -> None:
    docs = corpus()
    with Ledger(tmp_path / "one.db") as whole:
        for r in docs:
            whole.store(r)
        whole.regroup()
        expected = grouping(whole)
    with Ledger(tmp_path / "each.db") as each:
        for r in reversed(docs):
            each.add(r)
        assert grouping(each) == expected
        assert_aggregates_match(each)


def test_regrouping_one_document_reads_only_its_places(tmp_path: Path) -> None:
    """Adding a document costs the same number of statements in a small and in a large ledger."""
    def statements_for_one_more(n_docs: int) -> int:
        with Ledger(tmp_path / f"l{n_docs}.db") as ledger:
            for i in range(n_docs):
                ledger.store(report(i, f"Town{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}ville", 2010 + i % 9,
                                    1 + i % 12, 5 + i))
            ledger.regroup()
            seen: list[str] = []
            ledger.db._conn.set_trace_callback(seen.append)
            ledger.add(report(9999, "Dravinka", 2015, 3, 40))
            ledger.db._conn.set_trace_callback(None)
            assert not any("FROM incidents i JOIN documents d" in s and "WHERE" not in s for s in seen)
            return len(seen)

    assert statements_for_one_more(20) == statements_for_one_more(300)


def test_a_report_without_figures_waits_for_a_toll_at_its_place(ledger: Ledger) -> None:
    quiet = report(1, "Morvelle", 2016, 5, None)
    ledger.add(quiet)
    assert ledger.counts()["events"] == 0
    assert ledger.db.scalar("SELECT how FROM incidents WHERE doc_id = ?", (quiet.document.id,)) == "none"
    ledger.add(report(2, "Quastor", 2016, 5, 12))  # elsewhere: it keeps waiting
    assert ledger.db.scalar("SELECT event_id FROM incidents WHERE doc_id = ?", (quiet.document.id,)) is None
    toll = report(3, "Morvelle", 2016, 5, 7)
    ledger.add(toll)
    [event] = [e for e in ledger.events(with_claims=False) if toll.document.id in e["documents"]]
    assert quiet.document.id in event["documents"]
    assert_aggregates_match(ledger)


def test_aggregates_follow_users_decisions(ledger: Ledger) -> None:
    for r in (GOV, WIRE, OTHER, report(4, "Dravinka", 2015, 3, 40), report(5, "Dravinka", 2015, 3, 60)):
        ledger.store(r)
    ledger.regroup()
    assert_aggregates_match(ledger)
    ids = sorted(e["id"] for e in ledger.events(with_claims=False))
    khojaly = next(i for i in ids if i.startswith(("khojaly", "hojali")))
    dravinka = next(i for i in ids if i.startswith("dravinka"))
    merged = ledger.merge_events([khojaly, dravinka], name="Two events, one row")
    assert_aggregates_match(ledger)
    page = overview_page(ledger.db, q="one row")
    assert [e["id"] for e in page["events"]] == [merged]
    assert page["events"][0]["n_documents"] == 4
    ledger.split_event(merged, [WIRE.document.id], name="The wire report")
    assert_aggregates_match(ledger)
    hrw = next(s for s in ledger.sources() if "Human Rights Watch" in s["spellings"])
    assert "HRW" in hrw["spellings"]  # the abbreviation was normalised to the same source
    ledger.split_source(hrw["id"], ["HRW"], name="Watchers")
    assert_aggregates_match(ledger)
    assert any("Watchers" in (r["killed"] or {}).get("summary", "") for r in overview_page(ledger.db)["events"])
    officials = [s["id"] for s in ledger.sources() if s["name"].lower().endswith("officials")]
    ledger.merge_sources([*officials, "watchers"], name="Everyone")
    assert_aggregates_match(ledger)
    assert any("Everyone" in (r["killed"] or {}).get("summary", "") for r in overview_page(ledger.db)["events"])


def test_reextraction_refreshes_and_removes_emptied_events(ledger: Ledger) -> None:
    first = report(1, "Tessaly", 2013, 6, 9)
    ledger.add(first)
    [event] = ledger.events(with_claims=False)
    emptied = Result(document=first.document, figures=(), versions=first.versions)
    from counterclaim.store.write import replace_extraction

    replace_extraction(ledger.db, emptied, [])
    assert ledger.db.scalar("SELECT stale FROM events WHERE id = ?", (event["id"],)) == 1
    assert ledger.regroup()["removed"] == 1
    assert ledger.events() == [] and overview_page(ledger.db)["events"] == []


def test_overview_page_sorts_pages_and_escapes_the_filter(ledger: Ledger) -> None:
    for r in corpus()[:12]:
        ledger.store(r)
    ledger.store(report(99, "Orvanto", 2001, 1, 5, source="The 100% Committee"))
    ledger.regroup()
    every = overview_page(ledger.db, size=5, page=1)
    assert every["total"] == 13 and every["pages"] == 3 and len(every["events"]) == 5
    counts = [e["n_documents"] for e in every["events"]]
    assert counts == sorted(counts, reverse=True)
    last = overview_page(ledger.db, size=5, page=99)
    assert last["page"] == 3 and len(last["events"]) == 3
    years = [e["year"] for e in overview_page(ledger.db, sort="year", size=50)["events"]]
    assert years == sorted(years, reverse=True)
    assert overview_page(ledger.db, q="%")["total"] == 0  # a literal percent sign, not a wildcard
    assert overview_page(ledger.db, q="DRAVINKA")["total"] == 2


def _downgrade(path: Path) -> None:
    """Turn a ledger into one written before migration 0003 (its tables and columns, and 0004's, removed)."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX source_spellings_folded")
        for table, columns in (("figures", ("stance", "kind", "kind_reason")),
                               ("incidents", ("scope", "place_country")),
                               ("events", ("scope", "country", "adm_1", "adm_1_code", "latitude", "longitude",
                                           "where_prec", "geonameid"))):
            for column in columns:
                conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.execute("DELETE FROM ledger_migrations WHERE name = '0004_kinds_stance_places'")
        for table in ("place_keys", "incident_places", "event_places", "event_outcomes"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX incidents_unassigned")
        conn.execute("DROP INDEX events_stale")
        for column in ("stale", "main_key", "win_lo", "win_hi", "n_documents", "date_start", "date_end",
                       "also_called", "spread", "search_text", "checks"):
            conn.execute(f"ALTER TABLE events DROP COLUMN {column}")
        conn.execute("DELETE FROM ledger_migrations WHERE name = '0003_event_summaries'")


def _snapshot(ledger: Ledger) -> dict[str, Any]:
    db = ledger.db
    return {"places": db.query("SELECT * FROM event_places ORDER BY event_id, canon"),
            "outcomes": db.query("SELECT * FROM event_outcomes ORDER BY event_id, seq"),
            "events": db.query("SELECT id, name, main_key, win_lo, win_hi, n_documents, date_start, date_end, "
                               "also_called, spread, search_text, checks FROM events ORDER BY id"),
            "incident_places": db.query("SELECT * FROM incident_places ORDER BY doc_id, n, key")}


def test_a_ledger_from_before_the_aggregates_is_upgraded_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Ledger(path) as ledger:
        for r in (GOV, WIRE, OTHER, *corpus()[:8]):
            ledger.store(r)
        ledger.regroup()
        before = _snapshot(ledger)
    _downgrade(path)
    with Ledger(path, read_only=True) as reader:  # even a reader brings it up to date first
        assert schema.applied(reader.db)[-1] == schema.MIGRATIONS[-1].name
        assert _snapshot(reader) == before
        assert_aggregates_match(reader)
    with Ledger(path) as writer:  # and grouping goes on from there
        writer.add(report(50, "Dravinka", 2014, 3, 77))
        assert_aggregates_match(writer)
