"""The pieces without HTTP: the reader's segments, the range chart, full-text search."""

from __future__ import annotations

from pathlib import Path

from web_helpers import LOCAL, documents, result

from counterclaim.ledger import Ledger
from counterclaim.store import search as search_mod
from counterclaim.web.chart import range_chart
from counterclaim.web.reader import document_claims, segments


def test_segments_link_the_innermost_span() -> None:
    items = [{"anchor": "c1", "kind": "quote", "span": [0, 20]}, {"anchor": "c2", "kind": "figure", "span": [7, 15]}]
    pieces = segments("We saw 200 dead here, he said.", items)
    assert [(p["text"], p["target"], p["kinds"]) for p in pieces] == [
        ("We saw ", "c1", ["quote"]), ("200 dead", "c2", ["figure", "quote"]), (" here", "c1", ["quote"]),
        (", he said.", None, [])]
    assert "".join(p["text"] for p in pieces) == "We saw 200 dead here, he said."


def test_segments_ignore_spans_outside_the_text() -> None:
    pieces = segments("short", [{"anchor": "c1", "kind": "figure", "span": [3, 99]}])
    assert pieces == [{"text": "short", "kinds": [], "target": None}]


def test_document_claims_number_anchors_and_link_part_of() -> None:
    hrw = next(r for r in documents() if r.quotes)
    items = document_claims(hrw, {})
    assert [i["anchor"] for i in items] == [f"c{n}" for n in range(1, len(items) + 1)]
    assert [i["kind"] for i in items] == ["source", "figure", "quote", "source", "act"]
    assert items[3]["role"] == "speaker"


def test_chart_scales() -> None:
    linear = range_chart([{"source": "A", "count": "40", "low": 40, "high": 40, "qualifier": "exact"},
                          {"source": "B", "count": "200+", "low": 200, "high": 200, "qualifier": "at_least"}])
    assert linear is not None and linear["scale"] == "linear"
    assert linear["rows"][1]["open_right"] and linear["rows"][0]["x1"] < linear["rows"][1]["x1"]
    log = range_chart([{"source": "A", "count": "1", "low": 1, "high": 1},
                       {"source": "B", "count": "10,000", "low": 7000, "high": 10000, "qualifier": "range"}])
    assert log is not None and log["scale"] == "log" and not log["rows"][1]["point"]
    assert [t["label"] for t in log["ticks"]] == ["1", "10", "100", "1,000", "10k"]
    assert range_chart([{"source": "A", "count": "some", "low": None, "high": None}]) is None


def test_search_index_is_kept_in_step_by_triggers(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        for r in documents():
            ledger.store(r)
        assert search_mod.search(ledger.db, "Zarvenko")["engine"] == "like"
        like = search_mod.search(ledger.db, "zarvenko bodies")
        assert search_mod.ensure_index(ledger.db) is True and search_mod.ensure_index(ledger.db) is False
        fts = search_mod.search(ledger.db, "zarvenko bodies")
        assert {d["id"] for d in fts["documents"]} == {d["id"] for d in like["documents"]}
        late = result("Title: Late\n\nA quiet report from Quorvan, where nothing happened.", title="Late")
        ledger.store(late)
        assert [d["id"] for d in search_mod.search(ledger.db, "Quorvan")["documents"]] == [late.document.id]
        assert search_mod.search(ledger.db, "quorv")["documents"]  # the last word is a prefix
        ledger.db.execute("DELETE FROM documents WHERE id = ?", (late.document.id,))
        assert search_mod.search(ledger.db, "Quorvan")["documents"] == []


def test_search_on_postgresql(pg_target: str) -> None:
    with Ledger(pg_target) as ledger:
        for r in documents():
            ledger.store(r)
        assert search_mod.search(ledger.db, "bodies")["engine"] == "like"
        assert search_mod.ensure_index(ledger.db) is True and search_mod.ensure_index(ledger.db) is False
        found = search_mod.search(ledger.db, "zarvenko bodi")
        assert found["engine"] == "postgresql-tsvector"
        assert [q["speaker"] for q in found["quotes"]] == ["Anna Petrova"]
        assert search_mod.MARK_START in found["documents"][0]["snippet"]
        assert search_mod.search(ledger.db, "') & (")["documents"] == []


def test_the_app_on_postgresql(pg_target: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from counterclaim.web import create_app

    with Ledger(pg_target) as ledger:
        for r in documents():
            ledger.store(r)
        ledger.regroup()
    with TestClient(create_app(pg_target, use_ner=False, warm=False), base_url=LOCAL) as client:
        assert client.get("/api/overview").json()["counts"]["documents"] == 3
        assert "Zarvenko" in client.get("/events/zarvenko-1992").text
        assert client.get("/api/search?q=bodies").json()["engine"] == "postgresql-tsvector"
        before = {s["id"]: s["claims"] for s in client.get("/api/sources").json()}
        assert before["human-rights-watch"] == 2 and before["ministry-of-health"] == 1
        merged = client.post("/api/sources/merge", json={"ids": ["human-rights-watch", "ministry-of-health"]})
        assert merged.json() == {"id": "human-rights-watch"}
        after = {s["id"]: s["claims"] for s in client.get("/api/sources").json()}  # the cache saw the change
        assert after["human-rights-watch"] == 3 and "ministry-of-health" not in after


def test_query_rows_are_dicts_by_column_name_in_order_and_a_repeated_name_keeps_its_first_value(
        ledger_path: Path) -> None:
    with Ledger(ledger_path, read_only=True) as ledger:
        rows = ledger.db.query("SELECT id, title, id AS doc, 1 AS n, 2 AS n FROM documents ORDER BY id")
        streamed = list(ledger.db.stream("SELECT id, title, id AS doc FROM documents ORDER BY id", size=2))
    assert len(rows) >= 3
    assert all(list(r) == ["id", "title", "doc", "n"] and r["doc"] == r["id"] and r["n"] == 1 for r in rows)
    assert streamed == [{k: r[k] for k in ("id", "title", "doc")} for r in rows]


def test_routes_are_prepared_at_start_by_a_path_no_route_takes(ledger_path: Path) -> None:
    import asyncio
    import warnings
    from concurrent.futures import ThreadPoolExecutor

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    from counterclaim.web.app import START_PATH, prepare_routes

    app = create_app(str(ledger_path), use_ner=False, warm=False)
    with ThreadPoolExecutor(1) as pool:  # a loop of its own (the browser tests may hold one in this thread)
        assert pool.submit(asyncio.run, prepare_routes(app)).result() == 404  # walked every router, taken by none
    with TestClient(app, base_url=LOCAL) as client:  # the start prepares them again: pages are unchanged
        page = client.get(START_PATH)
        assert page.status_code == 404 and "no such page here" in page.text
        assert client.get("/api/overview").json()["events"][0]["id"] == "zarvenko-1992"
        assert "sources" not in app.state.view._cache  # preparing the routes read nothing of the ledger
