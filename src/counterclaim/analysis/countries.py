"""Countries by name, alias or demonym (pycountry plus a small table).

``country("the Azerbaijani")``, ``country("Azerbaijan")`` and ``country("Azeri")`` all give
``AZ``. pycountry knows the ISO names, official names and common names; the tables below
add the short names newspapers use ("Russia", "Britain", "Turkey") and the adjectives of
nationality. Regular adjectives are derived from the names (Armenia → Armenian, Iraq →
Iraqi, Sudan → Sudanese, Chad → Chadian); the irregular ones are listed.

Deliberately not handled: ethnic or religious groups that are not a state's adjective
("Kurdish", "Shiite") and historical states ("Soviet" maps to Russia only as a source's
country, see ``HISTORICAL``).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from counterclaim import lexicons as _lex

ALIASES: dict[str, str] = {
    "russia": "RU", "britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "us": "US", "u.s.": "US", "usa": "US",
    "u.s.a.": "US", "america": "US", "united states of america": "US", "turkey": "TR", "iran": "IR",
    "syria": "SY", "palestine": "PS", "kosovo": "XK", "ivory coast": "CI", "macedonia": "MK",
    "burma": "MM", "czech republic": "CZ", "holland": "NL", "the netherlands": "NL", "south korea": "KR",
    "north korea": "KP", "vietnam": "VN", "laos": "LA", "drc": "CD", "dr congo": "CD",
    "democratic republic of congo": "CD", "democratic republic of the congo": "CD", "congo": "CG",
    "east timor": "TL", "cape verde": "CV", "swaziland": "SZ", "the gambia": "GM", "vatican": "VA",
    "uae": "AE", "u.s": "US", "u.k": "GB", "u.s.a": "US",
}
"""Short and older names that pycountry does not resolve (lower case → ISO alpha-2)."""

HISTORICAL: dict[str, str] = {"soviet union": "RU", "ussr": "RU", "soviet": "RU", "yugoslavia": "RS",
                              "yugoslav": "RS", "czechoslovakia": "CZ", "czechoslovak": "CZ"}
"""Former states, mapped to a successor only to give a source a country."""

DISPLAY: dict[str, str] = {
    "RU": "Russia", "IR": "Iran", "SY": "Syria", "KR": "South Korea", "KP": "North Korea", "VN": "Vietnam",
    "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "PS": "Palestine",
    "TW": "Taiwan", "CD": "DR Congo", "CG": "Congo", "GB": "the United Kingdom", "US": "the United States",
    "TR": "Turkey", "CZ": "the Czech Republic", "XK": "Kosovo", "NL": "the Netherlands",
    "PH": "the Philippines", "AE": "the United Arab Emirates", "CF": "the Central African Republic",
    "DO": "the Dominican Republic", "GM": "the Gambia", "MK": "North Macedonia", "BS": "the Bahamas",
}
"""How a country is written in a source's display name ("Government of the United States")."""

_NATIONS = {"England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB", "Kosovo": "XK"}


def _code(name: str) -> str | None:
    if name in _NATIONS:
        return _NATIONS[name]
    if name.lower() in ALIASES:
        return ALIASES[name.lower()]
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


DEMONYMS: dict[str, str] = {k: code for k, v in _lex.mapping("demonyms.tsv").items() if (code := _code(v))}
"""Adjectives of nationality (lower case → ISO alpha-2), from the package's one demonym table
(``lexicons/data/demonyms.tsv``, plural nouns where papers use them)."""

_DEMONYM_SUFFIXES = (("ia", "ian"), ("a", "an"), ("", "i"), ("", "ian"), ("", "ese"), ("e", "ian"),
                     ("o", "an"), ("y", "ian"), ("i", "ian"))


def _clean(name: str) -> str:
    name = " ".join(name.replace("’", "'").split()).strip(" .,;:'\"")
    lowered = name.lower()
    for article in ("the ",):
        if lowered.startswith(article):
            lowered = lowered[len(article):]
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    return lowered


@lru_cache(maxsize=1)
def _derived_demonyms() -> dict[str, str]:
    """Regular adjectives built from the short names: Armenia → armenian, Iraq → iraqi."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for name in {c.name, getattr(c, "common_name", c.name)}:
            base = name.split(",")[0].lower()
            if " " in base:
                continue
            for strip, add in _DEMONYM_SUFFIXES:
                if strip and not base.endswith(strip):
                    continue
                stem = base[: len(base) - len(strip)] if strip else base
                out.setdefault(stem + add, c.alpha_2)
    return out


@lru_cache(maxsize=4096)
def country(name: str) -> str | None:
    """ISO alpha-2 code of a country name, alias or nationality adjective, else None.

    >>> country("Azerbaijan’s"), country("the Azeri"), country("U.S."), country("Hojali")
    ('AZ', 'AZ', 'US', None)
    """
    key = _clean(name)
    if not key or len(key) < 2:
        return None
    if key in ALIASES:
        return ALIASES[key]
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key in HISTORICAL:
        return HISTORICAL[key]
    if len(key) >= 4:  # shorter keys would match ISO codes ("per", "can", "arm")
        try:
            return str(pycountry.countries.lookup(key).alpha_2)
        except LookupError:
            pass
    if key.isalpha() and len(key) > 4:
        return _derived_demonyms().get(key)
    return None


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's name or alias (not an adjective): "Armenia" yes, "Armenian" no."""
    key = _clean(name)
    if key in ALIASES or key in HISTORICAL:
        return True
    if key in DEMONYMS or key in _derived_demonyms():
        return False
    return country(name) is not None


def country_name(code: str) -> str:
    """A country's name for display: ``AZ`` → ``Azerbaijan``, ``US`` → ``the United States``."""
    if code in DISPLAY:
        return DISPLAY[code]
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


ADJECTIVES: dict[str, str] = {"AZ": "Azerbaijani", "US": "US", "GB": "British", "AM": "Armenian", "RU": "Russian",
                              "IQ": "Iraqi", "AF": "Afghan", "NL": "Dutch", "CD": "Congolese", "XK": "Kosovar"}
"""The adjective used in display names ("the Azerbaijani government") where the table's first is not it."""


@lru_cache(maxsize=512)
def adjective(code: str) -> str | None:
    """The adjective of nationality for display: ``AZ`` → ``Azerbaijani``; None when unknown."""
    if code in ADJECTIVES:
        return ADJECTIVES[code]
    for word, c in DEMONYMS.items():
        if c == code and not (word.endswith("s") and word[:-1] in DEMONYMS):
            return " ".join(w.capitalize() for w in word.split())
    return None
