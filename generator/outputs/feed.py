"""An Atom feed of the newest articles and events, one per edition: ``/feed.xml`` in
English, ``/id/feed.xml`` in Indonesian.

Entries are ordered by the dossier's own dates, newest first, and the feed holds at
most ``LENGTH`` of them, so its size does not grow with the corpus. Nothing comes from
the clock: an entry's ``updated`` is when its source file last changed (the same
date as the pages' structured data), or, outside git, the start of its own date;
the feed's ``updated`` is its newest entry's. An entry's ``published`` is given only
when the source states the exact time; any other date is in the summary, as the
pages show it ("c. 5 Sep 2023"), rather than passed off as an instant.

Each edition's feed is in its language (``xml:lang``), with its own title and links
to its own pages. Words it does not have yet in that language are the English,
marked ``xml:lang="en"`` where they stand, as the pages mark them; a headline is the
article's own, marked with the article's language where it differs from the feed's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator
from lxml import etree

from generator.text import i18n
from generator.dossier.dates import Date
from generator.build.editions import FEED_TITLE
from generator.settings import language_of, own_language, prefix
from generator.dossier.link import Dossier
from generator.text.markup import plain_text
from generator.dossier.model import Article, Event
from generator.outputs import Publication

PATH = "feed.xml"
LENGTH = 50


@dataclass(frozen=True)
class Entry:
    """One feed entry, in plain values."""

    url: str
    title: str
    summary: str
    updated: datetime
    published: datetime | None
    categories: tuple[str, ...]
    title_language: str | None = None
    """The title's language where it is not the feed's; likewise the summary's."""
    summary_language: str | None = None


def instant(date: Date) -> datetime:
    """The first moment a date can mean, in UTC: the exact time when there is one."""
    if date.start.time and date.end is None:
        return datetime.fromisoformat(date.raw.rstrip("~?%").replace("Z", "+00:00")
                                      ).astimezone(timezone.utc)
    s = date.start
    return datetime(s.year, s.month or 1, s.day or 1, tzinfo=timezone.utc)


def _order(date: Date, path: str) -> tuple:
    """Newest first; a month or a year counts from its start, so it follows its days."""
    return (-instant(date).timestamp(), path)


def _exact_instant(date: Date) -> datetime | None:
    return instant(date) if date.start.time and date.end is None and not date.qualified else None


def _other(language: str, text) -> str | None:
    """``language`` when ``text`` is not in the edition's; English fallbacks are "en"."""
    if isinstance(text, i18n.Fallback):
        return own_language()
    return language if language_of(language) != i18n.language() else None


def article_entry(a: Article, d: Dossier, base: str) -> Entry:
    url = f"{base}articles/{a.id}/"
    text = i18n.in_edition(a, "summary")
    summary = f"{a.outlet}, {a.published.label()}. {plain_text(text)}"
    changed = d.history.last_changed("articles", a.id)
    return Entry(url, a.title, summary, changed or instant(a.published),
                 _exact_instant(a.published), ("article", *a.tags),
                 title_language=_other(a.language, a.title),
                 summary_language=_other(i18n.language(), text))


def event_entry(e: Event, d: Dossier, base: str) -> Entry:
    url = f"{base}events/{e.id}/"
    title, text = i18n.in_edition(e, "title"), i18n.in_edition(e, "summary")
    summary = f"{e.date.label()}. {plain_text(text) or title}"
    changed = d.history.last_changed("events", e.id)
    return Entry(url, title, summary, changed or instant(e.date), None, ("event",),
                 title_language=_other(i18n.language(), title),
                 summary_language=_other(i18n.language(), text or title))


def entries(d: Dossier, base: str, length: int = LENGTH) -> list[Entry]:
    """The newest ``length`` articles and events, newest first, ties by address."""
    c = d.corpus
    dated = [(_order(a.published, f"articles/{a.id}/"), a) for a in c.articles.values()]
    dated += [(_order(e.date, f"events/{e.id}/"), e) for e in c.events.values()]
    # Only the entries shown are made: their summaries are the costly part.
    newest = sorted(dated, key=lambda pair: pair[0])[:length]
    return [article_entry(x, d, base) if isinstance(x, Article) else event_entry(x, d, base)
            for _, x in newest]


def atom(d: Dossier, publication: Publication, length: int = LENGTH) -> bytes:
    """The feed of the edition being rendered (see ``i18n.edition``)."""
    language = i18n.language()
    base = publication.absolute_base + prefix(language)
    name = publication.name_in(language)
    chosen = entries(d, base, length)
    feed = FeedGenerator()
    feed.id(base)
    feed.title(i18n.gettext(FEED_TITLE) % {"site": name})
    feed.author({"name": name})
    feed.link(href=base, rel="alternate")
    feed.link(href=f"{base}{PATH}", rel="self")
    feed.language(language)
    # An empty dossier still has a valid feed: its date is the start of the epoch.
    feed.updated(max((e.updated for e in chosen), default=datetime(1970, 1, 1, tzinfo=timezone.utc)))
    for e in chosen:
        item = feed.add_entry(order="append")
        item.id(e.url)
        item.title(e.title)
        item.link(href=e.url, rel="alternate")
        item.summary(e.summary, type="text")
        item.updated(e.updated)
        if e.published:
            item.published(e.published)
        for term in e.categories:
            item.category(term=term)
    return _mark_languages(feed.atom_str(pretty=True), chosen)


_ATOM = "{http://www.w3.org/2005/Atom}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _mark_languages(atom_bytes: bytes, chosen: list[Entry]) -> bytes:
    """``xml:lang`` on each title and summary not in the feed's language (feedgen has
    no way to say it); the feed unchanged when there is none."""
    if not any(e.title_language or e.summary_language for e in chosen):
        return atom_bytes
    root = etree.fromstring(atom_bytes)
    for element, e in zip(root.iter(f"{_ATOM}entry"), chosen):
        for name, language in (("title", e.title_language), ("summary", e.summary_language)):
            if language:
                element.find(f"{_ATOM}{name}").set(_XML_LANG, language)
    return etree.tostring(root.getroottree(), pretty_print=True, encoding="UTF-8",
                          xml_declaration=True)


def files(d: Dossier, publication: Publication, site=None) -> dict[str, bytes]:
    """Per edition (``OUTPUTS``); ``site``, the site's files, says nothing to a feed."""
    return {PATH: atom(d, publication)}
