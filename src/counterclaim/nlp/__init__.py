"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.about import MODEL_NAME
from counterclaim.errors import ConfigError, Errors


@Language.component("counterclaim_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: headlines, sub-heads and paragraphs never merge.

    The normalised text separates paragraphs by a blank line (``nlp.normalize``); the parser
    respects sentence starts set before it runs.
    """
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text or "\n\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the trained pipeline named ``model`` (cached per process).

    Raises:
        ConfigError: the model package is not installed (E010); nothing is downloaded.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ConfigError(Errors.E010.format(model=model)) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("counterclaim_paragraphs", before="parser")
    return nlp
