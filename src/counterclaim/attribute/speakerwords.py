"""Word lists and name clean-up behind quote attribution (ANNOTATION.md §2).

Kept apart from ``speakers`` so that the rules read as rules. Everything here is generic
English news vocabulary; nothing is taken from any particular document.
"""

from __future__ import annotations

import re

# verbs (lemmas) that introduce or follow a direct quotation: "X said", "..., X added"
SPEECH_VERBS = {
    "say", "tell", "add", "state", "write", "declare", "claim", "accuse", "warn", "insist", "explain",
    "describe", "announce", "note", "argue", "allege", "echo", "recall", "report", "read", "reply",
    "answer", "respond", "ask", "continue", "shout", "scream", "cry", "whisper", "urge", "stress",
    "emphasise", "emphasize", "remark", "comment", "observe", "conclude", "admit", "acknowledge",
    "confirm", "deny", "tweet", "post", "recount", "testify", "exclaim", "mutter", "plead", "complain",
    "quip", "vow", "pledge", "promise", "threaten", "predict", "concede", "lament", "quote", "cite",
    "call", "assert", "maintain", "affirm", "charge", "contend", "counter", "retort", "caution",
    "joke", "boast", "agree", "summarize", "summarise", "put", "yell", "sob",
    "wonder", "demand", "order", "instruct", "proclaim", "reiterate", "recollect",
}
# verbs that ask for something: a short quoted object of theirs is a label, not words
REQUEST_VERBS = {"ask", "urge", "demand", "order", "instruct", "request", "appeal", "plead", "call"}
# "part of the declaration": the words belong to the whole
PARTITIVES = {"part", "parts", "section", "passage", "excerpt", "extract", "portion", "paragraph", "line"}
# verbs that name something rather than report words: their quoted object is a label
NAMING_VERBS = {"call", "dub", "term", "brand", "label", "name", "nickname", "christen", "style", "know"}
# nouns for things that carry someone's words: "in a statement", "instructions for"
SPEECH_NOUNS = {
    "statement", "statements", "declaration", "letter", "message", "instruction", "instructions",
    "words", "remarks", "speech", "tweet", "interview", "communique", "report", "resolution",
    "proclamation", "appeal", "warning", "order", "orders", "call", "note", "post", "broadcast",
    "announcement", "testimony", "memo", "release", "editorial", "book", "article", "decree",
    "comments", "comment", "address", "plea", "pledge", "promise", "threat", "accusation", "charge",
    "claim", "response", "reply", "answer", "text", "document", "law", "bill", "motion",
}
# the words themselves as speakers: "the declaration", "the statement reads"
DOCUMENT_NOUNS = {
    "statement", "declaration", "letter", "message", "report", "resolution", "proclamation",
    "communique", "communiqué", "decree", "law", "bill", "motion", "document", "text", "memo",
    "release", "editorial", "book", "article", "tweet", "post", "broadcast", "announcement", "order",
    "notice", "bulletin", "appeal", "verdict", "ruling", "judgment", "judgement", "petition",
}
# titles and roles in front of a name: stripped from speaker names
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice-president", "governor", "senator", "sen", "rep", "representative",
    "congressman", "congresswoman", "minister", "premier", "chancellor", "mayor", "judge",
    "justice", "ambassador", "envoy", "consul", "secretary", "chairman", "chairwoman", "chair",
    "king", "queen", "prince", "princess", "emperor", "pope", "cardinal", "bishop", "archbishop",
    "rev", "reverend", "father", "imam", "sheikh", "sheik", "rabbi", "ayatollah", "mullah",
    "col", "colonel", "gen", "general", "maj", "major", "lt", "lieutenant", "capt", "captain",
    "sgt", "sergeant", "cpl", "corporal", "pvt", "private", "adm", "admiral", "cmdr", "commander",
    "brig", "brigadier", "marshal", "field", "officer", "inspector", "superintendent", "constable",
    "detective", "agent", "chief", "head", "director", "spokesman", "spokeswoman", "spokesperson",
    "leader", "coordinator", "co-ordinator", "executive", "deputy", "vice", "acting", "former",
    "ex", "late", "then", "first", "second", "resident", "witness", "survivor", "lawyer", "attorney",
    "prosecutor", "investigator", "official", "analyst", "expert", "researcher", "scientist",
    "correspondent", "reporter", "photographer", "journalist", "editor", "author", "writer",
    "scholar", "historian", "activist", "campaigner", "founder", "owner", "manager", "doctor",
    "surgeon", "nurse", "engineer", "student", "teacher", "farmer", "mp", "mep", "councillor",
    "councilor", "member", "lawmaker", "legislator", "delegate", "militant",
    "commissioner", "administrator", "sheriff", "warden", "aide", "adviser", "advisor", "counsel",
    "chargé", "charge", "d'affaires", "affaires", "dictator", "conservative", "liberal",
    "socialist", "communist", "leftist", "rightist", "opposition", "incumbent", "elect", "designate",
    "us", "u.s.", "army", "navy", "coalition", "un", "u.n.",
}
# nouns for people: a subject headed by one of these is a person (for "he"/"she")
PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "person", "spokesman", "spokeswoman", "spokesperson", "official",
    "officer", "minister", "president", "governor", "lawyer", "prosecutor", "investigator", "leader",
    "commander", "general", "chief", "head", "director", "witness", "resident", "survivor", "doctor",
    "nurse", "source", "aide", "adviser", "advisor", "envoy", "ambassador", "diplomat", "mayor",
    "photographer", "reporter", "correspondent", "journalist", "scientist", "professor", "expert",
    "analyst", "soldier", "policeman", "policewoman", "villager", "farmer", "father", "mother",
    "husband", "wife", "son", "daughter", "brother", "sister", "member", "coordinator", "secretary",
    "judge", "senator", "lawmaker", "activist", "imam", "priest", "bishop", "teacher", "student",
    "engineer", "pilot", "driver", "owner", "manager", "worker", "victim", "captain",
    "colonel", "lieutenant", "sergeant", "major", "speaker", "scholar", "writer", "historian",
    "author", "editor", "delegate", "representative", "chairman", "chairwoman", "councillor",
    "deputy", "legislator", "politician", "mp",
}
# roles a company can hold as well as a person: "The mine's owner, Kaldor Steel" is no person
CORPORATE_ROLES = {"owner", "operator", "source", "member", "representative", "manager", "partner", "contractor",
                   "supplier", "provider", "sponsor", "organiser", "organizer", "builder", "manufacturer",
                   "publisher", "developer", "insurer", "employer", "landlord", "buyer", "seller"}
# definite descriptions that stay as written rather than being resolved to a name
KEEP_DESCRIPTIONS = {"source", "sources", "official", "officials", "witness", "witnesses", "speaker",
                     "voice", "man", "woman", "resident", "residents", "survivor", "survivors"}
# objects of "told" that are an audience, not an intermediary
GENERIC_AUDIENCE = {"reporters", "reporter", "journalists", "journalist", "press", "conference", "briefing",
                    "crowd", "audience", "meeting", "rally", "media", "gathering", "news", "me", "us",
                    "him", "her", "them", "you", "parliament", "lawmakers", "supporters", "correspondents",
                    "court", "tribunal", "hearing", "inquiry", "committee", "jury", "judge", "judges", "congress",
                    "senate", "assembly", "council", "commission"}
# a speaker's "told her": the listener is the one who then speaks
OBJECT_PRONOUNS = {"her", "him", "me", "us", "them"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
PERSONAL_PRONOUNS = {"he", "she"}
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
    ``["the", "ex", "Armenian", "President", "Serzh", "Sargsyan"]`` → ``["Serzh", "Sargsyan"]``.
    Lower-cased wire copy works too (``health minister jorge brancho`` → ``jorge brancho``).
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
    return all(w[:1].isupper() or clean_word(w) in _NAME_JOINERS | _SUFFIXES for w in words) and bool(caps)


def is_joiner(word: str) -> bool:
    """Particles that may sit inside a name: "de", "al", "bin", "van", a hyphen."""
    return clean_word(word) in _NAME_JOINERS
