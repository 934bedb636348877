"""The merge and split forms on the event and source pages, and HEAD requests."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from web_helpers import GOV_TEXT, HRW_TEXT, LOCAL, XSS_TEXT, FormPoster, documents

from counterclaim.web import create_app
from counterclaim.web.app import CSP

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def client(client: Any) -> Any:
    """The app's test client, posting forms with their form token (as from the pages)."""
    return FormPoster(client)


def _doc(text: str) -> str:
    return next(r.document.id for r in documents() if r.document.text == text)


def _events(client: Any) -> list[str]:
    return [e["id"] for e in client.get("/api/overview").json()["events"]]


def _refused(response: Any, status: int, code: str) -> None:
    """An error page: the status, the coded one-line message, HTML (not a 500, not JSON)."""
    assert response.status_code == status, response.text
    assert "text/html" in response.headers["content-type"]
    assert re.search(rf'<p class="message">{code} ', response.text), response.text


# -- the forms are on the pages ------------------------------------------------------------

def test_event_page_has_the_grouping_forms_collapsed(client: Any) -> None:
    page = client.get("/events/zarvenko-1992").text
    assert '<details class="correct" id="correct">' in page and "<summary>Correct the grouping</summary>" in page
    assert 'action="/events/zarvenko-1992/merge" method="post"' in page
    assert 'action="/events/zarvenko-1992/split" method="post"' in page
    for text in (GOV_TEXT, HRW_TEXT, XSS_TEXT):
        assert f'name="documents" value="{_doc(text)}"' in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Report" in page  # the title as a label, escaped
    assert "<script>" not in page and 'name="token"' not in page  # loopback: no token field


def test_source_page_offers_a_split_only_with_two_spellings(client: Any) -> None:
    page = client.get("/sources/human-rights-watch").text
    assert "<summary>Correct this source</summary>" in page
    assert 'action="/sources/human-rights-watch/merge"' in page
    assert 'action="/sources/human-rights-watch/split"' not in page  # one spelling: nothing to split off
    client.post("/sources/human-rights-watch/merge", data={"ids": "b-officials-b"})
    page = client.get("/sources/human-rights-watch").text
    assert 'action="/sources/human-rights-watch/split"' in page
    assert 'name="spellings" value="&lt;b&gt;Officials&lt;/b&gt;"' in page and "<b>Officials</b>" not in page


# -- events --------------------------------------------------------------------------------

def test_split_an_event_by_the_form(client: Any) -> None:
    gov = _doc(GOV_TEXT)
    response = client.post("/events/zarvenko-1992/split", data={"documents": [gov], "name": "  Zarvenko,   gov  "},
                           follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location == "/events/zarvenko-gov?changed=split"
    new = client.get("/api/events/zarvenko-gov").json()
    assert new["documents"] == [gov] and new["name"] == "Zarvenko, gov"
    assert gov not in client.get("/api/events/zarvenko-1992").json()["documents"]
    assert sorted(_events(client)) == ["zarvenko-1992", "zarvenko-gov"]
    page = client.get(location)
    assert page.status_code == 200 and "This event was split off" in page.text


def test_split_several_documents_with_a_chosen_id(client: Any) -> None:
    docs = [_doc(GOV_TEXT), _doc(XSS_TEXT)]
    response = client.post("/events/zarvenko-1992/split", data={"documents": docs, "new_id": "zarvenko-two"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/events/zarvenko-two?")
    assert sorted(client.get("/api/events/zarvenko-two").json()["documents"]) == sorted(docs)
    assert client.get("/api/events/zarvenko-1992").json()["documents"] == [_doc(HRW_TEXT)]


def test_merge_events_by_the_form(client: Any) -> None:
    client.post("/events/zarvenko-1992/split", data={"documents": [_doc(GOV_TEXT)], "new_id": "zarvenko-gov"})
    assert len(_events(client)) == 2
    response = client.post("/events/zarvenko-gov/merge", data={"ids": " zarvenko-1992, ", "name": "Zarvenko, all"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/events/zarvenko-gov?changed=merged"
    assert _events(client) == ["zarvenko-gov"]  # one fewer; the event the form was on survives
    merged = client.get("/api/events/zarvenko-gov").json()
    assert merged["name"] == "Zarvenko, all" and len(merged["documents"]) == 3
    page = client.get(response.headers["location"])
    assert "The events were merged" in page.text and "zarvenko-1992" in page.text  # merged from
    assert client.get("/events/zarvenko-1992", follow_redirects=False).headers["location"] == "/events/zarvenko-gov"


@pytest.mark.parametrize(("path", "data", "status", "code"), [
    ("/events/nope/merge", {"ids": "zarvenko-1992"}, 404, "E110"),
    ("/events/zarvenko-1992/merge", {"ids": "zarvenko-1992 nope"}, 404, "E110"),
    ("/events/zarvenko-1992/merge", {"ids": " , "}, 400, "E208"),
    ("/events/zarvenko-1992/merge", {"ids": "zarvenko-1992"}, 400, "E208"),
    ("/events/nope/split", {"documents": ["abcdef0123"]}, 404, "E110"),
    ("/events/zarvenko-1992/split", {"name": "nothing ticked"}, 400, "E209"),
    ("/events/zarvenko-1992/split", {"documents": ["0000000000"]}, 404, "E112"),
    ("/sources/nope/merge", {"ids": "human-rights-watch"}, 404, "E111"),
    ("/sources/human-rights-watch/merge", {"ids": ""}, 400, "E208"),
    ("/sources/nope/split", {"spellings": ["Human Rights Watch"]}, 404, "E111"),
    ("/sources/human-rights-watch/split", {"spellings": ["Nobody"]}, 400, "E116"),
    ("/sources/human-rights-watch/split", {}, 400, "E209"),
])
def test_form_errors_are_the_error_page(client: Any, path: str, data: dict[str, Any], status: int,
                                        code: str) -> None:
    _refused(client.post(path, data=data, follow_redirects=False), status, code)
    assert _events(client) == ["zarvenko-1992"]  # nothing changed
    assert len(client.get("/api/sources").json()) == 3


def test_split_refuses_a_document_of_another_event_and_a_bad_id(client: Any) -> None:
    gov, hrw = _doc(GOV_TEXT), _doc(HRW_TEXT)
    client.post("/events/zarvenko-1992/split", data={"documents": [gov], "new_id": "zarvenko-gov"})
    _refused(client.post("/events/zarvenko-gov/split", data={"documents": [hrw]}), 400, "E113")
    _refused(client.post("/events/zarvenko-1992/split", data={"documents": [hrw], "new_id": "Bad Id"}), 400, "E117")
    _refused(client.post("/events/zarvenko-1992/split", data={"documents": [hrw], "new_id": "zarvenko-gov"}),
             400, "E115")


# -- sources -------------------------------------------------------------------------------

def test_merge_then_split_sources_by_the_forms(client: Any) -> None:
    response = client.post("/sources/human-rights-watch/merge",
                           data={"ids": "ministry-of-health b-officials-b", "name": "Everyone <all>"},
                           follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sources/human-rights-watch?changed=merged"
    assert [s["id"] for s in client.get("/api/sources").json()] == ["human-rights-watch"]
    merged = client.get("/api/sources/human-rights-watch").json()
    assert merged["name"] == "Everyone <all>" and len(merged["spellings"]) == 3
    page = client.get(response.headers["location"]).text
    assert "The sources were merged" in page and "<h1>Everyone &lt;all&gt;</h1>" in page

    response = client.post("/sources/human-rights-watch/split",
                           data={"spellings": ["<b>Officials</b>", "the Ministry of Health"], "new_id": "others"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/sources/others?changed=split"
    others = client.get("/api/sources/others").json()
    assert others["spellings"] == ["<b>Officials</b>", "the Ministry of Health"] and others["claims"] == 2
    assert client.get("/api/sources/human-rights-watch").json()["spellings"] == ["Human Rights Watch"]
    page = client.get(response.headers["location"]).text
    assert "This source was split off" in page and "<h1>&lt;b&gt;Officials&lt;/b&gt;</h1>" in page
    assert len(client.get("/api/sources").json()) == 2


# -- who may post --------------------------------------------------------------------------

def test_forms_need_the_token_when_one_is_set(ledger_path: Path) -> None:
    gov = _doc(GOV_TEXT)
    with TestClient(create_app(str(ledger_path), host="0.0.0.0", token="s3cret", use_ner=False,
                               warm=False), base_url=LOCAL) as plain:
        client = FormPoster(plain)
        page = client.get("/events/zarvenko-1992").text
        assert page.count('<input type="password" name="token"') == 2  # merge and split
        assert client.get("/sources/human-rights-watch").text.count('name="token"') == 1
        _refused(client.post("/events/zarvenko-1992/split", data={"documents": [gov]}), 401, "E201")
        _refused(client.post("/events/zarvenko-1992/split", data={"documents": [gov], "token": "nope"}), 403, "E202")
        _refused(client.post("/sources/human-rights-watch/merge", data={"ids": "ministry-of-health"}), 401, "E201")
        _refused(client.post("/sources/human-rights-watch/split", data={"spellings": ["Human Rights Watch"]}),
                 401, "E201")
        _refused(client.post("/events/zarvenko-1992/merge", data={"ids": "x", "token": "nope"}), 403, "E202")
        assert _events(client) == ["zarvenko-1992"] and len(client.get("/api/sources").json()) == 3
        ok = client.post("/events/zarvenko-1992/split", data={"documents": [gov], "token": "s3cret"},
                         follow_redirects=False)
        assert ok.status_code == 303 and len(_events(client)) == 2
        ok = client.post("/sources/human-rights-watch/merge", data={"ids": "ministry-of-health", "token": "s3cret"},
                         follow_redirects=False)
        assert ok.status_code == 303 and len(client.get("/api/sources").json()) == 2


def test_forms_refuse_other_sites(client: Any) -> None:
    response = client.post("/events/zarvenko-1992/split", data={"documents": [_doc(GOV_TEXT)]},
                           headers={"Origin": "http://evil.example"})
    _refused(response, 403, "E203")
    response = client.post("/sources/human-rights-watch/merge", data={"ids": "ministry-of-health"},
                           headers={"Sec-Fetch-Site": "cross-site"})
    _refused(response, 403, "E203")
    assert _events(client) == ["zarvenko-1992"] and len(client.get("/api/sources").json()) == 3


# -- HEAD ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/events/zarvenko-1992", "/api/overview", "/api/events/zarvenko-1992",
                                  "/sources/human-rights-watch", "/documents", "/search?q=Zarvenko",
                                  "/openapi.json", "/static/style.css"])
def test_head_is_get_without_the_body(client: Any, path: str) -> None:
    head = client.head(path)
    get = client.get(path)
    assert head.status_code == 200 == get.status_code
    assert head.content == b""
    assert head.headers["content-security-policy"] == CSP
    assert head.headers["x-frame-options"] == "DENY" and head.headers["x-content-type-options"] == "nosniff"
    assert head.headers["content-type"] == get.headers["content-type"]
    assert int(head.headers["content-length"]) == len(get.content)


def test_head_of_a_missing_or_moved_page(client: Any) -> None:
    missing = client.head("/events/nope")
    assert missing.status_code == 404 and missing.content == b""
    assert missing.headers["content-security-policy"] == CSP and "text/html" in missing.headers["content-type"]
    assert client.head("/api/events/nope").status_code == 404
    assert client.head("/no/such/page").status_code == 404
    client.post("/events/zarvenko-1992/split", data={"documents": [_doc(GOV_TEXT)], "new_id": "zarvenko-gov"})
    client.post("/events/zarvenko-1992/merge", data={"ids": "zarvenko-gov"})
    moved = client.head("/events/zarvenko-gov", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/events/zarvenko-1992"


@pytest.mark.parametrize("path", ["/events/zarvenko-1992/split", "/events/zarvenko-1992/merge",
                                  "/sources/human-rights-watch/split", "/api/events/merge"])
def test_head_answers_as_get_and_does_not_write(client: Any, path: str) -> None:
    head, get = client.head(path), client.get(path)
    assert head.status_code == get.status_code and head.status_code in (404, 405)  # /api/events/merge is an id
    assert head.content == b"" and head.headers.get("allow") == get.headers.get("allow")
    assert _events(client) == ["zarvenko-1992"] and len(client.get("/api/sources").json()) == 3
