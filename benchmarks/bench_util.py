"""Helpers shared by the benchmark scripts: where the corpus is, its fingerprint, version stamps."""

from __future__ import annotations

import hashlib
import os
import platform
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"


def shared_dir() -> Path:
    """``../shared`` beside the repository (override with COUNTERCLAIM_SHARED)."""
    return Path(os.environ.get("COUNTERCLAIM_SHARED", ROOT.parent / "shared"))


def default_corpus() -> Path:
    """The development corpus: ``shared/corpus/dev``."""
    return shared_dir() / "corpus" / "dev"


def corpus_files(corpus: Path) -> list[Path]:
    """The files that define a gold corpus: every ``*.txt`` and ``*.gold.json``, sorted by name."""
    return sorted([*corpus.glob("*.txt"), *corpus.glob("*.gold.json")], key=lambda p: p.name)


def corpus_fingerprint(corpus: str | Path) -> str:
    """SHA-256 over the names and bytes of the corpus's ``.txt`` and ``.gold.json`` files.

    Each file contributes ``name NUL size NUL bytes``, in name order, so renaming, adding or
    editing any file changes the fingerprint.
    """
    digest = hashlib.sha256()
    for path in corpus_files(Path(corpus)):
        data = path.read_bytes()
        digest.update(path.name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def package_version(name: str) -> str:
    """The installed version of a distribution, or ``not installed``."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """Version stamps and the date for a benchmark record."""
    from counterclaim.about import MODEL_NAME, RULES_VERSION, __version__

    return {
        "counterclaim": __version__,
        "rules": RULES_VERSION,
        "python": platform.python_version(),
        "spacy": package_version("spacy"),
        "model": f"{MODEL_NAME} {package_version(MODEL_NAME.replace('_', '-'))}",
        "textacy": package_version("textacy"),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
