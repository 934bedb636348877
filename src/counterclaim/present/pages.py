"""Page data shared by the CLI and the web: the event page is built here, once.

:func:`event_page` is what ``counterclaim event ID`` prints and what ``/events/{id}`` (and its
JSON twin) renders. Each comparison row (:mod:`counterclaim.reconcile.compare`) lists its
claims grouped by role — whole-incident tolls first, then partial counts and breakdowns under
them, then denied figures, background tolls and figures of undecided kind — each claim
labelled with its kind and stance and quoted with its sentences. Revisions read "1,000 → 613,
per …". There is no "best" figure on any page: low and high come from asserted whole-incident
tolls only, and the disagreement badge compares only those.
"""

from __future__ import annotations

from typing import Any

from counterclaim.analysis.countries import country_name
from counterclaim.analysis.kinds import KIND_LABELS
from counterclaim.errors import LedgerErrors, NotFoundError
from counterclaim.reconcile.compare import ROLES, compare, with_roles
from counterclaim.store import events as _events
from counterclaim.store import sources as _sources
from counterclaim.store.db import Database
from counterclaim.store.queries import (
    document_details,
    event_ids_like,
    event_names,
    event_places,
    figure_rows,
    figure_sentences,
    source_figures,
    source_row,
    source_summary,
)
from counterclaim.store.summaries import stored_checks, stored_comparison

MAX_EVIDENCE = 3
MAX_CLAIMS = 30
STANCE_LABELS = {"asserted": "asserted", "hedged": "reported with distance", "denied": "denied",
                 "rejected": "rejected as false"}
ROLE_LABELS = {"whole": "whole-incident tolls", "partial": "partial counts and breakdowns (not the whole toll)",
               "denied": "denied or rejected figures", "background": "background tolls (not this incident's)",
               "undecided": "figures of undecided kind"}


def resolve(db: Database, event_id: str) -> str:
    """The live id of an event; an unknown id that matches others raises E118 naming them.

    Raises:
        NotFoundError: E110 no such event, E118 a partial id (with the ids it matches).
    """
    try:
        return _events.resolve_event(db, event_id)
    except NotFoundError:
        matches = event_ids_like(db, event_id)
        if matches:
            raise NotFoundError(LedgerErrors.E118.format(id=event_id, ids=", ".join(matches[:5]),
                                                                first=matches[0])) from None
        raise


def _claims(row: dict[str, Any], all_claims: bool) -> None:
    """Keep a row's claims to show (the most documented :data:`MAX_CLAIMS` unless ``all_claims``), label them."""
    from counterclaim.web.chart import range_chart

    row["claims_total"] = len(row["claims"])
    order = {r: i for i, r in enumerate(ROLES)}  # whole-incident tolls first, their parts under them, then the rest
    if not all_claims and len(row["claims"]) > MAX_CLAIMS:
        # the whole-incident tolls are kept before any partial count, however few documents repeat them
        ranked = sorted(row["claims"], key=lambda c: (order.get(c["role"], len(order)), -c["n_documents"]))
        kept = {id(c) for c in ranked[:MAX_CLAIMS]}
        row["claims"] = [c for c in row["claims"] if id(c) in kept]
    row["claims"].sort(key=lambda c: order.get(c["role"], len(order)))
    for c in row["claims"]:
        c["more_evidence"] = max(0, len(c["figures"]) - MAX_EVIDENCE)
        c["kind_label"] = KIND_LABELS.get(c["kind"], c["kind"] or "kind undecided")
        c["stance_label"] = STANCE_LABELS.get(c["stance"], c["stance"])
    with_roles(row)  # the claims of each role, among those shown
    row["sections"] = [{"role": r, "label": ROLE_LABELS[r], "claims": row[r]} for r in ROLES if row[r]]
    row["chart"] = range_chart([c for c in row["whole"] if c["stance"] != "denied"][:40])
    if row["chart"]:
        row["chart"]["omitted"] = max(0, len(row["whole"]) - 40)


def _evidence(db: Database, outcomes: list[dict[str, Any]], documents: list[dict[str, Any]]) -> None:
    """Each shown claim's first sentences (:data:`MAX_EVIDENCE`), read for those claims only."""
    docs = {d["id"]: d for d in documents}
    full = {d[:12]: d for d in docs}
    wanted: list[tuple[str, str]] = []
    for r in outcomes:
        for c in r["claims"]:
            refs = [ref.split(":", 1) for ref in c["figures"][:MAX_EVIDENCE]]
            c["evidence"] = [(full.get(short, short), fid) for short, fid in refs]
            wanted += c["evidence"]
    found = figure_sentences(db, wanted)
    for r in outcomes:
        for c in r["claims"]:
            out = []
            for doc_id, fid in c["evidence"]:
                f = found.get((doc_id, fid))
                if f is None:
                    continue
                d = docs.get(doc_id, {})
                out.append({"doc_id": doc_id, "fid": fid, "title": d.get("title"), "published": d.get("published"),
                            "text": f["text"], "sentence": " ".join((f["sentence"] or f["text"]).split())})
            c["evidence"] = out


def event_page(db: Database, event_id: str, *, all_claims: bool = False) -> dict[str, Any]:
    """One event: where and when, documents, per outcome and group the claims by role, checks.

    The comparison is the one the ledger keeps for the event (recomputed whenever the event
    changes); only the sentences shown are read.

    Raises:
        NotFoundError: E110 / E118 (see :func:`resolve`).
    """
    live = resolve(db, event_id)
    [row] = _events.event_rows(db, live)
    outcomes = stored_comparison(db, live)
    if outcomes is None:  # not stored (a ledger being changed right now): compute it
        outcomes = compare(figure_rows(db, event_id=live))
    for r in outcomes:
        _claims(r, all_claims)
    documents = document_details(db, row["documents"])
    _evidence(db, outcomes, documents)
    where = event_places(db, live)
    code = where.get("country")
    return {**row, **where, "country_name": country_name(code).removeprefix("the ") if code else None,
            "requested_id": event_id, "outcomes": outcomes, "document_details": documents,
            "checks": stored_checks(db, live)}


SOURCE_EVENTS_PAGE = 25
_SOURCE_CLAIM_KEYS = ("count", "value", "low", "high", "qualifier", "hedged", "stance", "kind", "kind_reason", "role",
                      "superseded", "groups", "documents", "figures", "first_seen", "last_seen", "source_type")


def source_page(db: Database, source_id: str, page: int = 1) -> dict[str, Any]:
    """A source and its claims by event, outcome and group, :data:`SOURCE_EVENTS_PAGE` events a page
    (the events where it claims most first); only that page's figures are read.

    Raises:
        NotFoundError: E111 no such source.
    """
    live = _sources.resolve_source(db, source_id)
    src = source_row(db, live)
    if src is None:
        raise NotFoundError(LedgerErrors.E111.format(id=source_id))
    summary = source_summary(db, live)
    keys = [e for e, _ in summary["events"]]
    pages = max(1, -(-len(keys) // SOURCE_EVENTS_PAGE))
    page = min(max(1, page), pages)
    keys = keys[(page - 1) * SOURCE_EVENTS_PAGE: page * SOURCE_EVENTS_PAGE]
    by_event: dict[str | None, list[dict[str, Any]]] = {k: [] for k in keys}
    figures = source_figures(db, live, keys, sentences=True)
    for f in figures:
        by_event.setdefault(f["event_id"], []).append(f)
    names = event_names(db, [k for k in keys if k])
    events = []
    for event_id in keys:
        rows = compare(by_event[event_id])
        for r in rows:
            for role in ROLES:
                r.pop(role, None)
            r["claims"] = [{k: c.get(k) for k in _SOURCE_CLAIM_KEYS} for c in r["claims"]]
        events.append({"event_id": event_id, "name": names.get(event_id or "", "(no event)"), "outcomes": rows})
    _source_evidence(events, figures)
    return {**src, "types": summary["types"], "claims": summary["claims"], "documents": summary["documents"],
            "total_events": len(summary["events"]), "page": page, "pages": pages, "events": events,
            "requested_id": source_id}


SOURCE_EVIDENCE = 5
"""Sentences shown per claim on a source page (``more_evidence`` counts the rest)."""


def _source_evidence(events: list[dict[str, Any]], figures: list[dict[str, Any]]) -> None:
    """Each claim's first :data:`SOURCE_EVIDENCE` sentences with their documents' titles and dates,
    from the page's figure rows (read with their sentences: nothing more is read)."""
    by_ref = {f"{f['doc_id'][:12]}:{f['fid']}": f for f in figures}
    for c in (c for e in events for r in e["outcomes"] for c in r["claims"]):
        shown = []
        for ref in c["figures"][:SOURCE_EVIDENCE]:
            f = by_ref.get(ref)
            if f is not None:
                shown.append({"doc_id": f["doc_id"], "fid": f["fid"], "title": f["title"], "published": f["published"],
                              "sentence": " ".join((f["sentence"] or f["text"]).split())})
        c["evidence"] = shown
        c["more_evidence"] = max(0, len(c["figures"]) - SOURCE_EVIDENCE)
