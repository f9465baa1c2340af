"""What the search can narrow a page's results by: its kind, the years it concerns and,
for an article, its outlet and the report's language.

Each entity page carries its facets in its front matter (``facets``), and the theme
writes them as Pagefind filters (``data-pagefind-filter``, generator/theme/main.html);
a page without any (the home and about pages, anything hand-written) is of kind
``other``. The values are stable keys (``claim``, ``2023``, a language tag), the same in
every edition, so that an address such as ``?q=putin&kind=claim`` means the same
everywhere; the search script names them in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.dossier.dates import Date
from generator.dossier.link import Dossier

KINDS = ("article", "actor", "event", "claim", "place", "other")
"""Every kind of page, in the order the search offers them."""
OTHER = "other"
_KIND_OF_FOLDER = {"articles": "article", "actors": "actor", "events": "event",
                   "claims": "claim", "places": "place"}


@dataclass(frozen=True)
class Facets:
    kind: str
    year: list[str] = field(default_factory=list)
    """Sorted, each once."""
    outlet: str = ""
    language: str = ""

    def meta(self) -> dict:
        """The front matter's ``facets``: only what the page has."""
        found = {"kind": self.kind, "year": self.year, "outlet": self.outlet,
                 "language": self.language}
        return {key: value for key, value in found.items() if value}


def years(dates) -> list[str]:
    """Every year the dates touch, an interval's years in between included."""
    found: set[int] = set()
    for date in dates:
        if isinstance(date, Date):
            end = date.end.year if date.end else date.start.year
            found.update(range(date.start.year, max(end, date.start.year) + 1))
    return [f"{year:04d}" for year in sorted(found)]


def of(d: Dossier, folder: str, entity) -> Facets:
    """The facets of ``entity``'s page, ``entity`` being one of ``folder``'s.

    The years of an article or an event are its own; those of a claim are the years of
    the reports that source its stances; of an actor or a place, the years of the
    articles that mention it and of the events it takes part in or that happen there."""
    kind = _KIND_OF_FOLDER[folder]
    if folder == "articles":
        return Facets(kind, years([entity.published]), entity.outlet, entity.language)
    if folder == "events":
        return Facets(kind, years([entity.date]))
    if folder == "claims":
        sources = (d.corpus.articles.get(s.source.id) for s in entity.stances)
        return Facets(kind, years(a.published for a in sources if a is not None))
    if folder == "actors":
        return Facets(kind, years([a.published for a in d.mentioned_in.get(entity.id, [])]
                                  + [e.date for e in d.events_of_actor.get(entity.id, [])]))
    return Facets(kind, years([a.published for a in d.articles_at.get(entity.id, [])]
                              + [e.date for e in d.events_at.get(entity.id, [])]))
