"""Word lists behind the rules, as versioned data files loaded in one place (spaCy-free).

Every list lives in ``data/`` as a plain file: one term per line (``#`` starts a comment) for
sets, ``term<TAB>value`` lines for mappings. :func:`load` reads a file once, checks it (lower
case where the list is case-folded, no duplicates, values from the allowed set) and caches it.
``LEXICON_VERSION`` is stamped into every Result, next to the rule set's version.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

LEXICON_VERSION = "counterclaim.lexicons.v4"


class LexiconError(ValueError):
    """A data file breaks the format (a duplicate, an upper-case key, an unknown value)."""


def _lines(name: str) -> list[tuple[int, str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append((n, line.strip() if "\t" not in line else line))
    return out


@cache
def words(name: str, *, cased: bool = False) -> frozenset[str]:
    """The set of terms in ``data/NAME`` (lower-case unless ``cased``)."""
    seen: set[str] = set()
    for n, term in _lines(name):
        if not cased and term != term.lower():
            raise LexiconError(f"{name}:{n}: {term!r} must be lower case")
        if term in seen:
            raise LexiconError(f"{name}:{n}: {term!r} is listed twice")
        seen.add(term)
    return frozenset(seen)


@cache
def mapping(name: str, *, values: frozenset[str] | None = None, cased: bool = False) -> dict[str, str]:
    """The ``term<TAB>value`` lines of ``data/NAME`` as a dict (values checked against ``values``)."""
    out: dict[str, str] = {}
    for n, line in _lines(name):
        if "\t" not in line:
            raise LexiconError(f"{name}:{n}: expected 'term<TAB>value', got {line!r}")
        term, value = (x.strip() for x in line.split("\t", 1))
        if not cased and term != term.lower():
            raise LexiconError(f"{name}:{n}: {term!r} must be lower case")
        if term in out:
            raise LexiconError(f"{name}:{n}: {term!r} is listed twice")
        if values is not None and value not in values:
            raise LexiconError(f"{name}:{n}: {value!r} is not one of {sorted(values)}")
        out[term] = value
    return out


def names() -> list[str]:
    """Every data file of the package, sorted."""
    return sorted(p.name for p in resources.files(__package__).joinpath("data").iterdir()
                  if p.name.endswith((".txt", ".tsv")))


def tables() -> list[str]:
    """Every pattern table of the package (``data/*.json``: the frames of ``extract.frames``), sorted."""
    return sorted(p.name for p in resources.files(__package__).joinpath("data").iterdir() if p.name.endswith(".json"))


@cache
def table(name: str) -> dict[str, Any]:
    """The pattern table ``data/NAME``, checked for what needs no spaCy: its own word lists (lower
    case, no duplicates), and a unique name, an example and a pattern for every frame and sequence.
    ``extract.frames`` checks the rest (outcomes, families, list references, operators)."""
    data = json.loads(resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("frames"), list):
        raise LexiconError(f"{name}: expected an object with a list of 'frames'")
    for list_name, value in data.get("lists", {}).items():
        keys = list(value) if isinstance(value, dict) else value
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise LexiconError(f"{name}: list {list_name!r} must be a list or mapping of strings")
        if len(set(keys)) != len(keys):
            raise LexiconError(f"{name}: list {list_name!r} has a duplicate")
        if any(k != k.lower() for k in keys):
            raise LexiconError(f"{name}: list {list_name!r} must be lower case")
    seen: set[str] = set()
    for entry in data["frames"] + data.get("sequences", []):
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("pattern"):
            raise LexiconError(f"{name}: every frame and sequence needs a name and a pattern")
        if entry["name"] in seen:
            raise LexiconError(f"{name}: {entry['name']!r} is listed twice")
        if not entry.get("example"):
            raise LexiconError(f"{name}: {entry['name']}: every frame and sequence needs an example")
        seen.add(entry["name"])
    return data


def plural(noun: str) -> str:
    """The regular English plural of a noun ("witness" → "witnesses", "city" → "cities")."""
    head, _, last = noun.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return f"{prefix}{last}es"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return f"{prefix}{last[:-1]}ies"
    return f"{prefix}{last}s"


@cache
def person_nouns() -> frozenset[str]:
    """Every noun for people: the singulars of ``person_nouns.txt``, their regular plurals, the
    irregular plurals and collective nouns of ``person_plurals.tsv``, and the pronouns, amounts
    and outcome words of ``counted_words.txt``."""
    singulars = words("person_nouns.txt")
    irregular = mapping("person_plurals.tsv")
    unknown = sorted(set(irregular.values()) - singulars)
    if unknown:
        raise LexiconError(f"person_plurals.tsv: singulars not in person_nouns.txt: {unknown}")
    return frozenset(singulars | {plural(n) for n in singulars} | set(irregular) | words("counted_words.txt"))


@cache
def months() -> dict[str, int]:
    """Month names and abbreviations (lower case) → month number."""
    return {k: int(v) for k, v in mapping("months.tsv", values=frozenset(str(i) for i in range(1, 13))).items()}
