"""Command-line interface: thin adapters over the library.

Exit codes:

====  ==================================================================================
code  meaning
====  ==================================================================================
0     every input was processed (warnings may have been printed)
1     input error: a file is missing, a directory, empty, binary, too large, unreadable,
      or an HTML page without main text (``E001``-``E008``); the other inputs were still
      processed
2     usage error: unknown option, missing argument (reported by click)
3     configuration error, e.g. the spaCy model is not installed (``E010``)
4     internal error: a bug; the message names the input and asks for a report
====  ==================================================================================

When several inputs fail, the exit code is the highest one seen. Errors are printed on
standard error as one line ``error: <message>``, diagnostics as ``warning: PATH: <message>``;
results go to standard output.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from counterclaim.about import __version__
from counterclaim.errors import ConfigError, CounterclaimError
from counterclaim.options import DEFAULT_MAX_BYTES, Options
from counterclaim.records import Figure, Result

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_INTERNAL = 4

_TEXT_WIDTH = 40
_SOURCE_WIDTH = 32
_VAGUE_WORDS = ("tens of thousands", "hundreds of thousands", "dozens", "scores", "hundreds", "thousands",
                "millions", "a dozen", "a handful", "several")


@click.group()
@click.version_option(__version__, prog_name="counterclaim")
def main() -> None:
    """counterclaim: casualty figures, quotes and official acts, each with its source."""


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _one_line(text: str, width: int) -> str:
    """Whitespace collapsed, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def count_words(figure: Figure) -> str:
    """A figure's count for people: ``at least 200``, ``500–1,000``, ``dozens``."""
    c = figure.count
    if c.qualifier == "range":
        return f"{c.low:,}–{c.high:,}" if c.low is not None and c.high is not None else "range"
    if c.qualifier == "vague" or c.value is None:
        lowered = " ".join(figure.text.lower().split())
        word = next((w for w in _VAGUE_WORDS if w in lowered), None)
        if word:
            return word
        return f"{c.low:,}–{c.high:,} (vague)" if c.low is not None and c.high is not None else "vague"
    prefix = {"at_least": "at least ", "more_than": "more than ", "approx": "about ", "at_most": "up to "}
    return f"{prefix.get(c.qualifier, '')}{c.value:,}"


def _source_words(figure: Figure) -> str:
    if figure.source is None:
        return "- (hedged)" if figure.hedged else "-"
    words = f"{_one_line(figure.source.name, _SOURCE_WIDTH)} ({figure.source.type})"
    return f"{words} (hedged)" if figure.hedged else words


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows padded into columns (the last column is not padded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(widths[i]) if i < len(row) - 1 else cell for i, cell in enumerate(row)).rstrip()
            for row in rows]


def render_table(result: Result, label: str) -> str:
    """A readable report of one Result: figures, quotes, acts and diagnostics."""
    doc = result.document
    head = [doc.title or "(untitled)", doc.published or "date unknown", label]
    lines = ["== " + " · ".join(head)]
    if result.figures:
        rows = [("id", "text", "outcome", "count", "groups", "source", "part_of")]
        rows += [(f.id, _one_line(f.text, _TEXT_WIDTH), f.outcome, count_words(f), ",".join(f.groups) or "-",
                  _source_words(f), f.part_of or "-") for f in result.figures]
        lines += _table(rows)
    else:
        lines.append("(no figures)")
    if result.quotes:
        lines.append("quotes:")
        for q in result.quotes:
            speaker = q.speaker.name if q.speaker else "(unknown speaker)"
            via = f" via {q.via.name}" if q.via else ""
            words = q.text.split()
            first = _one_line(" ".join(words[:8]), 70) + ("…" if len(words) > 8 else "")
            lines.append(f"  {q.id}  {' '.join(speaker.split())}{via}: “{first}”")
    if result.acts:
        lines.append("acts:")
        lines += ["  " + line for line in _table(
            [(a.id, a.jurisdiction + (f" ({a.jurisdiction_code})" if a.jurisdiction_code else ""), a.act,
              a.date or "-") for a in result.acts])]
    if result.diagnostics:
        lines.append("diagnostics:")
        lines += [f"  {d.message}" for d in result.diagnostics]
    return "\n".join(lines)


def _render(result: Result, label: str, fmt: str, several: bool) -> str:
    if fmt == "table":
        return render_table(result, label)
    data: dict[str, Any] = result.to_dict()
    if fmt == "json" and not several:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _internal(path: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())
    return f"error: internal error while reading {path}: {type(exc).__name__}: {detail} (please report)"


def run_extract(paths: Iterable[str], fmt: str, options: Options) -> int:
    """Extract from every path, print results and messages; return the exit code.

    Args:
        paths: files, or ``-`` for standard input.
        fmt: ``table``, ``json`` or ``jsonl``.
        options: processing settings.

    Returns:
        0 when all went well, else the highest exit code of the errors met.
    """
    from counterclaim.process import extract_file

    paths = list(paths)
    several = len(paths) > 1
    code = EXIT_OK
    for path in paths:
        label = _label(path)
        try:
            result = extract_file(path, options=options)
        except ConfigError as exc:
            click.echo(f"error: {exc.message}", err=True)
            return max(code, exc.exit_code)  # the same for every input: stop here
        except CounterclaimError as exc:
            click.echo(f"error: {exc.message}", err=True)
            code = max(code, exc.exit_code)
            continue
        except (KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # a bug: one line, and go on with the other inputs
            click.echo(_internal(label, exc), err=True)
            code = max(code, EXIT_INTERNAL)
            continue
        for diagnostic in result.diagnostics:
            click.echo(f"warning: {label}: {diagnostic.message}", err=True)
        if fmt == "table" and several and path != paths[0]:
            click.echo("")
        click.echo(_render(result, label, fmt, several))
    return code


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True,
              help="table for people; json: one indented object (JSON Lines for several inputs); "
                   "jsonl: one object per line.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse inputs larger than this many bytes (E005).")
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int) -> None:
    """Extract figures, quotes and acts from PATHS (text, HTML or Markdown files; - for standard input)."""
    options = Options(max_bytes=max_bytes)
    try:
        code = run_extract(paths, fmt, options)
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)


# ---------------------------------------------------------------------------------------
# Other commands (evaluate, ...) are registered below this line by the lead, e.g.
#
#     @main.command()
#     def evaluate(...) -> None: ...
# ---------------------------------------------------------------------------------------

from counterclaim.evaluate.command import evaluate as evaluate_command  # noqa: E402
from counterclaim.ledger.commands import COMMANDS as LEDGER_COMMANDS  # noqa: E402
from counterclaim.web.command import serve  # noqa: E402

main.add_command(evaluate_command)
main.add_command(serve)
for _command in LEDGER_COMMANDS:
    main.add_command(_command)
