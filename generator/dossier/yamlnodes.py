"""Read one YAML file into a tree of plain values that remember their line.

PyYAML's defaults are wrong for contributor files: YAML 1.1 turns ``no`` into
False and ``2023-09-05`` into a date, keeps the last of two duplicate keys, builds
objects from tags, and expands aliases without limit. Here every scalar stays the
text the contributor wrote, and tags, anchors, aliases and duplicate keys are
refused with the position of the offence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.text.characters import NON_PRINTABLE

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml: every file takes the slow path
    CParser = None

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
    empty: str = ""
    """For a file without content, what it holds instead: "file is empty", ..."""


_PLAIN_TAGS = {BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG,
               BaseResolver.DEFAULT_MAPPING_TAG}


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n|[\n\x85\u2028\u2029]|\r")
_MAX_REPORTED = 20
"""Per kind of problem and file, so a binary file does not print thousands of lines."""
_TOO_DEEP = (f"nesting is too deep: lists and mappings may go at most {MAX_DEPTH} "
             "levels deep")


class _NodeLoader(Reader, Scanner, Parser, Composer, BaseConstructor, BaseResolver):
    """A loader with no implicit type resolution: every scalar is a string."""

    def __init__(self, stream):
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)
        self.depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(mark.line + 1, mark.column + 1,
                              "anchors and aliases (&name, *name) are not allowed: "
                              "write the value out in full")
        # The composer recurses once per level: stop before Python's stack does.
        if self.depth >= MAX_DEPTH:
            raise YamlProblem(mark.line + 1, mark.column + 1, _TOO_DEEP)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _bad_bytes(data: bytes) -> YamlProblem | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return YamlProblem(1, 1, "the file is saved as UTF-16: save it as UTF-8")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        # Count characters, not bytes, so the column matches what an editor shows.
        start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[start:exc.start].decode("utf-8", "replace")) + 1
        return YamlProblem(line, column,
                           f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as UTF-8 "
                           "(it looks like another encoding, such as Latin-1 or Windows-1252)")
    return None


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``, counting line breaks as YAML does."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, start = line + 1, match.end()
    return line, index - start + 1


def _character_name(char: str) -> str:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} (half of a surrogate pair, not a character)"
    return f"U+{code:04X} (a control character)"


def _unprintable(text: str) -> list[YamlProblem]:
    problems = []
    for match in NON_PRINTABLE.finditer(text):
        line, column = _position(text, match.start())
        problems.append(YamlProblem(line, column, f"invisible character "
                                    f"{_character_name(match.group())} is not allowed: "
                                    "delete it (it often comes with text copied from a PDF "
                                    "or a word processor)"))
        if len(problems) == _MAX_REPORTED:
            break
    return problems


def _tab_problems(text: str) -> list[YamlProblem]:
    problems = []
    if "\t" not in text:
        return problems
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(YamlProblem(number, indent.index("\t") + 1,
                                        "tab character in indentation: indent with spaces"))
            if len(problems) == _MAX_REPORTED:
                break
    return problems


# Plain-language hints for the syntax errors contributors actually make, keyed by
# a fragment of PyYAML's problem text.
_SYNTAX_HINTS = (
    ("mapping values are not allowed here",
     "a value contains ': ' or the indentation is off; put text with a colon in quotes, "
     "or write it on the next lines after `field: |`"),
    ("could not find expected ':'",
     "a line is neither `field: value` nor a `- item`; check the indentation, or write "
     "text of several lines after `field: |`"),
    ("expected <block end>",
     "check the indentation: fields of one mapping and items of one list line up"),
    ("did not find expected key",
     "check the indentation: fields of one mapping and items of one list line up"),
    ("did not find expected '-' indicator",
     "check the indentation: every item of a list starts with `- ` at the same column"),
    ("expected ',' or ']'", "a [list] is not closed with ]"),
    ("expected ',' or '}'", "a {mapping} is not closed with }"),
    ("that cannot start any token",
     "text cannot start with this character unquoted: put the value in quotes"),
    ("found another document",
     "a `---` line starts a second entity: one entity per file, so remove it"),
    ("end of the file", "a quotation mark or bracket is opened but never closed"),
)


_PARSER_WORDS = (("'<stream end>'", "the end of the file"), ("end of stream", "end of the file"))


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or exc.context or "invalid YAML"
    for word, plain in _PARSER_WORDS:
        problem = problem.replace(word, plain)
    if exc.context and exc.problem and problem.startswith("but "):
        text = f"YAML syntax error: {exc.context}, {problem}"
    elif exc.context and exc.problem:
        context = exc.context
        cmark, pmark = exc.context_mark, exc.problem_mark
        if cmark and pmark and cmark.line != pmark.line:
            context += f" that starts on line {cmark.line + 1}"
        text = f"YAML syntax error: {problem} ({context})"
    else:
        text = f"YAML syntax error: {problem}"
    hint = next((hint for key, hint in _SYNTAX_HINTS if key in problem), None)
    return f"{text}: {hint}" if hint else text


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
    # PyYAML refuses these characters in its constructor, outside any position we
    # could report; find them first and say where they are.
    unprintable = _unprintable(text)
    if unprintable:
        return ParseResult(None, unprintable)
    tabs = _tab_problems(text)
    if tabs:
        return ParseResult(None, tabs)
    fast = _fast_parse(text)
    if fast is not None:
        return fast
    loader = _NodeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParseResult(None, empty="file is empty" if not text.strip()
                               else "file has only comments")
        return ParseResult(_convert(node, 0))
    except YamlProblem as problem:
        return ParseResult(None, [problem])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        return ParseResult(None, [YamlProblem(line, column, _syntax_message(exc))])
    except yaml.YAMLError as exc:
        return ParseResult(None, [YamlProblem(0, 0, f"YAML error: {exc}")])
    except RecursionError:
        return ParseResult(None, [YamlProblem(0, 0, _TOO_DEEP)])
    finally:
        loader.dispose()


class _Unusual(Exception):
    """Something the careful reader should look at and explain."""


def _fast_parse(text: str) -> ParseResult | None:
    """The tree of a well-formed file, built from libyaml's events; None for anything unusual.

    The pure-Python reader is ten times slower but knows where and why a file is
    wrong, so it reads every file that is not plainly fine: one with a problem, a tag,
    an anchor or alias, a duplicate key, deep nesting or more than one document.
    Building the tree straight from the events, without recursion, also keeps a
    deeply nested file from reaching the C composer's stack.
    """
    if CParser is None:
        return None
    parser = CParser(text)
    try:
        # Only an escape sequence in double quotes can make a scalar hold what the file
        # itself may not (the whole text was checked before parsing).
        return _from_events(parser, escapes="\\" in text)
    except (yaml.YAMLError, _Unusual):
        return None
    finally:
        parser.dispose()


def _from_events(parser, escapes: bool) -> ParseResult | None:
    root: YNode | None = None
    stack: list[YSeq | YMap] = []
    keys: list[YScalar | None] = []
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            break
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        if kind in (yaml.StreamStartEvent, yaml.DocumentEndEvent):
            continue
        if kind in (yaml.SequenceEndEvent, yaml.MappingEndEvent):
            node = stack.pop()
            if keys.pop() is not None:
                raise _Unusual
            if not stack:
                root = node
        elif kind is yaml.AliasEvent or event.anchor or event.tag not in (None, "!"):
            raise _Unusual
        else:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if kind is yaml.ScalarEvent:
                value = event.value
                if escapes:
                    value = _join_surrogates(value)
                    if NON_PRINTABLE.search(value):
                        raise _Unusual
                node = YScalar(value, line, column, plain=not event.style)
                if not stack:
                    root = node
                elif type(stack[-1]) is YSeq:
                    stack[-1].items.append(node)
                elif keys[-1] is None:
                    # A key: kept until its value arrives.
                    if node.text in stack[-1].entries:
                        raise _Unusual
                    keys[-1] = node
                else:
                    stack[-1].entries[keys[-1].text] = node
                    stack[-1].key_lines[keys[-1].text] = keys[-1].line
                    keys[-1] = None
            else:
                # One level short of the careful reader's limit, so that the two
                # never disagree about a file at the boundary.
                if len(stack) >= MAX_DEPTH - 1:
                    raise _Unusual
                container = YSeq([], line, column) if kind is yaml.SequenceStartEvent \
                    else YMap({}, {}, line, column)
                _attach(stack, keys, container)
                stack.append(container)
                keys.append(None)
    return ParseResult(root) if root is not None else None


def _attach(stack: list, keys: list, node: YNode) -> None:
    if not stack:
        return
    parent = stack[-1]
    if isinstance(parent, YSeq):
        parent.items.append(node)
    elif keys[-1] is None:
        if not isinstance(node, YScalar) or node.text in parent.entries:
            raise _Unusual
        keys[-1] = node
    else:
        key = keys[-1]
        parent.entries[key.text] = node
        parent.key_lines[key.text] = key.line
        keys[-1] = None


def _join_surrogates(text: str) -> str:
    r"""JSON writes an emoji as two escaped halves, "\ud83d\ude00"; YAML keeps them apart."""
    if not _SURROGATE.search(text):
        return text
    try:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
    except UnicodeDecodeError:
        return text


def _shown_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def _convert(node: yaml.Node, depth: int) -> YNode:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if depth > MAX_DEPTH:
        raise YamlProblem(line, column, _TOO_DEEP)
    if node.tag not in _PLAIN_TAGS:
        raise YamlProblem(line, column, f"YAML tag {_shown_tag(node.tag)!r} is not allowed: "
                          "remove it, or put the value in quotes if the ! belongs to the text")
    if isinstance(node, yaml.ScalarNode):
        value = _join_surrogates(node.value)
        # Escapes in double quotes ("\0", "\ud800") can produce what the file
        # itself may not contain, and a lone surrogate cannot even be written out.
        bad = NON_PRINTABLE.search(value)
        if bad:
            raise YamlProblem(line, column, f"an escape sequence here produces "
                              f"{_character_name(bad.group())}, which is not allowed in "
                              "text: remove it")
        # The pure-Python parser marks a plain scalar with None, libyaml with "".
        return YScalar(value, line, column, plain=not node.style)
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
