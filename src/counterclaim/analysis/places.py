"""Place names in a document, their spelling-independent keys, and event names.

Places come from two finders whose results are merged:

* :func:`lexical_places` needs no model: country names and adjectives of nationality
  (:mod:`counterclaim.analysis.countries`), capitalised names after "the town/city/village of",
  before "province/district/region", after "in/at/near/outside", and the place in an event
  name;
* :func:`ner_places` adds spaCy's GPE/LOC/FAC entities (and NORP adjectives that name a
  country) when the trained pipeline is installed; it is called once per document at ingest.

:func:`place_key` folds spellings and transliterations onto one key — "Khojaly", "Hojali",
"Khojali", "Khodzhaly" and Azerbaijani "Xocalı" all give ``hojali``; :func:`same_place`
also accepts keys within a small edit distance ("Nagorno-Karabakh" ~ "Nagorny Karabakh").

:func:`event_names` finds names such as "the Khojaly massacre", "Khojaly Genocide", "the
Hojali Disaster", "the siege of Sarajevo", "the Battle of Ouadi Doum".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from counterclaim.analysis.countries import country, is_country_name

HEADS = ("massacre", "massacres", "genocide", "tragedy", "disaster", "bombing", "bombings", "attack", "attacks",
         "earthquake", "quake", "tsunami", "offensive", "siege", "uprising", "killings", "shooting", "explosion",
         "blast", "raid", "pogrom", "war", "battle", "ambush", "capsizing", "sinking", "crash", "flood", "floods",
         "famine", "clashes", "riots", "fighting", "shelling", "airstrike", "air strike", "fire", "stampede",
         "crackdown", "executions", "rampage", "incursion", "purge", "expulsion", "deportation", "hostage crisis")
"""Nouns that name an incident; the place before or after them names the incident's place."""

_AZERI_LETTERS = set("əıışçğ")
_FOLD = str.maketrans({"ı": "i", "ə": "a", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})
_REWRITES = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"),
             ("ou", "u"), ("y", "i"), ("w", "v"))
_NOT_PLACES = {"the", "a", "an", "in", "on", "at", "this", "that", "these", "today", "yesterday", "tonight",
               "christmas", "easter", "ramadan", "following", "last", "next", "monday", "tuesday", "wednesday",
               "thursday", "friday",
               "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "president", "god",
               "reuters", "upi", "cnn", "afp", "ap", "bbc", "islamic", "muslim", "christian", "communist",
               "state", "government", "ministry", "army", "police", "african", "european", "asian", "arab",
               "western", "eastern", "northern", "southern", "central", "insurgent", "rebel", "militant",
               "taliban", "new", "old", "great"}
_DIRECTIONS = {"north", "south", "east", "west"}
_NAME = r"[A-Z][\w’'\-]*[\w](?:[ \-](?:ez-|al-|el-|de |du |la |le )?[A-Z][\w’'\-]*[\w]){0,2}"
_CONTEXTS = (
    re.compile(rf"\b(?:town|city|village|province|region|district|enclave|capital|port|county) of ({_NAME})"),
    re.compile(rf"\b({_NAME}) (?:province|district|region|governorate|oblast|county)\b"),
)
_LOOSE_CONTEXT = re.compile(rf"\b(?:in|at|near|outside|around|into) ({_NAME})(?!['’]s)")
_SENTENCE_END = re.compile(r"[.!?]\s+$")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: ``kind`` is ``place``, ``country`` or ``demonym``."""

    name: str
    key: str
    start: int
    end: int
    kind: str
    country: str | None = None


@dataclass(frozen=True)
class EventName:
    """An incident's name: "Khojaly massacre" (``place`` "Khojaly", ``head`` "massacre")."""

    name: str
    place: str
    head: str
    start: int
    end: int


def place_key(name: str) -> str:
    """A key that is the same for the usual spellings and transliterations of a place.

    >>> [place_key(n) for n in ("Khojaly", "Hojali", "Xocalı", "Khodzhaly")]
    ['hojali', 'hojali', 'hojali', 'hojali']
    """
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    text = re.sub(r"['’]s$", "", text)
    azeri = bool(_AZERI_LETTERS & set(text.lower())) or bool(re.match(r"^X[aeiouəı]", text))
    text = text.lower()
    if azeri:  # Azerbaijani Latin: x = kh, c = j, ç = ch, ş = sh
        text = text.replace("x", "h").replace("c", "j").replace("ç", "ch").replace("ş", "sh")
    text = text.translate(_FOLD)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    text = re.sub(r"[^a-z]", "", text)
    for old, new in _REWRITES:
        text = text.replace(old, new)
    text = text.replace("x", "h") if text.startswith("x") else text
    return re.sub(r"(.)\1+", r"\1", text)


def related_keys(a: str, b: str) -> bool:
    """Same place, or one name inside the other ("Tiananmen" and "Tiananmen Square")."""
    if same_place(a, b):
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 5 and long.startswith(short)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def same_place(a: str, b: str) -> bool:
    """Whether two place keys name the same place: equal, or one letter apart when long.

    Keys of six letters or more that start alike may differ by one edit (two from twelve
    letters): "nagornokarabah" ~ "nagornikarabah", "sumatra" ~ "sumatera". Short keys must be
    equal ("iran" ≠ "irak"), and "austria" ≠ "australia".
    """
    if a == b:
        return True
    if len(a) < 6 or len(b) < 6 or a[0] != b[0]:
        return False
    limit = 2 if min(len(a), len(b)) >= 12 else 1
    return _distance(a, b, limit) <= limit


def display(name: str) -> str:
    """A place name for display: ALL-CAPS headline words in title case, spaces collapsed."""
    name = " ".join(name.split())
    return name.title() if (name.isupper() and len(name) > 3 or name.islower()) else name


def _trim(name: str) -> str:
    """"Baghdad's Green Zone" → "Baghdad"; "Khojaly Genocide" → "Khojaly"; "Khojaly Armenia" → "Khojaly"."""
    name = re.split(r"['’]s\b", name.strip(), maxsplit=1)[0].strip()
    words = name.split(" ")
    while len(words) > 1 and words[-1].lower() in HEADS:
        words = words[:-1]
    if len(words) > 1 and not country(" ".join(words)):
        segments: list[list[str]] = [[]]
        for w in words:
            if country(w):
                segments.append([])
            else:
                segments[-1].append(w)
        kept = [seg for seg in segments if seg and seg[0].lower() not in _NOT_PLACES]
        if kept and len(kept[-1]) < len(words):
            words = kept[0] if country(words[-1]) else kept[-1]
    return " ".join(words)


def _mention(name: str, start: int, end: int, *, kind: str | None = None) -> PlaceMention | None:
    name = _trim(name)
    lowered = name.lower()
    if not name or lowered in _NOT_PLACES or lowered in _DIRECTIONS or len(name) < 3 and name not in ("US", "UK"):
        return None
    code = country(name)
    if kind is None:
        kind = "country" if code and is_country_name(name) else "demonym" if code else "place"
    elif kind == "place" and code:
        kind = "country" if is_country_name(name) else "demonym"
    key = place_key(name)
    if not key:
        return None
    return PlaceMention(display(name), key, start, start + len(name), kind, code if kind != "place" else None)


def lexical_places(text: str, *, loose: bool = True) -> list[PlaceMention]:
    """Places found without a model (see the module docstring); sorted by offset.

    Args:
        text: the document text.
        loose: also take capitalised names after "in/at/near/outside/around/into" (useful
            without NER; noisy beside it).
    """
    found: dict[tuple[int, int], PlaceMention] = {}
    for pattern in _CONTEXTS + ((_LOOSE_CONTEXT,) if loose else ()):
        for m in pattern.finditer(text):
            mention = _mention(m.group(1), m.start(1), m.end(1), kind="place")
            if mention:
                found.setdefault((mention.start, mention.end), mention)
    for m in re.finditer(r"\b[A-Z][\w’'\-]*[a-z]\b(?: [A-Z][a-z]+\b)?", text):
        pieces = [(m.group(0), m.start())]
        if " " in m.group(0):
            first, second = m.group(0).split(" ")
            pieces += [(first, m.start()), (second, m.start() + len(first) + 1)]
        for cand, start in pieces:
            if not country(cand):
                continue
            mention = _mention(cand, start, start + len(cand))
            if mention and not any(k[0] <= start < k[1] for k in found):
                found[(mention.start, mention.end)] = mention
            if cand == m.group(0):
                break
    return sorted(found.values(), key=lambda p: p.start)


def ner_places(text: str, model: str | None = None) -> list[PlaceMention] | None:
    """Places tagged by spaCy's NER (GPE, LOC, FAC; NORP when it is a nationality).

    Returns None when the pipeline cannot be loaded, so that callers fall back to
    :func:`lexical_places`. Only the ``ner`` component runs, on the parse-friendly copy of
    the text (``nlp.normalize``), and spans are mapped back to the original offsets.
    """
    try:
        from counterclaim.about import MODEL_NAME
        from counterclaim.errors import ConfigError
        from counterclaim.nlp import load_nlp
        from counterclaim.nlp.normalize import normalize
    except ImportError:  # pragma: no cover - spaCy missing
        return None
    try:
        nlp = load_nlp(model or MODEL_NAME)
    except ConfigError:
        return None
    if "ner" not in nlp.pipe_names:
        return None
    norm = normalize(text)
    with nlp.select_pipes(enable=["ner"]):
        doc = nlp(norm.text)
    return places_from_entities(doc, norm, text)


def places_from_entities(doc: Any, norm: Any, text: str) -> list[PlaceMention]:
    """Place mentions from the entities of a parse of ``norm.text`` (offsets into ``text``)."""
    out: list[PlaceMention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
            continue
        start, end = norm.to_original(ent.start_char, ent.end_char)
        raw = text[start:end]
        words = raw.split()
        if words and words[0].lower() == "the":
            start += len(raw) - len(raw.lstrip()) + 4
            raw = text[start:end]
        if ent.label_ == "NORP":
            if not country(raw):
                continue
            mention = _mention(raw, start, end, kind="demonym")
        else:
            mention = _mention(raw, start, end)
        if mention:
            out.append(mention)
    return out


def merge_mentions(*lists: list[PlaceMention] | None) -> list[PlaceMention]:
    """Union of several finders' mentions; where spans overlap the first list wins."""
    taken: list[tuple[int, int]] = []
    out: list[PlaceMention] = []
    for mentions in lists:
        for m in mentions or ():
            if any(m.start < e and s < m.end for s, e in taken):
                continue
            taken.append((m.start, m.end))
            out.append(m)
    return sorted(out, key=lambda p: p.start)


_HEADS_RE = "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
_NAME_BEFORE = re.compile(rf"\b({_NAME}(?: and {_NAME})?)\s+((?i:{_HEADS_RE}))\b")
_NAME_AFTER = re.compile(rf"\b((?i:{_HEADS_RE}))\s+((?i:of|in|at|on))\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?"
                         rf"({_NAME})")


def _proper(name: str) -> bool:
    """A name that can be a place: capitalised, not a time word, not an adjective of nationality."""
    if is_country_name(name):
        return True
    if not name[:1].isupper() or name.lower() in _NOT_PLACES or country(name):
        return False
    return not country(name.split(" ")[0])


def event_names(text: str) -> list[EventName]:
    """Incident names: "<Place> <head>" and "<head> of/in <Place>" (see :data:`HEADS`).

    A name whose modifier is an adjective of nationality ("the Armenian attack") is not an
    event name: it says who, not where.
    """
    out: list[EventName] = []
    for m in _NAME_BEFORE.finditer(text):
        place, head = m.group(1), m.group(2).lower()
        if re.search(r"['’]s$", place) or place.isupper():  # "IRA's bombing", "SOLDIERS MASSACRE"
            continue
        words = place.split()
        while words and (words[0].lower() in _NOT_PLACES or words[0].isupper() and len(words) > 1):
            words = words[1:]
        if not words:
            continue
        place = _trim(" ".join(words))
        if not place[:1].isupper() or place.isupper() and not m.group(2).isupper() or not _proper(place):
            continue
        start = m.start(1) + max(m.group(1).find(place), 0)
        out.append(EventName(f"{display(place)} {head}", display(place), head, start, m.end()))
    for m in _NAME_AFTER.finditer(text):
        head, place = m.group(1).lower(), _trim(m.group(3))
        if not place[:1].isupper() or place.isupper() or not _proper(place):
            continue
        name = f"{head.capitalize()} of {display(place)}" if m.group(2).lower() == "of" else f"{display(place)} {head}"
        out.append(EventName(name, display(place), head, m.start(3), m.end()))
    return sorted(out, key=lambda e: e.start)


def split_name(name: str) -> tuple[str | None, str]:
    """``"Khojaly massacre"`` → ``("Khojaly", "massacre")``; ``"Battle of Ouadi Doum"`` → ``("Ouadi Doum", "battle")``;
    ``"*massacre"`` (a head noun without a place) → ``(None, "massacre")``."""
    if name.startswith("*"):
        return None, name[1:]
    head, sep, place = name.partition(" of ")
    if sep and head.lower() in HEADS:
        return place, head.lower()
    place, _, head = name.rpartition(" ")
    return place or None, head.lower()
