"""Fixtures shared by every test module.

The shared folder
-----------------
A few tests check the extractor against material that does not ship with the project: the
annotated dev corpus (``corpus/dev``) and the reference scorer (``spec/score.py``) of a folder
named ``shared`` beside the repository (``COUNTERCLAIM_SHARED`` moves it). Those tests ask for
the :func:`corpus_dir` or :func:`spec_dir` fixture. When the folder is absent they are skipped
with a one-line reason, so that a fresh clone's ``python -m pytest -q`` passes; under ``CI=true``
(where ``.ci/run`` must provide it) a missing folder is a failure instead. Tests that ask for
either fixture are marked ``slow`` here, so ``-m "not slow"`` never needs the folder.

The fast loop
-------------
``python -m pytest -q -m "not slow"`` runs without the trained spaCy pipeline. With
``COUNTERCLAIM_MODEL_FREE=1`` that is enforced: a test not marked ``slow`` that loads the
pipeline fails with a message saying to mark it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = frozenset({"corpus_dir", "spec_dir"})


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that read the shared folder are slow tests (they also run the trained pipeline)."""
    for item in items:
        if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _model_free_unless_slow(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With COUNTERCLAIM_MODEL_FREE=1, loading a trained pipeline in a test not marked slow fails."""
    if os.environ.get("COUNTERCLAIM_MODEL_FREE", "") in ("", "0") or request.node.get_closest_marker("slow"):
        return
    import spacy

    from counterclaim.nlp import load_nlp

    load_nlp.cache_clear()  # a pipeline cached by an earlier slow test would hide a load here
    real_load = spacy.load

    def refuse(name: object, *args: object, **kwargs: object) -> object:
        if isinstance(name, str) and name.startswith("en_core_web"):
            pytest.fail(f"{request.node.nodeid} loads the trained pipeline {name}: mark it @pytest.mark.slow")
        return real_load(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(spacy, "load", refuse)
