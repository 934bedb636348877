"""Extractors: pure functions from an annotated text to mentions."""

from __future__ import annotations

from spacy.language import Language

from counterclaim.options import Options
from counterclaim.records import Act, Diagnostic, Document, Figure, Quote


def run_extractors(document: Document, nlp: Language, options: Options
                   ) -> tuple[list[Figure], list[Quote], list[Act], list[Diagnostic]]:
    """Run every enabled extractor over one document."""
    return [], [], [], []
