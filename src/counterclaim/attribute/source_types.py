"""Source types (ANNOTATION.md §1, ``source_type``) from cue words and the entity label.

Rules are checked in order; the first element of a multi-part source decides
("security officials and doctor X" → military), as the corpus conventions say.

>>> source_type("Iraq's Ministry of Health")
'government'
>>> source_type("Human Rights Watch")
'ngo'
"""

from __future__ import annotations

import re

_RULES: list[tuple[str, str]] = [
    ("government", r"\b(?:government|govt|ministry|ministries|parliament|presidency|cabinet|kremlin|"
     r"white house|state department|prime minister|embassy)\b"),
    ("intergovernmental", r"\b(?:u\.?n\.?|united nations|unicef|unhcr|who|world health organi[sz]ation|"
     r"icty|ictr|icc|icmp|"
     r"international (?:criminal )?(?:tribunal|court)|international commission on missing persons|"
     r"osce|icrc|red cross|red crescent|nato|african union|european union|eu|world bank|"
     r"amnesty international's|ocha|unrwa|wfp|iom|interpol|iaea)\b"),
    ("ngo", r"\b(?:human rights|rights group|right groups|rights groups|amnesty|watch|observatory|"
     r"ngo|ngos|charity|charities|non-governmental|nongovernmental|foundation|"
     r"médecins|medecins|msf|doctors without borders|save the children|oxfam|caritas|"
     r"monitor(?:ing)? group|activists?|campaigners?|humanitarian organi[sz]ations?)\b"),
    ("media", r"\b(?:news agency|agency|newspaper|paper|tv|television|radio|channel|broadcaster|"
     r"reuters|associated press|ap|afp|agence france|upi|tass|itar-tass|bbc|cnn|al jazeera|"
     r"al-jazeera|times|post|guardian|journal|gazette|daily|tribune|press|reporter|reporters|"
     r"journalist|journalists|correspondent|photographer|media|magazine|"
     r"tally by|outlet)\b"),
    ("armed_group", r"\b(?:taliban|rebels?|insurgents?|militants?|guerrillas?|ira|eln|farc|isis|isil|"
     r"islamic state|al-qaida|al-qaeda|al qaeda|hamas|hezbollah|boko haram|al-shabaab|militia|"
     r"jihadists?|separatists?|mujahid|liberation army|liberation front|"
     r"resistance|armed group)\b"),
    ("medical", r"\b(?:medical|doctors?|hospitals?|health|medics?|physicians?|forensic|morgue|"
     r"coroner|paramedics?|nurses?|clinic|surgeons?|pathologist)\b"),
    ("military", r"\b(?:military|army|armed forces|high command|defen[cs]e forces|troops|soldiers?|"
     r"commanders?|general|colonel|col\.|lieutenant|lt\.|major|captain|officers?|navy|air force|"
     r"marines|security officials|security sources|security forces|pentagon|brigade|"
     r"spokesman for the (?:army|military)|military sources|coalition)\b"),
    ("government", r"\b(?:government|govt|ministry|ministries|minister|president|presidency|"
     r"prime minister|premier|parliament|cabinet|kremlin|white house|state department|"
     r"department|bureau|office|embassy|ambassador|authority|regional authorities|"
     r"provincial authorities|local authorities|state authorities|interior|prosecutor|"
     r"prosecuter|police|governor|mayor|council|commission|investigators?|spokes(?:man|woman|person)|"
     r"administration|republic|kingdom|statement from|officials in|state media|"
     r"senior (?:defen[cs]e|interior|government) official|defen[cs]e official)\b"),
    ("witness", r"\b(?:witness(?:es)?|survivors?|residents?|villagers?|eyewitness(?:es)?|"
     r"imam|priest|relatives?|neighbou?rs?|locals?|refugees?|passers-by|bystanders?|"
     r"families|family|mother|father)\b"),
    ("academic", r"\b(?:university|professor|researchers?|scholars?|academics?|study|institute|"
     r"historians?|think tank|rand)\b"),
    ("unspecified", r"\b(?:officials?|authorities|sources?|reports?|estimates?|figures|"
     r"observers|analysts|experts|diplomats|aid workers|it is|they|some)\b"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES]
# a lone official word ("officials", "authorities") is unspecified; a qualified one is not
_GENERIC = re.compile(r"^(?:the |some |other |two |three |several |many |local )?(?:officials?|authorities|"
                      r"sources?|reports?|estimates?|initial estimates|other estimates|"
                      r"a source|one source|another source|"
                      r"(?:a|one|another|the) (?:second|third|senior|former|local) (?:source|official))$",
                      re.IGNORECASE)


def source_type(name: str, *, entity_label: str | None = None, role: str | None = None) -> str:
    """The ANNOTATION.md source type of a claimant.

    A named person speaks for the body named in their role ("spokesman for the provincial
    governor" → government, "a spokesman for the group" of an armed group → armed_group),
    or as an office-holder (``official``) when the role names no wider body.

    Args:
        name: the claimant as written ("Ruritania's Government", "officials").
        entity_label: spaCy label of the claimant's head (PERSON, GPE, ORG, NORP).
        role: the person's role found beside the name ("Health Minister"), if any.

    Returns:
        One of government, military, armed_group, intergovernmental, ngo, media, witness,
        medical, academic, official, unspecified.
    """
    text = " ".join(name.split())
    if _GENERIC.match(text):
        return "unspecified"
    if is_country(text):
        return "government"
    first = re.split(r"\s+(?:and|&)\s+", text, maxsplit=1)[0]
    for candidate in (first, text):
        kind = _match(candidate)
        if kind and kind != "unspecified":
            return kind
    if role:
        return _role_type(role)
    if entity_label == "PERSON":
        return "official"
    if entity_label in ("GPE", "NORP"):
        # a country (or its people) speaks through its government; a town or a description
        # ("grief-stricken Ruritania", "Baquba") is no government
        return "government" if is_country(text) or entity_label == "NORP" and len(text.split()) == 1 else "unspecified"
    if entity_label == "ORG":
        return "government"
    return _match(text) or "unspecified"


def _role_type(role: str) -> str:
    spokes = re.search(r"\bspokes(?:man|woman|person)\b(?: (?:for|of) (.+))?", role, re.IGNORECASE)
    if spokes and spokes.group(1):
        kind = _match(spokes.group(1))
        return kind if kind and kind != "unspecified" else "government"
    kind = _match(role)
    if kind in ("medical", "military", "media", "armed_group", "intergovernmental", "ngo", "academic"):
        return kind
    return "official"


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name ("Sri Lanka", "the Czech Republic")."""
    import pycountry

    bare = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE)
    if not bare or not bare[0].isupper() or len(bare.split()) > 4:
        return False
    try:
        pycountry.countries.lookup(bare)
    except LookupError:
        return False
    return True


def could_claim(name: str) -> bool:
    """Whether a noun phrase names a body or person that makes claims (a ministry, a group, a
    newspaper), as opposed to a thing ("the bomb")."""
    kind = _match(name)
    return kind is not None and kind != "unspecified" or bool(
        re.search(r"\b(?:group|organi[sz]ation|committee|centre|center|network|union|association)\b", name,
                  re.IGNORECASE))


def _match(text: str) -> str | None:
    for kind, pattern in _COMPILED:
        if pattern.search(text):
            return kind
    return None


def _looks_personal(role: str) -> bool:
    return bool(re.search(r"\b(?:minister|president|prosecutor|prosecuter|governor|mayor|member)\b",
                          role, re.IGNORECASE))
