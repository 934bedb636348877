"""Paged lists and the aggregate-backed overview: a page reads only its rows and agrees with the whole list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from web_helpers import figure, result

from counterclaim.ledger import Ledger
from counterclaim.web import views
from counterclaim.web.views import LedgerView


@pytest.mark.parametrize("kind", ["documents", "sources"])
def test_pages_of_a_list_cover_the_whole_list_in_order(client: Any, monkeypatch: pytest.MonkeyPatch,
                                                       kind: str) -> None:
    everything = client.get(f"/api/{kind}").json()
    assert len(everything) >= 3
    monkeypatch.setattr(views, f"{kind.upper()}_PAGE", 2)
    pages = []
    for page in range(1, 10):
        response = client.get(f"/api/{kind}?page={page}")
        assert response.headers["X-Total-Count"] == str(len(everything))
        pages.append(response.json())
    assert [row["id"] for page in pages for row in page][:len(everything)] == [row["id"] for row in everything]
    assert pages[-1] == pages[-2]  # past the end: the last page again
    html = client.get(f"/{kind}?page=2").text
    assert f"page 2 of {-(-len(everything) // 2)}" in html
    assert f'href="/{kind}?page=1"' in html


def test_a_cold_page_equals_the_cached_list(ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "SOURCES_PAGE", 2)
    monkeypatch.setattr(views, "DOCUMENTS_PAGE", 2)
    cold = LedgerView(str(ledger_path), warm=False)
    try:
        first = {k: [getattr(cold, k)(p) for p in (1, 2)] for k in ("documents", "sources")}
        assert "documents" not in cold._cache and "sources" not in cold._cache  # read alone, not the whole list
        for kind in ("documents", "sources"):
            whole = getattr(cold, kind)()[kind]  # builds the cache
            warm = [getattr(cold, kind)(p) for p in (1, 2)]
            assert [p[kind] for p in first[kind]] == [p[kind] for p in warm] == [whole[:2], whole[2:4]]
    finally:
        cold.close()


def test_the_overview_sees_a_new_document_at_once(client: Any, ledger_path: Path) -> None:
    before = client.get("/api/overview").json()
    text = ("Title: Landslide in Perovaan\nPublished: 2020-10-03\n\n"
            "A landslide buried part of the village of Perovaan on 1 October 2020, and rescuers said 23 people died.")
    with Ledger(ledger_path) as writer:
        writer.add(result(text, [figure(text, "f1", "23 people", "killed", 23, source="rescuers")]))
    after = client.get("/api/overview?q=perovaan").json()
    assert after["counts"]["documents"] == before["counts"]["documents"] + 1
    [event] = after["events"]
    assert event["n_documents"] == 1 and event["killed"]["low"] == event["killed"]["high"] == 23
    assert "rescuers" in event["killed"]["summary"]


def test_filters_by_country_on_the_overview_and_the_event_page(client: Any, ledger_path: Path) -> None:
    text = ("Title: Shelling in Kharkiv\nPublished: 2022-03-02\n\nShelling killed 21 people in the city of Kharkiv "
            "in Ukraine on 1 March 2022, the Ukrainian emergency service said. The Russian defence ministry said "
            "at least 3 people were killed.")
    with Ledger(ledger_path) as writer:
        writer.add(result(text, [
            figure(text, "f1", "21 people", "killed", 21, source="the Ukrainian emergency service"),
            figure(text, "f2", "at least 3 people", "killed", 3, source="The Russian defence ministry",
                   qualifier="at_least")], title="Shelling in Kharkiv", published="2022-03-02"))
    for value in ("UA", "ukraine", "Ukraine"):
        assert [e["id"] for e in client.get("/api/overview", params={"country": value}).json()["events"]] == [
            "kharkiv-2022"], value
    assert client.get("/api/overview", params={"country": "AZ"}).json()["events"] == []
    page = client.get("/", params={"country": "Azerbaijan"}).text
    assert "No events match these filters" in page and 'name="country" value="Azerbaijan"' in page
    event = client.get("/api/events/kharkiv-2022").json()
    assert dict(event["choices"]["country"]) == {"RU": "Russia"}  # the sources' countries, as the ledger knows them
    kept = client.get("/api/events/kharkiv-2022", params={"country": "RU"}).json()
    claims = [c for r in kept["outcomes"] for c in r["claims"]]
    assert [c["source_id"] for c in claims] == ["russian-ministry-of-defence"]
    page = client.get("/events/kharkiv-2022", params={"country": "RU"}).text
    assert '<option value="RU" selected>Russia</option>' in page
    bad = client.get("/api/overview", params={"outcome": "exploded"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E221"


def test_overview_filter_by_source_type(client: Any, ledger_path: Path) -> None:
    text = ("Title: Floods in Quorvan\nPublished: 2019-05-04\n\nFloods killed 37 people in the town of Quorvan on "
            "2 May 2019, the regional governor said.")
    with Ledger(ledger_path) as writer:
        writer.add(result(text, [figure(text, "f1", "37 people", "killed", 37, source="the regional governor")],
                          title="Floods in Quorvan", published="2019-05-04"))
    ids = [e["id"] for e in client.get("/api/overview").json()["events"]]
    assert len(ids) == 2
    ngo = client.get("/api/overview", params={"source_type": "ngo"}).json()
    assert [e["id"] for e in ngo["events"]] == ["zarvenko-1992"] and ngo["total_events"] == 1
    government = [e["id"] for e in client.get("/api/overview", params={"source_type": "government"}).json()["events"]]
    assert sorted(government) == sorted(ids)
    assert client.get("/api/overview", params={"source_type": "medical"}).json()["events"] == []
    page = client.get("/", params={"source_type": "ngo"}).text
    assert '<option value="ngo" selected>ngo</option>' in page
    assert '/api/overview?sort=documents&amp;page=1&amp;q=&amp;source_type=ngo"' in page  # the JSON twin filters too
    bad = client.get("/api/overview", params={"source_type": "aliens"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E221"


def test_the_event_page_reads_its_sources_countries_alone_and_sees_a_merge_at_once(client: Any,
                                                                                   ledger_path: Path) -> None:
    text = ("Title: Blast in Odesvik\nPublished: 2021-06-09\n\nA blast killed 14 people in the port of Odesvik on "
            "8 June 2021, the harbour police said. The Russian defence ministry said 2 people were killed.")
    with Ledger(ledger_path) as writer:
        writer.add(result(text, [
            figure(text, "f1", "14 people", "killed", 14, source="the harbour police"),
            figure(text, "f2", "2 people", "killed", 2, source="The Russian defence ministry")],
            title="Blast in Odesvik", published="2021-06-09"))
    view = client.app.state.view
    event = client.get("/api/events/odesvik-2021").json()
    assert dict(event["choices"]["country"]) == {"RU": "Russia"}
    assert "sources" not in view._cache  # a fresh server's event page does not wait for the whole source list
    sources = {c["value"]: c["source_id"] for r in event["outcomes"] for c in r["claims"]}
    with Ledger(ledger_path) as writer:  # the ministry's claims now belong to a source without a country
        writer.merge_sources([sources[14], sources[2]])
    after = client.get("/events/odesvik-2021", params={"country": "RU"}).text
    assert '<option value="RU"' not in after
    assert client.get("/api/events/odesvik-2021").json()["choices"]["country"] == []


def test_the_source_type_filter_of_a_cold_server_reads_alone_and_agrees_with_the_cached_list(
        ledger_path: Path) -> None:
    from counterclaim.records import SOURCE_TYPES

    text = ("Title: Raid on Velmora\nPublished: 2018-09-14\n\nA raid on the village of Velmora on 12 September "
            "2018 killed 9 people, the border guard said.")
    with Ledger(ledger_path) as writer:
        writer.add(result(text, [figure(text, "f1", "9 people", "killed", 9, source="the border guard",
                                        source_type="military")], title="Raid on Velmora", published="2018-09-14"))
    cold = LedgerView(str(ledger_path), warm=False)
    try:
        alone = {kind: cold.events_with_source_type(kind) for kind in SOURCE_TYPES}
        assert "sources" not in cold._cache  # the whole source list was not built for the filter
        assert alone["military"] == {"velmora-2018"} and alone["ngo"] == {"zarvenko-1992"}
        cold.sources()  # builds the cached list
        assert "sources" in cold._cache
        assert {kind: cold.events_with_source_type(kind) for kind in SOURCE_TYPES} == alone
    finally:
        cold.close()
