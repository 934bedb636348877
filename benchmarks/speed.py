"""Extraction speed against a bare spaCy parse: ``python benchmarks/speed.py [--docs 200]``.

On the same texts (the corpus texts repeated to ``--docs`` documents, read at run time) it times
(a) ``list(nlp.pipe(texts, batch_size=B))`` with the pipeline of ``counterclaim.nlp.load_nlp()``
and (b) ``counterclaim.process.extract_text`` on every text. Both are warmed up first; each is
timed ``--runs`` times and the best run is reported. The target is (b) / (a) <= 1.3.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_util import default_corpus, versions  # noqa: E402

TARGET_RATIO = 1.3


def corpus_texts(corpus: Path, count: int) -> list[str]:
    """The corpus's ``*.txt`` texts in name order, repeated to ``count`` documents."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"speed: no *.txt files in {corpus}; set COUNTERCLAIM_SHARED or pass --corpus")
    return [texts[i % len(texts)] for i in range(count)]


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timed calls of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(texts: list[str], runs: int, batch_size: int | None, per_text: bool = False
            ) -> tuple[float, float, float | None, int]:
    """Best times over ``texts``: bare ``nlp.pipe``, extraction, bare ``nlp(text)`` loop (or None); batch size."""
    from counterclaim.nlp import load_nlp
    from counterclaim.process import extract_text

    nlp = load_nlp()
    size = batch_size or nlp.batch_size

    def parse() -> None:
        list(nlp.pipe(texts, batch_size=size))

    def parse_each() -> None:
        for text in texts:
            nlp(text)

    def extract() -> None:
        for text in texts:
            extract_text(text)

    warm = texts[: min(len(texts), 20)]
    list(nlp.pipe(warm, batch_size=size))
    for text in warm:
        extract_text(text)
    each = best_of(runs, parse_each) if per_text else None
    return best_of(runs, parse), best_of(runs, extract), each, size


def main(argv: list[str] | None = None) -> int:
    """Time both and print the ratio; with ``--check`` exit 1 when it is over the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--docs", type=int, default=200, help="number of documents (texts repeated)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each; the best is reported")
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (default: spaCy's)")
    parser.add_argument("--per-text", action="store_true", help="also time a bare nlp(text) loop")
    parser.add_argument("--check", action="store_true", help=f"exit 1 when the ratio is over {TARGET_RATIO}")
    args = parser.parse_args(argv)
    texts = corpus_texts(args.corpus, args.docs)
    parse, extract, each, size = measure(texts, args.runs, args.batch_size, args.per_text)
    ratio = extract / parse
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} documents, {chars} characters, from {args.corpus}; best of {args.runs} runs")
    print(f"bare spaCy nlp.pipe (batch size {size}): {parse:.2f} s ({len(texts) / parse:.1f} docs/s)")
    if each is not None:
        print(f"bare spaCy nlp(text) per text:          {each:.2f} s ({len(texts) / each:.1f} docs/s); "
              f"extraction / this: {extract / each:.2f}x")
    print(f"counterclaim extract_text:              {extract:.2f} s ({len(texts) / extract:.1f} docs/s)")
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x) {verdict}")
    print(", ".join(f"{k} {v}" for k, v in versions().items()))
    return 1 if args.check and ratio > TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
