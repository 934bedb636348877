"""Aggregates the ledger keeps for every event, so that grouping and the overview read little.

For each live event the ledger keeps, recomputed from its incidents whenever they change
(:func:`refresh_stale`, at the end of every write transaction that changed an event):

* ``event_places``: per canonical place key the summed weight over the event's incidents
  (which place is its main one) and the largest weight of one incident (what a new incident
  must share with it to be linked, as it would have to share with one of its incidents);
  country weights count for linking only from incidents that name no specific place;
* the event's date window (``win_lo``/``win_hi``: the overlap of its incidents' windows,
  each widened by :data:`counterclaim.reconcile.grouping.TOLERANCE_DAYS`) and main place;
* its automatic name (:func:`counterclaim.reconcile.grouping.name_tally`, from a tally that is
  added up while the incidents stream past, so a large event is never held in memory);
* ``event_outcomes``: its comparison rows (:func:`counterclaim.reconcile.compare.compare`)
  without their claims, and on ``events`` what the overview lists: number of documents,
  dates, other names, the spread of the killed toll and a lower-case search text;
* the flags of its checks (``events.checks``, JSON) and its comparison rows with their claims
  (``events.comparison``, JSON), so an event page reads neither every figure nor the texts.

:func:`overview_page` reads one page of events from these aggregates: its cost depends on
the page size, not on the number of documents or figures in the ledger.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections import Counter
from typing import Any

from counterclaim.reconcile.checks import checks_of_figures
from counterclaim.reconcile.compare import ROLES, compare, median_rule
from counterclaim.reconcile.gazetteer import Location, locate
from counterclaim.reconcile.grouping import TOLERANCE_DAYS, Node, Tally, apply_canon, name_tally
from counterclaim.store.db import Database, in_batches, placeholders
from counterclaim.store.placekeys import KeyMap
from counterclaim.store.queries import figure_rows

MEMBERS = ("SELECT i.doc_id, i.n, i.places, i.names, i.date_lo, i.date_hi, i.event_id, d.published, i.scope, "
           "i.place_country "
           "FROM incidents i JOIN documents d ON d.id = i.doc_id")
"""An incident with what grouping needs (add a WHERE clause)."""

SORTS = {"documents": "n_documents DESC, id", "spread": "COALESCE(spread, 0) DESC, id",
         "year": "COALESCE(year, 0) DESC, id", "id": "id"}
"""Orders of :func:`overview_page`."""


def _date(value: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def node_of(row: dict[str, Any], n_figures: int = 0) -> Node:
    """A grouping node from a row of :data:`MEMBERS`."""
    return Node(doc_id=row["doc_id"], n=row["n"], places=[tuple(p) for p in json.loads(row["places"])],
                names=json.loads(row["names"]), lo=_date(row["date_lo"]), hi=_date(row["date_hi"]),
                n_figures=n_figures, event_id=row["event_id"], scope=row.get("scope") or "incident")


def widened(node: Node) -> tuple[_dt.date, _dt.date] | None:
    """A node's date window widened by the grouping tolerance (None when undated)."""
    if node.lo is None or node.hi is None:
        return None
    pad = _dt.timedelta(days=TOLERANCE_DAYS)
    return node.lo - pad, node.hi + pad


class EventAggregate:
    """The places and window of an event's incidents, added one incident at a time."""

    def __init__(self) -> None:
        self.places: dict[str, list[Any]] = {}  # canon -> [kind, wsum, wmax]
        self.overlap: tuple[_dt.date, _dt.date] | None = None
        self.span: tuple[_dt.date, _dt.date] | None = None

    def add(self, node: Node) -> None:
        """Count one incident (its ``specific`` and ``countries`` maps filled)."""
        for key, w in node.specific.items():
            entry = self.places.setdefault(key, ["place", 0.0, 0.0])
            entry[1] += w
            entry[2] = max(entry[2], w)
        for key, w in node.countries.items():
            entry = self.places.setdefault(key, ["country", 0.0, 0.0])
            entry[1] += w
            if not node.specific:
                entry[2] = max(entry[2], w)
        window = widened(node)
        if window is not None:
            if self.overlap is None or self.span is None:
                self.overlap = self.span = window
            else:
                self.overlap = (max(self.overlap[0], window[0]), min(self.overlap[1], window[1]))
                self.span = (min(self.span[0], window[0]), max(self.span[1], window[1]))

    def window(self) -> tuple[_dt.date, _dt.date] | None:
        """The overlap of the incidents' windows; their whole span when they do not overlap (a user's merge)."""
        if self.overlap is not None and self.overlap[0] > self.overlap[1]:
            return self.span
        return self.overlap

    def main(self) -> str | None:
        """The heaviest specific place; without any, the heaviest country."""
        for kind in ("place", "country"):
            ranked = sorted(((-e[1], k) for k, e in self.places.items() if e[0] == kind))
            if ranked:
                return ranked[0][1]
        return None

    def write(self, db: Database, event_id: str) -> None:
        """Replace the event's ``event_places`` rows and window columns with this aggregate."""
        db.execute("DELETE FROM event_places WHERE event_id = ?", (event_id,))
        db.executemany("INSERT INTO event_places (event_id, canon, kind, wsum, wmax) VALUES (?, ?, ?, ?, ?)",
                       [(event_id, k, e[0], e[1], e[2]) for k, e in sorted(self.places.items())])
        window = self.window()
        db.execute("UPDATE events SET main_key = ?, win_lo = ?, win_hi = ? WHERE id = ?",
                   (self.main(), window[0].isoformat() if window else None,
                    window[1].isoformat() if window else None, event_id))

    @classmethod
    def read(cls, db: Database, event_id: str) -> EventAggregate:
        """The stored aggregate of an event (counts of incidents are not needed to extend it)."""
        agg = cls()
        for r in db.query("SELECT canon, kind, wsum, wmax FROM event_places WHERE event_id = ?", (event_id,)):
            agg.places[r["canon"]] = [r["kind"], float(r["wsum"]), float(r["wmax"])]
        row = db.query("SELECT win_lo, win_hi FROM events WHERE id = ?", (event_id,))
        if row and row[0]["win_lo"]:
            lo, hi = _dt.date.fromisoformat(row[0]["win_lo"]), _dt.date.fromisoformat(row[0]["win_hi"])
            agg.overlap = agg.span = (lo, hi)
        return agg


def refresh_stale(db: Database, keys: KeyMap | None = None) -> int:
    """Recompute every event marked ``stale``; return how many empty automatic events were removed."""
    keys = keys or KeyMap(db)
    removed = 0
    while True:
        ids = [r["id"] for r in db.query("SELECT id FROM events WHERE stale = 1 ORDER BY id LIMIT 200")]
        if not ids:
            return removed
        for event_id in ids:
            removed += refresh_event(db, event_id, keys)


def mark_stale(db: Database, event_ids: list[str]) -> None:
    """Mark events for :func:`refresh_stale`."""
    for part in in_batches(event_ids):
        db.execute(f"UPDATE events SET stale = 1 WHERE id IN ({placeholders(len(part))})", part)


def mark_stale_for_sources(db: Database, source_ids: list[str]) -> None:
    """Mark the events holding figures of these sources (their summary lines name the sources)."""
    db.execute("UPDATE events SET stale = 1 WHERE id IN (SELECT DISTINCT i.event_id FROM figures f "
               "JOIN source_spellings s ON s.spelling = f.claimant "
               "JOIN incidents i ON i.doc_id = f.doc_id AND i.n = f.incident "
               f"WHERE s.source_id IN ({placeholders(len(source_ids))}) AND i.event_id IS NOT NULL)", source_ids)


_CLEAR = ("UPDATE events SET stale = 0, main_key = NULL, win_lo = NULL, win_hi = NULL, n_documents = 0, "
          "date_start = NULL, date_end = NULL, also_called = '[]', spread = NULL, search_text = ?, checks = '[]', "
          "comparison = NULL WHERE id = ?")


def refresh_event(db: Database, event_id: str, keys: KeyMap) -> int:
    """Recompute one event's aggregates and automatic name; 1 when it was an empty automatic event, removed."""
    [event] = db.query("SELECT id, name, place, year, how, merged_into, scope FROM events WHERE id = ?", (event_id,))
    db.execute("DELETE FROM event_places WHERE event_id = ?", (event_id,))
    db.execute("DELETE FROM event_outcomes WHERE event_id = ?", (event_id,))
    tally, agg = Tally(), EventAggregate()
    names: Counter[str] = Counter()
    starts: list[str] = []
    ends: list[str] = []
    windows: list[tuple[str, str]] = []
    hints: Counter[str] = Counter()
    if event["merged_into"] is None:
        for row in db.stream(MEMBERS + " WHERE i.event_id = ?", (event_id,)):
            node = node_of(row)
            for _, key, _, _ in node.places:
                keys.get(key)
            apply_canon([node], keys.canon)
            tally.add(node, keys.canon)
            agg.add(node)
            names.update(n for n in node.names if not n.startswith("*"))
            lo, hi = row["date_lo"], row["date_hi"]
            if lo and hi and lo[:7] == hi[:7]:
                starts, ends = [min([lo, *starts])], [max([hi, *ends])]
            elif lo and hi and (not windows or _days(lo, hi) < _days(*windows[0])):
                windows = [(lo, hi)]
            if row.get("place_country"):
                hints[row["place_country"]] += 1
    if tally.size == 0:
        merged_here = db.scalar("SELECT 1 FROM events WHERE merged_into = ?", (event_id,))
        if event["how"] == "auto" and event["merged_into"] is None and not merged_here:
            db.execute("DELETE FROM events WHERE id = ?", (event_id,))
            return 1
        db.execute(_CLEAR, ("\n".join([event_id, event["name"] or ""]).lower(), event_id))
        return 0
    if not starts and windows:  # no incident dated to a month: the narrowest window (a year, "since 2003")
        starts, ends = [windows[0][0]], [windows[0][1]]
    where = event_location(tally, hints)
    db.execute("UPDATE events SET country = ?, adm_1 = ?, adm_1_code = ?, latitude = ?, longitude = ?, where_prec = ?, "
               "geonameid = ? WHERE id = ?",
               (where.country, where.adm_1, where.adm_1_code, where.latitude, where.longitude, where.precision,
                where.geonameid, event_id) if where else (None, None, None, None, None, None, None, event_id))
    if event["how"] == "auto":
        naming = name_tally(tally, keys.canon, scope=event["scope"] or "incident")
        if (naming.name, naming.place, naming.year) != (event["name"], event["place"], event["year"]):
            db.execute("UPDATE events SET name = ?, place = ?, year = ? WHERE id = ?",
                       (naming.name, naming.place, naming.year, event_id))
            event["name"] = naming.name
    agg.write(db, event_id)
    docs = [r["doc_id"] for r in db.query("SELECT DISTINCT doc_id FROM incidents WHERE event_id = ?", (event_id,))]
    figures = figure_rows(db, event_id=event_id, sentences=True)
    rows = compare(figures)
    killed = None
    for seq, r in enumerate(rows):
        if killed is None and r["outcome"] == "killed" and r["group"] == "all":
            killed = r
        kinds = Counter(c["role"] for c in r["claims"])
        db.execute("INSERT INTO event_outcomes (event_id, seq, outcome, grp, low, best, high, sources, n_documents, "
                   "summary, disagreement, asserted, kinds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (event_id, seq, r["outcome"], r["group"], r["low"], median_rule(r["claims"]), r["high"],
                    r["sources"], len(r["documents"]), r["summary"], r["disagreement"], r["asserted_sources"],
                    json.dumps(dict(sorted(kinds.items())))))
    also = sorted(names, key=lambda n: (-names[n], n))
    flags = checks_of_figures(figures)
    stored = [{k: v for k, v in r.items() if k not in ROLES} for r in rows]  # role lists are rebuilt on reading
    comparison = json.dumps(stored, ensure_ascii=False, separators=(",", ":"))
    del figures, rows
    db.execute("UPDATE events SET stale = 0, n_documents = ?, date_start = ?, date_end = ?, also_called = ?, "
               "spread = ?, search_text = ?, checks = ?, comparison = ? WHERE id = ?",
               (len(docs), starts[0] if starts else None, ends[0] if ends else None,
                json.dumps(also, ensure_ascii=False), killed["disagreement"] if killed else None,
                "\n".join([event_id, event["name"] or "", *also]).lower(), json.dumps(flags, ensure_ascii=False),
                comparison, event_id))
    return 0


def _days(lo: str, hi: str) -> int:
    return (_dt.date.fromisoformat(hi) - _dt.date.fromisoformat(lo)).days


def event_location(tally: Tally, hints: Counter[str]) -> Location | None:
    """Where an event happened: its heaviest place the gazetteer knows (:mod:`counterclaim.reconcile.gazetteer`).

    The event's place (its heaviest) is looked up in each of its spellings; other places its
    documents name are never used (they may be the other side's capital). The country the text
    gives the place itself ("Bogota, Colombia") disambiguates and, when the place is not in the
    gazetteer, gives the country alone.
    An event that names only one country is placed in it; one that names several countries and
    no place has no single place (empty). The country the documents mention most is never used.
    """
    hint = hints.most_common(1)[0][0] if hints else None
    ranked = sorted(tally.scores, key=lambda k: (-tally.scores[k], k))
    if ranked:  # the event's own place, in each of its spellings; never another place its documents name
        for spelling, _ in tally.spellings[ranked[0]].most_common(4):
            found = locate(spelling, hint)
            if found is not None and found.precision < 6:
                return found
        return Location(name=ranked[0], country=hint, precision=6) if hint else None
    if len(tally.countries) == 1:  # an event placed only in one country; several: no single place
        top = next(iter(tally.countries)).lstrip("@")
        return Location(name=top, country=top, precision=6)
    return None


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def overview_page(db: Database, *, sort: str = "documents", page: int = 1, size: int = 50,
                  q: str = "") -> dict[str, Any]:
    """One page of live events with their killed toll, other outcomes and spread, from the aggregates.

    Returns:
        ``{"events": [...], "total": N, "page": p, "pages": P}``; each event has ``id``, ``name``,
        ``place``, ``year``, ``date_start``, ``date_end``, ``n_documents``, ``killed`` (the
        whole-toll row of killed, or None), ``spread`` and ``others`` (whole-toll rows of the
        other outcomes).
    """
    where, params = "merged_into IS NULL", []
    if q:
        where += " AND search_text LIKE ? ESCAPE '\\'"
        params.append(_like(q.lower()))
    total = int(db.scalar(f"SELECT COUNT(*) FROM events WHERE {where}", params) or 0)
    pages = max(1, -(-total // size))
    page = min(max(1, page), pages)
    events = db.query(f"SELECT id, name, place, year, date_start, date_end, n_documents, spread, country, scope "
                      f"FROM events "
                      f"WHERE {where} ORDER BY {SORTS.get(sort, SORTS['documents'])} LIMIT ? OFFSET ?",
                      [*params, size, (page - 1) * size])
    ids = [e["id"] for e in events]
    rows: dict[str, list[dict[str, Any]]] = {}
    for r in db.query("SELECT event_id, outcome, grp, low, high, sources, asserted, n_documents, summary, "
                      "disagreement, kinds "
                      f"FROM event_outcomes WHERE grp = 'all' AND event_id IN ({placeholders(len(ids))}) "
                      "ORDER BY event_id, seq", ids):
        r["kinds"] = json.loads(r["kinds"]) if r.get("kinds") else {}
        rows.setdefault(r.pop("event_id"), []).append({"group": r.pop("grp"), **r})
    for e in events:
        mine = rows.get(e["id"], [])
        e["killed"] = next((r for r in mine if r["outcome"] == "killed"), None)
        e["others"] = [r for r in mine if r["outcome"] != "killed"]
    return {"events": events, "total": total, "page": page, "pages": pages}


def stored_comparison(db: Database, event_id: str) -> list[dict[str, Any]] | None:
    """The comparison rows of an event as stored by :func:`refresh_event` (None when not stored)."""
    value = db.scalar("SELECT comparison FROM events WHERE id = ? AND stale = 0", (event_id,))
    return list(json.loads(value)) if value else None


def stored_checks(db: Database, event_id: str) -> list[dict[str, Any]]:
    """The flags of an event's checks as stored by :func:`refresh_event`."""
    value = db.scalar("SELECT checks FROM events WHERE id = ?", (event_id,))
    return list(json.loads(value)) if value else []
