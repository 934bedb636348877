"""Outcome cues of a casualty figure (ANNOTATION.md §1, the outcome table).

Where the cue sits: inside the noun phrase ("479 deaths", "three dead children"), right after
it ("58 wounded", "147 died"), in a toll ("death toll of 11", "the toll stands at 1,270"), in
the governing verb and its complement ("were taken hostages", "went missing", "left
homeless", "frozen to death"), in a relative clause ("two people who died"), or before a colon
list ("bodies ...: 470-500 in X, 650-700 by the stream").

Deliberately not cues: a sentence ("sentenced to death"), escape, rescue and survival.

The cues are patterns, not code: the frames of ``lexicons/data/outcome_frames.json`` (matched once
per Doc by ``extract.frames``) and its token sequences (the words right after a number). This
module reads them in order of precedence and keeps what the patterns cannot say: the figure's
role in its clause (following conjunctions and "between X and Y"), "killed or wounded" read as
killed, a state noun giving way to the verb ("nine hostages were killed"), the climb from a number
to the verb of a change ("rose from 12 to 27") and the colon list.

>>> # "Some 40 climbers froze to death on the pass."  →  killed
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from spacy.tokens import Doc, Token

from counterclaim.extract import lexicon as lx
from counterclaim.extract.frames import Hit, adjacent_cue, hits_at, word_list

_TOLL_VERBS = word_list("toll_verbs")


MAX_CHILDREN = 48
"""Dependents of one token read by the outcome rules: a head with thousands of dependents (a sentence
of thousands of figures) costs bounded time per figure; ordinary heads have fewer than ten."""


def _kids(tok: Token) -> Iterator[Token]:
    """A token's dependents, left to right, at most :data:`MAX_CHILDREN` of them."""
    return islice(tok.children, MAX_CHILDREN)


def lemma_of(tok: Token) -> str:
    """The token's lemma; the small model lemmatises some participles oddly, so those are read
    from ``participle_lemmas.tsv`` (as the frames' ``LEMMA`` nodes read them)."""
    return lx.PARTICIPLE_LEMMAS.get(tok.lower_) or tok.lemma_.lower()


def of_object(tok: Token) -> Token | None:
    """"dozens of bodies" → bodies; "100 members of the NDS" → members (kept); "hundreds of fleeing
    families" → families: the ``of-object`` cues of ``np_cues.json`` (the first "of", its first object)."""
    hits = hits_at(tok, "of-object")
    if not hits:
        return None
    nodes = hits[0].nodes
    return tok.doc[nodes.get("sub", nodes["obj"])]


def _outcome_word(tok: Token) -> str | None:
    word = tok.lower_
    if word in lx.OUTCOME_NOUNS and word not in lx.WEAK_NOUNS:
        return lx.OUTCOME_NOUNS[word]
    lemma = lemma_of(tok)
    if tok.pos_ in ("VERB", "AUX", "ADJ") and lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS:
        return lx.OUTCOME_VERBS[lemma]
    if tok.tag_ in ("VBN", "VBD") and lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS:
        return lx.OUTCOME_VERBS[lemma]
    return None


def _displacement(verb: Token) -> str | None:
    """"40,000 inhabitants left the town", "had to leave their homes", "were forced out of the
    district", "driven from their villages": the displacement frames anchored on this verb."""
    hits = hits_at(verb, "displacement")
    return hits[0].frame.outcome if hits else None


def _complement_outcome(verb: Token, own: Token | None = None) -> str | None:
    """Outcome carried by a verb's complement: "taken hostage", "went missing", "left homeless",
    "frozen to death", "lost their lives", "suffered injuries", "were in hospital": the
    ``complement`` frames filed under the verb (the first by its complement, left to right).

    ``own`` is the figure's own head, which is not its complement ("holds 1,100 prisoners")."""
    displaced = _displacement(verb)
    if displaced:
        return displaced
    for hit in hits_at(verb, "complement"):
        if own is None or hit.nodes["comp"] != own.i:
            return hit.frame.outcome
    return None


def _verb_hits(verb: Token, role: str) -> list[Hit]:
    """The ``verb`` frames filed under ``verb`` that a figure of ``role`` reads, in file order."""
    return [hit for hit in hits_at(verb, "verb") if role in hit.frame.roles]


def _leaving(verb: Token) -> bool:
    """"had to leave their homes": a displacement frame on the verb or its open complement."""
    return any(_displacement(t) for t in [verb] + [c for c in _kids(verb) if c.dep_ == "xcomp"])


def _verb_outcome(verb: Token, role: str, own: Token | None = None) -> tuple[str | None, str]:
    """Outcome of a figure that is ``role`` (nsubj, nsubjpass, dobj, ...) of ``verb``: the ``verb``
    frames filed under the verb for that role (an object or passive subject is their "patient")."""
    if verb.dep_ == "conj" and lemma_of(verb.head) in lx.OUTCOME_VERBS and verb.head.i < verb.i \
            and any(t.dep_ == "cc" and t.lower_ == "or" and t.head.i == verb.head.i
                    for t in verb.doc[max(verb.head.i, verb.i - 4):verb.i]):
        verb = verb.head  # "killed or wounded" is annotated killed (ANNOTATION.md conventions)
    comp = _complement_outcome(verb, own)
    passive = role == "nsubjpass" or any(t.dep_ == "auxpass" and t.head.i == verb.i
                                         for t in verb.doc[max(0, verb.i - 4):verb.i])
    if role in ("dobj", "nsubjpass") or (role == "nsubj" and passive):
        for hit in _verb_hits(verb, "patient"):
            return hit.frame.outcome, hit.frame.rule
        if comp:
            return comp, "verb-complement"
        for conj in verb.conjuncts:  # "shot and bayoneted more than 450": a shared object only
            if any(c.dep_ in ("dobj", "nsubjpass") for c in _kids(conj)):
                continue
            for hit in _verb_hits(conj, "patient"):
                return hit.frame.outcome, "verb-conj"
        if role == "dobj" and own is not None and (own.lower_ in lx.PERSON_NOUNS or own.pos_ == "NUM"):
            for hit in _verb_hits(verb, "counted-object"):  # "lost 11 men", "we buried four neighbours"
                return hit.frame.outcome, hit.frame.rule
        return None, ""
    left = role != "nsubj"  # only a subject reads the displacement frames
    for hit in _verb_hits(verb, role):
        frame = hit.frame
        if frame.late and not left:
            left = True
            if _leaving(verb):
                return "displaced", "verb-complement"
        if frame.outcome != "complement":
            return frame.outcome, frame.rule
        if comp and (not frame.only or comp in frame.only):
            return comp, frame.rule
    if not left and _leaving(verb):
        return "displaced", "verb-complement"
    return None, ""


def _clause_role(head: Token) -> tuple[Token, str]:
    """The figure's grammatical role, following conjunctions back to the first conjunct."""
    tok = head
    if hits_at(tok, "range-object"):  # np_cues.json
        return tok.head, "dobj"  # "killed between 40 and 60 soldiers" parsed as a prepositional phrase
    for _ in range(4):
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") or tok.dep_ == "appos":
            tok = tok.head
        else:
            break
    return tok, tok.dep_


def adjacent_outcome(doc: Doc, after: int) -> tuple[str | None, int]:
    """An outcome word right after the noun phrase: "58 wounded", "147 died", "24 others wounded",
    "six froze to death": the ``sequences`` of ``outcome_frames.json`` that start at ``after``
    (outcome and the index of its cue token; ``(None, -1)`` when none does)."""
    return adjacent_cue(doc, after) or (None, -1)


def _toll_outcome(num_tok: Token, head: Token) -> str | None:
    """"death toll of 11", "the toll stands at 1,270", "toll soaring to nearly 85,000"."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head
        gov = prep.head
        while gov.dep_ in ("pobj", "prep") and gov.head.i != gov.i and gov.pos_ in ("NUM", "ADP"):
            gov = gov.head  # "rose from twelve to 27": climb to the verb of the change
        nouns: list[Token] = []
        if gov.pos_ in ("NOUN", "PROPN"):
            nouns.append(gov)
            nouns.extend(c for c in _kids(gov) if c.dep_ == "nsubj")  # "Death toll ... climbs to 31"
        elif lemma_of(gov) in _TOLL_VERBS or gov.pos_ in ("VERB", "AUX"):
            nouns.extend(c for c in _kids(gov) if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
            if gov.dep_ in ("acl", "advcl", "relcl") and gov.head.pos_ in ("NOUN", "PROPN"):
                nouns.append(gov.head)
        role = "toll-verb" if lemma_of(gov) in _TOLL_VERBS or gov.pos_ == "AUX" else "other"
        for noun in nouns:  # "Injuries rose to 140", "death toll of 11", "the number of injured climbed to 85"
            for hit in hits_at(noun, "toll"):
                if role in hit.frame.roles:
                    return hit.frame.outcome
    if head.dep_ in ("dobj", "attr"):  # "the toll reached 200", "the number of dead reached 200"
        for hit in hits_at(head.head, "toll-subject"):
            if head.dep_ in hit.frame.roles:
                return hit.frame.outcome
    return None


def _relcl_outcome(head: Token) -> str | None:
    """"two people who died of their injuries", "11 workers who were killed": the ``relative``
    frames filed under the noun (the first clause, left to right)."""
    hits = hits_at(head, "relative")
    return hits[0].frame.outcome if hits else None


def _np_outcome(head: Token, num_tok: Token) -> str | None:
    """Outcome inside the noun phrase: its head ("deaths") or a modifier ("three dead children")."""
    if head.i != num_tok.i:
        word = _outcome_word(head) if head.pos_ in ("NOUN", "ADJ", "PROPN") else None
        if word and head.lower_ in lx.OUTCOME_NOUNS:
            return word
    for family in ("np-modifier", "np-patients"):  # "three dead children"; "140 patients, most with bullet injuries"
        hits = hits_at(head, family)
        if hits:
            return hits[0].frame.outcome
    # "the names of 111 corpses", "bodies of 35 Afghan forces", "the injuring of hundreds more",
    # "the bodies of six men and two infants" (a conjunct shares its first conjunct's owner)
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    for tok, family in ((first, "np-owner"), (head, "np-lives")):  # "claimed 30 lives", "the loss of 200 lives"
        hits = hits_at(tok, family)
        if hits:
            return hits[0].frame.outcome
    return None


def _colon_list_outcome(num_tok: Token) -> str | None:
    """"too many bodies ... to count: 470-500 in X, 650-700 people by the stream"."""
    sent = num_tok.sent
    colons = [t for t in sent if t.text == ":" and t.i < num_tok.i]
    if not colons or num_tok.i - colons[-1].i > 25:
        return None
    for t in sent[: colons[-1].i - sent.start]:
        if t.lower_ in lx.OUTCOME_NOUNS and t.lower_ not in lx.WEAK_NOUNS:
            return lx.OUTCOME_NOUNS[t.lower_]
    return None


_STATE_NOUNS = word_list("state_nouns")


def figure_outcome(doc: Doc, num_tok: Token, head: Token, np_end: int) -> tuple[str | None, str]:
    """Find the outcome of a candidate, most specific cue first.

    A noun that names a state ("hostages", "wounded") gives way to a verb that says what then
    happened to them ("nine hostages had been killed")."""
    first, role = _clause_role(head)
    for hit in hits_at(first.head, "clause"):
        if role not in hit.frame.roles:
            continue
        if hit.frame.outcome == "none":
            return None, ""  # "35 were rescued", "12 survived": ANNOTATION.md, survivors and the rescued are no figures
        # "main-verb": "90 civilians were wounded, as were seventeen soldiers": the ellipsis takes the main verb
        outcome, _ = _verb_outcome(first.head.head, "nsubjpass", head)
        if outcome:
            return outcome, hit.frame.rule
    verb_outcome: tuple[str | None, str] = (None, "")
    if role in ("nsubj", "nsubjpass", "dobj", "attr", "oprd") and first.head.pos_ in ("VERB", "AUX"):
        verb_outcome = _verb_outcome(first.head, role, head)
    outcome = _np_outcome(head, num_tok)
    if outcome:
        if head.lower_ in _STATE_NOUNS and verb_outcome[0] and verb_outcome[0] != outcome:
            return verb_outcome
        return outcome, "noun-phrase"
    of_obj = of_object(head)
    if of_obj is not None and of_obj.lower_ in lx.OUTCOME_NOUNS and of_obj.lower_ not in lx.WEAK_NOUNS:
        if of_obj.lower_ in _STATE_NOUNS and verb_outcome[0]:
            return verb_outcome  # "One of the wounded died"
        return lx.OUTCOME_NOUNS[of_obj.lower_], "noun-phrase"  # "dozens of bodies"
    outcome, _ = adjacent_outcome(doc, np_end)
    if outcome:
        return outcome, "adjacent"
    outcome = _toll_outcome(num_tok, head)
    if outcome:
        return outcome, "toll"
    if verb_outcome[0]:
        return verb_outcome
    outcome = _relcl_outcome(head)
    if outcome:
        return outcome, "relative-clause"
    if role == "pobj" and first.head.dep_ == "agent":
        return None, ""
    colon = _colon_list_outcome(num_tok)
    if colon:
        return colon, "colon-list"
    # "killing over 100 civilians and wounding over 400": the number's own clause verb
    if role in ("conj", "appos") and first.head.pos_ == "VERB":
        outcome, rule = _verb_outcome(first.head, "dobj", head)
        if outcome:
            return outcome, rule
    return None, ""
