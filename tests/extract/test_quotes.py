"""Quotation marks, what counts as a quotation, and W003 on invented sentences."""

from __future__ import annotations

import pytest

from counterclaim.extract.quotemarks import find_stretches
from counterclaim.nlp.normalize import normalize


def stretches(text: str) -> list[str]:
    norm = normalize(text)
    found, _ = find_stretches(norm)
    return [norm.text[q.start:q.end] for q in found]


def diagnostics(text: str) -> list[str]:
    return [d.code for d in find_stretches(normalize(text))[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Elin Vasquez said: “We will rebuild Tarnby.”", ["We will rebuild Tarnby."]),
        ('"The bridge is gone," said Karl Obst, a local farmer.', ["The bridge is gone,"]),
        ("‘We saw the flames from the hill,’ said Ana Ruiz.", ["We saw the flames from the hill,"]),
        ("‘We didn’t sleep at all,’ she said.", ["We didn’t sleep at all,"]),
        ("Tarnby’s mayor visited Ostrava’s hospital and the farmers' market.", []),
        ("He said: “ Before the flood, the river was calm.”", ["Before the flood, the river was calm."]),
        ('The few survivors described it:" The water came at night," said Obst.', ["The water came at night,"]),
        ('officials said."We have no power," said Obst.', ["We have no power,"]),
        ("“He told me ‘leave now’ and I ran,” said Ruiz.", ["He told me ‘leave now’ and I ran,"]),
        ('"First," he said. "Second," she said.', ["First,", "Second,"]),
        ("the 1990s' floods and the soldiers' barracks", []),
    ],
)
def test_marks_pair_into_stretches(text, expected):
    assert stretches(text) == expected


def test_quotation_reopened_in_each_paragraph_is_one():
    text = ('Vasquez said: "The water came at night.\n\n"By morning the square was gone.\n\n'
            '"Nobody slept," she added.')
    found = stretches(text)
    assert len(found) == 1
    assert found[0].startswith("The water came") and found[0].endswith("Nobody slept,")


def test_quotation_closed_only_in_its_last_paragraph_is_one():
    text = ("The reporter wrote, “The lorries crawled along the pass.\n\n"
            "Children sat on the sacks.\n\nThe drivers did not stop. ”\n\nThe convoy reached Tarnby.")
    found = stretches(text)
    assert found == ["The lorries crawled along the pass.\n\nChildren sat on the sacks.\n\nThe drivers did not stop."]


def test_mark_left_open_at_paragraph_end_runs_to_the_end_with_w003():
    text = "Obst said: “The dam broke at dawn and nobody warned us.\n\nThe council met on Monday."
    assert stretches(text) == ["The dam broke at dawn and nobody warned us."]
    assert diagnostics(text) == ["W003"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('The mayor said "we are ready and "It was a shock," said Karl Obst.', ["It was a shock,"]),
        ("Flood waters rose” overnight. “We lost everything,” said Ana Ruiz.", ["We lost everything,"]),
    ],
)
def test_unbalanced_marks_are_skipped_with_w003_and_others_survive(text, kept):
    assert stretches(text) == kept
    assert "W003" in diagnostics(text)


def test_w003_span_is_the_mark_in_normalised_offsets():
    norm = normalize("Flood waters rose” overnight.")
    _, diags = find_stretches(norm)
    (diag,) = diags
    assert norm.text[diag.span[0]:diag.span[1]] == "”"
    assert diag.message.startswith("W003")


# ---------------------------------------------------------------- with the model


def quotes(text: str) -> list[str]:
    from counterclaim.extract.quotes import find_quotes
    from counterclaim.nlp import load_nlp

    norm = normalize(text)
    found, _ = find_quotes(norm, load_nlp()(norm.text))
    return [norm.text[q.start:q.end] for q in found]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Elin Vasquez said: “We will rebuild Tarnby.”", ["We will rebuild Tarnby."]),
        ("“It was scary,” said Ana Ruiz, who runs the bakery.", ["It was scary,"]),
        # titles and names in marks
        ('In 2010 the "Save Tarnby" campaign was launched.', []),
        ("The council declared May 4 as “Tarnby Memorial Day” last year.", []),
        ("The book “Rivers of Ash” tells the story of the flood.", []),
        # scare quotes
        ("The minister called the flood an “incident”.", []),
        ("Rebels have “unilaterally” changed the terms.", []),
        ('The camp lies north of the so-called "green line" along the river.', []),
        ("The government asked donors to supply “water purification tablets” to the town.", []),
        ("The minister said the “zero tolerance” policy would continue.", []),
        ("The slogan “Never again” was painted on the wall of the school.", []),
        ("The group, which calls itself the “Army of the Valley”, claimed the attack.", []),
        ("Locals have dubbed him “the butcher of the valley” since the raid.", []),
        # offences listed as terms
        ("An inquiry was opened for “reckless endangerment of life” and “criminal negligence”.", []),
        # partial quotations of someone's words
        ("The council said the “reckless neighbours” had caused the fire.", ["reckless neighbours"]),
        ("Rebels accused the army of a “campaign of terror.”", ["campaign of terror."]),
        ("One official called it “a disaster of a scale never seen before.”",
         ["a disaster of a scale never seen before."]),
        ("He shouted “Get out now” and ran towards the river.", ["Get out now"]),
        ("Five guards were jailed for allegedly “helping the prisoners escape from the fort.”",
         ["helping the prisoners escape from the fort."]),
        ("Vasquez told Radio Tarnby that the town had received “barely a tenth of it” so far.",
         ["barely a tenth of it"]),
        ("The governor sent orders for “roads, bridges and schools in the valley” to be rebuilt.",
         ["roads, bridges and schools in the valley"]),
    ],
)
def test_what_counts_as_a_quotation(text, expected):
    assert quotes(text) == expected


@pytest.mark.slow
def test_unbalanced_mark_does_not_drop_the_other_quotes():
    from counterclaim.extract.quotes import find_quotes
    from counterclaim.nlp import load_nlp

    text = ('Flood waters rose” overnight in Tarnby. "We lost everything," said Ana Ruiz. '
            '"The school is gone," said Karl Obst.')
    norm = normalize(text)
    found, diags = find_quotes(norm, load_nlp()(norm.text))
    assert [norm.text[q.start:q.end] for q in found] == ["We lost everything,", "The school is gone,"]
    assert [d.code for d in diags] == ["W003"]


_MARKS = ["“", "”", '"', "‘", "’", "'", "«", "»"]


def test_any_mix_of_marks_gives_valid_stretches():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    piece = st.sampled_from(_MARKS + ["word", " ", "Name", ".", ",", "\n\n", ":", "it's"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(piece, max_size=40))
    def check(parts: list[str]) -> None:
        norm = normalize("".join(parts))
        found, diags = find_stretches(norm)
        last_end = -1
        for q in found:
            assert 0 <= q.start < q.end <= len(norm.text)
            assert q.start >= last_end
            last_end = q.end
        for d in diags:
            assert d.code == "W003" and norm.text[d.span[0]] in _MARKS

    check()


@pytest.mark.slow
def test_a_run_of_marks_gives_a_bounded_number_of_diagnostics_and_keeps_the_other_quotes():
    from counterclaim import extract_text

    for run in (300, 3000):
        r = extract_text("He said " + '"' * run + ' and left. "We are fine," said Ana Ruiz.')
        assert len(r.diagnostics) <= 21 and all(d.code == "W003" for d in r.diagnostics)
        assert [(q.text, q.speaker.name if q.speaker else None) for q in r.quotes] == [("We are fine,", "Ana Ruiz")]


def test_long_unbroken_runs_are_broken_in_the_parse_copy_only():
    text = "x" * 250 + " died."
    norm = normalize(text)
    assert norm.original == text and max(len(w) for w in norm.text.split()) <= 100
    assert all(norm.original[o] == ch for ch, o in zip(norm.text, norm.origin, strict=True) if not ch.isspace())


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was ordered, demanded or named is no quotation, even inside a reported clause
        ("The minister said he had ordered 'heightened alert' from all units in the north.", []),
        ("Officials said the mayor had demanded “immediate evacuation” of the lower town.", []),
        ("The commander said his men had dubbed the ridge “the furnace” after the first week.", []),
        # negative: words said in a reported clause stay a quotation
        ("The minister said the attack was “a cowardly act against all of us”.", ["a cowardly act against all of us"]),
    ],
)
def test_what_was_ordered_or_named_is_no_quotation(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected
