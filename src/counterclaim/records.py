"""Frozen records of the OUTPUT.md contract (v1).

These are plain dataclasses with no spaCy import: what comes out of the pipeline can
be pickled, serialised to JSON and compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

OUTCOMES = ("killed", "injured", "missing", "captured", "displaced")
QUALIFIERS = ("exact", "at_least", "more_than", "approx", "at_most", "range", "vague")
GROUPS = ("civilians", "children", "women", "men", "elderly", "combatants", "police",
          "journalists", "aid_workers", "medical_workers", "prisoners")
SOURCE_TYPES = ("government", "military", "armed_group", "intergovernmental", "ngo", "media",
                "witness", "medical", "academic", "official", "unspecified")
ACT_KINDS = ("resolution", "declaration", "law", "proclamation", "other")
STANCES = ("asserted", "hedged", "denied", "rejected")
"""How the text holds a figure: stated, reported with distance, denied, or rejected as false."""
FIGURE_KINDS = ("whole", "partial", "breakdown", "background", "other_incident")
"""What a figure counts: a whole-incident toll, a partial count (one place, group, morgue,
bodies seen), a breakdown of another figure, a cumulative or background toll, or a figure
about another incident."""


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _list_span(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


@dataclass(frozen=True)
class Document:
    """The text every offset refers to, plus its metadata."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "title": self.title, "author": self.author,
                "published": self.published, "publisher": self.publisher, "url": self.url,
                "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(id=d["id"], text=d["text"], path=d.get("path"), title=d.get("title"),
                   author=d.get("author"), published=d.get("published"),
                   publisher=d.get("publisher"), url=d.get("url"))


@dataclass(frozen=True)
class Count:
    """A number of people: ``value`` is None for ranges and vague amounts."""

    value: int | None
    low: int | None
    high: int | None
    qualifier: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "qualifier": self.qualifier}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Count:
        return cls(d.get("value"), d.get("low"), d.get("high"), d["qualifier"])


@dataclass(frozen=True)
class Source:
    """Who the text says makes a claim."""

    name: str
    type: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "span": _list_span(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d["name"], d.get("type") or "unspecified", _span(d.get("span")))


@dataclass(frozen=True)
class Figure:
    """One casualty figure as written in the text."""

    id: str
    span: Span
    text: str
    outcome: str
    count: Count
    groups: tuple[str, ...] = ()
    part_of: str | None = None
    source: Source | None = None
    hedged: bool = False
    sentence: Span | None = None
    confidence: float | None = None
    stance: str = "asserted"
    kind: str | None = None
    kind_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "span": _list_span(self.span), "text": self.text, "outcome": self.outcome,
            "count": self.count.to_dict(), "groups": list(self.groups), "part_of": self.part_of,
            "source": self.source.to_dict() if self.source else None, "hedged": self.hedged,
            "stance": self.stance, "kind": self.kind, "kind_reason": self.kind_reason,
            "sentence": _list_span(self.sentence),
        }
        if self.confidence is not None:
            d["confidence"] = self.confidence
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        return cls(id=d["id"], span=_span(d["span"]) or (0, 0), text=d["text"], outcome=d["outcome"],
                   count=Count.from_dict(d["count"]), groups=tuple(d.get("groups") or ()),
                   part_of=d.get("part_of"),
                   source=Source.from_dict(d["source"]) if d.get("source") else None,
                   hedged=bool(d.get("hedged")), sentence=_span(d.get("sentence")),
                   confidence=d.get("confidence"),
                   stance=d.get("stance") or ("hedged" if d.get("hedged") else "asserted"),
                   kind=d.get("kind"), kind_reason=d.get("kind_reason"))


@dataclass(frozen=True)
class Speaker:
    """A named speaker or intermediary, with where the name was found."""

    name: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "span": _list_span(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(d["name"], _span(d.get("span")))


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``span`` covers the quoted words without the marks."""

    id: str
    span: Span
    text: str
    speaker: Speaker | None = None
    via: Speaker | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "span": _list_span(self.span), "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "via": self.via.to_dict() if self.via else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(id=d["id"], span=_span(d["span"]) or (0, 0), text=d["text"],
                   speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
                   via=Speaker.from_dict(d["via"]) if d.get("via") else None)


@dataclass(frozen=True)
class Act:
    """A formal decision of a public body (resolution, law, declaration, ...)."""

    id: str
    span: Span
    jurisdiction: str
    jurisdiction_code: str | None
    act: str
    date: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "span": _list_span(self.span), "jurisdiction": self.jurisdiction,
                             "jurisdiction_code": self.jurisdiction_code, "act": self.act, "date": self.date}
        if self.text is not None:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Act:
        return cls(id=d["id"], span=_span(d["span"]) or (0, 0), jurisdiction=d["jurisdiction"],
                   jurisdiction_code=d.get("jurisdiction_code"), act=d["act"], date=d.get("date"),
                   text=d.get("text"))


@dataclass(frozen=True)
class Diagnostic:
    """Odd data that was repaired or skipped (``W0xx`` codes of errors.Warnings)."""

    code: str
    message: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "span": _list_span(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Diagnostic:
        return cls(d["code"], d["message"], _span(d.get("span")))


@dataclass(frozen=True)
class Result:
    """Everything extracted from one document; ``to_dict()`` is the OUTPUT.md object."""

    document: Document
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    acts: tuple[Act, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    versions: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.to_dict(),
            "figures": [f.to_dict() for f in self.figures],
            "quotes": [q.to_dict() for q in self.quotes],
            "acts": [a.to_dict() for a in self.acts],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "versions": dict(self.versions),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Result:
        return cls(document=Document.from_dict(d["document"]),
                   figures=tuple(Figure.from_dict(x) for x in d.get("figures", [])),
                   quotes=tuple(Quote.from_dict(x) for x in d.get("quotes", [])),
                   acts=tuple(Act.from_dict(x) for x in d.get("acts", [])),
                   diagnostics=tuple(Diagnostic.from_dict(x) for x in d.get("diagnostics", [])),
                   versions=dict(d.get("versions") or {}))
