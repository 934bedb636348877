"""Turning inputs into partitions of small tasks, streamed: paths and JSON Lines ranges, never texts.

Files are grouped ``partition_size`` to a partition, in the order
:func:`counterclaim.ledger.ingest.expand` gives them. A ``.jsonl`` file is cut into ranges of
``partition_size`` lines, each its own partition, described by the byte offset of its
first line so that a worker seeks straight to it (the file is scanned once, by the
driver, without parsing). Standard input is read by the driver (it cannot be shared).
Nothing here holds more than one partition, so a dump of any size plans in flat memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from counterclaim.batch.worker import Task
from counterclaim.errors import Errors
from counterclaim.ledger.ingest import Failure, _looks_like_jsonl, expand
from counterclaim.options import Options

Partition = list[Task]


def jsonl_ranges(path: str, size: int) -> Iterator[Partition | Failure]:
    """Partitions of one task each: ``size`` lines of ``path`` from a byte offset."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below; a generator keeps it open between yields
    except OSError as exc:
        yield Failure(path, Errors.E006.format(path=path, detail=exc.strerror or exc), 1)
        return
    with fh:
        offset = start = 0
        first = line_no = 1
        count = docs = 0
        for line in fh:
            if count == 0:
                start, first = offset, line_no
            offset += len(line)
            line_no += 1
            count += 1
            docs += bool(line.strip())
            if count == size:
                yield [{"path": path, "offset": start, "first": first, "count": count, "docs": docs}]
                count = docs = 0
        if count:
            yield [{"path": path, "offset": start, "first": first, "count": count, "docs": docs}]


def _stdin(options: Options, size: int) -> Iterator[Partition | Failure]:
    data = sys.stdin.buffer.read(options.max_bytes + 1) if hasattr(sys.stdin, "buffer") else \
        sys.stdin.read().encode("utf-8")
    text = data.decode("utf-8", errors="replace")
    if _looks_like_jsonl(text):
        lines = text.splitlines()
        for i in range(0, len(lines), size):
            yield [{"label": "<stdin>", "lines": lines[i:i + size], "first": i + 1}]
    elif not data.strip():
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
            yield from _stdin(options, size) if item == "-" else jsonl_ranges(item, size)
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
