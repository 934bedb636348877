"""Storage on real SQLite files and a real PostgreSQL server: schema, idempotence, events, decisions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ledger_helpers import GOV, OTHER, WIRE, fig, make_result

from counterclaim.errors import CounterclaimError, LedgerError
from counterclaim.ledger import Ledger
from counterclaim.store import schema
from counterclaim.store.db import Database

TABLES = ("documents", "figures", "quotes", "acts", "diagnostics", "incidents", "sources", "source_spellings",
          "events")


def counts(ledger: Ledger) -> dict[str, int]:
    return {t: ledger.db.scalar(f"SELECT COUNT(*) FROM {t}") for t in TABLES}


def test_migrations_are_named_recorded_and_applied_once(db_target: str) -> None:
    with Ledger(db_target) as first:
        assert schema.applied(first.db) == [m.name for m in schema.MIGRATIONS]
    with Ledger(db_target) as again:
        assert schema.migrate(again.db) == []


def test_a_ledger_from_a_newer_counterclaim_is_refused(db_target: str) -> None:
    with Ledger(db_target) as ledger:
        ledger.db.execute("INSERT INTO ledger_migrations (name, applied_at) VALUES ('9999_future', 'x')")
    with pytest.raises(LedgerError) as info:
        Ledger(db_target)
    assert info.value.code == "E104"


def test_a_foreign_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(LedgerError) as info:
        Ledger(path)
    assert info.value.code == "E103"
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["customers"]


@pytest.mark.parametrize("content,code", [(b"not a database at all" * 100, "E102"), (None, "E101")])
def test_unusable_files(tmp_path: Path, content: bytes | None, code: str) -> None:
    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(LedgerError) as info:
        Ledger(path, read_only=True)
    assert info.value.code == code
    assert path.exists() == (content is not None)  # reading never creates a ledger


def test_storing_twice_adds_nothing(ledger: Ledger) -> None:
    assert ledger.store(GOV) is True
    ledger.regroup()
    before = counts(ledger)
    assert ledger.store(GOV) is False
    ledger.regroup()
    assert counts(ledger) == before


def test_a_stored_result_round_trips(ledger: Ledger) -> None:
    ledger.store(GOV)
    assert ledger.result(GOV.document.id).to_dict() == GOV.to_dict()
    assert ledger.result(GOV.document.id[:10]).document.id == GOV.document.id


def test_a_failing_document_leaves_no_rows(ledger: Ledger) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), ledger.db.transaction():
        ledger.store(GOV)
        raise Boom
    assert counts(ledger)["documents"] == 0 and counts(ledger)["figures"] == 0


def test_events_group_documents_and_keep_others_apart(ledger: Ledger) -> None:
    for r in (GOV, WIRE, OTHER):
        ledger.store(r)
    ledger.regroup()
    events = {e["id"]: e for e in ledger.events()}
    khojaly = next(e for e in events.values() if GOV.document.id in e["documents"])
    assert set(khojaly["documents"]) == {GOV.document.id, WIRE.document.id}
    assert khojaly["year"] == 1992 and khojaly["place"] in ("Khojaly", "Hojali")
    lyon = next(e for e in events.values() if OTHER.document.id in e["documents"])
    assert lyon["documents"] == [OTHER.document.id]


def test_sources_are_normalised_across_documents(ledger: Ledger) -> None:
    for r in (GOV, WIRE):
        ledger.store(r)
    ledger.regroup()
    sources = {s["id"]: s for s in ledger.sources()}
    hrw = sources["human-rights-watch"]
    assert sorted(hrw["spellings"]) == ["HRW", "Human Rights Watch"] and hrw["documents"] == 2
    assert sources["azerbaijani-government"]["spellings"] == ["Azerbaijani officials", "Azerbaijan’s Government"]
    assert "unattributed" not in sources


def test_comparison_lines_up_the_sources(ledger: Ledger) -> None:
    for r in (GOV, WIRE):
        ledger.store(r)
    ledger.regroup()
    event = next(e for e in ledger.events() if GOV.document.id in e["documents"])
    killed = next(r for r in event["outcomes"] if (r["outcome"], r["group"]) == ("killed", "all"))
    assert killed["summary"] == "200+ (per Human Rights Watch), 1,000 → 613 (per the Azerbaijani government)"
    hrw = next(c for c in killed["claims"] if c["source_id"] == "human-rights-watch")
    assert hrw["n_documents"] == 2 and (hrw["first_seen"], hrw["last_seen"]) == ("1992-03-03", "2021-02-25")
    assert (killed["low"], killed["high"]) == (200, 613) and "best" not in killed
    assert killed["disagreement"] == round(613 / 200, 2)
    [part] = killed["partial"]  # the 169 women and children, under their whole
    assert (part["value"], part["kind"], part["of"]) == (169, "breakdown", "613 civilians")
    assert not any(r["group"] == "women+children" for r in event["outcomes"])


def test_denied_figures_are_shown_as_denied_never_as_claims(ledger: Ledger) -> None:
    from ledger_helpers import fig, make_result

    text = ("Title: Dorn\nPublished: 2020-05-02\n\nOn 1 May 2020 militants killed 40 people in Dorn, the governor "
            "said. The Interior Ministry denied that 300 people were killed in Dorn.")
    r = make_result(text, [fig("f1", "40 people", "killed", 40, source="the governor"),
                           fig("f2", "300 people", "killed", 300, source="The Interior Ministry", stance="denied")],
                    title="Dorn", published="2020-05-02")
    ledger.add(r)
    [event] = ledger.events()
    killed = next(row for row in ledger.event(event["id"])["outcomes"] if row["outcome"] == "killed")
    assert (killed["low"], killed["high"]) == (40, 40) and killed["disagreement"] is None
    [denied] = killed["denied"]
    assert denied["stance"] == "denied" and denied["value"] == 300 and denied not in killed["whole"]
    assert killed["summary"].endswith("denied: 300 (per The Interior Ministry)")


def test_event_ids_are_stable_when_documents_arrive(ledger: Ledger) -> None:
    ledger.store(WIRE)
    ledger.regroup()
    [first] = [e["id"] for e in ledger.events()]
    ledger.store(GOV)
    ledger.regroup()
    ids = [e["id"] for e in ledger.events()]
    assert ids == [first]


def test_merge_and_split_events(ledger: Ledger) -> None:
    for r in (GOV, WIRE, OTHER):
        ledger.store(r)
    ledger.regroup()
    khojaly = next(e["id"] for e in ledger.events() if GOV.document.id in e["documents"])
    lyon = next(e["id"] for e in ledger.events() if OTHER.document.id in e["documents"])
    new = ledger.split_event(khojaly, [WIRE.document.id[:12]], new_id="hojali-wire", name="Hojali (wire)")
    assert new == "hojali-wire"
    assert ledger.event(new)["documents"] == [WIRE.document.id]
    assert WIRE.document.id not in ledger.event(khojaly)["documents"]
    ledger.store(make_result("Another text about nothing at all in 1992.", []))
    ledger.regroup()  # users' decisions survive regrouping
    assert ledger.event(new)["documents"] == [WIRE.document.id]
    assert ledger.merge_events([khojaly, new]) == khojaly
    assert ledger.event(new)["id"] == khojaly  # the old id resolves to the kept event
    assert set(ledger.event(khojaly)["documents"]) == {GOV.document.id, WIRE.document.id}
    assert lyon in {e["id"] for e in ledger.events()}


def test_merge_and_split_sources(ledger: Ledger) -> None:
    for r in (GOV, WIRE):
        ledger.store(r)
    ledger.regroup()
    target = ledger.merge_sources(["azerbaijani-government", "human-rights-watch"], name="Everyone")
    merged = next(s for s in ledger.sources() if s["id"] == target)
    assert merged["name"] == "Everyone" and merged["claims"] == 5
    new = ledger.split_source(target, ["Azerbaijani officials"])
    assert next(s for s in ledger.sources() if s["id"] == new)["spellings"] == ["Azerbaijani officials"]


@pytest.mark.parametrize("call,code", [
    (lambda lg: lg.event("no-such-event"), "E110"),
    (lambda lg: lg.merge_sources(["nobody", "human-rights-watch"]), "E111"),
    (lambda lg: lg.result("ffffffffffff"), "E112"),
    (lambda lg: lg.split_event("lyon-2019", [GOV.document.id]), "E113"),
    (lambda lg: lg.merge_events(["lyon-2019", "lyon-2019"]), "E114"),
    (lambda lg: lg.split_event("lyon-2019", [OTHER.document.id], new_id="Bad Id"), "E117"),
    (lambda lg: lg.split_source("human-rights-watch", ["Amnesty"]), "E116"),
])
def test_bad_ids_give_coded_errors_and_change_nothing(ledger: Ledger, call, code: str) -> None:  # type: ignore[no-untyped-def]
    for r in (GOV, OTHER):
        ledger.store(r)
    ledger.regroup()
    assert "lyon-2019" in {e["id"] for e in ledger.events()}
    before = counts(ledger)
    with pytest.raises(CounterclaimError) as info:
        call(ledger)
    assert info.value.code == code
    assert counts(ledger) == before


def test_reextract_keeps_users_decisions(ledger: Ledger) -> None:
    for r in (GOV, WIRE):
        ledger.store(r)
    ledger.regroup()
    khojaly = next(e["id"] for e in ledger.events())
    new = ledger.split_event(khojaly, [WIRE.document.id], new_id="wire-event")
    from counterclaim.analysis.incidents import find_incidents
    from counterclaim.analysis.places import lexical_places
    from counterclaim.store.write import replace_extraction

    replace_extraction(ledger.db, WIRE, find_incidents(WIRE, lexical_places(WIRE.document.text)))
    ledger.regroup()
    assert ledger.event(new)["documents"] == [WIRE.document.id]


def test_readers_see_a_read_only_ledger(db_target: str) -> None:
    with Ledger(db_target) as writer:
        writer.store(GOV)
        writer.regroup()
    with Ledger(db_target, read_only=True) as reader:
        assert reader.counts()["documents"] == 1
        with pytest.raises(Exception):  # noqa: B017 - sqlite3 or psycopg refuse, whichever the backend
            reader.db.execute("DELETE FROM documents")


NAMES = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, value=st.integers(min_value=0, max_value=10**12), title=NAMES)
def test_values_round_trip(tmp_path: Path, name: str, value: int, title: str) -> None:
    text = f"Title: {title}\n\nThe source {name} said {value} people were killed."
    result = make_result(text, [fig("f1", f"{value} people", "killed", value, source=name)], title=title)
    with Ledger(tmp_path / "h.db") as ledger:
        ledger.store(result)
        assert ledger.result(result.document.id).to_dict() == result.to_dict()


def test_sqlite_file_is_in_wal_mode(tmp_path: Path) -> None:
    Ledger(tmp_path / "w.db").close()
    with Database(tmp_path / "w.db") as db:
        assert db.scalar("PRAGMA journal_mode") == "wal"


def test_spellings_differing_in_case_are_one_source(ledger: Ledger) -> None:
    from ledger_helpers import fig, make_result

    texts = ("Title: Dorn\nPublished: 2020-05-02\n\nOn 1 May 2020 bracho said 40 people were killed in Dorn.",
             "Title: Dorn again\nPublished: 2020-05-03\n\nOn 1 May 2020 Bracho said 41 people were killed in Dorn.")
    for n, (text, spelling) in enumerate(zip(texts, ("bracho", "Bracho"), strict=True)):
        count = 40 + n
        ledger.store(make_result(text, [fig("f1", f"{count} people", "killed", count, source=spelling,
                                            source_type="witness")], title="Dorn", published=f"2020-05-0{2 + n}"))
    ledger.regroup()
    [source] = [s for s in ledger.sources() if "bracho" in s["spellings"]]
    assert sorted(source["spellings"]) == ["Bracho", "bracho"] and source["claims"] == 2


@pytest.mark.slow
def test_storing_a_result_without_incidents_applies_the_kinds_the_incidents_decide(db_target: str) -> None:
    # Ledger.store(result) finds the incidents itself; the kinds they decide (a toll counted at another town
    # is partial) must be the ones ingest stores, not the extraction's first guess
    from counterclaim import extract_text

    text = ("Militiamen killed 40 villagers in the town of Hilltown on Monday, the provincial governor said.\n\n"
            "The governor spoke after touring the nearby town of Westford. Later that night a mortar landed in "
            "the town, killing two people, police said.\n")
    result = extract_text(text)
    assert {f.text: f.kind for f in result.figures}["two people"] == "whole"  # before the incidents are known
    with Ledger(db_target) as ledger:
        ledger.store(result)
        stored = {" ".join(str(f["text"]).split()): f["kind"] for f in ledger.figures()}
    assert stored["40 villagers"] == "whole" and stored["two people"] == "partial"
