"""The application factory: a FastAPI app over one ledger, pages and their JSON twins.

:func:`create_app` keeps no state at module level: the ledger view, the token and the
templates hang on ``app.state``. Pages are read through one read-only connection
(:class:`~counterclaim.web.views.LedgerView`); only the write endpoints
(:mod:`counterclaim.web.writes`) open the ledger for writing, and added documents are
extracted in a worker process (:mod:`counterclaim.web.extractor`). Every response, error
pages included, carries a Content-Security-Policy that allows scripts and styles from this
server only (no inline script or style), so text that slipped through escaping still could
not run; requests must name a host the server was started for, and every form carries a
signed token (:mod:`counterclaim.web.security`, :mod:`counterclaim.web.middleware`).
``HEAD`` is answered like ``GET`` without the body (:class:`HeadAsGet`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from counterclaim.about import __version__
from counterclaim.errors import WebErrors
from counterclaim.present.counts import QUALIFIER_WORDS
from counterclaim.store.db import is_postgres
from counterclaim.store.search import MARK_END, MARK_START, ensure_index
from counterclaim.web import errors
from counterclaim.web.errors import WebError
from counterclaim.web.extractor import Extractor
from counterclaim.web.limits import DEFAULT_MAX_UPLOAD, DEFAULT_TIME_LIMIT
from counterclaim.web.middleware import CSP, SECURITY_HEADERS, Guard, HeadAsGet, SecurityHeaders
from counterclaim.web.reader import STANCE_WORDS
from counterclaim.web.security import FormTokens, HostPolicy, is_loopback
from counterclaim.web.views import LedgerView

HERE = Path(__file__).parent
__all__ = ["CSP", "SECURITY_HEADERS", "HeadAsGet", "create_app", "make_templates"]


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


def _form_token(request: Request) -> dict[str, Any]:
    """Every template gets ``csrf``: a fresh signed token for its forms (see :mod:`.security`)."""
    tokens = getattr(request.app.state, "form_tokens", None)
    return {"csrf": tokens.issue() if tokens else ""}


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping, the app's filters and the form token."""
    templates = Jinja2Templates(directory=str(HERE / "templates"), context_processors=[_form_token])
    env = templates.env
    env.filters["n"] = _number
    env.filters["marks"] = _marks
    env.filters["spread_class"] = _spread_class
    env.filters["qualifier"] = lambda q: QUALIFIER_WORDS.get(q or "", q or "–")
    env.filters["stance"] = lambda s: STANCE_WORDS.get(s or "", s or "–")
    env.globals["version"] = __version__
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)  # compiled now, not on the first request of each page (cold page times)
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


START_PATH = "/.well-known/counterclaim-start"
"""A path no route takes: matched once at start (see :func:`prepare_routes`)."""


async def prepare_routes(app: FastAPI) -> int:
    """Match one request that no route takes, straight through the router, at start; return its status (404).

    FastAPI builds the state of the routes of an included router (their parameter validators)
    when a request first walks them, so the first request of a fresh process paid 20-50 ms
    for it. Walking every router once with a path none of them takes builds it before the
    server takes requests; no ledger is read and nothing of any page is kept.
    """
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        nonlocal status
        if message.get("type") == "http.response.start":
            status = int(message["status"])

    scope: dict[str, Any] = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "path": START_PATH,
        "raw_path": START_PATH.encode(), "query_string": b"", "root_path": "", "scheme": "http", "headers": [],
        "client": None, "server": None}
    await app.router(scope, receive, send)
    return status


def _warm_extractor(extractor: Extractor) -> None:
    try:
        extractor.warm()
    except Exception:  # the first added document will say what is wrong
        import logging

        logging.getLogger("counterclaim.web").exception("starting the extraction worker failed")


def create_app(target: str, *, token: str | None = None, host: str = "127.0.0.1",
               allowed_hosts: Iterable[str] = (), max_upload: int = DEFAULT_MAX_UPLOAD,
               time_limit: float = DEFAULT_TIME_LIMIT, use_ner: bool = True, index: bool = True,
               warm: bool = True) -> FastAPI:
    """The web app for the ledger at ``target`` (a SQLite path or a PostgreSQL URL).

    Args:
        target: the ledger; it must exist (E101), pages never create one.
        token: the token write requests must carry; required when ``host`` is not loopback.
        host: the address the server will listen on (decides whether a token is required, and
            is a host name requests may use).
        allowed_hosts: more host names requests may use besides loopback and ``host``
            (``serve --allowed-host``; ``*`` for any): a proxy's or the machine's public name.
            Requests naming any other host get E210 (DNS rebinding).
        max_upload: the largest document the add page accepts, in bytes.
        time_limit: seconds the add page may spend extracting one document (E214 past it).
        use_ner: find places with the NER model when adding documents.
        index: create the full-text search index at start when the ledger is writable.
        warm: build the overview, lists and checks in a background thread at start and after
            changes (see :class:`~counterclaim.web.views.LedgerView`), and start the extraction
            worker at start rather than with the first added document.

    Raises:
        WebError: E207 a non-loopback host without a token, E220 a bad allowed host name.
        LedgerError: the ledger cannot be opened (E101-E108).
    """
    if not token and not is_loopback(host):
        raise WebError(WebErrors.E207.format(host=host), 400)
    hosts = HostPolicy(host, allowed_hosts)
    target = str(target)
    view = LedgerView(target, warm=warm)  # fails early (E101…) before the server starts, creates nothing
    indexed = prepare_index(target) if index else False
    extractor = Extractor(time_limit=time_limit, use_ner=use_ner)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await prepare_routes(app)
        except Exception:  # the first request will build what this could not
            import logging

            logging.getLogger("counterclaim.web").exception("preparing the routes at start failed")
        if warm:
            threading.Thread(target=_warm_extractor, args=(extractor,), name="counterclaim-extract-warm",
                             daemon=True).start()
        yield
        extractor.close()
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
    app.state.hosts = hosts
    app.state.extractor = extractor
    app.state.form_tokens = FormTokens()
    app.state.templates = make_templates()
    app.add_middleware(Guard, hosts=hosts, max_body=2 * max_upload + 65_536)  # a text and a file, and the form
    app.add_middleware(SecurityHeaders)  # outside the guard: its error pages get the headers too
    app.add_middleware(HeadAsGet)  # added last, so outermost: it sees the headers the others set
    errors.install(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    from counterclaim.web import actions, downloads, routes

    app.include_router(routes.router)
    app.include_router(actions.router)
    app.include_router(downloads.router)
    return app
