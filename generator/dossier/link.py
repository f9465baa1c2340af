"""Resolve references between entities and compute every backlink.

Sources write each link once, in one direction; the pages show both. Everything
here needs the whole corpus, so it runs after every file has been validated.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.dossier import schema as s
from generator.dossier.diagnostics import Report, did_you_mean, with_article
from generator.dossier.history import History
from generator.settings import a_translation, language_of, own_language
from generator.dossier.model import (
    Actor,
    Article,
    Claim,
    Corpus,
    Entity,
    Event,
    Place,
    Quote,
    Ref,
    Stance,
)


@dataclass
class Dossier:
    """A corpus whose references all resolve, with the links computed backwards."""

    corpus: Corpus
    mentioned_in: dict[str, list[Article]] = field(default_factory=dict)
    """Actor id -> articles that list the actor, newest first."""
    quotes_by: dict[str, list[tuple[Article, Quote]]] = field(default_factory=dict)
    stances_by: dict[str, list[tuple[Claim, Stance]]] = field(default_factory=dict)
    events_of_actor: dict[str, list[Event]] = field(default_factory=dict)
    members: dict[str, list[Actor]] = field(default_factory=dict)
    """Organisation or state id -> actors affiliated with it or of that country."""
    co_mentioned: dict[str, list[tuple[Actor, int]]] = field(default_factory=dict)
    """Actor id -> other actors sharing articles with it, most shared first."""
    places_in: dict[str, list[Place]] = field(default_factory=dict)
    events_at: dict[str, list[Event]] = field(default_factory=dict)
    articles_at: dict[str, list[Article]] = field(default_factory=dict)
    events_from: dict[str, list[Event]] = field(default_factory=dict)
    """Article id -> events that cite it."""
    stances_from: dict[str, list[tuple[Claim, Stance]]] = field(default_factory=dict)
    """Article id -> claim stances that cite it."""
    history: History = field(default_factory=History)
    """When each source file last changed in git; set by the pipeline after linking."""
    link_items: dict = field(default_factory=dict, repr=False, compare=False)
    """Made by views.Links once per page depth and target, then shared by every page."""

    def get(self, ref: Ref) -> Entity:
        return self.corpus.folder(ref.folder)[ref.id]


def article_order(article: Article) -> tuple:
    """Newest first; ties broken by id so the order never depends on the file system."""
    key = article.published.sort_key
    return (tuple(-x if isinstance(x, int) else x for x in key[:3]), article.id)


def event_order(event: Event) -> tuple:
    return (event.date.sort_key, event.id)


def _check_ref(ref: Ref, path: str, corpus: Corpus, report: Report, kinds=(),
               skip=frozenset()) -> bool:
    targets = corpus.folder(ref.folder)
    if (ref.folder, ref.id) in skip:
        return False
    singular = ref.folder[:-1]
    if ref.id not in targets:
        elsewhere = next((f for f in s.FOLDERS if f != ref.folder
                          and ref.id in corpus.folder(f)), None)
        # An id of the wrong type is a mix-up, not a typo: say what it is instead.
        hint = (f"; {ref.id!r} is {with_article(elsewhere[:-1])} "
                f"(sources/{elsewhere}/{ref.id}.yml), "
                f"but {with_article(singular)} id is needed here") if elsewhere else ""
        report.error(path, ref.line, f"unknown {singular} {ref.id!r}"
                     f"{did_you_mean(ref.id, targets)}: no file "
                     f"sources/{ref.folder}/{ref.id}.yml{hint}")
        return False
    if kinds and targets[ref.id].kind not in kinds:
        report.error(path, ref.line, f"{singular} {ref.id!r} is "
                     f"{with_article(targets[ref.id].kind)}, expected {' or '.join(with_article(kind) for kind in kinds)}")
        return False
    return True


def _references(entity: Entity):
    """Every (ref, allowed kinds) an entity writes, in file order."""
    entity_type = s.ENTITY_TYPES[_folder_of(entity)]
    for f in entity_type.fields:
        yield from _walk(getattr(entity, f.name), f.type)


def _walk(value, kind):
    if value is None:
        return
    if isinstance(kind, s.RefTo):
        yield value, kind.kinds
    elif isinstance(kind, s.ListOf):
        for item in value:
            yield from _walk(item, kind.item)
    elif isinstance(kind, s.Obj):
        for f in kind.fields:
            yield from _walk(getattr(value, f.name), f.type)


def _folder_of(entity: Entity) -> str:
    return next(t.folder for t in s.ENTITY_TYPES.values() if isinstance(entity, t.cls))


def check_references(corpus: Corpus, report: Report, skip=frozenset()) -> None:
    """Report every reference that does not resolve, or resolves to the wrong kind.

    ``skip`` holds (folder, id) of files that exist but failed validation."""
    for folder in s.FOLDERS:
        for entity in corpus.folder(folder).values():
            for ref, kinds in _references(entity):
                _check_ref(ref, entity.path, corpus, report, kinds, skip)


def check_stance_quotes(corpus: Corpus, report: Report) -> None:
    """A stance quote from an article not in English needs an English translation, as an
    article's quote does; it needs none in the article's own language."""
    for claim in corpus.claims.values():
        for stance in claim.stances:
            article = corpus.articles.get(stance.source.id)
            if stance.quote is None or article is None:
                continue
            own = language_of(article.language)
            if own != language_of(own_language()) and not stance.translation:
                report.error(claim.path, stance.line, "stance quote has no 'translation': "
                             f"article {article.id!r} is in {article.language!r}, so the quote "
                             f"needs {a_translation()}")
            if own in stance.translations:
                report.error(claim.path, stance.line, f"the stance quote needs no {own!r} "
                             f"translation: article {article.id!r} is in {article.language!r} "
                             "already; remove it")


def _sorted_unique(items, key):
    seen, out = set(), []
    for item in sorted(items, key=key):
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out


def link(corpus: Corpus, report: Report) -> Dossier | None:
    """Check every reference; return the linked dossier, or None on errors."""
    before = len(report.errors)
    check_references(corpus, report)
    check_stance_quotes(corpus, report)
    if len(report.errors) > before:
        return None
    d = Dossier(corpus)
    c = corpus
    mentioned = defaultdict(list)
    quotes = defaultdict(list)
    articles_at = defaultdict(list)
    for article in c.articles.values():
        for ref in article.actors:
            mentioned[ref.id].append(article)
        for quote in article.quotes:
            quotes[quote.by.id].append((article, quote))
        for ref in article.places:
            articles_at[ref.id].append(article)
    stances_by = defaultdict(list)
    stances_from = defaultdict(list)
    for claim in c.claims.values():
        for stance in claim.stances:
            stances_by[stance.actor.id].append((claim, stance))
            stances_from[stance.source.id].append((claim, stance))
    events_of_actor, events_at, events_from = defaultdict(list), defaultdict(list), defaultdict(list)
    for event in c.events.values():
        for ref in event.actors:
            events_of_actor[ref.id].append(event)
        for ref in event.places:
            events_at[ref.id].append(event)
        for ref in event.sources:
            events_from[ref.id].append(event)
    members, places_in = defaultdict(list), defaultdict(list)
    for actor in c.actors.values():
        groups = {r.id for r in actor.affiliations} | ({actor.country.id} if actor.country else set())
        for group in groups:
            members[group].append(actor)
    for place in c.places.values():
        if place.country:
            places_in[place.country.id].append(place)

    by_article = lambda pair: (article_order(pair[0]), pair[0].quotes.index(pair[1]) if isinstance(pair[1], Quote) else 0)
    d.mentioned_in = {k: _sorted_unique(v, article_order) for k, v in mentioned.items()}
    d.quotes_by = {k: sorted(v, key=by_article) for k, v in quotes.items()}
    d.stances_by = {k: sorted(v, key=lambda p: (p[0].id, p[0].stances.index(p[1])))
                    for k, v in stances_by.items()}
    d.stances_from = {k: sorted(v, key=lambda p: (p[0].id, p[0].stances.index(p[1])))
                      for k, v in stances_from.items()}
    d.events_of_actor = {k: _sorted_unique(v, event_order) for k, v in events_of_actor.items()}
    d.events_at = {k: _sorted_unique(v, event_order) for k, v in events_at.items()}
    d.events_from = {k: _sorted_unique(v, event_order) for k, v in events_from.items()}
    d.articles_at = {k: _sorted_unique(v, article_order) for k, v in articles_at.items()}
    d.members = {k: sorted(v, key=lambda a: (a.name.lower(), a.id)) for k, v in members.items()}
    d.places_in = {k: sorted(v, key=lambda p: (p.name.lower(), p.id)) for k, v in places_in.items()}
    d.co_mentioned = _co_mentioned(c, d.mentioned_in)
    _warn(d, report)
    return d


def _co_mentioned(c: Corpus, mentioned_in: dict[str, list[Article]]) -> dict:
    result = {}
    for actor_id, articles in mentioned_in.items():
        counts = Counter(ref.id for a in articles for ref in set(a.actors) if ref.id != actor_id)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], c.actors[kv[0]].name.lower(), kv[0]))
        result[actor_id] = [(c.actors[k], n) for k, n in ranked]
    return result


def _warn(d: Dossier, report: Report) -> None:
    c = d.corpus
    for actor in c.actors.values():
        if actor.id not in d.mentioned_in:
            report.warning(actor.path, 1, f"no article mentions actor {actor.id!r}: "
                           "add it to an article's `actors` or remove the file")
    for place in c.places.values():
        if place.id not in d.articles_at and place.id not in d.events_at:
            report.warning(place.path, 1, f"nothing references place {place.id!r}: "
                           "add it to an article's or an event's `places`")
    for claim in c.claims.values():
        for stance in claim.stances:
            article = c.articles[stance.source.id]
            if stance.actor not in article.actors:
                report.warning(claim.path, stance.line, f"stance by {stance.actor.id!r} cites "
                               f"article {article.id!r}, which does not list that actor "
                               "in its `actors`")
    for article in c.articles.values():
        for quote in article.quotes:
            if quote.by not in article.actors:
                report.warning(article.path, quote.line, f"quote by {quote.by.id!r}, who is "
                               "not in the article's `actors`")
