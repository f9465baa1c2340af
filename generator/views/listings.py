"""The section index pages and the timeline, split so no page grows with the corpus.

A small dossier gets one page per section. Past ``PAGE_SIZE`` entries, the articles
index and the timeline split by month (and a crowded month into parts), and the
other indexes into numbered pages, each linked from the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.views import graph
from generator.views import placemap
from generator.text import urls
from generator.views import timeline as drawing
from generator.text import english, i18n
from generator.text.i18n import N_, gettext, in_edition, month_name, place_kind
from generator.dossier.link import Dossier, article_order, event_order
from generator.dossier.schema import FOLDERS
from generator.views.matrix import matrix
from generator.views.models import KIND_LABELS, Limited, LinkItem, Links, correction_anchor

PAGE_SIZE = 200
"""Most rows on one listing page."""
TIMELINE_PAGE_SIZE = 100
"""Timeline rows carry actors and sources, so fewer fit in the same weight."""
CLAIMS_PAGE_SIZE = 100
"""Matrix rows carry a cell per actor column and a link per stance: fewer per page."""
LATEST = 20
MAP_LIMIT = 500
"""Most markers on the places map: the places with most events, the rest in the index."""


@dataclass
class Listing:
    """One generated listing page."""

    path: str
    """Under docs/, e.g. ``articles/months/2023-09.md``."""
    template: str
    title: str
    context: dict = field(default_factory=dict)
    wide: bool = False
    """Drawn views (matrix, map) take the whole width: no side navigation or contents."""
    meta: dict = field(default_factory=dict)
    """More front matter: an embed's page template and credit line."""

    def __post_init__(self):
        # ``root`` leads from this page back to docs/, for links to other sections;
        # ``site`` from the built page to the site root, for links in raw HTML.
        self.context = {"up": None, "pager": None, "title": self.title, "embed": None,
                        "root": "../" * self.path.count("/"),
                        "site": "../" * urls.page_url(self.path).count("/"), **self.context}


@dataclass(frozen=True)
class Period:
    """A month (or a year when the month is unknown) with its own page."""

    key: str
    label: str
    count: int
    href: str


@dataclass
class Group:
    title: str
    rows: list = field(default_factory=list)


def _chunks(rows: list, size: int) -> list[list]:
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def _pager(number: int, total: int, first: str, nth) -> dict | None:
    """Previous/next links between the numbered pages of one list."""
    if total == 1:
        return None
    href = lambda n: first if n == 1 else nth(n)
    return dict(number=number, total=total,
                previous=LinkItem(_page(number - 1), href(number - 1)) if number > 1 else None,
                next=LinkItem(_page(number + 1), href(number + 1)) if number < total else None)


def _page(number: int) -> str:
    return gettext("Page %(number)d") % {"number": number}


def _numbered(title: str, number: int) -> str:
    if number == 1:
        return title
    return gettext("%(title)s, page %(number)d") % {"title": title, "number": number}


def _paginated(folder: str, template: str, title: str, rows: list, page_size: int | None = None,
               **context) -> list[Listing]:
    """``<folder>/index.md`` and, when needed, ``<folder>/pages/<n>.md``."""
    chunks = _chunks(rows, page_size or PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        if number == 1:
            path, first, nth = f"{folder}/index.md", "index.md", lambda n: f"pages/{n}.md"
        else:
            path, first, nth = f"{folder}/pages/{number}.md", "../index.md", lambda n: f"{n}.md"
        heading = _numbered(title, number)
        pages.append(Listing(path, template, heading, dict(
            context, rows=chunk, pager=_pager(number, len(chunks), first, nth))))
    return pages


def _month_key(point) -> tuple[str, str]:
    if not point.month:
        return f"{point.year:04d}", gettext("%(year)d, month unknown") % {"year": point.year}
    return f"{point.year:04d}-{point.month:02d}", f"{month_name(point.month)} {point.year}"


def _by_period(items, date_of) -> dict[tuple[str, str], list]:
    periods: dict[tuple[str, str], list] = {}
    for item in items:
        periods.setdefault(_month_key(date_of(item).start), []).append(item)
    return periods


def _split(d: Dossier, folder: str, sub: str, items, date_of, size: int, row
           ) -> tuple[list, list]:
    """Pages per period (a crowded one in parts) and the periods for the index."""
    links = Links(d, _depth(f"{folder}/{sub}"))
    pages, periods = [], []
    for (key, label), members in _by_period(items, date_of).items():
        parts = _chunks(members, size)
        for number, part in enumerate(parts, start=1):
            name = key if number == 1 else f"{key}-part-{number}"
            part_label = label if len(parts) == 1 else gettext(
                "%(period)s (part %(number)d of %(total)d)") % {
                "period": label, "number": number, "total": len(parts)}
            pages.append((f"{folder}/{sub}{name}.md", part_label,
                          [row(links, m) for m in part]))
            periods.append(Period(name, part_label, len(part), f"{sub}{name}.md"))
    return pages, periods


def _depth(path: str) -> int:
    return path.count("/")


def articles(d: Dossier) -> list[Listing]:
    ordered = sorted(d.corpus.articles.values(), key=article_order)
    links = Links(d)
    intro = dict(count=len(ordered))
    if len(ordered) <= PAGE_SIZE:
        groups = [Group(label, [links.article(a) for a in members])
                  for (_, label), members in _by_period(ordered, lambda a: a.published).items()]
        return [Listing("articles/index.md", "articles_index.md.j2", gettext("Articles"),
                        dict(intro, groups=groups, periods=[], latest=[]))]
    pages, periods = _split(d, "articles", "months/", ordered, lambda a: a.published, PAGE_SIZE,
                            lambda lk, a: lk.article(a))
    result = [Listing("articles/index.md", "articles_index.md.j2", gettext("Articles"),
                      dict(intro, groups=[], periods=_years(periods),
                           latest=[links.article(a) for a in ordered[:LATEST]]))]
    for path, label, rows in pages:
        result.append(Listing(path, "articles_index.md.j2",
                              gettext("Articles: %(period)s") % {"period": label},
                              dict(count=len(rows), groups=[Group(label, rows)], periods=[],
                                   latest=[], up=LinkItem(gettext("All months"), "../index.md"))))
    return result


def _years(periods: list[Period]) -> list[Group]:
    years: dict[str, Group] = {}
    for period in periods:
        year = period.key[:4]
        years.setdefault(year, Group(year)).rows.append(period)
    return list(years.values())


def _timeline_row(links: Links, d: Dossier, e) -> tuple:
    return (links.event(e), e.date.qualified,
            [links.actor_ref(r) for r in dict.fromkeys(e.actors)],
            [links.article(d.corpus.articles[r.id]) for r in dict.fromkeys(e.sources)])


def timeline(d: Dossier) -> list[Listing]:
    """The table of events and, above it, their drawing: one per page, so each stays light.

    Split by month, the first page draws the months instead, each a link to its page."""
    events = sorted(d.corpus.events.values(), key=event_order)
    links = Links(d)
    if len(events) <= TIMELINE_PAGE_SIZE:
        years: dict[int, Group] = {}
        for e in events:
            years.setdefault(e.date.start.year, Group(str(e.date.start.year))).rows.append(
                _timeline_row(links, d, e))
        return [Listing("timeline/index.md", "timeline.md.j2", gettext("Timeline"),
                        dict(count=len(events), groups=list(years.values()), periods=[],
                             chart=drawing.chart(d, events), bars=None), wide=True)]
    pages, periods = _split(d, "timeline", "", events, lambda e: e.date, TIMELINE_PAGE_SIZE,
                            lambda lk, e: (e, _timeline_row(lk, d, e)))
    result = [Listing("timeline/index.md", "timeline.md.j2", gettext("Timeline"),
                      dict(count=len(events), groups=[], periods=_years(periods), chart=None,
                           bars=drawing.month_bars(periods)), wide=True)]
    for path, label, pairs in pages:
        rows = [row for _, row in pairs]
        result.append(Listing(path, "timeline.md.j2", gettext("Timeline: %(period)s") % {"period": label},
                              dict(count=len(rows), groups=[Group(label, rows)], periods=[],
                                   up=LinkItem(gettext("Whole timeline"), "index.md"),
                                   chart=drawing.chart(d, [e for e, _ in pairs]), bars=None),
                              wide=True))
    return result


def actors(d: Dossier) -> list[Listing]:
    rows = []
    for kind, title in KIND_LABELS.items():
        for a in sorted((a for a in d.corpus.actors.values() if a.kind == kind),
                        key=lambda a: (in_edition(a, "name").lower(), a.id)):
            rows.append((gettext(title), a, in_edition(a, "role"),
                         len(d.mentioned_in.get(a.id, []))))
    return _with_links(d, _paginated("actors", "actors_index.md.j2", gettext("Actors"), rows,
                                     count=len(rows)),
                       lambda links, r: (r[0], links.to("actors", r[1]), r[2], r[3]))


def claims(d: Dossier) -> list[Listing]:
    """Numbered pages of claims, each drawn as a who-said-what matrix."""
    ordered = sorted(d.corpus.claims.values(),
                     key=lambda c: (not c.contested, in_edition(c, "statement").lower(), c.id))
    pages = _paginated("claims", "claims_index.md.j2", gettext("Claims"), ordered,
                       CLAIMS_PAGE_SIZE,
                       count=len(ordered),
                       contested=sum(c.contested for c in ordered))
    for page in pages:
        page.context["matrix"] = matrix(Links(d, _depth(page.path)), page.context.pop("rows"))
        page.wide = True
    return pages


def places(d: Dossier) -> list[Listing]:
    ordered = sorted(d.corpus.places.values(), key=lambda p: (in_edition(p, "name").lower(), p.id))
    pages = _with_links(d, _paginated("places", "places_index.md.j2", gettext("Places"), ordered,
                                      count=len(ordered), map=None, located=0,
                                      unplaced=None),
                        lambda links, p: (links.to("places", p), place_kind(p.kind),
                                          links.actor_ref(p.country) if p.country else None,
                                          len(d.events_at.get(p.id, []))
                                          + len(d.articles_at.get(p.id, []))))
    pages[0].wide = True
    pages[0].context.update(map=places_map(d, ordered),
                            located=sum(1 for p in ordered if p.coordinates), unplaced=Limited.of(
        [Links(d).to("places", p) for p in ordered if not p.coordinates]))
    return pages


def places_map(d: Dossier, ordered: list) -> placemap.MapView | None:
    """The map on the first places page: the places with most events, at most MAP_LIMIT."""
    links = Links(d)
    spots = [placemap.Spot(in_edition(p, "name"), links.to("places", p).href, *p.coordinates,
                           len(d.events_at.get(p.id, [])))
             for p in ordered if p.coordinates]
    spots.sort(key=lambda s: -s.events)
    return placemap.map_view(spots[:MAP_LIMIT])


def events(d: Dossier) -> list[Listing]:
    ordered = sorted(d.corpus.events.values(), key=event_order)
    return _with_links(d, _paginated("events", "events_index.md.j2", gettext("Events"), ordered,
                                     count=len(ordered)),
                       lambda links, e: links.event(e))


def _with_links(d: Dossier, pages: list[Listing], row) -> list[Listing]:
    """Turn each page's entities into rows with links relative to that page."""
    for page in pages:
        links = Links(d, _depth(page.path))
        page.context["rows"] = [row(links, item) for item in page.context["rows"]]
    return pages


def tags(d: Dossier) -> list[Listing]:
    """``tags/index.md`` with every tag, and one page per tag, in numbered parts."""
    tagged: dict[str, list] = {}
    for a in sorted(d.corpus.articles.values(), key=article_order):
        for tag in dict.fromkeys(a.tags):
            tagged.setdefault(tag, []).append(a)
    pages = [Listing("tags/index.md", "tags_index.md.j2", gettext("Tags"),
                     dict(rows=[(LinkItem(tag, f"{tag}.md"), len(items))
                                for tag, items in sorted(tagged.items())]))]
    for tag, items in sorted(tagged.items()):
        chunks = _chunks(items, PAGE_SIZE)
        for number, chunk in enumerate(chunks, start=1):
            if number == 1:
                path, first, nth = f"tags/{tag}.md", f"{tag}.md", lambda n, t=tag: f"{t}/{n}.md"
            else:
                path, first, nth = f"tags/{tag}/{number}.md", f"../{tag}.md", lambda n: f"{n}.md"
            links = Links(d, _depth(path))
            title = _numbered(gettext("Tag: %(tag)s") % {"tag": tag}, number)
            pages.append(Listing(path, "tag.md.j2", title, dict(
                tag=tag, count=len(items), rows=[links.article(a) for a in chunk],
                pager=_pager(number, len(chunks), first, nth),
                up=LinkItem(gettext("All tags"), "index.md" if number == 1 else "../index.md"))))
    return pages


def network(d: Dossier) -> list[Listing]:
    """The most connected actors drawn, and the ties drawn listed as text, by kind."""
    picture = graph.network(d)
    links = Links(d)
    actor = lambda actor_id: links.to("actors", d.corpus.actors[actor_id])
    groups = [Group(gettext(title), [(actor(l.tie.source), l.description, actor(l.tie.target))
                            for l in picture.lines if l.tie.kind == kind])
              for kind, title in graph.KIND_TITLES.items()]
    return [Listing("network/index.md", "network.md.j2", gettext("Network"), dict(
        picture=picture, groups=[g for g in groups if g.rows],
        actors=len(d.corpus.actors)), wide=True)]


EMBEDS = {"timeline": ("timeline/index.md", "embed_timeline.md.j2"),
          "network": ("network/index.md", "embed_network.md.j2"),
          "map": ("places/index.md", "embed_map.md.j2"),
          "claims": ("claims/index.md", "embed_claims.md.j2")}
"""Each embeddable view (``embed/<name>/``): the full view it shows, and its template."""
_OWN_CONTEXT = ("up", "pager", "title", "root", "site")


def embeds(full: list[Listing]) -> list[Listing]:
    """``embed/<name>.md`` for each view of ``EMBEDS``: the first page of the full view,
    drawn without the site's header and navigation (generator/theme/embed.html), for
    another site's ``<iframe>``; and, on that full view, the address of its embed.

    The embed pages sit as deep under docs/ as the views they copy, so the views' Markdown
    links hold; links written for the built page (the timeline's month bars) are made
    again for the embed's address, one folder deeper."""
    by_path = {listing.path: listing for listing in full}
    pages = []
    for name, (path, template) in EMBEDS.items():
        view = by_path[path]
        view.context["embed"] = f"{view.context['site']}embed/{name}/"
        context = {k: v for k, v in view.context.items() if k not in _OWN_CONTEXT}
        if context.get("bars"):
            # The month bars lead to the timeline's month pages, written from /timeline/.
            bars = context["bars"]
            context["bars"] = replace(bars, bars=tuple(
                replace(bar, href=f"../../{path.split('/')[0]}/{bar.href}") for bar in bars.bars))
            context["periods"] = []
        context["embed"] = None
        credit = dict(full=urls.page_url(path), label=gettext("Open the full view"),
                      credit=gettext("From the dossier"))
        # The theme prints these from the front matter, where they are plain: it marks
        # them lang="en" when the edition shows the interface in English.
        if english.is_marked(credit["credit"]):
            credit["lang"] = english.LANGUAGE
        pages.append(Listing(f"embed/{name}.md", template, view.title, context,
                             meta=dict(template="embed.html", embed=credit)))
    return pages


TYPE_NAMES = {"articles": N_("Article"), "actors": N_("Actor"), "events": N_("Event"),
              "claims": N_("Claim"), "places": N_("Place")}


@dataclass(frozen=True)
class CorrectionRow:
    """One correction on the corrections page: when, of what, and what it says."""

    kind: str
    """The corrected entity's type, in the edition's language."""
    link: LinkItem
    """To the correction on the entity's page."""
    text: str


def corrections_newest_first(d: Dossier) -> list[tuple]:
    """(correction, its text in the edition, folder, entity, its number) for every
    correction, newest day first; a day's in the model's folder order, then by id, and
    one entity's in the order of its list."""
    found = [(c, text, folder, entity, number)
             for folder in FOLDERS for entity in d.corpus.folder(folder).values()
             for number, (c, text) in enumerate(i18n.corrections(entity), start=1)]
    found.sort(key=lambda x: (tuple(-n for n in x[0].date.sort_key[:3]), FOLDERS.index(x[2]),
                              x[3].id, x[4]))
    return found


def corrections(d: Dossier) -> list[Listing]:
    """``corrections/index.md``: every correction, newest first, grouped by day, each
    linking to its place on the page it corrects; numbered pages past ``PAGE_SIZE``."""
    found = corrections_newest_first(d)
    pages = _paginated("corrections", "corrections_index.md.j2", gettext("Corrections"),
                       found, count=len(found))
    for page in pages:
        links = Links(d, _depth(page.path))
        groups: dict[str, Group] = {}
        for c, text, folder, entity, number in page.context["rows"]:
            item = links.to(folder, entity)
            row = CorrectionRow(gettext(TYPE_NAMES[folder]),
                                LinkItem(item.label, f"{item.href}#{correction_anchor(number)}"),
                                text)
            groups.setdefault(c.date.raw, Group(c.date.label())).rows.append(row)
        page.context["groups"] = list(groups.values())
        del page.context["rows"]
    return pages


def all_listings(d: Dossier) -> list[Listing]:
    full = (articles(d) + actors(d) + events(d) + claims(d) + places(d) + timeline(d)
            + tags(d) + network(d) + corrections(d))
    return full + embeds(full)
