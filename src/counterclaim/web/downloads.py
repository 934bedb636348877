"""CSV and JSON downloads of what the overview, an event page and a source page show.

| page | download | rows (:mod:`counterclaim.present.export`) |
|---|---|---|
| overview | ``/export/events.csv`` / ``.json`` | ``events``: one per event, each outcome's low/best/high |
| event | ``/export/events/{id}.csv`` / ``.json`` | ``figures`` of the event, with document and source |
| source | ``/export/sources/{id}.csv`` / ``.json`` | ``figures`` the source claims, with document and event |

The rows are built by the ledger's export code, the same as ``counterclaim export``; the web
layer only scopes the figures to one event or one source and sends the file. Each download
opens its own read-only connection, so it does not hold up the pages.
"""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response

from counterclaim.errors import WebErrors
from counterclaim.ledger import Ledger
from counterclaim.present.export import write_export
from counterclaim.store import events as _events
from counterclaim.store import sources as _sources
from counterclaim.store.queries import figure_rows
from counterclaim.web.errors import WebError

router = APIRouter()
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


class _Scoped:
    """The ledger seen through one event or one source: what the export builders read."""

    def __init__(self, ledger: Ledger, **where: str) -> None:
        self.ledger = ledger
        self.where = where

    def figures(self) -> list[dict[str, Any]]:
        return figure_rows(self.ledger.db, **self.where)  # type: ignore[arg-type]

    def events(self, *, with_claims: bool = True) -> list[dict[str, Any]]:
        return self.ledger.events(with_claims=with_claims)


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise WebError(WebErrors.E221.format(what="download format", value=fmt[:40], choices="csv, json"), 404)
    return fmt


def _file(data: str, fmt: str, name: str) -> Response:
    safe = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-") or "export"
    return Response(data, media_type=FORMATS[fmt], headers={
        "Content-Disposition": f"attachment; filename=\"{safe}.{fmt}\"; filename*=UTF-8''{quote(safe)}.{fmt}"})


def _export(target: str, fmt: str, table: str, **where: str) -> str:
    out = io.StringIO()
    with Ledger(target, read_only=True) as ledger:
        source: Any = _Scoped(ledger, **where) if where else ledger
        write_export(source, fmt, table=table, out=out)
    text = out.getvalue()
    return text if text or fmt == "csv" else "[]\n"


@router.get("/export/events.{fmt}", tags=["downloads"])
def events_download(request: Request, fmt: str) -> Response:
    """Every event with each outcome's low, best and high (the overview's table), as CSV or JSON."""
    return _file(_export(request.app.state.target, _format(fmt), "events"), fmt, "counterclaim-events")


@router.get("/export/events/{event_id}.{fmt}", tags=["downloads"])
def event_download(request: Request, event_id: str, fmt: str) -> Response:
    """The figures of one event, each with its document, sentence span and source, as CSV or JSON."""
    _format(fmt)
    with Ledger(request.app.state.target, read_only=True) as ledger:
        live = _events.resolve_event(ledger.db, event_id)
    return _file(_export(request.app.state.target, fmt, "figures", event_id=live), fmt, f"event-{live}")


@router.get("/export/sources/{source_id}.{fmt}", tags=["downloads"])
def source_download(request: Request, source_id: str, fmt: str) -> Response:
    """The figures one source claims, each with its document and event, as CSV or JSON."""
    _format(fmt)
    with Ledger(request.app.state.target, read_only=True) as ledger:
        live = _sources.resolve_source(ledger.db, source_id)
    return _file(_export(request.app.state.target, fmt, "figures", source_id=live), fmt, f"source-{live}")
