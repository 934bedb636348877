"""An extractor that crashes on purpose, importable by worker processes (tests only)."""

from __future__ import annotations

from typing import Any

from counterclaim.batch.worker import extract_article


def extract_or_crash(article: Any, options: Any, *, use_ner: bool = True) -> Any:
    """Crash on a document whose text contains ``KABOOM``; otherwise extract as usual."""
    if article.document is not None and "KABOOM" in article.document.text:
        raise RuntimeError("the extractor exploded on purpose")
    return extract_article(article, options, use_ner=use_ner)
