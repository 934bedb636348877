"""Web pages as input: ``counterclaim extract https://…`` fetches the page, then reads it like a file.

The fetch is bounded: one deadline for the whole transfer (``timeout``; a server that
sends a byte now and then is cut off at the first read after it, so at most twice the
deadline in all), at most
``max_bytes`` read (a larger ``Content-Length`` is refused before reading), at most
:data:`MAX_REDIRECTS` redirects, only to ``http``/``https``, and only text or HTML content
types. Every failure is a coded :class:`~counterclaim.errors.InputError` (E032-E036, E038,
E005) naming the address and what to do.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from counterclaim.about import __version__
from counterclaim.errors import Errors, InputError
from counterclaim.records import Diagnostic, Document

DEFAULT_TIMEOUT = 30.0
"""Seconds a whole fetch may take, connection and transfer together."""
MAX_REDIRECTS = 5
USER_AGENT = f"counterclaim/{__version__} (+https://github.com/counterclaim)"
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown")
"""Content types read; any other ``text/*`` is read as plain text too."""

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_CHUNK = 1 << 16


def is_url(argument: str) -> bool:
    """Whether a command-line argument is a web address (``scheme://…``) rather than a path."""
    return bool(_SCHEME.match(argument))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: http.client.HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            fp.close()
            raise InputError(Errors.E036.format(url=req.full_url, detail=f"redirects to {newurl!r}, which is not "
                                                "an http or https address"))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _reason(exc: BaseException) -> str:
    """Words for a network failure: ``the host name was not found (offline?)``, ``connection refused``..."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return "the host name was not found (offline, or a typo in the address?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (no server at that address and port)"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"its TLS certificate is not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"the TLS connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return " ".join(str(reason).split()) or type(reason).__name__


def _content_type(headers: Message, url: str) -> tuple[str, str | None]:
    """The page's content type and charset (None when not declared); E034 when not text."""
    kind = headers.get_content_type().lower()  # text/plain when the header is missing
    if not (kind in TEXT_TYPES or kind.startswith("text/")):
        raise InputError(Errors.E034.format(url=url, content_type=kind))
    charset = headers.get_content_charset()
    return kind, charset.lower() if charset else None


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> tuple[bytes, str, str, str | None]:
    """Fetch a page.

    Args:
        url: an ``http://`` or ``https://`` address.
        max_bytes: the largest body accepted.
        timeout: seconds the whole fetch may take.

    Returns:
        The body, the final address (after redirects), the content type and the declared
        charset (or None).

    Raises:
        InputError: E038 not http(s), E032 unreachable, E033 an HTTP error status, E034 not
            text or HTML, E035 too slow, E036 too many redirects, E005 too large.
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError(Errors.E038.format(url=url))
    deadline = time.monotonic() + timeout
    host = (urlsplit(url).hostname or "").lower()
    handlers: list[urllib.request.BaseHandler] = [_Redirects()]
    if host in ("localhost", "127.0.0.1", "::1"):
        handlers.append(urllib.request.ProxyHandler({}))  # never send loopback through a proxy
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ", ".join(TEXT_TYPES)})
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            kind, charset = _content_type(response.headers, url)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(Errors.E005.format(path=url, size=f"{int(declared):,}", limit=f"{max_bytes:,}"))
            chunks: list[bytes] = []
            size = 0
            while size <= max_bytes:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                chunk = response.read1(min(_CHUNK, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            if size > max_bytes:
                raise InputError(Errors.E005.format(path=url, size=f"more than {max_bytes:,}", limit=f"{max_bytes:,}"))
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        location = exc.headers.get("Location", "") if exc.headers else ""
        if exc.code in (301, 302, 303, 307, 308) and urlsplit(location).scheme.lower() not in ("", "http", "https"):
            raise InputError(Errors.E036.format(url=url, detail=f"redirects to {location!r}, which is not an http "
                                                "or https address")) from exc
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(Errors.E036.format(url=url, detail=f"redirected more than {MAX_REDIRECTS} times")) from exc
        raise InputError(Errors.E033.format(url=url, status=exc.code, reason=exc.reason or "")) from exc
    except TimeoutError as exc:
        raise InputError(Errors.E035.format(url=url, timeout=timeout)) from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(Errors.E035.format(url=url, timeout=timeout)) from exc
        raise InputError(Errors.E032.format(url=url, detail=_reason(exc))) from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:  # a broken answer, a bad address
        raise InputError(Errors.E032.format(url=url, detail=_reason(exc))) from exc
    return b"".join(chunks), final, kind, charset


def _kind(content_type: str, final: str) -> str | None:
    """How the reader must take the page: ``html``, ``markdown`` or None (judge by the content)."""
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type in ("text/markdown", "text/x-markdown") or urlsplit(final).path.lower().endswith(".md"):
        return "markdown"
    return None


def read_url(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> tuple[Document, list[Diagnostic]]:
    """Fetch a page and read it into a Document, like a file (HTML through trafilatura).

    ``document.path`` is the address as given; ``document.url`` is the address the page gives
    itself, else the final address after redirects.

    Raises:
        InputError: see :func:`fetch`, and the reader's errors (empty, binary, no main text).
    """
    from dataclasses import replace

    from counterclaim.read import read_bytes

    data, final, content_type, charset = fetch(url, max_bytes=max_bytes, timeout=timeout)
    if charset and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        data = _as_utf8(data, charset)
    document, diagnostics = read_bytes(data, url, max_bytes=max_bytes, kind=_kind(content_type, final))
    return replace(document, url=document.url or final), diagnostics


def _as_utf8(data: bytes, charset: str) -> bytes:
    """The body re-encoded as UTF-8 when the server declared another charset that decodes it."""
    if charset in ("utf-8", "utf8", "us-ascii", "ascii"):
        return data
    try:
        return data.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data  # a wrong or unknown declaration: let the reader guess
