"""Text analysis the ledger needs, read from the parse that extraction already made.

:class:`DocumentAnalysis` is handed every parsed piece of a document by the one processing
function (:func:`counterclaim.process.process`), after that piece's figures were extracted. It
may annotate the figures (their ``kind`` and ``kind_reason``) and collects the place mentions
that incidents are grouped by. It never parses: one parse per document serves extraction and
analysis alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counterclaim.records import Document, Figure

if TYPE_CHECKING:  # the ledger imports this package; spaCy is loaded only where a parse exists
    from spacy.tokens import Doc

    from counterclaim.nlp.normalize import NormText


class DocumentAnalysis:
    """Collects what the ledger needs from each parsed piece of one document.

    Args:
        document: the document being processed (its text is what original offsets index).
        places: collect place mentions (for the ledger's incidents).
        use_ner: read places from the parser's entities as well as the lexical finder.
    """

    def __init__(self, document: Document, *, places: bool = False, use_ner: bool = True) -> None:
        self.document = document
        self.want_places = places
        self.use_ner = use_ner
        self._entity_places: list[Any] = []
        self._saw_ner = False

    def piece(self, doc: Doc, piece: NormText, figures: list[Figure]) -> list[Figure]:
        """Analyse one parsed piece; returns its figures with their kind and its reason (:mod:`.kinds`)."""
        from counterclaim.analysis.kinds import classify_all

        figures = classify_all(figures, self.document.text)
        if self.want_places and self.use_ner and doc.has_annotation("ENT_IOB"):
            from counterclaim.analysis.places import places_from_entities

            self._saw_ner = True
            self._entity_places.extend(places_from_entities(doc, piece, self.document.text))
        return figures

    def places(self) -> list[Any]:
        """The place mentions of the whole document (original offsets), entity and lexical merged."""
        if not self.want_places:
            return []
        from counterclaim.analysis.places import lexical_places, merge_mentions

        lexical = lexical_places(self.document.text, loose=not self._saw_ner)
        return merge_mentions(self._entity_places, lexical)
