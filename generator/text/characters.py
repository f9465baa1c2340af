"""Characters that make text other than it looks: what contributor text may not hold.

The YAML reader already refuses control characters written in a file or produced by an
escape (``generator/dossier/yamlnodes.py``). What is left is text that is valid Unicode
but misleads a reader: bidirectional controls that reorder what follows them,
characters with no width that make two names look the same, and, in a Markdown field,
a character reference (``&#x1;``) that the renderer would turn into a control character.
"""

from __future__ import annotations

import re
import unicodedata

# What YAML itself accepts in a stream (PyYAML's Reader.NON_PRINTABLE); the same set
# decides what an escape sequence in a double-quoted string, or a character reference
# in Markdown, may produce.
NON_PRINTABLE = re.compile(
    "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")

BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
"""The controls whose effect reaches past themselves (Unicode's bidi algorithm, UAX #9):
an override turns the rest of a title around, in every page and file it is copied into.
The marks (U+200E, U+200F, U+061C) have no such reach, and right-to-left writing
needs them: they stay allowed."""

ZERO_WIDTH = {
    "\u00ad": "SOFT HYPHEN", "\u034f": "COMBINING GRAPHEME JOINER",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR", "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER", "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER", "\u2061": "FUNCTION APPLICATION", "\u2062": "INVISIBLE TIMES",
    "\u2063": "INVISIBLE SEPARATOR", "\u2064": "INVISIBLE PLUS", "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
"""Characters that show nothing: in a name they make two names that look the same differ."""

_BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")
_ZERO_WIDTH = re.compile("[" + "".join(ZERO_WIDTH) + "]")
# Decimal or hexadecimal; HTML reads one without its semicolon too.
CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def name_of(char: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = BIDI_CONTROLS.get(char) or ZERO_WIDTH.get(char) or unicodedata.name(char, "")
    if not name:
        name = "a control character" if unicodedata.category(char) == "Cc" else "not a character"
    return f"U+{ord(char):04X} ({name})"


def bidi_control(text: str) -> str | None:
    match = _BIDI.search(text)
    return match.group() if match else None


def zero_width(text: str) -> str | None:
    match = _ZERO_WIDTH.search(text)
    return match.group() if match else None


def referenced_character(text: str) -> tuple[str, str] | None:
    """The first character reference in Markdown ``text`` that stands for a character
    contributor text may not hold: (the reference as written, what it stands for)."""
    for match in CHARACTER_REFERENCE.finditer(text):
        hexadecimal, decimal = match.groups()
        code = int(hexadecimal, 16) if hexadecimal else int(decimal)
        if code == 0 or code > 0x10FFFF:
            return match.group(), f"U+{code:04X} (not a character)"
        char = chr(code)
        if NON_PRINTABLE.match(char):
            return match.group(), name_of(char)
    return None


def drop_unprintable(text: str) -> str:
    """``text`` without what an XML file or a page may not hold: the last guard, behind
    the refusals at validation."""
    return NON_PRINTABLE.sub("", text) if NON_PRINTABLE.search(text) else text
