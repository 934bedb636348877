"""Extractors: pure functions from an annotated text to mentions, and the chain that runs them."""

from __future__ import annotations

from spacy.language import Language

from counterclaim.options import Options
from counterclaim.records import Act, Diagnostic, Document, Figure, Quote


def run_extractors(document: Document, nlp: Language, options: Options
                   ) -> tuple[list[Figure], list[Quote], list[Act], list[Diagnostic]]:
    """Run every enabled extractor over one document (see ``counterclaim.attribute.assemble``)."""
    from counterclaim.attribute import assemble

    return assemble(document, nlp, options)
