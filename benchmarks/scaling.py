"""Scaling of batch ingestion with worker processes: ``python benchmarks/scaling.py [--docs 2000]``.

Builds a corpus of ``--docs`` distinct documents (this repository's own templates, with one
shared-corpus text, read at run time from ``../shared/corpus/dev``, in every ``--every``
documents), writes it as one file per document, and ingests it into a new SQLite ledger with
``counterclaim.batch.run_batch`` on a process pool of 1 and then 2 workers (the numbers of
``--workers``), timing each run end to end (pool start-up and the spaCy load in each
worker, planning, extraction, the driver's writes and the final regrouping included). Prints
documents/s per run and the speed-up over one worker; target: 2 workers >= 1.7x one worker.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_util import default_corpus  # noqa: E402
from throughput import corpus_texts, machine, synthetic_text, write_readme_section  # noqa: E402

TARGET = 1.7


def build(folder: Path, count: int, corpus: Path, every: int) -> int:
    """Write ``count`` documents into ``folder``; return the number of words."""
    shared = corpus_texts(corpus)
    words = 0
    for i in range(count):
        text = synthetic_text(i, 5)
        if every and i % every == 0:
            text += "\n\n" + shared[(i // every) % len(shared)]
        (folder / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def run(folder: Path, db: Path, workers: int, partition: int) -> float:
    """Seconds to ingest ``folder`` with a pool of ``workers``."""
    from counterclaim.batch import ProcessBackend, run_batch
    from counterclaim.ledger import Ledger

    started = time.perf_counter()
    backend = ProcessBackend(workers)
    try:
        with Ledger(db) as ledger:
            report = run_batch([str(folder)], ledger=ledger, backend=backend, partition_size=partition)
    finally:
        backend.close()
    assert not report.failures, report.to_dict()["failed"][:3]
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Time each worker count and print the speed-ups."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--every", type=int, default=50, help="one shared-corpus text every N documents (0: none)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition-size", type=int, default=16)
    parser.add_argument("--append-readme", action="store_true")
    args = parser.parse_args(argv)
    counts = [int(w) for w in args.workers.split(",")]
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        words = build(folder, args.docs, args.corpus, args.every)
        for w in counts:
            times[w] = run(folder, Path(tmp) / f"w{w}.db", w, args.partition_size)
    base = times[counts[0]]
    lines = [f"Scaling, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}; {args.docs} documents, {words:,} words "
             f"(own templates + a shared-corpus text every {args.every}), process pool, partitions of "
             f"{args.partition_size}, into SQLite, end to end.", "",
             "| workers | seconds | docs/s | words/s | speed-up vs 1 worker | target |", "|---|---|---|---|---|---|"]
    ok = True
    for w, secs in times.items():
        speed = base / secs
        target = TARGET if w == 2 else None
        ok &= target is None or speed >= target
        lines.append(f"| {w} | {secs:.1f} | {args.docs / secs:.1f} | {words / secs:,.0f} | {speed:.2f}x | "
                     f"{'>= ' + str(target) + 'x' if target else '-'} |")
    text = "\n".join(lines)
    print(text)
    if args.append_readme:
        write_readme_section("scaling", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
