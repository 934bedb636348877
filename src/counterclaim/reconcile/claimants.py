"""Who claims a figure, normalised across documents: one key per real-world source.

:func:`normalise` turns a claimant as the extractor wrote it into a :class:`Claimant`
(``key``, display ``name``, ``kind``, ``country``). Spellings with the same key are one
source. The rules, in order:

1. **Known organisations** (:data:`ORGANISATIONS`): "Human Rights Watch", "HRW" and "Human
   Rights Watch (HRW)" → ``org:human rights watch``.
2. **State bodies**: a country (name, alias or adjective of nationality) with a body from
   :data:`BODIES`, in any of the usual orders: "Azerbaijan’s Government", "the Azerbaijani
   government", "Government of Azerbaijan", "Azerbaijani officials" → ``state:AZ:government``,
   shown as "Azerbaijani government" (its officials and authorities speak for it). A bare
   country name counts as its government (the extractor's convention), and so does its capital
   ("Baghdad said"); a *description* of a
   country ("grief-stricken Azerbaijan") does not: it is a source of its own (``description``).
   Different bodies stay apart ("the Azeri Ministry of Defence" is ``state:AZ:ministry of
   defence``). Bodies of regions and entities work the same way ("the government of
   Republika Srpska" → ``state:republikasrpska:government``).
3. **Generic descriptions** written in lower case ("officials", "international right groups",
   "a senior defense official", "Regional authorities" at the start of a sentence — but not
   "Qala governor" when the document writes "Qala" capitalised inside sentences) →
   ``generic:…`` after dropping articles and numbers and folding plurals and the synonyms
   of :data:`GENERIC_SYNONYMS` ("right groups", "human rights organizations" → "rights
   groups"). They are listed but never compared across documents.
   A bare "the commission" or "the government" is first completed from the document when
   it names exactly one such body ("the Kahan Commission", "the South African government").
4. **Reports**: "a 2002 report by X", "figures from X", "an AFP tally" count as X's claim.
5. **People**: honorifics are dropped ("Mr Rasulov"), and a surname alone is completed from
   the document's text ("Aydin Rasulov") → ``person:aydin rasulov``.
6. **Anything else** is a named source keyed by its lower-cased name without articles or
   parenthetical notes: "The Sunday Times", "Reuters".

Not handled: people known by two different full names, and an organisation's old and new
names; merge those by command (``counterclaim merge-sources``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from counterclaim.analysis.countries import adjective, country, country_name, is_country_name

UNATTRIBUTED = "unattributed"

ORGANISATIONS: dict[str, str] = {
    "human rights watch": "Human Rights Watch", "hrw": "Human Rights Watch",
    "amnesty international": "Amnesty International", "amnesty": "Amnesty International",
    "international committee of the red cross": "International Committee of the Red Cross",
    "icrc": "International Committee of the Red Cross", "international red cross": "Red Cross",
    "red cross": "Red Cross", "international federation of red cross and red crescent societies": "IFRC",
    "ifrc": "IFRC", "united nations": "United Nations", "un": "United Nations", "u.n.": "United Nations",
    "unhcr": "UNHCR", "un refugee agency": "UNHCR", "united nations high commissioner for refugees": "UNHCR",
    "ocha": "UN OCHA", "un ocha": "UN OCHA", "unicef": "UNICEF", "who": "World Health Organization",
    "world health organization": "World Health Organization", "msf": "Médecins Sans Frontières",
    "doctors without borders": "Médecins Sans Frontières", "medecins sans frontieres": "Médecins Sans Frontières",
    "médecins sans frontières": "Médecins Sans Frontières",
    "syrian observatory for human rights": "Syrian Observatory for Human Rights",
    "sohr": "Syrian Observatory for Human Rights", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "afp tally": "AFP", "ap": "Associated Press",
    "associated press": "Associated Press", "reuters": "Reuters", "bbc": "BBC", "nato": "NATO",
    "osce": "OSCE", "european union": "European Union", "eu": "European Union", "pentagon": "Pentagon",
    "the pentagon": "Pentagon", "memorial": "Memorial", "helsinki watch": "Helsinki Watch",
    "unama": "UNAMA", "iraq body count": "Iraq Body Count", "acled": "ACLED", "ucdp": "UCDP",
    "icty": "ICTY", "international criminal tribunal for the former yugoslavia": "ICTY",
    "icmp": "ICMP", "international commission on missing persons": "ICMP",
    "ictr": "ICTR", "international criminal tribunal for rwanda": "ICTR",
    "icc": "International Criminal Court", "international criminal court": "International Criminal Court",
    "palestinian red crescent": "Palestine Red Crescent Society",
    "palestine red crescent": "Palestine Red Crescent Society",
    "palestine red crescent society": "Palestine Red Crescent Society", "prcs": "Palestine Red Crescent Society",
    "b'tselem": "B'Tselem", "btselem": "B'Tselem", "airwars": "Airwars",
}
"""Known organisations and their abbreviations (lower case → display name)."""

BODIES: dict[str, str] = {
    "government": "government", "govt": "government", "gov't": "government", "administration": "government",
    "cabinet": "government", "regime": "government", "state": "government",
    "authorities": "government", "officials": "government", "official": "government",
    "ministry of defence": "Ministry of Defence", "ministry of defense": "Ministry of Defence",
    "defence ministry": "Ministry of Defence", "defense ministry": "Ministry of Defence",
    "ministry of health": "Ministry of Health", "health ministry": "Ministry of Health",
    "interior ministry": "Ministry of the Interior", "ministry of interior": "Ministry of the Interior",
    "ministry of the interior": "Ministry of the Interior", "ministry of internal affairs": "Ministry of the Interior",
    "foreign ministry": "Ministry of Foreign Affairs", "ministry of foreign affairs": "Ministry of Foreign Affairs",
    "military": "military", "armed forces": "military", "military forces": "military", "forces": "military",
    "army": "army", "troops": "military", "military high command": "military high command",
    "high command": "military high command", "military command": "military high command",
    "parliament": "parliament", "national assembly": "parliament", "legislature": "parliament",
    "milli majlis": "parliament", "president": "president", "presidency": "president",
    "prosecutor": "prosecutor's office", "prosecutor general": "prosecutor's office",
    "prosecutor-general": "prosecutor's office", "prosecutor's office": "prosecutor's office",
    "general prosecutor's office": "prosecutor's office", "state prosecutor": "prosecutor's office",
    "police": "police", "national police": "police", "embassy": "embassy",
    "state media": "state media", "state television": "state media", "news agency": "state news agency",
    "state news agency": "state news agency", "health officials": "health officials",
    "security officials": "security officials", "military officials": "military officials",
}
"""Bodies of a state (lower case → canonical body)."""

GENERIC_SYNONYMS: dict[str, str] = {
    "right group": "rights groups", "rights group": "rights groups", "human rights group": "rights groups",
    "human rights organization": "rights groups", "human rights organisation": "rights groups",
    "rights organization": "rights groups", "rights organisation": "rights groups",
    "international right group": "rights groups", "international rights group": "rights groups",
    "international human rights organization": "rights groups", "official": "officials",
    "witness": "witnesses", "survivor": "survivors", "doctor": "doctors", "source": "sources",
    "resident": "residents", "authority": "authorities",
}
"""Generic descriptions that mean the same (singular, lower case → canonical)."""

HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "gen", "general", "col",
              "colonel", "maj", "major", "capt", "captain", "lt", "lieutenant", "sgt", "sergeant", "president",
              "prime minister", "minister", "governor", "mayor", "ambassador", "judge", "imam", "father",
              "sheikh", "first lieutenant", "state prosecutor", "spokesman", "spokeswoman")
_DETERMINERS = {"the", "a", "an", "some", "several", "many", "other", "both", "two", "three", "four", "five",
                "six", "numerous", "various", "most", "all", "his", "her", "their", "its", "one", "another", "these",
                "those", "this", "that"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Claimant:
    """A normalised source: spellings with the same ``key`` are one source."""

    key: str
    name: str
    kind: str  # organisation | state | person | generic | named | unattributed
    country: str | None = None


def clean_spelling(name: str) -> str:
    """A spelling as it is stored: whitespace collapsed, nothing else changed."""
    return " ".join(name.split())


def _strip(text: str) -> str:
    text = " ".join(text.translate(_APOSTROPHES).split())
    text = re.sub(r"\s*\((?:[^()]*)\)", "", text)  # "Human Rights Watch (HRW)", "The Independent (London)"
    text = text.strip(" ,.;:\"'()[]-")
    words = text.split(" ")
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _singular(word: str) -> str:
    if word.endswith("sses") or word.endswith("ches"):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _state(text: str) -> Claimant | None:
    """``Azerbaijan's government`` / ``the Azeri Ministry of Defence`` / ``Government of Azerbaijan``."""
    lowered = text.lower()
    candidates: list[tuple[str, str]] = []
    m = re.match(r"^(?P<c>[^']+?)'s? (?P<b>.+)$", text)
    if m:
        candidates.append((m["c"], m["b"]))
    for m in re.finditer(r" (?:of|in) (?:the )?(?=[A-Z])", text):  # "Ministry of Defense of Azerbaijan"
        candidates.append((text[m.end():], text[:m.start()]))
    structured = list(candidates)
    words = text.split(" ")
    for i in range(1, min(4, len(words))):
        candidates.append((" ".join(words[:i]), " ".join(words[i:])))
    for c, b in candidates:
        code = country(c)
        body = BODIES.get(b.lower().strip())
        if code and body:
            return _state_claimant(code, body)
    for c, b in structured:  # "government of Republika Srpska": a body of a region or entity
        body = BODIES.get(b.lower().strip())
        words = c.split()
        if body and words and all(w[:1].isupper() for w in words) and words[0].lower() not in _DETERMINERS:
            key = re.sub(r"[^a-z]", "", c.lower())
            return Claimant(key=f"state:{key}:{body.lower()}", name=f"{body[:1].upper()}{body[1:]} of {c}",
                            kind="state")
    if is_country_name(text):
        code = country(text)
        return _state_claimant(code, "government") if code else None
    # "invading Armenian military forces": lower-case lead words before a body; a bare country
    # after them ("grief-stricken Azerbaijan") is a description, not the government
    m = re.match(r"^(?:[a-z][\w\-]*\s+)+(?P<rest>[A-Z].*)$", text)
    if m and lowered != m["rest"].lower() and not is_country_name(m["rest"]):
        return _state(m["rest"])
    return None


def _state_claimant(code: str, body: str) -> Claimant:
    adj = adjective(code)
    if body.startswith("Ministry") or body.startswith("prosecutor"):
        name = f"{adj} {body}" if adj else f"{body} of {country_name(code)}"
    else:
        name = f"{adj} {body}" if adj else f"{body.capitalize()} of {country_name(code)}"
    return Claimant(key=f"state:{code}:{body.lower()}", name=name, kind="state", country=code)


_REPORT_BY = re.compile(r"^(?:\d{4}\s+|new\s+|latest\s+|official\s+|preliminary\s+|final\s+)*(?:report|statement|"
                        r"figures|data|estimates?|tally|count|survey|list|findings|study|records)\s+(?:by|from|of)\s+"
                        r"(?:the\s+)?(?P<who>.+)$", re.IGNORECASE)
_COMPLETABLE = {"commission", "committee", "tribunal", "court", "inquiry", "ministry", "agency", "council", "office",
                "institute", "observatory", "foundation", "mission", "government", "army", "military", "police"}


def _complete(text: str, document_text: str) -> str | None:
    """"the commission" → "Kahan Commission" when the document names exactly one such body."""
    words = text.lower().split()
    if len(words) != 1 or words[0] not in _COMPLETABLE or not document_text:
        return None
    pattern = re.compile(rf"\b((?:[A-Z][\w'’\-]*\s+){{1,4}})((?i:{words[0]}))\b")
    found = set()
    for m in pattern.finditer(document_text):
        lead = [w for w in m.group(1).split() if w.lower() not in _DETERMINERS]
        if lead and not all(w.lower() in HONORIFICS for w in lead):
            found.add(" ".join(lead + [m.group(2)]))
    return found.pop() if len(found) == 1 else None


_GENERIC_WORDS = {"officials", "survivors", "doctors", "witnesses", "residents", "authorities", "sources",
                  "police", "medics", "rescuers", "activists", "investigators", "estimates", "reports"}


def _is_generic(text: str) -> bool:
    """Lower-case descriptions: "officials", "Regional authorities", "two medical officials"."""
    words = text.split()
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return not words[0][:1].isupper() or len(words) > 1 or words[0].lower() in _GENERIC_WORDS


def _proper_lead(text: str, document_text: str) -> bool:
    """"Qala governor": the first word is a name, written capitalised inside sentences of the document."""
    first = text.split()[0]
    if not first[:1].isupper() or len(text.split()) < 2 or not document_text:
        return False
    return bool(re.search(rf"[a-z,;:] +{re.escape(first)}\b", document_text))


def _generic(text: str) -> Claimant:
    words = [w for w in text.lower().split() if not w.isdigit() and w not in _DETERMINERS]
    if not words:
        words = text.lower().split()
    phrase = " ".join(words)
    singular = " ".join(words[:-1] + [_singular(words[-1])])
    canonical = GENERIC_SYNONYMS.get(singular, GENERIC_SYNONYMS.get(phrase, phrase))
    return Claimant(key=f"generic:{canonical}", name=canonical, kind="generic")


def _honorific_free(text: str) -> str:
    lowered = text.lower()
    for h in sorted(HONORIFICS, key=len, reverse=True):
        for form in (h + ". ", h + " "):
            if lowered.startswith(form):
                return text[len(form):].strip()
    return text


def _full_name(surname: str, document_text: str) -> str | None:
    """The longest ``Firstname [Middle] Surname`` in the text, for a surname used alone."""
    pattern = re.compile(rf"\b((?:[A-Z][\w'\-]+\s+){{1,3}}){re.escape(surname)}\b")
    best: str | None = None
    for m in pattern.finditer(" ".join(document_text.split())):
        given = [w for w in m.group(1).split() if w.lower().rstrip(".") not in HONORIFICS
                 and w.lower() not in _DETERMINERS and w.lower() not in {"in", "of", "and", "said", "told"}]
        while given and not given[0][:1].isupper():
            given = given[1:]
        if given and given == m.group(1).split()[-len(given):]:
            name = " ".join(given + [surname])
            if best is None or len(name) > len(best):
                best = name
    return best


def _looks_like_person(text: str, source_type: str | None) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    institutional = {"government", "ministry", "army", "police", "agency", "news", "press", "times", "post",
                     "office", "council", "committee", "watch", "observatory", "international", "group",
                     "forces", "command", "department", "union", "assembly", "commission", "bureau", "tass"}
    if any(w.lower().strip(".") in institutional for w in words):
        return False
    return source_type in (None, "official", "witness", "academic", "medical", "unspecified", "military",
                           "government", "armed_group", "media")


def normalise(spelling: str, *, source_type: str | None = None, document_text: str = "",
              publication: bool = False) -> Claimant:
    """The normalised source of a claimant spelling (the rules are in the module docstring).

    Args:
        spelling: the claimant as written, e.g. ``"Azerbaijan’s Government"``.
        source_type: the extractor's source type, a hint for telling people from bodies.
        document_text: the text the spelling comes from, to complete a surname used alone.
        publication: the spelling is a publisher's name (a figure in the text's own voice):
            only rules 1 and 5 apply.

    >>> normalise("Azerbaijan’s Government").key == normalise("Government of Azerbaijan").key
    True
    >>> normalise("HRW").name
    'Human Rights Watch'
    """
    text = _strip(spelling)
    m = _REPORT_BY.match(text)
    if m:  # "a 2002 report by the government of Republika Srpska" is the government's claim
        return normalise(m["who"], source_type=source_type, document_text=document_text, publication=publication)
    if not text or text.lower() == UNATTRIBUTED:
        return Claimant(key=UNATTRIBUTED, name=UNATTRIBUTED, kind="unattributed")
    lowered = text.lower()
    if publication and lowered.startswith("document ") and re.fullmatch(r"document [0-9a-f]{12}", lowered):
        return Claimant(key=f"own:{lowered}", name=text, kind="publication")
    if lowered in ORGANISATIONS:
        name = ORGANISATIONS[lowered]
        return Claimant(key=f"org:{name.lower()}", name=name, kind="organisation")
    if publication:
        return _named(spelling, text)
    state = _state(text)
    if state is not None:
        return state
    words = text.split()
    if 1 <= len(words) <= 2 and all(w[:1].isupper() for w in words):
        from counterclaim.reconcile.gazetteer import capital_of

        capital = capital_of(text)
        if capital:  # "Baghdad said": a capital speaks for its government
            return _state_claimant(capital, "government")
    m = re.match(r"^(?:[a-z][\w\-]*\s+)+(?P<rest>[A-Z].*)$", text)
    if m and is_country_name(m["rest"]):  # "grief-stricken Azerbaijan": a description of a country
        return Claimant(key=f"description:{lowered}", name=text, kind="description")
    if (_is_generic(text) or text[:1].islower()) and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+$", text) \
            and not _proper_lead(text, document_text):
        full = _complete(text, document_text)
        if full and full.lower() != text.lower():
            return normalise(full, source_type=source_type)
        return _generic(text)
    person = _honorific_free(text.split(",")[0].strip())  # "Leila Yunusova, the new spokeswoman of ..."
    m = re.match(r"^(?:[a-z][\w\-]*\s+)+(?P<name>(?:[A-Z][\w'\-]+\s+){1,3}[A-Z][\w'\-]+)$", person)
    if m:  # "provincial health chief Adnan Turki"
        person = m["name"]
    if _looks_like_person(person, source_type):
        words = person.split()
        if len(words) == 1 and document_text:
            person = _full_name(words[0], document_text) or person
        return Claimant(key=f"person:{person.lower()}", name=person, kind="person")
    return _named(spelling, text)


_FRAGMENT_END = {"and", "or", "of", "the", "a", "an", "in", "on", "at", "to", "for", "by", "with", "from", "as",
                 "that", "who", "which", "said", "says", "'s"}


def not_a_claimant(name: str) -> bool:
    """Whether a source name is no claimant: a fragment ("Iraqi army captain and") or a place.

    A place ("Baquba", "Cap Haitien") is found in the gazetteer and is neither a country (a
    country's name stands for its government) nor a capital (``Baghdad said``: the government).
    Figures whose source is no claimant count as the text's own voice.
    """
    text = _strip(name)
    words = text.split()
    if not words or words[-1].lower() in _FRAGMENT_END or not any(ch.isalpha() for ch in text):
        return True
    if len(words) > 3 or not all(w[:1].isupper() for w in words) or is_country_name(text) \
            or text.lower() in ORGANISATIONS or BODIES.get(text.lower()):
        return False
    from counterclaim.reconcile.gazetteer import capital_of, locate

    found = locate(text)
    return found is not None and found.precision == 1 and capital_of(text) is None


def _named(spelling: str, text: str) -> Claimant:
    m = re.match(r"^(?P<c>[A-Z][\w.\- ]*?)'s (?P<rest>[A-Z].*)$", text)
    if m and country(m["c"]):  # "Israel's Kahan Commission" is the Kahan Commission
        text = spelling = m["rest"]
    key = re.sub(r"[^\w ]+", "", text.lower().replace("'s ", " ")).strip()
    shown = re.sub(r"\s*\([^()]*\)", "", clean_spelling(spelling)).strip(" ,.;:")
    shown = re.sub(r"^(?:the|a|an)\s+", "", shown)  # a lower-case article only: "The Sunday Times" stays
    return Claimant(key=f"name:{key}", name=shown or text, kind="named")
