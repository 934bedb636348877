"""Command-line interface: thin adapters over the library.

Exit codes:

====  ==================================================================================
code  meaning
====  ==================================================================================
0     every input was processed (warnings may have been printed)
1     input error: a file is missing, a directory, empty, binary, too large, unreadable,
      or an HTML page without main text (``E001``-``E008``), or a web address that could
      not be fetched (``E032``-``E038``); the other inputs were still processed
2     usage error: unknown option, missing argument (``E030``)
3     configuration error, e.g. the spaCy model is not installed (``E010``)
4     internal error: a bug; the message names the input and asks for a report
====  ==================================================================================

When several inputs fail, the exit code is the highest one seen. Errors are printed on
standard error as one line ``error: <message>``, diagnostics as ``warning: PATH: <message>``;
results go to standard output.

Commands other than ``extract`` live in other packages (the ledger's, ``evaluate``,
``serve``) and are imported only when one of them is run or listed, so that ``extract``
starts without importing the ledger, and a command that is not run cannot slow it down.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import click

from counterclaim.about import __version__
from counterclaim.errors import ConfigError, CounterclaimError, Errors
from counterclaim.options import DEFAULT_MAX_BYTES, Options
from counterclaim.records import Figure, Result
from counterclaim.termtable import Column, fit_line, render, terminal_width

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_CONFIG = 3
EXIT_INTERNAL = 4

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
CSV_COLUMNS = ("doc_id", "doc_path", "doc_title", "doc_published", "doc_publisher", "doc_url", "fid", "text",
               "outcome", "count", "value", "low", "high", "qualifier", "groups", "part_of", "hedged", "stance",
               "kind", "source", "source_type", "span_start", "span_end", "sentence_start", "sentence_end",
               "confidence")
"""The columns of ``extract --format csv|tsv``: one row per figure (names as in ``export --table figures``)."""

_VAGUE_WORDS = ("tens of thousands", "hundreds of thousands", "dozens", "scores", "hundreds", "thousands",
                "millions", "a dozen", "a handful", "several")
_LAZY_COMMANDS = ("counterclaim.evaluate.command:evaluate", "counterclaim.web.command:serve",
                  "counterclaim.ledger.commands:COMMANDS")
"""Commands of other packages, imported on first need (``module:attribute``, a command or a list)."""


class _Commands(dict[str, click.Command]):
    """A group's commands: those of :data:`_LAZY_COMMANDS` are imported when a name is missing or
    the whole list is needed (``--help``), not at start-up."""

    def __init__(self) -> None:
        super().__init__()
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        for target in _LAZY_COMMANDS:
            module, _, name = target.partition(":")
            found = getattr(importlib.import_module(module), name)
            for command in found if isinstance(found, list | tuple) else [found]:
                self.setdefault(command.name, command)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if not dict.__contains__(self, key):
            self.load()
        return dict.get(self, key, default)

    def __missing__(self, key: str) -> click.Command:
        if self._loaded:
            raise KeyError(key)
        self.load()
        return self[key]

    def __contains__(self, key: object) -> bool:
        if not dict.__contains__(self, key):
            self.load()
        return dict.__contains__(self, key)

    def __iter__(self) -> Iterator[str]:
        self.load()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self.load()
        return dict.__len__(self)

    def keys(self) -> Any:
        self.load()
        return dict.keys(self)

    def items(self) -> Any:
        self.load()
        return dict.items(self)

    def values(self) -> Any:
        self.load()
        return dict.values(self)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.rstrip(")").endswith((".", "?", "!")) else text + "."


class CounterclaimGroup(click.Group):
    """The ``counterclaim`` group: lazily imported commands, and every usage error on one line
    (``error: E030 <problem>. Run <command> --help for the usage.``, exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message())
            sys.exit(EXIT_OK)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx else self.name or "counterclaim"
            click.echo("error: " + Errors.E030.format(detail=_sentence(exc.format_message()), command=command),
                       err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("error: aborted.", err=True)
            sys.exit(EXIT_INPUT)
        sys.exit(code if isinstance(code, int) else EXIT_OK)


@click.group(name="counterclaim", cls=CounterclaimGroup)
@click.version_option(__version__, prog_name="counterclaim")
def main() -> None:
    """counterclaim: casualty figures, quotes and official acts, each with its source."""


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else path


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
    stance = f" ({figure.stance})" if figure.stance not in ("asserted", "hedged") else ""
    hedged = " (hedged)" if figure.hedged else ""
    if figure.source is None:
        return f"-{hedged}{stance}"
    return f"{figure.source.name} ({figure.source.type}){hedged}{stance}"


FIGURE_COLUMNS = (
    Column("id", min_width=2, max_width=6),
    Column("text", min_width=8, max_width=40, wrap=True),
    Column("outcome", min_width=4, max_width=12),
    Column("count", min_width=5, max_width=18, wrap=True),
    Column("groups", min_width=4, max_width=20, wrap=True),
    Column("source", min_width=6, max_width=40, wrap=True),
    Column("part_of", min_width=3, max_width=8),
)
"""The figures table: fits 44 columns and more; wider cells wrap (text, count, groups, source)."""
ACT_COLUMNS = (Column("id", min_width=2, max_width=6), Column("jurisdiction", min_width=8, max_width=30, wrap=True),
               Column("act", min_width=10, wrap=True), Column("date", min_width=10, max_width=10))


def render_table(result: Result, label: str, width: int | None = None) -> str:
    """A readable report of one Result (figures, quotes, acts, diagnostics), fitted to ``width``
    display columns (None: the terminal's; 0: no limit)."""
    room = terminal_width(width)
    doc = result.document
    lines = fit_line("== " + " · ".join([doc.title or "(untitled)", doc.published or "date unknown", label]), room)
    if result.figures:
        lines += render(FIGURE_COLUMNS, [(f.id, f.text, f.outcome, count_words(f), ",".join(f.groups) or "-",
                                          _source_words(f), f.part_of or "-") for f in result.figures], width=room)
    else:
        lines.append("(no figures)")
    if result.quotes:
        lines.append("quotes:")
        for q in result.quotes:
            speaker = q.speaker.name if q.speaker else "(unknown speaker)"
            via = f" via {q.via.name}" if q.via else ""
            words = q.text.split()
            first = " ".join(words[:12]) + ("…" if len(words) > 12 else "")
            lines += fit_line(f"  {q.id}  {speaker}{via}: “{first}”", room)
    if result.acts:
        lines.append("acts:")
        lines += ["  " + line for line in render(ACT_COLUMNS, [
            (a.id, a.jurisdiction + (f" ({a.jurisdiction_code})" if a.jurisdiction_code else ""), a.act,
             a.date or "-") for a in result.acts], width=max(1, room - 2))]
    if result.diagnostics:
        lines.append("diagnostics:")
        for d in result.diagnostics:
            lines += fit_line(f"  {d.message}", room, indent="    ", wrap_lines=True)
    return "\n".join(lines)


def figure_rows(result: Result) -> Iterator[list[Any]]:
    """The rows of ``--format csv|tsv`` for one Result, in the order of :data:`CSV_COLUMNS`."""
    doc = result.document
    for f in result.figures:
        c, sentence = f.count, f.sentence or (None, None)
        yield [doc.id, doc.path or "", doc.title or "", doc.published or "", doc.publisher or "", doc.url or "",
               f.id, " ".join(f.text.split()), f.outcome, count_words(f), c.value, c.low, c.high, c.qualifier,
               ";".join(f.groups), f.part_of or "", "true" if f.hedged else "false", f.stance, f.kind or "",
               f.source.name if f.source else "", f.source.type if f.source else "", f.span[0], f.span[1],
               sentence[0], sentence[1], "" if f.confidence is None else f.confidence]


class Output:
    """Writes results in one format: a table per document, one JSON object or array, JSON Lines,
    or CSV/TSV rows under one header. Everything is streamed: one document at a time."""

    def __init__(self, fmt: str, several: bool, width: int | None, echo: Callable[[str], None]) -> None:
        self.fmt, self.several, self.width, self.echo = fmt, several, width, echo
        self.count = 0

    def start(self) -> None:
        if self.fmt in ("csv", "tsv"):
            self._rows([list(CSV_COLUMNS)])
        elif self.fmt == "json" and self.several:
            self.echo("[\n")

    def write(self, result: Result, label: str) -> None:
        first = self.count == 0
        self.count += 1
        if self.fmt == "table":
            self.echo(("" if first else "\n") + render_table(result, label, self.width) + "\n")
        elif self.fmt == "json":
            text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
            self.echo(text + "\n" if not self.several else ("" if first else ",\n") + text)
        elif self.fmt == "jsonl":
            self.echo(json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            self._rows(figure_rows(result))

    def finish(self) -> None:
        if self.fmt == "json" and self.several:
            self.echo("\n]\n" if self.count else "]\n")

    def _rows(self, rows: Iterable[Sequence[Any]]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter="\t" if self.fmt == "tsv" else ",", lineterminator="\n").writerows(rows)
        self.echo(buffer.getvalue())


def _internal(path: str, exc: BaseException) -> str:
    detail = " ".join(str(exc).split())
    return f"error: internal error while reading {path}: {type(exc).__name__}: {detail} (please report)"


def _extract_one(path: str, options: Options, timeout: float) -> Result:
    from counterclaim.read.url import is_url

    if is_url(path):
        from counterclaim.process import process
        from counterclaim.read.url import read_url

        document, diagnostics = read_url(path, max_bytes=options.max_bytes, timeout=timeout)
        return process(document, diagnostics, options=options).result
    from counterclaim.process import extract_file

    return extract_file(path, options=options)


def run_extract(paths: Iterable[str], fmt: str, options: Options, *, width: int | None = None,
                timeout: float | None = None) -> int:
    """Extract from every input, print results and messages; return the exit code.

    Args:
        paths: files, web addresses (``http://``, ``https://``), or ``-`` for standard input.
        fmt: one of :data:`FORMATS`.
        options: processing settings.
        width: the table's width (None: the terminal's; 0: no limit).
        timeout: seconds a web address may take (None: the default of :mod:`counterclaim.read.url`).

    Returns:
        0 when all went well, else the highest exit code of the errors met.
    """
    from counterclaim.read.url import DEFAULT_TIMEOUT

    paths = list(paths)
    output = Output(fmt, len(paths) > 1, width, lambda text: click.echo(text, nl=False))
    output.start()
    code = EXIT_OK
    for path in paths:
        label = _label(path)
        try:
            result = _extract_one(path, options, DEFAULT_TIMEOUT if timeout is None else timeout)
        except ConfigError as exc:
            click.echo(f"error: {exc.message}", err=True)
            code = max(code, exc.exit_code)  # the same for every input: stop here
            break
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
        output.write(result, label)
    output.finish()
    return code


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: for people, fitted to the terminal; json: one indented object for one input, one "
                   "JSON array of objects for several; jsonl: JSON Lines, one object per input; csv, tsv: one "
                   "row per figure under one header row (document id, path and title, source name and type, "
                   "count and qualifier, hedged, stance...), quoted where needed.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse inputs (files, pages) larger than this many bytes (E005).")
@click.option("--width", type=click.IntRange(min=0), default=None,
              help="Fit tables to this many columns (default: the terminal's width, or $COLUMNS, or 80; "
                   "0: no limit).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a web address may take to fetch, in all.")
def extract(paths: tuple[str, ...], fmt: str, max_bytes: int, width: int | None, timeout: float) -> None:
    """Extract figures, quotes and acts from PATHS: text, HTML or Markdown files, web addresses
    (http:// or https://, fetched with a time and size limit), or - for standard input."""
    options = Options(max_bytes=max_bytes)
    try:
        code = run_extract(paths, fmt, options, width=width, timeout=timeout)
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    sys.exit(code)


if __name__ == "__main__":  # python -m counterclaim.cli
    main()
