"""Reading inputs into Documents (stub: to be completed by the reading work)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from counterclaim.options import DEFAULT_MAX_BYTES
from counterclaim.records import Diagnostic, Document


def text_id(text: str) -> str:
    """The document id: sha256 of the text as read, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(text: str, path: str | None = None) -> tuple[Document, list[Diagnostic]]:
    """Make a Document of an already decoded text."""
    return Document(id=text_id(text), text=text, path=path), []


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Document, list[Diagnostic]]:
    """Read a file (``-`` for standard input) into a Document."""
    text = Path(path).read_text(encoding="utf-8")
    return read_text(text, str(path))
