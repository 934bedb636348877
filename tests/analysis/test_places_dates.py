"""Wire datelines, the country a text gives a place, and the gazetteer (no model needed)."""

from __future__ import annotations

import pytest

from counterclaim.analysis.incidents import place_country
from counterclaim.read.byline import detect_byline, find_wire_dateline
from counterclaim.reconcile.gazetteer import locate


@pytest.mark.parametrize(("line", "expected"), [
    ("RIVERTON, 1 SEP 88 (VALLEY TELEVISION CHANNEL 1) -- [REPORT] The mayor said", ("1988-09-01", "VALLEY "
                                                                                     "TELEVISION CHANNEL 1")),
    ("HILLTOWN (NORTHLAND), 21 FEB 90 (RADIO NORTH) -- [TEXT] In the past hours", ("1990-02-21", "RADIO NORTH")),
    ("PORT AMBER, 3 JAN 19 (DAILY WIRE) -- The harbour", ("2019-01-03", "DAILY WIRE")),
    ("LAKESIDE, NO DATE (MONITOR SERVICE) -- [CONTINUED] The announcer", (None, "MONITOR SERVICE")),
    ("EASTON (UPI) -- Five soldiers were", (None, "UPI")),
    ("WESTFORD, March 5 - Officials said", (None, None)),
    ("WESTFORD, Northland, 12 May 2019 - Officials said", ("2019-05-12", None)),
    ("NEW TOWN, Dec. 29, 2004 (UPI) -- With the toll rising", ("2004-12-29", "UPI")),
    ("The army said (officially) that it had won.", None),
    ("At least 12 people were killed, police said.", None),
])
def test_wire_datelines_of_every_common_form(line: str, expected: tuple[str | None, str | None] | None) -> None:
    assert find_wire_dateline(line) == expected


def test_a_two_digit_dateline_dates_the_document() -> None:
    meta = detect_byline("RIVERTON, 1 SEP 88 (VALLEY TELEVISION CHANNEL 1) -- [TEXT] Gunmen killed ten people.")
    assert meta.published == "1988-09-01" and meta.publisher == "VALLEY TELEVISION CHANNEL 1"


@pytest.mark.parametrize(("text", "place", "code"), [
    ("A bomb in Bogota, Colombia, killed ten.", "Bogota", "CO"),
    ("It exploded in South Africa's biggest black township of Soweto this morning.", "Soweto", "ZA"),
    ("The ferry capsized off the Belgian port of Zeebrugge.", "Zeebrugge", "BE"),
    ("VALLEDUPAR (COLOMBIA), 21 FEB 90 (RADIO) -- x", "VALLEDUPAR", "CO"),
    ("Armenia's forces entered Khojaly; Armenia denied it.", "Khojaly", None),  # a party is no qualifier
])
def test_the_country_a_text_gives_the_place_itself(text: str, place: str, code: str | None) -> None:
    assert place_country(text, place) == code


@pytest.mark.parametrize(("name", "country", "precision"), [
    ("Khojaly", "AZ", 1), ("Hojali", "AZ", 1), ("Xocalı", "AZ", 1), ("Khodzhaly", "AZ", 1),
    ("Bogota", "CO", 1), ("BOGOTA", "CO", 1), ("Basra", "IQ", 1), ("Soweto", "ZA", 1),
    ("Aceh", "ID", 4), ("Kerala", "IN", 4), ("Iraq", "IQ", 6),
])
def test_gazetteer_places(name: str, country: str, precision: int) -> None:
    found = locate(name)
    assert found is not None and (found.country, found.precision) == (country, precision)
    if precision == 1:
        assert found.latitude is not None and found.adm_1_code and found.geonameid


def test_gazetteer_refuses_far_fetched_variants() -> None:
    assert locate("Zeebrugge") is None  # a small town outside the data: no stranger's alternate name
    assert locate("Nowhereville") is None
    hinted = locate("Agdam", "AZ")  # a variant spelling is taken when the text puts the place in that country
    assert hinted is not None and (hinted.name, hinted.precision) == ("Aghdam", 1)


def test_the_gazetteer_index_leaves_the_garbage_collector_nothing_to_walk() -> None:
    # 200,000 spellings: kept as lists, every full collection of a server process walked them all
    import gc

    from counterclaim.reconcile import gazetteer

    assert gazetteer.locate("Basra") is not None
    index = gazetteer._index()
    gc.collect()
    sample = list(index.keys.values())[:5000]
    assert sample and not any(gc.is_tracked(found) for found in sample)
