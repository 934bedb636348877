"""The web interface and HTTP API of a ledger (``counterclaim serve``).

>>> import tempfile
>>> from pathlib import Path
>>> from counterclaim.ledger import Ledger
>>> from counterclaim.web import create_app
>>> with tempfile.TemporaryDirectory() as folder:
...     db = str(Path(folder, "counterclaim.db"))
...     with Ledger(db):                                      # a ledger to serve (here an empty one)
...         pass
...     app = create_app(db)                                  # an ASGI app: uvicorn, TestClient…
>>> type(app).__name__
'FastAPI'

Pages are server-rendered HTML (no JavaScript framework; one small script enhances the
reader) and each has a JSON twin under ``/api`` built from the same dict; the OpenAPI
schema is at ``/openapi.json``. See :mod:`counterclaim.web.app` for the factory,
:mod:`.routes`, :mod:`.actions` and :mod:`.downloads` for the routes, :mod:`.views` and
:mod:`.filters` for the data, :mod:`.security` and :mod:`.middleware` for who may reach and
change the ledger, :mod:`.extractor` for the add page's extraction worker. ``docs/web.md``
is the user's guide.

FastAPI is imported only when :func:`create_app` is first used, so that the ``serve``
command (:mod:`.command`) can be registered with the CLI without slowing other commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from counterclaim.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from counterclaim.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
