"""The one place where processing defaults live."""

from __future__ import annotations

from dataclasses import dataclass

from counterclaim.about import MODEL_NAME

DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Options:
    """Settings for reading and extraction.

    Attributes:
        model: name of the installed spaCy pipeline to load.
        max_bytes: inputs larger than this are refused with E005.
        figures, quotes, acts: which extractors run.
    """

    model: str = MODEL_NAME
    max_bytes: int = DEFAULT_MAX_BYTES
    figures: bool = True
    quotes: bool = True
    acts: bool = True
