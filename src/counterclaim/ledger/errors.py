"""Coded errors of the ledger (``E1xx``); every message names the problem and the fix.

They subclass :class:`counterclaim.errors.CounterclaimError`, so the CLI prints them as
one line ``error: <message>`` and exits with ``exit_code``.
"""

from __future__ import annotations

from enum import StrEnum

from counterclaim.errors import CounterclaimError


class LedgerErrors(StrEnum):
    """Errors of opening, reading and changing a ledger."""

    E101 = ("E101 no ledger at {path}. Run counterclaim ingest FILES first, or point --db at an "
            "existing ledger.")
    E102 = ("E102 {path} is not a SQLite database ({detail}). Point --db at a ledger file, or at a "
            "new path to create one.")
    E103 = ("E103 {path} already holds tables that are not a counterclaim ledger ({tables}). Use another "
            "--db path (or, for PostgreSQL, another database or ?options=-csearch_path=SCHEMA).")
    E104 = ("E104 the ledger at {path} was written by a newer counterclaim (unknown migrations: {names}). "
            "Upgrade counterclaim: pip install -U counterclaim.")
    E105 = "E105 cannot open the ledger at {path}: {detail}. Check the path and its permissions."
    E106 = ("E106 cannot connect to PostgreSQL at {path}: {detail}. Check that the server runs and that "
            "the URL (user, host, port, database) is right.")
    E107 = ("E107 PostgreSQL support needs psycopg. Install it with: pip install \"psycopg[binary]\"")
    E108 = ("E108 the ledger at {path} is busy or read-only ({detail}). Wait for the other writer to "
            "finish, or check the file's permissions.")
    E110 = "E110 no event {id!r}. List the events with: counterclaim events"
    E111 = "E111 no source {id!r}. List the sources with: counterclaim sources"
    E112 = "E112 no document {id!r} in the ledger. List them with: counterclaim documents"
    E113 = ("E113 document {doc!r} does not contribute to event {event!r}. See the event's documents with: "
            "counterclaim event {event}")
    E114 = "E114 {what} needs at least two different ids, got {ids}. Name the ids to merge."
    E115 = "E115 the id {id!r} is already taken. Choose another --id."
    E116 = ("E116 the spelling {spelling!r} is not a spelling of source {id!r}. See its spellings with: "
            "counterclaim sources --format json")
    E117 = "E117 {id!r} is not a valid id: use lower-case letters, digits and hyphens, e.g. khojaly-1992."
    E120 = ("E120 {where}: invalid JSON ({detail}). Give one JSON object per line with a \"text\" field, "
            "e.g. {{\"text\": \"...\", \"title\": \"...\"}}.")
    E121 = ("E121 {where}: no \"text\" field (or it is empty). Give each line a non-empty \"text\", or an "
            "OUTPUT.md object with \"document\".")
    E122 = ("E122 no input matches {pattern!r}. Check the path or the pattern (quote globs so that "
            "counterclaim expands them).")
    E123 = ("E123 {path} has no .txt, .html, .md or .jsonl files. Point at a folder of articles, or name "
            "the files.")
    E130 = ("E130 {fmt} export needs an output file. Add -o PATH (e.g. -o claims.{ext}).")
    E131 = ("E131 Parquet export needs pyarrow. Install it with: pip install pyarrow")
    E132 = "E132 cannot write {path}: {detail}. Check the folder exists and is writable."

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class LedgerError(CounterclaimError):
    """The ledger cannot be opened, or a ledger command names something that does not exist."""

    exit_code = 3


class LedgerInputError(CounterclaimError):
    """One input of an ingest cannot be used (bad JSON line, no match for a glob)."""

    exit_code = 1


class NotFoundError(LedgerError):
    """An id given on the command line is not in the ledger."""

    exit_code = 1
