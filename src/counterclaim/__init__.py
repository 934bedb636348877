"""counterclaim: who claims what in conflict reporting.

>>> from counterclaim import extract_text
>>> result = extract_text("At least 12 people were killed, police said.")
>>> [(f.text, f.outcome, f.count.qualifier, f.source.name) for f in result.figures]
[('At least 12 people', 'killed', 'at_least', 'police')]
"""

import logging

from counterclaim.about import __version__
from counterclaim.errors import ConfigError, CounterclaimError, InputError
from counterclaim.options import Options
from counterclaim.process import extract_file, extract_text
from counterclaim.records import Act, Count, Diagnostic, Document, Figure, Quote, Result, Source, Speaker

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Act",
    "ConfigError",
    "Count",
    "CounterclaimError",
    "Diagnostic",
    "Document",
    "Figure",
    "InputError",
    "Options",
    "Quote",
    "Result",
    "Source",
    "Speaker",
    "__version__",
    "extract_file",
    "extract_text",
]
