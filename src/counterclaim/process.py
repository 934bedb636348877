"""The one processing function: read → normalise → parse → extract → attribute → records.

:func:`process` is what every entry point calls: the Python API (:func:`extract_text`,
:func:`extract_file`), the CLI, ``evaluate``, the ledger's ingest and re-extraction, the batch
workers and the web's add page. With ``places=True`` it also returns the place mentions the
ledger groups incidents by, read from the same parse (one parse per document, never two).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counterclaim.about import MODEL_NAME, OUTPUT_VERSION, RULES_VERSION, __version__
from counterclaim.options import Options
from counterclaim.read import read_path, read_text
from counterclaim.records import Diagnostic, Document, Result


def versions(options: Options) -> dict[str, str]:
    """The version stamps written into every Result."""
    from counterclaim.lexicons import LEXICON_VERSION

    return {"counterclaim": __version__, "output": OUTPUT_VERSION, "rules": RULES_VERSION,
            "lexicons": LEXICON_VERSION, "model": options.model or MODEL_NAME}


@dataclass(frozen=True)
class Processed:
    """A document's Result and, when asked for, the place mentions of its text (original offsets)."""

    result: Result
    places: tuple[Any, ...] = ()


def process(document: Document, diagnostics: Iterable[Diagnostic] = (), *, options: Options | None = None,
            places: bool = False, use_ner: bool = True) -> Processed:
    """Extract figures, quotes and acts from a Document already read.

    Args:
        document: the text and its metadata (``counterclaim.read``).
        diagnostics: what reading repaired, carried into the Result.
        options: processing settings.
        places: also find the place mentions the ledger needs (NER entities of the same parse
            when ``use_ner``, plus the lexical finder).
        use_ner: read places from the parser's entities (else only the lexical finder).

    Returns:
        The Result (its ``to_dict()`` is the OUTPUT.md object) and the places.
    """
    from counterclaim.analysis import DocumentAnalysis
    from counterclaim.assemble import assemble
    from counterclaim.nlp import load_nlp

    options = options or Options()
    nlp = load_nlp(options.model)
    analysis = DocumentAnalysis(document, places=places, use_ner=use_ner and "ner" in nlp.pipe_names)
    figures, quotes, acts, found = assemble(document, nlp, options, on_piece=analysis.piece)
    result = Result(document=document, figures=tuple(figures), quotes=tuple(quotes), acts=tuple(acts),
                    diagnostics=tuple(diagnostics) + tuple(found), versions=versions(options))
    return Processed(result, tuple(analysis.places()))


def process_document(document: Document, diagnostics: Iterable[Diagnostic] = (), *,
                     options: Options | None = None) -> Result:
    """The Result of :func:`process` (no places)."""
    return process(document, diagnostics, options=options).result


def extract_text(text: str, *, path: str | None = None, options: Options | None = None) -> Result:
    """Extract from a text.

    Args:
        text: the article (an optional ``Title:/Author:/...`` header block may start it).
        path: recorded as ``document.path``.
        options: processing settings.

    Returns:
        A Result whose ``to_dict()`` is the OUTPUT.md object.
    """
    document, diagnostics = read_text(text, path)
    return process(document, diagnostics, options=options).result


def extract_file(path: str | Path, *, options: Options | None = None) -> Result:
    """Read a file (plain text, HTML or Markdown; ``-`` for stdin) and extract from it.

    Raises:
        InputError: the path is missing, a directory, empty, binary or too large.
    """
    options = options or Options()
    document, diagnostics = read_path(path, max_bytes=options.max_bytes)
    return process(document, diagnostics, options=options).result
