"""Click commands of the ledger; ``COMMANDS`` is added to the ``counterclaim`` group by ``cli.py``.

Every command is a thin adapter over :class:`counterclaim.ledger.Ledger`: it parses options,
calls the library and turns a :class:`counterclaim.errors.CounterclaimError` into one line
``error: <message>`` on standard error and the error's exit code (1 input, 3 ledger or
configuration, 4 internal). Listing commands take ``--format json`` and then print a JSON
array of plain objects. ``--db`` defaults to ``$COUNTERCLAIM_DB``, else ``counterclaim.db``
in the working directory; it also takes a ``postgresql://`` URL.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click

from counterclaim.errors import CounterclaimError
from counterclaim.options import DEFAULT_MAX_BYTES, Options
from counterclaim.store.db import DEFAULT_DB

DB_OPTION = click.option("--db", "db", default=DEFAULT_DB, show_default=True, envvar="COUNTERCLAIM_DB",
                         help="Ledger: a SQLite file, or a postgresql://user@host:port/db URL "
                              "(env COUNTERCLAIM_DB).")


def _format_option(*choices: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True,
                        help="table for people; json: a JSON array of plain objects.")


def edge(func: Callable[..., Any]) -> Callable[..., Any]:
    """Translate domain errors into one line on stderr and the error's exit code."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CounterclaimError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except BrokenPipeError:  # piped into head
            sys.exit(0)
    return wrapper


def _open(db: str, *, read_only: bool = False) -> Any:
    from counterclaim.ledger import Ledger

    return Ledger(db, read_only=read_only)


def _json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _progress(verbose: bool) -> Callable[[str, str, Any], None] | None:
    if not verbose:
        return None

    def show(state: str, label: str, result: Any) -> None:
        figures = f"  {len(result.figures)} figures" if result is not None else ""
        click.echo(f"{state:<11} {label}{figures}", err=True)
    return show


def _report(report: Any, ledger: Any, fmt: str, verb: str) -> None:
    from counterclaim.present.render import ingest_summary

    for failure in report.failures:
        click.echo(f"error: {failure.message}" if failure.message.startswith(("E", "internal")) else
                   f"error: {failure.label}: {failure.message}", err=True)
    if fmt == "json":
        _json({"added": report.added, "skipped": report.skipped, "reextracted": report.reextracted,
               "failed": [{"input": f.label, "message": f.message} for f in report.failures],
               "grouping": report.grouping, "stale": report.stale, "ledger": ledger.counts()})
    else:
        click.echo(ingest_summary(report, ledger.counts(), verb))


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--no-ner", is_flag=True, help="Find places without the spaCy NER (faster, less precise events).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse inputs larger than this many bytes (E005).")
@click.option("-w", "--workers", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes (0: every core). More than 1 implies --engine processes.")
@click.option("--engine", type=click.Choice(["local", "processes", "dask"]), default=None,
              help="Where documents are extracted: this process, a process pool, or Dask "
                   "(a local cluster of --workers, or --scheduler). Default: local, or processes with --workers.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="A running Dask scheduler, e.g. tcp://host:8786 (implies --engine dask).")
@click.option("--output", "output", default=None, metavar="DIR",
              help="Write Parquet shards (one per partition) to DIR; finished shards are skipped on a rerun.")
@click.option("--ledger/--no-ledger", "to_ledger", default=None,
              help="Store in the ledger (the default without --output; with --output, shards only unless --ledger).")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Documents (files or JSON Lines) per task sent to a worker [default: 16; 1 in-process "
                   "without --output].")
@click.option("--progress/--no-progress", "show_progress", default=None,
              help="Progress bar with docs/s and ETA on standard error (default: when it is a terminal).")
@click.option("-v", "--verbose", is_flag=True, help="Print one line per document on standard error.")
@_format_option("table", "json")
@edge
def ingest(paths: tuple[str, ...], db: str, no_ner: bool, max_bytes: int, workers: int, engine: str | None,
           scheduler: str | None, output: str | None, to_ledger: bool | None, partition_size: int | None,
           show_progress: bool | None, verbose: bool, fmt: str) -> None:
    """Extract PATHS and store them in the ledger: files, folders, globs, - (stdin); .txt .html .md .jsonl.

    A document already stored (same sha256 of its text) is skipped, and so is a partition
    whose shard is in --output; documents are committed in batches, so an interrupted
    ingest can simply be run again. A document that cannot be read or crashes the extractor
    is reported (and kept in the ledger's failures table) and the run goes on. Events are
    regrouped at the end.

    Exit codes: 0 all stored; 1 some inputs unreadable; 3 ledger, model, Dask or output
    problem (nothing ran); 4 the extractor crashed on some documents or a worker was lost.
    """
    from counterclaim.batch import make_backend, run_batch

    engine = engine or ("dask" if scheduler else "processes" if workers != 1 else "local")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask.")
    use_ledger = to_ledger if to_ledger is not None else output is None
    if not use_ledger and output is None:
        raise click.UsageError("--no-ledger needs --output DIR.")
    bar = sys.stderr.isatty() if show_progress is None else show_progress
    ledger = _open(db) if use_ledger else None
    try:
        backend = make_backend(engine, workers=workers or None, scheduler=scheduler)
        try:
            report = run_batch(list(paths), ledger=ledger, output=output, backend=backend,
                               options=Options(max_bytes=max_bytes), use_ner=not no_ner, partition_size=partition_size,
                               progress=_progress(verbose), bar=bar)
        finally:
            backend.close()
        if ledger is not None:
            _report(report, ledger, fmt, "ingest")
        elif fmt == "json":
            for failure in report.failures:
                click.echo(f"error: {failure.label}: {failure.message}", err=True)
            _json(report.to_dict())
        else:
            for failure in report.failures:
                click.echo(f"error: {failure.label}: {failure.message}", err=True)
            rate = report.documents / report.seconds if report.seconds else 0.0
            click.echo(f"wrote {report.written} document(s) in {report.shards} shard(s), skipped {report.skipped}"
                       f"{f', {len(report.failures)} failed' if report.failures else ''}"
                       f" ({rate:.1f} docs/s, {report.workers} worker(s), {report.backend}).")
    finally:
        if ledger is not None:
            ledger.close()
    sys.exit(report.exit_code)



@click.command()
@click.argument("documents", nargs=-1)
@DB_OPTION
@click.option("--all", "everything", is_flag=True, help="Re-extract every document, not only stale ones.")
@click.option("--no-ner", is_flag=True, help="Find places without the spaCy NER.")
@click.option("-v", "--verbose", is_flag=True, help="Print one line per document on standard error.")
@_format_option("table", "json")
@edge
def reextract(documents: tuple[str, ...], db: str, everything: bool, no_ner: bool, verbose: bool, fmt: str) -> None:
    """Extract stored documents again with the installed rules.

    Without DOCUMENTS (ids, unique id prefixes or paths) only documents extracted by other
    rules than the installed ones are redone; --all redoes every document. Users' event
    decisions are kept.
    """
    with _open(db) as ledger:
        ids = list(documents) or ([d["id"] for d in ledger.documents()] if everything else None)
        report = ledger.reextract(ids, use_ner=not no_ner, progress=_progress(verbose))
        _report(report, ledger, fmt, "reextract")


@click.command()
@DB_OPTION
@_format_option("table", "json")
@click.option("--sort", type=click.Choice(["documents", "id", "year", "spread"]), default="documents",
              show_default=True, help="Order of the events.")
@click.option("--min-documents", type=click.IntRange(min=1), default=1, show_default=True,
              help="Only events with at least this many documents.")
@click.option("--search", default=None,
              help="Only events whose id, name or place contains this text (in any spelling of a place).")
@edge
def events(db: str, fmt: str, sort: str, min_documents: int, search: str | None) -> None:
    """List events with their outcomes and how far their sources disagree."""
    from counterclaim.store.search import variants

    with _open(db, read_only=True) as ledger:
        rows = [e for e in ledger.events() if len(e["documents"]) >= min_documents]
        needles = [search.lower(), *(v.lower() for v in variants(ledger.db, search))] if search else []
    if needles:
        rows = [e for e in rows if any(n in (e[k] or "").lower() for n in needles for k in ("id", "name", "place"))]
    keys: dict[str, Callable[[dict[str, Any]], Any]] = {
        "documents": lambda e: (-len(e["documents"]), e["id"]), "id": lambda e: e["id"],
        "year": lambda e: (e["year"] or 0, e["id"]),
        "spread": lambda e: (-max((r["disagreement"] or 0 for r in e["outcomes"]), default=0), e["id"])}
    rows.sort(key=keys[sort])
    if fmt == "json":
        _json(rows)
    else:
        from counterclaim.present.render import events_table
        click.echo(events_table(rows))


@click.command()
@click.argument("event_id")
@DB_OPTION
@_format_option("table", "json")
@click.option("--outcome", type=click.Choice(["killed", "injured", "missing", "captured", "displaced"]),
              default=None, help="Show only this outcome.")
@edge
def event(event_id: str, db: str, fmt: str, outcome: str | None) -> None:
    """Show one event: per outcome and victim group, each source's figures, documents and dates."""
    with _open(db, read_only=True) as ledger:
        data = ledger.event(event_id)
    if outcome:
        data["outcomes"] = [r for r in data["outcomes"] if r["outcome"] == outcome]
    if fmt == "json":
        _json([data])
    else:
        from counterclaim.present.render import event_text
        click.echo(event_text(data, outcome=outcome))


@click.command()
@DB_OPTION
@_format_option("table", "json")
@click.option("--search", default=None, help="Only sources whose id, name or a spelling contains this text.")
@edge
def sources(db: str, fmt: str, search: str | None) -> None:
    """List normalised sources with their types, claim counts and every spelling seen."""
    with _open(db, read_only=True) as ledger:
        rows = ledger.sources()
    if search:
        needle = search.lower()
        rows = [s for s in rows if needle in s["id"] or needle in s["name"].lower()
                or any(needle in sp.lower() for sp in s["spellings"])]
    rows.sort(key=lambda s: (-s["claims"], s["id"]))
    if fmt == "json":
        _json(rows)
    else:
        from counterclaim.present.render import sources_table
        click.echo(sources_table(rows))


@click.command()
@DB_OPTION
@_format_option("table", "json")
@edge
def documents(db: str, fmt: str) -> None:
    """List stored documents with their counts and events."""
    with _open(db, read_only=True) as ledger:
        rows = ledger.documents()
    if fmt == "json":
        _json(rows)
    else:
        from counterclaim.present.render import documents_table
        click.echo(documents_table(rows))


@click.command()
@DB_OPTION
@_format_option("table", "json")
@click.option("--event", "event_id", default=None, help="Only the flags of this event.")
@edge
def checks(db: str, fmt: str, event_id: str | None) -> None:
    """Flag figures that cannot all be true: subsets above their whole, sums, self-contradictions, time spans."""
    with _open(db, read_only=True) as ledger:
        flags = ledger.checks(event_id=event_id)
    if fmt == "json":
        _json(flags)
    else:
        from counterclaim.present.render import checks_table
        click.echo(checks_table(flags))


@click.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "ucdp", "json"]), default="csv",
              show_default=True, help="csv/json/parquet: the --table; jsonl: the extract JSON (docs/output.md); "
                   "ucdp: one row per event (docs/export.md).")
@click.option("--table", type=click.Choice(["figures", "claims", "events", "sources", "documents"]),
              default="figures", show_default=True, help="Which table csv, json and parquet write.")
@click.option("-o", "--output", default=None, help="Write to this file (required for parquet) instead of stdout.")
@edge
def export(db: str, fmt: str, table: str, output: str | None) -> None:
    """Export the ledger as CSV, JSON, JSON Lines (the extract JSON of docs/output.md), Parquet or a
    UCDP-GED-like table."""
    from counterclaim.present.export import write_export

    with _open(db, read_only=True) as ledger:
        n = write_export(ledger, fmt, table=table, out=sys.stdout, path=output)
    if output:
        click.echo(f"wrote {n} row(s) to {output}", err=True)


@click.command("merge-events")
@click.argument("ids", nargs=-1, required=True)
@DB_OPTION
@click.option("--into", default=None, help="The id to keep (default: the first).")
@click.option("--name", default=None, help="A new display name for the merged event.")
@edge
def merge_events(ids: tuple[str, ...], db: str, into: str | None, name: str | None) -> None:
    """Merge events that are one incident; the other ids keep resolving to the kept one."""
    with _open(db) as ledger:
        target = ledger.merge_events(list(ids), into=into, name=name)
    click.echo(f"merged into {target}")


@click.command("split-event")
@click.argument("event_id")
@click.option("--document", "documents", multiple=True, required=True,
              help="A document (id, unique id prefix or path) whose figures leave the event; repeatable.")
@DB_OPTION
@click.option("--id", "new_id", default=None, help="Id of the new event (default: derived from the name).")
@click.option("--name", default=None, help="Display name of the new event.")
@edge
def split_event(event_id: str, documents: tuple[str, ...], db: str, new_id: str | None, name: str | None) -> None:
    """Move the contribution of some documents out of an event into a new one."""
    with _open(db) as ledger:
        target = ledger.split_event(event_id, list(documents), new_id=new_id, name=name)
    click.echo(f"split into {target}")


@click.command("merge-sources")
@click.argument("ids", nargs=-1, required=True)
@DB_OPTION
@click.option("--into", default=None, help="The id to keep (default: the first).")
@click.option("--name", default=None, help="A new display name for the merged source.")
@edge
def merge_sources(ids: tuple[str, ...], db: str, into: str | None, name: str | None) -> None:
    """Merge sources (ids or spellings) that are one speaker; later spellings follow."""
    with _open(db) as ledger:
        target = ledger.merge_sources(list(ids), into=into, name=name)
    click.echo(f"merged into {target}")


@click.command("split-source")
@click.argument("source_id")
@click.option("--spelling", "spellings", multiple=True, required=True,
              help="A spelling (exactly as listed by counterclaim sources) to move; repeatable.")
@DB_OPTION
@click.option("--id", "new_id", default=None, help="Id of the new source.")
@click.option("--name", default=None, help="Display name of the new source (default: the first spelling).")
@edge
def split_source(source_id: str, spellings: tuple[str, ...], db: str, new_id: str | None, name: str | None) -> None:
    """Move spellings of a source to a new source."""
    with _open(db) as ledger:
        target = ledger.split_source(source_id, list(spellings), new_id=new_id, name=name)
    click.echo(f"split into {target}")


COMMANDS: list[click.Command] = [ingest, events, event, sources, documents, checks, export, reextract,
                                 merge_events, split_event, merge_sources, split_source]
"""The ledger's commands, for ``cli.py``: ``for command in COMMANDS: main.add_command(command)``."""
