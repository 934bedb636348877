"""The web app's errors and its one exception handler: JSON under ``/api``, an HTML page elsewhere.

Domain errors become HTTP statuses only here (the library raises
:class:`~counterclaim.errors.CounterclaimError` subclasses with coded messages):
unknown ids (E110-E112) are 404, unusable input 400 (too large 413, binary or an
unsupported type 415), a busy ledger 503, refused writes 401/403.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from counterclaim.errors import CounterclaimError


class WebErrors(StrEnum):
    """Errors of the web server and its write endpoints (``E2xx``)."""

    E201 = ("E201 this server needs a token for changes. Send it as the header 'Authorization: Bearer TOKEN' "
            "(or the form field 'token'); it was set with --token or COUNTERCLAIM_TOKEN.")
    E202 = "E202 the token is wrong. Use the token the server was started with (--token or COUNTERCLAIM_TOKEN)."
    E203 = ("E203 refused a change requested from another site ({origin}). Submit the form from this server's "
            "own pages.")
    E204 = ("E204 {name!r} is not a supported file type. Upload plain text (.txt), Markdown (.md) or HTML "
            "(.html, .htm), at most {limit:,} bytes.")
    E205 = ("E205 the document is {size:,} bytes, over this server's limit of {limit:,} bytes. Split it into "
            "articles, or start the server with a larger --max-upload.")
    E206 = "E206 no document given. Paste the article's text or choose a file to upload."
    E207 = ("E207 refusing to listen on {host} without a token: anyone who can reach it could change the ledger. "
            "Start with --token TOKEN (or set COUNTERCLAIM_TOKEN), or listen on 127.0.0.1.")
    E208 = "E208 {what} needs at least two ids; got {ids!r}."
    E209 = "E209 nothing to split off: tick at least one {what} to move to a new {kind}."

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


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
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message},
                                      status_code=status)


async def handle_domain(request: Request, exc: Exception) -> Response:
    """CounterclaimError → its status, coded message."""
    assert isinstance(exc, CounterclaimError)
    return error_response(request, status_of(exc), exc.message, exc.code)


async def handle_http(request: Request, exc: Exception) -> Response:
    """Starlette's HTTP errors (404 for unknown paths, 405…) in the same shapes."""
    assert isinstance(exc, StarletteHTTPException)
    messages = {404: "no such page. Start from the overview at /.", 405: "this address does not take that method."}
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
