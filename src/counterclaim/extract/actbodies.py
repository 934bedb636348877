"""Bodies that act, and the jurisdictions they stand for when the gazetteer has no name for them.

Two sources of jurisdictions beside the gazetteer (``actplaces``):

1. **Legislatures by their own name** (``LEGISLATURES``): "the Senedd" → Wales, "the Bundestag"
   → Germany, "the Verkhovna Rada" → Ukraine. Only names that belong to one country are listed
   ("Majlis", "National Assembly" and "Bundesrat" are used by several and are left out).
2. **Jurisdictions the text presents as one** (``presented_places``): a capitalised name that
   pycountry does not know but that owns a national body, "Ruritania's parliament", "the
   parliaments of Estonia and Ruritania", "the Ruritania State Senate", "the government of
   Ruritania", "Ruritania's president". Every mention of such a name becomes a ``Place`` with
   code None, so that the ordinary rules of ``acts`` decide whether it acted. How sure the owner
   is a place depends on the body: a legislature's owner always is; a government's or cabinet's
   unless the tagger calls the name a person, group or organisation ("Hamas's government");
   a president's, governor's or lawmakers' only when the tagger calls the name a place somewhere
   ("Acme Steel's president", "Real Madrid's president" are not). Continents, bodies above the
   national level ("the European Parliament", "the Arab Parliament"), words that complete a
   body's name ("the House of Representatives") and names ending like an organisation ("Tarn
   University's senate") never are.

``place_from_token`` builds such a place from a single token the tagger calls a place ("... a
day of national mourning in Ruritania"); ``acts`` decides when that is allowed.

Example: ``presented_places(doc, text, [])`` on "Ruritania's parliament adopted a resolution."
→ one Place "Ruritania" (code None) at 0-9.
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy.tokens
from spacy.tokens import Token

from counterclaim.extract.actplaces import DEMONYMS, Place, gazetteer
from counterclaim.extract.spans import SpanSet, entity_at

# national (and state) legislatures known by a name of their own → the jurisdiction's gazetteer name
LEGISLATURES = {
    "Senedd": "Wales", "Holyrood": "Scotland", "Stormont": "Northern Ireland",
    "Bundestag": "Germany", "Knesset": "Israel", "Sejm": "Poland", "Verkhovna Rada": "Ukraine",
    "State Duma": "Russia", "Duma": "Russia", "Storting": "Norway", "Stortinget": "Norway", "Riksdag": "Sweden",
    "Eduskunta": "Finland", "Folketing": "Denmark", "Folketinget": "Denmark", "Althing": "Iceland",
    "Althingi": "Iceland", "Oireachtas": "Ireland", "Dáil": "Ireland", "Dail": "Ireland", "Seanad": "Ireland",
    "Saeima": "Latvia", "Seimas": "Lithuania", "Riigikogu": "Estonia", "Sabor": "Croatia",
    "Milli Majlis": "Azerbaijan", "Oliy Majlis": "Uzbekistan", "Mazhilis": "Kazakhstan",
    "Jogorku Kenesh": "Kyrgyzstan", "Lok Sabha": "India", "Rajya Sabha": "India", "Jatiya Sangsad": "Bangladesh",
    "Dewan Rakyat": "Malaysia", "Cortes Generales": "Spain", "Tweede Kamer": "Netherlands",
    "Grand National Assembly of Turkey": "Turkey", "Turkish Grand National Assembly": "Turkey",
    "National People's Congress": "China", "Congreso de los Diputados": "Spain", "Verkhovna Rada of Ukraine":
    "Ukraine", "Knesset of Israel": "Israel", "Federation Council": "Russia", "Tynwald": "Isle of Man",
}
# body nouns that make their owner a jurisdiction: "Ruritania's parliament", "the president of Ruritania"
NATIONAL_BODIES = {"parliament", "parliaments", "legislature", "legislatures", "senate", "assembly", "congress",
                   "governments", "government", "president",
                   "governor", "cabinet", "premier", "chancellor", "monarch", "king", "queen", "emir", "sultan",
                   "duma", "knesset", "bundestag", "sejm", "rada", "storting", "riksdag", "legislators",
                   "lawmakers", "parliamentarians", "mps"}
# bodies only a jurisdiction has: their owner is a place even when the tagger calls it an organisation
LEGISLATURE_HEADS = {"parliament", "parliaments", "legislature", "legislatures", "senate", "assembly", "congress",
                     "duma",
                     "knesset", "bundestag", "sejm", "rada", "storting", "riksdag", "house"}
# last words of organisations' names: "Tarn University's senate" is no jurisdiction
_ORG_WORDS = {"university", "college", "school", "party", "union", "company", "corporation", "corp", "group",
              "bank", "council", "club", "church", "league", "front", "movement", "association", "institute",
              "foundation", "society", "federation", "committee", "agency", "ministry", "inc", "ltd", "plc",
              "energy", "airlines", "holdings", "network", "alliance", "organisation", "organization", "forum"}
# words that complete a body's name rather than name its place: "the House of Representatives"
_BODY_PARTS = {"representatives", "commons", "delegates", "deputies", "lords", "councillors", "councilors", "peers",
               "nationalities", "republic", "state", "states", "union", "federation", "people", "nation",
               "kingdom", "confederation", "assembly", "parliament", "senate", "congress", "ministers"}
# bodies of a state that parties and armed groups rarely own: their owner is a place unless tagged otherwise
_GOVERNMENT_HEADS = {"government", "governments", "cabinet"}
# words between a place name and its legislature: "the Tarn State Senate", "the Tarn National Assembly"
_BODY_MODIFIERS = {"state", "national", "general", "legislative", "federal", "provincial", "territorial",
                   "people's", "grand", "supreme", "upper", "lower"}
# names above the national level, never a jurisdiction that acts here
ABOVE_NATIONAL = {"europe", "africa", "asia", "america", "americas", "oceania", "antarctica", "eurasia",
                  "latin america", "south america", "north america", "central america", "middle east",
                  "the middle east", "balkans", "caucasus", "scandinavia", "eu", "european union", "un",
                  "united nations", "nato", "the west", "west", "east", "north", "south", "commonwealth",
                  "european", "pan-african", "african", "arab", "asian", "nordic", "baltic", "andean", "latin",
                  "mercosur", "central american", "pan-european", "euro", "eurasian", "opec", "asean"}


@lru_cache(maxsize=1)
def _legislature_pattern() -> re.Pattern[str]:
    alts = "|".join(re.escape(n) for n in sorted(LEGISLATURES, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})(?![\w-])")


def find_legislatures(text: str) -> list[Place]:
    """Every legislature named in ``text`` by its own name, as a Place of its jurisdiction."""
    names = gazetteer()
    out: list[Place] = []
    for m in _legislature_pattern().finditer(text):
        place = LEGISLATURES[m.group(1)]
        out.append(Place(m.start(1), m.end(1), place, names.get(place)))
    return out


def _is_body(tok: Token) -> bool:
    low = tok.lower_
    if low == "minister":  # "Ruritania's prime minister"
        return any(c.lower_ == "prime" for c in tok.children)
    if low == "house":  # "House of Representatives", not a building
        return _is_legislature(tok)
    return low in NATIONAL_BODIES


def _is_legislature(tok: Token) -> bool:
    if tok.lower_ == "house":
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return of is not None and any(g.lower_ in ("representatives", "delegates", "commons", "assembly")
                                      for g in of.children)
    return tok.lower_ in LEGISLATURE_HEADS


def _name_of(tok: Token) -> tuple[int, int, str] | None:
    """The place name a token belongs to: its GPE/LOC entity, or its run of capitalised proper nouns."""
    doc = tok.doc
    ent = entity_at(doc, tok.i)
    if ent is not None and ent.label_ in ("GPE", "LOC"):
        toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        toks = [t for t in toks if t.tag_ != "POS"]
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < ent.start for c in tok.children):
            return None  # "Real Madrid": the place is part of a longer name
    else:
        if tok.pos_ != "PROPN":
            return None
        left = tok.i
        while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].dep_ == "compound" \
                and doc[left - 1].head.i == tok.i:
            left -= 1
        toks = list(doc[left:tok.i + 1])
    if not toks or not all(t.text[:1].isupper() for t in toks if t.pos_ == "PROPN"):
        return None
    if not toks[0].text[:1].isupper():
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return start, end, doc.text[start:end]


def _placelike(name: str, doc: spacy.tokens.Doc, strength: int = 0) -> bool:
    """A name the text uses like a place: tagged GPE somewhere.

    With ``strength`` 2 (the owner of a legislature) only the name's form is checked; with 1 (the
    owner of a government or cabinet) it is enough that no mention is tagged as a person, group
    or organisation.
    """
    if name.lower() in ABOVE_NATIONAL | _BODY_PARTS or name in DEMONYMS or name in gazetteer() \
            or name in LEGISLATURES:
        return False
    if not re.fullmatch(r"[A-Z][\w'’-]*(?: (?:of |the |and )*[A-Z][\w'’-]*){0,3}", name):
        return False
    if name.split()[-1].lower() in _ORG_WORDS:
        return False
    if strength >= 2:
        return True
    types = [doc[i].ent_type_ for i in _mentions_tokens(name, doc)]
    if strength == 1 and not any(t in ("PERSON", "ORG", "NORP", "FAC", "PRODUCT") for t in types):
        return True
    return "GPE" in types


def _mentions_tokens(name: str, doc: spacy.tokens.Doc) -> list[int]:
    """Token index of the first word of each mention of ``name``."""
    first = name.split()[0]
    n = len(name.split())
    return [t.i for t in doc if t.text == first and doc[t.i:t.i + n].text == name]


def presented_places(doc: spacy.tokens.Doc, text: str, taken: list[tuple[int, int]]) -> list[Place]:
    """Every mention of a name the text presents as a jurisdiction (module docstring, rule 2).

    ``taken`` are spans already claimed by the gazetteer or by quotations.
    """
    names: set[str] = set()
    claimed = SpanSet(taken)
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.idx in claimed:
            continue
        body = None
        listed = tok
        while listed.dep_ == "conj" and listed.head.i != listed.i:  # "the parliaments of Estonia and Ruritania"
            listed = listed.head
        if tok.dep_ == "poss" and _is_body(tok.head):
            body = tok.head
        elif listed.dep_ == "pobj" and listed.head.lower_ == "of" and _is_body(listed.head.head):
            body = listed.head.head
        elif tok.dep_ == "compound":
            head = tok.head
            while head.dep_ == "compound" and head.lower_ in _BODY_MODIFIERS and head.head.i != head.i:
                head = head.head
            if _is_legislature(head) and head.i > tok.i and (tok.ent_type_ == "GPE" or head.lower_ != "government"):
                body = head  # "the Tarn State Senate", "the Tarn parliament"
        if body is None or tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in _BODY_MODIFIERS:
            continue
        found = _name_of(tok)
        strength = 2 if _is_legislature(body) else 1 if body.lower_ in _GOVERNMENT_HEADS else 0
        if found is not None and _placelike(found[2], doc, strength):
            names.add(found[2])
    out: list[Place] = []
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(Place(m.start(), m.end(), name, None))
    return out


def place_from_token(tok: Token) -> Place | None:
    """"... in Ruritania": the place a single token names, when the text uses it like a place."""
    found = _name_of(tok)
    if found is None or not _placelike(found[2], tok.doc):
        return None
    return Place(found[0], found[1], found[2], None)
