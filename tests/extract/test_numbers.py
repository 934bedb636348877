"""Counts and qualifiers as written (no model needed)."""

import pytest

from counterclaim.extract.numbers import find_numbers, word_value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,275", 1275),
        ("seventy-six", 76),
        ("Thirty-three", 33),
        ("a dozen", 12),
        ("two dozen", 24),
        ("one hundred and twenty", 120),
        ("2.4 million", 2_400_000),
        ("three thousand", 3000),
        ("zebra", None),
    ],
)
def test_word_value(text, expected):
    assert word_value(text) == expected


@pytest.mark.parametrize(
    ("text", "found", "value", "low", "high", "qualifier"),
    [
        ("at least 200 people", "at least 200", 200, 200, 200, "at_least"),
        ("more than 1,500 dead", "more than 1,500", 1500, 1500, 1500, "more_than"),
        ("over 400 wounded", "over 400", 400, 400, 400, "more_than"),
        ("nearly 85,000 deaths", "nearly 85,000", 85000, 85000, 85000, "approx"),
        ("some 130 more", "some 130", 130, 130, 130, "approx"),
        ("up to 2,000 dead", "up to 2,000", 2000, 2000, 2000, "at_most"),
        ("as many as 90 villagers", "as many as 90", 90, 90, 90, "at_most"),
        ("500-1,000 people", "500-1,000", None, 500, 1000, "range"),
        ("between 10 and 20 dead", "between 10 and 20", None, 10, 20, "range"),
        ("ten to fifteen people", "ten to fifteen", None, 10, 15, "range"),
        ("dozens of bodies", "dozens", None, 24, 99, "vague"),
        ("hundreds of thousands fled", "hundreds of thousands", None, 200_000, 999_999, "vague"),
        ("hundreds, possibly thousands, missing", "hundreds, possibly thousands", None, 200, 9999, "vague"),
        ("more than two dozen fighters", "more than two dozen", 24, 24, 24, "more_than"),
    ],
)
def test_find_numbers(text, found, value, low, high, qualifier):
    m = find_numbers(text)[0]
    assert m.text == found
    assert text[m.start:m.end] == found
    assert (m.count.value, m.count.low, m.count.high, m.count.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize("text", ["L-39 bombers", "the 7th army", "a man", "several others", "many people"])
def test_not_numbers(text):
    assert find_numbers(text) == []


def test_hyphenated_word_number_is_not_a_range():
    assert [m.count.value for m in find_numbers("seventy-six children")] == [76]
