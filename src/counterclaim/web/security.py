"""Who may talk to the server and who may change the ledger: host names, form tokens, origins.

**Host names (DNS rebinding).** A page on an attacker's domain that resolves to 127.0.0.1 is,
to the browser, the attacker's own origin: it could read pages and post forms. So every
request's ``Host`` must be a name the server was started for (:class:`HostPolicy`): the
loopback names, the ``--host`` address, and each ``--allowed-host``. A server listening on
every address (``0.0.0.0``, ``::``) also answers to any IP address, which no domain can
rebind. Other names get E210 (421 Misdirected Request).

**Form tokens (CSRF).** Every form carries a token signed with a secret made when the server
starts (:class:`FormTokens`: the issue time and an HMAC-SHA256 of it; valid
:data:`TOKEN_HOURS` hours). A form post without one (E211) or with a bad or old one (E212) is
refused, whatever its headers say; another site can neither read a page to copy a token nor
forge one. The ``/api`` writes keep the bearer-token rule (:func:`check_write`).

**Origins.** A browser marks every request it sends: ``Origin`` must name this server (an
opaque ``null`` origin is refused too) and ``Sec-Fetch-Site`` must be ``same-origin`` (or
``none``: typed by the user), else E203.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets
import time
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi import Request

from counterclaim.errors import WebErrors
from counterclaim.web.errors import WebError

LOOPBACK_NAMES = ("localhost", "localhost.localdomain", "127.0.0.1", "::1")
WILDCARDS = ("0.0.0.0", "::", "")
TOKEN_HOURS = 12
_NAME = re.compile(r"^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$")


def _ip(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return None


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost``."""
    if host.strip("[]").lower().rstrip(".") in ("localhost", "localhost.localdomain"):
        return True
    ip = _ip(host)
    return bool(ip and ip.is_loopback)


def host_name(header: str) -> str:
    """The name of a ``Host`` header, without its port, lower-cased: ``[::1]:8000`` → ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    if header.count(":") == 1:
        header = header.split(":", 1)[0]
    return header.rstrip(".")


class HostPolicy:
    """The host names a server answers to (see the module docstring).

    Args:
        host: the address it listens on (``--host``).
        allowed: more names (``--allowed-host``): host names, IP addresses, or ``*`` for any.

    Raises:
        WebError: E220 an allowed name that is not a host name.
    """

    def __init__(self, host: str, allowed: Iterable[str] = ()) -> None:
        names = {n for n in LOOPBACK_NAMES}
        extra = []
        for value in allowed:
            name = host_name(value)
            if name != "*" and not _ip(name) and not _NAME.match(name):
                raise WebError(WebErrors.E220.format(value=value), 400)
            extra.append(name)
        self.any = "*" in extra
        self.any_ip = host_name(host) in WILDCARDS
        if not self.any_ip:
            names.add(host_name(host))
        names.update(extra)
        self.names = frozenset(names)
        self.shown = [n for n in (host_name(host), *extra) if n not in WILDCARDS and n != "*"] or ["127.0.0.1"]

    def allows(self, header: str | None) -> bool:
        """Whether a request with this ``Host`` header may be answered (no header: not a browser)."""
        if header is None or self.any:
            return True
        name = host_name(header)
        if name in self.names:
            return True
        ip = _ip(name)
        return ip is not None and (ip.is_loopback or self.any_ip)

    def refusal(self, header: str, port: int | None) -> str:
        """The E210 message for a refused ``Host``."""
        suffix = f":{port}" if port else ""
        places = ", ".join(f"http://{'[' + n + ']' if ':' in n else n}{suffix}/" for n in self.shown)
        name = host_name(header)
        return WebErrors.E210.format(host=header[:200], allowed=places, name=name[:200] or "NAME")


class FormTokens:
    """Signed form tokens: ``<issued>.<hmac>``, checked against the secret of this server."""

    def __init__(self, secret: bytes | None = None, *, hours: int = TOKEN_HOURS) -> None:
        self.secret = secret or secrets.token_bytes(32)
        self.max_age = hours * 3600
        self.hours = hours

    def _mac(self, issued: str) -> str:
        digest = hmac.new(self.secret, f"counterclaim-form:{issued}".encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def issue(self, now: float | None = None) -> str:
        """A fresh token."""
        issued = str(int(time.time() if now is None else now))
        return f"{issued}.{self._mac(issued)}"

    def check(self, token: str | None, now: float | None = None) -> None:
        """Refuse a missing (E211), forged, foreign or expired (E212) token."""
        if not token:
            raise WebError(WebErrors.E211.format(), 403)
        issued, _, mac = token.partition(".")
        bad = WebError(WebErrors.E212.format(hours=self.hours), 403)
        if not issued.isascii() or not issued.isdigit() or len(issued) > 12:
            raise bad
        if not hmac.compare_digest(mac.encode("utf-8", "replace"), self._mac(issued).encode("ascii")):
            raise bad
        age = (time.time() if now is None else now) - int(issued)
        if not -300 <= age <= self.max_age:
            raise bad


def check_origin(request: Request) -> None:
    """Refuse a browser request from another site or an opaque origin (E203)."""
    origin = request.headers.get("origin")
    if origin is not None:
        host = request.headers.get("host", "")
        if origin == "null" or urlsplit(origin).netloc.lower() != host.lower():
            raise WebError(WebErrors.E203.format(origin=origin[:200]), 403)
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise WebError(WebErrors.E203.format(origin=f"another site ({site[:40]})"), 403)


def check_write(request: Request, *, form: bool = False, csrf: str | None = None,
                form_token: str | None = None) -> None:
    """Run before every change: origins (E203), the form token for forms (E211/E212), the server's token.

    Args:
        form: the request is a form of the pages (it must carry ``csrf``).
        csrf: the form's signed token.
        form_token: the server's write token typed into a form (``token`` field).

    Raises:
        WebError: E203 another site, E211/E212 the form token, E201/E202 the server's token.
    """
    check_origin(request)
    if form:
        request.app.state.form_tokens.check(csrf)
    token = request.app.state.token
    if token is None:
        return
    given = form_token or request.headers.get("x-counterclaim-token")
    auth = request.headers.get("authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise WebError(WebErrors.E201.format(), 401)
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise WebError(WebErrors.E202.format(), 403)
