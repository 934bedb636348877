"""``counterclaim serve``: the web interface and HTTP API over a ledger.

Like the ledger's commands it is a thin adapter: errors become one line ``error: <message>``
and the error's exit code (E101 no ledger: 3; E207 a non-loopback host without a token: 1;
E031 the port is taken or the address cannot be used: 1). The listening socket is bound
before anything is printed, so "serving on …" always means that the server is listening.
"""

from __future__ import annotations

import errno
import socket

import click

from counterclaim.errors import Errors, InputError
from counterclaim.ledger.commands import DB_OPTION, edge
from counterclaim.web.limits import DEFAULT_MAX_UPLOAD, DEFAULT_TIME_LIMIT

_WHY = {errno.EADDRINUSE: "the port is already in use",
        errno.EADDRNOTAVAIL: "that address does not belong to this machine",
        errno.EACCES: "permission denied (ports below 1024 need administrator rights)"}


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (port 0: any free port), as uvicorn would open it.

    Raises:
        InputError: E031 the port is taken, the address is not this machine's, or the host
            name cannot be resolved.
    """
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except socket.gaierror as exc:
        raise InputError(Errors.E031.format(host=host, port=port, detail=f"unknown host name ({exc.strerror})")) \
            from exc
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn: reuse a port left in TIME_WAIT
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        detail = _WHY.get(exc.errno or 0, exc.strerror or str(exc))
        raise InputError(Errors.E031.format(host=host, port=port, detail=detail)) from exc
    sock.set_inheritable(True)
    return sock


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; the one chosen is printed).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="HOST",
              help="A host name requests may use besides loopback names and --host, e.g. the name of a proxy "
                   "in front of the server or the machine's public name; repeatable; * allows any (not "
                   "recommended). Requests naming any other host are refused (DNS rebinding).")
@click.option("--token", default=None, envvar="COUNTERCLAIM_TOKEN", show_envvar=True,
              help="Token that adding documents and merging/splitting must carry (Authorization: Bearer TOKEN).")
@click.option("--max-upload", default=DEFAULT_MAX_UPLOAD, show_default=True, type=click.IntRange(1),
              help="Largest document the add page accepts, in bytes.")
@click.option("--time-limit", default=DEFAULT_TIME_LIMIT, show_default=True, type=click.FloatRange(min=1),
              help="Seconds the add page may spend extracting one document.")
@click.option("--no-ner", is_flag=True, help="Find places without the NER model when adding documents.")
@edge
def serve(db: str, host: str, port: int, allowed_hosts: tuple[str, ...], token: str | None, max_upload: int,
          time_limit: float, no_ner: bool) -> None:
    """Serve the ledger's pages (overview, events, documents, sources, search, add) and their /api twins.

    Pages read the ledger through a read-only connection; only adding a document and
    merging or splitting events and sources write. On any address but loopback, changes
    need the token (refused to start without one). Requests must name this server's host:
    loopback, --host or an --allowed-host. The OpenAPI schema is at /openapi.json.
    """
    import uvicorn

    from counterclaim.web import create_app

    sock = bind_socket(host, port)  # before anything else: a busy port fails first, and nothing is printed
    try:
        app = create_app(db, token=token, host=host, allowed_hosts=allowed_hosts, max_upload=max_upload,
                         time_limit=time_limit, use_ner=not no_ner)
        bound = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"counterclaim: serving {app.state.view.ledger.db.label} on http://{shown}:{bound}/"
                   + (" (changes need the token)" if token else ""), err=True)
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=bound, log_level="warning"))
        server.run(sockets=[sock])
    finally:
        sock.close()
