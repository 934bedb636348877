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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On 3 March", "2025-03-14", "2025-03-03"),
        ("on 20 December", "2025-03-14", "2024-12-20"),
        ("in January", "2022-03-01", "2022-01"),
        ("in December", "2022-03-01", "2021-12"),
        ("Last year", "2025-03-14", "2024"),
        ("earlier this year", "2025-03-14", "2025"),
        ("last month", "2025-01-10", "2024-12"),
        ("in March last year", "2025-06-01", "2024-03"),
        ("February 12, 2021", "2025-03-14", "2021-02-12"),
        ("on Monday", "2025-03-14", None),
        ("On 3 March", None, None),
    ],
)
def test_resolve_date(text, published, expected):
    from counterclaim.extract.acts import resolve_date

    assert resolve_date(text, published) == expected


def acts_published(text: str, published: str | None) -> list[tuple[str, str | None, str, str | None]]:
    from counterclaim.extract.acts import find_acts
    from counterclaim.nlp import load_nlp

    norm = normalize(text)
    found = find_acts(norm, load_nlp()(norm.text), published=published)
    return [(a.jurisdiction, a.jurisdiction_code, a.act, a.date) for a in found]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # legislatures by their own name
        ("The Senedd adopted a motion marking the anniversary in 2019.", [("Wales", "GB-WLS", "resolution", "2019")]),
        ("The Verkhovna Rada voted to recognise the famine as genocide in 2006.",
         [("Ukraine", "UA", "resolution", "2006")]),
        ("In 2014 the Sejm adopted a resolution honouring the victims.", [("Poland", "PL", "resolution", "2014")]),
        # an elliptical clause after the trigger, each with its own date
        ("Chile adopted a resolution in 2010, as did Peru in 2012.",
         [("Chile", "CL", "resolution", "2010"), ("Peru", "PE", "resolution", "2012")]),
        ("Estonia and Latvia have adopted resolutions, as did the Bundestag in Germany in 2016 and the "
         "Kansas House of Representatives in 2019.",
         [("Estonia", "EE", "resolution", None), ("Latvia", "LV", "resolution", None),
          ("Germany", "DE", "resolution", "2016"), ("Kansas", "US-KS", "resolution", "2019")]),
        ("The Ohio State Senate passed a resolution on the massacre.", [("Ohio", "US-OH", "resolution", None)]),
        # jurisdictions pycountry does not know, presented by the text as one
        ("Ruritania's own parliament declared 14 June a national day of mourning in 1998.",
         [("Ruritania", None, "declaration", "1998")]),
        ("In 2003 Tarnovia's parliament passed a law that made 9 May a day of remembrance.",
         [("Tarnovia", None, "law", "2003")]),
        ("The parliaments of Estonia, Chile and Ruritania adopted resolutions.",
         [("Estonia", "EE", "resolution", None), ("Chile", "CL", "resolution", None),
          ("Ruritania", None, "resolution", None)]),
        ("The Tarnovia State Senate passed a resolution on the massacre.",
         [("Tarnovia", None, "resolution", None)]),
        ("President Ana Kovic declared three days of national mourning in Ruritania.",
         [("Ruritania", None, "declaration", None)]),
        # "signed a proclamation naming ...", parsed with another head
        ("The governor of Oregon signed a proclamation naming 3 March “Tarnby Remembrance Day” in the state.",
         [("Oregon", "US-OR", "proclamation", None)]),
        # an office-holder's act "in X" after the trigger
        ("The president declared a day of mourning in Estonia.", [("Estonia", "EE", "declaration", None)]),
        # not done, only debated, rejected, planned or in a vague total
        ("The Czech Senate debated a similar motion in January but did not adopt it.", []),
        ("The Estonian parliament did not adopt the resolution.", []),
        ("The Sejm rejected a resolution on the massacre.", []),
        ("A motion to recognise the massacre was rejected by the Polish Sejm.", []),
        ("The Knesset will vote on a resolution next week.", []),
        ("The Knesset is expected to adopt a resolution next week.", []),
        ("Lawmakers in Ruritania's parliament failed to pass a law on the anniversary.", []),
        ("Ruritania's parliament voted against the resolution.", []),
        ("Estonia introduced a bill on the massacre.", []),
        ("In all, many states in the US and more than 20 countries have marked the anniversary.", []),
        # not jurisdictions
        ("Ruritania's president declared war on Tarnovia.", []),
        ("Acme Steel's president signed a declaration on safety.", []),
        ("Real Madrid's president declared a day of mourning for the club.", []),
        ("Hamas's government declared three days of mourning.", []),
        ("The Arab Parliament adopted a resolution on the massacre.", []),
        ("Tarnby University's senate adopted a resolution on the massacre.", []),
        ("Tarnby's mayor signed a proclamation naming 3 March a day of remembrance.", []),
        ("President Ana Kovic declared a day of mourning in Tarnby.", []),
        ("The mayor declared a day of national mourning in Tarnby, the capital.", []),
        ("The governor of the province declared a day of national mourning in Tarnby.", []),
    ],
)
def test_acts_new_rules(text, expected):
    assert acts(text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On 12 May, the governor of Oregon signed a proclamation naming 3 March a day of remembrance.",
         "2023-06-01", [("Oregon", "US-OR", "proclamation", "2023-05-12")]),
        ("Last year Estonia passed a law making 9 May an official day of remembrance.",
         "2021-05-02", [("Estonia", "EE", "law", "2020")]),
        ("In December, the Lithuanian parliament passed a law making 3 March a day of remembrance.",
         "2022-03-01", [("Lithuania", "LT", "law", "2021-12")]),
        ("On August 2, President Ana Kovic declared Monday a day of national mourning in Ruritania.",
         "2020-08-02", [("Ruritania", None, "declaration", "2020-08-02")]),
        # the declared day is not the date of the act
        ("Ruritania's parliament declared 9 May a day of remembrance.", "2020-08-02",
         [("Ruritania", None, "declaration", None)]),
    ],
)
def test_acts_dated_by_publication(text, published, expected):
    assert acts_published(text, published) == expected


def test_the_act_word_lists_are_the_lexicon_files() -> None:
    from counterclaim import lexicons
    from counterclaim.extract import acts

    assert lexicons.mapping("act_nouns.tsv") == acts.ACT_NOUNS and acts.ACT_NOUNS["resolutions"] == "resolution"
    assert acts.DECLARE_VERBS == {"declare": "declaration", "proclaim": "proclamation"}
    assert lexicons.words("act_adopt_verbs.txt") == acts.ADOPT_VERBS and "ratify" in acts.ADOPT_VERBS
    assert {n for n in lexicons.names() if n.startswith("act_")} >= {"act_undone_verbs.txt", "act_day_words.txt"}
