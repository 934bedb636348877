"""Acceptance on the dev corpus and the examples, with the trained pipeline (slow)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ledger_helpers import EXAMPLES, pg_base_url

from counterclaim.ledger import Ledger

pytestmark = pytest.mark.slow

KHOJALY_DOCS = {"hojali-independent-1992", "khojaly-sundaytimes-1992", "khojaly-reuters-1992", "khojaly-at-a-glance"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def dev_ledger(request: pytest.FixtureRequest, corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("acceptance") / "dev.db")
        with Ledger(target) as ledger:
            report = ledger.ingest([str(corpus_dir)])
            assert report.failures == [] and report.added == len(list(corpus_dir.glob("*.txt")))
            yield ledger
        return
    import uuid
    from urllib.parse import quote

    import psycopg

    base = pg_base_url()
    schema = f"cc_accept_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in base else "?"
        with Ledger(f"{base}{sep}options={quote(f'-csearch_path={schema}')}") as ledger:
            ledger.ingest([str(corpus_dir)])
            yield ledger
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _stem(doc: dict[str, Any]) -> str:
    return Path(doc["path"]).stem


def test_khojaly_gathers_its_four_documents(dev_ledger: Ledger) -> None:
    event = dev_ledger.event("khojaly-1992")
    names = {_stem(d) for d in event["document_details"]}
    assert names == KHOJALY_DOCS
    assert event["year"] == 1992 and event["place"] == "Khojaly" and "massacre" in event["name"].lower()
    figures = dev_ledger.figures(event_id="khojaly-1992")
    assert {Path(f["path"]).stem for f in figures} == KHOJALY_DOCS
    glance = next(d for d in dev_ledger.documents() if _stem(d) == "khojaly-at-a-glance")
    text = dev_ledger.result(glance["id"]).document.text
    in_event = {f["fid"] for f in figures if f["doc_id"] == glance["id"]}
    for f in dev_ledger.figures(doc_id=glance["id"]):
        sentence = text[f["sentence_start"]:f["sentence_end"]]
        assert (f["fid"] in in_event) is ("2020" not in sentence), sentence  # the 2020 war is another event


def test_khojaly_sources_are_normalised_and_distinct(dev_ledger: Ledger) -> None:
    event = dev_ledger.event("khojaly-1992")
    claims = [c for row in event["outcomes"] for c in row["claims"]]
    by_source: dict[str, set[str]] = {}
    for c in claims:
        by_source.setdefault(c["source_id"], set()).update(c["spellings"])
    government = by_source["azerbaijani-government"]
    assert {"Azerbaijan’s Government", "Azerbaijan's Government"} <= government
    assert "rights-groups" in by_source and by_source["rights-groups"] == {"international right groups"}
    assert {"aydin-rasulov", "leila-yunusova", "towfiq-manafov"} <= set(by_source)
    assert "Aydin Rasulov" in by_source["aydin-rasulov"]
    killed = next(r for r in event["outcomes"] if (r["outcome"], r["group"]) == ("killed", "all"))
    gov = [c for c in killed["claims"] if c["source_id"] == "azerbaijani-government"]
    assert {c["count"] for c in gov} >= {"613"}
    assert "613" in killed["summary"] and "(per the Azerbaijani government)" in killed["summary"]
    captured = next(r for r in event["outcomes"] if r["outcome"] == "captured")
    assert captured["summary"] == "1,275 (per rights groups)"


def test_unrelated_incidents_stay_apart(dev_ledger: Ledger) -> None:
    documents = {d["id"]: _stem(d) for d in dev_ledger.documents()}
    for event in dev_ledger.events():
        stems = {documents[d] for d in event["documents"]}
        if event["id"] == "khojaly-1992":
            continue
        assert len(stems) == 1, (event["id"], stems)  # every other dev document reports its own incident
    glance_events = {e["id"] for e in dev_ledger.events()
                     if any(documents[d] == "khojaly-at-a-glance" for d in e["documents"])}
    assert len(glance_events) == 2 and any(e.endswith("-2020") for e in glance_events)
    independent = {e["id"] for e in dev_ledger.events()
                   if any(documents[d] == "hojali-independent-1992" for d in e["documents"])}
    assert independent == {"khojaly-1992", "baku-1990"}


def test_checks_flag_the_thirty_years(dev_ledger: Ledger) -> None:
    flags = dev_ledger.checks(event_id="khojaly-1992")
    spans = [f for f in flags if f["check"] == "time_span_contradicts_dates"]
    assert len(spans) == 1 and "After over 30 years" in spans[0]["message"]


def test_reingesting_adds_nothing(dev_ledger: Ledger, corpus_dir: Path) -> None:
    before = dev_ledger.counts()
    report = dev_ledger.ingest([str(corpus_dir)])
    assert report.added == 0 and dev_ledger.counts() == before


def test_examples_end_to_end(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "examples.db")
    out = cli("ingest", str(EXAMPLES), "--db", db)
    assert out.exit_code == 0 and out.output.startswith("added 5 document(s)")
    events = {e["id"]: e for e in json.loads(cli("events", "--db", db, "--format", "json").output)}
    assert {"srebrenica-1995", "tiananmen-square-1989", "sabra-and-shatila-1982"} <= set(events)
    assert len(events["srebrenica-1995"]["documents"]) == 2 and len(events["tiananmen-square-1989"]["documents"]) == 2
    srebrenica = cli("event", "srebrenica-1995", "--db", db).output
    assert "up to 100 (per the Government of Republika Srpska)" in srebrenica
    assert "7,000–8,000 (per ICTY)" in srebrenica and "8,372" in srebrenica
    [tiananmen] = json.loads(cli("event", "tiananmen-square-1989", "--db", db, "--format", "json").output)
    killed = next(r for r in tiananmen["outcomes"] if r["group"] == "all" and r["outcome"] == "killed")
    chinese = next(c for c in killed["claims"] if c["source_id"] == "chinese-government")
    assert chinese["n_documents"] == 2 and (chinese["first_seen"], chinese["last_seen"]) == ("1989-06-07",
                                                                                          "2017-12-23")
    assert sorted(chinese["spellings"]) == ["China's government", "the Chinese government"]
    assert json.loads(cli("checks", "--db", db, "--format", "json").output) == []
