"""Casualty figures: a count of people plus the outcome they suffered (ANNOTATION.md §1).

A number becomes a figure when (1) it counts people or bodies, and (2) an outcome cue is
attached to it: inside its noun phrase ("479 deaths", "three dead children"), right after
it ("58 wounded", "147 died"), or through the verb that governs it ("613 civilians were
murdered", "killed 1,269 soldiers", "were taken hostages", "went missing", "left 25 hurt",
"death toll of 11", "the toll stands at 1,270").

Deliberately not figures: populations, forces, ages, years, dates, money, units,
proportions ("two-thirds"), and bare singulars ("a soldier was killed").

>>> # "Two car bombs killed sixteen people" → one figure: "sixteen people", killed, 16
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from counterclaim.extract import lexicon as lx
from counterclaim.extract.numbers import NumberMention, find_numbers
from counterclaim.extract.subsets import link_subsets
from counterclaim.records import Count

_INTRANSITIVE = {"die", "drown", "perish", "disappear", "vanish", "flee"}
_COPULAS = {"be", "remain", "go", "become", "lie", "stay", "get", "end", "turn"}
_LEAVE = {"leave", "render", "make", "report", "fear", "presume", "confirm", "find",
          "declare", "believe", "list", "count", "register", "record"}
_TOLL_VERBS = {"stand", "rise", "reach", "climb", "hit", "soar", "jump", "increase", "exceed", "top",
               "pass", "mount", "grow", "be", "put", "raise", "shoot"}
_TO_DEATH = {"freeze", "beat", "burn", "stab", "starve", "stone", "crush", "hack", "shoot", "club",
             "trample", "bleed", "torture", "choke", "batter", "kick", "whip", "bludgeon", "drown"}
_TOLL_NOUNS = {"toll", "tally", "number", "figure", "count", "total"}


@dataclass
class FigureMention:
    """A figure in normalised offsets, before attribution."""

    start: int
    end: int
    count: Count
    outcome: str
    number: NumberMention
    num_token: Token
    head: Token
    groups: list[str] = field(default_factory=list)
    part_of: FigureMention | None = None  # the whole this figure is a subset of
    rule: str = ""
    confidence: float = 0.8
    sentence: Span | None = None


def _token_at(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _lower(tok: Token) -> str:
    return tok.lower_


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    # the small model lemmatises some participles oddly; fall back to simple stems
    if tok.lower_ in ("wounded", "injured", "killed", "hurt", "maimed"):
        return {"wounded": "wound", "injured": "injure", "killed": "kill", "hurt": "hurt",
                "maimed": "maim"}[tok.lower_]
    return lemma


def _is_year(num: NumberMention, text: str) -> bool:
    raw = text[num.num_start:num.end]
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d", raw)) and num.count.qualifier == "exact"


def _filtered(num: NumberMention, text: str, toks: list[Token]) -> bool:
    """True when the number is not a count of people (ANNOTATION.md: not figures)."""
    before = text[max(0, num.start - 12):num.start]
    after = text[num.end:num.end + 24]
    if re.match(r"\s*[-–]\s*[A-Za-z]", after) and not re.match(r"\s*[-–]\s*(?:and|or)\b", after):
        return True  # "15-man", "40-year-old", "5,000-strong", "two-thirds"
    if re.match(r"[:.]\d", after) or re.search(r"\d[:.]$", before):
        return True  # times and decimals "9:30"
    if re.search(r"[$£€¥]\s*$|\b(?:US|A|C)\$\s*$|\b(?:No|no|Article|Checkpoint|Resolution|Route|"
                 r"Highway|page|Chapter|Section|Paragraph|Room|Flight|Platform|Gate|Unit|Camp|"
                 r"Brigade|Division|Battalion|Regiment|Army|Corps|Act|Law|Protocol|Annex|Item)\.?\s*$",
                 before):
        return True
    nxt = re.match(r"\s*([A-Za-z%]+)", after)
    if nxt:
        word = nxt.group(1).lower()
        if word in lx.NOT_PEOPLE or word in lx.MONTHS or word in ("st", "nd", "rd", "th"):
            return True
        if word in ("thirds", "third", "fourths", "fourth", "quarter", "quarters", "half", "fifths",
                    "fifth", "tenths", "percent", "per"):
            return True
    if re.search(r"\b(?:" + "|".join(lx.MONTHS) + r")\.?\s*$", before, re.IGNORECASE):
        return True  # "February 26", "May 10"
    if re.search(r"\bin every\s*$|\bone in\s*$", before, re.IGNORECASE):
        return True
    if _is_year(num, text) and not re.match(
            r"\s+(?:people|others|persons|civilians|dead|were|have|had|are|of them|bodies|"
            r"soldiers|men|women|children)\b", after):
        return True
    if num.count.value is not None and num.count.value > 50_000_000:
        return True
    return len(text[num.num_start:num.end]) > 12 and text[num.num_start:num.end].isdigit()


def _np_head(num_tok: Token) -> Token:
    """The noun a number counts ("613 Azerbaijani civilians" → civilians), or the number itself."""
    tok = num_tok
    if tok.head.i == tok.i + 1 and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ != "nummod":
        return tok.head  # "Thirty inmates": the tagger took the number for a noun
    if tok.dep_ in ("meta", "dep", "npadvmod", "appos", "advmod") and tok.head.i > tok.i \
            and tok.head.i - tok.i <= 4 and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.dep_ in ("meta", "dep", "nsubj", "npadvmod") and nxt is not None and nxt.tag_ in ("NNS", "NNPS") \
            and nxt.head.i == tok.head.i and tok.dep_ != "nummod":
        return nxt  # "131 Iraqis died" parsed with the number hung on the verb
    for _ in range(3):
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and tok.head.i > tok.i \
                and tok.head.i - tok.i <= 6 and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "PRON"):
            tok = tok.head
        else:
            break
    return tok


def _of_object(tok: Token) -> Token | None:
    """"dozens of bodies" → bodies; "100 members of the NDS" → members (kept)."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
                if obj.dep_ == "pcomp":  # "hundreds of fleeing families"
                    for sub in obj.children:
                        if sub.dep_ in ("dobj", "pobj"):
                            return sub
    return None


def _people_like(head: Token, num_tok: Token, norm_text: str) -> bool:
    word = head.lower_
    if head.i == num_tok.i or head.pos_ == "NUM":
        return True
    if word in lx.PERSON_NOUNS or head.lemma_.lower() in lx.PERSON_NOUNS or word in lx.OUTCOME_NOUNS:
        return True
    if word in lx.NOT_PEOPLE or head.lemma_.lower() in lx.NOT_PEOPLE:
        return False
    if head.ent_type_ in ("NORP",) or (head.text[:1].isupper() and word.endswith("s")):
        return True  # demonyms: "Libyans", "Azeris"
    return bool(re.search(r"(?:ers|ists|ants|ents|ians|men|ees|ors|ites|girls|boys|children|people)$", word))


def _outcome_word(tok: Token) -> str | None:
    word = tok.lower_
    if word in lx.OUTCOME_NOUNS and word not in lx.WEAK_NOUNS:
        return lx.OUTCOME_NOUNS[word]
    lemma = _lemma(tok)
    if tok.pos_ in ("VERB", "AUX", "ADJ") and lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS:
        return lx.OUTCOME_VERBS[lemma]
    if tok.tag_ in ("VBN", "VBD") and lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS:
        return lx.OUTCOME_VERBS[lemma]
    return None


def _complement_outcome(verb: Token, own: Token | None = None) -> str | None:
    """Outcome carried by a verb's complement: "taken hostage", "went missing", "left homeless",
    "frozen to death", "lost their lives", "suffered injuries", "were in hospital".

    ``own`` is the figure's own head, which is not its complement ("holds 1,100 prisoners")."""
    lemma = _lemma(verb)
    for child in verb.children:
        if own is not None and child.i == own.i:
            continue
        w = child.lower_
        if child.dep_ == "prt" and w == "away" and lemma in ("take", "carry", "lead"):
            return "captured"  # "27 were taken away"
        if child.dep_ in ("acomp", "oprd", "xcomp", "attr", "dobj", "ccomp", "advmod", "npadvmod", "amod"):
            if w in ("hostage", "hostages", "prisoner", "prisoners", "captive", "captives"):
                return "captured"
            if w in ("dead", "killed", "lifeless"):
                return "killed"
            if w in ("missing", "unaccounted", "disappeared"):
                return "missing"
            if w in ("homeless", "displaced", "refugees"):
                return "displaced"
            if w in ("wounded", "injured", "hurt", "injuries", "wounds", "injury"):
                return "injured"
            if w in ("lives", "life") and lemma in ("lose", "claim", "take", "cost", "sacrifice"):
                return "killed"
        if child.dep_ in ("prep", "agent"):
            objs = [g for g in child.children if g.dep_ in ("pobj", "amod", "acomp")]
            for obj in objs:
                o = obj.lower_
                if w == "to" and o == "death" and lemma in _TO_DEATH:
                    return "killed"
                if w == "as" and o in ("dead", "killed", "missing", "injured", "wounded"):
                    return lx.OUTCOME_NOUNS.get(o) or "killed"
                if w in ("in", "into", "to") and o in ("hospital", "hospitals", "captivity", "custody"):
                    return "injured" if o.startswith("hospital") else "captured"
                if w == "in" and o in ("condition",) and any(
                        g.lower_ in ("critical", "serious", "stable", "grave") for g in obj.children):
                    return "injured"  # "in a critical condition"
                if w == "without" and o in ("shelter", "homes", "home", "roof"):
                    return "displaced"
                if w == "from" and o in ("homes", "home", "houses"):
                    return "displaced"
                if w == "among" and o in lx.OUTCOME_NOUNS:
                    return lx.OUTCOME_NOUNS[o]
                if w == "among" and o in ("those", "people", "others"):  # "among those detained"
                    for acl in obj.children:
                        found = lx.OUTCOME_VERBS.get(_lemma(acl)) if acl.dep_ in ("acl", "relcl", "amod") else None
                        if found:
                            return found
                if w == "for" and o in ("dead",):
                    return "killed"
                if w == "for" and (o in ("wounds", "injuries", "burns", "injury", "wound")
                                   or any(g.lower_ in ("wounds", "injuries", "burns") for g in obj.subtree)):
                    return "injured"  # "treated for gunshot wounds"
    return None


def _verb_outcome(verb: Token, role: str, own: Token | None = None) -> tuple[str | None, str]:
    """Outcome of a figure that is ``role`` (nsubj, nsubjpass, dobj, ...) of ``verb``."""
    if verb.dep_ == "conj" and _lemma(verb.head) in lx.OUTCOME_VERBS and verb.head.i < verb.i \
            and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children):
        verb = verb.head  # "killed or wounded" is annotated killed (ANNOTATION.md conventions)
    lemma = _lemma(verb)
    comp = _complement_outcome(verb, own)
    passive = role == "nsubjpass" or any(c.dep_ == "auxpass" for c in verb.children)
    if role in ("dobj", "nsubjpass") or (role == "nsubj" and passive):
        if lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS:
            return lx.OUTCOME_VERBS[lemma], "verb"
        if comp:
            return comp, "verb-complement"
        for conj in verb.conjuncts:  # "shot and bayoneted more than 450": a shared object only
            cl = _lemma(conj)
            if any(c.dep_ in ("dobj", "nsubjpass") for c in conj.children):
                continue
            if cl in lx.OUTCOME_VERBS and cl not in lx.WEAK_VERBS:
                return lx.OUTCOME_VERBS[cl], "verb-conj"
        if role == "dobj" and lemma in ("lose", "bury") and own is not None and (
                own.lower_ in lx.PERSON_NOUNS or own.pos_ == "NUM"):
            return "killed", "verb"  # "lost 11 men", "we buried four neighbours"
        return None, ""
    if role in ("attr", "nsubj") and lemma == "be" and comp and any(
            c.dep_ == "prep" and c.lower_ == "among" for c in verb.children):
        return comp, "among"  # "Among the dead were 17 children"
    if role == "attr" and lemma == "be":  # "the victims were two women"
        for subj in verb.children:
            if subj.dep_ == "nsubj" and subj.lower_ in ("victims", "dead", "casualties", "fatalities"):
                return "killed", "copula-subject"
            if subj.dep_ == "nsubj" and subj.lower_ in ("injured", "wounded"):
                return "injured", "copula-subject"
    if role == "nsubj" and verb.lower_ in ("missing", "dead", "homeless", "unaccounted"):
        return lx.OUTCOME_NOUNS[verb.lower_], "verb-complement"
    if role == "nsubj":
        if lemma in _INTRANSITIVE:
            return lx.OUTCOME_VERBS[lemma], "verb"
        if lemma in _TO_DEATH and comp == "killed":  # "40 climbers froze to death"
            return comp, "verb-complement"
        if lemma in _COPULAS or lemma in ("suffer", "lose", "sustain", "receive", "need", "require", "leave",
                                          "treat", "hospitalise", "hospitalize", "admit"):
            if comp:
                return comp, "verb-complement"
    return None, ""


def _clause_role(head: Token) -> tuple[Token, str]:
    """The figure's grammatical role, following conjunctions back to the first conjunct."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("between", "from") and tok.head.dep_ == "prep" \
            and tok.head.i < tok.i and any(c.pos_ == "NUM" for c in tok.subtree):
        return tok.head, "dobj"  # "killed between 40 and 60 soldiers" parsed as a prepositional phrase
    for _ in range(4):
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") or tok.dep_ == "appos":
            tok = tok.head
        else:
            break
    return tok, tok.dep_


def _adjacent_outcome(doc: Doc, after: int) -> tuple[str | None, int]:
    """An outcome word right after the noun phrase: "58 wounded", "147 died", "24 others wounded"."""
    i = after
    while i < len(doc) and (doc[i].lower_ in ("were", "was", "had", "have", "been", "are", "reported",
                                             "feared", "presumed", "confirmed", "believed", "still",
                                             "later", "seriously", "critically", "slightly", "badly",
                                             "also", "all", "more", "left", "rendered", "made", "went", "gone",
                                             "go", "were", "later", "being") or doc[i].is_space):
        if doc[i].lower_ in ("were", "was", "had", "have", "are", "been") and i > after + 2:
            break
        i += 1
    if i < len(doc):
        tok = doc[i]
        word = tok.lower_
        if word in ("flee", "fled", "die", "dies") and tok.i == after:
            return ("displaced" if word.startswith("fle") else "killed"), tok.i  # headline "18,000 flee"
        if word in ("froze", "frozen", "starved", "burned", "burnt") and i + 2 < len(doc) \
                and doc[i + 1].lower_ == "to" and doc[i + 2].lower_ == "death":
            return "killed", i + 2
        if word in ("dead", "killed", "died", "drowned", "perished", "wounded", "injured", "hurt",
                    "missing", "homeless", "displaced", "kidnapped", "abducted", "arrested", "detained",
                    "captured", "deaths", "casualties", "fatalities", "unaccounted", "recaptured"):
            return lx.OUTCOME_NOUNS.get(word) or lx.OUTCOME_VERBS.get(_lemma(tok)), tok.i
        if word in ("taken", "held", "kept") and i + 1 < len(doc) and doc[i + 1].lower_ in (
                "hostage", "hostages", "prisoner", "prisoners", "captive", "captives"):
            return "captured", i + 1
        if word in ("suffered", "sustained") and i + 2 < len(doc):
            for t in doc[i + 1:i + 4]:
                if t.lower_ in ("injuries", "wounds", "injury", "burns"):
                    return "injured", tok.i
    return None, -1


def _toll_outcome(num_tok: Token, head: Token) -> str | None:
    """"death toll of 11", "the toll stands at 1,270", "toll soaring to nearly 85,000"."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head
        gov = prep.head
        nouns: list[Token] = []
        if gov.pos_ in ("NOUN", "PROPN"):
            nouns.append(gov)
        elif _lemma(gov) in _TOLL_VERBS or gov.pos_ in ("VERB", "AUX"):
            nouns.extend(c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
            if gov.dep_ in ("acl", "advcl", "relcl") and gov.head.pos_ in ("NOUN", "PROPN"):
                nouns.append(gov.head)
        for noun in nouns:
            words = {noun.lower_} | {c.lower_ for c in noun.subtree}
            if noun.lower_ in _TOLL_NOUNS or noun.lower_ in ("death", "deaths", "loss", "casualties"):
                if words & {"death", "dead", "killed", "toll", "deaths", "lives", "fatalities",
                            "casualties", "loss", "died"}:
                    return "killed"
                if words & {"injured", "wounded", "injuries"}:
                    return "injured"
                if words & {"missing"}:
                    return "missing"
    if head.dep_ in ("dobj", "attr") and _lemma(head.head) in ("include", "reach", "exceed", "top", "hit",
                                                               "pass", "surpass", "be"):
        for subj in head.head.children:
            if subj.dep_ == "nsubj" and subj.lower_ in _TOLL_NOUNS | {"deaths", "dead"}:
                words = {t.lower_ for t in subj.subtree}
                if subj.lower_ != "toll" and not words & {"dead", "death", "deaths", "killed", "toll"}:
                    continue
                return "killed"
    return None


def _relcl_outcome(head: Token) -> str | None:
    """"two people who died of their injuries", "11 workers who were killed"."""
    for child in head.children:
        if child.dep_ in ("relcl", "acl"):
            lemma = _lemma(child)
            passive = any(c.dep_ == "auxpass" for c in child.children) or (
                child.dep_ == "acl" and child.tag_ == "VBN")
            if lemma in _INTRANSITIVE or (passive and lemma in lx.OUTCOME_VERBS and lemma not in lx.WEAK_VERBS):
                return lx.OUTCOME_VERBS[lemma]
    return None


def _np_outcome(head: Token, num_tok: Token) -> str | None:
    """Outcome inside the noun phrase: its head ("deaths") or a modifier ("three dead children")."""
    if head.i != num_tok.i:
        word = _outcome_word(head) if head.pos_ in ("NOUN", "ADJ", "PROPN") else None
        if word and head.lower_ in lx.OUTCOME_NOUNS:
            return word
    for child in head.children:
        if child.dep_ in ("amod", "compound") and child.i < head.i and child.lower_ in lx.OUTCOME_NOUNS \
                and child.lower_ not in lx.WEAK_NOUNS:
            return lx.OUTCOME_NOUNS[child.lower_]
    # "140 patients ... most with bullet injuries"
    if head.lower_ in ("patients", "victims", "casualties"):
        words = {t.lower_ for t in head.subtree}
        if head.lower_ == "casualties":
            return "killed"
        if words & {"injuries", "wounds", "injured", "wounded"}:
            return "injured"
    # "the names of 111 corpses", "bodies of 35 Afghan forces"
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        owner = head.head.head
        if owner.lower_ in ("bodies", "corpses", "remains", "deaths", "death", "loss", "lives", "slaughter",
                            "killing", "killings", "massacre", "murder", "murders", "execution",
                            "executions", "massacring"):
            return "killed"
        if owner.lower_ in ("abduction", "abductions", "kidnapping", "kidnappings", "detention", "arrest",
                            "arrests", "capture"):
            return "captured"
        if owner.lower_ in ("displacement", "evacuation", "exodus", "expulsion", "flight"):
            return "displaced"
        if owner.lower_ in ("names", "list", "lists") and head.lower_ in lx.OUTCOME_NOUNS:
            return lx.OUTCOME_NOUNS[head.lower_]
    if head.lower_ in ("lives",) and head.dep_ in ("dobj", "pobj"):
        gov = head.head if head.dep_ == "dobj" else head.head.head
        if _lemma(gov) in ("claim", "take", "cost", "lose", "loss", "sacrifice") or gov.lower_ == "loss":
            return "killed"
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


_STATE_NOUNS = {"hostage", "hostages", "prisoner", "prisoners", "captives", "refugees", "wounded", "injured",
                "missing", "displaced", "patients", "detainees"}


def _figure_outcome(doc: Doc, num_tok: Token, head: Token, np_end: int) -> tuple[str | None, str]:
    """Find the outcome of a candidate, most specific cue first.

    A noun that names a state ("hostages", "wounded") gives way to a verb that says what then
    happened to them ("nine hostages had been killed")."""
    first, role = _clause_role(head)
    verb_outcome: tuple[str | None, str] = (None, "")
    if role in ("nsubj", "nsubjpass", "dobj", "attr", "oprd") and first.head.pos_ in ("VERB", "AUX"):
        verb_outcome = _verb_outcome(first.head, role, head)
    outcome = _np_outcome(head, num_tok)
    if outcome:
        if head.lower_ in _STATE_NOUNS and verb_outcome[0] and verb_outcome[0] != outcome:
            return verb_outcome
        return outcome, "noun-phrase"
    of_obj = _of_object(head)
    if of_obj is not None and of_obj.lower_ in lx.OUTCOME_NOUNS and of_obj.lower_ not in lx.WEAK_NOUNS:
        if of_obj.lower_ in _STATE_NOUNS and verb_outcome[0]:
            return verb_outcome  # "One of the wounded died"
        return lx.OUTCOME_NOUNS[of_obj.lower_], "noun-phrase"  # "dozens of bodies"
    outcome, _ = _adjacent_outcome(doc, np_end)
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


def _groups(head: Token, num_tok: Token, doc: Doc) -> list[str]:
    """Victim groups named in the figure's noun phrase (ANNOTATION.md: groups)."""
    found: list[str] = []
    tokens: list[Token] = []
    if head.i != num_tok.i:
        tokens.append(head)
        tokens.extend(c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i)
        for conj in head.conjuncts:
            if conj.i > head.i and conj.pos_ in ("NOUN", "PROPN") and not any(
                    c.dep_ == "nummod" for c in conj.children):
                tokens.append(conj)
        of_obj = _of_object(head)
        if of_obj is not None:
            tokens.extend(t for t in of_obj.subtree)
        # "more than 450 Azeris, many of them women and children" / "258 of them civilians"
        for t in head.subtree:
            if t.i > head.i and t.lower_ == "them" and t.head.lower_ == "of":
                tokens.extend(x for x in doc[t.i + 1:min(len(doc), t.i + 5)] if x.pos_ == "NOUN")
    else:
        # "258 of them civilians": nouns right after "of them"
        nxt = doc[num_tok.i + 1:num_tok.i + 6]
        if len(nxt) >= 2 and nxt[0].lower_ == "of" and nxt[1].lower_ == "them":
            tokens.extend(t for t in nxt[2:] if t.pos_ == "NOUN")
    # "51 were women", "77 were women or children": attribute of a copula
    if head.dep_ == "nsubj" and _lemma(head.head) == "be":
        for child in head.head.children:
            if child.dep_ in ("attr", "acomp"):
                tokens.append(child)
                tokens.extend(child.conjuncts)
    for tok in tokens:
        word = tok.lower_
        group = lx.GROUP_WORDS.get(word)
        if word in ("officers", "officer") and any(t.lower_ in ("army", "military") for t in tokens):
            group = "combatants"
        if word == "forces" and not any(t.lower_ in ("security", "armed", "afghan", "government",
                                                     "military", "special", "ground") or t.ent_type_
                                        for t in tokens if t.i != tok.i) and tok.i != head.i:
            group = None
        if word == "guards" and tok.text[:1].isupper():
            group = "combatants"  # "Revolutionary Guards", "National Guards"; prison guards are no group
        if word in ("aid",) and not any(t.lower_ == "workers" for t in tokens):
            group = None
        if group and group not in found:
            found.append(group)
    if head.i != num_tok.i and head.lower_ == "members" and of_obj_is_security(head):
        if "combatants" not in found:
            found.append("combatants")
    return found


def of_obj_is_security(head: Token) -> bool:
    obj = _of_object(head)
    if obj is None:
        return False
    words = {t.lower_ for t in obj.subtree}
    return bool(words & {"security", "forces", "army", "military", "militia", "guard", "troops",
                         "directorate", "battalion", "brigade", "regiment", "police"})


def find_figure_mentions(doc: Doc, norm_text: str) -> list[FigureMention]:
    """Every casualty figure of a parsed (normalised) text, in text order."""
    mentions: list[FigureMention] = []
    for num in find_numbers(norm_text):
        toks = _token_at(doc, num.num_start, num.end)
        if not toks or _filtered(num, norm_text, toks):
            continue
        inside = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in inside and not t.is_punct]
        num_tok = roots[-1] if roots else toks[-1]
        if num_tok.is_space or num_tok.is_punct:
            continue
        head = _np_head(num_tok)
        of_obj = _of_object(head) if head.i == num_tok.i or head.pos_ == "NUM" else None
        noun = of_obj if of_obj is not None else head
        if num.count.value == 1 and (noun.i == num_tok.i or noun.lower_ in ("of",)) and of_obj is None:
            # "one" alone is a pronoun far more often than a count ("the other one")
            if not _adjacent_outcome(doc, num_tok.i + 1)[0]:
                continue
        if num_tok.i + 1 < len(doc) and doc[num_tok.i + 1].lower_ == "of" and num.count.value == 1 and not (
                of_obj is not None and of_obj.lower_ in lx.OUTCOME_NOUNS):
            continue  # "one of three soldiers to survive" (but "One of the wounded died")
        right_after, _ = _adjacent_outcome(doc, num_tok.i + 1)
        if head.i != num_tok.i and right_after and num_tok.i + 1 <= head.i \
                and doc[num_tok.i + 1].lower_ in ("flee", "fled", "froze", "die", "dies", "died"):
            head = noun = num_tok  # headline grammar: "18,000 flee fighting", "six froze to death"
            of_obj = None
        if not _people_like(noun, num_tok, norm_text):
            continue
        np_end_tok = max(head.i, num_tok.i)
        conj_end = max([c.i for c in head.conjuncts if c.i > head.i and not any(
            g.dep_ == "nummod" for g in c.children)], default=np_end_tok)
        if not _adjacent_outcome(doc, np_end_tok + 1)[0] and _adjacent_outcome(doc, conj_end + 1)[0]:
            np_end_tok = conj_end
        outcome, rule = _figure_outcome(doc, num_tok, head, np_end_tok + 1)
        if outcome is None and of_obj is not None:
            outcome, rule = _figure_outcome(doc, num_tok, of_obj, of_obj.i + 1)
        start = num.start
        if of_obj is not None and of_obj.i > np_end_tok and of_obj.i - num_tok.i <= 6:
            np_end_tok = of_obj.i  # "hundreds of Western tourists"
        adjacent, adj_i = _adjacent_outcome(doc, np_end_tok + 1)
        if noun.i == num_tok.i and adjacent and 0 < adj_i - np_end_tok <= 2:
            np_end_tok = adj_i  # "58 wounded", "25 hurt": the anchor names the outcome
        elif noun.i == head.i and head.i != num_tok.i:
            np_end_tok = max([np_end_tok] + [c.i for c in head.conjuncts if c.i > head.i and c.i - head.i <= 4
                                             and not any(g.dep_ == "nummod" for g in c.children)])
        end_tok = doc[np_end_tok]
        end = max(num.end, end_tok.idx + len(end_tok.text))
        mention = FigureMention(start=start, end=end, count=num.count, outcome=outcome or "", number=num,
                                num_token=num_tok, head=head, rule=rule, sentence=num_tok.sent)
        mention.groups = _groups(head, num_tok, doc)
        if of_obj is not None and not mention.groups:
            mention.groups = _groups(of_obj, num_tok, doc)
        mentions.append(mention)
    link_subsets(doc, mentions)
    kept = [m for m in mentions if m.outcome]
    _inherit_groups(kept)
    return kept


def _inherit_groups(mentions: list[FigureMention]) -> None:
    """A bare number in a list takes the groups of the figure before it ("killing over 100
    civilians and wounding over 400", "29 soldiers were killed and 58 wounded")."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if m.head.i == m.num_token.i and not m.groups and prev.sentence == m.sentence and m.part_of is None \
                and prev.part_of is None:
            m.groups = list(prev.groups)
