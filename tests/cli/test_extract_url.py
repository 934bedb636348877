"""``counterclaim extract https://…``: pages fetched from a real local HTTP server (http.server in a
thread), with the limits of counterclaim.read.url and a coded one-line error for each failure."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from counterclaim.cli import main
from counterclaim.errors import InputError
from counterclaim.read.url import MAX_REDIRECTS, fetch, is_url, read_url

PAGE = ("<!doctype html><html><head><title>Dam burst in the valley</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<p>A dam burst upstream of the town on Tuesday night, flooding two districts.</p>"
        "<p>At least 14 people were killed and 40 were injured, the regional governor said.</p>"
        "</article><footer>Copyright Example Wire</footer></body></html>")
TEXT = "Title: Ferry sinks\nPublished: 2021-06-02\n\nA ferry sank; 9 people drowned, police said.\n"


class Handler(BaseHTTPRequestHandler):
    """Routes of the test server: pages, redirects, errors, a slow and a lying server."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        if path == "/article.html":
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/latin1":
            self._send(200, PAGE.replace("town", "pueblo pequeño").encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/story.txt":
            self._send(200, TEXT.encode(), "text/plain")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/article.html" if n == 0 else f"/hop/{n - 1}"
            self._send(302, b"", "text/plain", {"Location": target})
        elif path == "/loop":
            self._send(302, b"", "text/plain", {"Location": "/loop"})
        elif path == "/to-file":
            self._send(302, b"", "text/plain", {"Location": "file:///etc/passwd"})
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/huge":
            self._send(200, b"x" * 5_000, "text/plain")
        elif path == "/huge-unannounced":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"words " * 2_000)
        elif path == "/slow":
            time.sleep(3)
            self._send(200, TEXT.encode(), "text/plain")
        else:
            self._send(404, b"not here", "text/plain")


class Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow on purpose: no traceback in the test output


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def error_of(url: str, **kwargs: float) -> InputError:
    with pytest.raises(InputError) as info:
        read_url(url, max_bytes=int(kwargs.pop("max_bytes", 1_000_000)), **kwargs)
    return info.value


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x") and is_url("ftp://x")
    assert not is_url("article.txt") and not is_url("-") and not is_url("C:\\news\\a.txt")


def test_html_page_goes_through_the_html_reader(server: str) -> None:
    document, diagnostics = read_url(f"{server}/article.html", max_bytes=1_000_000)
    assert "At least 14 people were killed" in document.text
    assert "Home" not in document.text and "Copyright" not in document.text
    assert document.title == "Dam burst in the valley"
    assert document.path == f"{server}/article.html" and document.url == f"{server}/article.html"
    assert diagnostics == []


def test_declared_charset_is_honoured(server: str) -> None:
    document, _ = read_url(f"{server}/latin1", max_bytes=1_000_000)
    assert "pueblo pequeño" in document.text


def test_plain_text_page(server: str) -> None:
    document, _ = read_url(f"{server}/story.txt", max_bytes=1_000_000)
    assert document.text == TEXT and document.title == "Ferry sinks"


def test_redirects_are_followed_up_to_the_limit(server: str) -> None:
    document, _ = read_url(f"{server}/hop/{MAX_REDIRECTS - 1}", max_bytes=1_000_000)
    assert document.url == f"{server}/article.html"
    assert error_of(f"{server}/hop/{MAX_REDIRECTS + 2}").code == "E036"
    assert error_of(f"{server}/loop").code == "E036"
    to_file = error_of(f"{server}/to-file")
    assert to_file.code == "E036" and "file:///etc/passwd" in to_file.message


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/missing", "E033", "HTTP 404"),
    ("/report.pdf", "E034", "application/pdf"),
])
def test_http_errors_and_content_types(server: str, path: str, code: str, words: str) -> None:
    error = error_of(server + path)
    assert error.code == code and words in error.message and server + path in error.message


def test_size_limit_with_and_without_content_length(server: str) -> None:
    announced = error_of(f"{server}/huge", max_bytes=1_000)
    assert announced.code == "E005" and "5,000 bytes" in announced.message
    streamed = error_of(f"{server}/huge-unannounced", max_bytes=1_000)
    assert streamed.code == "E005" and "more than 1,000" in streamed.message


def test_timeout(server: str) -> None:
    start = time.monotonic()
    error = error_of(f"{server}/slow", timeout=0.5)
    assert error.code == "E035" and "0.5 seconds" in error.message
    assert time.monotonic() - start < 2.5


def test_refused_and_offline() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    refused = error_of(f"http://127.0.0.1:{port}/a", timeout=5)
    assert refused.code == "E032" and "refused" in refused.message
    offline = error_of("http://no-such-host.invalid/a", timeout=5)
    assert offline.code == "E032" and "host name was not found" in offline.message
    assert error_of("ftp://example.org/a.txt").code == "E038"


def test_cli_errors_are_one_line_and_other_inputs_go_on(server: str) -> None:
    result = CliRunner().invoke(main, ["extract", f"{server}/report.pdf", f"{server}/missing", "--format", "csv",
                                       "--timeout", "5"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split()[1] for line in lines] == ["E034", "E033"]
    assert all(line.startswith("error: E03") for line in lines)
    assert result.stdout.startswith("doc_id,doc_path,doc_title,")


@pytest.mark.slow
def test_cli_extracts_from_a_page(server: str) -> None:
    result = CliRunner().invoke(main, ["extract", f"{server}/article.html", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["path"] == f"{server}/article.html"
    assert any(f["count"]["value"] == 14 for f in data["figures"])


def test_fetch_returns_the_final_address(server: str) -> None:
    data, final, content_type, charset = fetch(f"{server}/hop/1", max_bytes=1_000_000)
    assert final == f"{server}/article.html" and content_type == "text/html" and charset == "utf-8"
    assert data == PAGE.encode()
