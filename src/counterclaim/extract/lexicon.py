"""Word lists behind the figure rules, read from the lexicon data files (``counterclaim.lexicons``).

Nothing is listed here: each name below is a view of one data file, so a new outcome verb,
person noun or month is a new line in ``lexicons/data``, not a code change.
"""

from __future__ import annotations

from counterclaim import lexicons as _lex
from counterclaim.records import GROUPS, OUTCOMES

_OUTCOMES = frozenset(OUTCOMES)

# verbs (lemmas) whose object or passive subject suffered the outcome
OUTCOME_VERBS: dict[str, str] = _lex.mapping("outcome_verbs.tsv", values=_OUTCOMES)
# verbs that only mark an outcome with a particular complement
WEAK_VERBS = _lex.words("outcome_verbs_weak.txt")
# nouns and adjectives that carry the outcome inside the noun phrase
OUTCOME_NOUNS: dict[str, str] = _lex.mapping("outcome_nouns.tsv", values=_OUTCOMES)
# nouns that are an outcome only in the right construction ("lives" needs lose/claim/take)
WEAK_NOUNS = _lex.words("outcome_nouns_weak.txt")
# words for people a count can be of (singulars, their plurals, and irregular plurals)
PERSON_NOUNS = _lex.person_nouns()
# a count of these is never a casualty figure (ANNOTATION.md: not figures)
NOT_PEOPLE = _lex.words("not_people.txt")
MONTHS = frozenset(_lex.months())
GROUP_WORDS: dict[str, str] = _lex.mapping("group_words.tsv", values=frozenset(GROUPS))
# reporting verbs: their subject is the claimant of the clause they govern
REPORT_VERBS = _lex.words("report_verbs.txt")
HEDGE_WORDS = _lex.words("hedge_words.txt")
# event nouns whose of-object suffered the outcome ("the killing of 12", "the injuring of hundreds")
OUTCOME_EVENTS: dict[str, str] = _lex.mapping("outcome_events.tsv", values=_OUTCOMES)
# verbs of leaving and being driven out: "left their homes", "forced out of the district"
DISPLACEMENT_FRAMES: dict[str, str] = _lex.mapping("displacement_frames.tsv", values=frozenset({"object", "out"}))
HOME_NOUNS = _lex.words("home_nouns.txt")
# verbs whose subject came out unharmed: "35 were rescued", "12 survived" are not figures
NOT_OUTCOME_VERBS = _lex.words("not_outcome_verbs.txt")
# participles the small model lemmatises oddly, with their verbs ("wounded" → wound)
PARTICIPLE_LEMMAS: dict[str, str] = _lex.mapping("participle_lemmas.tsv")
