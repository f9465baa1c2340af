"""An Atom feed of the newest articles and events, at ``/feed.xml``.

Entries are ordered by the dossier's own dates, newest first, and the feed holds at
most ``LENGTH`` of them, so its size does not grow with the corpus. Nothing comes from
the clock: an entry's ``updated`` is when its source file last changed (the same
date as the pages' structured data), or, outside git, the start of its own date;
the feed's ``updated`` is its newest entry's. An entry's ``published`` is given only
when the source states the exact time; any other date is in the summary, as the
pages show it ("c. 5 Sep 2023"), rather than passed off as an instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from ..dates import Date
from ..link import Dossier
from ..markup import plain_text
from ..model import Article, Event
from . import Publication

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


def article_entry(a: Article, d: Dossier, base: str) -> Entry:
    url = f"{base}articles/{a.id}/"
    summary = f"{a.outlet}, {a.published.label()}. {plain_text(a.summary)}"
    changed = d.history.last_changed("articles", a.id)
    return Entry(url, a.title, summary, changed or instant(a.published),
                 _exact_instant(a.published), ("article", *a.tags))


def event_entry(e: Event, d: Dossier, base: str) -> Entry:
    url = f"{base}events/{e.id}/"
    summary = f"{e.date.label()}. {plain_text(e.summary) or e.title}"
    changed = d.history.last_changed("events", e.id)
    return Entry(url, e.title, summary, changed or instant(e.date), None, ("event",))


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
    base = publication.absolute_base
    chosen = entries(d, base, length)
    feed = FeedGenerator()
    feed.id(base)
    feed.title(f"{publication.site_name}: newest articles and events")
    feed.author({"name": publication.site_name})
    feed.link(href=base, rel="alternate")
    feed.link(href=f"{base}{PATH}", rel="self")
    feed.language("en")
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
    return feed.atom_str(pretty=True)


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    return {PATH: atom(d, publication)}
