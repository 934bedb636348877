"""Parquet shards: one file per finished partition, written atomically, for resuming and for analysis.

A shard is named after its partition's key (a hash of the tasks it holds: paths, line
ranges), so a rerun over the same inputs with the same ``--partition-size`` finds the
shards already written and skips those partitions. It is written to a temporary name and
renamed, so a shard that exists is complete. Each row is one document:

``label, path, line, id, status (ok | failed), code, message, title, author, published,
publisher, url, figures, quotes, acts, words, result (the OUTPUT.md object as JSON), meta (JSON)``

Read them all with ``pyarrow.dataset.dataset("results/")`` or ``pandas.read_parquet("results/")``.
pyarrow is the ``parquet`` extra.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from counterclaim.errors import BatchErrors, ConfigError

PARQUET_MISSING = BatchErrors.E155.format()
COLUMNS = ("label", "path", "line", "id", "status", "code", "message", "title", "author", "published", "publisher",
           "url", "figures", "quotes", "acts", "words", "result", "meta")


def partition_key(tasks: list[dict[str, Any]]) -> str:
    """A stable name for a partition: the sha1 of its tasks' paths and line ranges."""
    h = hashlib.sha1()
    for t in tasks:
        h.update(json.dumps([t.get("path") or t.get("label"), t.get("offset"), t.get("first"), t.get("count")])
                 .encode("utf-8"))
    return h.hexdigest()[:20]


class ShardWriter:
    """Writes and recognises the shards of one output folder.

    Raises:
        ConfigError: pyarrow is missing (E155) or the folder cannot be created (E156).
    """

    def __init__(self, folder: str | Path) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise ConfigError(PARQUET_MISSING) from exc
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(BatchErrors.E156.format(folder=folder, detail=exc.strerror or exc)) from exc
        self.written = 0

    def path(self, key: str) -> Path:
        """Where the shard of partition ``key`` lives."""
        return self.folder / f"part-{key}.parquet"

    def done(self, key: str) -> bool:
        """Whether the shard of ``key`` was finished (by this run or an earlier one)."""
        return self.path(key).exists()

    def write(self, key: str, records: list[dict[str, Any]]) -> Path:
        """Write one partition's records as a shard (atomically) and return its path."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = [row(r) for r in records]
        table = pa.table({c: [r[c] for r in rows] for c in COLUMNS}, schema=_schema())
        target = self.path(key)
        tmp = target.with_name(f".{target.name}.tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, target)
        self.written += 1
        return target


def _schema() -> Any:
    import pyarrow as pa

    ints = ("line", "figures", "quotes", "acts", "words")
    return pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in COLUMNS])


def row(record: dict[str, Any]) -> dict[str, Any]:
    """A worker record as a shard row (see the module docstring)."""
    from counterclaim.batch.worker import split_label

    path, line = split_label(record["label"])
    out: dict[str, Any] = dict.fromkeys(COLUMNS)
    out.update(label=record["label"], path=path, line=line, id=record.get("id"), status=record["status"])
    if record["status"] == "failed":
        out.update(code=record["code"], message=record["message"])
        return out
    result = record.get("result")
    if result is not None:
        doc = result["document"]
        out.update({k: doc.get(k) for k in ("title", "author", "published", "publisher", "url")})
        out.update(figures=len(result.get("figures", [])), quotes=len(result.get("quotes", [])),
                   acts=len(result.get("acts", [])), words=record.get("words"),
                   result=json.dumps(result, ensure_ascii=False, sort_keys=True))
    if record.get("meta"):
        out["meta"] = json.dumps(record["meta"], ensure_ascii=False, sort_keys=True)
    return out
