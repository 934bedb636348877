"""Feeding documents into the ledger: files, folders, globs, standard input, JSON Lines.

Inputs (:func:`expand`): a file; a folder (every ``.txt``, ``.html``, ``.htm``, ``.md``,
``.markdown`` and ``.jsonl`` file below it, in name order, skipping hidden files and the
README/LICENSE/CHANGELOG-style files that sit beside articles); a glob
pattern (``'reports/**/*.txt'``, expanded here so that quoting it works); ``-`` for
standard input (JSON Lines when every line is a JSON object, else one article).

A JSON Lines file holds one article per line: ``{"text": ..., "title": ..., "author": ...,
"published": ..., "publisher": ..., "url": ...}`` (only ``text`` is required; other fields
are kept as metadata), or an OUTPUT.md object (``{"document": ..., "figures": ...}`` as
``counterclaim extract --format jsonl`` writes), which is stored as it is, without
extracting again.

:func:`run_ingest` hands the work to :mod:`counterclaim.batch` (in this process, a process
pool or Dask): documents are committed in batches, each document whole
(:func:`counterclaim.store.write.store`), so an interrupted ingest keeps every batch
committed before the interruption and a rerun skips them (same sha256) and completes the
rest; events are regrouped at the end of every run, including a run that only skips.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from counterclaim.analysis.incidents import Incident, final_kinds, find_incidents
from counterclaim.analysis.places import PlaceMention, lexical_places, merge_mentions, ner_places
from counterclaim.errors import CounterclaimError, LedgerErrors, LedgerInputError
from counterclaim.options import Options
from counterclaim.records import Diagnostic, Document, Result

SUFFIXES = (".txt", ".text", ".html", ".htm", ".md", ".markdown", ".jsonl")
SKIPPED_NAMES = ("readme", "license", "licence", "changelog", "contributing", "notice", "authors", "copying")
"""Files a folder's articles sit beside, skipped when a folder is expanded (named on their own they are read)."""
READ_CODES = ("W001", "W002", "W005")
"""Diagnostics made while reading: they are kept when a document is re-extracted."""
_META_FIELDS = ("title", "author", "published", "publisher", "url")


@dataclass
class Article:
    """One document to ingest: read but not yet extracted, or already extracted (``result``)."""

    label: str
    document: Document | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    result: Result | None = None
    meta: dict[str, Any] | None = None

    @property
    def id(self) -> str:
        return self.result.document.id if self.result else self.document.id  # type: ignore[union-attr]


@dataclass
class Failure:
    """An input that could not be used."""

    label: str
    message: str
    exit_code: int


def expand(inputs: list[str]) -> Iterator[str | Failure]:
    """Paths to read, in order (``-`` for standard input); unusable patterns give Failures."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts)
                           and p.stem.lower() not in SKIPPED_NAMES)
            if not files:
                yield Failure(item, LedgerErrors.E123.format(path=item), 1)
            yield from (str(p) for p in files)
        elif path.exists() or not any(ch in item for ch in "*?["):
            yield item  # a missing plain path fails when it is read (E001)
        else:
            matches = sorted(m for m in glob.glob(item, recursive=True) if Path(m).is_file())
            if not matches:
                yield Failure(item, LedgerErrors.E122.format(pattern=item), 1)
            yield from matches


def _jsonl_article(line: str, where: str) -> Article:
    from counterclaim.read import read_text
    from counterclaim.read.dates import normalize_date

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LedgerInputError(LedgerErrors.E120.format(where=where, detail=exc.msg)) from exc
    if not isinstance(obj, dict):
        raise LedgerInputError(LedgerErrors.E120.format(where=where, detail="not an object"))
    if isinstance(obj.get("document"), dict) and "figures" in obj:
        try:
            result = Result.from_dict(obj)
        except (KeyError, TypeError, ValueError) as exc:
            raise LedgerInputError(LedgerErrors.E121.format(where=where)) from exc
        if not result.document.text.strip():
            raise LedgerInputError(LedgerErrors.E121.format(where=where))
        return Article(where, result=result)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LedgerInputError(LedgerErrors.E121.format(where=where))
    document, diagnostics = read_text(text, path=obj.get("path") or where)
    given = {k: str(obj[k]).strip() for k in _META_FIELDS if obj.get(k) not in (None, "")}
    if "published" in given:
        given["published"] = normalize_date(given["published"]) or document.published or ""
    document = replace(document, **{k: v or None for k, v in given.items()})  # type: ignore[arg-type]
    meta = {k: v for k, v in obj.items() if k not in ("text", *_META_FIELDS, "path")}
    return Article(where, document=document, diagnostics=list(diagnostics), meta=meta or None)


def _jsonl_lines(lines: list[str], label: str) -> Iterator[Article | Failure]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield _jsonl_article(line, f"{label}:{n}")
        except CounterclaimError as exc:
            yield Failure(f"{label}:{n}", exc.message, exc.exit_code)


def _looks_like_jsonl(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines or not all(ln.lstrip().startswith("{") for ln in lines):
        return False
    try:
        first = json.loads(lines[0])
    except json.JSONDecodeError:
        return False
    return isinstance(first, dict) and ("text" in first or "document" in first)


def articles(paths: Iterator[str | Failure], options: Options) -> Iterator[Article | Failure]:
    """Read every input into Articles (one per document); unreadable ones become Failures."""
    from counterclaim.read import read_bytes, read_path

    for path in paths:
        if isinstance(path, Failure):
            yield path
            continue
        try:
            if path == "-":
                data = sys.stdin.buffer.read(options.max_bytes + 1) if hasattr(sys.stdin, "buffer") else \
                    sys.stdin.read().encode("utf-8")
                text = data.decode("utf-8", errors="replace")
                if _looks_like_jsonl(text):
                    yield from _jsonl_lines(text.splitlines(), "<stdin>")
                    continue
                if not data.strip():
                    from counterclaim.errors import Errors, InputError
                    raise InputError(Errors.E008.format())
                document, diagnostics = read_bytes(data, None, max_bytes=options.max_bytes)
                yield Article("<stdin>", document=document, diagnostics=list(diagnostics))
            elif path.lower().endswith(".jsonl"):
                try:
                    lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError as exc:
                    from counterclaim.errors import Errors, InputError
                    raise InputError(Errors.E006.format(path=path, detail=exc.strerror or exc)) from exc
                yield from _jsonl_lines(lines, path)
            else:
                document, diagnostics = read_path(path, max_bytes=options.max_bytes)
                yield Article(path, document=document, diagnostics=list(diagnostics))
        except CounterclaimError as exc:
            yield Failure(path, exc.message, exc.exit_code)


def find_places(text: str, *, use_ner: bool = True, model: str | None = None) -> list[PlaceMention]:
    """Place mentions of a text: NER (when the model is installed) merged with the lexical finder."""
    found = ner_places(text, model) if use_ner else None
    return merge_mentions(found, lexical_places(text, loose=found is None))


def extract(article: Article, options: Options, *, use_ner: bool = True) -> tuple[Result, list[Incident]]:
    """The Result of an article (extracting unless it came extracted) and its incidents.

    Extraction and the place mentions come from one parse (:func:`counterclaim.process.process`).
    """
    if article.result is not None:
        result = article.result
        places = find_places(result.document.text, use_ner=use_ner, model=options.model)
        return _final(result, places)
    from counterclaim.process import process

    done = process(article.document, article.diagnostics, options=options,  # type: ignore[arg-type]
                   places=True, use_ner=use_ner)
    return _final(done.result, list(done.places))


def _final(result: Result, places: list[PlaceMention]) -> tuple[Result, list[Incident]]:
    """The incidents of a Result, and the Result with the kinds its incidents decide (``other_incident``)."""
    incidents = find_incidents(result, places)
    return final_kinds(result, incidents), incidents


@dataclass
class Report:
    """What an ingest or re-extraction did."""

    added: int = 0
    skipped: int = 0
    reextracted: int = 0
    failures: list[Failure] = field(default_factory=list)
    grouping: dict[str, int] = field(default_factory=dict)
    stale: int = 0

    @property
    def exit_code(self) -> int:
        return max((f.exit_code for f in self.failures), default=0)


Progress = Callable[[str, str, Result | None], None]


def run_ingest(ledger: Any, inputs: list[str], *, options: Options | None = None, use_ner: bool = True,
               progress: Progress | None = None, **batch: Any) -> Any:
    """Ingest ``inputs`` into ``ledger`` (a :class:`counterclaim.ledger.Ledger`), then regroup events.

    The work is done by :func:`counterclaim.batch.run_batch` (in this process unless a
    ``backend`` is given in ``batch``, which also takes ``output``, ``partition_size``,
    ``bar``); it returns a :class:`counterclaim.batch.BatchReport`.

    Raises:
        ConfigError: the spaCy model is missing (E010): nothing more can be extracted.
    """
    from counterclaim.batch import run_batch

    return run_batch(inputs, ledger=ledger, options=options, use_ner=use_ner, progress=progress, **batch)
