"""The one way Zensical 0.0.73 reads the generated pages differently from MkDocs.

Links in raw HTML (tables, SVG drawings) are written as the built site serves them,
relative to the page's address (generator/urls.py): MkDocs passes them through.
Zensical rewrites them as it rewrites Markdown links, relative to the page's source
file, so on ``actors/x.md`` (served at ``actors/x/``) ``../../actors/y/`` becomes
``../../../actors/y/``: one folder too high. At the root of a server that still
lands on the page, but under a project site's path (``/repo/``) or in the Indonesian
edition (``/id/``) it leads out of the site or into the other language.

Before a Zensical build, each staged page's raw links are rewritten relative to its
source file's folder, which Zensical turns back into the address the generator meant.
Only the staged copy changes; ``docs/`` stays engine-neutral.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from generator.text.urls import page_url

# An <a> start tag's href. Text from the sources reaches pages escaped (no raw "<a"),
# so only links the generator wrote match.
_HREF = re.compile(r'(<a\s[^>]*?\bhref=")([^"]*)(")')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|$)")


def file_relative(href: str, page: str) -> str:
    """``href``, written relative to the address of ``page`` (a path under docs/),
    made relative to the folder of its source file instead."""
    if _ABSOLUTE.match(href):
        return href
    path, hash_, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_url(page) or ".", path))
    relative = posixpath.relpath(target, posixpath.dirname(page) or ".")
    trailing = "/" if path.endswith("/") and relative != "." else ""
    return ("./" if relative == "." else relative + trailing) + hash_ + fragment


def adapt_page(text: str, page: str) -> str:
    return _HREF.sub(lambda m: m[1] + file_relative(m[2], page) + m[3], text)


def adapt_docs(docs: Path, skip: tuple[str, ...] = ()) -> None:
    """Rewrite the raw links of every page under ``docs`` (a staged copy) for Zensical,
    except in the top-level folders ``skip`` (other editions' pages, not built from here)."""
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        if page.split("/")[0] in skip or posixpath.basename(page) == "index.md":
            continue  # source folder and address are the same: nothing to change
        text = path.read_text(encoding="utf-8")
        adapted = adapt_page(text, page)
        if adapted != text:
            path.write_text(adapted, encoding="utf-8")
