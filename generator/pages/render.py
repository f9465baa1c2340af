"""Render every generated page from its template and view model, in memory."""

from __future__ import annotations

import functools
import html
import json
import multiprocessing as mp
import os
import re
from pathlib import Path
from urllib.parse import quote

import jinja2
import jinja2.ext
import jinja2.lexer

from generator.text import i18n
from generator.views import listings
from generator.views import models as views
from generator.views.jsonld import Describer, script_text
from generator.settings import PALETTE_STYLESHEET, other_languages
from generator.dossier.link import Dossier
from generator.text.markup import (
    html_link,
    html_text,
    lang_attribute,
    md_block,
    md_dated,
    md_link,
    md_links,
    md_list,
    md_phrase,
    plain_text,
)
from generator.views import share as share_card
from generator.dossier.schema import FOLDERS
from generator.text.urls import site_href

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGE_FOLDERS = ("articles", "actors", "events", "claims", "places", "timeline", "tags",
                "network", ".generated")
"""Folders of generated pages, the same in every edition."""
EDITION_OUTPUTS = ("data", "feed.xml", share_card.FOLDER)
"""What each edition's outputs write beside its pages: its data page, its feed, its
share cards."""


def owned() -> tuple[str, ...]:
    """Folders under docs/ that the generator owns and replaces whole on each build: the
    own language's pages and the outputs at the top, each other edition's pages and
    outputs under its language (``id/articles``, ``id/feed.xml``)."""
    return PAGE_FOLDERS + EDITION_OUTPUTS + (PALETTE_STYLESHEET,) + tuple(
        f"{language}/{folder}" for language in other_languages()
        for folder in PAGE_FOLDERS + EDITION_OUTPUTS)
OVERVIEW = ".generated/overview.md"
WIDE = {"hide": ["navigation", "toc"]}
"""Material's page option that gives the content the width of both sidebars."""


class OutputCollision(Exception):
    """Two pages would be written to the same path."""


class _TranslatedConstants(jinja2.ext.Extension):
    """``_("Kind")`` becomes the translated text when a template compiles, instead of a
    call on every page: an environment serves one edition, so the answer never changes."""

    def filter_stream(self, stream):
        tokens = list(stream)
        translations = self.environment.globals["edition_translations"]
        i = 0
        while i < len(tokens):
            window = tokens[i:i + 4]
            if [t.type for t in window] == ["name", "lparen", "string", "rparen"] \
                    and window[0].value == "_":
                yield jinja2.lexer.Token(window[2].lineno, "string",
                                         translations.gettext(window[2].value))
                i += 4
            else:
                yield tokens[i]
                i += 1


@functools.cache
def _environment(language: str) -> jinja2.Environment:
    """The templates with the interface strings of ``language``: one set for every edition."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, autoescape=False,
        extensions=["jinja2.ext.i18n", _TranslatedConstants])
    env.globals["edition_translations"] = i18n.translations(language)
    env.install_gettext_translations(i18n.translations(language), newstyle=True)
    # For the drawings' macros, which are imported without the page's context.
    env.globals["kind_names"] = {kind: i18n.translations(language).gettext(name)
                                 for kind, name in views.KIND_NAMES.items()}
    env.filters.update(t=md_phrase, prose=md_block, points=md_list, attr=html_text, url=_url,
                       link=md_link, links=md_links, dated=md_dated, site=site_href,
                       a=html_link, commas=_commas, lang=lang_attribute)
    return env


def _commas(items: list[str]) -> str:
    """A list of names on one line; English as a whole when its items are English."""
    joined = ", ".join(items)
    return i18n.Fallback(joined) if any(isinstance(i, i18n.Fallback) for i in items) else joined


_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"
"""Reserved URL characters kept as they are; everything else is percent-encoded."""


def _url(url: str) -> str:
    # Validated as http(s) already. Percent-encoding the rest keeps `|` from splitting
    # a table row and a backtick from starting code; the angle brackets let Markdown
    # take the whole address, parentheses included.
    return "<" + quote(url, safe=_URL_SAFE) + ">"


def _plain(markdown_text: str | None) -> str:
    return plain_text(markdown_text, 160)


SHARE_LENGTH = 200
"""Longest link-preview description: what previews show before cutting it themselves."""


def share(section: str | None, summary: str | None = None, kind: str = "website") -> dict:
    """What a link preview of the page shows (Open Graph), for ``generator/theme/main.html``.

    ``section`` is the folder whose card the preview shows; ``summary`` a Markdown
    field made plain text. Escaped like the rest of the front matter."""
    meta = {"type": kind, "image": share_card.image_path(section)}
    if share_card.section_name(section):
        meta["section"] = share_card.section_name(section)
    description = plain_text(summary, SHARE_LENGTH)
    if description:
        meta["description"] = html.escape(description, quote=True)
    return meta


def front_matter(title: str, description: str | None = None, **extra) -> str:
    # MkDocs themes print meta values into HTML unescaped: escape them here. Every page
    # stays out of Material's own search index: Pagefind indexes the built site.
    meta = {"title": html.escape(title, quote=True), "search": {"exclude": True}}
    if description:
        meta["description"] = html.escape(description, quote=True)
    meta.update(extra)
    # JSON is YAML, and far quicker to write than PyYAML's emitter.
    lines = [f"{key}: {json.dumps(meta[key], ensure_ascii=False)}" for key in sorted(meta)]
    return "---\n" + "\n".join(lines) + "\n---\n"


class Renderer:
    def __init__(self):
        self.env = _environment(i18n.language())
        self.pages: dict[str, str] = {}

    def page(self, path: str, template: str, **context) -> None:
        if path in self.pages:
            raise OutputCollision(f"two pages would be written to docs/{path}")
        # ``page`` lets raw HTML (tables, SVG) write addresses as the built site serves them.
        text = self.env.get_template(template).render(page=path, **context)
        self.pages[path] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


# Per folder: the template, the view model, and the page's title and description.
_ENTITY_PAGES = {
    "articles": ("article.md.j2", views.article_view,
                 lambda e: (e.title, _plain(e.summary))),
    "actors": ("actor.md.j2", views.actor_view,
               lambda e: (e.name, e.role or _plain(e.summary))),
    "events": ("event.md.j2", views.event_view,
               lambda e: (e.title, f"{e.date.label()}: {_plain(e.summary)}")),
    "claims": ("claim.md.j2", views.claim_view,
               lambda e: (e.statement, _plain(e.summary))),
    "places": ("place.md.j2", views.place_view,
               lambda e: (e.name, _plain(e.summary))),
}


def _entity_page(r: Renderer, d: Dossier, folder: str, entity, describe: Describer) -> None:
    template, view, meta = _ENTITY_PAGES[folder]
    shown = i18n.localized(entity)
    # The theme puts `jsonld` into the page's head (generator/theme/main.html).
    structured = script_text(describe.page(folder, entity))
    r.page(f"{folder}/{entity.id}.md", template, **view(d, shown),
           updated=views.updated(d.history, folder, entity.id),
           untranslated=i18n.untranslated(entity),
           front_matter=front_matter(*meta(shown), jsonld=structured,
                                     share=share(folder, shown.summary, "article")))


ENTITY_PAGE_ROOT = "../../"
"""The site's root seen from an entity page (``articles/<id>/``)."""

# Set in the parent just before forking, so the workers share the dossier
# instead of receiving a pickled copy.
_SHARED: tuple[Dossier, list[tuple[str, str]], Describer, str] | None = None
PARALLEL_FROM = 2000
"""Entity pages below which forking costs more than it saves."""


def _render_share(index: int, workers: int) -> dict[str, str]:
    d, jobs, describe, language = _SHARED
    with i18n.edition(language):
        r = Renderer()
        for folder, entity_id in jobs[index::workers]:
            _entity_page(r, d, folder, d.corpus.folder(folder)[entity_id], describe)
    return r.pages


def _entity_pages(d: Dossier, workers: int, site_url: str | None) -> dict[str, str]:
    global _SHARED
    jobs = [(folder, entity_id) for folder in FOLDERS for entity_id in d.corpus.folder(folder)]
    if workers < 2 or len(jobs) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
        workers = 1
    _SHARED = (d, jobs, Describer(d, site_url or ENTITY_PAGE_ROOT), i18n.language())
    try:
        if workers == 1:
            return _render_share(0, 1)
        with mp.get_context("fork").Pool(workers) as pool:
            shares = pool.starmap(_render_share, [(i, workers) for i in range(workers)])
    finally:
        _SHARED = None
    return {path: shares[i % workers][path] for i, path in
            enumerate(f"{folder}/{entity_id}.md" for folder, entity_id in jobs)}


def render(d: Dossier, workers: int | None = None, site_url: str | None = None
           ) -> dict[str, str]:
    """Every generated page of the edition being rendered (see ``i18n.edition``): path
    under the edition's docs tree -> Markdown text.

    Entity pages of a large dossier are rendered by one process per core; the
    result does not depend on how many there are. ``site_url`` makes the addresses
    in the pages' structured data absolute; without it they are relative."""
    workers = workers or os.cpu_count() or 1
    pages = _entity_pages(d, workers, site_url)
    r = Renderer()
    r.pages = pages
    for listing in listings.all_listings(d):
        r.page(listing.path, listing.template, **listing.context,
               front_matter=front_matter(listing.title, share=share(listing.path.split("/")[0]),
                                         **WIDE if listing.wide else {}))
    r.page(OVERVIEW, "overview.md.j2", **views.overview(d))
    return dict(sorted(r.pages.items()))
