"""Official acts: resolutions, laws, declarations, proclamations, days of remembrance (ANNOTATION.md §3).

An act needs a trigger and an acting jurisdiction in the same sentence.

Triggers:

1. A verb of adoption with an act noun: "adopted relevant parliamentary resolutions", "a
   resolution ... was passed by", "approved a motion", "signed a proclamation", "enacted a law"
   (also when the parser hangs the noun elsewhere: "signed a proclamation naming ...").
2. "declare" / "proclaim" with a day, a date or an "as" complement: "has declared February 26
   as ...", "proclaimed a day of mourning" (``declaration`` / ``proclamation``).
3. "recognize" / "designate" / "commemorate" something "as" a genocide, day, or massacre.
4. An act noun with its own actor: "the declaration signed ... by Minnesota Governor, Tim Walz",
   "Scotland's resolution".
5. An elliptical clause after a trigger: "X adopted resolutions, as did Y in 2022 and Z in 2021"
   (Y and Z acted too, each with its own date).

No act: a trigger that is negated, modal or under a verb of failing, planning or rejecting ("did
not adopt", "will vote", "failed to pass", "is expected to adopt"), and an act noun that was
only debated, proposed, introduced, rejected or voted against.

The acting jurisdiction is a country, a US/Australian state, a Canadian province or a UK nation
(``actplaces``) inside the subject of the trigger (or of the verb it depends on: "X voted to
recognize"), its "by" agent, or a possessive or compound of the act noun or of a body noun
("the legislative bodies of A, B and C" → three acts); a country adjective counts on a body
noun ("the Lithuanian parliament" → Lithuania), and so does a legislature's own name ("the
Sejm" → Poland, ``actbodies``). A name pycountry does not know counts when the text presents it
as a jurisdiction ("Ruritania's parliament", "the government of Ruritania"; code None). When the
actor is an office or body with no place of its own ("President Ana Kovic", "the governor"), an
"in X" after the trigger names the jurisdiction: a known place, or, for a national act ("a day
of national mourning in Ruritania"), a name the tagger takes for a place. A jurisdiction that
only classifies ("US state, Minnesota" → not the US), a country that owns plural divisions
("many states of the United States") or one in a vague total ("over 24 US states") is not
acting; named members of a total are ("ten countries, including Mexico and Peru").

The date is an explicit date with a year attached to the trigger ("signed on February 12, 2021"
→ 2021-02-12, "in February 2019" → 2019-02, "In 2012," → 2012); failing that, a date without a
year placed by the publication date ("On 3 March" → that March, or the year before when it lies
after the publication date; "Last year" → the year before). Mentions of one jurisdiction are
merged: the first mention's span and kind, the first date found.

Deliberately missed: bodies above or below these levels (the European Parliament, city
councils), weekdays and other dates that need the day of the week ("on Monday"), acts whose
actor is named only in another sentence, and whether the act is about the event at all.

Example: "The parliaments of Ruritania and Estonia adopted resolutions." → Estonia (EE) and
Ruritania (code None), both ``resolution``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy.tokens
from spacy.tokens import Span, Token

from counterclaim import lexicons as _lex
from counterclaim.extract.actbodies import find_legislatures, place_from_token, presented_places
from counterclaim.extract.actplaces import Place, find_demonyms, find_places
from counterclaim.extract.quotemarks import find_double_stretches
from counterclaim.extract.spans import tokens_between
from counterclaim.nlp.normalize import NormText
from counterclaim.records import ACT_KINDS

# The word lists of the act rules are data (lexicons/data/act_*.txt, act_*.tsv; each file's header says
# what it is); the dependency labels and modal verbs below are grammar.
_ACT_KINDS = frozenset(ACT_KINDS)
ACT_NOUNS = _lex.mapping("act_nouns.tsv", values=_ACT_KINDS)
ADOPT_VERBS = _lex.words("act_adopt_verbs.txt")
DECLARE_VERBS = _lex.mapping("act_declare_verbs.tsv", values=_ACT_KINDS)
RECOGNIZE_VERBS = _lex.words("act_recognize_verbs.txt")
BODY_NOUNS = _lex.words("act_body_nouns.txt")
DIVISION_NOUNS = _lex.words("act_division_nouns.txt")
_DAY_WORDS = _lex.words("act_day_words.txt")
_NOT_DECLARED = _lex.words("act_not_declared.txt")
_MODALS = {"will", "would", "could", "may", "might", "should", "must", "can", "shall"}
# verbs under which an act is not (yet) done: "failed to adopt", "debated a motion", "rejected a bill"
_UNDONE_VERBS = _lex.words("act_undone_verbs.txt")
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj", "nsubj", "nsubjpass",
                "agent", "cc", "punct"}
# words that make an act national: the "in X" after it names the jurisdiction ("national mourning in X")
_NATIONAL = _lex.words("act_national_words.txt")
_OFFICES = _lex.words("act_offices.txt")
_BELOW_NATIONAL = _lex.words("act_below_national.txt")
_MONTHS = _lex.months()


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
    def __init__(self, token: Token, kind: str, actors: set[int], date_from: list[Token],
                 where: set[int] | None = None) -> None:
        self.token = token
        self.kind = kind
        self.actors = actors
        self.date_from = date_from
        self.where = where or set()  # "in X" after the act: X may be the jurisdiction of an office-holder


def _act_object(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ACT_NOUNS and not _is_act_of(c):
            return c
        if c.dep_ == "conj" and c.pos_ == "VERB":
            found = _act_object(c)
            if found is not None:
                return found
    return _object_right_after(verb)


def _object_right_after(verb: Token) -> Token | None:
    """"signed a proclamation naming ..." parsed with another head: an act noun right after the verb."""
    doc = verb.doc
    sub = _subtree_ids(verb)
    for tok in doc[verb.i + 1:min(len(doc), verb.i + 5)]:
        if tok.pos_ in ("DET", "ADJ", "NUM", "ADV") or tok.dep_ in ("amod", "det", "compound"):
            continue
        if tok.pos_ == "NOUN" and tok.lower_ in ACT_NOUNS and tok.i in sub and not _is_act_of(tok) \
                and tok.lower_ not in ("order", "act", "acts"):
            return tok
        return None
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


def _not_done(verb: Token) -> bool:
    """"did not adopt", "failed to pass", "will adopt", "rejected the motion": no act (yet)."""
    node = verb
    for _ in range(3):
        kids = list(node.children)
        if any(c.dep_ == "neg" for c in kids):
            return True
        if any(c.dep_ == "aux" and c.lemma_.lower() in _MODALS for c in kids):
            return True
        if node.lemma_.lower() in _UNDONE_VERBS:
            return True
        if node.dep_ in ("xcomp", "conj") and node.head.pos_ in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head  # "failed to adopt", "debated and rejected"
            continue
        break
    return False


def _noun_undone(noun: Token) -> bool:
    """An act noun that was only debated, proposed or rejected: "rejected Ruritania's motion"."""
    node = noun
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    verb = node.head
    if node.dep_ == "pobj" and verb.dep_ == "prep":  # "voted against the motion", "a debate on the bill"
        if verb.lower_ == "against":
            return True
        verb = verb.head
    elif node.dep_ == "nsubj":  # "the motion failed"; what a resolution itself urges or asks is no matter
        return verb.lemma_.lower() in ("fail", "stall", "lapse", "die")
    elif node.dep_ not in ("dobj", "nsubjpass"):
        return False
    return verb.pos_ in ("VERB", "AUX", "NOUN") and (verb.lemma_.lower() in _UNDONE_VERBS or (
        verb.pos_ != "NOUN" and _not_done(verb)))


def _elliptical(verb: Token, kind: str) -> list[_Trigger]:
    """"X adopted resolutions, as did Y in 2022 and Z in 2021": Y and Z acted too, with their own dates."""
    out: list[_Trigger] = []
    for c in verb.children:
        if c.dep_ != "advcl" or c.lemma_.lower() not in ("do", "have") or any(
                g.dep_ in ("dobj", "xcomp", "ccomp") for g in c.children):
            continue
        if not any(g.lower_ in ("as", "so") and g.dep_ in ("mark", "advmod") for g in c.children):
            continue
        # "as did Y in 2022 and Z in 2021": Z hangs on the verb too; each takes the dates up to the next one
        actors = [g for g in c.children if g.dep_ == "nsubj"]
        actors += [g for g in c.children if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN")]
        actors.sort(key=lambda g: g.i)
        preps = [g for g in c.children if g.dep_ == "prep"]
        for n, g in enumerate(actors):
            stop = actors[n + 1].i if n + 1 < len(actors) else len(verb.doc)
            out.append(_Trigger(c, kind, _subtree_ids(g), [g] + [p for p in preps if g.i < p.i < stop]))
    return out


def _where(verb: Token) -> set[int]:
    """Tokens of the "in X" phrases after a verb, in its own clause ("declared ... mourning in X")."""
    ids: set[int] = set()
    stack = [c for c in verb.children if c.i > verb.i and c.dep_ not in _CLAUSE_DEPS]
    while stack:
        node = stack.pop()
        if node.dep_ == "prep" and node.lower_ == "in":
            ids |= {t.i for c in node.children if c.dep_ == "pobj" for t in c.subtree}
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSE_DEPS)
    return ids


def _triggers(sent: Span, need_actor: bool = True) -> list[_Trigger]:
    out: list[_Trigger] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in ADOPT_VERBS:
            obj = _act_object(tok)
            if obj is not None and not _not_done(tok):
                date_from = [tok, obj] + [c for c in obj.children if c.dep_ in ("acl", "relcl")]
                kind = ACT_NOUNS[obj.lower_]
                out.append(_Trigger(tok, kind, _actor_ids(tok) | _noun_actors(obj), date_from, _where(tok)))
                out += _elliptical(tok, kind)
        elif tok.pos_ == "VERB" and lemma in DECLARE_VERBS:
            words = {t.lower_ for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "punct")
                     for t in c.subtree}
            if words & _NOT_DECLARED or _not_done(tok):
                continue
            dated = any(c.ent_type_ == "DATE" for c in tok.children) or any(
                c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
            if dated or words & _DAY_WORDS:
                out.append(_Trigger(tok, DECLARE_VERBS[lemma], _actor_ids(tok), [tok], _where(tok)))
                out += _elliptical(tok, DECLARE_VERBS[lemma])
        elif tok.pos_ == "VERB" and lemma in RECOGNIZE_VERBS:
            words = {t.lower_ for c in tok.children if c.dep_ in ("dobj", "prep", "nsubjpass", "oprd")
                     for t in c.subtree}
            if words & _DAY_WORDS and not _not_done(tok):
                actors = _actor_ids(tok)
                bodies = {t.lower_ for t in sent if t.i in actors} & BODY_NOUNS
                kind = "resolution" if bodies else "other"
                out.append(_Trigger(tok, kind, actors, [tok], _where(tok)))
                out += _elliptical(tok, kind)
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in ACT_NOUNS and not _is_act_of(tok) \
                and not _noun_undone(tok):
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
    state_body = nxt is not None and nxt.lower_ == "state" and nxt.dep_ == "compound" \
        and nxt.head.lower_ in BODY_NOUNS  # "the Ohio State Senate"
    if nxt is not None and nxt.lower_ in DIVISION_NOUNS and not state_body:
        return False  # "US state, Minnesota", "24 US states"
    outer = next((t for t in place_toks if t.head.i < place_toks[0].i or t.head.i > head.i), head)
    if outer.dep_ == "compound" and (outer.head.ent_type_ == "GPE" or outer.head.lower_ in DIVISION_NOUNS) \
            and not state_body:
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


def _date_of(trigger: _Trigger, published: str | None = None) -> str | None:
    """The explicit date attached to the trigger; else one without a year placed by ``published``."""
    doc = trigger.token.doc
    relative: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if not re.search(r"\b(1[5-9]\d\d|20\d\d)\b", ent.text):
            relative.append(ent)
            continue
        if _attached(ent, trigger):
            return parse_date(ent.text)
    for ent in relative:
        by_prep = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("on", "in")  # not "declared 3 March a day"
        if (by_prep or _RELATIVE.search(ent.text.lower())) and _attached(ent, trigger):
            date = resolve_date(ent.text, published)
            if date is not None:
                return date
    return None


def _attached(ent: Span, trigger: _Trigger) -> bool:
    """The date phrase hangs on the trigger through prepositions and noun modifiers only."""
    root = ent.root
    chain = [root] + _ancestors(root, 4)
    for src in trigger.date_from:
        if src in chain[1:]:
            path = chain[:chain.index(src)]
            if all(t.dep_ in ("pobj", "prep", "npadvmod", "nummod", "compound", "appos") or t is root
                   for t in path):
                return True
    return False


_RELATIVE = re.compile(r"\b(?:(?:last|this|past|previous) (?:year|month)|a year (?:ago|earlier))\b")


def resolve_date(text: str, published: str | None) -> str | None:
    """A date without a year ("On 3 March", "in January", "last year") placed by the publication date.

    A day or month later in the year than ``published`` is taken from the year before (news reports
    what has happened). Weekdays and dates without a publication date give None.

    >>> resolve_date("On 3 March", "2025-03-14"), resolve_date("last year", "2025-03-14")
    ('2025-03-03', '2024')
    >>> resolve_date("in December", "2025-03-14"), resolve_date("on Monday", "2025-03-14")
    ('2024-12', None)
    """
    explicit = parse_date(text)
    if explicit is not None:
        return explicit
    m = re.match(r"(\d{4})-(\d\d)(?:-(\d\d))?", published or "")
    if m is None:
        return None
    py, pm, pd = int(m.group(1)), int(m.group(2)), int(m.group(3) or 28)
    low = text.lower().replace(",", " ")
    month = next((n for w, n in _MONTHS.items() if re.search(rf"\b{w}\b\.?", low)), None)
    day_m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", low)
    day = int(day_m.group(1)) if day_m and 1 <= int(day_m.group(1)) <= 31 else None
    if re.search(r"\b(?:last|past|previous) month\b", low):
        year, month = (py, pm - 1) if pm > 1 else (py - 1, 12)
        return f"{year}-{month:02d}"
    if re.search(r"\bthis month\b", low):
        return f"{py}-{pm:02d}"
    if re.search(r"\b(?:last|past|previous) year\b|\ba year (?:ago|earlier)\b", low):
        year = py - 1
    elif re.search(r"\bthis year\b", low):
        year = py
    elif month is not None:
        year = py if (month, day or 1) <= (pm, pd) else py - 1
    else:
        return None
    if month is None:
        return str(year)
    return f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"


def find_acts(norm: NormText, doc: spacy.tokens.Doc, *, published: str | None = None) -> list[ActMention]:
    """Every act of the document, one per acting jurisdiction (normalised offsets).

    ``published`` (YYYY-MM-DD) places dates given without a year ("On 3 March", "last year").
    """
    quoted = [(q.start, q.end) for q in find_double_stretches(norm)[0]]
    places = [p for p in find_places(norm.text) if not any(s <= p.start < e for s, e in quoted)]
    places += [p for p in find_demonyms(norm.text) if not any(s <= p.start < e for s, e in quoted)
               and _adjective_of_body(doc, p)]
    taken = [(p.start, p.end) for p in places] + quoted
    places += [p for p in find_legislatures(norm.text) if not any(s < p.end and p.start < e for s, e in taken)]
    taken = [(p.start, p.end) for p in places] + quoted
    places += presented_places(doc, norm.text, taken)
    places.sort(key=lambda p: p.start)
    found: dict[str, ActMention] = {}
    recent: list[tuple[int, str]] = []  # (sentence number, key) of the acts found so far
    for n, sent in enumerate(doc.sents):
        in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char]
        triggers = _triggers(sent, need_actor=bool(in_sent))
        hits = [(trig, place) for trig in triggers for place in _acting_places(trig, in_sent, quoted)]
        if triggers and not hits:
            _date_follow_up(found, recent, n, triggers, published)  # "The declaration was signed on May 2, 2020."
            continue
        for trig, place in hits:
            key = place.code or place.name.lower()
            date = _date_of(trig, published)
            prev = found.get(key)
            recent.append((n, key))
            if prev is None:
                found[key] = ActMention(place.start, place.end, place.name, place.code, trig.kind, date)
            elif prev.date is None and date is not None:
                found[key] = ActMention(prev.start, prev.end, prev.jurisdiction, prev.jurisdiction_code,
                                        prev.act, date)
    return sorted(found.values(), key=lambda a: a.start)


def _acting_places(trig: _Trigger, in_sent: list[Place], quoted: list[tuple[int, int]]) -> list[Place]:
    """The jurisdictions that acted through this trigger (module docstring)."""
    doc = trig.token.doc
    acting = [p for p in in_sent if _acting(p, _place_tokens(doc, p), trig.actors)]
    if acting or not trig.where or not _official(trig):
        return acting
    acting = [p for p in in_sent if (toks := _place_tokens(doc, p)) and all(t.i in trig.where for t in toks)
              and not _city_of(toks[-1])]
    if acting:
        return acting
    if not {t.lower_ for t in trig.token.subtree} & _NATIONAL:
        return []
    out: list[Place] = []
    for i in sorted(trig.where):
        tok = doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(s <= tok.idx < e for s, e in quoted) \
                and not _city_of(tok):
            place = place_from_token(tok)  # "declared a day of national mourning in Ruritania"
            if place is not None:
                out.append(place)
    return out


def _official(trig: _Trigger) -> bool:
    """The actor is an office or a body without a place of its own ("President X", "the governor")."""
    doc = trig.token.doc
    words = {doc[i].lower_ for i in trig.actors}
    return bool(words & (BODY_NOUNS | _OFFICES)) and not words & _BELOW_NATIONAL


def _city_of(tok: Token) -> bool:
    """"in Tarnby, the capital": a place below the national level."""
    return any(c.dep_ == "appos" and c.lower_ in _BELOW_NATIONAL for c in tok.children) or (
        tok.head.lower_ == "of" and tok.head.head.lower_ in _BELOW_NATIONAL)


def _date_follow_up(found: dict[str, ActMention], recent: list[tuple[int, str]], n: int,
                    triggers: list[_Trigger], published: str | None = None) -> None:
    """Give an undated act of the last two sentences the date of a following act of its kind."""
    if not recent or n - recent[-1][0] > 2:
        return
    last_n = recent[-1][0]
    for trig in triggers:
        date = _date_of(trig, published)
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
