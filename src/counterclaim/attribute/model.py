"""The one attribution model of a parsed piece, and the quotations it attributes.

:class:`AttributionModel` holds the people and bodies of the document (names and their fullest
forms, roles, genders, who spoke: :mod:`counterclaim.attribute.people`) and the quotation rules
(:mod:`counterclaim.attribute.speakers`). Quotations get their speakers and intermediaries from it;
a figure's pronoun claimant ("he said", "it reported") is resolved by it too, so that "he said"
names the same person for a quotation and for a figure.

Example: in ``Mrs. Ada Quill met Mr. Bo Lint. She said 12 people had died. “We grieve,” she added.``
both "she" are Ada Quill.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from counterclaim import lexicons as _lex
from counterclaim.attribute import speakerwords as sw
from counterclaim.attribute.claimants import PRONOUNS, Claimant, claimant_from, reporting_subject
from counterclaim.attribute.speakernames import Who, pronoun_gender
from counterclaim.attribute.speakers import Attribution, _Attributor
from counterclaim.extract import lexicon as lx
from counterclaim.extract.quotemarks import QuotedStretch
from counterclaim.extract.spans import entities
from counterclaim.nlp.normalize import NormText

_BODY_ROLE = re.compile(r"\b(?:" + "|".join(sorted(_lex.words("body_roles.txt"))) + r")\b", re.IGNORECASE)
"""A "person" whose role is a body ("the monitoring group Frontline Watch") is an "it"."""
_PERSON_TITLE = re.compile(r"^(?:" + "|".join(sorted(_lex.words("personal_titles.txt"))) + r")\b", re.IGNORECASE)
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})


class AttributionModel(_Attributor):
    """The one attribution model of a parsed piece: the people and bodies of the document (names,
    later surnames, titles, roles, descriptions, genders), the speakers of its quotations, and who a
    pronoun names. Quotations get their speakers from it (:meth:`run`); figure claimants that are
    personal pronouns are resolved by it too (:meth:`person_named_by`), so that "he said" names the
    same person whether it introduces a quotation or a figure.
    """

    _reporters: list[tuple[int, Claimant]] | None = None

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

    def claimant_named_by(self, claim: Claimant, claimants: list[Claimant]) -> Claimant:
        """Whom a figure's pronoun claimant names, or the claimant as it is.

        "he"/"she" name the person the model reads them as (:meth:`person_named_by`, the reading a
        quotation's "he said" gets). Otherwise, and for bodies ("it said", "they reported", "its
        figure"), the latest earlier claimant (``claimants``, the figures' claimants so far) or
        subject of a reporting verb of the same kind — a person for "he", a body for "it" — and, for
        a personal pronoun with neither, the last person named.
        """
        word = claim.name.lower()
        if word not in PRONOUNS:
            return claim
        if claim.pronoun:
            who = self.person_named_by(claim.start, claim.end)
            if who is not None:
                return Claimant(who.name, claim.start, claim.end, "PERSON", False, None)
        personal = word in _PERSONAL
        for prev in reversed(sorted(claimants + self._reporters_before(claim.start), key=lambda c: c.start)):
            if prev.pronoun or prev.start >= claim.start:
                continue
            if personal == self._is_person(prev):
                return Claimant(prev.name, prev.start, prev.end, prev.label, False, prev.role)
        if personal:
            persons = [e for e in entities(self.doc) if e.label_ == "PERSON" and e.end_char <= claim.start]
            if persons:
                e = persons[-1]
                return Claimant(e.text, e.start_char, e.end_char, "PERSON", False)
        return claim

    @staticmethod
    def _is_person(c: Claimant) -> bool:
        return (c.label == "PERSON" and not _BODY_ROLE.search(c.role or "")) or bool(_PERSON_TITLE.match(c.name))

    def _reporters_before(self, before: int) -> list[Claimant]:
        """Subjects of reporting verbs, and bodies that are subjects, of the words before offset ``before``
        (the Doc is read once)."""
        if self._reporters is None:
            from counterclaim.attribute.source_types import could_claim

            self._reporters = []
            for tok in self.doc:
                if tok.lemma_.lower() in lx.REPORT_VERBS and tok.pos_ == "VERB":
                    subj = reporting_subject(tok)
                    if subj is not None and subj.lower_ not in PRONOUNS and subj.pos_ in ("NOUN", "PROPN"):
                        self._reporters.append((tok.idx, claimant_from(subj)))
                elif tok.dep_ == "nsubj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ == "VERB":
                    # "The monitoring group gave lower figures. It said ...": a body that can make claims
                    candidate = claimant_from(tok)
                    if tok.ent_type_ in ("ORG", "GPE", "NORP") or could_claim(candidate.name):
                        self._reporters.append((tok.idx, candidate))
        return [c for _, c in self._reporters[:bisect_left(self._reporters, before, key=lambda r: r[0])]]

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
