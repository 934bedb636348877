"""Canonical place keys, kept in the ledger so that grouping never has to read every incident.

Spellings of one place have keys one letter apart ("nagornokarabah", "nagornikarabah"); the
grouping treats them as one key, its *canonical* key (:func:`counterclaim.analysis.places.same_place`
against the representatives already known). The mapping is stored in ``place_keys`` the first
time a key is seen, so a key's canonical form never changes once given: a new document does
not re-key the events already built. Within one batch of new keys the heaviest is placed first
and so becomes the representative, as :func:`counterclaim.reconcile.grouping.canonical_keys` does
for a whole set. Country keys (``@AZ``) are their own canonical key.

``incident_places`` holds one row per place of each incident (written with the incident) so that
the incidents naming a place can be found through an index.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from counterclaim.reconcile.grouping import representative
from counterclaim.store.db import Database, in_batches, placeholders


def place_rows(doc_id: str, n: int, places_json: str) -> list[tuple[str, int, str, str, float]]:
    """``incident_places`` rows for an incident's stored ``places`` JSON."""
    return [(doc_id, n, key, kind, float(w)) for _, key, kind, w in json.loads(places_json)]


class KeyMap:
    """Canonical keys of one connection's ledger, looked up and cached on demand."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.canon: dict[str, str] = {}
        self._buckets: dict[str, list[str]] = {}

    def _bucket(self, first: str) -> list[str]:
        """Representatives whose key starts with ``first`` (same_place needs the same first letter)."""
        bucket = self._buckets.get(first)
        if bucket is None:
            rows = self.db.query("SELECT DISTINCT canon FROM place_keys WHERE canon >= ? AND canon < ? "
                                 "ORDER BY canon", (first, chr(ord(first) + 1)))
            bucket = self._buckets[first] = [r["canon"] for r in rows if not r["canon"].startswith("@")]
        return bucket

    def load(self, keys: Iterable[str]) -> None:
        """Cache the stored canonical keys of ``keys`` (keys not stored yet stay unknown)."""
        missing = sorted({k for k in keys if k not in self.canon})
        for part in in_batches(missing):
            for r in self.db.query(f"SELECT key, canon FROM place_keys WHERE key IN ({placeholders(len(part))})",
                                   part):
                self.canon[r["key"]] = r["canon"]

    def get(self, key: str) -> str:
        """The canonical key of a stored key (the key itself when it was never stored)."""
        if key not in self.canon:
            self.load([key])
        return self.canon.get(key, key)

    def assign(self, weights: dict[tuple[str, str], float]) -> None:
        """Give every ``(key, kind)`` without a canonical key one, heaviest first, and store it."""
        self.load(k for k, _ in weights)
        new = sorted((kk for kk in weights if kk[0] not in self.canon), key=lambda kk: (-weights[kk], kk[0]))
        rows = []
        for key, kind in new:
            canon = representative(self._bucket(key[:1]), key) if kind == "place" and key else key
            self.canon[key] = canon
            rows.append((key, canon))
        self.db.executemany("INSERT INTO place_keys (key, canon) VALUES (?, ?)", rows)


def weights_of(places: Iterable[tuple[str, str, str, float]]) -> dict[tuple[str, str], float]:
    """Summed weight of each ``(key, kind)`` among places ``(name, key, kind, weight)``."""
    out: dict[tuple[str, str], float] = defaultdict(float)
    for _, key, kind, w in places:
        out[(key, kind)] += w
    return out
