"""How much of a dossier is translated into each language the site publishes.

An entity counts as translated into a language when every translatable field it
has is translated (an article's headline only when the article is in another
language). Quotes are not counted: they are verbatim, and each already has its
English translation. Coverage is a figure for editors, never an error, so a
dossier can become bilingual gradually.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.dossier import schema as s
from generator.settings import language_of, other_languages
from generator.dossier.model import Article, Corpus, Entity


@dataclass(frozen=True)
class Coverage:
    language: str
    translated: int
    """Entities with every translatable field they have translated."""
    total: int

    @property
    def percent(self) -> int:
        """Rounded down, so that 100 means complete."""
        return 100 * self.translated // self.total if self.total else 0

    def format(self) -> str:
        return f"{self.language} {self.percent} % ({self.translated} of {self.total} entities)"


def fields_to_translate(entity_type: s.EntityType, entity: Entity, language: str) -> list[str]:
    """The translatable fields ``entity`` has, in schema order."""
    names = []
    for f in entity_type.fields:
        if not f.translatable or not getattr(entity, f.name):
            continue
        if f.name == "title" and isinstance(entity, Article) \
                and language_of(entity.language) == language:
            continue
        names.append(f.name)
    return names


def is_translated(entity_type: s.EntityType, entity: Entity, language: str) -> bool:
    translation = entity.translations.get(language)
    return translation is not None and all(
        getattr(translation, name) is not None
        for name in fields_to_translate(entity_type, entity, language))


def coverage(corpus: Corpus) -> list[Coverage]:
    """One figure per language the site publishes besides English."""
    entities = [(t, e) for t in s.ENTITY_TYPES.values() for e in corpus.folder(t.folder).values()]
    return [Coverage(language, sum(is_translated(t, e, language) for t, e in entities),
                     len(entities))
            for language in other_languages()]


@dataclass(frozen=True)
class ArchiveCoverage:
    """How many articles name a snapshot of themselves in a web archive (``archived_url``):
    a figure for editors, never an error, for a snapshot is never invented."""

    archived: int
    total: int

    def format(self) -> str:
        return f"{self.archived} of {self.total} articles"


def archive_coverage(corpus: Corpus) -> ArchiveCoverage:
    return ArchiveCoverage(sum(bool(a.archived_url) for a in corpus.articles.values()),
                           len(corpus.articles))
