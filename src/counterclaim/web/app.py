"""The application factory: a FastAPI app over one ledger, pages and their JSON twins.

:func:`create_app` keeps no state at module level: the ledger view, the token and the
templates hang on ``app.state``. Pages are read through one read-only connection
(:class:`~counterclaim.web.views.LedgerView`); only the write endpoints
(:mod:`counterclaim.web.writes`) open the ledger for writing. Every response carries a
Content-Security-Policy that allows scripts and styles from this server only (no inline
script or style), so text that slipped through escaping still could not run. ``HEAD`` is
answered like ``GET`` without the body (:class:`HeadAsGet`).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterclaim.about import __version__
from counterclaim.errors import WebErrors
from counterclaim.ledger.db import is_postgres
from counterclaim.ledger.search import MARK_END, MARK_START, ensure_index
from counterclaim.web import errors
from counterclaim.web.errors import WebError
from counterclaim.web.limits import DEFAULT_MAX_UPLOAD
from counterclaim.web.views import LedgerView
from counterclaim.web.writes import is_loopback

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def _marks(text: str | None) -> Markup:
    """A search snippet: escaped, then its match marks turned into ``<mark>``."""
    safe = str(escape(text or ""))
    return Markup(safe.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _spread_class(spread: float | None) -> str:
    if spread is None:
        return "none"
    if spread <= 1.25:
        return "agree"
    if spread <= 2:
        return "low"
    if spread <= 10:
        return "mid"
    return "high"


class HeadAsGet:
    """ASGI middleware: answer ``HEAD`` as ``GET`` would, with the same status and headers but no body.

    FastAPI's GET routes do not take HEAD (they answer 405); this runs a HEAD request as GET
    and drops what the response would send as its body, so every page, API route and static
    file answers HEAD, security headers and ``Content-Length`` included.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] in ("http.response.body", "http.response.pathsend"):
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping and the app's filters."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.filters["n"] = _number
    env.filters["marks"] = _marks
    env.filters["spread_class"] = _spread_class
    env.globals["version"] = __version__
    return templates


def prepare_index(target: str) -> bool:
    """Create the full-text index once, through a short-lived writable connection.

    Returns False when the ledger cannot be written (search then falls back to LIKE).
    """
    from counterclaim.ledger import Ledger, LedgerError

    if not is_postgres(target) and not os.access(target, os.W_OK):
        return False
    try:
        with Ledger(target) as writer:
            ensure_index(writer.db)
    except LedgerError:
        return False
    return True


def create_app(target: str, *, token: str | None = None, host: str = "127.0.0.1",
               max_upload: int = DEFAULT_MAX_UPLOAD, use_ner: bool = True, index: bool = True,
               warm: bool = True) -> FastAPI:
    """The web app for the ledger at ``target`` (a SQLite path or a PostgreSQL URL).

    Args:
        target: the ledger; it must exist (E101), pages never create one.
        token: the token write requests must carry; required when ``host`` is not loopback.
        host: the address the server will listen on (decides whether a token is required).
        max_upload: the largest document the add page accepts, in bytes.
        use_ner: find places with the NER model when adding documents.
        index: create the full-text search index at start when the ledger is writable.
        warm: build the overview, lists and checks in a background thread at start and after
            changes (see :class:`~counterclaim.web.views.LedgerView`).

    Raises:
        WebError: E207 a non-loopback host without a token.
        LedgerError: the ledger cannot be opened (E101-E108).
    """
    if not token and not is_loopback(host):
        raise WebError(WebErrors.E207.format(host=host), 400)
    target = str(target)
    view = LedgerView(target, warm=warm)  # fails early (E101…) before the server starts, creates nothing
    indexed = prepare_index(target) if index else False

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        view.close()

    app = FastAPI(title="counterclaim", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Who says how many: casualty figures by event and source, with the documents "
                              "and sentences they come from. Every HTML page has a JSON twin under /api.")
    app.state.view = view
    app.state.target = target
    app.state.token = token or None
    app.state.max_upload = max_upload
    app.state.use_ner = use_ner
    app.state.indexed = indexed
    app.state.templates = make_templates()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    app.add_middleware(HeadAsGet)  # added last, so outermost: it sees the headers the others set
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    from counterclaim.web import actions, routes

    app.include_router(routes.router)
    app.include_router(actions.router)
    return app
