"""Peers that counterclaim is compared with: ``name -> runner(text, path) -> OUTPUT.md dict``.

Each runner gets the document text (exactly as in the gold folder) and its path, and returns an
OUTPUT.md object. Offsets refer to ``document.text``; when a runner returns no text the scorer
takes the gold text. Heavy imports happen inside the runners.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Runner = Callable[[str, "str | None"], dict[str, Any]]


class Skipped(Exception):
    """A runner that cannot run here (e.g. an optional package is missing)."""


def empty(text: str, path: str | None) -> dict[str, Any]:
    """An OUTPUT.md object with nothing extracted."""
    return {"document": {"path": path, "text": text}, "figures": [], "quotes": [], "acts": []}


# --------------------------------------------------------------------------- numbers

UNITS = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted([*UNITS, *TENS, "dozen"], key=len, reverse=True))
NUMBER = re.compile(rf"\b(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand))?\b"
                    rf"|\b(?:{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:hundred|thousand|million))?\b", re.IGNORECASE)


def number_value(token: str) -> int | None:
    """The integer a numeral or number phrase stands for (``1,275``, ``seventy-six``, ``2 million``)."""
    words = re.split(r"[\s-]+", token.lower().replace(",", ""))
    total = 0
    for word in words:
        if re.fullmatch(r"\d+(\.\d+)?", word):
            total += float(word)  # type: ignore[assignment]
        elif word in UNITS or word in TENS:
            total += UNITS.get(word, TENS.get(word, 0))
        elif word == "dozen":
            total = (total or 1) * 12
        elif word in SCALES:
            total = (total or 1) * SCALES[word]
        else:
            return None
    return int(total)


def every_number(text: str, path: str | None) -> dict[str, Any]:
    """Every number in the text (digits and number words) as a killed, exact, unsourced figure."""
    out = empty(text, path)
    for m in NUMBER.finditer(text):
        value = number_value(m.group())
        out["figures"].append({
            "id": f"f{len(out['figures']) + 1}", "span": [m.start(), m.end()], "text": m.group(),
            "outcome": "killed", "count": {"value": value, "low": value, "high": value, "qualifier": "exact"},
            "groups": [], "part_of": None, "source": None, "hedged": False})
    return out


# --------------------------------------------------------------------------- regex baseline

CUES = {"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "bodies": "killed",
        "wounded": "injured", "injured": "injured", "hurt": "injured", "missing": "missing",
        "hostage": "captured", "hostages": "captured", "kidnapped": "captured", "abducted": "captured",
        "captured": "captured", "arrested": "captured", "detained": "captured",
        "displaced": "displaced", "fled": "displaced", "homeless": "displaced", "refugees": "displaced"}
VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999)}
FIGURE = re.compile(rf"(?P<num>{NUMBER.pattern}|\b(?:{'|'.join(VAGUE)})\b)(?:\W+\w+){{0,4}}?\W+"
                    rf"(?P<cue>{'|'.join(CUES)})\b", re.IGNORECASE)
QUALIFIER_BEFORE = [(re.compile(r"at least\s*$", re.I), "at_least"),
                    (re.compile(r"(more than|over)\s*$", re.I), "more_than"),
                    (re.compile(r"(about|around|nearly|almost|some|approximately)\s*$", re.I), "approx"),
                    (re.compile(r"(up to|as many as)\s*$", re.I), "at_most")]
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'\u201d]?|$)")
ACCORDING = re.compile(r"according to ((?:the )?[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*)*|\w+ \w+)")
SAID = re.compile(r"((?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*|officials|police|witnesses)\s+(?:said|say|says|told)\b")


def sentence_source(sentence: str) -> str | None:
    """The claimant of a sentence: ``according to X`` or ``X said``, else None."""
    m = ACCORDING.search(sentence) or SAID.search(sentence)
    return m.group(1).strip().rstrip(".,;:") if m else None


def regex_count(number: str, before: str) -> dict[str, Any]:
    """The count of a regex match: vague words get rough bounds, else a qualifier from the words before."""
    if number.lower() in VAGUE:
        low, high = VAGUE[number.lower()]
        return {"value": None, "low": low, "high": high, "qualifier": "vague"}
    value = number_value(number)
    qualifier = next((q for pattern, q in QUALIFIER_BEFORE if pattern.search(before)), "exact")
    return {"value": value, "low": value, "high": value, "qualifier": qualifier}


def regex_baseline(text: str, path: str | None) -> dict[str, Any]:
    """A number followed within four words by an outcome cue; qualifier and source from simple patterns."""
    out = empty(text, path)
    for sentence in SENTENCE.finditer(text):
        name = sentence_source(sentence.group())
        for m in FIGURE.finditer(sentence.group()):
            start, end = sentence.start() + m.start("num"), sentence.start() + m.end("cue")
            before = text[max(0, start - 20):start]
            out["figures"].append({
                "id": f"f{len(out['figures']) + 1}", "span": [start, end], "text": text[start:end],
                "outcome": CUES[m.group("cue").lower()], "count": regex_count(m.group("num"), before),
                "groups": [], "part_of": None, "hedged": False,
                "source": {"name": name, "type": "unspecified", "span": None} if name else None})
    return out


# --------------------------------------------------------------------------- counterclaim and textacy


def counterclaim(text: str, path: str | None) -> dict[str, Any]:
    """counterclaim itself: ``counterclaim.process.extract_text``."""
    from counterclaim.process import extract_text

    return extract_text(text, path=path).to_dict()


QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "


def _textacy_quotes(doc: Any, offset: int) -> list[dict[str, Any]]:
    from textacy import extract

    quotes = []
    for triple in extract.triples.direct_quotations(doc):
        content = triple.content
        raw = content.text
        lead = len(raw) - len(raw.lstrip(QUOTE_MARKS + "\n"))
        words = raw.strip(QUOTE_MARKS + "\n")
        start = offset + content.start_char + lead
        speaker = None
        if triple.speaker:
            first, last = min(t.i for t in triple.speaker), max(t.i for t in triple.speaker)
            span = doc[first:last + 1]
            speaker = {"name": span.text, "span": [offset + span.start_char, offset + span.end_char]}
        quotes.append({"id": f"q{len(quotes) + 1}", "span": [start, start + len(words)], "text": words,
                       "speaker": speaker, "via": None})
    return quotes


def textacy_quotes(text: str, path: str | None) -> dict[str, Any]:
    """textacy's ``extract.triples.direct_quotations`` over the counterclaim spaCy pipeline (quotes only).

    textacy refuses a whole document when its quotation marks are unbalanced; then it is run
    paragraph by paragraph and paragraphs it still refuses give nothing.
    """
    try:
        import textacy  # noqa: F401
    except ImportError as exc:
        raise Skipped("textacy not installed") from exc
    from counterclaim.nlp import load_nlp

    nlp = load_nlp()
    out = empty(text, path)
    try:
        out["quotes"] = _textacy_quotes(nlp(text), 0)
    except ValueError:
        for para in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
            try:
                found = _textacy_quotes(nlp(para.group()), para.start())
            except ValueError:
                continue
            out["quotes"].extend(dict(q, id=f"q{len(out['quotes']) + i + 1}") for i, q in enumerate(found))
    return out


def nothing(text: str, path: str | None) -> dict[str, Any]:
    """No figures, quotes or acts: the floor every metric starts from."""
    return empty(text, path)


PEERS: dict[str, Runner] = {
    "nothing": nothing,
    "every-number": every_number,
    "regex-baseline": regex_baseline,
    "textacy-quotes": textacy_quotes,
    "counterclaim": counterclaim,
}
