"""Throughput of batch ingestion: ``python benchmarks/throughput.py [--docs 80]``.

On the same texts it times, in one run and after a warm-up: (a) bare spaCy
``list(nlp.pipe(texts))`` with the pipeline of ``counterclaim.nlp.load_nlp()``; (b)
``counterclaim.process.extract_text`` on every text (a bare ``nlp(text)`` loop is timed
too; ratios are against the faster of the two bare rows); (c) ``counterclaim.batch.run_batch`` from
a JSON Lines file into a new SQLite ledger, in this process (read, extract, places, incidents,
store, regroup). It prints documents/s and words/s of each and the ratios (b)/(a) and
(c)/(a) in throughput; targets: extract >= 0.8x, ingest >= 0.75x.

The texts are the shared corpus's ``*.txt`` (read at run time from ``../shared/corpus/dev``,
never copied here), each followed by a short paragraph from this file's own templates so
that every document is distinct (the ledger stores a text once). ``--append-readme`` writes
the results into the "Batch ingestion" section of ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_util import default_corpus  # noqa: E402

TARGETS = {"extract": 0.8, "ingest": 0.75}
PLACES = ["Veltrana", "Orsk", "Dunmere", "Kessel", "Pavro", "Lumet", "Tarsk", "Varna Bay", "Estor", "Mirelle"]
SOURCES = ["the health ministry", "the Red Cross", "local officials", "the army", "a rebel spokesman",
           "the United Nations", "witnesses", "the regional governor"]
TEMPLATES = [
    "At least {n} people were killed in {place} on Tuesday, {source} said.",
    "{source_cap} said {m} civilians were wounded when shells hit {place}.",
    "About {k} residents fled their homes near {place}, according to {source}.",
    "Police in {place} said {n} bodies had been recovered after the attack.",
    "\"We counted {m} dead,\" said a doctor at the hospital in {place}.",
    "The death toll in {place} rose to {k}, {source} reported on Friday.",
]


def synthetic_text(i: int, sentences: int = 4) -> str:
    """A short article of our own sentences; ``i`` makes it unique."""
    place = PLACES[i % len(PLACES)]
    title = f"Title: Report {i} from {place}\nPublished: 20{10 + i % 14:02d}-0{1 + i % 9}-1{i % 10}\n\n"
    body = []
    for s in range(sentences):
        source = SOURCES[(i + s) % len(SOURCES)]
        body.append(TEMPLATES[(i + s) % len(TEMPLATES)].format(
            n=5 + (i * 7 + s) % 300, m=3 + (i * 3 + s) % 90, k=100 + (i * 11 + s) % 5000, place=place,
            source=source, source_cap=source[0].upper() + source[1:]))
    return title + " ".join(body)


def corpus_texts(corpus: Path) -> list[str]:
    """The shared corpus's ``*.txt`` texts, in name order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no *.txt files in {corpus}; set COUNTERCLAIM_SHARED or pass --corpus")
    return texts


def mixed_texts(corpus: Path, count: int) -> list[str]:
    """``count`` distinct documents: corpus texts in turn, each with a unique synthetic paragraph."""
    base = corpus_texts(corpus)
    return [f"{base[i % len(base)].rstrip()}\n\n{synthetic_text(i, 2).split(chr(10) * 2, 1)[1]}"
            for i in range(count)]


def write_jsonl(texts: list[str], path: Path) -> Path:
    """One ``{"text": ...}`` object per line."""
    with path.open("w", encoding="utf-8") as out:
        for t in texts:
            out.write(json.dumps({"text": t}) + "\n")
    return path


def machine() -> str:
    """A one-line description of this machine."""
    import os

    return f"{platform.machine()}, {os.cpu_count()} CPU(s), {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def write_readme_section(key: str, text: str) -> None:
    """Replace (or add) the block between ``<!-- batch:KEY -->`` markers in the README's batch section."""
    readme = Path(__file__).resolve().parent / "README.md"
    content = readme.read_text(encoding="utf-8")
    heading = "## Batch ingestion (throughput, scaling, memory)"
    if heading not in content:
        content = content.rstrip("\n") + f"\n\n{heading}\n\nWritten by `throughput.py`, `scaling.py` and " \
                                         "`memory.py` with `--append-readme`; each block is one run.\n"
    start, end = f"<!-- batch:{key} -->", f"<!-- /batch:{key} -->"
    block = f"{start}\n{text.rstrip()}\n{end}"
    if start in content:
        before, rest = content.split(start, 1)
        content = before + block + rest.split(end, 1)[1]
    else:
        content = content.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Time the three and print docs/s, words/s and the ratios."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--append-readme", action="store_true")
    args = parser.parse_args(argv)

    from counterclaim.batch import run_batch
    from counterclaim.ledger import Ledger
    from counterclaim.nlp import load_nlp
    from counterclaim.process import extract_text

    texts = mixed_texts(args.corpus, args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    warm = mixed_texts(args.corpus, 3)
    list(nlp.pipe(warm))
    for t in warm:
        extract_text(t)
    times: dict[str, float] = {}
    started = time.perf_counter()
    list(nlp.pipe(texts))
    times["bare spaCy nlp.pipe"] = time.perf_counter() - started
    started = time.perf_counter()
    for t in texts:
        nlp(t)
    times["bare spaCy nlp(text) loop"] = time.perf_counter() - started
    started = time.perf_counter()
    for t in texts:
        extract_text(t)
    times["extract"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        src = write_jsonl(texts, Path(tmp) / "docs.jsonl")
        started = time.perf_counter()
        with Ledger(Path(tmp) / "bench.db") as ledger:
            report = run_batch([str(src)], ledger=ledger)
        times["ingest (SQLite)"] = time.perf_counter() - started
        assert report.added == len(texts) and not report.failures, report.to_dict()
    bare = min(times["bare spaCy nlp.pipe"], times["bare spaCy nlp(text) loop"])  # the stricter baseline
    lines = [f"Throughput, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}; {len(texts)} documents, "
             f"{words:,} words (shared dev corpus + own templates), one process.", "",
             "| step | seconds | docs/s | words/s | throughput vs the faster bare spaCy row | target |",
             "|---|---|---|---|---|---|"]
    ok = True
    for name, secs in times.items():
        ratio = bare / secs
        target = TARGETS.get(name.split()[0])
        ok &= target is None or ratio >= target
        lines.append(f"| {name} | {secs:.2f} | {len(texts) / secs:.2f} | {words / secs:,.0f} | {ratio:.2f}x | "
                     f"{'>= ' + str(target) + 'x' if target else '-'} |")
    text = "\n".join(lines)
    print(text)
    if args.append_readme:
        write_readme_section("throughput", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
