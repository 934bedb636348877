"""``counterclaim serve``: the web interface and HTTP API over a ledger.

Like the ledger's commands it is a thin adapter: errors become one line ``error: <message>``
and the error's exit code (E101 no ledger: 3; E207 a non-loopback host without a token: 1).
"""

from __future__ import annotations

import click

from counterclaim.ledger.commands import DB_OPTION, edge
from counterclaim.web.limits import DEFAULT_MAX_UPLOAD


@click.command("serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", default=None, envvar="COUNTERCLAIM_TOKEN", show_envvar=True,
              help="Token that adding documents and merging/splitting must carry (Authorization: Bearer TOKEN).")
@click.option("--max-upload", default=DEFAULT_MAX_UPLOAD, show_default=True, type=click.IntRange(1),
              help="Largest document the add page accepts, in bytes.")
@click.option("--no-ner", is_flag=True, help="Find places without the NER model when adding documents.")
@edge
def serve(db: str, host: str, port: int, token: str | None, max_upload: int, no_ner: bool) -> None:
    """Serve the ledger's pages (overview, events, documents, sources, search, add) and their /api twins.

    Pages read the ledger through a read-only connection; only adding a document and
    merging or splitting events and sources write. On any address but loopback, changes
    need the token (refused to start without one). The OpenAPI schema is at /openapi.json.
    """
    import uvicorn

    from counterclaim.web import create_app

    app = create_app(db, token=token, host=host, max_upload=max_upload, use_ner=not no_ner)
    click.echo(f"counterclaim: serving {app.state.view.ledger.db.label} on http://{host}:{port}/"
               + (" (changes need the token)" if token else ""), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
