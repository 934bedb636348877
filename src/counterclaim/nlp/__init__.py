"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from counterclaim.about import MODEL_NAME
from counterclaim.errors import ConfigError, Errors


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the trained pipeline named ``model`` (cached per process).

    Raises:
        ConfigError: the model package is not installed (E010); nothing is downloaded.
    """
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ConfigError(Errors.E010.format(model=model)) from exc
