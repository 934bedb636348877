"""Helpers of the ledger tests: Results built by hand (no model) and a CLI group."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import click
import pytest

from counterclaim.analysis.kinds import classify_all
from counterclaim.ledger.commands import COMMANDS
from counterclaim.records import Count, Document, Figure, Result, Source

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PG_ENV = "COUNTERCLAIM_TEST_PG_URL"
VERSIONS = {"counterclaim": "test", "output": "v1", "rules": "counterclaim.rules.v1", "model": "none"}


def pg_base_url() -> str:
    """The server URL, or skip (locally) / fail (in CI) when it is not set."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{PG_ENV} is not set: CI must start PostgreSQL (see .ci/run)")
        pytest.skip(f"{PG_ENV} not set: no PostgreSQL server for this run")
    return url


def fig(fid: str, text: str, outcome: str, value: int | None, *, low: int | None = None, high: int | None = None,
        qualifier: str = "exact", groups: tuple[str, ...] = (), part_of: str | None = None,
        source: str | None = None, source_type: str = "government", doc_text: str = "",
        hedged: bool = False, stance: str | None = None) -> dict[str, Any]:
    """A figure spec for :func:`make_result` (the span is found in the document text)."""
    return {"id": fid, "text": text, "outcome": outcome, "value": value,
            "low": value if low is None else low, "high": value if high is None else high,
            "qualifier": qualifier, "groups": groups, "part_of": part_of, "source": source,
            "source_type": source_type, "hedged": hedged or stance not in (None, "asserted"),
            "stance": stance or ("hedged" if hedged else "asserted")}


def make_result(text: str, figures: list[dict[str, Any]] = (), *, title: str | None = None,
                published: str | None = None, publisher: str | None = None, path: str | None = None) -> Result:
    """A Result built by hand: spans and sentences are located in ``text`` (no model)."""
    doc = Document(id=hashlib.sha256(text.encode("utf-8")).hexdigest(), text=text, path=path, title=title,
                   published=published, publisher=publisher)
    out = []
    for spec in figures:
        start = text.index(spec["text"])
        s_start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
        ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
        s_end = min(ends) + 1 if ends else len(text)
        source = None
        if spec["source"]:
            pos = text.find(spec["source"])
            source = Source(spec["source"], spec["source_type"],
                            (pos, pos + len(spec["source"])) if pos >= 0 else None)
        out.append(Figure(id=spec["id"], span=(start, start + len(spec["text"])), text=spec["text"],
                          outcome=spec["outcome"],
                          count=Count(spec["value"], spec["low"], spec["high"], spec["qualifier"]),
                          groups=tuple(spec["groups"]), part_of=spec["part_of"], source=source,
                          hedged=spec["hedged"], sentence=(s_start, s_end), stance=spec["stance"]))
    return Result(document=doc, figures=tuple(classify_all(out, text)), versions=dict(VERSIONS))


def cli_group() -> click.Group:
    """A ``counterclaim``-like group holding the ledger's commands (independent of cli.py)."""
    group = click.Group("counterclaim")
    for command in COMMANDS:
        group.add_command(command)
    return group


# -- the Khojaly-like documents used by several tests, written for these tests --------------

GOV = make_result(
    "Title: Remembering the Khojaly tragedy\nPublished: 2021-02-25\n\n"
    "According to Azerbaijan’s Government, in the night of 26 February 1992 613 civilians including "
    "169 women and children were killed in Khojaly. Human Rights Watch said at least 200 people were killed.",
    [fig("f1", "613 civilians", "killed", 613, groups=("civilians",), source="Azerbaijan’s Government"),
     fig("f2", "169 women and children", "killed", 169, groups=("women", "children"), part_of="f1",
         source="Azerbaijan’s Government"),
     fig("f3", "at least 200 people", "killed", 200, qualifier="at_least", source="Human Rights Watch",
         source_type="ngo")],
    title="Remembering the Khojaly tragedy", published="2021-02-25")

WIRE = make_result(
    "Title: Massacre reported in Hojali\nPublished: 1992-03-03\nPublisher: Example Wire\n\n"
    "Azerbaijani officials said on Monday that 1,000 people were killed in the town of Hojali last week. "
    "HRW said the toll was at least 200.",
    [fig("f1", "1,000 people", "killed", 1000, source="Azerbaijani officials"),
     fig("f2", "at least 200", "killed", 200, qualifier="at_least", source="HRW", source_type="ngo")],
    title="Massacre reported in Hojali", published="1992-03-03", publisher="Example Wire")

OTHER = make_result(
    "Title: Bomb in Lyon\nPublished: 2019-05-25\n\n"
    "A parcel bomb exploded in Lyon on Friday, and regional authorities said 13 people were injured.",
    [fig("f1", "13 people", "injured", 13, source="regional authorities", source_type="government")],
    title="Bomb in Lyon", published="2019-05-25")
