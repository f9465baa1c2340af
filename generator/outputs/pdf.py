"""The dossier as one document: a printable HTML page, and the PDF WeasyPrint makes of it.

Briefings, courts, archives and libraries want one file with every page, dated, with
its sources. Each edition gets ``dossier.html`` (a standalone page, published beside
the site's pages) and ``dossier.pdf``, made from it: a cover with the title, the date
of the last change and the counts; the contents; the overview; every article, claim,
event (in date order), actor and place; the sources as an appendix. The entries are
laid out from the same view data as the pages (``generator/views``), in the edition's
language; every cross-reference is a link to the entry inside the document.

The bytes depend on the dossier only: the PDF's dates are the dossier's last change
(``SOURCE_DATE_EPOCH`` where git knows nothing), it carries no random identifier, and
its fonts are the package's own (``generator/fonts``), embedded, never a system's.

A large dossier is split (``split``): past ``PART_LIMIT`` articles each year of
articles (and, past as many events, each year of events) is a document of its own in
``dossier/``, beside ``dossier.pdf`` with everything else, so that no single file
takes many minutes and gigabytes to make or to open.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing as mp
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from markupsafe import Markup

from generator.dossier.dates import DatePoint
from generator.dossier.link import Dossier, event_order
from generator.dossier.model import Article, Event
from generator.outputs import Publication
from generator.outputs.data import size_label
from generator.text import english, i18n
from generator.text.i18n import N_, gettext
from generator.text.markup import render_markdown
from generator.views import models as views

PDF = "dossier.pdf"
HTML = "dossier.html"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = "dossier.html.j2"
STYLESHEET = TEMPLATES / "dossier.css"
FONTS = Path(__file__).resolve().parent.parent / "fonts"
PDF_STYLES = f"""
@font-face {{ font-family: "DejaVu Sans"; font-weight: normal;
  src: url("{(FONTS / 'DejaVuSans.ttf').as_uri()}"); }}
@font-face {{ font-family: "DejaVu Sans"; font-weight: bold;
  src: url("{(FONTS / 'DejaVuSans-Bold.ttf').as_uri()}"); }}
@font-face {{ font-family: "DejaVu Sans"; font-style: italic;
  src: url("{(FONTS / 'DejaVuSans.ttf').as_uri()}"); }}
@font-face {{ font-family: "DejaVu Sans"; font-style: italic; font-weight: bold;
  src: url("{(FONTS / 'DejaVuSans-Bold.ttf').as_uri()}"); }}
"""
"""The package's fonts, for the PDF only: the page names the family and lets a reader's
browser use its own copy or another sans-serif (no web font is fetched). The package
has no italic: emphasis is drawn slanted from the upright faces, never taken from
whatever fonts the building machine has."""

PART_LIMIT = 250
"""Most articles (or events) in one document; past it the dossier is split by year (see
``split``). WeasyPrint takes about a third of a second of processor time per article
and holds every page until the file is written: 500 articles in one file took 158 s
and 1.2 GB, so 5,000 in one would take half an hour and over 10 GB. Parts of 250 stay
near a minute and 600 MB each (tests/bench/run.py measures it)."""
CACHE_KEEP = 64
"""PDFs kept in the cache, the most recently used."""

SECTIONS = {
    "overview": N_("Overview"), "articles": N_("Articles"), "claims": N_("Claims"),
    "events": N_("Events"), "actors": N_("Actors"), "places": N_("Places"),
    "sources": N_("Sources"),
}
"""The document's sections in their order; the sources are the appendix."""
_TARGET = re.compile(r"(?:\.\./)*([a-z]+)/([^/]+)\.md$")


def anchor(href: str) -> str:
    """The entry inside the document that a page link leads to: ``../actors/x.md`` ->
    ``#actors-x``. Folder names hold no hyphen, so no two entries share an anchor."""
    match = _TARGET.search(href)
    return f"#{match[1]}-{match[2]}" if match else href


def prose(text: str | None) -> Markup:
    """A Markdown field as sanitised HTML (``generator.text.markup``)."""
    return Markup(render_markdown(text)) if text else Markup("")


def last_change(d: Dossier) -> views.Updated | None:
    """When the dossier last changed: its newest commit, ``not yet committed`` while a
    source is, or None where git knows nothing."""
    if d.history.pending:
        return views.Updated(gettext("not yet committed"))
    if not d.history.changed:
        return None
    when = max(d.history.changed.values())
    return views.Updated(DatePoint(when.year, when.month, when.day).label(),
                         when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def document_time(d: Dossier, environ=None) -> datetime | None:
    """The PDF's creation and change time: the dossier's last commit, else
    ``SOURCE_DATE_EPOCH`` (reproducible builds' convention), else none at all."""
    if d.history.changed:
        return max(d.history.changed.values())
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc)
    return None


@dataclass(frozen=True)
class Part:
    """One document: which articles (with their sources) and events it holds, and whether
    it holds the claims, actors and places."""

    pdf: str
    """Its path under the edition's folder: ``dossier.pdf``, ``dossier/articles-2023.pdf``."""
    title: str
    """What part of the dossier it is; empty for the whole (or main) document."""
    articles: tuple[Article, ...] = ()
    events: tuple[Event, ...] = ()
    rest: bool = True

    @property
    def html(self) -> str:
        return self.pdf[:-len(".pdf")] + ".html"


FOLDER = "dossier"
"""Where the parts of a split dossier go, beside ``dossier.pdf``."""


def _chronological(articles) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published.sort_key, a.id))


def _by_year(items: list, date, limit: int, kind: str, title: str) -> list[Part]:
    """``items`` (in date order) as parts of one year each, a year of more than ``limit``
    in as few consecutive parts of nearly equal size as fit."""
    years: dict[int, list] = {}
    for item in items:
        years.setdefault(date(item).start.year, []).append(item)
    parts = []
    for year, in_year in sorted(years.items()):
        n = -(-len(in_year) // limit)
        size = -(-len(in_year) // n)
        chunks = [in_year[i:i + size] for i in range(0, len(in_year), size)]
        for number, chunk in enumerate(chunks, 1):
            key = f"{year}-{number}" if len(chunks) > 1 else str(year)
            name = gettext(title) % {"year": year}
            if len(chunks) > 1:
                name = f"{name}, {date(chunk[0]).label()} – {date(chunk[-1]).label()}"
            parts.append(Part(f"{FOLDER}/{kind}-{key}.pdf", name, rest=False,
                              **{kind: tuple(chunk)}))
    return parts


ARTICLES_OF = N_("Articles of %(year)s")
EVENTS_OF = N_("Events of %(year)s")


def split(d: Dossier, limit: int = PART_LIMIT) -> list[Part]:
    """The documents of the dossier: one, or past ``limit`` articles a main document
    (``dossier.pdf``: claims, actors, places, and the events unless there are more than
    ``limit``) and the articles (and then the events) by year (see ``_by_year``)."""
    articles = _chronological(d.corpus.articles.values())
    events = sorted(d.corpus.events.values(), key=event_order)
    if len(articles) <= limit:
        return [Part(PDF, "", tuple(articles), tuple(events))]
    own_events = tuple(events) if len(events) <= limit else ()
    parts = [Part(PDF, gettext("Claims, events, actors and places") if own_events
                  else gettext("Claims, actors and places"), events=own_events)]
    parts += _by_year(articles, lambda a: a.published, limit, "articles", ARTICLES_OF)
    if not own_events:
        parts += _by_year(events, lambda e: e.date, limit, "events", EVENTS_OF)
    return parts


def _homes(d: Dossier, parts: list[Part]) -> dict[str, str]:
    """Each entry's anchor -> the document that holds it."""
    homes = {}
    for part in parts:
        homes.update((f"#articles-{a.id}", part.pdf) for a in part.articles)
        homes.update((f"#sources-{a.id}", part.pdf) for a in part.articles)
        homes.update((f"#events-{e.id}", part.pdf) for e in part.events)
        if part.rest:
            homes.update((f"#{folder}-{entity_id}", part.pdf)
                         for folder in ("claims", "actors", "places")
                         for entity_id in d.corpus.folder(folder))
    return homes


@functools.cache
def _environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, autoescape=True,
        extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(i18n.translations(language), newstyle=True)
    env.filters.update(anchor=anchor, prose=prose,
                       lang=lambda text: Markup(' lang="en"')
                       if isinstance(text, i18n.Fallback) else Markup(""))
    return env


def _entries(d: Dossier, part: Part) -> dict:
    """The view data of every entry in ``part``, as the pages have it."""
    c = d.corpus
    shown = i18n.localized
    articles = [views.article_view(d, shown(a)) for a in part.articles]
    events = [views.event_view(d, shown(e)) for e in part.events]
    if not part.rest:
        return dict(articles=articles, claims=[], events=events, actors=[], places=[])
    return dict(
        articles=articles, events=events,
        claims=[views.claim_view(d, shown(cl)) for cl in
                sorted(c.claims.values(), key=lambda cl: (not cl.contested, cl.id))],
        actors=[views.actor_view(d, shown(a)) for a in
                sorted(c.actors.values(), key=lambda a: (views.label(a).lower(), a.id))],
        places=[views.place_view(d, shown(p)) for p in
                sorted(c.places.values(), key=lambda p: (views.label(p).lower(), p.id))],
    )


def printable(d: Dossier, publication: Publication, part: Part | None = None,
              parts: list[Part] | None = None) -> str:
    """The printable HTML of ``part`` of ``parts`` (by default, the whole dossier as one),
    in the edition's language. A reference to an entry in another part names that part's
    file instead of linking it, so every link of a PDF leads inside it."""
    language = i18n.language()
    if part is None:
        parts = split(d, limit=max(len(d.corpus.articles), 1))
        part = parts[0]
    parts = parts or [part]
    homes = _homes(d, parts)
    overview = views.overview(d)
    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    entries = _entries(d, part)
    sections = [key for key in SECTIONS if (key == "overview" and part.rest) or entries.get(key)
                or (key == "sources" and part.articles)]
    # The overview's figures link to their sections: the site's timeline is the events.
    in_sections = {folder: key for folder, key in (("articles", "articles"), ("claims", "claims"),
                   ("timeline", "events"), ("actors", "actors"), ("places", "places"))
                   if key in sections}
    # English interface strings marked lang="en" before WeasyPrint reads the page.
    return english.in_markup(_environment(language).get_template(TEMPLATE).render(
        language=language, site_name=publication.name_in(language), part=part,
        parts=[p for p in parts if p != part], updated=last_change(d),
        here={anchor for anchor, home in homes.items() if home == part.pdf}, homes=homes,
        overview=overview, sections=[(key, gettext(SECTIONS[key])) for key in sections],
        stylesheet=Markup(stylesheet), in_sections=in_sections, **entries))


logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def to_pdf(html: str, created: datetime | None) -> bytes:
    """``html`` as a paginated PDF with the package's fonts embedded. ``created`` is
    written as the document's dates; without it there are none."""
    import weasyprint  # Pango is loaded when first needed, not by every import.
    if created is not None:
        stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
        meta = (f'<meta name="dcterms.created" content="{stamp}">'
                f'<meta name="dcterms.modified" content="{stamp}">')
        html = html.replace("</head>", meta + "</head>", 1)
    fonts = weasyprint.text.fonts.FontConfiguration()
    document = weasyprint.HTML(string=html, base_url=str(FONTS))
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(string=PDF_STYLES, font_config=fonts)],
        font_config=fonts, pdf_identifier=None, uncompressed_pdf=False)


def _cached(html: str, created: datetime | None, cache: Path | None) -> bytes:
    """``to_pdf``, kept in ``cache`` by what it is made from: the same printable page,
    dates, fonts and WeasyPrint give the same bytes, so they are not made again."""
    if cache is None:
        return to_pdf(html, created)
    import weasyprint
    key = hashlib.sha256()
    for part in (weasyprint.__version__, str(created), PDF_STYLES, html):
        key.update(part.encode("utf-8") + b"\0")
    for font in sorted(FONTS.glob("*.ttf")):
        key.update(font.read_bytes())
    path = cache / "pdf" / f"{key.hexdigest()}.pdf"
    if path.is_file():
        os.utime(path)  # used: the last to be pruned
        return path.read_bytes()
    data = to_pdf(html, created)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    kept = sorted(path.parent.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[CACHE_KEEP:]:
        old.unlink(missing_ok=True)
    return data


def files(d: Dossier, publication: Publication, site=None) -> dict[str, bytes]:
    """The edition's printable pages and PDFs (see ``split``)."""
    parts = split(d)
    made: dict[str, bytes] = {}
    created = document_time(d)
    pages = [(part, printable(d, publication, part, parts)) for part in parts]
    jobs = [(html, created, publication.cache) for _, html in pages]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and "fork" in mp.get_all_start_methods():
        # Parts are independent documents: one process each, as many at once as cores.
        with mp.get_context("fork").Pool(workers) as pool:
            made_pdfs = pool.starmap(_cached, jobs)
    else:
        made_pdfs = [_cached(*job) for job in jobs]
    for (part, html), data in zip(pages, made_pdfs):
        made[part.html] = html.encode("utf-8")
        made[part.pdf] = data
    return made


@dataclass(frozen=True)
class DocumentLink:
    """A PDF as the home and data pages link it."""

    path: str
    """Under the edition's docs folder: ``dossier.pdf``, ``dossier/articles-2023.pdf``."""
    size: str
    """``1.2 MB``, as the edition writes numbers."""


def links(made) -> tuple[DocumentLink, ...]:
    """The PDFs among an edition's outputs, the whole (or main) document first; none
    where the PDF was not made (the live preview)."""
    paths = sorted((p for p in made if p == PDF or (p.startswith(FOLDER + "/")
                                                   and p.endswith(".pdf"))), key=lambda p: p != PDF)
    return tuple(DocumentLink(p, size_label(len(made[p]))) for p in paths)
