"""Contributor text into page text that can never become live markup.

Plain-text fields are escaped for both Markdown and HTML, so ``*`` stays an
asterisk and ``<script>`` stays text. Markdown fields are rendered here with
Python-Markdown, then sanitised by nh3 (Ammonia) to a short allow-list with
http(s) and mailto links only, and handed to MkDocs as finished HTML.
"""

from __future__ import annotations

import functools
import html
import re

import markdown
import nh3
from markdown import inlinepatterns
from markdown.extensions import Extension

from generator.settings import own_language
from generator.text.characters import drop_unprintable
from generator.text.i18n import Fallback
from generator.text.urls import site_href

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br",
                 "pre", "hr", "sup", "sub", "del"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}


@functools.lru_cache(maxsize=200_000)
def md_text(text: str | None) -> str:
    """Plain text made safe to place anywhere in a Markdown line."""
    if text is None:
        return ""
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def md_phrase(text: str | None) -> str:
    """Plain text for a Markdown line, marked ``lang="en"`` when it is an English fallback."""
    escaped = md_text(text)
    return f'<span lang="{own_language()}">{escaped}</span>' if isinstance(text, Fallback) else escaped


def md_link(item) -> str:
    """A Markdown link to a generated page: ``item`` has ``label`` and ``href``."""
    return f"[{md_phrase(item.label)}]({item.href})"


def md_links(items) -> str:
    return ", ".join(md_link(item) for item in items)


def md_dated(item) -> str:
    """``date · link · note`` for lists of articles and events."""
    text = f"{md_text(item.date)} · {md_link(item.link)}"
    return f"{text} · {md_text(item.note)}" if item.note else text


def html_link(item, page: str) -> str:
    """A link to a generated page inside raw HTML, written from ``page`` (a path under docs/)."""
    return f'<a href="{html_text(site_href(item.href, page))}"{lang_attribute(item.label)}>' \
        f'{html_text(item.label)}</a>'


def lang_attribute(text) -> str:
    """`` lang="en"`` for an English fallback inside raw HTML, else nothing."""
    return f' lang="{own_language()}"' if isinstance(text, Fallback) else ""


def html_text(text: str | None) -> str:
    """Plain text made safe inside HTML, e.g. attributes of raw HTML blocks."""
    return html.escape(" ".join((text or "").split()), quote=True)


def _sanitise(rendered: str) -> str:
    return nh3.clean(rendered, tags=_ALLOWED_TAGS, attributes=_ATTRIBUTES,
                     url_schemes=_SCHEMES, link_rel="noopener nofollow ugc",
                     strip_comments=True)


LINK_TARGET_LIMIT = 4096
"""How far after ``](`` a link's address and title may reach."""


class _Bounded:
    """A link whose address is looked for within :data:`LINK_TARGET_LIMIT` characters:
    Python-Markdown otherwise reads to the end of the paragraph for a title's closing
    quote from every ``](``, which made thousands of them quadratic."""

    def getLink(self, data, index):
        href, title, end, handled = super().getLink(data[index:index + LINK_TARGET_LIMIT], 0)
        return href, title, end + index, handled


class _BoundedLink(_Bounded, inlinepatterns.LinkInlineProcessor):
    pass


class _BoundedImage(_Bounded, inlinepatterns.ImageInlineProcessor):
    pass


class _HtmlAsText(Extension):
    """Raw HTML in contributor Markdown is shown as text, not passed through; links
    are looked for within bounds."""

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_BoundedLink(inlinepatterns.LINK_RE, md), "link", 160)
        md.inlinePatterns.register(_BoundedImage(inlinepatterns.IMAGE_LINK_RE, md),
                                   "image_link", 150)


_CONVERTER = markdown.Markdown(extensions=["sane_lists", _HtmlAsText()], output_format="html")


def _render(text: str) -> str:
    # One converter, reset between texts: building a new one costs more than the
    # conversion itself, and reset() clears everything a text leaves behind.
    return _CONVERTER.reset().convert(defuse_brackets(text))


MAX_BRACKET_DEPTH = 3
"""How deep ``[`` and ``(`` may nest and still be read as link syntax."""
_SYNTAX = re.compile(r"\\.|`+|[\[\]()]|\n[ \t]*\n", re.S)


def defuse_brackets(text: str) -> str:
    """``text`` with every bracket or parenthesis that cannot be part of a link made
    inert: one never closed (or never opened) in its paragraph, or one nested more
    than :data:`MAX_BRACKET_DEPTH` deep. What the reader sees is unchanged (the HTML
    gets the character back, :func:`render_markdown`), but Python-Markdown no longer
    looks for the end of each from every opening one, a search that made 20,000 ``[``
    take minutes (it is quadratic). Code spans are left as they are."""
    if not any(char in text for char in "[]()"):
        return text
    escape: list[int] = []
    stacks: dict[str, list[tuple[int, bool]]] = {"[": [], "(": []}
    opener = {"]": "[", ")": "("}
    position = 0
    while True:
        match = _SYNTAX.search(text, position)
        if match is None:
            break
        token, position = match.group(), match.end()
        if token.startswith("\\"):
            continue
        if token.startswith("`"):
            # A code span runs to the next run of as many backticks.
            close = re.compile(rf"(?<!`){token}(?!`)").search(text, position)
            if close and "\n\n" not in text[position:close.start()].replace(" ", ""):
                position = close.end()
            continue
        if token in stacks:
            stack = stacks[token]
            stack.append((match.start(), len(stack) >= MAX_BRACKET_DEPTH))
        elif token in opener:
            stack = stacks[opener[token]]
            if not stack:
                escape.append(match.start())
            else:
                start, deep = stack.pop()
                if deep:
                    escape += (start, match.start())
        else:
            # A blank line ends the paragraph: what is open in it stays unclosed.
            for stack in stacks.values():
                escape += (start for start, _ in stack)
                stack.clear()
    for stack in stacks.values():
        escape += (start for start, _ in stack)
    if not escape:
        return text
    chars = list(text)
    for index in escape:
        chars[index] = _INERT[chars[index]]
    return "".join(chars)


# What a defused bracket is written as until the HTML is made: characters no source
# can hold (the YAML reader refuses C1 controls, validation references to them).
# Not a backslash escape: each of those costs Python-Markdown a placeholder, and
# thousands of placeholders in one paragraph are as slow as the search they replace.
_INERT = {"[": "\x91", "]": "\x92", "(": "\x93", ")": "\x94"}
_RESTORE = str.maketrans({inert: char for char, inert in _INERT.items()})


def _html_block(body: str, english: bool = False) -> str:
    # Blank lines would end the raw HTML block early and let Markdown parse the rest;
    # inside a block-level element nothing is parsed as Markdown again.
    body = re.sub(r"\n\s*\n", "\n", body.strip())
    lang = f' lang="{own_language()}"' if english else ""
    return f'<div class="dossier-prose"{lang}>\n{body}\n</div>' if body else ""


# Text of letters, digits, spaces and common punctuation, with at most *emphasis* and
# **strong** around words and no line that could open a block (list, heading, quote,
# code, rule), renders to plain paragraphs. Most
# summaries are such prose; building their HTML directly skips the slowest step of
# a build, and a test holds it to the converter's output.
_NOT_PLAIN = re.compile(r"[^\w .,;'\"()?/*\n\u2013\u2014\u2018\u2019\u201c\u201d\u2026-]|_")
# *emphasis* and **strong** around words, the only inline syntax the shortcut takes.
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|\*)(?=[^\s*])([^*<]*?[^\s*<])\1(?![\w*])")
_TAGS = {"*": "em", "**": "strong"}
_ODD_SPACE = re.compile(r" $", re.M)
_BLOCK_START = re.compile(r"^(?: {4}|\s*(?:[-+*>#=_]|\d+[.)]))", re.M)


def plain_paragraphs(text: str) -> str | None:
    """The HTML of ``text`` when it is plain prose, else None."""
    if _NOT_PLAIN.search(text) or _BLOCK_START.search(text) or _ODD_SPACE.search(text):
        return None
    paragraphs = [p.strip() for p in re.split(r"\n[ \r]*\n", text.strip()) if p.strip()]
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    if "*" in body:
        body = _EMPHASIS.sub(lambda m: f"<{_TAGS[m[1]]}>{m[2]}</{_TAGS[m[1]]}>", body)
        if "*" in body:
            return None
    return body


def converted(text: str) -> str:
    """What the Markdown converter makes of ``text``, sanitised, defused brackets
    restored: the output that the plain-prose shortcut must equal."""
    return _sanitise(_render(text)).translate(_RESTORE)


@functools.lru_cache(maxsize=100_000)
def render_markdown(text: str) -> str:
    """Sanitised HTML for one Markdown field."""
    fast = plain_paragraphs(text)
    # Validation refuses a reference to a control character (&#x1;); should one get
    # through, it must not reach a page or the feed, which no XML reader would accept.
    if fast is not None:
        return fast
    try:
        rendered = converted(text)
    except RecursionError:
        # Lists or quotes nested hundreds deep (validation refuses them first).
        rendered = "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>"
                           for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return drop_unprintable(rendered)


# A tag of sanitised HTML, quoted attribute values (which may hold ">") included.
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_BREAK = re.compile(r"<br\s*/?>")


def plain_text(markdown_text: str | None, limit: int | None = None) -> str:
    """A Markdown field as one line of plain text, cut on a word to ``limit`` characters
    when a limit is given.

    Made from the rendered field, so that it reads as the page does: link text without
    its address, no emphasis marks, raw HTML kept as the text it is shown as."""
    text = _one_line(markdown_text) if markdown_text else ""
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


@functools.lru_cache(maxsize=100_000)
def _one_line(markdown_text: str) -> str:
    # Cached: a page's description and its link preview are cut from the same text.
    text = html.unescape(_TAG.sub("", _BREAK.sub(" ", render_markdown(markdown_text))))
    return " ".join(text.split())


def markdown_problem(text: str) -> str | None:
    """Why Markdown ``text`` cannot be rendered as written, or None (and its HTML is
    then cached for the pages)."""
    if _DEEP_MARKERS.search(text):
        return (f"starts a line with {MAX_NESTING} or more list or quote markers, which "
                "nest that deep: write them as text (\\- or \\>), or nest less")
    try:
        _sanitise(_render(text))
    except RecursionError:
        return "nests lists or block quotes too deep to be shown: nest less"
    render_markdown(text)  # kept for the pages
    return None


MAX_NESTING = 10
_DEEP_MARKERS = re.compile(
    rf"^[ \t]*(?:(?:[-+*]|\d{{1,9}}[.)])[ \t]+|>[ \t]*){{{MAX_NESTING}}}", re.M)


def md_block(text: str | None) -> str:
    """Markdown rendered to a sanitised HTML block that MkDocs passes through whole."""
    return _html_block(render_markdown(text), isinstance(text, Fallback)) if text else ""


def md_list(items: list[str]) -> str:
    """Short Markdown statements (key points) as one sanitised HTML list."""
    if not items:
        return ""
    rendered = []
    for item in items:
        body = render_markdown(item).strip()
        rendered.append("<li>" + re.sub(r"^<p>(.*)</p>$", r"\1", body, flags=re.S) + "</li>")
    english = any(isinstance(item, Fallback) for item in items)
    return _html_block("<ul>\n" + "\n".join(rendered) + "\n</ul>", english)
