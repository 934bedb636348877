"""The ``counterclaim evaluate`` command (registered on the CLI group by ``counterclaim.cli``)."""

from __future__ import annotations

import json
import sys

import click

from counterclaim.errors import CounterclaimError

__all__ = ["evaluate"]


@click.command("evaluate")
@click.argument("gold_dir")
@click.option("--predictions", "-p", "predictions", default=None, metavar="PATH",
              help="Folder of NAME.json or a JSON Lines file; without it counterclaim runs on each NAME.txt.")
@click.option("--details", is_flag=True,
              help="List per document the misses, extras and wrong fields (on stderr with --json).")
@click.option("--json", "as_json", is_flag=True,
              help="Print the score dictionary as JSON (the metrics of docs/scoring.md).")
@click.option("--save-predictions", "save_to", default=None, metavar="FILE.jsonl",
              help="Write the predictions that were scored as JSON Lines.")
def evaluate(gold_dir: str, predictions: str | None, details: bool, as_json: bool, save_to: str | None) -> None:
    """Score extraction against GOLD_DIR (NAME.txt + NAME.gold.json), as docs/scoring.md describes."""
    from counterclaim.evaluate import evaluate as run_evaluation
    from counterclaim.evaluate.report import format_details, format_table

    try:
        report = run_evaluation(gold_dir, predictions)
        if save_to:
            report.save_predictions(save_to)
    except CounterclaimError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: cannot write {save_to}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(report.scores, indent=2))
    else:
        click.echo(format_table(report))
    if details:
        if not as_json:
            click.echo("")
        click.echo(format_details(report), err=as_json)
