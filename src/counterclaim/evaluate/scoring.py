"""Scoring of extraction output against gold annotations (SCORING.md v1).

This module is a clean re-implementation of the reference scorer ``spec/score.py`` and gives
exactly the same numbers for the same gold files and predictions: the same name normalisation,
the same one-to-one greedy matching in text order, the same ``difflib`` aligner when a
prediction's ``document.text`` differs from the gold text, the same ``part_of`` rule and the
same tallies. On top of the numbers it records structured details (misses, extras and wrong
fields per document).

Predictions are OUTPUT.md dictionaries; gold files follow ANNOTATION.md. Nothing here reads
files or imports spaCy.
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]
Mapper = Callable[[Any], "Span | None"]

STOP_WORDS = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]")
_NO_SPAN = 1 << 60


# --------------------------------------------------------------------------- names and spans


def normalise_name(name: str | None) -> str:
    """Normalise a source, speaker or jurisdiction name for comparison.

    Lower case, curly apostrophes made straight, ``'s`` removed, punctuation replaced by
    spaces, the words "the", "a", "an" dropped and spaces collapsed.

    Args:
        name: the name as written, or None.

    Returns:
        The normalised name; ``""`` for None or an empty name.
    """
    if not name:
        return ""
    text = name.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _POSSESSIVE.sub("", text)
    text = _NOT_WORD.sub(" ", text)
    return " ".join(word for word in text.split() if word not in STOP_WORDS)


def _same_name(pred: str, gold: str) -> bool:
    """Two normalised names: equal, or one holds the other as whole words (3+ letter word)."""
    if not gold:
        return False
    if pred == gold:
        return True
    short, long_ = (pred, gold) if len(pred) <= len(gold) else (gold, pred)
    return f" {short} " in f" {long_} " and any(len(word) >= 3 for word in short.split())


def names_match(predicted: str | None, candidates: Iterable[str | None]) -> bool:
    """Whether a predicted name matches any of the gold name and its aliases.

    Args:
        predicted: the extractor's name (None or empty never matches).
        candidates: the gold name followed by its aliases.

    Returns:
        True when, normalised, the names are equal or one contains the other as whole words
        and the shorter has a word of at least 3 letters.
    """
    pred = normalise_name(predicted)
    if not pred:
        return False
    return any(_same_name(pred, normalise_name(gold)) for gold in candidates)


def locate(text: str, anchor: str, occurrence: int = 1) -> Span | None:
    """The span of the ``occurrence``-th occurrence (1-based) of ``anchor`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(anchor, start + 1)
        if start < 0:
            return None
    return (start, start + len(anchor))


def overlaps(a: Span, b: Span) -> bool:
    """Whether two ``[start, end)`` spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def aligner(pred_text: str | None, gold_text: str) -> Mapper:
    """A function mapping spans of ``pred_text`` onto ``gold_text``.

    The identity when the texts are equal (or the prediction carries no text); otherwise
    character offsets are carried through ``difflib`` matching blocks and a span whose first
    or last character has no counterpart maps to None.
    """
    if pred_text is None or pred_text == gold_text:
        return lambda span: tuple(span)
    matcher = difflib.SequenceMatcher(None, pred_text, gold_text, autojunk=False)
    blocks = matcher.get_matching_blocks()
    starts = [a for a, _, _ in blocks]

    def move(i: int) -> int | None:
        k = bisect_right(starts, i) - 1
        if k >= 0:
            a, b, n = blocks[k]
            if a <= i < a + n:
                return b + (i - a)
        return None

    def mapper(span: Any) -> Span | None:
        start, last = move(span[0]), move(max(span[0], span[1] - 1))
        return None if start is None or last is None else (start, last + 1)

    return mapper


def numbers_agree(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether a predicted figure states the gold number (range: low and high; vague: both vague)."""
    count = pred.get("count") or {}
    qualifier = gold.get("qualifier")
    if qualifier == "vague":
        return count.get("qualifier") == "vague"
    if qualifier == "range":
        return count.get("low") == gold.get("low") and count.get("high") == gold.get("high")
    return count.get("value") == gold.get("value")


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Item:
    """A gold or predicted entry with its span in gold-text coordinates (None: not placed)."""

    index: int
    data: Mapping[str, Any]
    span: Span | None


def place_gold(text: str, entries: Sequence[Mapping[str, Any]]) -> list[Item]:
    """Gold figures or quotes, located by anchor and occurrence."""
    return [Item(i, g, locate(text, g["anchor"], g.get("occurrence", 1))) for i, g in enumerate(entries)]


def place_pred(move: Mapper, entries: Sequence[Mapping[str, Any]]) -> list[Item]:
    """Predicted figures or quotes, their spans carried onto the gold text."""
    return [Item(i, p, move(p["span"]) if p.get("span") else None) for i, p in enumerate(entries)]


def match_one_to_one(golds: Sequence[Item], preds: Sequence[Item],
                     agree: Callable[[Item, Item], bool]) -> dict[int, int]:
    """Greedy one-to-one matching in text order.

    Gold entries are taken by start offset; each takes the first unused prediction (by start
    offset, unplaced ones last and never matched) that ``agree`` accepts.

    Returns:
        ``{gold index: prediction index}``.
    """
    order = sorted(preds, key=lambda p: p.span[0] if p.span else _NO_SPAN)
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gold in sorted(golds, key=lambda g: g.span[0] if g.span else _NO_SPAN):
        if gold.span is None:
            continue
        for pred in order:
            if pred.index not in used and pred.span and agree(gold, pred):
                used.add(pred.index)
                pairs[gold.index] = pred.index
                break
    return pairs


# --------------------------------------------------------------------------- tallies


class _Counts:
    """Adding two tallies field by field."""

    def add(self, other: Any) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class FigureTally(_Counts):
    """Figure counts; the ``*_ok`` fields count matched pairs whose field is right."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    outcome_ok: int = 0
    qualifier_ok: int = 0
    source_ok: int = 0
    strict: int = 0
    groups_tp: int = 0
    groups_fp: int = 0
    groups_fn: int = 0
    hedge_tp: int = 0
    hedge_fp: int = 0
    hedge_fn: int = 0
    part_gold: int = 0
    part_ok: int = 0


@dataclass
class QuoteTally(_Counts):
    """Quote counts."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0


@dataclass
class ActTally(_Counts):
    """Act (jurisdiction set) counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass
class Tally:
    """Every count the scores are computed from, for one document or a corpus."""

    documents: int = 0
    figures: FigureTally = field(default_factory=FigureTally)
    quotes: QuoteTally = field(default_factory=QuoteTally)
    acts: ActTally = field(default_factory=ActTally)

    def add(self, other: Tally) -> None:
        """Add another tally into this one."""
        self.documents += other.documents
        self.figures.add(other.figures)
        self.quotes.add(other.quotes)
        self.acts.add(other.acts)


def ratio(a: int, b: int) -> float | None:
    """``a / b``, or None when ``b`` is 0."""
    return a / b if b else None


def f1(p: float | None, r: float | None) -> float:
    """Harmonic mean of precision and recall; 0.0 when either is 0 or undefined."""
    return 2 * p * r / (p + r) if p and r else 0.0


def scores_from_tally(t: Tally) -> dict[str, Any]:
    """The score dictionary of ``score.py`` (same keys, same order, same values)."""
    fg, q, a = t.figures, t.quotes, t.acts
    fp, fr = ratio(fg.matched, fg.predicted), ratio(fg.matched, fg.gold)
    sp, sr = ratio(fg.strict, fg.predicted), ratio(fg.strict, fg.gold)
    qp, qr = ratio(q.matched, q.predicted), ratio(q.matched, q.gold)
    gp, gr = ratio(fg.groups_tp, fg.groups_tp + fg.groups_fp), ratio(fg.groups_tp, fg.groups_tp + fg.groups_fn)
    ap, ar = ratio(a.tp, a.tp + a.fp), ratio(a.tp, a.tp + a.fn)
    return {
        "documents": t.documents,
        "figures_gold": fg.gold,
        "figures_predicted": fg.predicted,
        "figure_precision": fp, "figure_recall": fr, "figure_f1": f1(fp, fr),
        "strict_f1": f1(sp, sr),
        "outcome_accuracy": ratio(fg.outcome_ok, fg.matched),
        "qualifier_accuracy": ratio(fg.qualifier_ok, fg.matched),
        "attribution_accuracy": ratio(fg.source_ok, fg.matched),
        "hedged_f1": f1(ratio(fg.hedge_tp, fg.hedge_tp + fg.hedge_fp), ratio(fg.hedge_tp, fg.hedge_tp + fg.hedge_fn)),
        "part_of_accuracy": ratio(fg.part_ok, fg.part_gold),
        "groups_f1": f1(gp, gr),
        "quotes_gold": q.gold,
        "quote_precision": qp, "quote_recall": qr, "quote_f1": f1(qp, qr),
        "speaker_accuracy": ratio(q.speaker_ok, q.matched),
        "acts_gold": a.tp + a.fn,
        "act_precision": ap, "act_recall": ar, "act_f1": f1(ap, ar),
    }


# --------------------------------------------------------------------------- details


@dataclass(frozen=True)
class FigureNote:
    """A gold or predicted figure as shown in details.

    ``text`` is the gold anchor or the predicted text; ``span`` is in gold-text coordinates
    (None when a predicted span could not be aligned); ``id`` is the predicted id.
    """

    text: str | None
    span: Span | None
    outcome: str | None
    value: Any = None
    low: Any = None
    high: Any = None
    qualifier: str | None = None
    id: str | None = None

    def amount(self) -> str:
        """The number in words a reader can check: ``613``, ``500-1000``, ``vague``."""
        if self.qualifier == "vague":
            return "vague"
        if self.qualifier == "range" or (self.value is None and self.low is not None):
            return f"{self.low}-{self.high}"
        return str(self.value)


@dataclass(frozen=True)
class FieldError:
    """One field of a matched pair that differs: what was predicted against the gold."""

    field: str
    predicted: Any
    gold: Any


@dataclass(frozen=True)
class FigurePair:
    """A matched figure with at least one wrong field."""

    gold: FigureNote
    predicted: FigureNote
    errors: tuple[FieldError, ...]


@dataclass(frozen=True)
class QuoteNote:
    """A gold quote (``text`` is the anchor) or a predicted quote (``text`` its words)."""

    text: str | None
    span: Span | None
    speaker: str | None
    id: str | None = None


@dataclass(frozen=True)
class SpeakerError:
    """A matched quote whose speaker is wrong."""

    gold: QuoteNote
    predicted: QuoteNote


@dataclass
class DocumentDetails:
    """What went wrong in one document, plus the document's own tally."""

    name: str
    has_prediction: bool = True
    aligned: bool = False
    missed_figures: list[FigureNote] = field(default_factory=list)
    extra_figures: list[FigureNote] = field(default_factory=list)
    wrong_figures: list[FigurePair] = field(default_factory=list)
    missed_quotes: list[QuoteNote] = field(default_factory=list)
    extra_quotes: list[QuoteNote] = field(default_factory=list)
    wrong_speakers: list[SpeakerError] = field(default_factory=list)
    missed_acts: list[str] = field(default_factory=list)
    extra_acts: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    @property
    def clean(self) -> bool:
        """True when nothing was missed, added or wrong."""
        return not any((self.missed_figures, self.extra_figures, self.wrong_figures, self.missed_quotes,
                        self.extra_quotes, self.wrong_speakers, self.missed_acts, self.extra_acts))


def gold_figure_note(item: Item) -> FigureNote:
    """A gold figure for details."""
    g = item.data
    return FigureNote(g.get("anchor"), item.span, g.get("outcome"), g.get("value"), g.get("low"),
                      g.get("high"), g.get("qualifier"))


def pred_figure_note(item: Item) -> FigureNote:
    """A predicted figure for details."""
    p = item.data
    c = p.get("count") or {}
    return FigureNote(p.get("text"), item.span, p.get("outcome"), c.get("value"), c.get("low"),
                      c.get("high"), c.get("qualifier"), p.get("id"))


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class GoldDocument:
    """One gold-annotated document: its name (``NAME`` of ``NAME.gold.json``), text and gold."""

    name: str
    text: str
    gold: Mapping[str, Any]
    path: str | None = None


def source_ok(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted source agrees: both null, or the names match."""
    src = pred.get("source") or {}
    if gold.get("source") is None:
        return not src or not src.get("name")
    return names_match(src.get("name"), [gold["source"], *(gold.get("source_aliases") or [])])


def speaker_ok(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted speaker agrees: both null, or the names match."""
    spk = (pred.get("speaker") or {}).get("name")
    if gold.get("speaker") is None:
        return not spk
    return names_match(spk, [gold["speaker"], *(gold.get("speaker_aliases") or [])])


@dataclass(frozen=True)
class _FigureContext:
    """What the part_of rule needs: all gold and predicted figures and the pairs."""

    golds: Sequence[Item]
    preds: Sequence[Item]
    pairs: Mapping[int, int]
    anchor_to_gold: Mapping[str, list[int]]
    pred_by_id: Mapping[Any, int]


def _figure_context(golds: Sequence[Item], preds: Sequence[Item], pairs: Mapping[int, int]) -> _FigureContext:
    anchor_to_gold: dict[str, list[int]] = {}
    for g in golds:
        anchor_to_gold.setdefault(g.data["anchor"], []).append(g.index)
    # as in score.py: the last prediction with an id wins, and None is a key like any other
    pred_by_id = {p.data.get("id"): p.index for p in preds}
    return _FigureContext(golds, preds, pairs, anchor_to_gold, pred_by_id)


def gold_whole(ctx: _FigureContext, part: Item) -> int | None:
    """The gold whole of a part: the figure with the ``part_of`` anchor nearest to it (earlier on ties)."""
    start = part.span[0] if part.span else 0
    wholes = [w for w in ctx.anchor_to_gold.get(part.data["part_of"], []) if w != part.index]
    spans = {w: ctx.golds[w].span for w in wholes}
    wholes = [w for w in wholes if spans[w] is not None]
    return min(wholes, key=lambda w: (abs(spans[w][0] - start), spans[w][0] > start),  # type: ignore[index]
               default=None)


def part_of_ok(ctx: _FigureContext, gold: Item, pred: Item) -> bool:
    """Whether the prediction's ``part_of`` is the figure matched to the gold whole."""
    whole_pred = ctx.pred_by_id.get(pred.data.get("part_of"))
    whole = gold_whole(ctx, gold)
    return whole is not None and whole_pred is not None and ctx.pairs.get(whole) == whole_pred


def _part_of_label(ctx: _FigureContext, pred: Item) -> str | None:
    """The predicted ``part_of`` shown as ``id (text)``."""
    ref = pred.data.get("part_of")
    if ref is None:
        return None
    target = ctx.pred_by_id.get(ref)
    return f"{ref} ({ctx.preds[target].data.get('text')!r})" if target is not None else f"{ref} (no such id)"


def score_pair(ctx: _FigureContext, gi: int, pi: int, tally: FigureTally) -> tuple[FieldError, ...]:
    """Tally one matched figure pair and return its wrong fields."""
    gold, pred = ctx.golds[gi], ctx.preds[pi]
    g, p = gold.data, pred.data
    count = p.get("count") or {}
    errors: list[FieldError] = []
    out_ok = p.get("outcome") == g["outcome"]
    qual_ok = count.get("qualifier") == g["qualifier"]
    src_ok = source_ok(g, p)
    tally.outcome_ok += out_ok
    tally.qualifier_ok += qual_ok
    tally.source_ok += src_ok
    tally.strict += out_ok and qual_ok and src_ok
    if not out_ok:
        errors.append(FieldError("outcome", p.get("outcome"), g["outcome"]))
    if not qual_ok:
        errors.append(FieldError("qualifier", count.get("qualifier"), g["qualifier"]))
    if not src_ok:
        errors.append(FieldError("source", (p.get("source") or {}).get("name"), g.get("source")))
    # SCORING.md v1.1: hedged F1 over matched pairs; a missing flag counts as false
    p_hedged, g_hedged = bool(p.get("hedged")), bool(g.get("hedged"))
    tally.hedge_tp += p_hedged and g_hedged
    tally.hedge_fp += p_hedged and not g_hedged
    tally.hedge_fn += g_hedged and not p_hedged
    if p_hedged != g_hedged:
        errors.append(FieldError("hedged", p_hedged, g_hedged))
    gold_groups, pred_groups = set(g.get("groups") or []), set(p.get("groups") or [])
    tally.groups_tp += len(gold_groups & pred_groups)
    tally.groups_fp += len(pred_groups - gold_groups)
    tally.groups_fn += len(gold_groups - pred_groups)
    if gold_groups != pred_groups:
        errors.append(FieldError("groups", sorted(pred_groups), sorted(gold_groups)))
    if g.get("part_of"):
        tally.part_gold += 1
        if part_of_ok(ctx, gold, pred):
            tally.part_ok += 1
        else:
            errors.append(FieldError("part_of", _part_of_label(ctx, pred), g["part_of"]))
    elif p.get("part_of"):
        errors.append(FieldError("part_of", _part_of_label(ctx, pred), None))
    return tuple(errors)


def score_figures(text: str, gold: Mapping[str, Any], pred: Mapping[str, Any], move: Mapper,
                  details: DocumentDetails) -> None:
    """Match and tally the figures of one document, filling ``details``."""
    golds = place_gold(text, gold.get("figures") or [])
    preds = place_pred(move, pred.get("figures") or [])
    pairs = match_one_to_one(golds, preds, lambda g, p: overlaps(g.span, p.span)  # type: ignore[arg-type]
                             and numbers_agree(g.data, p.data))
    tally = details.tally.figures
    tally.gold, tally.predicted, tally.matched = len(golds), len(preds), len(pairs)
    ctx = _figure_context(golds, preds, pairs)
    for gi, pi in pairs.items():
        errors = score_pair(ctx, gi, pi, tally)
        if errors:
            details.wrong_figures.append(FigurePair(gold_figure_note(golds[gi]), pred_figure_note(preds[pi]),
                                                    errors))
    details.missed_figures.extend(gold_figure_note(g) for g in golds if g.index not in pairs)
    hit = set(pairs.values())
    details.extra_figures.extend(pred_figure_note(p) for p in preds if p.index not in hit)


def _quote_note(item: Item, gold: bool) -> QuoteNote:
    d = item.data
    if gold:
        return QuoteNote(d.get("anchor"), item.span, d.get("speaker"))
    return QuoteNote(d.get("text"), item.span, (d.get("speaker") or {}).get("name"), d.get("id"))


def score_quotes(text: str, gold: Mapping[str, Any], pred: Mapping[str, Any], move: Mapper,
                 details: DocumentDetails) -> None:
    """Match and tally the quotes of one document, filling ``details``."""
    golds = place_gold(text, gold.get("quotes") or [])
    preds = place_pred(move, pred.get("quotes") or [])
    pairs = match_one_to_one(golds, preds, lambda g, p: overlaps(g.span, p.span))  # type: ignore[arg-type]
    tally = details.tally.quotes
    tally.gold, tally.predicted, tally.matched = len(golds), len(preds), len(pairs)
    for gi, pi in pairs.items():
        ok = speaker_ok(golds[gi].data, preds[pi].data)
        tally.speaker_ok += ok
        if not ok:
            details.wrong_speakers.append(SpeakerError(_quote_note(golds[gi], True), _quote_note(preds[pi], False)))
    details.missed_quotes.extend(_quote_note(g, True) for g in golds if g.index not in pairs)
    hit = set(pairs.values())
    details.extra_quotes.extend(_quote_note(p, False) for p in preds if p.index not in hit)


def score_acts(gold: Mapping[str, Any], pred: Mapping[str, Any], details: DocumentDetails) -> None:
    """Compare the sets of normalised jurisdictions of one document."""
    gold_set = {normalise_name(a["jurisdiction"]) for a in gold.get("acts") or []}
    pred_set = {normalise_name(a.get("jurisdiction")) for a in pred.get("acts") or [] if a.get("jurisdiction")}
    tally = details.tally.acts
    tally.tp, tally.fp, tally.fn = len(gold_set & pred_set), len(pred_set - gold_set), len(gold_set - pred_set)
    details.missed_acts.extend(sorted(gold_set - pred_set))
    details.extra_acts.extend(sorted(pred_set - gold_set))


def score_document(doc: GoldDocument, pred: Mapping[str, Any] | None) -> DocumentDetails:
    """Score one document's prediction (None: no prediction, a full miss).

    Returns:
        The document's details; ``details.tally`` holds its counts.
    """
    details = DocumentDetails(doc.name, has_prediction=pred is not None)
    pred = pred or {}
    pred_text = (pred.get("document") or {}).get("text")
    details.aligned = pred_text is not None and pred_text != doc.text
    move = aligner(pred_text, doc.text)
    details.tally.documents = 1
    score_figures(doc.text, doc.gold, pred, move, details)
    score_quotes(doc.text, doc.gold, pred, move, details)
    score_acts(doc.gold, pred, details)
    return details


def score_corpus(documents: Iterable[GoldDocument], predictions: Mapping[str, Mapping[str, Any]]
                 ) -> tuple[dict[str, Any], list[DocumentDetails]]:
    """Score predictions (by document name) against gold documents.

    Args:
        documents: the gold documents, in the order details should be listed.
        predictions: OUTPUT.md dictionaries keyed by document name; a missing name is a full miss.

    Returns:
        The score dictionary (same keys and values as ``score.py``) and the per-document details.
    """
    total = Tally()
    details = []
    for doc in documents:
        doc_details = score_document(doc, predictions.get(doc.name))
        total.add(doc_details.tally)
        details.append(doc_details)
    return scores_from_tally(total), details
