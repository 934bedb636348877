"""Memory of batch ingestion as the corpus grows: ``python benchmarks/memory.py [--sizes 1000,10000]``.

For each size it starts a fresh Python process that writes that many distinct short
documents (this repository's own templates) to a JSON Lines file and ingests them with
``counterclaim.batch.run_batch`` in that process into a new SQLite ledger, then reports its
peak resident set size (``ru_maxrss``: the spaCy pipeline, the driver and the worker in one
process), once just before the ledger's final event regrouping and once at the end. Target:
peak RSS at the largest size within 10 % of the smallest, both for the batch pipeline and for
the whole command with the (incremental) regrouping, :meth:`counterclaim.ledger.Ledger.regroup`. The documents are
short (about 25 words) so that 10,000 of them finish in a couple of minutes on 2 cores; what
is measured is growth with the number of documents, which length does not change.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import PLACES, machine, synthetic_text, write_readme_section  # noqa: E402

TARGET = 0.10


def text_of(i: int, sentences: int, one_event: bool) -> str:
    """The ``i``-th document; with ``one_event`` every document reports the same place on the same day."""
    if not one_event:
        return synthetic_text(i, sentences)
    return re.sub(r"Published: [0-9-]+", "Published: 2015-03-12", synthetic_text(i * len(PLACES), sentences))


def child(size: int, sentences: int, one_event: bool = False) -> None:
    """Ingest ``size`` documents in this process and print ``{"size", "peak_mb", "seconds"}``."""
    from counterclaim.batch import run_batch
    from counterclaim.ledger import Ledger

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        with src.open("w", encoding="utf-8") as out:
            for i in range(size):
                out.write(json.dumps({"text": text_of(i, sentences, one_event)}) + "\n")
        started = time.perf_counter()
        marks: dict[str, float] = {}
        with Ledger(Path(tmp) / "m.db") as ledger:
            regroup = ledger.regroup

            def timed_regroup() -> dict[str, int]:  # the ledger's event grouping, after every document is stored
                marks["ingest_peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                marks["ingest_seconds"] = time.perf_counter() - started
                return regroup()

            ledger.regroup = timed_regroup  # type: ignore[method-assign]
            report = run_batch([str(src)], ledger=ledger, partition_size=16)
        seconds = time.perf_counter() - started
    assert report.added == size and not report.failures, report.to_dict()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"size": size, "peak_mb": round(marks["ingest_peak_kb"] / 1024, 1),
                      "seconds": round(marks["ingest_seconds"], 1), "total_peak_mb": round(peak_kb / 1024, 1),
                      "total_seconds": round(seconds, 1)}))


def main(argv: list[str] | None = None) -> int:
    """Run each size in its own process and compare the peaks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--sentences", type=int, default=2)
    parser.add_argument("--one-event", action="store_true",
                        help="every document about the same place and day: one event that grows with the corpus")
    parser.add_argument("--append-readme", action="store_true")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child, args.sentences, args.one_event)
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--child", str(size), "--sentences", str(args.sentences),
                              *(["--one-event"] if args.one_event else [])],
                             check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    base = rows[0]["peak_mb"]
    lines = [f"Memory, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {machine()}; short documents of own templates "
             f"({args.sentences} sentences), JSON Lines, in one process (local backend, partitions of 16), "
             "into SQLite" + ("; every document about one place and day (one event)." if args.one_event else
                              "; ten places, one event per place and month."), "",
             "Pipeline: reading, extracting and storing every document; whole command: the pipeline and the "
             "ledger's event grouping (`Ledger.regroup`, incremental). Target: each peak at the largest size "
             "within +10% of the smallest.", "",
             "| documents | pipeline: seconds | peak RSS (MB) | vs smallest | whole command: seconds | peak RSS (MB) "
             "| vs smallest | target |",
             "|---|---|---|---|---|---|---|---|"]
    ok = True
    total_base = rows[0]["total_peak_mb"]
    for r in rows:
        growth = r["peak_mb"] / base - 1
        total_growth = r["total_peak_mb"] / total_base - 1
        last = r is rows[-1] and len(rows) > 1
        ok &= not last or (growth <= TARGET and total_growth <= TARGET)
        lines.append(f"| {r['size']:,} | {r['seconds']} | {r['peak_mb']} | {growth:+.1%} | {r['total_seconds']} | "
                     f"{r['total_peak_mb']} | {total_growth:+.1%} | {'<= +10%' if last else '-'} |")
    text = "\n".join(lines)
    print(text)
    if args.append_readme:
        write_readme_section("memory-one-event" if args.one_event else "memory", text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
