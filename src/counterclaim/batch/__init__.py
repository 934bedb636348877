"""Batch ingestion on every core or a Dask cluster: :func:`run_batch` → :class:`BatchReport`.

>>> import tempfile
>>> from pathlib import Path
>>> from counterclaim.batch import run_batch, make_backend
>>> from counterclaim.ledger import Ledger
>>> with tempfile.TemporaryDirectory() as archive:
...     _ = Path(archive, "flood.txt").write_text("At least 12 people were killed in Varno, police said.")
...     with Ledger(str(Path(archive, "archive.db"))) as ledger:
...         report = run_batch([archive], ledger=ledger, backend=make_backend("local"))
>>> report.added, len(report.failures), report.exit_code
(1, 0, 0)

The driver plans partitions of paths or JSON Lines ranges (:mod:`.plan`), a backend runs
:func:`.worker.process_partition` on them (:mod:`.backends`: in-process, a process pool or
Dask, with identical results), and only the driver writes: the ledger in batched
transactions (one per partition) and/or
Parquet shards (:mod:`.shards`). At most a few partitions per worker are in flight, so memory
stays flat however large the corpus.

**Resuming.** Documents already stored under an input's label (its path, or ``path:line``)
are skipped by the worker without parsing when their sha256 matches; partitions whose shard
exists are skipped whole. An interrupted run loses at most the uncommitted batch.

**Failures.** An unreadable input or a document that crashes the extractor becomes a
failure record (label, id, path, line, code, message) — in the report, in the ledger's
``failures`` table and in the shard — and the run goes on. Exit codes (:attr:`BatchReport.exit_code`):

====  =====================================================================================
0     every document was stored (or was already there)
1     some inputs could not be read or parsed (E001-E008, E120-E123)
3     nothing could run: ledger, model (E010), Dask (E152-E154) or output (E155-E156) problem
4     the extractor crashed on some documents (E150) or a worker was lost (E151)
====  =====================================================================================
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from counterclaim.batch.backends import Backend, DaskBackend, LocalBackend, ProcessBackend, make_backend
from counterclaim.batch.plan import count, documents_in, labels_of, plan, with_known
from counterclaim.batch.progress import ProgressBar
from counterclaim.batch.shards import ShardWriter, partition_key
from counterclaim.batch.worker import LOST_CODE, Record, failure_record, process_partition
from counterclaim.errors import BatchErrors, ConfigError
from counterclaim.ledger.ingest import Failure
from counterclaim.options import Options

__all__ = ["Backend", "BatchReport", "DaskBackend", "FailureRecord", "LocalBackend", "ProcessBackend",
           "make_backend", "run_batch"]


@dataclass(frozen=True)
class FailureRecord:
    """A document or input that could not be used."""

    label: str
    message: str
    exit_code: int
    code: str
    id: str | None = None
    path: str | None = None
    line: int | None = None

    @classmethod
    def from_record(cls, r: Record) -> FailureRecord:
        """From a worker's ``failed`` record."""
        return cls(r["label"], r["message"], r["exit_code"], r["code"], r.get("id"), r.get("path"), r.get("line"))

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (for ``--format json``)."""
        return {"input": self.label, "id": self.id, "path": self.path, "line": self.line, "code": self.code,
                "message": self.message, "exit_code": self.exit_code}


@dataclass
class BatchReport:
    """What a batch run did; ``exit_code`` follows the table of the module docstring."""

    added: int = 0
    skipped: int = 0
    written: int = 0
    failures: list[FailureRecord] = field(default_factory=list)
    grouping: dict[str, int] = field(default_factory=dict)
    stale: int = 0
    reextracted: int = 0
    words: int = 0
    seconds: float = 0.0
    shards: int = 0
    backend: str = "local"
    workers: int = 1

    @property
    def documents(self) -> int:
        """Documents seen: added, written to shards only, skipped or failed."""
        return self.added + self.written + self.skipped + len(self.failures)

    @property
    def exit_code(self) -> int:
        """0 all well, 1 unreadable inputs, 4 extractor crashes or lost workers (the highest wins)."""
        return max((f.exit_code for f in self.failures), default=0)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of the counts, failures and speed."""
        rate = self.documents / self.seconds if self.seconds else 0.0
        return {"added": self.added, "skipped": self.skipped, "written": self.written, "shards": self.shards,
                "failed": [f.to_dict() for f in self.failures], "grouping": self.grouping, "stale": self.stale,
                "seconds": round(self.seconds, 3), "docs_per_second": round(rate, 2),
                "words_per_second": round(self.words / self.seconds, 1) if self.seconds else 0.0,
                "backend": self.backend, "workers": self.workers, "exit_code": self.exit_code}


Progress = Callable[[str, str, Any], None]
DEFAULT_PARTITION = 16
"""Documents per partition sent to a worker (a few seconds of work: small enough to balance)."""


class _LedgerWriter:
    """The driver's single writer: one transaction per partition (a batch of ``partition_size`` documents)."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        self.db = ledger.db
        self._tx: Any = None
        self.after_commit: list[Callable[[], None]] = []

    def _open(self) -> None:
        if self._tx is None:
            self._tx = self.db.transaction()
            self._tx.__enter__()

    def store(self, record: Record) -> tuple[bool, Any]:
        """Store an ``ok`` record; ``(added, Result)``."""
        from counterclaim.batch.worker import incident_from_dict
        from counterclaim.records import Result
        from counterclaim.store.write import store

        self._open()
        result = Result.from_dict(record["result"])
        incidents = [incident_from_dict(d) for d in record["incidents"]]
        added = store(self.db, result, incidents, meta=record.get("meta"))
        self.db.execute("DELETE FROM failures WHERE label = ?", (record["label"],))
        return added, result

    def fail(self, f: FailureRecord) -> None:
        """Record (or update) a failure row."""
        from counterclaim.store.write import now

        self._open()
        self.db.execute(
            "INSERT INTO failures (label, doc_id, path, line, code, message, exit_code, failed_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (label) DO UPDATE SET doc_id = excluded.doc_id, "
            "code = excluded.code, message = excluded.message, exit_code = excluded.exit_code, "
            "failed_at = excluded.failed_at",
            (f.label, f.id, f.path or f.label, f.line, f.code, f.message, f.exit_code, now()))

    def commit(self) -> None:
        """Commit the open batch, then run what waited for it (shard writes)."""
        if self._tx is not None:
            tx, self._tx = self._tx, None
            tx.__exit__(None, None, None)
        waiting, self.after_commit = self.after_commit, []
        for job in waiting:
            job()

    def rollback(self, exc: BaseException) -> None:
        """Roll the open batch back."""
        if self._tx is not None:
            tx, self._tx = self._tx, None
            with contextlib.suppress(BaseException):  # the transaction re-raises what it rolled back for
                tx.__exit__(type(exc), exc, exc.__traceback__)
        self.after_commit = []

    def known(self, labels: list[str]) -> set[str]:
        """Ids stored under these labels (paths), committed or in the open batch."""
        if not labels:
            return set()
        marks = ", ".join("?" * len(labels))
        return {r["id"] for r in self.db.query(f"SELECT id FROM documents WHERE path IN ({marks})", labels)}


def run_batch(inputs: list[str], *, ledger: Any = None, output: str | None = None,
              backend: Backend | None = None, options: Options | None = None, use_ner: bool = True,
              partition_size: int | None = None, extractor: Any = None,
              progress: Progress | None = None, bar: ProgressBar | bool = False) -> BatchReport:
    """Ingest ``inputs`` (files, folders, globs, ``-``, ``.jsonl``) into a ledger and/or Parquet shards.

    Args:
        inputs: what to read, as ``counterclaim ingest`` takes it.
        ledger: a :class:`counterclaim.ledger.Ledger` to write (events are regrouped at the end).
        output: a folder for Parquet shards (one per partition).
        backend: where partitions run (default :class:`LocalBackend`); not closed here.
        options: extraction settings; ``use_ner``: find places with the NER too.
        partition_size: documents (files or JSON Lines) per partition, which is also the ledger's
            transaction; by default 16, or 1 in this process without shards (each document is
            then committed as soon as it is extracted, as a serial ingest always did).
        extractor: replaces :func:`.worker.extract_article` (a module-level function the workers can import).
        progress: called ``(state, label, Result | None)`` per document, state one of
            ``added``, ``written``, ``skipped``, ``failed``.
        bar: a :class:`ProgressBar`, or True for one on standard error with the total counted first.

    Raises:
        ConfigError: the model is missing (E010) or an output problem (E155-E156): nothing can run.
        LedgerError: the ledger cannot be written.
    """
    if ledger is None and output is None:
        raise ConfigError(BatchErrors.E157.format())
    options = options or Options()
    backend = backend or LocalBackend()
    if partition_size is None:
        partition_size = 1 if backend.name == "local" and output is None else DEFAULT_PARTITION
    shards = ShardWriter(output) if output else None
    writer = _LedgerWriter(ledger) if ledger is not None else None
    report = BatchReport(backend=backend.name, workers=backend.workers)
    if bar is True:
        bar = ProgressBar(count(inputs, partition_size=partition_size))
    meter: ProgressBar | None = bar or None
    started = time.monotonic()

    def failed(f: FailureRecord) -> None:
        report.failures.append(f)
        if writer:
            writer.fail(f)
        if progress:
            progress("failed", f.label, None)
        if meter:
            meter.update(failed=1)

    def partitions() -> Any:
        for part in plan(inputs, partition_size=partition_size, options=options):
            if isinstance(part, Failure):
                failed(FailureRecord.from_record(failure_record(part.label, part.message, part.exit_code)))
                continue
            if shards and shards.done(partition_key(part)):
                n = documents_in(part)
                report.skipped += n
                if meter:
                    meter.update(n)
                continue
            yield with_known(part, writer.known) if writer and not shards else part

    fn = functools.partial(process_partition, options=options, use_ner=use_ner, extractor=extractor)
    try:
        for part, outcome in backend.map(fn, partitions()):
            if isinstance(outcome, ConfigError):
                raise outcome
            if isinstance(outcome, BaseException):
                message = f"worker lost: {type(outcome).__name__}: {outcome}"
                outcome = [failure_record(label, message, 4, code=LOST_CODE) for label in labels_of(part)]
            _take(outcome, report, writer, progress, meter, failed)
            if shards:
                job = functools.partial(_write_shard, shards, partition_key(part), outcome, report)
                if writer:
                    writer.after_commit.append(job)
                else:
                    job()
            if writer:
                writer.commit()
    except BaseException as exc:  # Ctrl-C too: a document half-written must not be committed
        if writer:
            writer.rollback(exc)
        raise
    finally:
        report.seconds = time.monotonic() - started
        if meter:
            meter.close()
        if ledger is not None:
            report.grouping = ledger.regroup()
    if ledger is not None:
        report.stale = len(ledger.stale_documents())
    return report


def _write_shard(shards: ShardWriter, key: str, records: list[Record], report: BatchReport) -> None:
    shards.write(key, records)
    report.shards += 1


def _take(records: list[Record], report: BatchReport, writer: _LedgerWriter | None, progress: Progress | None,
          meter: ProgressBar | None, failed: Callable[[FailureRecord], None]) -> None:
    """Account for (and store) one partition's records."""
    for r in records:
        status = r["status"]
        if status == "failed":
            failed(FailureRecord.from_record(r))
            continue
        result = None
        if status == "skipped":
            report.skipped += 1
        elif writer:
            added, result = writer.store(r)
            if added:
                report.added += 1
            else:
                report.skipped += 1
                status = "skipped"
        else:
            report.written += 1
            status = "written"
        if status != "skipped":
            report.words += r.get("words") or 0
        if progress:
            progress(status, r["label"], result)
        if meter:
            meter.update(words=r.get("words") or 0)
