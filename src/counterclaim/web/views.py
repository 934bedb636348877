"""The data of every page, as plain dicts: the HTML page and its ``/api`` twin render the same dict.

:class:`LedgerView` holds one read-only connection (guarded by a lock: requests run in a
thread pool) and caches what is costly to recompute for a large ledger — the events with
their comparison rows (overview), the source list — until the ledger changes. A change is
noticed through SQLite's ``PRAGMA data_version`` (it moves when another connection
commits) or, on PostgreSQL, a fingerprint of row counts.
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from counterclaim.ledger import Ledger
from counterclaim.ledger import events as _events
from counterclaim.ledger import search as _search
from counterclaim.ledger import sources as _sources
from counterclaim.ledger.checks import checks_of_figures
from counterclaim.ledger.compare import compare, disagreement
from counterclaim.ledger.db import placeholders
from counterclaim.ledger.errors import LedgerErrors, NotFoundError
from counterclaim.ledger.query import _FIGURES, _figure, figure_rows, load_result
from counterclaim.web.chart import range_chart

PAGE_SIZE = 50
DOCUMENTS_PAGE = 100
SOURCE_EVENTS_PAGE = 25
MAX_EVIDENCE = 3
MAX_CLAIMS = 60
MAX_CHART_ROWS = 40
MAX_CACHED_PAGES = 64
SORTS = ("documents", "spread", "year", "id")
_PG_FINGERPRINT = (
    "SELECT (SELECT COUNT(*) FROM documents) AS d, (SELECT MAX(extracted_at) FROM documents) AS x, "
    "(SELECT COUNT(*) FROM events) AS e, (SELECT COUNT(*) FROM events WHERE merged_into IS NOT NULL) AS m, "
    "(SELECT COUNT(*) FROM sources WHERE merged_into IS NULL) AS s, "
    "(SELECT COUNT(*) FROM incidents WHERE how = 'user') AS u, "
    "(SELECT COUNT(*) FROM source_spellings WHERE how = 'user') AS v")


logger = logging.getLogger(__name__)
_CLOSED = object()


_SENTENCES = (
    "SELECT f.doc_id, f.fid, f.text, d.title, d.published, "
    "substr(d.text, CAST(f.sentence_start AS INTEGER) + 1, CAST(f.sentence_end - f.sentence_start AS INTEGER)) "
    "AS sentence FROM figures f JOIN documents d ON d.id = f.doc_id "
    "JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident WHERE i.event_id = ?")
"""An event's figures with their exact sentences (cut by the database: texts stay there)."""


def _bare(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: v for k, v in row.items() if k != "claims"}


def _all_events(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Every event by id with its comparison rows (claims kept for the event pages)."""
    events = {}
    for e in ledger.events():
        killed = _whole(e["outcomes"], "killed")
        e["n_documents"] = len(e["documents"])
        e["killed"] = _bare(killed)
        e["spread"] = killed["disagreement"] if killed else None
        e["others"] = [_bare(r) for r in e["outcomes"] if r["group"] == "all" and r["outcome"] != "killed"]
        events[e["id"]] = e
    return events


def _checks_by_event(ledger: Ledger) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for flag in ledger.checks():
        if flag["event_id"]:
            out[flag["event_id"]].append(flag)
    return dict(out)


_BUILDERS: dict[str, Callable[[Ledger], Any]] = {
    "counts": Ledger.counts, "events": _all_events, "documents": Ledger.documents, "sources": Ledger.sources,
    "checks": _checks_by_event}
"""What the cache holds, in the order a warm-up builds it."""


def _evidence(f: dict[str, Any]) -> dict[str, Any]:
    sentence = f["sentence"]
    return {"doc_id": f["doc_id"], "fid": f["fid"], "title": f["title"], "published": f["published"],
            "text": f["text"], "sentence": " ".join(sentence.split()) if sentence else f["text"]}


def _whole(outcomes: list[dict[str, Any]], outcome: str) -> dict[str, Any] | None:
    return next((r for r in outcomes if r["outcome"] == outcome and r["group"] == "all"), None)


class LedgerView:
    """Read-only access to a ledger for the web pages (one connection, a lock, a cache).

    Args:
        target: the ledger.
        warm: build the costly cached data (overview, lists, every event's checks) in a
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
        db = self.ledger.db
        if db.dialect == "postgresql":
            return tuple(db.query(_PG_FINGERPRINT)[0].values())
        return db.scalar("PRAGMA data_version")

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
        """Corpus counts and one page of events, each with its toll range and spread."""
        counts = self._cached("counts")
        events = list(self._cached("events").values())
        if q:
            needle = q.lower()
            events = [e for e in events if needle in e["id"] or needle in (e["name"] or "").lower()
                      or any(needle in n.lower() for n in e["also_called"])]
        keys = {"documents": lambda e: (-e["n_documents"], e["id"]), "id": lambda e: e["id"],
                "year": lambda e: (-(e["year"] or 0), e["id"]),
                "spread": lambda e: (-(e["spread"] or 0), e["id"])}
        events = sorted(events, key=keys.get(sort, keys["documents"]))
        pages = max(1, -(-len(events) // PAGE_SIZE))
        page = min(max(1, page), pages)
        shown = events[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        rows = [{k: e[k] for k in ("id", "name", "place", "year", "date_start", "date_end", "n_documents",
                                   "killed", "spread", "others")} for e in shown]
        return {"counts": counts, "events": rows, "total_events": len(events), "page": page, "pages": pages,
                "sort": sort if sort in SORTS else "documents", "q": q}

    def event(self, event_id: str, *, all_claims: bool = False) -> dict[str, Any]:
        """One event: documents, per outcome and group each source's claims with sentences, a chart; checks.

        A row lists at most :data:`MAX_CLAIMS` claims, those in most documents (in the
        comparison's order; ``claims_total`` counts them all), unless ``all_claims``. Each
        claim carries at most :data:`MAX_EVIDENCE` sentences (``more_evidence`` counts the
        rest; ``documents`` lists them all); the chart shows at most :data:`MAX_CHART_ROWS`.
        """
        with self.lock:
            self._refresh()
            db = self.ledger.db
            live = _events.resolve_event(db, event_id)
            key = f"event:{live}:{int(all_claims)}"
            if key in self._cache:
                return {**self._cache[key], "requested_id": event_id}
            [row] = _events.event_rows(db, live)
            cached = self._cache.get("events")
            if cached is not None and live in cached:
                outcomes = [{**r, "claims": [dict(c) for c in r["claims"]]} for r in cached[live]["outcomes"]]
            else:
                outcomes = compare(figure_rows(db, event_id=live))
                for r in outcomes:
                    r["disagreement"] = disagreement(r)
            docs = row["documents"]
            documents = db.query("SELECT id, title, published, publisher, path FROM documents "
                                 f"WHERE id IN ({placeholders(len(docs))})", docs)
            figures = {f"{r['doc_id'][:12]}:{r['fid']}": r for r in db.query(_SENTENCES, (live,))}
            warmed = self._cache.get("checks")
            checks = warmed.get(live, []) if warmed is not None else self._event_checks(live, docs)
            stamp = self._stamp
        documents.sort(key=lambda d: (d["published"] or "", d["id"]))
        for r in outcomes:
            r["claims_total"] = len(r["claims"])
            if not all_claims and len(r["claims"]) > MAX_CLAIMS:
                kept = {id(c) for c in sorted(r["claims"], key=lambda c: -c["n_documents"])[:MAX_CLAIMS]}
                r["claims"] = [c for c in r["claims"] if id(c) in kept]
            for c in r["claims"]:
                refs = [ref for ref in c["figures"] if ref in figures]
                c["evidence"] = [_evidence(figures[ref]) for ref in refs[:MAX_EVIDENCE]]
                c["more_evidence"] = max(0, len(refs) - MAX_EVIDENCE)
            shown = {id(c) for c in sorted(r["claims"], key=lambda c: -c["n_documents"])[:MAX_CHART_ROWS]}
            r["chart"] = range_chart([c for c in r["claims"] if id(c) in shown])
            if r["chart"]:
                r["chart"]["omitted"] = len(r["claims"]) - len(shown)
        data = {**row, "outcomes": outcomes, "document_details": documents, "checks": checks}
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

    def _event_checks(self, live: str, docs: list[str]) -> list[dict[str, Any]]:
        """:func:`counterclaim.ledger.checks.run_checks` for one event, reading only its documents' figures."""
        db = self.ledger.db
        figures = [_figure(r) for r in db.query(
            _FIGURES + f" WHERE f.doc_id IN ({placeholders(len(docs))}) ORDER BY d.published, f.doc_id, f.seq", docs)]
        return [f for f in checks_of_figures(db, figures) if f["event_id"] == live]

    def document(self, doc_id: str) -> dict[str, Any]:
        """A document's text, metadata, claims (figures, quotes, acts), sources and events."""
        from counterclaim.web.reader import document_claims, segments

        with self.lock:
            db = self.ledger.db
            full = self.ledger.resolve_document(doc_id)
            result = load_result(db, full)
            meta = db.query("SELECT ingested_at, extracted_at, rules_version FROM documents WHERE id = ?", (full,))[0]
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
        """Documents with their counts and events: all, or one page of :data:`DOCUMENTS_PAGE`."""
        rows = self._cached("documents")
        pages = max(1, -(-len(rows) // DOCUMENTS_PAGE))
        if page is None:
            return {"documents": list(rows), "page": None, "pages": pages, "total": len(rows)}
        page = min(max(1, page), pages)
        return {"documents": rows[(page - 1) * DOCUMENTS_PAGE: page * DOCUMENTS_PAGE], "page": page, "pages": pages,
                "total": len(rows)}

    def sources(self) -> list[dict[str, Any]]:
        """Every live source with its counts."""
        return list(self._cached("sources"))

    def source(self, source_id: str, page: int = 1) -> dict[str, Any]:
        """A source and its claims by event, outcome and group (:data:`SOURCE_EVENTS_PAGE` events a page)."""
        with self.lock:
            self._refresh()
            db = self.ledger.db
            live = _sources.resolve_source(db, source_id)
            key = f"source:{live}:{page}"
            if key in self._cache:
                return {**self._cache[key], "requested_id": source_id}
            stamp = self._stamp
            src = db.query("SELECT id, name, kind, country FROM sources WHERE id = ?", (live,))
            if not src:
                raise NotFoundError(LedgerErrors.E111.format(id=source_id))
            spellings = [r["spelling"] for r in db.query(
                "SELECT spelling FROM source_spellings WHERE source_id = ? ORDER BY spelling", (live,))]
            figures = [_figure(r) for r in db.query(
                _FIGURES + " WHERE s.source_id = ? ORDER BY d.published, f.doc_id, f.seq", (live,))]
            by_event: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
            for f in figures:
                by_event[f["event_id"]].append(f)
            keys = sorted(by_event, key=lambda k: (-len(by_event[k]), k or "~"))
            pages = max(1, -(-len(keys) // SOURCE_EVENTS_PAGE))
            page = min(max(1, page), pages)
            keys = keys[(page - 1) * SOURCE_EVENTS_PAGE: page * SOURCE_EVENTS_PAGE]
            named = [k for k in keys if k]
            names = {r["id"]: r["name"] for r in db.query(
                f"SELECT id, name FROM events WHERE id IN ({placeholders(len(named))})", named)}
        events = []
        for event_id in keys:
            rows = compare(by_event[event_id])
            for r in rows:
                r["claims"] = [{k: c[k] for k in ("count", "value", "low", "high", "qualifier", "hedged", "groups",
                                                  "documents", "figures", "first_seen", "last_seen", "source_type")}
                               for c in r["claims"]]
            events.append({"event_id": event_id, "name": names.get(event_id or "", "(no event)"), "outcomes": rows})
        types = sorted({f["source_type"] for f in figures})
        data = {**src[0], "spellings": spellings, "types": types, "claims": len(figures),
                "documents": len({f["doc_id"] for f in figures}), "total_events": len(by_event), "page": page,
                "pages": pages, "events": events}
        self._remember(key, stamp, data)
        return {**data, "requested_id": source_id}

    def search(self, q: str, *, limit: int = 50) -> dict[str, Any]:
        """Documents and quotes matching ``q`` (see :mod:`counterclaim.ledger.search`)."""
        with self.lock:
            return _search.search(self.ledger.db, q, limit=limit)
