"""The pure rules of the ledger: sources, countries, places, dates, event names (no model, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from counterclaim.analysis.countries import adjective, country, is_country_name
from counterclaim.analysis.dates import date_mentions, time_spans
from counterclaim.analysis.places import event_names, lexical_places, place_key, same_place, split_name
from counterclaim.reconcile.claimants import normalise
from counterclaim.reconcile.grouping import slug

# -- sources ---------------------------------------------------------------------------------

SAME_SOURCE = [
    ("Azerbaijan’s Government", "Azerbaijan's Government", "the Azerbaijani government", "Government of Azerbaijan",
     "the government of Azerbaijan", "Azerbaijan", "Azerbaijani officials", "the Azeri government"),
    ("Human Rights Watch", "HRW", "Human Rights Watch (HRW)", "the Human Rights Watch"),
    ("international right groups", "human rights groups", "international human rights organizations"),
    ("the Azeri Ministry of Defence", "Azerbaijan's defence ministry", "the Ministry of Defense of Azerbaijan"),
    ("the Milli Majlis of Azerbaijan", "Azerbaijan's parliament", "the Azerbaijani parliament"),
    ("the U.S. military", "the US military", "American military"),
    ("The International Criminal Tribunal for the former Yugoslavia (ICTY)", "the ICTY"),
    ("the government of Republika Srpska", "Republika Srpska's government"),
    ("officials", "Officials", "two officials"),
]


@pytest.mark.parametrize("spellings", SAME_SOURCE, ids=lambda s: s[0])
def test_spellings_of_one_source_share_a_key(spellings: tuple[str, ...]) -> None:
    keys = {normalise(s).key for s in spellings}
    assert len(keys) == 1, keys


DISTINCT = ["Azerbaijan’s Government", "the Azeri Ministry of Defence", "Azerbaijan's parliament",
            "Human Rights Watch", "international right groups", "Amnesty International", "the Armenian government",
            "Leila Yunusova", "The Sunday Times"]


def test_different_sources_stay_apart() -> None:
    keys = [normalise(s).key for s in DISTINCT]
    assert len(set(keys)) == len(keys), keys


@pytest.mark.parametrize("spelling,name,kind", [
    ("Azerbaijan’s Government", "Azerbaijani government", "state"),
    ("HRW", "Human Rights Watch", "organisation"),
    ("international right groups", "rights groups", "generic"),
    ("a 2002 report by the government of Republika Srpska", "Government of Republika Srpska", "state"),
    ("Leila Yunusova, the new spokeswoman of the Azeri Ministry of Defence", "Leila Yunusova", "person"),
    ("provincial health chief Adnan Turki", "Adnan Turki", "person"),
    ("an AFP tally", "AFP", "organisation"),
    ("", "unattributed", "unattributed"),
])
def test_display_names(spelling: str, name: str, kind: str) -> None:
    found = normalise(spelling)
    assert (found.name, found.kind) == (name, kind)


def test_a_surname_is_completed_from_the_document() -> None:
    text = "The State Prosecutor, Aydin Rasulov, said 600 died. Mr Rasulov added that 184 bodies were examined."
    assert normalise("Mr Rasulov", document_text=text).key == normalise("Aydin Rasulov").key


def test_a_bare_body_is_completed_when_the_document_names_one() -> None:
    text = "Israel's Kahan Commission published its report. The commission said 700 died."
    assert normalise("The commission", document_text=text).key == normalise("the Kahan Commission").key
    assert normalise("The commission", document_text="A commission said so.").kind == "generic"


def test_publishers_are_named_sources_not_people() -> None:
    assert normalise("The Independent (London)", publication=True).key == "name:independent"
    assert normalise("Reuters", publication=True).name == "Reuters"


# -- countries -------------------------------------------------------------------------------

@pytest.mark.parametrize("name,code,is_name", [
    ("Azerbaijan", "AZ", True), ("Azeri", "AZ", False), ("Azerbaijani", "AZ", False), ("U.S.", "US", True),
    ("Russia", "RU", True), ("Iraqi", "IQ", False), ("Chadian", "TD", False), ("Sudanese", "SD", False),
    ("Chad", "TD", True), ("Khojaly", None, False), ("Human", None, False), ("Per", None, False),
])
def test_country_lookup(name: str, code: str | None, is_name: bool) -> None:
    assert country(name) == code
    assert is_country_name(name) is is_name


def test_adjectives_for_display() -> None:
    assert adjective("AZ") == "Azerbaijani"
    assert adjective("LK") == "Sri Lankan"


# -- places ----------------------------------------------------------------------------------

@pytest.mark.parametrize("spellings", [
    ("Khojaly", "Hojali", "Khojali", "Xocalı", "Khodzhaly"),
    ("Kelbajar", "Kelbadzhar", "Kəlbəcər"),
    ("Agdam", "Ağdam"),
    ("Baquba", "Baqubah"),
])
def test_place_keys_fold_transliterations(spellings: tuple[str, ...]) -> None:
    keys = [place_key(s) for s in spellings]
    assert all(same_place(keys[0], k) for k in keys), keys


@pytest.mark.parametrize("a,b", [("Iran", "Iraq"), ("Cuba", "Juba"), ("Gaza", "Giza"), ("Mosul", "Basra"),
                                 ("Maidan Wardak", "Maidan Shahr"), ("Austria", "Australia")])
def test_different_places_stay_apart(a: str, b: str) -> None:
    assert not same_place(place_key(a), place_key(b))


def test_fuzzy_match_of_long_names() -> None:
    assert same_place(place_key("Nagorno-Karabakh"), place_key("Nagorny Karabakh"))


@pytest.mark.parametrize("text,names", [
    ("the Khojaly massacre was", ["Khojaly massacre"]),
    ("what Azerbaijan calls the \"Hojali Disaster\", said", ["Hojali disaster"]),
    ("the Battle of Ouadi Doum ended", ["Battle of Ouadi Doum"]),
    ("the siege of Sarajevo lasted", ["Siege of Sarajevo"]),
    ("the Sabra and Shatila massacre", ["Sabra and Shatila massacre"]),
    ("the Armenian attack on the town", []),
    ("the IRA's bombing of the city", []),
    ("This attack was the worst", []),
    ("Monday's attacks killed", []),
    ("ARMENIAN SOLDIERS MASSACRE HUNDREDS", []),
])
def test_event_names(text: str, names: list[str]) -> None:
    assert [n.name for n in event_names(text)] == names


def test_split_name() -> None:
    assert split_name("Khojaly massacre") == ("Khojaly", "massacre")
    assert split_name("Battle of Ouadi Doum") == ("Ouadi Doum", "battle")
    assert split_name("*massacre") == (None, "massacre")


def test_lexical_places_without_a_model() -> None:
    text = "Fighting in the town of Khojaly, in Nagorno-Karabakh, spread to Azerbaijan and Armenian villages."
    found = {(p.name, p.kind) for p in lexical_places(text)}
    assert ("Khojaly", "place") in found and ("Azerbaijan", "country") in found
    assert ("Armenian", "demonym") in found


# -- dates -----------------------------------------------------------------------------------

PUB = dt.date(1992, 6, 12)


@pytest.mark.parametrize("text,lo,hi,precision", [
    ("on 26 February 1992 alone", "1992-02-26", "1992-02-26", "day"),
    ("on February 26, 1992, troops", "1992-02-26", "1992-02-26", "day"),
    ("on June 3 and 4, 1989 in", "1989-06-03", "1989-06-04", "day"),
    ("from 16 to 18 September 1982 the", "1982-09-16", "1982-09-18", "day"),
    ("in January 1990 when", "1990-01-01", "1990-01-31", "month"),
    ("The 25 February attack", "1992-02-25", "1992-02-25", "day"),
    ("February's killings", "1992-02-01", "1992-02-29", "month"),
    ("in the recent war in 2020", "2020-01-01", "2020-12-31", "year"),
    ("said on Monday", "1992-05-29", "1992-06-12", "relative"),
    ("three years ago", "1989-01-01", "1989-12-31", "year"),
])
def test_date_mentions(text: str, lo: str, hi: str, precision: str) -> None:
    found = date_mentions(text, PUB)
    assert [(str(d.lo), str(d.hi), d.precision) for d in found] == [(lo, hi, precision)]


def test_a_month_later_than_publication_is_last_year() -> None:
    [d] = date_mentions("the attack of 25 December", dt.date(1993, 3, 1))
    assert d.lo == dt.date(1992, 12, 25)


def test_recurring_dates_and_figures_are_not_dates() -> None:
    text = "On February 26 every year they mourn. The survivors said 2000 others were missing."
    start = text.index("2000 others")
    assert date_mentions(text, PUB, skip=[(start, start + 11)]) == []


def test_without_publication_partial_dates_are_dropped() -> None:
    assert [d.text for d in date_mentions("on 25 February, and in 1992", None)] == ["1992"]


@pytest.mark.parametrize("text,years,qualifier", [
    ("After over 30 years of injustice", 30, "more_than"),
    ("nearly two decades later", 20, "approx"),
    ("25 years ago today", 25, "exact"),
    ("released 28 years after the events", 28, "exact"),
])
def test_time_spans(text: str, years: int, qualifier: str) -> None:
    [span] = time_spans(text)
    assert (span.years, span.qualifier) == (years, qualifier)


@pytest.mark.parametrize("text", ["a four-year war", "sentenced to five years", "jailed for five years",
                                  "the 43-year-old lawyer"])
def test_durations_are_not_time_spans(text: str) -> None:
    assert time_spans(text) == []


def test_slug() -> None:
    assert slug("Khojaly, 1992") == "khojaly-1992"
    assert slug("Xocalı Ağdam") == "xocali-agdam"


def test_a_description_is_not_a_government_and_places_or_fragments_are_no_claimants() -> None:
    from counterclaim.reconcile.claimants import not_a_claimant

    assert normalise("grief-stricken Azerbaijan").kind == "description"
    assert normalise("grief-stricken Azerbaijan").key != normalise("Azerbaijan").key
    assert not_a_claimant("Baquba") and not_a_claimant("Cap Haitien") and not_a_claimant("Iraqi army captain and")
    assert not not_a_claimant("Baghdad") and not not_a_claimant("Iraq") and not not_a_claimant("Aydin Rasulov")
    assert normalise("Baghdad").key == normalise("the Iraqi government").key  # a capital speaks for its state
