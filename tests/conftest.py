"""Fixtures shared by every test module.

The shared folder
-----------------
A few tests check the extractor against material that does not ship with the project: the
annotated dev corpus (``corpus/dev``) and the reference scorer (``spec/score.py``) of a folder
named ``shared`` beside the repository (``COUNTERCLAIM_SHARED`` moves it). Those tests ask for
the :func:`corpus_dir` or :func:`spec_dir` fixture. When the folder is absent they are skipped
with a one-line reason, so that a fresh clone's ``python -m pytest -q`` passes; under ``CI=true``
(where ``.ci/run`` must provide it) a missing folder is a failure instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def in_ci() -> bool:
    """Whether this run is CI's (``CI=true``, ``1`` or ``yes``): missing test services fail there."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def shared_dir() -> Path:
    """``../shared`` beside the repository (override with COUNTERCLAIM_SHARED)."""
    return Path(os.environ.get("COUNTERCLAIM_SHARED") or ROOT.parent / "shared")


def require_shared(relative: str, *, kind: str = "dir") -> Path:
    """The path ``relative`` inside the shared folder; skip the test when it is absent (fail in CI)."""
    path = shared_dir() / relative
    present = path.is_dir() if kind == "dir" else path.is_file()
    if present:
        return path
    message = f"needs the shared folder's {relative} (not found at {path}; set COUNTERCLAIM_SHARED)"
    if in_ci():
        pytest.fail(f"CI: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The annotated dev corpus: ``NAME.txt`` with ``NAME.gold.json``."""
    return require_shared("corpus/dev")


@pytest.fixture(scope="session")
def spec_dir() -> Path:
    """The folder of the reference scorer ``score.py``."""
    require_shared("spec/score.py", kind="file")
    return shared_dir() / "spec"
