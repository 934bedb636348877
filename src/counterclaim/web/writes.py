"""The only changes the web app makes: add a document, merge or split events and sources.

Each change opens its own writable :class:`~counterclaim.ledger.Ledger` (pages keep their
read-only connection), runs one library call and closes it; a lock keeps the app's writes
one at a time (other processes wait on the database's own writer lock).

**Who may write.** :func:`check_write` runs before every change: when the server has a
token (always when it listens on anything but loopback), the request must carry it
(``Authorization: Bearer TOKEN``, header ``X-Counterclaim-Token`` or form field
``token``); and a browser request from another site (``Origin`` or ``Sec-Fetch-Site``) is
refused, so that a page elsewhere cannot post to a server on localhost.
"""

from __future__ import annotations

import hmac
import ipaddress
import threading
from dataclasses import replace
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request

from counterclaim.errors import WebErrors
from counterclaim.ledger import Ledger
from counterclaim.web.errors import WebError
from counterclaim.web.limits import ALLOWED_SUFFIXES, DEFAULT_MAX_UPLOAD

_WRITE_LOCK = threading.Lock()


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost``."""
    if host.strip("[]").lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_write(request: Request, form_token: str | None = None) -> None:
    """Refuse a change without the server's token (E201/E202) or from another site (E203)."""
    origin = request.headers.get("origin")
    if origin and origin != "null":
        if urlsplit(origin).netloc != request.headers.get("host", ""):
            raise WebError(WebErrors.E203.format(origin=origin), 403)
    elif request.headers.get("sec-fetch-site") == "cross-site":
        raise WebError(WebErrors.E203.format(origin="another site"), 403)
    token = request.app.state.token
    if token is None:
        return
    given = form_token or request.headers.get("x-counterclaim-token")
    auth = request.headers.get("authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise WebError(WebErrors.E201.format(), 401)
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise WebError(WebErrors.E202.format(), 403)


def check_upload(name: str | None, size: int, limit: int) -> None:
    """Refuse an unsupported file type (E204, 415) or a document over ``limit`` bytes (E205, 413)."""
    if name and PurePath(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise WebError(WebErrors.E204.format(name=name, limit=limit), 415)
    if size > limit:
        raise WebError(WebErrors.E205.format(size=size, limit=limit), 413)


def add_document(target: str, data: bytes, *, filename: str | None = None, title: str | None = None,
                 limit: int = DEFAULT_MAX_UPLOAD, use_ner: bool = True) -> dict[str, Any]:
    """Read, extract and store one document, then regroup events.

    Returns:
        ``{"id", "added", "title", "figures", "quotes", "acts", "events"}`` (``added`` is False
        when the same text was already stored).

    Raises:
        WebError: E204 unsupported type, E205 too large, E206 nothing given.
        InputError: the bytes are binary (E004) or hold no text (E003, E007).
    """
    from counterclaim.ledger.ingest import Article, extract
    from counterclaim.options import Options
    from counterclaim.read import read_bytes

    if not data.strip():
        raise WebError(WebErrors.E206.format(), 400)
    check_upload(filename, len(data), limit)
    name = PurePath(filename).name if filename else None
    document, diagnostics = read_bytes(data, name, max_bytes=limit)
    if title and title.strip():
        document = replace(document, title=" ".join(title.split())[:300])
    with _WRITE_LOCK, Ledger(target) as ledger:
        added = False
        if not ledger.has(document.id):
            result, incidents = extract(Article(name or "pasted text", document=document,
                                                diagnostics=list(diagnostics)), Options(), use_ner=use_ner)
            added = ledger.store(result, incidents)
            ledger.regroup()
        from counterclaim.ledger.query import load_result

        stored = load_result(ledger.db, document.id)
        events = sorted({r["event_id"] for r in ledger.db.query(
            "SELECT event_id FROM incidents WHERE doc_id = ? AND event_id IS NOT NULL", (document.id,))})
    return {"id": document.id, "added": added, "title": stored.document.title, "figures": len(stored.figures),
            "quotes": len(stored.quotes), "acts": len(stored.acts), "events": events}


def _ids(ids: list[str], what: str) -> list[str]:
    clean = [i.strip() for i in ids if i and i.strip()]
    if len(clean) < 2:
        raise WebError(WebErrors.E208.format(what=what, ids=clean), 400)
    return clean


def merge_events(target: str, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
    """Merge events (see :meth:`counterclaim.ledger.Ledger.merge_events`); return the surviving id."""
    with _WRITE_LOCK, Ledger(target) as ledger:
        return ledger.merge_events(_ids(ids, "merging events"), into=into or None, name=name or None)


def split_event(target: str, event_id: str, documents: list[str], *, new_id: str | None = None,
                name: str | None = None) -> str:
    """Move documents out of an event; return the new event's id."""
    with _WRITE_LOCK, Ledger(target) as ledger:
        return ledger.split_event(event_id, documents, new_id=new_id or None, name=name or None)


def merge_sources(target: str, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
    """Merge sources; return the surviving id."""
    with _WRITE_LOCK, Ledger(target) as ledger:
        return ledger.merge_sources(_ids(ids, "merging sources"), into=into or None, name=name or None)


def split_source(target: str, source_id: str, spellings: list[str], *, new_id: str | None = None,
                 name: str | None = None) -> str:
    """Move spellings of a source to a new source; return its id."""
    with _WRITE_LOCK, Ledger(target) as ledger:
        return ledger.split_source(source_id, spellings, new_id=new_id or None, name=name or None)
