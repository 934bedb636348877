"""The ledger: a corpus of extractions, grouped by event, with competing figures side by side.

>>> from counterclaim.ledger import Ledger
>>> with Ledger("counterclaim.db") as ledger:               # doctest: +SKIP
...     ledger.ingest(["reports/"])
...     ledger.event("khojaly-1992")["outcomes"][0]["summary"]

Storage is a SQLite file (default ``counterclaim.db`` in the working directory) or a
PostgreSQL database (``postgresql://user@host:port/db``) through the same code
(:mod:`counterclaim.store.db`). The tables and their migrations are in
:mod:`counterclaim.store.schema`; the rules for sources, events, comparisons and checks
in :mod:`~counterclaim.reconcile.claimants`, :mod:`~counterclaim.analysis.incidents`,
:mod:`~counterclaim.reconcile.grouping`, :mod:`~counterclaim.reconcile.compare` and
:mod:`~counterclaim.reconcile.checks`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from counterclaim.about import RULES_VERSION
from counterclaim.analysis.incidents import Incident
from counterclaim.errors import LedgerError, LedgerErrors
from counterclaim.options import Options
from counterclaim.reconcile.compare import compare, with_roles
from counterclaim.records import Result
from counterclaim.store import events as _events
from counterclaim.store import schema
from counterclaim.store import sources as _sources
from counterclaim.store.db import DEFAULT_DB, Database
from counterclaim.store.queries import (
    all_checks,
    document_rows,
    event_places,
    figure_rows,
    has_document,
    has_ungrouped,
    iter_results,
    load_result,
    stale_document_ids,
    summary_counts,
)
from counterclaim.store.summaries import stored_checks, stored_comparison
from counterclaim.store.write import replace_extraction, store

__all__ = ["DEFAULT_DB", "Ledger", "LedgerError"]


class Ledger:
    """A ledger opened for reading and writing (or ``read_only``).

    Opening a ledger for writing groups the documents an interrupted run committed but never
    grouped (a ``kill -9`` between storing and regrouping); a read-only ledger counts them
    (``counts()["ungrouped"]``) so that pages can say so.

    Args:
        target: a SQLite path or a PostgreSQL URL (default ``counterclaim.db``).
        read_only: open without writing; the ledger must exist (E101) and be migrated.

    Raises:
        LedgerError: the target cannot be opened or is not a ledger (E101-E108).
    """

    def __init__(self, target: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.db = Database(target, read_only=read_only)
        try:
            if read_only:
                applied = schema.check(self.db)
                if not applied:
                    raise LedgerError(LedgerErrors.E101.format(path=self.db.label))
                if len(applied) < len(schema.MIGRATIONS):  # an older ledger: bring it up to date first
                    with Database(target) as writer:
                        schema.migrate(writer)
            else:
                schema.migrate(self.db)
                if has_ungrouped(self.db):  # documents committed by a run that was killed before grouping
                    _events.regroup(self.db)
        except BaseException:
            self.db.close()
            raise

    # -- life cycle ----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Whether a document with this sha256 is stored."""
        return has_document(self.db, doc_id)

    def store(self, result: Result, incidents: list[Incident] | None = None, *,
              meta: dict[str, Any] | None = None) -> bool:
        """Store one extracted document (one transaction); False when it was already there.

        Without ``incidents`` they are found with the lexical place finder (no model needed), and the
        figures' kinds that depend on them (another incident's date, another place) are applied, as
        ingest does. Call :meth:`regroup` afterwards to give the new incidents their events.
        """
        if incidents is None:
            from counterclaim.analysis.incidents import final_kinds, find_incidents
            from counterclaim.ledger.ingest import find_places

            incidents = find_incidents(result, find_places(result.document.text, use_ner=False))
            result = final_kinds(result, incidents)
        return store(self.db, result, incidents, meta=meta)

    def add(self, result: Result, *, meta: dict[str, Any] | None = None) -> bool:
        """Store one extracted document and regroup events; False when it was already there."""
        added = self.store(result, meta=meta)
        self.regroup()
        return added

    def ingest(self, inputs: list[str], *, options: Options | None = None, use_ner: bool = True,
               progress: Any = None) -> Any:
        """Read, extract and store files, folders, globs, ``-`` or JSON Lines (see :mod:`.ingest`)."""
        from counterclaim.ledger.ingest import run_ingest

        return run_ingest(self, inputs, options=options, use_ner=use_ner, progress=progress)

    def regroup(self) -> dict[str, int]:
        """Give unassigned incidents their events (see :mod:`counterclaim.store.events`)."""
        return _events.regroup(self.db)

    def stale_documents(self, rules_version: str = RULES_VERSION) -> list[str]:
        """Ids of documents extracted by other rules than ``rules_version``."""
        return stale_document_ids(self.db, rules_version)

    def reextract(self, doc_ids: list[str] | None = None, *, options: Options | None = None, use_ner: bool = True,
                  progress: Any = None) -> Any:
        """Extract stored documents again (the stale ones when ``doc_ids`` is None), one transaction each."""
        from counterclaim.ledger.ingest import READ_CODES, Article, Report, extract

        options = options or Options()
        report = Report()
        ids = self.stale_documents() if doc_ids is None else [self.resolve_document(d) for d in doc_ids]
        try:
            for doc_id in ids:
                old = load_result(self.db, doc_id)
                kept = [d for d in old.diagnostics if d.code in READ_CODES]
                result, incidents = extract(Article(doc_id, document=old.document, diagnostics=kept), options,
                                            use_ner=use_ner)
                replace_extraction(self.db, result, incidents)
                report.reextracted += 1
                if progress:
                    progress("reextracted", old.document.path or doc_id, result)
        finally:
            report.grouping = self.regroup()
        return report

    # -- reading -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Numbers of documents, figures, quotes, acts, sources, events and ungrouped documents."""
        return summary_counts(self.db)

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata, counts and events."""
        return document_rows(self.db)

    def result(self, doc_id: str) -> Result:
        """The stored Result of a document (full sha256 or a unique prefix)."""
        return load_result(self.db, self.resolve_document(doc_id))

    def results(self) -> Iterator[Result]:
        """Every stored Result."""
        return iter_results(self.db)

    def figures(self, *, event_id: str | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Figures with document, normalised source and event (plain dicts)."""
        return figure_rows(self.db, event_id=event_id, doc_id=doc_id)

    def resolve_document(self, doc_id: str) -> str:
        """A document's full id from its id, a unique prefix or its path."""
        return _events.resolve_document(self.db, doc_id)

    def events(self, *, with_claims: bool = True) -> list[dict[str, Any]]:
        """Every event with its comparison rows (``outcomes``, as the ledger keeps them), as plain dicts."""
        out = []
        for e in _events.event_rows(self.db):
            stored = stored_comparison(self.db, e["id"])
            rows = [with_roles(r) for r in stored] if stored is not None else \
                compare(figure_rows(self.db, event_id=e["id"]))
            for row in rows:
                if not with_claims:
                    for key in ("claims", "whole", "partial", "denied", "background", "undecided"):
                        row.pop(key)
            out.append({**e, **event_places(self.db, e["id"]), "outcomes": rows})
        return out

    def event(self, event_id: str) -> dict[str, Any]:
        """One event (merged ids resolve to their target): :func:`counterclaim.present.pages.event_page`.

        Raises:
            NotFoundError: E110 no such event; E118 a partial id, naming the ids it matches.
        """
        from counterclaim.present.pages import event_page

        return event_page(self.db, event_id, all_claims=True)

    def sources(self) -> list[dict[str, Any]]:
        """Every normalised source with its spellings, types and counts."""
        return _sources.source_rows(self.db)

    def checks(self, *, event_id: str | None = None) -> list[dict[str, Any]]:
        """Flags of :mod:`counterclaim.reconcile.checks`, for the whole ledger or one event."""
        from counterclaim.present.pages import resolve

        if event_id is None:
            return all_checks(self.db)
        return stored_checks(self.db, resolve(self.db, event_id))

    # -- users' decisions ----------------------------------------------------------------

    def merge_events(self, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
        """Merge events; return the surviving id."""
        return _events.merge_events(self.db, ids, into=into, name=name)

    def split_event(self, event_id: str, documents: list[str], *, new_id: str | None = None,
                    name: str | None = None) -> str:
        """Move documents' contributions out of an event; return the new event's id."""
        return _events.split_event(self.db, event_id, documents, new_id=new_id, name=name)

    def merge_sources(self, ids: list[str], *, into: str | None = None, name: str | None = None) -> str:
        """Merge sources; return the surviving id."""
        return _sources.merge_sources(self.db, ids, into=into, name=name)

    def split_source(self, source_id: str, spellings: list[str], *, new_id: str | None = None,
                     name: str | None = None) -> str:
        """Move spellings of a source to a new source; return its id."""
        return _sources.split_source(self.db, source_id, spellings, new_id=new_id, name=name)
