"""Limits of the add page, shared by the server and the ``serve`` command (no web imports here)."""

from __future__ import annotations

ALLOWED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
"""File types the add page accepts (plain text, Markdown, HTML)."""

DEFAULT_MAX_UPLOAD = 1_000_000
"""The largest document the add page accepts by default, in bytes (``serve --max-upload``)."""

DEFAULT_TIME_LIMIT = 60.0
"""Seconds the add page may spend extracting one document (``serve --time-limit``)."""

MAX_QUERY_CHARS = 500
"""The longest filter or search text a page takes, in characters."""
