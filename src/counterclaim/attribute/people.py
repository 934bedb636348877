"""The people and bodies of one parsed piece, and whom a mention names: the model behind both quotation
speakers (:mod:`counterclaim.attribute.speakers`) and figure claimants (:mod:`counterclaim.attribute.model`).

A subject becomes a name: a named apposition is preferred ("The militia chief, Tomas Brell, said" →
Tomas Brell; "The mine's owner, Kaldor Steel, said" → Kaldor Steel, an organisation unless the head is a
personal role such as "spokeswoman"); titles and roles are stripped; the fullest form of the name in the
document is used ("Mr. Dmitri" → "Dmitri Panin"); a definite description such as "the 43-year-old
lawyer" resolves to the person named with that role before it; other descriptions stay as written ("a
senior official in the defense ministry in Kabul", "one elderly witness"); "part of the declaration" is
the declaration.

"he" and "she" name one person of a gender the text does not contradict, never a plural description:
the person the sentence before is about (the speaker of its main speech act, the person asked, else its
main subject, following a pronoun back; a sentence about no person lets the one before it decide), else
the person who spoke last nearby, else the last person named. "they"/"it" name the last group or
organisation that spoke. Each pronoun is read once.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from counterclaim import lexicons as _lex
from counterclaim.attribute import speakerwords as sw
from counterclaim.attribute.speakerframes import Frames, is_speech
from counterclaim.attribute.speakernames import (
    Genders,
    NameIndex,
    PersonHistory,
    Who,
    is_pronoun,
    name_words,
    np_range,
    pronoun_gender,
    proper,
)
from counterclaim.extract.quotemarks import QuotedStretch
from counterclaim.extract.spans import SpanSet, entities, tokens_between
from counterclaim.nlp.normalize import NormText

_tokens = tokens_between
SPEAKER_WINDOW = 600
_QUESTION_VERBS = _lex.words("question_verbs.txt")
DESCRIPTION_REACH = 1500
"""How far back (characters) a description such as "the baker" looks for the person given that role."""
ROLE_WORDS = sw.PERSON_NOUNS | sw.TITLES | _lex.person_nouns()
"""How far back (characters) "he said" looks for the last person who spoke before any subject."""


def somebody(tok: Token) -> bool:
    """A person or body the text names or makes act: a PERSON, or a subject that is a name, an
    organisation or a noun for people ("Ana Ruiz had left", "The council met", "Officials were tired")."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP") or tok.lemma_.lower() in ROLE_WORDS)


def _reported(subj: Token) -> bool:
    """A subject inside what somebody said ("Ellis said Warren had changed"): the person talked
    about, never who a later "he said" is."""
    node = subj.head
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "xcomp", "parataxis") and is_speech(node.head):
            return True
        node = node.head
    return False


def _org_name(tok: Token) -> bool:
    """"The mine's owner, Kaldor Steel, said": an organisation's proper name in apposition."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and tok.text[:1].isupper()


class People:
    """The people and bodies of a parsed piece (names, roles, genders, who spoke) and whom a mention names."""

    def __init__(self, doc: Doc, norm: NormText, quotes: list[QuotedStretch]) -> None:
        self.doc = doc
        self.text = norm.text
        self.quotes = quotes
        self.frames = Frames(self.text, quotes)
        self.close_ends = [self.frames.close_end(q) for q in quotes]  # in text order, like the quotations
        self.names = NameIndex(doc, norm)
        self.genders = Genders(doc)
        self.roles: list[tuple[int, str, set[str]]] = []
        self.history = PersonHistory()
        self.spans = [(q.start, q.end) for q in quotes]
        self.quoted = SpanSet(self.spans)
        self.used: dict[int, Token | None] = {}
        self.resolved: dict[int, Who | None] = {}  # pronoun token index → whom it was read as (read once)
        self._collect_subjects()

    # ---------------------------------------------------------------- helpers
    def inside_quote(self, tok: Token) -> bool:
        return tok.idx in self.quoted

    def _collect_roles(self) -> None:
        """Every named person with the role nouns the text gives them: "Ana Ruiz, a baker", "Mayor
        Tom Reyes", "the governor, Ana Ruiz" (for descriptions such as "the baker said")."""
        for ent in entities(self.doc):
            if ent.label_ != "PERSON" or self.inside_quote(ent[0]):
                continue
            words = sw.strip_titles(ent.text.split())
            if not words:
                continue
            root = ent.root
            around = list(ent) + [t for t in self.doc[max(ent.sent.start, ent.start - 4):ent.start]]
            around += [t for c in root.children if c.dep_ == "appos" for t in c.subtree]
            if root.dep_ == "appos":
                around += [root.head] + [t for t in root.head.lefts]
            described = {t.lemma_.lower() for t in around}
            if described & ROLE_WORDS:
                full = " ".join(self.names.fullest(words, ent.start_char))
                self.roles.append((ent.start_char, full, described))

    def _collect_subjects(self) -> None:
        self._collect_roles()
        self._subjects()
        self.roles.sort(key=lambda r: r[0])

    def _subjects(self) -> None:
        for verb in self.doc:
            if is_speech(verb) and not self.inside_quote(verb):
                subj, _ = self.subject_of(verb)
                if subj is not None and not is_pronoun(subj) and not self.inside_quote(subj) \
                        and not any(c.lower_ == "no" for c in subj.children):  # "no official commented"
                    who = self.mention(subj, resolve=False)
                    if who is not None:
                        self.history.add(who, org=not who.person, speaker=True)
        for tok in self.doc:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("PROPN", "NOUN", "X"):
                continue
            if tok.pos_ == "NOUN" and tok.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") \
                    and tok.lemma_.lower() not in ROLE_WORDS and tok.lower_ not in sw.DOCUMENT_NOUNS \
                    and not any(c.dep_ == "appos" for c in tok.children):
                continue  # "the blast", "the water": no person, no body that speaks
            if not self.inside_quote(tok) and not is_pronoun(tok):
                who = self.mention(tok, resolve=False)
                if who is not None and who.named and who.person:
                    words = {t.lemma_.lower() for t in tok.subtree}
                    if words & ROLE_WORDS:  # "Governor Ana Velde visited ...", "The baker, Ana Ruiz, said ..."
                        self.roles.append((who.start, who.name, words))
                if who is not None and not _reported(tok):
                    org = not who.person and (tok.ent_type_ in ("ORG", "GPE", "NORP") or tok.lower_ in
                                              sw.DOCUMENT_NOUNS)
                    if who.person or org:
                        self.history.add(who, org=org)

    def named_apposition(self, tok: Token) -> Token | None:
        """"The militia chief in Varno, Tomas Brell, said": the name right after the phrase."""
        role = tok.lemma_.lower() in sw.PERSON_NOUNS - sw.CORPORATE_ROLES  # "An opposition deputy, Ana Ruiz"
        for child in tok.rights:
            if child.lemma_.lower() in sw.TITLES and child.pos_ in ("PROPN", "NOUN"):
                continue  # "Ana Ruiz, the Prime Minister of X": a role in apposition, not a name
            if child.dep_ == "appos" and not self.inside_quote(child) and (
                    name_words(child) or _org_name(child) or (role and name_words(child, loose=True))):
                return child
        _, e = np_range(tok)
        doc = self.doc
        i = e
        while i < len(doc) and doc[i].text in (",", "-", "–", "—"):
            i += 1
        if i == e or i >= len(doc):
            return None
        for cand in doc[i:min(len(doc), i + 6)]:
            if cand.lemma_.lower() in sw.TITLES:
                continue  # a role ("the acting Prime Minister of X"), not a name
            if cand.dep_ == "appos" and cand.left_edge.i == i and not self.inside_quote(cand) and name_words(cand):
                return cand
        return None

    def mention(self, tok: Token, resolve: bool = True, appos: bool = True) -> Who | None:
        """The speaker a subject token stands for (rules on names in the module docstring)."""
        if tok.lower_ in sw.PARTITIVES:  # "part of the declaration"
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                tok = obj
        person_head = False
        if appos:
            in_appos = self.named_apposition(tok)
            if in_appos is not None:
                # "The spokeswoman, Lea Ostrow": a person's name even when tagged as an organisation
                person_head = tok.lemma_.lower() in sw.PERSON_NOUNS - sw.CORPORATE_ROLES
                tok = in_appos
        if is_pronoun(tok):
            return self._pronoun(tok) if resolve else None
        words = name_words(tok, loose=appos)
        if words is None and _org_name(tok):
            s, e = np_range(tok)
            found = sw.strip_titles([t.text for t in self.doc[s:e]])
            if found and (person_head or self.names.is_person(found)):
                words = found
        if words is None:
            s, e = np_range(tok)
            span_words = [t.text for t in self.doc[s:e]]
            if proper(tok) and self.names.is_person(sw.strip_titles(span_words) or span_words):
                words = sw.strip_titles(span_words)
        if words:
            full = self.names.fullest(words, tok.idx)
            s, e = np_range(tok)
            start, end = self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1])
            return Who(" ".join(full), start, end, person=True, named=True)
        s, e = np_range(tok)
        span = self.doc[s:e]
        phrase = " ".join(span.text.split())
        if tok.lower_ in sw.DOCUMENT_NOUNS and tok.pos_ == "NOUN":  # "the relevant declaration" → "the declaration"
            phrase = " ".join(t.text for t in span if not (t.head.i == tok.i and t.pos_ == "ADJ" and t.dep_ == "amod"))
        person = tok.lemma_.lower() in sw.PERSON_NOUNS or tok.ent_type_ == "PERSON"
        who = Who(phrase, span.start_char, span.end_char, person=person, named=False,
                  plural=tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children))
        if resolve and (person or tok.lemma_.lower() in ROLE_WORDS) and span[0].lower_ == "the" \
                and tok.lemma_.lower() not in sw.KEEP_DESCRIPTIONS:
            # "Ana Ruiz, a baker, ... the 62-year-old baker said": a description names the person the text
            # gave that role (apposition or title) before it; otherwise it stays as written
            qualifiers = {c.lemma_.lower() for c in tok.children
                          if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN")}
            named = self._described(tok.lemma_.lower(), span.start_char, qualifiers)
            if named is not None:
                return Who(named, who.start, who.end, person=True, named=True)
        return who

    def _described(self, role: str, before: int, qualifiers: set[str]) -> str | None:
        """The latest named person given the role ``role`` before offset ``before`` (within reach), whose
        description holds the description's own qualifying nouns too ("the health minister" is not the
        aviation minister)."""
        for start, name, roles in reversed(self.roles):
            if start >= before:
                continue
            if before - start > DESCRIPTION_REACH:
                return None
            if role in roles and qualifiers <= roles:
                return name
        return None

    def _pronoun(self, tok: Token) -> Who | None:
        if tok.i not in self.resolved:
            self.resolved[tok.i] = None  # a pronoun never stands for itself
            self.resolved[tok.i] = self._read_pronoun(tok)
        return self.resolved[tok.i]

    def _read_pronoun(self, tok: Token) -> Who | None:
        gender = pronoun_gender(tok.lower_)
        if tok.lower_ in sw.PERSONAL_PRONOUNS or tok.lower_ in ("i", "we"):
            # the person the sentence before is about, else the last person who spoke nearby (not the person
            # talked about), else the last person named
            singular = tok.lower_ != "we"
            found = (self._lead_subject(tok, gender) if gender else None) \
                or self.history.last_speaker(tok.idx, SPEAKER_WINDOW, gender=gender, gender_of=self.genders.of,
                                             singular=singular) \
                or self.history.last_person(tok.idx, gender=gender, gender_of=self.genders.of, singular=singular)
        else:
            found = self.history.last_org(tok.idx) or self.history.last_person(tok.idx)
        if found is None and tok.lower_ in sw.PERSONAL_PRONOUNS:  # nobody spoke yet: the last person named
            ents = [e for e in entities(self.doc) if e.label_ == "PERSON" and e.end_char <= tok.idx
                    and not self.inside_quote(e[0]) and self.genders.of(e.text) in (None, gender)]
            words = sw.strip_titles(ents[-1].text.split()) if ents else []
            if words:
                return Who(" ".join(self.names.fullest(words, tok.idx)), tok.idx, tok.idx + len(tok), True, True)
        if found is None:
            return None
        return Who(found.name, tok.idx, tok.idx + len(tok), found.person, found.named)

    def _lead_subject(self, tok: Token, gender: str) -> Who | None:
        """The person the sentence before a pronoun's quotation is about: the speaker of its own speech act,
        else its main subject ("Ruiz blamed the council. “…” she said." is Ruiz, whoever spoke earlier).

        The sentence is the one that holds the last words before the quotation the pronoun attributes
        (or before the pronoun's own sentence); when it is about no person at all ("A video shows the
        crowd."), the one before it. A plural, a negated subject or a person of the other gender there
        gives nothing, and the history decides."""
        anchor = tok.sent.start_char
        k = bisect_right(self.close_ends, tok.idx) - 1  # the last quotation closed before the pronoun
        if k >= 0 and tok.idx - self.close_ends[k] <= 3:
            anchor = self.quotes[k].open_at
        prev = None
        for t in reversed(tokens_between(self.doc, max(0, anchor - SPEAKER_WINDOW), anchor)):
            if not (t.is_punct or t.is_space or self.inside_quote(t)):
                prev = t
                break
        if prev is None:
            return None
        sent = prev.sent
        for _ in range(2):
            nobody, who = self._sentence_person(sent, anchor, gender)
            if not nobody or sent.start == 0 or anchor - sent.start_char > SPEAKER_WINDOW:
                return who
            sent = self.doc[sent.start - 1].sent
        return None

    def _sentence_person(self, sent: Span, anchor: int, gender: str) -> tuple[bool, Who | None]:
        """(the sentence is about no person, the person of ``gender`` it is about) for :meth:`_lead_subject`."""
        subj: Token | None = None
        main = [t for t in sent if t.idx < anchor and not self.inside_quote(t)
                and (t.i == sent.root.i or (t.head.i == sent.root.i and (
                    t.dep_ in ("conj", "parataxis") or (t.dep_ in ("advcl", "xcomp") and not any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in t.children)))))]  # not "when X asked Y"
        for verb in reversed(main):
            # the main clause's speech act nearest the quotation ("Asked by X to respond, Ruiz said, “…”" is
            # Ruiz's); one inside a relative clause is about somebody else ("X, who called it a hoax")
            if verb.lemma_.lower() in _QUESTION_VERBS:
                # "X asked Y about the plan. “…” he said.": the answer is the person asked
                subj = next((c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")), None)
                if subj is not None:
                    break
            if is_speech(verb):
                subj, _ = self.subject_of(verb)
                if subj is not None:
                    break
        if subj is None:
            subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is None:  # a parse that lost the subject: a person named first ("And Ruiz, for all that, ...")
            subj = next((t for t in sent[:3] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"), None)
        if subj is None or subj.idx >= anchor or self.inside_quote(subj):
            return True, None
        if is_pronoun(subj):
            # "Ruiz thanked her voters. And she predicted more wins. “…” she said.": whom that "she" stands for
            return False, self._pronoun(subj) if pronoun_gender(subj.lower_) == gender else None
        if any(c.dep_ == "conj" for c in subj.children) or any(c.lower_ == "no" for c in subj.children):
            return False, None  # "Ruiz and her aides", "no other minister"
        who = self.mention(subj)
        if who is None or not who.person:
            return True, None  # "A video of the rally shows ...": about no person
        if who.named and subj.ent_type_ != "PERSON" and not self.names.is_person(who.name.split()) \
                and subj.lemma_.lower() not in sw.PERSON_NOUNS:  # ("The spokeswoman, Ana Ruiz," is a person)
            return True, None  # "Harbor View Elementary School", "The Evening Show": capitals, not a person
        if who.plural or self.genders.of(who.name) not in (None, gender):
            return False, None
        return False, who

    def subject_of(self, verb: Token, depth: int = 0) -> tuple[Token | None, Token | None]:
        """(speaker token, via token) of a speech verb."""
        if verb.pos_ == "NOUN":  # a noun for words: its owner, its author, or the subject of the verb it hangs on
            poss = next((c for c in verb.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss, None
            by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            author = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if author is not None and not self.inside_quote(author):
                return author, None  # "an order by the commander directing units to “…”"
            node = verb
            for _ in range(3):
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    return self.subject_of(node, depth + 1)
            return None, None
        kids = list(verb.children)
        up = verb.head.head if verb.head.pos_ == "ADP" else verb.head
        if verb.lemma_.lower() == "say" and up.lemma_.lower() == "quote":
            head = up  # "X quoted Y as saying"
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if obj is not None:
                return obj, subj
        if verb.lemma_.lower() == "quote":  # "X quoted Y, as saying ... “…”": the words are Y's
            obj = next((c for c in kids if c.dep_ == "dobj" and not self.inside_quote(c)), None)
            subj = next((c for c in kids if c.dep_ == "nsubj" and not self.inside_quote(c)), None)
            if obj is not None and subj is not None:
                return obj, subj
        if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and up.pos_ in ("VERB", "AUX") and depth < 2 \
                and not any(c.dep_ == "nsubj" for c in kids):
            found, via = self.subject_of(up, depth + 1)  # "X took to the radio, saying: “…”": X
            if found is not None:
                return found, via
        if verb.tag_ == "VBG" and verb.dep_ == "acl" and up.dep_ == "dobj" and up.head.pos_ == "VERB" and depth < 2:
            # "X emailed supporters saying: “…”", "X posted a message reading “…”": the participle hangs on the
            # object in the parse, but X is who says it
            found, via = self.subject_of(up.head, depth + 1)
            if found is not None:
                return found, via
        near = self.person_before(verb)
        if sum(1 for c in kids if c.dep_ == "nsubj") > 1:
            # "Exposure and a candidate like that make people nervous, said Ana Ruiz": of two subjects the
            # parser gave the verb, the nearer one speaks
            kids.sort(key=lambda c: (c.dep_ != "nsubj", abs(c.i - verb.i)))
        for c in kids:
            if c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") and verb.dep_ == "relcl" \
                    and not self.inside_quote(verb.head):
                return verb.head, None  # "X, who confirmed that ... “…”": X
            if c.dep_ == "nsubj" and not self.inside_quote(c) and c.lower_ not in ("there", "which", "that", "who"):
                if near is not None and near.i > c.i and c.pos_ not in ("NOUN", "PROPN", "PRON"):
                    return near, None  # a misparse: "Near Varno ..., a photographer, K. Oster, said"
                return c, None
        if near is not None and not any(c.dep_ == "nsubjpass" for c in kids):
            return near, None
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            # "Ruiz, exasperated, responded:", "Sen. Reyes, noting the crowd, said,": the parser hung the
            # subject on the words set off between it and the verb
            for c in kids:
                finite_object = c.tag_ == "VBD" and any(g.dep_ in ("dobj", "ccomp") for g in c.children)
                if c.dep_ in ("parataxis", "ccomp", "advcl") and c.i < verb.i and c.tag_ in ("VBN", "VBG", "VBD") \
                        and not finite_object and not any(g.dep_ == "mark" for g in c.children):
                    subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i
                                 and not self.inside_quote(g)), None)
                    set_off = subj is not None and any(t.text in (",", "(") for t in verb.doc[subj.i + 1:c.i])
                    if subj is not None and set_off and subj.pos_ in ("PROPN", "NOUN", "PRON"):
                        return subj, None
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        for c in kids:
            if c.dep_ == "agent":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj, None
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in ("in", "by") and (passive or verb.lemma_.lower() == "read"):
                obj = next((g for g in c.children if g.dep_ == "pobj" and g.lower_ in sw.DOCUMENT_NOUNS), None)
                if obj is not None:
                    return obj, None
        if verb.lemma_.lower() == "read":
            for c in kids:
                if c.dep_ == "dobj":
                    of = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"), None)
                    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                    return (obj if obj is not None else c), None
        if depth < 2 and (verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") or (verb.dep_ == "dep" and up.i < verb.i)) \
                and up.pos_ in ("VERB", "AUX"):  # "Ruiz, exasperated, responded" parsed under "exasperated"
            found, via = self.subject_of(up, depth + 1)
            if found is not None:
                return found, via
        if depth == 0 and verb.dep_ == "conj":
            # "X reminds listeners that the reports were late and says: ..." parsed with "says" under the
            # subordinate clause: the speaker is the subject of the sentence's main clause
            root = verb.sent.root
            subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i
                         and not self.inside_quote(c) and not is_pronoun(c)), None)
            if subj is not None:
                return subj, None
        nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if nxt is not None and nxt.pos_ in ("PROPN", "NOUN", "DET", "NUM", "ADJ") and not self.inside_quote(nxt):
            head = nxt
            while head.head.i > head.i and head.head.i - verb.i < 10 and head.head.pos_ in ("PROPN", "NOUN"):
                head = head.head
            return head, None
        return None, None

    def person_before(self, verb: Token) -> Token | None:
        """"..., an agency photographer, Karla Oster, said": a name set off by a comma."""
        i = verb.i - 1
        if i < 1 or self.doc[i].text != ",":
            return None
        tok = self.doc[i - 1]
        if tok.ent_type_ == "PERSON" and not self.inside_quote(tok) and tok.sent.start == verb.sent.start \
                and name_words(tok):
            return tok
        return None

    def listener(self, verb: Token) -> Token | None:
        """The outlet of "X told Al-Monitor"; None for "told reporters"."""
        if verb.lemma_.lower() != "tell":
            return None
        for c in verb.children:
            if c.dep_ in ("dative", "dobj", "iobj", "npadvmod") and c.i > verb.i and not is_pronoun(c) \
                    and c.lower_ not in sw.GENERIC_AUDIENCE and not self.inside_quote(c):
                return c
        return None

    def relaying(self, verb: Token | None) -> Token | None:
        """"X said doctors had told her of “…”": X relays what she was told, so X's verb counts."""
        if verb is None or verb.lemma_.lower() not in ("tell", "inform", "assure", "warn"):
            return verb
        if not any(c.dep_ in ("dobj", "dative", "iobj") and c.lower_ in sw.OBJECT_PRONOUNS for c in verb.children):
            return verb
        up = verb.head
        if verb.dep_ == "ccomp" and up.i != verb.i and is_speech(up) and not self.inside_quote(up):
            return up
        return verb

    def as_who(self, tok: Token | None) -> Who | None:
        if tok is None:
            return None
        return self.mention(tok)
