"""Who claims a figure (ANNOTATION.md §1, attribution rules).

Rules, in order:
1. a figure inside a direct quote belongs to the quote's speaker;
2. "according to X" / "(per X)" anywhere in the sentence covers the whole sentence;
3. the subject of the nearest reporting verb that governs the figure's clause
   ("X said ...", "..., X reported", "X estimates ...", passive "... was quoted by X");
4. a possessive or estimate noun around the figure ("his figure of 600", "initial estimates
   of a death toll of 11", "Ruritania's allegations of up to 2,000 dead");
5. an explicit continuation in the next sentence ("The figure is drawn from X").
Pronouns ("he said", "it said") are resolved by the attribution model
(:meth:`counterclaim.attribute.model.AttributionModel.claimant_named_by`).
No rule → ``None``: the text's own voice.

Deliberately not handled: attribution carried into the next sentence without an explicit
continuation (ANNOTATION.md says it does not carry).

>>> # "At least 12 people died, police said."  →  police
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from counterclaim.attribute import claimcues as cues
from counterclaim.extract import lexicon as lx

PRONOUNS = {"he", "she", "it", "they", "him", "her", "his", "its", "their", "we", "i"}
_ESTIMATE_NOUNS = cues.word_list("estimate_nouns")
_CONTENT_EDGES = {"ccomp", "xcomp", "dobj", "parataxis", "attr", "oprd", "dep", "conj", "nsubjpass"}
_PASSIVE_SOURCES = cues.word_list("passive_source_verbs")
_KEEPING_VERBS = cues.word_list("keeping_verbs")
_OUTLET_WORDS = cues.word_list("outlet_words")
_STOP_EDGES = {"advcl", "relcl", "acl", "csubj", "pcomp"}
_CONTINUATION = re.compile(r"^(?:the|this|these|that|those) (?:figures?|numbers?|tolls?|estimates?|counts?|"
                           r"tally|data)\b.*\b(?:drawn|taken|based|compiled|derived|comes?|came|sourced)\s+"
                           r"(?:from|on)\b", re.IGNORECASE)


_TRAILING_FUNCTION_WORDS = {"'s", "’s", "'", "that", "which", "who", "whom", "whose", "and", "or", "but", "of", "to",
                            "in", "on", "at", "by", "for", "with", "as", "the", "a", "an"}


@dataclass(frozen=True)
class Claimant:
    """A claimant in normalised offsets; ``name`` is as written (or the resolved name)."""

    name: str
    start: int
    end: int
    label: str | None = None
    pronoun: bool = False
    role: str | None = None  # "spokesman for the provincial governor", "Health Minister"


def np_span(tok: Token) -> tuple[int, int]:
    """Token range of a claimant noun phrase, without trailing appositions and clauses."""
    sub = list(tok.subtree)
    start, end = sub[0].i, sub[-1].i + 1
    cut = end
    for child in tok.rights:
        if child.dep_ in ("relcl", "acl", "appos", "advcl") or (child.dep_ == "punct" and child.text == ","):
            cut = min(cut, child.i)
            # keep nothing after a comma that follows the head
    for t in tok.doc[start:end]:
        if t.i > tok.i and t.text in (",", "(", "--", "—", ";", ":"):
            cut = min(cut, t.i)
    while cut > start + 1 and (tok.doc[cut - 1].is_punct and tok.doc[cut - 1].text not in (".",)
                               or tok.doc[cut - 1].lower_ in _TRAILING_FUNCTION_WORDS):
        cut -= 1  # "a 3-minute update that", "the army captain and": a source is a noun phrase, never a fragment
    while start < cut and (tok.doc[start].is_punct or tok.doc[start].is_space):
        start += 1
    return start, max(cut, start + 1)


def claimant_from(tok: Token) -> Claimant:
    doc = tok.doc
    roles: list[str] = []
    # "The State Prosecutor, Ilan Dorr, the chief investigator ... said": prefer the named person
    for child in tok.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON":
            roles.append(doc[min(t.i for t in tok.subtree):tok.i + 1].text)
            tok = child
            break
    s, e = np_span(tok)
    span = doc[s:e]
    label = tok.ent_type_ or None
    for child in tok.children:  # "Adnan Turki, provincial health chief, said"
        if child.dep_ == "appos":
            sub = list(child.subtree)
            roles.append(doc[sub[0].i:sub[-1].i + 1].text)
    if label == "PERSON":  # titles before the name: "health minister ana velde", "Mayor Lena Ostrova"
        titles = [t.text for t in doc[s:tok.i] if t.ent_type_ != "PERSON" and t.pos_ in ("NOUN", "PROPN", "ADJ")]
        if titles:
            roles.append(" ".join(titles))
        first = next((t.i for t in doc[s:tok.i + 1] if t.ent_type_ == "PERSON"), s)
        if first > s and all(t.ent_type_ == "PERSON" for t in doc[first:tok.i + 1]):
            span = doc[first:e]
    return Claimant(span.text, span.start_char, span.end_char, label, tok.lower_ in PRONOUNS,
                    "; ".join(roles) or None)


def _according_to(sent: Span) -> Claimant | None:
    """"According to X, ..." or "... (per X)" anywhere in the sentence: X (the first such cue)."""
    ends = cue_ends_in(sent, "according-to", "per-in-brackets")
    for i in ends:
        objs = [c for c in sent.doc[i].children if c.dep_ == "pobj"]
        if objs:
            return claimant_from(objs[0])
    return None


def cue_ends_in(sent: Span, *names: str) -> list[int]:
    """Where the claim cues ``names`` of the table end inside ``sent`` (token indices, in order)."""
    found = cues.cue_ends(sent.doc)
    return sorted(i for name in names for i in found.get(name, ()) if sent.start <= i < sent.end)


def _by_frames(sent: Span) -> list[tuple[int, Claimant]]:
    """"..., by early reports, at least 30 were hurt", "By one count, 40 died": an estimate noun after
    "by" set off at the start of a clause claims the figures after it (token index, claimant)."""
    out = []
    for i in cue_ends_in(sent, "by-estimate-at-sentence-start", "by-estimate-after-a-break"):
        tok = sent.doc[i]
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in _ESTIMATE_NOUNS and obj.i - tok.i <= 3:
            s, e = np_span(obj)
            span = tok.doc[s:e]
            out.append((tok.i, Claimant(span.text, span.start_char, span.end_char, None, False)))
    return out


def reporting_subject(verb: Token) -> Token | None:
    """The claimant of a reporting verb: its subject, its passive agent, or "printed in X"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) > 1:  # "..., nine of them seriously, the department said": not the number
        subjects = [c for c in subjects if c.pos_ != "NUM"] or subjects
        subjects = sorted(subjects, key=lambda c: abs(verb.i - c.i))
    for child in subjects:
        if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return verb.head  # "the opposition, which says ..."
        outlet = _printed_in(child)
        if outlet is not None:
            return outlet  # "Figures printed in the Gazette showed 70 dead": the Gazette's figures
        return child
    if verb.lower_ == "saying" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
        objs = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if objs:  # "X quoted officials as saying ...": the people quoted
            return objs[0]
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "in"
                                     and verb.lemma_.lower() in _PASSIVE_SOURCES):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and (child.dep_ == "agent" or objs[0].ent_type_ in ("ORG", "PERSON", "")):
                if child.dep_ == "agent" or _is_outlet(objs[0]):
                    return objs[0]
    if verb.lemma_.lower() in _PASSIVE_SOURCES | {"quote"} and any(c.dep_ == "auxpass" for c in verb.children):
        for t in verb.subtree:  # "is quoted as official by X"
            if t.lower_ == "by" and t.i > verb.i:
                objs = [c for c in t.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    appos = _preceding_np(verb)
    if appos is not None:
        return appos
    # "..., adding that ...": the subject of the reporting verb it hangs on
    node = verb
    for _ in range(4):
        if node.dep_ not in ("advcl", "conj", "xcomp", "ccomp") or node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in lx.REPORT_VERBS:
            subj = [c for c in node.children if c.dep_ == "nsubj"]
            if subj:
                return subj[0]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
    return None


def _printed_in(subj: Token) -> Token | None:
    """The publication or body behind "figures printed in X", "data released by Y", "a tally kept by Z"."""
    if subj.lower_ not in _ESTIMATE_NOUNS:
        return None
    for acl in subj.children:
        if acl.dep_ in ("acl", "relcl") and acl.lemma_.lower() in _PASSIVE_SOURCES | _KEEPING_VERBS:
            for prep in acl.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by"):
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def _preceding_np(verb: Token) -> Token | None:
    """"..., a source at the church radio said": a subject the parser hung on an earlier noun."""
    if verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    tok = verb.doc[verb.i - 1]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for _ in range(6):
        if tok.dep_ in ("appos", "conj", "npadvmod", "dobj", "nsubj") and tok.pos_ in ("NOUN", "PROPN"):
            break
        if tok.head is tok or tok.head.i >= verb.i:
            return None
        tok = tok.head
    start = min(t.i for t in tok.subtree)
    if start > 0 and verb.doc[start - 1].text == ",":
        return tok
    return None


def _is_outlet(tok: Token) -> bool:
    words = {t.lower_ for t in tok.subtree}
    return bool(words & _OUTLET_WORDS)


_TOLL_SETTERS = cues.word_list("toll_setters")
_TOLL_OBJECTS = cues.word_list("toll_objects")
_CLAIMANT_NOUNS = cues.word_list("claimant_nouns")


def _sets_a_toll(node: Token, child: Token) -> bool:
    """"X raised the death toll to six", "X put the number of dead at 45": X's figure (a subject is needed)."""
    if not (node.pos_ == "VERB" and node.lemma_.lower() in _TOLL_SETTERS and child.dep_ == "prep"
            and child.lower_ in ("to", "at") and any(c.dep_ == "dobj" and c.lemma_.lower() in _TOLL_OBJECTS
                                                     for c in node.children)):
        return False
    subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
    # a body or person sets a toll; "aftershocks increased the toll to six" is no claim
    return subj is not None and _can_claim(subj)


def _can_claim(tok: Token) -> bool:
    from counterclaim.attribute.source_types import could_claim

    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.lemma_.lower() in _CLAIMANT_NOUNS \
        or could_claim(" ".join(t.text for t in tok.subtree))


def _reporting_verb(tok: Token) -> Token | None:
    """The nearest reporting verb whose content clause contains ``tok``."""
    child = tok
    node = tok.head
    for _ in range(12):
        if _sets_a_toll(node, child):
            return node  # "The council raised the death toll to six": the council's figure
        if node.lemma_.lower() in lx.REPORT_VERBS and node.pos_ in ("VERB", "AUX") and not (
                child.dep_ == "dobj" and child.lower_ in ("lives", "life", "victims")):  # "claimed 2,400 lives"
            passive = any(c.dep_ in ("auxpass", "agent") for c in node.children) or (
                node.tag_ == "VBN" and child.dep_ == "nsubjpass")
            near = list(node.children) + [g for c in node.children if c.dep_ == "prep"
                                          for p in c.children for g in p.children]
            has_agent = any(c.dep_ == "agent" or (c.lower_ == "by" and c.dep_ == "prep") for c in near)
            if passive and not has_agent and not any(c.dep_ == "nsubj" for c in node.children):
                child, node = node, node.head  # "were feared dead", "is said to": no claimant here
                continue
            if child.dep_ == "nsubjpass" and passive:
                return node
            if child.dep_ in _CONTENT_EDGES and child.dep_ != "nsubjpass":
                return node
            if child.dep_ == "prep" and child.lower_ == "at" and node.lemma_.lower() in ("put", "place", "estimate"):
                return node  # "officials put the number of dead at 45"
            if child.dep_ == "nsubj" and child.pos_ == "NUM" and reporting_subject(node) is not child:
                return node  # a figure the parser took for a second subject of "said"
            if child.dep_ in ("advcl", "prep", "npadvmod", "advmod", "nsubj", "mark"):
                return None
        if node.head is node:
            return None
        child, node = node, node.head
    return None


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _estimate_owner(tok: Token) -> Claimant | None:
    """"his figure of 600", "initial estimates of a death toll of 11", "X's allegations of"."""
    node = tok
    for _ in range(6):
        if node.head is node:
            break
        node = node.head
        if node.lower_ in _ESTIMATE_NOUNS and node.pos_ == "NOUN":
            poss = [c for c in node.children if c.dep_ == "poss"]
            if poss:
                return claimant_from(poss[0])
            if node.lower_ in ("estimates", "estimate", "reports", "allegations", "claims") and any(
                    c.dep_ in ("amod", "det") and c.lower_ not in ("the", "a", "an", "these", "those", "this")
                    for c in node.children):
                s, e = np_span(node)
                span = node.doc[s:e]
                # only the estimate noun and its modifiers, not its complements
                start = min([c.i for c in node.lefts] + [node.i])
                span = node.doc[start:node.i + 1]
                return Claimant(span.text, span.start_char, span.end_char, None, False)
    return None


def _subject_estimate(tok: Token) -> Claimant | None:
    """"Other estimates ranged as high as 500 dead": an estimate noun as the clause subject."""
    node = tok
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for child in node.doc[max(0, node.i - 8):node.i]:  # the subject stands just before its verb
                if child.head.i == node.i and child.dep_ == "nsubj" \
                        and child.lower_ in ("estimates", "reports", "figures", "sources"):
                    start = min([c.i for c in child.lefts] + [child.i])
                    span = tok.doc[start:child.i + 1]
                    return Claimant(span.text, span.start_char, span.end_char, None, False)
            break
    return None


def _owner_before_verb(tok: Token) -> Claimant | None:
    node = tok
    for _ in range(6):
        if node.head is node or node.head.pos_ in ("VERB", "AUX"):
            return None
        node = node.head
        if node.lower_ in _ESTIMATE_NOUNS:
            return _estimate_owner(tok)
    return None


def claimant_for(tok: Token, sent: Span, memo: dict[tuple[str, int], Any] | None = None) -> Claimant | None:
    """The claimant of the clause that contains ``tok`` by rules 2-4 (quotes are handled by the caller).

    ``memo`` keeps what is read once per sentence ("according to X", the closing reporting clause),
    so that a sentence of many figures costs time linear in its length.
    """
    memo = {} if memo is None else memo
    owner = _owner_before_verb(tok)
    if owner:
        return owner
    verb = _reporting_verb(tok)
    if verb is None or reporting_subject(verb) is None:
        found = _per_sentence(memo, sent, _according_to)
        if found:
            return found
        framed = [c for i, c in _per_sentence(memo, sent, _by_frames) if i < tok.i]
        if framed:
            return framed[-1]
    if verb is not None:
        subj = reporting_subject(verb)
        if subj is not None and subj.lower_ in ("it", "they", "we") and verb.head is not verb:
            outer = _reporting_verb(verb)
            outer_subj = reporting_subject(outer) if outer is not None else None
            if outer_subj is not None and outer_subj.lower_ not in PRONOUNS:
                subj = outer_subj
        if subj is not None and subj.lower_ not in ("that", "which", "this", "there", "who"):
            return claimant_from(subj)
    closing = _per_sentence(memo, sent, _closing_report)
    trailing = (closing[1] if closing is not None and closing[0] > tok.i else None) \
        or _parataxis_report(tok, _per_sentence(memo, tok.sent, _parataxis_reports)) \
        or _per_sentence(memo, sent, _inverted_report)
    if trailing is not None:
        return trailing
    return _estimate_owner(tok) or _subject_estimate(tok)


def _per_sentence(memo: dict[tuple[str, int], Any], sent: Span, reader: Callable[[Span], Any]) -> Any:
    """``reader(sent)``, read once per sentence and kept in ``memo``."""
    key = (reader.__name__, sent.start)
    if key not in memo:
        memo[key] = reader(sent)
    return memo[key]


def _parataxis_reports(sent: Span) -> list[tuple[int, int, Claimant]]:
    """The reporting clauses the parser hung beside a sentence's main clause: (verb, root, claimant)."""
    found = []
    for verb in sent:
        if verb.dep_ == "parataxis" and verb.head.dep_ == "ROOT" and verb.lemma_.lower() in lx.REPORT_VERBS:
            subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "NUM"), None)
            if subj is not None and subj.lower_ not in ("it", "that", "which", "this", "there", "who"):
                found.append((verb.i, verb.head.i, claimant_from(subj)))
    return found


def _parataxis_report(tok: Token, reports: list[tuple[int, int, Claimant]]) -> Claimant | None:
    """"A quake struck at dawn, killing 41, the agency said, as rescuers dug": a reporting clause the
    parser hung beside the main clause (parataxis) claims the figures before it."""
    for verb_i, root_i, claimant in reports:
        if verb_i > tok.i and _under(tok, root_i):
            return claimant
    return None


def _under(tok: Token, root_i: int) -> bool:
    """Whether ``root_i`` is ``tok`` or one of its first twelve heads."""
    node = tok
    for _ in range(12):
        if node.i == root_i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _inverted_report(sent: Span) -> Claimant | None:
    """", reported officials, ...", ", said the ministry": a reporting verb after a comma with its subject
    after it claims its sentence."""
    for verb in sent:
        if verb.lemma_.lower() not in lx.REPORT_VERBS or verb.pos_ != "VERB" or verb.i == sent.start:
            continue
        if verb.doc[verb.i - 1].text not in (",", "--", "—", "("):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i > verb.i and c.i - verb.i <= 4
                     and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None and verb.dep_ == "amod" and 0 < verb.head.i - verb.i <= 3 \
                and verb.head.pos_ in ("NOUN", "PROPN"):
            span = verb.doc[verb.i + 1:verb.head.i + 1]  # the parser's reading of ", reported officials,"
            return Claimant(span.text, span.start_char, span.end_char, verb.head.ent_type_ or None, False)
        if subj is not None:
            return claimant_from(subj)
    return None


def _closing_report(sent: Span) -> tuple[int, Claimant | None] | None:
    """"..., abducted 27 passengers, among them 11 women, police in Ilora province said on Sunday":
    a reporting clause closing the sentence covers the figures before it even when the parser hung it
    elsewhere. Returns the index of the sentence's last reporting verb and its claimant (None when
    that clause is no closing attribution), or None when the sentence has no reporting verb."""
    for verb in reversed(list(sent)):
        if verb.lemma_.lower() not in lx.REPORT_VERBS or verb.pos_ != "VERB":
            continue
        rest = [t for t in sent[verb.i - sent.start + 1:] if not t.is_punct and not t.is_space]
        if any(t.pos_ in ("VERB", "AUX") for t in rest):
            return verb.i, None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ != "NUM"]
        if not subjects:
            return verb.i, None
        subj = subjects[-1]
        first = min(t.i for t in subj.subtree)
        if first > sent.start and verb.doc[first - 1].text in (",", ";", "--", "—"):
            return verb.i, claimant_from(subj)
        return verb.i, None
    return None


def continuation_source(sent: Span) -> Claimant | None:
    """"The figure is drawn from X": the claimant of the previous sentence's figures."""
    if not _CONTINUATION.match(sent.text.strip()):
        return None
    for tok in sent:
        if tok.lower_ in ("from", "on") and tok.head.lemma_.lower() in ("draw", "take", "base", "compile",
                                                                            "derive", "come", "source"):
            objs = [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                obj = objs[0]
                sub = list(obj.subtree)
                span = tok.doc[sub[0].i:sub[-1].i + 1]
                while span and span[-1].is_punct:
                    span = span[:-1]
                return Claimant(span.text, span.start_char, span.end_char, obj.ent_type_ or None, False)
    return None
