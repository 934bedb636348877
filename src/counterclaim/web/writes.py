"""The only changes the web app makes: add a document, merge or split events and sources.

Each change opens its own writable :class:`~counterclaim.ledger.Ledger` (pages keep their
read-only connection), runs one library call and closes it; a lock keeps the app's writes
one at a time (other processes wait on the database's own writer lock). Adding a document
extracts it first, outside the lock and any transaction, in the app's extraction worker
(:mod:`counterclaim.web.extractor`, with its time limit); only the store is serialised.

Who may write is checked before any of these runs (:func:`counterclaim.web.security.check_write`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from counterclaim.errors import WebErrors
from counterclaim.ledger import Ledger
from counterclaim.web.errors import WebError
from counterclaim.web.limits import ALLOWED_SUFFIXES, DEFAULT_MAX_UPLOAD

if TYPE_CHECKING:
    from counterclaim.web.extractor import Extractor

_WRITE_LOCK = threading.Lock()
logger = logging.getLogger("counterclaim.web")


def check_upload(name: str | None, size: int, limit: int) -> None:
    """Refuse an unsupported file type (E204, 415) or a document over ``limit`` bytes (E205, 413)."""
    if name and PurePath(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise WebError(WebErrors.E204.format(name=name, limit=limit), 415)
    if size > limit:
        raise WebError(WebErrors.E205.format(size=size, limit=limit), 413)


def add_document(target: str, data: bytes, *, extractor: Extractor, known: Callable[[str], bool],
                 filename: str | None = None, title: str | None = None,
                 limit: int = DEFAULT_MAX_UPLOAD) -> dict[str, Any]:
    """Read and extract one document (no lock held), then store it and regroup events (under the lock).

    Args:
        target: the ledger.
        data: the document's bytes.
        extractor: the app's extraction worker (time limit).
        known: whether a document id is already stored (read through the pages' connection):
            a known text is not extracted again.
        filename: the uploaded file's name, for its type.
        title: a title typed in the form, replacing the document's own.
        limit: the largest document, in bytes.

    Returns:
        ``{"id", "added", "title", "figures", "quotes", "acts", "events"}`` (``added`` is False
        when the same text was already stored).

    Raises:
        WebError: E204 unsupported type, E205 too large, E206 nothing given, E214-E217 extraction.
        InputError: the bytes are binary (E004) or hold no text (E003, E007).
    """
    from counterclaim.read import read_bytes
    from counterclaim.store.queries import document_events, load_result

    if not data.strip():
        raise WebError(WebErrors.E206.format(), 400)
    check_upload(filename, len(data), limit)
    name = PurePath(filename).name if filename else None
    document, diagnostics = read_bytes(data, name, max_bytes=limit)
    if title and title.strip():
        document = replace(document, title=" ".join(title.split())[:300])
    extracted = None if known(document.id) else extractor.extract(document, list(diagnostics), name or "pasted text")
    with _WRITE_LOCK, Ledger(target) as ledger:
        added = False
        if extracted is not None:
            try:
                added = ledger.store(*extracted)
            except (OverflowError, ValueError) as exc:  # a value the database cannot hold; rolled back
                logger.exception("storing document %s failed", document.id)
                raise WebError(WebErrors.E216.format(error=f"{type(exc).__name__}: {str(exc)[:200]}"), 422) from exc
            if added:
                ledger.regroup()
        stored = load_result(ledger.db, document.id)
        events = document_events(ledger.db, document.id)
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
