"""The single read → annotate → extract → attribute chain used by the API, CLI and evaluate."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from counterclaim.about import MODEL_NAME, OUTPUT_VERSION, RULES_VERSION, __version__
from counterclaim.options import Options
from counterclaim.read import read_path, read_text
from counterclaim.records import Diagnostic, Document, Result


def versions(options: Options) -> dict[str, str]:
    """The version stamps written into every Result."""
    return {"counterclaim": __version__, "output": OUTPUT_VERSION, "rules": RULES_VERSION,
            "model": options.model or MODEL_NAME}


def process_document(document: Document, diagnostics: Iterable[Diagnostic] = (), *,
                     options: Options | None = None) -> Result:
    """Extract figures, quotes and acts from a Document already read."""
    from counterclaim.assemble import assemble
    from counterclaim.nlp import load_nlp

    options = options or Options()
    nlp = load_nlp(options.model)
    figures, quotes, acts, found = assemble(document, nlp, options)
    return Result(document=document, figures=tuple(figures), quotes=tuple(quotes), acts=tuple(acts),
                  diagnostics=tuple(diagnostics) + tuple(found), versions=versions(options))


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
    return process_document(document, diagnostics, options=options)


def extract_file(path: str | Path, *, options: Options | None = None) -> Result:
    """Read a file (plain text, HTML or Markdown; ``-`` for stdin) and extract from it.

    Raises:
        InputError: the path is missing, a directory, empty, binary or too large.
    """
    options = options or Options()
    document, diagnostics = read_path(path, max_bytes=options.max_bytes)
    return process_document(document, diagnostics, options=options)
