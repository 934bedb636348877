"""Speaker mentions as names: fullest forms, noun phrases, and who "he" or "she" is.

``NameIndex`` remembers every personal name of a document (spaCy PERSON entities and runs
of proper nouns, titles stripped) so that a later "Mr Zen Ruffinen", "Mr. Dmitri" or "Hotak"
can be written as the fullest form the document gives ("FranCois Zen Ruffinen", "Dmitri
Panin", "Sharif Hotak"). ``PersonHistory`` remembers the people who were subjects of a clause
so that "he said" can be resolved to the last of them.

Deliberately missed: gender (a "she" may resolve to a man), and names the tagger did not
mark as proper nouns in a lower-cased text (they stay as written).

Example: "Sharif Hotak, a member of the council, said ... "...," said Hotak." → "Sharif Hotak".
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from counterclaim.attribute import speakerwords as sw
from counterclaim.extract.spans import entities
from counterclaim.nlp.normalize import NormText

_NOT_FIRST = {"the", "a", "an", "in", "on", "at", "by", "for", "from", "of", "to", "with", "as", "but", "and", "or",
              "when", "while", "after", "before", "if", "it", "he", "she", "they", "we", "this", "that", "these",
              "those", "there", "his", "her", "their", "its", "our", "my", "mr", "mrs", "ms", "dr"}


@dataclass(frozen=True)
class Who:
    """A speaker or intermediary: the name to report and the normalised span it came from."""

    name: str
    start: int
    end: int
    person: bool = False
    named: bool = False
    plural: bool = False  # "the women", "two aides": never "he", "she" or "I"


def _span_words(span: Span | list[Token]) -> list[str]:
    """Words of a span, with hyphenated and dotted pieces glued back ("Al-Monitor", "U.N.")."""
    words: list[str] = []
    glue = False
    for t in span:
        if t.is_space:
            glue = False
            continue
        if words and glue:
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = not t.whitespace_
    return words


_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]?['’][A-Z][a-z]+$")


def proper(tok: Token) -> bool:
    """A proper noun, also where the tagger took a name with an apostrophe ("O’Hanlon", "D’Souza") for a
    common noun."""
    return tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and bool(_APOSTROPHE_NAME.match(tok.text)))


_CAP_RUN = re.compile(r"(?<![\w.])((?:[A-Z]\.|[A-Z][\w'’-]*|(?:de|da|di|del|van|von|der|al|bin|ibn|abu|le|la|du)"
                      r"(?=\s+[A-Z]))(?:[ \t]+|\n[ \t]*)){1,4}[A-Z][\w'’-]*(?![\w'’-])")


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def title_case_line(text: str, pos: int) -> bool:
    """True when the line holding offset ``pos`` is written in title case, as headlines are ("Senator
    Slams Rivals Over Leak"): its capitals mark no names."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    long = [w for w in _WORD.findall(line[:400]) if len(w) > 3]
    return len(long) >= 4 and all(w[0].isupper() for w in long) and not line.isupper()


class NameIndex:
    """Every personal name of a document, for fullest-form look-ups.

    Names come from PERSON entities, runs of proper nouns, and runs of capitalised words in the
    original text (so that a name the normaliser split, like "FranCois", is still whole).
    Positions are original-text offsets.
    """

    def __init__(self, doc: Doc, norm: NormText) -> None:
        self.norm = norm
        self.names: list[tuple[int, list[str]]] = []
        self.persons: list[list[str]] = []
        titled: dict[int, bool] = {}
        doc_text = doc.text  # built from the tokens on every access: read once

        def headline(pos: int) -> bool:
            line = doc_text.rfind("\n", 0, pos)
            if line not in titled:
                titled[line] = title_case_line(doc_text, pos)
            return titled[line]

        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = sw.cut_name(sw.strip_titles(_span_words(ent)))
                if headline(ent.start_char):
                    words = words[:2]  # "Ana Ruiz Visits Towns": in a headline, a name's end is unknown
                if words and sw.name_tokens_ok(words):
                    self.names.append((self.orig(ent.start_char), words))
                    self.persons.append(words)
        run: list[Token] = []
        for tok in list(doc) + [None]:  # type: ignore[list-item]
            if tok is not None and (proper(tok) or (run and sw.is_joiner(tok.text))) \
                    and not (run and tok.is_sent_start) and tok.ent_type_ not in ("GPE", "LOC", "NORP", "DATE"):
                run.append(tok)
                continue
            while run and sw.is_joiner(run[-1].text):
                run.pop()
            if len(run) >= 2:
                words = sw.cut_name(sw.strip_titles(_span_words(run)))
                if headline(run[0].idx):
                    words = words[:2]
                if len(words) >= 2 and sw.name_tokens_ok(words):
                    self.names.append((self.orig(run[0].idx), words))
            run = []
        kept = set(norm.origin)
        lo = norm.origin[0] if len(norm.origin) else 0
        hi = norm.origin[-1] + 1 if len(norm.origin) else 0
        for m in _CAP_RUN.finditer(norm.original, lo, hi):  # only this piece's stretch of the original
            if m.start() not in kept or m.end() - 1 not in kept:
                continue  # header lines (author, URL, ...) are not part of the text
            words = sw.cut_name(sw.strip_titles(m.group(0).split()))
            if title_case_line(norm.original, m.start()):
                words = words[:2]
            if len(words) >= 2 and sw.name_tokens_ok(words) and words[0].lower() not in _NOT_FIRST:
                self.names.append((m.start(), words))
        self.names.sort(key=lambda x: x[0])
        self.by_word: dict[str, list[tuple[int, list[str]]]] = {}  # each name under each of its words
        for pos, name in self.names:
            for w in {w.lower() for w in name}:
                self.by_word.setdefault(w, []).append((pos, name))

    def orig(self, pos: int) -> int:
        return self.norm.origin[pos] if pos < len(self.norm.origin) else len(self.norm.original)

    def is_person(self, words: list[str]) -> bool:
        """True when ``words`` are part of a name the tagger marked as a person."""
        low = [w.lower() for w in words]
        return any(_contains(n, low) for n in self.persons)

    def fullest(self, words: list[str], at: int) -> list[str]:
        """The longest name that contains ``words``, preferring the nearest one before ``at``.

        ``at`` is a normalised offset.
        """
        at = self.orig(at)
        low = [w.lower() for w in words]
        best: tuple[int, int, list[str]] | None = None
        if not low:
            return words
        for pos, name in self.by_word.get(low[0], ()):
            if len(name) <= len(words) or not _contains(name, low):
                continue
            key = (0 if pos < at else 1, -pos if pos < at else pos)
            if best is None or (key[0], key[1], -len(name)) < (best[0], best[1], -len(best[2])):
                best = (key[0], key[1], name)
        return best[2] if best else words


def _contains(name: list[str], low: list[str]) -> bool:
    lname = [w.lower() for w in name]
    n = len(low)
    return any(lname[i:i + n] == low for i in range(len(lname) - n + 1))


def np_range(tok: Token, stop_at_comma: bool = True) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without clauses and appositions.

    Kept: determiners, modifiers, compounds and prepositional phrases ("a senior official in
    the defense ministry in Kabul"). Cut: relative clauses, participles, appositions, anything
    after a comma, and "in a statement"-like phrases.
    """
    sub = list(tok.subtree)
    start, end = sub[0].i, sub[-1].i + 1
    cut = end
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "advcl", "parataxis") or (
                child.dep_ == "prep" and any(g.lower_ in sw.SPEECH_NOUNS for g in child.children)):
            cut = min(cut, child.left_edge.i)
    if stop_at_comma:
        for t in tok.doc[tok.i + 1:end]:
            if t.text in (",", "(", "--", "—", "–", ";", ":", '"', "“", "”"):
                cut = min(cut, t.i)
                break
    for t in tok.doc[start:tok.i]:  # "A statement ... said": never reach back over a quote mark
        if t.text in ('"', "“", "”", ",") and t.i < tok.i:
            start = t.i + 1
    while cut > start + 1 and (tok.doc[cut - 1].is_punct or tok.doc[cut - 1].is_space):
        cut -= 1
    while start < tok.i and (tok.doc[start].is_punct or tok.doc[start].is_space):
        start += 1
    return start, max(cut, start + 1)


def name_words(tok: Token, loose: bool = False) -> list[str] | None:
    """The personal name a noun-phrase head stands for, titles stripped, or None.

    A head counts as a name when it is (part of) a PERSON entity, or a proper noun with a title
    or role word in front of it ("army spokesman Omar Feld", "Mr Valen"). With
    ``loose`` (a speaker), two or more capitalised proper nouns that the tagger left untyped
    count too, and so does a proper noun with a person in apposition ("Ana Ruiz, a nurse").
    """
    doc = tok.doc
    if tok.pos_ not in ("PROPN", "NOUN", "X") and tok.ent_type_ != "PERSON":
        return None
    left = tok.i
    while left > 0 and doc[left - 1].dep_ in ("compound", "amod", "nmod", "det", "nummod", "punct", "npadvmod") \
            and doc[left - 1].head.i >= left - 1 and (not doc[left - 1].is_punct or doc[left - 1].text == "-") \
            and doc[left - 1].i >= tok.sent.start:
        left -= 1
    right = tok.i + 1
    while right < len(doc) and sw.clean_word(doc[right].text) in ("jr", "sr", "ii", "iii", "iv"):
        right += 1
    words = sw.strip_titles(_span_words(doc[left:right]))
    while words and sw.not_name_word(words[0]):
        words = words[1:]  # "Though Ruiz", "So Ana Ruiz": a sentence's first word
    if not words:
        return None
    n_words = len(_span_words(doc[left:right]))
    ent = tok.ent_type_ == "PERSON"
    titled = len(words) < n_words and any(sw.clean_word(t.text) in sw.TITLES for t in doc[left:tok.i])
    lowered = not any(c.isupper() for c in tok.sent.text[:200])
    if proper(tok) or ent or lowered:
        if ent or titled or (lowered and any(sw.clean_word(t.text) in sw.TITLES for t in doc[left:tok.i])):
            return words if (sw.name_tokens_ok(words) or lowered) else None  # a PERSON tag on "baker" is no name
        if loose and proper(tok) and not tok.ent_type_ and sw.name_tokens_ok(words):
            person_appos = any(c.dep_ == "appos" and c.lemma_.lower() in sw.PERSON_NOUNS for c in tok.children)
            if person_appos or len(words) >= 2:
                return words
    return None


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in sw.PRONOUNS


@dataclass(frozen=True)
class _Seen:
    who: Who
    org: bool
    speaker: bool = False


class PersonHistory:
    """Subjects seen so far (people and organisations), for pronouns and descriptions."""

    def __init__(self) -> None:
        self.seen: list[_Seen] = []

    def add(self, who: Who, org: bool = False, speaker: bool = False) -> None:
        insort(self.seen, _Seen(who, org, speaker), key=lambda s: s.who.start)

    def last_person(self, before: int, named_only: bool = False, after: int = -1, gender: str | None = None,
                    gender_of: Callable[[str], str | None] | None = None, singular: bool = False) -> Who | None:
        """The latest person mentioned before offset ``before`` (and after ``after``); with ``gender``,
        the latest whose known gender (``gender_of``) does not contradict it; with ``singular``, never a
        plural description."""
        for s in reversed(self.seen):
            if s.who.start < before and s.who.start > after and s.who.person and (s.who.named or not named_only):
                if gender and gender_of is not None and gender_of(s.who.name) not in (None, gender):
                    continue
                if singular and s.who.plural:
                    continue
                return s.who
        return None

    def last_speaker(self, before: int, within: int, gender: str | None = None,
                     gender_of: Callable[[str], str | None] | None = None, singular: bool = False) -> Who | None:
        """The latest person who spoke (subject of a speech verb, or a quotation's speaker) within
        ``within`` characters before ``before``, of a gender that does not contradict ``gender``:
        "he said" after a quotation is its speaker's, not the person the quotation is about."""
        for s in reversed(self.seen):
            if s.who.start >= before:
                continue
            if s.who.start < before - within:
                break
            if s.speaker and s.who.person and not (singular and s.who.plural) and not (
                    gender and gender_of is not None and gender_of(s.who.name) not in (None, gender)):
                return s.who
        return None

    def last_org(self, before: int) -> Who | None:
        for s in reversed(self.seen):
            if s.who.start < before and s.org:
                return s.who
        return None


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}


def pronoun_gender(word: str) -> str | None:
    """``m`` for he/him/his, ``f`` for she/her, None for the others."""
    return _PRONOUN_GENDER.get(word.lower())


class Genders:
    """The grammatical gender a document gives each person it names, for "he" and "she".

    Evidence, strongest first: a gendered title or noun right before or in apposition to the
    name ("Mrs. Ostrow", "Lea Ostrow, a spokeswoman"); "he"/"she" in the rest of a sentence
    whose only named person is its subject ("Ostrow said she would ..."); and, when the
    document says nothing, the gender a given name is most often given with (a hint only).
    Names are keyed by their last word, so "Ana Ruiz" and a later "Ruiz" share what is known.

    Example: "Mayor Tom Reyes praised the nurse. “She saved lives,” she said." — Reyes is ``m``,
    so "she" cannot be Tom Reyes.
    """

    def __init__(self, doc: Doc) -> None:
        from counterclaim import lexicons as _lex

        self._words = _lex.mapping("gendered_words.tsv", values=frozenset({"m", "f"}))
        self._first = _lex.mapping("first_names.tsv", values=frozenset({"m", "f"}))
        self.votes: dict[str, dict[str, int]] = {}
        by_sentence: dict[int, list[Span]] = {}
        for ent in entities(doc):
            if ent.label_ != "PERSON":
                continue
            by_sentence.setdefault(ent.sent.start, []).append(ent)
            key = self._key(ent.text)
            if key is None:
                continue
            before = [t for t in doc[max(ent.sent.start, ent.start - 2):ent.start]]
            inner = [t for t in ent]
            for t in before + inner:
                g = self._words.get(sw.clean_word(t.text))
                if g:
                    self._vote(key, g, 3)
            for child in ent.root.children:
                if child.dep_ == "appos":
                    g = self._words.get(child.lemma_.lower()) or self._words.get(child.lower_)
                    if g:
                        self._vote(key, g, 3)
        for sent in doc.sents:
            people = by_sentence.get(sent.start, [])
            if len(people) != 1 or people[0].root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            key = self._key(people[0].text)
            if key is None:
                continue
            for t in sent[people[0].end - sent.start:]:
                if t.text[:1] in "“\"‘`" or t.text == "''":
                    break  # 'Ruiz said, “she started …”': inside the quotation "she" is somebody else
                g = pronoun_gender(t.lower_)
                if g:
                    self._vote(key, g, 1)

    @staticmethod
    def _key(name: str) -> str | None:
        words = sw.strip_titles(name.split())
        return words[-1].lower().rstrip(".,") if words else None

    def _vote(self, key: str, gender: str, weight: int) -> None:
        box = self.votes.setdefault(key, {"m": 0, "f": 0})
        box[gender] += weight

    def of(self, name: str) -> str | None:
        """``m``, ``f`` or None (unknown) for a person's name as reported."""
        words = [w for w in name.split() if w]
        if not words:
            return None
        for w in words[:-1]:  # a title kept in the name: "Mrs Ostrow"
            g = self._words.get(sw.clean_word(w))
            if g:
                return g
        if words[-1].islower():  # a description: its head noun ("the spokeswoman", "two men")
            g = self._words.get(sw.clean_word(words[-1]))
            if g:
                return g
        key = self._key(name)
        box = self.votes.get(key or "")
        first = self._first.get(words[0].lower()) if len(words) > 1 else None
        if box and box["m"] and box["f"] and first:
            return first  # two people share the surname ("Ana Ruiz" and "Tomas Ruiz"): the given name tells
        if box and first and max(box.values()) < 3:
            return first  # a pronoun or two in the person's sentences ("X told them that she ...") is weaker
        if box and box["m"] != box["f"]:
            return "m" if box["m"] > box["f"] else "f"
        return first
