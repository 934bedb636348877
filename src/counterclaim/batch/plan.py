"""Turning inputs into partitions of small tasks, streamed: paths and JSON Lines ranges, never texts.

Files are grouped ``partition_size`` to a partition, in the order
:func:`counterclaim.ledger.ingest.expand` gives them. A ``.jsonl`` file is cut into ranges of
``partition_size`` lines, each its own partition, described by the byte offset of its
first line so that a worker seeks straight to it (the file is scanned once, by the
driver, without parsing). Standard input is read by the driver (it cannot be shared).
Nothing here holds more than one partition, so a dump of any size plans in flat memory.
"""

from __future__ import annotations

import io
import itertools
import sys
from collections.abc import Iterator
from typing import Any

from counterclaim.batch.worker import Task, bounded_lines
from counterclaim.errors import CounterclaimError, Errors
from counterclaim.ledger.ingest import Failure, _looks_like_jsonl, expand
from counterclaim.options import DEFAULT_MAX_BYTES, Options

_MAX_BLANK_LINES = 10_000
"""Blank lines looked past at the start of standard input to tell JSON Lines from a text."""

Partition = list[Task]


def jsonl_ranges(path: str, size: int, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Partition | Failure]:
    """Partitions of one task each: ``size`` lines of ``path`` from a byte offset.

    The file is scanned in bounded memory: a line longer than ``max_bytes`` is not held (the
    worker reports it, E005)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; a generator keeps it open between yields
    except OSError as exc:
        yield Failure(path, Errors.E006.format(path=path, detail=exc.strerror or exc), 1)
        return
    with fh:
        offset = start = 0
        first = line_no = 1
        count = docs = 0
        for line in bounded_lines(fh, max_bytes):
            if count == 0:
                start, first = offset, line_no
            offset += line if isinstance(line, int) else len(line)
            line_no += 1
            count += 1
            docs += isinstance(line, int) or bool(line.strip())
            if count == size:
                yield [{"path": path, "offset": start, "first": first, "count": count, "docs": docs}]
                count = docs = 0
        if count:
            yield [{"path": path, "offset": start, "first": first, "count": count, "docs": docs}]


def _stdin_jsonl(lines: Iterator[bytes | int], size: int) -> Iterator[Partition]:
    """JSON Lines from standard input, streamed: ``size`` lines to a partition (an over-long line
    travels as its size, and the worker reports it)."""
    part: list[str | int] = []
    first = 1
    for n, line in enumerate(lines, 1):
        part.append(line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line)
        if len(part) == size:
            yield [{"label": "<stdin>", "lines": part, "first": first}]
            part, first = [], n + 1
    if part:
        yield [{"label": "<stdin>", "lines": part, "first": first}]


def _stdin(options: Options, size: int) -> Iterator[Partition | Failure]:
    """Standard input: JSON Lines when its first non-blank line is a JSON object with ``text`` or
    ``document`` (streamed, any length), else one document of at most ``max_bytes``."""
    from counterclaim.read import read_stream

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (embedded use)
        stream = io.BytesIO(sys.stdin.read(options.max_bytes + 1).encode("utf-8", errors="replace"))
    head: list[bytes] = []
    used = 0
    while used <= options.max_bytes and len(head) <= _MAX_BLANK_LINES:  # up to the first non-blank line
        line = stream.readline(options.max_bytes + 1 - used)
        head.append(line)
        used += len(line)
        if not line or line.strip():
            break
    last = head[-1] if head else b""
    if last.endswith(b"\n") and _looks_like_jsonl(last.decode("utf-8", errors="replace")):
        lines: Iterator[bytes | int] = itertools.chain(head, bounded_lines(stream, options.max_bytes))
        yield from _stdin_jsonl(lines, size)
        return
    try:
        data = read_stream(stream, options.max_bytes, "standard input", "standard input", prefix=b"".join(head))
    except CounterclaimError as exc:
        yield Failure("<stdin>", exc.message, exc.exit_code)
        return
    if not data.strip():
        yield Failure("<stdin>", Errors.E008.format(), 1)
    else:
        yield [{"label": "<stdin>", "data": data}]


def plan(inputs: list[str], *, partition_size: int = 16, options: Options | None = None
         ) -> Iterator[Partition | Failure]:
    """Partitions of tasks (see :mod:`counterclaim.batch.worker`), in input order; bad inputs give Failures."""
    options = options or Options()
    size = max(1, partition_size)
    pending: Partition = []
    for item in expand(inputs):
        if isinstance(item, Failure):
            yield item
            continue
        if item == "-" or item.lower().endswith(".jsonl"):
            if pending:
                yield pending
                pending = []
            yield from _stdin(options, size) if item == "-" else jsonl_ranges(item, size, options.max_bytes)
            continue
        pending.append({"path": item})
        if len(pending) >= size:
            yield pending
            pending = []
    if pending:
        yield pending


def documents_in(part: Partition) -> int:
    """How many documents (non-blank lines or files) a partition holds."""
    total = 0
    for task in part:
        if "count" in task:
            total += task["docs"] if "docs" in task else task["count"]
        else:
            total += sum(1 for ln in task["lines"] if ln.strip()) if "lines" in task else 1
    return total


def count(inputs: list[str], *, partition_size: int = 16) -> int:
    """Documents the inputs hold (for a progress bar's total; standard input is not counted)."""
    if "-" in inputs:
        return 0
    total = 0
    for part in plan(inputs, partition_size=partition_size):
        if not isinstance(part, Failure):
            total += documents_in(part)
    return total


def labels_of(part: Partition) -> list[str]:
    """Every document label of a partition."""
    from counterclaim.batch.worker import task_labels

    return [label for task in part for label in task_labels(task)]


def with_known(part: Partition, lookup: Any) -> Partition:
    """The partition with each task's ``known`` ids (what ``lookup(labels)`` says is stored)."""
    from counterclaim.batch.worker import task_labels

    out = []
    for task in part:
        if "data" in task or "lines" in task:
            out.append(task)
            continue
        known = lookup(task_labels(task))
        out.append({**task, "known": sorted(known)} if known else task)
    return out
