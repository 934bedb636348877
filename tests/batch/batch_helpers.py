"""Helpers of the batch tests: a small synthetic archive, ledger dumps, the dask check.

The archive is written by the tests from their own sentences. Backends: ``local`` always,
``processes`` (2 workers) always, ``dask`` (a LocalCluster of 2 workers) when dask is
installed — when it is not, the dask cases skip locally and FAIL when ``CI`` is set.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

ARTICLES = {
    "alpha.txt": "Title: Shelling in Veltrana\nPublished: 2021-03-04\n\nAt least 14 people were killed in Veltrana "
                 "on Tuesday, the regional health ministry said. Another 30 were wounded.",
    "bravo.txt": "Title: Flooded camps\nPublished: 2019-08-10\n\nAbout 2,000 people fled their homes near Orsk, "
                 "according to the Red Cross. \"We have nothing left,\" said Mira Talin, a farmer.",
    "charlie.txt": "Title: Ambush\nPublished: 2018-01-22\n\nSeven soldiers were killed in an ambush outside "
                   "Dunmere on Sunday, the army said. Rebels claimed that 20 had died.",
    "delta.txt": "Title: Market blast\nPublished: 2020-06-01\n\nPolice said 9 people were killed and 41 injured "
                 "when a bomb exploded in the market of Kessel on Monday.",
}
JSONL_LINES = [
    {"text": "Title: Raid\n\nTwelve villagers were killed in Pavro on Friday, witnesses said.", "source_id": "x1"},
    {"text": "At least 5 people died in clashes in Lumet, officials said.", "title": "Clashes",
     "published": "2022-02-02"},
    None,  # a blank line
    {"title": "no text here"},
    {"text": "The ministry said 60 people were missing after the storm in Varna Bay."},
]
GOOD_DOCS_CLI = 7
"""Documents of the archive that can be stored: four files and three good JSON lines."""
TIME_COLUMNS = {"ingested_at", "extracted_at", "created_at", "first_seen", "failed_at", "applied_at"}
TABLES = ("documents", "figures", "quotes", "acts", "diagnostics", "incidents", "sources", "source_spellings",
          "source_keys", "events", "failures")


def write_archive(folder: Path, *, crash: bool = False) -> Path:
    """The synthetic archive: four articles, a JSON Lines dump (with a blank and a bad line)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    lines = ["" if obj is None else json.dumps(obj) for obj in JSONL_LINES]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if crash:
        (folder / "echo.txt").write_text("Title: Boom\n\nKABOOM: 3 people were killed in Tarsk.", encoding="utf-8")
    return folder


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows without time stamps, sorted: equal dumps mean equal ledgers."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in TIME_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def dask_or_skip() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask.distributed is not installed but CI is set: install counterclaim[dask]")
        pytest.skip("dask.distributed is not installed (pip install 'counterclaim[dask]')")
