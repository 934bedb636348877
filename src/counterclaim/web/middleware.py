"""The app's ASGI layers, outermost first: :class:`HeadAsGet`, :class:`SecurityHeaders`, :class:`Guard`.

* :class:`HeadAsGet` answers ``HEAD`` as ``GET`` without the body;
* :class:`SecurityHeaders` puts the Content-Security-Policy and its companions on every
  response, error pages included;
* :class:`Guard` refuses a ``Host`` the server was not started for (E210, 421), a body over
  the server's limit (E213, 413; counted as it arrives, so a lying or missing
  ``Content-Length`` does not help), and turns any exception that escaped the routes into
  the app's error page or JSON error (E218, 500) with its traceback in the log. The
  connection stays open: nothing propagates to the server.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counterclaim.errors import WebErrors
from counterclaim.web.errors import WebError, error_response
from counterclaim.web.security import HostPolicy

logger = logging.getLogger("counterclaim.web")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
_ENCODED = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]


class HeadAsGet:
    """Answer ``HEAD`` as ``GET`` would, with the same status and headers but no body.

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


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _ENCODED if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyTooLarge(WebError):
    """A request body over the server's limit (E213)."""


class Guard:
    """Host names, the body limit and the last word on errors (see the module docstring).

    Args:
        app: the app inside.
        hosts: the host names to answer.
        max_body: the largest request body in bytes.
    """

    def __init__(self, app: ASGIApp, *, hosts: HostPolicy, max_body: int) -> None:
        self.app = app
        self.hosts = hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        host = request.headers.get("host")
        if not self.hosts.allows(host):
            port = scope.get("server", (None, None))[1] if scope.get("server") else None
            await error_response(request, 421, self.hosts.refusal(host or "", port), "E210")(scope, receive, send)
            return
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            message = WebErrors.E213.format(size=int(length), limit=self.max_body)
            await error_response(request, 413, message, "E213")(scope, receive, send)
            return
        state: dict[str, Any] = {"started": False, "ended": False, "received": 0}

        async def counted_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_body:
                    raise BodyTooLarge(WebErrors.E213.format(size=state["received"], limit=self.max_body), 413)
            return message

        async def tracked_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            elif message["type"] == "http.response.body" and not message.get("more_body", False):
                state["ended"] = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except Exception as exc:  # the last word: log it for the admin, answer the user properly
            logger.exception("unhandled error answering %s %s", scope.get("method"), scope.get("path"))
            if state["started"]:
                if not state["ended"]:
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            status, message, code = (exc.status, exc.message, exc.code) if isinstance(exc, WebError) else \
                (500, WebErrors.E218.format(error=type(exc).__name__), "E218")
            try:
                response = error_response(request, status, message, code)
            except Exception:  # the error page itself failed: the JSON shape needs no template
                logger.exception("rendering the error page failed")
                response = JSONResponse({"error": {"status": status, "code": code, "message": message}}, status)
            await response(scope, receive, send)
