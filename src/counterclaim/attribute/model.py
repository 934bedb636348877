"""The one attribution model of a parsed piece, and the quotations it attributes.

:class:`AttributionModel` holds the people and bodies of the document (names and their fullest
forms, roles, genders, who spoke: the rules of :mod:`counterclaim.attribute.speakers`). Quotations
get their speakers and intermediaries from it; a figure's personal-pronoun claimant is resolved by
it too, so that "he said" names the same person for a quotation and for a figure.

Example: in ``Mrs. Ada Quill met Mr. Bo Lint. She said 12 people had died. “We grieve,” she added.``
both "she" are Ada Quill.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from counterclaim.attribute import speakerwords as sw
from counterclaim.attribute.speakernames import Who, pronoun_gender
from counterclaim.attribute.speakers import Attribution, _Attributor
from counterclaim.extract.quotemarks import QuotedStretch
from counterclaim.nlp.normalize import NormText


class AttributionModel(_Attributor):
    """The one attribution model of a parsed piece: the people and bodies of the document (names,
    later surnames, titles, roles, descriptions, genders), the speakers of its quotations, and who a
    pronoun names. Quotations get their speakers from it (:meth:`run`); figure claimants that are
    personal pronouns are resolved by it too (:meth:`person_named_by`), so that "he said" names the
    same person whether it introduces a quotation or a figure.
    """

    def person_named_by(self, start: int, end: int) -> Who | None:
        """Who the personal pronoun at ``[start, end)`` (normalised offsets) names, or None.

        A figure's "he said" names the latest person of that gender named before it (not inside what
        somebody said); a quotation's prefers the person who spoke last (:meth:`_pronoun`).
        """
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span) or span[0].lower_ not in sw.PERSONAL_PRONOUNS | {"his", "him", "her"}:
            return None
        found = self.history.last_person(span[0].idx, gender=pronoun_gender(span[0].lower_),
                                         gender_of=self.genders.of)
        return None if found is None else Who(found.name, span.start_char, span.end_char, found.person, found.named)


def attribute_quotes(quotes: list[QuotedStretch], norm: NormText, doc: Doc,
                     model: AttributionModel | None = None) -> list[Attribution]:
    """Speaker and via of every quotation, in order (normalised offsets)."""
    return (model or AttributionModel(doc, norm, quotes)).run()


@dataclass(frozen=True)
class QuoteMention:
    """A quotation in normalised offsets, with the speaker and intermediary found for it.

    ``start``/``end`` cover the quoted words without the marks; ``speaker`` is the fullest name
    form in the document (titles stripped), an institution or document ("the declaration"),
    or a descriptive phrase ("a senior official in the defense ministry"); ``via`` names who
    relays the words. Spans are None when no mention was used.
    """

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    via: str | None = None
    via_start: int | None = None
    via_end: int | None = None


def quote_mentions(quotes: list[QuotedStretch], norm: NormText, doc: Doc,
                   model: AttributionModel | None = None) -> list[QuoteMention]:
    """The quotations with their speaker and via (normalised offsets), in order."""
    out: list[QuoteMention] = []
    for q, a in zip(quotes, attribute_quotes(quotes, norm, doc, model), strict=True):
        sp, via = a.speaker, a.via
        out.append(QuoteMention(
            q.start, q.end,
            sp.name if sp else None, sp.start if sp else None, sp.end if sp else None,
            via.name if via else None, via.start if via else None, via.end if via else None,
        ))
    return out
