"""Pages and their JSON twins, on a real SQLite ledger file, through the framework's test client."""

from __future__ import annotations

from typing import Any

from web_helpers import GOV_TEXT, XSS_TEXT, documents

EVENT = "zarvenko-1992"


def _doc_id(text: str) -> str:
    return next(r.document.id for r in documents() if r.document.text == text)


def test_overview_lists_events_counts_and_spread(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    html = page.text
    assert f'href="/events/{EVENT}"' in html
    assert "40–613" in html  # the killed range
    assert "spread-high" in html  # 613/40 = ×15.3: a visible sign of disagreement
    assert 'action="/search"' in html
    data = client.get("/api/overview").json()
    assert data["counts"]["documents"] == 3
    [event] = data["events"]
    assert event["id"] == EVENT and event["killed"]["low"] == 40 and event["killed"]["high"] == 613
    assert event["spread"] == 15.32


def test_overview_filter_sort_and_pages(client: Any) -> None:
    assert client.get("/api/overview?q=zarv").json()["total_events"] == 1
    assert client.get("/api/overview?q=nothing-like-it").json()["events"] == []
    assert "No events match" in client.get("/?q=nothing-like-it").text
    assert client.get("/api/events?sort=spread&page=9").json()["page"] == 1
    assert client.get("/api/overview?page=0").status_code == 422


def test_event_page_sources_side_by_side_with_chart_and_sentences(client: Any) -> None:
    html = client.get(f"/events/{EVENT}").text
    for source in ("Ministry of Health", "Human Rights Watch"):
        assert source in html
    assert "<svg" in html and 'class="count"' in html  # labels written out, no hover needed
    gov = _doc_id(GOV_TEXT)
    assert f'href="/documents/{gov}#fig-f1"' in html
    assert "613 civilians were killed in the town of Zarvenko" in html  # the exact sentence
    data = client.get(f"/api/events/{EVENT}").json()
    [row] = data["outcomes"]
    assert [c["count"] for c in row["claims"]] == ["40", "200+", "613"]
    hrw = next(c for c in row["claims"] if c["source"] == "Human Rights Watch")
    assert hrw["n_documents"] == 2 and len(hrw["evidence"]) == 2
    assert row["chart"]["scale"] == "linear" and len(row["chart"]["rows"]) == 3
    assert isinstance(data["checks"], list)


def test_event_checks_match_the_ledger(client: Any, ledger_path: Any) -> None:
    from counterclaim.ledger import Ledger

    with Ledger(ledger_path, read_only=True) as ledger:
        expected = ledger.event(EVENT)["checks"]
    assert client.get(f"/api/events/{EVENT}").json()["checks"] == expected


def test_unknown_ids_are_404_in_both_shapes(client: Any) -> None:
    page = client.get("/events/no-such-event")
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert "E110" in page.text
    api = client.get("/api/events/no-such-event")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "E110"
    assert client.get("/api/documents/" + "0" * 64).json()["error"]["code"] == "E112"
    assert client.get("/api/sources/nobody").json()["error"]["code"] == "E111"
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/api/no-such").json()["error"]["status"] == 404


def test_document_reader_highlights_and_claims(client: Any) -> None:
    doc = _doc_id(GOV_TEXT)
    html = client.get(f"/documents/{doc}").text
    assert 'class="hl k-figure"' in html and 'class="hl k-source"' in html
    assert "Ministry of Health" in html and "civilians" in html
    data = client.get(f"/api/documents/{doc}").json()
    assert data["id"] == doc and data["text"] == GOV_TEXT
    kinds = [c["kind"] for c in data["claims"]]
    assert kinds.count("figure") == 2 and kinds.count("source") == 2
    fig = next(c for c in data["claims"] if c["kind"] == "figure" and c["id"] == "f1")
    assert fig["outcome"] == "killed" and fig["groups"] == ["civilians"] and fig["source_id"] == "ministry-of-health"
    assert data["events"] == [EVENT]
    assert "segments" not in data


def test_document_reader_quotes_and_acts(client: Any) -> None:
    hrw = next(r for r in documents() if r.quotes)
    html = client.get(f"/documents/{hrw.document.id}").text
    assert "k-quote" in html and "k-act" in html and "Anna Petrova" in html
    claims = client.get(f"/api/documents/{hrw.document.id}").json()["claims"]
    assert {c["kind"] for c in claims} == {"figure", "source", "quote", "act"}


def test_document_prefix_redirects_to_full_id(client: Any) -> None:
    doc = _doc_id(GOV_TEXT)
    response = client.get(f"/documents/{doc[:10]}", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == f"/documents/{doc}"


def test_documents_list_and_sources(client: Any) -> None:
    docs = client.get("/api/documents").json()
    assert len(docs) == 3 and all(len(d["id"]) == 64 for d in docs)
    assert "Zarvenko: a field report" in client.get("/documents").text
    sources = {s["id"]: s for s in client.get("/api/sources").json()}
    assert sources["human-rights-watch"]["claims"] == 2
    assert "Human Rights Watch" in client.get("/sources").text


def test_source_page_lists_claims_across_events(client: Any) -> None:
    html = client.get("/sources/human-rights-watch").text
    assert "200+" in html and f'href="/events/{EVENT}"' in html
    data = client.get("/api/sources/human-rights-watch").json()
    assert data["claims"] == 2 and data["documents"] == 2
    [event] = data["events"]
    assert event["event_id"] == EVENT and event["outcomes"][0]["claims"][0]["count"] == "200+"


def test_search_documents_and_quotes(client: Any) -> None:
    data = client.get("/api/search?q=bodies fields").json()
    assert data["engine"] == "sqlite-fts5"
    assert [q["speaker"] for q in data["quotes"]] == ["Anna Petrova"]
    assert data["documents"][0]["title"] == "Zarvenko: a field report"
    html = client.get("/search?q=Zarvenko").text
    assert "<mark>Zarvenko</mark>" in html
    assert client.get("/api/search?q=").json()["documents"] == []
    assert client.get("/api/search?q=%22%29%28*").json()["documents"] == []  # punctuation only: no FTS syntax error


def test_openapi_lists_the_api(client: Any) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events/{event_id}", "/api/documents/{doc_id}", "/api/sources/{source_id}", "/api/documents",
                 "/api/search", "/api/events/merge", "/api/sources/merge"):
        assert path in schema["paths"], path


def test_every_page_has_the_security_headers(client: Any) -> None:
    for url in ("/", f"/events/{EVENT}", "/api/documents", "/no-such", "/static/style.css"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_markup_in_articles_is_escaped_everywhere(client: Any) -> None:
    doc = _doc_id(XSS_TEXT)
    pages = [client.get(f"/documents/{doc}").text, client.get(f"/events/{EVENT}").text, client.get("/documents").text,
             client.get("/search?q=alert").text, client.get("/sources").text, client.get("/").text]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<b>Officials" not in html and "<b>officials" not in html
        assert '" onmouseover="' not in html
    reader = pages[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in reader
    assert "&#34; onmouseover=&#34;alert(2)&#34;" in reader
    assert "<script src=\"/static/reader.js\" defer></script>" in reader  # the only script: a file
    assert reader.count("<script") == 1
    source_id = client.get(f"/api/documents/{doc}").json()["claims"][1]["source_id"]
    assert "&lt;b&gt;" in client.get(f"/sources/{source_id}").text


def test_source_claims_carry_their_sentences_and_documents(client: Any) -> None:
    data = client.get("/api/sources/human-rights-watch").json()
    [claim] = [c for e in data["events"] for r in e["outcomes"] for c in r["claims"]]
    assert {e["title"] for e in claim["evidence"]} == {"Zarvenko: a field report", "Remembering the Zarvenko massacre"}
    assert all("at least 200 people" in e["sentence"] for e in claim["evidence"])
    assert claim["more_evidence"] == 0 and data["claims"] == len(claim["evidence"])
