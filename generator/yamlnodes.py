"""Read one YAML file into a tree of plain values that remember their line.

PyYAML's defaults are wrong for contributor files: YAML 1.1 turns ``no`` into
False and ``2023-09-05`` into a date, keeps the last of two duplicate keys, builds
objects from tags, and expands aliases without limit. Here every scalar stays the
text the contributor wrote, and tags, anchors, aliases and duplicate keys are
refused with the position of the offence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

MAX_BYTES = 1_000_000
MAX_DEPTH = 50


@dataclass
class YScalar:
    """A scalar exactly as written; ``plain`` is False when it was quoted or a block."""

    text: str
    line: int
    column: int
    plain: bool

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in ("", "~", "null", "Null", "NULL")


@dataclass
class YSeq:
    items: list["YNode"]
    line: int
    column: int


@dataclass
class YMap:
    """A mapping with its keys in file order, each key with its own line."""

    entries: dict[str, "YNode"]
    key_lines: dict[str, int]
    line: int
    column: int


YNode = YScalar | YSeq | YMap


class YamlProblem(Exception):
    """A file that cannot be read as a tree; carries a position."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


@dataclass
class ParseResult:
    root: YNode | None
    problems: list[YamlProblem] = field(default_factory=list)


_PLAIN_TAGS = {BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG,
               BaseResolver.DEFAULT_MAPPING_TAG}


class _NodeLoader(Reader, Scanner, Parser, Composer, BaseConstructor, BaseResolver):
    """A loader with no implicit type resolution: every scalar is a string."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            mark = event.start_mark
            raise YamlProblem(mark.line + 1, mark.column + 1,
                              "anchors and aliases (&name, *name) are not allowed: "
                              "write the value out in full")
        return super().compose_node(parent, index)


def _bad_bytes(data: bytes) -> YamlProblem | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return YamlProblem(line, column,
                           f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8")
    return None


def _tab_problems(text: str) -> list[YamlProblem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(YamlProblem(number, indent.index("\t") + 1,
                                        "tab character in indentation: indent with spaces"))
    return problems


def parse(data: bytes) -> ParseResult:
    """Parse a file's bytes; never raises for anything a file can contain."""
    if len(data) > MAX_BYTES:
        return ParseResult(None, [YamlProblem(0, 0, f"file is larger than {MAX_BYTES:,} bytes")])
    bad = _bad_bytes(data)
    if bad:
        return ParseResult(None, [bad])
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    tabs = _tab_problems(text)
    if tabs:
        return ParseResult(None, tabs)
    loader = _NodeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParseResult(None, [YamlProblem(0, 0, "file is empty")])
        return ParseResult(_convert(node, 0))
    except YamlProblem as problem:
        return ParseResult(None, [problem])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            what = f"{exc.context}, {exc.problem}"
        return ParseResult(None, [YamlProblem(line, column, f"YAML syntax error: {what}")])
    except yaml.YAMLError as exc:
        return ParseResult(None, [YamlProblem(0, 0, f"YAML error: {exc}")])
    except RecursionError:
        return ParseResult(None, [YamlProblem(0, 0, "nesting is too deep")])
    finally:
        loader.dispose()


def _convert(node: yaml.Node, depth: int) -> YNode:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if depth > MAX_DEPTH:
        raise YamlProblem(line, column, "nesting is too deep")
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(line, column, f"YAML tag {node.tag!r} is not allowed: remove it")
    if isinstance(node, yaml.ScalarNode):
        return YScalar(node.value, line, column, plain=node.style is None)
    if isinstance(node, yaml.SequenceNode):
        return YSeq([_convert(item, depth + 1) for item in node.value], line, column)
    entries: dict[str, YNode] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlProblem(key_line, key_node.start_mark.column + 1,
                              "a key must be a plain word, not a list or mapping")
        key = _convert(key_node, depth + 1).text
        if key in entries:
            raise YamlProblem(key_line, key_node.start_mark.column + 1,
                              f"duplicate key {key!r} (first on line {key_lines[key]}): "
                              "keep one")
        entries[key] = _convert(value_node, depth + 1)
        key_lines[key] = key_line
    return YMap(entries, key_lines, line, column)
