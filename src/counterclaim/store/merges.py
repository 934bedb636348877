"""What merging events and merging sources share: following ``merged_into`` to the live row, and
choosing the rows a merge joins and the one it keeps."""

from __future__ import annotations

from collections.abc import Callable

from counterclaim.errors import LedgerErrors, NotFoundError
from counterclaim.store.db import Database

MERGEABLE = ("events", "sources")


def live_id(db: Database, table: str, start: str, missing: str,
            instead: Callable[[str], str | None] = lambda _: None) -> str:
    """The id a row of ``table`` was merged into, last link of the chain (the row itself when never merged).

    An id with no row is looked up by ``instead`` (a source's spelling); a chain that loops or ends
    nowhere raises NotFoundError with the message ``missing``.
    """
    if table not in MERGEABLE:
        raise ValueError(f"{table!r} has no merges")
    current, seen = start, set()
    while current not in seen:
        seen.add(current)
        row = db.query(f"SELECT merged_into FROM {table} WHERE id = ?", (current,))
        if not row:
            found = instead(current)
            if found is None:
                break
            current = found
            continue
        if row[0]["merged_into"] is None:
            return current
        current = row[0]["merged_into"]
    raise NotFoundError(missing)


def merge_plan(ids: list[str], into: str | None, resolve: Callable[[str], str], what: str) -> tuple[list[str], str]:
    """The live rows a merge joins (``ids`` and ``into``, each once) and the one it keeps (``into``, else
    the first).

    Raises:
        NotFoundError: E114 fewer than two distinct rows.
    """
    resolved = list(dict.fromkeys(resolve(i) for i in ids + ([into] if into else [])))
    if len(resolved) < 2:
        raise NotFoundError(LedgerErrors.E114.format(what=what, ids=", ".join(ids)))
    return resolved, resolve(into) if into else resolved[0]
