"""Command-line interface: thin adapters over the library."""

from __future__ import annotations

import json
import sys

import click

from counterclaim.about import __version__
from counterclaim.errors import CounterclaimError
from counterclaim.options import Options


@click.group()
@click.version_option(__version__, prog_name="counterclaim")
def main() -> None:
    """counterclaim: casualty figures, quotes and official acts, each with its source."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table for people, json (one object) or jsonl (one per line).")
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Extract figures, quotes and acts from PATHS (files, or - for standard input)."""
    from counterclaim.process import extract_file

    options = Options()
    for path in paths:
        try:
            result = extract_file(path, options=options)
        except CounterclaimError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if fmt == "json" else None))
