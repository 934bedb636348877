"""Official acts, jurisdictions and ISO codes on invented sentences."""

from __future__ import annotations

import pytest

from counterclaim.extract.actplaces import find_places
from counterclaim.extract.acts import parse_date
from counterclaim.nlp.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 12, 2021", "2021-02-12"),
        ("12 February 2021", "2021-02-12"),
        ("in March 2015", "2015-03"),
        ("In 2016", "2016"),
        ("February 26", None),
        ("last week", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Czech Republic", [("Czech Republic", "CZ")]),
        ("Bosnia and Herzegovina and Peru", [("Bosnia and Herzegovina", "BA"), ("Peru", "PE")]),
        ("Minnesota and New Mexico", [("Minnesota", "US-MN"), ("New Mexico", "US-NM")]),
        ("Scotland, Wales and Northern Ireland",
         [("Scotland", "GB-SCT"), ("Wales", "GB-WLS"), ("Northern Ireland", "GB-NIR")]),
        ("Russia and Turkey", [("Russia", "RU"), ("Turkey", "TR")]),
        ("the US state of Georgia", [("United States", "US"), ("Georgia", "US-GA")]),
        ("the U.K. and the USA", [("United Kingdom", "GB"), ("United States", "US")]),
        ("Georgia's parliament", [("Georgia", "GE")]),
        ("Tarnby and Ostrava", []),
    ],
)
def test_places_and_codes(text, expected):
    assert [(p.name, p.code) for p in find_places(text)] == expected


def acts(text: str) -> list[tuple[str, str | None, str, str | None]]:
    from counterclaim.extract.acts import find_acts
    from counterclaim.nlp import load_nlp

    norm = normalize(text)
    found = find_acts(norm, load_nlp()(norm.text))
    return [(a.jurisdiction, a.jurisdiction_code, a.act, a.date) for a in found]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one act per jurisdiction in a list
        ("The parliaments of Estonia, Latvia and Lithuania have adopted resolutions condemning the massacre.",
         [("Estonia", "EE", "resolution", None), ("Latvia", "LV", "resolution", None),
          ("Lithuania", "LT", "resolution", None)]),
        ("So far the legislative bodies of the Czech Republic, Chile and Scotland have adopted resolutions.",
         [("Czech Republic", "CZ", "resolution", None), ("Chile", "CL", "resolution", None),
          ("Scotland", "GB-SCT", "resolution", None)]),
        # declarations by US states, with and without a date
        ("Last week, US state, Oregon has declared March 3 as “Tarnby Day” in memory of the victims.",
         [("Oregon", "US-OR", "declaration", None)]),
        ("Another US state - Vermont - has previously declared March 3 as a day of remembrance.",
         [("Vermont", "US-VT", "declaration", None)]),
        ("Oregon has declared March 3 as a day of remembrance. The declaration was signed on "
         "February 12, 2021 by Oregon Governor Lena Holm.",
         [("Oregon", "US-OR", "declaration", "2021-02-12")]),
        ("Oregon has declared March 3 as a day of remembrance. The declaration was signed on "
         "February 12, 2021 by the governor.",
         [("Oregon", "US-OR", "declaration", "2021-02-12")]),
        ("Oregon has declared March 3 as a day of remembrance. Estonia's parliament adopted a resolution "
         "in 2015.",
         [("Oregon", "US-OR", "declaration", None), ("Estonia", "EE", "resolution", "2015")]),
        # passive agent, date attached to the act
        ("A resolution condemning the attack was passed by the legislatures of Kansas and Ohio on 3 March 2015.",
         [("Kansas", "US-KS", "resolution", "2015-03-03"), ("Ohio", "US-OH", "resolution", "2015-03-03")]),
        ("Scotland's parliament approved a motion on the massacre in February 2019.",
         [("Scotland", "GB-SCT", "resolution", "2019-02")]),
        ("In 2016, Portugal's parliament passed a law recognising the famine as genocide.",
         [("Portugal", "PT", "law", "2016")]),
        ("The US states of Arkansas and Idaho have adopted resolutions on the massacre.",
         [("Arkansas", "US-AR", "resolution", None), ("Idaho", "US-ID", "resolution", None)]),
        ("The parliaments of ten countries, including Mexico and Peru, have adopted resolutions.",
         [("Mexico", "MX", "resolution", None), ("Peru", "PE", "resolution", None)]),
        ("The Lithuanian parliament adopted a resolution in 2012 condemning the massacre.",
         [("Lithuania", "LT", "resolution", "2012")]),
        ("Germany's Bundestag voted to recognize the massacre as genocide.",
         [("Germany", "DE", "resolution", None)]),
        ("The U.S. House of Representatives passed a resolution condemning the attack.",
         [("United States", "US", "resolution", None)]),
        ("Texas Governor Greg Abbott signed a proclamation declaring March 3 a day of remembrance.",
         [("Texas", "US-TX", "proclamation", None)]),
        # vague totals and things that are no act
        ("Over 20 US states have recognized the massacre as genocide.", []),
        ("Many states of the United States have adopted resolutions on the massacre.", []),
        ("The tragedy is commemorated by parliamentary acts adopted in numerous countries.", []),
        ("Ruritania declared war on Estonia in 1920.", []),
        ("Estonia has liberated its land and restored its borders.", []),
        ("The act of genocide committed in Tarnby shocked Latvia.", []),
        ("Armenia and Azerbaijan signed a ceasefire agreement in 1994.", []),
        ("Officials in Ohio and Texas said the law would not change.", []),
        ("The European Parliament adopted a resolution on the massacre.", []),
    ],
)
def test_acts(text, expected):
    assert acts(text) == expected
