"""Word lists and name clean-up behind quote attribution (ANNOTATION.md §2).

Kept apart from ``speakers`` so that the rules read as rules. Everything here is generic
English news vocabulary; nothing is taken from any particular document.
"""

from __future__ import annotations

import re

from counterclaim import lexicons as _lex

# verbs (lemmas) that introduce or follow a direct quotation: "X said", "..., X added"
SPEECH_VERBS = _lex.words("speech_verbs.txt")
# verbs that ask for something: a short quoted object of theirs is a label, not words
REQUEST_VERBS = _lex.words("request_verbs.txt")
# "part of the declaration": the words belong to the whole
PARTITIVES = _lex.words("partitive_nouns.txt")
# verbs that name something rather than report words: their quoted object is a label
NAMING_VERBS = _lex.words("naming_verbs.txt")
# nouns for things that carry someone's words: "in a statement", "instructions for"
SPEECH_NOUNS = _lex.words("speech_nouns.txt")
# the words themselves as speakers: "the declaration", "the statement reads"
DOCUMENT_NOUNS = _lex.words("document_nouns.txt")
# titles and roles in front of a name: stripped from speaker names
TITLES = _lex.words("titles.txt")
# nouns for people: a subject headed by one of these is a person (for "he"/"she")
PERSON_NOUNS = _lex.words("role_nouns.txt")
# roles a company can hold as well as a person: "The mine's owner, Kaldor Steel" is no person
CORPORATE_ROLES = _lex.words("corporate_roles.txt")
# definite descriptions that stay as written rather than being resolved to a name
KEEP_DESCRIPTIONS = _lex.words("kept_descriptions.txt")
# objects of "told" that are an audience, not an intermediary
GENERIC_AUDIENCE = _lex.words("generic_audiences.txt")
# a speaker's "told her": the listener is the one who then speaks
OBJECT_PRONOUNS = {"her", "him", "me", "us", "them"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
PERSONAL_PRONOUNS = {"he", "she"}
_NOT_NAME_WORDS = _lex.words("not_name_words.txt")
_NAME_JOINERS = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "al", "el", "bin", "ibn", "ben",
                 "abu", "le", "la", "du", "dos", "das", "y", "-"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def clean_word(word: str) -> str:
    """Lower case without dots or a trailing possessive: ``"Col."`` → ``"col"``."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    return w.strip(".,")


def strip_titles(words: list[str]) -> list[str]:
    """Drop the titles, roles and descriptive words in front of a name.

    Everything up to the last title or role word is dropped when a name follows it:
    ``["the", "ex", "Ruritanian", "President", "Ada", "Velde"]`` → ``["Ada", "Velde"]``.
    Lower-cased wire copy works too (``health minister ana velde`` → ``ana velde``).
    """
    last = -1
    for i, w in enumerate(words[:-1]):
        c = clean_word(w)
        if c in TITLES or c in ("the", "a", "an") or c.endswith("-old") or re.fullmatch(r"\d+", c):
            last = i
    out = words[last + 1:]
    while out and (clean_word(out[0]) in ("the", "a", "an") or not re.search(r"\w", out[0])):
        out = out[1:]
    while out and (not re.search(r"\w", out[-1])):
        out = out[:-1]
    if out:
        out[-1] = re.sub(r"['’]s$", "", out[-1])
    return out


def name_tokens_ok(words: list[str]) -> bool:
    """True when the words look like a personal name (capitalised, or joiners and suffixes)."""
    if not words:
        return False
    caps = [w for w in words if w[:1].isupper()]
    if any(clean_word(w) in _NOT_NAME_WORDS for w in words):
        return False  # "Slams Rivals And Press", "Kerr Wednesday": a headline or a date, not a name
    return all(w[:1].isupper() or clean_word(w) in _NAME_JOINERS | _SUFFIXES for w in words) and bool(caps)


def not_name_word(word: str) -> bool:
    """True for a word no name holds ("And", "Wednesday", "Though")."""
    return clean_word(word) in _NOT_NAME_WORDS


def cut_name(words: list[str]) -> list[str]:
    """A run of capitalised words cut before the first word no name holds ("Tom Reyes Wednesday" → "Tom
    Reyes", "Dan Pike And" → "Dan Pike")."""
    for n, w in enumerate(words):
        if clean_word(w) in _NOT_NAME_WORDS:
            return words[:n]
    return words


def is_joiner(word: str) -> bool:
    """Particles that may sit inside a name: "de", "al", "bin", "van", a hyphen."""
    return clean_word(word) in _NAME_JOINERS
