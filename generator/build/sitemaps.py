"""One sitemap for every edition, and a ``robots.txt`` that names it.

Each engine writes a sitemap per edition (``sitemap.xml``, ``id/sitemap.xml``), and a
crawler that starts at the root finds only the first. After the editions are built,
the root sitemap is rewritten to list every page of every edition, each with its
counterparts in the other languages (``xhtml:link rel="alternate" hreflang``, as the
page's own ``<link>``s say), and ``robots.txt`` points to it.

Only the engines' sitemaps are read, so the pages listed are exactly the pages built,
with the dates the engine gave them. Without the site's address there is no sitemap
worth the name (the engines write an empty one) and nothing is changed.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

from generator.settings import editions, own_language, prefix

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def _entries(sitemap: Path) -> list[tuple[str, str | None]]:
    """(address, last modified) of every page a sitemap lists, in its order."""
    if not sitemap.is_file():
        return []
    root = ElementTree.parse(sitemap).getroot()
    return [(url.findtext(f"{NS}loc", "").strip(), url.findtext(f"{NS}lastmod"))
            for url in root.iter(f"{NS}url") if url.findtext(f"{NS}loc")]


def combined(site: Path, site_url: str) -> str | None:
    """The root sitemap: every edition's pages, with their alternates; None when the
    engines listed no page."""
    pages: dict[str, dict[str, tuple[str, str | None]]] = {}
    for language in editions():
        base = site_url + prefix(language)
        for loc, lastmod in _entries(site / prefix(language) / "sitemap.xml"):
            if loc.startswith(base):
                pages.setdefault(loc[len(base):], {})[language] = (loc, lastmod)
    if not pages:
        return None
    several = len(editions()) > 1
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
             + (' xmlns:xhtml="http://www.w3.org/1999/xhtml"' if several else "") + ">"]
    for language in editions():
        for path in sorted(pages):
            if language not in pages[path]:
                continue
            loc, lastmod = pages[path][language]
            lines.append("<url>")
            lines.append(f"<loc>{_text(loc)}</loc>")
            if lastmod:
                lines.append(f"<lastmod>{_text(lastmod.strip())}</lastmod>")
            versions = pages[path]
            if several and len(versions) > 1:
                for other in editions():
                    if other in versions:
                        lines.append(_alternate(other, versions[other][0]))
                default = versions.get(own_language())
                if default:
                    lines.append(_alternate("x-default", default[0]))
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _alternate(language: str, href: str) -> str:
    return f'<xhtml:link rel="alternate" hreflang={quoteattr(language)} href={quoteattr(href)}/>'


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


def write(site: Path, site_url: str | None) -> None:
    """Rewrite ``site``'s root sitemap for every edition and add ``robots.txt``."""
    if not site_url:
        return
    text = combined(site, site_url)
    if text is None:
        return
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    packed = site / "sitemap.xml.gz"
    if packed.exists():
        # mtime 0: the same pages give the same bytes.
        packed.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    (site / "robots.txt").write_text(robots(site_url), encoding="utf-8")
