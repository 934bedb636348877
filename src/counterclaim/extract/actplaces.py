"""Names of jurisdictions that can adopt an act, with their ISO 3166 codes (via pycountry).

Countries (name, common and official names, the short form before a comma, and a few
everyday names pycountry lacks: "Russia", "Turkey", "the UK", "Ivory Coast"), the states
of the United States, Australia's states, Canada's provinces and the four UK nations
(Scotland → GB-SCT). ``find_places`` returns every mention in a text, longest name first,
without a leading "the".

Deliberately missed: cities and regions below these levels, and adjectives ("the Scottish
Parliament" is found only through "Scotland"). "Georgia" is the country unless a US context
is near ("US state", another US state in the same list).

Example: ``find_places("the Czech Republic and Minnesota")`` → CZ at 4-18, US-MN at 23-32.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from counterclaim import lexicons as _lex

_ALIASES = {
    "Russia": "RU", "Turkey": "TR", "United Kingdom": "GB", "UK": "GB", "U.K.": "GB", "Britain": "GB",
    "Great Britain": "GB", "Ivory Coast": "CI", "Holland": "NL", "Netherlands": "NL", "Macedonia": "MK",
    "Palestine": "PS", "Vatican": "VA", "Burma": "MM", "Swaziland": "SZ", "East Timor": "TL",
    "Cape Verde": "CV", "Czech Republic": "CZ", "South Korea": "KR", "North Korea": "KP",
    "Democratic Republic of Congo": "CD", "Democratic Republic of the Congo": "CD", "DR Congo": "CD",
    "Republic of Congo": "CG", "United States": "US", "United States of America": "US", "USA": "US",
    "U.S.": "US", "U.S.A.": "US", "US": "US", "Syria": "SY", "Iran": "IR", "Laos": "LA",
    "Moldova": "MD", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Vietnam": "VN",
    "Brunei": "BN", "Micronesia": "FM", "Kosovo": None, "Taiwan": "TW", "Bosnia": "BA",
    "Bosnia-Herzegovina": "BA", "Slovak Republic": "SK", "Kyrgyz Republic": "KG", "Gambia": "GM",
    "Bahamas": "BS", "Philippines": "PH", "Maldives": "MV", "Comoros": "KM", "Seychelles": "SC",
    "Marshall Islands": "MH", "Solomon Islands": "SB", "Cook Islands": "CK", "Sao Tome and Principe": "ST",
}
_SUBDIVISION_COUNTRIES = {"US": ("State", "District"), "AU": ("State", "Territory"),
                          "CA": ("Province", "Territory")}
_UK_NATIONS = {"England": "GB-ENG", "Scotland": "GB-SCT", "Wales": "GB-WLS", "Northern Ireland": "GB-NIR"}
_AMBIGUOUS_SKIP = {"Washington", "Georgia", "Jersey", "Guernsey", "Korea", "Congo", "Virgin Islands", "Chad"}
_US_CONTEXT = re.compile(r"\b(?:U\.?S\.?|United States|American?|US states?|state of)\b|\bstates?\b")


# adjectives that stand for a country in front of a body: "the Lithuanian parliament" (one table for the
# whole package: lexicons/data/demonyms.tsv; the adjective as written, capitalised)
DEMONYMS = {k.title(): v for k, v in _lex.mapping("demonyms.tsv").items() if not k.endswith("s")}
# abbreviations reported under their full name (scoring compares names, not codes)
_FULL_NAMES = {"US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
               "UK": "United Kingdom", "U.K.": "United Kingdom"}


@dataclass(frozen=True)
class Place:
    """A jurisdiction mention: ``[start, end)`` without a leading "the"; ``name`` as written."""

    start: int
    end: int
    name: str
    code: str | None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str | None]:
    """Name as written → ISO 3166 code (country alpha-2 or subdivision code)."""
    names: dict[str, str | None] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if not value:
                continue
            names.setdefault(value, c.alpha_2)
            if "," in value:
                short = value.split(",")[0].strip()
                if short not in _AMBIGUOUS_SKIP:
                    names.setdefault(short, c.alpha_2)
    names.update(_ALIASES)
    for country, types in _SUBDIVISION_COUNTRIES.items():
        for sub in pycountry.subdivisions.get(country_code=country) or []:
            if sub.type in types:
                name = re.sub(r"\s*\[.*\]$", "", sub.name).strip()
                if name not in names:
                    names[name] = sub.code
    names.update(_UK_NATIONS)
    names["Georgia"] = "GE"
    return names


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    alts = sorted(gazetteer(), key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alts)
    return re.compile(rf"(?<![\w.-])(?:[Tt]he\s+)?({body})(?![\w-])")


def find_places(text: str) -> list[Place]:
    """Every jurisdiction named in ``text`` (see the module docstring)."""
    out: list[Place] = []
    names = gazetteer()
    for m in _pattern().finditer(text):
        name = m.group(1)
        code = names.get(name)
        if name == "Georgia":
            window = text[max(0, m.start() - 80):m.end() + 80]
            if _US_CONTEXT.search(window):
                code = "US-GA"
        out.append(Place(m.start(1), m.end(1), _FULL_NAMES.get(name, name), code))
    return out


def find_demonyms(text: str) -> list[Place]:
    """Country adjectives ("Lithuanian", "Scottish") as places; the caller checks what they modify."""
    names = gazetteer()
    out: list[Place] = []
    for m in re.finditer(r"(?<![\w-])(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")(?![\w-])", text):
        country = DEMONYMS[m.group(1)]
        out.append(Place(m.start(1), m.end(1), _FULL_NAMES.get(country, country), names.get(country)))
    return out
