"""Which incidents of different documents are the same event, and what to call it.

Pure functions over :class:`Node` (an incident as stored). The rule:

Two incidents are **linked** when their dates are compatible and they share a place:

* *dates*: both windows, each widened by :data:`TOLERANCE_DAYS`, overlap. When either date is
  unknown they are **never** linked: a shared place alone does not make one event (a 2019 car
  bomb and a 1988 massacre in one city are two events);
* *scope*: an incident's toll and a cumulative background toll ("since 2003") are never linked;
* *places*: the weights of the specific (sub-national) places they share add up to at
  least :data:`MIN_SHARED` ("Khojaly" ~ "Hojali" count as one place, see
  :func:`counterclaim.analysis.places.same_place`); incidents that name no specific place
  at all link through a shared country instead. Countries alone never link an incident
  that has a specific place: "Iraq" in two reports does not make one event.

Links are taken strongest first (shared weight, +3 for the same main place, +1 for dates
within three days) and merge groups only while every date window of the merged group
still overlaps — so a chain of "a week later" links cannot stretch an event over months
— and never merge two events that already exist: event ids are stable, and only a user
merges events (``counterclaim merge-events``).

An event is **named** by its place with the highest summed weight (spelled as most
documents spell it), unless four or more specific places weigh within 75 % of it (a
wave of attacks "across Iraq"), when its main country names it; with countries only, up to
three countries name it, in alphabetical order, however often each is named, so that no side
alone names a war ("Armenia–Azerbaijan"). Its year is the most common year of its
incidents, its head noun ("massacre") the one most documents use; the id is the slug of
place and year: ``khojaly-1992``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from counterclaim.analysis.countries import country, country_name, is_country_name
from counterclaim.analysis.places import place_key, related_keys, same_place, split_name

TOLERANCE_DAYS = 7
MIN_SHARED = 1.0
SPREAD_PLACES = 4
SPREAD_RATIO = 0.75


@dataclass
class Node:
    """An incident as the grouping sees it."""

    doc_id: str
    n: int
    places: list[tuple[str, str, str, float]]  # (name, key, kind, weight), heaviest first
    names: list[str]
    lo: _dt.date | None
    hi: _dt.date | None
    n_figures: int = 0
    event_id: str | None = None
    specific: dict[str, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)
    main_key: str | None = None  # set for an event's summary node: its main place over all its incidents
    scope: str = "incident"  # "background": a cumulative toll, grouped only with other cumulative tolls

    @property
    def ref(self) -> tuple[str, int]:
        return (self.doc_id, self.n)

    @property
    def main(self) -> str | None:
        if self.main_key is not None:
            return self.main_key
        if self.specific:
            return max(self.specific, key=lambda k: self.specific[k])
        return max(self.countries, key=lambda k: self.countries[k]) if self.countries else None

    @property
    def year(self) -> int | None:
        if self.lo is None or self.hi is None or self.lo.year != self.hi.year:
            return None
        return self.lo.year


def canonical_keys(nodes: list[Node]) -> dict[str, str]:
    """Map every place key to one representative of its spelling group (same_place)."""
    weights: dict[str, float] = defaultdict(float)
    for node in nodes:
        for _, key, kind, w in node.places:
            if kind == "place":
                weights[key] += w
    return canonical_of_weights(weights)


def canonical_of_weights(weights: dict[str, float]) -> dict[str, str]:
    """Map place keys to representatives, the heaviest key of a spelling group first."""
    reps: dict[str, list[str]] = defaultdict(list)  # bucket: first letter
    out: dict[str, str] = {}
    for key in sorted(weights, key=lambda k: (-weights[k], k)):
        out[key] = representative(reps[key[:1]], key)
    return out


def representative(bucket: list[str], key: str) -> str:
    """The representative in ``bucket`` (keys with the same first letter) that ``key`` spells; else ``key``, added."""
    found = next((r for r in bucket if abs(len(r) - len(key)) <= 3 and same_place(r, key)), None)
    if found is None:
        bucket.append(key)
    return found or key


def apply_canon(nodes: Iterable[Node], canon: dict[str, str]) -> None:
    """Fill each node's ``specific`` and ``countries`` maps, place keys mapped through ``canon``."""
    for node in nodes:
        node.specific, node.countries = {}, {}
        for _, key, kind, w in node.places:
            if kind == "place":
                k = canon.get(key, key)
                node.specific[k] = node.specific.get(k, 0) + w
            else:
                node.countries[key] = node.countries.get(key, 0) + w


def prepare(nodes: list[Node]) -> dict[str, str]:
    """Fill each node's ``specific`` and ``countries`` maps with canonical keys; return the key map."""
    canon = canonical_keys(nodes)
    apply_canon(nodes, canon)
    return canon


def _widen(node: Node) -> tuple[_dt.date, _dt.date] | None:
    if node.lo is None or node.hi is None:
        return None
    pad = _dt.timedelta(days=TOLERANCE_DAYS)
    return node.lo - pad, node.hi + pad


def link_score(a: Node, b: Node) -> float:
    """How strongly two incidents are linked (0 = not linked); the rule is in the module docstring."""
    if a.scope != b.scope:
        return 0.0
    wa, wb = _widen(a), _widen(b)
    if wa is None or wb is None or wa[0] > wb[1] or wb[0] > wa[1]:
        return 0.0
    if a.specific or b.specific:
        shared = sum(min(w, b.specific[k]) for k, w in a.specific.items() if k in b.specific)
    else:
        shared = sum(min(w, b.countries[k]) for k, w in a.countries.items() if k in b.countries)
        shared *= 1 / 0.3  # countries were down-weighted when the incident was read
    if shared < MIN_SHARED:
        return 0.0
    score = shared + (3 if a.main == b.main else 0)
    if a.lo and b.lo and a.hi and b.hi:
        mid_a = a.lo + (a.hi - a.lo) / 2
        mid_b = b.lo + (b.hi - b.lo) / 2
        score += 1 if abs((mid_a - mid_b).days) <= 3 else 0
    return score


def candidate_pairs(nodes: list[Node]) -> Iterable[tuple[int, int]]:
    """Index pairs that share a place key (specific, or country for country-only nodes).

    Pairs of two nodes that both have an event are left out: existing events are never merged.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        keys = node.specific if node.specific else {f"c:{k}": w for k, w in node.countries.items()}
        for key in keys:
            index[key].append(i)
    seen: set[tuple[int, int]] = set()
    for members in index.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if nodes[pair[0]].event_id and nodes[pair[1]].event_id:
                    continue
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def cluster(nodes: list[Node]) -> list[list[Node]]:
    """Group nodes into events: existing assignments are kept, new nodes join or form groups."""
    parent = list(range(len(nodes)))
    window: dict[int, tuple[_dt.date, _dt.date] | None] = {i: _widen(n) for i, n in enumerate(nodes)}
    event: dict[int, str | None] = {i: n.event_id for i, n in enumerate(nodes)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int, *, force: bool = False) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        wi, wj = window[ri], window[rj]
        merged = wi or wj
        if wi and wj:
            both = (max(wi[0], wj[0]), min(wi[1], wj[1]))
            if both[0] > both[1]:
                if not force:
                    return
                both = wi  # a user's event may span incompatible dates: keep one window
            merged = both
        if event[ri] and event[rj] and event[ri] != event[rj]:
            return
        parent[rj] = ri
        window[ri] = merged
        event[ri] = event[ri] or event[rj]

    by_event: dict[str, int] = {}
    for i, node in enumerate(nodes):  # existing events stay together whatever their dates
        if node.event_id:
            if node.event_id in by_event:
                join(by_event[node.event_id], i, force=True)
            else:
                by_event[node.event_id] = i
    links = []
    for i, j in candidate_pairs(nodes):
        if nodes[i].event_id and nodes[j].event_id:
            continue
        score = link_score(nodes[i], nodes[j])
        if score > 0:
            links.append((score, i, j))
    for _, i, j in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        join(i, j)
    groups: dict[int, list[Node]] = defaultdict(list)
    for i, node in enumerate(nodes):
        groups[find(i)].append(node)
    return list(groups.values())


def slug(text: str) -> str:
    """``Khojaly, 1992`` → ``khojaly-1992``: ASCII, lower case, hyphens."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ə", "a"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class Naming:
    """What an event is called: display name, place, year and the id to create it under."""

    name: str
    place: str | None
    year: int | None
    id: str


@dataclass
class Tally:
    """What naming needs of an event's incidents, added up one incident at a time.

    Memory grows with the distinct places, years and name sets of the event, not with its
    number of incidents, so a large event can be named while its incidents stream past.
    """

    scores: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    spellings: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    years: Counter[int] = field(default_factory=Counter)
    name_sets: Counter[frozenset[str]] = field(default_factory=Counter)
    known: set[str] = field(default_factory=set)
    size: int = 0

    def add(self, node: Node, canon: dict[str, str]) -> None:
        """Count one incident."""
        self.size += 1
        for name, key, kind, w in node.places:
            self.known.add(key)
            if kind == "place":
                k = canon.get(key, key)
                self.scores[k] += w
                self.spellings[k][name] += 1
            else:
                self.countries[key] += w
        if node.year is not None:
            self.years[node.year] += 1
        self.name_sets[frozenset(node.names)] += 1


def name_event(group: list[Node], canon: dict[str, str]) -> Naming:
    """Name an event from its incidents (the rule is in the module docstring)."""
    tally = Tally()
    for node in group:
        tally.add(node, canon)
    return name_tally(tally, canon, scope=group[0].scope if group else "incident")


def name_tally(tally: Tally, canon: dict[str, str], *, scope: str = "incident") -> Naming:
    """Name an event from the :class:`Tally` of its incidents (the rule is in the module docstring).

    A background event (cumulative tolls) is named "<place> (cumulative toll)". A name whose
    modifier is a party (an armed group, a state body: "Hamas attack") is never used.
    """
    naming = _name_tally(tally, canon)
    if scope == "background":
        base = naming.place or "Unnamed place"
        return Naming(name=f"{base} (cumulative toll)", place=naming.place, year=naming.year,
                      id=f"{slug(base) or 'event'}-cumulative" + (f"-{naming.year}" if naming.year else ""))
    return naming


def _party(where: str) -> bool:
    """Whether an event name's modifier names a party to a conflict rather than a place."""
    from counterclaim.attribute.source_types import source_type
    from counterclaim.reconcile.gazetteer import locate

    if country(where) and not is_country_name(where):
        return True  # "Armenian attack": a nationality
    if source_type(where) in ("armed_group", "military"):
        return True  # "Hamas attack", even where a town has a similar name
    return locate(where) is None and source_type(where) == "government"


def _name_tally(tally: Tally, canon: dict[str, str]) -> Naming:
    scores, spellings, countries = tally.scores, tally.spellings, tally.countries
    main: str | None = None
    place: str | None = None
    ranked_countries = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
    if scores:
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        top = ranked[0][1]
        spread = sum(1 for _, s in ranked if s >= SPREAD_RATIO * top) >= SPREAD_PLACES
        top_country = ranked_countries[0] if ranked_countries else None
        if not (spread and countries) and not (top_country and top_country[1] > top):
            chosen = ranked[0][0]
            main = chosen
            place = max(spellings[chosen], key=lambda s: (spellings[chosen][s], -len(s), s))
    if place is None and countries:
        codes = [k.lstrip("@") for k, _ in ranked_countries[:3]]
        place = "–".join(country_name(c).removeprefix("the ") for c in sorted(codes))
        if len(codes) == 1:
            main = f"@{codes[0]}"
    years = tally.years
    year = min(years, key=lambda y: (-years[y], y)) if years else None
    heads: Counter[str] = Counter()
    for names, count in tally.name_sets.items():
        seen: set[str] = set()
        for name in names:
            where, noun = split_name(name)
            if where is None or main is None or _same(where, main, canon):
                seen.add(noun)
        for noun in seen:
            heads[noun] += count
    head = min(heads, key=lambda h: (-heads[h], h)) if heads else None
    full: Counter[str] = Counter()  # whole names for the chosen place and head: "Battle of Ouadi Doum"
    other: Counter[str] = Counter()  # names whose modifier is no place of the event: "Bloody Friday attacks"
    known = set(scores) | tally.known
    for names, count in tally.name_sets.items():
        for name in names:
            where, h = split_name(name)
            if where is None:
                continue
            if _party(where):
                continue
            if main is not None and h == head and _same(where, main, canon):
                full[name] += count
            elif not any(_same(where, k, canon) for k in known) and not country(where):
                other[name] += count
    base_text = place or head or "event"
    if full:
        title = min(full, key=lambda n: (-full[n], n))
    elif other and (main is None or sum(other.values()) >= tally.size):
        title = min(other, key=lambda n: (-other[n], n))
        base_text = split_name(title)[0] or title or base_text
    elif place and head:
        title = f"{place} {head}"
    else:
        title = place or (head.capitalize() if head else "Unnamed event")
    base = slug(base_text) or "event"
    return Naming(name=title, place=place, year=year, id=f"{base}-{year}" if year else base)


def _same(place: str, key: str, canon: dict[str, str]) -> bool:
    if key.startswith("@"):
        return country(place) == key[1:]
    k = place_key(place)
    return canon.get(k, k) == key or related_keys(k, key)
