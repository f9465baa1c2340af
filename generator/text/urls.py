"""Addresses in raw HTML (tables, SVG), which MkDocs passes through without rewriting.

Markdown links name the target's source file (``../actors/x.md``) and MkDocs turns
them into addresses. Links inside raw HTML blocks are left alone, so they must be
written as the built site serves them: with ``use_directory_urls`` (MkDocs'
default, which this project keeps), ``docs/claims/x.md`` is served at ``claims/x/``
and ``docs/claims/index.md`` at ``claims/``.
"""

from __future__ import annotations

import posixpath


def page_url(path: str) -> str:
    """The folder address of the page built from ``docs/<path>``: ``claims/x.md`` -> ``claims/x/``."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")]
    return stem.rstrip("/") + "/" if stem.strip("/") else ""


def site_href(md_href: str, page: str) -> str:
    """``md_href``, relative to the source of ``page``, as a link from the built page."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), md_href))
    relative = posixpath.relpath(page_url(target) or ".", page_url(page) or ".")
    return "./" if relative == "." else relative + "/"
