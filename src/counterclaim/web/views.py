"""The data of every page, as plain dicts: the HTML page and its ``/api`` twin render the same dict.

:class:`LedgerView` holds one read-only connection (guarded by a lock: requests run in a
thread pool) and caches what is costly to recompute for a large ledger — the document and
source lists, recently built pages — until the ledger changes. The
overview needs no cache: it reads the aggregates the ledger keeps per event. A change is
noticed through :func:`counterclaim.store.queries.fingerprint` (SQLite's ``data_version``, or on
PostgreSQL a fingerprint of row counts). The views hold no SQL: they call the store's named queries
and the presentation layer (:mod:`counterclaim.present.pages` builds the event page).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from counterclaim.ledger import Ledger
from counterclaim.present.pages import event_page, resolve, source_page
from counterclaim.store import search as _search
from counterclaim.store import sources as _sources
from counterclaim.store.queries import (
    count_of,
    document_meta,
    document_rows,
    figure_rows,
    fingerprint,
    load_result,
    source_countries,
)
from counterclaim.store.summaries import overview_page

PAGE_SIZE = 50
DOCUMENTS_PAGE = 100
SOURCES_PAGE = 100
MAX_CACHED_PAGES = 64
SORTS = ("documents", "spread", "year", "id")


logger = logging.getLogger(__name__)
_CLOSED = object()


_BUILDERS: dict[str, Callable[[Ledger], Any]] = {
    "counts": Ledger.counts, "documents": Ledger.documents, "sources": Ledger.sources}
"""What the cache holds, in the order a warm-up builds it."""


class LedgerView:
    """Read-only access to a ledger for the web pages (one connection, a lock, a cache).

    Args:
        target: the ledger.
        warm: build the costly cached data (the document and source lists) in a
            background thread, with its own read-only connection, at start and after every
            change of the ledger; pages that find it missing compute what they need.
    """

    def __init__(self, target: str, *, warm: bool = True) -> None:
        self.target = target
        self.ledger = Ledger(target, read_only=True)
        self.lock = threading.RLock()
        self.warm_enabled = warm
        self._warming: threading.Thread | None = None
        self._stamp: Any = None
        self._cache: dict[str, Any] = {}
        with self.lock:
            self._refresh()

    def close(self) -> None:
        """Close the connection (a warm-up still running stops at its next step)."""
        with self.lock:
            self._stamp = _CLOSED
            self.ledger.close()

    # -- cache ---------------------------------------------------------------------------

    def _fingerprint(self) -> Any:
        return fingerprint(self.ledger.db)

    def _refresh(self) -> None:
        """Drop the cache when the ledger changed (call with the lock held); start a warm-up."""
        stamp = self._fingerprint()
        if stamp == self._stamp:
            return
        self._cache.clear()
        self._stamp = stamp
        if self.warm_enabled and not (self._warming and self._warming.is_alive()):
            self._warming = threading.Thread(target=self._warm, args=(stamp,), name="counterclaim-warm", daemon=True)
            self._warming.start()

    def _warm(self, stamp: Any) -> None:
        try:
            with Ledger(self.target, read_only=True) as ledger:
                for key, build in _BUILDERS.items():
                    value = build(ledger)
                    with self.lock:
                        if self._stamp != stamp:
                            return
                        self._cache.setdefault(key, value)
        except Exception:  # the pages compute what they need themselves
            logger.exception("warming the page cache failed")

    def wait_warm(self, timeout: float = 60.0) -> None:
        """Wait for a running warm-up to finish (tests and benchmarks)."""
        if self._warming:
            self._warming.join(timeout)

    def _cached(self, key: str) -> Any:
        """The cached value of ``key`` (one of :data:`_BUILDERS`), built now if missing."""
        with self.lock:
            self._refresh()
            if key not in self._cache:
                self._cache[key] = _BUILDERS[key](self.ledger)
            return self._cache[key]

    # -- pages ---------------------------------------------------------------------------

    def overview(self, *, sort: str = "documents", page: int = 1, q: str = "") -> dict[str, Any]:
        """Corpus counts and one page of events, each with its toll range and spread.

        Read from the aggregates the ledger keeps per event (:mod:`counterclaim.store.summaries`):
        the page costs the same for ten documents or ten million, warm or cold.
        """
        counts = self._cached("counts")
        with self.lock:
            data = overview_page(self.ledger.db, sort=sort, page=page, size=PAGE_SIZE, q=q)
        return {"counts": counts, "events": data["events"], "total_events": data["total"], "page": data["page"],
                "pages": data["pages"], "sort": sort if sort in SORTS else "documents", "q": q}

    def event(self, event_id: str, *, all_claims: bool = False) -> dict[str, Any]:
        """One event: :func:`counterclaim.present.pages.event_page` (the page ``counterclaim event`` prints).

        A row lists at most 30 claims, those in most documents, unless ``all_claims``; each claim
        carries at most three sentences. Built pages are cached until the ledger changes.
        """
        with self.lock:
            self._refresh()
            db = self.ledger.db
            live = resolve(db, event_id)
            key = f"event:{live}:{int(all_claims)}"
            if key in self._cache:
                return {**self._cache[key], "requested_id": event_id}
            data = event_page(db, live, all_claims=all_claims)
            stamp = self._stamp
        self._remember(key, stamp, data)
        return {**data, "requested_id": event_id}

    def _remember(self, key: str, stamp: Any, data: dict[str, Any]) -> None:
        """Cache a page's data unless the ledger changed meanwhile; keep :data:`MAX_CACHED_PAGES` pages."""
        with self.lock:
            if self._stamp != stamp:
                return
            pages = [k for k in self._cache if ":" in k]
            for old in pages[: max(0, len(pages) - MAX_CACHED_PAGES + 1)]:
                del self._cache[old]
            self._cache[key] = data

    def document(self, doc_id: str) -> dict[str, Any]:
        """A document's text, metadata, claims (figures, quotes, acts), sources and events."""
        from counterclaim.web.reader import document_claims, segments

        with self.lock:
            db = self.ledger.db
            full = self.ledger.resolve_document(doc_id)
            result = load_result(db, full)
            meta = document_meta(db, full)
            figures = {f["fid"]: f for f in figure_rows(db, doc_id=full)}
        doc = result.document
        items = document_claims(result, figures)
        return {"id": doc.id, "title": doc.title, "path": doc.path, "author": doc.author,
                "published": doc.published, "publisher": doc.publisher, "url": doc.url, **meta,
                "text": doc.text, "claims": items,
                "events": sorted({f["event_id"] for f in figures.values() if f["event_id"]}),
                "diagnostics": [d.to_dict() for d in result.diagnostics],
                "segments": segments(doc.text, items)}

    def documents(self, page: int | None = None) -> dict[str, Any]:
        """Documents with their counts and events: all (cached), or one page of :data:`DOCUMENTS_PAGE` (read alone)."""
        return self._listing("documents", page, DOCUMENTS_PAGE,
                             lambda **kw: document_rows(self.ledger.db, **kw))

    def sources(self, page: int | None = None) -> dict[str, Any]:
        """Live sources with their counts: all (cached), or one page of :data:`SOURCES_PAGE` (read alone)."""
        return self._listing("sources", page, SOURCES_PAGE,
                             lambda **kw: _sources.source_rows(self.ledger.db, **kw))

    def _listing(self, key: str, page: int | None, size: int,
                 rows_of: Callable[..., list[dict[str, Any]]]) -> dict[str, Any]:
        if page is None:
            rows = self._cached(key)
            return {key: list(rows), "page": None, "pages": max(1, -(-len(rows) // size)), "total": len(rows)}
        with self.lock:
            self._refresh()
            total = count_of(self.ledger.db, key)
            pages = max(1, -(-total // size))
            page = min(max(1, page), pages)
            cached = self._cache.get(key)
            rows = cached[(page - 1) * size: page * size] if cached is not None else \
                rows_of(limit=size, offset=(page - 1) * size)
        return {key: rows, "page": page, "pages": pages, "total": total}

    def source(self, source_id: str, page: int = 1) -> dict[str, Any]:
        """A source and its claims by event: :func:`counterclaim.present.pages.source_page` (cached)."""
        with self.lock:
            self._refresh()
            db = self.ledger.db
            live = _sources.resolve_source(db, source_id)
            key = f"source:{live}:{page}"
            if key in self._cache:
                return {**self._cache[key], "requested_id": source_id}
            stamp = self._stamp
            data = source_page(db, live, page)
        self._remember(key, stamp, data)
        return {**data, "requested_id": source_id}

    def events_with_source_type(self, source_type: str) -> set[str]:
        """The events where a source of this type claims a figure: from the cached source list when it
        is built, else read alone (:func:`counterclaim.store.sources.events_with_source_type`)."""
        with self.lock:
            self._refresh()
            cached = self._cache.get("sources")
            if cached is None:
                return _sources.events_with_source_type(self.ledger.db, source_type)
        return {e for s in cached if source_type in s["types"] for e in s["events"]}

    def source_countries(self, source_ids: list[str]) -> dict[str, str]:
        """The country code of each of these sources that has one (read for them alone, never the whole list)."""
        with self.lock:
            return source_countries(self.ledger.db, source_ids)

    def search(self, q: str, *, limit: int = 50) -> dict[str, Any]:
        """Documents and quotes matching ``q`` (see :mod:`counterclaim.store.search`)."""
        with self.lock:
            return _search.search(self.ledger.db, q, limit=limit)
