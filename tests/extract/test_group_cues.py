"""The group cues of ``lexicons/data/group_cues.json``: "service members", "members of the security
forces" name combatants (invented sentences parsed by the model, and hand-built parses)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from counterclaim import extract_text
from counterclaim.extract.frames import frame_hits, load_cues

NLP = spacy.blank("en")

# cue: (three sentences it is found in, one it is not)
CUES: dict[str, tuple[list[str], str]] = {
    "service-members": (["Four service members were killed.", "Two US service members died.",
                         "The attack wounded 12 service members."], "Four staff members were killed."),
    "members-of-the-forces": (["Nine members of the security forces died.", "Gunmen killed 12 members of the police.",
                               "Six members of the army were wounded."], "Nine members of the family died."),
    "members-of-a-force": (["Gunmen killed five members of an army patrol.",
                            "Three members of a police unit were hurt.",
                            "Four members of advancing army units died."],
                           "Three members of a local choir were hurt."),
}


def group_cues(doc: Doc) -> set[str]:
    return {h.frame.name for (family, _), hits in frame_hits(doc, cues=True).items() for h in hits
            if family == "group"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (texts, _) in CUES.items() for t in texts])
def test_the_cue_is_found_and_names_combatants(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    assert name in group_cues(load_nlp()(text))
    assert [f.groups.count("combatants") for f in extract_text(text).figures] == [1]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_, t) in CUES.items()])
def test_the_cue_is_not_found(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    assert name not in group_cues(load_nlp()(text))
    assert all("combatants" not in f.groups for f in extract_text(text).figures)


def members_of(participle: str, noun: str, modifier: str | None = None) -> Doc:
    """"members of fleeing (security) forces" as the parser reads it: a clause after "of"."""
    words = ["members", "of", participle] + ([modifier] if modifier else []) + [noun]
    heads = [0, 0, 1] + ([len(words) - 1] if modifier else []) + [2]
    deps = ["ROOT", "prep", "pcomp"] + (["compound"] if modifier else []) + ["dobj"]
    return Doc(NLP.vocab, words=words, heads=heads, deps=deps)


@pytest.mark.parametrize(("d", "name"), [
    (members_of("fleeing", "forces", "security"), "members-of-fighting-forces"),
    (members_of("retreating", "units", "army"), "members-of-fighting-forces"),
    (members_of("advancing", "troops"), "members-of-fighting-troops"),
    (members_of("guarding", "police"), "members-of-fighting-troops"),
])
def test_a_force_after_a_participle(d: Doc, name: str) -> None:
    assert name in group_cues(d)


@pytest.mark.parametrize("d", [members_of("visiting", "choirs"), members_of("fleeing", "families", "local")])
def test_no_force_after_a_participle(d: Doc) -> None:
    assert not group_cues(d)


def test_every_group_cue_has_cases() -> None:
    names = {f.name for f in load_cues() if f.family == "group"}
    assert names == set(CUES) | {"members-of-fighting-forces", "members-of-fighting-troops"}


# the words after a copula that name the groups of its subject: (three sentences, one without)
ATTRIBUTES: dict[str, tuple[list[str], str]] = {
    "copula-attribute": (["Forty people died; 51 were women.", "Of the 90 dead, 12 were children.",
                          "Of the victims, 77 were women or children."], "Forty people died; 51 fled with women."),
    "copula-of": (["Of the 90 deaths, six were of children.", "Of the dead, 20 were of soldiers.",
                   "Of the 90 dead, 12 were children."], "Six deaths were in the city."),
}


def attribute_cues(doc: Doc) -> set[str]:
    return {h.frame.name for (family, _), hits in frame_hits(doc, cues=True).items() for h in hits
            if family == "group-attribute"}


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (texts, _) in ATTRIBUTES.items() for t in texts])
def test_the_attribute_cue_is_found(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    assert name in attribute_cues(load_nlp()(text))


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text"), [(n, t) for n, (_, t) in ATTRIBUTES.items()])
def test_the_attribute_cue_is_not_found(name: str, text: str) -> None:
    from counterclaim.nlp import load_nlp

    assert name not in attribute_cues(load_nlp()(text))


@pytest.mark.slow
@pytest.mark.parametrize(("text", "part"), [("Of the 90 dead, 12 were children.", "12"),
                                            ("Of the 90 deaths, six were of children.", "six")])
def test_the_attribute_names_the_groups_of_a_bare_number(text: str, part: str) -> None:
    groups = {f.text: f.groups for f in extract_text(text).figures}
    assert groups.get(part) == ("children",), groups


def test_every_attribute_cue_has_cases() -> None:
    assert {f.name for f in load_cues() if f.family == "group-attribute"} == set(ATTRIBUTES)
