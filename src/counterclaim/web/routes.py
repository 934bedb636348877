"""Reading routes: each page and its ``/api`` twin render the same dict from :mod:`.views`.

| page | JSON twin |
|---|---|
| ``/`` overview | ``/api/overview`` (and ``/api/events``) |
| ``/events/{id}`` | ``/api/events/{id}`` |
| ``/documents`` | ``/api/documents`` |
| ``/documents/{sha256}`` | ``/api/documents/{sha256}`` |
| ``/sources`` | ``/api/sources`` |
| ``/sources/{id}`` | ``/api/sources/{id}`` |
| ``/search?q=`` | ``/api/search?q=`` |
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from counterclaim.errors import WebErrors
from counterclaim.records import OUTCOMES, SOURCE_TYPES
from counterclaim.store.queries import figure_rows
from counterclaim.web import filters
from counterclaim.web.errors import WebError
from counterclaim.web.limits import MAX_QUERY_CHARS
from counterclaim.web.views import LedgerView

router = APIRouter()


def _bounded(text: str, what: str) -> str:
    """A filter or search text, refused over :data:`MAX_QUERY_CHARS` characters (E219) before any query runs."""
    if len(text) > MAX_QUERY_CHARS:
        raise WebError(WebErrors.E219.format(what=what, size=len(text), limit=MAX_QUERY_CHARS), 400)
    return text


def _view(request: Request) -> LedgerView:
    view: LedgerView = request.app.state.view
    return view


def _page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> HTMLResponse:
    context = {"data": data, "token_required": request.app.state.token is not None, **extra}
    return request.app.state.templates.TemplateResponse(request, template, context)


# -- overview ------------------------------------------------------------------------------

def _overview(request: Request, sort: str, page: int, q: str, outcome: str, year: str,
              country: str = "", source_type: str = "") -> dict[str, Any]:
    """The overview's data, filtered by outcome, year, country and source type when asked (:mod:`.filters`)."""
    view, q = _view(request), _bounded(q, "filter text")
    source_type = source_type.strip()
    if source_type and source_type not in SOURCE_TYPES:
        raise WebError(WebErrors.E221.format(what="source type", value=source_type[:60],
                                             choices=", ".join(SOURCE_TYPES)), 400)
    typed = view.events_with_source_type(source_type) if source_type else None  # read only when asked for
    filtered = filters.filter_overview(lambda n: view.overview(sort=sort, page=n, q=q), outcome=outcome, year=year,
                                       country=country, typed=typed, page=page)
    data = filtered or view.overview(sort=sort, page=page, q=q)
    chosen = {"outcome": outcome.strip(), "year": year.strip(), "country": country.strip()[:60],
              "source_type": source_type}
    return {**data, "filters": chosen, "outcomes": list(OUTCOMES), "source_types": list(SOURCE_TYPES)}


def _source_countries(request: Request, data: dict[str, Any]) -> dict[str, str]:
    """The country code of each source claiming a figure on an event page, by source id.

    Read for those sources alone: building the whole source list here made the first event page
    of a fresh server (or the first after a change) wait for every source's counts.
    """
    ids = {c["source_id"] for r in data["outcomes"] for c in r["claims"] if c.get("source_id")}
    return _view(request).source_countries(sorted(ids))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request, sort: str = "documents", page: int = Query(1, ge=1), q: str = "",
                  outcome: str = "", year: str = "", country: str = "", source_type: str = "") -> Response:
    """Events with their toll ranges and spreads; corpus counts; filters; search box."""
    return _page(request, "overview.html", _overview(request, sort, page, q, outcome, year, country, source_type))


@router.get("/api/overview", tags=["pages"])
def overview_api(request: Request, sort: str = "documents", page: int = Query(1, ge=1), q: str = "",
                 outcome: str = "", year: str = "", country: str = "", source_type: str = "") -> Any:
    """The overview's data: ``counts``, one page of ``events`` (50), ``page``, ``pages``, ``total_events``.

    ``outcome`` keeps events with a whole toll for that outcome, ``year`` the events of that year,
    ``country`` the events in that country (code or name), ``source_type`` the events where a
    source of that type claims a figure.
    """
    return _overview(request, sort, page, q, outcome, year, country, source_type)


@router.get("/api/events", tags=["events"])
def events_api(request: Request, sort: str = "documents", page: int = Query(1, ge=1), q: str = "",
               outcome: str = "", year: str = "", country: str = "", source_type: str = "") -> Any:
    """One page of events (as on the overview), each with its death toll row and other outcomes."""
    data = _overview(request, sort, page, q, outcome, year, country, source_type)
    return {k: data[k] for k in ("events", "page", "pages", "total_events", "sort", "q")}


# -- events --------------------------------------------------------------------------------

@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
def event_page(request: Request, event_id: str, all: int = 0, outcome: str = "", source_type: str = "",
               year: str = "", country: str = "") -> Response:
    """An event: per outcome, each source's figures side by side, a range chart, sentences, checks."""
    data = _view(request).event(event_id, all_claims=bool(all))
    if data["id"] != event_id:  # a merged id: show the event it was merged into
        query = request.url.query
        return RedirectResponse(f"/events/{data['id']}" + (f"?{query}" if query else ""), status_code=307)
    return _page(request, "event.html", filters.filter_event(
        data, outcome=outcome, source_type=source_type, year=year, country=country,
        countries=_source_countries(request, data)))


@router.get("/api/events/{event_id}", tags=["events"])
def event_api(request: Request, event_id: str, all: int = 0, outcome: str = "", source_type: str = "",
              year: str = "", country: str = "") -> Any:
    """An event with ``outcomes`` (claims with their ``evidence`` sentences and a ``chart``) and ``checks``.

    A row lists the 60 claims found in most documents (``claims_total`` counts them all); ``all=1`` lists all.
    ``outcome``, ``source_type``, ``year`` and ``country`` (the source's) keep the matching rows and claims
    (``choices`` lists the values).
    """
    data = _view(request).event(event_id, all_claims=bool(all))
    return filters.filter_event(data, outcome=outcome, source_type=source_type, year=year, country=country,
                                countries=_source_countries(request, data))


# -- documents -----------------------------------------------------------------------------

@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def documents_page(request: Request, page: int = Query(1, ge=1)) -> Response:
    """Stored documents, 100 a page."""
    return _page(request, "documents.html", _view(request).documents(page))


@router.get("/api/documents", tags=["documents"])
def documents_api(request: Request, response: Response, page: int | None = Query(None, ge=1)) -> Any:
    """Documents: id (sha256), metadata, counts of figures, quotes and acts, events.

    All of them as a JSON array, or with ``page`` the 100 of that page (as on /documents);
    the header ``X-Total-Count`` gives the number of documents.
    """
    data = _view(request).documents(page)
    response.headers["X-Total-Count"] = str(data["total"])
    return data["documents"]


def _document_json(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "segments"}


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, doc_id: str, added: int = 0) -> Response:
    """The reader: the text with its figures, quotes, sources and acts highlighted; the claims beside."""
    data = _view(request).document(doc_id)
    if data["id"] != doc_id:
        return RedirectResponse(f"/documents/{data['id']}", status_code=307)
    return _page(request, "document.html", data, added=bool(added))


@router.get("/api/documents/{doc_id}", tags=["documents"])
def document_api(request: Request, doc_id: str) -> Any:
    """A document's metadata, text, ``claims`` (figures, sources, quotes, acts with spans) and events."""
    return _document_json(_view(request).document(doc_id))


# -- sources -------------------------------------------------------------------------------

@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(request: Request, page: int = Query(1, ge=1)) -> Response:
    """Normalised sources, 100 a page."""
    return _page(request, "sources.html", _view(request).sources(page))


@router.get("/api/sources", tags=["sources"])
def sources_api(request: Request, response: Response, page: int | None = Query(None, ge=1)) -> Any:
    """Live sources: id, name, kind, types, spellings, claim and document counts, events.

    All of them as a JSON array, or with ``page`` the 100 of that page (as on /sources);
    the header ``X-Total-Count`` gives the number of sources.
    """
    data = _view(request).sources(page)
    response.headers["X-Total-Count"] = str(data["total"])
    return data["sources"]


@router.get("/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source_page(request: Request, source_id: str, page: int = Query(1, ge=1)) -> Response:
    """Every claim of a source, by event (25 events a page)."""
    data = _view(request).source(source_id, page)
    if data["id"] != source_id:
        return RedirectResponse(f"/sources/{data['id']}", status_code=307)
    return _page(request, "source.html", _with_evidence(request, data))


@router.get("/api/sources/{source_id}", tags=["sources"])
def source_api(request: Request, source_id: str, page: int = Query(1, ge=1)) -> Any:
    """A source with its spellings and, per event, outcome and group, its claims (25 events a page).

    Each claim carries ``evidence``: the sentences it was found in, with their documents' titles and dates.
    """
    return _with_evidence(request, _view(request).source(source_id, page))


MAX_SOURCE_EVIDENCE = 5
"""Sentences shown per claim on a source page (``more_evidence`` counts the rest)."""


def _with_evidence(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    """A source page's data with each claim's sentences, document titles and dates (``evidence``).

    Read for the documents of this page only (:func:`~counterclaim.store.queries.figure_rows`);
    the view's cached data is copied, never changed.
    """
    claims = [c for e in data["events"] for r in e["outcomes"] for c in r["claims"]]
    ids = sorted({d for c in claims for d in c["documents"]})
    if not ids or all("evidence" in c for c in claims):
        return data
    view = _view(request)
    with view.lock:
        rows = figure_rows(view.ledger.db, doc_ids=ids, sentences=True)
    found = {f"{r['doc_id'][:12]}:{r['fid']}": r for r in rows}

    def evidence(claim: dict[str, Any]) -> dict[str, Any]:
        refs = [found[ref] for ref in claim.get("figures", []) if ref in found]
        shown = [{"doc_id": r["doc_id"], "fid": r["fid"], "title": r["title"], "published": r["published"],
                  "sentence": " ".join((r.get("sentence") or r["text"]).split())} for r in refs[:MAX_SOURCE_EVIDENCE]]
        return {**claim, "evidence": shown, "more_evidence": max(0, len(refs) - MAX_SOURCE_EVIDENCE)}

    events = [{**e, "outcomes": [{**r, "claims": [evidence(c) for c in r["claims"]]} for r in e["outcomes"]]}
              for e in data["events"]]
    return {**data, "events": events}


# -- search --------------------------------------------------------------------------------

@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(request: Request, q: str = "") -> Response:
    """Full-text search over documents and quotes."""
    return _page(request, "search.html", _view(request).search(_bounded(q, "search text")))


@router.get("/api/search", tags=["search"])
def search_api(request: Request, q: str = "", limit: int = Query(50, ge=1, le=200)) -> Any:
    """Documents and quotes holding every word of ``q`` (at most 500 characters).

    Snippets mark matches with U+E000…U+E001.
    """
    return _view(request).search(_bounded(q, "search text"), limit=limit)
