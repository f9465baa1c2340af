"""View models: what each page shows, computed from the linked dossier.

Templates receive these and only lay them out. Every list is already sorted.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, replace

from babel import UnknownLocaleError

from generator.views import graph
from generator.views.citation import source_links
from generator.settings import babel_locale
from generator.text import i18n
from generator.dossier.dates import DatePoint
from generator.dossier.history import History
from generator.text.i18n import N_, gettext
from generator.dossier.link import Dossier, article_order, event_order
from generator.dossier.model import Actor, Article, Claim, Event, Place

POSITION_LABELS = {"asserts": N_("Asserts"), "denies": N_("Denies"),
                   "declines-to-comment": N_("Declines to comment"),
                   "questions": N_("Questions")}
POSITION_SYMBOLS = {"asserts": "✔", "denies": "✘", "questions": "?", "declines-to-comment": "–"}
"""A mark for each position, always shown with its word so that colour is never the only cue."""
KIND_LABELS = {"person": N_("People"), "organization": N_("Organisations"),
               "state": N_("States")}
KIND_NAMES = {"person": N_("Person"), "organization": N_("Organization"), "state": N_("State")}
LIST_LIMIT = 100
"""Most items in one backlink list, so that no entity page grows with the corpus."""


@dataclass(frozen=True)
class Limited:
    """The first items of a longer list, and how many there are in all."""

    items: list
    total: int

    @classmethod
    def of(cls, items: list, limit: int | None = None) -> "Limited":
        limit = LIST_LIMIT if limit is None else limit
        return cls(items[:limit], len(items))

    @property
    def cut(self) -> bool:
        return self.total > len(self.items)


@dataclass(frozen=True)
class LinkItem:
    label: str
    href: str
    """Relative path of the target Markdown page, from the page being written."""


@dataclass(frozen=True)
class Dated:
    date: str
    link: LinkItem
    note: str = ""


@dataclass(frozen=True)
class QuoteView:
    speaker: LinkItem
    article: Dated | None
    text: str
    translation: str | None
    language: str
    said_on: str


@dataclass(frozen=True)
class StanceView:
    claim: LinkItem
    actor: LinkItem
    position: str
    source: Dated
    quote: str | None
    translation: str | None = None
    """The quote in the edition's language, for a quote from an article in another one."""
    symbol: str = ""
    language: str = ""
    """The source article's language, which the quote is in."""


@dataclass(frozen=True)
class Updated:
    """When the page's source file last changed, for the page's last line."""

    label: str
    """``26 Nov 2026`` (in UTC), or ``not yet committed``."""
    iso: str = ""
    """The commit's time, ``2026-11-26T02:25:54Z``; empty when not committed."""


@dataclass(frozen=True)
class CorrectionView:
    """One correction as a page lists it."""

    date: str
    """``29 Nov 2026``, in the edition's language."""
    iso: str
    text: str
    """In the edition's language, or the English marked as such."""
    anchor: str
    """``correction-1``: its place in the entity's list, oldest first, which never changes
    since a correction is never deleted."""


def corrections(entity) -> list[CorrectionView]:
    """The entity's corrections, oldest first, as its page lists them."""
    return [CorrectionView(c.date.label(), c.date.start.iso(), text, correction_anchor(n))
            for n, (c, text) in enumerate(i18n.corrections(entity), start=1)]


def correction_anchor(number: int) -> str:
    return f"correction-{number}"


def updated(history: History, folder: str, entity_id: str) -> Updated | None:
    """None where git knows nothing of the file: no git, or a shallow clone's oldest commit."""
    when = history.last_changed(folder, entity_id)
    if when is not None:
        return Updated(DatePoint(when.year, when.month, when.day).label(),
                       when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return Updated(gettext("not yet committed")) if history.is_pending(folder, entity_id) else None


class Links:
    """Relative links from a page at ``<depth>`` folders below ``docs/``."""

    def __init__(self, dossier: Dossier, depth: int = 1):
        self.d = dossier
        self.prefix = "../" * depth
        # Link items are immutable and the same from every page at one depth; backlink
        # lists repeat them thousands of times in a large dossier, so they are made once.
        self._made = dossier.link_items

    def to(self, folder: str, entity) -> LinkItem:
        return LinkItem(label(entity), f"{self.prefix}{folder}/{entity.id}.md")

    def article(self, a: Article) -> Dated:
        key = (i18n.language(), self.prefix, "articles", a.id)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Dated(list_label(a.published), self.to("articles", a),
                                           a.outlet)
        return made

    def event(self, e: Event) -> Dated:
        key = (i18n.language(), self.prefix, "events", e.id)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Dated(e.date.label(), self.to("events", e))
        return made

    def actor_ref(self, ref) -> LinkItem:
        return self.to("actors", self.d.corpus.actors[ref.id])

    def place_ref(self, ref) -> LinkItem:
        return self.to("places", self.d.corpus.places[ref.id])

    def stance(self, claim: Claim, stance) -> StanceView:
        source = self.d.corpus.articles[stance.source.id]
        translation = (i18n.quote_translation(stance.translation, stance.translations,
                                              source.language) if stance.quote else None)
        return StanceView(self.to("claims", claim), self.actor_ref(stance.actor),
                          gettext(POSITION_LABELS[stance.position]), self.article(source),
                          stance.quote, translation)


def list_label(date) -> str:
    """A date for lists: the day is enough, the time of publication is on the article."""
    return _list_label(date, i18n.language())


@functools.lru_cache(maxsize=100_000)
def _list_label(date, language: str) -> str:
    if date.end is None and date.start.time:
        return replace(date.start, time="").label()
    return date.label()


_LABEL_FIELDS = {Actor: "name", Place: "name", Article: "title", Event: "title",
                 Claim: "statement"}


def label(entity) -> str:
    """What a link to ``entity`` says, in the edition's language."""
    return i18n.in_edition(entity, _LABEL_FIELDS[type(entity)])


def language_name(tag: str) -> str:
    """``Indonesian (id)``: the article's language, named in the edition's language."""
    try:
        name = babel_locale(tag).get_language_name(babel_locale(i18n.language()))
    except (ValueError, UnknownLocaleError):
        return tag
    return f"{name} ({tag})" if name else tag


def quote_view(links: "Links", article: Article, q, show_article: bool) -> QuoteView:
    return QuoteView(links.actor_ref(q.by), links.article(article) if show_article else None,
                     q.text, i18n.quote_translation(q.translation, q.translations,
                                                    article.language),
                     article.language, q.said_on.label() if q.said_on else "")


def article_view(d: Dossier, a: Article) -> dict:
    links = Links(d)
    original, archived = source_links(a.url, a.archived_url, a.archived_on)
    return dict(
        original=original, archived=archived,
        a=a, published=a.published.label(), headline=i18n.headline_translation(a),
        tags=[LinkItem(tag, f"../tags/{tag}.md") for tag in dict.fromkeys(a.tags)], precision=a.published.precision_label(),
        language=language_name(a.language),
        retrieved=a.retrieved.label() if a.retrieved else None,
        quotes=[quote_view(links, a, q, show_article=False) for q in a.quotes],
        actors=sorted((links.actor_ref(r) for r in dict.fromkeys(a.actors)), key=_by_label),
        places=sorted((links.place_ref(r) for r in dict.fromkeys(a.places)), key=_by_label),
        events=[links.event(e) for e in d.events_from.get(a.id, [])],
        stances=[links.stance(c, s) for c, s in d.stances_from.get(a.id, [])],
    )


def actor_view(d: Dossier, actor: Actor) -> dict:
    links = Links(d)
    mentions = d.mentioned_in.get(actor.id, [])
    neighbourhood = graph.neighbourhood(d, actor.id)
    return dict(
        a=actor, kind=gettext(KIND_NAMES[actor.kind]),
        country=links.actor_ref(actor.country) if actor.country else None,
        affiliations=[links.actor_ref(r) for r in actor.affiliations],
        members=Limited.of([links.to("actors", m) for m in d.members.get(actor.id, [])]),
        places=Limited.of([links.to("places", p) for p in d.places_in.get(actor.id, [])]),
        mentioned_in=Limited.of([links.article(a) for a in mentions]),
        quotes=Limited.of([quote_view(links, a, q, show_article=True)
                           for a, q in d.quotes_by.get(actor.id, [])], LIST_LIMIT // 2),
        stances=Limited.of([links.stance(c, s) for c, s in d.stances_by.get(actor.id, [])]),
        events=Limited.of([links.event(e) for e in d.events_of_actor.get(actor.id, [])][::-1]),
        co_mentioned=[(links.to("actors", other), n)
                      for other, n in d.co_mentioned.get(actor.id, [])[:10]],
        neighbourhood=neighbourhood,
        positions=[(links.to("actors", d.corpus.actors[line.tie.other(actor.id)]), line.description)
                   for line in neighbourhood.lines
                   if line.tie.kind in ("agreement", "disagreement")],
        site="../../",
    )


def event_view(d: Dossier, e: Event) -> dict:
    links = Links(d)
    return dict(
        e=e, date=e.date.label(), precision=e.date.precision_label(),
        actors=[links.actor_ref(r) for r in dict.fromkeys(e.actors)],
        places=[links.place_ref(r) for r in dict.fromkeys(e.places)],
        sources=sorted((links.article(d.corpus.articles[r.id]) for r in dict.fromkeys(e.sources)),
                       key=lambda x: x.link.href),
    )


def stance_tally(c: Claim) -> str:
    """``2 asserts, 1 denies``: the positions taken on a claim, counted."""
    counts = Counter(s.position for s in c.stances)
    return ", ".join(f"{n} {gettext(POSITION_LABELS[p]).lower()}"
                     for p, n in sorted(counts.items()))


def claim_view(d: Dossier, c: Claim) -> dict:
    links = Links(d)
    return dict(c=c, contested=c.contested, stances=[links.stance(c, s) for s in c.stances],
                tally=stance_tally(c))


def place_view(d: Dossier, p: Place) -> dict:
    links = Links(d)
    return dict(
        p=p, kind=i18n.place_kind(p.kind), country=links.actor_ref(p.country) if p.country else None,
        coordinates=_coordinates(p.coordinates) if p.coordinates else None,
        events=Limited.of([links.event(e) for e in d.events_at.get(p.id, [])][::-1]),
        articles=Limited.of([links.article(a) for a in d.articles_at.get(p.id, [])]),
    )


def _coordinates(pair: tuple[float, float]) -> str:
    lat, lon = pair
    return f"{abs(lat):.4f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.4f}° {'E' if lon >= 0 else 'W'}"


def _by_label(item: LinkItem) -> tuple:
    return (item.label.lower(), item.href)


def overview(d: Dossier) -> dict:
    """Figures for the home page, linked from the site root."""
    links = Links(d, depth=0)
    c = d.corpus
    events = sorted(c.events.values(), key=event_order)
    articles = sorted(c.articles.values(), key=article_order)
    quotes = sum(len(a.quotes) for a in articles)
    return dict(
        counts=[(gettext("Articles"), len(c.articles), "articles/index.md"),
                (gettext("Actors"), len(c.actors), "actors/index.md"),
                (gettext("Events"), len(c.events), "timeline/index.md"),
                (gettext("Claims"), len(c.claims), "claims/index.md"),
                (gettext("Places"), len(c.places), "places/index.md"),
                (gettext("Quotes"), quotes, None)],
        contested=sum(cl.contested for cl in c.claims.values()),
        span=(events[0].date.label(), events[-1].date.label()) if events else None,
        article_span=(articles[-1].published.label(), articles[0].published.label()) if articles else None,
        latest_events=[links.event(e) for e in events[-5:]][::-1],
        latest_articles=[links.article(a) for a in articles[:5]],
    )
