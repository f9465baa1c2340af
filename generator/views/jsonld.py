"""Structured data: each entity page described in schema.org's vocabulary, as JSON-LD.

The page is a ``WebPage`` that is ``about`` the entity: an article page about the
source as a ``NewsArticle`` (this site summarises the report, it did not publish
it), an actor page about a ``Person``, an ``Organization`` or a ``Country``, and so
on. The mapping makes plain dicts; :func:`script_text` turns one into text that is
safe inside a ``<script>`` element. Nothing here knows about templates or HTML.

Dates are given only as precisely as the data knows them. schema.org's dates are
ISO 8601 and have no way to say "about" or "probably", so an approximate or
uncertain date, or an interval where one date is expected, is left out rather than
passed off as exact; a month or a year stays a month (``2023-09``) or a year.

Each edition describes its own pages: the ``WebPage`` states the edition's language
(``inLanguage``), its addresses are the edition's, and names and descriptions are in
its language where the dossier has them, in English where it does not yet. What is
not this site's text keeps its own language: a ``NewsArticle``'s headline and
``inLanguage`` are the report's, a quotation is verbatim.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from generator.text import i18n
from generator.dossier.dates import Date, DatePoint
from generator.text.i18n import in_edition
from generator.dossier.link import Dossier
from generator.text.markup import plain_text
from generator.dossier.model import Actor, Article, Claim, Entity, Event, Place, Stance
from generator.views.models import correction_anchor

CONTEXT = "https://schema.org"
ACTOR_TYPES = {"person": "Person", "organization": "Organization", "state": "Country"}
POSITION_WORDS = {"asserts": i18n.N_("asserts"), "denies": i18n.N_("denies"),
                  "declines-to-comment": i18n.N_("declines to comment"),
                  "questions": i18n.N_("questions")}
CORRECTIONS_POLICY = "about/#corrections-policy"
"""Where the About page states the corrections policy, from the edition's root."""
_FRAGMENT = {"articles": "article", "actors": "actor", "events": "event", "claims": "claim",
             "places": "place"}


def point_date(point: DatePoint) -> str | None:
    """``2023``, ``2023-09`` or ``2023-09-05``; None when the point is qualified."""
    if point.approximate or point.uncertain:
        return None
    return point.iso()


def exact_date(date: Date) -> str | None:
    """One date or date-time at the source's precision; None for intervals and
    qualified dates, which schema.org cannot express."""
    if date.end is not None:
        return None
    if date.start.time and not date.qualified:
        return date.raw  # validated: 2023-09-05T06:45+07:00 is ISO 8601 already
    return point_date(date.start)


def utc_timestamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Describer:
    """JSON-LD dicts for the entities of one dossier in the edition being rendered
    (``i18n.edition``), with addresses under ``base``.

    ``base`` is the edition's address with a trailing slash, or a relative path from
    an entity page to the edition's root (``../../``): JSON-LD resolves relative
    addresses against the page, so a local build's data points at its own pages."""

    def __init__(self, dossier: Dossier, base: str):
        self.d = dossier
        self.base = base

    def page_url(self, folder: str, entity_id: str) -> str:
        return f"{self.base}{folder}/{entity_id}/"

    def node_id(self, folder: str, entity_id: str) -> str:
        return f"{self.page_url(folder, entity_id)}#{_FRAGMENT[folder]}"

    # References: enough for a reader of one page to know what is linked.

    def actor_ref(self, actor_id: str) -> dict:
        actor = self.d.corpus.actors[actor_id]
        return {"@id": self.node_id("actors", actor_id), "@type": ACTOR_TYPES[actor.kind],
                "name": in_edition(actor, "name")}

    def place_ref(self, place_id: str) -> dict:
        return {"@id": self.node_id("places", place_id), "@type": "Place",
                "name": in_edition(self.d.corpus.places[place_id], "name")}

    def article_ref(self, article_id: str) -> dict:
        return {"@id": self.node_id("articles", article_id), "@type": "NewsArticle",
                "headline": self.d.corpus.articles[article_id].title}

    # The page and its subject.

    def page(self, folder: str, entity: Entity) -> dict:
        """The whole JSON-LD object of ``entity``'s page."""
        subject = getattr(self, folder)(entity)
        url = self.page_url(folder, entity.id)
        page = {"@context": CONTEXT, "@type": "WebPage", "@id": url, "url": url,
                "name": subject.get("name") or subject.get("headline") or subject.get("text"),
                "inLanguage": i18n.language(), "about": subject}
        if folder == "articles":
            # The summary is this site's account of the report, not the report's own.
            page["description"] = plain_text(in_edition(entity, "summary"))
        changed = self.d.history.last_changed(folder, entity.id)
        if changed is not None:
            page["dateModified"] = utc_timestamp(changed)
        _put(page, "correction", [
            {"@type": "CorrectionComment", "@id": f"{url}#{correction_anchor(number)}",
             "text": text, "datePublished": c.date.start.iso()}
            for number, (c, text) in enumerate(i18n.corrections(entity), start=1)])
        page["publisher"] = self.publisher()
        return page

    def publisher(self) -> dict:
        """Whoever publishes the site, known by its address, with the corrections policy
        on the About page (``docs/about.md``, section ``#corrections-policy``)."""
        return {"@type": "Organization", "@id": f"{self.base}#publisher", "url": self.base,
                "correctionsPolicy": f"{self.base}{CORRECTIONS_POLICY}"}

    def articles(self, a: Article) -> dict:
        node = {"@id": self.node_id("articles", a.id), "@type": "NewsArticle",
                "headline": a.title, "inLanguage": a.language,
                "publisher": {"@type": "Organization", "name": a.outlet},
                "mentions": [self.actor_ref(r.id) for r in a.actors]
                + [self.place_ref(r.id) for r in a.places]}
        _put(node, "datePublished", exact_date(a.published))
        _put(node, "author", [{"@type": "Person", "name": n} for n in a.authors])
        _put(node, "editor", [{"@type": "Person", "name": n} for n in a.editors])
        # A wire credit names who published the report this one is based on.
        _put(node, "isBasedOn", [{"@type": "CreativeWork",
                                  "publisher": {"@type": "Organization", "name": n}}
                                 for n in a.based_on])
        _put(node, "url", a.url)
        _put(node, "archivedAt", a.archived_url)
        _put(node, "keywords", a.tags)
        return node

    def actors(self, a: Actor) -> dict:
        node = {"@id": self.node_id("actors", a.id), "@type": ACTOR_TYPES[a.kind],
                "name": in_edition(a, "name"),
                "description": plain_text(in_edition(a, "summary"))}
        _put(node, "alternateName", in_edition(a, "aliases"))
        if a.role:
            node["jobTitle" if a.kind == "person" else "disambiguatingDescription"] = \
                in_edition(a, "role")
        # The content model's `country` and `affiliations` both name what an actor
        # belongs to or speaks for; schema.org has one property for it per type.
        groups = ([a.country] if a.country else []) + list(a.affiliations)
        if a.kind != "state":
            _put(node, "affiliation" if a.kind == "person" else "memberOf",
                 [self.actor_ref(r.id) for r in dict.fromkeys(groups)])
        _put(node, "subjectOf", [{"@type": "CreativeWork", "name": link.title, "url": link.url}
                                 for link in a.links])
        return node

    def events(self, e: Event) -> dict:
        node = {"@id": self.node_id("events", e.id), "@type": "Event",
                "name": in_edition(e, "title")}
        _put(node, "startDate", point_date(e.date.start))
        if e.date.end is not None:
            _put(node, "endDate", point_date(e.date.end))
        _put(node, "description", plain_text(in_edition(e, "summary")))
        _put(node, "location", [self.place_ref(r.id) for r in e.places])
        _put(node, "about", [self.actor_ref(r.id) for r in e.actors])
        node["subjectOf"] = [self.article_ref(r.id) for r in e.sources]
        return node

    def claims(self, c: Claim) -> dict:
        node = {"@id": self.node_id("claims", c.id), "@type": "Claim",
                "text": in_edition(c, "statement"),
                "appearance": [self.stance(s) for s in c.stances]}
        _put(node, "description", plain_text(in_edition(c, "summary")))
        return node

    def stance(self, s: Stance) -> dict:
        """Where a claim appears: the article that reports one actor's position on it."""
        actor = self.d.corpus.actors[s.actor.id]
        node = {"@type": "Quotation" if s.quote else "CreativeWork",
                "creator": self.actor_ref(s.actor.id),
                "description": f"{in_edition(actor, 'name')} "
                               f"{i18n.gettext(POSITION_WORDS[s.position])}",
                "isPartOf": self.article_ref(s.source.id)}
        _put(node, "text", s.quote)
        return node

    def places(self, p: Place) -> dict:
        node = {"@id": self.node_id("places", p.id), "@type": "Place",
                "name": in_edition(p, "name")}
        _put(node, "description", plain_text(in_edition(p, "summary")))
        if p.coordinates:
            node["geo"] = {"@type": "GeoCoordinates", "latitude": p.coordinates[0],
                           "longitude": p.coordinates[1]}
        if p.country:
            node["containedInPlace"] = self.actor_ref(p.country.id)
        return node


def _put(node: dict, key: str, value) -> None:
    """Set ``key`` unless ``value`` is empty: absent says "not known", empty says less."""
    if value:
        node[key] = value


# Characters that could end the script element or open a comment in it, or end a
# line in a JavaScript string, written as JSON escapes: the parsed data is the same.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                   ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_text(data: dict) -> str:
    """``data`` as JSON that can sit inside ``<script type="application/ld+json">``:
    keys sorted, so that the same dossier gives the same bytes, and no ``<``, ``>``
    or ``&``, so that no text (``</script>``, ``<!--``) can end or alter the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _SCRIPT_ESCAPES:  # str.replace: many times quicker than translate
        if char in text:
            text = text.replace(char, escape)
    return text
