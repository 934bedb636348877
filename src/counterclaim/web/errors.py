"""The web app's errors and its one exception handler: JSON under ``/api``, an HTML page elsewhere.

Domain errors become HTTP statuses only here (the library raises
:class:`~counterclaim.errors.CounterclaimError` subclasses with coded messages):
unknown ids (E110-E112) are 404, unusable input 400 (too large 413, binary or an
unsupported type 415), a busy ledger 503, refused writes 401/403.

Pages speak to people in a browser, not at a terminal: :func:`for_people` drops the
sentences of a message that name CLI commands or options and adds what to do on the web
(the JSON errors under ``/api`` keep the whole message).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from counterclaim.errors import CounterclaimError


class WebError(CounterclaimError):
    """An error of the web layer with its HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


_STATUS_BY_CODE = {"E110": 404, "E111": 404, "E112": 404, "E005": 413, "E004": 415, "E108": 503, "E010": 503}


def status_of(exc: CounterclaimError) -> int:
    """The HTTP status of a domain error."""
    if isinstance(exc, WebError):
        return exc.status
    return _STATUS_BY_CODE.get(exc.code, 400)


_CLI = re.compile(r"counterclaim |--[a-z]|pip install|COUNTERCLAIM_")
_SENTENCE = re.compile(r"(?<=\.)\s+(?=[A-Z])")
WEB_HINTS = {
    "E108": "The ledger is busy with another change: try again in a moment.",
    "E110": "Find the event on the overview or with the search box; merged events move to a new id.",
    "E111": "Find the source on the sources page.",
    "E112": "Find the document on the documents page or with the search box.",
    "E113": "The event's page lists its documents.",
    "E115": "Choose another id.",
    "E116": "The source's page lists its spellings.",
    "E201": "Type the server's token into the form's Token field; whoever runs the server has it.",
    "E202": "Type the token whoever runs the server gave you.",
    "E205": "Split it into shorter articles and add them one by one.",
}
"""What to do, on the web, for messages whose own advice is a command line."""


def for_people(message: str, code: str | None) -> str:
    """A message for a page: its sentences that name commands or options dropped, a web hint added."""
    if not _CLI.search(message):
        return message
    kept = [s for s in _SENTENCE.split(message) if not _CLI.search(s)]
    text = " ".join(kept).rstrip(" ;:,")
    if text and text[-1] not in ".!?)":
        text += "."
    hint = WEB_HINTS.get(code or "")
    return f"{text} {hint}" if hint else text


def wants_json(request: Request) -> bool:
    """Whether the error should be JSON: API paths, or a client that asks only for JSON."""
    path = request.url.path
    accept = request.headers.get("accept", "")
    return path.startswith("/api/") or path == "/openapi.json" or (
        "application/json" in accept and "text/html" not in accept)


def error_response(request: Request, status: int, message: str, code: str | None = None,
                   detail: Any = None) -> Response:
    """The one place that decides between a JSON body and an HTML page for an error."""
    if wants_json(request):
        body: dict[str, Any] = {"error": {"status": status, "code": code, "message": message}}
        if detail is not None:
            body["error"]["detail"] = detail
        return JSONResponse(body, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code,
                                                              "message": for_people(message, code)},
                                      status_code=status)


async def handle_domain(request: Request, exc: Exception) -> Response:
    """CounterclaimError → its status, coded message."""
    assert isinstance(exc, CounterclaimError)
    return error_response(request, status_of(exc), exc.message, exc.code)


async def handle_http(request: Request, exc: Exception) -> Response:
    """Starlette's HTTP errors (404 for unknown paths, 405…) in the same shapes."""
    assert isinstance(exc, StarletteHTTPException)
    messages = {404: "no such page here. Start from the overview, or search for what you are looking for.",
                405: "this address does not take that method."}
    message = exc.detail if isinstance(exc.detail, str) and exc.status_code not in messages else \
        messages.get(exc.status_code, str(exc.detail))
    return error_response(request, exc.status_code, message)


async def handle_validation(request: Request, exc: Exception) -> Response:
    """Bad parameters (422) with the fields that are wrong."""
    assert isinstance(exc, RequestValidationError)
    fields = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")} for e in exc.errors()]
    text = "; ".join(f"{f['where']}: {f['problem']}" for f in fields)
    return error_response(request, 422, f"bad request parameters: {text}", detail=fields)


def install(app: Any) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(CounterclaimError, handle_domain)
    app.add_exception_handler(StarletteHTTPException, handle_http)
    app.add_exception_handler(RequestValidationError, handle_validation)
