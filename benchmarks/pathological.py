"""Cost on pathological inputs: ``python benchmarks/pathological.py [--scale N]``.

Each shape is run at two sizes (the second twice the first), each in a fresh process so that its
peak resident memory is its own. The script prints, per shape, the time and peak RSS at both sizes
and their ratios: near-linear code shows a time ratio near 2 (at most about 2.5 with noise) and a
memory ratio well under 2 (the spaCy model dominates memory at small sizes). The shapes are the
ones an adversarial review found (issue 13): thousands of figures in one sentence with or without
a full stop, a run of quotation marks, a long plain text, attributes on one HTML tag, an HTML tag
bomb, deeply nested HTML, and a number of hundreds of digits.

Baselines are measured in the same run (the smaller size of each shape); nothing is compared with
numbers from another machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable

Shape = Callable[[int], bytes]


def figures_in_one_sentence(n: int) -> bytes:
    return (" and ".join(f"{i % 90 + 2} killed" for i in range(n)) + ".").encode()


def figures_without_full_stop(n: int) -> bytes:
    return " ".join(f"{i % 90 + 2} killed" for i in range(n)).encode()


def quote_marks(n: int) -> bytes:
    return ('He said ' + '"' * n + ' and left.').encode()


def long_plain_text(n: int) -> bytes:
    para = ("A car bomb killed 14 people and wounded 30 others in Varno on Monday, police said. "
            "\"We heard the blast from the market,\" said Ana Ruiz, a baker.")
    return "\n\n".join(para for _ in range(n)).encode()


def html_attributes(n: int) -> bytes:
    attrs = " ".join(f'a{i}="v"' for i in range(n))
    return f"<html><body><p {attrs}>Three people were killed, police said.</p></body></html>".encode()


def html_tag_bomb(n: int) -> bytes:
    return ("<html><body>" + "<b><i>x</i></b>" * n + "<p>Three people were killed.</p></body></html>").encode()


def html_nesting(n: int) -> bytes:
    return ("<html><body>" + "<div>" * n + "Three people were killed, police said." + "</div>" * n
            + "</body></html>").encode()


def huge_number(n: int) -> bytes:
    return ("1" * n + " people were killed, 12 more were hurt.").encode()


SHAPES: dict[str, tuple[Shape, int, str]] = {
    "figures in one sentence": (figures_in_one_sentence, 1000, ".txt"),
    "figures, no full stop": (figures_without_full_stop, 1000, ".txt"),
    "run of quotation marks": (quote_marks, 4000, ".txt"),
    "long plain text (paragraphs)": (long_plain_text, 2000, ".txt"),
    "attributes on one HTML tag": (html_attributes, 40_000, ".html"),
    "HTML tag bomb": (html_tag_bomb, 40_000, ".html"),
    "nested HTML": (html_nesting, 5_000, ".html"),
    "a number of many digits": (huge_number, 5_000, ".txt"),
}


def _run(shape: str, n: int, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    from counterclaim.options import Options
    from counterclaim.process import process
    from counterclaim.read import read_bytes

    process(read_bytes(b"Warm-up: 2 people died.", "w.txt")[0])  # the model loaded before timing
    make, _, suffix = SHAPES[shape]
    data = make(n)
    start = time.perf_counter()
    error = None
    figures = 0
    try:
        document, diagnostics = read_bytes(data, f"input{suffix}", max_bytes=Options().max_bytes)
        figures = len(process(document, diagnostics).result.figures)
    except Exception as exc:  # an input error is a result too (it must be clear and fast)
        error = f"{type(exc).__name__}: {str(exc)[:80]}"
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"seconds": seconds, "peak_mb": peak_mb, "bytes": len(data), "figures": figures, "error": error})


def measure(shape: str, n: int) -> dict[str, object]:
    """Time and peak RSS of processing one input of the shape, in a fresh process."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(shape, n, queue))
    proc.start()
    result = queue.get(timeout=900)
    proc.join()
    return result  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size (e.g. 0.2 for a quick run)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    rows = []
    for shape, (_, base, _) in SHAPES.items():
        n = max(1, int(base * args.scale))
        small, big = measure(shape, n), measure(shape, 2 * n)
        rows.append({"shape": shape, "n": n, "small": small, "big": big,
                     "time_ratio": round(float(big["seconds"]) / max(float(small["seconds"]), 1e-3), 2),  # type: ignore[arg-type]
                     "memory_ratio": round(float(big["peak_mb"]) / float(small["peak_mb"]), 2)})  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'shape':30} {'size':>9} {'time s':>14} {'peak MB':>14} {'time x':>7} {'mem x':>6}")
    for r in rows:
        s, b = r["small"], r["big"]
        print(f"{r['shape']:30} {r['n']:>9} {s['seconds']:6.2f}/{b['seconds']:6.2f} "  # type: ignore[index]
              f"{s['peak_mb']:6.0f}/{b['peak_mb']:6.0f} {r['time_ratio']:>7} {r['memory_ratio']:>6}"  # type: ignore[index]
              + (f"  ({b['error']})" if b["error"] else ""))  # type: ignore[index]
    return 0


if __name__ == "__main__":
    sys.exit(main())
