"""A one-line progress bar on standard error: done/total, documents/s, words/s and ETA.

Redrawn at most every ``interval`` seconds with a carriage return, so that a run of
millions of documents costs nothing to report; ``close`` ends the line. It writes only
when asked to (the CLI enables it when standard error is a terminal).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class ProgressBar:
    """``[####----] 1,234/10,000 docs  12.3 docs/s  4,100 words/s  ETA 0:11:52  3 failed``."""

    def __init__(self, total: int | None = None, *, stream: TextIO | None = None, interval: float = 0.25,
                 width: int = 24) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.interval = interval
        self.width = width
        self.done = 0
        self.words = 0
        self.failed = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, docs: int = 1, *, words: int = 0, failed: int = 0) -> None:
        """Count ``docs`` more documents (of which ``failed`` failed) and redraw when due."""
        self.done += docs
        self.words += words
        self.failed += failed
        now = time.monotonic()
        if now - self._drawn >= self.interval:
            self._drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The bar's current text."""
        elapsed = max(1e-9, (now or time.monotonic()) - self.started)
        rate = self.done / elapsed
        parts = []
        if self.total:
            filled = int(self.width * min(1.0, self.done / self.total))
            parts.append(f"[{'#' * filled}{'-' * (self.width - filled)}] {self.done:,}/{self.total:,} docs")
        else:
            parts.append(f"{self.done:,} docs")
        parts.append(f"{rate:.1f} docs/s")
        parts.append(f"{self.words / elapsed:,.0f} words/s")
        if self.total and rate > 0:
            parts.append(f"ETA {_clock((self.total - self.done) / rate)}")
        parts.append(f"elapsed {_clock(elapsed)}")
        if self.failed:
            parts.append(f"{self.failed} failed")
        return "  ".join(parts)

    def close(self) -> None:
        """Draw the final state and end the line."""
        self.stream.write("\r" + self.line() + "\x1b[K\n")
        self.stream.flush()
