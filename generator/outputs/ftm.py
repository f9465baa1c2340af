"""``data/dossier.ftm.json``: the dossier as FollowTheMoney entities, one per line,
made with the ``followthemoney`` library, for Aleph (``ftm`` and ``alephclient``
load the file as it is) and other FollowTheMoney tools.

What becomes what:

- a person is a ``Person``, an organisation an ``Organization``; a state is a
  ``PublicBody`` classified ``state`` (FollowTheMoney has no country entity: a
  country is a property value, a two-letter code that the dossier does not record);
- an article is an ``Article`` document; each actor and place it mentions is linked
  to it by a ``Documentation`` with the role ``mentioned``;
- an event is an ``Event``, ``involved`` its actors, linked by a ``Documentation``
  with the role ``reported`` to each article that reports it;
- a place is an ``Address`` with its coordinates;
- each claim stance is a ``Documentation`` from the article that reports it to the
  actor, with the position as its role and the claim's statement as its summary;
- an affiliation is a ``Membership``; an actor's country an ``UnknownLink`` with the
  role ``country``.

Summaries are the curators' text as written, Markdown included, as in the JSON and
CSV files: making them plain text would render every summary again, seconds at
thousands of articles. Dates keep the source's precision where FollowTheMoney's date prefixes can
(``2023-09``); approximate and uncertain dates are left out, and a published time
is kept as its day, since FollowTheMoney dates have no time zone.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from generator.dossier.dates import Date, DatePoint
from generator.dossier.link import Dossier
from generator.dossier.model import Actor, Article, Claim, Event, Place
from generator.outputs import Publication
from generator.outputs.records import entities, page_path

if TYPE_CHECKING:
    from followthemoney.proxy import EntityProxy

PATH = "data/dossier.ftm.json"
ACTOR_SCHEMATA = {"person": "Person", "organization": "Organization", "state": "PublicBody"}


def entity_id(folder: str, source_id: str) -> str:
    """Readable and stable: ``actor-kim-jong-un``."""
    return f"{folder[:-1]}-{source_id}"


def _day(point: DatePoint) -> str | None:
    return None if point.approximate or point.uncertain else point.iso()


def _date(date: Date) -> str | None:
    return None if date.end is not None else _day(date.start)


class Exporter:
    """Builds the entities of one dossier, in order."""

    def __init__(self, d: Dossier, site_url: str | None):
        # Imported here, not with the module: loading the library's model takes most
        # of a second, which `check` and the live preview's start need not wait for.
        from followthemoney import model
        self.model = model
        self.d = d
        self.site_url = site_url
        self.made: list[EntityProxy] = []

    def make(self, schema: str, ident: str, **values) -> EntityProxy:
        proxy = self.model.make_entity(schema)
        proxy.id = ident
        for prop, data in values.items():
            if data:
                proxy.add(prop, data, quiet=True)
        self.made.append(proxy)
        return proxy

    def link(self, schema: str, source: str, target: str, *key: str, **values) -> None:
        """An edge between two entities, its id a hash of what it links."""
        proxy = self.model.make_entity(schema)
        proxy.make_id(schema, source, target, *key)
        prop_from, prop_to = proxy.schema.source_prop.name, proxy.schema.target_prop.name
        # Ids made here from file names: already clean, so spared the library's cleaning.
        proxy.add(prop_from, source, cleaned=True)
        proxy.add(prop_to, target, cleaned=True)
        for prop, data in values.items():
            if data:
                proxy.add(prop, data, quiet=True)
        self.made.append(proxy)

    def page(self, folder: str, source_id: str) -> str | None:
        """The entity's page, when the site has a public address to give."""
        return f"{self.site_url}{page_path(folder, source_id)}" if self.site_url else None

    def articles(self, a: Article) -> None:
        me = entity_id("articles", a.id)
        self.make("Article", me, title=a.title, author=a.authors, publisher=a.outlet,
                  publishedAt=_date(a.published), language=a.language,
                  sourceUrl=[u for u in (a.url, a.archived_url) if u],
                  retrievedAt=a.retrieved and _date(a.retrieved),
                  summary=a.summary, keywords=a.tags,
                  notes=[f"Based on {credit}" for credit in a.based_on])
        for ref in list(a.actors) + list(a.places):
            self.link("Documentation", me, entity_id(ref.folder, ref.id), "mentioned",
                      role="mentioned")

    def actors(self, a: Actor) -> None:
        me = entity_id("actors", a.id)
        self.make(ACTOR_SCHEMATA[a.kind], me, name=a.name, alias=a.aliases,
                  position=a.role if a.kind == "person" else None,
                  description=a.role if a.kind != "person" else None,
                  classification="state" if a.kind == "state" else None,
                  summary=a.summary, sourceUrl=self.page("actors", a.id))
        for ref in a.affiliations:
            self.link("Membership", me, entity_id("actors", ref.id))
        if a.country:
            self.link("UnknownLink", me, entity_id("actors", a.country.id), "country",
                      role="country")

    def events(self, e: Event) -> None:
        me = entity_id("events", e.id)
        self.make("Event", me, name=e.title, summary=e.summary,
                  date=_date(e.date),
                  startDate=_day(e.date.start) if e.date.end else None,
                  endDate=_day(e.date.end) if e.date.end else None,
                  involved=[entity_id("actors", r.id) for r in e.actors],
                  location=[self.d.corpus.places[r.id].name for r in e.places],
                  addressEntity=[entity_id("places", r.id) for r in e.places],
                  sourceUrl=self.page("events", e.id))
        for ref in e.sources:
            self.link("Documentation", entity_id("articles", ref.id), me, "reported",
                      role="reported")

    def claims(self, c: Claim) -> None:
        for n, stance in enumerate(c.stances):
            self.link("Documentation", entity_id("articles", stance.source.id),
                      entity_id("actors", stance.actor.id), "stance", c.id, str(n),
                      role=stance.position, summary=c.statement, description=stance.quote,
                      sourceUrl=self.page("claims", c.id))

    def places(self, p: Place) -> None:
        # Coordinates as text, so that a latitude of 0 is not taken for no value.
        latitude, longitude = (repr(x) for x in p.coordinates) if p.coordinates else (None, None)
        self.make("Address", entity_id("places", p.id), name=p.name, full=p.name,
                  summary=p.summary, latitude=latitude, longitude=longitude,
                  sourceUrl=self.page("places", p.id))


def export(d: Dossier, publication: Publication) -> list[EntityProxy]:
    exporter = Exporter(d, publication.site_url)
    for folder, entity in entities(d):
        getattr(exporter, folder)(entity)
    return exporter.made


def encode(proxies: list[EntityProxy]) -> bytes:
    lines = [json.dumps(p.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
             for p in proxies]
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def files(d: Dossier, publication: Publication) -> dict[str, bytes]:
    return {PATH: encode(export(d, publication))}
