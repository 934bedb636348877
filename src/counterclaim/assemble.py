"""Assembly: normalise, parse, extract, attribute; records in original-text offsets."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from counterclaim.attribute.claimants import Claimant, claimant_for, continuation_source
from counterclaim.attribute.hedges import distanced, stance
from counterclaim.attribute.model import AttributionModel, QuoteMention, quote_mentions
from counterclaim.attribute.source_types import source_type
from counterclaim.extract.acts import ActMention, find_acts
from counterclaim.extract.figures import FigureMention, find_figure_mentions
from counterclaim.extract.quotes import find_quotes
from counterclaim.nlp.normalize import NormText, normalize
from counterclaim.options import Options
from counterclaim.records import Act, Diagnostic, Document, Figure, Quote, Source, Speaker


def _quotes(norm: NormText, doc: Doc) -> tuple[list[QuoteMention], list[Diagnostic], AttributionModel]:
    """The quotations (extract) with their speakers, and the attribution model that found them."""
    stretches, diagnostics = find_quotes(norm, doc)
    model = AttributionModel(doc, norm, stretches)
    return quote_mentions(stretches, norm, doc, model), diagnostics, model


def _acts(norm: NormText, doc: Doc, published: str | None) -> list[ActMention]:
    return find_acts(norm, doc, published=published)


_NARRATOR = {"i", "we", "me", "us", "my", "our"}


def _next_sentence(sent: Span) -> Span | None:
    doc = sent.doc
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    return nxt


def attribute_mentions(doc: Doc, mentions: list[FigureMention], quotes: list[QuoteMention],
                       model: AttributionModel) -> list[tuple[Claimant | None, str]]:
    """The claimant and stance of every figure mention, in order.

    Pronoun claimants ("he said", "it said", "they reported") are resolved by the attribution model
    that gives quotations their speakers (:meth:`AttributionModel.claimant_named_by`).
    """
    history: list[Claimant] = []
    out: list[tuple[Claimant | None, str]] = []
    sents = list(doc.sents)
    index = {s.start: k for k, s in enumerate(sents)}
    flags = [distanced(s) for s in sents]  # read once per sentence: cost stays linear in the text
    memo: dict[tuple[str, int], Any] = {}
    continued: dict[int, Claimant | None] = {}
    starts = [q.start for q in quotes]
    for m in mentions:
        sent = m.sentence or m.num_token.sent
        claim: Claimant | None = None
        k = bisect_right(starts, m.start) - 1
        quote = quotes[k] if k >= 0 and quotes[k].start <= m.start < quotes[k].end else None
        if quote is not None and quote.speaker:
            claim = Claimant(quote.speaker, quote.speaker_start or quote.start,
                             quote.speaker_end or quote.start, None, False)
        if claim is None:
            claim = claimant_for(m.head if m.head.i != m.num_token.i else m.num_token, sent, memo)
            if claim is None and m.head.i != m.num_token.i:
                claim = claimant_for(m.num_token, sent, memo)
        if claim is None:
            if sent.start not in continued:
                nxt = _next_sentence(sent)
                continued[sent.start] = continuation_source(nxt) if nxt is not None else None
            claim = continued[sent.start]
        if claim is not None and quote is None and claim.name.lower() in _NARRATOR:
            claim = None  # "We counted the bodies ...": a first-person narrator is the text's own voice
        if claim is not None:
            claim = model.claimant_named_by(claim, history)
            history.append(claim)
        i = index.get(sent.start, 0)
        near = any(flags[max(0, i - 2):i + 3])
        # ANNOTATION.md: the source is the claimant of the clause holding the number, also when the
        # figure is denied (the denier is not made its source; the stance says it is denied)
        out.append((claim, stance(m.head, sent, near, has_source=claim is not None)))
    return out


CHUNK_CHARS = 50_000


def piece_bounds(text: str, chunk_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``[start, end)`` stretches of ``text`` of at most ``chunk_chars``, cut at a blank line
    (else at a sentence end, else anywhere), that together cover the text exactly."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + chunk_chars)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end)
            end = cut + 2 if cut > start else end
        bounds.append((start, end))
        start = end
    return bounds


def parse(nlp: Language, text: str, *, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """Parse ``text`` whole into one Doc, in paragraph-aligned pieces joined again.

    For callers that need one Doc of a whole text (the spaCy component's tests); extraction
    itself never holds more than one piece (:func:`assemble`).
    """
    if len(text) <= chunk_chars:
        return nlp(text)
    docs = list(nlp.pipe([text[s:e] for s, e in piece_bounds(text, chunk_chars)]))
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    assert joined.text == text
    return joined


PieceHook = Callable[[Doc, NormText, list[Figure]], list[Figure]]
"""Called with every parsed piece, its NormText (offsets map onto the original text) and the
piece's figures; returns the figures (annotated, e.g. with their kind)."""


def assemble(document: Document, nlp: Language, options: Options, *, on_piece: PieceHook | None = None,
             chunk_chars: int = CHUNK_CHARS) -> tuple[list[Figure], list[Quote], list[Act], list[Diagnostic]]:
    """Normalise, parse, extract and attribute; return records in original-text offsets.

    The normalised text is parsed one paragraph-aligned piece at a time: each piece's records
    are kept, its Doc is dropped before the next piece is parsed, so memory is bounded by the
    largest piece, not by the text. Relations between figures (``part_of``), pronouns and
    quotations that continue are resolved within a piece; a piece holds 50,000 characters,
    far more than a news article.
    """
    norm = normalize(document.text)
    figures: list[Figure] = []
    quotes: list[Quote] = []
    acts: list[Act] = []
    diagnostics: list[Diagnostic] = []
    for start, end in piece_bounds(norm.text, chunk_chars):
        piece = norm.piece(start, end)
        doc = nlp(piece.text)
        f, q, a, d = extract_all(doc, piece, options, published=document.published)
        if on_piece is not None:
            f = on_piece(doc, piece, f)
        figures.extend(_renumber_figures(f, len(figures)))
        quotes.extend(replace(x, id=f"q{len(quotes) + i + 1}") for i, x in enumerate(q))
        acts.extend(a)
        diagnostics.extend(d)
        del doc
    return figures, quotes, _merge_acts(acts), diagnostics


def _renumber_figures(figures: list[Figure], offset: int) -> list[Figure]:
    """Ids ``f1``... of one piece moved on by ``offset`` (``part_of`` refers within the piece)."""
    if not offset:
        return figures
    def moved(fid: str | None) -> str | None:
        return None if fid is None else f"f{int(fid[1:]) + offset}"
    return [replace(f, id=moved(f.id) or f.id, part_of=moved(f.part_of)) for f in figures]


def _merge_acts(acts: list[Act]) -> list[Act]:
    """One act per jurisdiction (ANNOTATION.md §3): the first mention, dated by the first date found."""
    found: dict[str, Act] = {}
    for a in acts:
        key = a.jurisdiction_code or a.jurisdiction.lower()
        prev = found.get(key)
        if prev is None:
            found[key] = a
        elif prev.date is None and a.date is not None:
            found[key] = replace(prev, date=a.date)
    return [replace(a, id=f"a{i + 1}") for i, a in enumerate(found.values())]


def extract_all(doc: Doc, norm: NormText, options: Options, *, published: str | None = None
                ) -> tuple[list[Figure], list[Quote], list[Act], list[Diagnostic]]:
    """Extract from a parsed Doc of ``norm.text``; offsets of the records refer to ``norm.original``."""
    diagnostics: list[Diagnostic] = []
    quote_mentions: list[QuoteMention] = []
    quote_diags: list[Diagnostic] = []
    model: AttributionModel | None = None
    if options.quotes or options.figures:  # figures need the quotations (a figure in a quote is its speaker's)
        quote_mentions, quote_diags, model = _quotes(norm, doc)
    for d in quote_diags:
        diagnostics.append(Diagnostic(d.code, d.message, norm.to_original(*d.span) if d.span else None))
    figures: list[Figure] = []
    if options.figures:
        mentions = find_figure_mentions(doc, norm.text)
        assert model is not None  # built above whenever figures are asked for
        claims = attribute_mentions(doc, mentions, quote_mentions, model)
        figures = _figure_records(norm, mentions, claims)
    quotes = _quote_records(norm, quote_mentions) if options.quotes else []
    acts = _act_records(norm, _acts(norm, doc, published)) if options.acts else []
    return figures, quotes, acts, diagnostics


def _figure_records(norm: NormText, mentions: list[FigureMention],
                    claims: list[tuple[Claimant | None, str]]) -> list[Figure]:
    text = norm.original
    out: list[Figure] = []
    index = {id(m): i for i, m in enumerate(mentions)}
    for i, (m, (claim, held)) in enumerate(zip(mentions, claims, strict=True)):
        whole = index.get(id(m.part_of)) if m.part_of is not None else None
        s, e = norm.to_original(m.start, m.end)
        source = None
        if claim is not None:
            cs, ce = norm.to_original(claim.start, claim.end)
            name = " ".join(claim.name.split())
            source = Source(name=name, type=source_type(name, entity_label=claim.label, role=claim.role),
                            span=(cs, ce) if text[cs:ce].split() == name.split() else None)
        sent = m.sentence
        sent_span = norm.to_original(sent.start_char, sent.end_char) if sent is not None else None
        if sent_span is not None:  # a qualifier the parser left in the sentence before: the sentence holds the figure
            sent_span = (min(sent_span[0], s), max(sent_span[1], e))
        out.append(Figure(id=f"f{i + 1}", span=(s, e), text=text[s:e], outcome=m.outcome, count=m.count,
                          groups=tuple(m.groups),
                          part_of=f"f{whole + 1}" if whole is not None and whole != i else None,
                          source=source, hedged=held != "asserted", stance=held, sentence=sent_span,
                          confidence=round(m.confidence, 2)))
    return out


def _quote_records(norm: NormText, mentions: list[QuoteMention]) -> list[Quote]:
    text = norm.original
    out: list[Quote] = []
    for i, q in enumerate(mentions):
        s, e = norm.to_original(q.start, q.end)
        speaker = via = None
        if q.speaker:
            span = (norm.to_original(q.speaker_start, q.speaker_end)
                    if q.speaker_start is not None and q.speaker_end is not None else None)
            speaker = Speaker(q.speaker, span)
        if q.via:
            span = (norm.to_original(q.via_start, q.via_end)
                    if q.via_start is not None and q.via_end is not None else None)
            via = Speaker(q.via, span)
        out.append(Quote(id=f"q{i + 1}", span=(s, e), text=text[s:e], speaker=speaker, via=via))
    return out


def _act_records(norm: NormText, mentions: list[ActMention]) -> list[Act]:
    out: list[Act] = []
    for i, a in enumerate(mentions):
        s, e = norm.to_original(a.start, a.end)
        out.append(Act(id=f"a{i + 1}", span=(s, e), jurisdiction=a.jurisdiction,
                       jurisdiction_code=a.jurisdiction_code, act=a.act, date=a.date,
                       text=norm.original[s:e]))
    return out
