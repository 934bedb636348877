"""How fast the web pages render on a ledger of 10,000 documents (target: under 200 ms each).

Builds a synthetic ledger (documents generated from templates below: invented towns, real
kinds of sources, figures, quotes and acts with exact spans), stored through the ledger's
OUTPUT.md JSON Lines path (``Ledger.ingest`` of a ``.jsonl`` of extracted results, so no
model runs), then times each kind of page through the app in-process (Starlette's test
client: routing, queries, templates; no network):

    python benchmarks/web_speed.py                      # 10,000 documents in a temp folder
    python benchmarks/web_speed.py --documents 2000 --keep /tmp/bench.db

The ledger is built in a process of its own (the pages are timed in one that has ingested
nothing, as a server started on a ledger) and reused when ``--keep PATH`` already holds one.
The app is started as ``counterclaim serve`` starts it (the document and source lists are
built in a background warm-up, and the extraction worker of the add page is started, loading
the spaCy pipeline in a process of its own; both are waited for here, so that the warmed times
are not those of a machine busy loading a model); every page is then timed on its first view
and on ``--repeat`` later views; median, 95th percentile and maximum are printed per page
kind, ``ok`` when the 95th percentile is under the target. Before that, every page is timed
once on a server started without warm-up (the first requests after a start or a change).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from counterclaim.ledger import Ledger
from counterclaim.records import Act, Count, Document, Figure, Quote, Result, Source, Speaker

TARGET_MS = 200.0
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SYLLABLES = ("ka", "ro", "ven", "dal", "mur", "is", "ta", "bor", "len", "qa", "shi", "na", "dor", "vi", "zan",
             "mel", "to", "ruk", "hal", "pe", "sor", "gu", "ban", "li")
SOURCES = (("the Ministry of Health", "government"), ("Human Rights Watch", "ngo"), ("Amnesty International", "ngo"),
           ("the United Nations", "intergovernmental"), ("the Red Cross", "ngo"), ("local officials", "government"),
           ("the army", "military"), ("a rebel spokesman", "armed_group"), ("Doctors Without Borders", "ngo"),
           ("the provincial governor", "government"), ("hospital officials", "government"),
           ("the Interior Ministry", "government"), ("residents", "unspecified"), ("police", "government"),
           ("the World Health Organization", "intergovernmental"), ("the opposition", "armed_group"))
PUBLISHERS = ("The Daily Ledger", "Morning Wire", "The Evening Post", "Regional Herald", "Global Dispatch")
FILLER = (
    "Witnesses described scenes of chaos as rescue workers searched the rubble for survivors. ",
    "The area had been contested for months, and access for journalists remained restricted. ",
    "Aid agencies warned that the humanitarian situation could deteriorate further in the coming weeks. ",
    "Officials from neighbouring countries called for an independent investigation into what happened. ",
    "Families gathered outside the main hospital waiting for news of relatives who had not come home. ",
    "The road to the regional capital was closed, and electricity was cut in several districts. ",
)
KINDS = ("attack", "bombing", "flood", "earthquake", "shelling", "massacre")


def _town(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _person(rng: random.Random) -> tuple[str, str]:
    role, kind = rng.choice((("Colonel", "military"), ("Governor", "government"), ("Commander", "armed_group"),
                             ("Dr.", "ngo")))
    return f"{role} {rng.choice(('Amir', 'Elena', 'Yusuf', 'Marta', 'Karim', 'Nadia'))} {_town(rng)}", kind


class _Writer:
    """Appends text and remembers spans."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def make_document(rng: random.Random, n: int, event: tuple[str, int, str, int, int]) -> Result:
    """One synthetic article about an event (place, year, kind, month, day), with its extraction."""
    place, year, kind, month, day = event
    w = _Writer()
    published = f"{year}-{month + 1:02d}-{min(28, day + rng.randint(0, 3)):02d}"
    title = f"{kind.capitalize()} in {place}: report {n}"
    publisher = rng.choice(PUBLISHERS)
    w.add(f"Title: {title}\nPublished: {published}\nPublisher: {publisher}\n\n")
    figures, quotes, acts = [], [], []
    base = rng.choice((12, 40, 85, 150, 300, 1200))
    s_start = len(w.text)
    w.add(f"A {kind} in the town of {place} on {day} {MONTHS[month]} {year} killed ")
    value = max(1, int(base * rng.uniform(0.6, 1.6)))
    span = w.add(f"{value} people")
    w.add(", according to ")
    src_name, src_type = rng.choice(SOURCES)
    src_span = w.add(src_name)
    w.add(". ")
    figures.append(Figure(id="f1", span=span, text=f"{value} people", outcome="killed",
                          count=Count(value, value, value, "exact"),
                          source=Source(src_name, src_type, src_span), sentence=(s_start, len(w.text) - 1),
                          confidence=0.9))
    for k in range(rng.randint(1, 4)):
        w.add(rng.choice(FILLER))
        s_start = len(w.text)
        src_name, src_type = rng.choice(SOURCES) if rng.random() < 0.7 else _person(rng)
        src_span = w.add(src_name.capitalize() if src_name[0].islower() else src_name)
        w.add(" said ")
        outcome = rng.choice(("killed", "killed", "injured", "missing", "displaced"))
        value = max(1, int(base * rng.uniform(0.5, 3.0) * (10 if outcome == "displaced" else 1)))
        noun = {"killed": "people were killed", "injured": "people were injured", "missing": "people were missing",
                "displaced": "people had fled their homes"}[outcome]
        qualifier = rng.choice(("exact", "at_least", "approx"))
        words = {"exact": "", "at_least": "at least ", "approx": "about "}[qualifier]
        span = w.add(f"{words}{value:,} people")
        w.add(noun[len("people"):] + ". ")
        figures.append(Figure(id=f"f{k + 2}", span=span, text=w.text[span[0]:span[1]], outcome=outcome,
                              count=Count(value, value, value, qualifier),
                              source=Source(src_name, src_type, src_span), sentence=(s_start, len(w.text) - 1),
                              hedged=rng.random() < 0.1, confidence=round(rng.uniform(0.5, 0.95), 2)))
    w.add("\n\n")
    speaker = f"{rng.choice(('Amina', 'Omar', 'Lena', 'Pavel', 'Sara', 'Idris'))} {_town(rng)}"
    w.add("\u201c")
    q_span = w.add(f"We counted the victims one by one in {place}, and the number keeps rising")
    w.add("\u201d, said ")
    sp_span = w.add(speaker)
    w.add(", a local doctor. ")
    quotes.append(Quote(id="q1", span=q_span, text=w.text[q_span[0]:q_span[1]], speaker=Speaker(speaker, sp_span)))
    if rng.random() < 0.3:
        w.add("The council adopted ")
        a_span = w.add(f"Resolution {rng.randint(100, 2999)}")
        w.add(f" condemning the {kind}. ")
        acts.append(Act(id="a1", span=a_span, jurisdiction="United Nations Security Council", jurisdiction_code="UN",
                        act="resolution", date=published, text=w.text[a_span[0]:a_span[1]]))
    for _ in range(rng.randint(3, 8)):
        w.add(rng.choice(FILLER))
    text = w.text
    doc = Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, path=f"synthetic/{n:05d}.txt",
                   title=title, published=published, publisher=publisher)
    return Result(document=doc, figures=tuple(figures), quotes=tuple(quotes), acts=tuple(acts),
                  versions={"counterclaim": "bench", "output": "v1", "rules": "bench", "model": "none"})


def build(target: Path, documents: int, seed: int = 7) -> None:
    """Write ``documents`` synthetic results to a JSON Lines file and ingest it into ``target``."""
    rng = random.Random(seed)
    events = [(_town(rng), rng.randint(1990, 2023), rng.choice(KINDS), rng.randrange(12), rng.randint(1, 28))
              for _ in range(max(1, documents // 25))]
    weights = [1.0 / (i + 1) ** 0.7 for i in range(len(events))]  # a few big events, a long tail
    jsonl = target.with_suffix(".jsonl")
    with jsonl.open("w", encoding="utf-8") as out:
        for n in range(documents):
            event = rng.choices(events, weights)[0]
            out.write(json.dumps(make_document(rng, n, event).to_dict(), ensure_ascii=False) + "\n")
    started = time.perf_counter()
    with Ledger(target) as ledger:
        report = ledger.ingest([str(jsonl)], use_ner=False)
        counts = ledger.counts()
    took = time.perf_counter() - started
    print(f"built {target}: {report.added} added, {len(report.failures)} failed in {took:.0f} s; {counts}",
          file=sys.stderr)


def build_apart(target: Path, documents: int) -> None:
    """:func:`build` in a process of its own, so that the pages are timed in a process that, like
    ``counterclaim serve`` started on a ledger, has ingested nothing: ingesting leaves the
    grouping's gazetteer (about 200,000 lists) in memory, and every full garbage collection
    of the timing process then walked it (120-180 ms pauses inside page requests)."""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=build, args=(target, documents))
    child.start()
    child.join()
    if child.exitcode != 0 or not target.exists():
        raise SystemExit(f"building the ledger failed (exit code {child.exitcode})")


def _time(client: Any, url: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{url}: HTTP {r.status_code}: {r.text[:200]}")
    return times


def _row(page: str, urls: int, times: list[float]) -> dict[str, Any]:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return {"page": page, "urls": urls, "median_ms": statistics.median(times), "p95_ms": p95, "max_ms": times[-1],
            "ok": p95 < TARGET_MS}


def pages_to_time(target: Path, samples: int, seed: int = 11) -> dict[str, list[str]]:
    """The URLs timed, per kind of page (chosen from the ledger directly, so no page is warmed by choosing)."""
    from counterclaim.store.summaries import overview_page

    rng = random.Random(seed)
    with Ledger(target, read_only=True) as ledger:
        events = [e["id"] for e in overview_page(ledger.db, size=10**9)["events"]]  # the biggest events first
        docs = [r["id"] for r in ledger.db.query("SELECT id FROM documents ORDER BY id")]
        sources = [r["id"] for r in ledger.db.query(
            "SELECT s.source_id AS id, COUNT(*) AS n FROM figures f JOIN source_spellings s ON s.spelling = f.claimant "
            "GROUP BY s.source_id ORDER BY n DESC, s.source_id")]
    pages = {
        "overview": ["/", "/?sort=spread", "/?page=3", "/?q=ka"],
        "event": events[:3] + rng.sample(events, min(samples, len(events))),
        "document": rng.sample(docs, min(samples, len(docs))),
        "source": sources[:3] + rng.sample(sources, min(samples, len(sources))),
        "search": ["killed", "town hospital", "victims one by one", "resolution condemning", "Amnesty", "zzz",
                   "people were killed at least", "rescue workers rubble"],
        "documents list": ["/documents", "/documents?page=50"],
        "sources list": ["/sources"],
    }
    prefix = {"event": "/events/", "document": "/documents/", "source": "/sources/", "search": "/search?q="}
    return {kind: list(dict.fromkeys(prefix.get(kind, "") + item for item in items)) for kind, items in pages.items()}


def measure(target: Path, repeat: int, samples: int, seed: int = 11) -> list[dict[str, Any]]:
    """Time every kind of page: first views on a server just started (no warm-up), then on a warmed one."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from counterclaim.web import create_app

    pages = pages_to_time(target, samples, seed)
    rows = []
    local = "http://127.0.0.1"  # the server refuses other Host names (E210)
    with TestClient(create_app(str(target), warm=False), base_url=local) as cold:  # nothing cached yet
        for kind, urls in pages.items():
            rows.append(_row(f"{kind}: first view, cold server", len(urls), [_time(cold, url, 1)[0] for url in urls]))
    started = time.perf_counter()
    app = create_app(str(target))
    app.state.view.wait_warm(300)
    print(f"warm-up (document and source lists) took {time.perf_counter() - started:.1f} s "
          "in the background", file=sys.stderr)
    with TestClient(app, base_url=local) as client:
        started = time.perf_counter()
        app.state.extractor.warm()  # the start-up's other half: the extraction worker loading the pipeline
        print(f"extraction worker ready after {time.perf_counter() - started:.1f} s more", file=sys.stderr)
        for kind, urls in pages.items():
            first = [_time(client, url, 1)[0] for url in urls]
            again = [t for url in urls for t in _time(client, url, repeat)]
            rows.append(_row(f"{kind}: first view, warmed", len(urls), first))
            rows.append(_row(f"{kind}: repeated", len(urls), again))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, default=None, help="ledger path to build (or reuse when it exists)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--samples", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        target = args.keep or Path(tmp) / "bench.db"
        if not target.exists():
            build_apart(target, args.documents)
        with Ledger(target, read_only=True) as ledger:
            counts = ledger.counts()
        print(f"ledger: {counts['documents']:,} documents, {counts['events']:,} events, {counts['sources']:,} "
              f"sources, {counts['figures']:,} figures, {counts['quotes']:,} quotes")
        rows = measure(target, args.repeat, args.samples)
    print(f"{'PAGE':<42} {'URLS':>4} {'MEDIAN':>9} {'P95':>9} {'MAX':>9}  target {TARGET_MS:.0f} ms")
    for r in rows:
        print(f"{r['page']:<42} {r['urls']:>4} {r['median_ms']:>7.1f}ms {r['p95_ms']:>7.1f}ms {r['max_ms']:>7.1f}ms"
              f"  {'ok' if r['ok'] else 'SLOW'}")
    sys.exit(0 if all(r["ok"] for r in rows) else 1)


if __name__ == "__main__":
    main()
