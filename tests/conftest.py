"""Shared fixtures: the shared corpus location and a cached extractor."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``../shared`` beside the repository (override with COUNTERCLAIM_SHARED)."""
    return Path(os.environ.get("COUNTERCLAIM_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    path = shared_dir() / "corpus" / "dev"
    if not path.is_dir():
        pytest.fail(f"the shared dev corpus is missing at {path}; set COUNTERCLAIM_SHARED")
    return path


@pytest.fixture(scope="session")
def spec_dir() -> Path:
    return shared_dir() / "spec"
