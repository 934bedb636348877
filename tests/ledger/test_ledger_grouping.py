"""Incidents of a document and their grouping into events (hand-built Results, lexical places)."""

from __future__ import annotations

import datetime as dt

from ledger_helpers import fig, make_result

from counterclaim.analysis.incidents import find_incidents
from counterclaim.analysis.places import lexical_places
from counterclaim.reconcile.grouping import Node, cluster, link_score, name_event, prepare


def incidents_of(result):  # type: ignore[no-untyped-def]
    return find_incidents(result, lexical_places(result.document.text))


def test_a_retrospective_is_dated_by_its_text_not_its_publication() -> None:
    r = make_result("Title: Remembering the Khojaly massacre\nPublished: 2021-02-25\n\n"
                    "On 25 February 2021 at 03:13.\n\nIn the night of 26 February 1992, 613 civilians were killed "
                    "in the town of Khojaly.",
                    [fig("f1", "613 civilians", "killed", 613, groups=("civilians",))],
                    title="Remembering the Khojaly massacre", published="2021-02-25")
    [primary] = incidents_of(r)
    assert (primary.lo, primary.year) == (dt.date(1992, 2, 26), 1992)
    assert primary.place is not None and primary.place.name == "Khojaly"
    assert "Khojaly massacre" in primary.names


def test_a_figure_dated_to_another_year_is_a_secondary_incident() -> None:
    r = make_result("Title: Painful search in Hojali\nPublished: 1992-06-12\n\n"
                    "The killings in the town of Hojali in February left about 600 dead. "
                    "It took two years to find that 131 people were killed in Baku in January 1990.",
                    [fig("f1", "about 600 dead", "killed", 600, qualifier="approx"),
                     fig("f2", "131 people", "killed", 131)],
                    title="Painful search in Hojali", published="1992-06-12")
    primary, secondary = incidents_of(r)
    assert primary.figures == ["f1"] and primary.year == 1992
    assert secondary.figures == ["f2"] and secondary.year == 1990
    assert secondary.place is not None and secondary.place.name == "Baku"


def test_a_report_date_is_not_an_incident_date() -> None:
    r = make_result("Title: Srebrenica counted\nPublished: 2015-07-11\n\n"
                    "Bosnian Serb forces overran Srebrenica in July 1995. The tribunal concluded in the 2001 "
                    "Krstic judgment that between 7,000 and 8,000 men were killed.",
                    [fig("f1", "between 7,000 and 8,000 men", "killed", None, low=7000, high=8000,
                         qualifier="range", groups=("men",))],
                    title="Srebrenica counted", published="2015-07-11")
    [primary] = incidents_of(r)
    assert primary.year == 1995 and primary.figures == ["f1"]


def test_subsets_follow_their_whole() -> None:
    r = make_result("Title: Two wars\nPublished: 2021-02-25\n\n"
                    "In 2020, 100 civilians were killed. Of them, 20 were children.",
                    [fig("f1", "100 civilians", "killed", 100, groups=("civilians",)),
                     fig("f2", "20 were children", "killed", 20, groups=("children",), part_of="f1")],
                    title="Two wars", published="2021-02-25")
    incidents = incidents_of(r)
    home = {fid: inc.n for inc in incidents for fid in inc.figures}
    assert home["f1"] == home["f2"]


def test_relative_dates_vote_for_the_publication() -> None:
    r = make_result("Title: Bomb in Lyon\nPublished: 2019-05-25\n\n"
                    "A bomb in Lyon on Friday injured 13 people. The last such attack was in 2016.",
                    [fig("f1", "13 people", "injured", 13)], title="Bomb in Lyon", published="2019-05-25")
    [primary] = incidents_of(r)
    assert primary.year == 2019 and primary.lo == dt.date(2019, 5, 11)


def node(doc: str, places: list[tuple[str, str, str, float]], lo: str | None, hi: str | None = None,
         event: str | None = None, names: list[str] | None = None) -> Node:
    return Node(doc, 0, places, names or [], dt.date.fromisoformat(lo) if lo else None,
                dt.date.fromisoformat(hi or lo) if lo else None, n_figures=1, event_id=event)


KHOJALY = ("Khojaly", "hojali", "place", 6.0)
HOJALI = ("Hojali", "hojali", "place", 9.0)
AGDAM = ("Agdam", "agdam", "place", 1.5)
AZ = ("Azerbaijan", "@AZ", "country", 1.5)


def test_same_place_and_close_dates_link() -> None:
    a = node("a", [KHOJALY, AZ], "1992-02-26")
    b = node("b", [HOJALI, AGDAM, AZ], "1992-02-01", "1992-02-29")
    prepare([a, b])
    assert link_score(a, b) > 0


def test_far_dates_do_not_link() -> None:
    a = node("a", [KHOJALY], "1992-02-26")
    b = node("b", [KHOJALY], "2020-01-01", "2020-12-31")
    prepare([a, b])
    assert link_score(a, b) == 0


def test_a_shared_country_alone_does_not_link() -> None:
    a = node("a", [("Baghdad", "baghdad", "place", 5.0), ("Iraq", "@IQ", "country", 3.0)], "2004-12-04")
    b = node("b", [("Mosul", "mosul", "place", 5.0), ("Iraq", "@IQ", "country", 3.0)], "2004-12-05")
    prepare([a, b])
    assert link_score(a, b) == 0


def test_chains_cannot_stretch_an_event_over_months() -> None:
    nodes = [node("a", [KHOJALY], "1992-02-01"), node("b", [KHOJALY], "1992-02-12"),
             node("c", [KHOJALY], "1992-02-23")]
    prepare(nodes)
    groups = cluster(nodes)
    assert max(len(g) for g in groups) == 2


def test_existing_events_are_joined_but_never_merged() -> None:
    nodes = [node("a", [KHOJALY], "1992-02-26", event="khojaly-1992"),
             node("b", [KHOJALY], "1992-02-26", event="hojali-1992"),
             node("c", [HOJALI], "1992-02-26")]
    prepare(nodes)
    groups = cluster(nodes)
    events = sorted({n.event_id for g in groups for n in g if n.event_id})
    assert events == ["hojali-1992", "khojaly-1992"] and len(groups) == 2


def test_naming_prefers_the_spelling_most_documents_use() -> None:
    nodes = [node("a", [KHOJALY], "1992-02-26", names=["Khojaly massacre"]),
             node("b", [KHOJALY, AGDAM], "1992-02-27", names=["*massacre"]),
             node("c", [HOJALI], "1992-02-25", names=["Hojali disaster"])]
    canon = prepare(nodes)
    naming = name_event(nodes, canon)
    assert (naming.id, naming.name, naming.year) == ("khojaly-1992", "Khojaly massacre", 1992)


def test_naming_with_countries_only() -> None:
    nodes = [node("a", [("Armenia", "@AM", "country", 0.6), ("Azerbaijan", "@AZ", "country", 0.45)], "2020-01-01",
                  "2020-12-31", names=["*war"])]
    naming = name_event(nodes, prepare(nodes))
    assert (naming.id, naming.name) == ("armenia-azerbaijan-2020", "Armenia–Azerbaijan war")


def test_naming_of_a_wave_across_a_country() -> None:
    towns = [(t, t.lower(), "place", 4.5) for t in ("Taji", "Baquba", "Kirkuk", "Mosul", "Tarmiyah")]
    nodes = [node("a", [*towns, ("Iraq", "@IQ", "country", 3.0)], None)]
    naming = name_event(nodes, prepare(nodes))
    assert (naming.id, naming.place) == ("iraq", "Iraq")


def test_an_undated_incident_never_links_on_its_place_alone() -> None:
    a = node("a", [KHOJALY, AZ], None)  # an essay without any date
    b = node("b", [KHOJALY, AZ], "1992-02-26")
    c = node("c", [KHOJALY, AZ], None)
    prepare([a, b, c])
    assert link_score(a, b) == 0 and link_score(a, c) == 0
    assert len(cluster([a, b, c])) == 3


def test_a_cumulative_toll_never_joins_an_incident() -> None:
    a = node("a", [KHOJALY], "1992-02-26")
    b = node("b", [KHOJALY], "1992-02-26")
    b.scope = "background"
    prepare([a, b])
    assert link_score(a, b) == 0
    naming = name_event([b], prepare([b]))
    assert naming.name == "Khojaly (cumulative toll)" and naming.id.startswith("khojaly-cumulative")


def test_a_party_never_names_an_event() -> None:
    nodes = [node("a", [KHOJALY], "1992-02-26", names=["Hamas attack"])]
    assert name_event(nodes, prepare(nodes)).name != "Hamas attack"
