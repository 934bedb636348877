"""Writing routes: add a document, merge and split events and sources (each as a form and an API call).

Every one calls :func:`counterclaim.web.security.check_write` first (same site; the signed
form token for forms; the server's token when it has one). The
forms post to the page they belong to (``/events/{id}/merge``, ``/events/{id}/split``,
``/sources/{id}/merge``, ``/sources/{id}/split``) and answer 303 to the event or source
that results; their errors are the app's error page (see :mod:`counterclaim.web.errors`).
"""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from counterclaim.errors import WebErrors
from counterclaim.web import writes
from counterclaim.web.errors import WebError
from counterclaim.web.limits import ALLOWED_SUFFIXES
from counterclaim.web.security import check_origin, check_write

router = APIRouter()


class Merge(BaseModel):
    """Ids to merge, the id to keep (default: the first) and an optional new name."""

    ids: list[str] = Field(min_length=2)
    into: str | None = None
    name: str | None = None


class SplitEvent(BaseModel):
    """Documents (sha256 or unique prefix) to move to a new event."""

    documents: list[str] = Field(min_length=1)
    new_id: str | None = None
    name: str | None = None


class SplitSource(BaseModel):
    """Spellings to move to a new source."""

    spellings: list[str] = Field(min_length=1)
    new_id: str | None = None
    name: str | None = None


ADD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {
        "text": {"type": "string", "description": "the article's text (or give file)"},
        "file": {"type": "string", "format": "binary", "description": "a .txt, .md or .html file"},
        "title": {"type": "string", "description": "a title replacing the document's own"}}}}}}}
"""The add endpoint's form, for the OpenAPI schema (the route parses the form itself, with its limits)."""


async def _add_form(request: Request) -> dict[str, Any]:
    """The add form's fields, parsed with this server's limits (not the parser's 1 MB per field).

    The body as a whole is bounded by :class:`~counterclaim.web.middleware.Guard` (E213); a
    field is allowed that size, so that an oversized paste gets its measured size (E205).
    """
    limit = request.app.state.max_upload
    try:
        form = await request.form(max_files=2, max_fields=20, max_part_size=2 * limit + 65_536)
    except MultiPartException as exc:
        raise WebError(WebErrors.E213.format(size=int(request.headers.get("content-length") or 0),
                                             limit=2 * limit + 65_536) + f" ({exc.message})", 413) from exc
    fields: dict[str, Any] = {"form": form}
    for key in ("text", "title", "token", "csrf", "file"):
        value = form.get(key)
        fields[key] = value if isinstance(value, UploadFile) or key == "file" else (value or "")
    return fields


async def _read_upload(upload: Any, limit: int) -> tuple[bytes, str | None]:
    if not isinstance(upload, UploadFile) or not upload.filename:
        return b"", None
    writes.check_upload(upload.filename, upload.size or 0, limit)
    data = await upload.read(limit + 1)
    writes.check_upload(upload.filename, len(data), limit)
    return data, upload.filename


def _known(request: Request) -> Any:
    view = request.app.state.view

    def known(doc_id: str) -> bool:
        with view.lock:
            return bool(view.ledger.has(doc_id))
    return known


async def _add(request: Request, fields: dict[str, Any]) -> dict[str, Any]:
    limit = request.app.state.max_upload
    data, filename = await _read_upload(fields["file"], limit)
    if not data:
        data = str(fields["text"]).encode("utf-8")
    if not data.strip():
        raise WebError(WebErrors.E206.format(), 400)
    from starlette.concurrency import run_in_threadpool

    result: dict[str, Any] = await run_in_threadpool(
        writes.add_document, request.app.state.target, data, extractor=request.app.state.extractor,
        known=_known(request), filename=filename, title=str(fields["title"]) or None, limit=limit)
    return result


@router.get("/add", response_class=HTMLResponse, include_in_schema=False)
def add_page(request: Request) -> Response:
    """The form to paste or upload a document."""
    return request.app.state.templates.TemplateResponse(request, "add.html", {
        "data": {}, "token_required": request.app.state.token is not None,
        "max_upload": request.app.state.max_upload, "suffixes": ", ".join(ALLOWED_SUFFIXES),
        "time_limit": request.app.state.extractor.time_limit})


@router.post("/add", include_in_schema=False)
async def add_form(request: Request) -> Response:
    """Add from the form, then show the document."""
    check_origin(request)  # before reading the body; the form token is in it
    fields = await _add_form(request)
    try:
        check_write(request, form=True, csrf=str(fields["csrf"]) or None, form_token=str(fields["token"]) or None)
        result = await _add(request, fields)
    finally:
        await fields["form"].close()
    return RedirectResponse(f"/documents/{result['id']}?added={int(result['added'])}", status_code=303)


@router.post("/api/documents", status_code=201, tags=["documents"], openapi_extra=ADD_SCHEMA)
async def add_api(request: Request) -> Any:
    """Add a document (multipart: ``text`` or ``file``, optional ``title``); it is extracted and stored.

    Returns ``{"id", "added", "title", "figures", "quotes", "acts", "events"}``; 200 with
    ``added: false`` when the same text is already stored. Extraction has a time limit
    (E214); the body is bounded (E213).
    """
    check_write(request)
    fields = await _add_form(request)
    try:
        result = await _add(request, fields)
    finally:
        await fields["form"].close()
    return JSONResponse(result, status_code=201 if result["added"] else 200)


@router.post("/api/events/merge", tags=["events"])
def merge_events_api(request: Request, body: Merge) -> Any:
    """Merge events reported as several; returns the surviving id."""
    check_write(request)
    return {"id": writes.merge_events(request.app.state.target, body.ids, into=body.into, name=body.name)}


@router.post("/api/events/{event_id}/split", tags=["events"])
def split_event_api(request: Request, event_id: str, body: SplitEvent) -> Any:
    """Move documents' contributions out of an event; returns the new event's id."""
    check_write(request)
    return {"id": writes.split_event(request.app.state.target, event_id, body.documents, new_id=body.new_id,
                                     name=body.name)}


@router.post("/api/sources/merge", tags=["sources"])
def merge_sources_api(request: Request, body: Merge) -> Any:
    """Merge sources that are one speaker; returns the surviving id."""
    check_write(request)
    return {"id": writes.merge_sources(request.app.state.target, body.ids, into=body.into, name=body.name)}


@router.post("/api/sources/{source_id}/split", tags=["sources"])
def split_source_api(request: Request, source_id: str, body: SplitSource) -> Any:
    """Move spellings of a source to a new source; returns its id."""
    check_write(request)
    return {"id": writes.split_source(request.app.state.target, source_id, body.spellings, new_id=body.new_id,
                                      name=body.name)}


# -- forms on the event and source pages ----------------------------------------------------

def _listed(text: str) -> list[str]:
    """Ids typed into a form: separated by commas or white space, without repeats."""
    return list(dict.fromkeys(i for i in re.split(r"[\s,]+", text) if i))


def _name(text: str) -> str | None:
    """A typed name with its white space tidied; None when blank."""
    return " ".join(text.split())[:300] or None


def _chosen(values: list[str] | None, what: str, kind: str) -> list[str]:
    """The ticked boxes; refuse none ticked (E209)."""
    chosen = [v for v in values or [] if v.strip()]
    if not chosen:
        raise WebError(WebErrors.E209.format(what=what, kind=kind), 400)
    return chosen


def _changed(page: str, live_id: str, change: str) -> RedirectResponse:
    return RedirectResponse(f"/{page}/{quote(live_id, safe='')}?changed={change}", status_code=303)


@router.post("/events/{event_id}/merge", include_in_schema=False)
def merge_events_form(request: Request, event_id: str, ids: Annotated[str, Form()] = "",
                      name: Annotated[str, Form()] = "", token: Annotated[str, Form()] = "",
                      csrf: Annotated[str, Form()] = "") -> Response:
    """Merge the events typed in ``ids`` into this one, then show it."""
    check_write(request, form=True, csrf=csrf or None, form_token=token or None)
    others = [i for i in _listed(ids) if i != event_id]
    survivor = writes.merge_events(request.app.state.target, [event_id, *others], into=event_id, name=_name(name))
    return _changed("events", survivor, "merged")


@router.post("/events/{event_id}/split", include_in_schema=False)
def split_event_form(request: Request, event_id: str, documents: Annotated[list[str] | None, Form()] = None,
                     name: Annotated[str, Form()] = "", new_id: Annotated[str, Form()] = "",
                     token: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "") -> Response:
    """Move the ticked documents out of this event into a new one, then show the new event."""
    check_write(request, form=True, csrf=csrf or None, form_token=token or None)
    chosen = _chosen(documents, "document", "event")
    created = writes.split_event(request.app.state.target, event_id, chosen, new_id=new_id.strip() or None,
                                 name=_name(name))
    return _changed("events", created, "split")


@router.post("/sources/{source_id}/merge", include_in_schema=False)
def merge_sources_form(request: Request, source_id: str, ids: Annotated[str, Form()] = "",
                       name: Annotated[str, Form()] = "", token: Annotated[str, Form()] = "",
                      csrf: Annotated[str, Form()] = "") -> Response:
    """Merge the sources typed in ``ids`` into this one, then show it."""
    check_write(request, form=True, csrf=csrf or None, form_token=token or None)
    others = [i for i in _listed(ids) if i != source_id]
    survivor = writes.merge_sources(request.app.state.target, [source_id, *others], into=source_id,
                                    name=_name(name))
    return _changed("sources", survivor, "merged")


@router.post("/sources/{source_id}/split", include_in_schema=False)
def split_source_form(request: Request, source_id: str, spellings: Annotated[list[str] | None, Form()] = None,
                      name: Annotated[str, Form()] = "", new_id: Annotated[str, Form()] = "",
                      token: Annotated[str, Form()] = "", csrf: Annotated[str, Form()] = "") -> Response:
    """Move the ticked spellings of this source to a new source, then show it."""
    check_write(request, form=True, csrf=csrf or None, form_token=token or None)
    chosen = _chosen(spellings, "spelling", "source")
    created = writes.split_source(request.app.state.target, source_id, chosen, new_id=new_id.strip() or None,
                                  name=_name(name))
    return _changed("sources", created, "split")
