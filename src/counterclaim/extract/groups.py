"""Victim groups of a figure (ANNOTATION.md ``groups``).

Groups come from the figure's own noun phrase: its head and modifiers ("613 Ruritanian
civilians"), coordinated nouns ("men, women and children"), "members of the security forces",
"many of them women and children", "258 of them civilians", and the attribute of a copula
("51 were women"). A bare number in a list takes the groups of the figure before it
("killing over 100 civilians and wounding over 400").

Deliberately not inferred: groups implied only by the wider context ("the dead were mostly
from the army"), and prison or security guards (no group in the scheme).

>>> # "Gunmen killed 12 women and children."  →  women, children
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from counterclaim.extract import lexicon as lx
from counterclaim.extract.frames import hits_at, word_list
from counterclaim.extract.outcomes import of_object

_OFFICERS = word_list("officer_words", "group_cues.json")
_ARMY = word_list("army_words", "group_cues.json")
_FORCE_MODIFIERS = word_list("force_modifiers", "group_cues.json")
_AID = word_list("aid_words", "group_cues.json")
_AID_PARTNERS = word_list("aid_partners", "group_cues.json")

if TYPE_CHECKING:
    from counterclaim.extract.figures import FigureMention


def figure_groups(head: Token, num_tok: Token, doc: Doc) -> list[str]:
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
        of_obj = of_object(head)
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
    # (the group-attribute cues of group_cues.json; "six deaths were of children")
    for hit in hits_at(head, "group-attribute"):
        if "obj" in hit.nodes:
            tokens.append(doc[hit.nodes["obj"]])
        else:
            tokens.append(doc[hit.nodes["comp"]])
            tokens.extend(doc[hit.nodes["comp"]].conjuncts)
    for tok in tokens:
        word = tok.lower_
        group = lx.GROUP_WORDS.get(word)
        if word in _OFFICERS and any(t.lower_ in _ARMY for t in tokens):
            group = "combatants"
        if word == "forces" and not any(t.lower_ in _FORCE_MODIFIERS or t.ent_type_
                                        for t in tokens if t.i != tok.i) and tok.i != head.i:
            group = None
        if word == "guards" and tok.text[:1].isupper():
            group = "combatants"  # "Revolutionary Guards", "National Guards"; prison guards are no group
        if word in _AID and not any(t.lower_ in _AID_PARTNERS for t in tokens):
            group = None
        if group and group not in found:
            found.append(group)
    # "service members", "members of the security forces": the group cues of group_cues.json
    if head.i != num_tok.i and hits_at(head, "group") and "combatants" not in found:
        found.append("combatants")
    return found


def inherit_groups(mentions: list[FigureMention]) -> None:
    """A bare number in a list takes the groups of the figure before it ("killing over 100
    civilians and wounding over 400", "29 soldiers were killed and 58 wounded")."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if m.head.i == m.num_token.i and not m.groups and prev.sentence == m.sentence and m.part_of is None \
                and prev.part_of is None:
            m.groups = list(prev.groups)
