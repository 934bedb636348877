"""Extraction for the add page in a worker process, with a time limit per request.

A document added on the web is extracted *outside* any write transaction, in one worker
process (:class:`Extractor`) that loads the spaCy pipeline once and then serves one
document at a time. The request waits at most ``time_limit`` seconds for its result: past
it, the worker is killed (its memory goes with it) and the request gets E214; the next
document starts a fresh worker. A worker that dies (out of memory, killed) gives E217; an
exception inside the extractor gives E216, with the traceback logged for the admin. Only
the store that follows is serialised (:mod:`counterclaim.web.writes`).

Requests queue for the worker for at most ``time_limit`` seconds too (E215, 503), so a
burst of uploads cannot pile up. An idle worker exits after ``idle`` seconds and gives
its memory back.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from counterclaim.errors import CounterclaimError, WebErrors
from counterclaim.records import Diagnostic, Document, Result
from counterclaim.web.errors import WebError

logger = logging.getLogger("counterclaim.web")

START_LIMIT = 180.0
"""Seconds a new worker may take to import the package and load the pipeline."""


def _serve(conn: Connection, use_ner: bool, idle: float) -> None:
    """The worker: load the pipeline, then extract documents until told to stop or idle."""
    import traceback

    from counterclaim.ledger.ingest import Article, extract
    from counterclaim.nlp import load_nlp
    from counterclaim.options import Options

    options = Options()
    try:
        load_nlp(options.model)
    except CounterclaimError as exc:  # e.g. the model is not installed: every job will say so
        logger.warning("extraction worker: %s", exc)
    conn.send(("ready",))
    while conn.poll(idle):
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        document, diagnostics, name = job
        try:
            result, incidents = extract(Article(name, document=document, diagnostics=list(diagnostics)), options,
                                        use_ner=use_ner)
            conn.send(("ok", result, incidents))
        except CounterclaimError as exc:
            conn.send(("input", type(exc).__name__, exc.message))
        except Exception as exc:  # a bug of the extractor on this document: reported, not fatal
            conn.send(("crash", f"{type(exc).__name__}: {str(exc)[:200]}", traceback.format_exc()))


class Extractor:
    """One extraction worker process shared by the app's requests (see the module docstring).

    Args:
        time_limit: seconds a request may wait for its document's extraction (and for its turn).
        use_ner: find places with the model's NER.
        idle: seconds after which an unused worker exits.
    """

    def __init__(self, *, time_limit: float, use_ner: bool = True, idle: float = 600.0) -> None:
        self.time_limit = time_limit
        self.use_ner = use_ner
        self.idle = idle
        self._turn = threading.Lock()
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        """A ready worker: the running one, or a new one (waits for it to load the pipeline)."""
        if self._process is not None and self._process.is_alive() and self._conn is not None:
            return self._conn
        self._stop()
        context = multiprocessing.get_context("spawn")  # the server runs threads: never fork it
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child, self.use_ner, self.idle),
                                  name="counterclaim-extract", daemon=True)
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            if not parent.poll(START_LIMIT) or parent.recv() != ("ready",):
                raise EOFError
        except (EOFError, OSError):
            self._stop()
            raise WebError(WebErrors.E217.format(), 503) from None
        return parent

    def _stop(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.kill()
            process.join(10)

    def warm(self) -> None:
        """Start the worker now, so that the first document does not wait for the pipeline."""
        with self._turn:
            self._start()

    def close(self) -> None:
        """Stop the worker."""
        with self._turn:
            if self._conn is not None and self._process is not None and self._process.is_alive():
                try:
                    self._conn.send(None)
                    self._process.join(5)
                except OSError:
                    pass
            self._stop()

    def extract(self, document: Document, diagnostics: list[Diagnostic], name: str) -> tuple[Result, list[Any]]:
        """The Result of ``document`` and its incidents, within the time limit.

        Raises:
            WebError: E215 busy, E214 over the time limit, E216 the extractor failed, E217 the worker died.
            CounterclaimError: the input's own coded error (e.g. no text).
        """
        started = time.monotonic()
        if not self._turn.acquire(timeout=self.time_limit):
            raise WebError(WebErrors.E215.format(waited=round(time.monotonic() - started)), 503)
        try:
            conn = self._start()
            began = time.monotonic()
            try:
                conn.send((document, diagnostics, name))
                answered = conn.poll(self.time_limit)
                answer = conn.recv() if answered else None
            except (EOFError, OSError):
                self._stop()
                raise WebError(WebErrors.E217.format(), 422) from None
            if answer is None:
                logger.warning("extraction of %s stopped after %.1f s (time limit)", document.id[:12],
                               time.monotonic() - began)
                self._stop()
                raise WebError(WebErrors.E214.format(limit=self.time_limit), 422)
        finally:
            self._turn.release()
        kind = answer[0]
        if kind == "ok":
            return answer[1], answer[2]
        if kind == "input":
            raise CounterclaimError(answer[2])
        logger.error("the extractor failed on document %s:\n%s", document.id, answer[2])
        raise WebError(WebErrors.E216.format(error=answer[1]), 422)
