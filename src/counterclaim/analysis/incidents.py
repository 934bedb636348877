"""What each document says happened, where and when: its incidents.

A document has one *primary* incident — what the article is about — and a *secondary*
incident for each other time its figures are dated to ("131 people were killed ... in
Baku in January 1990" inside a 1992 report on Hojali; "the recent war in 2020" inside a
2021 piece on 1992). Every figure belongs to exactly one incident of its document, and
:mod:`counterclaim.store.events` groups incidents of many documents into events.

**When.** The primary incident's year is decided by votes: a date in the title or lead
paragraph counts 2; every sentence holding figures counts 1 for each year it names, or, when
it names none, for the lead's year (else the publication year); the publication year
itself counts 0.5. Relative words ("yesterday", "on Monday", "last week") vote for the
publication date. Ties go to the publication year, then to the earliest date. Its window is the finest
date of that year found in the lead or a figure sentence, else the two weeks before
publication for relative words, else the 30 days before publication, else unknown.
Dates equal to the publication date (bylines, datelines of the day) do not vote.

**Which figures are secondary.** A figure whose sentence carries an explicit date (not a
relative word, not "every year") of another year, and no date of the primary year, goes
to a secondary incident of that year and of the most specific place of its sentence.
Dates of reports are not incident dates and are ignored throughout: a date after "report
/ judgment / said / concluded … in", before "report / judgment" ("the 2001 Krstic
judgment", "a 2002 report"), or followed by a reporting verb before the figure ("In 2002
the government said … that fewer than 100 …").
A subset figure (``part_of``) follows its whole.

**Which whole tolls count one place.** The title and the lead say what the article is about:
their tolls stay the incident's. Another whole toll of the primary incident whose clause locates
it in a place that is not one of the incident's own places (its main place, the places of its
names, those named in the title, those the lead's tolls are counted at), nor a place the text
puts in one of them or one of them in ("Riverton, Northland"), is a partial count of that place:
"in Westford", or "on the city" where "the city" is the town named last. So is one counted at a
place the text names as where people fled to ("arrived in X"): such a place is never the
incident's (:func:`counterclaim.analysis.kinds.located_elsewhere`).

**Where.** Places are weighted per incident: 0.5 per mention (up to 4), +3 in the title,
+4 as the place of an event name ("Khojaly massacre"), +2 after "town/city/village of",
+1 per figure sentence of the incident (up to 3); countries and adjectives of nationality
(merged into their country, key ``@AZ``) count 0.3 of that. Place mentions inside a
claimant's name ("Azerbaijan’s Government") are ignored. A secondary incident uses only
its sentences' places, without the primary's main place when others are named ("As in
Khojaly, ... in 2020").
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from counterclaim.analysis.countries import country, country_name, is_country_name
from counterclaim.analysis.dates import DateMention, date_mentions, parse_iso, relative_spans
from counterclaim.analysis.kinds import every_mention, figure_place, located_elsewhere, nested_pairs, refuge_keys
from counterclaim.analysis.places import HEADS, EventName, PlaceMention, event_names, place_key, related_keys
from counterclaim.read.header import header_length
from counterclaim.records import Figure, Result

LEAD_CHARS = 400
"""The lead: the title plus the body's first paragraph, at most this many characters."""
DEFAULT_WINDOW_DAYS = 30
"""Without any date word, the incident is put in the 30 days before publication."""
COUNTRY_FACTOR = 0.3
_STRONG_CONTEXT = re.compile(r"(?:town|city|village|province|district|region) of\s*$")
_STRONG_AFTER = re.compile(r"\s+(?:province|district|region|governorate)\b")

Span = tuple[int, int]


@dataclass(frozen=True)
class PlaceWeight:
    """A place of an incident with its weight (see the module docstring)."""

    name: str
    key: str
    kind: str
    weight: float


@dataclass
class Incident:
    """One incident of a document: its figures, places, names and date window."""

    n: int
    is_primary: bool
    figures: list[str] = field(default_factory=list)
    places: list[PlaceWeight] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    lo: _dt.date | None = None
    hi: _dt.date | None = None
    date_text: str | None = None
    place_country: str | None = None
    """The country the text gives the main place itself ("Bogota, Colombia", "the Belgian port of
    Zeebrugge", "South Africa's township of Soweto"): a gazetteer hint, never a mention count."""
    scope: str = "incident"
    """``incident``, or ``background`` for a document's cumulative tolls ("since 2003"): they form
    their own events and never join an incident's event."""
    located: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Figure id → (kind, reason) for whole tolls that their clause counts at another town than the
    incident's (:func:`counterclaim.analysis.kinds.located_elsewhere`); :func:`final_kinds` applies them."""

    @property
    def year(self) -> int | None:
        """The incident's year when its window lies within one year."""
        if self.lo is None or self.hi is None:
            return None
        return self.lo.year if self.lo.year == self.hi.year else None

    @property
    def place(self) -> PlaceWeight | None:
        """The heaviest place (places are kept sorted, heaviest first)."""
        return self.places[0] if self.places else None


_REPORT_NOUNS = (r"report|judgment|judgement|ruling|verdict|study|survey|census|inquiry|investigation|book|statement|"
                 r"cable|review|paper|article|interview|list|tally|estimate|count|findings|documentary|"
                 r"press conference")
_REPORT_VERBS = (r"said|says|say|concluded|concludes|reported|reports|wrote|writes|found|finds|estimated|estimates|"
                 r"stated|states|announced|announces|published|publishes|issued|released|counted|listed|"
                 r"acknowledged|accepted|admitted|put|puts|told|claimed|claims")
_REPORT_BEFORE = re.compile(rf"\b(?:{_REPORT_NOUNS}|{_REPORT_VERBS})\b(?:\s+\w+){{0,3}}\s*(?:in|of|on|dated)\s+"
                            rf"(?:the\s+|a\s+|its\s+)?$", re.IGNORECASE)
_REPORT_AFTER = re.compile(rf"^(?:\s+[A-Z][\w\-]*){{0,3}}\s+(?:{_REPORT_NOUNS})\b", re.IGNORECASE)
_VERB = re.compile(rf"\b(?:{_REPORT_VERBS})\b", re.IGNORECASE)


def is_reporting_date(text: str, d: DateMention, figure_start: int | None = None) -> bool:
    """Whether a date dates a report rather than the incident.

    "concluded in the 2001 Krstic judgment", "a 2002 report", "In 2002 the government said
    in a report that fewer than 100 ..." (a reporting verb between the date and the figure).
    """
    if _REPORT_BEFORE.search(text[max(0, d.start - 60):d.start]) or _REPORT_AFTER.match(text[d.end:d.end + 40]):
        return True
    return figure_start is not None and d.end <= figure_start and bool(_VERB.search(text[d.end:figure_start]))


def _sentence(text: str, figure: Figure) -> Span:
    if figure.sentence:
        return figure.sentence
    start = max(text.rfind(". ", 0, figure.span[0]), text.rfind("\n\n", 0, figure.span[0]))
    ends = [i for i in (text.find(". ", figure.span[1]), text.find("\n\n", figure.span[1])) if i >= 0]
    return (start + 1 if start >= 0 else 0, min(ends) + 1 if ends else len(text))


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _title_span(result: Result) -> Span | None:
    title = result.document.title
    if not title:
        return None
    pos = result.document.text.find(title)
    return (pos, pos + len(title)) if pos >= 0 else None


def _lead(text: str, body: int, title: Span | None) -> list[Span]:
    stripped = len(text[body:]) - len(text[body:].lstrip())
    start = body + stripped
    para = text.find("\n\n", start)
    end = min(para if para > start else len(text), start + LEAD_CHARS)
    return [s for s in (title, (start, end)) if s]


def _vote(dates: list[DateMention], lead: list[Span], sentences: list[Span], published: _dt.date | None,
          relative: list[Span]) -> tuple[int | None, DateMention | None]:
    """The primary year (None = unknown) and its finest date mention (see the module docstring)."""
    ref = published.year if published else None
    votes: dict[int | None, float] = defaultdict(float)
    if published:
        votes[ref] += 0.5

    def years_in(scope: list[Span]) -> set[int | None]:
        found: set[int | None] = {d.year for d in dates if d.precision != "relative" and d.year is not None
                                  and _inside((d.start, d.end), scope) and not _is_publication(d, published)}
        if any(_inside(r, scope) for r in relative):
            found.add(ref)
        return found

    in_lead = years_in(lead)
    context = min(in_lead, key=lambda y: (y is None, y or 0)) if in_lead else ref
    for y in in_lead:
        votes[y] += 2
    for s in sentences:  # a figure's sentence votes for its own dates, an undated one for the lead's
        for y in years_in([s]) or {context}:
            votes[y] += 1
    if not votes:
        return None, None
    first_seen = {d.year: d.start for d in reversed(dates)}
    year = max(votes, key=lambda y: (votes[y], y is not None and y == ref, y is not None,
                                     -first_seen.get(y, 10**9)))
    scopes = lead + sentences
    candidates = [d for d in dates if d.year == year and d.precision != "relative"
                  and not _is_publication(d, published) and _inside((d.start, d.end), scopes)]
    rank = {"day": 0, "month": 1, "year": 2}
    best = min(candidates, key=lambda d: (rank[d.precision], d.start), default=None)
    return year, best


def _is_publication(d: DateMention, published: _dt.date | None) -> bool:
    return published is not None and d.precision == "day" and d.lo == published


def _window(year: int | None, best: DateMention | None, dates: list[DateMention], published: _dt.date | None
            ) -> tuple[_dt.date | None, _dt.date | None, str | None]:
    if best is not None:
        return best.lo, best.hi, " ".join(best.text.split())
    if year is None or published is None or year != published.year:
        if year is None:
            return None, None, None
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31), str(year)
    relative = [d for d in dates if d.precision == "relative"]
    if relative:
        return relative[0].lo, relative[0].hi, " ".join(relative[0].text.split())
    return published - _dt.timedelta(days=DEFAULT_WINDOW_DAYS), published, None


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                "with", "over", "after", "says", "say", "said", "kill", "kills", "killed", "hurt", "dead", "die",
                "dies"}


def _title_case(headline: str) -> str:
    """An ALL-CAPS headline in title case, small words and verbs in lower case (same length)."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).lower() if m.group(0).lower() in _SMALL_WORDS
                  else m.group(0).capitalize(), headline)


def _valid_names(names: list[EventName], places: list[PlaceMention], title: Span | None) -> list[EventName]:
    """Event names whose place is a place found otherwise, or that recur, or that are in the title."""
    known = {p.key for p in places} | {place_key(p.name) for p in places}
    counts = Counter(n.name.lower() for n in names)
    return [n for n in names if any(related_keys(place_key(n.place), k) for k in known)
            or counts[n.name.lower()] > 1
            or title and title[0] <= n.start < title[1]]


def _weights(text: str, places: list[PlaceMention], names: list[EventName], title: Span | None,
             sentences: list[Span]) -> list[PlaceWeight]:
    mentions: dict[str, list[PlaceMention]] = defaultdict(list)
    for p in places:
        key = f"@{p.country}" if p.kind != "place" and p.country else p.key
        mentions[key].append(p)
    name_keys = {place_key(n.place) for n in names}
    name_keys |= {k for k in mentions for nk in name_keys if not k.startswith("@") and related_keys(k, nk)}
    name_keys |= {f"@{country(n.place)}" for n in names if is_country_name(n.place)}
    out: list[PlaceWeight] = []
    for key, found in mentions.items():
        named = [p for p in found if p.kind != "demonym"]
        w = 0.5 * min(len(named), 4) + 0.25 * min(len(found) - len(named), 4)
        if title and any(title[0] <= p.start < title[1] for p in named):
            w += 3
        if any(_STRONG_CONTEXT.search(text[max(0, p.start - 20):p.start])
               or _STRONG_AFTER.match(text[p.end:p.end + 12]) for p in named):
            w += 2
        w += min(3, sum(1 for s in sentences if any(s[0] <= p.start < s[1] for p in named)))
        kind = "place" if not key.startswith("@") else "country"
        if kind == "country":
            w *= COUNTRY_FACTOR
        if key in name_keys:
            w += 4
        names_seen = Counter(p.name for p in named) or Counter(p.name for p in found)
        out.append(PlaceWeight(names_seen.most_common(1)[0][0], key, kind, round(w, 2)))
    return sorted(out, key=lambda p: (-p.weight, p.kind != "place", p.name))


def find_incidents(result: Result, places: list[PlaceMention]) -> list[Incident]:
    """The incidents of one document (rules in the module docstring).

    Args:
        result: the extraction of the document.
        places: place mentions in ``result.document.text`` (NER and/or lexical).

    Returns:
        The primary incident first (``n`` = 0), then secondary ones; every figure id appears
        in exactly one incident's ``figures``.
    """
    doc = result.document
    text = doc.text
    published = parse_iso(doc.published)
    body = header_length(text)
    title = _title_span(result)
    sources = [f.source.span for f in result.figures if f.source and f.source.span]
    places = [p for p in places if not _inside((p.start, p.end), sources)]
    skip = [f.span for f in result.figures] + ([(0, body)] if body else [])
    dates = [d for d in date_mentions(text, published, skip=skip) if not is_reporting_date(text, d)]
    lead = _lead(text, body, title)
    sentence_of = {f.id: _sentence(text, f) for f in result.figures}
    explicit = [d.start for d in dates if d.precision != "relative"]
    relative = [r for r in relative_spans(text) if r[0] >= body  # "Friday, 21 July 1972" is no relative date
                and not any(0 <= start - r[1] <= 3 for start in explicit)]
    year, best = _vote(dates, lead, sorted(set(sentence_of.values())), published, relative)
    lo, hi, date_text = _window(year, best, dates, published)
    found_names = event_names(text)
    names = _valid_names(found_names, places, title)
    if title and text[title[0]:title[1]].isupper():  # "ECUADOR QUAKE TO CUT ...": read the headline in title case
        known = {p.key for p in places}
        names += [EventName(n.name, n.place, n.head, n.start + title[0], n.end + title[0])
                  for n in event_names(_title_case(text[title[0]:title[1]]))
                  if any(related_keys(place_key(n.place), k) for k in known)]

    primary = Incident(0, True, lo=lo, hi=hi, date_text=date_text)
    secondary: dict[tuple[int, str], Incident] = {}
    by_id = {f.id: f for f in result.figures}
    home: dict[str, Incident] = {}
    for f in result.figures:
        if f.part_of and f.part_of in by_id:
            continue
        s = sentence_of[f.id]
        if f.kind == "background":
            home[f.id] = _background(secondary, text, s, published, places)
            continue
        here = [d for d in dates if s[0] <= d.start < s[1] and d.precision != "relative" and d.year is not None
                and not is_reporting_date(text, d, f.span[0])]
        other = [d for d in here if d.year != year]
        if not other or any(d.year == year for d in here):
            home[f.id] = primary
            continue
        d = other[0]
        local = [p for p in places if s[0] <= p.start < s[1]]
        specific = [p.key for p in local if p.kind == "place"]
        top = specific[0] if specific else (local[0].key if local else "")
        inc = secondary.setdefault((d.year or 0, top), Incident(len(secondary) + 1, False, lo=d.lo, hi=d.hi,
                                                                  date_text=" ".join(d.text.split())))
        home[f.id] = inc
    for f in result.figures:  # subsets follow their whole
        parent, seen = f, {f.id}
        while parent.id not in home and parent.part_of in by_id and parent.part_of not in seen:
            parent = by_id[parent.part_of]
            seen.add(parent.id)
        home[f.id] = home.get(parent.id, primary)
        home[f.id].figures.append(f.id)

    incidents = [primary, *secondary.values()]
    for inc in secondary.values():
        if inc.scope == "background" and (inc.lo is None or published is None):
            inc.lo = inc.hi = None  # a cumulative toll without a start date is dated by nothing
    secondary_sentences = [sentence_of[fid] for inc in secondary.values() for fid in inc.figures]
    primary_sentences = [sentence_of[fid] for fid in primary.figures]
    primary_places = [p for p in places if not _inside((p.start, p.end), secondary_sentences)]
    primary_names = [n for n in names if not _inside((n.start, n.end), secondary_sentences)]
    primary.places = _weights(text, primary_places, primary_names, title, primary_sentences)
    primary.names = _name_list(primary_names, text, title)
    _locate_figures(primary, by_id, text, places, primary_names, sentence_of, lead, title)
    main = primary.place.key if primary.place else None
    for inc in incidents:
        inc_place = inc.place if inc is not primary else primary.place
        if inc_place is not None and inc_place.kind == "place":
            inc.place_country = place_country(text, inc_place.name)
    for inc in secondary.values():
        spans = sorted({sentence_of[fid] for fid in inc.figures})
        local = [p for p in places if _inside((p.start, p.end), spans)]
        if main and any(p.key != main and p.kind == "place" for p in local) or any(
                p.key != main for p in local if p.kind != "place"):
            local = [p for p in local if p.key != main]
        local_names = [n for n in names if _inside((n.start, n.end), spans)]
        inherited = [PlaceWeight(p.name, p.key, p.kind, round(p.weight * 0.5, 2)) for p in primary.places
                     if p.kind == "country"][:2]  # "110 people ... on May 10, 2010": no place, the article's country
        if inc.scope == "background" and primary.place_country:  # a cumulative toll where the article's place is
            inherited = [PlaceWeight(country_name(primary.place_country).removeprefix("the "),
                                     f"@{primary.place_country}", "country", 1.0)]
        inc.places = _weights(text, local, local_names, None, spans) or inherited
        inc.names = _name_list(local_names, text, None, spans)
    return incidents


_QUALIFIER_NOUNS = r"(?:town|city|village|port|capital|township|province|district|region|enclave|suburb|area)"


def place_country(text: str, place: str) -> str | None:
    """The country the text gives a place itself, if any (see :attr:`Incident.place_country`)."""
    name = re.escape(place)
    patterns = (
        rf"\b{name}\s*(?:,|\()\s*(?P<c>[A-Z][\w'’ -]{{2,30}}?)\s*(?:\)|,|\.|;|\s-)",
        rf"\b(?P<c>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?:['’]s)?\s+(?:[a-z]+\s+){{0,3}}{_QUALIFIER_NOUNS}"
        rf"\s+of\s+{name}\b",
    )
    found: Counter[str] = Counter()
    for pattern in patterns:
        for m in re.finditer(pattern, text[:20000], re.IGNORECASE if place.isupper() else 0):
            code = country(m["c"].strip())
            if code:
                found[code] += 1
    return found.most_common(1)[0][0] if found else None


_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)


def _background(secondary: dict[tuple[int, str], Incident], text: str, sentence: Span,
                published: _dt.date | None, places: list[PlaceMention]) -> Incident:
    """The document's background incident for a cumulative toll (one per start year and place)."""
    m = _SINCE.search(text[sentence[0]:sentence[1]])
    start = int(m["y"]) if m else None
    local = [p for p in places if sentence[0] <= p.start < sentence[1]]
    specific = [p.key for p in local if p.kind == "place"]
    top = specific[0] if specific else (local[0].key if local else "")
    key = (-(start or 1), f"background:{top}")
    if key not in secondary:
        lo = _dt.date(start, 1, 1) if start else None
        secondary[key] = Incident(len(secondary) + 1, False, lo=lo, hi=published if lo else None,
                                  date_text=m.group(0) if m else None, scope="background")
    return secondary[key]


def _locate_figures(primary: Incident, by_id: dict[str, Figure], text: str, places: list[PlaceMention],
                    names: list[EventName], sentence_of: dict[str, Span], lead: list[Span],
                    title: Span | None) -> None:
    """Fill ``primary.located``: its whole tolls that their clause counts at another town (see
    :func:`counterclaim.analysis.kinds.located_elsewhere`). The title and the lead say what the
    article is about: their tolls are the incident's, and the incident's own places are its main
    place, the places of its names, those named in the title and those its lead's tolls are counted
    at; a place named as where people fled to is never one of them, unless named so."""
    figures = [by_id[fid] for fid in primary.figures]
    places = every_mention(text, places, [f.source.span for f in by_id.values() if f.source and f.source.span])
    in_lead = {f.id for f in figures if _inside(f.span, lead)}
    stated = {place_key(n.place) for n in names} | {p.key for p in places if p.kind == "place" and title
                                                    and _inside((p.start, p.end), [title])}
    for f in figures:
        if f.id in in_lead and f.kind == "whole" and not f.part_of:
            located = figure_place(f, text, places, sentence_of[f.id])
            if located is not None:
                stated.add(located[0].key)
    own = stated | ({primary.place.key} if primary.place and primary.place.kind == "place" else set())
    refuges = {k for k in refuge_keys(text, places) if not any(related_keys(k, n) for n in stated)}
    nests = nested_pairs(text, places)
    for f in figures:
        if f.kind != "whole" or f.part_of or f.id in in_lead:
            continue
        decided = located_elsewhere(f, text, places, sentence_of[f.id], own, refuges, nests)
        if decided is not None:
            primary.located[f.id] = decided


def final_kinds(result: Result, incidents: list[Incident]) -> Result:
    """The Result with the kinds its incidents decide: ``other_incident`` on figures dated to another
    incident than the primary one, ``partial`` on whole tolls counted at another town (``located``).

    A figure of a secondary incident ("131 people ... in Baku in January 1990" in a 1992 report) is
    about another incident; it is that incident's toll in the event it joins.
    """
    elsewhere = {fid for inc in incidents if not inc.is_primary and inc.scope == "incident" for fid in inc.figures}
    located = {fid: decided for inc in incidents if inc.is_primary for fid, decided in inc.located.items()}
    if not elsewhere and not located:
        return result

    def final(f: Figure, inc: Incident) -> Figure:
        if f.id in elsewhere and f.kind in ("whole", "partial", None) and not f.part_of:
            return replace(f, kind="other_incident", kind_reason=f"dated to another incident ({inc.date_text})")
        if f.id in located and f.kind == "whole" and not f.part_of:
            return replace(f, kind=located[f.id][0], kind_reason=located[f.id][1])
        return f

    figures = tuple(final(f, inc) for inc in incidents for f in result.figures if f.id in inc.figures)
    order = {f.id: i for i, f in enumerate(result.figures)}
    return replace(result, figures=tuple(sorted(figures, key=lambda f: order[f.id])))


def _name_list(names: list[EventName], text: str, title: Span | None, spans: list[Span] | None = None
               ) -> list[str]:
    """Event names, most frequent first, then bare head nouns of the title or sentences ("massacre")."""
    counted = Counter(n.name for n in names)
    out = [name for name, _ in counted.most_common()]
    scopes = ([title] if title else []) + (spans or [])
    heads: Counter[str] = Counter()
    for s, e in scopes:
        for word in re.findall(r"[A-Za-z]+", text[s:e]):
            if word.lower() in HEADS:
                heads[word.lower()] += 1
    out += [f"*{h}" for h, _ in heads.most_common()]  # a head without a place: named later with the place
    return out
