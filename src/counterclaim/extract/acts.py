"""Official acts: resolutions, laws, declarations, proclamations, days of remembrance (ANNOTATION.md §3).

An act needs a trigger and an acting jurisdiction in the same sentence.

Triggers:

1. A verb of adoption with an act noun: "adopted relevant parliamentary resolutions", "a
   resolution ... was passed by", "approved a motion", "signed a proclamation", "enacted a law".
2. "declare" / "proclaim" with a day, a date or an "as" complement: "has declared February 26
   as ...", "proclaimed a day of mourning" (``declaration`` / ``proclamation``).
3. "recognize" / "designate" / "commemorate" something "as" a genocide, day, or massacre.
4. An act noun with its own actor: "the declaration signed ... by Minnesota Governor, Tim Walz",
   "Scotland's resolution".

The acting jurisdiction is a country, a US/Australian state, a Canadian province or a UK nation
(``actplaces``) inside the subject of the trigger (or of the verb it depends on: "X voted to
recognize"), its "by" agent, or a possessive or compound of the act noun or of a body noun
("the legislative bodies of A, B and C" → three acts); a country adjective counts on a body
noun ("the Lithuanian parliament" → Lithuania). A jurisdiction that only classifies ("US state,
Minnesota" → not the US), a country that owns plural divisions ("many states of the United
States") or one in a vague total ("over 24 US states") is not acting; named members of a
total are ("ten countries, including Mexico and Peru").

The date is an explicit date with a year attached to the trigger ("signed on February 12, 2021"
→ 2021-02-12, "in February 2019" → 2019-02, "In 2012," → 2012). Mentions of one jurisdiction are
merged: the first mention's span and kind, the first date found.

Deliberately missed: bodies above or below these levels (the European Parliament, city
councils), dates only given relative to publication ("last week"), acts whose actor is named
only in another sentence, and whether the act is about the event at all.

Example: "The parliaments of Ruritania and Estonia adopted resolutions." → Estonia (EE) and,
if Ruritania were a country, Ruritania, both ``resolution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy.tokens
from spacy.tokens import Span, Token

from counterclaim.attribute.speakernames import tokens_between
from counterclaim.extract.actplaces import Place, find_demonyms, find_places
from counterclaim.extract.quotemarks import find_double_stretches
from counterclaim.nlp.normalize import NormText

ACT_NOUNS = {
    "resolution": "resolution", "resolutions": "resolution", "motion": "resolution", "motions": "resolution",
    "law": "law", "laws": "law", "bill": "law", "bills": "law", "legislation": "law", "statute": "law",
    "ordinance": "law", "act": "law", "acts": "law",
    "declaration": "declaration", "declarations": "declaration",
    "proclamation": "proclamation", "proclamations": "proclamation",
    "decree": "other", "decrees": "other", "order": "other",
}
ADOPT_VERBS = {"adopt", "pass", "approve", "enact", "sign", "issue", "unanimously", "ratify", "vote"}
DECLARE_VERBS = {"declare": "declaration", "proclaim": "proclamation"}
RECOGNIZE_VERBS = {"recognize", "recognise", "designate", "commemorate"}
BODY_NOUNS = {"parliament", "parliaments", "legislature", "legislatures", "senate", "assembly", "assemblies",
              "congress", "council", "councils", "house", "houses", "government", "governments", "governor",
              "lawmakers", "legislators", "parliamentarians", "mps", "deputies", "bodies", "body", "chamber",
              "chambers", "duma", "knesset", "bundestag", "majlis", "sejm", "rada", "cortes", "diet",
              "president", "premier", "minister", "cabinet", "state", "legislative"}
DIVISION_NOUNS = {"state", "states", "province", "provinces", "region", "regions", "county", "counties",
                  "city", "cities", "territory", "territories", "countries", "country", "nations",
                  "municipalities", "districts", "members", "parts"}
_DAY_WORDS = {"day", "days", "week", "month", "year", "holiday", "mourning", "remembrance", "genocide",
              "massacre", "commemoration", "memorial", "anniversary", "observance", "tragedy"}
_NOT_DECLARED = {"war", "independence", "victory", "ceasefire", "truce", "emergency", "bankruptcy", "martial"}
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                        "september", "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


@dataclass(frozen=True)
class ActMention:
    """An act by one jurisdiction; ``start``/``end`` is the normalised span of the jurisdiction."""

    start: int
    end: int
    jurisdiction: str
    jurisdiction_code: str | None
    act: str
    date: str | None


def parse_date(text: str) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` from an explicit date; None without a year.

    >>> parse_date("February 12, 2021"), parse_date("in March 2015"), parse_date("February 26")
    ('2021-02-12', '2015-03', None)
    """
    low = text.lower().replace(",", " ")
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", low)
    if not year:
        return None
    month = next((n for w, n in _MONTHS.items() if re.search(rf"\b{w}\b\.?", low)), None)
    if month is None:
        return year.group(1)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", re.sub(r"\b(1[5-9]\d\d|20\d\d)\b", " ", low))
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year.group(1)}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year.group(1)}-{month:02d}"


def _ancestors(tok: Token, limit: int = 12) -> list[Token]:
    out = []
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


class _Trigger:
    def __init__(self, token: Token, kind: str, actors: set[int], date_from: list[Token]) -> None:
        self.token = token
        self.kind = kind
        self.actors = actors
        self.date_from = date_from


def _act_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ACT_NOUNS and not _is_act_of(c):
            return c
        if c.dep_ == "conj" and c.pos_ == "VERB":
            found = _act_object(c)
            if found is not None:
                return found
    return None


def _is_act_of(tok: Token) -> bool:
    """"the act of genocide" is no act."""
    return tok.lower_ in ("act", "acts") and any(c.lower_ == "of" for c in tok.children)


def _actor_ids(verb: Token) -> set[int]:
    ids: set[int] = set()
    heads = [verb]
    node = verb
    for _ in range(2):  # "X voted to recognize", "X has adopted and signed"
        if node.dep_ in ("conj", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            heads.append(node)
    for v in heads:
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ACT_NOUNS:
                ids |= _subtree_ids(c)
            if c.dep_ == "agent":
                ids |= _subtree_ids(c)
            if c.dep_ == "prep" and c.lower_ == "in" and c.i < v.i:  # "In Ruritania, MPs adopted"
                ids |= _subtree_ids(c)
        if any(c.dep_ == "auxpass" for c in v.children):  # "signed on May 2, 2020 by X": a stray agent
            for t in v.subtree:
                if t.lower_ == "by" and t.dep_ == "prep" and t.i > v.i:
                    ids |= _subtree_ids(t)
    return ids


def _noun_actors(noun: Token) -> set[int]:
    ids: set[int] = set()
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i:
            ids |= _subtree_ids(c)
        if c.dep_ in ("acl", "relcl"):
            ids |= _actor_ids(c)
    return ids


def _triggers(sent: Span, need_actor: bool = True) -> list[_Trigger]:
    out: list[_Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in ADOPT_VERBS:
            obj = _act_object(tok)
            if obj is not None:
                date_from = [tok, obj] + [c for c in obj.children if c.dep_ in ("acl", "relcl")]
                out.append(_Trigger(tok, ACT_NOUNS[obj.lower_], _actor_ids(tok) | _noun_actors(obj), date_from))
        elif tok.pos_ == "VERB" and lemma in DECLARE_VERBS:
            words = {t.lower_ for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "punct")
                     for t in c.subtree}
            if words & _NOT_DECLARED:
                continue
            dated = any(c.ent_type_ == "DATE" for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
            if dated or words & _DAY_WORDS:
                out.append(_Trigger(tok, DECLARE_VERBS[lemma], _actor_ids(tok), [tok]))
        elif tok.pos_ == "VERB" and lemma in RECOGNIZE_VERBS:
            words = {t.lower_ for c in tok.children if c.dep_ in ("dobj", "prep", "nsubjpass", "oprd")
                     for t in c.subtree}
            if words & _DAY_WORDS:
                actors = _actor_ids(tok)
                bodies = {t.lower_ for t in sent if t.i in actors} & BODY_NOUNS
                out.append(_Trigger(tok, "resolution" if bodies else "other", actors, [tok]))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in ACT_NOUNS and not _is_act_of(tok):
            actors = _noun_actors(tok)
            if actors or not need_actor:
                date_from = [tok] + [c for c in tok.children if c.dep_ in ("acl", "relcl")]
                out.append(_Trigger(tok, ACT_NOUNS[tok.lower_], actors, date_from))
    return out


def _acting(place: Place, place_toks: list[Token], actors: set[int]) -> bool:
    """Is this jurisdiction mention one that acted (module docstring)?"""
    if not place_toks or not all(t.i in actors for t in place_toks):
        return False
    head = place_toks[-1]
    doc = head.doc
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in DIVISION_NOUNS:
        return False  # "US state, Minnesota", "24 US states"
    outer = next((t for t in place_toks if t.head.i < place_toks[0].i or t.head.i > head.i), head)
    if outer.dep_ == "compound" and (outer.head.ent_type_ == "GPE" or outer.head.lower_ in DIVISION_NOUNS):
        return False
    node = outer
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    country = place.code is not None and "-" not in place.code
    if node.dep_ == "pobj" and node.head.lower_ == "of" and country:
        owner = node.head.head
        if owner.lower_ in DIVISION_NOUNS - {"countries", "country", "nations"} and owner.tag_ == "NNS":
            return False  # "many states of the United States"
    return True


def _date_of(trigger: _Trigger) -> str | None:
    doc = trigger.token.doc
    for ent in doc.ents:
        if ent.label_ != "DATE" or not re.search(r"\b(1[5-9]\d\d|20\d\d)\b", ent.text):
            continue
        root = ent.root
        chain = [root] + _ancestors(root, 4)
        for src in trigger.date_from:
            if src in chain[1:]:
                path = chain[:chain.index(src)]
                if all(t.dep_ in ("pobj", "prep", "npadvmod", "nummod", "compound", "appos") or t is root
                       for t in path):
                    return parse_date(ent.text)
    return None


def find_acts(norm: NormText, doc: spacy.tokens.Doc, *, published: str | None = None) -> list[ActMention]:
    """Every act of the document, one per acting jurisdiction (normalised offsets).

    ``published`` (YYYY-MM-DD) is accepted for relative dates but not used yet.
    """
    del published
    quoted = [(q.start, q.end) for q in find_double_stretches(norm)[0]]
    places = [p for p in find_places(norm.text) if not any(s <= p.start < e for s, e in quoted)]
    places += [p for p in find_demonyms(norm.text) if not any(s <= p.start < e for s, e in quoted)
               and _adjective_of_body(doc, p)]
    places.sort(key=lambda p: p.start)
    found: dict[str, ActMention] = {}
    recent: list[tuple[int, str]] = []  # (sentence number, key) of the acts found so far
    for n, sent in enumerate(doc.sents):
        in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char]
        triggers = _triggers(sent, need_actor=bool(in_sent))
        if triggers and not any(_acting(p, _place_tokens(doc, p), t.actors) for p in in_sent for t in triggers):
            _date_follow_up(found, recent, n, triggers)  # "The declaration was signed on May 2, 2020."
            continue
        for trig in triggers:
            for place in in_sent:
                toks = _place_tokens(doc, place)
                if not _acting(place, toks, trig.actors):
                    continue
                key = place.code or place.name.lower()
                date = _date_of(trig)
                prev = found.get(key)
                recent.append((n, key))
                if prev is None:
                    found[key] = ActMention(place.start, place.end, place.name, place.code, trig.kind, date)
                elif prev.date is None and date is not None:
                    found[key] = ActMention(prev.start, prev.end, prev.jurisdiction, prev.jurisdiction_code,
                                            prev.act, date)
    return sorted(found.values(), key=lambda a: a.start)


def _date_follow_up(found: dict[str, ActMention], recent: list[tuple[int, str]], n: int,
                    triggers: list[_Trigger]) -> None:
    """Give an undated act of the last two sentences the date of a following act of its kind."""
    if not recent or n - recent[-1][0] > 2:
        return
    last_n = recent[-1][0]
    for trig in triggers:
        date = _date_of(trig)
        if date is None:
            continue
        for m, key in recent:
            act = found[key]
            if m == last_n and act.date is None and act.act == trig.kind:
                found[key] = ActMention(act.start, act.end, act.jurisdiction, act.jurisdiction_code, act.act, date)
        return


def _adjective_of_body(doc: spacy.tokens.Doc, place: Place) -> bool:
    """"the Lithuanian parliament", "Turkish lawmakers": a country adjective on a body noun."""
    toks = _place_tokens(doc, place)
    if len(toks) != 1:
        return False
    tok = toks[0]
    return tok.head.i > tok.i and tok.head.lower_ in BODY_NOUNS - {"state", "bodies", "body", "legislative"}


def _place_tokens(doc: spacy.tokens.Doc, place: Place) -> list[Token]:
    return tokens_between(doc, place.start, place.end)
