"""What a reader cites: a dossier's page, and the news report an article page is about.

A :class:`Reference` is the one plain record that every form of a citation is made
from: the page's ``citation_*`` meta tags, the suggested citation printed in the
"Cite this page" block (:func:`formatted`, by citeproc-py with the style shipped in
``generator/csl/``) and the BibTeX, RIS and CSL-JSON downloads
(``generator/outputs/citations.py``).

Dates stay as precise as the source, and as sure: a reference carries the dossier's
own :class:`~generator.dossier.dates.Date`, and each form says what it can of it.
"""

from __future__ import annotations

import functools
import html
import json
import re
from urllib.parse import quote
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.dossier.dates import Date, DatePoint
from generator.dossier.link import Dossier
from generator.dossier.model import Article, Entity
from generator.settings import language_of, own_language, prefix
from generator.text import english, i18n
from generator.text.i18n import N_


def gettext(message: str) -> str:
    # A citation is data: its words reach BibTeX, RIS and CSL-JSON, which cannot say a
    # string is English, so an untranslated interface string goes in plain.
    return english.unmark(i18n.gettext(message))


CSL = Path(__file__).resolve().parent.parent / "csl"
STYLE = CSL / "dossier.csl"
FOLDER = "cite"
"""Where the news reports' citation files are, under the site's docs tree: the same in
every edition."""
REPORTS = "reports"
FORMATS = (("bib", "BibTeX"), ("ris", "RIS"), ("json", "CSL-JSON"))
"""Each download's file extension and the name of its format, as the Cite block shows it."""
CURATORS = N_("The dossier's curators")
"""Who a page is by: the people who curate the dossier, named as a body."""


@dataclass(frozen=True)
class Reference:
    """One work to cite, in the language of the edition it was made in."""

    key: str
    """A citation key, ASCII: ``actor-kim-jong-un``, ``report-2023-09-05-kompas-x``."""
    kind: str
    """``page`` (a dossier's page: a web page) or ``report`` (a newspaper article)."""
    title: str
    container: str
    """The dossier's name for a page; the outlet for a report."""
    authors: tuple[str, ...]
    """Names as written, never split into given and family names: bylines are not."""
    date: Date | None
    """As precise and as sure as the source; None where nothing is known."""
    url: str | None
    language: str
    translated_title: str | None = None
    """A report's headline in the edition's language, where it is in another one."""
    archived_url: str | None = None
    archived_on: Date | None = None
    based_on: tuple[str, ...] = field(default_factory=tuple)

    def archive_note(self) -> str | None:
        """``Archived copy: <address> (6 Sep 2023)``, in the edition's language."""
        if not self.archived_url:
            return None
        if self.archived_on:
            return gettext("Archived copy: %(url)s (%(date)s)") % {
                "url": self.archived_url, "date": self.archived_on.label()}
        return gettext("Archived copy: %(url)s") % {"url": self.archived_url}


def day(moment: datetime) -> Date:
    """The day of a moment (in UTC), as a date of the content model."""
    point = DatePoint(moment.year, moment.month, moment.day)
    return Date(point.iso(), point)


_LABEL_FIELDS = {"articles": "title", "actors": "name", "events": "title",
                 "claims": "statement", "places": "name"}


def page_reference(d: Dossier, folder: str, entity: Entity, site_name: str,
                   base: str) -> Reference:
    """The entity's page in the edition being rendered, by the curators, dated by the
    last change to its source file (git), at ``base`` (the edition's address, with a
    trailing slash)."""
    changed = d.history.last_changed(folder, entity.id)
    return Reference(
        key=f"{folder[:-1]}-{entity.id}", kind="page",
        title=str(i18n.in_edition(entity, _LABEL_FIELDS[folder])), container=site_name,
        authors=(gettext(CURATORS),), date=day(changed) if changed else None,
        url=f"{base}{folder}/{entity.id}/", language=i18n.language())


def report_reference(a: Article) -> Reference:
    """The news report itself, as published: its outlet, headline, bylines and date;
    the headline's translation in the edition's language where it is in another."""
    translated = i18n.headline_translation(a)
    return Reference(
        key=f"report-{a.id}", kind="report", title=a.title, container=a.outlet,
        authors=tuple(a.authors), date=a.published, url=a.url, language=a.language,
        translated_title=str(translated) if translated else None,
        archived_url=a.archived_url, archived_on=a.archived_on, based_on=tuple(a.based_on))


def shared_report_reference(a: Article) -> Reference:
    """The report as every edition's download holds it: the translation the dossier's
    own language gives (``title_en``), as in the site's data downloads."""
    with i18n.edition(own_language()):
        return report_reference(a)


# The formatted citation. citeproc-py takes 10-30 ms for one reference; a dossier of
# 5,000 articles has 20,000 to print in two editions. The style lays out what it is
# given the same way whatever the words are, so it is run once per shape of
# reference (its kind, which fields it has, how many authors) and edition, with
# placeholders for the words, which are then put in, HTML-escaped.

_SLOT = "\ue000{}\ue001"
_SLOTS = re.compile("\ue000(\\d+)\ue001")


def csl_locale(language: str) -> str:
    """The CSL locale citeproc-py has for a language tag: the tag itself (``pt-BR``),
    the language's own country (``id-ID``, ``fr-FR``), another of its dialects, or
    ``en-US``."""
    from citeproc import LOCALES_PATH
    known = sorted(p.name[len("locales-"):-len(".xml")] for p in Path(LOCALES_PATH).iterdir()
                   if p.name.startswith("locales-") and p.suffix == ".xml")
    base = language_of(language)
    for candidate in (language, f"{base}-{base.upper()}"):
        if candidate in known:
            return candidate
    return next((k for k in known if k.split("-")[0] == base), "en-US")


@functools.cache
def _style(language: str):
    from citeproc import CitationStylesStyle
    return CitationStylesStyle(str(STYLE), locale=csl_locale(language), validate=False)


def _shape(ref: Reference) -> tuple[dict, list[str]]:
    """The CSL item with a placeholder for each word, and the words."""
    words: list[str] = []

    def slot(text: str) -> str:
        words.append(text)
        return _SLOT.format(len(words) - 1)

    title = ref.title
    if ref.translated_title:
        title = f"{title} [{ref.translated_title}]"
    item = {"id": "x", "type": "article-newspaper" if ref.kind == "report" else "webpage",
            "title": slot(title)}
    if ref.container:
        item["container-title"] = slot(ref.container)
    if ref.authors:
        item["author"] = [{"literal": slot(name)} for name in ref.authors]
    if ref.date:
        item["issued"] = {"literal": slot(ref.date.label())}
    if ref.url:
        item["URL"] = slot(ref.url)
    return item, words


@functools.lru_cache(maxsize=1024)
def _layout(language: str, item_json: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON
    bibliography = CitationStylesBibliography(_style(language),
                                              CiteProcJSON([json.loads(item_json)]),
                                              formatter.html)
    bibliography.register(Citation([CitationItem("x")]))
    return str(bibliography.bibliography()[0])


def formatted(ref: Reference) -> str:
    """The suggested citation, HTML (``<i>`` for titles), in the edition's language."""
    item, words = _shape(ref)
    layout = _layout(i18n.language(), json.dumps(item, sort_keys=True))
    return _SLOTS.sub(lambda m: html.escape(words[int(m.group(1))], quote=False), layout)


# The page's Highwire meta tags, which Zotero's embedded-metadata translator reads.

def meta_tags(ref: Reference) -> list[tuple[str, str]]:
    """``(name, content)`` pairs, in order, content HTML-escaped for the front matter."""
    tags = [("citation_title", ref.title)]
    tags += [("citation_author", name) for name in ref.authors]
    tags.append(("citation_publisher", ref.container))
    if ref.date:
        tags.append(("citation_date", ref.date.start.iso().replace("-", "/")))
    if ref.url:
        tags.append(("citation_public_url", ref.url))
    tags.append(("citation_language", ref.language))
    return [(name, html.escape(content, quote=True)) for name, content in tags]


# Where the downloads are, and how a page links them.

def report_path(article_id: str, extension: str) -> str:
    """A report's citation, under the site's docs tree: ``cite/reports/x.bib``."""
    return f"{FOLDER}/{REPORTS}/{article_id}.{extension}"


@dataclass(frozen=True)
class Download:
    format: str
    href: str
    filename: str
    media_type: str


MEDIA_TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems",
               "json": "application/vnd.citationstyles.csl+json"}


@dataclass(frozen=True)
class Cited:
    """One citation as the Cite block shows it."""

    text: str
    """HTML."""
    downloads: list[Download]


def _downloads(paths: dict[str, str], up: str, stem: str) -> list[Download]:
    return [Download(name, up + paths[ext], f"{stem}.{ext}", MEDIA_TYPES[ext])
            for ext, name in FORMATS]


ENTITY_PAGE_ROOT = "../../"


def cite_view(d: Dossier, folder: str, entity: Entity, site_name: str, base: str,
              page_hrefs: Callable[[Reference], dict[str, str]]) -> dict:
    """The Cite block of an entity page and its meta tags, in the edition's language.

    ``page_hrefs`` gives the page's own citation downloads, by file extension: each
    edition's is its own, written into the page itself (see outputs/citations.py)."""
    page = page_reference(d, folder, entity, site_name, base)
    view = {"page": Cited(formatted(page), _downloads(page_hrefs(page), "", page.key)),
            "report": None, "meta": meta_tags(page)}
    if folder == "articles":
        report = report_reference(entity)
        # The reports' files are the site's: from another edition, up past its folder.
        up = ENTITY_PAGE_ROOT + "../" * prefix(i18n.language()).count("/")
        view["report"] = Cited(formatted(report), _downloads(
            {ext: report_path(entity.id, ext) for ext, _ in FORMATS}, up, report.key))
    return view


_URL_SAFE = "/:?#[]@!$&'()*+,;=%~"


def _attribute(url: str) -> str:
    # Percent-encoded as the page's links are (render._url): no quote, brace or bar
    # can end the attribute, the attribute list or the table cell.
    return quote(url, safe=_URL_SAFE)


@dataclass(frozen=True)
class SourceLink:
    """A link to a source or its snapshot, as a Robust Link (robustlinks.mementoweb.org):
    the original, the snapshot and the snapshot's day ride along as attributes."""

    text: str
    url: str
    attributes: str
    """Markdown's attribute list, ``{ data-versionurl="..." data-versiondate="..." }``."""


def source_links(url: str | None, archived_url: str | None, archived_on: Date | None
                 ) -> tuple[SourceLink | None, SourceLink | None]:
    """The links to a report and to its archived copy: the first carries the snapshot's
    address and day, the second the original's address and the same day."""
    day_attribute = f' data-versiondate="{archived_on.start.iso()}"' if archived_on else ""
    original = archived = None
    if url:
        attributes = ""
        if archived_url:
            attributes = (f'{{ data-originalurl="{_attribute(url)}" '
                          f'data-versionurl="{_attribute(archived_url)}"{day_attribute} }}')
        original = SourceLink(url, url, attributes)
    if archived_url:
        attributes = f'data-versionurl="{_attribute(archived_url)}"{day_attribute}'
        if url:
            attributes = f'data-originalurl="{_attribute(url)}" ' + attributes
        text = (gettext("archived copy (%(date)s)") % {"date": archived_on.label()}
                if archived_on else gettext("archived copy"))
        archived = SourceLink(text, archived_url, f"{{ {attributes} }}")
    return original, archived
