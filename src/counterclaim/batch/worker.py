"""What a batch worker does with one partition: read, extract, find incidents, return plain dicts.

A partition is a list of *tasks*, each small and picklable, so that a worker on another
machine needs only the shared file system:

* ``{"path": "archive/a.txt", "known": [...]}`` — one article file;
* ``{"path": "dump.jsonl", "offset": 81920, "first": 129, "count": 64, "known": {...}}`` — a
  range of JSON Lines: ``count`` lines starting at byte ``offset`` (line number ``first``);
* ``{"label": "<stdin>", "lines": [...], "first": 1}`` / ``{"label": "<stdin>", "data": b"..."}``
  — standard input, read by the driver.

``known`` holds the ids already stored under a task's label: a document whose sha256 is
among them is reported ``skipped`` without running the pipeline, which is how an
interrupted run resumes cheaply. Every document gives one record: ``ok`` (the OUTPUT.md
object of its Result, its incidents and metadata), ``skipped``, or ``failed`` (id when it
was read, path, line, error code, short message, exit code). An exception inside the
extractor is caught per document, so one bad article never stops its partition.

The spaCy pipeline is loaded once per worker process (:func:`counterclaim.nlp.load_nlp` is
cached) and, when the model has an NER, one parse gives both the extraction and the place
mentions (the serial ingest parses a second time with the NER alone; the results are the same).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict
from typing import Any, BinaryIO

from counterclaim.analysis.incidents import Incident, PlaceWeight
from counterclaim.errors import BatchErrors, ConfigError, CounterclaimError, Errors, Warnings
from counterclaim.ledger.ingest import Article, Failure, _jsonl_article, articles, extract
from counterclaim.options import DEFAULT_MAX_BYTES, Options
from counterclaim.read.decode import repair_json_surrogates
from counterclaim.records import Diagnostic, Result

Task = dict[str, Any]
Record = dict[str, Any]

INTERNAL_CODE = BatchErrors.E150.name
"""Failure code of a document that crashed the extractor (a bug: please report it)."""
LOST_CODE = BatchErrors.E151.name
"""Failure code of the documents of a partition whose worker died (killed, out of memory)."""
MESSAGE_CHARS = 300
_CODE = re.compile(r"^(E\d{3})\b")


THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def init_worker() -> None:
    """Start-up of a pool process: one BLAS thread (unless set), before numpy is imported.

    Several worker processes each running a multi-threaded BLAS oversubscribe the cores:
    measured on 2 cores, one worker was 1.45x slower with OpenBLAS's default threads than with
    one. Dask's nanny sets the same variables for its workers.
    """
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def failure_record(label: str, message: str, exit_code: int, *, code: str | None = None,
                   doc_id: str | None = None) -> Record:
    """A failure as a plain dict: ``label``, ``id``, ``path``, ``line``, ``code``, ``message``, ``exit_code``."""
    path, line = split_label(label)
    found = _CODE.match(message)
    message = " ".join(message.split())
    if len(message) > MESSAGE_CHARS:
        message = message[: MESSAGE_CHARS - 1] + "…"
    return {"status": "failed", "label": label, "id": doc_id, "path": path, "line": line,
            "code": code or (found.group(1) if found else INTERNAL_CODE), "message": message, "exit_code": exit_code}


def split_label(label: str) -> tuple[str, int | None]:
    """``("dump.jsonl", 12)`` for ``"dump.jsonl:12"``; ``(label, None)`` for a file."""
    head, _, tail = label.rpartition(":")
    if head and tail.isdigit():
        return head, int(tail)
    return label, None


def task_labels(task: Task) -> list[str]:
    """The labels of a task's documents, as failures and progress name them."""
    if "count" in task:
        return [f"{task['path']}:{task['first'] + i}" for i in range(task["count"])]
    if "lines" in task:
        return [f"{task['label']}:{task['first'] + i}" for i in range(len(task["lines"]))]
    return [task.get("label") or task["path"]]


def bounded_lines(stream: BinaryIO, max_bytes: int, count: int | None = None) -> Iterator[bytes | int]:
    """The lines of a stream (``count`` of them, or all), none held longer than ``max_bytes``.

    A longer line is read to its end in chunks and dropped: its size in bytes is given instead
    of its content, so that a caller can report it (E005) and go on with the next line.
    """
    n = 0
    while count is None or n < count:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while True:
            rest = stream.readline(1 << 16)
            size += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield size


def too_long(where: str, size: int, max_bytes: int) -> Failure:
    """The Failure of a JSON line over the size limit."""
    return Failure(where, Errors.E005.format(path=where, size=f"{size:,}", limit=f"{max_bytes:,}"), 1)


def _read_range(task: Task, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str | int]:
    with open(task["path"], "rb") as fh:
        fh.seek(task["offset"])
        return [line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
                for line in bounded_lines(fh, max_bytes, task["count"])]


def jsonl_article(line: str, where: str) -> Article | Failure:
    """One JSON line as an Article, or a Failure; never raises, so no line after it is lost.

    Lone surrogate escapes (``"\\ud800"``), which no database or file can store, are replaced
    by U+FFFD before the line is read, with a W006 diagnostic (:func:`repair_json_surrogates`).
    """
    line, repaired = repair_json_surrogates(line)
    try:
        article = _jsonl_article(line, where)
    except CounterclaimError as exc:
        return Failure(where, exc.message, exc.exit_code)
    if repaired:
        article.diagnostics.insert(0, Diagnostic("W006", Warnings.W006.format(count=repaired, field="JSON line")))
    return article


def task_articles(task: Task, options: Options) -> Iterator[Article | Failure]:
    """Read one task's documents (unreadable ones become Failures)."""
    if "count" in task or "lines" in task:
        lines = _read_range(task, options.max_bytes) if "count" in task else task["lines"]
        label = task.get("label") or task["path"]
        for i, line in enumerate(lines):
            where = f"{label}:{task['first'] + i}"
            if isinstance(line, int):
                yield too_long(where, line, options.max_bytes)
            elif line.strip():
                yield jsonl_article(line, where)
    elif "data" in task:
        from counterclaim.read import read_bytes

        try:
            document, diagnostics = read_bytes(task["data"], None, max_bytes=options.max_bytes)
        except CounterclaimError as exc:
            yield Failure(task["label"], exc.message, exc.exit_code)
            return
        yield Article(task["label"], document=document, diagnostics=list(diagnostics))
    else:
        yield from articles(iter([task["path"]]), options)


def extract_article(article: Article, options: Options, *, use_ner: bool = True) -> tuple[Result, list[Incident]]:
    """The Result of an article and its incidents: :func:`counterclaim.ledger.ingest.extract`, which
    runs the one processing function (one parse gives the records and the place mentions)."""
    return extract(article, options, use_ner=use_ner)


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    """A plain, JSON-ready dict of an incident."""
    d = asdict(incident)
    d["lo"] = incident.lo.isoformat() if incident.lo else None
    d["hi"] = incident.hi.isoformat() if incident.hi else None
    return d


def incident_from_dict(d: dict[str, Any]) -> Incident:
    """The inverse of :func:`incident_to_dict`."""
    return Incident(n=d["n"], is_primary=d["is_primary"], figures=list(d["figures"]),
                    places=[PlaceWeight(**p) for p in d["places"]], names=list(d["names"]),
                    lo=_dt.date.fromisoformat(d["lo"]) if d["lo"] else None,
                    hi=_dt.date.fromisoformat(d["hi"]) if d["hi"] else None, date_text=d["date_text"],
                    place_country=d.get("place_country"), scope=d.get("scope", "incident"))


Extractor = Callable[..., tuple[Result, list[Incident]]]
"""``extractor(article, options, *, use_ner) -> (Result, incidents)``; :func:`extract_article` by default."""


def process_article(item: Article | Failure, known: set[str], options: Options, use_ner: bool,
                    extractor: Extractor | None = None) -> Record:
    """One document's record (never raises, except for a missing model: nothing could be extracted)."""
    if isinstance(item, Failure):
        return failure_record(item.label, item.message, item.exit_code)
    doc_id = item.id
    if doc_id in known:
        return {"status": "skipped", "label": item.label, "id": doc_id}
    try:
        result, incidents = (extractor or extract_article)(item, options, use_ner=use_ner)
    except ConfigError:
        raise
    except CounterclaimError as exc:
        return failure_record(item.label, exc.message, exc.exit_code, doc_id=doc_id)
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # a bug in extraction: record it, go on with the other documents
        return failure_record(item.label, f"internal error: {type(exc).__name__}: {exc} (please report)", 4,
                              code=INTERNAL_CODE, doc_id=doc_id)
    return {"status": "ok", "label": item.label, "id": doc_id, "result": result.to_dict(),
            "incidents": [incident_to_dict(i) for i in incidents], "meta": item.meta,
            "words": len(result.document.text.split())}


def process_partition(tasks: list[Task], options: Options | None = None, use_ner: bool = True,
                      extractor: Extractor | None = None) -> list[Record]:
    """Every document of a partition as a record (see the module docstring); runs in a worker.

    ``extractor`` replaces :func:`extract_article` (it must be importable by the workers).

    Raises:
        ConfigError: the spaCy model is missing (E010) — fatal for the whole run.
    """
    options = options or Options()
    out: list[Record] = []
    for task in tasks:
        known = set(task.get("known") or ())
        for item in task_articles(task, options):
            out.append(process_article(item, known, options, use_ner, extractor))
    return out
