"""Render every generated page from its template and view model, in memory."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import jinja2

from . import listings, views
from .link import Dossier
from .markup import html_text, md_block, md_list, md_text

TEMPLATES = Path(__file__).parent / "templates"
OWNED = ("articles", "actors", "events", "claims", "places", "timeline", "tags", ".generated")
"""Folders under docs/ that the generator owns and replaces whole on each build."""
OVERVIEW = ".generated/overview.md"


class OutputCollision(Exception):
    """Two pages would be written to the same path."""


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False)
    env.filters.update(t=md_text, prose=md_block, points=md_list, attr=html_text, url=_url)
    return env


_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"
"""Reserved URL characters kept as they are; everything else is percent-encoded."""


def _url(url: str) -> str:
    # Validated as http(s) already. Percent-encoding the rest keeps `|` from splitting
    # a table row and a backtick from starting code; the angle brackets let Markdown
    # take the whole address, parentheses included.
    return "<" + quote(url, safe=_URL_SAFE) + ">"


def _plain(markdown_text: str | None, limit: int = 160) -> str:
    text = re.sub(r"[*_`#>\[\]]|\(https?://[^)]*\)", "", markdown_text or "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def front_matter(title: str, description: str | None = None, **extra) -> str:
    # MkDocs themes print meta values into HTML unescaped: escape them here.
    meta = {"title": html.escape(title, quote=True)}
    if description:
        meta["description"] = html.escape(description, quote=True)
    meta.update(extra)
    # JSON is YAML, and far quicker to write than PyYAML's emitter.
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=False)}" for key in sorted(meta)]
    return "---\n" + "\n".join(lines) + "\n---\n"


class Renderer:
    def __init__(self):
        self.env = _environment()
        self.pages: dict[str, str] = {}

    def page(self, path: str, template: str, **context) -> None:
        if path in self.pages:
            raise OutputCollision(f"two pages would be written to docs/{path}")
        text = self.env.get_template(template).render(**context)
        self.pages[path] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def render(d: Dossier) -> dict[str, str]:
    """Every generated page: path under docs/ -> Markdown text."""
    r = Renderer()
    c = d.corpus
    for a in c.articles.values():
        r.page(f"articles/{a.id}.md", "article.md.j2", **views.article_view(d, a),
               front_matter=front_matter(a.title, _plain(a.summary)))
    for a in c.actors.values():
        r.page(f"actors/{a.id}.md", "actor.md.j2", **views.actor_view(d, a),
               front_matter=front_matter(a.name, a.role or _plain(a.summary)))
    for e in c.events.values():
        r.page(f"events/{e.id}.md", "event.md.j2", **views.event_view(d, e),
               front_matter=front_matter(e.title, f"{e.date.label()}: {_plain(e.summary)}"))
    for cl in c.claims.values():
        r.page(f"claims/{cl.id}.md", "claim.md.j2", **views.claim_view(d, cl),
               front_matter=front_matter(cl.statement, _plain(cl.summary)))
    for p in c.places.values():
        r.page(f"places/{p.id}.md", "place.md.j2", **views.place_view(d, p),
               front_matter=front_matter(p.name, _plain(p.summary)))
    for listing in listings.all_listings(d):
        r.page(listing.path, listing.template, **listing.context,
               front_matter=front_matter(listing.title, search={"exclude": True}))
    r.page(OVERVIEW, "overview.md.j2", **views.overview(d))
    return r.pages
