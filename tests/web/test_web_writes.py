"""Write endpoints: the token, same-site checks, adding documents with limits, merges and splits."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from web_helpers import GOV_TEXT, HRW_TEXT, LOCAL, documents, form_token

from counterclaim.web import create_app
from counterclaim.web.command import serve
from counterclaim.web.errors import WebError

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ARTICLE = ("Title: Flood in Marvenko\nPublished: 2019-05-04\n\n"
           "Floods in the town of Marvenko killed 37 people on 2 May 2019, the regional governor said. "
           "Rescuers said about 120 people were missing.")


def _doc(text: str) -> str:
    return next(r.document.id for r in documents() if r.document.text == text)


def test_a_public_host_needs_a_token(ledger_path: Path) -> None:
    with pytest.raises(WebError, match="E207"):
        create_app(str(ledger_path), host="0.0.0.0")
    create_app(str(ledger_path), host="0.0.0.0", token="s3cret")
    create_app(str(ledger_path), host="::1")
    create_app(str(ledger_path), host="localhost")


def test_serve_refuses_a_public_host_without_token_and_a_missing_ledger(ledger_path: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COUNTERCLAIM_TOKEN", raising=False)
    result = CliRunner().invoke(serve, ["--db", str(ledger_path), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "error: E207" in result.output
    result = CliRunner().invoke(serve, ["--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 3 and "E101" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_writes_need_the_token_when_one_is_set(ledger_path: Path) -> None:
    body = {"ids": ["human-rights-watch", "ministry-of-health"], "name": "Both"}
    app = create_app(str(ledger_path), host="0.0.0.0", token="s3cret", use_ner=False)
    with TestClient(app, base_url=LOCAL) as client:
        missing = client.post("/api/sources/merge", json=body)
        assert missing.status_code == 401 and missing.json()["error"]["code"] == "E201"
        wrong = client.post("/api/sources/merge", json=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "E202"
        assert client.get("/api/sources/ministry-of-health").status_code == 200  # reading needs no token
        ok = client.post("/api/sources/merge", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json() == {"id": "human-rights-watch"}
        merged = client.get("/api/sources/ministry-of-health").json()
        assert merged["id"] == "human-rights-watch" and merged["name"] == "Both"  # the page sees the change
        form = client.post("/add", data={"text": ARTICLE, "csrf": form_token(client, "/add")}, follow_redirects=False)
        assert form.status_code == 401 and "E201" in form.text and "text/html" in form.headers["content-type"]


def test_cross_site_posts_are_refused(client: Any) -> None:
    response = client.post("/api/events/merge", json={"ids": ["a", "b"]}, headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E203"
    response = client.post("/add", data={"text": ARTICLE}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403


def test_split_and_merge_events(client: Any) -> None:
    gov = _doc(GOV_TEXT)
    split = client.post("/api/events/zarvenko-1992/split", json={"documents": [gov[:12]], "new_id": "zarvenko-gov"})
    assert split.status_code == 200 and split.json() == {"id": "zarvenko-gov"}
    assert client.get("/api/events/zarvenko-gov").json()["documents"] == [gov]
    assert gov not in client.get("/api/events/zarvenko-1992").json()["documents"]
    merged = client.post("/api/events/merge", json={"ids": ["zarvenko-1992", "zarvenko-gov"]})
    assert merged.json() == {"id": "zarvenko-1992"}
    assert client.get("/events/zarvenko-gov", follow_redirects=False).headers["location"] == "/events/zarvenko-1992"
    bad = client.post("/api/events/merge", json={"ids": ["zarvenko-1992", "nope"]})
    assert bad.status_code == 404 and bad.json()["error"]["code"] == "E110"
    assert client.post("/api/events/merge", json={"ids": ["x"]}).status_code == 422


def test_split_source(client: Any) -> None:
    response = client.post("/api/sources/human-rights-watch/split",
                           json={"spellings": ["Human Rights Watch"], "new_id": "hrw-2"})
    assert response.json() == {"id": "hrw-2"}
    assert client.get("/api/sources/hrw-2").json()["claims"] == 2
    wrong = client.post("/api/sources/hrw-2/split", json={"spellings": ["Nobody"]})
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "E116"


@pytest.mark.parametrize(("files", "data", "status", "code"), [
    ({"file": ("report.pdf", b"%PDF-1.4 ...", "application/pdf")}, {}, 415, "E204"),
    ({"file": ("big.txt", b"x" * 3000, "text/plain")}, {}, 413, "E205"),
    (None, {"text": "y" * 3000}, 413, "E205"),
    (None, {"text": "   "}, 400, "E206"),
    ({"file": ("binary.txt", bytes(range(256)) * 4, "text/plain")}, {}, 415, "E004"),
])
def test_add_limits_have_clear_messages(ledger_path: Path, files: Any, data: Any, status: int, code: str) -> None:
    with TestClient(create_app(str(ledger_path), max_upload=2000, use_ner=False), base_url=LOCAL) as client:
        api = client.post("/api/documents", files=files, data=data)
        assert api.status_code == status and api.json()["error"]["code"] == code
        page = client.post("/add", files=files, data={**data, "csrf": form_token(client, "/add")})
        assert page.status_code == status and code in page.text and "text/html" in page.headers["content-type"]
        assert client.get("/api/overview").json()["counts"]["documents"] == 3  # nothing was written


@pytest.mark.slow
def test_add_a_document_extracts_and_stores_it(client: Any) -> None:
    response = client.post("/api/documents", data={"text": ARTICLE, "title": "Marvenko <floods>"})
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["added"] is True and added["figures"] >= 1 and added["title"] == "Marvenko <floods>"
    again = client.post("/api/documents", data={"text": ARTICLE})
    assert again.status_code == 200 and again.json()["added"] is False
    page = client.get(f"/documents/{added['id']}")
    assert "Marvenko &lt;floods&gt;" in page.text and "k-figure" in page.text
    assert client.get("/api/overview").json()["counts"]["documents"] == 4  # the read-only view sees it
    assert client.get("/api/search?q=Marvenko").json()["documents"][0]["id"] == added["id"]


@pytest.mark.slow
def test_upload_form_redirects_to_the_reader(client: Any) -> None:
    files = {"file": ("marvenko.md", ARTICLE.encode("utf-8"), "text/markdown")}
    response = client.post("/add", files=files, data={"text": "", "csrf": form_token(client, "/add")},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/documents/")
    assert "was added" in client.get(response.headers["location"]).text
    assert HRW_TEXT  # the template ledger is untouched by other tests (copies)


def test_warm_cache_follows_changes_by_other_writers(ledger_path: Path) -> None:
    from web_helpers import result

    from counterclaim.ledger import Ledger

    app = create_app(str(ledger_path), use_ner=False)  # as serve starts it: warm-up in the background
    app.state.view.wait_warm(60)
    with TestClient(app, base_url=LOCAL) as client:
        assert client.get("/api/overview").json()["counts"]["documents"] == 3
        assert client.get("/api/events/zarvenko-1992").json()["checks"] == []
        with Ledger(ledger_path) as writer:  # e.g. counterclaim ingest in another process
            writer.store(result("Title: Late news\n\nNothing in the town of Quorvan.", title="Late news"))
            writer.regroup()
        assert client.get("/api/overview").json()["counts"]["documents"] == 4
        app.state.view.wait_warm(60)
        assert len(client.get("/api/documents").json()) == 4


def test_browser_tests_fail_in_ci_without_chromium(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from web_helpers import chromium_or_skip

    monkeypatch.setenv("COUNTERCLAIM_CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        chromium_or_skip()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        chromium_or_skip()
