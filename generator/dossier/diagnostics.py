"""Problems found in the sources, reported the way a compiler reports them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def printable(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every character a terminal or a log reader would act on, or that
    would not show, written as an escape (``\\n``, ``\\x1b``, ``\\u202e``): a file name
    can hold a line break that starts a GitHub workflow command, or a terminal's escape
    sequence. Only with ``keep_newlines`` do line feeds stay line feeds."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() or (keep_newlines and char == "\n")
                   else _escape(char) for char in text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one source file."""

    path: str
    """Path of the file as the contributor sees it, e.g. ``sources/actors/x.yml``."""
    line: int
    """1-based line of the offending value; 0 when the whole file is concerned."""
    column: int
    """1-based column, or 0 when unknown."""
    message: str
    """What is wrong and, where one exists, how to fix it."""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return printable(f"{where}: {prefix}{self.message}")


@dataclass
class Report:
    """Every problem of one run, collected before anything fails."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, message: str, column: int = 0) -> None:
        self.items.append(Diagnostic(path, line, column, message, Severity.ERROR))

    def warning(self, path: str, line: int, message: str, column: int = 0) -> None:
        self.items.append(Diagnostic(path, line, column, message, Severity.WARNING))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))


def did_you_mean(value: str, choices) -> str:
    """A hint naming the closest known value, or an empty string."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def with_article(noun: str) -> str:
    """``an actor``, ``a place``: for messages that name a kind of thing."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
