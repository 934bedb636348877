"""Trust boundaries (issue 13): host names, form tokens, origins, every error's shape, bounded requests."""

from __future__ import annotations

import http.client
import logging
import re
import time
import warnings
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_helpers import LOCAL, form_token

from counterclaim.web import create_app
from counterclaim.web.errors import WebError
from counterclaim.web.middleware import CSP
from counterclaim.web.security import FormTokens, HostPolicy

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _events(client: Any) -> list[str]:
    return sorted(e["id"] for e in client.get("/api/overview").json()["events"])


def _page_error(response: Any, status: int, code: str) -> None:
    """The app's HTML error page with its code and the security headers."""
    assert response.status_code == status, response.text[:500]
    assert "text/html" in response.headers["content-type"]
    assert re.search(rf'<p class="message">{code} ', response.text), response.text[:500]
    assert response.headers["content-security-policy"] == CSP


def _api_error(response: Any, status: int, code: str) -> None:
    assert response.status_code == status, response.text[:500]
    assert response.json()["error"]["code"] == code
    assert response.headers["content-security-policy"] == CSP


# -- host names (DNS rebinding) -------------------------------------------------------------

def test_the_rebinding_request_of_issue_13_is_refused(live_server: str) -> None:
    """``curl -X POST 127.0.0.1:PORT/events/A/merge -H 'Host: evil.example:PORT' -H 'Origin: …' --data ids=B``."""
    port = urlsplit(live_server).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/events/zarvenko-1992/merge", body="ids=x-event",
                 headers={"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}",
                          "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    body = response.read().decode("utf-8")
    assert response.status == 421 and "E210" in body and "evil.example" in body
    assert response.getheader("Content-Security-Policy") == CSP
    conn.request("GET", "/api/overview", headers={"Host": f"evil.example:{port}"})  # the same connection
    response = conn.getresponse()
    assert response.status == 421 and b'"code":"E210"' in response.read()
    conn.request("GET", "/api/overview", headers={"Host": f"localhost:{port}"})
    response = conn.getresponse()
    assert response.status == 200 and b"zarvenko-1992" in response.read()
    conn.close()


def test_only_the_names_the_server_was_started_for(ledger_path: Path) -> None:
    app = create_app(str(ledger_path), use_ner=False, warm=False, allowed_hosts=["news.example.org"])
    with TestClient(app, base_url=LOCAL) as client:
        for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "127.0.0.2", "news.example.org:80"):
            assert client.get("/api/overview", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "news.example.org.evil.example", "192.168.1.20", "localhost.evil.example"):
            _page_error(client.get("/", headers={"Host": host}), 421, "E210")
        refused = client.post("/api/events/merge", json={"ids": ["zarvenko-1992", "x"]},
                              headers={"Host": "evil.example"})
        _api_error(refused, 421, "E210")
        assert "--allowed-host evil.example" in refused.json()["error"]["message"]


def test_host_policy_of_a_public_server() -> None:
    public = HostPolicy("0.0.0.0", ["archive.example.org"])
    assert public.allows("192.168.1.20:8000") and public.allows("[2001:db8::1]:80") and public.allows("localhost")
    assert public.allows("archive.example.org") and not public.allows("evil.example")
    assert HostPolicy("10.0.0.5").allows("10.0.0.5:8000") and not HostPolicy("10.0.0.5").allows("10.0.0.6")
    assert HostPolicy("127.0.0.1", ["*"]).allows("anything.example")
    assert HostPolicy("127.0.0.1").allows(None)  # HTTP/1.0 without Host: not a browser
    with pytest.raises(WebError, match="E220"):
        HostPolicy("127.0.0.1", ["evil example/"])


# -- form tokens and origins -------------------------------------------------------------------

def test_forms_need_a_signed_token(client: Any) -> None:
    before = _events(client)
    _page_error(client.post("/events/zarvenko-1992/merge", data={"ids": "x"}), 403, "E211")
    _page_error(client.post("/events/zarvenko-1992/merge", data={"ids": "x", "csrf": "1700000000.forged"}), 403,
                "E212")
    other = FormTokens().issue()  # signed by another server's secret
    _page_error(client.post("/events/zarvenko-1992/merge", data={"ids": "x", "csrf": other}), 403, "E212")
    _page_error(client.post("/add", data={"text": "Ten people died in Quorvan."}), 403, "E211")
    assert _events(client) == before
    token = form_token(client, "/events/zarvenko-1992")
    split = client.post("/events/zarvenko-1992/split", data={"documents": _documents(client)[:1], "csrf": token,
                                                             "new_id": "zarvenko-part"}, follow_redirects=False)
    assert split.status_code == 303 and "zarvenko-part" in _events(client)


def _documents(client: Any) -> list[str]:
    return list(client.get("/api/events/zarvenko-1992").json()["documents"])


def test_form_tokens_expire_and_cannot_be_altered() -> None:
    tokens = FormTokens(hours=12)
    token = tokens.issue(now=1_000_000)
    tokens.check(token, now=1_000_000 + 11 * 3600)
    for bad, now in ((token, 1_000_000 + 13 * 3600), (token, 1_000_000 - 3600),
                     ("1000001" + token[7:], 1_000_100), (token + "x", 1_000_100), ("", 0), ("abc.def", 0)):
        with pytest.raises(WebError, match="E21[12]"):
            tokens.check(bad, now=now)


@pytest.mark.parametrize("headers", [{"Origin": "null"}, {"Origin": "http://evil.example"},
                                     {"Sec-Fetch-Site": "same-site"}, {"Sec-Fetch-Site": "cross-site"},
                                     {"Origin": "http://127.0.0.1:9999"}])
def test_browser_requests_from_elsewhere_are_refused(client: Any, headers: dict[str, str]) -> None:
    token = form_token(client, "/events/zarvenko-1992")
    _page_error(client.post("/events/zarvenko-1992/merge", data={"ids": "x", "csrf": token}, headers=headers),
                403, "E203")
    _api_error(client.post("/api/events/merge", json={"ids": ["zarvenko-1992", "x"]}, headers=headers), 403, "E203")


def test_same_origin_and_scripts_may_write(client: Any) -> None:
    token = form_token(client, "/sources/human-rights-watch")
    ok = client.post("/sources/human-rights-watch/merge", data={"ids": "ministry-of-health", "csrf": token},
                     headers={"Origin": LOCAL, "Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert ok.status_code == 303
    api = client.post("/api/sources/human-rights-watch/split", json={"spellings": ["the Ministry of Health"]})
    assert api.status_code == 200  # no browser marks, loopback, no server token: the bearer rule says yes


# -- every error gets the app's answer ------------------------------------------------------

def test_an_unexpected_error_gets_the_error_page_and_a_logged_traceback(
        ledger_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(str(ledger_path), use_ner=False, warm=False)

    def broken(**_: Any) -> Any:
        raise ZeroDivisionError("a bug in a page")
    app.state.view.overview = broken  # a bug anywhere behind a page
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client, \
            caplog.at_level(logging.ERROR, logger="counterclaim.web"):
        _page_error(client.get("/"), 500, "E218")
        _api_error(client.get("/api/overview"), 500, "E218")
        assert "ZeroDivisionError" in client.get("/api/overview").json()["error"]["message"]
        assert "Traceback" in caplog.text and "a bug in a page" in caplog.text
        assert client.get("/api/sources").status_code == 200  # the app goes on


def test_unexpected_error_keeps_the_connection(live_server: str) -> None:
    port = urlsplit(live_server).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/overview?page=" + "9" * 5000)  # a number no database takes
    response = conn.getresponse()
    assert response.status < 500 or b'"code":"E218"' in response.read()
    response.read()
    conn.request("GET", "/api/sources")
    again = conn.getresponse()
    assert again.status == 200 and again.read().startswith(b"[")
    conn.close()


@pytest.mark.parametrize("path", ["/", "/api/overview", "/api/events", "/search", "/api/search"])
def test_a_filter_over_50000_characters_is_refused_clearly(client: Any, path: str) -> None:
    response = client.get(path, params={"q": "a" * 50_001})
    assert response.status_code == 400
    message = response.json()["error"]["message"] if path.startswith("/api") else response.text
    assert "E219" in message and "50,001 characters" in message
    assert client.get(path, params={"q": "zarvenko"}).status_code == 200


# -- adding documents: sizes, time, crashes -----------------------------------------------------

def test_a_big_paste_gets_a_coded_error(client: Any) -> None:
    paste = "Forty people died in the floods. " * 55_000  # 1.8 MB
    response = client.post("/api/documents", data={"text": paste})
    _api_error(response, 413, "E205")
    assert "1,815,000 bytes" in response.json()["error"]["message"]
    token = form_token(client, "/add")
    page = client.post("/add", data={"text": paste, "csrf": token})
    _page_error(page, 413, "E205")
    assert "Field exceeded" not in page.text
    huge = client.post("/api/documents", data={"text": paste * 2})  # over the whole body's limit
    _api_error(huge, 413, "E213")
    assert client.get("/api/overview").json()["counts"]["documents"] == 3


@pytest.mark.slow
def test_a_309_digit_number_is_no_server_error(client: Any) -> None:
    text = "Title: Numbers\n\nOfficials said " + "9" * 309 + " people were killed in Quorvan."
    response = client.post("/api/documents", data={"text": text})
    assert response.status_code in (201, 422), response.text
    if response.status_code == 422:  # the extractor could not take it: a coded error, nothing stored
        assert response.json()["error"]["code"] == "E216"
        assert client.get("/api/overview").json()["counts"]["documents"] == 3
    page = client.post("/add", data={"text": text + " Again.", "csrf": form_token(client, "/add")},
                       follow_redirects=False)
    assert page.status_code in (303, 422) and "Internal Server Error" not in page.text


@pytest.mark.slow
def test_extraction_runs_outside_the_write_lock_and_has_a_time_limit(ledger_path: Path) -> None:
    from counterclaim.web import writes
    from counterclaim.web.extractor import Extractor

    held: list[bool] = []

    class Watched(Extractor):
        def extract(self, *args: Any, **kwargs: Any) -> Any:
            held.append(writes._WRITE_LOCK.locked())
            return super().extract(*args, **kwargs)

    app = create_app(str(ledger_path), use_ner=False, warm=False)
    app.state.extractor = Watched(time_limit=60, use_ner=False)
    with TestClient(app, base_url=LOCAL) as client:
        app.state.extractor.warm()
        app.state.extractor.time_limit = 0.05
        long_text = "Title: Long\n\n" + "In Quorvan 12 people were killed and 30 were hurt, police said. " * 300
        started = time.monotonic()
        slow = client.post("/api/documents", data={"text": long_text})
        _api_error(slow, 422, "E214")
        assert time.monotonic() - started < 20
        assert client.get("/api/overview").json()["counts"]["documents"] == 3  # nothing stored
        app.state.extractor.time_limit = 120
        ok = client.post("/api/documents", data={"text": "Title: Short\n\nFloods killed 37 people in Quorvan."})
        assert ok.status_code == 201, ok.text  # a fresh worker took over
        assert held == [False, False]
        app.state.extractor.close()


def test_when_even_the_error_page_fails_the_answer_is_still_a_coded_json_error(ledger_path: Path) -> None:
    app = create_app(str(ledger_path), use_ner=False, warm=False)

    def broken(**_: Any) -> Any:
        raise KeyError("a bug in a page")

    class NoTemplates:
        def TemplateResponse(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - Jinja2Templates' name
            raise RuntimeError("the templates are gone")

    app.state.view.overview = broken
    app.state.templates = NoTemplates()
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        response = client.get("/")
        _api_error(response, 500, "E218")
        assert "KeyError" in response.json()["error"]["message"]


def test_a_body_without_its_length_is_counted_as_it_arrives(ledger_path: Path) -> None:
    app = create_app(str(ledger_path), use_ner=False, warm=False, max_upload=2000)

    def chunks() -> Any:
        yield b"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n"
        for _ in range(100):
            yield b"Forty people died. " * 50  # ~95 KB in all, no Content-Length
        yield b"\r\n--x--\r\n"

    with TestClient(app, base_url=LOCAL) as client:
        response = client.post("/api/documents", content=chunks(),
                               headers={"Content-Type": "multipart/form-data; boundary=x"})
        _api_error(response, 413, "E213")
        assert client.get("/api/overview").json()["counts"]["documents"] == 3
