"""Interface strings shown in English in an edition whose language has no catalogue.

Such a string must say it is English (``lang="en"``), so that a screen reader reads it
with English rules and a translator's tool sees it. The string cannot know where it
will be written: in a heading (where it needs a ``<span lang="en">``), in a page's
title or an attribute (where it can hold no markup), in a feed or a CSV (where it is
plain text). So :func:`i18n.translations` brackets it with two characters and the
last step of a build decides, per file and per position, what they become.

The two characters are U+0086 and U+0087 ("start" and "end of selected area"): XML
and JSON accept them, so no library writing an output chokes on one, and the sources
can never hold them (the YAML reader refuses them, written or escaped, and a Markdown
character reference that would make one: generator/text/characters.py), so every one
in a file was put there by the generator.
"""

from __future__ import annotations

import re

START, END = "\x86", "\x87"
LANGUAGE = "en"
"""The language the generator's interface strings are written in."""

_MARKS = re.compile(f"[{START}{END}]")

# Where a bracketed string cannot become an element: inside a tag (its attributes),
# in elements whose content is not markup (scripts, styles, titles, text areas), in
# SVG drawings (an HTML span there is not drawn), in a Markdown attribute list
# (``{: .class }``) and on an admonition's title line.
_NO_MARKUP = re.compile(
    r"<(script|style|title|textarea|svg)\b.*?</\1\s*>"
    r"|<[^>]*>"
    r"|\{:[^}\n]*\}"
    r"|^[ \t]*(?:!!!|\?\?\?\+?)[^\n]*$",
    re.S | re.M | re.I)

_TEXT_SUFFIXES = (".md", ".html", ".xml", ".json", ".jsonld", ".csv", ".txt", ".bib",
                  ".ris", ".yml", ".yaml", ".js", ".css", ".svg")


def mark(text: str) -> str:
    """``text`` bracketed as English."""
    return f"{START}{text}{END}"


def is_marked(text: str) -> bool:
    """Whether ``text`` holds an interface string shown in English."""
    return START in text


def unmark(text: str) -> str:
    """``text`` without the brackets: where no markup can say what language it is."""
    return _MARKS.sub("", text) if START in text or END in text else text


def in_markup(text: str) -> str:
    """Markdown or HTML with each bracketed string made ``<span lang="en">`` where an
    element can stand, and left plain where it cannot (see ``_NO_MARKUP``)."""
    if START not in text and END not in text:
        return text
    pieces, last = [], 0
    for match in _NO_MARKUP.finditer(text):
        pieces.append(_spans(text[last:match.start()]))
        pieces.append(unmark(match.group()))
        last = match.end()
    pieces.append(_spans(text[last:]))
    return "".join(pieces)


def _spans(text: str) -> str:
    return text.replace(START, f'<span lang="{LANGUAGE}">').replace(END, "</span>")


# An admonition whose title is an English string: Python-Markdown prints the title as
# text, where no span can mark it. Written instead as the HTML it would make, with the
# title marked; its indented body stays Markdown (md_in_html, which the pages use).
_ADMONITION = re.compile(
    r'^!!! ([\w-]+(?: [\w-]+)*) "([^"\n]*' + START + r'[^"\n]*)"[ \t]*\n'
    r'((?:(?:    [^\n]*|[ \t]*)\n)*)', re.M)


def _admonition(match: re.Match) -> str:
    body = "\n".join(line[4:] for line in match[3].rstrip().split("\n"))
    return (f'<div class="admonition {match[1]}" markdown>\n'
            f'<p class="admonition-title">{match[2]}</p>\n\n{body}\n\n</div>\n\n')


def in_page(text: str) -> str:
    """A generated Markdown page: plain in its front matter, marked in its body."""
    if START not in text and END not in text:
        return text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return unmark(text[:end + 5]) + in_markup(_ADMONITION.sub(_admonition, text[end + 5:]))
    return in_markup(_ADMONITION.sub(_admonition, text))


def in_file(path: str, data: str | bytes) -> str | bytes:
    """A generated file as it is written: a page marked, any other text file plain.
    Binary files (pictures, PDFs) are made from text their outputs unmarked first."""
    if isinstance(data, str):
        return in_page(data) if path.endswith(".md") else unmark(data)
    if not path.endswith(_TEXT_SUFFIXES) or (START.encode() not in data
                                             and END.encode() not in data):
        return data
    text = data.decode("utf-8")
    return (in_page(text) if path.endswith(".md") else
            in_markup(text) if path.endswith(".html") else unmark(text)).encode("utf-8")
