"""Run every peer over a gold corpus and score it: ``python benchmarks/compare.py [--corpus DIR]``.

Writes ``benchmarks/results/results.csv`` and prints a Markdown table. A runner that crashes on
a document counts as having extracted nothing there (a full miss); crashes are recorded.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_util import BENCHMARKS, corpus_fingerprint, default_corpus, versions  # noqa: E402
from counterclaim.evaluate.load import load_gold  # noqa: E402
from counterclaim.evaluate.scoring import GoldDocument, Tally, score_document, scores_from_tally  # noqa: E402
from peers import PEERS, Runner, Skipped, empty  # noqa: E402

METRICS = ("figure_f1", "strict_f1", "outcome_accuracy", "qualifier_accuracy", "attribution_accuracy",
           "hedged_f1", "part_of_accuracy", "groups_f1", "quote_f1", "speaker_accuracy", "act_f1")
HEADERS = ("figure F1", "strict F1", "outcome acc", "qualifier acc", "attribution acc", "hedged F1", "part-of acc",
           "groups F1", "quote F1", "speaker acc", "acts F1")
WARM_UP = "Police said 3 people were killed and 12 injured. \"We are shocked,\" the mayor said."
BASELINE_PEER = "regex-baseline"


@dataclass
class Row:
    """One peer's result on the corpus."""

    peer: str
    scores: dict[str, Any] | None = None
    seconds: float | None = None
    crashes: list[str] = field(default_factory=list)
    note: str = ""


def run_peer(name: str, runner: Runner, documents: list[GoldDocument]) -> Row:
    """Run one peer over the documents (after one warm-up call) and score it."""
    try:
        runner(WARM_UP, None)
    except Skipped as exc:
        return Row(name, note=f"skipped: {exc}")
    except Exception:  # noqa: BLE001 - a crash on the warm-up text is caught again below
        pass
    row, total = Row(name), Tally()
    started = time.perf_counter()
    predictions = {}
    for doc in documents:
        try:
            predictions[doc.name] = runner(doc.text, doc.path)
        except Exception as exc:  # noqa: BLE001 - any crash is a full miss
            row.crashes.append(f"{doc.name}: {type(exc).__name__}: {exc}")
            predictions[doc.name] = empty(doc.text, doc.path)
    row.seconds = time.perf_counter() - started
    for doc in documents:
        try:
            details = score_document(doc, predictions[doc.name])
        except Exception as exc:  # noqa: BLE001 - malformed output is a full miss
            row.crashes.append(f"{doc.name}: malformed output: {type(exc).__name__}: {exc}")
            details = score_document(doc, empty(doc.text, doc.path))
        total.add(details.tally)
    row.scores = scores_from_tally(total)
    if row.crashes:
        row.note = f"crashed on {len(row.crashes)} document(s), counted as empty; first: {row.crashes[0]}"
    return row


def cell(value: Any, digits: int = 3) -> str:
    """A table cell: floats rounded, None as n/a."""
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def relative_time(row: Row, rows: list[Row]) -> float | None:
    """A row's time divided by the regex baseline's."""
    base = next((r.seconds for r in rows if r.peer == BASELINE_PEER and r.seconds), None)
    return row.seconds / base if base and row.seconds is not None else None


def markdown(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    head = ["peer", *HEADERS, "seconds", "time vs regex"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        if row.scores is None:
            cells = [row.peer, *(["-"] * len(METRICS)), "-", "-"]
        else:
            rel = relative_time(row, rows)
            cells = [row.peer, *(cell(row.scores[m]) for m in METRICS), cell(row.seconds, 2),
                     "n/a" if rel is None else f"{rel:.1f}x"]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [f"- {row.peer}: {row.note}" for row in rows if row.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def write_csv(rows: list[Row], path: Path, stamp: dict[str, str]) -> None:
    """Write one CSV line per peer with the metrics, timing, notes and version stamps."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fields = ["peer", *METRICS, "seconds", "relative_time", "documents", "crashes", "note", *stamp]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            scores = row.scores or {}
            rel = relative_time(row, rows)
            writer.writerow({"peer": row.peer, **{m: "" if scores.get(m) is None else round(scores[m], 4)
                                                  for m in METRICS},
                             "seconds": "" if row.seconds is None else round(row.seconds, 3),
                             "relative_time": "" if rel is None else round(rel, 2),
                             "documents": scores.get("documents", ""), "crashes": len(row.crashes),
                             "note": row.note, **stamp})


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus(), help="gold folder (default: shared dev)")
    parser.add_argument("--peers", default=",".join(PEERS), help="comma-separated peers to run")
    parser.add_argument("--out", type=Path, default=BENCHMARKS / "results" / "results.csv")
    args = parser.parse_args(argv)
    documents = load_gold(args.corpus)
    names = [n.strip() for n in args.peers.split(",") if n.strip()]
    unknown = [n for n in names if n not in PEERS]
    if unknown:
        parser.error(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}")
    rows = [run_peer(name, PEERS[name], documents) for name in names]
    stamp = {**versions(), "corpus": args.corpus.name, "corpus_sha256": corpus_fingerprint(args.corpus)}
    write_csv(rows, args.out, stamp)
    print(markdown(rows))
    print()
    print(f"{len(documents)} documents in {args.corpus}; " + ", ".join(f"{k} {v}" for k, v in stamp.items()))
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
